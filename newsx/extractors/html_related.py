"""Related, recommended and "read more" items of an HTML page.

A related item is a link to another article inside a block that recommends
articles ("Related", "More from X", "Most read", "You may also like", 関連記事,
an inline "Read also:" line ...).  Blocks are found two ways:

* by a short heading or label from :data:`LABEL_RE`, whose following
  siblings (or its wrapper's) hold the list;
* by class vocabulary (:data:`BLOCK_TOKENS`), e.g. ``related-posts``;
* by a labelled tab (``<a href="#pane">Most Read</a>``) naming its panel.

Blocks inside navigation, footers of the site, tag lists, share bars, paid
widgets or hidden (``hide``) containers are skipped (:data:`NEGATIVE_PARTS`).
From each block, links whose URL looks like an article and whose text looks
like a headline become :class:`~newsx.record.RelatedItem` values, with the
headline taken from the title element of the teaser card (not the kicker,
rank number or date).  Not done here: the page's body links, ticker items
(``html_ticker``), and anything that needs scripts to fill.

The tree is only read, never changed, and never walked recursively: all
searches are selectolax ``css()`` calls plus bounded parent/sibling steps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from newsx.dates import parse_date, parse_iso, search_date
from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.record import RelatedItem

# --- vocabulary --------------------------------------------------------------

# Headings/labels that open a recommendation block.  Matched against the whole
# (short) label text, case-folded; a trailing ":" / "..." is allowed.
LABEL_RE = re.compile(
    r"^(?:"
    r"related(?: (?:stories|articles|posts?|news|content|reading|coverage|links?|videos?))?"
    r"|more (?:on|from|in|about|stories|news|articles|videos|like this|to read)\b.*"
    r"|(?:read|see|watch) (?:also|more|next|this next)\b.*|also read|also|see also|also see"
    r"|you (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested(?: in)?)"
    r"|(?:we )?recommend(?:ed|s)?(?: (?:for you|stories|articles|reading|videos))?"
    r"|don'?t miss|must read|editor'?s? (?:picks?|choice)"
    r"|most (?:popular|read|viewed|watched|shared|recent|emailed)\b.*"
    r"|(?:popular|trending|latest|recent|top|featured)"
    r"(?: (?:now|today|news|stories|posts|articles|videos?|discussions|headlines|in\b.*|"
    r"from\b.*|on\b.*))*"
    r"|(?:latest|top|recent) \w+(?: news)?|next up\b.*|up next|what to read next"
    r"|leia (?:também|mais)|veja (?:também|mais)|mais lidas?|leggi anche|potrebbe interessarti"
    r"|articoli correlati|i più letti|lesen sie auch|mehr zum thema|meistgelesen"
    r"|auch interessant|читайте также|по теме|самое популярное|лучшее за неделю"
    r"|lire aussi|à lire aussi|sur le même sujet|les plus lus|lee también|te puede interesar"
    r"|lo más leído|noticias relacionadas|baca juga|berita terkait|terpopuler"
    r"|関連記事|関連ニュース|人気記事|おすすめ記事|こちらの記事も.*|관련기사|관련 기사|많이 본 뉴스"
    r")\s*[:.…]*$"
)

# Labels that look like the above but head tag lists, menus or ads.
NOT_LABEL_RE = re.compile(
    r"\b(?:topics?|tags?|categories|keywords|searches|sponsored|partners?|promoted|paid|"
    r"around the web|newsletters?|podcasts?|authors?|comments?)\b"
)

# Inline labels that open a one-line "Read also: <link>" between paragraphs.
INLINE_RE = re.compile(
    r"^\s*(?:related(?: (?:post|article|story|content|reading))?|read (?:also|more|next)|also read"
    r"|see also|also|more|leggi anche(?: su)?|leia também|veja também|lesen sie auch"
    r"|читайте также|lire aussi|à lire aussi|lee también|baca juga)\s*[:\-–—]",
    re.IGNORECASE,
)

# Class substrings of recommendation blocks.
BLOCK_TOKENS: tuple[str, ...] = (
    "related", "recommend", "more-on", "moreon", "more-from", "morefrom", "more-stories",
    "more-news", "morenews", "most-popular", "mostpopular", "most-read", "mostread",
    "most-viewed", "mostviewed", "most-watched", "popular-posts", "popular-news",
    "trending", "read-more-links", "also-read", "alsoread", "see-also", "read-next",
    "readnext", "up-next", "upnext", "next-up", "recirc", "story-alsos", "top-stories",
    "yarpp", "you-may-like", "youmaylike", "dont-miss",
)

# Breaking-news / ticker boxes: a ticker above the headline, a related list below it.
TICKER_TOKENS: tuple[str, ...] = (
    "ticker", "breaking", "marquee", "newsflash", "news-flash", "headline-scroll",
    "news-scroll",
)


def _trie_pattern(words) -> str:
    """An alternation of ``words`` factored by prefix: far faster to search than a flat one."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict) -> str:
    if "" in node and len(node) == 1:
        return ""
    alts = [re.escape(ch) + _trie_node(sub) for ch, sub in sorted(node.items()) if ch]
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


