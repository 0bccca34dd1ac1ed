"""Sector phrases by head noun (own sentences)."""
from __future__ import annotations

import pytest

from orchestration.textmine.metrics.industry_phrases import industry_phrases
from orchestration.textmine.records import Article


def phrases(body: str) -> list[str]:
    a = Article(article_id="s-001", issue_id="s", seq=1, title="t", kind="news", reporters=(), body=body)
    return [m.surface for m in industry_phrases(a, [])]


@pytest.mark.parametrize("body, expected", [
    ("全县实现生物制药产业产值88亿元", ["生物制药产业"]),
    ("智能家电制造业规上产值增长", ["智能家电制造业"]),
    ("规上服务业营收增长", ["服务业"]),
    ("先进制造业项目达17个", ["先进制造业"]),
])
def test_sector_phrases(body, expected):
    assert phrases(body) == expected


@pytest.mark.parametrize("body", [
    "主导产业产值占全部产值的八成",  # ranks a sector, names none
    "培育战略性新兴产业",
    "新增国家制造业单项冠军企业2家",  # qualifies a title
    "推动产业升级",  # 产业 alone
    "签约产业项目30个",  # 签约 is what was done to the projects
])
def test_no_sector_phrase(body):
    assert phrases(body) == []


def test_other_mentions_win():
    a = Article(article_id="s-001", issue_id="s", seq=1, title="t", kind="news", reporters=(), body="文旅产业增长")
    from orchestration.textmine.records import EntityMention
    taken = [EntityMention("m", "s-001", "s", "industry", "文化旅游", "文旅产业", 0, 4, "")]
    assert industry_phrases(a, taken) == []
