"""Events: meetings, list publications, awards, signings, groundbreakings, … with their dates.

Triggers are verb–noun patterns (召开…会议, 公布…名单, 获得…奖, 签约, 开工 …) matched per clause,
so a sentence reporting two things (签约 and, 当天, 开工) yields two events, while the many later
sentences that talk about the same meeting (会议强调…, 出席读书会) do not: an article keeps one
undated event per type, one dated event per (type, date). Future plans (计划11月底开工, 投产后)
are not events. Besides typed triggers, the lead of a news item or photo caption that carries a
time (近日, 8月21日) and no typed trigger is an `other` event: it is what the item reports.

Dates come from the nearest time phrase before the trigger in the same sentence, resolved by
timeparse against the publication date (当天 → the last day named in the article, 同年 → the
last year).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from .records import Article, Event
from .sentences import Sentence, split_sentences
from . import lexicons
from .timeparse import DateMention, find_dates

# --- lexicon -------------------------------------------------------------------------------

_MEETING_NOUN = (r"(?:会议|全会|大会|常务会|常委会|读书会|座谈会|询问会|咨询会|推进会|部署会|动员会|总结会|"
                 r"报告会|发布会|协调会|现场会|例会|听证会|恳谈会|党代会|人代会|交流会|培训会|说明会|论证会|"
                 r"评审会|观摩会|调度会|联席会|见面会|茶话会|年会)")
_FORUM_NOUN = r"(?:论坛|沙龙|峰会|研讨会|分享会|交流会|博览会|展览会|洽谈会|推介会)"
_GATHER_VERB = r"(?:召开|举行|举办|主持召开|主持|组织收看|收看|开幕|闭幕|拉开帷幕|落下帷幕|启动|开展)"

# (event type, trigger pattern), most specific first. A pattern must match inside one clause.
TRIGGERS: list[tuple[str, re.Pattern]] = [
    ("forum", re.compile(rf"{_FORUM_NOUN}[^，。；]{{0,12}}?(?:在[^，。；]{{1,20}})?{_GATHER_VERB}|"
                         rf"(?:召开|举行|举办)[^，。；]{{0,30}}?{_FORUM_NOUN}")),
    ("competition", re.compile(r"(?:大赛|比赛|竞赛|锦标赛|运动会|联赛|挑战赛|技能赛)[^，。；]{0,8}?"
                               r"(?:落幕|落下帷幕|拉开帷幕|开幕|闭幕|举行|举办|开赛|启动|收官)|"
                               r"(?:举行|举办|启动)[^，。；]{0,20}?(?:大赛|比赛|竞赛|锦标赛|运动会)")),
    ("drill", re.compile(r"演练[^，。；]{0,10}?(?:举行|开展|拉开序幕|启动|进行)|(?:举行|开展|组织)[^，。；]{0,30}?(?:演练|演习)")),
    ("list_publication", re.compile(r"(?:公布|发布|公示|印发|揭晓)[^，。；]{0,40}?(?:名单|榜单|名录)|"
                                    r"入选[^，。；]{0,40}?(?:名单|榜单|名录)|上榜")),
    ("award", re.compile(r"(?:获得|荣获|获评|喜获|摘得|夺得|斩获|拿下|获)[^，。；]{1,40}?"
                         r"(?:奖(?!励|补)|冠军|亚军|季军|金牌|银牌|铜牌|称号|荣誉|第一名)|"
                         r"(?:被评为|评为|授予|命名为|树立为)[^，。；]{0,40}|"
                         r"(?:入选|列入)[^，。；]{0,40}?(?:试点|示范|基地|标杆|单位)|"
                         r"表彰大会|表彰会|颁奖(?:典礼|仪式|大会)|(?:受到|获得)[^，。；]{0,10}表彰")),
    ("signing", re.compile(r"(?:签约|签署|签订)(?!任务|率|工作|额|数|量|面积)")),
    ("groundbreaking", re.compile(r"(?:开竣工|(?<![召展公])开工(?!作)|奠基|(?<![推带劳联启发驱调流主能互运触])动工)(?!率|面积|后)")),
    ("production_start", re.compile(r"(?:投产|投入生产|试生产)(?!后|率)")),
    ("topping_out", re.compile(r"封顶")),
    ("completion", re.compile(r"(?:竣工|完工|建成投运|建成投用|建成投产|建成通车|全面建成|正式建成)"
                              r"(?![0-9一二三四五六七八九十])")),
    ("inspection", re.compile(r"调研|视察|督查|考察|察看|检查指导|走访")),
    ("meeting", re.compile(rf"{_GATHER_VERB}[^，。；]{{0,40}}?{_MEETING_NOUN}|"
                           rf"{_MEETING_NOUN}[^，。；]{{0,12}}?(?:召开|举行|开幕|闭幕)|与[^，。；]{{1,20}}?座谈|"
                           rf"^在[^，。；]{{1,40}}?{_MEETING_NOUN}(?:上|现场|期间)[，,]?$")),
    ("other", re.compile(r"揭牌|启动|成立|落地|提出|开业|通车|上线|开通|迎来")),
]
# Types reported only when their clause or sentence is dated: inspections and the catch-all
# are otherwise background (江金永多次赴实地走访调研…), not news.
NEEDS_DATE = frozenset({"inspection", "other"})
# Several undated awards in one article go to different winners: keep them all.
MANY_PER_ARTICLE = frozenset({"award"})
# Signings and starts counted in a statistic (新签约项目投资额增长21%, 累计开工, 累计签约86个
# over a campaign) are aggregates, not one ceremony.
AGGREGATE_TYPES = frozenset({"signing", "groundbreaking", "production_start", "completion"})
_AGGREGATE = re.compile(r"(?:新|共|累计|全年|今年以来)(?:签约|签订|开工|投产|竣工)|增长|同比|下降|[0-9]+(?:\.[0-9]+)?[%％]|"
                        r"(?:签约|开工|投产|竣工)[^，。；]{0,4}项目[^，。；]{0,4}[0-9]+个")  # 竣工项目9个, 签约外资项目12个: a count
# A year's tally of honours (获评…等省级以上荣誉表彰12个) is no one award.
_AWARD_TALLY = re.compile(r"(?:表彰|荣誉|奖项|称号)[^，。；]{0,4}[0-9]+[个项次]|[0-9]+[个项次](?:荣誉|奖项|表彰)")
# Words that make the clause a plan, not an event.
FUTURE_CUES = re.compile(r"计划|预计|将于|将在|即将|拟|力争|争取|有望|目标|准备|确保")
_LEAD_TIME = re.compile(r"近日|日前|近期|昨天|昨日|[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日")
_CLAUSE = re.compile(r"[^，,；;：:]+[，,；;：:]?")
# 本报讯（记者…）, and a wire's dateline (新华社杭州7月14日电（记者…）): when it was filed, not
# what happened.
_NEWS_LEAD = re.compile(r"^(?:本报讯|本報訊|[^，。；“”]{0,20}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日[电電])"
                        r"\s*(?:[（(][^（()）]{0,80}[)）])?\s*")
_LOCATION = re.compile(r"在([\u4e00-\u9fff·（）()]{2,24}?)(?:顺利|隆重|正式|成功|盛大)?(?:举行|召开|举办|开展|拉开序幕|开幕|进行)")
_LEADING_TIME = re.compile(r"^(?:早在|从|于)?(?:[0-9]{4}年)?(?:(?:今年|去年|同年|[0-9一二三四五六七八九十]{1,2}月)"
                           r"(?:[0-9一二三四五六七八九十]{1,3}[日号])?(?:上午|下午|晚上|晚|起)?|近日|日前|近期|当天|当日)[，,]?")
# Clauses that set the scene rather than say what happened (为进一步…，在…协同下，随着…).
_ADVERBIAL = re.compile(r"(?:在[^，,]*(?:下|中|时|期间)[，,]?$|为了?|随着|通过|据|受|根据|按照|围绕|针对|历时|继|以|与|和|从|对|此次|本次)")
_CONNECTIVE = re.compile(r"^(?:并于|并|还|也|又|且|同时|随后|之后)")
_VERB_FIRST = re.compile(r"^(?:举行|召开|举办|获得|荣获|拿下|启动|签署|签约|开工|投产|成立|提出|入选|列入|公布|发布)")
# The head of a clause that names who acted: an organisation, company, place or team.
_ACTOR = re.compile(r"^[\u4e00-\u9fff·]{1,20}?(?:有限公司|公司|工坊|企业|集团|联盟|协会|商会|政府|委员会|常委会|"
                    r"党委|局|委|中心|研究院|院|镇|街道|村|市|县|区|厅|部|站|战队|小组|团队|学校|中学|大学|医院)"
                    r"(?=再次|已|正|还|也|都|将|在|于|与|和|对|为|通过|凭借|以|采取|组织|举行|召开|启动|联合|积极|成功|"
                    r"先后|率先|首次|持续|不断|是|获|拿|$)")
_BREAK = re.compile(r"[，,；;。！？…]")
MAX_TITLE = 60


@dataclasses.dataclass
class _Context:
    day: dt.date | None = None  # the last day-precise date read in the article (for 当天)
    year: int | None = None  # the last year read (for 同年)


# --- entry point ---------------------------------------------------------------------------


def find_events(article: Article, pub_date: dt.date | None) -> list[Event]:
    body = article.body
    sentences = list(split_sentences(body))
    ctx = _Context()
    events: list[Event] = []
    seen: set[tuple] = set()
    types_seen: set[str] = set()
    lead = _lead_index(body, sentences, article.kind)
    for idx, sent in enumerate(sentences):
        dates = _dates(sent.text, pub_date, ctx)
        found = _triggers(sent.text)
        has_typed = any(t != "other" for t, *_ in found)
        for event_type, clause_start, trig_end in found:
            date, precision = _date_before(sent.text, dates, trig_end)
            if event_type in NEEDS_DATE and (date is None or precision == "year"):
                continue
            if event_type == "other" and has_typed:
                continue  # …会议成功召开，…提出十二项对策建议: one report, already typed
            key = _dedupe_key(event_type, date, sent, clause_start)
            if key in seen or date is None and event_type in types_seen and event_type not in MANY_PER_ARTICLE:
                continue  # 会议强调…, 出席读书会, 签约当天: the same event again
            seen.add(key)
            types_seen.add(event_type)
            events.append(_event(article, event_type, date, precision, sent, clause_start, trig_end))
        if idx == lead and not found:
            first = next((d for d in dates if not _names_year(sent.text, d)), None)
            date, precision = (first.date, first.precision) if first and first.date else (None, "unknown")
            if ("other", date, None) not in seen:
                seen.add(("other", date, None))
                events.append(_event(article, "other", date, precision, sent, 0, len(sent.text), lead=True))
        _advance(ctx, dates)
    return events


# --- triggers ------------------------------------------------------------------------------


def _triggers(text: str) -> list[tuple[str, int, int]]:
    """(type, clause start, trigger end) per clause and type, skipping plans."""
    out = []
    for clause in _CLAUSE.finditer(text):
        ctext = clause.group(0)
        if FUTURE_CUES.search(ctext):
            continue
        for event_type, pattern in TRIGGERS:
            m = pattern.search(ctext)
            if m and event_type in AGGREGATE_TYPES and _in_slogan(ctext, m.start()):
                continue
            if m and not (event_type in AGGREGATE_TYPES and _AGGREGATE.search(ctext)) \
                    and not (event_type == "award" and _AWARD_TALLY.search(ctext)):
                out.append((event_type, clause.start(), clause.start() + m.end()))
    return _one_per_clause_family(out, text)


_SLOGAN = re.compile(r"“[^“”]{1,20}”")


def _in_slogan(clause: str, pos: int) -> bool:
    """加快“洽谈—签约—开工”转化, 推行“拿地即开工”: a milestone inside a short quoted phrase
    names a stage or a slogan; no ceremony took place (a quoted meeting name still is one)."""
    return any(q.start() < pos < q.end() for q in _SLOGAN.finditer(clause))


def _one_per_clause_family(found: list[tuple[str, int, int]], text: str = "") -> list[tuple[str, int, int]]:
    """Within one clause the most specific typed trigger wins (论坛…举行 is a forum, not also a
    meeting; a clause with 签约 is not also 'other')."""
    by_clause: dict[int, list[tuple[str, int, int]]] = {}
    for item in found:
        by_clause.setdefault(item[1], []).append(item)
    out = []
    for items in by_clause.values():
        typed = [i for i in items if i[0] != "other"]
        specific = [i for i in typed if i[0] not in ("meeting", "inspection")]
        chosen = (specific or typed or items)[:1]
        # …开工暨…签约仪式: one ceremony for two milestones reports both
        if chosen and chosen[0][0] in _MILESTONES and _CEREMONY.search(text[chosen[0][1]: chosen[0][2] + 12]):
            chosen += [i for i in specific[1:] if i[0] in _MILESTONES and not _same_word(i, chosen)]
        out.extend(chosen)
    out.sort(key=lambda i: i[1])
    # 调研组深入…走访，召开9场座谈会: the meetings of an inspection are part of it
    gatherings = [i for i in out if i[0] in ("meeting", "inspection")]
    return [i for i in out if i[0] not in ("meeting", "inspection") or i is gatherings[0]]


_MILESTONES = frozenset({"signing", "groundbreaking", "production_start", "topping_out"})
# 开工暨签约仪式, …开工、…签约活动: a ceremony, not a project's stages (项目的开工建设投产)
_CEREMONY = re.compile(r"仪式|活动|举行|集中")


def _same_word(item: tuple[str, int, int], chosen: list[tuple[str, int, int]]) -> bool:
    return any(item[2] == c[2] for c in chosen)


def _dedupe_key(event_type: str, date: dt.date | None, sent: Sentence, clause_start: int) -> tuple:
    if event_type in MANY_PER_ARTICLE:
        return (event_type, date, sent.start + clause_start)
    return (event_type, date, None)


# --- dates ---------------------------------------------------------------------------------


def _dates(text: str, pub_date: dt.date | None, ctx: _Context) -> list[DateMention]:
    return find_dates(text, pub_date, context=ctx.day, context_year=ctx.year)


def _date_before(text: str, dates: list[DateMention], pos: int) -> tuple[dt.date | None, str]:
    """The nearest time phrase before `pos`; 近日/此次 count, and mean 'no date'. A year that
    opens a name (8月21日，2024年全市政协委员读书会召开) is not the event's date."""
    best = None
    for mention in dates:
        if mention.end <= pos and not _names_year(text, mention) and not _in_book_title(text, mention.start):
            best = mention
    if best is not None and text.startswith("以来", best.end):
        return None, "unknown"  # 2021年9月以来…: the start of a span, not the day it happened
    if best is None or best.date is None:
        return None, "unknown"
    return best.date, best.precision


