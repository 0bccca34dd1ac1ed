"""`wenling run`: every issue file in raw/ through every asset, in this process, in one run."""
from __future__ import annotations

import os
from dataclasses import dataclass

import dagster as dg
import duckdb

from orchestration.dbt_manifest import dbt_environment, ensure_manifest
from orchestration.settings import load_paths

# Dagster's console logger at INFO: the per-step DEBUG events drown the summary.
QUIET = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}

SUMMARY_TABLES = ("issues", "articles", "entity_mentions", "industries", "companies", "projects",
                  "project_updates", "metrics", "events", "rejected_files")


@dataclass
class RunOutcome:
    success: bool
    issue_files: list[str]
    counts: dict[str, int]


def _instance() -> dg.DagsterInstance:
    # With DAGSTER_HOME set (make run / make ui) the run shows up in the UI's history.
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


def run_everything() -> RunOutcome:
    os.environ.update({k: v for k, v in dbt_environment().items() if k in ("WENLING_DUCKDB_PATH", "DO_NOT_TRACK")})
    ensure_manifest()
    from orchestration.definitions import defs  # after the manifest exists
    from orchestration.defs.partitions import issue_files
    from orchestration.defs.sensors import scan_raw_dir

    paths = load_paths()
    files = list(scan_raw_dir(paths.raw_dir))
    with _instance() as instance:
        known = instance.get_dynamic_partitions(issue_files.name)
        instance.add_dynamic_partitions(issue_files.name, [f for f in files if f not in known])
        if files:
            order = instance.get_dynamic_partitions(issue_files.name)
            in_run = sorted(files, key=order.index)
            result = defs.resolve_job_def("issue_pipeline").execute_in_process(
                instance=instance,
                tags={"dagster/asset_partition_range_start": in_run[0], "dagster/asset_partition_range_end": in_run[-1]},
                run_config=QUIET,
                raise_on_error=False,
            )
        else:
            result = defs.resolve_job_def("rebuild_marts").execute_in_process(
                instance=instance, run_config=QUIET, raise_on_error=False
            )
    return RunOutcome(success=result.success, issue_files=files, counts=summary_counts())


def summary_counts() -> dict[str, int]:
    warehouse = load_paths().warehouse
    if not warehouse.exists():
        return {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        present = {r[0] for r in con.execute("select table_name from information_schema.tables where table_schema = 'marts'").fetchall()}
        return {t: con.execute(f"select count(*) from marts.{t}").fetchone()[0] for t in SUMMARY_TABLES if t in present}
