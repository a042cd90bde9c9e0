"""The request table: one row per revision of a request entry (see requests.py)."""

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import SQLModel

from refusal_log.models import RevisionBase


class RequestFields(SQLModel):
    request_kind: str  # records | sar | ehc-assessment | s19 | gp-letter | minutes | complaint | other
    to_name: str
    via: str | None = None
    about: str | None = None
    rules: str  # the clocks.toml rules it started, comma-separated
    due_override: date | None = None


class Request(RequestFields, RevisionBase, table=True):
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)
