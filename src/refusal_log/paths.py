"""Where the user's data lives. Every path the tool uses derives from `home_dir()`."""

from __future__ import annotations

import os
from pathlib import Path

ENV_HOME = "REFUSAL_LOG_HOME"
DB_NAME = "refusal-log.db"

# Set by the --home option; it wins over the environment variable.
_home_override: Path | None = None


def set_home(path: str | os.PathLike[str] | None) -> None:
    global _home_override
    _home_override = _utf8(Path(path).expanduser(), "--home") if path else None


def _utf8(path: Path, source: str) -> Path:
    """A folder name that is not valid text cannot be shown or stored; say so before making it."""
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        from refusal_log.errors import InvalidInput

        shown = os.fsencode(path).decode("utf-8", errors="replace")
        raise InvalidInput(f"The folder name {shown} (from {source}) is not valid text (UTF-8); "
                           "choose a folder whose name is plain text.") from None
    return path


def home_dir() -> Path:
    """--home, then $REFUSAL_LOG_HOME, then the platform's user data folder."""
    if _home_override is not None:
        return _home_override
    env = os.environ.get(ENV_HOME)
    if env:
        return _utf8(Path(env).expanduser(), ENV_HOME)
    import platformdirs  # only needed when neither option nor variable is set

    return Path(platformdirs.user_data_dir("refusal-log", appauthor=False))


def db_path() -> Path:
    return home_dir() / DB_NAME


def attachments_dir() -> Path:
    return home_dir() / "attachments"


def backups_dir() -> Path:
    return home_dir() / "backups"


def user_templates_dir() -> Path:
    return home_dir() / "templates"


def check_private(folder: Path) -> None:
    """Refuse a folder someone else could change, as ssh refuses a key others can read.

    Whoever can write to the home can move the log away or plant a template that runs
    when a letter is drafted. Only the owner's own folder, writable by nobody else, is used.
    """
    import stat

    from refusal_log.errors import HomeNotPrivate

    try:
        info = folder.stat()
    except OSError:
        return  # not there (yet): whoever creates it makes it 0700
    if not stat.S_ISDIR(info.st_mode):
        return
    geteuid = getattr(os, "geteuid", None)
    if geteuid is not None and info.st_uid != geteuid():
        raise HomeNotPrivate(f"The folder {folder} belongs to another user, so refusal-log did not use it; "
                             f"use a folder of your own, or make this one yours with: chown $(id -un) {folder} "
                             f"&& chmod 700 {folder}")
    if os.name == "posix" and info.st_mode & 0o022:
        raise HomeNotPrivate(f"The folder {folder} can be changed by other users, so refusal-log did not use it; "
                             f"make it yours alone with: chmod 700 {folder}")


def check_home() -> Path:
    """The home and its templates folder, checked to be the owner's alone."""
    home = home_dir()
    check_private(home)
    check_private(user_templates_dir())
    _check_inside(home)
    return home


