"""The letter asking the school to correct a register code (`draft register-correction`).

It says only what the family logged: how and when the absence was reported (with the
entry numbers), the code the school gave, and, for a child in England, the code that
fits what was reported (illness: I; an appointment: M, SI 2024/208 reg 10). Outside
England no English code or law is named. It must pass the wording check like every
other letter. Nothing here prints.
"""

from __future__ import annotations

import re

from refusal_log import attendance, dates, people, register, render
from refusal_log.errors import InvalidInput
from refusal_log.letters import Draft

# What fits what the parent reported, in England (facts.md section 14a).
FITS = {"illness": "I", "appointment": "M"}
SESSION_WORDS = {("am",): "morning session", ("pm",): "afternoon session", ("am", "pm"): "morning and afternoon sessions"}
# The register law the letter names: England's, where code I and code M are set out
# (SI 2024/208 reg 10). Elsewhere no code table is verified, so no law is named.
REGISTER_LAW = {"england": "the School Attendance (Pupil Registration) (England) Regulations 2024"}


def register_correction(day: str, child: str | None = None) -> Draft:
    """Draft the letter for one day where the family's record and the school's code differ."""
    the_day = dates.parse_date(day)
    st = attendance.standing(the_day.isoformat(), the_day.isoformat(), child)
    found = [m for m in st.mismatches if m.date == the_day]
    if not found:
        raise InvalidInput(f"On {dates.human_date(the_day)} your log and the school's register do not disagree "
                           "(or there is no register code for that day), so there is nothing to ask them to correct. "
                           "'refusal-log attendance' lists the days that differ.")
    profile = people.profile(for_letter=True)
    notes: list[str] = []
    # One letter speaks for one kind of logged reason (or for nothing logged): a session the log says something else
    # about, or nothing about, is left out with a note, never asked to be recoded as this one (the attacker on round
    # 156: a morning's illness asked for code I for the afternoon too; an afternoon's absence read "no record").
    found.sort(key=lambda m: (m.entry is None, m.session))
    first = found[0]
    apart = [m for m in found if _kind(m) != _kind(first)]  # two entries of one kind (am and pm illness): one letter
    found = [m for m in found if m not in apart]
    if apart:
        why = apart[0].why.split(".")[0]  # "The school has Sam absent, but ..." as a clause
        notes.append(f"This letter is about the {SESSION_WORDS[tuple(sorted({m.session for m in found}))]} only. The "
                     f"{SESSION_WORDS[tuple(sorted({m.session for m in apart}))]} also differs from your log "
                     f"({why[:1].lower() + why[1:]}); ask about it separately.")
    slots = tuple(sorted({m.session for m in found}))
    codes = sorted({m.school_code for m in found})
    mark = st.marks[(the_day, first.session)]
    logged = st.logged.get((the_day, first.session))
    fits = FITS.get(logged.type) if logged and st.nation == "england" else None
    meaning = register.england_codes()[codes[0]].meaning if st.nation == "england" and len(codes) == 1 else None
    if meaning:
        # The letter puts the meaning in brackets, so its own brackets become commas:
        # "code I (illness, physical or mental, not appointments)", not brackets in brackets.
        meaning = re.sub(r"\s*\(([^()]*)\)", r", \1", meaning)
    entry = None
    if logged is not None:
        from refusal_log import entries

        view = entries.get_entry(logged.entry_id)
        entry = {"id": view.id, "via": render.VIA_WORDS.get(view.fields.get("via") or "", ""), "told": view.fields.get("told"),
                 "recorded": dates.human_datetime(view.recorded), "type": logged.type,
                 "corrected": dates.human_datetime(view.corrected) if logged.corrected else None,
                 "reworded": logged.suggested,
                 # Half a day logged is said as half a day (the newcomer on round 155: "unable to attend that day").
                 "part": {"am": "that morning", "pm": "that afternoon"}.get(view.fields.get("sessions") or "")}
        if logged.corrected:
            # What the school was told at the time may differ from the corrected entry: the letter says only what the
            # log now records, and when it was corrected, never "I reported" (the newcomer on round 101).
            notes.append(f"Entry {view.id} was corrected after it was first logged, so the letter says what your log "
                         "records now and when it was corrected, not what you told the school at the time.")
        elif entry["reworded"]:
            # The parent chose the suggested wording at the gate: the school may have been told the first words, so
            # the letter never says "I reported" the suggested ones (the newcomer on round 153).
            notes.append(f"Entry {view.id} keeps the suggested wording you chose beside the words you first typed, "
                         "so the letter says what your log records, not what you told the school at the time.")
    if logged is None:
        notes.append(f"Nothing is logged for {dates.human_date(the_day)}, so the letter only asks what the code is "
                     f"based on and says nothing about why {st.child} was away. If {st.child} was absent, log it "
                     f"first (refusal-log add-absence --date {the_day:%d/%m/%Y} --reason \"...\"), then draft again.")
    if not profile.get("parent"):
        notes.append("Your name is not in your details, so the letter is not signed. "
                     f"To add it: refusal-log init --child \"{st.child}\" --parent \"YOUR NAME\"")
    to = people.school_address(profile, st.child, notes)
    context = {
        "child": st.child, "day_full": dates.full_date(the_day), "day_long": dates.long_date(the_day),
        "sessions": SESSION_WORDS[slots], "these": "these sessions" if len(slots) > 1 else "this session",
        "codes": " and ".join(codes), "meaning": meaning,
        "source": mark.source, "entry": entry, "kind": _kind(first), "fits": fits,
        "law": REGISTER_LAW.get(st.nation), "england": st.nation == "england", "parent": profile.get("parent"),
    }
    body = render.render("letters/register-correction.txt.j2", context).strip("\n") + "\n"
    subject = f"{st.child}: attendance register for {dates.long_date(the_day)}"
    return Draft("register-correction", subject, body, to, profile.get("email"), profile.get("parent"),
                 dates.now(), notes)


def _kind(m: attendance.Mismatch) -> str:
    if m.logged is None:
        return "unlogged"
    if m.logged in ("illness", "appointment") and "unauthorised" in m.why:
        return m.logged
    if "unauthorised" in m.why:
        return "reported"  # another reason the family gave (transport, leave...): the letter asks, claims nothing
    return "present" if "present" in m.why else "other"
