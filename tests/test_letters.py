"""Drafted letters: the absence email, a meeting summary and a call confirmation.

Real store, real templates and the real wording rules: the absence email must pass
`check` as a whole and never use any form of "refus", whatever was logged.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from email import policy
from email.parser import BytesParser
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from conftest import build_home, copy_home

from refusal_log import letters
from refusal_log.cli import app
from refusal_log.wording import check_text

runner = CliRunner()
LONDON = ZoneInfo("Europe/London")


def run(*args: str, code: int = 0):
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def _set_up_family(cli) -> None:
    cli("init", "--child", "Maya", "--school", "Hollins Park Academy", "--parent", "Sarah Bennett",
        "--email", "sarah@example.org", "--school-email", "attendance@hollinspark.example.org", ok=True)
    cli("contact", "add", "Mrs Patel", "--role", "attendance officer", "--email", "patel@hollinspark.example.org",
        ok=True)
    cli("contact", "add", "Mr Hughes", "--role", "SENCo", "--email", "senco@hollinspark.example.org", ok=True)


@pytest.fixture(scope="module")
def _family_once(tmp_path_factory):
    """`family`'s three commands, run once for the module (conftest.build_home); each test copies it."""
    return build_home(tmp_path_factory.mktemp("family-master") / "home", _set_up_family)


@pytest.fixture
def family(_family_once, home):
    """Maya's home with the school's attendance officer and SENCo: a private copy of the module's."""
    copy_home(_family_once, home)


def parse_eml(data: bytes):
    return BytesParser(policy=policy.default).parsebytes(data)


def assert_safe_body(body: str) -> None:
    assert "refus" not in body.lower()
    result = check_text(body)
    assert result.verdict == "ok", [(f.rule, f.matched) for f in result.findings]


# --- the absence email --------------------------------------------------------------

def test_absence_email_as_eml_file(family, tmp_path):
    run("add-absence", "--date", "08/09/2026", "--reason", "Too unwell to attend: a high temperature and sickness.",
        "--via", "email")
    out = tmp_path / "absence.eml"
    result = run("draft", "absence-email", "--date", "08/09/2026", "--out", str(out))
    assert result.stdout == ""
    assert "Nothing has been sent" in result.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    message = parse_eml(out.read_bytes())
    assert message["To"] == "attendance@hollinspark.example.org"
    assert message["From"].addresses[0].addr_spec == "sarah@example.org"
    assert message["From"].addresses[0].display_name == "Sarah Bennett"
    assert "Maya" in message["Subject"] and "8 September 2026" in message["Subject"]
    assert message["X-Unsent"] == "1"
    assert message["Message-ID"].endswith("@example.org>")
    assert message["Date"]
    body = message.get_body(("plain",)).get_content()
    assert "A high temperature and sickness" in body or "a high temperature and sickness" in body
    assert "code I" in body and "authorised" in body
    assert body.rstrip().endswith("Sarah Bennett")
    assert "Tuesday 8 September 2026" in body
    assert_safe_body(body)


def test_risky_illness_reason_is_replaced_by_the_suggestion(family):
    reason = "She is refusing to go in, she has had a migraine since last night."
    run("add-absence", "--date", "10/09/2026", "--reason", reason, "--via", "phone", "--accept-wording")
    assert json.loads(run("show", "1", "--json").stdout)["type"] == "illness"
    result = run("draft", "absence-email", "--date", "10/09/2026", "--format", "eml")
    message = parse_eml(result.stdout_bytes)
    body = message.get_body(("plain",)).get_content()
    assert_safe_body(body)
    suggestion = check_text(reason, child="Maya").suggestion  # worded for the child it is logged for, by name
    assert suggestion and suggestion.rstrip(".") in body
    # Said on stderr, calmly: what was changed and that the log keeps the parent's words.
    assert "better kept out of an email to school" in result.stderr
    assert "Your log keeps your own words" in result.stderr
    # The log itself is untouched.
    shown = run("show", "1", "--json").stdout
    assert "refusing to go in" in shown


