"""Companies from the tagger, known brands and lists, on sentences written for these tests."""
from __future__ import annotations

import pytest

from orchestration.textmine.entities import companies, find_mentions, tagged_companies
from orchestration.textmine.entities.common import Span
from orchestration.textmine.records import Article


def names(body: str) -> set[str]:
    art = Article(article_id="t-001", issue_id="t", seq=1, title="", kind="news", reporters=(), body=body)
    return {m.canonical_name for m in find_mentions(art) if m.entity_type == "company"}


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


@pytest.mark.parametrize("body", [
    "全市30家重点企业集团营收增长，大企业集团领跑。",  # a kind of company
    "项目将打造集研发于一体的云帆科技产城。",  # 科技 glued to a noun
    "提升机床行业竞争力，做强激光全产业链。",  # a policy verb is no brand
])
def test_no_company(body):
    assert names(body) == set()
