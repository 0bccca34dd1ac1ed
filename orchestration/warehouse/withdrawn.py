"""Files that were taken in and have since disappeared from raw/.

Their rows stay in the warehouse and are marked withdrawn (raw.withdrawn_files → the
`withdrawn`/`withdrawn_at` columns of marts.issues and marts.rejected_files), rather than
deleted: the archive is a record of what was printed, facts from it may already have been
quoted, and files vanish from a shared folder by accident (moved, renamed, a sync tool) far
more often than an issue is retracted. A file that comes back is taken off the list; an issue
is gone for good only after a rebuild from scratch (README, "When things go wrong").

Called before every dbt build (the sensor's runs, `wenling run`, the daily schedule), under the
writer lock.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb


def reconcile(con: duckdb.DuckDBPyConnection, raw_dir: Path, present: set[str]) -> tuple[list[str], list[str]]:
    """Mark loaded files missing from `present` as withdrawn, unmark those back; → (withdrawn now, returned)."""
    if not raw_dir.is_dir():
        # raw/ itself is gone (unmounted?): that is not every issue being withdrawn.
        return [], []
    known = {r[0] for r in con.execute(
        "select source_file from raw.issues union select source_file from raw.rejected_files").fetchall()}
    listed = {r[0] for r in con.execute("select source_file from raw.withdrawn_files").fetchall()}
    gone = sorted(known - present - listed)
    back = sorted(listed & present)
    if not gone and not back:
        return [], []
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    con.execute("begin transaction")
    try:
        if gone:
            con.executemany("insert into raw.withdrawn_files (source_file, withdrawn_at) values (?, ?)", [[f, now] for f in gone])
        if back:
            con.executemany("delete from raw.withdrawn_files where source_file = ?", [[f] for f in back])
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return gone, back
