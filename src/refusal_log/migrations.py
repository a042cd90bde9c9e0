"""The schema's history: an ordered list of named migrations with frozen SQL.

Each migration runs once, inside one transaction together with the row that
records it, whenever a store is opened for writing. A shipped migration is never
edited or renamed: a change to the schema is a new function at the end of the list.
`PRAGMA user_version` mirrors the count so a reader can tell the version cheaply.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class _Executes(Protocol):
    def execute(self, sql: str, /): ...


Migration = Callable[[_Executes], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


def _run(db: _Executes, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migration
def m001_initial(db: _Executes) -> None:
    _run(db, """
    CREATE TABLE setting (
        "key" VARCHAR NOT NULL PRIMARY KEY,
        value VARCHAR NOT NULL
    );
    CREATE TABLE child (
        id INTEGER NOT NULL PRIMARY KEY,
        name VARCHAR NOT NULL,
        school VARCHAR,
        born DATE,
        recorded_at VARCHAR NOT NULL
    );
    CREATE INDEX ix_child_name ON child (name);
    CREATE TABLE contact (
        id INTEGER NOT NULL PRIMARY KEY,
        name VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        email VARCHAR,
        phone VARCHAR,
        recorded_at VARCHAR NOT NULL
    );
    CREATE INDEX ix_contact_name ON contact (name);
    CREATE TABLE entry (
        id INTEGER NOT NULL PRIMARY KEY,
        kind VARCHAR NOT NULL,
        child_id INTEGER NOT NULL REFERENCES child (id),
        recorded_at VARCHAR NOT NULL
    );
    CREATE INDEX ix_entry_child_id ON entry (child_id);
    CREATE INDEX ix_entry_kind ON entry (kind);
    CREATE TABLE absence (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        revision INTEGER NOT NULL,
        happened_at VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL,
        change_reason VARCHAR,
        date DATE NOT NULL,
        until DATE,
        sessions VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        via VARCHAR,
        told VARCHAR,
        verdict VARCHAR,
        wording_rules VARCHAR,
        UNIQUE (entry_id, revision)
    );
    CREATE INDEX ix_absence_entry_id ON absence (entry_id);
    CREATE TABLE call (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        revision INTEGER NOT NULL,
        happened_at VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL,
        change_reason VARCHAR,
        with_name VARCHAR NOT NULL,
        role VARCHAR,
        direction VARCHAR,
        summary VARCHAR NOT NULL,
        agreed VARCHAR,
        minutes INTEGER,
        UNIQUE (entry_id, revision)
    );
    CREATE INDEX ix_call_entry_id ON call (entry_id);
    CREATE TABLE gp_visit (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        revision INTEGER NOT NULL,
        happened_at VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL,
        change_reason VARCHAR,
        clinician VARCHAR,
        summary VARCHAR NOT NULL,
        referrals VARCHAR,
        letter VARCHAR,
        UNIQUE (entry_id, revision)
    );
    CREATE INDEX ix_gp_visit_entry_id ON gp_visit (entry_id);
    CREATE TABLE meeting (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        revision INTEGER NOT NULL,
        happened_at VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL,
        change_reason VARCHAR,
        with_names VARCHAR NOT NULL,
        witness VARCHAR,
        summary VARCHAR NOT NULL,
        agreed VARCHAR,
        minutes_requested BOOLEAN NOT NULL,
        UNIQUE (entry_id, revision)
    );
    CREATE INDEX ix_meeting_entry_id ON meeting (entry_id);
    CREATE TABLE note (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        revision INTEGER NOT NULL,
        happened_at VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL,
        change_reason VARCHAR,
        text VARCHAR NOT NULL,
        UNIQUE (entry_id, revision)
    );
    CREATE INDEX ix_note_entry_id ON note (entry_id);
    CREATE TABLE withdrawal (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        reason VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL
    );
    CREATE UNIQUE INDEX ix_withdrawal_entry_id ON withdrawal (entry_id);
    CREATE TABLE ledger (
        seq INTEGER NOT NULL PRIMARY KEY,
        record_table VARCHAR NOT NULL,
        record_id INTEGER NOT NULL,
        entry_id INTEGER,
        prev_hash VARCHAR NOT NULL,
        hash VARCHAR NOT NULL UNIQUE
    );
    CREATE INDEX ix_ledger_entry_id ON ledger (entry_id)
    """)


@migration
def m002_attachments_and_emails(db: _Executes) -> None:
    _run(db, """
    CREATE TABLE attachment (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        name VARCHAR NOT NULL,
        size INTEGER NOT NULL,
        media_type VARCHAR NOT NULL,
        sha256 VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL
    );
    CREATE INDEX ix_attachment_entry_id ON attachment (entry_id);
    CREATE TABLE email (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        revision INTEGER NOT NULL,
        happened_at VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL,
        change_reason VARCHAR,
        message_id VARCHAR NOT NULL,
        sender VARCHAR NOT NULL,
        recipients VARCHAR NOT NULL,
        subject VARCHAR NOT NULL,
        body VARCHAR NOT NULL,
        UNIQUE (entry_id, revision)
    );
    CREATE INDEX ix_email_entry_id ON email (entry_id);
    -- The same message imported twice must not become two entries.
    CREATE UNIQUE INDEX ux_email_message_id ON email (message_id) WHERE revision = 1
    """)


@migration
def m007_attendance(db: _Executes) -> None:
    # The school calendar (terms, closures) and the school's register, one entry per
    # session mark (kind 'register'), each revision a row of register_mark.
    _run(db, """
    CREATE TABLE school_term (
        id INTEGER NOT NULL PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES child (id),
        name VARCHAR NOT NULL,
        starts DATE NOT NULL,
        ends DATE NOT NULL,
        recorded_at VARCHAR NOT NULL
    );
    CREATE INDEX ix_school_term_child_id ON school_term (child_id);
    CREATE TABLE school_closure (
        id INTEGER NOT NULL PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES child (id),
        starts DATE NOT NULL,
        ends DATE NOT NULL,
        reason VARCHAR,
        recorded_at VARCHAR NOT NULL
    );
    CREATE INDEX ix_school_closure_child_id ON school_closure (child_id);
    CREATE TABLE register_mark (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        revision INTEGER NOT NULL,
        happened_at VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL,
        change_reason VARCHAR,
        date DATE NOT NULL,
        session VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        category VARCHAR NOT NULL,
        source VARCHAR,
        UNIQUE (entry_id, revision)
    );
    CREATE INDEX ix_register_mark_entry_id ON register_mark (entry_id);
    CREATE INDEX ix_register_mark_date ON register_mark (date)
    """)


SCHEMA_VERSION = len(MIGRATIONS)
