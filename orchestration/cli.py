"""The `wenling` command: run the pipeline, tag entities (CLUENER format), query and search the warehouse."""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from typing import Sequence

from orchestration.settings import load_paths


def _cmd_run(args: argparse.Namespace) -> int:
    from orchestration.pipeline_run import run_everything
    from orchestration.progress import terminal_bars

    # On a terminal: a bar per stage (files done / total, rate, time left) and only warnings
    # from Dagster's console log; every log line is in the run's event log (the UI shows it),
    # and dbt's own output, which dagster-dbt echoes to stdout, in dbt_project/logs/dbt.log.
    with terminal_bars(enabled=sys.stderr.isatty()) as bars:
        if bars:
            with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
                outcome = run_everything(everything=args.all, full_refresh=args.full_refresh, console_level="WARNING")
        else:
            outcome = run_everything(everything=args.all, full_refresh=args.full_refresh)
    paths = load_paths()
    print(f"\nwenling run: {len(outcome.issue_files)} new or changed issue files run, {len(outcome.unchanged)} "
          f"unchanged since the last build (--all runs them too), in {paths.raw_dir}")
    print(f"warehouse: {paths.warehouse}")
    for table, n in outcome.counts.items():
        print(f"  marts.{table:<16}{n:>8}")
    if not outcome.success:
        print("the run had failures: see the log above (and marts.rejected_files)", file=sys.stderr)
    return 0 if outcome.success else 1


def _cmd_ner(_: argparse.Namespace) -> int:
    from orchestration.textmine.ner import tag_texts

    # tag_texts tags a batch of lines at a time (much faster than line by line), in order;
    # one at a time when a person types them.
    texts = (json.loads(line)["text"] for line in sys.stdin if line.strip())
    for text, labels in tag_texts(texts, batch=1 if sys.stdin.isatty() else 2048):
        sys.stdout.write(json.dumps({"text": text, "label": labels}, ensure_ascii=False) + "\n")
    return 0


def _open_warehouse():
    from orchestration.warehouse.reader import connect_reader

    warehouse = load_paths().warehouse
    if not warehouse.exists():
        print(f"no warehouse at {warehouse}: run `wenling run` (or make run) first", file=sys.stderr)
        return None
    # Read-only, without file system access: users' SQL cannot modify the warehouse (not even by
    # COPY … TO over its file), and opening waits out a moment's lock (warehouse/reader.py).
    return connect_reader(warehouse)


def _cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from orchestration.tables import FORMATS

    con = _open_warehouse()
    if con is None:
        return 2
    with con:
        try:
            cursor = con.execute(args.sql)
        except duckdb.Error as err:
            print(f"query failed: {err}", file=sys.stderr)
            return 1
        columns = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchmany(args.limit + 1) if columns else []
    print(FORMATS[args.format](columns, rows[: args.limit]))
    if len(rows) > args.limit:
        print(f"… more rows (showing the first {args.limit}; use --limit)", file=sys.stderr if args.format != "table" else sys.stdout)
    return 0


def _cmd_tables(args: argparse.Namespace) -> int:
    from orchestration.catalog import describe_tables
    from orchestration.tables import format_table

    con = _open_warehouse()
    if con is None:
        return 2
    with con:
        tables = describe_tables(con, args.schema, args.table)
    if args.table and not tables:
        print(f"no table {args.schema}.{args.table}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(tables, ensure_ascii=False, indent=1))
        return 0
    for t in tables:
        print(f"{t['schema']}.{t['table']}  ({t['rows']} rows)")
        if t["description"]:
            print(f"  {t['description']}")
        rows = [(c["name"], c["type"], c["description"] or "") for c in t["columns"]]
        print("  " + format_table(["column", "type", "description"], rows, max_width=100, footer=False).replace("\n", "\n  "))
        print()
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    import duckdb

    from orchestration.search import search

    con = _open_warehouse()
    if con is None:
        return 2
    with con:
        try:
            result = search(con, args.query, limit=args.limit)
        except duckdb.CatalogException as err:
            print(f"no search index in the warehouse ({err}): rebuild it with `wenling run`", file=sys.stderr)
            return 2
    if args.format == "json":
        print(json.dumps({"query": result.query, "terms": result.terms, "expanded": result.expanded,
                          "unknown": result.unknown, "hits": [h.as_json() for h in result.hits]},
                         ensure_ascii=False, indent=1))
        return 0
    widened = "".join(f"  {t} → {'、'.join(w)}" for t, w in result.expanded.items())
    print(f"“{result.query}” → {' '.join(result.terms)}{widened}  ({len(result.hits)} article{'s' if len(result.hits) != 1 else ''})")
    if result.unknown:
        print(f"not in the archive: {' '.join(result.unknown)}")
    for h in result.hits:
        print(f"\n{h.rank:>2}. {h.publication_date or '日期未知'}  {h.title}   [{h.score:.2f}]")
        print(f"    {h.source_file} · {h.article_id} · {'、'.join(h.matched_terms)}")
        print(f"    {h.marked_snippet()}")
    return 0 if result.hits else 1


def _cmd_report(_: argparse.Namespace) -> int:
    from orchestration.report import write_report

    paths = load_paths()
    if not paths.warehouse.exists():
        print(f"no warehouse at {paths.warehouse}: run `wenling run` (or make run) first", file=sys.stderr)
        return 2
    result = write_report(paths.warehouse, paths.report_dir / "index.html")
    print(f"{result.path} ({result.n_bytes // 1024} KB, {result.n_charts} charts, {result.counts['issues']} issues)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wenling", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="materialize every asset over raw/ into the warehouse (the per-issue stages "
                                     "for new and changed files), print a summary")
    run.add_argument("--all", action="store_true",
                     help="run every issue file again, changed or not (after a change to lexicons or code)")
    run.add_argument("--full-refresh", action="store_true",
                     help="rebuild every dbt model from scratch rather than only the issues that changed")
    run.set_defaults(func=_cmd_run)
    sub.add_parser("ner", help="JSON lines {'text': …} on stdin → CLUENER-format labels on stdout").set_defaults(func=_cmd_ner)
    query = sub.add_parser("query", help="run read-only SQL against the published warehouse")
    query.add_argument("sql")
    query.add_argument("--limit", type=int, default=200)
    query.add_argument("--format", choices=["table", "csv", "json", "markdown"], default="table",
                       help="table (aligned, CJK-aware; the default), csv, json or markdown")
    query.set_defaults(func=_cmd_query)
    tables = sub.add_parser("tables", help="the marts tables: row counts, columns and their descriptions")
    tables.add_argument("table", nargs="?", help="one table only")
    tables.add_argument("--schema", default="marts", help="marts (default) or search")
    tables.add_argument("--format", choices=["text", "json"], default="text")
    tables.set_defaults(func=_cmd_tables)
    search = sub.add_parser("search", help="which articles are about …? (BM25 over the jieba terms)")
    search.add_argument("query", help="words, e.g. \"数控机床 产值\"")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--format", choices=["text", "json"], default="text")
    search.set_defaults(func=_cmd_search)
    sub.add_parser("report", help="rewrite the HTML report (data/report/index.html) from the warehouse").set_defaults(func=_cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `wenling tables | head`: the reader has seen enough
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
