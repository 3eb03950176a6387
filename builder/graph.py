"""A finished :class:`~builder.document.Document` as quads in the article's named graph.

Provenance model (see ``ontology/README.md``): every quad of an article goes
into one named graph whose name is the article IRI, so a rebuild replaces
exactly that article, and the graph name says which article a fact came from.
Facts are nodes (posts, observations, quotes, events) derived from the
article, and every fact or entity statement has one ``fakg:evidence`` literal
per span it was read from: an *evidence record* (:func:`evidence_record`),
``"180,196;1;statistics|۱۹۹ کودک خیابانی"``, holding the raw-page offsets
(RFC 5147's ``char=S,E``), the body sentence it lies in, the extractor (and its
confidence when below 1) and the page's words there.  One quad per piece of
evidence, where an evidence node took six: evidence was most of an article's
quads, and the load and the store cost per quad.

A sentence that some evidence cites is written once per article, as its text
alone (``{article}/sentence/{i} fakg:sentenceText``); sentences no fact cites
are not written.  The extractors are activities of the fakg version, described
once in the vocabulary graph (:func:`activity_quads`), not in every article.
Plain SPARQL 1.1 and SHACL handle this; no RDF 1.2 triple terms are needed.

Oxigraph does no inference, so nodes are written with both their specific and
their general type (``schema:City`` and ``schema:Place``).  Entities that a
fact refers to but the document does not list (a parent organisation, the
province of a city) are still typed and, when the gazetteer knows them,
labelled, so every object of a link is self-describing within its graph.

Persons, organisations, places and programs also carry ``fakg:nameKey``, the
spelling-insensitive form of each of their labels (:func:`search_key`), so
that the queries in ``queries/`` compare a parameter with stored keys instead
of folding every label of the store at query time, and find a province by an
index lookup.  For the same reason each article states numbers that queries
over a large store add up instead of counting: ``fakg:statisticCount``, and
one tally per target group (:meth:`_Writer.tally`).
"""
from __future__ import annotations

import re
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse

from . import __version__
from .document import Document, Evidence
from .iri import article_iri, mint
from .namespaces import FAKG, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, TIME, VOCABULARY_GRAPH, WD, XSD, read_resource
from .paths import stored
from . import gazetteer, stories
from .gazetteer import provinces
from .concepts import concept_for, concepts_in
from .textkey import key

__all__ = ["article_iri", "document_quads", "evidence_record", "read_evidence", "vocabulary_quads"]

# Kinds with a concept in ontology/fakg.ttl; other kinds fall back to the generic concept.
_ORG_KINDS = {"government", "ministry", "provincial_office", "municipality", "ngo", "charity", "council",
              "headquarters", "agency", "office", "judiciary", "parliament", "police",
              "intergovernmental_organization", "news_agency", "organization"}
_ORG_KIND_ALIASES = {"government_agency": "agency", "charity_foundation": "charity", "country": "government"}  # gazetteer
_GOVERNMENT = {"government", "ministry", "provincial_office", "municipality", "council", "headquarters", "judiciary",
               "parliament", "police", "agency"}
_PROGRAM_KINDS = {"plan", "complex", "centre", "house", "hotline", "occasion", "campaign", "team", "program"}
_EVENT_KINDS = {"visit", "meeting", "press_conference", "opening", "session", "event"}
_PLACE_TYPES = {"country": SCHEMA.Country, "province": SCHEMA.AdministrativeArea,
                "county": SCHEMA.AdministrativeArea, "district": SCHEMA.AdministrativeArea, "city": SCHEMA.City,
                "village": SCHEMA.Place, "region": None}
_DATE_TYPES = [(re.compile(r"\d{4}"), XSD.gYear, TIME.inXSDgYear),
               (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth, TIME.inXSDgYearMonth),
               (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date, TIME.inXSDDate),
               (re.compile(r"\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})"), XSD.dateTime, TIME.inXSDDateTimeStamp)]


