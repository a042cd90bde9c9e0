"""Backups: the whole record in one file, and back again.

A backup is a .tar.gz holding a consistent copy of the database (made with SQLite's
online backup API, so it is safe while another refusal-log is writing), every
attachment, and manifest.json with the SHA-256 of each. `restore` checks every hash
and verifies the staged copy's hash chain before it touches the home, and never replaces
a log that holds anything unless told to with --force, and then only after backing
that log up first.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from refusal_log import __version__, dates, integrity, paths, search, store
from refusal_log.errors import DamagedStore, InvalidInput, RefusalLogError, StoreNotWritable

FORMAT = "refusal-log-backup"


@dataclass
class BackupResult:
    path: Path
    entries: int
    head: str
    size: int


@dataclass
class RestoreResult:
    home: Path
    entries: int
    head: str
    previous_backup: Path | None


def _default_name() -> str:
    return f"refusal-log-backup-{dates.now():%Y-%m-%d-%H%M%S}.tar.gz"


def _snapshot_database(target: Path) -> tuple[int, str]:
    """Copy the live database into `target` with SQLite's backup API."""
    source = store._open_for_reading(paths.db_path())
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            entries = copy.execute("SELECT count(*) FROM entry").fetchone()[0]
            row = copy.execute("SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
            # The copy is a standalone file: no WAL side files to carry around.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
    except sqlite3.DatabaseError as exc:
        raise store.translate(exc, paths.db_path()) from None
    finally:
        source.close()
    return entries, row[0] if row else integrity.GENESIS


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
    if not store.exists():
        store._open_for_reading(paths.db_path())  # raises the plain "nothing logged yet"
    target = Path(out).expanduser() if out else paths.backups_dir() / _default_name()
    if target.is_dir():
        target = target / _default_name()
    paths.refuse_if_part_of_log(target)
    try:
        paths.ensure_private_dir(target.parent)
        # The working copy is the family's whole record: keep it in the home (owner-only),
        # not in a shared temporary folder where a crash could leave it behind.
        with tempfile.TemporaryDirectory(prefix=".backup-", dir=paths.home_dir()) as work:
            db_copy = Path(work) / paths.DB_NAME
            entries, head = _snapshot_database(db_copy)
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
            }
            # Streamed to a file beside the target, then renamed: never half a backup.
            partial = Path(work) / "backup.tar.gz"
            with tarfile.open(partial, mode="w:gz") as archive:
                _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
                for name, path in files.items():
                    _add_file(archive, name, path)
            paths.atomic_write_file(partial, target)
    except OSError as exc:
        raise StoreNotWritable(f"The backup could not be written to {target} ({exc.strerror}); "
                               "nothing in your log was changed.") from None
    return BackupResult(target, entries, head, target.stat().st_size)


def _attachments_in(db_file: Path) -> list[tuple[str, str, int]]:
    conn = sqlite3.connect(db_file)
    try:
        return list(conn.execute("SELECT sha256, min(name), min(entry_id) FROM attachment GROUP BY sha256"))
    finally:
        conn.close()


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


_ATTACHMENT_NAME = re.compile(r"attachments/[0-9a-f]{64}")


def read_backup(path: str) -> tuple[dict, dict[str, bytes]]:
    """Open a backup and check every file against its manifest; nothing is written.

    Only three kinds of member are accepted: manifest.json, the database, and
    attachments named by the SHA-256 of their own bytes. So no name in an archive,
    however crafted, can lead a restore to write anywhere but the home.
    """
    source = Path(path).expanduser()
    if not source.is_file():
        raise InvalidInput(f"There is no backup file at {path}; check the name and folder.")
    not_ours = InvalidInput(f"{path} is not a refusal-log backup (made with 'refusal-log backup'); nothing was restored.")
    try:
        contents = {}
        with tarfile.open(source, mode="r:*") as archive:
            for member in archive.getmembers():
                if not member.isfile():
                    raise not_ours
                if member.name not in ("manifest.json", paths.DB_NAME) and not _ATTACHMENT_NAME.fullmatch(member.name):
                    raise not_ours
                contents[member.name] = archive.extractfile(member).read()
    except (tarfile.TarError, OSError, EOFError, zlib.error):
        raise not_ours from None
    try:
        manifest = json.loads(contents.pop("manifest.json"))
        files = manifest["files"]
        if manifest.get("format") != FORMAT or not isinstance(files, dict):
            raise not_ours
    except (KeyError, ValueError, TypeError, AttributeError):
        raise not_ours from None
    if paths.DB_NAME not in contents or set(contents) != set(files):
        raise InvalidInput(f"The backup {path} is incomplete or holds files its manifest does not list; "
                           "nothing was restored.")
    for name, data in contents.items():
        actual = _sha(data)
        if actual != files[name] or (name.startswith("attachments/") and name != f"attachments/{actual}"):
            raise InvalidInput(f"The backup {path} is damaged: {name} does not match its recorded hash; "
                               "nothing was restored.")
    return manifest, contents


def _log_has_anything() -> bool:
    """Whether the home holds anything a restore would replace: entries, children, contacts, details."""
    if not store.exists():
        return False
    with store.reading() as db:
        return db.execute("SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM child) + "
                          "(SELECT count(*) FROM contact) + (SELECT count(*) FROM setting)").fetchone()[0] > 0


def restore(path: str, force: bool = False) -> RestoreResult:
    """Restore a backup. The staged copy is verified before anything in the home changes."""
    manifest, contents = read_backup(path)
    home = paths.home_dir()
    occupied = _log_has_anything()
    if occupied and not force:
        raise InvalidInput(
            f"The log in {home} is not empty, so nothing was restored. Restore into a new "
            "folder with --home, or pass --force to replace it (it is backed up first)."
        )
    store._prepare_home_for_writing()
    db = paths.db_path()
    try:
        with tempfile.TemporaryDirectory(prefix=".restore-", dir=home) as work:
            staged_db = Path(work) / paths.DB_NAME
            staged_files = Path(work) / "attachments"
            staged_files.mkdir(mode=0o700)
            paths.atomic_write(staged_db, contents[paths.DB_NAME])
            for name, data in contents.items():
                if name.startswith("attachments/"):
                    paths.atomic_write(staged_files / name.removeprefix("attachments/"), data)
            try:
                # The search index is derived from the entries: built afresh, never taken on trust.
                with store.writing_file(staged_db) as staged:
                    search.rebuild(staged)
                checked = integrity.verify(db_path=staged_db, attachments=staged_files)
            except RefusalLogError as exc:
                raise InvalidInput(f"The backup {path} does not verify ({exc}) Nothing in {home} was changed.") from None
            previous = backup().path if occupied else None
            folder = paths.ensure_private_dir(paths.attachments_dir())
            for staged in staged_files.iterdir():
                staged.replace(folder / staged.name)
            # Side files of the old database must not be replayed over the restored one.
            for suffix in ("-wal", "-shm"):
                db.with_name(db.name + suffix).unlink(missing_ok=True)
            staged_db.replace(db)
    except OSError as exc:
        raise StoreNotWritable(f"The backup could not be restored into {home} ({exc.strerror}).") from None
    return RestoreResult(home, checked.entries, checked.head, previous)
