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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from refusal_log.errors import InvalidInput
from refusal_log.text import counted

if TYPE_CHECKING:
    import sqlite3

    from sqlmodel import Session

GENESIS = "0" * 64


def canonical(table: str, row: dict[str, Any]) -> str:
    """The row exactly as SQLite stores it, as sorted compact JSON.

    Empty (NULL) columns are left out, so that a later migration adding a column
    (empty in every earlier row) leaves every earlier hash as it was; setting a value
    to NULL behind the tool's back still changes the hash, since the key disappears.
    """
    kept = {name: value for name, value in row.items() if value is not None}
    return json.dumps({"table": table, "row": kept}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def link_hash(prev_hash: str, table: str, row: dict[str, Any]) -> str:
    return hashlib.sha256(f"{prev_hash}\n{canonical(table, row)}".encode("utf-8")).hexdigest()


def raw_row(db: sqlite3.Connection, table: str, record_id: int) -> dict[str, Any] | None:
    # Read through the driver, not the ORM: the hash must cover the stored values,
    # not Python's view of them.
    cursor = db.execute(f'SELECT * FROM "{table}" WHERE rowid = ?', (record_id,))
    row = cursor.fetchone()
    return None if row is None else dict(zip((d[0] for d in cursor.description), row))


def _all_rows(db: sqlite3.Connection, table: str) -> dict[int, dict[str, Any]]:
    """Every row of a table by rowid, each as raw_row reads it."""
    cursor = db.execute(f'SELECT rowid, * FROM "{table}"')
    names = [d[0] for d in cursor.description[1:]]
    return {row[0]: dict(zip(names, row[1:])) for row in cursor}


def head(db: sqlite3.Connection) -> tuple[int, str]:
    row = db.execute("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (row[0], row[1])


def append(session: Session, table: str, record_id: int, entry_id: int | None = None) -> str:
    """Chain the row just written. Runs inside the caller's write transaction."""
    from refusal_log.store import driver

    session.flush()
    return chain_row(driver(session), table, record_id, entry_id)


def chain_row(db: sqlite3.Connection, table: str, record_id: int, entry_id: int | None = None) -> str:
    """Chain a row on a plain connection (a migration's, or a session's driver)."""
    _, prev = head(db)
    digest = link_hash(prev, table, raw_row(db, table, record_id))
    db.execute(
        "INSERT INTO ledger (record_table, record_id, entry_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?)",
        (table, record_id, entry_id, prev, digest),
    )
    return digest


def set_detail(session: Session, key: str, value: str, recorded_at=None) -> None:
    """Change one of the parent's details: the current value, and a chained change."""
    from refusal_log import dates
    from refusal_log.models import ProfileChange, Setting

    session.merge(Setting(key=key, value=value))
    change = ProfileChange(key=key, value=value, recorded_at=recorded_at or dates.now())
    session.add(change)
    session.flush()
    append(session, "profile_change", change.id)


# --- checking -------------------------------------------------------------------------

# Every table whose rows are evidence, and how a person would name one of its rows.
def chained_tables() -> tuple[str, ...]:
    """Each kind's revision table comes from the kinds registry, so a new kind is checked too."""
    from refusal_log import kinds

    return ("profile_change", "child", "child_revision", "contact", "entry",
            *(kind.table for kind in kinds.every() if kind.listed),
            "withdrawal", "attachment", "school_term", "school_closure", "calendar_removal",
            *(kind.table for kind in kinds.every() if not kind.listed),
            "request_reply", "request_extension", "action_done")  # requests.py, actions.py


@dataclass
class Verification:
    entries: int  # what the family logged; register codes and requests are counted apart
    head: str
    head_checked: str | None = None
    others: dict[str, int] = field(default_factory=dict)  # "register codes" -> 12

    def counts(self) -> str:
        """"43 entries, 108 register codes and 4 requests": how verify, backup, restore and import count a log."""
        counts = [counted(self.entries)]
        counts += [counted(n, singular, plural) for (singular, plural), n in self.others.items() if n]
        return counts[0] if len(counts) == 1 else ", ".join(counts[:-1]) + " and " + counts[-1]

    def summary(self) -> str:
        text = f"{self.counts()}, chain intact, head {self.head}"
        if self.head_checked:
            text += f"; {self.head_checked[:12]}… is in the chain, so nothing recorded up to it has changed"
        return text


def tally(db: Any, head: str = "") -> Verification:
    """The entries in a database by kind. A register code or a request is an entry in the chain, but not one the
    family would count, so they are counted apart."""
    by_kind = dict(db.execute("SELECT kind, count(*) FROM entry GROUP BY kind"))
    apart = {"register": ("register code", "register codes"), "request": ("request", "requests")}
    others = {words: by_kind.pop(kind, 0) for kind, words in apart.items()}
    return Verification(sum(by_kind.values()), head, others=others)


def _describe(table: str, record_id: int, entry_id: int | None, row: dict[str, Any] | None) -> str:
    if table == "profile_change":
        return f"Your details (change {record_id}{', ' + str(row['key']) if row and 'key' in row else ''})"
    if table == "entry" or entry_id is None:
        return f"{table.replace('_', ' ')} {record_id}" if table != "entry" else f"Entry {record_id}"
    what = {"withdrawal": "its withdrawal", "attachment": f"attachment {record_id}",
            "request_reply": "its reply", "request_extension": "its extension",
            "action_done": "an agreed action marked done"}.get(table)
    if what is None:
        revision = row.get("revision") if row else None
        what = f"revision {revision}" if revision else "a revision"
    return f"Entry {entry_id} ({what})"


def verify(expected_head: str | None = None, db_path: Path | None = None,
           attachments: Path | None = None, entries_only: bool = False) -> Verification:
    """Walk the whole chain, SQLite's own check, and every attachment's bytes.

    Checks the home's log, or (for a restore, before it replaces anything) a staged
    copy given by db_path and attachments. Raises ChainBroken naming the first thing
    that does not match. `entries_only` (a timeline's check of what it prints) leaves out
    the search index and the attachments' bytes, which a timeline does not show.
    """
    from refusal_log import paths, search, store
    from refusal_log.errors import ChainBroken

    folder = attachments or paths.attachments_dir()
    with store.reading(db_path) as db:
        problems = [r[0] for r in db.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise ChainBroken(f"SQLite's own integrity check failed ({problems[0]}); "
                              "the database file itself is damaged. Restore your latest backup.")
        # A trigger or view added outside the tool can rewrite a row before it is chained.
        extra = store.schema_problems(db)
        if extra:
            raise ChainBroken(f"The database holds things refusal-log did not make ({'; '.join(extra[:3])}): it was "
                              "changed outside refusal-log, and they could alter what is written. "
                              "Restore your latest backup into a new folder.")
        prev = GENESIS
        tables = chained_tables()
        chained: dict[str, set[int]] = {}
        links = db.execute(
            "SELECT seq, record_table, record_id, entry_id, prev_hash, hash FROM ledger ORDER BY seq").fetchall()
        rows = {table: _all_rows(db, table) for table in tables}  # one read per table, not one per link
        for seq, table, record_id, entry_id, prev_hash, digest in links:
            row = rows[table].get(record_id) if table in tables else None
            name = _describe(table, record_id, entry_id, row)
            if prev_hash != prev:
                raise ChainBroken(f"{name} does not follow the link before it (link {seq}): "
                                  "a record before it was removed or reordered outside refusal-log.")
            if row is None:
                raise ChainBroken(f"{name} is missing: it was deleted outside refusal-log (link {seq}).")
            if link_hash(prev, table, row) != digest:
                raise ChainBroken(f"{name} does not match what was recorded: it was changed outside "
                                  f"refusal-log (link {seq}).")
            chained.setdefault(table, set()).add(record_id)
            prev = digest
        for table in tables:
            for record_id, row in sorted(rows[table].items()):
                if record_id not in chained.get(table, set()):
                    name = _describe(table, record_id, (row or {}).get("entry_id"), row)
                    raise ChainBroken(f"{name} was added outside refusal-log: it is not in the chain.")
        check_details(db)
        problem = None if entries_only else search.index_problem(db)
        if problem:
            raise ChainBroken(f"{problem}. The entries themselves are not affected: the index is only a copy of "
                              "their words, and 'refusal-log search --rebuild-index' makes it afresh.")
        for name, sha, entry_id, attachment_id in () if entries_only else db.execute(
                "SELECT name, sha256, entry_id, id FROM attachment ORDER BY id"):
            stored = folder / sha
            if not stored.is_file():
                raise ChainBroken(f"Entry {entry_id} (attachment {attachment_id}, {name}): the file is missing "
                                  f"from {folder}.")
            if file_sha256(stored) != sha:
                raise ChainBroken(f"Entry {entry_id} (attachment {attachment_id}, {name}): the file was changed "
                                  "after it was attached.")
        result = tally(db, prev)
    if expected_head:
        wanted = expected_head.strip().lower()
        if len(wanted) < 12:
            raise InvalidInput(f"--head {expected_head!r} is too short to check; give at least its first 12 characters.")
        known = {digest for *_, digest in links}
        matches = [d for d in known if d.startswith(wanted)]
        if len(matches) != 1:
            raise ChainBroken(f"The hash {expected_head} is not in this log's chain: the copy it came from "
                              "was not made from this log, or records were changed or removed since.")
        result.head_checked = matches[0]
    return result


def check_details(db: sqlite3.Connection) -> None:
    """The parent's details in use are the latest chained change of each."""
    from refusal_log.errors import ChainBroken

    latest = dict(db.execute("SELECT key, value FROM profile_change ORDER BY id"))
    current = dict(db.execute("SELECT key, value FROM setting"))
    for key in sorted(set(latest) | set(current)):
        if latest.get(key) != current.get(key):
            raise ChainBroken(f"Your details ({key.replace('_', ' ')}) were changed outside refusal-log: what is in "
                              "use does not match what was recorded, and no letter is drafted from them until that is put "
                              "right. Restore your latest backup into a new folder, or set them again with "
                              "'refusal-log init'.")


def file_sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checked_head() -> tuple[str, str | None]:
    """The newest link's hash for the foot of a timeline, and why the log does not verify (None when it does): a copy
    printed from a log changed outside refusal-log must not look vouched for (the newcomer on round 169)."""
    from refusal_log.errors import ChainBroken

    try:
        return verify(entries_only=True).head, None
    except ChainBroken as broken:
        return current_head(), str(broken)


def current_head() -> str:
    """The newest link's hash, for the foot of a timeline."""
    from refusal_log import store

    with store.reading() as db:
        return head(db)[1]
