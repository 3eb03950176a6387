"""The ontology files: bilingual labels, every written term declared and shaped; IRIs and concepts."""
from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from builder.graph import graph, iri
from builder.graph.concepts import concept_for, target_groups
from builder.graph.iri import mint
from builder.graph.namespaces import FAKG, ORG, OWL, RDF, RDFS, SH, SKOS, read_resource
from builder.text.textkey import key
pytestmark = pytest.mark.usefixtures("fake_gazetteer")

_DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


def _triples(name: str) -> set:
    return {(t.subject, t.predicate, t.object) for t in parse(read_resource("ontology", name), format=RdfFormat.TURTLE)}


def _languages(triples: set, subject, predicate) -> set:
    return {o.language for s, p, o in triples if s == subject and p == predicate and isinstance(o, Literal)}


ONTOLOGY = _triples("fakg.ttl")
TARGET_GROUPS = _triples("target-groups.ttl")
SHAPES = _triples("shapes.ttl")
DECLARED = {s for s, p, o in ONTOLOGY if p == RDF.type and o in _DECLARATIONS}


def test_every_declared_term_has_fa_and_en_label_and_comment():
    assert FAKG.Program in DECLARED and FAKG.evidence in DECLARED
    for term in DECLARED:
        assert {"fa", "en"} <= _languages(ONTOLOGY, term, RDFS.label), term
        assert {"fa", "en"} <= _languages(ONTOLOGY, term, RDFS.comment), term


def test_every_concept_has_fa_and_en_pref_label():
    vocabulary = ONTOLOGY | TARGET_GROUPS
    concepts = {s for s, p, o in vocabulary if p == RDF.type and o == SKOS.Concept}
    assert len(concepts) > 40
    for concept in concepts:
        assert _languages(vocabulary, concept, SKOS.prefLabel) == {"fa", "en"}, concept
        assert any(s == concept and p == SKOS.inScheme for s, p, _ in vocabulary), concept


def test_every_kind_of_place_the_builder_writes_is_a_declared_concept():
    from builder.kinds.entities import PLACE_KINDS
    concepts = {s for s, p, o in ONTOLOGY if p == RDF.type and o == SKOS.Concept}
    for kind in {*PLACE_KINDS, "place"}:
        assert mint("concept", "place-kind", kind) in concepts, kind


def test_every_term_the_builder_writes_is_declared_and_shaped(gilan_document):
    quads = graph.document_quads(gilan_document())
    predicates = {q.predicate for q in quads} - {RDF.type}
    classes = {q.object for q in quads if q.predicate == RDF.type}
    assert predicates <= DECLARED, predicates - DECLARED
    assert classes <= DECLARED, classes - DECLARED
    concepts = {s for s, p, o in ONTOLOGY | TARGET_GROUPS if p == RDF.type and o == SKOS.Concept}
    used = {q.object for q in quads if q.predicate in (FAKG.kind, FAKG.targetGroup, ORG.classification)}
    assert used <= concepts, used - concepts
    # every node the builder types is the target of a shape (by its main type; secondary types
    # such as schema:NewsMediaOrganization beside org:Organization need none)
    targeted = {o for s, p, o in SHAPES if p == SH.targetClass}
    targeted |= _subclasses_of(targeted)  # a kind declared a subclass of fakg:Entity or fakg:Fact
    types: dict = {}
    for q in quads:
        if q.predicate == RDF.type:
            types.setdefault(q.subject, set()).add(q.object)
    assert all(t & targeted for t in types.values()), [t for t in types.values() if not t & targeted]


def test_target_groups_from_the_scheme():
    groups = dict(target_groups())
    street = "https://w3id.org/fakg/concept/target-group/street-children"
    assert groups[street][0] == "کودکان خیابانی"  # prefLabel first
    assert len(groups) >= 15


