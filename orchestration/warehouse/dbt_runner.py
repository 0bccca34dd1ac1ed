"""dbt in this process: `dbt build` through dbtRunner, over a manifest read once per code version.

A `dbt` process per run paid its start and a full parse (~11 s on this 2-core machine) before
the first model ran. Here the project is parsed once per process (partially: ~1.3 s) and the
manifest handed to every dbtRunner invocation, which then skips parsing.

The build also decides what to build (`plan`): the fact models are incremental by issue
(dbt_project/macros/incremental_by_issue.sql), so an ordinary run rebuilds only the issues the
loader queued in raw.pending_issues; a full refresh rebuilds everything from the same SQL, and
happens when asked (the daily schedule), on the first build, and whenever the dbt project's code
changed since the last successful build (rows built by older SQL must not stay).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import duckdb

from orchestration.dbt_manifest import ensure_manifest, parse_environment
from orchestration.settings import DBT_PROJECT_DIR

# dbt's structured events that carry one node's result (the format of `dbt --log-format json`).
RESULT_EVENTS = frozenset({"LogModelResult", "LogTestResult", "LogSeedResult", "LogSnapshotResult"})
# The in-process parse's cache and the builds' compiled SQL, apart from target/ itself, which
# holds the manifest the Dagster definitions read (a code server may be reading it) and `make
# docs`' catalog. Builds of one warehouse never overlap (the writer lock).
TARGET_PATH = Path("target") / "build"
# Data tests an incremental build leaves to the full builds: those on sources, staging and
# intermediate views (dbt_project.yml tags them). They re-read the whole raw schema, and what they
# guard (types, keys of the loaded rows) the marts' constraints and tests check again.
FULL_BUILD_TAG = "full_build"
# Nor does an incremental build re-create the views (staging, intermediate, the search views):
# a view holds no rows, and changes only with the project's code, which forces a full refresh.
# At ~45 ms of dbt's own work a node, that is a fifth of a one-issue build.
INCREMENTAL_EXCLUDES = (f"tag:{FULL_BUILD_TAG}", "config.materialized:view")

_manifest_cache: dict[str, Any] = {}


def manifest() -> Any:
    """The parsed project (a dbt Manifest), parsed once per process and version of the project.

    dbt's partial parsing (target/partial_parse.msgpack) makes that parse ~1.3 s. The manifest
    cannot be kept on disk in a faster form: read back from manifest.json it lacks what dbt needs
    to compile generic tests, and dbt 1.11's Manifest does not survive pickling.
    """
    path = ensure_manifest()
    stat = path.stat()
    # The warehouse's file name names DuckDB's catalog, which the parse writes into relations.
    catalog = Path(os.environ.get("WENLING_DUCKDB_PATH", "warehouse.duckdb")).name
    key = f"{stat.st_mtime_ns}:{stat.st_size}:{catalog}"
    if _manifest_cache.get("key") != key:
        loaded = _parse()
        stat = path.stat()  # the parse rewrote manifest.json
        _manifest_cache.update(key=f"{stat.st_mtime_ns}:{stat.st_size}:{catalog}", manifest=loaded, code_version=_code_version(loaded))
    return _manifest_cache["manifest"]


def _parse() -> Any:
    from dbt.cli.main import dbtRunner

    saved = os.environ.get("WENLING_DUCKDB_PATH")
    # Same file name, a fixed folder: keeps dbt's partial-parse cache across warehouses.
    os.environ["WENLING_DUCKDB_PATH"] = parse_environment(Path(saved) if saved else None)["WENLING_DUCKDB_PATH"]
    try:
        result = dbtRunner().invoke(["--quiet", "parse", "--project-dir", str(DBT_PROJECT_DIR),
                                     "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(TARGET_PATH)])
    finally:
        if saved is None:
            os.environ.pop("WENLING_DUCKDB_PATH", None)
        else:
            os.environ["WENLING_DUCKDB_PATH"] = saved
    if not result.success:
        raise RuntimeError(f"dbt parse failed: {result.exception}")
    return result.result


def code_version() -> str:
    """A digest of the project's SQL and configuration (models, tests, macros): it changes when,
    and only when, what dbt would build changes."""
    manifest()
    return _manifest_cache["code_version"]


def _code_version(loaded: Any) -> str:
    digest = hashlib.sha256()
    for unique_id in sorted(loaded.nodes):
        node = loaded.nodes[unique_id]
        digest.update(f"{unique_id}:{node.checksum.checksum}:{sorted(node.config.to_dict().items())!r}".encode())
    for unique_id in sorted(loaded.macros):
        if unique_id.startswith("macro.wenling."):
            digest.update(f"{unique_id}:{loaded.macros[unique_id].macro_sql}".encode())
    return digest.hexdigest()[:16]


@dataclass
class BuildPlan:
    full_refresh: bool
    reason: str
    pending_issues: int

    def args(self) -> list[str]:
        base = ["--exclude-resource-type", "unit_test"]
        return base + (["--full-refresh"] if self.full_refresh else ["--exclude", *INCREMENTAL_EXCLUDES])


def plan(con: duckdb.DuckDBPyConnection, full_refresh_asked: bool) -> BuildPlan:
    """Full refresh or incremental, and why (`con`: the work file, raw schema created)."""
    pending = con.execute("select count(*) from raw.pending_issues").fetchone()[0]
    built = con.execute("select code_version from raw.dbt_builds order by built_at desc limit 1").fetchone()
    if full_refresh_asked:
        return BuildPlan(True, "asked for", pending)
    if built is None:
        return BuildPlan(True, "first build of this warehouse", pending)
    if built[0] != code_version():
        return BuildPlan(True, f"the dbt project changed since the last build ({built[0]} → {code_version()})", pending)
    return BuildPlan(False, f"{pending} issue(s) changed since the last build", pending)


def record_success(con: duckdb.DuckDBPyConnection, build: BuildPlan) -> None:
    """After a successful build: the pending issues are built, and by which code."""
    con.execute("begin transaction")
    con.execute("delete from raw.pending_issues")
    con.execute("insert into raw.dbt_builds (code_version, full_refresh, built_at) values (?, ?, now())",
                [code_version(), build.full_refresh])
    con.execute("commit")


@dataclass
class BuildOutcome:
    success: bool
    results: list[dict[str, Any]] = field(default_factory=list)  # result events, one per node run
    error: BaseException | None = None

    def failures(self) -> list[str]:
        out = []
        for event in self.results:
            status = str(event["data"].get("status", "")).lower()
            if status in {"error", "fail"}:
                node = event["data"]["node_info"]
                out.append(f"{node.get('unique_id')}: {status} — {event['info'].get('msg', '').strip()}")
        return out


def build(args: list[str], on_result: Callable[[dict[str, Any]], None] | None = None) -> BuildOutcome:
    """`dbt build <args>` in this process. The profile reads the warehouse path from
    WENLING_DUCKDB_PATH in os.environ, which the caller sets."""
    from dbt.cli.main import dbtRunner
    from dbt_common.events.functions import msg_to_dict

    results: list[dict[str, Any]] = []

    def collect(event: Any) -> None:
        if event.info.name in RESULT_EVENTS:
            raw = msg_to_dict(event)
            results.append(raw)
            if on_result is not None:
                on_result(raw)

    runner = dbtRunner(manifest=manifest(), callbacks=[collect])
    outcome = runner.invoke([
        "--quiet", "--no-use-colors", "--no-write-json", "build", *args,
        "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR),
        "--target-path", str(TARGET_PATH),
    ])
    return BuildOutcome(success=bool(outcome.success), results=results, error=outcome.exception)
