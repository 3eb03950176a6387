"""Document -> quads: named graph, stable IRIs, identical rebuilds, gazetteer links.

The hand-built documents here (:func:`gilan_document`, :func:`tehran_document`)
and the fake gazetteer are shared by the facts, validation and ontology tests.
"""
from __future__ import annotations

from collections import namedtuple
from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from pyoxigraph import Literal, NamedNode, Store, Variable

from builder import graph
from builder import __version__
from builder.document import (ArticleMeta, Document, Event, Evidence, Organization, Person, Place, Post, Program,
                              Quote, Sentence, Statistic)
from builder.iri import article_iri, mint
from builder.namespaces import FAKG, ORG, OWL, RDF, RDFS, SCHEMA, SKOS, VOCABULARY_GRAPH, WD
from builder.textkey import key

PlaceEntry = namedtuple("PlaceEntry", "key name kind province english wikidata iso")
OrgEntry = namedtuple("OrgEntry", "key name kind parent english wikidata")
AgencyEntry = namedtuple("AgencyEntry", "key name english site")

_PLACES = [
    PlaceEntry(key("گیلان"), "گیلان", "province", "", "Gilan Province", "Q928828", "IR-01"),
    PlaceEntry(key("مازندران"), "مازندران", "province", "", "Mazandaran Province", "Q308864", "IR-02"),
    PlaceEntry(key("رشت"), "رشت", "city", key("گیلان"), "Rasht", "Q178373", ""),
    PlaceEntry(key("تهران"), "تهران", "province", "", "Tehran Province", "Q590866", "IR-23"),
]
_ORGS = [
    OrgEntry(key("سازمان بهزیستی کشور"), "سازمان بهزیستی کشور", "government_agency", "", "State Welfare Organization of Iran", ""),
]
_ORG_ALIASES = {key("بهزیستی"): key("سازمان بهزیستی کشور")}
_ISNA = AgencyEntry(key("ایسنا"), "ایسنا", "Iranian Students' News Agency", "isna.ir")


def _fake_place(k):
    return next((e for e in _PLACES if e.key == k), None)


def _fake_org(k):
    k = _ORG_ALIASES.get(k, k)
    return next((e for e in _ORGS if e.key == k), None)


def _fake_agency(k):
    return _ISNA if key(k) in (key("ایسنا"), key("خبرگزاری ایسنا")) else None


@pytest.fixture(autouse=True)
def fake_gazetteer(monkeypatch):
    """The interface of builder/gazetteer.py (place, organization, agency) with a few fixed entries."""
    monkeypatch.setattr(graph, "gazetteer", SimpleNamespace(place=_fake_place, organization=_fake_org,
                                                            agency=_fake_agency))


GILAN_BODY = [
    "مریم احمدی مدیر کل بهزیستی استان گیلان گفت: ۲۵۰ کودک خیابانی در استان گیلان شناسایی شده‌اند.",
    "وی در بازدید از مرکز اورژانس اجتماعی رشت افزود: طرح ساماندهی کودکان کار و خیابان در گیلان و مازندران اجرا می‌شود.",
    "این بازدید به مناسبت روز جهانی منع کار کودکان انجام شد.",
    "به گفته وی بیش از ۱۲.۵ درصد کودکان بازمانده از تحصیل در سال ۱۴۰۲ به مدرسه بازگشتند.",
    "معاون استاندار نیز اظهار کرد: همکاری دستگاه‌ها ضروری است.",
]


def _document(stem: str, header: str, body: list[str], meta: ArticleMeta) -> Document:
    """A processed-looking Document: raw = header + body lines, text = body, offsets into raw."""
    text = "\n".join(body)
    raw = header + text + "\nانتهای پیام\n"
    doc = Document(source=f"examples/{stem}.txt", stem=stem, raw=raw, content_hash=f"sha256:{stem:0>64}"[:71],
                   text=text, offsets=list(range(len(header), len(header) + len(text))), article=meta)
    pos = 0
    for i, line in enumerate(body):
        doc.sentences.append(Sentence(i, pos, pos + len(line), line))
        pos += len(line) + 1
    return doc


def ev(doc: Document, phrase: str, extractor: str, confidence: float = 0.9):
    start = doc.text.index(phrase)
    return doc.evidence(start, start + len(phrase), extractor, confidence)


