"""The publication date of an issue, which the paper's text does not print.

A date in the file name (wlrb_20240823.txt, wlrb20240823.txt, 2024-08-23.txt) is taken as
given. Otherwise the date is inferred the way a reader would: the year from year clues (2024年…
mentions, codes like MT2024, 今年是新中国成立75周年); the day from a relative day the text pins to
a date (昨天（8月2日） → 8月3日), else from the news itself — articles report what happened
yesterday, so the latest month-day that opens a news paragraph (本报讯…8月21日, a photo
caption's 8月21日) plus one day.
"""
from __future__ import annotations

import collections
import datetime as dt
import re

from .layout.bylines import lead_of
from .numbers import find_quantities
from .records import PublicationDate
from .timeparse import _num

# --- lexicon -------------------------------------------------------------------------------

# Anniversaries a paper counts from (今年是新中国成立75周年 → 1949 + 75).
ANNIVERSARY_BASES = {"新中国成立": 1949, "中华人民共和国成立": 1949, "中国共产党成立": 1921,
                     "建党": 1921, "改革开放": 1978, "人民军队建军": 1927, "建军": 1927}
# Words before a year that make it a goal, not a year that has happened (到2025年, 奋进2025).
YEAR_TARGET_BEFORE = ("到", "至", "力争", "争取", "预计", "计划", "目标", "奋进", "迈向", "冲刺",
                      "决战", "展望", "向", "—", "-", "－", "~", "～")
YEAR_TARGET_AFTER = ("将", "前", "完成", "建成", "实现", "达到", "目标", "远景", "愿景")
# Words before a month-day that make it a future date (将于10月15日举行).
DAY_FUTURE_BEFORE = ("将于", "将在", "定于", "拟于", "预计", "计划", "将")
# A year summed up as a whole ("2024年，温岭累计培育…") and a 去年 elsewhere: the issue is from
# the following year (a new-year review).
FULL_YEAR_SUMMARY = re.compile(r"(?:^|[。；\n])\s*((?:19|20)\d{2})年[，,](?=[^。]{0,30}(?:累计|全年|共))")

# Dates in file names: 20240823 / 2024-08-23 / 2024.8.3 / 2024年8月3日. A paper's letters may
# run into the digits (wlrb20240823); a run of letters *and* digits before them is a hash.
_FILE_DATES = (
    re.compile(r"(?<![0-9])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?![0-9A-Za-z])"),
    re.compile(r"(?<![0-9])((?:19|20)\d{2})[-_.](\d{1,2})[-_.](\d{1,2})(?![0-9A-Za-z])"),
    re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日"),
)
_ALNUM_BEFORE = re.compile(r"[0-9A-Za-z]*$")
# A relative day pinned to a date in the text: '昨天（8月2日）', '8月2日（昨天）' — the issue's
# day is that date plus the offset.
RELATIVE_DAYS = {"昨天": 1, "昨日": 1, "今天": 0, "今日": 0, "前天": 2, "前日": 2}
_REL = "|".join(RELATIVE_DAYS)
_PINNED = re.compile(
    rf"(?P<rel>{_REL})\s*[（(]\s*(?:(?P<y>(?:19|20)\d{{2}})年)?(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日\s*[)）]"
    rf"|(?:(?P<y2>(?:19|20)\d{{2}})年)?(?P<m2>\d{{1,2}})月(?P<d2>\d{{1,2}})日\s*[（(]\s*(?P<rel2>{_REL})\s*[)）]")
_YEAR_MENTION = re.compile(r"(?<![0-9])((?:19|20)\d{2})(?![0-9])")
_ANNIVERSARY = re.compile(
    rf"今年是(?P<base>{'|'.join(ANNIVERSARY_BASES)})(?P<n>[0-9]{{1,3}}|[一二三四五六七八九十百]+)周年")
_CN = "零〇一二两三四五六七八九十"
_MONTH_DAY = re.compile(
    rf"(?P<pre>(?:19|20)\d{{2}}年|今年|去年|前年|明年)?(?P<m>[0-9]{{1,2}}|[{_CN}]{{1,2}})月"
    rf"(?P<d>[0-9]{{1,2}}|[{_CN}]{{1,3}})[日号]")
