"""Backups: the whole record in one file, and back again.

A backup is a .tar.gz holding a consistent copy of the database (made with SQLite's
online backup API, so it is safe while another refusal-log is writing), every
attachment, and manifest.json with the SHA-256 of each. `restore` checks every hash
and verifies the staged copy's hash chain before it touches the home, and never replaces
a log that holds anything unless told to with --force, and then only after backing
that log up first.
"""

from __future__ import annotations

import errno
import io
import json
import re
import sqlite3
import stat
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from refusal_log import __version__, attachments, dates, integrity, paths, search, store
from refusal_log.errors import DamagedStore, InvalidInput, RefusalLogError, StoreNotWritable

FORMAT = "refusal-log-backup"


@dataclass
class BackupResult:
    path: Path
    entries: int  # every entry in the chain (the manifest's count)
    head: str
    size: int
    counts: str = ""  # as verify says it: "43 entries, 108 register codes and 4 requests"


@dataclass
class RestoreResult:
    home: Path
    entries: int
    head: str
    previous_backup: Path | None
    counts: str = ""  # as verify says it
    previous_counts: str = ""  # what the replaced log held, as verify says it


def _default_name() -> str:
    return f"refusal-log-backup-{dates.now():%Y-%m-%d-%H%M%S}.tar.gz"


