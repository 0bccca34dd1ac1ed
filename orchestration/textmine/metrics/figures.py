"""Quantitative statements: the figures an analyst would put in a table.

For every figure `numbers.find_quantities` finds in a sentence the module decides
1. what it measures (output value, investment, growth rate, enterprise count …) from the
   nearest keyword before it and the noun it counts;
2. whether it is worth a row: economic figures are, the logistics of meetings, inspections and
   campaigns (10位代表, 问卷2452份, 麻袋1500条, 走访21家企业) are not;
3. what it is about: the nearest entity mention before it (industry, company, project,
   organisation, place), looking back through the sentence and then the paragraph (其中…
   clauses refer back), with 全市/我市 standing for the home region — and, in an article about
   one industry, the industry rather than the city;
4. its period (timeparse) — stocks counted now (企业5家) are as of the publication month, flows
   (产值, 销售额) only carry a period the text states.
"""
from __future__ import annotations

import datetime as dt
import re

from . import subjects
from .industry_phrases import industry_phrases
from ..numbers import Quantity, find_quantities
from ..records import Article, EntityMention, Metric
from ..regions import Region
from ..sentences import split_sentences
from .subjects import Figure, Scope
from ..timeparse import UNKNOWN, DateMention, Period, as_of_period, find_dates, find_periods, resolve_period

# --- lexicon -------------------------------------------------------------------------------

# Money keywords → metric; the keyword nearest before the figure wins.
MONEY_KEYWORDS = [
    ("added_value", ("增加值",)),
    ("investment", ("总投资", "投资额", "投资", "投入", "计划投资", "完成投资", "利用外资", "使用外资", "引进外资")),
    ("sales", ("销售额", "销售收入", "营业收入", "营收", "零售额", "零售总额", "交易额", "成交额", "营业额",
               "销售", "收入", "网络零售")),
    ("output_value", ("总产值", "产值", "产业规模", "产值规模", "规模", "产出")),
    ("other", ("GDP", "生产总值", "基金", "税收", "税收收入", "财政收入", "预算收入", "可支配收入", "人均", "利润", "出口", "进出口",
               "补贴", "补助", "奖励", "资金", "贷款", "融资", "存款", "费用", "成本", "价格", "预算")),
]
# A yearly output value that is promised, not achieved: 投产后年产值预计达20亿元.
EXPECTED_OUTPUT = re.compile(r"(?:预计|达产|投产后|建成后|全部投产).{0,12}年产值|年产值.{0,4}预计")
RATIO_KEYWORDS = [
    ("share", ("占比", "比重", "比例", "占有率", "份额", "贡献度", "贡献率", "占全国", "占全省", "占")),
    ("growth_rate", ("增长", "增速", "增幅", "同比", "环比", "提高", "提升", "上升", "下降", "减少", "增加")),
    ("other", ("率",)),
]
POPULATION_WORDS = ("人口", "居民", "村民", "常住", "户籍", "共有")
AREA_WORDS = ("面积", "用地", "占地", "土地", "厂房", "建筑", "场地", "空间", "园区", "耕地", "农田")
LENGTH_WORDS = ("总长", "全长", "长度", "里程", "线路长", "路线长")  # 线路总长约18.6公里: a road's or line's length
PRODUCTION_WORDS = ("产量", "产能", "销量", "吞吐量", "处理能力", "加工", "年产")

# Nouns a count is worth a row for (enterprises, platforms, products …) …
ENTERPRISE_NOUNS = ("企业", "公司", "冠军", "小巨人", "工厂", "厂家", "商户", "商家", "门店", "作坊",
                    "工坊", "龙头", "上市")
COUNT_NOUNS = ("研究院", "集群", "平台", "产品", "项目", "专利", "标准", "基地", "技术", "品牌", "园区",
               "人才", "工程师", "直播", "房", "村民", "游客", "客流", "从业人员", "员工", "职工",
               "就业", "床位", "课题", "成果", "创新", "院士", "科研",
               "设区市", "县级市", "城市", "县")  # 12个设区市、16个县级市上榜
