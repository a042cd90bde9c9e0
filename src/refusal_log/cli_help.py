"""Help and usage texts in plain words.

Typer writes what a programmer reads: `<str>` beside an option, `{ID}` for a required
argument, `[1<=x<=9223372036854775807]` for a number's bounds. A parent reading
`--help` needs none of that. Every command of the app gets `PlainCommand`, which
writes the same help without them, and an entry number is read by `entry_number`,
whose error says what an entry number is.
"""

from __future__ import annotations

import re

import typer
from typer.core import TyperCommand

# Type hints Typer adds in the first column ("--summary <str>", "ID <int range>").
_TYPE_HINT = re.compile(r" <(str|text|int|int range|float|float range|bool|path|file|choice|list\[[^\]]*\])>")
# Number bounds in the help column: "[1<=x<=9223372036854775807; required]" -> "[required]".
_BOUNDS = re.compile(r"(?:\d+<=)?x<=?\d+(?:; )?|\d+<=x(?:; )?")
_BRACED = re.compile(r"\{([A-Za-z][A-Za-z0-9_.]*(?:\.\.\.)?)\}")
_WORDS = {"str": "TEXT", "text": "TEXT", "path": "FILE", "file": "FILE"}
_EMPTY_BRACKETS = re.compile(r"\s*\[\]")

# The largest id SQLite can hold; anything bigger cannot be an entry.
_LARGEST = 2**63 - 1


def _word(match: re.Match) -> str:
    # The same width as what it replaces, so the help's columns stay aligned.
    kind = match[1].removeprefix("list[").removesuffix("]")
    word = f" {_WORDS[kind]}" if kind in _WORDS else ""
    return word.ljust(len(match[0]))


def plain(text: str) -> str:
    # After a name already in capitals (an argument's "ID", "TEXT"), the type says nothing more.
    text = re.sub(r"(?<=[A-Z]) <[a-z \[\]]+>", lambda m: " " * len(m[0]), text)
    text = _TYPE_HINT.sub(_word, text)
    text = _BOUNDS.sub("", text)
    text = _BRACED.sub(lambda m: m[1].upper(), text)
    text = _EMPTY_BRACKETS.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


class PlainCommand(TyperCommand):
    """A Typer command whose help and usage lines are in plain words."""

    def collect_usage_pieces(self, ctx):
        return [plain(piece) for piece in super().collect_usage_pieces(ctx)]

    def get_usage(self, ctx) -> str:
        return plain(super().get_usage(ctx))

    def get_help(self, ctx) -> str:
        return plain(super().get_help(ctx))


def use_plain_help(app: typer.Typer) -> None:
    """Give every command of the app (and of its sub-apps) plain help; call once all are added."""
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = PlainCommand
    for group in app.registered_groups:
        if group.typer_instance is not None:
            use_plain_help(group.typer_instance)


def entry_number(text: str) -> int:
    """An entry's id as typed; a word or a number that cannot be an id is said plainly."""
    cleaned = text.strip().lstrip("#")
    if cleaned.isdigit() and 1 <= int(cleaned) <= _LARGEST:
        return int(cleaned)
    raise typer.BadParameter(f"{text!r} is not an entry number. Entries are numbered 1, 2, 3 and so on; "
                             "'refusal-log list' shows them.")
