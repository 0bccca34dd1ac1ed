"""The passes in order, and their spans as `EntityMention` records.

Companies come first; organisations never sit inside a company; industries inside a company
name (新界泵业) are the company's; people and places last, outside the names found before."""
from __future__ import annotations

import bisect
import functools

from ..records import Article, EntityMention
from ..sentences import split_sentences
from .common import Span, overlaps
from .companies import find_companies
from .industries import find_industries, raw_industry_matches
from .organizations import find_organizations
from .people import find_people
from .places import find_places

# --- assembly ------------------------------------------------------------------------------


def _spans(article: Article) -> list[Span]:
    body = article.body
    raw_industry = raw_industry_matches(body)
    companies = find_companies(body, raw_industry)
    organizations = find_organizations(body, companies)
    industries = find_industries(body, raw_industry, companies)
    named = companies + organizations
    people = find_people(body, article.reporters, named)
    places = [
        Span(s, e, "place", name) for s, e, name in find_places(body)
        if not overlaps(s, e, named) and not overlaps(s, e, people)
    ]
    return companies + organizations + industries + people + places


@functools.lru_cache(maxsize=256)
def _mentions_cached(article: Article) -> tuple[EntityMention, ...]:
    sentences = list(split_sentences(article.body))
    starts = [s.start for s in sentences]

    def sentence_at(pos: int) -> str:
        i = bisect.bisect_right(starts, pos) - 1
        return sentences[i].text if i >= 0 else ""

    out = []
    for s in sorted(_spans(article), key=lambda s: (s.start, s.end, s.kind)):
        out.append(EntityMention(
            mention_id=f"{article.article_id}-m{s.start}-{s.end}-{s.kind}",
            article_id=article.article_id,
            issue_id=article.issue_id,
            entity_type=s.kind,
            canonical_name=s.canonical,
            surface=article.body[s.start:s.end],
            start_char=s.start,
            end_char=s.end,
            sentence=sentence_at(s.start),
            taxonomy_code=s.code,
        ))
    return tuple(out)


def find_mentions(article: Article) -> list[EntityMention]:
    """Every entity mention in the article body, left to right (a fresh list per call)."""
    return list(_mentions_cached(article))

