"""The parent's details as chained changes, and corrections of a child's details."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from refusal_log.models import ChildDetails, _aware


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
