"""The store-wide name index: every person, organisation, place, program and agency named anywhere, once.

Why: a query given part of a name (``person_name=کریمیان``) must compare it
with the name keys of everything named in the store, and a substring match can
use no index.  In the article graphs a person's ``fakg:nameKey`` is repeated
once per article that names them, so that comparison scanned every article
graph: 13 s for one name at 100,000 articles.  The index graph
(:data:`NAMES_GRAPH`) holds each named entity once, with the keys of its
names, its classes and its labels (every spelling any article used)::

    GRAPH <https://w3id.org/fakg/graph/names> {
        person:کریمیان‌زاده fakg:indexKey "..." ; fakg:indexClass schema:Person ;
            fakg:indexLabel "..."@fa .
    }

A query scans the index (one row per distinct entity and key) and follows
each match into the articles that name it with an index lookup
(``GRAPH ?g { ?person a schema:Person }`` with ``?person`` bound).  The index
uses properties of its own, not ``fakg:nameKey``, ``rdf:type`` and
``rdfs:label``, so no pattern written for article graphs
(``GRAPH ?g { ?node a ?class }``) ever matches it.

Keeping it true: the index is the union, over article graphs, of
:func:`index_quads`, which the workers write with each article (RDF is a set:
an entity named in a thousand articles is stored once).  Dropping a graph can
leave entries that no article supports any more; :func:`drop_graphs` first
marks the entities the graphs name (``fakg:indexPending``, in one
transaction), then drops them, and :func:`prune`, at the end of the same write,
removes the marked entities that no article graph names and the marks.  A
process killed in between leaves marks, which the next build prunes before
anything else (:mod:`builder.build`): the store ends as a clean build leaves
it.

Sent once: most of an article's entries are already in the store (a province,
the welfare organisation, the agency: 68 of 79 at 2000 articles), so a build's
workers send each entry only the first time (:class:`Sent`).  A later article
of the same worker that names the entity then relies on the earlier one's
entries, and two things can take them away before the build ends: the parent
throws an extracted article away (already stored as it is, or a copy of an
article read from another file), or a write prunes an entity that no article
named at that moment.  Both leave the entity marked (``fakg:indexUnsettled``),
and :func:`settle`, at
the end of the build (or at the start of the next one, if it was killed),
rebuilds each marked entity's entries from the article graphs that name it.
"""
from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, parse

from .namespaces import FAKG, NAMES_GRAPH, RDF, RDFS, XSD

INDEX_KEY = FAKG("indexKey")
INDEX_CLASS = FAKG("indexClass")
INDEX_LABEL = FAKG("indexLabel")
INDEX_PENDING = FAKG("indexPending")
INDEX_UNSETTLED = FAKG("indexUnsettled")
_TRUE = Literal("true", datatype=XSD("boolean"))
_NAME_KEY = FAKG("nameKey")
_TYPE = RDF("type")
_LABEL = RDFS("label")
_INDEXED = {_NAME_KEY: INDEX_KEY, _TYPE: INDEX_CLASS, _LABEL: INDEX_LABEL}  # article predicate -> index predicate


def index_quads(quads: Iterable[Quad]) -> list[Quad]:
    """The index entries of one article's quads: each named node's keys, classes and labels, in :data:`NAMES_GRAPH`."""
    keys: dict[NamedNode, list[Literal]] = {}
    other: dict[NamedNode, list[tuple[NamedNode, NamedNode | Literal]]] = {}
    for q in quads:
        p = _INDEXED.get(q.predicate)
        if p is INDEX_KEY:
            keys.setdefault(q.subject, []).append(q.object)
        elif p is not None:
            other.setdefault(q.subject, []).append((p, q.object))
    out = []
    for node, node_keys in keys.items():
        out += [Quad(node, INDEX_KEY, k, NAMES_GRAPH) for k in node_keys]
        out += [Quad(node, p, o, NAMES_GRAPH) for p, o in other.get(node, ())]
    return out


class Sent:
    """The index entries one worker process has sent in one build, so that it sends each once.

    Keyed by the build's token: a worker that outlives a build (a Dask worker, the building
    process itself) starts afresh with the next.  At most ``limit`` entries are remembered
    (the set is emptied when full): the duplicates are mostly a few hundred entities that
    recur in every article, which are remembered again at once.
    """

    def __init__(self, limit: int = 200_000):
        self.limit = limit
        self.token: str | None = None
        self.seen: set[Quad] = set()

    def unsent(self, entries: list[Quad], token: str) -> list[Quad]:
        """The ``entries`` this process has not sent before in build ``token``."""
        if token != self.token or len(self.seen) > self.limit:
            self.token, self.seen = token, set()
        return [q for q in entries if q not in self.seen]

    def remember(self, entries: list[Quad]) -> None:
        """``entries`` are sent (call once the article's N-Quads are made)."""
        self.seen.update(entries)