def _check_inside(home: Path) -> None:
    """The attachments and templates folders, and every template, are real files of the
    owner's inside the home. A link would lead the tool to a file elsewhere that others
    may be able to change (a template runs when a letter is drafted), or make it chmod
    and write into another folder."""
    import stat

    from refusal_log.errors import HomeNotPrivate

    for folder in (attachments_dir(), user_templates_dir()):
        if folder.is_symlink():
            raise HomeNotPrivate(f"{folder} is a link to a folder elsewhere, so refusal-log did not use it; "
                                 f"keep the real folder inside {home}.")
    templates = user_templates_dir()
    if not templates.is_dir():
        return
    geteuid = getattr(os, "geteuid", None)
    for top, folders, files in os.walk(templates, followlinks=False):
        for name in folders + files:
            item = Path(top) / name
            info = os.lstat(item)
            if stat.S_ISLNK(info.st_mode):
                raise HomeNotPrivate(f"The template {item} is a link to a file elsewhere, so refusal-log did not "
                                     f"use it; put a copy of the file itself in {templates}.")
            if (geteuid is not None and info.st_uid != geteuid()) or (os.name == "posix" and info.st_mode & 0o022):
                raise HomeNotPrivate(f"The template {item} can be changed by another user, so refusal-log did "
                                     f"not use it; make it yours alone with: chmod 600 {item}")


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and any missing parents) owner-only.

    A folder that already holds things is left as it is: it may be shared (/tmp, a
    synced folder) and is the user's to set. What the tool creates, or finds empty,
    is made 0700.
    """
    from refusal_log.errors import InvalidInput

    if path.exists() and not path.is_dir():
        raise InvalidInput(f"{path} is a file, not a folder; give refusal-log a folder to keep the log in.")
    missing = [p for p in [path, *path.parents] if not p.exists()]
    if not missing and not any(path.iterdir()):
        missing = [path]  # an empty folder made for the log: safe to make private
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    for created in missing:
        os.chmod(created, 0o700)
    return path


def make_private(path: Path) -> None:
    if path.exists() and (path.stat().st_mode & 0o777) != 0o600:
        os.chmod(path, 0o600)


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write a file whole or not at all, owner-only (temp file, fsync, then rename)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return _replace_whole(Path(path), lambda out: out.write(raw))


def atomic_write_file(source: Path, target: Path) -> Path:
    """Put a finished file in place whole, the same way (for files too big to hold in memory)."""
    import shutil

    def copy(out) -> None:
        with open(source, "rb") as handle:
            shutil.copyfileobj(handle, out)

    return _replace_whole(Path(target), copy)


def _replace_whole(path: Path, fill) -> Path:
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    _refuse_foreign_link(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _refuse_foreign_link(path: Path) -> None:
    """A symbolic link another user put where a file is to be written (in /tmp, say) is
    refused: writing through it would replace a file of theirs choosing, and replacing it
    is theirs to allow. The file always replaces the name itself, never what a link points to."""
    import stat

    from refusal_log.errors import InvalidInput

    try:
        info = os.lstat(path)
    except OSError:
        return
    geteuid = getattr(os, "geteuid", None)
    if stat.S_ISLNK(info.st_mode) and geteuid is not None and info.st_uid != geteuid():
        raise InvalidInput(f"{path} is a link that belongs to another user, so nothing was written there; "
                           "choose another name or folder.")


def write_user_file(out: str | Path, data: bytes | str) -> Path:
    """Write a document to a path the user named (--out), owner-only and whole."""
    from refusal_log.errors import InvalidInput

    try:
        target = Path(out).expanduser()
    except RuntimeError:  # "~nosuchuser/x": no such home to expand
        raise InvalidInput(f"{out} names a home folder that does not exist, so nothing was written.") from None
    try:
        # "newdir/" or "newdir/." names a folder even before it exists (Path would drop the slash and write a
        # file called newdir). (is_dir itself fails on a name too long: inside the try.)
        if str(out).endswith(("/", os.sep)) or os.path.basename(str(out)) in ("", ".", "..") or target.is_dir():
            raise InvalidInput(f"{out} is a folder; give a file name, such as {target / 'timeline.html'}.")
        # The folder is followed, the last name is not: a link there is replaced by the file
        # (atomically, by rename), never written through to whatever it points to.
        target = target.parent.resolve() / target.name
        refuse_if_part_of_log(target)
        # A pipe, a device or a socket is not a document to replace ("/dev/null", a FIFO left in /tmp).
        if os.path.lexists(target) and not (target.is_symlink() or target.is_file()):
            raise InvalidInput(f"{out} is not an ordinary file, so nothing was written; choose another name.")
        if not target.parent.is_dir():
            # One new folder is made, owner-only ("--out reports/timeline.html"); a path missing more than
            # that is more likely a mistyped name than a wish, so nothing is made and the parent is told.
            if not target.parent.parent.is_dir():
                raise InvalidInput(f"The folder {target.parent.parent} does not exist, so nothing was written. "
                                   "Check the name, or make the folder first.")
            ensure_private_dir(target.parent)
        return atomic_write(target, data)
    except OSError as exc:
        raise InvalidInput(f"{out} could not be written ({exc.strerror or exc}).") from None


def refuse_if_part_of_log(target: Path) -> None:
    """An --out that would overwrite the log itself (or a kept file) is refused."""
    from refusal_log.errors import InvalidInput

    try:
        resolved = target.expanduser().resolve()
    except (OSError, RuntimeError):  # "~nosuchuser/x", a name too long: never the log; writing it says why it fails
        raise InvalidInput(f"{target} cannot be a place to write: check the name (a home folder that does not "
                           "exist, or a name too long), so nothing was written.") from None
    from refusal_log.home_locks import LOCK_NAME

    db = db_path().resolve()
    # (The write lock too: it must never be replaced, or two writers would lock different files: the attacker on 143.)
    protected = {db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"), db.with_name(db.name + "-journal"),
                 db.with_name(LOCK_NAME)}
    # A backup already made, written over by a calendar or an export, is a backup lost (the attacker on round 144).
    kept_backup = db.with_name("backups") in resolved.parents and os.path.lexists(resolved)
    if resolved in protected or kept_backup or attachments_dir().resolve() in resolved.parents:
        raise InvalidInput(f"{target} is part of your log itself, so nothing was written there; choose another name.")



def regular_file(path: str | os.PathLike[str], *, limit: int, limit_text: str, what: str = "file") -> Path:
    """A path the user named, checked to be an ordinary file no larger than `limit`.

    Refused by type, not by what reading it would do: a pipe would wait for ever and
    /dev/zero would never end. A name that is not valid text (UTF-8) is refused plainly.
    """
    import stat

    from refusal_log.errors import InvalidInput

    if not str(path).strip():
        # Path("") is the current folder: an empty name would read as "is a folder".
        raise InvalidInput(f"No file name was given; give the path of the {what} to read.")
    source = Path(path).expanduser()
    shown = os.fsencode(path).decode("utf-8", errors="replace")
    try:
        os.fsencode(source).decode("utf-8")
        info = source.stat()
    except (UnicodeDecodeError, UnicodeEncodeError):
        raise InvalidInput(f"The name {shown} is not valid text (UTF-8); rename the file and try again.") from None
    except FileNotFoundError:
        raise InvalidInput(f"There is no file at {shown}; check the name and folder.") from None
    except OSError as exc:
        raise InvalidInput(f"{shown} cannot be read ({exc.strerror}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise InvalidInput(f"{shown} is a folder, not a file.")
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(f"{shown} is not an ordinary file (it is a device, a pipe or a socket); "
                           "give a file saved on disk.")
    if info.st_size > limit:
        raise InvalidInput(f"{shown} is larger than {limit_text}, the most refusal-log takes for one {what}.")
    return source


def read_bounded(source: Path, limit: int) -> bytes:
    """Read a checked file, never more than `limit` bytes even if it grows meanwhile."""
    from refusal_log.errors import InvalidInput

    # O_NONBLOCK: if the name was swapped for a pipe since the check, opening does not wait.
    fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        import stat

        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise InvalidInput(f"{source} is not an ordinary file; give a saved file.")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InvalidInput(f"{source} grew while it was being read; try again when it is complete.")
    return data
