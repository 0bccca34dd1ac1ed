"""Shared fixtures: the seed issues and isolated paths (tests never touch the repo's data/)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orchestration.settings import PROJECT_ROOT, Paths

SEED_DIR = PROJECT_ROOT / "raw"
SHARED = PROJECT_ROOT.parent / "shared"


def seed_files() -> list[Path]:
    return sorted(SEED_DIR.glob("*.txt"))


def read_seed(name: str) -> str:
    return (SEED_DIR / name).read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.fixture
def tmp_paths(tmp_path: Path) -> Paths:
    raw = tmp_path / "raw"
    raw.mkdir()
    return Paths(raw_dir=raw, warehouse=tmp_path / "data" / "warehouse.duckdb", lake_dir=tmp_path / "data" / "lake")


def copy_seeds(raw_dir: Path) -> list[str]:
    for path in seed_files():
        shutil.copy(path, raw_dir / path.name)
    return [p.name for p in seed_files()]
