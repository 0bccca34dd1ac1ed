"""Plain records the text library returns.

Every stage of the library takes text (and, from the extraction stage on, the issue's
publication date) and returns these dataclasses. They carry their provenance: the issue, the
article, a character span into `Article.body` (end exclusive) and the sentence they come from.
The Dagster layer turns lists of them into tables (`records_to_frame`); the columns of the
DuckDB `raw` schema are exactly these fields, so this module is the contract between the
library and the warehouse.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Iterable


@dataclasses.dataclass(frozen=True)
class DecodedIssue:
    """One raw file, decoded and normalised (one newspaper issue)."""

    source_file: str  # file name under raw/
    issue_id: str  # hash of the normalised text: same content under two names = one issue
    encoding: str  # encoding the bytes were decoded with (utf-8, utf-8-sig, gb18030, big5, utf-16)
    text: str  # normalised text: NFC, \n line ends, no BOM
    n_bytes: int
    is_traditional: bool  # text was detected as traditional Chinese (kept as printed)
    warning: str | None = None  # a repair the decoder made (a truncated last character dropped)


@dataclasses.dataclass(frozen=True)
class Article:
    article_id: str  # f"{issue_id}-{seq:03d}"
    issue_id: str
    seq: int  # 1-based position in the issue
    title: str  # headline lines joined with one space
    kind: str  # news | photo | feature | continued
    reporters: tuple[str, ...]  # names from bylines (记者/通讯员/摄)
    body: str  # cleaned body, broken lines re-joined, paragraphs separated by "\n"
    byline: str | None = None  # the byline as printed, e.g. 本报讯（记者赵碧莹 通讯员梁伟伟）
    continued_to: str | None = None  # 下转第二版 → "第二版"


@dataclasses.dataclass(frozen=True)
class Token:
    article_id: str
    position: int  # 0-based token index in the article body
    token: str
    start_char: int
    end_char: int


@dataclasses.dataclass(frozen=True)
class PublicationDate:
    issue_id: str
    publication_date: dt.date | None
    confidence: float  # 0..1
    evidence: str  # why: the clue(s) the date was inferred from


@dataclasses.dataclass(frozen=True)
class EntityMention:
    mention_id: str  # f"{article_id}-m{start_char}-{end_char}-{entity_type}"
    article_id: str
    issue_id: str
    entity_type: str  # industry | company | organization | person | place | project
    canonical_name: str
    surface: str
    start_char: int
    end_char: int
    sentence: str
    # An industry's class in the taxonomy (GB4754:36, SEI2018:6.5, …); None for other types
    # and for an industry the taxonomy cannot place (recorded under its name as printed).
    taxonomy_code: str | None = None


@dataclasses.dataclass(frozen=True)
class Metric:
    metric_id: str
    article_id: str
    issue_id: str
    subject_name: str | None
    subject_type: str | None  # industry | company | project | region | organization
    metric: str  # output_value, added_value, growth_rate, share, investment, ... , other
    value: float
    unit: str  # as printed: 亿元, %, 家, 亩 …
    value_normalized: float | None
    normalized_unit: str | None  # CNY, ratio, count, mu, kW …
    period_label: str  # '2023', '2024H1', '2024-01..2024-11', 'as_of_2024-08', 'target_2025', 'unknown'
    period_start: dt.date | None
    period_end: dt.date | None
    evidence: str  # the sentence
    start_char: int  # span of the figure in Article.body
    end_char: int


@dataclasses.dataclass(frozen=True)
class ProjectMention:
    """One report of a project in one article; dbt resolves reports into projects."""

    project_mention_id: str
    article_id: str
    issue_id: str
    project_name: str  # as printed
    investment_value: float | None
    investment_unit: str | None
    investment_cny: float | None
    location: str | None
    company_name: str | None
    status: str | None  # 签约, 开工, 在建, 封顶, 投产, 竣工, 并网 …
    evidence: str
    start_char: int  # span of the name in Article.body
    end_char: int


@dataclasses.dataclass(frozen=True)
class Event:
    event_id: str
    article_id: str
    issue_id: str
    event_type: str  # meeting, award, list_publication, signing, groundbreaking, ...
    event_date: dt.date | None
    date_precision: str  # day | month | year | unknown
    title: str
    location: str | None
    evidence: str
    start_char: int  # span of the trigger sentence in Article.body
    end_char: int


@dataclasses.dataclass(frozen=True)
class IssueFacts:
    """Everything the extraction stage finds in one issue."""

    publication: PublicationDate
    mentions: list[EntityMention]
    metrics: list[Metric]
    projects: list[ProjectMention]
    events: list[Event]


def as_rows(records: Iterable[Any]) -> list[dict[str, Any]]:
    """Dataclasses → list of dicts (tuples become lists so Arrow makes them LIST columns)."""
    rows = []
    for rec in records:
        row = dataclasses.asdict(rec)
        rows.append({k: list(v) if isinstance(v, tuple) else v for k, v in row.items()})
    return rows
