"""Transient lock failures are retried with backoff: another real process holds the lock for a moment."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from orchestration.settings import Paths
from orchestration.warehouse import retry
from orchestration.warehouse.publish import WarehouseBusy, connect_work, writer_lock
from orchestration.warehouse.reader import connect_reader

HOLD_DUCKDB = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""
HOLD_FLOCK = """
import fcntl, sys, time
with open(sys.argv[1], "a+") as handle:
    fcntl.flock(handle, fcntl.LOCK_EX)
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold(script: str, path: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", script, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def _paths(tmp_path: Path) -> Paths:
    return Paths(raw_dir=tmp_path / "raw", warehouse=tmp_path / "warehouse.duckdb", lake_dir=tmp_path / "lake")


def test_opening_the_work_file_waits_for_another_writer(tmp_path, caplog) -> None:
    paths = _paths(tmp_path)
    holder = _hold(HOLD_DUCKDB, paths.work_db, 1.5)
    try:
        with pytest.raises(duckdb.IOException):  # without retries: DuckDB's lock error
            duckdb.connect(str(paths.work_db))
        started = time.monotonic()
        with connect_work(paths) as con:  # with them: waits, then opens
            assert con.execute("select count(*) from raw.issues").fetchone() == (0,)
        assert time.monotonic() - started >= 0.5
        assert "retrying" in caplog.text
    finally:
        holder.wait(timeout=30)


def test_a_reader_waits_out_a_writer_too(tmp_path) -> None:
    path = tmp_path / "published.duckdb"
    duckdb.connect(str(path)).close()
    holder = _hold(HOLD_DUCKDB, path, 1.0)
    try:
        with connect_reader(path) as con:
            assert con.execute("select 42").fetchone() == (42,)
    finally:
        holder.wait(timeout=30)


def test_retries_give_up_after_the_timeout(tmp_path) -> None:
    path = tmp_path / "busy.duckdb"
    holder = _hold(HOLD_DUCKDB, path, 5)
    try:
        started = time.monotonic()
        with pytest.raises(duckdb.IOException, match="lock"):
            retry.connect(path, timeout_s=0.8)
        assert time.monotonic() - started < 4
    finally:
        holder.kill()
        holder.wait()


def test_non_transient_errors_are_not_retried(tmp_path) -> None:
    calls = []

    def broken() -> None:
        calls.append(1)
        raise duckdb.CatalogException("no such table")

    with pytest.raises(duckdb.CatalogException):
        retry.with_retries(broken, what="query")
    assert calls == [1]


def test_the_writer_lock_waits_for_another_process_then_takes_it(tmp_path) -> None:
    paths = _paths(tmp_path)
    paths.write_lock.parent.mkdir(parents=True, exist_ok=True)
    holder = _hold(HOLD_FLOCK, paths.write_lock, 1.0)
    try:
        started = time.monotonic()
        with writer_lock(paths, timeout_s=30):
            waited = time.monotonic() - started
        assert waited >= 0.5
    finally:
        holder.wait(timeout=30)


def test_the_writer_lock_reports_a_stuck_writer(tmp_path) -> None:
    paths = _paths(tmp_path)
    paths.write_lock.parent.mkdir(parents=True, exist_ok=True)
    holder = _hold(HOLD_FLOCK, paths.write_lock, 10)
    try:
        with pytest.raises(WarehouseBusy):
            with writer_lock(paths, timeout_s=0.5):
                pass
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_writer_releases_the_lock(tmp_path) -> None:
    paths = _paths(tmp_path)
    paths.write_lock.parent.mkdir(parents=True, exist_ok=True)
    holder = _hold(HOLD_FLOCK, paths.write_lock, 60)
    holder.kill()  # SIGKILL: no cleanup code runs, the OS drops the lock
    holder.wait()
    with writer_lock(paths, timeout_s=5):
        pass
