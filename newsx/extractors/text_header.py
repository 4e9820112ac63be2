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
from itertools import pairwise

from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.language import detect_language
from newsx.record import Header
from newsx.textdump import DumpLine

# --------------------------------------------------------------------------- tables

#: Byline prefixes in several languages; the name follows.
BYLINE_PREFIXES: tuple[str, ...] = (
    "by", "written by", "words by", "story by", "reporting by", "posted by", "text by",
    "von", "par", "por", "di", "da", "door", "av", "af", "przez", "oleh", "tekst:",
    "автор:", "автор", "текст:", "текст", "作者:", "作者：", "글:", "기자:",
)
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
#: Credits that are an agency, outlet or account, not a person (casefolded).
AGENCIES: frozenset[str] = frozenset(
    [
        "reuters", "ap", "afp", "ans", "upi", "dpa", "efe", "ansa", "tass", "ria", "xinhua", "pti",
        "ians", "bloomberg", "cnn", "bbc", "nbc", "abc", "cbs", "fox", "ntv", "rt", "sputnik",
        "admin", "administrator", "staff", "editor", "editors", "guest", "anonymous", "agencies",
        "agency",
    ]
) | frozenset(
    {
        "associated press", "the associated press", "agence france-presse",
        "press association", "cnn business", "cnn wire", "fox news", "staff reports",
        "staff report", "news desk", "web desk", "news service", "wire services",
        "bloomberg news", "reuters staff", "ap staff", "the canadian press",
        "news nation bureau", "telegraph sport", "cbs news", "nbc news", "abc news",
    }
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

_WORD = re.compile(r"\S+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_DIGIT = re.compile(r"\d")
#: Cheap pre-filter for a line that may hold a date: a numeric date, or a month
#: name (searched in the lower-cased line: a case-insensitive search over
#: non-ASCII alternatives is ten times slower).  Only lines passing it are
#: handed to ``dates.search_date``.
_NUMERIC_DATE = re.compile(r"\d[-./]\d{1,2}[-./]\d|\d年|\d{4}-\d")
_MONTH_WORD = re.compile(
    r"\b(?:jan|feb|m[äa]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|янв|фев|мар|апр"
    r"|ма[яй]|июн|июл|авг|сен|окт|ноя|дек|gen|giu|lug|ago|set|ott|dic|fev|abr|out"
    r"|févr|avr|juil|août|déc|mei|agu|des)"
)
_UPDATED = re.compile(r"(?i)\b(?:updated?|modified|aktualisiert|atualizad[oa]|aggiornato"
                      r"|mis à jour|обновлен[оа]?|actualizado)\b")
_PUBLISHED = re.compile(r"(?i)\b(?:published|posted|publiziert|publicado|pubblicato"
                        r"|publié|опубликовано|first published)\b")
_END_PUNCT = ".!?…。！？"
_CLOSERS = "\"'”’)»"
_SENTENCE_INSIDE = re.compile(
    r"[a-z\u00e0-\u024f\u0430-\u044f\d][.!?][\"'”’]?\s+[A-Z\u0410-\u042f]"
)
_CJK_SENTENCE = re.compile(r"[。！？]")
_BREADCRUMB_SEP = re.compile(r"\s*(?:>|»|›|/|\\|→)\s*")
_PIPE_DATE = re.compile(r"^(?P<section>[^|\d]{2,40}?)\s*\|\s*(?P<rest>.*\d.*)$")
_BYLINE = re.compile(
    r"^(?:"
    + "|".join(re.escape(p) for p in sorted(BYLINE_PREFIXES, key=len, reverse=True))
    + r")(?:\s*:)?\s+(?P<names>\S.*)$",
    re.IGNORECASE,
)
#: Where a byline's name list stops: separators, dates, "on <date>", "publiziert".
#: Where a byline's name list stops (searched in the lower-cased text): separators,
#: digits, a handle, "on <date>", weekdays, "Month <digit>", "publiziert am ...".
_NAME_STOP = re.compile(
    r"[|•·—–／/@\d]| - |\bpubli|\bupdated?\b|\bposted\b|\b(?:mon|tues|wednes|thurs|fri|satur"
    r"|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+\d"
)
#: A name glued to a role or outlet ("Meg JamesStaff Writer", "Jonathan GarberFOXBusiness").
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][A-Z]+[a-z]|[A-Z][a-z]+\b)")
#: "... by NAME" inside a dateline ("11/19/2019 by Lars Brandle").
_INNER_BY = re.compile(r"\s(?:by|By|BY|von|par|por|di)\s+(?=\S)")
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\by\b|\be\b|\bet\b|\bи\b)\s*")
_NAME_TOKEN = re.compile(
    r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]*\.?|[A-Z]\.(?:[A-Z]\.)*|[dDO]['’][A-Z]\w+"
    r"|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,5})"
)
_ALLCAPS_PLACE = re.compile(r"\s+(?:[A-Z][A-Z.'’-]+\s+){0,3}[A-Z][A-Z.'’-]+:\s")
#: Photo credits, captions, share bars and calls to action: never a headline.
#: Anchored at the line start (a ``match`` fails fast); the unanchored signs
#: are plain substring tests in :func:`_is_credit`.
_CREDIT_START = re.compile(
    r"(?i)(?:photo|image|credit|source|foto|bild|getty|ap photo|file photo|caption"
    r"|share|follow|subscribe|sign up|sign in|log in|download|click|tap|watch|listen|back to"
    r"|join|get|print|read|enter|view|see all|filed under|thanks for|visit|load more|show more"
    r"|skip|close|why you can trust|more from|more on|related|advertisement)\b"
)
#: Site furniture that is shaped like a short headline ("Terms of Use", "Contact the BBC").
_FURNITURE = re.compile(
    r"\b(?:polic(?:y|ies)|terms|cookies?|privacy|contact|account|signed|sign (?:in|out|up)"
    r"|newsletters?|subscribe|subscription|copyright|rules|faq|help|careers|advertis\w*)\b"
)
_CREDIT_COLON = re.compile(r"(?i)\b(?:images?|photo|credit|copyright)\s*:")
_CREDIT_SIGNS: tuple[str, ...] = ("©", "|", "getty images", "://", "www.")


