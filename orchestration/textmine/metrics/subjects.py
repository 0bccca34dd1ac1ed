"""What a figure is about: the subject of a metric, resolved across clauses and sentences.

The candidates are the entity mentions of the article (industries, companies, projects,
organisations, places) and the administrative regions regions.py finds (诸暨, 萧山区, 浙江).
In order:
1. a name the figure describes (3000亩的机床装备产业园);
2. an anaphor — 该企业/该公司 → the company named last, 该项目 → the project;
3. the subject of an earlier figure in the same clause (共有8639人、4700余间房);
4. a batch of projects (签约项目35个，总投资186亿元) belongs to the industry that qualifies it
   (新材料项目12个) or else to the region it is in — not to one of its members;
5. a name or scope word (全市, 我区, 全省) in the figure's clause, then the sentence's topic,
   then the sentence before, then the paragraph;
6. the region the text is in.
A scope word stands for a region: the one printed just before it (萧山全区), else the nearest
fitting region named before it in the article (全市 after 诸暨…), else the issue's home region.
"""
from __future__ import annotations

import collections
import dataclasses
import re
from typing import Sequence

from .. import regions
from ..records import Article, EntityMention
from ..sentences import Sentence

# Scope words → the administrative kind they stand for (我市 → 市 …); 全国 stays 全国.
SCOPE_WORDS = {"我市": "市", "全市": "市", "本市": "市", "市内": "市", "我区": "区", "全区": "区", "本区": "区",
               "我县": "县", "全县": "县", "本县": "县", "全省": "省", "我省": "省", "本省": "省",
               # anaphora: the region of its kind named last (锦溪县……该县)
               "该市": "市", "该区": "区", "该县": "县"}
NATION_WORDS = ("全国", "我国")
SUBJECT_TYPES = {"industry": "industry", "company": "company", "project": "project",
                 "organization": "organization", "place": "region"}
ANAPHORA = {"该企业": "company", "该公司": "company", "该集团": "company", "该项目": "project"}
# Metrics that describe an industry when the text credits them to the city (我市已建成…平台6个).
INDUSTRY_METRICS = frozenset({"enterprise_count", "count", "output_value", "share", "growth_rate",
                              "sales", "added_value"})
BATCH_METRICS = frozenset({"count", "investment", "share", "growth_rate"})

CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
_TIME_ONLY = re.compile(r"(?:目前|当前|截至目前|近日|日前|近年来|近期|同时|此外|另外|其中|如今|今年|去年|"
                        r"[0-9０-９一二三四五六七八九十〇零]+[年月日号]|上午|下午|晚上|[0-9]{4}年.*|截至.*|[^，]{0,12}以来)+")
_SPEECH = re.compile(r"(?:说|表示|介绍|指出|强调|告诉记者|称|认为|透露|坦言)$")
_ADVERBIAL = re.compile(r"^(?:作为|在|随着|通过|经过|为了|为|据|根据|按照|围绕|依托|对|对于|与|和|除|自|从|当|由于|面对|针对|历经|得益于)")
_LIST_INTRO = re.compile(r"包括|比如|例如|诸如")
_BATCH = re.compile(r"项目")
_PROJECT_COUNT = re.compile(r"[0-9０-９]+个[^，。；]{0,12}项目|项目[^，。；]{0,4}[0-9０-９]+个|项目达[0-9０-９]+个")
_BATCH_SHARE = re.compile(r"项目总数|项目数")
_COUNT_AFTER = re.compile(r"的[0-9０-９]+个[^，。；]{0,6}项目")
_FIELD = re.compile(r"(?:特别是|尤其是|其中)?在[^，,。；]{1,16}?(?:领域|方面|行业)[，,]")
_DATELINE = re.compile(r"(?:新闻)?[0-9０-９]{1,2}月[0-9０-９]{1,2}日电")
_CLASSIFIERS = frozenset("家个名位项只条")
NOT_SUBJECTS = frozenset({"中国", "中华人民共和国"})

