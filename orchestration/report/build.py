"""The report: one self-contained HTML page over the published warehouse's marts.

Sections: industry metrics over time (output value, growth, how often each industry is
written about), the project pipeline (projects by latest status, investment), an events
timeline, and a per-issue table of contents where every fact sits under its article with the
sentence it comes from. Every point of a chart links to that sentence.

The page has no script and loads nothing: styles and SVG charts are inline, so it opens from
disk, offline, and can be mailed as one file. Nothing here imports Dagster.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections import defaultdict
from html import escape
from pathlib import Path
from typing import Any

import duckdb

from orchestration.report.charts import MUTED, PALETTE, Bar, Mark, Point, fmt_number, hbar_chart, time_chart, timeline
from orchestration.report.comparable import line_group

# Lifecycle order of project statuses (orchestration/textmine/projects.py), then the rest.
STATUS_ORDER = ("规划", "计划", "签约", "开工", "在建", "封顶", "竣工", "建成", "投产", "并网")
NO_STATUS = "未注明"
EVENT_TYPES = {
    "meeting": "会议", "award": "获奖/荣誉", "list_publication": "名单发布", "signing": "签约",
    "groundbreaking": "开工", "production_start": "投产", "topping_out": "封顶", "completion": "竣工",
    "drill": "演练", "competition": "比赛", "inspection": "调研/检查", "forum": "论坛/活动", "other": "其他",
}
METRIC_NAMES = {
    "output_value": "产值", "added_value": "增加值", "growth_rate": "增速", "share": "占比", "investment": "投资",
    "annual_output_value_expected": "预计年产值", "sales": "销售额", "enterprise_count": "企业数", "count": "数量",
    "area": "面积", "capacity": "产能", "generation": "发电量", "population": "人口", "households": "户数",
    "other": "其他",
}
KINDS = {"news": "消息", "photo": "图片", "feature": "通讯/专题", "continued": "续文"}
YI = 1e8  # 亿


@dataclasses.dataclass
class ReportResult:
    path: Path
    n_bytes: int
    n_charts: int
    counts: dict[str, int]
    date_range: tuple[dt.date | None, dt.date | None]


def anchor(kind: str, key: str) -> str:
    """An HTML id for a fact: letters, digits, '-' and '_' only."""
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9_-]", "_", key)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _e(value: Any) -> str:
    return "" if value is None else escape(str(value))


def _highlight(evidence: str | None, figure: str | None) -> str:
    """The evidence sentence with the figure (as printed) marked."""
    text = evidence or ""
    if figure and figure in text:
        i = text.index(figure)
        return f"{escape(text[:i])}<mark>{escape(figure)}</mark>{escape(text[i + len(figure):])}"
    return escape(text)


def period_text(label: str | None) -> str:
    """marts.metrics.period_label in words: 2024H1 → 2024上半年, target_2025 → 2025目标, …"""
    if not label or label == "unknown":
        return "统计期未知"
    if label.startswith("target_"):
        return f"{label[7:]}目标"
    if label.startswith("as_of_"):
        return f"截至{label[6:]}"
    m = re.fullmatch(r"(\d{4})H([12])", label)
    if m:
        return f"{m[1]}{'上' if m[2] == '1' else '下'}半年"
    m = re.fullmatch(r"(\d{4})Q([1-4])", label)
    if m:
        return f"{m[1]}年第{m[2]}季度"
    return label.replace("..", "至")


def _status_rank(status: str) -> tuple[int, str]:
    return (STATUS_ORDER.index(status), status) if status in STATUS_ORDER else (len(STATUS_ORDER), status)


# --- sections ----------------------------------------------------------------------------------

def _overview(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    counts = {}
    for table in ("issues", "articles", "entity_mentions", "metrics", "projects", "project_updates", "events", "rejected_files"):
        counts[table] = con.execute(f"select count(*) from marts.{table}").fetchone()[0]
    lo, hi = con.execute("select min(publication_date), max(publication_date) from marts.issues").fetchone()
    return {"counts": counts, "date_range": (lo, hi)}


def _industry_section(con: duckdb.DuckDBPyConnection) -> tuple[str, int]:
    output = _rows(con, """
        select m.metric_id, m.subject_name, m.metric, m.period_label, m.period_start, m.period_end, m.value, m.unit,
               m.value_normalized, m.publication_date, m.evidence,
               -- the text before the figure, for its scope (规上 or all: report/comparable.py)
               substr(a.body, greatest(m.start_char - 40, 0) + 1, m.start_char - greatest(m.start_char - 40, 0)) as lead
        from marts.industry_metrics m join marts.articles a using (article_id)
        where m.metric = 'output_value' and m.normalized_unit = 'CNY' and m.value_normalized is not null
        order by m.subject_name, m.period_end""")
    dated = [r for r in output if r["period_end"] is not None]
    series: dict[str, list[Point]] = defaultdict(list)
    for r in dated:
        target = str(r["period_label"]).startswith("target")
        series[r["subject_name"]].append(Point(
            when=r["period_end"], value=r["value_normalized"] / YI,
            label=f"{fmt_number(r['value_normalized'] / YI)}（{period_text(r['period_label'])}）",
            href="#" + anchor("m", r["metric_id"]), hollow=target,
            line_group=line_group(r["metric"], r["period_label"], r["lead"] or ""),
            tooltip=f"{r['subject_name']} {period_text(r['period_label'])} 产值 {fmt_number(r['value'])}{r['unit'] or ''}"
                    f" —— {r['publication_date']} 见报",
        ))
    growth = _rows(con, """
        select metric_id, subject_name, period_label, value, unit, publication_date
        from marts.industry_metrics
        where metric = 'growth_rate' and value is not null
        order by value desc""")
    # One colour per industry, the same in both charts.
    names = sorted({r["subject_name"] for r in output} | {r["subject_name"] for r in growth})
    colors = {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(names)}
    charts = [time_chart(dict(series), "产业产值（按统计期末；线只连同口径、同类统计期的数；空心点为目标值）", unit="亿元",
                         colors=colors)]
    undated = len(output) - len(dated)

    charts.append(hbar_chart(
        [Bar(f"{r['subject_name']} · {period_text(r['period_label'])}", r["value"], color=colors[r["subject_name"]],
             href="#" + anchor("m", r["metric_id"]), tooltip=f"{r['subject_name']} {period_text(r['period_label'])} 增长 {fmt_number(r['value'])}%，{r['publication_date']} 见报")
         for r in growth], "产业增速（%）", unit="%"))

    mentions = _rows(con, """
        select industry_name, n_mentions, n_articles, n_issues from marts.industries
        order by n_mentions desc, industry_name limit 15""")
    charts.append(hbar_chart(
        [Bar(r["industry_name"], r["n_mentions"], note=f"（{r['n_articles']} 篇，{r['n_issues']} 期）") for r in mentions],
        "哪些产业被写得最多（提及次数）"))

    rows = "".join(
        f'<tr><td>{_e(r["subject_name"])}</td><td>{_e(period_text(r["period_label"]))}</td>'
        f'<td class="num">{fmt_number(r["value"])}{_e(r["unit"])}</td><td>{_e(r["publication_date"])}</td>'
        f'<td><a href="#{anchor("m", r["metric_id"])}">出处</a></td></tr>'
        for r in output)
    table = (f'<table><thead><tr><th>产业</th><th>统计期</th><th>产值</th><th>见报</th><th></th></tr></thead>'
             f"<tbody>{rows}</tbody></table>") if output else ""
    note = f'<p class="note">另有 {undated} 条产值没有可识别的统计期，未画入图中（见下表）。</p>' if undated else ""
    html = (
        '<section id="industry"><h2>产业指标</h2>'
        '<p class="lead">报道中的产业产值与增速。点击图中的点或条，跳到它出自的句子。</p>'
        + "".join(f'<figure>{c}</figure>' for c in charts) + note + table + "</section>"
    )
    return html, len(charts)


def _project_section(con: duckdb.DuckDBPyConnection) -> tuple[str, int]:
    projects = _rows(con, f"""
        select p.project_id, p.project_name, coalesce(p.latest_status, '{NO_STATUS}') as status, p.investment_value,
               p.investment_unit, p.investment_cny, p.location, p.company_name, p.first_seen_date, p.last_seen_date,
               p.n_reports,
               (select u.article_id from marts.project_updates u where u.project_id = p.project_id
                order by u.publication_date desc nulls last, u.article_id desc limit 1) as latest_article_id
        from marts.projects p
        order by p.investment_cny desc nulls last, p.project_name""")
    statuses = sorted({p["status"] for p in projects}, key=_status_rank)
    colors = {s: MUTED if s == NO_STATUS else PALETTE[i % len(PALETTE)] for i, s in enumerate(statuses)}
    by_status = []
    for s in statuses:
        group = [p for p in projects if p["status"] == s]
        invest = sum(p["investment_cny"] or 0 for p in group) / YI
        by_status.append(Bar(s, len(group), note=f"个，投资 {fmt_number(round(invest, 2))} 亿元" if invest else "个",
                             color=colors[s], href=f"#status-{statuses.index(s)}"))
    charts = [hbar_chart(by_status, "项目按最新进展（生命周期顺序）")]
    invested = [p for p in projects if p["investment_cny"]][:15]

    def href(p: dict[str, Any]) -> str | None:
        return "#" + anchor("pu", f"{p['project_id']}-{p['latest_article_id']}") if p["latest_article_id"] else None

    charts.append(hbar_chart(
        [Bar(p["project_name"], round(p["investment_cny"] / YI, 4), note=p["status"], color=colors[p["status"]], href=href(p),
             tooltip=f"{p['project_name']}：{fmt_number(p['investment_value'])}{p['investment_unit'] or ''}，最新进展 {p['status']}")
         for p in invested], "投资额最大的项目（亿元，颜色 = 最新进展）", unit="亿",
        legend=[(s, colors[s]) for s in statuses if any(p["status"] == s for p in invested)]))
    body = []
    for i, s in enumerate(statuses):
        body.append(f'<tr id="status-{i}" class="group"><th colspan="6">{_e(s)}</th></tr>')
        for p in (p for p in projects if p["status"] == s):
            invest = f"{fmt_number(p['investment_value'])}{_e(p['investment_unit'])}" if p["investment_value"] is not None else ""
            link = f'<a href="{href(p)}">出处</a>' if href(p) else ""
            body.append(
                f'<tr><td>{_e(p["project_name"])}</td><td class="num">{invest}</td><td>{_e(p["location"])}</td>'
                f'<td>{_e(p["company_name"])}</td><td>{_e(p["first_seen_date"])} → {_e(p["last_seen_date"])}（{p["n_reports"]} 次）</td>'
                f"<td>{link}</td></tr>")
    table = ('<table><thead><tr><th>项目</th><th>投资</th><th>地点</th><th>企业</th><th>见报</th><th></th></tr></thead>'
             f'<tbody>{"".join(body)}</tbody></table>')
    html = ('<section id="projects"><h2>项目进展</h2>'
            '<p class="lead">每个项目取最近一次报道中的进展；投资额取最近一次写明投资的报道。</p>'
            + "".join(f"<figure>{c}</figure>" for c in charts) + table + "</section>")
    return html, len(charts)


def _event_section(con: duckdb.DuckDBPyConnection) -> tuple[str, int]:
    events = _rows(con, """
        select event_id, event_type, event_date, date_precision, title, location, publication_date
        from marts.events order by event_date nulls last, event_id""")
    dated = [e for e in events if e["event_date"] is not None]
    lanes = [EVENT_TYPES.get(t, t) for t in EVENT_TYPES]
    marks = [Mark(e["event_date"], EVENT_TYPES.get(e["event_type"], e["event_type"]),
                  tooltip=f"{e['event_date']}{'（约）' if e['date_precision'] != 'day' else ''} {e['title']}",
                  href="#" + anchor("ev", e["event_id"]), approximate=e["date_precision"] != "day")
             for e in dated]
    colors = {label: MUTED if kind == "other" else PALETTE[i % len(PALETTE)] for i, (kind, label) in enumerate(EVENT_TYPES.items())}
    chart = timeline(marks, "事件时间线（空心点：日期只精确到月或年）", lanes=lanes, colors=colors)
    by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in reversed(dated):
        by_month[e["event_date"].strftime("%Y-%m")].append(e)
    items = []
    for month, group in by_month.items():
        lis = "".join(
            f'<li><a href="#{anchor("ev", e["event_id"])}">{_e(e["event_date"] if e["date_precision"] == "day" else month)}</a> '
            f'<span class="tag">{_e(EVENT_TYPES.get(e["event_type"], e["event_type"]))}</span> {_e(e["title"])}</li>'
            for e in group)
        items.append(f"<li><b>{month}</b><ul>{lis}</ul></li>")
    undated = len(events) - len(dated)
    note = f'<p class="note">另有 {undated} 个事件没有可推定的日期，列在各期目录中。</p>' if undated else ""
    html = ('<section id="events"><h2>事件时间线</h2>'
            f'<figure>{chart}</figure>{note}<ul class="months">{"".join(items)}</ul></section>')
    return html, 1


def _issues_section(con: duckdb.DuckDBPyConnection, max_issues: int) -> str:
    issues = _rows(con, """
        select issue_id, source_file, publication_date, n_articles from marts.issues
        order by publication_date desc nulls last, source_file limit ?""", [max_issues])
    total = con.execute("select count(*) from marts.issues").fetchone()[0]
    ids = [i["issue_id"] for i in issues]
    if not ids:
        return '<section id="issues"><h2>各期目录</h2><p>仓库里还没有报纸。</p></section>'
    articles = _rows(con, """
        select article_id, issue_id, seq, title, kind, reporters from marts.articles
        where issue_id in (select unnest(?)) order by issue_id, seq""", [ids])
    metrics = _rows(con, """
        select m.metric_id, m.article_id, m.subject_name, m.metric, m.value, m.unit, m.period_label, m.evidence,
               substr(a.body, m.start_char + 1, m.end_char - m.start_char) as figure
        from marts.metrics m join marts.articles a using (article_id)
        where m.issue_id in (select unnest(?)) order by m.article_id, m.start_char""", [ids])
    updates = _rows(con, """
        select u.project_id, u.article_id, coalesce(u.project_name, p.project_name) as project_name, u.status, u.evidence
        from marts.project_updates u join marts.projects p using (project_id)
        where u.issue_id in (select unnest(?)) order by u.article_id, u.start_char""", [ids])
    events = _rows(con, """
        select event_id, article_id, event_type, event_date, date_precision, title, evidence from marts.events
        where issue_id in (select unnest(?)) order by article_id, start_char""", [ids])
    entities = _rows(con, """
        select article_id, entity_type, list(distinct canonical_name order by canonical_name) as names
        from marts.entity_mentions where issue_id in (select unnest(?)) and entity_type in ('industry', 'company')
        group by all""", [ids])
    by_article: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for kind, rows in (("metrics", metrics), ("updates", updates), ("events", events)):
        for r in rows:
            by_article[r["article_id"]][kind].append(r)
    for r in entities:
        by_article[r["article_id"]][r["entity_type"]] = r["names"]

    out = ['<section id="issues"><h2>各期目录</h2>'
           '<p class="lead">每期的文章，以及从每篇文章中抽出的数字、项目进展和事件，附原句。</p>']
    if total > len(issues):
        out.append(f'<p class="note">只列最近的 {len(issues)} 期（共 {total} 期）。</p>')
    for issue in issues:
        arts = [a for a in articles if a["issue_id"] == issue["issue_id"]]
        out.append(f'<article class="issue" id="{anchor("issue", issue["issue_id"])}">'
                   f'<h3>{_e(issue["publication_date"] or "日期未知")} <small>{_e(issue["source_file"])} · {issue["n_articles"]} 篇</small></h3><ol>')
        for a in arts:
            facts = by_article.get(a["article_id"], {})
            reporters = "、".join(a["reporters"] or [])
            lis = []
            for m in facts.get("metrics", []):
                lis.append(f'<li id="{anchor("m", m["metric_id"])}"><span class="tag">{_e(METRIC_NAMES.get(m["metric"], m["metric"]))}</span> '
                           f'{_e(m["subject_name"])} {_e(period_text(m["period_label"]))}：<b>{fmt_number(m["value"])}{_e(m["unit"])}</b>'
                           f'<q>{_highlight(m["evidence"], m["figure"])}</q></li>')
            for u in facts.get("updates", []):
                lis.append(f'<li id="{anchor("pu", u["project_id"] + "-" + u["article_id"])}"><span class="tag">项目</span> '
                           f'{_e(u["project_name"])}{"：<b>" + _e(u["status"]) + "</b>" if u["status"] else ""}'
                           f'<q>{_highlight(u["evidence"], u["status"])}</q></li>')
            for e in facts.get("events", []):
                when = e["event_date"] if e["date_precision"] == "day" else (f"{e['event_date']}（约）" if e["event_date"] else "日期未知")
                lis.append(f'<li id="{anchor("ev", e["event_id"])}"><span class="tag">{_e(EVENT_TYPES.get(e["event_type"], e["event_type"]))}</span> '
                           f'{_e(when)} {_e(e["title"])}<q>{_e(e["evidence"])}</q></li>')
            names = [("产业", facts.get("industry", [])), ("企业", facts.get("company", []))]
            tags = "".join(f'<p class="entities">{label}：{_e("、".join(v))}</p>' for label, v in names if v)
            n_facts = len(lis)
            detail = (f"<details><summary>{n_facts} 条事实</summary><ul class=\"facts\">{''.join(lis)}</ul></details>"
                      if lis else "")
            out.append(f'<li id="{anchor("a", a["article_id"])}"><span class="title">{_e(a["title"] or "（无标题）")}</span> '
                       f'<span class="kind">{_e(KINDS.get(a["kind"], a["kind"]))}{" · " + _e(reporters) if reporters else ""}</span>'
                       f"{tags}{detail}</li>")
        out.append("</ol></article>")
    out.append("</section>")
    return "".join(out)


STYLE = """
body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
       color: #222; margin: 0; line-height: 1.6; background: #fafafa; }