BUSINESS_UNITS = ("市场主体", "个体工商户", "个体户", "经营主体")
# … and those it is not (the logistics of meetings, inspections and campaigns).
COUNT_STOP_NOUNS = ("问题", "意见", "建议", "方面", "团体", "部门", "代表", "委员", "领导", "座谈会",
                    "会议", "战队", "队伍", "荣誉", "问卷", "议案", "对策", "班次", "活动", "工作室",
                    "律师", "网民", "群众", "干部", "协会", "市场", "治理中心", "镇", "街道", "学生",
                    "青少年", "妇女", "志愿者", "隐患", "宣讲")
ACTIVITY_VERBS = ("走访", "调研", "慰问", "检查", "督查", "约谈", "召开", "出席", "参加", "发动", "观看",
                  "培训", "帮扶", "举办", "收集", "摸排", "排查", "巡查", "宣传", "发放")
FLOW_METRICS = frozenset({"output_value", "added_value", "growth_rate", "investment",
                          "annual_output_value_expected", "sales", "generation"})
STOCK_METRICS = frozenset({"enterprise_count", "count", "population", "households"})
DURATIONS = frozenset({"year", "month", "day", "hour", "minute", "second", "week", "age", "anniversary"})

_NEXT_ITEM = re.compile(r"以及|[0-9０-９]+[家个名位项]")
_ITEM_BREAK = re.compile(r"[，,；;：:。！？!?、]")
_AS_OF_CUE = re.compile(r"已|现|累计|至今")
_ANNUAL = re.compile(r"(?<!占)(?:年度计划|全年计划|年计划)(?:完成)?投资|年度投资")
_BREAKDOWN = re.compile(r"^(?:其中|其中，|其中,)")
_LISTED = re.compile(r"上榜|入选|入围|获评|获批|命名")
_TAIL = re.compile(r"(?:[“”\"‘’（）()\s]|达到|超过|突破|多达|高达|合计|累计|总数|数量|总量|个数|家数|"
                   r"[达近约超逾共有已为计])$")
# 投资10亿元以上项目7个: a bound that defines a category, not a figure
_THRESHOLD = re.compile(r"(?:[（(]含[)）])?(?:及)?以[上下]的?[\u4e00-\u9fff]")
# 大于600亿元, 不低于15亿元: a criterion; 超过20亿元的产业项目9个: a category of projects
_CRITERION_BEFORE = re.compile(r"(?:大于|小于|不低于|不少于|不高于|不超过|低于|高于)$")
_CATEGORY = re.compile(r"的[^，。；、]{0,6}(?:项目|企业)")
_CATEGORY_BEFORE = re.compile(r"(?:超过|超|逾|达到)$")
# 在这28个签约项目中，…: the total stated again to break it down
_RESTATED = re.compile(r"[^，。；、0-9]{0,8}中[，,]")
_NO_NOUN_AFTER = re.compile(r"^(?:[的、，,。；;：:）)”’]|以上|以下|左右|上下|之多|余|多)")


# --- entry point ---------------------------------------------------------------------------


