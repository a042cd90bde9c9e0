"""Files kept with an entry: a GP letter, a screenshot, the original of an email.

Each file is copied into HOME/attachments under the SHA-256 of its bytes (so the same
letter attached twice is stored once, and `verify` can re-hash it), and its name,
size, type and hash are recorded and chained like any other evidence.
"""

from __future__ import annotations

import mimetypes
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from refusal_log import dates, integrity, paths, store
from refusal_log.errors import InvalidInput, NotFound, StoreNotWritable

if TYPE_CHECKING:
    from sqlmodel import Session

MAX_BYTES = 200 * 1024 * 1024


@dataclass
class IncomingFile:
    """A file checked and hashed before anything is written."""

    name: str
    data_path: Path | None
    data: bytes | None
    size: int
    media_type: str
    sha256: str


def read_file(path: str) -> IncomingFile:
    source = paths.regular_file(path, limit=MAX_BYTES, limit_text="200 MB", what="attachment")
    try:
        size = source.stat().st_size
        digest = integrity.file_sha256(source)
    except OSError as exc:
        raise InvalidInput(f"{path} cannot be read ({exc.strerror}).") from None
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    return IncomingFile(source.name, source, None, size, media_type, digest)


def from_bytes(name: str, data: bytes, media_type: str | None = None) -> IncomingFile:
    import hashlib

    guessed = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return IncomingFile(name, None, data, len(data), guessed, hashlib.sha256(data).hexdigest())


def _keep(incoming: IncomingFile) -> None:
    """Copy the bytes into the home, once, owner-only, whole or not at all."""
    folder = paths.ensure_private_dir(paths.attachments_dir())
    target = folder / incoming.sha256
    if target.exists() and integrity.file_sha256(target) == incoming.sha256:
        return
    try:
        if incoming.data is not None:
            paths.atomic_write(target, incoming.data)
            return
        # A temporary name of its own, so that two attaches of the same file at once
        # cannot trip over each other; removed whatever happens.
        fd, temporary = tempfile.mkstemp(prefix=f".{incoming.sha256}.", dir=folder)
        try:
            with os.fdopen(fd, "wb") as out, open(incoming.data_path, "rb") as source:
                shutil.copyfileobj(source, out)
                out.flush()
                os.fsync(out.fileno())
            if integrity.file_sha256(temporary) != incoming.sha256:
                raise InvalidInput(f"{incoming.name} changed while it was being copied; please attach it again.")
            os.replace(temporary, target)
        finally:
            Path(temporary).unlink(missing_ok=True)
    except OSError as exc:
        raise StoreNotWritable(f"{incoming.name} could not be kept in {folder} ({exc.strerror}); "
                               "nothing was attached.") from None


def store_files(session: Session, entry_id: int, files: list[IncomingFile]) -> list[dict]:
    """Record files for an entry inside the caller's write transaction."""
    from refusal_log.models import Attachment

    kept = []
    for incoming in files:
        _keep(incoming)
        row = Attachment(entry_id=entry_id, name=incoming.name, size=incoming.size,
                         media_type=incoming.media_type, sha256=incoming.sha256, recorded_at=dates.now())
        session.add(row)
        session.flush()
        integrity.append(session, "attachment", row.id, entry_id)
        kept.append({"id": row.id, "name": row.name, "size": row.size, "type": row.media_type, "sha256": row.sha256})
    return kept


def attach(entry_id: int, files: list[str]) -> list[dict]:
    """Attach files to an entry. Every file is read and hashed before anything is stored."""
    from refusal_log.models import Entry

    if not files:
        raise InvalidInput("Name at least one file to attach.")
    incoming = [read_file(f) for f in files]
    if not store.exists():
        raise NotFound(f"There is no entry {entry_id}: nothing is logged yet in {paths.home_dir()}.")
    with store.writing() as session:
        if session.get(Entry, entry_id) is None:
            raise NotFound.entry(entry_id)
        return store_files(session, entry_id, incoming)


def stored_path(sha256: str) -> Path:
    return paths.attachments_dir() / sha256
