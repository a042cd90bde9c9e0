"""The kinds of entry, each described once: what storage, reading, the timeline,
export/import, the integrity check, search and the command line know about it.

Every other module asks this registry instead of keeping its own list (style rule 13,
after jrnl's exporter list). A new kind of entry (say, a request to the school) is:

1. its revision table, `tables/request.py` (a `RequestFields` SQLModel and
   `class Request(RequestFields, RevisionBase, table=True)`), and a migration at the end
   of migrations.py creating it (and, if its words should be found by `search`, adding
   it to the search_text view and its trigger, as m006 does for the others);
2. its own module (`requests.py`): `request_fields(...)` checking what was typed and
   returning (moment, columns), `add_request(...)` calling `entries.add_entry("request", ...)`,
   and, if its timeline heading or details differ from "Label: who", `request_timeline`;
3. one `register(Kind("request", "Request", "requests", "request",
   "refusal_log.tables.request:Request", editable=(...), fields="refusal_log.requests:request_fields",
   timeline=...))` below, with `add_edit_option(EditOption(...))` for any option `edit`
   does not have yet;
4. its `add-request` command in a cli_*.py module.
Listing, `show`, `edit`, `withdraw`, the timeline and its counts, export/import,
`verify`'s chain check and `--kind` then know it with no other change. Register here,
at import: cli.py reads the registry when it builds `edit` and `--kind`'s help.

The interface, all of it:

- `Kind(...)`: one kind's description (the fields are documented on the class).
- `register(kind)`: add (or replace) a kind; returns it. Order of registration is the
  order kinds are listed in help text and counted in a timeline's summary.
- `get(name)`: the Kind called `name` (KeyError if none); `known(name)` -> bool.
- `every()`: every Kind, registered order; `listed()`: only those with listed=True
  (what `list`, `timeline`, `search`, `export` and `--kind` offer).
- `names(listed_only=True)`: their names; `choices_text()`: "absence, call ... or email"
  for help text; `parse(typed)`: a typed --kind (any alias) to its name, or None.
- `by_table(table)`: the Kind whose revision table is `table`, or None.
- `hook(kind, "fields" | "timeline")`: the function a hook names, imported on first use.
- `EditOption(...)`, `add_edit_option(option)`, `edit_options()`: the options `edit`
  offers (name, kind of value, metavar, help). A kind's `editable` names must be among
  them; a new kind adds any new one with `add_edit_option`, and `edit --help` shows it.
- `unregister(name)`: remove one (for a test that registers a throwaway kind).

It imports nothing heavy: `--help`, `list` and `check` read it at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable


class Kind:
    """One kind of entry. Only name, label, plural, table and model are required; the rest
    are keyword arguments. Treat a Kind as read-only once registered.

    (A plain class, not a dataclass: a dataclass of this many fields costs milliseconds
    to create, and this module is imported on every start.)
    """

    __slots__ = ("name", "label", "plural", "table", "model", "noun", "options", "lists", "flags", "editable",
                 "not_editable", "aliases", "listed", "day_only", "when_option", "said_label", "fields",
                 "timeline", "partial")

    def __init__(
        self,
        name: str,                    # in entry.kind, after --kind, in JSON "kind": "gp"
        label: str,                   # as a heading: "GP visit"
        plural: str,                  # counted in a summary: "GP visits"
        table: str,                   # its revision table (one row per revision): "gp_visit"
        model: str,                   # that table's SQLModel class, "module:Class"
        *,
        noun: str = "",               # counted once: "GP visit" (default: label with a small first letter)
        # Columns whose name on the command line (and in JSON/export) differs: {"referrals": "referral"}.
        options: dict[str, str] | None = None,
        lists: tuple[str, ...] = (),  # columns holding a JSON list of text (shown as a list)
        flags: tuple[str, ...] = (),  # yes/no columns (stored 0/1, shown true/false)
        # What `edit` may change, by option name (each an EditOption); () means it cannot
        # be edited, and `not_editable` says why ({id}: the entry's number, {noun}: one).
        editable: tuple[str, ...] = (),
        not_editable: str = ("Entry {id} is an imported {noun}, a copy of the original, so it cannot be edited; "
                             "withdraw it if it was imported by mistake."),
        aliases: tuple[str, ...] = (),  # other words accepted after --kind (the plural always is)
        listed: bool = True,            # offered by list/timeline/search/export (register marks are not)
        day_only: bool = False,         # always a day, never a time (an absence)
        when_option: str = "--when",    # the option that sets its moment, named when a date looks wrong
        said_label: str = "What was said",  # what its main text is called (timeline, `show`)
        # "module:function" turning typed options into (moment, columns); add-* and edit call
        # it with the options (with -> with_) as keyword arguments.
        fields: str | None = None,
        # "module:function"(view, fields) -> dict of heading, said_label, details, and any other
        # TimelineEntry field; None: the timeline heads it "Label: who".
        timeline: str | None = None,
        # A template shown under the entry in the HTML timeline (with `e` the TimelineEntry), or None.
        partial: str | None = None,
    ) -> None:
        self.name, self.label, self.plural, self.table, self.model = name, label, plural, table, model
        self.noun, self.options, self.lists, self.flags = noun, options or {}, lists, flags
        self.editable, self.not_editable, self.aliases, self.listed = editable, not_editable, aliases, listed
        self.day_only, self.when_option, self.said_label = day_only, when_option, said_label
        self.fields, self.timeline, self.partial = fields, timeline, partial

    def __repr__(self) -> str:
        return f"Kind({self.name!r})"

    @property
    def one(self) -> str:
        """The word for one of it in running text: "phone call", "GP visit"."""
        if self.noun:
            return self.noun
        return self.label if self.label[:2].isupper() else self.label[:1].lower() + self.label[1:]

    @property
    def a_one(self) -> str:
        """ "a phone call", "an absence": one of it, in a sentence."""
        return ("an " if self.one[:1].lower() in "aeiou" else "a ") + self.one

    def option(self, column: str) -> str:
        """A column's name on the command line and in JSON."""
        return self.options.get(column, column)


