"""Rebuilding a folder reprocesses only what changed; fakg remove drops articles by source."""
from __future__ import annotations

import hashlib
from pathlib import Path

from pyoxigraph import NamedNode, Store

import builder.build as build_module
import builder.runners as runners
from builder.build import build
from builder.cli import main

FAKG = "https://w3id.org/fakg/ontology#"
SOURCE_FILE, COPY_FILE, COPY_HASH = (NamedNode(FAKG + n) for n in ("sourceFile", "copyFile", "copyHash"))

EXTRA = "\n\nمدیرکل بهزیستی استان در پایان گفت: ۴۵ کودک دیگر نیز به زودی پذیرش می‌شوند.\n"


def test_rebuild_extracts_only_changed_and_new_files(tmp_path, monkeypatch, corpus, quads):
    src = corpus(tmp_path / "in")
    first = build([str(src)], tmp_path / "kg")
    assert (first.articles, first.extracted) == (5, 5)

    # nothing changed: nothing is extracted, not even normalised (the pipeline is never called)
    def no_extraction(doc):
        raise AssertionError(f"{doc.source} was extracted")

    with monkeypatch.context() as m:
        m.setattr(runners, "process", no_extraction)
        again = build([str(src)], tmp_path / "kg")
    assert (again.articles, again.unchanged, again.extracted, again.problems) == (0, 5, 0, [])

    # one file changed, one added: exactly those two are extracted
    with open(src / "t07_tasnim_kermanshah.txt", "a", encoding="utf-8") as f:
        f.write(EXTRA)
    corpus(src, ["t02_mehr_zahedan.txt"])
    monkeypatch.setattr(build_module, "POOL_MIN_ARTICLES", 0)  # the two go to a process pool
    rebuilt = build([str(src)], tmp_path / "kg", workers=2)
    assert (rebuilt.articles, rebuilt.unchanged, rebuilt.extracted) == (2, 4, 2)
    build([str(src)], tmp_path / "clean")
    assert quads(tmp_path / "kg") == quads(tmp_path / "clean")


def test_a_page_whose_article_iri_changes_drops_its_old_graph(tmp_path, corpus, quads):
    src = corpus(tmp_path / "in", ["t01_irna_mashhad.txt", "t07_tasnim_kermanshah.txt"])
    build([str(src)], tmp_path / "kg")
    page = src / "t01_irna_mashhad.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("85273914", "85273999"), encoding="utf-8")
    report = build([str(src)], tmp_path / "kg")
    assert (report.articles, report.unchanged, report.dropped) == (1, 1, 1)
    build([str(src)], tmp_path / "clean")
    assert quads(tmp_path / "kg") == quads(tmp_path / "clean")


def test_remove_paths_and_missing_sources(tmp_path, capsys, corpus, graphs, quads):
    src = corpus(tmp_path / "in")
    store = str(tmp_path / "kg")
    build([str(src)], store)
    before = graphs(store)

    # a file: its article goes, the others stay
    assert main(["remove", str(src / "t01_irna_mashhad.txt"), "--store", store]) == 0
    assert capsys.readouterr().out.strip() == "removed 1 articles"
    (src / "t01_irna_mashhad.txt").unlink()
    build([str(src)], tmp_path / "clean")
    assert quads(store) == quads(tmp_path / "clean")

    # a JSON Lines file holds two articles; a path that built nothing is reported
    assert main(["remove", str(src / "t14_t15_batch.jsonl"), str(src / "nothing.txt"), "--store", store]) == 1
    out = capsys.readouterr()
    assert out.out.strip() == "removed 2 articles"
    assert f"fakg: {src / 'nothing.txt'}: no article in the store was built from this path" in out.err

    # --missing: the sources that are gone from the disk
    (src / "t07_tasnim_kermanshah.txt").unlink()
    assert main(["remove", "--missing", "--store", store]) == 0
    assert capsys.readouterr().out.strip() == "removed 1 articles"
    assert len(before) - len(graphs(store)) == 4

    # a folder: everything built from under it
    assert main(["remove", str(src), "--store", store]) == 0
    assert graphs(store) == {"https://w3id.org/fakg/graph/vocabulary"}


