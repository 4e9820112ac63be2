"""JSON Lines (one record a line, flushed at once) and a JSON array."""

from __future__ import annotations

from typing import IO, Any

import orjson


class JsonLinesWriter:
    """One record per line; each line is flushed as soon as it is whole."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def write(self, record: dict[str, Any]) -> None:
        self.write_line(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))

    def write_line(self, line: bytes) -> None:
        """One whole line in one write, then flush: readers never see half a record."""
        self._stream.write(line)
        self._stream.flush()

    def close(self) -> None:
        self._stream.flush()


class JsonArrayWriter:
    """A JSON array of records, still written record by record."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._count = 0

    def write(self, record: dict[str, Any]) -> None:
        self._stream.write(b"[\n" if self._count == 0 else b",\n")
        self._stream.write(orjson.dumps(record, option=orjson.OPT_INDENT_2))
        self._stream.flush()
        self._count += 1

    def write_line(self, line: bytes) -> None:
        self.write(orjson.loads(line))

    def close(self) -> None:
        self._stream.write(b"\n]\n" if self._count else b"[]\n")
        self._stream.flush()
