"""Bylines, news leads and photo credits, and the reporters' names in them.

Papers sign a story in many ways: a lead that opens the first paragraph ('本报讯（记者…）',
'晚报讯', 'XX网8月3日讯（通讯员 …）', 'XX新闻网11月2日电 (记者 …)', '新华社北京5月1日电'),
a byline line under the headline ('记者 张三 通讯员 李四', '文/图 张三', '□本报记者 张三',
'记者 张三 报道', '(记者 张三)'), an author at the end ('……。（张三）'), a photo credit
('记者 张三 摄', '张三/摄'). All patterns run on the simplified view of the text, so
traditional articles are read the same way; names are cut from the text as printed.
"""
from __future__ import annotations

import re

from ..script import to_simplified
from .shapes import CJK, MAX_HEAD_LEN, squash

_DIGIT = "0-9０-９"
# The source of a lead: 本报/本台/本网, or an outlet ending like one (XX日报, XX网, XX社 …).
_OUTLET = rf"(?:本报|本台|本网|本刊|[{CJK}A-Za-z]{{1,10}}?(?:报|网|台|社|刊|端|媒|中心|新闻))"
_DATE = rf"[{_DIGIT}]{{1,2}}月[{_DIGIT}]{{1,2}}日"
_PAREN = r"[（(][^（()）]{0,80}[)）]"
# Role words of a byline; a qualifier (本报, 实习, 台传媒, XX日报 …) may precede 记者.
_QUALIFIER = (rf"本报|本台|本网|特约|实习|见习|首席|融媒体?|全媒体|驻[{CJK}]{{1,3}}|"
              rf"[{CJK}]{{1,4}}(?:传媒|日报|晚报|电视台|广播电视台|融媒体中心|新闻中心|新闻网|网|社)")
ROLE = re.compile(
    rf"(?:(?:{_QUALIFIER})?(?:记者|通讯员|报道员)|[{CJK}]{{0,4}}报道组|实习生|摄影|摄像|撰稿|作者|编译|"
    rf"文\s*[/／]\s*图|图\s*[/／]\s*文|[文图摄]\s*[/／:：])"
)
# A news lead at the start of a paragraph: the outlet (and place and date) and 讯 or 电, then
# an optional bracketed byline. 电 needs its date (a dateline); 讯 needs an outlet.
NEWS_LEAD = re.compile(
    rf"^\s*(?:{_OUTLET}[{CJK}]{{0,8}}?{_DATE}电(?=[\s（(“「]|$)"
    rf"|{_OUTLET}[{CJK}]{{0,8}}?(?:{_DATE})?(?<![通资喜简短电音视警死闻传审问质])讯"
    rf"(?=[\s（(“「《{CJK}{_DIGIT}A-Za-z]|$)|本报消息"
    rf"|【[^【】]{{1,24}}(?:讯|电)】)\s*(?:{_PAREN})?"
)
# A bracketed byline opening the paragraph: '（记者 张三）昨天上午，……'
BRACKET_LEAD = re.compile(rf"^\s*[（(]\s*(?:{ROLE.pattern})[^（()）]{{1,60}}[)）]")
_CREDIT_MARK = "摄"
# A credit printed at the end of the caption paragraph: '……平台。（记者 刘振清 摄）', '活动现场。 张三 摄'
INLINE_CREDIT = re.compile(r"[（(]([^（()）]{2,40}摄)[)）]$|(?<=[。！？!?])\s*([^。！？!?\s（()）][^。！？!?（()）]{1,30}摄)$")
# An author at the end of the last paragraph: '……。（张三）', '……。(记者 张三 李四)'
TRAILING_AUTHOR = re.compile(r"(?<=[。！？!?”」])\s*([（(][^（()）]{1,40}[)）])\s*$")
_NAME = re.compile(r"^[%s·•]{2,8}$" % CJK)
_SEPARATORS = re.compile(r"[\s、，,/／；;：:|｜]+")
# A note closing a story that names no reporter: '（编辑 张三）', '（来源：XX日报）', '（完）'.
_NOTE = re.compile(r"^[（(]\s*(?:责任编辑|编辑|责编|审核|审校|校对|来源|据|综合|本报综合|完|全文完|待续|未完待续|续|"
                   r"资料图|资料图片|图片|供图|图)")
_DECORATION = re.compile(r"^[□■◎●○▲△◆◇★☆▌|｜]+\s*")
_REPORTED = re.compile(r"\s*(?:报道|报导|采写|整理)$")


