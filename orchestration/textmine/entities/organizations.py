"""Organisations: government and party bodies after an administrative prefix (市经信局,
城南镇政府), bodies with an organisation suffix (…研究院, …协会) and the `nt` gazetteer of the
user dictionary; never inside a company name."""
from __future__ import annotations

import functools
import re

from .. import lexicons
from .common import CJK, CUT_CHARS, HARD_CUT_CHARS, IS_CJK, Span, cjk_run_before, inside, name_start, overlaps, place_words
from .places import NOT_BEFORE_PLACE_SUFFIX

# --- organisations -------------------------------------------------------------------------

# Units of government and party bodies after an administrative prefix (市, 省, 台州市, 城南镇 …).
_GOV_UNIT = (
    "人大常委会 人民政府 政府 人大 政协 纪委 监委 党委 委员会 常委会 管委会 宣传部 组织部 统战部 政法委 "
    "妇联 总工会 工会 团委 侨联 工商联 科协 文联 残联 红十字会 法院 检察院 委 局 厅 办公室 办 部 中心 "
    "医院 研究院 研究所 派出所 联络站 服务站 工作站 联合会 联谊会 促进会 同学会 商会 协会 学会 联会 "
    "中学 小学 学校 学院 大学 开发区 新区 专班 大队 支队"
).split()
# Units that need a name between prefix and unit (市中心 is a place, 市局 too vague).
_NEEDS_BODY = frozenset("中心 医院 学校 中学 小学 学院 大学 局 厅 部 办 办公室 委员会 开发区 新区 研究院 研究所".split())
# A unit followed by these is part of a title or another word: 局长, 委员, 部门, 会议, 局部.
_NOT_AFTER_UNIT = frozenset("长员门议部")
# 部 after these is a direction or a word (东部, 内部, 全部, 干部), not a ministry.
_NOT_BEFORE_BU = frozenset("东西南北中内外全局干顶底后前上下本")
# After the prefix, these start a common word, not a body's name: 市内, 市民, 市场, 市级, 省内 …
_NOT_AFTER_PREFIX = re.compile(r"内|外|民(?!族)|场(?!监)|区|级|域|容|值|面|长|各|镇|县|省|领导|委常委")
# A body's name stops at a title, a clause verb or a count (市长马厉财主持, 纪委三次全会, 两家).
_ORG_WINDOW_STOP = re.compile(
    r"[的在是及等为将对从向把被了也已]|长|书记|主席|主任|主持|召开|组织|收看|领导|干部|代表|负责|相关|有关|全会|会议|工程|项目|"
    r"[0-9一二两三四五六七八九十]+[次届家个项名位]"
)
# Organisations without an administrative prefix: 清华大学温岭研究院, 民宿女主人联盟.
_ORG_SUFFIX = re.compile(
    r"(?:研究院|研究所|研究中心|创新中心|服务中心|发展中心|检测中心|孵化中心|大学|学院|协会|商会|联合会|联谊会|促进会|"
    r"联盟|共同体|综合体|开发区|工作室|专班|共富工坊|妇联)(?!项目|工程|建设|议|生)"
)
_GENERIC_ORG_BODY = frozenset("该 本 各 这个 那个 相关 有关 一个 多个 这些 其 行业 创新 联合 全省 全市 产业 企业".split())
# Extra words that open a clause before an organisation name (随着中国科学院, 建立产业研究院).
_ORG_CUT_WORDS = "随着 建立 做优 做强 做实 首个 首批 首届 多个 各级 加速 发挥 立足 聚焦 驻".split()
_SCOPE_HEAD = re.compile(r"^(?:全国|全省|全市|国家级|省级|市级|县级|各级|首批|首个)")


@functools.cache
def _gov_unit_re() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(_GOV_UNIT))


@functools.cache
def _org_prefix_re() -> re.Pattern[str]:
    """An administrative prefix, with the place it belongs to when printed (台州市, 城南镇)."""
    places = lexicons.alternation(p for p in place_words() if not re.search(r"(市|省|县|区|镇|街道)$", p))
    return re.compile(
        rf"(?:(?:{places})(?:市|省|县|区)|(?:{places})?(?:中央|国家|省|市|县)|[{CJK}]{{2}}(?:镇|街道))"
    )


def _admin_organizations(body: str) -> list[Span]:
    out: list[Span] = []
    pos = 0
    while (m := _org_prefix_re().search(body, pos)) is not None:
        end = _unit_end(body, m)
        start = _prefix_start(body, m)
        if end is not None and start is not None:
            out.append(Span(start, end, "organization", body[start:end]))
            pos = end
        else:
            pos = m.start() + 1
    return out


