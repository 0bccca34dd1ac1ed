"""ingest: an issue file in raw/ → decoded, normalised text in the lake."""

import datetime as dt

import dagster as dg

from orchestration.defs.partitions import ONE_RUN_FOR_MANY, issue_files
from orchestration.defs.per_issue import run_stage
from orchestration.defs.resources import WenlingPaths
from orchestration.settings import max_issue_bytes
from orchestration.textmine.decode import UnreadableIssue, decode_issue
from orchestration.textmine.records import as_rows
from orchestration.warehouse import lake, rejections, schemas


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
    paths = wenling_paths.paths
    limit = max_issue_bytes()

    def step(source_file: str) -> dict[str, int | str]:
        path = paths.raw_dir / source_file
        rejections.clear(paths.lake_dir, source_file)  # a fresh attempt at this file
        stat = path.stat()
        if stat.st_size > limit:  # checked before reading: a huge file must not hold up the run
            raise UnreadableIssue(source_file, f"too large: {stat.st_size:,} bytes, over the limit of {limit:,} "
                                  "(WENLING_MAX_ISSUE_BYTES; one issue is ~15 KB) — split it into issues or raise the limit")
        document = decode_issue(path.read_bytes(), source_file)
        row = as_rows([document])[0] | {"file_mtime": dt.datetime.fromtimestamp(stat.st_mtime)}
        lake.write_rows(paths.lake_dir, "documents", source_file, [row], schemas.DOCUMENT)
        if document.warning:
            context.log.warning(f"{source_file}: taken in, flagged — {document.warning}")
            rejections.flag(paths.lake_dir, source_file, "documents", document.warning)
        return {"bytes": document.n_bytes, "issue_id": document.issue_id, "encoding": document.encoding}

    return run_stage(context, paths.lake_dir, "documents", step, needs=None, raw_dir=paths.raw_dir)
