"""Entity mentions in an article body: industries, companies, organisations, people, places.

Rules and gazetteers, no model: every mention keeps its span (`body[start:end] == surface`)
and the sentence it sits in. The order of the passes matters:

1. companies first — full names (…有限公司, …集团, …合作社), short forms (a 2–4 character
   brand before an industry word: 北平机床, 新界泵业), brands coordinated with a company
   (东部数控、美戈利的…) and the brand of a full name used alone (足友, 博哥文化). A short form
   resolves to the full name printed in the same article;
2. organisations (government bodies, associations, institutes), never inside a company;
3. industries from the taxonomy in `lexicon/industries.csv`; a short alias (≤ 3 characters:
   激光, 储能, 铸造) counts only in an industry context (激光产业, 制鞋企业, 机器人、储能、激光等
   新兴产业), and words inside a company name (新界泵业) are the company's, not the industry's;
4. people (reporters, 'title + name', names met before in the article) and places.

`harmonize_company_names` makes company names stable across articles (full name if ever seen).
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from typing import Iterable, Sequence

from . import lexicons
from .records import Article, EntityMention
from .sentences import split_sentences

_CJK = "\u4e00-\u9fff"
_IS_CJK = re.compile(rf"[{_CJK}]")

# --- shared word lists ---------------------------------------------------------------------

# Words after which a name starts (verbs, prepositions, time words that open a clause).
_CUT_WORDS = (
    "新成立 成立 引进 共建 推动 推进 签约 成功签约 落户 入驻 包括 其中 以及 比如 例如 同时 作为 还有 "
    "龙头企业 企业 当天 目前 今年 去年 近日 近年来 先后 组建 成为 位于 来到 走进 参观 依托 通过 联合 "
    "携手 牵头 打造 培育 获评 评为 入选 列入 支持 帮助 服务 带动 加快 实施 启动 完成 开展 举行 召开 "
    "发布 公布 表彰 授予 命名 认定 获得 拥有 集聚 吸引 招引 洽谈 合作 商家 本地 当地 我市 全市 "
    "国家级 省级 市级 专精特新 小巨人 上市 知名 明星 总经理 经理 董事长 总裁 本报讯"
).split()
# One-character function words: a name starts after them only when what follows is clearly
# a name (starts with a place, or is long enough), since brands contain 和, 与, 及 … too.
_CUT_CHARS = frozenset("在与和是的对为被把将由从向跟同给让等到于了及暨也还并又有以如像至使除年月日")
# Of those, the ones that never sit inside a name: a name always starts after them.
_HARD_CUT_CHARS = frozenset("的在是")
# jieba tags of words after which a name may start: time words, prepositions, pronouns,
# conjunctions, numerals (上周交通银行, 针对渣打银行, 多家…); verbs and adverbs only before a
# place or a long name (表示中国银行), since names hold verbs too (吉裕水产养殖有限公司).
_CUT_TAGS = frozenset("t p r c".split())
_CUT_TAGS_IF_LONG = frozenset("v d".split())
# Characters that never occur inside a brand.
_NOT_IN_BRAND = frozenset("的了是在与及等个年月日也都就这那其之各每该此本我你他们啊吗呢着过给把被让从向为以对将所而产使")

_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向"
    "汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦"
    "褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明"
    "佘池乐匡钮郦滑楼蔺"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒")

# --- small helpers -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str  # industry | company | organization | person | place
    canonical: str


def _overlaps(start: int, end: int, spans: Iterable[_Span]) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def _inside(start: int, end: int, spans: Iterable[_Span]) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


def _cjk_run_before(text: str, pos: int, limit: int, extra: str = "") -> int:
    """Start of the run of CJK (and `extra`) characters that ends at `pos`, at most `limit` long."""
    i = pos
    while i > 0 and pos - i < limit and (_IS_CJK.match(text[i - 1]) or text[i - 1] in extra):
        i -= 1
    return i


@functools.cache
def _places() -> frozenset[str]:
    return lexicons.words_tagged("ns")


@functools.cache
def _places_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_places(), key=len, reverse=True))


def _starts_with_place(text: str) -> bool:
    return lexicons.place_pattern().match(text) is not None


def _is_place_word(word: str) -> bool:
    return word in _places() or bool(re.search(r"(市|省|县|区|镇|乡|村|街道|社区)$", word))


@functools.cache
def _cut_word_re() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(_CUT_WORDS))


def _name_start(run: str, min_rest: int = 2) -> int:
    """Where a name begins in `run` (the text before its suffix): after the last verb,
    preposition or time word that leaves a plausible name behind."""
    best = 0
    for m in _cut_word_re().finditer(run):
        if len(run) - m.end() >= min_rest:
            best = max(best, m.end())
    tags = lexicons.jieba_word_tags()
    for i, ch in enumerate(run):
        rest = run[i + 1:]
        if ch in _CUT_CHARS and i + 1 > best and len(rest) >= min_rest and \
                (ch in _HARD_CUT_CHARS or _starts_with_place(rest) or len(rest) >= 4):
            best = i + 1
        for k in (2, 3, 4):
            end = i + k
            rest = run[end:]
            if end <= best or len(rest) < min_rest or end > len(run):
                continue
            tag = tags.get(run[i:end])
            if tag in _CUT_TAGS or (tag in _CUT_TAGS_IF_LONG and (_starts_with_place(rest) or len(rest) >= 4)):
                best = end
    # function characters left at the front go too (在台州市… → 台州市…)
    while best < len(run) and run[best] in _CUT_CHARS and len(run) - best - 1 >= min_rest:
        best += 1
    return best


# --- industries ----------------------------------------------------------------------------

# Words that make a short alias an industry: 激光产业, 制鞋企业, 泵业重镇, 激光领域.
_INDUSTRY_HEAD = re.compile(
    r"(?:装备|制造|加工|生产|设备)?(?:产业集群|产业链|产业|行业|集群|企业|领域|板块|赛道|重镇|之乡|之都|大县|强县|强镇)"
)
# A head that may extend the surface of any industry mention (数控机床产业集群).
_SURFACE_TAIL = re.compile(r"(?:产业集群|产业链|产业|行业|集群)")
# An enumeration that ends in an industry head: 机器人、储能、激光、半导体等战略性新兴产业.
_ENUM_TAIL = re.compile(r"等[^，。；、\n]{0,10}?(?:产业|行业|集群|领域|板块|赛道|产业链)")
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n“”\"（）()]")
# A strong alias right before these words names a project or facility, not the industry
# (现代农业综合体项目, 光伏电站).
_FACILITY_AFTER = re.compile(r"(?:综合体|项目|电站|工程)")


def _needs_context(alias: str) -> bool:
    """Short aliases are everyday words (激光, 铸造, 民宿); long ones are industry names."""
    return len(alias) <= 3


def _enumerated(body: str, start: int, end: int) -> bool:
    """Is [start, end) an item of a list that closes with 等…产业 (or 领域, 行业 …)?"""
    if not ((end < len(body) and body[end] in "、和及与") or (start > 0 and body[start - 1] in "、和及与")):
        return False
    stop = _CLAUSE_END.search(body, end)
    clause_end = stop.start() if stop else len(body)
    return bool(_ENUM_TAIL.search(body, end, clause_end))


def _raw_industry_matches(body: str) -> list[re.Match[str]]:
    return list(lexicons.industry_pattern().finditer(body))


def _find_industries(body: str, raw: list[re.Match[str]], companies: Sequence[_Span]) -> list[_Span]:
    aliases = lexicons.industry_aliases()
    out = []
    for m in raw:
        start, end, alias = m.start(), m.end(), m.group(0)
        if _overlaps(start, end, companies):
            continue  # 新界泵业 is a company, 台州吉裕水产养殖有限公司 too
        if _needs_context(alias):
            if not (_INDUSTRY_HEAD.match(body, end) or _enumerated(body, start, end)):
                continue
        elif _FACILITY_AFTER.match(body, end):
            continue
        tail = _SURFACE_TAIL.match(body, end)
        if tail:
            end = tail.end()
        out.append(_Span(start, end, "industry", aliases[alias]))
    return out


# --- companies -----------------------------------------------------------------------------

_COMPANY_SUFFIX = re.compile(
    r"集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|分公司|专业合作社|股份经济合作社|合作社|集团|银行|"
    r"厂(?![房区长家商])"
)
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
_GENERIC_BRANDS = frozenset(
    "我市 本市 全市 全省 全国 国内 国外 国际 国家 省级 市级 县级 国家级 本地 当地 本土 高档 高端 中高端 低端 "
    "精密 智能 数字 数控 现代 传统 新兴 先进 重点 龙头 骨干 明星 优质 大型 小型 微型 中小 中小型 微小型 相关 "
    "有关 知名 上市 规上 规模 工业 产业 行业 企业 民营 国有 集体 生产 制造 加工 研发 销售 服务 技术 创新 "
    "发展 建设 打造 推动 培育 科研 高新 新型 绿色 低碳 医用 家用 工程 政协 人大 政府 党委 社会 地方 乡村 "
    "校园 海洋 黑 这些 一批 多家 其中 同时 以及 包括 比如 例如 主导 支柱 特色 优势 配套 上下游 全球 世界 "
    "亚洲 中国 浙江 台州 温岭 各类 各种 液压 电动 自动 全自动 半自动 新能源 光伏 机电 汽摩 鞋帽 电商 文旅 "
    "农业 渔业 体育 科技 金融 信息 数据 网络 互联网 人工 高科技 全域 全链 共富 作坊 小作坊 新时代 未来 "
    "浙产 国产 自主 核心 关键".split()
)
# After a short form, these words show it was an industry phrase (数控系统, 机床产业).
_NOT_AFTER_SHORT_FORM = re.compile(
    r"(?:产业(?!园)|行业|集群|产业链|领域|板块|系统|机床|技术|装备|设备|制造|生产|加工|作坊|安全|体系|之城|之都|小镇)"
)


@functools.cache
def _short_form_re() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(_SHORT_FORM_WORDS))


def _valid_brand(brand: str) -> bool:
    if not 2 <= len(brand) <= 4 or not all(_IS_CJK.match(ch) for ch in brand):
        return False
    if any(ch in _NOT_IN_BRAND for ch in brand) or brand in _GENERIC_BRANDS \
            or brand[:2] in _GENERIC_BRANDS or brand[-2:] in _GENERIC_BRANDS:
        return False
    if _is_place_word(brand) or any(p in brand for p in _places() if len(p) >= 2):
        return False
    everyday = lexicons.everyday_words()
    if brand in everyday or (len(brand) > 2 and (brand[:2] in everyday or brand[-2:] in everyday)):
        return False  # 做好, 承担, 翻开, 推动一批: verbs, adverbs and numerals are no brand
    return not lexicons.industry_pattern().search(brand)


def _full_name_companies(body: str) -> list[_Span]:
    out: list[_Span] = []
    for m in _COMPANY_SUFFIX.finditer(body):
        run_start = _cjk_run_before(body, m.start(), 30, extra="()（）·&ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        run = body[run_start:m.start()]
        if len(run) < 2:
            continue
        start = run_start + _name_start(run)
        head = body[start:m.start()]
        if not _valid_company_head(head, m.group(0)):
            continue
        name = body[start:m.end()]
        out.append(_Span(start, m.end(), "company", name))
    return out


def _valid_company_head(head: str, suffix: str) -> bool:
    bare = head  # the head without the places it opens with
    for place in _places_longest_first():
        if bare.startswith(place) and len(bare) > len(place):
            bare = bare[len(place):]
    if len(head) < 2 or head in _GENERIC_COMPANY_BODY or bare in _GENERIC_COMPANY_BODY or _is_place_word(head):
        return False
    if suffix == "厂" and (len(head) < 3 or head[-1] in "工电水车"):
        return False  # 工厂, 电厂, 水厂, 车间厂 … and two-character words ending in 厂
    if suffix in ("集团", "银行") and head in _GENERIC_BRANDS:
        return False
    if head[0] in "0123456789":
        return False
    return True


def _short_form_companies(body: str, raw_industry: list[re.Match[str]], taken: list[_Span]) -> list[_Span]:
    out: list[_Span] = []
    for m in _short_form_re().finditer(body):
        p, q = m.start(), m.end()
        run_start = _cjk_run_before(body, p, 8)
        run = body[run_start:p]
        brand = _pick_brand(run)
        if not brand:
            continue
        start = p - len(brand)
        if _NOT_AFTER_SHORT_FORM.match(body, q) or _overlaps(start, q, taken) or _overlaps(start, q, out):
            continue
        if any(r.start() == p and r.end() > q for r in raw_industry):
            continue  # the word goes on into a longer industry term: 激光器, 机床工具
        # an industry alias that reaches into the brand (鞋帽服饰, 激光电子, 风光电及储能)
        if any(r.start() < p and r.end() > start for r in raw_industry):
            continue
        out.append(_Span(start, q, "company", body[start:q]))
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
    return run[0] in _CUT_CHARS or run.startswith(tuple(_CUT_WORDS)) or run[:2] in lexicons.everyday_words()


def _ends_with_function_word(prefix: str) -> bool:
    return prefix[-1] in _CUT_CHARS or prefix.endswith(tuple(_CUT_WORDS)) or prefix[-2:] in lexicons.everyday_words()


# Items of a list: 东部数控、美戈利的2项技术突破 / 北平机床的…、美戈利的…、甬岭数控的…
_CLAUSE = re.compile(r"[^，。；：！？,;:!?\n“”‘’\"]+")


def _coordinated_companies(body: str, known: list[_Span]) -> list[_Span]:
    """A bare 2–4 character name listed with a known company (X、Y的…) is a company too."""
    starts = {s.start for s in known}
    out: list[_Span] = []
    for clause in _CLAUSE.finditer(body):
        if "、" not in clause.group(0):
            continue
        items, pos = [], clause.start()
        for part in clause.group(0).split("、"):
            items.append((pos, part))
            pos += len(part) + 1
        if not any(start in starts for start, _ in items):
            continue
        for start, part in items:
            if start in starts:
                continue
            head = part.split("的", 1)[0] if "的" in part else part
            if head != part or len(part) <= 4:
                if _valid_brand(head) and not _overlaps(start, start + len(head), known):
                    out.append(_Span(start, start + len(head), "company", head))
    return out


@functools.cache
def _regions() -> tuple[str, ...]:
    """Administrative places a company name opens with (浙江, 台州市, 温岭 …), longest first.
    Town names stay: they are often the brand itself (新河帽业, 箬横西瓜)."""
    places = _places()
    regions = {p for p in places if re.search(r"(省|市|县|区)$", p)}
    regions |= {p for p in places if any(p + suffix in places for suffix in "省市县区")}
    return tuple(sorted(regions, key=len, reverse=True))


def _core_of(full_name: str) -> str:
    """温岭博哥文化传媒有限公司 → 博哥文化传媒; 中昊芯英(杭州)科技有限公司 → 中昊芯英;
    温岭市温岭镇力锋精密工具(浙江)有限公司 → 力锋精密工具."""
    core = _COMPANY_SUFFIX.sub("", full_name)
    changed = True
    while changed:
        changed = False
        for region in _regions():
            if core.startswith(region) and len(core) > len(region) + 1:
                core, changed = core[len(region):], True
                break
        m = re.match(rf"[{_CJK}]{{2,3}}(?:镇|街道|乡)", core)
        if m and len(core) > m.end() + 1:
            core, changed = core[m.end():], True
    return re.split(r"[(（]", core, maxsplit=1)[0]


def _brand_occurrences(body: str, full: list[_Span], taken: list[_Span]) -> list[_Span]:
    """The brand of a full name used alone in the same article: 足友校园鞋, 博哥文化与…"""
    out: list[_Span] = []
    words = lexicons.jieba_word_tags()
    for company in {s.canonical: s for s in full}.values():
        core = _core_of(company.canonical)
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
            if _PLACE_AFTER.match(body, end) or _overlaps(start, end, taken) or _overlaps(start, end, out):
                continue
            out.append(_Span(start, end, "company", company.canonical))
    return out


# A brand followed by these is a place name (新河镇), not the company.
_PLACE_AFTER = re.compile(r"镇|街道|村|市|县|区|乡")


def _resolve_short_forms(shorts: list[_Span], full: list[_Span]) -> list[_Span]:
    """Give a short form the full name printed in the same article (博哥文化 → 温岭博哥文化传媒有限公司)."""
    cores = [(_core_of(f.canonical), f.canonical) for f in full]
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


def _find_companies(body: str, raw_industry: list[re.Match[str]]) -> list[_Span]:
    full = _full_name_companies(body)
    shorts = _short_form_companies(body, raw_industry, full)
    coordinated = _coordinated_companies(body, full + shorts)
    brands = _brand_occurrences(body, full, full + shorts + coordinated)
    return full + _resolve_short_forms(shorts + coordinated, full) + brands


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
    places = lexicons.alternation(p for p in _places() if not re.search(r"(市|省|县|区|镇|街道)$", p))
    return re.compile(
        rf"(?:(?:{places})(?:市|省|县|区)|(?:{places})?(?:中央|国家|省|市|县)|[{_CJK}]{{2}}(?:镇|街道))"
    )


def _admin_organizations(body: str) -> list[_Span]:
    out: list[_Span] = []
    pos = 0
    while (m := _org_prefix_re().search(body, pos)) is not None:
        end = _unit_end(body, m)
        start = _prefix_start(body, m)
        if end is not None and start is not None:
            out.append(_Span(start, end, "organization", body[start:end]))
            pos = end
        else:
            pos = m.start() + 1
    return out


def _prefix_start(body: str, prefix: re.Match[str]) -> int | None:
    """Start of the body's name. A bare 市/省/县 glued to a word is no prefix (城市, 超市, 上市);
    glued to two characters that are no common word, it ends an unlisted place (深圳市)."""
    i = prefix.start()
    if prefix.group(0) not in ("市", "省", "县") or i == 0 or not _IS_CJK.match(body[i - 1]):
        return i
    tags = lexicons.jieba_word_tags()
    if body[i - 1:i + 1] in tags and tags[body[i - 1:i + 1]] != "ns":
        return None
    if body[i - 1] in _CUT_CHARS:
        return i
    place = body[i - 2:i]
    opens = i - 2 == 0 or (i >= 3 and (not _IS_CJK.match(body[i - 3]) or body[i - 3] in _CUT_CHARS))
    if opens and len(place) == 2 and _IS_CJK.match(place[0]) and place not in lexicons.everyday_words() \
            and not any(c in _CUT_CHARS or c in "市省县区镇委府局厅部办会协联" for c in place):
        return i - 2
    return i


def _valid_town_prefix(prefix: str) -> bool:
    if not prefix.endswith(("镇", "街道")):
        return True
    stem = prefix[:-2] if prefix.endswith("街道") else prefix[:-1]
    return stem[-1] not in _NOT_BEFORE_PLACE_SUFFIX and not any(c in _CUT_CHARS for c in stem)


def _unit_end(body: str, prefix: re.Match[str]) -> int | None:
    """End of '<prefix><name><unit>': the first unit after the prefix (the longest one at its
    position), extended by units glued to it (市安委办, 市人大常委会); None if there is none."""
    start, p = prefix.start(), prefix.end()
    if not _valid_town_prefix(prefix.group(0)) or _NOT_AFTER_PREFIX.match(body, p):
        return None
    stop = _ORG_WINDOW_STOP.search(body, p, min(len(body), p + 16))
    limit = stop.start() if stop else min(len(body), p + 16)
    i = p
    while i < limit and _IS_CJK.match(body[i]):
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


def _suffix_organizations(body: str, taken: list[_Span]) -> list[_Span]:
    out: list[_Span] = []
    for m in _ORG_SUFFIX.finditer(body):
        run_start = _cjk_run_before(body, m.start(), 14)
        run = body[run_start:m.start()]
        if len(run) < 2:
            continue
        start = run_start + _org_name_start(run)
        head = body[start:m.start()]
        if len(head) < 2 or head in _GENERIC_ORG_BODY or _SCOPE_HEAD.match(head) or head[0] in "家个项名位" \
                or any(c in _HARD_CUT_CHARS for c in head) or head in lexicons.everyday_words():
            continue
        if _inside(start, m.end(), taken):
            continue
        out.append(_Span(start, m.end(), "organization", body[start:m.end()]))
    # the longest name wins where two overlap (清华大学温岭研究院 over 清华大学)
    kept: list[_Span] = []
    for span in sorted(out, key=lambda s: s.start - s.end):
        if not _overlaps(span.start, span.end, kept):
            kept.append(span)
    return kept


def _org_name_start(run: str) -> int:
    start = _name_start(run)
    for w in _ORG_CUT_WORDS:
        i = run.rfind(w)
        if i >= 0 and i + len(w) > start and len(run) - i - len(w) >= 2:
            start = i + len(w)
    return start


def _find_organizations(body: str, companies: list[_Span]) -> list[_Span]:
    named = [_Span(m.start(), m.end(), "organization", m.group(0)) for m in lexicons.organization_pattern().finditer(body)]
    spans = [s for s in named if not _overlaps(s.start, s.end, companies)]
    for s in _admin_organizations(body) + _suffix_organizations(body, companies):
        if _overlaps(s.start, s.end, companies):
            continue
        # a longer pattern match replaces the gazetteer entries it contains (市委 ⊂ 市委宣传部)
        spans = [t for t in spans if not (s.start <= t.start and t.end <= s.end)]
        if not _overlaps(s.start, s.end, spans):
            spans.append(s)
    return spans


# --- people --------------------------------------------------------------------------------

_TITLES = (
    "总书记 书记 副书记 市长 副市长 县长 副县长 区长 镇长 副镇长 省长 副省长 主席 副主席 主任 副主任 局长 副局长 "
    "厅长 部长 院长 校长 所长 站长 院士 董事长 总经理 副总经理 经理 负责人 创始人 总裁 教授 博士 宣讲员 讲师 "
    "村支书 支部书记 会长 秘书长 厂长 队长 主播 船长 市领导 党组书记 常委 委员 代表 老师 医生 警官 民警"
).split()
# Characters that follow a two-character name rather than end a three-character one.
_AFTER_NAME = frozenset("主出在表说指强等作来参到对要带率与和认讲介为是的也还先一了向就边称告通希提深现正将已又被把从以则却同并于宣当上下前后")
# Characters that do not occur in a given name: place and body suffixes, titles.
_NOT_IN_NAME = frozenset("市省县区镇乡村委会局部副长总")
_AFTER_NAME_TITLES = re.compile(r"(?:总书记|书记|教授|博士|院士|同志|先生|女士|主席|市长)")


@functools.cache
def _title_re() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(_TITLES))


def _name_at(body: str, i: int) -> str | None:
    """A person's name starting at i (surname + one or two characters), or None."""
    if body.startswith(_COMPOUND_SURNAMES, i):
        given = body[i + 2:i + 4]
        size = 2 + (2 if len(given) == 2 and given[1] not in _AFTER_NAME and _IS_CJK.match(given[1]) else 1)
        return body[i:i + size] if all(_IS_CJK.match(c) for c in body[i:i + size]) else None
    if i >= len(body) or body[i] not in _SURNAMES or body[i] in _AFTER_NAME:
        return None
    chunk = body[i:i + 3]
    if len(chunk) < 2 or not all(_IS_CJK.match(c) for c in chunk[:2]) or chunk[1] in _AFTER_NAME \
            or chunk[:2] in lexicons.everyday_words() or any(c in _NOT_IN_NAME for c in chunk[1:]):
        return None
    if len(chunk) == 3 and _IS_CJK.match(chunk[2]) and chunk[2] not in _AFTER_NAME:
        return chunk
    return chunk[:2]


