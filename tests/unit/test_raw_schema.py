"""The DuckDB raw DDL and the lake's Arrow schemas (from records.py) must agree."""
import duckdb

from orchestration.warehouse import schemas
from orchestration.warehouse.loader import RAW_TABLES
from orchestration.warehouse.publish import RAW_SCHEMA_SQL
from orchestration.warehouse.rejections import SCHEMA as REJECTION_SCHEMA

# Kept by the warehouse itself, not loaded per issue file (orchestration/warehouse/withdrawn.py,
# loader.py's queue of pending issues, dbt_runner.py's record of builds).
BOOKKEEPING = {"withdrawn_files", "pending_issues", "dbt_builds"}

LAKE_SCHEMA_OF = {
    "articles": schemas.ARTICLE,
    "article_terms": schemas.ARTICLE_TERM,
    "rejected_files": REJECTION_SCHEMA,
    **schemas.FACT_STAGES,
}


def raw_columns() -> dict[str, list[str]]:
    con = duckdb.connect()
    con.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
    rows = con.execute(
        "select table_name, column_name from information_schema.columns where table_schema = 'raw' order by table_name, ordinal_position"
    ).fetchall()
    out: dict[str, list[str]] = {}
    for table, column in rows:
        out.setdefault(table, []).append(column)
    return out


def test_every_raw_table_is_loaded() -> None:
    assert set(raw_columns()) == set(RAW_TABLES) | BOOKKEEPING


def test_lake_columns_match_raw_columns() -> None:
    columns = raw_columns()
    for table, schema in LAKE_SCHEMA_OF.items():
        expected = [c for c in columns[table] if c != "source_file"]
        assert [n for n in schema.names if n != "source_file"] == expected, table
