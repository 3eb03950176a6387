"""``fakg serve``: the store behind a SPARQL endpoint, with Oxigraph's own HTTP server.

The ``oxigraph`` package from PyPI (a dependency of fakg) installs the
Oxigraph server as the ``oxigraph`` command next to the Python interpreter.
It reads the same RocksDB directory that pyoxigraph writes, so the store
built by ``fakg build`` is served as it is; Oxigraph answers every query.

* Read-only (the default): a snapshot of the store (a RocksDB checkpoint in
  ``STORE/fakg/serve/``, made while no build writes; hard links, so it costs
  no copy) is served by ``oxigraph serve-read-only --location SNAPSHOT`` on a
  private port, behind a small proxy in this process that owns the public
  ``127.0.0.1:PORT`` and forwards requests and answers as they are.  A
  build can run meanwhile: it never touches the snapshot, so every answer
  comes from a whole store, never from one being written.  When the build
  has written (the store's generation moves; looked at every 0.2 s), a new
  snapshot and a new child are made, new requests go to the new child, and
  the old one stops once its requests are answered: no downtime.  During a
  long build this happens at most every :attr:`Server.refresh_every` seconds;
  at its end at once, and the build waits (at most 20 s) until the
  servers serve what it wrote.  Updates and Graph Store writes get HTTP 403.
* ``writable=True``: ``oxigraph serve --location STORE`` on the public port,
  SPARQL Update too.  It holds the store's build lock and its write lock
  while it runs (see :mod:`builder.store`): ``fakg build`` is refused with
  one line, and ``fakg query`` says at once that the store is served
  writable.

Both run with ``--union-default-graph`` so that a query without ``GRAPH``
sees every article, as ``fakg query`` does. Endpoints:
``http://127.0.0.1:PORT/query`` (SPARQL 1.1 Protocol, GET or POST),
``/update`` (writable only), ``/store`` (Graph Store Protocol), and ``/`` a
YASGUI query page for the browser.

Everything binds to 127.0.0.1 only: it is meant for the researcher's own
machine.
"""
from __future__ import annotations

import http.client
import http.server
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from .store import READ_WAIT, ServerSlot, StoreBusy, StoreLocks

DEFAULT_PORT = 7878
HOST = "127.0.0.1"


class ServeError(RuntimeError):
    """The server could not be found, started or reached."""


def oxigraph_executable() -> str:
    """Path of the ``oxigraph`` command: beside this Python (a venv's bin/), else on PATH."""
    here = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    if here.exists():
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ServeError("the `oxigraph` server command is not installed (pip install oxigraph)")


def server_command(store: str | os.PathLike, port: int = DEFAULT_PORT, *, writable: bool = False,
                   host: str = HOST, timeout_s: int | None = None) -> list[str]:
    """The command line that serves ``store`` on ``host:port``."""
    cmd = [oxigraph_executable(), "serve" if writable else "serve-read-only",
           "--location", str(store), "--bind", f"{host}:{port}", "--union-default-graph"]
    if timeout_s:
        cmd += ["--timeout-s", str(timeout_s)]
    return cmd


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


class _Child:
    """One Oxigraph server process, on a private port, over one location (a snapshot or the store)."""

    def __init__(self, process: subprocess.Popen, port: int, location: Path, snapshot: bool):
        self.process, self.port, self.location, self.snapshot = process, port, location, snapshot
        self.inflight = 0  # requests being forwarded to it


_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
               "transfer-encoding", "upgrade", "proxy-connection", "content-length", "expect"}


