"""The section an HTML article is filed under, as the page shows it.

Sources: breadcrumb levels (JSON-LD ``BreadcrumbList`` or a breadcrumb
element), kickers and category labels near the headline, "Filed under:"
labels, the line just above the headline, and the declared section
(``article:section``, JSON-LD ``articleSection``...).  A visible label that
agrees with the declared section wins; otherwise what the reader sees wins
over the declaration, which often names a desk or a content type instead.
Values that are not sections ("post", "Front Page", the site name, prompts,
dates) never qualify.
"""

from __future__ import annotations

import re
from typing import Any

from newsx.extractors.html_header_text import fold, is_site_like, overlap, squash
from newsx.extractors.html_meta import PageMeta, ld_strings

SECTION_META = ("article:section", "og:article:section", "parsely-section", "section",
                "article.section", "category", "prism.section")
#: Labels that are never a section.
_NOT_SECTION = re.compile(
    r"^(?:home|homepage|front ?page|post|posts|article|articles|page|news ?feed|main|index"
    r"|start|inicio|início|главная|top|blog|uncategori[sz]ed|general|default|none|null|"
    r"international|all (?:news|stories)|startseite|accueil|you are here:?|search|menu|share"
    r"|subscribe|log ?in|sign ?in|sign up|watch.*|live|video|videos|more|latest|trending"
    r"|advertisement|sponsored|close|open|next|previous|back|skip.*|in|by|on|at|of|and|the"
    r"|filed(?: under)?|posted(?: in)?|.*\b(?:ago|last|today|yesterday)\b.*"
    r"|(?:learn|read|see|view|show|load)\s+(?:more|all)\b.*|.*\bstories\b.*|invalid\b.*"
    r"|error\b.*|loading\b.*|.*\b(?:newsletter|podcast|app|download)s?\b.*)$",
    re.IGNORECASE,
)
MAX_SECTION_WORDS = 4
#: Characters that never occur in a section label (code, prompts, dates, counts).
_NOT_LABEL = re.compile(r'[{}"=<>:@#?!\d]|^\W*$')


def section(page: PageMeta, sites: list[str], title: str | None,
            context: str = "", at: int = -1) -> str | None:
    """The section the page shows: a visible label that agrees with the declared
    section wins; else the last breadcrumb level, a kicker near the headline, a
    "Filed under:" label, the declared section, or the line above the headline."""
    declared = [s for s in _declared_sections(page) if _is_section(s, sites, title)]
    crumbs = _breadcrumb(page, sites, title)
    kickers = [k for k in (_first_line(n) for n in page.kickers[:8])  # _near: the cheaper test
               if _near(k, context, at) and _is_section(k, sites, title)]
    labels = [k for k in _labelled(context, at) if _is_section(k, sites, title)]
    above = _line_above(context, at)
    above = [above] if above and _is_section(above, sites, title) else []
    for group in (crumbs, kickers, labels, above):
        for cand in group:
            if any(fold(cand) == fold(d) for d in declared):
                return cand
    if crumbs:
        return crumbs[-1]
    if kickers or labels:
        return (kickers or labels)[0]
    if declared:
        return declared[0]
    return above[0] if above else None


_HOME = re.compile(r"^(?:home|homepage|inicio|início|главная|startseite|accueil|home page)$",
                   re.IGNORECASE)
#: Labels that introduce a section name in the page text.
_SECTION_LABEL = re.compile(
    r"^(?:filed\s+(?:under|to|in)|topics?|categor(?:y|ies)|categoria|categorie|kategorie"
    r"|section|rubrik|rubrique|sección|seção)\s*:\s*(?P<name>[^,|/]{2,40})",
    re.IGNORECASE,
)
#: How far from the headline labels are looked for, in context characters.
KICKER_REACH = 1500
#: A kicker sits right above the headline or in the byline block below it.
KICKER_BEFORE, KICKER_AFTER = 300, 600


def _near(text: str, context: str, at: int) -> bool:
    """Is ``text`` shown as a line of its own just above or below the headline?"""
    if at < 0:
        return False
    lo = max(0, at - KICKER_BEFORE)
    padded = "\n" + context + "\n"
    pos = padded.find("\n" + text + "\n", lo)
    return 0 <= pos <= at + KICKER_AFTER


def _labelled(context: str, at: int) -> list[str]:
    out = []
    if at < 0:
        return out
    for line in context[max(0, at - KICKER_REACH):at + KICKER_REACH].split("\n"):
        if ":" not in line:
            continue
        m = _SECTION_LABEL.match(line.strip())
        if m:
            out.append(m["name"].strip())
    return out


def _line_above(context: str, at: int) -> str | None:
    """The line just above the headline (a kicker, when it is one)."""
    if at <= 0:
        return None
    lines = context[:at].rstrip("\n").rsplit("\n", 1)
    line = lines[-1].strip(" /|>»›") if lines else ""
    if not 0 < len(line.split()) <= 3 or not line[:1].isupper():
        return None
    return line


def _first_line(node: Any) -> str:
    for line in node.text(separator="\n").split("\n"):
        line = squash(line).strip(" /|>»›,")
        if line:
            return line
    return ""


def _declared_sections(page: PageMeta) -> list[str]:
    out = [v.split(",")[0].strip() for v in page.all(*SECTION_META)]
    article = page.article or {}
    out += [s.split(",")[0].strip() for s in ld_strings(article.get("articleSection"))[:1]]
    return [s for s in out if s]


def _breadcrumb(page: PageMeta, sites: list[str], title: str | None) -> list[str]:
    """Breadcrumb levels below "Home", without the article itself."""
    levels: list[str] = []
    for node in page.crumbs[:12]:
        for level in node.text(separator="\n").split("\n"):
            level = squash(level)
            if levels and _HOME.match(level):
                break  # a second breadcrumb (or the items of the first) starts again
            if level:
                levels.append(level)
        else:
            continue
        break
    if not levels:
        levels = _jsonld_crumbs(page)
    out: list[str] = []
    for level in levels:
        level = squash(level).strip(" /|>»›")
        if _is_section(level, sites, title) and level not in out:
            out.append(level)
    return out


def _jsonld_crumbs(page: PageMeta) -> list[str]:
    """Names of a JSON-LD ``BreadcrumbList`` (used when the page shows no breadcrumb)."""
    levels: list[str] = []
    for obj in page.jsonld:
        if "breadcrumblist" in {str(t).casefold() for t in _types(obj)}:
            for item in obj.get("itemListElement") or []:
                if not isinstance(item, dict):
                    continue
                name = item.get("name")
                if not isinstance(name, str) and isinstance(item.get("item"), dict):
                    name = item["item"].get("name")
                if isinstance(name, str):
                    levels.append(squash(name))
    return levels


def _types(obj: dict) -> list:
    kind = obj.get("@type")
    return kind if isinstance(kind, list) else [kind]


def _is_section(text: str, sites: list[str], title: str | None) -> bool:
    if not text or len(text) > 60 or len(text.split()) > MAX_SECTION_WORDS:
        return False
    # cheapest tests first: the long alternation and the site names come last
    if (_NOT_LABEL.search(text) or "." in text.replace(".S.", "") or _NOT_SECTION.match(text)
            or is_site_like(text, sites)):
        return False
    return not (title and overlap(text, title) > 0.5)
