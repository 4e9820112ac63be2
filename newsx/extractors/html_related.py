"""Related, recommended and "read more" items of an HTML page.

A related item is a link to another article inside a block that recommends
articles ("Related", "More from X", "Most read", "You may also like", 関連記事,
an inline "Read also:" line ...).  Blocks are found two ways:

* by a short heading or label from :data:`LABEL_RE`, whose following
  siblings (or its wrapper's) hold the list;
* by class/id vocabulary (:data:`BLOCK_TOKENS`), e.g. ``related-posts``.

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

from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.record import RelatedItem

try:  # newsx.dates is written alongside; dates are optional for related items
    from newsx.dates import parse_date, parse_iso, search_date
except ImportError:  # pragma: no cover - until newsx.dates lands
    parse_date = parse_iso = search_date = None

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

# class/id substrings of recommendation blocks.
BLOCK_TOKENS: tuple[str, ...] = (
    "related", "recommend", "more-on", "moreon", "more-from", "morefrom", "more-stories",
    "more-news", "morenews", "most-popular", "mostpopular", "most-read", "mostread",
    "most-viewed", "mostviewed", "most-watched", "popular-posts", "popular-news",
    "trending", "read-more-links", "also-read", "alsoread", "see-also", "read-next",
    "readnext", "up-next", "upnext", "next-up", "recirc", "story-alsos", "top-stories",
    "yarpp", "you-may-like", "youmaylike", "dont-miss", "editors-pick",
)

# Breaking-news / ticker boxes: a ticker above the headline, a related list below it.
TICKER_TOKENS: tuple[str, ...] = (
    "ticker", "breaking", "marquee", "newsflash", "news-flash", "headline-scroll",
    "news-scroll",
)
# Substrings covering TICKER_TOKENS, for the (rare) css() query that orders ticker boxes.
TICKER_STEMS: tuple[str, ...] = ("ticker", "breaking", "marquee", "flash", "scroll")


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
TICKER_SELECTOR = ", ".join(
    ["marquee"] + [f"[{a}*={t} i]" for t in TICKER_STEMS for a in ("class", "id")]
)
BLOCK_RE = re.compile(_trie_pattern(BLOCK_TOKENS))
# Class words of elements that may hold a block's label ("ListD-header-title").
LABEL_CLASS_RE = re.compile(
    r"(?:head|widget|block|module|section|box|side|rail|list|tab|group|panel)[\w-]*title"
    r"|heading|label"
)
CONTAINER_TAGS = frozenset({"div", "ul", "ol", "li", "p", "section", "article", "aside", "table"})
LABEL_TAGS = "h2, h3, h4, h5, h6, strong, b, dt"
INLINE_TAGS = "p, h3, h4"

# class/id words of blocks (or their ancestors) that are never related lists:
# a word counts when it is a dash/underscore-separated part of a class token.
NEGATIVE_PARTS = frozenset({
    "nav", "navbar", "navigation", "menu", "submenu", "megamenu", "breadcrumb", "breadcrumbs",
    "tags", "tagcloud", "topics", "keywords", "share", "sharing", "social", "taboola",
    "outbrain", "zergnet", "revcontent", "sponsored", "sponsor", "promoted", "paid", "advert",
    "advertisement", "dfp", "comment", "comments", "pagination", "pager", "newsletter",
    "subscribe", "signup", "masthead", "cookie", "skip", "footer",
})
# ... and these only as a whole class token ("hide", not "hide-mobile" or "hide4").
NEGATIVE_TOKENS = frozenset({
    "hide", "hidden", "is-hidden", "visually-hidden", "sr-only", "ad", "ads",
    "site-footer", "site-header", "author-bio", "native-ad", "tag-list", "tag-cloud",
})
# Taxonomy classes that WordPress & co. put on articles ("tag-social-media"): their
# slug is content, not layout, so its words are not read.
# "has-section-nav" describes what a box holds, not the box: state prefixes skipped too.
TAXONOMY_PREFIXES: tuple[str, ...] = (
    "category-", "tag-", "post_tag-", "author-", "topic-", "has-", "with-", "no-",
)
_PARTS = re.compile(r"[-_]+")
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
SECTION_SELECTOR = "[class*=section i], [class*=category i], [class*=kicker i], [class*=eyebrow i]"
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
MAX_TITLE_CHARS = 300
# A paragraph of links (a "Don't miss" list) has little text outside its links.
MAX_UNLINKED_CHARS = 40
MAX_UNLINKED_SHARE = 0.3

_WS = re.compile(r"\s+")
_CODE_HINT = re.compile(r"[<{}]|srcset=")
INVISIBLE_SELECTOR = "script, style, noscript, template"
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_RANK = re.compile(r"^\s*(?:#?\d{1,2}[.)]|\d{1,2}\s*[|–—-])\s+")
_SPLIT_CLASS = re.compile(r"[\s]+")
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


def _attrs(node) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}"


def _negative_attrs(node) -> bool:
    """Class words (or the whole id) that mark navigation, ads, tags, hidden boxes."""
    attrs = node.attributes
    node_id = (attrs.get("id") or "").lower()
    if node_id in NEGATIVE_PARTS or node_id in NEGATIVE_TOKENS:
        return True
    for token in (attrs.get("class") or "").lower().split():
        if token in NEGATIVE_TOKENS:
            return True
        if token.startswith(TAXONOMY_PREFIXES):
            continue
        if any(p in NEGATIVE_PARTS for p in _PARTS.split(token)):
            return True
    return False


def _is_negative(node, memo: dict[int, bool] | None = None) -> bool:
    """True when ``node`` or a near ancestor is navigation, ads, tags, hidden ...

    ``memo`` (mem_id -> verdict) lets the links of one list share their ancestors' checks.
    """
    seen: list[int] = []
    verdict = False
    for _ in range(NEGATIVE_DEPTH):
        if node is None or node.tag in ("body", "html", "-document"):
            break
        if memo is not None and node.mem_id in memo:
            verdict = memo[node.mem_id]
            break
        seen.append(node.mem_id)
        attrs = node.attrs
        if (
            node.tag in NEGATIVE_TAGS
            or "hidden" in attrs
            or (attrs.get("aria-hidden") == "true" and node.tag != "a")
            or (node.tag not in CONTENT_TAGS and _negative_attrs(node))
        ):
            verdict = True
            break
        node = node.parent
    if memo is not None:
        memo.update(dict.fromkeys(seen, verdict))
    return verdict


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
    return url


def _head_value(tree, selector: str, attr: str) -> str | None:
    """An attribute of the first ``<head>`` element matching ``selector``.

    Searched under ``<head>`` only: a whole-tree ``css_first`` walks the page.
    """
    head = tree.head
    node = head.css_first(selector) if head is not None else None
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
    has_ticker: bool  # some class names a ticker / breaking box (or a <marquee> exists)


_LAST_SCAN: list[_Scan] = []  # one entry: html-ticker and html-related share a page's scan


def _scan(tree) -> _Scan:
    """Find boxes whose class names a recommendation block, at C speed where possible.

    Lexbor checks a ``[class*=x i]`` selector on every element, one selector
    at a time, so 40 words cost 40 passes.  Instead the class values of all
    classed elements are joined into one string (NUL-separated, lower-cased)
    and searched once with a prefix-factored regex; a match's NUL count gives
    back its element.
    """
    if _LAST_SCAN and _LAST_SCAN[0].tree is tree:
        return _LAST_SCAN[0]
    body = tree.body
    nodes = body.css("[class]") if body is not None else []
    joined = "\0".join([n.attrs.get("class") or "" for n in nodes]).lower()
    blocks = [n for n in _matching(nodes, joined, BLOCK_RE) if not _negative_attrs(n)]
    labels = _matching(nodes, joined, LABEL_CLASS_RE)
    has_ticker = TICKER_RE.search(joined) is not None or tree.css_first("marquee") is not None
    scan = _Scan(tree, _outermost(blocks), labels, has_ticker)
    _LAST_SCAN[:] = [scan]
    return scan


def _matching(nodes: list, joined: str, pattern: re.Pattern) -> list:
    """The nodes whose class value (a NUL-separated field of ``joined``) matches."""
    out, last, pos, index = [], -1, 0, 0
    for match in pattern.finditer(joined):
        index += joined.count("\0", pos, match.start())
        pos = match.start()
        if index != last:
            last = index
            out.append(nodes[index])
    return out


def _ticker_boxes(tree, title: str | None) -> tuple[list, list]:
    """Outermost ticker boxes before and after the article's headline.

    One ``css()`` call returns boxes and ``h1``/``h2`` in document order,
    which places each box above or below the headline without walking the tree.
    """
    body = tree.body
    if body is None or not _scan(tree).has_ticker:
        return [], []
    nodes = body.css(f"h1, h2, {TICKER_SELECTOR}")
    heads = [i for i, n in enumerate(nodes) if n.tag in HEADLINE_TAGS]
    head = _main_heading([nodes[i] for i in heads], title)
    if head is None:
        return [], []
    cut = heads[head]
    boxes = [(i, n) for i, n in enumerate(nodes) if n.tag not in HEADLINE_TAGS and _is_ticker(n)]
    outer = {n.mem_id for n in _outermost(n for _, n in boxes)}
    kept = [(i, n) for i, n in boxes if n.mem_id in outer and not _is_negative(n)]
    return [n for i, n in kept if i < cut], [n for i, n in kept if i > cut]


def _is_label(node) -> bool:
    """A short heading or label text from :data:`LABEL_RE` ("Most Read", "関連記事")."""
    if any(child.tag in CONTAINER_TAGS for child in node.iter()):  # a label holds no lists
        return False
    label = node.text(deep=True, separator=" ")
    if len(label) > MAX_LABEL_CHARS * 3:
        return False
    label = _clean(label).casefold()
    if not label or len(label) > MAX_LABEL_CHARS:
        return False
    return bool(LABEL_RE.match(label)) and not NOT_LABEL_RE.search(label)


def _following(node) -> list:
    """Element siblings after ``node`` up to the next label or heading."""
    out = []
    sib = node.next
    while sib is not None and len(out) < MAX_SIBLINGS:
        if sib.tag not in ("-text", "-comment"):
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
    """Candidate blocks: class/id vocabulary, labels, inline "Read also:" lines."""
    body = doc.tree.body
    if body is None:
        return
    for node in _scan(doc.tree).blocks:
        yield _Block((node,))
    for node in _ticker_boxes(doc.tree, title)[1]:
        yield _Block((node,))
    seen: set[int] = set()
    for node in (*_scan(doc.tree).labels, *body.css(LABEL_TAGS)):
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        inline_label = node.tag in ("strong", "b") and node.parent is not None
        if inline_label and INLINE_RE.match(node.text(deep=True, strip=True)):
            yield _Block((node.parent,), inline=True)  # <p><b>Read also:</b> <a>...</a></p>
            continue
        if _is_label(node):
            block = _label_block(node)
            if block is not None:
                yield block
    for node in body.css(INLINE_TAGS):
        lead = node.text(deep=False, strip=True)
        if not lead or len(lead) > MAX_TITLE_CHARS:
            continue
        if INLINE_RE.match(lead):
            yield _Block((node,), inline=True)
        elif node.tag == "p" and len(lead) <= MAX_LABEL_CHARS and _is_label(node):
            block = _label_block(node)
            if block is not None:
                yield block


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
    attrs = node.attrs
    words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return node.tag == "marquee" or TICKER_RE.search(words) is not None


def tickers_above_headline(doc: Document, title: str | None) -> list:
    """Ticker / breaking-news boxes placed before the article's headline."""
    return _ticker_boxes(doc.tree, title)[0]


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
    for node in link.css(TITLE_SELECTOR):
        if node is link:
            continue
        title = _text(node)
        if not title:
            continue
        rest = _clean(full.replace(title, " ", 1))
        if _is_kicker(title, rest):
            return _strip_noise(link, rest)
        if _looks_like_headline(title):
            return title
    attr = _clean(link.attributes.get("title"))
    if attr and full.casefold().startswith(attr.casefold()):
        return attr
    return _RANK.sub("", _strip_noise(link, full))


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


