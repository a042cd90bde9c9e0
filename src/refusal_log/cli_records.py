"""Keeping the record sound and whole: `verify`, `attach`, `import-email`, `backup`,
`restore`, `export` and `import`.
"""

import sys
from typing import Annotated, Optional

import typer

from refusal_log import paths
from refusal_log.cli_common import ChildOpt, JsonOpt, err, print_json
from refusal_log.cli_help import entry_number
from refusal_log.text import visible


def verify(
    head: Annotated[Optional[str], typer.Option("--head", metavar="HASH", help="A head hash printed on an earlier timeline, to check that copy against the log.")] = None,
) -> None:
    """Check that no record was changed outside refusal-log.

    Walks the hash chain, runs SQLite's integrity check and re-hashes every
    attachment; exits 1 naming the first entry that does not match.
    """
    from refusal_log import integrity

    result = integrity.verify(head)
    sys.stdout.write(result.summary() + "\n")


def attach(
    entry_id: Annotated[int, typer.Argument(metavar="ID", parser=entry_number, help="The entry the files belong to.")],
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="Letters, screenshots, scans.")],
    as_json: JsonOpt = False,
) -> None:
    """Keep files (letters, scans) with an entry.

    Each file is copied into the log under its SHA-256, owner-only.
    """
    from refusal_log import attachments

    kept = attachments.attach(entry_id, files)
    if as_json:
        return print_json(kept)
    for item in kept:
        sys.stdout.write(f"Attached {item['name']} ({item['size']} bytes, sha256 {item['sha256'][:12]}…) to entry {entry_id}.\n")


def import_email(
    files: Annotated[list[str], typer.Argument(metavar="FILE.eml...", help="Emails saved from your mail program.")],
    child: ChildOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Keep emails (.eml files) as entries.

    Importing the same message twice changes nothing.
    """
    from refusal_log import mail_import

    result = mail_import.import_emails(files, child)
    if as_json:
        return print_json({"imported": [v.to_json() for v in result.imported],
                            "skipped": [{"file": f, "entry": i} for f, i in result.skipped]})
    for view in result.imported:
        sys.stdout.write(visible(f"Imported entry {view.id}: {view.summary or '(no subject)'}") + "\n")
    for name, existing in result.skipped:
        err().print(f"Already in the log as entry {existing}, so left as it is: {name}", markup=False)


def backup(
    out: Annotated[Optional[str], typer.Option("--out", metavar="FILE", help="Where to write the backup (default: the home's backups folder).")] = None,
) -> None:
    """Back up the whole log, attachments included."""
    from refusal_log import backup as backups

    result = backups.backup(out)
    sys.stdout.write(f"{result.path}\n")
    err().print(f"Backed up {result.counts} ({result.size:,} bytes). Keep a copy somewhere other "
                 "than this computer, such as a USB stick.")


def restore(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A backup made by 'refusal-log backup'.")],
    force: Annotated[bool, typer.Option("--force", help="Replace a log that already has entries (it is backed up first).")] = False,
) -> None:
    """Restore a backup; every file's hash is checked first.

    Restores into a home with no entries; a log that has entries is replaced only
    with --force, and is backed up first.
    """
    from refusal_log import backup as backups

    result = backups.restore(file, force)
    if result.previous_backup:
        # What was set aside, so nothing newer than the backup is lost without a word (the newcomer on round 160).
        if result.previous_counts:
            err().print(f"The log that was here held {result.previous_counts}; restoring the file below brings it back.",
                        markup=False)
        err().print(f"The log that was here is saved in {result.previous_backup}.", markup=False)
    sys.stdout.write(f"Restored {result.counts} into {result.home}; chain intact, head {result.head}\n")


def export(
    format_: Annotated[str, typer.Option("--format", help="json (complete; can be imported again) or csv (for a spreadsheet).")] = "json",
    out: Annotated[Optional[str], typer.Option("--out", metavar="FILE", help="Write to this file instead of the screen.")] = None,
) -> None:
    """Export the whole log as JSON or CSV."""
    from refusal_log import exchange

    document = exchange.export(format_)
    if out is None:
        sys.stdout.write(document)
        return
    err().print(f"Exported to {paths.write_user_file(out, document)}.", markup=False)


def import_(
    file: Annotated[str, typer.Argument(metavar="FILE.json", help="A file made by 'refusal-log export --format json'.")],
) -> None:
    """Recreate an exported log in a new, empty home."""
    from refusal_log import exchange

    sys.stdout.write(f"Imported {exchange.import_json(file)} into {paths.home_dir()}.\n")


def register(app: typer.Typer) -> None:
    for name, command in (("verify", verify), ("attach", attach), ("import-email", import_email),
                          ("backup", backup), ("restore", restore), ("export", export), ("import", import_)):
        app.command(name)(command)
