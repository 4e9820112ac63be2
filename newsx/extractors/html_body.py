"""Article body from HTML: find the article's container, then read its blocks.

The page tree is shared with the other extractors.  Instead of copying it
(a third of a parse), the few nodes that go (code, widgets) are unlinked and
linked back when done, and ``<br>`` marks are removed again (:class:`_Edits`).
Steps:

1. drop code, elements that never hold article text (nav, aside, ...) and
   comment threads, unless they hold most of the page's text (then they are a
   template's wrapper);
2. find the page's paragraphs (block elements holding no other block, plus
   ``<br>``-separated loose text) and score containers readability-style:
   each paragraph (and, at half weight, each long list item with few links)
   gives its ancestors points for length and commas; class/id words and link
   density scale the scores.  ``itemprop=articleBody`` wins when it holds real
   text; on a page of several posts, the one under the headline
   (``ctx.header.title``) wins; a caption or credit gives way to the
   article-named container around it; containers with the winner's class join
   it (an article split around ads), else its siblings that are article text
   too (an intro and first paragraphs beside a ``read-more`` wrapper);
3. inside the root, drop widgets named as such (share bars, related lists,
   captions, hidden elements), then read the blocks in document order, typed
   by tag, dropping link lines, teaser cards, prompts, the repeated headline
   and what follows a furniture heading ("Related stories", "Comments");
4. trim leading bylines and closing prompts; a closing agency credit becomes
   the attribution.

Cost: every CSS query walks its whole subtree, and a selector list costs a test
per selector at every node, so tags are told by ``tag_id`` (``html_elements.tag_ids``) in
one list of all elements: the page is listed twice (the extractors' shared list,
:func:`newsx.html_elements.body_elements`, taken before any edit, and again after
the widgets go) and queried once for names and hints, and the root listed once;
each leaf's text is read once, and each container's text at most once.  Python
loops run over blocks and candidate containers, never over every node (C-level
``map``/``compress`` do), and never recurse (pages can nest 100k levels deep);
class-word regexes are tries (:func:`newsx.html_vocab.word_pattern`) and run
once per distinct class.  Measured on the development corpus: about 1.7x the
CPU time of the bare Lexbor parse.  Deriving the second listing from the first
was tried and is slower: the blocks inside widgets then need a walk each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import attrgetter

from selectolax.lexbor import LexborNode

from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.html_elements import Elements, body_elements, distinct, tag_ids
from newsx.html_vocab import (
    ATTRIBUTION_LINE,
    BOILERPLATE_ID_WORDS,
    BOILERPLATE_LINE,
    BOILERPLATE_TAGS,
    BOILERPLATE_WORDS,
    CODE_TAGS,
    DROP_TAGS,
    END_HEADING,
    HIDDEN_ATTRS,
    HIDDEN_CLASSES,
    HIDDEN_ROLES,
    HIDDEN_STYLE,
    LEADING_META,
    MEDIA_WIDGET_CLASS,
    NEGATIVE_CLASS,
    PAGE_WIDGET_WORDS,
    POSITIVE_CLASS,
    ROOT_HINT_ATTRS,
    TRAILING_PROMPT,
    trailing_credit,
    word_pattern,
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
#: score this share of the best container's score to replace it.
MAX_HEADLINE_DEPTH = 6
MIN_HEADLINE_ROOT_SHARE = 0.3
#: Candidates (by raw score) whose class words are weighed; the rest cannot win.
CLASS_CANDIDATES = 12
#: A container with the best one's tag and class joins it from this share of its score.
MIN_TWIN_SHARE = 0.2
#: Candidates whose link density is computed (the costly part of scoring).
TOP_CANDIDATES = 3
#: List items give points (at this weight) from this length and below this link
#: share: a post written as a list is article text, a menu or a link list is not.
MIN_LIST_ITEM_CHARS = 80
LIST_ITEM_WEIGHT = 0.5
MAX_LIST_ITEM_LINK_SHARE = 0.3
#: A best container named as a widget (caption, credit) gives way to an ancestor
#: named as an article, at most this many levels up, holding this many times its text.
MAX_WIDGET_ROOT_CLIMB = 4
MIN_WIDGET_ROOT_GAIN = 3
#: Siblings of the root that join it (readability): containers scoring this share
#: of the root's score (and at least this score), or paragraphs this long; either
#: with at most this link share.
MIN_SIBLING_SHARE = 0.2
MIN_SIBLING_SCORE = 10
MIN_SIBLING_CHARS = 80
MIN_SIBLING_WORDS = 5
MAX_SIBLING_LINK_SHARE = 0.25
#: A wrapper whose text is at least this share the root's is the root's for the
#: sibling step; wrappers climbed at most.
MIN_WRAPPED_SHARE, MAX_WRAPPERS = 0.95, 3
#: A hinted root (``itemprop=articleBody``) is trusted when it holds this much text.
MIN_HINT_CHARS = 200
#: Blocks whose linked text is above this share are link lists, not prose.
MAX_BLOCK_LINK_SHARE = 0.6
#: "Label: <links>" lines: the label is this short, the rest this much link text.
MAX_LABEL_CHARS = 30
LABELLED_LINK_SHARE = 0.8
#: A link's leaf block is looked for this many levels up (inline markup is shallow).
MAX_LINK_DEPTH = 6
#: A cell's table is looked for this many levels up (cell, row, row group, table).
MAX_CELL_DEPTH = 4
#: Boilerplate-line checks apply to blocks up to this length.
MAX_PROMPT_CHARS = 80
#: Bylines and datelines above the article are at most this long.
MAX_META_CHARS = 100
MAX_META_BLOCKS = 3
#: Closing prompts ("Subscribe to our newsletter") are at most this long.
MAX_TRAILING_PROMPT_CHARS = 200
#: Furniture headings ("Related stories", "Comments") are at most this long.
MAX_END_HEADING_CHARS = 40
#: A furniture heading ends the whole root only after this share of its text.
MIN_READ_SHARE_TO_END = 0.6

#: Caps that keep pathological pages (thousands of nested widgets or hinted roots,
#: each measured with a whole-subtree ``text()``) near linear time.
MAX_WIDGETS = 2000
MAX_HINTS = 20
MAX_FURNITURE_POPS = 12

# --- selectors and tag tables ---------------------------------------------------

_DROP_TAGS = frozenset(DROP_TAGS)


_TAG_ID = attrgetter("tag_id")
#: Code and page widgets by tag, found by tag id in a list of all elements; page
#: widgets by name and root hints, by one query (attribute tests are C-level).
_CODE_TAGS = frozenset(CODE_TAGS)
_PAGE_TAGS = tag_ids((*CODE_TAGS, *DROP_TAGS, *BOILERPLATE_TAGS))
_PAGE_NAMES_AND_HINTS = ", ".join(
    [f'[class*="{w}"], [id*="{w}"]' for w in PAGE_WIDGET_WORDS]
    + [f'[{a}="{v}" i]' if v else f"[{a}]" for a, v in ROOT_HINT_ATTRS.items()]
)
#: (case-sensitive; ``(?!)`` never matches, should the word list be emptied)
_PAGE_WIDGET_NAME = re.compile("|".join(map(re.escape, PAGE_WIDGET_WORDS)) or "(?!)")
#: Players: the box around one, up to this much text (a caption, "Your video will
#: play in 0:25"), is a media widget whatever its class.
_MEDIA_TAGS = ("video", "audio", "object", "embed")
MAX_MEDIA_BOX_CHARS = 200
MAX_MEDIA_CLIMB = 8
#: Attributes that can hide an element (most elements have none: one set check).
_HIDING_NAMES = frozenset((*HIDDEN_ATTRS, "role", "style"))
_WIDGET_CLASS = re.compile(word_pattern(BOILERPLATE_WORDS))
_WIDGET_ID = re.compile(word_pattern(BOILERPLATE_ID_WORDS))
#: Elements read as blocks; the ones holding no other block are the paragraphs.
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, blockquote, li, pre, table, dd, dt, div, td, th"
#: The blocks and ``<br>``, by tag id (see :func:`~newsx.html_elements.tag_ids`).
_LAYOUT_TAGS = tag_ids([*_BLOCKS.split(", "), "br"])
(_A,) = tag_ids(["a"])
(_BLOCKQUOTE,) = tag_ids(["blockquote"])
_QUOTES_AND_TABLES = frozenset(tag_ids(["blockquote", "table"]))
_MEDIA_NAMES = frozenset(_MEDIA_TAGS)
#: Picked in the pass that finds code and page widgets: the players, and blockquotes
#: (does the page hold one?), as a scan of all tag ids per kind costs about 6 us.
_PAGE_PICKS = {**_PAGE_TAGS, **tag_ids((*_MEDIA_TAGS, "blockquote"))}
#: Put after each ``<br>`` so that text keeps its line breaks; a private-use character,
#: since source newlines inside a paragraph are only spaces.
_BR = "\ue000"
_KIND_BY_TAG = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "blockquote": "quote", "li": "list_item", "pre": "preformatted",
    "table": "table",
}
_HEADLINE_TAGS = frozenset({"h1", "h2", "h3"})
_KIND_BY_CONTAINER = {"blockquote": "quote", "li": "list_item"}
#: Leaves that are not prose and give no points to their containers (list items
#: and data tables give some, by their own rules).
_UNSCORED = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dt", "th"})
#: Siblings of the root that may be article text (not headings, lists or widgets).
_SIBLING_TAGS = frozenset({"p", "div", "section", "article"})
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
    and which hold ``<br>``-separated loose text.  Leaf texts are read once,
    for scoring and for reading (``texts``)."""

    leaves: list[tuple[LexborNode, int, str]]  # (leaf, id, tag)
    leaf_ids: set[int]
    containers: set[int]
    br_parents: list[LexborNode]
    texts: dict[int, str] = field(default_factory=dict)  # leaf id -> text
    paragraphs: list[tuple[LexborNode, str, str]] = field(default_factory=list)  # scored leaves
    media: list[LexborNode] = field(default_factory=list)  # players left on the page
    quotes: bool = True  # does the page hold a blockquote at all?
    lengths: dict[int, int] = field(default_factory=dict)  # container id -> its text length

    def text_len(self, node: LexborNode) -> int:
        """The length of a container's text, measured once (a whole-subtree read)."""
        mem_id = node.mem_id
        length = self.lengths.get(mem_id)
        if length is None:
            length = self.lengths[mem_id] = len(node.text_lexbor())
        return length


