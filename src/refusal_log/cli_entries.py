"""The entries themselves: `add-absence`, `add-call`, `add-gp`, `add-meeting`, `add-note`,
`list`, `show`, `edit` and `withdraw`.

`edit`'s options come from the kinds registry (kinds.py): every option some kind lets
`edit` change, so a new kind's options appear here without a change to this module.
"""

import inspect
import sys
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from refusal_log import cli_ask, kinds
from refusal_log.cli_check import show_check, show_urgent
from refusal_log.cli_common import ChildOpt, JsonOpt, clip, err, interactive, out, print_json, table
from refusal_log.cli_help import entry_number
from refusal_log.errors import InvalidInput, WordingNeedsConfirmation
from refusal_log.text import visible

if TYPE_CHECKING:
    from refusal_log.entries import EntryView


TYPE_HELP = ("illness, appointment, leave, religious, part-time, transport, exclusion or other "
             "(default: from the reason's words). Each drafts its own email; only illness is worded as illness.")
WhenOpt = Annotated[Optional[str], typer.Option("--when", metavar="DATETIME", help="When it happened, e.g. '08/09/2026 09:10', 'yesterday 3pm' (default: now).")]
DateTimeOpt = Annotated[Optional[str], typer.Option("--date", metavar="DATETIME", help="When it happened, e.g. '08/09/2026 14:00' (default: now).")]


def _logged(view: "EntryView", as_json: bool) -> None:
    show_urgent(view.urgent, err())
    for note in view.notes:
        err().print(f"Note: {note}", markup=False)
    if as_json:
        return print_json(view.to_json())
    moment = view.when_text
    who = f" with {view.who}" if view.who and view.kind in ("call", "meeting") else ""
    # The type decides the email drafted for it: show it, so a wrong guess is seen.
    who = f": {view.fields['type']}" if view.kind == "absence" else who
    sys.stdout.write(visible(f"Logged entry {view.id} ({view.label}{who}, {moment}).\n"))  # a typed ESC is named, not run


EditOpt = Annotated[bool, typer.Option("--edit", help="Write the long text in your editor ($EDITOR), as git commit does.")]


def _parse_date(text: str) -> object:
    from refusal_log import dates

    return dates.parse_date(text)


def _parse_when(text: str) -> object:
    from refusal_log import dates

    return dates.parse_when(text)


