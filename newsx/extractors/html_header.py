"""Header of an HTML article: title, dates, authors, section, language and more.

Every field is decided from all its sources at once, because the sources check
each other (``html_header_title``, ``_dates``, ``_authors``, ``_section``): the
machine-readable values (``html_meta``) are weighed against what the reader
sees near the headline — the ``<h1>``, the dateline, the byline, the kicker or
breadcrumb.  "Near the headline" is a few visible lines of text around the
headline's own line (script text is skipped), found once here and shared by
the field rules.

Cost (the budget is a fraction of the parse): a ``css()`` query of the head and
one of the body (``html_meta.read_meta``), the ``text()`` of the headline
element's nearest ancestors that hold the byline block and the first paragraphs
(not of the whole body), one ``css()`` query inside them for class-named
bylines and kickers, and string work on a window of a few thousand characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.extractors.html_header_authors import (
    article_item,
    byline_texts,
    choose_authors,
    clean_byline,
    is_article_credit,
    meta_authors,
    text_bylines,
)
from newsx.extractors.html_header_dates import decide, machine_dates, seen_dates
from newsx.extractors.html_header_section import section
from newsx.extractors.html_header_text import host_names, squash
from newsx.extractors.html_header_title import headline
from newsx.extractors.html_meta import PageMeta, ld_strings, ld_text, read_meta, read_near
from newsx.record import Header

# --- language -----------------------------------------------------------------------

#: "pt-BR", "en_US": the primary language subtag comes before the first separator.
_SUBTAG_SEP = re.compile(r"[-_]")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


def language(page: PageMeta, sample: str) -> str | None:
    """Declared language (``<html lang>``, ``og:locale``, Content-Language); the text's
    language when none is declared, or when the text plainly contradicts it."""
    declared = page.lang or page.first("og:locale", "content-language", "language", "dc.language")
    primary = _SUBTAG_SEP.split(declared.strip())[0].casefold() if declared else None
    if primary and not _LANGUAGE_CODE.fullmatch(primary):
        primary = None
    share = _english_share(sample)  # once: both checks below read it
    if primary and not _contradicts(primary, share):
        return primary
    if share > ENGLISH_ABOVE:
        return "en"  # plainly English: no need for the classifier
    from newsx.language import detect_language

    return (detect_language(sample) if sample else None) or primary


#: English function words: their share in a text tells English from other
#: languages cheaply, so the classifier runs only when a declaration looks wrong.
_ENGLISH = frozenset({
    "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "are", "by",
    "it", "this", "from",
})
#: Shares below / above which a text is plainly not / plainly English (English
#: prose runs at 20-30 %, other Latin-script languages under 3 %).
NOT_ENGLISH_BELOW, ENGLISH_ABOVE = 0.05, 0.15
#: Words of sample needed before the text may overrule a declaration.
OVERRULE_WORDS = 60


def _contradicts(declared: str, share: float) -> bool:
    """Does the sample's English share (-1: too short to judge) contradict ``declared``?"""
    if share < 0:
        return False
    return share < NOT_ENGLISH_BELOW if declared == "en" else share > ENGLISH_ABOVE


def _english_share(sample: str) -> float:
    """Share of English function words among the sample's words (-1: too few)."""
    tokens = sample[:SHARE_CHARS].casefold().split()
    if len(tokens) < OVERRULE_WORDS:
        return -1.0
    return sum(map(_ENGLISH.__contains__, tokens)) / len(tokens)


#: Sample characters read for the share (about 130 words).
SHARE_CHARS = 800


# --- putting it together ------------------------------------------------------------


@dataclass
class _Page:
    """The shared reading of one page."""

    tree: Any
    meta: PageMeta
    url: str | None
    sites: list[str]
    text: str
    anchor: int
    context: str = ""  # visible lines around the headline
    at: int = -1  # the headline's offset in ``context``
    node: Any = None  # the headline element


def extract_header(doc: Document, ctx: Context) -> Header | None:
    """The header fields this page shows or declares."""
    tree = doc.tree
    if tree is None:
        return None
    page = read_meta(tree)
    url = doc.url or page.canonical or page.first("og:url")
    sites = _site_names(page, url)
    title, raw_title, node = headline(tree, page, sites)
    text, anchor, near = _surroundings(tree, node, raw_title)
    if near is not None:
        read_near(page, near)
    context, at, sample = _context(text, anchor)
    p = _Page(tree, page, url, sites, text, anchor, context, at, node)
    published, modified = _dates(p)
    article = page.article or {}
    description = page.first("og:description", "description", "twitter:description") or ld_text(
        article.get("description")
    )
    return Header(
        title=title,
        section=section(page, sites, title, context, at),
        published=published,
        modified=modified,
        authors=_authors(p),
        site_name=_site_name(page),
        language=language(page, sample or f"{title or ''}. {description or ''}"),
        description=description,
        image=page.first("og:image", "og:image:url", "twitter:image", "twitter:image:src")
        or ld_text(article.get("image")),
        tags=_tags(page),
        url=url,
    )


