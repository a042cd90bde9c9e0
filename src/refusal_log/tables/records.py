"""Attachments, withdrawals and the hash chain's links."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from refusal_log.models import _aware


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
