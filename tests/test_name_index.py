"""The store-wide name index (builder.graph.name_index): each named entity once, kept true by builds and removals."""
from __future__ import annotations

import pytest

from pyoxigraph import Literal, Store

from builder.graph import name_index
from builder.build import build
from builder.cli import main
from builder.graph.iri import mint
from builder.graph.namespaces import FAKG, NAMES_GRAPH, ORG, RDF, SCHEMA, VOCABULARY_GRAPH
from builder.use.sparql import load, rows, run

# Invented pages: two articles name the same official, the first also a second one.
PAGE_A = """ایرنا - کد خبر: 91000001
۱۲ مهر ۱۴۰۳

شناسایی ۸۰ کودک کار در سمنان

به گزارش ایرنا، سیاوش نیک‌پور مدیرکل بهزیستی استان سمنان گفت: ۸۰ کودک کار در سمنان شناسایی شدند.
ژاله برزگر معاون امور اجتماعی بهزیستی استان سمنان نیز گفت: این کودکان به مراکز نگهداری معرفی شدند.
"""
PAGE_B = """ایسنا - کد خبر: 92000002
۱۵ مهر ۱۴۰۳

افتتاح خانه کودک در شاهرود

به گزارش ایسنا، سیاوش نیک‌پور مدیرکل بهزیستی استان سمنان گفت: خانه کودک شاهرود با ظرفیت ۴۰ کودک افتتاح شد.
"""

NIKPOUR = mint("person", "سیاوش نیک‌پور")
BARZEGAR = mint("person", "ژاله برزگر")


def _pages(folder, **pages):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def index_of(quads):
    """``index_of(store_path)``: the triples of a store's name index."""
    return lambda store_path: {(q.subject, q.predicate, q.object) for q in quads(store_path) if q.graph_name == NAMES_GRAPH}


def test_index_holds_each_named_entity_once_with_its_keys_and_classes(tmp_path, index_of):
    build([str(_pages(tmp_path / "in", a=PAGE_A, b=PAGE_B))], tmp_path / "kg")
    index = index_of(tmp_path / "kg")
    assert (NIKPOUR, name_index.INDEX_KEY, Literal("سیاوشنیکپور")) in index
    assert (NIKPOUR, name_index.INDEX_CLASS, SCHEMA.Person) in index
    assert (BARZEGAR, name_index.INDEX_CLASS, SCHEMA.Person) in index
    [office] = [s for s, p, o in index if p == name_index.INDEX_KEY and o == Literal("ادارهکلبهزیستیاستانسمنان")]
    assert (office, name_index.INDEX_CLASS, ORG.Organization) in index
    # once, though two articles name him: the index is a set
    assert [t for t in index if t[0] == NIKPOUR and t[1] == name_index.INDEX_KEY] == [
        (NIKPOUR, name_index.INDEX_KEY, Literal("سیاوشنیکپور"))]
    # its own properties only, so patterns written for article graphs never see it
    assert {p for _, p, _ in index} == {name_index.INDEX_KEY, name_index.INDEX_CLASS, name_index.INDEX_LABEL}
    assert (NIKPOUR, name_index.INDEX_LABEL, Literal("سیاوش نیک‌پور", language="fa")) in index
    # every key of every article graph is in the index
    store = Store.read_only(str(tmp_path / "kg"))
    keyed = {(q.subject, q.object) for q in store.quads_for_pattern(None, FAKG.nameKey, None, None)
             if q.graph_name != VOCABULARY_GRAPH}
    assert keyed == {(s, o) for s, p, o in index if p == name_index.INDEX_KEY}