#: The extractors that write evidence (:attr:`builder.document.Evidence.extractor`).  Each is a
#: ``prov:Activity`` of the fakg version, ``{base}activity/{version}/{extractor}``, described once in
#: the vocabulary graph (:func:`activity_quads`); an evidence record names it by this name.
EXTRACTORS = ("places", "organizations", "persons", "coreference", "roles", "programs", "quotes", "statistics",
              "events")


def evidence_record(ev: Evidence, raw: str, sentences: int) -> str:
    """One piece of evidence as the literal ``fakg:evidence`` states: ``"S,E;I;extractor[;confidence]|words"``.

    ``S,E``: the raw-page offsets (Unicode code points, end exclusive: RFC 5147's ``char=S,E``);
    ``I``: the body sentence it lies in, ``{article}/sentence/{I}`` (empty for page metadata, or
    when the document has no such sentence: ``sentences`` is how many it has); the extractor, and
    its confidence only when below 1 (most readings are certain); after the first ``|``, the page's
    own words between the offsets.  Every field before the ``|`` is free of ``;`` and ``|``, so the
    words, last, may hold anything.  :func:`read_evidence` reads it back; the queries read it with
    STRBEFORE/STRAFTER (``queries/source-sentence.rq``).
    """
    sentence = str(ev.sentence) if 0 <= ev.sentence < sentences else ""
    reading = ev.extractor if ev.confidence >= 1 else f"{ev.extractor};{round(ev.confidence, 4)}"
    return f"{ev.start},{ev.end};{sentence};{reading}|{raw[ev.start:ev.end]}"


def read_evidence(record: str) -> tuple[Evidence, str]:
    """An evidence record (:func:`evidence_record`) as ``(Evidence, words)``; sentence -1 when it names none."""
    head, words = record.split("|", 1)
    span, sentence, *reading = head.split(";")
    start, end = span.split(",")
    confidence = float(reading[1]) if len(reading) > 1 else 1.0
    return Evidence(int(sentence) if sentence else -1, int(start), int(end), reading[0], confidence), words


def document_quads(doc: Document) -> list[Quad]:
    """Every quad of ``doc``, all in the graph named :func:`article_iri` ``(doc)``, in a stable order."""
    return _Writer(doc).write()


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
    for extractor in EXTRACTORS:
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
    """A target group given as an IRI (:func:`builder.concepts.concept_for`) or an id (``street-children``)."""
    return NamedNode(concept) if "://" in concept else mint("concept", "target-group", concept)


def _gazetteer(kind: str, k: str | None):
    """The gazetteer entry (``place``/``organization``/``agency``) for key or name ``k``, or None.

    Looked up through the module attribute so that tests can swap in a fixed gazetteer.
    """
    return getattr(gazetteer, kind)(k) if k else None


def _fa(text: str | None) -> Literal | None:
    return Literal(text, language="fa") if text else None


def _int(n: int) -> Literal:
    return Literal(str(int(n)), datatype=XSD.integer)


def _number(x: float) -> Literal:
    """xsd:integer when whole (1600, not 1600.0), else xsd:decimal."""
    if float(x).is_integer():
        return _int(int(x))
    return Literal(format(Decimal(repr(float(x))), "f"), datatype=XSD.decimal)


def _date(text: str) -> tuple[Literal, NamedNode] | None:
    """An ISO date string as a typed literal (gYear, gYearMonth, date, dateTime) and its OWL-Time property.

    Times need an offset (OWL-Time's inXSDDateTimeStamp); they are typed xsd:dateTime
    because Oxigraph stores xsd:dateTimeStamp values as xsd:dateTime anyway.
    """
    for pattern, datatype, time_property in _DATE_TYPES:
        if pattern.fullmatch(text):
            return Literal(text, datatype=datatype), time_property
    return None


