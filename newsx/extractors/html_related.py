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

The tree is only read, never changed, and never walked whole in Python: page-wide
searches are two selectolax ``css()`` calls (classed boxes, tab links) and label
candidates picked by tag id from the shared element index (``newsx.html_elements``);
only a teaser link's or card's few elements are walked, with bounded parent/sibling steps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress
from operator import attrgetter, itemgetter
from urllib.parse import SplitResult, urljoin, urlsplit

from newsx.dates import parse_date, parse_iso, search_date
from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.html_elements import Elements, body_elements, tag_ids
from newsx.patterns import trie_pattern
from newsx.record import RelatedItem
from newsx.related_vocab import INLINE_LABELS

# --- vocabulary --------------------------------------------------------------

# Headings/labels that open a recommendation block, by language: regex fragments
# matched against the whole (short) label text, case-folded, so accents and word
# forms are spelled out.  "Most read", "Related", "Read also" and "More on X" are
# the common kinds in every language.
LABELS: dict[str, tuple[str, ...]] = {
    "en": (
        r"related(?: (?:stories|articles|posts?|news|content|reading|coverage|links?|videos?))?",
        r"more (?:on|from|in|about|stories|news|articles|videos|like this|to read)\b.*",
        r"(?:read|see|watch) (?:also|more|next|this next)\b.*", r"also read", r"also",
        r"see also", r"also see",
        r"you (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested(?: in)?)",
        r"(?:we )?recommend(?:ed|s)?(?: (?:for you|stories|articles|reading|videos))?",
        r"don'?t miss", r"must read", r"editor'?s? (?:picks?|choice)",
        r"most (?:popular|read|viewed|watched|shared|recent|emailed)\b.*",
        r"(?:popular|trending|latest|recent|top|featured)"
        r"(?: (?:now|today|news|stories|posts|articles|videos?|discussions|headlines|in\b.*|"
        r"from\b.*|on\b.*))*",
        r"(?:latest|top|recent) \w+(?: news)?", r"next up\b.*", r"up next", r"what to read next",
    ),
    "es": (
        r"(?:lo )?más (?:leído|visto|popular|compartido|comentado)s?",
        r"(?:las |los )?más (?:leíd|vist|compartid|comentad)[oa]s(?: de (?:hoy|la semana))?",
        r"(?:le|lea|lee|leer) (?:también|además|más)", r"(?:mira|ver|vea) también",
        r"(?:también )?(?:te|le) (?:puede|podría)n? interesar", r"te recomendamos",
        r"(?:noticias|artículos|contenidos?) (?:relacionad[oa]s|recomendad[oa]s)",
        r"relacionad[oa]s", r"recomendad[oa]s", r"no te (?:lo )?pierdas", r"más noticias",
        r"más (?:de|en|sobre) .+", r"últimas noticias", r"lo último", r"tendencias",
    ),
    "fr": (
        r"les (?:articles )?plus (?:lu|partagé|commenté|consulté|populaire|récent)e?s",
        r"(?:à |a )?(?:lire|voir|découvrir) (?:aussi|également|encore)", r"à découvrir",
        r"(?:nos |les |d'autres |des )?(?:articles? )?"
        r"sur (?:le|la) même (?:sujet|thème|thématique)",
        r"dans la même (?:rubrique|catégorie)", r"(?:articles|contenus) (?:similaires|liés)",
        r"vous (?:aimerez|pourriez aimer|aimeriez) (?:aussi|également)?.*",
        r"(?:ces|d'autres) articles (?:peuvent|pourraient) vous intéresser",
        r"(?:articles )?recommandés(?: pour vous)?", r"(?:plus d'|les dernières )actualités",
        r"dernières actualités", r"tendances", r"sélectionnés? pour vous",
    ),
    "de": (
        r"meist(?: |-)?(?:gelesen|geklickt|gesehen|kommentiert|geteilt)e?(?: (?:artikel|news))?",
        r"am meisten gelesen", r"lesen sie (?:auch|mehr|weiter)",
        r"auch (?:interessant|lesenswert)",
        r"das (?:könnte|dürfte) sie (?:auch )?interessieren", r"mehr zu(?:m)? (?:thema|.+)",
        r"(?:weitere|ähnliche|verwandte|empfohlene|beliebte|neueste) (?:artikel|nachrichten|news)",
        r"passend zum thema", r"zum thema", r"empfehlungen", r"top-?artikel",
    ),
    "it": (
        r"(?:i |le )?più (?:lett|vist|condivis|commentat)[ie](?: (?:di oggi|della settimana))?",
        r"(?:leggi|vedi|guarda) (?:anche|pure)", r"(?:ti )?potrebbe(?:ro)? interessar(?:ti|e)",
        r"(?:articoli|notizie) (?:correlat[ie]|consigliat[ie])", r"correlati", r"consigliati",
        r"ti consigliamo", r"ultime notizie", r"altre notizie", r"da non perdere", r"in evidenza",
    ),
    "pt": (
        r"(?:as |os )?mais (?:lid|vist|compartilhad|comentad)[oa]s?",
        r"(?:leia|veja|saiba) (?:também|mais)", r"(?:notícias|artigos|matérias) relacionad[oa]s",
        r"relacionad[oa]s", r"(?:você )?(?:também )?(?:pode|poderá) gostar", r"recomendad[oa]s",
        r"últimas notícias", r"mais notícias", r"em alta", r"mais populares",
    ),
    "ru": (
        r"самое (?:читаемое|популярное|обсуждаемое|интересное)",
        r"самые (?:читаемые|популярные|обсуждаемые)(?: (?:статьи|новости))?",
        r"(?:читайте|смотрите) (?:также|ещ[её])", r"по теме", r"(?:новости|материалы) по теме",
        r"(?:похожие|другие|последние) (?:новости|статьи|материалы)", r"лучшее за (?:неделю|день)",
        r"популярное", r"рекомендуем",
    ),
    "ja": (
        r"(?:アクセス|人気(?:記事)?)?ランキング", r"人気(?:の)?記事",
        r"関連(?:記事|ニュース|リンク)", r"おすすめ(?:の)?記事", r"注目(?:の)?記事",
        r"(?:あわせて|合わせて)読みたい", r"こちらの記事も.*",
        r"こちらもおすすめ", r"(?:最新|新着)記事", r"よく読まれている記事",
    ),
    "ko": (
        r"많이 (?:본|읽은) (?:뉴스|기사)", r"관련 ?(?:기사|뉴스)", r"인기 ?(?:기사|뉴스)",
        r"추천 ?(?:기사|뉴스)", r"최신 ?(?:기사|뉴스)", r"주요 ?뉴스",
        r"함께 (?:보면 좋은|볼만한) 기사",
    ),
    "zh": (
        r"相[关關](?:新[闻聞]|文章|[阅閱][读讀]|[报報][导導]|推荐|推薦)", r"延伸[阅閱][读讀]",
        r"[热熱]门(?:文章|新[闻聞]|推荐|推薦)", r"[熱热]門(?:文章|新聞)", r"推[荐薦][阅閱][读讀]",
        r"猜你喜[欢歡]", r"最新(?:新[闻聞]|文章)", r"(?:[阅閱][读讀]|[点點][击擊])?排行榜?",
    ),
    "ar": (
        r"ال[أا]كثر (?:قراءة|مشاهدة|تداولا|شعبية)", r"[اإ]قر[أا] [أا]يضا?ً?",
        r"(?:مواضيع|[أا]خبار|مقالات) ذات صلة", r"ذات صلة", r"المزيد من ال[أا]خبار",
        r"آخر ال[أا]خبار", r"اخترنا لك", r"قد يعجبك [أا]يضا?ً?",
    ),
    "nl": (
        r"meest (?:gelezen|bekeken|gedeeld)", r"meestgelezen", r"(?:lees|bekijk) ook",
        r"gerelateerde? (?:artikelen|berichten|nieuws)?", r"meer (?:nieuws|over .+)",
        r"ook interessant", r"aanbevolen", r"laatste nieuws", r"net binnen",
    ),
    "other": (  # id, pl, tr, sv
        r"baca juga", r"berita (?:terkait|lainnya)", r"artikel terkait", r"terpopuler",
        r"najczęściej (?:czytane|komentowane)", r"(?:czytaj|zobacz) (?:także|też|również)",
        r"polecamy", r"en çok (?:okunan|izlenen)(?:lar)?", r"ilgili haberler",
        r"mest (?:läst|lästa|delade)", r"läs (?:också|även|mer)",
    ),
}
# A label may end in ":", "...", or an arrow ("More ›").
LABEL_RE = re.compile(
    "^(?:" + "|".join(f for forms in LABELS.values() for f in forms) + r")\s*[:.…»›→]*$"
)

