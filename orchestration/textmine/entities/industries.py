"""Industries: words of the taxonomy (`industry_taxonomy.py`) and names found by pattern.

Three passes, longest span first where they meet:

1. by pattern — the name before an industry head (XX产业集群, XX产业链, XX产业, XX行业,
   XX板块), cut after the verb or function word that opens it and stripped of scope words
   (我市, 全市, 一批, 千亿级); resolved to the taxonomy (exact, alias, or its head noun:
   高端纺织 is placed under 纺织 and keeps its name). A name the taxonomy cannot place is still
   an industry after 产业/行业/产业集群/产业链 (数字能源产业), without a code;
2. items of a list that closes with 等…产业 (氢能、储能等产业新方向), once one item
   is a listed industry;
3. every listed word in the text: a short one (≤ 3 characters: 激光, 储能, 铸造) and a service
   word (教育, 物流) only in an industry context (激光产业, 制鞋企业, 规上产值, a list closing
   with 等…产业); a word inside a company name (新界泵业) is the company's.

Generic words (产业, 制造业, 新兴产业 …: `lexicon/industry_generic.txt`) are never an industry.
"""
from __future__ import annotations

import functools
import re
from typing import Sequence

from .. import industry_taxonomy as taxonomy
from .. import lexicons
from .common import POLICY_VERBS, CUT_CHARS, IS_CJK, Span, cjk_run_before, is_place_word, name_start, overlaps, starts_with_place

# Words that make a short word an industry: 激光产业, 制鞋企业, 泵业重镇, 新材料规上产值.
_INDUSTRY_HEAD = re.compile(
    r"(?:装备|制造|加工|生产|设备)?(?:产业集群|产业链|产业|行业|集群|企业|领域|板块|赛道|重镇|之乡|之都|大县|强县|强镇|"
    r"规上|产值|增加值|营收|业(?![务绩主态内界余已经])|经济(?!开发))"
)
# A head that may extend the surface of any industry mention (数控机床产业集群).
_SURFACE_TAIL = re.compile(r"(?:产业集群|全产业链|产业链|产业|行业|集群)")
# An enumeration that ends in an industry head: 机器人、储能、激光、半导体等战略性新兴产业.
# An enumeration that ends in an industry head: 机器人、储能、激光、半导体等战略性新兴产业,
# 纺织、新材料、电子信息三大千亿级产业集群.
_LIST_CLOSE = r"(?:等|[0-9一二两三四五六七八九十]+(?:大|个|类|项))"
_ENUM_TAIL = re.compile(_LIST_CLOSE + r"[^，。；、\n]{0,10}?(?:产业|行业|集群|领域|板块|赛道|产业链)")
# Of those, the heads that make an unlisted item an industry (领域 and 板块 close lists of anything).
_STRONG_ENUM_TAIL = re.compile(_LIST_CLOSE + r"[^，。；、\n]{0,10}?(?:产业|行业|集群|赛道|产业链)")
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n“”\"（）()]")
# A listed word right before these names a project or facility, not the industry
# (现代农业综合体项目, 光伏电站).
_FACILITY_AFTER = re.compile(r"(?:综合体|项目|电站|工程|园区|小镇)")
# Heads a name is found before (pass 1); 板块 only for names the taxonomy places.
_NAME_HEAD = re.compile(r"(?:产业集群|全产业链|产业链|产业|行业|板块)(?!园|基地|大道|新城|社区|学院)")
# Scope words a name found by pattern opens with: 我市, 全省, 一批, 千亿级, 2个 ….
_SCOPE = re.compile(
    r"^(?:我市|本市|全市|我县|全县|我区|全区|全省|全国|本地|当地|本土|市域|县域|一批|一大批|多个|各类|各大|一些|这些|相关|"
    r"第?[0-9一二两三四五六七八九十百千万亿]+(?:个|家|条|大|项)?(?:级)?|新一批|首批|省级|市级|国家级|众多|诸多|广大|世界级)"
)
# Characters a name found by pattern never holds (function words, counters).
_NOT_IN_NAME = frozenset("的了是在及等个年月日也都就这那其之各每该此本我你他们着过给把被让从向为以对将所而使家项")
_LIST_SPLIT = re.compile(r"[、]")


def _needs_context(word: str, entry: taxonomy.Entry) -> bool:
    """Short words are everyday words (激光, 铸造, 民宿), and so are services (教育培训)."""
    return len(word) <= 3 or entry.service


