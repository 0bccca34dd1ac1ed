"""The extraction stage: articles of one issue → every fact, with provenance.

Order matters: the publication date comes first (periods and event dates are resolved
against it), then entity and project mentions (metrics take their subject from them).
"""
from __future__ import annotations

from .entities import find_mentions, harmonize_company_names
from .events import find_events
from .metrics import find_metrics
from .projects import find_projects
from .pubdate import infer_publication_date
from .records import Article, EntityMention, IssueFacts, ProjectMention


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


def extract_issue(issue_id: str, source_file: str, text: str, articles: list[Article]) -> IssueFacts:
    publication = infer_publication_date(issue_id, source_file, text)
    pub_date = publication.publication_date
    mentions, metrics, projects, events = [], [], [], []
    for article in articles:
        article_mentions = find_mentions(article)
        article_projects = find_projects(article)
        article_mentions += [_project_mention(p, p.evidence) for p in article_projects]
        article_mentions.sort(key=lambda m: (m.start_char, m.end_char))
        mentions += article_mentions
        projects += article_projects
        metrics += find_metrics(article, pub_date, article_mentions)
        events += find_events(article, pub_date)
    # A short company name takes the full name printed elsewhere in the issue.
    mentions = harmonize_company_names(mentions)
    return IssueFacts(publication=publication, mentions=mentions, metrics=metrics, projects=projects, events=events)
