"""The family's commands: `child add/list/edit/remove` and `region set`.

Apart from cli.py so that the child's details (full name, year group, form, UPN,
school type) and the nation can grow without crowding the logging commands; cli.py
adds them with `cli_family.register(app, group)`. The same conventions hold: thin
commands, domain modules imported inside each command, data on stdout, messages on
stderr.
"""


import json
import sys
from typing import Annotated, Optional

import typer

from refusal_log.text import visible

BornOpt = Annotated[Optional[str], typer.Option("--born", metavar="DATE", help="Date of birth, day first.")]
YearOpt = Annotated[Optional[str], typer.Option("--year-group", metavar="TEXT", help="Their year group, e.g. 'Year 9'.")]
FormOpt = Annotated[Optional[str], typer.Option("--form", metavar="TEXT", help="Their form or class, e.g. 9R.")]
UpnOpt = Annotated[Optional[str], typer.Option("--upn", metavar="TEXT", help="Their unique pupil number, if you know it.")]
SchoolTypeOpt = Annotated[Optional[str], typer.Option("--school-type", metavar="TYPE", help="maintained, academy, free, independent, special, pru or other.")]


def _say(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")


def child_add(
    name: Annotated[str, typer.Argument(help="The child's full name, e.g. 'Maya Bennett'.")],
    school: Annotated[Optional[str], typer.Option("--school", metavar="NAME", help="Their school.")] = None,
    born: BornOpt = None,
    year_group: YearOpt = None,
    form: FormOpt = None,
    upn: UpnOpt = None,
    school_type: SchoolTypeOpt = None,
) -> None:
    """Add a child to the log."""
    from refusal_log import people

    added = people.add_child(name, school, born, year_group=year_group, form=form, upn=upn,
                             school_type=school_type)
    sys.stdout.write(f"Added {added.name} (child {added.id}).\n")


def child_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False) -> None:
    """List the children in the log, with their details."""
    from refusal_log import people

    children = people.list_children()
    if as_json:
        sys.stdout.write(json.dumps([c.to_json() for c in children], ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("id", "name", "school", "born", "year group", "form", "UPN", "school type")
    for c in children:
        table.add_row(*("" if v is None else visible(str(v)) for v in
                        (c.id, c.name, c.school, c.born, c.year_group, c.form, c.upn, c.school_type)))
    Console(highlight=False).print(table)


def child_edit(
    child: Annotated[str, typer.Argument(metavar="NAME", help="The child, as the log names them (a first name is enough).")],
    name: Annotated[Optional[str], typer.Option("--name", metavar="TEXT", help="Their full name.")] = None,
    school: Annotated[Optional[str], typer.Option("--school", metavar="NAME", help="Their school.")] = None,
    born: BornOpt = None,
    year_group: YearOpt = None,
    form: FormOpt = None,
    upn: UpnOpt = None,
    school_type: SchoolTypeOpt = None,
    why: Annotated[Optional[str], typer.Option("--why", metavar="TEXT", help="Why it changed, e.g. 'moved up a year' (kept with it).")] = None,
) -> None:
    """Correct a child's details; the earlier details are kept."""
    from refusal_log import people

    changes = {"name": name, "school": school, "born": born, "year_group": year_group, "form": form,
               "upn": upn, "school_type": school_type}
    revised = people.edit_child(child, {k: v for k, v in changes.items() if v is not None}, why)
    sys.stdout.write(f"Updated {revised.name}'s details (version {revised.revision}); the earlier ones are kept.\n")


def child_remove(
    child: Annotated[str, typer.Argument(metavar="NAME", help="The child added by mistake.")],
    reason: Annotated[Optional[str], typer.Option("--reason", metavar="TEXT", help="Why (kept with the record).")] = None,
) -> None:
    """Undo adding a child by mistake (only while nothing is logged for them)."""
    from refusal_log import people

    removed = people.remove_child(child, reason)
    sys.stdout.write(f"Removed {removed.name}. The log keeps a note that {removed.name} was added and removed.\n")


def region_set(
    region: Annotated[str, typer.Argument(metavar="REGION", help="england, wales, scotland or northern-ireland.")],
) -> None:
    """Set the nation whose law letters and checks follow."""
    from refusal_log import dates, nations, people, register

    key = people.set_region(region)
    law = nations.nation(key)
    _say(f"Letters and wording checks now follow the law of {law.name}."
         + (f" {law.unverified}" if law.unverified else ""))
    lettered = register.england_lettered() if key != "england" else []
    if lettered:
        day, code = lettered[0]
        _say(f"{len(lettered)} register code{'s' if len(lettered) > 1 else ''} already in the log (the first, {code}, "
             f"on {dates.human_date(day)}) {'were' if len(lettered) > 1 else 'was'} entered with England's letters and "
             f"keep England's meaning. If the school uses {law.name}'s own codes, set them again with what they mean: "
             "refusal-log register set DATE --am CODE --category CATEGORY.")


def region_show(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Show the nation whose law letters and checks follow."""
    from refusal_log import people, store

    nation = people.region_of(people.profile() if store.exists() else {})
    if as_json:
        sys.stdout.write(json.dumps({"region": nation.key, "name": nation.name}) + "\n")
        return
    sys.stdout.write(f"{nation.key} ({nation.name})\n")


def register(app: typer.Typer, group: type) -> None:
    """Add the child and region commands; `group` is cli.py's error-mapping class."""
    def sub(help_text: str) -> typer.Typer:
        return typer.Typer(cls=group, help=help_text, no_args_is_help=True, rich_markup_mode=None)

    child_app = sub("The child (or children) the log is about.")
    child_app.command("add")(child_add)
    child_app.command("list")(child_list)
    child_app.command("edit")(child_edit)
    child_app.command("remove")(child_remove)
    region_app = sub("The nation whose law the letters follow: england, wales, scotland or northern-ireland.")
    region_app.command("set")(region_set)
    region_app.command("show")(region_show)
    app.add_typer(child_app, name="child")
    app.add_typer(region_app, name="region")
