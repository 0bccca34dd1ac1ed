"""The Dagster UI and the report, in a real browser (Debian's headless Chromium via Playwright).

One `dagster dev` on a free 127.0.0.1 port, with a temporary DAGSTER_HOME, raw/, lake and
warehouse. The test stops the raw/ sensor, drops one seed issue into raw/, adds its partition
and launches `issue_pipeline` for that one partition through the webserver's GraphQL API (what
the UI's Materialize button does), waits for the run to succeed, then opens the asset graph
and the report the run wrote, and saves screenshots under the test's temporary directory.

Nothing downloads a browser: Chromium comes from apt (`.ci/run` installs it). Without it the
test fails, saying so; WENLING_SKIP_BROWSER=1 skips it instead (e.g. on a laptop without it).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest

from orchestration.settings import PROJECT_ROOT
from tests.conftest import seed_files

pytestmark = [pytest.mark.integration, pytest.mark.browser]

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic"]
REPO = {"repositoryLocationName": "wenling", "repositoryName": "__repository__"}
SERVER_START_S = 180
RUN_S = 420
ASSET_NAMES = ("issue_documents", "articles", "article_terms", "facts", "issues", "projects", "report")


def chromium_path() -> str:
    found = os.environ.get("WENLING_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("WENLING_SKIP_BROWSER") == "1":
        pytest.skip("no chromium, and WENLING_SKIP_BROWSER=1")
    pytest.fail("the browser test needs Debian's chromium: `apt-get install chromium` (.ci/run does), "
                "or set WENLING_SKIP_BROWSER=1 to skip it", pytrace=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Dagster:
    """`dagster dev` in its own process group, and a small GraphQL client for it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.home, self.raw, self.data = root / "dagster_home", root / "raw", root / "data"
        for d in (self.home, self.raw, self.data):
            d.mkdir(parents=True)
        shutil.copy(PROJECT_ROOT / "orchestration" / "dagster_home" / "dagster.yaml", self.home / "dagster.yaml")
        self.log = root / "dagster.log"
        self.proc: subprocess.Popen | None = None

    @property
    def warehouse(self) -> Path:
        return self.data / "warehouse.duckdb"

    def start(self) -> None:
        bin_dir = Path(sys.executable).parent
        env = dict(os.environ) | {
            "DAGSTER_HOME": str(self.home), "WENLING_RAW_DIR": str(self.raw), "WENLING_DUCKDB_PATH": str(self.warehouse),
            "WENLING_LAKE_DIR": str(self.data / "lake"), "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "DO_NOT_TRACK": "1", "DAGSTER_DISABLE_TELEMETRY": "1",
        }
        with open(self.log, "wb") as log:
            # Its own session and process group: `dagster dev` started from a non-interactive
            # shell ignores SIGINT, so the test stops the whole group (stop()).
            self.proc = subprocess.Popen(
                [str(bin_dir / "dagster"), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(self.port)],
                cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    def stop(self) -> None:
        if self.proc is None:
            return
        for sig, wait_s in ((signal.SIGTERM, 15), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + wait_s
            while time.monotonic() < deadline and _group_alive(self.proc.pid):
                time.sleep(0.3)
            if not _group_alive(self.proc.pid):
                break
        self.proc.wait(timeout=10)

    def tail(self, n: int = 60) -> str:
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines() if self.log.exists() else []
        return "\n".join(lines[-n:])

    def graphql(self, query: str, **variables: Any) -> dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables}).encode()
        request = urllib.request.Request(f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            payload = json.loads(response.read())
        assert not payload.get("errors"), payload["errors"]
        return payload["data"]

    def wait_until_loaded(self) -> None:
        deadline = time.monotonic() + SERVER_START_S
        while time.monotonic() < deadline:
            assert self.proc is not None and self.proc.poll() is None, f"dagster dev exited:\n{self.tail()}"
            try:
                data = self.graphql("""{ workspaceOrError { ... on Workspace { locationEntries {
                    name loadStatus locationOrLoadError { __typename ... on PythonError { message } } } } } }""")
                entries = data["workspaceOrError"]["locationEntries"]
                if entries and entries[0]["loadStatus"] == "LOADED":
                    location = entries[0]["locationOrLoadError"]
                    assert location["__typename"] == "RepositoryLocation", location
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(1)
        raise AssertionError(f"dagster dev not up in {SERVER_START_S}s:\n{self.tail()}")


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    # Zombies of the group still count for killpg(0); ask ps for live members.
    out = subprocess.run(["ps", "-o", "stat=", "-g", str(pgid)], capture_output=True, text=True).stdout.split()
    return any(not s.startswith("Z") for s in out)


@pytest.fixture(scope="module")
def browser_exe() -> str:
    return chromium_path()


@pytest.fixture(scope="module")
def ui(tmp_path_factory, browser_exe: str) -> Iterator[Dagster]:
    dagster = Dagster(tmp_path_factory.mktemp("ui"))
    dagster.start()
    try:
        dagster.wait_until_loaded()
        yield dagster
    finally:
        dagster.stop()


@pytest.fixture(scope="module")
def materialized(ui: Dagster) -> dict[str, Any]:
    """One issue materialized through the webserver: stop the sensor, add the file and its
    partition, launch issue_pipeline for that partition, wait for it to succeed."""
    sensor = ui.graphql("""query($s: SensorSelector!) { sensorOrError(sensorSelector: $s) {
        ... on Sensor { sensorState { id status } } } }""", s=REPO | {"sensorName": "raw_files_sensor"})
    state_id = sensor["sensorOrError"]["sensorState"]["id"]
    stopped = ui.graphql("""mutation($id: String!) { stopSensor(id: $id) { __typename
        ... on StopSensorMutationResult { instigationState { status } } } }""", id=state_id)
    assert stopped["stopSensor"]["instigationState"]["status"] == "STOPPED"

    issue = seed_files()[0]
    shutil.copy(issue, ui.raw / issue.name)
    added = ui.graphql("""mutation($r: RepositorySelector!, $key: String!) {
        addDynamicPartition(repositorySelector: $r, partitionsDefName: "issue_files", partitionKey: $key) { __typename } }""",
                       r=REPO, key=issue.name)
    assert added["addDynamicPartition"]["__typename"] == "AddDynamicPartitionSuccess", added

    launched = ui.graphql("""mutation($p: ExecutionParams!) { launchRun(executionParams: $p) { __typename
        ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }""",
                          p={"selector": REPO | {"jobName": "issue_pipeline"},
                             "executionMetadata": {"tags": [{"key": "dagster/partition", "value": issue.name}]}})
    assert launched["launchRun"]["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["launchRun"]["run"]["runId"]
    started = time.monotonic()
    status = ""
    while time.monotonic() - started < RUN_S:
        status = ui.graphql("""query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }""", id=run_id)[
            "runOrError"]["status"]
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            break
        time.sleep(2)
    assert status == "SUCCESS", f"run {run_id}: {status}\n{ui.tail()}"
    return {"run_id": run_id, "partition": issue.name, "seconds": time.monotonic() - started}


def _latest_metadata(ui: Dagster, path: list[str], partition: str | None = None) -> dict[str, str]:
    data = ui.graphql("""query($key: AssetKeyInput!, $partitions: [String!]) { assetNodeOrError(assetKey: $key) {
        ... on AssetNode { assetMaterializations(limit: 1, partitions: $partitions) { partition metadataEntries {
            label ... on IntMetadataEntry { intValue } ... on TextMetadataEntry { text }
            ... on MarkdownMetadataEntry { mdStr } ... on PathMetadataEntry { path } } } } } }""",
                      key={"path": path}, partitions=[partition] if partition else None)
    (latest,) = data["assetNodeOrError"]["assetMaterializations"]
    return {e["label"]: e.get("intValue", e.get("text", e.get("mdStr", e.get("path")))) for e in latest["metadataEntries"]}


def test_the_run_gives_users_metadata_they_can_read(ui: Dagster, materialized: dict[str, Any]) -> None:
    partition = materialized["partition"]
    articles = _latest_metadata(ui, ["articles"], partition)
    assert articles["articles"] >= 1 and "1." in articles["titles"]
    facts = _latest_metadata(ui, ["facts"], partition)
    assert {"entity_mentions", "metrics", "project_mentions", "events", "publication_date"} <= set(facts)
    issues = _latest_metadata(ui, ["marts", "issues"])
    assert issues["dagster/row_count"] == 1
    assert issues["preview"].startswith("| issue_id |") and partition in issues["preview"]
    report = _latest_metadata(ui, ["report"])
    assert Path(report["path"]) == ui.data / "report" / "index.html" and report["charts"] >= 5


def _browser(playwright, exe: str, profile: Path):
    # A fresh profile each time; launch_persistent_context passes it as --user-data-dir.
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=exe, headless=True, args=CHROMIUM_FLAGS, viewport={"width": 1400, "height": 900},
        service_workers="block",
    )


def test_asset_graph_and_catalog_in_the_browser(ui: Dagster, materialized: dict[str, Any], browser_exe: str,
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
            for name in ("issue_documents", "articles", "facts"):
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


def test_report_opens_offline_with_its_charts(ui: Dagster, materialized: dict[str, Any], browser_exe: str,
                                              tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    report = ui.data / "report" / "index.html"
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
