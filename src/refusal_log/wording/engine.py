"""The wording check: a small engine over the rules in rules.toml.

Design decisions:

- Rules are data. The engine knows only mechanisms (normalising, matching, negation,
  quotation, the positive rule, building a suggestion); every word list, pattern,
  explanation, source and hint lives in rules.toml.
- Matching runs on a normalised copy of the text (lower case, straight quotes, single
  spaces, contractions spelled out, typos and US spellings mapped). Every normalised
  character remembers the span of the original it came from, so each finding carries
  offsets and the matched words of the ORIGINAL text.
- Negation: a hit is dropped when "not", "never", "no"... comes up to four words before it
  in the same clause ("she is not refusing"; "it isn't that he won't go"), unless a word
  like "why", "know" or "stop" stands between ("I don't know why she is refusing" still
  counts; "she won't stop being sick" is a symptom that goes on, not a denied one). A
  negator denies only the first phrase after it, risky or not: in "he's not refusing he
  just won't go" the "won't go" still counts, and in "not feeling well won't go" the "not"
  belongs to "not feeling well". "Until" and "unless" end a clause ("won't be in until the
  school sorts it": the "not" is the absence, not a denial of what follows).
- Quotation: a hit inside quotes, or after a reporting verb whose subject is not the
  family ("Mrs Patel said he was refusing"), is someone else's account: it is capped at
  caution and does not drive a suggestion. When the parent also names an illness
  ("school called it refusal but he is ill"), it is dropped, as a denied word is: the
  parent's own reason is the illness. A quoted refusal in the first person with no one
  reporting it ("her words were 'I'm not going back there'") is the child's own, and counts.
- The positive rule: a reason that names no illness, symptom, medical appointment or
  unavoidable cause gets a caution. It is only added when no other rule fired (those
  already explain the problem). In check_document it is applied once to the whole draft:
  if no sentence names an illness, the finding is attached to the first sentence that
  talks about the absence (else the first that is not a greeting or sign-off). Greetings
  and sign-offs are never the target and never make the rule fire on their own.
- A decision word ("kept off", "staying home") or bullying given as the reason is
  softened to caution when the text (or the document) names an illness (the rule's
  `with_illness`); refusal, won't-go and can't-get wording ("school refusing", "won't
  go", "I can't get her in") stays "avoid" even then: no illness word makes it fine.
  `with_illness = "ok"` drops the hit instead: a vague word ("not up to it", "meltdown",
  a funeral, a broken-down car) is only a problem when no illness is named. What softens
  a rule is its `softened_by`, one kind or several: "named" (the default: an illness,
  symptom, appointment or unavoidable cause); "illness" (only the child's illness or
  symptom: next to a relative's emergency, "we're all at the hospital" is theirs);
  "distress" (the child's distress with no illness named: "struggling today and will be
  staying home" is a caution); "lawful" (a lawful absence of its own, s444(3): leave the
  head teacher granted, or religious observance). A hit softened only by distress or a
  lawful absence drives no suggestion: no illness was named to word one on.
- "Staying home" is treated the same however it is put ("stay home", "will be staying
  home", Northern "stopping home"): avoid with nothing named, a caution next to an illness,
  a symptom or the child's distress, and nothing to say when it is a necessity ("she has
  to stay home") or medical advice. "Keeping her home" is the parent's decision (the FAQ's
  "kept off"): avoid, softened to caution only by something named.
- A rule's `unless` patterns (macros allowed) cancel a hit: "the GP said to keep her off"
  is medical advice, not the parent's choice; "she has to stay home" is a necessity.
  `unless_after` patterns do the same from the text after the hit: "keeping him off as
  per the 48 hour rule".
- Health words come in six kinds (rules.toml [health]): generic ("unwell"), specific
  illnesses and symptoms (carried into the suggestion), care (appointments, clinicians,
  tests, medicines: they name a medical reason but are not illnesses, so they are never
  carried), episodes ("meltdown", "dysregulated": carried, but not enough on their own),
  states (tiredness and lost sleep: a symptom unless the text gives an everyday cause
  such as "up late" or "her brother screaming all night"; then not illness at all), and
  distress ("struggling", "not coping", "in tears": never carried, not enough on its own,
  and it softens only the rules that list it).
- Whose health word it is: one whose subject is the parent ("I'm ill myself") is not the
  child's; one whose subject is a relative ("her little brother was rushed to hospital")
  is not the child's either, and is reported under the rule named by [health] others_rule
  (leave, code C), whatever the illness is called.
- Round 7, whose it is clause by clause (clauses.py, words in rules.toml [reasons]): a
  health word, appointment or exclusion counts only when its clause is about the child
  ("my own hospital appointment", "his sister's got flu", "the dog is poorly" are not). The
  parent's own is reported under [reasons] parent_rule (an emergency of theirs under
  parent_emergency_rule); a brother's or sister's illness under sibling_rule (avoid), unless
  the text tells of an emergency or it only explains a bad night (then others_rule).
- Round 7, which reason: a reason stated that is neither the child's illness nor lawful is
  avoid with suggest = "none" (a trip with a motive and family events, the parent's
  illness or situation, a sibling's illness with the family kept home, a young carer's
  day, uniform, money, pets), each category a lexicon in the reasons block of rules.toml;
  bereavement, someone's emergency, travel, a bare trip and a precaution for the child
  alone ([reasons] precaution) stay cautions. A trip that is past, cancelled or missed is
  not the reason (the holiday rules' `unless`).
- Suggestions never invent a fact: "{child} is too unwell to attend school {days}
  ({the parent's own health words})". The child is the earliest name, "my son"-style
  phrase or he/she in the text (never a noun after "because of"); the days are those of
  the first sentence that gives any. With no illness word written, it says "too unwell"
  only and adds a hint to use it only if true. Where no honest rewording exists ("family
  reasons", or another reason stated: see below), the suggestion is None and a hint
  explains what to do.
- Lawful absences of their own (s444(3)): leave the head teacher has granted ("leave
  authorised by the head", "the head has agreed", code C) and religious observance (code R)
  name an unavoidable cause, so they are fine on their own; they also soften the rules
  that ask for leave (a holiday, someone else's illness, a birthday), whose hints say so.
- The parent's own words rule out illness, in two ways, and then no suggestion is made in
  the text (in a draft, in the whole draft) and the result is marked `withheld`, so that
  nothing is worded as illness for them (letters.py drafts no illness email either):
  * denied or doubted illness (rules with `suggest = "withhold"`: "she isn't ill, she
    just won't go", "it's not that she's ill, she just can't face it", "he says he feels
    sick but I'm not sure he is"), even if another illness is named, because "too unwell
    to attend" would claim what the parent has just denied;
  * another reason stated that is not the child's illness (rules with `suggest = "none"`:
    a holiday or day out, travel, leave, a birthday, revision, rest or "a break" with no
    illness, a protest, head lice, tiredness, a period, the parent's own illness ("I'm
    unwell and can't do the school run") or a relative's), unless the child's own illness
    or symptom is named: "too unwell" would put that reason into illness words.
  The rule's hint says what to do instead (ask the head teacher for leave, code C; or tell
  the school plainly what is happening). This is the ONE exception to "every avoid verdict
  comes with a suggestion", and the loader allows it only for rules that carry a hint.
- Days in the suggestion are the days of the absence. A day word that only dates the cause
  ("after yesterday", "since Monday") or the return ("back on Monday") is left out
  (rules.toml [days] not_absence), and so is a past day next to today's ("meltdown
  yesterday, won't go in today": the report is about today).
- "Refusing" with an object that is not school (food, medicine; or the school refusing
  something) is not school refusal and is not flagged.
- What kind of statement each clause is (statements.py, rules.toml [statements], round 7):
  the child's state, a decision, a refusal or choice, a doubt, a hedge, a cause, background,
  someone else's words. A kind is a frame of parts that must appear in order within one
  clause, built from small lexicons (@parent, @decide, @off_home, @ill_word...), and its
  hits are reported under an existing rule, so verdict policy stays with the rules. Lost
  sleep, exhaustion and "anxious" alone are the child's distress (a caution, suggested in
  the parent's own words); distress softens a decision, but distress about a cause
  ("upset about school") does not.
- Nothing here prints or imports anything heavy: `re` at import, `tomllib` on the first
  check. dataclasses is avoided on purpose: it alone costs ~10 ms of start-up.
"""

# The engine is three layers, each its own module: loading (rules.toml to data, compiled
# lazily), analysis (what a text says, with statements.py for what kind of statement each
# clause is) and verdict (what the parent sees). This module
# keeps the names the rest of the package has always imported from here.
from refusal_log.wording.analysis import _Analysis, _Norm, _sentences, _subject  # noqa: F401
from refusal_log.wording.speech import _negator, _reported  # noqa: F401
from refusal_log.wording.loading import RULES_PATH, Rules, _compile, _expand, load_rules  # noqa: F401
from refusal_log.wording.verdict import (  # noqa: F401
    GAP,
    CheckResult,
    Document,
    Finding,
    Result,
    Sentence,
    _withholds,
    check_document,
    InvalidUnclear,
    check_text,
    names_no_illness,
)
from refusal_log.wording.answers import fill_gap  # noqa: F401
