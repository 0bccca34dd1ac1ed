"""Progress of long work: which stage, how many of its items are done.

The stages report (`advance`), whoever shows progress listens (`listening`): `wenling run` draws
bars on a terminal; nothing listens in the UI, whose run page has the per-file log. No Dagster
here, and reporting costs a list lookup when nobody listens.
"""
from __future__ import annotations

import contextlib
import sys
from typing import Callable, Iterable, Iterator, TextIO, TypeVar

Listener = Callable[[str, int, int], None]  # (stage, done, total)
T = TypeVar("T")
_listeners: list[Listener] = []


@contextlib.contextmanager
def listening(listener: Listener) -> Iterator[None]:
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


def advance(stage: str, done: int, total: int) -> None:
    for listener in list(_listeners):
        listener(stage, done, total)


class TerminalBars:
    """One tqdm bar per stage on stderr: done / total, rate, time left."""

    UNITS = {"dbt": "node"}

    def __init__(self, out: TextIO | None = None) -> None:
        self._out = out or sys.stderr
        self._stage: str | None = None
        self._bar = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if stage != self._stage:
            self.close()
            self._stage = stage
            self._bar = tqdm(total=total, desc=f"{stage:<16}", unit=self.UNITS.get(stage, "file"), file=self._out,
                             dynamic_ncols=True, leave=True)
        if self._bar is not None:
            self._bar.total = total
            self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


@contextlib.contextmanager
def terminal_bars(enabled: bool) -> Iterator[bool]:
    """Bars on stderr while the block runs, when `enabled` (a terminal); yields whether they are on."""
    if not enabled:
        yield False
        return
    bars = TerminalBars()
    try:
        with listening(bars):
            yield True
    finally:
        bars.close()


def counted(items: Iterable[T], stage: str, total: int) -> Iterator[T]:
    """`items` unchanged, reporting each one as done (a dbt build's events, say; `total` may be an estimate)."""
    advance(stage, 0, total)
    n = 0
    for n, item in enumerate(items, start=1):
        total = max(total, n)
        advance(stage, n, total)
        yield item
    advance(stage, n, n)  # `total` was an estimate: done is done
