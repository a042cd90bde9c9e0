"""What every command module shares: the two consoles, JSON and tables on stdout,
one-sentence failures, and the options several commands take.

Kept apart from cli.py (the root app and its error mapping) so that each cli_*.py
module of commands can use them without importing cli.py back.
"""

import json
import sys
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from refusal_log import cli_ask
from refusal_log.errors import ExitCode
from refusal_log.text import visible

if TYPE_CHECKING:
    from rich.console import Console

ChildOpt = Annotated[Optional[str], typer.Option("--child", help="Which child (needed only when the log has more than one).", metavar="NAME")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@cache
def out() -> "Console":
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@cache
def err() -> "Console":
    from rich.console import Console

    # soft_wrap: a message holding a path must not be broken across lines.
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def interactive() -> bool:
    return cli_ask.interactive()


def fail(message: str) -> None:
    sys.stderr.write(message.rstrip() + "\n")
    raise typer.Exit(ExitCode.ERROR)


def clip(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def table(headers: list[str], rows: list[list[Any]], title: str | None = None) -> None:
    from rich.table import Table
    from rich.text import Text

    grid = Table(*headers, show_lines=False, title=Text(title) if title else None)
    for row in rows:  # Text: what the parent typed ("she said [/red] to me") is shown as typed, never read as markup
        grid.add_row(*(Text("" if cell is None else visible(str(cell))) for cell in row))
    out().print(grid)
