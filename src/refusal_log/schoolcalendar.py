"""The school calendar: terms, closures and bank holidays, and so the school days.

A school day is a weekday inside one of the child's terms that is neither a bank
holiday of the child's nation nor a closure (an INSET day, a strike, a snow day).
Each school day has two sessions, am and pm. Terms and closures are evidence of
what the family was told, so each is chained in the ledger like an entry.

Bank holidays come from the `holidays` package, imported only here (it costs about
0.1 s to import, so it stays off every other command's path).

Named schoolcalendar, not calendar, so it never shadows the standard library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from refusal_log import dates, integrity, people, store
from refusal_log.errors import InvalidInput
from refusal_log.text import optional_text, read_csv, read_import_file, required_text

NATIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern-ireland": "NIR"}
NATION_NAMES = {"england": "England", "wales": "Wales", "scotland": "Scotland",
                "northern-ireland": "Northern Ireland"}
SESSIONS = ("am", "pm")
# A calendar file is read whole; a council's term dates are a few kilobytes and a few
# dozen events, so anything far beyond that is refused rather than worked through.
MAX_IMPORT_BYTES = 2_000_000
MAX_EVENTS = 1000
# Events in a term-dates file that mean "no school that day" inside a term.
_CLOSURE_WORDS = ("inset", "training", "closure", "closed", "strike", "staff development", "half term",
                  "half-term", "holiday", "break", "bank holiday", "occasional day", "snow")


def bank_holidays(nation_: str, years: range | list[int]) -> dict[date, str]:
    """The bank holidays of a UK nation in the given years, by date."""
    return dict(_bank_holidays(nation_, tuple(years)))


@cache
def _bank_holidays(nation_: str, years: tuple[int, ...]) -> tuple[tuple[date, str], ...]:
    # Kept once per process: building them costs about 0.1 s, and `due` asks per request.
    subdiv = NATIONS.get(nation_, "ENG")
    written = _snapshot()
    if written is not None and all(year in SNAPSHOT_YEARS for year in years):
        return tuple((date.fromisoformat(day), name) for year in years for day, name in written[subdiv][str(year)])
    return holidays_from_package(subdiv, years)


def holidays_from_package(subdiv: str, years: tuple[int, ...] | range) -> tuple[tuple[date, str], ...]:
    import holidays  # ~0.1 s to import and build: only when the snapshot cannot answer

    return tuple(holidays.country_holidays("GB", subdiv=subdiv, years=list(years)).items())


# The bank holidays the `holidays` package gives, written out (bank_holidays.json) so that
# a long timeline's due dates need not import it: that cost about 0.1 s of each run. The
# file names the package version it was written from and is used only while that very
# version is installed (a newer one may know of a new bank holiday), for the years it
# covers. After upgrading the package, rebuild it: python -m refusal_log.schoolcalendar
BANK_HOLIDAYS_SNAPSHOT = Path(__file__).with_name("bank_holidays.json")
SNAPSHOT_YEARS = range(2000, 2041)


@cache
def _snapshot() -> dict[str, dict[str, list[list[str]]]] | None:
    import json

    try:
        with open(BANK_HOLIDAYS_SNAPSHOT, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("holidays_version") != installed_holidays_version():
        return None
    return data.get("nations")


def installed_holidays_version() -> str | None:
    """The installed `holidays` package's version, read from its metadata folder's name
    (importing the package, or importlib.metadata, would cost what the snapshot saves)."""
    import importlib.util
    import os

    try:
        spec = importlib.util.find_spec("holidays")
        folder = os.path.dirname(os.path.dirname(spec.origin))
        found = [name for name in os.listdir(folder)
                 if name.startswith("holidays-") and name.endswith((".dist-info", ".egg-info"))]
    except (ImportError, AttributeError, TypeError, ValueError, OSError):
        return None
    if len(found) != 1:
        return None  # none, or several left by upgrades: ask the package itself
    return found[0].removeprefix("holidays-").rsplit(".", 1)[0]


def write_bank_holidays_snapshot() -> None:
    """Rebuild bank_holidays.json from the installed package: python -m refusal_log.schoolcalendar"""
    import json

    nations = {subdiv: {str(year): [[day.isoformat(), name] for day, name in holidays_from_package(subdiv, (year,))]
                        for year in SNAPSHOT_YEARS} for subdiv in NATIONS.values()}
    with open(BANK_HOLIDAYS_SNAPSHOT, "w", encoding="utf-8") as handle:
        json.dump({"holidays_version": installed_holidays_version(), "source": "the holidays package (python-holidays)",
                   "nations": nations}, handle, ensure_ascii=False, separators=(",", ":"))
        handle.write("\n")


@dataclass
class Term:
    id: int
    name: str
    starts: date
    ends: date

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "from": self.starts.isoformat(), "to": self.ends.isoformat()}


@dataclass
class Closure:
    id: int
    starts: date
    ends: date
    reason: str | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "from": self.starts.isoformat(), "to": self.ends.isoformat(), "reason": self.reason}


@dataclass
class SchoolCalendar:
    """One child's terms and closures, with the bank holidays of their nation."""

    child: str
    nation: str
    terms: list[Term] = field(default_factory=list)
    closures: list[Closure] = field(default_factory=list)

    @cached_property
    def holidays(self) -> dict[date, str]:
        if not self.terms:
            return {}
        years = range(min(t.starts for t in self.terms).year, max(t.ends for t in self.terms).year + 1)
        return bank_holidays(self.nation, years)

    @cached_property
    def _closed(self) -> dict[date, str]:
        closed: dict[date, str] = {}
        for c in self.closures:
            day = c.starts
            while day <= c.ends:
                closed[day] = c.reason or "closure"
                day += timedelta(days=1)
        return closed

    @cached_property
    def days(self) -> list[date]:
        """Every school day in every term, in order."""
        found: set[date] = set()
        for term in self.terms:
            day = term.starts
            while day <= term.ends:
                if day.weekday() < 5 and day not in self.holidays and day not in self._closed:
                    found.add(day)
                day += timedelta(days=1)
        return sorted(found)

    @cached_property
    def _day_set(self) -> frozenset[date]:
        return frozenset(self.days)

    def is_school_day(self, day: date) -> bool:
        return day in self._day_set

    def school_days(self, start: date | None = None, end: date | None = None) -> list[date]:
        return [d for d in self.days if (start is None or d >= start) and (end is None or d <= end)]

    def why_not(self, day: date) -> str:
        """Why a day is not a school day, in plain words."""
        if day.weekday() >= 5:
            return "a weekend"
        if day in self.holidays:
            return f"a bank holiday ({self.holidays[day]})"
        if day in self._closed:
            return f"a closure ({self._closed[day]})"
        return "outside the terms you have set"

    def school_weeks(self) -> list[list[date]]:
        """The school days grouped by week (Monday to Sunday); a week with none is no school week."""
        weeks: dict[date, list[date]] = {}
        for day in self.days:
            weeks.setdefault(day - timedelta(days=day.weekday()), []).append(day)
        return [weeks[k] for k in sorted(weeks)]

    def holidays_in_terms(self) -> list[tuple[date, str]]:
        return sorted((d, n) for d, n in self.holidays.items()
                      if any(t.starts <= d <= t.ends for t in self.terms) and d.weekday() < 5)

    def to_json(self) -> dict[str, Any]:
        return {
            "child": self.child, "nation": self.nation,
            "terms": [t.to_json() for t in self.terms],
            "closures": [c.to_json() for c in self.closures],
            "bank_holidays": [{"date": d.isoformat(), "name": n} for d, n in self.holidays_in_terms()],
            "school_days": len(self.days), "sessions": 2 * len(self.days),
        }


