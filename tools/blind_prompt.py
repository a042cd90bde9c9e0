"""The brief for a helper who writes a blind set: 100 labelled everyday absence messages.

How issue 10's agreement is measured (a maintainer's tool, not part of refusal-log): a helper who has not seen the
rules, the tests or the issue is given this brief and writes BLIND_DIR/blindN.jsonl; tools/blind_score.py then scores
the check against it before any row is read, and only then may its rows join tests/wording_cases.txt.

    python tools/blind_prompt.py N [tricky] > BLIND_DIR/prompt_blindN.txt

The guide below follows the table's conventions (tests/wording_cases.py); "tricky" asks for the hard cases.
"""
import os
import random
import sys

N = int(sys.argv[1])
BLIND_DIR = os.environ.get("BLIND_DIR", "/work/eval-tools")
TRICKY = len(sys.argv) > 2 and sys.argv[2] == "tricky"
rng = random.Random(N * 7919)

VOICES = ["texts typed one-handed on a phone, lower case, little punctuation", "polite emails with a greeting and sign-off",
          "Scottish, Welsh, Geordie, Scouse, Brummie or Yorkshire turns of phrase", "parents whose first language is not English "
          "(simple grammar, missing words)", "very short notes (under ten words)", "long rambling messages of two or three sentences",
          "grandparents, foster carers, step-parents and dads writing", "messages left on the attendance line, written down as spoken",
          "a few Welsh words mixed in (yn sâl, yn dost, pen tost)", "typos, autocorrect slips and text-speak (u, gonna, cos, tmrw)"]
voices = rng.sample(VOICES, 5)
names = rng.sample(["Aisha", "Ben", "Callum", "Dylan", "Ella", "Freya", "Ghazal", "Hamza", "Isla", "Jake", "Kacper", "Leah",
                    "Mohammed", "Niamh", "Oisin", "Poppy", "Rhys", "Sofia", "Tyler", "Zainab", "Amara", "Bartek", "Cerys",
                    "Darius", "Esme", "Finlay", "Grace", "Harvey", "Ishaan", "Jessica", "Kai", "Lola", "Mason", "Nia",
                    "Olly", "Priya", "Ruby", "Seren", "Theo", "Yusuf"], 14)

GUIDE = """
THE THREE LABELS (how a careful parent advocate in England reads an absence message)

The law: a child's own illness (physical or mental: anxiety, panic, low mood, a migraine, a bug) is a
reason the law accepts. So are: a medical, dental, hospital, therapy or CAMHS appointment of the child's;
the school being closed to the child or telling the parent to keep the child home; council school
transport that did not come; a suspension or exclusion; an agreed part-time timetable; leave the head
teacher has already authorised; a day set apart for the family's religion. "She won't go", "he's
refusing", "I can't get him in", "he's being bullied", "we're on holiday", "I'm ill so I can't do the
school run" are NOT reasons the law accepts, even when true.

ok      - the message gives one of the accepted reasons above, plainly, as today's reason, and nothing
          that undercuts it. A parent denying a risky word next to a real illness is still ok
          ("it isn't refusal, she has a fever").
caution - nothing the law rejects, but not a clear accepted reason either, or a risk worth a second look:
          the child's state with no illness named (struggling, not herself, a meltdown, overwhelmed,
          dysregulated, sensory overload, "not up to it", "under the weather" alone, "having a mental
          health day"); the child's own claim reported ("he says he has a headache"); the parent unsure
          whether it is an illness ("I'm not sure if she's ill"); mild symptoms with the parent choosing
          to keep the child home ("keeping her off, she's got a bit of a cold"); someone else's illness,
          emergency, death or funeral in the family; tired because someone else kept them up (a
          sibling's night terrors, a night at A&E with a grandparent); the family's car broken down or
          a snowed-in road; a period with no symptom; leave asked for but not yet answered, the day not
          yet taken.
avoid   - the message gives, as the reason, something the law does not accept or that undermines the
          claim: refusal in any words (won't go, refuses, on strike, done with school, can't get her
          in, won't get out of the car, "school refusing" even next to an illness); bullying, a
          falling-out with a teacher, needs not met or support not in place given as the reason; a
          holiday, a trip, a birthday, a day out, leave not granted but taken anyway; a mental health
          day or duvet day the parent gives or lets the child have; a lie-in; tired after a late night,
          party, sleepover, trip, match, tournament or wedding; the parent denying illness and giving
          only tiredness or mood ("not ill exactly, just wiped out"); the parent's own problems (ill,
          no lift, childminder let us down, a sibling's appointment the child tags along to, working);
          the parent doubting the illness ("funny how it's always Mondays", "miraculous recovery by
          ten"); the illness over but the child kept home anyway "to be sure".
Notes: a doctor's, nurse's, 111's or the school's advice to keep the child home is ok (it is their
advice, not the parent's choice). A decision word ("keeping him home") beside a clear illness with real
symptoms (a fever, being sick) is still ok; beside only a mild symptom it is a caution.
"""

if TRICKY:
    MIX = """Make these HARD cases, the kind a quick reader gets wrong: two reasons in one message (an illness
AND a refusal; a sibling's illness and the child's own); someone else's words (the school's text,
the GP's advice, the child's own claim, a teacher calling it refusal) beside the parent's own;
denials and hedges ("not ill as such", "probably nothing but"); history told beside today's reason
("last year he was bullied, today he has a fever"); doubt in sly words; lawful reasons in unusual
words (the council cab never came; Year 9 told to stay home; on a reduced timetable agreed with
the head); illnesses of the parent, grandparent, twin or baby; sarcasm, emoji, scare quotes.
Label each as the guide says; where two labels are defensible, pick the one the guide supports."""
else:
    MIX = """Make these EVERYDAY messages, the kind attendance offices get every morning: mostly plain reports
(illness, appointments, a child refusing or anxious, a parent's car, a holiday, a family
emergency), in all kinds of voices. Roughly a third of each label."""

print(f"""You are helping measure a text classifier. Write 100 NEW absence messages that UK parents or
carers might send a school on the morning a child is not going in, each with a label. Do not read any
file other than this one; do not look in /work/main, /work/shared or anywhere else for examples. Write
them from your own knowledge of how people write.

{GUIDE}
{MIX}

Voices to use across the set (mix them): {'; '.join(voices)}. Use these first names among others,
or none ("my son", "she"): {', '.join(names)}. Vary length, tone and detail; no two messages alike.
Do not write labels or hints inside the message text.

Write the result to {BLIND_DIR}/blind{N}.jsonl, one JSON object per line, exactly:
{{"text": "the message as the parent wrote it", "label": "ok" | "caution" | "avoid"}}
(Use \\n inside the JSON string for a line break in an email.) Exactly 100 lines. Then check the file
parses (python3 -c "import json; [json.loads(l) for l in open('{BLIND_DIR}/blind{N}.jsonl')]")
and reply with one line: the file's path and the count of each label.""")
