"""Authors of an HTML article: person names from bylines and metadata.

A byline is cleaned the same way wherever it comes from (a byline element,
``meta[name=author]``, a JSON-LD ``author``): the "By" prefix goes, the text
is cut at the first date, pipe or handle, split into names, and each part must
look like a person — not a role ("Staff Writer"), not an outlet or agency
("CNN Business", "Associated Press"), not the site itself, not an account
("admin", "jdadmin").  The visible byline near the headline wins over
metadata (it lists every co-author and the metadata often names the
publisher); metadata fills in when nothing is shown.
"""

from __future__ import annotations

import re
from typing import Any

from newsx.extractors.html_header_text import has_case, is_site_like, normal_case, squash
from newsx.extractors.html_meta import ARTICLE_ITEMTYPE, PageMeta, ld_names
from newsx.patterns import trie_pattern

#: Meta names that carry an author's name (URLs among them are skipped).
AUTHOR_META: tuple[str, ...] = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "byl", "cxenseparse:author", "twitter:data1",
)
#: Words that introduce a byline (removed), in the corpus' languages and more.
_PREFIX = re.compile(
    r"^\W*(?:(?:posted|written|reported|story|words|text|photos?|compiled|analysis)\s+by"
    r"|by|from|von|por|par|di|oleh|door|af|av|autor(?:a|in)?|author|texto?|текст|автор"
    r"|publicado\s+por|escrito\s+por|scritto\s+da|geschrieben\s+von)\b\s*:?\s*",
    re.IGNORECASE,
)
#: Where a byline stops being names: a date, a pipe, a dash between spaces, a
#: handle, a newline, "on <date>", "updated", "published"...  (The lookahead, one
#: step, skips the positions none of them starts at; so does ``_SPLIT``'s.)
#: Starts of weekday and month names (en, fr, de, es, it, pt) that may follow "on"/"le"/"am".
_DATE_WORDS = (r"(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
               r"|lun|mer|jeu|ven|sam|dim|janv|févr|avr|mai|juin|juil|août|déc|mo|di|mi|do|fr|sa"
               r"|so|mär|okt|dez|ene|abr|ago|dic|gen|giu|lug|ott|set|out)\w*\b")
_STOP = re.compile(
    r"(?=[\s|•·@\d.upf])"
    r"(?:\n|\s[|•·/–—-]\s|[|•·]|@|\d|(?<=[a-z]{2})\.\s"
    r"|\s(?:on|am|le|el|em|il)\s+(?=\d|" + _DATE_WORDS
    + r")|\s(?:updated|published|posted|publiziert|veröffentlicht)\s"
    r"|\b(?:updated|published|posted)\b|\bfor\s+(?=[A-Z]))",
    re.IGNORECASE,
)
#: Separators between several names.
_SPLIT = re.compile(
    r"(?=[\s,;&auey\u0438\u060c])\s*(?:,|;|&|\band\b|\bund\b|\be\b|\by\b|\bet\b|\bи\b|،)\s*")
#: Words that make a part a role, credential, outlet or account, not a person.
NOT_NAME_WORDS: tuple[str, ...] = (
    "staff", "writer", "reporter", "correspondent", "editor", "editors", "editorial",
    "contributor", "contributing", "columnist", "analyst", "producer", "director", "chief",
    "senior", "associate", "special", "bureau", "desk", "team", "admin", "administrator",
    "webmaster", "newsroom", "news", "press", "wire", "wires", "service", "services", "agency",
    "agencies", "media", "network", "magazine", "times", "today", "post", "journal", "daily",
    "herald", "tribune", "insider", "online", "digital", "group", "inc", "ltd", "llc", "gmbh",
    "company", "corp", "blog", "official", "reuters", "afp", "ap", "dpa", "pti", "ians", "ani",
    "efe", "ansa", "upi", "xinhua", "cnn", "bbc", "nbc", "cbs", "abc", "fox", "sky", "guest",
    "gast", "гость", "redação", "redaçao", "redaktion", "redacción", "redazione", "sport",
    "sports", "view", "more", "article", "articles", "profile", "follow", "share", "email",
    "twitter", "facebook", "biography", "about", "columnists", "opinion", "review",
    "home", "weekly", "edition", "photographer", "unknown", "anonymous", "partner", "sponsored",
    "content", "reporters", "writers", "correspondents"
)
#: As a trie (a flat alternation of a hundred words is tried word by word at every
#: word start, ~10 µs a byline).
_NOT_NAME = re.compile(
    r"\b(?:" + trie_pattern(sorted(NOT_NAME_WORDS), guard=True) + r"|illustrat\w*)\b",
    re.IGNORECASE,
)
#: Lower-case particles allowed inside a name ("Ludwig van Beethoven").
_PARTICLES = frozenset({
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den",
    "ter", "le", "la", "al", "el", "bin", "ibn", "y", "e", "st.",
})
#: Leading articles: a part that starts with one is a brand or a phrase, not a name.
_ARTICLES = frozenset({"the", "a", "an", "der", "die", "das", "il", "lo", "los", "las", "les"})
_DIGIT = re.compile(r"\d")
#: A name has at most this many words (longer parts are sentences or titles).
MAX_NAME_WORDS = 5
#: Byline element texts longer than this are containers (author boxes, articles).
MAX_BYLINE_CHARS = 250


