"""Time phrases resolved against the publication date.

The paper never prints absolute dates for its statistics: 去年, 今年上半年, 1—11月, 截至目前 and
到2025年 only mean something once the issue's publication date is known. Two faces:

* `resolve_period(sentence, pub_date)` — the reporting period of a figure, as a label
  ('2023', '2024H1', '2024-01..2024-11', 'as_of_2024-08', 'target_2025', '2021..2023',
  'unknown') with first/last day. Metrics pass the sentence up to the figure, so the phrase
  nearest before the figure wins.
* `resolve_date(text, pub_date)` — the date of an event (8月21日 → 2024-08-21, 'day').
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

# --- lexicon -------------------------------------------------------------------------------

RELATIVE_YEARS = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "上一年": -1,
                  "前年": -2, "明年": 1, "来年": 1, "次年": 1}
HALVES = {"上半年": 1, "下半年": 2}
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# Words saying a figure is a goal or forecast, not a result.
TARGET_CUES = ("力争", "争取", "有望", "预计", "目标", "将达", "将实现", "将形成", "将突破", "将超",
               "确保")
# Relative days for event dates.
RELATIVE_DAYS = {"昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "今天": 0, "今日": 0}
SAME_DAY = ("当天", "当日", "同日", "同一天")

_CN_NUM = "零〇一二两三四五六七八九十"
_N = rf"[0-9０-９]{{1,2}}|[{_CN_NUM}]{{1,3}}"  # a month, day or small count


def _year_ref(tag: str) -> str:
    """2024年 / 2024年度 / 今年 / 去年 / 同年 …, with group names made unique by `tag`."""
    return (rf"(?P<y{tag}>(?:19|20)[0-9]{{2}})年度?"
            rf"|(?P<rel{tag}>今年|本年|当年|去年|上一年|上年|前年|明年|来年|次年|同年)")


_SEP = r"[—–\-－~～至到]"

_PERIOD = re.compile(
    # "as it stands now": stocks counted at publication time (not 项目前期, 发现有, 截至今年)
    r"(?P<asof_now>截至目前|截止目前|截至当前|截至发稿|到目前为止|(?<!项)目前|当前|(?<![实发])现已|(?<![发实体表出])现有"
    r"|(?<![截止])至今|迄今|如今|眼下)"
    rf"|(?P<asof>截至|截止|截至到)(?:(?:{_year_ref('a')})(?:(?P<aom>{_N})月(?:底|末|份)?)?(?P<aoe>底|末)?|(?P<aom2>{_N})月(?:底|末|份)?)"
    rf"|(?P<target>到|至|力争|争取|预计|计划|目标|于)(?P<ty>(?:19|20)[0-9]{{2}})年"
    rf"|(?P<recent>近|过去|最近)(?P<rn>[0-9]{{1,2}}|[一二两三四五六七八九十]{{1,2}})年"
    r"|(?P<plan>[“\"]?十(?P<fyp>[一二三四五六]|四|五)五[”\"]?期间|“十四五”|十四五)"
    r"|(?P<past_year>过去一年|过去的一年)"
    rf"|(?P<yr1>(?:19|20)[0-9]{{2}})年?{_SEP}(?P<yr2>(?:19|20)[0-9]{{2}})年"
    rf"|(?:(?:{_year_ref('c')})(?P<sep_y>{_SEP}(?P<y2>(?:19|20)[0-9]{{2}})年)?)?"
    r"(?:(?P<half>上半年|下半年)|(?P<q>前三季度|前两季度|第?[一二三四1-4]季度)"
    rf"|(?P<m1>{_N}){_SEP}(?P<m2>{_N})月份?|前(?P<mn>{_N})个?月|(?P<mon>{_N})月(?P<monfen>份)?"
    r"|(?P<ytd>以来)|(?P<full>全年))?"
)

_DATE = re.compile(
    rf"(?:(?:{_year_ref('d')})(?P<mon>{_N})月(?:(?P<day>{_N})[日号])?(?P<part>上旬|中旬|下旬|初|底|末|份)?)"
    rf"|(?:(?<![0-9年])(?P<mon2>[0-9０-９]{{1,2}}|[{_CN_NUM}]{{1,2}})月(?:(?P<day2>{_N})[日号])?(?P<part2>上旬|中旬|下旬|初|底|末|份)?)"
    rf"|(?:(?P<yonly>(?:19|20)[0-9]{{2}})年(?!{_SEP}|[0-9]))"
    r"|(?P<relday>昨天|昨日|前天|前日|今天|今日)"
    # 17日上午: a day with no month is in the publication month, or the month before
    r"|(?<![0-9０-９月年第])(?P<dayonly>[0-9０-９]{1,2})[日号](?![内电]|以内|之内|以前|前后)"
    rf"|(?P<same>{'|'.join(SAME_DAY)})"
    r"|(?P<vague>近日|日前|近期|连日来|前不久|不久前|前段时间|最近|此次|本次|这次)"
    r"|(?P<yrel>今年|去年|前年)(?!是)"
)


_BASE = re.compile(r"(?:与|和|同|较|比)(?P<by>(?:19|20)[0-9]{2})年(?:末|底)?(?:相比|比较)")


@dataclasses.dataclass(frozen=True)
class Period:
    label: str
    start: dt.date | None
    end: dt.date | None


UNKNOWN = Period("unknown", None, None)


@dataclasses.dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: dt.date | None
    precision: str  # day | month | year | unknown


# --- small helpers -------------------------------------------------------------------------


def _num(s: str | None) -> int | None:
    if not s:
        return None
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + digits.get(s[1:], 0) if len(s) == 2 else None
    if len(s) == 3 and s[1] == "十":
        return digits.get(s[0], 0) * 10 + digits.get(s[2], 0)
    if len(s) == 2 and s[1] == "十":
        return digits.get(s[0], 0) * 10
    if len(s) == 1 and s in digits:
        return digits[s]
    return None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_period(y: int) -> Period:
    return Period(str(y), dt.date(y, 1, 1), dt.date(y, 12, 31))


def _month_range(y: int, m1: int, m2: int) -> Period | None:
    if not (1 <= m1 <= m2 <= 12):
        return None
    return Period(f"{y}-{m1:02d}..{y}-{m2:02d}", dt.date(y, m1, 1), _last_day(y, m2))


def _as_of(y: int, m: int) -> Period | None:
    if not 1 <= m <= 12:
        return None
    return Period(f"as_of_{y}-{m:02d}", None, _last_day(y, m))


def as_of_period(day: dt.date) -> Period:
    """'As it stands' in the month of `day` (a publication date)."""
    return Period(f"as_of_{day.year}-{day.month:02d}", None, _last_day(day.year, day.month))


def _ref_year(m: re.Match, tag: str, pub: dt.date | None, context_year: int | None = None) -> int | None:
    """The year a matched 2024年 / 今年 / 去年 / 同年 points to; None if none was written."""
    if m.group("y" + tag):
        return int(m.group("y" + tag))
    rel = m.group("rel" + tag)
    if rel == "同年":
        return context_year
    if rel and pub is not None:
        return pub.year + RELATIVE_YEARS[rel]
    return None


def _implicit_year(pub: dt.date | None, last_month: int) -> int | None:
    """A month with no year is this year's unless it lies after the publication month."""
    if pub is None:
        return None
    return pub.year if last_month <= pub.month else pub.year - 1


