"""A finished :class:`~builder.text.document.Document` as quads in the article's named graph.

Provenance model (see ``ontology/README.md``): every quad of an article goes
into one named graph whose name is the article IRI, so a rebuild replaces
exactly that article, and the graph name says which article a fact came from.
Facts are nodes (posts, observations, quotes, events) derived from the
article, and every fact or entity statement has one ``fakg:evidence`` literal
per span it was read from (:func:`builder.text.evidence.evidence_record`).

A sentence that some evidence cites is written once per article, as its text
alone (``{article}/sentence/{i} fakg:sentenceText``); sentences no fact cites
are not written.  The extractors are activities of the fakg version, described
once in the vocabulary graph (:func:`builder.graph.vocabulary.activity_quads`), not in
every article.  Plain SPARQL 1.1 and SHACL handle this; no RDF 1.2 triple terms
are needed.

What an item of each kind becomes is its kind's ``describe``
(:mod:`builder.kinds`); :class:`Writer` is what they write with: it holds the
article's quads, describes each node once, and writes what is the article's
own: its metadata, which entities it mentions, and the numbers queries over a
large store add up instead of counting.

Persons, organisations, places and programs also carry ``fakg:nameKey``, the
spelling-insensitive form of each of their labels
(:func:`builder.graph.vocabulary.search_key`), so that the queries in ``queries/``
compare a parameter with stored keys instead of folding every label of the
store at query time, and find a province by an index lookup.  For the same
reason each article states ``fakg:statisticCount`` and one tally per target
group (:meth:`Writer.tally`).
"""
from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from ..text import gazetteer
from . import stories
from ..text.document import Document
from ..text.evidence import Evidence, evidence_record
from .iri import article_iri, mint
from ..kinds import IN_ARTICLE, KIND, KINDS, NAMED
from .literals import fa, integer
from .namespaces import FAKG, ORG, RDF, RDFS, SCHEMA, XSD
from ..read.paths import stored
from ..text.textkey import key
from .vocabulary import concept_node, scope_node, search_key

__all__ = ["Writer", "article_iri", "document_quads"]


def document_quads(doc: Document) -> list[Quad]:
    """Every quad of ``doc``, all in the graph named :func:`article_iri` ``(doc)``, in a stable order."""
    return Writer(doc).write()


