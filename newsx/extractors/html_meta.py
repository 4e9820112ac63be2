"""Machine-readable page metadata: ``<meta>`` tags, JSON-LD, ``<html lang>``, links.

Two narrow CSS queries (the ``<head>``'s metadata, a few element kinds of the
body) collect what the header rules need, and a third reads the class-named
parts around the headline, so the deciding code (``html_header``) never
queries the tree for metadata again.  JSON-LD is parsed with orjson; broken blocks (trailing
commas, raw control characters, HTML comments, several objects in one
script) get one tolerant second try.  Nothing here decides what a field is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import orjson

from newsx.html_elements import distinct

#: JSON-LD ``@type`` values that describe the article itself (schema.org).
ARTICLE_TYPES: frozenset[str] = frozenset(
    t.casefold()
    for t in (
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle",
        "AskPublicNewsArticle", "SatiricalArticle", "BlogPosting", "LiveBlogPosting",
        "SocialMediaPosting", "TechArticle", "ScholarlyArticle", "Report", "Review",
        "CreativeWork", "MediaObject", "VideoObject", "Recipe", "HowTo", "Blog",
    )
)
#: Microdata ``itemtype`` URLs of the article item (schema.org/NewsArticle, .../BlogPosting).
ARTICLE_ITEMTYPE = re.compile(r"(?:Article|BlogPosting|Posting|Report)/?\s*$", re.IGNORECASE)
#: Types that describe the page rather than the article: used when no article object exists.
PAGE_TYPES: frozenset[str] = frozenset({"webpage", "itempage", "collectionpage", "medicalwebpage"})

#: JSON-LD blocks larger than this are skipped (embedded data dumps, not metadata).
MAX_JSONLD_CHARS = 400_000
#: Objects visited at most per page when flattening JSON-LD (guards deep or huge graphs).
MAX_JSONLD_NODES = 2_000
#: Nesting followed at most when flattening (article objects sit 1-3 levels deep).
MAX_JSONLD_DEPTH = 8

_COMMENT = re.compile(r"<!--|-->|<!\[CDATA\[|\]\]>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NEWLINES = re.compile(r"[\r\n\t]+")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_OBJECT_SEAM = re.compile(r"}\s*{")


#: Each whole-document ``css()`` query costs about a sixth of the parse, and each
#: attribute-substring selector in it about a twentieth more, so the queries are
#: split by where their elements live: the (small) ``<head>`` is read for metadata,
#: the body once for the few element kinds needed anywhere, and the class-named
#: parts (bylines, breadcrumbs, kickers) only inside the headline's surroundings
#: (``read_near``).  Matches are sorted into kinds in Python.
HEAD_SELECTOR = 'meta, title, link[rel="canonical"], script[type="application/ld+json"]'
#: ``meta`` again: a stray element in ``<head>`` makes the parser move later tags into
#: the body.
BODY_SELECTOR = ('meta, script[type="application/ld+json"], h1, time, [itemprop],'
                 ' [rel="author"], [class*="breadcrumb" i]')
NEAR_SELECTOR = ('[class*="byline" i], [class*="author" i], [class*="kicker" i],'
                 ' [class*="categor" i]')
_BYLINE_CLASS = re.compile(r"byline|author", re.IGNORECASE)
_CRUMB_CLASS = re.compile(r"breadcrumb", re.IGNORECASE)
_KICKER_CLASS = re.compile(r"kicker|categor", re.IGNORECASE)
#: ``itemprop`` values the header rules read.
USED_PROPS = frozenset({"author", "creator", "datePublished", "dateModified", "dateCreated",
                        "headline", "articleSection"})
#: Attributes that name a meta tag (itemprop metas are read by their name too).
_META_KEYS = frozenset({"property", "name", "itemprop", "http-equiv"})
#: Nodes kept per kind (pages repeat bylines and categories in every teaser).
MAX_NODES = 40


@dataclass
class PageMeta:
    """What the page declares about itself, and the elements the header rules read.

    Keys of ``meta`` are lower-cased names, values the raw contents (whitespace is
    squashed on reading: most meta tags are never read); node lists are in
    document order.
    """

    meta: dict[str, list[str]] = field(default_factory=dict)
    article: dict[str, Any] | None = None  # the JSON-LD article object (merged if several)
    jsonld: list[dict[str, Any]] = field(default_factory=list)  # every typed JSON-LD object
    lang: str | None = None
    canonical: str | None = None
    title: str | None = None  # the <title> text
    h1: list[Any] = field(default_factory=list)
    times: list[Any] = field(default_factory=list)
    itemprops: list[tuple[str, Any]] = field(default_factory=list)  # (itemprop, node)
    bylines: list[Any] = field(default_factory=list)
    crumbs: list[Any] = field(default_factory=list)
    kickers: list[Any] = field(default_factory=list)
    squashed: set[str] = field(default_factory=set)  # names whose contents are squashed

    def first(self, *names: str) -> str | None:
        """The first non-empty content among ``names`` (in the order given)."""
        for name in names:
            for value in self.values(name):
                if value:
                    return value
        return None

    def all(self, *names: str) -> list[str]:
        """Every non-empty content of ``names``, in the order given."""
        return [v for name in names if name in self.meta for v in self.values(name) if v]

    def values(self, name: str) -> list[str]:
        """The contents of meta tags named ``name``, whitespace squashed (once)."""
        values = self.meta.get(name)
        if values is None:
            return []
        if name not in self.squashed:
            values[:] = map(squash, values)
            self.squashed.add(name)
        return values

    def props(self, *names: str) -> list[Any]:
        """Nodes whose ``itemprop`` is one of ``names``."""
        return [node for prop, node in self.itemprops if prop in names]


def squash(text: str | None) -> str:
    """Whitespace collapsed and stripped ('' for None)."""
    if not text:
        return ""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\xa0" in text:
        # what ``\s+`` -> " " and ``strip()`` give (one whitespace class), 4x faster
        return " ".join(text.split())
    return text.strip()


def read_meta(tree: Any) -> PageMeta:
    """Collect meta tags, JSON-LD, ``<html lang>``, canonical link, ``<title>``, and the
    body's ``<h1>``, ``<time>`` and ``itemprop`` elements."""
    page = PageMeta()
    root = tree.root
    if root is None:
        return page
    if root.tag == "html":
        attrs = root.attributes
        page.lang = attrs.get("lang") or attrs.get("xml:lang") or None
    head, body = tree.head, tree.body
    if head is None or body is None:
        nodes = root.css(f"{HEAD_SELECTOR}, {BODY_SELECTOR}")
    else:
        nodes = head.css(HEAD_SELECTOR) + body.css(BODY_SELECTOR)
    meta = page.meta
    for node in distinct(nodes):
        if node.tag != "meta":
            _sort(page, node)
            continue
        attrs = node.attributes  # inlined: pages carry dozens of meta tags
        content = attrs.get("content")
        if content is None:
            continue
        for key, name in attrs.items():  # a meta has two or three attributes
            if name and key in _META_KEYS:
                name = name.strip().casefold()
                if name in meta:
                    meta[name].append(content)
                else:
                    meta[name] = [content]
    page.article = pick_article(page.jsonld)
    return page


