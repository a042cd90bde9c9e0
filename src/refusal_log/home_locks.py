"""The locks and working folders around the log's database file.

A write takes a lock on a file beside the database that is never replaced (so a
`restore` swapping the database cannot strand a waiting writer), and `backup` and
`restore` work in private folders that a later command tidies away if their process
was killed. store.py uses both; neither touches SQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from refusal_log import paths
from refusal_log.errors import StoreBusy, StoreNotWritable

BUSY_TIMEOUT_MS = 15_000


def busy() -> StoreBusy:
    return StoreBusy("The log is busy: another refusal-log is writing to it. Nothing was changed; try again in a moment.")


# --- the write lock -----------------------------------------------------------------
#
# SQLite's own lock lives on the database file, and `restore` replaces that file: a
# writer waiting on the old file's lock would get it after the swap and write into a
# file nobody will ever read again ("Logged entry 4", then gone). So every writer, and
# restore from its backup of the old log to the swap, first takes a lock on a file that
# is never replaced. A killed process drops its lock with it.

LOCK_NAME = "refusal-log.lock"


@contextmanager
def write_lock(home: Path | None = None) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # not on POSIX: SQLite's own lock is all there is
        yield
        return
    home = home or paths.home_dir()
    lock = home / LOCK_NAME
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError as exc:
        raise StoreNotWritable(f"The folder {home} cannot be written to ({exc.strerror}); nothing was changed.") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        if not _wait_for_lock(fd, fcntl):
            raise busy() from None
    try:
        yield
    finally:
        os.close(fd)  # closing drops the lock


def _wait_for_lock(fd: int, fcntl) -> bool:
    """Block in the kernel (woken the moment the lock is free), up to the busy timeout.

    Polling would lose every race to a writer that releases and takes the lock again
    at once. A blocking call cannot be given a timeout, so it waits in a thread; if the
    timeout passes first, the thread gives the lock back (and closes the file) as soon
    as it gets it.
    """
    import threading

    state = {"given_up": False, "got": False}
    guard = threading.Lock()

    def take() -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with guard:
            state["got"] = True
            if state["given_up"]:
                os.close(fd)

    waiter = threading.Thread(target=take, daemon=True)
    waiter.start()
    waiter.join(BUSY_TIMEOUT_MS / 1000)
    with guard:
        if state["got"]:
            return True
        state["given_up"] = True
    return False


# --- staging folders ---------------------------------------------------------------
#
# backup and restore work in a private folder inside the home (a full copy of the
# family's record must not sit in a shared /tmp). A process killed mid-way cannot
# remove its own, so each holds a lock on a file inside it while it lives, and the
# next command removes any folder whose owner is gone, and says so (see notes).

STAGING_PREFIXES = (".backup-", ".restore-")
_OWNER = ".owner"
notes: list[str] = []


@contextmanager
def staging(prefix: str) -> Iterator[Path]:
    import shutil
    import tempfile

    work = Path(tempfile.mkdtemp(prefix=prefix, dir=paths.home_dir()))
    fd = os.open(work / _OWNER, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _flock(fd, blocking=False)
        yield work
    finally:
        os.close(fd)
        shutil.rmtree(work, ignore_errors=True)


def _flock(fd: int, blocking: bool) -> bool:
    try:
        import fcntl
    except ImportError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        return True
    except BlockingIOError:
        return False


def sweep_staging(home: Path) -> None:
    """Remove copies left by a backup or restore that was killed; a live one is left alone."""
    import shutil
    import time

    try:
        found = [p for p in home.iterdir() if p.name.startswith(STAGING_PREFIXES) and p.is_dir()
                 and not p.is_symlink()]
    except OSError:
        return
    for folder in found:
        try:
            fd = os.open(folder / _OWNER, os.O_RDWR)
        except FileNotFoundError:
            # Made this instant, before its owner could lock it? Leave it a minute.
            if time.time() - folder.stat().st_mtime < 60:
                continue
            fd = None
        except OSError:
            continue
        try:
            if fd is not None and not _flock(fd, blocking=False):
                continue  # its backup or restore is still running
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                notes.append(f"Removed {folder.name}, a working copy left in {home} by a backup or restore "
                             "that was stopped; your log was not affected.")
        finally:
            if fd is not None:
                os.close(fd)


def take_notes() -> list[str]:
    taken = notes[:]
    notes.clear()
    return taken
