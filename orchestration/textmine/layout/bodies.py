"""Pass 3: per draft, re-join paragraphs broken mid-sentence (stepping over photo captions that
the export dropped in between), and derive its title, kind and the byline of its lead.
"""
from __future__ import annotations

import re

from ..script import to_simplified
from .blocks import Style
from .bylines import lead_of, names_in
from .shapes import MAX_CAPTION_LEN, OPEN_QUOTES, ends_final, looks_cut, squash
from .titles import opening_phrase
from .walker import Draft, Para

TITLE_SEARCH = 6  # a headline set beside the lead comes within the first few paragraphs
FEATURE_MIN_CHARS = 800  # unsigned pieces shorter than this are plain news
LEAD_SPAN = 160  # a lead and its byline fit in the first characters of a paragraph


def _opens_with_lead(text: str) -> bool:
    return lead_of(to_simplified(text[:LEAD_SPAN])) is not None


def joins(left: Para, right: Para, clean: bool = False) -> bool:
    """Does `right` continue the sentence that `left` leaves unfinished? (In clean text only
    a paragraph can run on: a headline-shaped line there is a subhead.)"""
    if ends_final(left.text) or (clean and (left.head or right.head)):
        return False
    if right.head and not ends_final(right.text) and not looks_cut(right.text):
        return False  # a subhead or caption follows
    if not left.head:
        return True  # a long line broken off mid-sentence
    if left.gap >= 2 or right.text[0] in OPEN_QUOTES or _opens_with_lead(right.text):
        return False  # a short line in its own box is a caption; a quote opens a paragraph
    return not left.multi and looks_cut(left.text)


def _is_caption(para: Para) -> bool:
    return para.gap >= 2 and len(para.text) <= MAX_CAPTION_LEN


def assemble(paras: list[Para], clean: bool = False) -> list[str]:
    """Re-join paragraphs cut by column breaks; a photo caption dropped between the two halves
    is moved after the re-joined paragraph."""
    out: list[str] = []
    i = 0
    while i < len(paras):
        cur = paras[i]
        pieces = [cur.text]
        held: list[str] = []
        i += 1
        while i < len(paras) and not ends_final(pieces[-1]):
            nxt = paras[i]
            if _is_caption(nxt) and i + 1 < len(paras) and paras[i + 1].gap <= 1 \
                    and joins(cur, paras[i + 1], clean):
                held.append(nxt.text)
                nxt = paras[i + 1]
                i += 1
            elif not joins(cur, nxt, clean):
                break
            pieces.append(nxt.text)
            cur = Para(nxt.text, cur.gap, False)  # what follows is judged against body text
            i += 1
        out.append("".join(pieces))
        out.extend(held)
    return out


def take_title(draft: Draft, style: Style) -> str:
    """An article printed without a headline above it: on a broken page (byline first,
    headline set beside the lead) the first subhead-shaped paragraph that is not a cut line;
    otherwise the opening phrase of its first sentence."""
    if draft.title:
        return draft.title
    if not style.clean:
        for i, para in enumerate(draft.paras[:TITLE_SEARCH]):
            if para.head and (para.multi or not looks_cut(para.text)):
                return squash(draft.paras.pop(i).text)
    first = draft.paras[0].text if draft.paras else ""
    return opening_phrase(first)


def kind_of(draft: Draft, body: str, style: Style) -> str:
    if draft.photo:
        return "photo"
    if draft.continued:
        return "continued"
    if draft.lead or len(body) < FEATURE_MIN_CHARS:
        return "news"
    if style.clean:  # a long story is a feature when it is set in sections under subheads
        return "feature" if any(p.head for p in draft.paras) else "news"
    return "feature"


def lead_byline(body: str) -> tuple[str | None, tuple[str, ...]]:
    """The lead of the body with its bracketed byline, and the names in it."""
    head = body[:LEAD_SPAN]
    view = to_simplified(head)
    m = lead_of(view)
    if not m or not re.search(r"[（(]", m.group(0)):
        return None, ()
    return head[: m.end()].strip(), names_in(view[: m.end()], head[: m.end()])
