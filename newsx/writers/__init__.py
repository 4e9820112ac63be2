"""Writers turn record dicts into output; they never parse or extract.

Every writer has ``write(record: dict)``, ``write_line(line: bytes)`` (a
record already encoded as one JSON line, as workers send them) and ``close()``.
"""

from __future__ import annotations

from typing import IO, Any, Protocol


class Writer(Protocol):
    def write(self, record: dict[str, Any]) -> None: ...
    def write_line(self, line: bytes) -> None: ...
    def close(self) -> None: ...


def make_writer(fmt: str, stream: IO[bytes], *, color: bool, width: int | None) -> Writer:
    """The writer for ``--format``: ``jsonl``, ``json`` or ``table``."""
    if fmt == "table":
        from newsx.writers.table import TableWriter  # rich is imported only on this path

        return TableWriter(stream, color=color, width=width)
    from newsx.writers.jsonl import JsonArrayWriter, JsonLinesWriter

    return JsonArrayWriter(stream) if fmt == "json" else JsonLinesWriter(stream)
