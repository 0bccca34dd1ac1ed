"""Per-character features for the CRF entity tagger (`crf.py`, trained by `train.py`).

Feature templates, each with one value per character (`feature_columns`); the attribute
strings 'template=value' train python-crfsuite (`sentence_features`), and `crf.py` maps the
same values to weight rows directly, without building strings. The templates:

- the character, its neighbours in a ±2 window, the character bigrams around it and the
  character types (han / digit / latin / punctuation / space) of the ±1 window;
- word boundaries: where the character sits (B/M/E/S) in its word of a dictionary
  segmentation (jieba's maximum-probability route over its dictionary, without the HMM,
  re-implemented here over `lexicon/ner_words.txt` because loading jieba itself costs a
  second per process), with the word itself when it is short, and with the word's coarse
  part-of-speech tag from jieba's dictionary (`wt`);
- dictionary names: where the character sits in the longest person, place or organisation
  name of jieba's dictionary that starts there (`d`, see `analyse`);
- entity endings ahead: the type and distance of the next word that ends names of a type
  (公司, 委员会, 大学, 路, 经理, ...; `SUFFIXES`) before any punctuation (`sx`);
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

FEATURE_VERSION = "5"
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


# jieba's part-of-speech tags, coarsened: the name-like ones kept apart (they mark entities), the
# others by their first letter (n, v, a, m, ...).
NAME_TAGS = {"nr": "nr", "nrt": "nr", "nrfg": "nr", "ns": "ns", "nt": "nt"}


def coarse_tag(tag: str) -> str:
    return NAME_TAGS.get(tag) or ("nz" if tag == "nz" else tag[:1] or "?")


@functools.cache
def word_logprobs() -> tuple[dict[str, float], float, dict[str, str], dict[str, str]]:
    """word → log P(word) (prefixes of words → _PREFIX), the log-prob of an unknown char,
    word → its coarse tag, and the words of a name-like tag → that tag (nr, ns, nt).
    The file: '#' comment lines (one of them '# total N', jieba's total count), then 'word freq tag'."""
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
    words = parts[0::3]
    freqs = [int(f) or 1 for f in parts[1::3]]
    coarse = {t: coarse_tag(t) for t in set(parts[2::3])}
    tags = dict(zip(words, [coarse[t] for t in parts[2::3]]))
    names = {w: t for w, t in tags.items() if t in ("nr", "ns", "nt") and len(w) > 1}
    log_total = math.log(total or sum(freqs))
    table = dict.fromkeys({w[:k] for w in words if len(w) > 2 for k in range(2, len(w))}, _PREFIX)
    table.update(zip(words, [math.log(f) - log_total for f in freqs]))
    return table, -log_total, tags, names


def analyse(text: str) -> tuple[list[str], list[str], list[str]]:
    """The words of the maximum-probability segmentation over the dictionary (jieba's DAG
    route, no HMM; runs of ASCII letters and digits stay together), their coarse tags ('x'
    for a Latin/digit run, '?' for an unknown word), and per character its place (B/M/E) +
    tag in the longest name-like dictionary word (nr, ns, nt) starting there, taken left to
    right whatever the segmentation chose ('-' elsewhere): jieba's dictionary knows many
    people and places that CLUENER's training lines never show."""
    table, unknown, tags, names = word_logprobs()
    get = table.get
    n = len(text)
    route = [0.0] * (n + 1)
    nxt = [0] * n
    name_end = [0] * n
    for i in range(n - 1, -1, -1):
        best = get(text[i], unknown) + route[i + 1]
        end = i + 1
        for j in range(i + 2, min(i + MAX_WORD, n) + 1):
            w = text[i:j]
            lp = get(w)
            if lp is None:
                break
            if lp < 0:
                if w in names:
                    name_end[i] = j
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
    tag_of = tags.get
    word_tags = [tag_of(w) or ("x" if w.isascii() and w.isalnum() else "?") for w in words]
    marks = ["-"] * n
    i = 0
    while i < n:
        j = name_end[i]
        if j:
            t = names[text[i:j]]
            marks[i] = "B" + t
            marks[i + 1:j - 1] = ["M" + t] * (j - i - 2)
            marks[j - 1] = "E" + t
            i = j
        else:
            i += 1
    return words, word_tags, marks


def segment(text: str) -> list[str]:
    """The words of `text` (see `analyse`)."""
    return analyse(text)[0]


# Words that end entities of a type, written from general knowledge of Chinese names of firms,
# bodies, offices and places (longest match wins). `suffix_marks` tells each character the type
# and distance of the next such ending before any punctuation: the ±2 window of the other
# templates cannot see that a long name is heading for 公司 or 委员会.
SUFFIXES = {
    "company": "公司 集团 银行 厂 店 商行 证券 保险 酒店 宾馆 商场 超市 基金 事务所 工作室 商城 餐厅 影业 传媒 置业",
    "organization": "大学 学院 学校 中学 小学 幼儿园 医院 协会 学会 研究院 研究所 中心 基金会 俱乐部 队 联盟 联合会 "
                    "商会 报社 电视台 出版社 乐队 组合 社",
    "government": "政府 局 厅 部 委 委员会 法院 检察院 办公室 办 署 人大 政协 党委 管委会 公安 支队 大队 派出所",
    "address": "省 市 区 县 镇 乡 村 街 路 道 号 楼 大厦 广场 小区 州 岛 山 湖 江 河 港 湾 门 巷 弄 社区 园区 开发区",
    "position": "长 经理 主任 总裁 董事 主席 书记 委员 总监 主管 记者 教授 院士 医生 律师 教练 队员 球员 演员 导演 "
                "代表 秘书 总理 部长 顾问 专家 分析师 研究员 工程师 老师 校长",
}
SUFFIX_MAX = 4
_SUFFIX_TYPE = {w: t for t, ws in SUFFIXES.items() for w in ws.split()}
_SUFFIX_LAST = frozenset(w[-1] for w in _SUFFIX_TYPE)
# Distance (characters ahead) → value of the `sx` template; farther than 12: none.
_DISTANCE_BUCKET = ["0", "1", "2", "3", "4", "5", "6", "6", "8", "8", "8", "8", "8"]


def suffix_marks(text: str, types: Sequence[str]) -> list[str]:
    """Per character: type + distance bucket of the nearest entity ending (`SUFFIXES`) that
    ends at or after it with no punctuation or space in between; '-' when none within 12.
    `types`: `char_types(text)`."""
    get = _SUFFIX_TYPE.get
    last = _SUFFIX_LAST
    n = len(text)
    out = ["-"] * n
    end = -1
    typ = ""
    for j in range(n - 1, -1, -1):
        if types[j] in "PS":
            end = -1
            continue
        if text[j] in last:  # (a cheap test first: few characters end a suffix)
            for k in range(min(SUFFIX_MAX, j + 1), 0, -1):
                t = get(text[j - k + 1:j + 1])
                if t:
                    end, typ = j, t
                    break
        if end >= 0 and end - j <= 12:
            out[j] = typ + _DISTANCE_BUCKET[end - j]
    return out


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


def feature_columns(text: str, gazetteer_: Gazetteer | None = None) -> list[tuple[str, list[str]]]:
    """(template, per-character values) for every feature template; the attribute of
    character i under template T is 'T=value[i]'. `gazetteer_`: the gazetteer (training
    passes jackknifed ones)."""
    words, word_tags, name_marks = analyse(text)
    if gazetteer_ is None:
        gazetteer_ = gazetteer()
    n = len(text)
    ch = ["<s2>", "<s1>", *text, "</s1>", "</s2>"]
    bigram = [a + b for a, b in zip(ch, ch[1:])]  # bigram[k] = ch[k] + ch[k+1]; text[i] is ch[i+2]
    types = char_types(text)
    ty = ["^", *types, "$"]
    wpos: list[str] = []
    wtext: list[str] = []
    wtag: list[str] = []
    for w, tag in zip(words, word_tags):
        k = len(w)
        if k == 1:
            wpos.append("S")
        else:
            wpos.append("B")
            wpos.extend("M" * (k - 2))
            wpos.append("E")
        wtext.extend([w if k <= 4 else "#" + str(min(k, 9))] * k)
        wtag.extend([tag] * k)
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
        ("wt", [p + t for p, t in zip(wpos, wtag)]),
        ("d", name_marks),
        ("sx", suffix_marks(text, types)),
    ]


def sentence_features(text: str, gazetteer_: Gazetteer | None = None) -> list[list[str]]:
    """The attribute strings of every character of `text` (python-crfsuite's input)."""
    columns = [[name + "=" + v for v in values] for name, values in feature_columns(text, gazetteer_)]
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