# --- periods -------------------------------------------------------------------------------


def find_periods(sentence: str, pub_date: dt.date | None) -> list[tuple[int, int, Period]]:
    """Every period phrase in `sentence` with its span, left to right."""
    out = []
    for m in _BASE.finditer(sentence):  # 同2016年底相比…增长: from then to now
        y = int(m.group("by"))
        if pub_date is not None and y < pub_date.year:
            out.append((m.start(), m.end(), Period(f"{y}..{pub_date.year}", dt.date(y, 1, 1), pub_date)))
    for m in _PERIOD.finditer(sentence):
        if m.end() == m.start() or any(s <= m.start() < e for s, e, _ in out):
            continue
        if sentence.startswith("同期", m.end()) or sentence[max(0, m.start() - 1): m.start()] in ("比", "较"):
            continue  # 比去年同期增长: the base of a comparison, not the period of the figure
        period = _period_of(m, pub_date)
        if period is not None and re.fullmatch(r"\d{4}", period.label) and sentence[m.end(): m.end() + 1] in ("至", "到"):
            continue  # 2020年至项目投产期间: an open span, not the year 2020
        if period is not None:
            out.append((m.start(), m.end(), period))
    return sorted(out, key=lambda f: f[0])


def resolve_period(sentence: str, pub_date: dt.date | None) -> Period:
    """The period the last time phrase of `sentence` names; a goal word (力争, 预计 …) between
    that phrase and the end turns a year into a target."""
    found = find_periods(sentence, pub_date)
    if not found:
        return UNKNOWN
    _, end, period = found[-1]
    if re.fullmatch(r"\d{4}", period.label) and (any(c in sentence[end:] for c in TARGET_CUES)
                                                 or pub_date is not None and int(period.label) > pub_date.year):
        return Period(f"target_{period.label}", None, period.end)  # 明年…: a year to come is a goal
    return period


