"""Files (or stages of a file) that could not be taken in, with the reason.

A failure in one issue file must not stop the others, and must not vanish either: it is kept
in the lake as a `rejections` record, loaded into raw.rejected_files and shown in
marts.rejected_files and in the Dagster UI (an asset check on the raw tables).

Two outcomes: `rejected` (none of the file's facts are loaded) and `flagged` (the file was
taken in after a repair — a truncated last character dropped — and the record says what was
done). One record per file; a rejection at a later stage replaces a flag.
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
    ("outcome", pa.string()),  # rejected | flagged (last: added to existing warehouses by ALTER)
])
REJECTED = "rejected"
FLAGGED = "flagged"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def reject(lake_dir: Path, source_file: str, stage: str, reason: str, outcome: str = REJECTED) -> None:
    previous = find(lake_dir, source_file)
    first_seen = previous["first_seen"] if previous else _now()
    row = {"source_file": source_file, "stage": stage, "reason": reason, "first_seen": first_seen, "last_seen": _now(),
           "outcome": outcome}
    lake.write_rows(lake_dir, STAGE, source_file, [row], SCHEMA)


def flag(lake_dir: Path, source_file: str, stage: str, reason: str) -> None:
    """Record that the file was taken in with a repair (its facts are loaded)."""
    reject(lake_dir, source_file, stage, reason, outcome=FLAGGED)


def is_rejected(record: dict | None) -> bool:
    return record is not None and (record.get("outcome") or REJECTED) == REJECTED


def find(lake_dir: Path, source_file: str) -> dict | None:
    try:
        rows = lake.read_rows(lake_dir, STAGE, source_file)
    except FileNotFoundError:
        return None
    return rows[0] if rows else None


def clear(lake_dir: Path, source_file: str) -> None:
    lake.remove(lake_dir, STAGE, source_file)
