"""What running ``fakg serve`` processes leave in a store: their snapshots and their Oxigraph processes.

A read-only server serves a *snapshot* of the store (a RocksDB checkpoint in
``STORE/fakg/serve/ID/``, :func:`snapshot`), which later writes cannot touch,
and notes the generation it serves; a build that wrote waits until every
running server serves it (:func:`wait_for_servers`).  Every server lists the
Oxigraph processes it started in a file of ``STORE/fakg/children/`` that it
holds locked (:class:`ChildRecord`), so that the next serve or build can stop
those of a server that was killed (:func:`clear_orphans`).
"""
from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import Store

from .locks import READ_WAIT, SERVER_CATCH_UP, StoreLocks, _argv, _LockFile, _running, _write_atomically, fcntl

def snapshot(locks: StoreLocks, dest: Path, wait: float = READ_WAIT) -> int:
    """Write a snapshot of the store to ``dest`` (a RocksDB checkpoint: hard links, no copy); return its generation.

    The snapshot is a store of its own: later writes to this one do not touch it.
    """
    with locks.reading(wait):
        n, _ = locks.generation()
        store = Store.read_only(str(locks.store))
        try:
            store.backup(str(dest))
        finally:
            del store
    return n


def server_slot(locks: StoreLocks) -> "ServerSlot":
    """A folder for one read-only server's snapshots, removed when it stops (or by the next server after a crash)."""
    root = locks.dir / "serve"
    root.mkdir(parents=True, exist_ok=True)
    for old in root.iterdir():  # left by servers that were killed
        lock = _LockFile(old / "owner.lock")
        if not old.name.startswith(".") and (old / "owner.lock").exists() and lock.acquire(True, 0):
            shutil.rmtree(old, ignore_errors=True)
            lock.release()
    return ServerSlot(root / f"{os.getpid()}-{os.urandom(4).hex()}")


def wait_for_servers(locks: StoreLocks, generation: int, timeout: float = SERVER_CATCH_UP) -> None:
    """Return when every running read-only server serves ``generation`` or later (or after ``timeout`` s)."""
    root = locks.dir / "serve"
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


def child_record(locks: StoreLocks) -> "ChildRecord | None":
    """A record of the Oxigraph processes this process starts over the store (None: it cannot be written)."""
    try:
        return ChildRecord(locks.dir / "children")
    except OSError:
        return None


def clear_orphans(locks: StoreLocks) -> list[int]:
    """Stop the Oxigraph processes left over this store by a ``fakg serve`` that was killed; their pids.

    A record whose lock can be taken has lost its owner.  Each process it
    names is killed only if it still runs ``oxigraph`` over the location
    recorded, inside this store (a pid may have been reused since).
    """
    root = locks.dir / "children"
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
                if _serves_over(pid, location, locks.store) and _kill(pid):
                    killed.append(pid)
            record.unlink(missing_ok=True)
        except OSError:
            pass
        finally:
            lock.release()
    return killed


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
