"""Period phrases and event dates resolved against the publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from orchestration.textmine.timeparse import find_dates, find_periods, resolve_date, resolve_period

AUG_2024 = dt.date(2024, 8, 22)
JAN_2024 = dt.date(2024, 1, 23)
OCT_2023 = dt.date(2023, 10, 30)


@pytest.mark.parametrize("sentence, pub, label", [
    ("带动我市机床装备产业集群在去年实现总产值", AUG_2024, "2023"),
    ("今年上半年，数控机床产业集群的成绩再次飘红，总产值达", AUG_2024, "2024H1"),
    ("其中主导产业产值占集群总产值比例达86.36%，近三年产值年均增速达", AUG_2024, "2021..2023"),
    ("2024年1—11月，泵与电机规模以上工业企业新产品产值为", dt.date(2025, 1, 5), "2024-01..2024-11"),
    ("今年1-9月份，据不完全统计，直播近", OCT_2023, "2023-01..2023-09"),
    ("今年1至8月，热刺激光实现产值超", dt.date(2023, 10, 9), "2023-01..2023-08"),
    ("该负责人告诉记者，目前，我市已建成国家级创新平台", AUG_2024, "as_of_2024-08"),
    ("截至目前，温岭已培育省级电子商务直播基地", OCT_2023, "as_of_2023-10"),
    ("现已拥有产业链上下游企业", JAN_2024, "as_of_2024-01"),
    ("截至2022年，集群内已培育国家高新技术企业", OCT_2023, "as_of_2022-12"),
    ("截至今年8月底，项目已建成运行中", dt.date(2023, 10, 9), "as_of_2023-08"),
    ("到2025年将形成年产值超", dt.date(2023, 10, 9), "target_2025"),
    ("今年，我市激光全产业链有望实现产值", dt.date(2023, 10, 9), "target_2023"),
    ("近日，省经信厅公布了2024年浙江省中小企业特色产业集群名单，全省共有", AUG_2024, "2024"),
    ("2024年上半年，温岭服务业增加值达", dt.date(2025, 1, 5), "2024H1"),
    ("今年9月，我市启动湖漫库区一、二级保护区内8个村的整村搬迁工作，其中包括了城南镇横溪村，共有", OCT_2023, "2023"),
    ("9月份，全市规上工业增加值", OCT_2023, "2023-09"),
    ("前三季度，全市实现", OCT_2023, "2023-01..2023-09"),
    ("一季度，全市实现", AUG_2024, "2024Q1"),
    # a quarter under way at publication is this year's; one not yet begun is last year's
    ("第一季度项目开工现场会上，全县", dt.date(2021, 2, 20), "2021Q1"),
    ("三季度，全县实现", JAN_2024, "2023Q3"),
    ("上半年，全市实现", AUG_2024, "2024H1"),
    ("上半年，全市实现", JAN_2024, "2023H1"),
    ("今年以来，我市有10名市领导挂帅", AUG_2024, "2024-01..2024-08"),
    ("“十四五”期间，全市", AUG_2024, "2021..2025"),
    ("2021—2023年，全市", AUG_2024, "2021..2023"),
    ("产业规模超", OCT_2023, "unknown"),
    ("近年来，我市持续围绕产业链", AUG_2024, "unknown"),
    ("2020年至主体项目投产期间，热刺激光实现年均产值", OCT_2023, "unknown"),
    ("参与2024年度省“尖兵领雁+X”研发攻关计划项目", JAN_2024, "2024"),
    ("重点关注尚在前期的礁山渔港小镇核心区项目，项目前期", OCT_2023, "unknown"),
])
def test_period_labels(sentence, pub, label):
    assert resolve_period(sentence, pub).label == label


def test_period_bounds():
    p = resolve_period("今年上半年，总产值达", AUG_2024)
    assert (p.start, p.end) == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    p = resolve_period("2024年1—11月", AUG_2024)
    assert (p.start, p.end) == (dt.date(2024, 1, 1), dt.date(2024, 11, 30))
    p = resolve_period("截至目前", AUG_2024)
    assert (p.start, p.end) == (None, dt.date(2024, 8, 31))
    p = resolve_period("产值达", AUG_2024)
    assert (p.label, p.start, p.end) == ("unknown", None, None)


def test_without_a_publication_date_relative_phrases_are_unknown():
    assert resolve_period("去年实现总产值", None).label == "unknown"
    assert resolve_period("2023年实现总产值", None).label == "2023"


def test_find_periods_keeps_order_and_spans():
    s = "带动我市机床装备产业集群在去年实现总产值105.78亿元，其中…，近三年产值年均增速达15.16%"
    found = find_periods(s, AUG_2024)
    assert [p.label for _, _, p in found] == ["2023", "2021..2023"]
    start, end, _ = found[0]
    assert s[start:end] == "去年"


@pytest.mark.parametrize("text, pub, date, precision", [
    ("8月21日，市委副书记、市长马厉财主持召开市政府第34次常务会议", AUG_2024, dt.date(2024, 8, 21), "day"),
    ("8月21日下午，市人大常委会主任朱明连来到泽国镇人大代表联络站", AUG_2024, dt.date(2024, 8, 21), "day"),
    ("2023年8月22日，城南镇政府与台州吉裕水产养殖有限公司成功签约", JAN_2024, dt.date(2023, 8, 22), "day"),
    ("7月25日，市人大常委会采取“主会场+基层单元分会场”形式", JAN_2024, dt.date(2023, 7, 25), "day"),
    ("1月19日上午，我市组织收看台州市纪委六届五次全会视频会议", JAN_2024, dt.date(2024, 1, 19), "day"),
    ("去年3月，浙江省高档数控机床技术创新中心成功落地温岭", JAN_2024, dt.date(2023, 3, 1), "month"),
    ("早在2023年1月底，省委提出三个“一号工程”后", JAN_2024, dt.date(2023, 1, 1), "month"),
    ("去年12月20日，台州市举行2024(第四季)重大招商项目签约仪式", dt.date(2025, 1, 5), dt.date(2024, 12, 20), "day"),
    ("昨天，全市召开", AUG_2024, dt.date(2024, 8, 21), "day"),
    ("在2019年，还成功入选了国家新型工业化产业示范基地", OCT_2023, dt.date(2019, 1, 1), "year"),
    ("近日，省经信厅公布了名单", AUG_2024, None, "unknown"),
    ("今年是新中国成立75周年", JAN_2024, None, "unknown"),
])
def test_event_dates(text, pub, date, precision):
    assert resolve_date(text, pub) == (date, precision)


def test_same_day_and_same_year_follow_the_context():
    assert resolve_date("当天，这个项目就正式开工了", JAN_2024, context=dt.date(2023, 8, 22)) == (dt.date(2023, 8, 22), "day")
    found = find_dates("去年3月，中心成功落地温岭，并于同年7月正式揭牌运行", JAN_2024)
    assert [(m.date, m.precision) for m in found] == [(dt.date(2023, 3, 1), "month"), (dt.date(2023, 7, 1), "month")]
    assert resolve_date("同年3月，调研组深入经信", JAN_2024, context_year=2022) == (dt.date(2022, 3, 1), "month")
