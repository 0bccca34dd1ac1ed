"""`wenling run`: the issue files of raw/ through every asset, in this process, in one run.

Only what changed since the last build goes through the per-issue stages: a file is done when
the published warehouse holds its rows loaded from the same bytes (raw.issues.file_fingerprint,
size and mtime). New and edited files run; so do rejected ones (they leave no issue row, and
rejecting is quick). `everything=True` (`wenling run --all`) runs every file again, as after a
change to the lexicons or the extraction code. The dbt build and the report always run; the
build is incremental by issue unless `full_refresh` (`--full-refresh`) or a change to the dbt
project asks for a full one.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

import dagster as dg

from orchestration.dbt_manifest import dbt_environment, ensure_manifest
from orchestration.rawfiles import changed_files, log_ignored, scan
from orchestration.settings import Paths, load_paths
from orchestration.warehouse import retry
from orchestration.warehouse.reader import loaded_fingerprints

log = logging.getLogger("wenling")



def console_config(level: str) -> dict:
    """Run config of Dagster's console logger: INFO by default (its per-step DEBUG events drown
    the summary); WARNING under progress bars. The run's event log keeps every level either way."""
    return {"loggers": {"console": {"config": {"log_level": level}}}}

SUMMARY_TABLES = ("issues", "articles", "entity_mentions", "industries", "companies", "projects",
                  "project_updates", "metrics", "events", "rejected_files")


@dataclass
class RunOutcome:
    success: bool
    issue_files: list[str]  # the files this run took through the per-issue stages
    counts: dict[str, int]
    # asset check name → (passed, description): what the Dagster UI shows for the run
    checks: dict[str, tuple[bool, str | None]] = field(default_factory=dict)
    # step (asset) → seconds it ran, in run order: where a run's time went (make bench reads it)
    step_seconds: dict[str, float] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)  # issue files already loaded from the same bytes


def _instance() -> dg.DagsterInstance:
    # With DAGSTER_HOME set (make run / make ui) the run shows up in the UI's history.
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


def files_to_run(paths: Paths, current: dict[str, str]) -> list[str]:
    """The issue files of `current` (name → fingerprint) not loaded from these bytes yet."""
    return changed_files(loaded_fingerprints(paths.warehouse) or {}, current)


def dbt_config(full_refresh: bool) -> dict:
    """Run config of the dbt step: a full refresh, or incremental by issue (the default)."""
    return {"ops": {"wenling_dbt_models": {"config": {"full_refresh": full_refresh}}}}


def run_everything(everything: bool = False, full_refresh: bool = False, console_level: str = "INFO") -> RunOutcome:
    os.environ.update({k: v for k, v in dbt_environment().items() if k in ("WENLING_DUCKDB_PATH", "DO_NOT_TRACK")})
    ensure_manifest()
    from orchestration.definitions import defs  # after the manifest exists
    from orchestration.defs.partitions import RANGE_END, RANGE_START, issue_files
    from orchestration.defs.resources import WenlingPaths

    paths = load_paths()
    listing = scan(paths.raw_dir)
    log_ignored(log, paths.raw_dir, listing.ignored)
    files = list(listing.issues) if everything else files_to_run(paths, listing.issues)
    running = set(files)
    unchanged = [f for f in listing.issues if f not in running]
    # The paths of the environment as it is now, not as it was when the definitions were first
    # imported (a process may run several warehouses: the tests, the benchmark).
    resources = {"wenling_paths": WenlingPaths.from_environment()}
    with _instance() as instance:
        known = instance.get_dynamic_partitions(issue_files.name)
        instance.add_dynamic_partitions(issue_files.name, [f for f in files if f not in known])
        if files:
            order = instance.get_dynamic_partitions(issue_files.name)
            in_run = sorted(files, key=order.index)
            result = defs.resolve_job_def("issue_pipeline").execute_in_process(
                instance=instance,
                tags={RANGE_START: in_run[0], RANGE_END: in_run[-1]},
                run_config=console_config(console_level) | dbt_config(full_refresh),
                raise_on_error=False,
                resources=resources,
            )
        else:
            result = defs.resolve_job_def("rebuild_marts").execute_in_process(
                instance=instance, run_config=console_config(console_level) | dbt_config(full_refresh), raise_on_error=False,
                resources=resources,
            )
        steps = step_seconds(instance, result.run_id)
    checks = {e.check_name: (e.passed, e.description) for e in result.get_asset_check_evaluations()}
    return RunOutcome(success=result.success, issue_files=files, counts=summary_counts(), checks=checks,
                      step_seconds=steps, unchanged=unchanged)


DBT_TIMINGS = "dbt step timings:"  # orchestration/defs/dbt.py logs it


def step_seconds(instance: dg.DagsterInstance, run_id: str) -> dict[str, float]:
    """Seconds from each step's start to its end (success or failure), from the run's event log,
    and the dbt step's own split (dbt_build, publish)."""
    started: dict[str, float] = {}
    seconds: dict[str, float] = {}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None and entry.user_message.startswith(DBT_TIMINGS):
            # inside the dbt step: "dbt step timings: dbt build 3.10 s, publish 0.42 s"
            for part in entry.user_message.removeprefix(DBT_TIMINGS).split(","):
                name, value, _unit = part.rsplit(" ", 2)
                seconds[name.strip().replace(" ", "_")] = float(value)
            continue
        if event is None or event.step_key is None:
            continue
        if event.event_type == dg.DagsterEventType.STEP_START:
            started[event.step_key] = entry.timestamp
        elif event.event_type in (dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE):
            seconds[event.step_key] = round(entry.timestamp - started.get(event.step_key, entry.timestamp), 2)
    return seconds


def summary_counts() -> dict[str, int]:
    warehouse = load_paths().warehouse
    if not warehouse.exists():
        return {}
    with retry.connect(warehouse, read_only=True) as con:
        present = {r[0] for r in con.execute("select table_name from information_schema.tables where table_schema = 'marts'").fetchall()}
        return {t: con.execute(f"select count(*) from marts.{t}").fetchone()[0] for t in SUMMARY_TABLES if t in present}
