"""The school calendar (terms, closures) and the school's register.

Register marks are entries of kind "register" (a revision table, so `show` and `withdraw`
work on them) but not listed (kinds.py: listed=False): a term has hundreds of them, so `list` and
`timeline` leave them out; register.py reads them.
"""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from refusal_log.models import RevisionBase, _aware


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
