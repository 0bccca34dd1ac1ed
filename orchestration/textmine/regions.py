"""Administrative regions named in any Chinese text, and the region an article or issue is about.

A county paper's figures are about its own county (我市, 全市), about the towns in it (XX镇 —
found by entities.py) and about the cities, provinces and districts it compares itself with
(诸暨, 萧山区, 浙江). This module knows every province, prefecture and county of China
(`lexicon/regions.tsv`, with the adcode hierarchy), so

* `find_regions(text)` finds them, printed in full (诸暨市, 萧山区) or short (诸暨, 萧山) —
  short only where the short name is not an everyday word (合作, 资源, 城区 …);
* `home_region(texts)` says which county or city a set of texts is mostly about: what 我市 /
  全区 / 全县 stand for when the article itself does not say;
* `province_of(region)` gives the province 全省 / 我省 refers to.
"""
from __future__ import annotations

import collections
import dataclasses
import functools
import re
from typing import Iterable

from . import lexicons

REGIONS_TSV = lexicons.LEXICON_DIR / "regions.tsv"

# Suffixes a short name drops, longest first per level; an ethnic autonomous name (…族自治州)
# keeps its full form only.
_SUFFIXES = {
    "province": ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"),
    "prefecture": ("地区", "盟", "市"),
    "county": ("市", "县", "区", "旗"),
}
# Full names that are everyday words in news text (城区 of 百强城区, 郊区, 矿区 …).
_COMMON_FULL = frozenset({"城区", "郊区", "矿区", "东区", "西区", "新区", "市中区", "城中区", "城北区", "城东区",
                          "城西区", "城南区", "开发区", "高新区", "港口区", "白云区", "新华区", "和平区",
                          "新城区", "东海县", "和县"})
# Short names that are ordinary words of news text more often than the county (东海 the sea,
# 新城 a new town, 大兴 of 大兴调研之风, 城东 the east of any town).
_COMMON_SHORT = frozenset({"新城", "东海", "兴隆", "同心", "大兴", "海港", "滨海", "城东", "城西", "城南", "城北",
                           "城中", "新华", "和平", "长安", "江山", "新区", "白云", "普陀", "南山", "金山", "青山",
                           "大同", "太湖", "台前", "新建", "太平", "永和", "宝山", "东山", "西湖", "东湖", "河口", "江北", "江南"})
# After the name, the start of a town's name (新河镇, 城东街道): the town, not the county.
_TOWN_AFTER = re.compile(r"镇|乡|街道|村|社区")
# jieba tags of words that are names (of places or people) rather than everyday words.
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg"})
# A short name that jieba knows this often under another tag is an everyday word (合作 市, 资源 县).
_COMMON_FREQ = 500
# Administrative level a scope word refers to.
LEVEL_WORDS = {"市": ("county", "prefecture"), "区": ("county",), "县": ("county",), "省": ("province",)}


@dataclasses.dataclass(frozen=True)
class Region:
    code: str  # 6-digit adcode
    name: str  # full name: 诸暨市
    short: str  # 诸暨 (the full name when no suffix can be dropped)
    level: str  # province | prefecture | county

    @property
    def kind(self) -> str:
        """The scope word that stands for it: 市, 区, 县 or 省 (我市, 全区, 全县, 全省)."""
        if self.level == "province":
            return "省"
        for suffix in ("区", "县", "旗"):
            if self.name.endswith(suffix):
                return "县" if suffix == "旗" else suffix
        return "市"


@dataclasses.dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    region: Region


def _short(name: str, level: str) -> str:
    if "族" in name:
        return name
    for suffix in _SUFFIXES[level]:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@functools.cache
def all_regions() -> tuple[Region, ...]:
    out = []
    for line in REGIONS_TSV.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "adcode")):
            continue
        code, name, level = line.split("\t")
        out.append(Region(code, name, _short(name, level), level))
    return tuple(out)


@functools.cache
def _by_code() -> dict[str, Region]:
    return {r.code: r for r in all_regions()}


def _is_everyday(word: str) -> bool:
    tag = lexicons.jieba_word_tags().get(word)
    freq = word_freq().get(word, 0)
    return tag is not None and tag not in _NAME_TAGS and freq >= _COMMON_FREQ