def _site_name(page: PageMeta) -> str | None:
    """The site's declared name; a URL given as the name ("http://www.tmz.com") is none."""
    for name in (*page.all("og:site_name", "application-name"),
                 _publisher(page.article or {})):
        if name and not _URL_SHAPED.match(name):
            return name
    return None


#: A value that is a web address, not a name: with a scheme, "www." or a path (a bare
#: domain such as "news.com.au" is often the brand itself).
_URL_SHAPED = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|//|www\.|[\w-]+(?:\.[\w-]+)+/)",
                         re.IGNORECASE)


def _site_names(page: PageMeta, url: str | None) -> list[str]:
    """Every name the site goes by (declared names, handles, host labels), for cutting
    it from titles and telling it from authors and sections; addresses give their
    host's labels."""
    names = [
        page.first("og:site_name"), page.first("application-name"),
        page.first("twitter:site", "twitter:site:id"), _publisher(page.article or {}),
    ]
    out = []
    for name in names:
        if name:
            out += host_names(name) if _URL_SHAPED.match(name) else [name.lstrip("@")]
    out += host_names(url or page.first("og:url"))
    return out


def _publisher(article: dict) -> str | None:
    """The JSON-LD publisher's name (not its URL)."""
    pub = article.get("publisher")
    if isinstance(pub, list):
        pub = next((p for p in pub if isinstance(p, (dict, str))), None)
    if isinstance(pub, dict):
        pub = pub.get("name")
    return squash(pub) or None if isinstance(pub, str) else None


#: Text the headline's surroundings must hold after it: the byline, dateline and the
#: first paragraphs (the context window, with room for script lines).
SCOPE_AFTER = 3000
#: Text after the headline in which byline, kicker and category elements are looked
#: for (``read_near``): the byline block, not the article's end.
NEAR_AFTER = 1200


def _surroundings(tree: Any, node: Any, raw: str | None) -> tuple[str, int, Any]:
    """The text of the headline's surroundings, the headline's offset in it, and the
    element whose byline and kicker elements are read: the nearest ancestors of the
    headline element with enough text after the headline (reading the whole body's
    text costs a quarter of the parse); the whole body when the headline has no
    element.  The headline element's own copy of its text is found by a mark put
    in it for the reading: a menu or a sticky bar above often repeats the title."""
    body = tree.body if tree.body is not None else tree.root
    if node is not None and raw:
        mark = _put_mark(node)
        try:
            scope, near, text, at = node, None, "", -1
            while scope.parent is not None and scope is not body:
                scope = scope.parent
                if scope.tag == "html":
                    break
                text = scope.text(separator="\n")
                at = text.find(HEADLINE_MARK)
                if at >= 0 and near is None and len(text) - at >= NEAR_AFTER:
                    near = scope
                if at >= 0 and len(text) - at >= SCOPE_AFTER:
                    break
        finally:
            mark.decompose()
        if at >= 0:  # (the mark stays in ``text``: a copy of a huge page costs its size)
            return text, at, near or scope
    if body is None:
        return "", -1, None
    text = body.text(separator="\n")
    return text, _find(text, raw) if raw else -1, body


#: Put at the start of the headline element while its surroundings are read (a
#: private-use character: no page text holds it).
HEADLINE_MARK = "\ue001"


def _put_mark(node: Any) -> Any:
    """Insert :data:`HEADLINE_MARK` as the first text of ``node``; return the mark's node."""
    first = node.first_child
    if first is None:
        node.insert_child(HEADLINE_MARK)
        return node.last_child
    first.insert_before(HEADLINE_MARK)
    return first.prev


#: Occurrences of the headline considered (menus and teasers repeat it).
MAX_OCCURRENCES = 6
#: Text after an occurrence inspected to tell the article from a menu entry.
LOOKAHEAD = 5000
#: A line this long after the headline is the article's prose (or a caption).
PROSE_AFTER = 80


