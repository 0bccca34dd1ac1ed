"""Companies: full names (…有限公司, …集团, …合作社), short forms (a 2–4 character brand
before an industry word: 北平机床, 新界泵业), brands coordinated with a company (东部数控、
美戈利的…) and the brand of a full name used alone (足友, 博哥文化). A short form resolves to
the full name printed in the same article; `harmonize_company_names` does it across articles."""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Iterable

from .. import lexicons
from ..records import EntityMention
from .tagged_companies import TAGGED_TAIL, known_companies, tagged_short_forms, tagged_spans, widen_full_names
from .common import (
    CJK, COMPANY_SUFFIX, CUT_CHARS, CUT_WORDS, GENERIC_BRANDS, POLICY_VERBS, IS_CJK, Span, cjk_run_before, is_place_word, name_start, overlaps,
    place_words, places_longest_first,
)

_NOT_IN_BRAND = frozenset("的了是在与及等个年月日也都就这那其之各每该此本我你他们啊吗呢着过给把被让从向为以对将所而产使")
# --- companies -----------------------------------------------------------------------------

# Generic heads that are no name: 该公司, 子公司, 企业集团, 工厂, 电厂 …
_GENERIC_COMPANY_BODY = frozenset(
    "该 本 这家 那家 一家 多家 各 其 某 子 母 分 上市 企业 产业 国有 民营 外资 合资 你们 我们 他们 其他 相关 "
    "有关 贵 工 电 水 超级工 加工 小 大 新 老 总 这个 每家 商业 外资 电子 网上 手机 股份制商业 国有商业 "
    "中资 农村 城市 四大国有 四大 各大".split()
)
# Industry words after a brand in a short form (北平机床, 新界泵业, 利欧股份, 博哥传媒).
_SHORT_FORM_WORDS = (
    "数控 机床 泵业 电机 科技 股份 集团 激光 电器 机械 鞋业 实业 电子 微电子 光电 半导体 新材料 精工 模具 "
    "刀具 药业 制药 汽配 驱动 储能 传媒 电气 控股 塑业 鞋服 服饰 工贸 阀门 泵阀 轴承 车业 智造 芯片 "
    "食品 水产"
).split()
# Brands that are really modifiers, scopes or pronouns (温岭数控…, 高档数控…, 我市泵业).
# After a short form, these words show it was an industry phrase (数控系统, 机床产业).
_NOT_AFTER_SHORT_FORM = re.compile(
    r"(?:产业(?!园)|行业|集群|产业链|领域|板块|系统|机床|技术|装备|设备|制造|生产|加工|作坊|安全|体系|之城|之都|小镇)"
)


@functools.cache
def _short_form_re() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(_SHORT_FORM_WORDS))


def _valid_brand(brand: str) -> bool:
    if not 2 <= len(brand) <= 4 or not all(IS_CJK.match(ch) for ch in brand):
        return False
    if any(ch in _NOT_IN_BRAND for ch in brand) or brand in GENERIC_BRANDS or brand in POLICY_VERBS \
            or brand[:2] in GENERIC_BRANDS or brand[-2:] in GENERIC_BRANDS:
        return False
    if is_place_word(brand) or any(p in brand for p in place_words() if len(p) >= 2):
        return False
    everyday = lexicons.everyday_words()
    if brand in everyday or (len(brand) > 2 and (brand[:2] in everyday or brand[-2:] in everyday)):
        return False  # 做好, 承担, 翻开, 推动一批: verbs, adverbs and numerals are no brand
    return not lexicons.industry_pattern().search(brand)


def _valid_listed_name(name: str) -> bool:
    """A brand alone (美戈利), or a brand and an industry word (星港汽车)."""
    if _valid_brand(name):
        return True
    tail = TAGGED_TAIL.search(name)
    return bool(tail) and 2 <= tail.start() <= 4 and _valid_brand(name[:tail.start()])