def extract_body(doc: Document, ctx: Context) -> Body | None:
    """The article's blocks, or ``None`` when the page has no readable text."""
    if not doc.text or doc.text.isspace():
        return None
    body = doc.tree.body
    if body is None:
        return None
    elements = body_elements(doc)  # (before any edit: see newsx.html_elements)
    edits = _Edits()
    try:
        return _extract(body, elements, edits, ctx)
    finally:
        edits.undo()


def _extract(body: LexborNode, elements: Elements, edits: _Edits, ctx: Context) -> Body | None:
    layout, hints = _clean_and_layout(body, elements, edits)
    title_key = _normalise(ctx.header.title).casefold() if ctx.header.title else None
    roots = _find_roots(body, layout, title_key, hints)
    blocks: list[Block] = []
    for root in roots:
        widgets, links = _root_widgets(root, layout.media)
        doomed = _doomed(root, widgets, MAX_ROOT_WIDGET_SHARE, layout.text_len(root))
        if layout.quotes:
            doomed = [n for n in doomed if not _holds_quote(n, layout)]
        _forget_texts(doomed, layout)
        edits.detach_all(doomed)
        blocks.extend(_read_root(root, layout, title_key, links))
    return _finish(blocks)


class _Edits:
    """Changes to the shared page tree, undone in reverse order when done.

    Copying the tree costs a third of a parse; unlinking the few removed nodes
    (widgets, code) and linking them back costs a pointer swap each.  A removed
    node is unlinked with its subtree (``decompose(recursive=False)`` frees
    nothing), and each undo step finds the tree exactly as its step left it, so
    the page comes back node for node: the other extractors see it unchanged.
    """

    def __init__(self) -> None:
        self.steps: list[tuple[LexborNode, LexborNode, int]] = []  # (node, anchor, how)

    def detach_all(self, nodes: list[LexborNode]) -> None:
        """Unlink ``nodes`` (in document order) from the tree; descendants first."""
        for node in reversed(nodes):
            self.detach(node)

    def detach(self, node: LexborNode) -> None:
        """Unlink ``node`` (already unlinked: a duplicate, nothing to do)."""
        prev = node.prev
        if prev is not None:
            self.steps.append((node, prev, _AFTER))
        else:
            parent = node.parent
            if parent is None:
                return
            self.steps.append((node, parent, _FIRST_IN))
        node.decompose(recursive=False)  # unlinked, subtree and memory kept

    def mark_break(self, br: LexborNode) -> None:
        """Put :data:`_BR` after a ``<br>``, so that text keeps its line breaks."""
        _INSERT_TEXT_AFTER(br, _BR)
        self.steps.append((br, br, _MARKED))

    def undo(self) -> None:
        steps = self.steps
        while steps:
            node, anchor, how = steps.pop()
            if how == _AFTER:
                _INSERT_NODE_AFTER(anchor, node, True)  # (move)
            elif how == _MARKED:
                mark = node.next
                if mark is not None:
                    mark.decompose()
            else:
                first = anchor.first_child
                if first is not None:
                    _INSERT_NODE_BEFORE(first, node, True)
                else:
                    _INSERT_CHILD_NODE(anchor, node, True)


