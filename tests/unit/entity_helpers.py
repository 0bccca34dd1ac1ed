"""Helpers of the entity tests: an article around a body, mentions by type, span checks."""
from __future__ import annotations

from orchestration.textmine.records import Article


def article(body: str, reporters: tuple[str, ...] = (), article_id: str = "iss-001") -> Article:
    return Article(article_id=article_id, issue_id="iss", seq=1, title="", kind="news", reporters=reporters, body=body)


def of_type(mentions, kind: str) -> dict[str, set[str]]:
    """canonical → surfaces, for one entity type."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        if m.entity_type == kind:
            out.setdefault(m.canonical_name, set()).add(m.surface)
    return out


def check_spans(art: Article, mentions) -> None:
    for m in mentions:
        assert art.body[m.start_char:m.end_char] == m.surface
        assert m.mention_id == f"{art.article_id}-m{m.start_char}-{m.end_char}-{m.entity_type}"
        assert m.surface in m.sentence or m.sentence in art.body

