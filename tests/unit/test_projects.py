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


# --- names without a project suffix, with brackets or quotes (sentences written for these tests) ---


@pytest.mark.parametrize("body, name, status", [
    ("5月20日，新河镇城西安置房二期顺利封顶，预计明年交付。", "新河镇城西安置房二期", "封顶"),
    ("横峰街道老街有机更新开工，将改造沿街立面3万平方米。", "横峰街道老街有机更新", "开工"),
    ("近日，泽国镇小微企业标准厂房正式投用，首批12家企业已入驻。", "泽国镇小微企业标准厂房", "建成"),
    ("坞根镇红色研学基地建成开放，每年可接待游客5万人次。", "坞根镇红色研学基地", "建成"),
    ("国庆前夕，太平街道银泰城综合体正式开业。", "太平街道银泰城综合体", "建成"),
])
def test_a_facility_followed_by_a_construction_word_is_a_project(body, name, status):
    projects = by_name(article(body))
    assert list(projects) == [name]
    assert projects[name].status == status


def test_a_part_in_brackets_belongs_to_the_name():
    art = article("3月6日，泽国镇举行重大产业项目暨智能制造产业园（北区）开工仪式。")
    projects = by_name(art)
    assert list(projects) == ["智能制造产业园（北区）"]
    assert projects["智能制造产业园（北区）"].status == "开工"


def test_a_quoted_name_and_the_place_of_the_next_sentence():
    art = article("当天，“乡贤之家”项目宣布启动。该项目坐落于箬横镇，占地约2万平方米。")
    p = by_name(art)["“乡贤之家”项目"]
    assert p.status == "启动"
    assert p.location is not None and p.location.startswith("箬横")


# --- lists and batches ---


def test_each_member_of_a_list_is_a_project_with_the_batch_status_and_no_batch_total():
    art = article("当天，宏达电机智能工厂、新锐泵业数字化车间和东部污水处理厂扩建等12个项目集中开工，"
                  "总投资36.5亿元。")
    projects = by_name(art)
    assert set(projects) == {"宏达电机智能工厂", "新锐泵业数字化车间", "东部污水处理厂扩建"}
    for p in projects.values():
        assert p.status == "开工"
        assert p.investment_value is None  # 36.5亿元 is the total of the twelve


def test_a_list_after_a_colon():
    art = article("本次签约项目包括：华海药业研发中心、石塘渔港改造工程、箬横镇农旅综合体。")
    projects = by_name(art)
    assert set(projects) == {"华海药业研发中心", "石塘渔港改造工程", "箬横镇农旅综合体"}
    assert {p.status for p in projects.values()} == {"签约"}


def test_members_already_suffixed_are_members_too():
    art = article("其中，海洋装备产业园项目、滨海光伏电站项目等5个项目总投资42亿元，均已开工。")
    projects = by_name(art)
    assert set(projects) == {"海洋装备产业园项目", "滨海光伏电站项目"}
    assert all(p.investment_value is None and p.status == "开工" for p in projects.values())


def test_the_total_of_a_batch_in_the_next_sentence_is_not_the_projects():
    art = article("上午，全市举行重大项目暨滨海新能源产业园开工仪式。此次开工的18个项目，总投资120亿元。")
    p = by_name(art)["滨海新能源产业园"]
    assert p.status == "开工"
    assert p.investment_value is None


def test_the_total_of_a_batch_before_the_name_is_not_the_projects():
    art = article("总投资56亿元的9个项目现场签约，其中包括东方智造产业园项目。")
    p = by_name(art)["东方智造产业园项目"]
    assert p.investment_value is None
    assert p.status == "签约"


def test_a_projects_own_investment_stays_in_a_batch_report():
    art = article("大溪镇15个项目集中签约，总投资88亿元。\n"
                  "其中，大溪海洋装备产业园项目总投资18亿元，拟建设智能化生产线10条。",
                  title="大溪镇15个项目集中签约")
    p = by_name(art)["大溪海洋装备产业园项目"]
    assert (p.investment_value, p.investment_unit) == (18, "亿元")
    assert p.status == "签约"  # the batch's status: 拟建设 is what it will do


