"""Export and import: the whole log as one JSON document (or a CSV for a spreadsheet).

The JSON export is complete and self-contained: the parent's details, children,
contacts, and every entry with its full history, withdrawal and attachments (their
bytes in base64), the school section (attendance_exchange.py) and the requests section
(requests_exchange.py: requests, replies, extensions, agreed actions marked done). Importing it into a new home recreates the same entries with the
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
from typing import Any, get_args

from refusal_log import __version__, attachments, dates, entries, integrity, kinds, nations, paths, people, store
from refusal_log.errors import DamagedStore, InvalidInput, RefusalLogError
from refusal_log.text import shown

FORMAT = "refusal-log-export"
FORMATS = ("json", "csv")
# An export carries attachments as base64; a log larger than this belongs in a backup.
MAX_IMPORT = 512 * 1024 * 1024


def export(fmt: str = "json") -> str:
    """The log as a JSON or CSV document (text)."""
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise InvalidInput(f"--format must be json or csv; {shown(fmt)} is not.")
    views = entries.list_entries()
    if fmt == "json":
        return _json(views)
    from refusal_log import requests

    # `list` leaves requests to `request list`, but a spreadsheet of the log should hold them too.
    with store.reading() as db:
        asked = entries._load(db, (requests.KIND,))
    return _csv(views + sorted(asked, key=lambda v: v.id))


def _json(views: list[entries.EntryView]) -> str:
    with store.reading() as db:
        children = [{"id": i, "name": name, "school": school, "born": born, "year_group": year, "form": form,
                     "upn": upn, "school_type": kind, "recorded": recorded}
                    for i, name, school, born, year, form, upn, kind, recorded in
                    db.execute("SELECT id, name, school, born, year_group, form, upn, school_type, recorded_at "
                               "FROM child ORDER BY id")]
        cursor = db.execute("SELECT * FROM child_revision ORDER BY id")
        columns = [d[0] for d in cursor.description]
        child_revisions = [dict(zip(columns, row)) for row in cursor]
        contacts = [{"id": i, "name": name, "role": role, "email": email, "phone": phone, "recorded": recorded}
                    for i, name, role, email, phone, recorded in
                    db.execute("SELECT id, name, role, email, phone, recorded_at FROM contact ORDER BY id")]
        from refusal_log import attendance_exchange

        school = attendance_exchange.export_section(db)  # terms, closures, the school's register
        from refusal_log import requests_exchange

        # Requests, replies, extensions and agreed actions marked done.
        asked = requests_exchange.export_section(db, _entry_json)
    document = {
        "format": FORMAT, "version": 1, "tool": __version__, "exported": dates.now().isoformat(),
        "profile": people.profile(), "children": children, "child_revisions": child_revisions,
        "contacts": contacts,
        "entries": [_entry_json(v) for v in sorted(views, key=lambda v: v.id)],
        "school": school, requests_exchange.SECTION: asked,
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
        cells = [v.id, v.kind, v.child, entries.when_json(v.when, v.timeless), v.recorded.isoformat(), v.who or "", v.summary,
                 v.fields.get("agreed") or "", v.revision, v.corrected.isoformat() if v.corrected else "",
                 v.withdrawn["reason"] if v.withdrawn else ""]
        for key in extra:
            value = v.fields.get(key)
            cells.append("; ".join(value) if isinstance(value, list) else "" if value is None else value)
        cells.append("; ".join(a["name"] for a in v.attachments))
        writer.writerow([_inert(cell) for cell in cells])
    # A byte-order mark tells spreadsheet programs the file is UTF-8.
    return "\ufeff" + buffer.getvalue()


def _inert(cell: Any) -> Any:
    """Text a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe.

    Subjects of imported emails come from other people; a cell must never act.
    """
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def _when(text: Any) -> datetime:
    """A time from the export: ISO 8601 with its offset, in a believable year."""
    moment = datetime.fromisoformat(_text(text, "a time"))
    if moment.tzinfo is None:
        raise ValueError(f"the time {text!r} has no UTC offset")
    dates.check_year(text, moment)
    return moment


def _happened(text: Any, what: str = "a time") -> tuple[datetime, bool]:
    """When an entry happened: a day alone ("2026-09-14", no time was given) or a full time."""
    value = _text(text, what)
    if len(value.strip()) == 10:
        day = date.fromisoformat(value.strip())
        dates.check_year(value, day)
        return dates.start_of_day(day), True
    return _when(value), False


def _text(value: Any, what: str, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{what} should be text, not {value!r:.40}")
    return value


def _bytes(value: Any, entry_id: int) -> bytes:
    import binascii

    try:
        return base64.b64decode(_text(value, "a file"), validate=True)
    except binascii.Error:
        raise ValueError(f"an attachment of entry {entry_id} is not written as an export writes files (base64)") from None


def _number(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value < 2**63:
        raise ValueError(f"{what} should be a whole number from 1, not {value!r:.40}")
    return value


def import_json(path: str) -> str:
    """Recreate an exported log in a new, empty home. Returns what it holds, counted as verify counts it ("43 entries,
    108 register codes and 4 requests")."""
    from refusal_log.text import read_text_file

    not_ours = InvalidInput(f"{path} is not a refusal-log export (made with 'refusal-log export --format json').")
    try:
        document = json.loads(read_text_file(path, MAX_IMPORT, "512 MB", "refusal-log export"))
    except (ValueError, RecursionError):
        raise not_ours from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise not_ours
    if document.get("version", 1) != 1:
        # A later format may hold what this version would drop; refusing keeps all of it for a newer refusal-log.
        raise InvalidInput(f"{path} was made by a newer refusal-log (export format {shown(document.get('version'))}); "
                           "update refusal-log and import it again. Nothing was imported.")
    try:
        _check_shape(document)
        plan = _plan(document)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError, OverflowError, RefusalLogError) as exc:
        raise InvalidInput(f"{path} is a refusal-log export, but part of it cannot be used ({_plainly(exc)}); "
                           "nothing was imported.") from None
    if store.holds_something():  # an empty file may be filled: it holds nothing to lose
        with store.reading() as db:
            used = db.execute("SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM child)").fetchone()[0]
        if used:
            raise InvalidInput(f"The log in {paths.home_dir()} is not empty, so nothing was imported. "
                               "Import into a new folder: refusal-log --home NEW_FOLDER import FILE.")
    try:
        _write(plan)
    except OverflowError:
        raise InvalidInput(f"{path} holds a number too large for the log (an id or a count); nothing was imported.") from None
    except DamagedStore:
        # A constraint the file breaks (a repeated id, a field of another kind) shows
        # up as an integrity error; the file is at fault, not the log.
        raise InvalidInput(f"{path} has entries that contradict each other (a repeated id, or fields of "
                           "another kind); nothing was imported.") from None
    from refusal_log import integrity

    with store.reading() as db:
        return integrity.tally(db).counts()


