"""Every odd input of a newsroom archive, re-runs, in-place edits and removed files (see archive.py)."""
from __future__ import annotations

import os

import dagster as dg
import pytest

from tests.integration.archive import (
    DUPLICATES, EDITED, ENCODED, IGNORED, MIXED, REJECTED, REMOVED_DUPLICATE, REMOVED_ONLY_FILE, TRUNCATED, Archive,
)
from tests.integration.robustness import marts_fingerprint, query, wenling

pytestmark = pytest.mark.integration


def test_materializing_everything_twice_gives_the_same_marts(archive: Archive) -> None:
    first, second = archive.fingerprints[:2]
    assert set(first) >= {"issues", "articles", "entity_mentions", "metrics", "events", "rejected_files"}
    assert second == first
    assert first["issues"][0] > 0


def test_each_encoding_is_detected_and_recorded_in_marts_issues(archive: Archive) -> None:
    found = dict(query(archive.paths.warehouse, "select source_file, encoding from marts.issues"))
    for name, (encoding, _) in ENCODED.items():
        if name != REMOVED_ONLY_FILE:  # (still there, withdrawn: checked below)
            assert found.get(name) == encoding, name
    assert found[REMOVED_ONLY_FILE] == "gb18030"


def test_the_traditional_issue_keeps_its_text_and_has_the_simplified_issues_facts(archive: Archive) -> None:
    wh = archive.paths.warehouse
    rows = query(wh, """
        select i.is_traditional, count(distinct a.article_id), count(m.mention_id),
               count(*) filter (where substr(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.surface)
        from marts.issues i join marts.articles a using (issue_id) join marts.entity_mentions m using (article_id)
        where i.source_file = ? group by 1""", ["06 big5 繁體.txt"])
    (is_traditional, n_articles, n_mentions, bad_spans), = rows
    assert is_traditional and bad_spans == 0
    simplified = query(wh, """
        select count(distinct a.article_id), count(m.mention_id)
        from marts.issues i join marts.articles a using (issue_id) join marts.entity_mentions m using (article_id)
        where i.source_file = ?""", ["01 utf8 spaces.txt"])[0]
    assert (n_articles, n_mentions) == simplified
    bodies = " ".join(r[0] for r in query(wh, "select a.body from marts.articles a join marts.issues i using (issue_id) "
                                              "where i.source_file = ?", ["06 big5 繁體.txt"]))
    assert "溫嶺" in bodies and "温岭" not in bodies
    # resolved under the simplified canonical name, one entity for both issues
    assert query(wh, "select count(distinct issue_id) from marts.entity_mentions where canonical_name = '温岭'")[0][0] >= 2


def test_same_content_under_two_names_is_one_issue(archive: Archive) -> None:
    wh = archive.paths.warehouse
    for duplicate, (original, _) in DUPLICATES.items():
        rows = query(wh, "select source_file, source_files from marts.issues where list_contains(source_files, ?)", [duplicate])
        assert len(rows) == 1, duplicate
        assert rows[0][0] == original and duplicate in rows[0][1]
    assert query(wh, "select count(*) from marts.articles where source_file in (?, ?)", list(DUPLICATES)) == [(0,)]


def test_line_endings_and_mixed_punctuation_still_give_articles_and_facts(archive: Archive) -> None:
    wh = archive.paths.warehouse
    (n_articles, n_mentions, n_metrics), = query(wh, """
        select i.n_articles,
               (select count(*) from marts.entity_mentions m where m.issue_id = i.issue_id),
               (select count(*) from marts.metrics m where m.issue_id = i.issue_id)
        from marts.issues i where i.source_file = ?""", [MIXED])
    reference = query(wh, "select n_articles from marts.issues where source_file = '04 utf16.txt'")[0][0]
    assert n_articles == reference and n_mentions > 0 and n_metrics > 0
    assert query(wh, """select count(*) from marts.entity_mentions m join marts.articles a using (article_id)
                        where substr(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.surface""") == [(0,)]


def test_broken_files_are_rejected_with_a_clear_reason_and_the_run_stays_green(archive: Archive) -> None:
    rows = {r[0]: r[1:] for r in query(archive.paths.warehouse,
                                       "select source_file, outcome, stage, reason, first_seen from marts.rejected_files")}
    for name, reason in REJECTED.items():
        outcome, stage, text, first_seen = rows[name]
        assert outcome == "rejected" and reason in text and first_seen is not None, (name, text)
    assert "50" in rows["huge.txt"][2] or "52,4" in rows["huge.txt"][2]  # the size, in the reason
    assert rows["no articles.txt"][1] == "articles"
    # none of their facts are in the other marts
    assert query(archive.paths.warehouse, "select count(*) from marts.issues where source_file in (select unnest(?))",
                 [list(REJECTED)]) == [(0,)]


