"""Run a per-issue stage over many issue files, in worker processes when it pays.

Issues are independent, so a run's files are spread over a pool of processes, one per core
(WENLING_WORKERS to change it; 1 = everything in this process). Threads would not help: the
text library is pure Python and holds the GIL. The pool is started once per process and kept,
so each worker loads the dictionaries and lexicons once per run, not once per stage or issue.
Workers are spawned, not forked: the parent holds Dagster's and pyarrow's threads, and a
forked copy of those can deadlock.

A file's failure never stops the others: the worker catches it and hands back the reason.
"""
from __future__ import annotations

import atexit
import concurrent.futures as cf
import multiprocessing
import os
from typing import Callable, Iterator

from orchestration.settings import Paths
from orchestration.textmine.decode import UnreadableIssue

Step = Callable[[Paths, str], dict]
# Below this many files a pool costs more than it saves (its start is ~1 s a worker).
MIN_FILES_FOR_POOL = 8
_pool: cf.ProcessPoolExecutor | None = None
_pool_size = 0


def worker_count(environ: dict[str, str] | None = None) -> int:
    env = os.environ if environ is None else environ
    value = env.get("WENLING_WORKERS", "").strip()
    return max(1, int(value)) if value else (os.cpu_count() or 1)


def _outcome(step: Step, paths: Paths, source_file: str) -> tuple[str, dict | None, str | None]:
    """(file, figures, None) or (file, None, reason): never raises, so one file cannot stop a batch."""
    try:
        return source_file, step(paths, source_file), None
    except Exception as err:  # noqa: BLE001 — the reason is the result
        reason = err.reason if isinstance(err, UnreadableIssue) else f"{type(err).__name__}: {err}"
        return source_file, None, reason


def _get_pool(size: int) -> cf.ProcessPoolExecutor:
    global _pool, _pool_size
    if _pool is None or _pool_size != size:
        shutdown()
        _pool = cf.ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"))
        _pool_size = size
    return _pool


def shutdown() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


atexit.register(shutdown)


def map_files(step: Step, paths: Paths, files: list[str], workers: int | None = None
              ) -> Iterator[tuple[str, dict | None, str | None]]:
    """(file, figures, failure reason) for each file, in the order of `files`."""
    size = min(worker_count() if workers is None else workers, len(files))
    if size <= 1 or len(files) < MIN_FILES_FOR_POOL:
        for source_file in files:
            yield _outcome(step, paths, source_file)
        return
    # Chunks of a few files: fewer round trips, still an even spread over the workers.
    chunksize = max(1, min(16, len(files) // (size * 4)))
    done: set[str] = set()
    try:
        for result in _get_pool(size).map(_outcome, [step] * len(files), [paths] * len(files), files,
                                          chunksize=chunksize):
            done.add(result[0])
            yield result
    except cf.process.BrokenProcessPool:
        # A worker died (killed, out of memory): finish here, in this process, one file at a time.
        shutdown()
        for source_file in files:
            if source_file not in done:
                yield _outcome(step, paths, source_file)
