"""One decoded issue (plain text) → articles.

The text is what a PDF/e-paper export leaves of a printed page: paragraphs separated by blank
lines, headlines as short lines, column breaks that cut a paragraph in two, photo captions and
column labels dropped wherever the layout put them. The splitter works in three passes:

1. cut the text into blocks (runs of lines between blank lines, remembering how many blank
   lines came before: a wider gap marks a separate box on the page) and classify each block by
   its shape — headline, byline, photo credit, jump note (下转/上接), page furniture, body;
2. walk the blocks and open a new article only on a strong signal: a 本报讯 lead, a byline
   line, a headline after a closed article (下转 note, photo credit), or a headline standing in
   its own box; other headline-shaped lines inside an article are subheads or broken lines;
3. per article, re-join paragraphs broken mid-sentence (stepping over photo captions that the
   export dropped in between) and derive the kind and the reporters.

Everything is a single linear scan (the orphan-headline queue and the photo look-back are
bounded), so 50 MB inputs are fine.
"""
from __future__ import annotations

import dataclasses
import re
from collections import deque

from .records import Article

# ---------------------------------------------------------------------------------------------
# Patterns. Simplified and traditional forms both, because traditional issues are kept as
# printed.

_CJK = r"\u3400-\u9fff"
# A paragraph is finished when it ends with a stop, possibly followed by closing quotes.
_FINAL = re.compile(r"[。！？!?…；;]+[”’」』）)》〉]*$")
# Headlines may end with ？/！, which also closes a multi-line headline.
_HEAD_CLOSER = re.compile(r"[！？!?][”’」』）)]*$")
_NEWS_LEAD = re.compile(r"^\s*(?:本报讯|本報訊|本报消息|本報消息)\s*(?:[（(][^（()）]{0,80}[)）])?")
_JUMP = re.compile(r"[（(]\s*(下转|下轉|转|轉|上接|接)\s*(第?[一二三四五六七八九十百\d]+版)\s*[)）]")
# Page furniture: masthead promos ('温岭发布公众号 掌上温岭客户端': a channel name ending in
# 公众号/客户端…, not a headline that mentions one), contact lines, page/date banners. Only
# tested on short headline-shaped lines.
_FURNITURE = re.compile(
    r"(?:公众号|公眾號|客户端|客戶端|微信|微博|抖音号|视频号|視頻號|APP|App)(?:\s|$)|"
    r"[Ww]{3}\.|https?://|电话[:：]|電話[:：]|邮编|郵編|邮箱|E-?mail|出版物号|CN\d\d-|邮发代号|"
    r"责任编辑|責任編輯|本版编辑|美编|校对|校對|^第[一二三四五六七八九十\d]+版|星期[一二三四五六日天]|农历|農曆"
)
# Role words in bylines and credits. A qualifier such as 本报/实习/台传媒 may precede 记者.
_ROLE = re.compile(
    r"(?:(?:本报|本報|特约|特約|实习|實習|见习|見習|首席|驻[%s]{1,3}|[%s]{1,2}传媒|[%s]{1,2}傳媒|"
    r"[%s]{1,2}(?:日报|日報|晚报|晚報|电视台|電視台))?(?:记者|記者)"
    r"|通讯员|通訊員|实习生|實習生|摄影|攝影|摄像|攝像|撰稿|作者|文/图|图/文|文／图|图／文)"
    % (_CJK, _CJK, _CJK, _CJK)
)
_CREDIT_MARK = "摄攝"
# A credit printed at the end of the caption paragraph: '……平台。（记者 刘振清 摄）'
_INLINE_CREDIT = re.compile(r"[（(]([^（()）]{2,40}[摄攝])[)）]$")
_NAME = re.compile(r"^[%s·•]{2,8}$" % _CJK)
_SEPARATORS = re.compile(r"[\s、，,/／；;：:]+")
# Function words a headline or subhead does not end on; a line ending on one was cut
# mid-sentence. Kept to words that cannot close a noun or verb phrase (not 要, as in 需要).
_DANGLING = set("的将將把被与與及或并並而且从從给給让讓使")
_OPEN_QUOTES = "“‘「『《〈（(【"