Subject = tuple[str, str]


def as_subject(m: EntityMention) -> Subject:
    return m.canonical_name, SUBJECT_TYPES[m.entity_type]


def clause_before(text: str, pos: int) -> str:
    """From the last clause break before `pos` up to `pos`."""
    cut = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, pos)), default=0)
    return text[cut:pos]


# --- the article's places ------------------------------------------------------------------


def _in_dateline(body: str, end: int) -> bool:
    """新华社杭州7月14日电, 本报绍兴5月12日电: where the wire was filed, not what it is about."""
    return bool(_DATELINE.match(body, end))


_RANK = re.compile(r"[省市县区]?级")
_RANKING = re.compile(r"第|前列|前[0-9０-９一二三四五六七八九十]|首[位个家]|之首|领先|排名|最")


def is_rank(body: str, end: int) -> bool:
    """莆田市级重点项目, 省级园区: a region before 级 ranks the name that follows; it is not
    where the figure is."""
    return bool(_RANK.match(body, end))


def usable(mentions: list[EntityMention]) -> list[EntityMention]:
    """Mentions that can be a subject: not 中国 (中国500强企业 — a modifier; the nation as a
    scope is 全国), not a name cut from a count (家龙头企业 of 12家龙头企业)."""
    return [m for m in mentions if m.entity_type in SUBJECT_TYPES and m.canonical_name not in NOT_SUBJECTS
            and not (m.entity_type != "place" and m.surface[:1] in _CLASSIFIERS)]


def region_mentions(article: Article, taken: list[EntityMention]) -> list[EntityMention]:
    """Regions regions.py finds in the body, as place mentions, where no entity mention is."""
    out = []
    for r in regions.find_regions(article.body):
        if any(m.start_char < r.end and r.start < m.end_char for m in taken) or _in_dateline(article.body, r.end) \
                or is_rank(article.body, r.end):
            continue
        out.append(EntityMention(f"{article.article_id}-r{r.start}", article.article_id, article.issue_id, "place",
                                 r.region.short, article.body[r.start:r.end], r.start, r.end, ""))
    return out


@dataclasses.dataclass
class Scope:
    """Resolves scope words (全市, 我区, 全省) for one article."""

    body: str
    found: list[regions.RegionMention]
    home: regions.Region | None  # the issue's region, if the issue says

    @classmethod
    def of(cls, article: Article, home: regions.Region | None, names: Sequence[EntityMention] = ()) -> "Scope":
        # A region in the headline (洋县经济…) is named before the whole body: 全县 of the body is it.
        in_title = [regions.RegionMention(0, 0, r.region) for r in regions.find_regions(article.title)]
        # A region inside a name (东莞市…科技有限公司, 甘肃…项目) says where that company or project is
        # from, not what the article's 全县 or batch is about.
        named = [(m.start_char, m.end_char) for m in names if m.entity_type != "place"]
        return cls(article.body, in_title + [r for r in regions.find_regions(article.body)
                                             if not _in_dateline(article.body, r.end)
                                             and not is_rank(article.body, r.end)
                                             and not any(s <= r.start and r.end <= e for s, e in named)], home)

    def region(self, word: str, pos: int) -> Subject:
        """The region `word` (a scope word at `pos` in the body) stands for."""
        if word in NATION_WORDS:
            return "全国", "region"
        kind = SCOPE_WORDS[word]
        before = [m for m in self.found if m.end <= pos]
        if before and before[-1].end == pos and regions.fits(before[-1].region, kind):
            return before[-1].region.short, "region"  # 萧山全区
        if kind == "省":
            base = self._nearest("市", pos) or self._nearest("区", pos) or self._nearest("县", pos)
            province = regions.province_of(base) if base else None
            if province is None:
                provinces = [m.region for m in before if m.region.level == "province"]
                province = provinces[-1] if provinces else None
            return (province.short, "region") if province else (word, "region")
        base = self._nearest(kind, pos)
        return (base.short, "region") if base else (word, "region")

    def home_name(self, pos: int) -> str | None:
        """The region 我市 stands for at `pos` (None if nothing says)."""
        # A region of any kind the article names comes before the city around the home county.
        base = (self._nearest("市", pos, widen=False) or self._nearest("区", pos, widen=False)
                or self._nearest("县", pos, widen=False) or self._nearest("市", pos))
        return base.short if base else None

    def _nearest(self, kind: str, pos: int, widen: bool = True) -> regions.Region | None:
        fitting = [m for m in self.found if regions.fits(m.region, kind)]
        before = [m.region for m in fitting if m.end <= pos]
        home_fits = self.home is not None and regions.fits(self.home, kind)
        if home_fits and self.home in before:
            return self.home  # the paper's own county, named before: 我市 is it
        if before:
            return before[-1]  # an item about another city (诸暨…全市)
        if home_fits and any(m.region == self.home for m in fitting):
            return self.home
        if fitting:
            return collections.Counter(m.region for m in fitting).most_common(1)[0][0]
        if home_fits:
            return self.home
        if widen and kind == "市" and self.home is not None and self.home.kind in ("区", "县"):
            return regions.parent_of(self.home)  # 全市 in a district's paper: the city around it
        return None