def read_near(page: PageMeta, container: Any) -> None:
    """Add the byline and kicker elements inside ``container`` (the headline's
    surroundings) to ``page``; its bylines go first, so that teasers' ``itemprop``
    credits elsewhere on the page cannot use up the quota."""
    bylines: list[Any] = []
    for node in distinct(container.css(NEAR_SELECTOR)):
        attrs = node.attributes
        cls = attrs.get("class") or ""
        # itemprop and rel=author bylines are filed by ``read_meta``
        if (_BYLINE_CLASS.search(cls) and "itemprop" not in attrs
                and attrs.get("rel") != "author"):
            _keep(bylines, node)
        if _KICKER_CLASS.search(cls) and not _CRUMB_CLASS.search(cls):
            _keep(page.kickers, node)
    page.bylines[:0] = bylines


def _sort(page: PageMeta, node: Any) -> None:
    """File one scanned node under its kind(s)."""
    tag = node.tag
    if tag == "title":
        if page.title is None and node.parent is not None and node.parent.tag == "head":
            page.title = squash(node.text_lexbor()) or None
        return
    if tag == "link":
        page.canonical = page.canonical or (node.attributes.get("href") or "").strip() or None
        return
    if tag == "script":
        raw = node.text_lexbor()
        if raw and len(raw) <= MAX_JSONLD_CHARS:
            page.jsonld.extend(typed_objects(parse_jsonld(raw)))
        return
    attrs = node.attributes
    if tag == "h1":
        page.h1.append(node)
    elif tag == "time":
        page.times.append(node)
    cls = attrs.get("class")
    if cls and _CRUMB_CLASS.search(cls):
        _keep(page.crumbs, node)
    prop = attrs.get("itemprop")
    if not prop:
        if attrs.get("rel") == "author":
            _keep(page.bylines, node)
        return
    if len(page.itemprops) < MAX_NODES:
        for name in prop.split():
            if name in USED_PROPS:
                page.itemprops.append((name, node))
    if "author" in prop:
        _keep(page.bylines, node)
    if "BreadcrumbList" in (attrs.get("itemtype") or "") and not (cls and _CRUMB_CLASS.search(cls)):
        _keep(page.crumbs, node)


