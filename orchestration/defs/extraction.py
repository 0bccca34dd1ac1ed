"""extraction: articles → publication date, entity mentions, metrics, projects, events."""

import dagster as dg

from orchestration import issue_stages
from orchestration.defs.partitions import ONE_RUN_FOR_MANY, issue_files
from orchestration.defs.per_issue import run_stage
from orchestration.defs.resources import WenlingPaths
from orchestration.defs.text import articles


@dg.asset(
    group_name="extraction",
    partitions_def=issue_files,
    backfill_policy=ONE_RUN_FOR_MANY,
    deps=[articles],
    kinds={"python", "parquet"},
)
def facts(context: dg.AssetExecutionContext, wenling_paths: WenlingPaths) -> dg.MaterializeResult:
    """Every fact of the issue with its provenance (article, character span, sentence)."""
    return run_stage(context, wenling_paths.paths, "publication", issue_stages.extract_facts, needs="articles")
