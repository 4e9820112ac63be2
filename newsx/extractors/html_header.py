"""Header of an HTML article: title, dates, authors, section, language and more.

Every field is decided here from all its sources at once, because the sources
check each other: the visible ``<h1>`` is the headline when it agrees with
``og:title`` / ``<title>`` / JSON-LD ``headline`` (which carry site names and
"Opinion |" prefixes), or when it is the only real heading; a masthead ``<h1>``
is recognised because it names the site.  Dates, authors and section take the
machine-readable values (``html_meta``) and let what the reader sees near the
headline (the dateline, the byline, the breadcrumb) decide.

Cost: one pass of ``css()`` queries over a few selectors and one ``text()`` of
the body, searched only in a window around the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.extractors.html_header_authors import (
    byline_texts,
    choose_authors,
    clean_byline,
    meta_authors,
    text_bylines,
)
from newsx.extractors.html_header_dates import decide, machine_dates, seen_dates
from newsx.extractors.html_header_text import (
    compact,
    fold,
    host_names,
    is_site_like,
    overlap,
    squash,
    words,
)
from newsx.extractors.html_meta import PageMeta, ld_strings, ld_text, read_meta
from newsx.record import Header

# --- title --------------------------------------------------------------------------

#: Separators between a headline and a site name or section in ``<title>``/``og:title``.
_TITLE_SEP = re.compile(r"\s+(?:[|\-–—·•»:/\\~]|::|-{2})\s+|\s*\|\s*")
#: Leading labels that are not part of the headline ("Opinion | ...").
_TITLE_PREFIX = re.compile(
    r"^(?:opinion|analysis|editorial|commentary|column|review|watch|video|live|exclusive)"
    r"\s*[|:]\s+",
    re.IGNORECASE,
)
#: Elements that carry the article's headline besides ``<h1>``.
#: Queried only when no ``<h1>`` or ``itemprop=headline`` agrees with the declared title.
HEADLINE_SELECTORS = (
    '[class*="entry-title"], [class*="post-title"], [class*="article-title"],'
    ' [class*="headline"], [class*="story-title"]'
)
#: An ``<h1>`` agrees with a declared title at this token-set F1 (or when the
#: declared title is nearly contained in it, the h1 being the fuller headline).
TITLE_AGREE = 0.6
TITLE_CONTAINED = 0.8
#: Class/id words of a masthead or logo element (an ``<h1>`` that is not a headline).
_LOGO = re.compile(r"logo|brand|masthead|site-?title|site-?name|navbar|header__title", re.I)


def headline(tree: Any, page: PageMeta, sites: list[str]) -> tuple[str | None, str | None]:
    """The article headline and the raw text to look it up in the page."""
    refs = [r for r in (
        ld_text((page.article or {}).get("headline")),
        page.first("og:title"), page.first("twitter:title"), page.title,
    ) if r]
    cleaned = [cut_site(r, sites) for r in refs]
    h1s = [(squash(n.text()), n) for n in page.h1[:12]]
    h1s = [(t, n) for t, n in h1s if t and len(t) < 400]
    best = _best_match(h1s, cleaned)
    if best:
        return best, best
    others = [(squash(n.text()), n) for n in page.props("headline")[:10]]
    if not _best_match([(t, n) for t, n in others if t and len(t) < 400], cleaned):
        others += [(squash(n.text()), n) for n in tree.css(HEADLINE_SELECTORS)[:20]]
    best = _best_match([(t, n) for t, n in others if t and len(t) < 400], cleaned)
    if best:
        return best, best
    for text, node in h1s:
        if _is_headline_h1(text, node, sites, page):
            return text, text
    for ref in cleaned:
        if ref:
            return ref, ref
    return None, None


def _best_match(cands: list[tuple[str, Any]], refs: list[str]) -> str | None:
    """The candidate that agrees best with a declared title, if any agrees enough."""
    folded = {fold(r) for r in refs}
    for text, _node in cands:
        if fold(text) in folded:
            return text
    ref_words = [set(words(r)) for r in refs]
    best, best_score = None, 0.0
    for text, _node in cands:
        tw = set(words(text))
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
                best, best_score = text, score
    return best if best_score >= TITLE_AGREE else None


def _is_headline_h1(text: str, node: Any, sites: list[str], page: PageMeta) -> bool:
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


def _is_home(href: str | None) -> bool:
    """A link to the site's front page ('/', 'https://example.com/', 'index.html')."""
    if href is None:
        return False
    href = href.strip()
    path = re.sub(r"^(?:https?:)?//[^/]+", "", href)
    return path in ("", "/", "/index.html", "/index.php", "index.html", "./")


