"""The phone call table: one row per revision of a phone call entry."""

from sqlalchemy import UniqueConstraint
from sqlmodel import SQLModel

from refusal_log.models import RevisionBase


class CallFields(SQLModel):
    with_name: str
    role: str | None = None
    direction: str | None = None
    summary: str
    agreed: str | None = None
    minutes: int | None = None
    # True when only a day was given: no time is shown for it (None otherwise).
    timeless: bool | None = None


class Call(CallFields, RevisionBase, table=True):
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)
