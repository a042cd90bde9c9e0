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
def m003_integrity_profile_history(db: _Executes) -> None:
    """The parent's details become chained changes; the ones already set are chained now."""
    _run(db, """
    CREATE TABLE profile_change (
        id INTEGER NOT NULL PRIMARY KEY,
        "key" VARCHAR NOT NULL,
        value VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL
    );
    CREATE INDEX ix_profile_change_key ON profile_change ("key")
    """)
    from datetime import datetime, timezone

    from refusal_log import integrity

    from refusal_log import dates

    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    # A log in use keeps its days in the zone it is being used in now (Europe/London
    # unless REFUSAL_LOG_TZ says otherwise), from here on whatever the variable says.
    if db.execute("SELECT count(*) FROM setting").fetchone()[0] and \
            not db.execute("SELECT count(*) FROM setting WHERE key = 'zone'").fetchone()[0]:
        db.execute("INSERT INTO setting (key, value) VALUES ('zone', ?)", (dates.zone_for_new_log(),))
    for key, value in list(db.execute("SELECT key, value FROM setting ORDER BY key")):
        cursor = db.execute("INSERT INTO profile_change (key, value, recorded_at) VALUES (?, ?, ?)", (key, value, now))
        integrity.chain_row(db, "profile_change", cursor.lastrowid)


@migration
def m004_child_details_and_absence_type(db: _Executes) -> None:
    # A secondary school cannot match "Maya" to a pupil: the child's full details, as
    # the school knows them. Corrections are revisions (child_revision), chained like an
    # entry's; the child row keeps what was first recorded. The new columns are empty in
    # every earlier row, so the hash of each earlier row is unchanged.
    _run(db, """
    ALTER TABLE child ADD COLUMN year_group VARCHAR;
    ALTER TABLE child ADD COLUMN form VARCHAR;
    ALTER TABLE child ADD COLUMN upn VARCHAR;
    ALTER TABLE child ADD COLUMN school_type VARCHAR;
    CREATE TABLE child_revision (
        id INTEGER NOT NULL PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES child (id),
        revision INTEGER NOT NULL,
        recorded_at VARCHAR NOT NULL,
        change_reason VARCHAR,
        name VARCHAR NOT NULL,
        school VARCHAR,
        born DATE,
        year_group VARCHAR,
        form VARCHAR,
        upn VARCHAR,
        school_type VARCHAR,
        -- Set when a child added by mistake (nothing logged) was removed: kept, marked.
        removed_reason VARCHAR,
        UNIQUE (child_id, revision)
    );
    CREATE INDEX ix_child_revision_child_id ON child_revision (child_id);
    -- What kind of absence it was (illness, appointment, leave...): each drafts its own
    -- email. Empty on absences logged before this, which are typed from their reason.
    ALTER TABLE absence ADD COLUMN absence_type VARCHAR
    """)


@migration
def m005_timeless_entries_and_typed_reasons(db: _Executes) -> None:
    # Both columns stay empty (NULL) on every earlier row, so every earlier hash in
    # the chain is unchanged (integrity.canonical leaves NULL columns out).
    # timeless = 1: the parent gave a day without a time ("--when 14/09/2026"); the
    # time stored is the start of that day, for sorting only, and is never shown.
    # typed_reason: the words first typed for an absence when the parent chose the
    # suggested wording instead at the add-absence gate.
    _run(db, """
    ALTER TABLE call ADD COLUMN timeless BOOLEAN;
    ALTER TABLE gp_visit ADD COLUMN timeless BOOLEAN;
    ALTER TABLE meeting ADD COLUMN timeless BOOLEAN;
    ALTER TABLE note ADD COLUMN timeless BOOLEAN;
    ALTER TABLE absence ADD COLUMN typed_reason VARCHAR
    """)


def _run_statements(db: _Executes, script: str) -> None:
    """Like _run, for scripts whose triggers hold semicolons inside BEGIN ... END."""
    import sqlite3

    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending)
            pending = ""
    if pending.strip():
        db.execute(pending)


