"""Find extractors through the ``newsx.extractors`` entry-point group.

Built-in extractors are registered in newsx's own ``pyproject.toml`` in this
group, exactly as an outside package registers its own, so the built-ins
prove the interface.  An entry point names a module attribute holding an
:class:`~newsx.extractors.base.Extractor`.

Set ``NEWSX_BUILTIN_ONLY=1`` to ignore other packages' extractors (tests do).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.metadata import EntryPoint, entry_points

from newsx.errors import UsageError
from newsx.extractors.base import Extractor
from newsx.record import BLOCKS

GROUP = "newsx.extractors"
BUILTIN_DIST = "newsx"


@dataclass(frozen=True)
class Registry:
    """The extractors found, and the ones that failed to load (with why)."""

    extractors: tuple[Extractor, ...]
    broken: tuple[tuple[str, str], ...] = ()

    def for_block(self, block: str, fmt: str, use: Iterable[str] = ()) -> list[Extractor]:
        """Extractors for ``block`` on ``fmt`` input, in priority order.

        ``use`` (names) restricts the choice; an empty ``use`` means all.
        """
        return list(self._chosen(block, fmt, frozenset(use)))

    @lru_cache(maxsize=64)  # noqa: B019 (registries live as long as the process)
    def _chosen(self, block: str, fmt: str, wanted: frozenset[str]) -> tuple[Extractor, ...]:
        """The choice for one kind of input, made once: every page asks three times."""
        chosen = [
            e for e in self.extractors
            if e.block == block and e.handles(fmt) and (not wanted or e.name in wanted)
        ]
        return tuple(sorted(chosen, key=lambda e: (e.priority, e.name)))

    def names(self) -> set[str]:
        return {e.name for e in self.extractors}


def load_registry() -> Registry:
    """All extractors of the entry-point group (cached for the process)."""
    return _load(os.environ.get("NEWSX_BUILTIN_ONLY", "") not in ("", "0"))


@lru_cache(maxsize=2)
def _load(builtin_only: bool) -> Registry:
    found: list[Extractor] = []
    broken: list[tuple[str, str]] = []
    for point in sorted(entry_points(group=GROUP), key=lambda p: p.name):
        origin = _origin(point)
        if builtin_only and origin != BUILTIN_DIST:
            continue
        try:
            value = point.load()
        except Exception as err:  # an outside plugin's bug must not stop newsx
            broken.append((point.name, f"{type(err).__name__}: {err}"))
            continue
        if not isinstance(value, Extractor) or value.block not in BLOCKS:
            broken.append((point.name, "not a newsx Extractor value"))
            continue
        found.append(replace(value, origin=origin))
    return Registry(tuple(_unique(found)), tuple(broken))


def _unique(extractors: list[Extractor]) -> list[Extractor]:
    """One extractor per name; the same package installed twice is listed once."""
    seen: dict[str, Extractor] = {}
    for extractor in extractors:
        seen.setdefault(extractor.name, extractor)
    return list(seen.values())


def _origin(point: EntryPoint) -> str:
    dist = getattr(point, "dist", None)
    return dist.name if dist is not None else "unknown"


def parse_use(values: Iterable[str], registry: Registry) -> dict[str, list[str]]:
    """``["body=text-body", ...]`` to ``{"body": ["text-body"]}``; UsageError if wrong."""
    chosen: dict[str, list[str]] = {}
    for value in values:
        block, sep, name = value.partition("=")
        block, name = block.strip(), name.strip()
        if not sep or block not in BLOCKS or not name:
            blocks = ", ".join(BLOCKS)
            raise UsageError(f"--use expects BLOCK=NAME with BLOCK one of {blocks}: {value!r}")
        match = [e for e in registry.extractors if e.name == name]
        if not match:
            raise UsageError(f"--use {value}: no extractor named {name!r} (see 'newsx extractors')")
        if match[0].block != block:
            raise UsageError(
                f"--use {value}: {name!r} fills the {match[0].block} block, not {block}"
            )
        chosen.setdefault(block, []).append(name)
    return chosen
