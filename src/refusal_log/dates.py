"""Dates and times as a person in the UK types them: day-first, or in plain words.

We parse the contract's few forms ourselves rather than take a general date parser:
a general parser guesses (and is US month-first by default), costs import time on
every command, and the forms people need here are few. An input we cannot read,
or a date that does not exist, is an error that names the input; never a guess.

Times are local (Europe/London unless REFUSAL_LOG_TZ says otherwise) and always
returned timezone-aware. A wall-clock time skipped by the clocks going forward
(e.g. 01:30 on the last Sunday in March) is an error; a time that happens twice
when the clocks go back is taken as the first (summer time) occurrence.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from refusal_log.errors import InvalidInput

DEFAULT_ZONE = "Europe/London"
ENV_ZONE = "REFUSAL_LOG_TZ"

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]


# The zone the open log keeps its days in (recorded by `init`), set by the store when
# it opens a log. A day typed on the command line is a day of the log, so it must not
# move when REFUSAL_LOG_TZ differs from the zone the log was kept in; the variable
# chooses the zone of a new log (and of an older one that never recorded its zone).
_log_zone: str | None = None


def use_log_zone(name: str | None) -> None:
    global _log_zone
    _log_zone = name or None


# Set by the store: reads the zone of the home's log before the store is opened, so a
# day typed on the command line (parsed before any query) is already a day of the log.
zone_resolver = None


def local_zone() -> ZoneInfo:
    name = _log_zone
    if name is None and zone_resolver is not None:
        name = zone_resolver()
    if name:
        try:
            return _zone(name)
        except InvalidInput:
            pass  # a zone this machine does not know: fall back to the variable
    return _zone(os.environ.get(ENV_ZONE) or DEFAULT_ZONE)


def zone_for_new_log() -> str:
    """The zone a new log records: REFUSAL_LOG_TZ's, or Europe/London."""
    return _zone(os.environ.get(ENV_ZONE) or DEFAULT_ZONE).key


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidInput(
            f"The time zone {name!r} (from {ENV_ZONE}) is not known; use a name such as Europe/London."
        ) from exc


# Set only by `story_clock`, for the demo's made-up case; never from user input.
_story_now: datetime | None = None


def now() -> datetime:
    """The current local time, aware, to the second."""
    if _story_now is not None:
        return _story_now
    return datetime.now(local_zone()).replace(microsecond=0)


@contextmanager
def story_clock(moment: datetime) -> Iterator[None]:
    """Make `now()` read a fixed moment while a block runs.

    Only the demo uses this: its fictional entries are "recorded" at believable
    moments of the story, so that its timeline looks like a real term's and comes
    out the same on every run. A user can never set when an entry was recorded.
    """
    global _story_now
    before, _story_now = _story_now, moment
    try:
        yield
    finally:
        _story_now = before


def today() -> date:
    return now().date()


# --- the pieces -----------------------------------------------------------------

_TIME = re.compile(
    r"^(?:at\s+)?(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?$"
)
_ISO_DATE = re.compile(r"^(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})$")
_UK_DATE = re.compile(r"^(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>\d{2}|\d{4})$")
_WORD_DATE = re.compile(
    r"^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>[a-z]+)\.?(?:,?\s+(?P<y>\d{4}))?$"
)
# "8/9": a day and month with no year, as parents jot them: this year.
_SHORT_DATE = re.compile(r"^(?P<d>\d{1,2})/(?P<mo>\d{1,2})$")
# "Sept 8", "September 8th, 2026": month first, as people also write.
_MONTH_FIRST = re.compile(r"^(?P<mon>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?$")
_AGO = re.compile(r"^(?P<n>\d+|a|an|one|two|three)\s+(?P<unit>day|days|week|weeks)\s+ago$")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}


def _bad(text: str) -> InvalidInput:
    return InvalidInput(
        f"{text!r} is not a date refusal-log can read. "
        "Try a date such as 08/09/2026, 2026-09-08, today, yesterday or last monday."
    )


# A record of a school career: nothing before this, nothing far ahead. A year out of
# this range is a slip of the keyboard (0206, 2062), and refusing it keeps the log
# readable and sortable.
FIRST_YEAR = 1970
YEARS_AHEAD = 5


def check_year(text: str, moment: date | datetime) -> None:
    """Refuse a year that cannot belong to this record (named in the message)."""
    last = today().year + YEARS_AHEAD
    if not FIRST_YEAR <= moment.year <= last:
        raise InvalidInput(f"{text!r} is in the year {moment.year}, which looks like a slip; "
                           f"refusal-log takes years from {FIRST_YEAR} to {last}.")


