"""Per-character features for the CRF entity tagger (`crf.py`, trained by `train.py`).

Feature templates, each with one value per character (`feature_columns`); the attribute
strings 'template=value' train python-crfsuite (`sentence_features`), and `crf.py` maps the
same values to weight rows directly, without building strings. The templates:

- the character, its neighbours in a ±2 window, the character bigrams around it and the
  character types (han / digit / latin / punctuation / space) of the ±1 window;
- word boundaries: where the character sits (B/M/E/S) in its word of a dictionary
  segmentation (jieba's maximum-probability route over its dictionary, without the HMM,
  re-implemented here over `lexicon/ner_words.txt` because loading jieba itself costs a
  second per process), with the word itself when it is short;
- character clusters: the k-means class of the character and of its two neighbours, over
  character embeddings learned from co-occurrence counts (`lexicon/ner_char_clusters.tsv`,
  built by `train.py`), which let the model generalise from seen to unseen characters
  (the syllables of a transliterated name, the characters of given names);
- gazetteer: where the character sits (B/M/E) in the longest match of a known entity, with
  that entity's type: the surfaces annotated in the training folds (`lexicon/ner_gazetteer.tsv`,
  built by `train.py`, which trains on jackknifed gazetteers so the model learns how far
  to trust one).

Training and tagging share this module, so a model is only valid with the feature code it
was trained with: `FEATURE_VERSION` is stored in the model's metadata and checked on load.
"""
from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Iterable, Sequence

FEATURE_VERSION = "4"
LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
WORDS_FILE = LEXICON_DIR / "ner_words.txt"
CLUSTERS_FILE = LEXICON_DIR / "ner_char_clusters.tsv"
GAZETTEER_FILE = LEXICON_DIR / "ner_gazetteer.tsv"
MAX_ENTITY = 16
MAX_WORD = 6
_PREFIX = 1.0  # marks a dictionary key that is only a prefix of words (real entries are log-probs < 0)


def _char_type(c: str) -> str:
    if "\u4e00" <= c <= "\u9fff":
        return "H"
    if c.isdigit():
        return "D"
    if c.isalpha():
        return "L"
    if c.isspace():
        return "S"
    return "P"


_TYPE_CACHE: dict[str, str] = {}


def char_types(text: str) -> list[str]:
    cache = _TYPE_CACHE
    out = []
    for c in text:
        t = cache.get(c)
        if t is None:
            t = cache[c] = _char_type(c)
        out.append(t)
    return out


@functools.cache
def word_logprobs() -> tuple[dict[str, float], float]:
    """word → log P(word) (prefixes of words → _PREFIX), and the log-prob of an unknown char.
    The file: '#' comment lines (one of them '# total N', jieba's total count), then 'word freq'."""
    raw = WORDS_FILE.read_text(encoding="utf-8")
    body = 0
    total = 0
    while raw.startswith("#", body):  # the header
        end = raw.index("\n", body) + 1
        line = raw[body:end].split()
        if line[1:2] == ["total"]:
            total = int(line[2])
        body = end
    parts = raw[body:].split()
    words = parts[0::2]
    freqs = [int(f) or 1 for f in parts[1::2]]
    log_total = math.log(total or sum(freqs))
    table = dict.fromkeys({w[:k] for w in words if len(w) > 2 for k in range(2, len(w))}, _PREFIX)
    table.update(zip(words, [math.log(f) - log_total for f in freqs]))
    return table, -log_total


def segment(text: str) -> list[str]:
    """Maximum-probability segmentation over the dictionary (jieba's DAG route, no HMM);
    runs of ASCII letters and digits stay together."""
    table, unknown = word_logprobs()
    get = table.get
    n = len(text)
    route = [0.0] * (n + 1)
    nxt = [0] * n
    for i in range(n - 1, -1, -1):
        best = get(text[i], unknown) + route[i + 1]
        end = i + 1
        for j in range(i + 2, min(i + MAX_WORD, n) + 1):
            lp = get(text[i:j])
            if lp is None:
                break
            if lp < 0:
                score = lp + route[j]
                if score > best:
                    best, end = score, j
        route[i] = best
        nxt[i] = end
    words = []
    i = 0
    ascii_run = ""
    while i < n:
        j = nxt[i]
        w = text[i:j]
        if j == i + 1 and w.isascii() and w.isalnum():
            ascii_run += w
        else:
            if ascii_run:
                words.append(ascii_run)
                ascii_run = ""
            words.append(w)
        i = j
    if ascii_run:
        words.append(ascii_run)
    return words


@functools.cache
def char_clusters() -> dict[str, str]:
    """char → its cluster id (characters never seen have none)."""
    out: dict[str, str] = {}
    if not CLUSTERS_FILE.exists():
        return out
    with CLUSTERS_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and len(parts[0]) == 1 and parts[1].isdigit():
                out[parts[0]] = parts[1]
    return out


