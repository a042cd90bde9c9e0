"""Where the child stands: attendance figures from both sides, and where they disagree.

The family's figure comes from the absences in the log; the school's from the
register codes the family has recorded. Both count only school days (see
schoolcalendar.py). Definitions, from facts.md sections 1, 4 and 5:

- attendance % = sessions attended (present or an approved activity) / possible sessions;
- persistent absence: 10% or more of possible sessions missed, for any reason;
  severe absence: 50% or more;
- England's penalty-notice threshold: 10 sessions coded G, N, O or U within any
  rolling 10 school weeks, a school week being a week with at least one session
  (across half terms, terms and school years). Reaching it means a notice must be
  considered, never that one is issued;
- illness school days: days lost to illness, consecutive or not, for the 15-day point
  at which the council should arrange education.

Nothing here prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from datetime import date, timedelta
from typing import Any

from refusal_log import dates, register, schoolcalendar, store
from refusal_log.errors import InvalidInput
from refusal_log.text import VIA_WORDS

PENALTY_SESSIONS = 10
PENALTY_WEEKS = 10
ILLNESS_POINT = 15

# Why there is no threshold outside England (facts.md section 11), one sentence each.
NO_THRESHOLD = {
    "wales": "England's 10-session rule does not apply in Wales: penalty notices there follow each council's "
             "local code of conduct (Education (Penalty Notices) (Wales) Regulations 2013), so ask the council for it.",
    "scotland": "England's penalty-notice threshold does not apply in Scotland, and refusal-log knows of no Scottish "
                "equivalent: absence there is followed up by the school and council under the Education (Scotland) "
                "Act 1980.",
    "northern-ireland": "England's penalty-notice rule does not apply in Northern Ireland, and refusal-log knows "
                        "of no threshold there.",
}
THRESHOLD_MEANS = ("Reaching it means the council must consider a penalty notice; it does not mean one is issued. "
                   "Only sessions coded G, N, O or U count, so illness recorded as I never does.")
# The law on education for a child too ill to attend, by nation (facts.md sections 2 and 11).
ILLNESS_LAW = {
    "england": "Education Act 1996 s19 and the DfE guidance 'Arranging education for children who cannot attend "
               "school because of health needs' (December 2023)",
    "wales": "Education Act 1996 s19A",
    "scotland": "Education (Scotland) Act 1980 s14",
}

# Only for logs written before absences had a type: words that say what kind it was.
_APPOINTMENT = re.compile(r"\b(appointment|dentist|dental|orthodont\w*|hospital|clinic|consultant|"
                          r"camhs|optician|check-?up)\b", re.IGNORECASE)
_ILLNESS = re.compile(r"\b(unwell|ill|illness|sick|poorly|fever|temperature|vomit\w*|migraine|headache|pain|"
                      r"anxiety|anxious|panic|cold|flu|covid|tummy|stomach|infection|asthma|mental health|"
                      r"too unwell|d&v|diarrh\w*|rash|chickenpox|tonsillitis)\b", re.IGNORECASE)


def absence_type(fields: dict[str, Any]) -> str:
    """illness, appointment or other: the absence's type as logged, or read from its reason."""
    given = fields.get("type")
    if given:
        return given
    reason = fields.get("reason") or ""
    if _APPOINTMENT.search(reason):
        return "appointment"
    return "illness" if _ILLNESS.search(reason) else "other"


@dataclass
class Logged:
    entry_id: int
    type: str
    via: str | None
    recorded: str
    # Logged as illness, but the reason's own words give another reason or doubt the illness
    # ("his brother has flu"): counted as "other", so no letter or figure says the child was ill.
    illness_unsaid: bool = False
    # Its reason or type corrected since it was first logged: it shows what the log records, not what the school was
    # told (a change only to how or to whom it was reported is not this: the attacker on round 103).
    corrected: bool = False
    # The suggested wording chosen at the gate in place of the words first typed: it too shows what the log records,
    # not what the school was told (the newcomer on round 155).
    suggested: bool = False


