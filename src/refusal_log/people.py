"""The family and the people they deal with: the child (or children), contacts, and
the parent's own details that letters are signed with."""

from __future__ import annotations

import re
import shlex
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from refusal_log import dates, integrity, nations, store
from refusal_log.errors import INIT_COMMAND, InvalidInput, NotFound
from refusal_log.text import counted, optional_text, required_text, shown

if TYPE_CHECKING:
    import sqlite3

    from sqlmodel import Session

REGIONS = nations.REGIONS
SCHOOL_TYPES = ("maintained", "academy", "free", "independent", "special", "pru", "other")
# The child's details that `child edit` can correct, by option name.
CHILD_DETAILS = ("name", "school", "born", "year_group", "form", "upn", "school_type")


@dataclass
class ChildView:
    """A child as the log now knows them: the original, or its latest correction."""

    id: int
    name: str
    school: str | None = None
    born: str | None = None
    year_group: str | None = None
    form: str | None = None
    upn: str | None = None
    school_type: str | None = None
    revision: int = 1

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name

    @property
    def class_label(self) -> str | None:
        """'Year 9, form 9R' or 'Year 9' or 'form 9R': how a school finds the pupil."""
        parts = [p for p in (self.year_group, f"form {self.form}" if self.form else None) if p]
        return ", ".join(parts) or None

    def to_json(self) -> dict:
        data = asdict(self)
        del data["revision"]  # how many corrections: bookkeeping, not a detail of the child
        return data


@dataclass
class ContactView:
    id: int
    name: str
    role: str
    email: str | None
    phone: str | None

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class SetupResult:
    home: str
    child: ChildView
    child_added: bool
    updated: list[str]  # the details this run changed, by option name (--school-email...)
    # The children already in the log when a new one was added: the person may have
    # meant one of them ("Sammy" for "Sam"); the command line says so.
    others: list[str] = field(default_factory=list)
    # The school a replaced school email was for, when the one given now is for another school: the log keeps one
    # address, so drafts about a child at that school have no To line from now on; the command line says so.
    replaced_for: str | None = None


_DETAIL_COLUMNS = "name, school, born, year_group, form, upn, school_type"


def _validate_email(value: str | None, option: str) -> str | None:
    value = optional_text(value)
    if value is not None and ("@" not in value or " " in value.strip()):
        raise InvalidInput(f"{option} {value!r} does not look like an email address (name@example.org).")
    return value


def _children(db: sqlite3.Connection) -> list[ChildView]:
    """Every child with their details as they now read (a correction replaces the original).

    A child removed by `child remove` (added by mistake, nothing logged) is left out.
    """
    found = {row[0]: ChildView(*row) for row in db.execute(f"SELECT id, {_DETAIL_COLUMNS} FROM child ORDER BY id")}
    removed = set()
    for child_id, revision, removed_reason, *details in db.execute(
            f"SELECT child_id, revision, removed_reason, {_DETAIL_COLUMNS} FROM child_revision "
            "ORDER BY child_id, revision"):
        if child_id in found:
            found[child_id] = ChildView(child_id, *details, revision=revision)
            (removed.add if removed_reason else removed.discard)(child_id)
    return [c for c in found.values() if c.id not in removed]


def child_names(db: sqlite3.Connection) -> dict[int, str]:
    """Each child's name as it now reads, by id: what entries are shown under."""
    return {c.id: c.name for c in _children(db)}


