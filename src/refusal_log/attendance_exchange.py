"""The school calendar and register in the JSON export, and back again on import.

exchange.py stays the one place that reads and writes export files; it asks this
module for the `school` section (terms, closures and every register mark with its
full history), so that an export stays a complete copy of the log.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Callable

from refusal_log import register, schoolcalendar


def export_section(db) -> dict[str, Any]:
    names = dict(db.execute("SELECT id, name FROM child"))
    terms = [{"id": i, "child": names.get(c), "name": n, "from": a, "to": b, "recorded": r} for i, c, n, a, b, r in
             db.execute("SELECT id, child_id, name, starts, ends, recorded_at FROM school_term ORDER BY id")]
    closures = [{"id": i, "child": names.get(c), "from": a, "to": b, "reason": why, "recorded": r}
                for i, c, a, b, why, r in db.execute(
                    "SELECT id, child_id, starts, ends, reason, recorded_at FROM school_closure ORDER BY id")]
    withdrawn = {e: {"reason": why, "recorded": r}
                 for e, why, r in db.execute("SELECT entry_id, reason, recorded_at FROM withdrawal")}
    marks: dict[int, dict[str, Any]] = {}
    for e, c, rec in db.execute("SELECT id, child_id, recorded_at FROM entry WHERE kind = 'register' ORDER BY id"):
        marks[e] = {"id": e, "kind": "register", "child": names.get(c), "recorded": rec, "history": [],
                    "withdrawn": withdrawn.get(e)}
    for row in db.execute("SELECT entry_id, revision, happened_at, recorded_at, change_reason, date, session, code, "
                          "category, source FROM register_mark ORDER BY entry_id, revision"):
        e, number, when, rec, why, day, slot, code, cat, src = row
        if e in marks:
            marks[e]["history"].append({"revision": number, "when": when, "recorded": rec, "change_reason": why,
                                        "date": day, "session": slot, "code": code, "category": cat,
                                        "source": src})
    removals = [{"id": i, "term": t, "closure": c, "reason": why, "recorded": r} for i, t, c, why, r in db.execute(
        "SELECT id, term_id, closure_id, reason, recorded_at FROM calendar_removal ORDER BY id")]
    return {"terms": terms, "closures": closures, "removals": removals, "register": list(marks.values())}


def _text(value: Any, what: str, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} should be text")
    return value


def plan_rows(section: dict[str, Any] | None, children: dict[str, int],
              when: Callable[[Any], datetime]) -> list[tuple[str, Any, int | None]]:
    """The rows an import writes for the school section, checked before anything is written."""
    from refusal_log.models import CalendarRemoval, Entry, RegisterMark, SchoolClosure, SchoolTerm, Withdrawal

    if not section:
        return []
    rows: list[tuple[str, Any, int | None]] = []
    placed: dict[int, list[tuple[date, date, str]]] = {}
    # A removed term no longer counts, so the term that replaced it may cover the same days.
    gone = {r.get("term") for r in section.get("removals", [])}
    for t in section.get("terms", []):
        name, a, b = _text(t["name"], "a term's name"), date.fromisoformat(t["from"]), date.fromisoformat(t["to"])
        # The checks `calendar add-term` makes: a term the command refuses is refused here too.
        schoolcalendar.check_span(a, b, f"the term {name:.60}")
        owner = children[t["child"]]
        for other_a, other_b, other in placed.setdefault(owner, []):
            if other_a <= b and other_b >= a and t["id"] not in gone:
                raise ValueError(f"the terms {other!r:.60} and {name!r:.60} overlap")
        if t["id"] not in gone:
            placed[owner].append((a, b, name))
        rows.append(("school_term", SchoolTerm(
            id=t["id"], child_id=owner, name=name, starts=a, ends=b, recorded_at=when(t["recorded"])), None))
    for c in section.get("closures", []):
        reason = _text(c.get("reason"), "a closure's reason", optional=True)
        a, b = date.fromisoformat(c["from"]), date.fromisoformat(c["to"])
        schoolcalendar.check_span(a, b, f"the closure {reason or ''}".strip()[:70])
        rows.append(("school_closure", SchoolClosure(
            id=c["id"], child_id=children[c["child"]], starts=a, ends=b, reason=reason,
            recorded_at=when(c["recorded"])), None))
    # A removal names a term or closure of the file, once (as `calendar remove` allows).
    known = {("term", row.id) for table, row, _ in rows if table == "school_term"} | \
            {("closure", row.id) for table, row, _ in rows if table == "school_closure"}
    removed = set()
    for r in section.get("removals", []):
        target = ("term", r.get("term")) if r.get("term") is not None else ("closure", r.get("closure"))
        if target not in known or target in removed or (r.get("term") is not None and r.get("closure") is not None):
            raise ValueError(f"a calendar removal names {target[0]} {target[1]!r:.20}, which the file's calendar "
                             "does not hold (or removes it twice)")
        removed.add(target)
        rows.append(("calendar_removal", CalendarRemoval(
            id=r["id"], term_id=r.get("term"), closure_id=r.get("closure"), reason=_text(r["reason"], "a removal's reason"),
            recorded_at=when(r["recorded"])), None))
    for m in section.get("register", []):
        entry_id = m["id"]
        if not isinstance(entry_id, int) or not m["history"]:
            raise ValueError("a register mark has no id or no content")
        rows.append(("entry", Entry(id=entry_id, kind="register", child_id=children[m["child"]],
                                    recorded_at=when(m["recorded"])), entry_id))
        for number, r in enumerate(m["history"], start=1):
            if r["revision"] != number or r["session"] not in ("am", "pm") or r["category"] not in register.CATEGORIES:
                raise ValueError(f"register mark {entry_id} is not as refusal-log writes it")
            rows.append(("register_mark", RegisterMark(
                entry_id=entry_id, revision=number, happened_at=when(r["when"]), recorded_at=when(r["recorded"]),
                change_reason=_text(r.get("change_reason"), "a reason", optional=True),
                date=date.fromisoformat(r["date"]), session=r["session"], code=_text(r["code"], "a code"),
                category=r["category"], source=_text(r.get("source"), "a source", optional=True)), entry_id))
        if m.get("withdrawn"):
            rows.append(("withdrawal", Withdrawal(entry_id=entry_id, reason=_text(m["withdrawn"]["reason"], "a reason"),
                                                  recorded_at=when(m["withdrawn"]["recorded"])), entry_id))
    return rows