class _Writer:
    """Accumulates the quads of one document; each entity node is described once."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.g = article_iri(doc)
        self.quads: dict[Quad, None] = {}  # ordered set
        self.described: set[NamedNode] = set()
        self.names: dict[NamedNode, tuple[bool, list[str]]] = {}  # node -> (is a place, labels to key)
        self.cited: set[int] = set()  # the sentences some evidence lies in, written once each
        self.variable_groups: dict[NamedNode, dict[NamedNode, None]] = {}  # variable -> its target groups here
        self.measured: list[NamedNode] = []  # each statistic's variable
        self.provinces: list[str | None] = []  # each statistic's province key (its place's, or the place itself)
        self.quote_groups: list[NamedNode] = []  # each quote's target groups, one entry per quote and group
        agency = doc.article.agency
        self.agency = mint("agency", agency) if agency else None
        self.agency_entry = _gazetteer("agency", agency)

    def add(self, s, p, o) -> None:
        if o is not None:
            self.quads[Quad(s, p, o, self.g)] = None

    def first_time(self, node: NamedNode) -> bool:
        new = node not in self.described
        self.described.add(node)
        return new

    def write(self) -> list[Quad]:
        self.article()
        for q in stories.signature_quads(self.g, self.doc.text):  # how near-duplicate pages are found
            self.quads[q] = None
        for i in range(len(self.doc.posts)):
            self.post(i)
        for i in range(len(self.doc.statistics)):
            self.statistic(i)
        for i in range(len(self.doc.quotes)):
            self.quote(i)
        for i in range(len(self.doc.events)):
            self.event(i)
        self.tally()
        self.scopes()
        self.name_keys()
        return list(self.quads)

    # -------------------------------------------------------------- provenance

    def evidence(self, subject: NamedNode, evidence: list[Evidence]) -> None:
        """``subject fakg:evidence "record"`` for each evidence (:func:`evidence_record`), and the
        text of each sentence they lie in, once per article."""
        doc = self.doc
        raw, sentences = doc.raw, len(doc.sentences)
        for ev in evidence:
            self.add(subject, FAKG.evidence, Literal(evidence_record(ev, raw, sentences)))
            if 0 <= ev.sentence < sentences and ev.sentence not in self.cited:
                self.cited.add(ev.sentence)
                self.add(mint("sentence", self.g, ev.sentence), FAKG.sentenceText,
                         _fa(doc.sentences[ev.sentence].text))

    def name(self, node: NamedNode, label: Literal | None, place: bool = False) -> None:
        """``node rdfs:label label``, remembered for the node's ``fakg:nameKey`` (written by :meth:`name_keys`)."""
        if label is not None:
            self.add(node, RDFS.label, label)
            self.names.setdefault(node, (place, []))[1].append(label.value)

    def name_keys(self) -> None:
        """``fakg:nameKey`` for each distinct :func:`search_key` of each named node's labels (and ISO code)."""
        for node, (place, names) in self.names.items():
            for k in dict.fromkeys(search_key(name, place) for name in names):
                if k:
                    self.add(node, FAKG.nameKey, Literal(k))

    def fact(self, node: NamedNode, index: int, types: tuple[NamedNode, ...]) -> None:
        """What every per-article fact node has: types and order in the article (the article it
        came from is the graph's name)."""
        for t in types:
            self.add(node, RDF.type, t)
        self.add(node, SCHEMA.position, _int(index))

    # -------------------------------------------------------------- the article

    def article(self) -> None:
        doc, meta, a = self.doc, self.doc.article, self.g
        self.add(a, RDF.type, SCHEMA.NewsArticle)
        self.add(a, RDFS.label, _fa(meta.title))
        self.add(a, SCHEMA.headline, _fa(meta.title))
        self.add(a, SCHEMA.identifier, Literal(meta.news_id) if meta.news_id else None)
        self.add(a, SCHEMA.abstract, _fa(meta.lead))
        self.add(a, SCHEMA.articleSection, _fa(meta.category))
        self.add(a, FAKG.reporter, Literal(meta.reporter) if meta.reporter else None)
        self.add(a, SCHEMA.url, Literal(meta.url, datatype=XSD.anyURI) if meta.url else None)
        if meta.published:
            self.add(a, SCHEMA.datePublished, Literal(meta.published.isoformat(), datatype=XSD.dateTime))
        self.add(a, FAKG.dateText, _fa(meta.published_text))
        self.add(a, SCHEMA.spatialCoverage, self.place(meta.province))
        self.add(a, SCHEMA.publisher, self.publisher())
        self.add(a, FAKG.creditedAs, _fa(meta.credit))
        self.add(a, FAKG.sourceFile, Literal(stored(doc.source)))  # a name that is not UTF-8 escaped
        self.add(a, FAKG.sourceStem, Literal(stored(doc.stem)))
        self.add(a, FAKG.contentHash, Literal(doc.content_hash) if doc.content_hash else None)
        for k in doc.persons:
            self.add(a, SCHEMA.mentions, self.person(k))
        for k, org in doc.organizations.items():  # implied parents (no evidence) are not mentioned
            if org.evidence:
                self.add(a, SCHEMA.mentions, self.organization(k))
        for k in doc.places:
            self.add(a, SCHEMA.mentions, self.place(k))
        for k in doc.programs:
            self.add(a, SCHEMA.mentions, self.program(k))
        # so that counting the store's figures reads one number per article, not every figure
        self.add(a, FAKG.statisticCount, _int(len(doc.statistics)))

    def publisher(self) -> NamedNode | None:
        node, entry = self.agency, self.agency_entry
        if node is None or not self.first_time(node):
            return node
        self.add(node, RDF.type, SCHEMA.NewsMediaOrganization)
        self.add(node, RDF.type, ORG.Organization)
        self.add(node, ORG.classification, mint("concept", "organization-kind", "news_agency"))
        self.name(node, _fa(self.doc.article.agency))
        if entry and entry.english:
            self.name(node, Literal(entry.english, language="en"))
        return node

    # -------------------------------------------------------------- entities

    def person(self, k: str | None) -> NamedNode | None:
        if not k:
            return None
        node = mint("person", k)
        if self.first_time(node):
            self.add(node, RDF.type, SCHEMA.Person)
            p = self.doc.persons.get(k)
            if p:
                self.name(node, _fa(p.name))
                self.evidence(node, p.evidence)
        return node

    def is_agency(self, k: str) -> bool:
        """True when organisation key ``k`` names the publishing agency (kept only as publisher)."""
        agency = self.doc.article.agency
        if not agency:
            return False
        if k in (key(agency), key("خبرگزاری " + agency)):
            return True
        entry = _gazetteer("agency", k)
        return bool(entry and self.agency_entry and entry.key == self.agency_entry.key)

    def organization(self, k: str | None) -> NamedNode | None:
        if not k:
            return None
        if self.is_agency(k):
            return self.publisher()
        node = mint("organization", k)
        if not self.first_time(node):
            return node
        o, entry = self.doc.organizations.get(k), _gazetteer("organization", k)
        kind = o.kind if o else getattr(entry, "kind", None)
        kind = _ORG_KIND_ALIASES.get(kind, kind)
        kind = kind if kind in _ORG_KINDS else "organization"
        self.add(node, RDF.type, ORG.Organization)
        if kind in _GOVERNMENT:
            self.add(node, RDF.type, SCHEMA.GovernmentOrganization)
        elif kind in ("ngo", "charity"):
            self.add(node, RDF.type, SCHEMA.NGO)
        elif kind == "news_agency":
            self.add(node, RDF.type, SCHEMA.NewsMediaOrganization)
        self.add(node, ORG.classification, mint("concept", "organization-kind", kind))
        name = o.name if o else getattr(entry, "name", None)
        self.name(node, _fa(name))
        if o:
            for alias in sorted(o.aliases):
                if key(alias) != key(o.name):
                    self.add(node, SKOS.altLabel, _fa(alias))
        if entry:
            self.name(node, Literal(entry.english, language="en") if entry.english else None)
            self.add(node, OWL.sameAs, _wikidata(entry.wikidata))
        parent = (o.parent if o else None) or getattr(entry, "parent", None)
        if parent and parent != k:
            self.add(node, ORG.subOrganizationOf, self.organization(parent))
        if o:
            self.add(node, SCHEMA.areaServed, self.place(o.place))
            self.evidence(node, o.evidence)
        return node

    def place(self, k: str | None) -> NamedNode | None:
        if not k:
            return None
        node = mint("place", k)
        if not self.first_time(node):
            return node
        p, entry = self.doc.places.get(k), _gazetteer("place", k)
        kind = p.kind if p else getattr(entry, "kind", None)
        self.add(node, RDF.type, SCHEMA.Place)
        self.add(node, RDF.type, _PLACE_TYPES.get(kind))
        self.add(node, FAKG.kind, mint("concept", "place-kind", kind if kind in _PLACE_TYPES else "place"))
        self.name(node, _fa(p.name if p else getattr(entry, "name", None)), place=True)
        if entry:
            self.name(node, Literal(entry.english, language="en") if entry.english else None, place=True)
            self.add(node, OWL.sameAs, _wikidata(entry.wikidata))
            if entry.iso:
                self.add(node, FAKG.isoCode, Literal(entry.iso))
                self.names.setdefault(node, (True, []))[1].append(entry.iso)
        province = self.province_of(k)
        if province and province != k:
            self.add(node, SCHEMA.containedInPlace, self.place(province))
        if p:
            self.evidence(node, p.evidence)
        return node

    def program(self, k: str | None) -> NamedNode | None:
        if not k:
            return None
        node = mint("program", k)
        if not self.first_time(node):
            return node
        self.add(node, RDF.type, FAKG.Program)
        p = self.doc.programs.get(k)
        if p:
            self.name(node, _fa(p.name))
            kind = p.kind if p.kind in _PROGRAM_KINDS else "program"
            self.add(node, FAKG.kind, mint("concept", "program-kind", kind))
            for place in p.places:
                self.add(node, FAKG.runsIn, self.place(place))
            self.add(node, FAKG.runBy, self.organization(p.organization))
            self.evidence(node, p.evidence)
        return node

    # -------------------------------------------------------------- facts

    def post(self, i: int) -> None:
        post = self.doc.posts[i]
        node = mint("post", self.g, i)
        self.fact(node, i, (ORG.Post,))
        self.add(node, RDFS.label, _fa(post.title))
        self.add(node, ORG.postIn, self.organization(post.organization))
        self.add(node, FAKG.jurisdiction, self.place(post.place))
        holder = self.person(post.holder)
        if holder:
            self.add(holder, ORG.holds, node)
        self.evidence(node, post.evidence)

    def statistic(self, i: int) -> None:
        st = self.doc.statistics[i]
        node = mint("statistic", self.g, i)
        self.fact(node, i, (SCHEMA.Observation,))
        self.add(node, RDFS.label, _fa(st.text or f"{_number(st.value).value} {st.subject}".strip()))
        variable = self.variable(st)
        self.add(node, SCHEMA.variableMeasured, variable)
        self.add(node, FAKG.subjectText, _fa(st.subject))
        self.measured.append(variable)
        self.add(node, SCHEMA.value, _number(st.value))
        self.add(node, SCHEMA.maxValue, _number(st.high) if st.high is not None else None)
        self.add(node, FAKG.approximation, Literal(st.approx))
        self.add(node, SCHEMA.observationAbout, self.place(st.place))
        self.provinces.append(self.province_of(st.place))
        self.period(node, i, st.period)
        self.add(node, FAKG.dateText, _fa(st.period_text))
        self.add(node, PROV.wasAttributedTo, self.person(st.person))
        self.add(node, FAKG.surfaceText, _fa(st.text))
        self.evidence(node, st.evidence)

    def variable(self, st) -> NamedNode:
        """The statistical variable of a figure, shared across articles (Data Commons' StatisticalVariable).

        It is what makes figures comparable: the population (the target group when the counted
        noun names one, else the noun), the measured property (count, share, amount, rate), the
        measure (identified, admitted, …: ``ontology/measures.ttl``), for a share its whole
        (``schema:measurementDenominator``, the variable counting the whole) and whether the
        figures are averages.  Two articles' «۱۲۰ کودک خیابانی شناسایی‌شده در …» meet in one
        variable; «۱۲۰ کودک خیابانی پذیرش‌شده» is another.
        """
        prop = _MEASURED.get(st.unit, "count")
        population = st.population or st.subject
        whole = st.whole if prop == "share" else None
        return self._variable(prop, st.unit, population, st.concept if prop != "share" or not whole else None,
                              st.measure, whole, st.average)

    def _variable(self, prop: str, unit: str, population: str, concept: str | None, measure: str | None,
                  whole: str | None, average: bool) -> NamedNode:
        group = concept.rsplit("/", 1)[-1] if concept else None
        parts = [unit, group or population or unit]
        if measure:
            parts.append(measure.rsplit("/", 1)[-1])
        if whole:
            parts += ["of", whole]
        if average:
            parts.append("mean")
        node = mint("variable", *parts)
        if self.first_time(node):
            self.add(node, RDF.type, FAKG.StatisticalVariable)
            self.add(node, RDF.type, SCHEMA.StatisticalVariable)
            self.add(node, RDFS.label, _fa(_variable_label(prop, population, whole)))
            self.add(node, SCHEMA.unitText, Literal(unit))
            self.add(node, SCHEMA.measuredProperty, FAKG(prop))
            self.add(node, FAKG.population, _fa(population))
            self.add(node, SCHEMA.populationType, concept_node(concept) if concept else None)
            self.add(node, FAKG.measure, NamedNode(measure) if measure else None)
            self.add(node, SCHEMA.statType, FAKG.meanValue if average else FAKG.measuredValue)
            if whole:
                self.add(node, SCHEMA.measurementDenominator,
                         self._variable("count", _WHOLE_UNIT, whole, concept_for(whole), None, None, False))
        groups = self.variable_groups.setdefault(node, {})
        if concept:
            self.add(node, FAKG.targetGroup, concept_node(concept))
            groups[concept_node(concept)] = None
        return node

    def period(self, subject: NamedNode, i: int, period: str | None) -> None:
        """Statistic ``i``'s date as schema:observationDate; a ``start/end`` range as an OWL-Time interval."""
        if not period:
            return
        if "/" not in period:
            typed = _date(period)
            self.add(subject, SCHEMA.observationDate, typed[0] if typed else None)
            return
        interval = mint("statistic", self.g, i, "period")
        self.add(subject, TIME.hasTime, interval)
        self.add(interval, RDF.type, TIME.ProperInterval)
        for part, link, suffix in zip(period.split("/", 1), (TIME.hasBeginning, TIME.hasEnd), ("begin", "end")):
            typed = _date(part)
            if typed:
                instant = mint("statistic", self.g, i, "period", suffix)
                self.add(interval, link, instant)
                self.add(instant, RDF.type, TIME.Instant)
                self.add(instant, typed[1], typed[0])

    def quote(self, i: int) -> None:
        q = self.doc.quotes[i]
        node = mint("quote", self.g, i)
        self.fact(node, i, (FAKG.Quote, SCHEMA.Quotation))
        speaker = self.person(q.speaker)
        who = self.doc.persons[q.speaker].name if q.speaker in self.doc.persons else q.post
        self.add(node, RDFS.label, _fa(f"{who or ''} {q.verb}".strip()))
        self.add(node, PROV.wasAttributedTo, speaker)
        self.add(node, FAKG.speakerRole, _fa(q.post))
        self.add(node, FAKG.reportingVerb, _fa(q.verb))
        self.add(node, SCHEMA.text, _fa(q.text))
        for group in dict.fromkeys(map(concept_node, concepts_in(q.text or ""))):  # queries/quotes-about-group.rq
            self.add(node, FAKG.targetGroup, group)
            self.quote_groups.append(group)
        self.evidence(node, q.evidence)

    def tally(self) -> None:
        """Per target group, how many of the article's figures and quotes are about it (``{article}/tally/{i}``).

        So that "which groups are reported on most" (``queries/target-groups.rq``)
        sums a few numbers per article instead of visiting every figure and quote
        of the store: 21 s at 100,000 articles before.  A figure counts for each
        target group its variable has in this article, as the queries read it.
        """
        tallies: dict[NamedNode, list[int]] = {}  # target group -> [figures, quotes]
        for variable in self.measured:
            for group in self.variable_groups[variable]:
                tallies.setdefault(group, [0, 0])[0] += 1
        for group in self.quote_groups:
            tallies.setdefault(group, [0, 0])[1] += 1
        for i, (group, (figures, quotes)) in enumerate(sorted(tallies.items(), key=lambda kv: kv[0].value)):
            node = mint("tally", self.g, i)
            self.add(node, FAKG.tallyGroup, group)
            self.add(node, FAKG.figureCount, _int(figures))
            self.add(node, FAKG.quoteCount, _int(quotes))

    def scopes(self) -> None:
        """``statistic fakg:scope scope`` for each (province, target group) a figure is about.

        So that "the figures for this province and this group" (``queries/figures-by-province.rq``,
        ``conflicting-figures``, ``latest-figure``) starts from one index lookup of the pair's scope
        (:func:`scope_node`, described in the vocabulary graph) instead of visiting every figure
        about the province to keep the few about the group: 42,000 of them at 100,000 articles.
        A figure counts for each target group its variable has in this article, as the queries read it.
        """
        for i, (variable, province) in enumerate(zip(self.measured, self.provinces)):
            if province:
                for group in self.variable_groups[variable]:
                    self.add(mint("statistic", self.g, i), FAKG.scope, scope_node(province, group))

    def province_of(self, k: str | None) -> str | None:
        """The key of the province place ``k`` is in (``k`` itself for a province): what :meth:`place` links it to."""
        if not k:
            return None
        p, entry = self.doc.places.get(k), _gazetteer("place", k)
        if (p.kind if p else getattr(entry, "kind", None)) == "province":
            return k
        return (p.province if p else None) or getattr(entry, "province", None)

    def event(self, i: int) -> None:
        ev = self.doc.events[i]
        node = mint("event", self.g, i)
        self.fact(node, i, (FAKG.Event, SCHEMA.Event))
        self.add(node, FAKG.kind, mint("concept", "event-kind", ev.kind if ev.kind in _EVENT_KINDS else "event"))
        self.add(node, RDFS.label, _fa(ev.name))
        self.add(node, SCHEMA.startDate, Literal(ev.date.isoformat(), datatype=XSD.date) if ev.date else None)
        self.add(node, FAKG.dateText, _fa(ev.date_text))
        self.add(node, SCHEMA.location, self.place(ev.place))
        for k in ev.participants:
            self.add(node, SCHEMA.attendee, self.participant(k))
        self.add(node, FAKG.occasion, self.program(ev.occasion))
        self.evidence(node, ev.evidence)

    def participant(self, k: str) -> NamedNode | None:
        """A participant key as the person or organisation it names (None when the document knows neither)."""
        if k in self.doc.persons:
            return self.person(k)
        if k in self.doc.organizations or self.is_agency(k) or _gazetteer("organization", k):
            return self.organization(k)
        return None


_MEASURED = {"percent": "share", "fraction": "share", "rials": "amount", "tomans": "amount", "rate": "rate"}
_WHOLE_UNIT = "count"


def _variable_label(prop: str, population: str, whole: str | None) -> str:
    """«کودک کار», «درصد: دختر، از کودکان بازمانده از تحصیل»: what a variable counts, in Persian."""
    if prop == "share":
        return f"درصد {population} از {whole}" if whole and population != whole else f"درصد {population}".strip()
    return population


def _wikidata(qid: str | None) -> NamedNode | None:
    """A Wikidata id (``Q241119``) or entity IRI as a node of ``wd:``."""
    if not qid:
        return None
    return NamedNode(qid) if "://" in qid else WD(qid.strip())
