"""Every asset over the seed issues, in-process, into a temporary warehouse (`wenling run`'s path)."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import duckdb
import pytest

from orchestration.settings import PROJECT_ROOT, Paths
from tests.integration.contract import CONTRACT

pytestmark = pytest.mark.integration


# `built`: every asset over the seeds into a temporary warehouse, once per session (conftest.py).


def query(paths: Paths, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_every_contract_table_and_column_exists_and_is_filled(built: Paths) -> None:
    for table, columns in CONTRACT.items():
        present = {r[0] for r in query(built, "select column_name from information_schema.columns "
                                               "where table_schema = 'marts' and table_name = ?", [table])}
        assert set(columns) <= present, f"marts.{table} lacks {set(columns) - present}"
        assert query(built, f"select count(*) from marts.{table}")[0][0] > 0, f"marts.{table} is empty"


def test_each_seed_is_one_issue_with_articles_and_a_date(built: Paths) -> None:
    rows = query(built, "select source_file, n_articles, publication_date from marts.issues order by source_file")
    assert [r[0] for r in rows] == sorted(p.name for p in (PROJECT_ROOT / "raw").glob("*.txt"))
    assert all(n >= 1 for _, n, _ in rows) and sum(n for _, n, _ in rows) >= 20
    assert all(d is not None for _, _, d in rows)


def test_the_broken_file_is_rejected_with_a_reason(built: Paths) -> None:
    rows = query(built, "select source_file, reason from marts.rejected_files")
    assert [r[0] for r in rows] == ["empty.txt"]
    assert "empty" in rows[0][1]


def test_fact_spans_point_into_the_article_body(built: Paths) -> None:
    bad = query(built, """
        select m.surface, substr(a.body, m.start_char + 1, m.end_char - m.start_char)
        from marts.entity_mentions m join marts.articles a using (article_id)
        where substr(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.surface""")
    assert bad == []
    # A metric's span covers the figure as printed, unit included (105.78亿元, 11.6%).
    metric_spans = query(built, """
        select count(*), count(*) filter (where unit is null or position(m.unit in
               substr(a.body, m.start_char + 1, m.end_char - m.start_char)) > 0)
        from marts.metrics m join marts.articles a using (article_id)""")
    total, unit_inside = metric_spans[0]
    assert total > 0 and unit_inside == total


def test_the_work_file_is_beside_the_published_warehouse(built: Paths) -> None:
    assert built.warehouse.exists() and built.work_db.exists()
    assert not list(built.warehouse.parent.glob(".*publishing"))


def test_definitions_validate() -> None:
    env = dict(os.environ)
    env.pop("DAGSTER_HOME", None)
    result = subprocess.run(
        [str(Path(os.sys.executable).with_name("dagster")), "definitions", "validate", "-w", "workspace.yaml"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dbt_unit_tests_pass(built: Paths) -> None:
    """The dbt unit tests (models' SQL on fixed inputs); runs over data leave them out."""
    from orchestration.dbt_manifest import dbt_environment, dbt_executable
    from orchestration.settings import DBT_PROJECT_DIR

    env = dbt_environment() | {"WENLING_DUCKDB_PATH": str(built.warehouse)}
    result = subprocess.run(
        [dbt_executable(), "test", "--select", "test_type:unit", "--project-dir", str(DBT_PROJECT_DIR),
         "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(built.warehouse.parent / "dbt-unit-target")],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"Done\. PASS=[1-9]\d* WARN=0 ERROR=0 ", result.stdout), result.stdout[-2000:]


@pytest.mark.parametrize("table, column", [("articles", "kind"), ("entity_mentions", "entity_type"),
                                           ("metrics", "metric"), ("events", "event_type"),
                                           ("events", "date_precision")])
def test_a_value_outside_the_contract_vocabulary_is_refused_by_the_table(built: Paths, tmp_path: Path,
                                                                          table: str, column: str) -> None:
    """The closed vocabularies are check constraints of the marts (no dbt node to run): an
    insert of a row with an unknown value fails, whatever built it."""
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(built.warehouse.read_bytes())
    key = {"articles": "article_id", "entity_mentions": "mention_id", "metrics": "metric_id", "events": "event_id"}[table]
    with duckdb.connect(str(copy)) as con:
        extra = ", seq + 1000 as seq" if table == "articles" else ""
        with pytest.raises(duckdb.ConstraintException, match="CHECK"):
            con.execute(f"insert into marts.{table} select * replace ('not-a-{column}' as {column}, "
                        f"{key} || '-copy' as {key}{extra}) from marts.{table} limit 1")


def test_a_metric_period_that_ends_before_it_starts_is_refused(built: Paths, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(built.warehouse.read_bytes())
    with duckdb.connect(str(copy)) as con, pytest.raises(duckdb.ConstraintException, match="CHECK"):
        con.execute("insert into marts.metrics select * replace (metric_id || '-copy' as metric_id, "
                    "date '2024-12-31' as period_start, date '2024-01-01' as period_end) from marts.metrics limit 1")
