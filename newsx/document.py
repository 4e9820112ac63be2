"""A decoded input: its text, what it is, and lazily built views of it.

Extractors read a :class:`Document`; they never change it.  Views that cost
something (the split lines of a text dump, the HTML tree) are built on first
use and cached, so extractors that need the same view share one copy.

A text dump may arrive as its physical lines rather than one string
(``from_lines``): one string a line keeps a 50 MB dump's memory near its size.
``text`` is then joined only if an extractor asks for it.
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import accumulate
from operator import sub
from typing import TYPE_CHECKING

from newsx.record import Format

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

    from newsx.textdump import DumpLines


#: Deepest nesting of block elements newsx parses.  The HTML tree builder's work per
#: block tag grows with the depth (it scans the open elements), so a page nested
#: 100k deep would take minutes; real pages stay below a few hundred levels.
MAX_HTML_DEPTH = 4000
#: Block elements whose start tag makes the tree builder scan the open elements.
_BLOCK_TAG = re.compile(
    r"<(/?)(?:div|section|article|aside|nav|header|footer|main|blockquote|center|details|"
    r"dialog|dir|dl|fieldset|figure|figcaption|form|hgroup|menu|ol|ul|summary|address)\b",
    re.IGNORECASE,
)
_STEP = {"": 1, "/": -1}  # what the tag pattern's group holds -> change of depth


def html_depth(text: str) -> int:
    """An upper bound of the block-element nesting depth, in linear time.

    Only pages with more tags than :data:`MAX_HTML_DEPTH` are scanned at all.
    """
    if text.count("<") <= MAX_HTML_DEPTH:
        return 0
    # The depth after each tag, a stray end tag ignored, is the running sum of +1 / -1
    # minus the lowest sum so far: computed by C-level ``accumulate``, not a Python loop.
    sums = list(accumulate(map(_STEP.__getitem__, _BLOCK_TAG.findall(text)), initial=0))
    return max(map(sub, sums, accumulate(sums, min)))


class Document:
    """One input, decoded: ``format`` says how to read ``text``."""

    def __init__(
        self,
        source: str,
        format: Format,
        text: str | None = None,
        *,
        url: str | None = None,
        encoding: str = "utf-8",
        raw_lines: list[str] | None = None,
        utf8: bytes | None = None,
    ) -> None:
        if text is None and raw_lines is None:
            raise ValueError("a Document needs text or raw_lines")
        self.source = source
        self.format = format
        self.url = url
        self.encoding = encoding
        self._text = text
        self._raw_lines = raw_lines
        self._utf8 = utf8  # the page as valid UTF-8, when it came so: parsed without re-encoding
        #: Views several extractors share (e.g. an index of classed elements), built by the
        #: first that needs one; key by module name to keep extractors out of each other's way.
        self.cache: dict[str, object] = {}

    def __repr__(self) -> str:
        return f"Document({self.source!r}, {self.format!r})"

    @cached_property
    def text(self) -> str:
        """The whole input as one string."""
        return self._text if self._text is not None else "\n".join(self._raw_lines or ())

    @cached_property
    def raw_lines(self) -> list[str]:
        """The physical lines of the input, as read."""
        return self._raw_lines if self._raw_lines is not None else self.text.splitlines()

    @cached_property
    def lines(self) -> DumpLines:
        """The text dump split into logical lines (wrapped lines re-joined)."""
        from newsx.textdump import split_dump

        return split_dump(self.raw_lines)

    @cached_property
    def tree(self) -> LexborHTMLParser:
        """The parsed HTML tree (Lexbor via selectolax)."""
        from selectolax.lexbor import LexborHTMLParser

        source = self._utf8 if self._utf8 is not None else self.text
        self._utf8 = None
        return LexborHTMLParser(source)
