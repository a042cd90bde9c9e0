"""The school's register: the code the school gave each session, as the family was shown it.

Each session's mark is an entry of its own kind (`register`), with where the family
saw it (a printout, the parent app, a letter, a reply to a subject access request).
A later, different code for the same session is a correction: a new revision, the
earlier one kept, so the register as first shown stays evidence too.

England's codes (SI 2024/208, reg 10) are data in attendance_codes.toml. Wales,
Scotland and Northern Ireland keep their own registers: there the school's code is
kept exactly as written, with a category word the parent chooses.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from refusal_log import dates, integrity, people, schoolcalendar, store
from refusal_log.errors import InvalidInput
from refusal_log.text import optional_text, read_csv, read_import_file, shown

CATEGORIES = ("present", "approved", "authorised", "unauthorised", "not-counted")
# What a parent may choose for a code outside England (approved activity counts as present).
PARENT_CATEGORIES = ("present", "authorised", "unauthorised", "not-counted")
ABSENT = ("authorised", "unauthorised")
ATTENDED = ("present", "approved")
MAX_ROWS = 5000  # about thirteen school years of days: more is not a register


@dataclass(frozen=True)
class Code:
    code: str
    meaning: str
    category: str
    possible: bool
    penalty: bool
    note: str | None = None


@cache
def _table() -> dict[str, Any]:
    return tomllib.loads((Path(__file__).with_name("attendance_codes.toml")).read_text("utf-8"))


@cache
def england_codes() -> dict[str, Code]:
    """England's register codes from 19 August 2024, by code."""
    return {code: Code(code, row["meaning"], row["category"], row["possible"], row["penalty"], row.get("note"))
            for code, row in _table()["codes"].items()}


def codes_source() -> dict[str, str]:
    return dict(_table()["source"])


@dataclass
class Mark:
    entry_id: int
    date: date
    session: str
    code: str
    category: str
    source: str | None
    revision: int = 1
    recorded: datetime | None = None
    nation: str = "england"

    @property
    def possible(self) -> bool:
        known = england_codes().get(self.code) if self.nation == "england" else None
        return known.possible if known else self.category != "not-counted"

    @property
    def penalty(self) -> bool:
        known = england_codes().get(self.code) if self.nation == "england" else None
        return bool(known and known.penalty)

    def to_json(self) -> dict[str, Any]:
        return {"entry": self.entry_id, "date": self.date.isoformat(), "session": self.session, "code": self.code,
                "category": self.category, "counts_as_possible": self.possible,
                "counts_towards_penalty": self.penalty, "source": self.source, "revision": self.revision}


def resolve_code(nation: str, raw: str, category: str | None, day: date, session: str,
                 where: str = "") -> tuple[str, str]:
    """The code as stored and its category; an unknown code is an error naming it and the day."""
    text = " ".join((raw or "").split())
    when = f"{where}{dates.human_date(day)} ({session})"
    if nation == "england":
        known = england_codes()
        code = text if text in known else text.upper()
        if code not in known:
            raise InvalidInput(f"The register code {text!r} for {when} is not one of England's attendance codes "
                               f"(such as / \\ I M O); check the school's printout and type it as shown.")
        if category is not None and category != known[code].category:
            raise InvalidInput(f"In England the code {code} is already {known[code].category}; leave out --category.")
        return code, known[code].category
    if not text:
        raise InvalidInput(f"The register code for {when} is empty.")
    place = schoolcalendar.NATION_NAMES[nation]
    if category is None:
        raise InvalidInput(f"For a school in {place}, refusal-log keeps the school's code {text!r} ({when}) as written "
                           f"and needs you to say what it means: add --category "
                           f"{'|'.join(PARENT_CATEGORIES)}.")
    return text, category


def _category(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    key = value.strip().lower().replace(" ", "-").replace("_", "-")
    key = {"not-counted": "not-counted", "notcounted": "not-counted", "authorized": "authorised",
           "unauthorized": "unauthorised"}.get(key, key)
    if key not in PARENT_CATEGORIES:
        raise InvalidInput(f"--category must be one of {', '.join(PARENT_CATEGORIES)}; {shown(value)} is not.")
    return key


@dataclass
class RegisterResult:
    added: list[Mark] = field(default_factory=list)
    corrected: list[Mark] = field(default_factory=list)
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)


