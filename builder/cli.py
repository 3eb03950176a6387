"""The ``fakg`` command.  Each sub-command is a thin shell over a library function.

Exit status: 0 success; 1 nothing could be built (or, with ``--strict``, any
input problem), validation violations, or a failed query; 2 usage errors.
"""
from __future__ import annotations

import argparse
import sys

from .store import DEFAULT_STORE, StoreBusy


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=DEFAULT_STORE, help=f"store directory (default: ./{DEFAULT_STORE})")


def cmd_build(a) -> int:
    from .build import Progress, build
    from .sparql import format_rows, load, rows, run
    from .store import open_store

    def problem(msg: str) -> None:
        print(f"fakg: {msg}", file=sys.stderr)

    report = build(a.paths, a.store, force=a.force, on_problem=problem, progress=Progress() if not a.quiet else None)
    store = open_store(a.store)
    cols, data = rows(run(store, load("summary").text))
    summary = dict(zip(cols, data[0])) if data else {}
    print(
        f"built {report.articles} articles ({report.unchanged} unchanged), {report.quads} quads written; "
        f"store: {summary.get('articles', 0)} articles, {summary.get('quads', 0)} quads, "
        f"{summary.get('persons', 0)} persons, {summary.get('organizations', 0)} organisations, "
        f"{summary.get('statistics', 0)} statistics"
    )
    if report.problems:
        print(f"{len(report.problems)} input problem(s) reported above", file=sys.stderr)
    if not report.built_anything or (a.strict and report.problems):
        return 1
    return 0


def cmd_facts(a) -> int:
    from .facts import write_facts
    from .store import open_store

    n = write_facts(open_store(a.store), a.out)
    print(f"wrote {n} facts files to {a.out}")
    return 0


def cmd_validate(a) -> int:
    from .store import open_store
    from .validate import validate_store

    violations = validate_store(open_store(a.store))
    for v in violations:
        print(v)
    print(f"{len(violations)} violation(s)")
    return 1 if violations else 0


def cmd_query(a) -> int:
    from .sparql import ParamError, format_rows, library, load, rows, run
    from .store import open_store

    if a.list:
        for name, q in library().items():
            print(f"{name:28} {q.question}")
            for param, description in q.params.items():
                print(f"{'':30}--param {param}=…  {description}")
        return 0
    if not a.query:
        print("fakg query: name a query or file, or use --list", file=sys.stderr)
        return 2
    params = {}
    for p in a.param or []:
        if "=" not in p:
            print(f"fakg query: --param wants name=value, got {p!r}", file=sys.stderr)
            return 2
        k, v = p.split("=", 1)
        params[k.strip()] = v
    try:
        q = load(a.query)
    except KeyError as e:
        print(f"fakg query: {e.args[0]}", file=sys.stderr)
        return 1
    try:
        cols, data = rows(run(open_store(a.store, read_only=True), q, params))
    except ParamError as e:
        print(f"fakg query: {e}", file=sys.stderr)
        return 2
    except SyntaxError as e:
        print(f"fakg query: {q.name}: {e}", file=sys.stderr)
        return 1
    except (OSError, RuntimeError) as e:  # e.g. a SERVICE endpoint that cannot be reached
        print(f"fakg query: {q.name}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    # a parameter the user did not set is an empty column: leave it out
    keep = [i for i, c in enumerate(cols) if not (c in q.params and c not in params and all(r[i] is None for r in data))]
    cols, data = [cols[i] for i in keep], [[r[i] for i in keep] for r in data]
    print(format_rows(cols, data, a.format, max_width=a.width if a.format == "table" else None))
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="fakg", description="Persian welfare news into a knowledge graph")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="extract articles (files, folders, globs) into the store")
    p.add_argument("paths", nargs="+")
    _store_arg(p)
    p.add_argument("--strict", action="store_true", help="exit 1 if any input had a problem")
    p.add_argument("--force", action="store_true", help="rebuild articles even when unchanged")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("facts", help="write one facts JSON per article, read back from the store")
    _store_arg(p)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("validate", help="check the store against the SHACL shapes")
    _store_arg(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("query", help="run a query of the library (or a .rq file) on the store")
    p.add_argument("query", nargs="?")
    _store_arg(p)
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="bind ?NAME to VALUE")
    p.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    p.add_argument("--width", type=int, default=80, metavar="N",
                   help="table cells are cut at N terminal columns (default 80; csv/tsv/json are never cut)")
    p.add_argument("--list", action="store_true", help="list the queries with their questions and parameters")
    p.set_defaults(func=cmd_query)
    return ap


def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    try:
        return a.func(a)
    except StoreBusy as e:
        print(f"fakg: {e}", file=sys.stderr)
        return 1
    except FileNotFoundError as e:
        print(f"fakg: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
