"""One input to one record: decode, sniff, run the extractors, assemble.

Phases, in order: bytes → :class:`~newsx.document.Document` → header
(merged across header extractors, lowest priority number first) → body
(first extractor with a non-empty result) → related (likewise) → record.
Each later phase sees what the earlier ones found through a
:class:`~newsx.extractors.base.Context`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache

from newsx.decode import decode_head, decode_lines, decode_text, detect_encoding, sniff_format
from newsx.document import MAX_HTML_DEPTH, Document, html_depth
from newsx.errors import InputError
from newsx.extractors.base import Context, Extractor
from newsx.plugins import Registry, load_registry
from newsx.readers import RawInput
from newsx.record import Body, Header, Record, RelatedItem


@dataclass(frozen=True)
class Options:
    """How to read inputs and which extractors to run."""

    input_format: str | None = None  # "html" | "text" | None (sniff)
    use: Mapping[str, Sequence[str]] = field(default_factory=dict)  # block -> names


@dataclass(frozen=True)
class Outcome:
    """A record, plus warnings worth telling the user (a guessed encoding...)."""

    record: Record
    warnings: tuple[str, ...] = ()


def to_document(raw: RawInput, input_format: str | None = None) -> tuple[Document, str | None]:
    """Decode bytes and decide the format; the second value is a decoding warning.

    The bytes are taken out of ``raw`` and dropped once decoded.  A text dump
    is decoded line by line (see :func:`~newsx.decode.decode_lines`); HTML as
    one string, which is what the parser takes.
    """
    data = raw.take()
    encoding = detect_encoding(data, raw.source, declared=raw.charset)
    fmt = input_format or raw.format or sniff_format(decode_head(data, encoding))
    if fmt == "html":
        text = decode_text(data, encoding)
        depth = html_depth(text)
        if depth > MAX_HTML_DEPTH:
            raise InputError(raw.source, f"HTML nested {depth} levels deep (newsx reads at most "
                                         f"{MAX_HTML_DEPTH}); not parsed")
        # Valid UTF-8 goes to the parser as it is: re-encoding the text costs a fifth of a parse.
        clean = encoding.name == "utf-8" and not encoding.warning and not encoding.skip
        doc = Document(raw.source, fmt, text, url=raw.url, encoding=encoding.name,
                       utf8=data if clean else None)
        del data
    else:
        lines = decode_lines(data, encoding)
        del data
        if not any(line.strip() for line in lines):
            raise InputError(raw.source, "empty input")
        doc = Document(raw.source, fmt, url=raw.url, encoding=encoding.name, raw_lines=lines)
    return doc, encoding.warning


def process(raw: RawInput, options: Options, registry: Registry | None = None) -> Outcome:
    """Turn one raw input into a record; raise InputError when it cannot be."""
    doc, warning = to_document(raw, options.input_format)
    record = extract_document(doc, options, registry or load_registry())
    return Outcome(record, (warning,) if warning else ())


def extract_document(doc: Document, options: Options, registry: Registry) -> Record:
    """Run the extractors for ``doc``'s format over the three blocks."""
    def chosen(block: str) -> list[Extractor]:
        return registry.for_block(block, doc.format, options.use.get(block, ()))

    header = Header()
    for extractor in chosen("header"):
        part = _run(extractor, doc, Context(header=header))
        if isinstance(part, Header):
            header = header.merged(part)
    body = _first(chosen("body"), doc, Context(header=header), Body) or Body()
    related = _first(chosen("related"), doc, Context(header=header, body=body), list) or []
    return Record(
        source=doc.source,
        format=doc.format,
        url=doc.url or header.url,
        header=header,
        body=body,
        related=[item for item in related if isinstance(item, RelatedItem)],
    )


def _first(extractors: list[Extractor], doc: Document, ctx: Context, kind: type):
    """The first non-empty result of the expected type."""
    for extractor in extractors:
        result = _run(extractor, doc, ctx)
        if isinstance(result, kind) and (result.blocks if isinstance(result, Body) else result):
            return result
    return None


def _run(extractor: Extractor, doc: Document, ctx: Context):
    try:
        return extractor.extract(doc, ctx)
    except RecursionError:
        raise InputError(doc.source, f"too deeply nested for extractor {extractor.name}") from None
    except MemoryError:
        raise InputError(doc.source, f"out of memory in extractor {extractor.name}") from None
    except Exception as err:
        raise InputError(
            doc.source, f"extractor {extractor.name} failed ({type(err).__name__}: {err})"
        ) from err


_WARM_UP_PAGES = (
    ("html", b"<html lang='en'><head><title>Warm up</title></head><body><h1>Warm up</h1>"
             b"<p>A short page that makes every extractor load what it loads lazily.</p>"
             b"</body></html>"),
    # Not English: English is told by its function words, other languages need the model.
    ("text", "Aquecimento\nUm pequeno texto para que cada extrator carregue o que carrega "
             "de forma preguiçosa, como o modelo de línguas, antes da bifurcação dos "
             "processos.\nLeia também\nOutra notícia".encode()),
)


@lru_cache(maxsize=1)
def warm_up(registry: Registry) -> None:
    """Run every extractor once on a tiny page, so lazily loaded models are in memory.

    Called before worker processes are forked: they then share the loaded
    models instead of each loading its own copy.
    """
    for fmt, data in _WARM_UP_PAGES:
        with suppress(InputError):
            process(RawInput(f"<warm-up {fmt}>", data), Options(input_format=fmt), registry)
