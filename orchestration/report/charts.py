"""Small SVG charts written as text: horizontal bars, values over time, a timeline.

No JavaScript and no fonts or libraries from the network: each function returns one `<svg>`
element that a browser draws offline. Labels are CJK-aware (a wide character is counted as
one em, a narrow one as 0.6 em) so that the margins fit the longest label. Every mark can
carry a tooltip (`<title>`) and a link (an anchor into the same page, where the fact's
evidence is).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
from html import escape
from typing import Sequence

from orchestration.tables import display_width

FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei', sans-serif"
# Okabe–Ito: distinguishable for colour-blind readers, and in print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D1F", "#444444")
MUTED = "#aaaaaa"  # for "unknown" / "other"
AXIS = "#888"
GRID = "#e5e5e5"
TEXT = "#222"


def text_width(text: str, size: float) -> float:
    """Approximate rendered width: wide (CJK) characters one em, the others 0.6 em."""
    return (display_width(text) * 0.5 + sum(0.1 for ch in text if display_width(ch) == 1)) * size


def truncate(text: str, max_px: float, size: float) -> str:
    if text_width(text, size) <= max_px:
        return text
    out = ""
    for ch in text:
        if text_width(out + ch + "…", size) > max_px:
            break
        out += ch
    return out + "…"


def nice_ticks(vmax: float, n: int = 5) -> list[float]:
    """0 and round steps (1, 2, 2.5, 5 × 10^k) up to at least vmax."""
    if vmax <= 0:
        return [0.0, 1.0]
    raw = vmax / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    count = math.ceil(vmax / step - 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]


def fmt_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _svg(width: float, height: float, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="{escape(title)}" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'font-family="{escape(FONT)}" font-size="13" fill="{TEXT}">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _link(href: str | None, inner: str) -> str:
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 13, fill: str = TEXT, extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{fill}"{extra}>'
            f"{escape(text)}</text>")


@dataclasses.dataclass(frozen=True)
class Bar:
    label: str
    value: float
    note: str = ""  # printed after the value
    color: str = PALETTE[0]
    href: str | None = None
    tooltip: str = ""


def hbar_chart(bars: Sequence[Bar], title: str, unit: str = "", width: int = 760,
               legend: Sequence[tuple[str, str]] = ()) -> str:
    """One horizontal bar per row, labels on the left (long CJK labels read best that way)."""
    size, row_h = 13, 24
    label_w = min(320.0, max([text_width(b.label, size) for b in bars] + [40.0]) + 12)
    value_w = max([text_width(f"{fmt_number(b.value)}{unit} {b.note}", 12) for b in bars] + [40.0]) + 10
    top = 34 + (22 if legend else 0)
    plot_w = max(120.0, width - label_w - value_w - 20)
    height = top + row_h * max(1, len(bars)) + 28
    vmax = max([b.value for b in bars] + [0.0])
    ticks = nice_ticks(vmax)
    scale = plot_w / (ticks[-1] or 1)
    x0 = label_w
    out = [_text(0, 18, title, size=15, extra=' font-weight="600"')]
    if legend:
        out.append(_legend(legend, 0, 40))
    for t in ticks:
        x = x0 + t * scale
        out.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{top + row_h * len(bars)}" stroke="{GRID}"/>')
        out.append(_text(x, top + row_h * len(bars) + 16, fmt_number(t), "middle", 11, AXIS))
    for i, b in enumerate(bars):
        y = top + i * row_h
        w = max(1.0, b.value * scale) if b.value > 0 else 0.0
        tip = f"<title>{escape(b.tooltip or f'{b.label}: {fmt_number(b.value)}{unit} {b.note}'.strip())}</title>"
        out.append(_text(label_w - 8, y + 16, truncate(b.label, label_w - 12, size), "end", size))
        rect = f'<rect class="bar" x="{x0:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" fill="{b.color}" rx="2">{tip}</rect>'
        out.append(_link(b.href, rect))
        out.append(_text(x0 + w + 6, y + 16, f"{fmt_number(b.value)}{unit} {b.note}".strip(), size=12, fill="#444"))
    out.append(f'<line x1="{x0}" y1="{top - 4}" x2="{x0}" y2="{top + row_h * len(bars)}" stroke="{AXIS}"/>')
    return _svg(width, height, out, title)


def _legend(items: Sequence[tuple[str, str]], x: float, y: float) -> str:
    out = []
    for label, color in items:
        out.append(f'<rect x="{x:.1f}" y="{y - 10}" width="12" height="12" fill="{color}" rx="2"/>')
        out.append(_text(x + 16, y, label, size=12))
        x += 16 + text_width(label, 12) + 18
    return "".join(out)


@dataclasses.dataclass(frozen=True)
class Point:
    when: dt.date
    value: float
    label: str = ""  # printed beside the point
    href: str | None = None
    tooltip: str = ""
    hollow: bool = False  # a target or forecast, not a reported figure
    # Points of one series are joined only within the same group (report/comparable.py: same
    # metric, scope and kind of period); None: a point of its own.
    line_group: str | None = None


def _date_ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    span = (hi - lo).days
    if span > 3 * 365:
        return [(dt.date(y, 1, 1), str(y)) for y in range(lo.year, hi.year + 2)]
    months = 1 if span <= 240 else 3 if span <= 2 * 365 else 6
    ticks, y, m = [], lo.year, ((lo.month - 1) // months) * months + 1
    while dt.date(y, m, 1) <= hi + dt.timedelta(days=31 * months):
        ticks.append((dt.date(y, m, 1), f"{y}-{m:02d}" if m != 1 else f"{y}"))
        m += months
        if m > 12:
            y, m = y + 1, m - 12
    return ticks


def _date_range(dates: Sequence[dt.date]) -> tuple[dt.date, dt.date]:
    lo, hi = min(dates), max(dates)
    if (hi - lo).days < 60:
        lo, hi = lo - dt.timedelta(days=45), hi + dt.timedelta(days=45)
    return lo, hi


def time_chart(series: dict[str, Sequence[Point]], title: str, unit: str = "", width: int = 760, height: int = 340,
               colors: dict[str, str] | None = None) -> str:
    """Values over time, one colour per series, each point labelled with its value; a line joins
    the points of a series that share a `line_group` (figures that compare), and nothing else."""
    points = [p for pts in series.values() for p in pts]
    if not points:
        return empty_chart(title, "没有可画的数据")
    left, right, top, bottom = 64, 24, 34 + 22 * math.ceil(len(series) / 4), 36
    plot_w, plot_h = width - left - right, height - top - bottom
    lo, hi = _date_range([p.when for p in points])
    ticks = _date_ticks(lo, hi)
    lo, hi = min(lo, ticks[0][0]), max(hi, ticks[-1][0])
    xspan = max(1, (hi - lo).days)
    yticks = nice_ticks(max(p.value for p in points))

    def x(d: dt.date) -> float:
        return left + (d - lo).days / xspan * plot_w

    def y(v: float) -> float:
        return top + plot_h - v / (yticks[-1] or 1) * plot_h

    out = [_text(0, 18, title, size=15, extra=' font-weight="600"')]
    color_of = {name: (colors or {}).get(name, PALETTE[i % len(PALETTE)]) for i, name in enumerate(series)}
    legend = list(color_of.items())
    for row in range(0, len(legend), 4):
        out.append(_legend(legend[row:row + 4], left, 40 + 22 * (row // 4)))
    for t in yticks:
        out.append(f'<line x1="{left}" y1="{y(t):.1f}" x2="{left + plot_w}" y2="{y(t):.1f}" stroke="{GRID}"/>')
        out.append(_text(left - 6, y(t) + 4, fmt_number(t), "end", 11, AXIS))
    if unit:
        out.append(_text(left - 6, top - 8, unit, "end", 11, AXIS))
    for d, label in ticks:
        if lo <= d <= hi:
            out.append(f'<line x1="{x(d):.1f}" y1="{top + plot_h}" x2="{x(d):.1f}" y2="{top + plot_h + 4}" stroke="{AXIS}"/>')
            out.append(_text(x(d), top + plot_h + 18, label, "middle", 11, AXIS))
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="{AXIS}"/>')
    for name, pts in series.items():
        color = color_of[name]
        ordered = sorted(pts, key=lambda p: p.when)
        lines: dict[str, list[Point]] = {}
        for p in ordered:
            if not p.hollow and p.line_group is not None:
                lines.setdefault(p.line_group, []).append(p)
        for group in lines.values():
            if len(group) > 1:
                path = " ".join(f"{'M' if j == 0 else 'L'}{x(p.when):.1f},{y(p.value):.1f}" for j, p in enumerate(group))
                out.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for p in ordered:
            fill = "#fff" if p.hollow else color
            tip = escape(p.tooltip or f"{name} {p.when}: {fmt_number(p.value)}{unit}")
            dot = (f'<circle class="point" cx="{x(p.when):.1f}" cy="{y(p.value):.1f}" r="5" fill="{fill}" '
                   f'stroke="{color}" stroke-width="2"><title>{tip}</title></circle>')
            out.append(_link(p.href, dot))
            if p.label:  # right of the point (left of it near the edge); targets below, reports above
                right_side = x(p.when) + 8 + text_width(p.label, 11) <= width
                out.append(_text(x(p.when) + (8 if right_side else -8), y(p.value) + (17 if p.hollow else -7), p.label,
                                 "start" if right_side else "end", size=11, fill=color))
    return _svg(width, height, out, title)


@dataclasses.dataclass(frozen=True)
class Mark:
    when: dt.date
    lane: str
    tooltip: str
    href: str | None = None
    approximate: bool = False  # the date is known to the month or year only


def timeline(marks: Sequence[Mark], title: str, lanes: Sequence[str] = (), width: int = 760,
             colors: dict[str, str] | None = None) -> str:
    """One row (lane) per kind of event, one dot per event at its date."""
    if not marks:
        return empty_chart(title, "没有带日期的事件")
    lanes = list(lanes) or sorted({m.lane for m in marks})
    lanes = [lane for lane in lanes if any(m.lane == lane for m in marks)]
    lane_h, top, bottom = 26, 34, 36
    left = max(text_width(lane, 13) for lane in lanes) + 16
    plot_w = width - left - 20
    height = top + lane_h * len(lanes) + bottom
    lo, hi = _date_range([m.when for m in marks])
    ticks = _date_ticks(lo, hi)
    lo, hi = min(lo, ticks[0][0]), max(hi, ticks[-1][0])
    xspan = max(1, (hi - lo).days)

    def x(d: dt.date) -> float:
        return left + (d - lo).days / xspan * plot_w

    out = [_text(0, 18, title, size=15, extra=' font-weight="600"')]
    for d, label in ticks:
        if lo <= d <= hi:
            out.append(f'<line x1="{x(d):.1f}" y1="{top}" x2="{x(d):.1f}" y2="{top + lane_h * len(lanes)}" stroke="{GRID}"/>')
            out.append(_text(x(d), top + lane_h * len(lanes) + 18, label, "middle", 11, AXIS))
    for i, lane in enumerate(lanes):
        cy = top + i * lane_h + lane_h / 2
        color = (colors or {}).get(lane, PALETTE[i % len(PALETTE)])
        out.append(_text(left - 8, cy + 4, lane, "end"))
        out.append(f'<line x1="{left}" y1="{cy}" x2="{left + plot_w}" y2="{cy}" stroke="{GRID}" stroke-dasharray="2,3"/>')
        for m in (m for m in marks if m.lane == lane):
            fill = "#fff" if m.approximate else color
            dot = (f'<circle class="event" cx="{x(m.when):.1f}" cy="{cy}" r="6" fill="{fill}" fill-opacity="0.85" '
                   f'stroke="{color}" stroke-width="2"><title>{escape(m.tooltip)}</title></circle>')
            out.append(_link(m.href, dot))
    return _svg(width, height, out, title)


def empty_chart(title: str, message: str, width: int = 760) -> str:
    return _svg(width, 60, [_text(0, 18, title, size=15, extra=' font-weight="600"'), _text(0, 46, message, fill=AXIS)], title)
