"""Issue → articles on the real seed issues (raw/), plus small synthetic layouts."""
from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

import pytest

from orchestration.textmine.layout import parse_byline, split_articles
from orchestration.textmine.records import Article

RAW = Path(__file__).parents[2] / "raw"
GOLD = Path(__file__).parents[3] / "shared" / "gold"
QUOTES = "\"'“”‘’「」『』《》〈〉"

SEEDS = {
    "000": "000_560e6869a83789c5.txt",
    "001": "001_32d330149b6564ad.txt",
    "002": "002_f6237758df0ad2da.txt",
    "003": "003_fe4eaea119a65c82.txt",
    "004": "004_db8b3177b1dab977.txt",
}


def split_seed(key: str) -> list[Article]:
    text = (RAW / SEEDS[key]).read_text(encoding="utf-8").replace("\r\n", "\n")
    return split_articles(key, text)


def by_title(articles: list[Article], start: str) -> Article:
    (found,) = [a for a in articles if a.title.startswith(start)]
    return found


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch not in QUOTES and not ch.isspace())


def _dice(a: str, b: str) -> float:
    """Title similarity as the scorer computes it (character bigrams, Dice)."""
    x, y = ({t[i : i + 2] for i in range(len(t) - 1)} or {t} for t in (_norm(a), _norm(b)))
    return 2 * len(x & y) / (len(x) + len(y))


# -- whole issues ------------------------------------------------------------------------------


@pytest.mark.parametrize("key, count", [("000", 7), ("001", 1), ("002", 6), ("003", 6), ("004", 6)])
def test_article_counts(key: str, count: int) -> None:
    assert len(split_seed(key)) == count


def test_titles_and_kinds_as_printed() -> None:
    a000 = split_seed("000")
    assert [a.title for a in a000][:2] == ["晋级省队 发挥温岭优势 打造特色产业集群", "马厉财主持召开市政府第34次常务会议"]
    assert [a.kind for a in a000] == ["news"] * 6 + ["photo"]
    a002 = split_seed("002")
    assert a002[0].title == "我市组织收看台州市纪委六届五次全会视频会议 纵深推进自我革命市域实践 加快打造新时代勤廉台州"
    assert [a.kind for a in a002] == ["news", "feature", "news", "news", "photo", "feature"]
    a004 = split_seed("004")
    assert a004[0].title == "聚链成群，产值超300亿元 这个产业集群何以跻身国家队？"
    # headline printed at the top of the page, body further down under a column label
    assert a004[1].title == "温岭发力直播赛道 全省直播电商大赛 拿下一金一铜"
    assert [a.kind for a in a004] == ["feature", "news", "photo", "news", "news", "news"]


def test_quote_stripped_headline_kept_as_printed() -> None:
    articles = split_seed("003")
    feature = by_title(articles, "打造 浙东光谷")
    assert feature.title == "打造 浙东光谷 ！ 温岭如何追 光 成链？"
    assert feature.reporters == ("江盈盈", "颜静")
    assert feature.kind == "feature"
    assert not any(a.title.startswith("紧盯链主") for a in articles)  # a subhead, not an article


@pytest.mark.skipif(not GOLD.is_dir(), reason="hand-checked gold lives beside the repo")
@pytest.mark.parametrize("gold_file", sorted(GOLD.glob("*.json")) if GOLD.is_dir() else [])
def test_matches_gold(gold_file: Path) -> None:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["articles"]
    articles = split_seed(gold_file.stem[:3])
    assert len(articles) == len(gold)
    unused = list(articles)
    for expected in gold:
        best = max(unused, key=lambda a: _dice(a.title, expected["title"]))
        assert _dice(best.title, expected["title"]) >= 0.7, expected["title"]
        assert best.kind == expected["kind"], expected["title"]
        assert list(best.reporters) == expected["reporters"], expected["title"]
        assert best.body.startswith(expected["starts_with"]), expected["title"]
        unused.remove(best)


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_every_article_is_well_formed(key: str) -> None:
    articles = split_seed(key)
    for seq, article in enumerate(articles, 1):
        assert article.seq == seq
        assert article.article_id == f"{key}-{seq:03d}"
        assert article.body.strip() and article.title.strip()
        assert "  " not in article.title
        assert article.kind in {"news", "photo", "feature", "continued"}
        assert "下转" not in article.body and "\n\n" not in article.body