def _is_credit(text: str, folded: str) -> bool:
    if _CREDIT_START.match(text):
        return True
    if text.count(" ") < 6 and _FURNITURE.search(folded):
        return True
    for sign in _CREDIT_SIGNS:
        if sign in folded:
            return True
    return ":" in text and bool(_CREDIT_COLON.search(text))


_ELLIPSIS_SPLIT = re.compile(r"(?:\.\.\.|…)\s+(?=[A-Z\"'‘“])")

# Tuned on the development dumps (never per site):
#: Lines scanned after a candidate headline for a dateline / byline / prose.
_LOOKAHEAD = 12
#: A prose line: long enough to be a paragraph, not a menu or a headline.
_PROSE_CHARS = 110
_PROSE_CHARS_CJK = 45
#: A headline: word count bounds (CJK headlines are counted in characters).
_TITLE_WORDS = (3, 30)
_TITLE_MAX_CHARS = 220
#: A ticker line: at least this many characters and items.
_TICKER_MIN_CHARS = 140
_TICKER_MIN_ITEMS = 3


# --------------------------------------------------------------------------- features


class _Feat:
    """Per-line features.  ``prose`` is computed for every line (cheaply: short
    lines fail at the length test); the rest only for the few lines a rule
    looks at, and cached."""

    __slots__ = ("_byline", "_cjk", "_dateish", "_folded", "_titleish", "prose", "text")

    def __init__(self, text: str, prose: bool) -> None:
        self.text = text
        self.prose = prose
        self._folded = self._cjk = self._dateish = self._titleish = self._byline = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = self.text.casefold()
        return self._folded

    @property
    def cjk(self) -> bool:
        if self._cjk is None:
            self._cjk = not self.text.isascii() and bool(_CJK.search(self.text[:40]))
        return self._cjk

    @property
    def words(self) -> int:
        return self.text.count(" ") + 1

    @property
    def dateish(self) -> bool:
        if self._dateish is None:
            text = self.text
            self._dateish = (
                len(text) <= 160
                and bool(_DIGIT.search(text))
                and bool(_NUMERIC_DATE.search(text) or _MONTH_WORD.search(self.folded))
            )
        return self._dateish

    @property
    def byline(self) -> bool:
        if self._byline is None:
            self._byline = len(self.text) <= 200 and bool(_BYLINE.match(self.text))
        return self._byline

    @property
    def titleish(self) -> bool:
        if self._titleish is None:
            text = self.text
            self._titleish = (
                not self.prose
                and _is_titleish(text, self.folded, self.cjk, self.words)
                and not self.dateish
                and not self.byline
                and not _is_credit(text, self.folded)
                and not (self.words <= 8 and _credit_names(text))
            )
        return self._titleish


