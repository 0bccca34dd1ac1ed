"""Figures that define a category or restate a total are not metrics (own sentences)."""
from __future__ import annotations

import datetime as dt

from orchestration.textmine.metrics import find_metrics
from orchestration.textmine.records import Article


def figures(body: str) -> list[tuple[float, str]]:
    a = Article(article_id="f-001", issue_id="f", seq=1, title="t", kind="news", reporters=(), body=body)
    return [(m.value, m.unit) for m in find_metrics(a, dt.date(2022, 9, 1), [])]


def test_criteria_are_no_figures():
    assert figures("参评县须满足两项条件：生产总值大于600亿元，财政收入不低于15亿元。") == []


def test_a_category_of_projects_is_no_figure():
    assert figures("投资超过20亿元的产业项目有9个。") == [(9, "个")]
    assert figures("5亿元（含）以上项目共4个。") == [(4, "个")]


def test_a_restated_total_is_no_new_figure():
    assert figures("在这28个签约项目中，亿元以上项目有17个。") == [(17, "个")]


def test_total_investment_of_a_named_project_stays():
    assert figures("总投资45亿元的城际铁路项目开工。") == [(45, "亿元")]


def test_cities_lengths_and_long_enterprise_nouns():
    assert figures("本届共有98城入选。") == [(98, "城")]
    assert figures("这条快速路线路总长约18.6公里。") == [(18.6, "公里")]
    a = Article(article_id="f-001", issue_id="f", seq=1, title="t", kind="news", reporters=(),
                body="全区现有27家国家级专精特新“小巨人”企业。")
    (m,) = find_metrics(a, dt.date(2022, 9, 1), [])
    assert m.metric == "enterprise_count"


def test_foreign_capital_is_investment():
    a = Article(article_id="f-001", issue_id="f", seq=1, title="t", kind="news", reporters=(),
                body="其中外资项目5个，合同利用外资3.6亿美元。")
    got = {(m.value, m.unit): m.metric for m in find_metrics(a, dt.date(2022, 9, 1), [])}
    assert got[(3.6, "亿美元")] == "investment"
