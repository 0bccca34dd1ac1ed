"""Companies from the tagger, known brands and lists, on sentences written for these tests."""
from __future__ import annotations

import pytest

from orchestration.textmine.entities import companies, find_mentions, harmonize_company_names, tagged_companies
from orchestration.textmine.entities.common import Span
from tests.unit.entity_helpers import article, check_spans, of_type


def names(body: str) -> set[str]:
    return {m.canonical_name for m in find_mentions(article(body, article_id="t-001")) if m.entity_type == "company"}


def test_known_brand_and_the_items_listed_with_it():
    assert names("华为与当地签约共建创新中心。") == {"华为"}
    assert names("园区集聚了华为、星港汽车、蓝湾能源等优质企业。") == {"华为", "星港汽车", "蓝湾能源"}


def test_items_of_a_list_closing_with_companies_after_a_verb():
    assert names("开发区引进了宏拓精工、星港汽车、蓝湾能源等企业，利欧股份也在扩产。") >= {"星港汽车", "蓝湾能源", "宏拓精工"}


def test_tagged_brand_before_an_industry_word_is_a_company():
    body = "去年，星港汽车在经开区投资建设新工厂。"
    found = tagged_companies.tagged_short_forms(body, [(3, 7)], [], companies._valid_brand)
    assert [(s.start, s.end, s.canonical) for s in found] == [(3, 7, "星港汽车")]


@pytest.mark.parametrize("span", [(0, 4), (3, 9)])
def test_tagged_phrase_without_a_brand_is_no_company(span):
    body = "冷链仓储加快建设，全市冷链仓储能力提升。"
    assert tagged_companies.tagged_short_forms(body, [span], [], companies._valid_brand) == []


def test_tagger_start_widens_a_full_name_cut_short():
    body = "深港瑞科创新光电科技有限公司总经理介绍新产品。"
    cut = Span(6, 14, "company", body[6:14])
    widened = tagged_companies.widen_full_names(body, [cut], [(0, 14)], companies._opens_clause)
    assert widened[0].canonical == "深港瑞科创新光电科技有限公司"
    # not over a verb or function word the tagger took in
    body = "市领导走访了瑞科光电科技有限公司。"
    cut = Span(6, 16, "company", body[6:16])
    assert tagged_companies.widen_full_names(body, [cut], [(3, 16)], companies._opens_clause)[0].start == 6


def test_without_a_usable_model_the_rules_still_find_companies(monkeypatch):
    from orchestration.textmine import ner

    def missing():
        raise FileNotFoundError("no model")

    monkeypatch.setattr(ner, "tagger", missing)
    assert tagged_companies.tagged_spans("浙江远帆新材料股份有限公司扩产。") == []
    assert names("会上，浙江远帆新材料股份有限公司作了发言。") == {"浙江远帆新材料股份有限公司"}


@pytest.mark.parametrize("body", [
    "全市30家重点企业集团营收增长，大企业集团领跑。",  # a kind of company
    "项目将打造集研发于一体的云帆科技产城。",  # 科技 glued to a noun
    "提升机床行业竞争力，做强激光全产业链。",  # a policy verb is no brand
])
def test_no_company(body):
    assert names(body) == set()


# --- on sentences from the seed issues (raw/) ----------------------------------------


def test_short_forms_and_a_brand_listed_with_them():
    body = "同时，东部数控、美戈利的2项技术突破“卡脖子”，三和数控液压动力刀塔等5项产品填补国内空白。"
    art = article(body)
    mentions = find_mentions(art)
    check_spans(art, mentions)
    assert set(of_type(mentions, "company")) == {"东部数控", "美戈利", "三和数控"}


def test_brands_before_their_products():
    body = "今年，北平机床的BP850精密立式磨床、美戈利的可转位滚刀、甬岭数控的双螺旋中心出水可转位潜孔钻还获得奖项。"
    assert set(of_type(find_mentions(article(body)), "company")) == {"北平机床", "美戈利", "甬岭数控"}