def test_a_day_logged_twice_says_which_entry_the_email_uses(family):
    """Two absences on one day: the draft uses the latest and says so, naming both entries (the newcomer's find)."""
    run("add-absence", "--date", "11/09/2026", "--reason", "Maya is too unwell to attend school (a migraine).")
    run("add-absence", "--date", "11/09/2026", "--reason", "Maya is too unwell to attend school (tonsillitis).",
        "--accept-wording")
    drafted = run("draft", "absence-email", "--date", "11/09/2026")
    assert "tonsillitis" in drafted.stdout and "migraine" not in drafted.stdout
    note = " ".join(drafted.stderr.split())
    assert "More than one absence is logged" in note and "entries 1 and 2" in note and "refusal-log withdraw" in note


def test_a_today_written_for_another_day_is_pointed_out_and_kept(family):
    """The newcomer on round 52: "too unwell to attend school today" went into an email about another day unremarked.
    The words stay as chosen; the parent is told which day the email is about."""
    run("add-absence", "--date", "14/09/2026", "--reason", "Maya is too unwell to attend school today (a migraine).")
    drafted = run("draft", "absence-email", "--date", "14/09/2026")
    assert "too unwell to attend school today (a migraine)" in drafted.stdout
    note = " ".join(drafted.stderr.split())
    assert 'The reason says "today", and this email is about' in note and "refusal-log edit" in note


def test_leave_only_asked_for_is_never_drafted_as_granted(family):
    """The newcomer on round 126: a leave request still unanswered, typed as leave, was drafted as "the leave of absence
    the school granted ... (attendance code C)". Leave the reason shows as agreed still reads as granted."""
    run("add-absence", "--date", "14/09/2026", "--reason", "Family wedding in Ireland, leave request form already handed in",
        "--type", "leave", "--accept-wording")
    asked = run("draft", "absence-email", "--date", "14/09/2026")
    assert "I have asked the head teacher for leave of absence" in asked.stdout
    assert "granted" not in asked.stdout and "code C" not in asked.stdout
    assert "does not say the school has agreed the leave" in " ".join(asked.stderr.split())
    for day, hoped in (("16/09/2026", "Leave for the wedding, I hope leave is granted"),
                       ("17/09/2026", "Leave for the wedding, the head has not approved it")):  # the attacker on round 127
        run("add-absence", "--date", day, "--reason", hoped, "--type", "leave", "--accept-wording")
        assert "code C" not in run("draft", "absence-email", "--date", day).stdout
    run("add-absence", "--date", "15/09/2026", "--reason", "Leave granted by the head teacher for a family funeral",
        "--type", "leave", "--accept-wording")
    assert "leave of absence the school granted" in run("draft", "absence-email", "--date", "15/09/2026").stdout


def test_a_weekday_in_the_reason_that_is_not_the_emails_day_is_pointed_out(family):
    """The newcomer on round 87: "can have Friday off", logged for a Monday, was drafted asking for Monday unremarked.
    "Since Monday" is not the absence's day, and is not remarked on."""
    run("add-absence", "--date", "14/09/2026", "--reason", "The head agreed Maya can have Friday off for the funeral.",
        "--type", "leave", "--accept-wording")
    note = " ".join(run("draft", "absence-email", "--date", "14/09/2026").stderr.split())
    assert "The reason names Friday, and this email is about Monday 14 September 2026" in note
    # Nor a day the reason only mentions (the attacker on round 88), nor the days of an entry over several days.
    for day, reason in (("16/09/2026", "Maya has had a migraine since Monday."),
                        ("17/09/2026", "Maya was sick all Sunday night and is still vomiting."),
                        ("21/09/2026", "Maya has flu and is off Monday to Wednesday.")):
        more = ("--until", "23/09/2026") if day == "21/09/2026" else ()
        run("add-absence", "--date", day, *more, "--reason", reason, "--accept-wording")
        assert "The reason names" not in run("draft", "absence-email", "--date", "23/09/2026" if more else day).stderr


def test_the_drafts_wording_check_reads_the_reason_not_the_letters_label(family):
    """The newcomer on round 169: logged with a caution, the same words were "avoid" in the draft, quoted with the
    email's own "Reason for absence:" before them (its three words took the reason over the second reading's length)."""
    run("add-absence", "--date", "16/09/2026", "--reason", "She just can't face it today, she's in a right state",
        "--via", "app", "--accept-wording")
    note = " ".join(run("draft", "absence-email", "--date", "16/09/2026").stderr.split())
    assert "Wording check (caution)" in note and "(avoid)" not in note and '"Reason for absence' not in note


