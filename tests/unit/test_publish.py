"""Publishing the work file: atomic, never blocked by a reader, cleaning up after a killed publish."""
from __future__ import annotations

import subprocess
import sys

import duckdb

from orchestration.settings import Paths
from orchestration.warehouse.publish import connect_work, publish, writer_lock

READER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("select count(*) from raw.issues").fetchone()[0], flush=True)
sys.stdin.readline()  # hold the connection until told to go on
print(con.execute("select count(*) from raw.issues").fetchone()[0], flush=True)
"""


def _paths(tmp_path) -> Paths:
    return Paths(raw_dir=tmp_path / "raw", warehouse=tmp_path / "data" / "warehouse.duckdb", lake_dir=tmp_path / "lake")


def _add_issue(paths: Paths, name: str) -> None:
    with writer_lock(paths), connect_work(paths) as con:
        con.execute("insert into raw.issues (source_file, issue_id, loaded_at, first_loaded_at) values (?, 'i', now(), now())", [name])


def test_a_reader_holding_the_warehouse_neither_blocks_a_publish_nor_breaks(tmp_path) -> None:
    paths = _paths(tmp_path)
    _add_issue(paths, "a.txt")
    with writer_lock(paths):
        publish(paths)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(paths.warehouse)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "1"
        _add_issue(paths, "b.txt")
        with writer_lock(paths):
            publish(paths)  # while the reader holds the old snapshot open
        out, _ = reader.communicate("go\n", timeout=30)
    finally:
        reader.kill()
    assert reader.returncode == 0 and out.strip() == "1"  # its snapshot, unharmed
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:  # a new reader sees the new one
        assert con.execute("select count(*) from raw.issues").fetchone() == (2,)


def test_a_half_copied_snapshot_of_a_killed_publish_is_removed(tmp_path) -> None:
    paths = _paths(tmp_path)
    _add_issue(paths, "a.txt")
    paths.warehouse.parent.mkdir(parents=True, exist_ok=True)
    stale = paths.warehouse.with_name(f".{paths.warehouse.name}.12345.publishing")
    stale.write_bytes(b"half a copy")
    with writer_lock(paths):
        publish(paths)
    assert not stale.exists()
    assert not list(paths.warehouse.parent.glob(".*.publishing"))
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        assert con.execute("select count(*) from raw.issues").fetchone() == (1,)