MAX_HEAD_LEN = 40  # longest headline line seen in print is ~36 characters
MAX_CAPTION_LEN = 40  # photo captions dropped into running text are one short line
LABEL_LEN = 8  # a column label/kicker is a short single phrase
PHOTO_LOOKBACK = 4  # a photo item is a caption headline + at most a few paragraphs
PHOTO_MAX_CHARS = 400  # ... of caption text; a longer run is an article's last section
TITLE_SEARCH = 6  # a headline set beside the lead comes within the first few paragraphs
FEATURE_MIN_CHARS = 800  # unsigned pieces shorter than this are plain news


# ---------------------------------------------------------------------------------------------
# Small line tests.


def _ends_final(text: str) -> bool:
    return bool(_FINAL.search(text[-12:]))  # the tail only: joined paragraphs can be long


def _is_heading_line(line: str) -> bool:
    """Shape of a headline/subhead/caption line: short, no full stop, not cut at a comma."""
    s = line.strip()
    if not s or len(s) > MAX_HEAD_LEN or _NEWS_LEAD.match(s):
        return False
    if re.search(r"[。；;]", s) or s[-1] in "，、：:,；;" or s[-1] in _OPEN_QUOTES:
        return False
    return s.count("，") + s.count(",") <= 1


def _balanced(text: str) -> bool:
    return all(text.count(o) == text.count(c) for o, c in zip("“‘「『《（(【", "”’」』》）)】"))


def _is_parallel(text: str) -> bool:
    """'紧盯链主，以商招商': two halves of equal length — the classic subhead pattern."""
    m = re.fullmatch(r"([^，,\s]{2,8})[，,]([^，,\s]{2,8})", text)
    return bool(m) and len(m.group(1)) == len(m.group(2))


def _looks_cut(line: str) -> bool:
    """A short headline-shaped line that is really the start of a paragraph cut by a column
    break ('会议充分肯定过去一年台', '江金永强调，下阶段要将'), not a subhead."""
    s = line.strip()
    if not _balanced(s) or s[-1] in _DANGLING:
        return True
    if " " in s or "\u3000" in s or _is_parallel(s):
        return False  # subheads are two phrases set apart by a space or a parallel comma
    return True


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------------------------------------
# Bylines.


def _byline_names(text: str) -> tuple[tuple[str, ...], bool] | None:
    """Names in a run of role words and names, and whether a role word was seen; None when
    something other than a name is in it (then it is not a byline)."""
    parts = _ROLE.split(text)
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


def parse_byline(line: str) -> tuple[str, ...]:
    """Reporter names from a byline or photo credit, in printed order.

    Handles '本报讯（记者赵碧莹 通讯员梁伟伟）', '记者 周学军 摄', '记者 刘振清摄',
    '记者 江盈盈 台传媒记者 颜静' and an author-only '赵静'.
    """
    text = _squash(line)
    lead = _NEWS_LEAD.match(text)
    if lead:
        inner = re.search(r"[（(]([^（()）]*)[)）]", lead.group(0))
        text = inner.group(1) if inner else ""
    text = text.strip().strip("（()）")
    found = _byline_names(text)
    return found[0] if found else ()


def _is_byline_line(text: str) -> bool:
    found = _byline_names(_squash(text))
    return bool(found and found[0] and found[1] and text.strip()[-1] not in _CREDIT_MARK)


def _is_credit(text: str) -> bool:
    """'记者 周学军 摄', '记者 刘振清摄', '张三/摄': names ending in 摄, with a role word or a
    separator before 摄 (so a sentence ending in 拍摄 is not taken for a credit)."""
    s = _squash(text).strip("（()）")
    if not s or s[-1] not in _CREDIT_MARK or len(s) > MAX_HEAD_LEN:
        return False
    found = _byline_names(s)
    if not found or not found[0]:
        return False
    return found[1] or bool(re.search(r"[\s/／]\s*[摄攝]$", s))


def _is_author(text: str) -> bool:
    """An author-only line ('赵静'): a bare 2–3 character name, checked only where a byline
    can stand (between the headline and the body)."""
    return bool(re.fullmatch(r"[%s]{2,3}" % _CJK, text.strip()))


