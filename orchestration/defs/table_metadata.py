"""Materialization metadata of the dbt models: row counts, and a preview of the marts' rows.

The dbt process holds the work file for the whole build (DuckDB: one writer, no reader
beside it), so nothing can count rows while dbt streams its events. The dbt asset therefore
collects the events (`collect`), publishes, and then hands them to Dagster with the counts and
previews read from the published warehouse (`with_table_metadata`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import dagster as dg
import duckdb

PREVIEW_ROWS = 5
PREVIEW_CELL = 40  # characters per cell in the preview


def collect(events: Iterable[Any]) -> tuple[list[Any], BaseException | None]:
    """Every event of `events`, and the error that ended it early (if one did)."""
    out: list[Any] = []
    try:
        for event in events:
            out.append(event)
    except Exception as err:  # noqa: BLE001 — handed back to the caller, who re-raises it
        return out, err
    return out, None


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= PREVIEW_CELL else text[: PREVIEW_CELL - 1] + "…"


def markdown_preview(columns: list[str], rows: list[tuple]) -> str:
    head = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
    return head + "\n".join("| " + " | ".join(_cell(v) for v in row) + " |" for row in rows)


def table_metadata(con: duckdb.DuckDBPyConnection, schema: str, name: str, preview: bool) -> dict[str, Any]:
    exists = con.execute(
        # Tables only: counting a view runs it (the search views join millions of postings).
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ? "
        "and table_type = 'BASE TABLE'", [schema, name]
    ).fetchone()[0]
    if not exists:
        return {}
    relation = f'"{schema}"."{name}"'
    metadata: dict[str, Any] = {"dagster/row_count": con.execute(f"select count(*) from {relation}").fetchone()[0]}
    if preview:
        cursor = con.execute(f"select * from {relation} limit {PREVIEW_ROWS}")
        columns = [d[0] for d in cursor.description]
        metadata["preview"] = dg.MetadataValue.md(markdown_preview(columns, cursor.fetchall()))
    return metadata


def _asset_key(event: Any, keys_by_output_name: Mapping[str, dg.AssetKey]) -> dg.AssetKey | None:
    if isinstance(event, dg.Output):
        return keys_by_output_name.get(event.output_name)
    if isinstance(event, dg.AssetMaterialization):
        return event.asset_key
    return None


def with_table_metadata(events: list[Any], warehouse: Path, keys_by_output_name: Mapping[str, dg.AssetKey],
                        preview_layers: tuple[str, ...] = ("marts", "search")) -> Iterator[Any]:
    """The dbt events, each model's materialization with its row count (and a preview for
    `preview_layers`) read from the published warehouse; other events unchanged. A model's
    asset key is [layer, name], which is also its schema and table in DuckDB."""
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        yield from events
        return
    with con:
        for event in events:
            key = _asset_key(event, keys_by_output_name)
            if key is not None and len(key.path) == 2:
                layer, name = key.path
                try:
                    extra = table_metadata(con, layer, name, preview=layer in preview_layers)
                except duckdb.Error:
                    extra = {}
                if extra:
                    event = event.with_metadata({**event.metadata, **extra})
            yield event
