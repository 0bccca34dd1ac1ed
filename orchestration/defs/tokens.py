"""tokens: articles → terms per article (jieba dictionary and the project's user dictionary)."""

import dagster as dg

from orchestration import issue_stages
from orchestration.defs.partitions import ONE_RUN_FOR_MANY, issue_files
from orchestration.defs.per_issue import run_stage
from orchestration.defs.resources import WenlingPaths
from orchestration.defs.text import articles


@dg.asset(
    group_name="tokens",
    partitions_def=issue_files,
    backfill_policy=ONE_RUN_FOR_MANY,
    deps=[articles],
    kinds={"python", "parquet"},
)
def article_terms(context: dg.AssetExecutionContext, wenling_paths: WenlingPaths) -> dg.MaterializeResult:
    """Term frequencies of each article's title and body (jieba), the basis of search."""
    return run_stage(context, wenling_paths.paths, "article_terms", issue_stages.count_terms, needs="articles")
