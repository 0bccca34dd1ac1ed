"""Resources: paths (from the environment, via orchestration.settings) and the dbt CLI."""

import functools
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource, DbtProject
from packaging import version

from orchestration.dbt_manifest import dbt_executable, ensure_manifest
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


class VenvDbtCliResource(DbtCliResource):
    """The dbt CLI of this venv, without two start-up costs dagster-dbt pays on every build.

    dagster-dbt (0.29, pinned) runs `dbt --version` in a subprocess to learn the version (~2 s
    here), and loads dbt's macro manifest in-process to build an adapter (~2.6 s) that it only
    uses to fetch column metadata, which this project does not ask for. The dbt it runs is the
    venv's, whose version is the installed dbt-core's. Both are private methods: re-check them
    when dagster-dbt is upgraded (the integration tests run every dbt build through this).
    """

    @functools.cached_property
    def _cli_version(self) -> version.Version:
        from dbt.version import __version__

        return version.parse(__version__)

    def _initialize_dbt_core_adapter(self, args):  # noqa: ANN001, ANN202 — dagster-dbt's signature
        return None


def dbt_resource() -> DbtCliResource:
    # The dbt beside this Python (the venv's), so nothing depends on PATH.
    return VenvDbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable(),
                              global_config_flags=["--no-use-colors"])