def test_a_signing_and_a_groundbreaking_in_one_report_give_no_batch_status():
    art = article("活动现场，8个项目集中签约，6个项目集中开工。\n"
                  "总投资最大的东湖医养综合体项目，拟于明年建成。")
    assert by_name(art)["东湖医养综合体项目"].status == "计划"


@pytest.mark.parametrize("body", [
    "园区发展离不开这批重点项目与优质项目的带动。",
    "今年新签约项目9个，其中先进制造业项目5个。",
    "覆盖汽摩配、水泵、鞋帽等多个项目。",
    "全力实施招商引资“头号工程”，多引大项目、好项目。",
    "这是温岭首个“工业上楼”项目。",
    "作为浙江省“千项万亿”项目，进展顺利。",
    "截至目前，全市集中开工的重大项目运行良好。",
    "各街道要抓好农业、旅游业、交通设施等项目建设。",
    "我市推动华为、小米等企业的项目落地。",
    "3月1日，椒江区2025年一季度重大项目集中开工。",
])
def test_generic_phrases_and_categories_are_not_projects(body):
    assert find_projects(article(body)) == []


def test_a_production_line_project_and_its_planned_investment():
    art = article("年产8万吨再生铝合金项目由台州鑫源铝业有限公司投资建设，计划总投资6.5亿元。")
    p = by_name(art)["年产8万吨再生铝合金项目"]
    assert (p.investment_value, p.investment_unit) == (6.5, "亿元")


def test_money_spent_so_far_is_not_the_investment():
    art = article("玉环市漩门湾安置小区一期工程已完成投资1.8亿元，目前正在进行主体施工。")
    p = by_name(art)["玉环市漩门湾安置小区一期工程"]
    assert p.investment_value is None
    assert p.status == "在建"


def test_a_facility_followed_by_its_total_investment():
    art = article("据悉，比亚迪新能源汽车零部件产业园总投资45亿元，一期已于去年投产。")
    p = by_name(art)["比亚迪新能源汽车零部件产业园"]
    assert (p.investment_value, p.investment_unit) == (45, "亿元")


def test_a_list_of_works_keeps_the_road_number_and_reads_a_goal_as_a_plan():
    art = article("新的一年，将加快推进104国道泽国至大溪段、滨海大道二期等工程，力争沿江快速路建成通车。")
    projects = by_name(art)
    assert set(projects) == {"104国道泽国至大溪段", "滨海大道二期"}
    assert {p.status for p in projects.values()} == {"计划"}


@pytest.mark.parametrize("body", [
    "全县深入推进“三改一拆”工程和“两路两侧”整治工程。",
    "全县码头工程进展顺利。",
    "我市积极推进新时代文明实践中心建设。",
    "海峡两岸青年创业基地建设有序推进。",
    "乡镇党群服务中心建成投用，服务群众更便捷。",
])
def test_campaigns_services_and_kinds_of_works_are_not_projects(body):
    assert find_projects(article(body)) == []


def test_a_list_ending_in_works_names_its_members():
    art = article("目前，北港区三期、南港区散货码头等码头工程已完工。")
    projects = by_name(art)
    assert set(projects) == {"北港区三期", "南港区散货码头"}
    assert {p.status for p in projects.values()} == {"竣工"}


def test_respective_investments():
    art = article("坎门渔港改造项目和楚门文体中心项目总投资分别为5亿元和3.2亿元。")
    projects = by_name(art)
    assert projects["坎门渔港改造项目"].investment_value == 5
    assert projects["楚门文体中心项目"].investment_value == 3.2


def test_a_list_after_包括_without_a_colon():
    art = article("此次集中开工的项目包括沙门镇滨港工业城标准厂房、芦浦镇中心小学迁建工程等。")
    projects = by_name(art)
    assert set(projects) == {"沙门镇滨港工业城标准厂房", "芦浦镇中心小学迁建工程"}
    assert {p.status for p in projects.values()} == {"开工"}


@pytest.mark.parametrize("body, name", [
    ("目前，正在建设的城西安置房二期已完成主体施工。", "城西安置房二期"),
    ("去年，公司投资建设横街数控机床产业园，占地260亩。", "横街数控机床产业园"),
])
def test_a_facility_after_a_construction_word_is_a_project(body, name):
    assert name in by_name(article(body))


