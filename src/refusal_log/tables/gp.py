"""The GP visit table: one row per revision of a GP visit entry."""

from sqlalchemy import UniqueConstraint
from sqlmodel import SQLModel

from refusal_log.models import RevisionBase


class GPVisitFields(SQLModel):
    clinician: str | None = None
    summary: str
    referrals: str | None = None  # JSON list: a visit can lead to several referrals
    letter: str | None = None
    # True when only a day was given: no time is shown for it (None otherwise).
    timeless: bool | None = None


class GPVisit(GPVisitFields, RevisionBase, table=True):
    __tablename__ = "gp_visit"
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)
