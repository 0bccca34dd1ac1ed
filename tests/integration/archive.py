"""A messy archive, built by four `wenling run`s (real processes, real files, a real DuckDB).

1. every odd input at once: encodings, line endings, odd names, duplicates, broken files;
2. the same raw/ again, every file re-run (`--all`): the marts must come out byte-for-byte the same;
3. one file edited in place, one issue's only file removed, one duplicate removed, one added —
   and this run is killed (SIGKILL) in the middle of loading the edited file;
4. the next run, which must complete what 3 left, and run only what changed since run 2.

Built once per test session (tests/integration/conftest.py) and read by
test_robustness_inputs.py and test_robustness_crash.py.
"""
from __future__ import annotations

import codecs
import os
import queue
import signal
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
from opencc_purepy import OpenCC

from orchestration.settings import PROJECT_ROOT, Paths
from tests.conftest import read_seed, seed_files
from tests.integration.robustness import WENLING, environment, marts_fingerprint, project, query, run_ok

SEEDS = [read_seed(p.name) for p in seed_files()]

# file name → bytes, and what we expect of it
ENCODED = {
    "01 utf8 spaces.txt": ("utf-8", lambda: SEEDS[0].encode("utf-8")),
    "02 温岭日报 GBK.txt": ("gb18030", lambda: SEEDS[1].encode("gbk")),
    "-03 leading dash gb18030.txt": ("gb18030", lambda: SEEDS[2].encode("gb18030")),
    "04 utf16.txt": ("utf-16", lambda: SEEDS[3].encode("utf-16")),
    "05 utf8 bom.txt": ("utf-8-sig", lambda: codecs.BOM_UTF8 + SEEDS[4].encode("utf-8")),
    "06 big5 繁體.txt": ("big5", lambda: OpenCC("s2tw").convert(SEEDS[0]).encode("big5")),
}
DUPLICATES = {  # same issue as another file once line ends are normalised
    "07 crlf copy of 01.txt": ("01 utf8 spaces.txt", lambda: SEEDS[0].replace("\n", "\r\n").encode("utf-8")),
    "08 old mac copy of 02.txt": ("02 温岭日报 GBK.txt", lambda: SEEDS[1].replace("\n", "\r").encode("utf-8")),
}
MIXED = "09 it's mixed punctuation.txt"  # a quote in the name: bound, never formatted into SQL
TRUNCATED = "10 truncated.txt"
REJECTED = {
    "empty.txt": "empty file",
    "blank.txt": "whitespace only",
    "photo.txt": "binary content (a PNG image)",
    "huge.txt": "too large",
    "no articles.txt": "no recognisable article",
}
IGNORED = ["notes.md", "scan.pdf", ".hidden.txt"]
EDITED, REMOVED_ONLY_FILE, REMOVED_DUPLICATE = "05 utf8 bom.txt", "-03 leading dash gb18030.txt", "08 old mac copy of 02.txt"
NEW = "11 new issue.txt"  # added with the edit; the killed run does not get to it


def _mixed_punctuation(text: str) -> bytes:
    """Half-width punctuation mixed in, quotation marks stripped to spaces, Windows line ends."""
    text = text.replace("，", ",", 20).replace("（", "(", 5).replace("）", ")", 5).replace("：", ":", 5)
    text = text.replace("“", " ").replace("”", " ").replace("‘", " ").replace("’", " ")
    return text.replace("\n", "\r\n").encode("utf-8")


