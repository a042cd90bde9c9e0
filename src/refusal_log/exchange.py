"""Export and import: the whole log as one JSON document (or a CSV for a spreadsheet).

The JSON export is complete and self-contained: the parent's details, children,
contacts, and every entry with its full history, withdrawal and attachments (their
bytes in base64). Importing it into a new home recreates the same entries with the
same ids and the same recorded times, so `list --json` reads exactly as before, and
builds a fresh hash chain over them.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from refusal_log import __version__, attachments, dates, entries, integrity, paths, people, store
from refusal_log.errors import InvalidInput

FORMAT = "refusal-log-export"
FORMATS = ("json", "csv")


def export(fmt: str = "json") -> str:
    """The log as a JSON or CSV document (text)."""
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise InvalidInput(f"--format must be json or csv; {fmt!r} is not.")
    views = entries.list_entries()
    return _csv(views) if fmt == "csv" else _json(views)


def _json(views: list[entries.EntryView]) -> str:
    with store.reading() as db:
        children = [{"id": i, "name": name, "school": school, "born": born, "recorded": recorded}
                    for i, name, school, born, recorded in
                    db.execute("SELECT id, name, school, born, recorded_at FROM child ORDER BY id")]
        contacts = [{"id": i, "name": name, "role": role, "email": email, "phone": phone, "recorded": recorded}
                    for i, name, role, email, phone, recorded in
                    db.execute("SELECT id, name, role, email, phone, recorded_at FROM contact ORDER BY id")]
    document = {
        "format": FORMAT, "version": 1, "tool": __version__, "exported": dates.now().isoformat(),
        "profile": people.profile(), "children": children, "contacts": contacts,
        "entries": [_entry_json(v) for v in sorted(views, key=lambda v: v.id)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _entry_json(view: entries.EntryView) -> dict[str, Any]:
    files = []
    for item in view.attachments:
        data = attachments.stored_path(item["sha256"]).read_bytes()
        files.append({**item, "content_base64": base64.b64encode(data).decode("ascii")})
    return {"id": view.id, "kind": view.kind, "child": view.child, "recorded": view.recorded.isoformat(),
            "history": [r.to_json() for r in view.history], "withdrawn": view.withdrawn, "attachments": files}


def _csv(views: list[entries.EntryView]) -> str:
    """One row per entry (its current wording), for a spreadsheet."""
    fixed = ["id", "kind", "child", "when", "recorded", "who", "what", "agreed", "revision", "corrected", "withdrawn"]
    extra: list[str] = []
    for view in views:
        for key in view.fields:
            if key not in fixed and key not in extra:
                extra.append(key)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fixed + extra + ["attachments"])
    for v in views:
        cells = [v.id, v.kind, v.child, v.when.isoformat(), v.recorded.isoformat(), v.who or "", v.summary,
                 v.fields.get("agreed") or "", v.revision, v.corrected.isoformat() if v.corrected else "",
                 v.withdrawn["reason"] if v.withdrawn else ""]
        for key in extra:
            value = v.fields.get(key)
            cells.append("; ".join(value) if isinstance(value, list) else "" if value is None else value)
        cells.append("; ".join(a["name"] for a in v.attachments))
        writer.writerow(cells)
    # A byte-order mark tells spreadsheet programs the file is UTF-8.
    return "\ufeff" + buffer.getvalue()


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)


def import_json(path: str) -> int:
    """Recreate an exported log in a new, empty home. Returns the number of entries."""
    from refusal_log.text import read_text_file

    try:
        document = json.loads(read_text_file(path))
        assert isinstance(document, dict) and document.get("format") == FORMAT
    except (ValueError, AssertionError):
        raise InvalidInput(f"{path} is not a refusal-log export (made with 'refusal-log export --format json').") from None
    try:
        plan = _plan(document)
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInput(f"{path} is a refusal-log export, but part of it cannot be read ({exc}); nothing was imported.") from None
    if store.exists():
        with store.reading() as db:
            used = db.execute("SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM child)").fetchone()[0]
        if used:
            raise InvalidInput(f"The log in {paths.home_dir()} is not empty, so nothing was imported. "
                               "Import into a new folder: refusal-log --home NEW_FOLDER import FILE.")
    with store.writing() as session:
        for setting in plan.settings:
            session.merge(setting)
        for table, row, entry_id in plan.rows:
            session.add(row)
            session.flush()
            integrity.append(session, table, row.id, entry_id)
        for entry_id, incoming, attachment_id, recorded in plan.files:
            _import_attachment(session, entry_id, incoming, attachment_id, recorded)
    return plan.entries


def _import_attachment(session, entry_id: int, incoming: attachments.IncomingFile, attachment_id: int,
                       recorded: str) -> None:
    from refusal_log.models import Attachment

    attachments._keep(incoming)
    row = Attachment(id=attachment_id, entry_id=entry_id, name=incoming.name, size=incoming.size,
                     media_type=incoming.media_type, sha256=incoming.sha256, recorded_at=_when(recorded))
    session.add(row)
    session.flush()
    integrity.append(session, "attachment", row.id, entry_id)


@dataclass
class _Plan:
    """Every row an import will write, built (and so checked) before the store is opened."""

    settings: list[Any] = field(default_factory=list)
    rows: list[tuple[str, Any, int | None]] = field(default_factory=list)  # (table, row, entry id)
    files: list[tuple[int, attachments.IncomingFile, int, str]] = field(default_factory=list)
    entries: int = 0


def _plan(document: dict[str, Any]) -> _Plan:
    from refusal_log.models import REVISION_TABLES, Child, Contact, Entry, Setting, Withdrawal

    plan = _Plan(settings=[Setting(key=k, value=v) for k, v in (document.get("profile") or {}).items()])
    children = {}
    for c in document["children"]:
        children[c["name"]] = c["id"]
        plan.rows.append(("child", Child(
            id=c["id"], name=c["name"], school=c.get("school"),
            born=date.fromisoformat(c["born"]) if c.get("born") else None, recorded_at=_when(c["recorded"])), None))
    for c in document.get("contacts", []):
        plan.rows.append(("contact", Contact(
            id=c["id"], name=c["name"], role=c["role"], email=c.get("email"), phone=c.get("phone"),
            recorded_at=_when(c["recorded"])), None))
    for e in document["entries"]:
        kind, entry_id = e["kind"], e["id"]
        if kind not in REVISION_TABLES:
            raise ValueError(f"entry {entry_id} has an unknown kind {kind!r}")
        plan.entries += 1
        plan.rows.append(("entry", Entry(id=entry_id, kind=kind, child_id=children[e["child"]],
                                         recorded_at=_when(e["recorded"])), entry_id))
        model = REVISION_TABLES[kind]
        for r in e["history"]:
            plan.rows.append((model.__tablename__, model(
                entry_id=entry_id, revision=r["revision"], happened_at=_when(r["when"]),
                recorded_at=_when(r["recorded"]), change_reason=r.get("change_reason"),
                **entries.columns_from_fields(kind, r)), entry_id))
        if e.get("withdrawn"):
            plan.rows.append(("withdrawal", Withdrawal(entry_id=entry_id, reason=e["withdrawn"]["reason"],
                                                       recorded_at=_when(e["withdrawn"]["recorded"])), entry_id))
        for a in e.get("attachments", []):
            incoming = attachments.from_bytes(a["name"], base64.b64decode(a["content_base64"]), a.get("type"))
            if incoming.sha256 != a["sha256"]:
                raise ValueError(f"attachment {a['name']} of entry {entry_id} does not match its hash")
            plan.files.append((entry_id, incoming, a["id"], a["recorded"]))
    return plan