@migration
def m006_search_index(db: _Executes) -> None:
    # One full-text index over every piece of the log's own words. The view
    # search_text says once what each indexed row holds: the triggers, the rebuild
    # (restore, import) and verify all read it, so they cannot disagree.
    # Evidence is only ever inserted, so only inserts need a trigger.
    _run_statements(db, """
    CREATE VIRTUAL TABLE search_index USING fts5(
        text, entry_id UNINDEXED, source UNINDEXED, source_id UNINDEXED,
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE VIEW search_text (source, source_id, entry_id, text) AS
        SELECT 'absence', id, entry_id,
               reason || coalesce(' · ' || typed_reason, '') || coalesce(' · ' || told, '') || coalesce(' · ' || change_reason, '')
        FROM absence
        UNION ALL
        SELECT 'call', id, entry_id,
               summary || coalesce(' · ' || agreed, '') || ' · ' || with_name
               || coalesce(' · ' || role, '') || coalesce(' · ' || change_reason, '')
        FROM call
        UNION ALL
        SELECT 'gp_visit', id, entry_id,
               summary || coalesce(' · ' || clinician, '')
               || coalesce(' · ' || replace(replace(replace(nullif(referrals, '[]'), '["', ''), '"]', ''), '", "', ', '), '')
               || coalesce(' · ' || change_reason, '')
        FROM gp_visit
        UNION ALL
        SELECT 'meeting', id, entry_id,
               summary || coalesce(' · ' || agreed, '') || ' · ' || with_names
               || coalesce(' · ' || witness, '') || coalesce(' · ' || change_reason, '')
        FROM meeting
        UNION ALL
        SELECT 'note', id, entry_id, text || coalesce(' · ' || change_reason, '')
        FROM note
        UNION ALL
        SELECT 'email', id, entry_id, subject || ' · ' || sender || ' · ' || body
        FROM email
        UNION ALL
        SELECT 'attachment', id, entry_id, name
        FROM attachment;
    CREATE TRIGGER search_absence AFTER INSERT ON absence BEGIN
        INSERT INTO search_index (text, entry_id, source, source_id) SELECT text, entry_id, source, source_id
        FROM search_text WHERE source = 'absence' AND source_id = new.id;
    END;
    CREATE TRIGGER search_call AFTER INSERT ON call BEGIN
        INSERT INTO search_index (text, entry_id, source, source_id) SELECT text, entry_id, source, source_id
        FROM search_text WHERE source = 'call' AND source_id = new.id;
    END;
    CREATE TRIGGER search_gp_visit AFTER INSERT ON gp_visit BEGIN
        INSERT INTO search_index (text, entry_id, source, source_id) SELECT text, entry_id, source, source_id
        FROM search_text WHERE source = 'gp_visit' AND source_id = new.id;
    END;
    CREATE TRIGGER search_meeting AFTER INSERT ON meeting BEGIN
        INSERT INTO search_index (text, entry_id, source, source_id) SELECT text, entry_id, source, source_id
        FROM search_text WHERE source = 'meeting' AND source_id = new.id;
    END;
    CREATE TRIGGER search_note AFTER INSERT ON note BEGIN
        INSERT INTO search_index (text, entry_id, source, source_id) SELECT text, entry_id, source, source_id
        FROM search_text WHERE source = 'note' AND source_id = new.id;
    END;
    CREATE TRIGGER search_email AFTER INSERT ON email BEGIN
        INSERT INTO search_index (text, entry_id, source, source_id) SELECT text, entry_id, source, source_id
        FROM search_text WHERE source = 'email' AND source_id = new.id;
    END;
    CREATE TRIGGER search_attachment AFTER INSERT ON attachment BEGIN
        INSERT INTO search_index (text, entry_id, source, source_id) SELECT text, entry_id, source, source_id
        FROM search_text WHERE source = 'attachment' AND source_id = new.id;
    END;
    INSERT INTO search_index (text, entry_id, source, source_id)
        SELECT text, entry_id, source, source_id FROM search_text
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


@migration
def m008_requests_and_actions(db: _Executes) -> None:
    # Requests the family made (entries of kind 'request', one row per revision), the
    # replies and extensions that move their clocks, and agreed actions marked done.
    # All are evidence, chained in the ledger. search_text is recreated with the
    # request's words and the reply's summary, each with an insert trigger.
    _run_statements(db, """
    CREATE TABLE request (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        revision INTEGER NOT NULL,
        happened_at VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL,
        change_reason VARCHAR,
        request_kind VARCHAR NOT NULL,
        to_name VARCHAR NOT NULL,
        via VARCHAR,
        about VARCHAR,
        rules VARCHAR NOT NULL,
        due_override DATE,
        UNIQUE (entry_id, revision)
    );
    CREATE INDEX ix_request_entry_id ON request (entry_id);
    CREATE TABLE request_reply (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        replied_on DATE NOT NULL,
        summary VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL
    );
    CREATE INDEX ix_request_reply_entry_id ON request_reply (entry_id);
    CREATE TABLE request_extension (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        told_on DATE NOT NULL,
        new_due DATE NOT NULL,
        reason VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL
    );
    CREATE INDEX ix_request_extension_entry_id ON request_extension (entry_id);
    CREATE TABLE action_done (
        id INTEGER NOT NULL PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entry (id),
        line INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        done_on DATE NOT NULL,
        note VARCHAR,
        recorded_at VARCHAR NOT NULL
    );
    CREATE INDEX ix_action_done_entry_id ON action_done (entry_id);
    DROP VIEW search_text;
    CREATE VIEW search_text (source, source_id, entry_id, text) AS
        SELECT 'absence', id, entry_id,
               reason || coalesce(' · ' || typed_reason, '') || coalesce(' · ' || told, '') || coalesce(' · ' || change_reason, '')
        FROM absence
        UNION ALL
        SELECT 'call', id, entry_id,
               summary || coalesce(' · ' || agreed, '') || ' · ' || with_name
               || coalesce(' · ' || role, '') || coalesce(' · ' || change_reason, '')
        FROM call
        UNION ALL
        SELECT 'gp_visit', id, entry_id,
               summary || coalesce(' · ' || clinician, '')
               || coalesce(' · ' || replace(replace(replace(nullif(referrals, '[]'), '["', ''), '"]', ''), '", "', ', '), '')
               || coalesce(' · ' || change_reason, '')
        FROM gp_visit
        UNION ALL
        SELECT 'meeting', id, entry_id,
               summary || coalesce(' · ' || agreed, '') || ' · ' || with_names
               || coalesce(' · ' || witness, '') || coalesce(' · ' || change_reason, '')
        FROM meeting
        UNION ALL
        SELECT 'note', id, entry_id, text || coalesce(' · ' || change_reason, '')
        FROM note
        UNION ALL
        SELECT 'email', id, entry_id, subject || ' · ' || sender || ' · ' || body
        FROM email
        UNION ALL
        SELECT 'attachment', id, entry_id, name
        FROM attachment
        UNION ALL
        SELECT 'request', id, entry_id,
               request_kind || ' · ' || to_name || coalesce(' · ' || about, '') || coalesce(' · ' || change_reason, '')
        FROM request
        UNION ALL
        SELECT 'request_reply', id, entry_id, summary
        FROM request_reply;
    CREATE TRIGGER search_request AFTER INSERT ON request BEGIN
        INSERT INTO search_index (text, entry_id, source, source_id) SELECT text, entry_id, source, source_id
        FROM search_text WHERE source = 'request' AND source_id = new.id;
    END;
    CREATE TRIGGER search_request_reply AFTER INSERT ON request_reply BEGIN
        INSERT INTO search_index (text, entry_id, source, source_id) SELECT text, entry_id, source, source_id
        FROM search_text WHERE source = 'request_reply' AND source_id = new.id;
    END;
    """)



@migration
def m009_calendar_removals(db: _Executes) -> None:
    # A term or closure typed wrongly is taken out of the count by a removal row (chained,
    # with the parent's reason), never deleted: the calendar's history stays as evidence.
    _run(db, """
    CREATE TABLE calendar_removal (
        id INTEGER NOT NULL PRIMARY KEY,
        term_id INTEGER UNIQUE REFERENCES school_term (id),
        closure_id INTEGER UNIQUE REFERENCES school_closure (id),
        reason VARCHAR NOT NULL,
        recorded_at VARCHAR NOT NULL,
        CHECK ((term_id IS NULL) != (closure_id IS NULL))
    )
    """)


SCHEMA_VERSION = len(MIGRATIONS)
