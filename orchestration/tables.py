"""Plain-text tables that line up with CJK text (wide characters take two columns)."""
from __future__ import annotations

import unicodedata
from typing import Any, Sequence


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any) -> str:
    text = "NULL" if value is None else str(value)
    return text.replace("\n", " ")


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60, footer: bool = True) -> str:
    if not columns:
        return "(no result)"
    cells = [[_cell(v) for v in row] for row in rows]
    cells = [[c if display_width(c) <= max_width else _truncate(c, max_width) for c in row] for row in cells]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = "+".join("-" * (w + 2) for w in widths)
    out = [" | ".join(_pad(c, w) for c, w in zip(columns, widths)), line]
    out += [" | ".join(_pad(c, w) for c, w in zip(row, widths)) for row in cells]
    if footer:
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _truncate(text: str, width: int) -> str:
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _plain(value: Any) -> Any:
    """A value JSON can carry: dates and decimals as text, lists as lists."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def format_json(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    import json

    return json.dumps([dict(zip(columns, (_plain(v) for v in row))) for row in rows], ensure_ascii=False, indent=1)


def format_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().rstrip("\n")


def format_markdown(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    def cell(value: Any) -> str:
        return ("" if value is None else str(value)).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


FORMATS = {"table": format_table, "csv": format_csv, "json": format_json, "markdown": format_markdown}
