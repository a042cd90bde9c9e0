"""The command line: parse options, call one domain function, show the result.

This is the only module that imports typer or prints. Data (tables, JSON, documents)
goes to stdout; messages, prompts and errors go to stderr, so that
`refusal-log timeline --format md > t.md` stays clean.

Heavy libraries (sqlmodel, jinja2) are imported inside the domain functions that
need them, never at the top of this module: `--help`, `--version`, `check` and shell
completion run on every start and must stay fast.
"""

import json
import sys
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from refusal_log import __version__, cli_ask, cli_family, cli_params, paths
from refusal_log.cli_help import entry_number, use_plain_help
from refusal_log.errors import ExitCode, RefusalLogError, WordingNeedsConfirmation
from refusal_log.text import visible

# Option values converted in plain Python, so that parsing them imports no pydantic.
cli_params.install()

if TYPE_CHECKING:
    from rich.console import Console

    from refusal_log.entries import EntryView
    from refusal_log.wording import CheckResult


class _Group(TyperGroup):
    """Turns every error a user can cause into one sentence on stderr and exit 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except RefusalLogError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            # Every write is one transaction: it is either whole in the log or not at all.
            sys.stderr.write("\nStopped. Nothing half-written was kept; if it stopped just after saving, "
                             "'refusal-log list' shows the entry.\n")
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except BrokenPipeError:
            _reader_gone()
        except Exception as exc:
            import os

            # Typer's own usage errors (exit 2) know how to show themselves; Typer
            # vendors Click and does not export the class, so recognise them by that.
            if os.environ.get("REFUSAL_LOG_DEBUG") or (hasattr(exc, "show") and hasattr(exc, "exit_code")):
                raise
            # A fault of ours, not the user's: every write is one transaction, so
            # nothing half-done was kept. Say so calmly instead of a traceback.
            first_line = (str(exc).strip().splitlines() or [""])[0][:200]
            _fail(f"Something went wrong inside refusal-log ({type(exc).__name__}: {first_line}). Nothing half-done "
                  "was kept, and this is not something you did. Please report it; run again with "
                  "REFUSAL_LOG_DEBUG=1 to see the details.")
        finally:
            _print_notes()


def _print_notes() -> None:
    """What the store tidied up on the way (a copy left by a stopped backup), said once."""
    store = sys.modules.get("refusal_log.store")  # a command that never opened the store has none
    for note in store.take_notes() if store else []:
        sys.stderr.write(note + "\n")


def _reader_gone() -> None:
    """Whoever read our output stopped (`| head -1`): nothing is wrong, so say nothing.
    What is still buffered goes nowhere, instead of failing again when Python exits.
    Exit 1, as rich and Click do when the reader goes (not all the output was read)."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    raise typer.Exit(ExitCode.ERROR)


def _fail(message: str) -> None:
    sys.stderr.write(message.rstrip() + "\n")
    raise typer.Exit(ExitCode.ERROR)


def _sub_app(help_text: str) -> typer.Typer:
    return typer.Typer(cls=_Group, help=help_text, no_args_is_help=True, rich_markup_mode=None)


