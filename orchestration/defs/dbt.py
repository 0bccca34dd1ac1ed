"""warehouse → staging → intermediate → marts: the dbt project as Dagster assets.

The dbt build runs in this process (orchestration/warehouse/dbt_runner.py: no dbt process to
start, no parse), incrementally by issue unless a full refresh is due. It writes the work file
under the writer lock, then publishes it: users and the scorers only ever open a warehouse whose
marts were built and tested.
"""

import itertools
import logging
import os
import time
from typing import Any, Mapping

import dagster as dg
from pydantic import Field
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, dbt_assets
from dagster_dbt.asset_utils import get_subset_selection_for_context
from dagster_dbt.core.dbt_cli_event import DbtCoreCliEventMessage

from orchestration import progress
from orchestration.defs.resources import WenlingPaths, dbt_project
from orchestration.defs.table_metadata import with_table_metadata
from orchestration.pipeline_run import DBT_TIMINGS
from orchestration.rawfiles import scan
from orchestration.warehouse import dbt_runner, withdrawn
from orchestration.warehouse.publish import connect_work, publish, writer_lock


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


class DbtBuildConfig(dg.Config):
    full_refresh: bool = Field(
        default=False,
        description="Rebuild every incremental fact model from scratch (the daily schedule does); "
                    "otherwise only the issues loaded since the last build are rebuilt.",
    )


TRANSLATOR = WenlingDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=TRANSLATOR,
    pool="duckdb",
)
def wenling_dbt_models(context: dg.AssetExecutionContext, config: DbtBuildConfig, wenling_paths: WenlingPaths):
    """Mark files gone from raw/ as withdrawn, dbt build (models and their tests; incremental
    by issue unless a full refresh is due), then an atomic publish of the warehouse."""
    paths = wenling_paths.paths
    # The dbt profile reads the warehouse path from the environment (of this process).
    os.environ["WENLING_DUCKDB_PATH"] = str(paths.warehouse)
    manifest = _manifest_dict()
    selection, indirect = get_subset_selection_for_context(
        context, manifest=manifest, select="fqn:*", exclude=None, selector=None,
        dagster_dbt_translator=TRANSLATOR, current_dbt_indirect_selection_env=None,
    )
    with writer_lock(paths):
        # Also creates the raw schema, so a first build before any issue finds it.
        with connect_work(paths) as con:
            gone, back = withdrawn.reconcile(con, paths.raw_dir, set(scan(paths.raw_dir).issues))
            build = dbt_runner.plan(con, config.full_refresh)
        if gone:
            context.log.warning(f"no longer in raw/, rows kept and marked withdrawn: {gone}")
        if back:
            context.log.info(f"back in raw/, no longer withdrawn: {back}")
        context.log.info(f"dbt build, {'full refresh' if build.full_refresh else 'incremental'}: {build.reason}")
        args = build.args() + selection + (["--indirect-selection", indirect] if indirect else [])
        # About one result per model and test: the bar's length.
        total = len(context.selected_output_names) + len(context.selected_asset_check_keys)
        done = itertools.count(1)
        started = time.perf_counter()
        outcome = dbt_runner.build(args, on_result=lambda _: progress.advance("dbt", next(done), total))
        built = time.perf_counter()
        events = [e for raw in outcome.results for e in _dagster_events(raw, manifest, context)]
        if not outcome.success:
            yield from events
            problems = outcome.failures() or [repr(outcome.error)]
            raise dg.Failure(description="dbt build failed: " + "; ".join(problems[:10]),
                             metadata={"failures": dg.MetadataValue.md("\n".join(f"- {p}" for p in problems))})
        with connect_work(paths) as con:
            dbt_runner.record_success(con, build)
        published = publish(paths)
    # Where the step's time went (make bench reads this line from the event log).
    context.log.info(f"{DBT_TIMINGS} dbt build {built - started:.2f} s, publish {time.perf_counter() - built:.2f} s")
    context.log.info(f"published {published}")
    yield from with_table_metadata(events, published, context.assets_def.keys_by_output_name)


def _manifest_dict() -> Mapping[str, Any]:
    from dagster_dbt.asset_utils import get_manifest_and_translator_from_dbt_assets

    return get_manifest_and_translator_from_dbt_assets([wenling_dbt_models])[0]


def _dagster_events(raw_event: dict[str, Any], manifest: Mapping[str, Any], context: dg.AssetExecutionContext):
    """dagster-dbt's own mapping of a dbt result event (Output per model, AssetCheckResult per
    test), as for a dbt process's JSON log line."""
    event = DbtCoreCliEventMessage(raw_event=raw_event, event_history_metadata={})
    yield from event.to_default_asset_events(manifest=manifest, dagster_dbt_translator=TRANSLATOR,
                                             context=context, project=dbt_project)