def _find(text: str, needle: str) -> int:
    """Position of the headline in the page text, -1 when absent.

    Among the lines that start with it (scripts repeat headlines mid-line), the
    first one followed by a line of prose wins (a menu entry is followed by more
    short entries, the article's heading by its text), else the one followed by
    the longest line."""
    probe = squash(needle)[:40]
    best, best_score = -1, -1
    start = text.find(probe)
    first = start
    for _ in range(MAX_OCCURRENCES * 3):
        if start < 0:
            break
        line_start = text.rfind("\n", 0, start) + 1
        end = text.find("\n", start)
        end = end if end >= 0 else len(text)
        if not text[line_start:start].strip() and not _is_code(text[start:end]):
            score = _longest_line(text, end, end + LOOKAHEAD)
            if score >= PROSE_AFTER:
                return start
            if score > best_score:
                best, best_score = start, score
        start = text.find(probe, end)
    return best if best >= 0 else first


def _longest_line(text: str, lo: int, hi: int) -> int:
    """Length of the longest non-code line in ``text[lo:hi]`` (stops at the first prose line)."""
    longest = 0
    for m in _LINE.finditer(text, lo, hi):  # lazily: the first prose line ends the scan
        n = m.end() - m.start()
        if n > longest and not _is_code(m.group()):
            longest = n
            if n >= PROSE_AFTER:
                break
    return longest


#: Context kept around the headline: lines before (kicker, breadcrumb, dateline
#: above) and after (byline, dateline, first paragraphs), in characters.
CONTEXT_BEFORE, CONTEXT_AFTER = 600, 2000
#: Raw text scanned to fill the context (script lines are skipped, so more is read;
#: above the headline, menus fill the context quickly).
CONTEXT_SCAN, CONTEXT_SCAN_BEFORE = 30_000, 3_000
#: Lines that are script or style code, not text the reader sees (``text()``
#: keeps script contents): judged on their first characters and their end.  One
#: pattern per mark (a call, an assignment, a tag, ``function``): each starts with
#: its mark, so the regex engine jumps to it instead of trying every position.
_CALL_HEAD = re.compile(r"[\s\w.$]+\(")
_ASSIGN = re.compile(r'=\s*["\'{\[(]')
_TAG = re.compile(r"</?\w+[ >]")
_FUNCTION = re.compile(r"\bfunction\b")
CODE_HEAD_CHARS = 200
#: A line's text without the spaces around it (``text()`` gives a line per text node,
#: many of them blank).
_LINE = re.compile(r"\S(?:[^\n]*\S)?")


def _is_code(line: str) -> bool:
    if line.endswith(("{", "}", ";")):
        return True
    # plain ``in`` tests (a fifth of a regex search) let most lines of text through
    head = line[:CODE_HEAD_CHARS]
    return (('":' in head)
            or ("(" in head and _CALL_HEAD.match(head) is not None)
            or ("=" in head and _ASSIGN.search(head) is not None)
            or ("<" in head and _TAG.search(head) is not None)
            or ("function" in head and _FUNCTION.search(head) is not None))


def _context(text: str, anchor: int) -> tuple[str, int, str]:
    """Visible lines around the headline, the headline's offset in them, and a sample
    of the prose lines after it (for the language check)."""
    if anchor < 0:
        return "", -1, ""
    before = _lines_before(text, anchor)
    after = _lines_after(text, anchor)
    head = "\n".join(before)
    return ((head + "\n" if head else "") + "\n".join(after), len(head) + (1 if head else 0),
            _sample(after[1:]))


#: Raw text split into lines at a time when filling the context after the headline
#: (its visible lines usually fit in one such piece; script lines need more).
CONTEXT_CHUNK = 3000


def _lines_after(text: str, anchor: int) -> list[str]:
    """The visible lines from the headline on, up to ``CONTEXT_AFTER`` characters; the
    raw text is read a piece at a time (cut at a line break) up to ``CONTEXT_SCAN``."""
    after: list[str] = []
    size = 0
    lo, end = anchor, min(len(text), anchor + CONTEXT_SCAN)
    while lo < end:
        hi = text.find("\n", lo + CONTEXT_CHUNK, end) if lo + CONTEXT_CHUNK < end else -1
        if hi < 0:
            hi = end
        for line in _lines(text, lo, hi):
            if not _is_code(line):
                after.append(line)
                size += len(line) + 1
                if size >= CONTEXT_AFTER:
                    return after
        lo = hi
    return after


def _lines(text: str, lo: int, hi: int) -> list[str]:
    """The non-blank lines of ``text[lo:hi]``, stripped, without :data:`HEADLINE_MARK`
    (``_LINE.findall``, but split, strip and filter all run in C: faster on
    ``text()``'s many blank lines)."""
    piece = text[lo:hi].replace(HEADLINE_MARK, "")
    return list(filter(None, map(str.strip, piece.split("\n"))))