LEAD_SPAN = 160  # a lead and its byline fit in the first characters of a paragraph
_NEWS_LEAD = re.compile(r"(?:本报讯[（(][^）)\n]{0,40}[）)]|近日，|日前，)\s*$")


def infer_publication_date(issue_id: str, source_file: str, text: str) -> PublicationDate:
    from_name = date_from_filename(source_file)
    if from_name is not None:
        return PublicationDate(issue_id, from_name, 1.0, f"date in the file name {source_file}")
    year, year_evidence = infer_year(text)
    if year is None:
        return PublicationDate(issue_id, None, 0.0, "no year clue in the text")
    pinned, pinned_evidence = pinned_day(text, year)
    if pinned is not None:
        return PublicationDate(issue_id, pinned, 0.95, f"{year_evidence}; '{pinned_evidence}' dates the issue")
    day, day_evidence, n_news = latest_news_day(text, year)
    if day is not None:
        confidence = 0.9 if n_news >= 2 else 0.7
        return PublicationDate(issue_id, day + dt.timedelta(days=1), confidence,
                               f"{year_evidence}; {day_evidence} → the next day")
    bound = _lower_bound(text, year)
    if bound is not None:
        return PublicationDate(issue_id, bound, 0.4, f"{year_evidence}; no news date, earliest date the text allows")
    return PublicationDate(issue_id, dt.date(year, 7, 1), 0.2, f"{year_evidence}; no day clue, mid-year")


def date_from_filename(source_file: str) -> dt.date | None:
    name = source_file.rsplit("/", 1)[-1]
    for pattern in _FILE_DATES:
        for m in pattern.finditer(name):
            before = _ALNUM_BEFORE.search(name[: m.start()])
            if before and any(ch.isdigit() for ch in before.group(0)):
                continue  # inside a hash such as 5f3a20240823
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def pinned_day(text: str, year: int) -> tuple[dt.date | None, str]:
    """The issue's day from a relative day the text pins to a date ('昨天（8月2日）' → 8月3日);
    the latest, when stories of several days are printed together."""
    best: tuple[dt.date, str] | None = None
    for m in _PINNED.finditer(text):
        rel = m.group("rel") or m.group("rel2")
        y = m.group("y") or m.group("y2")
        try:
            day = dt.date(int(y) if y else year, int(m.group("m") or m.group("m2")), int(m.group("d") or m.group("d2")))
        except ValueError:
            continue
        issue_day = day + dt.timedelta(days=RELATIVE_DAYS[rel])
        if best is None or issue_day > best[0]:
            best = (issue_day, m.group(0))
    return (best[0], best[1]) if best else (None, "")


# --- the year ------------------------------------------------------------------------------


def infer_year(text: str) -> tuple[int | None, str]:
    """The issue's year and the clues it rests on."""
    for m in _ANNIVERSARY.finditer(text):
        n = _num(m.group("n")) if not m.group("n").isdigit() else int(m.group("n"))
        if n:
            y = ANNIVERSARY_BASES[m.group("base")] + n
            return y, f"year {y} from '{m.group(0)}'"
    years = year_mentions(text)
    if not years:
        return None, ""
    latest = max(years)
    count = years[latest]
    evidence = f"year {latest} from {count} mention(s) of {latest}"
    summary = [int(m.group(1)) for m in FULL_YEAR_SUMMARY.finditer(text)]
    if latest in summary and "去年" in text:
        return latest + 1, f"year {latest + 1}: '{latest}年，…累计/全年' sums up {latest} and the text says 去年"
    return latest, evidence


