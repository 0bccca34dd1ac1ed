"""The per-issue stages, lake to lake: one function per stage, one issue file per call.

    documents ─► articles ─► article_terms
                         └─► publication + entity_mentions, metrics, project_mentions, events

Each function reads what the stage before it wrote for `source_file` (orchestration/warehouse/
lake.py), writes its own output, and returns figures for the run's metadata (ints are summed
over the run; strings are shown when the run holds one file). A function raises to reject the
file (UnreadableIssue says why in words a user can act on).

No Dagster here: the assets in orchestration/defs/ run these over a run's partitions, in worker
processes when there are many (orchestration/parallel.py), and tests can call them directly.
Each function is module-level so a worker process can import it by name.
"""
from __future__ import annotations

import datetime as dt

from orchestration.rawfiles import fingerprint_of
from orchestration.settings import Paths, max_issue_bytes
from orchestration.textmine.decode import UnreadableIssue, decode_issue
from orchestration.textmine.extract import extract_issue
from orchestration.textmine.layout import split_articles
from orchestration.textmine.records import Article, as_rows
from orchestration.textmine.script import to_simplified
from orchestration.textmine.segment import get_segmenter
from orchestration.warehouse import lake, rejections, schemas

Figures = dict[str, int | str]
# A figure under this key is a warning for the run's log (the file was taken in, but flagged).
WARNING = "warning"


def decode_document(paths: Paths, source_file: str) -> Figures:
    """raw/<file> → documents: the text decoded (encoding detected) and normalised; id = hash."""
    path = paths.raw_dir / source_file
    rejections.clear(paths.lake_dir, source_file)  # a fresh attempt at this file
    limit = max_issue_bytes()
    stat = path.stat()
    if stat.st_size > limit:  # checked before reading: a huge file must not hold up the run
        raise UnreadableIssue(source_file, f"too large: {stat.st_size:,} bytes, over the limit of {limit:,} "
                              "(WENLING_MAX_ISSUE_BYTES; one issue is ~15 KB) — split it into issues or raise the limit")
    document = decode_issue(path.read_bytes(), source_file)
    row = as_rows([document])[0] | {"file_mtime": dt.datetime.fromtimestamp(stat.st_mtime),
                                    "file_fingerprint": fingerprint_of(stat)}
    lake.write_rows(paths.lake_dir, "documents", source_file, [row], schemas.DOCUMENT)
    figures: Figures = {"bytes": document.n_bytes, "issue_id": document.issue_id, "encoding": document.encoding}
    if document.warning:
        rejections.flag(paths.lake_dir, source_file, "documents", document.warning)
        figures[WARNING] = f"taken in, flagged — {document.warning}"
    return figures


def split_into_articles(paths: Paths, source_file: str) -> Figures:
    """documents → articles: headlines, bylines, bodies with broken lines re-joined."""
    (document,) = lake.read_rows(paths.lake_dir, "documents", source_file)
    found = split_articles(document["issue_id"], document["text"])
    if not found:
        raise UnreadableIssue(source_file, "no recognisable article (no headline, 本报讯 lead or byline found)")
    lake.write_rows(paths.lake_dir, "articles", source_file, as_rows(found), schemas.ARTICLE)
    return {"articles": len(found), "titles": "\n".join(f"{a.seq}. [{a.kind}] {a.title}" for a in found)}


def count_terms(paths: Paths, source_file: str) -> Figures:
    """articles → article_terms: term frequencies of each title and body, the basis of search."""
    segmenter = get_segmenter()  # the dictionary loads once per process
    (document,) = lake.read_rows(paths.lake_dir, "documents", source_file)
    # A traditional issue is searched by simplified terms (the dictionary is simplified).
    view = to_simplified if document.get("is_traditional") else (lambda text: text)
    rows = []
    for article in lake.read_rows(paths.lake_dir, "articles", source_file):
        counts = segmenter.term_counts(view(f"{article['title']}\n{article['body']}"))
        rows += [
            {"article_id": article["article_id"], "issue_id": article["issue_id"], "term": term, "tf": tf}
            for term, tf in counts.items()
        ]
    lake.write_rows(paths.lake_dir, "article_terms", source_file, rows, schemas.ARTICLE_TERM)
    return {"term_rows": len(rows)}


def _article(row: dict) -> Article:
    return Article(**(row | {"reporters": tuple(row["reporters"] or ())}))


def extract_facts(paths: Paths, source_file: str) -> Figures:
    """articles → publication date and every fact, with its provenance (article, span, sentence)."""
    (document,) = lake.read_rows(paths.lake_dir, "documents", source_file)
    found = [_article(r) for r in lake.read_rows(paths.lake_dir, "articles", source_file)]
    issue_facts = extract_issue(document["issue_id"], source_file, document["text"], found,
                                traditional=bool(document.get("is_traditional")))
    by_stage = {
        "entity_mentions": issue_facts.mentions,
        "metrics": issue_facts.metrics,
        "project_mentions": issue_facts.projects,
        "events": issue_facts.events,
    }
    for stage, records in by_stage.items():
        lake.write_rows(paths.lake_dir, stage, source_file, as_rows(records), schemas.FACT_STAGES[stage])
    # Written last: its presence tells the loader that every fact stage of the file is there.
    lake.write_rows(paths.lake_dir, "publication", source_file, as_rows([issue_facts.publication]), schemas.PUBLICATION)
    pub = issue_facts.publication.publication_date
    return {stage: len(records) for stage, records in by_stage.items()} | {"publication_date": str(pub)}
