"""text: decoded issue → articles (headline, kind, reporters, re-joined body)."""

import dagster as dg

from orchestration.defs.ingest import issue_documents
from orchestration.defs.partitions import ONE_RUN_FOR_MANY, issue_files
from orchestration.defs.per_issue import run_stage
from orchestration.defs.resources import WenlingPaths
from orchestration.textmine.decode import UnreadableIssue
from orchestration.textmine.layout import split_articles
from orchestration.textmine.records import as_rows
from orchestration.warehouse import lake, schemas


@dg.asset(
    group_name="text",
    partitions_def=issue_files,
    backfill_policy=ONE_RUN_FOR_MANY,
    deps=[issue_documents],
    kinds={"python", "parquet"},
)
def articles(context: dg.AssetExecutionContext, wenling_paths: WenlingPaths) -> dg.MaterializeResult:
    """The issue split into articles: headlines joined, bylines parsed, photo items, 下转 notes."""
    paths = wenling_paths.paths

    def step(source_file: str) -> dict[str, int | str]:
        (document,) = lake.read_rows(paths.lake_dir, "documents", source_file)
        found = split_articles(document["issue_id"], document["text"])
        if not found:
            raise UnreadableIssue(source_file, "no recognisable article (no headline, 本报讯 lead or byline found)")
        lake.write_rows(paths.lake_dir, "articles", source_file, as_rows(found), schemas.ARTICLE)
        titles = "\n".join(f"{a.seq}. [{a.kind}] {a.title}" for a in found)
        return {"articles": len(found), "titles": titles}

    return run_stage(context, paths.lake_dir, "articles", step, needs="documents", raw_dir=paths.raw_dir)
