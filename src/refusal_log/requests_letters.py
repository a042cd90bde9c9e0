"""The letters that ask and chase: records-request, ehc-request, s19-request,
gp-letter-request, chaser and part-time-timetable (`refusal-log draft ...`).

Each names the child in full, cites only the law of the child's nation (nothing
facts.md marks UNVERIFIED), lists the family's own evidence by entry number and date,
and says nothing the family did not log. The words are in templates/letters/; this
module gathers the facts. Nothing here prints.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from refusal_log import clocks, dates, people, render, requests, store
from refusal_log.attendance import ILLNESS_POINT
from refusal_log.errors import InvalidInput
from refusal_log.letters import Draft

# What each nation's law says about education for a child too unwell to attend
# (facts.md section 11). Northern Ireland's is UNVERIFIED there, so none is cited.
ILLNESS_DUTY = {
    "england": "section 19 of the Education Act 1996",
    "wales": "section 19A of the Education Act 1996, as it applies in Wales",
    "scotland": "section 14 of the Education (Scotland) Act 1980",
}
# Said to the parent whenever a date in a letter was counted on days no recorded term covers.
ASSUMED_NOTE = ("This date was counted on days your term dates do not cover, as weekdays less bank holidays, so the "
                "letter says it is your count. For an exact date add the terms: "
                "refusal-log calendar add-term NAME --from DATE --to DATE")
RECORDS_LAW = "regulation 5 of the Education (Pupil Information) (England) Regulations 2005"
SAR_LAW = "Article 15 of the UK General Data Protection Regulation"
EVIDENCE_LIMIT = 30  # the most recent entries; the timeline has the rest


def _facts(child: str | None) -> tuple[people.ChildView, str, dict[str, str]]:
    with store.reading() as db:
        kid = people.resolve_child(db, child)
        nation = requests.nation_of(db)
        profile = dict(db.execute("SELECT key, value FROM setting"))
    return kid, nation, profile


def _label(view) -> str:
    f = view.fields
    if view.kind == "absence":
        from refusal_log import attendance

        kind = attendance.counted_type(f, view.child)
        return "absence" + (f" ({kind})" if kind in ("illness", "appointment") else "")
    if view.kind == "gp":
        return "GP visit" + (f" ({f['clinician']})" if f.get("clinician") else "")
    if view.kind == "meeting":
        return f"meeting with {f.get('with') or f.get('with_names')}"
    if view.kind == "call":
        return f"phone call with {f.get('with') or f.get('with_name')}"
    if view.kind == "email":
        return f"email: {f.get('subject')}"
    return "note"


def evidence(child: str, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """The family's entries of these kinds, by number and date (withdrawn ones left out)."""
    from refusal_log import entries

    found = [v for v in entries.list_entries(list(kinds), child=child, include_withdrawn=False)]
    found = found[-EVIDENCE_LIMIT:]
    return [{"id": v.id, "date": dates.long_date(v.when), "label": _label(v)} for v in found]


def _illness_figures(child: str) -> dict[str, Any] | None:
    """School days and sessions the family logged as illness, where terms are set."""
    from refusal_log import attendance

    try:
        st = attendance.standing(None, None, child)
    except InvalidInput:
        return None
    ill = [k for k, v in st.logged.items() if v.type == "illness"]
    return {"from": dates.long_date(st.start), "to": dates.long_date(st.end), "possible": st.possible_sessions,
            # Half a day is half a day, as `attendance` counts it (the newcomer on round 156: "9 school days (17
            # sessions)").
            "absent": st.absent_sessions, "ill_sessions": len(ill), "ill_days": attendance.as_school_days(len(ill)),
            "percent": st.attendance_percent}