# --- resolution ----------------------------------------------------------------------------


@dataclasses.dataclass
class Figure:
    """One figure and what is known around it."""

    sent: Sentence
    idx: int  # sentence index
    q_start: int  # span of the figure in the sentence
    start: int  # span in the body
    end: int
    metric: str
    persons: bool  # counted in people


def dominant_industry(article: Article, mentions: list[EntityMention]) -> EntityMention | None:
    """The industry an article is about: named in the headline, or most of its industry mentions."""
    industries = [m for m in mentions if m.entity_type == "industry"]
    if not industries:
        return None
    for m in industries:
        if m.surface in article.title or m.canonical_name in article.title:
            return m
    counts = collections.Counter(m.canonical_name for m in industries)
    name, n = counts.most_common(1)[0]
    if n >= 3 and n >= 0.6 * len(industries):
        return next(m for m in industries if m.canonical_name == name)
    return None


def resolve(body: str, sentences: list[Sentence], fig: Figure, mentions: list[EntityMention],
            dominant: EntityMention | None, scope: Scope, earlier: list[tuple[int, Subject]],
            previous: Subject | None) -> Subject | None:
    sent, idx = sentences[fig.idx], fig.idx
    chosen = _in_sentence(body, fig, mentions, scope, earlier)
    from_scope = chosen is not None and chosen[0] == scope.home_name(fig.start)
    if chosen is None and previous is not None and idx > 0 and "\n" not in body[sentences[idx - 1].end: sent.start]:
        chosen = previous  # 增加值达348亿元。服务业对GDP增长的贡献度达56.8%: the same subject goes on
    if chosen is None:
        chosen = _in_paragraph(body, sentences, idx, mentions)
    if chosen is None and dominant is not None:
        chosen = dominant.canonical_name, "industry"
    if chosen is None:
        name = scope.home_name(fig.start)
        chosen, from_scope = ((name, "region"), True) if name else (None, False)
    if dominant is not None and chosen is not None and from_scope and fig.metric in INDUSTRY_METRICS:
        return dominant.canonical_name, "industry"  # 我市已建成…平台6个 in an article on one industry
    return chosen


