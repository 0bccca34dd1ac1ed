"""warehouse → staging → intermediate → marts: the dbt project as Dagster assets.

The dbt build writes the work file under the writer lock, then publishes it: users and the
scorers only ever open a warehouse whose marts were built and tested.
"""

import logging
import os
from typing import Any, Mapping

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration import progress
from orchestration.defs.resources import WenlingPaths, dbt_project
from orchestration.defs.table_metadata import collect, with_table_metadata
from orchestration.rawfiles import scan
from orchestration.warehouse import withdrawn
from orchestration.warehouse.publish import connect_work, publish, writer_lock


DBT_BUILD = ["build", "--exclude-resource-type", "unit_test"]


class _SourceTestNotice(logging.Filter):
    """Drops dagster-dbt's warning, once per dbt test on a source (raw.*) per build, that it
    records the result as an observation: sources are the loader's assets, not dbt's, so that is
    what it must do. The results are still recorded; only the warning, which reads to a user like
    a fault, is not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "instead of an `AssetCheckResult`" not in record.getMessage()


# dagster-dbt logs through get_dagster_logger(), i.e. the "dagster.builtin" logger.
logging.getLogger("dagster.builtin").addFilter(_SourceTestNotice())


class WenlingDbtTranslator(DagsterDbtTranslator):
    """Keys and groups that read like the warehouse: `raw/<table>` for the sources (the loader's
    assets), `<layer>/<model>` for models (marts/articles is not the text stage's `articles`),
    one group per layer folder: staging, intermediate, marts."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([dbt_resource_props["source_name"], dbt_resource_props["name"]])
        return dg.AssetKey([_layer(dbt_resource_props), dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return _layer(dbt_resource_props)


def _layer(dbt_resource_props: Mapping[str, Any]) -> str:
    fqn = dbt_resource_props.get("fqn", [])  # [project, folder, ..., name]
    return fqn[1] if len(fqn) > 2 else "dbt"


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=WenlingDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)),
    pool="duckdb",
)
def wenling_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, wenling_paths: WenlingPaths):
    """Mark files gone from raw/ as withdrawn, dbt build (models and their tests), then an
    atomic publish of the warehouse."""
    paths = wenling_paths.paths
    # The dbt profile reads the warehouse path from the environment of the dbt process.
    os.environ["WENLING_DUCKDB_PATH"] = str(paths.warehouse)
    with writer_lock(paths):
        # Also creates the raw schema, so a first build before any issue finds it.
        with connect_work(paths) as con:
            gone, back = withdrawn.reconcile(con, paths.raw_dir, set(scan(paths.raw_dir).issues))
        if gone:
            context.log.warning(f"no longer in raw/, rows kept and marked withdrawn: {gone}")
        if back:
            context.log.info(f"back in raw/, no longer withdrawn: {back}")
        # Collected, not streamed: row counts can only be read once dbt has let go of the file.
        # Unit tests check the SQL, not the data: make test runs them (tests/integration/
        # test_pipeline.py), runs over data do not pay for them again.
        # About one event per model and test: the bar's length, corrected when the build ends.
        total = len(context.selected_output_names) + len(context.selected_asset_check_keys)
        events, failure = collect(progress.counted(dbt.cli(DBT_BUILD, context=context).stream(), "dbt", total))
        if failure is not None:
            yield from events
            raise failure
        published = publish(paths)
    context.log.info(f"published {published}")
    yield from with_table_metadata(events, published, context.assets_def.keys_by_output_name)