#: Line breaks inside a list of names ("By\nA\nand\nB"): joined before cutting.
_JOIN_LINES = re.compile(
    r"\n(?=(?:and|und|&|,)\s)|(?<=\band)\n|(?<=[,&])\n"
    r"|^(\W*(?:by|von|por|par|di|oleh|text|текст|author|autor)\W*)\n",
    re.IGNORECASE,
)

#: An address or e-mail in brackets after a name: contact details, not part of it.
_CONTACT = re.compile(r"\s*[(<\[][^()<>\[\]\s]*(?:@|://|www\.)[^()<>\[\]\s]*[)>\]]")
#: A line's text without the spaces around it (blank lines do not match).
_NONBLANK_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_AND = re.compile(r"\band\b|&")


def clean_byline(text: str, site_names: list[str]) -> list[str]:
    """Person names in one byline string ('By TOM KRISHER, AP Auto Writer' -> ['Tom Krisher'])."""
    if "\n" in text:  # most bylines are one line: no line work at all
        text = "\n".join(_NONBLANK_LINE.findall(text))
        if "\n" in text:
            text = _JOIN_LINES.sub(lambda m: (m.group(1) or "") + " ", text)
    else:
        text = text.strip()
    while True:
        stripped = _PREFIX.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    if "@" in text or "/" in text:  # "Ann Lee (https://ann.example)", "Ann Lee <ann@...>"
        text = _CONTACT.sub("", text)
    stop = _STOP.search(text)
    if stop:
        text = text[:stop.start()]
    text = squash(text).strip(" ,;:-")
    if not text:
        return []
    parts = _SPLIT.split(text)
    # "A and B, Outlet": what follows the last "and" group is an outlet or a role
    if "," in text and _AND.search(text):
        last_and = max(text.rfind(" and "), text.rfind("&"))
        tail = text[last_and:]
        if "," in tail:
            parts = _SPLIT.split(text[:last_and + tail.index(",")])
    if parts and _NOT_NAME.search(parts[0]):
        return []  # an agency or desk credit; what follows is its dateline ("Reuters, Washington")
    names: list[str] = []
    for i, part in enumerate(parts):
        raw = squash(part).strip(" .,:;-'\"")
        if " " not in raw and (raw.isupper() or (i and names and " " in names[-1])):
            continue  # a lone word after a full name is an outlet ("..., FUTURISM") or acronym
        name = normal_case(raw)
        if name.endswith(" ."):
            name = name[:-2]
        if is_person(name, site_names) and name not in names:
            names.append(name)
    return names


def is_person(name: str, site_names: list[str]) -> bool:
    """Does ``name`` look like a person's name (not a role, outlet, account or the site)?"""
    if not name or len(name) > 60 or _DIGIT.search(name):
        return False
    tokens = name.split()
    if len(tokens) > MAX_NAME_WORDS or _NOT_NAME.search(name) or is_site_like(name, site_names):
        return False
    if any(t.endswith(("'", "’", "'s", "’s")) for t in tokens):
        return False  # a possessive: part of a phrase ("Wichita Heights' Aidan ...")
    if tokens[0].casefold() in _ARTICLES:
        return False  # "The Water Coolest", "The Russian ...": a brand or a phrase
    if not has_case(name):
        return 2 <= len(name) <= 12  # CJK / Hangul names: two to four syllables
    for tok in tokens:
        if tok.casefold() in _PARTICLES:
            continue
        if not tok[0].isupper():
            return False
    # one word: "Regan" yes, "RT", "jdadmin", "KWCHCIK" no
    return not (len(tokens) == 1 and (len(name) < 3 or not name[1:].islower()))


#: A byline written in running text: a line that starts "By A and B on Monday",
#: "Posted by A", "Publicado por: A" ("powered by Mocha" mid-sentence is no byline).
BYLINE_IN_TEXT = re.compile(
    r"^\W{0,3}(?:(?:posted|written|publicado|escrito|publié|scritto)\s+(?:by|por|par|da)|by|von|por)"
    r"\s*:?\s+(?=\S)",
    re.IGNORECASE,
)
#: Lines longer than this are prose, not a byline.
MAX_BYLINE_LINE = 160


#: A byline word on a line of its own: the name is in the next element ("By" / "<a>Name</a>").
BARE_BYLINE_WORD = re.compile(BYLINE_IN_TEXT.pattern.removesuffix(r"\s+(?=\S)") + r"$",
                              re.IGNORECASE)
