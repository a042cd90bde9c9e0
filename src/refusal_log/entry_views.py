"""What a reader gets for one entry: its latest revision and its whole history.

Split from entries.py (which writes and reads the log) so that the read model stays
small and plain: dataclasses and the two ways a moment is written out, with no store
access. A moment given as a day alone ("timeless") is written as that day, never with
a made-up time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from refusal_log import dates, kinds

# After a stored verdict where the suggested wording replaced the words first typed: the check read the suggestion.
VERDICT_OF_SUGGESTION = "(for the suggested wording that was logged)"

# Recorded more than this after the event: say so beside the entry.
LATE_AFTER = timedelta(days=1)


def main_text(fields: dict[str, Any]) -> str:
    """The main text of an entry: an absence's reason, what was said, a note, an email's subject."""
    return fields.get("reason") or fields.get("summary") or fields.get("text") or fields.get("subject") or ""


@dataclass
class Revision:
    number: int
    when: datetime
    recorded: datetime
    fields: dict[str, Any]
    change_reason: str | None = None
    # Only a day was given (always so for an absence): `when` is that day's start,
    # for sorting, and no time is ever shown for it.
    timeless: bool = False

    @property
    def summary(self) -> str:
        return main_text(self.fields)

    def to_json(self) -> dict[str, Any]:
        return {"revision": self.number, "when": when_json(self.when, self.timeless),
                "recorded": self.recorded.isoformat(), "change_reason": self.change_reason, **self.fields}


def when_json(when: datetime, timeless: bool) -> str:
    """ISO 8601: the day alone ("2026-09-14") when no time was given, else with time and offset."""
    return when.date().isoformat() if timeless else when.isoformat()


def when_text(when: datetime, timeless: bool) -> str:
    """How a person reads it: "Mon 14 Sep 2026", or "Mon 14 Sep 2026 09:10" when a time was given."""
    return dates.human_date(when) if timeless else dates.human_datetime(when)


@dataclass
class EntryView:
    """One entry as a reader sees it: its latest revision, and its history."""

    id: int
    kind: str
    child: str
    when: datetime
    recorded: datetime
    fields: dict[str, Any]
    history: list[Revision] = field(default_factory=list)
    withdrawn: dict[str, str] | None = None
    attachments: list[dict[str, Any]] = field(default_factory=list)
    # Gentle remarks for the person who just logged it (not stored, not in JSON).
    notes: list[str] = field(default_factory=list)
    # Where to get help now, when the absence reason just logged or corrected says the child has
    # talked of dying or self-harm (not stored; in JSON only then).
    urgent: str | None = None

    @property
    def revision(self) -> int:
        return self.history[-1].number if self.history else 1

    @property
    def timeless(self) -> bool:
        """Only a day was given for it (an absence is always a day): show no time."""
        return self.history[-1].timeless if self.history else kinds.known(self.kind) and kinds.get(self.kind).day_only

    @property
    def when_text(self) -> str:
        return when_text(self.when, self.timeless)

    @property
    def corrected(self) -> datetime | None:
        return self.history[-1].recorded if self.revision > 1 else None

    @property
    def late(self) -> bool:
        """Written down more than a day after it happened (the timeline says so)."""
        end = self.when
        if self.kind == "absence" and self.fields.get("until"):
            end = dates.start_of_day(date.fromisoformat(self.fields["until"]) + timedelta(days=1))
        elif self.timeless:
            # A day with no time written down lasts until midnight: yesterday's absence logged at
            # 3 am today was written down within the day after it, not "more than a day after".
            end = dates.start_of_day(self.when.astimezone(dates.local_zone()).date() + timedelta(days=1))
        return self.recorded - end > LATE_AFTER

    @property
    def label(self) -> str:
        return kinds.get(self.kind).label if kinds.known(self.kind) else self.kind.title()

    @property
    def who(self) -> str | None:
        f = self.fields
        return f.get("with") or f.get("clinician") or f.get("told") or f.get("from")

    @property
    def summary(self) -> str:
        return main_text(self.fields)

    def to_json(self, history: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "kind": self.kind, "child": self.child,
            "when": when_json(self.when, self.timeless), "recorded": self.recorded.isoformat(),
            **self.fields,
            "revision": self.revision,
            "corrected": self.corrected.isoformat() if self.corrected else None,
            "withdrawn": self.withdrawn,
            "attachments": self.attachments,
        }
        if history:
            data["history"] = [r.to_json() for r in self.history]
        if self.urgent:
            data["urgent"] = self.urgent
        return data
