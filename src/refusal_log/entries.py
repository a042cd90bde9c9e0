"""Evidence entries: absences, phone calls, GP visits, meetings and notes.

Functions here take plain values as typed on the command line, check them all before the store is opened (so a
mistake never leaves a trace), write through store.writing(), and return EntryView objects. Nothing here prints.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from refusal_log import dates, integrity, kinds, nations, people, store
from refusal_log.entry_views import (  # noqa: F401  (the read model, used from here by other modules)
    LATE_AFTER,
    EntryView,
    Revision,
    main_text,
    when_json,
    when_text,
)
from refusal_log.errors import INIT_COMMAND, InvalidInput, NothingLoggedYet, NotFound, WordingNeedsConfirmation
from refusal_log.text import gap_filled, optional_text, required_text, shown

if TYPE_CHECKING:
    import sqlite3

    from refusal_log.wording import CheckResult

SESSIONS = {"am": "am", "morning": "am", "pm": "pm", "afternoon": "pm",
            "both": "both", "all day": "both", "all-day": "both", "full day": "both", "day": "both"}
# "text" is not in the design contract's list, which is kept whole: many parents report an absence by text message.
# The other spellings are how parents say the same things; each is stored as the contract's word.
VIA = {"email": "email", "e-mail": "email", "e mail": "email", "phone": "phone", "phone call": "phone",
       "telephone": "phone", "app": "app", "school app": "app", "letter": "letter", "in-person": "in-person",
       "in person": "in-person", "face to face": "in-person", "face-to-face": "in-person",
       "text": "text", "text message": "text", "text msg": "text", "txt": "text", "sms": "text"}
DIRECTIONS = {"out": "out", "outgoing": "out", "in": "in", "incoming": "in"}
LETTER = ("requested", "received")

# What each kind's columns are called, which hold lists or yes/no, and its table's
# name: all in the registry (kinds.py), so reads never import sqlmodel.
_BASE_COLUMNS = {"id", "entry_id", "revision", "happened_at", "recorded_at", "change_reason", "timeless"}
# --- checking what was typed -------------------------------------------------------

def _choice(value: str | None, options: dict[str, str] | tuple[str, ...], option: str) -> str | None:
    if value is None:
        return None
    key = " ".join(value.strip().lower().split())
    table = options if isinstance(options, dict) else {o: o for o in options}
    if key not in table:
        allowed = sorted(set(table.values()), key=list(table.values()).index)
        raise InvalidInput(f"{option} must be one of {', '.join(allowed)}; {shown(value)} is not.")
    return table[key]


def _minutes(value: int | None) -> int | None:
    if value is not None and not 0 <= value <= 24 * 60:
        raise InvalidInput(f"--minutes must be a number of minutes between 0 and 1440; {value} is not.")
    return value


def _fields(kind: kinds.Kind, values: dict[str, Any]) -> dict[str, Any]:
    """A revision's own fields under their command-line names, from a model or a raw row. Raw rows (how listings
    read, for speed) hold JSON text, ISO dates and 0/1 for yes/no; models hold Python values. Both come out the same."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name in _BASE_COLUMNS:
            continue
        if name in kind.lists:
            value = json.loads(value) if value else []
        elif isinstance(value, date):
            value = value.isoformat()
        elif name in kind.flags:
            value = bool(value)
        out[kind.option(name)] = value
    return out


