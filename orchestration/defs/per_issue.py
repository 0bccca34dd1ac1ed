"""Running one stage over the issue files of a run, one file's failure never stopping the rest."""

import dagster as dg

from orchestration import progress
from orchestration.issue_stages import WARNING
from orchestration.parallel import Step, map_files
from orchestration.settings import Paths
from orchestration.warehouse import lake, rejections

# Lake stages in flow order. A file that fails a stage loses that stage's output and every
# later one, so no later stage (or the loader) works from a previous run's stale output.
LAKE_STAGES = ("documents", "articles", "article_terms", "publication", "entity_mentions", "metrics",
               "project_mentions", "events")


def run_stage(
    context: dg.AssetExecutionContext,
    paths: Paths,
    stage: str,
    step: Step,
    needs: str | None,
) -> dg.MaterializeResult:
    """Apply `step` (an orchestration.issue_stages function) to every partition (issue file) of
    this run, over worker processes when the run holds many files.

    A file no longer in raw/ is withdrawn: skipped, its lake outputs and rows left as they are
    (a partition range can span it). A file whose upstream output (`needs`) is missing was
    rejected earlier and is skipped; an exception in `step` rejects that file with the message
    and the loop goes on. The materialization metadata counts what happened, and lists the
    per-file figures for small runs.
    """
    done: dict[str, dict[str, int | str]] = {}
    skipped: list[str] = []
    withdrawn: list[str] = []
    failed: dict[str, str] = {}
    lake_dir = paths.lake_dir
    todo: list[str] = []
    for source_file in context.partition_keys:
        if not (paths.raw_dir / source_file).exists():
            withdrawn.append(source_file)
        elif needs and not lake.exists(lake_dir, needs, source_file):
            skipped.append(source_file)
        else:
            todo.append(source_file)
    progress.advance(stage, 0, len(todo))
    for n, (source_file, figures, reason) in enumerate(map_files(step, paths, todo), start=1):
        progress.advance(stage, n, len(todo))
        if reason is None:
            if WARNING in figures:
                context.log.warning(f"{source_file}: {figures.pop(WARNING)}")
            done[source_file] = figures
            continue
        context.log.error(f"{source_file}: {stage} failed — {reason}")
        for stale in LAKE_STAGES[LAKE_STAGES.index(stage):] if stage in LAKE_STAGES else (stage,):
            lake.remove(lake_dir, stale, source_file)
        rejections.reject(lake_dir, source_file, stage, reason)
        failed[source_file] = reason
    metadata: dict[str, dg.RawMetadataValue] = {
        "issue_files": len(done),
        "skipped_rejected_upstream": len(skipped),
        "skipped_withdrawn": len(withdrawn),
        "failed": len(failed),
    }
    if withdrawn:
        context.log.info(f"{len(withdrawn)} partition(s) no longer in raw/ (withdrawn, rows kept): {withdrawn}")
    totals: dict[str, int] = {}
    for figures in done.values():
        for key, value in figures.items():
            if isinstance(value, int):
                totals[key] = totals.get(key, 0) + value
    metadata.update(totals)
    if failed:
        metadata["failures"] = dg.MetadataValue.md("\n".join(f"- `{f}`: {r}" for f, r in failed.items()))
    if len(done) == 1:
        ((only, figures),) = done.items()
        metadata.update({k: v for k, v in figures.items() if isinstance(v, str)})
    return dg.MaterializeResult(metadata=metadata)
