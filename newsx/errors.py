"""Exit statuses and the one exception type that means "this input failed"."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """What ``newsx`` returns to the shell."""

    OK = 0  # every input gave a record
    INPUT_FAILED = 1  # at least one input failed; the others went through
    USAGE = 2  # bad option or argument: nothing was read


class InputError(Exception):
    """An input could not be turned into a record.

    ``reason`` is a short lower-case phrase for the user, shown as
    ``newsx: SOURCE: reason`` on standard error.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UsageError(Exception):
    """The command line asks for something impossible (exit status 2)."""
