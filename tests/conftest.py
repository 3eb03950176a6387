"""What the test modules share: the seed store, small corpora, store comparisons, the hand-made
documents and fixed gazetteer of the graph tests, a Wikidata stand-in, and the builds of the crash tests.

Every shared thing is a fixture (a helper function is handed out by a fixture of its name), so
that no test module imports another.
"""
from __future__ import annotations

import re
import shutil
import sys
from collections import namedtuple
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from builder.graph import graph, vocabulary
from builder.build import build
from builder.cli import main
from builder.components import needed
from builder.text.document import (ArticleMeta, Document, Event, Organization, Person, Place, Post, Program, Quote,
                                   Sentence, Statistic)
from builder.graph.namespaces import WD
from builder.pipeline import COMPONENTS
from builder.storage.serve import Server, free_port
from builder.text.textkey import key

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "articles"
ARTICLES = ROOT / "tests" / "articles"
EXAMPLES = sorted(SEEDS.glob("*.txt"))
# A handful of pages of different kinds: plain text, HTML, JSON Lines (two articles).
SAMPLE = ["t01_irna_mashhad.txt", "t07_tasnim_kermanshah.txt", "t13_tasnim_yasuj.html", "t14_t15_batch.jsonl"]


def pytest_collection_modifyitems(items):
    """The tests of the slow modules are ``slow``: ``pytest -m "not slow"`` leaves them out."""
    for item in items:
        if item.module.__name__ in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


#: modules whose tests start processes, servers or many builds and stores (``-m "not slow"`` skips them,
#: so that the extractors' and the library's own tests run in under a minute while rules are written)
SLOW_MODULES = {"test_crash", "test_concurrency", "test_serve", "test_dask", "test_robustness", "test_build",
                "test_incremental", "test_stories", "test_name_index", "test_queries"}


# ------------------------------------------------------------------------------------------ stores


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """The seed articles (examples/articles) built once per session; no store object stays open, so a
    test may open it read-only or serve it."""
    store = tmp_path_factory.mktemp("seeds") / "kg"
    report = build([str(SEEDS)], store)
    assert report.articles == 5 and not report.problems, report
    return store


@pytest.fixture
def query(capsys, seed_store):
    """``query(*args)``: ``fakg query ARGS`` on the seed store; its exit status, output and errors."""
    def run(*args) -> tuple[int, str, str]:
        code = main(["query", *args, "--store", str(seed_store)])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


@pytest.fixture(scope="session")
def invented() -> str:
    """An invented article with facts of every kind: a person and his post, quotes, figures, places,
    organisations, programs, an event; agency ایسنا, news id ۹۹۰۴۱۲۷ (``tests/data/invented.txt``)."""
    return (ROOT / "tests" / "data" / "invented.txt").read_text(encoding="utf-8")


