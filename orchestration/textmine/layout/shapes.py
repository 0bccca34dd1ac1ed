"""Shapes of lines: what a headline, a finished paragraph, a line cut by a column break look like.

Only punctuation and length here — no word lists — so the tests hold for simplified and
traditional text alike.
"""
from __future__ import annotations

import re

CJK = r"\u3400-\u9fff"
# A paragraph is finished when it ends with a stop, possibly followed by closing quotes.
FINAL = re.compile(r"[。！？!?…；;]+[”’」』）)》〉\"']*$")
# Headlines may end with ？/！, which also closes a multi-line headline.
HEAD_CLOSER = re.compile(r"[！？!?][”’」』）)]*$")
JUMP = re.compile(r"[（(]\s*(下转|下轉|转|轉|上接|接)\s*(第?[一二三四五六七八九十百\d]+版)\s*[)）]")
# Function words a headline or subhead does not end on; a line ending on one was cut
# mid-sentence. Kept to words that cannot close a noun or verb phrase (not 要, as in 需要).
DANGLING = set("的将將把被与與及或并並而且从從给給让讓使")
OPEN_QUOTES = "“‘「『《〈（(【"

MAX_HEAD_LEN = 40  # longest headline line seen in print is ~36 characters
MAX_CAPTION_LEN = 40  # photo captions dropped into running text are one short line
LABEL_LEN = 8  # a column label/kicker is a short single phrase


def ends_final(text: str) -> bool:
    return bool(FINAL.search(text[-12:]))  # the tail only: joined paragraphs can be long


def is_heading_line(line: str) -> bool:
    """Shape of a headline/subhead/caption line: short, no full stop, not cut at a comma."""
    s = line.strip()
    if not s or len(s) > MAX_HEAD_LEN:
        return False
    if re.search(r"[。；;]", s) or s[-1] in "，、：:,；;" or s[-1] in OPEN_QUOTES:
        return False
    return s.count("，") + s.count(",") <= 1


def balanced(text: str) -> bool:
    return all(text.count(o) == text.count(c) for o, c in zip("“‘「『《（(【", "”’」』》）)】"))


def is_parallel(text: str) -> bool:
    """'紧盯链主，以商招商': two halves of equal length — the classic subhead pattern."""
    m = re.fullmatch(r"([^，,\s]{2,8})[，,]([^，,\s]{2,8})", text)
    return bool(m) and len(m.group(1)) == len(m.group(2))


def looks_cut(line: str) -> bool:
    """A short headline-shaped line that is really the start of a paragraph cut by a column
    break ('会议充分肯定过去一年台', '江金永强调，下阶段要将'), not a subhead."""
    s = line.strip()
    if not _balanced_or_empty(s) or s[-1] in DANGLING:
        return True
    if " " in s or "\u3000" in s or is_parallel(s):
        return False  # subheads are two phrases set apart by a space or a parallel comma
    return True


def _balanced_or_empty(s: str) -> bool:
    return bool(s) and balanced(s)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
