"""One writer at a time, and readers that never see a half-built warehouse.

DuckDB lets one process write a file or several read it, never both. So runs write only the
work file (`<warehouse>.work`), holding an exclusive lock file while they do, and when a build
is complete it is copied beside the published warehouse and renamed over it. A reader that
has the old file open keeps reading the old snapshot; the next one opens the new one.

A run killed at any point leaves the published file as it was: the work file's open
transaction is rolled back when it is next opened, and a half-copied snapshot is only ever a
temporary file (removed by the next publish).
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from pathlib import Path
from typing import Iterator

import duckdb

from orchestration.settings import Paths
from orchestration.warehouse import retry

RAW_SCHEMA_SQL = Path(__file__).with_name("raw_schema.sql")


class WarehouseBusy(RuntimeError):
    """Another writer held the warehouse for longer than we were willing to wait."""


@contextlib.contextmanager
def writer_lock(paths: Paths, timeout_s: float = 600.0) -> Iterator[None]:
    """Exclusive, cross-process lock for writing the work file (released if the holder dies).

    Waiting for it (another run is loading or building) is retried with backoff, up to
    `timeout_s`, rather than failing the run.
    """
    paths.write_lock.parent.mkdir(parents=True, exist_ok=True)
    with open(paths.write_lock, "a+") as handle:
        try:
            retry.with_retries(
                lambda: fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB),
                what=f"waiting for the write lock {paths.write_lock} (another run is writing)",
                timeout_s=timeout_s, first_delay_s=0.05, max_delay_s=2.0,
                transient=lambda err: isinstance(err, BlockingIOError),
            )
        except BlockingIOError as err:
            raise WarehouseBusy(f"{paths.warehouse}: another run held the write lock for over {timeout_s:.0f}s") from err
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def connect_work(paths: Paths, timeout_s: float = 60.0) -> duckdb.DuckDBPyConnection:
    """Open the work file read-write (creating the raw schema), retrying while a stray process holds it."""
    paths.work_db.parent.mkdir(parents=True, exist_ok=True)
    con = retry.connect(paths.work_db, timeout_s=timeout_s)
    try:
        con.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
    except BaseException:
        con.close()
        raise
    return con


def publish(paths: Paths) -> Path:
    """Copy the (closed, checkpointed) work file over the published warehouse atomically.

    Call with the writer lock held and no connection to the work file open.
    """
    with retry.connect(paths.work_db) as con:
        con.execute("checkpoint")
    paths.warehouse.parent.mkdir(parents=True, exist_ok=True)
    for stale in paths.warehouse.parent.glob(f".{paths.warehouse.name}.*.publishing"):
        stale.unlink(missing_ok=True)  # left by a killed publish; we hold the lock, so none is live
    tmp = paths.warehouse.with_name(f".{paths.warehouse.name}.{os.getpid()}.publishing")
    shutil.copyfile(paths.work_db, tmp)
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, paths.warehouse)
    return paths.warehouse
