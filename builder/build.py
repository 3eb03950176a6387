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
  :mod:`builder.storage.index`: each graph records its source file, content hash and
  extractor version) whether this source was already built from this
  content; such an article is counted unchanged and never extracted.
* The others go in small batches to the workers: in-process
  (``workers=1``), a local process pool (``workers=N``), or a Dask cluster
  (``engine="dask"``).  A worker runs :func:`builder.pipeline.process` and
  returns the article's quads serialised as N-Quads bytes with a little
  metadata (graph IRI, quad count, or the problem), or writes them to a shard
  file in ``shards`` and returns its path; the quads include the article's
  entries in the store-wide name index (:mod:`builder.graph.name_index`).  At
  most a few batches per worker are in flight, so neither inputs nor
  results pile up.
* Results are taken in input order, so the store, the report and the
  problem lines are the same whatever the number of workers: an article
  that comes out as a graph already written from the same content (a
  duplicate page, or a store built before the source index existed) is
  unchanged; otherwise its graph is replaced, and graphs its source produced
  earlier under another IRI are dropped.  An article written is placed in a
  story with its near-duplicates (:class:`builder.graph.stories.Stories`, which
  looks the signature the worker computed up in the store), and the story
  is added to its graph.  :class:`builder.storage.loader.Loader`
  writes in chunks with Oxigraph's bulk loader on a thread of its own.
