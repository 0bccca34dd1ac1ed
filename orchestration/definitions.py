"""The one code location: assets, jobs, sensor, schedule and resources of the warehouse."""
import dagster as dg

from orchestration.defs.assets import ALL_ASSETS
from orchestration.defs.jobs import issue_pipeline_job, marts_job
from orchestration.defs.resources import WenlingPaths
from orchestration.defs.schedules import daily_marts_schedule
from orchestration.defs.sensors import raw_files_sensor

defs = dg.Definitions(
    assets=ALL_ASSETS,
    jobs=[issue_pipeline_job, marts_job],
    sensors=[raw_files_sensor],
    schedules=[daily_marts_schedule],
    resources={"wenling_paths": WenlingPaths.from_environment()},
    # Steps in one process: on 2 cores a subprocess per step re-imports the code (~5 s each).
    executor=dg.in_process_executor,
)
