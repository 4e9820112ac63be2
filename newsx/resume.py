"""``--resume``: find what an earlier run already wrote, and mend its last line.

newsx writes whole lines only, but a run killed by the system (``kill -9``,
power loss) can leave a torn last line.  :func:`prepare` cuts the file back
to its last complete record and returns the sources already done, so the
new run appends without loss or duplicates.
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson


def prepare(path: Path) -> set[str]:
    """Sources of the complete records in ``path``; a torn last line is removed."""
    if not path.exists():
        return set()
    done: set[str] = set()
    keep = 0
    with open(path, "rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break  # torn by a killed run: cut it, the input is done again
            keep += len(line)
            source = _source(line)
            if source is not None:
                done.add(source)
    if keep != path.stat().st_size:
        os.truncate(path, keep)
    return done


def _source(line: bytes) -> str | None:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    source = record.get("source") if isinstance(record, dict) else None
    return source if isinstance(source, str) else None
