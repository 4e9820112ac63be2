"""Related-item lists of a text dump ("Related", "Most read", "Leggi anche", ...).

A dump keeps a recommendation block as a heading line followed by one
headline a line, sometimes with a meta line per item ("Arab | 3 Feb, 2025"
above it, or a date below it).  This extractor only reads lists under a
heading from :data:`HEADINGS`: an unheaded run of short lines is a menu,
and menus are never related items.  A list ends at the next heading, a
paragraph of prose, a footer line, or a run of lines that are not items.

Inline one-line links ("Read also: Title", "Leggi anche: Title") between
paragraphs are read too.  ``url`` is always ``None`` in text mode.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.record import RelatedItem
from newsx.related_vocab import INLINE_FIRST_WORDS, INLINE_LABEL
from newsx.textdump import DumpLine

# --------------------------------------------------------------------------- tables

#: Headings that open a related / recommended list, as regexes over the whole
#: casefolded line (trailing ":", "…", "..." and arrows removed first).
HEADINGS: tuple[str, ...] = (
    # English
    r"related(?: news| articles?| stories| posts?| content| coverage| reading| links| videos?)?",
    r"(?:you )?(?:may|might) (?:also )?(?:like|enjoy|be interested in)",
    r"read (?:more|also|next|this next|this)", r"also read", r"see also", r"further reading",
    r"more (?:stories|news|articles|headlines|videos|to explore|like this)",
    r"more (?:from|on|in|about) .{2,40}", r"more .{2,30} (?:news|stories)",
    r"most (?:read|popular|viewed|shared|watched|commented|recent)(?: .{2,30})?",
    r"popular(?: articles| posts| stories| now| today| news| in .{2,30})?",
    r"recommended(?: for you| stories| articles| reading| videos)?",
    r"trending(?: now| stories| news| articles| videos)?(?: on .{2,30})?",
    r"latest(?: .{2,25})?", r"recent(?: posts| articles| stories| news)?",
    r"top (?:stories|news|videos|headlines)(?: in .{2,30})?",
    r"(?:don'?t|do not) miss", r"next up(?: in .{2,30})?", r"up next", r"what to read next",
    r"editor'?s? (?:picks|choice)", r"featured(?: stories| articles| posts)?", r"explore further",
    r"other (?:stories|news|articles)", r"related stories", r"in case you missed it",
    # Portuguese, Spanish, Italian, French, German, Dutch
    r"leia (?:também|mais)", r"veja também", r"mais lidas?", r"notícias relacionadas",
    r"relacionad[oa]s", r"lee también", r"te puede interesar", r"más leídas?", r"lo más visto",
    r"leggi anche", r"potrebbe interessarti", r"articoli correlati", r"i più letti",
    r"lire aussi", r"à lire aussi", r"sur le même sujet", r"les plus lus", r"voir aussi",
    r"lesen sie auch", r"mehr zum thema", r"das könnte sie auch interessieren", r"meistgelesen",
    r"ähnliche artikel", r"lees ook", r"meest gelezen",
    # Russian, Indonesian, Japanese, Korean, Chinese
    r"читайте также", r"по теме", r"самое читаемое", r"популярное", r"похожие статьи",
    r"смотрите также", r"baca juga", r"berita terkait", r"artikel terkait", r"terpopuler",
    r"関連記事", r"人気記事", r"おすすめ記事", r"こちらもおすすめ", r"관련기사", r"관련 기사",
    r"많이 본 뉴스", r"相关新闻", r"相关文章", r"热门文章",
)
#: First words of the headings above (casefolded): a cheap test run on every
#: line before the heading regex.  ``tests/test_text_related.py`` checks that
#: every heading pattern's examples pass it.
HEADING_FIRST_WORDS: frozenset[str] = frozenset(
    [
        "related", "you", "may", "might", "read", "also", "see", "further", "more", "most",
        "popular", "recommended", "trending", "latest", "recent", "top", "don't", "dont", "do",
        "next", "up", "what", "editor's", "editors", "editor", "featured", "explore", "other", "in",
        "leia", "veja", "mais", "notícias", "relacionados", "relacionadas", "lee", "te", "más",
        "lo", "leggi", "potrebbe", "articoli", "i", "lire", "à", "sur", "les", "voir", "lesen",
        "mehr", "das", "meistgelesen", "ähnliche", "lees", "meest", "читайте", "по", "самое",
        "популярное", "похожие", "смотрите", "baca", "berita", "artikel", "terpopuler",
    ]
)
#: Lines that end a list: footers, comment and share furniture (casefolded, whole line;
#: a set, because this test runs on every line of every list).
END_LINES: frozenset[str] = frozenset(
    {
        "comment", "comments", "leave a comment", "leave a reply", "share", "share this",
        "share this story", "share this article", "share story", "share article", "tag", "tags",
        "filed under", "about us", "about the author", "contact", "contact us", "advertisement",
        "newsletter", "sign up", "subscribe", "footer", "privacy policy", "terms of use",
        "terms of service", "follow us", "show more", "load more", "see all", "view all", "more",
        "all news", "previous", "previous article", "previous post", "next", "next article",
        "next post",
    }
)
_COMMENT_COUNT = re.compile(r"\d+ comments?")
#: A footer or legal line anywhere in it ends a list.
_FOOTER_SIGNS: tuple[str, ...] = (
    "©", "copyright", "all rights reserved", "cookie", "privacy policy",
)

_FIRST_WORDS = HEADING_FIRST_WORDS | INLINE_FIRST_WORDS
#: What may follow a first word shorter than three characters ("" = the line's end).
_WORD_ENDS = ("", " ", ":", "：")
#: Any third character (a one-character first word is decided by its second).
_ANY: frozenset[str] = frozenset()


def _prefix_table(words: frozenset[str]) -> dict[str, dict[str, frozenset[str]]]:
    """{first character: {second: third characters}} of ``words``, in both cases.

    Indexing a line's first three characters costs no allocation (a slice
    and ``lower()`` would), and two dictionary misses end most lines' test.
    """
    table: dict[str, dict[str, set[str] | frozenset[str]]] = {}
    for w in words:
        for first in {w[0], w[0].upper()}:
            seconds = table.setdefault(first, {})
            if len(w) == 1:
                seconds.update(dict.fromkeys(_WORD_ENDS, _ANY))
                continue
            for second in {w[1], w[1].upper()}:
                thirds = seconds.setdefault(second, set())
                if thirds is not _ANY:
                    thirds.update(_WORD_ENDS if len(w) == 2 else {w[2], w[2].upper()})
    return {
        a: {b: v if v is _ANY else frozenset(v) for b, v in seconds.items()}
        for a, seconds in table.items()
    }


_PREFIXES = _prefix_table(_FIRST_WORDS)
_HEADING = re.compile(r"(?:" + "|".join(HEADINGS) + r")")
_HEADING_TRIM = re.compile(r"[\s:：.…»›>→|-]+$")
#: Inline "Read also: Title" between paragraphs (labels shared with the HTML extractors).
_INLINE = re.compile(rf"(?i)^(?:{INLINE_LABEL})\s*[:：–—-]\s*(?P<title>\S.{{10,200}})$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_DIGIT = re.compile(r"\d")
#: "Section | date" meta line of an item.
_META_PIPE = re.compile(r"^(?P<section>[^|\d]{2,40}?)\s*\|\s*(?P<date>.*\d.*)$")
#: Counters, slide numbers, "1 of 3", stray booleans: skipped silently.
_NOISE = re.compile(r"(?i)^(?:\d{1,3}(?:[.,]\d)?k?|\d+ of \d+|false|true|[^\w]{1,3})$")
_RELATIVE = re.compile(r"(?i)^\d{1,2}\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago$")
#: Interface phrases that look like headlines by shape.
_UI = re.compile(
    r"(?:sign up|subscribe|follow|find us|connect with|loading|never miss|scroll|see full"
    r"|see all|get (?:daily|the|our)|listen to|click|download|view (?:all|more)|watch live"
    r"|join|enter your|please|back to|share|tap|skip|previous|next (?:article|post)|provided by"
    r"|about our)\b"
)
#: A teaser ends a sentence; a headline cut short ends in an ellipsis.
_CLOSERS = "\"'”’)»"
#: A clock time glued before a headline ("14:48In Footsteps of ...").
_LEAD_TIME = re.compile(r"^\d{1,2}:\d\d\s*(?=\S)")
#: "Name • Nov 18", "Name Monday 10:00PM": an item's author-and-time line.
_BYLINE_META = re.compile(
    r"(?i)^[^\d]{2,30}(?:•|·|\|)?\s*(?:\d|mon|tue|wed|thu|fri|sat|sun|yesterday|today)"
)
_SENTENCE = re.compile(r"[a-z\u00e0-\u024f\u0430-\u044f][.!?]\s+[A-Z\u0410-\u042f]")

# Tuned on the development dumps:
#: Lines of a list that are neither item nor meta before the list is over.
_MAX_GAP = 2
#: Items taken from one list at most (a longer run is a link farm).
_MAX_ITEMS = 30
#: A list whose items average fewer words than this is a menu of topics.
_MIN_MEAN_WORDS = 3.5
#: An item longer than this is a teaser paragraph, not a headline.
_MAX_ITEM_CHARS = 200


def _first_word(text: str) -> str:
    return text[:24].split(None, 1)[0].rstrip(":：").casefold() if text else ""


def _is_heading(text: str, folded: str | None = None) -> bool:
    """The line opens a related list (``folded``: the line casefolded, if at hand)."""
    if len(text) > 60 or not text:
        return False
    if (text.isascii() or not _CJK.match(text)) and _first_word(text) not in HEADING_FIRST_WORDS:
        return False
    key = _HEADING_TRIM.sub("", text.casefold() if folded is None else folded)
    return bool(key) and _HEADING.fullmatch(key) is not None


def _is_end(folded: str) -> bool:
    """The (casefolded) line ends a list: a footer, comment or share line."""
    for sign in _FOOTER_SIGNS:
        if sign in folded:
            return True
    if len(folded) > 44:
        return False
    key = _HEADING_TRIM.sub("", folded)
    return key in END_LINES or (key[:1].isdigit() and _COMMENT_COUNT.fullmatch(key) is not None)


def _words(text: str) -> int:
    if _CJK.search(text[:20]):
        return max(1, len(text) // 3)
    return text.count(" ") + 1


def _is_item(text: str, words: int | None = None) -> bool:
    """A headline of a listed article (by shape); ``words``: its :func:`_words`, if known."""
    n = len(text)
    if n < 12 or n > _MAX_ITEM_CHARS or "://" in text or "www." in text:
        return False
    if words is None:
        words = _words(text)
    if words < 3 or words > 30:
        return False
    if ("." in text or "?" in text or "!" in text) and len(_SENTENCE.findall(text)) >= 2:
        return False  # two sentences: a teaser, not a headline
    return not _NOISE.match(text)


def _ends_sentence(text: str) -> bool:
    """Ends a sentence (a teaser), not with an ellipsis (a headline cut short)."""
    last = text[-1:]
    if last in _CLOSERS and len(text) > 1:
        text = text[:-1]
        last = text[-1:]
    return last in (".", "!", "?") and not text.endswith("..")


def _meta(text: str) -> tuple[str | None, str | None] | None:
    """(section, published) when the line is an item's meta line, else ``None``."""
    if len(text) > 60 or not _DIGIT.search(text):
        return None
    from newsx import dates

    if _RELATIVE.match(text):
        return None, None
    m = _META_PIPE.match(text)
    if m:
        found = dates.search_date(m.group("date"))
        if found:
            return m.group("section").strip(), found.iso
    found = dates.search_date(text)
    if found and len(text) - (found.end - found.start) <= 12:
        return None, found.iso
    return None


