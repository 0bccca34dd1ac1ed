"""Jobs: everything for some issue files, and the marts alone."""
import dagster as dg


# One issue file (or a range) through every stage and then the dbt build and publish.
issue_pipeline_job = dg.define_asset_job(
    name="issue_pipeline",
    selection=dg.AssetSelection.all(),
    description="Decode, split, tokenize, extract and load the selected issue files, then dbt build and publish.",
)

# The dbt models and tests over what is loaded (the daily schedule runs this).
marts_job = dg.define_asset_job(
    name="rebuild_marts",
    selection=dg.AssetSelection.groups("staging", "intermediate", "marts"),
    description="dbt build over the raw schema as loaded, then publish.",
)
