"""Plain-text tables that line up with CJK text (wide characters take two columns)."""
from __future__ import annotations

import unicodedata
from typing import Any, Sequence


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any) -> str:
    text = "NULL" if value is None else str(value)
    return text.replace("\n", " ")


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60) -> str:
    if not columns:
        return "(no result)"
    cells = [[_cell(v) for v in row] for row in rows]
    cells = [[c if display_width(c) <= max_width else _truncate(c, max_width) for c in row] for row in cells]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = "+".join("-" * (w + 2) for w in widths)
    out = [" | ".join(_pad(c, w) for c, w in zip(columns, widths)), line]
    out += [" | ".join(_pad(c, w) for c, w in zip(row, widths)) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _truncate(text: str, width: int) -> str:
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"
