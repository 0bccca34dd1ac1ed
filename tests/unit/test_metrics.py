"""Metrics from real seed sentences, with entity mentions built by hand (the entity module is
tested on its own): what is measured, about what, for when, and which figures are left out."""
from __future__ import annotations

import datetime as dt

import pytest

from orchestration.textmine.metrics import find_metrics
from orchestration.textmine.records import Article, EntityMention
from orchestration.textmine.regions import find_regions

AUG_2024 = dt.date(2024, 8, 22)
JAN_2024 = dt.date(2024, 1, 23)
OCT_2023 = dt.date(2023, 10, 30)
WENLING = find_regions("温岭市")[0].region  # the issue's home region, as extract.py infers it


def article(body: str, title: str = "标题", article_id: str = "i-001") -> Article:
    return Article(article_id=article_id, issue_id="i", seq=1, title=title, kind="news", reporters=(), body=body)


def mention(body: str, surface: str, entity_type: str, canonical: str | None = None, nth: int = 0) -> EntityMention:
    start = -1
    for _ in range(nth + 1):
        start = body.index(surface, start + 1)
    return EntityMention(f"m{start}", "i-001", "i", entity_type, canonical or surface, surface, start, start + len(surface), "")


def by_value(metrics, value, unit):
    (found,) = [m for m in metrics if m.value == value and m.unit == unit]
    return found


MACHINE_TOOLS = (
    "本报讯（记者赵碧莹）近日，省经信厅公布了2024年浙江省中小企业特色产业集群名单，全省共有18个集群入选，"
    "我市金属切削数控机床产业集群上榜。\n"
    "翻开温岭机床产业一路发展至今的档案，明星产品比比皆是。集群拥有国家制造业单项冠军1家、国家级专精特新“小巨人”5家、"
    "省级专精特新中小企业19家，8个产品市场占有率全国前三，2个产品市场占有率全国第一。\n"
    "市经信局相关负责人说，这些明星企业和明星产品发挥着龙头引领作用，带动我市机床装备产业集群在去年实现总产值105.78亿元，"
    "其中主导产业产值占集群总产值比例达86.36%，近三年产值年均增速达15.16%。“今年上半年，数控机床产业集群的成绩再次飘红，"
    "总产值达66.4亿元，同比增长11.6%。”\n"
    "该负责人告诉记者，目前，我市已建成国家级创新平台1个、省级创新平台30个。\n"
    "同时，精心编制《温岭市高档数控机床与工量刀具产业中长期高质量发展规划》，加快推进规划面积达3000亩的机床装备产业园建设，"
    "目前已有7家企业成功入驻。"
)


def machine_tool_metrics():
    body = MACHINE_TOOLS
    ind = "金属切削数控机床"
    mentions = [
        mention(body, "省经信厅", "organization"),
        mention(body, "浙江省", "place", "浙江"),
        mention(body, "金属切削数控机床产业集群", "industry", ind),
        mention(body, "温岭机床产业", "industry", ind),
        mention(body, "市经信局", "organization"),
        mention(body, "机床装备产业集群", "industry", ind),
        mention(body, "数控机床产业集群", "industry", ind, nth=1),
        mention(body, "温岭市", "place", "温岭"),
        mention(body, "高档数控机床与工量刀具产业", "industry", ind),
        mention(body, "机床装备产业园", "project"),
    ]
    return find_metrics(article(body, "晋级省队 发挥温岭优势 打造特色产业集群"), AUG_2024, mentions)


