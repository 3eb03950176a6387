"""Every fact's provenance, compact and complete, on the seed and test builds.

Evidence is one literal per span (``builder.text.evidence.evidence_record``); these tests check
that nothing of what the evidence nodes of 0.4 held is lost: for every fact and entity,
``queries/source-sentence.rq`` gives exactly the rows its document's evidence gives
(article, file, sentence text, the page's words, offsets, extractor, confidence), every
sentence a record names is written in its article (once, and only cited ones are), and
the store validates against the SHACL shapes, which refuse a malformed record.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from builder.graph import graph
from builder.build import build
from builder.text.document import Document
from builder.text.evidence import read_evidence
from builder.graph.graph import article_iri
from builder.graph.vocabulary import extractors
from builder.graph.iri import mint
from builder.graph.namespaces import FAKG, VOCABULARY_GRAPH
from builder.pipeline import process
from builder.read.sources import iter_articles
from builder.use.sparql import library, run
from builder.storage.access import reading
from builder.use.validate import validate_store

ROOT = Path(__file__).resolve().parent.parent
SETS = {"seeds": ROOT / "examples" / "articles", "tests": ROOT / "tests" / "articles"}


@pytest.fixture(scope="module", params=sorted(SETS))
def built(request, tmp_path_factory):
    """(store path, the documents of the set by article IRI) for the seed and the test articles."""
    folder = SETS[request.param]
    store = tmp_path_factory.mktemp(request.param) / "kg"
    report = build([str(folder)], store)
    assert report.articles > 0 and not report.failed
    docs = {}
    for item in iter_articles([str(folder)]):
        if isinstance(item, Document):
            process(item)
            docs[article_iri(item).value] = item
    return store, docs


def _subjects(doc: Document, g: NamedNode) -> dict[NamedNode, list]:
    """Every node the document states evidence for, with that evidence (as the graph writer names them)."""
    quads = graph.document_quads(doc)
    out: dict[NamedNode, list] = {}
    for q in quads:
        if q.predicate == FAKG.evidence:
            out.setdefault(q.subject, []).append(read_evidence(q.object.value)[0])
    return out


def _expected_rows(doc: Document, g: NamedNode, evidence: list) -> list[tuple]:
    """The rows the 0.4 evidence nodes gave: the document's own sentence text, words, offsets, extractor, confidence."""
    rows = []
    for ev in evidence:
        sentence = doc.sentences[ev.sentence].text if 0 <= ev.sentence < len(doc.sentences) else None
        rows.append((g.value, doc.source, sentence, doc.raw[ev.start:ev.end] or None, ev.start, ev.end, ev.extractor,
                     round(ev.confidence, 4)))
    return sorted(set(rows), key=lambda r: (r[4], r[5], r[6]))


def test_source_sentence_gives_what_the_documents_evidence_gives(built):
    store_path, docs = built
    query = library()["source-sentence"]
    checked = 0
    with reading(store_path) as store:
        for iri, doc in docs.items():
            g = NamedNode(iri)
            for subject, evidence in _subjects(doc, g).items():
                rows = [r for r in run(store, query, {"fact": subject.value}) if r["article"] == g]
                got = sorted({(r["article"].value, r["source"].value, r["sentence"].value if r["sentence"] else None,
                               r["span"].value or None, int(r["start"].value), int(r["end"].value), r["extractor"].value,
                               float(r["confidence"].value)) for r in rows}, key=lambda r: (r[4], r[5], r[6]))
                assert got == _expected_rows(doc, g, evidence), subject
                checked += 1
    assert checked > 50


def test_every_record_is_well_formed_and_its_sentence_written_once(built):
    store_path, docs = built
    with reading(store_path) as store:
        for iri, doc in docs.items():
            g = NamedNode(iri)
            written = {q.subject: q.object.value for q in store.quads_for_pattern(None, FAKG.sentenceText, None, g)}
            cited = set()
            for q in store.quads_for_pattern(None, FAKG.evidence, None, g):
                ev, words = read_evidence(q.object.value)
                assert 0 <= ev.start <= ev.end <= len(doc.raw) and words == doc.raw[ev.start:ev.end]
                assert ev.extractor in extractors() and 0 < ev.confidence <= 1
                if ev.sentence >= 0:
                    node = mint("sentence", g, ev.sentence)
                    assert written.get(node) == doc.sentences[ev.sentence].text
                    cited.add(node)
            assert set(written) == cited  # only sentences a record names are written
        activities = {q.object.value for q in store.quads_for_pattern(None, FAKG.extractor, None, VOCABULARY_GRAPH)}
        assert activities == set(extractors())


def test_the_shapes_accept_the_build_and_refuse_a_malformed_record(built):
    store_path, docs = built
    with reading(store_path) as store:
        assert validate_store(store) == []
    from pyoxigraph import Store

    broken = Store()
    with reading(store_path) as store:
        broken.extend(store)
    quad = next(iter(broken.quads_for_pattern(None, FAKG.evidence, None, None)))
    broken.remove(quad)
    broken.add(Quad(quad.subject, quad.predicate, Literal("a record without offsets"), quad.graph_name))
    assert any("fakg:evidence" in line for line in validate_store(broken))