_AFTER, _FIRST_IN, _MARKED = 0, 1, 2
#: ``insert_*`` are Cython fused functions: a plain call picks its variant from the
#: argument's type, at ten times the cost of the move itself; these are the
#: variants, picked once.
_INSERT_NODE_AFTER = LexborNode.insert_after[LexborNode]
_INSERT_NODE_BEFORE = LexborNode.insert_before[LexborNode]
_INSERT_CHILD_NODE = LexborNode.insert_child[LexborNode]
_INSERT_TEXT_AFTER = LexborNode.insert_after[str]


# --- 1. cleaning ---------------------------------------------------------------


def _clean_and_layout(
    body: LexborNode, elements: Elements, edits: _Edits
) -> tuple[_Layout, list[LexborNode]]:
    """Remove code, then page widgets holding a minor share of the page's text;
    find the paragraphs and read their text.  Return them and the root hints
    (``itemprop=articleBody``) that survive."""
    code, widgets, hints, media, quotes = _page_widgets(body, elements)
    edits.detach_all(code)  # first, so that text lengths leave code out
    doomed = _doomed(body, widgets, MAX_WIDGET_SHARE, None)
    if hints and doomed:
        gone = {n.mem_id for n in doomed}
        hints = [n for n in hints if not _inside(n, gone)]
    edits.detach_all(doomed)
    layout = _layout(body, edits)
    layout.media = media
    layout.quotes = quotes
    _read_texts(layout)
    return layout, hints


def _page_widgets(
    body: LexborNode, elements: Elements
) -> tuple[list, list, list, list, bool]:
    """Code, page widgets, root hints, players, and whether the page holds a
    blockquote: code, widgets, players and blockquotes by tag among all the page's
    elements, the rest by one query.  Widgets come by tag, then by name: the order
    matters only past :data:`MAX_WIDGETS`, and is then document order."""
    code = []
    widgets = []
    media = []
    quotes = False
    bare = None  # every figure is bare media: the page holds no blockquote or table
    for node in elements.of_tags(_PAGE_PICKS):
        tag = _PAGE_PICKS[node.tag_id]
        if tag in _CODE_TAGS:
            if node.first_child is not None:  # (empty: ``<script src=..>``, left in place)
                code.append(node)
        elif tag in _MEDIA_NAMES:
            media.append(node)
        elif tag == "blockquote":
            quotes = True
        elif tag != "figure":
            widgets.append(node)
        else:
            if bare is None:
                bare = _QUOTES_AND_TABLES.isdisjoint(elements.tag_ids)
            if bare or _is_bare_media(node):
                widgets.append(node)
    named = []
    hints = []
    for node in distinct(body.css(_PAGE_NAMES_AND_HINTS)):
        if node.tag_id in _PAGE_TAGS:  # (code or a widget whatever its names)
            continue
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if _PAGE_WIDGET_NAME.search(names):
            named.append(node)
        if _is_hint(attrs):
            hints.append(node)
    if named:
        widgets = _in_document_order(widgets + named, elements) if widgets else named
    return code, widgets, hints, media, quotes


def _in_document_order(some: list[LexborNode], elements: Elements) -> list[LexborNode]:
    """``some`` sorted in document order; only needed when there are more than
    :data:`MAX_WIDGETS`."""
    if len(some) <= MAX_WIDGETS:
        return some
    position = elements.positions()
    return sorted(some, key=lambda n: position[n.mem_id])