def _prefix_start(body: str, prefix: re.Match[str]) -> int | None:
    """Start of the body's name. A bare 市/省/县 glued to a word is no prefix (城市, 超市, 上市);
    glued to two characters that are no common word, it ends an unlisted place (深圳市)."""
    i = prefix.start()
    if prefix.group(0) not in ("市", "省", "县") or i == 0 or not IS_CJK.match(body[i - 1]):
        return i
    tags = lexicons.jieba_word_tags()
    if body[i - 1:i + 1] in tags and tags[body[i - 1:i + 1]] != "ns":
        return None
    if body[i - 1] in CUT_CHARS:
        return i
    place = body[i - 2:i]
    opens = i - 2 == 0 or (i >= 3 and (not IS_CJK.match(body[i - 3]) or body[i - 3] in CUT_CHARS))
    if opens and len(place) == 2 and IS_CJK.match(place[0]) and place not in lexicons.everyday_words() \
            and not any(c in CUT_CHARS or c in "市省县区镇委府局厅部办会协联" for c in place):
        return i - 2
    return i


def _valid_town_prefix(prefix: str) -> bool:
    if not prefix.endswith(("镇", "街道")):
        return True
    stem = prefix[:-2] if prefix.endswith("街道") else prefix[:-1]
    return stem[-1] not in NOT_BEFORE_PLACE_SUFFIX and not any(c in CUT_CHARS for c in stem)


def _unit_end(body: str, prefix: re.Match[str]) -> int | None:
    """End of '<prefix><name><unit>': the first unit after the prefix (the longest one at its
    position), extended by units glued to it (市安委办, 市人大常委会); None if there is none."""
    start, p = prefix.start(), prefix.end()
    if not _valid_town_prefix(prefix.group(0)) or _NOT_AFTER_PREFIX.match(body, p):
        return None
    stop = _ORG_WINDOW_STOP.search(body, p, min(len(body), p + 16))
    limit = stop.start() if stop else min(len(body), p + 16)
    i = p
    while i < limit and IS_CJK.match(body[i]):
        unit = _gov_unit_re().match(body, i, limit)
        if unit and not (unit.group(0) in _NEEDS_BODY and i == p) \
                and not (unit.group(0) == "部" and i > p and body[i - 1] in _NOT_BEFORE_BU):
            end = unit.end()
            while (more := _gov_unit_re().match(body, end, limit)) and more.group(0) in ("办", "会", "委员会", "办公室"):
                end = more.end()
            if end < len(body) and body[end] in _NOT_AFTER_UNIT:
                i += 1
                continue
            return end
        i += 1
    return None


def _suffix_organizations(body: str, taken: list[Span]) -> list[Span]:
    out: list[Span] = []
    for m in _ORG_SUFFIX.finditer(body):
        run_start = cjk_run_before(body, m.start(), 14)
        run = body[run_start:m.start()]
        if len(run) < 2:
            continue
        start = run_start + _org_name_start(run)
        head = body[start:m.start()]
        if len(head) < 2 or head in _GENERIC_ORG_BODY or _SCOPE_HEAD.match(head) or head[0] in "家个项名位" \
                or any(c in HARD_CUT_CHARS for c in head) or head in lexicons.everyday_words():
            continue
        if inside(start, m.end(), taken):
            continue
        out.append(Span(start, m.end(), "organization", body[start:m.end()]))
    # the longest name wins where two overlap (清华大学温岭研究院 over 清华大学)
    kept: list[Span] = []
    for span in sorted(out, key=lambda s: s.start - s.end):
        if not overlaps(span.start, span.end, kept):
            kept.append(span)
    return kept


def _org_name_start(run: str) -> int:
    start = name_start(run)
    for w in _ORG_CUT_WORDS:
        i = run.rfind(w)
        if i >= 0 and i + len(w) > start and len(run) - i - len(w) >= 2:
            start = i + len(w)
    return start


def find_organizations(body: str, companies: list[Span]) -> list[Span]:
    named = [Span(m.start(), m.end(), "organization", m.group(0)) for m in lexicons.organization_pattern().finditer(body)]
    spans = [s for s in named if not overlaps(s.start, s.end, companies)]
    for s in _admin_organizations(body) + _suffix_organizations(body, companies):
        if overlaps(s.start, s.end, companies):
            continue
        # a longer pattern match replaces the gazetteer entries it contains (市委 ⊂ 市委宣传部)
        spans = [t for t in spans if not (s.start <= t.start and t.end <= s.end)]
        if not overlaps(s.start, s.end, spans):
            spans.append(s)
    return spans

