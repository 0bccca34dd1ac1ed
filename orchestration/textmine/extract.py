"""The extraction stage: articles of one issue → every fact, with provenance.

Order matters: the publication date comes first (periods and event dates are resolved
against it), then entity and project mentions (metrics take their subject from them).

A traditional-character issue is read through its simplified view (script.py: same length,
character for character), so the lexicons and patterns, which are simplified, apply; spans
therefore point into the body as printed, and surfaces and evidence are given back as printed.
Canonical names stay simplified, so the same company resolves to one name across issues.
"""
from __future__ import annotations

import dataclasses
from typing import TypeVar

from .entities import find_mentions, harmonize_company_names, tagged_companies
from .events import find_events
from .metrics import find_metrics
from .projects import find_projects
from .pubdate import infer_publication_date
from .records import Article, EntityMention, IssueFacts, ProjectMention
from .regions import home_region
from .script import is_traditional, to_simplified

_R = TypeVar("_R")


def _project_mention(project: ProjectMention, sentence: str) -> EntityMention:
    return EntityMention(
        mention_id=f"{project.article_id}-m{project.start_char}-{project.end_char}-project",
        article_id=project.article_id,
        issue_id=project.issue_id,
        entity_type="project",
        canonical_name=project.project_name,
        surface=project.project_name,
        start_char=project.start_char,
        end_char=project.end_char,
        sentence=sentence,
    )


def extract_issue(
    issue_id: str, source_file: str, text: str, articles: list[Article], traditional: bool = False
) -> IssueFacts:
    """Every fact of the issue; `traditional`: read it through its simplified view (so is an
    issue that prints some of its articles in traditional characters)."""
    if traditional or any(is_traditional(a.body) for a in articles):
        return _extract_as_printed(issue_id, source_file, text, articles)
    return _extract_simplified(issue_id, source_file, text, articles)


def _extract_simplified(issue_id: str, source_file: str, text: str, articles: list[Article]) -> IssueFacts:
    publication = infer_publication_date(issue_id, source_file, text)
    pub_date = publication.publication_date
    mentions, metrics, projects, events = [], [], [], []
    home = home_region(a.body for a in articles)  # what 我市 stands for where an article does not say
    tagged_companies.prefetch([a.body for a in articles])  # the CRF over the whole issue at once
    for article in articles:
        article_mentions = find_mentions(article)
        article_projects = find_projects(article)
        article_mentions += [_project_mention(p, p.evidence) for p in article_projects]
        article_mentions.sort(key=lambda m: (m.start_char, m.end_char))
        mentions += article_mentions
        projects += article_projects
        metrics += find_metrics(article, pub_date, article_mentions, home)
        events += find_events(article, pub_date)
    # A short company name takes the full name printed elsewhere in the issue.
    mentions = harmonize_company_names(mentions)
    return IssueFacts(publication=publication, mentions=mentions, metrics=metrics, projects=projects, events=events)


def simplified_view(article: Article) -> Article:
    """The article with title, body and byline in simplified characters, same lengths."""
    return dataclasses.replace(
        article,
        title=to_simplified(article.title),
        body=to_simplified(article.body),
        byline=to_simplified(article.byline) if article.byline else article.byline,
        reporters=tuple(to_simplified(r) for r in article.reporters),
    )


def _extract_as_printed(issue_id: str, source_file: str, text: str, articles: list[Article]) -> IssueFacts:
    views = {a.article_id: simplified_view(a) for a in articles}
    facts = _extract_simplified(issue_id, source_file, to_simplified(text), list(views.values()))
    printed = {a.article_id: a.body for a in articles}

    def restore(record: _R, *sentence_fields: str) -> _R:
        body, view = printed[record.article_id], views[record.article_id].body  # type: ignore[attr-defined]
        start = record.start_char  # type: ignore[attr-defined]
        changes = {f: _as_printed(body, view, getattr(record, f), start) for f in sentence_fields}
        if isinstance(record, EntityMention):
            changes["surface"] = body[record.start_char:record.end_char]
        return dataclasses.replace(record, **changes)  # type: ignore[type-var]

    return IssueFacts(
        publication=facts.publication,
        mentions=[restore(m, "sentence") for m in facts.mentions],
        metrics=[restore(m, "evidence") for m in facts.metrics],
        projects=[restore(p, "evidence") for p in facts.projects],
        events=[restore(e, "evidence") for e in facts.events],
    )


def _as_printed(body: str, view: str, found: str | None, near: int) -> str | None:
    """`found` (a piece of the simplified view) as printed: the same positions of the body."""
    if not found:
        return found
    at = view.find(found, max(0, near - len(found)))
    if at < 0:
        at = view.find(found)
    return body[at:at + len(found)] if at >= 0 else found
