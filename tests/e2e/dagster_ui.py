"""`make ui` in its own process group, and a small GraphQL client for the webserver it starts."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.e2e.readme_env import readme_environment

SERVER_START_S = 300
REPO = {"repositoryLocationName": "wenling", "repositoryName": "__repository__"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DagsterUI:
    def __init__(self, root: Path, log: Path) -> None:
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log, "wb") as log:
            # Its own session and process group: `dagster dev` started from a non-interactive
            # shell ignores SIGINT, so stop() signals the whole group (make, dagster, its servers).
            self.proc = subprocess.Popen(
                ["make", "ui"], cwd=self.root, env=readme_environment(DAGSTER_PORT=str(self.port)),
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            )

    def stop(self) -> None:
        if self.proc is None:
            return
        for sig, wait_s in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
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

    def wait_until_loaded(self) -> dict[str, Any]:
        """The code location's entry once it has loaded; fails with its error if it did not."""
        deadline = time.monotonic() + SERVER_START_S
        while time.monotonic() < deadline:
            assert self.proc is not None and self.proc.poll() is None, f"make ui exited:\n{self.tail()}"
            try:
                data = self.graphql("""{ workspaceOrError { ... on Workspace { locationEntries {
                    name loadStatus locationOrLoadError { __typename ... on PythonError { message } } } } } }""")
                entries = data["workspaceOrError"]["locationEntries"]
                if entries and entries[0]["loadStatus"] == "LOADED":
                    location = entries[0]["locationOrLoadError"]
                    assert location["__typename"] == "RepositoryLocation", f"the code location failed to load: {location}"
                    return entries[0]
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(1)
        raise AssertionError(f"make ui: the UI was not up in {SERVER_START_S}s:\n{self.tail()}")

    def wait_for_run(self, run_id: str, timeout_s: float = 420) -> str:
        started = time.monotonic()
        status = ""
        while time.monotonic() - started < timeout_s:
            status = self.graphql("""query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }""",
                                  id=run_id)["runOrError"]["status"]
            if status in ("SUCCESS", "FAILURE", "CANCELED"):
                break
            time.sleep(2)
        return status


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    # Zombies of the group still count for killpg(0); ask ps for live members.
    out = subprocess.run(["ps", "-o", "stat=", "-g", str(pgid)], capture_output=True, text=True).stdout.split()
    return any(not s.startswith("Z") for s in out)