@dataclass
class Mismatch:
    date: date
    session: str
    logged: str | None
    school_code: str
    why: str
    entry: int | None
    register_entry: int

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "session": self.session, "logged": self.logged,
                "school_code": self.school_code, "why": self.why, "entry": self.entry,
                "register_entry": self.register_entry}


def as_school_days(sessions: int) -> float | int:
    """Sessions as school days, a half day as a half: 17 sessions are 8.5 days, 16 are 8 (never 8.0)."""
    return sessions // 2 if sessions % 2 == 0 else sessions / 2


@dataclass
class Standing:
    child: str
    nation: str
    start: date
    end: date
    days: list[date]
    logged: dict[tuple[date, str], Logged]
    marks: dict[tuple[date, str], register.Mark]
    penalty: dict[str, Any] | None
    mismatches: list[Mismatch] = field(default_factory=list)
    calendar: schoolcalendar.SchoolCalendar | None = None
    # Weekdays logged as absent that the calendar does not count (after the last term set, a closure): said, not lost.
    not_school_days: list[date] = field(default_factory=list)

    # --- the family's figures (from the log) ---
    def counts_as_possible(self, one: Logged) -> bool:
        """Whether a logged absence's code is a possible session: in England, Y1 (transport normally provided that did
        not come) is not, as the register leaves it out (the newcomer on round 119 saw a council taxi's day raise the
        absence rate). Other nations' codes are not verified, so every absence counts there."""
        if self.nation != "england":
            return True
        from refusal_log import nations

        code, codes = nations.nation("england").code_for(one.type), register.england_codes()
        return code not in codes or codes[code].possible

    @cached_property
    def not_counted_sessions(self) -> int:
        """Logged sessions left out of both of the family's figures (counts_as_possible)."""
        return sum(1 for one in self.logged.values() if not self.counts_as_possible(one))

    @property
    def possible_sessions(self) -> int:
        return 2 * len(self.days) - self.not_counted_sessions

    @property
    def absent_sessions(self) -> int:
        return len(self.logged) - self.not_counted_sessions

    @property
    def present_sessions(self) -> int:
        return self.possible_sessions - self.absent_sessions

    @property
    def attendance_percent(self) -> float | None:
        return _percent(self.present_sessions, self.possible_sessions)

    # --- the school's figures (from the register) ---
    def school(self) -> dict[str, Any] | None:
        if not self.marks:
            return None
        marks = list(self.marks.values())
        by_code: dict[str, int] = {}
        for m in marks:
            by_code[m.code] = by_code.get(m.code, 0) + 1
        present = sum(1 for m in marks if m.possible and m.category in register.ATTENDED)
        authorised = sum(1 for m in marks if m.possible and m.category == "authorised")
        unauthorised = sum(1 for m in marks if m.possible and m.category == "unauthorised")
        possible = present + authorised + unauthorised
        covers = len(marks) == self.possible_sessions
        return {
            "possible_sessions": possible,
            # Only a register that covers the period gives a figure: parents often record
            # just the codes they dispute, and "0% attendance" from two O codes misleads.
            "attendance_percent": _percent(present, possible) if covers else None,
            "present_sessions": present,
            "authorised_sessions": authorised,
            "unauthorised_sessions": unauthorised,
            "not_counted_sessions": len(marks) - possible,
            "coded_sessions": len(marks),
            "covers_period": covers,
            "by_code": dict(sorted(by_code.items())),
        }

    @property
    def basis(self) -> str:
        school = self.school()
        return "school" if school and school["covers_period"] else "family"

    def absence_percent(self) -> float | None:
        school = self.school()
        if self.basis == "school":
            return _percent(school["authorised_sessions"] + school["unauthorised_sessions"],
                            school["possible_sessions"])
        return _percent(self.absent_sessions, self.possible_sessions)

    @property
    def illness_unsaid(self) -> list[int]:
        """Entries logged as illness whose reasons do not say the child was ill."""
        return sorted({item.entry_id for item in self.logged.values() if item.illness_unsaid})

    @cached_property
    def _illness_sessions(self) -> set[tuple[date, str]]:
        sessions = {key for key, item in self.logged.items() if item.type == "illness"}
        if self.nation == "england":
            sessions |= {key for key, m in self.marks.items() if m.code == "I"}
        return sessions

    @property
    def illness_school_days(self) -> float | int:
        """School days lost to illness, a half day as a half (the newcomer on round 155: an afternoon counted as a
        whole day towards the 15-day point)."""
        return as_school_days(len(self._illness_sessions))

    def illness(self) -> dict[str, Any]:
        count = self.illness_school_days
        law = ILLNESS_LAW.get(self.nation)
        # The 15 days are England's (the DfE's health-needs guidance); Wales's s19A and Scotland's s14 set no number
        # of days (the newcomer on round 169 saw England's rule printed for a Scottish child).
        point = ILLNESS_POINT if self.nation == "england" else None
        if law is None:
            step = ("Refusal-log knows of no verified rule in Northern Ireland setting a point at which the "
                    "Education Authority must arrange education; ask the school and the EA what they will provide.")
        elif point is None:
            # "The law here" first: after "School days lost to illness: 4." the Act's name read as a list number.
            step = (f"The law here ({law}) sets no number of days: the council should arrange education without undue "
                    "delay once illness is keeping your child out for a long time. Ask the school to tell the council, "
                    "and keep logging each day.")
        elif count >= point:
            step = (f"That reaches the {point}-day point: the council should now be arranging education "
                    f"({law}). Ask the school to tell the council and ask the council who arranges it.")
        else:
            step = (f"At {point} school days lost to illness, consecutive or not, the council should arrange "
                    f"education ({law}). Keep logging each day.")
        return {"days": count, "point": point, "reached": point is not None and count >= point,
                "law": law, "next": step}

    def to_json(self) -> dict[str, Any]:
        absence = self.absence_percent()
        return {
            "child": self.child, "nation": self.nation,
            "from": self.start.isoformat(), "to": self.end.isoformat(),
            "possible_sessions": self.possible_sessions,
            "present_sessions": self.present_sessions,
            "absent_sessions": self.absent_sessions,
            "attendance_percent": self.attendance_percent,
            "school": self.school(),
            "persistent": absence is not None and absence >= 10,
            "severe": absence is not None and absence >= 50,
            "absence_percent": absence,
            "figures_from": self.basis,
            "penalty_threshold": self.penalty,
            "penalty_threshold_note": THRESHOLD_MEANS if self.nation == "england" else NO_THRESHOLD[self.nation],
            "illness_school_days": self.illness_school_days,
            "illness_unsaid_entries": self.illness_unsaid,
            "illness": self.illness(),
            "mismatches": [m.to_json() for m in self.mismatches],
            "absent_days_not_school_days": [d.isoformat() for d in self.not_school_days],
        }


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _sessions(fields: dict[str, Any]) -> tuple[str, ...]:
    return {"am": ("am",), "pm": ("pm",)}.get(fields.get("sessions") or "both", ("am", "pm"))


