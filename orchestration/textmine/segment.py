"""jieba segmentation with the project's user dictionary, loaded once per process.

jieba's dictionary load costs about a second, so one `Segmenter` is built lazily per process
(`get_segmenter`) and reused for every issue and article.
"""
from __future__ import annotations

import functools
import os
import re
from collections import Counter
from pathlib import Path

import jieba

from .records import Article, Token

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
USER_DICT = LEXICON_DIR / "userdict.txt"
# Tokens that carry no meaning for search or counting.
_SKIP = re.compile(r"^[\s\W_]+$")


class Segmenter:
    def __init__(self, user_dict: Path | None = USER_DICT, cache_dir: Path | None = None) -> None:
        self._tokenizer = jieba.Tokenizer()
        # jieba caches its dictionary under /tmp by default; a shared path fails across users.
        cache = cache_dir or Path(os.environ.get("WENLING_CACHE_DIR", Path.home() / ".cache" / "wenling"))
        cache.mkdir(parents=True, exist_ok=True)
        self._tokenizer.tmp_dir = str(cache)
        self._tokenizer.initialize()
        if user_dict is not None and user_dict.exists():
            self._tokenizer.load_userdict(str(user_dict))

    def tokenize(self, article: Article) -> list[Token]:
        tokens = []
        for position, (word, start, end) in enumerate(self._tokenizer.tokenize(article.body)):
            tokens.append(Token(article.article_id, position, word, start, end))
        return tokens

    def term_counts(self, text: str) -> Counter[str]:
        """Term frequencies of the meaningful tokens of `text` (for search)."""
        return Counter(w for w in self._tokenizer.cut(text) if not _SKIP.match(w))


@functools.cache
def get_segmenter() -> Segmenter:
    return Segmenter()
