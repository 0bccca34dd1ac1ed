"""A file removed from raw/ keeps its rows and is marked withdrawn; one that comes back is unmarked."""
from __future__ import annotations

import duckdb
import pytest

from orchestration.warehouse.publish import RAW_SCHEMA_SQL
from orchestration.warehouse.withdrawn import reconcile


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
    con.execute("insert into raw.issues (source_file, issue_id, loaded_at, first_loaded_at) values "
                "('a.txt', 'i1', now(), now()), ('b.txt', 'i2', now(), now())")
    con.execute("insert into raw.rejected_files (source_file, stage, reason, first_seen, last_seen) values "
                "('bad.txt', 'documents', 'empty file', now(), now())")
    yield con
    con.close()


def _withdrawn(con) -> dict:
    return dict(con.execute("select source_file, withdrawn_at from raw.withdrawn_files").fetchall())


def test_removed_files_are_marked_and_their_rows_kept(con, tmp_path) -> None:
    gone, back = reconcile(con, tmp_path, {"a.txt"})
    assert (gone, back) == (["b.txt", "bad.txt"], [])
    first = _withdrawn(con)
    assert set(first) == {"b.txt", "bad.txt"}
    assert con.execute("select count(*) from raw.issues").fetchone() == (2,)  # nothing deleted

    assert reconcile(con, tmp_path, {"a.txt"}) == ([], [])  # again: unchanged, same time kept
    assert _withdrawn(con) == first

    assert reconcile(con, tmp_path, {"a.txt", "b.txt"}) == ([], ["b.txt"])  # it came back
    assert set(_withdrawn(con)) == {"bad.txt"}


def test_a_vanished_raw_dir_withdraws_nothing(con, tmp_path) -> None:
    assert reconcile(con, tmp_path / "unmounted", set()) == ([], [])
    assert _withdrawn(con) == {}
