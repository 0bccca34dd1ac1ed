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
