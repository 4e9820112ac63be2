"""Article body from HTML: find the article's container, then read its blocks.

The page tree is shared with the other extractors, so the work happens on a
clone (a C-level copy, cheaper than a re-parse).  Steps:

1. drop elements that never hold article text, and comment threads, unless
   they hold most of the page's text (then they are a template's wrapper);
2. find the page's paragraphs (block elements holding no other block, plus
   ``<br>``-separated loose text) and score containers readability-style:
   each paragraph gives its ancestors points for length and commas; class/id
   words and link density scale the scores; ``itemprop=articleBody`` wins
   when it holds real text;
3. inside the root, drop widgets named as such (share bars, related lists,
   captions, hidden elements), then read the blocks in document order, typed
   by tag, dropping link lists, prompts and the repeated headline; a closing
   agency credit becomes the attribution.

Cost: every CSS query walks the whole tree whatever its selector count, so
the page is queried a handful of times; Python loops run over paragraphs and
candidate containers, never over every node, and never recurse (pages can
nest 100k levels deep).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.html_vocab import (
    ATTRIBUTION_LINE,
    BOILERPLATE_ID_WORDS,
    BOILERPLATE_LINE,
    BOILERPLATE_TAGS,
    BOILERPLATE_WORDS,
    CODE_TAGS,
    DROP_TAGS,
    END_HEADING,
    HIDDEN_SELECTORS,
    LEADING_META,
    NEGATIVE_CLASS,
    PAGE_WIDGET_WORDS,
    POSITIVE_CLASS,
    ROOT_HINTS,
    TRAILING_PROMPT,
)
from newsx.record import Block, Body

# --- thresholds ----------------------------------------------------------------

#: A page widget holding more than this share of the page's text is kept: it is
#: the template's wrapper (``<body class="comments-open">``), not a widget.
MAX_WIDGET_SHARE = 0.35
#: Inside the root, a widget holding more than this share of the root's text is kept.
MAX_ROOT_WIDGET_SHARE = 0.5
#: Class/id words multiply a container's score (readability adds +-25 instead,
#: which lets a near-empty ``<div class="content">`` beat a long article).
POSITIVE_FACTOR = 1.3
NEGATIVE_FACTOR = 0.5
#: Paragraphs shorter than this give their containers no points (readability's 25).
MIN_PARAGRAPH_CHARS = 25
#: Text of a data table that counts for scoring (stats tables are article text,
#: but a long table must not outweigh prose).
TABLE_SCORE_CHARS = 300
#: The headline's article container is looked for this many levels up, and must
#: score this much (a paragraph or two) to count.
MAX_HEADLINE_DEPTH = 6
MIN_HEADLINE_ROOT_SCORE = 5.0
#: Candidates (by raw score) whose class words are weighed; the rest cannot win.
CLASS_CANDIDATES = 12
#: A container with the best one's tag and class joins it from this share of its score.
MIN_TWIN_SHARE = 0.2
#: Candidates whose link density is computed (the costly part of scoring).
TOP_CANDIDATES = 5
#: A hinted root (``itemprop=articleBody``) is trusted when it holds this much text.
MIN_HINT_CHARS = 200
#: Blocks whose linked text is above this share are link lists, not prose.
MAX_BLOCK_LINK_SHARE = 0.6
#: Boilerplate-line checks apply to blocks up to this length.
MAX_PROMPT_CHARS = 80
#: Bylines and datelines above the article are at most this long.
MAX_META_CHARS = 100
MAX_META_BLOCKS = 3
#: Closing prompts ("Subscribe to our newsletter") are at most this long.
MAX_TRAILING_PROMPT_CHARS = 200
#: Furniture headings ("Related stories", "Comments") are at most this long.
MAX_END_HEADING_CHARS = 40

# --- selectors and tag tables ---------------------------------------------------

_DROP_TAGS = frozenset(DROP_TAGS)
_PAGE_WIDGETS = ", ".join(
    [*DROP_TAGS, *BOILERPLATE_TAGS]
    + [f'[class*="{w}"], [id*="{w}"]' for w in PAGE_WIDGET_WORDS]
)
_ROOT_WIDGETS = ", ".join(
    [*HIDDEN_SELECTORS]
    + [f'[class*="{w}" i]' for w in BOILERPLATE_WORDS]
    + [f'[id*="{w}" i]' for w in BOILERPLATE_ID_WORDS]
)
_HINTS = ", ".join(ROOT_HINTS)
#: Elements read as blocks; the ones holding no other block are the paragraphs.
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, blockquote, li, pre, table, dd, dt, div, td, th"
_BLOCKS_AND_BR = _BLOCKS + ", br"
#: A table holding any of these is layout, not data: its cells are read one by one.
_TABLE_LAYOUT = "p, div, ul, ol, blockquote, h1, h2, h3, h4, h5, h6, pre"
#: Put after each ``<br>`` so that text keeps its line breaks; a private-use character,
#: since source newlines inside a paragraph are only spaces.
_BR = "\ue000"
_KIND_BY_TAG = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "blockquote": "quote", "li": "list_item", "pre": "preformatted",
    "table": "table",
}
_HEADLINE_TAGS = frozenset({"h1", "h2", "h3"})
_BLOCK_CONTAINERS = "div, article, section, main, td"
_KIND_BY_CONTAINER = {"blockquote": "quote", "li": "list_item"}
#: Leaves that are not prose and give no points to their containers.
_NOT_PARAGRAPHS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "table", "li", "dt", "th"})
#: Inline children of a container that are not text.
_INLINE_SKIP = frozenset({"figure", "img", "picture", "hr", "wbr"})
#: Containers by tag: prose wrappers up, list and heading wrappers down (readability).
_TAG_WEIGHT = {"div": 2, "article": 4, "section": 1, "main": 2, "pre": 1, "td": 1,
               "blockquote": 1, "form": -3, "ol": -3, "ul": -3, "dl": -3, "li": -3,
               "th": -5, "h1": -5, "h2": -5, "h3": -5, "body": -5}
#: Points go to 5 ancestors, divided by level (readability: 1, 2, then 3 x level).
_LEVEL_DIVIDER = (1, 2, 6, 9, 12)


@dataclass
class _Candidate:
    node: LexborNode
    score: float


@dataclass
class _Layout:
    """Which elements are paragraphs (leaves), which hold them (containers),
    and which hold ``<br>``-separated loose text."""

    leaves: list[LexborNode]
    leaf_ids: set[int]
    containers: set[int]
    br_parents: list[LexborNode]


def extract_body(doc: Document, ctx: Context) -> Body | None:
    """The article's blocks, or ``None`` when the page has no readable text."""
    if not doc.text or not doc.text.strip():
        return None
    work = doc.tree.clone()
    body = work.body
    if body is None:
        return None
    _drop_noise(work, body)
    layout = _layout(body)
    title_key = _normalise(ctx.header.title).casefold() if ctx.header.title else None
    roots = _find_roots(body, layout, title_key)
    blocks: list[Block] = []
    # A widget holding a blockquote is an embedded post (``social-media-embed``), kept.
    for root in roots:
        widgets = [n for n in root.css(_ROOT_WIDGETS) if n.css_first("blockquote") is None]
        _drop_widgets(root, widgets, MAX_ROOT_WIDGET_SHARE)
        blocks.extend(_read_root(root, layout, title_key))
    return _finish(blocks)


