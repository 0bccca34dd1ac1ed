"""One full `wenling run` in this process, reported as JSON on the last line of stdout.

Run by benchmarks/bench.py in a fresh subprocess per measurement, so peak RSS and the
one-time costs (imports, jieba's dictionary) are those of a real run.
"""
from __future__ import annotations

import json
import resource
import sys
import time


def main() -> None:
    started = time.perf_counter()
    from orchestration.pipeline_run import run_everything

    outcome = run_everything()
    wall = time.perf_counter() - started
    report = {
        "success": outcome.success,
        "issue_files": len(outcome.issue_files),
        "wall_s": round(wall, 2),
        "step_s": getattr(outcome, "step_seconds", {}),
        "counts": outcome.counts,
        # ru_maxrss is in KiB on Linux: this process, and the largest child (dbt) separately.
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_rss_children_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }
    sys.stdout.write("\n" + json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
