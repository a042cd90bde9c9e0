"""Asked, not refused: what a logging command still needs, asked for in a terminal.

A tired parent who types `refusal-log add-call` and nothing else should be asked who,
when, what was said and what was agreed, all in one go, not sent away with one error
per missing option. In a script (no terminal) nothing is asked: the usage error
names every missing option at once and exits 2, as a mistyped command does.

`--edit` opens the parent's editor ($VISUAL, then $EDITOR) for a long text, as
`git commit` does: lines starting with # are guidance and are left out.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import typer

from refusal_log.errors import ExitCode, InvalidInput

if TYPE_CHECKING:
    from refusal_log.wording import CheckResult


@dataclass
class Ask:
    """One value a command may ask for."""

    option: str            # "--summary", or "TEXT" for an argument
    question: str          # "What was said?"
    value: str | None
    required: bool = True
    hint: str = ""         # shown after the question: "(Enter for now)"
    # Read the answer at once (a date, say), so a mistake is asked again there and then, not
    # found after every other question has been answered.
    check: Callable[[str], object] | None = None


def interactive() -> bool:
    return sys.stdin.isatty()


def child_first(child: str | None) -> str | None:
    """In a terminal, with several children in the log and none named, which child, asked before anything else: asked
    after, a parent's answers were lost when the log then refused for want of --child (the newcomer on round 139)."""
    if child is not None or not interactive():
        return child
    from refusal_log import people
    from refusal_log.errors import RefusalLogError

    try:
        children = people.list_children()
    except RefusalLogError:
        return None  # no log yet: the command says so in its own words
    if len(children) < 2:
        return None
    names = ", ".join(c.name for c in children)
    while True:
        answer = typer.prompt(f"Which child is this about? ({names})", default="", show_default=False, err=True).strip()
        try:
            if answer and people.match_child(children, answer) is not None:
                return answer
        except RefusalLogError:  # "sa" for Sam and Samira: say so in the prompt's words and ask again
            typer.echo(f"\"{answer}\" could be more than one child: please type more of the name ({names}).", err=True)
            continue
        typer.echo(f"Please type one of: {names}.", err=True)


def fill(ctx: typer.Context, asks: list[Ask], *, edit: str | None = None) -> list[str | None]:
    """The values, with whatever is missing asked for in a terminal.

    `edit` names the option whose text is written in the editor (with --edit).
    Without a terminal a missing required value is a usage error (exit 2) naming
    all of them; optional ones are then left as they are.
    """
    values = {a.option: a.value for a in asks}
    if edit is not None:
        chosen = next(a for a in asks if a.option == edit)
        values[edit] = edited(chosen.question, values[edit])
    missing = [a for a in asks if a.required and not _given(values[a.option])]
    if not missing:
        return [values[a.option] for a in asks]
    if not interactive():
        names = [a.option for a in missing]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        what = "option" if names[0].startswith("-") else "argument"
        typer.echo(f"{ctx.get_usage()}\nTry '{ctx.command_path} {ctx.help_option_names[0]}' for help.\n\n"
                   f"Error: Missing {what}{'' if len(names) == 1 else 's'} {listed}.", err=True)
        raise typer.Exit(ExitCode.USAGE)
    # In a terminal: everything still open, required or not, in one go.
    for a in asks:
        if _given(values[a.option]):
            continue
        prompt = f"{a.question} {a.hint}".strip()
        while True:
            answer = typer.prompt(prompt, default="", show_default=False, err=True)
            if answer.strip() and a.check is not None:
                try:
                    a.check(answer)
                except InvalidInput as problem:
                    typer.echo(f"{problem} Type it again, or press Ctrl+C to stop (nothing is logged).", err=True)
                    continue
            if answer.strip() or not a.required:
                values[a.option] = answer if answer.strip() else None
                break
            typer.echo("This one is needed; type it, or press Ctrl+C to stop (nothing is logged).", err=True)
    return [values[a.option] for a in asks]


def _given(value: str | None) -> bool:
    # A value typed blank on purpose is not "missing": the domain says it is empty (exit 1).
    return value is not None


_GUIDE = ("# {question}\n"
          "# Write it above, in your own words; it is kept exactly as written.\n"
          "# Lines starting with # are left out. Leave it empty to stop: nothing is logged.\n")


