"""The store as its own index: which graph came from which file, and whether it is current.

**The store is its own index.**  Every article graph says where it came from
and what it was built from, in quads about the article node (whose IRI is the
graph name): ``fakg:sourceFile`` (the path, ``path:line`` for JSON Lines),
``fakg:contentHash`` (SHA-256 of the decoded page) and
``fakg:extractorVersion``.  Oxigraph indexes every quad by object as well as
by subject, so "which graph came from this source, and is it current?" is two
index seeks (:func:`current_graph`), answered before an article is extracted;
a rebuild of a folder in which a few files changed only reads and hashes the
others.  No sidecar file can drift out of step with the graphs, and an export
of the store carries the index with it.

**One article, several files.**  The article IRI is the story's identity
(agency and news id), so two files can hold one article (a page saved twice,
one byte apart).  The file read first is *kept*: it is the graph's
``fakg:sourceFile``, and the article is extracted from it.  Each other file
is a *copy*, recorded in the graph without being extracted: ``article
fakg:copy c . c fakg:copyFile "path" ; fakg:copyHash "sha-256"``
(:func:`copy_quads`).  A copy with the same content is current like the kept
file (:func:`current_graph`) as long as the kept file is still there; when
it is gone, the next build reads the article from the copy.  An article
read from several paths is removed when all of them are (:func:`plan_removal`,
which answers ``fakg remove``).
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad, Store

from .. import __version__
from ..graph import name_index
from ..graph.iri import mint
from ..graph.namespaces import FAKG, XSD
from ..read.paths import from_stored, stored

CONTENT_HASH = FAKG("contentHash")


EXTRACTOR_VERSION = FAKG("extractorVersion")


SOURCE_FILE = FAKG("sourceFile")


QUAD_COUNT = FAKG("quadCount")


COPY = FAKG("copy")


COPY_FILE = FAKG("copyFile")


COPY_HASH = FAKG("copyHash")


def stamp_quads(graph: NamedNode, content_hash: str, quads: int) -> list[Quad]:
    """The quads that let a later build recognise this graph as up to date.

    They include ``fakg:quadCount``: ``quads``, the number of quads in the
    graph once stamped (:func:`stamped_size`), so that the size of the store
    is a sum over articles (``queries/summary.rq``) rather than a scan of
    every quad.
    """
    return [
        Quad(graph, CONTENT_HASH, Literal(content_hash), graph),
        Quad(graph, EXTRACTOR_VERSION, Literal(__version__), graph),
        Quad(graph, QUAD_COUNT, Literal(str(quads), datatype=XSD("integer")), graph),
    ]


def stamped_size(quads: list[Quad], content_hash: str) -> int:
    """How many quads an article's graph holds once written and stamped (the article may state its hash too)."""
    return len(set(quads).union(stamp_quads(quads[0].graph_name, content_hash, 0)))


def _value(store: Store, graph: NamedNode, predicate: NamedNode, subject: NamedNode | None = None) -> str | None:
    """The value of ``predicate`` on ``subject`` (default: the article node, the graph's name) in ``graph``."""
    for q in store.quads_for_pattern(subject or graph, predicate, None, graph):
        return q.object.value
    return None


def is_current(store: Store, graph: NamedNode, content_hash: str) -> bool:
    """True when ``graph`` was built from this content by this extractor version."""
    return (
        _value(store, graph, EXTRACTOR_VERSION) == __version__
        and _value(store, graph, CONTENT_HASH) == content_hash
    )


@dataclass(frozen=True)
class Kept:
    """What the store says about an article graph: the file it was extracted from, and whether
    this extractor version built it."""

    source: str
    current: bool


def kept(store: Store, graph: NamedNode) -> Kept | None:
    """The kept file of ``graph`` (None: no such article in the store)."""
    source = _value(store, graph, SOURCE_FILE)
    if source is None:
        return None
    return Kept(from_stored(source), _value(store, graph, EXTRACTOR_VERSION) == __version__)


def graphs_of_source(store: Store, source: str) -> list[NamedNode]:
    """The article graphs whose ``fakg:sourceFile`` (the kept file) is exactly ``source`` (a path
    as Python has it; :func:`builder.read.paths.stored` makes the literal)."""
    return [q.graph_name for q in store.quads_for_pattern(None, SOURCE_FILE, Literal(stored(source)), None)
            if q.subject == q.graph_name]


def graphs_copied_from(store: Store, source: str) -> list[NamedNode]:
    """The article graphs that record ``source`` as a copy."""
    return [q.graph_name for q in store.quads_for_pattern(None, COPY_FILE, Literal(stored(source)), None)]


def current_graph(store: Store, source: str, content_hash: str) -> NamedNode | None:
    """The graph built from ``source`` with this content by this extractor version, if there is one.

    This is the check a build makes *before* extracting an article: two index
    seeks, no extraction, no hazm.  A copy with this content counts while its
    article's kept file is still there; once that file is gone the copy is
    extracted and takes its place.
    """
    for g in graphs_of_source(store, source):
        if is_current(store, g, content_hash):
            return g
    for q in store.quads_for_pattern(None, COPY_FILE, Literal(stored(source)), None):
        g = q.graph_name
        if (_value(store, g, COPY_HASH, q.subject) == content_hash and _value(store, g, EXTRACTOR_VERSION) == __version__
                and os.path.lexists(file_of(from_stored(_value(store, g, SOURCE_FILE) or "")))):
            return g
    return None


def copy_node(graph: NamedNode, source: str) -> NamedNode:
    """The node that records ``source`` as a copy of the article ``graph``."""
    return mint("copy", graph, hashlib.sha256(stored(source).encode("utf-8")).hexdigest()[:16])