# --- 1. cleaning ---------------------------------------------------------------


def _drop_noise(work: LexborHTMLParser, body: LexborNode) -> None:
    """Remove code and non-text elements, then page widgets with a minor share of text."""
    work.strip_tags(list(CODE_TAGS), recursive=True)
    _drop_widgets(body, body.css(_PAGE_WIDGETS), MAX_WIDGET_SHARE)


def _drop_widgets(scope: LexborNode, matches: list[LexborNode], max_share: float) -> None:
    """Remove ``matches`` (in document order) holding less than ``max_share`` of the
    scope's text; elements of :data:`DROP_TAGS` go whatever their size."""
    limit = len(scope.text()) * max_share
    doomed = [n for n in matches if n.tag in _DROP_TAGS or len(n.text()) < limit]
    for node in reversed(doomed):  # descendants first: no node is used after its ancestor dies
        node.decompose()


def _layout(scope: LexborNode) -> _Layout:
    """Find the block elements under ``scope`` that hold no other block.

    These are the page's paragraphs whatever the markup (``<p>``, or text in
    nested ``<div>``s).  A node is a container when some matched block lies
    below it; the parent walk stops at the first container already known, so
    the pass is linear in the tree size (``:has()`` is quadratic on deep trees).
    Data tables count as leaves: they are read as one block.  Each ``<br>``
    gets a :data:`_BR` mark after it, so that text keeps its line breaks.
    """
    nodes = []
    brs = []
    for node in scope.css(_BLOCKS_AND_BR):
        (brs if node.tag == "br" else nodes).append(node)
    containers: set[int] = set()
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in containers:
            containers.add(parent.mem_id)
            parent = parent.parent
    tables, cells = _data_tables([n for n in nodes if n.tag == "table"])
    containers -= tables
    leaves = [n for n in nodes if n.mem_id not in containers and n.mem_id not in cells]
    leaf_ids = {n.mem_id for n in leaves}
    br_parents = []
    seen: set[int] = set()
    for br in brs:
        br.insert_after(_BR)
        parent = br.parent
        if parent is not None and parent.mem_id not in seen and parent.mem_id not in leaf_ids:
            seen.add(parent.mem_id)
            br_parents.append(parent)
    return _Layout(leaves, leaf_ids, containers, br_parents)


