"""Projects named in a list: 'A、B和C等14个项目集中签约', '包括A、B在内的一批项目',
'签约项目包括：A、B、C'.

The list says its members are projects, so a member needs no suffix of its own (…产业园二期,
…研发基地, …总部大楼). Each member must still look like a name (a facility, a place, a company,
an industry, a phase) and not like a kind of project (新能源、新材料等项目 are categories).
"""
from __future__ import annotations

import bisect
import re

from .. import lexicons
from ..sentences import Sentence
from ..entities import find_places
from .names import CONCRETE, GENERIC_HEAD, MAX_NAME, Candidate, is_project_name, name_starts, run_start

# The end of a list: '等14个重大项目', '等一批项目', '在内的20个项目'.
_TAIL = re.compile(
    r"(?:等|在内的)(?:[0-9一二三四五六七八九十两百千]+(?:多|余)?个|一批|多个|一系列)?"
    r"(?:(?!的|企业|公司|单位|部门|乡镇|街道|村)[\u4e00-\u9fff]){0,6}?(?:项目|工程)"
    # 'A、B等涵盖新材料领域的战略性新兴产业项目': what the members cover, then the kind of project
    r"|等(?:涵盖|涉及|覆盖|属于|聚焦|通过)[^，。；]{1,40}?的"
    r"(?:(?!企业|公司|单位|部门|乡镇|街道|村)[\u4e00-\u9fff]){0,10}?(?:项目|工程)"
)
# … or a count alone, for two names or more: 'A和B两个项目'.
_COUNT_TAIL = re.compile(r"(?<![0-9一二三四五六七八九十两百千])[两二三四五六七八九十]个(?:重大|重点|产业)?(?:项目|工程)")
# The head of a list: '签约项目包括：'; its members run to the end of the sentence.
_HEAD = re.compile(r"项目(?:主要)?(?:(?:包括|分别是|分别为)[：:]?|(?:有|为)[：:])")
_LIST_CHARS = 120
# Works done to a facility, and the kinds of works every town has: they name no one project.
_WORKS = re.compile(r"改扩建|扩建|新建|迁建|改建|建设|改造|整治|提升|更新|修缮|疏浚|防治|安置|扩容")
_GENERIC_WORKS = re.compile(
    r"改扩建|扩建|新建|迁建|改建|建设|改造|整治|提升|更新|修缮|疏浚|防治|"
    r"老旧|小区|农村|城乡|城区|城镇|乡村|道路|背街小巷|雨污分流|美丽|绿化|亮化|公厕|民生|配套|基础设施|[一二三四五六七八九十]期"
)
# A member of two names joined by a conjunction: 'A和B'.
_JOIN = re.compile(r"以及|和|及|与")


def enumerated(body: str, sentences: list[Sentence], companies: frozenset[str]) -> list[list[Candidate]]:
    """The lists of projects in the body, each a list of member candidates (two or more names,
    or one name followed by '等…项目')."""
    starts = [s.start for s in sentences]
    lists = []
    for begin, end, least in _list_spans(body):
        members = _members(body, begin, end, companies)
        if len(members) < least:
            continue
        i = bisect.bisect_right(starts, members[0][0]) - 1
        if i < 0:
            continue
        lists.append([Candidate(body[s:e], s, e, sentences[i]) for s, e in members])
    return lists


def _list_spans(body: str) -> list[tuple[int, int, int]]:
    """(start, end, fewest members) of every list."""
    spans = []
    for pattern, least in ((_TAIL, 1), (_COUNT_TAIL, 2)):
        for m in pattern.finditer(body):
            begin = _list_start(body, m.start())
            if begin < m.start():
                spans.append((begin, m.start(), least))
    for m in _HEAD.finditer(body):
        stop = re.compile(r"[。；;！？\n]").search(body, m.end())
        end = stop.start() if stop else len(body)
        spans.append((m.end(), end - 1 if body[end - 1:end] == "等" else end, 1))
    return spans


def _list_start(body: str, pos: int) -> int:
    """Left edge of a list ending at `pos`: runs of name characters joined by '、'."""
    i = pos
    while i > 0 and pos - i < _LIST_CHARS:
        j = run_start(body, i)
        # One member at a time: a run may cross '、' but is capped at MAX_NAME characters, so
        # a list of long names would otherwise be cut inside its first member.
        k = body.rfind("、", j, i)
        j = k + 1 if k >= 0 else j
        if j == i:
            break
        i = j
        if i == 0 or body[i - 1] != "、":
            break
        i -= 1
    return i if i == pos or body[i:i + 1] != "、" else i + 1


def _members(body: str, begin: int, end: int, companies: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of every member in body[begin:end]; none when any piece is no name (a list
    of categories or slogans is no list of projects)."""
    out: list[tuple[int, int]] = []
    pos = begin
    pieces = body[begin:end].split("、")
    for k, piece in enumerate(pieces):
        piece_start = pos
        pos += len(piece) + 1
        if k == 0:
            cut = name_starts(piece)[-1]  # the list starts after the word that introduces it
            piece, piece_start = piece[cut:], piece_start + cut
        spans = _split_joined(piece, piece_start, companies)
        if spans is None:
            return []
        out += spans
    return out


def _split_joined(piece: str, start: int, companies: frozenset[str]) -> list[tuple[int, int]] | None:
    for m in _JOIN.finditer(piece):
        left, right = piece[:m.start()], piece[m.end():]
        if _member_ok(left, companies) and _member_ok(right, companies):
            return [(start, start + len(left)), (start + m.end(), start + len(piece))]
    return [(start, start + len(piece))] if _member_ok(piece, companies) else None


def _member_ok(name: str, companies: frozenset[str]) -> bool:
    if not 3 <= len(name) <= MAX_NAME:
        return False
    suffix = next((s for s in ("项目", "工程") if name.endswith(s)), "")
    bare = GENERIC_HEAD.sub("", name[: len(name) - len(suffix)])
    if bare in lexicons.industry_aliases() or re.search(r"类$|领域$|行业$|产业$", bare):
        return False
    if not is_project_name(name, suffix, companies):
        return False
    stem = name[: len(name) - len(suffix)]
    if lexicons.industry_pattern().search(stem) or find_places(stem) or any(stem.startswith(c) for c in companies):
        return True
    # no place, company or industry: a named facility needs words beyond the kind of works
    # (东部污水处理厂扩建, 宏达电机智能工厂 — not 污水管网建设, 老旧小区改造)
    return bool(CONCRETE.search(_WORKS.sub("", stem))) and bool(_GENERIC_WORKS.sub("", CONCRETE.sub("", stem)))
