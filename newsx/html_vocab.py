"""Vocabulary of the HTML body extractor: tags, class/id words, boilerplate lines.

Data only, so that a rule is changed by editing a table, not control flow.
Class/id words are matched as substrings of the lower-cased ``class`` and
``id`` attributes (the way page templates name things: ``post-share-bar``,
``relatedArticles``), so a word must be specific enough not to occur inside
an unrelated name.
"""

from __future__ import annotations

import re

from newsx.agencies import AGENCY_NAMES, AGENCY_PATTERN, CREDIT_LEAD_PATTERN, WIRE_CREDITS
from newsx.patterns import trie_pattern

#: Elements whose content is never article text, removed unconditionally (each
#: tag costs a selector; ``template`` needs none: its content is not in the tree).
#: ``noscript`` is not here: some sites put the article text there.
DROP_TAGS: tuple[str, ...] = (
    "svg", "iframe", "button", "select", "textarea", "nav", "aside", "figcaption",
)
#: Elements with much non-text content, stripped first so that text shares are right.
CODE_TAGS: tuple[str, ...] = ("script", "style")

#: Elements that are boilerplate unless they hold most of the text (then they are
#: a template's wrapper: whole pages sit in ``<form>`` on some CMSs).
BOILERPLATE_TAGS: tuple[str, ...] = ("header", "footer", "form", "figure", "noscript")

#: Class/id words of page-level widgets that hold many paragraphs of their own and
#: so can win the root scoring (comment threads); removed from the whole page.
#: Kept short on purpose: each attribute-substring selector costs a pass of the
#: CSS engine over the page, and the class-name factor of the scoring already
#: demotes sidebars and related lists.
PAGE_WIDGET_WORDS: tuple[str, ...] = ("comment",)

#: Class words of widgets inside the article, matched as case-insensitive substrings
#: of ``class`` (one regex over the root's classes).  A short common part stands
#: for its variants ("author" for author-bio, authorbox, ...).
BOILERPLATE_WORDS: tuple[str, ...] = (
    # sharing and social
    "share", "sharing", "social", "addthis", "follow",
    # recommendation and navigation widgets
    "related", "recommend", "read-more", "readmore", "stories", "trending", "popular",
    "most", "outbrain", "taboola", "pagination", "sidebar", "widget", "menu",
    "next-prev", "prev-next", "post-nav", "nav-links",
    # subscriptions and prompts
    "newsletter", "subscri", "signup", "paywall", "promo", "cookie", "consent",
    "modal", "popup", "overlay",
    # ads
    "advert", "ad-slot", "ad-unit", "ad-container", "ad-wrapper", "dfp", "sponsor", "banner",
    # comments, authors, tags, media credits, screen-reader text
    "comment", "disqus", "author", "byline", "caption", "credit", "tags", "keywords",
    "print-only", "screen-reader", "sr-only", "visually-hidden",
)
#: The few of those words that templates also put in ``id`` attributes.
BOILERPLATE_ID_WORDS: tuple[str, ...] = (
    "share", "social", "related", "recommend", "sidebar", "newsletter", "subscri", "comment",
    "advert", "promo", "taboola", "outbrain", "tags",
)

#: Hidden or decorative content inside the article, by attribute.  Checked in
#: Python on the root's elements that have attributes at all: one cheap query and
#: a regex beat a long selector list, which costs a tree walk per selector.
#: attribute -> the value that hides (``None``: any value)
HIDDEN_ATTRS: dict[str, str | None] = {"hidden": None, "aria-hidden": "true"}
HIDDEN_CLASSES: frozenset[str] = frozenset({"hidden", "hide", "d-none"})  # whole class words
HIDDEN_ROLES: frozenset[str] = frozenset(
    {"navigation", "complementary", "banner", "contentinfo", "dialog"}
)
HIDDEN_STYLE = re.compile(r"display: ?none|visibility:hidden", re.I)

