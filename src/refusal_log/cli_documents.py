"""The output commands: `timeline`, `draft ...` and `demo`.

They live apart from cli.py so that the output work can grow (more draft kinds,
more formats) without crowding the logging commands; cli.py adds them to the app
with `cli_documents.register(app)`. The same conventions hold: thin commands, domain
modules imported inside each command (jinja2 and sqlmodel stay off the start-up
path), documents on stdout, messages on stderr.
"""

import sys
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from refusal_log import kinds
from refusal_log.cli_help import entry_number
from refusal_log.text import counted

if TYPE_CHECKING:
    from refusal_log.letters import Draft

ChildOpt = Annotated[Optional[str], typer.Option("--child", metavar="NAME", help="Which child (needed only when the log has more than one).")]
OutOpt = Annotated[Optional[str], typer.Option("--out", metavar="FILE", help="Save to this file (owner-only) instead of printing.")]
DraftFormatOpt = Annotated[Optional[str], typer.Option("--format", metavar="txt|eml", help="txt (to read or paste) or eml (opens in your email program as a draft). Default: from --out's name, else txt.")]


def _say(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")


def timeline(
    from_: Annotated[Optional[str], typer.Option("--from", metavar="DATE", help="From this day.")] = None,
    to: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="Up to and including this day.")] = None,
    child: Annotated[Optional[str], typer.Option("--child", metavar="NAME", help="Only this child's entries (default: every child).")] = None,
    kind: Annotated[Optional[list[str]], typer.Option("--kind", metavar="KIND", help=f"{kinds.choices_text()}; repeat for several.")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", metavar="txt|md|html|pdf", help="txt, md (for an email), html (to print or send) or pdf (printed by a local Chromium, Chrome or Edge). Default: from --out's name (.txt, .md, .html, .pdf), else txt.")] = None,
    out: OutOpt = None,
    include_withdrawn: Annotated[bool, typer.Option("--include-withdrawn", help="Also show withdrawn entries, marked as withdrawn.")] = False,
    show_checks: Annotated[bool, typer.Option("--show-checks", help="Also show what the wording check said of each absence reason when it was logged (left out by default: a timeline is for others to read).")] = False,
) -> None:
    """Show the log as a dated timeline, in time order."""
    from refusal_log import paths, render, timeline_files

    if out is not None:
        from pathlib import Path

        paths.refuse_if_part_of_log(Path(out))  # said first: the log itself is never a place to write
    chosen = timeline_files.choose_format(fmt, out)
    # A PDF is the HTML timeline printed by a browser, found before anything is written.
    if chosen == "pdf":
        timeline_files.require_browser()
    document = render.timeline("html" if chosen == "pdf" else chosen, from_=from_, to=to, child=child,
                               kinds=kind, include_withdrawn=include_withdrawn, fingerprint=True,
                               show_checks=show_checks)
    if document.count == 0:
        _say("No entries match, so the timeline says that nothing is logged for this period.")
    if out is None:
        sys.stdout.write(document.text)
        return
    data: str | bytes = timeline_files.print_pdf(document.text) if chosen == "pdf" else document.text
    path = paths.write_user_file(out, data)
    entries = counted(document.count)
    _say(f"Saved the timeline ({entries}) to {path}.")
    if chosen == "html":
        _say("Open it in a web browser to read or print it; it is laid out for A4.")


def hand_over(draft: "Draft", fmt: str | None, out: str | None) -> None:
    from refusal_log import letters, paths, render

    chosen = render.pick_format(fmt, out, allowed=letters.FORMATS, suffixes=letters.SUFFIX_FORMATS)
    from refusal_log.text import visible  # a typed ESC or bidi mark is named on the terminal, never run (attacker, 144)

    for note in draft.notes:
        _say(visible(note))
    data: str | bytes = draft.as_eml() if chosen == "eml" else draft.as_text()
    if out is None:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(visible(data))
        return
    path = paths.write_user_file(out, data)
    if chosen == "eml":
        _say(f"Saved the draft to {path}. Nothing has been sent: open it in your email program, "
             "read it through, then send it when you are ready.")
    else:
        _say(f"Saved the draft to {path}. Nothing has been sent.")