def test_masthead_is_not_an_article() -> None:
    articles = split_seed("000")
    assert not any("公众号" in a.title or "客户端" in a.title for a in articles)
    assert not any("公众号" in a.body for a in articles)


def test_column_label_is_not_a_title() -> None:
    articles = split_seed("004")
    assert not any("共同富裕加速跑" in a.title or "工业强市" in a.title for a in articles)


# -- bodies ------------------------------------------------------------------------------------


def test_broken_lines_are_rejoined() -> None:
    body = split_seed("002")[0].body
    assert "会议充分肯定过去一年台州市纪检监察工作取得的成绩。" in body
    assert "大力整治基层歪风" in body
    a000 = split_seed("000")
    assert "江金永强调，下阶段要将学习宣传贯彻" in a000[2].body
    assert "‘CC-MT2024春燕奖’" in a000[0].body
    assert "“党的二十届三中全会精神体现在方方面面" in a000[4].body


def test_caption_between_halves_is_stepped_over() -> None:
    body = split_seed("001")[0].body
    assert "2024年1—11月，泵与电机规模以上工业企业" in body
    assert "实现工业用地容积率、规上工业总产值" in body


def test_subheads_stay_in_the_body() -> None:
    feature = split_seed("004")[0]
    paragraphs = feature.body.split("\n")
    assert "有实力 产业集群群星闪烁" in paragraphs
    assert "增动力 打造高能级科创平台" in paragraphs
    assert "紧盯链主，以商招商" in by_title(split_seed("003"), "打造").body.split("\n")


def test_jump_note_ends_the_article() -> None:
    a002 = split_seed("002")
    assert [a.continued_to for a in a002] == [None, "第二版", None, None, None, "第二版"]
    assert a002[1].body.endswith("持续推动“一号改革工程”在各地落地见效。")
    a004 = split_seed("004")
    assert a004[0].continued_to == "第三版"  # printed at the end of the last paragraph
    assert a004[0].body.endswith("填补领域空白。")


def test_byline_kept_at_start_of_body_and_stored() -> None:
    article = split_seed("000")[4]
    assert article.byline == "本报讯（记者叶琳 通讯员梁伟伟）"
    assert article.body.startswith("本报讯（记者叶琳 通讯员梁伟伟）近日，")
    assert article.reporters == ("叶琳", "梁伟伟")
    feature = split_seed("004")[0]
    assert feature.byline == "记者 赵碧莹" and feature.body.startswith("近日，")
    author_only = split_seed("001")[0]
    assert author_only.reporters == ("赵静",) and author_only.body.startswith("不驰于空想")


def test_photo_items() -> None:
    photo = split_seed("000")[-1]
    assert (photo.kind, photo.title, photo.reporters) == ("photo", "处暑育出“好苗头”", ("徐俊杰", "陈小一"))
    assert photo.body.startswith("8月21日，在滨海镇") and "摄" not in photo.body
    two_line_credit = split_seed("003")[-1]
    assert two_line_credit.kind == "photo" and two_line_credit.reporters == ("周学军", "林绍禹")


