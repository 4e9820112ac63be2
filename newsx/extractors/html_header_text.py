"""Text helpers shared by the HTML header rules: similarity, site names, cleaning.

Small pure functions on strings, kept apart from the tree code so each rule
can be tested on plain text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
#: Characters of scripts written without case (CJK, Hangul, Thai...).
_UNCASED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
#: Host labels that say nothing about the site's name.
_HOST_NOISE = frozenset({
    "www", "m", "amp", "mobile", "edition", "news", "en", "de", "fr", "es", "it", "pt", "ru",
    "com", "net", "org", "co", "uk", "us", "au", "ca", "in", "br", "ph", "info", "biz", "tv",
    "io", "ar", "jp", "kr", "id", "html",
})


from newsx.extractors.html_meta import squash  # noqa: E402, F401  (re-exported)


@lru_cache(maxsize=256)
def fold(text: str) -> str:
    """Comparison form: NFKC, case-folded, quotes and dashes unified.

    Cached: a page compares its site names and titles many times; the cache is
    small, so it holds about one page's strings."""
    if text.isascii():  # NFKC keeps ASCII, casefold lowers it, and no quote or dash to unify
        return text.lower()
    text = unicodedata.normalize("NFKC", text).casefold()
    # ``replace`` skips a string without the character fast; ``translate`` looks up each one
    for fancy, plain in _FOLD_PAIRS:
        if fancy in text:
            text = text.replace(fancy, plain)
    return text


_FOLD_PAIRS = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))


def words(text: str) -> list[str]:
    """Folded word tokens; each CJK character counts as one token."""
    out: list[str] = []
    for w in _WORD.findall(fold(text)):
        if _UNCASED.search(w) and not ("\uac00" <= w[0] <= "\ud7af"):
            out.extend(w)
        else:
            out.append(w)
    return out


@lru_cache(maxsize=256)
def word_set(text: str) -> frozenset[str]:
    """The set of ``words`` (cached: the title is compared with every candidate)."""
    return frozenset(words(text))


def overlap(a: str, b: str) -> float:
    """Token-set F1 of two strings (0 when either is empty)."""
    wa, wb = word_set(a), word_set(b)
    if not wa or not wb:
        return 0.0
    common = len(wa & wb)
    return 2 * common / (len(wa) + len(wb))


@lru_cache(maxsize=256)
def compact(text: str) -> str:
    """Letters and digits only, folded: 'The Verge' -> 'theverge'."""
    return "".join(_WORD.findall(fold(text))).replace("_", "")


def host_names(url: str | None) -> list[str]:
    """Name-bearing labels of a URL's host: 'https://www.nytimes.com/x' -> ['nytimes']."""
    m = _HOST.match(url) if url else None
    if not m:
        return []
    host = m.group(1).rsplit("@", 1)[-1].casefold()
    return [label for label in host.split(".") if label and label not in _HOST_NOISE]


#: The host of an absolute, scheme-relative or bare address.
_HOST = re.compile(r"\s*(?:[a-z][a-z0-9+.-]*:)?(?://)?([^/?#:\s]+)", re.IGNORECASE)


#: Letters a text may add to a site name and still be it ("cbssports" + "com",
#: "the" + "verge"); more, and the name is only a part ("space" in "spaceflight").
SITE_EXTRA = 5


def is_site_like(text: str, site_names: list[str]) -> bool:
    """Does ``text`` name the site (equal to, or containing / contained in, a known name)?"""
    c = compact(text)
    if not c:
        return False
    if "." in text and " " not in text.strip():  # a host name ("www.planet.com")
        c = compact(" ".join(host_names(text))) or c
    for n in _compact_names(tuple(site_names)):
        if c == n or (len(c) >= 4 and c in n) or (n in c and len(c) - len(n) <= SITE_EXTRA):
            return True
    return False


@lru_cache(maxsize=64)
def _compact_names(site_names: tuple[str, ...]) -> tuple[str, ...]:
    """The site names' compact forms worth matching (three letters or more); cached,
    as a page checks many texts against one list."""
    return tuple(n for n in map(compact, site_names) if len(n) >= 3)


def has_case(text: str) -> bool:
    """True when ``text`` is in a cased script (Latin, Cyrillic, Greek...)."""
    return any(ch.isupper() or ch.islower() for ch in text)


def normal_case(name: str) -> str:
    """An upper-case name in normal case ('JANIE HAR' -> 'Janie Har'); others unchanged."""
    if not name.isupper():
        return name
    return " ".join(_cap(part) for part in name.split(" "))


def _cap(token: str) -> str:
    """'MCDONALD' -> 'Mcdonald', "O'NEIL" -> "O'Neil", 'JEAN-PAUL' -> 'Jean-Paul'."""
    return _LETTERS.sub(lambda m: m.group(0).capitalize(), token.lower())
