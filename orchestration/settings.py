"""Where things live, read once from the environment.

Every entry point (Dagster resources, the dbt profile, the `wenling` CLI, tests, benchmarks)
takes its paths from here, so one environment variable moves the whole system:

- WENLING_RAW_DIR      issue files (default: raw/ under the project root)
- WENLING_DUCKDB_PATH  the published warehouse users open (default: data/warehouse.duckdb)
- WENLING_LAKE_DIR     per-issue Parquet files between stages (default: lake/ beside the warehouse)
- WENLING_MAX_ISSUE_BYTES  larger issue files are rejected unread (default: 5 MiB; an issue is ~15 KB)

Runs never write the published file directly: they build into a work file beside it
(`<warehouse>.work`) and publish a finished copy atomically, so an open reader never blocks or
sees a half-built warehouse (see orchestration/warehouse/publish.py).
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"


@dataclasses.dataclass(frozen=True)
class Paths:
    raw_dir: Path
    warehouse: Path  # the published DuckDB file
    lake_dir: Path

    @property
    def work_db(self) -> Path:
        """The DuckDB file runs write into; the dbt profile derives the same name."""
        return self.warehouse.with_name(self.warehouse.name + ".work")

    @property
    def write_lock(self) -> Path:
        return self.warehouse.with_name(self.warehouse.name + ".lock")

    @property
    def report_dir(self) -> Path:
        """The HTML report (index.html), beside the published warehouse: data/report/ by default."""
        return self.warehouse.parent / "report"


def _resolve(value: str | None, default: Path) -> Path:
    path = Path(value).expanduser() if value else default
    return path if path.is_absolute() else (Path.cwd() / path).resolve()


def load_paths(environ: dict[str, str] | None = None) -> Paths:
    env = os.environ if environ is None else environ
    warehouse = _resolve(env.get("WENLING_DUCKDB_PATH"), PROJECT_ROOT / "data" / "warehouse.duckdb")
    return Paths(
        raw_dir=_resolve(env.get("WENLING_RAW_DIR"), PROJECT_ROOT / "raw"),
        warehouse=warehouse,
        lake_dir=_resolve(env.get("WENLING_LAKE_DIR"), warehouse.parent / "lake"),
    )


# A printed issue is 10-20 KB of text; 5 MiB is ~300 issues' worth. Anything larger is an export
# dump or a wrong file, and reading it would hold up (and could exhaust) the run for everyone.
DEFAULT_MAX_ISSUE_BYTES = 5 * 1024 * 1024


def max_issue_bytes(environ: dict[str, str] | None = None) -> int:
    env = os.environ if environ is None else environ
    value = env.get("WENLING_MAX_ISSUE_BYTES", "").strip()
    return int(value) if value else DEFAULT_MAX_ISSUE_BYTES
