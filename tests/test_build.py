"""fakg build: the same store whatever the number of workers, bad input reported, bulk loading."""
from __future__ import annotations

import dataclasses
import json

from pyoxigraph import NamedNode, Store

import builder.build as build_module
import builder.runners as runners
from builder.build import build
from builder.cli import main
from builder.graph.graph import document_quads
from builder.graph.vocabulary import vocabulary_quads
from builder.graph.iri import story_iri
from builder import pipeline
from builder.extract import statistics
from builder.pipeline import process
from builder.read.sources import iter_articles
from builder.graph.name_index import index_quads
from builder.storage.access import reading
from builder.storage.index import replace_graph, stamp_quads, stamped_size
from builder.storage.loader import Loader
from builder.graph.stories import story_quads


def test_workers_give_the_same_store_and_report(tmp_path, monkeypatch, corpus, quads):
    monkeypatch.setattr(build_module, "POOL_MIN_ARTICLES", 0)  # a pool even for a handful of articles
    src = corpus(tmp_path / "in")
    (src / "empty.txt").write_bytes(b"")
    (src / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    one = build([str(src)], tmp_path / "one", workers=1)
    two = build([str(src)], tmp_path / "two", workers=2)
    assert one.articles == two.articles == 5
    assert one.problems == two.problems and len(one.problems) == 2
    assert (one.quads, one.unchanged, one.extracted) == (two.quads, two.unchanged, two.extracted)
    assert quads(tmp_path / "one") == quads(tmp_path / "two")


def test_store_holds_exactly_the_documents_quads(tmp_path, corpus, quads):
    """The N-Quads round trip through the workers and the loader loses nothing and adds nothing.

    The store holds each article's graph, its story (each of these pages a story of its own, begun
    by itself), its stamps, the vocabulary and the articles' entries in the name index."""
    src = corpus(tmp_path / "in", ["t01_irna_mashhad.txt", "t14_t15_batch.jsonl"])
    build([str(src)], tmp_path / "kg")
    expected = Store()  # in memory: Oxigraph stores some literals canonically ("1.0"^^xsd:decimal as "1")
    expected.extend(vocabulary_quads())
    for doc in iter_articles([str(src)]):
        process(doc)
        qs = document_quads(doc)
        qs += story_quads(qs[0].graph_name, story_iri(qs[0].graph_name))
        expected.extend(qs + stamp_quads(qs[0].graph_name, doc.content_hash, stamped_size(qs, doc.content_hash)) + index_quads(qs))
    assert quads(tmp_path / "kg") == set(expected)


def test_one_failing_article_does_not_stop_the_batch(tmp_path, monkeypatch, corpus):
    src = corpus(tmp_path / "in", ["t01_irna_mashhad.txt", "t07_tasnim_kermanshah.txt"])

    def flaky(doc):
        if "t01" in doc.source:
            raise ValueError("boom")
        return process(doc)

    monkeypatch.setattr(runners, "process", flaky)
    seen = []
    report = build([str(src)], tmp_path / "kg", on_problem=seen.append)
    assert report.articles == 1
    assert seen == [f"{src / 't01_irna_mashhad.txt'}: extraction failed: ValueError: boom"]


def test_a_failing_extractor_costs_only_its_own_facts(tmp_path, monkeypatch, corpus):
    """An extractor's bug on an unforeseen page is reported on one line; the article is stored
    with what the other extractors found (here its persons and quotes, without its figures)."""
    src = corpus(tmp_path / "in", ["t01_irna_mashhad.txt"])

    def fails(doc):
        raise UnboundLocalError("cannot access local variable 'core'")

    broken = dataclasses.replace(statistics.extract, run=fails)
    monkeypatch.setattr(pipeline, "COMPONENTS", [broken if c is statistics.extract else c for c in pipeline.COMPONENTS])
    monkeypatch.setattr(pipeline, "EXTRACTORS", [broken if c is statistics.extract else c for c in pipeline.EXTRACTORS])
    seen = []
    report = build([str(src)], tmp_path / "kg", workers=1, on_problem=seen.append)
    assert (report.articles, report.failed) == (1, 0)
    assert seen == [f"{src / 't01_irna_mashhad.txt'}: stored without some facts: "
                    "statistics failed (UnboundLocalError: cannot access local variable 'core')"]
    doc = pipeline.process(next(iter(iter_articles([str(src / "t01_irna_mashhad.txt")]))))
    assert doc.persons and doc.quotes and not doc.statistics


def test_the_same_page_twice_is_one_graph(tmp_path, corpus):
    src = corpus(tmp_path / "in", ["t01_irna_mashhad.txt"])
    (src / "t99_copy.txt").write_bytes((src / "t01_irna_mashhad.txt").read_bytes())
    report = build([str(src)], tmp_path / "kg")
    assert (report.articles, report.copies, report.extracted) == (1, 1, 2)
    again = build([str(src)], tmp_path / "kg")  # the copy is recorded: neither is extracted again
    assert (again.articles, again.unchanged, again.extracted) == (0, 2, 0)
    forced = build([str(src)], tmp_path / "kg", force=True)
    assert (forced.articles, forced.copies) == (1, 1)  # the file read first is kept, as in the first build
    store = Store.read_only(str(tmp_path / "kg"))
    fakg = "https://w3id.org/fakg/ontology#"
    assert [q.object.value for q in store.quads_for_pattern(None, NamedNode(fakg + "sourceFile"), None, None)] == [
        str(src / "t01_irna_mashhad.txt")]
    assert [q.object.value for q in store.quads_for_pattern(None, NamedNode(fakg + "copyFile"), None, None)] == [
        str(src / "t99_copy.txt")]


def test_loader_bulk_chunks_equal_transactions(tmp_path, corpus):
    docs = [process(d) for d in iter_articles([str(corpus(tmp_path / "in", ["t01_irna_mashhad.txt", "t14_t15_batch.jsonl"]))])]
    plain, bulk = Store(str(tmp_path / "plain")), Store(str(tmp_path / "bulk"))
    loader = Loader(bulk, chunk_bytes=1, bulk_min_bytes=0)  # every article its own bulk-loaded chunk
    from pyoxigraph import RdfFormat, serialize

    for doc in docs + docs[:1]:  # the first article again: replaced, not duplicated
        qs = document_quads(doc)
        n = stamped_size(qs, doc.content_hash)
        replace_graph(plain, qs[0].graph_name, qs + stamp_quads(qs[0].graph_name, doc.content_hash, n))
        loader.add(qs[0].graph_name, doc.content_hash, serialize(qs, format=RdfFormat.N_QUADS), n)
    loader.close()
    assert set(plain) == set(bulk)


def test_cli_build_workers_and_exit_status(tmp_path, capsys, monkeypatch, corpus):
    monkeypatch.setattr(build_module, "POOL_MIN_ARTICLES", 0)
    src = corpus(tmp_path / "in", ["t01_irna_mashhad.txt"])
    (src / "empty.txt").write_bytes(b"")
    store = str(tmp_path / "kg")
    assert main(["build", str(src), "--store", store, "--workers", "2", "-q"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("1 article read: 1 written (new or changed), 0 unchanged, 0 failed; "
                              "1 extracted, 0 known by their content hash; ")
    assert f"fakg: {src / 'empty.txt'}: empty file" in out.err
    assert main(["build", str(src), "--store", store, "--workers", "2", "-q", "--strict"]) == 1
    assert capsys.readouterr().out.startswith("1 article read: 0 written (new or changed), 1 unchanged, 0 failed; "
                                              "0 extracted, 1 known by their content hash; ")
    assert main(["build", str(src / "empty.txt"), "--store", store, "-q"]) == 1
    assert main(["build", str(src), "--store", store, "--workers", "0"]) == 2


def test_writes_go_into_one_open_store_until_a_reader_waits(tmp_path):
    """A writer keeps the store open from write to write (RocksDB starts a new info log at each
    open: none here); a waiting reader ends the window after the write it waits for, and the
    windows keep only the newest info logs."""
    from builder.storage.access import KEEP_INFO_LOGS, Writer
    from builder.storage.locks import _LockFile

    store = tmp_path / "kg"
    with Writer(store) as writer:
        for _ in range(KEEP_INFO_LOGS + 4):
            writer.write(lambda s: None)
        assert not list(store.glob("LOG.old.*"))
        generation = writer.locks.generation()[0]
        for _ in range(KEEP_INFO_LOGS + 4):  # a window each: a reader comes (it holds turn.lock while it waits)
            writer.write(lambda s: None)
            waiting = _LockFile(store / "fakg" / "turn.lock")
            assert waiting.acquire(False, 0)
            writer.write(lambda s: None)  # ... and the window ends after this write
            waiting.release()
        assert writer.locks.generation()[0] == generation + KEEP_INFO_LOGS + 4
    assert len(list(store.glob("LOG.old.*"))) == KEEP_INFO_LOGS
    assert (store / "LOG").exists()


def test_the_summary_adds_up_and_says_what_each_number_is(tmp_path, capsys, corpus):
    """Every article read is written, unchanged or failed, and was extracted or known by its hash."""
    src = corpus(tmp_path / "in", ["t01_irna_mashhad.txt", "t07_tasnim_kermanshah.txt"])
    store = str(tmp_path / "kg")
    assert main(["build", str(src), "--store", store, "-q"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("2 articles read: 2 written (new or changed), 0 unchanged, 0 failed; 2 extracted, "
                      f"0 known by their content hash; {out[0].split('; ')[-1]}")
    assert out[1].startswith(f"store {store}: 2 articles, ")
    # one page changed, one copied under another name (recorded as a copy), one page that holds no article
    page = src / "t07_tasnim_kermanshah.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\nاین جمله تازه به پایان خبر افزوده شد.\n", encoding="utf-8")
    (src / "copy.txt").write_bytes((src / "t01_irna_mashhad.txt").read_bytes())
    (src / "menu.html").write_text("<html><body><ul>" + "<li><a href='/'>صفحه اصلی سایت خبری</a></li>" * 30
                                   + "</ul></body></html>", encoding="utf-8")
    assert main(["build", str(src), "--store", store, "-q"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("4 articles read: 1 written (new or changed), 1 unchanged, 1 recorded as copies, "
                             "1 failed; 3 extracted, "
                             "1 known by their content hash; "), out[0]


def test_progress_counts_articles_as_they_are(tmp_path, capsys, monkeypatch, corpus):
    monkeypatch.setattr(build_module.Progress, "EVERY", 0.0)  # a line per article, as a long build gives
    src = corpus(tmp_path / "in", ["t01_irna_mashhad.txt", "t07_tasnim_kermanshah.txt", "t13_tasnim_yasuj.html"])
    assert main(["build", str(src), "--store", str(tmp_path / "kg"), "--workers", "1"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "processed" in line]
    assert lines[0] == "1 article processed"  # no rate yet: the first article also paid for loading the models
    assert [line.split(" (")[0] for line in lines] == ["1 article processed", "2 articles processed",
                                                       "3 articles processed"]
    assert all(line.endswith("/s)") for line in lines[1:])


def test_progress_ends_with_the_final_count(monkeypatch):
    """Off a terminal a line comes every few seconds; the last count is given when the build ends."""
    import io

    now = [0.0]
    stream = io.StringIO()
    progress = build_module.Progress(stream, clock=lambda: now[0])
    for t in (6.0, 6.5, 7.0, 7.5, 8.0):  # the first article after loading the models, then one every 0.5 s
        now[0] = t
        progress.tick()
    progress.close()
    assert stream.getvalue().splitlines() == ["1 article processed", "5 articles processed (2.0/s)"]


def _built_facts(tmp_path, name: str, text: str) -> dict:
    """The facts JSON of one page built into a store of its own, as `fakg build` and `fakg facts` write it."""
    from builder.use.facts import write_facts
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    build([str(tmp_path / f"{name}.txt")], tmp_path / "kg", workers=1)
    with reading(tmp_path / "kg") as store:
        write_facts(store, tmp_path / "facts")
    return json.loads((tmp_path / "facts" / f"{name}.json").read_text(encoding="utf-8"))


def test_facts_keep_the_pages_spelling_of_names_it_glued_and_still_know_them(tmp_path):
    facts = _built_facts(tmp_path, "glued", "افزایش مستمری مددجویان\n\nاسماعیل قربانی مدیرکل بهزیستی خراسانشمالی گفت: "
                         "مستمری مددجویان بهزیستی خراسانشمالی از ماه آینده افزایش می‌یابد و کمیتهامداد نیز همکاری می‌کند.\n")
    assert facts["persons"][0]["roles"] == ["مدیرکل بهزیستی خراسانشمالی"]  # as a reader cites it from the page
    assert facts["persons"][0]["organization"] == "اداره کل بهزیستی استان خراسان شمالی"  # the known body
    assert "خراسان شمالی" in facts["places"]


def test_facts_list_the_storys_places_not_countries(tmp_path):
    facts = _built_facts(tmp_path, "migrants", "کودکان مهاجر در مشهد\n\nمدیرکل بهزیستی خراسان رضوی گفت: ۳۰۰ کودک کار از "
                         "اتباع افغانستان در مشهد شناسایی شدند و این طرح در سراسر ایران اجرا می‌شود.\n")
    with reading(tmp_path / "kg") as store:
        countries = list(store.quads_for_pattern(None, None, NamedNode("https://w3id.org/fakg/concept/place-kind/country")))
    assert facts["places"] == ["مشهد", "خراسان رضوی"]
    assert len({q.subject for q in countries}) == 2  # the graph keeps them
