"""`refusal-log check`: its one body and formatter, and a fast way in that skips Typer.

`check` is run on every draft, so it must start about as fast as Python itself. Building
the Typer app (every command, rich, click) costs more than the check. So the console script
(entry.py) first offers the arguments to `fast_main`, which recognises only the plain forms of
`check` (like git's builtins) and runs them here, importing none of typer, click, rich,
pydantic or the database libraries. Anything else (help, an unknown or repeated option,
a missing argument, a terminal that wants colour) goes to the Typer app unchanged.

Both ways share `run` and one formatter, which describes each printed line as text plus
styles: written plain when output is not a terminal (byte for byte what rich writes
then), or through rich for colour.
"""


import os
import sys

from refusal_log import paths
from refusal_log.errors import ExitCode, InvalidInput, RefusalLogError, fault_message, interrupted_message

VERDICT_STYLE = {"ok": "bold green", "caution": "bold yellow", "avoid": "bold red"}
VERDICT_WORDS = {
    "ok": "OK: this wording fits a reason the law accepts.",
    # Said of the wording, never of the parent: a sibling's illness or their own appointment is no "choice" (the newcomer
    # on round 130), and leave asked for is not about illness at all.
    "caution": "Take care: the school may not read this wording as a reason the law accepts.",
    "avoid": "Better not: as written, this is likely to be read as a reason the law does not accept.",
}
MISSING_TEXT = "Give the text to check, for example: refusal-log check \"too unwell to attend today\"."

# rich removes these control characters from any text it prints (rich.control); the others
# (an escape above all) would reach the terminal as they are, so each shows as one visible mark,
# keeping every offset where it was.
# C1 controls (0x80-0x9f) and the marks that reverse how text reads are shown the same way.
_RICH_STRIPS = {**{c: "\ufffd" for c in (*range(0, 7), *range(14, 32), *range(127, 160), *range(0x202A, 0x202F),
                                       *range(0x2066, 0x206A), *range(0xDC80, 0xDD00))},
                **dict.fromkeys((7, 8, 11, 12, 13))}


# --- One printed line: parts of text, each with a style (and spans inside it) ---------

class Part:
    __slots__ = ("text", "style", "spans")

    def __init__(self, text: str, style: str = "", spans: tuple = ()):
        self.text = text.translate(_RICH_STRIPS)  # as rich.text.Text keeps it
        self.style = style
        self.spans = spans  # (start, end, style) within this part, as rich's stylize


Line = list  # of Part; one Line is one console.print(..., soft_wrap=True)


def _write_plain(lines: list[Line]) -> None:
    """What rich prints for these lines when output is not a terminal: the text, no
    wrapping (soft_wrap), tabs expanded to rich's tab stops."""
    chunks = []
    for line in lines:
        text = "".join(part.text for part in line)
        if "\t" in text:
            text = _expand_tabs(text)
        chunks.append(text + "\n")
    sys.stdout.write("".join(chunks))


def _expand_tabs(text: str) -> str:
    # Rare (a tab in a draft); rich's own rule, cell widths and all.
    from rich.text import Text

    rows = []
    for row in text.split("\n"):
        styled = Text(row)
        styled.expand_tabs(8)
        rows.append(styled.plain)
    return "\n".join(rows)


def _write_rich(lines: list[Line], console) -> None:
    from rich.text import Text

    for line in lines:
        first, *rest = line
        styled = _text(first, Text)
        for part in rest:
            styled.append(_text(part, Text))
        # soft_wrap: long explanations are wrapped by the terminal, at its own width.
        console.print(styled, soft_wrap=True)


def _text(part: Part, Text):
    styled = Text(part.text, style=part.style)
    for start, end, style in part.spans:
        styled.stylize(style, start, end)
    return styled


# --- What `check` shows -------------------------------------------------------------

