"""`make bench`: full build, incremental and unattended timings over synthetic archives.

    python -m benchmarks.bench [--sizes 1000 3000] [--unattended] [--keep]

For each archive size N it reports the full build (wall time, throughput, time per stage,
peak RSS) against the floor (plain jieba.cut over the same text in one process), then the
incremental case (one new issue lands in a built archive of N), with where its time went:
process start, each stage, the dbt build, the publish and the report. With --unattended it also
measures, under `dagster dev` (sensor and daemon on), the time from a file landing in raw/
to the published marts holding it. Prints a table and writes benchmarks/results/<time>.json
with the machine's cores and memory beside the figures.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate_archive
from orchestration.settings import PROJECT_ROOT

RESULTS_DIR = PROJECT_ROOT / "benchmarks" / "results"


def machine() -> dict:
    mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return {"cores": os.cpu_count(), "ram_gb": round(mem_kb / 1024 / 1024, 1), "python": platform.python_version(),
            "platform": platform.platform()}


def _env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"WENLING_RAW_DIR": str(root / "raw"), "WENLING_DUCKDB_PATH": str(root / "data" / "warehouse.duckdb"),
                "WENLING_LAKE_DIR": str(root / "data" / "lake"), "DO_NOT_TRACK": "1"})
    env.pop("DAGSTER_HOME", None)
    return env


def _last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def _python(module: str, *args: str, env: dict[str, str]) -> dict:
    done = subprocess.run([sys.executable, "-m", module, *args], env=env, cwd=PROJECT_ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{module} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return _last_json(done.stdout)


def bench_size(n: int, workdir: Path) -> dict:
    root = workdir / f"n{n}"
    paths = generate_archive(root / "raw", n + 1)
    newest = paths[-1]
    held_back = root / newest.name
    shutil.move(newest, held_back)  # lands later, for the incremental case
    env = _env(root)
    floor = _python("benchmarks.floor", str(root / "raw"), env=env)
    full = _python("benchmarks.build_once", env=env)
    shutil.move(held_back, root / "raw" / newest.name)
    incremental = _python("benchmarks.build_once", env=env)
    mb = floor["mb"]
    return {
        "n_issues": n,
        "mb": mb,
        "floor_s": floor["floor_s"],
        "full": full | {"mb_per_min": round(mb / full["wall_s"] * 60, 2),
                        "issues_per_min": round(n / full["wall_s"] * 60, 1),
                        "ratio_to_floor": round(full["wall_s"] / max(floor["floor_s"], 1e-9), 2)},
        "incremental": incremental,
    }


def bench_unattended(workdir: Path, port: int = 3399, timeout_s: float = 180) -> dict:
    """Start `dagster dev`, drop one issue into raw/, time until the published marts hold it."""
    import duckdb

    root = workdir / "unattended"
    (root / "raw").mkdir(parents=True)
    home = root / "dagster_home"
    home.mkdir()
    shutil.copy(PROJECT_ROOT / "orchestration" / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    env = _env(root) | {"DAGSTER_HOME": str(home), "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    server = subprocess.Popen([str(Path(sys.executable).with_name("dagster")), "dev", "-w", "workspace.yaml",
                               "-h", "127.0.0.1", "-p", str(port)], cwd=PROJECT_ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        time.sleep(20)  # the webserver, daemon and code location start
        source = generate_archive(root / "staging", 1)[0]
        landed = time.perf_counter()
        shutil.copy(source, root / "raw" / source.name)
        warehouse = root / "data" / "warehouse.duckdb"
        while time.perf_counter() - landed < timeout_s:
            time.sleep(1)
            if warehouse.exists():
                try:
                    with duckdb.connect(str(warehouse), read_only=True) as con:
                        if con.execute("select count(*) from marts.issues where source_file = ?", [source.name]).fetchone()[0]:
                            return {"landing_to_marts_s": round(time.perf_counter() - landed, 1)}
                except duckdb.Error:
                    pass
        return {"landing_to_marts_s": None, "timed_out_after_s": timeout_s}
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=60)


# The dbt step's own split (orchestration/defs/dbt.py logs it; pipeline_run.step_seconds reads it).
DBT_SPLIT = ("dbt_build", "publish")


def one_issue_breakdown(run: dict) -> dict[str, float]:
    """Where a run's wall time went: process start (imports, Dagster's run set-up: what no step
    accounts for), each step, and inside the dbt step, the build and the publish."""
    steps = run["step_s"]
    in_steps = sum(v for k, v in steps.items() if k not in DBT_SPLIT)
    out = {"start": round(run["wall_s"] - in_steps, 2)}
    for name, seconds in steps.items():
        out[name] = seconds
    return out


def print_table(results: dict) -> None:
    print(f"\nmachine: {results['machine']['cores']} cores, {results['machine']['ram_gb']} GB RAM")
    print(f"{'N':>6} {'MB':>6} {'floor s':>8} {'full s':>7} {'÷floor':>7} {'MB/min':>7} {'iss/min':>8} {'RSS MB':>7} {'incr s':>7}")
    for r in results["sizes"]:
        f = r["full"]
        print(f"{r['n_issues']:>6} {r['mb']:>6} {r['floor_s']:>8} {f['wall_s']:>7} {f['ratio_to_floor']:>7} "
              f"{f['mb_per_min']:>7} {f['issues_per_min']:>8} {f.get('peak_rss_tree_mb') or max(f['peak_rss_mb'], f['peak_rss_children_mb']):>7} "
              f"{r['incremental']['wall_s']:>7}")
        if f.get("step_s"):
            print("        full build stages: " + ", ".join(f"{k} {v}s" for k, v in f["step_s"].items()))
        inc = r["incremental"]
        if inc.get("step_s"):
            print("        one new issue: " + ", ".join(f"{k} {v}s" for k, v in one_issue_breakdown(inc).items()))
    incremental = {r["n_issues"]: r["incremental"]["wall_s"] for r in results["sizes"]}
    if len(incremental) > 1:
        small, large = min(incremental), max(incremental)
        print(f"one new issue at N={large} ÷ at N={small}: {incremental[large] / incremental[small]:.2f}")
    if "unattended" in results:
        print(f"unattended: file landing → marts {results['unattended']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--unattended", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temporary archives")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="wenling-bench-"))
    results: dict = {"when": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(), "sizes": []}
    try:
        for n in args.sizes:
            results["sizes"].append(bench_size(n, workdir))
        if args.unattended:
            results["unattended"] = bench_unattended(workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print_table(results)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"bench-{results['when'].replace(':', '')}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"written {out}")


if __name__ == "__main__":
    main()