class Gazetteer:
    """Known entity surfaces (2 to MAX_ENTITY characters) → type, matched longest first."""

    def __init__(self, entries: dict[str, str]):
        table: dict[str, str] = {}
        for surface, typ in entries.items():
            if 2 <= len(surface) <= MAX_ENTITY and typ:
                for k in range(2, len(surface)):
                    table.setdefault(surface[:k], "")
                table[surface] = typ
        self._table = table

    @classmethod
    def load(cls, path: Path) -> "Gazetteer":
        entries = {}
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    surface, sep, typ = line.rstrip("\n").rpartition("\t")
                    if sep and surface and not line.startswith("# "):
                        entries[surface] = typ
        return cls(entries)

    def marks(self, text: str) -> list[str]:
        """Per character: 'B'/'M'/'E' + type inside the longest (then leftmost) match that
        overlaps no longer one, '-' elsewhere."""
        get = self._table.get
        n = len(text)
        found = []
        for i in range(n - 1):
            for j in range(i + 2, min(i + MAX_ENTITY, n) + 1):
                typ = get(text[i:j])
                if typ is None:
                    break
                if typ:
                    found.append((i - j, i, j, typ))
        out = ["-"] * n
        if found:
            found.sort()
            for _, i, j, typ in found:
                if all(m == "-" for m in out[i:j]):
                    out[i] = "B" + typ
                    out[i + 1:j - 1] = ["M" + typ] * (j - i - 2)
                    out[j - 1] = "E" + typ
        return out


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer.load(GAZETTEER_FILE)


def feature_columns(text: str, words: Sequence[str] | None = None,
                    gazetteer_: Gazetteer | None = None) -> list[tuple[str, list[str]]]:
    """(template, per-character values) for every feature template; the attribute of
    character i under template T is 'T=value[i]'. `words`: the segmentation of `text`;
    `gazetteer_`: the gazetteer (training passes jackknifed ones)."""
    if words is None:
        words = segment(text)
    if gazetteer_ is None:
        gazetteer_ = gazetteer()
    n = len(text)
    ch = ["<s2>", "<s1>", *text, "</s1>", "</s2>"]
    bigram = [a + b for a, b in zip(ch, ch[1:])]  # bigram[k] = ch[k] + ch[k+1]; text[i] is ch[i+2]
    ty = ["^", *char_types(text), "$"]
    wpos: list[str] = []
    wtext: list[str] = []
    for w in words:
        k = len(w)
        if k == 1:
            wpos.append("S")
        else:
            wpos.append("B")
            wpos.extend("M" * (k - 2))
            wpos.append("E")
        wtext.extend([w if k <= 4 else "#" + str(min(k, 9))] * k)
    wq = ["^", *wpos, "$"]
    clusters = char_clusters()
    mid = ["^", *(clusters.get(c, "-") for c in text), "$"]
    return [
        ("c0", list(text)),
        ("c-1", ch[1:n + 1]),
        ("c1", ch[3:n + 3]),
        ("c-2", ch[0:n]),
        ("c2", ch[4:n + 4]),
        ("b-2", bigram[0:n]),
        ("b-1", bigram[1:n + 1]),
        ("b0", bigram[2:n + 2]),
        ("b1", bigram[3:n + 3]),
        ("s", [a + b for a, b in zip(ch[1:n + 1], ch[3:n + 3])]),
        ("t", [a + b + c for a, b, c in zip(ty, ty[1:], ty[2:])]),
        ("wp", wpos),
        ("wpc", [p + c for p, c in zip(wpos, text)]),
        ("wpn", [a + b + c for a, b, c in zip(wq, wq[1:], wq[2:])]),
        ("w", wtext),
        ("k0", mid[1:n + 1]),
        ("k-1", mid[0:n]),
        ("k1", mid[2:n + 2]),
        ("g", gazetteer_.marks(text)),
    ]


def sentence_features(text: str, words: Sequence[str] | None = None,
                      gazetteer_: Gazetteer | None = None) -> list[list[str]]:
    """The attribute strings of every character of `text` (python-crfsuite's input)."""
    columns = [[name + "=" + v for v in values] for name, values in feature_columns(text, words, gazetteer_)]
    return [list(f) for f in zip(*columns)]


def spans_to_tags(n: int, spans: Iterable[tuple[str, int, int]]) -> list[str]:
    """(type, start, end_inclusive) spans → BIOES tags (overlaps: the longer, earlier span wins)."""
    tags = ["O"] * n
    for typ, start, end in sorted(spans, key=lambda s: (s[1], -s[2])):
        if any(t != "O" for t in tags[start:end + 1]):
            continue
        if start == end:
            tags[start] = "S-" + typ
        else:
            tags[start] = "B-" + typ
            for k in range(start + 1, end):
                tags[k] = "I-" + typ
            tags[end] = "E-" + typ
    return tags


def tags_to_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """BIOES tags → (type, start, end_inclusive). The CRF rarely emits an ill-formed sequence;
    when it does, a B/I run that stops early still ends where it stops, and a stray E or I
    begins a span of its own."""
    spans = []
    start = None
    typ = None
    for i, tag in enumerate(tags):
        if tag == "O":
            if start is not None:
                spans.append((typ, start, i - 1))
            start = typ = None
            continue
        kind, t = tag[0], tag[2:]
        if kind == "S":
            if start is not None:
                spans.append((typ, start, i - 1))
            spans.append((t, i, i))
            start = typ = None
        elif kind == "B" or start is None or t != typ:
            if start is not None:
                spans.append((typ, start, i - 1))
            start, typ = i, t
            if kind == "E":
                spans.append((t, i, i))
                start = typ = None
        elif kind == "E":
            spans.append((typ, start, i))
            start = typ = None
    if start is not None:
        spans.append((typ, start, len(tags) - 1))
    return spans
