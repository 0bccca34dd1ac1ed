"""Which reported figures a chart may join with a line: like with like.

A line between two points says "the same quantity, measured the same way, changed". That holds
only for the same metric, the same scope (above-designated-size firms, 规上, or all) and the
same kind of period: a year with a year, January–November with January–November. An annual
output of 650亿元 and an eleven-month figure of 211.6亿元 are not a fall of two thirds.
Figures without a comparable kind of period (as-of dates, targets, unknown) join nothing.
"""
from __future__ import annotations

import re

# Clause boundaries: a scope word counts only in the clause that holds the figure.
_CLAUSE_END = re.compile(r"[，,；;。！？!?：:]")
_ABOVE_SCALE = re.compile(r"规上|规模以上|限上|限额以上")


def period_kind(label: str | None) -> str | None:
    """The kind of a marts.metrics.period_label, or None when it compares with nothing.

    '2023' → 'year'; '2024H1' → 'H1'; '2024Q3' → 'Q3'; '2024-01..2024-11' → 'months 01..11'
    (year to date, or any run of months within one year); '2024-05' → 'month 05'.
    """
    if not label:
        return None
    if re.fullmatch(r"\d{4}", label):
        return "year"
    if m := re.fullmatch(r"\d{4}(H[12]|Q[1-4])", label):
        return m[1]
    if m := re.fullmatch(r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})", label):
        return f"months {m[2]}..{m[4]}" if m[1] == m[3] else None
    if m := re.fullmatch(r"\d{4}-(\d{2})", label):
        return f"month {m[1]}"
    return None


def scope(text_before_figure: str) -> str:
    """'above_scale' when the figure's own clause says 规上/规模以上 (or 限上 for trade), else 'all'."""
    clause = _CLAUSE_END.split(text_before_figure)[-1]
    return "above_scale" if _ABOVE_SCALE.search(clause) else "all"


def line_group(metric: str, period_label: str | None, text_before_figure: str) -> str | None:
    """The key two figures of one subject must share to be joined by a line; None: a lone point."""
    kind = period_kind(period_label)
    if kind is None:
        return None
    return f"{metric}|{scope(text_before_figure)}|{kind}"
