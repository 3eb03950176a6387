"""Rewrite the per-class examples in ``ontology/README.md`` from a build of the seed articles.

    python ontology/examples.py [--store DIR] [--check]

Without ``--store`` the seed articles (``examples/articles``) are built into a
temporary store first.  For every class the builder writes, a SPARQL query
below picks one representative node of the store (the values it is about —
«۱۹۹ کودک خیابانی», «طرح کودکان بازمانده از تحصیل», … — are bound with
pyoxigraph substitutions, never spliced into the query), a CONSTRUCT reads the
node's outgoing triples in the graph it was picked from, and they are written
as Turtle with readable prefixes between the README markers
``<!-- examples:start -->`` and ``<!-- examples:end -->``.  The output of
``queries/source-sentence.rq`` on the same street-children figure goes between
``<!-- source-sentence:start -->`` and ``<!-- source-sentence:end -->``.

``--check`` rewrites nothing and exits 1 when the README is not current
(``tests/test_ontology_examples.py`` makes the same check on the seed build).

The Turtle is written here rather than by rdflib so that literals keep their
stored lexical form (rdflib prints ``"1"^^xsd:decimal`` as ``1.0``), no prefix
is ever generated (``ns1:``), and per-article nodes are relative to an
``@base`` (``<statistic/0>``).  Each block plus the prefix block at the top of
the section is valid Turtle.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Store, Variable

from builder import __version__
from builder.build import build
from builder.graph.iri import base
from builder.graph.namespaces import CONCEPT, FAKG, PREFIXES, RDF, RDFS, SKOS, WD, XSD
from builder.use.sparql import format_rows, load, rows, run

ROOT = Path(__file__).resolve().parent.parent
README = Path(__file__).resolve().parent / "README.md"
SEEDS = ROOT / "examples" / "articles"

MARKERS = {
    "examples": ("<!-- examples:start -->", "<!-- examples:end -->"),
    "source-sentence": ("<!-- source-sentence:start -->", "<!-- source-sentence:end -->"),
}


def _prefixes() -> dict[str, str]:
    """Prefix -> namespace for every example block (the legend at the top of the section)."""
    data = base()
    return {
        "fakg": str(FAKG), "schema": PREFIXES["schema"], "org": PREFIXES["org"], "prov": PREFIXES["prov"],
        "skos": PREFIXES["skos"], "time": PREFIXES["time"], "owl": PREFIXES["owl"], "rdfs": PREFIXES["rdfs"],
        "xsd": str(XSD), "wd": str(WD),
        "person": f"{data}person/", "organization": f"{data}organization/", "place": f"{data}place/",
        "program": f"{data}program/", "agency": f"{data}agency/", "activity": f"{data}activity/{__version__}/",
        "tg": f"{CONCEPT}target-group/", "ok": f"{CONCEPT}organization-kind/", "pk": f"{CONCEPT}program-kind/",
        "ek": f"{CONCEPT}event-kind/", "lk": f"{CONCEPT}place-kind/",
    }


def _concept(scheme: str, name: str) -> NamedNode:
    return NamedNode(f"{CONCEPT}{scheme}/{name}")


# ------------------------------------------------------------------------------------------ the examples


@dataclass
class Example:
    """One README subsection: ``select`` picks ``?graph`` and the nodes named in ``nodes``."""

    title: str
    note: str
    select: str
    bind: dict = field(default_factory=dict)  # variable -> value, substituted (each is in the SELECT)
    nodes: tuple[str, ...] = ("node",)


def _fa(text: str) -> Literal:
    return Literal(text, language="fa")


STREET_CHILDREN = {"value": Literal("199", datatype=XSD.integer), "place": _fa("اردبیل")}

EXAMPLES = [
    Example(
        "schema:NewsArticle (the graph)",
        "An article with a news id and a publisher, so its IRI is `{base}article/{agency}/{news id}`\n"
        "(an article without both is `{base}article/hash/{16 hex of the content hash}`, like the\n"
        "Ardabil article below). The article IRI is also the name of the graph that holds every\n"
        "quad of the article, the other blocks from it below included; `fakg:sourceFile` (shown\n"
        "relative to the repository), `fakg:contentHash` and `fakg:extractorVersion` let a rebuild\n"
        "find the graph and skip it when nothing changed. When the same article (same agency and\n"
        "news id) is read from several files, the file read first is the `fakg:sourceFile` and the\n"
        "others are recorded, not extracted: `article fakg:copy c . c fakg:copyFile \"path\" ;\n"
        "fakg:copyHash \"…\"` (`c` is `{article}/copy/{16 hex of the path's SHA-256}`). A file name\n"
        "that is not valid UTF-8 is written with its undecodable bytes as `\\xHH` (`builder/read/paths.py`).\n"
        "`fakg:creditedAs` is the source as the page credits it; a story another site relayed also has\n"
        "`fakg:republishedBy` («به گزارش خراسان‌تایم به نقل از تسنیم»: `fakg:creditedAs \"تسنیم\"`,\n"
        "`fakg:republishedBy \"خراسان‌تایم\"`), and `fakg facts` writes the agency as «تسنیم (خراسان‌تایم)».",
        """SELECT ?graph ?node ?agency WHERE {
             GRAPH ?graph { ?node a schema:NewsArticle ; schema:identifier ?id ; schema:publisher/rdfs:label ?agency }
             FILTER(?node = ?graph)
           } ORDER BY ?node LIMIT 1""",
        {"agency": _fa("ایسنا")},
    ),
    Example(
        "fakg:Story and the article's signature",
        "The story the article tells (`fakg:story`; near-duplicate pages, republished under another\n"
        "credit line or cut shorter, tell the same one, and the queries count it once) and the node that\n"
        "finds them: the MinHash signature of the body's 4-word shingles and its 32 band keys, which a\n"
        "build looks up in the store's index to find the pages to compare (`builder/graph/stories.py`). The story\n"
        "is `{base}story/{16 hex}`, named after the article that began it, and is described in the graph\n"
        "of every article that tells it.",
        """SELECT ?graph ?node ?story ?signature ?agency WHERE {
             GRAPH ?graph { ?node a schema:NewsArticle ; schema:identifier ?id ; schema:publisher/rdfs:label ?agency ;
                                  fakg:story ?story ; fakg:signature ?signature }
             FILTER(?node = ?graph)
           } ORDER BY ?node LIMIT 1""",
        {"agency": _fa("ایسنا")},
        ("story", "signature"),
    ),
    Example(
        "schema:NewsMediaOrganization (publisher)",
        "The publisher of that article, described in its graph (English name from the gazetteer).",
        """SELECT ?graph ?node ?agency WHERE {
             GRAPH ?graph { ?article schema:publisher ?node . ?node a schema:NewsMediaOrganization ; rdfs:label ?agency }
           } ORDER BY ?graph LIMIT 1""",
        {"agency": _fa("ایسنا")},
    ),
    Example(
        "schema:Person and org:Post",
        "The official of the Ardabil article and the post he holds in it: the post is a per-article\n"
        "node, so «holds» is evidenced by the post's own `fakg:evidence`.",
        """SELECT ?graph ?node ?post ?province WHERE {
             GRAPH ?graph { ?node a schema:Person ; org:holds ?post .
                            ?post org:postIn ?organization ; fakg:jurisdiction/rdfs:label ?province }
           } ORDER BY ?graph ?post LIMIT 1""",
        {"province": _fa("اردبیل")},
        ("node", "post"),
    ),
    Example(
        "org:Organization",
        "A provincial office, keyed `{national organisation}@{province}`, with its parent. The parent\n"
        "is named by the gazetteer, not only by the text, and is described in the same graph.",
        """SELECT ?graph ?node ?parent ?kind ?province WHERE {
             GRAPH ?graph { ?node org:classification ?kind ; org:subOrganizationOf ?parent ;
                                  schema:areaServed/rdfs:label ?province }
           } ORDER BY ?graph ?node LIMIT 1""",
        {"kind": _concept("organization-kind", "provincial_office"), "province": _fa("اردبیل")},
        ("node", "parent"),
    ),
    Example(
        "schema:Place",
        "A province as described in the Ardabil article: kind, Wikidata item, ISO 3166-2 code and\n"
        "one `fakg:evidence` per mention. The city of the same name is a separate place keyed\n"
        "`city:اردبیل` (IRI `place:cityاردبیل`, `schema:containedInPlace place:اردبیل`).",
        """SELECT ?graph ?node ?kind ?name WHERE {
             GRAPH ?graph { ?node a schema:Place ; fakg:kind ?kind ; rdfs:label ?name ;
                                  owl:sameAs ?item ; fakg:isoCode ?iso ; fakg:evidence ?evidence }
           } ORDER BY ?graph LIMIT 1""",
        {"kind": _concept("place-kind", "province"), "name": _fa("اردبیل")},
    ),
    Example(
        "fakg:Program",
        "The out-of-school plan and the four provinces it is piloted in.",
        """SELECT ?graph ?node ?name WHERE {
             GRAPH ?graph { ?node a fakg:Program ; rdfs:label ?name ; fakg:runsIn ?place }
           } ORDER BY ?graph LIMIT 1""",
        {"name": _fa("طرح کودکان بازمانده از تحصیل")},
    ),
    Example(
        "schema:Observation and fakg:StatisticalVariable",
        "«۱۹۹ کودک خیابانی» in Ardabil and the variable it measures, shared by every article that\n"
        "counts identified street children in persons (population, measured property, measure: see\n"
        "\"Statistics\" above); `fakg:subjectText` is what is counted as the article says it.\n"
        "`prov:wasAttributedTo` (the person quoted) is written\n"
        "when the extractor ties the figure to a speaker. This figure has no date; a dated one has\n"
        "`schema:observationDate` (`xsd:date`, `xsd:gYearMonth` or `xsd:gYear`), and a range has\n"
        "`time:hasTime <statistic/{i}/period>`, a `time:ProperInterval` whose `time:hasBeginning` and\n"
        "`time:hasEnd` are instants `<statistic/{i}/period/begin>` and `…/end`; both keep the words\n"
        "as `fakg:dateText`.",
        """SELECT ?graph ?node ?variable ?value ?place WHERE {
             GRAPH ?graph { ?node a schema:Observation ; schema:value ?value ; schema:variableMeasured ?variable ;
                                  schema:observationAbout/rdfs:label ?place }
           } ORDER BY ?graph ?node LIMIT 1""",
        STREET_CHILDREN,
        ("node", "variable"),
    ),
    Example(
        "fakg:Quote",
        "The official's first quote that states the figure. `fakg:speakerRole` is the post as written\n"
        "where the quote is introduced; it is there whether or not the speaker is named. A quote\n"
        "whose speaker is named only by role has no `prov:wasAttributedTo` (and is not in the facts\n"
        "JSON). `fakg:targetGroup` lists every target group its words name.",
        """SELECT ?graph ?node ?speaker ?phrase WHERE {
             GRAPH ?graph { ?node a fakg:Quote ; schema:text ?text ;
                                  prov:wasAttributedTo/rdfs:label ?speaker }
             FILTER(CONTAINS(?text, ?phrase))
             BIND(xsd:integer(REPLACE(STR(?node), "^.*/", "")) AS ?i)  # its position: the end of its IRI
           } ORDER BY ?graph ?i LIMIT 1""",
        {"speaker": _fa("خسرو امیدوار"), "phrase": Literal("۱۹۹ کودک خیابانی")},
    ),
    Example(
        "fakg:Event",
        "The prosecutor's visit in Ahvaz on the World Day Against Child Labour: the date «امروز»\n"
        "resolved against the publication date, participants, place and occasion.",
        """SELECT ?graph ?node ?kind WHERE {
             GRAPH ?graph { ?node a fakg:Event ; fakg:kind ?kind }
             BIND(xsd:integer(REPLACE(STR(?node), "^.*/", "")) AS ?i)
           } ORDER BY ?graph ?i LIMIT 1""",
        {"kind": _concept("event-kind", "visit")},
    ),
    Example(
        "Evidence records and fakg:Sentence",
        "The sentence of the street-children figure's first evidence after the headline. Each\n"
        "`fakg:evidence` of a fact or entity (the Observation above has three) is one literal, an\n"
        "evidence record `\"S,E;I;extractor[;confidence]|words\"`: offsets into the decoded page\n"
        "(RFC 5147's `char=S,E`), the index `I` of the body sentence it lies in (empty for page\n"
        "metadata), the extractor (and its confidence, only when below 1) and, after the first `|`,\n"
        "the page's own words there, with its own digits and spacing. A sentence that evidence cites\n"
        "is written once per article, at `<sentence/{I}>`, as its normalised text alone; sentences that\n"
        "no evidence cites are not written. Sentences are not typed: they are the subjects of\n"
        "`fakg:sentenceText`, whose domain is `fakg:Sentence`.",
        """SELECT ?graph ?node ?value ?place WHERE {
             GRAPH ?graph { ?fact a schema:Observation ; schema:value ?value ; schema:observationAbout/rdfs:label ?place ;
                                  fakg:evidence ?evidence .
                            ?node fakg:sentenceText ?text }
             BIND(STRBEFORE(STRAFTER(?evidence, ";"), ";") AS ?index)
             FILTER(?index != "" && ?index != "0" && STRAFTER(STR(?node), "/sentence/") = ?index)
           } ORDER BY ?graph xsd:integer(?index) LIMIT 1""",
        STREET_CHILDREN,
    ),
    Example(
        "prov:Activity (vocabulary graph)",
        "The extractor an evidence record names, as an activity of the fakg version that built the\n"
        "article (its `fakg:extractorVersion`): `{base}activity/{version}/{extractor}`. The activities\n"
        "are described once, in the graph `<https://w3id.org/fakg/graph/vocabulary>`, not in every article.",
        """SELECT ?graph ?node ?name WHERE { GRAPH ?graph { ?node a prov:Activity ; fakg:extractor ?name } }""",
        {"name": Literal("statistics")},
    ),
    Example(
        "skos:Concept (vocabulary graph)",
        "The target group of the street-children variable, in the graph\n"
        "`<https://w3id.org/fakg/graph/vocabulary>` (loaded from `fakg.ttl`, `target-groups.ttl` and `measures.ttl`).",
        """SELECT ?graph ?node ?value ?place WHERE {
             GRAPH ?g { ?fact schema:value ?value ; schema:observationAbout/rdfs:label ?place ;
                              schema:variableMeasured/fakg:targetGroup ?node }
             GRAPH ?graph { ?node a skos:Concept }
           } LIMIT 1""",
        STREET_CHILDREN,
    ),
]

CONSTRUCT = "CONSTRUCT { ?node ?p ?o } WHERE { GRAPH ?graph { ?node ?p ?o } }"


def pick(store: Store, example: Example) -> dict[str, NamedNode]:
    """``?graph`` and the example's nodes, from its SELECT with its values substituted."""
    subs = {Variable(k): v for k, v in example.bind.items()}
    for row in store.query(example.select, substitutions=subs, prefixes=PREFIXES):
        return {name: row[name] for name in ("graph", *example.nodes)}
    raise LookupError(f"{example.title}: the query found no node in the store (was it built from examples/articles?)")


