"""``fakg serve``: the store behind a SPARQL endpoint, answered by Oxigraph's own HTTP server.

Oxigraph answers every query; ``fakg serve`` runs it as a child process on a
private address (:mod:`builder.storage.serve_children`) and owns the public
``127.0.0.1:PORT`` itself, with a proxy that checks each request before
forwarding it (:mod:`builder.storage.serve_proxy`, :mod:`builder.storage.serve_filter`): the
Host must be this server (DNS rebinding), writes must not come from another
site, ``SERVICE`` and ``LOAD`` may only call the endpoints allowed with
``allow_service``, bodies are capped, and every request has a time limit
(:data:`DEFAULT_TIMEOUT`).  A child left working on a request that timed out,
or whose client left, is replaced, since only stopping it stops the query.

* Read-only (the default): a snapshot of the store (a RocksDB checkpoint in
  ``STORE/fakg/serve/``, made while no build writes; hard links, so it costs
  no copy) is served by ``oxigraph serve-read-only``.  A build can run
  meanwhile: it never touches the snapshot, so every answer comes from a
  whole store, never from one being written.  When the build has written
  (the store's generation moves; looked at every 0.2 s), a new snapshot and
  a new child are made, new requests go to the new child, and the old one
  stops once its requests are answered: no downtime.  During a long build
  this happens at most every :attr:`Server.refresh_every` seconds; at its end
  at once, and the build waits (at most 20 s) until the servers serve what it
  wrote.  A spoiled child is replaced by a fresh one over the same snapshot
  and stopped once its other requests are done (each within its own time
  limit).  Updates and Graph Store writes get HTTP 403.
* ``writable=True``: ``oxigraph serve`` over the store itself, SPARQL Update
  too.  It holds the store's build lock and its write lock while it runs
  (see :mod:`builder.storage.locks`): ``fakg build`` is refused with one line, and
  ``fakg query`` says at once that the store is served writable.  The store
  opens in one process only, so a spoiled child is stopped (with the requests
  it was answering) and a new one started.

Both run with ``--union-default-graph`` so that a query without ``GRAPH``
sees every article, as ``fakg query`` does. Endpoints:
``http://127.0.0.1:PORT/query`` (SPARQL 1.1 Protocol, GET or POST),
``/update`` (writable only), ``/store`` (Graph Store Protocol), and ``/`` a
YASGUI query page for the browser.

Everything binds to the loopback interface only: it is meant for the
researcher's own machine.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from .serve_children import (Child, ServeError, Spawner, answers, oxigraph_executable, server_command, start_child,
                             terminate)
from .serve_proxy import DEFAULT_MAX_BODY, ProxyServer
from . import serve_records
from .locks import READ_WAIT, StoreBusy, StoreLocks

DEFAULT_PORT = 7878
HOST = "127.0.0.1"
#: seconds a request may take, by default (``fakg serve --timeout``)
DEFAULT_TIMEOUT = 60.0


def free_port(host: str = HOST) -> int:
    """A TCP port on ``host`` that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def port_is_free(port: int, host: str = HOST) -> bool:
    """True when nothing listens on ``host:port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1)
        return s.connect_ex((host, port)) != 0


class Server:
    """The store served over SPARQL on ``host:port``; use as a context manager so that it always stops.

    ``timeout_s``: seconds a request may take (None: no limit);
    ``allow_service``: the endpoints SERVICE (and LOAD) may call;
    ``max_body``: bytes a request body (or a query sent with GET) may hold;
    ``log``: a file for one-line notes (refusals, timeouts) and Oxigraph's output.

    >>> with Server("kg", port=free_port()) as server:   # doctest: +SKIP
    ...     server.query_url
    'http://127.0.0.1:…/query'
    """

    #: while a build runs, at most one new snapshot this often (seconds); at its end, at once
    refresh_every = 5.0
    #: how often the generation of the store is looked at (seconds)
    poll_every = 0.2
    #: how long a request waits for a child while one is being started (seconds)
    borrow_wait = 30.0
    #: how long a client may stall while sending its request or reading the answer (seconds)
    client_timeout = 60.0

    def __init__(self, store: str | os.PathLike, port: int = DEFAULT_PORT, *, writable: bool = False,
                 host: str = HOST, timeout_s: float | None = DEFAULT_TIMEOUT, allow_service: Iterable[str] = (),
                 max_body: int = DEFAULT_MAX_BODY, log=None):
        self.store, self.port, self.writable, self.host = Path(store), port, writable, host
        self.timeout_s = timeout_s or None
        self.allowed_services = frozenset(allow_service)
        self.max_body = max_body
        self.log = log
        self._child: Child | None = None  # serving now
        self._last = None  # its process, kept once stopped
        self._retiring: list[Child] = []
        self._spoiled: set[Child] = set()
        self._lock = threading.Condition()
        self._locks: StoreLocks | None = None
        self._slot = None
        self._record = None
        self._spawner: Spawner | None = None
        self._window = None  # writable: the write window held while serving
        self._httpd: ProxyServer | None = None
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._done = threading.Event()
        self._status = 0
        self._served: int | None = None
        self._switched = 0.0

    @property
    def process(self):
        """The Oxigraph server process answering now (the last one, once stopped); None before start."""
        with self._lock:
            return self._child.process if self._child is not None else self._last

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def query_url(self) -> str:
        return self.url + "query"

    @property
    def update_url(self) -> str:
        return self.url + "update"

    # -- starting

    def start(self, wait: float = 20.0) -> "Server":
        """Start the server and wait (up to ``wait`` seconds once the store may be read) until it answers a query."""
        if not self.store.is_dir():
            raise ServeError(f"{self.store}: no store here (run `fakg build` first)")
        if not port_is_free(self.port, self.host):
            raise ServeError(f"port {self.port} on {self.host} is in use (another server?); choose one with --port")
        try:
            self._start(wait)
        except StoreBusy as e:
            self.stop()
            raise ServeError(str(e)) from e
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self, wait: float) -> None:
        try:
            self._httpd = ProxyServer((self.host, self.port), self)
        except OSError as e:
            raise ServeError(f"port {self.port} on {self.host} is in use (another server?); choose one with --port") from e
        self._locks = StoreLocks(self.store)
        serve_records.clear_orphans(self._locks)
        self._spawner = Spawner()
        self._record = serve_records.child_record(self._locks)
        if self.writable:
            self._locks.hold_build(f"fakg serve --writable {self.url}")
            window = self._locks.writing(wait=READ_WAIT)
            window.__enter__()
            self._window = window
            self._install(self._start_child(self.store, wait))
        else:
            try:
                self._slot = serve_records.server_slot(self._locks)
            except OSError:  # the store folder cannot be written: serve it as it is (nobody can build into it)
                self._slot = None
            self._switch(wait)
        for target, name in ((self._httpd.serve_forever, "fakg-proxy"), (self._watch, "fakg-watch")):
            t = threading.Thread(target=target, name=name, daemon=True)
            t.start()
            self._threads.append(t)

    def _start_child(self, location: Path, wait: float = 20.0, snapshot: bool = False) -> Child:
        return start_child(self._spawner, location, writable=self.writable, snapshot=snapshot, wait=wait, log=self.log)

    def _switch(self, wait: float) -> None:
        """Snapshot the store, start a child over the snapshot, send new requests to it, retire the old one."""
        if self._slot is not None:
            location = self._slot.new_snapshot_path()
            try:
                generation = serve_records.snapshot(self._locks, location)
            except BaseException:
                shutil.rmtree(location, ignore_errors=True)
                raise
        else:
            location, generation = self.store, None
        try:
            child = self._start_child(location, wait, snapshot=self._slot is not None)
        except BaseException:
            if self._slot is not None:
                shutil.rmtree(location, ignore_errors=True)
            raise
        self._install(child)
        self._served, self._switched = generation, time.monotonic()
        if self._slot is not None:
            self._slot.serving(generation)
        self._retire()

    def _install(self, child: Child) -> None:
        """Send new requests to ``child``; the one it replaces retires (stopped once its requests are done)."""
        with self._lock:
            old, self._child, self._last = self._child, child, child.process
            if old is not None:
                self._retiring.append(old)
            self._lock.notify_all()
        self._note_children()

    def _note_children(self) -> None:
        """Write the running children into the store's record, for the next serve or build should this one be killed."""
        if self._record is not None:
            with self._lock:
                children = ([self._child] if self._child else []) + self._retiring
            try:
                self._record.write([(c.process.pid, c.location) for c in children if c.process.poll() is None])
            except OSError:
                pass

    # -- lending children to requests

    def borrow(self) -> Child | None:
        """The child to send a request to (waiting while one is being started); None when there is none."""
        deadline = time.monotonic() + self.borrow_wait
        with self._lock:
            while self._child is None or self._child.process.poll() is not None:
                left = deadline - time.monotonic()
                if self._stop.is_set() or left <= 0:
                    return None
                self._lock.wait(min(left, 0.2))
            self._child.inflight += 1
            return self._child

    def give_back(self, child: Child, spoiled: bool) -> None:
        """A request is done with ``child``; ``spoiled``: it was left working (timed out, or its client left)."""
        if spoiled:
            self.spoil(child)
        with self._lock:
            child.inflight -= 1
            self._lock.notify_all()

    def spoil(self, child: Child) -> None:
        """``child`` was left working: have it replaced (once, however often it is said).

        The proxy says so before it answers its client, so that a client which
        sends its next request as soon as it reads a 504 is never lent a
        writable child that is about to be stopped.
        """
        with self._lock:
            if child.spoiled:
                return
            child.spoiled = True
            self._spoiled.add(child)
            if self.writable and child is self._child:  # it is about to be stopped: no new request for it
                self._child = None
                self._retiring.append(child)
            self._lock.notify_all()
        self._wake.set()

    def note(self, message: str) -> None:
        """One line in the log (none when there is no log)."""
        if self.log is not None:
            try:
                print(f"fakg serve: {message}", file=self.log, flush=True)
            except (OSError, ValueError):
                pass

    # -- following the store, replacing children

    def _watch(self) -> None:
        """Replace spoiled and dead children, stop retired ones, follow the store's builds (read-only)."""
        failures = 0
        while True:
            self._wake.wait(self.poll_every)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self._replace_spoiled()
                self._retire()
                self._follow_store()
                failures = 0
            except (ServeError, StoreBusy, OSError, RuntimeError) as e:
                failures += 1
                self.note(str(e))
                with self._lock:
                    dead = self._child is None or self._child.process.poll() is not None
                if dead and failures >= 3:
                    self._status = 1
                    self._done.set()
                    return
                self._stop.wait(1.0)

    def _replace_spoiled(self) -> None:
        with self._lock:
            spoiled, self._spoiled = self._spoiled, set()
            current = self._child
        for child in spoiled:
            if self.writable:  # one process at a time over the store: stop it (set aside already), start anew
                self._retire(force=True)
                if current is None:
                    self._install(self._start_child(self.store))
                    current = self._child
                continue
            if child.process.poll() is not None:
                continue
            if child is not current:  # already retired: its other requests end within their own time limits
                self._stop_by_time_limit(child)
                continue
            self._install(self._start_child(child.location, snapshot=child.snapshot))
            self._stop_by_time_limit(child)

    def _stop_by_time_limit(self, child: Child) -> None:
        """Have a retired child stopped once its requests are done, and at the latest when their time is up."""
        with self._lock:
            child.stop_at = time.monotonic() + self.timeout_s if self.timeout_s else None

    def _retire(self, force: bool = False) -> None:
        """Stop the retired children that no request uses any more (or whose time is up; all with ``force``)."""
        now = time.monotonic()
        with self._lock:
            done = [c for c in self._retiring if force or c.inflight == 0 or c.process.poll() is not None
                    or (c.stop_at is not None and now >= c.stop_at)]
            self._retiring = [c for c in self._retiring if c not in done]
            in_use = {c.location for c in self._retiring} | ({self._child.location} if self._child else set())
        for c in done:
            terminate(c.process)
        for c in done:
            if c.snapshot and c.location not in in_use:
                shutil.rmtree(c.location, ignore_errors=True)
        if done:
            self._note_children()

    def _follow_store(self) -> None:
        with self._lock:
            dead = self._child is None or self._child.process.poll() is not None
        if self.writable:
            if dead:
                self._install(self._start_child(self.store))
            return
        generation, writing = self._locks.generation()
        changed = self._slot is not None and generation != self._served
        if dead or (changed and (not writing or time.monotonic() - self._switched >= self.refresh_every)):
            self._switch(20.0)

    # -- running and stopping

    def wait(self) -> int:
        """Block until the server stops or fails; return its exit status."""
        self._done.wait()
        return self._status

    def stop(self, grace: float = 5.0) -> None:
        """Stop the server (children: terminate, then kill after ``grace`` seconds) and let the store go."""
        self._stop.set()
        self._wake.set()
        if self._httpd is not None:
            if self._threads:
                self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        for t in self._threads:
            t.join(30)
        self._threads = []
        with self._lock:
            child, self._child = self._child, None
            if child is not None:
                self._retiring.append(child)
                self._last = child.process
            self._lock.notify_all()
        for c in list(self._retiring):
            terminate(c.process, grace)
        self._retire(force=True)
        if self._record is not None:
            self._record.close()
            self._record = None
        if self._spawner is not None:
            self._spawner.close()
            self._spawner = None
        if self._slot is not None:
            self._slot.close()
            self._slot = None
        if self._window is not None:  # writable: readers and servers see what was written
            n, _ = self._locks.generation()
            self._locks.set_generation(n + 1, writing=False)
            self._window.__exit__(None, None, None)
            self._window = None
        if self._locks is not None and self.writable:
            self._locks.release_build()
        self._done.set()

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def serve(store: str | os.PathLike, port: int = DEFAULT_PORT, *, writable: bool = False, host: str = HOST,
          timeout_s: float | None = DEFAULT_TIMEOUT, allow_service: Iterable[str] = (),
          max_body: int = DEFAULT_MAX_BODY, out=sys.stdout) -> int:
    """Serve ``store`` in the foreground until interrupted (Ctrl-C, SIGTERM); return the server's exit status."""
    server = Server(store, port, writable=writable, host=host, timeout_s=timeout_s, allow_service=allow_service,
                    max_body=max_body, log=sys.stderr).start()
    mode = "read-write (SPARQL Update accepted)" if writable else "read-only"
    limit = f"{server.timeout_s:g} s" if server.timeout_s else "no time limit"
    calls = ", ".join(sorted(server.allowed_services)) or "none (--allow-service URL)"
    print(f"fakg: serving {store} {mode}\n"
          f"  SPARQL endpoint  {server.query_url}\n"
          + (f"  SPARQL update    {server.update_url}\n" if writable else "")
          + f"  query page       {server.url}\n"
          f"  limits           {limit} and {max_body / (1 << 20):g} MB a request; SERVICE may call: {calls}\n"
          f"Ctrl-C stops the server.", file=out, flush=True)

    def interrupted(signum, frame):  # `kill` stops the server too, not only Ctrl-C
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # stopping takes a moment: a second signal must not break it
        previous_int = signal.signal(signal.SIGINT, signal.SIG_IGN)
        server.stop()
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