def _make_date(text: str, y: int, mo: int, d: int) -> date:
    try:
        made = date(y, mo, d)
        check_year(text, made)
        return made
    except ValueError:
        what = f"there is no {d} {MONTHS[mo - 1].title()} {y}" if 1 <= mo <= 12 else f"there is no month {mo}"
        raise InvalidInput(
            f"{text!r} is not a real date: {what}. Dates are day first, as in 08/09/2026 for 8 September 2026."
        ) from None


def _parse_time(text: str, part: str) -> time | None:
    if part in ("noon", "midday"):
        return time(12, 0)
    if part == "midnight":
        return time(0, 0)
    m = _TIME.match(part)
    if not m:
        return None
    hour, minute = int(m["h"]), int(m["m"] or 0)
    ampm = (m["ampm"] or "").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise InvalidInput(f"{text!r} has an impossible time: {part!r}.")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif m["m"] is None:
        return None  # a bare number like "9" is too ambiguous to be a time
    if hour > 23 or minute > 59:
        raise InvalidInput(f"{text!r} has an impossible time: {part!r}.")
    return time(hour, minute)


def _parse_day(text: str, part: str) -> date | None:
    base = today()
    if part in ("today", "this morning", "this afternoon", "tonight", "this evening"):
        return base
    if part in ("yesterday", "last night"):
        return base - timedelta(days=1)
    if part == "tomorrow":
        return base + timedelta(days=1)
    if m := _AGO.match(part):
        n = _NUMBERS.get(m["n"]) or int(m["n"])
        return base - timedelta(days=n * (7 if m["unit"].startswith("week") else 1))
    words = part.split()
    if len(words) in (1, 2) and words[-1] in WEEKDAYS and (len(words) == 1 or words[0] in ("last", "on")):
        # People log what has happened, so a weekday looks back, never ahead:
        # "monday" is today if today is Monday, else the last one; "last monday"
        # is always an earlier one.
        back = (base.weekday() - WEEKDAYS.index(words[-1])) % 7
        if back == 0 and words[0] == "last":
            back = 7
        return base - timedelta(days=back)
    if m := _ISO_DATE.match(part):
        return _make_date(text, int(m["y"]), int(m["mo"]), int(m["d"]))
    if m := _UK_DATE.match(part):
        year = int(m["y"])
        if len(m["y"]) == 2:
            year += 2000
        return _make_date(text, year, int(m["mo"]), int(m["d"]))
    if m := _SHORT_DATE.match(part):
        return _make_date(text, base.year, int(m["mo"]), int(m["d"]))
    if m := (_WORD_DATE.match(part) or _MONTH_FIRST.match(part)):
        month = next((i + 1 for i, name in enumerate(MONTHS) if name.startswith(m["mon"]) and len(m["mon"]) >= 3), None)
        if month is None:
            return None
        year = int(m["y"]) if m["y"] else base.year
        return _make_date(text, year, month, int(m["d"]))
    return None


def _normalise(text: str) -> str:
    """Lower case, single spaces, and ISO's "T" between date and time made a space."""
    text = re.sub(r"^(\s*\d{4}-\d{1,2}-\d{1,2})t", r"\1 ", text.strip().lower())
    return " ".join(text.split())


def _split(text: str, cleaned: str) -> tuple[date | None, time | None]:
    """Find the split between a day part and a time part, trying the longest day first."""
    if not cleaned:
        raise InvalidInput("A date is needed but none was given; try today, yesterday or 08/09/2026.")
    words = cleaned.replace(",", " ").split()
    for cut in range(len(words), -1, -1):
        day_part, time_part = " ".join(words[:cut]), " ".join(words[cut:])
        day = _parse_day(text, day_part) if day_part else None
        if day_part and day is None:
            continue
        if not time_part:
            return day, None
        clock = _parse_time(text, time_part.removeprefix("at ").strip() if time_part != "at" else time_part)
        if clock is not None:
            return day, clock
    # The time first, as in "09:10 08/09/2026" or "3pm yesterday".
    for cut in range(1, len(words)):
        clock = _parse_time(text, " ".join(words[:cut]))
        day_part = " ".join(words[cut:]).removeprefix("on ")
        if clock is not None and (day := _parse_day(text, day_part)) is not None:
            return day, clock
    raise _bad(text)


def _aware(text: str, day: date, clock: time) -> datetime:
    zone = local_zone()
    wall = datetime.combine(day, clock).replace(tzinfo=zone)
    # A wall time that the clocks skip does not survive a round trip through UTC.
    back = wall.astimezone(ZoneInfo("UTC")).astimezone(zone)
    if back.replace(tzinfo=None) != wall.replace(tzinfo=None):
        raise InvalidInput(
            f"{text!r} is a time that did not exist in {zone.key}: the clocks went forward "
            "that night. Try a time an hour later."
        )
    return wall