class Writer:
    """Accumulates the quads of one document; each entity node is described once (the kinds' ``describe``)."""

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
        self.agency_entry = self.gazetteer("agency", agency)

    def write(self) -> list[Quad]:
        self.article()
        for q in stories.signature_quads(self.g, self.doc.text):  # how near-duplicate pages are found
            self.quads[q] = None
        for kind in KINDS:
            if kind.scope == IN_ARTICLE:
                for i in range(len(getattr(self.doc, kind.attribute))):
                    kind.describe(self, i)
        self.tally()
        self.scopes()
        self.name_keys()
        return list(self.quads)

    # -------------------------------------------------------------- what the kinds write with

    def add(self, s, p, o) -> None:
        if o is not None:
            self.quads[Quad(s, p, o, self.g)] = None

    def first_time(self, node: NamedNode) -> bool:
        new = node not in self.described
        self.described.add(node)
        return new

    def mint(self, kind: str, *parts) -> NamedNode:
        return mint(kind, *parts)

    def node(self, kind: str, k: str | None) -> NamedNode | None:
        """The node of the ``kind`` item keyed ``k``, described the first time it is referred to (None for no key)."""
        return KIND[kind].describe(self, k)

    def gazetteer(self, kind: str, k: str | None):
        """The gazetteer entry (``place``/``organization``/``agency``) for key or name ``k``, or None.

        Looked up through the module attribute so that tests can swap in a fixed gazetteer.
        """
        return getattr(gazetteer, kind)(k) if k else None

    def target_group(self, concept: str) -> NamedNode:
        return concept_node(concept)

    def evidence(self, subject: NamedNode, evidence: list[Evidence]) -> None:
        """``subject fakg:evidence "record"`` for each evidence (:func:`evidence_record`), and the
        text of each sentence they lie in, once per article."""
        doc = self.doc
        raw, sentences = doc.raw, len(doc.sentences)
        for ev in evidence:
            self.add(subject, FAKG.evidence, Literal(evidence_record(ev, raw, sentences)))
            if 0 <= ev.sentence < sentences and ev.sentence not in self.cited:
                self.cited.add(ev.sentence)
                self.add(mint("sentence", self.g, ev.sentence), FAKG.sentenceText, fa(doc.sentences[ev.sentence].text))

    def name(self, node: NamedNode, label: Literal | None, place: bool = False) -> None:
        """``node rdfs:label label``, remembered for the node's ``fakg:nameKey`` (written by :meth:`name_keys`)."""
        if label is not None:
            self.add(node, RDFS.label, label)
            self.name_key(node, label.value, place)

    def name_key(self, node: NamedNode, text: str, place: bool = False) -> None:
        """``text`` is a name of ``node`` to key (a label, a province's ISO code)."""
        self.names.setdefault(node, (place, []))[1].append(text)

    def fact(self, node: NamedNode, types: tuple[NamedNode, ...]) -> None:
        """What every per-article fact node has: its types.  The article it came from is the graph's
        name, and its order in the article the last segment of its IRI
        (``{article}/{kind}/{index}``), which the facts queries read, so neither is stated again."""
        for t in types:
            self.add(node, RDF.type, t)

    def is_agency(self, k: str) -> bool:
        """True when organisation key ``k`` names the publishing agency (kept only as publisher)."""
        agency = self.doc.article.agency
        if not agency:
            return False
        if k in (key(agency), key("خبرگزاری " + agency)):
            return True
        entry = self.gazetteer("agency", k)
        return bool(entry and self.agency_entry and entry.key == self.agency_entry.key)

    def province_of(self, k: str | None) -> str | None:
        """The key of the province place ``k`` is in (``k`` itself for a province): what a place is linked to."""
        if not k:
            return None
        p, entry = self.doc.places.get(k), self.gazetteer("place", k)
        if (p.kind if p else getattr(entry, "kind", None)) == "province":
            return k
        return (p.province if p else None) or getattr(entry, "province", None)

    def variable_group(self, variable: NamedNode, group: NamedNode | None) -> None:
        """``variable`` counts ``group`` in this article (None: it is a variable here, of no group)."""
        groups = self.variable_groups.setdefault(variable, {})
        if group is not None:
            groups[group] = None

    def count_figure(self, variable: NamedNode, province: str | None) -> None:
        """A figure of ``variable`` about ``province`` (a key, or None): for :meth:`tally` and :meth:`scopes`."""
        self.measured.append(variable)
        self.provinces.append(province)

    def count_quote(self, group: NamedNode) -> None:
        """A quote about the target group ``group``: for :meth:`tally`."""
        self.quote_groups.append(group)

    # -------------------------------------------------------------- the article's own

    def article(self) -> None:
        doc, meta, a = self.doc, self.doc.article, self.g
        self.add(a, RDF.type, SCHEMA.NewsArticle)
        self.add(a, RDFS.label, fa(meta.title))
        self.add(a, SCHEMA.headline, fa(meta.title))
        self.add(a, SCHEMA.identifier, Literal(meta.news_id) if meta.news_id else None)
        self.add(a, SCHEMA.abstract, fa(meta.lead))
        self.add(a, SCHEMA.articleSection, fa(meta.category))
        self.add(a, FAKG.reporter, Literal(meta.reporter) if meta.reporter else None)
        self.add(a, SCHEMA.url, Literal(meta.url, datatype=XSD.anyURI) if meta.url else None)
        if meta.published:
            self.add(a, SCHEMA.datePublished, Literal(meta.published.isoformat(), datatype=XSD.dateTime))
        self.add(a, FAKG.dateText, fa(meta.published_text))
        self.add(a, SCHEMA.spatialCoverage, self.node("place", meta.province))
        self.add(a, SCHEMA.publisher, self.publisher())
        self.add(a, FAKG.creditedAs, fa(meta.credit))
        self.add(a, FAKG.republishedBy, fa(meta.republisher))
        self.add(a, FAKG.sourceFile, Literal(stored(doc.source)))  # a name that is not UTF-8 escaped
        self.add(a, FAKG.sourceStem, Literal(stored(doc.stem)))
        self.add(a, FAKG.contentHash, Literal(doc.content_hash) if doc.content_hash else None)
        for kind in KINDS:
            if kind.scope == NAMED:
                for k, item in getattr(doc, kind.attribute).items():
                    if kind.mentioned(item):
                        self.add(a, SCHEMA.mentions, kind.describe(self, k))
        # so that counting the store's figures reads one number per article, not every figure
        self.add(a, FAKG.statisticCount, integer(len(doc.statistics)))

    def publisher(self) -> NamedNode | None:
        node, entry = self.agency, self.agency_entry
        if node is None or not self.first_time(node):
            return node
        self.add(node, RDF.type, SCHEMA.NewsMediaOrganization)
        self.add(node, RDF.type, ORG.Organization)
        self.add(node, ORG.classification, mint("concept", "organization-kind", "news_agency"))
        self.name(node, fa(self.doc.article.agency))
        if entry and entry.english:
            self.name(node, Literal(entry.english, language="en"))
        return node

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
            self.add(node, FAKG.figureCount, integer(figures))
            self.add(node, FAKG.quoteCount, integer(quotes))

    def scopes(self) -> None:
        """``statistic fakg:scope scope`` for each (province, target group) a figure is about.

        So that "the figures for this province and this group" (``queries/figures-by-province.rq``,
        ``conflicting-figures``, ``latest-figure``) starts from one index lookup of the pair's scope
        (:func:`builder.graph.vocabulary.scope_node`, described in the vocabulary graph) instead of
        visiting every figure about the province to keep the few about the group: 42,000 of them
        at 100,000 articles.  A figure counts for each target group its variable has in this
        article, as the queries read it.
        """
        for i, (variable, province) in enumerate(zip(self.measured, self.provinces)):
            if province:
                for group in self.variable_groups[variable]:
                    self.add(mint("statistic", self.g, i), FAKG.scope, scope_node(province, group))

    def name_keys(self) -> None:
        """``fakg:nameKey`` for each distinct :func:`search_key` of each named node's labels (and ISO code)."""
        for node, (place, names) in self.names.items():
            for k in dict.fromkeys(search_key(name, place) for name in names):
                if k:
                    self.add(node, FAKG.nameKey, Literal(k))