def _in_sentence(body: str, fig: Figure, mentions: list[EntityMention], scope: Scope,
                 earlier: list[tuple[int, Subject]]) -> Subject | None:
    sent, start, end = fig.sent, fig.start, fig.end
    # 规划面积达3000亩的机床装备产业园: the figure describes the name that follows it
    following = [m for m in mentions if end < m.start_char <= end + 2 and body[end: m.start_char] == "的"]
    if following:  # the longest name there: 机床装备产业园 over 机床装备产业
        return as_subject(max(following, key=lambda m: (m.end_char - m.start_char, m.entity_type == "project")))
    clause = clause_before(sent.text, fig.q_start)
    clause_start = start - len(clause)
    anaphor = _anaphor(body, body[sent.start:start], sent.start, mentions)
    if anaphor:
        return anaphor
    # 共有8639人、4700余间房: figures listed in one clause share their subject
    for pos, subject in reversed(earlier):
        if clause_start <= pos < start:
            return subject
    in_sentence = [m for m in mentions if sent.start <= m.start_char and m.end_char <= start]
    in_clause = [m for m in in_sentence if m.start_char >= clause_start]
    # X、Y等31个项目: names before 等 are examples; A占B的70%: B is the denominator
    in_clause = [m for m in in_clause if "等" not in body[m.end_char: start]]
    if fig.metric == "share":
        cut = body.rfind("占", clause_start, start)
        if cut >= 0:
            in_clause = [m for m in in_clause if m.end_char <= cut]
    region = _scope_word(clause, clause_start, in_clause, scope)
    if region:
        return region
    if fig.metric in ("growth_rate", "share") and not in_clause:
        previous = [(p, s) for p, s in earlier if sent.start <= p < clause_start]
        if previous and "，" not in body[previous[-1][0]: clause_start - 1].replace(",", "，"):
            return previous[-1][1]  # 实现产值812亿元，同比增长6.2%: the growth of that figure
    batch = _batch(body, fig, clause, clause_start, in_clause, scope,
                   [(p, s) for p, s in earlier if fig.sent.start <= p < start])
    if batch:
        return batch
    if fig.metric == "population" or fig.persons:
        places = [m for m in in_sentence if m.entity_type == "place" and not _in_enumeration(body, m)
                  and not _modifies_name(body, m)]
        if places:
            return as_subject(places[0])  # people are counted in a place: the one the sentence is about
    listed = [m for m in in_clause if not _in_enumeration(body, m) and not _modifies_name(body, m)]
    if listed:
        return as_subject(listed[-1])
    field = _field(body, sent, clause_start, in_sentence)
    if field:
        return field
    topic = _topic(sent, in_sentence, body, scope)
    if topic:
        return topic
    candidates = [m for m in in_sentence if not _in_enumeration(body, m) and not _modifies_name(body, m)
                  and not _in_title(body, m)]
    return as_subject(candidates[-1]) if candidates else None


def _anaphor(body: str, clause: str, clause_start: int, mentions: list[EntityMention]) -> Subject | None:
    """该企业/该公司/该项目 in the sentence before the figure: the company or project named last
    before it (in this sentence or earlier ones)."""
    for word, kind in ANAPHORA.items():
        pos = clause.rfind(word)
        if pos < 0:
            continue
        named = [m for m in mentions if m.entity_type == kind and m.end_char <= clause_start + pos]
        if named:
            return as_subject(named[-1])
    return None


def _batch(body: str, fig: Figure, clause: str, clause_start: int, in_clause: list[EntityMention],
           scope: Scope, earlier: list[tuple[int, Subject]]) -> Subject | None:
    """签约项目35个 / 总投资186亿元 (after a project count) / 占项目总数的20%: a batch of
    projects belongs to the industry that qualifies it (新材料项目12个), else to its region."""
    if not is_batch(body, fig):
        return None
    if any(m.entity_type in ("project", "company", "organization") for m in in_clause):
        return None  # a named project or its owner
    if earlier:
        return earlier[-1][1]  # 新材料项目有12个，合计投资96.5亿元: the batch counted just before
    industries = [m for m in in_clause if m.entity_type == "industry" and "等" not in body[m.end_char: fig.start]]
    if industries:
        return as_subject(industries[-1])
    places = [m for m in in_clause if m.entity_type == "place" and not _in_enumeration(body, m)]
    if places:
        return as_subject(places[-1])
    name = _region_before(body, fig.sent, fig.start, scope)
    return (name, "region") if name else None