@pytest.mark.parametrize("value, unit, metric, subject, period", [
    (18, "个", "count", "浙江", "2024"),
    (1, "家", "enterprise_count", "金属切削数控机床", "as_of_2024-08"),
    (5, "家", "enterprise_count", "金属切削数控机床", "as_of_2024-08"),
    (19, "家", "enterprise_count", "金属切削数控机床", "as_of_2024-08"),
    (8, "个", "count", "金属切削数控机床", "as_of_2024-08"),
    (105.78, "亿元", "output_value", "金属切削数控机床", "2023"),
    (86.36, "%", "share", "金属切削数控机床", "2023"),
    (15.16, "%", "growth_rate", "金属切削数控机床", "2021..2023"),
    (66.4, "亿元", "output_value", "金属切削数控机床", "2024H1"),
    (11.6, "%", "growth_rate", "金属切削数控机床", "2024H1"),
    (1, "个", "count", "金属切削数控机床", "as_of_2024-08"),  # 我市已建成…: the article's industry
    (30, "个", "count", "金属切削数控机床", "as_of_2024-08"),
    (3000, "亩", "area", "机床装备产业园", "unknown"),
    (7, "家", "enterprise_count", "机床装备产业园", "as_of_2024-08"),
])
def test_machine_tool_cluster(value, unit, metric, subject, period):
    m = by_value(machine_tool_metrics(), value, unit)
    assert (m.metric, m.subject_name, m.period_label) == (metric, subject, period)