class _Lines:
    """The dump's lines as :class:`_Feat`, built on first access.

    Only ``prose`` is known for every line up front; most lines of a page are
    never looked at again, so building their features would be wasted work.
    """

    __slots__ = ("_cache", "prose", "texts")

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.prose = [len(t) >= _PROSE_CHARS_CJK and _line_is_prose(t) for t in texts]
        self._cache: dict[int, _Feat] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> _Feat:
        f = self._cache.get(i)
        if f is None:
            if i < 0:
                raise IndexError(i)
            f = self._cache[i] = _Feat(self.texts[i], self.prose[i])
        return f

    def span(self, lo: int, hi: int) -> list[_Feat]:
        """Lines ``lo`` to ``hi`` (exclusive), clipped to the dump."""
        return [self[j] for j in range(max(0, lo), min(len(self.texts), hi))]


def _line_is_prose(text: str) -> bool:
    cjk = not text.isascii() and bool(_CJK.search(text[:40]))
    return _is_prose(text, cjk, text.count(" ") + 1)


def _is_prose(text: str, cjk: bool, words: int) -> bool:
    """A paragraph of running text: long, with sentence punctuation."""
    if cjk:
        return len(text) >= _PROSE_CHARS_CJK and bool(_CJK_SENTENCE.search(text))
    if len(text) < _PROSE_CHARS or words < 14:
        return False
    return _ends_sentence(text) or bool(_SENTENCE_INSIDE.search(text))


def _ends_sentence(text: str) -> bool:
    """Ends with sentence punctuation (possibly inside a closing quote); no regex
    because a ``$``-anchored search scans the whole line."""
    last = text[-1:]
    if last in _CLOSERS and len(text) > 1:
        last = text[-2]
    return bool(last) and last in _END_PUNCT


def _is_titleish(text: str, folded: str, cjk: bool, words: int) -> bool:
    """Could this line be a headline (by its own shape)?"""
    n = len(text)
    if n > _TITLE_MAX_CHARS or n < 6 or folded in NAV_LINES or "://" in text or "www." in text:
        return False
    if cjk:
        if n < 6:
            return False
    elif not (_TITLE_WORDS[0] <= words <= _TITLE_WORDS[1]) or n < 12:
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or first in "\"'‘“«[¿¡" or cjk


# --------------------------------------------------------------------------- headline


def _score_title(feats: _Lines, i: int) -> float:
    """How much the lines after ``feats[i]`` look like a headline's surroundings.

    Prose must start within a few lines; a dateline or byline right after
    the line, a repeated headline or a breadcrumb ending in it add to the score.
    """
    n = len(feats)
    prose = feats.prose
    prose_at = next((j for j in range(i + 1, min(n, i + 1 + _LOOKAHEAD)) if prose[j]), None)
    if prose_at is None:
        return -1.0
    score = 3.0 - 0.15 * (prose_at - i)
    dated = bylined = False
    for j in range(i + 1, min(n, i + 7)):
        g = feats[j]
        dated = dated or g.dateish
        bylined = bylined or g.byline
    if dated:
        score += 2.0
    elif any(feats[j].dateish for j in range(max(0, i - 2), i)):
        score += 1.0
    if bylined:
        score += 1.5
    f = feats[i]
    if i + 1 < n and feats[i + 1].folded == f.folded:
        score += 1.0
    # Headlines sit in the top part of a page; footers and sidebars fill the bottom.
    score -= 1.0 * i / n
    if f.words > 20:
        score -= 0.5  # longer than most headlines: a caption or a teaser
    if i + 1 < n and f.text.isupper() and feats[i + 1].titleish:
        score -= 0.5  # an upper-case kicker above the headline
    if i > 0:
        prev = feats[i - 1]
        if prev.folded.endswith(f.folded) and prev.text != f.text:
            score += 1.0  # a breadcrumb ending in the headline
    # A headline starts the article: prose just above it means a subhead or a caption.
    if any(prose[max(0, i - 5) : i]):
        score -= 1.5
    return score


