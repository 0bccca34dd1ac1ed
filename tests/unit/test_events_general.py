"""Event types and dates on sentences written for these tests: day-only and relative dates,
ceremonies, and the aggregates and titles that are not events."""
from __future__ import annotations

import datetime as dt

from orchestration.textmine.events import find_events
from orchestration.textmine.records import Article

PUB = dt.date(2022, 5, 20)


def events(body: str, pub: dt.date = PUB) -> list[tuple[str, dt.date | None]]:
    a = Article(article_id="g-001", issue_id="g", seq=1, title="t", kind="news", reporters=(), body=body)
    return [(e.event_type, e.event_date) for e in find_events(a, pub)]


def test_day_only_date_is_in_the_publication_month():
    assert events("18日上午，长兴县举行重大项目集中签约仪式，26个项目落户。") == [("signing", dt.date(2022, 5, 18))]


def test_day_after_the_publication_day_is_last_month():
    assert events("28日，海宁市召开工业经济高质量发展大会。") == [("meeting", dt.date(2022, 4, 28))]


def test_same_day_takes_the_day_named_before():
    body = "19日下午，德清县举行招商推介会。当天，德清县举行集中签约仪式，12个项目签约。"
    assert ("signing", dt.date(2022, 5, 19)) in events(body)


def test_a_joint_start_and_completion_ceremony_is_a_groundbreaking():
    body = "19日上午，嘉善县举行重大项目集中开竣工仪式。"
    assert events(body) == [("groundbreaking", dt.date(2022, 5, 19))]


def test_a_meeting_as_the_setting_of_a_signing():
    body = "19日，在新昌县民营经济大会现场，与会企业代表签约15个项目。"
    assert sorted(events(body)) == [("meeting", dt.date(2022, 5, 19)), ("signing", dt.date(2022, 5, 19))]


def test_statistics_of_signings_and_starts_are_no_events():
    assert events("今年以来，新签约重大项目投资额同比增长21.5%，新开工项目38个。") == []
    assert events("推介活动期间，全县累计签约项目86个，总投资205亿元。") == []
    assert events("竣工项目9个，合计投资47亿元。") == []


def test_push_is_not_a_groundbreaking():
    assert events("推动工业经济提质增效。") == []


def test_a_tally_of_honours_is_no_award():
    assert events("2021年，全县获评省级以上荣誉表彰15个。") == []


def test_a_date_in_a_document_title_is_not_the_event_date():
    body = "昨天，省统计局公布《2022年全省开发区综合评价报告》和排名名单。"
    assert events(body) == [("list_publication", dt.date(2022, 5, 19))]


def test_a_since_phrase_is_no_event_date():
    body = "2021年9月以来，评审组逐项核查材料，形成入选企业名单。"
    assert events(body) == [("list_publication", None)]


def test_a_commendation_ceremony_is_an_award():
    assert events("19日，全县优秀民营企业表彰大会召开。") == [("award", dt.date(2022, 5, 19))]


def test_a_rally_is_a_meeting():
    assert events("19日上午，海盐县召开项目攻坚誓师大会。") == [("meeting", dt.date(2022, 5, 19))]


def test_a_mid_month_date_has_month_precision():
    a = Article(article_id="g-001", issue_id="g", seq=1, title="t", kind="news", reporters=(),
                body="3月中旬，安吉县举行重大项目集中开工活动。")
    (e,) = find_events(a, PUB)
    assert (e.event_type, e.event_date, e.date_precision) == ("groundbreaking", dt.date(2022, 3, 1), "month")


def test_a_wire_dateline_is_no_lead_event():
    body = "新华社杭州5月14日电（记者王五）“今年以来，我们共签约项目41个、总投资96亿元。”"
    assert events(body) == []


def test_a_year_and_month_opening_the_events_name_is_not_its_date():
    pub = dt.date(2023, 12, 27)
    assert events("12月20日，青溪县2023年12月重大项目集中签约仪式在县行政中心举行。", pub) == [
        ("signing", dt.date(2023, 12, 20))]
    assert events("2023年12月举行的签约仪式上，8个项目落地。", pub) == [("signing", dt.date(2023, 12, 1))]


def test_a_joint_start_and_signing_ceremony_is_two_events():
    body = "18日上午，莆田市举行二季度产业项目开工暨招商签约仪式。"
    assert sorted(events(body)) == [("groundbreaking", dt.date(2022, 5, 18)), ("signing", dt.date(2022, 5, 18))]


def test_a_count_of_signed_projects_of_a_kind_is_no_signing():
    assert events("1—4月，三明市正式签约外资项目12个，投资总额88亿元。") == []


def test_a_stage_named_in_a_quoted_slogan_is_no_event():
    assert events("该县推行“拿地即开工”模式，推动项目加快“洽谈—签约—投产”转化。") == []


def test_the_stages_of_a_project_named_as_a_topic_are_one_event_at_most():
    body = "10日，龙港市举办一批产业项目开工仪式。这批项目开工建设投产，将为龙港带来新动能。"
    assert events(body) == [("groundbreaking", dt.date(2022, 5, 10))]


def test_a_quoted_meeting_name_is_still_a_meeting():
    assert events("19日，“民营经济高质量发展座谈会”在仙居县召开。") == [("meeting", dt.date(2022, 5, 19))]
