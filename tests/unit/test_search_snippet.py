"""Search snippets: a window around the first hit, every query term in it marked."""
from __future__ import annotations

from orchestration.search import Hit, snippet


def test_window_around_the_first_hit_with_every_term_marked() -> None:
    body = "开头" * 40 + "今年上半年，全市数控机床产业实现产值66.4亿元，同比增长11.6%。" + "结尾" * 40
    text, spans = snippet(body, ["产值", "数控机床"], width=10)
    assert text.startswith("…") and text.endswith("…")
    assert [text[s:e] for s, e in spans] == ["数控机床", "产值"]
    hit = Hit(1, 1.0, "a", "i", "f.txt", None, "t", text, spans, ["数控机床", "产值"])
    assert "【数控机床】" in hit.marked_snippet() and "【产值】" in hit.marked_snippet()


def test_no_hit_in_the_body_gives_its_beginning() -> None:
    text, spans = snippet("正文没有这个词。", ["标题词"])
    assert text == "正文没有这个词。" and spans == []


def test_overlapping_terms_are_marked_once() -> None:
    text, spans = snippet("数控机床产业", ["数控机床", "机床"], width=5)
    assert [text[s:e] for s, e in spans] == ["数控机床"]
