"""Subjects of figures across clauses and sentences, on sentences written for these tests."""
from __future__ import annotations

import datetime as dt

from orchestration.textmine.metrics import find_metrics
from orchestration.textmine.records import Article, EntityMention
from orchestration.textmine.regions import find_regions

PUB = dt.date(2022, 7, 15)
HOME = find_regions("温岭市")[0].region


def article(body: str, title: str = "标题") -> Article:
    return Article(article_id="x-001", issue_id="x", seq=1, title=title, kind="news", reporters=(), body=body)


def mention(body: str, surface: str, entity_type: str, canonical: str | None = None) -> EntityMention:
    start = body.index(surface)
    return EntityMention(f"m{start}", "x-001", "x", entity_type, canonical or surface, surface, start,
                         start + len(surface), "")


def subjects_of(body: str, mentions=(), home=None) -> dict[tuple[float, str], tuple[str, str]]:
    return {(m.value, m.unit): (m.subject_name, m.subject_type)
            for m in find_metrics(article(body), PUB, list(mentions), home)}


def test_scope_word_is_the_city_the_item_is_about():
    body = "诸暨袜业上半年表现亮眼。1—6月，全市规上工业产值812.5亿元，同比增长6.2%。"
    got = subjects_of(body, home=HOME)  # an item from another city in a 温岭 issue
    assert got[(812.5, "亿元")] == ("诸暨", "region")
    assert got[(6.2, "%")] == ("诸暨", "region")


def test_the_papers_own_county_when_the_item_names_it():
    body = "温岭与杭州企业签约。今年以来，我市新增市场主体3200户。"
    assert subjects_of(body, home=HOME)[(3200, "户")] == ("温岭", "region")


def test_home_region_when_nothing_is_named():
    assert subjects_of("今年以来，全市新增规上企业56家。", home=HOME)[(56, "家")] == ("温岭", "region")


def test_district_province_and_nation():
    body = ("萧山全区规上工业增加值增长5.1%。全省共有21个县入选，全国共有100个县入选。")
    got = subjects_of(body)
    assert got[(5.1, "%")] == ("萧山", "region")
    assert got[(21, "个")] == ("浙江", "region")
    assert got[(100, "个")] == ("全国", "region")


def test_a_batch_of_projects_belongs_to_its_region():
    body = ("6月28日，嵊州市举行重大项目集中签约仪式。此次签约项目35个，总投资186亿元，"
            "其中投资10亿元以上的项目5个。")
    got = subjects_of(body)
    assert got[(35, "个")] == ("嵊州", "region")
    assert got[(186, "亿元")] == ("嵊州", "region")
    assert got[(5, "个")] == ("嵊州", "region")


def test_an_industry_qualifies_its_batch():
    body = "签约项目里新材料项目有12个，合计投资96.5亿元，占比41.2%。"
    mentions = [mention(body, "新材料", "industry")]
    got = subjects_of(body, mentions)
    assert got[(12, "个")] == ("新材料", "industry")
    assert got[(96.5, "亿元")] == ("新材料", "industry")


def test_a_single_project_is_no_batch():
    body = "城西镇与星海农业公司签约，当天，这个总投资约3.6亿元的项目就开工了。"
    got = subjects_of(body, [mention(body, "星海农业公司", "company")])
    assert got[(3.6, "亿元")] != ("城西", "region")


def test_anaphora_take_the_company_named_before():
    body = "浙江晨光阀门有限公司落户上虞。该企业去年实现销售收入4.8亿元。"
    mentions = [mention(body, "浙江晨光阀门有限公司", "company")]
    assert subjects_of(body, mentions)[(4.8, "亿元")] == ("浙江晨光阀门有限公司", "company")


def test_a_dateline_city_is_not_the_subject():
    body = "新华社杭州7月14日电 共签约项目48个，桐庐县委书记介绍。"
    assert subjects_of(body)[(48, "个")] == ("桐庐", "region")


def test_china_as_a_modifier_is_not_the_subject():
    body = "上半年，诸暨市获评中国500强企业2家。"
    assert subjects_of(body, [mention(body, "中国", "place")])[(2, "家")] == ("诸暨", "region")


def test_a_sector_named_by_its_head_noun_is_the_subject():
    body = "上半年，全市实现战略性新兴产业产值1203.4亿元。数字安防产业产值同比增长12.8%，高端装备制造业增加值增长9.7%。"
    got = subjects_of(body, home=HOME)
    assert got[(1203.4, "亿元")] == ("温岭", "region")  # 战略性新兴产业 ranks sectors, names none
    assert got[(12.8, "%")] == ("数字安防产业", "industry")
    assert got[(9.7, "%")] == ("高端装备制造业", "industry")


def test_a_sector_qualifying_a_title_is_no_subject():
    body = "今年，诸暨新增国家制造业单项冠军企业3家。"
    assert subjects_of(body)[(3, "家")] == ("诸暨", "region")


def test_batch_by_sector_head():
    body = "先进制造业项目共21个，计划投资188亿元。"
    got = subjects_of(body)
    assert got[(21, "个")] == ("先进制造业", "industry")
    assert got[(188, "亿元")] == ("先进制造业", "industry")


