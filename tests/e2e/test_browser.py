"""The Dagster UI and the report, in a real browser (Debian's headless Chromium via Playwright).

The UI is the one the README's `make ui` starts in the e2e session's fresh clone (tests/e2e/
conftest.py), after `make run`. The test launches `issue_pipeline` for one issue's partition
through the webserver's GraphQL API (what the UI's Materialize button does), waits for the run
to succeed, then opens the asset graph and the report the run wrote, and saves screenshots
under the test's temporary directory.

Nothing downloads a browser: Chromium comes from apt (`make test` installs it through
.ci/system-packages). Without it the test fails, saying what to run; WENLING_SKIP_BROWSER=1
skips it instead (e.g. on a laptop without it).
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.dagster_ui import REPO, DagsterUI
from tests.e2e.readme_env import FreshClone

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic"]
ASSET_NAMES = ("issue_documents", "articles", "article_terms", "facts", "issues", "projects", "report")


def chromium_path() -> str:
    found = os.environ.get("WENLING_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("WENLING_SKIP_BROWSER") == "1":
        pytest.skip("no chromium, and WENLING_SKIP_BROWSER=1")
    pytest.fail("the browser test needs Debian's chromium and CJK fonts, which `make test` installs when it can: "
                "run `sudo .ci/system-packages` (or `sudo apt-get install chromium fonts-noto-cjk`), "
                "or set WENLING_SKIP_BROWSER=1 to skip it", pytrace=False)


@pytest.fixture(scope="module")
def browser_exe() -> str:
    return chromium_path()


@pytest.fixture(scope="module")
def materialized(ui: DagsterUI, built: FreshClone, browser_exe: str) -> dict[str, Any]:
    """One issue's partition materialized again through the webserver, as the UI's button does."""
    issue = sorted((built.root / "raw").glob("*.txt"))[0]
    launched = ui.graphql("""mutation($p: ExecutionParams!) { launchRun(executionParams: $p) { __typename
        ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }""",
                          p={"selector": REPO | {"jobName": "issue_pipeline"},
                             "executionMetadata": {"tags": [{"key": "dagster/partition", "value": issue.name}]}})
    assert launched["launchRun"]["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["launchRun"]["run"]["runId"]
    status = ui.wait_for_run(run_id)
    assert status == "SUCCESS", f"run {run_id}: {status}\n{ui.tail()}"
    return {"run_id": run_id, "partition": issue.name}


def _latest_metadata(ui: DagsterUI, path: list[str], partition: str | None = None) -> dict[str, str]:
    data = ui.graphql("""query($key: AssetKeyInput!, $partitions: [String!]) { assetNodeOrError(assetKey: $key) {
        ... on AssetNode { assetMaterializations(limit: 1, partitions: $partitions) { partition metadataEntries {
            label ... on IntMetadataEntry { intValue } ... on TextMetadataEntry { text }
            ... on MarkdownMetadataEntry { mdStr } ... on PathMetadataEntry { path } } } } } }""",
                      key={"path": path}, partitions=[partition] if partition else None)
    (latest,) = data["assetNodeOrError"]["assetMaterializations"]
    return {e["label"]: e.get("intValue", e.get("text", e.get("mdStr", e.get("path")))) for e in latest["metadataEntries"]}


def test_the_run_gives_users_metadata_they_can_read(ui: DagsterUI, built: FreshClone, materialized: dict[str, Any]) -> None:
    partition = materialized["partition"]
    articles = _latest_metadata(ui, ["articles"], partition)
    assert articles["articles"] >= 1 and "1." in articles["titles"]
    facts = _latest_metadata(ui, ["facts"], partition)
    assert {"entity_mentions", "metrics", "project_mentions", "events", "publication_date"} <= set(facts)
    issues = _latest_metadata(ui, ["marts", "issues"])
    assert issues["dagster/row_count"] >= 1
    assert issues["preview"].startswith("| issue_id |") and partition in issues["preview"]
    report = _latest_metadata(ui, ["report"])
    assert Path(report["path"]) == built.root / "data" / "report" / "index.html" and report["charts"] >= 5


def _browser(playwright, exe: str, profile: Path):
    # A fresh profile each time; launch_persistent_context passes it as --user-data-dir.
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=exe, headless=True, args=CHROMIUM_FLAGS, viewport={"width": 1400, "height": 900},
        service_workers="block",
    )


def test_asset_graph_and_catalog_in_the_browser(ui: DagsterUI, materialized: dict[str, Any], browser_exe: str,
                                                tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    nodes = ui.graphql("{ assetNodes { assetKey { path } groupName description kinds isMaterializable } }")["assetNodes"]
    nodes = [n for n in nodes if n["isMaterializable"]]  # not the stubs of dbt sources nothing produces
    keys = ["/".join(n["assetKey"]["path"]) for n in nodes]
    for name in ASSET_NAMES:
        assert any(k.split("/")[-1] == name for k in keys), name
    assert not [k for k, n in zip(keys, nodes) if not (n["description"] and n["groupName"] and n["kinds"])]
    with sync_playwright() as p:
        context = _browser(p, browser_exe, tmp_path / "profile")
        try:
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda err: errors.append(str(err)))
            # Dagster's "join the community" dialog, once per browser profile: already seen.
            page.add_init_script("window.localStorage.setItem('communityNux', '\"1\"')")

            # The asset graph: one box per group (ingest → … → marts → report), then every group opened.
            page.goto(f"{ui.url}/asset-groups", wait_until="domcontentloaded")
            for group in ("ingest", "text", "tokens", "extraction", "warehouse", "staging", "intermediate", "marts",
                          "search", "report"):
                page.get_by_text(group, exact=True).first.wait_for(timeout=60_000)
            page.screenshot(path=str(tmp_path / "asset_groups.png"))
            page.keyboard.press("Alt+e")  # "Expand all groups"
            # The expanded graph is taller than the window: a group picked in the sidebar is
            # brought into view, with its assets.
            for group, name in (("ingest", "issue_documents"), ("text", "articles"), ("extraction", "facts")):
                page.get_by_text(group, exact=True).first.click()
                page.get_by_text(name, exact=True).first.wait_for(timeout=30_000)
            page.screenshot(path=str(tmp_path / "asset_graph.png"))

            # The catalog lists every asset (a tall window: the list renders only the rows in view).
            page.set_viewport_size({"width": 1400, "height": 60 * len(keys) + 400})
            page.goto(f"{ui.url}/assets", wait_until="domcontentloaded")
            page.locator("a[href='/assets/issue_documents']").first.wait_for(timeout=60_000)
            missing = [k for k in keys if page.locator(f"a[href='/assets/{k}']").count() == 0]
            assert missing == [], f"not in the catalog page: {missing}"
            page.set_viewport_size({"width": 1400, "height": 900})

            # One asset's partitions, the one the run materialized among them, and its metadata:
            # the issue's article titles.
            page.goto(f"{ui.url}/assets/articles?view=partitions", wait_until="domcontentloaded")
            page.get_by_text(materialized["partition"]).first.click(timeout=60_000)
            page.get_by_text("titles", exact=True).first.wait_for(timeout=30_000)
            page.screenshot(path=str(tmp_path / "articles_partition.png"))

            page.goto(f"{ui.url}/runs/{materialized['run_id']}", wait_until="domcontentloaded")
            page.get_by_text("Success", exact=True).first.wait_for(timeout=60_000)
            page.screenshot(path=str(tmp_path / "run.png"))
            assert errors == [], errors
        finally:
            context.close()
    assert (tmp_path / "asset_graph.png").stat().st_size > 10_000


def test_report_opens_offline_with_its_charts(built: FreshClone, materialized: dict[str, Any], browser_exe: str,
                                              tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    report = built.root / "data" / "report" / "index.html"
    assert report.exists(), "the run did not write the report"
    with sync_playwright() as p:
        context = _browser(p, browser_exe, tmp_path / "profile")
        try:
            fetched: list[str] = []
            # Offline: anything but the file itself is refused (and recorded).
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                          else (fetched.append(route.request.url), route.abort()))
            page = context.new_page()
            console_errors: list[str] = []
            page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda err: console_errors.append(str(err)))
            page.goto(report.as_uri(), wait_until="load")
            assert page.title() == "温岭日报 · 数据报告"
            charts = page.locator("svg.chart")
            assert charts.count() >= 5
            box = charts.first.bounding_box()
            assert box and box["width"] > 300 and box["height"] > 50  # drawn, not collapsed
            assert page.locator("svg.chart rect.bar").count() > 0
            assert page.locator("svg.chart circle.event").count() > 0
            page.screenshot(path=str(tmp_path / "report.png"))

            # A fact in a chart links to its sentence: following the link opens it in the issue's table of contents.
            link = page.locator("svg.chart a").first
            target = link.get_attribute("href")
            assert target and target.startswith("#")
            link.click()
            page.wait_for_function(f"location.hash === {json.dumps(target)}")
            fact = page.locator(f"[id='{target[1:]}']")
            assert fact.is_visible()
            assert fact.locator("q").count() == 1
            page.screenshot(path=str(tmp_path / "report_fact.png"))
            assert console_errors == [], console_errors
            assert fetched == [], fetched
        finally:
            context.close()