class EditOption:
    """One option of `edit`: --NAME (underscores become dashes)."""

    __slots__ = ("name", "value", "metavar", "help")

    def __init__(self, name: str, value: str = "text", metavar: str | None = None, help: str | None = None) -> None:
        self.name = name        # "minutes_requested" -> --minutes-requested
        self.value = value      # text, number, list (repeatable) or flag (--x/--no-x)
        self.metavar, self.help = metavar, help


_KINDS: dict[str, Kind] = {}
_EDIT_OPTIONS: dict[str, EditOption] = {}
_HOOKS: dict[str, Callable[..., Any]] = {}


def register(kind: Kind) -> Kind:
    _KINDS[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    _KINDS.pop(name, None)


def get(name: str) -> Kind:
    return _KINDS[name]


def known(name: str) -> bool:
    return name in _KINDS


def every() -> list[Kind]:
    return list(_KINDS.values())


def listed() -> list[Kind]:
    return [k for k in _KINDS.values() if k.listed]


def names(listed_only: bool = True) -> tuple[str, ...]:
    return tuple(k.name for k in (listed() if listed_only else every()))


def choices_text() -> str:
    """ "absence, call, gp, meeting, note or email": for help text and messages."""
    *rest, last = names()
    return f"{', '.join(rest)} or {last}" if rest else last


def parse(typed: str) -> str | None:
    """The listed kind a typed --kind means ("GP-visit", "calls"...), or None."""
    key = " ".join(typed.strip().lower().replace("-", "_").split())
    for kind in listed():
        words = {kind.name, kind.table, kind.plural.lower().replace(" ", "_"), kind.name + "s", *kind.aliases}
        if key in words or key.replace(" ", "_") in words:
            return kind.name
    return None


def add_edit_option(option: EditOption) -> EditOption:
    _EDIT_OPTIONS[option.name] = option
    return option


def edit_options() -> list[EditOption]:
    """The options `edit` offers: those some registered kind lets it change, in the order added."""
    wanted = {name for kind in _KINDS.values() for name in kind.editable}
    return [option for name, option in _EDIT_OPTIONS.items() if name in wanted]


def by_table(table: str) -> Kind | None:
    return next((k for k in _KINDS.values() if k.table == table), None)


def hook(kind: Kind, which: str) -> Callable[..., Any] | None:
    target = getattr(kind, which)
    if target is None:
        return None
    if target not in _HOOKS:
        module, name = target.split(":")
        _HOOKS[target] = getattr(import_module(module), name)
    return _HOOKS[target]


def model(kind: Kind):
    """The kind's revision table as a SQLModel class (imports sqlmodel: writes and imports only)."""
    module, name = kind.model.split(":")
    return getattr(import_module(module), name)


# --- the kinds there are ------------------------------------------------------------

for _option in (
    EditOption("date", metavar="DATE", help="Absence: the first day. GP visit, meeting: when."),
    EditOption("when", metavar="DATETIME", help="Call, note: when it happened."),
    EditOption("until", metavar="DATE"), EditOption("sessions"), EditOption("reason"), EditOption("via"),
    EditOption("told", metavar="NAME"),
    EditOption("type", metavar="TYPE", help="Absence: the kind of absence (illness, appointment, leave, religious, "
                                           "part-time, transport, exclusion or other)."),
    EditOption("with", metavar="NAME"), EditOption("role"), EditOption("direction"), EditOption("summary"),
    EditOption("agreed"), EditOption("minutes", "number", metavar="N"), EditOption("clinician", metavar="NAME"),
    EditOption("referral", "list", help="Replaces the list of referrals; repeat for several."),
    EditOption("letter"), EditOption("witness", metavar="NAME"), EditOption("minutes_requested", "flag"),
    EditOption("text", help="Note: the corrected text."),
):
    add_edit_option(_option)

register(Kind(
    "absence", "Absence", "absences", "absence", "refusal_log.tables.absence:Absence",
    options={"absence_type": "type"}, lists=("wording_rules",),
    editable=("date", "until", "sessions", "reason", "via", "told", "type"),
    day_only=True, when_option="--date", said_label="Reason given",
    fields="refusal_log.entries:absence_fields", timeline="refusal_log.render:absence_timeline"))
register(Kind(
    "call", "Phone call", "phone calls", "call", "refusal_log.tables.call:Call",
    options={"with_name": "with"}, aliases=("phone_call", "phone_calls"),
    editable=("with", "role", "when", "direction", "summary", "agreed", "minutes"),
    fields="refusal_log.entries:call_fields", timeline="refusal_log.render:call_timeline"))
register(Kind(
    "gp", "GP visit", "GP visits", "gp_visit", "refusal_log.tables.gp:GPVisit",
    options={"referrals": "referral"}, lists=("referrals",),
    editable=("when", "clinician", "summary", "referral", "letter"),
    when_option="--date", said_label="What the GP said or did",
    fields="refusal_log.entries:gp_fields", timeline="refusal_log.render:gp_timeline"))
register(Kind(
    "meeting", "Meeting", "meetings", "meeting", "refusal_log.tables.meeting:Meeting",
    options={"with_names": "with"}, flags=("minutes_requested",),
    editable=("when", "with", "witness", "summary", "agreed", "minutes_requested"),
    when_option="--date", said_label="What was discussed",
    fields="refusal_log.entries:meeting_fields", timeline="refusal_log.render:meeting_timeline"))
register(Kind(
    "note", "Note", "notes", "note", "refusal_log.tables.note:Note",
    editable=("when", "text"), said_label="What I noted",
    fields="refusal_log.entries:note_fields"))
register(Kind(
    "email", "Email", "emails", "email", "refusal_log.tables.email:Email",
    options={"sender": "from", "recipients": "to"}, lists=("recipients",)))
register(Kind(
    "register", "Register code", "register codes", "register_mark", "refusal_log.tables.attendance:RegisterMark",
    listed=False,
    not_editable=("Entry {id} is a code from the school's register; to record a corrected code, "
                  "use: refusal-log register set DATE --am CODE --pm CODE --why \"...\"")))
register(Kind(
    # A request the family made (requests.py): `request list` and `due` show them, with the
    # replies and extensions kept in their own chained tables, so `list` and `timeline` leave
    # them out; `search` finds their words, `show` and `withdraw` work as for any entry.
    "request", "Request", "requests", "request", "refusal_log.tables.request:Request",
    options={"request_kind": "kind", "to_name": "to"}, listed=False, day_only=True, when_option="--sent",
    said_label="What I asked for",
    not_editable=("Entry {id} is a request; it is not edited. Log the answer with: refusal-log request reply {id} "
                  "--summary \"...\", or withdraw it if it was logged by mistake.")))
