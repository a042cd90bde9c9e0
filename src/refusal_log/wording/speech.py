"""Negation and someone else's words: which risky phrases the parent denies ("she is not
refusing") and which are another person's ("Mrs Patel said he was refusing"). Read by
analysis.py; the words themselves live in rules.toml ([context])."""

from __future__ import annotations

import re

from refusal_log.wording.clauses import _quotes, _who
from refusal_log.wording.loading import Rules

_WORDS = re.compile(r"[a-z0-9&]+")
_LOOK_BACK = 2000  # characters back to look for a sentence start: bounded, so a long paste stays linear
# Words that open a message before "to say" without being its speaker.
_DETERMINERS = frozenset(("the", "a", "an", "her", "his", "their", "my", "our", "your"))
_CALLED = frozenset(("rang", "phoned", "called", "emailed", "texted", "messaged", "wrote", "ringing", "phoning",
                     "calling", "emailing", "texting", "messaging", "writing"))
_OPENERS = frozenset(("hi", "hello", "hiya", "dear", "morning", "afternoon", "evening", "good", "quick", "short",
                      "brief", "message", "note", "line", "email", "text", "sorry", "sadly", "unfortunately",
                      "so", "well", "ok", "okay", "anyway", "also", "want", "wanted", "like", "need", "needed",
                      "have", "had", "got")) | _CALLED
# An aside opening the clause ("to be honest", "tbh"), then he, she or they saying something of themselves: the child's
# own words in the parent's voice ("to be honest she's been saying all week that she won't go in", blind687). With
# another person after it ("tbh she was saying he's refusing", "to be honest my mum is saying...") it is left alone.
_ASIDE = re.compile(r"\W*(?:(?:but|and|so|now|though)\W+)?(?:(?:to be (?:honest|fair|truthful)|if i am (?:being )?honest"
                    r"|in (?:all honesty|fairness)|truth be told|honestly|frankly|mind you|tbh|though)\W+)+([a-z]+)\b")
_PRONOUN = re.compile(r"\b(?:he|she|they)\b")
# "I know", "I realise": the parent's knowing, before someone else's words.
_KNOWING = frozenset(("know", "knew", "realise", "realize", "understand", "appreciate", "accept", "hear", "heard", "see"))
_ASKS_ABOUT = re.compile(r"\b(?:whether|if) (?!(?:he|she|they|i|we|it|you)\b)[a-z]+ (?:is|was|were|had|has|would|will)\b")


# A greeting opening the sentence ("Hello, Brooke is poorly and has said..."): not the clause's subject when the child
# comes next (blind1401); "Hi, we had a call from Mrs Reid saying..." is still Mrs Reid's.
_GREETING = re.compile(r"\W*(?:hi|hello|hiya|hey|dear|morning|afternoon|evening|good (?:morning|afternoon|evening))\b"
                       r"[^,.!?\n]{0,30}?,\s*")
_CAUSE = re.compile(r"(?:because of|due to|owing to|as a result of)\b")
# Text-speak "let u no" is "let you know" ("u" is read as "you"): that "no" denies nothing (blind1036).
_LET_KNOW = re.compile(r"\blet (?:you|ya|yu) $")


