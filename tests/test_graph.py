"""Document -> quads: named graph, stable IRIs, identical rebuilds, gazetteer links.

The hand-built documents and the fixed gazetteer are fixtures of ``conftest.py``.
"""
from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Store, Variable

from builder.text import evidence
from builder.graph import graph, vocabulary
from builder import __version__
from builder.text.document import Evidence
from builder.graph.iri import article_iri, mint
from builder.graph.namespaces import FAKG, ORG, OWL, RDF, RDFS, SCHEMA, SKOS, VOCABULARY_GRAPH, WD
from builder.text.textkey import key

pytestmark = pytest.mark.usefixtures("fake_gazetteer")


def test_all_quads_in_the_article_graph(gilan_document):
    doc = gilan_document()
    g = article_iri(doc)
    assert g == NamedNode("https://w3id.org/fakg/article/ایسنا/1403050812345")
    quads = graph.document_quads(doc)
    assert quads and {q.graph_name for q in quads} == {g}
    assert all(not isinstance(t, type(None)) for q in quads for t in (q.subject, q.predicate, q.object))


def test_same_person_one_iri_across_articles(gilan_document, store_with, tehran_document):
    store = store_with(gilan_document(), tehran_document())
    person = mint("person", "مریم احمدی")
    graphs = {q.graph_name for q in store.quads_for_pattern(person, RDF.type, SCHEMA.Person)}
    assert graphs == {article_iri(gilan_document()), article_iri(tehran_document())}
    assert article_iri(tehran_document()).value.startswith("https://w3id.org/fakg/article/hash/")


def test_rewriting_a_graph_gives_identical_quads(gilan_document, store_with):
    doc = gilan_document()
    store = store_with(doc)
    before = sorted(map(str, store))
    store.remove_graph(article_iri(doc))
    store.extend(graph.document_quads(gilan_document()))
    assert sorted(map(str, store)) == before
    assert graph.document_quads(doc) == graph.document_quads(gilan_document())


def test_labels_and_gazetteer_links(gilan_document):
    quads = graph.document_quads(gilan_document())
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    gilan, rasht = mint("place", "گیلان"), mint("place", "رشت")
    assert (gilan, RDFS.label, Literal("گیلان", language="fa")) in triples
    assert (gilan, RDFS.label, Literal("Gilan Province", language="en")) in triples
    assert (gilan, OWL.sameAs, WD("Q928828")) in triples
    assert (gilan, FAKG.isoCode, Literal("IR-01")) in triples
    assert (rasht, FAKG.kind, mint("concept", "place-kind", "city")) in triples
    assert (rasht, SCHEMA.containedInPlace, gilan) in triples
    assert {o for s, p, o in triples if s == rasht and p == RDF.type} == {SCHEMA.Place}  # no schema:City again
    office = mint("organization", "اداره کل بهزیستی استان گیلان")
    parent = mint("organization", "سازمان بهزیستی کشور")
    assert (office, ORG.subOrganizationOf, parent) in triples
    assert (parent, RDFS.label, Literal("سازمان بهزیستی کشور", language="fa")) in triples
    assert (office, ORG.classification, mint("concept", "organization-kind", "provincial_office")) in triples
    assert {o for s, p, o in triples if s == office and p == RDF.type} == {ORG.Organization}
    # the publishing agency listed among organisations is the publisher node, not a second organisation
    g, agency = article_iri(gilan_document()), mint("agency", "ایسنا")
    assert (g, SCHEMA.publisher, agency) in triples
    assert (agency, RDFS.label, Literal("Iranian Students' News Agency", language="en")) in triples
    assert not any(s == mint("organization", "خبرگزاری ایسنا") for s, _, _ in triples)


def test_every_literal_label_is_tagged(gilan_document):
    for q in graph.document_quads(gilan_document()):
        if q.predicate == RDFS.label:
            assert q.object.language in ("fa", "en"), q