def test_removing_an_article_prunes_only_what_no_other_article_names(tmp_path, capsys, graphs, quads, index_of):
    src = _pages(tmp_path / "in", a=PAGE_A, b=PAGE_B)
    store = str(tmp_path / "kg")
    build([str(src)], store)
    assert main(["remove", str(src / "a.txt"), "--store", store]) == 0
    index = index_of(store)
    assert (NIKPOUR, name_index.INDEX_CLASS, SCHEMA.Person) in index  # article b still names him
    assert not [t for t in index if t[0] == BARZEGAR]  # only article a named her
    (src / "a.txt").unlink()
    build([str(src)], tmp_path / "clean")
    assert quads(store) == quads(tmp_path / "clean")
    assert main(["remove", str(src), "--store", store]) == 0  # nothing named: no index graph at all
    assert graphs(store) == {"https://w3id.org/fakg/graph/vocabulary"}


def test_a_changed_article_takes_its_old_names_out_of_theindex(tmp_path, quads, index_of):
    src = _pages(tmp_path / "in", a=PAGE_A)
    build([str(src)], tmp_path / "kg")
    (src / "a.txt").write_text(PAGE_A.replace("ژاله برزگر", "فرناز کاویانی"), encoding="utf-8")
    report = build([str(src)], tmp_path / "kg")
    assert (report.articles, report.extracted) == (1, 1)
    index = index_of(tmp_path / "kg")
    assert not [t for t in index if t[0] == BARZEGAR]
    assert (mint("person", "فرناز کاویانی"), name_index.INDEX_CLASS, SCHEMA.Person) in index
    build([str(src)], tmp_path / "clean")
    assert quads(tmp_path / "kg") == quads(tmp_path / "clean")


def test_marks_left_by_a_killed_write_are_pruned_by_the_next_build(tmp_path, quads, index_of):
    src = _pages(tmp_path / "in", a=PAGE_A, b=PAGE_B)
    build([str(src)], tmp_path / "kg")
    # a write killed after dropping article a's graph, before loading it again and pruning
    store = Store(str(tmp_path / "kg"))
    article_a = next(q.graph_name for q in store.quads_for_pattern(None, RDF.type, SCHEMA.NewsArticle, None)
                     if "91000001" in q.graph_name.value)
    assert name_index.drop_graphs(store, [article_a]) == 1
    assert name_index.pending(store)
    store.flush()
    del store
    (src / "a.txt").unlink()  # and the page is gone by the next build: its persons must leave the index
    report = build([str(src)], tmp_path / "kg")
    assert report.unchanged == 1
    assert not [t for t in index_of(tmp_path / "kg") if t[0] == BARZEGAR]
    build([str(src)], tmp_path / "clean")
    assert quads(tmp_path / "kg") == quads(tmp_path / "clean")


def run_query(store, name, params):
    cols, data = rows(run(store, load(name), params))
    return [dict(zip(cols, r)) for r in data]


def test_name_queries_start_from_theindex(tmp_path):
    """A part of a name finds the person through the index, in every article that names them."""
    build([str(_pages(tmp_path / "in", a=PAGE_A, b=PAGE_B))], tmp_path / "kg")
    store = Store.read_only(str(tmp_path / "kg"))
    rows = run_query(store, "figures-by-official", {"person_name": "نیك پور"})  # Arabic kaf, a space
    assert {r["name"] for r in rows} == {"سیاوش نیک‌پور"}
    assert {r["value"] for r in rows} >= {80, 40}
    rows = run_query(store, "officials", {"person_name": "برزگر"})
    assert [(r["name"], r["articles"]) for r in rows] == [("ژاله برزگر", 1)]
    rows = run_query(store, "co-mentions", {"actor_name": "برزگر"})
    assert any("سیاوش نیک‌پور" in (r["label_a"], r["label_b"]) for r in rows)


