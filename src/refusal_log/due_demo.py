"""The demo's requests, so `due` shows something real: one in every state.

As of 1 December 2026: a subject access request to the school answered in time; a GP
letter that came late; an EHC request whose decision came and whose final plan is still
in progress; and a subject access request to the council that is overdue. One agreed
action is marked done; the support plan due by 20 November (agreed 5 November) is overdue.
"""

from __future__ import annotations

from refusal_log import dates

AS_OF = "01/12/2026"  # the demo's "today", for `due --as-of`
REQUESTS = [
    # (kind, to, sent, about, reply date, reply)
    ("sar", "Hill Park Academy", "2026-09-14", "Maya's attendance records and register codes",
     "2026-10-02", "The register printout and the attendance notes, sent by email"),
    ("gp-letter", "Dr Shah", "2026-09-24", "A letter about Maya's anxiety for school",
     "2026-10-20", "Letter from Dr Shah received"),
    ("ehc-assessment", "Northshire Council SEND team", "2026-09-21", "EHC needs assessment for Maya",
     "2026-10-30", "The council agreed to assess"),
    ("sar", "Northshire Council", "2026-10-02", "The attendance team's records about Maya", None, None),
]
DONE = ("Mr Hughes to set up a quiet room", "2026-10-09", "The quiet room was open from 9 October")


def build(child: str) -> None:
    """Write the requests, their replies and one action done, each on its own day."""
    from refusal_log import actions, requests

    for kind, to, sent, about, replied, answer in REQUESTS:
        with dates.story_clock(dates.parse_datetime(f"{sent} 09:15")):
            view = requests.add_request(kind, to, sent, "email", about, child)
        if replied:
            with dates.story_clock(dates.parse_datetime(f"{replied} 18:00")):
                requests.reply(view.id, answer, replied)
    start, day, note = DONE
    found = next((a for a in actions.list_actions() if a.text.startswith(start)), None)
    if found is not None:
        with dates.story_clock(dates.parse_datetime(f"{day} 17:00")):
            actions.mark_done(found.id, day, note)
