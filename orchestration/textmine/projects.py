"""Project mentions: a named project, its investment, place, company and status.

A project name is printed with its suffix: '…项目' or '…工程', or a facility ('…产业园',
'…基地', '…电站', '…综合体', '…中心') directly followed by a construction word
(机床装备产业园建设, 青少年健康发展中心建成). The name runs left from the suffix to the start of
its phrase and is cut after the verb or preposition that introduces it (签约现代农业综合体项目,
规划面积达3000亩的机床装备产业园). Precision comes first: generic phrases (重点项目, 该项目,
一批项目, 协商民主改革项目) and honours (全国先进制造业基地) are not projects; a name must hold
something concrete — a facility, a place, a company, an industry or a phase (一期).

Investment comes from `numbers.find_quantities` (总投资约2.2亿元) in the name's sentence or, when
that sentence names no other project and refers back to 'the project', in the next one.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re

from . import lexicons
from .entities import find_mentions, find_places
from .numbers import Quantity, find_quantities
from .records import Article, EntityMention, ProjectMention
from .sentences import Sentence, split_sentences

_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
_MAX_NAME = 32

# '…项目' / '…工程', unless the suffix is the start of another word (工程师, 项目化, 项目计划).
_STRONG_SUFFIX = re.compile(r"(?:项目|工程)(?!师|院|机械|车|化|制|部|组|库|计划|清单|资金|经理|招商|包)")
# Facilities that name a project only when a construction word follows them.
_FACILITY_SUFFIX = re.compile(
    r"(?:产业园|工业园|产业基地|基地|园区|电站|综合体|中心|小镇)(?=建设|开工|动工|投产|竣工|封顶|建成)"
)

# Words after which a project name starts (签约现代农业综合体项目, 推进…的…产业园).
_CUT_WORDS = (
    "成功签约 签约 推进 实施 开工 建设 落地 落户 引进 投资 包括 启动 加快 推动 谋划 储备 招引 打造 完成 "
    "开展 参与 承担 入选 列入 围绕 聚焦 作为 其中 目前 今年 去年 明年 当天 近日 截至 已有 已经 正在 "
    "全力 此外 另外 同时 以及 还有 总投资 共有 新增 新建 续建 扩建 对接 洽谈 聚力 助力 发力 "
    "关注 尚在 调研 走访 视察 考察 参观 开工建设 全面开工 集中开工 顺利投产 正式投产 "
    "举行 举办 召开 发布 公布 印发 出台 部署 审议 听取 通报 发出"
).split()
# One-character words after which a name starts.
_CUT_CHARS = frozenset("的在是对为把由从向以等了于将被让给这该此其即赴占")
# Conjunctions: a name may start after them (研究院和吉光光电项目) or hold them (码头及配套工程).
_SOFT_CUT_CHARS = frozenset("和与及、")
# Names made only of these words are generic (重点项目, 民生实事工程, 亿元以上产业项目).
_GENERIC = re.compile(
    r"(?:重点|重大|产业|招商|引进|这个|这些|各类|各个|一批|多个|首个|首批|实事|民生|配套|基础设施|建设|改革|"
    r"民主|协商|创新|创业|人才|院士|科技|攻关|研发|合作|培训|试点|示范|公益|政府投资|投资|亿元以上|以上|上述|"
    r"相关|其他|所有|全部|续建|新建|新开工|开工|在建|竣工|投产|签约|数字化|攻坚|课题|专项|计划|工作|服务|"
    r"惠民|民心|工业上楼|千项万亿|一号|优质|关键|核心|标志性|引领性|龙头|链主|百亿|十亿|年度|监督|十大|若干|"
    r"协同|产学研|集中|当年|省市县|国家级|省级|市级|县级|国家|中心|基地|园区|产业园|综合体|电站|"
    r"子|新|大|小|好|类|个|省|市|县|区|该|本|此|各|"
    r"[0-9一二三四五六七八九十百千万亿]+)+"
)
# Honours and programmes, not projects: 全国先进制造业基地, 省级电子商务直播基地.
_SCOPE_PREFIX = re.compile(r"^(?:全国|全省|全市|世界级|国家级|省级|市级|县级|国内|各级|省市县|国家)")
# What makes a name concrete: a facility or a works noun, or a phase.
_CONCRETE = re.compile(
    r"园|基地|电站|综合体|中心|小镇|码头|港区|港|大楼|大厦|厂房|工厂|车间|生产线|公路|国道|省道|铁路|快速路|"
    r"高速|大道|路|桥|隧道|水库|电厂|学校|学院|医院|广场|公园|湿地|智谷|核心区|片区|区块|城|馆|站|线|楼|河|湖|"
    r"岛|堤|塘|闸|管网|污水|供水|风电|光伏|储能|算力|芯片|改造|整治|疏浚|修缮|防治|[一二三四五六七八九十]期"
)
_PHASE_ONLY = re.compile(r"[一二三四五六七八九十、]+期")
_GENERIC_HEAD = re.compile(r"^(?:一批|多个|各类|这些|新|大|重点|重大|优质)+")
# A name followed by a count is a category: 合作研发泵类项目200余项, 培训项目415个班次.
_COUNT_AFTER = re.compile(r"[0-9一二三四五六七八九十百千]+(?:多|余)?[个项家批类]")

# Investment: a money figure right after 总投资 / 投资额 / 投资 …
_INVEST_KEY = re.compile(r"(?:计划总投资|估算总投资|总投资|投资总额|投资额|总投入|投资)(?:额)?(?:约|达|超|逾|近|为|共|合计|预计)?$")
# A next sentence that talks about the same project: 这个总投资约2.2亿元的项目就正式开工了.
_ANAPHOR = re.compile(r"(?:该|此|这个|这一|本)[^，。；]{0,15}?项目|^项目")

# Status triggers, least to most advanced; the most advanced current one wins.
_STATUS_ORDER = ("计划", "签约", "开工", "在建", "封顶", "竣工", "建成", "投产", "并网")
_STATUS_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("并网", re.compile(r"并网")),
    ("投产", re.compile(r"试投产|投产|达产")),
    ("建成", re.compile(r"建成|投运|投用|投入使用|投入运行|投入运营|开业|运营")),
    ("竣工", re.compile(r"竣工|完工|通车|验收")),
    ("封顶", re.compile(r"封顶|结顶")),
    ("在建", re.compile(r"在建|建设中|正在建设|建设正酣|加快建设|施工|建设现场|推进[^。；]{0,25}?建设|开足马力")),
    ("开工", re.compile(r"开工|动工|开建|破土|奠基")),
    ("签约", re.compile(r"签约|签订|签署|落户|落地|入驻")),
    ("计划", re.compile(r"计划(?!总投资|投资)|拟|谋划|规划|筹建|前期")),
)
# A trigger after these words is a plan or a forecast, not the state of the project.
_FUTURE = re.compile(r"(?:预计|有望|计划|拟|将|力争|争取|即将|准备|确保|按照|年底前|年内)[^，。；已]{0,8}$")
# … or when a goal follows it: 2025年完成总体验收的目标.
_FUTURE_AFTER = re.compile(r"后|[^，。；]{0,4}目标")


@dataclasses.dataclass
class _Candidate:
    name: str
    start: int
    end: int
    sentence: Sentence


# --- names ---------------------------------------------------------------------------------


@functools.cache
def _cut_re() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(_CUT_WORDS))


def _run_start(body: str, pos: int) -> int:
    i = pos
    while i > 0 and pos - i < _MAX_NAME and (_NAME_CHARS.match(body[i - 1]) or body[i - 1] == "、"):
        i -= 1
    return i


def _name_starts(run: str) -> list[int]:
    """Where the name may begin in the text before its suffix, most likely first: after each
    conjunction right of the last cut word (right to left), then after that cut word. A cut
    word right before the suffix belongs to the name (城东片区建设项目, 礁山渔港扩建工程)."""
    hard = 0
    for m in _cut_re().finditer(run):
        if m.end() < len(run):
            hard = max(hard, m.end())
    for i, ch in enumerate(run):
        if ch in _CUT_CHARS and i + 1 > hard:
            hard = i + 1
    soft = [i + 1 for i, ch in enumerate(run) if ch in _SOFT_CUT_CHARS and i + 1 > hard]
    starts = sorted(soft, reverse=True) + [hard]
    # digits left at the front belong to a date or a measure, not to the name
    out = []
    for start in starts:
        m = re.match(r"[0-9]+[^\u4e00-\u9fff]*", run[start:])
        out.append(start + (m.end() if m else 0))
    return out


def _is_project_name(name: str, suffix: str, companies: frozenset[str]) -> bool:
    stem = name[: len(name) - len(suffix)]
    if len(stem) < 2 or _PHASE_ONLY.fullmatch(stem) or _GENERIC.fullmatch(stem):
        return False
    if stem in lexicons.everyday_words():
        return False  # 调研中心建设: a verb is no name
    if _SCOPE_PREFIX.match(stem) or stem[0] in _SOFT_CUT_CHARS:
        return False
    bare = _GENERIC_HEAD.sub("", stem)
    if suffix in ("项目", "工程") and (bare in lexicons.industry_aliases() or re.fullmatch(r".{1,4}类", bare)):
        return False  # 文旅项目, 一批激光项目, 泵类项目: a kind of project, not one
    return bool(
        _CONCRETE.search(name)
        or lexicons.industry_pattern().search(stem)
        or find_places(stem)
        or any(stem.startswith(c) for c in companies)  # 热刺激光…, 中昊芯英…
    )


def _candidates(body: str, sentences: list[Sentence], companies: frozenset[str],
                people: list[tuple[int, int]]) -> list[_Candidate]:
    starts = [s.start for s in sentences]
    found: list[_Candidate] = []
    for pattern in (_STRONG_SUFFIX, _FACILITY_SUFFIX):
        for m in pattern.finditer(body):
            if _COUNT_AFTER.match(body, m.end()):
                continue
            run_start = _run_start(body, m.start())
            run = body[run_start:m.start()]
            if run.endswith("、"):
                continue  # 创新突破年、项目攻坚年: a list of slogans
            start = next((run_start + s for s in _name_starts(run)
                          if _is_project_name(body[run_start + s:m.end()], m.group(0), companies)), None)
            if start is None:
                continue
            name = body[start:m.end()]
            if any(c.start < m.end() and start < c.end for c in found):
                continue
            if any(p[0] < m.end() and start < p[1] for p in people):
                continue  # 市政协主席江金永…调研中心建设: a name holds no person
            i = bisect.bisect_right(starts, start) - 1
            if i < 0:
                continue
            found.append(_Candidate(name, start, m.end(), sentences[i]))
    return sorted(found, key=lambda c: c.start)


# --- attributes ----------------------------------------------------------------------------


def _investments(sentence: Sentence) -> list[tuple[int, Quantity]]:
    """Money figures introduced by an investment word: (body offset, quantity)."""
    out = []
    for q in find_quantities(sentence.text):
        if q.normalized_unit not in ("CNY", "USD", "EUR", "HKD"):
            continue
        if _INVEST_KEY.search(sentence.text[max(0, q.start - 10):q.start]):
            out.append((sentence.start + q.start, q))
    return out


def _assign_investment(cand: _Candidate, same_sentence: list[_Candidate]) -> Quantity | None:
    """The figure after the name (before the next project), else the nearest figure before it
    when no other project sits in between (投资额24亿元的…产业园项目)."""
    figures = _investments(cand.sentence)
    others = [c.start for c in same_sentence if c is not cand]
    after = [q for pos, q in figures if pos >= cand.end and not any(cand.end <= o < pos for o in others)]
    if after:
        return after[0]
    before = [q for pos, q in figures if pos < cand.start and not any(pos < o < cand.start for o in others)
              and not any(o < pos for o in others)]
    return before[-1] if before else None


def _status_in(text: str) -> tuple[str | None, bool]:
    """(most advanced current status, whether only future ones were found)."""
    best, future = None, False
    for status, pattern in _STATUS_TRIGGERS:
        for m in pattern.finditer(text):
            if _FUTURE.search(text[max(0, m.start() - 12):m.start()]) or _FUTURE_AFTER.match(text, m.end()):
                future = True
                continue
            if best is None or _STATUS_ORDER.index(status) > _STATUS_ORDER.index(best):
                best = status
    return best, future and best is None


def _status(texts: list[str], title: str | None) -> str | None:
    best, planned = None, False
    for text in texts:
        status, only_future = _status_in(text)
        planned = planned or only_future
        if status and (best is None or _STATUS_ORDER.index(status) > _STATUS_ORDER.index(best)):
            best = status
    if best is None and title:
        best, _ = _status_in(title)  # a report about this one project: 滩涂光伏电站建设正酣
    return best or ("计划" if planned else None)


def _about_one_project(title: str, candidates: list[_Candidate]) -> bool:
    """The article reports on one project (its names are variants of each other: …电站项目,
    …电站一期项目) and its title speaks of it: then the title's status is the project's."""
    names = {c.name for c in candidates}
    return all(_dice(a, b) >= 0.6 for a in names for b in names) and \
        any(_dice(title, n) > 0.2 for n in names)


def _dice(a: str, b: str) -> float:
    x = {a[i:i + 2] for i in range(len(a) - 1)}
    y = {b[i:i + 2] for i in range(len(b) - 1)}
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


_BROAD_PLACES = re.compile(r"(?:市|省)$|^(?:中国|长三角|浙江|台州|温岭|杭州|宁波|温州|上海|北京|江苏|福建)")


def _location(cand: _Candidate, mentions: list[EntityMention]) -> str | None:
    """A town or area: first in the name itself, then in the sentence (never inside a company)."""
    companies = [m for m in mentions if m.entity_type == "company"]
    in_name = [name for s, e, name in find_places(cand.name) if not _BROAD_PLACES.search(name)]
    if in_name:
        return in_name[0]
    for s, e, name in find_places(cand.sentence.text):
        s += cand.sentence.start
        e += cand.sentence.start
        if _BROAD_PLACES.search(name) or any(c.start_char <= s and e <= c.end_char for c in companies):
            continue
        return name
    return None


def _company(cand: _Candidate, mentions: list[EntityMention]) -> str | None:
    companies = [m for m in mentions if m.entity_type == "company"
                 and cand.sentence.start <= m.start_char < cand.sentence.end]
    for m in companies:
        if cand.start <= m.start_char < cand.end:
            return m.canonical_name
    return companies[0].canonical_name if companies else None


# --- assembly ------------------------------------------------------------------------------


def find_projects(article: Article) -> list[ProjectMention]:
    """One mention per project name printed in the article (first occurrence's span)."""
    body = article.body
    sentences = list(split_sentences(body))
    mentions = find_mentions(article)
    companies = frozenset(m.surface for m in mentions if m.entity_type == "company")
    people = [(m.start_char, m.end_char) for m in mentions if m.entity_type == "person"]
    candidates = _candidates(body, sentences, companies, people)
    if not candidates:
        return []
    by_sentence: dict[int, list[_Candidate]] = {}
    for c in candidates:
        by_sentence.setdefault(c.sentence.start, []).append(c)
    index = {s.start: i for i, s in enumerate(sentences)}
    one_project = _about_one_project(article.title, candidates)

    merged: dict[str, ProjectMention] = {}
    for cand in candidates:
        texts = [_segment(cand, by_sentence[cand.sentence.start])]
        quantity = _assign_investment(cand, by_sentence[cand.sentence.start])
        nxt = _next_sentence(sentences, index[cand.sentence.start], by_sentence)
        if nxt is not None:
            texts.append(nxt.text)
            if quantity is None:
                figures = _investments(nxt)
                quantity = figures[0][1] if figures else None
        status = _status(texts, article.title if one_project else None)
        found = ProjectMention(
            project_mention_id=f"{article.article_id}-p{cand.start}",
            article_id=article.article_id,
            issue_id=article.issue_id,
            project_name=cand.name,
            investment_value=quantity.value if quantity else None,
            investment_unit=quantity.unit if quantity else None,
            investment_cny=quantity.value_normalized if quantity and quantity.normalized_unit == "CNY" else None,
            location=_location(cand, mentions),
            company_name=_company(cand, mentions),
            status=status,
            evidence=cand.sentence.text,
            start_char=cand.start,
            end_char=cand.end,
        )
        merged[cand.name] = _merge(merged.get(cand.name), found)
    return sorted(merged.values(), key=lambda p: p.start_char)


def _segment(cand: _Candidate, same_sentence: list[_Candidate]) -> str:
    """The part of the sentence that reports on this project: from its name (from the sentence
    start for the first one) to the next project's name. A name followed only by a conjunction
    shares the next one's report: 'B和C正在建设中'."""
    sent = cand.sentence
    i = same_sentence.index(cand)
    start = sent.start if i == 0 else cand.start
    j = i + 1
    while j < len(same_sentence) and re.fullmatch(r"[和与及、，\s]*", sent.text[
            same_sentence[j - 1].end - sent.start:same_sentence[j].start - sent.start]):
        j += 1
    end = same_sentence[j].start if j < len(same_sentence) else sent.end
    return sent.text[start - sent.start:end - sent.start]


def _next_sentence(sentences: list[Sentence], i: int, by_sentence: dict[int, list[_Candidate]]) -> Sentence | None:
    """The following sentence when it speaks of the same project without naming another one."""
    if i + 1 >= len(sentences):
        return None
    nxt = sentences[i + 1]
    if nxt.start in by_sentence or not _ANAPHOR.search(nxt.text):
        return None
    return nxt


def _merge(first: ProjectMention | None, later: ProjectMention) -> ProjectMention:
    """Keep the first span and evidence; fill gaps from later reports; keep the furthest status."""
    if first is None:
        return later
    status = first.status
    if later.status and (status is None or _STATUS_ORDER.index(later.status) > _STATUS_ORDER.index(status)):
        status = later.status
    invest = first if first.investment_value is not None else later
    return dataclasses.replace(
        first,
        investment_value=invest.investment_value,
        investment_unit=invest.investment_unit,
        investment_cny=invest.investment_cny,
        location=first.location or later.location,
        company_name=first.company_name or later.company_name,
        status=status,
    )
