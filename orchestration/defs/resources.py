"""Resources: paths (from the environment, via orchestration.settings) and the dbt project."""

from pathlib import Path

import dagster as dg
from dagster_dbt import DbtProject

from orchestration.dbt_manifest import ensure_manifest
from orchestration.settings import DBT_PROJECT_DIR, Paths, load_paths


class WenlingPaths(dg.ConfigurableResource):
    """Where issues are read from and where the warehouse and lake are written.

    Defaults come from WENLING_RAW_DIR / WENLING_DUCKDB_PATH / WENLING_LAKE_DIR when the code
    location loads; tests and benchmarks override them by setting those variables.
    """

    raw_dir: str
    warehouse_path: str
    lake_dir: str

    @classmethod
    def from_environment(cls) -> "WenlingPaths":
        paths = load_paths()
        return cls(raw_dir=str(paths.raw_dir), warehouse_path=str(paths.warehouse), lake_dir=str(paths.lake_dir))

    @property
    def paths(self) -> Paths:
        return Paths(raw_dir=Path(self.raw_dir), warehouse=Path(self.warehouse_path), lake_dir=Path(self.lake_dir))


dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
# Not dagster-dbt's prepare_if_dev(): it parses only under `dagster dev`, with `dbt` from PATH and
# the caller's environment. ensure_manifest() runs `dbt parse` for every entry point (`dagster
# dev`, `dagster job execute`, `dagster definitions validate`, wenling) when the manifest is
# missing or older than a model, with the venv's dbt and the paths of orchestration.settings, so
# none of them needs a variable set or the venv on PATH. Nothing changed: a stat of the files.
ensure_manifest()
