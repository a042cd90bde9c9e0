"""The absence table: one row per revision of an absence entry."""

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import SQLModel

from refusal_log.models import RevisionBase


class AbsenceFields(SQLModel):
    date: date
    until: date | None = None
    sessions: str = "both"
    reason: str
    via: str | None = None
    told: str | None = None
    # What the wording check said when the reason was logged, kept with it.
    verdict: str | None = None
    wording_rules: str | None = None  # JSON list of rule ids
    # illness, appointment, leave, religious, part-time, transport, exclusion or other
    # (`type` on the command line and in JSON); empty on absences logged before it existed.
    absence_type: str | None = None
    # The words first typed, when the parent chose the suggested wording instead.
    typed_reason: str | None = None


class Absence(AbsenceFields, RevisionBase, table=True):
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)
