"""Warehouses the integration tests read, each built once per session.

- `built`: every asset over the seed issues (+ an empty file and a non-issue), `wenling run`'s
  path (orchestration.pipeline_run.run_everything) with an ephemeral Dagster instance; read by
  test_pipeline.py and test_user_faces.py.
- `archive`: the messy archive of the robustness tests (three `wenling run`s).
"""
from __future__ import annotations

import os

import pytest

from orchestration.settings import PROJECT_ROOT, Paths
from tests.conftest import copy_seeds
from tests.integration.archive import Archive, build_archive


@pytest.fixture(scope="session")
def archive(tmp_path_factory) -> Archive:
    return build_archive(tmp_path_factory.mktemp("archive"))


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Paths:
    root = tmp_path_factory.mktemp("wenling")
    paths = Paths(raw_dir=root / "raw", warehouse=root / "data" / "warehouse.duckdb", lake_dir=root / "data" / "lake")
    paths.raw_dir.mkdir()
    copy_seeds(paths.raw_dir)
    (paths.raw_dir / "empty.txt").write_bytes(b"")  # a broken issue must not stop the others
    (paths.raw_dir / "README.md").write_text("not an issue", encoding="utf-8")
    saved = dict(os.environ)
    os.environ.update({"WENLING_RAW_DIR": str(paths.raw_dir), "WENLING_DUCKDB_PATH": str(paths.warehouse),
                       "WENLING_LAKE_DIR": str(paths.lake_dir)})
    os.environ.pop("DAGSTER_HOME", None)  # an ephemeral instance: never the developer's .dagster/
    try:
        from orchestration.pipeline_run import run_everything

        outcome = run_everything()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert outcome.success
    assert sorted(outcome.issue_files) == sorted([*(p.name for p in (PROJECT_ROOT / "raw").glob("*.txt")), "empty.txt"])
    return paths
