"""Rebuilding a folder reprocesses only what changed; fakg remove drops articles by source."""
from __future__ import annotations

import builder.build as build_module
from builder.build import build
from builder.cli import main
from buildhelp import corpus, graphs, quads

EXTRA = "\n\nمدیرکل بهزیستی استان در پایان گفت: ۴۵ کودک دیگر نیز به زودی پذیرش می‌شوند.\n"


def test_rebuild_extracts_only_changed_and_new_files(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in")
    first = build([str(src)], tmp_path / "kg")
    assert (first.articles, first.extracted) == (5, 5)

    # nothing changed: nothing is extracted, not even normalised (the pipeline is never called)
    def no_extraction(doc):
        raise AssertionError(f"{doc.source} was extracted")

    with monkeypatch.context() as m:
        m.setattr(build_module, "process", no_extraction)
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


def test_a_page_whose_article_iri_changes_drops_its_old_graph(tmp_path):
    src = corpus(tmp_path / "in", ["t01_irna_mashhad.txt", "t07_tasnim_kermanshah.txt"])
    build([str(src)], tmp_path / "kg")
    page = src / "t01_irna_mashhad.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("85273914", "85273999"), encoding="utf-8")
    report = build([str(src)], tmp_path / "kg")
    assert (report.articles, report.unchanged, report.dropped) == (1, 1, 1)
    build([str(src)], tmp_path / "clean")
    assert quads(tmp_path / "kg") == quads(tmp_path / "clean")


def test_remove_paths_and_missing_sources(tmp_path, capsys):
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


def test_a_build_into_an_empty_store_makes_no_lookups(tmp_path, monkeypatch):
    """Each source comes once per build, so a store without articles needs no "already built?" lookups."""
    from builder.store import Writer

    calls = []
    for name in ("current_graph", "graphs_of_source"):
        real = getattr(Writer, name)
        monkeypatch.setattr(Writer, name, lambda self, *a, _real=real, _name=name: calls.append(_name) or _real(self, *a))
    src = corpus(tmp_path / "in")
    assert build([str(src)], tmp_path / "kg").articles == 5
    assert calls == []
    assert build([str(src)], tmp_path / "kg").unchanged == 5  # not empty any more: looked up, found current
    assert calls.count("current_graph") == 5