def word_pattern(words: tuple[str, ...]) -> str:
    """A regex matching any of ``words`` (literals), as a trie (see newsx.patterns): the
    class words are matched on every candidate and widget, so the speed matters."""
    return trie_pattern(words)


#: Class/id words that make a container a likely article root or a widget
#: (readability-style); matched against the lower-cased names (no ``re.I``: it
#: makes a search of this alternation several times slower).
POSITIVE_CLASS = re.compile(
    r"article|body|content|entry|hentry|main|page|post|text|blog|story|prose|rich-?text",
)
NEGATIVE_WORDS: tuple[str, ...] = (
    "comment", "com-", "contact", "foot", "masthead", "media", "meta", "outbrain", "taboola",
    "promo", "related", "scroll", "share", "social", "sidebar", "sponsor", "shopping", "tags",
    "tool", "widget", "newsletter", "subscribe", "advert", "breadcrumb", "byline", "author",
    "caption", "credit", "popup", "modal", "cookie", "recommend", "trending", "popular", "nav",
    "menu", "banner", "hidden", "teaser", "card", "consent", "gdpr", "privacy",
)
NEGATIVE_CLASS = re.compile(word_pattern(NEGATIVE_WORDS))

#: Class/id words of media widgets (captions, credits, galleries), whose text can
#: outscore an article written as a list: the best container must not be one, or
#: lie inside one, when an article-named ancestor holds far more text.  Narrower
#: than ``NEGATIVE_CLASS``: ``media`` and ``meta`` also name article wrappers.
MEDIA_WIDGET_CLASS = re.compile(r"caption|credit|gallery|slideshow|thumbnail")

#: Strong hints of the article root: attribute -> its lower-cased value (``None``: any).
ROOT_HINT_ATTRS: dict[str, str | None] = {"itemprop": "articlebody", "data-article-body": None}

#: Short lines that are prompts or widget labels, not article text (any language).
BOILERPLATE_LINE = re.compile(
    r"^\W*(?:"
    r"advertisement|advertising|adverts?|anzeige|publicidade|publicidad|pubblicità|реклама|"
    r"광고|広告|"
    r"sponsored|share(?: this| on \w+)?|tweet|email|print|comments?|"
    r"read (?:more|next|also)|see also|related(?: articles?| stories| posts?)?|"
    r"leia (?:mais|também)|leggi anche|lesen sie (?:auch|mehr)|baca juga|читайте также|"
    r"click here.*|sign up.*|subscribe.*|follow us.*|add (?:a )?(?:comment|review)|"
    r"добавить (?:отзыв|комментарий)|"
    r"(?:image|photo|picture|video)(?: credit)?s?:.*|getty images|"
    r"loading|正在加载|加载中|読み込み中|로딩 ?중|continue reading|skip (?:to )?(?:content|ad)|"
    r"(?:this \w+ )?requires javascript.*|(?:please )?enable javascript.*|"
    r"(?:like|enjoy(?:ed)?) this (?:story|article|post)\?.*|"
    r"(?:next|prev(?:ious)?|back to top)(?:\W+(?:next|prev(?:ious)?))*|close|"
    r"\d+\s*[-–]\s*\d+ (?:of|von|de|di) \d+|page \d+ of \d+"
    r")\W*$",
    re.I,
)

#: Headings that open the page's furniture after the article (related stories,
#: comments, most read): the rest of their container is skipped (any language).
#: Inline "Read also:" labels are not here: the article goes on after them.
END_HEADING = re.compile(
    r"^\W*(?:"
    r"related(?: articles?| stories| posts?| news| content| coverage)?|"
    r"more (?:from|on|in)\b.*|more\b[\w' ]{0,30}\b(?:stories|news|articles|reads|videos)|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)|recommended(?: for you)?|"
    r"(?:most )?(?:popular|read|viewed|shared)(?: (?:stories|articles|now|today))?|"
    r"trending(?: now| stories)?|top stories|latest(?: news| stories)?|"
    r"comments?|leave a (?:comment|reply)|reviews?|tell us what you think|have your say|"
    r"join the (?:conversation|discussion)|tags?|tagged(?: with)?|topics|filed under|"
    r"etiquetas|schlagw(?:ö|oe)rter|теги|태그|"
    r"mais lidas|notícias relacionadas|articoli correlati|mehr zum thema|"
    r"berita terkait|artikel terkait|"
    r"самые популярные.*|похожие (?:статьи|новости)|отзывы|комментарии|"
    r"関連記事|人気記事|관련 ?기사|많이 본 뉴스"
    r")\W*$",
    re.I,
)

