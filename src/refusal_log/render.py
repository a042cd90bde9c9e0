"""Rendering: the Jinja2 environment, and the timeline built from the log.

Templates are data, so a family (or a charity helping them) can change how a
timeline or letter looks without touching the code. The environment looks first in
HOME/templates, then in the templates shipped with refusal-log; a home template can
also start from a shipped one with `{% extends "default:timeline.html.j2" %}`.

The templates get ready-made values (dates already written out, who and what
already picked from the entry's fields), so that they hold layout and wording only,
and an overriding template does not need to know how the store keeps things.

Jinja2 is imported inside the functions that need it: this module is imported by the
`timeline`, `draft` and `demo` commands only, but keeping the import local means no
other start-up path can pick up its cost by accident.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from refusal_log import __version__, dates, kinds, paths
from refusal_log.entry_views import VERDICT_OF_SUGGESTION, main_text
from refusal_log.errors import InvalidInput
from refusal_log.text import VIA_WORDS, nothing_agreed, shown, visible

if TYPE_CHECKING:
    from jinja2 import Environment

    from refusal_log.entries import EntryView

FORMATS = ("txt", "md", "html")
# Used to guess --format from the name given to --out.
SUFFIX_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
SESSION_WORDS = {"both": "all day", "am": "morning only", "pm": "afternoon only"}


# --- the environment ---------------------------------------------------------------

def shipped_templates() -> Path:
    """The templates that come with refusal-log. In a wheel they are inside the package (pyproject maps the top-level
    templates/ folder to refusal_log/templates); in an editable install the folder is still at the top of the repository."""
    from importlib.resources import files

    inside = files("refusal_log") / "templates"
    if inside.is_dir():
        return Path(str(inside))
    return Path(__file__).resolve().parents[2] / "templates"


def environment(markdown: bool = False) -> Environment:
    """A Jinja2 environment: the home's templates first, then the shipped ones.

    When the home holds templates of its own, they render in Jinja2's sandbox: a
    template (one planted in the home, say) cannot reach Python's internals through
    an object's attributes (`cycler.__init__.__globals__`). The shipped templates
    alone render unsandboxed, loaded only from the package: the sandbox would make a
    long timeline two to three times slower. In Markdown every printed value passes
    `md_escape`, so typed text cannot become a heading, list, link or HTML.
    """
    # Deferred: jinja2 is only needed when something is rendered.
    from refusal_log import escaping
    from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined, select_autoescape

    paths.check_home()
    shipped = FileSystemLoader(str(shipped_templates()))
    # "default:timeline.html.j2" always means the shipped template, so a home
    # template of the same name can extend it instead of copying it.
    loaders = [PrefixLoader({"default": shipped}, delimiter=":"), shipped]
    kind = _shipped_environment()
    if _home_has_templates():
        from jinja2.sandbox import SandboxedEnvironment

        loaders.insert(0, FileSystemLoader(str(paths.user_templates_dir())))
        kind = SandboxedEnvironment
    env = kind(
        loader=ChoiceLoader(loaders),
        # Names end in .j2, so list the double extensions: select_autoescape
        # matches the end of the name. Text, Markdown and letters are not escaped.
        autoescape=select_autoescape(["html", "htm", "xml", "html.j2", "htm.j2", "xml.j2"],
                                     default_for_string=False),
        # A misspelt name in a (user's) template is an error, not a silent blank.
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        **({"finalize": _md_finalize} if markdown else {}),
    )
    env.filters.update(
        wrap=wrap, human_date=dates.human_date, human_datetime=dates.human_datetime,
        long_date=dates.long_date, bullets=bullets, sentence=sentence, code_block=escaping.code_block,
    )
    return env


@lru_cache(maxsize=1)
def _shipped_environment():
    from refusal_log.escaping import environment_class

    return environment_class()


def _home_has_templates() -> bool:
    folder = paths.user_templates_dir()
    try:
        return folder.is_dir() and any(p.is_file() for p in folder.rglob("*"))
    except OSError:
        return True  # cannot tell: assume there are, and sandbox


def render(name: str, context: dict[str, Any]) -> str:
    """Render one template by name, with a plain error if a home template is broken."""
    from jinja2 import TemplateError, TemplateNotFound

    env = environment(markdown=name.endswith((".md.j2", ".markdown.j2")))
    try:
        return show_bidi_controls(env.get_template(name).render(context))
    except TemplateNotFound as exc:
        raise InvalidInput(f"The template {exc.name} was not found, in {paths.user_templates_dir()} "
                           "or among the shipped templates.") from None
    except (TemplateError, OverflowError, RecursionError) as exc:  # the sandbox's "range too big" too
        raise InvalidInput(f"The template {name} could not be used: {str(exc).rstrip('.')}. "
                           f"If you changed it in {paths.user_templates_dir()}, check it there.") from None


# --- what rendered text passes through ---------------------------------------------

_MD_ANYWHERE = {ord(c): "\\" + c for c in "\\`*_[]<>#|~&"}
# Markers that count only at the start of a line: - + = (lists, setext headings) and
# "1." or "1)" (numbered lists). A value may begin mid-line (after "**Said:** "), so a
# number there ("0.1.0") is left alone; after a line break it is escaped.
_MD_MARKER = re.compile(r"([ \t]*)([-+=])")
_MD_NUMBER = re.compile(r"([ \t]*)(\d{1,9})([.)])")


_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~&\n\r]|^[ \t]*[-+=]")


def show_bidi_controls(text: str) -> str:
    """A whole rendered document with each control character (bidi controls, Escape,
    bell...) shown by its name: the one function text.visible, used for the terminal too."""
    return visible(text)


def _md_finalize(value: Any) -> Any:
    if value.__class__ is str and _MD_SPECIAL.search(value):
        return md_escape(value)
    return value


def md_escape(text: str) -> str:
    """Typed text as Markdown that shows exactly those characters and nothing more."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").translate(_MD_ANYWHERE).split("\n")
    for i, line in enumerate(lines):
        line = _MD_MARKER.sub(r"\1\\\2", line, count=1) if _MD_MARKER.match(line) else line
        if i and _MD_NUMBER.match(line):
            line = _MD_NUMBER.sub(r"\1\2\\\3", line, count=1)
        # A typed line break is a hard one ("\\" at the end), not a space that runs the lines together.
        lines[i] = line + "\\" if line.strip() and i + 1 < len(lines) and lines[i + 1].strip() else line
    return "\n".join(lines)


