"""A daily rebuild of the marts (dbt models and every test), whatever the sensor did: a full
refresh, so the incremental fact models are rebuilt from scratch once a day."""
import dagster as dg

from orchestration.defs.jobs import marts_job

daily_marts_schedule = dg.ScheduleDefinition(
    job=marts_job,
    run_config={"ops": {"wenling_dbt_models": {"config": {"full_refresh": True}}}},
    cron_schedule="30 5 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Rebuild (full refresh) and test the marts every morning at 05:30 Beijing time, before the newsroom starts.",
)
