"""The meeting table: one row per revision of a meeting entry."""

from sqlalchemy import UniqueConstraint
from sqlmodel import SQLModel

from refusal_log.models import RevisionBase


class MeetingFields(SQLModel):
    with_names: str
    witness: str | None = None
    summary: str
    agreed: str | None = None
    minutes_requested: bool = False
    # True when only a day was given: no time is shown for it (None otherwise).
    timeless: bool | None = None


class Meeting(MeetingFields, RevisionBase, table=True):
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)
