"""Checks on the text a person types: what must not be empty, and what may be."""

from __future__ import annotations

from refusal_log.errors import InvalidInput


def required_text(value: str | None, option: str, what: str) -> str:
    """Keep the text exactly as typed (it is evidence), but refuse one that is blank."""
    if value is None or not value.strip():
        raise InvalidInput(f"{option} is empty; please give {what}.")
    return _readable(value, option)


def optional_text(value: str | None, option: str = "The text") -> str | None:
    """A blank optional value means "not given"; anything else is kept as typed."""
    if value is None or not value.strip():
        return None
    return _readable(value, option)


def _readable(value: str, option: str) -> str:
    # Bytes that are not UTF-8 reach Python as lone surrogates; they cannot be stored.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(f"{option} holds characters that are not valid text (UTF-8); "
                           "please type it again, or set your terminal to UTF-8.") from None
    return value


def read_text_file(path: str, limit: int = 8 * 1024 * 1024, limit_text: str = "8 MB",
                   what: str = "text file") -> str:
    """A draft to check or a file to import, read as UTF-8 with a plain error if it cannot be.

    Only an ordinary file, and only up to `limit` bytes (stated in the error).
    """
    from refusal_log import paths

    source = paths.regular_file(path, limit=limit, limit_text=limit_text, what=what)
    try:
        return paths.read_bounded(source, limit).decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not plain text (UTF-8); save it as plain text and try again.") from None
    except OSError as exc:
        raise InvalidInput(f"{path} cannot be read ({exc.strerror}).") from None


def read_csv(text: str, name: str) -> tuple[list[str], list[dict[str, str]]]:
    """A CSV's header and rows, or a plain sentence when it cannot be read as CSV
    (a cell beyond the csv module's limit of 131,072 characters, a NUL byte...)."""
    import csv
    import io

    rows = csv.DictReader(io.StringIO(text))
    try:
        return list(rows.fieldnames or []), list(rows)
    except csv.Error:
        raise InvalidInput(f"{name}, line {rows.line_num}: this line cannot be read as CSV (a cell far too long "
                           "or a broken quote); nothing was imported.") from None


def read_import_file(path: str, limit: int, limit_text: str, what: str) -> tuple[bytes, str]:
    """An ordinary file to import, with its name: refused plainly if it is not a file,
    too large, or its name is not valid text."""
    from refusal_log import paths

    source = paths.regular_file(path, limit=limit, limit_text=limit_text, what=what)
    try:
        return paths.read_bounded(source, limit), source.name
    except OSError as exc:
        raise InvalidInput(f"{source.name} cannot be read ({exc.strerror}).") from None