def test_a_truncated_file_is_taken_in_and_flagged(archive: Archive) -> None:
    wh = archive.paths.warehouse
    (outcome, reason), = query(wh, "select outcome, reason from marts.rejected_files where source_file = ?", [TRUNCATED])
    assert outcome == "flagged" and "truncated" in reason and "dropped" in reason
    assert query(wh, "select n_articles > 0 from marts.issues where source_file = ?", [TRUNCATED]) == [(True,)]


def test_the_dagster_ui_shows_the_problem_files(archive: Archive) -> None:
    previous = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(archive.dagster_home)
    try:
        with dg.DagsterInstance.get() as instance:
            key = dg.AssetCheckKey(dg.AssetKey(["raw", "rejected_files"]), "no_rejected_files")
            (latest,) = instance.event_log_storage.get_asset_check_execution_history(key, limit=1)
            evaluation = latest.event.dagster_event.event_specific_data
    finally:
        if previous is None:
            os.environ.pop("DAGSTER_HOME")
        else:
            os.environ["DAGSTER_HOME"] = previous
    assert not evaluation.passed and evaluation.severity == dg.AssetCheckSeverity.WARN
    for name in [*REJECTED, TRUNCATED]:
        assert name in evaluation.description
    assert "empty.txt: documents failed — empty file" in archive.logs[0]  # the run log says it too


def test_non_txt_entries_are_ignored_and_logged(archive: Archive) -> None:
    log = archive.logs[0]
    for name in [*IGNORED, "old"]:
        assert repr(name) in log, name
    known = {r[0] for r in query(archive.paths.warehouse, "select source_file from marts.rejected_files "
                                                          "union all select unnest(source_files) from marts.issues")}
    assert not known & {*IGNORED, "nested.txt"}


def test_a_file_edited_in_place_has_its_rows_replaced(archive: Archive) -> None:
    wh = archive.paths.warehouse
    old_ids = {r[0] for r in archive.before_edit["issues"] if r[1] == EDITED}
    (issue_id, n_articles), = query(wh, "select issue_id, n_articles from marts.issues where source_file = ?", [EDITED])
    assert issue_id not in old_ids  # new content, new issue; the old one is gone with it
    assert not query(wh, "select 1 from marts.issues where issue_id in (select unnest(?))", [list(old_ids)])
    articles = query(wh, "select issue_id, count(*), count(distinct seq) from marts.articles where source_file = ? group by 1", [EDITED])
    assert articles == [(issue_id, n_articles, n_articles)]
    assert n_articles == len(archive.before_edit["edited_articles"])
    assert query(wh, "select count(*) from marts.articles where source_file = ? and body like '%近日（更正）%'", [EDITED]) == [(1,)]
    raw = query(archive.paths.work_db, "select count(*) from raw.issues where source_file = ?", [EDITED])
    assert raw == [(1,)]


def test_a_removed_file_keeps_its_rows_marked_withdrawn(archive: Archive) -> None:
    wh = archive.paths.warehouse
    (withdrawn, withdrawn_at, n_articles), = query(
        wh, "select withdrawn, withdrawn_at, n_articles from marts.issues where source_file = ?", [REMOVED_ONLY_FILE])
    assert withdrawn and withdrawn_at is not None and n_articles > 0
    assert query(wh, "select count(*) from marts.articles where source_file = ?", [REMOVED_ONLY_FILE]) == [(n_articles,)]
    # a removed duplicate: the issue is still carried by its other file, so not withdrawn
    assert query(wh, "select withdrawn from marts.issues where list_contains(source_files, ?)", [REMOVED_DUPLICATE]) == [(False,)]
    assert query(wh, "select count(*) from marts.issues where withdrawn") == [(1,)]
    assert "no longer in raw/" in archive.logs[2]


def test_file_names_reach_sql_as_parameters(archive: Archive) -> None:
    # the quote in the name went through every stage and every SQL statement intact
    assert query(archive.paths.warehouse, "select count(*) from marts.issues where source_file = ?", [MIXED]) == [(1,)]



def test_wenling_query_is_read_only(archive: Archive) -> None:
    wh = archive.paths.warehouse
    before = marts_fingerprint(wh)
    attempts = [
        "delete from marts.issues",
        "drop table marts.articles",
        "create table marts.mine as select 1 as x",
        "update marts.issues set n_articles = 0",
        f"copy (select 'gotcha') to '{wh}' (header false)",  # would overwrite the published file
        f"attach '{archive.paths.work_db}' as work",  # the file the next run publishes
        "set access_mode = 'read_write'",
    ]
    for sql in attempts:
        result = wenling(archive.paths, "query", sql)
        assert result.returncode != 0 and "query failed" in result.stderr, (sql, result.stdout, result.stderr)
    assert marts_fingerprint(wh) == before
    ok = wenling(archive.paths, "query", "select count(*) as n from marts.issues")
    assert ok.returncode == 0 and str(before["issues"][0]) in ok.stdout