# Labels that look like the above but head tag lists, menus or ads.
NOT_LABEL_RE = re.compile(
    r"\b(?:topics?|tags?|categories|keywords|searches|sponsored|partners?|promoted|paid|"
    r"around the web|newsletters?|podcasts?|authors?|comments?)\b"
)


def _first_chars(fragment: str) -> set[str] | None:
    """The characters a match of ``fragment`` can start with (None: any).

    Knows the forms the tables above use: a leading group ``(?:a|b)``, optional
    group ``(?:a )?``, class ``[ab]`` or literal character.
    """
    if fragment.startswith("(?:"):
        end = _group_end(fragment)
        rest = fragment[end + 1:]
        optional = rest[:1] in ("?", "*")
        found: set[str] = set()
        for alt in [*_alternatives(fragment[3:end]), *([rest[1:]] if optional else [])]:
            chars = _first_chars(alt)
            if chars is None:
                return None
            found |= chars
        return found
    if fragment.startswith("[") and "]" in fragment and "-" not in fragment[: fragment.index("]")]:
        chars, rest = set(fragment[1: fragment.index("]")]), fragment[fragment.index("]") + 1:]
        return chars if rest[:1] not in ("?", "*") else None
    if not fragment or fragment[0] in "\\.^$*+?{}()|[" or fragment[1:2] in ("?", "*"):
        return None
    return {fragment[0]}