def _corpus(folder: Path, names=SAMPLE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(ARTICLES / name, folder / name)
    return folder


def _quads(store_path) -> set:
    store = Store.read_only(str(store_path))
    try:
        return set(store)
    finally:
        del store


def _graphs(store_path) -> set[str]:
    store = Store.read_only(str(store_path))
    try:
        return {g.value for g in store.named_graphs()}
    finally:
        del store


@pytest.fixture(scope="session")
def corpus():
    """``corpus(folder, names=SAMPLE)``: copies of ``tests/articles`` pages in ``folder``."""
    return _corpus


@pytest.fixture(scope="session")
def quads():
    """``quads(store_path)``: every quad of a store on disk, as a set."""
    return _quads


@pytest.fixture(scope="session")
def graphs():
    """``graphs(store_path)``: the IRIs of a store's named graphs."""
    return _graphs


# ------------------------------------------------------------------------------------------ documents

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


@pytest.fixture
def fake_gazetteer(monkeypatch):
    """The interface of builder/text/gazetteer.py (place, organization, agency) with a few fixed entries."""
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


def _gilan_document() -> Document:
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


def _tehran_document() -> Document:
    """A second article (no news id, so a hash IRI) naming the same person, with a spelling variant."""
    body = ["مریم  احمدي در تهران گفت: برنامه‌ها ادامه دارد."]
    doc = _document("101_tehran", "", body, ArticleMeta(agency="تسنیم", title="ادامه برنامه‌ها"))
    doc.persons[key("مریم احمدي")] = Person("مریم احمدی", [ev(doc, "مریم  احمدي", "persons")])
    doc.places[key("تهران")] = Place("تهران", "province", evidence=[ev(doc, "تهران", "places")])
    return doc


def _store_with(*docs: Document) -> Store:
    store = Store()
    store.extend(vocabulary.vocabulary_quads())
    for doc in docs:
        store.extend(graph.document_quads(doc))
    return store


@pytest.fixture(scope="session")
def gilan_document():
    """``gilan_document()``: a fresh invented ISNA article with facts of every kind."""
    return _gilan_document


@pytest.fixture(scope="session")
def tehran_document():
    """``tehran_document()``: a fresh second article naming the same person."""
    return _tehran_document


@pytest.fixture(scope="session")
def store_with():
    """``store_with(*docs)``: an in-memory store of the vocabulary and these documents' quads."""
    return _store_with


# ------------------------------------------------------------------------------------------ one component at a time

def _prepared(raw: str, name: str, source: str = "invented.txt") -> Document:
    """A Document of ``raw`` on which only the components that the one called ``name`` requires have
    run (:func:`builder.components.needed`, from the declarations), ready for that one alone."""
    doc = Document(source, Path(source).stem, raw)
    for c in needed(COMPONENTS, name):
        c(doc)
    return doc


@pytest.fixture(scope="session")
def prepared():
    """``prepared(raw, name)``: a Document of ``raw`` prepared by the components that ``name`` requires."""
    return _prepared


@pytest.fixture(scope="session")
def component():
    """``component(name)``: the pipeline's component of that name."""
    return lambda name: next(c for c in COMPONENTS if c.name == name)


# ------------------------------------------------------------------------------------------ a Wikidata stand-in

@pytest.fixture(scope="module")
def wikidata_standin(tmp_path_factory):
    """A local Oxigraph server with a few Wikidata-shaped population statements."""
    path = tmp_path_factory.mktemp("wikidata") / "store"
    s = Store(str(path))
    p, ps, pq, wdt = (f"http://www.wikidata.org/prop/{x}" for x in ("", "statement/", "qualifier/", "direct/"))
    xsd = "http://www.w3.org/2001/XMLSchema#"

    def statement(item: str, n: int, population: int, year: str | None):
        node = NamedNode(f"http://www.wikidata.org/entity/statement/{item}-{n}")
        s.add(Quad(WD(item), NamedNode(p + "P1082"), node))
        s.add(Quad(node, NamedNode(ps + "P1082"), Literal(str(population), datatype=NamedNode(xsd + "decimal"))))
        if year:
            s.add(Quad(node, NamedNode(pq + "P585"), Literal(f"{year}-01-01T00:00:00Z", datatype=NamedNode(xsd + "dateTime"))))

    for province in ("Q134228", "Q241119", "Q590866"):  # Ardabil, Khuzestan, Tehran provinces
        s.add(Quad(WD("Q794"), NamedNode(wdt + "P150"), WD(province)))
    statement("Q134228", 1, 1_000_000, "2016")
    statement("Q134228", 2, 900_000, "2006")  # older census: not used
    statement("Q241119", 1, 4_000_000, None)
    s.flush()
    del s
    with Server(path, free_port()) as server:
        yield server


# ------------------------------------------------------------------------------------------ builds of the crash tests

# The CLI; with "slow-small-chunks" the bulk loader's chunks are made tiny (keyword-only
# defaults of builder.storage.loader.Loader, if it has them) and every extracted article prints a
# marker and takes 0.25 s more, so that a kill can be aimed between and inside writes.
_RUN = """
import sys, time
if sys.argv[1] == "slow-small-chunks":
    try:
        from builder.storage import loader
        kw = loader.Loader.__init__.__kwdefaults__ or {}
        if "chunk_bytes" in kw:
            kw["chunk_bytes"] = 64 * 1024
        if "bulk_min_bytes" in kw:
            kw["bulk_min_bytes"] = 16 * 1024
    except (ImportError, AttributeError):
        pass
    import builder.runners
    _process = builder.runners.process

    def process(doc):
        out = _process(doc)
        sys.stderr.write("@@article\\n")
        sys.stderr.flush()
        time.sleep(0.25)
        return out

    builder.runners.process = process
from builder.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _one_worker() -> list[str]:
    import argparse

    from builder.cli import parser

    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return ["--workers", "1"] if "--workers" in sub.choices["build"]._option_string_actions else []


ONE_WORKER = _one_worker()
_ID = re.compile(r"(کد\s*خبر\s*:?\s*)([0-9۰-۹]+)")


def _make_corpus(folder: Path, n: int = 40) -> Path:
    """``n`` articles: the examples in turn, each with a news id of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = EXAMPLES[i % len(EXAMPLES)]
        text = src.read_text(encoding="utf-8")
        if _ID.search(text):
            text = _ID.sub(lambda m: f"{m[1]}{m[2]}{i:02d}", text, count=1)
        else:
            text = f"کد خبر: 55{i:04d}\n" + text
        (folder / f"{i:03d}_{src.stem[:3]}.txt").write_text(text, encoding="utf-8")
    return folder


def _change_figures(folder: Path, every: int = 3) -> None:
    """Edit every ``every``-th page: a figure in it changes (its graph must be replaced)."""
    for k, f in enumerate(sorted(folder.glob("*.txt"))):
        if k % every == 0:
            text = f.read_text(encoding="utf-8")
            f.write_text(re.sub(r"[0-9۰-۹]+ (?=کودک)", "۳۱۷ ", text, count=1) + "\n", encoding="utf-8")


def _build_cmd(corpus: Path, store: Path, *extra: str, mode: str = "normal") -> list[str]:
    return [sys.executable, "-c", _RUN, mode, "build", str(corpus), "--store", str(store), *ONE_WORKER, *extra]


def _library_build(corpus: Path, store: Path) -> None:
    """The same build in this process (hazm stays loaded): for stores a test starts from or compares with."""
    from builder.build import build

    try:
        report = build([str(corpus)], store, workers=1)
    except TypeError:  # a build() without workers
        report = build([str(corpus)], store)
    assert report.built_anything and not report.problems, report.problems


def _dump(store_path: Path) -> list[str]:
    store = Store.read_only(str(store_path))
    try:
        return sorted(str(q) for q in store)
    finally:
        del store


@pytest.fixture(scope="session")
def make_corpus():
    """``make_corpus(folder, n=40)``: ``n`` articles made from the examples, each with a news id of its own."""
    return _make_corpus


@pytest.fixture(scope="session")
def change_figures():
    """``change_figures(folder, every=3)``: a figure changes in every ``every``-th page."""
    return _change_figures


@pytest.fixture(scope="session")
def build_cmd():
    """``build_cmd(corpus, store, *extra, mode="normal")``: the command line of a build in a process of its own."""
    return _build_cmd


@pytest.fixture(scope="session")
def library_build():
    """``library_build(corpus, store)``: the same build in this process."""
    return _library_build


@pytest.fixture(scope="session")
def dump():
    """``dump(store_path)``: a store's quads as sorted strings."""
    return _dump