def _find_title(feats: _Lines) -> int | None:
    """The best-scoring headline candidate; only lines a few lines above prose qualify."""
    best, best_score = None, 0.0
    prose = feats.prose
    next_prose = len(prose) + _LOOKAHEAD + 1
    candidates: list[int] = []
    for i in range(len(prose) - 1, -1, -1):
        if prose[i]:
            next_prose = i
        elif next_prose - i <= _LOOKAHEAD and not (i > 1 and prose[i - 1] and prose[i - 2]):
            # Right under paragraphs sits a subhead or a caption, never the headline.
            candidates.append(i)
    texts = feats.texts
    for i in reversed(candidates):
        n = len(texts[i])
        if n < 6 or n > _TITLE_MAX_CHARS or not feats[i].titleish:
            continue
        s = _score_title(feats, i)
        if s > best_score:
            best, best_score = i, s
    return best


# --------------------------------------------------------------------------- dateline


def _dates_in(feats: _Lines, lo: int, hi: int) -> tuple[str | None, str | None, int | None]:
    """(published, modified, line index of the published date) from datelines in [lo, hi)."""
    from newsx import dates

    published = modified = None
    where = None
    for j in range(max(0, lo), min(len(feats), hi)):
        f = feats[j]
        if not f.dateish:
            continue
        text = f.text
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
    text = text.strip(" |:-–—>»›")
    folded = text.casefold()
    if not text or folded in NAV_LINES or len(text) > 40 or _DIGIT.search(text):
        return None
    if _is_credit(text, folded) or folded in AGENCIES:
        return None
    if text.count(" ") > 3 or text[-1] in ".!?,":
        return None
    return text


def _section(feats: _Lines, title_at: int, date_at: int | None) -> str | None:
    """Section from a "Section | date" dateline, a breadcrumb or the kicker line."""
    if date_at is not None:
        m = _PIPE_DATE.match(feats[date_at].text)
        if m:
            label = _clean_label(m.group("section"))
            if label and not _BYLINE.match(label) and label.casefold() not in AGENCIES:
                return label
    k = title_at - 1
    if k >= 0 and feats[k].folded == feats[title_at].folded:
        k -= 1
    if k < 0:
        return None
    prev = feats[k].text
    title = feats[title_at].text
    if prev.endswith(title) and prev != title:
        prev = prev[: -len(title)]
    parts = [p for p in _BREADCRUMB_SEP.split(prev) if p.strip()]
    if not parts:
        return None
    return _clean_label(parts[-1])


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


def _names(raw: str, single_ok: bool) -> list[str]:
    """Person names from the text after a byline prefix.

    Names are split on commas and "and" in several languages; the first
    chunk that is not a name (a role, an outlet: "Name, Staff Writer") ends
    the list.  One-word names are taken only when they are the whole byline.
    """
    stop = _NAME_STOP.search(raw.lower())
    if stop:
        raw = raw[: stop.start()]
    chunks = [c for c in _NAME_SPLIT.split(raw) if c.strip()]
    out: list[str] = []
    for chunk in chunks:
        name = _person(chunk, single_ok and len(chunks) == 1)
        if not name:
            break
        out.append(name)
    return out


def _byline_names(f: _Feat) -> list[str] | None:
    """Names of a "By ..." line (``[]`` when it credits no person), else ``None``."""
    if f.byline:
        m = _BYLINE.match(f.text)
        return _names(m.group("names"), single_ok=True) if m else None
    if len(f.text) <= 120 and f.dateish:
        m = _INNER_BY.search(f.text)
        if m:
            return _names(f.text[m.end():], single_ok=True)
    return None


def _authors(feats: _Lines, title_at: int, hi: int) -> list[str]:
    """Authors from the byline near the headline.

    "By NAME" lines (in many languages) are searched from just above the
    headline to a little past the first paragraph; a credit line without
    "By" ("NAME, Associated Press", "NAME" alone) only right under the
    headline or next to a dateline, where nothing else is name-shaped.
    """
    for j in range(max(0, title_at - 2), min(len(feats), hi)):
        if j == title_at or feats.prose[j]:
            continue
        f = feats[j]
        names = _byline_names(f)
        if names is not None:
            return names
        if j < title_at or f.words > 10 or len(f.text) > 100:
            continue
        near = j <= title_at + 3 or feats[j - 1].dateish or (
            j + 1 < len(feats) and feats[j + 1].dateish
        )
        if near:
            names = _credit_names(f.text)
            if names is not None and (names or j <= title_at + 3):
                return names
    return []


