"""Industries (placeholder, rewritten below)."""
from __future__ import annotations

import re
from typing import Sequence

from .. import lexicons
from .common import Span, overlaps

# --- industries ----------------------------------------------------------------------------

# Words that make a short alias an industry: 激光产业, 制鞋企业, 泵业重镇, 激光领域.
_INDUSTRY_HEAD = re.compile(
    r"(?:装备|制造|加工|生产|设备)?(?:产业集群|产业链|产业|行业|集群|企业|领域|板块|赛道|重镇|之乡|之都|大县|强县|强镇)"
)
# A head that may extend the surface of any industry mention (数控机床产业集群).
_SURFACE_TAIL = re.compile(r"(?:产业集群|产业链|产业|行业|集群)")
# An enumeration that ends in an industry head: 机器人、储能、激光、半导体等战略性新兴产业.
_ENUM_TAIL = re.compile(r"等[^，。；、\n]{0,10}?(?:产业|行业|集群|领域|板块|赛道|产业链)")
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n“”\"（）()]")
# A strong alias right before these words names a project or facility, not the industry
# (现代农业综合体项目, 光伏电站).
_FACILITY_AFTER = re.compile(r"(?:综合体|项目|电站|工程)")


def _needs_context(alias: str) -> bool:
    """Short aliases are everyday words (激光, 铸造, 民宿); long ones are industry names."""
    return len(alias) <= 3


def _enumerated(body: str, start: int, end: int) -> bool:
    """Is [start, end) an item of a list that closes with 等…产业 (or 领域, 行业 …)?"""
    if not ((end < len(body) and body[end] in "、和及与") or (start > 0 and body[start - 1] in "、和及与")):
        return False
    stop = _CLAUSE_END.search(body, end)
    clause_end = stop.start() if stop else len(body)
    return bool(_ENUM_TAIL.search(body, end, clause_end))


def raw_industry_matches(body: str) -> list[re.Match[str]]:
    return list(lexicons.industry_pattern().finditer(body))


def find_industries(body: str, raw: list[re.Match[str]], companies: Sequence[Span]) -> list[Span]:
    aliases = lexicons.industry_aliases()
    out = []
    for m in raw:
        start, end, alias = m.start(), m.end(), m.group(0)
        if overlaps(start, end, companies):
            continue  # 新界泵业 is a company, 台州吉裕水产养殖有限公司 too
        if _needs_context(alias):
            if not (_INDUSTRY_HEAD.match(body, end) or _enumerated(body, start, end)):
                continue
        elif _FACILITY_AFTER.match(body, end):
            continue
        tail = _SURFACE_TAIL.match(body, end)
        if tail:
            end = tail.end()
        out.append(Span(start, end, "industry", aliases[alias]))
    return out