# -- bylines -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, names",
    [
        ("本报讯（记者赵碧莹 通讯员梁伟伟）", ("赵碧莹", "梁伟伟")),
        ("本报讯（记者陈俊杰 通讯员郑露 江曙阳）近日，", ("陈俊杰", "郑露", "江曙阳")),
        ("记者 周学军 摄", ("周学军",)),
        ("记者 江盈盈 台传媒记者 颜静", ("江盈盈", "颜静")),
        ("记者 刘振清摄", ("刘振清",)),
        ("记者 徐俊杰 陈小一 摄", ("徐俊杰", "陈小一")),
        ("记者 周学军\n通讯员 林绍禹摄", ("周学军", "林绍禹")),
        ("通讯员 张三、李四", ("张三", "李四")),
        ("赵静", ("赵静",)),
        ("本報訊（記者王小明）", ("王小明",)),
        ("近日，某地举行了一场活动。", ()),
    ],
)
def test_parse_byline(line: str, names: tuple[str, ...]) -> None:
    assert parse_byline(line) == names


# -- synthetic layouts -------------------------------------------------------------------------


def test_inline_credit_and_continued_story() -> None:
    text = (
        "渔港新貌\n\n8月1日，渔民正在码头作业。（记者 王五 摄）\n\n"
        "某某工程顺利推进\n\n（上接第一版）会议指出，要做好工作。\n\n第二段内容。\n"
    )
    photo, continued = split_articles("t", text)
    assert (photo.kind, photo.title, photo.reporters) == ("photo", "渔港新貌", ("王五",))
    assert photo.body == "8月1日，渔民正在码头作业。"
    assert (continued.kind, continued.title) == ("continued", "某某工程顺利推进")
    assert continued.body == "会议指出，要做好工作。\n第二段内容。"


def test_empty_issue_has_no_articles() -> None:
    assert split_articles("t", "") == []
    assert split_articles("t", "\n\n\n") == []


def test_linear_time_on_large_input() -> None:
    # no sentence ends anywhere: every paragraph joins onto the last, the worst case for joins
    text = ("无标点的一行文字" * 10 + "\n\n") * 25_000
    start = time.perf_counter()
    (article,) = split_articles("big", text)
    assert time.perf_counter() - start < 10
    assert len(article.body) == 80 * 25_000


# -- clean text: other papers' layouts (sentences written for these tests) ---------------------

CLEAN_ISSUE = """第A03版
要闻

青石镇千亩稻田迎来丰收

东溪网9月12日讯（通讯员 林晓东）9月11日，青石镇千亩水稻示范方开镰收割，预计亩产超过650公斤。

今年以来，该镇推广机插秧和统防统治，种粮大户的积极性明显提高。


产业链上的“新农人”
云湖街道培育百名电商带头人

晚报讯 日前，云湖街道举办第三期农村电商培训班，60多名学员参加。

培训结束后，学员们纷纷表示收获很大。


东溪港二期码头主体完工

记者 王海涛 报道

10月8日，东溪港二期码头主体工程完工，新增泊位4个。

码头投用后，港区年吞吐能力将提高三成。


老街改造见新颜

文/图 陈一鸣

走进南门老街，青石板路干净整洁，沿街商铺生意兴隆。

改造工程于去年春天启动，共修缮老房子120余间。


县图书馆延长开放时间

(记者 周立新) 昨天上午，县图书馆宣布，从下月起每天开放到晚上九点。

馆方表示，此举是为了方便上班族借阅。


全县秋季招聘会举行

东溪县秋季人才招聘会昨天在县体育馆举行，200多家企业提供岗位5000余个。

不少求职者当场与企业达成意向。（李明华）


今年以来，东溪县工业用电量同比增长8.2%，增速居全市前列，制造业用电量占全社会用电量的六成以上。

其中，高新技术产业用电量增长12.5%。
"""


def test_clean_issue_splits_on_the_shape_of_the_page() -> None:
    articles = split_articles("c", CLEAN_ISSUE)
    assert [a.title for a in articles] == [
        "青石镇千亩稻田迎来丰收",
        "产业链上的“新农人” 云湖街道培育百名电商带头人",  # kicker + main line, joined with a space
        "东溪港二期码头主体完工",
        "老街改造见新颜",
        "县图书馆延长开放时间",
        "全县秋季招聘会举行",
        "今年以来，东溪县工业用电量同比增长8.2%",  # no headline: the opening phrase
    ]
    assert [a.reporters for a in articles] == [
        ("林晓东",), (), ("王海涛",), ("陈一鸣",), ("周立新",), ("李明华",), ()]
    assert not any("版" in a.title or "要闻" in a.title for a in articles)
    assert articles[0].body.startswith("东溪网9月12日讯（通讯员 林晓东）9月11日")
    assert articles[2].body.startswith("10月8日") and "报道" not in articles[2].body
    assert articles[5].body.endswith("达成意向。")  # the author is a reporter, not body text
    assert all(a.kind == "news" for a in articles)