app = typer.Typer(
    cls=_Group,
    name="refusal-log",
    help="Keep a dated record of a child's absences, calls with school, GP visits and meetings.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
contact_app = _sub_app("People at school, the GP and elsewhere that you deal with.")
app.add_typer(contact_app, name="contact")


@cache
def _out() -> "Console":
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@cache
def _err() -> "Console":
    from rich.console import Console

    # soft_wrap: a message holding a path must not be broken across lines.
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _interactive() -> bool:
    return cli_ask.interactive()


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"refusal-log {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    home: Annotated[Optional[str], typer.Option("--home", help="Folder that holds the log (default: $REFUSAL_LOG_HOME, then your user data folder).", metavar="DIR")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Keep a dated record of a child's absences, calls with school, GP visits and meetings."""
    import os

    # Whatever the tool creates (the database, backups, rendered files) is the
    # family's private record: owner-only from the first byte.
    os.umask(0o077)
    paths.set_home(home)


# --- Setting up ---------------------------------------------------------------------

ChildOpt = Annotated[Optional[str], typer.Option("--child", help="Which child (needed only when the log has more than one).", metavar="NAME")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.command()
def init(
    child: Annotated[Optional[str], typer.Option("--child", help="The child's full name, e.g. 'Maya Bennett'.", metavar="NAME")] = None,
    school: Annotated[Optional[str], typer.Option("--school", help="The child's school.", metavar="NAME")] = None,
    born: cli_family.BornOpt = None,
    year_group: cli_family.YearOpt = None,
    form: cli_family.FormOpt = None,
    upn: cli_family.UpnOpt = None,
    school_type: cli_family.SchoolTypeOpt = None,
    parent: Annotated[Optional[str], typer.Option("--parent", help="Your name, to sign letters with.", metavar="NAME")] = None,
    email: Annotated[Optional[str], typer.Option("--email", help="Your email address.", metavar="ADDRESS")] = None,
    school_email: Annotated[Optional[str], typer.Option("--school-email", help="The school's attendance or office email.", metavar="ADDRESS")] = None,
    region: Annotated[Optional[str], typer.Option("--region", metavar="NATION", help="england, wales, scotland or northern-ireland (default england): the law letters follow.")] = None,
) -> None:
    """Set up the log: child, school and your details.

    Asks for what is missing only when run in a terminal. Running it again never
    changes what was logged; it adds a child that is new and updates the details given.
    """
    from refusal_log import people

    if _interactive():
        ask = lambda text, **kw: typer.prompt(text, err=True, **kw)  # noqa: E731
        child = child or ask("Child's full name")
        others = people.would_add_child(child)
        if others:
            # "Sammy" on a log that has "Sam" is more often a slip than a second child.
            _ask_new_child(child, others)
        school = school or ask("School")
        if parent is None:
            parent = ask("Your name (for letters; Enter to skip)", default="", show_default=False)
        if email is None:
            email = ask("Your email (Enter to skip)", default="", show_default=False)
        if school_email is None:
            school_email = ask("School's attendance email (Enter to skip)", default="", show_default=False)
    elif not child:
        _fail("init needs --child NAME (and --school NAME) when it is not run in a terminal.")
    result = people.setup(child, school, parent, email, school_email, region, born=born, year_group=year_group,
                          form=form, upn=upn, school_type=school_type)
    err = _err()
    if result.child_added and result.others:
        name = result.child.name
        err.print(f"This log already had {', '.join(result.others)}, so {name} was added as another child; "
                  "commands now need --child NAME. If that was a slip, undo it with: "
                  f"refusal-log child remove \"{name}\"  (to correct a child's name instead: "
                  f"refusal-log child edit \"{result.others[0]}\" --name \"NEW NAME\")")
    elif result.child_added:
        err.print(f"Set up a log for {result.child.name} in {result.home}.")
    else:
        err.print(f"The log in {result.home} already has {result.child.name}; nothing logged was changed.")
    if result.updated and not result.child_added:
        err.print(f"Updated your details: {', '.join(result.updated)}.")
    err.print("Next: log an absence or a call (refusal-log add-absence --help, refusal-log add-call --help),"
              " or run refusal-log demo to see a worked example.")


def _ask_new_child(name: str, others: list[str]) -> None:
    """Ask whether a name that is not in the log is really another child; cancel stops."""
    while True:
        answer = typer.prompt(f"This log already has {', '.join(others)}. Is {name} another child? "
                              "[a] add as another child, [c] cancel", default="", show_default=False,
                              err=True).strip().lower()[:1]
        if answer == "a":
            return
        if answer == "c":
            _fail(f"Nothing was changed. To correct a child's name: refusal-log child edit \"{others[0]}\" "
                  "--name \"NEW NAME\"")


@contact_app.command("add")
def contact_add(
    name: Annotated[str, typer.Argument(help="Their name, as you would write it in a letter.")],
    role: Annotated[str, typer.Option("--role", help="e.g. attendance officer, SENCo, head of year, GP, CAMHS.")],
    email: Annotated[Optional[str], typer.Option("--email", metavar="ADDRESS")] = None,
    phone: Annotated[Optional[str], typer.Option("--phone", metavar="NUMBER")] = None,
) -> None:
    """Add a person you deal with (school staff, GP, CAMHS...)."""
    from refusal_log import people

    added = people.add_contact(name, role, email, phone)
    _out().print(f"Added {added.name}, {added.role} (contact {added.id}).")


@contact_app.command("list")
def contact_list(as_json: JsonOpt = False) -> None:
    """List the people you deal with."""
    from refusal_log import people

    contacts = people.list_contacts()
    if as_json:
        return _print_json([c.to_json() for c in contacts])
    _table(["id", "name", "role", "email", "phone"], [[c.id, c.name, c.role, c.email, c.phone] for c in contacts])


# --- Logging ------------------------------------------------------------------------

TYPE_HELP = ("illness, appointment, leave, religious, part-time, transport, exclusion or other "
             "(default: from the reason's words). Each drafts its own email; only illness is worded as illness.")
WhenOpt = Annotated[Optional[str], typer.Option("--when", metavar="DATETIME", help="When it happened, e.g. '08/09/2026 09:10', 'yesterday 3pm' (default: now).")]
DateTimeOpt = Annotated[Optional[str], typer.Option("--date", metavar="DATETIME", help="When it happened, e.g. '08/09/2026 14:00' (default: now).")]


def _logged(view: "EntryView", as_json: bool) -> None:
    for note in view.notes:
        _err().print(f"Note: {note}")
    if as_json:
        return _print_json(view.to_json())
    moment = view.when_text
    who = f" with {view.who}" if view.who and view.kind in ("call", "meeting") else ""
    # The type decides the email drafted for it: show it, so a wrong guess is seen.
    who = f": {view.fields['type']}" if view.kind == "absence" else who
    sys.stdout.write(f"Logged entry {view.id} ({view.label}{who}, {moment}).\n")


EditOpt = Annotated[bool, typer.Option("--edit", help="Write the long text in your editor ($EDITOR), as git commit does.")]


@app.command("add-absence")
def add_absence(
    ctx: typer.Context,
    date: Annotated[Optional[str], typer.Option("--date", metavar="DATE", help="The (first) day absent, e.g. 08/09/2026 or today. Needed; asked for in a terminal.")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="The reason, as you gave it to school. Checked, then kept word for word. Needed; asked for in a terminal.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="DATE", help="The last day, for an absence of several days.")] = None,
    sessions: Annotated[Optional[str], typer.Option("--sessions", help="am, pm or both (default both).")] = None,
    via: Annotated[Optional[str], typer.Option("--via", help="How school was told: email, phone, app, letter or in-person.")] = None,
    told: Annotated[Optional[str], typer.Option("--told", metavar="NAME", help="Who you told.")] = None,
    accept_wording: Annotated[bool, typer.Option("--accept-wording", help="Log the reason as written even if the wording check advises against it.")] = False,
    type_: Annotated[Optional[str], typer.Option("--type", metavar="TYPE", help=TYPE_HELP)] = None,
    child: ChildOpt = None,
    edit: EditOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Log an absence; its reason's wording is checked first.

    A reason the parents' FAQ advises against is shown with why and a suggested
    wording. In a terminal you choose: s sends the suggested wording instead (your
    own first words are kept in the entry beside it), k keeps your words exactly as
    typed (say, if school was already told them), c cancels; Enter alone asks again.
    Without a terminal it is logged only with --accept-wording, word for word.
    """
    from refusal_log import entries

    date, reason, via, told = cli_ask.fill(ctx, [
        cli_ask.Ask("--date", "Which day was your child absent?", date, hint="(e.g. today, 08/09/2026)"),
        cli_ask.Ask("--reason", "The reason, as you gave it to school:", reason),
        cli_ask.Ask("--via", "How did you tell school?", via, False, "(email, phone, app, letter, in-person; Enter to skip)"),
        cli_ask.Ask("--told", "Who did you tell?", told, False, "(Enter to skip)"),
    ], edit="--reason" if edit else None)

    def log(reason_text: str, accepted: bool, typed: str | None = None) -> "EntryView":
        return entries.add_absence(date, reason_text, until, sessions, via, told, child, accepted, typed,
                                   type_=type_)

    try:
        view = log(reason, accept_wording)
    except WordingNeedsConfirmation as exc:
        _show_check(exc.result, _err())
        if not _interactive():
            raise
        view = cli_ask.wording_gate(exc.result, log, child)
    _logged(view, as_json)


@app.command("add-call")
def add_call(
    ctx: typer.Context,
    with_: Annotated[Optional[str], typer.Option("--with", metavar="NAME", help="Who you spoke to. Needed; asked for in a terminal.")] = None,
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

    with_, when, summary, agreed = cli_ask.fill(ctx, [
        cli_ask.Ask("--with", "Who did you speak to?", with_),
        cli_ask.Ask("--when", "When was the call?", when, False, "(e.g. 'today 9:10'; Enter for now)"),
        cli_ask.Ask("--summary", "What was said?", summary),
        cli_ask.Ask("--agreed", "What was agreed?", agreed, False, "(Enter if nothing)"),
    ], edit="--summary" if edit else None)

    _logged(entries.add_call(with_, summary, role, when, direction, agreed, minutes, child), as_json)


@app.command("add-gp")
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

    date, clinician, summary = cli_ask.fill(ctx, [
        cli_ask.Ask("--date", "When was the visit?", date, False, "(e.g. 'yesterday 4pm'; Enter for now)"),
        cli_ask.Ask("--clinician", "Who did you see?", clinician, False, "(Enter to skip)"),
        cli_ask.Ask("--summary", "What did the GP say or do?", summary),
    ], edit="--summary" if edit else None)

    _logged(entries.add_gp(summary, date, clinician, referral, letter, child, letter_file), as_json)


@app.command("add-meeting")
def add_meeting(
    ctx: typer.Context,
    with_: Annotated[Optional[str], typer.Option("--with", metavar="NAMES", help="Who was there from school or elsewhere. Needed; asked for in a terminal.")] = None,
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

    with_, date, summary, agreed = cli_ask.fill(ctx, [
        cli_ask.Ask("--with", "Who was at the meeting?", with_),
        cli_ask.Ask("--date", "When was it?", date, False, "(e.g. '15/09/2026 15:30'; Enter for now)"),
        cli_ask.Ask("--summary", "What was discussed?", summary),
        cli_ask.Ask("--agreed", "What was agreed?", agreed, False, "(Enter if nothing)"),
    ], edit="--summary" if edit else None)

    _logged(entries.add_meeting(with_, summary, date, witness, agreed, minutes_requested, child), as_json)


@app.command("add-note")
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

    text, when = cli_ask.fill(ctx, [
        cli_ask.Ask("TEXT", "What do you want to note?", text),
        cli_ask.Ask("--when", "When was it?", when, False, "(e.g. 'today 7am'; Enter for now)"),
    ], edit="TEXT" if edit else None)

    _logged(entries.add_note(text, when, child), as_json)


@app.command("list")
def list_(
    kind: Annotated[Optional[list[str]], typer.Option("--kind", metavar="KIND", help="absence, call, gp, meeting, note or email; repeat for several.")] = None,
    from_: Annotated[Optional[str], typer.Option("--from", metavar="DATE", help="From this day.")] = None,
    to: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="Up to and including this day.")] = None,
    child: Annotated[Optional[str], typer.Option("--child", metavar="NAME", help="Only this child's entries (default: every child).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List entries in the order they happened."""
    from refusal_log import entries

    views = entries.list_entries(kind, from_, to, child)
    if as_json:
        return _print_json([v.to_json() for v in views])
    if not views:
        _err().print("No entries match.")
        return
    several = len({v.child for v in views}) > 1
    rows = []
    for v in views:
        moment = v.when_text
        flags = ", ".join(filter(None, [
            f"wording: {v.fields['verdict']}" if v.fields.get("verdict") not in (None, "ok") else "",
            "corrected" if v.corrected else "", "withdrawn" if v.withdrawn else "",
        ]))
        rows.append([v.id, moment, *([v.child] if several else []), v.label, v.who or "", _clip(v.summary), flags])
    _table(["id", "when", *(["child"] if several else []), "kind", "who", "what", "notes"], rows)


@app.command()
def show(
    entry_id: Annotated[int, typer.Argument(metavar="ID", parser=entry_number, help="The entry's id, as 'list' shows it.")],
    as_json: JsonOpt = False,
) -> None:
    """Show one entry in full, with its whole history."""
    from refusal_log import entries

    view = entries.get_entry(entry_id)
    if as_json:
        return _print_json(view.to_json(history=True))
    from refusal_log.cli_show import show_entry

    show_entry(view, _out())


# --- Keeping the record sound --------------------------------------------------------

@app.command()
def edit(
    entry_id: Annotated[int, typer.Argument(metavar="ID", parser=entry_number, help="The entry to correct.")],
    why: Annotated[Optional[str], typer.Option("--why", help="Why the correction is made (kept with it).")] = None,
    date: Annotated[Optional[str], typer.Option("--date", metavar="DATE", help="Absence: the first day. GP visit, meeting: when.")] = None,
    when: Annotated[Optional[str], typer.Option("--when", metavar="DATETIME", help="Call, note: when it happened.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="DATE")] = None,
    sessions: Annotated[Optional[str], typer.Option("--sessions")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason")] = None,
    via: Annotated[Optional[str], typer.Option("--via")] = None,
    told: Annotated[Optional[str], typer.Option("--told", metavar="NAME")] = None,
    type_: Annotated[Optional[str], typer.Option("--type", metavar="TYPE", help="Absence: the kind of absence (illness, appointment, leave, religious, part-time, transport, exclusion or other).")] = None,
    with_: Annotated[Optional[str], typer.Option("--with", metavar="NAME")] = None,
    role: Annotated[Optional[str], typer.Option("--role")] = None,
    direction: Annotated[Optional[str], typer.Option("--direction")] = None,
    summary: Annotated[Optional[str], typer.Option("--summary")] = None,
    agreed: Annotated[Optional[str], typer.Option("--agreed")] = None,
    minutes: Annotated[Optional[int], typer.Option("--minutes", metavar="N")] = None,
    clinician: Annotated[Optional[str], typer.Option("--clinician", metavar="NAME")] = None,
    referral: Annotated[Optional[list[str]], typer.Option("--referral", help="Replaces the list of referrals; repeat for several.")] = None,
    letter: Annotated[Optional[str], typer.Option("--letter")] = None,
    witness: Annotated[Optional[str], typer.Option("--witness", metavar="NAME")] = None,
    minutes_requested: Annotated[Optional[bool], typer.Option("--minutes-requested/--no-minutes-requested")] = None,
    text: Annotated[Optional[str], typer.Option("--text", help="Note: the corrected text.")] = None,
    accept_wording: Annotated[bool, typer.Option("--accept-wording", help="Keep a corrected absence reason even if the wording check advises against it.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Correct an entry; the original is kept.

    Give the options to change, as on the entry's add command. The correction is
    added as a new revision; every earlier one stays in the log.
    """
    from refusal_log import entries

    changes = {"date": date, "when": when, "until": until, "sessions": sessions, "reason": reason, "via": via,
               "told": told, "type": type_, "with": with_, "role": role, "direction": direction, "summary": summary,
               "agreed": agreed, "minutes": minutes, "clinician": clinician, "referral": referral,
               "letter": letter, "witness": witness, "minutes_requested": minutes_requested, "text": text}
    try:
        view = entries.edit_entry(entry_id, changes, why, accept_wording)
    except WordingNeedsConfirmation as exc:
        _show_check(exc.result, _err())
        raise
    if as_json:
        return _print_json(view.to_json(history=True))
    sys.stdout.write(f"Corrected entry {view.id}: revision {view.revision} added; earlier revisions are kept.\n")


@app.command()
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
        return _print_json(view.to_json(history=True))
    sys.stdout.write(f"Withdrew entry {view.id}. It is kept, with your reason, and 'show {view.id}' still shows it.\n")


@app.command()
def verify(
    head: Annotated[Optional[str], typer.Option("--head", metavar="HASH", help="A head hash printed on an earlier timeline, to check that copy against the log.")] = None,
) -> None:
    """Check that no record was changed outside refusal-log.

    Walks the hash chain, runs SQLite's integrity check and re-hashes every
    attachment; exits 1 naming the first entry that does not match.
    """
    from refusal_log import integrity

    result = integrity.verify(head)
    sys.stdout.write(result.summary() + "\n")


@app.command()
def attach(
    entry_id: Annotated[int, typer.Argument(metavar="ID", parser=entry_number, help="The entry the files belong to.")],
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="Letters, screenshots, scans.")],
    as_json: JsonOpt = False,
) -> None:
    """Keep files (letters, scans) with an entry.

    Each file is copied into the log under its SHA-256, owner-only.
    """
    from refusal_log import attachments

    kept = attachments.attach(entry_id, files)
    if as_json:
        return _print_json(kept)
    for item in kept:
        sys.stdout.write(f"Attached {item['name']} ({item['size']} bytes, sha256 {item['sha256'][:12]}…) to entry {entry_id}.\n")


@app.command("import-email")
def import_email(
    files: Annotated[list[str], typer.Argument(metavar="FILE.eml...", help="Emails saved from your mail program.")],
    child: ChildOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Keep emails (.eml files) as entries.

    Importing the same message twice changes nothing.
    """
    from refusal_log import emails

    result = emails.import_emails(files, child)
    if as_json:
        return _print_json({"imported": [v.to_json() for v in result.imported],
                            "skipped": [{"file": f, "entry": i} for f, i in result.skipped]})
    for view in result.imported:
        sys.stdout.write(visible(f"Imported entry {view.id}: {view.summary or '(no subject)'}") + "\n")
    for name, existing in result.skipped:
        _err().print(f"Already in the log as entry {existing}, so left as it is: {name}")


@app.command()
def backup(
    out: Annotated[Optional[str], typer.Option("--out", metavar="FILE", help="Where to write the backup (default: the home's backups folder).")] = None,
) -> None:
    """Back up the whole log, attachments included."""
    from refusal_log import backup as backups

    result = backups.backup(out)
    sys.stdout.write(f"{result.path}\n")
    _err().print(f"Backed up {result.entries} entries ({result.size:,} bytes). Keep a copy somewhere other "
                 "than this computer, such as a USB stick.")


@app.command()
def restore(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A backup made by 'refusal-log backup'.")],
    force: Annotated[bool, typer.Option("--force", help="Replace a log that already has entries (it is backed up first).")] = False,
) -> None:
    """Restore a backup; every file's hash is checked first.

    Restores into a home with no entries; a log that has entries is replaced only
    with --force, and is backed up first.
    """
    from refusal_log import backup as backups

    result = backups.restore(file, force)
    if result.previous_backup:
        _err().print(f"The log that was here is saved in {result.previous_backup}.")
    sys.stdout.write(f"Restored {result.entries} entries into {result.home}; chain intact, head {result.head}\n")


@app.command()
def export(
    format_: Annotated[str, typer.Option("--format", help="json (complete; can be imported again) or csv (for a spreadsheet).")] = "json",
    out: Annotated[Optional[str], typer.Option("--out", metavar="FILE", help="Write to this file instead of the screen.")] = None,
) -> None:
    """Export the whole log as JSON or CSV."""
    from refusal_log import exchange

    document = exchange.export(format_)
    if out is None:
        sys.stdout.write(document)
        return
    _err().print(f"Exported to {paths.write_user_file(out, document)}.")


@app.command("import")
def import_(
    file: Annotated[str, typer.Argument(metavar="FILE.json", help="A file made by 'refusal-log export --format json'.")],
) -> None:
    """Recreate an exported log in a new, empty home."""
    from refusal_log import exchange

    count = exchange.import_json(file)
    sys.stdout.write(f"Imported {count} entries into {paths.home_dir()}.\n")


# --- Checking wording ---------------------------------------------------------------

@app.command()
def check(
    text: Annotated[Optional[str], typer.Argument(help="The reason or sentence to check; '-' reads it from standard input.")] = None,
    file: Annotated[Optional[str], typer.Option("--file", metavar="FILE", help="Check a whole draft (an email, a letter) sentence by sentence.")] = None,
    region: Annotated[Optional[str], typer.Option("--region", metavar="NATION", help="Whose law to follow: england, wales, scotland or northern-ireland (default: your log's, else england).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Check an absence reason's wording against the FAQ.

    Prints the verdict (ok, caution or avoid), why, the source, and a suggested
    wording. It exits 0 whatever the verdict; use --json to read it in a script.
    """
    # Only the small wording engine: no database, no templates.
    from refusal_log import wording
    from refusal_log.wording.region import home_region

    # The nation decides the law cited: --region, else the log's own, else England (said).
    defaulted = False
    if region is None:
        region = home_region(paths.db_path())
        if region not in wording.REGIONS:
            region, defaulted = "england", True
    note = ("This follows the law in England. For a child in Wales, Scotland or Northern Ireland, "
            "use --region (or refusal-log region set NATION).") if defaulted else None
    if file is not None:
        from refusal_log.text import read_text_file

        draft = read_text_file(file)
        document = wording.check_document(draft, region=region)
        if as_json:
            return _print_json(_check_json(document.to_dict(), document.region, note))
        _show_document(document, draft)
        return _show_check_footer(document.region, note)
    if text is None:
        _fail("Give the text to check, for example: refusal-log check \"too unwell to attend today\".")
    if text == "-":
        text = sys.stdin.read()
    result = wording.check_text(text, region=region)
    if as_json:
        return _print_json(_check_json(result.to_dict(), result.region, note))
    _show_check(result, _out())
    _show_check_footer(result.region, note)


def _check_json(data: dict, region: str, note: str | None) -> dict:
    from refusal_log.wording import load_rules

    data["region"] = region
    data["disclaimer"] = load_rules().disclaimer_for(region)
    if note:
        data["region_note"] = note
    return data


def _show_check_footer(region: str, note: str | None) -> None:
    from rich.text import Text

    from refusal_log.wording import load_rules

    console = _out()
    console.print(Text(f"\n{load_rules().disclaimer_for(region)}", style="dim"), soft_wrap=True)
    if note:
        console.print(Text(note, style="dim"), soft_wrap=True)


# --- Showing things -----------------------------------------------------------------

def _clip(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _table(headers: list[str], rows: list[list[Any]]) -> None:
    from rich.table import Table

    table = Table(*headers, show_lines=False)
    for row in rows:
        table.add_row(*("" if cell is None else visible(str(cell)) for cell in row))
    _out().print(table)


_VERDICT_STYLE = {"ok": "bold green", "caution": "bold yellow", "avoid": "bold red"}
_VERDICT_WORDS = {
    "ok": "OK: this wording fits the law's sickness defence.",
    "caution": "Take care: this wording may not be read as illness.",
    "avoid": "Better not: this wording could be read as a choice, not illness.",
}


def _show_check(result: "CheckResult", console: "Console") -> None:
    from rich.text import Text

    # soft_wrap: long explanations are wrapped by the terminal, at its own width.
    say = lambda text: console.print(text, soft_wrap=True)  # noqa: E731
    say(Text(_VERDICT_WORDS[result.verdict], style=_VERDICT_STYLE[result.verdict]))
    if result.findings:
        marked = Text(result.text)
        for finding in result.findings:
            marked.stylize("reverse " + _VERDICT_STYLE[finding.severity].split()[-1], finding.start, finding.end)
        marked.rstrip()
        say(Text("  ").append(marked))
    for finding in result.findings:
        _show_finding(finding, say)
    if result.suggestion:
        say(Text("  Suggested wording: ", style="bold").append(result.suggestion))
    for hint in result.hints:
        say(Text(f"  Tip: {hint}", style="dim"))


def _show_finding(finding, say) -> None:
    from rich.text import Text

    say(Text(f"  • {finding.matched!r} ({finding.severity}): ", style="bold").append(finding.why, style=""))
    say(Text(f"    Source: {finding.source}", style="dim"))


def _show_document(document, draft: str) -> None:
    from rich.text import Text

    say = lambda text: _out().print(text, soft_wrap=True)  # noqa: E731
    say(Text(f"Whole draft: {_VERDICT_WORDS[document.verdict]}", style=_VERDICT_STYLE[document.verdict]))
    for sentence in document.sentences:
        if sentence.verdict == "ok" and not sentence.findings:
            continue
        line = draft.count("\n", 0, sentence.start) + 1
        say(Text(f"\nLine {line}: ", style="bold").append(_clip(sentence.text, 100)))
        for finding in sentence.findings:
            _show_finding(finding, say)
        if sentence.suggestion:
            say(Text("  Suggested wording: ", style="bold").append(sentence.suggestion))


from refusal_log import cli_output, cli_search  # noqa: E402  (the commands kept in their own modules)

cli_family.register(app, _Group)
cli_output.register(app, _Group)
cli_search.register(app)
# Last: plain help for every command registered above.
use_plain_help(app)


def main() -> None:
    try:
        app()
    except SystemExit:
        # Output still buffered for a reader who has gone is flushed here, quietly.
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(ExitCode.ERROR) from None
        raise