def _period_of(m: re.Match, pub: dt.date | None) -> Period | None:
    g = m.group
    if g("asof_now"):
        return _as_of(pub.year, pub.month) if pub else None
    if g("asof"):
        return _as_of_period(m, pub)
    if g("target"):
        y = int(g("ty"))
        if g("target") in ("到", "至", "于") and pub is not None and y < pub.year:
            return None  # 到2020年 in a retrospective: not a goal
        return Period(f"target_{y}", None, dt.date(y, 12, 31))
    if g("recent"):
        n = _num(g("rn"))
        if not n or pub is None:
            return None
        return Period(f"{pub.year - n}..{pub.year - 1}", dt.date(pub.year - n, 1, 1), dt.date(pub.year - 1, 12, 31))
    if g("plan"):
        return Period("2021..2025", dt.date(2021, 1, 1), dt.date(2025, 12, 31)) if "四" in g("plan") else None
    if g("yr1"):  # 2021—2023年
        y1, y2 = int(g("yr1")), int(g("yr2"))
        return Period(f"{y1}..{y2}", dt.date(y1, 1, 1), dt.date(y2, 12, 31)) if y2 > y1 else None
    if g("past_year"):
        # "过去一年" in a January/February issue is the year just ended
        return _year_period(pub.year - 1) if pub and pub.month <= 2 else None
    return _calendar_period(m, pub)


def _as_of_period(m: re.Match, pub: dt.date | None) -> Period | None:
    g = m.group
    year = _ref_year(m, "a", pub)
    month = _num(g("aom") or g("aom2"))
    if year is None:
        year = _implicit_year(pub, month or 12) if month else None
    if year is None:
        return None
    if month is None:
        month = 12 if (g("aoe") or g("ya") or (pub and year < pub.year)) else (pub.month if pub else 12)
    return _as_of(year, month)


def _calendar_period(m: re.Match, pub: dt.date | None) -> Period | None:
    g = m.group
    year = _ref_year(m, "c", pub)
    if g("sep_y") and year is not None:  # 2021—2023年
        y2 = int(g("y2"))
        return Period(f"{year}..{y2}", dt.date(year, 1, 1), dt.date(y2, 12, 31)) if y2 > year else None
    if g("half"):
        h = HALVES[g("half")]
        if year is None and pub is not None:
            year = pub.year if (h == 1 and pub.month >= 7) or (h == 2 and pub.month == 12) else pub.year - 1
        if year is None:
            return None
        return Period(f"{year}H{h}", dt.date(year, 1 if h == 1 else 7, 1), _last_day(year, 6 if h == 1 else 12))
    if g("q"):
        return _quarter_period(g("q"), year, pub)
    if g("m1"):
        m1, m2 = _num(g("m1")), _num(g("m2"))
        if m1 is None or m2 is None:
            return None
        year = year if year is not None else _implicit_year(pub, m2)
        return _month_range(year, m1, m2) if year is not None else None
    if g("mn"):
        n = _num(g("mn"))
        year = year if year is not None else _implicit_year(pub, n or 12)
        return _month_range(year, 1, n) if year is not None and n else None
    if g("mon"):
        mon = _num(g("mon"))
        if mon is None or not 1 <= mon <= 12:
            return None
        year = year if year is not None else _implicit_year(pub, mon)
        if year is None:
            return None
        if g("monfen"):  # 9月份: a statistical month
            return Period(f"{year}-{mon:02d}", dt.date(year, mon, 1), _last_day(year, mon))
        return _year_period(year)  # 今年9月, 8月21日: an event date only anchors the year
    if g("ytd"):
        if year is None or pub is None:
            return None
        if year == pub.year:
            return _month_range(year, 1, pub.month)
        return Period(f"{year}..{pub.year}", dt.date(year, 1, 1), pub)
    if year is None:
        return None
    return _year_period(year)


