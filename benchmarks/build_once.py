"""One full `wenling run` in this process, reported as JSON on the last line of stdout.

Run by benchmarks/bench.py in a fresh subprocess per measurement, so peak RSS and the
one-time costs (imports, jieba's dictionary) are those of a real run.
"""
from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from pathlib import Path


def _tree_rss_mb() -> float:
    """Resident memory of this process and all its descendants (the worker processes), in MB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "status").read_text().splitlines()
        except OSError:
            continue
        info = dict(line.split(":", 1) for line in fields if ":" in line)
        parents[int(entry.name)] = int(info.get("PPid", "0"))
        rss[int(entry.name)] = int(info.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in info else 0
    me, total = os.getpid(), 0
    for pid in rss:
        p = pid
        while p and p != me:
            p = parents.get(p, 0)
        if p == me:
            total += rss[pid]
    return total / 1024


class TreeRssSampler(threading.Thread):
    """The peak of _tree_rss_mb(), sampled every 0.5 s while the run goes on."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mb = 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(0.5):
            self.peak_mb = max(self.peak_mb, _tree_rss_mb())

    def stop(self) -> float:
        self._stop_event.set()
        self.join()
        return round(self.peak_mb, 1)


def main() -> None:
    sampler = TreeRssSampler()
    sampler.start()
    started = time.perf_counter()
    from orchestration.pipeline_run import run_everything

    outcome = run_everything()
    wall = time.perf_counter() - started
    tree_peak = sampler.stop()
    report = {
        "success": outcome.success,
        "issue_files": len(outcome.issue_files),
        "wall_s": round(wall, 2),
        "step_s": getattr(outcome, "step_seconds", {}),
        "counts": outcome.counts,
        # ru_maxrss is in KiB on Linux: this process, and the largest child (dbt) separately.
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_rss_children_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        # all processes of the run at once (this one, its workers, dbt), sampled every 0.5 s
        "peak_rss_tree_mb": tree_peak,
    }
    sys.stdout.write("\n" + json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
