"""Pass 1: the issue's text → blocks, each with its kind, and the issue's style.

A block is a run of lines between blank lines; it remembers how many blank lines came before
(a wider gap than between paragraphs marks a separate box on the page). A block that holds
whole paragraphs one per line (papers that do not leave a blank line between paragraphs) is
cut into one block per paragraph, keeping a stack of short headline lines together.

Kinds: head (headline-shaped), body, byline, credit (photo credit), jump (下转/上接 note),
furniture (masthead, contacts — dropped). Page and section markers ('第A02版', '要闻') are
read as blank lines. Every test runs on the simplified view of the line; the printed line is
kept for the output.
"""
from __future__ import annotations

import collections
import dataclasses
import re

from ..script import to_simplified
from .bylines import is_byline_line, is_credit, trailing_author
from .markers import is_furniture, is_page_marker
from .shapes import JUMP, MAX_HEAD_LEN, ends_final, is_heading_line

# Share of paragraphs left unfinished (cut by a column break), above which the issue is a
# page export whose columns break paragraphs; under it, the text is clean (web or e-paper).
CUT_SHARE = 0.03
LONG_HEAD_LEN = 64  # web headlines run longer than printed ones
WRAP_MIN = 16  # text wrapped at a fixed width has lines at least this long


@dataclasses.dataclass
class Block:
    lines: list[str]  # as printed
    view: list[str]  # simplified, same lengths
    gap: int  # blank lines before the block
    kind: str = "body"  # head | body | byline | credit | jump | furniture

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    @property
    def view_text(self) -> str:
        return " ".join(self.view)


@dataclasses.dataclass(frozen=True)
class Style:
    clean: bool = False  # paragraphs end with a stop: no column breaks in the text
    box_gap: int = 2  # blank lines that set a box (an article) apart
    boxed: bool = False  # some story after the first is set apart by such a gap


def split_blocks(text: str) -> list[Block]:
    view = to_simplified(text)
    out: list[Block] = []
    lines: list[str] = []
    views: list[str] = []
    gap = blank = 0
    for raw, raw_view in zip(text.split("\n"), view.split("\n")):
        line, line_view = raw.strip(), raw_view.strip()
        if line and not is_page_marker(line_view):
            if not lines:
                gap, blank = blank, 0
            lines.append(line)
            views.append(line_view)
            continue
        if lines:
            out.extend(_pieces(lines, views, gap))
            lines, views = [], []
        blank += 1
    if lines:
        out.extend(_pieces(lines, views, gap))
    for block in out:
        block.kind = _classify(block)
    return out


def _pieces(lines: list[str], views: list[str], gap: int) -> list[Block]:
    """One block, or one per paragraph when the lines are whole paragraphs. A byline on its own
    line under a headline ('记者 张三 报道') is a block of its own, never a line of the headline."""
    for k in range(1, len(lines)):
        if not is_heading_line(views[k - 1]):
            break
        if len(views[k]) <= MAX_HEAD_LEN and is_byline_line(views[k]):
            rest = _pieces(lines[k + 1:], views[k + 1:], 0) if k + 1 < len(lines) else []
            return [*_pieces(lines[:k], views[:k], gap), Block([lines[k]], [views[k]], 0), *rest]
    if len(lines) == 1 or not any(ends_final(v) for v in views) \
            or not all(ends_final(v) or is_heading_line(v) for v in views) or _wrapped(views):
        return [Block(lines, views, gap)]  # a headline stack, a credit, a wrapped paragraph
    out: list[Block] = []
    for line, view in zip(lines, views):
        short = is_heading_line(view)
        if out and short and all(is_heading_line(v) for v in out[-1].view):
            out[-1].lines.append(line)  # a headline set on two lines stays one block
            out[-1].view.append(view)
        else:
            out.append(Block([line], [view], gap if not out else 0))
    return out


def _wrapped(views: list[str]) -> bool:
    """Lines broken at a fixed width: an unfinished line as long as the longest one."""
    width = max(len(v) for v in views)
    return width >= WRAP_MIN and any(not ends_final(v) and len(v) >= width - 1 for v in views)


def _classify(block: Block) -> str:
    text = block.view_text
    if JUMP.fullmatch(text.strip()):
        return "jump"
    heading = all(is_heading_line(line) for line in block.view)
    if heading and is_furniture(text):
        return "furniture"  # before bylines: '责任编辑 张三' is not a reporter
    if len(text) <= MAX_HEAD_LEN:
        if is_credit(text):
            return "credit"
        if is_byline_line(text):
            return "byline"
    return "head" if heading else "body"


def _long_headline(block: Block, nxt: Block | None) -> bool:
    """A line too long for a printed headline, but shaped like one (no stop, at most two
    commas) and followed by a paragraph: a web headline."""
    s = block.view[0]
    return (len(block.view) == 1 and nxt is not None and nxt.kind in ("body", "byline")
            and len(s) <= LONG_HEAD_LEN and not ends_final(s) and re.search(r"[。；;]", s) is None
            and s[-1] not in "，、：:,（(“" and s.count("，") + s.count(",") <= 2)


def style_of(found: list[Block]) -> Style:
    """Clean or column-broken text, and the gap that separates boxes. In clean text, long
    headline-shaped lines become headlines."""
    long_heads = [b for b, nxt in zip(found, found[1:] + [None]) if b.kind == "body" and _long_headline(b, nxt)]
    body = [b for b in found if b.kind == "body" and not any(b is h for h in long_heads)]
    cut = 0
    for block in body:
        last = block.view[-1]
        signed = trailing_author(last)
        if signed is not None:
            last = last[: signed[0]]
        if not ends_final(last) and not JUMP.search(last):
            cut += 1
    # the gap between paragraphs: the commonest between two body blocks (the smaller on a tie)
    gaps = collections.Counter(b.gap for a, b in zip(found, found[1:]) if a.kind == b.kind == "body")
    box_gap = (min(gaps, key=lambda g: (-gaps[g], g)) if gaps else 1) + 1
    first = next((i for i, b in enumerate(found) if b.kind == "body"), len(found))
    boxed = any(b.gap >= box_gap for b in found[first + 1:])
    clean = cut <= 1 + CUT_SHARE * len(body)
    if clean:
        for block in long_heads:
            block.kind = "head"
    return Style(clean=clean, box_gap=box_gap, boxed=boxed)
