"""The ``fakg`` command.  Each sub-command parses its arguments, calls the library object
(:class:`builder.store.Store`: one method per sub-command) and prints what it returns.

Exit status: 0 success; 1 nothing could be built (or, with ``--strict``, any
input problem), validation violations, a failed query, or a store another
process writes (one line: see :mod:`builder.storage.locks` for how processes share a
store); 2 usage errors; 130 interrupted (Ctrl-C).  Output cut short by its reader
(``fakg query … | head``) ends quietly, as the reader wanted.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys

from .storage.locks import StoreBusy
from .read.paths import shown
from .use.sparql import TABLE_WIDTH
from .store import DEFAULT_STORE, QueryFailed, Store


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=DEFAULT_STORE, help=f"store directory (default: ./{DEFAULT_STORE})")


def _say(line: str) -> None:
    """One line on standard error (messages are one line already; names never break one)."""
    print(f"fakg: {shown(line)}", file=sys.stderr)


def cmd_build(a) -> int:
    from .build import BuildInterrupted, Progress
    from .runners import EngineUnavailable

    if a.workers is not None and a.workers < 1:
        print("fakg build: --workers wants a number of 1 or more", file=sys.stderr)
        return 2
    if a.scheduler and a.engine != "dask":
        print("fakg build: --scheduler goes with --engine dask", file=sys.stderr)
        return 2
    kg = Store(a.store)
    try:
        report = kg.build(a.paths, force=a.force, on_problem=_say, on_notice=_say,
                          progress=Progress() if not a.quiet else None,
                          workers=a.workers, engine=a.engine, scheduler=a.scheduler, shards=a.shards)
    except EngineUnavailable as e:
        print(f"fakg build: {e}", file=sys.stderr)
        return 2
    except BuildInterrupted as e:
        _say_interrupted(f"fakg: interrupted; {e.stored} articles stored, run again to continue")
        return 130
    print(_build_summary(report))
    if os.path.isdir(a.store):  # a build that read no article makes no store
        print(_store_summary(a.store, kg.summary()))  # the store as built, unless another build has started since
    if report.problems:
        print(f"{len(report.problems)} input problem(s) reported above", file=sys.stderr)
    if not report.built_anything or (a.strict and report.problems):
        return 1
    return 0


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _build_summary(report) -> str:
    """What the build did, in numbers that add up: every article read was written, unchanged, recorded
    as a copy of one read from another file, or failed, and was either extracted or known current by
    its content hash (so never extracted again)."""
    if not report.read:
        return "no article read: nothing was built"
    copies = f"{report.copies} recorded as copies, " if report.copies else ""
    return (f"{_count(report.read, 'article')} read: {report.articles} written (new or changed), "
            f"{report.unchanged} unchanged, {copies}{report.failed} failed; {report.extracted} extracted, "
            f"{report.known} known by their content hash; {_count(report.quads, 'quad')} written")


def _store_summary(store: str, summary: dict) -> str:
    """The store's size from the counts the builder wrote (``queries/summary.rq``: one number per article)."""
    pages, stories = summary.get("pages", 0), summary.get("articles", 0)  # (the query counts stories by default)
    told = f" ({stories} {'story' if stories == 1 else 'stories'})" if stories != pages else ""
    return (f"store {store}: {_count(pages, 'article')}{told}, "
            f"{_count(summary.get('quads', 0), 'quad')}, {_count(summary.get('persons', 0), 'person')}, "
            f"{_count(summary.get('organizations', 0), 'organisation')}, "
            f"{_count(summary.get('statistics', 0), 'statistic')}")


def _say_interrupted(line: str) -> None:
    newline = "\n" if sys.stderr.isatty() else ""  # after ^C (and a progress bar) on a terminal
    print(newline + line, file=sys.stderr)


def cmd_remove(a) -> int:
    if not a.paths and not a.missing:
        print("fakg remove: name files or folders, or use --missing", file=sys.stderr)
        return 2
    plan = Store(a.store).remove(a.paths, missing=a.missing, on_notice=lambda msg: print(f"fakg: {msg}", file=sys.stderr))
    for path in plan.unmatched:
        _say(f"{path}: no article in the store was built from this path")
    for path, others in plan.still_read:
        _say(f"{path}: its article is also read from {', '.join(others)}; not removed (name every file it is read from)")
    print(f"removed {plan.removed} articles")
    return 1 if plan.unmatched else 0


def cmd_facts(a) -> int:
    n = Store(a.store).facts(a.out)
    print(f"wrote {n} facts files to {a.out}")
    return 0


def cmd_validate(a) -> int:
    violations = Store(a.store).validate()
    for v in violations:
        print(v)
    print(f"{len(violations)} violation(s)")
    return 1 if violations else 0