TICKER_RE = re.compile(_trie_pattern(TICKER_TOKENS))
CSS_IDENT_RE = re.compile(r"-?[A-Za-z_][\w-]*")  # a class token usable as ``.token``
# Class words of elements that may hold a block's label ("ListD-header-title").
LABEL_CLASS_RE = re.compile(
    r"(?:head|widget|block|module|section|box|side|rail|list|tab|group|panel)[\w-]*title"
    r"|heading|label"
)
# One prefix-factored regex over all class words (block, ticker, label) is ~2x
# faster than one pass per list; the matched word tells its kind.
BLOCK, TICKER, LABEL = "block", "ticker", "label"
CLASS_WORD_KIND: dict[str, str] = {
    **dict.fromkeys(BLOCK_TOKENS, BLOCK),
    **dict.fromkeys(TICKER_TOKENS, TICKER),
    **dict.fromkeys(("title", "heading", "label"), LABEL),
}
CLASS_WORDS_RE = re.compile(_trie_pattern(CLASS_WORD_KIND))
CONTAINER_TAGS = frozenset({"div", "ul", "ol", "li", "p", "section", "article", "aside", "table"})
# Labels, inline "Read also:" paragraphs and tab links, fetched in one query.
LABEL_QUERY = "h2, h3, h4, h5, h6, strong, b, dt, p, a[href^='#']"
TAB_ID_RE = re.compile(r"[\w-]{1,80}")

# Class words of blocks (or their ancestors) that are never related lists:
# a word counts when it is a dash/underscore-separated part of a class token.
NEGATIVE_PARTS = frozenset({
    "nav", "navbar", "navigation", "menu", "submenu", "megamenu", "breadcrumb", "breadcrumbs",
    "tags", "tagcloud", "topics", "keywords", "share", "sharing", "social", "taboola",
    "outbrain", "zergnet", "revcontent", "sponsored", "sponsor", "promoted", "paid", "advert",
    "advertisement", "dfp", "comment", "comments", "pagination", "pager", "newsletter",
    "subscribe", "signup", "masthead", "cookie", "skip", "footer", "sibling", "siblings",
    "topnav", "subnav", "sitenav", "mainnav", "navlinks", "dropdown",
    "prev", "previous",
})
# ... and these only as a whole class token ("hide", not "hide-mobile" or "hide4").
NEGATIVE_TOKENS = frozenset({
    "hide", "hidden", "is-hidden", "visually-hidden", "sr-only", "ad", "ads",
    "site-footer", "site-header", "author-bio", "native-ad", "tag-list", "tag-cloud",
})
# ... and these anywhere in a class value ("nativeAdAsidePlaceholder").
NEGATIVE_SUBSTRINGS: tuple[str, ...] = (
    "nativead", "native-ad", "taboola", "outbrain", "sponsor", "advert", "promoted",
)
# "trending-bar", "topics-strip": a one-line strip of topic links under the masthead,
# which is navigation ("tab-bar" is a tab list, not a strip).
STRIP_SUFFIXES: tuple[str, ...] = ("-bar", "_bar", "-strip", "_strip", "-ribbon")
# Taxonomy classes that WordPress & co. put on articles ("tag-social-media"): their
# slug is content, not layout, so its words are not read.
# "has-section-nav" describes what a box holds, not the box: state prefixes skipped too.
TAXONOMY_PREFIXES: tuple[str, ...] = (
    "category-", "tag-", "post_tag-", "author-", "topic-", "has-", "with-", "no-",
)
_PARTS = re.compile(r"[-_]+")
# Any negative word anywhere: a cheap first test before the token-by-token rules.
NEGATIVE_HINT_RE = re.compile(
    _trie_pattern(
        {*NEGATIVE_PARTS, *NEGATIVE_TOKENS, *NEGATIVE_SUBSTRINGS, *(s[1:] for s in STRIP_SUFFIXES)}
    )
)
# Their classes list the article's taxonomy ("topics-alibaba"), not layout: not read.
CONTENT_TAGS = frozenset({"article", "main"})
NEGATIVE_TAGS = frozenset({"nav", "form", "select", "button", "template", "noscript", "script"})
# Ancestor levels checked for negative words: enough for widget > list > card.
NEGATIVE_DEPTH = 12