def _write(plan: _Plan) -> None:
    with store.writing(empty_ok=True) as session:
        # The home holds no entries, so its index should be empty; start it empty
        # for certain, and the triggers build it row by row as the entries go in.
        store.driver(session).execute("DELETE FROM search_index")
        for setting in plan.settings:
            integrity.set_detail(session, setting.key, setting.value)
        for table, row, entry_id in plan.rows:
            session.add(row)
            session.flush()
            integrity.append(session, table, row.id, entry_id)
        for entry_id, incoming, attachment_id, recorded in plan.files:
            _import_attachment(session, entry_id, incoming, attachment_id, recorded)


def _import_attachment(session, entry_id: int, incoming: attachments.IncomingFile, attachment_id: int,
                       recorded: str) -> None:
    from refusal_log.models import Attachment

    attachments._keep(incoming)
    row = Attachment(id=attachment_id, entry_id=entry_id, name=incoming.name, size=incoming.size,
                     media_type=incoming.media_type, sha256=incoming.sha256, recorded_at=_when(recorded))
    session.add(row)
    session.flush()
    integrity.append(session, "attachment", row.id, entry_id)


def _records(items: Any, what: str) -> list[dict[str, Any]]:
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ValueError(f"{what} should be a list of records")
    return items


def _check_shape(document: dict[str, Any]) -> None:
    """Every part is the kind of thing `export` writes, checked before any of it is read.

    A file edited by hand (or made elsewhere) then gets a sentence naming the part that is
    wrong, rather than whatever Python says when a list turns out to be a number.
    """
    _records(document.get("children"), "the children")
    _records(document.get("entries"), "the entries")
    for name in ("child_revisions", "contacts"):
        _records(document.get(name, []), f"the {name.replace('_', ' ')}")
    for name in ("profile", "school", "requests"):
        part = document.get(name)
        if part is not None and not isinstance(part, dict):
            raise ValueError(f"the {name} should be a set of names and values")
    for name in ("terms", "closures", "removals", "register"):
        _records((document.get("school") or {}).get(name, []), f"the school's {name}")
    for name in ("entries", "replies", "extensions", "actions_done"):
        _records((document.get("requests") or {}).get(name, []), f"the requests' {name.replace('_', ' ')}")
    _check_known_keys(document, _TOP_KEYS, "the file")
    for c in document["children"]:
        _check_known_keys(c, _CHILD_KEYS, f"a child ({shown(c.get('name'))})")
    for c in document.get("contacts", []):
        _check_known_keys(c, _CONTACT_KEYS, f"a contact ({shown(c.get('name'))})")
    for e in document["entries"] + (document.get("requests") or {}).get("entries", []):
        what = f"entry {e.get('id')!r:.20}"
        _records(e.get("history"), f"{what}'s history")
        _records(e.get("attachments", []), f"{what}'s attachments")
        if e.get("withdrawn") is not None and not isinstance(e["withdrawn"], dict):
            raise ValueError(f"{what}'s withdrawal should be a record")
        _check_known_keys(e, _ENTRY_KEYS, what)
        for a in e.get("attachments", []):
            _check_known_keys(a, _ATTACHMENT_KEYS, f"a file of {what}")
        if e.get("withdrawn"):
            _check_known_keys(e["withdrawn"], _WITHDRAWAL_KEYS, f"the withdrawal of {what}")


