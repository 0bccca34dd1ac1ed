"""The industry taxonomy: the county's clusters and the national classifications, as data.

Four files under `lexicon/`, read once per process:

- `industries.csv` (`canonical,alias,taxonomy_code`): the county's own clusters (泵与电机 …),
  which users extend; their names win;
- `industry_common.csv`: industries papers name that neither standard has as one class
  (电子商务, 低空经济 …), each placed at the nearest class;
- `industry_gbt4754.csv`: 国民经济行业分类 GB/T 4754-2017 (门类, 大类, the 中类 county
  papers name), codes `GB4754:…`;
- `industry_sei2018.csv`: 战略性新兴产业分类(2018), codes `SEI2018:…`;
- `industry_generic.txt`: words that name no one industry (制造业, 新兴产业 …).

The taxonomy files have `code,level,name,canonical,aliases,narrower`: `aliases` are other
words for the canonical; each `narrower` word is a kind printed on its own (锻造 under 铸造及
其他金属制品制造), so it keeps its own name under that code. A surface resolves to a
canonical name only when it is that name, or a synonym of it: other places' industries are
never forced onto a broader or a neighbouring name (scorers and users compare names).
"""
from __future__ import annotations

import csv
import dataclasses
import functools
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
COUNTY_CSV = LEXICON_DIR / "industries.csv"
COMMON_CSV = LEXICON_DIR / "industry_common.csv"
GBT4754_CSV = LEXICON_DIR / "industry_gbt4754.csv"
SEI2018_CSV = LEXICON_DIR / "industry_sei2018.csv"
GENERIC_TXT = LEXICON_DIR / "industry_generic.txt"

# GB/T 4754 门类 of services and public bodies: their words (教育, 物业服务, 养老服务) are
# everyday words too, so they count only in an industry context.
_SERVICE_SECTIONS = frozenset("EFGHIJKLMNOPQRST")


@dataclasses.dataclass(frozen=True)
class Entry:
    canonical: str
    code: str | None  # GB4754:36, SEI2018:6.5 …; None for a county cluster not placed
    county: bool  # from the county's own file
    service: bool  # under a service or public 门类: needs an industry context


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(fh)
                if not (row.get(next(iter(row))) or "").lstrip().startswith("#")]


def _split(cell: str) -> list[str]:
    return [w.strip() for w in cell.split("|") if w.strip()]


def _section(code: str) -> str | None:
    """GB/T 4754 门类 of a code (A, C …), from its 大类 number; None outside GB/T 4754."""
    if code.startswith("SEI2018:"):
        return None
    num = code.removeprefix("GB4754:")
    if num[:1].isalpha():
        return num[:1]
    try:
        major = int(num.split("-")[0][:2])
    except ValueError:
        return None
    bounds = [(5, "A"), (12, "B"), (43, "C"), (46, "D"), (50, "E"), (52, "F"), (60, "G"), (62, "H"), (65, "I"),
              (69, "J"), (70, "K"), (72, "L"), (75, "M"), (79, "N"), (82, "O"), (83, "P"), (85, "Q"), (90, "R"),
              (96, "S"), (97, "T")]
    return next((s for top, s in bounds if major <= top), None)


def _county() -> dict[str, Entry]:
    rows = _rows(COUNTY_CSV)
    codes: dict[str, str] = {}
    for row in rows:
        if row.get("taxonomy_code"):
            codes.setdefault(row["canonical"], row["taxonomy_code"])
    out: dict[str, Entry] = {}
    for row in rows:
        canonical = row.get("canonical", "")
        if not canonical:
            continue
        entry = Entry(canonical, codes.get(canonical), county=True, service=False)
        out.setdefault(canonical, entry)
        if row.get("alias"):
            out.setdefault(row["alias"], entry)
    return out


def _taxonomy(path: Path, prefix: str) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for row in _rows(path):
        code = row.get("code", "")
        if not code or not row.get("canonical"):
            continue
        code = code if ":" in code else prefix + code
        service = prefix == "GB4754:" and _section(code) in _SERVICE_SECTIONS
        entry = Entry(row["canonical"], code, county=False, service=service)
        for word in [row["canonical"], *_split(row.get("aliases", ""))]:
            out.setdefault(word, entry)
        for word in _split(row.get("narrower", "")):
            out.setdefault(word, Entry(word, code, county=False, service=service))
    return out


@functools.cache
def entries() -> dict[str, Entry]:
    """Surface form → entry; the county's file first, then the common names, GB/T 4754, SEI 2018."""
    out: dict[str, Entry] = {}
    for part in (_county(), _taxonomy(COMMON_CSV, ""), _taxonomy(GBT4754_CSV, "GB4754:"),
                 _taxonomy(SEI2018_CSV, "SEI2018:")):
        for word, entry in part.items():
            out.setdefault(word, entry)
    return out


@functools.cache
def generic_words() -> frozenset[str]:
    lines = GENERIC_TXT.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


# Words before an industry that only say which part of it (传统渔业, 本地纺织, 特色农业 is a
# listed name): dropped to resolve, as the industry is the same.
_WEAK_MODIFIERS = ("传统", "本地", "当地", "本土", "地方", "县域", "优势", "主导", "重点", "特色", "支柱", "骨干")
# Words after an industry that only say which side of it (汽车制造相关, 纺织类).
_WEAK_TAILS = ("相关", "类", "方面", "等")


def strip_weak(word: str) -> str:
    """The word without the weak modifiers before it and the weak words after it."""
    changed = True
    while changed:
        changed = False
        for m in _WEAK_MODIFIERS:
            if word.startswith(m) and len(word) - len(m) >= 2:
                word, changed = word[len(m):], True
        for t in _WEAK_TAILS:
            if word.endswith(t) and len(word) - len(t) >= 2:
                word, changed = word[: -len(t)], True
    return word


# Heads after which a word still names the same industry: 纺织业, 汽车制造, 激光装备.
_SAME_HEADS = ("产业", "行业", "业", "制造", "制造业", "加工", "加工业", "生产")


def lookup(word: str) -> Entry | None:
    """Exact: the word or, stripped of weak modifiers and heads, a listed word."""
    table = entries()
    if word in table:
        return table[word]
    bare = strip_weak(word)
    if bare in table:
        return table[bare]
    for head in sorted(_SAME_HEADS, key=len, reverse=True):
        if bare.endswith(head) and len(bare) - len(head) >= 2 and bare[: -len(head)] in table:
            return table[bare[: -len(head)]]
    return None


# The most characters a modifier may add before a listed head (高端纺织, 智能家电, 绿色化工).
MAX_MODIFIER = 3


def resolve(word: str) -> Entry | None:
    """A word found by pattern (高端纺织, 汽车制造相关, 智能家电) → its entry: exact or alias
    (`lookup`), else by its head noun — the longest listed word it ends with, after a modifier
    of at most MAX_MODIFIER characters. A county cluster takes its modifiers in (高档数控机床
    is 金属切削数控机床); a national class keeps the word as printed for its name (高端纺织
    stays 高端纺织, placed under 纺织's code). None if neither."""
    found = lookup(word)
    if found:
        return found
    bare = strip_weak(word)
    table = entries()
    for i in range(1, min(len(bare) - 1, MAX_MODIFIER + 1)):
        head = table.get(bare[i:])
        if head and head.county:
            return head
        if head and head.code:
            return Entry(bare, head.code, county=False, service=head.service)
    return None
