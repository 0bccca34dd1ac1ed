"""Fixtures shared by the unit tests."""
import duckdb
import pytest

from orchestration.warehouse.publish import RAW_SCHEMA_SQL


@pytest.fixture
def con(tmp_path):
    """A DuckDB file with the empty raw schema (a module may define its own `con` over it)."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
    yield con
    con.close()
