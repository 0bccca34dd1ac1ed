"""Full-text search of the archive: BM25 over the jieba terms of every article.

dbt builds the index (models/search: `search.postings` holds each (term, article) pair with its
BM25 weight, `search.term_stats` each term's df and idf). A query is segmented with the same
Segmenter the pipeline used for the articles, and an article's score is the sum of the weights
of the query's terms it contains. A query term the index does not know (jieba cut the articles
more coarsely: 机床 inside 数控机床) is widened to the indexed terms that contain it.

No DuckDB extension is needed (the fts extension would be a download); all SQL takes bound
parameters.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import duckdb

SNIPPET_CHARS = 36  # either side of the hit
MAX_EXPANSIONS = 8


@dataclasses.dataclass
class Hit:
    rank: int
    score: float
    article_id: str
    issue_id: str
    source_file: str
    publication_date: dt.date | None
    title: str
    snippet: str
    highlights: list[tuple[int, int]]  # [start, end) of each query term in the snippet
    matched_terms: list[str]

    def marked_snippet(self, left: str = "【", right: str = "】") -> str:
        out, pos = [], 0
        for start, end in self.highlights:
            out += [self.snippet[pos:start], left, self.snippet[start:end], right]
            pos = end
        out.append(self.snippet[pos:])
        return "".join(out)

    def as_json(self) -> dict:
        return dataclasses.asdict(self) | {"publication_date": str(self.publication_date) if self.publication_date else None,
                                           "highlights": [list(h) for h in self.highlights]}


@dataclasses.dataclass
class SearchResult:
    query: str
    terms: list[str]  # the query's terms, as segmented
    expanded: dict[str, list[str]]  # a term the index lacks → the indexed terms containing it
    unknown: list[str]  # terms found nowhere
    hits: list[Hit]


def query_terms(query: str) -> list[str]:
    """The query segmented like the articles were (same dictionary), distinct, in order."""
    from orchestration.textmine.segment import get_segmenter

    return list(dict.fromkeys(get_segmenter().term_counts(query)))


def snippet(body: str, terms: list[str], width: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """A window of `body` around the first occurrence of the first term found, with every
    term occurrence inside it."""
    body = body or ""
    positions = [(body.find(t), t) for t in terms if t and body.find(t) >= 0]
    if not positions:
        text = body[: 2 * width]
        return text + ("…" if len(body) > len(text) else ""), []
    first, term = min(positions)
    start, end = max(0, first - width), min(len(body), first + len(term) + width)
    window = body[start:end].replace("\n", " ")
    spans: list[tuple[int, int]] = []
    for t in sorted(set(terms), key=len, reverse=True):
        i = window.find(t)
        while i >= 0:
            if all(i >= e or i + len(t) <= s for s, e in spans):
                spans.append((i, i + len(t)))
            i = window.find(t, i + 1)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    return prefix + window + suffix, sorted((s + len(prefix), e + len(prefix)) for s, e in spans)


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> SearchResult:
    terms = query_terms(query)
    known = {r[0] for r in con.execute("select term from search.term_stats where term in (select unnest(?))", [terms]).fetchall()}
    expanded: dict[str, list[str]] = {}
    unknown: list[str] = []
    lookup: list[str] = []
    for term in terms:
        if term in known:
            lookup.append(term)
            continue
        wider = [r[0] for r in con.execute(
            "select term from search.term_stats where contains(term, ?) order by df desc, term limit ?",
            [term, MAX_EXPANSIONS]).fetchall()]
        if wider:
            expanded[term] = wider
            lookup += wider
        else:
            unknown.append(term)
    if not lookup:
        return SearchResult(query, terms, expanded, unknown, [])
    rows = con.execute("""
        with scored as (
            select p.article_id, sum(p.weight) as score, list(p.term order by p.weight desc) as matched
            from search.postings as p
            where p.term in (select unnest(?))
            group by p.article_id
        )
        select s.score, s.matched, a.article_id, a.issue_id, i.source_file, a.publication_date, a.title, a.body
        from scored as s
        inner join marts.articles as a using (article_id)
        inner join marts.issues as i on i.issue_id = a.issue_id
        order by s.score desc, a.publication_date desc nulls last, a.article_id
        limit ?""", [sorted(set(lookup)), limit]).fetchall()
    hits = []
    for rank, (score, matched, article_id, issue_id, source_file, pub, title, body) in enumerate(rows, 1):
        text, spans = snippet(body, list(matched))
        hits.append(Hit(rank, round(score, 4), article_id, issue_id, source_file, pub, title or "", text, spans, list(matched)))
    return SearchResult(query, terms, expanded, unknown, hits)
