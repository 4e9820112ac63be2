"""The extractor interface: a name, a block, input formats, one function.

An extractor is a plain value::

    EXTRACTOR = Extractor(
        name="text-body", block="body", formats=frozenset({"text"}),
        extract=extract_body, priority=50,
    )

``extract(doc, ctx)`` returns what it found for its block — a
:class:`~newsx.record.Header` (possibly partial), a
:class:`~newsx.record.Body`, or a list of
:class:`~newsx.record.RelatedItem` — or ``None`` for "nothing here".
It must not print, must not change ``doc`` and should not raise for odd
input: the pipeline turns an exception into a per-input error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from newsx.document import Document
from newsx.record import Body, Header, RelatedItem

Block = Literal["header", "body", "related"]
Result = Header | Body | list[RelatedItem] | None


@dataclass(frozen=True)
class Context:
    """What earlier blocks found, read-only: header → body → related."""

    header: Header = field(default_factory=Header)
    body: Body | None = None


@dataclass(frozen=True)
class Extractor:
    """A pluggable extractor for one block of the record.

    ``priority``: lower runs first.  For the header, fields from a
    lower-priority-number extractor win; for body and related, the first
    non-empty result wins.
    """

    name: str
    block: Block
    formats: frozenset[str]
    extract: Callable[[Document, Context], Result]
    priority: int = 50
    origin: str = field(default="", compare=False)

    def handles(self, fmt: str) -> bool:
        return fmt in self.formats
