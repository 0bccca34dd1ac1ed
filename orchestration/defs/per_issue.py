"""Running one stage over the issue files of a run, one file's failure never stopping the rest."""

from pathlib import Path
from typing import Callable

import dagster as dg

from orchestration.warehouse import lake, rejections


def run_stage(
    context: dg.AssetExecutionContext,
    lake_dir: Path,
    stage: str,
    step: Callable[[str], dict[str, int | str]],
    needs: str | None,
) -> dg.MaterializeResult:
    """Apply `step` to every partition (issue file) of this run.

    A file whose upstream output (`needs`) is missing was rejected earlier and is skipped; an
    exception in `step` rejects that file with the message and the loop goes on. The
    materialization metadata counts what happened, and lists the per-file figures for small runs.
    """
    done: dict[str, dict[str, int | str]] = {}
    skipped: list[str] = []
    failed: dict[str, str] = {}
    for source_file in context.partition_keys:
        if needs and not lake.exists(lake_dir, needs, source_file):
            skipped.append(source_file)
            continue
        try:
            done[source_file] = step(source_file)
        except Exception as err:  # noqa: BLE001 — one bad issue must not stop the others
            reason = f"{type(err).__name__}: {err}"
            context.log.error(f"{source_file}: {stage} failed — {reason}")
            lake.remove(lake_dir, stage, source_file)
            rejections.reject(lake_dir, source_file, stage, reason)
            failed[source_file] = reason
    metadata: dict[str, dg.RawMetadataValue] = {
        "issue_files": len(done),
        "skipped_rejected_upstream": len(skipped),
        "failed": len(failed),
    }
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