def _title_names(body: str) -> set[str]:
    names: set[str] = set()
    for m in _title_re().finditer(body):
        i = m.end()
        while True:  # 市领导朱建军、马厉财等
            name = _name_at(body, i)
            if not name or _is_place_word(name) or name in _GENERIC_BRANDS:
                break
            names.add(name)
            i += len(name)
            if i < len(body) and body[i] == "、":
                i += 1
                continue
            break
    for m in _AFTER_NAME_TITLES.finditer(body):  # 习近平总书记, 刘言军教授
        for size in (3, 2):
            s = m.start() - size
            if s < 0:
                continue
            cand = body[s:m.start()]
            if all(_IS_CJK.match(c) for c in cand) and (cand[0] in _SURNAMES or cand[:2] in _COMPOUND_SURNAMES) \
                    and not (s > 0 and size == 2 and body[s - 1] in _SURNAMES and _IS_CJK.match(body[s - 1])) \
                    and not any(c in _AFTER_NAME or c in _NOT_IN_NAME for c in cand[1:]) \
                    and cand[:2] not in lexicons.everyday_words():
                names.add(cand)
                break
    return names


def _find_people(body: str, reporters: Sequence[str], taken: list[_Span]) -> list[_Span]:
    names = {r for r in reporters if r} | _title_names(body)
    if not names:
        return []
    out: list[_Span] = []
    for m in re.finditer(lexicons.alternation(names), body):
        if not _overlaps(m.start(), m.end(), taken):
            out.append(_Span(m.start(), m.end(), "person", m.group(0)))
    return out


