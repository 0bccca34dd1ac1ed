"""Watch raw/ and run the pipeline for every new or changed issue file.

One tick, one run per block of consecutive partitions: 30 files dropped at once are added as 30
partitions in one go and run as one run over that range (one dbt build and publish, not 30
queued behind each other). A file that disappeared asks for a marts rebuild, which marks it
withdrawn (its rows stay). Entries of raw/ that are not issue files are logged once, when they
appear.
"""

import hashlib
import json
import time

import dagster as dg

from orchestration.defs.jobs import issue_pipeline_job, marts_job
from orchestration.defs.partitions import RANGE_END, RANGE_START, issue_files
from orchestration.defs.resources import WenlingPaths
from orchestration.rawfiles import ISSUE_SUFFIX, changed_files, fingerprint, log_ignored, scan
from orchestration.warehouse.reader import loaded_fingerprints

__all__ = ["ISSUE_SUFFIX", "fingerprint", "changed_files", "raw_files_sensor"]



def _read_cursor(cursor: str | None) -> tuple[dict[str, str], set[str]]:
    """(issue file → fingerprint, ignored names); the first cursors were a bare mapping."""
    data = json.loads(cursor) if cursor else {}
    if "files" in data and isinstance(data["files"], dict):
        return data["files"], set(data.get("ignored", []))
    return data, set()


def _blocks(keys: list[str], order: list[str]) -> list[list[str]]:
    """`keys` grouped into runs of consecutive partitions (in the partition order)."""
    index = {key: i for i, key in enumerate(order)}
    blocks: list[list[str]] = []
    for key in sorted(keys, key=index.__getitem__):
        if blocks and index[blocks[-1][-1]] == index[key] - 1:
            blocks[-1].append(key)
        else:
            blocks.append([key])
    return blocks


def _run_request(block: list[str], current: dict[str, str]) -> dg.RunRequest:
    if len(block) == 1:
        (name,) = block
        return dg.RunRequest(run_key=f"{name}@{current[name]}", partition_key=name, job_name=issue_pipeline_job.name)
    state = hashlib.sha256(json.dumps({n: current[n] for n in block}, sort_keys=True).encode()).hexdigest()[:16]
    return dg.RunRequest(
        run_key=f"{block[0]}..{block[-1]}@{state}",
        job_name=issue_pipeline_job.name,
        tags={RANGE_START: block[0], RANGE_END: block[-1]},
    )


@dg.sensor(
    jobs=[issue_pipeline_job, marts_job],
    # A tick lists raw/ and stats its files (milliseconds, even for years of issues): every 2 s
    # keeps a new file's wait for the sensor short (the unattended latency of make bench).
    minimum_interval_seconds=2,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Adds a partition for each new issue file in raw/ and runs new or changed files (size or "
    "mtime) through to the marts, consecutive partitions in one run; a removed file triggers a marts "
    "rebuild that marks it withdrawn.",
)
def raw_files_sensor(context: dg.SensorEvaluationContext, wenling_paths: WenlingPaths) -> dg.SensorResult | dg.SkipReason:
    raw_dir = wenling_paths.paths.raw_dir
    previous, previously_ignored = _read_cursor(context.cursor)
    if context.cursor is None:
        # First tick (a new DAGSTER_HOME, or the UI started after `make run`): what the published
        # warehouse was loaded from is not new, so it is not run again.
        previous = loaded_fingerprints(wenling_paths.paths.warehouse) or {}
    listing = scan(raw_dir)
    current = listing.issues
    log_ignored(context.log, raw_dir, {n: why for n, why in listing.ignored.items() if n not in previously_ignored})
    changed = changed_files(previous, current)
    removed = sorted(set(previous) - set(current))
    cursor = json.dumps({"files": current, "ignored": sorted(listing.ignored)}, sort_keys=True, ensure_ascii=False)
    if not changed and not removed:
        skip = dg.SkipReason(f"no new, changed or removed issue files in {raw_dir}")
        return skip if set(listing.ignored) == previously_ignored else dg.SensorResult(skip_reason=skip, cursor=cursor)
    known = list(context.instance.get_dynamic_partitions(issue_files.name))
    known_set = set(known)
    new_partitions = [name for name in changed if name not in known_set]
    run_requests = [_run_request(block, current) for block in _blocks(changed, known + new_partitions)]
    if removed:
        context.log.warning(f"{raw_dir}: {len(removed)} issue file(s) removed, their rows are kept and marked withdrawn: {removed}")
        # The time makes the key unique: the same file may go, come back and go again.
        state = hashlib.sha256(json.dumps([removed, time.time()]).encode()).hexdigest()[:16]
        run_requests.append(dg.RunRequest(run_key=f"withdrawn@{state}", job_name=marts_job.name))
    return dg.SensorResult(
        run_requests=run_requests,
        dynamic_partitions_requests=[issue_files.build_add_request(new_partitions)] if new_partitions else [],
        cursor=cursor,
    )
