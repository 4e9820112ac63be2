"""Publication and update dates of an HTML article.

Machine timestamps (JSON-LD, meta tables, ``<time datetime>``, the URL) are
read in a fixed order of trust; the dateline the reader sees near the headline
then decides the calendar day.  The contract keeps *the day the reader sees*:
a page that prints "Nov 18, 9:24 pm ET" while its metadata says
``2019-11-19T02:24Z`` was published on the 18th, at 21:24-05:00.  A visible
date that equals the metadata's modified day is the update, not the
publication.  ``modified`` is only reported when the page shows an update.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsx.dates import DateMatch, find_dates, parse_iso
from newsx.extractors.html_meta import PageMeta, ld_text

#: Meta names of the publication time, most trusted first.  Names are matched
#: lower-cased against ``property``, ``name``, ``itemprop`` and ``http-equiv``.
PUBLISHED_META: tuple[str, ...] = (
    "article:published_time", "og:article:published_time", "article:published",
    "article.published", "datepublished", "published_time", "publishdate", "publish-date",
    "publish_date", "pubdate", "pub_date", "publication_date", "published", "published_at",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "dc.date.created", "date", "sailthru.date", "parsely-pub-date", "article_date_original",
    "dcsext.articlefirstpublished", "cxenseparse:recs:publishtime", "og:published_time",
    "published_time_telegram", "analyticsattributes.articledate", "datecreated",
    "article.created",
)
#: Meta names of the last update.
MODIFIED_META: tuple[str, ...] = (
    "article:modified_time", "og:article:modified_time", "article:modified", "article.updated",
    "datemodified", "dcterms.modified", "og:updated_time", "article_date_updated",
    "updated-date", "last-modified", "modified", "revision_date",
)
#: ``<time>`` classes that mark the publication or the update time.
_PUBLISHED_CLASS = re.compile(r"publish|entry-date|post-date|created", re.IGNORECASE)
_MODIFIED_CLASS = re.compile(r"updated|modified", re.IGNORECASE)

#: Label words just before a visible date, by meaning (many languages).  The lookahead
#: (the words' first letters) rejects most positions of the window in one step.
_UPDATED = re.compile(
    r"(?=[ulmreaо更수])(?:updated?|last\s+(?:updated|modified)|modified|revised|edited|aktualisiert"
    r"|atualizad[oa]|actualizad[oa]|aggiornat[oa]|mis\s+à\s+jour|обновлено|更新|수정)"
    r"\W{0,6}(?:on|at|am|em|el|le|:)?\W{0,3}$",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"(?=[pvоdoc入기作公発])(?:published|posted|created|publicado|publicada|publié|veröffentlicht"
    r"|publiziert"
    r"|pubblicato|опубликовано|diterbitkan|original|入力|기사입력|作成|公開|発行)"
    r"\W{0,6}(?:on|at|am|em|el|le|:)?\W{0,3}$",
    re.IGNORECASE,
)
#: Characters before a date searched for its label.
LABEL_REACH = 24
#: A visible wall-clock time and a machine instant are the same moment when they
#: differ by a whole time-zone offset (quarter hours, at most 14 h).
MAX_OFFSET_MINUTES = 14 * 60

_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-]?(?P<m>0[1-9]|1[0-2]|[1-9](?=/))[/-]?"
    r"(?P<d>0[1-9]|[12]\d|3[01]|[1-9](?=/))(?:/|[-_]|$)"
)


@dataclass(frozen=True)
class Dates:
    """The record's two date fields."""

    published: str | None = None
    modified: str | None = None


@dataclass(frozen=True)
class Seen:
    """A date shown on the page: its label ('published', 'updated' or ''), and
    whether it comes after the headline (datelines above it are often teasers')."""

    iso: str
    label: str
    has_time: bool
    after: bool = True


def machine_dates(page: PageMeta) -> tuple[list[str], list[str], Any]:
    """Publication and update timestamps the page declares, most trusted first, and
    the unmarked ``<time datetime>`` element the publication date came from, if so.

    An unmarked ``<time>`` is used only when nothing better is declared; the caller
    checks where its element is.
    """
    # "05/08/2014" in an American page's metadata is May 8 (elsewhere: undecided)
    dayfirst = False if (page.lang or "").lower().replace("_", "-") == "en-us" else None
    published: list[str] = []
    modified: list[str] = []
    parsed: dict[str, str | None] = {}  # pages repeat one stamp in several places
    article = page.article or {}

    def iso_of(value: str | None) -> str | None:
        if not value:
            return None
        if value not in parsed:
            parsed[value] = parse_iso(value, dayfirst=dayfirst)
        return parsed[value]

    def add(into: list[str], value: str | None) -> None:
        iso = iso_of(value)
        if iso and iso not in into:
            into.append(iso)

    add(published, ld_text(article.get("datePublished")))
    add(modified, ld_text(article.get("dateModified")))
    for value in page.all(*PUBLISHED_META):
        add(published, value)
    for value in page.all(*MODIFIED_META):
        add(modified, value)
    for node in page.props("datePublished")[:3]:
        add(published, _stamp(node))
    for node in page.props("dateModified")[:3]:
        add(modified, _stamp(node))
    plain: list[tuple[str, Any]] = []  # (iso, node)
    for node in page.times[:6]:
        attrs = node.attributes
        cls = f"{attrs.get('class') or ''} {attrs.get('itemprop') or ''}"
        if "pubdate" in attrs or _PUBLISHED_CLASS.search(cls):
            add(published, _stamp(node))
        elif _MODIFIED_CLASS.search(cls):
            add(modified, _stamp(node))
        else:
            iso = iso_of(_stamp(node))
            if iso:
                plain.append((iso, node))
    add(published, ld_text(article.get("dateCreated")))
    if not published and plain:
        iso, node = plain[0]  # an unmarked <time datetime> is the dateline's
        return [iso], modified, node
    return published, modified, None