_ISO_WITH_OFFSET = re.compile(r"^\s*\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(z|[+-]\d{2}:?\d{2})\s*$")


def parse_datetime(text: str) -> datetime:
    """Read a date and time a person typed; a date alone means the start of that day."""
    if _ISO_WITH_OFFSET.match(text.lower()):
        # A full ISO timestamp with its offset (as `list --json` prints) is taken as it is.
        try:
            moment = datetime.fromisoformat(text.strip().upper().replace("Z", "+00:00")).replace(microsecond=0)
        except ValueError:
            raise _bad(text) from None
        check_year(text, moment)
        return moment
    cleaned = _normalise(text)
    if cleaned == "now":
        return now()
    day, clock = _split(text, cleaned)
    if day is None:
        day = today()
    return _aware(text, day, clock or time(0, 0))


def parse_when(text: str | None) -> datetime:
    """--when / --date for a call, visit, meeting or note: default now; a bare date is that day."""
    return parse_when_given(text)[0]


def weekday_read_back(text: str | None, moment: datetime, fix: str) -> list[str]:
    """A note when a bare weekday ("thursday 16:00") was read as the one just gone, for a meeting: logged the night
    before, it would sit under last week (the newcomer on round 145). `fix` is the command that corrects it."""
    words = (text or "").lower().replace(",", " ").split()
    if not words or words[0] not in WEEKDAYS or moment.astimezone(local_zone()).date() >= today():
        return []
    return [f"'{words[0].title()}' was read as {human_date(moment.astimezone(local_zone()).date())}, the one just gone. "
            f"If the meeting is still to come, give its date instead: {fix}."]


def parse_when_given(text: str | None) -> tuple[datetime, bool]:
    """--when / --date as given: (the moment, True when only a day was given).

    Left out, it is now. A day without a time ("14/09/2026", "monday", "today")
    keeps no time: the moment is the start of that day, for sorting only, and the
    flag says that no time is to be shown for it. Never a made-up 00:00.
    """
    if text is None or _normalise(text) == "now":
        return now(), False
    if _ISO_WITH_OFFSET.match(text.lower()):
        return parse_datetime(text), False
    day, clock = _split(text, _normalise(text))
    if clock is None:
        return start_of_day(day), True
    return _aware(text, day or today(), clock), False


def parse_date(text: str) -> date:
    """A day alone (an absence, --from/--to, --born)."""
    day, clock = _split(text, _normalise(text))
    if clock is not None and day is not None:
        raise InvalidInput(f"{text!r} has a time, but only a day is wanted here; try {day:%d/%m/%Y}.")
    if day is None:
        raise _bad(text)
    return day


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time(0, 0)).replace(tzinfo=local_zone())


# --- showing dates to people --------------------------------------------------------

# Written out with our own tables, not strftime: %a and %b follow the computer's
# locale, and a record for an English school should read the same everywhere.
# (Also much faster over a 20,000-entry timeline.)
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = tuple(name.title() for name in MONTHS)


def human_date(day: date | datetime) -> str:
    """Tue 8 Sep 2026."""
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1][:3]} {day.year}"


def human_datetime(moment: datetime, zone: ZoneInfo | None = None) -> str:
    """Tue 8 Sep 2026 09:10, in local time."""
    local = moment.astimezone(zone or local_zone())
    return f"{human_date(local)} {local.hour:02d}:{local.minute:02d}"


def full_date(day: date | datetime) -> str:
    """Monday 14 December 2026."""
    return f"{WEEKDAYS[day.weekday()].title()} {long_date(day)}"


def month_year(day: date | datetime) -> str:
    """September 2026."""
    return f"{_MONTH_NAMES[day.month - 1]} {day.year}"


def long_date(day: date | datetime) -> str:
    """8 September 2026."""
    return f"{day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"


def parse_range(from_: str | None, to: str | None) -> tuple[date | None, date | None]:
    """--from and --to as days (either may be left out); the end may not come before the start."""
    start = parse_date(from_) if from_ else None
    end = parse_date(to) if to else None
    if start and end and end < start:
        raise InvalidInput(f"--to ({to}) is before --from ({from_}); nothing could match.")
    return start, end


def stored_moment(text: str) -> datetime:
    """A moment read back from the log: always timezone-aware, even where the file was edited by hand to a time
    without a zone (read as UTC), so a changed log gets its warning, not a traceback (the attacker on round 171)."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