def edited(question: str, start: str | None = None) -> str:
    """A text written in the parent's editor, as `git commit` does; empty stops."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or ("notepad" if os.name == "nt" else "vi")
    with tempfile.TemporaryDirectory(prefix="refusal-log-edit-") as folder:
        path = Path(folder) / "refusal-log-text.txt"
        path.write_text((start or "") + "\n\n" + _GUIDE.format(question=question), encoding="utf-8")
        try:
            done = subprocess.run([*shlex.split(editor, posix=os.name != "nt"), str(path)], check=False)
        except OSError:
            raise InvalidInput(f"The editor {editor!r} could not be started; set EDITOR to one you use "
                               "(for example EDITOR=nano), or give the text as an option.") from None
        if done.returncode != 0:
            raise InvalidInput(f"The editor {editor!r} stopped with an error, so nothing was logged.")
        lines = path.read_text(encoding="utf-8").splitlines()
    text = "\n".join(line for line in lines if not line.startswith("#")).strip()
    if not text:
        raise InvalidInput("The text was left empty, so nothing was logged.")
    return text


# --- the add-absence wording gate ------------------------------------------------------------

def wording_gate(result: CheckResult, log: Callable[..., Any], child: str | None, day: str | None = None) -> Any:
    """What is stored is what the parent chooses, and their own words are never lost.

    `log(reason, accepted, typed)` logs the absence. s: the suggested wording, with the
    words first typed kept beside it; k: the words as typed; c: nothing. Enter alone or
    anything unclear asks again: nothing is chosen for the parent.
    """
    options = {"k": "keep my words", "c": "cancel"}
    if result.suggestion:
        options = {"s": "log the suggested wording instead", **options}
    while True:
        choice = _choose(options)
        if choice == "s":
            filled = _filled_suggestion(result, child, day)
            if filled is _ASK_AGAIN:
                continue  # the answer named nothing wrong: every choice is offered again
            if filled is None:
                # The answer said nothing is wrong: the suggestion would not be true, so it is
                # no longer offered; the parent's own words still are.
                options.pop("s")
                continue
            return log(filled, True, result.text)
        if choice == "k":
            return log(result.text, True)
        typer.echo("Nothing was logged.", err=True)
        raise typer.Exit(ExitCode.ERROR)


def _choose(options: dict[str, str]) -> str:
    question = "What would you like to do? " + ", ".join(f"[{key}] {text}" for key, text in options.items())
    while True:
        answer = typer.prompt(question, default="", show_default=False, err=True).strip().lower()
        if answer in options or (answer and answer[0] in options and options[answer[0]].startswith(answer)):
            return answer[0]
        keys = list(options)
        typer.echo(f"Please type {', '.join(keys[:-1])} or {keys[-1]}." if len(keys) > 1 else f"Please type {keys[0]}.",
                   err=True)


_ASK_AGAIN = object()  # an answer that named nothing wrong: the choices are offered again


# Said instead of "that answer does not say what is wrong" to a parent who has just told of self-harm (the newcomer on
# round 88): their words are about safety, and are not judged as a reason.
_SAFETY_FIRST = ("Thank you for telling us. What you wrote is about your child's safety, so it was not put into a "
                 "sentence for the school: please use the help above first. You can keep your own words or cancel.")


def _help_first(answer: str) -> bool:
    """Where to find help, as `check` gives it, for an answer that tells of the child wanting to die or to hurt
    themselves and so was not put into the sentence (one that was is checked, help and all, with the entry).
    True when it was shown."""
    from refusal_log import wording

    urgent = wording.check_text(answer.strip()).urgent
    if urgent:
        from refusal_log.cli_check import show_urgent
        from refusal_log.cli_common import err

        show_urgent(urgent, err())
    return bool(urgent)


def _filled_suggestion(result: CheckResult, child: str | None, day: str | None) -> object:
    """The suggested wording; where it has a gap only the parent can fill, asked, never guessed.
    None when the answer says nothing is wrong ("no", "he's fine"): then there is no true
    sentence saying the child is too unwell. _ASK_AGAIN when it names nothing wrong ("refusing"):
    the parent chooses again (send, keep their words, or cancel)."""
    from refusal_log import dates, entries, wording

    suggestion, distress_only = result.suggestion, False
    if not result.needs_input:
        # Distress alone ("crying all morning", "in bits") is worded as the parent wrote it, but "too unwell" beside it
        # would be logged as an illness and asked for as code I (the newcomer on round 169): so s asks what is wrong,
        # as it does for a gap, and the answer goes in beside the parent's words (or in brackets of its own).
        if wording.infer_absence_type(result.text, child=child) == "illness":
            return suggestion
        distress_only = True
        suggestion = (f"{suggestion[:-2]}, {wording.GAP})." if suggestion.endswith(").")
                      else f"{suggestion.rstrip('.')} ({wording.GAP}).")
    name = entries.child_first_name(child)
    absent = dates.parse_date(day) if day else dates.today()
    # Asked about the day being logged: "today" would be the wrong question for last Tuesday.
    question = (f"Is {name} unwell today? What is wrong?" if absent == dates.today()
                else f"Was {name} unwell on {dates.human_date(absent)}? What was wrong?")
    answer = ""
    while not answer.strip():
        answer = typer.prompt(question, default="", show_default=False, err=True, prompt_suffix=" ")  # not "?:"
    try:
        filled = wording.fill_gap(suggestion, answer.strip(), child=name)
    except wording.InvalidUnclear as told:
        # Names nothing wrong: back to the choices, s among them.
        typer.echo(_SAFETY_FIRST if _help_first(answer) else str(told), err=True)
        return _ASK_AGAIN
    except InvalidInput as told:
        # Says nothing is wrong: the suggestion is withdrawn.
        typer.echo(_SAFETY_FIRST if _help_first(answer) else str(told), err=True)
        return None
    if distress_only and wording.infer_absence_type(answer.strip(), child=child) != "illness":
        # Another word for how the child feels ("upset", "scared") says no more than the parent's own words did: the
        # sentence would still claim an illness nobody named (the attacker on round 171).
        typer.echo("That answer tells how your child feels, not what is wrong with their health, so it was not put into "
                   "the sentence. Choose s again and say what is wrong (for example: anxiety, a migraine, being sick), "
                   "or keep your own words.", err=True)
        return _ASK_AGAIN
    typer.echo(f"Logged as: {filled}", err=True)
    return filled
