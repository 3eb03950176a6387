"""The store's vocabulary graph, and the terms queries and the builder share with it.

The ontology, the target-group scheme and the measures are loaded once per
store into the graph ``<https://w3id.org/fakg/graph/vocabulary>``
(:func:`vocabulary_quads`), with what queries need to resolve a parameter by
index lookups (each target group's broader groups and name keys, the
(province, group) scopes of figures), and the extractors of this fakg version
as ``prov:Activity`` nodes (:func:`activity_quads`), which evidence records name.

:func:`search_key` is the Python twin of the SPARQL expression by which the
queries fold a text parameter: the builder stores names folded so, as
``fakg:nameKey``.
"""
from __future__ import annotations

import re

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse

from .. import __version__
from ..text.gazetteer import provinces
from .iri import mint
from .namespaces import FAKG, PROV, RDF, RDFS, SKOS, VOCABULARY_GRAPH, read_resource


def extractors() -> tuple[str, ...]:
    """The extractors evidence names (:attr:`builder.text.evidence.Evidence.extractor`): the pipeline's
    components declared with ``evidence=True``, in pipeline order.  Each is a ``prov:Activity`` of the
    fakg version, ``{base}activity/{version}/{extractor}``, described once in the vocabulary graph
    (:func:`activity_quads`)."""
    from ..pipeline import COMPONENTS  # here, not at the top: the pipeline's extractors import the graph stage

    return tuple(c.name for c in COMPONENTS if c.evidence)


def vocabulary_quads() -> list[Quad]:
    """The ontology, the target-group scheme and the measures, in the graph ``<https://w3id.org/fakg/graph/vocabulary>``.

    Target groups also get what the queries need to resolve a ``group`` parameter by index lookups
    instead of walking the scheme for every figure: ``skos:broaderTransitive`` to each broader group
    (the closure of ``skos:broader``) and ``fakg:nameKey`` for each label and for the id
    (``street-children``), as :func:`search_key` folds them; and, for each province and group,
    the scope node (:func:`scope_node`) that figures about that pair point to.
    """
    triples = [t for name in ("fakg.ttl", "target-groups.ttl", "measures.ttl")
               for t in parse(read_resource("ontology", name), format=RdfFormat.TURTLE)]
    groups = {t.subject for t in triples if t.predicate == SKOS.inScheme and t.object == FAKG.TargetGroups}
    broader: dict[NamedNode, set[NamedNode]] = {}
    names: dict[NamedNode, list[str]] = {g: [g.value.rsplit("/", 1)[-1]] for g in groups}
    for t in triples:
        if t.subject in groups and t.predicate == SKOS.broader:
            broader.setdefault(t.subject, set()).add(t.object)
        elif t.subject in groups and t.predicate in (SKOS.prefLabel, SKOS.altLabel):
            names[t.subject].append(t.object.value)

    def ancestors(g: NamedNode, seen: frozenset = frozenset()) -> set[NamedNode]:
        out = set()
        for b in broader.get(g, ()):
            if b not in seen:
                out |= {b} | ancestors(b, seen | {g})
        return out

    for g in sorted(groups, key=lambda n: n.value):
        triples += [Triple(g, SKOS.broaderTransitive, a) for a in sorted(ancestors(g), key=lambda n: n.value)]
        triples += [Triple(g, FAKG.nameKey, Literal(k)) for k in dict.fromkeys(map(search_key, names[g])) if k]
        for province in provinces():  # the scopes of queries for one province and group
            scope = scope_node(province.key, g)
            triples += [Triple(scope, FAKG.scopeProvince, mint("place", province.key)), Triple(scope, FAKG.scopeGroup, g)]
    quads = [Quad(t.subject, t.predicate, t.object, VOCABULARY_GRAPH) for t in triples]
    return quads + activity_quads()


def activity_quads() -> list[Quad]:
    """Each extractor of this fakg version as a ``prov:Activity``, in the vocabulary graph.

    Written once per store instead of once per article that has evidence from it (33 quads
    an article): an evidence record names its extractor, and the article's
    ``fakg:extractorVersion`` the version, which together are the activity's IRI.
    """
    out = []
    for extractor in extractors():
        a = mint("activity", __version__, extractor)
        out += [Quad(a, RDF.type, PROV.Activity, VOCABULARY_GRAPH),
                Quad(a, RDFS.label, Literal(f"fakg {__version__} {extractor}", language="en"), VOCABULARY_GRAPH),
                Quad(a, FAKG.softwareVersion, Literal(__version__), VOCABULARY_GRAPH),
                Quad(a, FAKG.extractor, Literal(extractor), VOCABULARY_GRAPH)]
    return out


_FOLD_SPACE = re.compile("[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u200c\u200d\u0640]+")
_FOLD_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9",
                               "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627"})
_PROVINCE_WORDS = re.compile("^\u0627\u0633\u062a\u0627\u0646|province$")


def search_key(text: str, place: bool = False) -> str:
    r"""``text`` as the queries compare text parameters: the Python twin of their SPARQL expression

    ``LCASE(REPLACE(REPLACE(REPLACE(REPLACE(STR(?x), "[\\s\u200c\u200d\u0640]+", ""), "[\u064a\u0649]", "\u06cc"),
    "\u0643", "\u06a9"), "[\u0622\u0623\u0625]", "\u0627"))``: no white space (Oxigraph's ``\s``, Unicode
    White_Space, which unlike Python's leaves U+001C-U+001F alone), ZWNJ, ZWJ or tatweel; Arabic ي ى ك آ أ إ
    read as ی ک ا; lower case.  With ``place``, also without a leading «استان» and a trailing "province"
    (``REPLACE(…, "^\u0627\u0633\u062a\u0627\u0646|province$", "")``), so that «استان اردبیل», "Ardabil
    Province", «اردبیل» and "IR-24" meet their province.  It must stay character for character what the
    queries compute from a parameter, or a parameter would stop finding what it names.
    """
    folded = _FOLD_SPACE.sub("", text).translate(_FOLD_LETTERS).lower()
    return _PROVINCE_WORDS.sub("", folded) if place else folded


def scope_node(province: str, group: NamedNode) -> NamedNode:
    """The (province, target group) pair a figure can be about: ``concept/scope/{province key}/{group id}``."""
    return mint("concept", "scope", province, group.value.rsplit("/", 1)[-1])


def concept_node(concept: str) -> NamedNode:
    """A target group given as an IRI (:func:`builder.graph.concepts.concept_for`) or an id (``street-children``)."""
    return NamedNode(concept) if "://" in concept else mint("concept", "target-group", concept)