def test_a_build_into_an_empty_store_makes_no_lookups(tmp_path, monkeypatch, corpus):
    """Each source comes once per build, so a store without articles needs no "already built?" lookups."""
    from builder.storage.access import Writer

    calls = []
    for name in ("current_graph", "graphs_of_source"):
        real = getattr(Writer, name)
        monkeypatch.setattr(Writer, name, lambda self, *a, _real=real, _name=name: calls.append(_name) or _real(self, *a))
    src = corpus(tmp_path / "in")
    assert build([str(src)], tmp_path / "kg").articles == 5
    assert calls == []
    assert build([str(src)], tmp_path / "kg").unchanged == 5  # not empty any more: looked up, found current
    assert calls.count("current_graph") == 5


# --- one story in two files -------------------------------------------------------------

def _two_copies(folder: Path, invented: str) -> Path:
    """The invented article (ایسنا, news id ۹۹۰۴۱۲۷) in a.txt, and in b.txt one byte apart."""
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(invented, encoding="utf-8")
    (folder / "b.txt").write_text(invented + "\n", encoding="utf-8")
    return folder


def _records(store_path) -> dict[str, list]:
    """The article's kept source and its copies' (file, hash), as the store indexes them."""
    store = Store.read_only(str(store_path))
    try:
        kept = sorted(q.object.value for q in store.quads_for_pattern(None, SOURCE_FILE, None, None))
        copies = sorted((q.object.value, next(store.quads_for_pattern(q.subject, COPY_HASH, None, q.graph_name)).object.value)
                        for q in store.quads_for_pattern(None, COPY_FILE, None, None))
        return {"kept": kept, "copies": copies}
    finally:
        del store


def test_one_story_in_two_files_is_one_article_and_rebuilds_change_nothing(tmp_path, monkeypatch, quads, invented):
    """Two files with the same agency and news id: the first build said nothing, and every rebuild
    extracted the story again and flipped the store between the two files."""
    src = _two_copies(tmp_path / "in", invented)
    notices = []
    first = build([str(src)], tmp_path / "kg", on_notice=notices.append)
    assert (first.articles, first.copies, first.problems) == (1, 1, [])
    assert notices == [f"{src / 'b.txt'}: the same article as {src / 'a.txt'} (https://w3id.org/fakg/article/ایسنا/9904127); "
                       f"{src / 'a.txt'} is kept, this file is recorded as a copy"]
    b_hash = hashlib.sha256((invented + "\n").encode("utf-8")).hexdigest()
    assert _records(tmp_path / "kg") == {"kept": [str(src / "a.txt")], "copies": [(str(src / "b.txt"), b_hash)]}
    before = quads(tmp_path / "kg")

    def no_extraction(doc):
        raise AssertionError(f"{doc.source} was extracted")

    monkeypatch.setattr(runners, "process", no_extraction)
    for _ in range(2):  # no re-extraction, no flip, nothing said
        notices.clear()
        again = build([str(src)], tmp_path / "kg", on_notice=notices.append)
        assert (again.articles, again.unchanged, again.extracted, notices) == (0, 2, 0, [])
        assert quads(tmp_path / "kg") == before
    monkeypatch.undo()
    build([str(src / "b.txt"), str(src / "a.txt")], tmp_path / "kg")  # named the other way round: still kept
    assert quads(tmp_path / "kg") == before
    forced = build([str(src)], tmp_path / "kg", force=True)
    assert (forced.articles, forced.copies) == (1, 1) and quads(tmp_path / "kg") == before