def _absences(child: str) -> list[tuple[Any, date, date]]:
    """Each absence logged for the child (withdrawn ones left out), with its first and last day."""
    from refusal_log import entries

    out = []
    for view in entries.list_entries(["absence"], child=child, include_withdrawn=False):
        first = date.fromisoformat(view.fields["date"])
        out.append((view, first, date.fromisoformat(view.fields["until"]) if view.fields.get("until") else first))
    return out


def _logged_elsewhere(cal: schoolcalendar.SchoolCalendar, absences: list, start: date, end: date) -> list[date]:
    """Weekdays from `start` to `end` logged as absent that are not school days in the calendar (the newcomer on round
    148: absences after the last term set left the timeline saying 100% attendance, with no word about them)."""
    found: set[date] = set()
    for _, first, last in absences:
        first, last = max(start, first), min(end, last)
        found.update(d for d in (first + timedelta(k) for k in range(max(0, (last - first).days + 1))) if d.weekday() < 5)
    return sorted(found - set(cal.school_days(start, end))) if found else []


def _logged(cal: schoolcalendar.SchoolCalendar, child: str, absences: list | None = None) -> dict[tuple[date, str], Logged]:
    found: dict[tuple[date, str], Logged] = {}
    for view, first, last in _absences(child) if absences is None else absences:
        kind = absence_type(view.fields)
        counted = counted_type(view.fields, child)
        item = Logged(view.id, counted, view.fields.get("via"), view.recorded.isoformat(), counted != kind,
                      reworded(view), bool(view.fields.get("typed_reason")))
        # A range covers school days only; a later entry for the same session wins.
        for day in cal.school_days(first, last):
            for slot in _sessions(view.fields):
                found[(day, slot)] = item
    return found


