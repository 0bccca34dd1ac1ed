"""Make sure dbt's manifest exists and is current before the Dagster definitions load.

`@dbt_assets` reads target/manifest.json when the code location loads, so loading the
definitions (orchestration/defs/resources.py) calls `ensure_manifest()` first, whichever command
loads them. `dbt parse` does not open the DuckDB file.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from orchestration.settings import DBT_PROJECT_DIR, PROJECT_ROOT, load_paths

MANIFEST = DBT_PROJECT_DIR / "target" / "manifest.json"
PARSE_DIR = PROJECT_ROOT / "data"


def dbt_executable() -> str:
    beside_python = Path(sys.executable).with_name("dbt")
    return str(beside_python) if beside_python.exists() else "dbt"


def dbt_environment() -> dict[str, str]:
    """The environment dbt runs in: absolute warehouse path, no usage tracking."""
    env = dict(os.environ)
    env["WENLING_DUCKDB_PATH"] = str(load_paths().warehouse)
    env["DO_NOT_TRACK"] = "1"
    return env


def parse_environment(warehouse: Path | None = None) -> dict[str, str]:
    """The environment of every parse: the warehouse's file name, in a fixed folder.

    The profile reads the path from WENLING_DUCKDB_PATH, and dbt throws its partial-parse cache
    away when the profile changes: parses for warehouses in different folders (tests, the
    benchmark, a user's own path) would each re-parse everything (~7 s instead of ~1 s). The
    folder only matters when a build runs, which reads the environment of its own; the file
    name does matter (it names DuckDB's catalog, which dbt writes into every relation).
    """
    name = (warehouse or load_paths().warehouse).name
    return dbt_environment() | {"WENLING_DUCKDB_PATH": str(PARSE_DIR / name)}


# What a parse reads: the project's files and folders of sources (not target/ or logs/, which
# hold thousands of files the builds write).
SOURCE_FOLDERS = ("models", "macros", "tests", "seeds", "analyses", "snapshots")
SOURCE_SUFFIXES = frozenset({".sql", ".yml", ".yaml", ".csv", ".md"})


def _newest_source_mtime() -> float:
    files = [p for p in DBT_PROJECT_DIR.glob("*.yml")]
    for folder in SOURCE_FOLDERS:
        files += [p for p in (DBT_PROJECT_DIR / folder).rglob("*") if p.suffix in SOURCE_SUFFIXES]
    return max((p.stat().st_mtime for p in files), default=0.0)


def ensure_manifest(force: bool = False) -> Path:
    if force or not MANIFEST.exists() or MANIFEST.stat().st_mtime < _newest_source_mtime():
        subprocess.run(
            [dbt_executable(), "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
            check=True, env=parse_environment(),
        )
    return MANIFEST
