"""Periods of figures read with their context, and day-only / relative dates (own sentences)."""
from __future__ import annotations

import datetime as dt

import pytest

from orchestration.textmine.metrics import find_metrics
from orchestration.textmine.records import Article
from orchestration.textmine.timeparse import resolve_date, resolve_period

PUB = dt.date(2021, 6, 19)


def periods(body: str, pub: dt.date = PUB) -> dict[tuple[float, str], str]:
    a = Article(article_id="p-001", issue_id="p", seq=1, title="t", kind="news", reporters=(), body=body)
    return {(m.value, m.unit): m.period_label for m in find_metrics(a, pub, [])}


@pytest.mark.parametrize("text, label", [
    ("同2016年底相比，光伏产值增长", "2016..2021"),
    ("销售额比去年同期增长", "unknown"),  # 去年同期 is the base of the comparison
    ("较去年增长", "unknown"),
    ("今年一季度", "2021Q1"),
    ("1—5月", "2021-01..2021-05"),
    ("截至5月底", "as_of_2021-05"),
    ("“十四五”期间", "2021..2025"),
])
def test_period_phrases(text, label):
    assert resolve_period(text, PUB).label == label


@pytest.mark.parametrize("text, date", [
    ("17日上午，签约仪式举行", dt.date(2021, 6, 17)),
    ("25日下午", dt.date(2021, 5, 25)),  # after the publication day: the month before
    ("昨天下午", dt.date(2021, 6, 18)),
    ("今天上午", dt.date(2021, 6, 19)),
])
def test_day_only_and_relative_dates(text, date):
    assert resolve_date(text, PUB) == (date, "day")


def test_no_day_from_durations_and_datelines():
    assert resolve_date("须在15日内完成", PUB) == (None, "unknown")


def test_batch_of_projects_takes_the_month_of_its_ceremony():
    body = "6月16日上午，柯桥区重大项目集中开工仪式举行。此次开工项目31个，总投资152亿元。"
    got = periods(body)
    assert got[(31, "个")] == "2021-06"
    assert got[(152, "亿元")] == "2021-06"


def test_annual_plan_is_the_year():
    body = "今年上半年全区安排开工项目18个，其年度计划投资约26亿元。"
    assert periods(body)[(26, "亿元")] == "2021"


def test_period_carries_over_to_the_next_clause_of_a_report():
    body = "上半年，全市规上工业产值增长8.2%；固定资产投资增长11.5%，其中工业投资增长16.3%。"
    got = periods(body, dt.date(2021, 7, 20))
    assert got[(8.2, "%")] == got[(11.5, "%")] == got[(16.3, "%")] == "2021H1"


def test_period_does_not_cross_paragraphs():
    body = "上半年，全市工业产值增长8.2%。\n全市拥有规上企业812家。"
    assert periods(body)[(812, "家")] == "as_of_2021-06"


def test_counts_on_a_list_are_of_the_year():
    assert periods("全省共有9个县级市上榜。")[(9, "个")] == "2021"


def test_a_batch_under_a_dateline_takes_the_month():
    body = "本报绍兴5月12日电 当天下午，越商大会开幕，会上23个重大项目集中签约，总投资318亿元。"
    got = periods(body)
    assert got[(23, "个")] == got[(318, "亿元")] == "2021-05"


def test_day_only_after_a_full_date_is_in_its_month():
    assert resolve_date("12日上午", PUB, context=dt.date(2021, 5, 11)) == (dt.date(2021, 5, 12), "day")


def test_next_year_is_a_target():
    assert resolve_period("明年，全市规上工业产值", PUB).label == "target_2022"


def test_a_breakdown_keeps_the_period_of_its_total():
    body = ("6月16日，嵊州市举行集中开工活动。今年上半年，嵊州市开工项目37个，总投资96亿元。"
            "其中，制造类项目21个，所占比例57%。")
    got = periods(body, dt.date(2021, 7, 2))
    assert got[(21, "个")] == got[(57, "%")] == "2021H1"


def test_a_batch_counted_before_its_noun():
    body = "5月18日，长兴县举行集中签约仪式，其中包括4个投资超十亿元的大项目。"
    assert periods(body)[(4, "个")] == "2021-05"


def test_a_report_split_by_a_semicolon_keeps_its_period_over_a_ceremony_day():
    # the day of the ceremony dates the batch started that day, not the counts after 1—6月…；
    body = "12日上午，龙岩市举行项目集中开工活动。1—6月，全市重点项目完成投资318亿元；新开工项目44个，开工率52%。"
    got = periods(body, dt.date(2022, 7, 15))
    assert got[(44, "个")] == "2022-01..2022-06"
    assert got[(52, "%")] == "2022-01..2022-06"