def reworded(view) -> bool:
    """Whether an entry's reason or type was corrected after it was first logged (Logged.corrected)."""
    original = view.history[0].fields if view.history else view.fields
    return view.corrected is not None and any(original.get(k) != view.fields.get(k) for k in ("reason", "type"))


def counted_type(fields: dict[str, Any], child: str) -> str:
    """The type an absence counts as in figures and letters: as logged, except that an illness
    whose reason rules out the child's own illness (someone else's illness, a doubt, the council's
    driver off sick: wording.illness_ruled_out) counts as "other"."""
    kind = absence_type(fields)
    return "other" if kind == "illness" and _illness_ruled_out(fields.get("reason") or "", child) else kind


@cache
def _illness_ruled_out(reason: str, child: str) -> bool:
    from refusal_log import wording

    return wording.illness_ruled_out(reason, child=child)


def penalty_window(cal: schoolcalendar.SchoolCalendar, sessions: list[date]) -> dict[str, Any]:
    """The most penalty-counting sessions in any 10 consecutive school weeks."""
    weeks = cal.school_weeks()
    index = {day: i for i, week in enumerate(weeks) for day in week}
    per_week = [0] * len(weeks)
    for day in sessions:
        if day in index:
            per_week[index[day]] += 1
    best, best_at = 0, None
    for i in range(max(1, len(weeks) - PENALTY_WEEKS + 1)):
        total = sum(per_week[i:i + PENALTY_WEEKS])
        if total > best:
            best, best_at = total, i
    if best_at is None:
        return {"reached": False, "sessions": 0, "window_start": None, "window_end": None}
    last = weeks[min(best_at + PENALTY_WEEKS, len(weeks)) - 1]
    return {"reached": best >= PENALTY_SESSIONS, "sessions": best,
            "window_start": weeks[best_at][0].isoformat(), "window_end": last[-1].isoformat()}


# Logged types a school's unauthorised code disagrees with: illness, an appointment, and these, as _why names them.
_LAWFUL_WORDS = {"transport": "transport that did not come", "leave": "leave the school granted",
                 "religious": "a day of religious observance", "part-time": "a day off an agreed part-time timetable",
                 "exclusion": "a suspension or exclusion"}
_CHECKED_TYPES = ("illness", "appointment", *_LAWFUL_WORDS)


def _why(kind: str, child: str, nation: str, item: Logged | None) -> str:
    england = nation == "england"
    proof = ""
    if item is not None:
        how = " " + VIA_WORDS.get(item.via, f"by {item.via}") if item.via else ""
        proof = (f" Entry {item.entry_id} was corrected after it was first logged: it shows what your log records, "
                 "which may not be what the school was told at the time." if item.corrected
                 else f" Entry {item.entry_id} keeps the suggested wording you chose beside your first words: it shows "
                 "what your log records, which may not be what the school was told at the time." if item.suggested
                 else f" Entry {item.entry_id} shows what you reported{how}.")
    if kind == "illness-unauthorised":
        fits = " Illness, physical or mental, is recorded as I." if england else ""
        counts = " Unauthorised sessions can count towards a penalty notice." if england else ""
        said = "Your log has illness" if item is not None and (item.corrected or item.suggested) else "You reported illness"
        return f"{said}, but the school coded this session unauthorised.{fits}{counts}{proof}"
    if kind.removesuffix("-unauthorised") in _LAWFUL_WORDS:
        # Transport that did not come, leave granted, a religious day, an agreed timetable, a suspension: none of them
        # is the family's unauthorised absence (the newcomer on round 103 found a taxi day coded O and not flagged).
        return (f"You logged {_LAWFUL_WORDS[kind.removesuffix('-unauthorised')]}, but the school coded this session "
                f"unauthorised. Ask the school to check the code.{proof}")
    if kind == "appointment-unauthorised":
        fits = " A medical or dental appointment is recorded as M." if england else ""
        return f"You logged an appointment, but the school coded this session unauthorised.{fits}{proof}"
    if kind == "absent-unlogged":
        return (f"The school has {child} absent, but nothing is in your log for this session. If {child} was in "
                "school, ask for the register to be checked; if not, log what happened.")
    return (f"Your log has {child} absent, but the school coded this session present. Check which is right: "
            f"a present mark can hide an absence you reported.{proof}")


