"""ingest: an issue file in raw/ → decoded, normalised text in the lake."""

import dagster as dg

from orchestration import issue_stages
from orchestration.defs.partitions import ONE_RUN_FOR_MANY, issue_files
from orchestration.defs.per_issue import run_stage
from orchestration.defs.resources import WenlingPaths


@dg.asset(
    group_name="ingest",
    partitions_def=issue_files,
    backfill_policy=ONE_RUN_FOR_MANY,
    kinds={"python", "parquet"},
)
def issue_documents(context: dg.AssetExecutionContext, wenling_paths: WenlingPaths) -> dg.MaterializeResult:
    """The issue file, decoded (its encoding detected) and normalised; id = hash of the text.

    An empty, binary, undecodable or oversized file is rejected with the reason (see
    marts.rejected_files); one whose last character was cut off is taken in and flagged. The
    other files of the run go on.
    """
    return run_stage(context, wenling_paths.paths, "documents", issue_stages.decode_document, needs=None)
