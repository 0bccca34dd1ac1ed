"""Thirty files dropped at once while users read: real processes all the way.

- the real sensor function ticks once against a Dagster instance on disk (DAGSTER_HOME) and its
  run request is launched with the Dagster CLI (`dagster job execute`), as the daemon would;
- meanwhile the daily schedule's job (`rebuild_marts`), a second writer, is launched too;
- a notebook-like process holds a read-only DuckDB connection on the published warehouse and
  queries it the whole time, and a loop runs `wenling query` again and again.

No process may see a DuckDB lock error, and at the end all thirty issues are there.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from orchestration.dbt_manifest import ensure_manifest
from orchestration.settings import PROJECT_ROOT
from tests.integration.archive import SEEDS
from tests.integration.robustness import WENLING, environment, project, query

pytestmark = pytest.mark.integration

N_FILES = 30
DAGSTER = str(Path(sys.executable).with_name("dagster"))

# Holds one read-only connection on the published warehouse from the moment it exists, querying
# it until told to stop: a user's DuckDB CLI or notebook left open.
HOLDER = r"""
import json, os, sys, time, duckdb
warehouse, stop, out = sys.argv[1:4]
while not os.path.exists(warehouse) and not os.path.exists(stop):
    time.sleep(0.1)
errors, counts = [], []
con = None
while not os.path.exists(stop):
    try:
        con = con or duckdb.connect(warehouse, read_only=True)
        counts.append(con.execute("select count(*) from marts.issues").fetchone()[0])
    except Exception as err:
        errors.append(repr(err))
    time.sleep(0.2)
json.dump({"errors": errors, "counts": counts}, open(out, "w"))
"""
# `wenling query` again and again, as a user at the command line would.
QUERY_LOOP = r"""
import json, os, subprocess, sys, time
wenling, stop, out = sys.argv[1:4]
results = []
while not os.path.exists(stop):
    r = subprocess.run([wenling, "query", "select count(*) as n from marts.issues"], capture_output=True, text=True)
    results.append([r.returncode, r.stdout[-300:], r.stderr[-2000:]])
    time.sleep(1.0)  # a busy user, not a benchmark: each query is a new process
json.dump(results, open(out, "w"))
"""
LOCK_ERRORS = ("Could not set lock", "Conflicting lock", "database is locked", "WarehouseBusy")


def _issue_text(i: int) -> str:
    return SEEDS[i % len(SEEDS)].replace("本报", f"本报（第{i:02d}期）", 1) + f"\n（第{i:02d}期完）\n"


def _sensor_tick(instance: dg.DagsterInstance, paths) -> dg.SensorResult:
    from orchestration.defs.partitions import issue_files
    from orchestration.defs.resources import WenlingPaths
    from orchestration.defs.sensors import raw_files_sensor

    resource = WenlingPaths(raw_dir=str(paths.raw_dir), warehouse_path=str(paths.warehouse), lake_dir=str(paths.lake_dir))
    result = raw_files_sensor(dg.build_sensor_context(instance=instance, resources={"wenling_paths": resource}))
    for request in result.dynamic_partitions_requests:  # what the daemon does with them
        instance.add_dynamic_partitions(issue_files.name, list(request.partition_keys))
    return result


def _launch(job: str, tags: dict[str, str], env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [DAGSTER, "job", "execute", "-m", "orchestration.definitions", "-a", "defs", "-j", job, "--tags", json.dumps(tags)],
        cwd=PROJECT_ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT,
    )


def test_thirty_files_at_once_with_a_reader_and_wenling_query_open(tmp_path) -> None:
    ensure_manifest()
    paths = project(tmp_path / "project")
    dagster_home = tmp_path / "dagster_home"
    env = environment(paths, dagster_home)
    (dagster_home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    stop = tmp_path / "stop"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(paths.warehouse), str(stop), str(tmp_path / "holder.json")])
    looper = subprocess.Popen([sys.executable, "-c", QUERY_LOOP, WENLING, str(stop), str(tmp_path / "queries.json")], env=env)

    names = [f"{i:02d} 温岭日报 第{i}期.txt" for i in range(N_FILES)]
    for i, name in enumerate(names):
        (paths.raw_dir / name).write_text(_issue_text(i), encoding="utf-8")

    saved = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(dagster_home)
    try:
        with dg.DagsterInstance.get() as instance:
            tick = _sensor_tick(instance, paths)
            assert len(tick.run_requests) == 1  # thirty new files: one run over their range
            writers = []
            for n, request in enumerate(tick.run_requests):
                tags = dict(request.tags) | ({"dagster/partition": request.partition_key} if request.partition_key else {})
                writers.append(_launch(request.job_name, tags, env, tmp_path / f"sensor_run_{n}.log"))
            writers.append(_launch("rebuild_marts", {}, env, tmp_path / "schedule_run.log"))  # the daily schedule fires too
            deadline = time.monotonic() + 540
            for proc in writers:
                proc.wait(timeout=max(1, deadline - time.monotonic()))
            logs = {p.name: p.read_text(errors="replace") for p in tmp_path.glob("*.log")}
            assert [p.returncode for p in writers] == [0] * len(writers), "\n".join(v[-3000:] for v in logs.values())
            for name, log in logs.items():
                assert not any(e in log for e in LOCK_ERRORS), f"{name}:\n{log[-3000:]}"

            assert sorted(instance.get_dynamic_partitions("issue_files")) == sorted(names)  # no lost partition
            runs = instance.get_runs()
            assert len(runs) == len(writers) and all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)
    finally:
        if saved is None:
            os.environ.pop("DAGSTER_HOME", None)
        else:
            os.environ["DAGSTER_HOME"] = saved
        stop.touch()
        holder.wait(timeout=60)
        looper.wait(timeout=60)

    # Every issue made it to the published warehouse, each once.
    assert query(paths.warehouse, "select count(*), count(distinct issue_id) from marts.issues") == [(N_FILES, N_FILES)]
    assert query(paths.warehouse, "select count(*) from marts.rejected_files") == [(0,)]

    held = json.loads((tmp_path / "holder.json").read_text())
    assert held["errors"] == [] and len(held["counts"]) >= 3  # it kept its connection and kept reading

    queries = json.loads((tmp_path / "queries.json").read_text())
    assert queries, "the query loop never ran"
    failures = [q for q in queries if q[0] != 0 and not (q[0] == 2 and "no warehouse" in q[2])]
    assert failures == []
    assert any(q[0] == 0 for q in queries)
    assert not any(e in q[2] for q in queries for e in LOCK_ERRORS)