def test_headline_by_shape_when_stories_are_not_boxed() -> None:
    text = (
        "南岙村建成共享菜园\n\n南岙村把闲置地块改成共享菜园，村民认领后自种自收。\n\n"
        "一、先清理后分配\n\n村里先组织清理垃圾，再按户分配地块。\n\n"
        "城西小学新校区投用\n\n新学期，城西小学新校区正式投用，可容纳学生1800人。\n"
    )
    garden, school = split_articles("u", text)
    assert garden.title == "南岙村建成共享菜园"
    assert "一、先清理后分配" in garden.body.split("\n")  # a numbered subhead stays in the story
    assert school.title == "城西小学新校区投用"
    assert school.body == "新学期，城西小学新校区正式投用，可容纳学生1800人。"


def test_paragraphs_one_per_line_without_blank_lines() -> None:
    text = (
        "湖滨公园改造完成\n湖滨公园改造工程近日完成，新增绿地2万平方米。\n园内还建成了一条环湖步道。\n\n"
        "高速出口拥堵缓解\n随着新匝道开通，早高峰排队时间缩短一半。\n"
    )
    park, road = split_articles("n", text)
    assert park.title == "湖滨公园改造完成"
    assert park.body == "湖滨公园改造工程近日完成，新增绿地2万平方米。\n园内还建成了一条环湖步道。"
    assert road.title == "高速出口拥堵缓解"


def test_traditional_story_inside_a_simplified_issue() -> None:
    text = (
        "东溪县举办农民丰收节\n\n本报讯（记者 周立新）9月23日，东溪县农民丰收节开幕。\n\n"
        "开幕式上，十个村的农产品集中展销。\n\n活动将持续三天。\n\n\n"
        "本報訊（記者 陳小明 通訊員 黃大偉）近日，東溪縣新開工項目12個，總投資35億元。\n\n"
        "這些項目涵蓋製造業和服務業。\n\n\n"
        "今年以來，東溪縣頂住壓力、穩中求進，經濟運行總體平穩。\n"
    )
    fair, projects, economy = split_articles("t", text)
    assert fair.reporters == ("周立新",)
    assert projects.reporters == ("陳小明", "黃大偉")  # as printed
    assert projects.body.startswith("本報訊（記者 陳小明")
    assert projects.byline == "本報訊（記者 陳小明 通訊員 黃大偉）"
    assert economy.title == "今年以來，東溪縣頂住壓力、穩中求進"


def test_byline_after_the_story_signs_that_story() -> None:
    text = (
        "河道清淤完成\n\n城东河道清淤工程完成，清出淤泥3万立方米。\n\n记者 王海涛\n\n\n"
        "菜市场完成提升\n\n城北菜市场完成提升改造，摊位增加到160个。\n"
    )
    river, market = split_articles("b", text)
    assert river.reporters == ("王海涛",) and market.reporters == ()
    assert market.title == "菜市场完成提升"


@pytest.mark.parametrize("line", ["第A02版", "第2版：经济", "A05版", "要闻·综合", "第三版 要闻", "版面：民生",
                                  "东溪晚报 2024年5月6日", "总第1234期", "2024-05-06 星期一"])
def test_page_and_section_markers_are_not_articles(line: str) -> None:
    text = f"{line}\n\n海塘加固工程完工\n\n本报讯 近日，东海塘加固工程通过验收。\n"
    (article,) = split_articles("m", text)
    assert article.title == "海塘加固工程完工"