def _data_tables(tables: list[LexborNode]) -> tuple[set[int], set[int]]:
    """Data tables (no blocks inside) and the nodes inside them, read with their table."""
    data: set[int] = set()
    cells: set[int] = set()
    for table in tables:
        if table.css_first(_TABLE_LAYOUT) is None and len(table.css("table")) == 1:
            data.add(table.mem_id)
            cells.update(n.mem_id for n in table.css(_BLOCKS) if n.tag != "table")
    return data, cells


# --- 2. finding the article root ---------------------------------------------


def _find_roots(body: LexborNode, layout: _Layout, title_key: str | None) -> list[LexborNode]:
    """The article's container(s): a trusted hint, or the best-scoring container
    (moved to the one under the headline when the page lists several articles)."""
    hinted = _distinct(n for n in body.css(_HINTS) if len(n.text()) >= MIN_HINT_CHARS)
    if hinted:
        return _outermost(hinted)
    scores: dict[int, _Candidate] = {}
    for leaf in layout.leaves:
        tag = leaf.tag
        if tag == "table":  # a data table counts as one paragraph, whatever its commas
            _score_text(_normalise(leaf.text())[:TABLE_SCORE_CHARS], leaf.parent, scores)
        elif tag not in _NOT_PARAGRAPHS:
            _score_text(leaf.text(), leaf.parent, scores)
    for holder in layout.br_parents:
        _score_text(holder.text(deep=False), holder, scores)
    if not scores:
        return [body]
    ranked = sorted(scores.values(), key=lambda c: c.score, reverse=True)[:CLASS_CANDIDATES]
    for cand in ranked:
        cand.score *= _class_factor(cand.node)
    top = sorted(ranked, key=lambda c: c.score, reverse=True)[:TOP_CANDIDATES]
    for cand in top:
        cand.score *= 1 - _link_density(cand.node, len(cand.node.text()))
    best = max(top, key=lambda c: c.score)
    if title_key:
        best = _under_headline(best, layout, title_key, scores)
    return _with_twins(best, scores)


def _under_headline(
    best: _Candidate, layout: _Layout, title_key: str, scores: dict[int, _Candidate]
) -> _Candidate:
    """On a page of several articles (a blog's front page with the post open), the
    article is the one under the headline: the nearest scored ancestor of the
    heading that repeats the title, unless that ancestor holds ``best`` too."""
    anchors = [
        n for n in layout.leaves
        if n.tag in _HEADLINE_TAGS and _normalise(n.text()).casefold() == title_key
    ]
    if len(anchors) != 1:
        return best
    best_id = best.node.mem_id
    node = anchors[0].parent
    for _ in range(MAX_HEADLINE_DEPTH):
        if node is None or node.mem_id == best_id:
            return best
        cand = scores.get(node.mem_id)
        if cand is not None and cand.score >= MIN_HEADLINE_ROOT_SCORE:
            return best if _holds(cand.node, best_id) else cand
        node = node.parent
    return best


def _holds(node: LexborNode, mem_id: int) -> bool:
    """Is the node with ``mem_id`` inside ``node``? (A walk up from the inner one
    would be shorter, but only ``node`` is at hand: search its scored subtree.)"""
    return any(n.mem_id == mem_id for n in node.css(_BLOCK_CONTAINERS))


