"""Vocabulary namespaces as pyoxigraph term factories, and the packaged RDF/SPARQL files.

Every module that writes or reads quads spells terms through these objects
(``SCHEMA.Person`` or ``SCHEMA("Person")``) so that :data:`PREFIXES` (handed
to ``Store.query``) always agrees with what the builder writes.

The vocabularies are *closed*: a namespace knows the terms that the
ontology files use (``ontology/fakg.ttl``, which declares every ``fakg:``
term and re-declares every reused one the builder writes, the two concept
schemes and ``shapes.ttl``), and a term outside them is an error at once
(``FAKG.evidnce`` raises :class:`AttributeError`), as rdflib's
``DefinedNamespace`` with ``_fail`` does, instead of minting an IRI that no
query or shape knows.  A new term is declared in ``fakg.ttl`` first.  Only
:data:`WD` (Wikidata ids are data) and :data:`CONCEPT` (concepts are minted
by :func:`builder.graph.iri.mint`) are open prefixes.

The ontology namespace :data:`FAKG` and the concept namespace
(:data:`CONCEPT`) are fixed: they name published vocabulary, not data, so they
do not move with ``FAKG_BASE`` (see :mod:`builder.graph.iri`).
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, parse

#: the files whose terms make up the closed vocabularies
VOCABULARY_FILES = ("fakg.ttl", "target-groups.ttl", "measures.ttl", "shapes.ttl")


class Prefix:
    """An open IRI prefix; calling it or reading an attribute gives a :class:`NamedNode`.

    Not a ``str`` subclass, so ``SCHEMA.title`` cannot silently be ``str.title``.
    A term read as an attribute is made once and kept as an instance attribute,
    so later reads are plain attribute lookups: the graph writer reads
    ``FAKG.evidence`` and the like hundreds of times per article.
    """

    def __init__(self, iri: str):
        self.iri = iri

    def __call__(self, local: str) -> NamedNode:
        return NamedNode(self.iri + self._checked(local))

    def __getattr__(self, local: str) -> NamedNode:  # only called for names not yet kept
        if local.startswith("__"):
            raise AttributeError(local)
        term = self.__dict__[local] = NamedNode(self.iri + self._checked(local))
        return term

    def _checked(self, local: str) -> str:
        return local

    def __str__(self) -> str:
        return self.iri

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.iri!r})"


class Namespace(Prefix):
    """A closed vocabulary: only the terms the ontology files use (:func:`vocabulary_terms`)."""

    def __contains__(self, local: str) -> bool:
        return local in vocabulary_terms(self.iri)

    def _checked(self, local: str) -> str:
        if local not in vocabulary_terms(self.iri):
            raise AttributeError(f"{local!r} is not a term of {self.iri} in the ontology files "
                                 f"({', '.join(VOCABULARY_FILES)}); declare it in ontology/fakg.ttl first")
        return local


@cache
def vocabulary_terms(namespace: str) -> frozenset[str]:
    """The local names of every IRI in ``namespace`` that the ontology files use (any position, datatypes too)."""
    out = set()
    for name in VOCABULARY_FILES:
        for t in parse(read_resource("ontology", name), format=RdfFormat.TURTLE):
            for term in (t.subject, t.predicate, t.object, getattr(t.object, "datatype", None)):
                if isinstance(term, NamedNode) and term.value.startswith(namespace):
                    out.add(term.value[len(namespace):])
    return frozenset(out)


FAKG = Namespace("https://w3id.org/fakg/ontology#")
CONCEPT = Prefix("https://w3id.org/fakg/concept/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
TIME = Namespace("http://www.w3.org/2006/time#")
DCT = Namespace("http://purl.org/dc/terms/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Prefix("http://www.wikidata.org/entity/")

VOCABULARY_GRAPH = NamedNode("https://w3id.org/fakg/graph/vocabulary")
#: The store-wide name index (:mod:`builder.graph.name_index`).
NAMES_GRAPH = NamedNode("https://w3id.org/fakg/graph/names")

PREFIXES: dict[str, str] = {
    "fakg": str(FAKG), "concept": str(CONCEPT), "schema": str(SCHEMA), "org": str(ORG),
    "prov": str(PROV), "skos": str(SKOS), "time": str(TIME), "dct": str(DCT), "xsd": str(XSD),
    "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL), "sh": str(SH), "wd": str(WD),
}


def read_resource(package: str, name: str) -> str:
    """Text of a packaged file: ``read_resource("ontology", "fakg.ttl")``, ``("queries", "facts/article.rq")``.

    Installed, the folders are the package data of ``builder.ontology`` and
    ``builder.queries``; in a source checkout that is not installed they are
    read from the repository folder of the same name.
    """
    try:
        return resources.files(f"builder.{package}").joinpath(name).read_text(encoding="utf-8")
    except ModuleNotFoundError:
        return (Path(__file__).resolve().parents[2] / package / name).read_text(encoding="utf-8")