def _clip(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _finding_lines(finding) -> list[Line]:
    return [
        [Part(f"  • {finding.matched!r} ({finding.severity}): ", "bold"), Part(finding.why)],
        [Part(f"    Source: {finding.source}", "dim")],
    ]


def check_lines(result) -> list[Line]:
    """One text's verdict, the words that led to it, why, and the suggested wording."""
    lines: list[Line] = _urgent_lines(result.urgent)
    lines.append([Part(VERDICT_WORDS[result.verdict], VERDICT_STYLE[result.verdict])])
    if result.findings:
        # Offsets are the finding's own, as rich applies them to the text it keeps.
        spans = tuple((f.start, f.end, "reverse " + VERDICT_STYLE[f.severity].split()[-1]) for f in result.findings)
        lines.append([Part("  "), Part(result.text.translate(_RICH_STRIPS).rstrip(), spans=spans)])
    for finding in result.findings:
        lines += _finding_lines(finding)
    if result.suggestion:
        lines.append([Part("  Suggested wording: ", "bold"), Part(result.suggestion)])
    elif result.withheld:
        # Said, so its absence is not read as a fault (a newcomer's find): --json says the same as "withheld".
        lines.append([Part("  No wording is suggested: ", "bold"),
                      Part("your words give another reason, or doubt the illness, so the check will not write "
                           "\"too unwell\" for you. The tip below says what to do instead.")])
    for hint in result.hints:
        if hint != result.urgent:  # already shown first
            lines.append([Part(f"  Tip: {hint}", "dim")])
    return lines


def show_urgent(urgent: str | None, console) -> None:
    """Where to get help now, as check shows it (the add-absence and edit commands use it too)."""
    _write_rich(_urgent_lines(urgent), console)


def _urgent_lines(urgent: str | None) -> list[Line]:
    # Before the verdict: a child's safety comes before any wording.
    return [[Part("Get help now: ", "bold red"), Part(urgent, "bold")], [Part("")]] if urgent else []


def document_lines(document, draft: str) -> list[Line]:
    """A whole draft: its verdict, then each sentence that needs a second look, by line."""
    verdict = document.verdict
    lines: list[Line] = _urgent_lines(document.urgent)
    lines.append([Part(f"Whole draft: {VERDICT_WORDS[verdict]}", VERDICT_STYLE[verdict])])
    for sentence in document.sentences:
        if sentence.verdict == "ok" and not sentence.findings:
            continue
        number = draft.count("\n", 0, sentence.start) + 1
        lines.append([Part(f"\nLine {number}: ", "bold"), Part(_clip(sentence.text, 100))])
        for finding in sentence.findings:
            lines += _finding_lines(finding)
        if sentence.suggestion:
            lines.append([Part("  Suggested wording: ", "bold"), Part(sentence.suggestion)])
    return lines


def show_check(result, console) -> None:
    """One text's verdict through rich (the add-absence gate shows it on stderr)."""
    _write_rich(check_lines(result), console)


def _footer_lines(disclaimer: str, note: str | None) -> list[Line]:
    lines = [[Part(f"\n{disclaimer}", "dim")]]
    if note:
        lines.append([Part(note, "dim")])
    return lines


# --- The command's one body -----------------------------------------------------------

def run(text: str | None, file: str | None, region: str | None, as_json: bool, console=None,
        child: str | None = None) -> None:
    """Check a text (or '-' for standard input) or a whole draft, and print the result. `child`: the name
    of the child the reason is about, read as add-absence reads it (another child named is someone else).

    `console` is a rich Console for colour; None prints plain text. Errors a user can
    put right are raised as RefusalLogError (one sentence, exit 1).
    """
    # Only the small wording engine: no database, no templates.
    from refusal_log import wording
    from refusal_log.wording.region import read_home_region

    # The nation decides the law cited: --region, else the log's own, else England (said).
    defaulted, problem = False, None
    if region is None:
        region, problem = read_home_region(paths.db_path())
        if region not in wording.REGIONS:
            region, defaulted = "england", True
    if problem == "busy":  # another refusal-log writing: nothing is wrong with the log (the attack on round 176)
        note = ("Your log is busy (another refusal-log may be saving to it), so this follows the law in England: "
                "for a child in Wales, Scotland or Northern Ireland, use --region or try again in a moment.")
    elif problem:  # damaged or not a file: `region set` would fail on it too (the newcomer on round 172)
        note = ("Your log could not be read (it may be damaged; 'refusal-log verify' says more), so this follows the "
                "law in England: for a child in Wales, Scotland or Northern Ireland, use --region.")
    else:
        note = ("This follows the law in England. For a child in Wales, Scotland or Northern Ireland, "
                "use --region (or refusal-log region set NATION).") if defaulted else None
    if file is not None and text is not None:  # one or the other, never words quietly left out (the attacker on 117)
        raise InvalidInput("Give either the words to check or --file with a draft, not both.")
    if file is not None:
        from refusal_log.text import read_text_file

        draft = read_text_file(file)
        result = wording.check_document(draft, region=region, child=child)
        lines = document_lines(result, draft)
    else:
        if text is None:
            raise InvalidInput(MISSING_TEXT)
        if text == "-":
            text = _read_stdin()
        elif not _utf8(text):
            # Bytes that were not UTF-8 on the command line (the second attack): never echoed into the output.
            raise InvalidInput("The text given is not plain text (UTF-8); type it again, or save it as plain text "
                               "and use --file.")
        result = wording.check_text(text, region=region, child=child)
        lines = None
    disclaimer = wording.load_rules().disclaimer_for(result.region)
    if as_json:
        import json

        data = result.to_dict()
        data["region"] = result.region
        data["disclaimer"] = disclaimer
        if note:
            data["region_note"] = note
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if lines is None:
        lines = check_lines(result)
    lines += _footer_lines(disclaimer, note)
    if console is None:
        _write_plain(lines)
    else:
        _write_rich(lines, console)


def _read_stdin() -> str:
    """The text piped in, read as --file reads a file: bounded (a pipe that never ends is not
    a reason), and UTF-8 or a plain sentence."""
    from refusal_log.wording.verdict import MAX_CHECK

    if sys.stdin is None:  # started with standard input closed ("check - <&-")
        raise InvalidInput("Nothing came in on standard input; give the reason as text, or pipe it in.")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream already decoded (an embedding program's, a test's)
        return sys.stdin.read(MAX_CHECK + 1)
    data = stream.read(MAX_CHECK * 4 + 4)  # UTF-8 is at most 4 bytes a character
    if len(data) > MAX_CHECK * 4:
        # More than the longest reason in any encoding: too long, whatever the last character cut in half.
        return data.decode("utf-8", errors="ignore")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("What was piped in is not plain text (UTF-8); save it as plain text and try again.") from None


# --- The fast way in ------------------------------------------------------------------

def _plain_output() -> bool:
    """True when rich would print no colour: stdout is not a terminal and nothing forces one."""
    if any(name in os.environ for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")):
        return False
    try:
        return not sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def parse(args: list[str]) -> dict[str, object] | None:
    """The plain forms of `[--home DIR] check ...`, or None for anything else.

    Recognised: TEXT (or '-'), --file F, --json, --region R, --child NAME (with '=' or not), each at
    most once, in any order. A value that looks like an option, an option we do not know,
    or no text and no file, is left to Typer, which says what is wrong.
    """
    if any(not _utf8(arg) for arg in args):
        return None
    found: dict[str, object] = {"home": None, "text": None, "file": None, "region": None, "child": None, "json": False}
    rest = list(args)
    if rest and (rest[0] == "--home" or rest[0].startswith("--home=")):
        home, rest = _value(rest)
        if home is None:
            return None
        found["home"] = home
    if not rest or rest[0] != "check":
        return None
    rest = rest[1:]
    seen: set[str] = set()
    while rest:
        arg = rest[0]
        name = arg.split("=", 1)[0] if arg.startswith("--") else None
        if arg == "--json":
            key, value, rest = "json", True, rest[1:]
        elif name in ("--file", "--region", "--child"):
            key = name[2:]
            value, rest = _value(rest)
            if value is None:
                return None
        elif arg == "-" or not arg.startswith("-"):
            key, value, rest = "text", arg, rest[1:]
        else:
            return None
        if key in seen:
            return None
        seen.add(key)
        found[key] = value
    if found["text"] is None and found["file"] is None:
        return None
    return found


def _value(args: list[str]) -> tuple[str | None, list[str]]:
    """An option's value, from `--name=value` or `--name value`; None if it is missing or
    looks like an option (Typer then decides what it means)."""
    option, sep, value = args[0].partition("=")
    if sep:
        rest = args[1:]
    elif len(args) > 1:
        value, rest = args[1], args[2:]
    else:
        return None, args
    if not value or value.startswith("-"):
        return None, args
    return value, rest


def _utf8(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:  # bytes that were not UTF-8: Typer's path says so
        return False
    return True


def stdout_to_nowhere() -> None:
    """Whoever read our output stopped (`| head -1`): what is still buffered goes nowhere, instead of failing again
    when Python exits. (Here, not in cli.py, so that the fast `check` needs nothing heavier.)"""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def fast_main(args: list[str]) -> int | None:
    """Run a plain `check` without Typer and return its exit code, or None to let Typer run."""
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None  # shell completion is Typer's
    found = parse(args)
    if found is None or not _plain_output():
        return None
    try:
        # As the root callback does: the family's files are private from the first byte.
        os.umask(0o077)
        paths.set_home(found["home"])
        run(found["text"], found["file"], found["region"], found["json"], child=found["child"])
    except RefusalLogError as exc:
        sys.stderr.write(str(exc).rstrip() + "\n")
        return ExitCode.ERROR
    except KeyboardInterrupt:
        sys.stderr.write(interrupted_message())
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader stopped (`| true`, `| head -1`): nothing is wrong, so nothing is said, as the Typer path does.
        stdout_to_nowhere()
        return ExitCode.ERROR
    except Exception as exc:
        if os.environ.get("REFUSAL_LOG_DEBUG"):
            raise
        sys.stderr.write(fault_message(exc).rstrip() + "\n")
        return ExitCode.ERROR
    return ExitCode.OK


def register(app) -> None:
    """Add the Typer `check` command to `app` (the way in when the fast one declines)."""
    # typer only here: this module is also the fast way in, which must not import it.
    from typing import Annotated, Optional

    import typer

    from refusal_log.cli_common import out

    @app.command()
    def check(
        text: Annotated[Optional[str], typer.Argument(help="The reason or sentence to check; '-' reads it from standard input.")] = None,
        file: Annotated[Optional[str], typer.Option("--file", metavar="FILE", help="Check a whole draft (an email, a letter) sentence by sentence.")] = None,
        region: Annotated[Optional[str], typer.Option("--region", metavar="NATION", help="Whose law to follow: england, wales, scotland or northern-ireland (default: your log's, else england).")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
        child: Annotated[Optional[str], typer.Option("--child", metavar="NAME", help="The child the reason is about, as add-absence reads it: another child named in it is someone else.")] = None,
    ) -> None:
        """Check an absence reason's wording against the FAQ.

        Prints the verdict (ok, caution or avoid), why, the source, and a suggested
        wording. It exits 0 whatever the verdict; use --json to read it in a script.
        """
        run(text, file, region, as_json, console=out(), child=child)
