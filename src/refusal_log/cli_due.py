"""What is due: `request add/reply/extend/list`, `action list/done`, `due`, and the
request letters under `draft`. Thin commands over requests.py, actions.py, due.py and
requests_letters.py; added to the app by cli_documents.register with
`cli_due.register_commands(app, group, draft_app)`. Domain modules are imported inside
each command so `--help` stays fast.
"""


import json
import sys
from datetime import date
from typing import Annotated, Any, Optional

import typer

from refusal_log.actions import owed_sentence
from refusal_log.cli_common import table
from refusal_log.text import visible  # what the family typed reaches the terminal with its control characters named

ChildOpt = Annotated[Optional[str], typer.Option("--child", metavar="NAME", help="Which child (needed only when the log has more than one).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help="Count as if today were this day.")]
FmtOpt = Annotated[Optional[str], typer.Option("--format", metavar="txt|eml", help="txt or eml. Default: from --out's name, else txt.")]
OutOpt = Annotated[Optional[str], typer.Option("--out", metavar="FILE", help="Save to this file (owner-only) instead of printing.")]


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _say(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")


def _today() -> date:
    from refusal_log import dates

    return dates.today()


# --- requests --------------------------------------------------------------------------

def _said(view, as_of: date) -> None:
    for stage in view.stages:
        state = f"answered {stage.done_on:%d/%m/%Y}" if stage.done_on else f"due {stage.due:%d/%m/%Y}"
        if stage.legal:  # the parent's own date, with the law's beside it
            legal = stage.legal
            sys.stdout.write(f"  {legal.rule.what}: {state}. Rule: {stage.rule.describe()}.\n"
                             f"  The legal date: {legal.due:%d/%m/%Y}. Rule: {legal.rule.describe()}. "
                             f"Source: {legal.rule.source}.\n")
            continue
        sys.stdout.write(f"  {stage.rule.what}: {state}. Rule: {stage.describe()}. Source: {stage.rule.source}.\n")
    if view.school_days_assumed:
        _say("No term dates cover these days, so school days are counted as weekdays less bank holidays. "
             "For exact dates add the terms: refusal-log calendar add-term NAME --from DATE --to DATE")
    for note in view.notes:
        _say(note)


def request_add(
    kind: Annotated[str, typer.Argument(metavar="KIND", help="records, sar, ehc-assessment, s19, gp-letter, minutes, complaint or other.")],
    to: Annotated[str, typer.Option("--to", metavar="NAME", help="Who it went to (the school, the council, the GP).")],
    sent: Annotated[Optional[str], typer.Option("--sent", metavar="DATE", help="The day it was sent (default: today).")] = None,
    via: Annotated[Optional[str], typer.Option("--via", metavar="HOW", help="email, letter, app, in-person, phone or online-form.")] = None,
    about: Annotated[Optional[str], typer.Option("--about", metavar="TEXT", help="What you asked for, in your words.")] = None,
    child: ChildOpt = None,
    due: Annotated[Optional[str], typer.Option("--due", metavar="DATE", help="The date you expect an answer by (needed for 'other'; sets your own date for any kind).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Log a request you made in writing, with the time they have to answer."""
    from refusal_log import requests

    view = requests.add_request(kind, to, sent, via, about, child, due)
    if as_json:
        return _json(view.to_json(_today()))
    sys.stdout.write(visible(f"Logged request {view.id}: {view.kind} to {view.to}, sent {view.sent:%d/%m/%Y}.\n"))
    _said(view, _today())


def request_reply(
    request_id: Annotated[int, typer.Argument(metavar="ID", help="The request's number (refusal-log request list).")],
    summary: Annotated[str, typer.Option("--summary", metavar="TEXT", help="What the answer said.")],
    on: Annotated[Optional[str], typer.Option("--date", metavar="DATE", help="The day the answer came (default: today).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Log the answer to a request (for an EHC request: each answer closes the next stage)."""
    from refusal_log import requests

    view = requests.reply(request_id, summary, on)
    if as_json:
        return _json(view.to_json(_today()))
    sys.stdout.write(f"Logged the answer to request {view.id} ({view.state(_today())}).\n")
    _said(view, _today())


def request_extend(
    request_id: Annotated[int, typer.Argument(metavar="ID", help="The request's number.")],
    reason: Annotated[str, typer.Option("--reason", metavar="TEXT", help="The reason they gave for needing longer.")],
    on: Annotated[Optional[str], typer.Option("--date", metavar="DATE", help="The day they told you (default: today).")] = None,
    to: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="The new date, if it is not a subject access request's two further months.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Log that they told you they need longer; the reason is kept."""
    from refusal_log import requests

    view = requests.extend(request_id, reason, on, to)
    if as_json:
        return _json(view.to_json(_today()))
    sys.stdout.write(f"Logged the extension of request {view.id}.\n")
    _said(view, _today())


def request_list(as_json: JsonOpt = False) -> None:
    """List the requests you made and where each stands."""
    from refusal_log import requests

    found = requests.list_requests()
    today = _today()
    if as_json:
        return _json([r.to_json(today) for r in found])
    if not found:
        _say("No requests are logged yet. Log one: refusal-log request add records --to \"School\" --sent DATE")
        return
    rows = []
    for r in found:
        due = ", ".join(f"{s.due:%d/%m/%Y}" for s in r.open_stages) or "-"
        rows.append((str(r.id), r.kind, r.to, f"{r.sent:%d/%m/%Y}", due, r.state(today), r.about or ""))
    table(["ID", "Kind", "To", "Sent", "Due", "Where it stands", "About"], rows, "Requests")


# --- actions ---------------------------------------------------------------------------

def action_list(
    open_only: Annotated[bool, typer.Option("--open", help="Only those not yet done.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """List what was agreed at calls and meetings, who owes it and by when."""
    from refusal_log import actions

    found = actions.list_actions(open_only)
    today = _today()
    if as_json:
        return _json([a.to_json(today) for a in found])
    if not found:
        _say("No agreed actions yet: they come from the --agreed text of add-call and add-meeting, one per line.")
        return
    rows = [(a.id, a.text, a.owed_by, f"{a.due:%d/%m/%Y}" if a.due else "no date",
             _action_state(a, today)) for a in found]
    table(["ID", "What", "Owed by", "Due", "Where it stands"], rows, "Agreed actions")


def _action_state(a, today: date) -> str:
    if a.gone:
        return f"done {a.done_on:%d/%m/%Y} (this action was since reworded or removed)"
    return f"done {a.done_on:%d/%m/%Y}" if a.done_on else ("overdue" if a.overdue(today) else "open")


def action_done(
    action_id: Annotated[str, typer.Argument(metavar="ID", help="The action's number, such as 12.1 (refusal-log action list).")],
    on: Annotated[Optional[str], typer.Option("--date", metavar="DATE", help="The day it was done (default: today).")] = None,
    note: Annotated[Optional[str], typer.Option("--note", metavar="TEXT", help="Anything worth keeping about it.")] = None,
) -> None:
    """Mark an agreed action done."""
    from refusal_log import actions

    act = actions.mark_done(action_id, on, note)
    sys.stdout.write(visible(f"Marked action {act.id} done on {act.done_on:%d/%m/%Y}: {act.text}\n"))


# --- due -----------------------------------------------------------------------------------

def due(
    as_of: AsOfOpt = None,
    as_json: JsonOpt = False,
    ics: Annotated[Optional[str], typer.Option("--ics", metavar="FILE", help="Also write the list as a calendar file (.ics), one event per item.")] = None,
) -> None:
    """What is overdue and what falls due next, who owes it, and the rule that sets the date."""
    from refusal_log import due as due_list
    from refusal_log.errors import InvalidInput

    found = due_list.what_is_due(as_of)
    if ics is not None:
        if not ics.strip():
            raise InvalidInput("No file name was given for --ics; give one, such as due.ics.")
        written, events = due_list.write_ics(found, ics)
        undated = len(found.items) - events
        _say(visible(f"Wrote {events} event{'s' if events != 1 else ''} to {written}.")
             + (f" {undated} agreed action{'s have' if undated != 1 else ' has'} no date, so "
                f"{'they are' if undated != 1 else 'it is'} not in it." if undated else ""))
    for note in found.notes:
        _say(note)
    if as_json:
        return _json(found.to_json())
    if not found.items:
        _say(f"Nothing is due as of {found.as_of:%d/%m/%Y}.")
        return
    from rich.console import Console
    from rich.text import Text  # the family's own words are never rich markup

    console = Console(highlight=False)
    console.print(Text(f"What is due as of {found.as_of:%d/%m/%Y}", style="bold"))
    for i in found.items:
        when = f"{'OVERDUE since' if i.overdue else 'Due'} {i.due:%d/%m/%Y}" if i.due else "No date agreed"
        head = Text(f"\n{when}  ", style="bold red" if i.overdue else "bold")
        head.append(visible(f"{i.what}. {owed_sentence(i.owed_by)} ({i.ref})."), style="")
        console.print(head)
        console.print(Text(visible(f"  Rule: {i.rule}. Source: {i.source}."), style="dim"))

def register_commands(app: typer.Typer, group: type, draft_app: typer.Typer | None = None) -> None:
    """Add `request`, `action` and `due` (and the request letters under `draft`) to the app."""
    def sub(help_text: str) -> typer.Typer:
        return typer.Typer(cls=group, help=help_text, no_args_is_help=True, rich_markup_mode=None)

    request_app = sub("Requests you made in writing, and the time they have to answer.")
    request_app.command("add")(request_add)
    request_app.command("reply")(request_reply)
    request_app.command("extend")(request_extend)
    request_app.command("list")(request_list)
    action_app = sub("What was agreed at calls and meetings, and by when.")
    action_app.command("list")(action_list)
    action_app.command("done")(action_done)
    app.add_typer(request_app, name="request")
    app.add_typer(action_app, name="action")
    app.command("due")(due)
    if draft_app is not None:
        from refusal_log import cli_due_letters

        cli_due_letters.register_drafts(draft_app)
