"""Files (or stages of a file) that could not be taken in, with the reason.

A failure in one issue file must not stop the others, and must not vanish either: it is kept
in the lake as a `rejections` record, loaded into raw.rejected_files and shown in
marts.rejected_files and in the Dagster UI (an asset check on the raw tables).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa

from . import lake

STAGE = "rejections"
SCHEMA = pa.schema([
    ("source_file", pa.string()),
    ("stage", pa.string()),
    ("reason", pa.string()),
    ("first_seen", pa.timestamp("us")),
    ("last_seen", pa.timestamp("us")),
])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def reject(lake_dir: Path, source_file: str, stage: str, reason: str) -> None:
    previous = find(lake_dir, source_file)
    first_seen = previous["first_seen"] if previous else _now()
    row = {"source_file": source_file, "stage": stage, "reason": reason, "first_seen": first_seen, "last_seen": _now()}
    lake.write_rows(lake_dir, STAGE, source_file, [row], SCHEMA)


def find(lake_dir: Path, source_file: str) -> dict | None:
    try:
        rows = lake.read_rows(lake_dir, STAGE, source_file)
    except FileNotFoundError:
        return None
    return rows[0] if rows else None


def clear(lake_dir: Path, source_file: str) -> None:
    lake.remove(lake_dir, STAGE, source_file)
