"""Build -> facts -> score, idempotency, and one node per entity across articles.

The quality bars are the issue's: on the seed articles micro F1 >= 0.95 with no
fact type below 0.85; on our own invented articles (tests/articles) >= 0.9.
Scoring uses the project scorer (tests/score.py, vendored from ../shared/eval).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pyoxigraph import Store, Variable

import score
from builder.build import build
from builder.use.facts import write_facts
from builder.graph.iri import mint
from builder.storage.access import open_store
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "articles"

OWN = ROOT / "tests" / "articles"
OWN_GOLD = ROOT / "tests" / "gold"
SEED_GOLD = ROOT / "examples" / "gold"


def _score(store_path: Path, gold: Path, out: Path) -> dict:
    write_facts(open_store(store_path, read_only=True), out)
    totals: dict[str, list[int]] = {}
    for gf in sorted(gold.glob("*.json")):
        pf = out / gf.name
        pred = json.loads(pf.read_text(encoding="utf-8")) if pf.exists() else {}
        for k, v in score.score_article(json.loads(gf.read_text(encoding="utf-8")), pred).items():
            t = totals.setdefault(k, [0, 0, 0])
            for i in range(3):
                t[i] += v[i]
    f1 = {k: score.prf(*v)[2] for k, v in totals.items()}
    f1["micro"] = score.prf(*(sum(v[i] for v in totals.values()) for i in range(3)))[2]
    return f1


@pytest.fixture(scope="module")
def own_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("own") / "kg"
    report = build([str(OWN)], store)
    assert report.articles == len(list(OWN_GOLD.glob("*.json"))), report
    return store


def test_seed_scores_meet_the_bar(tmp_path, seed_store):
    f1 = _score(seed_store, SEED_GOLD, tmp_path / "facts")
    assert f1["micro"] >= 0.95, f1
    low = {k: v for k, v in f1.items() if v < 0.85}
    assert not low, f1
    assert f1["article"] == 1.0, f1


def test_own_articles_score_at_least_0_9(own_store, tmp_path):
    f1 = _score(own_store, OWN_GOLD, tmp_path / "facts")
    assert f1["micro"] >= 0.9, f1
    assert f1["statistics"] >= 0.9 and f1["statistic_attributes"] >= 0.9, f1


def test_facts_files_are_named_by_stem(tmp_path, seed_store):
    out = tmp_path / "facts"
    n = write_facts(open_store(seed_store, read_only=True), out)
    assert n == 5
    assert sorted(p.stem for p in out.glob("*.json")) == sorted(p.stem for p in SEEDS.glob("*.txt"))


def _quads(path: Path) -> set[str]:
    store = Store.read_only(str(path))
    return {str(q) for q in store}


def test_building_twice_leaves_the_store_unchanged(tmp_path):
    store = tmp_path / "kg"
    first = build([str(SEEDS)], store)
    before = _quads(store)
    again = build([str(SEEDS)], store)
    assert first.articles == 5 and again.articles == 0 and again.unchanged == 5
    assert _quads(store) == before
    forced = build([str(SEEDS)], store, force=True)
    assert forced.articles == 5
    assert _quads(store) == before  # a forced rebuild replaces each graph with identical quads


def test_a_changed_page_replaces_its_graph(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    page = src / "a.txt"
    shutil.copy(SEEDS / "002_f0d8b60221c6b38a.txt", page)
    store = tmp_path / "kg"
    build([str(src)], store)
    page.write_text(page.read_text(encoding="utf-8").replace("۱۹۹ کودک خیابانی در سطح استان اردبیل", "۲۰۵ کودک خیابانی در سطح استان اردبیل"), encoding="utf-8")
    report = build([str(src)], store)
    assert report.articles == 1
    values = {str(r["v"].value) for r in Store.read_only(str(store)).query(
        "SELECT ?v WHERE { GRAPH ?g { ?o a <https://schema.org/Observation> ; <https://schema.org/value> ?v } }")}
    assert "205" in values and "199" in values  # the title still says 199; the body now says 205
    graphs = [g for g in Store.read_only(str(store)).named_graphs() if "/article/" in g.value]
    assert len(graphs) == 1  # no agency + news id here: same page path, still one article graph


def test_one_official_in_two_articles_is_one_node(own_store):
    """t01 (IRNA) and t09 (YJC) both quote the same director general of Razavi Khorasan welfare."""
    store = Store.read_only(str(own_store))
    person = mint("person", "حمیدرضا صالحی نسب")
    graphs = {r["g"].value for r in store.query(
        "SELECT DISTINCT ?g ?p WHERE { GRAPH ?g { ?g <https://schema.org/mentions> ?p } }",
        substitutions={Variable("p"): person})}
    assert len(graphs) == 2, graphs
    orgs = {r["o"].value for r in store.query(
        "SELECT DISTINCT ?o ?p WHERE { GRAPH ?g { ?p <http://www.w3.org/ns/org#holds>/<http://www.w3.org/ns/org#postIn> ?o } }",
        substitutions={Variable("p"): person})}
    assert orgs == {mint("organization", "سازمانبهزیستیکشور@خراسانرضوی").value}, orgs


def test_same_official_in_two_invented_articles_written_differently(tmp_path):
    """Spelling differences (ZWNJ, Arabic letters) do not split one official into two nodes."""
    a = tmp_path / "in" / "a.txt"
    b = tmp_path / "in" / "b.txt"
    a.parent.mkdir()
    a.write_text(
        "کد خبر: 771001\nتاریخ انتشار: ۱۴۰۳/۰۲/۱۰ - ۰۹:۰۰\n\n"
        "۴۰ مرکز مثبت زندگی در همدان فعال است\n\n"
        "به گزارش خبرگزاری ایرنا از همدان، کیومرث نوروزی‌فر مدیرکل بهزیستی استان همدان در نشست خبری گفت: "
        "هم‌اکنون ۴۰ مرکز مثبت زندگی در سطح استان فعال است و به خانواده‌های آسیب‌دیده خدمات می‌دهد.\n",
        encoding="utf-8")
    b.write_text(
        "کد خبر: 552233\nانتشار: ۱۰:۳۰ - ۱۲-۰۲-۱۴۰۳\n\n"
        "پوشش حمایتی ۶۰۰ کودک بی‌سرپرست در همدان\n\n"
        "به گزارش خبرگزاری مهر، كيومرث نوروزي فر امروز در جمع خبرنگاران اظهار کرد: "
        "۶۰۰ کودک بی‌سرپرست و بدسرپرست در استان همدان تحت حمایت بهزیستی هستند.\n",
        encoding="utf-8")
    store = tmp_path / "kg"
    build([str(a.parent)], store)
    s = Store.read_only(str(store))
    people = {r["p"].value for r in s.query(
        "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a <https://schema.org/Person> } }")}
    assert people == {mint("person", "کیومرث نوروزی‌فر").value}
    graphs = {r["g"].value for r in s.query(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g <https://schema.org/mentions> ?p . ?p a <https://schema.org/Person> } }")}
    assert len(graphs) == 2


# Sets of invented articles kept apart from the rules' tuning, each with a bar a little below its
# score, so that a regression fails:
# tests/heldout: written apart from the tuning (0.969);
# tests/heldout2: other agencies, page layouts, date and id formats, written without reading the
#   extractor (0.923 at first, 0.971 after general fixes);
# tests/heldout3: the same way, later; first scored 0.899, 0.928 after general fixes;
# tests/heldout4: the same way, in session 5; first scored 0.903, 0.947 after general fixes.
HELDOUT_BARS = {"heldout": 0.95, "heldout2": 0.95, "heldout3": 0.9, "heldout4": 0.9}


@pytest.mark.parametrize("name", sorted(HELDOUT_BARS))
def test_heldout_sets_keep_their_scores(tmp_path, name):
    held = ROOT / "tests" / name
    store = tmp_path / "kg"
    build([str(held / "articles")], store)
    f1 = _score(store, held / "gold", tmp_path / "facts")
    assert f1["micro"] >= HELDOUT_BARS[name], f1
