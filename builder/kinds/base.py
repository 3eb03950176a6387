"""The record every kind of thing the pipeline extracts is declared by (:class:`Kind`).

A kind's record is read by :mod:`builder.text.document` (where its items live),
:mod:`builder.graph.iri` (how its IRIs are made), :mod:`builder.graph.graph` (how its
items become quads), :mod:`builder.use.export` (whether it is a node of the
network) and :mod:`builder.use.facts` (whether it is in the facts JSON).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from pyoxigraph import Literal, NamedNode

#: a kind whose items are named across articles: ``{base}{kind}/{key}``, one IRI wherever it is named
NAMED = "named"
#: a kind whose items are facts of one article: ``{article}/{kind}/{index}``
IN_ARTICLE = "in_article"


class Writer(Protocol):
    """What a kind's ``describe`` is given: the article being written (:class:`builder.graph.graph.Writer`)."""

    doc: Any  # the Document
    g: NamedNode  # the article's IRI and graph

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal | None) -> None: ...
    def first_time(self, node: NamedNode) -> bool: ...
    def mint(self, kind: str, *parts) -> NamedNode: ...
    def node(self, kind: str, key: str | None) -> NamedNode | None: ...
    def name(self, node: NamedNode, label: Literal | None, place: bool = False) -> None: ...
    def evidence(self, subject: NamedNode, evidence: list) -> None: ...
    def fact(self, node: NamedNode, types: tuple[NamedNode, ...]) -> None: ...
    def gazetteer(self, kind: str, key: str | None): ...
    def is_agency(self, key: str) -> bool: ...
    def publisher(self) -> NamedNode | None: ...
    def province_of(self, key: str | None) -> str | None: ...
    def name_key(self, node: NamedNode, text: str, place: bool = False) -> None: ...
    def target_group(self, concept: str) -> NamedNode: ...
    def variable_group(self, variable: NamedNode, group: NamedNode | None) -> None: ...
    def count_figure(self, variable: NamedNode, province: str | None) -> None: ...
    def count_quote(self, group: NamedNode) -> None: ...


@dataclass(frozen=True)
class Kind:
    """One kind of thing the pipeline extracts: a person, an organisation, a figure, a quote…

    ``describe(writer, key or index)`` writes one item's quads and returns its
    node; a named kind's is called the first time an article refers to the
    item (:meth:`Writer.node`), and returns None for no key.
    """

    name: str  #: its IRI kind and its name everywhere ("person")
    attribute: str  #: the Document attribute that holds its items ("persons")
    item: type  #: the dataclass of one item
    scope: str  #: :data:`NAMED` (a dict by key) or :data:`IN_ARTICLE` (a list, by index)
    classes: tuple[NamedNode, ...]  #: RDF classes every node of the kind has; the first is the one to look for
    describe: Callable[[Writer, Any], NamedNode | None]
    #: named kinds: whether the article ``schema:mentions`` an item (default: every item it holds)
    mentioned: Callable[[Any], bool] = field(default=lambda item: True)
    network: str | None = None  #: its node type in ``fakg export`` networks (None: not a node)
    color: tuple[int, int, int] | None = None  #: its nodes' colour in GEXF
    facts: str | None = None  #: its key in the facts JSON, and its query ``queries/facts/{facts}.rq``

    def empty(self) -> dict | list:
        """A document's items of this kind before any is found."""
        return {} if self.scope == NAMED else []
