"""Places: the `ns` gazetteer of the user dictionary and the 'XX镇/街道/村' pattern."""
from __future__ import annotations

import re

from .. import lexicons
from .common import CUT_CHARS, IS_CJK, Span, overlaps

# --- places --------------------------------------------------------------------------------

_PLACE_SUFFIX = re.compile(r"街道|镇|村")
# The character before the suffix that makes a common word: 乡镇, 城镇, 小镇, 乡村, 渔村, 全村 …
NOT_BEFORE_PLACE_SUFFIX = frozenset("乡农渔全各该本城小重村集古名强市县每一两三四五个新老山海大中镇区整边")


def _pattern_places(body: str) -> list[Span]:
    """'XX镇', 'XX街道', 'XX村' (two characters before the suffix; three for a village
    printed after its town: 新河镇河头梁村)."""
    out: list[Span] = []
    for m in _PLACE_SUFFIX.finditer(body):
        s = m.start()
        if s < 2 or body[s - 1] in NOT_BEFORE_PLACE_SUFFIX:
            continue
        size = 3 if m.group(0) == "村" and s >= 4 and body[s - 4] in "镇乡道" else 2
        name = body[s - size:s]
        if not all(IS_CJK.match(c) for c in name) or any(c in CUT_CHARS for c in name):
            continue
        out.append(Span(s - size, m.end(), "place", body[s - size:m.end()]))
    return out


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Places in any text (gazetteer + 'XX镇/街道/村' pattern): (start, end, name), left to right."""
    spans = [Span(m.start(), m.end(), "place", m.group(0)) for m in lexicons.place_pattern().finditer(text)
             if not text.startswith("式", m.end())]  # 中国式现代化 is no place
    for s in _pattern_places(text):
        if not overlaps(s.start, s.end, spans):
            spans.append(s)
    return sorted((s.start, s.end, s.canonical) for s in spans)

