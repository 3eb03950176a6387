"""Issue 8: bad input through the real command line, and input that must not hurt.

The catalogue (``tests/badinputs/README.md`` lists every case and its exact
message) is one folder mixing good pages with bad ones, built once with
``python -m builder.cli build`` in a subprocess: each bad file gets exactly
one line on stderr (``fakg: FILE[:LINE]: reason``), nothing else is printed
but the closing count, there is no traceback, the good files are stored,
and the exit status is the one ``builder/cli.py`` documents.

Small fixtures are committed in ``tests/badinputs/``; binary, large and
encoded ones are written here at test time.  The Persian snippets are
invented.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from builder.cli import main, parser
from builder.text.document import Document
from builder.read.htmltext import html_to_text
from builder.text.textkey import key
from builder.pipeline import process
from builder.read.sources import MAX_BYTES, MAX_CHARS, InputProblem, iter_articles

REPO = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "badinputs"
EXAMPLES = REPO / "examples" / "articles"
GOOD = (BAD / "good_article.txt").read_text(encoding="utf-8")  # figures ۴۵ and ۱۲۰, news id ۸۸۱۲۳۴
MB = 1024 * 1024


def _build_options() -> set[str]:
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices["build"]._option_string_actions)


# One process, so that the run is the same on a 2-core CI box and on a laptop.
ONE_WORKER = ["--workers", "1"] if "--workers" in _build_options() else []

# Run the CLI and report the child's peak memory (kB) on the last stderr line.
_RUN_CLI = (
    "import resource, sys\n"
    "from builder.cli import main\n"
    "try:\n"
    "    rc = main(sys.argv[1:])\n"
    "finally:\n"
    "    r = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "    sys.stderr.write(f'@@maxrss {r}\\n')\n"
    "sys.exit(rc)\n"
)


def fakg(*args, timeout=300):
    """``python -m builder.cli ARGS`` in a subprocess: (status, stdout, stderr lines, peak RSS kB, CPU s)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run([sys.executable, "-c", _RUN_CLI, *map(str, args)], cwd=REPO, capture_output=True,
                       text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = p.stderr.splitlines()
    rss = int(lines.pop().split()[1]) if lines and lines[-1].startswith("@@maxrss") else 0
    return p.returncode, p.stdout, lines, rss, cpu


def paragraphs_html(text: str, wrap=("<article>", "</article>")) -> str:
    paras = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n") if p.strip() and "انتهای" not in p)
    return f"<html><body>{wrap[0]}\n{paras}{wrap[1]}</body></html>\n"


def unique_body(chars: int) -> str:
    """Distinct Persian paragraphs (no line repeats), about ``chars`` characters."""
    out, n, i = [], 0, 0
    while n < chars:
        line = f"در جلسه شماره {i} شورای اجتماعی استان نمونه درباره کودکان کار و خانواده‌های آنان گفت‌وگو شد."
        out.append(line)
        n += len(line) + 2
        i += 1
    return "\n\n".join(out)


# --- the catalogue -------------------------------------------------------------

# file name -> the exact reason printed after "fakg: PATH: " (None: a good file that must be stored)
CATALOGUE = {
    "empty.txt": "empty file",
    "whitespace.txt": "file holds only whitespace",
    "photo.txt": "binary file (PNG image)",
    "report.html": "binary file (PDF document)",
    "no_persian.txt": "no Persian text (only 0 Arabic-script letters)",
    "no_article.html": "no Persian text outside menus, scripts and page furniture (only 13 Arabic-script letters)",
    "latin1.txt": "undecodable bytes: neither UTF-8, UTF-16 nor Windows-1256 Persian text",
    "huge.txt": "file is larger than the 8 MB limit (50 MB)",
    "too_long.txt": f"text is too long for one article: over {MAX_CHARS:,} characters (not counting repeated lines)",
    "link_outside.txt": "symbolic link points outside the input tree; not followed",
    "loop.txt": "symbolic link loop",
    "mojibake_broken.txt": "mis-decoded text: UTF-8 read as Windows-1256 («ع©ط¯ط®ط¨…»), and it does not turn back into UTF-8 exactly",
    "good_article.txt": None,
    "mixed_digits.txt": None,
    "utf16.txt": None,
    "windows1256.txt": None,
    "external_entities.html": None,
    "billion_laughs.html": None,
    "nested.html": None,
    "repeated.txt": None,
    "long_number.txt": None,
    "mojibake_1256.txt": None,
    "mojibake_1252.txt": None,
    "invisible_marks.txt": None,
}
# files that are not pages, in the folder beside them: named on one line (a notice, not a problem)
NOT_PAGES = ["picture.png", "scan.pdf"]
JSONL = {  # broken_lines.jsonl and huge_line.jsonl: line -> reason
    ("broken_lines.jsonl", 2): "malformed JSON line: Unterminated string starting at column 29",
    ("broken_lines.jsonl", 3): 'JSON line has no "text" string',
    ("broken_lines.jsonl", 4): 'JSON line has an empty "text"',
    ("broken_lines.jsonl", 5): "JSON line is not an object",
    ("huge_line.jsonl", 2): "line is longer than the 8 MB limit",
}
# facts-file stem -> the figures its article must give (the same article in other clothes)
FIGURES = {
    "good_article": [45, 120],
    "mixed_digits": [45, 120],  # «٤٥» (Arabic-Indic) and «1۲0» (Latin and Persian digits mixed)
    "utf16": [70, 120],
    "windows1256": [55, 120],  # Arabic ي/ك, Latin digits
    "external_entities": [45, 120],
    "billion_laughs": [45, 120],
    "nested": [80, 120],
    "repeated": [99, 120],  # printed a thousand times
    "long_number": [47, 120],  # and a number of 5000 digits, which is no figure
    "mojibake_1256": [48, 120],  # UTF-8 read as Windows-1256 upstream, repaired
    "mojibake_1252": [49, 120],  # UTF-8 read as Windows-1252 upstream, repaired
    "invisible_marks": [51, 120],  # RLM, ZWSP, soft hyphens, bidi controls all over it
    "jl-good": [60, 120],  # broken_lines.jsonl:1
    "huge_line_1": [61, 120],
    "huge_line_3": [62, 120],
}


def make_catalogue(folder: Path, outside: Path) -> None:
    """Write the mixed folder: committed fixtures, generated ones, two example articles."""
    folder.mkdir(parents=True)
    for f in BAD.iterdir():
        if f.suffix != ".md":
            shutil.copy(f, folder / f.name)
    for f in sorted(EXAMPLES.glob("*.txt"))[:2]:
        shutil.copy(f, folder / f.name)
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4000))
    (folder / "report.html").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + os.urandom(4000))
    (folder / "latin1.txt").write_bytes("Rapport annuel: enfants des rues, été 2024, résumé.\n".encode("latin-1"))
    (folder / "utf16.txt").write_bytes(GOOD.replace("۴۵", "۷۰").encode("utf-16"))
    legacy = GOOD.replace("ی", "ي").replace("ک", "ك").replace("۴۵", "55").replace("۱۲۰", "120").replace("۸۸۱۲۳۴", "881235")
    (folder / "windows1256.txt").write_bytes(legacy.encode("cp1256"))
    deep = 100_000
    (folder / "nested.html").write_text(
        "<html><body>" + "<div>" * deep + paragraphs_html(GOOD.replace("۴۵", "۸۰"), ("", "")) + "</div>" * deep
        + "</body></html>", encoding="utf-8")
    without_tail = GOOD.replace("انتهای پیام\n", "").replace("۴۵", "۹۹")
    (folder / "repeated.txt").write_text((without_tail + "\n") * 1000, encoding="utf-8")
    with open(folder / "huge.txt", "w", encoding="utf-8") as f:  # 50 MB of distinct articles
        i = 0
        while f.tell() < 50 * MB:
            f.write(GOOD.replace("۴۵", str(i)).replace("۸۸۱۲۳۴", str(100000 + i)))
            i += 1
    (folder / "too_long.txt").write_text("گزارش جلسات شورا\n\n" + unique_body(MAX_CHARS + 50_000), encoding="utf-8")
    line = lambda i, n: json.dumps({"id": f"huge_line_{i}", "text": GOOD.replace("۴۵", n)}, ensure_ascii=False)  # noqa: E731
    with open(folder / "huge_line.jsonl", "w", encoding="utf-8") as f:
        f.write(line(1, "۶۱") + "\n")
        f.write(json.dumps({"id": "huge", "text": "ب" * (9 * MB // 2)}) + "\n")  # 9 MB of UTF-8
        f.write(line(3, "۶۲") + "\n")
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text(GOOD.replace("۴۵", "۶۶۶"), encoding="utf-8")
    (folder / "link_outside.txt").symlink_to(outside / "secret.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "long_number.txt").write_text(
        GOOD.replace("۴۵", "۴۷").replace("انتهای پیام", "شماره نامه این طرح " + "۷" * 5000 + " است.\n\nانتهای پیام"),
        encoding="utf-8")
    (folder / "mojibake_1256.txt").write_text(GOOD.replace("۴۵", "۴۸").encode("utf-8").decode("cp1256"), encoding="utf-8")
    (folder / "mojibake_1252.txt").write_text(  # cp1252's holes (0x81 of «ف», …) as a browser reads them: C1 controls
        GOOD.replace("۴۵", "۴۹").encode("utf-8").decode("cp1252", errors="surrogateescape").translate(
            {c: c - 0xDC00 for c in range(0xDC80, 0xDD00)}), encoding="utf-8")
    misread = GOOD.replace("۴۵", "۵۰").encode("utf-8").decode("cp1256")
    (folder / "mojibake_broken.txt").write_text(misread[:60] + "?" + misread[61:], encoding="utf-8")  # a byte lost
    (folder / "invisible_marks.txt").write_text(
        GOOD.replace("۴۵", "۵۱").replace(" ", "\u200f ").replace("\n", "\u2060\n").replace("بهزیستی", "به\u00adزیس\u200bتی")
        .replace("کودک", "\u202bکودک\u202c"), encoding="utf-8")
    for name in NOT_PAGES:
        (folder / name).write_bytes(b"\x89PNG\r\n\x1a\n" if name.endswith(".png") else b"%PDF-1.7\n")


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("catalogue")
    folder, store = tmp / "in", tmp / "kg"
    make_catalogue(folder, tmp / "outside")
    started = time.monotonic()
    rc, out, err, rss, cpu = fakg("build", folder, "--store", store, "-q", *ONE_WORKER)
    wall = time.monotonic() - started
    facts = tmp / "facts"
    assert main(["facts", "--store", str(store), "--out", str(facts)]) == 0
    docs = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in facts.glob("*.json")}
    return dict(folder=folder, store=store, rc=rc, out=out, err=err, rss=rss, cpu=cpu, wall=wall, facts=docs)


def problem_lines(err: list[str]) -> list[str]:
    return [line for line in err if line.startswith("fakg: ") and not line.startswith("fakg: skipped ")]


def test_files_that_are_not_pages_are_named_on_one_line(catalogue):
    """An image among the pages used to vanish without a word."""
    folder = catalogue["folder"]
    assert [line for line in catalogue["err"] if line.startswith("fakg: skipped ")] == [
        f"fakg: skipped 2 files that are not pages (.pdf, .png): {folder / 'picture.png'}, {folder / 'scan.pdf'}"]


def test_catalogue_exit_status_and_no_traceback(catalogue):
    c = catalogue
    assert c["rc"] == 0, c["err"]  # at least one article was built
    text = "\n".join(c["err"])
    assert "Traceback" not in text and "Error:" not in text.replace("JSON", "")
    problems = problem_lines(c["err"])
    # nothing on stderr but the problem lines, the files passed over and the closing count
    assert [line for line in c["err"] if line not in problems and not line.startswith("fakg: skipped ")] == [
        f"{len(problems)} input problem(s) reported above"]
    assert re.match(r"\d+ articles read: \d+ written", c["out"]), c["out"]


@pytest.mark.parametrize("name", sorted(n for n, r in CATALOGUE.items() if r))
def test_each_bad_file_gets_one_clear_line(catalogue, name):
    path = catalogue["folder"] / name
    mine = [line for line in problem_lines(catalogue["err"]) if line.startswith(f"fakg: {path}:")]
    assert mine == [f"fakg: {path}: {CATALOGUE[name]}"]


@pytest.mark.parametrize("name,line", sorted(JSONL))
def test_each_bad_json_line_gets_one_clear_line(catalogue, name, line):
    path = catalogue["folder"] / name
    mine = [x for x in problem_lines(catalogue["err"]) if x.startswith(f"fakg: {path}:{line}:")]
    assert mine == [f"fakg: {path}:{line}: {JSONL[name, line]}"]


def test_no_other_problems(catalogue):
    expected = {f"fakg: {catalogue['folder'] / n}: {r}" for n, r in CATALOGUE.items() if r}
    expected |= {f"fakg: {catalogue['folder'] / n}:{k}: {r}" for (n, k), r in JSONL.items()}
    assert sorted(problem_lines(catalogue["err"])) == sorted(expected)


def test_good_files_beside_bad_ones_are_stored(catalogue):
    facts = catalogue["facts"]
    examples = [f.stem for f in sorted(EXAMPLES.glob("*.txt"))[:2]]
    assert set(facts) == set(FIGURES) | set(examples)
    for stem, figures in FIGURES.items():
        assert sorted(s["value"] for s in facts[stem]["statistics"]) == figures, stem
    # the same article whatever the encoding, digit script or wrapping
    reference = facts["good_article"]
    for stem in ("mixed_digits", "external_entities", "billion_laughs", "long_number", "mojibake_1256", "mojibake_1252",
                 "invisible_marks"):
        assert facts[stem]["article"]["title"] == reference["article"]["title"], stem
        assert len(facts[stem]["organizations"]) == len(reference["organizations"]), stem
    assert facts["windows1256"]["article"]["title"] == reference["article"]["title"]  # ي/ك normalised


def test_repeated_article_gives_its_facts_once(catalogue):
    facts = catalogue["facts"]
    one, many = facts["good_article"], facts["repeated"]
    for field in ("statistics", "organizations", "persons", "quotes", "programs", "places"):
        assert len(many.get(field, [])) == len(one.get(field, [])), field


def test_the_50_mb_page_costs_neither_time_nor_memory(catalogue):
    # the whole catalogue (a 50 MB page, a 9 MB JSON line, 100,000 nested divs, an
    # article printed 1,000 times) runs in a few seconds of CPU beyond loading hazm
    assert catalogue["cpu"] < 90, catalogue["cpu"]
    assert catalogue["wall"] < 240, catalogue["wall"]
    assert catalogue["rss"] < 1_500_000, catalogue["rss"]  # kB; hazm alone is ~500 MB


def test_strict_rebuild_exits_1_and_changes_nothing(catalogue, tmp_path):
    dump_before = _dump(catalogue["store"])
    rc, out, err, _, _ = fakg("build", catalogue["folder"], "--store", catalogue["store"], "-q", "--strict", *ONE_WORKER)
    assert rc == 1
    assert sorted(problem_lines(err)) == sorted(problem_lines(catalogue["err"]))
    assert " 0 written (new or changed)" in out
    assert _dump(catalogue["store"]) == dump_before


def test_only_bad_files_exit_1(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("empty.txt", "whitespace.txt", "no_persian.txt", "no_article.html"):
        shutil.copy(BAD / name, folder / name)
    rc, out, err, _, _ = fakg("build", folder, "--store", tmp_path / "kg", "-q")
    assert rc == 1
    assert len(problem_lines(err)) == 4 and "Traceback" not in "\n".join(err)
    assert out == "no article read: nothing was built\n"
    assert not (tmp_path / "kg").exists()  # no empty store left behind


def test_missing_input_and_usage_errors(tmp_path):
    rc, out, err, _, _ = fakg("build", tmp_path / "nowhere", "--store", tmp_path / "kg", "-q")
    assert rc == 1 and problem_lines(err) == [f"fakg: {tmp_path / 'nowhere'}: no such file or folder"]
    assert not (tmp_path / "kg").exists()  # a typo in a path makes no store
    rc, _, err, _, _ = fakg("build", "--store", tmp_path / "kg")  # no paths
    assert rc == 2 and "Traceback" not in "\n".join(err)


def test_a_store_path_that_is_a_file_gets_one_clear_line(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a store", encoding="utf-8")
    good = BAD / "good_article.txt"
    for args in (["build", good, "-q"], ["query", "summary"], ["facts", "--out", tmp_path / "f"], ["validate"],
                 ["export", "--gexf", tmp_path / "n.gexf"], ["link"], ["remove", "--missing"]):
        rc, out, err, _, _ = fakg(*args, "--store", notes)
        assert rc == 1 and out == "", (args, out)
        assert err == [f"fakg: {notes}: a file, not a store folder: give --store a folder (a new one is made)"
                       if args[0] == "build" else
                       f"fakg: {notes}: a file, not a store (a store is the folder `fakg build --store` makes)"], args
    assert notes.read_text(encoding="utf-8") == "my notes, not a store"
    rc, _, err, _, _ = fakg("build", good, "-q", "--store", notes / "kg")
    assert rc == 1 and err == [f"fakg: {notes / 'kg'}: cannot make the store folder here (Not a directory)"]


def test_page_with_only_a_headline_is_not_an_article(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "menu.html").write_text(
        "<html><body><ul>" + "".join(f'<li><a href="/{i}">صفحه اصلی سایت خبری</a></li>' for i in range(30))
        + "</ul></body></html>", encoding="utf-8")
    rc, out, err, _, _ = fakg("build", folder, "--store", tmp_path / "kg", "-q", *ONE_WORKER)
    assert problem_lines(err) == [f"fakg: {folder / 'menu.html'}: no article body found on the page"]
    assert rc == 1


def _facts_of(store: Path, out: Path) -> dict:
    assert main(["facts", "--store", str(store), "--out", str(out)]) == 0
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


def _spans(store_path) -> list[tuple[str, int, int]]:
    """Every evidence's (span text, start, end) in the store."""
    from pyoxigraph import NamedNode, Store

    from builder.text.evidence import read_evidence

    store = Store.read_only(str(store_path))
    try:
        out = []
        for q in store.quads_for_pattern(None, NamedNode("https://w3id.org/fakg/ontology#evidence"), None, None):
            ev, words = read_evidence(q.object.value)
            out.append((words, ev.start, ev.end))
        return out
    finally:
        del store


def test_invisible_characters_in_a_page_lose_no_fact(tmp_path, invented):
    """RLM before every space, a word joiner and a BOM at line ends, ZWSP, soft hyphens and bidi
    controls inside words: the article kept its headline and lost its persons and quotes, silently."""
    marked = (invented.replace(" ", "\u200f ").replace("\n", "\u2060\ufeff\n").replace("نیک", "نی\u00adک")
              .replace("زنجان", "\u202bزن\u200bجان\u202c").replace("گفت", "\u2067گفت\u2069").replace("۳۴۰", "۳\u200e۴۰"))
    for name, text in (("clean", invented), ("marked", marked)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "zanjan.txt").write_text(text, encoding="utf-8")
        rc, out, err, _, _ = fakg("build", tmp_path / name, "--store", tmp_path / f"kg-{name}", "-q", *ONE_WORKER)
        assert rc == 0 and err == [], err
    clean = _facts_of(tmp_path / "kg-clean", tmp_path / "facts-clean")["zanjan"]
    assert clean["persons"] and clean["quotes"] and clean["statistics"]
    assert _facts_of(tmp_path / "kg-marked", tmp_path / "facts-marked")["zanjan"] == clean
    # every offset points at the same words, now with the marks among them
    from builder.text.invisible import without_invisible

    spans = _spans(tmp_path / "kg-marked")
    assert all(marked[start:end] == text for text, start, end in spans)
    assert sorted(without_invisible(text) for text, _, _ in spans) == sorted(t for t, _, _ in _spans(tmp_path / "kg-clean"))


def _dump(store_path) -> list[str]:
    from pyoxigraph import Store

    store = Store.read_only(str(store_path))
    try:
        return sorted(str(q) for q in store)
    finally:
        del store


# --- limits, unit by unit ----------------------------------------------------------

def test_text_limit_counts_a_repeated_line_once(tmp_path):
    f = tmp_path / "page.txt"
    f.write_text("سطر تکراری صفحه برای آزمون حد اندازه متن\n" * 10_000 + unique_body(5_000), encoding="utf-8")
    items = list(iter_articles([str(f)], max_chars=20_000))
    assert [type(i) for i in items] == [Document]  # 400 kB of page, 5 kB of distinct text
    (item,) = iter_articles([str(f)], max_chars=2_000)
    assert isinstance(item, InputProblem) and item.reason.startswith("text is too long for one article: over 2,000")


def test_limits_are_documented_values():
    assert MAX_BYTES == 8 * MB and MAX_CHARS == 200_000


def test_page_just_under_the_limits_is_extracted_in_bounded_time(tmp_path):
    """The worst page let through: close to MAX_CHARS of distinct article text."""
    f = tmp_path / "long.txt"
    f.write_text(GOOD.split("\n\n")[1] + "\n\n" + unique_body(MAX_CHARS - 10_000), encoding="utf-8")
    (doc,) = iter_articles([str(f)])
    assert isinstance(doc, Document)
    process(Document(source="warm", stem="warm", raw=GOOD))  # hazm loaded outside the measure
    started = time.process_time()
    process(doc)
    assert time.process_time() - started < 60
    assert doc.text


# --- HTML that must stay small, fast and offline ---------------------------------

@pytest.mark.parametrize("name,make", [
    ("unclosed start tags", lambda n: "<a " * (n // 3)),
    ("unclosed end tags", lambda n: "</" * (n // 2)),
    ("processing instructions", lambda n: "<?" * (n // 2)),
    ("doctypes without subset", lambda n: "<!doctype a" * (n // 11)),
    ("unterminated subsets", lambda n: "<!doctype a [" * (n // 13)),
    ("lone less-than signs", lambda n: "<" * n),
    ("deep nesting", lambda n: "<div>" * (n // 5)),
    ("unclosed inline tags", lambda n: "<b><i>" * (n // 6)),
])
def test_html_parsing_is_linear(name, make):
    """CPython 3.11's html.parser is quadratic on unterminated tags ("<a <a <a": 6 s for 20 kB,
    hours for a MB); htmltext reads such a rest as text.  200 kB must take well under a few seconds."""
    html = make(200_000)
    started = time.process_time()
    text, meta = html_to_text(html)
    assert time.process_time() - started < 5, name
    assert len(text) <= len(html)


def test_garbage_after_an_unterminated_tag_is_read_as_text():
    html = "<html><body><p>" + GOOD.split("\n\n")[1] + "</p><a " + "<a href=x " * 2000 + "<p>پایان</p>"
    text, _ = html_to_text(html)
    assert GOOD.split("\n\n")[1] in text and "پایان" in text and "href" not in text


class _Watch:
    """Audit hook: records file opens and network calls while armed (hooks cannot be removed)."""

    armed = False
    events: list = []

    @classmethod
    def hook(cls, event, args):
        if cls.armed and (event in ("open", "os.open") or event.startswith(("socket.", "urllib.", "http.", "subprocess."))):
            cls.events.append((event, args[0] if args else None))


sys.addaudithook(_Watch.hook)


@pytest.mark.parametrize("name", ["external_entities.html", "billion_laughs.html"])
def test_doctype_entities_cause_no_file_or_network_access(name, tmp_path):
    page = tmp_path / name
    shutil.copy(BAD / name, page)
    process(Document(source="warm", stem="warm", raw=GOOD))  # lazy loads (hazm, gazetteers) happen here
    _Watch.events = []
    _Watch.armed = True
    try:
        started = time.process_time()
        (doc,) = iter_articles([str(page)])
        process(doc)
        elapsed = time.process_time() - started
    finally:
        _Watch.armed = False
    opened = [str(a) for e, a in _Watch.events if e in ("open", "os.open")]
    assert all(Path(p).resolve() == page.resolve() for p in opened if isinstance(p, str)), _Watch.events
    assert not [e for e, _ in _Watch.events if not e.endswith("open")], _Watch.events
    # references stay the literal text they are ("&lol9;"), never expanded or fetched
    assert "root:" not in doc.raw and "lollol" not in doc.raw and "ENTITY" not in doc.raw
    assert len(doc.raw) < 1000 and elapsed < 5
    assert "کد خبر" in doc.raw


def test_billion_laughs_inline_stays_small():
    """Entity references in text are never expanded, however the DOCTYPE defines them."""
    html = (BAD / "billion_laughs.html").read_text(encoding="utf-8")
    text, _ = html_to_text(html * 200)  # 200 bombs in one page
    assert len(text) < 200 * len(html) and "lollol" not in text


# --- symbolic links and globs (test_sources.py covers links named or walked) -------

def _tree(tmp_path):
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    (tree / "sub").mkdir(parents=True)
    outside.mkdir()
    (tree / "ok.txt").write_text(GOOD, encoding="utf-8")
    (outside / "secret.txt").write_text(GOOD.replace("۴۵", "۶۶۶"), encoding="utf-8")
    return tree, outside


def test_glob_does_not_read_through_a_linked_folder(tmp_path):
    tree, outside = _tree(tmp_path)
    (tree / "sub" / "linked").symlink_to(outside, target_is_directory=True)
    for pattern in (tree / "*" / "*" / "*.txt", tree / "**" / "*.txt"):
        items = list(iter_articles([str(pattern)]))
        assert all("۶۶۶" not in getattr(i, "raw", "") for i in items), pattern
    (item,) = iter_articles([str(tree / "sub" / "*" / "*.txt")])  # the glob's base is tree/sub
    assert isinstance(item, InputProblem) and "outside the input tree" in item.reason


def test_glob_survives_symbolic_link_loops(tmp_path):
    """glob.glob('**') follows links to folders: three links to '.' made it run for ever."""
    tree, _ = _tree(tmp_path)
    for name in ("l1", "l2", "l3"):
        (tree / name).symlink_to(".", target_is_directory=True)
    (tree / "sub" / "up").symlink_to("..", target_is_directory=True)
    result = {}

    def run():
        result["items"] = list(iter_articles([str(tree / "**" / "*.txt")]))

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(30)
    assert not t.is_alive(), "the glob did not finish within 30 s"
    docs = [i for i in result["items"] if isinstance(i, Document)]
    assert [d.source for d in docs] == [str(tree / "ok.txt")]


def test_a_link_named_twice_is_reported_once(tmp_path):
    tree, outside = _tree(tmp_path)
    (tree / "leak.txt").symlink_to(outside / "secret.txt")
    items = list(iter_articles([str(tree), str(tree / "*.txt"), str(tree / "leak.txt")]))
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [p.source for p in problems] == [str(tree / "leak.txt")]


# --- messages ------------------------------------------------------------------------

@pytest.mark.parametrize("line,reason", [
    ('{"text": "ناتمام', "malformed JSON line: Unterminated string starting at column 10"),
    ('{"text": "x" "id": 1}', "malformed JSON line: Expecting ',' delimiter at column 14"),
    ('{"text": "x"} trailing', "malformed JSON line: Extra data at column 15"),
    ("not json", "malformed JSON line: Expecting value at column 1"),
    ("[" * 100_000, "malformed JSON line: too deeply nested"),
])
def test_json_line_messages(tmp_path, line, reason):
    f = tmp_path / "x.jsonl"
    f.write_text(line + "\n", encoding="utf-8")
    (item,) = iter_articles([str(f)])
    assert str(item) == f"{f}:1: {reason}"


# --- file names -----------------------------------------------------------------------

def _source_files(store_path) -> list[str]:
    from pyoxigraph import NamedNode, Store

    store = Store.read_only(str(store_path))
    try:
        return sorted(q.object.value for q in store.quads_for_pattern(
            None, NamedNode("https://w3id.org/fakg/ontology#sourceFile"), None, None))
    finally:
        del store


def test_a_file_name_that_is_not_utf8_travels_end_to_end(tmp_path):
    """Such a name dropped its article ("extraction failed: ValueError …": an RDF literal cannot
    hold the surrogate Python decodes the byte to) and every later build stopped with a traceback."""
    folder, store = tmp_path / "in", tmp_path / "kg"
    folder.mkdir()
    odd = os.fsdecode(os.fsencode(str(folder)) + b"/\xd8\xa8\xd8-\xff-\\x41.txt")  # «ب», a cut «ب», a stray byte, a backslash
    Path(odd).write_text(GOOD, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD.replace("۴۵", "۴۶").replace("۸۸۱۲۳۴", "۸۸۱۲۳۵"), encoding="utf-8")
    rc, out, err, _, _ = fakg("build", folder, "--store", store, "-q", *ONE_WORKER)
    assert (rc, err) == (0, []) and out.startswith("2 articles read: 2 written"), (out, err)
    # stored as valid text: the undecodable bytes as \xHH, the backslash before "x41" doubled
    assert _source_files(store) == [str(folder / "good.txt"), f"{folder}/ب\\xd8-\\xff-\\\\x41.txt"]
    rc, out, err, _, _ = fakg("build", folder, "--store", store, "-q", *ONE_WORKER)
    assert (rc, err) == (0, []) and out.startswith("2 articles read: 0 written (new or changed), 2 unchanged"), (out, err)
    # fakg remove finds the file by its name, and --missing knows it is still there
    rc, out, err, _, _ = fakg("remove", "--missing", "--store", store)
    assert (rc, out.strip(), err) == (0, "removed 0 articles", [])
    rc, out, err, _, _ = fakg("remove", odd, "--store", store)
    assert (rc, out.strip(), err) == (0, "removed 1 articles", [])
    rc, out, err, _, _ = fakg("remove", odd, "--store", store)  # printed escaped
    assert rc == 1 and err == [f"fakg: {folder}/ب\\xd8-\\xff-\\x41.txt: no article in the store was built from this path"]


def test_a_bad_file_with_an_odd_name_is_reported_on_one_escaped_line(tmp_path):
    """Undecodable bytes print as \\xHH, a bidi override as \\u202e (raw, it reordered the line on a terminal)."""
    folder = tmp_path / "in"
    folder.mkdir()
    Path(os.fsdecode(os.fsencode(str(folder)) + b"/empty\xff.txt")).write_bytes(b"")
    (folder / "txt.\u202eexe.txt").write_bytes(b"")
    (folder / "ok.txt").write_text(GOOD, encoding="utf-8")
    rc, out, err, _, _ = fakg("build", folder, "--store", tmp_path / "kg", "-q", *ONE_WORKER)
    assert rc == 0 and problem_lines(err) == [f"fakg: {folder}/empty\\xff.txt: empty file",
                                              f"fakg: {folder}/txt.\\u202eexe.txt: empty file"], err


def test_half_a_character_escaped_in_a_json_line(tmp_path):
    """json.loads turns "\\ud800" into a lone surrogate, which no UTF-8 hash or RDF literal holds:
    the build stopped with a traceback.  It is read as U+FFFD, like a broken UTF-8 byte."""
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"id": "a\udcff", "title": "خانه امن\ud800", "text": GOOD.replace("۴۵", "\ud800۴۵")}) + "\n",
                 encoding="utf-8")
    rc, out, err, _, _ = fakg("build", f, "--store", tmp_path / "kg", "-q", *ONE_WORKER)
    assert (rc, err) == (0, []) and out.startswith("1 article read: 1 written"), (out, err)
    (doc,) = iter_articles([str(f)])
    assert "\ufffd۴۵" in doc.raw and doc.given["title"] == "خانه امن\ufffd" and doc.stem == "a\ufffd"


# --- hostile query parameters (test_queries.py covers values on library queries) ------

@pytest.mark.parametrize("value", [
    "<http://a> } ; DROP ALL ; { <http://b>",  # looks like an IRI, is not one
    '"\n} ; CLEAR ALL ; SELECT * { ?s ?p ?o . #',
    "9" * 400,  # not an xsd:integer Oxigraph can hold
    "x" * 1_000_000,
    "a\u0000b\u202e",
])
def test_hostile_value_stays_a_value(tmp_path, capsys, value):
    from builder.use.sparql import run as run_query
    from pyoxigraph import Store

    store_path = tmp_path / "kg"
    assert main(["build", str(BAD / "good_article.txt"), "--store", str(store_path), "-q", *ONE_WORKER]) == 0
    before = _dump(store_path)
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?v (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?v\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["query", str(query), "--store", str(store_path), "--param", f"v={value}", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out) == 1 and out[0]["n"] > 100
    store = Store.read_only(str(store_path))
    try:
        cols = list(run_query(store, query.read_text(encoding="utf-8"), {"v": value}))
        assert len(cols) == 1
    finally:
        del store
    assert _dump(store_path) == before


def test_hostile_parameter_name_is_a_usage_error(tmp_path):
    store_path = tmp_path / "kg"
    assert main(["build", str(BAD / "good_article.txt"), "--store", str(store_path), "-q", *ONE_WORKER]) == 0
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?v WHERE { ?s ?p ?v } LIMIT 1\n", encoding="utf-8")
    rc, out, err, _, _ = fakg("query", query, "--store", store_path, "--param", "v} DROP ALL {?x=1")
    assert rc == 2 and "Traceback" not in "\n".join(err), err


def test_store_or_output_that_is_a_file_is_one_line(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    rc, _, err, _, _ = fakg("build", BAD / "good_article.txt", "--store", afile, "-q")
    assert rc == 1 and len(err) == 1 and "Traceback" not in "\n".join(err), err
    store = tmp_path / "kg"
    assert main(["build", str(BAD / "good_article.txt"), "--store", str(store), "-q", *ONE_WORKER]) == 0
    rc, _, err, _, _ = fakg("facts", "--store", store, "--out", afile / "x")
    assert rc == 1 and len(err) == 1 and "Traceback" not in "\n".join(err), err


def test_an_organisation_printed_with_arabic_letters_is_written_with_persian_ones(tmp_path):
    page = ("كد خبر: 4521\n\nافتتاح مركز در يزد\n\n"
            "رضا كاظمي مديركل بهزيستي استان يزد گفت: انجمن حمايت از كودكان كار يزد امسال 40 كودك را زير پوشش گرفت.\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(page.encode("cp1256"))
    rc, out, err, _, _ = fakg("build", tmp_path / "in", "--store", tmp_path / "kg", "-q", *ONE_WORKER)
    assert rc == 0, err
    fakg("facts", "--store", tmp_path / "kg", "--out", tmp_path / "facts")
    facts = json.loads((tmp_path / "facts" / "a.json").read_text(encoding="utf-8"))
    names = " ".join(facts["organizations"])
    assert "انجمن" in names and not any(c in names for c in "يك")


def test_markup_left_in_a_text_page_reads_as_the_browser_shows_it():
    from builder.text.document import Document
    from builder.pipeline import process

    raw = ('<image>data:image/s3,"s3://crabby-images/53f0e/53f0e0d91e6d9de637a0a6486a8d5b9f6e97bebf" alt="افتتاح مرکز"</image>\nافتتاح مرکز کودکان کار در یزد\n\n'
           
           "<p>به گزارش کویر نو از روابط عمومی سازمان خدمات و مشارکت&zwnj;های اجتماعی شهرداری یزد، رضا کاظمی "
           "گفت: مرکز پویاشهر امروز افتتاح شد.<br /> وی&nbsp;افزود: ۴۰ کودک کار در این مرکز آموزش می‌بینند.</p>\n")
    doc = process(Document("t.txt", "t", raw))
    assert doc.article.title == "افتتاح مرکز کودکان کار در یزد"
    assert doc.article.credit == "روابط عمومی سازمان خدمات و مشارکت‌های اجتماعی شهرداری یزد"
    assert [(q.speaker, q.verb) for q in doc.quotes] == [(key("رضا کاظمی"), "گفت"), (key("رضا کاظمی"), "افزود")]
    person = doc.persons[key("رضا کاظمی")]
    assert raw[person.evidence[0].start:person.evidence[0].end] == "رضا کاظمی"  # offsets still point into the page