def test_spans_ids_and_normalisation():
    metrics = machine_tool_metrics()
    for m in metrics:
        assert MACHINE_TOOLS[m.start_char:m.end_char].startswith(str(m.value).rstrip("0").rstrip(".")[:2])
        assert m.metric_id == f"i-001-q{m.start_char}"
        assert m.evidence in MACHINE_TOOLS
        assert MACHINE_TOOLS[m.start_char:m.end_char] in m.evidence
    out = by_value(metrics, 105.78, "亿元")
    assert MACHINE_TOOLS[out.start_char:out.end_char] == "105.78亿元"
    assert (out.value_normalized, out.normalized_unit) == (1.0578e10, "CNY")
    assert (out.period_start, out.period_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert out.subject_type == "industry"
    assert by_value(metrics, 11.6, "%").value_normalized == pytest.approx(0.116)
    assert by_value(metrics, 18, "个").subject_type == "region"
    assert by_value(metrics, 3000, "亩").subject_type == "project"


def test_one_row_per_figure():
    assert len(machine_tool_metrics()) == 15  # the 14 above and the second 2个产品


PUMPS = (
    "作为温岭第一主导产业，泵业经过40多年发展，实现了从无到有的跨越，产业规模超300亿元，这其中农业灌溉泵更是温岭水泵中的明星产品，"
    "产值占比高达94%。小型水泵产量占全国70%以上，国际市场占有率已达20%，在2019年，还成功入选了国家新型工业化产业示范基地。\n"
    "在这个集群内，温岭已拥有上市企业5家、国家制造业单项冠军企业3家，集聚配套企业近900家。\n"
    "在创新平台的推动下，截至2022年，集群内已培育国家高新技术企业121家、省级创新型中小企业44家、省级企业研究院11家；"
    "拥有有效发明专利399个。"
)


def test_pump_cluster_periods_and_kinds():
    body = PUMPS
    mentions = [mention(body, "温岭", "place"), mention(body, "泵业", "industry", "泵与电机"),
                mention(body, "水泵", "industry", "泵与电机"), mention(body, "水泵", "industry", "泵与电机", nth=1),
                mention(body, "温岭", "place", nth=2)]
    metrics = find_metrics(article(body), OCT_2023, mentions)
    expect = {
        (300, "亿元"): ("output_value", "泵与电机", "unknown"),
        (94, "%"): ("share", "泵与电机", "unknown"),
        (70, "%"): ("share", "泵与电机", "unknown"),  # 占全国: 全国 is the denominator
        (20, "%"): ("share", "泵与电机", "as_of_2023-10"),
        (5, "家"): ("enterprise_count", "泵与电机", "as_of_2023-10"),
        (900, "家"): ("enterprise_count", "泵与电机", "as_of_2023-10"),
        (121, "家"): ("enterprise_count", "泵与电机", "as_of_2022-12"),
        (11, "家"): ("count", "泵与电机", "as_of_2022-12"),  # 研究院 are not enterprises
    }
    for (value, unit), (metric, subject, period) in expect.items():
        m = by_value(metrics, value, unit)
        assert (m.metric, m.subject_name, m.period_label) == (metric, subject, period), (value, unit)
    assert not [m for m in metrics if m.unit == "年"]  # 40多年 is a duration


def test_flows_have_no_as_of_period_and_paragraph_subjects_carry_over():
    body = ("渔二代海上共富工坊就是在这样的背景下诞生的。它由两艘长达50米的捕鱼船、一艘载重380吨的运输船以及一个岸上海鲜电商中心组成。"
            "截至目前，已组织开展年货节最后一网等特色主题直播活动，应季开展海鲜专场直播40余场，年网络销售额约200万元。")
    mentions = [mention(body, "渔二代海上共富工坊", "organization"), mention(body, "电商", "industry", "电子商务")]
    metrics = find_metrics(article(body), OCT_2023, mentions)
    sales = by_value(metrics, 200, "万元")
    assert (sales.metric, sales.subject_name, sales.period_label) == ("sales", "渔二代海上共富工坊", "unknown")
    assert by_value(metrics, 40, "场").period_label == "as_of_2023-10"
    assert not [m for m in metrics if m.unit in ("米", "吨", "艘")]


def test_projects_power_and_population():
    body = ("市东部松门渔光互补光伏电站一期项目装机容量70万千瓦，投资12亿元，预计今年年底前实现并网发电。"
            "二、三期项目建成后，将成为全国规模最大的滩涂光伏电站，年发电量达7亿千瓦时。\n"
            "石塘镇是浙江省渔业重镇，海洋渔业资源丰厚，渔业从业人员达1.52万人。\n"
            "今年9月，我市启动湖漫库区一、二级保护区内8个村的整村搬迁工作，其中包括了城南镇横溪村、彭家村，共有8639人、4700余间房涉及搬迁。")
    project = "市东部松门渔光互补光伏电站一期项目"
    mentions = [mention(body, project, "project"), mention(body, "石塘镇", "place"), mention(body, "浙江省", "place", "浙江"),
                mention(body, "渔业", "industry"), mention(body, "湖漫库区", "place"), mention(body, "城南镇", "place"),
                mention(body, "横溪村", "place"), mention(body, "彭家村", "place")]
    metrics = find_metrics(article(body), OCT_2023, mentions)
    assert (by_value(metrics, 70, "万千瓦").metric, by_value(metrics, 70, "万千瓦").subject_name) == ("capacity", project)
    assert by_value(metrics, 70, "万千瓦").value_normalized == 7e5
    assert (by_value(metrics, 12, "亿元").metric, by_value(metrics, 12, "亿元").subject_name) == ("investment", project)
    assert by_value(metrics, 7, "亿千瓦时").metric == "generation"
    people = by_value(metrics, 1.52, "万人")
    assert (people.metric, people.subject_name, people.subject_type, people.period_label) == \
        ("count", "石塘镇", "region", "as_of_2023-10")
    residents = by_value(metrics, 8639, "人")
    assert (residents.metric, residents.subject_name, residents.period_label) == ("population", "湖漫库区", "2023")
    houses = by_value(metrics, 4700, "间")
    assert (houses.metric, houses.subject_name) == ("count", "湖漫库区")


@pytest.mark.parametrize("body", [
    "座谈会上，10位代表结合工作实际提出意见建议。",
    "向全市1500多名各级代表发出倡议，启动五大方面35个问题的问卷调查。",
    "共发动各级代表1500多人广泛参与，收回调查问卷2452份，线上收集民情民意2825条。",
    "市融媒体中心负责全程网络视频直播，累计18.9万人次观看。",
    "备好了麻袋及编织袋各1500条、应急标志牌100只、吸油毡400平方米、吸油条40米、沥青冷补料50吨。",
    "调研组深入经信、科技等12个重点部门，机床装备和工量刀具2家行业协会，2个专业市场和21家重点企业进行实地走访，召开9场座谈会。",
    "虽然宣讲时间只有短短15分钟，温岭新城开发区在距离路口20米左右的绿化带增设了一个掉头口。",
    "城南镇已完成入户排查100%、资料收集100%、资料预审100%。",
    "市新联会将结合我市“工业强市奋进2000亿”目标，在新联助企上再寻突破。",
    "马厉财主持召开市政府第34次常务会议，8月21日，2024年全市政协委员读书会召开。",
    "也是我市渔业发展历史上最大的一个项目。",
])
def test_logistics_and_non_figures_are_left_out(body):
    assert find_metrics(article(body), JAN_2024, []) == []


def test_expected_output_threshold_and_fund():
    body = ("中昊芯英AI算力产业基地项目总投资10亿元，将在温岭建设生产线，投产后年产值预计达20亿元。"
            "2024年，规模50亿元的省“4+1”精密制造专项基金落地温岭，全年新引进亿元以上产业项目34个，其中投资10亿元以上项目7个。")
    mentions = [mention(body, "中昊芯英AI算力产业基地项目", "project"), mention(body, "温岭", "place"),
                mention(body, "温岭", "place", nth=1)]
    metrics = find_metrics(article(body), dt.date(2025, 1, 5), mentions)
    assert by_value(metrics, 20, "亿元").metric == "annual_output_value_expected"
    assert by_value(metrics, 20, "亿元").subject_name == "中昊芯英AI算力产业基地项目"
    assert by_value(metrics, 50, "亿元").metric == "other"
    assert by_value(metrics, 34, "个").period_label == "2024"
    assert [m.value for m in metrics if m.unit == "亿元"] == [10, 20, 50]  # 10亿元以上 is a bound


def test_region_fallback_without_mentions():
    body = "2024年上半年，全市规上工业增加值达348.13亿元，同比增长7.6%。"
    metrics = find_metrics(article(body), dt.date(2025, 1, 5), [], WENLING)
    assert [(m.metric, m.subject_name, m.subject_type, m.period_label) for m in metrics] == [
        ("added_value", "温岭", "region", "2024H1"), ("growth_rate", "温岭", "region", "2024H1")]
    # a sector named after the scope word is the subject (全市服务业增加值 → 服务业)
    body = "2024年上半年，全市服务业增加值达348.13亿元，同比增长7.6%。"
    metrics = find_metrics(article(body), dt.date(2025, 1, 5), [], WENLING)
    assert [m.subject_type for m in metrics] == ["industry"] * 2
    assert metrics[0].subject_name.endswith("服务业")


def test_no_publication_date():
    body = "目前已有7家企业成功入驻，去年实现总产值105.78亿元。"
    metrics = find_metrics(article(body), None, [])
    assert [m.period_label for m in metrics] == ["unknown", "unknown"]


@pytest.mark.parametrize("body, expected", [
    ("1-6月，全市实现规上工业增加值123.4亿元，同比增长8.5%。",
     [("added_value", "2024-01..2024-06"), ("growth_rate", "2024-01..2024-06")]),
    ("上半年，全市实现地区生产总值654.3亿元。", [("other", "2024H1")]),  # GDP: 'other', as the gold has it
    ("今年以来，全市社会消费品零售总额达500亿元，城乡居民人均可支配收入达6万元。",
     [("sales", "2024-01..2024-08"), ("other", "2024-01..2024-08")]),
    ("截至目前，全市新增市场主体5000户，规上工业企业达1234家。",
     [("enterprise_count", "as_of_2024-08"), ("enterprise_count", "as_of_2024-08")]),
    ("全年完成投资12.5亿元，占年度计划的85%。", [("investment", "unknown"), ("share", "unknown")]),
    ("去年，全市接待游客120万人次，引进项目15个，总投资80亿元。",
     [("count", "2023"), ("count", "2023"), ("investment", "2023")]),
    ("今年一季度，全市工业用电量同比增长百分之五点五。", [("growth_rate", "2024Q1")]),
])
def test_general_county_statistics(body, expected):
    metrics = find_metrics(article(body), AUG_2024, [], WENLING)
    assert [(m.metric, m.period_label) for m in metrics] == expected
    assert all(m.subject_name == "温岭" for m in metrics)
