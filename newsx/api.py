"""The Python API: what the command line is a thin layer over.

>>> import newsx
>>> record = newsx.extract(open("page.html", "rb").read(), source="page.html")
>>> record.header.title, record.body.text[:80]
"""

from __future__ import annotations

from newsx.pipeline import Options, process
from newsx.readers import RawInput
from newsx.record import Record


def extract(
    data: bytes | str,
    *,
    source: str | None = None,
    format: str | None = None,
    url: str | None = None,
) -> Record:
    """Extract one article from HTML or a text dump.

    ``data`` is the page (bytes are decoded as a file would be); ``format``
    forces ``"html"`` or ``"text"`` instead of sniffing; ``url`` is the page's
    address when known.  Raises :class:`newsx.InputError` for unusable
    input (empty, binary).
    """
    if format not in (None, "html", "text"):
        raise ValueError(f"format must be 'html', 'text' or None, not {format!r}")
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    outcome = process(RawInput(source or "<data>", raw, url), Options(input_format=format))
    return outcome.record
