"""The imported email table: one row per revision of an imported email entry."""

from sqlalchemy import UniqueConstraint
from sqlmodel import SQLModel

from refusal_log.models import RevisionBase


class EmailFields(SQLModel):
    message_id: str
    sender: str
    recipients: str  # JSON list of To and Cc addresses
    subject: str
    body: str


class Email(EmailFields, RevisionBase, table=True):
    """A message imported from a .eml file: correspondence the FAQ says to keep."""

    __table_args__ = (UniqueConstraint("entry_id", "revision"),)
