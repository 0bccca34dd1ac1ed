"""What is in the warehouse: tables, row counts, columns and their descriptions.

The descriptions are dbt's (models/*/_*.yml): dbt writes them into DuckDB as comments
(`persist_docs`), so any SQL client sees them too. A warehouse built before that falls back on
dbt's manifest.
"""
from __future__ import annotations

import json
from typing import Any

import duckdb

from orchestration.settings import DBT_PROJECT_DIR

MANIFEST = DBT_PROJECT_DIR / "target" / "manifest.json"


def _manifest_docs(schema: str) -> dict[str, dict[str, Any]]:
    """model name → {"description", "columns": {name: description}} for the models of `schema`."""
    try:
        nodes = json.loads(MANIFEST.read_text(encoding="utf-8"))["nodes"]
    except (OSError, ValueError, KeyError):
        return {}
    return {
        n["name"]: {"description": n.get("description") or "",
                    "columns": {c: v.get("description") or "" for c, v in n.get("columns", {}).items()}}
        for n in nodes.values() if n.get("resource_type") == "model" and n.get("schema") == schema
    }


def describe_tables(con: duckdb.DuckDBPyConnection, schema: str = "marts", table: str | None = None) -> list[dict[str, Any]]:
    tables = con.execute(
        "select table_name, comment from duckdb_tables() where schema_name = ? and (? is null or table_name = ?) "
        "order by table_name", [schema, table, table]).fetchall()
    fallback = _manifest_docs(schema) if any(comment is None for _, comment in tables) else {}
    out = []
    for name, comment in tables:
        docs = fallback.get(name, {"description": "", "columns": {}})
        columns = con.execute(
            "select column_name, data_type, comment from duckdb_columns() where schema_name = ? and table_name = ? "
            "order by column_index", [schema, name]).fetchall()
        out.append({
            "schema": schema,
            "table": name,
            "rows": con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()[0],
            "description": (comment or docs["description"] or "").strip(),
            "columns": [{"name": c, "type": t, "description": (d or docs["columns"].get(c, "") or "").strip()}
                        for c, t, d in columns],
        })
    return out