def cmd_query(a) -> int:
    from .use.sparql import ParamError, format_rows, library

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
        if not re.fullmatch(r"\w+", k.strip()):
            print(f"fakg query: a parameter name is letters, digits and _ only, got {k!r}", file=sys.stderr)
            return 2
        params[k.strip()] = v
    try:  # no store, a file, a busy store: one line, from main()
        result = Store(a.store).query(a.query, params, on_note=lambda note: print(f"fakg query: {note}", file=sys.stderr))
    except ParamError as e:
        print(f"fakg query: {e}", file=sys.stderr)
        return 2
    except QueryFailed as e:
        print(f"fakg query: {e}", file=sys.stderr)
        return 1
    cols, data = result.shown(table=a.format == "table" and not a.all_columns)
    _emit(format_rows(cols, data, a.format, width=_table_width(a.width)))
    return 0


def _table_width(asked: int | None) -> int:
    """``--width``, or the terminal's width when printing to one, or :data:`TABLE_WIDTH`."""
    if asked is not None:
        return asked
    if sys.stdout.isatty():
        return shutil.get_terminal_size((TABLE_WIDTH, 24)).columns
    return TABLE_WIDTH


def _emit(text: str) -> None:
    """``text`` on standard output, ending with exactly one newline (CSV already has its own)."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_serve(a) -> int:
    from .storage.serve import ServeError, serve

    try:
        return serve(a.store, a.port, writable=a.writable, timeout_s=a.timeout, allow_service=a.allow_service or (),
                     max_body=int(a.max_body * (1 << 20)))
    except ServeError as e:
        print(f"fakg serve: {e}", file=sys.stderr)
        return 1


def cmd_export(a) -> int:
    if not (a.gexf or a.graphml or a.out):
        print("fakg export: say what to write: --gexf FILE, --graphml FILE, or --format F --out FILE", file=sys.stderr)
        return 2
    if a.out and not a.format:
        print("fakg export: --out needs --format nquads|trig|turtle|jsonld", file=sys.stderr)
        return 2
    kg = Store(a.store)
    if a.out:
        try:
            kg.export(a.out, a.format, graph=a.graph)
        except ValueError as e:
            print(f"fakg export: {e}", file=sys.stderr)
            return 2
    if a.gexf or a.graphml:
        G = kg.export_network(gexf=a.gexf, graphml=a.graphml, min_co_mentions=a.min_co_mentions)
        for path, name in ((a.gexf, "GEXF 1.3, dynamic"), (a.graphml, "GraphML")):
            if path:
                print(f"wrote {path}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges ({name})")
    if a.out:
        print(f"wrote {a.out} ({a.format})")
    return 0


def cmd_link(a) -> int:
    from .use.link import WIKIDATA_API, Offline
    from .use.sparql import format_rows

    kg = Store(a.store)
    if not a.online:
        links = kg.link()
        for kind, (linked, total) in links.coverage.items():
            print(f"{kind:14} {linked:5} of {total:5} linked to Wikidata")
        if links.unlinked:
            print(f"\n{len(links.unlinked)} organisation(s) without a Wikidata link, most mentioned first "
                  f"(`fakg link --online` looks them up):")
            print(format_rows(["articles", "organization", "iri"],
                              [[e.articles, e.label, e.iri] for e in links.unlinked[:a.limit]], "table",
                              width=_table_width(a.width)))
        return 0
    try:  # builds wait for the look-ups (at most --limit of them)
        found = kg.link_online(api=a.api or WIKIDATA_API, limit=a.limit, timeout=a.timeout)
    except Offline as e:
        print(f"fakg link: {e}. No network, so nothing was looked up; the store is unchanged. "
              f"Run `fakg link --online` again where Wikidata can be reached.", file=sys.stderr)
        return 1
    except RuntimeError as e:
        print(f"fakg link: {e}", file=sys.stderr)
        return 1
    rows = [[r.entity.label, r.entity.articles, c.qid, c.label, c.description, "yes" if c.exact else "", r.entity.iri]
            for r in found for c in r.candidates]
    rows += [[r.entity.label, r.entity.articles, "", "", "(no candidate)", "", r.entity.iri]
             for r in found if not r.candidates]
    _emit(format_rows(["organization", "articles", "qid", "wikidata_label", "description", "exact", "iri"], rows,
                      a.format, width=_table_width(a.width)))
    print(f"{len(found)} organisation(s) looked up. These are candidates to check by hand, not links: a confirmed "
          f"id goes into builder/data/organizations.csv with its evidence (builder/data/SOURCES.md).", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="fakg", description="Persian welfare news into a knowledge graph")
    sub = ap.add_subparsers(dest="command", required=True)

    _add_build_commands(sub)
    _add_read_commands(sub)
    _add_serve_and_export(sub)
    _add_link(sub)
    return ap


def _add_build_commands(sub) -> None:
    """The commands that write the store: build and remove."""
    p = sub.add_parser("build", help="extract articles (files, folders, globs) into the store")
    p.add_argument("paths", nargs="+")
    _store_arg(p)
    p.add_argument("--strict", action="store_true", help="exit 1 if any input had a problem")
    p.add_argument("--force", action="store_true", help="rebuild articles even when unchanged")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="extraction processes (default: one per core; 1: in this process)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local processes, or a Dask cluster (needs the 'dask' extra)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler (default: a local cluster)")
    p.add_argument("--shards", metavar="DIR",
                   help="workers write N-Quads shards here for the loader (a folder they all reach)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("remove", help="remove the articles built from these files or folders")
    p.add_argument("paths", nargs="*")
    _store_arg(p)
    p.add_argument("--missing", action="store_true", help="also remove articles whose source file no longer exists")
    p.set_defaults(func=cmd_remove)


def _add_read_commands(sub) -> None:
    """The commands that read the store into files or tables: facts, validate, query."""
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
    p.add_argument("--width", type=int, default=None, metavar="N",
                   help=f"a table fits N columns, its widest cells cut (default: the terminal's width, "
                        f"{TABLE_WIDTH} when not a terminal; csv/tsv/json are never cut)")
    p.add_argument("--all-columns", action="store_true",
                   help="tables too show the IRI columns and the columns that echo the parameters")
    p.add_argument("--list", action="store_true", help="list the queries with their questions and parameters")
    p.set_defaults(func=cmd_query)


def _add_serve_and_export(sub) -> None:
    """The commands that hand the store to other tools: serve, export."""
    p = sub.add_parser("serve", help="serve the store as a SPARQL endpoint (Oxigraph server, 127.0.0.1)")
    _store_arg(p)
    p.add_argument("--port", type=int, default=7878, help="TCP port on 127.0.0.1 (default 7878)")
    p.add_argument("--writable", action="store_true", help="accept SPARQL Update (default: read-only)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S",
                   help="stop a request after S seconds (default 60; 0: no limit)")
    p.add_argument("--allow-service", action="append", metavar="URL",
                   help="an endpoint that SERVICE (and LOAD) may call, e.g. https://query.wikidata.org/sparql "
                        "(repeatable; default: none)")
    p.add_argument("--max-body", type=float, default=16, metavar="MB",
                   help="the largest request body, or query sent with GET, in MB (default 16)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("export", help="write the network (GEXF 1.3, GraphML) or the RDF (N-Quads, TriG, Turtle, JSON-LD)")
    _store_arg(p)
    p.add_argument("--gexf", metavar="FILE", help="network for Gephi, GEXF 1.3 with a timeline")
    p.add_argument("--graphml", metavar="FILE", help="network as GraphML")
    p.add_argument("--min-co-mentions", type=int, default=1, metavar="N",
                   help="keep co-mention edges of actors named together in at least N articles (default 1)")
    p.add_argument("--format", choices=["nquads", "trig", "turtle", "jsonld"], help="RDF format for --out")
    p.add_argument("--out", metavar="FILE", help="write the store's RDF here")
    p.add_argument("--graph", metavar="IRI", help="with --format turtle: only this named graph (default: the union)")
    p.set_defaults(func=cmd_export)


def _add_link(sub) -> None:
    """The Wikidata links: link."""
    p = sub.add_parser("link", help="Wikidata links of places and organisations; --online: look up the missing ones")
    _store_arg(p)
    p.add_argument("--online", action="store_true", help="search Wikidata (wbsearchentities) for unlinked organisations")
    p.add_argument("--limit", type=int, default=50, help="at most this many organisations (default 50)")
    p.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for Wikidata (default 5)")
    p.add_argument("--api", default=None, help="the MediaWiki API URL (default: Wikidata's)")
    p.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    p.add_argument("--width", type=int, default=None, metavar="N",
                   help=f"a table fits N columns (default: the terminal's width, {TABLE_WIDTH} when not a terminal)")
    p.set_defaults(func=cmd_link)

def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    try:
        status = a.func(a)
        sys.stdout.flush()  # here, where a closed pipe is caught, rather than at exit
        return status
    except KeyboardInterrupt:
        _say_interrupted("fakg: interrupted")
        return 130
    except StoreBusy as e:
        print(f"fakg: {shown(str(e))}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `fakg query … | head`: the reader has what it wanted
        _discard_stdout()
        return 0
    except OSError as e:  # a store path that is a file, an unwritable output folder, ...
        print(f"fakg: {shown(str(e))}", file=sys.stderr)
        return 1


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so that Python's flush at exit meets no closed pipe either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (a captured stream): nothing is flushed at exit
        pass


if __name__ == "__main__":
    sys.exit(main())
