"""The on-disk Oxigraph store: opening it, replacing articles' graphs, finding them again.

Each article lives in its own named graph, keyed by the article IRI.  A build
writes an article by dropping its graph and inserting the new quads, so
building the same input twice leaves the store as it was, and an article whose
page changed is replaced rather than duplicated.

**The store is its own index.**  Every article graph says where it came from
and what it was built from, in quads about the article node (whose IRI is the
graph name): ``fakg:sourceFile`` (the path, ``path:line`` for JSON Lines),
``fakg:contentHash`` (SHA-256 of the decoded page) and
``fakg:extractorVersion``.  Oxigraph indexes every quad by object as well as
by subject, so "which graph came from this source, and is it current?" is two
index seeks (:func:`current_graph`), answered before an article is extracted;
a rebuild of a folder in which a few files changed only reads and hashes the
others.  No sidecar file can drift out of step with the graphs, and an export
of the store carries the index with it.  :func:`graphs_from_sources` and
:func:`missing_sources` answer ``fakg remove``.

Writes: :func:`replace_graph` replaces one graph in a transaction.  A large
build goes through :class:`Loader`, which drops the graphs about to be
replaced and feeds the new ones to Oxigraph's bulk loader (no transaction,
several times faster) in chunks of a few tens of megabytes of N-Quads, then
writes the ``fakg:extractorVersion`` stamps in a small transaction.  A build
interrupted in the middle of a chunk therefore leaves graphs without a stamp,
which the next build treats as stale and rebuilds.
"""
from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from queue import Queue

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

from . import __version__
from .namespaces import FAKG

DEFAULT_STORE = "kg"

CONTENT_HASH = FAKG("contentHash")
EXTRACTOR_VERSION = FAKG("extractorVersion")
SOURCE_FILE = FAKG("sourceFile")


class StoreBusy(RuntimeError):
    """Another process holds the store open for writing."""


