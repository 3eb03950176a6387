"""Issue 8: queries and builds on one store at the same time.

The protocol (builder/storage/locks.py, "Sharing the store between processes"):

* two writers: ``fakg build`` (or ``remove``, or ``serve --writable``) takes
  the store's build lock without waiting; a second one on the same store gets
  :class:`builder.storage.locks.StoreBusy`: one line naming the holder, exit status 1;
* ``fakg query``/``facts``/``validate``/``export``/``link`` hold the store's
  read/write lock shared while they read it, and a build writes in short
  write windows that hold it exclusively (store opened writable, one chunk
  written, flushed, closed).  So a query during a build waits for the window
  to end and answers from whole articles (every count complete), or after
  60 s says the store is busy; never a RocksDB error, never an abort
  (before the protocol, a reader in a loop aborted with SIGABRT in about
  three runs of five, and counts could be short);
* a read-only ``fakg serve`` serves a snapshot of the store (a RocksDB
  checkpoint), so it answers throughout a build, and takes a new snapshot
  when the build has written: when ``fakg build`` returns, the server
  answers from the new store;
* a ``fakg serve --writable`` holds both locks: builds are refused, queries
  told at once.

The build is slowed (0.25 s more per article, tiny bulk-load chunks: see
test_crash.py) so that readers run during its writes.
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from builder.storage import serve
REPO = Path(__file__).resolve().parent.parent

N = 20  # articles

# Runs `fakg query summary` in a loop (in one process: hundreds of opens) until STOP exists.
_READER = """
import contextlib, io, json, os, sys, traceback
from builder.cli import main
store, stop = sys.argv[1], sys.argv[2]
n = 0
while not os.path.exists(stop) and n < 1500:
    out, err = io.StringIO(), io.StringIO()
    tb = None
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = main(["query", "summary", "--store", store, "--format", "json"])
    except BaseException:
        rc, tb = None, traceback.format_exc()
    print(json.dumps({"rc": rc, "out": out.getvalue(), "err": err.getvalue(), "tb": tb}), flush=True)
    n += 1
"""


def _at_most_6_gb():
    """A reader once grew to 19 GB during a build and the OOM killer took it: bound it, so that
    such a run fails here (MemoryError or abort) instead of starving the machine."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))


