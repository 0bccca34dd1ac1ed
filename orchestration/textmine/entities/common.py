"""What every entity pass shares: the span record, word lists that open or cut a name, and
the small text helpers built on them (where a name starts, is this a place)."""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Iterable

from .. import lexicons

CJK = "\u4e00-\u9fff"
IS_CJK = re.compile(rf"[{CJK}]")

# --- shared word lists ---------------------------------------------------------------------

# The ending of a full company name (ends a name the suffix rule finds, or one the tagger widens).
COMPANY_SUFFIX = re.compile(
    r"集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|分公司|专业合作社|股份经济合作社|合作社|集团|银行|"
    r"厂(?![房区长家商])"
)


# Words after which a name starts (verbs, prepositions, time words that open a clause).
CUT_WORDS = (
    "新成立 成立 引进 共建 推动 推进 签约 成功签约 落户 入驻 包括 其中 以及 比如 例如 同时 作为 还有 "
    "龙头企业 企业 当天 目前 今年 去年 近日 近年来 先后 组建 成为 位于 来到 走进 参观 依托 通过 联合 "
    "携手 牵头 打造 培育 获评 评为 入选 列入 支持 帮助 服务 带动 加快 实施 启动 完成 开展 举行 召开 "
    "发布 公布 表彰 授予 命名 认定 获得 拥有 集聚 吸引 招引 洽谈 合作 商家 本地 当地 我市 全市 "
    "国家级 省级 市级 专精特新 小巨人 上市 知名 明星 总经理 经理 董事长 总裁 本报讯 代表 企业代表"
).split()
# One-character function words: a name starts after them only when what follows is clearly
# a name (starts with a place, or is long enough), since brands contain 和, 与, 及 … too.
CUT_CHARS = frozenset("在与和是的对为被把将由从向跟同给让等到于了及暨也还并又有以如像至使除年月日")
# Of those, the ones that never sit inside a name: a name always starts after them.
HARD_CUT_CHARS = frozenset("的在是")
# jieba tags of words after which a name may start: time words, prepositions, pronouns,
# conjunctions, numerals (上周交通银行, 针对渣打银行, 多家…); verbs and adverbs only before a
# place or a long name (表示中国银行), since names hold verbs too (吉裕水产养殖有限公司).
_CUT_TAGS = frozenset("t p r c".split())
_CUT_TAGS_IF_LONG = frozenset("v d".split())
# Characters that never occur inside a brand.
# --- small helpers -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # industry | company | organization | person | place
    canonical: str
    code: str | None = None  # an industry's place in the taxonomy (GB4754:36 …), None if unplaced


def overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def inside(start: int, end: int, spans: Iterable[Span]) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


def cjk_run_before(text: str, pos: int, limit: int, extra: str = "") -> int:
    """Start of the run of CJK (and `extra`) characters that ends at `pos`, at most `limit` long."""
    i = pos
    while i > 0 and pos - i < limit and (IS_CJK.match(text[i - 1]) or text[i - 1] in extra):
        i -= 1
    return i


@functools.cache
def place_words() -> frozenset[str]:
    return lexicons.words_tagged("ns")


@functools.cache
def places_longest_first() -> tuple[str, ...]:
    return tuple(sorted(place_words(), key=len, reverse=True))


def starts_with_place(text: str) -> bool:
    return lexicons.place_pattern().match(text) is not None


def is_place_word(word: str) -> bool:
    return word in place_words() or bool(re.search(r"(市|省|县|区|镇|乡|村|街道|社区)$", word))


@functools.cache
def _cut_word_re() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(CUT_WORDS))


def name_start(run: str, min_rest: int = 2) -> int:
    """Where a name begins in `run` (the text before its suffix): after the last verb,
    preposition or time word that leaves a plausible name behind."""
    best = 0
    for m in _cut_word_re().finditer(run):
        if len(run) - m.end() >= min_rest:
            best = max(best, m.end())
    tags = lexicons.jieba_word_tags()
    for i, ch in enumerate(run):
        rest = run[i + 1:]
        if ch in CUT_CHARS and i + 1 > best and len(rest) >= min_rest and \
                (ch in HARD_CUT_CHARS or starts_with_place(rest) or len(rest) >= 4):
            best = i + 1
        for k in (2, 3, 4):
            end = i + k
            rest = run[end:]
            if end <= best or len(rest) < min_rest or end > len(run):
                continue
            tag = tags.get(run[i:end])
            if tag in _CUT_TAGS or (tag in _CUT_TAGS_IF_LONG and (starts_with_place(rest) or len(rest) >= 4)):
                best = end
    # function characters left at the front go too (在台州市… → 台州市…)
    while best < len(run) and run[best] in CUT_CHARS and len(run) - best - 1 >= min_rest:
        best += 1
    return best


GENERIC_BRANDS = frozenset(
    "我市 本市 全市 全省 全国 国内 国外 国际 国家 省级 市级 县级 国家级 本地 当地 本土 高档 高端 中高端 低端 "
    "精密 智能 数字 数控 现代 传统 新兴 先进 重点 龙头 骨干 明星 优质 大型 小型 微型 中小 中小型 微小型 相关 "
    "有关 知名 上市 规上 规模 工业 产业 行业 企业 民营 国有 集体 生产 制造 加工 研发 销售 服务 技术 创新 "
    "发展 建设 打造 推动 培育 科研 高新 新型 绿色 低碳 医用 家用 工程 政协 人大 政府 党委 社会 地方 乡村 "
    "校园 海洋 黑 这些 一批 多家 其中 同时 以及 包括 比如 例如 主导 支柱 特色 优势 配套 上下游 全球 世界 "
    "亚洲 中国 浙江 台州 温岭 各类 各种 液压 电动 自动 全自动 半自动 新能源 光伏 机电 汽摩 鞋帽 电商 文旅 "
    "农业 渔业 体育 科技 金融 信息 数据 网络 互联网 人工 高科技 全域 全链 共富 作坊 小作坊 新时代 未来 "
    "浙产 国产 自主 核心 关键".split()
)

# Verbs of policy prose that jieba's dictionary does not hold (做强激光 is no brand, 赋能产业 no industry).
POLICY_VERBS = frozenset("赋能 助力 聚力 深耕 做强 做大 做优 做精 做实 壮大 焕新 链接 强链 补链 延链".split())
