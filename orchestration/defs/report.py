"""report: the marts → one self-contained HTML page (data/report/index.html) with charts.

The page is made by orchestration.report from the published warehouse (opened read-only), so
it shows exactly what users' SQL sees; it is re-materialized after every dbt build.
"""

import dagster as dg

from orchestration.defs.resources import WenlingPaths
from orchestration.report import write_report

# The marts tables the report reads (the dbt translator keys models as [layer, model]).
REPORT_SOURCES = ("issues", "articles", "entity_mentions", "industries", "industry_metrics", "metrics", "projects",
                  "project_updates", "events", "rejected_files")


@dg.asset(
    group_name="report",
    deps=[dg.AssetKey(["marts", name]) for name in REPORT_SOURCES],
    kinds={"python", "html"},
)
def report(context: dg.AssetExecutionContext, wenling_paths: WenlingPaths) -> dg.MaterializeResult:
    """One HTML page, charts inlined, that opens offline: industry output value and growth over
    time, projects by latest status and investment, an events timeline, and every issue's
    articles with their facts and the sentences they come from."""
    paths = wenling_paths.paths
    result = write_report(paths.warehouse, paths.report_dir / "index.html")
    lo, hi = result.date_range
    context.log.info(f"report written to {result.path}")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(result.path)),
        "url": dg.MetadataValue.url(result.path.as_uri()),
        "bytes": result.n_bytes,
        "charts": result.n_charts,
        "issues": result.counts["issues"],
        "articles": result.counts["articles"],
        "publication_dates": f"{lo} .. {hi}",
    })