@pytest.mark.parametrize("body", [
    "新建厂房面积达5万平方米。",
    "镇里将新建党群服务中心和便民服务中心。",
])
def test_a_bare_facility_after_a_construction_word_is_no_project(body):
    assert find_projects(article(body)) == []


def test_a_byline_in_brackets_is_not_part_of_the_name():
    art = article("本报讯（记者陈立）金清镇五金产业园项目昨日开工。")
    assert list(by_name(art)) == ["金清镇五金产业园项目"]


def test_a_name_printed_without_its_place_is_the_same_project():
    art = article("2021年，投资18亿元的泽国精密铸造产业园项目签约。\n如今，精密铸造产业园建成投产。")
    projects = by_name(art)
    assert list(projects) == ["泽国精密铸造产业园项目"]
    assert projects["泽国精密铸造产业园项目"].investment_value == 18
    assert projects["泽国精密铸造产业园项目"].status == "投产"


def test_two_names_and_their_count():
    art = article("昨天，石粘水库扩容和大溪高铁新城安置房两个项目同时开工。")
    projects = by_name(art)
    assert set(projects) == {"石粘水库扩容", "大溪高铁新城安置房"}
    assert {p.status for p in projects.values()} == {"开工"}


def test_a_place_and_a_count_is_no_list():
    assert find_projects(article("今年，城南镇实施三个项目。")) == []


@pytest.mark.parametrize("body", [
    "今年完成了老旧小区改造、污水管网建设等民生工程。",
    "镇里建成了文化礼堂、居家养老服务照料中心等民生工程。",
    "全面推进农村公路提升改造、背街小巷整治等项目。",
])
def test_a_list_of_kinds_of_works_names_no_project(body):
    assert find_projects(article(body)) == []


def test_a_project_signed_in_a_batch_and_its_planned_investment_in_the_next_paragraph():
    art = article("昨天，天台县招商引资项目签约大会举行，共签约项目16个，总投资108亿元。"
                  "签约项目中，既有浙江华康科技新型甜味剂项目，也有琼台仙谷景区提升工程。\n"
                  "浙江华康科技新型甜味剂项目计划总投资30亿元，分两期建设。")
    projects = by_name(art)
    assert set(projects) == {"浙江华康科技新型甜味剂项目", "琼台仙谷景区提升工程"}
    assert projects["浙江华康科技新型甜味剂项目"].investment_value == 30
    assert {p.status for p in projects.values()} == {"签约"}


def test_a_long_name_with_its_company():
    name = "浙江东方新材料科技股份有限公司年产5万吨高性能复合材料及制品项目"
    art = article(f"近日，{name}在滨海新区开工建设。")
    assert by_name(art)[name].status == "开工"


def test_a_list_of_long_names_is_read_member_by_member():
    # Together the members run past the longest name: each is still read whole.
    art = article("本次集中开工在东山经开区青河园区举行，共有白沙工业园区标准化厂房二期、青河工业园区小微企业孵化基地、"
                  "年产8000吨有机肥生产线、东山县蔬菜保供基地等12个重点产业项目集中开工，总投资4.3亿元。")
    found = by_name(art)
    assert set(found) == {"白沙工业园区标准化厂房二期", "青河工业园区小微企业孵化基地", "年产8000吨有机肥生产线",
                          "东山县蔬菜保供基地"}
    assert all(p.status == "开工" and p.investment_value is None for p in found.values())  # 4.3亿元 is the batch's


def test_progress_on_works_is_no_project_name():
    art = article("县城北环路拓宽已完成工程投资3200万元，安置小区二期完成工程量70%。")
    assert not [p for p in find_projects(art) if "完成" in p.project_name]


def test_members_of_a_list_closing_with_what_they_cover_and_their_kind():
    body = ("此次开工项目中，既有鸿翔年产10万吨高性能纤维、星辰光电显示模组等涵盖新材料、电子信息领域的"
            "战略性新兴产业项目，也有建阳竹木加工园等传统产业项目。")
    assert {"鸿翔年产10万吨高性能纤维", "星辰光电显示模组", "建阳竹木加工园"} <= set(by_name(article(body)))
