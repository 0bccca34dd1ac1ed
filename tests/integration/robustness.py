"""Helpers of the robustness tests: an isolated project in a tmp dir, `wenling` as a real process,
and an order-independent fingerprint of the marts."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from orchestration.settings import PROJECT_ROOT, Paths

WENLING = str(Path(sys.executable).with_name("wenling"))


def project(root: Path) -> Paths:
    paths = Paths(raw_dir=root / "raw", warehouse=root / "data" / "warehouse.duckdb", lake_dir=root / "data" / "lake")
    paths.raw_dir.mkdir(parents=True, exist_ok=True)
    return paths


def environment(paths: Paths, dagster_home: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a `wenling` process working on `paths` (never the developer's data/ or .dagster/)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WENLING_", "DAGSTER_HOME"))}
    env.update({
        "WENLING_RAW_DIR": str(paths.raw_dir),
        "WENLING_DUCKDB_PATH": str(paths.warehouse),
        "WENLING_LAKE_DIR": str(paths.lake_dir),
        "DO_NOT_TRACK": "1",
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "PYTHONUNBUFFERED": "1",
    })
    if dagster_home is not None:
        dagster_home.mkdir(parents=True, exist_ok=True)
        env["DAGSTER_HOME"] = str(dagster_home)
    env.update(extra)
    return env


def wenling(paths: Paths, *args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([WENLING, *args], cwd=PROJECT_ROOT, env=env or environment(paths), capture_output=True,
                          text=True, timeout=timeout)


def run_ok(paths: Paths, env: dict[str, str] | None = None, *args: str) -> subprocess.CompletedProcess:
    result = wenling(paths, "run", *args, env=env)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-8000:]
    return result


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def marts_fingerprint(warehouse: Path, schema: str = "marts") -> dict[str, tuple[int, str]]:
    """Every table and view of `schema` → (row count, hash of its rows in any order).

    Each row is rendered as text (DuckDB's cast of the whole row), hashed, and the sorted hashes
    are hashed again: equal fingerprints mean the same rows, byte for byte, whatever their order.
    """
    out: dict[str, tuple[int, str]] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = ? order by 1", [schema]).fetchall()]
        for table in tables:
            count, digest = con.execute(
                f'select count(*), md5(coalesce(string_agg(h, \'\' order by h), \'\')) '
                f'from (select md5(cast(t as varchar)) as h from {schema}."{table}" as t)'
            ).fetchone()
            out[table] = (count, digest)
    return out