# Paths that are section, tag, author or service pages rather than articles.
NON_ARTICLE_PATH_RE = re.compile(
    r"/(?:tags?|topics?|authors?|category|categories|section|sections|search|user|users|"
    r"profile|login|signin|register|subscribe|subscription|newsletters?|about|about-us|contact|"
    r"privacy|terms|feed|rss|shop|store|account|careers|jobs|help|faq)(?:/|$|\.)"
    r"|\.(?:jpe?g|png|gif|pdf|mp3|zip|css|js)$",
    re.IGNORECASE,
)
# Query parameters that only track the click (WSJ ``?mod=``, ``utm_*``).
TRACKING_PARAM_RE = re.compile(
    r"(?:utm_\w+|mod|ref|refer|src|source|cmp|cmpid|ito|itm_\w+|ns_\w+|ocid|fbclid|gclid|"
    r"ftag|intcmp|trk|from|via|pos|position)=",
    re.IGNORECASE,
)
# An article address names one story: some path segment carries an id (3+ digits),
# a slug of 3+ words, or a page extension; or the query carries an id.  All 482
# related URLs of the development truth pass; section, tag and service pages
# ("/sports/high_school/scoreboard/") mostly do not.
ARTICLE_ID_RE = re.compile(r"\d{3}")
PAGE_EXT_RE = re.compile(r"\.(?:s?html?|php|aspx?|jsp|cms)(?:$|/)", re.IGNORECASE)
SLUG_MIN_SEPARATORS = 2  # "three-word-slug"
# rel= words of affiliate, paid and user links, never an editorial recommendation.
PAID_REL_RE = re.compile(r"\b(?:nofollow|sponsored|ugc)\b", re.IGNORECASE)
SOCIAL_HOST_RE = re.compile(
    r"(?:^|\.)(?:facebook|twitter|x|linkedin|pinterest|reddit|whatsapp|instagram|tumblr|"
    r"telegram|vk|ok|flipboard|plus\.google|youtube|t)\.(?:com|me|co|ru)$"
)

# Descendants of a teaser link that are not its headline.
NOISE_SELECTOR = (
    "time, [class*=date i], [class*=time i], [class*=byline i], [class*=author i], "
    "[class*=kicker i], [class*=eyebrow i], [class*=label i], [class*=rank i], "
    "[class*=number i], [class*=count i], [class*=cta i], [class*=category i], "
    "[class*=section i], [class*=comment i], [class*=sr-only i], [class*=visually-hidden i], "
    "[class*=blurb i], [class*=excerpt i], [class*=summary i], [class*=dek i], "
    "[class*=desc i], [class*=standfirst i], [class*=teaser-text i], [class*=teasertext i]"
)
TITLE_SELECTOR = (
    "h1, h2, h3, h4, h5, h6, [class*=title i], [class*=headline i], [class*=heading i], "
    "[class*=hed i]"
)
SECTION_SELECTOR = "[class*=section i], [class*=category i]"
DATE_SELECTOR = "time, [class*=date i], [class*=time i], [class*=ago i]"

HEADLINE_TAGS = frozenset({"h1", "h2"})  # where the article's own headline may sit
MAX_LABEL_CHARS = 60  # longer texts are sentences, not block labels
MAX_BLOCK_LINKS = 80  # a "block" with more links is a page wrapper or a site index
MIN_BLOCK_ITEMS = 2  # one headline link alone under a class-matched box is too weak
MAX_SIBLINGS = 15  # siblings read after a label before giving up
MAX_LABEL_CLIMB = 3  # wrapper levels climbed from a label to reach its list
MAX_CARD_CLIMB = 3  # levels climbed from a link to its teaser card
MAX_CARD_LINKS = 6  # image, headline, section and comment links of one teaser
MIN_WORDS = 3  # a headline has at least this many words ...
MIN_CJK_CHARS = 6  # ... or this many CJK characters
QUICK_MIN_CHARS = 6  # shorter link text cannot hold a headline (checked before anything else)
MAX_TITLE_CHARS = 300
# A paragraph of links (a "Don't miss" list) has little text outside its links.
MAX_UNLINKED_CHARS = 40
MAX_UNLINKED_SHARE = 0.3

