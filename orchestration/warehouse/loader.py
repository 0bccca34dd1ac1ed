"""Load one issue file's lake outputs into the DuckDB `raw` schema.

One transaction per issue file: its previous rows are deleted and the new ones inserted, so
re-materializing a partition replaces exactly that file's rows and a crash leaves the old
rows, never a mixture. Values are passed as Arrow tables and bound parameters, never
formatted into SQL.

Re-loading unchanged input changes nothing downstream: a file whose content (issue_id) is the
same keeps its `loaded_at`, and a rejection that is the same problem keeps its `first_seen`,
so the marts of two runs over the same raw/ are identical.
"""
from __future__ import annotations

import datetime as dt

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


def load_issue_file(con: duckdb.DuckDBPyConnection, source_file: str, tables: dict[str, pa.Table]) -> dict[str, int]:
    """Replace `source_file`'s rows in every raw table by `tables` (raw table → rows)."""
    unknown = set(tables) - set(RAW_TABLES)
    if unknown:
        raise ValueError(f"not raw tables: {sorted(unknown)}")
    counts: dict[str, int] = {}
    con.execute("begin transaction")
    try:
        if "issues" in tables:
            tables = tables | {"issues": _keep_load_times(con, source_file, tables["issues"])}
        if "rejected_files" in tables:
            tables = tables | {"rejected_files": _keep_first_seen(con, source_file, tables["rejected_files"])}
        for name in RAW_TABLES:
            con.execute(f"delete from raw.{name} where source_file = ?", [source_file])
            if name not in tables:
                continue
            incoming = _with_source_file(tables[name], source_file)
            con.register("incoming", incoming)
            con.execute(f"insert into raw.{name} by name select * from incoming")
            con.unregister("incoming")
            counts[name] = incoming.num_rows
            pause_point("load", source_file)  # tests: a SIGKILL here must leave the old rows
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return counts


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
        "loaded_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
    }
    return pa.Table.from_pylist([row])
