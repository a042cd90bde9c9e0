"""The parent's details (and their chained changes), the children (and corrections of
their details) and the contacts: built when a command first uses them, not by every
write of an entry (add-call needs none of them)."""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from refusal_log.models import _aware


class Setting(SQLModel, table=True):
    """Who the parent is and how to reach the school: what `init` asks for."""

    key: str = Field(primary_key=True)
    value: str


class ChildDetails(SQLModel):
    """The child as the school knows them: what letters need to match a pupil."""

    name: str = Field(index=True)
    school: str | None = None
    born: date | None = None
    year_group: str | None = None
    form: str | None = None
    upn: str | None = None  # the unique pupil number
    school_type: str | None = None


class Child(ChildDetails, table=True):
    """A child as first recorded; corrections are ChildRevision rows, the original stays."""

    id: int | None = Field(default=None, primary_key=True)
    recorded_at: datetime = _aware(nullable=False)


class Contact(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    role: str
    email: str | None = None
    phone: str | None = None
    recorded_at: datetime = _aware(nullable=False)


class ProfileChange(SQLModel, table=True):
    """One change of a parent's detail (Setting), chained, so a school address changed
    behind the tool's back is caught by verify. Setting holds the current values."""

    __tablename__ = "profile_change"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True)
    value: str
    recorded_at: datetime = _aware(nullable=False)


class ChildRevision(ChildDetails, table=True):
    """A correction of a child's details (`child edit`): every field, as it now reads."""

    __tablename__ = "child_revision"
    __table_args__ = (UniqueConstraint("child_id", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    revision: int
    recorded_at: datetime = _aware(nullable=False)
    change_reason: str | None = None
    # Set when a child added by mistake, with nothing logged, was removed (`child remove`).
    removed_reason: str | None = None
    name: str
