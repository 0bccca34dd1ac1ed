"""Figures with units: values, units as printed, spans, normalisation, and what is not a figure."""
from __future__ import annotations

import time

import pytest

from orchestration.textmine.numbers import Quantity, chinese_to_number, find_quantities, normalize


def figures(text: str) -> list[tuple[str, float, str]]:
    return [(text[q.start:q.end], q.value, q.unit) for q in find_quantities(text)]


def test_sentence_from_the_machine_tool_article():
    text = ("带动我市机床装备产业集群在去年实现总产值105.78亿元，其中主导产业产值占集群总产值比例达86.36%，"
            "近三年产值年均增速达15.16%。")
    assert figures(text) == [("105.78亿元", 105.78, "亿元"), ("86.36%", 86.36, "%"), ("15.16%", 15.16, "%")]
    first = find_quantities(text)[0]
    assert first.value_normalized == pytest.approx(1.0578e10)
    assert first.normalized_unit == "CNY"


@pytest.mark.parametrize("text, value, unit, norm_value, norm_unit", [
    ("总产值达66.4亿元", 66.4, "亿元", 6.64e9, "CNY"),
    ("同比增长11.6%", 11.6, "%", 0.116, "ratio"),
    ("规划面积达3000亩的机床装备产业园", 3000, "亩", 3000, "mu"),
    ("一期项目装机容量70万千瓦", 70, "万千瓦", 7e5, "kW"),
    ("年发电量达7亿千瓦时", 7, "亿千瓦时", 7e8, "kWh"),
    ("目前已有7家企业成功入驻", 7, "家", 7, "count"),
    ("麻袋及编织袋各1500条", 1500, "条", 1500, "count"),
    ("这个总投资约2.2亿元的项目", 2.2, "亿元", 2.2e8, "CNY"),
    ("年网络销售额约200万元", 200, "万元", 2e6, "CNY"),
    ("更新建筑面积124.64万平方米", 124.64, "万平方米", 1.2464e6, "m2"),
    ("渔业从业人员达1.52万人", 1.52, "万人", 15200, "persons"),
    ("累计18.9万人次观看", 18.9, "万人次", 189000, "person_times"),
    ("惠及居民6298户", 6298, "户", 6298, "households"),
    ("直接拉动GDP增速4个百分点", 4, "个百分点", 4, "percentage_point"),
    ("潮沙龙单次直播4小时超40万", 40, "万", 4e5, "number"),
])
def test_value_unit_and_normalisation(text, value, unit, norm_value, norm_unit):
    found = [q for q in find_quantities(text) if q.unit == unit]
    assert len(found) == 1
    q = found[0]
    assert q.value == pytest.approx(value)
    assert q.value_normalized == pytest.approx(norm_value)
    assert q.normalized_unit == norm_unit


def test_approximations_stay_in_the_span_but_not_in_the_unit():
    text = "共有8639人、4700余间房涉及搬迁，向全市1500多名各级代表发出倡议"
    assert figures(text) == [("8639人", 8639, "人"), ("4700余间", 4700, "间"), ("1500多名", 1500, "名")]


def test_chinese_numerals():
    text = "提出四方面十二个问题，共有两万人参与，三家企业签约"
    assert figures(text) == [("十二个", 12, "个"), ("两万人", 2, "万人"), ("三家", 3, "家")]
    assert find_quantities("两万人")[0].value_normalized == 20000


@pytest.mark.parametrize("text", [
    "2024年1—11月，泵与电机规模以上工业企业",  # a year and a month range
    "今年1-9月份，据不完全统计",
    "8月21日，市委副书记、市长马厉财主持召开市政府第34次常务会议",  # a date and an ordinal
    "北平机床的BP850精密立式磨床",  # a model number
    "G104京岚线、S226泽坎线",  # road numbers
    "‘CC-MT2024春燕奖’",
    "“2+2+4+4”产业集群发展格局",
    "党的二十届三中全会，市十五届三次党代会，台州市纪委六届五次全会，市十七届人大三次会议",
    "力争用3至5年时间",
    "城北街道90后、00后新时代理论宣讲员",
    "304不锈钢材料",
    "上世纪七八十年代，一批技术难题，一个个小故事，千项万亿，万名干部助万企",
    "电话0576-86123456",
])
def test_not_quantities(text):
    assert figures(text) == []


def test_durations_are_quantities_with_a_duration_unit():
    (q,) = find_quantities("宣讲时间只有短短15分钟")
    assert (q.value, q.unit, q.normalized_unit) == (15, "分钟", "minute")
    (q,) = find_quantities("泵业经过40多年发展")
    assert (q.value, q.unit, q.normalized_unit) == (40, "年", "year")


def test_spans_point_into_the_text():
    text = "集群拥有国家制造业单项冠军1家、国家级专精特新“小巨人”5家、省级专精特新中小企业19家，8个产品市场占有率全国前三"
    for q in find_quantities(text):
        assert text[q.start:q.end].startswith(str(int(q.value)))
        assert text[q.start:q.end].endswith(q.unit[-1])
    assert [q.value for q in find_quantities(text)] == [1, 5, 19, 8]


@pytest.mark.parametrize("s, expected", [
    ("十二", 12), ("两万", 20000), ("一百零五", 105), ("三点五", 3.5), ("1.5万", 15000),
    ("二〇二四", 2024), ("十", 10), ("一万二千", 12000), ("二十万", 200000), ("3,500", 3500),
    ("七八十", None), ("十四五", None), ("万", None), ("abc", None), ("", None),
])
def test_chinese_to_number(s, expected):
    assert chinese_to_number(s) == expected


def test_normalize():
    assert normalize(105.78, "亿元") == (1.0578e10, "CNY")
    assert normalize(5, "万元") == (5e4, "CNY")
    assert normalize(86.36, "%") == (0.8636, "ratio")
    assert normalize(1.2, "万平方米") == (12000, "m2")
    assert normalize(2000, "亿") == (2e11, "number")
    assert normalize(3, "斤斤") == (None, None)


def test_fast_enough():
    text = "全市1360家泵与电机企业实现集群总产值650亿元，同比增长11.6%，8月21日召开第34次会议。" * 2000
    t0 = time.perf_counter()
    found = find_quantities(text)
    assert len(found) == 6000
    assert time.perf_counter() - t0 < 2.0
    assert isinstance(found[0], Quantity)