"""
from __future__ import annotations

import itertools
import os
import sys
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pyoxigraph import NamedNode, RdfFormat, serialize

from .graph import iri, name_index
from .storage.access import Writer
from .storage.index import file_of, replace_graph, sources
from .storage.loader import Loader
from .read.paths import shown
from .runners import InProcess, Pool, Runner, runner
from .read.sources import InputProblem, iter_articles, skipped_line
from .graph.stories import Stories, story_quads
from .graph.vocabulary import vocabulary_quads

ENGINES = ("local", "dask")
#: A local pool starts only when at least this many articles need extracting;
#: fewer are extracted in this process (quicker than starting the pool's fork server).
POOL_MIN_ARTICLES = 200


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
) -> BuildReport:
    """Build ``paths`` into the store at ``store_path``; return what happened.

    ``workers``: 1 extracts in this process; N > 1 uses a pool of N processes;
    None one per core (the CLI's default).  ``engine="dask"`` maps the batches
    on a Dask cluster instead: the one at ``scheduler`` (an address such as
    ``tcp://host:8786``, or a ``distributed.Client``), else a local cluster
    of ``workers`` processes.  With ``shards`` (a folder every worker and this
    process can reach) workers write their N-Quads there as shard files
    instead of sending them back.

    The store is written in write windows (:class:`builder.storage.access.Writer`):
    another build meanwhile gets :class:`builder.storage.locks.StoreBusy`, readers
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
        for problem in head:
            report.problems.append(str(problem))
            if on_problem:
                on_problem(str(problem))
        return report
    if shards is not None:
        os.makedirs(shards, exist_ok=True)
        shards = os.fspath(shards)
    run = _Build(store_path, report, force=force, on_problem=on_problem, on_notice=on_notice, progress=progress,
                 engine=engine, scheduler=scheduler, shards=shards)
    return run.run(itertools.chain(head, items))


class _Build:
    """One build: the store open for writing, the batches in flight, the report so far.

    The parent's part of the flow in the module docstring: :meth:`run` reads
    the inputs and asks the store whether each is current, :meth:`submit` and
    :meth:`dispatch` send batches to the workers (holding the first ones back
    until a local pool is worth starting), and :meth:`handle` takes each
    batch's results in input order and queues what changed for the loader
    (:meth:`store_result`).
    """

    def __init__(self, store_path, report: BuildReport, *, force: bool, on_problem, on_notice, progress,
                 engine: str, scheduler, shards: str | None):
        self.report, self.force, self.on_problem, self.on_notice = report, force, on_problem, on_notice
        self.progress, self.engine, self.workers, self.scheduler, self.shards = (
            progress, engine, report.workers, scheduler, shards)
        self.runner: Runner | None = None  # created when the first article needs extracting
        self.pending: deque = deque()  # (entries, future or None), in input order
        self.inflight = 0
        self.held: list = []  # batches waiting to see whether a local pool is worth starting
        self.held_articles = 0
        self.token = uuid.uuid4().hex  # this build, for the workers' memory of the index entries they sent
        self.store = Writer(store_path, what="fakg build", notice=on_notice)
        try:
            self._prepare()
        except BaseException:
            self.store.close()
            raise

    def _prepare(self) -> None:
        """The vocabulary graph current, an earlier killed build's index marks settled, the loader started."""
        store = self.store
        vocabulary, quads = _vocabulary()
        if self.force or not store.read(lambda s: set(s.quads_for_pattern(None, None, None, vocabulary)) == set(quads)):
            store.write(lambda s: replace_graph(s, vocabulary, quads))
        if store.read(name_index.pending):  # an earlier build was killed half-way
            store.write(name_index.settle)
        # A store without articles at the start needs no "already built?" lookups: each source comes
        # once in a build, so only a page repeated under two names can meet its own graph (found below).
        self.fresh = store.read(lambda s: next(sources(s), None) is None)
        self.loader = Loader(store, sent_once=self.engine == "local")  # Dask workers dedupe within a batch only
        self.placer = Stories(store.read, lambda g: self.loader.pending(g) is not None)

    def run(self, items) -> BuildReport:
        """Read ``items`` (articles and input problems) in batches through the workers into the store."""
        size = 16 if self.engine == "dask" else 4 if self.workers > 1 else 1  # articles per batch
        entries: list = []  # what the batch being filled holds, in input order
        work: list = []  # the articles of it to extract
        try:
            for item in items:
                if isinstance(item, InputProblem):
                    entries.append(("problem", str(item)))
                elif not self.force and not self.fresh and self.store.current_graph(item.source, item.content_hash):
                    entries.append(("skip",))
                else:
                    entries.append(("work", item.source, item.content_hash))
                    work.append((item.source, item.stem, item.raw, item.given, item.content_hash))
                if len(work) >= size or len(entries) >= 256:
                    self.submit(entries, work)
                    entries, work = [], []
            if self.report.skipped:
                self.notice(skipped_line(self.report.skipped))
            self.submit(entries, work, last=True)
            while self.pending:
                entries, future = self.pending.popleft()
                self.handle(entries, future.result() if future is not None else None)
        except KeyboardInterrupt:
            interrupted = True
        else:
            interrupted = False
        finally:
            self.close()
        if interrupted:
            raise BuildInterrupted(self.report, self.loader.written)
        return self.report

    def close(self) -> None:
        """Stop the workers and write what was extracted (even after Ctrl-C), then let the store go."""
        try:
            if self.runner is not None:
                self.runner.close()
            if self.progress:
                self.progress.close()
            self.loader.close()
        finally:
            self.store.close()

    def problem(self, msg: str) -> None:
        self.report.problems.append(msg)
        if self.on_problem:
            self.on_problem(msg)

    def notice(self, msg: str) -> None:
        if self.on_notice:
            self.on_notice(shown(msg))

    # -------------------------------------------------------------- sending batches

    def submit(self, entries: list, work: list, last: bool = False) -> None:
        """Send a batch, or hold it back while too few articles were seen to start a local pool."""
        if self.runner is None and work and self.engine == "local" and self.workers > 1:
            # Starting the pool costs a fork server that loads the models (several seconds):
            # a few articles to extract (a typical incremental build) go faster in this process.
            self.held.append((entries, work))
            self.held_articles += len(work)
            if self.held_articles < POOL_MIN_ARTICLES and not last:
                return
            self._release(Pool(self.workers) if self.held_articles >= POOL_MIN_ARTICLES else InProcess())
            return
        if self.held and not work and not last:  # keep input order: this batch waits behind the held ones
            self.held.append((entries, work))
            return
        if self.held:  # the end of the input with too few articles for a pool
            self.held.append((entries, work))
            self._release(InProcess())
            return
        self.dispatch(entries, work)

    def _release(self, runner: Runner) -> None:
        """Dispatch the held batches to ``runner``, now that it is chosen."""
        self.runner = runner
        batches, self.held[:] = list(self.held), []
        for entries, work in batches:
            self.dispatch(entries, work)

    def dispatch(self, entries: list, work: list) -> None:
        """Send a batch to the runner, and handle the results that are due, in input order."""
        future = None
        if work:
            if self.runner is None:
                self.runner = runner(self.engine, self.workers, self.scheduler)
            future = self.runner.submit(work, iri.base(), self.shards, self.token)
            self.inflight += 1
        self.pending.append((entries, future))
        while self.pending and (self.pending[0][1] is None or self.inflight >= self.runner.max_inflight):
            entries, future = self.pending.popleft()
            result = None
            if future is not None:
                result = future.result()
                self.inflight -= 1
            self.handle(entries, result)

    # -------------------------------------------------------------- taking results

    def handle(self, entries: list, result) -> None:
        """A batch's results (records and N-Quads, or a shard file), article by article, in input order."""
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
                self.problem(entry[1])
                continue
            if kind == "work":
                graph_iri, nquads, nbytes, msg, signature = next(it)
                nq, offset = view[offset:offset + nbytes], offset + nbytes
                self.report.extracted += 1
                if msg is not None:
                    self.problem(msg)
                if graph_iri is None:  # extraction failed: nothing to store
                    self.report.failed += 1
                else:  # stored, perhaps without what a failed extractor would have found (``msg``)
                    self.store_result(entry[1], entry[2], NamedNode(graph_iri), nquads, nq, signature)
            else:  # "skip": current in the store, found by its hash
                self.report.unchanged += 1
                self.report.known += 1
            if self.progress:
                self.progress.tick()

    def store_result(self, source: str, content_hash: str, graph: NamedNode, nquads: int, nq,
                     signature: str | None) -> None:
        """One extracted article: unchanged, a copy of one read from another file, or queued to be written."""
        store, loader, report = self.store, self.loader, self.report
        kept = self.kept_file(graph)
        stale = [] if self.fresh else [g for g in store.graphs_of_source(source)
                                       if g != graph and loader.pending(g) is None]
        copied = [] if self.fresh else [g for g in store.graphs_copied_from(source) if g != graph]
        if kept not in (None, source):  # the article is already read from another file: this one is a copy
            loader.discard(nq)
            if not self.force and not (self.fresh or stale or copied) and (source, content_hash) in store.copies(graph):
                report.unchanged += 1
                return
            self.placer.dropping(stale)
            loader.add_copy(graph, source, content_hash, stale, copied)
            report.copies += 1
            report.dropped += len(stale)
            self.notice(f"{source}: the same article as {kept} ({graph.value}); {kept} is kept, "
                        f"this file is recorded as a copy")
            return
        if not self.force and kept == source and store.is_current(graph, content_hash):
            loader.discard(nq)
            report.unchanged += 1
            return
        self.placer.dropping(stale)
        told = story_quads(graph, self.placer.place(graph, signature))  # near-duplicate pages share a story
        nq = bytes(nq) + serialize(told, format=RdfFormat.N_QUADS)
        loader.add(graph, content_hash, nq, nquads + len(told), stale, source=source, forget=copied)
        report.articles += 1
        report.quads += nquads
        report.dropped += len(stale)

    def kept_file(self, graph: NamedNode) -> str | None:
        """The file ``graph`` is read from, queued in this build or in the store; None when the article
        is new, or when its kept file is gone or was read by an older extractor (this file replaces it)."""
        queued = self.loader.queued_source(graph)
        if queued is not None:
            return queued
        record = self.store.kept(graph)
        if record is None or not (record.current and os.path.lexists(file_of(record.source))):
            return None
        return record.source


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