def outgoing(store: Store, graph: NamedNode, node: NamedNode) -> list[tuple]:
    """``node``'s outgoing triples in ``graph``."""
    subs = {Variable("graph"): graph, Variable("node"): node}
    return [(t.subject, t.predicate, t.object) for t in store.query(CONSTRUCT, substitutions=subs)]


# ------------------------------------------------------------------------------------------ Turtle


_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_LOCAL = re.compile(r"\w[\w-]*")  # letters, digits, "_" and "-" (not first): no escapes needed ("@", "%", "/" need them)
_PREDICATE_ORDER = {RDF.type: 0, RDFS.label: 1, SKOS.prefLabel: 2, SKOS.altLabel: 3}
_LAST = {FAKG.evidence}


def _local_ok(local: str) -> bool:
    """``local`` is a Turtle PN_LOCAL without escapes (every non-ASCII character in PN_CHARS_BASE)."""
    return bool(local) and bool(_LOCAL.fullmatch(local)) and all(
        c.isascii() or (0xC0 <= ord(c) and ord(c) not in (0xD7, 0xF7)) for c in local)


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def _natural(text: str) -> list:
    """Sort key that puts ``…/2`` before ``…/10``."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text)]


class Turtle:
    """Terms and node descriptions as Turtle, with the legend's prefixes and a block's own."""

    def __init__(self, prefixes: dict[str, str], local: dict[str, str], base_iri: str | None):
        # longest namespace first, so `activity/0.1.0/` wins over a shorter one
        self.namespaces = sorted({**prefixes, **local}.items(), key=lambda kv: -len(kv[1]))
        self.local = local
        self.base = base_iri
        self.used: set[str] = set()  # block-local prefixes (and "@base") that a written term used

    def header(self) -> list[str]:
        """``@base`` and the block's own ``@prefix`` lines, those that the terms written so far use."""
        lines = [f"@base <{self.base}> ."] if "@base" in self.used else []
        return lines + [f"@prefix {p}: <{ns}> ." for p, ns in self.local.items() if p in self.used]

    def iri(self, iri: str) -> str:
        if self.base and iri.startswith(self.base) and len(iri) > len(self.base):
            self.used.add("@base")
            return f"<{iri[len(self.base):]}>"
        for prefix, ns in self.namespaces:
            if iri.startswith(ns) and _local_ok(iri[len(ns):]):
                self.used.add(prefix)
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"

    def term(self, t) -> str:
        if isinstance(t, NamedNode):
            return self.iri(t.value)
        if not isinstance(t, Literal):
            raise TypeError(f"no blank nodes expected in the examples: {t}")
        if t.language:
            return f"{_string(t.value)}@{t.language}"
        dt = t.datatype.value
        if dt == XSD.string.value:
            return _string(t.value)
        if dt == XSD.integer.value and _INTEGER.fullmatch(t.value):
            return t.value
        if dt == XSD.decimal.value and _DECIMAL.fullmatch(t.value):
            return t.value
        return f"{_string(t.value)}^^{self.iri(dt)}"

    def node(self, subject: NamedNode, triples: list[tuple]) -> str:
        by_predicate: dict = {}
        for _, p, o in triples:
            by_predicate.setdefault(p, []).append(o)

        def order(p):
            return (2 if p in _LAST else 0 if p in _PREDICATE_ORDER else 1, _PREDICATE_ORDER.get(p, 0), self.term(p))

        head = self.term(subject)
        lines = []
        for p in sorted(by_predicate, key=order):
            verb = "a" if p == RDF.type else self.term(p)
            objects = sorted({self.term(o) for o in by_predicate[p]}, key=_natural)
            one_line = f"{verb} {' , '.join(objects)}"
            if len(one_line) + 4 <= 100 or len(objects) == 1:
                lines.append(one_line)
            else:
                lines.append(f"{verb} {objects[0]} ,\n" + " ,\n".join("        " + o for o in objects[1:]))
        body = " ;\n    ".join(lines)
        return f"{head} {body} ." if len(head) + len(lines[0]) < 60 and len(lines) == 1 else f"{head}\n    {body} ."


