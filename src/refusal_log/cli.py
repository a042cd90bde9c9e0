"""The command line's root: the app, the one place errors become a sentence and exit 1,
and the registration of every command, which live in cli_*.py modules by subject
(cli_setup, cli_entries, cli_records, cli_check, cli_family, cli_documents,
cli_search, cli_attendance; shared helpers in cli_common).

Only cli*.py modules import typer or print. Data (tables, JSON, documents) goes to
stdout; messages, prompts and errors go to stderr, so that
`refusal-log timeline --format md > t.md` stays clean.

Heavy libraries (sqlmodel, jinja2) are imported inside the domain functions that
need them, never at the top of this module: `--help`, `--version`, `check` and shell
completion run on every start and must stay fast.
"""

import sys
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from refusal_log import __version__, cli_family, cli_params, paths
from refusal_log.cli_common import fail
from refusal_log.cli_help import use_plain_help
from refusal_log.errors import ExitCode, RefusalLogError

# Option values converted in plain Python, so that parsing them imports no pydantic.
cli_params.install()

class _Group(TyperGroup):
    """Turns every error a user can cause into one sentence on stderr and exit 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except RefusalLogError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            # Every write is one transaction: it is either whole in the log or not at all.
            sys.stderr.write("\nStopped. Nothing half-written was kept; if it stopped just after saving, "
                             "'refusal-log list' shows the entry.\n")
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:
            import os

            # Typer's own usage errors (exit 2) know how to show themselves; Typer
            # vendors Click and does not export the class, so recognise them by that.
            if os.environ.get("REFUSAL_LOG_DEBUG") or (hasattr(exc, "show") and hasattr(exc, "exit_code")):
                raise
            # A fault of ours, not the user's: every write is one transaction, so
            # nothing half-done was kept. Say so calmly instead of a traceback.
            first_line = (str(exc).strip().splitlines() or [""])[0][:200]
            fail(f"Something went wrong inside refusal-log ({type(exc).__name__}: {first_line}). Nothing half-done "
                  "was kept, and this is not something you did. Please report it; run again with "
                  "REFUSAL_LOG_DEBUG=1 to see the details.")
        finally:
            _print_notes()


def _print_notes() -> None:
    """What the store tidied up on the way (a copy left by a stopped backup), said once."""
    store = sys.modules.get("refusal_log.store")  # a command that never opened the store has none
    for note in store.take_notes() if store else []:
        sys.stderr.write(note + "\n")


app = typer.Typer(
    cls=_Group,
    name="refusal-log",
    help="Keep a dated record of a child's absences, calls with school, GP visits and meetings.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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



from refusal_log import (  # noqa: E402  (the commands, kept in modules along their subjects)
    cli_check,
    cli_documents,
    cli_entries,
    cli_records,
    cli_search,
    cli_setup,
)

# In this order: `--help` lists the commands as a parent meets them.
cli_setup.register(app, _Group)
cli_entries.register(app)
cli_records.register(app)
cli_check.register(app)
cli_family.register(app, _Group)
cli_documents.register(app, _Group)
cli_search.register(app)
# Last: plain help for every command registered above.
use_plain_help(app)


def main() -> None:
    app()
