"""A project's own investment, kept apart from the total of a batch.

Investment comes from `numbers.find_quantities` (总投资约2.2亿元) in the name's sentence, after
the name (before the next project) or before it (投资额24亿元的…产业园项目). A figure that sums a
batch is no project's: '27个项目总投资274亿元', '总投资52亿元的14个项目', 'A、B等项目总投资…'
(the members of a list never take a figure printed outside their own name).
"""
from __future__ import annotations

import re

from ..numbers import Quantity, find_quantities
from ..sentences import Sentence
from .names import Candidate

# A money figure right after 总投资 / 投资额 / 投资 …
_INVEST_KEY = re.compile(
    r"(?:计划总投资|估算总投资|总投资|投资总额|投资额|总投入|投资)(?:额)?(?:约|达|超|逾|近|为|共|合计|预计|超过)?$"
)
# 已完成投资2.3亿元, 年度计划投资42亿元: money spent so far or this year, not the total.
_SPENT = re.compile(r"(?:完成|累计|已|年度|年度计划|当年|今年|本年)$")
_MONEY = ("CNY", "USD", "EUR", "HKD")
_COUNT = r"[0-9一二三四五六七八九十两百千]+(?:多|余)?"
# A batch of projects (never a member of it: '12个重点项目之一').
BATCH_NP = re.compile(
    rf"(?:{_COUNT}(?:个|批|项)|一批|多个|这些|这批|上述|所有|全部|首批|等)[^，。；,;]{{0,12}}?项目(?!之一)"
    rf"|项目(?:共|达|有|总数)?{_COUNT}(?:个|项)|集中(?:开竣工|开工|签约|竣工|投产)"
)
# '总投资45.6亿元的12个项目': the batch follows its figure.
_BATCH_AFTER = re.compile(rf"^[^，。；,;]{{0,4}}的(?:{_COUNT}个|一批|多个)[^，。；,;]{{0,8}}?项目")


def investments(sentence: Sentence) -> list[tuple[int, Quantity]]:
    """Money figures introduced by an investment word and not summing a batch: (body offset,
    quantity)."""
    out = []
    for q in find_quantities(sentence.text):
        if q.normalized_unit not in _MONEY:
            continue
        key = _INVEST_KEY.search(sentence.text[max(0, q.start - 10):q.start])
        if not key or _SPENT.search(sentence.text[max(0, q.start - 10):q.start][:key.start()]):
            continue
        if _BATCH_AFTER.match(sentence.text[q.end:]):
            continue
        out.append((sentence.start + q.start, q))
    return out


def _batch_between(sentence: Sentence, start: int, end: int) -> bool:
    """Whether a batch is named in body[start:end] (offsets in the body)."""
    return bool(BATCH_NP.search(sentence.text[max(0, start - sentence.start):end - sentence.start]))


def assign(cand: Candidate, same_sentence: list[Candidate]) -> Quantity | None:
    """The figure after the name (before the next project), else the nearest figure before it
    when no other project sits in between (投资额24亿元的…产业园项目); never a batch's."""
    if cand.group is not None:
        return None
    figures = investments(cand.sentence)
    respective = _respectively(cand, same_sentence)
    if respective is not False:
        return respective
    others = [c.start for c in same_sentence if c is not cand]
    after = [(pos, q) for pos, q in figures if pos >= cand.end and not any(cand.end <= o < pos for o in others)]
    if after:
        pos, q = after[0]
        return None if _batch_between(cand.sentence, cand.end, pos) else q
    before = [(pos, q) for pos, q in figures if pos < cand.start and not any(pos < o < cand.start for o in others)
              and not any(o < pos for o in others)]
    if not before:
        return None
    pos, q = before[-1]
    batch = _batch_between(cand.sentence, cand.sentence.start, pos) or _batch_between(cand.sentence, pos, cand.start)
    return None if batch else q


def next_sentence_figure(sentence: Sentence) -> Quantity | None:
    """The first own figure of a following sentence that refers back to the project."""
    for pos, q in investments(sentence):
        if not _batch_between(sentence, sentence.start, pos):
            return q
    return None


def _respectively(cand: Candidate, same_sentence: list[Candidate]) -> Quantity | None | bool:
    """'A项目和B项目总投资分别为5亿元和3亿元': the i-th figure after 分别 is the i-th name's.
    False when the sentence says no 分别 after its names."""
    sent = cand.sentence
    names_end = max(c.end for c in same_sentence) - sent.start
    k = sent.text.find("分别", names_end)
    if len(same_sentence) < 2 or k < 0 or "投资" not in sent.text[names_end:k]:
        return False
    after = [q for q in find_quantities(sent.text[k:]) if q.normalized_unit in _MONEY]
    i = same_sentence.index(cand)
    return after[i] if len(after) == len(same_sentence) else None