def _full_name_companies(body: str) -> list[Span]:
    out: list[Span] = []
    for m in COMPANY_SUFFIX.finditer(body):
        run_start = cjk_run_before(body, m.start(), 30, extra="()（）·&ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        run = body[run_start:m.start()]
        if len(run) < 2:
            continue
        start = run_start + name_start(run)
        head = body[start:m.start()]
        if not _valid_company_head(head, m.group(0)):
            continue
        name = body[start:m.end()]
        out.append(Span(start, m.end(), "company", name))
    return out


def _valid_company_head(head: str, suffix: str) -> bool:
    bare = head  # the head without the places it opens with
    for place in places_longest_first():
        if bare.startswith(place) and len(bare) > len(place):
            bare = bare[len(place):]
    if len(head) < 2 or head in _GENERIC_COMPANY_BODY or bare in _GENERIC_COMPANY_BODY or is_place_word(head):
        return False
    if suffix == "厂" and (len(head) < 3 or head[-1] in "工电水车"):
        return False  # 工厂, 电厂, 水厂, 车间厂 … and two-character words ending in 厂
    if suffix in ("集团", "银行") and head in GENERIC_BRANDS:
        return False
    if head[0] in "0123456789家个" or head.endswith("企业"):
        return False  # 30家重点企业集团, 大企业集团: a kind of company, no name
    return True


def _short_form_companies(body: str, raw_industry: list[re.Match[str]], taken: list[Span]) -> list[Span]:
    out: list[Span] = []
    for m in _short_form_re().finditer(body):
        p, q = m.start(), m.end()
        run_start = cjk_run_before(body, p, 8)
        run = body[run_start:p]
        brand = _pick_brand(run)
        if not brand:
            continue
        start = p - len(brand)
        if _NOT_AFTER_SHORT_FORM.match(body, q) or overlaps(start, q, taken) or overlaps(start, q, out):
            continue
        if m.group(0) == "科技" and q < len(body) and IS_CJK.match(body[q]) and body[q] not in CUT_CHARS:
            continue  # 科技 is a noun too: 物联科技智慧…, 某某科技产城 name no company

        if any(r.start() == p and r.end() > q for r in raw_industry):
            continue  # the word goes on into a longer industry term: 激光器, 机床工具
        # an industry alias that reaches into the brand (鞋帽服饰, 激光电子, 风光电及储能)
        if any(r.start() < p and r.end() > start for r in raw_industry):
            continue
        out.append(Span(start, q, "company", body[start:q]))
    return out


def _pick_brand(run: str) -> str | None:
    """The brand at the end of `run`: all of it when 2–4 characters that do not open with a
    function word or a verb, else the shortest tail of 2–4 characters that follows one."""
    whole = run if 2 <= len(run) <= 4 and _valid_brand(run) else None
    if whole and (len(run) == 2 or not _opens_with_function_word(run)):
        return whole
    for k in (2, 3, 4):
        if len(run) <= k:
            break
        prefix, brand = run[:-k], run[-k:]
        if _ends_with_function_word(prefix) and _valid_brand(brand):
            return brand
    return whole


def _opens_with_function_word(run: str) -> bool:
    return run[0] in CUT_CHARS or run.startswith(tuple(CUT_WORDS)) or run[:2] in lexicons.everyday_words()


def _ends_with_function_word(prefix: str) -> bool:
    return prefix[-1] in CUT_CHARS or prefix.endswith(tuple(CUT_WORDS)) or prefix[-2:] in lexicons.everyday_words()


# Items of a list: 东部数控、美戈利的2项技术突破 / 北平机床的…、美戈利的…、甬岭数控的…
_CLAUSE = re.compile(r"[^，。；：！？,;:!?\n“”‘’\"]+")


def _coordinated_companies(body: str, known: list[Span]) -> list[Span]:
    """A bare 2–4 character name listed with a known company (X、Y的…) is a company too."""
    starts = {s.start for s in known}
    out: list[Span] = []
    for clause in _CLAUSE.finditer(body):
        if "、" not in clause.group(0):
            continue
        items, pos = [], clause.start()
        for part in clause.group(0).split("、"):
            items.append((pos, part))
            pos += len(part) + 1
        first_start, first = items[0]
        if len(first) > 4 and first_start not in starts:  # 集聚了清陶能源、…: the name after the verb
            cut = name_start(first)
            items[0] = (first_start + cut, first[cut:])
        if not any(start in starts for start, _ in items):
            continue
        for start, part in items:
            if start in starts:
                continue
            head = part
            for sep in "的等":  # 美戈利的…, 海斯坦普等企业
                head = head.split(sep, 1)[0]
            if head != part or len(part) <= 6:
                if _valid_listed_name(head) and not overlaps(start, start + len(head), known):
                    out.append(Span(start, start + len(head), "company", head))
    return out


@functools.cache
def _regions() -> tuple[str, ...]:
    """Administrative places a company name opens with (浙江, 台州市, 温岭 …), longest first.
    Town names stay: they are often the brand itself (新河帽业, 箬横西瓜)."""
    places = place_words()
    regions = {p for p in places if re.search(r"(省|市|县|区)$", p)}
    regions |= {p for p in places if any(p + suffix in places for suffix in "省市县区")}
    return tuple(sorted(regions, key=len, reverse=True))


def core_of(full_name: str) -> str:
    """温岭博哥文化传媒有限公司 → 博哥文化传媒; 中昊芯英(杭州)科技有限公司 → 中昊芯英;
    温岭市温岭镇力锋精密工具(浙江)有限公司 → 力锋精密工具."""
    core = COMPANY_SUFFIX.sub("", full_name)
    changed = True
    while changed:
        changed = False
        for region in _regions():
            if core.startswith(region) and len(core) > len(region) + 1:
                core, changed = core[len(region):], True
                break
        m = re.match(rf"[{CJK}]{{2,3}}(?:镇|街道|乡)", core)
        if m and len(core) > m.end() + 1:
            core, changed = core[m.end():], True
    return re.split(r"[(（]", core, maxsplit=1)[0]


def _brand_occurrences(body: str, full: list[Span], taken: list[Span]) -> list[Span]:
    """The brand of a full name used alone in the same article: 足友校园鞋, 博哥文化与…"""
    out: list[Span] = []
    words = lexicons.jieba_word_tags()
    for company in {s.canonical: s for s in full}.values():
        core = core_of(company.canonical)
        brand = core[:2]
        if len(core) < 2 or not _valid_brand(brand):
            continue
        for m in re.finditer(re.escape(brand), body):
            start = m.start()
            end = m.end()
            while end < len(body) and end - start < len(core) and body[end] == core[end - start]:
                end += 1
            if end - start == 2 and brand in words:
                continue  # a bare everyday word (西瓜, 新河) is not the company
            if _PLACE_AFTER.match(body, end) or overlaps(start, end, taken) or overlaps(start, end, out):
                continue
            out.append(Span(start, end, "company", company.canonical))
    return out


# A brand followed by these is a place name (新河镇), not the company.
_PLACE_AFTER = re.compile(r"镇|街道|村|市|县|区|乡")


def _resolve_short_forms(shorts: list[Span], full: list[Span]) -> list[Span]:
    """Give a short form the full name printed in the same article (博哥文化 → 温岭博哥文化传媒有限公司)."""
    cores = [(core_of(f.canonical), f.canonical) for f in full]
    out = []
    for s in shorts:
        canonical = s.canonical
        for core, name in cores:
            brand_len = min(len(core), 2)
            if brand_len >= 2 and s.canonical.startswith(core[:brand_len]):
                canonical = name
                break
        out.append(dataclasses.replace(s, canonical=canonical))
    return out


def _opens_clause(prefix: str) -> bool:
    return any(c in CUT_CHARS for c in prefix) or any(w in prefix for w in CUT_WORDS)


def find_companies(body: str, raw_industry: list[re.Match[str]]) -> list[Span]:
    tagged = tagged_spans(body)
    full = widen_full_names(body, _full_name_companies(body), tagged, _opens_clause)
    shorts = _short_form_companies(body, raw_industry, full)
    shorts += tagged_short_forms(body, tagged, full + shorts, _valid_brand)
    shorts += known_companies(body, full + shorts)
    coordinated = _coordinated_companies(body, full + shorts)
    brands = _brand_occurrences(body, full, full + shorts + coordinated)
    return full + _resolve_short_forms(shorts + coordinated, full) + brands



def harmonize_company_names(mentions: Iterable[EntityMention]) -> list[EntityMention]:
    """Across articles, give a short company name the full name printed anywhere in the set
    (利欧股份 stays 利欧股份 until 利欧集团股份有限公司 is seen; then every mention takes it)."""
    mentions = list(mentions)
    full_names = {m.canonical_name for m in mentions if m.entity_type == "company" and COMPANY_SUFFIX.search(m.canonical_name)}
    cores = sorted(((core_of(n), n) for n in full_names), key=lambda c: -len(c[0]))
    out = []
    for m in mentions:
        if m.entity_type == "company" and m.canonical_name not in full_names:
            for core, name in cores:
                if len(core) >= 2 and m.canonical_name.startswith(core[:2]):
                    m = dataclasses.replace(m, canonical_name=name)
                    break
        out.append(m)
    return out
