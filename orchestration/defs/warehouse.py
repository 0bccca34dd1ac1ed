"""warehouse: the lake outputs of each issue file → DuckDB's `raw` schema (one writer).

Only this asset and the dbt build write DuckDB, both under the cross-process writer lock (and
in the Dagster pool `duckdb`, so the UI shows them queueing rather than failing).

The raw tables are not partitioned, though what they load is: Dagster logs a materialization
for every partition of every key of a partitioned asset, ~4 ms an event on its event log, so
eight raw tables partitioned by issue would cost ~30 s per 1,000 issues for bookkeeping alone.
The loader loads the issue files of the run it is in (its partition or range, as for the
stages upstream), or, materialized on its own, every issue file the lake holds.
"""

import dagster as dg
import duckdb

from orchestration import parallel, progress
from orchestration.defs.extraction import facts
from orchestration.defs.partitions import files_of_run
from orchestration.defs.resources import WenlingPaths
from orchestration.defs.tokens import article_terms
from orchestration.warehouse import lake, rejections
from orchestration.warehouse.loader import RAW_TABLES, issue_row, load_issue_file, load_issue_files
from orchestration.warehouse.publish import connect_work, writer_lock

# Files per load transaction: each raw table is scanned once per batch (its delete), not once
# per file, and a batch of a few hundred issues is a few MB of Arrow in memory.
LOAD_BATCH_FILES = 250
RAW_KEYS = {name: dg.AssetKey(["raw", name]) for name in RAW_TABLES}
_LAKE_STAGE = {"articles": "articles", "article_terms": "article_terms", **{t: t for t in ("entity_mentions", "metrics", "project_mentions", "events")}}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(key, group_name="warehouse", deps=[facts, article_terms], kinds={"duckdb"},
                     description=f"raw.{name}: the extraction output as loaded, each file's rows replaced in one "
                                 "transaction (per batch of files)")
        for name, key in RAW_KEYS.items()
    ],
    check_specs=[
        dg.AssetCheckSpec("every_issue_has_articles", asset=RAW_KEYS["issues"],
                          description="Each issue file loaded in this run has at least one article."),
        dg.AssetCheckSpec("no_rejected_files", asset=RAW_KEYS["rejected_files"],
                          description="No issue file of this run was rejected or flagged (the reasons are in "
                                      "marts.rejected_files)."),
    ],
    pool="duckdb",
    can_subset=False,
)
def raw_tables(context: dg.AssetExecutionContext, wenling_paths: WenlingPaths):
    """Replace each issue file's rows in raw.* by its lake outputs, or record its rejection."""
    paths = wenling_paths.paths
    source_files = files_of_run(context, paths)
    # The per-issue stages are done once loading starts: let their worker processes go, so their
    # memory is free before dbt starts (a run's peak is otherwise run + workers + dbt).
    parallel.shutdown()
    loaded: dict[str, int] = {}
    rejected: dict[str, str] = {}
    flagged: dict[str, str] = {}
    withdrawn: list[str] = []
    batch: dict[str, dict] = {}
    with writer_lock(paths), connect_work(paths) as con:
        for n, source_file in enumerate(source_files, start=1):
            progress.advance("load", n, len(source_files))
            if not (paths.raw_dir / source_file).exists():
                withdrawn.append(source_file)  # rows kept; the dbt step marks the file withdrawn
                continue
            rejection = rejections.find(paths.lake_dir, source_file)
            if not rejections.is_rejected(rejection) and not lake.exists(paths.lake_dir, "publication", source_file):
                rejections.reject(paths.lake_dir, source_file, "warehouse", "no extraction output; materialize the upstream assets")
                rejection = rejections.find(paths.lake_dir, source_file)
            record = {"rejected_files": lake.read_table(paths.lake_dir, rejections.STAGE, source_file)} if rejection else {}
            if rejections.is_rejected(rejection):
                # None of the file's facts are loaded (its previous rows go); the rejection row says why.
                batch[source_file] = record
                rejected[source_file] = f"{rejection['stage']}: {rejection['reason']}"
            else:
                # The lake files themselves: the loader has DuckDB read them, a batch at a time.
                tables = {name: lake.path_of(paths.lake_dir, stage, source_file) for name, stage in _LAKE_STAGE.items()}
                missing = [stage for stage, path in zip(_LAKE_STAGE.values(), tables.values()) if not path.exists()]
                if missing:
                    raise FileNotFoundError(f"{source_file}: no {missing} output; materialize the upstream assets")
                (document,) = lake.read_rows(paths.lake_dir, "documents", source_file)
                (publication,) = lake.read_rows(paths.lake_dir, "publication", source_file)
                n_articles = lake.num_rows(paths.lake_dir, "articles", source_file)
                tables["issues"] = issue_row(document, publication, n_articles)
                batch[source_file] = tables | record  # a flagged file: its facts and the flag
                loaded[source_file] = n_articles
                if rejection:
                    flagged[source_file] = f"{rejection['stage']}: {rejection['reason']}"
            if len(batch) >= LOAD_BATCH_FILES:
                _load(con, batch, context)
                batch = {}
        if batch:
            _load(con, batch, context)
        rows = {name: con.execute(f"select count(*) from raw.{name}").fetchone()[0] for name in RAW_TABLES}
    if withdrawn:
        context.log.info(f"not in raw/ any more (withdrawn, rows kept): {withdrawn}")
    for name, key in RAW_KEYS.items():
        yield dg.MaterializeResult(asset_key=key, metadata={
            "issue_files_loaded": len(loaded), "issue_files_rejected": len(rejected),
            "issue_files_flagged": len(flagged), "issue_files_withdrawn": len(withdrawn),
            "dagster/row_count": rows[name],  # the whole table, every file loaded so far
        })
    empty = sorted(f for f, n in loaded.items() if n == 0)
    yield dg.AssetCheckResult(
        check_name="every_issue_has_articles", asset_key=RAW_KEYS["issues"], passed=not empty,
        metadata={"issues_without_articles": dg.MetadataValue.json(empty)},
    )
    problems = {f: f"rejected — {r}" for f, r in rejected.items()} | {f: f"flagged — {r}" for f, r in flagged.items()}
    yield dg.AssetCheckResult(
        check_name="no_rejected_files", asset_key=RAW_KEYS["rejected_files"], passed=not problems,
        severity=dg.AssetCheckSeverity.WARN,
        description="; ".join(f"{f}: {r}" for f, r in sorted(problems.items())) or None,
        metadata={
            "rejected": dg.MetadataValue.md("\n".join(f"- `{f}`: {r}" for f, r in sorted(rejected.items())) or "none"),
            "flagged": dg.MetadataValue.md("\n".join(f"- `{f}`: {r}" for f, r in sorted(flagged.items())) or "none"),
        },
    )


def _load(con: duckdb.DuckDBPyConnection, batch: dict[str, dict], context: dg.AssetExecutionContext) -> None:
    """Load a batch in one transaction; if that fails, file by file, so only the culprit fails."""
    try:
        load_issue_files(con, batch)
    except Exception as err:  # noqa: BLE001 — retried file by file right below
        if len(batch) == 1:
            raise
        context.log.warning(f"loading {len(batch)} files in one transaction failed ({err}); loading them one by one")
        for source_file, tables in batch.items():
            load_issue_file(con, source_file, tables)