class _Children(dict):
    """Child name -> id; a record naming a child the file does not list is the file's fault."""

    def __missing__(self, name: Any) -> int:
        raise ValueError(f"a record names a child ({name!r:.40}) that the file does not list")


def _plainly(exc: BaseException) -> str:
    """What is wrong with the file, in words a parent can act on (or pass to whoever made it)."""
    if isinstance(exc, KeyError):
        return f"a record has no {exc.args[0]!r:.40}"
    text = str(exc)
    if text.startswith("Invalid isoformat string") or "does not match format" in text:
        return f"a date or time is not written as an export writes them (2026-09-14): {text.partition(':')[2].strip():.40}"
    if isinstance(exc, (TypeError, AttributeError)):
        return "a value is not of the kind an export holds there"
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    return text


@dataclass
class _Plan:
    """Every row an import will write, built (and so checked) before the store is opened."""

    settings: list[Any] = field(default_factory=list)
    rows: list[tuple[str, Any, int | None]] = field(default_factory=list)  # (table, row, entry id)
    files: list[tuple[int, attachments.IncomingFile, int, str]] = field(default_factory=list)
    entries: int = 0


def _check_fields(entry_id: int, model: type, fields: dict[str, Any]) -> None:
    """Each field of a revision has the kind of value its column holds; none is missing.

    Table models do not validate what they are given, so an edited export could
    otherwise put a number where text belongs and break every later listing.
    """
    for name, info in model.model_fields.items():
        if name in ("id", "entry_id", "revision", "happened_at", "recorded_at", "change_reason"):
            continue
        value = fields.get(name)
        if value is None:
            if info.is_required():
                raise ValueError(f"entry {entry_id} has no {name}")
            continue
        allowed = tuple(t for t in (get_args(info.annotation) or (info.annotation,)) if t is not type(None))
        if bool in allowed and not isinstance(value, bool):
            raise ValueError(f"entry {entry_id}'s {name} should be true or false")
        if int in allowed and (not isinstance(value, int) or isinstance(value, bool)):
            raise ValueError(f"entry {entry_id}'s {name} should be a whole number")
        if (str in allowed or date in allowed) and not isinstance(value, (str, date)):
            raise ValueError(f"entry {entry_id}'s {name} should be written as text, not {value!r:.40}")


# What each part of an export holds (as _json writes it); every revision also holds its kind's own fields.
_TOP_KEYS = {"format", "version", "tool", "exported", "profile", "children", "child_revisions", "contacts", "entries",
             "school", "requests"}
_CHILD_KEYS = {"id", "recorded", *people.CHILD_DETAILS}
_CONTACT_KEYS = {"id", "name", "role", "email", "phone", "recorded"}
_ENTRY_KEYS = {"id", "kind", "child", "recorded", "history", "attachments", "withdrawn"}
_ATTACHMENT_KEYS = {"id", "name", "type", "size", "sha256", "recorded", "content_base64"}
_WITHDRAWAL_KEYS = {"reason", "recorded"}
_REVISION_KEYS = {"revision", "when", "recorded", "change_reason"}


