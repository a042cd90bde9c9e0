"""Requests, their replies and extensions, and agreed actions marked done, in the JSON export.

exchange.py stays the one place that reads and writes export files; it asks this module
for the `requests` section (request entries, written like any other entry through the
kinds registry, plus the reply, extension and action_done rows), and, on import, for the
checks the `request` and `action` commands make, so a file no command could have
written is refused before anything is written.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Callable

from refusal_log import dates

SECTION = "requests"
KIND = "request"  # requests.KIND, without importing requests to compare


def export_section(db, entry_json: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    from refusal_log import entries, requests

    views = sorted(entries._load(db, (requests.KIND,)), key=lambda v: v.id)
    replies = [{"id": i, "entry": e, "date": d, "summary": s, "recorded": r} for i, e, d, s, r in db.execute(
        "SELECT id, entry_id, replied_on, summary, recorded_at FROM request_reply ORDER BY id")]
    extensions = [{"id": i, "entry": e, "told": t, "new_due": n, "reason": why, "recorded": r}
                  for i, e, t, n, why, r in db.execute(
                      "SELECT id, entry_id, told_on, new_due, reason, recorded_at FROM request_extension ORDER BY id")]
    done = [{"id": i, "entry": e, "line": ln, "text": t, "done": d, "note": n, "recorded": r}
            for i, e, ln, t, d, n, r in db.execute(
                "SELECT id, entry_id, line, text, done_on, note, recorded_at FROM action_done ORDER BY id")]
    return {"entries": [entry_json(v) for v in views], "replies": replies, "extensions": extensions,
            "actions_done": done}


def check_revision(entry_id: int, fields: dict[str, Any], sent: date) -> None:
    """What `request add` checks: a known kind of request, a known --via, known clocks, --due not before --sent."""
    from refusal_log import clocks, requests

    where = f"request {entry_id}"
    if fields.get("request_kind") not in requests.REQUEST_KINDS:
        raise ValueError(f"{where} has an unknown kind of request {fields.get('request_kind')!r:.40}")
    if fields.get("via") is not None and fields["via"] not in requests.VIA:
        raise ValueError(f"{where}'s via must be one of {', '.join(requests.VIA)}, not {fields['via']!r:.40}")
    rules = fields.get("rules")
    if not isinstance(rules, str) or not all(key in clocks.rules() for key in rules.split(",")):
        raise ValueError(f"{where} names a clock refusal-log does not know ({rules!r:.40})")
    override = fields.get("due_override")
    if override is not None:
        override = _day(override, f"{where}'s due date")
        if override < sent:
            raise ValueError(f"{where} is due ({override}) before it was sent ({sent})")
        fields["due_override"] = override


def _day(value: Any, what: str) -> date:
    if not isinstance(value, str):
        raise ValueError(f"{what} should be a date")
    day = date.fromisoformat(value)
    dates.check_year(what, day)
    return day


def _words(value: Any, what: str, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} should be text")
    return value


def _id(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value < 2**63:
        raise ValueError(f"{what} should be a whole number from 1")
    return value


def plan_rows(section: dict[str, Any] | None, planned: dict[int, tuple[str, list[date]]],
              when: Callable[[Any], datetime]) -> list[tuple[str, Any, int | None]]:
    """The reply, extension and action_done rows, checked as `request reply/extend` and `action done` check.

    `planned` is every entry the import writes: its kind and the days its revisions happened.
    """
    from refusal_log.tables.request import ActionDone, RequestExtension, RequestReply

    if not section:
        return []
    rows: list[tuple[str, Any, int | None]] = []

    def request_sent(entry_id: Any, what: str) -> date:
        kind, days = planned.get(entry_id, (None, []))
        if kind != "request":
            raise ValueError(f"{what} belongs to entry {entry_id!r:.20}, which is not a request in the file")
        return days[-1]  # a request is never edited: its one revision says when it was sent

    for r in section.get("replies", []):
        what = f"reply {r['id']!r:.20}"
        sent, day = request_sent(r["entry"], what), _day(r["date"], f"{what}'s date")
        if day < sent:
            raise ValueError(f"{what} is dated {day:%d/%m/%Y}, before request {r['entry']} was sent ({sent:%d/%m/%Y})")
        rows.append(("request_reply", RequestReply(
            id=_id(r["id"], "a reply's id"), entry_id=r["entry"], replied_on=day,
            summary=_words(r["summary"], f"{what}'s summary"), recorded_at=when(r["recorded"])), r["entry"]))
    for x in section.get("extensions", []):
        what = f"extension {x['id']!r:.20}"
        request_sent(x["entry"], what)
        rows.append(("request_extension", RequestExtension(
            id=_id(x["id"], "an extension's id"), entry_id=x["entry"], told_on=_day(x["told"], f"{what}'s date"),
            new_due=_day(x["new_due"], f"{what}'s new date"), reason=_words(x["reason"], f"{what}'s reason"),
            recorded_at=when(x["recorded"])), x["entry"]))
    seen: set[tuple[int, int]] = set()
    for a in section.get("actions_done", []):
        kind, days = planned.get(a["entry"], (None, []))
        line = a["line"]
        what = f"agreed action {a['entry']!r:.20}.{line!r:.5}"
        if kind not in ("call", "meeting") or not isinstance(line, int) or isinstance(line, bool) or line < 0 \
                or (line == 0 and kind != "meeting"):
            raise ValueError(f"{what} is not a line agreed at a call or meeting in the file")
        if (a["entry"], line) in seen:
            raise ValueError(f"{what} is marked done twice")
        seen.add((a["entry"], line))
        day = _day(a["done"], f"{what}'s date")
        if day < min(days):  # every revision once said when it was agreed; none may come after
            raise ValueError(f"{what} is marked done ({day:%d/%m/%Y}) before it was agreed ({min(days):%d/%m/%Y})")
        rows.append(("action_done", ActionDone(
            id=_id(a["id"], "an action's id"), entry_id=a["entry"], line=line, text=_words(a["text"], f"{what}'s text"),
            done_on=day, note=_words(a.get("note"), f"{what}'s note", optional=True),
            recorded_at=when(a["recorded"])), a["entry"]))
    for table, items in (("reply", section.get("replies", [])), ("extension", section.get("extensions", [])),
                         ("action", section.get("actions_done", []))):
        ids = [item["id"] for item in items]
        if len(ids) != len(set(ids)):
            raise ValueError(f"{table} ids are repeated")
    return rows
