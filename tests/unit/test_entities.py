"""Entity mentions on sentences from the seed issues (raw/): lexicons, organisations, people,
places. Industries and companies: test_entities_industries.py, test_entities_companies.py."""
from __future__ import annotations

import csv

import pytest

from orchestration.textmine import industry_taxonomy
from orchestration.textmine import lexicons as lexicon
from orchestration.textmine.entities import find_mentions, find_places
from tests.unit.entity_helpers import article, check_spans, of_type


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