def _relative_path(path: str | None) -> str | None:
    """A path under the repository as the path relative to it (the seeds build from an absolute path)."""
    root = str(ROOT) + os.sep
    if path is not None and path.startswith(root):
        return path[len(root):].replace(os.sep, "/")
    return path


def _relative_source(t):
    """A ``fakg:sourceFile`` literal under the repository, relative to it (:func:`_relative_path`)."""
    if isinstance(t, Literal):
        return Literal(_relative_path(t.value), datatype=t.datatype)
    return t


def _article_of(graph: NamedNode) -> tuple[str | None, dict[str, str]]:
    """The ``@base`` (article IRI + "/") and the ``article:`` prefix for a block from ``graph``."""
    iri = graph.value
    if not iri.startswith(f"{base()}article/"):
        return None, {}
    return iri + "/", {"article": iri.rsplit("/", 1)[0] + "/"}


def _variable_prefixes(triples: list[tuple]) -> dict[str, str]:
    """``var-{unit}:`` for the variables a block mentions (``{base}variable/{unit}/{key}``)."""
    out = {}
    for t in (x for triple in triples for x in triple):
        if isinstance(t, NamedNode) and t.value.startswith(f"{base()}variable/"):
            unit = t.value[len(f"{base()}variable/"):].split("/")[0]
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", unit):
                out[f"var-{unit}"] = f"{base()}variable/{unit}/"
    return dict(sorted(out.items()))