# A removed term or closure stays stored (and chained) but is no longer counted.
_TERM_COUNTED = "id NOT IN (SELECT term_id FROM calendar_removal WHERE term_id IS NOT NULL)"
_CLOSURE_COUNTED = "id NOT IN (SELECT closure_id FROM calendar_removal WHERE closure_id IS NOT NULL)"


def _read(db, child_id: int) -> tuple[list[Term], list[Closure]]:
    terms = [Term(i, n, date.fromisoformat(a), date.fromisoformat(b)) for i, n, a, b in db.execute(
        f"SELECT id, name, starts, ends FROM school_term WHERE child_id = ? AND {_TERM_COUNTED} "
        "ORDER BY starts, id", (child_id,))]
    closures = [Closure(i, date.fromisoformat(a), date.fromisoformat(b), r) for i, a, b, r in db.execute(
        f"SELECT id, starts, ends, reason FROM school_closure WHERE child_id = ? AND {_CLOSURE_COUNTED} "
        "ORDER BY starts, id", (child_id,))]
    return terms, closures


def load(child: str | None = None, db=None) -> SchoolCalendar:
    """The calendar of a child (the only child, unless named)."""
    if db is None:
        with store.reading() as db:
            return load(child, db)
    owner = people.resolve_child(db, child)
    row = db.execute("SELECT value FROM setting WHERE key = 'region'").fetchone()
    chosen = row[0] if row and row[0] in NATIONS else "england"
    terms, closures = _read(db, owner.id)
    # A log written before imports were checked may hold a term in 9999: counting its
    # days would overflow (or take minutes), so it is named in a sentence instead.
    for span, label in [(t, t.name) for t in terms] + [(c, c.reason or "a closure") for c in closures]:
        try:
            check_span(span.starts, span.ends, label)
        except InvalidInput as exc:
            raise UncountableCalendar(f"{owner.name}'s school calendar cannot be counted: {exc} "
                                      "Nothing was changed.", owner.name, str(exc)) from None
    return SchoolCalendar(owner.name, chosen, terms, closures)