def test_statistic_values_and_periods(gilan_document):
    triples = {(q.subject, q.predicate, q.object) for q in graph.document_quads(gilan_document())}
    g = article_iri(gilan_document())
    first, second = mint("statistic", g, 0), mint("statistic", g, 1)
    integer = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    decimal = NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    assert (first, SCHEMA.value, Literal("250", datatype=integer)) in triples
    assert (second, SCHEMA.value, Literal("12.5", datatype=decimal)) in triples
    assert (first, SCHEMA.observationDate,
            Literal("2024-07", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth"))) in triples
    assert any(s == second and p.value.endswith("#hasTime") for s, p, _ in triples)
    variable = next(o for s, p, o in triples if s == first and p == SCHEMA.variableMeasured)
    street = NamedNode("https://w3id.org/fakg/concept/target-group/street-children")
    assert {(variable, FAKG.targetGroup, street),
            (first, FAKG.subjectText, Literal("کودک خیابانی", language="fa"))} <= triples
    # a count of a total states neither (their absence says so), nor the group twice (schema:populationType)
    assert not {p for s, p, _ in triples if s == variable} & {SCHEMA.measuredProperty, SCHEMA.statType,
                                                              SCHEMA.populationType}
    assert variable == mint("variable", "persons", "street-children")  # the group, however the noun is spelt


def test_a_share_variable_names_its_whole_and_a_count_its_measure(gilan_document):
    doc = gilan_document()
    doc.statistics[0].measure = "https://w3id.org/fakg/concept/measure/identified"
    doc.statistics[1].whole, doc.statistics[1].population = "کودکان بازمانده از تحصیل", "دختر"
    triples = {(q.subject, q.predicate, q.object) for q in graph.document_quads(doc)}
    g = article_iri(doc)
    count, share = (next(o for s, p, o in triples if s == mint("statistic", g, i) and p == SCHEMA.variableMeasured)
                    for i in (0, 1))
    assert (count, FAKG.measure, NamedNode("https://w3id.org/fakg/concept/measure/identified")) in triples
    assert count != mint("variable", "persons", "street-children")  # identified children are a variable of their own
    assert (share, SCHEMA.measuredProperty, FAKG.share) in triples
    whole = next(o for s, p, o in triples if s == share and p == SCHEMA.measurementDenominator)
    assert (share, FAKG.population, Literal("دختر", language="fa")) in triples  # the part: not its label
    # the whole is counted: its label is what it counts, with no fakg:population or measuredProperty to repeat it
    assert (whole, RDFS.label, Literal("کودکان بازمانده از تحصیل", language="fa")) in triples
    assert not {p for s, p, _ in triples if s == whole} & {FAKG.population, SCHEMA.measuredProperty}


def test_vocabulary_graph():
    quads = vocabulary.vocabulary_quads()
    assert {q.graph_name for q in quads} == {VOCABULARY_GRAPH}
    assert any(q.object == Literal("کودکان کار", language="fa") for q in quads)
    # what the queries resolve a group parameter with: keys of labels and id, the closure of skos:broader
    street = NamedNode("https://w3id.org/fakg/concept/target-group/street-children")
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert {(street, FAKG.nameKey, Literal("street-children")), (street, FAKG.nameKey, Literal("کودکانخیابانی")),
            (street, SKOS.broaderTransitive, NamedNode("https://w3id.org/fakg/concept/target-group/children-at-risk"))} <= triples


def test_evidence_is_one_record_per_span_and_a_cited_sentence_is_written_once(gilan_document):
    doc = gilan_document()
    doc.programs[key("روز جهانی منع کار کودکان")].evidence = []  # then no fact was read from sentence 2
    quads = graph.document_quads(doc)
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    g = article_iri(doc)
    figure = mint("statistic", g, 0)
    start = doc.raw.index("۲۵۰ کودک خیابانی در استان گیلان")
    record = f"{start},{start + 31};0;statistics;0.8|۲۵۰ کودک خیابانی در استان گیلان"
    assert [o.value for s, p, o in triples if s == figure and p == FAKG.evidence] == [record]
    assert evidence.read_evidence(record) == (doc.statistics[0].evidence[0], "۲۵۰ کودک خیابانی در استان گیلان")
    first = mint("sentence", g, 0)
    assert (first, FAKG.sentenceText, Literal(doc.sentences[0].text, language="fa")) in triples
    assert len([q for q in quads if q.object.value == doc.sentences[0].text]) == 1  # however many facts were read from it
    cited = {s for s, p, _ in triples if p == FAKG.sentenceText}
    assert cited == {mint("sentence", g, i) for i in (0, 1, 3, 4)}  # sentence 2 is cited by no evidence
    assert not any(p in (RDF.type, SCHEMA.text) and s in cited for s, p, _ in triples)  # its text is all it has
    # the extractors are activities of the version, described in the vocabulary graph, not in each article
    assert not any("/activity/" in s.value for s, _, _ in triples)
    activity = mint("activity", __version__, "statistics")
    vocab = {(q.subject, q.predicate, q.object) for q in vocabulary.vocabulary_quads()}
    assert (activity, FAKG.extractor, Literal("statistics")) in vocab
    assert {e.extractor for e in doc.statistics[0].evidence} <= set(vocabulary.extractors())


def test_an_evidence_record_keeps_any_words_and_states_confidence_below_one():
    raw = "عنوان\nمتن با | و ; و ,\nپایان"
    record = evidence.evidence_record(Evidence(-1, 6, 20, "coreference", 0.75), raw, sentences=0)
    assert record == "6,20;;coreference;0.75|متن با | و ; و"
    assert evidence.read_evidence(record) == (Evidence(-1, 6, 20, "coreference", 0.75), "متن با | و ; و")
    assert evidence.evidence_record(Evidence(5, 0, 5, "places"), raw, sentences=2) == "0,5;;places|عنوان"  # no sentence 5


def test_name_keys_fold_labels_as_the_queries_fold_parameters(gilan_document):
    triples = {(q.subject, q.predicate, q.object) for q in graph.document_quads(gilan_document())}
    gilan = mint("place", "گیلان")
    assert {o.value for s, p, o in triples if s == gilan and p == FAKG.nameKey} == {"گیلان", "gilan", "ir-01"}
    person = mint("person", "مریم احمدی")
    assert {o.value for s, p, o in triples if s == person and p == FAKG.nameKey} == {"مریماحمدی"}


@pytest.mark.parametrize("text", ["مهران\u200cکريميان", " كريم  ی ", "آأإا", "ΣΑΣ İ", "a\u00a0b\u2003c\u001cd", "استان اردبیل", "Ardabil Province"])
def test_search_key_is_the_sparql_fold(text):
    """builder.graph.vocabulary.search_key must give what the queries' LCASE(REPLACE(...)) gives for a parameter."""
    fold = ('LCASE(REPLACE(REPLACE(REPLACE(REPLACE(STR(?x), "[\\\\s\\u200c\\u200d\\u0640]+", ""), "[\\u064a\\u0649]", "\\u06cc"),'
            ' "\\u0643", "\\u06a9"), "[\\u0622\\u0623\\u0625]", "\\u0627"))')
    query = f'SELECT ?x ({fold} AS ?k) (REPLACE({fold}, "^\\u0627\\u0633\\u062a\\u0627\\u0646|province$", "") AS ?p) WHERE {{}}'
    row = next(iter(Store().query(query, substitutions={Variable("x"): Literal(text)})))
    assert (row["k"].value, row["p"].value) == (vocabulary.search_key(text), vocabulary.search_key(text, place=True))
