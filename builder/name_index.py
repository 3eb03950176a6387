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
"""
from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad, Store

from .namespaces import FAKG, NAMES_GRAPH, RDF, RDFS, XSD

INDEX_KEY = FAKG("indexKey")
INDEX_CLASS = FAKG("indexClass")
INDEX_LABEL = FAKG("indexLabel")
INDEX_PENDING = FAKG("indexPending")
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


def drop_graphs(store: Store, graphs: Iterable[NamedNode]) -> int:
    """Drop these article graphs, marking the entities they name for :func:`prune`; return how many were there."""
    present = [g for g in dict.fromkeys(graphs) if store.contains_named_graph(g)]
    named = {q.subject for g in present for q in store.quads_for_pattern(None, _NAME_KEY, None, g)}
    store.extend(Quad(node, INDEX_PENDING, _TRUE, NAMES_GRAPH) for node in named)
    for g in present:
        store.remove_graph(g)
    return len(present)


def pending(store: Store) -> bool:
    """True when marks wait for :func:`prune` (a write was cut short after dropping graphs)."""
    return next(iter(store.quads_for_pattern(None, INDEX_PENDING, None, NAMES_GRAPH)), None) is not None


def prune(store: Store) -> int:
    """Remove the marked entities that no article graph names any more, and the marks; return how many left."""
    marked = [q.subject for q in store.quads_for_pattern(None, INDEX_PENDING, None, NAMES_GRAPH)]
    gone = [node for node in marked if not any(
        q.graph_name != NAMES_GRAPH for q in store.quads_for_pattern(node, _NAME_KEY, None, None))]
    drop = [q for node in gone for q in store.quads_for_pattern(node, None, None, NAMES_GRAPH)]
    drop += [Quad(node, INDEX_PENDING, _TRUE, NAMES_GRAPH) for node in marked]
    for q in dict.fromkeys(drop):
        store.remove(q)
    if marked and next(iter(store.quads_for_pattern(None, None, None, NAMES_GRAPH)), None) is None:
        store.remove_graph(NAMES_GRAPH)  # Oxigraph keeps an emptied graph's name; a clean build has none
    return len(gone)