# ---------------------------------------------------------------------------------------------
# Pass 1: blocks.


@dataclasses.dataclass
class _Block:
    lines: list[str]
    gap: int  # blank lines before the block; 2+ means a separate box on the page
    kind: str = "body"  # head | body | byline | credit | jump | furniture

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    lines: list[str] = []
    gap = blank = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            if not lines:
                gap, blank = blank, 0
            lines.append(line)
            continue
        if lines:
            blocks.append(_Block(lines, gap))
            lines = []
        blank += 1
    if lines:
        blocks.append(_Block(lines, gap))
    for block in blocks:
        block.kind = _classify(block)
    return blocks


def _classify(block: _Block) -> str:
    text = block.text
    if _JUMP.fullmatch(text.strip()):
        return "jump"
    heading = all(_is_heading_line(line) for line in block.lines)
    if heading and _FURNITURE.search(text):
        return "furniture"  # before bylines: '责任编辑 张三' is not a reporter
    if len(text) <= MAX_HEAD_LEN:
        if _is_credit(text):
            return "credit"
        if _is_byline_line(text):
            return "byline"
    return "head" if heading else "body"


# ---------------------------------------------------------------------------------------------
# Pass 2: articles.


@dataclasses.dataclass
class _Para:
    text: str
    gap: int
    head: bool  # came from a headline-shaped block (subhead, caption, cut line)
    multi: bool = False  # printed as several lines in one block (a headline set as a unit)


@dataclasses.dataclass
class _Draft:
    title: str | None
    paras: list[_Para]
    byline: str | None = None
    reporters: tuple[str, ...] = ()
    lead: bool = False  # starts with 本报讯
    signed: bool = False  # had a byline line / author line
    continued: bool = False  # 上接: continuation of another page's story
    continued_to: str | None = None
    photo: bool = False
    closed: bool = False  # 下转 note or photo credit: the next headline starts a new article

    def add_reporters(self, names: tuple[str, ...]) -> None:
        self.reporters = tuple(dict.fromkeys(self.reporters + names))


def _units(heads: list[_Block]) -> list[list[str]]:
    """Group headline blocks into headlines: single lines in a row make one headline (kicker
    + main line, two-line headline); a block set as several lines is a headline of its own;
    a line ending with ？/！ closes the headline."""
    units: list[list[str]] = []
    run: list[str] = []
    for block in heads:
        if len(block.lines) > 1:
            if run:
                units.append(run)
                run = []
            units.append(list(block.lines))
            continue
        run.append(block.lines[0])
        if _HEAD_CLOSER.search(block.lines[0]):
            units.append(run)
            run = []
    if run:
        units.append(run)
    return units


def _is_label(unit: list[str]) -> bool:
    """A column label or kicker ('共同富裕加速跑'): one short phrase, no space or punctuation."""
    return len(unit) == 1 and len(unit[0]) <= LABEL_LEN and re.fullmatch(r"\w+", unit[0]) is not None


