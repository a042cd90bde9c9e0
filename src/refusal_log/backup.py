"""Backups: the whole record in one file, and back again.

A backup is a .tar.gz holding a consistent copy of the database (made with SQLite's
online backup API, so it is safe while another refusal-log is writing), every
attachment, and manifest.json with the SHA-256 of each. `restore` checks every hash
before it touches the home, and never overwrites a log that has entries unless told
to with --force, and even then only after backing that log up first.
"""

from __future__ import annotations

import io
import json
import sqlite3
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from refusal_log import __version__, dates, integrity, paths, store
from refusal_log.errors import InvalidInput, StoreNotWritable

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


def backup(out: str | None = None) -> BackupResult:
    """Write one archive holding the database, the attachments and a manifest of hashes."""
    if not store.exists():
        store._open_for_reading(paths.db_path())  # raises the plain "nothing logged yet"
    target = Path(out).expanduser() if out else paths.backups_dir() / _default_name()
    if target.exists() and target.is_dir():
        target = target / _default_name()
    try:
        if out is None:
            paths.ensure_private_dir(target.parent)
        elif not target.parent.is_dir():
            raise InvalidInput(f"The folder {target.parent} does not exist; create it or choose another --out.")
        with tempfile.TemporaryDirectory(prefix=".refusal-log-backup-") as work:
            db_copy = Path(work) / paths.DB_NAME
            entries, head = _snapshot_database(db_copy)
            files = {paths.DB_NAME: db_copy.read_bytes()}
            folder = paths.attachments_dir()
            for sha in _attachment_hashes(db_copy):
                stored = folder / sha
                if stored.is_file():
                    files[f"attachments/{sha}"] = stored.read_bytes()
            manifest = {
                "format": FORMAT, "version": 1, "tool": __version__, "created": dates.now().isoformat(),
                "entries": entries, "head": head,
                "files": {name: _sha(data) for name, data in files.items()},
            }
            buffer = io.BytesIO()
            with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
                _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
                for name, data in files.items():
                    _add_bytes(archive, name, data)
            paths.atomic_write(target, buffer.getvalue())
    except OSError as exc:
        raise StoreNotWritable(f"The backup could not be written to {target} ({exc.strerror}); "
                               "nothing in your log was changed.") from None
    return BackupResult(target, entries, head, target.stat().st_size)


def _attachment_hashes(db_file: Path) -> list[str]:
    conn = sqlite3.connect(db_file)
    try:
        return [r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM attachment")]
    finally:
        conn.close()


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def read_backup(path: str) -> tuple[dict, dict[str, bytes]]:
    """Open a backup and check every file against its manifest; nothing is written."""
    source = Path(path).expanduser()
    if not source.is_file():
        raise InvalidInput(f"There is no backup file at {path}; check the name and folder.")
    try:
        with tarfile.open(source, mode="r:*") as archive:
            # Read members by name into memory: no path in the archive is ever used
            # as a place to write, so a crafted archive cannot escape the home.
            contents = {}
            for member in archive.getmembers():
                if member.isfile():
                    contents[member.name] = archive.extractfile(member).read()
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise InvalidInput(f"{path} is not a refusal-log backup that can be read ({exc}).") from None
    try:
        manifest = json.loads(contents.pop("manifest.json"))
        assert manifest["format"] == FORMAT
    except (KeyError, ValueError, AssertionError, TypeError):
        raise InvalidInput(f"{path} is not a refusal-log backup: it has no valid manifest.") from None
    for name, expected in manifest["files"].items():
        if name not in contents:
            raise InvalidInput(f"The backup {path} is incomplete: {name} is missing; nothing was restored.")
        if _sha(contents[name]) != expected:
            raise InvalidInput(f"The backup {path} is damaged: {name} does not match its recorded hash; "
                               "nothing was restored.")
    unexpected = set(contents) - set(manifest["files"])
    if unexpected:
        raise InvalidInput(f"The backup {path} holds files its manifest does not list; nothing was restored.")
    return manifest, contents


def _has_entries() -> bool:
    if not store.exists():
        return False
    with store.reading() as db:
        return db.execute("SELECT count(*) FROM entry").fetchone()[0] > 0


def restore(path: str, force: bool = False) -> RestoreResult:
    manifest, contents = read_backup(path)
    home = paths.home_dir()
    previous = None
    if store.exists():
        if _has_entries() and not force:
            raise InvalidInput(
                f"The log in {home} already has entries, so nothing was restored. Restore into a new "
                "folder with --home, or pass --force to replace it (it is backed up first)."
            )
        previous = backup().path if _has_entries() else None
    store._prepare_home_for_writing()
    db = paths.db_path()
    try:
        for name, data in contents.items():
            if name.startswith("attachments/"):
                folder = paths.ensure_private_dir(paths.attachments_dir())
                paths.atomic_write(folder / name.split("/", 1)[1], data)
        staged = paths.atomic_write(db.with_name(db.name + ".restoring"), contents[paths.DB_NAME])
        # Side files of the old database must not be replayed over the restored one.
        for suffix in ("-wal", "-shm"):
            db.with_name(db.name + suffix).unlink(missing_ok=True)
        staged.replace(db)
    except OSError as exc:
        raise StoreNotWritable(f"The backup could not be restored into {home} ({exc.strerror}).") from None
    checked = integrity.verify()
    return RestoreResult(home, checked.entries, checked.head, previous)