def test_a_weekend_day_is_pointed_out_and_the_draft_still_made(family):
    """The newcomer on round 68: drafted on a Saturday, the email said "absent today, Saturday" with no word about it,
    where add-absence points the weekend out. The draft is still made: the parent decides."""
    drafted = run("draft", "absence-email", "--date", "12/09/2026", "--reason", "Maya has a temperature of 39.")
    assert drafted.exit_code == 0 and "temperature of 39" in drafted.stdout
    note = " ".join(drafted.stderr.split())
    assert "Saturday 12 September 2026 is a weekend day" in note and "--date 14/09/2026" in note
    weekday = run("draft", "absence-email", "--date", "11/09/2026", "--reason", "Maya has a temperature of 39.")
    assert "weekend" not in weekday.stderr


def test_a_greeting_and_sign_off_typed_with_the_reason_are_left_out_of_the_email(family):
    # The newcomer on round 101: "Reason for absence: Hi Mrs Khan, Maya is off..." read oddly under the email's own greeting.
    run("add-absence", "--date", "10/09/2026", "--reason", "Hi Mrs Patel, Maya has a fever of 38.6. Thanks, Sarah")
    email = run("draft", "absence-email", "--date", "10/09/2026")
    assert "Reason for absence: Maya has a fever of 38.6.\n" in email.stdout and "Hi Mrs Patel" not in email.stdout
    assert 'leaves out "Hi Mrs Patel," and "Thanks, Sarah"' in email.stderr
    # The newcomer on round 103: no word of the reason itself is lost, and a name after "Hello" is not left as if ill.
    for reason, line in [("Thanks, she should be back on Monday", "Thanks, she should be back on Monday."),
                         ("Hello Miss Jones she is too unwell to attend", "She is too unwell to attend."),
                         ("Good morning Maya has tonsillitis. Thanks for understanding. Sarah x", "Maya has tonsillitis.")]:
        drafted = run("draft", "absence-email", "--date", "11/09/2026", "--reason", reason, "--type", "illness")
        assert f"Reason for absence: {line}\n" in drafted.stdout, drafted.stdout
    assert json.loads(run("show", "1", "--json").stdout)["reason"] == "Hi Mrs Patel, Maya has a fever of 38.6. Thanks, Sarah"


def test_own_words_keep_the_parents_illness_reason_as_written(family):
    """--own-words: the parent's words go in as they wrote them, and the check's note is still said."""
    reason = "Maya is under the weather today, keeping her off."
    run("add-absence", "--date", "10/09/2026", "--reason", reason, "--accept-wording")
    default = run("draft", "absence-email", "--date", "10/09/2026")
    assert "under the weather" not in default.stdout and "--own-words" in default.stderr
    own = run("draft", "absence-email", "--date", "10/09/2026", "--own-words")
    assert "Reason for absence: Maya is under the weather today, keeping her off." in own.stdout
    assert "in your own words" in own.stderr and "refusal-log check" in own.stderr
    # Never a form of "refus" under "please record this as illness", even when asked: the default wording instead.
    run("add-absence", "--date", "14/09/2026", "--reason", "She is refusing to go in, she has a migraine.",
        "--accept-wording")
    refusing = run("draft", "absence-email", "--date", "14/09/2026", "--own-words")
    assert "refus" not in refusing.stdout.lower() and "better kept out" in refusing.stderr
    # ...and the parent hears why --own-words was not followed, never invited to use it again (the newcomer on round 126).
    said = " ".join(refusing.stderr.split())
    assert "--own-words cannot send them" in said and "draft again with --own-words" not in said
    # Control characters and direction overrides never reach the email.
    run("add-absence", "--date", "15/09/2026", "--reason", "Poppy is \x1b[2Junder the weather\u202e today.",
        "--accept-wording")
    clean = run("draft", "absence-email", "--date", "15/09/2026", "--own-words")
    assert "\x1b" not in clean.stdout and "\u202e" not in clean.stdout
    # A reason that doubts the illness is still never sent as an illness, whatever is asked.
    run("add-absence", "--date", "11/09/2026", "--reason", "Not really ill, just tired.", "--type", "illness",
        "--accept-wording")
    refused = run("draft", "absence-email", "--date", "11/09/2026", "--own-words", code=1)
    assert "no email saying" in refused.stderr


