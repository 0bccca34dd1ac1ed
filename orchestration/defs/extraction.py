"""extraction: articles → publication date, entity mentions, metrics, projects, events."""

import dagster as dg

from orchestration.defs.partitions import ONE_RUN_FOR_MANY, issue_files
from orchestration.defs.per_issue import run_stage
from orchestration.defs.resources import WenlingPaths
from orchestration.defs.text import articles
from orchestration.textmine.extract import extract_issue
from orchestration.textmine.records import Article, as_rows
from orchestration.warehouse import lake, schemas


def _article(row: dict) -> Article:
    return Article(**(row | {"reporters": tuple(row["reporters"] or ())}))


@dg.asset(
    group_name="extraction",
    partitions_def=issue_files,
    backfill_policy=ONE_RUN_FOR_MANY,
    deps=[articles],
    kinds={"python", "parquet"},
)
def facts(context: dg.AssetExecutionContext, wenling_paths: WenlingPaths) -> dg.MaterializeResult:
    """Every fact of the issue with its provenance (article, character span, sentence)."""
    paths = wenling_paths.paths

    def step(source_file: str) -> dict[str, int | str]:
        (document,) = lake.read_rows(paths.lake_dir, "documents", source_file)
        found = [_article(r) for r in lake.read_rows(paths.lake_dir, "articles", source_file)]
        issue_facts = extract_issue(document["issue_id"], source_file, document["text"], found,
                                    traditional=bool(document.get("is_traditional")))
        by_stage = {
            "entity_mentions": issue_facts.mentions,
            "metrics": issue_facts.metrics,
            "project_mentions": issue_facts.projects,
            "events": issue_facts.events,
        }
        for stage, records in by_stage.items():
            lake.write_rows(paths.lake_dir, stage, source_file, as_rows(records), schemas.FACT_STAGES[stage])
        lake.write_rows(paths.lake_dir, "publication", source_file, as_rows([issue_facts.publication]), schemas.PUBLICATION)
        pub = issue_facts.publication.publication_date
        return {stage: len(records) for stage, records in by_stage.items()} | {"publication_date": str(pub)}

    return run_stage(context, paths.lake_dir, "publication", step, needs="articles", raw_dir=paths.raw_dir)