def find_metrics(article: Article, pub_date: dt.date | None, mentions: list[EntityMention],
                 home: Region | None = None) -> list[Metric]:
    """Every figure worth a row; `home` is the issue's own region (what 我市 stands for when
    the article does not name one)."""
    body = article.body
    usable = _outermost(subjects.usable(mentions))
    usable = usable + subjects.region_mentions(article, usable)
    dominant = subjects.dominant_industry(article, usable)  # of the lexicon's industries only
    usable = sorted(usable + industry_phrases(article, usable), key=lambda m: m.start_char)
    scope = Scope.of(article, home, mentions)
    sentences = list(split_sentences(body))
    out: list[Metric] = []
    last: dict[int, tuple[str, str] | None] = {}  # sentence index → subject of its last figure
    when = _When(pub_date)
    for idx, sent in enumerate(sentences):
        earlier: list[tuple[int, tuple[str, str]]] = []  # subjects of this sentence's figures so far
        if idx and "\n" in body[sentences[idx - 1].end: sent.start]:
            when.new_paragraph()
        when.read(sent.text)
        for q in find_quantities(sent.text):
            metric = _classify(sent.text, q)
            if metric is None:
                continue
            start, end = sent.span_of(q.start, q.end)
            fig = Figure(sent, idx, q.start, start, end, metric, q.normalized_unit == "persons")
            subject = subjects.resolve(body, sentences, fig, usable, dominant, scope, earlier, last.get(idx - 1))
            if subject is not None:
                earlier.append((start, subject))
            last[idx] = subject
            period = when.period(sent.text, q, metric, subjects.is_batch(body, fig))
            out.append(Metric(
                metric_id=f"{article.article_id}-q{start}",
                article_id=article.article_id,
                issue_id=article.issue_id,
                subject_name=subject[0] if subject else None,
                subject_type=subject[1] if subject else None,
                metric=metric,
                value=q.value,
                unit=q.unit,
                value_normalized=q.value_normalized,
                normalized_unit=q.normalized_unit,
                period_label=period.label,
                period_start=period.start,
                period_end=period.end,
                evidence=sent.text,
                start_char=start,
                end_char=end,
            ))
        when.end_sentence()
    return out


def _outermost(mentions) -> list[EntityMention]:
    """Drop mentions nested in a longer one (AI in 中昊芯英AI算力产业基地项目): the whole name is
    what the text talks about."""
    ordered = sorted(mentions, key=lambda m: (m.start_char, -(m.end_char - m.start_char)))
    out: list[EntityMention] = []
    reach = -1
    for m in ordered:
        if m.end_char <= reach and out and m.start_char >= out[-1].start_char:
            continue
        out.append(m)
        reach = max(reach, m.end_char)
    return out


# --- what the figure measures --------------------------------------------------------------


def _item_before(text: str, pos: int) -> str:
    """From the last list or clause break (、 too) before `pos`: the noun of 'X企业5家、Y研究院11家'."""
    cut = max((m.end() for m in _ITEM_BREAK.finditer(text, 0, pos)), default=0)
    return text[cut:pos]


def _after(text: str, end: int) -> str:
    """The noun right after the unit (8个产品, 11家企业), up to the next break."""
    rest = text[end:end + 16]
    if _NO_NOUN_AFTER.match(rest):
        return ""
    m = _ITEM_BREAK.search(rest)
    rest = rest[: m.start()] if m else rest
    nxt = _NEXT_ITEM.search(rest)  # 三家省级龙头以及27家规上企业: not past the next figure
    return rest[: nxt.start()] if nxt else rest


def _clause_after(text: str, end: int) -> str:
    m = subjects.CLAUSE_BREAK.search(text, end)
    return text[end: m.start() if m else len(text)]


def _nearest_keyword(window: str, table) -> str | None:
    """The metric whose keyword ends nearest the end of `window`."""
    best, best_key = None, (-1, 0)
    for metric, words in table:
        for w in words:
            pos = window.rfind(w)
            if pos >= 0 and (pos + len(w), len(w)) > best_key:  # ties: the longer word (可支配收入 over 收入)
                best, best_key = metric, (pos + len(w), len(w))
    return best