def test_a_quoted_batch_belongs_to_the_speakers_region():
    body = ("诸暨市召开会议。\n“这一轮招商活动中，共签约项目58个，总投资163亿元。”15日上午，"
            "富阳区委书记在会上介绍。")
    got = subjects_of(body)
    assert got[(58, "个")] == ("富阳", "region")
    assert got[(163, "亿元")] == ("富阳", "region")


def test_investment_before_the_count_of_its_batch():
    body = "当天，柯城区举行集中签约仪式，总投资96.4亿元的22个项目现场签约。"
    assert subjects_of(body)[(96.4, "亿元")] == ("柯城", "region")


def test_the_city_of_a_district_paper():
    home = find_regions("萧山区")[0].region
    assert subjects_of("上半年，全市新增上市企业5家。", home=home)[(5, "家")] == ("杭州", "region")
    assert subjects_of("上半年，全区新增上市企业3家。", home=home)[(3, "家")] == ("萧山", "region")


def test_the_field_a_clause_narrows_to():
    body = "嘉善的新兴产业中，尤其是在光伏产业领域，已有规上企业320家。"
    got = subjects_of(body, [mention(body, "光伏产业", "industry", "光伏")])
    assert got[(320, "家")] == ("光伏", "industry")


def test_this_county_is_the_county_named_before():
    body = "今年以来，长兴县工业经济稳步回升，企业订单饱满。\n据统计，1—9月，该县规上工业产值623.4亿元，同比增长7.3%。"
    got = subjects_of(body, home=HOME)
    assert got[(623.4, "亿元")] == ("长兴", "region")
    assert got[(7.3, "%")] == ("长兴", "region")


def test_a_county_named_in_the_item_comes_before_the_city_around_the_papers_county():
    # A 温岭 issue (home: a county-level city of 台州) reprints an item about another county:
    # a figure with no subject of its own is that county's, not 台州's.
    home = find_regions("仙居县")[0].region
    body = "德清县数字经济发展提速，一批项目相继落地。\n前三季度，数字经济核心产业增加值完成88.6亿元。"
    assert subjects_of(body, home=home)[(88.6, "亿元")] == ("德清", "region")


def test_the_whole_county_of_the_body_is_the_county_in_the_headline():
    body = "截至9月底，全县完成固定资产投资56.3亿元，同比增长12.4%。"
    got = {(m.value, m.unit): m.subject_name
           for m in find_metrics(article(body, title="青川县投资保持较快增长"), PUB, [], HOME)}
    assert got[(56.3, "亿元")] == "青川" and got[(12.4, "%")] == "青川"


def test_a_region_inside_a_company_name_is_not_the_batchs_region():
    body = ("11月8日，青川县招商项目集中签约仪式举行。签约企业代表、苏州市恒远精工有限公司负责人发言。"
            "据了解，本次集中签约项目6个，签约金额合计21.3亿元。")
    company = mention(body, "苏州市恒远精工有限公司", "company")
    got = subjects_of(body, [company], home=HOME)
    assert got[(6, "个")] == ("青川", "region") and got[(21.3, "亿元")] == ("青川", "region")


def test_a_region_ranking_a_name_is_not_the_subject():
    # 莆田市级重点项目: the city ranks the projects; the figures are the county's
    body = "今年以来，仙游县狠抓项目建设。1—5月，86个莆田市级重大项目完成年度投资121亿元；新开工项目31个，开工率45%。"
    got = subjects_of(body, home=HOME)
    assert got[(31, "个")] == ("仙游", "region")
    assert got[(121, "亿元")] == ("仙游", "region")


def test_regions_listed_after_a_batch_are_where_its_members_are():
    body = ("昨天，衢州市举办一批产业项目开工仪式。此次开工项目共26个，总投资145亿元，"
            "包括龙游县年产3万吨新材料项目、江山市智能装备产业园等。")
    got = subjects_of(body, home=HOME)
    assert got[(26, "个")] == ("衢州", "region")
    assert got[(145, "亿元")] == ("衢州", "region")


def test_partner_counties_listed_after_the_figure_are_not_its_subject():
    body = ("昨天，衢州市举行重大项目集中签约活动。此次签约的20个项目总投资560亿元，"
            "其中华电集团、国家电投分别与开化县、常山县签订合作协议。")
    got = subjects_of(body, home=HOME)
    assert got[(20, "个")] == ("衢州", "region")
    assert got[(560, "亿元")] == ("衢州", "region")


def test_a_ranking_scope_word_is_not_the_region_of_later_figures():
    # 居全省前列 ranks the city; it does not move the text to the province
    body = "衢州市打造四省边际中心城市，经济总量居全省前列。此次开工项目共26个，总投资145亿元。"
    got = subjects_of(body, home=HOME)
    assert got[(26, "个")] == ("衢州", "region")
    assert got[(145, "亿元")] == ("衢州", "region")


def test_counties_listed_in_the_sentence_before_do_not_take_the_next_batch():
    body = "衢州市举行重大项目签约活动，国家电投与开化县、常山县签订合作协议。工业领域18个项目计划总投资410亿元。"
    got = subjects_of(body, home=HOME)
    assert got[(18, "个")] == ("衢州", "region")
    assert got[(410, "亿元")] == ("衢州", "region")