def block(store: Store, example: Example, prefixes: dict[str, str]) -> tuple[dict, str]:
    """The picked nodes and the Turtle of their outgoing triples."""
    picked = pick(store, example)
    graph = picked["graph"]
    described = []
    for name in example.nodes:
        triples = [(s, p, _relative_source(o) if p == FAKG.sourceFile else o) for s, p, o in outgoing(store, graph, picked[name])]
        if not triples:
            raise LookupError(f"{example.title}: ?{name} {picked[name]} has no triples in {graph}")
        described.append((picked[name], triples))
    base_iri, local = _article_of(graph)
    local.update(_variable_prefixes([t for _, ts in described for t in ts]))
    turtle = Turtle(prefixes, local, base_iri)
    text = "\n\n".join(turtle.node(node, triples) for node, triples in described)
    header = turtle.header()
    return picked, "\n".join(header + [""] + [text] if header else [text])


# ------------------------------------------------------------------------------------------ the README


def examples_markdown(store: Store) -> str:
    prefixes = _prefixes()
    width = max(len(p) for p in prefixes) + 1
    legend = "\n".join(f"@prefix {(p + ':').ljust(width)} <{ns}> ." for p, ns in prefixes.items())
    out = [
        "Generated by `python ontology/examples.py` from a build of the five seed articles in",
        "`examples/articles` (do not edit by hand; `tests/test_ontology_examples.py` fails when these",
        "blocks no longer match what the builder writes). Each block is the picked node's outgoing",
        "triples in its article's graph (`GRAPH <article> { <node> ?p ?o }`); per-article nodes are",
        "relative to the block's `@base`, the article IRI plus `/`. Prefixes of every block:",
        "",
        "```turtle",
        legend,
        "```",
    ]
    for example in EXAMPLES:
        _, turtle = block(store, example, prefixes)
        out += ["", f"### {example.title}", "", example.note, "", "```turtle", turtle, "```"]
    return "\n".join(out)