def _in_book_title(text: str, pos: int) -> bool:
    """公布《2022年…报告》: a date inside a document's title is not the event's date."""
    opened = text.rfind("《", 0, pos)
    return opened >= 0 and text.find("》", opened, pos) < 0


def _names_year(text: str, mention: DateMention) -> bool:
    """2024年全市…, 2023年度…, 2023年浙江省…: an explicit year run into a noun is part of a title."""
    phrase = text[mention.start: mention.end]
    nxt = text[mention.end: mention.end + 1]
    runs_into_noun = phrase[:1].isdigit() and bool(nxt) and nxt not in "，,、；;。以底初末前后中起份" \
        and "\u4e00" <= nxt <= "\u9fff"
    if mention.precision == "year":
        return runs_into_noun
    # 2023年12月招商引资项目集中签约仪式: a year and month opening a name, unless a verb follows
    # (2023年12月举行…).
    if mention.precision == "month" and runs_into_noun and "年" in phrase:
        word = text[mention.end: mention.end + 2]
        return not lexicons.jieba_word_tags().get(word, "n").startswith(("v", "p", "d"))
    return False


def _advance(ctx: _Context, dates: list[DateMention]) -> None:
    for mention in dates:
        if mention.date is not None:
            ctx.year = mention.date.year
            if mention.precision == "day":
                ctx.day = mention.date