@pytest.mark.parametrize("sentence", ["中心城区8月21日电力供应平稳，用电负荷创新高。", "喜讯传来，东溪县再获殊荣。",
                                      "县应急中心通讯保障车已全部到位。", "东溪港迎来今年首批远洋渔船。（资料图）",
                                      "连载的小说到此告一段落。（待续）"])
def test_sentences_that_only_look_like_leads(sentence: str) -> None:
    (article,) = split_articles("l", f"标题一行\n\n{sentence}\n")
    assert article.byline is None and article.reporters == ()


@pytest.mark.parametrize(
    "paragraph, title",
    [
        ("昨天（8月2日），东溪研究院发布《县域经济发展报告》。", "东溪研究院发布《县域经济发展报告》"),
        ("今年以来，东溪县顶住压力、稳中求进，经济运行平稳。", "今年以来，东溪县顶住压力、稳中求进"),
        ("东溪网5月3日电 (记者 郑一鸣) 12日，在首届乡贤大会现场，19个项目集中签约。", "19个项目集中签约"),
        ("进入新年的东溪港，很快进入了状态，订单排到了三月。", "进入新年的东溪港，很快进入了状态"),
    ],
)
def test_opening_phrase_of_a_story_without_headline(paragraph: str, title: str) -> None:
    from orchestration.textmine.layout.titles import opening_phrase

    assert opening_phrase(paragraph) == title


@pytest.mark.parametrize(
    "line, names",
    [
        ("东溪网9月12日讯（通讯员 林晓东）", ("林晓东",)),
        ("东溪新闻网11月2日电 (记者 郑一鸣 通讯员 何小二)", ("郑一鸣", "何小二")),
        ("新华社杭州5月1日电（记者 王五六）", ("王五六",)),
        ("晚报讯（记者 周立新）", ("周立新",)),
        ("(记者 张三丰 李四海)", ("张三丰", "李四海")),
        ("记者 王海涛 报道", ("王海涛",)),
        ("文/图 陈一鸣", ("陈一鸣",)),
        ("文/陈一鸣 图/林晓东", ("陈一鸣", "林晓东")),
        ("□本报记者 周立新", ("周立新",)),
        ("记者 郑一鸣 县委报道组 何小二", ("郑一鸣", "何小二")),
        ("人民网杭州3月3日电 (黄小竹)", ("黄小竹",)),
        ("本報訊（記者 陳小明 通訊員 黃大偉）", ("陳小明", "黃大偉")),
    ],
)
def test_parse_byline_forms(line: str, names: tuple[str, ...]) -> None:
    assert parse_byline(line) == names


def test_caption_in_its_own_box_is_not_a_story() -> None:
    text = (
        "渔港新码头投用\n\n东溪渔港新码头昨天投入使用，可同时停靠渔船200艘，缓解了休渔期停泊难的问题。\n\n\n"
        "图为渔船停靠在新码头。\n\n\n码头还配套建设了冷库和加冰设施，日加冰能力达到300吨。\n"
    )
    (article,) = split_articles("p", text)
    assert article.title == "渔港新码头投用"


def test_masthead_date_and_editor_lines_are_page_furniture() -> None:
    text = (
        "东溪日报\n2024年9月12日 星期四\n\n"
        "东溪县举办首届乡村运动会，十二个村的八百多名村民同场竞技展风采\n\n"
        "【东溪网讯】9月11日，东溪县首届乡村运动会在县体育中心开幕。（编辑 何小二）\n\n"
        "责任编辑：周立新\n\n"
        "城南菜场完成改造\n\n　　记者|王海涛\n\n　　城南菜场完成改造，新增摊位60个，环境焕然一新。（完）\n"
    )
    games, market = split_articles("f", text)
    assert games.title == "东溪县举办首届乡村运动会，十二个村的八百多名村民同场竞技展风采"  # a long web headline
    assert games.body == "【东溪网讯】9月11日，东溪县首届乡村运动会在县体育中心开幕。"
    assert games.reporters == ()  # an editor is not a reporter
    assert (market.title, market.reporters) == ("城南菜场完成改造", ("王海涛",))
    assert market.body == "城南菜场完成改造，新增摊位60个，环境焕然一新。"