def test_risky_reason_naming_no_illness_is_never_made_an_illness(family):
    """"Refusing" with no illness named: the parent's words, a warning, and no illness claim."""
    run("add-absence", "--date", "10/09/2026", "--reason", "She is refusing to go in.", "--accept-wording")
    result = run("draft", "absence-email", "--date", "10/09/2026")
    assert "Reason for absence: She is refusing to go in." in result.stdout
    assert "unwell" not in result.stdout and "illness" not in result.stdout and "code I" not in result.stdout
    assert '"refusing"' in result.stderr
    assert "--type illness" in result.stderr


def test_parents_words_are_used_when_they_pass_but_never_a_form_of_refus(family):
    run("add-absence", "--date", "08/09/2026", "--reason", "Too unwell to attend: a migraine since last night.")
    run("add-absence", "--date", "09/09/2026", "--reason", "She refused breakfast and is too unwell to attend.")
    own = run("draft", "absence-email", "--date", "08/09/2026")
    assert "Reason for absence: Too unwell to attend: a migraine since last night." in own.stdout
    assert own.stderr == ""
    other = run("draft", "absence-email", "--date", "09/09/2026")
    assert_safe_body(other.stdout.split("\n\n", 1)[1])
    assert "better kept out of an email to school" in other.stderr


def test_nothing_logged_never_invents_a_reason(family):
    result = run("draft", "absence-email", "--date", "14/09/2026", code=1)
    assert result.stdout == ""
    assert "Nothing is logged for Monday 14 September 2026" in result.stderr
    assert 'refusal-log add-absence --date 14/09/2026 --reason "WHAT HAPPENED"' in result.stderr
    assert "--reason" in result.stderr and "Traceback" not in result.stderr
    # With --reason, the email is drafted from it (and nothing is stored).
    given = run("draft", "absence-email", "--date", "14/09/2026", "--reason", "Too unwell to attend: a migraine.")
    assert given.stdout.startswith("To: attendance@hollinspark.example.org\n"
                                   "Subject: Maya: absence on Monday 14 September 2026\n\n")
    assert "Reason for absence: Too unwell to attend: a migraine." in given.stdout
    assert "code I" in given.stdout
    assert_safe_body(given.stdout.split("\n\n", 1)[1])
    assert run("list", "--json").stdout.strip() == "[]"
    empty = run("draft", "absence-email", "--date", "14/09/2026", "--reason", "  ", code=1)
    assert "--reason is empty" in empty.stderr


def test_draft_for_today_says_today(family):
    run("add-absence", "--date", "07/09/2026", "--until", "08/09/2026", "--reason", "Too unwell to attend: flu.")
    now = datetime(2026, 9, 8, 7, 55, tzinfo=LONDON)
    draft = letters.absence_email("08/09/2026", now=now)
    assert "absence of Maya from school today, Tuesday 8 September 2026." in draft.body
    draft = letters.absence_email("07/09/2026", now=now)
    assert "absence of Maya from school on Monday 7 September 2026." in draft.body


def test_an_absence_already_over_is_reported_as_over(family):
    # The newcomer on round 155: drafted on 7 December for 3-4 December, the email said "I expect Ella to be off school
    # until Friday" and "I will let you know when Ella is well enough to return".
    run("add-absence", "--date", "07/09/2026", "--until", "09/09/2026", "--reason", "Too unwell to attend: flu.")
    during = letters.absence_email("07/09/2026", now=datetime(2026, 9, 7, 8, 0, tzinfo=LONDON)).body
    assert "I expect Maya to be off school until Wednesday 9 September 2026." in during
    assert "well enough to return" in during
    after = letters.absence_email("07/09/2026", now=datetime(2026, 9, 14, 8, 0, tzinfo=LONDON)).body
    assert "Maya was off school until Wednesday 9 September 2026." in after
    assert "I expect" not in after and "well enough to return" not in after


