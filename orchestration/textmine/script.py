"""Traditional → simplified Chinese, position for position.

Some issues arrive in traditional characters (a Big5 export, a Hong Kong or Taiwan reprint).
They are kept as printed — `articles.body` is what the page said — but the extractors, the
lexicons and jieba know simplified forms. So extraction reads a simplified *view* of the
text that has exactly the same length, character for character: every span found in the view
is a span of the original, and the original surface is `body[start:end]`.

The conversion is OpenCC's (opencc-purepy: pure Python, OpenCC's own dictionaries). Its
phrase-aware t2s is used line by line where it keeps the length (it nearly always does: 乾隆
stays 乾隆, 乾燥 becomes 干燥); a line where a phrase would change the length falls back to
OpenCC's character table, and a character that maps to more than one is left as it is.
"""
from __future__ import annotations

import functools

from opencc_purepy import OpenCC

# Share of CJK characters that OpenCC's t2s character table changes, above which a text is
# traditional: simplified issues score under 0.1 % (a stray 著 or 乾), traditional ones ~35 %.
TRADITIONAL_SHARE = 0.05
# The share is judged on the first CJK characters only: a few thousand decide it as surely as a
# whole issue does, at a fraction of the cost (OpenCC is pure Python).
SAMPLE_CJK = 3000


@functools.lru_cache(maxsize=1)
def _opencc() -> OpenCC:
    return OpenCC("t2s")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0002ffff"


@functools.lru_cache(maxsize=65536)
def _is_traditional_form(ch: str) -> bool:
    """OpenCC's character table changes `ch` (asked once per character: OpenCC is pure Python)."""
    return _opencc().ts(ch) != ch


def traditional_share(text: str) -> float:
    """Share of the (first SAMPLE_CJK) CJK characters that are traditional forms (0 when none)."""
    cjk = [ch for ch in text if _is_cjk(ch)][:SAMPLE_CJK]
    if not cjk:
        return 0.0
    return sum(1 for ch in cjk if _is_traditional_form(ch)) / len(cjk)


def is_traditional(text: str) -> bool:
    return traditional_share(text) >= TRADITIONAL_SHARE


def _char_by_char(line: str) -> str:
    cc = _opencc()
    out = cc.ts(line)
    if len(out) == len(line):
        return out
    return "".join(c if len(c := cc.ts(ch)) == 1 else ch for ch in line)


def to_simplified(text: str) -> str:
    """The simplified view of `text`: same length, the character at i is the one at i, simplified."""
    if not text:
        return text
    cc = _opencc()
    lines = text.split("\n")
    out = []
    for line in lines:
        converted = cc.t2s(line)
        out.append(converted if len(converted) == len(line) else _char_by_char(line))
    return "\n".join(out)
