"""Opening the store: to read it while no write window is open (:func:`reading`), and to write it
in write windows (:class:`Writer`), as the lock protocol of :mod:`builder.storage.locks` has it.
"""
from __future__ import annotations

import gc
import os
import shutil
import struct
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from pyoxigraph import NamedNode, Store

from . import index
from .locks import READ_WAIT, StoreBusy, StoreLocks, _command_line, fcntl
from . import serve_records

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


def _probe_lock(path: Path, command: int) -> tuple[int, int] | None:
    """(lock kind, holder pid) that ``fcntl`` ``command`` (F_GETLK or F_OFD_GETLK) reports for a write
    lock on RocksDB's LOCK file, or None when the file cannot be opened or asked."""
    try:
        fd = os.open(path / "LOCK", os.O_RDWR)
    except OSError:
        return None
    try:
        probe = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        kind, _, _, _, pid = struct.unpack("hhqqi", fcntl.fcntl(fd, command, probe))
        return kind, pid
    except OSError:
        return None
    finally:
        os.close(fd)  # this process holds no lock on the file: closing drops none


def _rocksdb_holder(path: Path) -> int | None:
    """The pid of the process holding RocksDB's LOCK file (its own ``fcntl`` record lock), if another one does."""
    found = _probe_lock(path, fcntl.F_GETLK) if fcntl is not None else None
    return found[1] if found is not None and found[0] != fcntl.F_UNLCK and found[1] > 0 else None


if fcntl is not None and hasattr(fcntl, "F_OFD_GETLK"):
    def _rocksdb_locked(path: Path) -> bool:
        """True while some handle holds RocksDB's LOCK file (an open writable store)."""
        found = _probe_lock(path, fcntl.F_OFD_GETLK)
        return found is not None and found[0] != fcntl.F_UNLCK
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
        serve_records.clear_orphans(self.locks)  # a killed `fakg serve --writable` may have left its Oxigraph holding the store
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
        return self.read(lambda s: index.current_graph(s, source, content_hash))

    def is_current(self, graph: NamedNode, content_hash: str) -> bool:
        return self.read(lambda s: index.is_current(s, graph, content_hash))

    def graphs_of_source(self, source: str) -> list[NamedNode]:
        return self.read(lambda s: index.graphs_of_source(s, source))

    def graphs_copied_from(self, source: str) -> list[NamedNode]:
        return self.read(lambda s: index.graphs_copied_from(s, source))

    def kept(self, graph: NamedNode) -> index.Kept | None:
        return self.read(lambda s: index.kept(s, graph))

    def copies(self, graph: NamedNode) -> list[tuple[str, str]]:
        return self.read(lambda s: index.copies(s, graph))

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
            serve_records.wait_for_servers(self.locks, self._generation)

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