def test_several_days_and_half_days(family):
    run("add-absence", "--date", "14/09/2026", "--until", "18/09/2026", "--reason", "Too unwell to attend this week.")
    run("add-absence", "--date", "21/09/2026", "--sessions", "am", "--reason", "Too unwell to attend this morning.")
    middle = run("draft", "absence-email", "--date", "16/09/2026").stdout
    assert "Wednesday 16 September 2026." in middle
    assert "off school until Friday 18 September 2026" in middle
    # The subject names every day of the absence, not only its first (the newcomer on round 152).
    assert ": absence from Wednesday 16 September 2026 to Friday 18 September 2026\n" in middle
    assert ": absence on Friday 18 September 2026\n" in run("draft", "absence-email", "--date", "18/09/2026").stdout
    morning = run("draft", "absence-email", "--date", "21/09/2026").stdout
    assert "Monday 21 September 2026 (the morning session)." in morning
    for body in (middle, morning):
        assert_safe_body(body.split("\n\n", 1)[1])


def test_missing_school_email_and_name_are_explained_not_invented():
    run("init", "--child", "Sam", "--school", "Hill Primary")
    run("add-absence", "--date", "08/09/2026", "--reason", "Too unwell to attend: a cold.")
    result = run("draft", "absence-email", "--date", "08/09/2026")
    assert not result.stdout.startswith("To:")
    assert "--school-email ADDRESS" in result.stderr
    assert "--parent" in result.stderr
    message = parse_eml(run("draft", "absence-email", "--date", "08/09/2026", "--format", "eml").stdout_bytes)
    assert message["To"] is None and message["From"] is None
    assert message["X-Unsent"] == "1"


def test_absence_email_needs_a_child_when_there_are_several(family):
    run("child", "add", "Sam")
    result = run("draft", "absence-email", code=1)
    assert "--child NAME" in result.stderr
    run("add-absence", "--child", "Sam", "--date", "08/09/2026", "--reason", "Too unwell to attend: a cold.")
    assert "Sam" in run("draft", "absence-email", "--child", "Sam", "--date", "08/09/2026").stdout


def test_wrong_format_is_a_plain_error(family):
    run("add-absence", "--date", "08/09/2026", "--reason", "Too unwell to attend: a cold.")
    result = run("draft", "absence-email", "--date", "08/09/2026", "--format", "pdf", code=1)
    assert "--format must be txt or eml" in result.stderr


# --- after a meeting ----------------------------------------------------------------

def test_meeting_summary(family):
    run("add-meeting", "--date", "01/10/2026 15:30", "--with", "Mr Hughes (SENCo), Ms Okafor (head of year)",
        "--witness", "Claire Morgan", "--summary", "We went through Maya's attendance and the GP's letter.",
        "--agreed", "Mr Hughes to set up a quiet room by 12 October; Ms Okafor to brief Maya's teachers by 9 October",
        "--minutes-requested")
    text = run("draft", "meeting-summary", "--meeting", "1").stdout
    assert text.startswith("To: senco@hollinspark.example.org\nSubject: Summary of our meeting on Thursday 1 October 2026 about Maya\n")
    assert "Dear all," in text
    assert "Thursday 1 October 2026 at 15:30" in text
    assert "- Mr Hughes (SENCo)\n- Ms Okafor (head of year)\n- Sarah Bennett, Maya's parent\n- Claire Morgan, who came with me" in text
    assert "We went through Maya's attendance and the GP's letter." in text
    assert "- Mr Hughes to set up a quiet room by 12 October\n- Ms Okafor to brief Maya's teachers by 9 October" in text
    assert "who will do it and by when" in text
    assert "As I asked at the meeting, please could you send me a copy of the school's minutes" in text
    assert "inaccurate" in text
    assert text.rstrip().endswith("Kind regards,\nSarah Bennett")


def test_meeting_summary_without_agreements_or_request(family):
    run("add-meeting", "--date", "01/10/2026 15:30", "--with", "Mrs Patel", "--summary", "Attendance review.")
    text = run("draft", "meeting-summary", "--meeting", "1").stdout
    assert text.startswith("To: patel@hollinspark.example.org\n")
    assert "Dear Mrs Patel," in text
    assert "no actions were agreed" in text
    assert "Please could you send me a copy of the school's minutes" in text