def draft_absence_email(
    date: Annotated[Optional[str], typer.Option("--date", metavar="DATE", help="The day of the absence (default today).")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", metavar="TEXT", help="Only when nothing is logged for the day: the reason, in your own words (used for this email, not stored).")] = None,
    type_: Annotated[Optional[str], typer.Option("--type", metavar="TYPE", help="With --reason: illness, appointment, leave, religious, part-time, transport or other (default: from the reason's words).")] = None,
    child: ChildOpt = None,
    own_words: Annotated[bool, typer.Option("--own-words", help="Give an illness reason exactly as you wrote it, even where the wording check would reword it (its note is still shown).")] = False,
    fmt: DraftFormatOpt = None,
    out: OutOpt = None,
) -> None:
    """Draft the email reporting an absence, worded for its type.

    It uses the reason logged for the day; with nothing logged, give --reason.
    Only an illness is worded as illness, and attendance codes follow the child's nation.
    """
    from refusal_log import letters

    hand_over(letters.absence_email(date, child, reason=reason, type_=type_, own_words=own_words), fmt, out)


def draft_meeting_summary(
    meeting: Annotated[int, typer.Option("--meeting", metavar="ID", parser=entry_number, help="The meeting's entry id, as 'refusal-log list --kind meeting' shows it.")],
    fmt: DraftFormatOpt = None,
    out: OutOpt = None,
) -> None:
    """Draft your summary of a meeting, asking for minutes."""
    from refusal_log import letters

    hand_over(letters.meeting_summary(meeting), fmt, out)


def draft_call_confirmation(
    call: Annotated[int, typer.Option("--call", metavar="ID", parser=entry_number, help="The call's entry id, as 'refusal-log list --kind call' shows it.")],
    fmt: DraftFormatOpt = None,
    out: OutOpt = None,
) -> None:
    """Draft an email confirming a phone call."""
    from refusal_log import letters

    hand_over(letters.call_confirmation(call), fmt, out)


def demo(
    ctx: typer.Context,
    home: Annotated[Optional[str], typer.Option("--home", metavar="DIR", help="An empty folder to build the example in (default: a new folder).")] = None,
) -> None:
    """Build a made-up example log to try things on."""
    import shlex

    from refusal_log import demo as example

    # The demo's own --home wins; then the global --home. Never $REFUSAL_LOG_HOME
    # or the default folder: either may be the family's real log.
    target = home or ctx.find_root().params.get("home")
    result = example.build(target)
    for path in result.files:
        sys.stdout.write(f"{path}\n")
    for note in result.notes:
        _say(note)
    where = shlex.quote(str(result.home))
    _say(
        f"Built a made-up example log in {result.home}: {result.entries} entries about "
        f"{result.child}, over the autumn term of 2026"
        + (f" (and {result.withdrawn} withdrawn, to show how one looks)" if result.withdrawn else "")
        + ". Nothing in it is real.\n"
        + (f"Its story runs to {result.story_ends}, so until then its later entries are marked 'still to come'.\n"
           if result.story_ends else "")
        + "Things to try:\n"
        f"  refusal-log --home {where} list\n"
        f"  refusal-log --home {where} timeline --format txt\n"
        f"  refusal-log --home {where} show {result.sample_entry}\n"
        f"  refusal-log --home {where} draft meeting-summary --meeting {result.sample_meeting}\n"
        f"  refusal-log --home {where} attendance\n"
        f"  refusal-log --home {where} due --as-of 01/12/2026\n"
        "  refusal-log check \"she is refusing to go in\""
    )


def register(app: typer.Typer, group: type) -> None:
    """Add timeline, draft and demo to the main app; `group` is cli.py's error-mapping class."""
    draft_app = typer.Typer(cls=group, no_args_is_help=True, rich_markup_mode=None,
                            help="Draft a letter or email from the log.")
    draft_app.command("absence-email")(draft_absence_email)
    draft_app.command("meeting-summary")(draft_meeting_summary)
    draft_app.command("call-confirmation")(draft_call_confirmation)
    app.command("timeline")(timeline)
    app.add_typer(draft_app, name="draft")
    app.command("demo")(demo)
    from refusal_log import cli_attendance  # calendar, register, attendance, draft register-correction

    cli_attendance.register_commands(app, group, draft_app)
    from refusal_log import cli_due  # request, action, due, and the request letters under draft

    cli_due.register_commands(app, group, draft_app)
