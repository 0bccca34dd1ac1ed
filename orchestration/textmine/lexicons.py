"""The lexicon files under `lexicon/`, read once per process.

- the industry taxonomy (`industries.csv`, the county's clusters, users extend it; the national
  classifications in `industry_*.csv`): read by `industry_taxonomy.py`, seen here as aliases;
- `userdict.txt` (jieba's `word freq pos`): domain words that segmentation must keep whole.
  Its tags double as small gazetteers: `ns` rows are place names, `nt` rows organisations.
- jieba's own dictionary, for the part of speech of everyday words (a verb is no brand name).

Everything here is cached (`functools.cache`), so callers may ask as often as they like.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Iterable

import jieba

from . import industry_taxonomy

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
USER_DICT = LEXICON_DIR / "userdict.txt"


@dataclasses.dataclass(frozen=True)
class UserDictEntry:
    word: str
    freq: int | None
    pos: str | None


@functools.cache
def industry_aliases() -> dict[str, str]:
    """Every surface form of the industry taxonomy → its canonical name (the generic words that
    name no one industry, 制造业, 新兴产业, left out)."""
    generic = industry_taxonomy.generic_words()
    return {w: e.canonical for w, e in industry_taxonomy.entries().items() if w not in generic}


@functools.cache
def industry_canonicals() -> frozenset[str]:
    return frozenset(industry_aliases().values())


def read_user_dict(path: Path) -> tuple[UserDictEntry, ...]:
    """The entries of a jieba user dictionary (`word [freq] [tag]` a line; # comments)."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        pos = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        entries.append(UserDictEntry(parts[0], freq, pos))
    return tuple(entries)


@functools.cache
def user_dict_entries() -> tuple[UserDictEntry, ...]:
    return read_user_dict(USER_DICT)


@functools.cache
def words_tagged(pos: str) -> frozenset[str]:
    """User-dictionary words with this part-of-speech tag (ns: places, nt: organisations)."""
    return frozenset(e.word for e in user_dict_entries() if e.pos == pos)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that prefers the longest word at each position."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)) if w)


@functools.cache
def industry_pattern() -> re.Pattern[str]:
    """One regex over every industry alias, longest first."""
    return re.compile(alternation(industry_aliases()))


@functools.cache
def place_pattern() -> re.Pattern[str]:
    return re.compile(alternation(words_tagged("ns")))


@functools.cache
def organization_pattern() -> re.Pattern[str]:
    return re.compile(alternation(words_tagged("nt")))


# jieba tags of words that cannot be a company's brand: verbs, adverbs, adjectives, pronouns,
# conjunctions, prepositions, particles, idioms, time and measure words.
_NON_NAME_TAGS = frozenset("v vd vn d a ad an c p r u y l i z t q".split())


@functools.cache
def jieba_word_tags() -> dict[str, str]:
    """Two- to four-character words of jieba's dictionary → their part-of-speech tag."""
    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    tags: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and 2 <= len(parts[0]) <= 4:
                # common numerals (一批, 多家) count as everyday words, rare brand-like ones (大元) not
                tags[parts[0]] = "m!" if parts[2] == "m" and int(parts[1]) >= 100 else parts[2]
    return tags


@functools.cache
def everyday_words() -> frozenset[str]:
    """Words that jieba's dictionary tags as anything but a noun or name (verbs, adverbs,
    adjectives, pronouns, time words, common numerals …): they are never a brand."""
    return frozenset(w for w, tag in jieba_word_tags().items() if tag in _NON_NAME_TAGS or tag == "m!")