def columns_from_fields(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The inverse of _columns: option names and JSON values back to a row's columns."""
    model = _model(kind)
    about = kinds.get(kind)
    reverse = {v: k for k, v in about.options.items()}
    out: dict[str, Any] = {}
    for key, value in fields.items():
        column = reverse.get(key, key)
        if column not in model.model_fields or column in _BASE_COLUMNS:
            continue
        if column in about.lists:
            value = json.dumps(value or [], ensure_ascii=False)
        elif column in ("date", "until") and value:
            if not isinstance(value, str):
                raise ValueError(f"a {column} should be written as a date (2026-09-14), not {value!r:.40}")
            value = date.fromisoformat(value)
        out[column] = value
    return out


def _raw_reader(kind: kinds.Kind, columns: list[str]):
    """A function turning one raw row of a revision table into (entry id, Revision).

    Worked out once per table from its column names, so that the conversion of each
    of thousands of rows is a tight loop; it gives exactly what _fields gives.
    """
    at = {name: i for i, name in enumerate(columns)}
    plan = []
    for i, name in enumerate(columns):
        if name in _BASE_COLUMNS:
            continue
        convert = _json_list if name in kind.lists else bool if name in kind.flags else None
        plan.append((i, kind.option(name), convert))
    entry, number, happened, recorded, why = (at[c] for c in ("entry_id", "revision", "happened_at",
                                                                "recorded_at", "change_reason"))
    parse = dates.stored_moment
    timeless = at.get("timeless")
    always_timeless = kind.day_only

    def read(values: tuple) -> tuple[int, Revision]:
        fields = {key: values[i] if convert is None else convert(values[i]) for i, key, convert in plan}
        day_only = always_timeless or (timeless is not None and bool(values[timeless]))
        return values[entry], Revision(values[number], parse(values[happened]), parse(values[recorded]),
                                       fields, values[why], day_only)

    return read


def _json_list(value: str | None) -> list[Any]:
    return json.loads(value) if value else []


def _model(kind: str):
    return kinds.model(kinds.get(kind))


# --- writing ------------------------------------------------------------------------

def _require_store() -> None:
    if not store.exists():
        raise NothingLoggedYet(
            f"Nothing is set up yet in {store.paths.home_dir()}. "
            f"Start with: {INIT_COMMAND}"
        )


def _add(kind: str, child: str | None, when: datetime, fields: dict[str, Any],
         files: list[str] | None = None) -> EntryView:
    from refusal_log import attachments

    incoming = [attachments.read_file(f) for f in files or []]  # read before anything is written
    _require_store()
    with store.writing() as session:
        owner = people.resolve_child(store.driver(session), child)
        if kind == "call" and not fields.get("role"):
            fields["role"] = people.contact_role(store.driver(session), fields["with_name"])
        row = insert_entry(session, kind, owner.id, when, fields)
        kept = attachments.store_files(session, row.entry_id, incoming)
        revision = row.revision
        checked = check_reason(revision.fields["reason"], owner.name) if kind == "absence" else None
        notes = _notes_on(store.driver(session), kind, row.entry_id, owner.id, when,
                          {**revision.fields, "timeless": revision.timeless}, row.recorded_at, checked)
        return EntryView(row.entry_id, kind, owner.name, when, row.recorded_at, revision.fields, [revision],
                         attachments=kept, notes=notes,
                         urgent=_urgent_help(checked, revision.fields.get("typed_reason")) if checked else None)


# How a kind's own module (requests.py, say) logs an entry of its kind: the kind's
# name, the child (None: the only one), the moment and columns its fields hook made.
add_entry = _add


@dataclass
class NewEntry:
    entry_id: int
    recorded_at: datetime
    revision: Revision


def insert_entry(session, kind: str, child_id: int, when: datetime, columns: dict[str, Any]) -> NewEntry:
    """Write a new entry and its first revision, both chained, in the caller's transaction.

    Core INSERT ... RETURNING into the models' tables rather than ORM objects: a new
    entry needs no unit of work, and skipping it spares every command that logs one
    the ORM's mapper set-up (a measurable part of add-call's start-up).
    """
    from sqlalchemy import insert

    from refusal_log.models import Entry

    revisions = _model(kind).__table__
    now = dates.now()
    db = session.connection()
    entry_id = db.execute(insert(Entry.__table__).values(kind=kind, child_id=child_id, recorded_at=now)
                          .returning(Entry.__table__.c.id)).scalar_one()
    integrity.append(session, "entry", entry_id, entry_id)
    values = {"entry_id": entry_id, "revision": 1, "happened_at": when, "recorded_at": now, **columns}
    row_id = db.execute(insert(revisions).values(**values).returning(revisions.c.id)).scalar_one()
    integrity.append(session, revisions.name, row_id, entry_id)
    timeless = kinds.get(kind).day_only or bool(columns.get("timeless"))
    return NewEntry(entry_id, now, Revision(1, when, now, _fields(kinds.get(kind), values), None, timeless))


def _urgent_help(checked: CheckResult, typed: str | None = None) -> str | None:
    """Where to get help now, read in the reason logged or, when the parent chose the suggested
    wording, in the words they first typed; whatever the verdict."""
    return checked.urgent or (check_reason(typed).urgent if typed else None)


def _notes_on(db: sqlite3.Connection, kind: str, entry_id: int, child_id: int, when: datetime,
              fields: dict[str, Any], now: datetime, checked: CheckResult | None = None) -> list[str]:
    """Things worth a second look in what was just logged: likely slips of the keyboard."""
    notes, about = [], kinds.get(kind)
    correct = f'correct it with: refusal-log edit {entry_id} {about.when_option} DATE --why "wrong date"'
    fix, timeless = f"if that is wrong, {correct}", about.day_only or bool(fields.get("timeless"))
    if timeless and when.date() > now.date():
        # More than two months ahead is more likely a year or a month mistyped ("07/12/2027") than telling school ahead.
        ahead = (f"more than two months from now. If the year or the month was typed wrong, {correct}"
                 if (when.date() - now.date()).days > 62 else f"which has not come yet. That is fine if you are "
                 f"telling school ahead; {fix}")
        notes.append(f"This absence is for {dates.human_date(when)}, {ahead}." if kind == "absence" else
                     f"This is dated {dates.human_date(when)}, which has not come yet; {fix}.")
    elif not timeless and when > now:
        notes.append(f"This is dated {dates.human_datetime(when)}, which is later than now; {fix}.")
    if checked is not None and fields.get("verdict") == "caution":
        if checked.findings:
            finding = checked.findings[0]
            from refusal_log.wording import load_rules  # (loaded already: the check has just run)
            honest = load_rules().hints["honest"]  # as `check` says it where no illness is named: only if it is true
            suggested = f" Suggested wording: {checked.suggestion}" if checked.suggestion else ""
            notes.append(f"The wording check has a note on this reason: {finding.why} (Source: {finding.source}.)"
                         f"{suggested}{' ' + honest if suggested and honest in checked.hints else ''}")
    if kind == "absence":
        first = date.fromisoformat(fields["date"])
        last = date.fromisoformat(fields["until"]) if fields.get("until") else first
        if first == last and first.weekday() >= 5:
            notes.append(f"{dates.human_date(first)} is a {dates.WEEKDAYS[first.weekday()].title()}. "
                         f"Dates are day first (08/09/2026 is 8 September); {fix}.")
        half = fields.get("sessions") or "both"  # a morning and an afternoon are two halves, not one logged twice
        same_days = [row[0] for row in db.execute(
            "SELECT e.id FROM entry e JOIN absence a ON a.entry_id = e.id WHERE e.kind = 'absence' AND e.child_id = ? "
            "AND e.id != ? AND a.revision = (SELECT max(revision) FROM absence WHERE entry_id = e.id) AND a.date <= ? "
            "AND coalesce(a.until, a.date) >= ? AND e.id NOT IN (SELECT entry_id FROM withdrawal) AND NOT "
            "(coalesce(a.sessions, 'both') IN ('am', 'pm') AND ? IN ('am', 'pm') AND coalesce(a.sessions, 'both') != ?) "
            "ORDER BY e.id", (child_id, entry_id, last.isoformat(), first.isoformat(), half, half))]
        if same_days:
            ids = (f"entry {same_days[0]}" if len(same_days) == 1
                   else f"entries {', '.join(map(str, same_days[:-1]))} and {same_days[-1]}")
            notes.append(f"An absence on these days is already logged ({ids}). If this one repeats it, "
                         f"you can withdraw it: refusal-log withdraw {entry_id} --reason \"logged twice\".")
    return notes


def child_first_name(child: str | None = None) -> str:
    """The first name of the child a command is about, to ask the parent about them."""
    _require_store()
    with store.reading() as db:
        name = people.resolve_child(db, child).name
    return (name.split() or [name])[0]


def no_entry(entry_id: int) -> NotFound:
    return NotFound.entry(entry_id)


def check_reason(reason: str, child: str | None = None) -> CheckResult:
    """The wording check of an absence reason, under the law of the log's nation. `child`: the name of
    the child it is logged for, so that another child named in it is read as someone else ("Josh was
    sick all night so Mia is at home", logged for Mia, is Josh's illness)."""
    from refusal_log.wording.region import check_for_home

    return check_for_home(reason, child, store.paths.db_path())


def _logged_child(child: str | None) -> str | None:
    """The name of the child an absence is logged for, when the log can tell (no log yet, or several children: None)."""
    if not store.exists():
        return None
    try:
        with store.reading() as db:
            return people.resolve_child(db, child).name
    except (InvalidInput, NotFound):
        return None


# One function per kind turns what was typed into a revision's columns. `add-*` and `edit` both go through it (edit
# finds it as the kind's "fields" hook in kinds.py), so a correction is checked exactly like the original.

def absence_fields(date: str, reason: str, until: str | None = None, sessions: str | None = None,
                    via: str | None = None, told: str | None = None,
                    accept_wording: bool = False, typed_reason: str | None = None, *,
                    type: str | None = None, child: str | None = None) -> tuple[datetime, dict[str, Any]]:
    day = dates.parse_date(date)
    last = dates.parse_date(until) if until else None
    if last is not None and last < day:
        raise InvalidInput(f"--until ({until}) is before --date ({date}); the last day must be the same day or later.")
    reason = gap_filled(required_text(reason, "--reason", "the reason for the absence, in your own words"))
    fields = {
        "date": day, "until": last, "sessions": _choice(sessions or "both", SESSIONS, "--sessions"),
        "reason": reason, "via": _choice(via, VIA, "--via"), "told": optional_text(told),
    }
    kind_given = nations.absence_type_option(type)
    # The check comes last, so that every plain mistake is reported before it.
    logged_for = _logged_child(child)
    result = check_reason(reason, logged_for)
    if result.verdict == "avoid" and not accept_wording:
        raise WordingNeedsConfirmation.for_result(result)
    fields["verdict"] = result.verdict
    fields["wording_rules"] = json.dumps(list(dict.fromkeys(f.rule for f in result.findings)))  # each rule once
    fields["absence_type"] = kind_given or nations.absence_type(None, reason, logged_for)
    # The parent's own first words, kept when they chose the suggested wording instead.
    typed = optional_text(typed_reason)
    fields["typed_reason"] = typed if typed and typed != reason else None
    return dates.start_of_day(day), fields


def call_fields(with_: str, summary: str, role: str | None = None, when: str | None = None,
                 direction: str | None = None, agreed: str | None = None,
                 minutes: int | None = None) -> tuple[datetime, dict[str, Any]]:
    moment, timeless = dates.parse_when_given(when)
    return moment, {
        "timeless": timeless or None,
        "with_name": required_text(with_, "--with", "the name of the person you spoke to"),
        "role": optional_text(role), "direction": _choice(direction, DIRECTIONS, "--direction"),
        "summary": required_text(summary, "--summary", "what was said, in your own words"),
        "agreed": optional_text(agreed), "minutes": _minutes(minutes),
    }


def gp_fields(summary: str, when: str | None = None, clinician: str | None = None,
               referral: list[str] | None = None, letter: str | None = None) -> tuple[datetime, dict[str, Any]]:
    moment, timeless = dates.parse_when_given(when)
    kept = [r for r in (referral or []) if r.strip()]
    return moment, {
        "timeless": timeless or None,
        "clinician": optional_text(clinician),
        "summary": required_text(summary, "--summary", "what the GP said or did"),
        "referrals": json.dumps(kept, ensure_ascii=False), "letter": _choice(letter, LETTER, "--letter"),
    }


def meeting_fields(with_: str, summary: str, when: str | None = None, witness: str | None = None,
                    agreed: str | None = None, minutes_requested: bool = False) -> tuple[datetime, dict[str, Any]]:
    moment, timeless = dates.parse_when_given(when)
    return moment, {
        "timeless": timeless or None,
        "with_names": required_text(with_, "--with", "who was at the meeting"),
        "witness": optional_text(witness),
        "summary": required_text(summary, "--summary", "what was discussed"),
        "agreed": optional_text(agreed), "minutes_requested": bool(minutes_requested),
    }


def note_fields(text: str, when: str | None = None) -> tuple[datetime, dict[str, Any]]:
    moment, timeless = dates.parse_when_given(when)
    return moment, {"timeless": timeless or None, "text": required_text(text, "The note", "the note itself, in your own words")}


def add_absence(date_: str, reason: str, until: str | None = None, sessions: str | None = None,
                via: str | None = None, told: str | None = None, child: str | None = None,
                accept_wording: bool = False, typed_reason: str | None = None, *,
                type_: str | None = None) -> EntryView:
    """Log an absence. A reason the wording rules advise against needs accept_wording;
    without type_ (illness, appointment...), the reason's words decide the type.

    typed_reason: the words first typed, when the parent chose the suggested wording
    (given as `reason`) instead; kept in the entry beside it.
    """
    if child is None and store.exists():
        child_first_name()  # two children: which one is asked before the wording gate (the newcomer on round 125)
    return _add("absence", child, *absence_fields(date_, reason, until, sessions, via, told, accept_wording,
                                                   typed_reason, type=type_, child=child))


def add_call(with_: str, summary: str, role: str | None = None, when: str | None = None,
             direction: str | None = None, agreed: str | None = None, minutes: int | None = None,
             child: str | None = None) -> EntryView:
    return _add("call", child, *call_fields(with_, summary, role, when, direction, agreed, minutes))


def add_gp(summary: str, when: str | None = None, clinician: str | None = None,
           referrals: list[str] | None = None, letter: str | None = None, child: str | None = None,
           letter_files: list[str] | None = None) -> EntryView:
    """Log a GP visit; a letter file given with it is kept as an attachment."""
    if letter_files and letter is None:
        letter = "received"
    return _add("gp", child, *gp_fields(summary, when, clinician, referrals, letter), files=letter_files)


def add_meeting(with_: str, summary: str, when: str | None = None, witness: str | None = None,
                agreed: str | None = None, minutes_requested: bool = False, child: str | None = None) -> EntryView:
    view = _add("meeting", child, *meeting_fields(with_, summary, when, witness, agreed, minutes_requested))
    view.notes += dates.weekday_read_back(when, view.when, f"refusal-log edit {view.id} --date DATE")
    return view


def add_note(text: str, when: str | None = None, child: str | None = None) -> EntryView:
    view = _add("note", child, *note_fields(text, when))
    view.urgent = check_reason(text[:20_000]).urgent  # talk of dying brings help first, as in a reason (bounded read)
    return view


# --- corrections --------------------------------------------------------------------

def _as_typed(view: EntryView, about: kinds.Kind) -> dict[str, Any]:
    """The latest revision as if it had been typed: what edit's changes are laid over."""
    typed = {k: v for k, v in view.fields.items() if k in about.editable}
    if not about.day_only:
        typed["when"] = when_json(view.when, view.timeless)
    return typed


def edit_entry(entry_id: int, changes: dict[str, Any], why: str | None = None,
               accept_wording: bool = False) -> EntryView:
    """Add a corrected revision; the original and every earlier revision stay as they were."""
    current = get_entry(entry_id)
    about = kinds.get(current.kind)
    build = kinds.hook(about, "fields")
    if not about.editable or build is None:
        raise InvalidInput(about.not_editable.format(id=entry_id, noun=about.one))
    if current.withdrawn:
        raise InvalidInput(f"Entry {entry_id} was withdrawn, so it cannot be corrected.")
    changes = {("when" if k == "date" and "date" not in about.editable else k): v
               for k, v in changes.items() if v is not None}
    if not changes:
        raise InvalidInput("Nothing to correct: give the options to change, for example --summary \"...\".")
    # A correction without its reason reads, later, like a change made to suit.
    wrong = [k for k in changes if k not in about.editable]
    if wrong:
        allowed = ", ".join("--" + k.replace("_", "-") for k in about.editable)
        raise InvalidInput(f"--{wrong[0].replace('_', '-')} does not apply to {about.a_one}; "
                           f"it takes {allowed}.")
    merged = {**_as_typed(current, about), **changes}
    arguments = {("with_" if k == "with" else k): v for k, v in merged.items()}
    if current.kind == "absence":
        # A reason that is not being changed was already accepted when it was logged.
        unchanged = changes.get("reason", current.fields["reason"]) == current.fields["reason"]
        arguments["accept_wording"] = accept_wording or unchanged
        # The words first typed belong with the reason they were replaced by.
        arguments["typed_reason"] = current.fields.get("typed_reason") if unchanged else None
        arguments["child"] = current.child  # a corrected reason is read for the same child
        if not unchanged and "type" not in changes:
            # A new reason is typed from its own words, as when it was first logged (the newcomer on round 63: a
            # correction away from illness still counted as a day lost to illness); a wording fix that names no type
            # keeps a leave, transport or other type the entry had (the attack on round 63b).
            new = nations.absence_type(None, changes["reason"], current.child)
            old = current.fields.get("type")
            arguments["type"] = new if new != "other" or old in (None, "illness") else old
    try:
        when, fields = build(**arguments)
    except WordingNeedsConfirmation as exc:
        raise WordingNeedsConfirmation.for_result(exc.result, correcting=True) from None
    model = _model(current.kind)
    proposed = _fields(about, fields)
    timeless = about.day_only or bool(fields.get("timeless"))
    if proposed == current.fields and when == current.when and timeless == current.timeless:
        raise InvalidInput(f"That is what entry {entry_id} already says; nothing was changed.")
    # A correction without its reason reads, later, like a change made to suit.
    if why is None:
        raise InvalidInput("A correction needs --why: say in a few words why it is made, for example "
                           "--why \"wrong day\". It is kept with the correction.")
    why = required_text(why, "--why", "why the correction is made (it is kept with it)")
    from sqlmodel import func, select

    with store.writing() as session:
        latest = session.exec(select(func.max(model.revision)).where(model.entry_id == entry_id)).one()
        row = model(entry_id=entry_id, revision=latest + 1, happened_at=when, recorded_at=dates.now(),
                    change_reason=optional_text(why), **fields)
        session.add(row)
        session.flush()
        integrity.append(session, model.__tablename__, row.id, entry_id)
    view = get_entry(entry_id)
    if view.kind == "absence" and changes.get("reason"):
        view.urgent = _urgent_help(check_reason(view.fields["reason"]))  # a corrected reason too
    return view


def withdraw_entry(entry_id: int, reason: str) -> EntryView:
    """Mark an entry withdrawn, with the reason. It is kept, and still shown by `show`."""
    from refusal_log.models import Entry, Withdrawal

    reason = required_text(reason, "--reason", "why the entry is being withdrawn")
    _require_store()
    from sqlmodel import select

    with store.writing() as session:
        if session.get(Entry, entry_id) is None:
            raise no_entry(entry_id)
        if session.exec(select(Withdrawal).where(Withdrawal.entry_id == entry_id)).first():
            raise InvalidInput(f"Entry {entry_id} is already withdrawn; nothing was changed.")
        mark = Withdrawal(entry_id=entry_id, reason=reason, recorded_at=dates.now())
        session.add(mark)
        session.flush()
        integrity.append(session, "withdrawal", mark.id, entry_id)
    return get_entry(entry_id)


# --- reading ------------------------------------------------------------------------

def _load(db: sqlite3.Connection, wanted: tuple[str, ...], entry_ids: list[int] | None = None,
          child_id: int | None = None) -> list[EntryView]:
    # Plain rows through the driver, not ORM objects: a long log is read whole for a
    # timeline, and building a model object per row costs more than everything else.
    children = people.child_names(db)
    where, params = [f"kind IN ({', '.join('?' * len(wanted))})"], list(wanted)
    if entry_ids is not None:
        where.append(f"id IN ({', '.join('?' * len(entry_ids))})")
        params += entry_ids
    if child_id is not None:
        where.append("child_id = ?")
        params.append(child_id)
    entries = {row[0]: row for row in db.execute(
        f"SELECT id, kind, child_id, recorded_at FROM entry WHERE {' AND '.join(where)}", params)}
    if not entries:
        return []
    # The other tables are asked only for the entries wanted when a few are (one id, one
    # child); for a whole timeline a filter in SQL would cost more than it saves.
    only, some = "", []
    if entry_ids is not None:
        only, some = f" WHERE entry_id IN ({', '.join('?' * len(entry_ids))})", list(entry_ids)
    elif child_id is not None:
        only, some = " WHERE entry_id IN (SELECT id FROM entry WHERE child_id = ?)", [child_id]
    withdrawals = {entry_id: {"reason": reason, "recorded": recorded} for entry_id, reason, recorded in
                   db.execute(f"SELECT entry_id, reason, recorded_at FROM withdrawal{only}", some)}
    files: dict[int, list[dict[str, Any]]] = {}
    for a_id, entry_id, name, size, media_type, sha, recorded in db.execute(
            f"SELECT id, entry_id, name, size, media_type, sha256, recorded_at FROM attachment{only} ORDER BY id",
            some):
        files.setdefault(entry_id, []).append(
            {"id": a_id, "name": name, "size": size, "type": media_type, "sha256": sha, "recorded": recorded})
    history: dict[int, list[Revision]] = {}
    present = {row[1] for row in entries.values()}
    for name in wanted:
        if name not in present:
            continue
        kind = kinds.get(name)
        rows = db.execute(f'SELECT * FROM "{kind.table}"{only} ORDER BY entry_id, revision', some)
        read = _raw_reader(kind, [d[0] for d in rows.description])
        for values in rows:
            entry_id, revision = read(values)
            # Only entries of this kind: two kinds may share a table (a test's throwaway kind does).
            found = entries.get(entry_id)
            if found is None or found[1] != name:
                continue
            if name == "absence" and revision.fields.get("type") is None:
                # Logged before absences had a type: typed from the reason, never stored.
                revision.fields["type"] = nations.absence_type(None, revision.fields["reason"])
            history.setdefault(entry_id, []).append(revision)
    views = []
    for entry_id, revisions in history.items():
        _, kind, owner, recorded = entries[entry_id]
        latest = revisions[-1]
        views.append(EntryView(entry_id, kind, children.get(owner, "?"), latest.when,
                               dates.stored_moment(recorded), latest.fields, revisions,
                               withdrawals.get(entry_id), files.get(entry_id, [])))
    return views


def _in_range(view: EntryView, start: date | None, end: date | None) -> bool:
    first = view.when.astimezone(dates.local_zone()).date()
    last = date.fromisoformat(view.fields["until"]) if view.kind == "absence" and view.fields.get("until") else first
    return (start is None or last >= start) and (end is None or first <= end)


def parse_kinds(typed: list[str] | None) -> tuple[str, ...]:
    if not typed:
        return kinds.names()
    chosen = []
    for kind in typed:
        key = kinds.parse(kind)
        if key is None:
            raise InvalidInput(f"--kind must be one of {', '.join(kinds.names())}; {shown(kind)} is not.")
        chosen.append(key)
    return tuple(dict.fromkeys(chosen))


def list_entries(kinds: list[str] | None = None, from_: str | None = None, to: str | None = None,
                 child: str | None = None, include_withdrawn: bool = True) -> list[EntryView]:
    """Entries in the order they happened, filtered by kind, dates and child."""
    wanted = parse_kinds(kinds)  # (the argument hides the kinds module in here)
    start, end = dates.parse_range(from_, to)
    with store.reading() as db:
        child_id = people.resolve_child(db, child).id if child else None
        views = _load(db, wanted, child_id=child_id)
    if start or end:
        views = [v for v in views if _in_range(v, start, end)]
    if not include_withdrawn:
        views = [v for v in views if not v.withdrawn]
    # A timestamp sorts much faster than aware datetimes in different offsets.
    # A day given without a time comes before the timed entries of that day.
    views.sort(key=lambda v: (v.when.timestamp(), not v.timeless, v.id))
    return views


def get_entry(entry_id: int) -> EntryView:
    with store.reading() as db:
        found = _load(db, kinds.names(listed_only=False), entry_ids=[entry_id])
    if not found:
        raise no_entry(entry_id)
    return found[0]