def gilan_document() -> Document:
    """An invented ISNA article: a Gilan welfare director, a statistic, quotes, a program in two provinces, a visit."""
    meta = ArticleMeta(agency="ایسنا", news_id="1403050812345", title="شناسایی ۲۵۰ کودک خیابانی در گیلان",
                       lead="مدیر کل بهزیستی گیلان از شناسایی کودکان خیابانی خبر داد.", category="استان‌ها",
                       reporter="50225", url="https://www.isna.ir/news/1403050812345/",
                       published=datetime(2024, 7, 29, 0, 30, tzinfo=ZoneInfo("Asia/Tehran")),
                       published_text="دوشنبه / ۸ مرداد ۱۴۰۳ / ۰۰:۳۰", province=key("گیلان"))
    doc = _document("100_gilan", "• دوشنبه / ۸ مرداد ۱۴۰۳ / ۰۰:۳۰\nکد خبر: 1403050812345\n\n", GILAN_BODY, meta)
    person, office = key("مریم احمدی"), key("اداره کل بهزیستی استان گیلان")
    gilan, mazandaran, rasht = key("گیلان"), key("مازندران"), key("رشت")
    plan, day = key("طرح ساماندهی کودکان کار و خیابان"), key("روز جهانی منع کار کودکان")
    doc.persons[person] = Person("مریم احمدی", [ev(doc, "مریم احمدی", "persons")])
    doc.organizations[office] = Organization(
        "اداره کل بهزیستی استان گیلان", "provincial_office", parent=key("سازمان بهزیستی کشور"), place=gilan,
        aliases={"بهزیستی استان گیلان"}, evidence=[ev(doc, "بهزیستی استان گیلان", "organizations")])
    doc.organizations[key("خبرگزاری ایسنا")] = Organization("خبرگزاری ایسنا", "agency")
    doc.places[gilan] = Place("گیلان", "province", evidence=[ev(doc, "استان گیلان", "places")])
    doc.places[rasht] = Place("رشت", "city", province=gilan, evidence=[ev(doc, "رشت", "places")])
    doc.places[mazandaran] = Place("مازندران", "province", evidence=[ev(doc, "مازندران", "places")])
    doc.posts.append(Post("مدیر کل بهزیستی استان گیلان", holder=person, organization=office, place=gilan,
                          evidence=[ev(doc, "مدیر کل بهزیستی استان گیلان", "persons")]))
    doc.posts.append(Post("مدیر کل بهزیستی", holder=person, evidence=[ev(doc, "مدیر کل بهزیستی", "persons")]))
    doc.programs[plan] = Program("طرح ساماندهی کودکان کار و خیابان", "plan", places=[gilan, mazandaran],
                                 organization=office, evidence=[ev(doc, "طرح ساماندهی کودکان کار و خیابان", "programs")])
    doc.programs[day] = Program("روز جهانی منع کار کودکان", "occasion", evidence=[ev(doc, "روز جهانی منع کار کودکان", "programs")])
    doc.statistics.append(Statistic(250, "exact", "persons", "کودک خیابانی", place=gilan, period="2024-07",
                                    person=person, concept="street-children", text="۲۵۰ کودک خیابانی در استان گیلان",
                                    evidence=[ev(doc, "۲۵۰ کودک خیابانی در استان گیلان", "statistics", 0.8)]))
    doc.statistics.append(Statistic(12.5, "more_than", "percent", "کودکان بازمانده از تحصیل", place=gilan,
                                    period="2023-03-21/2024-03-19", period_text="سال ۱۴۰۲", person=person,
                                    concept="https://w3id.org/fakg/concept/target-group/out-of-school-children",
                                    text="بیش از ۱۲.۵ درصد کودکان بازمانده از تحصیل",
                                    evidence=[ev(doc, "بیش از ۱۲.۵ درصد کودکان بازمانده از تحصیل", "statistics")]))
    doc.quotes.append(Quote(person, "گفت", "۲۵۰ کودک خیابانی در استان گیلان شناسایی شده‌اند",
                            evidence=[ev(doc, "۲۵۰ کودک خیابانی در استان گیلان شناسایی شده‌اند", "quotes")]))
    doc.quotes.append(Quote(person, "افزود", "طرح ساماندهی کودکان کار و خیابان در گیلان و مازندران اجرا می‌شود",
                            evidence=[ev(doc, "طرح ساماندهی کودکان کار و خیابان در گیلان و مازندران اجرا می‌شود", "quotes")]))
    doc.quotes.append(Quote(None, "اظهار کرد", "همکاری دستگاه‌ها ضروری است", post="معاون استاندار",
                            evidence=[ev(doc, "همکاری دستگاه‌ها ضروری است", "quotes")]))
    doc.events.append(Event("visit", "بازدید از مرکز اورژانس اجتماعی رشت", date(2024, 7, 28), "۷ مرداد",
                            place=rasht, participants=[person, office, "ناشناخته"], occasion=day,
                            evidence=[ev(doc, "بازدید از مرکز اورژانس اجتماعی رشت", "events")]))
    return doc


