"""Events from real seed sentences: type, date, title, and no flooding."""
from __future__ import annotations

import datetime as dt

import pytest

from orchestration.textmine.events import find_events
from orchestration.textmine.records import Article

AUG_2024 = dt.date(2024, 8, 22)
JAN_2024 = dt.date(2024, 1, 23)
OCT_2023 = dt.date(2023, 10, 30)


def article(body: str, kind: str = "news") -> Article:
    return Article(article_id="i-001", issue_id="i", seq=1, title="标题", kind=kind, reporters=(), body=body)


def summary(events):
    return [(e.event_type, e.event_date, e.date_precision) for e in events]


def test_meeting_with_day_date_and_clean_title():
    body = ("本报讯（记者蒋静豪）8月21日，市委副书记、市长马厉财主持召开市政府第34次常务会议。\n"
            "会议审议了《办法》（送审稿）。会议指出，市安委办要聚焦当前突出问题。会议还书面学习了《公平竞争审查条例》。")
    (event,) = find_events(article(body), AUG_2024)
    assert summary([event]) == [("meeting", dt.date(2024, 8, 21), "day")]
    assert event.title == "市委副书记、市长马厉财主持召开市政府第34次常务会议"
    assert body[event.start_char:event.end_char] == event.evidence
    assert event.event_id.startswith("i-001-e")


def test_a_year_inside_a_name_is_not_the_date():
    body = "本报讯（记者张璐祎）8月21日，2024年全市政协委员读书会召开。市政协主席江金永出席读书会并讲话。"
    events = find_events(article(body), AUG_2024)
    assert summary(events) == [("meeting", dt.date(2024, 8, 21), "day")]
    assert events[0].title == "2024年全市政协委员读书会召开"


def test_signing_then_groundbreaking_the_same_day():
    body = ("2023年8月22日，城南镇政府与台州吉裕水产养殖有限公司成功签约现代农业综合体项目。"
            "当天，这个总投资约2.2亿元的项目就正式开工了。项目能够在签约当天就开工，有望在年内实现试投产。")
    events = find_events(article(body, kind="feature"), JAN_2024)
    assert summary(events) == [("signing", dt.date(2023, 8, 22), "day"),
                               ("groundbreaking", dt.date(2023, 8, 22), "day")]
    assert events[0].title == "城南镇政府与台州吉裕水产养殖有限公司成功签约现代农业综合体项目"


def test_month_dates_same_year_and_previous_year():
    body = ("去年3月，在温岭市委市政府、温岭市政协的积极推动和共同努力下，浙江省高档数控机床技术创新中心成功落地温岭，"
            "并于同年7月正式揭牌运行。\n7月25日，市人大常委会采取“主会场+基层单元分会场”形式，举行了“优化营商环境”议案专题询问会。")
    events = find_events(article(body, kind="feature"), JAN_2024)
    assert summary(events) == [("other", dt.date(2023, 3, 1), "month"), ("other", dt.date(2023, 7, 1), "month"),
                               ("meeting", dt.date(2023, 7, 25), "day")]
    assert events[1].title == "浙江省高档数控机床技术创新中心正式揭牌运行"
    assert events[2].title == "市人大常委会举行了“优化营商环境”议案专题询问会"


def test_list_publication_and_awards():
    body = ("本报讯（记者赵碧莹）近日，省经信厅公布了2024年浙江省中小企业特色产业集群名单，全省共有18个集群入选，"
            "我市金属切削数控机床产业集群上榜。\n"
            "去年，我市机器人与数控机床产业集群还入选了第二批“浙江制造”省级特色产业集群核心区创建名单。\n"
            "“今年，北平机床的BP850精密立式磨床、美戈利的可转位滚刀还获得‘CC-MT2024春燕奖’，这是最高奖项了。”")
    events = find_events(article(body), AUG_2024)
    assert [e.event_type for e in events] == ["list_publication", "list_publication", "award"]
    assert events[0].event_date is None and events[0].date_precision == "unknown"  # 近日
    assert events[0].title == "省经信厅公布了2024年浙江省中小企业特色产业集群名单"
    assert events[1].event_date == dt.date(2023, 1, 1) and events[1].date_precision == "year"


def test_several_awards_in_one_article():
    body = ("继去年全省首届电商直播式共富工坊短视频大赛荣获全省银奖后，此次全省直播电商大赛上，"
            "石塘渔二代海上共富工坊再次凭借新颖视角解读温岭海产品，并获得新秀组冠军。\n"
            "与渔二代海上共富工坊一起获奖的是温岭博哥文化传媒有限公司，生动讲述海边小镇故事，拿下了此次新秀组季军。")
    events = find_events(article(body, kind="feature"), OCT_2023)
    assert [e.event_type for e in events] == ["award", "award", "award"]
    assert events[1].title == "石塘渔二代海上共富工坊获得新秀组冠军"
    assert events[1].event_date is None  # 此次 is this contest, not 去年
    assert events[2].title == "拿下了此次新秀组季军"


