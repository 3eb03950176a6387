"""The library object: a fakg store on disk, and everything the ``fakg`` command does with it.

As sqlite-utils' ``Database`` mirrors its command line, :class:`Store` mirrors
``fakg``: each sub-command is a method (``build``, ``remove``, ``query``,
``facts``, ``export``, ``validate``, ``link``, ``serve``) that returns data and
raises one-line errors, and :mod:`builder.cli` only parses arguments and
prints::

    from builder import Store
    kg = Store("kg")
    kg.build(["examples/articles"])
    kg.query("officials", province="IR-24").dicts()

Every read holds the store for reading while it runs, so it never sees a
build's write half-done (:mod:`builder.storage.locks`); ``build`` and ``remove`` write
in write windows (:class:`builder.storage.access.Writer`), and another writer
meanwhile gets :class:`builder.storage.locks.StoreBusy`.  A missing store is
:class:`FileNotFoundError`, a path that is a file
:class:`builder.storage.access.NotAStore`, both with one-line messages.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .storage.access import NotAStore, Writer, must_be_store, reading  # noqa: F401 (NotAStore: raised here)
from .storage.locks import StoreBusy  # noqa: F401 (raised here)

DEFAULT_STORE = "kg"


class QueryFailed(RuntimeError):
    """A query that could not run (unknown, malformed, an endpoint out of reach); the message is one line."""


@dataclass
class Result:
    """What a query found: its columns and rows of Python values (None: unbound), and notes on its parameters."""

    columns: list[str]
    rows: list[list]
    query: object  # the LibraryQuery that ran
    params: dict = field(default_factory=dict)  # the parameters as bound (checked, defaults added)
    notes: list[str] = field(default_factory=list)  # e.g. how a Jalali date was read

    def dicts(self) -> list[dict]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def shown(self, *, table: bool) -> tuple[list[str], list[list]]:
        """The columns worth printing: a table leaves out IRIs and the parameters' echo; data formats keep them.

        A parameter's column repeats the value given in every row, and an IRI is
        a key for programs (``--all-columns``, CSV, TSV and JSON keep them); a
        parameter that was not set is an empty column, left out everywhere.
        """
        from .use.sparql import iri_columns

        declared = self.query.params
        hidden = (iri_columns(self.columns, self.rows) | set(declared)) if table else set()
        keep = [i for i, c in enumerate(self.columns)
                if c not in hidden and not (c in declared and c not in self.params and all(r[i] is None for r in self.rows))]
        return [self.columns[i] for i in keep], [[r[i] for i in keep] for r in self.rows]


@dataclass
class Links:
    """How the store links to Wikidata: ``coverage`` (kind -> (linked, total)) and the unlinked organisations."""

    coverage: dict[str, tuple[int, int]]
    unlinked: list


class Store:
    """The fakg store at ``path`` (a folder; ``build`` makes it)."""

    def __init__(self, path: str | os.PathLike = DEFAULT_STORE):
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def reading(self):
        """The pyoxigraph store, opened read-only and held for reading for the ``with`` block."""
        return reading(self.path)

    # -------------------------------------------------------------- writing

    def build(self, paths: Iterable[str], **options):
        """Build ``paths`` (files, folders, globs) into the store: :func:`builder.build.build` with its options
        (``force``, ``workers``, ``engine``, ``scheduler``, ``shards``, ``on_problem``, ``on_notice``, ``progress``)."""
        from .build import build

        return build(paths, self.path, **options)

    def remove(self, paths: Iterable[str] = (), *, missing: bool = False,
               on_notice: Callable[[str], None] | None = None):
        """Remove the articles read from ``paths`` (and, with ``missing``, from files that are gone).

        Returns the plan carried out (:class:`builder.storage.index.Removal`), with ``removed``: how many
        articles went.  An article also read from files not named stays (``still_read``).
        """
        from .storage.index import carry_out, plan_removal

        must_be_store(self.path)
        with Writer(self.path, what="fakg remove", notice=on_notice) as store:
            plan = store.read(lambda s: plan_removal(s, paths, missing=missing))
            if plan.graphs or plan.forget:
                def remove(s):
                    plan.removed = carry_out(s, plan)

                store.write(remove)
        return plan

    # -------------------------------------------------------------- reading

    def query(self, query: str, params: dict | None = None, *, on_note: Callable[[str], None] | None = None,
              **named) -> Result:
        """Run a library query by name, or a ``.rq`` file, with parameters (``params`` and keywords).

        Parameters are checked first (:func:`builder.use.params.check`: :class:`builder.use.sparql.ParamError`,
        one line, for an unknown name or value); ``on_note`` hears what was read from them.
        """
        from .use.params import check
        from .use.sparql import bindings, load

        given = {**(params or {}), **named}
        try:
            q = load(query)
        except KeyError as e:
            raise QueryFailed(e.args[0]) from None
        bindings(q, given)  # the names first: "officials has no parameter from"
        given, notes = check(given)
        for note in notes:
            if on_note:
                on_note(note)
        with self.reading() as store:
            columns, rows = _run(store, q, given)
        return Result(columns, rows, q, bindings(q, given), notes)

    def summary(self) -> dict:
        """The store's size (``queries/summary.rq``): articles (stories), pages, quads, persons, …"""
        result = self.query("summary")
        return result.dicts()[0] if result.rows else {}

    def facts(self, out_dir: str | os.PathLike) -> int:
        """One facts JSON per article in ``out_dir``; how many were written (:mod:`builder.use.facts`)."""
        from .use.facts import write_facts

        with self.reading() as store:
            return write_facts(store, out_dir)

    def network(self, *, min_co_mentions: int = 1):
        """The network of persons, organisations, places, programs and target groups (:func:`builder.use.export.network`)."""
        from .use.export import network

        with self.reading() as store:
            return network(store, min_co_mentions=min_co_mentions)

    def export_network(self, *, gexf: str | os.PathLike | None = None, graphml: str | os.PathLike | None = None,
                       min_co_mentions: int = 1):
        """Write the network as GEXF 1.3 (``gexf``) and/or GraphML (``graphml``); return it (a networkx graph)."""
        from .use.export import write_gexf, write_graphml

        G = self.network(min_co_mentions=min_co_mentions)
        if gexf:
            write_gexf(G, gexf)
        if graphml:
            write_graphml(G, graphml)
        return G

    def export(self, path: str | os.PathLike, fmt: str, *, graph: str | None = None) -> None:
        """Write the RDF as ``nquads``, ``trig``, ``jsonld`` (every named graph) or ``turtle`` (the union, or
        the one named ``graph``) (:func:`builder.use.export.dump`); a bad format or graph is :class:`ValueError`."""
        from .use.export import dump

        with self.reading() as store:
            dump(store, path, fmt, graph=graph)

    def validate(self) -> list[str]:
        """Every SHACL violation, one line each (``ontology/shapes.ttl``); empty when the store is valid."""
        from .use.validate import validate_store

        with self.reading() as store:
            return validate_store(store)

    def link(self) -> Links:
        """Which places and organisations link to Wikidata, and the organisations that do not, most mentioned first."""
        from .use.link import coverage, entities

        with self.reading() as store:
            found = entities(store)
            covered = coverage(store)
        return Links(covered, [e for e in found if e.kind == "organization" and e.wikidata is None])

    def link_online(self, **options) -> list:
        """Wikidata candidates for the unlinked organisations (:func:`builder.use.link.reconcile` and its options);
        nothing is written.  Builds wait while the look-ups run."""
        from .use.link import reconcile

        with self.reading() as store:
            return reconcile(store, **options)

    def serve(self, port: int | None = None, **options):
        """A SPARQL endpoint over the store (:class:`builder.storage.serve.Server`, not yet started: use it as a context manager)."""
        from .storage.serve import DEFAULT_PORT, Server

        return Server(self.path, DEFAULT_PORT if port is None else port, **options)


def _run(store, q, params: dict) -> tuple[list[str], list[list]]:
    """Columns and rows of ``q`` on ``store``, its failures as :class:`QueryFailed` (parameters: ParamError)."""
    from .use.sparql import bindings, rows, run

    try:
        return rows(run(store, q, params))
    except SyntaxError as e:
        raise QueryFailed(f"{q.name}: {e}") from None
    except OSError as e:  # Oxigraph's error for a SERVICE endpoint it cannot reach
        if "SERVICE" not in q.text:
            raise QueryFailed(f"{q.name}: {e}") from None
        endpoint = bindings(q, params).get("endpoint")
        raise QueryFailed(f"{q.name}: cannot reach the endpoint {str(endpoint or 'of its SERVICE').strip('<>')} ({e}). "
                          f"No network? Run it again where the endpoint can be reached, or give one that can "
                          f"(--param endpoint=URL).") from None
    except RuntimeError as e:
        raise QueryFailed(f"{q.name}: {e}") from None
