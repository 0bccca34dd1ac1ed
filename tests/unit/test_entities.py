"""Entity mentions on real sentences from the seed issues (raw/)."""
from __future__ import annotations

import csv

import pytest

from orchestration.textmine import industry_taxonomy
from orchestration.textmine import lexicons as lexicon
from orchestration.textmine.entities import find_mentions, find_places, harmonize_company_names
from orchestration.textmine.records import Article


def article(body: str, reporters: tuple[str, ...] = (), article_id: str = "iss-001") -> Article:
    return Article(article_id=article_id, issue_id="iss", seq=1, title="", kind="news", reporters=reporters, body=body)


def of_type(mentions, kind: str) -> dict[str, set[str]]:
    """canonical → surfaces, for one entity type."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        if m.entity_type == kind:
            out.setdefault(m.canonical_name, set()).add(m.surface)
    return out


def check_spans(art: Article, mentions) -> None:
    for m in mentions:
        assert art.body[m.start_char:m.end_char] == m.surface
        assert m.mention_id == f"{art.article_id}-m{m.start_char}-{m.end_char}-{m.entity_type}"
        assert m.surface in m.sentence or m.sentence in art.body


# --- lexicon -------------------------------------------------------------------------------


def test_county_cluster_file_loads_and_wins_over_the_taxonomy():
    with industry_taxonomy.COUNTY_CSV.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(row for row in fh if not row.startswith("#"))
        assert reader.fieldnames == ["canonical", "alias", "taxonomy_code"]
        rows = list(reader)
    listed_aliases = {r["alias"] for r in rows}
    for row in rows:
        assert row["canonical"] and row["alias"]
        assert row["canonical"] in listed_aliases, f"{row['canonical']} is not listed as its own alias"
    aliases = lexicon.industry_aliases()
    assert aliases["泵业"] == "泵与电机"
    assert aliases["机床工具"] == "金属切削数控机床"
    assert aliases["汽摩配"] == "汽摩配件"
    assert aliases["直播电商"] == "电子商务"
    assert "制造业" not in aliases  # generic words are no alias


def test_user_dictionary_is_jieba_format_and_tags_places():
    for entry in lexicon.user_dict_entries():
        assert " " not in entry.word and entry.freq and entry.pos
    assert {"温岭", "松门镇", "城南镇"} <= lexicon.words_tagged("ns")
    assert "工信部" in lexicon.words_tagged("nt")


# --- industries ----------------------------------------------------------------------------


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


# --- companies -----------------------------------------------------------------------------


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


# --- organisations, people, places ---------------------------------------------------------


def test_organisation_versus_company():
    body = "2023年8月22日，城南镇政府与台州吉裕水产养殖有限公司成功签约现代农业综合体项目。"
    art = article(body)
    mentions = find_mentions(art)
    check_spans(art, mentions)
    assert set(of_type(mentions, "organization")) == {"城南镇政府"}
    assert set(of_type(mentions, "company")) == {"台州吉裕水产养殖有限公司"}


@pytest.mark.parametrize("body, expected", [
    ("8月21日，市委副书记、市长马厉财主持召开市政府第34次常务会议。", {"市委", "市政府"}),
    ("会议指出，市安委办及各专委会要聚焦当前突出问题。", {"市安委办"}),
    ("近日，省经信厅公布了名单。“温岭模式”被工信部树立为数控机床行业典型。", {"省经信厅", "工信部"}),
    ("面对询问，市经信局局长没有拖泥带水。", {"市经信局"}),
    ("8月21日下午，市人大常委会主任朱明连来到泽国镇人大代表联络站。", {"市人大常委会", "泽国镇人大"}),
    ("引进共建清华大学温岭研究院、江苏大学流体机械温岭研究院等高能级创新平台。",
     {"清华大学温岭研究院", "江苏大学流体机械温岭研究院"}),
    ("1月21日起，市公路与运输管理中心加大养护人员道路巡查力度。", {"市公路与运输管理中心"}),
])
def test_organisations(body, expected):
    art = article(body)
    mentions = find_mentions(art)
    check_spans(art, mentions)
    assert expected <= set(of_type(mentions, "organization"))


def test_people_from_bylines_and_titles():
    body = "本报讯（记者蒋静豪）8月21日，市委副书记、市长马厉财主持召开会议。市领导朱建军、江金永等出席。江金永指出，要抓好落实。"
    art = article(body, reporters=("蒋静豪",))
    mentions = find_mentions(art)
    check_spans(art, mentions)
    people = of_type(mentions, "person")
    assert set(people) == {"蒋静豪", "马厉财", "朱建军", "江金永"}
    assert sum(1 for m in mentions if m.canonical_name == "江金永") == 2


def test_places():
    body = "今年9月，我市启动整村搬迁工作，其中包括了城南镇横溪村、彭家村，以及新河镇河头梁村。"
    places = set(of_type(find_mentions(article(body)), "place"))
    assert {"城南镇", "横溪村", "彭家村", "新河镇", "河头梁村"} <= places
    assert not any(p.endswith("整村") for p in places)
    assert [name for _, _, name in find_places("市东部松门渔光互补光伏电站")] == ["松门"]
    assert find_places("推进中国式现代化") == []


def test_mentions_are_sorted_unique_and_point_into_the_body():
    body = ("作为温岭第一主导产业，泵业经过40多年发展。\n翻开温岭泵业一路发展至今的档案，利欧股份是国内最大的微小型水泵制造商，"
            "大元泵业是国内最大的循环屏蔽泵制造企业。市经信局相关负责人说。")
    art = article(body)
    mentions = find_mentions(art)
    check_spans(art, mentions)
    ids = [m.mention_id for m in mentions]
    assert len(ids) == len(set(ids))
    assert [m.start_char for m in mentions] == sorted(m.start_char for m in mentions)
    assert find_mentions(art) == mentions and find_mentions(art) is not mentions