def _credit_names(text: str) -> list[str] | None:
    """Names from a credit line without "By": "NAME, Agency", "NAME and NAME Agency", "NAME".

    ``[]`` for an agency-only credit, ``None`` when the line is no credit.
    """
    first = text[:1]
    if not first.isupper() and not _CJK.match(first):
        return None
    if text.casefold().strip(" ,.") in AGENCIES:
        return []
    head = _strip_agency(text)
    if head is None:
        head = text
    stop = _NAME_STOP.search(head.lower())
    if stop:
        head = head[: stop.start()]
    tokens = head.split()
    # Names are capitalised; a sentence-case headline fails here, before the costly checks.
    if len(tokens) < 2 or sum(1 for t in tokens if not t[:1].islower()) * 3 < len(tokens) * 2:
        return None
    names = _names(head, single_ok=False)
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
    lo = max(0, title_at - 12)
    for j in range(lo, title_at):
        f = feats[j]
        if f.folded in TICKER_HEADINGS:
            items = _listed_ticker(feats, j + 1, title_at)
            if items:
                return items
        if len(f.text) >= _TICKER_MIN_CHARS and not f.prose and not f.cjk:
            items = split_ticker(f.text)
            sizes_ok = all(3 <= it.count(" ") + 1 <= 35 for it in items)
            if len(items) >= _TICKER_MIN_ITEMS and sizes_ok:
                return items
    # A run-together line may also sit at the very top, like a site-wide ticker.
    for j in range(min(3, title_at)):
        f = feats[j]
        if lines[j].bullet and len(f.text) >= _TICKER_MIN_CHARS and not f.prose:
            items = split_ticker(f.text)
            if len(items) >= _TICKER_MIN_ITEMS:
                return items
    return []


def _listed_ticker(feats: _Lines, start: int, title_at: int) -> list[str]:
    """Headlines listed one a line under a ticker heading, up to the headline."""
    items: list[str] = []
    for j in range(start, min(title_at, start + 12)):
        f = feats[j]
        if "://" in f.text or "www." in f.text:
            break
        if f.titleish and f.words >= 4:
            items.append(f.text)
        elif len(f.text) >= _TICKER_MIN_CHARS:
            split = split_ticker(f.text)
            if len(split) >= 2:
                items.extend(split)
        else:
            return []
    return items if 1 <= len(items) <= 12 else []


# --------------------------------------------------------------------------- language


def _language(feats: _Lines, start: int) -> str | None:
    """Language of the first prose lines after ``start`` (or of any prose)."""
    sample: list[str] = []
    size = 0
    order = [*range(start, len(feats)), *range(start)]
    for j in order:
        if feats.prose[j]:
            sample.append(feats.texts[j])
            size += len(feats.texts[j])
            if size >= 600:
                break
    if not sample:
        sample = [t for t in feats.texts if t.count(" ") >= 3][:20]
    return detect_language(" ".join(sample))


# --------------------------------------------------------------------------- entry point


def _around(feats: _Lines, at: int) -> tuple[str | None, str | None, int | None, list[str], int]:
    """(published, modified, dateline index, authors, first prose index) near a headline."""
    prose_at = next((j for j in range(at + 1, len(feats)) if feats.prose[j]), len(feats))
    hi = min(prose_at + 2, at + 1 + _LOOKAHEAD)
    published, modified, date_at = _dates_in(feats, at - 3, hi)
    return published, modified, date_at, _authors(feats, at, hi), prose_at


def extract_header(doc: Document, ctx: Context) -> Header | None:
    """The header of a text dump; ``None`` for an empty dump."""
    lines = doc.lines
    if not lines:
        return None
    feats = _Lines([line.text for line in lines])
    title_at = _find_title(feats)
    header = Header()
    if title_at is None:
        header.language = _language(feats, 0)
        header.published, header.modified, _ = _dates_in(feats, 0, min(len(feats), 40))
        return header
    title = header.title = feats.texts[title_at]
    published, modified, date_at, authors, prose_at = _around(feats, title_at)
    # The same headline shown earlier (a gallery, a sticky bar) may carry the byline.
    for j in [j for j, t in enumerate(feats.texts) if t == title and j != title_at][:3]:
        if published and authors:
            break
        p2, m2, d2, a2, _ = _around(feats, j)
        if not published and (p2 or m2):
            published, modified, date_at = p2, m2, d2
        authors = authors or a2
    if published is None and modified is None:
        published, modified, date_at = _dates_in(feats, prose_at, min(len(feats), prose_at + 40))
    header.published = published or modified
    header.modified = modified if modified != published else None
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
