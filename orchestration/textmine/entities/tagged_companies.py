"""Company names no rule of `companies.py` finds: the character CRF of `ner.py` (labels
company, organization, government) and a short list of brands known across China.

The tagger finds names no lexicon holds (清河光电, 东岙恒远新材料股份有限公司) but also
phrases (冷链仓储, 某某网新闻); a tagged span counts as a company only when it is a full name
(it ends in a company suffix) or a brand before an industry word (沪光汽车), and a full name
the suffix rule cut short takes the tagger's start when that start is no verb."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from .. import lexicons
from ..sentences import split_sentences
from .common import COMPANY_SUFFIX, Span, overlaps

KNOWN_COMPANIES = Path(__file__).resolve().parent.parent / "lexicon" / "companies_known.txt"

# Industry words a tagged short form may end in (beyond companies.py's short-form words).
TAGGED_TAIL = re.compile(
    r"(?:汽车|能源|新能源|材料|新材料|科技|股份|集团|控股|电子|电气|电器|机械|激光|光电|医药|药业|生物|医疗|智能|"
    r"数控|机床|泵业|电机|实业|食品|水产|鞋业|服饰|纺织|化工|精工|模具|汽配|传媒|文化|环境|环保|光伏|储能|半导体|芯片)$"
)

_TAIL_ANYWHERE = re.compile(TAGGED_TAIL.pattern.removesuffix("$"))


@functools.cache
def known_brands() -> tuple[str, ...]:
    lines = KNOWN_COMPANIES.read_text(encoding="utf-8").splitlines()
    return tuple(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@functools.cache
def _known_re() -> re.Pattern[str]:
    return re.compile(lexicons.alternation(known_brands()))


# The spans of the bodies of the issue being read (see `prefetch`), by body.
_PREFETCHED: dict[str, list[tuple[int, int]]] = {}


def prefetch(bodies: list[str]) -> None:
    """Tag every sentence of an issue's bodies in one batch, for `tagged_spans` to read.

    The tagger's Viterbi steps once per character position of a batch, whatever the number of
    texts in it, so one batch for the issue instead of one per article is several times faster.
    Holds one issue: the next call forgets the last.
    """
    _PREFETCHED.clear()
    _PREFETCHED.update(zip(bodies, _tag_bodies(bodies)))


def tagged_spans(body: str) -> list[tuple[int, int]]:
    """[start, end) of every span the CRF tags as a company (prefetched with its issue, or now)."""
    found = _PREFETCHED.get(body)
    return list(found) if found is not None else _tag_bodies([body])[0]


def _tag_bodies(bodies: list[str]) -> list[list[tuple[int, int]]]:
    """Sentence by sentence, all bodies in one batch: the tagger steps through the characters
    of a batch's texts together, and it was trained on sentences."""
    from ..ner import tagger  # numpy and the model load on first use only
    from ..ner.features import tags_to_spans

    # Only sentences where a tagged span could count: one ending a full name, or a brand before
    # an industry word. The rest are never tagged (the same output; most sentences of a paper).
    sentences = [(b, sent) for b, body in enumerate(bodies) for sent in split_sentences(body)
                 if COMPANY_SUFFIX.search(sent.text) or _TAIL_ANYWHERE.search(sent.text)]
    out: list[list[tuple[int, int]]] = [[] for _ in bodies]
    if not sentences:
        return out
    try:
        crf = tagger()
    except (FileNotFoundError, RuntimeError):
        return out  # no model, or one of other features (being retrained): the rules still run
    for (b, sent), tags in zip(sentences, crf.tag_batch([s.text for _, s in sentences])):
        out[b] += [(sent.start + s, sent.start + e + 1) for typ, s, e in tags_to_spans(tags) if typ == "company"]
    return [sorted(spans) for spans in out]


def known_companies(body: str, taken: list[Span]) -> list[Span]:
    """Known brands, where no other name holds them (海尔集团有限公司 is already a name)."""
    return [Span(m.start(), m.end(), "company", m.group(0)) for m in _known_re().finditer(body)
            if not overlaps(m.start(), m.end(), taken)]


def tagged_short_forms(body: str, tagged: list[tuple[int, int]], taken: list[Span], valid_brand) -> list[Span]:
    """Tagged spans of a 2–4 character brand and an industry word (沪光汽车)."""
    out: list[Span] = []
    for start, end in tagged:
        name = body[start:end]
        tail = TAGGED_TAIL.search(name)
        if not tail or not 2 <= tail.start() <= 4 or not valid_brand(name[:tail.start()]):
            continue
        if overlaps(start, end, taken) or overlaps(start, end, out):
            continue
        out.append(Span(start, end, "company", name))
    return out


def widen_full_names(body: str, full: list[Span], tagged: list[tuple[int, int]], cut_before) -> list[Span]:
    """A full name whose start the suffix rule put after a word the tagger keeps in the name
    (科创 + 新源新材料…): the tagger's start, unless a cut word opens the widened part."""
    ends = {e: s for s, e in tagged}
    out = []
    for span in full:
        start = ends.get(span.end)
        if start is not None and start < span.start and not cut_before(body[start:span.start]):
            span = Span(start, span.end, "company", body[start:span.end])
        out.append(span)
    return out