def cut_site(title: str, sites: list[str]) -> str:
    """``title`` without a site name at either end and without a leading label."""
    parts = _TITLE_SEP.split(title)
    seps = _TITLE_SEP.findall(title)
    while len(parts) > 1 and (is_site_like(parts[-1], sites) or _is_label(parts[-1])):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and (is_site_like(parts[0], sites) or _is_label(parts[0])):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return _TITLE_PREFIX.sub("", squash(out)) or squash(title)


def _is_label(part: str) -> bool:
    return bool(_TITLE_PREFIX.match(part + " | ")) or compact(part) in ("news", "home")


# --- section ------------------------------------------------------------------------

SECTION_META = ("article:section", "og:article:section", "parsely-section", "section",
                "article.section", "category", "prism.section")
#: Labels that are never a section.
_NOT_SECTION = re.compile(
    r"^(?:home|homepage|front ?page|post|posts|article|articles|page|news ?feed|main|index"
    r"|start|inicio|início|главная|top|blog|uncategori[sz]ed|general|default|none|null|"
    r"international|all (?:news|stories)|startseite|accueil|you are here:?|search|menu|share"
    r"|subscribe|log ?in|sign ?in|sign up|watch.*|live|video|videos|more|latest|trending"
    r"|advertisement|sponsored|close|open|next|previous|back|skip.*|in|by|on|at|of|and|the"
    r"|filed(?: under)?|posted(?: in)?|.*\b(?:ago|last|today|yesterday)\b.*)$",
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
    kickers = [k for k in (_first_line(n) for n in page.kickers[:8])
               if _is_section(k, sites, title) and _near(k, context, at)]
    labels = [k for k in _labelled(context, at) if _is_section(k, sites, title)]
    above = _line_above(context, at)
    above = [above] if above and _is_section(above, sites, title) else []
    for group in (kickers, labels, crumbs, above):
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


#: Labels that introduce a section name in the page text.
_SECTION_LABEL = re.compile(
    r"^(?:filed\s+(?:under|to|in)|topics?|categor(?:y|ies)|categoria|categorie|kategorie"
    r"|section|rubrik|rubrique|sección|seção)\s*:\s*(?P<name>[^,|/]{2,40})",
    re.IGNORECASE,
)
#: How far from the headline a kicker may be shown, in context characters.
KICKER_REACH = 1500


def _near(text: str, context: str, at: int) -> bool:
    if at < 0:
        return False
    pos = context.find(text, max(0, at - KICKER_REACH))
    return 0 <= pos <= at + KICKER_REACH


def _labelled(context: str, at: int) -> list[str]:
    out = []
    if at < 0:
        return out
    for line in context[max(0, at - KICKER_REACH):at + KICKER_REACH].split("\n"):
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
    if not levels:
        for node in page.crumbs[:12]:
            levels += node.text(separator="\n").split("\n")
    out: list[str] = []
    for level in levels:
        level = squash(level).strip(" /|>»›")
        if _is_section(level, sites, title) and level not in out:
            out.append(level)
    return out


def _types(obj: dict) -> list:
    kind = obj.get("@type")
    return kind if isinstance(kind, list) else [kind]


def _is_section(text: str, sites: list[str], title: str | None) -> bool:
    if not text or len(text) > 60 or len(text.split()) > MAX_SECTION_WORDS:
        return False
    if (_NOT_SECTION.match(text) or is_site_like(text, sites) or _NOT_LABEL.search(text)
            or "." in text.replace(".S.", "")):
        return False
    return not (title and overlap(text, title) > 0.5)


# --- language -----------------------------------------------------------------------

def language(page: PageMeta, sample: str) -> str | None:
    """Declared language (``<html lang>``, ``og:locale``, Content-Language); the text's
    language when none is declared, or when the text plainly contradicts it."""
    declared = page.lang or page.first("og:locale", "content-language", "language", "dc.language")
    primary = re.split(r"[-_]", declared.strip())[0].casefold() if declared else None
    if primary and not re.fullmatch(r"[a-z]{2,3}", primary):
        primary = None
    if primary and not _contradicts(primary, sample):
        return primary
    if _english_share(sample) > ENGLISH_ABOVE:
        return "en"  # plainly English: no need for the classifier
    from newsx.language import detect_language

    return (detect_language(sample) if sample else None) or primary


#: English function words: their share in a text tells English from other
#: languages cheaply, so the classifier runs only when a declaration looks wrong.
_ENGLISH = frozenset({
    "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "are", "by",
    "it", "this", "from",
})
#: Shares below / above which a text is plainly not / plainly English (English
#: prose runs at 20-30 %, other Latin-script languages under 3 %).
NOT_ENGLISH_BELOW, ENGLISH_ABOVE = 0.05, 0.15
#: Words of sample needed before the text may overrule a declaration.
OVERRULE_WORDS = 60


def _contradicts(declared: str, sample: str) -> bool:
    share = _english_share(sample)
    if share < 0:
        return False
    return share < NOT_ENGLISH_BELOW if declared == "en" else share > ENGLISH_ABOVE


def _english_share(sample: str) -> float:
    """Share of English function words among the sample's Latin words (-1: too few)."""
    tokens = _LATIN_WORD.findall(sample.casefold())
    if len(tokens) < OVERRULE_WORDS:
        return -1.0
    return sum(t in _ENGLISH for t in tokens) / len(tokens)


_LATIN_WORD = re.compile(r"[a-z]+")


# --- putting it together ------------------------------------------------------------


@dataclass
class _Page:
    """The shared reading of one page."""

    tree: Any
    meta: PageMeta
    url: str | None
    sites: list[str]
    text: str
    anchor: int
    context: str = ""  # visible lines around the headline
    at: int = -1  # the headline's offset in ``context``


def extract_header(doc: Document, ctx: Context) -> Header | None:
    """The header fields this page shows or declares."""
    tree = doc.tree
    if tree is None:
        return None
    page = read_meta(tree)
    url = doc.url or page.canonical or page.first("og:url")
    sites = _site_names(page, url)
    title, raw_title = headline(tree, page, sites)
    body = tree.body
    text = body.text(separator="\n") if body is not None else ""
    anchor = _find(text, raw_title) if raw_title else -1
    context, at = _context(text, anchor)
    p = _Page(tree, page, url, sites, text, anchor, context, at)
    published, modified = _dates(p)
    article = page.article or {}
    description = page.first("og:description", "description", "twitter:description") or ld_text(
        article.get("description")
    )
    return Header(
        title=title,
        section=section(page, sites, title, context, at),
        published=published,
        modified=modified,
        authors=_authors(p),
        site_name=page.first("og:site_name", "application-name")
        or _publisher(article) or None,
        language=language(page, _sample(context, at, f"{title or ''}. {description or ''}")),
        description=description,
        image=page.first("og:image", "og:image:url", "twitter:image", "twitter:image:src")
        or ld_text(article.get("image")),
        tags=_tags(page),
        url=url,
    )


def _site_names(page: PageMeta, url: str | None) -> list[str]:
    names = [
        page.first("og:site_name"), page.first("application-name"),
        page.first("twitter:site", "twitter:site:id"), _publisher(page.article or {}),
    ]
    out = [n.lstrip("@") for n in names if n]
    out += host_names(url or page.first("og:url"))
    return out


def _publisher(article: dict) -> str | None:
    pub = article.get("publisher")
    return ld_text(pub) if isinstance(pub, (dict, list, str)) else None


#: Occurrences of the headline considered (menus and teasers repeat it).
MAX_OCCURRENCES = 6
#: Text after an occurrence inspected to tell the article from a menu entry.
LOOKAHEAD = 5000
#: A line this long after the headline is the article's prose (or a caption).
PROSE_AFTER = 80


def _find(text: str, needle: str) -> int:
    """Position of the headline in the page text, -1 when absent.

    Among the lines that start with it (scripts repeat headlines mid-line), the
    first one followed by a line of prose wins (a menu entry is followed by more
    short entries, the article's heading by its text), else the one followed by
    the longest line."""
    probe = squash(needle)[:40]
    best, best_score = -1, -1
    start = text.find(probe)
    first = start
    for _ in range(MAX_OCCURRENCES * 3):
        if start < 0:
            break
        line_start = text.rfind("\n", 0, start) + 1
        end = text.find("\n", start)
        end = end if end >= 0 else len(text)
        if not text[line_start:start].strip() and not _CODE_LINE.search(text[start:end]):
            score = _longest_line(text, end, end + LOOKAHEAD)
            if score >= PROSE_AFTER:
                return start
            if score > best_score:
                best, best_score = start, score
        start = text.find(probe, end)
    return best if best >= 0 else first


def _longest_line(text: str, lo: int, hi: int) -> int:
    """Length of the longest non-code line in ``text[lo:hi]`` (stops at the first prose line)."""
    longest = 0
    for line in text[lo:hi].split("\n"):
        n = len(line.strip()) if len(line) > longest else 0
        if n > longest and not _CODE_LINE.search(line):
            longest = n
            if n >= PROSE_AFTER:
                break
    return longest


#: Context kept around the headline: lines before (kicker, breadcrumb, dateline
#: above) and after (byline, dateline, first paragraphs), in characters.
CONTEXT_BEFORE, CONTEXT_AFTER = 600, 2000
#: Raw text scanned to fill the context (script lines are skipped, so more is read).
CONTEXT_SCAN = 30_000
#: Lines that are script or style code, not text the reader sees.
_CODE_LINE = re.compile(r'[{};]\s*$|^[\s\w.$]+\(|=\s*["\'{\[(]|":|\bfunction\b|</?\w+[ >]')


def _context(text: str, anchor: int) -> tuple[str, int]:
    """Visible lines around the headline, and the headline's offset in them."""
    if anchor < 0:
        return "", -1
    before: list[str] = []
    size = 0
    for line in reversed(text[max(0, anchor - CONTEXT_SCAN):anchor].split("\n")):
        line = line.strip()
        if line and not _CODE_LINE.search(line):
            before.append(line)
            size += len(line) + 1
            if size >= CONTEXT_BEFORE:
                break
    after: list[str] = []
    size = 0
    for line in text[anchor:anchor + CONTEXT_SCAN].split("\n"):
        line = line.strip()
        if line and not _CODE_LINE.search(line):
            after.append(line)
            size += len(line) + 1
            if size >= CONTEXT_AFTER:
                break
    head = "\n".join(reversed(before))
    return (head + "\n" if head else "") + "\n".join(after), len(head) + (1 if head else 0)


def _dates(p: _Page) -> tuple[str | None, str | None]:
    published, modified = machine_dates(p.meta)
    seen = seen_dates(p.context, p.at) if p.at >= 0 else []
    dates = decide(published, modified, seen, p.url)
    return dates.published, dates.modified


#: Byline elements further than this from the headline (in page-text characters)
#: belong to other stories, comments or author boxes.
BYLINE_REACH_BEFORE, BYLINE_REACH_AFTER = 600, 2500
#: Author boxes at the end of the article: trusted only when the metadata agrees.
BYLINE_FAR = 10_000


def _authors(p: _Page) -> list[str]:
    declared = meta_authors(p.meta, p.sites)
    visible: list[tuple[int, list[str], str]] = []
    if p.anchor >= 0:
        lo = max(0, p.anchor - BYLINE_REACH_BEFORE)
        hi = p.anchor + (BYLINE_FAR if declared else BYLINE_REACH_AFTER)
        for raw in byline_texts(p.meta):
            first = squash(raw.split("\n", 1)[0]) or squash(raw)
            pos = p.text.find(raw.strip()[:30], lo, hi)
            if pos < 0:
                continue
            distance = pos - p.anchor
            if distance <= BYLINE_REACH_AFTER:
                visible.append((abs(distance), clean_byline(raw, p.sites), first))
            else:
                names = clean_byline(raw, p.sites)
                if names and any(n in declared for n in names):
                    visible.append((BYLINE_FAR + abs(distance), names, first))
    if not visible and p.at >= 0:
        lines = p.context[p.at:p.at + BYLINE_REACH_AFTER].split("\n")[1:]
        names = text_bylines(lines, p.sites)
        if names:
            visible.append((0, names, ""))
    return choose_authors(visible, declared)


def _tags(page: PageMeta) -> list[str]:
    tags = page.all("article:tag", "og:article:tag")
    if not tags:
        keywords = page.first("keywords", "news_keywords")
        if keywords:
            tags = [k for k in (squash(x) for x in keywords.split(",")) if k]
    if not tags:
        tags = [t for v in ld_strings((page.article or {}).get("keywords")) for t in v.split(",")]
    out: list[str] = []
    for tag in (squash(t) for t in tags):
        if tag and tag not in out:
            out.append(tag)
    return out[:50]


#: Sample of article text for language identification (characters after the headline).
SAMPLE_CHARS = 1500
#: Page text after the headline searched for prose lines.
SAMPLE_REACH = 5000
#: A line this long is prose, not a menu item or a label.
PROSE_LINE = 60
#: Script text shows up in ``text()``: lines with code punctuation are not prose.
_CODE = re.compile(r'[{};=<>]|":|\bfunction\b|url\(')


def _sample(text: str, anchor: int, fallback: str = "") -> str:
    """Prose lines after the headline (or from the page's start), for language checks;
    ``fallback`` (title, description) when the page shows no prose there."""
    start = max(anchor, 0)
    lines = []
    for line in text[start:start + SAMPLE_REACH].split("\n"):
        line = line.strip()
        if len(line) >= PROSE_LINE and not _CODE.search(line):
            lines.append(line)
    return " ".join(lines)[:SAMPLE_CHARS] or fallback


EXTRACTOR = Extractor(
    name="html-header",
    block="header",
    formats=frozenset({"html"}),
    extract=extract_header,
    priority=50,
)