def _read_list(
    lines: list[str], start: int, own_title: str | None
) -> tuple[list[RelatedItem], int]:
    """Items of the list whose first line is ``lines[start]``; also where it ended.

    Besides items and their meta lines a list may hold a teaser after each
    item and a kicker before each item; a kicker-like short line in a list
    that opened without one is the next block's heading and ends the list.
    """
    items: list[RelatedItem] = []
    pending: tuple[str | None, str | None] | None = None
    meta_first: bool | None = None
    kickers = False
    gap = 0
    last = ""  # "item", "teaser", "meta", "other"
    j = start
    while j < len(lines) and len(items) < _MAX_ITEMS:
        text = lines[j]
        folded = text.casefold()
        if _is_heading(text, folded) or _is_end(folded):
            break
        kind, meta = _kind(text, folded)
        if meta is not None:
            if meta_first is None:
                meta_first = not items
            if meta_first:
                pending = meta
            elif items and items[-1].published is None:
                prev = items[-1]
                items[-1] = RelatedItem(prev.title, None, meta[0] or prev.section, meta[1])
            gap = 0
        elif kind == "noise":
            pass
        elif kind == "teaser":
            if last != "item":
                break  # a paragraph: the list is over (or never was)
        elif kind == "item":
            if text[:1].isdigit():  # "14:48In Footsteps of ...": the time goes
                text = _LEAD_TIME.sub("", text)
                folded = text.casefold()
            if meta_first is None:
                meta_first = False
            section, published = pending or (None, None)
            if own_title is None or folded != own_title:
                items.append(RelatedItem(text, None, section, published))
            pending = None
            gap = 0
        else:
            if not items and last == "":
                kickers = True
            elif items and not kickers:
                break
            gap += 1
            if gap > _MAX_GAP or len(text) > _MAX_ITEM_CHARS:
                break
        last = kind
        j += 1
    return items, j


