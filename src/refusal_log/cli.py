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
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from refusal_log import __version__, cli_family, cli_params, paths
from refusal_log.cli_common import fail
from refusal_log.cli_help import use_plain_help
from refusal_log.errors import ExitCode, RefusalLogError, fault_message, interrupted_message

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
            sys.stderr.write(interrupted_message())
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except typer.Abort:
            # Ctrl+C (or Ctrl+D) at a question: stopped, like Ctrl+C anywhere else.
            sys.stderr.write(interrupted_message())
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except (typer.Exit, SystemExit):
            raise
        except BrokenPipeError:
            _reader_gone()
        except Exception as exc:
            import os

            # Typer's own usage errors (exit 2) know how to show themselves; Typer
            # vendors Click and does not export the class, so recognise them by that.
            if os.environ.get("REFUSAL_LOG_DEBUG") or (hasattr(exc, "show") and hasattr(exc, "exit_code")):
                _home_goes_first(exc)
                raise
            # A fault of ours, not the user's: every write is one transaction, so
            # nothing half-done was kept.
            fail(fault_message(exc))
        finally:
            _print_notes()

    def list_commands(self, ctx) -> list[str]:
        # The names alone: Typer's own walks the items, which would build every command.
        return list(self.commands)

    def format_commands(self, ctx, formatter) -> None:
        brief = getattr(self.commands, "brief", None)
        if brief is None:
            return super().format_commands(ctx, formatter)
        # As Typer lists them, from each command's help without building its options.
        shown = [(name, brief(name)) for name in self.list_commands(ctx)]
        shown = [(name, command) for name, command in shown if not command.hidden]
        if shown:
            limit = formatter.width - 6 - max(len(name) for name, _ in shown)
            with formatter.section("Commands"):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in shown])
        return None


def _home_goes_first(exc) -> None:
    """`refusal-log list --home DIR`: say where --home goes (the newcomer on round 169 was told only it is unknown)."""
    sub = getattr(getattr(exc, "ctx", None), "command_path", "").split(" ", 1)[1:]
    if getattr(exc, "option_name", None) == "--home" and sub:
        exc.message = f"--home goes before the command: refusal-log --home DIR {sub[0]} ..."
        exc.possibilities = ()


class _Commands(MutableMapping):
    """The root's commands by name, each built by Typer the first time it is asked for.

    Typer turns every command into a click command (its signature, type hints and
    options) before it runs any: about 20 ms for the sixty here, when a run needs one.
    The names are known without that, so help, "Did you mean" and shell completion
    still see them all, in the order they were registered.
    """

    def __init__(self, typer_app: typer.Typer) -> None:
        from typer.main import get_command_name, solve_typer_info_defaults

        self._app = typer_app
        self._built: dict[str, Any] = {}
        # Typer's order: the commands, then the groups.
        self._infos: dict[str, Any] = {}
        for info in typer_app.registered_commands:
            self._infos[info.name or get_command_name(info.callback.__name__)] = info
        for info in typer_app.registered_groups:
            self._infos[solve_typer_info_defaults(info).name] = info

    def __getitem__(self, name: str):
        if name not in self._built:
            info = self._infos[name]  # KeyError: no such command
            from typer.main import TyperInfo, get_command_from_info, get_group_from_info

            settings = {"pretty_exceptions_short": self._app.pretty_exceptions_short,
                        "rich_markup_mode": self._app.rich_markup_mode}
            self._built[name] = (get_group_from_info(info, suggest_commands=self._app.suggest_commands, **settings)
                                 if isinstance(info, TyperInfo) else get_command_from_info(info, **settings))
        return self._built[name]

    def brief(self, name: str):
        """A stand-in with what the root's help lists of a command: its name and short help."""
        if name in self._built:
            return self._built[name]
        import inspect

        from typer.core import TyperCommand
        from typer.main import TyperInfo, solve_typer_info_defaults

        info = self._infos[name]
        if isinstance(info, TyperInfo):
            info = solve_typer_info_defaults(info)
            text = info.help
        else:
            text = inspect.getdoc(info.callback) if info.help is None else inspect.cleandoc(info.help)
        return TyperCommand(name=name, help=text, short_help=info.short_help, hidden=info.hidden,
                            deprecated=info.deprecated)

    def __setitem__(self, name: str, command) -> None:
        self._infos.setdefault(name, None)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._infos[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._infos)

    def __len__(self) -> int:
        return len(self._infos)


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


def _reader_gone() -> None:
    """Whoever read our output stopped (`| head -1`): nothing is wrong, so say nothing.
    What is still buffered goes nowhere, instead of failing again when Python exits.
    Exit 1, as rich and Click do when the reader goes (not all the output was read)."""
    cli_check.stdout_to_nowhere()
    raise typer.Exit(ExitCode.ERROR)


def command():
    """The app's root click command, as Typer makes it, but each command built only when
    it is run (or its help shown): start-up pays for one command, not all of them.

    This uses functions of typer.main that Typer does not document; if a Typer release
    moves them, the whole tree is built as `app()` builds it: slower, never wrong
    (tests/test_structure.py notices).
    """
    from typer.main import get_command

    try:
        from typer.main import (  # noqa: F401  (what _Commands uses)
            TyperInfo,
            get_command_from_info,
            get_command_name,
            get_group_from_info,
            solve_typer_info_defaults,
        )
    except ImportError:
        return get_command(app)
    commands, groups = app.registered_commands, app.registered_groups
    app.registered_commands, app.registered_groups = [], []
    try:
        root = get_command(app)  # the root alone: its callback, options and completion
    finally:
        app.registered_commands, app.registered_groups = commands, groups
    root.commands = _Commands(app)
    return root


def _run(root) -> None:
    """What `app()` does, with the lazily built root: Typer's hook shows a fault's traceback
    (only ever reached with REFUSAL_LOG_DEBUG set, see _Group.invoke)."""
    from typer import main as typer_main

    hook = getattr(typer_main, "except_hook", None)
    marker = getattr(typer_main, "_typer_developer_exception_attr_name", None)
    if hook is not None:
        sys.excepthook = hook
    try:
        root()
    except Exception as exc:
        settings = getattr(typer_main, "DeveloperExceptionConfig", None)
        if marker is not None and settings is not None:
            setattr(exc, marker, settings(pretty_exceptions_enable=app.pretty_exceptions_enable,
                                          pretty_exceptions_show_locals=app.pretty_exceptions_show_locals,
                                          pretty_exceptions_short=app.pretty_exceptions_short))
        raise


def main() -> None:
    try:
        _run(command())
    except SystemExit:
        # Output still buffered for a reader who has gone is flushed here, quietly.
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            cli_check.stdout_to_nowhere()
            raise SystemExit(ExitCode.ERROR) from None
        raise
