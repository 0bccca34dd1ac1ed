"""One dynamic partition per issue file in raw/, keyed by its file name.

Dynamic, because the archive grows by itself: the raw_files sensor (and `wenling run`) add a
partition when a file lands.
"""
import warnings

import dagster as dg

# backfill_policy is marked beta; we rely on it knowingly (single-run ranges), so say it once here.
warnings.filterwarnings("ignore", category=dg.BetaWarning, message=".*backfill_policy.*")

issue_files = dg.DynamicPartitionsDefinition(name="issue_files")

# Per-issue assets accept a range of partitions in one run (so `wenling run` and backfills are
# one run, not one per file); each asset loops over context.partition_keys.
ONE_RUN_FOR_MANY = dg.BackfillPolicy.single_run()