def _check_known_keys(record: dict[str, Any], known: set[str], where: str,
                      written_as: dict[str, str] | None = None) -> None:
    """A part of the file holds no field this version does not know.

    Dropping one quietly would lose what a parent wrote (an export from a newer
    version, or a field added or renamed by hand); refusing names it, and nothing is imported.
    """
    unknown = next((key for key in record if key not in known), None)
    if unknown is not None:
        raise ValueError(f"{where} has a field this version of refusal-log does not know ({shown(unknown)}); remove "
                         f"it{(written_as or {}).get(unknown, '')}, or, if a newer refusal-log made the file, update refusal-log")


def _check_known(entry_id: int, kind: str, model: type, revision: dict[str, Any]) -> None:
    # A column's own name where the export writes another ("absence_type" for "type"), or one the log keeps for
    # itself ("entry_id", "happened_at"), is not a field of the file: it would be dropped, or win over the other.
    about = kinds.get(kind)
    known = _REVISION_KEYS | set(about.options.values()) | (
        set(model.model_fields) - set(about.options) - entries._BASE_COLUMNS)
    _check_known_keys(revision, known, f"entry {entry_id}",
                      {column: f" (an export writes it as {name!r})" for column, name in about.options.items()})


VERDICTS = ("ok", "caution", "avoid")


def _check_values(entry_id: int, kind: str, fields: dict[str, Any]) -> None:
    """The bounds, choices and date ranges the commands apply, applied to an imported revision.

    An export edited by hand must not hold what no command would accept: an absence
    to the year 9999 (which breaks every timeline), a year-1 date, an end before the
    start, minutes beyond a day, a 'via' or 'direction' no command offers.
    """
    where = f"entry {entry_id}"
    for column in ("date", "until"):
        if isinstance(fields.get(column), date):
            dates.check_year(f"{where}'s {column}", fields[column])
    if fields.get("date") and fields.get("until") and fields["until"] < fields["date"]:
        raise ValueError(f"{where} ends (until {fields['until']}) before it starts ({fields['date']})")
    # A request's own --via choices are checked by requests_exchange.check_revision.
    checks = {"via": () if kind == "request" else tuple(entries.VIA.values()), "direction": tuple(entries.DIRECTIONS.values()),
              "verdict": VERDICTS,
              "sessions": tuple(entries.SESSIONS.values())}
    for column, allowed in checks.items():
        value = fields.get(column)
        if value is not None and allowed and value not in allowed:
            raise ValueError(f"{where}'s {column} must be one of {', '.join(dict.fromkeys(allowed))}, not {value!r:.40}")
    if fields.get("minutes") is not None:
        try:
            entries._minutes(fields["minutes"])
        except InvalidInput:
            raise ValueError(f"{where}'s minutes must be between 0 and 1440") from None
    for column in kinds.get(kind).lists:
        if column in fields:
            items = json.loads(fields[column])
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise ValueError(f"{where}'s {column} should be a list of names")