def _classify(sentence: str, q: Quantity) -> str | None:
    """The metric a figure measures, or None when it is not worth a row."""
    unit = q.normalized_unit
    clause = subjects.clause_before(sentence, q.start)
    if unit is None or unit in DURATIONS or _THRESHOLD.match(sentence, q.end):
        return None
    if _CRITERION_BEFORE.search(sentence, 0, q.start) or \
            _CATEGORY_BEFORE.search(sentence, 0, q.start) and _CATEGORY.match(sentence, q.end):
        return None
    if unit == "count" and _RESTATED.match(sentence, q.end):
        return None
    if q.value == 1 and not sentence[q.start].isdigit():
        return None  # 最大的一个项目, 一家铺子: the numeral is an article, not a statistic
    if unit in ("CNY", "USD", "EUR", "HKD"):
        if EXPECTED_OUTPUT.search(clause + sentence[q.end: q.end + 6]):
            return "annual_output_value_expected"
        described = sentence[q.end: q.end + 16].split("，")[0] if sentence[q.end: q.end + 1] == "的" else ""
        if any(w in described for w in dict(MONEY_KEYWORDS)["other"]):
            return "other"  # 规模50亿元的…专项基金: the noun after says what the money is
        return _nearest_keyword(clause, MONEY_KEYWORDS) or "other"
    if unit == "number":  # 超40万, 2000亿: only a money word makes a bare magnitude a figure
        kind = _nearest_keyword(clause, MONEY_KEYWORDS)
        return kind if kind not in (None, "other") else None
    if unit in ("ratio", "percentage_point"):
        return _nearest_keyword(clause, RATIO_KEYWORDS)
    if unit == "kW":
        return "capacity"
    if unit == "kWh":
        return "generation"
    if unit == "mu":
        return "area"
    if unit == "m2":
        return "area" if any(w in clause for w in AREA_WORDS) else None
    if unit in ("t", "m", "m3"):
        return "other" if any(w in clause for w in PRODUCTION_WORDS + LENGTH_WORDS) else None
    if unit in ("count", "persons", "person_times", "households"):
        return _classify_count(sentence, q, clause)
    return None


def _classify_count(sentence: str, q: Quantity, clause: str) -> str | None:
    after = _after(sentence, q.end)
    context = clause + after + _clause_after(sentence, q.end)
    if any(v in context for v in ACTIVITY_VERBS):
        return None  # 走访21家企业, 培训350人次: what a campaign did, not what the economy is
    if q.normalized_unit == "households":  # 新增市场主体5000户 counts businesses, 惠及居民6298户 homes
        noun = after or _item_before(sentence, q.start)
        return "enterprise_count" if any(w in noun for w in ENTERPRISE_NOUNS + BUSINESS_UNITS) else "households"
    if q.normalized_unit == "persons" and any(w in clause for w in POPULATION_WORDS):
        return "population"
    # The counted noun follows the unit (8个产品市场占有率…: its first word) or precedes the
    # figure (省级企业研究院11家: its last word, the head of a Chinese noun phrase).
    before = _strip_tail(_item_before(sentence, q.start))
    kind = _noun_kind(after, first=True) if after else _noun_kind(before, first=False)
    if kind == "enterprise" or kind is None and q.unit.endswith("家") and not after and not before:
        return "enterprise_count"
    if q.unit.endswith("城") and kind is None:
        return "count"  # 本届共有98城入选
    return "count" if kind == "count" else None


def _strip_tail(noun: str) -> str:
    """省级专精特新中小企业 from '…中小企业', '配套企业近', '“小巨人”', '企业数量达'."""
    while True:
        trimmed = _TAIL.sub("", noun)
        if trimmed == noun:
            return noun
        noun = trimmed


def _noun_kind(noun: str, first: bool) -> str | None:
    """enterprise / count / stop for the keyword that starts first (first=True) or ends last."""
    best, best_key = None, None
    for kind, words in (("enterprise", ENTERPRISE_NOUNS), ("count", COUNT_NOUNS), ("stop", COUNT_STOP_NOUNS)):
        for w in words:
            pos = noun.find(w) if first else noun.rfind(w)
            if pos < 0 or not first and pos + len(w) != len(noun):
                continue  # before the figure only the head (the last word) counts
            key = (-pos, len(w)) if first else (pos + len(w), len(w))
            if best_key is None or key > best_key:
                best, best_key = kind, key
    return best


# --- when ----------------------------------------------------------------------------------