def match_child(children: list[ChildView], name: str, *, whole_words: bool = False) -> ChildView | None:
    """The child a typed name means: the full name, else a unique first name or start.

    "Maya" finds "Maya Bennett"; "maya b" finds her too. Two children it could mean is
    a plain error listing both, never a guess. `whole_words` (init, which may add a child or
    correct one): a start must end where a word does, so "Sam" is never "Samira Jones".
    """
    # casefold, not SQLite's lower(): "Zoë" must find "ZOË".
    wanted = _plain(name)
    if not wanted:
        return None

    def starts(c: ChildView) -> bool:
        full = _plain(c.name)
        return full.startswith(wanted) and not (whole_words and full[len(wanted):len(wanted) + 1].strip())

    for test in (lambda c: c.name.casefold() == wanted,
                 lambda c: c.first_name.casefold() == wanted,
                 starts):
        hits = [c for c in children if test(c)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            names = ", ".join(c.name for c in hits)
            raise InvalidInput(f"{name!r} could mean more than one child ({names}); give the full name with "
                               "--child \"FULL NAME\".")
    return None


def _find_child(db: sqlite3.Connection, name: str) -> ChildView | None:
    return match_child(_children(db), name)


def _school_type(value: str | None) -> str | None:
    value = optional_text(value, "--school-type")
    if value is None:
        return None
    key = value.strip().lower()
    if key not in SCHOOL_TYPES:
        raise InvalidInput(f"--school-type must be one of {', '.join(SCHOOL_TYPES)}; {shown(value)} is not.")
    return key


MAX_NAME = 200


def child_name(name: str | None, option: str = "--child") -> str:
    """A child's name as typed, spaces tidied; refused if it is too long to be a name or
    holds control characters (which would reach every terminal and letter)."""
    import unicodedata

    tidy = " ".join(required_text(name, option, "the child's full name").split())
    if len(tidy) > MAX_NAME:
        raise InvalidInput(f"{option} is {len(tidy):,} characters long; a child's name is at most {MAX_NAME}.")
    if any(unicodedata.category(ch) == "Cc" for ch in tidy):
        raise InvalidInput(f"{option} holds control characters (such as Escape), which a name cannot have; "
                           "please type the name again.")
    return tidy


def _details(name: str | None = None, school: str | None = None, born: str | None = None,
             year_group: str | None = None, form: str | None = None, upn: str | None = None,
             school_type: str | None = None) -> dict:
    """What was typed about a child, checked; a detail not given is left out."""
    given = {
        "name": child_name(name) if name is not None else None,
        "school": optional_text(school, "--school"),
        "born": dates.parse_date(born) if optional_text(born) else None,
        "year_group": optional_text(year_group, "--year-group"),
        "form": optional_text(form, "--form"),
        "upn": optional_text(upn, "--upn"),
        "school_type": _school_type(school_type),
    }
    if given["upn"] is not None:
        given["upn"] = given["upn"].strip().upper()
    return {k: v for k, v in given.items() if v is not None}


def _insert_child(session: Session, details: dict) -> ChildView:
    from refusal_log.models import Child

    child = Child(**details, recorded_at=dates.now())
    session.add(child)
    session.flush()
    integrity.append(session, "child", child.id)
    return _view_of(child)


def _view_of(row) -> ChildView:
    born = row.born.isoformat() if row.born else None
    return ChildView(row.child_id if hasattr(row, "child_id") else row.id, row.name, row.school, born,
                     row.year_group, row.form, row.upn, row.school_type, getattr(row, "revision", 1))


def _save_settings(session: Session, given: dict[str, str | None]) -> list[str]:
    """Write the parent's details that were given and differ; returns their option names."""
    from refusal_log.models import Setting

    before = dict(store.driver(session).execute("SELECT key, value FROM setting"))
    updated = []
    for key, value in given.items():
        if value is not None and before.get(key) != value:
            # A chained change, so that verify sees any change made behind the tool's back.
            integrity.set_detail(session, key, value)
            updated.append("--" + key.replace("_", "-"))
    return updated


def _relationship(text: str | None) -> str | None:
    """How the person keeping the log is related to the child ("grandmother", "foster carer"), as letters say it."""
    words = optional_text(text)
    if words is not None and (len(words) > 60 or not re.fullmatch(r"[^\W\d_][\w '\u2019-]*", words)):
        raise InvalidInput("--relationship is a few words saying how you are related to the child, such as "
                           "'grandmother' or 'foster carer' (up to 60 characters).")
    return words.lower() if words else None


def relationship(profile: dict[str, str]) -> str:
    """The carer's relationship to the child, as letters and timelines say it: "parent" unless `init
    --relationship` gave another (a grandmother is not written down as the parent: the newcomer on round 156)."""
    return profile.get("relationship") or "parent"


def setup(child: str, school: str | None, parent: str | None = None, email: str | None = None,
          school_email: str | None = None, region: str | None = None, *, born: str | None = None,
          year_group: str | None = None, form: str | None = None, upn: str | None = None,
          school_type: str | None = None, relationship: str | None = None) -> SetupResult:
    """Create the home (or add to it): the child, and the parent's details for letters.

    Running it again never touches what was logged: a child already there is kept as
    it is (details given for them are added as a correction), and only the parent's
    details given this time are updated. A name the log does not have is a new child
    (SetupResult.others lists the children already there, for the caller to mention).
    """
    from refusal_log.models import Setting

    details = _details(required_text(child, "--child", "the child's full name"), school, born, year_group,
                       form, upn, school_type)
    given = {
        "parent": optional_text(parent),
        "relationship": _relationship(relationship),
        "email": _validate_email(email, "--email"),
        "school_email": _validate_email(school_email, "--school-email"),
        "region": nations.region_key(region) if optional_text(region) else None,
    }
    with store.writing(empty_ok=True) as session:
        db = store.driver(session)
        children = _children(db)
        existing = match_child(children, details["name"], whole_words=True)
        if existing is None:
            record = _insert_child(session, details)
        else:
            # The name stays as the log has it ("Maya" finds "Maya Bennett"): a new name
            # is `child edit`'s job. Other details given now are added as a correction.
            changes = {k: v for k, v in details.items() if k != "name"}
            record = _revise_child(session, existing, changes, "given again to refusal-log init") or existing
        was, was_for = (getattr(session.get(Setting, key), "value", None) for key in ("school_email", "school_email_school"))
        updated = _save_settings(session, given)
        replaced_for = None
        if given["school_email"] is not None:
            # Which school the address is for: see school_address.
            _save_settings(session, {"school_email_school": record.school or ""})
            if was and was != given["school_email"] and was_for and _plain(was_for) != _plain(record.school):
                replaced_for = was_for
        if session.get(Setting, "region") is None:
            integrity.set_detail(session, "region", nations.DEFAULT)
        if session.get(Setting, "zone") is None:
            # The zone the log keeps its days in, whatever REFUSAL_LOG_TZ says later.
            integrity.set_detail(session, "zone", dates.zone_for_new_log())
        session.flush()
        return SetupResult(str(store.paths.home_dir()), record, existing is None, updated,
                           [c.name for c in children] if existing is None else [], replaced_for)


def would_add_child(name: str) -> list[str]:
    """The children already in the log, if `init --child NAME` would add a new one beside them."""
    if not store.holds_something():
        return []
    with store.reading() as db:
        children = _children(db)
    if not children or match_child(children, name, whole_words=True) is not None:
        return []
    return [c.name for c in children]


def set_region(region: str) -> str:
    """Set the child's nation, which decides every citation and code; returns its key."""
    key = nations.region_key(required_text(region, "REGION", "england, wales, scotland or northern-ireland"),
                             "The region")
    if not store.exists():
        raise NotFound("No child is set up yet. Start with: refusal-log init --child \"FULL NAME\" --school SCHOOL "
                       f"--region {key}")
    with store.writing() as session:
        _save_settings(session, {"region": key})
    return key


def check_details(details: dict[str, str]) -> dict[str, str]:
    """The parent's details from an export, checked as init and region check them."""
    checked = dict(details)
    if "region" in checked:
        checked["region"] = nations.region_key(checked["region"], "The region in the file")
    if "relationship" in checked:  # as init checks it: a few words, never a line break into a letter (attacker, 157)
        checked["relationship"] = _relationship(checked["relationship"]) or "parent"
    for key in ("email", "school_email"):
        if key in checked:
            checked[key] = _validate_email(checked[key], f"The {key.replace('_', ' ')} in the file")
    if "zone" in checked:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(checked["zone"])
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInput(f"The time zone {checked['zone']!r:.60} in the file is not known.") from None
    return checked


def profile(*, for_letter: bool = False) -> dict[str, str]:
    """The parent's details for letters: parent, email, school_email, region.

    for_letter: refuse details changed behind the tool's back (the school's address
    above all), rather than send a letter to wherever they now point.
    """
    with store.reading() as db:
        if for_letter:
            integrity.check_details(db)
        return dict(db.execute("SELECT key, value FROM setting"))


def _plain(name: str | None) -> str:
    """A name or school as compared: spaces tidied, case folded."""
    return " ".join((name or "").split()).casefold()


def school_address(profile: dict[str, str], child: str, notes: list[str], sent_to: str | None = None) -> list[str]:
    """The To line of a draft to the school about `child`. The log keeps one school address, for the school of the
    child it was given with (init records it): a draft about a child at another school, or whose school is not known
    to be that one, has none, never a brother's or sister's school's; nor has a chaser for a request `sent_to` another
    school the log knows. Empty, with a note saying why, otherwise."""
    address = profile.get("school_email")
    if not address:
        notes.append("There is no school email address yet, so the draft has no To line.")
        return []
    with store.reading() as db:
        children = _children(db)
    schools = {_plain(c.school) for c in children} - {""}
    kid = match_child(children, child)
    own = _plain(kid.school if kid else None)
    given_for = _plain(profile.get("school_email_school"))
    if len(children) <= 1:
        fits = not own or not given_for or own == given_for
    elif not own:
        fits = False  # a brother or sister whose school is not recorded may be at another
    else:
        # Recorded (even as none: given with a child whose school was not): the child's school must be that one; a log
        # from before it was recorded: one school only.
        fits = own == given_for if "school_email_school" in profile else len(schools) <= 1
    went = _plain(sent_to)
    named = [school for school in schools if re.search(rf"(?<!\w){re.escape(school)}(?!\w)", went)] if went else []
    if fits and named and (given_for or own) not in named:  # a request to "the Elm High office"
        notes.append(f"The request went to {sent_to}, and the school email in your details ({address}) is for "
                     f"{profile.get('school_email_school') or 'another school'}, so the draft has no To line. Put "
                     f"{sent_to}'s address in before you send it.")
        return []
    if fits:
        return [address]
    said_for = profile.get("school_email_school") or "a school this log does not record"
    if own:
        notes.append(f"The school email in your details ({address}) is for {said_for}, and {child} is at {kid.school}, "
                     "so the draft has no To line: nothing goes to the wrong school. Put the right address in before "
                     f"you send it. The log keeps one school address: refusal-log init --child {shlex.quote(child)} "
                     f"--school-email ADDRESS makes it {child}'s school's, and drafts about a child at another school "
                     "then have none.")
    else:
        notes.append(f"The school email in your details ({address}) is for {said_for}, and {child}'s school is not "
                     "recorded, so the draft has no To line: nothing goes to the wrong school. Put the right address in "
                     f"before you send it, or record the school: refusal-log child edit {shlex.quote(child)} --school SCHOOL")
    return []


def region_of(details: dict[str, str]) -> nations.Nation:
    """The nation whose law applies, from the profile (England until one is set)."""
    return nations.nation(details.get("region"))


def add_child(name: str, school: str | None = None, born: str | None = None, *, year_group: str | None = None,
              form: str | None = None, upn: str | None = None, school_type: str | None = None) -> ChildView:
    details = _details(required_text(name, "NAME", "the child's full name"), school, born, year_group, form,
                       upn, school_type)
    with store.writing() as session:
        for known in _children(store.driver(session)):
            if known.name.casefold() == details["name"].casefold():
                raise InvalidInput(f"A child called {known.name} is already set up; "
                                   "'refusal-log child list' shows them.")
        return _insert_child(session, details)


def _revise_child(session: Session, current: ChildView, changes: dict, why: str | None) -> ChildView | None:
    """Add a revision holding every detail as it now reads; None when nothing differs."""
    from refusal_log.models import ChildRevision

    now = {k: getattr(current, k) for k in CHILD_DETAILS}
    now["born"] = date.fromisoformat(now["born"]) if now["born"] else None
    merged = {**now, **changes}
    if merged == now:
        return None
    row = ChildRevision(child_id=current.id, revision=current.revision + 1, recorded_at=dates.now(),
                        change_reason=optional_text(why), **merged)
    session.add(row)
    session.flush()
    integrity.append(session, "child_revision", row.id)
    return _view_of(row)


def edit_child(name: str, changes: dict[str, str | None], why: str | None = None) -> ChildView:
    """Correct a child's details; the original and every earlier version are kept."""
    checked = _details(**{k: v for k, v in changes.items() if k in CHILD_DETAILS})
    if not checked:
        raise InvalidInput("Nothing to change: give the details to correct, for example --year-group \"Year 9\".")
    if not store.exists():
        raise NotFound("No child is set up yet. Start with: refusal-log init --child \"FULL NAME\" --school SCHOOL")
    with store.writing() as session:
        db = store.driver(session)
        current = resolve_child(db, name)
        if "name" in checked:
            for other in _children(db):
                if other.id != current.id and other.name.casefold() == checked["name"].casefold():
                    raise InvalidInput(f"Another child is already called {other.name}; nothing was changed.")
        revised = _revise_child(session, current, checked, why)
        if revised is None:
            raise InvalidInput(f"That is what the log already says about {current.name}; nothing was changed.")
        return revised


def remove_child(name: str, reason: str | None = None) -> ChildView:
    """Undo adding a child by mistake. Only a child with nothing logged can be removed;
    the record of them stays in the log (and its hash chain), marked as removed."""
    from refusal_log.models import ChildRevision

    if not store.exists():
        raise NotFound("No child is set up yet, so there is nothing to remove.")
    with store.writing() as session:
        db = store.driver(session)
        current = resolve_child(db, name)
        logged = db.execute("SELECT count(*) FROM entry WHERE child_id = ?", (current.id,)).fetchone()[0]
        if logged:
            raise InvalidInput(f"{current.name} has {counted(logged)} in the log, so "
                               f"{current.name} cannot be removed; to correct the name instead: "
                               f"refusal-log child edit {current.name!r} --name \"NEW NAME\"")
        details = {k: getattr(current, k) for k in CHILD_DETAILS}
        details["born"] = date.fromisoformat(details["born"]) if details["born"] else None
        row = ChildRevision(child_id=current.id, revision=current.revision + 1, recorded_at=dates.now(),
                            change_reason=optional_text(reason), removed_reason=optional_text(reason) or "removed",
                            **details)
        session.add(row)
        session.flush()
        integrity.append(session, "child_revision", row.id)
        return current


def list_children() -> list[ChildView]:
    with store.reading() as db:
        return _children(db)


def resolve_child(db: sqlite3.Connection, name: str | None) -> ChildView:
    """The child a command is about: the one named, or the only one there is."""
    children = _children(db)
    if name is not None:
        found = match_child(children, name)
        if found is None:
            known = ", ".join(c.name for c in children) or "none yet"
            raise NotFound(f"There is no child called {name!r} in this log (children: {known}).")
        return found
    if not children:
        raise NotFound(f"No child is set up yet. Start with: {INIT_COMMAND}")
    if len(children) > 1:
        names = ", ".join(c.name for c in children)
        raise InvalidInput(f"This log has {len(children)} children ({names}); say which one with --child NAME.")
    return children[0]


def add_contact(name: str, role: str, email: str | None = None, phone: str | None = None) -> ContactView:
    from refusal_log.models import Contact

    name = required_text(name, "NAME", "the person's name")
    role = required_text(role, "--role", "their role, such as 'attendance officer' or SENCo")
    email = _validate_email(email, "--email")
    with store.writing() as session:
        contact = Contact(name=name, role=role, email=email, phone=optional_text(phone), recorded_at=dates.now())
        session.add(contact)
        session.flush()
        integrity.append(session, "contact", contact.id)
        return ContactView(contact.id, contact.name, contact.role, contact.email, contact.phone)


def list_contacts() -> list[ContactView]:
    with store.reading() as db:
        return [ContactView(*row) for row in
                db.execute("SELECT id, name, role, email, phone FROM contact ORDER BY name, id")]


def contact_role(db: sqlite3.Connection, name: str) -> str | None:
    """The role of a known contact, so `add-call --with "Mrs Patel"` can fill it in."""
    wanted = name.strip().casefold()
    for contact_name, role in db.execute("SELECT name, role FROM contact ORDER BY id"):
        if contact_name.casefold() == wanted:
            return role
    return None