def _latest(db, child_id: int, day: date, session: str):
    return db.execute(
        "SELECT e.id, r.revision, r.code, r.category, r.source FROM entry e JOIN register_mark r ON r.entry_id = e.id "
        "WHERE e.kind = 'register' AND e.child_id = ? AND r.date = ? AND r.session = ? "
        "AND e.id NOT IN (SELECT entry_id FROM withdrawal) ORDER BY e.id DESC, r.revision DESC LIMIT 1",
        (child_id, day.isoformat(), session)).fetchone()


def _write(session, child_id: int, day: date, slot: str, code: str, category: str, source: str | None,
           reason: str | None, result: RegisterResult, nation: str) -> None:
    from refusal_log.models import Entry, RegisterMark

    db = store.driver(session)
    found = _latest(db, child_id, day, slot)
    if found and (found[2], found[3], found[4]) == (code, category, source):
        result.unchanged += 1
        return
    now = dates.now()
    if found:
        entry_id, revision = found[0], found[1] + 1
    else:
        entry = Entry(kind="register", child_id=child_id, recorded_at=now)
        session.add(entry)
        session.flush()
        integrity.append(session, "entry", entry.id, entry.id)
        entry_id, revision = entry.id, 1
    row = RegisterMark(entry_id=entry_id, revision=revision, happened_at=dates.start_of_day(day), recorded_at=now,
                       change_reason=reason if found else None, date=day, session=slot, code=code,
                       category=category, source=source)
    session.add(row)
    session.flush()
    integrity.append(session, "register_mark", row.id, entry_id)
    mark = Mark(entry_id, day, slot, code, category, source, revision, now, nation)
    (result.corrected if found else result.added).append(mark)


def _off_days(cal: schoolcalendar.SchoolCalendar, days: set[date], result: RegisterResult) -> None:
    if not cal.terms:
        result.notes.append("No school terms are set yet, so attendance cannot count these sessions. "
                            "Add them: refusal-log calendar add-term NAME --from DATE --to DATE")
        return
    off = sorted(d for d in days if not cal.is_school_day(d))
    if off:
        shown = ", ".join(f"{dates.human_date(d)} ({cal.why_not(d)})" for d in off[:3])
        more = f" and {len(off) - 3} more" if len(off) > 3 else ""
        result.notes.append(f"Kept, but not counted: {shown}{more} is not a school day in your calendar. "
                            "If the school was open, check your terms and closures (refusal-log calendar list).")


def set_marks(day: str, to: str | None = None, am: str | None = None, pm: str | None = None,
              source: str | None = None, category: str | None = None, child: str | None = None,
              reason: str | None = None) -> RegisterResult:
    """Record the school's code for the am and/or pm session of a day (or each school day to --to)."""
    if am is None and pm is None:
        raise InvalidInput("Give the code for at least one session: --am CODE, --pm CODE or both.")
    first = dates.parse_date(day)
    last = dates.parse_date(to) if to else first
    if last < first:
        raise InvalidInput(f"--to ({to}) is before DATE ({day}); the last day must be the same day or later.")
    if (last - first).days > 400:
        raise InvalidInput("That range is more than a year; set the register a term at a time.")
    chosen = _category(category)
    source = optional_text(source)
    with store.reading() as db:
        cal = schoolcalendar.load(child, db)
    if last > first:
        # A range covers school days only (weekdays, if no terms are set yet).
        span = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        days = [d for d in span if (cal.is_school_day(d) if cal.terms else d.weekday() < 5)]
        if not days:
            raise InvalidInput(f"There is no school day from {dates.human_date(first)} to {dates.human_date(last)}.")
    else:
        days = [first]
    plan = [(d, slot, *resolve_code(cal.nation, raw, chosen, d, slot))
            for d in days for slot, raw in (("am", am), ("pm", pm)) if raw is not None]
    return _save(plan, source, optional_text(reason), child, cal)


