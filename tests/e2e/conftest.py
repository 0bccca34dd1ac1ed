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

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def clone(tmp_path_factory, request) -> Iterator[FreshClone]:
    fresh = FreshClone(copy_working_tree(tmp_path_factory.mktemp("fresh_clone")))
    leftovers = [d for d in (".venv", "data", ".dagster", "dbt_project/target") if (fresh.root / d).exists()]
    assert not leftovers, f"the copy holds build output a clone would not: {leftovers}"
    yield fresh
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and fresh.timings:
        reporter.write_sep("-", "the README's commands in a fresh clone, PATH and HOME only")
        for command, seconds in fresh.timings:
            reporter.write_line(f"{seconds:8.1f} s  {command}")


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