def test_summary_reads_precomputed_counts_that_equal_a_scan(tmp_path, capsys):
    """summary.rq sums fakg:quadCount/statisticCount and counts the index: the same numbers as counting everything."""
    src = _pages(tmp_path / "in", a=PAGE_A, b=PAGE_B)
    store_path = str(tmp_path / "kg")
    build([str(src)], store_path)
    (src / "b.txt").write_text(PAGE_B.replace("۴۰ کودک", "۴۰ کودک و ۱۲ مددکار"), encoding="utf-8")
    build([str(src)], store_path)  # one article replaced
    assert main(["remove", str(src / "a.txt"), "--store", store_path]) == 0
    build([str(_pages(tmp_path / "more", c=PAGE_A.replace("91000001", "91000003")))], store_path)
    store = Store.read_only(store_path)
    [summary] = run_query(store, "summary", {"count": "pages"})  # a scan counts pages
    scan = run(store, """SELECT
        (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?p) AS ?persons) (COUNT(DISTINCT ?s) AS ?statistics)
        WHERE { GRAPH ?g { { ?a a schema:NewsArticle } UNION { ?p a schema:Person } UNION { ?s a schema:Observation } } }""")
    [counted] = [dict(zip(["articles", "persons", "statistics"], r)) for r in rows(scan)[1]]
    orgs = run(store, """SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {
        GRAPH ?g { ?o a org:Organization FILTER NOT EXISTS { ?o a schema:NewsMediaOrganization } }
        FILTER(?g != <https://w3id.org/fakg/graph/vocabulary>) }""")
    assert summary == {**counted, "pages": counted["articles"], "count": "pages", "quads": len(store),
                       "organizations": rows(orgs)[1][0][0]}
    assert (summary["articles"], summary["persons"]) == (2, 2) and summary["statistics"] >= 3


def _extracted(text: str, name: str):
    """An invented page through the pipeline: (its graph, its article quads, its index entries)."""
    from builder.text.document import Document
    from builder.graph.graph import article_iri, document_quads
    from builder.pipeline import process

    doc = process(Document(source=f"{name}.txt", stem=name, raw=text, content_hash=name * 64))
    quads_ = document_quads(doc)
    return article_iri(doc), quads_, name_index.index_quads(quads_)


def _nquads(quads_) -> bytes:
    from pyoxigraph import RdfFormat, serialize

    return serialize(quads_, format=RdfFormat.N_QUADS)


def test_entries_sent_once_are_settled_when_their_carrier_is_thrown_away_or_pruned(index_of):
    """A worker sends an entity's entries with the first article that names it (name_index.Sent);
    when that article is thrown away, or pruned before a later one names the entity, the build
    ends with the entries the article graphs give, as a clean build does."""
    from builder.storage.loader import Loader

    page_c = PAGE_B.replace("92000002", "92000003").replace("سیاوش نیک‌پور مدیرکل بهزیستی استان سمنان گفت", "گفته شد")
    (ga, qa, ia), (gb, qb, ib), (gc, qc, ic) = (_extracted(PAGE_A, "a"), _extracted(PAGE_B, "b"),
                                               _extracted(page_c, "c"))
    assert (NIKPOUR, name_index.INDEX_CLASS, SCHEMA.Person) in {(q.subject, q.predicate, q.object) for q in ia}
    assert not any(q.subject == NIKPOUR for q in ic)
    b_sent = [q for q in ib if q not in set(ia)]  # what a worker that sent a first sends with b
    assert b_sent != ib

    def index_of(store):
        return set(store.quads_for_pattern(None, None, None, NAMES_GRAPH))

    # a extracted, then thrown away (say it was already stored); b sent after it
    store = Store()
    loader = Loader(store, sent_once=True)
    loader.discard(_nquads(qa + ia))
    loader.add(gb, "b" * 64, _nquads(qb + b_sent), len(qb))
    loader.close()
    assert index_of(store) == set(ib)

    # a written; then c replaces it (a's source now yields c), which prunes a's entities; then b
    store = Store()
    loader = Loader(store, sent_once=True, chunk_bytes=1)  # a chunk per article
    loader.add(ga, "a" * 64, _nquads(qa + ia), len(qa))
    loader.add(gc, "c" * 64, _nquads(qc + [q for q in ic if q not in set(ia)]), len(qc), drop=(ga,))
    loader.add(gb, "b" * 64, _nquads(qb + [q for q in ib if q not in set(ia) | set(ic)]), len(qb))
    loader.close()
    assert index_of(store) == set(ib) | set(ic)
    assert not any(q.subject == BARZEGAR for q in index_of(store))  # only a named her