def test_forum_with_location_and_signing_the_same_day():
    body = ("本报讯（记者叶琳 通讯员陈慧）10月27日，全市新生代女企业家论坛暨首届巾媒悦享沙龙活动在石塘镇举行，"
            "巾帼新生代创业联盟代表30余人汇聚一堂。\n"
            "当天活动还为巾帼手作匠人工作室举行揭牌仪式，巾帼匠心手作联盟还与女律师联盟签署合作意向书。")
    events = find_events(article(body), OCT_2023)
    assert summary(events) == [("forum", dt.date(2023, 10, 27), "day"), ("signing", dt.date(2023, 10, 27), "day")]
    assert events[0].location == "石塘镇"
    assert events[1].title == "巾帼匠心手作联盟还与女律师联盟签署合作意向书"


def test_inspection_swallows_its_meetings_and_needs_a_date():
    body = ("2022年初，市政协确定专题政治协商课题。同年3月，调研组深入经信、科技等12个重点部门进行实地走访，召开9场座谈会听取相关工作情况汇报。"
            "市政协主席江金永多次赴实地走访调研中心建设情况。")
    events = find_events(article(body, kind="feature"), JAN_2024)
    assert summary(events) == [("inspection", dt.date(2022, 3, 1), "month")]


def test_plans_are_not_events():
    body = ("礁山渔港小镇核心区项目计划11月底全面开工。天弘高端激光装备制造项目预计今年11月投产。"
            "投产后年产值预计达20亿元。为确保百分百完成搬迁签约任务，专班人员扎根库区。")
    assert find_events(article(body, kind="feature"), OCT_2023) == []


def test_competition_lead():
    body = "本报讯（记者赵碧莹）历时3个月，近日，2023浙江省直播电商大赛落下帷幕，温岭2支战队脱颖而出，拿下了一金一铜的好成绩。"
    events = find_events(article(body), OCT_2023)
    assert summary(events) == [("competition", None, "unknown")]
    assert events[0].title == "2023浙江省直播电商大赛落下帷幕"


@pytest.mark.parametrize("body, kind, expected", [
    ("本报讯（记者叶琳 通讯员梁伟伟）近日，城北街道90后、00后新时代理论宣讲员走进制鞋企业车间，立足产业实际，宣讲全会精神。",
     "news", ("other", None, "城北街道90后、00后新时代理论宣讲员走进制鞋企业车间")),
    ("受强冷空气影响，1月22日，温岭市迎来2024年第一场雪。冰雪天气，也请市民们注意行车安全。",
     "photo", ("other", dt.date(2024, 1, 22), "温岭市迎来2024年第一场雪")),
    ("本报讯（记者赵云 通讯员林媛）风雪载途，影响交通。1月21日起，市公路与运输管理中心加大养护人员道路巡查力度及频率，全力做好除雪工作。",
     "news", ("other", dt.date(2024, 1, 21), "市公路与运输管理中心加大养护人员道路巡查力度及频率")),
])
def test_the_lead_of_a_news_item_is_an_event(body, kind, expected):
    (event,) = find_events(article(body, kind=kind), JAN_2024)
    assert (event.event_type, event.event_date, event.title) == expected


def test_a_quotation_is_not_a_lead():
    body = ("本报讯（记者姚天 通讯员郭玲）“以前常会碰到掉头难现象，现在方便了不少。”市民陈先生感慨道。\n"
            "中心大道是温岭城市核心区域的主干道，日前，在相关单位协同下，温岭新城开发区在距离路口20米左右的绿化带增设了一个掉头口。")
    (event,) = find_events(article(body), AUG_2024)
    assert event.event_type == "other"
    assert event.title == "温岭新城开发区在距离路口20米左右的绿化带增设了一个掉头口"


def test_undated_re_mentions_of_a_reported_event_are_dropped():
    body = ("本报讯（记者姚天）8月21日下午，市人大常委会主任朱明连来到泽国镇人大代表联络站开展宣讲，与人大代表面对面座谈交流。\n"
            "座谈会上，10位代表结合工作实际提出意见建议。")
    events = find_events(article(body), AUG_2024)
    assert summary(events) == [("meeting", dt.date(2024, 8, 21), "day")]


def test_no_publication_date_keeps_explicit_dates_only():
    body = "2023年8月22日，城南镇政府与某公司成功签约。8月21日，市政府召开常务会议。"
    events = find_events(article(body, kind="feature"), None)
    assert summary(events) == [("signing", dt.date(2023, 8, 22), "day"), ("meeting", None, "unknown")]
