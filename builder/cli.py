"""The ``fakg`` command.  Each sub-command is a thin shell over a library function.

Exit status: 0 success; 1 nothing could be built (or, with ``--strict``, any
input problem), validation violations, a failed query, or a store another
process writes (one line: see :mod:`builder.store` for how processes share a
store); 2 usage errors; 130 interrupted (Ctrl-C).
"""
from __future__ import annotations

import argparse
import os
import re
import sys

from .store import DEFAULT_STORE, StoreBusy


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=DEFAULT_STORE, help=f"store directory (default: ./{DEFAULT_STORE})")


def cmd_build(a) -> int:
    from .build import BuildInterrupted, EngineUnavailable, Progress, build
    from .sparql import load, rows, run
    from .store import reading

    def problem(msg: str) -> None:
        print(f"fakg: {msg}", file=sys.stderr)

    if a.workers is not None and a.workers < 1:
        print("fakg build: --workers wants a number of 1 or more", file=sys.stderr)
        return 2
    if a.scheduler and a.engine != "dask":
        print("fakg build: --scheduler goes with --engine dask", file=sys.stderr)
        return 2
    try:
        report = build(a.paths, a.store, force=a.force, on_problem=problem, on_notice=problem,
                       progress=Progress() if not a.quiet else None,
                       workers=a.workers, engine=a.engine, scheduler=a.scheduler, shards=a.shards)
    except EngineUnavailable as e:
        print(f"fakg build: {e}", file=sys.stderr)
        return 2
    except BuildInterrupted as e:
        _say_interrupted(f"fakg: interrupted; {e.stored} articles stored, run again to continue")
        return 130
    with reading(a.store) as store:  # the store as built, unless another build has started since
        # precomputed counts (see queries/summary.rq): one number per article, cheap on any store
        cols, data = rows(run(store, load("summary").text))
        summary = dict(zip(cols, data[0])) if data else {}
    contents = (f"{summary.get('articles', 0)} articles, {summary.get('quads', 0)} quads, "
                f"{summary.get('persons', 0)} persons, {summary.get('organizations', 0)} organisations, "
                f"{summary.get('statistics', 0)} statistics")
    print(
        f"built {report.articles} articles ({report.unchanged} unchanged, {report.extracted} extracted), "
        f"{report.quads} quads written; store: {contents}"
    )
    if report.problems:
        print(f"{len(report.problems)} input problem(s) reported above", file=sys.stderr)
    if not report.built_anything or (a.strict and report.problems):
        return 1
    return 0


def _say_interrupted(line: str) -> None:
    newline = "\n" if sys.stderr.isatty() else ""  # after ^C (and a progress bar) on a terminal
    print(newline + line, file=sys.stderr)


def cmd_remove(a) -> int:
    from .store import Writer, graphs_from_sources, missing_sources, remove_graphs

    if not a.paths and not a.missing:
        print("fakg remove: name files or folders, or use --missing", file=sys.stderr)
        return 2
    if not os.path.isdir(a.store):
        print(f"fakg: {a.store}: no store here (run `fakg build` first)", file=sys.stderr)
        return 1
    status, graphs, removed = 0, [], 0
    with Writer(a.store, what="fakg remove", notice=lambda msg: print(f"fakg: {msg}", file=sys.stderr)) as store:
        for path, found in store.read(lambda s: graphs_from_sources(s, a.paths)).items():
            if not found:
                print(f"fakg: {path}: no article in the store was built from this path", file=sys.stderr)
                status = 1
            graphs += found
        if a.missing:
            graphs += [g for _, g in store.read(missing_sources)]
        if graphs:
            def remove(s):
                nonlocal removed
                removed = remove_graphs(s, graphs)

            store.write(remove)
    print(f"removed {removed} articles")
    return status


def cmd_facts(a) -> int:
    from .facts import write_facts
    from .store import reading

    with reading(a.store) as store:
        n = write_facts(store, a.out)
    print(f"wrote {n} facts files to {a.out}")
    return 0


def cmd_validate(a) -> int:
    from .store import reading
    from .validate import validate_store

    with reading(a.store) as store:
        violations = validate_store(store)
    for v in violations:
        print(v)
    print(f"{len(violations)} violation(s)")
    return 1 if violations else 0


