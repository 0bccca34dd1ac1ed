"""Per-issue Parquet files that carry data from one pipeline stage to the next.

Layout: <lake>/<stage>/<quoted file name>.parquet, one file per issue file and stage. Writes go
to a temporary name and are renamed into place, so a killed run never leaves half a file that
a later stage would read.
"""
from __future__ import annotations

import os
import urllib.parse
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
import pyarrow.parquet as pq


def path_of(lake_dir: Path, stage: str, source_file: str) -> Path:
    """Where `stage`'s output for `source_file` lives (the loader reads it with DuckDB)."""
    return _file_for(lake_dir, stage, source_file)


def num_rows(lake_dir: Path, stage: str, source_file: str) -> int:
    """Rows of a stage's output, from the Parquet footer (the data is not read)."""
    return pq.ParquetFile(_file_for(lake_dir, stage, source_file)).metadata.num_rows


def _file_for(lake_dir: Path, stage: str, source_file: str) -> Path:
    # Quote the file name: partition keys may hold spaces, CJK, a leading dash or slashes.
    return lake_dir / stage / (urllib.parse.quote(source_file, safe="") + ".parquet")


def write_rows(
    lake_dir: Path, stage: str, source_file: str, rows: Iterable[dict[str, Any]], schema: pa.Schema
) -> Path:
    table = pa.Table.from_pylist(list(rows), schema=schema)
    return write_table(lake_dir, stage, source_file, table)


def write_table(lake_dir: Path, stage: str, source_file: str, table: pa.Table) -> Path:
    target = _file_for(lake_dir, stage, source_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, target)
    return target


def read_table(lake_dir: Path, stage: str, source_file: str) -> pa.Table:
    path = _file_for(lake_dir, stage, source_file)
    if not path.exists():
        raise FileNotFoundError(f"{source_file}: no '{stage}' output yet ({path}); materialize the upstream asset first")
    return pq.read_table(path)


def read_rows(lake_dir: Path, stage: str, source_file: str) -> list[dict[str, Any]]:
    return read_table(lake_dir, stage, source_file).to_pylist()


def exists(lake_dir: Path, stage: str, source_file: str) -> bool:
    return _file_for(lake_dir, stage, source_file).exists()


def remove(lake_dir: Path, stage: str, source_file: str) -> None:
    _file_for(lake_dir, stage, source_file).unlink(missing_ok=True)