def entities_in(nquads: bytes) -> set[NamedNode]:
    """The entities whose index entries an article's N-Quads hold (for :func:`mark`)."""
    return {q.subject for q in parse(nquads, format=RdfFormat.N_QUADS) if q.graph_name == NAMES_GRAPH}


def mark(store: Store, nodes: Iterable[NamedNode]) -> None:
    """Mark these entities for :func:`settle`: their entries may be missing (see "Sent once")."""
    store.extend(Quad(node, INDEX_UNSETTLED, _TRUE, NAMES_GRAPH) for node in nodes)


def drop_graphs(store: Store, graphs: Iterable[NamedNode]) -> int:
    """Drop these article graphs, marking the entities they name for :func:`prune`; return how many were there."""
    present = [g for g in dict.fromkeys(graphs) if store.contains_named_graph(g)]
    named = {q.subject for g in present for q in store.quads_for_pattern(None, _NAME_KEY, None, g)}
    store.extend(Quad(node, INDEX_PENDING, _TRUE, NAMES_GRAPH) for node in named)
    for g in present:
        store.remove_graph(g)
    return len(present)


def pending(store: Store) -> bool:
    """True when marks wait for :func:`prune` or :func:`settle` (a write or a build was cut short)."""
    return any(next(iter(store.quads_for_pattern(None, p, None, NAMES_GRAPH)), None) is not None
               for p in (INDEX_PENDING, INDEX_UNSETTLED))


def prune(store: Store, keep_marks: bool = False) -> int:
    """Remove the marked entities that no article graph names any more, and the marks; return how many left.

    With ``keep_marks`` (a build that sends entries once, between its writes) the removed
    entities stay marked (``fakg:indexUnsettled``), for :func:`settle` at the end of the build:
    a later article of the build may name one without sending its entries again.
    """
    marked = [q.subject for q in store.quads_for_pattern(None, INDEX_PENDING, None, NAMES_GRAPH)]
    gone = [node for node in marked if not _named(store, node)]
    drop = [q for node in gone for q in store.quads_for_pattern(node, None, None, NAMES_GRAPH)
            if q.predicate in _INDEXED.values()]
    drop += [Quad(node, INDEX_PENDING, _TRUE, NAMES_GRAPH) for node in marked]
    for q in dict.fromkeys(drop):
        store.remove(q)
    if keep_marks:
        mark(store, gone)
    _forget_empty(store, marked)
    return len(gone)


def settle(store: Store) -> int:
    """Make each marked entity's entries exactly what the article graphs that name it give
    (none when no article names it), then drop the marks; return how many were marked."""
    marked = list(dict.fromkeys(q.subject for p in (INDEX_PENDING, INDEX_UNSETTLED)
                                for q in store.quads_for_pattern(None, p, None, NAMES_GRAPH)))
    for node in marked:
        have = {q for q in store.quads_for_pattern(node, None, None, NAMES_GRAPH) if q.predicate in _INDEXED.values()}
        want = {Quad(node, _INDEXED[q.predicate], q.object, NAMES_GRAPH)
                for g in {k.graph_name for k in store.quads_for_pattern(node, _NAME_KEY, None, None)} - {NAMES_GRAPH}
                for q in store.quads_for_pattern(node, None, None, g) if q.predicate in _INDEXED}
        for q in have - want:
            store.remove(q)
        store.extend(want - have)
        store.remove(Quad(node, INDEX_PENDING, _TRUE, NAMES_GRAPH))
        store.remove(Quad(node, INDEX_UNSETTLED, _TRUE, NAMES_GRAPH))
    _forget_empty(store, marked)
    return len(marked)


def _named(store: Store, node: NamedNode) -> bool:
    return any(q.graph_name != NAMES_GRAPH for q in store.quads_for_pattern(node, _NAME_KEY, None, None))


def _forget_empty(store: Store, marked: list) -> None:
    if marked and next(iter(store.quads_for_pattern(None, None, None, NAMES_GRAPH)), None) is None:
        store.remove_graph(NAMES_GRAPH)  # Oxigraph keeps an emptied graph's name; a clean build has none
