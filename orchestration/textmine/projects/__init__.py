"""Project mentions: a named project, its investment, place, company and status.

- `names`: names printed with a suffix (…项目, …工程) or as a facility being built (…产业园建设);
- `enumerations`: the members of a list ('A、B、C等14个项目');
- `status`: the status a report states, and the one a batch states for its members;
- `investment`: a project's own investment, never a batch's total.

One mention per project name in an article; dbt resolves them across articles and issues.
"""
from __future__ import annotations

import dataclasses
import re

from ..entities import find_mentions, find_places
from ..records import Article, EntityMention, ProjectMention
from ..sentences import Sentence, split_sentences
from . import investment
from .enumerations import enumerated
from .names import Candidate, suffixed_candidates
from .status import STATUS_ORDER, batch_status, later, status_of

__all__ = ["STATUS_ORDER", "find_projects"]

# A next sentence that talks about the same project: 这个总投资约2.2亿元的项目就正式开工了.
_ANAPHOR = re.compile(r"(?:该|此|这个|这一|本)[^，。；]{0,15}?项目|^项目")
_BROAD_PLACES = re.compile(r"(?:市|省)$|^(?:中国|长三角|浙江|台州|温岭|杭州|宁波|温州|上海|北京|江苏|福建)")


def find_projects(article: Article) -> list[ProjectMention]:
    """One mention per project name printed in the article (first occurrence's span)."""
    body = article.body
    sentences = list(split_sentences(body))
    mentions = find_mentions(article)
    companies = frozenset(m.surface for m in mentions if m.entity_type == "company")
    people = [(m.start_char, m.end_char) for m in mentions if m.entity_type == "person"]
    candidates = _with_lists(suffixed_candidates(body, sentences, companies, people),
                             enumerated(body, sentences, companies), people)
    if not candidates:
        return []
    by_sentence: dict[int, list[Candidate]] = {}
    for c in candidates:
        by_sentence.setdefault(c.sentence.start, []).append(c)
    index = {s.start: i for i, s in enumerate(sentences)}
    one_project = _about_one_project(article.title, candidates)
    article_batch = batch_status(article.title + "\n" + _lede(body))

    merged: dict[str, ProjectMention] = {}
    for cand in candidates:
        same = by_sentence[cand.sentence.start]
        texts = [_segment(cand, same)]
        quantity = investment.assign(cand, same)
        nxt = _next_sentence(sentences, index[cand.sentence.start], by_sentence)
        if nxt is not None:
            texts.append(nxt.text)
            if quantity is None and cand.group is None:
                quantity = investment.next_sentence_figure(nxt)
        status = status_of(texts, article.title if one_project else None)
        if status in (None, "计划"):
            # a member of a batch takes the batch's status (its paragraph's, else the lede's)
            status = batch_status(_paragraph(body, cand.start)) or article_batch or status
        found = ProjectMention(
            project_mention_id=f"{article.article_id}-p{cand.start}",
            article_id=article.article_id,
            issue_id=article.issue_id,
            project_name=cand.name,
            investment_value=quantity.value if quantity else None,
            investment_unit=quantity.unit if quantity else None,
            investment_cny=quantity.value_normalized if quantity and quantity.normalized_unit == "CNY" else None,
            location=_location(cand, mentions, nxt),
            company_name=_company(cand, mentions),
            status=status,
            evidence=cand.sentence.text,
            start_char=cand.start,
            end_char=cand.end,
        )
        merged[cand.name] = _merge(merged.get(cand.name), found)
    return sorted(_same_projects(merged).values(), key=lambda p: p.start_char)


def _key(name: str) -> str:
    return re.sub(r"(?:项目|工程)$", "", re.sub(r"[“”「」『』\s]", "", name))


def _same_projects(merged: dict[str, ProjectMention]) -> dict[str, ProjectMention]:
    """One project printed with and without its place (温岭热刺激光产业园项目, 热刺激光产业园):
    the report under the short name joins the full one."""
    keys = {_key(n): n for n in merged}
    for name in list(merged):
        full = next((keys[k] for k in keys if k != _key(name) and k.endswith(_key(name))
                     and any(s == 0 and e == len(k) - len(_key(name)) for s, e, _ in find_places(k))), None)
        if full is not None and full in merged:
            merged[full] = _merge(merged[full], merged.pop(name))
    return merged