def test_a_summary_of_a_meeting_still_to_come_says_to_send_it_only_afterwards(family):
    # The newcomer on round 139: a meeting logged ahead to plan for it was summarised ("Thank you for meeting me")
    # with no word that it has not happened yet.
    from datetime import date, timedelta

    ahead = date.today() + timedelta(days=5)
    run("add-meeting", "--date", f"{ahead:%d/%m/%Y} 15:30", "--with", "Mrs Patel", "--summary", "Attendance review.")
    result = run("draft", "meeting-summary", "--meeting", "1")
    assert "has not come yet" in result.stderr and "only after the meeting" in result.stderr
    # Nothing agreed yet is a gap to fill, not "no actions were agreed" (the newcomer on round 143).
    assert "[what was agreed: fill this in after the meeting]" in result.stdout
    assert "no actions were agreed" not in result.stdout
    run("add-meeting", "--date", "01/10/2026 15:30", "--with", "Mrs Patel", "--summary", "Attendance review.")
    assert "has not come yet" not in run("draft", "meeting-summary", "--meeting", "2").stderr
    # Later the same day: the time today, not "dated" a day that has come (the attacker on round 143).
    from refusal_log import dates, letters

    morning = datetime(2026, 10, 1, 9, 0, tzinfo=dates.local_zone())
    assert any("at 15:30 today, which has not come yet" in n for n in letters.meeting_summary(2, now=morning).notes)


def test_a_draft_on_the_terminal_names_typed_control_characters(family):
    # The attacker on round 144: `draft meeting-summary` printed a typed ESC raw, so a name could clear the screen.
    run("add-meeting", "--date", "01/10/2026 15:30", "--with", "Mr \x1b[2JLee", "--summary", "Review \u202eplan.")
    out = run("draft", "meeting-summary", "--meeting", "1").stdout
    assert "\x1b" not in out and "\u202e" not in out and "\u27e8ESC\u27e9" in out and "\u27e8U+202E\u27e9" in out


def test_meeting_summary_as_eml(family):
    run("add-meeting", "--date", "01/10/2026 15:30", "--with", "Mr Hughes", "--summary", "Support plan.")
    message = parse_eml(run("draft", "meeting-summary", "--meeting", "1", "--format", "eml").stdout_bytes)
    assert message["To"] == "senco@hollinspark.example.org"
    assert "Support plan." in message.get_body(("plain",)).get_content()


# --- after a call -------------------------------------------------------------------

def test_call_confirmation_today_and_another_day(family):
    run("add-call", "--with", "Mrs Patel", "--when", "08/09/2026 09:10", "--direction", "in",
        "--summary", "Mrs Patel asked about Maya's absences. I explained she is being sick.",
        "--agreed", "I will send the GP letter; Mrs Patel will update the head of year")
    draft = letters.call_confirmation(1, now=datetime(2026, 9, 8, 11, 0, tzinfo=LONDON))
    assert "Thank you for calling me today (Tuesday 8 September 2026) at 09:10 about Maya." in draft.body
    assert draft.to == ["patel@hollinspark.example.org"]
    later = letters.call_confirmation(1, now=datetime(2026, 9, 10, 11, 0, tzinfo=LONDON))
    assert "Thank you for calling me on Tuesday 8 September 2026 at 09:10 about Maya." in later.body
    text = run("draft", "call-confirmation", "--call", "1").stdout
    assert "Subject: Our phone call on Tuesday 8 September 2026 about Maya" in text
    assert "Dear Mrs Patel," in text
    assert "My notes of what was said:\n    Mrs Patel asked about Maya's absences. I explained she is being sick." in text
    assert "- I will send the GP letter\n- Mrs Patel will update the head of year" in text
    assert re.search(r"please reply to let me know", text)


def test_a_call_with_nothing_listed_as_agreed_never_says_nothing_was_agreed(family):
    # The newcomer on round 97: the letter said "nothing specific was agreed on the call" where the parent's notes held
    # an agreement they had not listed with --agreed. The letter says only what was logged.
    run("add-call", "--with", "Mrs Patel", "--when", "08/09/2026 09:10", "--summary", "The head agreed leave for Maya.")
    text = run("draft", "call-confirmation", "--call", "1").stdout
    assert "The head agreed leave for Maya.\n\nIf I have got anything wrong" in text
    assert "agreed on the call" not in text and "My notes of what we agreed" not in text


