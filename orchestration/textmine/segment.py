"""Segmentation of article text into terms (for search and counting), loaded once per process.

The engine is rjieba, the binding of jieba-rs: jieba's own dictionary and algorithm (DAG +
maximum-probability route, HMM for unknown words) in Rust, ~19× faster than jieba.cut here
and ~0.1 s to load instead of ~1 s. jieba stays the reference: the user dictionary is jieba's
format (`word freq tag`, `lexicon/userdict.txt`), and tests/unit/test_segment.py checks that
both engines cut the seed issues the same way (they differ on a few HMM guesses and on runs
such as `1-9`, which jieba splits and jieba-rs keeps whole).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import rjieba

from .records import Article, Token

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
USER_DICT = LEXICON_DIR / "userdict.txt"
# Tokens that carry no meaning for search or counting.
_SKIP = re.compile(r"^[\s\W_]+$")


def read_user_dict(path: Path) -> list[tuple[str, int | None, str | None]]:
    """(word, freq, tag) of each line of a jieba user dictionary; freq and tag are optional."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        entries.append((parts[0], freq, tag))
    return entries


class Segmenter:
    def __init__(self, user_dict: Path | None = USER_DICT) -> None:
        self._engine = rjieba.Jieba()
        if user_dict is not None and user_dict.exists():
            for word, freq, tag in read_user_dict(user_dict):
                self._engine.add_word(word, freq, tag)

    def cut(self, text: str) -> list[str]:
        return self._engine.cut(text)

    def tokenize(self, article: Article) -> list[Token]:
        return [Token(article.article_id, position, word, start, end)
                for position, (word, start, end) in enumerate(self._engine.tokenize(article.body))]

    def term_counts(self, text: str) -> Counter[str]:
        """Term frequencies of the meaningful tokens of `text` (for search)."""
        return Counter(w for w in self._engine.cut(text) if not _SKIP.match(w))


@functools.cache
def get_segmenter() -> Segmenter:
    return Segmenter()
