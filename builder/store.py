"""The on-disk Oxigraph store: opening it, and replacing one article's graph.

Each article lives in its own named graph, keyed by the article IRI.  A build
writes an article by dropping its graph and inserting the new quads, so
building the same input twice leaves the store as it was, and an article whose
page changed is replaced rather than duplicated.  The graph records the
content hash and the extractor version it was built from
(:data:`builder.namespaces.FAKG` ``contentHash``/``extractorVersion``) so that
an unchanged article can be skipped without re-extracting it.
"""
from __future__ import annotations

import os
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, Store

from . import __version__
from .namespaces import FAKG

DEFAULT_STORE = "kg"

_STAMP = """
SELECT ?hash ?version WHERE {
  GRAPH ?g { ?g <%s> ?hash . OPTIONAL { ?g <%s> ?version } }
}""" % (FAKG("contentHash").value, FAKG("extractorVersion").value)


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
        Quad(graph, FAKG("contentHash"), Literal(content_hash), graph),
        Quad(graph, FAKG("extractorVersion"), Literal(__version__), graph),
    ]


def is_current(store: Store, graph: NamedNode, content_hash: str) -> bool:
    """True when ``graph`` was built from this content by this extractor version."""
    if not store.contains_named_graph(graph):
        return False
    for row in store.query(_STAMP, substitutions={_var("g"): graph}):
        return row["hash"].value == content_hash and row["version"] is not None and row["version"].value == __version__
    return False


def replace_graph(store: Store, graph: NamedNode, quads: list[Quad]) -> None:
    """Drop ``graph`` and insert ``quads`` (which must all be in ``graph``)."""
    store.remove_graph(graph)
    store.extend(quads)


def _var(name: str):
    from pyoxigraph import Variable

    return Variable(name)
