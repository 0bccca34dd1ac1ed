"""Connections for users' SQL (`wenling query`): they can read the warehouse, never change it.

read_only makes DuckDB refuse every write to the warehouse and to anything ATTACHed from it;
with external access off, SQL cannot touch the file system either (no COPY … TO over the
warehouse file, no ATTACH of the work file, no extension downloads). Opening retries while
another process holds the file (publish.py never does, but a user's own writer might).
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from orchestration.warehouse import retry


def connect_reader(path: Path, timeout_s: float = 30.0) -> duckdb.DuckDBPyConnection:
    return retry.connect(path, read_only=True, timeout_s=timeout_s, enable_external_access=False)


def loaded_fingerprints(warehouse: Path) -> dict[str, str] | None:
    """Issue file → fingerprint (size:mtime) of the bytes the published warehouse holds rows of.

    None when there is no warehouse yet, or it was built before fingerprints were kept: then
    every file is new to whoever asks (`wenling run`, the sensor's first tick).
    """
    if not warehouse.exists():
        return None
    with retry.connect(warehouse, read_only=True) as con:
        try:
            return dict(con.execute("select source_file, file_fingerprint from raw.issues").fetchall())
        except duckdb.Error:
            return None