def _write_archive(raw: Path) -> None:
    for name, (_, data) in {**ENCODED, **DUPLICATES}.items():
        (raw / name).write_bytes(data())
    (raw / MIXED).write_bytes(_mixed_punctuation(SEEDS[3]))
    cut = SEEDS[2].encode("utf-8")[: int(len(SEEDS[2].encode("utf-8")) * 0.7)]
    while cut.decode("utf-8", errors="ignore").encode("utf-8") == cut:  # end in the middle of a character
        cut = cut[:-1]
    (raw / TRUNCATED).write_bytes(cut)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank.txt").write_bytes(" \r\n\t\u3000\r\n".encode("utf-8"))
    (raw / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    (raw / "no articles.txt").write_text("温岭日报\n2024年8月23日 星期五\n第1版\n", encoding="utf-8")
    with open(raw / "huge.txt", "wb") as handle:  # 50 MB of real text: rejected unread, by its size
        block = (SEEDS[0] * 8).encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    for name in IGNORED:
        (raw / name).write_text("not an issue", encoding="utf-8")
    (raw / "old").mkdir()
    (raw / "old" / "nested.txt").write_text(SEEDS[1], encoding="utf-8")


@dataclass
class Crash:
    """What a run killed (SIGKILL) inside the load transaction of EDITED left behind."""

    returncode: int
    published: dict[str, tuple[int, str]]  # marts fingerprint of the published warehouse after the kill
    leftovers: list[str]  # temporary files beside the warehouse
    edited_issue_ids: list[str]  # raw.issues.issue_id of EDITED in the work file after the kill
    partial: list[tuple]  # files whose raw.articles do not match raw.issues.n_articles in the work file


@dataclass
class Archive:
    paths: Paths
    dagster_home: Path
    logs: list[str]  # stderr of each completed run
    summaries: list[str]  # stdout of each completed run (wenling run's summary)
    fingerprints: list[dict[str, tuple[int, str]]]  # marts after each completed run
    before_edit: dict[str, list[tuple]]  # rows of the edited/removed files after run 2
    crash: Crash


def build_archive(root: Path) -> Archive:
    """Run 1 and 2 over the same files; then edit one, remove two, add one; run 3 is killed
    in the middle of loading the edited file; run 4 completes."""
    paths = project(root)
    dagster_home = root / "dagster_home"
    dagster_home.mkdir()
    (dagster_home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    env = environment(paths, dagster_home)
    _write_archive(paths.raw_dir)

    logs, summaries, fingerprints = [], [], []
    for args in ((), ("--all",)):
        done = run_ok(paths, env, *args)
        logs.append(done.stderr)
        summaries.append(done.stdout)
        fingerprints.append(marts_fingerprint(paths.warehouse))
    before = {
        "issues": query(paths.warehouse, "select issue_id, source_file, n_articles from marts.issues order by 1"),
        "edited_articles": query(paths.warehouse, "select article_id from marts.articles where source_file = ?", [EDITED]),
    }

    # Edited in place (a correction in its first sentence), the only file of an issue removed,
    # a duplicate removed, a new issue added.
    edited = SEEDS[4].replace("近日", "近日（更正）", 1)
    assert edited != SEEDS[4]
    (paths.raw_dir / EDITED).write_bytes(codecs.BOM_UTF8 + edited.encode("utf-8"))
    (paths.raw_dir / REMOVED_ONLY_FILE).unlink()
    (paths.raw_dir / REMOVED_DUPLICATE).unlink()
    (paths.raw_dir / NEW).write_text(SEEDS[3].replace("温岭", "温岭市", 1), encoding="utf-8")

    crash = _killed_run(paths, env)
    done = run_ok(paths, env)
    logs.append(done.stderr)
    summaries.append(done.stdout)
    fingerprints.append(marts_fingerprint(paths.warehouse))
    return Archive(paths, dagster_home, logs, summaries, fingerprints, before, crash)


def _killed_run(paths: Paths, env: dict[str, str]) -> Crash:
    env = env | {"WENLING_TEST_PAUSE_AT": f"load:{EDITED}", "WENLING_TEST_PAUSE_S": "300"}
    run = subprocess.Popen([WENLING, "run"], cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    try:
        # Inside the load transaction of EDITED: its raw.issues row is replaced, its articles
        # and facts not yet. Kill it there, as the OOM killer or a power cut would.
        _wait_for_line(run.stderr, f"wenling-pause load {EDITED}", timeout_s=300)
        os.kill(run.pid, signal.SIGKILL)
    finally:
        run.kill()
        run.wait(timeout=30)
    published = marts_fingerprint(paths.warehouse)
    leftovers = sorted(p.name for p in paths.warehouse.parent.glob(".*.publishing"))
    with duckdb.connect(str(paths.work_db)) as con:  # read-write: replays the WAL as the next run would
        edited_ids = [r[0] for r in con.execute("select issue_id from raw.issues where source_file = ?", [EDITED]).fetchall()]
        partial = con.execute("""
            select i.source_file, i.n_articles, count(a.article_id)
            from raw.issues i left join raw.articles a on a.issue_id = i.issue_id and a.source_file = i.source_file
            group by all having count(a.article_id) <> i.n_articles""").fetchall()
    return Crash(run.returncode, published, leftovers, edited_ids, partial)


def _wait_for_line(stream, marker: str, timeout_s: float) -> None:
    """Read `stream` until a line contains `marker` (in a thread, so that it can time out)."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    while True:
        line = lines.get(timeout=timeout_s)
        if line is None:
            raise AssertionError("the run ended before the pause point:\n" + "".join(seen[-40:]))
        seen.append(line)
        if marker in line:
            return