@functools.cache
def word_freq() -> dict[str, int]:
    import jieba  # already loaded by lexicons; only the dictionary file is read here
    from pathlib import Path

    freq: dict[str, int] = {}
    with (Path(jieba.__file__).resolve().parent / "dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and 2 <= len(parts[0]) <= 4:
                freq[parts[0]] = int(parts[1])
    return freq


@functools.cache
def _surfaces() -> dict[str, Region]:
    """Printed form → region. A form two regions share (鼓楼区) goes to the higher level, then
    the first code; full names win over another region's short name."""
    order = {"province": 0, "prefecture": 1, "county": 2}
    ranked = sorted(all_regions(), key=lambda r: (order[r.level], r.code))
    out: dict[str, Region] = {}
    for r in ranked:
        if r.name not in _COMMON_FULL:
            out.setdefault(r.name, r)
    for r in ranked:
        if r.short != r.name and r.short not in out and r.short not in _COMMON_SHORT and not _is_everyday(r.short):
            out[r.short] = r
    return out


@functools.cache
def _lengths_by_first_char() -> dict[str, tuple[int, ...]]:
    """First character → lengths of the printed forms it opens, longest first (a dictionary
    scan is far faster than one regex over 6,000 names)."""
    by_char: dict[str, set[int]] = {}
    for word in _surfaces():
        by_char.setdefault(word[0], set()).add(len(word))
    return {c: tuple(sorted(n, reverse=True)) for c, n in by_char.items()}


def _scan(text: str):
    """Longest printed form at each position, left to right, not overlapping."""
    table, lengths = _surfaces(), _lengths_by_first_char()
    i, n = 0, len(text)
    while i < n - 1:
        for size in lengths.get(text[i], ()):
            word = text[i:i + size]
            if len(word) == size and word in table:
                yield i, i + size, word
                i += size
                break
        else:
            i += 1


def find_regions(text: str) -> list[RegionMention]:
    return list(_find_regions(text))


# A short name right after an amount is a noun of the sentence, not a place (突破10亿元大关).
_AFTER_AMOUNT = re.compile(r"[0-9０-９][0-9０-９.]*(?:[万亿千百]?元|[万亿]|%|个|家|项|吨|台|人)$")


@functools.lru_cache(maxsize=512)
def _find_regions(text: str) -> tuple[RegionMention, ...]:
    """Every province, prefecture or county named in `text`, left to right. A short name
    counts only as a word of its own (not 章贡 of 文章贡献, 乐业 of 安居乐业) and not as the
    head of a town's name (新河镇); printed with a newer suffix (海安市 for 海安县) it takes it."""
    table = _surfaces()
    out: list[RegionMention] = []
    bounds: set[int] | None = None
    for start, end, word in _scan(text):
        region = table[word]
        if len(word) <= 2 and not (word == region.short != region.name):  # 和县 of 市和县
            bounds = bounds if bounds is not None else _token_bounds(text)
            if start not in bounds or end not in bounds:
                continue
        elif word == region.short != region.name:
            if _TOWN_AFTER.match(text, end) or _AFTER_AMOUNT.search(text, 0, start):
                continue
            if text[end: end + 1] in ("市", "县", "区") and not text.startswith(("市场", "市民", "区域", "县域"), end):
                end += 1
            else:
                bounds = bounds if bounds is not None else _token_bounds(text)
                if start not in bounds or end not in bounds:
                    continue
        out.append(RegionMention(start, end, region))
    return tuple(out)


def _token_bounds(text: str) -> set[int]:
    from .segment import get_segmenter

    bounds = {0, len(text)}
    for _, start, end in get_segmenter()._engine.tokenize(text):
        bounds.update((start, end))
    return bounds


def parent_of(region: Region) -> Region | None:
    if region.level == "county":
        return _by_code().get(region.code[:4] + "00") or _by_code().get(region.code[:2] + "0000")
    if region.level == "prefecture":
        return _by_code().get(region.code[:2] + "0000")
    return None


def province_of(region: Region) -> Region | None:
    return region if region.level == "province" else _by_code().get(region.code[:2] + "0000")


def fits(region: Region, scope: str) -> bool:
    """Does 我{scope} (市, 区, 县, 省) fit this region? A district is 全区, a county-level city
    or a prefecture 全市, a province 全省."""
    if scope == "省":
        return region.level == "province"
    if region.level == "province":
        return False
    if scope == "市":
        return region.kind == "市" or region.level == "prefecture"
    return region.kind == scope


def home_region(texts: Iterable[str], scope: str | None = None, min_mentions: int = 2) -> Region | None:
    """The region the texts name most often (at least `min_mentions` times), counties and
    cities before provinces; with `scope`, only one that fits 我{scope}."""
    counts: collections.Counter[Region] = collections.Counter()
    for text in texts:
        for m in find_regions(text):
            if m.region.level != "province" or scope == "省":
                counts[m.region] += 1
    ranked = [(n, r) for r, n in counts.most_common() if scope is None or fits(r, scope)]
    if not ranked or ranked[0][0] < min_mentions:
        return None
    return ranked[0][1]
