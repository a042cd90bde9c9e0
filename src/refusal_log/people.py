"""The family and the people they deal with: the child (or children), contacts, and
the parent's own details that letters are signed with."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING

from refusal_log import dates, integrity, store
from refusal_log.errors import InvalidInput, NotFound
from refusal_log.text import optional_text, required_text

if TYPE_CHECKING:
    import sqlite3

    from sqlmodel import Session

REGIONS = ("england", "wales", "scotland", "northern-ireland")


@dataclass
class ChildView:
    id: int
    name: str
    school: str | None
    born: str | None

    def to_json(self) -> dict:
        return asdict(self)


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


_CHILD_COLUMNS = "id, name, school, born"


def _validate_email(value: str | None, option: str) -> str | None:
    value = optional_text(value)
    if value is not None and ("@" not in value or " " in value.strip()):
        raise InvalidInput(f"{option} {value!r} does not look like an email address (name@example.org).")
    return value


def _find_child(db: sqlite3.Connection, name: str) -> ChildView | None:
    # lower() in SQLite folds only ASCII; fold in Python so "Zoë" finds "ZOË" too.
    wanted = name.strip().casefold()
    for row in db.execute(f"SELECT {_CHILD_COLUMNS} FROM child ORDER BY id"):
        if row[1].casefold() == wanted:
            return ChildView(*row)
    return None


def _insert_child(session: Session, name: str, school: str | None, born: date | None) -> ChildView:
    from refusal_log.models import Child

    child = Child(name=name.strip(), school=school, born=born, recorded_at=dates.now())
    session.add(child)
    session.flush()
    integrity.append(session, "child", child.id)
    return ChildView(child.id, child.name, child.school, born.isoformat() if born else None)


def setup(child: str, school: str | None, parent: str | None = None, email: str | None = None,
          school_email: str | None = None, region: str | None = None) -> SetupResult:
    """Create the home (or add to it): the child, and the parent's details for letters.

    Running it again never touches what was logged: a child already there is kept as
    it is, and only the details given this time are updated.
    """
    from refusal_log.models import Setting

    name = required_text(child, "--child", "the child's first name")
    school = optional_text(school)
    given = {
        "parent": optional_text(parent),
        "email": _validate_email(email, "--email"),
        "school_email": _validate_email(school_email, "--school-email"),
        "region": optional_text(region),
    }
    if given["region"] is not None:
        given["region"] = given["region"].lower().replace(" ", "-")
        if given["region"] not in REGIONS:
            raise InvalidInput(f"--region must be one of {', '.join(REGIONS)}; {region!r} is not.")
    with store.writing() as session:
        db = store.driver(session)
        existing = _find_child(db, name)
        record = existing or _insert_child(session, name, school, None)
        before = dict(db.execute("SELECT key, value FROM setting"))
        updated = []
        for key, value in given.items():
            if value is not None and before.get(key) != value:
                integrity.set_detail(session, key, value)
                updated.append("--" + key.replace("_", "-"))
        if session.get(Setting, "region") is None:
            integrity.set_detail(session, "region", "england")
        if session.get(Setting, "zone") is None:
            # The zone the log keeps its days in, whatever REFUSAL_LOG_TZ says later.
            integrity.set_detail(session, "zone", dates.zone_for_new_log())
        session.flush()
        return SetupResult(str(store.paths.home_dir()), record, existing is None, updated)


def profile() -> dict[str, str]:
    """The parent's details for letters: parent, email, school_email, region."""
    with store.reading() as db:
        return dict(db.execute("SELECT key, value FROM setting"))


def add_child(name: str, school: str | None = None, born: str | None = None) -> ChildView:
    name = required_text(name, "NAME", "the child's name")
    born_on = dates.parse_date(born) if born else None
    with store.writing() as session:
        if _find_child(store.driver(session), name):
            raise InvalidInput(f"A child called {name} is already set up; 'refusal-log child list' shows them.")
        return _insert_child(session, name, optional_text(school), born_on)


def list_children() -> list[ChildView]:
    with store.reading() as db:
        return [ChildView(*row) for row in db.execute(f"SELECT {_CHILD_COLUMNS} FROM child ORDER BY id")]


def resolve_child(db: sqlite3.Connection, name: str | None) -> ChildView:
    """The child a command is about: the one named, or the only one there is."""
    if name is not None:
        found = _find_child(db, name)
        if found is None:
            known = ", ".join(row[0] for row in db.execute("SELECT name FROM child ORDER BY id")) or "none yet"
            raise NotFound(f"There is no child called {name!r} in this log (children: {known}).")
        return found
    children = [ChildView(*row) for row in db.execute(f"SELECT {_CHILD_COLUMNS} FROM child ORDER BY id")]
    if not children:
        raise NotFound("No child is set up yet. Start with: refusal-log init --child NAME --school SCHOOL")
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
