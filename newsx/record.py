"""The newsx record: the one place its field names are spelled.

The contract is ``RECORD.md`` (copied in the README): one JSON object per
article with ``source``, ``url``, ``format``, ``header``, ``body`` and
``related``.  Extractors fill these dataclasses; writers serialise them with
:meth:`Record.to_dict`.  Nothing here parses or prints.

Example record (abridged)::

    {"source": "samples/000_acf8eca9862cbc58.txt", "url": null, "format": "text",
     "header": {"title": "Putin: The Taliban is our ally ...", "section": "World",
                "published": "2024-07-04T21:28:00", "modified": null,
                "authors": [], "site_name": null, "language": "en",
                "description": null, "image": null, "tags": [],
                "ticker": ["Socotra: Emirati station raises ...", "..."]},
     "body": {"text": "Russian President ...", "attribution": "agencies",
              "blocks": [{"kind": "paragraph", "text": "Russian President ..."}],
              "words": 612},
     "related": [{"title": "Trump: No guarantees Gaza ceasefire will hold",
                  "url": null, "section": "Arab", "published": "2025-02-03"}]}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

Format = Literal["html", "text"]
BlockKind = Literal["paragraph", "heading", "quote", "list_item", "table", "preformatted"]
BLOCK_KINDS: tuple[str, ...] = (
    "paragraph", "heading", "quote", "list_item", "table", "preformatted",
)
FORMATS: tuple[str, ...] = ("html", "text")
BLOCKS: tuple[str, ...] = ("header", "body", "related")

_CJK_CHAR = re.compile("[\u3040-\u30ff\u3400-\u9fff]")  # kana, ideographs (Hangul is spaced)
#: Every byte but the UTF-8 lead bytes of U+3000..U+9FFF: a text whose UTF-8 form keeps
#: none of them after ``translate`` deletes these has no kana or ideograph.
_NOT_CJK_LEAD = bytes(b for b in range(256) if not 0xE3 <= b <= 0xE9)


def count_words(text: str) -> int:
    """Words as ``wc -w`` counts them; each kana or CJK ideograph counts as one word.

    Splitting on whitespace runs in C and is several times faster than a
    Unicode word regex, which mattered: counting was a tenth of a page's time.
    """
    if text.isascii() or not _may_hold_cjk(text) or not _CJK_CHAR.search(text):
        return len(text.split())
    return len(_CJK_CHAR.sub(" ", text).split()) + len(_CJK_CHAR.findall(text))


def _may_hold_cjk(text: str) -> bool:
    """False when ``text`` surely holds no kana or ideograph: encoding and one
    ``translate`` run in C several times faster than a regex scan of the text."""
    return bool(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CJK_LEAD))


@dataclass(slots=True)
class Header:
    """Header fields; ``None`` / empty list means "not found"."""

    title: str | None = None
    section: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    image: str | None = None
    tags: list[str] = field(default_factory=list)
    ticker: list[str] = field(default_factory=list)
    url: str | None = None  # the page's own address (canonical / og:url); also Record.url

    def to_dict(self) -> dict[str, Any]:
        return {name: _copy(getattr(self, name)) for name in HEADER_FIELDS}

    def merged(self, other: Header) -> Header:
        """Fill this header's empty fields from ``other`` (self wins)."""
        updates = {
            f.name: getattr(other, f.name)
            for f in fields(self)
            if not getattr(self, f.name) and getattr(other, f.name)
        }
        return replace(self, **updates) if updates else self


HEADER_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Header))


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


@dataclass(slots=True, frozen=True)
class Block:
    """One typed block of the article body."""

    kind: BlockKind
    text: str


@dataclass(slots=True)
class Body:
    """The article's own text as blocks, plus a closing source credit."""

    blocks: list[Block] = field(default_factory=list)
    attribution: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @property
    def words(self) -> int:
        return count_words(self.text)

    def to_dict(self) -> dict[str, Any]:
        text = self.text
        return {
            "text": text,
            "blocks": [{"kind": b.kind, "text": b.text} for b in self.blocks],
            "attribution": self.attribution,
            "words": count_words(text),
        }


@dataclass(slots=True, frozen=True)
class RelatedItem:
    """One item of a related / read-more list."""

    title: str
    url: str | None = None
    section: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url, "section": self.section,
                "published": self.published}


@dataclass(slots=True)
class Record:
    """Everything newsx knows about one article."""

    source: str
    format: Format
    url: str | None = None
    header: Header = field(default_factory=Header)
    body: Body = field(default_factory=Body)
    related: list[RelatedItem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "url": self.url,
            "format": self.format,
            "header": self.header.to_dict(),
            "body": self.body.to_dict(),
            "related": [item.to_dict() for item in self.related],
        }


#: What ``header.published`` / ``modified`` look like: a date, optionally a time and an offset.
ISO_8601 = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$"
_NULLABLE_STR = {"type": ["string", "null"]}
_STR_LIST = {"type": "array", "items": {"type": "string"}}
_HEADER_TYPES: dict[str, dict[str, Any]] = {
    name: (_STR_LIST if name in ("authors", "tags", "ticker") else _NULLABLE_STR)
    for name in HEADER_FIELDS
}


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of :meth:`Record.to_dict` output."""
    iso = {"type": ["string", "null"], "pattern": ISO_8601}
    header_props = dict(_HEADER_TYPES, published=iso, modified=iso)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "newsx record",
        "type": "object",
        "required": ["source", "url", "format", "header", "body", "related"],
        "properties": {
            "source": {"type": "string"},
            "url": _NULLABLE_STR,
            "format": {"enum": list(FORMATS)},
            "header": {
                "type": "object",
                "required": list(HEADER_FIELDS),
                "properties": header_props,
            },
            "body": {
                "type": "object",
                "required": ["text", "blocks", "attribution", "words"],
                "properties": {
                    "text": {"type": "string"},
                    "blocks": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["kind", "text"],
                            "properties": {
                                "kind": {"enum": list(BLOCK_KINDS)},
                                "text": {"type": "string"},
                            },
                        },
                    },
                    "attribution": _NULLABLE_STR,
                    "words": {"type": "integer", "minimum": 0},
                },
            },
            "related": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["title", "url", "section", "published"],
                    "properties": {
                        "title": {"type": "string"},
                        "url": _NULLABLE_STR,
                        "section": _NULLABLE_STR,
                        "published": _NULLABLE_STR,
                    },
                },
            },
        },
    }
