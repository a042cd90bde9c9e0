"""The one place that opens the SQLite store.

Everything about the database file lives here: where it is, how a connection is set
up (WAL, foreign keys, a busy timeout, full fsync), the schema migrations run on every
write, the sessions, and the translation of SQLite's failures into plain sentences.

Two promises shape it:
- Nothing is ever half-written. A write session is one `BEGIN IMMEDIATE` transaction:
  it takes the write lock before reading anything, so two processes adding at once
  queue up instead of both reading the same chain head.
- Reading never changes or creates anything. A read-only command on a home with no
  database says so; a read-only or damaged file is opened read-only or not at all.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from refusal_log import paths
from refusal_log.errors import INIT_COMMAND, DamagedStore, NothingLoggedYet, RefusalLogError, StoreBusy, StoreNotWritable
# The file locks and working folders around the database (used as store.write_lock...).
from refusal_log.home_locks import (  # noqa: F401
    BUSY_TIMEOUT_MS,
    LOCK_NAME,
    busy,
    staging,
    sweep_staging,
    take_notes,
    write_lock,
)

if TYPE_CHECKING:
    from sqlmodel import Session

SQLITE_HEADER = b"SQLite format 3\x00"


# --- the schema ---------------------------------------------------------------------
#
# A trigger or view added behind the tool's back can rewrite a row between its INSERT
# and its link in the chain, and the chain would then faithfully vouch for the rewritten
# text. So a store must hold exactly what the migrations make: the expected set is built
# by running the migrations on a blank in-memory database (never a list kept by hand,
# so a new migration, FTS5's shadow tables included, is covered by itself).

MIGRATIONS_TABLE = "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
_expected: dict[int, set[tuple[str, str, str, str]]] = {}


def _schema_of(conn: sqlite3.Connection) -> set[tuple[str, str, str, str]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    # Only SQLite's statistics tables (ANALYZE) are left out; anything else named sqlite_*
    # (a trigger planted with writable_schema) is compared, autoindexes being expected.
    return {(kind, name, table, " ".join((sql or "").split())) for kind, name, table, sql in rows
            if not (kind == "table" and name in ("sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"))}


# The current version's schema, as the migrations make it, is shipped in schema.json so that
# a write need not replay every migration first (that took ~30 ms of each command). A test
# rebuilds it from the migrations and fails when it is stale; a stale or missing file is
# simply not used.
SCHEMA_SNAPSHOT = os.path.join(os.path.dirname(__file__), "schema.json")


def expected_schema(version: int) -> set[tuple[str, str, str, str]]:
    """What the first `version` migrations create, from a blank database."""
    if version not in _expected:
        _expected[version] = _snapshot(version) or schema_from_migrations(version)
    return _expected[version]


def _snapshot(version: int) -> set[tuple[str, str, str, str]] | None:
    import json

    try:
        with open(SCHEMA_SNAPSHOT, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    if data.get("version") != version:
        return None
    return {tuple(item) for item in data["objects"]}


def schema_from_migrations(version: int) -> set[tuple[str, str, str, str]]:
    """Replay the first `version` migrations on a blank in-memory database."""
    from refusal_log.migrations import MIGRATIONS

    blank = sqlite3.connect(":memory:", isolation_level=None)
    try:
        blank.execute(MIGRATIONS_TABLE)
        for step in MIGRATIONS[:version]:
            step(blank)
        return _schema_of(blank)
    finally:
        blank.close()


def write_schema_snapshot() -> None:
    """Rebuild schema.json after adding a migration: python -m refusal_log.store"""
    import json

    from refusal_log.migrations import SCHEMA_VERSION

    objects = sorted(schema_from_migrations(SCHEMA_VERSION))
    with open(SCHEMA_SNAPSHOT, "w", encoding="utf-8") as handle:
        json.dump({"version": SCHEMA_VERSION, "objects": objects}, handle, indent=1)
        handle.write("\n")


def schema_problems(conn: sqlite3.Connection) -> list[str]:
    """Every table, index, trigger or view that differs from what the migrations make."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    actual, wanted = _schema_of(conn), expected_schema(version)
    problems = [f"{kind} {name} was added" for kind, name, _, _ in sorted(actual - wanted)
                if (kind, name) not in {(k, n) for k, n, _, _ in wanted}]
    problems += [f"{kind} {name} was changed" for kind, name, _, _ in sorted(actual - wanted)
                 if (kind, name) in {(k, n) for k, n, _, _ in wanted}]
    names = {(k, n) for k, n, _, _ in actual}
    problems += [f"{kind} {name} is missing" for kind, name, _, _ in sorted(wanted) if (kind, name) not in names]
    return problems


