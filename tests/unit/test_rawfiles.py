"""What counts as an issue file in raw/, and what is ignored (and said so)."""
from __future__ import annotations

import logging

from orchestration.rawfiles import log_ignored, scan


def test_odd_names_are_issues_and_other_entries_are_ignored_with_a_reason(tmp_path, caplog) -> None:
    issues = ["wlrb 2024-08-23 第一版.txt", "温岭日报（二版）.txt", "-leading-dash.txt", "UPPER.TXT", "it's.txt"]
    for name in issues:
        (tmp_path / name).write_text("本报讯 近日。\n", encoding="utf-8")
    others = {"notes.md": "not a .txt", "scan.pdf": "not a .txt", ".~lock.txt": "hidden", "a...b.txt": "partition key",
              "archive": "folder", "tab\tname.txt": "partition key"}
    for name in others:
        if name == "archive":
            (tmp_path / name).mkdir()
            (tmp_path / name / "old.txt").write_text("x", encoding="utf-8")
        else:
            (tmp_path / name).write_text("x", encoding="utf-8")

    listing = scan(tmp_path)
    assert sorted(listing.issues) == sorted(issues)
    assert set(listing.ignored) == set(others)
    for name, why in others.items():
        assert why in listing.ignored[name], name

    with caplog.at_level(logging.WARNING):
        log_ignored(logging.getLogger("wenling"), tmp_path, listing.ignored)
    assert "ignoring 6 entries" in caplog.text and "notes.md" in caplog.text


def test_a_missing_raw_dir_has_no_issues(tmp_path) -> None:
    assert scan(tmp_path / "nowhere").issues == {}