def year_mentions(text: str) -> collections.Counter:
    """Years written in the text that are not goals or ends of spans: 2024年, 2024年度, MT2024,
    2023浙江省直播电商大赛."""
    found: collections.Counter = collections.Counter()
    for m in _YEAR_MENTION.finditer(text):
        y = int(m.group(1))
        before = text[max(0, m.start() - 3): m.start()]
        after = text[m.end(): m.end() + 6]
        if after[:1] in "亿万元多余个家人%." or _is_amount(text, m.start()):
            continue  # 2000亿, 2010平方米: an amount, not a year
        if not after.startswith("年") and not re.match(r"[\u4e00-\u9fff（(]", after[:1]) and not before[-1:].isalpha():
            continue
        if any(before.endswith(w) for w in YEAR_TARGET_BEFORE):
            continue
        rest = after[1:] if after.startswith("年") else after
        rest = re.sub(r"^(?:底|末|年底)", "", rest)
        if any(rest.startswith(w) for w in YEAR_TARGET_AFTER):
            continue
        found[y] += 1
    return found


def _is_amount(text: str, start: int) -> bool:
    found = find_quantities(text[start: start + 12])
    return bool(found) and found[0].start == 0


# --- the day -------------------------------------------------------------------------------


def latest_news_day(text: str, year: int) -> tuple[dt.date | None, str, int]:
    """The latest month-day the issue reports as news in `year`: month-days are weighed (3 when
    they open a paragraph or follow a lead such as 本报讯（…）, 2 when they open a sentence, else
    1), the month with most weight is the news month, and the latest day in it that opens a
    paragraph or sentence (any, if none does) is the eve of publication."""
    weights: collections.Counter = collections.Counter()
    days: list[tuple[dt.date, int, str]] = []
    for m in _MONTH_DAY.finditer(text):
        pre = m.group("pre") or ""
        if pre and pre not in (f"{year}年", "今年"):
            continue  # 去年3月5日, 2023年8月22日 in a 2024 issue: history, not news
        if any(text[max(0, m.start() - 4): m.start()].endswith(w) for w in DAY_FUTURE_BEFORE):
            continue
        mon, day = _num(m.group("m")), _num(m.group("d"))
        if not mon or not day:
            continue
        try:
            date = dt.date(year, mon, day)
        except ValueError:
            continue
        weight = 3 if _opens_paragraph(text, m.start()) else 2 if _opens_sentence(text, m.start()) else 1
        weights[mon] += weight
        days.append((date, weight, m.group(0)))
    if not days:
        return None, "", 0
    month = max(weights, key=lambda k: (weights[k], k))
    in_month = [d for d in days if d[0].month == month]
    n_news = sum(1 for d in in_month if d[1] == 3)
    # the latest of the dates that open news, when there are any: a date inside a sentence
    # is as often history or a plan as it is news
    opening = any(d[1] >= 2 for d in in_month)
    latest = max((d for d in in_month if d[1] >= 2 or not opening), key=lambda d: d[0])
    return latest[0], f"latest news date '{latest[2]}' ({len(in_month)} dates in month {month})", n_news


def _opens_paragraph(text: str, pos: int) -> bool:
    """Does the date open its paragraph, stand in its lead (a dateline: XX网11月2日电) or
    follow it (本报讯（…）, XX网讯, …电 (记者 …))?"""
    line_start = text.rfind("\n", 0, pos) + 1
    head = text[line_start:pos].strip()
    if not head or _NEWS_LEAD.search(head):
        return True
    lead = lead_of(text[line_start: line_start + LEAD_SPAN])
    return lead is not None and pos - line_start <= lead.end()


def _opens_sentence(text: str, pos: int) -> bool:
    """'……。8月20日，……': the date opens a sentence (the year or 今年 may come first)."""
    before = text[max(0, pos - 6): pos]
    return re.search(r"[。！？!?；;](?:(?:19|20)\d{2}年|今年)?$", before) is not None


def _lower_bound(text: str, year: int) -> dt.date | None:
    """No news day: the earliest date consistent with what the text reports — after a 去年 date
    (a new-year review), or after a month's statistics (今年1至8月 → September)."""
    bounds = []
    for m in _MONTH_DAY.finditer(text):
        if m.group("pre") == "去年":
            bounds.append(dt.date(year, 1, 1))
    for m in re.finditer(rf"(?:今年|{year}年)(?:1|一)?[—–\-－~～至到](?P<m>[0-9]{{1,2}})月", text):
        mon = int(m.group("m"))
        if 1 <= mon < 12:
            bounds.append(dt.date(year, mon + 1, 1))
    return max(bounds) if bounds else None
