"""tokens: articles → jieba terms per article (with the project's user dictionary)."""

import dagster as dg

from orchestration.defs.partitions import ONE_RUN_FOR_MANY, issue_files
from orchestration.defs.per_issue import run_stage
from orchestration.defs.resources import WenlingPaths
from orchestration.defs.text import articles
from orchestration.textmine.script import to_simplified
from orchestration.textmine.segment import get_segmenter
from orchestration.warehouse import lake, schemas


@dg.asset(
    group_name="tokens",
    partitions_def=issue_files,
    backfill_policy=ONE_RUN_FOR_MANY,
    deps=[articles],
    kinds={"python", "parquet"},
)
def article_terms(context: dg.AssetExecutionContext, wenling_paths: WenlingPaths) -> dg.MaterializeResult:
    """Term frequencies of each article's title and body (jieba), the basis of search."""
    paths = wenling_paths.paths
    segmenter = get_segmenter()  # jieba's dictionary loads once per process

    def step(source_file: str) -> dict[str, int | str]:
        rows = []
        (document,) = lake.read_rows(paths.lake_dir, "documents", source_file)
        # A traditional issue is searched by simplified terms (jieba's dictionary is simplified).
        view = to_simplified if document.get("is_traditional") else (lambda text: text)
        for article in lake.read_rows(paths.lake_dir, "articles", source_file):
            counts = segmenter.term_counts(view(f"{article['title']}\n{article['body']}"))
            rows += [
                {"article_id": article["article_id"], "issue_id": article["issue_id"], "term": term, "tf": tf}
                for term, tf in counts.items()
            ]
        lake.write_rows(paths.lake_dir, "article_terms", source_file, rows, schemas.ARTICLE_TERM)
        return {"term_rows": len(rows)}

    return run_stage(context, paths.lake_dir, "article_terms", step, needs="articles", raw_dir=paths.raw_dir)
