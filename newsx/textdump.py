"""Split a raw text dump into logical lines.

A text dump is a page's visible text: one block a line (``compact``), the
same with blank lines between some blocks (``innertext``), or hard-wrapped
at a fixed width by a text browser (``wrapped``, e.g. ``w3m -dump``).  This
module turns all three into the same thing: a list of :class:`DumpLine`,
one per visual block, with wrapped lines re-joined and list bullets noted.
It knows nothing of articles; extractors decide what each line is.

The wrap width is inferred from the dump (breaks in mid-sentence happen only
where the next word would not fit), so nothing needs to be told which flavor
a dump is.  A layout table that a text browser printed side by side (article
and sidebar interleaved line by line) is unwoven into its columns first.

Cost is linear in the size of the text and every physical line is touched a
small constant number of times; a huge line is collapsed in chunks, and a
line that needs no change is reused rather than copied, and the result is
stored by column (:class:`DumpLines`: a list of texts and a byte of flags a
line), so a 50 MB dump goes through in one pass and in little more memory
than its own lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import count, islice, pairwise, repeat
from typing import NamedTuple, overload

#: Leading list markers that text browsers and dumps print before items.
_BULLET = re.compile(r"^(?:[•·▪◦●○■□►▸‣⁃*]|-(?=\s)|\d{1,3}[.)](?=\s))\s*")
#: Signs that are a bullet by themselves (the first branch of :data:`_BULLET`) ...
_BULLET_SIGNS = frozenset("•·▪◦●○■□►▸‣⁃*")
#: ... and all first characters that may start a bullet; others skip the regex.
_BULLET_START = _BULLET_SIGNS | frozenset("-0123456789")
#: Characters a terminal shows two columns wide (CJK, Hangul, full-width forms).
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                   r"\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
#: Han and kana: scripts written without spaces, so wrapped halves join without one.
_UNSPACED = re.compile(r"[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff60]")
#: A line ending in one of these was more likely ended by its writer than by a wrap.
_SENTENCE_ENDS = (".", "。", "!", "?", "！", "？", ":")
#: Lines at least this long are collapsed in chunks of this size ...
_HUGE = 1 << 20
#: ... if they hold whitespace other than single spaces (\s is str.split's whitespace).
_UNCLEAN = re.compile(r"[^\S ]|  ")
#: An inner run of spaces inside a line, where a layout column may begin.
_INNER_GAP = re.compile(r"(?<=\S)  +(?=\S)")
#: A layout column's left edge is at least this far right (narrower is a table) ...
_COLUMN_MIN_EDGE = 24
#: ... and this many lines must agree on it before it is believed ...
_COLUMN_MIN_VOTES = 6
#: ... a stretch of lines cut there that counts as a layout ...
_COLUMN_MIN_LINES = 8
#: ... with at least this many lines in each column, the left ones full to
#: within this many characters of the edge (wrapped text, not table cells).
_COLUMN_MIN_FULL = 5
_COLUMN_FILL = 12
#: Widths text browsers and mailers commonly wrap at, most common first.
_WIDTHS = (80, 72, 76, 78, 100, 120, 132)
#: Mid-sentence breaks enough to judge the width; the scan stops there.
_ENOUGH_BREAKS = 40
#: A line this close to the width may have been broken there.
_WRAP_SLACK = 2
#: At least this many line pairs must look wrapped before a width is believed.
_MIN_WRAPS = 2
#: ... and at least this share of the non-blank lines.
_WRAPPED_SHARE = 0.005


class DumpLine(NamedTuple):
    """One logical line of a dump.

    ``text`` is stripped, with inner whitespace runs collapsed and any
    leading bullet removed (``bullet`` says there was one); ``blank_before``
    says a blank line separated it from the previous line in the dump.
    ``index`` is the line's position in the list returned by :func:`split_dump`.
    (A named tuple rather than a dataclass: it is built once per line of
    every dump, and a tuple is several times cheaper to create.)
    """

    text: str
    index: int
    blank_before: bool = False
    bullet: bool = False


class DumpLines(Sequence[DumpLine]):
    """The logical lines of a dump, stored by column.

    ``texts`` holds each line's text; ``blanks``, ``bullets`` and ``tabs`` hold
    one byte a line (1: a blank line came before it / a bullet was removed / tabs
    separated its words, as browsers join table cells).  Indexing
    and iterating give :class:`DumpLine` tuples made on demand; code that
    reads every line should read the columns instead.  A tuple and an index
    object per line would cost ~100 bytes a line, more than most lines' text.
    """

    __slots__ = ("blanks", "bullets", "tabs", "texts")

    def __init__(
        self,
        texts: list[str] | None = None,
        blanks: bytearray | None = None,
        bullets: bytearray | None = None,
        tabs: bytearray | None = None,
    ) -> None:
        self.texts: list[str] = texts if texts is not None else []
        self.blanks = blanks if blanks is not None else bytearray(len(self.texts))
        self.bullets = bullets if bullets is not None else bytearray(len(self.texts))
        self.tabs = tabs if tabs is not None else bytearray(len(self.texts))

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> DumpLine: ...
    @overload
    def __getitem__(self, i: slice) -> list[DumpLine]: ...
    def __getitem__(self, i: int | slice) -> DumpLine | list[DumpLine]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.texts)))]
        text = self.texts[i]  # raises IndexError as a list would
        if i < 0:
            i += len(self.texts)
        return DumpLine(text, i, bool(self.blanks[i]), bool(self.bullets[i]))

    def __iter__(self) -> Iterator[DumpLine]:
        # tuple.__new__ builds each tuple in C, without DumpLine's Python-level __new__
        fields = zip(self.texts, count(), map(bool, self.blanks), map(bool, self.bullets))
        return map(tuple.__new__, repeat(DumpLine), fields)

    def __repr__(self) -> str:
        return f"DumpLines({len(self.texts)} lines)"


def split_dump(text: str | list[str]) -> DumpLines:
    """Split ``text`` (or its physical lines) into logical lines, re-joining wrapped ones."""
    raw = text.splitlines() if isinstance(text, str) else text
    if _surely_unwrapped(raw):
        return _split_unwrapped(raw)
    widths = _widths(raw)
    width = _wrap_width(raw, widths)
    if not width:
        return _split_unwrapped(raw)
    raw, column_limits = _unweave_columns(raw)
    if column_limits:
        widths = _widths(raw)
    limits = None
    if column_limits:  # 0: the page width, else the width of a layout column
        limits = [(c or width) - _WRAP_SLACK for c in column_limits]
    return _split_wrapped(raw, widths, width - _WRAP_SLACK, limits)


def _split_wrapped(
    raw: list[str], widths: list[int], limit: int, limits: list[int] | None = None
) -> DumpLines:
    """Re-join physical lines that a browser broke because the next word did not fit.

    ``limits`` gives a line its own width where it came from a layout column.
    A line goes on the previous one when both show text and its first word
    would not have fitted after it; each test is a pass over all lines in a
    comprehension rather than one loop with a state.
    """
    fits = islice(limits, 1, None) if limits else repeat(limit)
    # ``shown`` bounds the first word's width, so most lines skip the exact test
    goes_on = {
        i
        for i, before, shown, fit in zip(
            range(1, len(raw)), widths, islice(widths, 1, None), fits, strict=False
        )
        if shown
        and before
        and before + 1 + shown > fit
        # a first word is at least one column wide: a full line needs no exact test
        and (before + 2 > fit or before + 1 + _first_width(raw[i]) > fit)
        and not _starts_bullet(raw[i])
    }
    starts = [i for i, shown in enumerate(widths) if shown and i not in goes_on]
    texts = [
        _join(raw[s : _run_end(goes_on, s)]) if s + 1 in goes_on else _collapse(raw[s])
        for s in starts
    ]
    blanks = bytearray([s > 0 and not widths[s - 1] for s in starts])
    return DumpLines(texts, blanks, _take_bullets(texts))


def _run_end(goes_on: set[int], start: int) -> int:
    """End of the logical line that starts at physical line ``start``."""
    end = start + 1
    while end in goes_on:
        end += 1
    return end


def _unweave_columns(raw: list[str]) -> tuple[list[str], list[int]]:
    """Undo a side-by-side layout table: text browsers print its columns line by
    line beside each other, interleaving an article with a sidebar.

    The column edge is the column where many lines resume after a run of
    spaces; a stretch of lines that all break there, with the left column
    filled by wrapped text, is printed again as its left column, then its
    right one.  Returns the lines and, per line, the width the column it came
    from was wrapped at (0 outside any column); the list is empty when there
    is no layout.
    """
    edge = _column_edge(raw)
    if not edge:
        return raw, []
    out: list[str] = []
    limits: list[int] = []
    i = 0
    while i < len(raw):
        end = i
        while end < len(raw) and _fits_columns(raw[end], edge):
            end += 1
        # a stretch that starts inside a full-width paragraph starts after it
        while i < end and i > 0 and raw[i - 1].strip() and not raw[i][edge:].strip():
            out.append(raw[i])
            limits.append(0)
            i += 1
        if end - i >= _COLUMN_MIN_LINES and _is_layout(raw[i:end], edge):
            block = raw[i:end]
            lefts = [line[:edge].rstrip() for line in block]
            rights = [line[edge:].rstrip() for line in block]
            out += [*lefts, "", *rights, ""]
            # each column was wrapped at its own width: about its longest line
            # beside text in the other column
            beside = [left for left, right in zip(lefts, rights, strict=True) if right]
            limits += [max(map(len, beside or lefts))] * (len(lefts) + 1)
            limits += [max(map(len, rights))] * (len(rights) + 1)
            i = end
        else:
            stop = min(max(end, i + 1), len(raw))
            out += raw[i:stop]
            limits += [0] * (stop - i)
            i = stop
    if not any(limits):
        return raw, []
    return out, limits


def _column_edge(raw: list[str]) -> int:
    """The most common column where text resumes after an inner run of spaces,
    if enough lines agree on it (form fields like ``[    ]`` do not count)."""
    counts: dict[int, int] = {}
    for line in [line for line in raw if "  " in line]:  # most lines have no double space
        if "  " in line.strip() and "[" not in line and _narrow(line):
            for match in _INNER_GAP.finditer(line):
                counts[match.end()] = counts.get(match.end(), 0) + 1
    if not counts:
        return 0
    edge, votes = max(counts.items(), key=lambda kv: kv[1])
    if edge < _COLUMN_MIN_EDGE or votes < max(_COLUMN_MIN_VOTES, len(raw) * 0.03):
        return 0
    return edge


def _fits_columns(line: str, edge: int) -> bool:
    """``line`` can be cut at ``edge`` without cutting a word."""
    return _narrow(line) and (len(line.rstrip()) < edge or line[edge - 1] == " ")


def _narrow(line: str) -> bool:
    """Every character of ``line`` takes one column, so indexes are columns."""
    return line.isascii() or _WIDE.search(line) is None


def _is_layout(block: list[str], edge: int) -> bool:
    """Both columns hold text and the left one is filled by wrapped lines,
    unlike a data table whose cells are short."""
    full_left = sum(1 for line in block if len(line[:edge].rstrip()) >= edge - _COLUMN_FILL)
    with_right = sum(1 for line in block if line[edge:].strip())
    return full_left >= _COLUMN_MIN_FULL and with_right >= _COLUMN_MIN_FULL


def _split_unwrapped(raw: list[str]) -> DumpLines:
    """The common case, kept lean: one logical line per non-blank physical line.

    Most lines are already clean (printable, single-spaced, trimmed) and are
    kept as they are; only the others are collapsed.
    """
    texts: list[str] = []
    blanks = bytearray()
    tabs = bytearray()
    add_text, add_blank, add_tab = texts.append, blanks.append, tabs.append
    blank = False
    for line in raw:
        tabbed = False
        if "  " in line or not line.isprintable() or line[:1] == " " or line[-1:] == " ":
            tabbed = "\t" in line.strip()  # (a tab is not printable: only such lines have one)
            line = _collapse(line)
        if line:
            add_text(line)
            add_blank(blank)
            add_tab(tabbed)
            blank = False
        else:
            blank = True
    return DumpLines(texts, blanks, _take_bullets(texts), tabs)


def _take_bullets(texts: list[str]) -> bytearray:
    """Take leading list bullets off ``texts`` (in place); 1 marks a line that had one."""
    bullets = bytearray(len(texts))
    for i in [i for i, line in enumerate(texts) if line[0] in _BULLET_START]:
        line = texts[i]
        if line[0] in _BULLET_SIGNS:  # the regex's first branch, without the regex
            end = 2 if line[1:2] == " " else 1  # the text is collapsed: one space at most
        else:
            match = _BULLET.match(line)
            end = match.end() if match else len(line)
        if end < len(line):
            texts[i] = line[end:]
            bullets[i] = 1
    return bullets


def _collapse(line: str) -> str:
    """Whitespace runs to one space, reusing ``line`` itself when it is already clean.

    A huge line is collapsed chunk by chunk, so that neither a list of all
    its words nor one of all its whitespace runs is ever built.
    """
    stripped = line.strip(" ")  # ``line`` itself when there is nothing to strip
    if "  " not in stripped and stripped.isprintable():
        return stripped  # the common case: whitespace other than " " is not printable
    if len(line) >= _HUGE:
        return _collapse_huge(stripped) if _UNCLEAN.search(stripped) else stripped
    joined = " ".join(line.split())
    return line if joined == line else joined


def _collapse_huge(line: str) -> str:
    """:func:`_collapse` in chunks; a space joins chunks that whitespace separated."""
    pieces: list[str] = []
    space = False  # whitespace seen since the last piece
    for start in range(0, len(line), _HUGE):
        chunk = line[start : start + _HUGE]
        words = " ".join(chunk.split())
        if words:
            if pieces and (space or chunk[0].isspace()):
                pieces.append(" ")
            pieces.append(words)
            space = chunk[-1].isspace()
        else:
            space = True
    return "".join(pieces)


def _surely_unwrapped(raw: list[str]) -> bool:
    """Cheap early answer: too many lines are longer than any wrap width."""
    enough = int(len(raw) * 0.02 + 2) + 1
    long_lines = filter(max(_WIDTHS).__lt__, map(len, raw))  # C-level; stops at ``enough``
    return len(list(islice(long_lines, enough))) >= enough


def _join(parts: list[str]) -> str:
    """Join wrapped parts: with a space, or none between two Han/kana characters."""
    # stripped first: most parts are clean but for an indent, so the join is too
    text = " ".join([part.strip() for part in parts])
    if text.isascii() or not _UNSPACED.search(text):
        return _collapse(text)
    pieces = [_collapse(part) for part in parts]
    out = [pieces[0]]
    for before, part in pairwise(pieces):
        if before and part and _UNSPACED.match(before[-1]) and _UNSPACED.match(part[0]):
            out.append(part)
        else:
            out.append(" " + part)
    return "".join(out)


def _widths(raw: list[str]) -> list[int]:
    """Display widths of the lines, without their trailing whitespace."""
    wide, most = _WIDE.findall, max(_WIDTHS)
    # a line longer than any wrap width is simply too long: its exact width does not matter
    return [
        len(r) if r.isascii() or len(r) > most else len(r) + len(wide(r))
        for r in map(str.rstrip, raw)
    ]


def _display_width(line: str) -> int:
    """Columns a terminal gives ``line``: wide CJK characters count twice."""
    if line.isascii() or not _WIDE.search(line):
        return len(line)
    return len(line) + len(_WIDE.findall(line))


def _first_width(line: str) -> int:
    """Columns of the first word of ``line`` (one character for unspaced scripts)."""
    stripped = line.lstrip()
    end = stripped.find(" ")
    if stripped.isascii():
        return len(stripped) if end < 0 else end
    word = stripped if end < 0 else stripped[:end]
    if word.isascii():
        return len(word)
    return 2 if _WIDE.match(word) else _display_width(word)


def _wrap_width(raw: list[str], widths: list[int]) -> int:
    """The column a dump was hard-wrapped at, or 0 when it was not wrapped.

    Evidence comes from mid-sentence breaks: a line that does not end a
    sentence, followed by one that goes on in lower case (or, for unspaced
    scripts, a full line followed by more of the same script).  At the true
    width such a break happens only where the next word would not have fitted;
    a break where it would have fitted argues for a narrower width.  No
    breakable line may be longer than the width.
    """
    shown = len(widths) - widths.count(0)
    if shown < 8:
        return 0
    breaks = _mid_sentence_breaks(raw, widths)
    needed = min(max(_MIN_WRAPS, shown * _WRAPPED_SHARE), _ENOUGH_BREAKS / 2)
    if len(breaks) < needed:
        return 0
    breakable = sorted(
        [w for line, w in zip(raw, widths, strict=True) if w > 60 and " " in line.strip()]
    )
    best, best_score = 0, 0.0
    for width in _WIDTHS:
        if len(breakable) - bisect_right(breakable, width) > shown * 0.02 + 2:
            continue  # too many lines longer than ``width`` that could have been broken
        limit = width - _WRAP_SLACK
        fits = len([p for p, f in breaks if width - 16 <= p <= width and p + 1 + f > limit])
        misses = len([p for p, f in breaks if width - 30 <= p and p + 1 + f <= limit - 2])
        score = fits - 2 * misses
        if fits >= needed and score > best_score:
            best, best_score = width, score
    return best


def _mid_sentence_breaks(raw: list[str], widths: list[int]) -> list[tuple[int, int]]:
    """(width of the line, width of the next line's first word) at each line break
    that falls inside a sentence."""
    breaks: list[tuple[int, int]] = []
    for i in [i for i, (shown, nxt) in enumerate(pairwise(widths)) if shown >= 40 and nxt]:
        if len(breaks) >= _ENOUGH_BREAKS:
            break
        shown = widths[i]
        line = raw[i + 1].lstrip()
        goes_on = line[0].islower() or (shown >= 60 and _WIDE.match(line) is not None)
        if goes_on and not raw[i].rstrip().endswith(_SENTENCE_ENDS):
            breaks.append((shown, _first_width(line)))
    return breaks


def _starts_bullet(line: str) -> bool:
    """A list item starts here, so it cannot continue the previous line."""
    stripped = line.lstrip()
    return stripped[:1] in _BULLET_START and _BULLET.match(stripped) is not None
