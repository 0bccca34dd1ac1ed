"""Page furniture: lines that belong to the page, not to any article.

Two sorts. Page and section markers — '第A02版', '第2版：要闻', 'A3版', '要闻', '经济·综合' —
stand on a line of their own at the top of a page; they are read as blank lines (a page
starts a new box). Masthead promos, contact lines and editor credits ('温岭发布公众号 掌上温岭
客户端', '责任编辑 张三') are dropped where they stand. Both are tested on the simplified view.
"""
from __future__ import annotations

import re

# Section names papers print above a page (a closed list: a one-word headline is rare, a
# section name on its own line is not).
SECTION_NAMES = (
    "要闻", "头版", "一版", "综合", "时政", "政务", "经济", "财经", "产业", "企业", "社会", "民生",
    "城事", "城市", "城建", "区县", "县域", "乡镇", "街道", "本地", "地方", "国内", "国际", "天下",
    "文化", "文体", "文旅", "旅游", "体育", "教育", "科技", "科教", "卫生", "健康", "法治", "法制",
    "三农", "农业", "农村", "乡村", "观察", "专题", "专版", "特刊", "评论", "言论", "时评", "理论",
    "党建", "副刊", "视点", "聚焦", "关注", "热点", "新闻", "资讯", "快讯", "图片", "图闻", "摄影",
    "人物", "生活", "周刊", "深度", "调查", "公告", "广告", "要览", "动态",
)
_SECTION = "|".join(SECTION_NAMES)
_PAGE = r"(?:第\s*)?[A-Za-z]?\s*[0-9０-９]{1,3}\s*版|第[一二三四五六七八九十]+版|[A-Za-z][0-9０-９]{1,2}|版面"
# '第A02版', '第2版：要闻', '要闻·时政', 'A3 要闻', '版面：经济'
PAGE_MARKER = re.compile(
    rf"^(?:(?:{_PAGE})\s*[:：·•|/、\-－—\s]*)?(?:(?:{_SECTION})(?:新闻|版)?\s*[·•|/、\-－—\s]*){{0,3}}$")

# The paper's name or the date on a line of their own: '东溪日报', '2024年8月3日 星期六'.
_OUTLET = r"[\u3400-\u9fff]{2,8}(?:日报|晚报|都市报|时报|商报|新闻网|融媒)"
_DAY = r"(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2})"
_WEEKDAY = r"(?:星期[一二三四五六日天]|周[一二三四五六日])"
_NUMBER = r"(?:总)?第\s*\d+\s*期"
MASTHEAD = re.compile(
    rf"^(?=\S)(?:{_OUTLET})?[\s·•|]*(?:{_DAY})?[\s·•|]*(?:{_WEEKDAY})?[\s·•|]*(?:{_NUMBER})?$")

# Masthead promos ('温岭发布公众号 掌上温岭客户端': a channel name ending in 公众号/客户端…,
# not a headline that mentions one), contact lines, page/date banners. Only tested on short
# headline-shaped lines.
FURNITURE = re.compile(
    r"(?:公众号|客户端|微信|微博|抖音号|视频号|APP|App)(?:\s|$)|"
    r"[Ww]{3}\.|https?://|电话[:：]|邮编|邮箱|E-?mail|出版物号|CN\d\d-|邮发代号|"
    r"责任编辑|本版编辑|责编|美编|校对|^第[一二三四五六七八九十\d]+版|星期[一二三四五六日天]|农历|"
    r"^[（(]?\s*(?:编辑|审核|审校|监制|来源)\s*[:：]"
)


def is_page_marker(line: str) -> bool:
    """A page or section marker line ('第A02版', '要闻', '第2版：经济'), the paper's name or
the date on their own; `line` simplified."""
    s = line.strip()
    return bool(s) and len(s) <= 30 and (PAGE_MARKER.fullmatch(s) is not None or MASTHEAD.fullmatch(s) is not None)


def is_furniture(text: str) -> bool:
    return FURNITURE.search(text) is not None