_PARENT_WORDS = frozenset(("parent", "mother", "father", "mum", "dad", "mam", "mom"))
# What a carer who is not the parent should check before sending (the newcomer on round 156).
_AS_PARENT = {
    "records-request": "You gave your relationship to {child} as {relationship}, and the letter says so. A request for a "
                       "child's records is made by someone with parental responsibility, or with the permission of "
                       "the child or a parent: if that is how you act for {child}, say so and attach a copy.",
    "ehc-request": "You gave your relationship to {child} as {relationship}, and the letter says so. Section 36(1) is a "
                   "request by the child's parent: ask the council, or an education law helpline, whether that "
                   "includes you, and say in the letter that {child} lives with you if so.",
}


def _draft(kind: str, template: str, subject: str, context: dict[str, Any], to: list[str],
           profile: dict[str, str], notes: list[str]) -> Draft:
    if not profile.get("parent"):
        notes.append("Your name is not in your details, so the letter is not signed. "
                     "To add it: refusal-log init --parent \"YOUR NAME\"")
    context = {**context, "parent": profile.get("parent"), "relationship": people.relationship(profile)}
    if context["relationship"] not in _PARENT_WORDS and kind in _AS_PARENT and not context.get("maintained"):
        # The letter names the carer as they are, never as the parent; whether the law lets them ask is theirs to check.
        notes.append(_AS_PARENT[kind].format(relationship=context["relationship"], child=context.get("child")))
    body = render.render(f"letters/{template}.txt.j2", context).strip("\n") + "\n"
    body = re.sub(r"\n{3,}", "\n\n", body)  # optional paragraphs leave no gaps
    return Draft(kind, subject, body, to, profile.get("email"), profile.get("parent"), dates.now(), notes)


def _chaser_to(view, profile: dict[str, str], notes: list[str]) -> list[str]:
    """Whoever the request went to: a contact's own address, never the school's for a
    council or anyone else who is not the school."""
    from refusal_log import letters

    named = [c.email for c in letters._contacts_in(view.to) if c.email]
    if named:
        return list(dict.fromkeys(named))
    if letters._NOT_SCHOOL.search(view.to) or view.kind not in ("records", "sar", "minutes", "complaint"):
        notes.append(f"The request went to {view.to}, so the draft is not addressed to the school and has no To "
                     "line. To keep their address: refusal-log contact add NAME --role ROLE --email ADDRESS")
        return []
    return people.school_address(profile, view.child, notes, view.to)


def records_request(child: str | None = None, log: bool = False) -> Draft:
    """A maintained school: the educational record (2005 Regulations); any other: a subject access request."""
    kid, nation, profile = _facts(child)
    notes: list[str] = []
    maintained = nation == "england" and kid.school_type in requests.PUPIL_INFORMATION_SCHOOLS
    if kid.school_type is None:
        notes.append(f"The school type of {kid.name} is not set, so this is a subject access request, which every "
                     "school must answer. If the school is maintained: refusal-log child edit "
                     f"\"{kid.name}\" --school-type maintained, then draft again.")
    today = dates.today()
    rule = clocks.rule("records-maintained" if maintained else "sar")
    with store.reading() as db:
        from refusal_log import schoolcalendar

        days = clocks.SchoolDays(nation, schoolcalendar.load(kid.name, db))
    by = clocks.due_date(today, rule, days)
    assumed = days.assumed and rule.unit == "school-days"
    if assumed:
        notes.append(ASSUMED_NOTE)
    context = {"child": kid.name, "subject": _subject(kid), "school": kid.school, "maintained": maintained,
               "records_law": RECORDS_LAW, "sar_law": SAR_LAW, "by": dates.long_date(by), "assumed": assumed,
               "evidence": evidence(kid.name, ("absence", "call", "meeting", "email"))}
    draft = _draft("records-request", "records-request",
                   f"{kid.name}: {'request for the educational record' if maintained else 'subject access request'}",
                   context, people.school_address(profile, kid.name, notes), profile, notes)
    if log:
        view = requests.add_request("records", kid.school or "the school", today.isoformat(), "email",
                                    "the educational record" if maintained else "subject access request", kid.name)
        draft.notes.append(f"Logged as request {view.id}, due {view.stages[0].due:%d/%m/%Y}.")
        if view.school_days_assumed and ASSUMED_NOTE not in draft.notes:
            draft.notes.append(ASSUMED_NOTE)
    return draft


