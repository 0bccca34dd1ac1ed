"""Headlines: stacks of headline lines → one headline, column labels, subheads, and the title
of a story printed without a headline (its opening phrase).
"""
from __future__ import annotations

import re

from ..script import to_simplified
from .blocks import Block
from .bylines import lead_of
from .shapes import HEAD_CLOSER, LABEL_LEN, is_parallel

OPENING_MIN = 12  # an opening phrase takes clauses until it is this long ...
OPENING_MAX = 60  # ... and is cut at this length
# Numbered subheads: '一、', '（二）', '3.', '第四，'.
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|"
                       r"\d{1,2}[、.．]|第[一二三四五六七八九十]{1,3}[，,、\s])")
# Opening clauses that only set the time or place ('昨天上午', '8月2日', '12日', '在……现场'):
# a title skips them.
_POINT_TIME = re.compile(
    r"^(?:(?:\d{1,2}月)?\d{1,2}日|昨天|昨日|今天|今日|前天|当天|当日|近日|日前|近期|目前|日前)"
    r"(?:上午|下午|晚上|晚间|晚|早上|清晨|凌晨|中午|傍晚)?(?:[（(][^（()）]{1,12}[)）])?$")
_SETTING = re.compile(r"^在.{2,30}(?:上|中|里|内|现场|期间|之际|时|前|后)$")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_CLAUSE_END = re.compile(r"[，,：:]")


def units(heads: list[Block]) -> list[list[str]]:
    """Group headline blocks into headlines: single lines in a row make one headline (kicker
    + main line, two-line headline); a block set as several lines is a headline of its own;
    a line ending with ？/！ closes the headline."""
    out: list[list[str]] = []
    run: list[str] = []
    for block in heads:
        if len(block.lines) > 1:
            if run:
                out.append(run)
                run = []
            out.append(list(block.lines))
            continue
        run.append(block.lines[0])
        if HEAD_CLOSER.search(block.lines[0]):
            out.append(run)
            run = []
    if run:
        out.append(run)
    return out


def is_label(unit: list[str]) -> bool:
    """A column label or kicker ('共同富裕加速跑'): one short phrase, no space or punctuation."""
    return len(unit) == 1 and len(unit[0]) <= LABEL_LEN and re.fullmatch(r"\w+", unit[0]) is not None


def is_subhead(line: str) -> bool:
    """A subhead inside a story rather than a headline: numbered ('一、…', '（二）…') or two
    halves of equal length ('紧盯链主，以商招商')."""
    s = line.strip()
    return bool(_NUMBERED.match(s)) or is_parallel(s)


def is_section_head(line: str) -> bool:
    """A feature's section subhead: a subhead, or a short tag and a phrase set apart by a
    space ('创新突破 因地制宜发展新质生产力', '有实力 产业集群群星闪烁')."""
    parts = re.split(r"[\s\u3000]+", line.strip(), maxsplit=1)
    return is_subhead(line) or (len(parts) == 2 and 2 <= len(parts[0]) <= 4 and len(parts[1]) >= 4)


def opening_phrase(first_paragraph: str) -> str:
    """The title of a story printed without a headline: the opening clauses of its first
    sentence, after the lead and byline and clauses that only set the time or place."""
    view = to_simplified(first_paragraph)
    lead = lead_of(view)
    start = lead.end() if lead else 0
    text, view = first_paragraph[start:].strip(), view[start:].strip()
    end = _SENTENCE_END.search(view)
    sentence = text[: end.start()] if end else text
    clauses: list[str] = []
    pos = 0
    for m in list(_CLAUSE_END.finditer(view[: len(sentence)])) + [None]:
        stop = m.start() if m else len(sentence)
        clauses.append(sentence[pos: m.end() if m else stop])
        pos = m.end() if m else stop
    clauses = [c for c in clauses if c.strip()]
    views = [to_simplified(c) for c in clauses]
    while len(clauses) > 1 and (_POINT_TIME.match(views[0].rstrip("，,：: ")) or _SETTING.match(views[0].rstrip("，,：: "))):
        clauses.pop(0)
        views.pop(0)
    title = ""
    for clause in clauses:
        title += clause
        if len(title.rstrip("，,：: ")) >= OPENING_MIN:
            break
    return title.rstrip("，,：: ")[:OPENING_MAX].strip()
