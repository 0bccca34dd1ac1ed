"""A test-only pause inside the pipeline, so a crash test can kill a run at a known point.

Set WENLING_TEST_PAUSE_AT to `<point>` or `<point>:<source file>` (e.g. `load:002.txt`): when
the run reaches that point it prints `wenling-pause <point> <source file>` to stderr and sleeps
WENLING_TEST_PAUSE_S seconds (default 60). Unset — always, outside tests — it does nothing.
"""
from __future__ import annotations

import os
import sys
import time


def pause_point(point: str, source_file: str = "") -> None:
    wanted = os.environ.get("WENLING_TEST_PAUSE_AT")
    if not wanted or wanted not in (point, f"{point}:{source_file}"):
        return
    print(f"wenling-pause {point} {source_file}", file=sys.stderr, flush=True)
    time.sleep(float(os.environ.get("WENLING_TEST_PAUSE_S", "60")))
