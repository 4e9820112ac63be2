"""Command-line arguments to input references: paths, directories, globs, lists.

Inputs are expanded lazily, one at a time, so a directory of 100k files
starts producing records at once and nothing is listed up front.  A problem
with one argument (missing, empty directory) becomes an
:class:`~newsx.errors.InputError` value in the stream, so the caller can
report it and go on.  What is *inside* an input is :mod:`newsx.readers`' job.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from newsx.errors import InputError, os_reason

#: Document file names a directory walk picks up (each also compressed).
DUMP_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm", ".xhtml")
#: Compression suffixes, removed before the document or container suffix is read.
COMPRESSION_SUFFIXES: tuple[str, ...] = (".gz", ".bz2", ".xz", ".zst", ".zstd")
#: Container kinds by the name left once a compression suffix is removed.
CONTAINER_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".tar", "tar"), (".tgz", "tar"), (".tbz2", "tar"), (".txz", "tar"),
    (".warc", "warc"), (".arc", "warc"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".jl", "jsonl"),
)
#: Container kinds a directory walk picks up.
WALKED_CONTAINERS = ("tar", "warc")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class InputRef:
    """An input still to be read: a path, or ``-`` for standard input."""

    source: str
    path: Path | None  # None for standard input


def strip_compression(name: str) -> str:
    """``page.html.gz`` -> ``page.html``."""
    lower = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def container_kind(name: str) -> str | None:
    """``tar``, ``warc``, ``jsonl`` or None (one document) from a file name."""
    lower = strip_compression(name.lower())
    return next((kind for suffix, kind in CONTAINER_SUFFIXES if lower.endswith(suffix)), None)


def is_dump_name(name: str) -> bool:
    """True for document names (``x.txt``, ``x.html.gz``...)."""
    return strip_compression(name.lower()).endswith(DUMP_SUFFIXES)


def is_input_name(name: str) -> bool:
    """True for names a directory walk picks up: documents and archives of pages.

    JSON Lines files are read when named (or globbed), not found by a walk:
    a folder of dumps often holds other JSON Lines (truth, logs, records).
    """
    return is_dump_name(name) or container_kind(name) in WALKED_CONTAINERS


def from_file_list(name: str) -> Iterator[str | InputError]:
    """Paths from ``--files-from NAME`` (``-``: standard input), one a line."""
    if name == "-":
        yield from _list_lines(sys.stdin)
        return
    try:
        with open(name, encoding="utf-8", errors="surrogateescape") as handle:
            yield from _list_lines(handle)
    except OSError as err:
        yield InputError(name, f"cannot read the file list: {os_reason(err)}")


def _list_lines(handle: Iterable[str]) -> Iterator[str]:
    for line in handle:
        path = line.rstrip("\r\n")
        if path.strip():
            yield path


def expand(args: Iterable[str], files_from: str | None = None
           ) -> Iterator[InputRef | InputError]:
    """Turn command-line arguments (then the ``--files-from`` list) into input references."""
    if files_from:
        args = chain(args, from_file_list(files_from))
    for arg in args:
        if isinstance(arg, InputError):
            yield arg
            continue
        if arg == "-" or "://" in arg:
            yield InputRef(arg, None)  # standard input, or a URL the readers open
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _walk(arg, path)
        elif path.exists():
            yield InputRef(arg, path)
        elif _GLOB_CHARS & set(arg):
            yield from _glob(arg)
        else:
            yield InputError(arg, "no such file or directory")


def _glob(pattern: str) -> Iterator[InputRef | InputError]:
    """A pattern the shell did not expand (quoted, or too many files for argv)."""
    matches = sorted(glob.iglob(pattern, recursive=True))
    if not matches:
        yield InputError(pattern, "no file matches this pattern")
    for match in matches:
        if os.path.isdir(match):
            yield from _walk(match, Path(match))
        else:
            yield InputRef(match, Path(match))


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
            yield InputError(_display(arg, root, path), os_reason(err))
            continue
        for entry in entries:  # pushed in reverse, so popped in order
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, True))
            elif is_input_name(entry.name):
                stack.append((entry.path, False))
    if not found:
        kinds = "/".join(DUMP_SUFFIXES)
        yield InputError(arg, f"directory holds no {kinds} files, archives or JSON Lines")


def _display(arg: str, root: Path, full: str) -> str:
    """Name a file found under ``arg`` the way the user would type it."""
    return os.path.join(arg, os.path.relpath(full, root))
