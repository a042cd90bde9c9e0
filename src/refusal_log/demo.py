"""A made-up but realistic case, to show what a term's log looks like.

Maya is in Year 8. From the first week of the autumn term 2026 anxiety makes her
sick on school mornings; the GP refers her to CAMHS and later for an autism
assessment, and school puts support in place over a few meetings. Her mother,
Sarah, logs absences, calls, GP visits, meetings and what she sees at home. Most
absence reasons are worded well; a few are in the words tired parents often use
on the phone, logged as they were said, so the timeline shows what the wording
check made of them.

Everything is written through the same domain functions the commands use, never
raw SQL, so the demo is also a check that they work together.

Two choices keep the result the same on every run:
- the dates are fixed (7 September to 18 December 2026), and so is the moment the
  email was drafted (the timeline says, truly, when it was generated);
- each entry is recorded at a believable moment of the story (most soon after the
  event, two some days later, so the timeline's "recorded ..." mark shows), by
  letting the store's clock read the story's time while the demo writes.

The demo builds only into a folder that holds no log yet: mixing made-up entries
into a real log would spoil it as evidence, so a folder that has one is refused.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from refusal_log import dates, paths
from refusal_log.errors import InvalidInput

CHILD = "Maya"
SCHOOL = "Hollins Park Academy"
PARENT = "Sarah Bennett"
PARENT_EMAIL = "sarah.bennett@example.org"
SCHOOL_EMAIL = "attendance@hollinspark.example.org"
# The demo's absence email is for this day, drafted that morning.
EMAIL_DAY = "2026-12-14"
EMAIL_DRAFTED = "2026-12-14 07:55"
LAST_DAY = date(2026, 12, 18)  # the story's last entry: the end of term

CONTACTS = [
    ("Mrs Patel", "attendance officer", "k.patel@hollinspark.example.org", "01632 960 412"),
    ("Mr Hughes", "SENCo", "senco@hollinspark.example.org", None),
    ("Ms Okafor", "head of year", "year8@hollinspark.example.org", None),
    ("Dr Shah", "GP", None, "01632 960 777"),
    ("CAMHS", "CAMHS", None, "01632 960 300"),
]

# (kind, when it happened, when it was recorded or None for "soon after", the add
# function's arguments). Absence reasons marked risky=True are kept word for word,
# as a parent would on the evening of a hard day.
STORY: list[tuple[str, str, str | None, dict[str, Any]]] = [
    ("note", "2026-09-07 19:30", None, {"text":
        "First day back. Maya went in but texted me at lunch that her chest was tight and she could not "
        "breathe properly. She came home pale and did not eat her tea. She had stomach aches most of the weekend."}),
    ("absence", "2026-09-08", "2026-09-08 08:05", {"reason":
        "Maya is too unwell to attend today: stomach pains and being sick after a night of panic attacks.",
        "via": "email", "told": "Mrs Patel"}),
    ("note", "2026-09-08 21:00", None, {"text":
        "Maya slept most of the afternoon. She said she feels 'like something terrible is going to happen' "
        "at school but could not say what."}),
    ("absence", "2026-09-09", "2026-09-09 08:20", {"reason":
        "Too unwell to attend this morning (anxiety and being sick). Hoping she can come in after lunch.",
        "sessions": "am", "via": "phone", "told": "the school office"}),
    ("note", "2026-09-09 15:40", None, {"text":
        "Maya went in for the afternoon; I walked her to the gate. When I collected her at 15:10 she was very "
        "quiet and went straight to her room."}),
    ("absence", "2026-09-10", "2026-09-10 08:15", {"reason":
        "She is refusing to go in and I can't get her out of the door.",
        "via": "phone", "told": "Mrs Patel", "risky": True}),
    ("call", "2026-09-10 09:20", None, {"with_": "Mrs Patel", "direction": "in", "minutes": 12, "summary":
        "Mrs Patel rang about Maya's absences this week. She said attendance below 90% is flagged and asked "
        "whether Maya was 'just not wanting to come in'. I explained that Maya is being sick and having panic "
        "attacks, and that I have booked the GP.",
        "agreed": "I will send any GP letter to the attendance office; Mrs Patel will tell Ms Okafor what is happening"}),
    ("absence", "2026-09-11", "2026-09-11 07:50", {"reason":
        "Still too unwell to attend: sickness and panic attacks overnight. GP appointment booked for Monday.",
        "via": "email", "told": "Mrs Patel"}),
    ("gp", "2026-09-14 10:20", None, {"clinician": "Dr Shah", "referrals": ["CAMHS"], "letter": "requested", "summary":
        "Dr Shah saw Maya with me. She said the stomach pains and sickness fit with anxiety and that Maya is not "
        "fit for school at the moment. We talked through sleep and breathing exercises. Dr Shah is referring "
        "Maya to CAMHS and will write a letter for school."}),
    ("absence", "2026-09-14", "2026-09-14 12:10", {"until": "2026-09-18", "reason":
        "Too unwell to attend school this week: anxiety with sickness. Seen by the GP today and referred to CAMHS.",
        "via": "email", "told": "Mrs Patel"}),
    ("note", "2026-09-17 18:30", None, {"text":
        "Maya came downstairs for tea for the first time this week and talked about her art homework. "
        "Still sick most mornings."}),
    ("call", "2026-09-21 11:00", None, {"with_": "Mr Hughes", "direction": "out", "minutes": 18, "summary":
        "I rang Mr Hughes to ask what support school can put in place. He said he had not been told about "
        "Maya's anxiety before. I said Maya has always found noise and changes of plan hard, and asked whether "
        "she could be assessed for special educational needs.",
        "agreed": "Mr Hughes will set up a meeting with Ms Okafor and me before 2 October; "
                  "Mr Hughes will ask the educational psychologist whether Maya can be seen"}),
    ("absence", "2026-09-21", "2026-09-21 08:00", {"reason":
        "Maya is too unwell to attend today: anxiety and being sick this morning.", "via": "email", "told": "Mrs Patel"}),
    ("note", "2026-09-22 12:00", "2026-09-24 20:15", {"text":
        "Maya went in for periods 1 and 2 with her friend Ellie meeting her at the gate. She came home at break "
        "saying the corridors were 'too loud to think'. (Written up two days later.)"}),
    ("absence", "2026-09-28", "2026-09-28 08:30", {"reason":
        "Maya won't go to school this morning.", "sessions": "am", "via": "app", "risky": True}),
    ("note", "2026-09-29 15:30", None, {"text":
        "The letter from Dr Shah arrived. I handed a copy to the school office at 15:00 and asked for it to go "
        "to Mrs Patel and Mr Hughes."}),
    ("meeting", "2026-10-01 15:30", "2026-10-01 18:00", {
        "with_": "Mr Hughes (SENCo), Ms Okafor (head of year)",
        "witness": "Claire Morgan (family friend, took notes)", "minutes_requested": True, "summary":
        "We went through Maya's attendance since September and the GP's letter. Ms Okafor said staff had seen "
        "Maya looking anxious in corridors. Mr Hughes would like to put Maya on the SEN support register while "
        "she waits for assessment. I asked for a quiet place at break and lunch, and a card to leave a lesson "
        "when she needs to.",
        "agreed": "Mr Hughes to set up a quiet room for break and lunch by 12 October; "
                  "Ms Okafor to tell all of Maya's teachers about her needs by 9 October; "
                  "school to give Maya a leave-the-lesson card; I will send the CAMHS letter when it arrives; "
                  "review meeting in early November"}),
    ("absence", "2026-10-02", "2026-10-02 07:45", {"reason":
        "Maya is too unwell to attend today: a migraine and sickness overnight.", "via": "email", "told": "Mrs Patel"}),
    ("call", "2026-10-06 14:00", None, {"with_": "CAMHS", "direction": "in", "minutes": 15, "summary":
        "CAMHS rang to say Dr Shah's referral has been accepted. Maya is on the waiting list for an assessment; "
        "the wait is about 18 weeks. They gave me the crisis line number and are posting a self-help pack.",
        "agreed": "CAMHS to send a letter confirming the referral, for school"}),
    ("note", "2026-10-09 17:00", None, {"text":
        "Maya managed three full days this week (Tuesday to Thursday), using the quiet room at lunch. She says "
        "having the card helps even though she has not used it yet."}),
    ("absence", "2026-10-12", "2026-10-12 08:00", {"reason":
        "Maya is too unwell to attend today; she was awake most of the night with anxiety and being sick.",
        "via": "email", "told": "Mrs Patel"}),
    ("absence", "2026-10-20", "2026-10-19 19:30", {"reason":
        "Maya has an orthodontist appointment at 10:30 tomorrow morning; she will be in school from lunchtime.",
        "sessions": "am", "via": "email", "told": "Mrs Patel"}),
    ("call", "2026-10-14 10:05", None, {"with_": "Mrs Patel", "direction": "out", "minutes": 9, "summary":
        "I rang to check that Maya's recent absences are recorded as illness. Mrs Patel said 10 September was "
        "recorded as unauthorised because of what was said on the phone that morning. I explained Maya was too "
        "unwell to attend that day and that the GP's letter covers that week.",
        "agreed": "Mrs Patel will look again at how 10 September is recorded and reply by email by 21 October"}),
    ("note", "2026-10-16 16:00", None, {"text":
        "The letter from CAMHS confirming the referral arrived. I emailed a copy to Mr Hughes and Mrs Patel."}),
    ("note", "2026-10-28 19:00", None, {"text":
        "Half term. Maya is calmer and sleeping better. She went to the park with Ellie twice."}),
    ("gp", "2026-10-27 09:40", "2026-10-27 12:30", {"clinician": "Dr Shah",
        "referrals": ["Community paediatrics (autism assessment)"], "letter": "received", "summary":
        "Review with Dr Shah. Maya's sleep is better over half term but she is still sick on school mornings. "
        "Dr Shah noted sensory difficulties and distress at change that may fit autism, and is referring her for "
        "a community paediatric assessment. She gave me an updated letter for school."}),
    ("absence", "2026-11-02", "2026-11-02 07:55", {"reason":
        "Too unwell to attend school: anxiety and sickness on the first morning back.", "via": "email",
        "told": "Mrs Patel"}),
    ("absence", "2026-11-03", "2026-11-03 08:10", {"reason":
        "Too unwell to attend this morning; she will try to come in at lunch.", "sessions": "am", "via": "email",
        "told": "Mrs Patel"}),
    ("meeting", "2026-11-05 15:45", "2026-11-05 19:30", {
        "with_": "Mr Hughes (SENCo), Mrs Patel (attendance officer)", "witness": "Claire Morgan",
        "minutes_requested": True, "summary":
        "Review meeting. Attendance since 1 October is about 70%. The quiet room is working; two teachers had "
        "not heard about the leave-the-lesson card. Mrs Patel mentioned an attendance contract; I said that "
        "Maya's absences are because of illness and that she is under the GP and waiting for CAMHS. Mr Hughes "
        "suggested writing a support plan with Maya.",
        "agreed": "Mr Hughes to write a support plan with Maya and me by 20 November; "
                  "Mr Hughes to remind all staff about the leave-the-lesson card this week; "
                  "Mrs Patel to confirm in writing that absences covered by the GP's letters are recorded as illness; "
                  "next review on 3 December"}),
    ("note", "2026-11-12 20:00", None, {"text":
        "The minutes of the 5 November meeting have not arrived. I emailed Mr Hughes to ask for them again."}),
    ("absence", "2026-11-17", "2026-11-17 08:05", {"until": "2026-11-18", "reason":
        "Maya is too unwell to attend: a chest infection with a high temperature.", "via": "email",
        "told": "Mrs Patel"}),
    ("note", "2026-11-20 16:30", None, {"text":
        "Support plan meeting in school with Mr Hughes and Maya (about 20 minutes). Maya chose Miss Lewis, a "
        "teaching assistant, as her safe person."}),
    ("call", "2026-11-23 16:10", None, {"with_": "Mrs Patel", "direction": "in", "minutes": 6, "summary":
        "Mrs Patel said 10 September is now recorded as illness. She asked for any new medical letters to be "
        "sent to her directly.",
        "agreed": "I will forward the paediatric appointment letter when it comes"}),
    ("note", "2026-11-27 17:30", None, {"text":
        "Maya did a full week in school for the first time since September."}),
    ("absence", "2026-12-01", "2026-12-01 07:40", {"reason":
        "Too unwell to attend today (anxiety, sick this morning).", "via": "email", "told": "Mrs Patel"}),
    ("meeting", "2026-12-03 15:30", "2026-12-03 17:45", {
        "with_": "Mr Hughes (SENCo), Ms Okafor (head of year)", "summary":
        "Review of the support plan. Attendance in November was about 85%. Maya uses the quiet room most "
        "lunchtimes. Ms Okafor will arrange a gradual return to PE, which Maya finds hardest.",
        "agreed": "Ms Okafor to agree PE arrangements with Maya by 11 December; "
                  "Mr Hughes to chase the educational psychologist; "
                  "part-time timetable until the end of term: Maya in school every morning, at home on "
                  "Thursday afternoons; next review in January"}),
    ("absence", "2026-12-10", "2026-12-10 12:30", {"reason":
        "At home this afternoon under the part-time timetable agreed with Mr Hughes and Ms Okafor on 3 December.",
        "sessions": "pm", "via": "email", "told": "Mrs Patel"}),
    ("note", "2026-12-04 10:00", "2026-12-08 21:00", {"text":
        "The paediatric appointment letter arrived: the assessment is on 12 February 2027. I forwarded it to "
        "Mrs Patel the same day."}),
    ("absence", "2026-12-07", "2026-12-07 08:25", {"reason":
        "Maya is scared of school and doesn't want to go in.", "sessions": "am", "via": "phone",
        "told": "the school office", "risky": True}),
    ("call", "2026-12-09 09:15", None, {"with_": "Mr Hughes", "direction": "out", "minutes": 7, "summary":
        "I rang about Monday morning. Mr Hughes said Maya had told Miss Lewis that a cover teacher shouted at "
        "the class last week. He will speak to the cover team.",
        "agreed": "Mr Hughes to add Maya's support plan to the cover folder by 11 December"}),
    ("absence", "2026-12-14", "2026-12-14 07:50", {"reason":
        "Maya is too unwell to attend today: a migraine and being sick since the early hours.",
        "via": "email", "told": "Mrs Patel"}),
    # Logged a second time through the school app by mistake; withdrawn (see WITHDRAWALS).
    ("absence", "2026-12-14", "2026-12-14 08:05", {"reason":
        "Maya is too unwell to attend today: a migraine and being sick.", "via": "app"}),
    ("note", "2026-12-18 16:00", None, {"text":
        "Last day of term. Maya went in for the Christmas assembly and came home smiling. By my count she was "
        "in school for about three quarters of the term."}),
]


# Corrections, as a parent makes them: (kind, when it happened, when corrected, the
# changes, why). The original stays in the log beside each.
CORRECTIONS: list[tuple[str, str, str, dict[str, Any], str]] = [
    ("call", "2026-10-14 10:05", "2026-10-14 19:10", {"minutes": 11},
     "Checked my phone's call log: the call lasted 11 minutes, not 9."),
]
# Withdrawals: (kind, when it happened, which of that day's entries (0 first), when, why).
WITHDRAWALS: list[tuple[str, str, int, str, str]] = [
    ("absence", "2026-12-14", 1, "2026-12-14 08:15",
     "Logged twice by mistake: the same morning was already logged and reported by email."),
]


@dataclass
class DemoResult:
    home: Path
    child: str
    entries: int  # as the timeline counts them: a withdrawn entry is counted apart (`withdrawn`)
    files: list[Path]
    sample_entry: int
    sample_meeting: int
    notes: list[str] = field(default_factory=list)
    withdrawn: int = 0
    story_ends: str | None = None  # the story's last day, while it is still ahead: its later entries read "still to come"


def _choose_home(home: str | Path | None) -> Path:
    if home is None:
        return Path(tempfile.mkdtemp(prefix="refusal-log-demo-"))
    folder = Path(home).expanduser()
    if (folder / paths.DB_NAME).exists():
        raise InvalidInput(
            f"{folder} already holds a log, so the demo was not built there: made-up entries must never mix "
            "with real ones. Give the demo a new folder with --home, or leave --home out to get a fresh one."
        )
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{folder} is a file, not a folder; give the demo a folder to build in.")
    if folder.exists() and any(folder.iterdir()):
        raise InvalidInput(f"{folder} is not empty, so the demo was not built there; give it a new or empty "
                           "folder with --home, or leave --home out to get a fresh one.")
    return folder


def _write_story() -> dict[str, list[int]]:
    from refusal_log import entries, people

    adders = {"call": entries.add_call, "gp": entries.add_gp, "meeting": entries.add_meeting,
              "note": entries.add_note}
    start = dates.parse_datetime("2026-09-05 10:00")
    with dates.story_clock(start):
        people.setup(CHILD, SCHOOL, PARENT, PARENT_EMAIL, SCHOOL_EMAIL, "england")
        for name, role, email, phone in CONTACTS:
            people.add_contact(name, role, email, phone)
    # Written in the order they were recorded, as a real log would be: the ids
    # follow that order, and the timeline still lists them by when they happened.
    steps = []
    for kind, happened, recorded, args in STORY:
        moment = dates.parse_datetime(recorded) if recorded else dates.parse_datetime(happened) + timedelta(minutes=25)
        steps.append((moment, kind, happened, dict(args)))
    steps.sort(key=lambda step: step[0])
    # Entry ids by kind, plus "risky": the absences logged in words the check advises against.
    ids: dict[str, list[int]] = {}
    by_moment: dict[tuple[str, str], list[int]] = {}
    for moment, kind, happened, args in steps:
        if kind == "absence":
            risky = args.pop("risky", False)
            call = lambda: entries.add_absence(happened, accept_wording=risky, **args)  # noqa: E731
            kinds = ("absence", "risky") if risky else ("absence",)
        else:
            call = lambda: adders[kind](when=happened, **args)  # noqa: E731
            kinds = (kind,)
        with dates.story_clock(moment):
            view = call()
        for name in kinds:
            ids.setdefault(name, []).append(view.id)
        by_moment.setdefault((kind, happened), []).append(view.id)
    for kind, happened, when, changes, why in CORRECTIONS:
        with dates.story_clock(dates.parse_datetime(when)):
            view = entries.edit_entry(by_moment[(kind, happened)][0], changes, why)
        ids.setdefault("corrected", []).append(view.id)
    for kind, happened, which, when, why in WITHDRAWALS:
        with dates.story_clock(dates.parse_datetime(when)):
            view = entries.withdraw_entry(by_moment[(kind, happened)][which], why)
        ids.setdefault("withdrawn", []).append(view.id)
    return ids


def build(home: str | Path | None = None) -> DemoResult:
    """Build the example log in `home` (default a new temporary folder) and render it."""
    from refusal_log import letters, render

    folder = _choose_home(home)
    paths.set_home(folder)
    paths.ensure_private_dir(folder)
    ids = _write_story()
    from refusal_log import attendance_demo  # the term's calendar and the school's register

    attendance_demo.build(CHILD)
    from refusal_log import due_demo  # requests in every state, and agreed actions

    due_demo.build(CHILD)
    files = []
    for fmt in ("html", "md"):
        # Withdrawn entries are shown (marked), so the example shows how one looks.
        document = render.timeline(fmt, fingerprint=True, include_withdrawn=True)
        files.append(paths.write_user_file(folder / f"timeline.{fmt}", document.text))
    email = letters.absence_email(EMAIL_DAY, CHILD, now=dates.parse_datetime(EMAIL_DRAFTED))
    files.append(paths.write_user_file(folder / "absence-email.eml", email.as_eml()))
    return DemoResult(
        home=folder, child=CHILD,
        entries=sum(len(v) for k, v in ids.items() if k not in ("risky", "corrected", "withdrawn"))
        - len(ids.get("withdrawn", ())),
        files=files, sample_entry=ids["risky"][0], sample_meeting=ids["meeting"][0], notes=email.notes,
        withdrawn=len(ids.get("withdrawn", ())),
        story_ends=dates.long_date(LAST_DAY) if dates.today() <= LAST_DAY else None,
    )
