"""Pass 2: walk the blocks and cut them into draft articles.

A new article opens only on a strong signal: a news lead (本报讯, XX网讯, a dateline …电), a
byline line, a headline after a closed article (下转 note, photo credit), or a headline whose
body stands in its own box. In clean text (no column breaks: every paragraph ends with a
stop) the page's shape is trusted too: after a finished paragraph, a headline in its own box,
a headline-shaped line followed by a paragraph (in issues that do not set stories apart by
wider gaps), or a paragraph standing alone in its own box (a story printed without headline)
opens an article. Other headline-shaped lines inside an article are subheads, captions or
lines cut by a column break.
"""
from __future__ import annotations

import dataclasses
import re
from collections import deque

from .blocks import Block, Style
from .bylines import INLINE_CREDIT, is_author, is_credit, lead_of, names_in, trailing_author
from .shapes import JUMP, ends_final, squash
from .titles import is_label, is_section_head, is_subhead, units

PHOTO_LOOKBACK = 4  # a photo item is a caption headline + at most a few paragraphs
PHOTO_MAX_CHARS = 400  # ... of caption text; a longer run is an article's last section
STORY_MIN_CHARS = 20  # a first paragraph is a sentence with a clause or two; ...
CAPTION_START = re.compile(r"^[（(]?(?:图为|图片|上图|下图|左图|右图|图[:：/])")  # ... a caption says so


@dataclasses.dataclass
class Para:
    text: str
    gap: int
    head: bool  # came from a headline-shaped block (subhead, caption, cut line)
    multi: bool = False  # printed as several lines in one block (a headline set as a unit)


@dataclasses.dataclass
class Draft:
    title: str | None
    paras: list[Para]
    byline: str | None = None
    reporters: tuple[str, ...] = ()
    lead: bool = False  # starts with a news lead (本报讯, …电)
    signed: bool = False  # had a byline line / author line
    continued: bool = False  # 上接: continuation of another page's story
    continued_to: str | None = None
    photo: bool = False
    closed: bool = False  # 下转 note or photo credit: the next headline starts a new article

    def add_reporters(self, names: tuple[str, ...]) -> None:
        self.reporters = tuple(dict.fromkeys(self.reporters + names))


def _names(block: Block) -> tuple[str, ...]:
    return names_in(block.view_text, block.text)


