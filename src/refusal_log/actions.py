"""Agreed actions: each line of a call's or meeting's `--agreed` text.

Who owes it is read from the line's start ("Mr Hughes to ...", "School will ...",
"I will ..."); when, from a date in it ("by 12 October", "by Friday", "by 12/10/2026"),
read forward from the day of the call or meeting. An action is not an entry of its
own: it is named `ENTRY.LINE` (entry 12, line 1 is 12.1). Marking one done adds a
chained `action_done` row; the agreed text itself is never touched. Nothing here prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from refusal_log import dates, integrity, store
from refusal_log.errors import InvalidInput, NotFound
from refusal_log.text import nothing_agreed, optional_text

_MONTHS = {name[:3]: i + 1 for i, name in enumerate(dates.MONTHS)}
_WEEKDAYS = {name[:3]: i for i, name in enumerate(dates.WEEKDAYS)}
# Whole month names or their usual short forms only: "3 decisions" is not 3 December.
_MON = (r"(?P<mon>" + "|".join(dates.MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?")
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})\b")),
    ("uk", re.compile(r"\b(?P<d>\d{1,2})[/.](?P<mo>\d{1,2})(?:[/.](?P<y>\d{2}|\d{4}))?\b")),
    ("dm", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MON + r"(?:,?\s+(?P<y>\d{4}))?", re.I)),
    ("md", re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{4}))?", re.I)),
    ("relative", re.compile(r"\b(?P<rel>tomorrow|end of (?:the|this) week|end of next week|next week|"
                            r"end of (?:the|this) month|end of term)\b", re.I)),
    ("weekday", re.compile(r"\b(?P<next>next\s+)?(?P<wd>" + "|".join(dates.WEEKDAYS) + r"|mon|tues|tue|weds|wed|thurs|thur|thu|fri)\b", re.I)),
    ("within", re.compile(r"\b(?:within|in)\s+(?P<n>\d{1,2}|one|two|three|four|a)\s+(?P<unit>days?|weeks?)\b", re.I)),
]
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# "I will", "I'll", "We will": the parent owes it.
_PARENT = re.compile(r"^\s*i(\s+will|'ll|\s+to|\s+shall|\s+agreed to|\s+am going to)\b", re.I)
_BOTH = re.compile(r"^\s*we(\s+will|'ll|\s+to|\s+shall|\s+agreed to|\s+are going to)\b", re.I)
# A name is capitalised words ("Mr Hughes", "Mrs Patel"); the usual roles in any case.
_OWED = re.compile(r"^\s*(?P<who>(?i:the school|school|the council|council|the senco|senco|the gp|gp|the head|head)"
                   r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
                   r"(?i:to|will|would|agreed to|is to|are to|has agreed to|'ll|shall)\b")


def _future(day: int, month: int, year: int | None, base: date) -> date | None:
    try:
        found = date(year or base.year, month, day)
    except ValueError:
        return None
    if year is None and found < base - timedelta(days=31):
        found = found.replace(year=base.year + 1)  # "by 10 January" said in November
    return found


# The words that introduce a deadline: the date after them wins over any other date in the
# line ("look again at how 10 September is recorded and reply by 21 October").
_DEADLINE = re.compile(r"\b(?:by|before|until|till|no later than|next|within|in)\b", re.I)
_EXPLICIT = ("iso", "uk", "dm", "md")
_DIGIT = re.compile(r"\d")
_DAY_NUMBER = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\b")  # where each written date may start


def due_in(text: str, said_on: date) -> date | None:
    """The date an agreed line gives, read forward from the day it was agreed."""
    for m in reversed(list(_DEADLINE.finditer(text))):
        found = _first_date(text[m.start():m.end() + 25], said_on, None)  # the words just after it
        if found and found >= said_on:  # ("in writing that 2 December is recorded as C": about that day, the attacker)
            return found
    # No deadline word: only a date written out counts ("on Thursday afternoons" is no deadline), and only one still to
    # come: "Mrs Khan to recode 1 December", agreed on 3 December, is about that day, not due by it (the newcomer on
    # round 101). Each of those patterns needs a digit: most lines have none, and are done with at once.
    if not _DIGIT.search(text):
        return None
    # The first date still to come ("recode 1 December and send it by 10 December", agreed on 3 December: 10 December).
    for start in [0] + [m.end() for m in _DAY_NUMBER.finditer(text)][:20]:
        found = _first_date(text[start:], said_on, _EXPLICIT)
        if found is None or found >= said_on:
            return found
    return None


def _first_date(text: str, said_on: date, only: tuple[str, ...] | None) -> date | None:
    lowered = text.lower()
    for name, pattern in _PATTERNS:
        if only is not None and name not in only:
            continue
        m = pattern.search(lowered)
        if not m:
            continue
        if name == "iso":
            return _future(int(m["d"]), int(m["mo"]), int(m["y"]), said_on)
        if name == "uk":  # the first that is a real date: "at 3.30 on 5/11" is 5 November
            for m in pattern.finditer(lowered):
                year = m["y"] and (int(m["y"]) + 2000 if len(m["y"]) == 2 else int(m["y"]))
                if 1 <= int(m["mo"]) <= 12 and (found := _future(int(m["d"]), int(m["mo"]), year or None, said_on)):
                    return found
            continue
        if name in ("dm", "md"):
            return _future(int(m["d"]), _MONTHS[m["mon"][:3]], int(m["y"]) if m["y"] else None, said_on)
        if name == "weekday":
            ahead = (_WEEKDAYS[m["wd"][:3]] - said_on.weekday()) % 7 or 7
            return said_on + timedelta(days=ahead)  # "next Tuesday": the coming one, as most people mean it
        if name == "within":
            n = _NUMBER_WORDS.get(m["n"]) or int(m["n"])
            return said_on + timedelta(days=n * (7 if m["unit"].startswith("week") else 1))
        rel = m["rel"]
        friday = said_on + timedelta(days=(4 - said_on.weekday()) % 7)
        if rel == "tomorrow":
            return said_on + timedelta(days=1)
        if rel.startswith("end of") and "week" in rel:
            return friday + timedelta(days=7 if "next" in rel else 0)
        if rel == "next week":
            return friday + timedelta(days=7)
        if "month" in rel:
            nxt = (said_on.replace(day=28) + timedelta(days=4))
            return nxt - timedelta(days=nxt.day)
    return None

_PRONOUNS = frozenset(("he", "she", "they", "it", "you", "someone", "somebody", "this", "that"))


def owed_by(text: str) -> str:
    if _PARENT.match(text):
        return "you"
    if _BOTH.match(text):
        return "both sides"
    m = _OWED.match(text)
    # "She will..." or "They'll..." could be the person spoken to, the child or someone else:
    # who owes it was not said, and the tool does not guess.
    if m and m["who"].strip().lower() not in _PRONOUNS:
        who = m["who"].strip()
        return who[0].upper() + who[1:]
    return "not said"


def owed_sentence(owed_by: str, mid_sentence: bool = False) -> str:
    """"Owed by Mrs Khan", or that nobody was named ("Owed by not said" read oddly: the newcomer on round 146); in lower
    case to follow a comma (the timeline's open list)."""
    said = "Who owes it was not said" if owed_by == "not said" else f"Owed by {owed_by}"
    return said[0].lower() + said[1:] if mid_sentence else said


@dataclass
class Action:
    entry_id: int
    line: int
    text: str
    agreed_on: date
    agreed_at: str  # "call" or "meeting"
    with_: str
    child: str
    owed_by: str
    due: date | None
    done_on: date | None = None
    note: str | None = None
    rule: str = "agreed"  # the clocks.toml rule that sets `due`
    gone: bool = False  # a done mark whose action was since reworded or removed from the agreed text

    @property
    def id(self) -> str:
        return f"{self.entry_id}.{self.line}"

    def overdue(self, as_of: date) -> bool:
        return self.done_on is None and self.due is not None and as_of > self.due

    def to_json(self, as_of: date) -> dict[str, Any]:
        return {"id": self.id, "entry": self.entry_id, "line": self.line, "text": self.text,
                "agreed": self.agreed_on.isoformat(), "at": self.agreed_at, "with": self.with_, "child": self.child,
                "owed_by": self.owed_by, "due": self.due.isoformat() if self.due else None,
                "done": self.done_on.isoformat() if self.done_on else None, "note": self.note,
                "overdue": self.overdue(as_of), "rule": self.rule, "gone": self.gone}


_BUT = re.compile(r"(?i)\s+but\s+")


def _action(line: str) -> str:
    """A line of an agreement as an action: "" when it says nothing was agreed ("--agreed none"), and what follows the
    "but" in "none, but Mrs Khan will email by 15/12/2026"."""
    but = _BUT.search(line)
    if but and nothing_agreed(line[:but.start()].rstrip(" ,;:")):
        return line[but.end():].strip()
    return "" if nothing_agreed(line) else line


def _lines(agreed: str) -> list[str]:
    # One action a line; "; " also separates them, as people type several on one line. A line that is no action stays
    # as a blank, so that later lines keep their numbers.
    parts = [part for line in agreed.splitlines() for part in line.split("; ")]
    return [_action(re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", part).strip().rstrip(";")) for part in parts]


def _load(db) -> list[Action]:
    from refusal_log import people

    names = people.child_names(db)
    marks: dict[int, list[tuple[int, str, date, str | None]]] = {}
    for e, ln, text, d, n in db.execute("SELECT entry_id, line, text, done_on, note FROM action_done ORDER BY id"):
        marks.setdefault(e, []).append((ln, text, date.fromisoformat(d), n))
    found = _minutes(db, names, {(e, m[0]): (m[2], m[3]) for e, ms in marks.items() for m in ms if m[0] == 0})
    zone = dates.local_zone()  # once: a long log has thousands of calls and meetings
    for table, at, who_col in (("call", "call", "with_name"), ("meeting", "meeting", "with_names")):
        rows = db.execute(
            f"SELECT e.id, e.child_id, r.happened_at, r.agreed, r.{who_col} FROM entry e JOIN {table} r "
            f"ON r.entry_id = e.id AND r.revision = (SELECT max(revision) FROM {table} WHERE entry_id = e.id) "
            "WHERE e.id NOT IN (SELECT entry_id FROM withdrawal) AND r.agreed IS NOT NULL AND trim(r.agreed) != ''")
        for entry_id, child_id, happened, agreed, with_ in rows:
            day = datetime.fromisoformat(happened).astimezone(zone).date()
            here = [Action(entry_id, number, text, day, at, with_, names.get(child_id, "?"), owed_by(text),
                           due_in(text, day)) for number, text in enumerate(_lines(agreed), start=1) if text]
            found += here + _match_marks(here, [m for m in marks.get(entry_id, []) if m[0] != 0])
    return sorted(found, key=lambda a: (a.agreed_on, a.entry_id, a.line, a.gone))


def _match_marks(here: list[Action], marks: list) -> list[Action]:
    """Give each done mark to the action whose text it was given for, never to another.

    Editing `--agreed` renumbers the lines, so the line number alone would move a mark onto
    a different action; the stored text decides, the line number only breaks a tie between
    two identical lines. A mark whose text is no longer there is returned on its own, shown as
    done for an action since reworded or removed.
    """
    gone = []
    for line, text, done_on, note in marks:
        same = [a for a in here if a.text == text and a.done_on is None]
        if not same:
            if here:
                base = here[0]
                gone.append(Action(base.entry_id, line, text, base.agreed_on, base.agreed_at, base.with_, base.child,
                                   owed_by(text), None, done_on, note, gone=True))
            continue
        action = min(same, key=lambda a: (a.line != line, abs(a.line - line)))
        action.done_on, action.note = done_on, note
    return gone


def _minutes(db, names: dict[int, str], done: dict) -> list[Action]:
    """A meeting logged with --minutes-requested owes its minutes: action ENTRY.0, with a follow-up date."""
    from refusal_log import clocks, schoolcalendar
    from refusal_log.requests import nation_of

    rule = clocks.rule("minutes")
    found = []
    rows = db.execute(
        "SELECT e.id, e.child_id, r.happened_at, r.with_names FROM entry e JOIN meeting r ON r.entry_id = e.id "
        "AND r.revision = (SELECT max(revision) FROM meeting WHERE entry_id = e.id) "
        "WHERE e.id NOT IN (SELECT entry_id FROM withdrawal) AND r.minutes_requested = 1").fetchall()
    days_of: dict[int, clocks.SchoolDays] = {}
    zone = dates.local_zone()
    for entry_id, child_id, happened, with_ in rows:
        if child_id not in days_of:
            cal = schoolcalendar.load(names[child_id], db) if child_id in names else None
            days_of[child_id] = clocks.SchoolDays(nation_of(db), cal)
        day = datetime.fromisoformat(happened).astimezone(zone).date()
        done_on, note = done.get((entry_id, 0), (None, None))
        found.append(Action(entry_id, 0, f"the minutes of the meeting of {day:%d/%m/%Y} (you asked for them)", day, "meeting",
                            with_, names.get(child_id, "?"), with_, clocks.due_date(day, rule, days_of[child_id]),
                            done_on, note, "minutes"))
    return found


def list_actions(open_only: bool = False, db=None) -> list[Action]:
    if db is None:
        if not store.exists():
            return []
        with store.reading() as db:
            return list_actions(open_only, db)
    return [a for a in _load(db) if not (open_only and a.done_on)]


def _parse_id(value: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d+)[.:/-](\d+)\s*", value or "")
    if not m:
        raise InvalidInput(f"{value!r} is not an action number; they look like 12.1 (entry 12, first line). "
                           "'refusal-log action list' shows them.")
    return int(m[1]), int(m[2])


def mark_done(action_id: str, on: str | None = None, note: str | None = None) -> Action:
    entry_id, line = _parse_id(action_id)
    note = optional_text(note, "--note")
    day = dates.parse_date(on) if on else dates.today()
    if day > dates.today():  # a day still to come would make it done before it was (the attacker on round 144)
        raise InvalidInput(f"--date {day:%d/%m/%Y} has not come yet; mark it done on the day it was done.")
    with store.writing() as session:
        db = store.driver(session)
        action = next((a for a in _load(db) if (a.entry_id, a.line) == (entry_id, line) and not a.gone), None)
        if action is None:
            raise NotFound(f"There is no agreed action {action_id}; 'refusal-log action list' shows them.")
        if action.done_on is not None:
            raise InvalidInput(f"Action {action.id} is already marked done ({action.done_on:%d/%m/%Y}).")
        if day < action.agreed_on:
            raise InvalidInput(f"--date {day:%d/%m/%Y} is before it was agreed ({action.agreed_on:%d/%m/%Y}).")
        cursor = db.execute("INSERT INTO action_done (entry_id, line, text, done_on, note, recorded_at) "
                            "VALUES (?, ?, ?, ?, ?, ?)",
                            (entry_id, line, action.text, day.isoformat(), note, dates.now().isoformat()))
        integrity.chain_row(db, "action_done", cursor.lastrowid, entry_id)
    action.done_on, action.note = day, note
    return action
