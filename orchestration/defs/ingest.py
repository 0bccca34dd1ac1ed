"""ingest: an issue file in raw/ → decoded, normalised text in the lake."""

import datetime as dt

import dagster as dg

from orchestration.defs.partitions import ONE_RUN_FOR_MANY, issue_files
from orchestration.defs.per_issue import run_stage
from orchestration.defs.resources import WenlingPaths
from orchestration.textmine.decode import decode_issue
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

    An empty, binary or undecodable file is rejected with the reason (see marts.rejected_files);
    the other files of the run go on.
    """
    paths = wenling_paths.paths

    def step(source_file: str) -> dict[str, int | str]:
        path = paths.raw_dir / source_file
        rejections.clear(paths.lake_dir, source_file)  # a fresh attempt at this file
        document = decode_issue(path.read_bytes(), source_file)
        row = as_rows([document])[0] | {"file_mtime": dt.datetime.fromtimestamp(path.stat().st_mtime)}
        lake.write_rows(paths.lake_dir, "documents", source_file, [row], schemas.DOCUMENT)
        return {"bytes": document.n_bytes, "issue_id": document.issue_id, "encoding": document.encoding}

    return run_stage(context, paths.lake_dir, "documents", step, needs=None)