def _plan(document: dict[str, Any]) -> _Plan:
    from refusal_log.models import Child, ChildRevision, Contact, Entry, Setting, Withdrawal

    profile = document.get("profile") or {}
    if not isinstance(profile, dict):
        raise ValueError("the profile should be a set of names and values")
    profile = people.check_details({_text(k, "a detail's name"): _text(v, f"the detail {k}") for k, v in profile.items()})
    plan = _Plan(settings=[Setting(key=k, value=v) for k, v in profile.items()])
    from refusal_log import requests_exchange

    asked = document.get(requests_exchange.SECTION) or {}
    if not isinstance(asked, dict):
        raise ValueError("the requests should be a set of names and values")
    # Request entries are entries like any other (the registry describes their table);
    # they travel in their own section because `list` does not show them.
    every_entry = document["entries"] + asked.get("entries", [])
    planned: dict[int, tuple[str, list[date]]] = {}  # entry id -> (kind, the days its revisions happened)
    children = _Children()
    for c in document["children"]:
        # As init checks it, and tidy as init keeps it: "Sam  Jones" beside "Sam Jones" (a hand-edited file) would
        # make a draft about one child find the other (the attack on the school address). Names that differ only in
        # case may be real (a first name since corrected): a draft then asks which child is meant.
        if people.child_name(_text(c["name"], "a child's name"), "A child's name in the file") != c["name"]:
            raise ValueError(f"a child's name ({c['name']!r:.40}) has spaces that refusal-log never writes")
        if c["name"] in children:
            raise ValueError(f"two children are called {c['name']!r:.40}")
        children[c["name"]] = _number(c["id"], "a child's id")
        plan.rows.append(("child", Child(
            id=c["id"], name=c["name"], school=_text(c.get("school"), "a school", optional=True),
            born=date.fromisoformat(c["born"]) if c.get("born") else None, recorded_at=_when(c["recorded"]),
            **{k: _text(c.get(k), f"a child's {k.replace('_', ' ')}", optional=True)
               for k in ("year_group", "form", "upn", "school_type")}), None))
    for r in document.get("child_revisions", []):
        details = {k: _text(r.get(k), f"a child's {k.replace('_', ' ')}", optional=True)
                   for k in ("school", "year_group", "form", "upn", "school_type", "change_reason",
                             "removed_reason")}
        plan.rows.append(("child_revision", ChildRevision(
            id=_number(r["id"], "a child revision's id"), child_id=_number(r["child_id"], "a child's id"),
            revision=_number(r["revision"], "a revision number"), recorded_at=_when(r["recorded_at"]),
            name=_text(r["name"], "a child's name"), born=date.fromisoformat(r["born"]) if r.get("born") else None,
            **details), None))
        # Entries name their child as the child is now called: a corrected name too.
        children[r["name"]] = r["child_id"]
    for c in document.get("contacts", []):
        plan.rows.append(("contact", Contact(
            id=_number(c["id"], "a contact's id"), name=_text(c["name"], "a contact's name"),
            role=_text(c["role"], "a contact's role"), email=_text(c.get("email"), "an email", optional=True),
            phone=_text(c.get("phone"), "a phone number", optional=True), recorded_at=_when(c["recorded"])), None))
    for what, items in (("child", document["children"]), ("contact", document.get("contacts", [])),
                        ("entry", every_entry),
                        ("attachment", [a for e in every_entry for a in e.get("attachments", [])])):
        ids = [item["id"] for item in items]
        if len(ids) != len(set(ids)):
            raise ValueError(f"{what} ids are repeated")
    for e in every_entry:
        kind, entry_id = e["kind"], _number(e["id"], "an entry's id")
        if not isinstance(kind, str) or not kinds.known(kind):
            raise ValueError(f"entry {entry_id} has an unknown kind {kind!r}")
        if not e["history"]:
            raise ValueError(f"entry {entry_id} has no content")
        plan.entries += 1
        plan.rows.append(("entry", Entry(id=entry_id, kind=kind, child_id=children[e["child"]],
                                         recorded_at=_when(e["recorded"])), entry_id))
        model = kinds.model(kinds.get(kind))
        for number, r in enumerate(e["history"], start=1):
            if r["revision"] != number:
                raise ValueError(f"entry {entry_id}'s revisions are not numbered 1, 2, 3...")
            _check_known(entry_id, kind, model, r)
            fields = entries.columns_from_fields(kind, r)
            if kind == "absence" and not fields.get("absence_type") and isinstance(fields.get("reason"), str):
                # An export from before types: the type is worked out once, here, as
                # add-absence does, rather than on every later read.
                fields["absence_type"] = nations.absence_type(None, fields["reason"])
            happened, timeless = _happened(r["when"], f"entry {entry_id}'s time")
            if timeless and "timeless" in model.model_fields:
                fields["timeless"] = True
            day = happened.astimezone(dates.local_zone()).date()
            planned.setdefault(entry_id, (kind, []))[1].append(day)
            if kind == requests_exchange.KIND:
                requests_exchange.check_revision(entry_id, fields, day)
            _check_fields(entry_id, model, fields)
            _check_values(entry_id, kind, fields)
            plan.rows.append((model.__tablename__, model(
                entry_id=entry_id, revision=number, happened_at=happened,
                recorded_at=_when(r["recorded"]), change_reason=_text(r.get("change_reason"), "a reason", optional=True),
                **fields), entry_id))
        if e.get("withdrawn"):
            plan.rows.append(("withdrawal", Withdrawal(entry_id=entry_id, reason=_text(e["withdrawn"]["reason"], "a reason"),
                                                       recorded_at=_when(e["withdrawn"]["recorded"])), entry_id))
        for a in e.get("attachments", []):
            incoming = attachments.from_bytes(_text(a["name"], "a file name"),
                                              _bytes(a["content_base64"], entry_id), _text(a.get("type"), "a file's type", optional=True))
            if incoming.sha256 != a["sha256"]:
                raise ValueError(f"attachment {a['name']} of entry {entry_id} does not match its hash")
            _when(a["recorded"])  # checked now: nothing is written until the whole document is
            plan.files.append((entry_id, incoming, _number(a["id"], "an attachment's id"), a["recorded"]))
    from refusal_log import attendance_exchange

    plan.rows += attendance_exchange.plan_rows(document.get("school"), children, _when)
    plan.rows += requests_exchange.plan_rows(asked, planned, _when)
    return plan
