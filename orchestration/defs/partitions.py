"""One dynamic partition per issue file in raw/, keyed by its file name.

Dynamic, because the archive grows by itself: the raw_files sensor (and `wenling run`) add a
partition when a file lands.
"""
import warnings

import dagster as dg

from orchestration.settings import Paths
from orchestration.warehouse import lake, rejections

# backfill_policy is marked beta; we rely on it knowingly (single-run ranges), so say it once here.
warnings.filterwarnings("ignore", category=dg.BetaWarning, message=".*backfill_policy.*")

issue_files = dg.DynamicPartitionsDefinition(name="issue_files")

# Per-issue assets accept a range of partitions in one run (so `wenling run` and backfills are
# one run, not one per file); each asset loops over context.partition_keys.
ONE_RUN_FOR_MANY = dg.BackfillPolicy.single_run()


RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"


def files_of_run(context: dg.AssetExecutionContext, paths: Paths) -> list[str]:
    """The issue files an unpartitioned asset works on: the run's partition or range, as the
    per-issue assets upstream of it see them; in a run with neither, every issue file the lake
    holds (a load of everything)."""
    tags = context.run.tags
    if tags.get("dagster/partition"):
        return [tags["dagster/partition"]]
    known = list(context.instance.get_dynamic_partitions(issue_files.name))  # in the order they were added
    if tags.get(RANGE_START) in known and tags.get(RANGE_END) in known:
        return known[known.index(tags[RANGE_START]): known.index(tags[RANGE_END]) + 1]
    return [f for f in known if lake.exists(paths.lake_dir, "documents", f) or rejections.find(paths.lake_dir, f)]
