"""Drafted letters: an absence email, a summary after a meeting, a note confirming a call.

Each draft is built from the log and rendered from templates/letters/*.txt.j2 (which
a home template can override). A template sets its own subject with a top-level
`{% set subject = ... %}`; the rest of its output is the body. Drafts are never sent:
they are printed, or written as a .eml file that mail programs open as a draft.

Never words in the family's mouth. The absence email says what kind of absence the
parent logged (illness, an appointment, leave, a part-time timetable...) and asks for
only what fits it: only an illness is worded as illness, and an attendance code is
named only where the child's nation has verified codes (England's; nations.toml). An
illness reason in risky words is replaced by the check's suggestion (the log keeps the
parent's words, untouched); with nothing logged for the day, nothing is made up.
Letters to a person say "you", and quote the parent's notes as the parent's notes.
Every draft is run through the wording check; its findings come back as notes.

Nothing here prints; what the person should know about a draft is returned in
`Draft.notes`, and the command line shows it on stderr.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from refusal_log import dates, nations, render
from refusal_log.errors import InvalidInput

if TYPE_CHECKING:
    from refusal_log.entries import EntryView
    from refusal_log.people import ChildView

FORMATS = ("txt", "eml")
SUFFIX_FORMATS = {".txt": "txt", ".text": "txt", ".eml": "eml"}
# For an illness logged in words better kept out of an email, when the check has no
# safer wording of its own: what the FAQ advises saying.
TOO_UNWELL = "{child} is too unwell to attend school."
_REFUS = re.compile(r"refus", re.IGNORECASE)
# A greeting or sign-off typed with the reason: the email has its own, so the reason line leaves them out (the newcomers
# on rounds 101 and 103). Only an address may follow a greeting ("Hi Mrs Khan,", "Hello Miss Jones", "Morning all") or,
# with no comma, the child's own name ("Hi Sam off today"); only names, "x" or "(Owen's mum)" may follow a sign-off, so
# no word of the reason itself is lost ("Thanks, he should be back on Monday" is kept whole).
_NAMES = r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}"
_GREETING = re.compile(r"^\s*(?P<word>(?i:hi|hiya|hello|hey|dear|good morning|good afternoon|morning|afternoon))"
                       r"(?P<to>(?:\s+(?:(?i:there|all|everyone|both|team|sir|madam)\b|(?i:mr|mrs|ms|miss|dr)\.?\s+[A-Z][\w'\u2019-]*"
                       r"|[A-Z][\w'\u2019-]*)){0,3})(?P<end>\s*[,.!:])?\s*")
_ADDRESS = re.compile(r"\s+(?:(?i:there|all|everyone|both|team|sir|madam)\b|(?i:mr|mrs|ms|miss|dr)\.?\s)")
_SIGNOFF = re.compile(
    r"(?:[,.!?\n]\s*(?i:thanks(?: again| so much| very much)?|thank you(?: so much| very much)?|many thanks|kind regards|"
    r"regards|best wishes|cheers|ta|love|speak soon|with thanks)(?:\s+(?i:for (?:understanding|your understanding|your help|"
    rf"everything)))?[,.!]?(?:\s*{_NAMES})?(?:\s*\([^()\n]{{0,30}}\))?(?:\s*x+)?[.!]?"
    rf"|\s+[-\u2013\u2014]\s*{_NAMES}(?:\s*\([^()\n]{{0,30}}\))?"
    rf"|[.!?\n]\s*{_NAMES}\s*(?:\([^()\n]{{0,30}}\)|x+)"
    r"|[\s,]+x+)\s*$")


def _without_greeting(text: str, child: str) -> tuple[str, list[str]]:
    """The reason without a greeting or sign-off typed with it, and what was left out (see _GREETING)."""
    removed = []
    m = _GREETING.match(text)
    if m and m.group("word").lower() in ("morning", "afternoon") and not m.group("to").strip():
        m = None  # "Afternoon, dentist at 1.30": the session, not a greeting (the attacker on round 103)
    if m and (m.group("end") or _ADDRESS.match(m.group("to"))):
        removed.append(text[:m.end()].strip())
        text = text[m.end():]
    elif m and m.group("to").split()[:1] == [child]:
        removed.append(m.group("word"))
        text = text[m.start("to"):].lstrip()
    end = _SIGNOFF.search(text, max(0, len(text) - 120))  # a sign-off is short: never a scan of a long paste
    if end and end.start() > 0:
        removed.append(text[end.start():].strip(" ,.!\n"))
        text = text[:end.start()]
    return text.strip(), [r for r in removed if r]


SESSION_PHRASES = {"both": "", "am": " (the morning session)", "pm": " (the afternoon session)"}


@dataclass
class Draft:
    kind: str
    subject: str
    body: str
    to: list[str]
    sender: str | None
    sender_name: str | None
    created: datetime
    notes: list[str] = field(default_factory=list)

    def as_text(self) -> str:
        """The draft as plain text, with the To and Subject lines to copy across."""
        head = [f"To: {', '.join(self.to)}"] if self.to else []
        head.append(f"Subject: {self.subject}")
        return "\n".join(head) + "\n\n" + self.body.rstrip("\n") + "\n"

    def as_eml(self) -> bytes:
        """A standard email file that mail programs open as an unsent draft."""
        from email import policy, utils
        from email.errors import HeaderParseError
        from email.headerregistry import Address
        from email.message import EmailMessage

        message = EmailMessage(policy=policy.SMTP)
        try:
            if self.to:
                message["To"] = ", ".join(self.to)
            if self.sender:
                message["From"] = Address(display_name=self.sender_name or "", addr_spec=self.sender)
        except (HeaderParseError, ValueError, IndexError):
            raise InvalidInput("An email address in your details cannot be used in an email; "
                               "check them with 'refusal-log init --help' and set them again.") from None
        message["Subject"] = self.subject
        message["Date"] = utils.format_datetime(self.created)
        # The domain is the sender's, not this computer's name (which make_msgid
        # would otherwise look up, and which is nobody's business).
        domain = self.sender.rpartition("@")[2] if self.sender else "refusal-log.invalid"
        message["Message-ID"] = utils.make_msgid(domain=domain)
        # Thunderbird and Outlook open a message marked unsent as a draft to edit.
        message["X-Unsent"] = "1"
        message.set_content(self.body, charset="utf-8")
        return message.as_bytes()


# --- shared pieces ------------------------------------------------------------------

def _plain_name(text: str) -> str:
    """'Mr Hughes (SENCo)' -> 'Mr Hughes': the name to write after 'Dear'."""
    return " ".join(re.sub(r"\([^)]*\)", " ", text).split())


def _people(names: str) -> list[str]:
    """'Mr Hughes (SENCo, acting), Ms Okafor' -> each person, commas in brackets kept."""
    parts, depth, current = [], 0, ""
    for char in names:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in ",;" and depth <= 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [" ".join(p.split()) for p in parts if p.strip()]


def _several(names: str) -> bool:
    return len(_people(names)) > 1 or bool(re.search(r"&|\band\b|/", _plain_name(names)))


def _child(child: str | None) -> ChildView:
    from refusal_log import people, store

    with store.reading() as db:
        return people.resolve_child(db, child)


def _child_named(name: str) -> ChildView:
    """The child an entry is about, by the name the entry shows."""
    from refusal_log import people

    found = [c for c in people.list_children() if c.name == name]
    return found[0] if found else people.ChildView(0, name)


def _subject_name(kid: ChildView) -> str:
    """'Maya Bennett (Year 9, form 9R)': enough for a school to find the pupil."""
    return f"{kid.name} ({kid.class_label})" if kid.class_label else kid.name


def _child_context(kid: ChildView) -> dict:
    return {"child": kid.name, "child_first": kid.first_name, "class_label": kid.class_label,
            "child_subject": _subject_name(kid)}


def _contacts_in(text: str) -> list:
    """The known contacts named in a call's or meeting's 'with'."""
    from refusal_log import people

    # Whole names only: "Mrs Patel" is not "Mrs Patel-Jones".
    return [c for c in people.list_contacts()
            if re.search(rf"(?<![\w-]){re.escape(c.name)}(?![\w-])", text, re.IGNORECASE)]


def _letter(template: str, context: dict) -> tuple[str, str | None]:
    """Render a letter template: its body, and the subject it sets (if it does)."""
    from jinja2 import TemplateError, TemplateNotFound

    env = render.environment()
    try:
        compiled = env.get_template(f"letters/{template}.txt.j2")
        module = compiled.make_module(context)
    except TemplateNotFound as exc:
        raise InvalidInput(f"The letter template {exc.name} was not found.") from None
    except TemplateError as exc:
        raise InvalidInput(f"The letter template {template} could not be used: {exc.message}.") from None
    body = str(module).strip("\n") + "\n"
    subject = getattr(module, "subject", None)
    return body, " ".join(str(subject).split()) if subject else None


def _sign_off(profile: dict[str, str], child: str, notes: list[str]) -> str | None:
    parent = profile.get("parent")
    if not parent:
        notes.append("Your name is not in your details, so the letter is not signed. "
                     f"To add it: refusal-log init --child {_quoted(child)} --parent \"YOUR NAME\"")
    return parent


# Roles outside the school: what was said to them is not the school's to read.
_NOT_SCHOOL = re.compile(r"\b(gp|doctor|dr|camhs|nurse|clinician|therapist|psycholog\w*|psychiatr\w*|"
                         r"paediatric\w*|social worker|caseworker|council|local authority|nhs)\b", re.IGNORECASE)


def _recipients(named: list, profile: dict[str, str], child: str, notes: list[str],
                role: str | None = None) -> list[str]:
    found = [c.email for c in named if c.email]
    if found:
        return list(dict.fromkeys(found))
    roles = [r for r in [role, *(c.role for c in named)] if r]
    if any(_NOT_SCHOOL.search(r) for r in roles):
        notes.append("This was not with the school, so the draft is not addressed to the school and has no "
                     "To line. To keep their address: refusal-log contact add NAME --role ROLE --email ADDRESS")
        return []
    if profile.get("school_email"):
        from refusal_log import people

        return people.school_address(profile, child, notes)
    notes.append("There is no email address to send this to yet, so the draft has no To line. "
                 f"To add the school's: refusal-log init --child {_quoted(child)} --school-email ADDRESS")
    return []


def _quoted(text: str) -> str:
    return text if re.fullmatch(r"[\w.@-]+", text) else '"' + text.replace('"', '\\"') + '"'


_RECORDS_OF_WHAT_WAS_SAID = frozenset(("meeting-summary", "call-confirmation"))


def _draft(kind: str, context: dict, default_subject: str, to: list[str], profile: dict[str, str],
           created: datetime, notes: list[str], law: nations.Nation) -> Draft:
    from refusal_log import people

    body, subject = _letter(kind, {**context, "relationship": people.relationship(profile)})
    notes.extend(_wording_notes(body, law, illness=context.get("type") == "illness", child=context.get("child"),
                                record=kind in _RECORDS_OF_WHAT_WAS_SAID))
    return Draft(kind, subject or default_subject, body, to, profile.get("email"), profile.get("parent"),
                 created, notes)


def _wording_notes(body: str, law: nations.Nation, illness: bool, child: str | None = None,
                   record: bool = False) -> list[str]:
    """What the wording check says about the whole draft, naming the words it matched.

    The draft is still written: the parent decides. Each finding is one line, without
    its source (a source is the nation's law; `refusal-log check --file` gives it).
    A letter that is not about an illness names none by design, so the check's note
    that no illness is named is left out of it. In a `record` of what was said (a call, a
    meeting), a cause told (bullying, unmet needs: the rules with a `cause`) is what happened and
    belongs in it, so only the words that read as a choice are noted (the newcomer on round 117:
    "bullying ... is not a defence" read as "leave the bullying out").
    """
    from refusal_log import wording

    if len(body) > wording.verdict.MAX_CHECK:
        return [f"The draft is longer than the wording check reads ({wording.verdict.MAX_CHECK:,} characters), "
                "so it was not checked; read it through before you send it."]
    document = wording.check_document(body, region=law.key, child=child)
    rules = wording.load_rules()
    no_illness_rule = rules.positive[0]
    causes = {r.id for r in rules.rules if r.cause} - set(rules.generalised.get("pair_explained", ())) if record else set()
    seen, notes = set(), []
    for finding in document.findings:
        key = (finding.matched.casefold(), finding.rule)
        if key in seen or (finding.rule == no_illness_rule and not illness) or finding.rule in causes:
            continue
        seen.add(key)
        notes.append(f"Wording check ({finding.severity}): \"{finding.matched}\" in the draft. {finding.why} "
                     "The draft is written as it is; you decide whether to change it.")
    return notes


# --- the absence email --------------------------------------------------------------

# A weekday named as the day off ("can have Friday off", "off on Friday"), not any day the reason mentions ("sick all
# Sunday night", "back on Wednesday", "hurt his ankle on Saturday": the attacker on round 88).
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEKDAY = re.compile(rf"\b(?:have|has|take|taking|having|off|away|absent) (?:on )?({_DAY})\b(?! night| evening| to\b)"
                      rf"|\b({_DAY}) off\b", re.IGNORECASE)


def _reason_for_illness(text: str, result, entry_id: int | None, child: str, notes: list[str], region: str,
                        own_words: bool = False) -> str:
    """The reason sentence for an illness email: the parent's words if they pass the
    check (or if they asked for them, `own_words`), otherwise the check's suggestion. Never an
    illness the parent ruled out.

    `result` is the wording check of `text`; entry_id is the absence logged for the day, or None
    for a reason given with --reason."""
    from refusal_log import wording

    def check_text(words: str):
        return wording.check_text(words, region=region)

    said = f"The reason logged in entry {entry_id}" if entry_id else "The reason you gave"
    fix = (f"correct the entry if it was logged wrongly (refusal-log edit {entry_id} --reason \"...\" "
           "--type TYPE)") if entry_id else "give the reason as it is (--reason \"...\" --type TYPE)"
    if result.withheld or wording.illness_ruled_out(text, child=child):  # as attendance.counted_type reads it
        raise InvalidInput(
            f"{said} does not say that {child} is unwell (it names no illness, gives another reason, or doubts the "
            f"illness), so no email saying {child} is unwell was drafted. Tell the school plainly what is "
            f"happening (for leave, ask the head teacher), or {fix}."
        )
    # Any form of "refus" is kept out even where the rules let it pass ("she refused
    # breakfast"): in an attendance email it is too easily read as the child choosing not to go.
    if result.verdict == "ok" and not _REFUS.search(text):
        return render.sentence(text)
    if own_words and not _REFUS.search(text):
        # The parent's choice: their words go in, and they hear once more what the check found.
        # (Never a form of "refus" under "please record this as illness": the email would argue against itself.)
        notes.append(f"As you asked, the draft gives {said[0].lower() + said[1:]} in your own words. The wording "
                     "check has a note about them (see 'refusal-log check'): read it before you send.")
        return render.sentence(text)
    if own_words:  # the newcomer on round 126: --own-words was ignored without a word
        notes.append("Your own words use a form of \"refuse\", which an email asking for the absence to be recorded as "
                     "illness would argue against, so --own-words cannot send them; the draft words it as below.")
    suggestion = result.suggestion
    if suggestion and not _REFUS.search(suggestion) and (
            wording.GAP in suggestion or check_text(suggestion).verdict == "ok"):
        chosen = render.sentence(suggestion)
    elif result.verdict == "caution" and not _REFUS.search(text):
        # Only a note of caution and no better wording: the parent's own words stand
        # (the draft's wording check shows the note on stderr).
        return render.sentence(text)
    else:
        # The parent logged an illness (that is what the type says), so saying they are
        # too unwell keeps their meaning without the risky words.
        chosen = TOO_UNWELL.format(child=child)
    if wording.GAP in chosen:
        notes.append(f"The draft has a gap, {wording.GAP}, where only you can say what is wrong: fill it in before "
                     "you send it (refusal-log does not guess an illness).")
    notes.append(
        f"{said} (\"{' '.join(text.split())}\") has wording that is better kept out of an email "
        f"to school (see 'refusal-log check'), so the draft says instead: \"{chosen}\""
        + (" Your log keeps your own words as they were." if entry_id else "")
        + ("" if _REFUS.search(text) else " To send your own words instead, draft again with --own-words.")
    )
    return chosen


# Leave said plainly to be agreed, and nothing that says it was not or is only hoped for (the attacker on round 127:
# "the head has not approved it", "I hope leave is granted" were drafted as granted).
_GRANTED = re.compile(r"\b(?:granted|agreed|approved|authori[sz]ed|signed (?:it )?off|gave (?:us |her |him |them )?permission|"
                      r"said yes|okayed|ok'd)\b", re.I)
_NOT_GRANTED = re.compile(r"\b(?:not|never|hope|hoping|hoped|if|whether|refused|said no|turned (?:it |us )?down|waiting|await\w*|"
                          r"pass(?:ed)? (?:it|our request|the request) (?:on|to)|last year|but)\b|n['\u2019]t\b", re.I)


def _nothing_logged(day: date, child: str) -> InvalidInput:
    return InvalidInput(
        f"Nothing is logged for {dates.full_date(day)}, so there is no reason to put in the email (refusal-log "
        "never makes one up). Log the day first, then draft again:\n"
        f"  refusal-log add-absence --date {day:%d/%m/%Y} --reason \"WHAT HAPPENED\" --child {_quoted(child)}\n"
        "or give the reason for this email only: refusal-log draft absence-email "
        f"--date {day:%d/%m/%Y} --reason \"WHAT HAPPENED\" --child {_quoted(child)}"
    )


def absence_email(day: str | None = None, child: str | None = None, now: datetime | None = None,
                  reason: str | None = None, type_: str | None = None, own_words: bool = False) -> Draft:
    """Draft the email reporting an absence on a day, worded for its type and the child's nation.

    The reason is the one logged for the day; with nothing logged, `reason` (checked as
    add-absence checks it, and not stored) must be given. Only an illness is worded
    as illness, and only England's attendance codes are ever named. With `own_words`, an
    illness reason the check would reword goes in as the parent wrote it.
    """
    from refusal_log import entries, people, wording
    from refusal_log.text import required_text

    now = now or dates.now()
    the_day = dates.parse_date(day) if day else now.astimezone(dates.local_zone()).date()
    kid = _child(child)
    profile = people.profile(for_letter=True)
    law = people.region_of(profile)
    notes: list[str] = []
    # As add-absence does: a weekend day is more often a date typed or defaulted by mistake than a day of school.
    if the_day.weekday() >= 5:
        notes.append(f"{dates.full_date(the_day)} is a weekend day, when schools are closed. If you meant a school "
                     f"day, draft again with --date (for example --date "
                     f"{the_day + timedelta(days=7 - the_day.weekday()):%d/%m/%Y} for the Monday after).")
    logged = entries.list_entries(["absence"], the_day.isoformat(), the_day.isoformat(), kid.name,
                                  include_withdrawn=False)
    # If a day was logged twice, the latest entry is the one the parent meant last, and the note says so.
    view = logged[-1] if logged else None
    if len(logged) > 1:
        ids = ", ".join(str(v.id) for v in logged[:-1])
        notes.append(f"More than one absence is logged for {dates.full_date(the_day)} (entries {ids} and {view.id}); this "
                     f"draft uses the latest, entry {view.id}. If you meant another, withdraw the one you did not mean "
                     f"(refusal-log withdraw ID --reason \"...\") and draft again.")
    if view is not None and (reason is not None or type_ is not None):
        raise InvalidInput(
            f"An absence is already logged for {dates.full_date(the_day)} (entry {view.id}), and the email uses "
            f"what it says. To change it: refusal-log edit {view.id} --reason \"...\" --type TYPE --why \"...\""
        )
    if view is None and reason is None:
        raise _nothing_logged(the_day, kid.name)
    if view is not None:
        text, kind, entry_id = view.fields["reason"], view.fields["type"], view.id
    else:
        text = required_text(reason, "--reason", "the reason for the absence, in your own words")
        kind, entry_id = nations.absence_type(type_, text, kid.name), None
    bare, removed = _without_greeting(text, kid.first_name)
    if bare and removed:
        said = " and ".join(f'"{r}"' for r in removed)
        notes.append(f"The email has its own greeting and sign-off, so the reason line leaves out {said}"
                     + (" (your log keeps them)." if entry_id else "."))
        text = bare
    # Checked once, now, not only trusted from when it was logged: the email must pass the rules as
    # they stand today.
    result = wording.check_text(text, region=law.key, child=kid.name)
    if result.urgent:
        # Talk of dying or self-harm in the reason: where to get help comes first, whatever is drafted.
        notes.insert(0, f"Get help now: {result.urgent}")
    if kind == "exclusion":
        raise InvalidInput(
            f"This absence{f' (entry {entry_id})' if entry_id else ''} is a suspension or exclusion: the school decided it and records it itself, "
            "so there is nothing to report and no email was drafted. Keep any letter about it with: "
            "refusal-log attach ID FILE"
        )
    if kind == "illness":
        worded = _reason_for_illness(text, result, entry_id, kid.first_name, notes, law.key, own_words)
    else:
        # Not an illness: the parent's own words, never the check's "too unwell"
        # suggestion (which would claim an illness nobody logged). If the words are
        # risky, the parent hears so (below) and may correct the entry themselves.
        worded = render.sentence(text)
        if result.verdict == "avoid" and not result.withheld:
            fix = (f"refusal-log edit {view.id} --reason \"...\" --type illness --why \"...\""
                   if view else "--reason \"...\" --type illness")
            said = f"The reason logged in entry {entry_id}" if entry_id else "The reason you gave"
            notes.append(f"{said} names no illness, so the email gives it in your own words. "
                         f"If {kid.first_name} was unwell, say so and name it ({fix}), then draft again.")
    is_today = the_day == now.astimezone(dates.local_zone()).date()
    said_today = re.search(r"\b(?:today|this morning|this afternoon|tonight)\b", worded, re.IGNORECASE)
    if said_today and not is_today:
        # The words are the parent's, or the wording they chose: never changed here, but a "today" written on
        # another day would tell the school the wrong day (the newcomer on round 52).
        fix = f" or the entry (refusal-log edit {entry_id} --reason \"...\" --why \"...\")" if entry_id else ""
        notes.append(f"The reason says \"{said_today.group()}\", and this email is about {dates.full_date(the_day)}. "
                     f"If that reads wrongly, change the email before you send it{fix}.")
    # A weekday named in the reason that is not the email's day ("can have Friday off", logged for a Monday): the email
    # would ask for the wrong day to be recorded (the newcomer on round 87).
    named = (m.group(1) or m.group(2) for m in _WEEKDAY.finditer(worded))
    other_day = next((d for d in named if d.lower() != f"{the_day:%A}".lower()), None)
    if other_day and not (view and view.fields.get("until")):  # an entry over several days names several
        fix = f" or the entry's date (refusal-log edit {entry_id} --date DD/MM/YYYY --why \"...\")" if entry_id else ""
        notes.append(f"The reason names {other_day}, and this email is about {dates.full_date(the_day)}. "
                     f"If the absence is on another day, change the email before you send it{fix}.")
    # Leave the reason does not show as granted ("the leave form is in") is not said to be granted, nor coded as if it
    # were (the newcomer on round 126: a request still unanswered was drafted as "the leave the school granted").
    asked_only = kind == "leave" and (result.verdict != "ok" or not _GRANTED.search(text) or _NOT_GRANTED.search(text))
    if asked_only:
        notes.append("The reason does not say the school has agreed the leave, so the email asks for it rather than "
                     "saying it was granted. If the head teacher has agreed it, say so in the reason and draft again.")
    code = None if asked_only else law.code_for(kind)
    if code is None and not asked_only and kind in nations.nation(nations.DEFAULT).codes and law.unverified:
        notes.append(law.unverified)
    until, last = None, the_day
    if view and view.fields.get("until"):
        last = date.fromisoformat(view.fields["until"])
        until = dates.full_date(last) if last > the_day else None
    # An absence already over is reported as over: no "I expect ... until" nor "I will let you know when ... is well
    # enough to return" for days gone by (the newcomer on round 155).
    over = last < now.astimezone(dates.local_zone()).date()
    attendance = [c for c in people.list_contacts() if "attendance" in c.role.lower()]
    # Always the school's attendance address: that is where the FAQ says to report.
    to = _recipients([], profile, kid.name, notes)
    context = {
        **_child_context(kid),
        "type": "leave-asked" if asked_only else kind,
        "code": code,
        "nation": law.name,
        "day_long": dates.full_date(the_day),
        "day_full": dates.full_date(the_day),
        "is_today": is_today,
        "sessions": SESSION_PHRASES.get((view.fields.get("sessions") if view else None) or "both", ""),
        "reason": worded,
        "until": until,
        "over": over,
        "greeting": attendance[0].name if attendance else "Attendance Team",
        "parent": _sign_off(profile, kid.name, notes),
    }
    # An absence over several days names them all in the subject, not only the first (the newcomer on round 152).
    days = f"from {dates.full_date(the_day)} to {until}" if until else f"on {dates.full_date(the_day)}"
    return _draft("absence-email", context, f"{_subject_name(kid)}: absence {days}", to, profile, now, notes, law)


# --- after a meeting or a call -----------------------------------------------------

def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _entry_of_kind(entry_id: int, kind: str) -> EntryView:
    from refusal_log import entries

    from refusal_log import kinds

    view = entries.get_entry(entry_id)
    if view.kind != kind:
        wanted, found = kinds.get(kind), kinds.get(view.kind)
        raise InvalidInput(
            f"Entry {entry_id} is {_a(found.one)}, not {_a(wanted.one)}. To see the {wanted.plural} "
            f"and their ids: refusal-log list --kind {kind}"
        )
    return view


def _conversation(view: EntryView, local: datetime, profile: dict[str, str], notes: list[str]) -> dict:
    """What a meeting summary and a call confirmation both say: who, what, what was agreed."""
    f = view.fields
    return {
        **_child_context(_child_named(view.child)),
        "day_long": dates.full_date(local),
        "with": f["with"],
        "summary": f["summary"].strip(),
        "agreed": render.bullets(f.get("agreed")),
        "parent": _sign_off(profile, view.child, notes),
    }


def meeting_summary(meeting_id: int, now: datetime | None = None) -> Draft:
    """Draft your own summary of a meeting, asking for the school's minutes."""
    from refusal_log import people

    now = now or dates.now()
    view = _entry_of_kind(meeting_id, "meeting")
    f = view.fields
    profile = people.profile(for_letter=True)
    notes: list[str] = []
    local = view.when.astimezone(dates.local_zone())
    context = {
        **_conversation(view, local, profile, notes),
        "day_full": dates.full_date(local),
        # A day given without a time keeps none: never a made-up 00:00.
        "time": None if view.timeless else f"{local:%H:%M}",
        "people": _people(f["with"]),
        "greeting": "all" if _several(f["with"]) else _plain_name(f["with"]),
        "witness": f.get("witness"),
        "minutes_requested": bool(f.get("minutes_requested")),
    }
    # A meeting logged ahead (to plan for it) has not happened yet: the summary thanks them for it all the same.
    context["ahead"] = (local.date() > now.astimezone(dates.local_zone()).date()) if view.timeless else view.when > now
    if context["ahead"]:
        today = local.date() == now.astimezone(dates.local_zone()).date()  # later today: the time, not "the day"
        notes.append(f"This meeting is {f'at {local:%H:%M} today' if today else f'dated {dates.full_date(local)}'}, "
                     "which has not come yet. The summary is written as if it has taken place, so send it only after "
                     "the meeting, once what it says is true.")
    to = _recipients(_contacts_in(f["with"]), profile, view.child, notes)
    return _draft("meeting-summary", context, f"Summary of our meeting on {dates.full_date(local)} about "
                  f"{context['child_subject']}", to, profile, now, notes, people.region_of(profile))


def call_confirmation(call_id: int, now: datetime | None = None) -> Draft:
    """Draft a short email confirming what was said and agreed on a phone call."""
    from refusal_log import people

    now = now or dates.now()
    view = _entry_of_kind(call_id, "call")
    f = view.fields
    profile = people.profile(for_letter=True)
    notes: list[str] = []
    local = view.when.astimezone(dates.local_zone())
    same_day = local.date() == now.astimezone(dates.local_zone()).date()
    context = {
        **_conversation(view, local, profile, notes),
        # The date in full even on the day: one spelling throughout, and the email may be
        # read (or sent) later than it was drafted.
        # "today (Tuesday 1 December 2026) at 09:15", "on Tuesday 1 December 2026 at 09:15": so the sentence goes
        # straight on ("... about Lily") with no stray comma.
        "when": (f"today ({dates.full_date(local)})" if same_day else f"on {dates.full_date(local)}")
                + ("" if view.timeless else f" at {local:%H:%M}"),
        "role": f.get("role"),
        "greeting": _plain_name(f["with"]),
        "they_rang": f.get("direction") == "in",
    }
    to = _recipients(_contacts_in(f["with"]), profile, view.child, notes, role=f.get("role"))
    return _draft("call-confirmation", context, f"Our phone call on {dates.full_date(local)} about "
                  f"{context['child_subject']}", to, profile, now, notes, people.region_of(profile))