def _quarter_period(q: str, year: int | None, pub: dt.date | None) -> Period | None:
    if q.startswith("前"):
        last = 9 if "三" in q else 6
    else:
        last = QUARTERS[q.lstrip("第")[0]] * 3
    if year is None:
        # 一季度集中开工 in a February issue: a quarter already begun is this year's
        year = _implicit_year(pub, last if q.startswith("前") else last - 2)
    if year is None:
        return None
    if q.startswith("前"):
        return _month_range(year, 1, last)
    n = last // 3
    return Period(f"{year}Q{n}", dt.date(year, last - 2, 1), _last_day(year, last))


# --- event dates ---------------------------------------------------------------------------


def find_dates(text: str, pub_date: dt.date | None, context: dt.date | None = None,
               context_year: int | None = None) -> list[DateMention]:
    """Every date phrase in `text`, left to right. `context` is the last day-precise date
    already read in the article (for 当天), `context_year` the last year (for 同年7月); both
    follow the phrases as they are read (去年3月…同年7月 → 2023-07)."""
    out = []
    for m in _DATE.finditer(text):
        d, precision = _date_of(m, pub_date, context, context_year)
        out.append(DateMention(m.start(), m.end(), d, precision))
        if d is not None and precision != "year" or m.group("yonly"):
            context_year = d.year
        if d is not None and precision == "day":
            context = d
    return out


def resolve_date(text: str, pub_date: dt.date | None, context: dt.date | None = None,
                 context_year: int | None = None) -> tuple[dt.date | None, str]:
    """The first dated phrase in `text`: (date, 'day'|'month'|'year'), or (None, 'unknown')."""
    for mention in find_dates(text, pub_date, context, context_year):
        if mention.date is not None:
            return mention.date, mention.precision
    return None, "unknown"


def _day_only(day: int | None, pub: dt.date | None) -> tuple[dt.date | None, str]:
    """21日 in an issue of 8月23日 is 8月21日; 28日 in it is 7月28日 (a day after the
    publication day lies in the month before). After a full date (本报绍兴5月12日电), a day
    is in that date's month."""
    if pub is None or day is None:
        return None, "unknown"
    year, month = pub.year, pub.month
    if day > pub.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return dt.date(year, month, day), "day"
    except ValueError:
        return None, "unknown"


def _date_of(m: re.Match, pub: dt.date | None, context: dt.date | None,
             context_year: int | None) -> tuple[dt.date | None, str]:
    g = m.group
    if g("relday"):
        return (pub + dt.timedelta(days=RELATIVE_DAYS[g("relday")]), "day") if pub else (None, "unknown")
    if g("same"):
        return (context, "day") if context else (None, "unknown")
    if g("dayonly"):
        # after 本报绍兴5月12日电, 14日 is in May: the last full date read is the reference
        if context is not None and pub is not None and context.year == pub.year and context <= pub:
            day = _num(g("dayonly"))
            try:
                if day is not None and dt.date(context.year, context.month, day) <= pub:
                    return dt.date(context.year, context.month, day), "day"
            except ValueError:
                pass
        return _day_only(_num(g("dayonly")), pub)
    if g("vague"):
        return None, "unknown"
    if g("yonly"):
        return dt.date(int(g("yonly")), 1, 1), "year"
    if g("yrel"):
        return (dt.date(pub.year + RELATIVE_YEARS[g("yrel")], 1, 1), "year") if pub else (None, "unknown")
    mon = _num(g("mon") or g("mon2"))
    day = _num(g("day") or g("day2"))
    if mon is None or not 1 <= mon <= 12:
        return None, "unknown"
    if g("mon"):
        year = _ref_year(m, "d", pub, context_year)
    else:
        year = _implicit_year(pub, mon)
    if year is None:
        return None, "unknown"
    if day is not None:
        try:
            return dt.date(year, mon, day), "day"
        except ValueError:
            return None, "unknown"
    return dt.date(year, mon, 1), "month"