# --- filters -----------------------------------------------------------------------

def wrap(text: Any, width: int = 80, first: str = "", indent: str = "") -> str:
    """Wrap text to `width` columns, keeping the writer's own line breaks. `first` starts the first line
    (a label such as "  Said: ") and `indent` every other, so a long field hangs under its label."""
    out: list[str] = []
    for paragraph in str(text).splitlines() or [""]:
        lead = first if not out else indent
        if not paragraph.strip():
            out.append(lead.rstrip())
            continue
        out.extend(textwrap.wrap(paragraph, width=width, initial_indent=lead, subsequent_indent=indent,
                                 break_on_hyphens=False) or [lead.rstrip()])
    return "\n".join(out)


def bullets(text: str | None) -> list[str]:
    """Split an 'agreed' text into separate actions (people type them with ; or new lines)."""
    parts = [p.strip().rstrip(".") for line in (text or "").splitlines() for p in line.split(";")]
    return [p[:1].upper() + p[1:] for p in parts if p and not nothing_agreed(p)]


# Control characters and direction overrides show nothing a reader should see, and in a terminal or a mail program
# they can rewrite what is shown (an escape sequence, a right-to-left override): never carried into a sentence.
_UNSHOWN = re.compile("\x1b\\[[0-9;?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?"
                      "|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sentence(text: str | None) -> str:
    """A fragment made into a sentence: a capital letter at the start, a full stop at the end."""
    text = " ".join(_UNSHOWN.sub("", text or "").split())
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


# --- the timeline ------------------------------------------------------------------

@dataclass(slots=True)
class TimelineEntry:
    """One entry as the timeline templates see it (see module docstring)."""

    id: int
    kind: str
    label: str
    child: str
    when: datetime             # when it happened, in local time
    first_day: date            # the day it happened (an absence: its first day)
    last_day: date             # an absence over several days: its last day; otherwise first_day
    day: str                   # "Tue 8 Sep 2026", or "Tue 8 Sep 2026 to Fri 11 Sep 2026"
    time: str | None           # "09:10"; None for an absence or any entry logged with a day but no time
    heading: str               # "Phone call with Mrs Patel (attendance officer)"
    who: str | None
    said_label: str            # what to call the main text: "Reason given", "What was said"...
    said: str
    agreed: str | None
    details: list[tuple[str, str]]
    verdict: str | None        # an absence's stored wording check: ok, caution or avoid (and whose words)
    late: bool                 # recorded more than a day after it happened
    recorded: str | None       # "Thu 24 Sep 2026 20:15", written out for late entries only
    when_iso: str              # for <time datetime="...">
    corrected: str | None      # "Tue 8 Sep 2026" when a later revision exists
    revision: int
    withdrawn: dict[str, str] | None
    fields: dict[str, Any]     # the entry's own fields, under their option names
    sessions: str | None = None    # an absence: "all day", "morning only"...
    reported: str | None = None    # an absence: "by email to Mrs Patel"
    counterpart: str | None = None  # a call: "Mrs Patel (attendance officer)"
    partial: str | None = None     # the kind's own template shown under it (kinds.py), if any
    # Files kept with the entry (each with .name and .sha256); empty until attachments exist.
    attachments: list[Any] = field(default_factory=list)
    ahead: bool = False  # dated after the timeline was made (a meeting planned, an absence told ahead): "still to come"

    @property
    def when_text(self) -> str:
        return f"{self.day} {self.time}" if self.time else self.day


@dataclass
class Summary:
    counts: list[tuple[str, int]]    # ("phone calls", 2), ("GP visit", 1): the label agrees with n
    absences: list[TimelineEntry]
    absence_days: int
    absence_sessions: int
    calls: list[TimelineEntry]
    gp_visits: list[TimelineEntry]
    referrals: list[str]
    agreed: list[TimelineEntry]
    minutes_requested: list[TimelineEntry]
    by_child: list[tuple[str, int, int]] = ()  # (child, absence entries, weekdays): shown when several children

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    @property
    def counts_text(self) -> str:
        """"3 absences, 2 phone calls, 1 GP visit"."""
        return ", ".join(f"{n} {label}" for label, n in self.counts)


def _weekdays(first: date, last: date) -> list[date]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _join(parts: list[str | None], sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


# A long log has many entries on the same day: write each day out once.
_day_text = lru_cache(maxsize=4096)(dates.human_date)


def absence_timeline(view: EntryView, f: dict[str, Any]) -> dict[str, Any]:
    """An absence: its days, its sessions and how school was told (the kinds registry names this)."""
    first = date.fromisoformat(f["date"])
    last = date.fromisoformat(f["until"]) if f.get("until") else first
    day = _day_text(first) if last == first else f"{_day_text(first)} to {_day_text(last)}"
    sessions = SESSION_WORDS.get(f.get("sessions") or "both", f.get("sessions"))
    # "by email to Mrs Patel"; None when neither was logged (templates say so).
    reported = _join([VIA_WORDS.get(f.get("via"), f.get("via")), f"to {f['told']}" if f.get("told") else None], " ") or None
    details = [("Reported", reported or "not logged")]
    # Both kept: the parent's first words stand beside the suggested wording that was logged, and the
    # check's verdict (shown on request) says it was the suggestion's, not theirs.
    verdict = f.get("verdict")
    if f.get("typed_reason"):
        details.append(("Words first typed", f["typed_reason"]))
        verdict = verdict and f"{verdict} {VERDICT_OF_SUGGESTION}"
    first_logged = view.history[0].fields if view.history else f
    corrected = {"said_label": "Reason as corrected"} if first_logged.get("reason") != f.get("reason") else {}
    # The suggested wording chosen at the gate is never shown as the reason the school was given (newcomer, round 155).
    labelled = corrected or ({"said_label": "Suggested wording logged"} if f.get("typed_reason") else {})
    if corrected:  # the reason first logged (what the school may have been told) stands beside the corrected one
        details.append(("Reason first logged", first_logged.get("reason")))
        verdict = verdict and f"{verdict} (of the correction; {first_logged.get('verdict')} when first logged)"
    return {"first_day": first, "last_day": last, "day": day, "time": None, "heading": f"Absence ({sessions})",
            "details": details, "sessions": sessions, "reported": reported, "verdict": verdict, **labelled}


def call_timeline(view: EntryView, f: dict[str, Any]) -> dict[str, Any]:
    role = f.get("role")
    # "CAMHS (CAMHS)" says nothing twice: the role is left out when it is the name.
    if role and role.strip().lower() == f["with"].strip().lower():
        role = None
    name = f"{f['with']} ({role})" if role else f["with"]
    details = []
    how = {"in": "they rang me", "out": "I rang them"}.get(f.get("direction") or "")
    length = None if f.get("minutes") is None else f"{f['minutes']} minute{'' if f['minutes'] == 1 else 's'}"
    if how or length:
        details.append(("Call", _join([how, length], "; ")))
    return {"heading": f"Phone call {'from' if f.get('direction') == 'in' else 'with'} {name}",
            "counterpart": name, "details": details}


def gp_timeline(view: EntryView, f: dict[str, Any]) -> dict[str, Any]:
    details = [("Referral", referral) for referral in f.get("referral") or []]
    if f.get("letter"):
        details.append(("Letter for school", f["letter"]))
    return {"heading": _join(["GP visit", f"with {f['clinician']}" if f.get("clinician") else None], " "),
            "details": details}


def meeting_timeline(view: EntryView, f: dict[str, Any]) -> dict[str, Any]:
    details = [("Came with me", f["witness"])] if f.get("witness") else []
    details.append(("School's minutes", "requested" if f.get("minutes_requested") else "not requested"))
    return {"heading": f"Meeting with {f['with']}", "details": details}


def _kind_facts(name: str) -> tuple[str, str, str | None, Any]:
    """What the timeline takes from a kind's registry entry: label, said_label, partial, hook."""
    if not kinds.known(name):
        return name.title(), "What was said", None, None
    kind = kinds.get(name)
    return kind.label, kind.said_label, kind.partial, kinds.hook(kind, "timeline")


def timeline_entry(view: EntryView, zone: tzinfo | None = None,
                   facts: dict[str, tuple[str, str, str | None, Any]] | None = None) -> TimelineEntry:
    """One entry as the timeline templates get it; what differs by kind comes from its kind's "timeline" hook
    (kinds.py), laid over what every entry has. Called once per entry of a long log, so it reads the entry's latest
    revision directly instead of through EntryView's properties (each a few lookups), and takes each kind's facts from
    `facts`, worked out once per timeline."""
    f = view.fields
    latest = view.history[-1] if view.history else None
    timeless = latest.timeless if latest else view.kind == "absence"
    revision = latest.number if latest else 1
    local = view.when.astimezone(zone or dates.local_zone())
    first = local.date()
    if facts is None:
        facts = {}
    known = facts.get(view.kind)
    if known is None:
        known = facts[view.kind] = _kind_facts(view.kind)
    label, said_label, partial, describe = known
    who = f.get("with") or f.get("clinician") or f.get("told") or f.get("from")
    late = view.late
    item = TimelineEntry(
        view.id, view.kind, label, view.child, local, first, first,
        # A day given without a time shows the day alone, never a made-up 00:00.
        _day_text(first), None if timeless else f"{local.hour:02d}:{local.minute:02d}",
        f"{label}: {who}" if who else label, who, said_label, main_text(f), f.get("agreed"), [], None, late,
        dates.human_datetime(view.recorded, local.tzinfo) if late else None,
        "",  # when_iso: below, once the kind has said which day it starts
        _day_text(latest.recorded.astimezone(local.tzinfo).date())
        + (f", because: {latest.change_reason}" if latest.change_reason else "") if revision > 1 else None,
        revision, view.withdrawn, f, partial=partial, attachments=view.attachments,
    )
    if describe is not None:
        for name, value in describe(view, f).items():
            setattr(item, name, value)
    item.when_iso = item.first_day.isoformat() if timeless else local.isoformat()
    return item


def summarise(items: list[TimelineEntry]) -> Summary:
    """The counts and lists at the top of a timeline (withdrawn entries are not counted)."""
    kept = [e for e in items if not e.withdrawn]
    counts: dict[str, int] = {}
    for e in kept:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    order = [k for k in kinds.names(listed_only=False) if k in counts] + [k for k in counts if not kinds.known(k)]
    absences = [e for e in kept if e.kind == "absence"]
    # Count each child's half-days once: two entries for the same morning (a report
    # and a correction of it, say) are still one session missed.
    halves: set[tuple[str, date, str]] = set()
    for e in absences:
        sessions = e.fields.get("sessions") or "both"
        for day in _weekdays(e.first_day, e.last_day):
            halves.update((e.child, day, half) for half in ("am", "pm") if sessions in (half, "both"))
    days = {(child, day) for child, day, _ in halves}
    # Each child's own figures, so that a timeline with several children does not add them up into one.
    children = list(dict.fromkeys(e.child for e in absences))
    by_child = [(c, sum(e.child == c for e in absences), sum(child == c for child, _ in days)) for c in children]
    gp_visits = [e for e in kept if e.kind == "gp"]
    referrals = [r for e in gp_visits for r in (e.fields.get("referral") or [])]
    return Summary(
        counts=[(_count_word(k, counts[k]), counts[k]) for k in order],
        absences=absences, absence_days=len(days), absence_sessions=len(halves),
        calls=[e for e in kept if e.kind == "call"],
        gp_visits=gp_visits, referrals=list(dict.fromkeys(referrals)),
        agreed=[e for e in kept if e.agreed],
        minutes_requested=[e for e in kept if e.kind == "meeting" and e.fields.get("minutes_requested")],
        by_child=by_child,
    )


def _count_word(name: str, n: int) -> str:
    if not kinds.known(name):
        return name
    kind = kinds.get(name)
    return kind.one if n == 1 else kind.plural


def _months(items: list[TimelineEntry]) -> list[tuple[str, list[TimelineEntry]]]:
    months: list[tuple[str, list[TimelineEntry]]] = []
    current = None
    for e in items:
        if (e.when.year, e.when.month) != current:
            current = (e.when.year, e.when.month)
            months.append((dates.month_year(e.when), []))
        months[-1][1].append(e)
    return months


def _period(start: date | None, end: date | None) -> str:
    if start and start == end:
        return dates.long_date(start)
    if start and end:
        return f"{dates.long_date(start)} to {dates.long_date(end)}"
    if start:
        return f"from {dates.long_date(start)}"
    if end:
        return f"up to {dates.long_date(end)}"
    return "all dates"


def timeline_context(views: list[EntryView], *, generated: datetime, start: date | None = None,
                     end: date | None = None, kinds: list[str] | None = None, child: str | None = None,
                     include_withdrawn: bool = False, head_hash: str | None = None,
                     show_checks: bool = False) -> dict[str, Any]:
    """Everything a timeline template can use; see templates/timeline.*.j2."""
    from refusal_log import people

    zone = dates.local_zone()
    facts: dict[str, tuple[str, str, str | None, Any]] = {}
    items = [timeline_entry(v, zone, facts) for v in views]
    today = generated.astimezone(zone).date()
    for item in items:  # a meeting not yet held must not read as one that was (the newcomer on round 143)
        item.ahead = item.first_day > today if item.time is None else item.when > generated
    if not show_checks:
        # A timeline is read by the school and others: what the tool thought of the
        # family's wording is the family's business, shown only when they ask.
        for item in items:
            item.verdict = None
    children = people.list_children()
    picked = people.match_child(children, child) if child else None  # "Maya" is "Maya Bennett"
    chosen = [picked] if picked else children
    if not child and items:
        # Several children in the log: name only those who appear in this timeline.
        shown = {e.child for e in items}
        chosen = [c for c in chosen if c.name in shown] or chosen
    profile = people.profile()
    # Without --from/--to, the period is the span of the entries shown (an absence
    # over several days ends on its last day).
    if items:
        start = start or min(e.first_day for e in items)
        end = end or max(e.last_day for e in items)
    return {
        "children": [c.name for c in chosen],
        "schools": list(dict.fromkeys(c.school for c in chosen if c.school)),
        "several_children": len({e.child for e in items}) > 1,
        "parent": profile.get("parent"), "relationship": people.relationship(profile),
        "period": _period(start, end),
        "kinds": [_count_word(k, 2) for k in kinds] if kinds else [],
        "generated": dates.human_datetime(generated),
        "generated_iso": generated.isoformat(),
        "version": __version__,
        "entries": items,
        "months": _months(items),
        "summary": summarise(items),
        "include_withdrawn": include_withdrawn,
        # How many withdrawn entries in the period are left out (set by timeline()).
        "withdrawn_left_out": 0,
        "head_hash": head_hash,
        "show_checks": show_checks,
        "zone_note": zone_note(zone),
        # Where each child stands (figures, calendar map), set by timeline(): see attendance_view.for_timeline.
        "attendances": [], "attendance": None,
        # What is owed and not done as of the last day shown; set by timeline(), see due.for_timeline.
        "open_items": [],
    }


def zone_note(zone: tzinfo) -> str:
    """Which clock the times are on, named: a log kept abroad must not claim UK time."""
    key = getattr(zone, "key", str(zone))
    return "UK local time" if key == "Europe/London" else f"local time in {key}"


@dataclass
class Rendered:
    text: str
    count: int
    format: str


def pick_format(fmt: str | None, out: str | None, default: str = "txt",
                allowed: tuple[str, ...] = FORMATS, suffixes: dict[str, str] = SUFFIX_FORMATS) -> str:
    """--format if given, else guessed from --out's name, else the default."""
    if fmt is None and out:
        fmt = suffixes.get(Path(out).suffix.lower())
    fmt = (fmt or default).strip().lower().lstrip(".")
    if fmt not in allowed:
        hint = " For a PDF, write html and print it from a browser." if fmt == "pdf" else ""
        raise InvalidInput(f"--format must be {', '.join(allowed[:-1])} or {allowed[-1]}; {shown(fmt)} is not.{hint}")
    return fmt


def timeline(fmt: str = "txt", *, from_: str | None = None, to: str | None = None, child: str | None = None,
             kinds: list[str] | None = None, include_withdrawn: bool = False,
             generated: datetime | None = None, head_hash: str | None = None,
             fingerprint: bool = False, show_checks: bool = False) -> Rendered:
    """The timeline of the log as text, Markdown or one self-contained HTML page.

    `generated` is the moment printed in the header (default now); tests pass a
    fixed one. With `fingerprint`, the footer prints the hash chain's head (or the
    `head_hash` given), so a printed copy can be checked later with verify --head.
    """
    from refusal_log import entries, integrity

    fmt = pick_format(fmt, None)
    with _collector_paused():
        views = entries.list_entries(kinds, from_, to, child, include_withdrawn=True)
        # Entries the parent withdrew are left out unless asked for, and the summary says how many: a reader can
        # see that something was taken back, not only what was kept.
        shown = [v for v in views if include_withdrawn or not v.withdrawn]
        left_out, views = len(views) - len(shown), shown
        # Read after the entries, so that every entry shown is covered by it even
        # if another refusal-log writes in between; with why the log does not verify, if it does not.
        head_hash, problem = integrity.checked_head() if fingerprint and head_hash is None else (head_hash, None)
        context = timeline_context(
            views, generated=generated or dates.now(),
            start=dates.parse_date(from_) if from_ else None, end=dates.parse_date(to) if to else None,
            kinds=list(entries.parse_kinds(kinds)) if kinds else None, child=child,
            include_withdrawn=include_withdrawn, head_hash=head_hash, show_checks=show_checks,
        )
        from refusal_log import attendance_view

        # Without --to, up to the timeline's last day (not today), so a copy made later reads the same.
        last = max((e.last_day for e in context["entries"]), default=None)
        context["withdrawn_left_out"], context["chain_problem"] = left_out, problem
        # Each child's figures in turn when the timeline covers several (the newcomer on round 151: they were left out).
        names = [child] if child or len(context["children"]) < 2 else context["children"]
        figures = (attendance_view.for_timeline(from_, to or (last and str(last)), name, len(names) < 2) for name in names)
        context["attendances"] = [a for a in figures if a]
        context["attendance"] = (context["attendances"] or [None])[0]  # what an older template of the user's reads
        from refusal_log import due  # "Open requests and actions" in the summary
        as_of = dates.parse_date(to) if to else last  # never past today: a day still ahead is not overdue yet
        context["open_items"] = due.for_timeline(min(as_of, dates.today()) if as_of else None, context["children"])
        text, count = render(f"timeline.{fmt}.j2", context), len(views)
        # Freed while the collector is still paused: its first pass afterwards would
        # otherwise walk every one of these objects, only to find them all about to go.
        del views, context
    return Rendered(text, count, fmt)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a timeline is built.

    A long log makes hundreds of thousands of small objects (entries, then escaped
    pieces of HTML), none of them in reference cycles, so reference counting frees
    them all; the collector's repeated scans of them only cost time, about half of
    the rendering of a 20,000-entry timeline. It is switched back on afterwards.
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
