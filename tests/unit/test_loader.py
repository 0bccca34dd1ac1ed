"""Loading one issue file into raw.*: replace, never duplicate; rollback on failure."""
import duckdb
import pyarrow as pa
import pytest

from orchestration.warehouse import schemas
from orchestration.warehouse.loader import load_issue_file
from orchestration.warehouse.publish import RAW_SCHEMA_SQL


def _articles(issue_id: str, n: int) -> pa.Table:
    rows = [
        {"article_id": f"{issue_id}-{i:03d}", "issue_id": issue_id, "seq": i, "title": f"标题{i}", "kind": "news",
         "reporters": ["赵碧莹"], "body": "正文。", "byline": None, "continued_to": None}
        for i in range(1, n + 1)
    ]
    return pa.Table.from_pylist(rows, schema=schemas.ARTICLE)


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
    yield con
    con.close()


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
