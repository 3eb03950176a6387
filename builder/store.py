"""The on-disk Oxigraph store: opening it, replacing articles' graphs, finding them again.

Each article lives in its own named graph, keyed by the article IRI.  A build
writes an article by dropping its graph and inserting the new quads, so
building the same input twice leaves the store as it was, and an article whose
page changed is replaced rather than duplicated.

**The store is its own index.**  Every article graph says where it came from
and what it was built from, in quads about the article node (whose IRI is the
graph name): ``fakg:sourceFile`` (the path, ``path:line`` for JSON Lines),
``fakg:contentHash`` (SHA-256 of the decoded page) and
``fakg:extractorVersion``.  Oxigraph indexes every quad by object as well as
by subject, so "which graph came from this source, and is it current?" is two
index seeks (:func:`current_graph`), answered before an article is extracted;
a rebuild of a folder in which a few files changed only reads and hashes the
others.  No sidecar file can drift out of step with the graphs, and an export
of the store carries the index with it.

**One article, several files.**  The article IRI is the story's identity
(agency and news id), so two files can hold one article (a page saved twice,
one byte apart).  The file read first is *kept*: it is the graph's
``fakg:sourceFile``, and the article is extracted from it.  Each other file
is a *copy*, recorded in the graph without being extracted: ``article
fakg:copy c . c fakg:copyFile "path" ; fakg:copyHash "sha-256"``
(:func:`copy_quads`).  A copy with the same content is current like the kept
file (:func:`current_graph`) as long as the kept file is still there; when
it is gone, the next build reads the article from the copy.  An article
read from several paths is removed when all of them are (:func:`plan_removal`,
which answers ``fakg remove``).

Writes: :func:`replace_graph` replaces one graph in a transaction.  A large
build goes through :class:`Loader`, which drops the graphs about to be
replaced and feeds the new ones to Oxigraph's bulk loader (no transaction,
several times faster) in chunks of a few tens of megabytes of N-Quads, then
writes the ``fakg:extractorVersion`` stamps in a small transaction.  A build
interrupted in the middle of a chunk therefore leaves graphs without a stamp,
which the next build treats as stale and rebuilds.

**Sharing the store between processes.**  RocksDB lets one process write a
directory, and Oxigraph calls a read-only open while another process writes
"undefined behaviour" (in practice: counts short by the articles being
rewritten, ``Corruption: ... No such file`` for files compacted away, and
readers aborting).  So fakg adds a protocol of ``flock`` locks on files in
``STORE/fakg/`` (:class:`StoreLocks`; RocksDB ignores files it did not name):

* one writer: a build, ``fakg remove`` and ``fakg serve --writable`` hold the
  *build lock* from start to end, taken without waiting; a second one gets
  :class:`StoreBusy` ("the store is being written by another process (fakg
  build, pid N)") at once;
* a writer writes in *write windows* (:class:`Writer`): it waits for the
  readers to leave, opens the store writable and writes chunk after chunk
  (old graphs dropped, new ones loaded, stamps) into the open store.  After
  each chunk it looks whether a reader waits (it holds ``turn.lock``); only
  then, and at its end, it flushes, closes the store (RocksDB finishes its
  background work when it closes; a check on RocksDB's LOCK file makes sure
  no handle was kept), bumps the *generation* and lets the readers in.
  Between windows it holds no writable handle, only a read-only view for its
  "is this article current?" checks, closed before the next window;
* readers (:func:`reading`: ``fakg query``, ``facts``, ``validate``,
  ``export``, ``link``, a build's closing summary) hold the lock shared for as
  long as they use the store, so they never read during a window: they wait
  for it to end (at most :data:`READ_WAIT` seconds, then "the store is busy"),
  and answer from whole articles; a ``fakg serve --writable`` holds the store
  for as long as it runs, which readers are told at once;
* a read-only ``fakg serve`` takes the lock shared only to make a *snapshot*
  (a RocksDB checkpoint inside ``STORE/fakg/serve/``: hard links, no copy),
  which it serves; later writes cannot touch a snapshot, so it answers
  during a build, and switches to a new snapshot when the generation moves
  (see :mod:`builder.serve`).  A build that wrote waits, at its end, until
  the running servers serve what it wrote (:meth:`StoreLocks.wait_for_servers`);
  a server that wants a newer snapshot while a build writes is a waiting
  reader, for which the build ends its window after its next chunk;
* a ``fakg serve`` (either kind) lists the Oxigraph processes it started in
  a file of ``STORE/fakg/children/`` that it holds locked
  (:class:`ChildRecord`).  Its processes die with it, but should one outlive
  a ``fakg serve`` that was killed (a writable one would hold the store
  outside the locks), the next serve or build finds the record unlocked and
  kills them (:meth:`StoreLocks.clear_orphans`).

``flock`` locks belong to open files, so they go with a process however it
ends (SIGKILL included); the files are opened close-on-exec, so children do
not inherit them (pool workers are forked from a fork server, never from the
build).  Where there is no ``fcntl`` (Windows), or the lock files cannot be
created (a store on a read-only disk), the locks do nothing.  A program that
opens the store with pyoxigraph directly is outside the protocol.
"""
from __future__ import annotations

import gc
import hashlib
import os
import re
import shutil
import struct
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from queue import Queue

try:
    import fcntl
except ImportError:  # not POSIX: no locking (see "Sharing the store" above)
    fcntl = None

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

from . import __version__, name_index
from .iri import mint
from .namespaces import FAKG, XSD
from .paths import from_stored, stored

DEFAULT_STORE = "kg"

CONTENT_HASH = FAKG("contentHash")
EXTRACTOR_VERSION = FAKG("extractorVersion")
SOURCE_FILE = FAKG("sourceFile")
QUAD_COUNT = FAKG("quadCount")
COPY = FAKG("copy")
COPY_FILE = FAKG("copyFile")
COPY_HASH = FAKG("copyHash")


class StoreBusy(RuntimeError):
    """Another process writes the store (a build, ``fakg remove``, ``fakg serve --writable``)."""


