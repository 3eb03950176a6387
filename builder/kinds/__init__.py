"""The registry of kinds: one record (:class:`Kind`) per kind of thing the pipeline extracts.

A record holds everything the rest of the builder needs to know about a kind:
its dataclass, where a Document keeps its items, how its IRIs are made
(:data:`NAMED` kinds are keyed by name across articles, :data:`IN_ARTICLE`
ones are facts of one article), its RDF classes, how an item becomes quads
(``describe``), and whether it is a node of the exported network and an entry
of the facts JSON.  :mod:`builder.text.document`, :mod:`builder.graph.iri`,
:mod:`builder.graph.graph`, :mod:`builder.use.export` and :mod:`builder.use.facts` read it,
so a new kind is declared here once (``CONTRIBUTING.md``: adding a kind).

:data:`KINDS` is also the order in which an article's items are written.
"""
from __future__ import annotations

from .base import IN_ARTICLE, NAMED, Kind, Writer
from .entities import KINDS as _ENTITIES
from .entities import Organization, Person, Place, Program
from .facts import KINDS as _FACTS
from .facts import Event, Post, Quote, Statistic

__all__ = ["IN_ARTICLE", "KIND", "KINDS", "NAMED", "Event", "Kind", "Organization", "Person", "Place", "Post",
           "Program", "Quote", "Statistic", "Writer", "by_attribute"]

#: every kind, in the order an article's items are written: named entities first, then facts
KINDS: tuple[Kind, ...] = (*_ENTITIES, *_FACTS)
#: the kinds by name
KIND: dict[str, Kind] = {k.name: k for k in KINDS}


def by_attribute(attribute: str) -> Kind | None:
    """The kind whose items a Document keeps in ``attribute`` ("persons"), if any."""
    return next((k for k in KINDS if k.attribute == attribute), None)
