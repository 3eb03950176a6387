"""Measure fakg end to end on a synthetic corpus, each figure next to its baseline from the same run.

    python -m benchmarks.run --articles 2000 --json

Figures (see benchmarks/README.md):

* ``floor_aps``: articles/s of hazm alone (``Normalizer().normalize``, then
  ``SentenceTokenizer().tokenize`` and ``WordTokenizer().tokenize`` over the page, the
  three built before the clock starts), one core: the least any Persian pipeline pays.
* ``extract_aps``: articles/s of :func:`builder.pipeline.process`, one core;
  ``graph_aps``: of :func:`builder.graph.graph.document_quads` + N-Quads serialisation.
* ``build_aps`` / ``quads_per_s``: ``fakg build`` of the whole corpus into a new
  store, all cores, in a child process so that the memory figures are the
  build's: ``peak_rss_mb`` the largest summed RSS of its process tree
  (sampled; counts pages the workers share once per worker), ``peak_pss_mb``
  the same in PSS, ``rusage_rss_mb`` ru_maxrss of the build process plus that
  of its largest child (RUSAGE_CHILDREN).
* ``incremental``: rebuild after changing 1% of the pages and adding 1% new ones
  (only those are extracted), and a rebuild with nothing changed.
* ``store_kb_per_article``: the store's size on disk after the build, per article;
  ``build_cpu_ms_per_article``, parent and workers; the parent's alone (it reads,
  hashes and loads, the workers extract), and what 16 workers would reach with it
  (``parent_bound_16_workers_aps``: 16 workers' rate, or the parent's, the lower).
* ``realpages``: the real-length pages of ``benchmarks/realpages/cache`` (not
  committed; skipped with a message when absent) built in one process: quads and
  store bytes per article, and the build's CPU per article against hazm's floor on
  the same texts (the models loaded before either clock starts).
* ``queries``: every query of ``queries/`` (top level) with the parameters of
  :data:`QUERY_PARAMS` (a question a researcher asks, not the whole store
  unfiltered): the first run's latency in a new process (the target) and the
  median of the runs after it, on the built store, next to the same query, with
  the same parameters, on an rdflib in-memory ``Dataset`` holding the same
  quads (the do-it-yourself baseline; rdflib gets :func:`sparql11` of the text).

Ratios compare with baselines measured in the same run, so they hold when the
machine's speed drifts; the targets of issue 18 are printed next to what was
measured (``targets``).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import generate

#: Issue 18's targets: (figure, how it compares, the target, what it is), printed next to what was measured.
TARGETS = [
    ("quads_per_article", "<=", 300, "quads per article"),
    ("store_kb_per_article", "<=", 55, "store KB per article"),
    ("build_cpu_ms_per_article", "<=", 12, "build CPU ms per article (parent + workers)"),
    ("build_parent_cpu_ms_per_article", "<=", 3, "parent CPU ms per article"),
    ("minutes_for_100k", "<=", 15, "minutes for 100,000 articles (extrapolated)"),
    ("peak_rss_mb", "<", 2048, "peak RSS MB, build process tree"),
    ("slowest_query_first_s", "<", 1.0, "slowest library query, first run, s"),
    ("realpages_quads_per_article", "<=", 150, "real pages: quads per article"),
    ("realpages_store_kb_per_article", "<=", 40, "real pages: store KB per article"),
    ("realpages_cpu_vs_floor", "<=", 4.5, "real pages: build CPU / hazm floor CPU"),
]
REALPAGES = Path(__file__).resolve().parent / "realpages" / "cache"

# The parameters each library query is timed with: the kind of question it is for (one official,
# one province and target group, one fact...), with values the synthetic corpus has (its provinces,
# agencies, programs and target groups come from the gazetteer and the scheme; «حیدر کیا» is one of
# its made-up officials). A query that declares parameters is not meant to list the whole store.
QUERY_PARAMS: dict[str, dict[str, str]] = {
    "articles-per-agency-month": {"agency_name": "ایسنا"},
    "co-mentions": {"actor_name": "حیدر کیا"},
    "conflicting-figures": {"province": "IR-24", "group": "working-and-street-children"},
    "events": {"event_kind": "visit", "province": "اردبیل"},
    "figures-by-official": {"person_name": "حیدر کیا"},
    "figures-by-province": {"province": "IR-24", "group": "working-and-street-children"},
    "latest-figure": {"province": "IR-24", "group": "working-and-street-children"},
    "officials": {"person_name": "حیدر کیا"},
    "organization-hierarchy": {"org_name": "بهزیستی استان اردبیل"},
    "programs": {"program_name": "خانه کودک", "province": "اردبیل"},
    "quotes-about-group": {"group": "out-of-school-children"},
    "source-sentence": {"fact": "person:حیدر کیا"},  # minted with builder.graph.iri.mint (the base may differ)
    "target-groups": {"group": "working-and-street-children"},
}


def query_params(name: str, bound: bool = True) -> dict[str, str]:
    """:data:`QUERY_PARAMS` of query ``name``, with ``kind:key`` values minted as IRIs ({} unless ``bound``)."""
    from builder.graph.iri import mint

    out = {}
    if not bound:
        return out
    for k, v in QUERY_PARAMS.get(name, {}).items():
        kind, _, key = v.partition(":")
        out[k] = mint(kind, key).value if key and kind in ("person", "place", "organization") else v
    return out


def sparql11(text: str) -> str:
    """``text`` without Oxigraph's LATERAL (SEP-0006), for engines that only know SPARQL 1.1 (rdflib).

    ``LATERAL { OPTIONAL { X } }`` becomes ``OPTIONAL { X }`` and ``LATERAL { X }`` the group
    ``{ X }``.  The library queries are written so that this is the same question: a LATERAL block
    only reads variables the block also binds or the query's parameters (see builder/use/sparql.py),
    so evaluating it once and joining gives the rows that evaluating it per row gives, only slower.
    """
    out, i = [], 0
    while (j := text.find("LATERAL", i)) >= 0:
        out.append(text[i:j])
        k = text.index("{", j)
        if not text[k + 1:].lstrip().startswith("OPTIONAL"):
            i = j + len("LATERAL")
            continue
        depth, m = 0, k  # drop the braces around OPTIONAL { X }
        while True:
            depth += {"{": 1, "}": -1}.get(text[m], 0)
            if depth == 0:
                break
            m += 1
        out.append(sparql11(text[k + 1:m]))
        i = m + 1
    return "".join(out) + text[i:]


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


# --- one-core rates on a sample ----------------------------------------------------------

def _sample_docs(corpus: Path, n: int):
    from builder.text.document import Document
    from builder.read.sources import iter_articles

    out = []
    for item in iter_articles([str(corpus)]):
        if isinstance(item, Document):
            out.append(item)
            if len(out) >= n:
                break
    return out


class HazmFloor:
    """hazm's normalise and tokenise as shipped, its models built once (before any clock starts)."""

    def __init__(self):
        from hazm import Normalizer, SentenceTokenizer, WordTokenizer

        self.normalizer, self.sentences, self.words = Normalizer(), SentenceTokenizer(), WordTokenizer()
        self(["گرم کردن."])

    def __call__(self, texts) -> None:
        for raw in texts:
            for sent in self.sentences.tokenize(self.normalizer.normalize(raw)):
                self.words.tokenize(sent)