def _mismatches(standing: Standing) -> list[Mismatch]:
    found = []
    keys = sorted(set(standing.logged) | set(standing.marks))
    for key in keys:
        mark = standing.marks.get(key)
        item = standing.logged.get(key)
        if mark is None:
            continue
        kind = None
        if item is None and mark.category in register.ABSENT:
            kind = "absent-unlogged"
        elif item is not None and mark.category in register.ATTENDED:
            kind = "logged-present"
        elif item is not None and mark.category == "unauthorised" and item.type in _CHECKED_TYPES:
            kind = f"{item.type}-unauthorised"
        if kind:
            found.append(Mismatch(key[0], key[1], item.type if item else None, mark.code,
                                  _why(kind, standing.child, standing.nation, item),
                                  item.entry_id if item else None, mark.entry_id))
    return found


class NoTermThen(schoolcalendar.UncountableCalendar):
    """A period that starts after the last school term set: nothing to count, and the timeline says why."""


def standing(from_: str | None = None, to: str | None = None, child: str | None = None) -> Standing:
    """Where the child stands over a period (default: the terms so far)."""
    with store.reading() as db:
        cal = schoolcalendar.load(child, db)
        marks = register.list_marks(cal.child, db, cal.nation)
    if not cal.terms:
        raise InvalidInput("No school terms are set yet, so there are no school days to count. Add them: "
                           "refusal-log calendar add-term NAME --from DATE --to DATE (or calendar import FILE.ics)")
    first_term, last_term = cal.terms[0].starts, max(t.ends for t in cal.terms)
    start = dates.parse_date(from_) if from_ else first_term
    today = dates.today()
    end = dates.parse_date(to) if to else (min(today, last_term) if today >= first_term else last_term)
    # Days still to come are not counted as present (the newcomer on round 114: a term's end given on 6 December counted
    # 7-18 December as attended): the figures run to today, and the period they cover says so.
    if start > today:
        raise InvalidInput(f"The period starts on {dates.human_date(start)}, after today, so there are no school days "
                           "to count yet.")
    if start > last_term:  # the newcomer on round 149: this said "--to ... is before --from" with no --to typed
        why = (f"no school term is set on or after {dates.human_date(start)} (the last one set ends "
               f"{dates.human_date(last_term)}), so there are no school days to count")
        raise NoTermThen(f"{why[0].upper()}{why[1:]}. Add the term: refusal-log calendar add-term NAME --from DATE "
                         "--to DATE.", cal.child, why)
    if end < start:
        raise InvalidInput(f"--to ({dates.human_date(end)}) is before --from ({dates.human_date(start)}).")
    end = min(end, today)
    absences = _absences(cal.child)  # read once, for the figures and for the days they leave out
    elsewhere = _logged_elsewhere(cal, absences, start, end if to else today)  # after the terms set, too
    # The figures cover the terms set: past the last one they say so, rather than a period they did not count.
    end = min(end, last_term)
    days = cal.school_days(start, end)
    wanted = set(days)
    logged = {k: v for k, v in _logged(cal, cal.child, absences).items() if k[0] in wanted}
    in_period = {(m.date, m.session): m for m in marks if m.date in wanted}
    penalty = None
    if cal.nation == "england":
        penalty = penalty_window(cal, [m.date for m in in_period.values() if m.penalty])
    result = Standing(cal.child, cal.nation, start, end, days, logged, in_period, penalty, calendar=cal,
                      not_school_days=elsewhere)
    result.mismatches = _mismatches(result)
    return result


def nation_name(nation: str) -> str:
    return schoolcalendar.NATION_NAMES.get(nation, nation)

