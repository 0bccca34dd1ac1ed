"""Entity tagging in CLUENER's label format, for `wenling ner`.

A first version built on the warehouse's own entity finder: companies, organisations
(split into government bodies and other organisations), people and places, plus positions
(job titles) from a lexicon pattern.
"""
from __future__ import annotations

import re

from .entities import find_mentions
from .records import Article

_GOVERNMENT = re.compile(r"(政府|人民政府|局|厅|部|委员会|委|办公室|办|人大|政协|法院|检察院|公安|街道办事处|管委会)$")
_POSITION = re.compile(
    r"(?:副)?(?:总经理|董事长|总裁|经理|主任|书记|市长|县长|镇长|省长|局长|厅长|部长|主席|委员|院长|校长|所长|"
    r"处长|科长|队长|会长|秘书长|总监|总工程师|工程师|教授|记者|通讯员|主持人|负责人|代表|村主任|站长)"
)
_TYPE_OF = {"company": "company", "person": "name", "place": "address"}


def tag_text(text: str) -> dict[str, dict[str, list[list[int]]]]:
    """text → {TYPE: {surface: [[start, end_inclusive], ...]}} (CLUENER's format)."""
    article = Article(article_id="ner", issue_id="ner", seq=1, title="", kind="news", reporters=(), body=text)
    labels: dict[str, dict[str, list[list[int]]]] = {}

    def add(kind: str, start: int, end: int) -> None:
        spans = labels.setdefault(kind, {}).setdefault(text[start:end], [])
        if [start, end - 1] not in spans:
            spans.append([start, end - 1])

    for mention in find_mentions(article):
        if mention.entity_type == "organization":
            kind = "government" if _GOVERNMENT.search(mention.surface) else "organization"
        else:
            kind = _TYPE_OF.get(mention.entity_type)
        if kind:
            add(kind, mention.start_char, mention.end_char)
    for match in _POSITION.finditer(text):
        add("position", match.start(), match.end())
    return labels