def copy_quads(graph: NamedNode, source: str, content_hash: str) -> list[Quad]:
    """``source`` (with this content) recorded as a copy of the article ``graph``."""
    node = copy_node(graph, source)
    return [Quad(graph, COPY, node, graph), Quad(node, COPY_FILE, Literal(stored(source)), graph),
            Quad(node, COPY_HASH, Literal(content_hash), graph)]


def copies(store: Store, graph: NamedNode) -> list[tuple[str, str]]:
    """``(file, content hash)`` of every copy recorded in ``graph``, sorted."""
    return sorted((from_stored(q.object.value), _value(store, graph, COPY_HASH, q.subject) or "")
                  for q in store.quads_for_pattern(None, COPY_FILE, None, graph))


def record_copies(store: Store, graph: NamedNode, add: Iterable[tuple[str, str]] = (),
                  forget: Iterable[str] = ()) -> None:
    """Record the copies ``add`` (file, content hash) in ``graph`` and forget the files ``forget``,
    then count the graph's quads again (``fakg:quadCount``, when the graph is stamped)."""
    for source in [*forget, *(path for path, _ in add)]:
        node = copy_node(graph, source)
        for q in list(store.quads_for_pattern(node, None, None, graph)) + [Quad(graph, COPY, node, graph)]:
            store.remove(q)
    store.extend([q for path, h in add for q in copy_quads(graph, path, h)])
    old = list(store.quads_for_pattern(graph, QUAD_COUNT, None, graph))
    if old:
        for q in old:
            store.remove(q)
        n = sum(1 for _ in store.quads_for_pattern(None, None, None, graph)) + 1
        store.add(Quad(graph, QUAD_COUNT, Literal(str(n), datatype=XSD("integer")), graph))


def replace_graph(store: Store, graph: NamedNode, quads: list[Quad]) -> None:
    """Drop ``graph`` and insert ``quads`` (which must all be in ``graph``)."""
    store.remove_graph(graph)
    store.extend(quads)


_LINE_SUFFIX = re.compile(r":\d+$")


def sources(store: Store) -> Iterator[tuple[str, NamedNode]]:
    """Every ``(kept file, article graph)`` in the store, the file as the path Python names it
    (undecodable bytes surrogate-escaped again: :func:`builder.read.paths.from_stored`)."""
    for q in store.quads_for_pattern(None, SOURCE_FILE, None, None):
        if q.subject == q.graph_name:
            yield from_stored(q.object.value), q.graph_name


def file_of(source: str) -> str:
    """The file a source names: ``data/x.jsonl:7`` -> ``data/x.jsonl`` (when that is how it reads)."""
    if os.path.lexists(source):
        return source
    return _LINE_SUFFIX.sub("", source)


def _norm(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


@dataclass
class Removal:
    """What ``fakg remove`` does: the articles to drop, the copies to forget, and what it does not do.

    ``unmatched``: named paths from which no article was read; ``still_read``: a named path that
    is an article's kept file, with the article's other files, which were not all named.
    """

    graphs: list[NamedNode] = field(default_factory=list)
    forget: list[tuple[NamedNode, str]] = field(default_factory=list)  # (article graph, copy file)
    unmatched: list[str] = field(default_factory=list)
    still_read: list[tuple[str, list[str]]] = field(default_factory=list)
    removed: int = 0  # articles removed, once carried out


def plan_removal(store: Store, paths: Iterable[str] = (), *, missing: bool = False) -> Removal:
    """What removing ``paths`` (files, JSON Lines files, folders), and with ``missing`` the files
    that no longer exist, does to the store.

    An article read from several files (its kept file and its copies) is removed when every one
    of them is named or gone; otherwise only the copies named or gone are forgotten (the article
    is still read from the others: a gone kept file is replaced by a copy at the next build).
    A file matches a path when it is that path, a line of it (``path:N``) or a file under it (a
    folder); both are made absolute against the current folder, so give paths as you gave them
    to ``fakg build`` (or from the same folder).
    """
    wanted = {p: _norm(p) for p in paths}
    matched: set[str] = set()

    def named(source: str) -> bool:
        candidates = {_norm(source), _norm(_LINE_SUFFIX.sub("", source))}
        hits = [p for p, n in wanted.items()
                if any(c == n or c.startswith(n.rstrip(os.sep) + os.sep) for c in candidates)]
        matched.update(hits)
        return bool(hits)

    plan = Removal()
    for source, graph in list(sources(store)):
        files = [source, *(path for path, _ in copies(store, graph))]
        by_name = [f for f in files if named(f)]
        gone = [f for f in files if f in by_name or (missing and not os.path.lexists(file_of(f)))]
        if len(gone) == len(files):
            plan.graphs.append(graph)
            continue
        plan.forget += [(graph, f) for f in gone if f != source]
        if source in by_name:
            plan.still_read.append((source, [f for f in files if f not in gone]))
    plan.unmatched = [p for p in wanted if p not in matched]
    return plan


def carry_out(store: Store, plan: Removal) -> int:
    """Apply ``plan`` (:func:`plan_removal`); return how many articles were removed."""
    forget: dict[NamedNode, list[str]] = {}
    for graph, source in plan.forget:
        forget.setdefault(graph, []).append(source)
    for graph, sources_ in forget.items():
        record_copies(store, graph, forget=sources_)
    return remove_graphs(store, plan.graphs) if plan.graphs else 0


def remove_graphs(store: Store, graphs: Iterable[NamedNode]) -> int:
    """Drop these graphs and what only they put in the name index; return how many were there."""
    n = name_index.drop_graphs(store, graphs)
    name_index.prune(store)
    return n