def _is_hint(attrs: dict) -> bool:
    for name, value in ROOT_HINT_ATTRS.items():
        if name in attrs and (value is None or (attrs[name] or "").lower() == value):
            return True
    return False


def _inside(node: LexborNode, ids: set[int]) -> bool:
    """Is ``node`` or one of its ancestors in ``ids``?"""
    while node is not None:
        if node.mem_id in ids:
            return True
        node = node.parent
    return False


def _holds_quote(node: LexborNode, layout: _Layout) -> bool:
    """Is ``node`` or an element in it a blockquote (then a widget is an embedded
    post: ``social-media-embed``)?  Only a container can hold one: others need no query."""
    if node.tag_id == _BLOCKQUOTE:
        return True
    return node.mem_id in layout.containers and node.css_first("blockquote") is not None


def _is_bare_media(figure: LexborNode) -> bool:
    """A figure of an image or video (and its credits), not of a quote or a table."""
    return figure.css_first("blockquote, table") is None


def _root_widgets(
    root: LexborNode, media: list[LexborNode]
) -> tuple[list[LexborNode], list[LexborNode]]:
    """Elements of the root (itself included) named or marked as widgets (share
    bars, related lists, captions, hidden elements), and the root's links: one
    query; then the boxes of the page's players (``media``) that are in the root."""
    out = []
    links = []
    named: dict[str, bool] = {}  # class -> names a widget (a template repeats its classes)
    # All elements: nearly all have a class, id, style, ... anyway, and a selector list
    # of those attributes would cost a test per selector at every node.  The words are
    # then matched by one regex each (a selector per word would walk the root ~80 times).
    for node in root.css("*"):
        if node.tag_id == _A:
            links.append(node)
        attrs = node.attributes
        cls = attrs.get("class")
        if cls:
            widget = named.get(cls)
            if widget is None:
                widget = named[cls] = bool(
                    _WIDGET_CLASS.search(cls.lower()) or not HIDDEN_CLASSES.isdisjoint(cls.split())
                )
            if widget:
                out.append(node)
                continue
        ident = attrs.get("id")
        if ident and _WIDGET_ID.search(ident.lower()):
            out.append(node)
            continue
        if not _HIDING_NAMES.isdisjoint(attrs) and _is_hidden(attrs):
            out.append(node)
    if media:
        root_ids = {root.mem_id}
        out += [_media_box(m, root) for m in media[:MAX_WIDGETS] if _inside(m.parent, root_ids)]
    return out, links


def _media_box(media: LexborNode, root: LexborNode) -> LexborNode:
    """The outermost element around a player holding no more than its caption and
    controls' text (below the root): a box that is not article text."""
    box = media
    root_id = root.mem_id
    node = media.parent
    for _ in range(MAX_MEDIA_CLIMB):
        if node is None or node.mem_id == root_id:
            break
        if len(_normalise(node.text_lexbor())) > MAX_MEDIA_BOX_CHARS:
            break
        box = node
        node = node.parent
    return box


def _is_hidden(attrs: dict) -> bool:
    for name, value in HIDDEN_ATTRS.items():
        if name in attrs and (value is None or attrs[name] == value):
            return True
    if attrs.get("role") in HIDDEN_ROLES:
        return True
    style = attrs.get("style")
    return bool(style) and HIDDEN_STYLE.search(style) is not None


def _doomed(
    scope: LexborNode, matches: list[LexborNode], max_share: float, scope_len: int | None
) -> list[LexborNode]:
    """The ``matches`` (in document order) holding less than ``max_share`` of the
    scope's text (``scope_len``, when already known); elements of :data:`DROP_TAGS`
    go whatever their size.  Elements without text stay: they change no text, and
    moving costs more than checking."""
    if not matches:
        return []
    limit = (len(scope.text_lexbor()) if scope_len is None else scope_len) * max_share
    doomed = []
    for node in matches[:MAX_WIDGETS]:
        text = node.text_lexbor()
        if text and not text.isspace() and (len(text) < limit or node.tag in _DROP_TAGS):
            doomed.append(node)
    return doomed


def _forget_texts(doomed: list[LexborNode], layout: _Layout) -> None:
    """Drop the kept text of the leaves that lose an inline widget (a caption
    ``<span>`` in a ``<p>``): a short walk up from each inline widget to its leaf."""
    texts = layout.texts
    leaf_ids = layout.leaf_ids
    containers = layout.containers
    for node in doomed:
        mem_id = node.mem_id
        if mem_id in leaf_ids or mem_id in containers:
            continue
        node = node.parent
        while node is not None:
            mem_id = node.mem_id
            if mem_id in leaf_ids:
                texts.pop(mem_id, None)
                break
            if mem_id in containers:
                break
            node = node.parent


def _layout(scope: LexborNode, edits: _Edits) -> _Layout:
    """Find the block elements under ``scope`` that hold no other block.

    These are the page's paragraphs whatever the markup (``<p>``, or text in
    nested ``<div>``s).  A node is a container when some matched block lies
    below it; the parent walk stops at the first container already known, so
    the pass is linear in the tree size (``:has()`` is quadratic on deep trees).
    Data tables count as leaves: they are read as one block.  Each ``<br>``
    gets a :data:`_BR` mark after it, so that text keeps its line breaks.
    """
    nodes = []  # (node, id, tag)
    cells = []  # (cell, id)
    brs = []
    containers: set[int] = set()
    add = containers.add
    elements = scope.css("*")  # (see tag_ids)
    for node, tag in zip(elements, map(_LAYOUT_TAGS.get, map(_TAG_ID, elements)), strict=True):
        if tag is None:
            continue
        if tag == "br":
            brs.append(node)
            continue
        mem_id = node.mem_id
        nodes.append((node, mem_id, tag))
        if tag == "td" or tag == "th":
            cells.append((node, mem_id))
        parent = node.parent
        while parent is not None:
            parent_id = parent.mem_id
            if parent_id in containers:
                break
            add(parent_id)
            parent = parent.parent
    tables, in_tables = _data_tables(cells, containers) if cells else (set(), set())
    containers -= tables
    leaves = [n for n in nodes if n[1] not in containers and n[1] not in in_tables]
    leaf_ids = {n[1] for n in leaves}
    br_parents = []
    seen: set[int] = set()
    for br in brs:
        edits.mark_break(br)
        parent = br.parent
        if parent is not None and parent.mem_id not in seen and parent.mem_id not in leaf_ids:
            seen.add(parent.mem_id)
            br_parents.append(parent)
    return _Layout(leaves, leaf_ids, containers, br_parents)


