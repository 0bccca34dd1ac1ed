"""Project mentions on real passages from the seed issues (raw/)."""
from __future__ import annotations

import pytest

from orchestration.textmine.projects import find_projects
from orchestration.textmine.records import Article


def article(body: str, title: str = "", kind: str = "news") -> Article:
    return Article(article_id="iss-002", issue_id="iss", seq=2, title=title, kind=kind, reporters=(), body=body)


def by_name(art: Article) -> dict:
    projects = find_projects(art)
    for p in projects:
        assert art.body[p.start_char:p.end_char] == p.project_name
        assert p.project_mention_id == f"{art.article_id}-p{p.start_char}"
        assert p.project_name in p.evidence
    return {p.project_name: p for p in projects}


def test_signed_and_started_with_investment_in_the_next_sentence():
    art = article("2023年8月22日，城南镇政府与台州吉裕水产养殖有限公司成功签约现代农业综合体项目。"
                  "当天，这个总投资约2.2亿元的项目就正式开工了。项目能够在签约当天就开工，有望在年内实现试投产。")
    projects = by_name(art)
    assert list(projects) == ["现代农业综合体项目"]
    p = projects["现代农业综合体项目"]
    assert (p.investment_value, p.investment_unit) == (2.2, "亿元")
    assert p.investment_cny == pytest.approx(2.2e8)
    assert p.status == "开工"  # 试投产 is only hoped for
    assert p.location == "城南镇"
    assert p.company_name == "台州吉裕水产养殖有限公司"


def test_a_park_under_construction():
    art = article("同时，精心编制发展规划，加快推进规划面积达3000亩的机床装备产业园建设，目前已有7家企业成功入驻。")
    p = by_name(art)["机床装备产业园"]
    assert p.status == "在建"
    assert p.investment_value is None and p.location is None


def test_photo_report_of_a_power_station():
    art = article(
        "10月29日，市东部松门渔光互补光伏电站项目建设现场，建设者正在安装太阳能板作业平台。\n"
        "市东部松门渔光互补光伏电站一期项目装机容量70万千瓦，投资12亿元，预计今年年底前实现并网发电。"
        "二、三期项目建成后，将成为全国规模最大的滩涂光伏电站，年发电量达7亿千瓦时。",
        title="全国最大滩涂光伏电站建设正酣", kind="photo",
    )
    projects = by_name(art)
    assert set(projects) == {"市东部松门渔光互补光伏电站项目", "市东部松门渔光互补光伏电站一期项目"}
    first = projects["市东部松门渔光互补光伏电站一期项目"]
    assert (first.investment_value, first.investment_unit, first.investment_cny) == (12, "亿元", 1.2e9)
    assert first.location == "松门"
    assert first.status == "在建"  # 并网 is forecast; the report says construction is under way
    assert projects["市东部松门渔光互补光伏电站项目"].investment_value is None


def test_investment_printed_before_the_name():
    art = article("2018年1月，投资额24亿元的温岭热刺激光产业园项目落户温岭经济开发区。")
    p = by_name(art)["温岭热刺激光产业园项目"]
    assert (p.investment_value, p.investment_unit) == (24, "亿元")
    assert p.status == "签约"


def test_one_sentence_several_projects_each_with_its_status():
    art = article("目前，温岭中心渔港石塘港区疏浚项目已完工，温岭市礁山渔港渔业码头工程和"
                  "温岭中心渔港箬山港区码头及配套工程正在建设中。")
    projects = by_name(art)
    assert {name: p.status for name, p in projects.items()} == {
        "温岭中心渔港石塘港区疏浚项目": "竣工",
        "温岭市礁山渔港渔业码头工程": "在建",
        "温岭中心渔港箬山港区码头及配套工程": "在建",
    }


def test_one_mention_per_name_and_the_investment_of_any_report():
    art = article("台州市举行重大招商项目签约仪式，中昊芯英AI算力产业基地项目等31个项目现场签约。\n"
                  "中昊芯英AI算力产业基地项目总投资10亿元，将在温岭建设生产线，投产后年产值预计达20亿元。")
    projects = find_projects(art)
    assert [p.project_name for p in projects] == ["中昊芯英AI算力产业基地项目"]
    p = projects[0]
    assert p.start_char == art.body.index("中昊芯英AI算力产业基地项目")
    assert (p.investment_value, p.investment_unit) == (10, "亿元")
    assert p.status == "签约"  # 投产后 is a forecast


@pytest.mark.parametrize("body", [
    "要积极探索首创性改革，谋深谋实协商民主改革项目。",
    "全力推进重点项目建设，该项目进展顺利。",
    "近几年，温岭向光而行，推动一批激光项目先后落地。",
    "温岭蹄疾步稳推进全国先进制造业基地建设，民营经济由小变大。",
    "累计攻关泵类技术难题94项，合作研发泵类项目200余项。",
    "在市委常委会上将“一号改革工程”作为重点，打响三个“一号工程”。",
    "二、三期项目建成后，将成为全国规模最大的滩涂光伏电站。",
    "市政协主席江金永多次赴实地走访调研中心建设情况。",
    "台州市举行重大招商项目签约仪式。",
])
def test_generic_phrases_are_not_projects(body):
    assert find_projects(article(body)) == []


def test_a_project_named_after_a_conjunction():
    art = article("近期，随着激光农业技术研究院和吉光光电项目在大溪落地投产，温岭激光产业开拓了新赛道。")
    p = by_name(art)["吉光光电项目"]
    assert p.status == "投产"
    assert p.location == "大溪"


def test_a_construction_word_right_before_the_suffix_belongs_to_the_name():
    art = article("今年，城东片区建设项目正式开工。")
    assert by_name(art)["城东片区建设项目"].status == "开工"
