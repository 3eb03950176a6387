"""The Oxigraph server processes behind ``fakg serve``, started so that they die with it.

The ``oxigraph`` package from PyPI (a dependency of fakg) installs the
Oxigraph server as the ``oxigraph`` command next to the Python interpreter;
``fakg serve`` runs it as a child process on a private address and answers
the public port itself (:mod:`builder.storage.serve_proxy`).

**Dying with the parent.**  A ``fakg serve`` killed with SIGKILL runs no
clean-up, and an orphaned writable Oxigraph would go on holding the store
outside fakg's locks.  On Linux each child asks the kernel, between fork and
exec, to be sent SIGKILL when its parent goes (``prctl(PR_SET_PDEATHSIG)``).
The kernel's "parent" is the *thread* that forked, so every child is started
from one thread that lives as long as the server (:class:`Spawner`), never
from a request's thread.  As a second line, the children are listed in the
store (:class:`builder.storage.serve_records.ChildRecord`) and the next serve or build kills
any that outlived their server.

**A private address.**  A child listens on a random port of a random address
of the loopback network (127.x.y.z, where the system has them all, as Linux
does; 127.0.0.1 elsewhere), so a page in the browser cannot find it by
trying the ports of 127.0.0.1.  Programs of the same machine can reach it:
``fakg serve`` guards against web pages, not against local users.
"""
from __future__ import annotations

import ctypes
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from queue import Queue

PR_SET_PDEATHSIG = 1


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


def server_command(location: str | os.PathLike, port: int, *, writable: bool = False,
                   host: str = "127.0.0.1") -> list[str]:
    """The command line that serves ``location`` on ``host:port`` (the default graph: the union of all graphs)."""
    return [oxigraph_executable(), "serve" if writable else "serve-read-only",
            "--location", str(location), "--bind", f"{host}:{port}", "--union-default-graph"]


def private_address() -> tuple[str, int]:
    """A random loopback address (127.x.y.z, else 127.0.0.1) and a port on it that nothing listens on now."""
    candidates = [f"127.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(2, 254)}", "127.0.0.1"]
    for host in candidates:
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.bind((host, 0))
                return host, s.getsockname()[1]
        except OSError:  # e.g. macOS, where only 127.0.0.1 is configured
            continue
    raise ServeError("no loopback address to run the Oxigraph server on")


def answers(host: str, port: int) -> bool:
    """True when an Oxigraph server on ``host:port`` answers an ASK."""
    request = urllib.request.Request(f"http://{host}:{port}/query?query=ASK%7B%7D",
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def terminate(process: subprocess.Popen, grace: float = 5.0) -> None:
    """Stop ``process``: SIGTERM, then SIGKILL after ``grace`` seconds; reap it."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _die_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` that makes the child get SIGKILL when the thread that started it ends (Linux only)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here: the forked child only calls it
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def preexec() -> None:
        prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        if os.getppid() != parent:  # the parent went before the request was made
            os._exit(1)

    return preexec


_PREEXEC = _die_with_parent()


class Spawner:
    """Starts processes from one thread of its own, which lives until :meth:`close` (see the module doc)."""

    def __init__(self):
        self._jobs: Queue = Queue()
        self._thread = threading.Thread(target=self._run, name="fakg-spawner", daemon=True)
        self._thread.start()

    def popen(self, cmd: list[str], **kwargs) -> subprocess.Popen:
        """``subprocess.Popen(cmd, **kwargs)``, run on the spawner's thread; its exceptions are raised here."""
        done = threading.Event()
        outcome: list = []
        self._jobs.put((cmd, kwargs, outcome, done))
        done.wait()
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            cmd, kwargs, outcome, done = job
            try:
                outcome.append(subprocess.Popen(cmd, preexec_fn=_PREEXEC, start_new_session=True, **kwargs))
            except BaseException as e:  # handed to the caller
                outcome.append(e)
            done.set()

    def close(self) -> None:
        """End the thread: call once every child it started has been stopped (they would get SIGKILL)."""
        self._jobs.put(None)
        self._thread.join(10)


class Child:
    """One Oxigraph server process, on a private address, over one location (a snapshot or the store)."""

    def __init__(self, process: subprocess.Popen, host: str, port: int, location: Path, snapshot: bool):
        self.process, self.host, self.port, self.location, self.snapshot = process, host, port, location, snapshot
        self.inflight = 0  # requests being forwarded to it
        self.stop_at: float | None = None  # once retired: stopped when its requests are done, or at this time
        self.spoiled = False  # left working by a request: to be replaced


def start_child(spawner: Spawner, location: Path, *, writable: bool, snapshot: bool, wait: float, log=None) -> Child:
    """Start an Oxigraph server over ``location`` and return it once it answers (a few tries for a free port)."""
    for attempt in range(3):  # a private port taken meanwhile by someone else: another one
        host, port = private_address()
        try:
            return _start_once(spawner, location, host, port, writable=writable, snapshot=snapshot, wait=wait, log=log)
        except ServeError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _start_once(spawner: Spawner, location: Path, host: str, port: int, *, writable: bool, snapshot: bool,
                wait: float, log) -> Child:
    cmd = server_command(location, port, writable=writable, host=host)
    if log is None:
        process = spawner.popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    else:
        process = spawner.popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                text=True, errors="replace")
        threading.Thread(target=_relay, args=(process.stdout, log), name="fakg-relay", daemon=True).start()
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServeError(f"the Oxigraph server exited at once (status {process.returncode}); "
                             f"is the store open for writing elsewhere?")
        if answers(host, port):
            return Child(process, host, port, location, snapshot)
        time.sleep(0.02)
    terminate(process)
    raise ServeError(f"the Oxigraph server did not answer within {wait:.0f} s")


def _relay(lines, log) -> None:
    try:
        for line in lines:
            # the private address is not for the user; a client that left is noted by the proxy
            if not line.startswith(("Listening for requests at ", "OxHTTP TCP error when writing response")):
                log.write(line)
                log.flush()
    except (OSError, ValueError):  # the log was closed while stopping
        pass
