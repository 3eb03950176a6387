"""How processes share a store: a protocol of ``flock`` locks on files in ``STORE/fakg/``.

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
* a writer writes in *write windows* (:class:`builder.storage.access.Writer`): it waits for the
  readers to leave, opens the store writable and writes chunk after chunk
  (old graphs dropped, new ones loaded, stamps) into the open store.  After
  each chunk it looks whether a reader waits (it holds ``turn.lock``); only
  then, and at its end, it flushes, closes the store (RocksDB finishes its
  background work when it closes; a check on RocksDB's LOCK file makes sure
  no handle was kept), bumps the *generation* and lets the readers in.
  Between windows it holds no writable handle, only a read-only view for its
  "is this article current?" checks, closed before the next window;
* readers (:func:`builder.storage.access.reading`: ``fakg query``, ``facts``, ``validate``,
  ``export``, ``link``, a build's closing summary) hold the lock shared for as
  long as they use the store, so they never read during a window: they wait
  for it to end (at most :data:`READ_WAIT` seconds, then "the store is busy"),
  and answer from whole articles; a ``fakg serve --writable`` holds the store
  for as long as it runs, which readers are told at once;
* a read-only ``fakg serve`` takes the lock shared only to make a *snapshot*
  (a RocksDB checkpoint inside ``STORE/fakg/serve/``: hard links, no copy),
  which it serves; later writes cannot touch a snapshot, so it answers
  during a build, and switches to a new snapshot when the generation moves
  (see :mod:`builder.storage.serve`).  A build that wrote waits, at its end, until
  the running servers serve what it wrote (:func:`builder.storage.serve_records.wait_for_servers`);
  a server that wants a newer snapshot while a build writes is a waiting
  reader, for which the build ends its window after its next chunk;
* a ``fakg serve`` (either kind) lists the Oxigraph processes it started in
  a file of ``STORE/fakg/children/`` that it holds locked
  (:class:`builder.storage.serve_records.ChildRecord`).  Its processes die with it, but should one outlive
  a ``fakg serve`` that was killed (a writable one would hold the store
  outside the locks), the next serve or build finds the record unlocked and
  kills them (:func:`builder.storage.serve_records.clear_orphans`).

``flock`` locks belong to open files, so they go with a process however it
ends (SIGKILL included); the files are opened close-on-exec, so children do
not inherit them (pool workers are forked from a fork server, never from the
build).  Where there is no ``fcntl`` (Windows), or the lock files cannot be
created (a store on a read-only disk), the locks do nothing.  A program that
opens the store with pyoxigraph directly is outside the protocol.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: no locking (see the module docstring)
    fcntl = None

class StoreBusy(RuntimeError):
    """Another process writes the store (a build, ``fakg remove``, ``fakg serve --writable``)."""


#: fakg's own files, in a folder inside the store directory (RocksDB ignores what it did not name)
FAKG_DIR = "fakg"


#: how long a reader waits for a write window to end before it says the store is busy
READ_WAIT = 60.0


#: how long a build that wrote waits, at its end, for the read-only servers of the store to serve it
SERVER_CATCH_UP = 20.0


#: a writer waiting this long for readers to finish says so (once)
WRITER_NOTICE_AFTER = 5.0


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
    * ``serve/ID/`` and ``children/ID``: the running servers' snapshots and
      processes (:mod:`builder.storage.serve_records`).
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
