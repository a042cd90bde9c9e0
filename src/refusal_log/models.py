"""The tables of the evidence store, as SQLModel classes.

An entry is never updated in place. `entry` holds what never changes (its id, kind,
child and when it was first recorded); what the parent wrote lives in the kind's
table (absence, call, gp_visit, meeting, note), one row per revision: revision 1 is
the original, a correction adds revision 2, and so on. Withdrawing adds a row to
`withdrawal`. Every row that carries evidence is also chained in `ledger` (see
integrity.py), so a change made behind the tool's back can be found.

Datetimes are stored as ISO 8601 text with their UTC offset (SQLAlchemy's own
DateTime drops the offset on SQLite), and come back timezone-aware.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class AwareDateTime(TypeDecorator):
    """A timezone-aware datetime kept as ISO 8601 text with its offset."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("refusal-log stores only timezone-aware datetimes")
        return value.isoformat()

    def process_result_value(self, value: str | None, dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


def _aware(**kwargs) -> Field:
    # sa_type rather than sa_column: a Column object cannot be shared by the
    # several tables that inherit RevisionBase.
    return Field(sa_type=AwareDateTime, **kwargs)


class Setting(SQLModel, table=True):
    """Who the parent is and how to reach the school: what `init` asks for."""

    key: str = Field(primary_key=True)
    value: str


class Child(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    school: str | None = None
    born: date | None = None
    recorded_at: datetime = _aware(nullable=False)


class Contact(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    role: str
    email: str | None = None
    phone: str | None = None
    recorded_at: datetime = _aware(nullable=False)


class Entry(SQLModel, table=True):
    """The unchanging identity of one piece of evidence; its content is in its revisions."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    recorded_at: datetime = _aware(nullable=False)


class RevisionBase(SQLModel):
    """What every revision of every kind carries."""

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id", index=True)
    revision: int = 1
    happened_at: datetime = _aware(nullable=False)
    recorded_at: datetime = _aware(nullable=False)
    # Why a correction was made; empty on the original.
    change_reason: str | None = None


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


class Absence(AbsenceFields, RevisionBase, table=True):
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)


class CallFields(SQLModel):
    with_name: str
    role: str | None = None
    direction: str | None = None
    summary: str
    agreed: str | None = None
    minutes: int | None = None


class Call(CallFields, RevisionBase, table=True):
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)


class GPVisitFields(SQLModel):
    clinician: str | None = None
    summary: str
    referrals: str | None = None  # JSON list: a visit can lead to several referrals
    letter: str | None = None


class GPVisit(GPVisitFields, RevisionBase, table=True):
    __tablename__ = "gp_visit"
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)


class MeetingFields(SQLModel):
    with_names: str
    witness: str | None = None
    summary: str
    agreed: str | None = None
    minutes_requested: bool = False


class Meeting(MeetingFields, RevisionBase, table=True):
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)


class NoteFields(SQLModel):
    text: str


class Note(NoteFields, RevisionBase, table=True):
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)


class EmailFields(SQLModel):
    message_id: str
    sender: str
    recipients: str  # JSON list of To and Cc addresses
    subject: str
    body: str


class Email(EmailFields, RevisionBase, table=True):
    """A message imported from a .eml file: correspondence the FAQ says to keep."""

    __table_args__ = (UniqueConstraint("entry_id", "revision"),)


class Attachment(SQLModel, table=True):
    """A file kept with an entry; its bytes live in HOME/attachments under their SHA-256."""

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id", index=True)
    name: str
    size: int
    media_type: str
    sha256: str
    recorded_at: datetime = _aware(nullable=False)


class Withdrawal(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id", index=True, unique=True)
    reason: str
    recorded_at: datetime = _aware(nullable=False)


class Ledger(SQLModel, table=True):
    """The hash chain: one link for every row of evidence, in the order it was written."""

    seq: int | None = Field(default=None, primary_key=True)
    record_table: str
    record_id: int
    entry_id: int | None = Field(default=None, index=True)
    prev_hash: str
    hash: str = Field(unique=True)


# --- the school calendar and the school's register (attendance) --------------------
# Register marks are entries of kind "register" (in REVISION_TABLES, so `show` and
# `withdraw` work on them) but not in entries.KINDS: a term has hundreds of them, so
# `list` and `timeline` leave them out; register.py reads them.

class SchoolTerm(SQLModel, table=True):
    __tablename__ = "school_term"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    name: str
    starts: date
    ends: date
    recorded_at: datetime = _aware(nullable=False)


class SchoolClosure(SQLModel, table=True):
    __tablename__ = "school_closure"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    starts: date
    ends: date
    reason: str | None = None
    recorded_at: datetime = _aware(nullable=False)


class RegisterMarkFields(SQLModel):
    date: date  # indexed by m007_attendance
    session: str  # am | pm
    code: str  # as the school wrote it
    category: str  # present | approved | authorised | unauthorised | not-counted
    source: str | None = None  # "printout", "parent app", "letter of 3 Oct"


class RegisterMark(RegisterMarkFields, RevisionBase, table=True):
    __tablename__ = "register_mark"
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)


# The revision table of each kind, by the kind's name on the command line.
REVISION_TABLES: dict[str, type[RevisionBase]] = {
    "absence": Absence,
    "call": Call,
    "gp": GPVisit,
    "meeting": Meeting,
    "note": Note,
    "email": Email,
    "register": RegisterMark,
}
