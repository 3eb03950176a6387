"""Issue 8: a build killed with SIGKILL (or stopped with Ctrl-C) leaves a store that opens, and
building again ends exactly where a clean build ends (same quads, nothing duplicated, nothing
missing).

The corpus is ~40 articles made from ``examples/articles`` with small
variations (a news id of their own, a changed figure).  Builds run as
``python -m builder.cli build`` in a process group of their own, and the
whole group (workers included) is killed, as a crash or the OOM killer would.

Each article graph is replaced in a transaction, or bulk-loaded in chunks
whose ``fakg:extractorVersion`` stamps are written after them, so an
interrupted chunk leaves unstamped graphs that the next build redoes.  The
second test makes chunks tiny (64 kB) so that kills land between and inside
writes, not only before the first one.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

from pyoxigraph import Store

REPO = Path(__file__).resolve().parent.parent
SOURCE_FILE = "https://w3id.org/fakg/ontology#sourceFile"
CONTENT_HASH = "https://w3id.org/fakg/ontology#contentHash"

def run_build(build_cmd, corpus: Path, store: Path, *extra: str) -> tuple[float, subprocess.CompletedProcess]:
    started = time.monotonic()
    p = subprocess.run(build_cmd(corpus, store, "-q", *extra), capture_output=True, text=True, timeout=600,
                       stdin=subprocess.DEVNULL, cwd=REPO)
    assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr
    return time.monotonic() - started, p


def killed_build(build_cmd, corpus: Path, store: Path, *, after: float = 0.0, on_progress: bool = False,
                 articles: int = 0, mode: str = "normal") -> str:
    """Start a build and SIGKILL its whole process group: at its first progress line with
    ``on_progress`` (waiting at most 60 s), after its ``articles``-th extracted article (mode
    "slow-small-chunks"), then ``after`` seconds more; return what it had printed on stderr."""
    p = subprocess.Popen(build_cmd(corpus, store, mode=mode), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, text=True, cwd=REPO, start_new_session=True)
    progress, enough = threading.Event(), threading.Event()
    lines: list[str] = []

    def read():
        done = 0
        for line in p.stderr:
            lines.append(line)
            if line.startswith("@@article"):
                done += 1
                if done >= articles:
                    enough.set()
            elif "articles" in line:
                progress.set()
        enough.set()
        progress.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if on_progress:
        progress.wait(60)
    if articles:
        enough.wait(120)
    time.sleep(after)
    try:
        os.killpg(p.pid, signal.SIGKILL)  # the group started above: the build and its workers
    except ProcessLookupError:
        pass
    p.wait(30)
    reader.join(10)
    return "".join(line for line in lines if not line.startswith("@@"))


def sources(store_path: Path) -> list[str]:
    store = Store.read_only(str(store_path))
    try:
        return sorted(q.object.value for q in store.quads_for_pattern(None, None, None, None)
                      if q.predicate.value == SOURCE_FILE and q.subject == q.graph_name)
    finally:
        del store


def opens_for_writing(store_path: Path) -> None:
    """The killed process left no lock behind: a writer can open the store, and it answers."""
    store = Store(str(store_path))
    try:
        assert store.query("ASK { ?s ?p ?o }") is not None
        len(store)
    finally:
        del store


def test_sigkill_during_a_first_build_then_rebuild_equals_clean_build(tmp_path, dump, make_corpus, build_cmd):
    corpus = make_corpus(tmp_path / "in")
    clean, crashed = tmp_path / "clean", tmp_path / "crashed"
    run_build(build_cmd, corpus, clean)
    expected = dump(clean)
    assert sources(clean) == sorted(str(f) for f in corpus.glob("*.txt"))  # 40 articles, one graph each

    # killed at its first progress line (printed after ~5 s of work), then again ~1.5 s after a restart
    printed = killed_build(build_cmd, corpus, crashed, on_progress=True)
    assert "Traceback" not in printed
    opens_for_writing(crashed)
    killed_build(build_cmd, corpus, crashed, after=1.5)
    opens_for_writing(crashed)

    _, p = run_build(build_cmd, corpus, crashed)
    assert dump(crashed) == expected
    assert sources(crashed) == sources(clean)


def fresh(store_path: Path, corpus: Path) -> int:
    """How many article graphs hold their page's current content (by content hash)."""
    want = {hashlib.sha256(f.read_text(encoding="utf-8").encode("utf-8")).hexdigest() for f in corpus.glob("*.txt")}
    store = Store.read_only(str(store_path))
    try:
        return sum(q.object.value in want for q in store.quads_for_pattern(None, None, None, None)
                   if q.predicate.value == CONTENT_HASH and q.subject == q.graph_name)
    finally:
        del store