# --- the lead ------------------------------------------------------------------------------


def _lead_index(body: str, sentences: list[Sentence], kind: str) -> int | None:
    """The sentence that says what a news item or photo reports: the first one that is not a
    quotation, within the first two paragraphs, carrying a time word (近日, 8月21日)."""
    if kind not in ("news", "photo"):
        return None
    paragraphs = 0
    for idx, sent in enumerate(sentences):
        if idx and "\n" in body[sentences[idx - 1].end: sent.start]:
            paragraphs += 1
        if paragraphs >= 2:
            return None
        text = _NEWS_LEAD.sub("", sent.text)
        if text.startswith(("“", "\"", "‘")):
            continue
        if _LEAD_TIME.search(text):
            return idx
    return None


# --- the record ----------------------------------------------------------------------------


def _event(article: Article, event_type: str, date: dt.date | None, precision: str, sent: Sentence,
           clause_start: int, trig_end: int, lead: bool = False) -> Event:
    title = _lead_title(sent.text) if lead else _title(sent.text, clause_start, trig_end)
    location = _LOCATION.search(sent.text)
    return Event(
        event_id=f"{article.article_id}-e{sent.start + clause_start}-{event_type}",
        article_id=article.article_id,
        issue_id=article.issue_id,
        event_type=event_type,
        event_date=date,
        date_precision=precision if date else "unknown",
        title=title,
        location=location.group(1) if location else None,
        evidence=sent.text,
        start_char=sent.start,
        end_char=sent.end,
    )