def _negator(norm: str, a: int, rules: Rules) -> int | None:
    """Where the word that negates a phrase starting at `a` begins, or None."""
    lo = max(0, a - 100)
    pre = norm[lo:a]
    phrase = rules.phrase_negators.search(pre)
    if phrase:
        # Where the phrase ends: a feeling word inside it ("worried" in "worried sick") must not shield what follows.
        return lo + phrase.end() - 1
    cuts = [m.end() for m in rules.boundary.finditer(pre)]
    words = list(_WORDS.finditer(pre, cuts[-1] if cuts else 0))[-4:]
    if words and _CAUSE.match(norm, a):
        # A cause given as a phrase ("because of the situation with his teacher") is negated only by the
        # word straight before it ("not because of..."): in "he's not coming in because of...", the
        # "not" is the earlier clause's.
        words = words[-1:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group()
        if w in rules.blockers:
            return None
        if w in rules.negators and not (w == "no" and _LET_KNOW.search(pre, 0, words[i].start())):
            return lo + words[i].start()
        if w in rules.subjects and i and words[i - 1].group() not in rules.reach:
            return None  # a new clause: "he's not being difficult he won't go"
    return None


def _opens_with_name(norm: str, start: int, end: int, names) -> bool:
    """The reported words open with a name: "said (that) Maya was...". `names` is called
    only here, so the text's names are looked for only when this is asked."""
    words = _WORDS.findall(norm[start:min(end, start + 60)])
    words = words[1:] if words[:1] == ["that"] else words
    return bool(words) and words[0] in names()


def _the_child_speaks(norm: str, speaker: str, said: str, child: str, rules: Rules) -> bool:
    """After an aside: the child by name, or the same he or she as in the words said, of the child's gender (the
    text's first he or she), as in "to be honest she's been saying she won't go". Not "Nan has him, and tbh she says
    she won't take him in": that she is not the child."""
    if speaker not in ("he", "she", "they"):
        return speaker == child  # the child by name
    if said != speaker:
        return False
    first = _who(rules).first_pronoun.search(norm)  # the child's gender, as clauses.py reads it
    return speaker == "they" or not first or (first.group() in ("he", "him", "his")) == (speaker == "he")


_SUBJECTS = frozenset(("he", "she", "they", "i", "we"))


def _reported(norm: str, a: int, b: int, rules: Rules, child: str, names=tuple) -> bool:
    """Someone else's words: inside quotes, or after "the school said" and the like.
    `names()` gives the names the text holds (lower case)."""
    inside = None
    for q in _quotes(norm):
        if q.start() < a and b <= q.end():
            inside = q
            break
    end = inside.start() if inside else a
    lo = max(0, end - _LOOK_BACK)
    starts = [m.end() for m in rules.sentence_boundary.finditer(norm, lo, end)]
    first = starts[-1] if starts else lo
    # A few characters past the hit, so a pattern's look-ahead sees what follows ("been told my shifts..." is the
    # parent's own news, blind1292); the words themselves still end before it.
    always = rules.reported_always.search(norm, first, min(len(norm), end + 12))
    if always and always.end() <= end:
        return True
    # A hit may itself open with the verb ("said she won't go"), so look up to its end.
    region = norm[first:b]
    verbs = [v for v in rules.reporting.finditer(region) if first + v.start() <= end]
    if not verbs:
        # Scare quotes: a word the parent is distancing from. But a quoted refusal in the
        # first person ("her words were 'I'm not going back there'") is the child's own.
        return inside is not None and not norm.startswith(("i ", "we "), a)
    # Back in the parent's own voice: "the office calls it refusal and, to be honest, he is
    # refusing"; "Mrs Clarke said it was 'unacceptable' and now he has refused". A hit that
    # runs on into it ("Miss says he's tired in class so I'm letting him sleep") is theirs too.
    if rules.own_voice.search(norm, first + verbs[-1].end(), b):
        return False
    aside = _ASIDE.match(region)
    if aside and (said := _PRONOUN.search(norm, first + verbs[-1].end(), b)) and _the_child_speaks(
            norm, aside.group(1), said.group(), child, rules):
        return False
    before = [w for w in _WORDS.findall(region[: verbs[-1].start()]) if w not in rules.auxiliaries]
    opening = _GREETING.match(region)
    if opening and opening.end() < verbs[-1].start():
        greeted = [w for w in _WORDS.findall(region[opening.end(): verbs[-1].start()]) if w not in rules.auxiliaries]
        if greeted[:1] in ([child], ["he"], ["she"], ["they"]):  # the child opens the sentence after the greeting
            before = greeted
    # A verb that opens its clause has the parent as its dropped subject: "a bit of a cough,
    # thought I'd give him a day", "rang the office, said she won't be in".
    if not before or region[: verbs[-1].start()].rstrip().endswith((",", ";", ":", "-")):
        return False
    subject = "and" if region[: verbs[-1].start()].rstrip().endswith("&") else before[-1]  # "a headache & says"
    if subject == "to":
        # An infinitive ("Just to say...", "I'm writing to say...", "the school rang to say..."):
        # its speaker is the sender of a message it names ("a text from the school to say"),
        # else the clause's subject, and the parent when none is named ("Hi Mrs Patel, just to
        # say..."; "a quick message to say..."; "rang the school to say...").
        words = _WORDS.findall(region[: verbs[-1].start()].rsplit(",", 1)[-1])
        words = [w for w in words if w not in rules.auxiliaries]
        if "from" in words:
            sender = [w for w in words[words.index("from") + 1:] if w not in _DETERMINERS]
            return bool(sender) and sender[0] not in rules.own_subjects and sender[0] != child
        if words[:1] and words[0] in _CALLED:
            return False  # "Rang the school to say...": the parent is the dropped subject
        words = [w for w in words[:-1] if w not in _DETERMINERS and w not in _OPENERS]
        if not words:
            return False
        subject = words[0]
    # "She's stood at the door in her pyjamas saying...": a participle's speaker is the
    # clause's subject, not the last word before it.
    if before[:1] in (["i"], ["we"]) and len(before) > 2 and before[1] in _KNOWING:
        before = before[2:]  # "I know the school keeps calling it 'refusal'": the school speaks (round 114)
    if (subject in ("and", "then", "so", "n", "an") or verbs[-1].group().endswith("ing")) and len(before) > 1:
        # "Ellie has anxiety and says she's not going": the subject is the clause's first. After a comma, a pronoun
        # opening the clause there is it ("Last term Tia was unhappy, and she has a cold and says...": she).
        subject = before[1] if before[0] in ("the", "a", "an") else before[0]
        if before[-1] in ("and", "then", "so", "n", "an") and "," in region[: verbs[-1].start()]:
            clause = _WORDS.findall(region[: verbs[-1].start()].rsplit(",", 1)[-1])[:4]  # "and this week she..."
            subject = next((w for w in clause if w in _SUBJECTS), subject)
    if subject in ("he", "she", "they") and _ASKS_ABOUT.search(norm, first + verbs[-1].end(), a):
        return True  # "She asked whether Maya was 'not wanting to come in'": she is not Maya
    if subject in ("he", "she", "they") and _opens_with_name(norm, first + verbs[-1].end(), a, names):
        return True  # "Mrs Patel rang. She said Maya was refusing": she is not Maya
    # (A double name is the child too: "Ellie-Mae told me she felt sick" is hers, not "mae"'s, round 131.)
    return subject not in rules.own_subjects and subject != child and not region[: verbs[-1].start()].rstrip().endswith(child)
