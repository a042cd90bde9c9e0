"""What is due: every open request's clock and every open agreed action, in one list.

Overdue first (longest overdue first), then soonest. Each item says what it is, who
owes it, the date, the rule that sets it and its source, so a letter can quote it.
`ics` writes the same list as an iCalendar file (one all-day event per item) with the
maintained `icalendar` library. Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from refusal_log import actions, clocks, dates, requests, store


@dataclass
class DueItem:
    what: str
    entry: int
    ref: str  # "request 12" or "action 12.1": what to pass to reply / done
    owed_by: str
    due: date | None  # None: an agreed action with no date in it, listed after every dated item
    overdue: bool
    rule: str
    source: str
    status: str  # law | guidance | follow-up
    child: str

    def to_json(self) -> dict[str, Any]:
        return {"what": self.what, "entry": self.entry, "owed_by": self.owed_by,
                "due": self.due.isoformat() if self.due else None,
                "overdue": self.overdue, "rule": self.rule, "source": self.source, "status": self.status,
                "ref": self.ref, "child": self.child}


@dataclass
class DueList:
    as_of: date
    items: list[DueItem]
    notes: list[str]

    def to_json(self) -> list[dict[str, Any]]:
        return [i.to_json() for i in self.items]


def _request_items(found: list[requests.RequestView], as_of: date) -> list[DueItem]:
    items = []
    for req in found:
        for stage in [s for s in req.stages if s.done_on is None or s.done_on > as_of]:  # open on that day
            rule = stage.rule
            text = stage.describe()
            if stage.legal:
                text += (f"; the legal date is {stage.legal.due:%d/%m/%Y} ({stage.legal.rule.describe()}, "
                         f"{stage.legal.rule.source})")
            what = f"{(stage.legal or stage).rule.what} ({req.kind} request sent {req.sent:%d/%m/%Y}"
            what += f": {req.about})" if req.about else ")"
            items.append(DueItem(what, req.id, f"request {req.id}", req.to, stage.due, as_of > stage.due, text,
                                 rule.source, rule.status, req.child))
    return items


def _action_items(found: list[actions.Action], as_of: date) -> list[DueItem]:
    items = []
    for act in found:  # one with no date is still owed ("Mrs Khan to send the referral"): listed last, never dropped
        rule = clocks.rule(act.rule)
        text = (f"agreed at the {act.agreed_at} on {act.agreed_on:%d/%m/%Y}" if act.rule == "agreed"
                else rule.describe())
        source = (f"The {act.agreed_at} with {act.with_} on {act.agreed_on:%d/%m/%Y} (entry {act.entry_id})"
                  if act.rule == "agreed" else rule.source)
        items.append(DueItem(act.text, act.entry_id, f"action {act.id}", act.owed_by, act.due,
                             act.due is not None and as_of > act.due,  # (not done by that day, whatever came after)
                             text, source, rule.status, act.child))
    return items


def what_is_due(as_of: str | None = None) -> DueList:
    """Everything owed and not yet done, overdue first, then soonest, then what has no date."""
    day = dates.parse_date(as_of) if as_of else dates.today()
    if not store.exists():
        return DueList(day, [], [])
    with store.reading() as db:
        # As things stood on that day (the attacker on round 143: `--as-of` and a timeline's end listed actions agreed
        # after it, and dropped ones only done after it): what was asked or agreed by then, and not done by then.
        found = [r for r in requests.list_requests(db) if r.sent <= day]
        every = actions.list_actions(False, db)
    # The minutes asked for at a meeting and an agreed "to send the minutes" line are one item: an undated line is not
    # listed beside them (the newcomer on 143), and either marked done clears both (the newcomer on 145).
    asked = {a.entry_id for a in every if a.rule == "minutes"}
    got = {a.entry_id for a in every if a.done_on and a.done_on <= day and "minute" in a.text.lower()}
    acts = [a for a in every if a.agreed_on <= day and not a.gone and (a.done_on is None or a.done_on > day)
            and not ("minute" in a.text.lower() and (a.entry_id in got or a.due is None and a.entry_id in asked))]
    items = _request_items(found, day) + _action_items(acts, day)
    items.sort(key=lambda i: (not i.overdue, i.due is None, i.due or day, i.entry))
    notes = []
    if any(r.school_days_assumed and r.open_stages for r in found):
        notes.append("Some dates count school days without your term dates, so they count weekdays less bank "
                     "holidays. Add the terms for exact dates: refusal-log calendar add-term NAME --from DATE --to DATE")
    return DueList(day, items, notes)


def for_timeline(as_of: date | None, children: list[str]) -> list[dict[str, Any]]:
    """The timeline summary's "Open requests and actions", as of the timeline's last day
    (so a copy made later reads the same)."""
    found = what_is_due(as_of.isoformat() if as_of else None)
    return [{"overdue": i.overdue, "due": dates.long_date(i.due) if i.due else "no date agreed",
             "when": (f"Overdue since {dates.long_date(i.due)}" if i.overdue else f"Due {dates.long_date(i.due)}")
             if i.due else "No date agreed", "what": i.what, "owed_by": i.owed_by,
             "owed": actions.owed_sentence(i.owed_by, mid_sentence=True),
             "entry": i.entry, "rule": i.rule, "source": i.source,
             # An agreed action's rule already says where it was agreed; a clock's needs its source.
             "basis": i.rule if i.ref.startswith("action") and i.status == "follow-up" and i.rule.startswith("agreed")
             else f"{i.rule}. {i.source}"}
            for i in found.items if i.child in children]


def write_ics(due: DueList, path: str) -> tuple[Path, int]:
    """One all-day event per dated item, with the rule and its source in the description; the file's path and how many
    events it holds (an action with no date has no day to put it on)."""
    from icalendar import Calendar, Event

    from refusal_log import paths
    from refusal_log.text import visible

    cal = Calendar()
    cal.add("prodid", "-//refusal-log//what is due//EN")
    cal.add("version", "2.0")
    stamp = dates.now()
    dated = [item for item in due.items if item.due]
    for item in dated:
        event = Event()
        event.add("uid", f"{item.ref.replace(' ', '-')}-{item.due.isoformat()}@refusal-log")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        # Typed text may hold control characters (ESC, BEL): a calendar app must not get them raw.
        event.add("summary", visible(f"{'Overdue: ' if item.overdue else 'Due: '}{item.what} ({item.owed_by})"))
        event.add("description", visible(f"{item.child}. {actions.owed_sentence(item.owed_by)}. Rule: {item.rule}. "
                                         f"Source: {item.source}. In your log: {item.ref}."))
        cal.add_component(event)
    return paths.write_user_file(path, cal.to_ical()), len(dated)