class _Proxy(http.server.BaseHTTPRequestHandler):
    """Forwards a request to the current Oxigraph child and streams its answer back."""

    # HTTP/1.1 for "Expect: 100-continue" (curl sends it with a long query); every answer closes the
    # connection, so a body of unknown length simply ends with it
    protocol_version = "HTTP/1.1"
    server_version = "fakg"

    def _forward(self) -> None:
        owner: Server = self.server.owner
        body = self._body()
        child = owner._borrow()
        if child is None:
            self._fail(503, "the store is not being served right now (starting or stopping); try again")
            return
        try:
            conn = http.client.HTTPConnection(owner.host, child.port, timeout=owner._child_timeout)
            try:
                conn.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
                for name, value in self.headers.items():
                    if name.lower() not in _HOP_BY_HOP:
                        conn.putheader(name, value)
                if body is not None:
                    conn.putheader("Content-Length", str(len(body)))
                conn.endheaders(body)
                response = conn.getresponse()
            except OSError:
                conn.close()
                self._fail(502, "the Oxigraph server did not answer")
                return
            # an answer of unknown length (Oxigraph streams results) is sent chunked to an HTTP/1.1
            # client (some, like Oxigraph's own SERVICE client, want a length or chunks)
            bodyless = self.command == "HEAD" or response.status in (204, 304) or response.status < 200
            chunked = (not bodyless and response.getheader("Content-Length") is None
                       and self.request_version == "HTTP/1.1")
            try:
                self.send_response_only(response.status, response.reason)
                for name, value in response.getheaders():
                    if name.lower() not in _HOP_BY_HOP or name.lower() == "content-length":
                        self.send_header(name, value)
                if chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                self.send_header("Connection", "close")
                self.end_headers()
                while not bodyless:
                    data = response.read1(1 << 16)
                    if not data:
                        break
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)
                if chunked:
                    self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):  # the client went away
                pass
            finally:
                conn.close()
        finally:
            owner._give_back(child)

    def _body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            parts = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):  # trailers
                        pass
                    return b"".join(parts)
                parts.append(self.rfile.read(size))
                self.rfile.readline()
        length = self.headers.get("Content-Length")
        if length is not None:
            return self.rfile.read(int(length))
        return None

    def _fail(self, status: int, message: str) -> None:
        data = (message + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _forward

    def log_message(self, format, *args) -> None:  # the Oxigraph child logs what matters
        pass


class _ProxyServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True  # a restart need not wait for TIME_WAIT (Linux: still one listener a port)


class Server:
    """The store served over SPARQL on ``host:port``; use as a context manager so that it always stops.

    Read-only (the default): the public port is a small proxy in this process
    that forwards every request to an ``oxigraph serve-read-only`` child on a
    private port, serving a snapshot of the store (see the module doc); a new
    child takes over when a build has written the store.  ``writable=True``:
    ``oxigraph serve`` itself on the public port, over the store, holding the
    store's build lock and write lock until it stops.

    >>> with Server("kg", port=free_port()) as server:   # doctest: +SKIP
    ...     server.query_url
    'http://127.0.0.1:…/query'
    """

    #: while a build runs, at most one new snapshot this often (seconds); at its end, at once
    refresh_every = 5.0
    #: how often the generation of the store is looked at (seconds)
    poll_every = 0.2

    def __init__(self, store: str | os.PathLike, port: int = DEFAULT_PORT, *, writable: bool = False,
                 host: str = HOST, timeout_s: int | None = None, log=None):
        self.store, self.port, self.writable, self.host = Path(store), port, writable, host
        self.timeout_s = timeout_s
        self.log = log  # file object for the server's output (default: discarded)
        self._child: _Child | None = None  # serving now
        self._last: subprocess.Popen | None = None
        self._retiring: list[_Child] = []
        self._lock = threading.Condition()
        self._locks: StoreLocks | None = None
        self._slot: ServerSlot | None = None
        self._window = None  # writable: the write window held while serving
        self._httpd: _ProxyServer | None = None
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._done = threading.Event()
        self._status = 0
        self._served: int | None = None
        self._switched = 0.0

    @property
    def process(self) -> subprocess.Popen | None:
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

    @property
    def _child_timeout(self) -> float | None:
        return None if not self.timeout_s else self.timeout_s + 60

    def start(self, wait: float = 20.0) -> "Server":
        """Start the server and wait (up to ``wait`` seconds once the store may be read) until it answers a query."""
        if not self.store.is_dir():
            raise ServeError(f"{self.store}: no store here (run `fakg build` first)")
        if not port_is_free(self.port, self.host):
            raise ServeError(f"port {self.port} on {self.host} is in use (another server?); choose one with --port")
        try:
            if self.writable:
                self._start_writable(wait)
            else:
                self._start_read_only(wait)
        except StoreBusy as e:
            self.stop()
            raise ServeError(str(e)) from e
        except BaseException:
            self.stop()
            raise
        return self

    def _start_writable(self, wait: float) -> None:
        self._locks = StoreLocks(self.store)
        self._locks.hold_build(f"fakg serve --writable {self.url}")
        window = self._locks.writing(wait=READ_WAIT)
        window.__enter__()
        self._window = window
        self._child = self._spawn(self.store, self.port, wait, writable=True, snapshot=False)

    def _start_read_only(self, wait: float) -> None:
        try:
            self._httpd = _ProxyServer((self.host, self.port), _Proxy)
        except OSError as e:
            raise ServeError(f"port {self.port} on {self.host} is in use (another server?); choose one with --port") from e
        self._httpd.owner = self
        self._locks = StoreLocks(self.store)
        try:
            self._slot = self._locks.server_slot()
        except OSError:  # the store folder cannot be written: serve it as it is (nobody can build into it)
            self._slot = None
        self._switch(wait)
        for target, name in ((self._httpd.serve_forever, "fakg-proxy"), (self._watch, "fakg-watch")):
            t = threading.Thread(target=target, name=name, daemon=True)
            t.start()
            self._threads.append(t)

    def _spawn(self, location: Path, port: int, wait: float, *, writable: bool, snapshot: bool) -> _Child:
        cmd = server_command(location, port, writable=writable, host=self.host, timeout_s=self.timeout_s)
        if self.log is None:
            process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                       stdin=subprocess.DEVNULL)
        elif writable:
            process = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        else:  # its "Listening for requests at" names the private port: not for the user
            process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL, text=True, errors="replace")
            threading.Thread(target=_relay, args=(process.stdout, self.log), daemon=True).start()
        child = _Child(process, port, location, snapshot)
        self._last = process
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise ServeError(f"the Oxigraph server exited at once (status {process.returncode}); "
                                 f"is port {port} taken, or the store open for writing elsewhere?")
            if _ready(self.host, port):
                return child
            time.sleep(0.02)
        _terminate(process)
        raise ServeError(f"the Oxigraph server did not answer on http://{self.host}:{port}/ within {wait:.0f} s")

    def _switch(self, wait: float) -> None:
        """Snapshot the store, start a child over the snapshot, send new requests to it, retire the old one."""
        if self._slot is not None:
            location = self._slot.new_snapshot_path()
            try:
                generation = self._locks.snapshot(location)
            except BaseException:
                shutil.rmtree(location, ignore_errors=True)
                raise
        else:
            location, generation = self.store, None
        try:
            child = None
            for attempt in range(3):  # a private port taken meanwhile by someone else: another one
                try:
                    child = self._spawn(location, free_port(self.host), wait, writable=False,
                                        snapshot=self._slot is not None)
                    break
                except ServeError:
                    if attempt == 2:
                        raise
        except BaseException:
            if self._slot is not None:
                shutil.rmtree(location, ignore_errors=True)
            raise
        with self._lock:
            old, self._child = self._child, child
            if old is not None:
                self._retiring.append(old)
        self._served, self._switched = generation, time.monotonic()
        if self._slot is not None:
            self._slot.serving(generation)
        self._retire()

    def _borrow(self) -> _Child | None:
        with self._lock:
            child = self._child
            if child is not None:
                child.inflight += 1
            return child

    def _give_back(self, child: _Child) -> None:
        with self._lock:
            child.inflight -= 1
            self._lock.notify_all()

    def _retire(self, force: bool = False) -> None:
        """Stop the children that no request uses any more (all of them with ``force``) and drop their snapshots."""
        with self._lock:
            done = [c for c in self._retiring if force or c.inflight == 0]
            self._retiring = [c for c in self._retiring if c not in done]
        for c in done:
            _terminate(c.process)
            if c.snapshot:
                shutil.rmtree(c.location, ignore_errors=True)

    def _watch(self) -> None:
        """Follow the store: a new snapshot and child when a build wrote it; a new child if one dies."""
        failures = 0
        while not self._stop.wait(self.poll_every):
            self._retire()
            generation, writing = self._locks.generation()
            with self._lock:
                dead = self._child is not None and self._child.process.poll() is not None
            changed = self._slot is not None and generation != self._served
            if not (dead or (changed and (not writing or time.monotonic() - self._switched >= self.refresh_every))):
                continue
            try:
                self._switch(20.0)
                failures = 0
            except (ServeError, StoreBusy, OSError, RuntimeError) as e:
                failures += 1
                if self.log is not None:
                    print(f"fakg serve: {e}", file=self.log, flush=True)
                if dead and failures >= 3:
                    self._status = 1
                    self._done.set()
                    return
                self._stop.wait(1.0)

    def wait(self) -> int:
        """Block until the server stops or fails; return its exit status."""
        if self.writable:
            with self._lock:
                child = self._child
            return child.process.wait() if child is not None else self._status
        self._done.wait()
        return self._status

    def ready(self) -> bool:
        """True when the endpoint answers an ASK."""
        return _ready(self.host, self.port)

    def stop(self, grace: float = 5.0) -> None:
        """Stop the server (children: terminate, then kill after ``grace`` seconds) and let the store go."""
        self._stop.set()
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
        for c in list(self._retiring):
            _terminate(c.process, grace)
        self._retire(force=True)
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


def _relay(lines, log) -> None:
    for line in lines:
        if not line.startswith("Listening for requests at "):
            log.write(line)
            log.flush()


def _ready(host: str, port: int) -> bool:
    request = urllib.request.Request(f"http://{host}:{port}/query?query=ASK%7B%7D",
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _terminate(process: subprocess.Popen, grace: float = 5.0) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def serve(store: str | os.PathLike, port: int = DEFAULT_PORT, *, writable: bool = False,
          host: str = HOST, timeout_s: int | None = None, out=sys.stdout) -> int:
    """Serve ``store`` in the foreground until interrupted (Ctrl-C); return the server's exit status."""
    server = Server(store, port, writable=writable, host=host, timeout_s=timeout_s, log=sys.stderr).start()
    mode = "read-write (SPARQL Update accepted)" if writable else "read-only"
    print(f"fakg: serving {store} {mode}\n"
          f"  SPARQL endpoint  {server.query_url}\n"
          + (f"  SPARQL update    {server.update_url}\n" if writable else "")
          + f"  query page       {server.url}\n"
          f"Ctrl-C stops the server.", file=out, flush=True)
    def interrupted(signum, frame):  # `kill` stops the server too, not only Ctrl-C
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)