def _save(plan, source, reason, child, cal) -> RegisterResult:
    result = RegisterResult()
    with store.writing() as session:
        owner = people.resolve_child(store.driver(session), child)
        for d, slot, code, cat in plan:
            _write(session, owner.id, d, slot, code, cat, source, reason, result, cal.nation)
    _off_days(cal, {p[0] for p in plan}, result)
    return result


def import_register(path: str, source: str | None = None, category: str | None = None,
                    child: str | None = None) -> RegisterResult:
    """Marks from a CSV with a header row: date, am, pm (and optionally category or am_category, pm_category)."""
    data, file_name = read_import_file(path, 1_000_000, "1 MB", "register export")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{file_name} is not UTF-8 text; save it from your spreadsheet as CSV UTF-8.") from None
    fieldnames, rows = read_csv(text, file_name)
    header = {(h or "").strip().lower(): h for h in fieldnames}
    if "date" not in header or not ({"am", "pm"} & header.keys()):
        raise InvalidInput(f"{file_name} needs a header row with the columns date, am and pm.")
    default = _category(category)
    source = optional_text(source) or f"imported from {file_name}"
    with store.reading() as db:
        cal = schoolcalendar.load(child, db)
    plan = []
    # One file is one copy of the register: a day given twice is a mistake in the file,
    # not a school's correction, so it is refused rather than stored as one.
    lines: dict[date, int] = {}
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS:
            raise InvalidInput(f"{file_name} has more than {MAX_ROWS} rows; import it a school year at a time.")

        def cell(name: str) -> str:
            return (row.get(header[name]) or "").strip() if name in header else ""

        where = f"{file_name}, line {number}: "
        if not cell("date") and not cell("am") and not cell("pm"):
            continue
        try:
            day = dates.parse_date(cell("date"))
        except InvalidInput as exc:
            raise InvalidInput(f"{where}{exc}") from None
        if day in lines:
            raise InvalidInput(f"{file_name}: lines {lines[day]} and {number} both give {dates.human_date(day)}; "
                               "a register file gives each day once, so nothing was imported.")
        lines[day] = number
        for slot in ("am", "pm"):
            if cell(slot):
                cat = _category(cell(f"{slot}_category") or cell("category")) or default
                plan.append((day, slot, *resolve_code(cal.nation, cell(slot), cat, day, slot, where)))
    if not plan:
        raise InvalidInput(f"{file_name} has no codes in it.")
    return _save(plan, source, None, child, cal)


def list_marks(child: str | None = None, db=None, nation: str | None = None) -> list[Mark]:
    """The latest mark for each session (withdrawn ones left out), in date order."""
    if db is None:
        with store.reading() as db:
            return list_marks(child, db, nation)
    owner = people.resolve_child(db, child)
    if nation is None:
        row = db.execute("SELECT value FROM setting WHERE key = 'region'").fetchone()
        nation = row[0] if row and row[0] in schoolcalendar.NATIONS else "england"
    latest: dict[tuple[date, str], Mark] = {}
    for entry_id, revision, day, slot, code, cat, src, recorded in db.execute(
            "SELECT e.id, r.revision, r.date, r.session, r.code, r.category, r.source, r.recorded_at "
            "FROM entry e JOIN register_mark r ON r.entry_id = e.id "
            "WHERE e.kind = 'register' AND e.child_id = ? AND e.id NOT IN (SELECT entry_id FROM withdrawal) "
            "ORDER BY e.id, r.revision", (owner.id,)):
        d = date.fromisoformat(day)
        latest[(d, slot)] = Mark(entry_id, d, slot, code, cat, src, revision, datetime.fromisoformat(recorded), nation)
    return [latest[k] for k in sorted(latest)]


def england_lettered() -> list[tuple[date, str]]:
    """(day, code) for each register code in the log written with one of England's letters, first day first: after
    `region set` to another nation they keep England's meaning, so the parent is told (the newcomer on round 169)."""
    if not store.exists():
        return []
    known = england_codes()
    children = people.list_children()
    with store.reading() as db:  # each child's latest code per session, as attendance reads them
        marks = [m for child in children for m in list_marks(child.name, db)]
    return sorted((m.date, m.code) for m in marks if m.code in known)