def tehran_document() -> Document:
    """A second article (no news id, so a hash IRI) naming the same person, with a spelling variant."""
    body = ["مریم  احمدي در تهران گفت: برنامه‌ها ادامه دارد."]
    doc = _document("101_tehran", "", body, ArticleMeta(agency="تسنیم", title="ادامه برنامه‌ها"))
    doc.persons[key("مریم احمدي")] = Person("مریم احمدی", [ev(doc, "مریم  احمدي", "persons")])
    doc.places[key("تهران")] = Place("تهران", "province", evidence=[ev(doc, "تهران", "places")])
    return doc


def store_with(*docs: Document) -> Store:
    store = Store()
    store.extend(graph.vocabulary_quads())
    for doc in docs:
        store.extend(graph.document_quads(doc))
    return store


def test_all_quads_in_the_article_graph():
    doc = gilan_document()
    g = article_iri(doc)
    assert g == NamedNode("https://w3id.org/fakg/article/ایسنا/1403050812345")
    quads = graph.document_quads(doc)
    assert quads and {q.graph_name for q in quads} == {g}
    assert all(not isinstance(t, type(None)) for q in quads for t in (q.subject, q.predicate, q.object))


def test_same_person_one_iri_across_articles():
    store = store_with(gilan_document(), tehran_document())
    person = mint("person", "مریم احمدی")
    graphs = {q.graph_name for q in store.quads_for_pattern(person, RDF.type, SCHEMA.Person)}
    assert graphs == {article_iri(gilan_document()), article_iri(tehran_document())}
    assert article_iri(tehran_document()).value.startswith("https://w3id.org/fakg/article/hash/")


def test_rewriting_a_graph_gives_identical_quads():
    doc = gilan_document()
    store = store_with(doc)
    before = sorted(map(str, store))
    store.remove_graph(article_iri(doc))
    store.extend(graph.document_quads(gilan_document()))
    assert sorted(map(str, store)) == before
    assert graph.document_quads(doc) == graph.document_quads(gilan_document())


def test_labels_and_gazetteer_links():
    quads = graph.document_quads(gilan_document())
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    gilan, rasht = mint("place", "گیلان"), mint("place", "رشت")
    assert (gilan, RDFS.label, Literal("گیلان", language="fa")) in triples
    assert (gilan, RDFS.label, Literal("Gilan Province", language="en")) in triples
    assert (gilan, OWL.sameAs, WD("Q928828")) in triples
    assert (gilan, FAKG.isoCode, Literal("IR-01")) in triples
    assert (rasht, RDF.type, SCHEMA.City) in triples and (rasht, SCHEMA.containedInPlace, gilan) in triples
    office = mint("organization", "اداره کل بهزیستی استان گیلان")
    parent = mint("organization", "سازمان بهزیستی کشور")
    assert (office, ORG.subOrganizationOf, parent) in triples
    assert (parent, RDFS.label, Literal("سازمان بهزیستی کشور", language="fa")) in triples
    assert (office, RDF.type, SCHEMA.GovernmentOrganization) in triples
    # the publishing agency listed among organisations is the publisher node, not a second organisation
    g, agency = article_iri(gilan_document()), mint("agency", "ایسنا")
    assert (g, SCHEMA.publisher, agency) in triples
    assert (agency, RDFS.label, Literal("Iranian Students' News Agency", language="en")) in triples
    assert not any(s == mint("organization", "خبرگزاری ایسنا") for s, _, _ in triples)


def test_every_literal_label_is_tagged():
    for q in graph.document_quads(gilan_document()):
        if q.predicate == RDFS.label:
            assert q.object.language in ("fa", "en"), q


def test_statistic_values_and_periods():
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
    assert {(variable, FAKG.targetGroup, street), (variable, SCHEMA.populationType, street),
            (variable, SCHEMA.measuredProperty, FAKG.count), (variable, SCHEMA.statType, FAKG.measuredValue),
            (first, FAKG.subjectText, Literal("کودک خیابانی", language="fa"))} <= triples
    assert variable == mint("variable", "persons", "street-children")  # the group, however the noun is spelt


def test_a_share_variable_names_its_whole_and_a_count_its_measure():
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
    assert (whole, FAKG.population, Literal("کودکان بازمانده از تحصیل", language="fa")) in triples
    assert (whole, SCHEMA.measuredProperty, FAKG.count) in triples