def _subject(kid: people.ChildView) -> str:
    parts = [kid.name]
    if kid.born:
        parts.append(f"born {dates.long_date(date.fromisoformat(str(kid.born)))}")
    if kid.class_label:
        parts.append(kid.class_label)
    return ", ".join(parts)


def ehc_request(needs: list[str] | None = None, child: str | None = None, to: str | None = None) -> Draft:
    """A parent's request for an EHC needs assessment (England only)."""
    kid, nation, profile = _facts(child)
    if nation != "england":
        raise InvalidInput(f"{requests.OWN_SEN_SYSTEM[nation]}, so refusal-log does not draft an EHC request for "
                           f"{kid.name}. Ask the school or council about that system instead.")
    notes: list[str] = []
    if not needs:
        notes.append("No --need was given, so the letter has one section to fill in. Add one --need for each "
                     "difficulty, in your own words, such as --need \"anxiety about the classroom\".")
    today = dates.today()
    context = {"child": kid.name, "subject": _subject(kid), "school": kid.school, "needs": needs or [],
               "decision_by": dates.long_date(clocks.due_date(today, clocks.rule("ehc-decision"), clocks.SchoolDays())),
               "figures": _illness_figures(kid.name),
               "evidence": evidence(kid.name, ("absence", "gp", "meeting", "call", "email", "note")),
               "council": to}
    return _draft("ehc-request", "ehc-request", f"{kid.name}: request for an EHC needs assessment", context, [],
                  profile, notes + ["Send it to the council's SEND team; keep the date you sent it and log it: "
                                    "refusal-log request add ehc-assessment --to \"COUNCIL\" --sent DATE"])


def s19_request(child: str | None = None, to: str | None = None) -> Draft:
    """To the council: education for a child too unwell to attend school."""
    kid, nation, profile = _facts(child)
    notes: list[str] = []
    figures = _illness_figures(kid.name)
    if figures is None:
        notes.append("No school terms are set, so the letter gives no count of school days. Add them: "
                     "refusal-log calendar add-term NAME --from DATE --to DATE")
    elif figures["ill_sessions"] == 0:
        notes.append(f"Nothing is logged as illness for {kid.name}, so the letter does not say {kid.first_name} was "
                     "unwell. If that is the reason for the absence, log it with --type illness first.")
    elif nation == "england" and figures["ill_days"] < ILLNESS_POINT:
        # The newcomer on round 111: a letter at 6 days gave no hint that the guidance's point is 15.
        days = figures["ill_days"]
        notes.append(f"{days} school day{'s are' if days != 1 else ' is'} logged as illness so far. The guidance "
                     "expects the council to arrange education once it is clear a child will miss more than "
                     f"{ILLNESS_POINT} school days through illness, in a row or not; if more are expected (a doctor's "
                     "view helps), say so in the letter.")
    context = {"child": kid.name, "subject": _subject(kid), "school": kid.school, "figures": figures,
               "law": ILLNESS_DUTY.get(nation), "england": nation == "england", "council": to,
               "evidence": evidence(kid.name, ("absence", "gp", "meeting", "call"))}
    return _draft("s19-request", "s19-request", f"{kid.name}: education while unable to attend school", context, [],
                  profile, notes)


# "Dr Okafor", "Dr. O'Neill", "Doctor Smith-Jones" at the start of what was logged; not "Dr Okafor's registrar".
_DOCTOR = re.compile(r"(?:Dr\.?|Doctor)\s+([A-Z][a-z]{0,40}(?:['\u2019][A-Z][a-z]{1,40})?(?:-[A-Z][a-z]{1,40})?)(?!['\u2019]s\b)(?=\W|$)")