class UncountableCalendar(InvalidInput):
    """A stored term or closure outside what the commands accept (from an older import)."""

    def __init__(self, message: str, child: str, why: str):
        super().__init__(message)
        self.child, self.why = child, why


# A term or closure is at most about a school year long.
MAX_SPAN_DAYS = 400


def _range(start: str, end: str | None, first: str, second: str) -> tuple[date, date]:
    a = dates.parse_date(start)
    b = dates.parse_date(end) if end else a
    if b < a:
        raise InvalidInput(f"{second} ({end}) is before {first} ({start}); the last day must be the same day or later.")
    if (b - a).days > MAX_SPAN_DAYS:
        raise InvalidInput(f"{first} {start} to {second} {end} is more than a year; a term or closure is shorter.")
    check_span(a, b, f"{first} {start} to {second} {end or start}")
    return a, b


def check_span(a: date, b: date, what: str) -> None:
    """The checks every term or closure gets, typed, imported from a file or from an export:
    years the record can hold, the last day not before the first, no longer than a year."""
    for day in (a, b):
        dates.check_year(what, day)
    if b < a:
        raise InvalidInput(f"{what!r} ends ({b.isoformat()}) before it starts ({a.isoformat()}); "
                           "the last day must be the same day or later.")
    if (b - a).days > MAX_SPAN_DAYS:
        raise InvalidInput(f"{what!r} runs from {a.isoformat()} to {b.isoformat()}, more than a year; "
                           "a term or closure is shorter.")


def _add_term(session, child_id: int, name: str, a: date, b: date) -> Term:
    from refusal_log.models import SchoolTerm

    db = store.driver(session)
    for other, s, e in db.execute(f"SELECT name, starts, ends FROM school_term WHERE child_id = ? AND {_TERM_COUNTED}",
                                  (child_id,)):
        if date.fromisoformat(s) <= b and date.fromisoformat(e) >= a:
            raise InvalidInput(f"{name} ({dates.human_date(a)} to {dates.human_date(b)}) overlaps the term "
                               f"{other!r} already set; 'refusal-log calendar list' shows the terms.")
    row = SchoolTerm(child_id=child_id, name=name, starts=a, ends=b, recorded_at=dates.now())
    session.add(row)
    session.flush()
    integrity.append(session, "school_term", row.id)
    return Term(row.id, name, a, b)


def _add_closure(session, child_id: int, a: date, b: date, reason: str | None) -> Closure:
    from refusal_log.models import SchoolClosure

    row = SchoolClosure(child_id=child_id, starts=a, ends=b, reason=reason, recorded_at=dates.now())
    session.add(row)
    session.flush()
    integrity.append(session, "school_closure", row.id)
    return Closure(row.id, a, b, reason)


def add_term(name: str, from_: str, to: str, child: str | None = None) -> Term:
    name = required_text(name, "NAME", "the term's name, such as \"Autumn 2026\"")
    a, b = _range(from_, to, "--from", "--to")
    with store.writing() as session:
        owner = people.resolve_child(store.driver(session), child)
        return _add_term(session, owner.id, name, a, b)


def add_closure(from_: str, to: str | None = None, reason: str | None = None, child: str | None = None) -> Closure:
    a, b = _range(from_, to, "--from", "--to")
    with store.writing() as session:
        owner = people.resolve_child(store.driver(session), child)
        return _add_closure(session, owner.id, a, b, optional_text(reason))


@dataclass
class Removed:
    what: str  # "term" or "closure"
    id: int
    label: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"removed": self.what, "id": self.id, "label": self.label, "reason": self.reason}


