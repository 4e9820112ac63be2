"""Vocabulary of the HTML body extractor: tags, class/id words, boilerplate lines.

Data only, so that a rule is changed by editing a table, not control flow.
Class/id words are matched as substrings of the lower-cased ``class`` and
``id`` attributes (the way page templates name things: ``post-share-bar``,
``relatedArticles``), so a word must be specific enough not to occur inside
an unrelated name.
"""

from __future__ import annotations

import re

#: Elements whose content is never article text, removed unconditionally.
#: ``noscript`` is not here: some sites put the article text there.
DROP_TAGS: tuple[str, ...] = (
    "template", "svg", "iframe", "object", "embed", "button",
    "select", "textarea", "nav", "aside", "figcaption", "dialog", "menu",
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
#: of ``class`` (each word is one selector, and selectors cost time: keep it tight).
BOILERPLATE_WORDS: tuple[str, ...] = (
    # sharing and social
    "share", "sharing", "social", "sociable", "addthis", "follow-us", "followus",
    # recommendation and navigation widgets
    "related", "recommend", "read-more", "readmore", "more-stories", "morestories",
    "trending", "popular", "most-read", "mostread", "outbrain", "taboola", "breadcrumb",
    "pagination", "pager", "sidebar", "widget", "navbar", "menu",
    # subscriptions and prompts
    "newsletter", "subscri", "signup", "sign-up", "paywall", "regwall",
    "promo", "cookie", "consent", "gdpr", "modal", "popup", "overlay",
    # ads
    "advert", "adslot", "ad-slot", "ad-container", "adcontainer", "ad-wrapper", "adunit",
    "ad-unit", "dfp", "sponsor", "banner",
    # comments, authors, tags, media credits
    "comment", "disqus", "author-bio", "authorbio", "author-box", "authorbox", "about-author",
    "byline", "caption", "credit", "tags", "tag-list", "taglist", "keywords",
    "print-only", "screen-reader", "sr-only", "visually-hidden",
    # previous / next article links
    "next-prev", "prev-next", "post-nav", "nav-links", "nav-previous", "nav-next",
)
#: The few of those words that templates also put in ``id`` attributes.
BOILERPLATE_ID_WORDS: tuple[str, ...] = (
    "share", "social", "related", "recommend", "sidebar", "newsletter", "subscri", "comment",
    "advert", "promo", "taboola", "outbrain", "tags",
)

#: Attribute selectors of hidden or decorative content.
HIDDEN_SELECTORS: tuple[str, ...] = (
    "[hidden]", "[aria-hidden=true]", "[class~=hidden]", "[class~=hide]", "[class~=d-none]",
    '[style*="display:none" i]', '[style*="display: none" i]',
    '[style*="visibility:hidden" i]', '[role="navigation"]', '[role="complementary"]',
    '[role="banner"]', '[role="contentinfo"]', '[role="dialog"]',
)

#: Class/id words that make a container a likely article root or a widget
#: (readability-style); matched against the lower-cased names (no ``re.I``: it
#: makes a search of this alternation several times slower).
POSITIVE_CLASS = re.compile(
    r"article|body|content|entry|hentry|main|page|post|text|blog|story|prose|rich-?text",
)
NEGATIVE_CLASS = re.compile(
    r"comment|com-|contact|foot|masthead|media|meta|outbrain|taboola|promo|related|scroll|"
    r"share|social|sidebar|sponsor|shopping|tags|tool|widget|newsletter|subscribe|advert|"
    r"breadcrumb|byline|author|caption|credit|popup|modal|cookie|recommend|trending|"
    r"popular|nav|menu|banner|hidden|teaser|card|consent|gdpr|privacy",
)

#: Strong hints of the article root, in order of trust.
ROOT_HINTS: tuple[str, ...] = ('[itemprop="articlebody" i]', "[data-article-body]")

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
    r"loading|continue reading|skip (?:to )?(?:content|ad)|"
    r"(?:this \w+ )?requires javascript.*|(?:please )?enable javascript.*|"
    r"(?:like|enjoy(?:ed)?) this (?:story|article|post)\?.*"
    r")\W*$",
    re.I,
)

#: Headings that open the page's furniture after the article (related stories,
#: comments, most read): reading stops at the first one (any language).
END_HEADING = re.compile(
    r"^\W*(?:"
    r"related(?: articles?| stories| posts?| news| content| coverage)?|"
    r"(?:read|see) (?:more|also|next)|more (?:from|on|in|stories|news)\b.*|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)|recommended(?: for you)?|"
    r"(?:most )?(?:popular|read|viewed|shared)(?: (?:stories|articles|now|today))?|"
    r"trending(?: now| stories)?|top stories|latest(?: news| stories)?|"
    r"comments?|leave a (?:comment|reply)|reviews?|tell us what you think|have your say|"
    r"join the (?:conversation|discussion)|"
    r"leia (?:mais|também)|mais lidas|veja também|notícias relacionadas|"
    r"leggi anche|articoli correlati|lesen sie (?:auch|mehr)|mehr zum thema|"
    r"baca juga|berita terkait|artikel terkait|"
    r"читайте также|самые популярные.*|похожие (?:статьи|новости)|отзывы|комментарии|"
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

#: A closing source credit: a short last block naming a news agency.
AGENCIES = (
    r"reuters|ap|afp|dpa|upi|ani|pti|ians|efe|ansa|xinhua|tass|bloomberg|agencies|"
    r"agência brasil|agencia efe|associated press|agence france-presse|with agencies|"
    r"wires?|cnn|bbc"
)
ATTRIBUTION_LINE = re.compile(
    rf"^\s*(?:[(\[]\s*(?P<a>(?:{AGENCIES})(?:\s*[,/&]\s*(?:{AGENCIES}))*)\s*[)\]]"
    rf"|[—–-]+\s*(?P<b>(?:{AGENCIES}))"
    rf"|(?:source|sources|fonte|quelle|fuente|sumber)\s*:\s*(?P<c>[\w .,&/-]{{2,40}}))\s*\.?\s*$",
    re.I,
)
