"""Header fields of a text dump: title, dateline, byline, section, ticker, language.

A dump has no markup, so the header is found by its shape.  The headline is
a short, title-like line followed within a few lines by the things that
follow a headline on every news page: a dateline, a byline, and the first
paragraph of prose.  Every title-like line is scored by what follows it and
the best one wins; the dateline, byline and kicker are then read from the
lines around it.  A headline ticker is a run of several headlines on one
line (or a short "Breaking news" list) above the headline.

Vocabularies (byline prefixes, roles, agencies, navigation words) are tables
at the top; the rules below only read them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import chain, compress, pairwise
from operator import attrgetter, itemgetter

from newsx.agencies import AGENCY_NAMES, WIRE_CREDITS
from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.language import SAMPLE_CHARS, detect_language
from newsx.record import Header
from newsx.textdump import DumpLine

# --------------------------------------------------------------------------- tables

#: Byline prefixes in several languages; the name follows.
BYLINE_PREFIXES: tuple[str, ...] = (
    "by", "written by", "words by", "story by", "reporting by", "posted by", "text by",
    "von", "par", "por", "di", "da", "door", "av", "af", "przez", "oleh", "tekst:",
    "автор:", "автор", "текст:", "текст", "作者:", "作者：", "글:", "기자:",
)
_BYLINE_WORDS: frozenset[str] = frozenset(p.rstrip(":：") for p in BYLINE_PREFIXES)
#: First two letters of the prefixes: a set lookup that spares the byline regex.
_BYLINE_STARTS: frozenset[str] = frozenset(p[:2] for p in BYLINE_PREFIXES)
#: Words that name a role or title, never a person.
ROLE_WORDS: frozenset[str] = frozenset(
    [
        "writer", "staff", "reporter", "correspondent", "editor", "columnist", "contributor",
        "contributing", "senior", "chief", "associate", "deputy", "managing", "executive",
        "political", "business", "sports", "auto", "opinion", "special", "guest", "freelance",
        "photographer", "producer", "analyst", "director", "founder", "ceo", "president",
        "professor", "dr", "md", "phd", "ms", "rd", "rdn", "bsc", "apd", "msc", "lead", "national",
        "international", "digital", "news", "desk", "team", "bureau", "intern", "fellow", "host",
        "anchor", "critic", "blogger", "author", "redakteur", "redaktion", "journalist",
        "journalistin", "редактор", "корреспондент", "обозреватель", "колумнист",
        "기자", "칼럼니스트",
    ]
)
#: Credits that are an agency, outlet or account, not a person (casefolded): the
#: shared agency table (newsx.agencies) plus broadcasters, desks and accounts.
AGENCIES: frozenset[str] = frozenset(
    name.casefold() for name in (*AGENCY_NAMES, *WIRE_CREDITS)
) | frozenset(
    [
        "ans", "ria", "cnn", "bbc", "nbc", "abc", "cbs", "fox", "ntv", "rt", "sputnik",
        "admin", "administrator", "staff", "editor", "editors", "guest", "anonymous", "agency",
        "the associated press", "press association", "the canadian press", "cnn business",
        "cnn wire", "fox news", "cbs news", "nbc news", "abc news", "bloomberg news",
        "staff reports", "staff report", "news desk", "web desk", "news service",
        "reuters staff", "ap staff",
    ]
)
#: Words of an outlet's name ("Jerusalem Post Staff"): never part of a person's name.
OUTLET_WORDS: frozenset[str] = frozenset(
    [
        "post", "times", "news", "press", "daily", "herald", "tribune", "journal", "media",
        "magazine", "network", "tv", "radio", "online", "digital", "wire", "wires", "service",
        "services", "agency", "bureau", "desk", "group", "reports", "report", "channel", "today",
        "weekly", "gazette", "chronicle", "review", "sport", "sports",
    ]
)
#: Lower-case name particles ("Ludwig van Beethoven", "Maria da Silva").
NAME_PARTICLES: frozenset[str] = frozenset(
    [
        "de", "da", "di", "del", "della", "dos", "das", "du", "van", "von", "der", "den", "la",
        "le", "bin", "ibn", "al", "el", "y",
    ]
)
#: Words that never start a person's name in a byline.
NOT_NAME_WORDS: frozenset[str] = frozenset(
    [
        "the", "a", "an", "this", "that", "these", "our", "your", "my", "his", "her", "its",
        "their", "of", "in", "on", "at", "to", "for", "with", "from", "subject", "choosing",
        "signing", "clicking", "submitting", "registering", "subscribing", "viewing", "taking",
        "most", "using", "continuing", "all", "share", "comments", "comment", "home", "menu",
        "search", "login", "sign", "subscribe", "newsletter", "click", "read", "more", "published",
        "updated", "posted", "last", "first", "advertisement", "sponsored",
    ]
)
#: Single words of page furniture: a line that is one of them is never a headline,
#: kicker or name (casefolded).
NAV_WORDS: frozenset[str] = frozenset(
    [
        "home", "menu", "search", "share", "tweet", "email", "print", "comments", "comment",
        "subscribe", "login", "logout", "register", "close", "open", "skip", "advertisement", "ad",
        "ads", "sponsored", "more", "back", "next", "previous", "top", "main", "navigation",
        "sections", "section", "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit",
        "instagram", "youtube", "rss", "go", "newsletter", "newsletters", "video", "videos",
        "photos", "photo", "gallery", "galleries", "live", "watch", "listen", "account", "settings",
        "profile", "edit", "view", "learn", "donate", "contact", "about", "tips", "policy",
        "privacy", "terms", "consent", "change", "input", "text", "feedback", "opportunities",
        "advertising", "picks", "confidential", "signed",
    ]
)
#: Whole lines of page furniture (casefolded).
NAV_LINES: frozenset[str] = NAV_WORDS | frozenset(
    {
        "log in", "sign in", "sign up", "log out", "sign out", "you are here", "you are at:",
        "contact us", "about us", "skip to main content", "skip to content",
        "open navigation menu", "continue reading the main story", "share this",
        "get short url", "menusections", "breaking news", "trending", "most popular",
        "related", "search search", "follow us",
    }
)
#: Headings above a headline ticker.
TICKER_HEADINGS: frozenset[str] = frozenset(
    {"breaking news", "breaking", "just in", "latest", "latest news", "news ticker",
     "ticker", "headlines", "top stories", "ultime notizie", "últimas notícias",
     "eilmeldung", "срочно", "последние новости"}
)
#: Capitalised function words that start a new sentence-case headline.
HEADLINE_STARTERS: frozenset[str] = frozenset(
    [
        "In", "On", "At", "A", "An", "The", "After", "Before", "With", "Without", "Despite", "Amid",
        "As", "For", "From", "How", "Why", "What", "When", "Where", "Who", "Will", "Can", "Is",
        "Are", "Was", "Were", "Has", "Have", "Could", "Should", "This", "These", "Those", "Three",
        "Two", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    ]
)

# --------------------------------------------------------------------------- regexes


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` grouped by their shared beginnings.

    The regex engine tries the alternatives of a group one by one at every
    position of the line; grouped, most of them fail on their first letter
    together.  A trailing ``*`` in a word stands for ``\\w*``.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[0], []).append(word[1:])
    parts = []
    for head, tails in groups.items():
        first = r"\w*" if head == "*" else re.escape(head)
        rest = [t for t in tails if t]
        inner = _trie(rest) if rest else ""
        if len(rest) < len(tails) and rest:
            parts.append(f"{first}(?:{inner})?")
        elif "|" in inner:
            parts.append(f"{first}(?:{inner})")
        else:
            parts.append(first + inner)
    return "|".join(parts)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_DIGIT = re.compile(r"\d")
#: Cheap pre-filter for a line that may hold a date: a numeric date, or a month
#: name (searched in the lower-cased line: a case-insensitive search over
#: non-ASCII alternatives is ten times slower).  Only lines passing it are
#: handed to ``dates.search_date``.
_NUMERIC_DATE = re.compile(r"\d[-./]\d{1,2}[-./]\d|\d年|\d{4}-\d")
#: Beginnings of month names and abbreviations in the languages above.
MONTH_STEMS: tuple[str, ...] = (
    "jan", "feb", "mär", "mar", "apr", "mai", "may", "jun", "jul", "aug", "sep", "oct", "okt",
    "nov", "dec", "dez", "янв", "фев", "мар", "апр", "мая", "май", "июн", "июл", "авг", "сен",
    "окт", "ноя", "дек", "gen", "giu", "lug", "ago", "set", "ott", "dic", "fev", "abr", "out",
    "févr", "avr", "juil", "août", "déc", "mei", "agu", "des",
)
_MONTH_WORD = re.compile(rf"\b(?:{_trie(MONTH_STEMS)})")
_GLUED_YEAR = re.compile(r"\b((?:19|20)\d\d)(\d{1,2}:\d\d)")
_UPDATED = re.compile(r"(?i)\b(?:updated?|modified|aktualisiert|atualizad[oa]|aggiornato"
                      r"|mis à jour|обновлен[оа]?|actualizado)\b")
_END_PUNCT = ".!?…。！？"
_CLOSERS = "\"'”’)»"
#: A sentence ends inside the line: "word. Next".  The pattern starts at the
#: punctuation and looks back for the letter, so the engine skips to the few
#: ".!?" of a long paragraph instead of trying every letter.
_SENTENCE_INSIDE = re.compile(
    r"[.!?](?<=[a-z\u00e0-\u024f\u0430-\u044f\d][.!?])[\"'”’]?\s+[A-Z\u0410-\u042f]"
)
_CJK_SENTENCE = re.compile(r"[。！？]")
_BREADCRUMB_SEP = re.compile(r"\s*(?:>|»|›|/|\\|→)\s*")
#: "Home" glued to the next breadcrumb level ("HomeWorld News").
_HOME_PREFIX = re.compile(r"^(?:Home|HOME|Início|Inicio|Startseite|Accueil)(?=[A-Z\s])\s*")
_BREADCRUMB_ARROW = re.compile(r"\S\s*[>»›→]\s*\S")
#: Labels that sit where a kicker does but are not sections (casefolded).
NOT_SECTIONS: frozenset[str] = frozenset(
    {"author", "article", "most read", "most popular", "editors' picks", "editor's picks",
     "trending", "breaking news", "blog", "home", "advertisement", "sponsored"}
)
_PIPE_DATE = re.compile(r"^(?P<section>[^|\d]{2,40}?)\s*\|\s*(?P<rest>.*\d.*)$")
_BYLINE = re.compile(
    r"^(?:"
    + "|".join(re.escape(p) for p in sorted(BYLINE_PREFIXES, key=len, reverse=True))
    + r")(?:\s*:)?\s+(?P<names>\S.*)$",
    re.IGNORECASE,
)
#: Where a byline's name list stops: a separator, a digit (a date) or a handle ...
_NAME_STOP_CHARS = re.compile(r"[|•·—–／/@\d]| - ")
#: ... or one of these words (casefolded, trailing "." and "," removed).
NAME_STOP_WORDS: frozenset[str] = frozenset(
    [
        "updated", "update", "posted", "published", "publiziert", "publicado", "pubblicato",
        "publié", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
)
#: Month names end a name list when they close it ("By Joseph Tsidulko November 19").
MONTH_WORDS: frozenset[str] = frozenset(
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    ]
)
#: Words that join names ("Jane Smith and Tom Brown", "Ana y Luis").
NAME_JOINERS: frozenset[str] = frozenset([",", "&", "and", "und", "y", "e", "et", "и"])
#: A name glued to a role or outlet ("Meg JamesStaff Writer", "Jonathan GarberFOXBusiness").
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][A-Z]+[a-z]|[A-Z][a-z]+\b)")
#: "... by NAME" inside a dateline ("11/19/2019 by Lars Brandle").
_INNER_BY = re.compile(r"\s(?:by|By|BY|von|par|por|di)\s+(?=\S)")
_NAME_TOKEN = re.compile(
    r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]*\.?|[A-Z]\.(?:[A-Z]\.)*|[dDO]['’][A-Z]\w+"
    r"|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,5})"
)
_ALLCAPS_PLACE = re.compile(r"\s+(?:[A-Z][A-Z.'’-]+\s+){0,3}[A-Z][A-Z.'’-]+:\s")
#: Photo credits, captions, share bars and calls to action: never a headline.
#: Anchored at the line start (a ``match`` fails fast); the unanchored signs
#: are plain substring tests in :func:`_is_credit`.
_CREDIT_START = re.compile(
    r"(?:photo|image|credit|source|foto|bild|getty|ap photo|file photo|caption"
    r"|share|follow|subscribe|sign up|sign in|log in|download|click|tap|back to|see all"
    r"|watch (?:live|now|more|the video)|listen (?:live|now)|join (?:us|our|the conversation)"
    r"|get (?:the|our|daily|breaking|personali[sz]ed|short)|print (?:this|article)"
    r"|read (?:more|the full|our)|enter your|view (?:all|more|comments)|filed under|thanks for"
    r"|visit our|load more|show more|skip|close|why you can trust|more from|more on|related"
    r"|advertisement|copy link|change ad|leave a|edit profile|search in|zurück|voltar|torna"
    r"|retour)\b"
)
#: Share-button labels: two of them on one line make it a share bar.
SOCIAL_WORDS: tuple[str, ...] = (
    "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit", "email", "e-mail",
    "instagram", "messenger", "telegram", "tumblr", "flipboard", "pint",
)
#: Site furniture that is shaped like a short headline ("Terms of Use", "Contact the BBC").
FURNITURE_WORDS: tuple[str, ...] = (
    "policy", "policies", "terms", "cookie", "cookies", "privacy", "contact", "account",
    "signed", "sign in", "sign out", "sign up", "newsletter", "newsletters", "subscribe",
    "subscription", "copyright", "rules", "faq", "help", "careers", "advertis*",
)
_FURNITURE = re.compile(rf"\b(?:{_trie(FURNITURE_WORDS)})\b")
#: A breadcrumb: levels joined by arrows, or a trailing separator ("TRD NATIONAL /").
_BREADCRUMB_TRAIL = re.compile(r"\S\s+[>»›]\s+\S|\s[>»›/]$")
_IMAGE_TAG = re.compile(r"^(?:\[[^\]\s]{1,40}\]\s*)+")
_CREDIT_COLON = re.compile(r"(?i)\b(?:images?|photo|credit|copyright)\s*:")
#: Characters before a colon that :data:`_CREDIT_COLON` reads ("copyright :").
_CREDIT_COLON_REACH = 16
#: A news agency's photo caption gives the weekday with the full date
#: ("... during a campaign stop, Tuesday, Nov. 19, 2019, in Columbia, S.C."); the
#: article's own prose names a day one way or the other.
_WEEKDAY_STEMS = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")
_CAPTION_DATE = re.compile(  # matched right after "<weekday>day, "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d\b"
)
#: Photo credits inside a caption ("(AP Photo/Jeff Chiu)", "Photograph: AFP via Getty",
#: "REUTERS/Brendan McDermid", "FILE PHOTO: ...").
_CAPTION_CREDIT = re.compile(
    r"\((?:AP|AFP|EPA|Reuters|Getty)\b[^)]{0,12}\b(?:Photo|Images)\b|\bPhoto(?:graph)?(?: by|:)"
    r"|\b(?:Photo|Image) credit\b|\bGetty Images\b|\bREUTERS/|/AFP\b"
)
_CAPTION_STARTS = ("FILE PHOTO:", "FILE -", "FILE:", "FILE —")
#: Characters from the start where the caption date is looked for, and from the end
#: where the credit is (the longest dev captions put it in their last 100).
_CAPTION_DATE_REACH = 400
_CAPTION_CREDIT_REACH = 160
_CREDIT_SIGNS: tuple[str, ...] = (
    "©", "|", "getty images", "://", "www.", "opens in new window", "email this", "mugshot",
    "file photo", "photo by", "(photo", "(afp", "(reuters", "(ap)", "about the author",
)


def _is_credit(text: str, folded: str) -> bool:
    """A credit, caption, share bar, breadcrumb or call to action (cheap tests first)."""
    if _CREDIT_START.match(folded):
        return True
    if text.count(" ") < 6 and _FURNITURE.search(folded):
        return True
    for sign in _CREDIT_SIGNS:
        if sign in folded:
            return True
    if ("›" in text or ">" in text or "»" in text or text[-1:] == "/") and _BREADCRUMB_TRAIL.search(
        text
    ):
        return True
    social = 0
    for word in SOCIAL_WORDS:
        if word in folded:
            social += 1
            if social == 2:
                return True
    at = text.find(":")
    while at >= 0:  # the label is right before a colon: read only there
        if _CREDIT_COLON.search(text, max(0, at - _CREDIT_COLON_REACH), at + 1):
            return True
        at = text.find(":", at + 1)
    return False


_TEXT = attrgetter("text")
_FIRST_CHAR = itemgetter(0)
_ELLIPSIS_SPLIT = re.compile(r"(?:\.\.\.|…)\s+(?=[A-Z\"'‘“])")

# Tuned on the development dumps (never per site):
#: Lines scanned after a candidate headline for a dateline / byline / prose.
_LOOKAHEAD = 12
#: A prose line: long enough to be a paragraph, not a menu or a headline.
_PROSE_CHARS = 110
_PROSE_CHARS_CJK = 45
_PROSE_WORDS = 14
#: A headline: word count bounds (CJK headlines are counted in characters).
_TITLE_WORDS = (3, 30)
_TITLE_MAX_CHARS = 220
#: A ticker line: at least this many characters and items.
_TICKER_MIN_CHARS = 140
_TICKER_MIN_ITEMS = 3
#: A headed ticker list: at most this many items, its heading this far above the headline.
_TICKER_MAX_ITEMS = 15
_TICKER_REACH = 20


# --------------------------------------------------------------------------- features


class _Lines:
    """The dump's lines and their features.

    Known for every line up front, cheaply (only long lines can be prose):
    ``texts``; ``paras``, the lines shaped like a paragraph, and ``para_at``,
    their indexes.  :meth:`prose` tells a paragraph of the article from a photo
    caption, which is shaped like one but is not the article's text.  The
    headline is looked for above paragraph-shaped lines (a lead photo's caption
    often sits between it and the first paragraph), but only real prose above
    a line tells that the article has already begun.  The other features are
    computed on first use and kept in plain lists (``None``: not computed
    yet), because most lines of a page are never looked at and a list slot
    costs far less than an object per line.
    """

    __slots__ = (
        "_byline", "_caption", "_dateish", "_folded", "_shaped", "_titleish", "para_at", "paras",
        "texts",
    )

    def __init__(self, texts: list[str]) -> None:
        n = len(texts)
        # Text browsers print an image's alt text as "[name]"; it is not part of a line.
        # The lines' first characters, gathered at C level, tell whether any starts so.
        try:
            tagged = "[" in "".join(map(_FIRST_CHAR, texts))
        except IndexError:  # an empty line
            tagged = True
        if tagged:
            texts = [_IMAGE_TAG.sub("", t) if t[:1] == "[" else t for t in texts]
        self.texts = texts
        # Only long lines (or shorter non-ASCII ones) can be prose: C-level length filter.
        paras = [False] * n
        para_at: list[int] = []
        for i in compress(range(n), map(_PROSE_CHARS_CJK.__le__, map(len, texts))):
            t = texts[i]
            if t.isascii():
                if len(t) < _PROSE_CHARS or t.count(" ") < _PROSE_WORDS - 1:
                    continue
                last = t[-1]
                if last in _CLOSERS:
                    last = t[-2]
                if last not in _END_PUNCT and _SENTENCE_INSIDE.search(t) is None:
                    continue
            elif len(t) < _PROSE_CHARS:  # only CJK prose is this short
                if _CJK.search(t, 0, 40) is None or _CJK_SENTENCE.search(t) is None:
                    continue
            elif not _line_is_prose(t):
                continue
            paras[i] = True
            para_at.append(i)
        self.paras = paras
        self.para_at = para_at
        self._caption: list[bool | None] = [None] * n
        self._folded: list[str | None] = [None] * n
        self._dateish: list[bool | None] = [None] * n
        self._byline: list[bool | None] = [None] * n
        self._shaped: list[bool | None] = [None] * n
        self._titleish: list[bool | None] = [None] * n

    def __len__(self) -> int:
        return len(self.texts)

    def folded(self, j: int) -> str:
        f = self._folded[j]
        if f is None:
            f = self._folded[j] = self.texts[j].casefold()
        return f

    def prose(self, j: int) -> bool:
        """A paragraph of the article: paragraph-shaped, and no photo caption."""
        if not self.paras[j]:
            return False
        c = self._caption[j]
        if c is None:
            c = self._caption[j] = _is_caption(self.texts[j])
        return not c

    def next_prose(self, at: int) -> int:
        """The first prose line after line ``at`` (the number of lines if none)."""
        para_at = self.para_at
        for k in range(bisect_right(para_at, at), len(para_at)):
            if self.prose(para_at[k]):
                return para_at[k]
        return len(self.texts)

    def prose_above(self, at: int, reach: int) -> bool:
        """Some of the ``reach`` lines above line ``at`` are prose."""
        lo = max(0, at - reach)
        return any(self.paras[lo:at]) and any(map(self.prose, range(lo, at)))

    def cjk(self, j: int) -> bool:
        text = self.texts[j]
        return not text.isascii() and _CJK.search(text, 0, 40) is not None

    def dateish(self, j: int) -> bool:
        """Short, with a digit and a month name or a numeric date."""
        d = self._dateish[j]
        if d is None:
            text = self.texts[j]
            d = self._dateish[j] = (
                len(text) <= 160
                and _has_digit(text)
                and (
                    (("/" in text or "-" in text or "." in text or "年" in text)
                     and _NUMERIC_DATE.search(text) is not None)
                    or _MONTH_WORD.search(self.folded(j)) is not None
                )
            )
        return d

    def byline(self, j: int) -> bool:
        """Starts with a byline prefix ("By", "Von", "Автор:") and a name."""
        b = self._byline[j]
        if b is None:
            text = self.texts[j]
            b = self._byline[j] = (
                len(text) <= 200
                and text[:2].lower() in _BYLINE_STARTS
                and _BYLINE.match(text) is not None
            )
        return b

    def shaped(self, j: int) -> bool:
        """Shaped like a headline; :meth:`titleish` adds the costlier credit-line test."""
        s = self._shaped[j]
        if s is None:
            text = self.texts[j]
            folded = self.folded(j)
            s = self._shaped[j] = (
                not self.paras[j]
                and _is_titleish(text, folded, self.cjk(j), text.count(" ") + 1)
                and not self.dateish(j)
                and not self.byline(j)
                and not _is_credit(text, folded)
            )
        return s

    def titleish(self, j: int) -> bool:
        t = self._titleish[j]
        if t is None:
            text = self.texts[j]
            t = self._titleish[j] = self.shaped(j) and not (
                text.count(" ") < 12 and _credit_names(text) is not None
            )
        return t


def _has_digit(text: str) -> bool:
    """``text`` holds a digit; plain substring tests for ASCII, cheaper than a regex."""
    if text.isascii():
        return any(map(text.__contains__, "0123456789"))
    return _DIGIT.search(text) is not None


def _line_is_prose(text: str) -> bool:
    cjk = not text.isascii() and _CJK.search(text, 0, 40) is not None
    return _is_prose(text, cjk, text.count(" ") + 1)


def _is_caption(text: str) -> bool:
    """A photo caption or credit: as long as a paragraph, but no part of the article.

    Only where the signs stand are they looked for (a paragraph can be long):
    the date near the start, matched where its weekday ends; the credit at the
    end, after plain substring tests that most paragraphs fail.
    """
    at = text.find("day, ", 0, _CAPTION_DATE_REACH)
    while at >= 0:
        if text.endswith(_WEEKDAY_STEMS, 0, at) and _CAPTION_DATE.match(text, at + 5):
            return True
        at = text.find("day, ", at + 5, _CAPTION_DATE_REACH)
    if text.startswith(_CAPTION_STARTS):
        return True
    tail = max(0, len(text) - _CAPTION_CREDIT_REACH)
    return (
        (text.find("Photo", tail) >= 0 or text.find("redit", tail) >= 0
         or text.find("Getty", tail) >= 0 or text.find("REUTERS/", tail) >= 0
         or text.find("AFP", tail) >= 0)
        and _CAPTION_CREDIT.search(text, tail) is not None
    )


def _is_prose(text: str, cjk: bool, words: int) -> bool:
    """A paragraph of running text: long, with sentence punctuation."""
    if cjk:
        return len(text) >= _PROSE_CHARS_CJK and bool(_CJK_SENTENCE.search(text))
    if len(text) < _PROSE_CHARS or words < _PROSE_WORDS:
        return False
    return _ends_sentence(text) or bool(_SENTENCE_INSIDE.search(text))


def _ends_sentence(text: str) -> bool:
    """Ends with sentence punctuation (possibly inside a closing quote); no regex
    because a ``$``-anchored search scans the whole line."""
    last = text[-1:]
    if last in _CLOSERS and len(text) > 1:
        last = text[-2]
    return bool(last) and last in _END_PUNCT


#: Characters a headline may start with besides capitals and digits.
_TITLE_FIRST = "\"'‘“«[¿¡"


def _is_titleish(text: str, folded: str, cjk: bool, words: int) -> bool:
    """Could this line be a headline (by its own shape)?"""
    n = len(text)
    if n > _TITLE_MAX_CHARS or n < 6 or folded in NAV_LINES or "://" in text or "www." in text:
        return False
    if not cjk and (not (_TITLE_WORDS[0] <= words <= _TITLE_WORDS[1]) or n < 12):
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or first in _TITLE_FIRST or cjk


def _may_be_title(text: str) -> bool:
    """The cheapest tests of :func:`_is_titleish`, run before any feature is built."""
    n = len(text)
    if n < 6 or n > _TITLE_MAX_CHARS or (text[-1] == "." and text[-2:] != ".."):
        return False
    if not text.isascii():
        return True
    first = text[0]
    return (
        n >= 12
        and _TITLE_WORDS[0] <= text.count(" ") + 1 <= _TITLE_WORDS[1]
        and (first.isupper() or first.isdigit() or first in _TITLE_FIRST)
    )


# --------------------------------------------------------------------------- headline


def _score_title(feats: _Lines, i: int, para_at: int, reach: int) -> float:
    """How much the lines after ``feats[i]`` look like a headline's surroundings.

    A paragraph must start within a few lines (at ``para_at``); a dateline or
    byline right after the line (before ``reach``), a repeated headline or a
    breadcrumb ending in it add to the score.  (Run for every candidate line:
    cached features are read from the caches directly, and the cheap tests
    come before calls, each of which costs as much as a cheap test.)
    """
    texts = feats.texts
    n = len(texts)
    text = texts[i]
    score = 3.0 - 0.15 * (para_at - i)
    end = min(n, i + 7, reach)
    dates, bylines = feats._dateish, feats._byline
    dated = bylined = False
    for j in range(i + 1, end):
        if not dated:
            d = dates[j]
            dated = feats.dateish(j) if d is None else d
        if not bylined:
            b = bylines[j]
            bylined = feats.byline(j) if b is None else b
    if dated:
        score += 2.0
    else:
        for j in range(max(0, i - 2), i):
            d = dates[j]
            if feats.dateish(j) if d is None else d:
                score += 1.0
                break
    if bylined:
        score += 1.5
    if i + 1 < n and _may_fold_alike(texts[i + 1], text) and _same_folded(feats, i + 1, i):
        score += 1.0
    # Headlines sit in the top part of a page; footers and sidebars fill the bottom.
    score -= 1.0 * i / n
    if text.count(" ") >= 20:
        score -= 0.5  # longer than most headlines: a caption or a teaser
    if i + 1 < n and text.isupper() and feats.shaped(i + 1):
        score -= 0.5  # an upper-case kicker above the headline
    # (folding keeps an ASCII line's length: a shorter one cannot end with the headline)
    if i > 0 and (len(texts[i - 1]) >= len(text) or not texts[i - 1].isascii()) and (
        _ends_with_folded(feats, i - 1, i)
    ):
        score += 1.0  # a breadcrumb ending in the headline
    # A headline starts the article: prose just above it means a subhead or a caption
    # (a caption above is the lead photo's, or a teaser's, and says nothing).
    lo = max(0, i - 5)
    if any(feats.paras[lo:i]) and feats.prose_above(i, 5):
        score -= 1.5
    return score


def _may_fold_alike(a: str, b: str) -> bool:
    """Cheap: ``a`` and ``b`` may be equal but for case (folding keeps an ASCII
    line's length; other scripts may change it: "ß" folds to "ss")."""
    return len(a) == len(b) or not (a.isascii() and b.isascii())


def _same_folded(feats: _Lines, j: int, k: int) -> bool:
    """Lines ``j`` and ``k`` are equal but for case."""
    return feats.texts[j] == feats.texts[k] or feats.folded(j) == feats.folded(k)


def _ends_with_folded(feats: _Lines, j: int, k: int) -> bool:
    """Line ``j`` ends with line ``k`` but for case, and is not the same line."""
    a, b = feats.texts[j], feats.texts[k]
    return a != b and feats.folded(j).endswith(feats.folded(k))


def _title_windows(feats: _Lines) -> list[tuple[int, int]]:
    """(first line, paragraph) of each run of lines at most ``_LOOKAHEAD`` lines above
    a paragraph, in page order; a line right under two paragraphs is a subhead or a
    caption, never the headline."""
    paras = feats.paras
    windows = []
    before = -1  # the previous paragraph
    for p in feats.para_at:
        start = max(before + 1, p - _LOOKAHEAD)
        if start == before + 1 and before > 0 and paras[before - 1]:
            start += 1
        if start < p:
            windows.append((start, p))
        before = p
    return windows


def _find_title(feats: _Lines) -> int | None:
    """The best-scoring headline candidate; only lines a few lines above prose qualify."""
    scored: list[tuple[float, int]] = []
    texts = feats.texts
    for start, para_at in _title_windows(feats):
        # A caption ends what belongs to a line: a dateline after it is another story's.
        reach = para_at + 3 if feats.prose(para_at) else para_at
        for i in range(start, para_at):
            # Datelines and bylines sit right above prose too; their features are
            # needed (and cached) for the lines above them anyway.
            if _may_be_title(texts[i]) and not feats.dateish(i) and not feats.byline(i):
                s = _score_title(feats, i, para_at, reach)
                if s > 0:
                    scored.append((-s, i))
    # Whether a line is shaped like a headline costs more than its score (whose
    # neighbours' features the next candidate shares): test the best ones only.
    for _, i in sorted(scored):
        if feats.titleish(i):
            return i
    return None


# --------------------------------------------------------------------------- dateline


def _dateline_text(feats: _Lines, j: int) -> str:
    """The dateline at ``j``, with a year glued to its time split apart
    ("NOV 20 20194:29 AM") and a date broken over short lines re-joined
    ("November 20" / "15:23" / "2019")."""
    text = _GLUED_YEAR.sub(r"\1 \2", feats.texts[j])
    if len(text) <= 25:
        tail = [t for t in feats.texts[j + 1 : j + 3] if len(t) <= 12 and _DIGIT.search(t)]
        if tail:
            text = " ".join([text, *tail])
    return text


def _dates_in(feats: _Lines, lo: int, hi: int) -> tuple[str | None, str | None, int | None]:
    """(published, modified, line index of the published date) from datelines in [lo, hi)."""
    from newsx import dates

    published = modified = None
    where = None
    for j in range(max(0, lo), min(len(feats), hi)):
        if not feats.dateish(j):
            continue
        text = _dateline_text(feats, j)
        upd = _UPDATED.search(text)
        if upd:
            pub_part, upd_part = text[: upd.start()], text[upd.end():]
        else:
            pub_part, upd_part = text, ""
        if published is None and pub_part.strip():
            m = dates.search_date(pub_part)
            if m:
                published, where = m.iso, j
        if modified is None and upd_part:
            m = dates.search_date(upd_part)
            if m:
                modified = m.iso
        if published and (modified or j > lo + 2):
            break
    return published, modified, where


# --------------------------------------------------------------------------- section


def _clean_label(text: str) -> str | None:
    """A kicker or breadcrumb level, or ``None`` when it is not a section label."""
    text = _HOME_PREFIX.sub("", text.strip(" |:-–—>»›"))
    folded = text.casefold()
    if len(text) < 2 or folded in NAV_LINES or folded in NOT_SECTIONS or len(text) > 40:
        return None
    if _DIGIT.search(text) or _is_credit(text, folded) or folded in AGENCIES:
        return None
    if text.count(" ") > 3 or text[-1] in ".!?,:" or not any(c.isalpha() for c in text[:3]):
        return None
    if _BYLINE.match(text):
        return None
    return text


def _breadcrumb_last(text: str, title: str) -> str | None:
    """The last level of a breadcrumb line ("Home > News > Business", "HomeWorld News")."""
    if text.endswith(title) and text != title:
        text = text[: -len(title)]
    parts = [p for p in _BREADCRUMB_SEP.split(text) if p.strip()]
    return _clean_label(parts[-1]) if parts else None


def _section(feats: _Lines, title_at: int, date_at: int | None) -> str | None:
    """Section from a "Section | date" dateline, the kicker or breadcrumb above the
    headline, or a breadcrumb with separators right under it."""
    if date_at is not None:
        m = _PIPE_DATE.match(feats.texts[date_at])
        if m:
            label = _clean_label(m.group("section"))
            if label:
                return label
    title = feats.texts[title_at]
    k = title_at - 1
    if k >= 0 and feats.texts[k] == title:
        k -= 1
    if k >= 0:
        label = _breadcrumb_last(feats.texts[k], title)
        if label:
            return label
    below = title_at + 1
    if below < len(feats) and _BREADCRUMB_ARROW.search(feats.texts[below]):
        return _breadcrumb_last(feats.texts[below], title)
    return None


# --------------------------------------------------------------------------- byline


def _name_case(name: str) -> str:
    """Upper-case bylines in normal case; mixed case is kept as written."""
    if name.isupper() and len(name) > 3:
        return " ".join(w.capitalize() if not w.startswith("MC") else "Mc" + w[2:].capitalize()
                        for w in name.split())
    return name


def _unglue(chunk: str) -> str:
    """Cut a role or outlet glued to the end of a name ("Meg JamesStaff Writer")."""
    if all(w.istitle() or w.isupper() or w.islower() for w in chunk.split()):
        return chunk
    for m in _GLUED.finditer(chunk):
        rest = chunk[m.start():]
        word = rest.split(None, 1)[0]
        if word.casefold() in ROLE_WORDS or sum(c.isupper() for c in word) >= 3:
            return chunk[: m.start()]
    return chunk


def _person(chunk: str, single_ok: bool) -> str | None:
    """``chunk`` as a person's name, or ``None`` (roles, agencies, outlets, junk)."""
    chunk = _unglue(chunk.strip(" .,;:()[]@"))
    if not chunk or chunk.casefold() in AGENCIES:
        return None
    tokens = chunk.split()
    while tokens and tokens[-1].casefold().strip(".,") in ROLE_WORDS:
        tokens.pop()
    if not tokens or len(tokens) > 4 or (len(tokens) == 1 and not single_ok):
        return None
    for t in tokens:
        low = t.casefold().strip(".,")
        if low in NAME_PARTICLES and t.islower():
            continue
        if (low in NOT_NAME_WORDS or low in OUTLET_WORDS or low in ROLE_WORDS or low in NAV_WORDS
                or not _NAME_TOKEN.fullmatch(t)):
            return None
    if not tokens[0][:1].isupper() and not _CJK.match(tokens[0]):
        return None
    name = " ".join(tokens)
    return None if name.casefold() in AGENCIES else _name_case(name)


def _cut_names(raw: str) -> str:
    """The part of a byline that holds names: up to a separator, a date or a stop word."""
    stop = _NAME_STOP_CHARS.search(raw)
    if stop:
        raw = raw[: stop.start()]
    words = raw.split()
    last = len(words) - 1
    for k, word in enumerate(words):
        low = word.casefold().strip(".,")
        if low == "on":
            # "By Jane Smith on Monday": "on" ends the names only before a date word.
            nxt = words[k + 1].casefold().strip(".,") if k < last else ""
            if k == last or nxt in NAME_STOP_WORDS or nxt in MONTH_WORDS:
                return " ".join(words[:k])
        elif low in NAME_STOP_WORDS or (k and k == last and low in MONTH_WORDS):
            return " ".join(words[:k])
    return raw


def _split_names(raw: str) -> list[str]:
    """Chunks of a name list split on commas and "and" in several languages."""
    chunks: list[str] = []
    current: list[str] = []
    for word in raw.replace(",", " , ").replace("&", " & ").split():
        if word.casefold() in NAME_JOINERS:
            if current:
                chunks.append(" ".join(current))
            current = []
        else:
            current.append(word)
    if current:
        chunks.append(" ".join(current))
    return chunks


def _names(raw: str, single_ok: bool, loose: bool = False) -> list[str]:
    """Person names from the text after a byline prefix.

    Names are split on commas and "and" in several languages; the first
    chunk that is not a name (a role, an outlet: "Name, Staff Writer") ends
    the list.  One-word names are taken only when they are the whole byline.
    ``loose`` (a credit line right under the headline) lets the last of
    several names be followed by an outlet ("... and Kevin McCoy USA TODAY").
    """
    chunks = _split_names(_cut_names(raw))
    out: list[str] = []
    for k, chunk in enumerate(chunks):
        name = _person(chunk, single_ok and len(chunks) == 1)
        if not name and loose and k and k == len(chunks) - 1 and chunk.count(" ") >= 2:
            # "... and Trevor J. Mitchell Sioux Falls Argus Leader": a name, then the outlet.
            words = chunk.split()
            name = _person(" ".join(words[:3]), False) or _person(" ".join(words[:2]), False)
        if not name:
            break
        out.append(name)
    return out


def _byline_names(feats: _Lines, j: int) -> list[str] | None:
    """Names of a "By ..." line (``[]`` when it credits no person), else ``None``."""
    text = feats.texts[j]
    if feats.byline(j):
        m = _BYLINE.match(text)
        return _names(m.group("names"), single_ok=True) if m else None
    if len(text) <= 120 and feats.dateish(j):
        m = _INNER_BY.search(text)
        if m:
            return _names(text[m.end():], single_ok=True)
    return None


def _authors(feats: _Lines, title_at: int, hi: int) -> list[str]:
    """Authors from the byline near the headline.

    "By NAME" lines (in many languages) are searched from just above the
    headline to a little past the first paragraph; a credit line without
    "By" ("NAME, Associated Press", "NAME" alone) only right under the
    headline or next to a dateline, where nothing else is name-shaped.
    """
    for j in range(max(0, title_at - 2), min(len(feats), hi)):
        if j == title_at or feats.paras[j]:
            continue
        text = feats.texts[j]
        names = _byline_names(feats, j)
        if names is not None:
            return names
        if feats.folded(j).rstrip(" :") in _BYLINE_WORDS and j + 1 < len(feats):
            # "By" alone on its line, the names on the next one.
            names = _names(feats.texts[j + 1], single_ok=True)
            if names:
                return names
        if j < title_at or text.count(" ") >= 10 or len(text) > 100:
            continue
        near = j <= title_at + 3 or feats.dateish(j - 1) or (
            j + 1 < len(feats) and feats.dateish(j + 1)
        )
        if near:
            names = _credit_names(text, loose=True)
            if names is not None and (names or j <= title_at + 3):
                return names
    return []


def _credit_names(text: str, loose: bool = False) -> list[str] | None:
    """Names from a credit line without "By": "NAME, Agency", "NAME and NAME Agency", "NAME".

    ``[]`` for an agency-only credit, ``None`` when the line is no credit.
    """
    first = text[:1]
    if not first.isupper() and not _CJK.match(first):
        return None
    tokens = text.split()
    if sum(1 for t in tokens if not t[:1].islower()) * 2 < len(tokens):
        return None  # a sentence-case line: no credit (cheap exit before the checks below)
    if text.casefold().strip(" ,.") in AGENCIES:
        return []
    head = stripped = _strip_agency(text)
    if head is None:
        head = text
    head = _cut_names(head)
    tokens = head.split()
    # Names are capitalised; a sentence-case headline fails here, before the costly checks.
    if len(tokens) < 2 or sum(1 for t in tokens if not t[:1].islower()) * 3 < len(tokens) * 2:
        return None
    names = _names(head, single_ok=False, loose=loose)
    if not names and stripped is not None:
        return []  # an agency or outlet credit with no person in it
    return names or None


#: Agencies and outlets that may close a credit line ("Tom Davies Associated Press").
_AGENCY_SUFFIXES: tuple[str, ...] = tuple(
    sorted((a for a in AGENCIES if " " in a or len(a) > 3), key=len, reverse=True)
)


def _strip_agency(text: str) -> str | None:
    """``text`` without a closing agency name, or ``None`` when it has none."""
    folded = text.casefold().rstrip(" ,.")
    if not folded.endswith(_AGENCY_SUFFIXES):
        return None
    for agency in _AGENCY_SUFFIXES:
        if folded.endswith(agency) and len(folded) > len(agency):
            head = text[: len(folded) - len(agency)]
            return head.rstrip(" ,")
    return None


# --------------------------------------------------------------------------- ticker


def split_ticker(text: str) -> list[str]:
    """Split headlines run together on one line into one item each.

    Teaser tickers ("Headline PLACE: teaser... Headline ...") are cut at the
    ellipses and the teaser dropped.  Otherwise a boundary is a capitalised
    token after a word ending in a lower-case letter or digit, kept only when
    the next segment starts like a headline: a kicker ("Yemen:",
    "Al-Jawf..", "UN program:") or a capitalised function word in a
    sentence-case line ("... from Marib In a sign of ...").
    """
    if len(_ELLIPSIS_SPLIT.findall(text)) >= 2:
        items = []
        for chunk in _ELLIPSIS_SPLIT.split(text):
            m = _ALLCAPS_PLACE.search(chunk)
            if m:
                items.append(chunk[: m.start()].strip())
        return [i for i in items if i]
    tokens = text.split()
    if len(tokens) < 8:
        return [text]
    lower = sum(1 for t in tokens if t[:1].islower())
    sentence_case = lower >= len(tokens) * 0.4
    cuts: list[int] = []
    for k in range(1, len(tokens)):
        if _kicker_end(tokens, k):
            start = _kicker_start(tokens, k)
            if start is not None:
                cuts.append(start)
        elif sentence_case and tokens[k] in HEADLINE_STARTERS and _can_cut(tokens, k):
            cuts.append(k)
    return _segments(tokens, sorted(set(cuts)))


def _kicker_end(tokens: list[str], k: int) -> bool:
    t = tokens[k]
    return (t.endswith(":") or t.endswith("..")) and not t.endswith("...") and len(t) > 2


def _kicker_start(tokens: list[str], k: int) -> int | None:
    """Where the kicker ending at ``tokens[k]`` starts: the nearest capitalised token."""
    for s in range(k, max(0, k - 2) - 1, -1):
        if s == 0:
            return None
        if tokens[s][:1].isupper() and _can_cut(tokens, s):
            return s
    return None


def _can_cut(tokens: list[str], k: int) -> bool:
    """A boundary may fall before ``tokens[k]``: the previous word ends a headline."""
    prev = tokens[k - 1]
    last = prev[-1]
    return (last.islower() or last.isdigit() or last in "%”’\"')") and tokens[k][:1].isupper()


def _segments(tokens: list[str], cuts: list[int]) -> list[str]:
    """Join tokens between cuts, dropping cuts that would leave a fragment."""
    kept: list[int] = []
    prev = 0
    for c in cuts:
        if c - prev >= 4:
            kept.append(c)
            prev = c
    if kept and len(tokens) - kept[-1] < 4:
        kept.pop()
    bounds = [0, *kept, len(tokens)]
    return [" ".join(tokens[a:b]) for a, b in pairwise(bounds) if b > a]


def _ticker(feats: _Lines, lines: list[DumpLine], title_at: int) -> list[str]:
    """Ticker items above the headline: a run-together line or a short headed list."""
    lo = max(0, title_at - _TICKER_REACH)
    for j in range(lo, title_at):
        text = feats.texts[j]
        if len(text) <= 24 and feats.folded(j) in TICKER_HEADINGS:
            items = _listed_ticker(feats, j + 1, title_at)
            if items:
                return items
        if (j >= title_at - 12 and len(text) >= _TICKER_MIN_CHARS and not feats.paras[j]
                and not feats.cjk(j)):
            items = split_ticker(text)
            sizes_ok = all(3 <= it.count(" ") + 1 <= 35 for it in items)
            if len(items) >= _TICKER_MIN_ITEMS and sizes_ok:
                return items
    # A run-together line may also sit at the very top, like a site-wide ticker.
    for j in range(min(3, title_at)):
        text = feats.texts[j]
        if lines[j].bullet and len(text) >= _TICKER_MIN_CHARS and not feats.paras[j]:
            items = split_ticker(text)
            if len(items) >= _TICKER_MIN_ITEMS:
                return items
    return []


def _listed_ticker(feats: _Lines, start: int, title_at: int) -> list[str]:
    """Headlines listed one a line under a ticker heading, up to the headline."""
    items: list[str] = []
    for j in range(start, min(title_at, start + _TICKER_MAX_ITEMS)):
        text = feats.texts[j]
        if "://" in text or "www." in text:
            break
        if feats.titleish(j) and text.count(" ") >= 3:
            items.append(text)
        elif len(text) >= _TICKER_MIN_CHARS:
            m = _ALLCAPS_PLACE.search(text)
            split = split_ticker(text)
            if text.endswith(("...", "…")) and m and len(split) <= 2:
                items.append(text[: m.start()].strip())  # "Headline PLACE: teaser..."
            elif len(split) >= 2:
                items.extend(split)
            else:
                return []
        else:
            return []
    return items if 1 <= len(items) <= _TICKER_MAX_ITEMS else []


# --------------------------------------------------------------------------- language


def _language(feats: _Lines, start: int) -> str | None:
    """Language of the first prose lines after ``start`` (or of any prose)."""
    sample: list[str] = []
    size = 0
    at = feats.para_at
    k = bisect_left(at, start)
    for j in chain(at[k:], at[:k]):
        if not feats.prose(j):
            continue
        sample.append(feats.texts[j])
        size += len(feats.texts[j])
        if size >= SAMPLE_CHARS:
            break
    if not sample:
        sample = [t for t in feats.texts if t.count(" ") >= 3][:20]
    return detect_language(" ".join(sample))


# --------------------------------------------------------------------------- entry point


def _around(feats: _Lines, at: int) -> tuple[str | None, str | None, int | None, list[str], int]:
    """(published, modified, dateline index, authors, first prose index) near a headline."""
    prose_at = feats.next_prose(at)
    hi = min(prose_at + 2, at + 1 + _LOOKAHEAD)
    published, modified, date_at = _dates_in(feats, at - 3, hi)
    return published, modified, date_at, _authors(feats, at, hi), prose_at


def line_texts(lines: Sequence[DumpLine]) -> list[str]:
    """The lines' texts: the splitter's own column when it keeps one (read-only!),
    else gathered at C level."""
    texts = getattr(lines, "texts", None)
    return texts if isinstance(texts, list) else list(map(_TEXT, lines))


def _copies(texts: list[str], at: int, limit: int) -> list[int]:
    """Up to ``limit`` other lines with the same text as ``texts[at]`` (C-level search)."""
    out: list[int] = []
    start = 0
    while len(out) < limit:
        try:
            j = texts.index(texts[at], start)
        except ValueError:
            break
        if j != at:
            out.append(j)
        start = j + 1
    return out


def extract_header(doc: Document, ctx: Context) -> Header | None:
    """The header of a text dump; ``None`` for an empty dump."""
    lines = doc.lines
    if not lines:
        return None
    feats = _Lines(line_texts(lines))
    title_at = _find_title(feats)
    header = Header()
    if title_at is None:
        header.language = _language(feats, 0)
        header.published, header.modified, _ = _dates_in(feats, 0, min(len(feats), 40))
        return header
    header.title = feats.texts[title_at]
    published, modified, date_at, authors, prose_at = _around(feats, title_at)
    # The same headline shown earlier (a gallery, a sticky bar) may carry the byline.
    for j in _copies(feats.texts, title_at, 3):
        if published and authors and modified:
            break
        p2, m2, d2, a2, _ = _around(feats, j)
        if not published and (p2 or m2):
            published, modified, date_at = p2, m2, d2
        elif not modified and m2 and m2 != published:
            modified = m2
        authors = authors or a2
    if published is None and modified is None:
        published, modified, date_at = _dates_in(feats, prose_at, min(len(feats), prose_at + 40))
    # Only an "Updated" stamp shown: it is the best date there is for publication,
    # and it still is the modification date the page states (on the dev pages the
    # true modification date is that stamp on 9 pages of 10).
    header.published = published or modified
    header.modified = modified
    header.section = _section(feats, title_at, date_at)
    header.authors = authors
    header.ticker = _ticker(feats, lines, title_at)
    header.language = _language(feats, prose_at if prose_at < len(feats) else 0)
    return header


EXTRACTOR = Extractor(
    name="text-header",
    block="header",
    formats=frozenset({"text"}),
    extract=extract_header,
    priority=50,
)