header { background: #1f3a5f; color: #fff; padding: 20px 32px; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 0; opacity: .85; }
nav { background: #fff; border-bottom: 1px solid #ddd; padding: 8px 32px; position: sticky; top: 0; z-index: 1; }
nav a { margin-right: 18px; color: #1f3a5f; text-decoration: none; }
main { max-width: 980px; margin: 0 auto; padding: 8px 32px 48px; }
section { background: #fff; border: 1px solid #e3e3e3; border-radius: 6px; padding: 8px 24px 20px; margin: 20px 0; }
h2 { border-bottom: 2px solid #1f3a5f; padding-bottom: 4px; }
figure { margin: 16px 0; overflow-x: auto; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.card { background: #fff; border: 1px solid #e3e3e3; border-radius: 6px; padding: 10px 16px; min-width: 110px; }
.card b { display: block; font-size: 22px; color: #1f3a5f; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin-top: 8px; }
th, td { border-bottom: 1px solid #eee; padding: 4px 8px; text-align: left; vertical-align: top; }
tr.group th { background: #f0f4f8; }
td.num { text-align: right; white-space: nowrap; }
.lead { color: #555; } .note { color: #777; font-size: 13px; }
.tag { display: inline-block; font-size: 12px; background: #eef2f7; color: #1f3a5f; border-radius: 3px; padding: 0 6px; }
.kind { color: #888; font-size: 13px; margin-left: 6px; }
.issue ol > li { margin: 6px 0; } .issue .title { font-weight: 600; }
.entities { margin: 0; font-size: 13px; color: #555; }
ul.facts li { margin: 4px 0; font-size: 14px; }
q { display: block; color: #555; font-size: 13px; margin: 2px 0 0 4px; padding-left: 8px; border-left: 3px solid #dde3ea; quotes: none; }
mark { background: #ffe58a; }
:target { background: #fff6d5; outline: 2px solid #E69F00; }
details > summary { cursor: pointer; color: #1f3a5f; font-size: 13px; }
ul.months { columns: 2; font-size: 14px; } ul.months > li { break-inside: avoid; }
svg.chart a:hover rect, svg.chart a:hover circle { opacity: .7; }
"""


# Facts sit in collapsed <details>: open the ones around a fact a link points to.
REVEAL = """
function reveal() {
  var el = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  for (var p = el; p; p = p.parentElement) { if (p.tagName === "DETAILS") { p.open = true; } }
  if (el) { el.scrollIntoView({block: "center"}); }
}
window.addEventListener("hashchange", reveal);
reveal();
"""


def render(con: duckdb.DuckDBPyConnection, *, max_issues: int = 200, built_at: dt.datetime | None = None) -> tuple[str, dict[str, Any]]:
    overview = _overview(con)
    industry, n1 = _industry_section(con)
    projects, n2 = _project_section(con)
    events, n3 = _event_section(con)
    issues = _issues_section(con, max_issues)
    c = overview["counts"]
    lo, hi = overview["date_range"]
    cards = "".join(f'<div class="card"><b>{fmt_number(n)}</b>{label}</div>' for label, n in (
        ("期报纸", c["issues"]), ("篇文章", c["articles"]), ("个实体提及", c["entity_mentions"]),
        ("个数字", c["metrics"]), ("个项目", c["projects"]), ("个事件", c["events"])))
    rejected = f'<p class="note">{c["rejected_files"]} 个文件未能读入（见 marts.rejected_files）。</p>' if c["rejected_files"] else ""
    built = (built_at or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>温岭日报 · 数据报告</title><style>{STYLE}</style></head>
<body><header><h1>温岭日报 · 数据报告</h1>
<p>{_e(lo) or "?"} 至 {_e(hi) or "?"} · {c["issues"]} 期 · 生成于 {built}（数据来自 marts 表）</p></header>
<nav><a href="#industry">产业指标</a><a href="#projects">项目进展</a><a href="#events">事件时间线</a><a href="#issues">各期目录</a></nav>
<main><div class="cards">{cards}</div>{rejected}{industry}{projects}{events}{issues}</main>
<script>{REVEAL}</script></body></html>
"""
    return page, {"counts": c, "date_range": (lo, hi), "n_charts": n1 + n2 + n3}


def write_report(warehouse: Path, out: Path, *, max_issues: int = 200) -> ReportResult:
    """Render the report from the (published) warehouse, opened read-only, and write it atomically."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        page, info = render(con, max_issues=max_issues)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    return ReportResult(path=out, n_bytes=out.stat().st_size, n_charts=info["n_charts"], counts=info["counts"],
                        date_range=info["date_range"])
