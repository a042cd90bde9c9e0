"""Setting up: `init` (the child, the school, the parent's details) and `contact`.

The children themselves (`child ...`) and the nation (`region ...`) are in cli_family.py.
"""

from typing import Annotated, Optional

import typer

from refusal_log import cli_family
from refusal_log.cli_common import JsonOpt, err, fail, interactive, out, print_json, table


def init(
    child: Annotated[Optional[str], typer.Option("--child", help="The child's full name, e.g. 'Maya Bennett'.", metavar="NAME")] = None,
    school: Annotated[Optional[str], typer.Option("--school", help="The child's school.", metavar="NAME")] = None,
    born: cli_family.BornOpt = None,
    year_group: cli_family.YearOpt = None,
    form: cli_family.FormOpt = None,
    upn: cli_family.UpnOpt = None,
    school_type: cli_family.SchoolTypeOpt = None,
    parent: Annotated[Optional[str], typer.Option("--parent", help="Your name, to sign letters with.", metavar="NAME")] = None,
    relationship: Annotated[Optional[str], typer.Option("--relationship", metavar="WORDS", help="How you are related to the child, as letters should say it, e.g. grandmother or 'foster carer' (default: parent).")] = None,
    email: Annotated[Optional[str], typer.Option("--email", help="Your email address.", metavar="ADDRESS")] = None,
    school_email: Annotated[Optional[str], typer.Option("--school-email", help="The school's attendance or office email.", metavar="ADDRESS")] = None,
    region: Annotated[Optional[str], typer.Option("--region", metavar="NATION", help="england, wales, scotland or northern-ireland (default england): the law letters follow.")] = None,
) -> None:
    """Set up the log: child, school and your details.

    Asks for what is missing only when run in a terminal. Running it again never
    changes what was logged; it adds a child that is new and updates the details given.
    """
    from refusal_log import people

    if interactive():
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
        fail("init needs --child NAME (and --school NAME) when it is not run in a terminal.")
    result = people.setup(child, school, parent, email, school_email, region, born=born, year_group=year_group,
                          form=form, upn=upn, school_type=school_type, relationship=relationship)
    say = err()
    if result.child_added and result.others:
        name = result.child.name
        say.print(f"This log already had {', '.join(result.others)}, so {name} was added as another child; "
                  "commands now need --child NAME. If that was a slip, undo it with: "
                  f"refusal-log child remove \"{name}\"  (to correct a child's name instead: "
                  f"refusal-log child edit \"{result.others[0]}\" --name \"NEW NAME\")")
    elif result.child_added:
        say.print(f"Set up a log for {result.child.name} in {result.home}.")
    else:
        say.print(f"The log in {result.home} already has {result.child.name}; nothing logged was changed.")
    if result.updated and not result.child_added:
        say.print(f"Updated your details: {', '.join(result.updated)}.")
    if result.replaced_for:
        now_for = result.child.school or f"{result.child.name}'s school"
        say.print(f"The school email is now the one for {now_for}. The log keeps one school address, so drafts about "
                  f"a child at {result.replaced_for} will have no To line; add their address to those drafts yourself.")
    say.print("Next: log an absence or a call (refusal-log add-absence --help, refusal-log add-call --help),"
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
            fail(f"Nothing was changed. To correct a child's name: refusal-log child edit \"{others[0]}\" "
                  "--name \"NEW NAME\"")


def contact_add(
    name: Annotated[str, typer.Argument(help="Their name, as you would write it in a letter.")],
    role: Annotated[str, typer.Option("--role", help="e.g. attendance officer, SENCo, head of year, GP, CAMHS.")],
    email: Annotated[Optional[str], typer.Option("--email", metavar="ADDRESS")] = None,
    phone: Annotated[Optional[str], typer.Option("--phone", metavar="NUMBER")] = None,
) -> None:
    """Add a person you deal with (school staff, GP, CAMHS...)."""
    from refusal_log import people

    added = people.add_contact(name, role, email, phone)
    out().print(f"Added {added.name}, {added.role} (contact {added.id}).", markup=False)


def contact_list(as_json: JsonOpt = False) -> None:
    """List the people you deal with."""
    from refusal_log import people

    contacts = people.list_contacts()
    if as_json:
        return print_json([c.to_json() for c in contacts])
    table(["id", "name", "role", "email", "phone"], [[c.id, c.name, c.role, c.email, c.phone] for c in contacts])


def register(app: typer.Typer, group: type) -> None:
    """Add `init` and the `contact` commands; `group` is cli.py's error-mapping class."""
    app.command("init")(init)
    contact_app = typer.Typer(cls=group, help="People at school, the GP and elsewhere that you deal with.",
                              no_args_is_help=True, rich_markup_mode=None)
    contact_app.command("add")(contact_add)
    contact_app.command("list")(contact_list)
    app.add_typer(contact_app, name="contact")