class NotAStore(OSError):
    """A store path that cannot be a store: a file, or under one.  Its message is one line for the user."""


def open_store(path: str | os.PathLike, *, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at ``path``, outside the protocol below.

    ``read_only``: the store is opened while no build writes it (waiting for
    a write window to end, at most :data:`READ_WAIT` seconds) and returned;
    the lock is not held afterwards, so a long read while a build runs can
    still fail.  :func:`reading` holds it for as long as the store is used,
    and :class:`Writer` is how fakg writes.  A plain writable open gets
    :class:`StoreBusy` when another process holds RocksDB's write lock.
    """
    path = Path(path)
    if read_only:
        must_be_store(path)
        with StoreLocks(path).reading():
            return Store.read_only(str(path))
    return _open_writable(path)


def must_be_store(path: str | os.PathLike) -> None:
    """Raise a one-line error unless ``path`` is a store (a folder RocksDB has made: it has ``CURRENT``)."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise NotAStore(f"{path}: a file, not a store (a store is the folder `fakg build --store` makes)")
    if not (path / "CURRENT").is_file():
        raise FileNotFoundError(f"{path}: no store here (run `fakg build` first)")


def _may_hold_store(path: Path) -> None:
    """Make the folder of a new store, or raise a one-line error when ``path`` cannot be one."""
    if path.exists() and not path.is_dir():
        raise NotAStore(f"{path}: a file, not a store folder: give --store a folder (a new one is made)")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise NotAStore(f"{path}: cannot make the store folder here ({e.strerror or e})") from e


def _open_writable(path: Path) -> Store:
    try:
        return Store(str(path))
    except OSError as e:
        if "lock" in str(e).lower():
            raise StoreBusy(f"{path}: {_who_writes(path, str(e))}; try again when it ends") from e
        raise


def _who_writes(path: Path, error: str) -> str:
    """Who holds the store open for writing, for a message: another fakg writer, or another program.

    The build lock names the fakg process that holds it; when that is this
    very process (a build whose store is held open by a program outside the
    locks, such as an ``oxigraph serve`` started by hand), the program is the
    one holding RocksDB's own lock.
    """
    if "current process" in error:
        return "the store is already open for writing in this process"
    h = StoreLocks(path)._holder()
    if h and h[0] != os.getpid():
        return f"the store is being written by another process ({h[1]}, pid {h[0]})"
    pid = _rocksdb_holder(path)
    if pid:
        return f"the store is held open by a program outside fakg's locks (pid {pid}: {_command_line(pid)})"
    return "the store is held open by a program outside fakg's locks"


# --- sharing the store between processes --------------------------------------

#: fakg's own files, in a folder inside the store directory (RocksDB ignores what it did not name)
FAKG_DIR = "fakg"
#: how long a reader waits for a write window to end before it says the store is busy
READ_WAIT = 60.0
#: how long a build that wrote waits, at its end, for the read-only servers of the store to serve it
SERVER_CATCH_UP = 20.0
#: a writer waiting this long for readers to finish says so (once)
WRITER_NOTICE_AFTER = 5.0


@contextmanager
def reading(path: str | os.PathLike, *, wait: float = READ_WAIT) -> Iterator[Store]:
    """The store at ``path`` opened read-only, with no write window open while it is used.

    Waits (at most ``wait`` seconds) for a build's write window to end;
    raises :class:`StoreBusy` after that, at once when a ``fakg serve
    --writable`` holds the store, and :class:`FileNotFoundError` when there
    is no store.  Do not keep the store (or an iterator over it) after the
    ``with`` block: the lock is released there.
    """
    path = Path(path)
    must_be_store(path)
    with StoreLocks(path).reading(wait):
        store = Store.read_only(str(path))
        try:
            yield store
        finally:
            del store


class _LockFile:
    """An ``flock`` on one file; a no-op where there is no ``fcntl`` or the file cannot be made."""

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None

    def acquire(self, exclusive: bool, wait: float | None = None, check: Callable[[], None] | None = None) -> bool:
        """Take the lock; ``wait`` None: until it is free, else at most that many seconds (0: try once).

        ``check`` is called between tries (it may raise).  Returns False when the wait ran out.
        """
        if fcntl is None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)  # not inherited by child processes
        except OSError:  # e.g. a store on a read-only disk: nobody writes it, nothing to lock
            return True
        op = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = None if wait is None else time.monotonic() + wait
        pause = 0.001
        try:
            while True:
                try:
                    fcntl.flock(fd, op)
                    self.fd = fd
                    return True
                except BlockingIOError:
                    pass
                if deadline is not None and time.monotonic() >= deadline:
                    break
                if check is not None:
                    check()
                time.sleep(pause)
                pause = min(pause * 2, 0.02)
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        return False

    def release(self) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)  # closing the file drops the flock


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _running(pid: int) -> bool:
    """True while ``pid`` is a process that has not ended (a zombie waiting to be reaped has ended)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] not in (b"Z", b"X")
    except (OSError, IndexError):
        return _pid_alive(pid) if not os.path.isdir("/proc") else False


def _argv(pid: int) -> list[str]:
    """The command line of process ``pid`` (empty when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return [a.decode("utf-8", "replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return []


def _command_line(pid: int, limit: int = 100) -> str:
    text = " ".join(_argv(pid)) or "?"
    return text if len(text) <= limit else text[:limit] + "…"


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class StoreLocks:
    """The lock protocol of one store, over files in ``STORE/fakg/``.

    * ``build.lock``: exclusive for the whole of a build, ``fakg remove`` or
      ``fakg serve --writable``, taken without waiting (a second writer gets
      :class:`StoreBusy` at once).  It holds a line naming its holder.
    * ``rw.lock``: shared by readers for as long as they use the store,
      exclusive for a writer's *write window* (open writable, write, flush,
      close).  Nobody reads while a window is open.
    * ``turn.lock``: lets a waiting writer in first.  A writer takes it
      exclusively while it waits for the readers to leave and lets it go once
      its window is open; a reader takes it shared only until it has its
      shared ``rw.lock``.  So readers that arrive during a window are served
      right after it, and a stream of readers cannot keep a writer out.
    * ``generation``: "N writing" or "N done", bumped at the end of every
      window, so a server can tell that the store changed.
    * ``serve/ID/``: one folder per running read-only ``fakg serve``
      (its snapshot, and the generation it serves).
    * ``children/ID``: the Oxigraph processes of one running ``fakg serve``
      (:class:`ChildRecord`).
    """

    def __init__(self, store: str | os.PathLike):
        self.store = Path(store)
        self.dir = self.store / FAKG_DIR
        try:
            self.dir.mkdir(exist_ok=True)
        except OSError:  # no store folder, or a read-only one: the locks degrade to nothing
            pass
        self._build = _LockFile(self.dir / "build.lock")

    # the build lock

    def hold_build(self, what: str) -> None:
        """Take the build lock for ``what`` (e.g. "fakg build") or raise :class:`StoreBusy`."""
        if not self._build.acquire(True, 0):
            holder = self.holder()
            raise StoreBusy(f"{self.store}: the store is being written by another process "
                            f"({holder or 'a build?'}); try again when it ends")
        if self._build.fd is not None:
            os.ftruncate(self._build.fd, 0)
            os.pwrite(self._build.fd, f"{os.getpid()}\t{what}\n".encode(), 0)

    def release_build(self) -> None:
        if self._build.fd is not None:
            try:
                os.ftruncate(self._build.fd, 0)
            except OSError:
                pass
        self._build.release()

    def _holder(self) -> tuple[int, str] | None:
        try:
            pid, what = (self.dir / "build.lock").read_text(encoding="utf-8").strip().split("\t", 1)
            pid = int(pid)
        except (OSError, ValueError):
            return None
        return (pid, what) if _pid_alive(pid) else None

    def holder(self) -> str | None:
        """Who holds the build lock, as "fakg build, pid 123", if it says."""
        h = self._holder()
        return f"{h[1]}, pid {h[0]}" if h else None

    # readers and write windows

    @contextmanager
    def reading(self, wait: float = READ_WAIT) -> Iterator[None]:
        """Hold the store for reading: no write window opens until the block ends."""
        deadline = time.monotonic() + wait

        def served_writable():  # such a server holds the store until it stops: say so at once
            h = self._holder()
            if h and h[1].startswith("fakg serve"):
                raise StoreBusy(f"{self.store}: the store is busy: another process serves it writable "
                                f"({h[1]}, pid {h[0]}); query that endpoint, or stop it")

        turn, rw = _LockFile(self.dir / "turn.lock"), _LockFile(self.dir / "rw.lock")
        ok = turn.acquire(False, wait, served_writable)
        try:
            ok = ok and rw.acquire(False, max(0.0, deadline - time.monotonic()), served_writable)
        finally:
            turn.release()
        if not ok:
            raise StoreBusy(f"{self.store}: the store is busy: another process is writing it "
                            f"({self.holder() or 'a build?'}); waited {wait:.0f} s, try again when it ends")
        try:
            yield
        finally:
            rw.release()

    @contextmanager
    def writing(self, wait: float | None = None, notice: Callable[[str], None] | None = None) -> Iterator[None]:
        """Hold the store for a write window: wait for the readers to leave (``wait`` None: as long as it takes)."""
        started = time.monotonic()
        told = notice is None

        def tell():
            nonlocal told
            if not told and time.monotonic() - started >= WRITER_NOTICE_AFTER:
                told = True
                notice(f"{self.store}: waiting for other processes reading the store (queries, an export) to finish")

        turn, rw = _LockFile(self.dir / "turn.lock"), _LockFile(self.dir / "rw.lock")
        ok = turn.acquire(True, wait, tell)
        try:
            ok = ok and rw.acquire(True, None if wait is None else max(0.0, started + wait - time.monotonic()), tell)
        finally:
            turn.release()
        if not ok:
            raise StoreBusy(f"{self.store}: the store is busy: other processes are reading it; try again when they end")
        try:
            yield
        finally:
            rw.release()

    def readers_waiting(self) -> bool:
        """True when a reader waits for the open write window to end (it holds ``turn.lock`` while it waits)."""
        turn = _LockFile(self.dir / "turn.lock")
        if turn.acquire(True, 0):
            turn.release()
            return False
        return True

    # the generation counter

    def generation(self) -> tuple[int, bool]:
        """``(N, writing)``: N counts the write windows so far; writing is True while a build runs."""
        try:
            n, state = (self.dir / "generation").read_text(encoding="utf-8").split()
            return int(n), state == "writing"
        except (OSError, ValueError):
            return 0, False

    def set_generation(self, n: int, writing: bool) -> None:
        try:
            _write_atomically(self.dir / "generation", f"{n} {'writing' if writing else 'done'}\n")
        except OSError:
            pass

    # snapshots for read-only servers

    def snapshot(self, dest: Path, wait: float = READ_WAIT) -> int:
        """Write a snapshot of the store to ``dest`` (a RocksDB checkpoint: hard links, no copy); return its generation.

        The snapshot is a store of its own: later writes to this one do not touch it.
        """
        with self.reading(wait):
            n, _ = self.generation()
            store = Store.read_only(str(self.store))
            try:
                store.backup(str(dest))
            finally:
                del store
        return n

    def server_slot(self) -> "ServerSlot":
        """A folder for one read-only server's snapshots, removed when it stops (or by the next server after a crash)."""
        root = self.dir / "serve"
        root.mkdir(parents=True, exist_ok=True)
        for old in root.iterdir():  # left by servers that were killed
            lock = _LockFile(old / "owner.lock")
            if not old.name.startswith(".") and (old / "owner.lock").exists() and lock.acquire(True, 0):
                shutil.rmtree(old, ignore_errors=True)
                lock.release()
        return ServerSlot(root / f"{os.getpid()}-{os.urandom(4).hex()}")

    # the Oxigraph processes of running servers

    def child_record(self) -> "ChildRecord | None":
        """A record of the Oxigraph processes this process starts over the store (None: it cannot be written)."""
        try:
            return ChildRecord(self.dir / "children")
        except OSError:
            return None

    def clear_orphans(self) -> list[int]:
        """Stop the Oxigraph processes left over this store by a ``fakg serve`` that was killed; their pids.

        A record whose lock can be taken has lost its owner.  Each process it
        names is killed only if it still runs ``oxigraph`` over the location
        recorded, inside this store (a pid may have been reused since).
        """
        root = self.dir / "children"
        if fcntl is None:
            return []
        try:
            records = [p for p in root.iterdir() if not p.name.startswith(".")]
        except OSError:
            return []
        killed = []
        for record in records:
            lock = _LockFile(record)
            if not lock.acquire(True, 0) or lock.fd is None:
                continue  # its owner serves on
            try:
                for pid, location in ChildRecord.entries(record):
                    if _serves_over(pid, location, self.store) and _kill(pid):
                        killed.append(pid)
                record.unlink(missing_ok=True)
            except OSError:
                pass
            finally:
                lock.release()
        return killed

    def wait_for_servers(self, generation: int, timeout: float = SERVER_CATCH_UP) -> None:
        """Return when every running read-only server serves ``generation`` or later (or after ``timeout`` s)."""
        root = self.dir / "serve"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                slots = [p for p in root.iterdir() if p.is_dir()]
            except OSError:
                return
            behind = False
            for slot in slots:
                lock = _LockFile(slot / "owner.lock")
                if not (slot / "owner.lock").exists() or lock.acquire(False, 0):
                    lock.release()  # nobody holds it: no server there
                    continue
                try:
                    served = int((slot / "served").read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    served = -1
                behind |= served < generation
            if not behind:
                return
            time.sleep(0.05)


class ChildRecord:
    """The Oxigraph processes one running ``fakg serve`` started over a store: ``fakg/children/ID``.

    Its owner holds the file locked for as long as it runs and writes in it
    one line per process, ``pid<TAB>location``; once the owner is gone, however
    it ended, the next serve or build can take the lock and stop what it left
    (:meth:`StoreLocks.clear_orphans`).
    """

    def __init__(self, root: Path):
        root.mkdir(parents=True, exist_ok=True)
        name = f"{os.getpid()}-{os.urandom(4).hex()}"
        hidden = root / ("." + name)  # made and locked under a name the cleaner skips
        self._lock = _LockFile(hidden)
        self._lock.acquire(True, 0)
        os.rename(hidden, root / name)
        self.path = root / name

    def write(self, children: Iterable[tuple[int, Path]]) -> None:
        if self._lock.fd is None:
            return
        data = "".join(f"{pid}\t{os.path.abspath(location)}\n" for pid, location in children).encode()
        os.ftruncate(self._lock.fd, 0)
        os.pwrite(self._lock.fd, data, 0)

    def close(self) -> None:
        self.write([])
        try:
            self.path.unlink()
        except OSError:
            pass
        self._lock.release()

    @staticmethod
    def entries(path: Path) -> list[tuple[int, str]]:
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            pid, _, location = line.partition("\t")
            if pid.isdigit() and location:
                out.append((int(pid), location))
        return out


def _serves_over(pid: int, location: str, store: Path) -> bool:
    """True when ``pid`` runs an Oxigraph server over ``location``, and ``location`` is ``store`` or inside it."""
    argv = _argv(pid)
    if not argv or not os.path.basename(argv[0]).startswith("oxigraph") or "--location" not in argv[:-1]:
        return False
    served = os.path.normpath(os.path.abspath(argv[argv.index("--location") + 1]))
    root = os.path.normpath(os.path.abspath(store))
    location = os.path.normpath(location)
    return served == location and (location == root or location.startswith(root + os.sep))


def _kill(pid: int, wait: float = 5.0) -> bool:
    """SIGKILL ``pid`` and wait (at most ``wait`` seconds) until it has ended; True when it has."""
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    deadline = time.monotonic() + wait
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    return not _running(pid)


class ServerSlot:
    """The folder of one running read-only server: ``owner.lock`` (held), ``served``, snapshots ``g*``."""

    def __init__(self, path: Path):
        new = path.with_name("." + path.name)  # made and locked under a name the cleaner skips
        new.mkdir(parents=True)
        self._owner = _LockFile(new / "owner.lock")
        self._owner.acquire(True, 0)
        new.rename(path)
        self.path = path
        self._count = 0

    def new_snapshot_path(self) -> Path:
        self._count += 1
        return self.path / f"g{self._count}"

    def serving(self, generation: int) -> None:
        _write_atomically(self.path / "served", f"{generation}\n")

    def close(self) -> None:
        self._owner.release()
        shutil.rmtree(self.path, ignore_errors=True)


# --- writing --------------------------------------------------------------------

def _rocksdb_holder(path: Path) -> int | None:
    """The pid of the process holding RocksDB's LOCK file (its own ``fcntl`` record lock), if another one does."""
    if fcntl is None:
        return None
    try:
        fd = os.open(path / "LOCK", os.O_RDWR)
    except OSError:
        return None
    try:
        probe = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        kind, _, _, _, pid = struct.unpack("hhqqi", fcntl.fcntl(fd, fcntl.F_GETLK, probe))
        return pid if kind != fcntl.F_UNLCK and pid > 0 else None
    except OSError:
        return None
    finally:
        os.close(fd)  # this process holds no lock on the file: closing drops none


if fcntl is not None and hasattr(fcntl, "F_OFD_GETLK"):
    def _rocksdb_locked(path: Path) -> bool:
        """True while some handle holds RocksDB's LOCK file (an open writable store)."""
        try:
            fd = os.open(path / "LOCK", os.O_RDWR)
        except OSError:
            return False
        try:
            probe = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
            return struct.unpack("hhqqi", fcntl.fcntl(fd, fcntl.F_OFD_GETLK, probe))[0] != fcntl.F_UNLCK
        except OSError:
            return False
        finally:
            os.close(fd)
else:
    def _rocksdb_locked(path: Path) -> bool:
        return False


def _close_store(path: Path, store: Store, failed: bool) -> None:
    """Flush ``store`` (unless a write failed in it) and close it completely: RocksDB's LOCK let go."""
    try:
        if not failed:
            store.flush()
    finally:
        del store  # RocksDB closes when the last reference goes, after its background work
        if _rocksdb_locked(path):
            gc.collect()
            deadline = time.monotonic() + 5
            while _rocksdb_locked(path) and time.monotonic() < deadline:
                time.sleep(0.01)
            if _rocksdb_locked(path) and not failed:
                raise RuntimeError(f"{path}: the store stayed open after a write (a reference was kept)")
        _prune_info_logs(path)


#: RocksDB starts a new info log (``LOG``, the old one renamed ``LOG.old.<time>``) each time the
#: store is opened writable, and keeps up to a thousand: a large build, one write window per chunk,
#: left hundreds (82 MB at 100,000 articles).  They are diagnostics only; the newest few are kept.
KEEP_INFO_LOGS = 5


def _prune_info_logs(path: Path) -> None:
    old = sorted(path.glob("LOG.old.*"), key=lambda f: f.name)  # the suffix is a fixed-width timestamp
    for f in old[:-KEEP_INFO_LOGS]:
        try:
            f.unlink()
        except OSError:
            pass


class Writer:
    """The one process that writes a store (``fakg build``, ``fakg remove``), in write windows.

    Holds the build lock from creation to :meth:`close`.  The first
    :meth:`write` opens a window (:meth:`StoreLocks.writing`: the readers have
    left) and the store writable, and the window stays open, the store with
    it, for every later write: a build bulk-loads chunk after chunk into one
    open store.  Only when a reader waits (a query, a read-only server taking
    a snapshot: :meth:`StoreLocks.readers_waiting`, asked after each write) is
    the store flushed and closed, the generation bumped and the readers let
    in; the next write opens a new window once they are done.  :meth:`close`
    ends the last window.  (Until 0.5 every chunk had a window of its own,
    and so an open, a flush, a close and a checkpoint: about a third of the
    `fakg` process's CPU at 2000 articles.)

    :meth:`read` runs a build's "is this article current?" checks on the open
    store, or, between windows, on a read-only view of it, which a new window
    closes first.  Thread-safe: the loader thread writes while the building
    thread reads.
    """

    def __init__(self, path: str | os.PathLike, *, what: str = "fakg build",
                 notice: Callable[[str], None] | None = None):
        self.path = Path(path)
        _may_hold_store(self.path)
        self.locks = StoreLocks(self.path)
        self.locks.hold_build(what)
        self.locks.clear_orphans()  # a killed `fakg serve --writable` may have left its Oxigraph holding the store
        self.notice = notice
        self.wrote = False
        self._mutex = threading.RLock()  # guards the handles: the open store and the view
        self._writing = threading.Lock()  # one write at a time
        self._store: Store | None = None  # writable, while a window is open
        self._window: ExitStack | None = None  # the locks of the open window
        self._view: Store | None = None  # read-only, between windows
        shutil.rmtree(self.locks.dir / "views", ignore_errors=True)  # left by a writer of fakg 0.4 that was killed
        self._generation, _ = self.locks.generation()
        try:
            if not (self.path / "CURRENT").exists():  # a new store: create it
                self.write(lambda store: None)
        except BaseException:
            self.locks.release_build()
            raise

    def read(self, fn: Callable[[Store], object]):
        """``fn(store)`` on the store as written so far; ``fn`` must not keep the store or an iterator over it."""
        with self._mutex:
            store = self._store
            if store is None:
                if self._view is None:
                    self._view = Store.read_only(str(self.path))
                store = self._view
            return fn(store)

    def write(self, fn: Callable[[Store], None]) -> None:
        """Run ``fn(store)`` in the open write window (opened first if need be); ``fn`` must not keep
        the store or an iterator over it.  When a reader waits, the window is closed afterwards."""
        with self._writing:
            if self._store is None:
                self._open_window()
            try:
                fn(self._store)
            except BaseException as e:
                traceback.clear_frames(e.__traceback__)  # the frames of ``fn`` hold the store
                self._close_window(failed=True)
                raise
            finally:
                self.wrote = True
            if self.locks.readers_waiting():
                self._close_window()

    def _open_window(self) -> None:
        window = ExitStack()
        window.enter_context(self.locks.writing(notice=self.notice))  # the readers have left
        try:
            with self._mutex:
                self._view = None  # no read-only handle may stay open beside a writable one
                self._store = _open_writable(self.path)
        except BaseException:
            window.close()
            raise
        self._window = window

    def _close_window(self, failed: bool = False) -> None:
        """Flush and close the store, bump the generation, let the readers in."""
        with self._mutex:
            store, self._store = self._store, None
            window, self._window = self._window, None
            try:
                _close_store(self.path, store, failed)
            finally:
                del store
                self._generation += 1
                self.locks.set_generation(self._generation, writing=True)
                window.close()

    # the index, as in the module functions

    def current_graph(self, source: str, content_hash: str) -> NamedNode | None:
        return self.read(lambda s: current_graph(s, source, content_hash))

    def is_current(self, graph: NamedNode, content_hash: str) -> bool:
        return self.read(lambda s: is_current(s, graph, content_hash))

    def graphs_of_source(self, source: str) -> list[NamedNode]:
        return self.read(lambda s: graphs_of_source(s, source))

    def graphs_copied_from(self, source: str) -> list[NamedNode]:
        return self.read(lambda s: graphs_copied_from(s, source))

    def kept(self, graph: NamedNode) -> Kept | None:
        return self.read(lambda s: kept(s, graph))

    def copies(self, graph: NamedNode) -> list[tuple[str, str]]:
        return self.read(lambda s: copies(s, graph))

    def close(self, *, wait_for_servers: bool = True) -> None:
        """End the open window and let the store go; when something was written, wait until
        read-only servers serve it."""
        try:
            with self._writing:
                if self._store is not None:
                    self._close_window()
        finally:
            with self._mutex:
                self._view = None
            if self.wrote:
                self.locks.set_generation(self._generation, writing=False)
            self.locks.release_build()
        if self.wrote and wait_for_servers:
            self.locks.wait_for_servers(self._generation)

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def stamp_quads(graph: NamedNode, content_hash: str, quads: int) -> list[Quad]:
    """The quads that let a later build recognise this graph as up to date.

    They include ``fakg:quadCount``: ``quads``, the number of quads in the
    graph once stamped (:func:`stamped_size`), so that the size of the store
    is a sum over articles (``queries/summary.rq``) rather than a scan of
    every quad.
    """
    return [
        Quad(graph, CONTENT_HASH, Literal(content_hash), graph),
        Quad(graph, EXTRACTOR_VERSION, Literal(__version__), graph),
        Quad(graph, QUAD_COUNT, Literal(str(quads), datatype=XSD("integer")), graph),
    ]


def stamped_size(quads: list[Quad], content_hash: str) -> int:
    """How many quads an article's graph holds once written and stamped (the article may state its hash too)."""
    return len(set(quads).union(stamp_quads(quads[0].graph_name, content_hash, 0)))


def _value(store: Store, graph: NamedNode, predicate: NamedNode, subject: NamedNode | None = None) -> str | None:
    """The value of ``predicate`` on ``subject`` (default: the article node, the graph's name) in ``graph``."""
    for q in store.quads_for_pattern(subject or graph, predicate, None, graph):
        return q.object.value
    return None


def is_current(store: Store, graph: NamedNode, content_hash: str) -> bool:
    """True when ``graph`` was built from this content by this extractor version."""
    return (
        _value(store, graph, EXTRACTOR_VERSION) == __version__
        and _value(store, graph, CONTENT_HASH) == content_hash
    )


@dataclass(frozen=True)
class Kept:
    """What the store says about an article graph: the file it was extracted from, and whether
    this extractor version built it."""

    source: str
    current: bool


def kept(store: Store, graph: NamedNode) -> Kept | None:
    """The kept file of ``graph`` (None: no such article in the store)."""
    source = _value(store, graph, SOURCE_FILE)
    if source is None:
        return None
    return Kept(from_stored(source), _value(store, graph, EXTRACTOR_VERSION) == __version__)


def graphs_of_source(store: Store, source: str) -> list[NamedNode]:
    """The article graphs whose ``fakg:sourceFile`` (the kept file) is exactly ``source`` (a path
    as Python has it; :func:`builder.paths.stored` makes the literal)."""
    return [q.graph_name for q in store.quads_for_pattern(None, SOURCE_FILE, Literal(stored(source)), None)
            if q.subject == q.graph_name]


def graphs_copied_from(store: Store, source: str) -> list[NamedNode]:
    """The article graphs that record ``source`` as a copy."""
    return [q.graph_name for q in store.quads_for_pattern(None, COPY_FILE, Literal(stored(source)), None)]


def current_graph(store: Store, source: str, content_hash: str) -> NamedNode | None:
    """The graph built from ``source`` with this content by this extractor version, if there is one.

    This is the check a build makes *before* extracting an article: two index
    seeks, no extraction, no hazm.  A copy with this content counts while its
    article's kept file is still there; once that file is gone the copy is
    extracted and takes its place.
    """
    for g in graphs_of_source(store, source):
        if is_current(store, g, content_hash):
            return g
    for q in store.quads_for_pattern(None, COPY_FILE, Literal(stored(source)), None):
        g = q.graph_name
        if (_value(store, g, COPY_HASH, q.subject) == content_hash and _value(store, g, EXTRACTOR_VERSION) == __version__
                and os.path.lexists(file_of(from_stored(_value(store, g, SOURCE_FILE) or "")))):
            return g
    return None


def copy_node(graph: NamedNode, source: str) -> NamedNode:
    """The node that records ``source`` as a copy of the article ``graph``."""
    return mint("copy", graph, hashlib.sha256(stored(source).encode("utf-8")).hexdigest()[:16])


def copy_quads(graph: NamedNode, source: str, content_hash: str) -> list[Quad]:
    """``source`` (with this content) recorded as a copy of the article ``graph``."""
    node = copy_node(graph, source)
    return [Quad(graph, COPY, node, graph), Quad(node, COPY_FILE, Literal(stored(source)), graph),
            Quad(node, COPY_HASH, Literal(content_hash), graph)]


def copies(store: Store, graph: NamedNode) -> list[tuple[str, str]]:
    """``(file, content hash)`` of every copy recorded in ``graph``, sorted."""
    return sorted((from_stored(q.object.value), _value(store, graph, COPY_HASH, q.subject) or "")
                  for q in store.quads_for_pattern(None, COPY_FILE, None, graph))


def record_copies(store: Store, graph: NamedNode, add: Iterable[tuple[str, str]] = (),
                  forget: Iterable[str] = ()) -> None:
    """Record the copies ``add`` (file, content hash) in ``graph`` and forget the files ``forget``,
    then count the graph's quads again (``fakg:quadCount``, when the graph is stamped)."""
    for source in [*forget, *(path for path, _ in add)]:
        node = copy_node(graph, source)
        for q in list(store.quads_for_pattern(node, None, None, graph)) + [Quad(graph, COPY, node, graph)]:
            store.remove(q)
    store.extend([q for path, h in add for q in copy_quads(graph, path, h)])
    old = list(store.quads_for_pattern(graph, QUAD_COUNT, None, graph))
    if old:
        for q in old:
            store.remove(q)
        n = sum(1 for _ in store.quads_for_pattern(None, None, None, graph)) + 1
        store.add(Quad(graph, QUAD_COUNT, Literal(str(n), datatype=XSD("integer")), graph))


def replace_graph(store: Store, graph: NamedNode, quads: list[Quad]) -> None:
    """Drop ``graph`` and insert ``quads`` (which must all be in ``graph``)."""
    store.remove_graph(graph)
    store.extend(quads)


# --- removing articles by source -----------------------------------------

_LINE_SUFFIX = re.compile(r":\d+$")


def sources(store: Store) -> Iterator[tuple[str, NamedNode]]:
    """Every ``(kept file, article graph)`` in the store, the file as the path Python names it
    (undecodable bytes surrogate-escaped again: :func:`builder.paths.from_stored`)."""
    for q in store.quads_for_pattern(None, SOURCE_FILE, None, None):
        if q.subject == q.graph_name:
            yield from_stored(q.object.value), q.graph_name


def file_of(source: str) -> str:
    """The file a source names: ``data/x.jsonl:7`` -> ``data/x.jsonl`` (when that is how it reads)."""
    if os.path.lexists(source):
        return source
    return _LINE_SUFFIX.sub("", source)


def _norm(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


@dataclass
class Removal:
    """What ``fakg remove`` does: the articles to drop, the copies to forget, and what it does not do.

    ``unmatched``: named paths from which no article was read; ``still_read``: a named path that
    is an article's kept file, with the article's other files, which were not all named.
    """

    graphs: list[NamedNode] = field(default_factory=list)
    forget: list[tuple[NamedNode, str]] = field(default_factory=list)  # (article graph, copy file)
    unmatched: list[str] = field(default_factory=list)
    still_read: list[tuple[str, list[str]]] = field(default_factory=list)


def plan_removal(store: Store, paths: Iterable[str] = (), *, missing: bool = False) -> Removal:
    """What removing ``paths`` (files, JSON Lines files, folders), and with ``missing`` the files
    that no longer exist, does to the store.

    An article read from several files (its kept file and its copies) is removed when every one
    of them is named or gone; otherwise only the copies named or gone are forgotten (the article
    is still read from the others: a gone kept file is replaced by a copy at the next build).
    A file matches a path when it is that path, a line of it (``path:N``) or a file under it (a
    folder); both are made absolute against the current folder, so give paths as you gave them
    to ``fakg build`` (or from the same folder).
    """
    wanted = {p: _norm(p) for p in paths}
    matched: set[str] = set()

    def named(source: str) -> bool:
        candidates = {_norm(source), _norm(_LINE_SUFFIX.sub("", source))}
        hits = [p for p, n in wanted.items()
                if any(c == n or c.startswith(n.rstrip(os.sep) + os.sep) for c in candidates)]
        matched.update(hits)
        return bool(hits)

    plan = Removal()
    for source, graph in list(sources(store)):
        files = [source, *(path for path, _ in copies(store, graph))]
        by_name = [f for f in files if named(f)]
        gone = [f for f in files if f in by_name or (missing and not os.path.lexists(file_of(f)))]
        if len(gone) == len(files):
            plan.graphs.append(graph)
            continue
        plan.forget += [(graph, f) for f in gone if f != source]
        if source in by_name:
            plan.still_read.append((source, [f for f in files if f not in gone]))
    plan.unmatched = [p for p in wanted if p not in matched]
    return plan


def carry_out(store: Store, plan: Removal) -> int:
    """Apply ``plan`` (:func:`plan_removal`); return how many articles were removed."""
    forget: dict[NamedNode, list[str]] = {}
    for graph, source in plan.forget:
        forget.setdefault(graph, []).append(source)
    for graph, sources_ in forget.items():
        record_copies(store, graph, forget=sources_)
    return remove_graphs(store, plan.graphs) if plan.graphs else 0


def remove_graphs(store: Store, graphs: Iterable[NamedNode]) -> int:
    """Drop these graphs and what only they put in the name index; return how many were there."""
    n = name_index.drop_graphs(store, graphs)
    name_index.prune(store)
    return n


# --- bulk loading -----------------------------------------------------------

@dataclass
class _Article:
    graph: NamedNode
    content_hash: str
    nquads: bytes
    drop: tuple[NamedNode, ...]
    count: int
    source: str | None


@dataclass
class _Chunk:
    """What one write does: articles to (re)write, copies to record, copies to forget, in input order."""

    articles: list[_Article] = field(default_factory=list)
    copies: list[tuple[NamedNode, str, str]] = field(default_factory=list)  # (graph, file, content hash)
    forget: list[tuple[NamedNode, str]] = field(default_factory=list)  # (graph, file)
    drop: list[NamedNode] = field(default_factory=list)  # graphs a copy's file was the kept file of
    marks: set[NamedNode] = field(default_factory=set)  # entities whose index entries were thrown away
    size: int = 0

    def __bool__(self) -> bool:
        return bool(self.articles or self.copies or self.forget or self.drop or self.marks)


class Loader:
    """Writes article graphs in chunks, on a thread of its own, with replace semantics.

    ``add(graph, content_hash, nquads, count, drop=(), source=None, forget=())``
    queues one article: its N-Quads (the quads of ``graph``, which holds
    ``count`` once stamped, and its entries in the name index), plus older
    graphs to drop (the graphs its source used to produce under another IRI)
    and graphs in which its source was a copy.  ``add_copy`` records a file as
    a copy of an article.  A chunk is written when it
    holds ``chunk_bytes`` of N-Quads: the graphs it replaces are dropped, the
    N-Quads go to Oxigraph's bulk loader (a small chunk, as in an incremental
    build, goes through an ordinary transaction instead), then the
    extractor-version stamps are written in one transaction, the copies are
    recorded (those of a rewritten article kept) and the name
    index is pruned of what only the dropped graphs named
    (:mod:`builder.name_index`).  At most one
    chunk waits while another is written, so memory stays bounded however
    large the build.

    :meth:`pending` tells whether a graph is queued but not yet in the store
    (:meth:`queued_source`: from which file);
    :meth:`barrier` waits until everything queued is written.  Given a
    :class:`Writer` rather than a store, the chunks are written through it
    (:meth:`Writer.write`: into the store it keeps open while no reader
    waits); :attr:`written` counts the articles written.
    """

    def __init__(self, store: Store | Writer, *, chunk_bytes: int = 32 << 20, bulk_min_bytes: int = 4 << 20,
                 sent_once: bool = False):
        self.store = store
        self.sent_once = sent_once  # the workers send each index entry once (name_index.Sent): settle at the end
        self.written = 0  # articles in the store
        self.chunk_bytes = chunk_bytes
        self.bulk_min_bytes = bulk_min_bytes
        self._chunk = _Chunk()
        self._pending: dict[str, tuple[str, str | None]] = {}  # graph IRI -> (content hash, source), not yet written
        self._lock = threading.Lock()
        self._queue: Queue = Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="fakg-loader", daemon=True)
        self._thread.start()

    # called from the building thread

    def pending(self, graph: NamedNode) -> str | None:
        """The content hash of ``graph`` if it is queued and not yet written, else None."""
        with self._lock:
            return self._pending.get(graph.value, (None, None))[0]

    def queued_source(self, graph: NamedNode) -> str | None:
        """The file ``graph`` is queued from, if it is queued and not yet written."""
        with self._lock:
            return self._pending.get(graph.value, (None, None))[1]

    def add(self, graph: NamedNode, content_hash: str, nquads: bytes, count: int,
            drop: Iterable[NamedNode] = (), *, source: str | None = None, forget: Iterable[NamedNode] = ()) -> None:
        """Queue one article: ``graph`` holds ``count`` quads once stamped (:func:`stamped_size`).

        ``nquads`` holds the graph's quads but its stamps, and the article's name index entries;
        ``source`` is the file it was read from, which ``forget`` (graphs) no longer record as a copy.
        """
        self._check()
        if self.pending(graph) is not None:  # the same article twice: the later one wins
            self.barrier()
        with self._lock:
            self._pending[graph.value] = (content_hash, source)
        self._chunk.articles.append(_Article(graph, content_hash, nquads, tuple(drop), count, source))
        self._chunk.forget += [(g, source) for g in forget]
        self._chunk.size += len(nquads)
        if self._chunk.size >= self.chunk_bytes:
            self._send()

    def add_copy(self, graph: NamedNode, source: str, content_hash: str, drop: Iterable[NamedNode] = (),
                 forget: Iterable[NamedNode] = ()) -> None:
        """Record ``source`` (with this content) as a copy of the article ``graph``, queued before it;
        drop the graphs ``source`` was the kept file of, and forget it as a copy of ``forget``."""
        self._check()
        self._chunk.copies.append((graph, source, content_hash))
        self._chunk.forget += [(g, source) for g in forget]
        self._chunk.drop += drop

    def discard(self, nquads: bytes) -> None:
        """An extracted article is thrown away (stored already, or a copy): the index entries it
        carried were sent once, so the entities they are about are settled at the end."""
        if self.sent_once:
            self._chunk.marks |= name_index.entities_in(bytes(nquads))

    def barrier(self) -> None:
        """Return when everything added so far is in the store."""
        self._send()
        self._queue.join()
        self._check()

    def close(self) -> None:
        self.barrier()
        self._queue.put(None)
        self._thread.join()
        if self.sent_once and self._read(name_index.pending):
            self._apply(name_index.settle)
        if isinstance(self.store, Store):
            self.store.flush()

    def _read(self, fn):
        return fn(self.store) if isinstance(self.store, Store) else self.store.read(fn)

    def _apply(self, fn) -> None:
        if isinstance(self.store, Store):
            fn(self.store)
        else:
            self.store.write(fn)

    def _send(self) -> None:
        if self._chunk:
            chunk, self._chunk = self._chunk, _Chunk()
            self._queue.put(chunk)

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

    # the loader thread

    def _run(self) -> None:
        while True:
            chunk = self._queue.get()
            try:
                if chunk is None:
                    return
                if self._error is None:
                    self._write(chunk)
            except BaseException as e:  # reported to the building thread at its next call
                self._error = e
            finally:
                self._queue.task_done()

    def _write(self, chunk: _Chunk) -> None:
        self._apply(lambda store: self._write_into(store, chunk))
        with self._lock:
            for a in chunk.articles:
                if self._pending.get(a.graph.value, (None,))[0] == a.content_hash:
                    del self._pending[a.graph.value]
            self.written += len(chunk.articles)

    def _write_into(self, store: Store, chunk: _Chunk) -> None:
        articles = chunk.articles
        # copies of an article that is rewritten stay recorded (but its kept file's own record)
        records: dict[NamedNode, tuple[dict[str, str], set[str]]] = {}
        for a in articles:
            records[a.graph] = ({f: h for f, h in copies(store, a.graph) if f != a.source}, set())
        name_index.drop_graphs(store, [g for a in articles for g in (a.graph, *a.drop)] + chunk.drop)
        name_index.mark(store, chunk.marks)
        data = b"".join(a.nquads for a in articles)
        if len(data) >= self.bulk_min_bytes:
            store.bulk_load(data, format=RdfFormat.N_QUADS, lenient=True)
        elif data:  # (a chunk may hold only copies)
            store.load(data, format=RdfFormat.N_QUADS, lenient=True)
        store.extend([q for a in articles for q in stamp_quads(a.graph, a.content_hash, a.count)])
        for graph, source, h in chunk.copies:
            records.setdefault(graph, ({}, set()))[0][source] = h
        for graph, source in chunk.forget:
            add, forget = records.setdefault(graph, ({}, set()))
            add.pop(source, None)
            forget.add(source)
        for graph, (add, forget) in records.items():
            if add or forget:
                record_copies(store, graph, sorted(add.items()), sorted(forget))
        name_index.prune(store, keep_marks=self.sent_once)