def _enumerated(body: str, start: int, end: int) -> bool:
    """Is [start, end) an item of a list that closes with 等…产业 (or 领域, 行业 …)?"""
    if not ((end < len(body) and body[end] in "、和及与") or (start > 0 and body[start - 1] in "、和及与")):
        return False
    stop = _CLAUSE_END.search(body, end)
    clause_end = stop.start() if stop else len(body)
    return bool(_ENUM_TAIL.search(body, end, clause_end))


def _in_context(body: str, start: int, end: int) -> bool:
    return bool(_INDUSTRY_HEAD.match(body, end) or body.startswith("规上", max(0, start - 2)) and start >= 2
                or _enumerated(body, start, end))


def raw_industry_matches(body: str) -> list[re.Match[str]]:
    """Every listed industry word in the text, longest first at each position."""
    return list(lexicons.industry_pattern().finditer(body))


def _is_generic(word: str) -> bool:
    """A generic word, or one that ends in a generic kind (九大战略性新兴产业, 老牌支柱产业)."""
    generic = taxonomy.generic_words()
    return word in generic or any(word.endswith(g) for g in generic if len(g) >= 4)


def _strip_scope(name: str) -> str:
    """众多特色 → 特色, 温岭四大支柱 → 支柱, 我市第一主导 → 主导."""
    changed = True
    while changed:
        changed = False
        if (m := _SCOPE.match(name)) and 0 < m.end() < len(name):
            name, changed = name[m.end():], True
        place = lexicons.place_pattern().match(name) if starts_with_place(name) else None
        if place and len(name) - place.end() >= 2:
            name, changed = name[place.end():], True
    return name


@functools.cache
def _everyday() -> frozenset[str]:
    return lexicons.everyday_words()


def _plausible_name(name: str) -> bool:
    """Could an unlisted word be an industry's name? Short, no function word, no
    scope, no place, not an everyday verb or adjective, not a generic word; longer names
    found by pattern are mostly phrases (共富食品作坊), so 2–5 characters."""
    if not 2 <= len(name) <= 5 or not all(IS_CJK.match(c) for c in name):
        return False
    if any(c in _NOT_IN_NAME for c in name) or _SCOPE.fullmatch(name) or _is_generic(name):
        return False
    if name in _everyday() or name[:2] in _everyday() and len(name) <= 3:
        return False
    if (lexicons.jieba_word_tags().get(name) or "").startswith(("ns", "nr")):
        return False  # a city (昆山产业) or a person jieba knows
    return not is_place_word(name)


# jieba tags of words a name never holds: verbs, adverbs, prepositions, conjunctions, pronouns,
# particles, counters and common numerals (推动, 进一步, 众多); a name starts after them.
_FUNCTION_TAGS = frozenset("v vd d p c r u q m!".split())
# Adverbs: what follows one is a verb phrase (充分释放产业…, 积极培育产业…), not a name.
_ADVERB_TAGS = frozenset("d ad vd".split())
# Endings of no industry name: 中小企业, 高能级, 多样性.
_NOT_NAME_END = ("企业", "级", "性", "化", "们")


def _function_word_end(name: str) -> int:
    """Position after the last verb or function word of `name` that leaves two characters."""
    tags = lexicons.jieba_word_tags()
    cut = 0
    for i in range(len(name)):
        for k in (2, 3, 4):
            word = name[i:i + k]
            if i + k <= len(name) and (tags.get(word) in _FUNCTION_TAGS or word in POLICY_VERBS):
                cut = max(cut, i + k)
    return cut if len(name) - cut >= 2 else len(name)  # 区块包含: a verb at the end, no name


def _opens_with_adverb(rest: str) -> bool:
    """充分蓄积, 全面赋能: an unlisted name that opens with an adverb is a verb phrase."""
    tags = lexicons.jieba_word_tags()
    return any(tags.get(rest[:k]) in _ADVERB_TAGS for k in (2, 3) if len(rest) > k)


def _resolve_name(name: str, head: str, placed_only: bool) -> tuple[int, taxonomy.Entry | None]:
    """(offset into `name`, entry) of the industry a pattern found before `head`: the whole
    name if listed, else what follows its last function word — listed, placed by its head
    noun, ending in a listed word — else, unless `placed_only`, that rest as an unplaced name."""
    if _is_generic(name) or _is_generic(name + head) or _is_generic(name + "产业"):
        return 0, None
    exact = taxonomy.lookup(name)
    if exact:
        return 0, None if _is_generic(exact.canonical) else exact
    cut = _function_word_end(name)
    rest = _strip_scope(name[cut:])
    cut = len(name) - len(rest)
    if len(rest) < 2 or _is_generic(rest) or _is_generic(rest + head) or _is_generic(rest + "产业"):
        return cut, None
    entry = taxonomy.resolve(rest)
    if entry:
        return cut, None if _is_generic(entry.canonical) else entry
    for i in range(1, len(rest) - 1):
        tail = taxonomy.lookup(rest[i:])
        if tail and not _is_generic(tail.canonical):
            return cut + i, tail
    if placed_only or not _plausible_name(rest) or rest.endswith(_NOT_NAME_END) or _opens_with_adverb(rest):
        return cut, None
    return cut, taxonomy.Entry(rest, None, county=False, service=False)