def _snapshot_database(target: Path) -> tuple[int, str, str]:
    """Copy the live database into `target` with SQLite's backup API."""
    source = store._open_for_reading(paths.db_path())
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            entries = copy.execute("SELECT count(*) FROM entry").fetchone()[0]
            counts = integrity.tally(copy).counts()
            row = copy.execute("SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
            # The copy is a standalone file: no WAL side files to carry around.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
    except sqlite3.DatabaseError as exc:
        if "full" in str(exc).lower():
            raise _home_full() from None
        raise store.translate(exc, paths.db_path()) from None
    finally:
        source.close()
    return entries, row[0] if row else integrity.GENESIS, counts


def _home_full() -> StoreNotWritable:
    home = paths.home_dir()
    try:
        size = f" (about {max(1, paths.db_path().stat().st_size // 1_000_000):,} MB, plus your attached files)"
    except OSError:
        size = ""
    return StoreNotWritable(
        f"The disk that holds {home} is full. A backup first makes a working copy of your log in that folder, "
        f"even when --out is elsewhere, so it needs free space there{size}. Free some space on that disk and "
        "try again; nothing in your log was changed."
    )


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(dates.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def _add_file(archive: tarfile.TarFile, name: str, path: Path) -> None:
    info = tarfile.TarInfo(name)
    info.size = path.stat().st_size
    info.mode = 0o600
    info.mtime = int(dates.now().timestamp())
    with open(path, "rb") as handle:
        archive.addfile(info, handle)


def backup(out: str | None = None) -> BackupResult:
    """Write one archive holding the database, the attachments and a manifest of hashes."""
    if not store.holds_something():
        store._open_for_reading(paths.db_path())  # raises the plain "nothing logged yet" or "is empty"
    target = Path(out).expanduser() if out else paths.backups_dir() / _default_name()
    if target.is_dir():
        target = target / _default_name()
    paths.refuse_if_part_of_log(target)
    making_copy = False  # a full disk while making the working copy is the home's disk
    try:
        paths.ensure_private_dir(target.parent)
        making_copy = True
        # The working copy is the family's whole record: keep it in the home (owner-only),
        # not in a shared temporary folder where a crash could leave it behind.
        with store.staging(".backup-") as work:
            db_copy = work / paths.DB_NAME
            entries, head, counts = _snapshot_database(db_copy)
            files = {paths.DB_NAME: db_copy}
            folder = paths.attachments_dir()
            for sha, name, entry_id in _attachments_in(db_copy):
                stored = folder / sha
                if not stored.is_file():
                    raise DamagedStore(
                        f"The file {name} kept with entry {entry_id} is missing from {folder}, so a backup would be "
                        "incomplete and nothing was written. 'refusal-log verify' shows what is missing."
                    )
                files[f"attachments/{sha}"] = stored
            manifest = {
                "format": FORMAT, "version": 1, "tool": __version__, "created": dates.now().isoformat(),
                "entries": entries, "head": head,
                "files": {name: integrity.file_sha256(path) for name, path in files.items()},
                "sizes": {name: path.stat().st_size for name, path in files.items()},
            }
            # Streamed to a file beside the target, then renamed: never half a backup.
            partial = work / "backup.tar.gz"
            with tarfile.open(partial, mode="w:gz") as archive:
                _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
                for name, path in files.items():
                    _add_file(archive, name, path)
            making_copy = False
            paths.atomic_write_file(partial, target)
    except OSError as exc:
        if making_copy and exc.errno == errno.ENOSPC:
            raise _home_full() from None
        raise StoreNotWritable(f"The backup could not be written to {target} ({exc.strerror}); "
                               "nothing in your log was changed.") from None
    return BackupResult(target, entries, head, target.stat().st_size, counts)


def _attachments_in(db_file: Path) -> list[tuple[str, str, int]]:
    conn = sqlite3.connect(db_file)
    try:
        return list(conn.execute("SELECT sha256, min(name), min(entry_id) FROM attachment GROUP BY sha256"))
    finally:
        conn.close()


_ATTACHMENT_NAME = re.compile(r"attachments/[0-9a-f]{64}")
# A backup is read member by member onto disk, never whole into memory, and each member
# must be no larger than the manifest says (and than such a file can be), so a small
# archive that unpacks to gigabytes is refused from its header, before it is read.
MAX_MANIFEST = 16 * 1024 * 1024
MAX_DATABASE = 1024 * 1024 * 1024 - 1
MAX_TOTAL = 64 * 1024 * 1024 * 1024


def _open_backup_file(path: str) -> Path:
    source = Path(path).expanduser()
    try:
        mode = source.stat().st_mode
    except OSError:
        raise InvalidInput(f"There is no backup file at {path}; check the name and folder.") from None
    except UnicodeEncodeError:
        raise InvalidInput(f"The name {path!r} is not valid text (UTF-8); rename the file and try again.") from None
    if not stat.S_ISREG(mode):
        raise InvalidInput(f"{path} is not a file (it is a folder, a device or a pipe); give a backup file "
                           "made with 'refusal-log backup'.")
    return source


def read_backup(path: str, into: Path) -> dict:
    """Unpack a backup into the folder `into`, checking every file against its manifest.

    Only three kinds of member are accepted: manifest.json (first), the database, and
    attachments named by the SHA-256 of their own bytes. So no name in an archive,
    however crafted, can lead a restore to write anywhere but the home.
    """
    import hashlib

    source = _open_backup_file(path)
    not_ours = InvalidInput(f"{path} is not a refusal-log backup (made with 'refusal-log backup'); nothing was restored.")
    too_big = InvalidInput(f"The backup {path} holds a file larger than its manifest or such a file allows; "
                           "nothing was restored.")
    manifest: dict | None = None
    found: dict[str, tuple[str, int]] = {}  # name: (sha256, size)
    total = 0
    try:
        with tarfile.open(source, mode="r|*") as archive:
            for member in archive:
                if not member.isfile():
                    raise not_ours
                if member.name == "manifest.json" and manifest is None:
                    if member.size > MAX_MANIFEST:
                        raise not_ours
                    manifest = _manifest(archive.extractfile(member).read(), not_ours)
                    continue
                name = member.name
                if name in found or (manifest is not None and name not in manifest["files"]):
                    raise _incomplete(path)
                if name != paths.DB_NAME and not _ATTACHMENT_NAME.fullmatch(name):
                    raise not_ours
                total += member.size
                if member.size > (MAX_DATABASE if name == paths.DB_NAME else attachments.MAX_BYTES) \
                        or total > MAX_TOTAL or not _size_agrees(manifest, name, member.size):
                    raise too_big
                digest = hashlib.sha256()
                with archive.extractfile(member) as data, open(into / name, "wb") as out:
                    for block in iter(lambda: data.read(1 << 20), b""):
                        digest.update(block)
                        out.write(block)
                found[name] = (digest.hexdigest(), member.size)
    except (tarfile.TarError, EOFError, zlib.error, UnicodeError):
        raise not_ours from None
    except OSError as exc:
        if isinstance(exc, (IsADirectoryError, FileNotFoundError)) or exc.errno is None:
            raise not_ours from None
        raise StoreNotWritable(f"The backup could not be unpacked ({exc.strerror}); nothing was restored.") from None
    if manifest is None:
        raise not_ours
    if paths.DB_NAME not in found or set(found) != set(manifest["files"]):
        raise _incomplete(path)
    for name, (actual, size) in found.items():
        if not _size_agrees(manifest, name, size):
            raise too_big
        if actual != manifest["files"][name] or (name.startswith("attachments/") and name != f"attachments/{actual}"):
            raise InvalidInput(f"The backup {path} is damaged: {name} does not match its recorded hash; "
                               "nothing was restored.")
    return manifest


def _size_agrees(manifest: dict | None, name: str, size: int) -> bool:
    listed = (manifest or {}).get("sizes", {}).get(name)
    return not isinstance(listed, int) or listed == size


def _incomplete(path: str) -> InvalidInput:
    return InvalidInput(f"The backup {path} is incomplete or holds files its manifest does not list; "
                        "nothing was restored.")


def _manifest(raw: bytes, not_ours: InvalidInput) -> dict:
    try:
        manifest = json.loads(raw)
        files, sizes = manifest["files"], manifest.get("sizes", {})
        if manifest.get("format") != FORMAT or not isinstance(files, dict) or not isinstance(sizes, dict):
            raise not_ours
        if not all(isinstance(v, str) for v in files.values()):
            raise not_ours
    except (KeyError, ValueError, TypeError, AttributeError, RecursionError):
        raise not_ours from None
    return manifest


def _log_has_anything() -> bool:
    """Whether the home holds anything a restore would replace: entries, children, contacts, details."""
    if not store.holds_something():
        return False
    with store.reading() as db:
        return db.execute("SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM child) + "
                          "(SELECT count(*) FROM contact) + (SELECT count(*) FROM setting)").fetchone()[0] > 0


def restore(path: str, force: bool = False) -> RestoreResult:
    """Restore a backup. The staged copy is verified before anything in the home changes.

    From the backup of the log being replaced to the swap, restore holds the write lock
    every writer takes, so an entry added meanwhile is either in that backup or waits
    and lands in the restored log; it is never reported as logged and then lost.
    """
    _a_backup_first(_open_backup_file(path), path)
    home = paths.home_dir()
    if _log_has_anything() and not force:
        raise _not_empty(home)
    created = not home.exists()
    store._prepare_home_for_writing(empty_ok=True)
    db = paths.db_path()
    try:
        with store.staging(".restore-") as work:
            staged_db = work / paths.DB_NAME
            staged_files = work / "attachments"
            staged_files.mkdir(mode=0o700)
            read_backup(path, work)
            paths.make_private(staged_db)
            try:
                # The search index is derived from the entries: built afresh, never taken on trust.
                with store.writing_file(staged_db) as staged:
                    search.rebuild(staged)
                checked = integrity.verify(db_path=staged_db, attachments=staged_files)
            except RefusalLogError as exc:
                raise InvalidInput(f"The backup {path} does not verify ({exc}) Nothing in {home} was changed.") from None
            with store.write_lock(home):
                occupied = _log_has_anything()
                if occupied and not force:
                    raise _not_empty(home)
                previous = backup() if occupied else None
                folder = paths.ensure_private_dir(paths.attachments_dir())
                for staged in staged_files.iterdir():
                    staged.replace(folder / staged.name)
                # Side files of the old database must not be replayed over the restored one.
                for suffix in ("-wal", "-shm"):
                    db.with_name(db.name + suffix).unlink(missing_ok=True)
                staged_db.replace(db)
    except BaseException as failure:
        if created and not db.exists():
            _remove_new_home(home)
        if isinstance(failure, OSError):
            raise StoreNotWritable(f"The backup could not be restored into {home} ({failure.strerror}).") from None
        raise
    return RestoreResult(home, checked.entries, checked.head, previous and previous.path, checked.counts(),
                         previous.counts if previous else "")


def _a_backup_first(source: Path, path: str) -> None:
    """A file that is not a backup is called that before anything else is said: the newcomer on round 169 was told to
    "pass --force" for /etc/hostname. Only the first member is read: a backup's own kind of file, or it is none."""
    import lzma
    import zlib

    try:
        with tarfile.open(source, mode="r|*") as archive:
            first = next(iter(archive), None)
    except OSError as exc:
        raise InvalidInput(f"The backup {path} could not be read ({exc.strerror or exc}); nothing was restored.") from None
    except (tarfile.TarError, EOFError, ValueError, zlib.error, lzma.LZMAError):
        first = None
    if first is None or not (first.name in ("manifest.json", paths.DB_NAME) or _ATTACHMENT_NAME.fullmatch(first.name)):
        raise InvalidInput(f"{path} is not a refusal-log backup (made with 'refusal-log backup'); nothing was restored.")


def _not_empty(home: Path) -> InvalidInput:
    return InvalidInput(
        f"The log in {home} already holds entries, a child or your details, so nothing was restored. Restore into a "
        "new folder with --home, or pass --force to replace it (it is backed up first)."
    )


def _remove_new_home(home: Path) -> None:
    """A restore that failed into a folder it made leaves no folder behind."""
    import shutil

    leftovers = {p.name for p in home.iterdir()} if home.is_dir() else set()
    if leftovers <= {store.LOCK_NAME, "attachments", "backups"}:
        shutil.rmtree(home, ignore_errors=True)