def _title(text: str, clause_start: int, trig_end: int) -> str:
    """The trigger's clause, without the 本报讯 lead, opening time phrases or quotes. A clause
    with no subject of its own (并获得新秀组冠军, 举行了…询问会) takes the actor named at the
    head of an earlier clause (石塘渔二代海上共富工坊…, 市人大常委会采取…)."""
    m = _BREAK.search(text, trig_end)
    clause_end = m.start() if m else len(text)
    title = _clean(text[clause_start:clause_end])
    if clause_start > 0 and (_CONNECTIVE.match(title) or _VERB_FIRST.match(title)):
        actor = _actor_before(text, clause_start)
        if actor:
            title = actor + _clean(_CONNECTIVE.sub("", title))
    return title[:MAX_TITLE]


def _actor_before(text: str, pos: int) -> str | None:
    for clause in _CLAUSE.finditer(text[:pos]):
        part = _clean(clause.group(0))
        if not part or _ADVERBIAL.match(part):
            continue
        m = _ACTOR.match(part)
        if m:
            return m.group(0)
    return None


def _lead_title(text: str) -> str:
    """What a lead reports: from its time word on, past clauses that set the scene (在…下, 为…,
    随着…), two clauses when the first is only a place (在…基地里，工人们正…)."""
    m = _LEAD_TIME.search(text)
    rest = text[m.end():] if m else text
    clauses = [c.group(0) for c in _CLAUSE.finditer(rest)]
    while len(clauses) > 1 and (_ADVERBIAL.match(clauses[0].lstrip("，, ")) or len(_clean(clauses[0])) < 2):
        clauses.pop(0)
    title = _clean(clauses[0]) if clauses else _clean(rest)
    if len(clauses) > 1 and len(title) < 20:
        title = f"{title}，{_clean(clauses[1])}"
    return title[:MAX_TITLE]


def _clean(text: str) -> str:
    text = _NEWS_LEAD.sub("", text.strip())
    text = text.strip("“”\"‘’「」 ")
    for _ in range(3):
        stripped = _LEADING_TIME.sub("", text)
        if stripped == text:
            break
        text = stripped
    text = text.strip("，,；;。 ").strip("“”\"‘’ ")
    if text.count("”") > text.count("“"):  # “温岭模式”被工信部…: give the name back its opening quote
        text = "“" + text
    return text