_REMOVABLE = re.compile(r"^\s*(?P<kind>t|term|c|closure)\s*(?P<id>\d{1,18})\s*$", re.I)


def remove(item: str, why: str, child: str | None = None) -> Removed:
    """Take a term or closure typed wrongly out of the count; it stays stored, with the reason."""
    from refusal_log.models import CalendarRemoval

    m = _REMOVABLE.match(item or "")
    if not m:
        raise InvalidInput(f"{item!r:.40} is not a term or closure: give its ID as 'calendar list' shows it, "
                           "such as T2 or C5.")
    why = required_text(why, "--why", "why it is removed, such as \"dates were typed wrongly\"")
    term = m["kind"][0].lower() == "t"
    table, what, number = ("school_term", "term", int(m["id"])) if term else ("school_closure", "closure", int(m["id"]))
    with store.writing() as session:
        db = store.driver(session)
        owner = people.resolve_child(db, child)
        row = db.execute(f"SELECT {'name' if term else 'reason'}, starts, ends FROM {table} "
                         "WHERE id = ? AND child_id = ?", (number, owner.id)).fetchone()
        if row is None:
            raise InvalidInput(f"There is no {what} {m['kind'][0].upper()}{number} in {owner.name}'s calendar; "
                               "'refusal-log calendar list' shows their IDs.")
        column = "term_id" if term else "closure_id"
        if db.execute(f"SELECT 1 FROM calendar_removal WHERE {column} = ?", (number,)).fetchone():
            raise InvalidInput(f"The {what} {m['kind'][0].upper()}{number} was already removed; nothing was changed.")
        removal = CalendarRemoval(reason=why, recorded_at=dates.now(), **{column: number})
        session.add(removal)
        session.flush()
        integrity.append(session, "calendar_removal", removal.id)
        label = f"{row[0] or what} ({dates.human_date(date.fromisoformat(row[1]))} to " \
                f"{dates.human_date(date.fromisoformat(row[2]))})"
        return Removed(what, number, label, why)


@dataclass
class CalendarImport:
    terms: list[Term]
    closures: list[Closure]
    skipped: list[str]


def _classify(summary: str) -> str:
    text = summary.lower()
    if any(w in text for w in _CLOSURE_WORDS):
        return "closure"
    if "term" in text:
        return "term"
    return "skip"


# Some councils publish "Autumn term starts" and "Autumn term ends" as one-day events.
_STARTS = re.compile(r"\b(starts?|begins?|opens?|first day)\b", re.IGNORECASE)
_ENDS = re.compile(r"\b(ends?|finish(es)?|closes?|last day)\b", re.IGNORECASE)


def _pair_markers(events: list[tuple[str, str, date, date]]) -> tuple[list[tuple[str, str, date, date]], list[str]]:
    """Join a term's "starts" event to the next "ends" event; other events pass through."""
    out, skipped, opened = [], [], None
    for kind, label, a, b in events:
        if kind == "term" and a == b and _STARTS.search(label):
            if opened:
                skipped.append(f"{opened[0]} ({dates.human_date(opened[1])})")
            opened = (label, a)
        elif kind == "term" and a == b and _ENDS.search(label):
            if opened is None:
                skipped.append(f"{label} ({dates.human_date(a)})")
                continue
            name = " ".join(_STARTS.sub("", opened[0]).split()) or "Term"
            out.append(("term", name, opened[1], b))
            opened = None
        else:
            out.append((kind, label, a, b))
    if opened:
        skipped.append(f"{opened[0]} ({dates.human_date(opened[1])})")
    return out, skipped




def _events_from_ics(data: bytes, name: str) -> list[tuple[str, date, date]]:
    import icalendar  # only for `calendar import`

    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception:  # a damaged or hostile file: say so plainly, whatever the parser raised
        raise InvalidInput(f"{name} is not a calendar file refusal-log can read (an .ics file of term dates).") from None
    events = []
    for event in cal.walk("VEVENT"):
        summary = str(event.get("SUMMARY", "")).strip()
        try:
            events.append(_event_days(event, summary))
        except InvalidInput as exc:
            raise InvalidInput(f"{name}: the event {_shown(summary)!r} {exc}; nothing was imported.") from None
        except Exception:  # icalendar raises several kinds for one broken date
            raise InvalidInput(f"{name}: the event {_shown(summary)!r} has a date refusal-log cannot read; "
                               "nothing was imported.") from None
    return [e for e in events if e is not None]


