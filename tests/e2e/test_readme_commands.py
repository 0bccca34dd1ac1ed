"""The README's commands, in the README's order, on a fresh copy of the working tree with only
PATH and HOME set: `make run`, the `wenling` commands, `make report`, `make docs`, `make ui`
(code location, assets, sensor, schedule), a new issue landing in raw/ and reaching the
published marts with nobody acting, and `make rerun FILE=…`."""
from __future__ import annotations

import json
import time

import duckdb
import pytest

from tests.e2e.dagster_ui import REPO, DagsterUI
from tests.e2e.readme_env import FreshClone

pytestmark = pytest.mark.e2e

LANDING_S = 300
# A new issue, written for this test in the paper's layout: a dated masthead-free page of two
# articles (invented facts).
NEW_ISSUE = """\
城南工业园区新增三家规上企业

本报讯（记者 林晓）昨日，记者从城南工业园区获悉，今年以来园区新增规上企业3家，园区规上工业产值同比增长9.6%。
园区负责人介绍，下一步将继续做好企业服务，推动更多小微企业升规入统。

海岸线绿道二期工程开工

本报讯（通讯员 周洋）日前，海岸线绿道二期工程在东海塘开工建设。该工程总投资1.8亿元，全长12公里，预计明年6月完工。
"""


def _marts(clone: FreshClone, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(clone.warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_make_run_builds_the_warehouse_and_prints_a_summary(built: FreshClone) -> None:
    seeds = sorted(p.name for p in (built.root / "raw").glob("*.txt"))
    output = built.outputs["make run"]
    assert f"{len(seeds)} new or changed issue files run" in output
    assert "marts.issues" in output and "marts.projects" in output
    assert sorted(r[0] for r in _marts(built, "select source_file from marts.issues")) == seeds
    assert (built.root / "data" / "report" / "index.html").stat().st_size > 10_000
    assert (built.root / ".dagster" / "dagster.yaml").exists()  # the UI's instance, as the README says


def test_wenling_query_tables_and_search(built: FreshClone) -> None:
    n_issues = _marts(built, "select count(*) from marts.issues")[0][0]
    query = built.must(".venv/bin/wenling", "query", "select count(*) as n_issues from marts.issues", "--format", "json")
    assert json.loads(query.output) == [{"n_issues": n_issues}]
    tables = built.must(".venv/bin/wenling", "tables")
    for table in ("marts.issues", "marts.articles", "marts.metrics", "marts.projects", "marts.events"):
        assert table in tables.output
    (title,) = _marts(built, "select title from marts.articles order by article_id limit 1")[0]
    search = built.must(".venv/bin/wenling", "search", title[:4], "--format", "json")
    hits = json.loads(search.output)["hits"]
    assert hits and any(title[:4] in h["title"] for h in hits)


def test_make_report_rewrites_the_report(built: FreshClone) -> None:
    report = built.root / "data" / "report" / "index.html"
    report.unlink()
    built.must("make", "report", timeout_s=300)
    html = report.read_text(encoding="utf-8")
    assert "<svg" in html and "温岭日报" in html


def test_make_docs_writes_one_static_page(built: FreshClone) -> None:
    built.must("make", "docs", timeout_s=600)
    page = built.root / "dbt_project" / "target" / "docs" / "static_index.html"
    assert page.stat().st_size > 100_000
    assert "marts" in page.read_text(encoding="utf-8", errors="replace")


def test_make_ui_loads_every_asset_with_the_sensor_running_and_the_schedule(ui: DagsterUI, built: FreshClone) -> None:
    # What the definitions hold, asked of the clone's own venv (importing them here would bind
    # this process's resources to the clone's paths).
    listed = built.must(".venv/bin/python", "-c", "from orchestration.definitions import defs\n"
                        "for key in defs.resolve_asset_graph().materializable_asset_keys: print('asset', key.to_user_string())")
    expected = {line.split(" ", 1)[1] for line in listed.output.splitlines() if line.startswith("asset ")}
    assert len(expected) > 30
    nodes = ui.graphql("{ assetNodes { assetKey { path } isMaterializable } }")["assetNodes"]
    shown = {"/".join(n["assetKey"]["path"]) for n in nodes if n["isMaterializable"]}
    assert shown == expected
    repository = ui.graphql("""query($r: RepositorySelector!) { repositoryOrError(repositorySelector: $r) {
        ... on Repository { sensors { name sensorState { status } } schedules { name scheduleState { status } } } } }""",
                            r=REPO)["repositoryOrError"]
    sensors = {s["name"]: s["sensorState"]["status"] for s in repository["sensors"]}
    assert sensors.get("raw_files_sensor") == "RUNNING"
    schedules = {s["name"]: s["scheduleState"]["status"] for s in repository["schedules"]}
    assert schedules.get("rebuild_marts_schedule") == "RUNNING"


def test_a_new_issue_in_raw_reaches_the_published_marts_unattended(ui: DagsterUI, built: FreshClone) -> None:
    name = "e2e 2025-03-18 新到的一期.txt"
    landed = time.monotonic()
    (built.root / "raw" / name).write_text(NEW_ISSUE, encoding="utf-8")
    while time.monotonic() - landed < LANDING_S:
        try:
            if _marts(built, "select count(*) from marts.issues where source_file = ?", [name])[0][0]:
                break
        except duckdb.Error:  # the published file is being replaced this very moment
            pass
        time.sleep(1)
    else:
        raise AssertionError(f"{name} not in the published marts.issues after {LANDING_S}s:\n{ui.tail()}")
    seconds = time.monotonic() - landed
    built.timings.append((f"a new file in raw/ → published marts.issues, unattended under make ui", seconds))
    (n_articles,) = _marts(built, "select n_articles from marts.issues where source_file = ?", [name])[0]
    assert n_articles == 2
    projects = {r[0] for r in _marts(built, "select project_name from marts.projects")}
    assert any("绿道二期" in p for p in projects), projects


def _runs_of(ui: DagsterUI, partition: str) -> list[dict]:
    return ui.graphql("""query($f: RunsFilter!) { runsOrError(filter: $f) { ... on Runs { results { runId status jobName } } } }""",
                      f={"tags": [{"key": "dagster/partition", "value": partition}]})["runsOrError"]["results"]


def test_make_rerun_runs_one_file_again(ui: DagsterUI, built: FreshClone) -> None:
    name = sorted(p.name for p in (built.root / "raw").glob("*.txt"))[0]
    before = {r["runId"] for r in _runs_of(ui, name)}
    built.must("make", "rerun", f"FILE={name}", timeout_s=600)
    new = [r for r in _runs_of(ui, name) if r["runId"] not in before]
    # One run of the whole pipeline for that partition, in the UI's run history.
    assert [(r["jobName"], r["status"]) for r in new] == [("issue_pipeline", "SUCCESS")]
    assert _marts(built, "select count(*) from marts.issues where source_file = ?", [name])[0][0] == 1