def _clean(text: str) -> str:
    """A byline without its decorations ('□', brackets) and a trailing 报道."""
    text = _DECORATION.sub("", squash(text)).strip().strip("（()）[]【】")
    return _REPORTED.sub("", text).strip()


def byline_names(text: str) -> tuple[tuple[str, ...], bool] | None:
    """Names in a run of role words and names, and whether a role word was seen; None when
    something other than a name is in it (then it is not a byline)."""
    parts = ROLE.split(text)
    has_role = len(parts) > 1
    names: list[str] = []
    for part in parts:
        for token in _SEPARATORS.split(part):
            token = token.strip("（()）[]【】")
            if token and token[-1] in _CREDIT_MARK and len(token) > 1:
                token = token[:-1]  # '刘振清摄' → 刘振清
            if not token or token in _CREDIT_MARK:
                continue
            if not _NAME.match(token) or (len(token) > 4 and "·" not in token and "•" not in token):
                return None
            names.append(token)
    return tuple(dict.fromkeys(names)), has_role


def _printed(view: str, printed: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The names as printed: `view` is the simplified view of `printed` (same length)."""
    if printed == view or len(printed) != len(view):
        return names
    out = []
    for name in names:
        at = view.find(name)
        out.append(printed[at:at + len(name)] if at >= 0 else name)
    return tuple(out)


def parse_byline(line: str) -> tuple[str, ...]:
    """Reporter names from a byline, lead or photo credit, in printed order.

    Handles '本报讯（记者赵碧莹 通讯员梁伟伟）', 'XX网5月2日讯（通讯员 张三）', '记者 周学军 摄',
    '记者 刘振清摄', '记者 江盈盈 台传媒记者 颜静', '文/图 张三', an author-only '赵静', and
    the same in traditional characters (names come back as printed).
    """
    return names_in(to_simplified(line), line)


def names_in(view: str, printed: str) -> tuple[str, ...]:
    """parse_byline on a simplified `view` of the `printed` text (same length)."""
    text, printed_text = squash(view), squash(printed)
    lead = lead_of(text)
    if lead:
        inner = re.search(r"[（(]([^（()）]*)[)）]", lead.group(0))
        if not inner:
            return ()
        start = inner.start(1)
        text = inner.group(1)
        printed_text = printed_text[start:start + len(text)]
    found = byline_names(_clean(text))
    return _printed(text, printed_text, found[0]) if found else ()


def is_byline_line(text: str) -> bool:
    """'记者 张三 通讯员 李四', '文/图 张三', '（记者 张三）', '□本报记者 张三 报道'."""
    s = _clean(text)
    if not s or s[-1] in _CREDIT_MARK or len(s) > MAX_HEAD_LEN:
        return False
    found = byline_names(s)
    return bool(found and found[0] and found[1])


def is_credit(text: str) -> bool:
    """'记者 周学军 摄', '记者 刘振清摄', '张三/摄': names ending in 摄, with a role word or a
    separator before 摄 (so a sentence ending in 拍摄 is not taken for a credit)."""
    s = squash(text).strip("（()）")
    if not s or s[-1] not in _CREDIT_MARK or len(s) > MAX_HEAD_LEN:
        return False
    found = byline_names(s)
    if not found or not found[0]:
        return False
    return found[1] or bool(re.search(r"[\s/／]\s*摄$", s))


def is_author(text: str) -> bool:
    """An author-only line ('赵静'): a bare 2–3 character name, checked only where a byline
    can stand (between the headline and the body)."""
    return bool(re.fullmatch(r"[%s]{2,3}" % CJK, text.strip()))


def lead_of(view: str) -> re.Match[str] | None:
    """The news lead or bracketed byline opening a paragraph (simplified view)."""
    return NEWS_LEAD.match(view) or BRACKET_LEAD.match(view)


def trailing_author(view: str) -> tuple[int, tuple[str, ...]] | None:
    """'……。（张三）' at the end of a paragraph: where the bracket starts, and the names (none
    for an editor's or source note, which is dropped all the same)."""
    m = TRAILING_AUTHOR.search(view)
    if not m:
        return None
    if _NOTE.match(m.group(1)):
        return m.start(1), ()
    inner = m.group(1)[1:-1]
    found = byline_names(_clean(inner))
    if not found or not found[0]:
        return None
    return m.start(1), found[0]
