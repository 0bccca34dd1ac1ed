"""Industries against the open taxonomy, on sentences written for these tests."""
from __future__ import annotations

import csv

import pytest

from orchestration.textmine import industry_taxonomy as taxonomy
from orchestration.textmine.entities import find_mentions
from orchestration.textmine.records import Article
from tests.unit.entity_helpers import check_spans, of_type


def article(body: str) -> Article:
    return Article(article_id="t-001", issue_id="t", seq=1, title="", kind="news", reporters=(), body=body)


def industries(body: str) -> dict[str, tuple[set[str], str | None]]:
    """canonical → (surfaces, taxonomy code)."""
    out: dict[str, tuple[set[str], str | None]] = {}
    for m in find_mentions(article(body)):
        if m.entity_type == "industry":
            assert body[m.start_char:m.end_char] == m.surface
            out.setdefault(m.canonical_name, (set(), m.taxonomy_code))[0].add(m.surface)
    return out


@pytest.mark.parametrize("path", [taxonomy.GBT4754_CSV, taxonomy.SEI2018_CSV, taxonomy.COMMON_CSV])
def test_taxonomy_files_have_codes_levels_and_canonicals(path):
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if not r["code"].startswith("#")]
    assert rows and all(r["code"] and r["level"] and r["name"] and r["canonical"] for r in rows)


def test_gbt4754_lists_every_section_and_sei2018_its_nine_areas():
    with taxonomy.GBT4754_CSV.open(encoding="utf-8", newline="") as fh:
        levels = [(r["code"], r["level"]) for r in csv.DictReader(fh)]
    assert {c for c, lv in levels if lv == "门类"} == set("ABCDEFGHIJKLMNOPQRST")
    assert len({c for c, lv in levels if lv == "大类"}) >= 60
    with taxonomy.SEI2018_CSV.open(encoding="utf-8", newline="") as fh:
        areas = {r["code"] for r in csv.DictReader(fh) if r["level"] == "大类"}
    assert areas == {str(i) for i in range(1, 10)}


@pytest.mark.parametrize("word, canonical, code", [
    ("生物医药", "生物医药", "SEI2018:4.1"),  # not the county's 医药健康
    ("新能源", "新能源", "SEI2018:6"),  # not the county's 风光电及储能
    ("制鞋", "制鞋", "GB4754:195"),  # not the county's 鞋帽服饰
    ("集成电路产业", "集成电路", "GB4754:3973"),
    ("高端纺织", "高端纺织", "GB4754:17"),  # head noun: placed, keeps its name
    ("汽车制造相关", "汽车制造", "GB4754:36"),  # weak tail dropped
    ("传统渔业", "渔业", "GB4754:04"),  # weak modifier dropped
    ("泵业", "泵与电机", "GB4754:344"),  # the county's cluster wins
    ("高档数控机床", "金属切削数控机床", "GB4754:342"),
])
def test_resolve(word, canonical, code):
    entry = taxonomy.resolve(word)
    assert entry is not None and (entry.canonical, entry.code) == (canonical, code)


def test_a_word_no_class_holds_is_not_placed():
    assert taxonomy.resolve("合成生物") is None


def test_pattern_name_placed_by_its_head_noun():
    found = industries("今年，石桥镇的智能家居产业实现产值32亿元。")
    assert found == {"智能家居": ({"智能家居产业"}, "GB4754:21")}


def test_unplaced_industry_is_kept_under_its_name_without_code():
    found = industries("该县正加快培育数字能源产业，力争三年内集聚企业50家。")
    assert found == {"数字能源": ({"数字能源产业"}, None)}


def test_other_places_industries_keep_their_own_names():
    found = industries("丰源县的制鞋企业已有400余家，食品加工产业也在壮大，轨道交通产业链初具规模。")
    assert {k: v[1] for k, v in found.items()} == {"制鞋": "GB4754:195", "食品": "GB4754:14", "轨道交通装备": "GB4754:372"}
    found = industries("生物医药产业和集成电路产业增长较快，新能源产业增长12%。")
    assert set(found) == {"生物医药", "集成电路", "新能源"}


def test_list_closed_by_a_count_and_a_cluster_head():
    found = industries("以纺织服装、新材料、智能装备三大产业集群为主攻方向，推动产业转型升级。")
    assert set(found) == {"纺织服装服饰", "新材料", "智能制造装备"}


def test_unlisted_items_of_an_industry_list_are_industries():
    found = industries("聚焦元宇宙、低空经济、合成生物等未来产业新赛道。")
    assert {k: v[1] for k, v in found.items()} == {"元宇宙": "SEI2018:8.1", "低空经济": "SEI2018:2.2", "合成生物": None}


