"""Sentence spans in an article body.

Facts keep the sentence they come from as evidence, and their character spans point into the
article body, so sentences are returned with their offsets rather than as bare strings.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Iterator

# A sentence ends at 。！？； (full or half width) or a line break, and takes any closing
# quotes/brackets that follow the stop with it.
_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n|$)")


@dataclasses.dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the body
    end: int  # exclusive

    def span_of(self, start_in_sentence: int, end_in_sentence: int) -> tuple[int, int]:
        """Translate a span inside the sentence into a span inside the body."""
        return self.start + start_in_sentence, self.start + end_in_sentence


def split_sentences(body: str) -> Iterator[Sentence]:
    """Yield the non-blank sentences of `body` with their spans (whitespace trimmed)."""
    for match in _SENTENCE.finditer(body):
        raw = match.group(0)
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        start = match.start() + lead
        yield Sentence(text=text, start=start, end=start + len(text))