def _stamp(node) -> str | None:
    """The machine-readable time of an element: ``datetime``, ``content``, or the
    ``title`` of an ``<abbr>`` (the hAtom microformat Blogger and others use)."""
    attrs = node.attributes
    stamp = attrs.get("datetime") or attrs.get("content")
    if not stamp and node.tag == "abbr":
        stamp = attrs.get("title")
    return stamp


def url_date(url: str | None) -> str | None:
    """The ``YYYY-MM-DD`` a URL path carries (``/2019/11/18/``), if any."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    return f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}"


#: Datelines are short lines; longer ones are prose, whose dates are not the article's.
MAX_DATELINE = 160


def seen_dates(text: str, anchor: int) -> list[Seen]:
    """Dates shown on the short lines of ``text`` (the lines around the headline at
    ``anchor``), labelled, with whether they come after the headline.  The
    headline's own line is left out: a date in a title ("Weekly edition for
    March 26") names the subject, not the day of publication."""
    lines = text.split("\n")
    at = text.count("\n", 0, anchor)  # the headline's line
    before = [ln for ln in lines[:at] if len(ln) <= MAX_DATELINE]
    after = [ln for ln in lines[at + 1:] if len(ln) <= MAX_DATELINE]
    cut = sum(map(len, before)) + len(before)  # the headline's offset in the kept lines
    short = "\n".join(before + after)
    return [Seen(m.iso, _label(short, m), m.has_time, m.start >= cut) for m in find_dates(short)]


def _label(window: str, m: DateMatch) -> str:
    before = window[max(0, m.start - LABEL_REACH):m.start]
    if _UPDATED.search(before):
        return "updated"
    if _PUBLISHED.search(before):
        return "published"
    return ""


def decide(published: list[str], modified: list[str], seen: list[Seen],
           url: str | None) -> Dates:
    """Combine declared and shown dates into the record's two fields."""
    meta_pub = _pick_published(published)
    meta_mod = next(iter(modified), None)
    shown_pub, shown_upd = _shown(seen, meta_pub, meta_mod)
    offset = _page_offset(shown_pub, meta_pub) or _page_offset(shown_upd, meta_mod)
    if offset is None and meta_pub:
        meta_pub = _url_day(meta_pub, url_date(url), published)
    elif not published:
        meta_pub = url_date(url)
    if offset is not None:
        meta_pub, meta_mod = _to_offset(meta_pub, offset), _to_offset(meta_mod, offset)
    pub = _reconcile(shown_pub, meta_pub) if shown_pub else meta_pub
    mod = None
    if shown_upd is not None:
        mod = _reconcile(shown_upd, meta_mod) if meta_mod else shown_upd.iso
        if pub is None:
            pub = meta_pub or mod
    if pub and mod and mod[:16] == pub[:16]:
        mod = None
    return Dates(pub, mod)


def _shown(seen: list[Seen], meta_pub: str | None,
           meta_mod: str | None) -> tuple[Seen | None, Seen | None]:
    """The shown publication and update dates.  With a declared publication time,
    only a shown date within a day of it counts (others are teasers' or today's);
    without one, the first labelled or unlabelled date after the headline."""
    near = seen
    if meta_pub:
        near = [s for s in seen if _within(s.iso, meta_pub, 1)
                or (meta_mod and _within(s.iso, meta_mod, 1))]
    meta_day = _day(meta_pub)
    ordered = sorted(near, key=lambda s: (_day(s.iso) != meta_day, not s.after))
    shown_upd = next((s for s in ordered if s.label == "updated"), None)
    shown_pub = next((s for s in ordered if s.label == "published"), None)
    if shown_pub is None:
        shown_pub = next((s for s in ordered if not s.label), None)
        if (shown_pub and meta_mod and meta_pub and _day(shown_pub.iso) == _day(meta_mod)
                and _day(meta_mod) != _day(meta_pub)):
            # the only date shown is the update (blogs print "modified" in the byline)
            return None, shown_upd or shown_pub
    if meta_pub and shown_pub and not _within(shown_pub.iso, meta_pub, 1):
        shown_pub = None  # it matched the update's day only
    return shown_pub, shown_upd


