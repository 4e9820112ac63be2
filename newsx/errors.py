"""Exit statuses and the one exception type that means "this input failed"."""

from __future__ import annotations

import errno
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


_OS_REASONS = {
    errno.ENOENT: "no such file (was it removed while newsx ran?)",
    errno.EACCES: "permission denied",
    errno.EISDIR: "is a directory",
    errno.EIO: "input/output error",
}


def os_reason(err: OSError) -> str:
    """A short phrase for an operating-system error."""
    return _OS_REASONS.get(err.errno or 0, short_reason(err))


def short_reason(err: BaseException) -> str:
    """An exception as a short lower-case phrase for an error line."""
    text = getattr(err, "strerror", None) or str(err) or type(err).__name__
    return " ".join(text.split()).rstrip(".").lower()