def _kind(text: str, folded: str) -> tuple[str, tuple[str | None, str | None] | None]:
    """What a line inside a list is (item, meta, teaser, noise or other), and for a
    meta line its (section, published); ``folded`` is the line casefolded."""
    if len(text) <= 24 and (_NOISE.match(text) or _RELATIVE.match(text)):
        return "noise", None
    meta = _meta(text)
    if meta is not None:
        return "meta", meta
    if len(text) <= 45 and _BYLINE_META.match(text) and _DIGIT.search(text):
        return "noise", None
    words = _words(text)
    if words <= 6 and text.isupper():
        return "other", None  # an upper-case kicker above a teaser
    if len(text) > _MAX_ITEM_CHARS:
        return "teaser", None
    if _UI.match(folded):
        return "other", None
    # A teaser is a whole sentence; a headline rarely ends with a full stop.
    if words >= 12 and _ends_sentence(text):
        return "teaser", None
    return ("item" if _is_item(text, words) else "other"), None


def _menu_like(items: list[RelatedItem]) -> bool:
    """Short topic links (a menu or a tag strip), not headlines."""
    if not items:
        return True
    return sum(_words(i.title) for i in items) / len(items) < _MIN_MEAN_WORDS


def _candidate_lines(lines: list[str]) -> list[int]:
    """Indices of lines that may be a heading or an inline link.

    The test looks up the first three characters in :data:`_PREFIXES` (or
    sees a CJK first character), then the first word, so the regexes only
    ever see a few lines per dump; it runs on every line of every dump.
    """
    maybe: list[int] = []
    prefixes = _PREFIXES
    for i, text in enumerate(lines):
        n = len(text)
        if not n:
            continue
        first = text[0]
        seconds = prefixes.get(first)
        if seconds is None:
            if first >= "\u3040" and _CJK.match(first):
                maybe.append(i)
            continue
        thirds = seconds.get(text[1] if n > 1 else "")
        if thirds is not None and (thirds is _ANY or (text[2] if n > 2 else "") in thirds):
            maybe.append(i)
    return [
        i for i in maybe
        if len(lines[i]) <= 240 and (_first_word(lines[i]) in _FIRST_WORDS or _CJK.match(lines[i]))
    ]