def _published(card, link_text: str) -> str | None:
    node = card.css_first(DATE_SELECTOR)
    if node is not None:
        value = node.attributes.get("datetime")
        if value and parse_iso is not None:
            iso = parse_iso(value)
            if iso:
                return iso
        if parse_date is not None:
            iso = parse_date(_text(node))
            if iso:
                return iso
    if search_date is not None:
        match = search_date(link_text)
        if match is not None:
            return match.iso
    return None


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
    links: dict = field(default_factory=dict)  # link mem_id -> (key, item) or None

    def article_url(self, href: str | None) -> str | None:
        if href not in self.urls:
            self.urls[href] = _article_url(href, self.base)
        return self.urls[href]


def _link_item(link, block: _Block, page: _Page) -> tuple[str, RelatedItem] | None:
    """The related item a teaser link stands for, or None when it is not one."""
    url = page.article_url(link.attrs.get("href"))
    if url is None or _is_negative(link, page.negative):
        return None
    title = _title_of(link)
    if not _looks_like_headline(title) or _is_body_link(link, title):
        return None
    card = _card(link, block.nodes)
    item = RelatedItem(
        title=title,
        url=url,
        section=_section(card, title),
        published=_published(card, _text(link)),
    )
    return _url_key(url), item


def _block_items(block: _Block, page: _Page) -> list[RelatedItem]:
    items: dict[str, RelatedItem] = {}
    for root in block.nodes:
        links = [root] if root.tag == "a" else root.css("a[href]")
        if len(links) > MAX_BLOCK_LINKS:
            return []
        for link in links:
            if link.mem_id not in page.links:
                page.links[link.mem_id] = _link_item(link, block, page)
            found = page.links[link.mem_id]
            if found is not None and found[0] not in items:
                items[found[0]] = found[1]
    return list(items.values())


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
        items = _block_items(block, page)
        if not block.inline and len(items) < MIN_BLOCK_ITEMS:
            continue
        for item in items:
            key = _url_key(item.url) if item.url else item.title
            if key == own or key in seen:
                continue
            seen.add(key)
            out.append(item)
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
