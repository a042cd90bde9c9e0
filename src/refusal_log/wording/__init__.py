"""Wording checks for absence reasons: is this the wording the law recognises?

Guidance, not legal advice (see ``load_rules().disclaimer_for(region)``). The rules are
data in rules.toml; engine.py explains the design. Every finding cites the law of the
child's nation only (``region``: england, wales, scotland or northern-ireland). Every
"avoid" verdict comes with a suggested rewording, with one deliberate exception: where
the parent's own words rule out illness (they deny or doubt it, or give another reason
that is not the child's illness and name none), no "too unwell" sentence is offered and
the result is marked ``withheld``. Where the parent named no illness, the suggestion has
a visible gap (``GAP``) and ``needs_input`` is true: ``fill_gap`` puts their answer in it.
``infer_absence_type`` says which kind of absence a reason describes.
"""

from refusal_log.wording.absence_types import TYPES, absence_type_source, illness_ruled_out, infer_absence_type
from refusal_log.wording.engine import (
    GAP,
    CheckResult,
    Document,
    Finding,
    InvalidUnclear,
    Result,
    Rules,
    Sentence,
    check_document,
    check_text,
    fill_gap,
    load_rules,
)

REGIONS = ("england", "wales", "scotland", "northern-ireland")

__all__ = [
    "GAP",
    "REGIONS",
    "TYPES",
    "CheckResult",
    "Document",
    "Finding",
    "InvalidUnclear",
    "Result",
    "Rules",
    "Sentence",
    "absence_type_source",
    "check_document",
    "check_text",
    "fill_gap",
    "infer_absence_type",
    "illness_ruled_out",
    "load_rules",
]