def _sample(lines: list[str]) -> str:
    """The prose lines joined, up to ``SAMPLE_CHARS`` (later lines are not looked at)."""
    prose: list[str] = []
    size = 0
    for line in lines:
        if len(line) >= PROSE_LINE and not _is_script(line):
            prose.append(line)
            size += len(line) + 1
            if size > SAMPLE_CHARS:
                break
    return " ".join(prose)[:SAMPLE_CHARS]


def _lines_before(text: str, anchor: int) -> list[str]:
    """The visible lines that end before the headline, up to ``CONTEXT_BEFORE`` characters;
    a short stretch is read first (menus above the headline fill it quickly)."""
    for reach in (CONTEXT_BEFORE * 2, CONTEXT_SCAN_BEFORE):
        lo = max(0, anchor - reach)
        if lo:
            lo = text.find("\n", lo, anchor) + 1 or anchor
        lines = [ln for ln in _lines(text, lo, anchor) if not _is_code(ln)]
        size = 0
        for kept, line in enumerate(reversed(lines), 1):
            size += len(line) + 1
            if size >= CONTEXT_BEFORE:
                return lines[-kept:]
        if lo == 0:
            break
    return lines


def _dates(p: _Page) -> tuple[str | None, str | None]:
    published, modified, unmarked = machine_dates(p.meta)
    if unmarked is not None and p.at >= 0 and not _shown_near(unmarked, p.context):
        published = []  # a sidebar's or a ticker's <time>, not the dateline's
    seen = seen_dates(p.context, p.at) if p.at >= 0 else []
    dates = decide(published, modified, seen, p.url)
    return dates.published, dates.modified


def _shown_near(node: Any, context: str) -> bool:
    """Is the element's text among the lines around the headline (or has it none)?"""
    text = squash(node.text_lexbor())
    return not text or text in context


#: Byline elements further than this from the headline (in page-text characters)
#: belong to other stories, comments or author boxes.
BYLINE_REACH_BEFORE, BYLINE_REACH_AFTER = 600, 2500
#: Author boxes at the end of the article: trusted only when the metadata agrees.
BYLINE_FAR = 10_000


def _authors(p: _Page) -> list[str]:
    declared = meta_authors(p.meta, p.sites)
    visible: list[tuple[int, list[str], str]] = []
    if p.anchor >= 0:
        lo = max(0, p.anchor - BYLINE_REACH_BEFORE)
        hi = p.anchor + (BYLINE_FAR if declared else BYLINE_REACH_AFTER)
        article = -1  # the headline's article item, looked up once when needed
        for raw, node in byline_texts(p.meta):
            first = squash(raw.split("\n", 1)[0]) or squash(raw)
            pos = p.text.find(raw.strip()[:30], lo, hi)
            if pos >= 0 and pos - p.anchor <= BYLINE_REACH_AFTER:
                visible.append((abs(pos - p.anchor), clean_byline(raw, p.sites), first))
                continue
            if article == -1:
                article = article_item(p.node) if p.node is not None else None
            trusted = article is not None and is_article_credit(node, article)
            if pos < 0 and not trusted:
                continue
            names = clean_byline(raw, p.sites)
            if names and (any(n in declared for n in names) or (trusted and not declared)):
                distance = abs(pos - p.anchor) if pos >= 0 else BYLINE_FAR
                visible.append((BYLINE_FAR + distance, names, first))
    if not visible and p.at >= 0:
        lines = p.context[p.at:p.at + BYLINE_REACH_AFTER].split("\n")[1:]
        names = text_bylines(lines, p.sites)
        if names:
            visible.append((0, names, ""))
    return choose_authors(visible, declared)


def _tags(page: PageMeta) -> list[str]:
    tags = page.all("article:tag", "og:article:tag")
    if not tags:
        keywords = page.first("keywords", "news_keywords")
        if keywords:
            tags = [k for k in (squash(x) for x in keywords.split(",")) if k]
    if not tags:
        tags = [t for v in ld_strings((page.article or {}).get("keywords")) for t in v.split(",")]
    out: list[str] = []
    for tag in (squash(t) for t in tags):
        if tag and tag not in out:
            out.append(tag)
    return out[:50]


#: Sample of article text for language identification (characters after the headline).
SAMPLE_CHARS = 1500
#: A line this long is prose, not a menu item or a label.
PROSE_LINE = 60
#: Script text shows up in ``text()``: lines with code punctuation (or ``":``) are not
#: prose.  Plain ``in`` tests: a regex search for a character class tries every position.


def _is_script(line: str) -> bool:
    return ('":' in line or "=" in line or "{" in line or "}" in line or ";" in line
            or "<" in line or ">" in line)


EXTRACTOR = Extractor(
    name="html-header",
    block="header",
    formats=frozenset({"html"}),
    extract=extract_header,
    priority=50,
)