def _line_texts(lines: Sequence[DumpLine]) -> list[str]:
    """The lines' texts: the splitter's own column when it keeps one (read-only!)."""
    texts = getattr(lines, "texts", None)
    return texts if isinstance(texts, list) else [line.text for line in lines]


def extract_related(doc: Document, ctx: Context) -> list[RelatedItem] | None:
    """Related items under recommendation headings, in page order, each once."""
    lines = _line_texts(doc.lines)
    own = ctx.header.title.casefold() if ctx.header and ctx.header.title else None
    out: list[RelatedItem] = []
    seen: set[str] = set()
    done = 0  # lines before this one were already read as part of a list
    for j in _candidate_lines(lines):
        if j < done:
            continue
        text = lines[j]
        found: list[RelatedItem] = []
        if _is_heading(text):
            found, done = _read_list(lines, j + 1, own)
            if _menu_like(found):
                found = []
        elif len(text) <= 240 and (_first_word(text) in INLINE_FIRST_WORDS or _CJK.match(text)):
            m = _INLINE.match(text)
            if m and _is_item(m.group("title")):
                found = [RelatedItem(m.group("title").strip())]
        for item in found:
            key = item.title.casefold()
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out or None


EXTRACTOR = Extractor(
    name="text-related",
    block="related",
    formats=frozenset({"text"}),
    extract=extract_related,
    priority=50,
)