_WS = re.compile(r"\s+")
_CODE_HINT = re.compile(r"[<{}]|srcset=")
INVISIBLE_SELECTOR = "script, style, noscript, template"
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "link", "meta"})
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_RANK = re.compile(r"^\s*(?:#?\d{1,2}[.)]|\d{1,2}\s*[|–—-])\s+")
KICKER_MAX_WORDS = 4  # a kicker is a short label ...
KICKER_REST_RATIO = 3  # ... under which the headline runs at least 3x as long


@dataclass(frozen=True)
class _Block:
    """A candidate recommendation block: the nodes holding its links."""

    nodes: tuple
    inline: bool = False  # one-line "Read also:" block: a single link suffices


# --- helpers -----------------------------------------------------------------


def _clean(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _text(node) -> str:
    """Visible text: template/script contents (``<source srcset=...>``) removed."""
    text = node.text(deep=True, separator=" ", strip=False)
    if _CODE_HINT.search(text):
        for junk in node.css(INVISIBLE_SELECTOR):
            part = junk.text(deep=True, separator=" ", strip=False)
            if part:
                text = text.replace(part, " ", 1)
    return _clean(text)


def _negative_attrs(node, strips: bool = True) -> bool:
    """Class words (or the whole id) that mark navigation, ads, tags, hidden boxes.

    ``strips``: also reject one-line strips ("trending-bar"); a ticker is one.
    """
    attrs = node.attrs
    node_id = attrs.get("id")
    if node_id and (node_id.lower() in NEGATIVE_PARTS or node_id.lower() in NEGATIVE_TOKENS):
        return True
    classes = (attrs.get("class") or "").lower()
    if not NEGATIVE_HINT_RE.search(classes):  # most classes: no negative word at all
        return False
    if any(word in classes for word in NEGATIVE_SUBSTRINGS):
        return True
    for token in classes.split():
        if token in NEGATIVE_TOKENS:
            return True
        if token.startswith(TAXONOMY_PREFIXES):
            continue
        if strips and token.endswith(STRIP_SUFFIXES) and "tab" not in token:
            return True
        if any(p in NEGATIVE_PARTS for p in _PARTS.split(token)):
            return True
    return False


def _is_negative(node, memo: dict[int, bool] | None = None, strips: bool = True) -> bool:
    """True when ``node`` or one of its ``NEGATIVE_DEPTH`` nearest ancestors is
    navigation, ads, tags, hidden ...

    ``memo`` (mem_id -> that element's own verdict) lets the links of one list
    share their ancestors' checks; ``strips`` as in :func:`_negative_attrs`.
    """
    for _ in range(NEGATIVE_DEPTH):
        if node is None or not node.is_element_node or node.tag in ("body", "html"):
            return False
        key = node.mem_id
        own = memo.get(key) if memo is not None else None
        if own is None:
            own = _negative_element(node, strips)
            if memo is not None:
                memo[key] = own
        if own:
            return True
        node = node.parent
    return False


def _negative_element(node, strips: bool = True) -> bool:
    """The element itself (not its ancestors) is navigation, hidden, ads ..."""
    attrs = node.attrs
    return (
        node.tag in NEGATIVE_TAGS
        or "hidden" in attrs
        or (attrs.get("aria-hidden") == "true" and node.tag != "a")
        or (node.tag not in CONTENT_TAGS and _negative_attrs(node, strips))
    )


def _looks_like_headline(text: str) -> bool:
    if not text or len(text) > MAX_TITLE_CHARS:
        return False
    if len(_CJK.findall(text)) >= MIN_CJK_CHARS:
        return True
    return len(_WORD.findall(text)) >= MIN_WORDS


def _url_key(url: str) -> str:
    """host + path + non-tracking query: one key per article."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    query = "&".join(
        q for q in parts.query.split("&") if q and not TRACKING_PARAM_RE.match(q)
    )
    return f"{host}{path}?{query}" if query else host + path


def _article_url(href: str | None, base: str | None) -> str | None:
    """The absolute URL of ``href`` when it can be another article, else None."""
    if not href:
        return None
    href = href.strip()
    if href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    url = urljoin(base, href) if base else href
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", ""):
        return None
    if SOCIAL_HOST_RE.search(parts.netloc.lower()):
        return None
    path = parts.path or "/"
    if path == "/" and not parts.query:
        return None
    if NON_ARTICLE_PATH_RE.search(path) or parts.fragment in ("comments", "respond"):
        return None
    return url if _names_one_story(path, parts.query) else None


def _names_one_story(path: str, query: str) -> bool:
    """An id (3+ digits), a page extension, or a slug of 3+ words: see ARTICLE_ID_RE."""
    if ARTICLE_ID_RE.search(path) or ARTICLE_ID_RE.search(query) or PAGE_EXT_RE.search(path):
        return True
    return any(seg.count("-") + seg.count("_") >= SLUG_MIN_SEPARATORS for seg in path.split("/"))


def _head_value(tree, selector: str, attr: str) -> str | None:
    """An attribute of the first element matching ``selector``, looked up in ``<head>``
    first (a whole-tree ``css_first`` walks the page), then in the page (some
    pages put their ``<link rel=canonical>`` in the body)."""
    head = tree.head
    node = head.css_first(selector) if head is not None else None
    if node is None:
        node = tree.css_first(selector)
    return (node.attrs.get(attr) or None) if node is not None else None


def page_url(doc: Document, ctx: Context) -> str | None:
    """The page's own address: merged header, canonical link, og:url, input URL."""
    if ctx.header and ctx.header.url:
        return ctx.header.url
    tree = doc.tree
    return (
        _head_value(tree, "link[rel=canonical]", "href")
        or _head_value(tree, "meta[property='og:url']", "content")
        or doc.url
    )


# --- blocks ------------------------------------------------------------------


@dataclass
class _Scan:
    """What one pass over the page's class attributes found."""

    tree: object  # the tree scanned (kept so the one-entry cache cannot mistake a page)
    blocks: list  # outermost boxes with recommendation class words, document order
    labels: list  # elements whose class says title/heading/label: may label a block
    ticker_query: str  # css() query for headings + ticker boxes; "" when the page has none


_LAST_SCAN: list[_Scan] = []  # one entry: html-ticker and html-related share a page's scan


def _scan(doc: Document) -> _Scan:
    """Find boxes whose class names a recommendation block, at C speed where possible.

    Lexbor checks a ``[class*=x i]`` selector on every element, one selector
    at a time, so 40 words cost 40 passes.  Instead the class values of all
    classed elements are joined into one string (NUL-separated, lower-cased)
    and searched once with a prefix-factored regex; a match's NUL count gives
    back its element.
    """
    tree = doc.tree
    if _LAST_SCAN and _LAST_SCAN[0].tree is tree:
        return _LAST_SCAN[0]
    body = tree.body
    nodes = body.css("[class]") if body is not None else []
    joined = "\0".join([n.attrs.get("class") or "" for n in nodes]).lower()
    found = _matching(nodes, joined)
    blocks = [n for n, kind in found if kind is BLOCK and not _negative_attrs(n)]
    labels = [
        n for n, kind in found
        if kind is LABEL and LABEL_CLASS_RE.search((n.attrs.get("class") or "").lower())
    ]
    scan = _Scan(tree, _outermost(blocks), labels, _ticker_query(found))
    _LAST_SCAN[:] = [scan]
    return scan


def _ticker_query(found: list) -> str:
    """A query for h1/h2 plus the exact class tokens naming ticker boxes: class
    selectors cost one cheap walk, where ``[class*=ticker i]`` tests every element."""
    tokens: set[str] = set()
    for node, kind in found:
        if kind is TICKER:
            tokens.update(
                t for t in (node.attrs.get("class") or "").split()
                if TICKER_RE.search(t.lower()) and CSS_IDENT_RE.fullmatch(t)
            )
    if not tokens:
        return ""
    return ", ".join(["h1", "h2", *sorted(f".{t}" for t in tokens)])


def _matching(nodes: list, joined: str) -> list[tuple[object, str]]:
    """(node, kind) for each class value (a NUL-separated field of ``joined``)
    holding a vocabulary word; a node is listed once per kind."""
    out, seen, pos, index = [], set(), 0, 0
    for match in CLASS_WORDS_RE.finditer(joined):
        index += joined.count("\0", pos, match.start())
        pos = match.start()
        kind = CLASS_WORD_KIND[match.group()]
        if (index, kind) not in seen:
            seen.add((index, kind))
            out.append((nodes[index], kind))
    return out


def _ticker_boxes(doc: Document, title: str | None) -> tuple[list, list]:
    """Outermost ticker boxes before and after the article's headline.

    One ``css()`` call returns boxes and ``h1``/``h2`` in document order,
    which places each box above or below the headline without walking the tree.
    """
    body = doc.tree.body
    query = _scan(doc).ticker_query
    if body is None or not query:
        return [], []
    nodes = body.css(query)
    heads = [i for i, n in enumerate(nodes) if n.tag in HEADLINE_TAGS]
    head = _main_heading([nodes[i] for i in heads], title)
    if head is None:
        return [], []
    cut = heads[head]
    boxes = [(i, n) for i, n in enumerate(nodes) if n.tag not in HEADLINE_TAGS and _is_ticker(n)]
    outer = {n.mem_id for n in _outermost(n for _, n in boxes)}
    kept = [(i, n) for i, n in boxes if n.mem_id in outer and not _is_negative(n, strips=False)]
    return [n for i, n in kept if i < cut], [n for i, n in kept if i > cut]


def _is_label(node, text: str | None = None) -> bool:
    """A short heading or label text from :data:`LABEL_RE` ("Most Read", "関連記事").

    ``text``: the node's text when the caller already has it.
    """
    label = node.text(deep=True, separator=" ") if text is None else text
    if len(label) > MAX_LABEL_CHARS * 3:
        return False
    label = _clean(label).casefold()
    if not label or len(label) > MAX_LABEL_CHARS or not LABEL_RE.match(label):
        return False
    if NOT_LABEL_RE.search(label):
        return False
    return not any(child.tag in CONTAINER_TAGS for child in node.iter())  # holds no list


def _following(node) -> list:
    """Element siblings after ``node`` up to the next label or heading."""
    out = []
    sib = node.next
    while sib is not None and len(out) < MAX_SIBLINGS:
        if sib.is_element_node and sib.tag not in SKIPPED_TAGS:
            if (sib.tag == node.tag and sib.tag[:1] == "h") or _is_label(sib):
                break
            out.append(sib)
        sib = sib.next
    return out


def _label_block(label) -> _Block | None:
    """The nodes after a label that hold its links, climbing out of wrappers."""
    node = label
    for _ in range(MAX_LABEL_CLIMB + 1):
        sibs = _following(node)
        if any(s.tag == "a" or s.css_first("a[href]") is not None for s in sibs):
            return _Block(tuple(sibs))
        node = node.parent
        if node is None or node.tag in ("body", "html"):
            return None
    return None


def _blocks(doc: Document, title: str | None) -> Iterator[_Block]:
    """Candidate blocks: class vocabulary, ticker boxes below the headline, then
    labels, tab panels and inline "Read also:" lines, found in one ``css()`` walk
    (each query walks the whole tree, whatever it asks for)."""
    body = doc.tree.body
    if body is None:
        return
    scan = _scan(doc)
    for node in scan.blocks:
        yield _Block((node,))
    for node in _ticker_boxes(doc, title)[1]:
        yield _Block((node,))
    for node in scan.labels:
        yield from _label_blocks(node)
    for node in body.css(LABEL_QUERY):
        tag = node.tag
        if tag == "a":
            yield from _tab_panel(doc.tree, node)
        elif tag == "p":
            yield from _inline_blocks(node)
        else:
            yield from _label_blocks(node)


def _label_blocks(node) -> Iterator[_Block]:
    """A heading-like element: a block label, a "<b>Read also:</b>" inline label,
    or a heading that holds its own link ("<h3>Related post: <a>...</a></h3>")."""
    text = node.text(deep=True, separator=" ")
    if INLINE_RE.match(text):
        bold = node.tag in ("strong", "b") and node.parent is not None
        yield _Block((node.parent if bold else node,), inline=True)
        return
    if _is_label(node, text):
        block = _label_block(node)
        if block is not None:
            yield block


def _inline_blocks(node) -> Iterator[_Block]:
    """A paragraph opening "Read also: <a>", or a paragraph that is only a label."""
    lead = node.text(deep=False, strip=True)
    if not lead or len(lead) > MAX_TITLE_CHARS:
        return
    if INLINE_RE.match(lead):
        yield _Block((node,), inline=True)
    elif len(lead) <= MAX_LABEL_CHARS and _is_label(node):
        block = _label_block(node)
        if block is not None:
            yield block


def _tab_panel(tree, tab) -> Iterator[_Block]:
    """A tab panel named by a labelled tab link: ``<a href="#latest-tab">Latest</a>``."""
    target = (tab.attrs.get("href") or "")[1:]
    if target and TAB_ID_RE.fullmatch(target) and _is_label(tab):
        panel = tree.css_first(f'[id="{target}"]')
        if panel is not None:
            yield _Block((panel,))


def _outermost(nodes) -> list:
    """Drop nodes nested (within a few levels) in an earlier node of the list."""
    taken: set[int] = set()
    out = []
    for node in nodes:
        parent, inside = node.parent, False
        for _ in range(NEGATIVE_DEPTH):
            if parent is None:
                break
            if parent.mem_id in taken:
                inside = True
                break
            parent = parent.parent
        taken.add(node.mem_id)
        if not inside:
            out.append(node)
    return out


def _main_heading(nodes: list, title: str | None) -> int | None:
    """Index in ``nodes`` of the article's headline: the h1/h2 showing ``title``,
    else the first headline-like ``<h1>``."""
    want = _clean(title).casefold() if title else ""
    first = None
    for i, node in enumerate(nodes):
        text = _text(node).casefold()
        if not _looks_like_headline(text):
            continue
        if want and (want in text or text in want):
            return i
        if first is None and node.tag == "h1":
            first = i
    return first


def page_title(tree, ctx: Context | None) -> str | None:
    """The headline found so far, else ``og:title`` / ``<title>`` (site name included)."""
    if ctx is not None and ctx.header and ctx.header.title:
        return ctx.header.title
    title = _head_value(tree, "meta[property='og:title']", "content")
    if title:
        return title
    node = tree.head.css_first("title") if tree.head is not None else None
    return _text(node) if node is not None else None


def _is_ticker(node) -> bool:
    return TICKER_RE.search((node.attrs.get("class") or "").lower()) is not None


def tickers_above_headline(doc: Document, title: str | None) -> list:
    """Ticker / breaking-news boxes placed before the article's headline."""
    return _ticker_boxes(doc, title)[0]


# --- items -------------------------------------------------------------------


def _strip_noise(link, text: str) -> str:
    """``text`` without the link's dates, kickers, ranks, teasers ... (when a headline is left)."""
    for noise in link.css(NOISE_SELECTOR):
        if noise is link:
            continue
        part = _text(noise)
        if part and part in text:
            rest = _clean(text.replace(part, " ", 1))
            if _looks_like_headline(rest):
                text = rest
    return text


def _title_of(link) -> str:
    """The headline of a teaser link: title element, link title, or cleaned text."""
    full = _text(link)
    if next(link.iter(), None) is None:  # text only: nothing to pick from or strip
        return _RANK.sub("", full)
    title = _title_element_text(link)
    if title:
        rest = _clean(full.replace(title, " ", 1))
        if _is_kicker(title, rest):
            return _strip_noise(link, rest)
        if _looks_like_headline(title):
            return title
    attr = _clean(link.attrs.get("title"))
    if attr and full.casefold().startswith(attr.casefold()):
        return attr
    return _RANK.sub("", _strip_noise(link, full))


def _title_element_text(link) -> str:
    """Text of the link's title element; of the innermost one when wrappers nest
    ("item__title-wrapper" > h4 "item__hed" + "item__dek")."""
    chosen = ""
    for node in link.css(TITLE_SELECTOR):
        if node is link:
            continue
        text = _text(node)
        if not text:
            continue
        if not chosen:
            chosen = text
        elif text in chosen and _looks_like_headline(text):
            chosen = text  # nested inside the one chosen: tighter
    return chosen


def _is_kicker(title: str, rest: str) -> bool:
    """A label ("SCORCHER", "Lett it be") shown above the teaser's real headline."""
    words = len(title.split())
    if words > KICKER_MAX_WORDS or not _looks_like_headline(rest):
        return False
    return title.isupper() or len(rest.split()) >= KICKER_REST_RATIO * words


def _is_body_link(link, text: str) -> bool:
    """A link inside running text: its paragraph is mostly words outside links."""
    node = link.parent
    for _ in range(3):
        if node is None:
            return False
        if node.tag == "p":
            para = node.text(deep=True, strip=True)
            if INLINE_RE.match(para):
                return False
            linked = sum(len(a.text(deep=True, strip=True)) for a in node.css("a"))
            return len(para) - linked > max(MAX_UNLINKED_CHARS, len(para) * MAX_UNLINKED_SHARE)
        node = node.parent
    return False


def _card(link, block_nodes: tuple):
    """The teaser card around ``link``: its ancestors whose links all go to its href."""
    href = link.attrs.get("href")
    card = link
    for _ in range(MAX_CARD_CLIMB):
        parent = card.parent
        if parent is None or any(parent is b for b in block_nodes):
            break
        links = parent.css("a[href]")
        if len(links) > MAX_CARD_LINKS or any(a.attrs.get("href") != href for a in links):
            break
        card = parent
    return card


def _published(card, link_text: str, title: str) -> str | None:
    """ISO date shown with the item: a ``<time>`` / date element of its card, else a
    date appended to the link text after the headline."""
    node = card.css_first(DATE_SELECTOR)
    if node is not None:
        iso = parse_iso(node.attrs.get("datetime") or "") or parse_date(_text(node))
        if iso:
            return iso
    rest = link_text.replace(title, " ", 1) if title in link_text else ""
    match = search_date(rest) if rest.strip() else None
    return match.iso if match is not None else None


def _section(card, title: str) -> str | None:
    for node in card.css(SECTION_SELECTOR):
        text = _text(node)
        if text and text != title and len(text) <= 40 and title not in text:
            return text
    return None


@dataclass
class _Page:
    """Per-page state: the page address and caches shared by all blocks."""

    base: str | None
    urls: dict = field(default_factory=dict)  # href -> absolute article URL or None
    negative: dict = field(default_factory=dict)  # mem_id -> negative verdict
    links: dict = field(default_factory=dict)  # link mem_id -> _Candidate or None

    def article_url(self, href: str | None) -> str | None:
        if href not in self.urls:
            self.urls[href] = _article_url(href, self.base)
        return self.urls[href]


@dataclass(frozen=True)
class _Candidate:
    """A headline link accepted inside a block; dated and sectioned only if kept."""

    key: str
    url: str
    title: str
    link: object
    block: _Block

    def item(self) -> RelatedItem:
        card = _card(self.link, self.block.nodes)
        return RelatedItem(
            title=self.title,
            url=self.url,
            section=_section(card, self.title),
            published=_published(card, _text(self.link), self.title),
        )


def _candidate(link, block: _Block, page: _Page) -> _Candidate | None:
    """The related item a teaser link stands for, or None when it is not one."""
    url = page.article_url(link.attrs.get("href"))
    if url is None or PAID_REL_RE.search(link.attrs.get("rel") or ""):
        return None
    quick = link.text(deep=True, strip=True)  # image links and "More" buttons end here
    if not quick or (len(quick) < QUICK_MIN_CHARS and not link.attrs.get("title")):
        return None
    if _is_negative(link, page.negative):
        return None
    title = _title_of(link)
    if not _looks_like_headline(title) or _is_body_link(link, title):
        return None
    return _Candidate(_url_key(url), url, title, link, block)


def _block_items(block: _Block, page: _Page) -> list[_Candidate]:
    """The block's headline links, one per article, in order."""
    items: dict[str, _Candidate] = {}
    for root in block.nodes:
        links = [root] if root.tag == "a" else root.css("a[href]")
        if len(links) > MAX_BLOCK_LINKS:
            return []
        for link in links:
            if link.mem_id not in page.links:
                page.links[link.mem_id] = _candidate(link, block, page)
            found = page.links[link.mem_id]
            if found is not None and found.key not in items:
                items[found.key] = found
    return list(items.values())


def _labelled_single(block: _Block, found: list[_Candidate]) -> bool:
    """One link under its own label ("Read Next <a>...</a>") in a class-matched box."""
    if len(found) != 1 or len(block.nodes) != 1 or found[0].link is block.nodes[0]:
        return False
    rest = _clean(_text(block.nodes[0]).replace(found[0].title, " ", 1)).casefold()
    return len(rest) <= MAX_LABEL_CHARS and bool(LABEL_RE.match(rest))


def extract_related(doc: Document, ctx: Context) -> list[RelatedItem] | None:
    """Related items in page order; an article listed twice counts once."""
    tree = doc.tree
    page = _Page(page_url(doc, ctx))
    own = _url_key(page.base) if page.base else None
    seen: set[str] = set()
    out: list[RelatedItem] = []
    for block in _blocks(doc, page_title(tree, ctx)):
        if _is_negative(block.nodes[0], page.negative):
            continue
        found = _block_items(block, page)
        if not block.inline and len(found) < MIN_BLOCK_ITEMS and not _labelled_single(block, found):
            continue
        for cand in found:
            name = cand.title.casefold()  # the same story under two URLs counts once
            if cand.key == own or cand.key in seen or name in seen:
                continue
            seen.update((cand.key, name))
            out.append(cand.item())
    return out or None


# Shared with html_ticker.
is_negative = _is_negative
link_title = _title_of
looks_like_headline = _looks_like_headline


EXTRACTOR = Extractor(
    name="html-related",
    block="related",
    formats=frozenset({"html"}),
    extract=extract_related,
    priority=50,
)