class _When:
    """The period of each figure, read with what came before it in the article: the day last
    named (for a batch signed or started that day), the period of the sentence before in the
    same paragraph (…上半年…增长8.2%；固定资产投资增长11.5% — one report split by ；)."""

    def __init__(self, pub_date: dt.date | None) -> None:
        self.pub = pub_date
        self.day: dt.date | None = None  # the last day-precise date read
        self.year: int | None = None
        self.sentence_dates: list[DateMention] = []
        self.carried: Period | None = None  # the stated period of the sentence before
        self.stated: Period | None = None  # … of this sentence, so far
        self.text = ""
        self.after_semicolon = False  # the sentence before ended with ；: one report goes on

    def new_paragraph(self) -> None:
        self.carried = None
        self.text = ""

    def read(self, text: str) -> None:
        self.sentence_dates = find_dates(text, self.pub, self.day, self.year)
        self.stated = None
        self.after_semicolon = self.text.rstrip().endswith(("；", ";"))
        self.text = text

    def end_sentence(self) -> None:
        for d in self.sentence_dates:
            if d.date is not None and d.precision == "day":
                self.day = d.date
            if d.date is not None:
                self.year = d.date.year
        if self.stated is not None:
            self.carried = self.stated

    def period(self, sentence: str, q: Quantity, metric: str, batch: bool) -> Period:
        before = sentence[: q.start]
        clause = subjects.clause_before(sentence, q.start)
        stated = resolve_period(before, self.pub)
        if stated.label != "unknown" and not stated.label.startswith("as_of_") \
                and not self._only_a_day_anchors(before, stated):
            self.stated = stated  # a period the sentence states (not the year a date gave)
        if _ANNUAL.search(clause) and not find_periods(clause, self.pub):
            return self._year(stated)  # 今年上半年…，年度计划投资约26亿元: the year
        if stated.label == "unknown" and self.carried is not None and (metric in FLOW_METRICS or metric == "share"
                                                                     or _BREAKDOWN.match(sentence)):
            return self.carried  # 上半年…增长8.2%；…投资增长11.5% / 上半年…37个项目…。其中，制造类项目21个
        if stated.label == "unknown" and self.carried is not None and self.after_semicolon:
            return self.carried  # 1—5月，完成投资…；新开工项目31个: the period before ； goes on
        if batch and (stated.label == "unknown" or self._only_a_day_anchors(before, stated)):
            day = self._day_before(q.start)
            if day is not None:  # 6月16日…此次开工项目31个: the month of the ceremony
                return Period(f"{day.year}-{day.month:02d}", day.replace(day=1), _month_end(day))
        if stated.label == "unknown" and metric in STOCK_METRICS and _LISTED.search(sentence):
            return self._year(stated)  # 12个设区市上榜: a count on this year's list
        return _fallback(stated, clause, metric, self.pub)

    def _only_a_day_anchors(self, before: str, stated: Period) -> bool:
        """本报绍兴5月12日电…23个项目集中签约: the year the day gave is not the batch's period."""
        found = find_periods(before, self.pub)
        if not found or not re.fullmatch(r"\d{4}", stated.label):
            return False
        start, end, _ = found[-1]
        return "月" in before[start:end] and "年" not in before[start:end]

    def _day_before(self, pos: int) -> dt.date | None:
        days = [d.date for d in self.sentence_dates if d.precision == "day" and d.date and d.end <= pos]
        return days[-1] if days else self.day

    def _year(self, stated: Period) -> Period:
        year = stated.end.year if stated.end else self.pub.year if self.pub else None
        if year is None:
            return UNKNOWN
        return Period(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))


def _month_end(day: dt.date) -> dt.date:
    nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def _fallback(period: Period, clause: str, metric: str, pub_date: dt.date | None) -> Period:
    if period.label.startswith("as_of_") and metric in FLOW_METRICS and "累计" not in clause:
        return UNKNOWN  # 截至目前…年销售额200万元: a flow has no 'as of'
    if period.label == "unknown" and pub_date is not None:
        as_of_now = as_of_period(pub_date)
        if metric in STOCK_METRICS:
            return as_of_now  # 集群拥有…企业5家: a stock counted at publication
        if metric in ("share", "capacity") and _AS_OF_CUE.search(clause):
            return as_of_now
    return period
