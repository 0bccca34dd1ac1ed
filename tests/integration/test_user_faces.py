"""What users touch, over the warehouse built from the seeds: the report, `wenling query |
tables | search`, the SQL of dbt_project/analyses and the dbt docs."""
from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from orchestration.settings import DBT_PROJECT_DIR, PROJECT_ROOT, Paths
from tests.integration.contract import CONTRACT

pytestmark = pytest.mark.integration
ANALYSES = sorted((DBT_PROJECT_DIR / "analyses").glob("*.sql"))


def wenling(paths: Paths, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ) | {"WENLING_DUCKDB_PATH": str(paths.warehouse), "WENLING_RAW_DIR": str(paths.raw_dir),
                              "WENLING_LAKE_DIR": str(paths.lake_dir)}
    return subprocess.run([str(Path(sys.executable).with_name("wenling")), *args], env=env, capture_output=True,
                          text=True, timeout=120, cwd=PROJECT_ROOT)


# --- the report ---------------------------------------------------------------------------------

class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[str] = []  # anything the page would fetch
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        self.tags[tag] += 1
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        for key in ("src", "srcset", "data"):
            if a.get(key):
                self.loads.append(a[key])
        if tag == "link":
            self.loads.append(a.get("href", ""))


def test_the_report_is_one_self_contained_page_whose_links_all_land(built: Paths) -> None:
    page_path = built.report_dir / "index.html"
    assert page_path == built.warehouse.parent / "report" / "index.html"
    html = page_path.read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    assert page.loads == []  # no script, style sheet, image or font from anywhere
    assert "@import" not in html and "url(" not in html
    assert page.tags["svg"] >= 5
    for section in ("industry", "projects", "events", "issues"):
        assert section in page.ids
    internal = [h[1:] for h in page.links if h.startswith("#")]
    assert len(internal) > 50
    assert not [h for h in internal if h not in page.ids], "links to facts that are not on the page"
    assert all(h.startswith("#") for h in page.links)


def test_the_report_shows_every_issue_and_the_facts_with_their_sentences(built: Paths) -> None:
    html = (built.report_dir / "index.html").read_text(encoding="utf-8")
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        dates = [r[0] for r in con.execute("select publication_date from marts.issues").fetchall()]
        title = con.execute("select title from marts.articles order by article_id limit 1").fetchone()[0]
        evidence = con.execute("select evidence from marts.project_updates where status is not null limit 1").fetchone()[0]
        dated_output = con.execute("""select count(*) from marts.industry_metrics where metric = 'output_value'
                                      and normalized_unit = 'CNY' and period_end is not null""").fetchone()[0]
        dated_events = con.execute("select count(*) from marts.events where event_date is not null").fetchone()[0]
    assert all(str(d) in html for d in dates)
    assert title in html
    assert re.sub(r"\s+", "", evidence)[:10] in re.sub(r"<[^>]+>|\s+", "", html)
    assert html.count('class="point"') == dated_output > 0  # one point per dated output value
    assert html.count('class="event"') == dated_events > 0


# --- wenling query / tables ---------------------------------------------------------------------

def test_query_formats(built: Paths) -> None:
    sql = "select issue_id, publication_date, n_articles from marts.issues order by issue_id"
    table = wenling(built, "query", sql)
    assert table.returncode == 0 and "(5 rows)" in table.stdout
    rows = list(csv.reader(io.StringIO(wenling(built, "query", sql, "--format", "csv").stdout)))
    assert rows[0] == ["issue_id", "publication_date", "n_articles"] and len(rows) == 6
    data = json.loads(wenling(built, "query", sql, "--format", "json").stdout)
    assert [d["issue_id"] for d in data] == [r[0] for r in rows[1:]]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data[0]["publication_date"])
    md = wenling(built, "query", sql, "--format", "markdown").stdout.splitlines()
    assert md[0] == "| issue_id | publication_date | n_articles |" and len(md) == 7
    bad = wenling(built, "query", "select * from marts.nope")
    assert bad.returncode == 1 and "query failed" in bad.stderr
    readonly = wenling(built, "query", "create table marts.x as select 1")
    assert readonly.returncode == 1


def test_tables_lists_every_mart_with_rows_and_described_columns(built: Paths) -> None:
    result = wenling(built, "tables", "--format", "json")
    assert result.returncode == 0, result.stderr
    tables = {t["table"]: t for t in json.loads(result.stdout)}
    assert set(CONTRACT) <= set(tables)
    for name, t in tables.items():
        assert t["rows"] >= 0 and t["description"], name
        undescribed = [c["name"] for c in t["columns"] if not c["description"]]
        assert not undescribed, f"marts.{name}: columns without a description: {undescribed}"
    assert tables["issues"]["rows"] == 5
    text = wenling(built, "tables", "projects").stdout
    assert text.startswith("marts.projects  (") and "latest_status" in text and "investment_cny" in text


# --- search -------------------------------------------------------------------------------------

