"""Requests the family made in writing, and the clocks they start.

A request is an entry of kind `request` (one row per revision in `request`): to whom,
how, when it was sent and what about, with the rule(s) from clocks.toml chosen when it
was logged. A reply (`request_reply`) closes its next open stage; an extension
(`request_extension`, a SAR's two further months) moves the date, with its reason kept.
All three are chained in the ledger. Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from refusal_log import clocks, dates, integrity, people, store
from refusal_log.errors import InvalidInput, NotFound
from refusal_log.text import optional_text, required_text, shown

# --- the request kind: what a registry of kinds needs to know, in one place ---------
KIND = "request"
TABLE = "request"
REQUEST_KINDS = ("records", "sar", "ehc-assessment", "s19", "gp-letter", "minutes", "complaint", "other")
VIA = ("email", "letter", "app", "in-person", "phone", "online-form")
# ------------------------------------------------------------------------------------

NATION_NAMES = {"england": "England", "wales": "Wales", "scotland": "Scotland", "northern-ireland": "Northern Ireland"}
# Where an EHC needs assessment does not exist: that nation's own system (facts.md section 11).
OWN_SEN_SYSTEM = {
    "wales": "In Wales there are no EHC plans: additional learning needs are met through an individual "
             "development plan (IDP) under the Additional Learning Needs and Education Tribunal (Wales) Act 2018",
    "scotland": "In Scotland there are no EHC plans: additional support needs are met under the Education "
                "(Additional Support for Learning) (Scotland) Act 2004, which may lead to a Co-ordinated Support Plan",
    "northern-ireland": "In Northern Ireland there are no EHC plans: special educational needs are assessed under "
                        "the Education (Northern Ireland) Order 1996, which may lead to a statement",
}
# The school types the 2005 Regulations cover (maintained schools, special schools).
PUPIL_INFORMATION_SCHOOLS = ("maintained", "special")


def nation_of(db) -> str:
    row = db.execute("SELECT value FROM setting WHERE key = 'region'").fetchone()
    return row[0] if row and row[0] in NATION_NAMES else "england"


def rules_for(kind: str, nation: str, school_type: str | None) -> list[str]:
    """The clocks.toml rules a request of this kind starts, in the child's nation."""
    if kind == "records":
        return ["records-maintained" if nation == "england" and school_type in PUPIL_INFORMATION_SCHOOLS else "sar"]
    if kind == "ehc-assessment":
        if nation != "england":
            raise InvalidInput(f"{OWN_SEN_SYSTEM[nation]}. To keep track of a request there, use: "
                               "refusal-log request add other --to NAME --due DATE --about TEXT")
        return ["ehc-decision", "ehc-final-plan"]
    if kind == "s19":
        return ["s19-guidance" if nation == "england" else "s19-follow-up"]
    return [{"sar": "sar", "gp-letter": "gp-letter", "minutes": "minutes", "complaint": "complaint",
             "other": "your-date"}[kind]]


@dataclass
class Stage:
    rule: clocks.Rule
    due: date
    done_on: date | None = None
    extended: str | None = None  # the reason, when an extension moved this date
    extension: str | None = None  # what the extension was, in words, for the rule text
    legal: "Stage | None" = None  # where the parent set their own date (--due): the law's clock beside it

    def to_json(self) -> dict[str, Any]:
        legal = self.legal
        return {"what": self.rule.what, "due": self.due.isoformat(), "rule": self.describe(),
                "source": self.rule.source, "status": self.rule.status,
                "legal_due": legal.due.isoformat() if legal else None,
                "legal_rule": legal.rule.describe() if legal else None,
                "legal_source": legal.rule.source if legal else None,
                "answered": self.done_on.isoformat() if self.done_on else None, "extended": self.extended}


    def describe(self) -> str:
        """The rule in one line, with the extension (if any) said after it."""
        return self.rule.describe() + (f"; {self.extension}" if self.extension else "")


@dataclass
class Reply:
    id: int
    date: date
    summary: str


