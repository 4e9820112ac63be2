"""Breaking-news / headline-ticker items shown above the article headline.

A ticker is a box whose class says so (``TICKER_TOKENS`` in ``html_related``:
ticker, breaking, marquee, news-flash ...), placed *before* the article's
headline (its ``h1``/``h2``) in document order.  Each headline link in it is
one item.  The same kind of list after the headline is a related list, not a
ticker (``html_related`` reads it).  Only ``Header.ticker`` is set: header
fields merge across extractors.
"""

from __future__ import annotations

from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.extractors.html_related import (
    has_ticker_boxes,
    is_negative,
    link_title,
    looks_like_headline,
    page_title,
    tickers_above_headline,
)
from newsx.record import Header

MAX_TICKER_ITEMS = 30  # more than this is a link farm, not a ticker


def _real_href(link) -> bool:
    """A ticker item links somewhere: not ``href=""`` / ``"#"`` (live-stream promos)."""
    href = (link.attrs.get("href") or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:"))


def _items(box) -> list[str]:
    """Headline texts of the box's links (or of its list items when unlinked)."""
    links = box.css("a[href]")
    nodes = links if links else box.css("li")
    out: list[str] = []
    for node in nodes:
        if node.tag == "a" and (not _real_href(node) or is_negative(node, strips=False)):
            continue
        title = link_title(node)
        if looks_like_headline(title) and title not in out:
            out.append(title)
    return out if len(out) <= MAX_TICKER_ITEMS else []


def extract_ticker(doc: Document, ctx: Context) -> Header | None:
    """Ticker items of the boxes above the headline, in page order, once each."""
    if not has_ticker_boxes(doc):  # before the headline lookup: most pages have none
        return None
    items: list[str] = []
    for box in tickers_above_headline(doc, page_title(doc.tree, ctx)):
        for title in _items(box):
            if title not in items:
                items.append(title)
    return Header(ticker=items) if items else None


EXTRACTOR = Extractor(
    name="html-ticker",
    block="header",
    formats=frozenset({"html"}),
    extract=extract_ticker,
    priority=70,
)
