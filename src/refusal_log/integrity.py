"""Tamper evidence: a hash chain over every row of evidence.

Each row that records evidence (a child, a contact, a revision of an entry, a
withdrawal, an attachment) gets a link in `ledger`: a sequence number and
SHA-256(previous hash + canonical JSON of the row as stored). Changing, removing or
reordering any of them afterwards breaks the chain from that point, and `verify`
says where. The head hash printed at the foot of a timeline lets a printed copy be
checked later against the store.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlmodel import Session

GENESIS = "0" * 64


def canonical(table: str, row: dict[str, Any]) -> str:
    """The row exactly as SQLite stores it, as sorted compact JSON."""
    return json.dumps({"table": table, "row": row}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def link_hash(prev_hash: str, table: str, row: dict[str, Any]) -> str:
    return hashlib.sha256(f"{prev_hash}\n{canonical(table, row)}".encode("utf-8")).hexdigest()


def raw_row(session: Session, table: str, record_id: int) -> dict[str, Any] | None:
    # Read through the driver, not the ORM: the hash must cover the stored bytes,
    # not Python's view of them.
    result = session.connection().exec_driver_sql(f'SELECT * FROM "{table}" WHERE rowid = ?', (record_id,))
    row = result.fetchone()
    return None if row is None else dict(zip(result.keys(), row))


def head(session: Session) -> tuple[int, str]:
    row = session.connection().exec_driver_sql("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (row[0], row[1])


def append(session: Session, table: str, record_id: int, entry_id: int | None = None) -> str:
    """Chain the row just written. Runs inside the caller's write transaction."""
    session.flush()
    _, prev = head(session)
    digest = link_hash(prev, table, raw_row(session, table, record_id))
    session.connection().exec_driver_sql(
        "INSERT INTO ledger (record_table, record_id, entry_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?)",
        (table, record_id, entry_id, prev, digest),
    )
    return digest
