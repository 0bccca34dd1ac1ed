"""People: reporters from the byline, names after or before a title (市长马厉财, 刘言军教授)
and later mentions of those names in the article."""
from __future__ import annotations

import functools
import re
from typing import Sequence

from .. import lexicons
from .common import GENERIC_BRANDS, IS_CJK, Span, is_place_word, overlaps

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向"
    "汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦"
    "褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明"
    "佘池乐匡钮郦滑楼蔺"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒")

# --- people --------------------------------------------------------------------------------

_TITLES = (
    "总书记 书记 副书记 市长 副市长 县长 副县长 区长 镇长 副镇长 省长 副省长 主席 副主席 主任 副主任 局长 副局长 "
    "厅长 部长 院长 校长 所长 站长 院士 董事长 总经理 副总经理 经理 负责人 创始人 总裁 教授 博士 宣讲员 讲师 "
    "村支书 支部书记 会长 秘书长 厂长 队长 主播 船长 市领导 党组书记 常委 委员 代表 老师 医生 警官 民警"
).split()
# Characters that follow a two-character name rather than end a three-character one.
_AFTER_NAME = frozenset("主出在表说指强等作来参到对要带率与和认讲介为是的也还先一了向就边称告通希提深现正将已又被把从以则却同并于宣当上下前后")
# Characters that do not occur in a given name: place and body suffixes, titles.
_NOT_IN_NAME = frozenset("市省县区镇乡村委会局部副长总")
_AFTER_NAME_TITLES = re.compile(r"(?:总书记|书记|教授|博士|院士|同志|先生|女士|主席|市长)")


@functools.cache
def _title_re() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(_TITLES))


def _name_at(body: str, i: int) -> str | None:
    """A person's name starting at i (surname + one or two characters), or None."""
    if body.startswith(COMPOUND_SURNAMES, i):
        given = body[i + 2:i + 4]
        size = 2 + (2 if len(given) == 2 and given[1] not in _AFTER_NAME and IS_CJK.match(given[1]) else 1)
        return body[i:i + size] if all(IS_CJK.match(c) for c in body[i:i + size]) else None
    if i >= len(body) or body[i] not in SURNAMES or body[i] in _AFTER_NAME:
        return None
    chunk = body[i:i + 3]
    if len(chunk) < 2 or not all(IS_CJK.match(c) for c in chunk[:2]) or chunk[1] in _AFTER_NAME \
            or chunk[:2] in lexicons.everyday_words() or any(c in _NOT_IN_NAME for c in chunk[1:]):
        return None
    if len(chunk) == 3 and IS_CJK.match(chunk[2]) and chunk[2] not in _AFTER_NAME:
        return chunk
    return chunk[:2]


def _title_names(body: str) -> set[str]:
    names: set[str] = set()
    for m in _title_re().finditer(body):
        i = m.end()
        while True:  # 市领导朱建军、马厉财等
            name = _name_at(body, i)
            if not name or is_place_word(name) or name in GENERIC_BRANDS:
                break
            names.add(name)
            i += len(name)
            if i < len(body) and body[i] == "、":
                i += 1
                continue
            break
    for m in _AFTER_NAME_TITLES.finditer(body):  # 习近平总书记, 刘言军教授
        for size in (3, 2):
            s = m.start() - size
            if s < 0:
                continue
            cand = body[s:m.start()]
            if all(IS_CJK.match(c) for c in cand) and (cand[0] in SURNAMES or cand[:2] in COMPOUND_SURNAMES) \
                    and not (s > 0 and size == 2 and body[s - 1] in SURNAMES and IS_CJK.match(body[s - 1])) \
                    and not any(c in _AFTER_NAME or c in _NOT_IN_NAME for c in cand[1:]) \
                    and cand[:2] not in lexicons.everyday_words():
                names.add(cand)
                break
    return names


def find_people(body: str, reporters: Sequence[str], taken: list[Span]) -> list[Span]:
    names = {r for r in reporters if r} | _title_names(body)
    if not names:
        return []
    out: list[Span] = []
    for m in re.finditer(lexicons.alternation(names), body):
        if not overlaps(m.start(), m.end(), taken):
            out.append(Span(m.start(), m.end(), "person", m.group(0)))
    return out