#: Bylines and datelines above the article ("By Jane Doe", "Updated 1:23 p.m.",
#: "segunda-feira, 22 de janeiro de 2018 às 0:13"): short leading paragraphs
#: with a time, a numeric date, or a "by" are dropped (a bare year is not enough:
#: "2018 Festival Performance" is a heading of the article).
LEADING_META = re.compile(
    r"\b\d{1,2}[:h]\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|"
    r"^\W*(?:by|por|von|di|oleh|от|par|door)\s|\b(?:updated|published|posted|"
    r"atualizado|publicado|aggiornato|pubblicato|aktualisiert|veröffentlicht)\b",
    re.I,
)

#: Closing prompts after the article (contact the author, subscribe, follow us):
#: searched in the last blocks, which are dropped from the end while they match.
TRAILING_PROMPT = re.compile(
    r"\b(?:subscribe|sign up|newsletters?|inbox|follow (?:us|him|her|them|@)|"
    r"may be reached at|can be reached at|have a (?:news )?tip|send (?:us )?(?:a )?tips?|"
    r"click here|download (?:the|our) app|"
    r"assine|inscreva-se|abonnieren|iscriviti|подпишитесь)\b",
    re.I,
)

#: A closing source credit: a short last block naming a news agency (newsx.agencies),
#: alone or shared ("(avec AFP)" gives "AFP").
AGENCIES = AGENCY_PATTERN + "|wire|cnn|bbc"
ATTRIBUTION_LINE = re.compile(
    rf"^\s*(?:[(\[]\s*(?:(?:{CREDIT_LEAD_PATTERN})\s+)?"
    rf"(?P<a>(?:{AGENCIES})(?:\s*[,/&]\s*(?:{AGENCIES}))*)\s*[)\]]"
    rf"|[—–-]+\s*(?P<b>(?:{AGENCIES}))"
    rf"|(?P<d>with (?:\w+ )?wires)"
    rf"|(?:source|sources|fonte|quelle|fuente|sumber)\s*:\s*(?P<c>[\w .,&/-]{{2,40}}))\s*\.?\s*$",
    re.I,
)
#: The same credit closing the last paragraph ("... into the US. PTI", "... (Reuters)"):
#: it is noted as the attribution and left in the text.  Case-sensitive, so that
#: a sentence ending in "ap" or "ani" is not taken for one.
TRAILING_CREDIT = re.compile(
    r"(?:[.!?”\"]\s+|\s[—–-]+\s*|\s\()"
    rf"(?P<a>{AGENCY_PATTERN})\)?\.?\s*$"
)
#: The names :data:`TRAILING_CREDIT` can end with.
_CREDIT_NAMES: tuple[str, ...] = (*AGENCY_NAMES, *WIRE_CREDITS)


def trailing_credit(text: str) -> str | None:
    """The agency credited at the end of ``text`` (:data:`TRAILING_CREDIT`), if any.
    The search tries every position of a long paragraph: a text not ending in an
    agency's name (before spaces, "." and ")") is ruled out first."""
    end = len(text.rstrip())
    if text.endswith(".", 0, end):
        end -= 1
    if text.endswith(")", 0, end):
        end -= 1
    if not text.endswith(_CREDIT_NAMES, 0, end):
        return None
    match = TRAILING_CREDIT.search(text)
    return match["a"] if match else None