def test_signed_feature_goes_on_past_a_caption_box() -> None:
    text = (
        "东溪：向海图强\n\n记者 王海涛\n\n东溪县依海而生，这些年把海洋经济作为头号工程来抓。\n\n\n"
        "东溪渔港\n\n港口提速 打造开放新门户\n\n二期码头投用后，港区吞吐能力提高三成。\n\n\n"
        "县城新貌\n\n城市更新 让老城焕发新活力\n\n老街改造完成后，游客明显多了起来。\n"
    )
    (feature,) = split_articles("s", text)
    assert feature.title == "东溪：向海图强" and feature.reporters == ("王海涛",)
    assert "港口提速 打造开放新门户" in feature.body.split("\n")


def test_text_wrapped_at_a_fixed_width_stays_one_paragraph() -> None:
    text = (
        "东溪县新增三条公交线路\n\n本报讯 5月起，东溪县新开通三条城乡公交线路，\n覆盖沿线12个村。\n\n"
        "新线路全部使用新能源公交车，票价\n统一为2元。\n"
    )
    (article,) = split_articles("w", text)
    assert article.body.split("\n") == [
        "本报讯 5月起，东溪县新开通三条城乡公交线路，覆盖沿线12个村。", "新线路全部使用新能源公交车，票价统一为2元。"]


def test_caption_with_its_credit_inside_a_story() -> None:
    text = (
        "东溪县集中签约12个项目\n\n东溪县昨天举行项目集中签约仪式，12个项目总投资56亿元。\n\n"
        "签约现场。 王海涛 摄\n\n这些项目主要集中在新能源和高端装备领域。\n"
    )
    (article,) = split_articles("k", text)
    assert article.reporters == ("王海涛",) and article.kind == "news"
    assert article.body.split("\n") == [
        "东溪县昨天举行项目集中签约仪式，12个项目总投资56亿元。", "签约现场。", "这些项目主要集中在新能源和高端装备领域。"]


def test_lines_closing_a_story_stay_with_it() -> None:
    text = (
        "关于开展消防安全检查的通知\n\n各乡镇、街道：为切实做好消防安全工作，现决定开展全县消防安全大检查。\n\n"
        "东溪县人民政府\n\n\n东溪港新航线开通\n\n东溪港至南洋的集装箱新航线昨天开通，每周往返两班。\n"
    )
    notice, route = split_articles("e", text)
    assert notice.body.endswith("东溪县人民政府")
    assert route.title == "东溪港新航线开通"


def test_caption_line_does_not_open_a_story() -> None:
    text = (
        "东溪县启动秋季植树\n\n东溪县秋季义务植树活动昨天启动，全县共栽下苗木3万株。\n\n"
        "图为志愿者在山坡上植树\n\n活动现场还发放了护林宣传资料。\n"
    )
    (article,) = split_articles("q", text)
    assert "图为志愿者在山坡上植树" in article.body


def test_a_byline_on_its_own_line_under_the_headline_is_no_headline_line():
    text = ("青溪县茶叶喜获丰收\n■本报通讯员 陈立 本报记者 孙雯\n\n"
            "今年春茶采摘季，全县茶园面积达到3.2万亩，茶农人均增收四千余元。\n"
            "当地还建起了茶叶交易市场，吸引周边客商前来收购。\n\n"
            "白沙镇老街完成改造\n记者 何方 报道\n"
            "日前，白沙镇老街改造完工，沿街店铺陆续开门迎客。\n")
    articles = split_articles("t", text)
    assert [(a.title, a.reporters) for a in articles] == [
        ("青溪县茶叶喜获丰收", ("陈立", "孙雯")), ("白沙镇老街完成改造", ("何方",))]
    assert articles[1].body.startswith("日前，白沙镇老街改造完工")