def is_batch(body: str, fig: Figure) -> bool:
    """Is the figure about a batch of projects: their number (签约项目35个), or their total
    investment or share after a count (31个项目，总投资152亿元)?"""
    if fig.metric not in BATCH_METRICS:
        return False
    rest = CLAUSE_BREAK.split(body[fig.end: fig.end + 16], 1)[0]
    around = clause_before(fig.sent.text, fig.q_start) + rest[:4]
    if fig.metric == "count":  # 签约项目9个 / 3个投资超五十亿元的大项目
        return bool(_BATCH.search(around) or re.search(r"项目$", rest))
    counted = _PROJECT_COUNT.search(body, fig.sent.start, fig.start) \
        or _COUNT_AFTER.match(body, fig.end)  # 31个项目，总投资… / 总投资96.4亿元的22个项目
    # 这个总投资约2.2亿元的项目: one project, not a batch
    return bool(counted or fig.metric == "share" and _BATCH_SHARE.search(around))


def _in_quotation(body: str, pos: int) -> bool:
    """Is `pos` inside a quotation: a “ opened in its paragraph before it and not closed?"""
    para_start = body.rfind("\n", 0, pos) + 1
    before = body[para_start: pos]
    return before.count("“") > before.count("”")


def _region_before(body: str, sent: Sentence, pos: int, scope: Scope) -> str | None:
    """The region the text is in at `pos`: a county or city the sentence names (富阳区委书记…
    at its end), else the last region or scope word named before it."""
    order = {"county": 0, "prefecture": 1, "province": 2}
    here = [m for m in scope.found if sent.start <= m.start < sent.end and not _listed_after(body, m, pos)]
    if not here and _in_quotation(body, pos):
        # “…共签约项目58个…”15日，富阳区委书记介绍: a quote's region is the speaker's
        end = body.find("\n", sent.end)
        here = [m for m in scope.found if sent.end <= m.start < (end if end >= 0 else len(body))][:3]
    if here:
        return min(here, key=lambda m: (order[m.region.level], m.start)).region.short
    # a member of a list (与A县、B县签订) or a ranking (全省第三) does not say where the text is
    last_region = max((m for m in scope.found if m.end <= pos and body[m.start - 1: m.start] != "、"
                       and body[m.end: m.end + 1] != "、"), key=lambda m: m.end, default=None)
    last_word = None
    for word in SCOPE_WORDS:
        at = body.rfind(word, 0, pos)
        while at >= 0 and _RANKING.match(body, at + len(word)):
            at = body.rfind(word, 0, at)
        if at >= 0 and (last_word is None or at > last_word[1]):
            last_word = (word, at)
    if last_word and (last_region is None or last_word[1] >= last_region.end):
        return scope.region(last_word[0], last_word[1])[0]
    if last_region is not None:
        return last_region.region.short
    return scope.home_name(pos)


def _listed_after(body: str, m: regions.RegionMention, pos: int) -> bool:
    """总投资145亿元，包括A县…项目、B市…产业园 / 与A县、B县签订: a region named after the figure
    among examples or in a list is where one member is, not where the whole batch is."""
    if m.start < pos:
        return False
    if body[m.start - 1: m.start] == "、" or body[m.end: m.end + 1] == "、":
        return True
    return bool(_LIST_INTRO.search(body, pos, m.start))


def _scope_word(clause: str, clause_start: int, in_clause: list[EntityMention], scope: Scope) -> Subject | None:
    """全省共有18个集群: a scope word in the figure's own clause, unless a name follows it
    (我市机床装备产业集群实现产值…) or it is a denominator (占全国70%)."""
    for word in (*SCOPE_WORDS, *NATION_WORDS):
        pos = clause.rfind(word)
        if pos < 0 or clause[pos - 1: pos] in ("占", "居", "列", "比"):
            continue
        if not any(m.start_char >= clause_start + pos + len(word) for m in in_clause):
            return scope.region(word, clause_start + pos)
    return None


