"""The headline of an HTML article, cross-checked between its sources.

The visible ``<h1>`` is the headline when it agrees with a declared title
(JSON-LD ``headline``, ``og:title``, ``twitter:title``, ``<title>``, which carry
site names and "Opinion |" prefixes); else an ``itemprop=headline`` or
``entry-title`` element that agrees; else the first ``<h1>`` that is not a
masthead or logo (a headline worded differently from ``og:title`` is still the
one the reader sees); else the declared title with the site name cut.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from newsx.extractors.html_header_text import (
    compact,
    fold,
    is_site_like,
    squash,
    word_set,
    words,
)
from newsx.extractors.html_meta import ARTICLE_ITEMTYPE, PageMeta, ld_text
from newsx.html_elements import distinct

#: Separators between a headline and a site name or section in ``<title>``/``og:title``.
#: (Captured, so one ``split`` gives parts and separators; the lookahead lets the scan
#: skip the characters no separator starts with.)
_TITLE_SEP = re.compile(
    r"(?=[\s|\u3000])(\s+(?:[|\-–—·•»:/\\~]|::|-{2})\s+|\s*\|\s*|\s*\u3000\s*)")
#: Leading labels that are not part of the headline ("Opinion | ...").
_TITLE_PREFIX = re.compile(
    r"^(?:opinion|analysis|editorial|commentary|column|review|watch|video|live|exclusive)"
    r"\s*[|:]\s+",
    re.IGNORECASE,
)
#: Elements that carry the article's headline besides ``<h1>`` (an ``<h2>`` too, when
#: the page's only ``<h1>`` is its masthead).  Queried only when no ``<h1>`` or
#: ``itemprop=headline`` agrees with the declared title; each must agree with it.
HEADLINE_SELECTORS = (
    '[class*="entry-title"], [class*="post-title"], [class*="article-title"],'
    ' [class*="headline"], [class*="story-title"], h2'
)
#: Candidates of that query considered (teaser lists repeat the classes).
MAX_HEADLINE_NODES = 60
#: Microdata names of an item: the headline when the item is the article itself.
ITEM_NAMES = '[itemscope] [itemprop~="name"]'
#: An ``<h1>`` agrees with a declared title at this token-set F1 (or when the
#: declared title is nearly contained in it, the h1 being the fuller headline).
TITLE_AGREE = 0.6
TITLE_CONTAINED = 0.8
#: Class/id words of a masthead or logo element (an ``<h1>`` that is not a headline).
_LOGO = re.compile(r"logo|brand|masthead|site-?title|site-?name|navbar|header__title", re.I)


def headline(tree: Any, page: PageMeta,
             sites: list[str]) -> tuple[str | None, str | None, Any]:
    """The article headline, the raw text to look it up in the page, and the element
    that shows it (None when the headline comes from the metadata only)."""
    refs = [r for r in (
        ld_text((page.article or {}).get("headline")),
        page.first("og:title"), page.first("twitter:title"), page.title,
    ) if r]
    cleaned = _cut_all(refs, sites)
    h1s = _texts(page.h1[:12])
    best = _best_match(h1s, cleaned)
    if best:
        return best[0], best[0], best[1]
    others = _texts(page.props("headline")[:10])
    if not _best_match(others, cleaned):
        others += _texts(list(islice(distinct(tree.css(HEADLINE_SELECTORS)), MAX_HEADLINE_NODES)))
    best = _best_match(others, cleaned)
    if best:
        return best[0], best[0], best[1]
    logos = []
    for text, node in h1s:
        if _is_headline_h1(text, node, sites):
            return text, text, node
        logos.append(text)  # a masthead h1 names the site: cut that name from titles too
    # no h1 shows it: the article item's own headline or name (microdata)
    for text, node in _texts(page.props("headline")[:10]) + _item_names(tree):
        if _is_headline_h1(text, node, sites + logos):
            return text, text, node
    if logos:
        cleaned = _cut_all(refs, sites + logos)
    for ref in cleaned:
        if ref:
            return ref, ref, None
    return None, None, None


def _item_names(tree: Any) -> list[tuple[str, Any]]:
    """``itemprop=name`` elements whose item is an Article/BlogPosting (not an author)."""
    out = []
    for node in tree.css(ITEM_NAMES)[:MAX_HEADLINE_NODES]:
        n = node.parent
        while n is not None and "itemscope" not in n.attributes:
            n = n.parent
        if n is not None and ARTICLE_ITEMTYPE.search(n.attributes.get("itemtype") or ""):
            out += _texts([node])
    return out


def _texts(nodes: list[Any]) -> list[tuple[str, Any]]:
    """(squashed text, node) of the nodes with a headline-sized text."""
    out = []
    for node in nodes:
        text = squash(node.text_lexbor())
        if text and len(text) < MAX_HEADLINE_CHARS:
            out.append((text, node))
    return out


#: Longer element texts are containers, not headlines.
MAX_HEADLINE_CHARS = 400


def _best_match(cands: list[tuple[str, Any]], refs: list[str]) -> tuple[str, Any] | None:
    """The candidate that agrees best with a declared title, if any agrees enough."""
    folded = {fold(r) for r in refs}
    for cand in cands:
        if fold(cand[0]) in folded:
            return cand
    ref_words = [word_set(r) for r in refs]
    best, best_score = None, 0.0
    for cand in cands:
        tw = word_set(cand[0])
        if not tw:
            continue
        for rw in ref_words:
            if not rw:
                continue
            common = len(tw & rw)
            score = 2 * common / (len(tw) + len(rw))
            if common / len(rw) >= TITLE_CONTAINED and len(tw) <= 2 * len(rw) + 3:
                score = max(score, TITLE_AGREE)
            if score > best_score:
                best, best_score = cand, score
    return best if best_score >= TITLE_AGREE else None


def _is_headline_h1(text: str, node: Any, sites: list[str]) -> bool:
    """A lone ``<h1>`` is the headline unless it is a masthead, logo or a label."""
    if len(words(text)) < 2 or is_site_like(text, sites):
        return False
    n, depth = node, 0
    while n is not None and depth < 3:
        attrs = n.attributes
        if _LOGO.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return False
        if n.tag == "a" and _is_home(attrs.get("href")):
            return False
        n, depth = n.parent, depth + 1
    link = node.css_first("a")
    return not (link is not None and _is_home(link.attributes.get("href")))


_SCHEME_HOST = re.compile(r"^(?:https?:)?//[^/]+")


def _is_home(href: str | None) -> bool:
    """A link to the site's front page ('/', 'https://example.com/', 'index.html')."""
    if href is None:
        return False
    href = href.strip()
    path = _SCHEME_HOST.sub("", href)
    return path in ("", "/", "/index.html", "/index.php", "index.html", "./")


