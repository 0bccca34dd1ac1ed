"""text: decoded issue → articles (headline, kind, reporters, re-joined body)."""

import dagster as dg

from orchestration import issue_stages
from orchestration.defs.ingest import issue_documents
from orchestration.defs.partitions import ONE_RUN_FOR_MANY, issue_files
from orchestration.defs.per_issue import run_stage
from orchestration.defs.resources import WenlingPaths


@dg.asset(
    group_name="text",
    partitions_def=issue_files,
    backfill_policy=ONE_RUN_FOR_MANY,
    deps=[issue_documents],
    kinds={"python", "parquet"},
)
def articles(context: dg.AssetExecutionContext, wenling_paths: WenlingPaths) -> dg.MaterializeResult:
    """The issue split into articles: headlines joined, bylines parsed, photo items, 下转 notes."""
    return run_stage(context, wenling_paths.paths, "articles", issue_stages.split_into_articles, needs="documents")
