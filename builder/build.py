"""``fakg build``: input files -> documents -> quads -> the store.

The library function :func:`build` and the CLI command mirror each other
(as in sqlite-utils): the CLI only parses arguments and prints.

Bad input never stops a batch: each problem (from reading, or an extractor
failing on one article) is reported as one line naming the file, and the
build goes on; nothing already stored is touched by a failed article.

How a build flows, streaming (memory stays flat however large the corpus)::

    iter_articles ──> hash check ──> batches ──> workers ──> in input order ──> Loader
    (read, decode,    (store index:   (bounded      (extract,    (unchanged?       (drop old graphs,
     SHA-256)          unchanged ones  in flight)    N-Quads      stale graphs?     bulk-load N-Quads,
                       never extracted)              bytes)       problems)         stamp)

* The parent reads and hashes every input, and asks the store (see
  :mod:`builder.store`: each graph records its source file, content hash and
  extractor version) whether this source was already built from this
  content; such an article is counted unchanged and never extracted.
* The others go in small batches to the workers: in-process
  (``workers=1``), a local process pool (``workers=N``), or a Dask cluster
  (``engine="dask"``).  A worker runs :func:`builder.pipeline.process` and
  returns the article's quads serialised as N-Quads bytes with a little
  metadata (graph IRI, quad count, or the problem), or writes them to a shard
  file in ``shards`` and returns its path; the quads include the article's
  entries in the store-wide name index (:mod:`builder.name_index`).  At
  most a few batches per worker are in flight, so neither inputs nor
  results pile up.
* Results are taken in input order, so the store, the report and the
  problem lines are the same whatever the number of workers: an article
  that comes out as a graph already written from the same content (a
  duplicate page, or a store built before the source index existed) is
  unchanged; otherwise its graph is replaced, and graphs its source produced
  earlier under another IRI are dropped.  An article written is placed in a
  story with its near-duplicates (:class:`builder.stories.Stories`, which
  looks the signature the worker computed up in the store), and the story
  is added to its graph.  :class:`builder.store.Loader`
  writes in chunks with Oxigraph's bulk loader on a thread of its own.
"""
from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import sys
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pyoxigraph import NamedNode, RdfFormat, serialize

from . import iri, name_index, stories
from .document import Document
from .graph import article_iri, document_quads, vocabulary_quads
from .name_index import index_quads
from .paths import shown
from .pipeline import process
from .sources import InputProblem, iter_articles, skipped_line
from .store import Loader, Writer, file_of, replace_graph, sources, stamped_size
from .stories import Stories, story_quads

ENGINES = ("local", "dask")
#: A local pool starts only when at least this many articles need extracting;
#: fewer are extracted in this process (quicker than starting the pool's fork server).
POOL_MIN_ARTICLES = 200