class _Walker:
    """Pass 2 state: the articles so far, headlines waiting for a body, and orphan headlines
    (front pages print several headlines together; the extra ones go, in order, to the
    articles right after that have none of their own)."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.heads: list[_Block] = []
        self.byline: _Block | None = None
        self.orphans: deque[list[str]] = deque()
        self.continued = False  # a lone （上接第一版） was seen: the next body continues a story

    @property
    def current(self) -> _Draft | None:
        return self.drafts[-1] if self.drafts else None

    def feed(self, block: _Block) -> None:
        if block.kind == "furniture":
            return
        if block.kind == "head":
            self.heads.append(block)
        elif block.kind == "byline":
            self.byline = block
        elif block.kind == "credit":
            self._credit(block)
        elif block.kind == "jump":
            self._jump(block.text)
        else:
            self._body(block)

    def finish(self) -> list[_Draft]:
        self._flush_heads_into_current()
        return [d for d in self.drafts if d.paras]

    # -- handlers -------------------------------------------------------------------------

    def _body(self, block: _Block) -> None:
        text = block.lines[0]
        lead = bool(_NEWS_LEAD.match(text))
        up = _JUMP.match(text)
        continued = (bool(up) and up.group(1) in ("上接", "接")) or self.continued
        cur = self.current
        if self.heads and self.byline is None and _is_author(self.heads[-1].text) and len(self.heads) > 1:
            self.byline = self.heads.pop()  # author-only line under the headline
        starts = (
            lead
            or continued
            or self.byline is not None
            or cur is None
            or cur.closed
            or (self.heads and block.gap >= 2)
        )
        if starts:
            self._open(lead=lead, continued=continued)
        else:
            self._flush_heads_into_current()
        cur = self.current
        assert cur is not None
        credit = None
        for i, line in enumerate(block.lines):
            if i == 0 and up and continued:
                line = line[up.end():].strip()
            line = self._strip_jump(cur, line)
            found = _INLINE_CREDIT.search(line)
            if found and _is_credit(found.group(1)):
                credit, line = found.group(1), line[: found.start()].rstrip()
            if line:
                cur.paras.append(_Para(line, block.gap if i == 0 else 0, False))
        if credit is not None:
            self._credit(_Block([credit], 0, "credit"))

    def _open(self, lead: bool, continued: bool) -> None:
        units = _units(self.heads)
        signed = self.byline is not None
        title: list[str] | None = units[0] if units else None
        extra = units[1:]
        if (lead or signed) and self.orphans and (title is None or _is_label(title)):
            title = self.orphans.popleft()  # the label above the body was a column label
        else:
            self.orphans.clear()  # only the articles right after a headline block claim its extras
        self.orphans.extend(extra)
        draft = _Draft(title=_squash(" ".join(title)) if title else None, paras=[], lead=lead,
                       signed=signed, continued=continued)
        if self.byline is not None:
            draft.byline = _squash(self.byline.text)
            draft.add_reporters(parse_byline(self.byline.text))
        self.drafts.append(draft)
        self.heads = []
        self.byline = None
        self.continued = False

    def _strip_jump(self, draft: _Draft, line: str) -> str:
        """A trailing （下转第三版） ends the article; it is noted, not kept in the body."""
        m = _JUMP.search(line)
        if m and m.end() == len(line) and m.group(1) not in ("上接", "接"):
            draft.continued_to = m.group(2)
            draft.closed = True
            return line[: m.start()].rstrip()
        return line

    def _jump(self, text: str) -> None:
        m = _JUMP.search(text)
        assert m
        if m.group(1) in ("上接", "接"):
            self.continued = True  # the following body opens the continued story
            return
        self._flush_heads_into_current()
        cur = self.current
        if cur is not None:
            cur.continued_to = m.group(2)
            cur.closed = True

    def _credit(self, block: _Block) -> None:
        self._flush_heads_into_current()
        cur = self.current
        if cur is None:
            return
        names = parse_byline(block.text)
        split_at = self._photo_title_index(cur)
        if split_at is not None:
            photo = _Draft(title=_squash(cur.paras[split_at].text), paras=cur.paras[split_at + 1:])
            del cur.paras[split_at:]
            self.drafts.append(photo)
            cur = photo
        if split_at is not None or (not cur.lead and not cur.signed and len(cur.paras) <= PHOTO_LOOKBACK
                                    and sum(len(p.text) for p in cur.paras) <= PHOTO_MAX_CHARS):
            cur.photo = True
            cur.byline = cur.byline or _squash(block.text)
            cur.closed = True  # the photo item ends at its credit; a credit inside a story does not
        cur.add_reporters(names)

    @staticmethod
    def _photo_title_index(draft: _Draft) -> int | None:
        """A photo item printed inside another article's run of text: the last headline-shaped
        paragraph within a few paragraphs before the credit is its caption headline."""
        lo = max(1, len(draft.paras) - PHOTO_LOOKBACK - 1)
        size = 0
        for i in range(len(draft.paras) - 1, lo - 1, -1):
            para = draft.paras[i]
            if para.head and size:
                return i
            size += len(para.text)
            if size > PHOTO_MAX_CHARS:
                return None
        return None

    def _flush_heads_into_current(self) -> None:
        """Headline-shaped lines that did not open an article are subheads or captions of the
        current one (or cut lines, re-joined later)."""
        cur = self.current
        if cur is not None:
            for block in self.heads:
                cur.paras.append(_Para(" ".join(block.lines), block.gap, True, len(block.lines) > 1))
            if self.byline is not None:
                cur.add_reporters(parse_byline(self.byline.text))
        self.heads = []
        self.byline = None


# ---------------------------------------------------------------------------------------------
# Pass 3: bodies.


def _joins(left: _Para, right: _Para) -> bool:
    """Does `right` continue the sentence that `left` leaves unfinished?"""
    if _ends_final(left.text):
        return False
    if right.head and not _ends_final(right.text) and not _looks_cut(right.text):
        return False  # a subhead or caption follows
    if not left.head:
        return True  # a long line broken off mid-sentence
    if left.gap >= 2 or right.text[0] in _OPEN_QUOTES or _NEWS_LEAD.match(right.text):
        return False  # a short line in its own box is a caption; a quote opens a paragraph
    return not left.multi and _looks_cut(left.text)


def _is_caption(para: _Para) -> bool:
    return para.gap >= 2 and len(para.text) <= MAX_CAPTION_LEN


def _assemble(paras: list[_Para]) -> list[str]:
    """Re-join paragraphs cut by column breaks; a photo caption dropped between the two halves
    is moved after the re-joined paragraph."""
    out: list[str] = []
    i = 0
    while i < len(paras):
        cur = paras[i]
        pieces = [cur.text]
        held: list[str] = []
        i += 1
        while i < len(paras) and not _ends_final(pieces[-1]):
            nxt = paras[i]
            if _is_caption(nxt) and i + 1 < len(paras) and paras[i + 1].gap <= 1 \
                    and _joins(cur, paras[i + 1]):
                held.append(nxt.text)
                nxt = paras[i + 1]
                i += 1
            elif not _joins(cur, nxt):
                break
            pieces.append(nxt.text)
            cur = _Para(nxt.text, cur.gap, False)  # what follows is judged against body text
            i += 1
        out.append("".join(pieces))
        out.extend(held)
    return out


def _take_title(draft: _Draft) -> str:
    """An article printed without a headline above it (byline first, headline set beside the
    lead) takes the first subhead-shaped paragraph that is not a cut line; failing that, the
    start of its first sentence."""
    if draft.title:
        return draft.title
    for i, para in enumerate(draft.paras[:TITLE_SEARCH]):
        if para.head and (para.multi or not _looks_cut(para.text)):
            return _squash(draft.paras.pop(i).text)
    first = draft.paras[0].text if draft.paras else ""
    first = _NEWS_LEAD.sub("", first)
    return re.split(r"[。！？!?；;]", first, maxsplit=1)[0][:30]


def _kind(draft: _Draft, body: str) -> str:
    if draft.photo:
        return "photo"
    if draft.continued:
        return "continued"
    if draft.lead:
        return "news"
    return "feature" if len(body) >= FEATURE_MIN_CHARS else "news"


def _lead_byline(body: str) -> tuple[str | None, tuple[str, ...]]:
    m = _NEWS_LEAD.match(body)
    if not m or not re.search(r"[（(]", m.group(0)):
        return None, ()
    return m.group(0).strip(), parse_byline(m.group(0))


def split_articles(issue_id: str, text: str) -> list[Article]:
    """Split one normalised issue into articles, in printed order."""
    walker = _Walker()
    for block in _blocks(text):
        walker.feed(block)
    articles: list[Article] = []
    for draft in walker.finish():
        title = _take_title(draft)
        body = "\n".join(_assemble(draft.paras))
        if not body.strip():
            continue
        byline, names = _lead_byline(body)
        reporters = tuple(dict.fromkeys(names + draft.reporters))
        seq = len(articles) + 1
        articles.append(Article(
            article_id=f"{issue_id}-{seq:03d}",
            issue_id=issue_id,
            seq=seq,
            title=title,
            kind=_kind(draft, body),
            reporters=reporters,
            body=body,
            byline=byline or draft.byline,
            continued_to=draft.continued_to,
        ))
    return articles
