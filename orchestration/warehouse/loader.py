"""Load one issue file's lake outputs into the DuckDB `raw` schema.

One transaction per batch of issue files (one file, or the files of a run in batches): their
previous rows are deleted and the new ones inserted, so re-materializing a partition replaces
exactly that file's rows and a crash leaves the old rows, never a mixture. Values are passed as
Arrow tables, Parquet files and bound parameters, never formatted into SQL.

Re-loading unchanged input changes nothing downstream: a file whose content (issue_id) is the
same keeps its `loaded_at`, and a rejection that is the same problem keeps its `first_seen`,
so the marts of two runs over the same raw/ are identical.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa

from orchestration.warehouse.faults import pause_point

RAW_TABLES = (
    "issues", "articles", "article_terms", "entity_mentions", "metrics", "project_mentions", "events", "rejected_files",
)


def _with_source_file(table: pa.Table, source_file: str) -> pa.Table:
    column = pa.array([source_file] * table.num_rows, pa.string())
    if "source_file" in table.column_names:
        table = table.drop_columns(["source_file"])
    return table.add_column(0, "source_file", column)


# A raw table's rows for one file: Arrow in memory, or a lake Parquet file that DuckDB reads itself
# (many files in one scan, in C++, which is much faster than reading each into Python first).
Rows = pa.Table | Path


def load_issue_file(con: duckdb.DuckDBPyConnection, source_file: str, tables: dict[str, Rows]) -> None:
    """Replace `source_file`'s rows in every raw table by `tables` (raw table → rows)."""
    load_issue_files(con, {source_file: tables})


def load_issue_files(con: duckdb.DuckDBPyConnection, batch: dict[str, dict[str, Rows]]) -> None:
    """Replace the rows of every file of `batch` (file → raw table → rows), in one transaction.

    One delete and one insert per raw table for the whole batch: a delete scans its table, so
    deleting file by file would cost a scan per file and grow with the archive. The batch is
    all or nothing; a crash leaves every file's previous rows.
    """
    for tables in batch.values():
        unknown = set(tables) - set(RAW_TABLES)
        if unknown:
            raise ValueError(f"not raw tables: {sorted(unknown)}")
    files = pa.table({"source_file": pa.array(list(batch), pa.string())})
    con.execute("begin transaction")
    try:
        con.register("batch_files", files)
        prepared: dict[str, dict[str, pa.Table]] = {}
        for source_file, tables in batch.items():
            if "issues" in tables:
                tables = tables | {"issues": _keep_load_times(con, source_file, tables["issues"])}
            if "rejected_files" in tables:
                tables = tables | {"rejected_files": _keep_first_seen(con, source_file, tables["rejected_files"])}
            prepared[source_file] = tables
        _mark_pending(con)  # the issues the batch's files carried until now
        for name in RAW_TABLES:
            con.execute(f"delete from raw.{name} where source_file in (select source_file from batch_files)")
            in_memory = [_with_source_file(t[name], f) for f, t in prepared.items() if isinstance(t.get(name), pa.Table)]
            if in_memory:
                con.register("incoming", pa.concat_tables(in_memory, promote_options="permissive"))
                con.execute(f"insert into raw.{name} by name select * from incoming")
                con.unregister("incoming")
            # Lake file names are percent-quoted (lake.py), so they hold no glob characters.
            on_disk = {str(t[name]): f for f, t in prepared.items() if isinstance(t.get(name), Path)}
            if on_disk:
                con.register("incoming_files", pa.table({"path": list(on_disk), "source_file": list(on_disk.values())}))
                con.execute(
                    f"insert into raw.{name} by name select f.source_file, p.* exclude (filename) "
                    "from read_parquet(?, filename = true) p join incoming_files f on p.filename = f.path",
                    [list(on_disk)],
                )
                con.unregister("incoming_files")
            for source_file in prepared:
                pause_point("load", source_file)  # tests: a SIGKILL here must leave the old rows
        _mark_pending(con)  # and the issues they carry now
        con.unregister("batch_files")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def _mark_pending(con: duckdb.DuckDBPyConnection) -> None:
    """Queue the issues of the batch's files (registered as `batch_files`) for the incremental
    dbt models (raw.pending_issues)."""
    con.execute(
        "insert or ignore into raw.pending_issues (issue_id) select distinct issue_id from raw.issues "
        "where source_file in (select source_file from batch_files)"
    )


def _keep_load_times(con: duckdb.DuckDBPyConnection, source_file: str, issues: pa.Table) -> pa.Table:
    """A re-load keeps the time the file name was first loaded (it picks the canonical file),
    and, while the content is unchanged, the time this content was loaded."""
    previous = con.execute(
        "select min(first_loaded_at), min(loaded_at) filter (where issue_id = ?) from raw.issues where source_file = ?",
        [issues.column("issue_id")[0].as_py(), source_file],
    ).fetchone()
    first, same_content_loaded = previous
    if same_content_loaded is not None:
        issues = issues.set_column(
            issues.schema.get_field_index("loaded_at"), "loaded_at",
            pa.array([same_content_loaded] * issues.num_rows, issues.schema.field("loaded_at").type),
        )
    first = first or issues.column("loaded_at")[0].as_py()
    return issues.append_column("first_loaded_at", pa.array([first] * issues.num_rows, pa.timestamp("us")))


def _keep_first_seen(con: duckdb.DuckDBPyConnection, source_file: str, rejected: pa.Table) -> pa.Table:
    """The same problem (stage, reason, outcome) seen again keeps the time it was first seen."""
    rows = rejected.to_pylist()
    for row in rows:
        previous = con.execute(
            "select min(first_seen) from raw.rejected_files where source_file = ? and stage = ? and reason = ? "
            "and coalesce(outcome, 'rejected') = ?",
            [source_file, row["stage"], row["reason"], row.get("outcome") or "rejected"],
        ).fetchone()[0]
        if previous is not None:
            row["first_seen"] = previous
    return pa.Table.from_pylist(rows, schema=rejected.schema)


def issue_row(document: dict, publication: dict, n_articles: int) -> pa.Table:
    """The raw.issues row for one file: what was decoded plus the inferred publication date."""
    row = {
        "issue_id": document["issue_id"],
        "encoding": document["encoding"],
        "n_bytes": document["n_bytes"],
        "is_traditional": document["is_traditional"],
        "publication_date": publication["publication_date"],
        "publication_date_confidence": publication["confidence"],
        "publication_date_evidence": publication["evidence"],
        "n_articles": n_articles,
        "file_mtime": document["file_mtime"],
        "file_fingerprint": document.get("file_fingerprint"),
        "loaded_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
    }
    return pa.Table.from_pylist([row])
