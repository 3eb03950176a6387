"""Where a build's articles are extracted: the worker side of :mod:`builder.build`.

A worker runs :func:`extract_batch` on a batch of articles: the pipeline
(:func:`builder.pipeline.process`) and the graph writer, then returns the
articles' quads as N-Quads bytes with a little metadata, or writes them to a
shard file.  A :class:`Runner` runs batches in this process
(:class:`InProcess`), in a local process pool whose workers fork warm from a
server that loaded the models once (:class:`Pool`), or on a Dask cluster
(:class:`Dask`).
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import uuid

from pyoxigraph import RdfFormat, serialize

from .graph import iri, name_index, stories
from .text.document import Document
from .graph.graph import article_iri, document_quads
from .storage.index import stamped_size
from .graph.name_index import index_quads
from .read.paths import shown
from .pipeline import process


class EngineUnavailable(RuntimeError):
    """The engine asked for cannot run here (the dask extra is not installed)."""


#: The name index entries this process has sent in the current build (:class:`builder.graph.name_index.Sent`).
_SENT = name_index.Sent()


def extract_batch(work: list[tuple], base: str | None = None, shards: str | None = None, token: str | None = None):
    """Extract a batch of articles: ``(source, stem, raw, given, content_hash)`` each.

    Returns ``(records, data)``: one record per article, ``(graph IRI, quads
    in its graph once stamped, N-Quads byte length, None or the line naming the
    extractors that failed on it, its signature literal)`` or ``(None, 0, 0,
    problem line, None)``, and
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
        partial = shown(f"{source}: stored without some facts: {'; '.join(doc.problems)}") if doc.problems else None
        records.append((graph.value, count, len(data), partial, stories.signature_in(quads)))
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


class Runner:
    """Where batches of articles are extracted: ``submit`` returns a future of :func:`extract_batch`'s result."""

    max_inflight = 1  #: batches in flight at most, so that neither inputs nor results pile up

    def submit(self, work, base, shards, token):
        raise NotImplementedError

    def close(self) -> None:
        pass


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class InProcess(Runner):
    def submit(self, work, base, shards, token):
        return _Done(extract_batch(work, base, shards, token))


def _ignore_ctrl_c() -> None:
    """In a pool worker: Ctrl-C on the terminal reaches the whole process group; the build handles it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Pool(Runner):
    """A local process pool whose workers start warm.

    Workers fork from a server process (multiprocessing's ``forkserver``) that
    loaded the pipeline once (:mod:`builder._warm`), so the models are loaded
    once per build rather than once per worker, and no worker inherits this
    process's threads (the loader, RocksDB's).  The pool is only created once
    :data:`builder.build.POOL_MIN_ARTICLES` articles need extracting: a rebuild with a few
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
        self.max_inflight = 2 * workers + 2

    def submit(self, work, base, shards, token):
        return self.executor.submit(extract_batch, work, base, shards, token)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


class Dask(Runner):
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
        self.max_inflight = 2 * threads + 2

    def submit(self, work, base, shards, token):
        # a task may run twice, or on another worker than the batches before it: only within a batch
        return self.client.submit(extract_batch, work, base, shards, None, pure=False)

    def close(self) -> None:
        if self.own_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def runner(engine: str, workers: int, scheduler) -> Runner:
    """The runner of ``engine`` with ``workers`` (a Dask cluster at ``scheduler``, or a local one)."""
    if engine == "dask":
        return Dask(workers, scheduler)
    if workers > 1:
        return Pool(workers)
    return InProcess()