@dataclass
class RequestView:
    id: int
    child: str
    kind: str
    to: str
    via: str | None
    about: str | None
    sent: date
    stages: list[Stage]
    replies: list[Reply] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    school_days_assumed: bool = False

    @property
    def open_stages(self) -> list[Stage]:
        return [s for s in self.stages if s.done_on is None]

    def state(self, as_of: date) -> str:
        """answered, answered late, overdue or in progress."""
        if not self.open_stages:
            return "answered late" if any(s.done_on > s.due for s in self.stages) else "answered"
        return "overdue" if any(as_of > s.due for s in self.open_stages) else "in progress"

    def to_json(self, as_of: date) -> dict[str, Any]:
        return {"id": self.id, "child": self.child, "kind": self.kind, "to": self.to, "via": self.via,
                "about": self.about, "sent": self.sent.isoformat(), "state": self.state(as_of),
                "stages": [s.to_json() for s in self.stages],
                "replies": [{"id": r.id, "date": r.date.isoformat(), "summary": r.summary} for r in self.replies],
                "school_days_assumed": self.school_days_assumed}


def _kind(value: str) -> str:
    key = value.strip().lower().replace("_", "-").replace(" ", "-")
    key = {"record": "records", "educational-record": "records", "subject-access": "sar", "ehc": "ehc-assessment",
           "section-19": "s19", "gp": "gp-letter", "complain": "complaint"}.get(key, key)
    if key not in REQUEST_KINDS:
        raise InvalidInput(f"{shown(value)} is not a kind of request; use one of: {', '.join(REQUEST_KINDS)}.")
    return key


def _via(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    key = value.strip().lower().replace(" ", "-")
    if key not in VIA:
        raise InvalidInput(f"--via must be one of {', '.join(VIA)}; {shown(value)} is not.")
    return key


def _day(value: str | None, option: str) -> date:
    if value is None:
        return dates.today()
    try:
        return dates.parse_date(value)
    except InvalidInput as exc:
        raise InvalidInput(f"{option}: {exc}") from None


def add_request(kind: str, to: str, sent: str | None = None, via: str | None = None, about: str | None = None,
                child: str | None = None, due: str | None = None) -> RequestView:
    """Log a request sent in writing, with the clock it starts."""
    kind = _kind(kind)
    to = required_text(to, "--to", "who the request went to")
    about = optional_text(about, "--about")
    via = _via(via)
    day = _day(sent, "--sent")
    if day > dates.today():
        raise InvalidInput(f"--sent {day:%d/%m/%Y} is in the future; log a request once it has gone.")
    override = _day(due, "--due") if due else None
    if kind == "other" and override is None:
        raise InvalidInput("A request of kind 'other' needs the date you expect an answer by: add --due DATE.")
    if override is not None and override < day:
        raise InvalidInput(f"--due {override:%d/%m/%Y} is before the day it was sent ({day:%d/%m/%Y}).")
    with store.writing() as session:
        db = store.driver(session)
        owner = people.resolve_child(db, child)
        rules = rules_for(kind, nation_of(db), owner.school_type)
        now = dates.now()
        cursor = db.execute("INSERT INTO entry (kind, child_id, recorded_at) VALUES (?, ?, ?)",
                            (KIND, owner.id, now.isoformat()))
        entry_id = cursor.lastrowid
        integrity.chain_row(db, "entry", entry_id, entry_id)
        cursor = db.execute(
            "INSERT INTO request (entry_id, revision, happened_at, recorded_at, request_kind, to_name, via, about, "
            "rules, due_override) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entry_id, dates.start_of_day(day).isoformat(), now.isoformat(), kind, to, via, about, ",".join(rules),
             override.isoformat() if override else None))
        integrity.chain_row(db, TABLE, cursor.lastrowid, entry_id)
        view = _load(db, [entry_id])[0]
    if kind == "records" and owner.school_type is None:
        view.notes.append(f"The school type of {owner.name} is not set, so this is counted as a subject access "
                          "request (one month). If the school is a maintained school, set it and log it again: "
                          f"refusal-log child edit \"{owner.name}\" --school-type maintained")
    return view