def source_sentence_markdown(store: Store) -> str:
    """``queries/source-sentence.rq`` (without its header and prefixes) and its output on the street-children
    figure as ``fakg query source-sentence --format json`` prints it."""
    observation = next(e for e in EXAMPLES if e.title.startswith("schema:Observation"))
    fact = pick(store, observation)["node"].value
    query = load("source-sentence")
    body = [line for line in query.text.strip().splitlines() if not line.startswith(("#", "PREFIX"))]
    cols, data = rows(run(store, query, {"fact": fact}))
    if "source" in cols:  # the seeds are built from an absolute path: shown relative to the repository
        i = cols.index("source")
        data = [r[:i] + [_relative_path(r[i])] + r[i + 1:] for r in data]
    return "\n".join([
        "```sparql",
        "\n".join(body).strip(),
        "```",
        "",
        "On the seed build, the sentences the figure «۱۹۹ کودک خیابانی» of the Ardabil article was",
        "read from:",
        "",
        "```console",
        f"$ fakg query source-sentence --param fact={fact} --format json",
        format_rows(cols, data, "json"),
        "```",
    ])


def render(readme: str, store: Store) -> str:
    """``readme`` with both generated regions rewritten from ``store``."""
    for name, content in (("examples", examples_markdown(store)), ("source-sentence", source_sentence_markdown(store))):
        start, end = MARKERS[name]
        i, j = readme.find(start), readme.find(end)
        if i < 0 or j < i:
            raise ValueError(f"README has no {start} … {end} region")
        readme = readme[: i + len(start)] + "\n" + content + "\n" + readme[j:]
    return readme


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", help="a store built from examples/articles (default: build one in a temporary folder)")
    ap.add_argument("--check", action="store_true", help="only check that the README is current (exit 1 if not)")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fakg-examples-") as tmp:
        path = a.store
        if path is None:
            path = Path(tmp) / "kg"
            report = build([str(SEEDS)], path)
            if report.problems:
                print("\n".join(report.problems), file=sys.stderr)
                return 1
        store = Store.read_only(str(path))
        old = README.read_text(encoding="utf-8")
        new = render(old, store)
        del store
    if new == old:
        print(f"{README.relative_to(ROOT)}: examples are current")
        return 0
    if a.check:
        print(f"{README.relative_to(ROOT)}: examples are out of date; run python ontology/examples.py", file=sys.stderr)
        return 1
    README.write_text(new, encoding="utf-8")
    print(f"{README.relative_to(ROOT)}: examples rewritten ({len(EXAMPLES)} classes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
