"""Watch raw/ and run the pipeline for every new or changed issue file."""

import json
from pathlib import Path

import dagster as dg

from orchestration.defs.jobs import issue_pipeline_job
from orchestration.defs.partitions import issue_files
from orchestration.defs.resources import WenlingPaths

ISSUE_SUFFIX = ".txt"


def fingerprint(path: Path) -> str:
    """Size and mtime: cheap, and changes whenever a file is replaced or edited in place."""
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def scan_raw_dir(raw_dir: Path) -> dict[str, str]:
    """Issue files under raw_dir (not recursive) → fingerprint. Other files are not issues."""
    if not raw_dir.is_dir():
        return {}
    return {p.name: fingerprint(p) for p in sorted(raw_dir.iterdir()) if p.is_file() and p.suffix.lower() == ISSUE_SUFFIX}


def changed_files(previous: dict[str, str], current: dict[str, str]) -> list[str]:
    return [name for name, fp in current.items() if previous.get(name) != fp]


@dg.sensor(
    job=issue_pipeline_job,
    minimum_interval_seconds=10,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Adds a partition for each new issue file in raw/ and runs it through to the marts; "
    "a changed file (size or mtime) is run again.",
)
def raw_files_sensor(context: dg.SensorEvaluationContext, wenling_paths: WenlingPaths) -> dg.SensorResult | dg.SkipReason:
    raw_dir = wenling_paths.paths.raw_dir
    previous: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    current = scan_raw_dir(raw_dir)
    changed = changed_files(previous, current)
    if not changed:
        return dg.SkipReason(f"no new or changed issue files in {raw_dir}")
    known = set(context.instance.get_dynamic_partitions(issue_files.name))
    new_partitions = [name for name in changed if name not in known]
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=f"{name}@{current[name]}", partition_key=name) for name in changed],
        dynamic_partitions_requests=[issue_files.build_add_request(new_partitions)] if new_partitions else [],
        cursor=json.dumps(current, sort_keys=True),
    )