#: Lines joining two names of a split byline ("<a>Ann</a>" / "and" / "<a>Bo</a>").
_NAME_JOINER = re.compile(r"^(?:,|;|&|and|und|et|y|e)$", re.IGNORECASE)


def text_bylines(lines: list[str], site_names: list[str]) -> list[str]:
    """Names from the first line that reads as a byline ("By X ...") among ``lines``."""
    for line in _joined_bylines(lines):
        if len(line) > MAX_BYLINE_LINE:
            continue
        m = BYLINE_IN_TEXT.match(line)
        if m:
            names = clean_byline(line[m.start():], site_names)
            if names:
                return names
    return []


def _joined_bylines(lines: list[str]) -> list[str]:
    """``lines`` with a bare byline word joined to the name(s) on the lines after it:
    elements of one byline become lines of their own in the page text."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if i < len(lines) and BARE_BYLINE_WORD.match(line):
            line = f"{line} {lines[i]}"
            i += 1
            while i + 1 < len(lines) and _NAME_JOINER.match(lines[i]):
                line = f"{line} {lines[i]} {lines[i + 1]}"
                i += 2
        out.append(line)
    return out


def is_credit_only(text: str) -> bool:
    """Does a byline credit an agency, desk or outlet first ("Reuters, Washington")?"""
    text = _PREFIX.sub("", text.strip(), count=1)
    first = _SPLIT.split(squash(text), maxsplit=1)[0]
    return bool(first) and bool(_NOT_NAME.search(first))


def meta_authors(page: PageMeta, site_names: list[str]) -> list[str]:
    """Names from JSON-LD ``author`` (then ``creator``) and author meta tags."""
    article = page.article or {}
    raw: list[str] = ld_names(article.get("author")) or ld_names(article.get("creator"))
    if not raw:
        raw = [v for v in page.all(*AUTHOR_META) if not v.startswith(("http", "/", "@"))]
    names: list[str] = []
    for value in raw:
        for name in clean_byline(value, site_names):
            if name not in names:
                names.append(name)
    return names


def byline_texts(page: PageMeta) -> list[tuple[str, Any]]:
    """(text, element) of the byline elements (document order), one line per text node,
    deduplicated by text."""
    seen: set[str] = set()
    out: list[tuple[str, Any]] = []
    for node in page.bylines:
        if node.tag in ("meta", "link", "body", "html", "article", "main", "script"):
            continue
        text = node.text(separator="\n")
        key = squash(text)
        if not key or len(key) > MAX_BYLINE_CHARS or key in seen:
            continue
        seen.add(key)
        out.append((text, node))
    return out


def article_item(node: Any) -> Any:
    """The nearest ``<article>`` or Article/BlogPosting itemscope around ``node``, if any."""
    n = node.parent
    while n is not None and n.tag not in ("body", "html"):
        if n.tag == "article" or ARTICLE_ITEMTYPE.search(n.attributes.get("itemtype") or ""):
            return n
        n = n.parent
    return None


def is_article_credit(node: Any, article: Any) -> bool:
    """Is ``node`` an ``itemprop=author`` / ``rel=author`` element of the article item
    itself (inside ``article`` and not inside a nested item such as a comment)?"""
    attrs = node.attributes
    if "author" not in (attrs.get("itemprop") or "") and "author" not in (attrs.get("rel") or ""):
        return False
    target = article.mem_id
    n = node.parent
    while n is not None and n.tag not in ("body", "html"):
        if n.mem_id == target:
            return True
        if "itemscope" in n.attributes:
            return False
        n = n.parent
    return False


def choose_authors(visible: list[tuple[int, list[str], str]], declared: list[str]) -> list[str]:
    """Visible byline names near the headline, else the declared names.

    ``visible`` holds (distance from the headline, names, raw text) per byline
    element found near it; a byline that cleans to nothing (an agency, a desk)
    means "no person" unless the metadata names one that the page shows.
    """
    if not visible:
        return declared
    visible = sorted(visible, key=lambda v: v[0])
    with_names = [v for v in visible if v[1]]
    if not visible[0][1] and is_credit_only(visible[0][2]) and not declared:
        return []  # the byline is an agency or desk ("Reuters, Washington")
    if declared:
        # prefer the shown byline that credits a declared author (it lists co-authors too)
        for _, names, _raw in with_names:
            if any(_same_person(a, b) for a in names for b in declared):
                return _merge(names, declared)
    if with_names:
        return with_names[0][1]
    return []


def _same_person(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or a in b or b in a


def _merge(shown: list[str], declared: list[str]) -> list[str]:
    """The shown names, keeping the declared spelling when it is the fuller one."""
    out = []
    for name in shown:
        full = next((d for d in declared if _same_person(name, d) and len(d) > len(name)), name)
        if full not in out:
            out.append(full)
    return out
