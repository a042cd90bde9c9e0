"""The school calendar (terms, closures) and the school's register.

Register marks are entries of kind "register" (a revision table, so `show` and `withdraw`
work on them) but not listed (kinds.py: listed=False): a term has hundreds of them, so `list` and
`timeline` leave them out; register.py reads them.
"""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from refusal_log.models import RevisionBase, _aware
from refusal_log.tables import people  # noqa: F401 - the child table these rows' foreign keys name


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


class CalendarRemoval(SQLModel, table=True):
    """A term or closure taken out of the count (typed wrongly), with the parent's reason."""

    __tablename__ = "calendar_removal"
    __table_args__ = (CheckConstraint("(term_id IS NULL) != (closure_id IS NULL)"),)

    id: int | None = Field(default=None, primary_key=True)
    term_id: int | None = Field(default=None, foreign_key="school_term.id", unique=True)
    closure_id: int | None = Field(default=None, foreign_key="school_closure.id", unique=True)
    reason: str
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