def _request(db, entry_id: int) -> None:
    row = db.execute("SELECT kind FROM entry WHERE id = ?", (entry_id,)).fetchone()
    if row is None or row[0] != KIND:
        raise NotFound(f"There is no request with the number {entry_id}; 'refusal-log request list' shows them.")
    if db.execute("SELECT 1 FROM withdrawal WHERE entry_id = ?", (entry_id,)).fetchone():
        raise InvalidInput(f"Request {entry_id} was withdrawn, so it cannot take a reply.")


def reply(entry_id: int, summary: str, on: str | None = None) -> RequestView:
    """Log the answer to a request: it closes the request's next open stage."""
    summary = required_text(summary, "--summary", "what the answer said")
    day = _day(on, "--date")
    with store.writing() as session:
        db = store.driver(session)
        _request(db, entry_id)
        view = _load(db, [entry_id])[0]
        if day < view.sent:
            raise InvalidInput(f"--date {day:%d/%m/%Y} is before the request was sent ({view.sent:%d/%m/%Y}).")
        if day > dates.today():
            raise InvalidInput(f"--date {day:%d/%m/%Y} is in the future; log a reply once it has come.")
        if not view.open_stages:  # only an EHC request has a next stage to answer
            raise InvalidInput(f"Request {entry_id} is already answered ({view.replies[-1].date:%d/%m/%Y}); "
                               f"to keep more of what they sent, use add-note or attach {entry_id} FILE.")
        cursor = db.execute("INSERT INTO request_reply (entry_id, replied_on, summary, recorded_at) VALUES (?, ?, ?, ?)",
                            (entry_id, day.isoformat(), summary, dates.now().isoformat()))
        integrity.chain_row(db, "request_reply", cursor.lastrowid, entry_id)
        return _load(db, [entry_id])[0]


def extend(entry_id: int, reason: str, on: str | None = None, to: str | None = None) -> RequestView:
    """Log that they told you they need longer: a SAR's two further months, or a new date (--to)."""
    reason = required_text(reason, "--reason", "the reason they gave")
    day = _day(on, "--date")
    with store.writing() as session:
        db = store.driver(session)
        _request(db, entry_id)
        view = _load(db, [entry_id])[0]
        if not view.open_stages:
            raise InvalidInput(f"Request {entry_id} is already answered, so there is nothing to extend.")
        stage = view.open_stages[0]
        if day > dates.today():
            raise InvalidInput(f"--date {day:%d/%m/%Y} is in the future; log an extension once they have told you.")
        if day < view.sent:
            raise InvalidInput(f"--date {day:%d/%m/%Y} is before the request was sent ({view.sent:%d/%m/%Y}).")
        if stage.rule.key == "sar" and stage.extended:
            raise InvalidInput(f"Request {entry_id} was already extended once; a subject access request can be "
                               "extended only once, by two further months.")
        if to is not None:
            new_due = _day(to, "--to")
            if new_due < dates.today():
                raise InvalidInput(f"--to {new_due:%d/%m/%Y} is in the past; give the new date they told you.")
            if new_due <= stage.due:
                raise InvalidInput(f"--to {new_due:%d/%m/%Y} is not later than the date it is due now "
                                   f"({stage.due:%d/%m/%Y}), so it is no extension.")
        elif stage.rule.key == "sar":
            new_due = clocks.due_date(view.sent, clocks.rule("sar-extended"), clocks.SchoolDays(nation_of(db)))
        else:
            raise InvalidInput("Give the new date they gave you with --to DATE (only a subject access request "
                               "has a set extension of two further months).")
        cursor = db.execute("INSERT INTO request_extension (entry_id, told_on, new_due, reason, recorded_at) "
                            "VALUES (?, ?, ?, ?, ?)",
                            (entry_id, day.isoformat(), new_due.isoformat(), reason, dates.now().isoformat()))
        integrity.chain_row(db, "request_extension", cursor.lastrowid, entry_id)
        view = _load(db, [entry_id])[0]
    if stage.rule.key == "sar" and to is None and day > stage.due:
        view.notes.append(f"They told you on {day:%d/%m/%Y}, after the first month ended ({stage.due:%d/%m/%Y}); "
                          "the ICO's guidance is that an extension must be told within the first month, with reasons.")
    return view