def _pick_published(candidates: list[str]) -> str | None:
    """The first declared time, or its local rendition when another candidate gives
    the same moment as a wall-clock time (``sailthru.date`` beside a UTC stamp)."""
    if not candidates:
        return None
    first = candidates[0]
    if first.endswith("+00:00"):
        for other in candidates[1:]:
            if len(other) >= 16 and other[16:].lstrip(":0123456789") == "":
                local = _rebase(other, first)
                if local and not local.endswith("+00:00"):
                    return local
    return first


#: A UTC clock before this hour may be the previous day in the Americas, at or
#: after the second one the next day in Asia-Pacific: only then may the URL's
#: day overrule a UTC timestamp.
WEST_BEFORE_HOUR, EAST_FROM_HOUR = 10, 14


def _url_day(meta_pub: str, from_url: str | None, candidates: list[str]) -> str:
    """The URL's day when the declared UTC time plausibly falls on it in local time."""
    if not from_url or _day(meta_pub) == from_url:
        return meta_pub
    same = next((c for c in candidates if _day(c) == from_url), None)
    if same:
        return same
    return from_url if _utc_shift_ok(meta_pub, from_url) else meta_pub


def _reconcile(shown: Seen, declared: str | None) -> str:
    """The shown date, with the declared time and offset when they are the same moment;
    a declared time in another zone keeps its day unless it is UTC and the shown day
    is the one a reader west or east of Greenwich saw."""
    if not declared:
        return shown.iso
    if not shown.has_time:
        if _day(shown.iso) == _day(declared) or not _utc_shift_ok(declared, _day(shown.iso)):
            return declared
        return shown.iso
    if len(shown.iso) > 19 and shown.iso[-6] in "+-":
        same = _parse(shown.iso), _parse(declared)
        if None not in same and same[1].tzinfo is not None and \
                abs((same[0] - same[1]).total_seconds()) < 90:
            return declared if declared[-6:] == shown.iso[-6:] else shown.iso
        return shown.iso
    rebased = _rebase(shown.iso, declared)
    return rebased or shown.iso


def _utc_shift_ok(declared: str, day: str | None) -> bool:
    """Can a UTC (or zone-less) time ``declared`` fall on ``day`` in some reader's zone?"""
    if day is None or len(declared) < 16 or not (len(declared) <= 19 or declared.endswith(
            "+00:00")):
        return False
    hour = int(declared[11:13])
    d_decl, d_day = _parse(declared[:10]), _parse(day)
    if d_decl is None or d_day is None:
        return False
    delta = (d_day - d_decl).days
    return (delta == -1 and hour < WEST_BEFORE_HOUR) or (delta == 1 and hour >= EAST_FROM_HOUR)


def _page_offset(shown: Seen | None, declared: str | None) -> str | None:
    """The page's display offset: the zone a shown time names ("EST"), or the
    offset that makes a shown clock time equal to a declared instant."""
    if shown is None or not shown.has_time:
        return None
    if len(shown.iso) > 19 and shown.iso[-6] in "+-":
        return shown.iso[-6:]
    rebased = _rebase(shown.iso, declared) if declared else None
    return rebased[-6:] if rebased else None


def _to_offset(iso: str | None, offset: str) -> str | None:
    """``iso`` (an instant with an offset) written in ``offset``; others unchanged."""
    dt = _parse(iso) if iso and len(iso) > 16 else None
    target = _parse(f"2000-01-01T00:00{offset}")
    if dt is None or dt.tzinfo is None or target is None:
        return iso
    return dt.astimezone(target.tzinfo).isoformat(timespec="seconds")


def _rebase(wall: str, instant: str) -> str | None:
    """``wall`` (a local clock time) written with the offset that makes it ``instant``."""
    w, i = _parse(wall), _parse(instant)
    if w is None or i is None or i.tzinfo is None or len(instant) < 16 or len(wall) < 16:
        return None
    local = w.replace(tzinfo=None)
    # shown clocks have no seconds: compare whole minutes ("20:13" is 23:13:51Z at -03:00)
    instant = i.replace(tzinfo=None, second=0, microsecond=0)
    wall_minute = local.replace(second=0, microsecond=0)
    minutes = round((wall_minute - instant).total_seconds() / 60) + _offset_min(i)
    if abs(minutes) > MAX_OFFSET_MINUTES or minutes % 15:
        return None
    sign = "+" if minutes >= 0 else "-"
    hh, mm = divmod(abs(minutes), 60)
    return f"{local.isoformat(timespec='seconds')}{sign}{hh:02d}:{mm:02d}"


def _offset_min(dt: datetime) -> int:
    off = dt.utcoffset()
    return round(off.total_seconds() / 60) if off is not None else 0


def _within(a: str, b: str, days: int) -> bool:
    d1, d2 = _parse(a[:10]), _parse(b[:10])
    return d1 is not None and d2 is not None and abs((d1 - d2).days) <= days


def _day(iso: str | None) -> str | None:
    return iso[:10] if iso else None


def _parse(iso: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None
