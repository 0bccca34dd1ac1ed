"""One writer at a time, and readers that never see a half-built warehouse.

DuckDB lets one process write a file or several read it, never both. So runs write only the
work file (`<warehouse>.work`), holding an exclusive lock file while they do, and when a build
is complete it is copied beside the published warehouse and renamed over it. A reader that
has the old file open keeps reading the old snapshot; the next one opens the new one.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import random
import shutil
import time
from pathlib import Path
from typing import Iterator

import duckdb

from orchestration.settings import Paths

RAW_SCHEMA_SQL = Path(__file__).with_name("raw_schema.sql")


class WarehouseBusy(RuntimeError):
    """Another writer held the warehouse for longer than we were willing to wait."""


@contextlib.contextmanager
def writer_lock(paths: Paths, timeout_s: float = 600.0) -> Iterator[None]:
    """Exclusive, cross-process lock for writing the work file (released if the holder dies)."""
    paths.write_lock.parent.mkdir(parents=True, exist_ok=True)
    with open(paths.write_lock, "a+") as handle:
        deadline = time.monotonic() + timeout_s
        delay = 0.05
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WarehouseBusy(f"{paths.warehouse}: another run held the write lock for over {timeout_s:.0f}s")
                time.sleep(delay + random.uniform(0, delay))  # backoff with jitter
                delay = min(delay * 2, 2.0)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def connect_work(paths: Paths, attempts: int = 8) -> duckdb.DuckDBPyConnection:
    """Open the work file read-write, retrying while a stray process still holds it."""
    paths.work_db.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(attempts):
        try:
            con = duckdb.connect(str(paths.work_db))
            con.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
            return con
        except duckdb.IOException:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * 2**attempt)
    raise AssertionError("unreachable")


def publish(paths: Paths) -> Path:
    """Copy the (closed, checkpointed) work file over the published warehouse atomically.

    Call with the writer lock held and no connection to the work file open.
    """
    with duckdb.connect(str(paths.work_db)) as con:
        con.execute("checkpoint")
    paths.warehouse.parent.mkdir(parents=True, exist_ok=True)
    tmp = paths.warehouse.with_name(f".{paths.warehouse.name}.{os.getpid()}.publishing")
    shutil.copyfile(paths.work_db, tmp)
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, paths.warehouse)
    return paths.warehouse