def one_core_rates(corpus: Path, sample: int) -> dict:
    from pyoxigraph import RdfFormat, serialize

    from builder.runners import warm_up
    from builder.graph.graph import document_quads
    from builder.pipeline import process

    floor_of = HazmFloor()
    t = time.perf_counter()
    warm_up()
    warm = time.perf_counter() - t
    docs = _sample_docs(corpus, sample)

    t = time.perf_counter()
    floor_of(d.raw for d in docs)
    floor = len(docs) / (time.perf_counter() - t)

    t = time.perf_counter()
    for d in docs:
        process(d)
    extract = len(docs) / (time.perf_counter() - t)

    t = time.perf_counter()
    nquads = 0
    for d in docs:
        qs = document_quads(d)
        serialize(qs, format=RdfFormat.N_QUADS)
        nquads += len(qs)
    graph = len(docs) / (time.perf_counter() - t)
    return {"sample": len(docs), "warm_up_s": warm, "floor_aps": floor, "extract_aps": extract, "graph_aps": graph,
            "sample_quads_per_article": nquads / max(len(docs), 1),
            "kb_per_article": sum(len(d.raw.encode()) for d in docs) / 1024 / max(len(docs), 1)}


# --- a build in a child process ------------------------------------------------------------

class TreeRss:
    """Samples the memory of this process and its descendants (Linux /proc): summed RSS and summed PSS.

    RSS counts pages shared between processes (the workers share the models
    their fork server loaded) once per process, so its sum overstates;
    PSS divides each shared page among the processes sharing it.
    """

    def __init__(self, every: float = 1.0):
        self.every, self.peak_rss, self.peak_pss, self._stop = every, 0, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @staticmethod
    def _tree(me: int) -> list[int]:
        parents = {}
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    with open(f"/proc/{pid}/stat") as f:
                        parents[int(pid)] = int(f.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    pass
        out = []
        for pid in parents:
            p = pid
            while p and p != me:
                p = parents.get(p, 0)
            if p == me:
                out.append(pid)
        return out

    @staticmethod
    def _memory(pid: int) -> tuple[int, int]:
        rss = pss = 0
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss = int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss = int(line.split()[1]) * 1024
        except OSError:
            pass
        return rss, pss

    def _run(self):
        me = os.getpid()
        while not self._stop.is_set():
            rss = pss = 0
            for pid in self._tree(me):
                r, p = self._memory(pid)
                rss, pss = rss + r, pss + p
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self._stop.wait(self.every)


def _build_child(corpus: str, store: str, workers: int) -> None:
    """Entry point of the child process: build and print the figures as JSON."""
    from builder.build import build

    with TreeRss() as tree:
        t = time.perf_counter()
        r = build([corpus], store, workers=workers)
        wall = time.perf_counter() - t
    try:  # reap the fork server (and so its workers) so that RUSAGE_CHILDREN counts them
        from multiprocessing import forkserver

        forkserver._forkserver._stop()
    except Exception:
        pass
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    self_kb, child_kb = me.ru_maxrss, kids.ru_maxrss
    cpu = {"parent_cpu_s": me.ru_utime + me.ru_stime, "workers_cpu_s": kids.ru_utime + kids.ru_stime}
    print(json.dumps({"wall_s": wall, "articles": r.articles, "unchanged": r.unchanged, "extracted": r.extracted,
                      "quads": r.quads, "problems": len(r.problems), "first_problems": r.problems[:3],
                      "rusage_rss_mb": (self_kb + child_kb) / 1024, "peak_rss_tree_mb": tree.peak_rss / 2**20,
                      "peak_pss_tree_mb": tree.peak_pss / 2**20, **cpu}))


def build_in_child(corpus: Path, store: Path, workers: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.run", "--_build", str(corpus), str(store), str(workers)],
                         check=True, capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    return json.loads(out.stdout.strip().splitlines()[-1])


def store_bytes(store: Path) -> int:
    """The store's size on disk: RocksDB's files (fakg's lock folder left out)."""
    return sum(f.stat().st_size for f in store.iterdir() if f.is_file())


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _realpages_child(folder: str, store: str) -> None:
    """Entry point of the child process for :func:`realpages`: prints its figures as JSON."""
    from builder.build import build
    from builder.runners import warm_up
    from builder.read.sources import iter_articles

    floor_of = HazmFloor()
    warm_up()
    texts = [d.raw for d in iter_articles([folder]) if hasattr(d, "raw")]
    t = _cpu()
    floor_of(texts)
    floor = _cpu() - t
    t = _cpu()
    r = build([folder], store, workers=1)
    cpu = _cpu() - t
    print(json.dumps({"articles": r.articles, "quads": r.quads, "cpu_s": cpu, "floor_cpu_s": floor,
                      "store_bytes": store_bytes(Path(store))}))


def realpages(work: Path, folder: Path = REALPAGES) -> dict:
    """The real-length pages built in one process (see the module docstring), or why not."""
    if not folder.is_dir() or not any(folder.glob("*.txt")):
        return {"skipped": f"{folder} has no pages (they are not committed: see benchmarks/realpages/README.md)"}
    store = work / "kg-realpages"
    shutil.rmtree(store, ignore_errors=True)
    out = subprocess.run([sys.executable, "-m", "benchmarks.run", "--_realpages", str(folder), str(store)],
                         check=True, capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    n = max(r["articles"], 1)
    return {"articles": r["articles"], "quads_per_article": r["quads"] / n,
            "store_kb_per_article": r["store_bytes"] / 1024 / n, "cpu_ms_per_article": 1000 * r["cpu_s"] / n,
            "floor_cpu_ms_per_article": 1000 * r["floor_cpu_s"] / n, "cpu_vs_floor": r["cpu_s"] / max(r["floor_cpu_s"], 1e-9)}


CHANGED_MARK = ".changed-by-benchmark"


def change_corpus(corpus: Path, n: int, fraction: float, seed: int) -> tuple[int, int]:
    """Change ``fraction`` of the pages (one more sentence) and add as many new ones.

    Leaves :data:`CHANGED_MARK` in the corpus: a corpus kept with ``--workdir``
    is then written afresh by the next run, whose full build must see the pages
    as generated and whose incremental step must find something to change.
    """
    (corpus / CHANGED_MARK).touch()
    k = max(1, int(n * fraction))
    changed = 0
    step = max(1, n // k)
    for i in range(0, n, step):
        if changed >= k:
            break
        p = generate.page(i, seed)
        path = generate.page_path(corpus, p)
        if path is not None:
            path.write_text(generate.variant(p, i).text, encoding="utf-8")
            changed += 1
    added = generate.write(corpus, k, seed, start=n)
    return changed, added


# --- queries -------------------------------------------------------------------------------

def _consume(result) -> int:
    from pyoxigraph import QueryBoolean

    if isinstance(result, QueryBoolean):
        return 1
    return sum(1 for _ in result)


def _oxigraph_query(store_path: str, name: str, repeat: int, budget: float, bound: bool, conn) -> None:
    from builder.use.sparql import library, run
    from builder.storage.access import open_store

    try:
        store = open_store(store_path, read_only=True)
        q, params = library()[name], query_params(name, bound)
        t = time.perf_counter()
        rows = _consume(run(store, q, params))  # the first run warms the caches
        times = [time.perf_counter() - t]
        for _ in range(repeat):
            if sum(times) > budget:
                break
            t = time.perf_counter()
            _consume(run(store, q, params))
            times.append(time.perf_counter() - t)
        conn.send(("ok", statistics.median(times[1:] or times), rows, times[0]))
    except Exception as e:
        conn.send(("error", f"{type(e).__name__}: {e}", 0))


def _in_child(target, args, timeout: float):
    """Run ``target(*args, conn)`` in a forked child; its message, or None when killed at ``timeout``."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=target, args=(*args, child))
    p.start()
    message = parent.recv() if parent.poll(timeout) else None
    if message is None:
        p.kill()
    p.join()
    return message


def oxigraph_latencies(store_path: Path, repeat: int, timeout: float, bound: bool = True) -> dict:
    """Median latency of each library query (:data:`QUERY_PARAMS` if ``bound``) on the store, each in a child killed at ``timeout``."""
    from builder.use.sparql import library

    out = {}
    for name, q in library().items():
        if "SERVICE" in q.text.upper():
            out[name] = {"skipped": "federated (SERVICE): needs the network"}
            continue
        message = _in_child(_oxigraph_query, (str(store_path), name, repeat, min(timeout / 2, 10.0), bound), timeout)
        if message is None:
            out[name] = {"oxigraph_s": None, "oxigraph_timeout_s": timeout}
        elif message[0] == "ok":
            out[name] = {"params": query_params(name, bound), "rows": message[2], "oxigraph_s": message[1],
                         "first_s": message[3]}
        else:
            out[name] = {"error": message[1]}
    return out


def _rdflib_query(ds, text: str, bindings: dict, conn) -> None:
    t = time.perf_counter()
    try:
        rows = sum(1 for _ in ds.query(text, initBindings=bindings))
        conn.send(("ok", time.perf_counter() - t, rows))
    except Exception as e:
        conn.send(("error", f"{type(e).__name__}: {e}", 0))


def rdflib_latencies(store_path: Path, names: list[str], timeout: float, bound: bool = True) -> tuple[dict, dict]:
    """Load the store's quads into an rdflib Dataset, then time each query in a forked child (killed at ``timeout``)."""
    import rdflib

    from builder.graph.namespaces import PREFIXES
    from builder.use.sparql import bindings, library
    from builder.storage.access import open_store
    from pyoxigraph import RdfFormat

    store = open_store(store_path, read_only=True)
    data = store.dump(format=RdfFormat.N_QUADS)
    del store
    t = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=data, format="nquads")
    info = {"rdflib_load_s": time.perf_counter() - t, "rdflib_quads": len(ds)}
    del data
    lib = library()
    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    out = {}
    for name in names:
        q = lib[name]
        text = _with_prologue(sparql11(q.text), prologue)
        bound = {k: _rdflib_term(v) for k, v in bindings(q, query_params(name, bound)).items()}
        message = _in_child(_rdflib_query, (ds, text, bound), timeout)
        if message is None:
            out[name] = {"rdflib_s": None, "rdflib_timeout_s": timeout}
        elif message[0] == "ok":
            out[name] = {"rdflib_s": message[1], "rdflib_rows": message[2]}
        else:
            out[name] = {"rdflib_error": message[1]}
    return out, info


def _with_prologue(text: str, prologue: str) -> str:
    """Prefixes that the query leaves to Oxigraph's ``prefixes=``, declared for rdflib (after the comments)."""
    declared = {line.split()[1].rstrip(":") for line in text.splitlines() if line.upper().startswith("PREFIX ")}
    missing = "".join(line + "\n" for line in prologue.splitlines() if line.split()[1].rstrip(":") not in declared)
    return missing + text


def _rdflib_term(value):
    from builder.use.sparql import term

    t = term(str(value))
    import rdflib

    from pyoxigraph import Literal, NamedNode

    if isinstance(t, NamedNode):
        return rdflib.URIRef(t.value)
    if isinstance(t, Literal):
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))
    return rdflib.Literal(str(value))


# --- the whole run -------------------------------------------------------------------------

def run(a) -> dict:
    import pyoxigraph

    n = a.articles
    workers = a.workers or cores()
    work = Path(a.workdir or tempfile.mkdtemp(prefix="fakg-bench-"))
    corpus, store = work / "corpus", work / "kg"
    if store.exists():
        shutil.rmtree(store)
    out: dict = {"articles": n, "cores": cores(), "workers": workers, "python": platform.python_version(),
                 "pyoxigraph": pyoxigraph.__version__, "seed": a.seed}
    if (corpus / CHANGED_MARK).exists():
        shutil.rmtree(corpus)
    if not corpus.exists():
        t = time.perf_counter()
        generate.write(corpus, n, a.seed)
        out["generate_s"] = time.perf_counter() - t

    out.update(one_core_rates(corpus, min(a.sample, n)))
    b = build_in_child(corpus, store, workers)
    total = b["articles"] + b["unchanged"]
    out.update({"build_s": b["wall_s"], "build_aps": total / b["wall_s"], "quads": b["quads"],
                "quads_per_s": b["quads"] / b["wall_s"], "peak_rss_mb": b["peak_rss_tree_mb"],
                "peak_pss_mb": b["peak_pss_tree_mb"], "rusage_rss_mb": b["rusage_rss_mb"], "problems": b["problems"],
                "build_parent_cpu_ms_per_article": 1000 * b["parent_cpu_s"] / max(total, 1),
                "build_workers_cpu_ms_per_article": 1000 * b["workers_cpu_s"] / max(total, 1),
                "build_cpu_ms_per_article": 1000 * (b["parent_cpu_s"] + b["workers_cpu_s"]) / max(total, 1),
                "store_kb_per_article": store_bytes(store) / 1024 / max(total, 1),
                # what the build would do with the cores to itself (the machine may be shared)
                "build_cpu_bound_aps": total * cores() / max(b["parent_cpu_s"] + b["workers_cpu_s"], 1e-9)})
    if b["problems"]:
        out["first_problems"] = b["first_problems"]
    out["quads_per_article"] = b["quads"] / max(total, 1)  # as built (the sample's figure: sample_quads_per_article)
    # the parent reads, hashes and loads; N workers extract: a cluster's rate is the lower of the two
    parent_ms, worker_ms = out["build_parent_cpu_ms_per_article"], out["build_workers_cpu_ms_per_article"]
    out["parent_bound_16_workers_aps"] = min(16_000 / max(worker_ms, 1e-9), 1000 / max(parent_ms, 1e-9))
    out["realpages"] = realpages(work) if a.realpages else {"skipped": "--no-realpages"}

    if a.incremental:
        noop = build_in_child(corpus, store, workers)
        changed, added = change_corpus(corpus, n, 0.01, a.seed)
        inc = build_in_child(corpus, store, workers)
        out["incremental"] = {"noop_s": noop["wall_s"], "noop_extracted": noop["extracted"],
                              "changed": changed, "added": added, "s": inc["wall_s"], "extracted": inc["extracted"],
                              "written": inc["articles"],
                              "vs_full": inc["wall_s"] / b["wall_s"]}

    out["queries_bound"] = a.bound
    queries = oxigraph_latencies(store, a.repeat, a.timeout, a.bound)
    if a.rdflib and out["quads"] <= a.rdflib_max_quads:
        names = [k for k, v in queries.items() if "oxigraph_s" in v]
        base, info = rdflib_latencies(store, names, a.timeout, a.bound)
        out.update(info)
        for k, v in base.items():
            queries[k].update(v)
            ox = queries[k]["oxigraph_s"]
            if v.get("rdflib_s") and ox:
                queries[k]["speedup"] = v["rdflib_s"] / ox
            elif v.get("rdflib_timeout_s") and ox:
                queries[k]["speedup_at_least"] = v["rdflib_timeout_s"] / ox
    elif a.rdflib:
        out["rdflib_skipped"] = f"{out['quads']} quads is more than --rdflib-max-quads {a.rdflib_max_quads}"
    out["queries"] = queries

    c = out["cores"]
    steady = total / max(out["build_s"] - out["warm_up_s"], out["build_s"] / 2)
    out["build_steady_aps"] = steady
    ratios = {
        "extract_vs_floor": out["extract_aps"] / out["floor_aps"],
        "build_vs_floor": out["build_aps"] / (out["floor_aps"] * c),
        "build_vs_extract": out["build_aps"] / (out["extract_aps"] * c),
        "build_cpu_bound_vs_floor": out["build_cpu_bound_aps"] / (out["floor_aps"] * c),
        # the workers load their models once (warm_up_s, in parallel), then go at the steady rate
        "minutes_for_100k": (out["warm_up_s"] + 100_000 / steady) / 60,
    }
    out["ratios"] = ratios
    timed = [v for v in queries.values() if "oxigraph_s" in v]
    out["slowest_query_first_s"] = max((v["first_s"] if v["oxigraph_s"] is not None else float("inf") for v in timed),
                                       default=None)
    out["minutes_for_100k"] = ratios["minutes_for_100k"]
    rp = out["realpages"]
    if "skipped" not in rp:
        out.update({"realpages_quads_per_article": rp["quads_per_article"],
                    "realpages_store_kb_per_article": rp["store_kb_per_article"],
                    "realpages_cpu_vs_floor": rp["cpu_vs_floor"]})
    out["targets"] = targets(out)
    if not a.keep and not a.workdir:
        shutil.rmtree(work, ignore_errors=True)
    else:
        out["workdir"] = str(work)
    return out


def targets(out: dict) -> list[dict]:
    """Each target of :data:`TARGETS` with what this run measured and whether it is met (None: not measured)."""
    rows = []
    for figure, op, target, what in TARGETS:
        value = out.get(figure)
        met = None if value is None else (value <= target if op == "<=" else value < target)
        rows.append({"figure": figure, "what": what, "measured": value, "target": f"{op} {target}", "met": met})
    return rows


def report(out: dict) -> str:
    lines = [f"fakg benchmark: {out['articles']} articles, {out['cores']} cores, {out['workers']} workers "
             f"(python {out['python']}, pyoxigraph {out['pyoxigraph']})",
             f"  floor_aps    {out['floor_aps']:8.1f}  hazm normalise + tokenise, one core",
             f"  extract_aps  {out['extract_aps']:8.1f}  pipeline.process, one core   ({out['ratios']['extract_vs_floor']:.2f} x floor)",
             f"  graph_aps    {out['graph_aps']:8.1f}  document_quads + N-Quads, one core",
             f"  build_aps    {out['build_aps']:8.1f}  full build, all cores        ({out['ratios']['build_vs_floor']:.2f} x floor x cores; "
             f"{out['ratios']['build_vs_extract']:.2f} x extract x cores)",
             f"  cpu-bound    {out['build_cpu_bound_aps']:8.1f}  build articles/s if the cores were its own "
             f"(parent {out['build_parent_cpu_ms_per_article']:.1f} ms + workers {out['build_workers_cpu_ms_per_article']:.1f} ms CPU per article; "
             f"{out['ratios']['build_cpu_bound_vs_floor']:.2f} x floor x cores)",
             f"  quads_per_s  {out['quads_per_s']:8.0f}  ({out['quads']} quads, {out['quads_per_article']:.0f} per article; "
             f"store {out['store_kb_per_article']:.0f} KB per article)",
             f"  parent       {out['build_parent_cpu_ms_per_article']:8.1f}  ms CPU per article: 16 workers would reach "
             f"{out['parent_bound_16_workers_aps']:.0f} articles/s",
             f"  peak_rss_mb  {out['peak_rss_mb']:8.0f}  build process tree, summed RSS, sampled (PSS: {out['peak_pss_mb']:.0f}; "
             f"ru_maxrss self + largest child: {out['rusage_rss_mb']:.0f})",
             f"  100k articles: {out['ratios']['minutes_for_100k']:.1f} min (extrapolated: {out['warm_up_s']:.1f} s warm-up, "
             f"then {out['build_steady_aps']:.1f} articles/s)"]
    rp = out["realpages"]
    if "skipped" in rp:
        lines.append(f"  real pages: skipped: {rp['skipped']}")
    else:
        lines.append(f"  real pages: {rp['articles']} articles, {rp['quads_per_article']:.0f} quads and "
                     f"{rp['store_kb_per_article']:.0f} KB per article; build {rp['cpu_ms_per_article']:.1f} ms CPU per "
                     f"article, {rp['cpu_vs_floor']:.1f} x hazm's floor ({rp['floor_cpu_ms_per_article']:.1f} ms)")
    if "incremental" in out:
        i = out["incremental"]
        lines.append(f"  incremental: {i['changed']} changed + {i['added']} new -> {i['extracted']} extracted in {i['s']:.1f} s "
                     f"({i['vs_full']:.3f} x full build); nothing changed: {i['noop_s']:.1f} s")
    lines.append(f"  {'query':30} {'rows':>7} {'first s':>9} {'oxigraph s':>11} {'rdflib s':>10} {'speedup':>8}")
    for name, q in out["queries"].items():
        if "oxigraph_s" not in q:
            lines.append(f"  {name:30} {q.get('skipped') or q.get('error')}")
            continue
        ox = q["oxigraph_s"]
        ox_text = f"{ox:11.4f}" if ox is not None else f">{q['oxigraph_timeout_s']:10.0f}"
        first_text = f"{q['first_s']:9.4f}" if ox is not None else f"{'-':>9}"
        rd = q.get("rdflib_s")
        rd_text = f"{rd:10.3f}" if rd else (f">{q['rdflib_timeout_s']:9.0f}" if q.get("rdflib_timeout_s") else f"{'-':>10}")
        sp = q.get("speedup") or q.get("speedup_at_least")
        sp_text = (f"{sp:7.1f}x" if q.get("speedup") else f">{sp:6.0f}x") if sp else f"{'-':>8}"
        note = f"  rdflib: {q['rdflib_error'][:60]}" if q.get("rdflib_error") else ""
        if q.get("rdflib_rows") is not None and q["rdflib_rows"] != q.get("rows"):
            note += f"  rdflib rows: {q['rdflib_rows']}"
        lines.append(f"  {name:30} {q.get('rows', '-'):>7} {first_text} {ox_text} {rd_text} {sp_text}{note}")
    lines.append(f"  {'target':46} {'measured':>10} {'target':>9}  met")
    for t in out["targets"]:
        value = "-" if t["measured"] is None else f"{t['measured']:.1f}" if t["measured"] < 1000 else f"{t['measured']:.0f}"
        met = "-" if t["met"] is None else "yes" if t["met"] else "NO"
        lines.append(f"  {t['what']:46} {value:>10} {t['target']:>9}  {met}")
    return "\n".join(lines)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--_build":
        _build_child(argv[1], argv[2], int(argv[3]))
        return 0
    if argv and argv[0] == "--_realpages":
        _realpages_child(argv[1], argv[2])
        return 0
    ap = argparse.ArgumentParser(description="Benchmark fakg on a synthetic corpus")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=None, help="build workers (default: one per core)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sample", type=int, default=200, help="articles for the one-core rates")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of each query on the store (median)")
    ap.add_argument("--no-incremental", dest="incremental", action="store_false")
    ap.add_argument("--no-rdflib", dest="rdflib", action="store_false")
    ap.add_argument("--no-realpages", dest="realpages", action="store_false",
                    help="skip the real-length pages of benchmarks/realpages/cache")
    ap.add_argument("--unbound", dest="bound", action="store_false",
                    help="time the queries without their parameters (every row of the store)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before a query (either engine) is given up")
    ap.add_argument("--rdflib-max-quads", type=int, default=4_000_000, help="skip the rdflib baseline above this")
    ap.add_argument("--workdir", help="keep the corpus and store here (a corpus already there is reused)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args(argv)
    out = run(a)
    print(json.dumps(out, indent=2, ensure_ascii=False) if a.json else report(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
