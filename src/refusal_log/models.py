"""The tables of the evidence store, as SQLModel classes.

An entry is never updated in place. `entry` holds what never changes (its id, kind,
child and when it was first recorded); what the parent wrote lives in the kind's
table (absence, call, gp_visit, meeting, note), one row per revision: revision 1 is
the original, a correction adds revision 2, and so on. Withdrawing adds a row to
`withdrawal`. Every row that carries evidence is also chained in `ledger` (see
integrity.py), so a change made behind the tool's back can be found.

Datetimes are stored as ISO 8601 text with their UTC offset (SQLAlchemy's own
DateTime drops the offset on SQLite), and come back timezone-aware.

The tables every write of an entry touches are here; each kind's revision table, and
the rest (the parent's details, children and contacts among them), are in tables/ and
built the first time they are asked for (see the end).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

# Pydantic would build every model's validators as its class is made; rows here are
# made from values already checked, so that waits for first use (on most commands,
# never). Measured: a fifth of the cost of importing this module.
SQLModel.model_config["defer_build"] = True


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


# Every other table is built on first use, from its own module in tables/: making a
# table model costs about 2 ms, and `add-call` needs two of the twenty. `from
# refusal_log.models import Call` works as before (PEP 562's module __getattr__).
_ELSEWHERE = {
    "AbsenceFields": "absence", "Absence": "absence", "CallFields": "call", "Call": "call",
    "GPVisitFields": "gp", "GPVisit": "gp", "MeetingFields": "meeting", "Meeting": "meeting",
    "NoteFields": "note", "Note": "note", "EmailFields": "email", "Email": "email",
    "Attachment": "records", "Withdrawal": "records", "Ledger": "records",
    "Setting": "people", "ChildDetails": "people", "Child": "people", "Contact": "people",
    "ProfileChange": "people", "ChildRevision": "people",
    "SchoolTerm": "attendance", "SchoolClosure": "attendance", "CalendarRemoval": "attendance",
    "RegisterMarkFields": "attendance",
    "RegisterMark": "attendance",
    "RequestFields": "request", "Request": "request",  # requests.py and actions.py (what is due)
    "RequestReply": "request", "RequestExtension": "request", "ActionDone": "request",
}


def revision_table(kind: str) -> type[RevisionBase]:
    """The revision table of one kind (named in the kinds registry), building only that one."""
    from refusal_log import kinds

    return kinds.model(kinds.get(kind))


def build_all() -> None:
    """Build every table (for a check of the whole schema)."""
    from refusal_log import kinds

    for name in _ELSEWHERE:
        __getattr__(name)
    for kind in kinds.every():
        kinds.model(kind)


def __getattr__(name: str):
    if name == "REVISION_TABLES":
        from refusal_log import kinds

        return {kind.name: kinds.model(kind) for kind in kinds.every()}
    if name in _ELSEWHERE:
        from importlib import import_module

        return getattr(import_module(f"refusal_log.tables.{_ELSEWHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
