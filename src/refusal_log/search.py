"""Search: one SQLite FTS5 index over everything the log holds in words.

The index (`search_index`, made by the migration m006_search_index) has one row for
every revision of every entry, every imported email and every attachment's name. What
a row holds is written once, in the view `search_text`; SQL triggers copy each new
row of evidence into the index inside the very transaction that writes it, so the
index never lags behind the log. Restore and import rebuild it from the view, and
`verify` compares the two.

The index is derived data, not evidence: it is outside the hash chain, and a
damaged index is put right by rebuilding it, never by touching an entry.
Reading goes straight to the driver, like `list`, so a search never loads the ORM.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from refusal_log import dates, entries, kinds, paths, people, store
from refusal_log.errors import InvalidInput, NothingLoggedYet

# What snippet() puts around a matched word; the command line turns them into a
# highlight in a terminal, and into [brackets] in plain text and JSON.
MARK_START, MARK_END = "\x02", "\x03"
SNIPPET_WORDS = 16
_CHUNK = 500  # ids per "IN (...)": well under SQLite's limit on parameters
_INDEX_COLUMNS = "source, source_id, entry_id, text"


@dataclass
class Hit:
    """One entry that matched, with the best-matching piece of its text."""

    id: int
    kind: str
    when: str  # when it happened (its latest revision), ISO 8601 as stored
    snippet: str  # matched words between MARK_START and MARK_END
    rank: float  # FTS5's bm25 rank: lower is a better match
    child: str
    found_in: str | None = None  # "earlier_wording" or "attachment_name"; None: the entry as it now reads
    timeless: bool = False  # a day given without a time: `when` is shown as the day alone
    withdrawn: bool = False  # shown only with --include-withdrawn, and marked so

    @property
    def label(self) -> str:
        return kinds.get(self.kind).label if kinds.known(self.kind) else self.kind.title()

    @property
    def day(self) -> date:
        return datetime.fromisoformat(self.when).astimezone(dates.local_zone()).date()

    def pieces(self) -> list[tuple[str, bool]]:
        """The snippet as (text, matched) pieces, for a highlight."""
        pieces = []
        for i, part in enumerate(self.snippet.split(MARK_START)):
            if i == 0:
                pieces.append((part, False))
                continue
            matched, _, rest = part.partition(MARK_END)
            pieces += [(matched, True), (rest, False)]
        return [(text, matched) for text, matched in pieces if text]

    def plain_snippet(self) -> str:
        return " ".join(self.snippet.replace(MARK_START, "[").replace(MARK_END, "]").split())

    def to_json(self) -> dict[str, Any]:
        when = self.day.isoformat() if self.timeless else self.when
        # The contract's five keys first; then whose entry it is, where the words were found (null:
        # the entry as it now reads) and whether it was withdrawn, as the plain output says them.
        return {"id": self.id, "kind": self.kind, "when": when, "snippet": self.plain_snippet(),
                "rank": round(self.rank, 6), "child": self.child,
                "found_in": self.found_in, "withdrawn": self.withdrawn}


def search(query: str, kinds: list[str] | None = None, from_: str | None = None, to: str | None = None,
           child: str | None = None, include_withdrawn: bool = False) -> list[Hit]:
    """Entries whose words, in any revision, email or attachment name, match; best first."""
    text = (query or "").strip()
    if not text:
        raise InvalidInput("Give the words to search for, for example: refusal-log search anxiety")
    wanted = entries.parse_kinds(kinds) + (() if kinds else ("request",))  # requests: what is due
    start, end = dates.parse_range(from_, to)
    with store.reading() as db:
        child_id = people.resolve_child(db, child).id if child else None
        matches = _matches_per_entry(db, text)
        if not matches:
            return []
        facts = _facts(db, list(matches))
        children = dict(db.execute("SELECT id, name FROM child"))
    hits = []
    for entry_id, rows in matches.items():
        if entry_id not in facts or facts[entry_id][4] is None:
            continue  # only a damaged index names an entry the log lacks; verify says so
        kind, owner, withdrawn, latest_id, when, until, timeless = facts[entry_id]
        # The entry as it now reads, when that matches too; else its best-matching row.
        current = [r for r in rows if r[0] == _table_of(kind) and r[1] == latest_id]
        source, source_id, snippet, rank = current[0] if current else rows[0]
        if kind not in wanted or (child_id is not None and owner != child_id):
            continue
        if withdrawn and not include_withdrawn:
            continue
        if (start or end) and not _in_range(when, until, start, end):
            continue
        found_in = ("attachment_name" if source == "attachment"
                    else None if current or source != _table_of(kind) else "earlier_wording")
        hits.append(Hit(entry_id, kind, when, snippet, rank, children.get(owner, "?"), found_in, timeless,
                        bool(withdrawn)))
    # Best first by the row each hit shows, so the order and the rank printed agree.
    return sorted(hits, key=lambda hit: (hit.rank, hit.id))


def _table_of(kind: str) -> str:
    """The revision table of a kind (search's own `kinds` argument hides the module there)."""
    return kinds.get(kind).table


def _matches_per_entry(db: sqlite3.Connection, query: str) -> dict[int, list[tuple[str, int, str, float]]]:
    """Entry id -> its matching rows as (source table, row id, snippet, rank), best first;
    entries in order of their best match."""
    try:
        rows = db.execute(
            "SELECT entry_id, source, source_id, snippet(search_index, 0, ?, ?, '…', ?), rank "
            "FROM search_index WHERE search_index MATCH ? ORDER BY rank, entry_id",
            (MARK_START, MARK_END, SNIPPET_WORDS, query))
        matches: dict[int, list[tuple[str, int, str, float]]] = {}
        for entry_id, source, source_id, snippet, rank in rows:
            matches.setdefault(entry_id, []).append((source, source_id, snippet, rank))
        return matches
    except sqlite3.OperationalError as exc:
        # FTS5's own words for what it could not read; the store itself is fine.
        raise _unreadable(query, exc) from None


def _unreadable(query: str, exc: Exception) -> InvalidInput:
    example = f"'\"{query}\"'" if "'" not in query and '"' not in query else "'\"in-person\"'"
    return InvalidInput(
        f"The search {query!r} could not be read ({_plain(exc)}). Words are matched as they are, "
        f"\"quoted phrases\" together, and word* as a beginning; put words with punctuation in "
        f"double quotes, for example: refusal-log search {example}"
    )


def _plain(exc: Exception) -> str:
    """SQLite's FTS5 names itself ("fts5: syntax error near ..."); the parent needs only what."""
    text = str(exc).removeprefix("fts5: ")
    near = text.partition('syntax error near "')[2].removesuffix('"')
    if text.startswith("syntax error"):
        return f"it does not read as a search at {near!r}" if near else "it stops where more was expected"
    return text


def _chunks(ids: list[int]):
    for i in range(0, len(ids), _CHUNK):
        part = ids[i:i + _CHUNK]
        yield part, ", ".join("?" * len(part))


def _facts(db: sqlite3.Connection, ids: list[int]) -> dict[int, list[Any]]:
    """For each entry: kind, child, withdrawn, its latest revision's row id, when, until, and
    whether it is a day without a time."""
    facts: dict[int, list[Any]] = {}
    for part, marks in _chunks(ids):
        for entry_id, kind, child_id in db.execute(
                f"SELECT id, kind, child_id FROM entry WHERE id IN ({marks})", part):
            facts[entry_id] = [kind, child_id, False, None, None, None, False]
        for (entry_id,) in db.execute(f"SELECT entry_id FROM withdrawal WHERE entry_id IN ({marks})", part):
            facts[entry_id][2] = True
    for kind in {f[0] for f in facts.values()}:
        table = kinds.get(kind).table
        until = "until" if kind == "absence" else "NULL"
        columns = {row[1] for row in db.execute(f'PRAGMA table_info("{table}")')}
        # A day given without a time is shown as the day alone (as `list --json` does).
        day_only = "1" if kinds.get(kind).day_only else ("timeless" if "timeless" in columns else "NULL")
        of_kind = [i for i, f in facts.items() if f[0] == kind]
        for part, marks in _chunks(of_kind):
            # SQLite gives the other columns of the row that holds max(revision).
            for entry_id, row_id, _, when, last, timeless in db.execute(
                    f'SELECT entry_id, id, max(revision), happened_at, {until}, {day_only} FROM "{table}" '
                    f"WHERE entry_id IN ({marks}) GROUP BY entry_id", part):
                facts[entry_id][3:] = [row_id, when, last, bool(timeless)]
    return facts


def _in_range(when: str, until: str | None, start: date | None, end: date | None) -> bool:
    first = datetime.fromisoformat(when).astimezone(dates.local_zone()).date()
    last = date.fromisoformat(until) if until else first
    return (start is None or last >= start) and (end is None or first <= end)


# --- keeping the index whole -------------------------------------------------------------

def rebuild(db: sqlite3.Connection) -> int:
    """Build the index afresh from the log, in the caller's write transaction; returns its rows."""
    db.execute("DELETE FROM search_index")
    db.execute(f"INSERT INTO search_index ({_INDEX_COLUMNS}) SELECT {_INDEX_COLUMNS} FROM search_text")
    return db.execute("SELECT count(*) FROM search_index").fetchone()[0]


def rebuild_index() -> int:
    """Rebuild the home's search index (what `verify` advises when it does not match)."""
    if not store.exists():
        raise NothingLoggedYet(f"Nothing is logged yet in {paths.home_dir()}, so there is nothing to index.")
    with store.writing() as session:
        return rebuild(store.driver(session))


def index_problem(db: sqlite3.Connection) -> str | None:
    """A sentence naming the first way the index differs from the log, or None when it matches."""
    missing = db.execute(f"SELECT {_INDEX_COLUMNS} FROM search_text EXCEPT "
                         f"SELECT {_INDEX_COLUMNS} FROM search_index ORDER BY 3, 1, 2 LIMIT 1").fetchone()
    if missing:
        return f"The search index has nothing, or something else, for {_describe(db, *missing[:3])}"
    planted = db.execute(f"SELECT {_INDEX_COLUMNS} FROM search_index EXCEPT "
                         f"SELECT {_INDEX_COLUMNS} FROM search_text ORDER BY 3, 1, 2 LIMIT 1").fetchone()
    if planted:
        return (f"The search index holds words for {_describe(db, *planted[:3])} that the log does not have "
                f"({planted[3][:40]!r})")
    extra = db.execute("SELECT (SELECT count(*) FROM search_index) - (SELECT count(*) FROM search_text)").fetchone()[0]
    if extra:
        return f"The search index holds {extra} repeated row{'s' if extra != 1 else ''}"
    return None


def _describe(db: sqlite3.Connection, source: Any, source_id: Any, entry_id: Any) -> str:
    if source == "attachment":
        return f"entry {entry_id} (attachment {source_id})"
    if kinds.by_table(source) is not None:
        row = db.execute(f'SELECT revision FROM "{source}" WHERE id = ?', (source_id,)).fetchone()
        if row:
            return f"entry {entry_id} (revision {row[0]})"
    return f"entry {entry_id} ({source} {source_id})"
