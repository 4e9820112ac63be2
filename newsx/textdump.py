"""Split a raw text dump into logical lines.

A text dump is a page's visible text: one block a line (``compact``), the
same with blank lines between some blocks (``innertext``), or hard-wrapped
at a fixed width by a text browser (``wrapped``, e.g. ``w3m -dump``).  This
module turns all three into the same thing: a list of :class:`DumpLine`,
one per visual block, with wrapped lines re-joined and list bullets noted.
It knows nothing of articles; extractors decide what each line is.

Cost is linear in the size of the text and every physical line is touched a
small constant number of times, so a 50 MB dump goes through in one pass.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

#: Leading list markers that text browsers and dumps print before items.
_BULLET = re.compile(r"^(?:[•·▪◦●○■□►▸‣⁃*]|-(?=\s)|\d{1,3}[.)](?=\s))\s*")
#: First characters that may start a bullet; others skip the regex.
_BULLET_START = frozenset("•·▪◦●○■□►▸‣⁃*-0123456789")
#: Characters a terminal shows two columns wide (CJK, Hangul, full-width forms).
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                   r"\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
#: Han and kana: scripts written without spaces, so wrapped halves join without one.
_UNSPACED = re.compile(r"[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff60]")
#: A line ending in one of these was more likely ended by its writer than by a wrap.
_SENTENCE_ENDS = (".", "。", "!", "?", "！", "？", ":")
#: Lines at least this long are collapsed in chunks of this size.
_HUGE = 1 << 20
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


def split_dump(text: str | list[str]) -> list[DumpLine]:
    """Split ``text`` (or its physical lines) into logical lines, re-joining wrapped ones."""
    raw = text.splitlines() if isinstance(text, str) else text
    if _surely_unwrapped(raw):
        return _split_unwrapped(raw)
    widths = [_display_width(r) for r in map(str.rstrip, raw)]
    width = _wrap_width(raw, widths)
    if not width:
        return _split_unwrapped(raw)
    return _split_wrapped(raw, widths, width - _WRAP_SLACK)


def _split_wrapped(raw: list[str], widths: list[int], limit: int) -> list[DumpLine]:
    """Re-join physical lines that a browser broke because the next word did not fit."""
    out: list[DumpLine] = []
    pending: list[str] = []
    pending_blank = blank = False
    previous = 0  # display width of the previous physical line
    for line, shown in zip(raw, widths, strict=True):
        if not shown:
            blank = True
            if pending:
                out.append(_make(pending, len(out), pending_blank))
                pending = []
            continue
        # ``shown`` bounds the first word's width, so most lines skip the exact test
        if (
            pending
            and previous + 1 + shown > limit
            and previous + 1 + _first_width(line) > limit
            and not _starts_bullet(line)
        ):
            pending.append(line)
        else:
            if pending:
                out.append(_make(pending, len(out), pending_blank))
            pending, pending_blank, blank = [line], blank, False
        previous = shown
    if pending:
        out.append(_make(pending, len(out), pending_blank))
    return out


def _split_unwrapped(raw: list[str]) -> list[DumpLine]:
    """The common case, kept lean: one logical line per non-blank physical line."""
    out: list[DumpLine] = []
    append = out.append
    blank = False
    for line in raw:
        joined = _collapse(line)
        if not joined:
            blank = True
            continue
        if joined[0] in _BULLET_START:
            match = _BULLET.match(joined)
            if match and match.end() < len(joined):
                append(DumpLine(joined[match.end():], len(out), blank, True))
                blank = False
                continue
        append(DumpLine(joined, len(out), blank, False))
        blank = False
    return out


def _collapse(line: str) -> str:
    """Whitespace runs to one space, reusing ``line`` itself when it is already clean.

    A huge line is collapsed chunk by chunk, so that neither a list of all
    its words nor one of all its whitespace runs is ever built.
    """
    if len(line) >= _HUGE:
        return _collapse_huge(line)
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
    limit = max(_WIDTHS)
    long_lines = sum(1 for n in map(len, raw) if n > limit)
    return long_lines > len(raw) * 0.02 + 2


def _make(parts: list[str], index: int, blank_before: bool) -> DumpLine:
    """One logical line from its physical parts: whitespace collapsed, bullet noted."""
    joined = _join(parts) if len(parts) > 1 else _collapse(parts[0])
    if joined[0] in _BULLET_START:
        match = _BULLET.match(joined)
        if match and match.end() < len(joined):
            return DumpLine(joined[match.end():], index, blank_before, True)
    return DumpLine(joined, index, blank_before, False)


def _join(parts: list[str]) -> str:
    """Join wrapped parts: with a space, or none between two Han/kana characters."""
    text = " ".join(parts)
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


def _display_width(line: str) -> int:
    """Columns a terminal gives ``line``: wide CJK characters count twice."""
    if line.isascii() or not _WIDE.search(line):
        return len(line)
    return len(line) + len(_WIDE.findall(line))


def _first_width(line: str) -> int:
    """Columns of the first word of ``line`` (one character for unspaced scripts)."""
    stripped = line.lstrip()
    end = stripped.find(" ")
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
    shown = sum(1 for w in widths if w)
    if shown < 8:
        return 0
    breaks = _mid_sentence_breaks(raw, widths)
    needed = min(max(_MIN_WRAPS, shown * _WRAPPED_SHARE), _ENOUGH_BREAKS / 2)
    if len(breaks) < needed:
        return 0
    breakable = [w for line, w in zip(raw, widths, strict=True) if w > 60 and " " in line.strip()]
    best, best_score = 0, 0.0
    for width in _WIDTHS:
        if sum(1 for w in breakable if w > width) > shown * 0.02 + 2:
            continue
        limit = width - _WRAP_SLACK
        fits = sum(1 for p, f in breaks if width - 16 <= p <= width and p + 1 + f > limit)
        misses = sum(1 for p, f in breaks if width - 30 <= p and p + 1 + f <= limit - 2)
        score = fits - 2 * misses
        if fits >= needed and score > best_score:
            best, best_score = width, score
    return best


def _mid_sentence_breaks(raw: list[str], widths: list[int]) -> list[tuple[int, int]]:
    """(width of the line, width of the next line's first word) at each line break
    that falls inside a sentence."""
    breaks: list[tuple[int, int]] = []
    for i in range(len(raw) - 1):
        if len(breaks) >= _ENOUGH_BREAKS:
            break
        shown, nxt = widths[i], widths[i + 1]
        if shown < 40 or not nxt:
            continue
        line = raw[i + 1].lstrip()
        goes_on = line[0].islower() or (shown >= 60 and _WIDE.match(line) is not None)
        if goes_on and not raw[i].rstrip().endswith(_SENTENCE_ENDS):
            breaks.append((shown, _first_width(line)))
    return breaks


def _starts_bullet(line: str) -> bool:
    """A list item starts here, so it cannot continue the previous line."""
    stripped = line.lstrip()
    return stripped[:1] in _BULLET_START and _BULLET.match(stripped) is not None