@pytest.mark.parametrize("text, concept", [
    ("۱۹۹ کودک خیابانی", "street-children"),
    ("کودکان کار و خیابان", "working-and-street-children"),  # longest label wins over «کودکان کار»
    ("کودکان كار", "child-labourers"),  # Arabic kaf
    ("کودک و نوجوان بی سرپرست و بدسرپرست", "orphaned-and-neglected-children"),
    ("کودکان بیسرپرست", "orphaned-and-neglected-children"),
    ("کودکان بی‌سرپرست", "orphaned-and-neglected-children"),
    ("زنان بی‌سرپرست", "female-headed-households"),
    ("کودکهمسری", "child-marriage"),
    ("مهد کودک روستایی", None),
])
def test_concept_for_is_spelling_insensitive(text, concept):
    expected = f"https://w3id.org/fakg/concept/target-group/{concept}" if concept else None
    assert concept_for(text) == expected


def test_mint_is_deterministic_and_keyed():
    assert mint("person", "مریم احمدی") == mint("person", "مریم  احمدي") == mint("person", key("مریم‌احمدی"))
    assert mint("person", "مریم احمدی").value == "https://w3id.org/fakg/person/مریماحمدی"
    article = mint("article", "ایسنا", "123")
    assert mint("statistic", article, 2) == NamedNode("https://w3id.org/fakg/article/ایسنا/123/statistic/2")
    assert mint("concept", "target-group", "elderly").value == "https://w3id.org/fakg/concept/target-group/elderly"
    with pytest.raises(ValueError):
        mint("thing", "x")


def test_unsafe_characters_are_percent_encoded():
    assert iri.encode("a b/c?#") == "a%20b%2Fc%3F%23"
    assert iri.encode("بهزیستی@اردبیل") == "بهزیستی@اردبیل"  # "@" is a path character
    assert iri.encode("گیلان") == "گیلان"
    assert iri.encode("\u200c") == "%E2%80%8C"
    assert iri.encode("") == "_"


def test_base_can_be_changed(monkeypatch):
    monkeypatch.setattr(iri, "_base", iri.DEFAULT_BASE)
    iri.set_base("http://example.org/kg")
    assert mint("place", "گیلان").value == "http://example.org/kg/place/گیلان"
    assert mint("concept", "place-kind", "city").value.startswith("https://w3id.org/fakg/concept/")


def _subclasses_of(classes: set) -> set:
    """The classes the ontology declares (transitively) subclasses of ``classes``."""
    found, grew = set(), True
    while grew:
        new = {s for s, p, o in ONTOLOGY if p == RDFS.subClassOf and (o in classes or o in found)} - found
        found |= new
        grew = bool(new)
    return found


def test_a_new_kind_declared_a_fact_or_a_named_thing_is_validated_without_a_shape_of_its_own():
    """CONTRIBUTING.md, adding a kind: its class a subclass of fakg:Fact (or fakg:Entity) in fakg.ttl is
    enough for `fakg validate`: a case without evidence, or with an IRI that is no fact's, is refused."""
    import pyshacl
    from rdflib import Graph

    toy = """
    @prefix fakg: <https://w3id.org/fakg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    fakg:LegalCase rdfs:subClassOf fakg:Fact .
    <https://w3id.org/fakg/article/x/legal_case/0> a fakg:LegalCase ; fakg:evidence "3,9;0;legal_cases|پرونده" .
    <https://w3id.org/fakg/article/x/legal_case/1> a fakg:LegalCase .
    <https://w3id.org/fakg/article/x/legal_case/first> a fakg:LegalCase ; fakg:evidence "3,9;0;legal_cases|پرونده" .
    """
    data = Graph().parse(data=read_resource("ontology", "fakg.ttl"), format="turtle").parse(data=toy, format="turtle")
    shapes = Graph().parse(data=read_resource("ontology", "shapes.ttl"), format="turtle")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    failing = {str(o) for s, p, o in report if str(p).endswith("focusNode")}
    assert not conforms
    assert failing == {"https://w3id.org/fakg/article/x/legal_case/1", "https://w3id.org/fakg/article/x/legal_case/first"}
