"""A run killed (SIGKILL) in the middle of loading: nothing half-written is visible, the next run completes it.

The archive (archive.py) has a third run killed inside the load transaction of an edited file,
after that file's raw.issues row was replaced and before its articles were.
"""
from __future__ import annotations

import signal

import pytest

from tests.integration.archive import EDITED, NEW, Archive
from tests.integration.robustness import query

pytestmark = pytest.mark.integration


def test_the_run_was_killed_inside_the_load_transaction(archive: Archive) -> None:
    assert archive.crash.returncode == -signal.SIGKILL


def test_users_still_see_the_last_published_warehouse(archive: Archive) -> None:
    assert archive.crash.published == archive.fingerprints[1]
    assert archive.crash.leftovers == []


def test_the_work_file_rolled_the_open_transaction_back(archive: Archive) -> None:
    old_ids = [r[0] for r in archive.before_edit["issues"] if r[1] == EDITED]
    assert archive.crash.edited_issue_ids == old_ids  # the old rows, not the half-loaded new ones
    assert archive.crash.partial == []


def test_the_next_run_completes_what_the_killed_one_left(archive: Archive) -> None:
    wh = archive.paths.warehouse
    assert query(wh, "select count(*) from marts.articles where source_file = ? and body like '%近日（更正）%'", [EDITED]) == [(1,)]
    assert query(wh, "select n_articles > 0 from marts.issues where source_file = ?", [NEW]) == [(True,)]
    partial = query(wh, """
        select i.source_file from marts.issues i left join marts.articles a using (issue_id)
        group by i.source_file, i.n_articles having count(a.article_id) <> i.n_articles""")
    assert partial == []


def test_the_next_run_takes_only_what_changed_since_the_last_published_build(archive: Archive) -> None:
    # Since run 2 was published: EDITED changed, NEW arrived (run 3 was killed before publishing);
    # the five rejected files left no issue row, so they are tried again. Nothing else runs.
    from tests.integration.archive import DUPLICATES, ENCODED, REJECTED

    # ENCODED but EDITED and REMOVED_ONLY_FILE; DUPLICATES but REMOVED_DUPLICATE; MIXED and TRUNCATED
    unchanged = (len(ENCODED) - 2) + (len(DUPLICATES) - 1) + 2
    assert f"wenling run: {2 + len(REJECTED)} new or changed issue files run, {unchanged} unchanged" in archive.summaries[2]
    assert ", 0 unchanged since the last build" in archive.summaries[1]  # --all ran every file
