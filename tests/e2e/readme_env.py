"""The README's commands, run as a new user runs them: in a fresh copy of the working tree, with
an environment that holds only PATH and HOME (and DAGSTER_PORT where the README mentions it).

Nothing here sets a WENLING_* variable, a DAGSTER_HOME or the venv on PATH: whatever the
commands need, they must find by themselves, as they do for someone who just cloned the repo.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.settings import PROJECT_ROOT


def readme_environment(**extra: str) -> dict[str, str]:
    """PATH and HOME of the person running the tests, minus this checkout's venv (a new user has
    none on PATH), plus `extra`."""
    ours = str(PROJECT_ROOT)
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if p and not p.startswith(ours))
    return {"PATH": path, "HOME": os.environ.get("HOME", str(Path.home()))} | extra


def copy_working_tree(dest: Path) -> Path:
    """What a clone of the working tree holds: the tracked files and the untracked ones git does
    not ignore, as they are on disk now (so uncommitted changes are tried too). No venv, no data/,
    no dbt target/, no .dagster/."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=PROJECT_ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = PROJECT_ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is not copied
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


@dataclass
class Result:
    command: str
    returncode: int
    output: str
    seconds: float


@dataclass
class FreshClone:
    root: Path
    timings: list[tuple[str, float]] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)  # command → what it printed, last time

    def run(self, *command: str, timeout_s: float = 900, **extra_env: str) -> Result:
        """`command` in the clone's root, with the README's environment; output and time kept."""
        started = time.monotonic()
        done = subprocess.run(list(command), cwd=self.root, env=readme_environment(**extra_env), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout_s)
        seconds = time.monotonic() - started
        shown = " ".join(command)
        self.timings.append((shown, seconds))
        self.outputs[shown] = done.stdout
        return Result(shown, done.returncode, done.stdout, seconds)

    def must(self, *command: str, timeout_s: float = 900, **extra_env: str) -> Result:
        result = self.run(*command, timeout_s=timeout_s, **extra_env)
        assert result.returncode == 0, f"`{result.command}` exited {result.returncode}:\n{result.output[-4000:]}"
        return result

    @property
    def warehouse(self) -> Path:
        return self.root / "data" / "warehouse.duckdb"
