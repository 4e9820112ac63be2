"""Command-line inputs to raw bytes: files, directories, ``-`` and ``.gz``.

Inputs are expanded lazily, one at a time, so a directory of 100k files
starts producing records at once and nothing is listed up front.  A problem
with one input (missing, unreadable, empty directory, corrupt gzip) becomes
an :class:`~newsx.errors.InputError` value in the stream, so the caller can
report it and go on with the next input.
"""

from __future__ import annotations

import errno
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsx.errors import InputError

#: File names a directory walk picks up (each also with ``.gz``).
DUMP_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm", ".xhtml")
#: Refuse inputs larger than this (bytes, after decompression) unless told otherwise.
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input's bytes and how the user named it."""

    source: str
    data: bytes
    url: str | None = None


@dataclass(frozen=True, slots=True)
class InputRef:
    """An input still to be read: a path, or ``-`` for standard input."""

    source: str
    path: Path | None  # None for standard input


def expand(args: Iterable[str]) -> Iterator[InputRef | InputError]:
    """Turn command-line arguments into input references, in order."""
    for arg in args:
        if arg == "-":
            yield InputRef("-", None)
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _walk(arg, path)
        elif path.exists():
            yield InputRef(arg, path)
        else:
            yield InputError(arg, "no such file or directory")


def is_dump_name(name: str) -> bool:
    """True for the file names a directory walk reads (``x.txt``, ``x.html.gz``...)."""
    name = name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(DUMP_SUFFIXES)


def _walk(arg: str, root: Path) -> Iterator[InputRef | InputError]:
    """Files under ``root`` in sorted path order, without listing the tree up front."""
    found = False
    stack: list[tuple[str, bool]] = [(str(root), True)]  # (path, is a directory)
    while stack:
        path, is_dir = stack.pop()
        if not is_dir:
            found = True
            yield InputRef(_display(arg, root, path), Path(path))
            continue
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name, reverse=True)
        except OSError as err:
            yield InputError(_display(arg, root, path), _os_reason(err))
            continue
        for entry in entries:  # pushed in reverse, so popped in order
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, True))
            elif is_dump_name(entry.name):
                stack.append((entry.path, False))
    if not found:
        yield InputError(arg, f"directory holds no {'/'.join(DUMP_SUFFIXES)} files (or .gz)")


def _display(arg: str, root: Path, full: str) -> str:
    """Name a file found under ``arg`` the way the user would type it."""
    return os.path.join(arg, os.path.relpath(full, root))


def read(ref: InputRef, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    """Read one input's bytes, decompressing ``.gz``; raise InputError on failure."""
    try:
        if ref.path is None:
            data = _read_limited(sys.stdin.buffer, ref.source, max_bytes)
        else:
            data = _read_path(ref, max_bytes)
    except OSError as err:
        raise InputError(ref.source, _os_reason(err)) from None
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, ref.source, max_bytes)
    return RawInput(ref.source, data)


def _read_path(ref: InputRef, max_bytes: int) -> bytes:
    assert ref.path is not None
    if ref.path.is_dir():
        raise InputError(ref.source, "is a directory")
    with open(ref.path, "rb") as handle:
        return _read_limited(handle, ref.source, max_bytes)


def _read_limited(handle, source: str, max_bytes: int) -> bytes:
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(source, f"larger than the {_mib(max_bytes)} limit (see --max-bytes)")
    return data


def _gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress (multi-member) gzip with a size cap, so a gzip bomb is refused."""
    out = bytearray()
    rest = data
    try:
        while rest[:2] == b"\x1f\x8b":
            inflater = zlib.decompressobj(wbits=31)
            out += inflater.decompress(rest, max_bytes + 1 - len(out))
            if len(out) > max_bytes or inflater.unconsumed_tail:
                raise InputError(
                    source, f"decompresses to more than {_mib(max_bytes)} (see --max-bytes)"
                )
            if not inflater.eof:
                raise InputError(source, "truncated gzip data (the file ends mid-stream)")
            rest = inflater.unused_data
    except zlib.error as err:
        raise InputError(source, f"corrupt gzip data ({_short(err)})") from None
    return bytes(out)


def _os_reason(err: OSError) -> str:
    reasons = {
        errno.ENOENT: "no such file (was it removed while newsx ran?)",
        errno.EACCES: "permission denied",
        errno.EISDIR: "is a directory",
        errno.EIO: "input/output error",
    }
    return reasons.get(err.errno or 0, _short(err))


def _short(err: BaseException) -> str:
    text = getattr(err, "strerror", None) or str(err) or type(err).__name__
    return text.strip().rstrip(".").lower()


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MiB"
