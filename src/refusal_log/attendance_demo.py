"""The demo's school calendar and register, so a new user sees `attendance` at once.

Maya's autumn term (7 September to 18 December 2026, half term 26-30 October, an
INSET day on 27 November) and the register the school sent on 30 November
(sessions to 27 November). The school coded her logged absences I, except two
sessions where the two records disagree: Monday 12 October, reported as illness,
coded O; and Monday 5 October, nothing logged, coded N. The absence of
10 September, reported in words that read as a choice, is coded O, as schools often do.
"""

from __future__ import annotations

from datetime import date

from refusal_log import dates

TERMS = [("Autumn 1", "2026-09-07", "2026-10-23"), ("Autumn 2", "2026-11-02", "2026-12-18")]
INSET = "2026-11-27"
REGISTER_TO = date(2026, 11, 26)
SOURCE = "register printout with the letter of 30 Nov"
DIFFERENT = {date(2026, 10, 12): "O", date(2026, 10, 5): "N", date(2026, 9, 10): "O"}


def build(child: str) -> None:
    """Write the terms, the INSET day and the register through the commands' own functions."""
    from refusal_log import attendance, register, schoolcalendar, store

    with dates.story_clock(dates.parse_datetime("2026-09-05 10:30")):
        for name, first, last in TERMS:
            schoolcalendar.add_term(name, first, last, child)
        schoolcalendar.add_closure(INSET, None, "INSET day", child)
    with store.reading() as db:
        cal = schoolcalendar.load(child, db)
    logged = attendance._logged(cal, child)
    plan = []
    for day in cal.school_days(None, REGISTER_TO):
        for slot, present in (("am", "/"), ("pm", "\\")):
            code = DIFFERENT.get(day) or ("I" if (day, slot) in logged else present)
            plan.append((day, slot, code, register.england_codes()[code].category))
    with dates.story_clock(dates.parse_datetime("2026-11-30 19:00")):
        register._save(plan, SOURCE, None, child, cal)