class Walker:
    """Pass 2 state: the articles so far, headlines waiting for a body, and orphan headlines
    (front pages print several headlines together; the extra ones go, in order, to the
    articles right after that have none of their own)."""

    def __init__(self, style: Style | None = None) -> None:
        self.style = style or Style()
        self.drafts: list[Draft] = []
        self.heads: list[Block] = []
        self.byline: Block | None = None
        self.orphans: deque[list[str]] = deque()
        self.continued = False  # a lone （上接第一版） was seen: the next body continues a story

    @property
    def current(self) -> Draft | None:
        return self.drafts[-1] if self.drafts else None

    def feed(self, block: Block) -> None:
        if block.kind == "furniture":
            return
        if block.kind == "head":
            self._trailing_byline()
            self.heads.append(block)
        elif block.kind == "byline":
            self.byline = block
        elif block.kind == "credit":
            self._credit(block)
        elif block.kind == "jump":
            self._jump(block.view_text)
        else:
            self._body(block)

    def finish(self) -> list[Draft]:
        self._trailing_byline()
        self._flush_heads_into_current()
        return [d for d in self.drafts if d.paras]

    # -- handlers -------------------------------------------------------------------------

    def _trailing_byline(self) -> None:
        """A byline line after a finished story and before the next headline signs that story
        ('……。' / '（记者 张三）' / next headline), not the next one."""
        cur = self.current
        if self.byline is None or self.heads or cur is None or not cur.paras or not ends_final(cur.paras[-1].text):
            return
        cur.add_reporters(_names(self.byline))
        cur.byline = cur.byline or squash(self.byline.text)
        self.byline = None

    def _body(self, block: Block) -> None:
        view = block.view[0]
        lead = lead_of(view) is not None
        up = JUMP.match(view)
        continued = (bool(up) and up.group(1) in ("上接", "接")) or self.continued
        cur = self.current
        if self.heads and self.byline is None and is_author(self.heads[-1].view_text) and len(self.heads) > 1:
            self.byline = self.heads.pop()  # author-only line under the headline
        starts = (
            lead
            or continued
            or self.byline is not None
            or cur is None
            or cur.closed
            or bool(self.heads and block.gap >= self.style.box_gap)
            or (self.style.clean and self._clean_break(block))
        )
        if starts:
            self._open(lead=lead, continued=continued)
        else:
            self._flush_heads_into_current()
        cur = self.current
        assert cur is not None
        credit = None
        for i, (line, line_view) in enumerate(zip(block.lines, block.view)):
            if i == 0 and up and continued:
                line, line_view = line[up.end():].strip(), line_view[up.end():].strip()
            line, line_view = self._strip_jump(cur, line, line_view)
            found = INLINE_CREDIT.search(line_view)
            group = (found.lastindex or 0) if found else 0
            if found and is_credit(found.group(group)):
                printed = Block([line[found.start(group):found.end(group)]], [found.group(group)], 0, "credit")
                if group == 1:
                    credit = printed  # '（记者 张三 摄）' closes a photo item
                else:
                    cur.add_reporters(_names(printed))  # '活动现场。 张三 摄': a photo inside the story
                line, line_view = line[: found.start()].rstrip(), line_view[: found.start()].rstrip()
            line = self._strip_author(cur, line, line_view)
            if line:
                cur.paras.append(Para(line, block.gap if i == 0 else 0, False))
        if credit is not None:
            self._credit(credit)

    def _clean_break(self, block: Block) -> bool:
        """In clean text, does this body open a story although nothing signs it?"""
        cur = self.current
        if cur is None or not cur.paras:
            return False
        self._keep_trailing_heads(cur)
        if self.heads and all(CAPTION_START.match(h.view_text) for h in self.heads):
            return False  # '图为……': a photo caption inside the story
        if self.heads and self.heads[0].gap >= self.style.box_gap:
            # a headline in its own box — unless a signed feature goes on to its next section
            # (a photo caption's box, then a subhead '创新突破 因地制宜…')
            return not (cur.signed and not cur.lead and is_section_head(self.heads[-1].view_text))
        if not ends_final(cur.paras[-1].text):
            return False  # the story before runs on
        if self.heads:
            if self.style.boxed:
                return False  # stories here stand in boxes: a headline inside one is a subhead
            return not any(is_subhead(h.view_text) for h in self.heads)
        # a paragraph alone in its own box: a story printed without headline (not a caption)
        first = block.view[0]
        return (block.gap >= self.style.box_gap and len(first) > STORY_MIN_CHARS and ends_final(first)
                and not CAPTION_START.match(first))

    def _keep_trailing_heads(self, cur: Draft) -> None:
        """Short lines before the box that holds the next headline end the story before (a
        signature line '东溪县人民政府'): they stay with it."""
        at = max((i for i, h in enumerate(self.heads) if h.gap >= self.style.box_gap), default=0)
        for block in self.heads[:at]:
            cur.paras.append(Para(" ".join(block.lines), block.gap, True, len(block.lines) > 1))
        del self.heads[:at]

    def _strip_author(self, draft: Draft, line: str, view: str) -> str:
        """'……。（张三）' ending a paragraph: the author goes to the reporters."""
        signed = trailing_author(view)
        if signed is None:
            return line
        start, names = signed
        if names:
            draft.add_reporters(names_in(view[start:], line[start:]))
            draft.byline = draft.byline or line[start:].strip()
        return line[:start].rstrip()

    def _open(self, lead: bool, continued: bool) -> None:
        found = units(self.heads)
        signed = self.byline is not None
        title: list[str] | None = found[0] if found else None
        extra = found[1:]
        if (lead or signed) and self.orphans and (title is None or is_label(title)):
            title = self.orphans.popleft()  # the label above the body was a column label
        else:
            self.orphans.clear()  # only the articles right after a headline block claim its extras
        self.orphans.extend(extra)
        draft = Draft(title=squash(" ".join(title)) if title else None, paras=[], lead=lead,
                      signed=signed, continued=continued)
        if self.byline is not None:
            draft.byline = squash(self.byline.text)
            draft.add_reporters(_names(self.byline))
        self.drafts.append(draft)
        self.heads = []
        self.byline = None
        self.continued = False

    @staticmethod
    def _strip_jump(draft: Draft, line: str, view: str) -> tuple[str, str]:
        """A trailing （下转第三版） ends the article; it is noted, not kept in the body."""
        m = JUMP.search(view)
        if m and m.end() == len(view) and m.group(1) not in ("上接", "接"):
            draft.continued_to = m.group(2)
            draft.closed = True
            return line[: m.start()].rstrip(), view[: m.start()].rstrip()
        return line, view

    def _jump(self, text: str) -> None:
        m = JUMP.search(text)
        assert m
        if m.group(1) in ("上接", "接"):
            self.continued = True  # the following body opens the continued story
            return
        self._flush_heads_into_current()
        cur = self.current
        if cur is not None:
            cur.continued_to = m.group(2)
            cur.closed = True

    def _credit(self, block: Block) -> None:
        self._flush_heads_into_current()
        cur = self.current
        if cur is None:
            return
        names = _names(block)
        split_at = self._photo_title_index(cur)
        if split_at is not None:
            photo = Draft(title=squash(cur.paras[split_at].text), paras=cur.paras[split_at + 1:])
            del cur.paras[split_at:]
            self.drafts.append(photo)
            cur = photo
        if split_at is not None or (not cur.lead and not cur.signed and len(cur.paras) <= PHOTO_LOOKBACK
                                    and sum(len(p.text) for p in cur.paras) <= PHOTO_MAX_CHARS):
            cur.photo = True
            cur.byline = cur.byline or squash(block.text)
            cur.closed = True  # the photo item ends at its credit; a credit inside a story does not
        cur.add_reporters(names)

    @staticmethod
    def _photo_title_index(draft: Draft) -> int | None:
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
                cur.paras.append(Para(" ".join(block.lines), block.gap, True, len(block.lines) > 1))
            if self.byline is not None:
                cur.add_reporters(_names(self.byline))
        self.heads = []
        self.byline = None
