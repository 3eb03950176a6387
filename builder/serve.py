"""``fakg serve``: the store behind a SPARQL endpoint, with Oxigraph's own HTTP server.

The ``oxigraph`` package from PyPI (a dependency of fakg) installs the
Oxigraph server as the ``oxigraph`` command next to the Python interpreter.
It reads the same RocksDB directory that pyoxigraph writes, so the store
built by ``fakg build`` is served as it is:

* ``oxigraph serve-read-only --location STORE --bind 127.0.0.1:PORT`` by
  default: SPARQL queries only (updates and Graph Store writes get HTTP 403);
  several read-only servers and ``fakg query`` can read the store together;
* ``oxigraph serve --location STORE --bind 127.0.0.1:PORT`` with
  ``writable=True``: SPARQL Update too; it holds the store's write lock, so
  ``fakg build`` waits until it stops.

Both run with ``--union-default-graph`` so that a query without ``GRAPH``
sees every article, as ``fakg query`` does. Endpoints:
``http://127.0.0.1:PORT/query`` (SPARQL 1.1 Protocol, GET or POST),
``/update`` (writable only), ``/store`` (Graph Store Protocol), and ``/`` a
YASGUI query page for the browser.

The server binds to 127.0.0.1 only: it is meant for the researcher's own
machine. Do not build into a store while a read-only server reads it
(Oxigraph: "undefined behavior"); stop the server, build, start it again.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

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


class Server:
    """A running Oxigraph server over a store; use as a context manager so that it always stops.

    >>> with Server("kg", port=free_port()) as server:   # doctest: +SKIP
    ...     server.query_url
    'http://127.0.0.1:…/query'
    """

    def __init__(self, store: str | os.PathLike, port: int = DEFAULT_PORT, *, writable: bool = False,
                 host: str = HOST, timeout_s: int | None = None, log=None):
        self.store, self.port, self.writable, self.host = Path(store), port, writable, host
        self.timeout_s = timeout_s
        self.log = log  # file object for the server's output (default: discarded)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def query_url(self) -> str:
        return self.url + "query"

    @property
    def update_url(self) -> str:
        return self.url + "update"

    def start(self, wait: float = 20.0) -> "Server":
        """Start the server and wait (up to ``wait`` seconds) until it answers a query."""
        if not self.store.is_dir():
            raise ServeError(f"{self.store}: no store here (run `fakg build` first)")
        if not port_is_free(self.port, self.host):
            raise ServeError(f"port {self.port} on {self.host} is in use (another server?); choose one with --port")
        cmd = server_command(self.store, self.port, writable=self.writable, host=self.host, timeout_s=self.timeout_s)
        out = self.log if self.log is not None else subprocess.DEVNULL
        self.process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT if self.log is not None else out)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServeError(f"the Oxigraph server exited at once (status {self.process.returncode}); "
                                 f"is port {self.port} taken, or the store open for writing elsewhere?")
            if self.ready():
                return self
            time.sleep(0.1)
        self.stop()
        raise ServeError(f"the Oxigraph server did not answer on {self.url} within {wait:.0f} s")

    def ready(self) -> bool:
        """True when the endpoint answers an ASK."""
        request = urllib.request.Request(self.query_url + "?query=ASK%7B%7D",
                                         headers={"Accept": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def stop(self, grace: float = 5.0) -> None:
        """Stop the server (terminate, then kill after ``grace`` seconds)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


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
        return server.process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)
