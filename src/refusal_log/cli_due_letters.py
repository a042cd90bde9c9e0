"""The request letters under `draft`: records-request, ehc-request, s19-request,
gp-letter-request, chaser and part-time-timetable. Thin commands over
requests_letters.py, handed over like every other draft (print, or --out FILE).
"""


from typing import Annotated, List, Optional

import typer

ChildOpt = Annotated[Optional[str], typer.Option("--child", metavar="NAME", help="Which child (needed only when the log has more than one).")]
FmtOpt = Annotated[Optional[str], typer.Option("--format", metavar="txt|eml", help="txt or eml. Default: from --out's name, else txt.")]
OutOpt = Annotated[Optional[str], typer.Option("--out", metavar="FILE", help="Save to this file (owner-only) instead of printing.")]
ToOpt = Annotated[Optional[str], typer.Option("--to", metavar="NAME", help="Who the letter is to (for the greeting).")]


def _hand_over(draft, fmt, out) -> None:
    from refusal_log import cli_documents

    cli_documents.hand_over(draft, fmt, out)


def draft_records_request(
    child: ChildOpt = None,
    log: Annotated[bool, typer.Option("--log", help="Also log it as a request sent today, so 'due' counts its time.")] = False,
    fmt: FmtOpt = None, out: OutOpt = None,
) -> None:
    """Ask the school for the child's records (the educational record, or a subject access request)."""
    from refusal_log import requests_letters

    _hand_over(requests_letters.records_request(child, log), fmt, out)


def draft_ehc_request(
    need: Annotated[Optional[List[str]], typer.Option("--need", metavar="TEXT", help="One difficulty, in your words; repeat for each.")] = None,
    to: ToOpt = None, child: ChildOpt = None, fmt: FmtOpt = None, out: OutOpt = None,
) -> None:
    """Ask the council for an EHC needs assessment (England)."""
    from refusal_log import requests_letters

    _hand_over(requests_letters.ehc_request(need, child, to), fmt, out)


def draft_s19_request(to: ToOpt = None, child: ChildOpt = None, fmt: FmtOpt = None, out: OutOpt = None) -> None:
    """Ask the council to arrange education while the child cannot attend school."""
    from refusal_log import requests_letters

    _hand_over(requests_letters.s19_request(child, to), fmt, out)


def draft_gp_letter_request(to: ToOpt = None, child: ChildOpt = None, fmt: FmtOpt = None, out: OutOpt = None) -> None:
    """Ask the GP for a letter the school and council can act on."""
    from refusal_log import requests_letters

    _hand_over(requests_letters.gp_letter_request(child, to), fmt, out)


def draft_chaser(
    request: Annotated[int, typer.Option("--request", metavar="ID", help="The request to chase (refusal-log request list).")],
    fmt: FmtOpt = None, out: OutOpt = None,
) -> None:
    """Chase a request: the rule, the date it was due, and a date to reply by."""
    from refusal_log import requests_letters

    _hand_over(requests_letters.chaser(request), fmt, out)


def draft_part_time_timetable(
    review: Annotated[str, typer.Option("--review", metavar="DATE", help="When it is reviewed with you.")],
    end: Annotated[str, typer.Option("--end", metavar="DATE", help="When it ends.")],
    start: Annotated[Optional[str], typer.Option("--start", metavar="DATE", help="When it starts (default: today).")] = None,
    child: ChildOpt = None, fmt: FmtOpt = None, out: OutOpt = None,
) -> None:
    """Agree a temporary part-time timetable, with a review date and an end date."""
    from refusal_log import requests_letters

    _hand_over(requests_letters.part_time_timetable(review, end, child, start), fmt, out)


def register_drafts(draft_app: typer.Typer) -> None:
    draft_app.command("records-request")(draft_records_request)
    draft_app.command("ehc-request")(draft_ehc_request)
    draft_app.command("s19-request")(draft_s19_request)
    draft_app.command("gp-letter-request")(draft_gp_letter_request)
    draft_app.command("chaser")(draft_chaser)
    draft_app.command("part-time-timetable")(draft_part_time_timetable)
