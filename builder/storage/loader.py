"""Writing article graphs in chunks with Oxigraph's bulk loader, on a thread of its own.

Writes: :func:`builder.storage.index.replace_graph` replaces one graph in a transaction.  A large
build goes through :class:`builder.storage.loader.Loader`, which drops the graphs about to be
replaced and feeds the new ones to Oxigraph's bulk loader (no transaction,
several times faster) in chunks of a few tens of megabytes of N-Quads, then
writes the ``fakg:extractorVersion`` stamps in a small transaction.  A build
interrupted in the middle of a chunk therefore leaves graphs without a stamp,
which the next build treats as stale and rebuilds.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from queue import Queue

from pyoxigraph import NamedNode, RdfFormat, Store

from ..graph import name_index
from .access import Writer
from .index import copies, record_copies, stamp_quads

@dataclass
class _Article:
    graph: NamedNode
    content_hash: str
    nquads: bytes
    drop: tuple[NamedNode, ...]
    count: int
    source: str | None


@dataclass
class _Chunk:
    """What one write does: articles to (re)write, copies to record, copies to forget, in input order."""

    articles: list[_Article] = field(default_factory=list)
    copies: list[tuple[NamedNode, str, str]] = field(default_factory=list)  # (graph, file, content hash)
    forget: list[tuple[NamedNode, str]] = field(default_factory=list)  # (graph, file)
    drop: list[NamedNode] = field(default_factory=list)  # graphs a copy's file was the kept file of
    marks: set[NamedNode] = field(default_factory=set)  # entities whose index entries were thrown away
    size: int = 0

    def __bool__(self) -> bool:
        return bool(self.articles or self.copies or self.forget or self.drop or self.marks)


class Loader:
    """Writes article graphs in chunks, on a thread of its own, with replace semantics.

    ``add(graph, content_hash, nquads, count, drop=(), source=None, forget=())``
    queues one article: its N-Quads (the quads of ``graph``, which holds
    ``count`` once stamped, and its entries in the name index), plus older
    graphs to drop (the graphs its source used to produce under another IRI)
    and graphs in which its source was a copy.  ``add_copy`` records a file as
    a copy of an article.  A chunk is written when it
    holds ``chunk_bytes`` of N-Quads: the graphs it replaces are dropped, the
    N-Quads go to Oxigraph's bulk loader (a small chunk, as in an incremental
    build, goes through an ordinary transaction instead), then the
    extractor-version stamps are written in one transaction, the copies are
    recorded (those of a rewritten article kept) and the name
    index is pruned of what only the dropped graphs named
    (:mod:`builder.graph.name_index`).  At most one
    chunk waits while another is written, so memory stays bounded however
    large the build.

    :meth:`pending` tells whether a graph is queued but not yet in the store
    (:meth:`queued_source`: from which file);
    :meth:`barrier` waits until everything queued is written.  Given a
    :class:`Writer` rather than a store, the chunks are written through it
    (:meth:`Writer.write`: into the store it keeps open while no reader
    waits); :attr:`written` counts the articles written.
    """

    def __init__(self, store: Store | Writer, *, chunk_bytes: int = 32 << 20, bulk_min_bytes: int = 4 << 20,
                 sent_once: bool = False):
        self.store = store
        self.sent_once = sent_once  # the workers send each index entry once (name_index.Sent): settle at the end
        self.written = 0  # articles in the store
        self.chunk_bytes = chunk_bytes
        self.bulk_min_bytes = bulk_min_bytes
        self._chunk = _Chunk()
        self._pending: dict[str, tuple[str, str | None]] = {}  # graph IRI -> (content hash, source), not yet written
        self._lock = threading.Lock()
        self._queue: Queue = Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="fakg-loader", daemon=True)
        self._thread.start()

    # called from the building thread

    def pending(self, graph: NamedNode) -> str | None:
        """The content hash of ``graph`` if it is queued and not yet written, else None."""
        with self._lock:
            return self._pending.get(graph.value, (None, None))[0]

    def queued_source(self, graph: NamedNode) -> str | None:
        """The file ``graph`` is queued from, if it is queued and not yet written."""
        with self._lock:
            return self._pending.get(graph.value, (None, None))[1]

    def add(self, graph: NamedNode, content_hash: str, nquads: bytes, count: int,
            drop: Iterable[NamedNode] = (), *, source: str | None = None, forget: Iterable[NamedNode] = ()) -> None:
        """Queue one article: ``graph`` holds ``count`` quads once stamped (:func:`stamped_size`).

        ``nquads`` holds the graph's quads but its stamps, and the article's name index entries;
        ``source`` is the file it was read from, which ``forget`` (graphs) no longer record as a copy.
        """
        self._check()
        if self.pending(graph) is not None:  # the same article twice: the later one wins
            self.barrier()
        with self._lock:
            self._pending[graph.value] = (content_hash, source)
        self._chunk.articles.append(_Article(graph, content_hash, nquads, tuple(drop), count, source))
        self._chunk.forget += [(g, source) for g in forget]
        self._chunk.size += len(nquads)
        if self._chunk.size >= self.chunk_bytes:
            self._send()

    def add_copy(self, graph: NamedNode, source: str, content_hash: str, drop: Iterable[NamedNode] = (),
                 forget: Iterable[NamedNode] = ()) -> None:
        """Record ``source`` (with this content) as a copy of the article ``graph``, queued before it;
        drop the graphs ``source`` was the kept file of, and forget it as a copy of ``forget``."""
        self._check()
        self._chunk.copies.append((graph, source, content_hash))
        self._chunk.forget += [(g, source) for g in forget]
        self._chunk.drop += drop

    def discard(self, nquads: bytes) -> None:
        """An extracted article is thrown away (stored already, or a copy): the index entries it
        carried were sent once, so the entities they are about are settled at the end."""
        if self.sent_once:
            self._chunk.marks |= name_index.entities_in(bytes(nquads))

    def barrier(self) -> None:
        """Return when everything added so far is in the store."""
        self._send()
        self._queue.join()
        self._check()

    def close(self) -> None:
        self.barrier()
        self._queue.put(None)
        self._thread.join()
        if self.sent_once and self._read(name_index.pending):
            self._apply(name_index.settle)
        if isinstance(self.store, Store):
            self.store.flush()

    def _read(self, fn):
        return fn(self.store) if isinstance(self.store, Store) else self.store.read(fn)

    def _apply(self, fn) -> None:
        if isinstance(self.store, Store):
            fn(self.store)
        else:
            self.store.write(fn)

    def _send(self) -> None:
        if self._chunk:
            chunk, self._chunk = self._chunk, _Chunk()
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

    def _write(self, chunk: _Chunk) -> None:
        self._apply(lambda store: self._write_into(store, chunk))
        with self._lock:
            for a in chunk.articles:
                if self._pending.get(a.graph.value, (None,))[0] == a.content_hash:
                    del self._pending[a.graph.value]
            self.written += len(chunk.articles)

    def _write_into(self, store: Store, chunk: _Chunk) -> None:
        articles = chunk.articles
        # copies of an article that is rewritten stay recorded (but its kept file's own record)
        records: dict[NamedNode, tuple[dict[str, str], set[str]]] = {}
        for a in articles:
            records[a.graph] = ({f: h for f, h in copies(store, a.graph) if f != a.source}, set())
        name_index.drop_graphs(store, [g for a in articles for g in (a.graph, *a.drop)] + chunk.drop)
        name_index.mark(store, chunk.marks)
        data = b"".join(a.nquads for a in articles)
        if len(data) >= self.bulk_min_bytes:
            store.bulk_load(data, format=RdfFormat.N_QUADS, lenient=True)
        elif data:  # (a chunk may hold only copies)
            store.load(data, format=RdfFormat.N_QUADS, lenient=True)
        store.extend([q for a in articles for q in stamp_quads(a.graph, a.content_hash, a.count)])
        for graph, source, h in chunk.copies:
            records.setdefault(graph, ({}, set()))[0][source] = h
        for graph, source in chunk.forget:
            add, forget = records.setdefault(graph, ({}, set()))
            add.pop(source, None)
            forget.add(source)
        for graph, (add, forget) in records.items():
            if add or forget:
                record_copies(store, graph, sorted(add.items()), sorted(forget))
        name_index.prune(store, keep_marks=self.sent_once)