def cmd_query(a) -> int:
    from .sparql import ParamError, format_rows, library, load, rows, run
    from .store import reading

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
    try:
        q = load(a.query)
    except KeyError as e:
        print(f"fakg query: {e.args[0]}", file=sys.stderr)
        return 1
    try:
        with reading(a.store) as store:
            cols, data = rows(run(store, q, params))
    except StoreBusy:
        raise  # one line, from main()
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


def cmd_serve(a) -> int:
    from .serve import ServeError, serve

    try:
        return serve(a.store, a.port, writable=a.writable, timeout_s=a.timeout, allow_service=a.allow_service or (),
                     max_body=int(a.max_body * (1 << 20)))
    except ServeError as e:
        print(f"fakg serve: {e}", file=sys.stderr)
        return 1


def cmd_export(a) -> int:
    from .export import dump, network, write_gexf, write_graphml
    from .store import reading

    if not (a.gexf or a.graphml or a.out):
        print("fakg export: say what to write: --gexf FILE, --graphml FILE, or --format F --out FILE", file=sys.stderr)
        return 2
    if a.out and not a.format:
        print("fakg export: --out needs --format nquads|trig|turtle|jsonld", file=sys.stderr)
        return 2
    with reading(a.store) as store:
        G = network(store, min_co_mentions=a.min_co_mentions) if a.gexf or a.graphml else None
        if a.out:
            try:
                dump(store, a.out, a.format, graph=a.graph)
            except ValueError as e:
                print(f"fakg export: {e}", file=sys.stderr)
                return 2
    if a.gexf:
        write_gexf(G, a.gexf)
        print(f"wrote {a.gexf}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges (GEXF 1.3, dynamic)")
    if a.graphml:
        write_graphml(G, a.graphml)
        print(f"wrote {a.graphml}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges (GraphML)")
    if a.out:
        print(f"wrote {a.out} ({a.format})")
    return 0


def cmd_link(a) -> int:
    from .store import reading

    with reading(a.store) as store:  # with --online, builds wait for the look-ups (at most --limit of them)
        return _link(a, store)


def _link(a, store) -> int:
    from .link import WIKIDATA_API, Offline, coverage, entities, reconcile
    from .sparql import format_rows

    if not a.online:
        for kind, (linked, total) in coverage(store).items():
            print(f"{kind:14} {linked:5} of {total:5} linked to Wikidata")
        unlinked = [e for e in entities(store) if e.kind == "organization" and e.wikidata is None]
        if unlinked:
            print(f"\n{len(unlinked)} organisation(s) without a Wikidata link, most mentioned first "
                  f"(`fakg link --online` looks them up):")
            print(format_rows(["articles", "organization", "iri"],
                              [[e.articles, e.label, e.iri] for e in unlinked[:a.limit]], "table", max_width=a.width))
        return 0
    try:
        found = reconcile(store, api=a.api or WIKIDATA_API, limit=a.limit, timeout=a.timeout)
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
    print(format_rows(["organization", "articles", "qid", "wikidata_label", "description", "exact", "iri"], rows,
                      a.format, max_width=a.width if a.format == "table" else None))
    print(f"{len(found)} organisation(s) looked up. These are candidates to check by hand, not links: a confirmed "
          f"id goes into builder/data/organizations.csv with its evidence (builder/data/SOURCES.md).", file=sys.stderr)
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

    p = sub.add_parser("link", help="Wikidata links of places and organisations; --online: look up the missing ones")
    _store_arg(p)
    p.add_argument("--online", action="store_true", help="search Wikidata (wbsearchentities) for unlinked organisations")
    p.add_argument("--limit", type=int, default=50, help="at most this many organisations (default 50)")
    p.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for Wikidata (default 5)")
    p.add_argument("--api", default=None, help="the MediaWiki API URL (default: Wikidata's)")
    p.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    p.add_argument("--width", type=int, default=60, metavar="N", help="table cells are cut at N columns")
    p.set_defaults(func=cmd_link)
    return ap


def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    try:
        return a.func(a)
    except KeyboardInterrupt:
        _say_interrupted("fakg: interrupted")
        return 130
    except StoreBusy as e:
        print(f"fakg: {e}", file=sys.stderr)
        return 1
    except OSError as e:  # a store path that is a file, an unwritable output folder, ...
        print(f"fakg: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
