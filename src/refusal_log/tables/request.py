"""The request table: one row per revision of a request entry (see requests.py)."""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from refusal_log.models import RevisionBase, _aware


class RequestFields(SQLModel):
    request_kind: str  # records | sar | ehc-assessment | s19 | gp-letter | minutes | complaint | other
    to_name: str
    via: str | None = None
    about: str | None = None
    rules: str  # the clocks.toml rules it started, comma-separated
    due_override: date | None = None


class Request(RequestFields, RevisionBase, table=True):
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)


class RequestReply(SQLModel, table=True):
    """The answer to a request: closes its next open stage."""

    __tablename__ = "request_reply"

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id", index=True)
    replied_on: date
    summary: str
    recorded_at: datetime = _aware(nullable=False)


class RequestExtension(SQLModel, table=True):
    """They said they need longer: the new date and the reason they gave."""

    __tablename__ = "request_extension"

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id", index=True)
    told_on: date
    new_due: date
    reason: str
    recorded_at: datetime = _aware(nullable=False)


class ActionDone(SQLModel, table=True):
    """An agreed action (line `line` of a call's or meeting's agreed text) marked done."""

    __tablename__ = "action_done"

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id", index=True)
    line: int
    text: str
    done_on: date
    note: str | None = None
    recorded_at: datetime = _aware(nullable=False)