def _shown(summary: str) -> str:
    return "".join(ch for ch in summary[:60] if ch.isprintable()) or "(no name)"


def _event_days(event, summary: str) -> tuple[str, date, date] | None:
    from datetime import datetime

    start = event.get("DTSTART")
    if start is None:
        return None
    timed = isinstance(start.dt, datetime)
    first = start.dt.date() if timed else start.dt
    if not isinstance(first, date):
        raise ValueError("not a date")
    end, length = event.get("DTEND"), event.get("DURATION")
    if end is not None:
        finish = end.dt
    elif length is not None:
        # Checked before adding: a DURATION of millions of days must be refused, not overflow.
        if not isinstance(length.dt, timedelta) or not 0 <= length.dt.days <= MAX_SPAN_DAYS:
            raise InvalidInput("lasts longer than a term or closure can (a year at most)")
        finish = start.dt + length.dt
    else:
        return summary, first, first
    if isinstance(finish, datetime):
        last = finish.date()
        # An end exactly at midnight is the end of the day before (a whole day written as times).
        if finish.time() == datetime.min.time() and last > first:
            last -= timedelta(days=1)
    elif isinstance(finish, date):
        # An all-day event's DTEND is the day after its last day (RFC 5545); DTEND equal
        # to DTSTART is read as the one day; before it is a mistake, refused below.
        last = finish - timedelta(days=1) if finish > first else (first if finish == first else finish)
    else:
        raise ValueError("not a date")
    if last < first:
        raise InvalidInput(f"ends ({last.isoformat()}) before it starts ({first.isoformat()})")
    return summary, first, last


def _events_from_csv(data: bytes, name: str) -> list[tuple[str, date, date]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{name} is not UTF-8 text; save it from your spreadsheet as CSV UTF-8.") from None
    fieldnames, rows = read_csv(text, name)
    header = {(h or "").strip().lower(): h for h in fieldnames}
    need = ("name", "from", "to")
    if any(k not in header for k in need):
        raise InvalidInput(f"{name} needs a header row with the columns name, from and to "
                           "(and kind: term or closure, if the names do not say).")
    events = []
    for number, row in enumerate(rows, start=2):
        label = (row.get(header["name"]) or "").strip()
        kind = (row.get(header["kind"]) or "").strip().lower() if "kind" in header else ""
        try:
            a, b = _range(row.get(header["from"]) or "", row.get(header["to"]) or None, "from", "to")
        except InvalidInput as exc:
            raise InvalidInput(f"{name}, line {number}: {exc}") from None
        if kind in ("term", "closure"):
            label = f"{kind}:{label}"
        events.append((label, a, b))
    return events


def import_calendar(path: str, child: str | None = None) -> CalendarImport:
    """Terms and closures from a council's .ics or a CSV (name, from, to[, kind])."""
    data, name = read_import_file(path, MAX_IMPORT_BYTES, f"{MAX_IMPORT_BYTES:,} bytes", "term-dates file")
    events = _events_from_ics(data, name) if name.lower().endswith((".ics", ".ical")) else _events_from_csv(data, name)
    if len(events) > MAX_EVENTS:
        raise InvalidInput(f"{name} has {len(events)} events; a file of term dates has far fewer "
                           f"({MAX_EVENTS} at most), so nothing was imported.")
    classified = []
    for summary, a, b in sorted(events, key=lambda e: e[1]):
        kind, _, label = summary.partition(":") if summary.startswith(("term:", "closure:")) else ("", "", summary)
        classified.append((kind or _classify(label), label, a, b))
    planned, unpaired = _pair_markers(classified)
    for kind, label, a, b in planned:
        if kind in ("term", "closure"):
            try:
                check_span(a, b, label or kind)
            except InvalidInput as exc:
                raise InvalidInput(f"{name}: {str(exc).rstrip('.')}; nothing was imported.") from None
    result = CalendarImport([], [], unpaired)
    with store.writing() as session:
        owner = people.resolve_child(store.driver(session), child)
        for kind, label, a, b in planned:
            if kind == "term":
                result.terms.append(_add_term(session, owner.id, label or "Term", a, b))
            elif kind == "closure":
                result.closures.append(_add_closure(session, owner.id, a, b, label or None))
            else:
                result.skipped.append(f"{label or '(no name)'} ({dates.human_date(a)})")
    return result


if __name__ == "__main__":
    write_bank_holidays_snapshot()
