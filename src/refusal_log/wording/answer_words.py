"""How a few words about what is wrong are read: an answer to the gate's "what is wrong?" (answers.py), or the words in
brackets after the FAQ's own sentence (verdict.in_brackets). Plain regular expressions only: both readers import it.
"""

from __future__ import annotations

import re

# An answer to "what is wrong?" that says nothing is wrong, that the parent does not know, or that
# gives a reason that is not illness: it must never fill the gap of a sentence saying the child is
# too unwell. Read after "n't" -> " not", "'s" -> " is" and dashes or dots -> spaces.
NO_ILLNESS = re.compile(
    r"^(?:(?:no|nope|nah|naw|nae|na|n|none|nothing|nowt|nil|fine|ok|okay|alright|all right|all good|well|grand|"
    r"negative|n/?a|not really|nothing really|nothing at all)(?: (?:tbh|really|honestly|at all))?$"
    r"|(?:no|nope|nah|none)(?:[,.!;]| (?=(?:he|she|they|it|not|nothing)\b))"
    r"|(?:he|she|they|it) (?:is|are|seems?|looks?|feels?) (?:not(?= *$| (?:ill|sick|unwell|poorly|really|too bad)\b)|fine|ok|okay|"
    r"alright|well|grand|perfectly|nothing|all right)\b"
    r"|(?:not|is not|are not) (?:actually |properly |really |that |very )?(?:ill|sick|unwell|poorly|really)\b"
    r"|nothing (?:is )?(?:wrong|the matter)\b"
    r"|(?:pretending|faking|fake|putting it on|skiving|bunking|a sickie|sickie|hungover|hangover|lazy|bored)\b)", re.I)


# An answer that opens by saying the parent does not know ("dunno really, he is just upset"): it does not say what is
# wrong, so it fills nothing.
UNSURE = re.compile(r"^(?:dunno|idk|unsure|not (?:really )?sure|no idea|no clue|who knows|"
                     r"(?:i )?(?:do not|dont) (?:really )?know)\b", re.I)
# An answer that takes itself back or hedges ("migraine, not really", "a cold maybe", "headache apparently"): the
# sentence would state as fact what the parent doubts (the attack on round 177).
HEDGED = re.compile(r"\b(?:not really|or not|maybe|perhaps|possibly|probably|might be|may be|could be|i think|i guess|"
                     r"i suppose|i reckon|apparently|allegedly|supposedly|(?:so )?[a-z]+ (?:says|claims|reckons)|yeah right|"
                     r"doubt it|as if|according to (?:him|her|them)|if you believe|not that|ish|lol|jk|joking|kidding|wink|sort of|kind of|"
                    r"meh|officially|cough cough|wink wink|nudge nudge)\b"
                     r"|[;:]-?\)|\U0001F609|\U0001F644", re.I)
# An answer about someone else ("tonsillitis (his sister)", "nan is ill"): never the child's illness.
SOMEONE_ELSES = re.compile(r"(?<!caught )(?<!caught his )(?<!caught her )(?<!from )(?<!from his )(?<!from her )(?<!off )"
                            r"(?<!off his )(?<!off her )\b(?:sister|brother|sibling|twin|mum|mam|mom|mummy|dad|daddy|father|"
                            r"mother|step ?(?:dad|mum|brother|sister|father|mother)|nan|nana|nain|gran|granny|grandma|grandad|"
                            r"grandpa|taid|baby|cousin|friend|partner|husband|wife|aunt|auntie|uncle|parent|parents|carer|me|"
                            r"myself|i (?:have|am|ve|m|ve got|have got)|my(?! (?:son|daughter|boy|girl|child|kid|lad|lass|"
                            r"little one|youngest|eldest|twins?)\b))\b(?! (?:gave|passed|has given|has passed|brought) (?:it|them|the bug|this)\b)", re.I)
# A first name in brackets after the illness ("flu (Jack)"): whose it is, when it is not the child's.
BRACKETED_NAME = re.compile(r"\(([A-Z][a-z'-]+)\)")


def plain_answer(answer: str) -> str:
    words = str(answer or "").replace("\u2019", "'").lower()
    words = re.sub(r"n't\b", " not", words)
    words = re.sub(r"'s\b", " is", words)
    words = re.sub(r"[\u2026\u2013\u2014?-]+|\.{2,}", " ", words)
    return " ".join(words.split()).strip(" .;,()[]!")
