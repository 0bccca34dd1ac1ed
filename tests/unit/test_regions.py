"""Regions of China found in text (full and short names), and what 我市/全区/全省 stand for."""
from __future__ import annotations

import pytest

from orchestration.textmine import regions


def names(text: str) -> list[str]:
    return [text[m.start:m.end] for m in regions.find_regions(text)]


@pytest.mark.parametrize("text, expected", [
    ("今年前三季度，诸暨市规上工业增加值增长7%。", ["诸暨市"]),
    ("义乌小商品城和桐乡的毛衫市场", ["义乌", "桐乡"]),
    ("萧山区与余杭区签订协议", ["萧山区", "余杭区"]),
    ("江苏省盐城市大丰区举行", ["江苏省", "盐城市", "大丰区"]),
    ("海安市新建三家工厂", ["海安市"]),  # printed with a newer suffix than the table's 海安县
])
def test_full_and_short_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "这篇文章贡献了新思路",  # 章贡 (a district) only inside two words
    "百姓安居乐业",  # 乐业 (a county)
    "岸上海鲜一条街",  # 上海 across two words
    "打造百强城区",  # 城区 is an everyday word
    "双方开展合作，盘活闲置资源",  # 合作市, 资源县
    "各县级市和县城都在行动",  # 和县
])
def test_everyday_words_are_no_regions(text):
    assert names(text) == []


def test_town_of_the_same_name_is_not_the_county():
    assert names("新河镇今年新建道路") == []


def test_hierarchy_and_scope_fit():
    (m,) = regions.find_regions("诸暨")
    zhuji = m.region
    assert (zhuji.level, zhuji.kind) == ("county", "市")
    assert regions.parent_of(zhuji).short == "绍兴"
    assert regions.province_of(zhuji).short == "浙江"
    assert regions.fits(zhuji, "市") and not regions.fits(zhuji, "区")
    (d,) = regions.find_regions("萧山区")
    assert regions.fits(d.region, "区") and not regions.fits(d.region, "市")


def test_home_region_is_the_most_named_county():
    texts = ["诸暨市召开大会，绍兴市领导出席。", "诸暨袜业产值增长。", "浙江省公布名单，诸暨上榜。"]
    assert regions.home_region(texts).short == "诸暨"
    assert regions.home_region(["绍兴一地"]) is None  # one mention says too little


def test_a_short_name_right_after_an_amount_is_no_place():
    # 大关 is also a county's short name; after 50亿元 it is the milestone a figure passed.
    assert [m.region.short for m in regions.find_regions("全年产值首次突破50亿元大关。")] == []
    assert [m.region.short for m in regions.find_regions("大关县今年新增企业12家。")] == ["大关"]