def _data_tables(
    cells: list[tuple[LexborNode, int]], containers: set[int]
) -> tuple[set[int], set[int]]:
    """Data tables and the cells inside them, read with their table.

    A table is data when none of its cells holds a block (a paragraph, a list,
    a nested table): each cell is matched to its table by a short walk up, so
    the pass stays linear even for tables nested thousands deep.
    """
    tables: dict[int, bool] = {}  # table id -> is data
    cell_table: dict[int, int] = {}
    for cell, cell_id in cells:
        table = cell.parent
        for _ in range(MAX_CELL_DEPTH):
            if table is None or table.tag == "table":
                break
            table = table.parent
        if table is None or table.tag != "table":
            continue
        table_id = table.mem_id
        cell_table[cell_id] = table_id
        is_data = tables.get(table_id, True) and cell_id not in containers
        tables[table_id] = is_data
    data = {t for t, is_data in tables.items() if is_data}
    return data, {c for c, t in cell_table.items() if t in data}


# --- 2. finding the article root ---------------------------------------------


def _find_roots(
    body: LexborNode, layout: _Layout, title_key: str | None, hints: list[LexborNode]
) -> list[LexborNode]:
    """The article's container(s): a trusted hint, or the best-scoring container
    (moved to the one under the headline when the page lists several articles,
    out of a caption to the article holding it, and joined by its twins or by
    sibling paragraphs)."""
    hinted = _distinct_texts([n for n in hints[:MAX_HINTS] if layout.text_len(n) >= MIN_HINT_CHARS])
    if hinted:
        return _outermost(hinted)
    scores = _scores(layout)
    if not scores:
        return [body]
    ranked = sorted(scores.values(), key=lambda c: c.score, reverse=True)[:CLASS_CANDIDATES]
    for cand in ranked:
        cand.score *= _class_factor(cand.node)
    top = sorted(ranked, key=lambda c: c.score, reverse=True)[:TOP_CANDIDATES]
    for cand in top:
        cand.score *= 1 - _link_density(cand.node, layout.text_len(cand.node))
    best = max(top, key=lambda c: c.score)
    if title_key:
        chosen = _under_headline(best, layout, title_key, scores)
        if chosen is not best:  # one post of several: its look-alikes are the others
            return [chosen.node]
    best = _out_of_widget(best, scores)
    roots = _with_twins(best, scores)
    return roots if len(roots) > 1 else _with_siblings(best, scores, layout)


def _read_texts(layout: _Layout) -> None:
    """Read the text of the leaves that may score (not headings), once: it is kept
    for scoring and for reading."""
    texts = layout.texts
    paragraphs = layout.paragraphs
    for leaf, mem_id, tag in layout.leaves:
        if tag in _UNSCORED:
            continue
        text = leaf.text_lexbor()
        if tag != "table":  # (a table is read cell by cell)
            texts[mem_id] = text
        paragraphs.append((leaf, tag, text))


def _scores(layout: _Layout) -> dict[int, _Candidate]:
    """Readability-style container scores, in document order of first paragraph.

    Points are summed per parent first, so that each chain of ancestors is walked
    once per parent, not once per paragraph.
    """
    per_parent: dict[int, list] = {}  # parent id -> [parent, points]
    for leaf, tag, text in layout.paragraphs:
        if tag == "table":  # a data table counts as one paragraph, whatever its commas
            points = _points(_normalise(text)[:TABLE_SCORE_CHARS])
        elif tag == "li":
            if len(text) < MIN_LIST_ITEM_CHARS:  # menus and link lists: skip early
                continue
            points = _points(text) * LIST_ITEM_WEIGHT
            if points and _link_density(leaf, len(text)) > MAX_LIST_ITEM_LINK_SHARE:
                continue
        elif len(text) < MIN_PARAGRAPH_CHARS:  # most leaves are menu items: skip early
            continue
        else:
            points = _points(text)
        if points:
            _add_points(per_parent, leaf.parent, points)
    for holder in layout.br_parents:
        points = _points(holder.text(deep=False))
        if points:
            _add_points(per_parent, holder, points)
    scores: dict[int, _Candidate] = {}
    for node, points in per_parent.values():
        _give_points(node, points, scores)
    return scores


def _add_points(per_parent: dict[int, list], node: LexborNode | None, points: float) -> None:
    if node is None:
        return
    entry = per_parent.get(node.mem_id)
    if entry is None:
        per_parent[node.mem_id] = [node, points]
    else:
        entry[1] += points