def test_wrong_ids_are_plain_errors(family):
    run("add-note", "--when", "08/09/2026 18:00", "A quiet day.")
    result = run("draft", "call-confirmation", "--call", "1", code=1)
    assert result.stderr == ("Entry 1 is a note, not a phone call. To see the phone calls and their ids: "
                             "refusal-log list --kind call\n")
    result = run("draft", "meeting-summary", "--meeting", "99", code=1)
    assert "There is no entry 99" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_home_letter_template_overrides_the_shipped_one(family, home):
    run("add-call", "--with", "Mrs Patel", "--when", "08/09/2026 09:10", "--summary", "Short call.")
    folder = home / "templates" / "letters"
    folder.mkdir(parents=True)
    (folder / "call-confirmation.txt.j2").write_text(
        '{% set subject = "Call notes, " ~ day_long %}\nHello {{ greeting }}, notes: {{ summary }}\n', encoding="utf-8")
    text = run("draft", "call-confirmation", "--call", "1").stdout
    assert text == ("To: patel@hollinspark.example.org\nSubject: Call notes, Tuesday 8 September 2026\n\n"
                    "Hello Mrs Patel, notes: Short call.\n")


def test_no_illness_email_when_the_parent_said_the_child_is_not_ill():
    """The tool never words an absence as illness when the parent's own reason denies it."""
    from refusal_log import entries, letters, people
    from refusal_log.errors import InvalidInput

    people.setup("Maya", "Hollins Park Academy", "Sarah", "sarah@example.org", "attendance@hollins.example")
    entries.add_absence("08/09/2026", "She isn't ill, she just won't go", accept_wording=True)
    draft = letters.absence_email("08/09/2026", "Maya")
    assert "Reason for absence: She isn't ill, she just won't go." in draft.body
    for claim in ("unwell", "illness", "code I", "well enough"):
        assert claim not in draft.body
    assert any("won't go" in note for note in draft.notes)
    # Even when the parent types it as illness, their words rule it out: no email.
    entries.add_absence("09/09/2026", "She isn't ill, she just won't go", accept_wording=True, type_="illness")
    with pytest.raises(InvalidInput, match="does not say that Maya is unwell"):
        letters.absence_email("09/09/2026", "Maya")


def test_a_call_with_the_gp_is_never_addressed_to_the_school():
    from refusal_log import entries, letters, people

    people.setup("Maya", "Hollins Park Academy", "Sarah", "sarah@example.org", "attendance@hollins.example")
    people.add_contact("Mrs Patel-Jones", "attendance officer", "pj@hollins.example")
    gp = entries.add_call("Dr Shah", "Talked about the CAMHS referral", role="GP", when="08/09/2026 10:00")
    draft = letters.call_confirmation(gp.id)
    assert draft.to == [] and any("not with the school" in n for n in draft.notes)
    patel = entries.add_call("Mrs Patel", "Absence reviewed", role="attendance officer", when="08/09/2026 11:00")
    assert letters.call_confirmation(patel.id).to == ["attendance@hollins.example"]


def test_a_call_or_meeting_logged_as_a_day_alone_gets_no_made_up_time(family):
    run("add-call", "--with", "Mrs Patel", "--when", "14/09/2026", "--summary", "Talked about the week.")
    run("add-meeting", "--date", "15/09/2026", "--with", "Mrs Patel", "--summary", "Attendance review.")
    call = run("draft", "call-confirmation", "--call", "1").stdout
    assert "on Monday 14 September 2026 about Maya." in call and "00:00" not in call
    meeting = run("draft", "meeting-summary", "--meeting", "2").stdout
    assert "meeting me on Tuesday 15 September 2026 to talk about Maya" in meeting and "00:00" not in meeting


def test_an_absence_email_about_a_child_who_talked_of_dying_shows_where_to_get_help_first(family):
    # The ninth session's second newcomer: the check and the gate showed the help line, the draft did not.
    result = run("draft", "absence-email", "--reason", "She said last night she wishes she was dead and she is not coming in")
    first = result.stderr.strip().splitlines()[0]
    assert "999" in first and "Samaritans" in first