@pytest.fixture(scope="module")
def busy(tmp_path_factory, build_cmd, change_figures, library_build, make_corpus):
    """A store being updated by a slow build, read all along, and a second build tried meanwhile."""
    tmp = tmp_path_factory.mktemp("busy")
    corpus, store, clean = make_corpus(tmp / "in", N), tmp / "kg", tmp / "clean"
    library_build(corpus, store)
    change_figures(corpus, every=1)  # every graph gets replaced

    writer = subprocess.Popen(build_cmd(corpus, store, mode="slow-small-chunks"), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, cwd=REPO)
    lines: list[str] = []
    started = threading.Event()

    def read_writer():
        for line in writer.stderr:
            lines.append(line)
            if line.startswith("@@article"):
                started.set()
        started.set()

    t = threading.Thread(target=read_writer, daemon=True)
    t.start()
    assert started.wait(180), "the build never started extracting"

    stop = tmp / "stop"
    reader = subprocess.Popen([sys.executable, "-c", _READER, str(store), str(stop)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, cwd=REPO,
                              preexec_fn=_at_most_6_gb)
    time.sleep(1)
    second = subprocess.run([sys.executable, "-m", "builder.cli", "build", str(corpus), "--store", str(store), "-q"],
                            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL, cwd=REPO)
    writer_out, _ = writer.communicate(timeout=600)
    t.join(10)
    stop.touch()
    reads, reader_err = reader.communicate(timeout=120)

    library_build(corpus, clean)
    return dict(store=store, clean=clean, writer_rc=writer.returncode, writer_err="".join(lines),
                second=second, reader_rc=reader.returncode, reader_err=reader_err,
                reads=[json.loads(line) for line in reads.splitlines()])


def test_a_second_build_is_refused_with_one_line(busy):
    second, store = busy["second"], busy["store"]
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    (line,) = second.stderr.splitlines()
    assert line.startswith(f"fakg: {store}: ") and "another process" in line, line


def test_the_first_build_is_not_disturbed(busy, dump):
    assert busy["writer_rc"] == 0 and "Traceback" not in busy["writer_err"], busy["writer_err"]
    assert dump(busy["store"]) == dump(busy["clean"])  # readers and the refused build changed nothing


def test_queries_during_a_build_answer_or_fail_with_one_line(busy):
    reads = busy["reads"]
    assert busy["reader_rc"] == 0 and "Traceback" not in busy["reader_err"], (busy["reader_rc"], busy["reader_err"][-2000:],
                                                                            busy["reads"][-3:])
    assert len(reads) >= 10, len(reads)  # the reader really ran during the build
    for r in reads:
        assert r["tb"] is None, r["tb"]
        assert r["rc"] in (0, 1), r
        if r["rc"] == 0:
            assert json.loads(r["out"])[0]["articles"] >= 1
        else:
            (line,) = r["err"].splitlines()
            assert line.startswith("fakg query: ") or line.startswith("fakg: "), line


def test_queries_during_a_build_see_whole_articles_or_say_busy(busy):
    for r in busy["reads"]:
        if r["rc"] == 0:
            assert json.loads(r["out"])[0]["pages"] == N, r["out"]  # (its pages are near-duplicates: 5 stories)
        else:
            assert "Corruption" not in r["err"] and ("busy" in r["err"] or "being written" in r["err"]), r["err"]


# --- the server -----------------------------------------------------------------------



def _ask(url: str, query: str):
    request = urllib.request.Request(url + "?query=" + urllib.parse.quote(query),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.load(response)["results"]["bindings"]


HASHES = "SELECT ?h WHERE { GRAPH ?g { ?g <https://w3id.org/fakg/ontology#contentHash> ?h } }"


def _fresh(url: str, corpus: Path) -> int:
    import hashlib

    want = {hashlib.sha256(f.read_text(encoding="utf-8").encode("utf-8")).hexdigest() for f in corpus.glob("*.txt")}
    return sum(b["h"]["value"] in want for b in _ask(url, HASHES))


def test_read_only_server_keeps_answering_during_a_build(tmp_path, build_cmd, change_figures, library_build, make_corpus):
    corpus, store = make_corpus(tmp_path / "in", 6), tmp_path / "kg"
    library_build(corpus, store)
    change_figures(corpus, every=1)
    with serve.Server(store, serve.free_port()) as server:
        building = subprocess.Popen(build_cmd(corpus, store, mode="slow-small-chunks"), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, cwd=REPO)
        answers = 0
        while building.poll() is None:
            assert len(_ask(server.query_url, HASHES)) == 6  # every answer a whole store, none an error
            answers += 1
            time.sleep(0.2)
        assert building.wait() == 0 and "Traceback" not in building.stderr.read()
        assert answers >= 3
        assert server.process.poll() is None  # still up
        assert len(_ask(server.query_url, HASHES)) == 6
        assert _fresh(server.query_url, corpus) == 6  # the build is seen as soon as it returns
    assert not any((store / "fakg" / "serve").iterdir())  # the snapshots went with the server


def test_build_under_a_read_only_server_is_refused_or_seen(tmp_path, change_figures, library_build, make_corpus):
    corpus, store = make_corpus(tmp_path / "in", 4), tmp_path / "kg"
    library_build(corpus, store)
    change_figures(corpus, every=1)
    with serve.Server(store, serve.free_port()) as server:
        p = subprocess.run([sys.executable, "-m", "builder.cli", "build", str(corpus), "--store", str(store), "-q"],
                           capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL, cwd=REPO)
        assert p.returncode == 1 or _fresh(server.query_url, corpus) == 4


def test_writable_server_and_build_one_refused_with_one_line(tmp_path, library_build, make_corpus):
    corpus, store = make_corpus(tmp_path / "in", 2), tmp_path / "kg"
    library_build(corpus, store)
    with serve.Server(store, serve.free_port(), writable=True):
        p = subprocess.run([sys.executable, "-m", "builder.cli", "build", str(corpus), "--store", str(store), "-q"],
                           capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL, cwd=REPO)
    assert p.returncode == 1 and "Traceback" not in p.stderr
    (line,) = p.stderr.splitlines()
    assert line.startswith(f"fakg: {store}: ") and "another process" in line, line


def test_writable_server_makes_queries_say_so_at_once(tmp_path, library_build, make_corpus):
    corpus, store = make_corpus(tmp_path / "in", 2), tmp_path / "kg"
    library_build(corpus, store)
    with serve.Server(store, serve.free_port(), writable=True) as server:
        started = time.monotonic()
        p = subprocess.run([sys.executable, "-m", "builder.cli", "query", "summary", "--store", str(store)],
                           capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=REPO)
        assert time.monotonic() - started < 30  # not the 60 s a reader waits for a build
    assert p.returncode == 1 and "Traceback" not in p.stderr
    (line,) = p.stderr.splitlines()
    assert line.startswith(f"fakg: {store}: ") and "serves it writable" in line and server.url in line, line
    p = subprocess.run([sys.executable, "-m", "builder.cli", "query", "summary", "--store", str(store)],
                       capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=REPO)
    assert p.returncode == 0, p.stderr  # once it stops


def test_a_reader_holds_off_a_write_window_and_a_window_holds_off_readers(tmp_path, change_figures, library_build, make_corpus):
    """In one process, with threads: the locks are on open files, not on processes."""
    from builder.build import build
    from builder.storage.access import reading
    from builder.storage.locks import StoreBusy, StoreLocks

    corpus, store = make_corpus(tmp_path / "in", 2), tmp_path / "kg"
    library_build(corpus, store)
    change_figures(corpus, every=1)
    done = []
    with reading(store) as s:
        before = len(s)
        t = threading.Thread(target=lambda: done.append(build([str(corpus)], store, workers=1)))
        t.start()
        time.sleep(3)
        assert not done and len(s) == before  # the build waits to write, and this reader reads on
    t.join(120)
    assert done and done[0].articles == 2
    with StoreLocks(store).writing():
        started = time.monotonic()
        with pytest.raises(StoreBusy, match=r"the store is busy: another process is writing it"):
            with reading(store, wait=0.5):
                pass
        assert time.monotonic() - started < 5


def test_read_only_commands_on_a_missing_store(tmp_path):
    for args in (["query", "summary"], ["facts", "--out", str(tmp_path / "f")], ["validate"]):
        p = subprocess.run([sys.executable, "-m", "builder.cli", *args, "--store", str(tmp_path / "none")],
                           capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=REPO)
        assert p.returncode == 1 and "Traceback" not in p.stderr, (args, p.stderr)
        assert len(p.stderr.splitlines()) == 1 and "no store here" in p.stderr, (args, p.stderr)
        assert not (tmp_path / "none").exists()  # nothing created by a reader