def _load(db, entry_ids: list[int] | None = None) -> list[RequestView]:
    from refusal_log import schoolcalendar

    where = "" if entry_ids is None else f" AND e.id IN ({','.join('?' * len(entry_ids))})"
    rows = db.execute(
        "SELECT e.id, e.child_id, r.request_kind, r.to_name, r.via, r.about, r.happened_at, r.rules, r.due_override "
        "FROM entry e JOIN request r ON r.entry_id = e.id AND r.revision = "
        "(SELECT max(revision) FROM request WHERE entry_id = e.id) "
        f"WHERE e.kind = 'request' AND e.id NOT IN (SELECT entry_id FROM withdrawal){where} ORDER BY e.id",
        entry_ids or []).fetchall()
    nation = nation_of(db)
    names = people.child_names(db)
    days_of: dict[int, clocks.SchoolDays] = {}
    found = []
    for entry_id, child_id, kind, to, via, about, sent_at, rules, override in rows:
        if child_id not in days_of:
            cal = schoolcalendar.load(names[child_id], db) if child_id in names else None
            days_of[child_id] = clocks.SchoolDays(nation, cal)
        days = days_of[child_id]
        days.assumed = False
        from datetime import datetime

        sent = datetime.fromisoformat(sent_at).astimezone(dates.local_zone()).date()
        stages = [clocks.rule(key) for key in rules.split(",")]
        stages = [Stage(r, clocks.due_date(sent, r, days)) for r in stages]
        if override:
            # The parent's own date is theirs, not the law's: the legal clock (if any) stays beside it.
            legal = stages[0] if stages[0].rule.key != "your-date" else None
            stages[0] = Stage(clocks.rule("your-date"), date.fromisoformat(override), legal=legal)
        for told, new_due, reason in db.execute(
                "SELECT told_on, new_due, reason FROM request_extension WHERE entry_id = ? ORDER BY id", (entry_id,)):
            first = stages[0]
            first.due, first.extended = date.fromisoformat(new_due), reason
            if first.rule.key == "sar" and first.due == clocks.due_date(sent, clocks.rule("sar-extended"), days):
                first.extension = (f"extended by two further months, told {told[8:10]}/{told[5:7]}/{told[:4]} "
                                   f"({clocks.rule('sar-extended').source}): {reason}")
            else:
                first.extension = (f"extended to the date they gave, {first.due:%d/%m/%Y}, told "
                                   f"{told[8:10]}/{told[5:7]}/{told[:4]}: {reason}")
        replies = [Reply(i, date.fromisoformat(d), s) for i, d, s in db.execute(
            "SELECT id, replied_on, summary FROM request_reply WHERE entry_id = ? ORDER BY replied_on, id", (entry_id,))]
        for stage, answer in zip(stages, replies):
            stage.done_on = answer.date
        view = RequestView(entry_id, names.get(child_id, "?"), kind, to, via, about, sent, stages, replies,
                           school_days_assumed=days.assumed and any((s.legal or s).rule.unit == "school-days" for s in stages))
        found.append(view)
    return found


def list_requests(db=None) -> list[RequestView]:
    """Every request still in the log (withdrawn ones left out), oldest first."""
    if db is None:
        if not store.exists():
            return []
        with store.reading() as db:
            return _load(db)
    return _load(db)


def get_request(entry_id: int) -> RequestView:
    with store.reading() as db:
        found = _load(db, [entry_id])
    if not found:
        raise NotFound(f"There is no request with the number {entry_id}; 'refusal-log request list' shows them.")
    return found[0]