def _pattern_industries(body: str, raw: list[re.Match[str]], taken: Sequence[Span]) -> list[Span]:
    ends = {r.end(): r.start() for r in raw}
    out: list[Span] = []
    for m in _NAME_HEAD.finditer(body):
        run_start = cjk_run_before(body, m.start(), 12)
        run = body[run_start:m.start()]
        if len(run) < 2:
            continue
        start = run_start + name_start(run)
        if ends.get(m.start(), start) < start:  # a listed word that holds a cut word: 机器人与数控机床
            start = max(ends[m.start()], run_start)
        name = _strip_scope(body[start:m.start()])
        offset, entry = _resolve_name(name, m.group(0), placed_only=m.group(0) == "板块")
        if entry is None:
            continue
        start = m.start() - len(name) + offset
        end = m.end()
        if body[m.start() - 1] == "等":  # 机床工具等产业链: the name alone is the surface
            end = m.start() - 1
        if overlaps(start, end, taken):
            continue
        out.append(Span(start, end, "industry", entry.canonical, entry.code))
    return out


# Modal verbs opening a clause (要壮大…, 将发展…): jieba's dictionary tags no single character.
_MODALS = frozenset("要将需应须可")


def _item_start(item: str) -> int:
    """Where the first item of a list begins: after the verbs and function words that open
    the clause (聚焦新材料 → 新材料)."""
    i = name_start(item)
    tags = lexicons.jieba_word_tags()
    while True:
        for k in (2, 1):
            w = item[i:i + k]
            if len(item) - i - k >= 2 and (tags.get(w, "")[:1] in ("v", "p", "d", "c") or w in POLICY_VERBS
                                            or (k == 1 and (w in CUT_CHARS or w in _MODALS))):
                i += k
                break
        else:
            return i


def _enumerated_industries(body: str, taken: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for tail in _STRONG_ENUM_TAIL.finditer(body):
        stop = max((body.rfind(c, 0, tail.start()) for c in "，。；：！？,;:!?\n"), default=-1)
        clause_start = stop + 1
        items, pos = [], clause_start
        for part in _LIST_SPLIT.split(body[clause_start:tail.start()]):
            items.append((pos, part))
            pos += len(part) + 1
        if len(items) < 2:
            continue
        first_pos, first = items[0]
        cut = _item_start(first)
        items[0] = (first_pos + cut, first[cut:])
        found = [(p, part, taxonomy.resolve(part)) for p, part in items]
        if not any(e is not None for _, _, e in found):
            continue  # no item is an industry: a list of something else
        for p, part, entry in found:
            if entry is None:
                if not _plausible_name(part):
                    continue
                entry = taxonomy.Entry(part, None, county=False, service=False)
            if _is_generic(entry.canonical) or overlaps(p, p + len(part), taken) or overlaps(p, p + len(part), out):
                continue
            out.append(Span(p, p + len(part), "industry", entry.canonical, entry.code))
    return out


def _listed_industries(body: str, raw: list[re.Match[str]], taken: Sequence[Span]) -> list[Span]:
    table = taxonomy.entries()
    out = []
    for m in raw:
        start, end, word = m.start(), m.end(), m.group(0)
        entry = table[word]
        if overlaps(start, end, taken) or _is_generic(word) or _is_generic(entry.canonical):
            continue  # 新界泵业 is a company, 台州吉裕水产养殖有限公司 too
        if _needs_context(word, entry):
            if not _in_context(body, start, end):
                continue
        elif _FACILITY_AFTER.match(body, end):
            continue
        tail = _SURFACE_TAIL.match(body, end)
        if tail:
            end = tail.end()
        out.append(Span(start, end, "industry", entry.canonical, entry.code))
    return out


def find_industries(body: str, raw: list[re.Match[str]], companies: Sequence[Span]) -> list[Span]:
    """Industry spans, none inside a company name and none overlapping another."""
    found = _pattern_industries(body, raw, companies)
    found += _enumerated_industries(body, list(companies) + found)
    found += _listed_industries(body, raw, list(companies) + found)
    return sorted(found, key=lambda s: s.start)
