"""One decoded issue (plain text) → articles.

The text is what a PDF/e-paper or web export leaves of a printed page: paragraphs separated
by blank lines, headlines as short lines, section markers ('第A02版', '要闻') at the top of a
page; in page exports also column breaks that cut a paragraph in two, photo captions and
column labels dropped wherever the layout put them. The splitter works in three passes:

1. blocks.py — cut the text into blocks and classify each by its shape (headline, byline,
   photo credit, jump note, page furniture, body), and judge the issue's style: clean text or
   a page whose columns break paragraphs, and the gap that sets boxes apart;
2. walker.py — walk the blocks and open a new article on a news lead, a byline, a headline
   after a closed article or in its own box, and in clean text on the page's shape
   (headline + paragraph after a finished story, a paragraph alone in its box);
3. bodies.py — per article, re-join paragraphs broken mid-sentence and derive the title
   (titles.py: stacked headline lines, or the opening phrase), the kind and the reporters
   (bylines.py: every common byline and lead form, half- and full-width brackets).

Traditional-character articles are read through the simplified view (script.py: same length,
character for character); what is stored is the text as printed. Everything is a single
linear scan, so 50 MB inputs are fine.
"""
from __future__ import annotations

from ..records import Article
from .blocks import split_blocks, style_of
from .bodies import assemble, kind_of, lead_byline, take_title
from .bylines import parse_byline
from .walker import Walker

__all__ = ["parse_byline", "split_articles"]


def split_articles(issue_id: str, text: str) -> list[Article]:
    """Split one normalised issue into articles, in printed order."""
    found = split_blocks(text)
    style = style_of(found)
    walker = Walker(style)
    for block in found:
        walker.feed(block)
    articles: list[Article] = []
    for draft in walker.finish():
        title = take_title(draft, style)
        body = "\n".join(assemble(draft.paras, style.clean))
        if not body.strip():
            continue
        byline, names = lead_byline(body)
        reporters = tuple(dict.fromkeys(names + draft.reporters))
        seq = len(articles) + 1
        articles.append(Article(
            article_id=f"{issue_id}-{seq:03d}",
            issue_id=issue_id,
            seq=seq,
            title=title,
            kind=kind_of(draft, body, style),
            reporters=reporters,
            body=body,
            byline=byline or draft.byline,
            continued_to=draft.continued_to,
        ))
    return articles