def open_store(path: str | os.PathLike, *, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at ``path``.

    RocksDB allows one writer per directory; a second writer gets
    :class:`StoreBusy` with a message that names the directory.
    """
    path = Path(path)
    if read_only:
        if not path.exists():
            raise FileNotFoundError(f"{path}: no store here (run `fakg build` first)")
        return Store.read_only(str(path))
    try:
        return Store(str(path))
    except OSError as e:
        if "lock" in str(e).lower():
            raise StoreBusy(f"{path}: the store is being written by another process (a build?); try again when it ends") from e
        raise


def stamp_quads(graph: NamedNode, content_hash: str) -> list[Quad]:
    """The quads that let a later build recognise this graph as up to date."""
    return [
        Quad(graph, CONTENT_HASH, Literal(content_hash), graph),
        Quad(graph, EXTRACTOR_VERSION, Literal(__version__), graph),
    ]


def _value(store: Store, graph: NamedNode, predicate: NamedNode) -> str | None:
    for q in store.quads_for_pattern(graph, predicate, None, graph):
        return q.object.value
    return None


def is_current(store: Store, graph: NamedNode, content_hash: str) -> bool:
    """True when ``graph`` was built from this content by this extractor version."""
    return (
        _value(store, graph, EXTRACTOR_VERSION) == __version__
        and _value(store, graph, CONTENT_HASH) == content_hash
    )


def graphs_of_source(store: Store, source: str) -> list[NamedNode]:
    """The article graphs whose ``fakg:sourceFile`` is exactly ``source``."""
    return [q.graph_name for q in store.quads_for_pattern(None, SOURCE_FILE, Literal(source), None)
            if q.subject == q.graph_name]


def current_graph(store: Store, source: str, content_hash: str) -> NamedNode | None:
    """The graph built from ``source`` with this content by this extractor version, if there is one.

    This is the check a build makes *before* extracting an article: two index
    seeks, no extraction, no hazm.
    """
    for g in graphs_of_source(store, source):
        if is_current(store, g, content_hash):
            return g
    return None


def replace_graph(store: Store, graph: NamedNode, quads: list[Quad]) -> None:
    """Drop ``graph`` and insert ``quads`` (which must all be in ``graph``)."""
    store.remove_graph(graph)
    store.extend(quads)


# --- removing articles by source -----------------------------------------

_LINE_SUFFIX = re.compile(r":\d+$")


def sources(store: Store) -> Iterator[tuple[str, NamedNode]]:
    """Every ``(source, article graph)`` in the store."""
    for q in store.quads_for_pattern(None, SOURCE_FILE, None, None):
        if q.subject == q.graph_name:
            yield q.object.value, q.graph_name


def _file_of(source: str) -> str:
    """The file a source names: ``data/x.jsonl:7`` -> ``data/x.jsonl`` (when that is how it reads)."""
    if os.path.lexists(source):
        return source
    return _LINE_SUFFIX.sub("", source)


def _norm(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


def graphs_from_sources(store: Store, paths: Iterable[str]) -> dict[str, list[NamedNode]]:
    """For each of ``paths`` (a file, a JSON Lines file or a folder), the graphs built from it.

    A source matches a path when it is that path, a line of it (``path:N``) or
    a file under it (a folder).  Paths are compared after making both absolute
    against the current folder, so give them as you gave them to ``fakg build``
    (or from the same folder).
    """
    wanted = {p: _norm(p) for p in paths}
    found: dict[str, list[NamedNode]] = {p: [] for p in wanted}
    for source, graph in sources(store):
        candidates = {_norm(source), _norm(_LINE_SUFFIX.sub("", source))}
        for p, n in wanted.items():
            under = n.rstrip(os.sep) + os.sep
            if any(c == n or c.startswith(under) for c in candidates):
                found[p].append(graph)
    return found


def missing_sources(store: Store) -> list[tuple[str, NamedNode]]:
    """``(source, graph)`` for every article whose source file no longer exists."""
    return [(s, g) for s, g in sources(store) if not os.path.lexists(_file_of(s))]


def remove_graphs(store: Store, graphs: Iterable[NamedNode]) -> int:
    """Drop these graphs; return how many were there."""
    n = 0
    for g in set(graphs):
        if store.contains_named_graph(g):
            store.remove_graph(g)
            n += 1
    return n


# --- bulk loading -----------------------------------------------------------

class Loader:
    """Writes article graphs in chunks, on a thread of its own, with replace semantics.

    ``add(graph, content_hash, nquads, drop=())`` queues one article: its
    N-Quads (every quad in ``graph``), plus older graphs to drop (the graphs
    its source used to produce under another IRI).  A chunk is written when it
    holds ``chunk_bytes`` of N-Quads: the graphs it replaces are dropped, the
    N-Quads go to Oxigraph's bulk loader (a small chunk, as in an incremental
    build, goes through an ordinary transaction instead), then the
    extractor-version stamps are written in one transaction.  At most one
    chunk waits while another is written, so memory stays bounded however
    large the build.

    :meth:`pending` tells whether a graph is queued but not yet in the store;
    :meth:`barrier` waits until everything queued is written.
    """

    def __init__(self, store: Store, *, chunk_bytes: int = 32 << 20, bulk_min_bytes: int = 4 << 20):
        self.store = store
        self.chunk_bytes = chunk_bytes
        self.bulk_min_bytes = bulk_min_bytes
        self._chunk: list[tuple[NamedNode, str, bytes, tuple]] = []
        self._size = 0
        self._pending: dict[str, str] = {}  # graph IRI -> content hash, queued and not yet written
        self._lock = threading.Lock()
        self._queue: Queue = Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="fakg-loader", daemon=True)
        self._thread.start()

    # called from the building thread

    def pending(self, graph: NamedNode) -> str | None:
        """The content hash of ``graph`` if it is queued and not yet written, else None."""
        with self._lock:
            return self._pending.get(graph.value)

    def add(self, graph: NamedNode, content_hash: str, nquads: bytes, drop: Iterable[NamedNode] = ()) -> None:
        self._check()
        if self.pending(graph) is not None:  # the same article twice in one build: the later one wins
            self.barrier()
        with self._lock:
            self._pending[graph.value] = content_hash
        self._chunk.append((graph, content_hash, nquads, tuple(drop)))
        self._size += len(nquads)
        if self._size >= self.chunk_bytes:
            self._send()

    def barrier(self) -> None:
        """Return when everything added so far is in the store."""
        self._send()
        self._queue.join()
        self._check()

    def close(self) -> None:
        self.barrier()
        self._queue.put(None)
        self._thread.join()
        self.store.flush()

    def _send(self) -> None:
        if self._chunk:
            chunk, self._chunk, self._size = self._chunk, [], 0
            self._queue.put(chunk)

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

    # the loader thread

    def _run(self) -> None:
        while True:
            chunk = self._queue.get()
            try:
                if chunk is None:
                    return
                if self._error is None:
                    self._write(chunk)
            except BaseException as e:  # reported to the building thread at its next call
                self._error = e
            finally:
                self._queue.task_done()

    def _write(self, chunk) -> None:
        store = self.store
        for graph, _, _, drop in chunk:
            for g in (graph, *drop):
                if store.contains_named_graph(g):
                    store.remove_graph(g)
        data = b"".join(nq for _, _, nq, _ in chunk)
        if len(data) >= self.bulk_min_bytes:
            store.bulk_load(data, format=RdfFormat.N_QUADS, lenient=True)
        else:
            store.load(data, format=RdfFormat.N_QUADS, lenient=True)
        store.extend([q for graph, h, _, _ in chunk for q in stamp_quads(graph, h)])
        with self._lock:
            for graph, h, _, _ in chunk:
                if self._pending.get(graph.value) == h:
                    del self._pending[graph.value]
