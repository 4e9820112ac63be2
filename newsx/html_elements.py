"""The elements of a page's ``<body>`` in one walk, Lexbor tag ids, and each node once
from a selector list: what the HTML extractors share about Lexbor's element lists.

Lexbor tests every selector of a ``css()`` list at every node, so a list of
tag names costs a pass per tag.  One ``css("*")`` walk per page, with each
element's tag id read once, lets every extractor pick its tags by a set or dict
lookup in C (``compress``/``map``) instead.

The index is built on first use, before any extractor edits the tree: the
html-body extractor unlinks widgets and links them back, so the elements and
their order are the same for the extractors that run after it.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from selectolax.lexbor import LexborHTMLParser

if TYPE_CHECKING:
    from newsx.document import Document

CACHE_KEY = __name__  # this module's entry in ``Document.cache``
_TAG_ID = attrgetter("tag_id")
_MEM_ID = attrgetter("mem_id")


@dataclass
class Elements:
    """Every element under ``<body>`` in document order, with its Lexbor tag id."""

    nodes: list[Any]
    tag_ids: list[int]
    _positions: dict[int, int] | None = field(default=None, repr=False)

    def of_tags(self, ids: Container[int]) -> list[Any]:
        """The elements whose tag id is in ``ids``, in document order."""
        return list(compress(self.nodes, map(ids.__contains__, self.tag_ids)))

    def positions(self) -> dict[int, int]:
        """``mem_id`` -> index in :attr:`nodes` (for merging lists in document order)."""
        if self._positions is None:
            self._positions = {m: i for i, m in enumerate(map(_MEM_ID, self.nodes))}
        return self._positions


_NO_ELEMENTS = Elements([], [])


def tag_ids(names: Iterable[str]) -> dict[int, str]:
    """Lexbor's ids of the tags ``names`` (id -> name).  A selector list of tags
    costs a test per tag at every node; one ``tag_id`` per node and a dict or set
    lookup cost less, and the id is cheaper to read than the ``tag`` string."""
    parser = LexborHTMLParser("")
    return {parser.create_node(name).tag_id: name for name in names}


def body_elements(doc: Document) -> Elements:
    """The page's :class:`Elements`, built once per document (none without a body)."""
    elements = doc.cache.get(CACHE_KEY)
    if elements is None:
        body = doc.tree.body
        if body is None:
            elements = _NO_ELEMENTS
        else:
            nodes = body.css("*")
            elements = Elements(nodes, list(map(_TAG_ID, nodes)))
        doc.cache[CACHE_KEY] = elements
    return elements


def distinct(nodes: Iterable[Any]) -> Iterator[Any]:
    """Each node once, in order.  Lexbor lists a node once per selector of a ``css()``
    list that it matches, in a row: ``<time itemprop=..>`` comes twice from
    ``"time, [itemprop]"`` and would otherwise be counted twice against quotas."""
    last = None
    for node in nodes:
        mem_id = node.mem_id
        if mem_id != last:
            last = mem_id
            yield node