def _cut_all(refs: list[str], sites: list[str]) -> list[str]:
    """``cut_site`` of every reference title; pages repeat one title in JSON-LD, og: and
    twitter: tags, so each distinct one is cut once."""
    done: dict[str, str] = {}
    for ref in refs:
        if ref not in done:
            done[ref] = cut_site(ref, sites)
    return [done[ref] for ref in refs]


def cut_site(title: str, sites: list[str]) -> str:
    """``title`` without a site name at either end (after a separator or in brackets),
    without a section between headline and site name, and without a leading label."""
    title = _cut_brackets(title, sites)
    split = _TITLE_SEP.split(title)
    parts, seps = split[0::2], split[1::2]
    site_cut = False
    while len(parts) > 1 and (is_site_like(parts[-1], sites) or _is_label(parts[-1])):
        site_cut = site_cut or is_site_like(parts[-1], sites)
        parts.pop()
        seps.pop()
    if (site_cut and len(parts) > 1 and len(parts[-1].split()) <= SECTION_WORDS
            and len(" ".join(parts[:-1]).split()) > SECTION_WORDS):
        parts.pop()  # "Headline | Section | Site"
        seps.pop()
    while len(parts) > 1 and (is_site_like(parts[0], sites) or _is_label(parts[0])):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return _TITLE_PREFIX.sub("", squash(out)) or squash(title)


#: A middle part of ``<title>`` this short, between the headline and the site name,
#: is a section ("Headline | Politics | Site").
SECTION_WORDS = 2
#: A bracketed part at the start or end of a title: "Headline＜Site＞", "【Site】Headline",
#: "Headline [Site]", "Headline «Site»".
_BRACKET_END = re.compile(r"\s*([\[【＜«])([^\[\]【】＜＞«»]{1,80})[\]】＞»]\s*$")
_BRACKET_START = re.compile(r"^\s*([\[【＜«])([^\[\]【】＜＞«»]{1,80})[\]】＞»]\s*")


def _cut_brackets(title: str, sites: list[str]) -> str:
    """``title`` without bracketed site names or labels at its ends."""
    stripped = title.strip()
    for pattern, ends in ((_BRACKET_END, stripped[-1:] in "]】＞»"),
                          (_BRACKET_START, stripped[:1] in "[【＜«")):
        m = pattern.search(title) if ends and stripped else None
        if m and len(m.group()) < len(title) and (
                is_site_like(m.group(2), sites) or _is_label(m.group(2))):
            title = title[:m.start()] + title[m.end():]
    return title.strip()


def _is_label(part: str) -> bool:
    return bool(_TITLE_PREFIX.match(part + " | ")) or compact(part) in ("news", "home")