def test_pump_makers_are_companies_not_industry_mentions():
    body = "利欧股份是国内最大的微小型水泵制造商，新界泵业是国内最大的农业潜水泵制造企业。"
    mentions = find_mentions(article(body))
    assert set(of_type(mentions, "company")) == {"利欧股份", "新界泵业"}
    company_spans = [(m.start_char, m.end_char) for m in mentions if m.entity_type == "company"]
    for m in mentions:
        if m.entity_type == "industry":
            assert not any(s <= m.start_char < e for s, e in company_spans)


def test_short_form_resolves_to_the_full_name_in_the_same_article():
    body = ("与渔二代海上共富工坊一起获奖的是温岭博哥文化传媒有限公司，拿下了此次新秀组季军。\n"
            "互联网风口下，一批温岭新乡贤顺势而谋，于2021年6月成立博哥文化。以温岭本地产业为根据地，"
            "博哥文化与本地海量的民营企业及商铺进行深度合作。")
    art = article(body)
    mentions = find_mentions(art)
    check_spans(art, mentions)
    companies = of_type(mentions, "company")
    assert companies == {"温岭博哥文化传媒有限公司": {"温岭博哥文化传媒有限公司", "博哥文化"}}


def test_brand_of_a_full_name_used_alone():
    body = ("在台州市足友体育用品有限公司，青年宣讲员们走进针车车间。"
            "90后宣讲员张亦博边展示足友校园鞋，边向在座工人介绍。")
    mentions = find_mentions(article(body))
    assert of_type(mentions, "company") == {"台州市足友体育用品有限公司": {"台州市足友体育用品有限公司", "足友"}}
    assert "张亦博" in of_type(mentions, "person")


def test_full_names_are_cut_after_verbs_and_prepositions():
    body = "国家级专精特新“小巨人”企业中昊芯英(杭州)科技有限公司是国内唯一掌握该技术的领军企业。"
    assert set(of_type(find_mentions(article(body)), "company")) == {"中昊芯英(杭州)科技有限公司"}


@pytest.mark.parametrize("body", [
    "此外，该中心还做好机械调试，及时对除雪物资进行盘点清查。",  # 做好 is a verb, not a brand
    "翻开温岭泵业一路发展至今的档案，可谓群星闪烁。",  # 温岭 is a place
    "打造国内中高端数控机床产业高地。",
])
def test_no_company_from_verbs_places_or_modifiers(body):
    assert of_type(find_mentions(article(body)), "company") == {}


def test_company_names_are_harmonised_across_articles():
    first = find_mentions(article("利欧股份是国内最大的微小型水泵制造商。", article_id="iss-001"))
    second = find_mentions(article("会上，利欧集团股份有限公司作了交流发言。", article_id="iss-002"))
    assert {m.canonical_name for m in first if m.entity_type == "company"} == {"利欧股份"}
    harmonised = harmonize_company_names(first + second)
    assert {m.canonical_name for m in harmonised if m.entity_type == "company"} == {"利欧集团股份有限公司"}
    assert {m.surface for m in harmonised if m.entity_type == "company"} == {"利欧股份", "利欧集团股份有限公司"}



def test_a_representative_is_no_part_of_the_company_name():
    assert "苏州市恒远精工有限公司" in names("签约企业代表苏州市恒远精工有限公司总经理王磊作了发言。")


def test_an_issue_is_tagged_in_one_batch_of_the_sentences_that_can_name_a_company(monkeypatch):
    from orchestration.textmine import ner

    bodies = ["东港镇今年新建道路三条。青禾智能装备有限公司总部落成。", "星港汽车扩建新厂。雨后气温回落。"]
    one_by_one = [tagged_companies.tagged_spans(b) for b in bodies]
    batches: list[list[str]] = []
    real = ner.tagger()

    class Spy:
        def tag_batch(self, texts):
            batches.append(list(texts))
            return real.tag_batch(texts)

    monkeypatch.setattr(ner, "tagger", lambda: Spy())
    tagged_companies.prefetch(bodies)
    assert [tagged_companies.tagged_spans(b) for b in bodies] == one_by_one
    # one batch; sentences with no company ending and no industry word are left out
    assert batches == [["青禾智能装备有限公司总部落成。", "星港汽车扩建新厂。"]]
