"""The report's SVG charts and the HTML page, on small hand-made data (no warehouse)."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from orchestration.report.build import anchor, period_text
from orchestration.report.charts import Bar, Mark, Point, hbar_chart, nice_ticks, text_width, time_chart, timeline, truncate
from orchestration.report.comparable import line_group, period_kind, scope

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    assert root.tag == f"{SVG}svg"
    return root


def test_nice_ticks_cover_the_maximum_in_round_steps() -> None:
    assert nice_ticks(48) == [0, 10, 20, 30, 40, 50]
    assert nice_ticks(650) == [0, 200, 400, 600, 800]
    assert nice_ticks(18.6)[-1] >= 18.6
    assert nice_ticks(0) == [0.0, 1.0]


def test_cjk_labels_are_measured_wider_than_latin_ones() -> None:
    assert text_width("数控机床", 10) == 40
    assert text_width("abcd", 10) == 24
    assert text_width(truncate("温岭中心渔港箬山港区码头及配套工程", 80, 10), 10) <= 80


def test_bar_chart_has_one_linked_bar_per_row_and_escapes_labels() -> None:
    svg = hbar_chart([Bar("泵与电机 <b>", 18.6, href="#m-1"), Bar("激光", 5.0)], "产业增速", unit="%")
    root = parse(svg)
    bars = root.findall(f".//{SVG}rect[@class='bar']")
    assert len(bars) == 2
    assert root.find(f".//{SVG}a").get("href") == "#m-1"
    assert "泵与电机 &lt;b&gt;" in svg


def test_time_chart_draws_points_lines_and_hollow_targets() -> None:
    series = {
        "泵与电机": [Point(dt.date(2022, 12, 31), 650, "650", line_group="a"),
                     Point(dt.date(2023, 12, 31), 700, "700", line_group="a")],
        "激光": [Point(dt.date(2025, 12, 31), 100, "100（2025目标）", hollow=True)],
    }
    root = parse(time_chart(series, "产业产值", unit="亿元"))
    points = root.findall(f".//{SVG}circle[@class='point']")
    assert len(points) == 3
    assert [p.get("fill") for p in points].count("#fff") == 1
    assert len(root.findall(f".//{SVG}path")) == 1  # one line: the series with two comparable points
    for p in points:  # every point inside the drawing
        assert 0 <= float(p.get("cx")) <= float(root.get("width"))


def _lines(points: list[Point]) -> int:
    return len(parse(time_chart({"泵与电机": points}, "产业产值", unit="亿元")).findall(f".//{SVG}path"))


def _figure(when: dt.date, value: float, period_label: str, lead: str = "全市泵与电机产业实现产值") -> Point:
    return Point(when, value, line_group=line_group("output_value", period_label, lead))


def test_an_annual_figure_and_an_eleven_month_figure_are_not_joined() -> None:
    # 650 for a whole year, then 211.6 for January–November: no line says it fell by two thirds.
    assert _lines([_figure(dt.date(2022, 12, 31), 650, "2022"),
                   _figure(dt.date(2024, 11, 30), 211.6, "2024-01..2024-11")]) == 0


def test_figures_of_the_same_kind_of_period_are_joined() -> None:
    assert _lines([_figure(dt.date(2022, 12, 31), 650, "2022"), _figure(dt.date(2023, 12, 31), 700, "2023")]) == 1
    assert _lines([_figure(dt.date(2023, 11, 30), 190, "2023-01..2023-11"),
                   _figure(dt.date(2024, 11, 30), 211.6, "2024-01..2024-11")]) == 1
    # January–June does not join January–November, nor a half year a quarter.
    assert _lines([_figure(dt.date(2023, 6, 30), 100, "2023-01..2023-06"),
                   _figure(dt.date(2024, 11, 30), 211.6, "2024-01..2024-11")]) == 0
    assert _lines([_figure(dt.date(2023, 6, 30), 100, "2023H1"), _figure(dt.date(2024, 3, 31), 60, "2024Q1")]) == 0


def test_two_kinds_of_period_in_one_series_make_two_lines() -> None:
    points = [_figure(dt.date(2022, 12, 31), 650, "2022"), _figure(dt.date(2023, 12, 31), 700, "2023"),
              _figure(dt.date(2023, 11, 30), 190, "2023-01..2023-11"), _figure(dt.date(2024, 11, 30), 211.6, "2024-01..2024-11")]
    assert _lines(points) == 2


def test_above_scale_and_all_firms_are_not_joined() -> None:
    assert _lines([_figure(dt.date(2022, 12, 31), 650, "2022", "去年，全市泵与电机产业规上企业实现产值"),
                   _figure(dt.date(2023, 12, 31), 900, "2023", "全市泵与电机产业实现总产值")]) == 0
    # 规上 in an earlier clause of the sentence is another figure's scope, not this one's.
    assert scope("全市规上工业增加值增长8.1%，泵与电机产业实现产值") == "all"
    assert scope("其中规模以上企业完成产值") == "above_scale"


def test_targets_as_of_dates_and_unknown_periods_join_nothing() -> None:
    assert period_kind("target_2025") is None and period_kind("as_of_2024-08") is None
    assert period_kind("unknown") is None and period_kind(None) is None
    assert period_kind("2023-11..2024-02") is None  # spans two years: no like to compare with
    assert period_kind("2024-01..2024-11") == "months 01..11" and period_kind("2024") == "year"
    assert _lines([_figure(dt.date(2024, 8, 31), 300, "as_of_2024-08"), _figure(dt.date(2024, 9, 30), 320, "as_of_2024-09")]) == 0


def test_timeline_puts_each_event_in_its_lane() -> None:
    marks = [Mark(dt.date(2024, 8, 21), "会议", "常务会议", "#ev-1"), Mark(dt.date(2023, 1, 1), "获奖", "入选", approximate=True)]
    root = parse(timeline(marks, "事件", lanes=["会议", "签约", "获奖"]))
    assert len(root.findall(f".//{SVG}circle[@class='event']")) == 2
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "会议" in texts and "获奖" in texts and "签约" not in texts  # empty lanes are dropped


def test_empty_data_still_gives_a_chart() -> None:
    parse(time_chart({}, "产业产值"))
    parse(timeline([], "事件"))
    parse(hbar_chart([], "空"))


def test_period_labels_read_as_words() -> None:
    assert period_text("2024H1") == "2024上半年"
    assert period_text("target_2025") == "2025目标"
    assert period_text("as_of_2024-08") == "截至2024-08"
    assert period_text("2024-01..2024-11") == "2024-01至2024-11"
    assert period_text("unknown") == "统计期未知"
    assert period_text("2023") == "2023"


def test_anchors_are_safe_html_ids() -> None:
    assert anchor("m", "12346294dde9875a-001-q3330") == "m-12346294dde9875a-001-q3330"
    assert anchor("pu", "a b/c") == "pu-a_b_c"
