"""warehouse: the lake outputs of each issue file → DuckDB's `raw` schema (one writer).

Only this asset and the dbt build write DuckDB, both under the cross-process writer lock (and
in the Dagster pool `duckdb`, so the UI shows them queueing rather than failing).
"""

import dagster as dg

from orchestration.defs.extraction import facts
from orchestration.defs.partitions import ONE_RUN_FOR_MANY, issue_files
from orchestration.defs.resources import WenlingPaths
from orchestration.defs.tokens import article_terms
from orchestration.warehouse import lake, rejections
from orchestration.warehouse.loader import RAW_TABLES, issue_row, load_issue_file
from orchestration.warehouse.publish import connect_work, writer_lock

RAW_KEYS = {name: dg.AssetKey(["raw", name]) for name in RAW_TABLES}
_LAKE_STAGE = {"articles": "articles", "article_terms": "article_terms", **{t: t for t in ("entity_mentions", "metrics", "project_mentions", "events")}}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(key, group_name="warehouse", deps=[facts, article_terms], kinds={"duckdb"},
                     description=f"raw.{name}: the extraction output as loaded, one transaction per issue file")
        for name, key in RAW_KEYS.items()
    ],
    check_specs=[
        dg.AssetCheckSpec("every_issue_has_articles", asset=RAW_KEYS["issues"],
                          description="Each issue file loaded in this run has at least one article."),
        dg.AssetCheckSpec("no_rejected_files", asset=RAW_KEYS["rejected_files"],
                          description="No issue file of this run was rejected or flagged (the reasons are in "
                                      "marts.rejected_files)."),
    ],
    partitions_def=issue_files,
    backfill_policy=ONE_RUN_FOR_MANY,
    pool="duckdb",
    can_subset=False,
)
def raw_tables(context: dg.AssetExecutionContext, wenling_paths: WenlingPaths):
    """Replace each issue file's rows in raw.* by its lake outputs, or record its rejection."""
    paths = wenling_paths.paths
    loaded: dict[str, int] = {}
    rejected: dict[str, str] = {}
    flagged: dict[str, str] = {}
    withdrawn: list[str] = []
    with writer_lock(paths), connect_work(paths) as con:
        for source_file in context.partition_keys:
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
                load_issue_file(con, source_file, record)
                rejected[source_file] = f"{rejection['stage']}: {rejection['reason']}"
                continue
            tables = {name: lake.read_table(paths.lake_dir, stage, source_file) for name, stage in _LAKE_STAGE.items()}
            (document,) = lake.read_rows(paths.lake_dir, "documents", source_file)
            (publication,) = lake.read_rows(paths.lake_dir, "publication", source_file)
            tables["issues"] = issue_row(document, publication, tables["articles"].num_rows)
            load_issue_file(con, source_file, tables | record)  # a flagged file: its facts and the flag
            loaded[source_file] = tables["articles"].num_rows
            if rejection:
                flagged[source_file] = f"{rejection['stage']}: {rejection['reason']}"
    if withdrawn:
        context.log.info(f"not in raw/ any more (withdrawn, rows kept): {withdrawn}")
    for name, key in RAW_KEYS.items():
        yield dg.MaterializeResult(asset_key=key, metadata={
            "issue_files_loaded": len(loaded), "issue_files_rejected": len(rejected),
            "issue_files_flagged": len(flagged), "issue_files_withdrawn": len(withdrawn),
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