def foreign_schema(path: Path, problems: list[str]) -> DamagedStore:
    return DamagedStore(
        f"The database at {path} holds things refusal-log did not make ({'; '.join(problems[:3])}), so it was "
        "not trusted and nothing was changed. Something outside refusal-log changed it: keep the file as it is "
        "and restore your latest backup into a new folder."
    )


def check_schema(conn: sqlite3.Connection, path: Path) -> None:
    problems = schema_problems(conn)
    if problems:
        raise foreign_schema(path, problems)


# --- connections ------------------------------------------------------------------

def _connect(path: Path, *, write: bool, mode: str = "rwc") -> sqlite3.Connection:
    """A connection set up the same way every time.

    mode is SQLite's "rwc" (may create), "rw" or "ro", or "immutable" (read-only,
    and SQLite may assume nobody else writes the file). A reader normally opens
    "rw" with query_only on, because only a read-write connection removes WAL's
    side files when it closes; a reader that leaves them behind changes the home.
    """
    query = {"rwc": "mode=rwc", "rw": "mode=rw", "ro": "mode=ro", "immutable": "mode=ro&immutable=1"}[mode]
    uri = f"file:{quote(str(path))}?{query}"
    # isolation_level=None: we issue BEGIN ourselves (see writing()), so that a write
    # takes the lock at the start of the transaction, not at its first INSERT.
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                           check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if write:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a record the tool said was stored survives a power cut.
        conn.execute("PRAGMA synchronous = FULL")
    else:
        conn.execute("PRAGMA query_only = ON")
        # Sorting a large timeline must not need a temporary file in a full home.
        conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def _check_is_sqlite(path: Path, empty_ok: bool = False) -> None:
    """Refuse a file that is not SQLite before SQLite gets a chance to touch it.

    An empty file is refused too, unless the caller is setting up or restoring a log:
    SQLite would take it as a new log, and a log emptied outside the tool would then
    look like one that never held anything.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreNotWritable(f"The database at {path} cannot be opened ({exc.strerror}); nothing was changed.") from None
    if not head and not empty_ok:
        backups = path.parent / "backups"
        kept = f" (backups refusal-log made are in {backups})" if backups.is_dir() and any(backups.iterdir()) else ""
        raise DamagedStore(
            f"The database at {path} is empty (0 bytes), so there is no log in it to use; nothing was changed. "
            f"If entries were logged there, restore your latest backup with 'refusal-log restore BACKUP_FILE'{kept}, "
            "or an export with 'refusal-log import FILE'. "
            f"If nothing was, set the log up again with: {INIT_COMMAND}")
    if head and head != SQLITE_HEADER:
        raise damaged(path)


def damaged(path: Path) -> DamagedStore:
    return DamagedStore(
        f"The database at {path} is damaged and nothing was changed: keep that file as it is, and restore your "
        "latest backup into a new folder with 'refusal-log --home NEW_FOLDER restore BACKUP_FILE' (with no backup, "
        "keep the file safe all the same: the timelines and exports you made still hold what they showed, and "
        "someone who knows databases may recover the rest from a copy)."
    )


def translate(exc: BaseException, path: Path) -> Exception:
    """Turn a failure from SQLite into the user's error it stands for."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    if "no such module: fts5" in text:
        # A Python built without SQLite's full-text search: the file is fine.
        return StoreNotWritable(
            f"The log at {path} needs SQLite's full-text search (FTS5), which this Python's SQLite lacks; "
            "nothing was changed. Use a Python from python.org or your system's packages, which include it."
        )
    if isinstance(orig, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return busy()
    if any(word in text for word in ("readonly", "read-only", "unable to open", "permission", "disk i/o", "full")):
        return StoreNotWritable(
            f"The log at {path} cannot be written to ({orig}); nothing was changed. "
            "Check that the folder is yours and writable, and that the disk has space."
        )
    if isinstance(orig, sqlite3.DatabaseError):
        return damaged(path)
    return exc if isinstance(exc, Exception) else RuntimeError(str(exc))


# --- opening ----------------------------------------------------------------------

def _writable(path: Path) -> bool:
    # The owner's write bit, not os.access: root may write anywhere, but a home the
    # user made read-only is meant to stay unchanged.
    return bool(path.stat().st_mode & stat.S_IWUSR) and os.access(path, os.W_OK)


def _prepare_home_for_writing(empty_ok: bool = False) -> Path:
    home = paths.check_home()
    db = paths.db_path()
    if home.exists() and not home.is_dir():
        raise StoreNotWritable(f"{home} is a file, not a folder; give refusal-log a folder to keep the log in.")
    try:
        if home.exists() and not _writable(home):
            raise StoreNotWritable(f"The folder {home} is read-only, so nothing was saved. Make it writable and try again.")
        if db.exists() and not _writable(db):
            raise StoreNotWritable(f"The database {db} is read-only, so nothing was saved. Make it writable and try again.")
        paths.ensure_private_dir(home)
    except OSError as exc:
        raise StoreNotWritable(f"The folder {home} cannot be created or written to ({exc.strerror}); nothing was saved.") from None
    if db.is_symlink():
        # Writing through a link would put the family's log outside the home.
        raise StoreNotWritable(f"The database at {db} is a link to somewhere else, so nothing was saved; "
                               "refusal-log writes only inside its own folder. Replace the link with the file itself.")
    if db.exists():
        _check_is_sqlite(db, empty_ok)
    sweep_staging(home)
    return db


def _migrate(path: Path) -> None:
    """Bring the file at `path` up to the current schema, in a transaction of its own."""
    from refusal_log.migrations import SCHEMA_VERSION

    new_file = not path.exists()
    conn = _connect(path, write=True)
    try:
        if new_file:
            paths.make_private(path)
        if _schema_version(conn, path) == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            _bring_up_to_date(conn, path)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        paths.make_private(path.with_name(path.name + suffix))


def _schema_version(conn: sqlite3.Connection, path: Path) -> int:
    from refusal_log.migrations import SCHEMA_VERSION

    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreNotWritable(
            f"The log at {path} was written by a newer refusal-log; nothing was changed. "
            "Upgrade refusal-log to add to it."
        )
    return version


def _bring_up_to_date(conn: sqlite3.Connection, path: Path) -> None:
    """Apply the migrations not yet applied, inside the caller's write transaction."""
    from refusal_log.migrations import MIGRATIONS, SCHEMA_VERSION

    if conn.execute("PRAGMA user_version").fetchone()[0]:
        check_schema(conn, path)  # never migrate (write into) a store changed behind our back
    conn.execute(MIGRATIONS_TABLE)
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    for step in MIGRATIONS:
        if step.__name__ not in done:
            step(conn)
            conn.execute("INSERT INTO _migrations VALUES (?, datetime('now'))", (step.__name__,))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _open_for_reading(path: Path) -> sqlite3.Connection:
    from refusal_log.migrations import SCHEMA_VERSION

    if path.parent.exists() and not path.parent.is_dir():
        raise NothingLoggedYet(f"{path.parent} is a file, not a folder, so there is no log there.")
    if path == paths.db_path():
        paths.check_home()
    if not path.exists():
        raise NothingLoggedYet(
            f"Nothing is logged yet in {paths.home_dir()}. "
            f"To start, run: {INIT_COMMAND}"
        )
    _check_is_sqlite(path)
    if _writable(path.parent) and _writable(path):
        sweep_staging(path.parent)
        mode = "rw"
    elif path.with_name(path.name + "-wal").exists():
        mode = "ro"  # a crash left recent writes in the WAL: read them too
    else:
        # A read-only folder cannot hold WAL's side files, and nobody can be
        # writing to it, so the file as it stands is the whole record.
        mode = "immutable"
    had_side_files = {suffix for suffix in ("-wal", "-shm") if path.with_name(path.name + suffix).exists()}
    conn = None
    try:
        conn = _connect(path, write=False, mode=mode)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        error = translate(exc, path)
        if mode != "rw" or not isinstance(error, StoreNotWritable) or isinstance(error, StoreBusy):
            raise error from None
        # A full disk: WAL's shared-memory file cannot be made. Reading needs no
        # writing, so read the file as it stands (with any WAL left by a crash), and
        # remove the empty side files this attempt itself left.
        try:
            if conn is not None:
                conn.close()
        except sqlite3.Error:
            pass
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if suffix not in had_side_files and side.exists():
                side.unlink(missing_ok=True)
        wal = path.with_name(path.name + "-wal")
        mode = "ro" if wal.exists() and wal.stat().st_size > 0 else "immutable"
        try:
            conn = _connect(path, write=False, mode=mode)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError:
            raise error from None
    if version < SCHEMA_VERSION:
        conn.close()
        if mode != "rw":
            raise StoreNotWritable(
                f"The log at {path} was made by an older refusal-log and its folder is read-only, "
                "so it cannot be brought up to date; nothing was changed. Make the folder writable and try again."
            )
        with write_lock(path.parent):
            _migrate(path)  # an older store: bring it up to date (a write), then read
        return _connect(path, write=False, mode="rw")
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreNotWritable(
            f"The log at {path} was written by a newer refusal-log; nothing was changed. "
            "Upgrade refusal-log to read it."
        )
    return conn


# One engine per database file, made on first use. NullPool: a connection is opened
# for each write and closed after it, so a file replaced by `restore` is never
# written through a connection to the old one.
_ENGINES: dict[Path, Any] = {}


def _engine(path: Path):
    engine = _ENGINES.get(path)
    if engine is None:
        # Imported here, not at the top: sqlmodel costs half a second, and --help,
        # --version and check must not pay for it.
        from sqlalchemy import event
        from sqlalchemy.pool import NullPool
        from sqlmodel import create_engine

        from refusal_log.migrations import SCHEMA_VERSION

        engine = create_engine("sqlite://", creator=lambda: _connect(path, write=True), poolclass=NullPool)

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:
            # The schema version is read, any migration applied and the schema checked
            # on the write's own connection, inside its transaction: nothing can be
            # added to the store between the check and the write.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            db = conn.connection.driver_connection
            if _schema_version(db, path) != SCHEMA_VERSION:
                _bring_up_to_date(db, path)
            check_schema(db, path)
            # A page damaged further in than the header goes unseen by a write that never reads it: the new entry would
            # be kept in a file the next timeline refuses (the attack on round 172). Milliseconds on a log of hundreds.
            if db.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
                raise damaged(path)
            _use_log_zone(db)

        _ENGINES[path] = engine
    return engine


@contextmanager
def writing(empty_ok: bool = False) -> Iterator[Session]:
    """A session whose whole block is one transaction, committed only if it ends well.

    It refuses to write into a store whose schema is not the one the migrations made,
    checked inside the transaction (see _engine), and holds the home's write lock, which
    restore takes too. Only setting up, importing or restoring a log may write into an empty file (empty_ok).
    """
    from sqlalchemy.exc import DBAPIError
    from sqlmodel import Session

    path = _prepare_home_for_writing(empty_ok)
    new_file = not path.exists()
    try:
        with write_lock(path.parent):
            if path.exists():
                _check_is_sqlite(path, empty_ok)  # again, now that no other refusal-log can change it
            with Session(_engine(path), expire_on_commit=False) as session, session.begin():
                if new_file:
                    paths.make_private(path)
                yield session
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        # sqlite3's own errors too: the ledger and plain queries use the driver directly.
        raise translate(exc, path) from None
    for suffix in ("", "-wal", "-shm"):
        paths.make_private(path.with_name(path.name + suffix))


@contextmanager
def writing_file(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection to the database at `path`, brought up to date, in one transaction.

    For work on a whole file that needs no ORM, such as rebuilding the search index
    of a staged restore before it is checked.
    """
    try:
        _migrate(path)
        conn = _connect(path, write=True, mode="rw")
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from None
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from None
    finally:
        conn.close()


@contextmanager
def reading(path: Path | None = None) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection holding one consistent read snapshot; it creates nothing.

    Reads need no ORM. Going straight to the driver keeps sqlmodel's import, and
    building an object per row, off `list`, `show`, `timeline` and `verify`. `path`
    is the home's database unless given (restore checks a staged copy first).
    """
    path = path or paths.db_path()
    conn = _open_for_reading(path)
    try:
        conn.execute("BEGIN")
        _use_log_zone(conn)
        yield conn
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from None
    finally:
        conn.close()


def _use_log_zone(conn: sqlite3.Connection) -> None:
    from refusal_log import dates

    row = conn.execute("SELECT value FROM setting WHERE key = 'zone'").fetchone()
    dates.use_log_zone(row[0] if row else None)


_zones_read: dict[tuple, str | None] = {}


def _zone_of_home() -> str | None:
    """The home's log's zone, read once, before the store is opened (see dates.local_zone)."""
    # Keyed by what chooses the home, not the path itself: working the path out again on
    # each of a timeline's thousands of dates cost more than the dates did.
    key = (paths._home_override, os.environ.get(paths.ENV_HOME))
    if key not in _zones_read:
        try:
            _zones_read[key] = _read_zone(paths.db_path())
        except RefusalLogError:
            return None
    return _zones_read[key]


def _read_zone(path: Path) -> str | None:
    try:
        if not path.is_file():
            return None
        with open(path, "rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
        mode = "rw" if _writable(path.parent) and _writable(path) else "immutable"
        conn = _connect(path, write=False, mode=mode)
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = 'zone'").fetchone()
        finally:
            conn.close()
        return row[0] if row else None
    except (sqlite3.Error, OSError):
        return None


def driver(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under a write session, inside the same transaction."""
    return session.connection().connection.driver_connection


def exists() -> bool:
    return paths.db_path().exists()


def holds_something() -> bool:
    """Whether the home has a database file with anything at all in it (an empty one is refused on use)."""
    path = paths.db_path()
    return path.exists() and path.stat().st_size > 0


def _install_zone_resolver() -> None:
    from refusal_log import dates

    dates.zone_resolver = _zone_of_home


_install_zone_resolver()


if __name__ == "__main__":
    write_schema_snapshot()