def _keep(into: list[Any], node: Any) -> None:
    if len(into) < MAX_NODES:
        into.append(node)


def parse_jsonld(raw: str) -> Any:
    """The JSON value of one ld+json block, or None; one tolerant retry when broken."""
    try:
        return orjson.loads(raw)
    except (orjson.JSONDecodeError, RecursionError):
        pass
    fixed = _COMMENT.sub("", raw)
    fixed = _CONTROL.sub("", _NEWLINES.sub(" ", fixed)).strip().rstrip(";")
    fixed = _TRAILING_COMMA.sub(r"\1", fixed)
    if _OBJECT_SEAM.search(fixed) and not fixed.startswith("["):
        fixed = "[" + _OBJECT_SEAM.sub("},{", fixed) + "]"
    try:
        return orjson.loads(fixed)
    except (orjson.JSONDecodeError, RecursionError):
        return None


def typed_objects(value: Any) -> list[dict[str, Any]]:
    """Every dict with an ``@type`` in ``value`` (lists, ``@graph``, nesting), breadth first."""
    found: list[dict[str, Any]] = []
    queue: list[tuple[Any, int]] = [(value, 0)]
    seen = 0
    while seen < len(queue) and seen < MAX_JSONLD_NODES:
        item, depth = queue[seen]
        seen += 1
        if isinstance(item, list):
            if depth < MAX_JSONLD_DEPTH:
                queue.extend((x, depth + 1) for x in item[:MAX_JSONLD_NODES]
                             if isinstance(x, (dict, list)))
            continue
        if not isinstance(item, dict):
            continue
        if "@type" in item:
            found.append(item)
        if depth < MAX_JSONLD_DEPTH:
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                child = item.get(key)
                if isinstance(child, (dict, list)):
                    queue.append((child, depth + 1))
    return found


def types_of(obj: dict[str, Any]) -> set[str]:
    """The object's ``@type`` values, case-folded."""
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.casefold() for k in kinds if isinstance(k, str)}


def pick_article(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The article object: the first of an article type, filled in from later ones of the
    same kind; else a web page object that carries a date or headline."""
    articles = [o for o in objects if types_of(o) & ARTICLE_TYPES]
    if not articles:
        articles = [
            o for o in objects
            if types_of(o) & PAGE_TYPES and ("datePublished" in o or "headline" in o)
        ]
    if not articles:
        return None
    merged = dict(articles[0])
    for other in articles[1:]:
        for key, value in other.items():
            merged.setdefault(key, value)
    return merged


def ld_text(value: Any) -> str | None:
    """A JSON-LD value as one string: a string, the first of a list, or an object's name."""
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("url")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return squash(value) or None if isinstance(value, str) else None


def ld_names(value: Any) -> list[str]:
    """Names of a JSON-LD person/organisation value (string, object or list of them)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items[:20]:
        if isinstance(item, dict):
            item = item.get("name")
            if isinstance(item, list):
                item = next((x for x in item if isinstance(x, str)), None)
        if isinstance(item, str) and squash(item):
            names.append(squash(item))
    return names


def ld_strings(value: Any) -> list[str]:
    """A JSON-LD string-or-list value as a list of non-empty strings."""
    items = value if isinstance(value, list) else [value]
    return [squash(x) for x in items if isinstance(x, str) and squash(x)]