def test_sigkill_while_writing_an_update_then_rebuild_equals_clean_build(tmp_path, change_figures, dump, library_build, make_corpus, build_cmd):
    corpus = make_corpus(tmp_path / "in")
    crashed, clean = tmp_path / "crashed", tmp_path / "clean"
    library_build(corpus, crashed)
    change_figures(corpus)  # 14 of the 40 pages change: their graphs are dropped and written again
    for new in sorted(make_corpus(tmp_path / "more", 42).glob("04[01]_*.txt")):  # and two new pages
        shutil.copy(new, corpus / new.name)
    counts = [fresh(crashed, corpus)]  # 26 unchanged pages are current

    # kills aimed between and inside writes (tiny chunks, slowed extraction): each leaves a
    # store that opens, and each resumed build gets further
    for articles, after in ((3, 0.05), (4, 0.15), (5, 0.3)):
        printed = killed_build(build_cmd, corpus, crashed, articles=articles, after=after, mode="slow-small-chunks")
        assert "Traceback" not in printed
        opens_for_writing(crashed)
        counts.append(fresh(crashed, corpus))
    assert counts[0] < counts[-1] < 42, counts  # the kills did land in the middle of the update
    run_build(build_cmd, corpus, crashed)

    library_build(corpus, clean)
    assert dump(crashed) == dump(clean)
    srcs = sources(crashed)
    assert len(srcs) == len(set(srcs)) == 42  # nothing duplicated, nothing lost


def test_ctrl_c_during_a_build_says_one_line_and_keeps_what_was_built(tmp_path, build_cmd, dump, library_build, make_corpus):
    """SIGINT to the build's process group, as Ctrl-C on a terminal: exit 130, one line, no traceback;
    the articles extracted before it are stored, and building again ends where a clean build ends."""
    corpus = make_corpus(tmp_path / "in", 12)
    store, clean = tmp_path / "kg", tmp_path / "clean"
    p = subprocess.Popen(build_cmd(corpus, store, "-q", mode="slow-small-chunks"), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, cwd=REPO, start_new_session=True)
    lines: list[str] = []
    enough = threading.Event()

    def read():
        for line in p.stderr:
            lines.append(line)
            if sum(x.startswith("@@article") for x in lines) >= 5:
                enough.set()
        enough.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert enough.wait(180)
    os.killpg(p.pid, signal.SIGINT)
    p.wait(120)
    reader.join(10)
    printed = [line.rstrip("\n") for line in lines if not line.startswith("@@")]
    assert p.returncode == 130, (p.returncode, printed)
    (line,) = printed
    m = re.fullmatch(r"fakg: interrupted; (\d+) articles stored, run again to continue", line)
    assert m, line
    assert 3 <= int(m[1]) < 12 and len(sources(store)) == int(m[1])

    _, rebuilt = run_build(build_cmd, corpus, store)
    assert rebuilt.stdout.startswith(f"12 articles read: {12 - int(m[1])} written (new or changed), {m[1]} unchanged, ")
    library_build(corpus, clean)
    assert dump(store) == dump(clean)
