"""Which nation's law `check` follows when no --region is given: the home's own setting.

Read with plain sqlite3, read-only, so that `check` never imports the ORM and never creates
or changes a log: a missing, locked or damaged store simply gives no answer (England's law
then applies, and `check` says so and how to change it).
"""

from __future__ import annotations

import os
from functools import lru_cache


def check_for_home(reason: str, child: str | None, db_path):
    """The wording check of a reason under the law of the home's nation (England's when it does not say)."""
    return _checked(reason, child, home_region(db_path) or "england")


@lru_cache(maxsize=4)  # add-absence asks before it opens the log and again inside it: a long paste is read once
def _checked(reason: str, child: str | None, region: str):
    from refusal_log.wording import check_text

    return check_text(reason, region=region, child=child)


def home_region(db_path) -> str | None:
    """The region stored with `init --region` or `region set`, or None when there is no
    log, it does not say, or it cannot be read."""
    return read_home_region(db_path)[0]


def read_home_region(db_path) -> tuple[str | None, str | None]:
    """The stored region (or None) and what kept a log that is there from being read: None, "busy"
    (another refusal-log is writing) or "unreadable" (damaged, or not a file), so that England's law
    is never applied to it in silence and a busy log is not called damaged."""
    path = os.fspath(db_path)
    if not os.path.isfile(path):
        # A folder or a broken link where the log should be cannot be read; no log at all is no problem.
        return None, ("unreadable" if os.path.lexists(path) else None)
    import sqlite3  # only when there is a log to read

    try:
        # Without a WAL file nobody is writing: read the file as it stands (immutable), so
        # that no side file is created; with one, read it too (its side files exist already).
        query = "?mode=ro" if os.path.exists(path + "-wal") else "?immutable=1"
        uri = "file:" + path.replace("%", "%25").replace("?", "%3f").replace("#", "%23") + query  # "%41" is no "A"
        db = sqlite3.connect(uri, uri=True, timeout=0.5)
        try:
            row = db.execute("SELECT value FROM setting WHERE key = 'region'").fetchone()
        finally:
            db.close()
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        return None, ("busy" if "locked" in text or "busy" in text else "unreadable")
    except sqlite3.Error:
        return None, "unreadable"
    value = (row[0] if row else "") or ""
    value = value.strip().lower().replace(" ", "-")
    return value or None, None
