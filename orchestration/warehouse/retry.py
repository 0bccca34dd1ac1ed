"""Retry with backoff for the transient failures of a shared DuckDB file.

DuckDB lets one process write a file or several read it, never both; a second process that
opens it meanwhile gets an IOException ("Could not set lock on file …"). Between our own
writers the lock file in publish.py already serialises access, but a stray process (a user who
opened the work file, a run killed a moment ago whose lock the OS has not yet released) can
still hold it for a moment: every place that opens DuckDB goes through `connect()` here and
waits it out with exponential backoff and jitter instead of failing the run.
"""
from __future__ import annotations

import logging
import random
import time
from pathlib import Path
from typing import Callable, TypeVar

import duckdb

log = logging.getLogger(__name__)
T = TypeVar("T")

# Messages DuckDB gives when another process holds the file; anything else is a real error.
_TRANSIENT = ("could not set lock", "conflicting lock", "resource temporarily unavailable", "database is locked")


def is_transient(err: BaseException) -> bool:
    return isinstance(err, duckdb.IOException) and any(m in str(err).lower() for m in _TRANSIENT)


def with_retries(
    action: Callable[[], T],
    *,
    what: str,
    timeout_s: float = 60.0,
    first_delay_s: float = 0.1,
    max_delay_s: float = 3.0,
    transient: Callable[[BaseException], bool] = is_transient,
) -> T:
    """Run `action`, retrying transient failures with backoff until `timeout_s` has passed."""
    deadline = time.monotonic() + timeout_s
    delay = first_delay_s
    attempt = 1
    while True:
        try:
            return action()
        except Exception as err:
            if not transient(err) or time.monotonic() + delay > deadline:
                raise
            if attempt & (attempt - 1) == 0:  # attempts 1, 2, 4, 8 …: say so, without flooding the log
                log.warning("%s: %s — retrying in %.1fs (attempt %d)", what, str(err).splitlines()[0] or type(err).__name__,
                            delay, attempt)
            time.sleep(delay + random.uniform(0, delay / 2))
            delay = min(delay * 2, max_delay_s)
            attempt += 1


def connect(path: Path, *, read_only: bool = False, timeout_s: float = 60.0, **config: object) -> duckdb.DuckDBPyConnection:
    """duckdb.connect with retries while another process holds the file."""
    mode = "read-only" if read_only else "read-write"
    return with_retries(
        lambda: duckdb.connect(str(path), read_only=read_only, config=dict(config)),
        what=f"opening {path} {mode}",
        timeout_s=timeout_s,
    )
