"""Where the child stands: `calendar ...`, `register ...`, `attendance` and the
register-correction draft. Thin commands over schoolcalendar.py, register.py and
attendance.py; added to the app by cli.py with `cli_attendance.register_commands(app, group)`.
Domain modules are imported inside each command: `holidays`, `icalendar` and
sqlmodel stay off the start-up path.
"""


import json
import sys
from typing import Annotated, Any, Optional

import typer

from refusal_log.text import visible

ChildOpt = Annotated[Optional[str], typer.Option("--child", metavar="NAME", help="Which child (needed only when the log has more than one).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
FromOpt = Annotated[str, typer.Option("--from", metavar="DATE", help="The first day.")]


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _say(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


# --- calendar ------------------------------------------------------------------------

def add_term(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The term's name, such as \"Autumn 2026\".")],
    from_: FromOpt,
    to: Annotated[str, typer.Option("--to", metavar="DATE", help="The last day of the term.")],
    child: ChildOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a school term (first and last day)."""
    from refusal_log import schoolcalendar

    term = schoolcalendar.add_term(name, from_, to, child)
    if as_json:
        return _json(term.to_json())
    sys.stdout.write(f"Added the term {term.name}: {term.starts:%d/%m/%Y} to {term.ends:%d/%m/%Y}.\n")


def add_closure(
    from_: FromOpt,
    to: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="The last day, if more than one.")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", metavar="TEXT", help="INSET day, strike, snow...")] = None,
    child: ChildOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a day (or days) the school was closed: INSET days, strikes, snow."""
    from refusal_log import schoolcalendar

    closure = schoolcalendar.add_closure(from_, to, reason, child)
    if as_json:
        return _json(closure.to_json())
    span = f"{closure.starts:%d/%m/%Y}" + (f" to {closure.ends:%d/%m/%Y}" if closure.ends != closure.starts else "")
    sys.stdout.write(f"Added a closure: {span}{f' ({closure.reason})' if closure.reason else ''}.\n")


def list_calendar(child: ChildOpt = None, as_json: JsonOpt = False) -> None:
    """Show the terms, closures and bank holidays, and how many school days they make."""
    from refusal_log import schoolcalendar

    cal = schoolcalendar.load(child)
    data = cal.to_json()
    if as_json:
        return _json(data)
    if not cal.terms:
        _say("No terms are set yet. Add one: refusal-log calendar add-term NAME --from DATE --to DATE")
        return
    from rich.table import Table

    from rich.markup import escape

    table = Table(title=escape(f"{cal.child}'s school calendar ({schoolcalendar.NATION_NAMES[cal.nation]})"))
    for column in ("ID", "What", "From", "To", "Name"):
        table.add_column(column)
    from rich.text import Text  # names are the family's own text, never rich markup

    for t in cal.terms:
        table.add_row(f"T{t.id}", "Term", f"{t.starts:%d/%m/%Y}", f"{t.ends:%d/%m/%Y}", Text(visible(t.name)))
    for c in cal.closures:
        table.add_row(f"C{c.id}", "Closure", f"{c.starts:%d/%m/%Y}", f"{c.ends:%d/%m/%Y}", Text(visible(c.reason or "")))
    for d, n in cal.holidays_in_terms():
        table.add_row("", "Bank holiday", f"{d:%d/%m/%Y}", "", Text(n))
    _console().print(table)
    sys.stdout.write(f"{data['school_days']} school days, {data['sessions']} sessions.\n")


def remove_from_calendar(
    item: Annotated[str, typer.Argument(metavar="ID", help="The term or closure, as 'calendar list' shows it: T2, C5.")],
    why: Annotated[str, typer.Option("--why", metavar="TEXT", help="Why it is removed (kept with it).")],
    child: ChildOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Take a term or closure typed wrongly out of the count (it is kept, marked removed)."""
    from refusal_log import schoolcalendar

    removed = schoolcalendar.remove(item, why, child)
    if as_json:
        return _json(removed.to_json())
    sys.stdout.write(visible(f"Removed the {removed.what} {removed.label} from the count; it is kept, "
                             "with your reason.") + "\n")


def import_calendar(
    file: Annotated[str, typer.Argument(metavar="FILE", help="Term dates from the council or school (CSV: name, from, to, and kind term or closure).")],
    child: ChildOpt = None,
) -> None:
    """Import term dates and closures from an .ics or CSV file."""
    from refusal_log import schoolcalendar

    result = schoolcalendar.import_calendar(file, child)
    for t in result.terms:
        sys.stdout.write(visible(f"Term {t.name}: {t.starts:%d/%m/%Y} to {t.ends:%d/%m/%Y}") + "\n")
    for c in result.closures:
        sys.stdout.write(visible(f"Closure {c.reason or ''}: {c.starts:%d/%m/%Y} to {c.ends:%d/%m/%Y}") + "\n")
    if result.skipped:
        _say("Not used (neither a term nor a closure): " + "; ".join(result.skipped))
    _say(f"Imported {len(result.terms)} terms and {len(result.closures)} closures.")


# --- register -------------------------------------------------------------------------

def _report(result, as_json: bool) -> None:
    for note in result.notes:
        _say(note)
    if as_json:
        return _json({"added": [m.to_json() for m in result.added], "corrected": [m.to_json() for m in result.corrected],
                      "unchanged": result.unchanged})
    sys.stdout.write(f"Recorded {len(result.added)} register code{'s' if len(result.added) != 1 else ''}"
                     + (f", corrected {len(result.corrected)} (earlier codes are kept)" if result.corrected else "")
                     + (f"; {result.unchanged} already as recorded" if result.unchanged else "") + ".\n")


def register_set(
    date: Annotated[str, typer.Argument(metavar="DATE", help="The day (or the first day, with --to).")],
    to: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="Every school day up to this one.")] = None,
    am: Annotated[Optional[str], typer.Option("--am", metavar="CODE", help="The morning code, as the school wrote it.")] = None,
    pm: Annotated[Optional[str], typer.Option("--pm", metavar="CODE", help="The afternoon code, as the school wrote it.")] = None,
    source: Annotated[Optional[str], typer.Option("--source", metavar="TEXT", help="Where you saw it: printout, parent app, letter of 3 Oct...")] = None,
    category: Annotated[Optional[str], typer.Option("--category", metavar="WORD", help="Outside England: present, authorised, unauthorised or not-counted.")] = None,
    why: Annotated[Optional[str], typer.Option("--why", metavar="TEXT", help="Why a code changed (kept with the correction).")] = None,
    child: ChildOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the code the school gave a session."""
    from refusal_log import register

    _report(register.set_marks(date, to, am, pm, source, category, child, why), as_json)


def register_import(
    file: Annotated[str, typer.Argument(metavar="FILE.csv", help="Columns date, am, pm, with a header row.")],
    source: Annotated[Optional[str], typer.Option("--source", metavar="TEXT", help="Where it came from (default: the file's name).")] = None,
    category: Annotated[Optional[str], typer.Option("--category", metavar="WORD", help="Outside England, for every code without its own category column.")] = None,
    child: ChildOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Import the school's register codes from a CSV file."""
    from refusal_log import register

    _report(register.import_register(file, source, category, child), as_json)


def register_list(child: ChildOpt = None, as_json: JsonOpt = False) -> None:
    """Show the register codes recorded, latest for each session."""
    from refusal_log import register

    marks = register.list_marks(child)
    if as_json:
        return _json([m.to_json() for m in marks])
    if not marks:
        _say("No register codes are recorded yet. Add one: refusal-log register set DATE --am CODE --pm CODE")
        return
    from rich.table import Table
    from rich.text import Text  # codes and sources as the school wrote them, never rich markup

    table = Table()
    for column in ("Date", "Session", "Code", "Category", "Source", "Entry"):
        table.add_column(column)
    for m in marks:
        table.add_row(f"{m.date:%d/%m/%Y}", m.session, Text(visible(m.code)), m.category, Text(visible(m.source or "")),
                      f"{m.entry_id}" + (f" (rev {m.revision})" if m.revision > 1 else ""))
    _console().print(table)


# --- attendance -----------------------------------------------------------------------

def attendance(
    from_: Annotated[Optional[str], typer.Option("--from", metavar="DATE", help="From this day (default: the first term).")] = None,
    to: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="Up to this day (default: today, or the last term's end).")] = None,
    child: ChildOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Where the child stands: the figures from your log and the school's register, and where they differ."""
    from refusal_log import attendance as figures

    st = figures.standing(from_, to, child)
    if as_json:
        return _json(st.to_json())
    _draw(st)


def _draw(st) -> None:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from refusal_log import attendance_view as view

    grid = Table(box=None, padding=(0, 1), show_header=True, header_style="bold")
    grid.add_column("Week of", no_wrap=True, min_width=10)
    for name in ("Mon", "Tue", "Wed", "Thu", "Fri"):
        grid.add_column(name, no_wrap=True, min_width=5)
    for week in view.calendar_map(st):
        cells = []
        for d in week:
            text = Text()
            for half in (d.am, d.pm):
                text.append(view.half_text(half), style=view.STATES[half.state][1])
            text.append("!" if d.am.flagged or d.pm.flagged else " ", style="bold")
            cells.append(text)
        grid.add_row(f"{week[0].day:%d/%m/%Y}", *cells)
    key = Text()
    samples = view.legend_samples(st.nation)
    for state, (_, style, _, _) in view.STATES.items():
        if state in samples:
            key.append(samples[state], style=style)
            key.append(f" {view.legend_words(state, st.nation)}   ")
    key.append("! your record and the school's differ; blank: no school, or outside the period")
    facts = Text("\n\n".join(view.figures_lines(st)))
    layout = Table.grid(padding=(0, 3))
    layout.add_column(no_wrap=True)
    layout.add_column(ratio=1, min_width=30)
    layout.add_row(grid, facts)
    console = _console()
    console.print(Group(Text(f"Where {st.child} stands", style="bold"), layout, key))
    for m in st.mismatches:
        console.print(f"! {m.date:%d/%m/%Y} {m.session} (code {m.school_code}): {m.why}", markup=False)


# --- the register-correction letter -----------------------------------------------------

def draft_register_correction(
    date: Annotated[str, typer.Option("--date", metavar="DATE", help="The day whose code should be corrected.")],
    child: ChildOpt = None,
    fmt: Annotated[Optional[str], typer.Option("--format", metavar="txt|eml", help="txt or eml. Default: from --out's name, else txt.")] = None,
    out: Annotated[Optional[str], typer.Option("--out", metavar="FILE", help="Save to this file (owner-only) instead of printing.")] = None,
) -> None:
    """Draft a letter asking the school to correct a register code."""
    from refusal_log import cli_documents, register_letter

    cli_documents.hand_over(register_letter.register_correction(date, child), fmt, out)


def register_commands(app: typer.Typer, group: type, draft_app: typer.Typer | None = None) -> None:
    """Add `calendar`, `register` and `attendance` (and the draft kind) to the app."""
    def sub(help_text: str) -> typer.Typer:
        return typer.Typer(cls=group, help=help_text, no_args_is_help=True, rich_markup_mode=None)

    calendar_app = sub("The school calendar: terms, closures and bank holidays.")
    calendar_app.command("add-term")(add_term)
    calendar_app.command("add-closure")(add_closure)
    calendar_app.command("list")(list_calendar)
    calendar_app.command("import")(import_calendar)
    calendar_app.command("remove")(remove_from_calendar)
    register_app = sub("The school's register: the code it gave each session.")
    register_app.command("set")(register_set)
    register_app.command("import")(register_import)
    register_app.command("list")(register_list)
    app.add_typer(calendar_app, name="calendar")
    app.add_typer(register_app, name="register")
    app.command("attendance")(attendance)
    if draft_app is not None:
        draft_app.command("register-correction")(draft_register_correction)
