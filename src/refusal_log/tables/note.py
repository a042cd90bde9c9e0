"""The note table: one row per revision of a note entry."""

from sqlalchemy import UniqueConstraint
from sqlmodel import SQLModel

from refusal_log.models import RevisionBase


class NoteFields(SQLModel):
    text: str
    # True when only a day was given: no time is shown for it (None otherwise).
    timeless: bool | None = None


class Note(NoteFields, RevisionBase, table=True):
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)
