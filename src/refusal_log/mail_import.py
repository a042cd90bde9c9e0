"""Importing emails (.eml files) as correspondence entries.

The parents' FAQ says to keep every email. An imported message becomes an entry of
kind "email" (sender, recipients, date, subject and body), its attachments are kept
with it, and the original .eml is attached too, so the headers survive. A message
whose Message-ID is already in the log is skipped: importing twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from refusal_log import attachments, dates, entries, people, store
from refusal_log.errors import InvalidInput


MAX_EMAIL = 100 * 1024 * 1024


@dataclass
class ParsedEmail:
    source: str
    message_id: str
    when: datetime
    sender: str
    recipients: list[str]
    subject: str
    body: str
    files: list[attachments.IncomingFile] = field(default_factory=list)


@dataclass
class ImportResult:
    imported: list[entries.EntryView]
    skipped: list[tuple[str, int]]  # (file, the entry that already holds it)


def _text_of_html(markup: str) -> str:
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

        def handle_starttag(self, tag, attrs) -> None:
            if tag in ("br", "p", "div", "li", "tr"):
                self.parts.append("\n")

    parser = _Text()
    parser.feed(markup)
    return "".join(parser.parts).strip()


def _safe_name(subject: str) -> str:
    """A subject as a file name: no folder separators or control characters, not too long."""
    return "".join(c if c.isprintable() and c not in "/\\" else " " for c in subject).strip()[:80]


def parse_eml(path: str) -> ParsedEmail:
    from email import policy
    from email.parser import BytesParser
    from email.utils import getaddresses, parsedate_to_datetime

    from refusal_log import paths

    source = paths.regular_file(path, limit=MAX_EMAIL, limit_text="100 MB", what="email")
    try:
        raw = paths.read_bounded(source, MAX_EMAIL)
    except OSError as exc:
        raise InvalidInput(f"{path} cannot be read ({exc.strerror}).") from None
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
        sender = str(message.get("From", "")).strip()
        date_header = message.get("Date")
    except Exception as exc:  # the email package raises many kinds on a broken header
        raise InvalidInput(f"{path} could not be read as an email ({exc}).") from None
    if not sender and not date_header:
        raise InvalidInput(f"{path} does not look like an email: it has no From or Date header.")
    try:
        when = parsedate_to_datetime(str(date_header)) if date_header else None
    except (TypeError, ValueError):
        when = None
    if when is None:
        raise InvalidInput(f"{path} has no readable Date header, so it cannot be placed on the timeline.")
    if when.tzinfo is None:
        when = when.replace(tzinfo=dates.local_zone())
    dates.check_year(f"the Date of {path}", when)
    # Messages without a Message-ID are still recognised the second time, by their bytes.
    message_id = str(message.get("Message-ID", "")).strip() or f"<sha256-{hashlib.sha256(raw).hexdigest()}@refusal-log>"
    recipients = [addr for _, addr in getaddresses([str(v) for v in message.get_all("To", []) + message.get_all("Cc", [])]) if addr]
    body_part = message.get_body(preferencelist=("plain", "html"))
    body = ""
    if body_part is not None:
        try:
            content = body_part.get_content()
        except (LookupError, UnicodeError):
            # An unknown or wrong character set: keep what can be read rather than nothing.
            content = (body_part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")
        body = _text_of_html(content) if body_part.get_content_subtype() == "html" else content
    files = [attachments.from_bytes(source.name, raw, "message/rfc822")]
    for part in message.iter_attachments():
        if part.get_content_type() == "message/rfc822":
            # A forwarded message: its own bytes, named by its subject, so it survives on its own.
            inner = part.get_payload(0) if part.is_multipart() else None
            data = inner.as_bytes() if inner is not None else b""
            subject = str(inner.get("Subject", "")).strip() if inner is not None else ""
            name = part.get_filename() or f"{_safe_name(subject) or 'forwarded message'}.eml"
            files.append(attachments.from_bytes(name, data, "message/rfc822"))
            continue
        data = part.get_payload(decode=True) or b""
        files.append(attachments.from_bytes(part.get_filename() or "attachment", data, part.get_content_type()))
    return ParsedEmail(path, message_id, when.replace(microsecond=0), sender,
                       recipients, str(message.get("Subject", "")), body, files)


def import_emails(paths_: list[str], child: str | None = None) -> ImportResult:
    from sqlmodel import select

    from refusal_log.models import Email

    if not paths_:
        raise InvalidInput("Name at least one .eml file to import.")
    parsed = [parse_eml(p) for p in paths_]  # every file is read before anything is written
    entries._require_store()
    imported, skipped, seen = [], [], {}
    with store.writing() as session:
        owner = people.resolve_child(store.driver(session), child)
        for mail in parsed:
            existing = session.exec(select(Email).where(Email.message_id == mail.message_id,
                                                        Email.revision == 1)).first()
            if existing or mail.message_id in seen:
                skipped.append((mail.source, existing.entry_id if existing else seen[mail.message_id]))
                continue
            row = entries.insert_entry(session, "email", owner.id, mail.when, {
                "message_id": mail.message_id, "sender": mail.sender,
                "recipients": json.dumps(mail.recipients, ensure_ascii=False),
                "subject": mail.subject, "body": mail.body})
            attachments.store_files(session, row.entry_id, mail.files)
            seen[mail.message_id] = row.entry_id
            imported.append(row.entry_id)
    views = {v.id: v for v in entries.list_entries(["email"])} if imported else {}
    return ImportResult([views[i] for i in imported], skipped)
