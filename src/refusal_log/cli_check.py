"""`check`: an absence reason (or a whole draft) against the wording rules, and how a
check's result is shown (also by add-absence and edit when a reason needs a second look).

Only the small wording engine is imported, inside the command: `check` starts fast.
"""

import sys
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from refusal_log import paths
from refusal_log.cli_common import clip, fail, out, print_json

if TYPE_CHECKING:
    from rich.console import Console

    from refusal_log.wording import CheckResult


def check(
    text: Annotated[Optional[str], typer.Argument(help="The reason or sentence to check; '-' reads it from standard input.")] = None,
    file: Annotated[Optional[str], typer.Option("--file", metavar="FILE", help="Check a whole draft (an email, a letter) sentence by sentence.")] = None,
    region: Annotated[Optional[str], typer.Option("--region", metavar="NATION", help="Whose law to follow: england, wales, scotland or northern-ireland (default: your log's, else england).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Check an absence reason's wording against the FAQ.

    Prints the verdict (ok, caution or avoid), why, the source, and a suggested
    wording. It exits 0 whatever the verdict; use --json to read it in a script.
    """
    # Only the small wording engine: no database, no templates.
    from refusal_log import wording
    from refusal_log.wording.region import home_region

    # The nation decides the law cited: --region, else the log's own, else England (said).
    defaulted = False
    if region is None:
        region = home_region(paths.db_path())
        if region not in wording.REGIONS:
            region, defaulted = "england", True
    note = ("This follows the law in England. For a child in Wales, Scotland or Northern Ireland, "
            "use --region (or refusal-log region set NATION).") if defaulted else None
    if file is not None:
        from refusal_log.text import read_text_file

        draft = read_text_file(file)
        document = wording.check_document(draft, region=region)
        if as_json:
            return print_json(_check_json(document.to_dict(), document.region, note))
        show_document(document, draft)
        return _show_check_footer(document.region, note)
    if text is None:
        fail("Give the text to check, for example: refusal-log check \"too unwell to attend today\".")
    if text == "-":
        text = sys.stdin.read()
    result = wording.check_text(text, region=region)
    if as_json:
        return print_json(_check_json(result.to_dict(), result.region, note))
    show_check(result, out())
    _show_check_footer(result.region, note)


def _check_json(data: dict, region: str, note: str | None) -> dict:
    from refusal_log.wording import load_rules

    data["region"] = region
    data["disclaimer"] = load_rules().disclaimer_for(region)
    if note:
        data["region_note"] = note
    return data


def _show_check_footer(region: str, note: str | None) -> None:
    from rich.text import Text

    from refusal_log.wording import load_rules

    console = out()
    console.print(Text(f"\n{load_rules().disclaimer_for(region)}", style="dim"), soft_wrap=True)
    if note:
        console.print(Text(note, style="dim"), soft_wrap=True)


VERDICT_STYLE = {"ok": "bold green", "caution": "bold yellow", "avoid": "bold red"}
VERDICT_WORDS = {
    "ok": "OK: this wording fits the law's sickness defence.",
    "caution": "Take care: this wording may not be read as illness.",
    "avoid": "Better not: this wording could be read as a choice, not illness.",
}


def show_check(result: "CheckResult", console: "Console") -> None:
    from rich.text import Text

    # soft_wrap: long explanations are wrapped by the terminal, at its own width.
    say = lambda text: console.print(text, soft_wrap=True)  # noqa: E731
    say(Text(VERDICT_WORDS[result.verdict], style=VERDICT_STYLE[result.verdict]))
    if result.findings:
        marked = Text(result.text)
        for finding in result.findings:
            marked.stylize("reverse " + VERDICT_STYLE[finding.severity].split()[-1], finding.start, finding.end)
        marked.rstrip()
        say(Text("  ").append(marked))
    for finding in result.findings:
        show_finding(finding, say)
    if result.suggestion:
        say(Text("  Suggested wording: ", style="bold").append(result.suggestion))
    for hint in result.hints:
        say(Text(f"  Tip: {hint}", style="dim"))


def show_finding(finding, say) -> None:
    from rich.text import Text

    say(Text(f"  • {finding.matched!r} ({finding.severity}): ", style="bold").append(finding.why, style=""))
    say(Text(f"    Source: {finding.source}", style="dim"))


def show_document(document, draft: str) -> None:
    from rich.text import Text

    say = lambda text: out().print(text, soft_wrap=True)  # noqa: E731
    say(Text(f"Whole draft: {VERDICT_WORDS[document.verdict]}", style=VERDICT_STYLE[document.verdict]))
    for sentence in document.sentences:
        if sentence.verdict == "ok" and not sentence.findings:
            continue
        line = draft.count("\n", 0, sentence.start) + 1
        say(Text(f"\nLine {line}: ", style="bold").append(clip(sentence.text, 100)))
        for finding in sentence.findings:
            show_finding(finding, say)
        if sentence.suggestion:
            say(Text("  Suggested wording: ", style="bold").append(sentence.suggestion))


def register(app: typer.Typer) -> None:
    app.command("check")(check)
