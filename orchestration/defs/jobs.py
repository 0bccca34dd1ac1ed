"""Jobs: everything for some issue files, and the marts alone."""
import dagster as dg


# One issue file (or a range) through every stage, then the dbt build and publish, then the report.
issue_pipeline_job = dg.define_asset_job(
    name="issue_pipeline",
    selection=dg.AssetSelection.all(),
    description="Decode, split, tokenize, extract and load the selected issue files, then dbt build, publish and report.",
)

# The dbt models and tests over what is loaded, then the report (the daily schedule runs this).
marts_job = dg.define_asset_job(
    name="rebuild_marts",
    selection=dg.AssetSelection.groups("staging", "intermediate", "marts", "search", "report"),
    description="dbt build over the raw schema as loaded, publish, then rewrite the HTML report.",
)
