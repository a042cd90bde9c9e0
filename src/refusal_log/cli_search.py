"""The `search` command: find entries by their words.

Apart from cli.py for the same reason as cli_documents.py: a command that can grow
(more filters, more kinds) without crowding the logging commands. The work is in
search.py; this module parses options and prints.
"""

import json
import sys
from typing import Annotated, Optional

import typer

from refusal_log import kinds


def search(
    words: Annotated[Optional[list[str]], typer.Argument(metavar="TEXT...", help="Words to find (every one must be in the entry); '\"a phrase\"' in quotes; 'word*' for words that begin so.")] = None,
    kind: Annotated[Optional[list[str]], typer.Option("--kind", metavar="KIND", help=f"{kinds.choices_text()}; repeat for several.")] = None,
    from_: Annotated[Optional[str], typer.Option("--from", metavar="DATE", help="From this day.")] = None,
    to: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="Up to and including this day.")] = None,
    child: Annotated[Optional[str], typer.Option("--child", metavar="NAME", help="Only this child's entries (default: every child).")] = None,
    include_withdrawn: Annotated[bool, typer.Option("--include-withdrawn", help="Also find withdrawn entries.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: a list of entries with id, kind, when, snippet and rank.")] = False,
    rebuild_index: Annotated[bool, typer.Option("--rebuild-index", help="Build the search index afresh from the entries (if 'verify' says it does not match).")] = False,
) -> None:
    """Find entries by their words, best match first.

    Every revision, imported email and attached file's name is searched. Matched
    words are marked in each snippet ([like this] when the output is not a terminal).
    """
    from refusal_log import search as finder

    text = " ".join(words) if words else None  # `search SENCo Patel` is `search "SENCo Patel"`

    if rebuild_index:
        rows = finder.rebuild_index()
        sys.stderr.write(f"Rebuilt the search index ({rows} rows) from the entries.\n")
        if text is None:
            return
    hits = finder.search(text or "", kind, from_, to, child, include_withdrawn)
    if as_json:
        sys.stdout.write(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        sys.stderr.write("No entries match.\n")
        return
    _show(hits)
    sys.stderr.write(f"{len(hits)} entr{'y matches' if len(hits) == 1 else 'ies match'}; "
                     "'refusal-log show ID' shows one in full.\n")


# Where the words were found, as the plain output says it.
_FOUND_IN = {"attachment_name": "an attached file's name", "earlier_wording": "an earlier wording"}


def _show(hits) -> None:
    from rich.console import Console
    from rich.text import Text

    from refusal_log.dates import human_date
    from refusal_log.text import visible

    console = Console(highlight=False, soft_wrap=True)
    width = len(str(max(h.id for h in hits)))
    for hit in hits:
        where = (f" (in {_FOUND_IN[hit.found_in]})" if hit.found_in else "") + (" (withdrawn)" if hit.withdrawn else "")
        head = f"{hit.id:>{width}}  {human_date(hit.day)}  {hit.label}{where}: "
        if not console.is_terminal:
            sys.stdout.write(visible(head + hit.plain_snippet()) + "\n")
            continue
        line = Text(visible(head), style="bold")
        for piece, matched in hit.pieces():
            line.append(visible(" ".join(piece.split("\n"))), style="reverse bold" if matched else "")
        console.print(line)


def register(app: typer.Typer) -> None:
    app.command("search")(search)