def _points(text: str) -> int:
    """A paragraph's points: one, plus its commas, plus one per 100 characters (up to 3);
    each ``<br>``-separated line counts as a paragraph."""
    points = 0
    for part in text.split(_BR) if _BR in text else (text,):
        length = len(part.strip())
        if length >= MIN_PARAGRAPH_CHARS:
            points += 1 + _commas(part) + min(length // 100, 3)
    return points


def _give_points(node: LexborNode | None, points: float, scores: dict[int, _Candidate]) -> None:
    """Give ``node`` and its ancestors ``points``, divided by level."""
    for divider in _LEVEL_DIVIDER:
        if node is None:
            break
        mem_id = node.mem_id
        cand = scores.get(mem_id)
        if cand is None:  # (a scored node is no html or #document: no need to read its tag)
            tag = node.tag
            if tag == "html" or tag == "#document":
                break
            cand = scores[mem_id] = _Candidate(node, _TAG_WEIGHT.get(tag, 0))
        cand.score += points / divider
        node = node.parent


def _under_headline(
    best: _Candidate, layout: _Layout, title_key: str, scores: dict[int, _Candidate]
) -> _Candidate:
    """On a page of several articles (a blog's front page with the post open), the
    article is the one under the headline: the nearest ancestor of the heading
    that repeats the title and scores close to ``best``, when ``best`` is another
    article (it opens with a headline of its own)."""
    anchors = [
        n for n, _, tag in layout.leaves
        if tag in _HEADLINE_TAGS and _normalise(n.text_lexbor()).casefold() == title_key
    ]
    if len(anchors) != 1:
        return best
    best_id = best.node.mem_id
    floor = best.score * MIN_HEADLINE_ROOT_SHARE
    node = anchors[0].parent
    for _ in range(MAX_HEADLINE_DEPTH):
        if node is None or node.mem_id == best_id:
            return best
        cand = scores.get(node.mem_id)
        if cand is not None and cand.score >= floor:
            if _is_ancestor(cand.node, best.node) or not _has_own_headline(best.node, layout):
                return best
            return cand
        node = node.parent
    return best


def _has_own_headline(node: LexborNode, layout: _Layout) -> bool:
    """Does the container open with a headline (another article's title)?"""
    for block in node.css(_BLOCKS):
        if block.mem_id in layout.leaf_ids and block.text_lexbor().strip():
            return block.tag in _HEADLINE_TAGS
    return False


def _is_ancestor(node: LexborNode, inner: LexborNode) -> bool:
    target = node.mem_id
    parent = inner.parent
    while parent is not None:
        if parent.mem_id == target:
            return True
        parent = parent.parent
    return False


def _with_twins(best: _Candidate, scores: dict[int, _Candidate]) -> list[LexborNode]:
    """The best container plus its twins: containers with the same tag and a fair
    score that share its class, or one of its article-naming class words up to a
    number (``story-body-1``, ``story-body-2``), as when a template splits the
    article into chunks between ads.  ``scores`` is in document order (first
    paragraph seen first).  The best's score was scaled by its class and link
    density and the others' mostly not: the floor is the lower of the two."""
    cls = best.node.attrs.get("class")
    if not cls or NEGATIVE_CLASS.search(cls.lower()):  # caption look-alikes are not chunks
        return [best.node]
    floor = min(best.score, best.score / _class_factor(best.node)) * MIN_TWIN_SHARE
    tag = best.node.tag
    named = {word for word in _class_words(cls) if POSITIVE_CLASS.search(word)}
    twins = []
    for cand in scores.values():
        if cand is best:
            twins.append(cand.node)
        elif cand.score >= floor and cand.node.tag == tag:
            other = cand.node.attrs.get("class")
            if other and (other == cls or not named.isdisjoint(_class_words(other))):
                twins.append(cand.node)
    return _outermost(_distinct_texts(twins)) if len(twins) > 1 else twins


#: A class word's trailing number: ``story-body-2`` is a chunk of ``story-body``.
_CLASS_NUMBER = re.compile(r"[-_]?\d+$")


def _class_words(cls: str) -> set[str]:
    return {_CLASS_NUMBER.sub("", word) for word in cls.lower().split()}


def _out_of_widget(best: _Candidate, scores: dict[int, _Candidate]) -> _Candidate:
    """A best container named as a media widget (``wp-caption``, ``photo-credit``),
    or inside one, is never the article when a nearby ancestor named as an article
    (``entry-content``) holds far more text: the article's own paragraphs did not
    score (a list), the captions' did."""
    node = best.node
    in_widget = False
    best_len = 0
    for _ in range(MAX_WIDGET_ROOT_CLIMB + 1):
        if node is None or node.tag in ("body", "html"):
            break
        names = _names(node)
        if in_widget and POSITIVE_CLASS.search(names) and not NEGATIVE_CLASS.search(names):
            if len(node.text_lexbor()) >= MIN_WIDGET_ROOT_GAIN * best_len:
                return scores.get(node.mem_id) or _Candidate(node, best.score)
            break
        if not in_widget and MEDIA_WIDGET_CLASS.search(names):
            in_widget = True
            best_len = len(best.node.text_lexbor())
        node = node.parent
    return best


def _with_siblings(
    best: _Candidate, scores: dict[int, _Candidate], layout: _Layout
) -> list[LexborNode]:
    """The root and those of its siblings that are article too (readability's
    sibling step): containers scoring a fair share of the root, and long
    paragraphs with few links, as when a template puts the intro and the first
    paragraphs beside a ``read-more`` wrapper of the rest."""
    root = best.node
    anchor = _wrapped(root, layout)
    parent = anchor.parent
    if parent is None or parent.tag in ("html", "#document"):
        return [root]
    floor = max(MIN_SIBLING_SCORE, best.score * MIN_SIBLING_SHARE)
    anchor_id = anchor.mem_id
    kept = []
    for child in parent.iter():
        mem_id = child.mem_id
        if mem_id == anchor_id:
            kept.append(root)
            if anchor is not root:  # after a wrapper come "About us" boxes, not the article
                break
        elif _is_sibling_text(child, scores.get(mem_id), floor, layout):
            kept.append(child)
    return kept if len(kept) > 1 else [root]


def _wrapped(root: LexborNode, layout: _Layout) -> LexborNode:
    """The outermost wrapper of ``root`` that holds little text besides it (a
    ``read-more`` box around the rest of the article and its "Read more" label),
    below ``<body>``: the root's siblings are that wrapper's."""
    anchor = root
    root_len = layout.text_len(root)
    for _ in range(MAX_WRAPPERS):
        parent = anchor.parent
        if (parent is None or parent.tag in ("body", "html", "#document")
                or root_len < layout.text_len(parent) * MIN_WRAPPED_SHARE):
            break
        anchor = parent
    return anchor


def _is_sibling_text(
    node: LexborNode, cand: _Candidate | None, floor: float, layout: _Layout
) -> bool:
    if node.tag not in _SIBLING_TAGS or NEGATIVE_CLASS.search(_names(node)):
        return False
    if cand is not None and cand.score >= floor:
        return _link_density(node, layout.text_len(node)) <= MAX_SIBLING_LINK_SHARE
    if node.mem_id not in layout.leaf_ids:
        return False
    text = layout.texts.get(node.mem_id)
    if not text:
        return False
    lines = [_normalise(line) for line in text.split(_BR)]
    longest = max(lines, key=len)
    return (
        len(longest) >= MIN_SIBLING_CHARS
        and (len(longest.split()) >= MIN_SIBLING_WORDS or "。" in longest)  # prose, not a URL
        and _link_density(node, sum(map(len, lines))) <= MAX_SIBLING_LINK_SHARE
    )


def _names(node: LexborNode) -> str:
    """The lower-cased class and id of ``node``, for the class-word patterns."""
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()


def _distinct_texts(nodes: list[LexborNode]) -> list[LexborNode]:
    """Drop nodes whose text repeats an earlier node's (a template's mobile copy)."""
    if len(nodes) < 2:  # (nothing to repeat: spare a whole-subtree read)
        return nodes
    seen: set[str] = set()
    out = []
    for node in nodes:
        key = _normalise(node.text_lexbor())
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


def _commas(text: str) -> int:
    """Commas in Latin, CJK and Arabic script (each is a clause boundary)."""
    return text.count(",") + text.count("，") + text.count("、") + text.count("،")


def _class_factor(node: LexborNode) -> float:
    """Score multiplier from the container's class/id words."""
    names = _names(node)
    factor = 1.0
    if NEGATIVE_CLASS.search(names):
        factor *= NEGATIVE_FACTOR
    if POSITIVE_CLASS.search(names):
        factor *= POSITIVE_FACTOR
    return factor


def _link_density(node: LexborNode, text_len: int) -> float:
    if not text_len:
        return 1.0
    linked = sum(len(a.text_lexbor()) for a in node.css("a"))
    return min(1.0, linked / text_len)


# --- 3. reading blocks -------------------------------------------------------


def _normalise(text: str) -> str:
    """Whitespace runs as one space, ends trimmed.  Most leaf texts are one line
    with single spaces already: two C-level scans spare splitting them into words
    (only space is both printable and whitespace)."""
    text = text.strip()
    if text.isprintable() and "  " not in text:
        return text
    return " ".join(text.split())


@dataclass
class _Reader:
    """Blocks read so far from one root, and the loose text not yet flushed."""

    title_key: str | None
    linked: dict[int, int]  # leaf id -> characters of link text in it
    texts: dict[int, str]  # leaf id -> its text, when read while scoring
    blocks: list[Block] = field(default_factory=list)
    run: list[str] = field(default_factory=list)
    ended: str | None = None  # a heading of the page's furniture (Related, Comments)
    root_len: int | None = None  # the root's text length, measured when first needed

    def add(self, new: list[Block]) -> None:
        """Keep the blocks that are not prompts; note a furniture heading and stop."""
        for block in new:
            text = block.text
            if len(text) <= MAX_PROMPT_CHARS:
                if len(text) <= MAX_END_HEADING_CHARS and END_HEADING.match(text):
                    self.ended = text
                    return
                if BOILERPLATE_LINE.match(text):
                    continue
            self.blocks.append(block)

    def read_share(self, root: LexborNode) -> float:
        """Share of the root's text read so far."""
        if self.root_len is None:
            self.root_len = max(1, len(_normalise(root.text_lexbor())))
        return sum(len(b.text) for b in self.blocks) / self.root_len

    def flush(self, kind: str, keep: bool = True) -> None:
        """Emit the loose text gathered so far (inline content between blocks)."""
        if self.run:
            if keep:
                text = "".join(self.run)
                if not text.isspace():  # (most runs are the indentation between blocks)
                    self.add(_lines(text, kind))
            self.run.clear()


def _read_root(
    root: LexborNode, layout: _Layout, title_key: str | None, links: list[LexborNode]
) -> list[Block]:
    """The root's blocks in document order: its leaf blocks and its loose text runs.

    An explicit stack of child iterators walks the containers only; leaves are
    read whole with C-level ``text()``, so Python touches about one node per block.
    Blocks inside a link (teaser cards: ``<a><h3>..</h3><p>..</p></a>``) are
    skipped, and a furniture heading ("Related stories") skips the rest of the
    smallest container holding more than the heading.
    """
    reader = _Reader(title_key, _linked_chars(links, layout), layout.texts)
    if root.mem_id not in layout.containers:
        reader.add(_leaf_block(root, "paragraph", reader))
        return reader.blocks
    containers = layout.containers
    leaf_ids = layout.leaf_ids
    run = reader.run
    stack = [_frame(root, "paragraph", False)]
    while stack:
        children, kind, linked, _ = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            reader.flush(kind, keep=not linked)
            continue
        if child.is_text_node:
            run.append(child.text_content or "")
            continue
        if not child.is_element_node:
            continue
        mem_id = child.mem_id
        if mem_id in containers:
            if run:
                reader.flush(kind, keep=not linked)
            stack.append(_frame(child, kind, linked))
        elif mem_id in leaf_ids:
            if run:
                reader.flush(kind, keep=not linked)
            if not linked:
                reader.add(_leaf_block(child, kind, reader))
        elif child.tag not in _INLINE_SKIP:
            run.append(child.text_lexbor())
        if reader.ended is not None:
            _skip_furniture(stack, len(reader.ended), reader.read_share(root))
            reader.ended = None
            reader.run.clear()
    return reader.blocks


def _frame(node: LexborNode, kind: str, linked: bool) -> tuple:
    """A stack frame: the container's children, its block kind, inside-a-link, the node."""
    tag = node.tag
    return (node.iter(include_text=True), _KIND_BY_CONTAINER.get(tag, kind),
            linked or tag == "a", node)


def _skip_furniture(stack: list[tuple], heading_len: int, read_share: float) -> None:
    """Pop the frames of the containers that hold little more than the heading,
    and of the first one that holds more (its remaining children are furniture).
    The root's own frame goes only when most of its text was read: in a flat
    article, a mid-text "Related" label must not end the article."""
    for _ in range(MAX_FURNITURE_POPS):
        if not stack or (len(stack) == 1 and read_share < MIN_READ_SHARE_TO_END):
            return
        node = stack.pop()[3]
        if len(_normalise(node.text_lexbor())) > heading_len + MAX_END_HEADING_CHARS:
            return


def _linked_chars(links: list[LexborNode], layout: _Layout) -> dict[int, int]:
    """Link text per leaf block: a short walk up from each link to its leaf (cheaper
    than a query per leaf).  A link in a removed widget meets the widget's cut
    first, or a leaf that is not read."""
    linked: dict[int, int] = {}
    leaf_ids = layout.leaf_ids
    for link in links:
        node = link.parent
        for _ in range(MAX_LINK_DEPTH):
            if node is None:
                break
            mem_id = node.mem_id
            if mem_id in leaf_ids:
                linked[mem_id] = linked.get(mem_id, 0) + len(link.text_lexbor().strip())
                break
            node = node.parent
    return linked


def _is_link_line(text: str, linked: int) -> bool:
    """Mostly link text, or a short label and links ("Related: <a>..</a>",
    "Tags: <a>..</a>, <a>..</a>"): a pointer elsewhere, not prose.  ``text`` is
    normalised, so that the indentation between links written one per source
    line does not count as prose."""
    if linked > MAX_BLOCK_LINK_SHARE * len(text):
        return True
    label, colon, rest = text.partition(":")
    return bool(colon) and len(label) <= MAX_LABEL_CHARS and linked >= LABELLED_LINK_SHARE * len(
        rest.strip()
    )


def _lines(text: str, kind: str, flat: str | None = None) -> list[Block]:
    """Blocks of text, one per ``<br>``-separated line (``flat``: the text
    normalised, when already known)."""
    if _BR not in text:
        line = _normalise(text) if flat is None else flat
        return [Block(kind, line)] if line else []
    return [Block(kind, line) for line in map(_normalise, text.split(_BR)) if line]


def _leaf_block(node: LexborNode, kind: str, reader: _Reader) -> list[Block]:
    """The typed block(s) of one leaf element (one per ``<br>``-separated line).

    An ``<h1>`` before any text is the page's headline, not a sub-heading.
    """
    tag = node.tag
    if tag == "table":
        text = _table_text(node)
        return [Block("table", text)] if text else []
    raw = reader.texts.get(node.mem_id)
    if raw is None:
        raw = node.text_lexbor()
    if not raw or raw.isspace():
        return []
    linked = reader.linked.get(node.mem_id)
    flat = None
    if linked:
        flat = _normalise(raw)
        if _is_link_line(flat, linked):
            return []
    own = _KIND_BY_TAG.get(tag, kind)
    if own == "preformatted":  # one block per line, spacing kept
        lines = raw.replace(_BR, "\n").split("\n")
        return [Block(own, line.rstrip()) for line in lines if line.strip()]
    if tag == "h1" and not reader.blocks:
        return []
    title_key = reader.title_key
    blocks = _lines(raw, own, flat)
    if not title_key:
        return blocks
    longer = len(title_key)  # (case folding never shortens a text: no need to fold longer ones)
    return [b for b in blocks if len(b.text) > longer or b.text.casefold() != title_key]


def _table_text(table: LexborNode) -> str:
    """A data table as one block: cells joined by tabs, rows by newlines."""
    rows = []
    for row in table.css("tr"):
        cells = [_normalise(c.text_lexbor().replace(_BR, " ")) for c in row.css("td, th")]
        cells = [c for c in cells if c]
        if cells:
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _is_leading_meta(block: Block) -> bool:
    return (
        block.kind == "paragraph"
        and len(block.text) <= MAX_META_CHARS
        and LEADING_META.search(block.text) is not None
    )


def _finish(blocks: list[Block]) -> Body | None:
    """Drop leading bylines and closing prompts; move a closing agency credit to
    ``attribution`` (a credit ending the last paragraph is noted, not cut)."""
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
    elif blocks[-1].kind == "paragraph":
        attribution = trailing_credit(blocks[-1].text)
    return Body(blocks=blocks, attribution=attribution) if blocks else None


EXTRACTOR = Extractor(
    name="html-body",
    block="body",
    formats=frozenset({"html"}),
    extract=extract_body,
    priority=50,
)
