"""orchestration.parallel: a stage over many files in worker processes, one file's failure kept to itself."""
from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from orchestration import parallel
from orchestration.settings import Paths
from orchestration.textmine.decode import UnreadableIssue


# Steps live at module level: a spawned worker imports them by name.
def pid_step(paths: Paths, source_file: str) -> dict:
    if source_file == "bad.txt":
        raise UnreadableIssue(source_file, "no recognisable article")
    if source_file == "boom.txt":
        raise KeyError("title")
    (paths.lake_dir / f"{source_file}.done").write_text(str(os.getpid()))
    return {"pid": os.getpid()}


def dies_in_a_worker(paths: Paths, source_file: str) -> dict:
    if source_file == "kill.txt" and multiprocessing.parent_process() is not None:
        os._exit(9)  # a worker killed (out of memory, SIGKILL)
    return {"pid": os.getpid()}


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    (tmp_path / "lake").mkdir()
    return Paths(raw_dir=tmp_path / "raw", warehouse=tmp_path / "w.duckdb", lake_dir=tmp_path / "lake")


@pytest.fixture(autouse=True)
def fresh_pool():
    yield
    parallel.shutdown()


def test_many_files_go_to_worker_processes_in_order_with_failures_kept(paths: Paths) -> None:
    files = [f"{i:02d}.txt" for i in range(12)] + ["bad.txt", "boom.txt"]
    results = list(parallel.map_files(pid_step, paths, files, workers=2))
    assert [r[0] for r in results] == files
    by_file = {f: (figures, reason) for f, figures, reason in results}
    assert by_file["bad.txt"] == (None, "no recognisable article")
    assert by_file["boom.txt"] == (None, "KeyError: 'title'")
    pids = {figures["pid"] for figures, reason in by_file.values() if reason is None}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert len(list(paths.lake_dir.glob("*.done"))) == 12


def test_a_few_files_stay_in_this_process(paths: Paths) -> None:
    results = list(parallel.map_files(pid_step, paths, ["a.txt", "b.txt"], workers=2))
    assert {figures["pid"] for _, figures, _ in results} == {os.getpid()}


def test_a_dead_worker_does_not_lose_the_other_files(paths: Paths) -> None:
    files = [f"{i:02d}.txt" for i in range(10)] + ["kill.txt"] + [f"{i:02d}b.txt" for i in range(5)]
    results = list(parallel.map_files(dies_in_a_worker, paths, files, workers=2))
    assert sorted(r[0] for r in results) == sorted(files)
    assert all(reason is None for _, _, reason in results)


def test_worker_count_from_the_environment() -> None:
    assert parallel.worker_count({"WENLING_WORKERS": "3"}) == 3
    assert parallel.worker_count({"WENLING_WORKERS": "0"}) == 1
    assert parallel.worker_count({}) == (os.cpu_count() or 1)
