"""Loading one issue file into raw.*: replace, never duplicate; rollback on failure."""
import datetime as dt

import duckdb
import pyarrow as pa
import pytest

from orchestration.warehouse import schemas
from orchestration.warehouse.loader import load_issue_file
from orchestration.warehouse.rejections import SCHEMA as REJECTION_SCHEMA


def _articles(issue_id: str, n: int) -> pa.Table:
    rows = [
        {"article_id": f"{issue_id}-{i:03d}", "issue_id": issue_id, "seq": i, "title": f"标题{i}", "kind": "news",
         "reporters": ["赵碧莹"], "body": "正文。", "byline": None, "continued_to": None}
        for i in range(1, n + 1)
    ]
    return pa.Table.from_pylist(rows, schema=schemas.ARTICLE)


def test_reloading_a_file_replaces_its_rows(con) -> None:
    load_issue_file(con, "a.txt", {"articles": _articles("i1", 3)})
    load_issue_file(con, "b.txt", {"articles": _articles("i2", 2)})
    load_issue_file(con, "a.txt", {"articles": _articles("i1", 4)})
    counts = dict(con.execute("select source_file, count(*) from raw.articles group by 1").fetchall())
    assert counts == {"a.txt": 4, "b.txt": 2}
    assert con.execute("select reporters from raw.articles limit 1").fetchone()[0] == ["赵碧莹"]


def test_a_failed_load_leaves_the_previous_rows(con) -> None:
    load_issue_file(con, "a.txt", {"articles": _articles("i1", 3)})
    broken = pa.table({"article_id": ["x"], "no_such_column": [1]})
    with pytest.raises(duckdb.Error):
        load_issue_file(con, "a.txt", {"articles": _articles("i1", 5), "events": broken})
    assert con.execute("select count(*) from raw.articles where source_file = 'a.txt'").fetchone()[0] == 3


def test_file_names_are_bound_not_formatted(con) -> None:
    name = "x'; drop table raw.articles; --.txt"
    load_issue_file(con, name, {"articles": _articles("i3", 1)})
    assert con.execute("select source_file from raw.articles").fetchone()[0] == name


def _issue(issue_id: str, loaded_at: dt.datetime) -> pa.Table:
    row = {"issue_id": issue_id, "encoding": "utf-8", "n_bytes": 10, "is_traditional": False, "publication_date": None,
           "publication_date_confidence": 0.0, "publication_date_evidence": "", "n_articles": 1, "file_mtime": None,
           "loaded_at": loaded_at}
    return pa.Table.from_pylist([row])


def _rejection(reason: str, seen: dt.datetime) -> pa.Table:
    row = {"source_file": "a.txt", "stage": "documents", "reason": reason, "first_seen": seen, "last_seen": seen,
           "outcome": "rejected"}
    return pa.Table.from_pylist([row], schema=REJECTION_SCHEMA)


def test_reloading_the_same_content_keeps_its_load_time(con) -> None:
    t0, t1, t2 = (dt.datetime(2024, 9, 1, h) for h in (8, 9, 10))
    load_issue_file(con, "a.txt", {"issues": _issue("i1", t0)})
    load_issue_file(con, "a.txt", {"issues": _issue("i1", t1)})  # a re-run: nothing changed
    assert con.execute("select loaded_at, first_loaded_at from raw.issues").fetchall() == [(t0, t0)]
    load_issue_file(con, "a.txt", {"issues": _issue("i2", t2)})  # edited in place: new content
    assert con.execute("select issue_id, loaded_at, first_loaded_at from raw.issues").fetchall() == [("i2", t2, t0)]


def test_the_same_problem_keeps_its_first_seen(con) -> None:
    t0, t1, t2 = (dt.datetime(2024, 9, 1, h) for h in (8, 9, 10))
    load_issue_file(con, "a.txt", {"rejected_files": _rejection("empty file (0 bytes)", t0)})
    load_issue_file(con, "a.txt", {"rejected_files": _rejection("empty file (0 bytes)", t1)})
    assert con.execute("select first_seen, last_seen from raw.rejected_files").fetchall() == [(t0, t1)]
    load_issue_file(con, "a.txt", {"rejected_files": _rejection("whitespace only (no text)", t2)})
    assert con.execute("select first_seen from raw.rejected_files").fetchall() == [(t2,)]


def test_every_issue_a_loaded_file_carried_or_carries_is_pending(con) -> None:
    now = dt.datetime(2026, 1, 5, 8, 0)
    load_issue_file(con, "a.txt", {"issues": _issue("i1", now), "articles": _articles("i1", 2)})
    load_issue_file(con, "b.txt", {"issues": _issue("i2", now), "articles": _articles("i2", 1)})
    pending = lambda: sorted(r[0] for r in con.execute("select issue_id from raw.pending_issues").fetchall())  # noqa: E731
    assert pending() == ["i1", "i2"]
    con.execute("delete from raw.pending_issues")  # what a successful dbt build does
    # a.txt edited in place: its old issue loses its rows and the new one gains them
    load_issue_file(con, "a.txt", {"issues": _issue("i3", now), "articles": _articles("i3", 2)})
    assert pending() == ["i1", "i3"]
    # a failed load queues nothing
    with pytest.raises(duckdb.Error):
        load_issue_file(con, "b.txt", {"issues": _issue("i4", now), "events": pa.table({"no_such_column": [1]})})
    assert pending() == ["i1", "i3"]
