"""The one family of errors a user can cause, and the exit codes.

Domain code raises these; the command line turns each into one plain sentence on
stderr and exit code 1 (see cli.py). Messages are written for a tired person: say
what happened, that nothing was lost, and what to do next. Never blame.
"""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    INTERRUPTED = 130


class RefusalLogError(Exception):
    """Something the user can put right. The message is shown as it is."""


class InvalidInput(RefusalLogError):
    """A value typed on the command line cannot be used (a date, an empty text...)."""


# Commands that messages tell the user to run, spelt once here (as cli.md spells them).
INIT_COMMAND = "refusal-log init --child NAME --school SCHOOL"
LIST_COMMAND = "refusal-log list"


class RulesFileError(RefusalLogError, ValueError):
    """The wording rules file (rules.toml) cannot be read: someone editing it made a mistake.
    Still a ValueError, as the rule loader raised before."""


class NotFound(RefusalLogError):
    """An id or name that is not in the log."""

    @classmethod
    def entry(cls, entry_id: int) -> "NotFound":
        """The one way to say an id is not in the log."""
        return cls(f"There is no entry {entry_id}; '{LIST_COMMAND}' shows the ids there are.")


class NothingLoggedYet(RefusalLogError):
    """A read command found no home: nothing has been logged there."""


class DamagedStore(RefusalLogError):
    """The database file cannot be read as a refusal-log store."""


class StoreNotWritable(RefusalLogError):
    """The home or the database cannot be written to (read-only, full, or locked)."""


class StoreBusy(StoreNotWritable):
    """Another refusal-log held the write lock for longer than the busy timeout."""


class HomeNotPrivate(RefusalLogError):
    """The home or templates folder can be changed by someone else, so it is not used."""


class WordingNeedsConfirmation(RefusalLogError):
    """An absence reason the rules advise against, with no confirmation given."""

    def __init__(self, message: str, result=None):
        super().__init__(message)
        self.result = result

    @classmethod
    def for_result(cls, result, correcting: bool = False) -> "WordingNeedsConfirmation":
        done = "Nothing was corrected yet" if correcting else "Nothing was logged yet"
        # Say only what was offered: a wording to use, one with a gap to fill, or none at all.
        if result is not None and getattr(result, "suggestion", None) and getattr(result, "needs_input", False):
            way = "fill in the gap in the suggested wording and give it as --reason"
        elif result is not None and getattr(result, "suggestion", None):
            way = "give the suggested wording as --reason if it is true"
        else:
            way = "write the reason again in your own words (the tip above says what helps)"
        return cls(
            f"{done}. The parents' FAQ advises against this wording (see above): "
            f"{way}, or keep your own words with --accept-wording.",
            result,
        )


class ChainBroken(RefusalLogError):
    """`verify` found a record that does not match what was written."""


# What the command line says when a command is stopped or fails in a way the user did not
# cause; here so that the Typer app and the fast `check` (cli_check.py) say the same.
def interrupted_message() -> str:
    # Every write is one transaction: it is either whole in the log or not at all.
    return ("\nStopped. Nothing half-written was kept; if it stopped just after saving, "
            "'refusal-log list' shows the entry.\n")


def fault_message(exc: BaseException) -> str:
    """A fault of ours, not the user's: said calmly instead of a traceback."""
    first_line = (str(exc).strip().splitlines() or [""])[0][:200]
    return (f"Something went wrong inside refusal-log ({type(exc).__name__}: {first_line}). Nothing half-done "
            "was kept, and this is not something you did. Please report it; run again with "
            "REFUSAL_LOG_DEBUG=1 to see the details.")
