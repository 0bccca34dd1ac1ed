"""A daily rebuild of the marts (dbt models and tests), whatever the sensor did."""
import dagster as dg

from orchestration.defs.jobs import marts_job

daily_marts_schedule = dg.ScheduleDefinition(
    job=marts_job,
    cron_schedule="30 5 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Rebuild and test the marts every morning at 05:30 Beijing time, before the newsroom starts.",
)