def _group_end(fragment: str) -> int:
    """Index of the ``)`` closing the group that opens ``fragment``."""
    depth = 0
    for i, ch in enumerate(fragment):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return i
    return len(fragment)


def _alternatives(body: str) -> list[str]:
    """``body`` split at its top-level ``|``."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            out.append(body[start:i])
            start = i + 1
    return [*out, body[start:]]


def _by_first_char(fragments, head: str, tail: str, flags: int = 0):
    """One regex per first character of a match (and one for any other start).

    A 150-way alternation costs ~3 µs a failed match, since each branch starting
    with a group is entered; texts that are not labels (nearly all) then cost
    one dict lookup and a short alternation.  The second value is the regex for
    any other first character, None when no fragment can start elsewhere.
    """
    table: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for fragment in fragments:
        chars = _first_chars(fragment)
        if chars is None:
            anywhere.append(fragment)
        for ch in chars or ():
            for key in {ch.lower(), ch.upper()} if flags & re.IGNORECASE else {ch}:
                table.setdefault(key, []).append(fragment)

    def compiled(frags: list[str]) -> re.Pattern:
        return re.compile(head + "(?:" + ("|".join(frags) or "(?!)") + ")" + tail, flags)

    other = compiled(anywhere) if anywhere else None  # None: no other start can match
    return {ch: compiled(frags + anywhere) for ch, frags in table.items()}, other


_LABEL_BY_CHAR, _LABEL_OTHER = _by_first_char(
    [f for forms in LABELS.values() for f in forms], "", r"\s*[:.…»›→]*$"
)
_INLINE_BY_CHAR, _INLINE_OTHER = _by_first_char(
    INLINE_LABELS, "", r"\s*[:\-–—]", re.IGNORECASE
)


def label_match(label: str) -> bool:
    """``LABEL_RE.match`` of a case-folded, cleaned label, dispatched on its first character."""
    pattern = _LABEL_BY_CHAR.get(label[:1], _LABEL_OTHER)
    return pattern is not None and pattern.match(label) is not None


def inline_match(text: str) -> bool:
    """``INLINE_RE.match``, dispatched on the first non-space character."""
    text = text.lstrip()
    pattern = _INLINE_BY_CHAR.get(text[:1], _INLINE_OTHER)
    return pattern is not None and pattern.match(text) is not None

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


TICKER_RE = re.compile(trie_pattern(TICKER_TOKENS))
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
CLASS_WORDS_RE = re.compile(trie_pattern(CLASS_WORD_KIND))
CONTAINER_TAGS = frozenset({"div", "ul", "ol", "li", "p", "section", "article", "aside", "table"})
# Labels and inline "Read also:" paragraphs, picked from the page's elements by tag.
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "strong", "b", "dt"})
LABEL_TAGS = HEADING_TAGS | {"p"}
# A box's first child labels it even when it is a plain <div>/<span> ("Sur le même sujet").
LABELLED_BOX_TAGS = frozenset({"aside", "section"})
TAB_QUERY = "a[href^='#']"  # tab links ("<a href='#pane'>Most Read</a>")
# Elements whose class may name a block (``[class]`` first: it rules out most elements
# in one test, where a list of six ``tag[class]`` selectors walks the page six times).
CLASSED_BOX_QUERY = "[class]:is(div, section, aside, ul, ol, span)"
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
    trie_pattern(
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
    r"|\.(?:jpe?g|png|gif|pdf|mp3|zip|css|js)$"
)  # searched in the lower-cased path: ~2x faster than re.IGNORECASE
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

# Teaser-link parts, told by tag or by a word anywhere in the class (as ``[class*=word i]``
# would): a link holds a few elements, and walking them in Python is cheaper than a
# ``css()`` call, which parses its selector anew each time (~18 µs for 24 parts).
# Descendants of a teaser link that are not its headline:
NOISE_TAGS = frozenset({"time"})
NOISE_CLASS_RE = re.compile(
    "date|time|byline|author|kicker|eyebrow|label|rank|number|count|cta|category|section|"
    "comment|sr-only|visually-hidden|blurb|excerpt|summary|dek|desc|standfirst|teaser-?text"
)
# ... and its title element:
TITLE_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TITLE_CLASS_RE = re.compile("title|headline|heading|hed")
# A teaser card's date (besides ``<time>``) and section elements.
DATE_CLASS_RE = re.compile("date|time|ago")
SECTION_CLASS_RE = re.compile("section|category")
CARD_PART_CLASS_RE = re.compile(f"{DATE_CLASS_RE.pattern}|{SECTION_CLASS_RE.pattern}")

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

_CODE_HINT = re.compile(r"[<{}]|srcset=")
INVISIBLE_SELECTOR = "script, style, noscript, template"
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "link", "meta"})
_MIN_WORDS_RE = re.compile(rf"\w+(?:\W+\w+){{{MIN_WORDS - 1}}}")  # MIN_WORDS runs of \w
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_RANK = re.compile(r"^\s*(?:#?\d{1,2}[.)]|\d{1,2}\s*[|–—-])\s+")
KICKER_MAX_WORDS = 4  # a kicker is a short label ...
KICKER_REST_RATIO = 3  # ... under which the headline runs at least 3x as long


@dataclass(frozen=True)
class _Block:
    """A candidate recommendation block: the nodes holding its links."""

    nodes: tuple
    inline: bool = False  # one-line "Read also:" block: a single link suffices

    @cached_property
    def ids(self) -> frozenset[int]:
        return frozenset(node.mem_id for node in self.nodes)


# --- helpers -----------------------------------------------------------------


def _clean(text: str | None) -> str:
    """Whitespace runs as one space (``split``/``join`` is ~5x faster than a regex)."""
    return " ".join(text.split()) if text else ""


def _text(node) -> str:
    """Visible text: template/script contents (``<source srcset=...>``) removed."""
    text = node.text(deep=True, separator=" ", strip=False)
    if _CODE_HINT.search(text):
        for junk in node.css(INVISIBLE_SELECTOR):
            part = junk.text(deep=True, separator=" ", strip=False)
            if part:
                text = text.replace(part, " ", 1)
    return _clean(text)


_NOISE_IDS = frozenset(tag_ids(NOISE_TAGS))  # (``tag_id`` reads cheaper than ``tag``)
_TITLE_IDS = frozenset(tag_ids(TITLE_TAGS))
(_TIME_ID,) = tag_ids(["time"])
(_A_ID,) = tag_ids(["a"])
(_P_ID,) = tag_ids(["p"])
_ROOT_IDS = frozenset(tag_ids(["body", "html"]))  # where an ancestor climb stops
_NEGATIVE_TAG_IDS = frozenset(tag_ids(NEGATIVE_TAGS))
_CONTENT_IDS = frozenset(tag_ids(CONTENT_TAGS))
_CONTAINER_IDS = frozenset(tag_ids(CONTAINER_TAGS))
_TAG_ID = attrgetter("tag_id")


def _elements(node) -> list[tuple]:
    """``node`` and its descendants, in document order, as (node, tag id, lower-cased
    class): read once per teaser link for both its title and its noise parts."""
    out = []
    for part in node.traverse():
        classes = part.attributes.get("class")
        out.append((part, part.tag_id, classes.lower() if classes else ""))
    return out


def _parts(elements: list[tuple], tags: frozenset[int], class_re: re.Pattern) -> list:
    """The :func:`_elements` whose tag is in ``tags`` or whose class holds a word of
    ``class_re``."""
    return [
        part for part, tag, classes in elements
        if tag in tags or (classes and class_re.search(classes))
    ]


def _negative_attrs(node, strips: bool = True, attrs: dict | None = None) -> bool:
    """Class words (or the whole id) that mark navigation, ads, tags, hidden boxes.

    ``strips``: also reject one-line strips ("trending-bar"); a ticker is one.
    ``attrs``: the node's attribute dict when the caller already has it.
    """
    if attrs is None:
        attrs = node.attributes
    node_id = attrs.get("id")
    if node_id and (node_id.lower() in NEGATIVE_PARTS or node_id.lower() in NEGATIVE_TOKENS):
        return True
    classes = attrs.get("class")
    return bool(classes) and _negative_classes(classes, strips)


@lru_cache(maxsize=8192)
def _negative_classes(classes: str, strips: bool) -> bool:
    """The verdict of :func:`_negative_attrs` on one class value; pages repeat a few
    hundred values over and over, so verdicts are kept by value."""
    classes = classes.lower()
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


# An element's own verdict, kept per page by mem_id (see :func:`_is_negative`).
_FINE, _NEGATIVE, _ROOT = 0, 1, 2  # _ROOT: <body>/<html>, where the climb stops


def _is_negative(
    node, memo: dict[int, int] | None = None, strips: bool = True, stop: frozenset = frozenset()
) -> bool:
    """True when ``node`` or one of its ``NEGATIVE_DEPTH`` nearest ancestors is
    navigation, ads, tags, hidden ...

    ``memo`` (mem_id -> that element's own verdict) lets the links of one list
    share their ancestors' checks; ``strips`` as in :func:`_negative_attrs`;
    ``stop``: mem_ids of block roots whose ancestors were checked already.
    """
    if memo is None:
        memo = {}
    for _ in range(NEGATIVE_DEPTH):
        if node is None:
            return False
        key = node.mem_id
        state = memo.get(key)
        if state is None:
            state = memo[key] = _element_state(node, strips)
        if state == _NEGATIVE:
            return True
        if state == _ROOT or key in stop:
            return False
        node = node.parent
    return False


def _element_state(node, strips: bool) -> int:
    """:data:`_ROOT`, :data:`_NEGATIVE` or :data:`_FINE` for the element itself:
    navigation, hidden, ads ... are negative.

    Tested by tag id (cheaper to read than the ``tag`` string).  One ``attributes``
    dict per element: each missing-key ``attrs.get`` raises and catches a
    ``KeyError`` inside selectolax, several times slower.
    """
    if not node.is_element_node:
        return _ROOT
    tag = node.tag_id
    if tag in _ROOT_IDS:
        return _ROOT
    if tag in _NEGATIVE_TAG_IDS:
        return _NEGATIVE
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") == "true" and tag != _A_ID):
        return _NEGATIVE
    negative = tag not in _CONTENT_IDS and _negative_attrs(node, strips, attrs)
    return _NEGATIVE if negative else _FINE


def _looks_like_headline(text: str) -> bool:
    """At least MIN_WORDS words, or MIN_CJK_CHARS CJK characters; not a paragraph."""
    if not text or len(text) > MAX_TITLE_CHARS:
        return False
    if _CJK.search(text) and len(_CJK.findall(text)) >= MIN_CJK_CHARS:
        return True
    return _MIN_WORDS_RE.search(text) is not None


# A plain absolute http(s) URL, split as ``urlsplit`` would: no tab or line break (which
# ``urlsplit`` deletes) and no IPv6 brackets in the host (which it checks).
_PLAIN_URL_RE = re.compile(
    r"(https?)://([^/?#\[\]\t\n\r]*)((?:/[^?#\t\n\r]*)?)(?:\?([^#\t\n\r]*))?(?:#([^\t\n\r]*))?"
)


def split_url(url: str) -> SplitResult:
    """``urlsplit(url)``, by one regex match for plain http(s) URLs: ``urlsplit`` costs
    ~2.5 µs a URL outside its 128-entry cache, and a page's links are mostly new to it."""
    match = _PLAIN_URL_RE.fullmatch(url)
    if match is None or not match.group(2).isascii():  # (a non-ASCII host is checked)
        return urlsplit(url)
    return SplitResult(*match.groups(""))


def _url_key(url: str, parts: SplitResult | None = None) -> str:
    """host + path + non-tracking query: one key per article (``parts``: ``url`` split)."""
    if parts is None:
        parts = split_url(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    query = "&".join(
        q for q in parts.query.split("&") if q and not TRACKING_PARAM_RE.match(q)
    )
    return f"{host}{path}?{query}" if query else host + path


def _article_url(href: str | None, base: str | None, origin: str = "") -> tuple[str, str] | None:
    """The absolute URL of ``href`` and its :func:`_url_key` when it can be another
    article, else None.  ``origin``: ``scheme://host`` of ``base``."""
    if not href:
        return None
    href = href.strip()
    if href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    url = _absolute(href, base, origin)
    parts = split_url(url)
    if parts.scheme not in ("http", "https", ""):
        return None
    if _social_host(parts.netloc):
        return None
    path = parts.path or "/"
    if path == "/" and not parts.query:
        return None
    if NON_ARTICLE_PATH_RE.search(path.lower()) or parts.fragment in ("comments", "respond"):
        return None
    return (url, _url_key(url, parts)) if _names_one_story(path, parts.query) else None


@lru_cache(maxsize=1024)
def _social_host(netloc: str) -> bool:
    """A share or social-network host; a page's links name a few hosts many times."""
    return SOCIAL_HOST_RE.search(netloc.lower()) is not None


def _absolute(href: str, base: str | None, origin: str) -> str:
    """``href`` made absolute.  ``urljoin`` costs ~10 µs, most of a link's judging:
    absolute and root-relative hrefs (nearly all) are joined by hand."""
    if href.startswith(("http://", "https://")):
        return href
    if origin and href.startswith("/") and not href.startswith("//") and "/." not in href:
        return origin + href
    return urljoin(base, href) if base else href


def _origin(base: str | None) -> str:
    """``scheme://host`` of an http(s) page address, else ""."""
    parts = split_url(base or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


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
    """What one pass over the page's class attributes found (shared with html-ticker
    through ``Document.cache``, so the page is scanned once)."""

    blocks: list  # outermost boxes with recommendation class words, document order
    labels: list  # elements whose class says title/heading/label: may label a block
    ticker_query: str  # css() query for headings + ticker boxes; "" when the page has none
    tickers: dict = field(default_factory=dict)  # title -> (boxes above, boxes below)


_NO_SCAN = _Scan([], [], "")
CACHE_KEY = __name__  # this module's entry in ``Document.cache``


def _scan(doc: Document) -> _Scan:
    """The page's class scan, built on first use and kept in ``doc.cache``."""
    scan = doc.cache.get(CACHE_KEY)
    if scan is None:
        body = doc.tree.body
        scan = doc.cache[CACHE_KEY] = _build_scan(body) if body is not None else _NO_SCAN
    return scan


_ATTRS, _CLASS = attrgetter("attrs"), itemgetter("class")


def _build_scan(body) -> _Scan:
    """Find boxes whose class names a recommendation block, at C speed where possible.

    Lexbor checks a ``[class*=x i]`` selector on every element, one selector
    at a time, so 40 words would cost 40 walks.  Instead one walk fetches the
    classed elements; their distinct class values (a page repeats a few hundred
    values) are joined into one string and searched once with a prefix-factored
    regex, and each element looks its value's verdict up.
    """
    nodes = body.css(CLASSED_BOX_QUERY)
    values = list(map(_CLASS, map(_ATTRS, nodes)))  # map(): no Python loop per node
    kinds = _value_kinds(list(dict.fromkeys(filter(None, values))))
    blocks, labels, tickers = [], [], set()
    # Only the few elements whose value holds a vocabulary word reach the Python loop.
    for node, value in compress(zip(nodes, values, strict=True), map(kinds.__contains__, values)):
        found = kinds[value]
        if BLOCK in found and not _negative_attrs(node):
            blocks.append(node)
        if LABEL in found:
            labels.append(node)
        if TICKER in found:
            tickers.add(value)
    return _Scan(_outermost(blocks), labels, _ticker_query(tickers))


def _value_kinds(values: list[str]) -> dict[str, frozenset[str]]:
    """Class value -> the kinds of vocabulary word it holds (values holding none left out).

    A label kind only counts when the value also passes :data:`LABEL_CLASS_RE`.
    """
    joined = "\0".join(values).lower()
    hits: dict[int, set[str]] = {}
    pos, index = 0, 0
    for match in CLASS_WORDS_RE.finditer(joined):
        index += joined.count("\0", pos, match.start())
        pos = match.start()
        hits.setdefault(index, set()).add(CLASS_WORD_KIND[match.group()])
    out = {}
    for index, found in hits.items():
        value = values[index]
        if LABEL in found and not LABEL_CLASS_RE.search(value.lower()):
            found.discard(LABEL)
        if found:
            out[value] = frozenset(found)
    return out


def _ticker_query(values: set[str]) -> str:
    """A query for h1/h2 plus the exact class tokens naming ticker boxes: class
    selectors cost one cheap walk, where ``[class*=ticker i]`` tests every element."""
    tokens = {
        token for value in values for token in value.split()
        if TICKER_RE.search(token.lower()) and CSS_IDENT_RE.fullmatch(token)
    }
    if not tokens:
        return ""
    return ", ".join(["h1", "h2", *sorted(f".{t}" for t in tokens)])


def _ticker_boxes(doc: Document, title: str | None) -> tuple[list, list]:
    """Outermost ticker boxes before and after the article's headline.

    One ``css()`` call returns boxes and ``h1``/``h2`` in document order,
    which places each box above or below the headline without walking the tree.
    Kept per title in the scan: html-ticker and html-related both ask.
    """
    scan = _scan(doc)
    if not scan.ticker_query:
        return [], []
    if title not in scan.tickers:
        scan.tickers[title] = _find_ticker_boxes(doc.tree.body, scan.ticker_query, title)
    return scan.tickers[title]


def _find_ticker_boxes(body, query: str, title: str | None) -> tuple[list, list]:
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
    if text is None:
        if _holds_container(node):  # before its text: a list's text is long to build
            return False
        text = node.text(deep=True, separator=" ")
    if len(text) > MAX_LABEL_CHARS * 3:
        return False
    label = _clean(text).casefold()
    if not label or len(label) > MAX_LABEL_CHARS or not label_match(label):
        return False
    return not NOT_LABEL_RE.search(label) and not _holds_container(node)


def _holds_container(node) -> bool:
    """A child is a list or box: ``node`` is a block, not its label."""
    return any(map(_CONTAINER_IDS.__contains__, map(_TAG_ID, node.iter())))  # no Python loop


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
    labels, tab panels and inline "Read also:" lines in document order."""
    body = doc.tree.body
    if body is None:
        return
    scan = _scan(doc)
    for node in scan.blocks:
        yield _Block((node,))
    for node in _ticker_boxes(doc, title)[1]:
        yield _Block((node,))
    for node in scan.labels:
        block = _heading_block(node, node.tag)
        if block is not None:
            yield block
    yield from _label_blocks(doc, body)


_LABEL_TAG_NAMES = tag_ids(LABEL_TAGS)  # tag id -> name
_BOX_IDS = frozenset(tag_ids(LABELLED_BOX_TAGS))
_PICKED_IDS = frozenset(_LABEL_TAG_NAMES) | _BOX_IDS


def _label_blocks(doc: Document, body) -> Iterator[_Block]:
    """Blocks opened by label tags, boxes' first children and tab links, in document order.

    Label tags and boxes are picked from the page's element index by tag id (a
    ``css()`` list of them walks the page once per selector); a box's first child
    is the element after it in document order, when that element's parent is the
    box.  Only tab links need a walk.
    """
    tree = doc.tree
    elements = body_elements(doc)
    nodes, ids = elements.nodes, elements.tag_ids
    tabs = _tab_blocks(tree, body, elements)
    picks = compress(range(len(ids)), map(_PICKED_IDS.__contains__, ids))
    for i in sorted({*picks, *tabs}) if tabs else picks:
        if i in tabs:
            block = tabs[i]
        elif ids[i] in _BOX_IDS:  # its first child, unless picked by its own tag
            child = i + 1
            if (
                child == len(ids) or ids[child] in _LABEL_TAG_NAMES
                or nodes[child].parent.mem_id != nodes[i].mem_id
            ):
                continue
            block = _candidate_block(tree, nodes[child], ids[child])
        else:
            block = _candidate_block(tree, nodes[i], ids[i])
        if block is not None:
            yield block


def _tab_blocks(tree, body, elements: Elements) -> dict[int, _Block]:
    """Panels named by tab links, by the link's index in the page's elements (a tab
    link that is a box's first child is read as that).  Few pages have any, so the
    element positions are only looked up for a found panel."""
    found = {}
    for link in body.css(TAB_QUERY):
        block = _tab_panel(tree, link)
        if block is None:
            continue
        index = elements.positions()[link.mem_id]
        before = elements.nodes[index - 1]  # the parent, when the link is its first child
        if not (before.mem_id == link.parent.mem_id and elements.tag_ids[index - 1] in _BOX_IDS):
            found[index] = block
    return found


def _candidate_block(tree, node, tag_id: int) -> _Block | None:
    """The block a label candidate opens, by its tag."""
    tag = _LABEL_TAG_NAMES.get(tag_id)
    if tag == "p":
        return _paragraph_block(node)
    if tag is not None:
        return _heading_block(node, tag)
    if tag_id == _A_ID:
        return _tab_panel(tree, node)
    # a box's first child: only a label if short and list-free
    return _label_block(node) if _is_label(node) else None


# One block or None per candidate node: plain functions, not generators, as they run
# on ~60 nodes a page and nearly all find nothing.


def _heading_block(node, tag: str) -> _Block | None:
    """A heading-like element: a block label, a "<b>Read also:</b>" inline label,
    or a heading that holds its own link ("<h3>Related post: <a>...</a></h3>")."""
    text = node.text(deep=True, separator=" ")
    if inline_match(text):
        bold = tag in ("strong", "b") and node.parent is not None
        return _Block((node.parent if bold else node,), inline=True)
    return _label_block(node) if _is_label(node, text) else None


def _paragraph_block(node) -> _Block | None:
    """A paragraph opening "Read also: <a>", or a paragraph that is only a label."""
    lead = node.text(deep=False, strip=True)
    if not lead:  # "<p><span>Sur le même sujet</span></p>": the label is nested
        return _nested_label(node)
    if len(lead) > MAX_TITLE_CHARS:
        return None
    if inline_match(lead):
        return _Block((node,), inline=True)
    if len(lead) <= MAX_LABEL_CHARS and _is_label(node):
        return _label_block(node)
    return None


def _nested_label(node) -> _Block | None:
    """A paragraph whose label sits in a child: "<p><span>Most read</span></p>" (an
    inline "<p><b>Read also:</b> <a>" is read from its ``<b>``)."""
    if _holds_container(node):
        return None
    text = node.text(deep=True, separator=" ")
    if len(text) <= MAX_LABEL_CHARS * 3 and not inline_match(text) and _is_label(node, text):
        return _label_block(node)
    return None


def _tab_panel(tree, tab) -> _Block | None:
    """A tab panel named by a labelled tab link: ``<a href="#latest-tab">Latest</a>``."""
    target = (tab.attrs.get("href") or "")[1:]
    if target and TAB_ID_RE.fullmatch(target) and _is_label(tab):
        panel = tree.css_first(f'[id="{target}"]')
        if panel is not None:
            return _Block((panel,))
    return None


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


def has_ticker_boxes(doc: Document) -> bool:
    """Some class on the page names a ticker box (28 of the 181 development pages):
    a dict lookup once html-related's class scan is built, so test it first."""
    return bool(_scan(doc).ticker_query)


def tickers_above_headline(doc: Document, title: str | None) -> list:
    """Ticker / breaking-news boxes placed before the article's headline."""
    return _ticker_boxes(doc, title)[0]


# --- items -------------------------------------------------------------------


def _strip_noise(elements: list[tuple], text: str) -> str:
    """``text`` without the link's dates, kickers, ranks, teasers ... (when a headline
    is left).  ``elements``: the link's :func:`_elements` (the link itself included)."""
    for noise in _parts(elements, _NOISE_IDS, NOISE_CLASS_RE):
        part = _text(noise)
        if part and part in text:
            rest = _clean(text.replace(part, " ", 1))
            if _looks_like_headline(rest):
                text = rest
    return text


def _title_of(link, full: str | None = None, attrs: dict | None = None) -> str:
    """The headline of a teaser link: title element, link title, or cleaned text.

    ``full``: the link's :func:`_text`, ``attrs``: its attributes, when the caller has them."""
    if full is None:
        full = _text(link)
    if next(link.iter(), None) is None:  # text only: nothing to pick from or strip
        return _RANK.sub("", full)
    elements = _elements(link)
    title = _title_element_text(elements)
    if title:
        rest = _clean(full.replace(title, " ", 1))
        if _is_kicker(title, rest):
            return _strip_noise(elements, rest)
        if _looks_like_headline(title):
            return title
    attr = _clean((link.attributes if attrs is None else attrs).get("title"))
    if attr and full.casefold().startswith(attr.casefold()):
        return attr
    return _RANK.sub("", _strip_noise(elements, full))


def _title_element_text(elements: list[tuple]) -> str:
    """Text of the link's title element; of the innermost one when wrappers nest
    ("item__title-wrapper" > h4 "item__hed" + "item__dek")."""
    chosen = ""
    for node in _parts(elements, _TITLE_IDS, TITLE_CLASS_RE):
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
        if node.tag_id == _P_ID:
            para = node.text(deep=True, strip=True)
            if inline_match(para):
                return False
            linked = sum(len(a.text(deep=True, strip=True)) for a in node.css("a"))
            return len(para) - linked > max(MAX_UNLINKED_CHARS, len(para) * MAX_UNLINKED_SHARE)
        node = node.parent
    return False


def _card(link, block_nodes: tuple):
    """The teaser card around ``link``: its ancestors whose links all go to its href."""
    href = link.attrs.get("href")
    block_ids = {b.mem_id for b in block_nodes}  # (wrappers are new objects: compare ids)
    card = link
    for _ in range(MAX_CARD_CLIMB):
        parent = card.parent
        if parent is None or parent.mem_id in block_ids:
            break
        if not _links_all_to(parent, href):
            break
        card = parent
    return card


def _links_all_to(node, href: str | None) -> bool:
    """Every ``a[href]`` in ``node`` goes to ``href``, and there are at most
    MAX_CARD_LINKS of them.  A walk that stops at the first other link: in a list,
    that is the next card's, a few elements on (a ``css()`` call would fetch all)."""
    count = 0
    for part in node.traverse():
        if part.tag_id != _A_ID:
            continue
        attrs = part.attributes
        if "href" in attrs:
            count += 1
            if count > MAX_CARD_LINKS or attrs["href"] != href:
                return False
    return True


def _card_parts(card) -> tuple[object | None, list]:
    """The card's first date element (``<time>`` or a date/time/ago class) and its
    section/category elements, in document order, from one walk of its few elements."""
    date, sections = None, []
    for node in card.traverse():
        classes = (node.attributes.get("class") or "").lower()
        if classes and not CARD_PART_CLASS_RE.search(classes):
            classes = ""  # neither kind: one search instead of two for most classes
        if date is None and (
            node.tag_id == _TIME_ID or (classes and DATE_CLASS_RE.search(classes))
        ):
            date = node
        if classes and SECTION_CLASS_RE.search(classes):
            sections.append(node)
    return date, sections


def _published(date, link_text: str, title: str) -> str | None:
    """ISO date shown with the item: its card's ``date`` element, else a date
    appended to the link text after the headline."""
    if date is not None:
        iso = parse_iso(date.attrs.get("datetime") or "") or parse_date(_text(date))
        if iso:
            return iso
    rest = link_text.replace(title, " ", 1) if title in link_text else ""
    match = search_date(rest) if rest.strip() else None
    return match.iso if match is not None else None


def _section(sections: list, title: str) -> str | None:
    """The first short section/category label of the card that is not the headline."""
    for node in sections:
        text = _text(node)
        if text and text != title and len(text) <= 40 and title not in text:
            return text
    return None


@dataclass
class _Page:
    """Per-page state: the page address and caches shared by all blocks."""

    base: str | None
    urls: dict = field(default_factory=dict)  # href -> (article URL, key) or None
    negative: dict = field(default_factory=dict)  # mem_id -> negative verdict
    links: dict = field(default_factory=dict)  # link mem_id -> _Candidate or None

    def __post_init__(self) -> None:
        self.origin = _origin(self.base)

    def article_url(self, href: str | None) -> tuple[str, str] | None:
        if href not in self.urls:
            self.urls[href] = _article_url(href, self.base, self.origin)
        return self.urls[href]


@dataclass(frozen=True)
class _Candidate:
    """A headline link accepted inside a block; dated and sectioned only if kept."""

    key: str
    url: str
    title: str
    link: object
    block: _Block
    text: str  # the link's whole visible text

    def item(self) -> RelatedItem:
        date, sections = _card_parts(_card(self.link, self.block.nodes))
        return RelatedItem(
            title=self.title,
            url=self.url,
            section=_section(sections, self.title),
            published=_published(date, self.text, self.title),
        )


def _candidate(link, block: _Block, page: _Page) -> _Candidate | None:
    """The related item a teaser link stands for, or None when it is not one."""
    attrs = link.attributes
    quick = link.text(deep=True, strip=True)  # image links and "More" buttons end here
    if not quick or (len(quick) < QUICK_MIN_CHARS and not attrs.get("title")):
        return None
    found = page.article_url(attrs.get("href"))
    if found is None or PAID_REL_RE.search(attrs.get("rel") or ""):
        return None
    if _is_negative(link, page.negative, stop=block.ids):
        return None
    full = _text(link)
    title = _title_of(link, full, attrs)
    if not _looks_like_headline(title) or _is_body_link(link, title):
        return None
    return _Candidate(found[1], found[0], title, link, block, full)


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
    return len(rest) <= MAX_LABEL_CHARS and label_match(rest)


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