def test_vocabulary_graph():
    quads = graph.vocabulary_quads()
    assert {q.graph_name for q in quads} == {VOCABULARY_GRAPH}
    assert any(q.object == Literal("کودکان کار", language="fa") for q in quads)
    # what the queries resolve a group parameter with: keys of labels and id, the closure of skos:broader
    street = NamedNode("https://w3id.org/fakg/concept/target-group/street-children")
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert {(street, FAKG.nameKey, Literal("street-children")), (street, FAKG.nameKey, Literal("کودکانخیابانی")),
            (street, SKOS.broaderTransitive, NamedNode("https://w3id.org/fakg/concept/target-group/children-at-risk"))} <= triples


def test_evidence_is_one_record_per_span_and_a_cited_sentence_is_written_once():
    doc = gilan_document()
    doc.programs[key("روز جهانی منع کار کودکان")].evidence = []  # then no fact was read from sentence 2
    quads = graph.document_quads(doc)
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    g = article_iri(doc)
    figure = mint("statistic", g, 0)
    start = doc.raw.index("۲۵۰ کودک خیابانی در استان گیلان")
    record = f"{start},{start + 31};0;statistics;0.8|۲۵۰ کودک خیابانی در استان گیلان"
    assert [o.value for s, p, o in triples if s == figure and p == FAKG.evidence] == [record]
    assert graph.read_evidence(record) == (doc.statistics[0].evidence[0], "۲۵۰ کودک خیابانی در استان گیلان")
    first = mint("sentence", g, 0)
    assert (first, FAKG.sentenceText, Literal(GILAN_BODY[0], language="fa")) in triples
    assert len([q for q in quads if q.object.value == GILAN_BODY[0]]) == 1  # however many facts were read from it
    cited = {s for s, p, _ in triples if p == FAKG.sentenceText}
    assert cited == {mint("sentence", g, i) for i in (0, 1, 3, 4)}  # sentence 2 is cited by no evidence
    assert not any(p in (RDF.type, SCHEMA.text) and s in cited for s, p, _ in triples)  # its text is all it has
    # the extractors are activities of the version, described in the vocabulary graph, not in each article
    assert not any("/activity/" in s.value for s, _, _ in triples)
    activity = mint("activity", __version__, "statistics")
    vocabulary = {(q.subject, q.predicate, q.object) for q in graph.vocabulary_quads()}
    assert (activity, FAKG.extractor, Literal("statistics")) in vocabulary
    assert {e.extractor for e in doc.statistics[0].evidence} <= set(graph.EXTRACTORS)


def test_an_evidence_record_keeps_any_words_and_states_confidence_below_one():
    raw = "عنوان\nمتن با | و ; و ,\nپایان"
    record = graph.evidence_record(Evidence(-1, 6, 20, "coreference", 0.75), raw, sentences=0)
    assert record == "6,20;;coreference;0.75|متن با | و ; و"
    assert graph.read_evidence(record) == (Evidence(-1, 6, 20, "coreference", 0.75), "متن با | و ; و")
    assert graph.evidence_record(Evidence(5, 0, 5, "places"), raw, sentences=2) == "0,5;;places|عنوان"  # no sentence 5


def test_name_keys_fold_labels_as_the_queries_fold_parameters():
    triples = {(q.subject, q.predicate, q.object) for q in graph.document_quads(gilan_document())}
    gilan = mint("place", "گیلان")
    assert {o.value for s, p, o in triples if s == gilan and p == FAKG.nameKey} == {"گیلان", "gilan", "ir-01"}
    person = mint("person", "مریم احمدی")
    assert {o.value for s, p, o in triples if s == person and p == FAKG.nameKey} == {"مریماحمدی"}


@pytest.mark.parametrize("text", ["مهران\u200cکريميان", " كريم  ی ", "آأإا", "ΣΑΣ İ", "a\u00a0b\u2003c\u001cd", "استان اردبیل", "Ardabil Province"])
def test_search_key_is_the_sparql_fold(text):
    """builder.graph.search_key must give what the queries' LCASE(REPLACE(...)) gives for a parameter."""
    fold = ('LCASE(REPLACE(REPLACE(REPLACE(REPLACE(STR(?x), "[\\\\s\\u200c\\u200d\\u0640]+", ""), "[\\u064a\\u0649]", "\\u06cc"),'
            ' "\\u0643", "\\u06a9"), "[\\u0622\\u0623\\u0625]", "\\u0627"))')
    query = f'SELECT ?x ({fold} AS ?k) (REPLACE({fold}, "^\\u0627\\u0633\\u062a\\u0627\\u0646|province$", "") AS ?p) WHERE {{}}'
    row = next(iter(Store().query(query, substitutions={Variable("x"): Literal(text)})))
    assert (row["k"].value, row["p"].value) == (graph.search_key(text), graph.search_key(text, place=True))