# --- places --------------------------------------------------------------------------------

_PLACE_SUFFIX = re.compile(r"街道|镇|村")
# The character before the suffix that makes a common word: 乡镇, 城镇, 小镇, 乡村, 渔村, 全村 …
_NOT_BEFORE_PLACE_SUFFIX = frozenset("乡农渔全各该本城小重村集古名强市县每一两三四五个新老山海大中镇区整边")


def _pattern_places(body: str) -> list[_Span]:
    """'XX镇', 'XX街道', 'XX村' (two characters before the suffix; three for a village
    printed after its town: 新河镇河头梁村)."""
    out: list[_Span] = []
    for m in _PLACE_SUFFIX.finditer(body):
        s = m.start()
        if s < 2 or body[s - 1] in _NOT_BEFORE_PLACE_SUFFIX:
            continue
        size = 3 if m.group(0) == "村" and s >= 4 and body[s - 4] in "镇乡道" else 2
        name = body[s - size:s]
        if not all(_IS_CJK.match(c) for c in name) or any(c in _CUT_CHARS for c in name):
            continue
        out.append(_Span(s - size, m.end(), "place", body[s - size:m.end()]))
    return out


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Places in any text (gazetteer + 'XX镇/街道/村' pattern): (start, end, name), left to right."""
    spans = [_Span(m.start(), m.end(), "place", m.group(0)) for m in lexicons.place_pattern().finditer(text)
             if not text.startswith("式", m.end())]  # 中国式现代化 is no place
    for s in _pattern_places(text):
        if not _overlaps(s.start, s.end, spans):
            spans.append(s)
    return sorted((s.start, s.end, s.canonical) for s in spans)


# --- assembly ------------------------------------------------------------------------------


def _spans(article: Article) -> list[_Span]:
    body = article.body
    raw_industry = _raw_industry_matches(body)
    companies = _find_companies(body, raw_industry)
    organizations = _find_organizations(body, companies)
    industries = _find_industries(body, raw_industry, companies)
    named = companies + organizations
    people = _find_people(body, article.reporters, named)
    places = [
        _Span(s, e, "place", name) for s, e, name in find_places(body)
        if not _overlaps(s, e, named) and not _overlaps(s, e, people)
    ]
    return companies + organizations + industries + people + places


@functools.lru_cache(maxsize=256)
def _mentions_cached(article: Article) -> tuple[EntityMention, ...]:
    sentences = list(split_sentences(article.body))
    starts = [s.start for s in sentences]

    def sentence_at(pos: int) -> str:
        i = bisect.bisect_right(starts, pos) - 1
        return sentences[i].text if i >= 0 else ""

    out = []
    for s in sorted(_spans(article), key=lambda s: (s.start, s.end, s.kind)):
        out.append(EntityMention(
            mention_id=f"{article.article_id}-m{s.start}-{s.end}-{s.kind}",
            article_id=article.article_id,
            issue_id=article.issue_id,
            entity_type=s.kind,
            canonical_name=s.canonical,
            surface=article.body[s.start:s.end],
            start_char=s.start,
            end_char=s.end,
            sentence=sentence_at(s.start),
        ))
    return tuple(out)


def find_mentions(article: Article) -> list[EntityMention]:
    """Every entity mention in the article body, left to right (a fresh list per call)."""
    return list(_mentions_cached(article))


def harmonize_company_names(mentions: Iterable[EntityMention]) -> list[EntityMention]:
    """Across articles, give a short company name the full name printed anywhere in the set
    (利欧股份 stays 利欧股份 until 利欧集团股份有限公司 is seen; then every mention takes it)."""
    mentions = list(mentions)
    full_names = {m.canonical_name for m in mentions if m.entity_type == "company" and _COMPANY_SUFFIX.search(m.canonical_name)}
    cores = sorted(((_core_of(n), n) for n in full_names), key=lambda c: -len(c[0]))
    out = []
    for m in mentions:
        if m.entity_type == "company" and m.canonical_name not in full_names:
            for core, name in cores:
                if len(core) >= 2 and m.canonical_name.startswith(core[:2]):
                    m = dataclasses.replace(m, canonical_name=name)
                    break
        out.append(m)
    return out
