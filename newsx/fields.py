"""``--fields header.title,body.text``: keep only some fields of a record."""

from __future__ import annotations

from typing import Any

from newsx.errors import UsageError
from newsx.record import json_schema


def known_paths() -> list[str]:
    """Every dotted field path a record has (``header.title``, ``body.text``...)."""
    paths: list[str] = []
    for name, spec in json_schema()["properties"].items():
        paths.append(name)
        if spec.get("type") == "object":
            paths.extend(f"{name}.{sub}" for sub in spec["properties"])
    return paths


def parse_fields(value: str | None) -> list[list[str]] | None:
    """Split and check a ``--fields`` value; None keeps everything."""
    if not value:
        return None
    known = set(known_paths())
    paths = [p.strip() for p in value.split(",") if p.strip()]
    unknown = [p for p in paths if p not in known]
    if unknown:
        raise UsageError(
            f"--fields: unknown field(s) {', '.join(unknown)}; known: {', '.join(known_paths())}"
        )
    return [p.split(".") for p in paths]


def select(record: dict[str, Any], paths: list[list[str]] | None) -> dict[str, Any]:
    """A copy of ``record`` with only ``paths``, nested as in the full record."""
    if paths is None:
        return record
    out: dict[str, Any] = {}
    for path in paths:
        src, dst = record, out
        for key in path[:-1]:
            src = src[key]
            dst = dst.setdefault(key, {})
        dst[path[-1]] = src[path[-1]]
    return out