def gp_letter_request(child: str | None = None, to: str | None = None) -> Draft:
    """To the GP: a letter the school and council can act on."""
    from refusal_log import entries

    kid, nation, profile = _facts(child)
    # No --to: the doctor named at the child's latest GP visit ("Dr Okafor (locum)" gives "Dr Okafor"), else "Doctor".
    seen = [v.fields.get("clinician") or "" for v in entries.list_entries(["gp"], child=kid.name, include_withdrawn=False)]
    named = [m for c in seen if (m := _DOCTOR.match(c.strip()))]
    context = {"child": kid.name, "subject": _subject(kid), "school": kid.school,
               "gp": to or (f"Dr {named[-1].group(1)}" if named else None),
               "evidence": evidence(kid.name, ("gp", "absence", "meeting", "call"))}
    return _draft("gp-letter-request", "gp-letter-request", f"{kid.name}: request for a letter", context, [],
                  profile, [])


def chaser(request_id: int) -> Draft:
    """A reminder: the rule, the date it was due, and a date to reply by."""
    view = requests.get_request(request_id)
    kid, nation, profile = _facts(view.child)
    notes: list[str] = []
    stage = view.open_stages[0] if view.open_stages else None
    if stage is None:
        raise InvalidInput(f"Request {view.id} is already answered, so there is nothing to chase.")
    today = dates.today()
    reply_by = today + timedelta(days=7)
    if stage.due >= today:
        notes.append(f"This request is not overdue yet (due {stage.due:%d/%m/%Y}); the letter still asks for a reply.")
    rule = stage.rule
    assumed = view.school_days_assumed and rule.unit == "school-days"
    if assumed:
        notes.append(ASSUMED_NOTE)
    context = {"assumed": assumed, "child": kid.name, "subject": _subject(kid), "to": view.to, "sent": dates.long_date(view.sent),
               "kind": view.kind, "about": view.about, "what": (stage.legal or stage).rule.what, "due": dates.long_date(stage.due),
               "overdue": stage.due < today, "law": rule.status == "law", "guidance": rule.status == "guidance",
               "rule": rule.describe(), "source": rule.source, "extended": stage.extended,
               "within": f"{rule.length_text} from {rule.runs_from}",
               "reply_by": dates.long_date(reply_by), "entry": view.id,
               "legal": stage.legal and stage.legal.rule.status == "law",
               "legal_rule": stage.legal and stage.legal.rule.describe(),
               "legal_source": stage.legal and stage.legal.rule.source,
               "legal_due": stage.legal and dates.long_date(stage.legal.due)}
    to = _chaser_to(view, profile, notes)
    return _draft("chaser", "chaser", f"{kid.name}: reminder about my request of {dates.long_date(view.sent)}",
                  context, to, profile, notes)


def part_time_timetable(review: str, end: str, child: str | None = None, start: str | None = None) -> Draft:
    """A temporary part-time timetable: its review and end dates, with the parent's agreement."""
    kid, nation, profile = _facts(child)
    notes: list[str] = []
    first = dates.parse_date(start) if start else dates.today()
    review_day, end_day = dates.parse_date(review), dates.parse_date(end)
    if not first <= review_day <= end_day:
        raise InvalidInput("The review date must come after the start and on or before the end date "
                           f"(start {first:%d/%m/%Y}, review {review_day:%d/%m/%Y}, end {end_day:%d/%m/%Y}).")
    context = {"child": kid.name, "subject": _subject(kid), "school": kid.school, "start": dates.long_date(first),
               "review": dates.long_date(review_day), "end": dates.long_date(end_day), "england": nation == "england",
               "evidence": evidence(kid.name, ("gp", "meeting", "call"))}
    return _draft("part-time-timetable", "part-time-timetable", f"{kid.name}: part-time timetable", context,
                  people.school_address(profile, kid.name, notes), profile, notes)
