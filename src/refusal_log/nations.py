"""The law of the child's nation: what letters cite, read from nations.toml.

Every citation, attendance code and penalty the tool prints for a child comes from
the entry for their nation (`region set`, `init --region`), never from England's by
default. A nation lacking something in the data has nothing cited for it; its
`unverified` sentence tells the parent what to ask instead. Small and import-light
(tomllib only), so `check` can use it too.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from refusal_log.errors import InvalidInput
from refusal_log.text import shown

REGIONS = ("england", "wales", "scotland", "northern-ireland")
DEFAULT = "england"
# The kinds of absence the law treats differently (`add-absence --type`); each drafts its
# own email and has its own code in England. Spellings people type map to the one kept.
ABSENCE_TYPES = ("illness", "appointment", "leave", "religious", "part-time", "transport", "exclusion", "other")
_TYPE_WORDS = {**{t: t for t in ABSENCE_TYPES}, "ill": "illness", "sick": "illness", "sickness": "illness",
               "medical": "appointment", "appt": "appointment", "part time": "part-time",
               "parttime": "part-time", "religion": "religious", "suspension": "exclusion",
               "suspended": "exclusion", "excluded": "exclusion"}


class Nation:
    """One nation's law as letters cite it (a plain class: a dataclass of this many fields
    costs milliseconds at start-up, and every command that logs an absence reads it)."""

    _FIELDS = ("name", "offence", "source", "illness_defence", "illness_defence_short", "registration",
               "registration_source", "penalty", "penalty_source", "unverified", "codes")
    __slots__ = ("key", *_FIELDS)

    def __init__(self, key: str, **values) -> None:
        unknown = set(values) - set(self._FIELDS)
        if unknown:
            raise TypeError(f"nations.toml: unknown field(s) {', '.join(sorted(unknown))} for {key}")
        self.key = key
        for name in self._FIELDS:
            setattr(self, name, values.get(name, {} if name == "codes" else None))

    def code_for(self, absence_type: str) -> str | None:
        """The attendance code for a type of absence, only where it is verified for this nation."""
        return self.codes.get(absence_type)


@cache
def _all() -> dict[str, Nation]:
    import tomllib

    data = tomllib.loads((Path(__file__).with_name("nations.toml")).read_text(encoding="utf-8"))
    return {key: Nation(key=key, **values) for key, values in data.items()}


def region_key(value: str | None, option: str = "--region") -> str:
    """'Northern Ireland', 'scotland ' -> the region's key; an unknown one is a plain error."""
    if value is None:
        return DEFAULT
    key = "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
    if key not in REGIONS:
        raise InvalidInput(f"{option} must be one of {', '.join(REGIONS)}; {shown(value)} is not.")
    return key


def nation(region: str | None) -> Nation:
    """The law for a region (England when none is set yet)."""
    return _all()[region_key(region)]


def absence_type_option(value: str | None) -> str | None:
    """A --type as typed, checked: one of ABSENCE_TYPES, or None when not given."""
    if value is None or not value.strip():
        return None
    key = " ".join(value.strip().lower().replace("_", " ").split())
    if key not in _TYPE_WORDS:
        raise InvalidInput(f"--type must be one of {', '.join(ABSENCE_TYPES)}; {shown(value)} is not.")
    return _TYPE_WORDS[key]


def absence_type(value: str | None, reason: str, child: str | None = None) -> str:
    """The type given (checked), or the one the reason's own words point to (`child`: the name
    of the child it is logged for, when known: another child's illness is not theirs)."""
    chosen = absence_type_option(value)
    if chosen is not None:
        return chosen
    return _inferred(reason, child)


@cache
def _inferred(reason: str, child: str | None = None) -> str:
    # Absences logged before types existed are typed on every read: the same words
    # always give the same type, so each is worked out once per run.
    from refusal_log.wording import infer_absence_type  # the rules data; only when needed

    return infer_absence_type(reason, child=child)