def bm25_by_hand(con: duckdb.DuckDBPyConnection, terms: list[str], k1: float = 1.2, b: float = 0.75) -> dict[str, float]:
    """BM25 from the staged term counts, computed here independently of the dbt models."""
    rows = con.execute("""select t.article_id, t.term, t.tf from staging.stg_article_terms t
                          join marts.articles a using (article_id)""").fetchall()
    doc_len: Counter[str] = Counter()
    df: Counter[str] = Counter()
    tf: dict[tuple[str, str], int] = {}
    for article, term, n in rows:
        doc_len[article] += n
        df[term] += 1
        tf[(article, term)] = n
    n_docs, avg = len(doc_len), sum(doc_len.values()) / len(doc_len)
    scores: Counter[str] = Counter()
    for (article, term), n in tf.items():
        if term in terms:
            idf = math.log(1 + (n_docs - df[term] + 0.5) / (df[term] + 0.5))
            scores[article] += idf * n * (k1 + 1) / (n + k1 * (1 - b + b * doc_len[article] / avg))
    return dict(scores)


def test_search_ranks_by_bm25_and_shows_where_the_words_are(built: Paths) -> None:
    result = wenling(built, "search", "数控机床 产值", "--format", "json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["terms"] == ["数控机床", "产值"]
    hits = found["hits"]
    assert len(hits) >= 3
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        expected = bm25_by_hand(con, found["terms"])
    assert [h["article_id"] for h in hits] == [a for a, _ in sorted(expected.items(), key=lambda kv: -kv[1])][: len(hits)]
    for h in hits:
        assert h["score"] == pytest.approx(expected[h["article_id"]], abs=1e-3)
        assert h["publication_date"] and h["title"]
        marked = [h["snippet"][s:e] for s, e in h["highlights"]]
        assert marked and set(marked) <= {"数控机床", "产值"}
    assert "数控机床" in hits[0]["title"] + hits[0]["snippet"]

    text = wenling(built, "search", "数控机床 产值", "--limit", "2")
    assert text.returncode == 0
    assert "【数控机床】" in text.stdout or "【产值】" in text.stdout
    assert hits[0]["title"] in text.stdout and hits[0]["publication_date"] in text.stdout
    assert "Building prefix dict" not in text.stderr


def test_search_widens_a_word_jieba_kept_inside_a_longer_term_and_says_when_nothing_matches(built: Paths) -> None:
    from orchestration.search import query_terms, search

    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        terms = {r[0] for r in con.execute("select term from search.term_stats").fetchall()}
        result = search(con, "火星探测器")
        assert result.hits == [] and result.unknown
        # A word the index has only inside longer terms (e.g. 机床 inside 数控机床).
        inner = next(t[i:i + 2] for t in sorted(terms) if len(t) >= 4 for i in range(len(t) - 1)
                     if t[i:i + 2] not in terms and query_terms(t[i:i + 2]) == [t[i:i + 2]])
        widened = search(con, inner)
    assert inner in widened.expanded and all(inner in t for t in widened.expanded[inner])
    assert widened.hits and all(any(inner in t for t in h.matched_terms) for h in widened.hits)
    assert wenling(built, "search", "火星探测器").returncode == 1


# --- analyses and dbt docs ----------------------------------------------------------------------

@pytest.mark.parametrize("path", ANALYSES, ids=[p.stem for p in ANALYSES])
def test_every_analysis_runs_and_answers(built: Paths, path: Path) -> None:
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        rows = con.execute(path.read_text(encoding="utf-8")).fetchall()
    assert rows, f"{path.name} returned no row over the seed issues"


def test_there_are_analyses() -> None:
    assert len(ANALYSES) >= 6


def test_dbt_docs_is_one_static_page(built: Paths, tmp_path: Path) -> None:
    from orchestration.dbt_docs import generate_docs

    page = generate_docs(built.warehouse, tmp_path / "docs")
    html = page.read_text(encoding="utf-8")
    assert page.name == "static_index.html" and len(html) > 1_000_000
    assert "marts" in html and "investment_cny" in html
    assert not re.search(r"<script[^>]+src=[\"']https?:", html)
    catalog = json.loads((tmp_path / "docs" / "catalog.json").read_text(encoding="utf-8"))
    assert any(k.endswith(".projects") for k in catalog["nodes"])


# --- what the Dagster UI shows ------------------------------------------------------------------

def test_every_asset_has_a_description_a_group_and_kinds(built: Paths) -> None:
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    # Not the stubs Dagster makes for dbt sources that no asset produces.
    specs = [s for s in defs.resolve_all_asset_specs() if graph.get(s.key).is_materializable]
    assert len(specs) > 30
    lacking = [s.key.to_user_string() for s in specs if not (s.description and s.group_name and s.kinds)]
    assert lacking == []
    groups = {s.group_name for s in specs}
    assert {"ingest", "text", "tokens", "extraction", "warehouse", "staging", "intermediate", "marts", "search",
            "report"} <= groups
    kinds = set().union(*(s.kinds for s in specs))
    assert {"python", "duckdb", "dbt"} <= kinds


def test_the_report_runs_after_the_marts_in_both_jobs(built: Paths) -> None:
    import dagster as dg

    from orchestration.definitions import defs

    report = dg.AssetKey(["report"])
    for job in ("issue_pipeline", "rebuild_marts"):
        assert report in defs.resolve_job_def(job).asset_layer.selected_asset_keys, job
    spec = next(s for s in defs.resolve_all_asset_specs() if s.key == report)
    assert {d.asset_key for d in spec.deps} >= {dg.AssetKey(["marts", t]) for t in ("issues", "projects", "events")}