def _with_lists(found: list[Candidate], lists: list[list[Candidate]],
                people: list[tuple[int, int]]) -> list[Candidate]:
    """Add the members of each list; a member already found by its suffix joins the list."""
    out = list(found)
    for group, members in enumerate(lists):
        for member in members:
            overlapping = [c for c in out if c.start < member.end and member.start < c.end]
            if overlapping:
                for c in overlapping:
                    c.group = group
            elif not any(p[0] < member.end and member.start < p[1] for p in people):
                member.group = group
                out.append(member)
    return sorted(out, key=lambda c: c.start)


def _lede(body: str) -> str:
    return body.split("\n", 1)[0]


def _paragraph(body: str, pos: int) -> str:
    start = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    return body[start:end if end >= 0 else len(body)]


def _about_one_project(title: str, candidates: list[Candidate]) -> bool:
    """The article reports on one project (its names are variants of each other: …电站项目,
    …电站一期项目) and its title speaks of it: then the title's status is the project's."""
    names = {c.name for c in candidates}
    return all(_dice(a, b) >= 0.6 for a in names for b in names) and \
        any(_dice(title, n) > 0.2 for n in names)


def _dice(a: str, b: str) -> float:
    x = {a[i:i + 2] for i in range(len(a) - 1)}
    y = {b[i:i + 2] for i in range(len(b) - 1)}
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _location(cand: Candidate, mentions: list[EntityMention], nxt: Sentence | None) -> str | None:
    """A town or area: first in the name itself, then in the sentence, then in a next sentence
    about the project (该项目位于…街道) — never inside a company."""
    companies = [m for m in mentions if m.entity_type == "company"]
    in_name = [name for s, e, name in find_places(cand.name) if not _BROAD_PLACES.search(name)]
    if in_name:
        return in_name[0]
    for sentence in (cand.sentence, nxt):
        if sentence is None:
            continue
        for s, e, name in find_places(sentence.text):
            s += sentence.start
            e += sentence.start
            if _BROAD_PLACES.search(name) or any(c.start_char <= s and e <= c.end_char for c in companies):
                continue
            return name
    return None


def _company(cand: Candidate, mentions: list[EntityMention]) -> str | None:
    companies = [m for m in mentions if m.entity_type == "company"
                 and cand.sentence.start <= m.start_char < cand.sentence.end]
    for m in companies:
        if cand.start <= m.start_char < cand.end:
            return m.canonical_name
    return companies[0].canonical_name if companies else None


def _segment(cand: Candidate, same_sentence: list[Candidate]) -> str:
    """The part of the sentence that reports on this project: from its name (from the sentence
    start for the first one) to the next project's name. A name followed only by a conjunction,
    or a member of the same list, shares the next one's report: 'B和C正在建设中'."""
    sent = cand.sentence
    i = same_sentence.index(cand)
    first = next(k for k, c in enumerate(same_sentence) if c is cand or (
        cand.group is not None and c.group == cand.group))  # a list shares its head: 签约项目包括：
    start = sent.start if first == 0 else same_sentence[first].start
    j = i + 1
    while j < len(same_sentence) and (
            (cand.group is not None and same_sentence[j].group == cand.group)
            or re.fullmatch(r"[和与及、，\s]*", sent.text[same_sentence[j - 1].end - sent.start:
                                                      same_sentence[j].start - sent.start])):
        j += 1
    end = same_sentence[j].start if j < len(same_sentence) else sent.end
    return sent.text[start - sent.start:end - sent.start]


def _next_sentence(sentences: list[Sentence], i: int, by_sentence: dict[int, list[Candidate]]) -> Sentence | None:
    """The following sentence when it speaks of the same project without naming another one
    (a batch — 此次开工的27个项目 — is not the project)."""
    if i + 1 >= len(sentences):
        return None
    nxt = sentences[i + 1]
    if nxt.start in by_sentence:
        return None
    m = _ANAPHOR.search(nxt.text)
    if m is None or investment.BATCH_NP.search(m.group(0)):
        return None
    return nxt


def _merge(first: ProjectMention | None, later_one: ProjectMention) -> ProjectMention:
    """Keep the first span and evidence; fill gaps from later reports; keep the furthest status."""
    if first is None:
        return later_one
    invest = first if first.investment_value is not None else later_one
    return dataclasses.replace(
        first,
        investment_value=invest.investment_value,
        investment_unit=invest.investment_unit,
        investment_cny=invest.investment_cny,
        location=first.location or later_one.location,
        company_name=first.company_name or later_one.company_name,
        status=later(first.status, later_one.status),
    )