def _field(body: str, sent: Sentence, clause_start: int, in_sentence: list[EntityMention]) -> Subject | None:
    """…，尤其是在光伏产业领域，已有规上企业320家: the field a clause before the figure's
    narrows the sentence to is its subject."""
    for m in reversed(list(_FIELD.finditer(body, sent.start, clause_start))):
        named = [x for x in in_sentence if x.entity_type == "industry" and m.start() <= x.start_char < m.end()]
        if named:
            return as_subject(named[-1])
    return None


def _topic(sent: Sentence, in_sentence: list[EntityMention], body: str, scope: Scope) -> Subject | None:
    """The sentence's topic: the first name or scope word of its first clause that is neither a
    time phrase, a speaker (负责人说), nor an adverbial (作为…, 在…, 随着…)."""
    pos = 0
    for part in CLAUSE_BREAK.split(sent.text):
        part_start, pos = pos, pos + len(part) + 1
        stripped = part.strip("“”\"‘’ ")
        if not stripped or _TIME_ONLY.fullmatch(stripped) or _SPEECH.search(stripped) or _ADVERBIAL.match(stripped):
            continue
        lo, hi = sent.start + part_start, sent.start + part_start + len(part)
        names = [m for m in in_sentence if lo <= m.start_char < hi and not _in_title(body, m)]
        words = [(part.find(w), w) for w in (*SCOPE_WORDS, *NATION_WORDS) if w in part]
        first_word = min(words) if words else None
        if names and (first_word is None or names[0].start_char - lo < first_word[0]):
            return as_subject(names[0])
        if first_word:
            return scope.region(first_word[1], lo + first_word[0])
        return None
    return None


def _in_title(body: str, m: EntityMention) -> bool:
    """A name inside 《…》 is part of a document's title, not what the sentence is about."""
    opened = body.rfind("《", 0, m.start_char)
    return opened >= 0 and body.find("》", opened, m.start_char) < 0


def _modifies_name(body: str, m: EntityMention) -> bool:
    """浙江省“千项万亿”项目, 台州市“500精英”: a place before a quoted name qualifies the name."""
    return m.entity_type == "place" and body[m.end_char: m.end_char + 1] in ("“", "《", "\"")


def _in_enumeration(body: str, m: EntityMention) -> bool:
    """横溪村、彭家村、山岙村 / 其中包括了城南镇横溪村: a member of a list is not the subject of a
    figure about the whole."""
    if body[m.start_char - 1: m.start_char] == "、" or body[m.end_char: m.end_char + 1] == "、":
        return True
    clause_start = max((b.end() for b in CLAUSE_BREAK.finditer(body, max(0, m.start_char - 40), m.start_char)),
                       default=max(0, m.start_char - 40))
    return bool(_LIST_INTRO.search(body, clause_start, m.start_char))


def _in_paragraph(body: str, sentences: list[Sentence], idx: int,
                  mentions: list[EntityMention]) -> Subject | None:
    """Look back through the paragraph (up to three sentences). A named actor (organisation,
    company, project) is preferred to an industry, which in a description is often a modifier
    (岸上海鲜电商中心), and both to a place, which is usually just where."""
    found: dict[str, EntityMention] = {}
    for back in range(idx - 1, max(-1, idx - 4), -1):
        prev, nxt = sentences[back], sentences[back + 1]
        if "\n" in body[prev.end: nxt.start]:
            break
        inside = [m for m in mentions if prev.start <= m.start_char < prev.end and not _in_enumeration(body, m)]
        for m in reversed(inside):
            rank = "actor" if m.entity_type in ("organization", "company", "project") else m.entity_type
            found.setdefault(rank, m)
    for rank in ("actor", "industry", "place"):
        if rank in found:
            return as_subject(found[rank])
    return None
