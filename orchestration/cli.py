"""The `wenling` command: run the pipeline, tag entities (CLUENER format), query the warehouse."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from orchestration.settings import load_paths


def _cmd_run(_: argparse.Namespace) -> int:
    from orchestration.pipeline_run import run_everything

    outcome = run_everything()
    paths = load_paths()
    print(f"\nwenling run: {len(outcome.issue_files)} issue files in {paths.raw_dir}")
    print(f"warehouse: {paths.warehouse}")
    for table, n in outcome.counts.items():
        print(f"  marts.{table:<16}{n:>8}")
    if not outcome.success:
        print("the run had failures: see the log above (and marts.rejected_files)", file=sys.stderr)
    return 0 if outcome.success else 1


def _cmd_ner(_: argparse.Namespace) -> int:
    from orchestration.textmine.ner import tag_text

    for line in sys.stdin:
        if not line.strip():
            continue
        text = json.loads(line)["text"]
        sys.stdout.write(json.dumps({"text": text, "label": tag_text(text)}, ensure_ascii=False) + "\n")
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from orchestration.tables import format_table

    warehouse = load_paths().warehouse
    if not warehouse.exists():
        print(f"no warehouse at {warehouse}: run `wenling run` (or make run) first", file=sys.stderr)
        return 2
    # read_only: users' SQL cannot modify the warehouse.
    with duckdb.connect(str(warehouse), read_only=True) as con:
        try:
            cursor = con.execute(args.sql)
        except duckdb.Error as err:
            print(f"query failed: {err}", file=sys.stderr)
            return 1
        columns = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchmany(args.limit + 1) if columns else []
    print(format_table(columns, rows[: args.limit]))
    if len(rows) > args.limit:
        print(f"… more rows (showing the first {args.limit}; use --limit)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wenling", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="materialize every asset over raw/ into the warehouse, print a summary").set_defaults(func=_cmd_run)
    sub.add_parser("ner", help="JSON lines {'text': …} on stdin → CLUENER-format labels on stdout").set_defaults(func=_cmd_ner)
    query = sub.add_parser("query", help="run read-only SQL against the published warehouse")
    query.add_argument("sql")
    query.add_argument("--limit", type=int, default=200)
    query.set_defaults(func=_cmd_query)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