class EngineUnavailable(RuntimeError):
    """The engine asked for cannot run here (the dask extra is not installed)."""


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl-C during a build: what was extracted before it is stored; ``stored`` articles were written."""

    def __init__(self, report: "BuildReport", stored: int):
        super().__init__(f"interrupted; {stored} articles stored")
        self.report, self.stored = report, stored


@dataclass
class BuildReport:
    """What a build did.  Every article read is written, unchanged, recorded as a copy or failed
    (``read``), and was either extracted or known current by its content hash: ``read == extracted + known``."""

    articles: int = 0  # articles written to the store (new, or changed since the last build)
    unchanged: int = 0  # articles the store already had as they are (known by their hash, or equal once extracted)
    copies: int = 0  # files recorded as copies of an article read from another file (not written again)
    failed: int = 0  # articles whose extraction failed (each reported as a problem)
    quads: int = 0  # quads written in article graphs (the name index entries not counted)
    extracted: int = 0  # articles that went through extraction
    known: int = 0  # articles found current by their source and content hash, never extracted
    dropped: int = 0  # graphs removed because their source now yields an article under another IRI
    workers: int = 1
    engine: str = "local"
    problems: list[str] = field(default_factory=list)  # input problems (files, lines) and failed articles
    skipped: list[str] = field(default_factory=list)  # files in the folders given that are not pages (not read)

    @property
    def read(self) -> int:
        """Articles read from the inputs (a file that could not be read is a problem, not an article)."""
        return self.articles + self.unchanged + self.copies + self.failed

    @property
    def built_anything(self) -> bool:
        return self.articles + self.unchanged + self.copies > 0


class Progress:
    """A counter on a terminal, a line every few seconds otherwise (CI logs, pipes), and the last count.

    The rate is that of the articles after the first: before it come the
    models' loading and the pool's start, which are no measure of the build.
    """

    EVERY = 5.0  #: seconds between two lines when not on a terminal

    def __init__(self, stream=None, every: float | None = None, clock=time.monotonic):
        self.stream = sys.stderr if stream is None else stream  # the stderr of the moment, not of the import
        self.every = self.EVERY if every is None else every
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.clock = clock
        self.last = clock()
        self.first: float | None = None  # when the first article was done
        self.count = 0
        self.said = 0  # the count last written on a line of its own

    def line(self) -> str:
        """"N articles processed", with articles per second once there is a rate to give."""
        text = f"{self.count} article{'' if self.count == 1 else 's'} processed"
        elapsed = self.clock() - self.first if self.first is not None else 0.0
        if self.count > 1 and elapsed > 0:
            text += f" ({(self.count - 1) / elapsed:.1f}/s)"
        return text

    def tick(self, n: int = 1) -> None:
        now = self.clock()
        if self.first is None:
            self.first = now
        self.count += n
        if self.tty:
            self.stream.write(f"\r{self.line()}")
            self.stream.flush()
        elif now - self.last >= self.every:
            self.stream.write(self.line() + "\n")
            self.last, self.said = now, self.count

    def close(self) -> None:
        """End the counter's line on a terminal; elsewhere, give the final count if a line gave an earlier one."""
        if self.tty and self.count:
            self.stream.write("\n")
        elif not self.tty and 0 < self.said < self.count:
            self.stream.write(self.line() + "\n")


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def build(
    paths: Iterable[str],
    store_path: str | os.PathLike,
    *,
    force: bool = False,
    on_problem: Callable[[str], None] | None = None,
    on_notice: Callable[[str], None] | None = None,
    progress: Progress | None = None,
    workers: int | None = 1,
    engine: str = "local",
    scheduler=None,
    shards: str | os.PathLike | None = None,
    batch_size: int | None = None,
) -> BuildReport:
    """Build ``paths`` into the store at ``store_path``; return what happened.

    ``workers``: 1 extracts in this process; N > 1 uses a pool of N processes;
    None one per core (the CLI's default).  ``engine="dask"`` maps the batches
    on a Dask cluster instead: the one at ``scheduler`` (an address such as
    ``tcp://host:8786``, or a ``distributed.Client``), else a local cluster
    of ``workers`` processes.  With ``shards`` (a folder every worker and this
    process can reach) workers write their N-Quads there as shard files
    instead of sending them back.

    The store is written in write windows (:class:`builder.store.Writer`):
    another build meanwhile gets :class:`builder.store.StoreBusy`, readers
    see each window whole, and ``on_notice`` hears when the build waits for
    readers.  Ctrl-C stores what was extracted before it and raises
    :class:`BuildInterrupted`.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if workers is None or workers < 1:
        workers = default_workers()
    report = BuildReport(workers=workers, engine=engine)
    items = iter_articles(paths, skipped=report.skipped)
    head = _up_to_first_article(items)
    if not head or isinstance(head[-1], InputProblem):  # nothing to build: no store is made, none is opened
        for problem_ in head:
            report.problems.append(str(problem_))
            if on_problem:
                on_problem(str(problem_))
        return report
    items = itertools.chain(head, items)
    if shards is not None:
        os.makedirs(shards, exist_ok=True)
        shards = os.fspath(shards)
    store = Writer(store_path, what="fakg build", notice=on_notice)
    try:
        vocabulary, quads = _vocabulary()
        if force or not store.read(lambda s: set(s.quads_for_pattern(None, None, None, vocabulary)) == set(quads)):
            store.write(lambda s: replace_graph(s, vocabulary, quads))
        if store.read(name_index.pending):  # an earlier build was killed half-way
            store.write(name_index.settle)
        # A store without articles at the start needs no "already built?" lookups: each source comes
        # once in a build, so only a page repeated under two names can meet its own graph (found below).
        fresh = store.read(lambda s: next(sources(s), None) is None)
        loader = Loader(store, sent_once=engine == "local")  # Dask workers dedupe within a batch only
        placer = Stories(store.read, lambda g: loader.pending(g) is not None)
    except BaseException:
        store.close()
        raise
    runner: _Runner | None = None  # created when the first article needs extracting
    pending: deque = deque()  # (entries, future or None), in input order
    inflight = 0

    def problem(msg: str) -> None:
        report.problems.append(msg)
        if on_problem:
            on_problem(msg)

    def notice(msg: str) -> None:
        if on_notice:
            on_notice(shown(msg))

    def handle(entries, result) -> None:
        records, data = result if result is not None else ([], b"")
        if isinstance(data, str):  # a shard file
            with open(data, "rb") as f:
                blob = f.read()
            os.remove(data)
        else:
            blob = data
        view, offset, it = memoryview(blob), 0, iter(records)
        for entry in entries:
            kind = entry[0]
            if kind == "problem":
                problem(entry[1])
                continue
            if kind == "work":
                graph_iri, nquads, nbytes, msg, signature = next(it)
                nq, offset = view[offset:offset + nbytes], offset + nbytes
                report.extracted += 1
                if msg is not None:
                    report.failed += 1
                    problem(msg)
                else:
                    _store_result(entry[1], entry[2], NamedNode(graph_iri), nquads, nq, signature)
            else:  # "skip": current in the store, found by its hash
                report.unchanged += 1
                report.known += 1
            if progress:
                progress.tick()

    def _store_result(source: str, content_hash: str, graph: NamedNode, nquads: int, nq, signature: str | None) -> None:
        kept = _kept_file(graph)
        stale = [] if fresh else [g for g in store.graphs_of_source(source)
                                  if g != graph and loader.pending(g) is None]
        copied = [] if fresh else [g for g in store.graphs_copied_from(source) if g != graph]
        if kept not in (None, source):  # the article is already read from another file: this one is a copy
            loader.discard(nq)
            if not force and not (fresh or stale or copied) and (source, content_hash) in store.copies(graph):
                report.unchanged += 1
                return
            placer.dropping(stale)
            loader.add_copy(graph, source, content_hash, stale, copied)
            report.copies += 1
            report.dropped += len(stale)
            notice(f"{source}: the same article as {kept} ({graph.value}); {kept} is kept, "
                   f"this file is recorded as a copy")
            return
        if not force and kept == source and store.is_current(graph, content_hash):
            loader.discard(nq)
            report.unchanged += 1
            return
        placer.dropping(stale)
        told = story_quads(graph, placer.place(graph, signature))  # near-duplicate pages share a story
        nq = bytes(nq) + serialize(told, format=RdfFormat.N_QUADS)
        loader.add(graph, content_hash, nq, nquads + len(told), stale, source=source, forget=copied)
        report.articles += 1
        report.quads += nquads
        report.dropped += len(stale)

    def _kept_file(graph: NamedNode) -> str | None:
        """The file ``graph`` is read from, queued in this build or in the store; None when the article
        is new, or when its kept file is gone or was read by an older extractor (this file replaces it)."""
        queued = loader.queued_source(graph)
        if queued is not None:
            return queued
        record = store.kept(graph)
        if record is None or not (record.current and os.path.lexists(file_of(record.source))):
            return None
        return record.source

    held: list = []  # batches waiting to see whether a local pool is worth starting
    held_articles = 0

    def submit(entries: list, work: list, last: bool = False) -> None:
        nonlocal runner, held_articles
        if runner is None and work and engine == "local" and workers > 1:
            # Starting the pool costs a fork server that loads the models (several seconds):
            # a few articles to extract (a typical incremental build) go faster in this process.
            held.append((entries, work))
            held_articles += len(work)
            if held_articles < POOL_MIN_ARTICLES and not last:
                return
            runner = _Pool(workers) if held_articles >= POOL_MIN_ARTICLES else _InProcess()
            batches, held[:] = list(held), []
            for e, w in batches:
                dispatch(e, w)
            return
        if held and not work and not last:  # keep input order: this batch waits behind the held ones
            held.append((entries, work))
            return
        if held:  # the end of the input with too few articles for a pool
            held.append((entries, work))
            runner = _InProcess()
            batches, held[:] = list(held), []
            for e, w in batches:
                dispatch(e, w)
            return
        dispatch(entries, work)

    def dispatch(entries: list, work: list) -> None:
        nonlocal runner, inflight
        future = None
        if work:
            if runner is None:
                runner = _runner(engine, workers, scheduler)
            future = runner.submit(work, iri.base(), shards, token)
            inflight += 1
        pending.append((entries, future))
        while pending and (pending[0][1] is None or inflight >= runner.max_inflight):
            entries, future = pending.popleft()
            result = None
            if future is not None:
                result = future.result()
                inflight -= 1
            handle(entries, result)

    token = uuid.uuid4().hex  # this build, for the workers' memory of the index entries they sent
    size = batch_size or (16 if engine == "dask" else 4 if workers > 1 else 1)  # articles per batch
    entries: list = []  # what the batch being filled holds, in input order
    work: list = []  # the articles of it to extract
    try:
        for item in items:
            if isinstance(item, InputProblem):
                entries.append(("problem", str(item)))
            elif not force and not fresh and store.current_graph(item.source, item.content_hash) is not None:
                entries.append(("skip",))
            else:
                entries.append(("work", item.source, item.content_hash))
                work.append((item.source, item.stem, item.raw, item.given, item.content_hash))
            if len(work) >= size or len(entries) >= 256:
                submit(entries, work)
                entries, work = [], []
        if report.skipped:
            notice(skipped_line(report.skipped))
        submit(entries, work, last=True)
        while pending:
            entries, future = pending.popleft()
            handle(entries, future.result() if future is not None else None)
    except KeyboardInterrupt:
        interrupted = True
    else:
        interrupted = False
    finally:
        try:
            if runner is not None:
                runner.close()
            if progress:
                progress.close()
            loader.close()  # what was extracted is written, even after Ctrl-C
        finally:
            store.close()
    if interrupted:
        raise BuildInterrupted(report, loader.written)
    return report


def _up_to_first_article(items) -> list:
    """The input problems before the first article, and that article (if any), taken from ``items``.

    A build looks this far before it makes or opens the store: paths that name
    nothing readable (a typo) leave no empty store behind.
    """
    head = []
    for item in items:
        head.append(item)
        if not isinstance(item, InputProblem):
            break
    return head


def _vocabulary():
    quads = vocabulary_quads()
    return quads[0].graph_name, quads


# --- the worker side ----------------------------------------------------------

#: The name index entries this process has sent in the current build (:class:`builder.name_index.Sent`).
_SENT = name_index.Sent()


def extract_batch(work: list[tuple], base: str | None = None, shards: str | None = None, token: str | None = None):
    """Extract a batch of articles: ``(source, stem, raw, given, content_hash)`` each.

    Returns ``(records, data)``: one record per article, ``(graph IRI, quads
    in its graph once stamped, N-Quads byte length, None, its signature
    literal)`` or ``(None, 0, 0, problem line, None)``, and
    the articles' N-Quads concatenated in order as bytes, or the path of the
    shard file in ``shards`` that holds them.  The N-Quads hold each article's
    name index entries that this process has not sent before in build ``token``
    (with no token, those not sent before in this batch).
    """
    if base and iri.base() != base:
        iri.set_base(base)
    records, parts = [], []
    sent = _SENT if token is not None else name_index.Sent()
    token = token or "batch"
    for source, stem, raw, given, content_hash in work:
        doc = Document(source=source, stem=stem, raw=raw, given=dict(given), content_hash=content_hash)
        try:
            process(doc)
            if not doc.text.strip():
                records.append((None, 0, 0, shown(f"{source}: no article body found on the page"), None))
                continue
            graph = article_iri(doc)
            quads = document_quads(doc)
            entries = sent.unsent(index_quads(quads), token)
            data = serialize(quads + entries, format=RdfFormat.N_QUADS)
            count = stamped_size(quads, content_hash)
        except Exception as e:  # one bad article must not stop the batch
            records.append((None, 0, 0, shown(f"{source}: extraction failed: {type(e).__name__}: {e}"), None))
            continue
        sent.remember(entries)
        records.append((graph.value, count, len(data), None, stories.signature_in(quads)))
        parts.append(data)
    blob = b"".join(parts)
    if shards is None:
        return records, blob
    path = os.path.join(shards, f"part-{uuid.uuid4().hex}.nq")
    with open(path, "wb") as f:
        f.write(blob)
    return records, path


WARM_UP_TEXT = (
    "ایرنا - کد خبر: 1\n\nشناسایی ۱۲۰ کودک کار در تهران\n\n"
    "به گزارش ایرنا، علی محمدی مدیرکل بهزیستی استان تهران گفت: "
    "دو هزار و ۳۰۰ کودک کار و خیابانی در تهران و شهرری شناسایی شدند.\n"
)


def warm_up() -> None:
    """Load hazm's models, the gazetteer regexes and the lexicons (several seconds, once per process).

    Then ``gc.freeze()``: the models are millions of long-lived objects that
    every full garbage collection would walk again (about 0.5 ms per article),
    and walking them in a forked worker writes their reference counts' pages,
    undoing the copy-on-write sharing with the fork server.
    """
    process(Document(source="warm-up", stem="warm-up", raw=WARM_UP_TEXT, content_hash="0" * 64))
    gc.freeze()


# --- where batches run ----------------------------------------------------------

class _Runner:
    batch_size = 1
    max_inflight = 1

    def submit(self, work, base, shards, token):
        raise NotImplementedError

    def close(self) -> None:
        pass


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class _InProcess(_Runner):
    def submit(self, work, base, shards, token):
        return _Done(extract_batch(work, base, shards, token))


def _ignore_ctrl_c() -> None:
    """In a pool worker: Ctrl-C on the terminal reaches the whole process group; the build handles it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Pool(_Runner):
    """A local process pool whose workers start warm.

    Workers fork from a server process (multiprocessing's ``forkserver``) that
    loaded the pipeline once (:mod:`builder._warm`), so the models are loaded
    once per build rather than once per worker, and no worker inherits this
    process's threads (the loader, RocksDB's).  The pool is only created once
    :data:`POOL_MIN_ARTICLES` articles need extracting: a rebuild with a few
    changes extracts them in this process and starts none.  Where there is no fork server (Windows), workers are spawned
    and each loads the pipeline on its first batch.
    """

    def __init__(self, workers: int):
        from concurrent.futures import ProcessPoolExecutor

        if "forkserver" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["builder._warm"])
        else:
            ctx = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_ignore_ctrl_c)
        self.batch_size = 4
        self.max_inflight = 2 * workers + 2

    def submit(self, work, base, shards, token):
        return self.executor.submit(extract_batch, work, base, shards, token)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


class _Dask(_Runner):
    """Batches as tasks on a Dask cluster (``distributed``): the one at ``scheduler``, or a local one."""

    def __init__(self, workers: int, scheduler):
        try:
            from distributed import Client, LocalCluster
        except ImportError as e:
            raise EngineUnavailable("the dask engine needs the optional extra: pip install 'fakg[dask]'") from e
        import logging

        self.cluster = None
        if scheduler is None:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client, self.own_client = Client(self.cluster), True
        elif isinstance(scheduler, str):
            self.client, self.own_client = Client(scheduler), True
        else:  # a Client (or anything with submit/nthreads) given by the caller
            self.client, self.own_client = scheduler, False
        threads = sum(self.client.nthreads().values()) or workers
        self.batch_size = 16
        self.max_inflight = 2 * threads + 2

    def submit(self, work, base, shards, token):
        # a task may run twice, or on another worker than the batches before it: only within a batch
        return self.client.submit(extract_batch, work, base, shards, None, pure=False)

    def close(self) -> None:
        if self.own_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _runner(engine: str, workers: int, scheduler) -> _Runner:
    if engine == "dask":
        return _Dask(workers, scheduler)
    if workers > 1:
        return _Pool(workers)
    return _InProcess()
