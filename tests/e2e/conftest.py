"""One fresh copy of the working tree for the whole e2e session: `make run` once, `make ui` once.

The tests then use it as a person would, in the order the README tells it. The time of every
README command (and of a file landing in raw/ until the published marts hold it) is printed at
the end of the session.
"""
from __future__ import annotations

from typing import Iterator

import pytest

from tests.e2e.dagster_ui import DagsterUI
from tests.e2e.readme_env import FreshClone, copy_working_tree


TIMINGS = pytest.StashKey[list[tuple[str, float]]]()


@pytest.fixture(scope="session")
def clone(tmp_path_factory, request) -> FreshClone:
    fresh = FreshClone(copy_working_tree(tmp_path_factory.mktemp("fresh_clone")))
    leftovers = [d for d in (".venv", "data", ".dagster", "dbt_project/target") if (fresh.root / d).exists()]
    assert not leftovers, f"the copy holds build output a clone would not: {leftovers}"
    request.config.stash[TIMINGS] = fresh.timings  # printed in the terminal summary
    return fresh


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    timings = config.stash.get(TIMINGS, [])
    if timings:
        terminalreporter.write_sep("-", "the README's commands in a fresh clone, PATH and HOME only")
        for command, seconds in timings:
            terminalreporter.write_line(f"{seconds:8.1f} s  {command.splitlines()[0]}")


@pytest.fixture(scope="session")
def built(clone: FreshClone) -> FreshClone:
    """After `make run`: the environment created, every asset materialized over raw/."""
    clone.must("make", "run", timeout_s=1500)
    return clone


@pytest.fixture(scope="session")
def ui(built: FreshClone, tmp_path_factory) -> Iterator[DagsterUI]:
    server = DagsterUI(built.root, tmp_path_factory.mktemp("make_ui") / "make_ui.log")
    server.start()
    try:
        server.wait_until_loaded()
        yield server
    finally:
        server.stop()
