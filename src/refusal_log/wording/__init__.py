"""Wording checks for absence reasons: is this the wording the law recognises?

Guidance, not legal advice (see ``load_rules().disclaimer``). The rules are data in
rules.toml; engine.py explains the design. Every "avoid" verdict comes with a suggested
rewording, with one deliberate exception: where the parent's own words rule out illness
(they deny or doubt it, or give another reason that is not the child's illness and name
none), no "too unwell" sentence is offered and the result is marked ``withheld``
(engine.py, "withhold" and "none").
"""

from refusal_log.wording.engine import (
    CheckResult,
    Document,
    Finding,
    Result,
    Rules,
    Sentence,
    check_document,
    check_text,
    load_rules,
)

__all__ = [
    "CheckResult",
    "Document",
    "Finding",
    "Result",
    "Rules",
    "Sentence",
    "check_document",
    "check_text",
    "load_rules",
]