def add_absence(
    ctx: typer.Context,
    date: Annotated[Optional[str], typer.Option("--date", metavar="DATE", help="The (first) day absent, e.g. 08/09/2026 or today. Needed; asked for in a terminal.")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="The reason, as you gave it to school. Its wording is checked first; your words are always kept. Needed; asked for in a terminal.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="DATE", help="The last day, for an absence of several days.")] = None,
    sessions: Annotated[Optional[str], typer.Option("--sessions", help="am, pm or both (default both).")] = None,
    via: Annotated[Optional[str], typer.Option("--via", help="How school was told: email, phone, app, letter, in-person or text.")] = None,
    told: Annotated[Optional[str], typer.Option("--told", metavar="NAME", help="Who you told.")] = None,
    accept_wording: Annotated[bool, typer.Option("--accept-wording", help="Log the reason as written even if the wording check advises against it.")] = False,
    type_: Annotated[Optional[str], typer.Option("--type", metavar="TYPE", help=TYPE_HELP)] = None,
    child: ChildOpt = None,
    edit: EditOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Log an absence; its reason's wording is checked first.

    A reason the parents' FAQ advises against is shown with why and a suggested
    wording. In a terminal you choose: s logs the suggested wording instead (your
    own first words are kept in the entry beside it; nothing is sent anywhere), k keeps your words exactly as
    typed (say, if school was already told them), c cancels; Enter alone asks again.
    Without a terminal it is logged only with --accept-wording, word for word.
    """
    from refusal_log import entries

    child = cli_ask.child_first(child)
    date, reason, via, told = cli_ask.fill(ctx, [
        cli_ask.Ask("--date", "Which day was your child absent?", date, hint="(e.g. today, 08/09/2026)",
                    check=_parse_date),
        cli_ask.Ask("--reason", "What reason did you give the school?", reason),
        cli_ask.Ask("--via", "How did you tell school?", via, False, "(email, phone, app, letter, in-person, text; Enter to skip)"),
        cli_ask.Ask("--told", "Who did you tell?", told, False, "(Enter to skip)"),
    ], edit="--reason" if edit else None)

    def log(reason_text: str, accepted: bool, typed: str | None = None) -> "EntryView":
        return entries.add_absence(date, reason_text, until, sessions, via, told, child, accepted, typed,
                                   type_=type_)

    try:
        view = log(reason, accept_wording)
    except WordingNeedsConfirmation as exc:
        show_check(exc.result, err())
        if not interactive():
            raise
        view = cli_ask.wording_gate(exc.result, log, child, date)
    _logged(view, as_json)


def _people(with_: list[str] | None) -> list[str]:
    """Every --with given, in order: "--with A --with B" keeps both (the newcomer on round 111 lost the first)."""
    # A value of only punctuation ("--with ,") names no one (the attacker on round 118: the draft opened "Dear ,,").
    # Commas and semicolons left at either end are list punctuation, not the name ("Mrs Smith, ;": Mrs Smith); a
    # semicolon inside one value parts two people ("Mrs Smith; Mr Jones"), as two --with would.
    parts = [part for name in with_ or [] for part in name.split(";")]
    return [name.strip(", \t\n") for name in parts if any(c.isalnum() for c in name)]


def _names(with_: list[str] | None) -> str | None:
    """The --with values as one field; a blank one is passed on as given, for the usual "is empty" message."""
    return ", ".join(_people(with_)) or (with_[-1].strip(" ,;.-") if with_ else None)


def add_call(
    ctx: typer.Context,
    with_: Annotated[Optional[list[str]], typer.Option("--with", metavar="NAME", help="Who you spoke to (repeat for several). Needed; asked for in a terminal.")] = None,
    summary: Annotated[Optional[str], typer.Option("--summary", help="What was said, in your own words. Needed; asked for in a terminal.")] = None,
    role: Annotated[Optional[str], typer.Option("--role", help="Their role, e.g. attendance officer (filled in from your contacts if known).")] = None,
    when: WhenOpt = None,
    direction: Annotated[Optional[str], typer.Option("--direction", help="out (you rang them) or in (they rang you).")] = None,
    agreed: Annotated[Optional[str], typer.Option("--agreed", help="What was agreed, and by whom.")] = None,
    minutes: Annotated[Optional[int], typer.Option("--minutes", metavar="N", help="How long the call took, in minutes.")] = None,
    child: ChildOpt = None,
    edit: EditOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Log a phone call: who, when, what was said and agreed.

    In a terminal, whatever is missing is asked for; --edit writes what was said in your editor.
    """
    from refusal_log import entries

    if role and len(_people(with_)) > 1:
        # One --role for two people put the SENCo's call down as the head of year's (the newcomer on round 114).
        raise InvalidInput("--role gives one role, but --with names more than one person. Put each person's role with "
                           "their name instead, e.g. --with \"Mr Ahmed (head of year)\" --with \"Ms Lowe (SENCo)\".")
    child = cli_ask.child_first(child)
    with_, when, summary, agreed = cli_ask.fill(ctx, [
        cli_ask.Ask("--with", "Who did you speak to?", _names(with_)),
        cli_ask.Ask("--when", "When was the call?", when, False, "(e.g. 'today 9:10'; Enter for now)", _parse_when),
        cli_ask.Ask("--summary", "What was said?", summary),
        cli_ask.Ask("--agreed", "What was agreed?", agreed, False, "(Enter if nothing)"),
    ], edit="--summary" if edit else None)

    _logged(entries.add_call(with_, summary, role, when, direction, agreed, minutes, child), as_json)


def add_gp(
    ctx: typer.Context,
    summary: Annotated[Optional[str], typer.Option("--summary", help="What the GP said or did. Needed; asked for in a terminal.")] = None,
    date: DateTimeOpt = None,
    clinician: Annotated[Optional[str], typer.Option("--clinician", metavar="NAME", help="Who you saw.")] = None,
    referral: Annotated[Optional[list[str]], typer.Option("--referral", help="A referral made (CAMHS, paediatrics...); repeat for several.")] = None,
    letter: Annotated[Optional[str], typer.Option("--letter", help="A letter for school: requested or received.")] = None,
    letter_file: Annotated[Optional[list[str]], typer.Option("--letter-file", metavar="FILE", help="A scan or PDF of the GP's letter, kept with the entry.")] = None,
    child: ChildOpt = None,
    edit: EditOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Log a GP visit, its referrals and any letter for school.

    In a terminal, whatever is missing is asked for; --edit writes the summary in your editor.
    """
    from refusal_log import entries

    child = cli_ask.child_first(child)
    date, clinician, summary = cli_ask.fill(ctx, [
        cli_ask.Ask("--date", "When was the visit?", date, False, "(e.g. 'yesterday 4pm'; Enter for now)", _parse_when),
        cli_ask.Ask("--clinician", "Who did you see?", clinician, False, "(Enter to skip)"),
        cli_ask.Ask("--summary", "What did the GP say or do?", summary),
    ], edit="--summary" if edit else None)

    _logged(entries.add_gp(summary, date, clinician, referral, letter, child, letter_file), as_json)


def add_meeting(
    ctx: typer.Context,
    with_: Annotated[Optional[list[str]], typer.Option("--with", metavar="NAMES", help="Who was there from school or elsewhere (repeat for several, or one list). Needed; asked for in a terminal.")] = None,
    summary: Annotated[Optional[str], typer.Option("--summary", help="What was discussed. Needed; asked for in a terminal.")] = None,
    date: DateTimeOpt = None,
    witness: Annotated[Optional[str], typer.Option("--witness", metavar="NAME", help="Someone who came with you and can confirm what was said.")] = None,
    agreed: Annotated[Optional[str], typer.Option("--agreed", help="What was agreed: who does what, by when.")] = None,
    minutes_requested: Annotated[bool, typer.Option("--minutes-requested", help="You asked the school for its minutes.")] = False,
    child: ChildOpt = None,
    edit: EditOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Log a meeting: who was there, what was said and agreed.

    In a terminal, whatever is missing is asked for; --edit writes the summary in your editor.
    """
    from refusal_log import entries

    child = cli_ask.child_first(child)
    with_, date, summary, agreed = cli_ask.fill(ctx, [
        cli_ask.Ask("--with", "Who was at the meeting?", _names(with_)),
        cli_ask.Ask("--date", "When was it?", date, False, "(e.g. '15/09/2026 15:30'; Enter for now)", _parse_when),
        cli_ask.Ask("--summary", "What was discussed?", summary),
        cli_ask.Ask("--agreed", "What was agreed?", agreed, False, "(Enter if nothing)"),
    ], edit="--summary" if edit else None)

    _logged(entries.add_meeting(with_, summary, date, witness, agreed, minutes_requested, child), as_json)


def add_note(
    ctx: typer.Context,
    text: Annotated[Optional[str], typer.Argument(metavar="TEXT", help="What you saw or heard, in your own words. Asked for in a terminal when left out.")] = None,
    when: WhenOpt = None,
    child: ChildOpt = None,
    edit: EditOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Log an observation in your own words.

    How the day went, what your child said, anything worth keeping. In a terminal,
    a missing text is asked for; --edit writes it in your editor.
    """
    from refusal_log import entries

    child = cli_ask.child_first(child)
    text, when = cli_ask.fill(ctx, [
        cli_ask.Ask("TEXT", "What do you want to note?", text),
        cli_ask.Ask("--when", "When was it?", when, False, "(e.g. 'today 7am'; Enter for now)", _parse_when),
    ], edit="TEXT" if edit else None)

    _logged(entries.add_note(text, when, child), as_json)


def list_(
    kind: Annotated[Optional[list[str]], typer.Option("--kind", metavar="KIND", help=f"{kinds.choices_text()}; repeat for several.")] = None,
    from_: Annotated[Optional[str], typer.Option("--from", metavar="DATE", help="From this day.")] = None,
    to: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="Up to and including this day.")] = None,
    child: Annotated[Optional[str], typer.Option("--child", metavar="NAME", help="Only this child's entries (default: every child).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List entries in the order they happened."""
    from refusal_log import entries

    views = entries.list_entries(kind, from_, to, child)
    if as_json:
        return print_json([v.to_json() for v in views])
    if not views:
        err().print("No entries match.")
        return
    several = len({v.child for v in views}) > 1
    rows = []
    for v in views:
        moment = v.when_text
        flags = ", ".join(filter(None, [
            f"wording: {v.fields['verdict']}" if v.fields.get("verdict") not in (None, "ok") else "",
            "corrected" if v.corrected else "", "withdrawn" if v.withdrawn else "",
        ]))
        rows.append([v.id, moment, *([v.child] if several else []), v.label, v.who or "", clip(v.summary), flags])
    table(["id", "when", *(["child"] if several else []), "kind", "who", "what", "notes"], rows)


def show(
    entry_id: Annotated[int, typer.Argument(metavar="ID", parser=entry_number, help="The entry's id, as 'list' shows it.")],
    as_json: JsonOpt = False,
) -> None:
    """Show one entry in full, with its whole history."""
    from refusal_log import entries

    view = entries.get_entry(entry_id)
    if as_json:
        return print_json(view.to_json(history=True))
    from refusal_log.cli_show import show_entry

    show_entry(view, out())


# --- Keeping the record sound --------------------------------------------------------

def edit(
    entry_id: Annotated[int, typer.Argument(metavar="ID", parser=entry_number, help="The entry to correct.")],
    why: Annotated[Optional[str], typer.Option("--why", help="Why the correction is made (kept with it).")] = None,
    accept_wording: Annotated[bool, typer.Option("--accept-wording", help="Keep a corrected absence reason even if the wording check advises against it.")] = False,
    as_json: JsonOpt = False,
    **changes: Any,
) -> None:
    """Correct an entry; the original is kept.

    Give the options to change, as on the entry's add command. The correction is
    added as a new revision; every earlier one stays in the log.
    """
    from refusal_log import entries

    # with_ and type_ (Python keywords and names) are --with and --type.
    changes = {name.rstrip("_"): value for name, value in changes.items()}
    try:
        view = entries.edit_entry(entry_id, changes, why, accept_wording)
    except WordingNeedsConfirmation as exc:
        show_check(exc.result, err())
        raise
    show_urgent(view.urgent, err())
    if as_json:
        return print_json(view.to_json(history=True))
    sys.stdout.write(f"Corrected entry {view.id}: revision {view.revision} added; earlier revisions are kept.\n")


_VALUES = {"text": Optional[str], "number": Optional[int], "list": Optional[list[str]], "flag": Optional[bool]}


def _edit_signature() -> inspect.Signature:
    """edit's parameters: its own, then one per option of the kinds registry (Typer reads this)."""
    keyword = inspect.Parameter.KEYWORD_ONLY
    own = list(inspect.signature(edit).parameters.values())[:-1]
    own[-2:] = [p.replace(kind=keyword) for p in own[-2:]]  # --accept-wording and --json stay last
    for option in kinds.edit_options():
        flag = "--" + option.name.replace("_", "-")
        declared = f"{flag}/--no-{flag[2:]}" if option.value == "flag" else flag
        name = option.name + "_" if option.name in ("with", "type") else option.name
        annotation = Annotated[_VALUES[option.value], typer.Option(declared, metavar=option.metavar, help=option.help)]
        own.insert(-2, inspect.Parameter(name, keyword, default=None, annotation=annotation))
    return inspect.Signature(own)


def withdraw(
    entry_id: Annotated[int, typer.Argument(metavar="ID", parser=entry_number, help="The entry to withdraw.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is withdrawn (kept with it).")],
    as_json: JsonOpt = False,
) -> None:
    """Withdraw an entry; it is kept, marked, with your reason.

    Withdrawn entries are left out of timelines unless --include-withdrawn.
    """
    from refusal_log import entries

    view = entries.withdraw_entry(entry_id, reason)
    if as_json:
        return print_json(view.to_json(history=True))
    sys.stdout.write(f"Withdrew entry {view.id}. It is kept, with your reason, and 'show {view.id}' still shows it.\n")


def register(app: typer.Typer) -> None:
    for name, command in (("add-absence", add_absence), ("add-call", add_call), ("add-gp", add_gp),
                          ("add-meeting", add_meeting), ("add-note", add_note), ("list", list_),
                          ("show", show)):
        app.command(name)(command)
    edit.__signature__ = _edit_signature()  # read afresh, so a kind registered before this counts
    app.command("edit")(edit)
    app.command("withdraw")(withdraw)
