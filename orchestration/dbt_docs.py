"""`make docs`: dbt's documentation site for the warehouse, as one static HTML file.

`dbt docs generate` reads the catalog (tables, columns, types) from the database, so it runs
against a copy of the published warehouse: it never waits for, nor blocks, a run holding the
work file. `--static` inlines the manifest and catalog into `static_index.html`, which opens
from disk with no server and no network.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from orchestration.dbt_manifest import dbt_environment, dbt_executable
from orchestration.settings import DBT_PROJECT_DIR, load_paths

DOCS_DIR = DBT_PROJECT_DIR / "target" / "docs"


def generate_docs(warehouse: Path | None = None, target: Path = DOCS_DIR) -> Path:
    warehouse = warehouse or load_paths().warehouse
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run `make run` first")
    with tempfile.TemporaryDirectory(prefix="wenling-docs-") as tmp:
        copy = Path(tmp) / warehouse.name
        # The dbt profile opens "<WENLING_DUCKDB_PATH>.work".
        shutil.copyfile(warehouse, copy.with_name(copy.name + ".work"))
        env = dbt_environment() | {"WENLING_DUCKDB_PATH": str(copy)}
        subprocess.run(
            [dbt_executable(), "docs", "generate", "--static", "--quiet", "--target-path", str(target),
             "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
            check=True, env=env, cwd=DBT_PROJECT_DIR,
        )
    return target / "static_index.html"


def main() -> int:
    try:
        page = generate_docs()
    except FileNotFoundError as err:
        print(err, file=sys.stderr)
        return 2
    print(f"dbt docs: {page}  (one self-contained file; open it in a browser)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
