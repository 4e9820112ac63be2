"""WARC files (Common Crawl, crawlers) to documents, with warcio.

Each ``response`` (or ``resource``) record that holds an HTML page with
HTTP status 200 becomes a document named ``ARCHIVE#RECORD-ID``, with its
``WARC-Target-URI`` as ``url`` and the HTTP ``Content-Type`` charset as a
hint.  Other page records are :class:`~newsx.readers.Skipped` (counted);
request, metadata and warcinfo records are framing and pass silently.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from newsx.errors import InputError, short_reason

#: Content types read as pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_RECORDS = ("response", "resource")


def read_warc(source: str, stream: IO[bytes], max_bytes: int) -> Iterator:
    """Documents of a WARC stream; a corrupt stream ends with one error."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from newsx.readers import RawInput, Skipped

    count = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type not in PAGE_RECORDS:
                continue
            count += 1
            name = f"{source}#{_record_id(record, count)}"
            reason = _skip_reason(record)
            if reason:
                yield Skipped(name, reason)
                continue
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                yield InputError(name, "page larger than the --max-bytes limit")
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            yield RawInput(name, data, url, _charset(record))
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as err:
        yield InputError(source, f"corrupt WARC data after {count} record(s) ({short_reason(err)})")


def _record_id(record, count: int) -> str:
    rid = record.rec_headers.get_header("WARC-Record-ID") or f"record-{count}"
    return rid.strip("<>")


def _content_type(record) -> str:
    headers = record.http_headers
    if headers is not None:
        return headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def _skip_reason(record) -> str | None:
    headers = record.http_headers
    if record.rec_type == "response" and headers is not None:
        status = (headers.get_statuscode() or "").strip()
        if status != "200":
            return f"HTTP status {status or 'missing'}"
    ctype = _content_type(record).split(";")[0].strip().lower()
    if ctype not in HTML_TYPES:
        return f"not HTML ({ctype or 'no content type'})"
    return None


def _charset(record) -> str | None:
    for part in _content_type(record).split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