def test_a_copy_that_changes_stays_a_copy_and_an_edited_original_keeps_its_copies(tmp_path, quads, invented):
    src = _two_copies(tmp_path / "in", invented)
    build([str(src)], tmp_path / "kg")
    (src / "b.txt").write_text(invented + "\n\n", encoding="utf-8")
    report = build([str(src)], tmp_path / "kg")
    assert (report.articles, report.copies, report.extracted) == (0, 1, 1)
    (src / "a.txt").write_text(invented.replace("۳۴۰", "۳۵۰"), encoding="utf-8")
    report = build([str(src)], tmp_path / "kg")
    assert (report.articles, report.unchanged, report.extracted) == (1, 1, 1)
    build([str(src)], tmp_path / "clean")
    assert quads(tmp_path / "kg") == quads(tmp_path / "clean")
    assert _records(tmp_path / "kg")["copies"][0][0] == str(src / "b.txt")


def test_cli_says_which_file_was_kept(tmp_path, capsys, invented):
    src = _two_copies(tmp_path / "in", invented)
    assert main(["build", str(src), "--store", str(tmp_path / "kg"), "-q", "--workers", "1", "--strict"]) == 0
    out = capsys.readouterr()
    assert out.err.splitlines() == [f"fakg: {src / 'b.txt'}: the same article as {src / 'a.txt'} "
                                    f"(https://w3id.org/fakg/article/ایسنا/9904127); {src / 'a.txt'} is kept, "
                                    f"this file is recorded as a copy"]
    assert out.out.startswith("2 articles read: 1 written (new or changed), 0 unchanged, 1 recorded as copies, "
                              "0 failed; 2 extracted")


def test_remove_missing_keeps_an_article_still_read_from_another_path(tmp_path, capsys, graphs, quads, invented):
    """`fakg remove --missing` removed an article whose text was still there under another path."""
    src = _two_copies(tmp_path / "in", invented)
    store = str(tmp_path / "kg")
    build([str(src)], store)
    (src / "a.txt").unlink()  # the kept file goes; its copy stays
    assert main(["remove", "--missing", "--store", store]) == 0
    assert capsys.readouterr().out.strip() == "removed 0 articles"
    assert len(graphs(store)) == 3  # the article, the vocabulary, the name index
    report = build([str(src)], store)  # the copy is read in its place
    assert (report.articles, report.extracted) == (1, 1)
    build([str(src)], tmp_path / "clean")
    assert quads(store) == quads(tmp_path / "clean")
    (src / "b.txt").unlink()  # now every path is gone
    assert main(["remove", "--missing", "--store", store]) == 0
    assert capsys.readouterr().out.strip() == "removed 1 articles"


def test_remove_missing_forgets_a_copy_that_is_gone(tmp_path, capsys, quads, invented):
    src = _two_copies(tmp_path / "in", invented)
    store = str(tmp_path / "kg")
    build([str(src)], store)
    (src / "b.txt").unlink()
    assert main(["remove", "--missing", "--store", store]) == 0
    assert capsys.readouterr().out.strip() == "removed 0 articles"
    build([str(src)], tmp_path / "clean")
    assert quads(store) == quads(tmp_path / "clean")


def test_remove_a_path_of_an_article_read_from_several(tmp_path, capsys, invented):
    src = _two_copies(tmp_path / "in", invented)
    store = str(tmp_path / "kg")
    build([str(src)], store)
    # the kept file named alone: the article is still read from the copy, so it stays, and that is said
    assert main(["remove", str(src / "a.txt"), "--store", store]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "removed 0 articles"
    assert out.err.splitlines() == [f"fakg: {src / 'a.txt'}: its article is also read from {src / 'b.txt'}; "
                                    f"not removed (name every file it is read from)"]
    # the copy named: only the record of the copy goes
    assert main(["remove", str(src / "b.txt"), "--store", store]) == 0
    assert capsys.readouterr().out.strip() == "removed 0 articles"
    assert _records(store) == {"kept": [str(src / "a.txt")], "copies": []}
    build([str(src)], store)
    # both named (here: their folder): the article goes
    assert main(["remove", str(src), "--store", store]) == 0
    assert capsys.readouterr().out.strip() == "removed 1 articles"