@pytest.mark.parametrize("body", [
    "全市战略性新兴产业增加值增长9%，传统产业加快改造。",  # generic kinds
    "要持续推动产业转型升级，全力拉长产业链，以创新赋能产业。",  # verbs before 产业
    "九大战略性新兴产业和老牌支柱产业都在增长。",  # a generic kind with a scope
    "全县中小企业产业集群加快发展，第一主导产业地位稳固。",
    "东阳产业发展大会召开。",  # a city before 产业
    "项目落户中欧智造产业园。",  # 产业园 is a park
])
def test_no_industry_from_generic_words_verbs_or_places(body):
    assert industries(body) == {}


def test_short_word_needs_an_industry_context():
    assert set(industries("规上纺织企业实现产值80亿元。")) == {"纺织"}
    assert industries("她在纺织车间里忙碌。") == {}


def test_cut_verb_before_a_cluster_word_and_whole_value_chain():
    found = industries("提升机床行业竞争力，做强激光全产业链。")
    assert found["金属切削数控机床"][0] == {"机床行业"}
    assert found["激光"][0] == {"激光全产业链"}


def test_list_item_with_et_cetera_keeps_the_name_as_surface():
    found = industries("围绕机床工具等产业链招引项目。")
    assert found == {"金属切削数控机床": ({"机床工具"}, "GB4754:342")}


# --- on sentences from the seed issues (raw/) ----------------------------------------


def test_industries_in_a_list_of_clusters_are_canonicalised():
    body = ("泵与电机、机床工具、汽摩配件、鞋帽服饰等传统产业集群在这里持续扩容，激光电子、医药健康、"
            "风光电及储能、半导体及控制器等新兴产业在这里探索成长。")
    art = article(body)
    mentions = find_mentions(art)
    check_spans(art, mentions)
    assert set(of_type(mentions, "industry")) == {
        "泵与电机", "金属切削数控机床", "汽摩配件", "鞋帽服饰", "激光", "医药健康", "风光电及储能", "半导体及控制器",
    }
    assert of_type(mentions, "industry")["激光"] == {"激光电子"}


@pytest.mark.parametrize("body, canonical, surface", [
    ("近日，工业和信息化部公布了名单，我市的农业机械排灌用泵产业集群位列其中。", "泵与电机", "农业机械排灌用泵产业集群"),
    ("去年，我市机器人与数控机床产业集群还入选了第二批省级特色产业集群核心区创建名单。", "金属切削数控机床", "机器人与数控机床产业集群"),
    ("带动我市机床装备产业集群在去年实现总产值105.78亿元。", "金属切削数控机床", "机床装备产业集群"),
    ("随着电商直播产业的兴起，当地渔村陆续触电。", "电子商务", "电商直播产业"),
    ("并明确表示将加快高端化、绿色化、定制化的铸造产业回迁。", "铸造", "铸造产业"),
])
def test_cluster_and_industry_phrases(body, canonical, surface):
    industries = of_type(find_mentions(article(body)), "industry")
    assert surface in industries[canonical]


@pytest.mark.parametrize("body", [
    "随着新工艺、新材料、新技术的广泛应用，各类新经济、新业态蓬勃发展。",  # short alias, no industry context
    "传统产业焕新升级，新兴产业培育壮大。",  # vague phrases are not industries
    "城南镇政府与台州吉裕水产养殖有限公司成功签约现代农业综合体项目。",  # inside a company / a project name
])
def test_no_industry_without_context(body):
    assert of_type(find_mentions(article(body)), "industry") == {}


def test_a_short_alias_counts_in_an_enumeration_that_names_industries():
    body = "机器人、储能、激光、半导体等战略性新兴产业，已在温岭落地开花。"
    # national words keep their own names; the county's clusters are 风光电及储能, 半导体及控制器
    assert {"机器人", "储能", "激光", "半导体"} <= set(of_type(find_mentions(article(body)), "industry"))



def test_a_modal_verb_opening_a_list_is_no_part_of_its_first_industry():
    found = industries("下一步，要壮大茶叶、竹木加工、纺织等传统优势产业。")
    assert "要壮大茶叶" not in found and "壮大茶叶" not in found


def test_an_unlisted_name_opening_with_an_adverb_is_a_verb_phrase():
    # 充分激活产业…: 产业 is the object of the verb, which jieba may tag as a noun
    assert industries("园区规划完成，充分激活产业潜能。") == {}
    assert "电竞" in industries("该区积极发展电竞产业，集聚企业30家。")
