"""`show`: one entry in full, in plain words, with every change ever made to it.

Kept apart from cli.py (which is long already). Like the rest of the command layer it
only formats: the entry comes from entries.get_entry. Labels are the words a parent
would use; internal names (rule ids, column names) never reach the screen.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from refusal_log.entry_views import VERDICT_OF_SUGGESTION
from refusal_log.text import visible

if TYPE_CHECKING:
    from rich.console import Console

    from refusal_log.entries import EntryView

# What each field is called on screen; a field not listed here (a new kind's) is
# shown under its own name made readable.
LABELS = {
    "type": "Type of absence", "date": "First day", "until": "Last day", "sessions": "Sessions",
    "reason": "Reason given", "typed_reason": "Words first typed",
    "via": "How school was told", "told": "Told", "verdict": "Wording check when logged",
    "with": "With", "role": "Their role", "direction": "Who rang", "summary": "What was said",
    "agreed": "Agreed", "minutes": "Length of call", "clinician": "Seen by", "referral": "Referrals",
    "letter": "Letter for school", "witness": "Came with me", "minutes_requested": "School's minutes",
    "text": "Note", "from": "From", "to": "To", "subject": "Subject", "body": "Message",
    "message_id": "Message-ID",
}
# Kept in the entry (and in --json) but not worth a line of their own on screen.
HIDDEN = {"wording_rules"}
VERDICT_WORDS = {
    "ok": "fine",
    "caution": "take care: it may not be read as a reason the law accepts",
    "avoid": "better not: likely to be read as a reason the law does not accept",
}
SESSION_WORDS = {"both": "all day", "am": "morning only", "pm": "afternoon only"}
DIRECTION_WORDS = {"in": "they rang me", "out": "I rang them"}


def label(kind: str, key: str) -> str:
    from refusal_log import kinds

    # A GP visit's summary is "What the GP said or did": each kind names its main text.
    if key == "summary" and kinds.known(kind):
        return kinds.get(kind).said_label
    return LABELS.get(key, key.replace("_", " ").capitalize())


def value_text(key: str, value: Any) -> str:
    """A field's value as a person reads it."""
    from refusal_log import dates

    if value in (None, "", []):
        return "(none)"
    if key in ("date", "until") and isinstance(value, str):
        try:
            return dates.human_date(date.fromisoformat(value))
        except ValueError:
            return value
    if key == "verdict":
        return VERDICT_WORDS.get(value, value)
    if key == "sessions":
        return SESSION_WORDS.get(value, value)
    if key == "direction":
        return DIRECTION_WORDS.get(value, value)
    if key == "minutes" and isinstance(value, int):
        return f"{value} minute{'' if value == 1 else 's'}"
    if key == "minutes_requested":
        return "requested" if value else "not requested"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)


def changes(kind: str, before: Any, after: Any) -> list[str]:
    """Every field that differs between two revisions, "Label: old → new"."""
    from refusal_log.entries import when_text

    out = []
    if (before.when, before.timeless) != (after.when, after.timeless) and kind != "absence":
        out.append(f"When: {when_text(before.when, before.timeless)} → {when_text(after.when, after.timeless)}")
    for key in dict.fromkeys([*before.fields, *after.fields]):
        if key in HIDDEN:
            continue
        old, new = before.fields.get(key), after.fields.get(key)
        if old != new and not (old in (None, "", [], False) and new in (None, "", [], False)):
            was, now = value_text(key, old), value_text(key, new)
            if len(was) + len(now) <= 60 and "\n" not in was + now:
                out.append(f"{label(kind, key)}: {was} → {now}")
            else:
                # In full: clipped, two long reasons can look the same while differing after the cut.
                out += [f"{label(kind, key)}, before: {was}", f"{label(kind, key)}, now: {now}"]
    return out


def _clip(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def show_entry(view: EntryView, console: Console) -> None:
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from refusal_log.dates import human_datetime

    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    # Text objects throughout: what the parent typed is shown as typed, never read as markup.
    row = lambda name, value: table.add_row(name, Text(visible(str(value))))  # noqa: E731
    row("Entry", f"{view.id} ({view.label}, {view.child})")
    row("When", view.when_text)
    row("Recorded", human_datetime(view.recorded) + ("  (more than a day later)" if view.late else ""))
    for key, value in view.fields.items():
        if key in HIDDEN or value in (None, "", [], False):
            continue
        if key == "typed_reason":
            row(label(view.kind, key), f"{value}\n(replaced by the suggested wording above when it was logged)")
            continue
        if key == "reason" and view.fields.get("typed_reason"):
            row("Suggested wording logged", value_text(key, value))  # not what the school was told: newcomer, round 155
            continue
        if key == "verdict" and view.fields.get("typed_reason"):
            # The check read the suggested wording that was logged, not the words first typed (the newcomer on round 72).
            row(label(view.kind, key), f"{value_text(key, value)} {VERDICT_OF_SUGGESTION}")
            continue
        row(label(view.kind, key), value_text(key, value))
    if view.corrected:
        row("Corrected", f"{human_datetime(view.corrected)} (revision {view.revision})")
    if view.withdrawn:
        row("Withdrawn", f"{view.withdrawn['reason']} (on {human_datetime(datetime.fromisoformat(view.withdrawn['recorded']))})")
    for item in view.attachments:
        row("Attached", f"{item['name']} ({item['size']:,} bytes, {item['type']}, sha256 {item['sha256'][:16]}…)")
    console.print(table)
    if len(view.history) > 1:
        console.print("\nHistory (every version is kept):")
        first = view.history[0]
        console.print(Padding(Text(visible(f"revision 1, recorded {human_datetime(first.recorded)}: {_clip(first.summary)}")),
                              (0, 0, 0, 2)))
        for before, after in zip(view.history, view.history[1:]):
            why = f" because: {after.change_reason}" if after.change_reason else ""
            console.print(Padding(Text(visible(f"revision {after.number}, recorded {human_datetime(after.recorded)}{why}")),
                                  (0, 0, 0, 2)))
            for line in changes(view.kind, before, after) or ["(no field changed)"]:
                console.print(Padding(Text(visible(line)), (0, 0, 0, 4)))
