"""Publication dates: from the file name when it carries one, otherwise inferred from the text."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from orchestration.textmine.pubdate import (
    date_from_filename,
    infer_publication_date,
    infer_year,
    latest_news_day,
)

RAW = Path(__file__).parents[2] / "raw"

# Windows from the hand-checked gold (issue_date earliest..latest), and for the two seeds without
# gold the window their text allows (001: a new-year review after 去年12月20日; 003: 10月8日 news).
WINDOWS = {
    "000_560e6869a83789c5.txt": (dt.date(2024, 8, 22), dt.date(2024, 8, 24)),
    "002_f6237758df0ad2da.txt": (dt.date(2024, 1, 23), dt.date(2024, 1, 25)),
    "004_db8b3177b1dab977.txt": (dt.date(2023, 10, 30), dt.date(2023, 11, 1)),
    "001_32d330149b6564ad.txt": (dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
    "003_fe4eaea119a65c82.txt": (dt.date(2023, 10, 9), dt.date(2023, 10, 11)),
}


def seed(name: str) -> str:
    return (RAW / name).read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("name", sorted(WINDOWS))
def test_seed_dates_fall_in_their_window(name):
    pub = infer_publication_date(name[:3], name, seed(name))
    earliest, latest = WINDOWS[name]
    assert pub.publication_date is not None
    assert earliest <= pub.publication_date <= latest, pub.evidence
    assert 0 < pub.confidence < 1
    assert pub.evidence
    assert pub.issue_id == name[:3]


def test_news_dates_make_the_confidence():
    pub = infer_publication_date("000", "000_560e6869a83789c5.txt", seed("000_560e6869a83789c5.txt"))
    assert pub.confidence >= 0.7
    assert "8月21日" in pub.evidence
    review = infer_publication_date("001", "001_32d330149b6564ad.txt", seed("001_32d330149b6564ad.txt"))
    assert review.confidence < pub.confidence


@pytest.mark.parametrize("file_name, date", [
    ("wlrb_20240823.txt", dt.date(2024, 8, 23)),
    ("2024-08-23.txt", dt.date(2024, 8, 23)),
    ("温岭日报_2023.10.30.txt", dt.date(2023, 10, 30)),
    ("sub/dir/wlrb-20240101-a.txt", dt.date(2024, 1, 1)),
    ("000_560e6869a83789c5.txt", None),  # a hash, not a date
    ("x_20241345.txt", None),  # not a valid date
])
def test_date_from_filename(file_name, date):
    assert date_from_filename(file_name) == date


def test_file_name_wins_over_the_text():
    pub = infer_publication_date("000", "wlrb_20240823.txt", seed("000_560e6869a83789c5.txt"))
    assert (pub.publication_date, pub.confidence) == (dt.date(2024, 8, 23), 1.0)


def test_year_clues():
    assert infer_year("会议强调，今年是新中国成立75周年。")[0] == 2024
    assert infer_year("省经信厅公布了2024年浙江省中小企业特色产业集群名单。")[0] == 2024
    assert infer_year("获得‘CC-MT2024春燕奖’")[0] == 2024
    # goals are not the year of the issue
    assert infer_year("2023年全省首场演练。到2025年将形成年产值超100亿元；2025年完成总体验收的目标。")[0] == 2023
    assert infer_year("工业强市向2000亿奋进")[0] is None


def test_latest_news_day_prefers_the_month_the_news_is_from():
    text = "本报讯（记者甲）1月19日上午，我市召开会议。\n7月25日，市人大常委会举行询问会。\n本报讯（记者乙）1月21日起，全力除雪。"
    day, evidence, n = latest_news_day(text, 2024)
    assert day == dt.date(2024, 1, 21)
    assert n == 2


def test_future_dates_are_not_news():
    text = "本报讯 8月20日，会议召开。活动将于8月30日举行。"
    assert latest_news_day(text, 2024)[0] == dt.date(2024, 8, 20)


def test_no_clue_no_date():
    pub = infer_publication_date("x", "x.txt", "没有任何日期的文字。")
    assert pub.publication_date is None
    assert pub.confidence == 0.0


@pytest.mark.parametrize("file_name, date", [
    ("dxrb20230203.txt", dt.date(2023, 2, 3)),  # the paper's letters run into the date
    ("东溪日报2023年2月3日.txt", dt.date(2023, 2, 3)),
    ("paper-2023-2-3.txt", dt.date(2023, 2, 3)),
    ("a1b2c20230203.txt", None),  # letters and digits before it: a hash
])
def test_date_from_more_file_names(file_name, date):
    assert date_from_filename(file_name) == date


def test_file_name_with_letters_wins_over_the_text():
    pub = infer_publication_date("x", "dxrb20230203.txt", "本报讯 1月28日上午，东溪县27个项目集中开工。2023年")
    assert pub.publication_date == dt.date(2023, 2, 3)


@pytest.mark.parametrize("text, date", [
    ("昨天（8月2日），东溪研究院发布2024年县域经济报告。", dt.date(2024, 8, 3)),
    ("8月2日（昨天）上午，2024年东溪县秋季招聘会举行。", dt.date(2024, 8, 3)),
    ("今天(8月5日)，2024年东溪县农民丰收节开幕。", dt.date(2024, 8, 5)),
    # several stories: the issue is the day of the latest
    ("昨天（8月1日），会议召开。2024年。\n本报讯 昨天（8月4日），活动举行。", dt.date(2024, 8, 5)),
])
def test_relative_day_pinned_to_a_date_dates_the_issue(text, date):
    pub = infer_publication_date("x", "undated.txt", text)
    assert pub.publication_date == date
    assert pub.confidence >= 0.9


def test_pinned_day_wins_over_older_news_dates():
    text = "本报讯 7月28日，东溪县2024年重点项目开工。\n\n昨天（8月2日），东溪研究院发布报告。"
    assert infer_publication_date("x", "undated.txt", text).publication_date == dt.date(2024, 8, 3)


def test_dates_after_any_lead_weigh_as_news():
    text = ("东溪网讯（通讯员 林晓东）9月11日，东溪县举行2024年丰收节。\n"
            "去年的9月25日，该县也举办过类似活动；10月1日起将开放展馆。\n"
            "东溪新闻网9月10日电 (记者 郑一鸣) 当天，会议召开。")
    day, _, n_news = latest_news_day(text, 2024)
    assert day == dt.date(2024, 9, 11)
    assert n_news == 2


def test_a_date_opening_a_sentence_is_news_a_date_inside_one_is_not():
    text = ("本报讯（记者 周立新）8月20日，东溪县2024年招商推介会举行。8月21日，客商考察园区。\n"
            "园区自2019年8月28日开园以来发展迅速，今年8月25日前后还将迎来新项目。")
    assert latest_news_day(text, 2024)[0] == dt.date(2024, 8, 21)
