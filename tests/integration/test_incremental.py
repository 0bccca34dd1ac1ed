"""Incremental marts: a run rebuilds only the issues it loaded, and the marts it leaves are the
ones a full refresh builds from the same raw/ — through new issues, an edit in place, a
duplicate under another name and a withdrawn file."""
from __future__ import annotations

import shutil

import pytest

from tests.conftest import seed_files
from tests.integration.robustness import marts_fingerprint, project, query, run_ok


def _fingerprint(warehouse) -> dict:
    return {"marts": marts_fingerprint(warehouse), "search": marts_fingerprint(warehouse, "search")}


def _last_build(warehouse) -> tuple[bool, int]:
    """(was the last dbt build a full refresh, issues still pending)."""
    full = query(warehouse, "select full_refresh from raw.dbt_builds order by built_at desc limit 1")[0][0]
    return full, query(warehouse, "select count(*) from raw.pending_issues")[0][0]


@pytest.fixture(scope="module")
def incremental_history(tmp_path_factory):
    """Six `wenling run`s over changing raw/; yields (paths, fingerprint after the last)."""
    paths = project(tmp_path_factory.mktemp("incremental"))
    seeds = seed_files()
    for seed in seeds[:3]:
        shutil.copy(seed, paths.raw_dir / seed.name)
    run_ok(paths)
    assert _last_build(paths.warehouse) == (True, 0)  # the first build is a full one
    steps = []
    shutil.copy(seeds[3], paths.raw_dir / seeds[3].name)  # a new issue
    steps.append(run_ok(paths))
    edited = paths.raw_dir / seeds[0].name  # an edit in place: its issue becomes another
    edited.write_text(edited.read_text(encoding="utf-8").replace("。", "。\n", 3) + "\n（本版编辑 林海）\n", encoding="utf-8")
    steps.append(run_ok(paths))
    shutil.copy(seeds[1], paths.raw_dir / f"copy_of_{seeds[1].name}")  # the same issue under a second name
    steps.append(run_ok(paths))
    (paths.raw_dir / seeds[2].name).unlink()  # withdrawn: rows kept, marked
    steps.append(run_ok(paths))
    return paths, steps


def test_runs_after_the_first_are_incremental_and_leave_nothing_pending(incremental_history):
    paths, steps = incremental_history
    assert all("incremental" in step.stdout + step.stderr for step in steps)
    assert _last_build(paths.warehouse) == (False, 0)
    builds = query(paths.warehouse, "select full_refresh from raw.dbt_builds order by built_at")
    assert [b[0] for b in builds] == [True, False, False, False, False]


def test_the_incremental_marts_equal_a_full_refresh(incremental_history):
    paths, _ = incremental_history
    incremental = _fingerprint(paths.warehouse)
    assert incremental["marts"]["articles"][0] > 0 and incremental["search"]["term_frequencies"][0] > 0
    run_ok(paths, None, "--full-refresh")
    assert _last_build(paths.warehouse) == (True, 0)
    assert _fingerprint(paths.warehouse) == incremental


def test_the_edited_issue_replaced_its_old_rows(incremental_history):
    paths, _ = incremental_history
    # one issue per file still there (the duplicate is one issue), none left over from the edit
    issues = query(paths.warehouse, "select count(*) from marts.issues")[0][0]
    files = query(paths.warehouse, "select count(distinct issue_id) from raw.issues")[0][0]
    assert issues == files == 4
    orphans = query(paths.warehouse, "select count(*) from marts.articles where issue_id not in (select issue_id from marts.issues)")
    assert orphans == [(0,)]


def test_a_warehouse_of_another_file_name_builds(tmp_path):
    """The parse is shared between warehouses, but DuckDB's catalog is named after the file."""
    from orchestration.settings import Paths
    from tests.integration.robustness import environment

    root = project(tmp_path)
    paths = Paths(raw_dir=root.raw_dir, warehouse=tmp_path / "data" / "county_paper.duckdb", lake_dir=root.lake_dir)
    shutil.copy(seed_files()[0], paths.raw_dir / seed_files()[0].name)
    run_ok(paths, environment(paths))
    assert query(paths.warehouse, "select count(*) from marts.issues") == [(1,)]
