"""`wenling query` output formats: aligned with CJK text, CSV, JSON and Markdown."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

from orchestration.tables import display_width, format_csv, format_json, format_markdown, format_table

COLUMNS = ["产业", "value", "date", "aliases"]
ROWS = [("金属切削数控机床", 105.78, dt.date(2024, 8, 22), ["数控机床", "机床"]), ("激光", None, None, [])]


def test_table_columns_line_up_in_display_width() -> None:
    lines = format_table(COLUMNS, ROWS).splitlines()
    header, rule, first, second, footer = lines
    bars = [[display_width(line[:i]) for i, ch in enumerate(line) if ch == "|"] for line in (header, first, second)]
    assert bars[0] == bars[1] == bars[2]
    assert footer == "(2 rows)"
    assert "NULL" in second


def test_csv_round_trips() -> None:
    rows = list(csv.reader(io.StringIO(format_csv(COLUMNS, ROWS))))
    assert rows[0] == COLUMNS
    assert rows[1][:3] == ["金属切削数控机床", "105.78", "2024-08-22"]
    assert rows[2][1] == ""


def test_json_keeps_types_it_can_and_dates_as_text() -> None:
    data = json.loads(format_json(COLUMNS, ROWS))
    assert data[0] == {"产业": "金属切削数控机床", "value": 105.78, "date": "2024-08-22", "aliases": ["数控机床", "机床"]}
    assert data[1]["value"] is None


def test_markdown_escapes_pipes() -> None:
    md = format_markdown(["a"], [("x|y",)]).splitlines()
    assert md == ["| a |", "|---|", "| x\\|y |"]
