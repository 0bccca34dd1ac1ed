"""Industries named by their head noun (高新技术产业, 高技术制造业, 制造业, 文旅产业), for subjects.

The industry lexicon (lexicon/industries.csv) knows a county's own sectors; a statistics report
from anywhere also speaks of sectors by a generic head — X产业, X制造业, 服务业. A figure whose
clause is about such a sector (数字安防产业产值增长12.8%, 先进制造业项目21个) is about that sector,
not about the city. This finds those phrases with jieba's segmentation: the head word and the
nouns just before it, and only when they name a sector (not 主导产业, 优势产业, 相关产业).
"""
from __future__ import annotations

import functools
import re

from .. import lexicons
from ..records import Article, EntityMention
from ..regions import word_freq
from ..segment import get_segmenter

# Heads that name a sector on their own; 产业 alone says nothing.
_SELF_STANDING = frozenset({"制造业", "服务业"})
# Modifiers that rank or qualify a sector rather than name it.
_GENERIC = frozenset({"主导", "优势", "支柱", "特色", "相关", "传统", "新兴", "重点", "配套", "战略性新兴", "战略性",
                      "千亿级", "百亿级", "首位", "核心", "地方", "本地", "关联", "上下游", "全市", "我市", "规上",
                      "六大", "四大", "三大", "五大", "十大", "两大", "主要", "其他", "各类", "整体", "全部",
                      "国家", "国家级", "省级", "市级", "县级", "全国", "全省",
                      "签约", "开工", "引进", "招引", "新增", "落户", "培育", "发展", "建设", "投资", "新签约"})
# A sector phrase that qualifies a title or a kind of firm (制造业单项冠军, 服务业企业) is no topic.
_QUALIFIES = re.compile(r"单项冠军|企业|冠军|示范|基地|集群|园区|大会|大省|强市|强县|强省|名单|人才")
# Tags of words that cannot open a sector's name when they are common (实现, 推动, 其中 …);
# rarer ones (安防, which jieba tags a verb) can.
_FUNCTION_TAGS = frozenset({"v", "d", "p", "c", "u", "r", "m", "q", "t", "f", "ad", "vd", "l", "i"})
_COMMON_FREQ = 2000
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_HEAD = re.compile(r"制造业|服务业|产业")
MAX_MODIFIERS = 2


def _modifier_ok(word: str) -> bool:
    if len(word) < 2 or not _CJK.match(word) or word in _GENERIC:
        return False
    tag = lexicons.jieba_word_tags().get(word)
    return not (tag in _FUNCTION_TAGS and word_freq().get(word, 0) >= _COMMON_FREQ or tag == "m!")


@functools.lru_cache(maxsize=256)
def _phrases(body: str) -> tuple[tuple[int, int, str], ...]:
    tokens = [(s, e) for _, s, e in get_segmenter()._engine.tokenize(body)]
    out = []
    for m in _HEAD.finditer(body):
        head, start, end = m.group(0), m.start(), m.end()
        if head == "产业" and body[start - 2: start] in ("制造", "服务"):
            continue
        if _QUALIFIES.match(body, end):
            continue
        left, pieces = start, 0
        for tok_start, tok_end in reversed([t for t in tokens if t[0] < start]):
            if tok_end < left and tok_end != left:
                break
            piece = body[tok_start: min(tok_end, start)]
            if pieces >= MAX_MODIFIERS or not _modifier_ok(piece):
                break
            left, pieces = tok_start, pieces + 1
        phrase = body[left:end]
        if phrase == head and head not in _SELF_STANDING:
            continue
        if any(g in phrase[: -len(head)] for g in ("主导", "优势", "支柱", "相关")):
            continue
        out.append((left, end, phrase))
    return tuple(out)


def industry_phrases(article: Article, taken: list[EntityMention]) -> list[EntityMention]:
    """Sector phrases of the body as industry mentions, where no other mention is; a phrase the
    lexicon knows takes its canonical name."""
    aliases = lexicons.industry_aliases()
    out = []
    for start, end, phrase in _phrases(article.body):
        if any(m.start_char < end and start < m.end_char for m in taken):
            continue
        canonical = aliases.get(phrase) or aliases.get(phrase[:-2] if phrase.endswith("产业") else phrase) or phrase
        out.append(EntityMention(f"{article.article_id}-s{start}", article.article_id, article.issue_id, "industry",
                                 canonical, phrase, start, end, ""))
    return out
