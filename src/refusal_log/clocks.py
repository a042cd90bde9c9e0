"""The legal clocks: how long a school, council or GP has, counted as the rule says.

The rules are data (clocks.toml), each naming its length, unit, what it runs from,
the nations it applies to and its source. This module only counts. Counting starts
the day after the start date. School days come from the child's calendar
(schoolcalendar.py); with no terms set, weekdays less the nation's bank holidays are
counted instead, and `SchoolDays.assumed` says so. Nothing here prints.
"""

from __future__ import annotations

import calendar as _calendar
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

UNITS = ("school-days", "days", "weeks", "months")
STATUSES = ("law", "guidance", "follow-up")
MAX_DAYS = 800  # no clock here runs longer than about two years
HOLIDAY_GAP_DAYS = 49  # summer holidays run about six weeks; a longer gap between terms is missing terms


@dataclass(frozen=True)
class Rule:
    key: str
    what: str
    length: int
    unit: str
    runs_from: str
    nations: tuple[str, ...]
    status: str
    source: str
    next_working_day: bool = False
    unverified: str | None = None  # what is not confirmed (facts.md UNVERIFIED): never cited as law

    @property
    def length_text(self) -> str:
        words = {"school-days": "school day", "days": "calendar day", "weeks": "week", "months": "calendar month"}
        word = words[self.unit]
        return f"{self.length} {word}{'' if self.length == 1 else 's'}"

    def describe(self) -> str:
        """The rule in one line, worded as law only where it is law."""
        if self.key == "your-date":
            return "your own date (set with --due), not a time limit in law"
        if self.key == "agreed":
            return self.source
        if self.status == "law":
            return f"{self.length_text} from {self.runs_from}"
        if self.status == "guidance":
            return f"guidance, not a legal deadline: {self.length_text} from {self.runs_from}"
        return f"a follow-up date, {self.length_text} from {self.runs_from}"


@cache
def rules() -> dict[str, Rule]:
    data = tomllib.loads(Path(__file__).with_name("clocks.toml").read_text("utf-8"))
    found = {}
    for key, row in data.items():
        rule = Rule(key, row["what"], int(row["length"]), row["unit"], row["runs_from"], tuple(row["nations"]),
                    row["status"], row["source"], bool(row.get("next_working_day", False)), row.get("unverified"))
        if rule.unit not in UNITS or rule.status not in STATUSES or (rule.unverified and rule.status == "law"):
            raise ValueError(f"clocks.toml: {key} has an unknown unit or status")
        found[key] = rule
    return found


def rule(key: str) -> Rule:
    return rules()[key]


def add_months(day: date, months: int) -> date:
    """The same date `months` later, or the last day of a shorter month."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


@dataclass
class SchoolDays:
    """Which days count as school days for one child: their calendar, or weekdays less bank holidays."""

    nation: str = "england"
    calendar: object | None = None  # a schoolcalendar.SchoolCalendar with terms, or None
    assumed: bool = False  # True once a count used weekdays less bank holidays
    _holidays: dict[int, set[date]] = field(default_factory=dict)
    _days: dict[date, tuple[bool, bool]] = field(default_factory=dict)

    def bank_holiday(self, day: date) -> bool:
        if day.year not in self._holidays:
            from refusal_log import schoolcalendar

            self._holidays[day.year] = set(schoolcalendar.bank_holidays(self.nation, [day.year]))
        return day in self._holidays[day.year]

    def working_day(self, day: date) -> bool:
        return day.weekday() < 5 and not self.bank_holiday(day)

    def is_school_day(self, day: date) -> bool:
        # Each day is worked out once per child: a timeline asks about the same days for
        # every meeting and request in the log.
        hit = self._days.get(day)
        if hit is None:
            hit = self._days[day] = self._school_day(day)
        if hit[1]:
            self.assumed = True  # outside the recorded terms, or no terms at all
        return hit[0]

    def _school_day(self, day: date) -> tuple[bool, bool]:
        """(is it a school day, was that assumed rather than read from the terms)."""
        cal = self.calendar
        if cal is not None and cal.terms:
            if any(t.starts <= day <= t.ends for t in cal.terms):
                return cal.is_school_day(day), False
            before = max((t.ends for t in cal.terms if t.ends < day), default=None)
            after = min((t.starts for t in cal.terms if t.starts > day), default=None)
            # A gap between two recorded terms is a holiday (half term, Christmas, Easter, and a
            # summer of about six weeks); a longer gap means terms were left out, so it is counted
            # as weekdays like the days before the first term or after the last.
            if before is not None and after is not None and (after - before).days <= HOLIDAY_GAP_DAYS:
                return False, False
        return self.working_day(day), True


def due_date(start: date, the_rule: Rule, days: SchoolDays) -> date:
    """The day the rule's time runs out, for something sent or received on `start`."""
    if the_rule.unit == "days":
        end = start + timedelta(days=the_rule.length)
    elif the_rule.unit == "weeks":
        end = start + timedelta(weeks=the_rule.length)
    elif the_rule.unit == "months":
        end = add_months(start, the_rule.length)
    else:
        end, counted = start, 0
        while counted < the_rule.length:
            end += timedelta(days=1)
            if (end - start).days > MAX_DAYS:
                break
            if days.is_school_day(end):
                counted += 1
    if the_rule.next_working_day:
        while not days.working_day(end):
            end += timedelta(days=1)
    return end