def _with_twins(best: _Candidate, scores: dict[int, _Candidate]) -> list[LexborNode]:
    """The best container plus its twins: containers with the same tag and class
    and a fair score, as when a template splits the article into chunks between
    ads.  ``scores`` is in document order (first paragraph seen first)."""
    cls = best.node.attrs.get("class")
    if not cls:
        return [best.node]
    floor = best.score * MIN_TWIN_SHARE
    tag = best.node.tag
    twins = [
        c.node
        for c in scores.values()
        if c is best
        or (c.score >= floor and c.node.tag == tag and c.node.attrs.get("class") == cls)
    ]
    return _outermost(_distinct(twins)) if len(twins) > 1 else twins


def _distinct(nodes: Iterable[LexborNode]) -> list[LexborNode]:
    """Drop nodes whose text repeats an earlier node's (a template's mobile copy)."""
    seen: set[str] = set()
    out = []
    for node in nodes:
        key = _normalise(node.text())
        if key not in seen:
            seen.add(key)
            out.append(node)
    return out


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """Drop nodes nested in an earlier node of the list (document order)."""
    if len(nodes) < 2:
        return nodes
    ids = {n.mem_id for n in nodes}
    kept = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            kept.append(node)
    return kept


def _score_text(text: str, node: LexborNode | None, scores: dict[int, _Candidate]) -> None:
    """Give ``node`` and its ancestors points for each paragraph of ``text``."""
    points = 0
    for part in text.split(_BR) if _BR in text else (text,):
        length = len(part.strip())
        if length >= MIN_PARAGRAPH_CHARS:
            points += 1 + _commas(part) + min(length // 100, 3)
    if not points:
        return
    for divider in _LEVEL_DIVIDER:
        if node is None:
            break
        tag = node.tag
        if tag == "html" or tag == "#document":
            break
        cand = scores.get(node.mem_id)
        if cand is None:
            cand = _Candidate(node, _TAG_WEIGHT.get(tag, 0))
            scores[node.mem_id] = cand
        cand.score += points / divider
        node = node.parent


def _commas(text: str) -> int:
    """Commas in Latin, CJK and Arabic script (each is a clause boundary)."""
    return text.count(",") + text.count("，") + text.count("、") + text.count("،")


def _class_factor(node: LexborNode) -> float:
    """Score multiplier from the container's class/id words."""
    attrs = node.attrs
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    factor = 1.0
    if NEGATIVE_CLASS.search(names):
        factor *= NEGATIVE_FACTOR
    if POSITIVE_CLASS.search(names):
        factor *= POSITIVE_FACTOR
    return factor


def _link_density(node: LexborNode, text_len: int) -> float:
    if not text_len:
        return 1.0
    linked = sum(len(a.text()) for a in node.css("a"))
    return min(1.0, linked / text_len)


# --- 3. reading blocks -------------------------------------------------------


def _normalise(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Reader:
    """Blocks read so far from one root, and the loose text not yet flushed."""

    title_key: str | None
    blocks: list[Block] = field(default_factory=list)
    run: list[str] = field(default_factory=list)
    ended: str | None = None  # a heading of the page's furniture (Related, Comments)

    def add(self, new: list[Block]) -> None:
        for block in new:
            if len(block.text) <= MAX_END_HEADING_CHARS and END_HEADING.match(block.text):
                self.ended = block.text
                return
            self.blocks.append(block)

    def flush(self, kind: str, keep: bool = True) -> None:
        """Emit the loose text gathered so far (inline content between blocks)."""
        if self.run:
            if keep:
                self.add(_lines("".join(self.run), kind))
            self.run.clear()


def _read_root(root: LexborNode, layout: _Layout, title_key: str | None) -> list[Block]:
    """The root's blocks in document order: its leaf blocks and its loose text runs.

    An explicit stack of child iterators walks the containers only; leaves are
    read whole with C-level ``text()``, so Python touches about one node per block.
    Blocks inside a link (teaser cards: ``<a><h3>..</h3><p>..</p></a>``) are
    skipped, and a furniture heading ("Related stories") skips the rest of the
    smallest container holding more than the heading.
    """
    reader = _Reader(title_key)
    if root.mem_id not in layout.containers:
        reader.add(_leaf_block(root, "paragraph", reader))
        return reader.blocks
    stack = [_frame(root, "paragraph", False)]
    while stack:
        children, kind, linked, _ = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            reader.flush(kind, keep=not linked)
        elif child.is_text_node:
            reader.run.append(child.text_content or "")
        elif not child.is_element_node:
            continue
        elif child.mem_id in layout.containers:
            reader.flush(kind, keep=not linked)
            stack.append(_frame(child, kind, linked))
        elif child.mem_id in layout.leaf_ids:
            reader.flush(kind, keep=not linked)
            if not linked:
                reader.add(_leaf_block(child, kind, reader))
        elif child.tag not in _INLINE_SKIP:
            reader.run.append(child.text())
        if reader.ended is not None:
            _skip_furniture(stack, len(reader.ended))
            reader.ended = None
            reader.run.clear()
    return reader.blocks


def _frame(node: LexborNode, kind: str, linked: bool) -> tuple:
    """A stack frame: the container's children, its block kind, inside-a-link, the node."""
    tag = node.tag
    return (node.iter(include_text=True), _KIND_BY_CONTAINER.get(tag, kind),
            linked or tag == "a", node)


def _skip_furniture(stack: list[tuple], heading_len: int) -> None:
    """Pop the frames of the containers that hold little more than the heading,
    and of the first one that holds more (its remaining children are furniture)."""
    while stack:
        node = stack.pop()[3]
        if len(_normalise(node.text())) > heading_len + MAX_END_HEADING_CHARS:
            break


def _lines(text: str, kind: str) -> list[Block]:
    """Blocks of loose text, one per line, without prompts."""
    out = []
    for line in text.split(_BR):
        line = _normalise(line)
        if line and not _is_prompt(line):
            out.append(Block(kind, line))
    return out


def _leaf_block(node: LexborNode, kind: str, reader: _Reader) -> list[Block]:
    """The typed block(s) of one leaf element (one per ``<br>``-separated line).

    An ``<h1>`` before any text is the page's headline, not a sub-heading.
    """
    tag = node.tag
    if tag == "table":
        text = _table_text(node)
        return [Block("table", text)] if text else []
    raw = node.text()
    if not raw or raw.isspace():
        return []
    links = node.css("a")
    if links and sum(len(a.text()) for a in links) > MAX_BLOCK_LINK_SHARE * len(raw.strip()):
        return []
    own = _KIND_BY_TAG.get(tag, kind)
    if own == "preformatted":  # one block per line, spacing kept
        lines = raw.replace(_BR, "\n").split("\n")
        return [Block(own, line.rstrip()) for line in lines if line.strip()]
    if tag == "h1" and not reader.blocks:
        return []
    title_key = reader.title_key
    return [b for b in _lines(raw, own) if b.text.casefold() != title_key]


def _table_text(table: LexborNode) -> str:
    """A data table as one block: cells joined by tabs, rows by newlines."""
    rows = []
    for row in table.css("tr"):
        cells = [_normalise(c.text().replace(_BR, " ")) for c in row.css("td, th")]
        cells = [c for c in cells if c]
        if cells:
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _is_prompt(line: str) -> bool:
    return len(line) <= MAX_PROMPT_CHARS and BOILERPLATE_LINE.match(line) is not None


def _is_leading_meta(block: Block) -> bool:
    return (
        block.kind == "paragraph"
        and len(block.text) <= MAX_META_CHARS
        and LEADING_META.search(block.text) is not None
    )


def _finish(blocks: list[Block]) -> Body | None:
    """Drop leading bylines and closing prompts; move a closing agency credit to
    ``attribution``."""
    while blocks and len(blocks[-1].text) <= MAX_TRAILING_PROMPT_CHARS and (
        TRAILING_PROMPT.search(blocks[-1].text)
    ):
        blocks = blocks[:-1]
    start = 0
    while start < min(len(blocks), MAX_META_BLOCKS) and _is_leading_meta(blocks[start]):
        start += 1
    blocks = blocks[start:]
    if not blocks:
        return None
    attribution = None
    match = ATTRIBUTION_LINE.match(blocks[-1].text)
    if match:
        attribution = next(g for g in match.groups() if g).strip()
        blocks = blocks[:-1]
    return Body(blocks=blocks, attribution=attribution) if blocks else None


EXTRACTOR = Extractor(
    name="html-body",
    block="body",
    formats=frozenset({"html"}),
    extract=extract_body,
    priority=50,
)
