"""Article body from a text dump: the best-scoring run of prose lines.

A dump keeps a page's visible text and loses its structure, so the article is
found by shape: every logical line gets a value (positive for prose, negative
for menus, share rows, bylines, headlines of other stories), the article is the
contiguous run with the largest sum (max-subarray), and its inside is then
cleaned of captions, credits and prompts.  Lines that name the end of an
article (comments, related stories, tags, copyright) are barriers the run
cannot cross.  A closing source credit such as ``(Reuters)`` becomes the
body's ``attribution``.  Nothing here knows a site; all vocabulary is data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.record import Block, Body
from newsx.textdump import DumpLine

# --- vocabulary ---------------------------------------------------------------

#: Function words of the corpus' languages; their share separates prose from
#: lists of names and headlines.  Lower case, one string per language.
_STOPWORDS = frozenset(
    [
        # en
        "the", "a", "an", "of", "to", "in", "and", "or", "but", "is", "are", "was", "were",
        "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those",
        "with", "for", "on", "at", "by", "from", "as", "not", "no", "he", "she", "they", "we",
        "you", "i", "his", "her", "their", "our", "will", "would", "can", "could", "should",
        "may", "might", "do", "does", "did", "than", "then", "there", "which", "who", "what",
        "when", "where", "while", "after", "before", "also", "about", "into", "over", "under",
        "more", "most", "some", "any", "all", "one", "just",
        # pt
        "de", "da", "do", "das", "dos", "e", "o", "os", "as", "um", "uma", "em", "no", "na",
        "nos", "nas", "que", "se", "por", "para", "com", "não", "é", "foi", "ao",
        # it
        "il", "lo", "la", "le", "gli", "i", "un", "una", "di", "del", "della", "dei", "delle",
        "che", "è", "per", "con", "non", "si", "sono", "ha", "anche",
        # de
        "der", "die", "das", "und", "ist", "ein", "eine", "nicht", "mit", "sich", "auf", "für",
        "den", "dem", "des", "zu", "im", "auch", "es", "wie",
        # ru
        "и", "в", "не", "на", "что", "с", "по", "как", "это", "он", "она", "они", "к", "из",
        "за", "от", "у", "же", "так", "но", "то", "да", "для", "о", "все",
        # es
        "el", "los", "las", "del", "por", "una", "es", "con", "para", "como", "más", "pero",
        # fr
        "le", "les", "des", "du", "et", "est", "une", "pas", "pour", "sur", "dans", "qui", "au",
        "avec", "ce", "sont",
        # id
        "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan",
        "pada", "ke", "ada", "juga",
    ]
)

#: Sentence-final punctuation (also after a closing quote or bracket).
_TERMINAL = re.compile(r"[.!?。！？…:;]['\"’”»)\]]*$")
#: A sentence end inside a line: punctuation followed by a space and a capital.
_SENTENCE_END = re.compile(r"[.!?。！？](?:['\"’”»)]*)(?:\s+(?=\S)|$)")
#: Two words glued at a lower/upper case boundary, as when a headline link and
#: its teaser text are rendered without a break.
_GLUE = re.compile(r"[a-z?!.’”'\"][A-Z][a-z]")
#: Characters written without spaces between words (Han, kana); Hangul uses spaces.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")

#: Lines that end an article: what follows is comments, related stories, tags,
#: author boxes or the footer.  Matched on short lower-cased lines.
_END = re.compile(
    r"""^(?:\d+\s+)?(?:
        comments?|\d*\s*responses?|leave\ a\ (?:comment|reply)|add\ a\ comment|post\ a\ comment
        |view\ comments|show\ comments|join\ the\ (?:discussion|conversation)|discussion
        |related(?:\ (?:articles?|stories|posts?|news|content|coverage|topics|links|tags|reading))?
        |(?:you\ )?(?:may|might)\ (?:also\ )?(?:like|enjoy|be\ interested\ in).*
        |recommended(?:\ (?:for\ you|stories|articles|reading))?
        |most\ (?:read|popular|viewed|shared)
        |trending(?:\ now|\ stories)?|popular(?:\ (?:now|stories|posts))?|read\ next|up\ next
        |next\ up\ in\ .*|more\ (?:from|in|on|stories|news|great)\b.*|more\ stories|latest\ news
        |about\ the\ author|about\ this\ (?:article|statement)|tags?|topics|filed\ under.*
        |explore\ further
        |categories|share\ this(?:\ (?:article|story|post|entry|page))?|sharing\ is\ caring!?
        |previous\ (?:post|article)|next\ (?:post|article)|«?\ ?previous\ post.*|on\ our\ radar
        |materiais?\ relacionad[oa]s|leia\ (?:também|mais)|veja\ também|você\ pode\ gostar.*
        |comentários|notícias\ relacionadas|leggi\ anche.*|articoli\ correlati|commenti
        |ti\ potrebbe\ interessare|weitere\ artikel|mehr\ zum\ thema|kommentare|das\ könnte\ sie
        \ auch\ interessieren|ähnliche\ artikel|материалы\ по\ теме|читайте\ также|комментарии
        |похожие\ (?:новости|статьи)|вам\ также\ может\ быть\ интересно|отзывы|berita\ terkait
        |baca\ juga|komentar|artículos\ relacionados|noticias\ relacionadas|comentarios
        |articles\ similaires|à\ lire\ aussi|commentaires|関連記事|関連ニュース|人気記事|コメント
        |관련\s?기사|댓글|많이\ 본\ 기사
    )\s*[:.…]*$""",
    re.VERBOSE,
)

#: Footer marks (lower case): a line holding one ends the article.
_FOOTER_MARKS = (
    "©", "ⓒ", "(c) 19", "(c) 20", "copyright 20", "all rights reserved", "direitos reservados",
    "diritti riservati", "rechte vorbehalten", "права защищены", "무단", "無断転載",
    "subject to copyright",
)
_FOOTER = re.compile("|".join(re.escape(mark) for mark in _FOOTER_MARKS))

#: Whole short lines that label page chrome (lower case, without a final ":" or ".").
_CHROME_LABELS = frozenset(
    {
        "advertisement", "advert", "ad", "ads", "sponsored", "anzeige", "werbung",
        "publicidade", "pubblicità", "реклама", "iklan", "広告", "광고", "watch", "video", "photo",
        "photos", "image", "gallery", "share", "tweet", "email", "e-mail", "print", "save",
        "reply", "like", "follow", "subscribe", "login", "register", "menu", "search", "home",
        "close", "top", "log in", "sign in", "sign up", "read more", "see more", "show more",
        "load more", "back to top", "scroll to continue", "story continues below",
        "continue reading",
    }
)
#: Line openings of chrome ("Continue reading the main story", "Click here to ...").
_CHROME_OPENINGS = ("continue reading", "click here", "skip to", "story continues", "read more:")
#: Words (lower case) that alone make a short line a caption, credit or prompt.
_CHROME_WORDS = frozenset(
    {
        "getty", "shutterstock", "istock", "istockphoto", "subscribe", "subscribers",
        "newsletter", "newsletters", "cookie", "cookies", "whatsapp", "assine", "inscreva",
        "iscriviti", "abonnieren", "подписаться", "подпишитесь"
    }
)
#: Words that may start a chrome phrase; only lines holding one are searched for
#: the phrases below (a cheap pre-filter: most prose lines hold none).
_CHROME_TRIGGERS = frozenset(
    {
        "photo", "photos", "photograph", "image", "picture", "pictured", "credit", "foto",
        "fotos", "фото", "illustration", "sign", "log", "privacy", "terms", "follow",
        "download", "share", "click", "opens", "reuters", "afp", "ap", "file", "via", "caption"
    }
)
#: Caption, photo-credit and prompt phrases (lower case), searched in short lines.
_CHROME_PHRASES = re.compile(
    r"ap photo|afp photo|reuters/|/reuters|/afp|photo by|photograph:|photos?:|image:|image source"
    r"|image copyright|image caption|picture:|pictured:|credit:|credit\.\.\.|fotos?:|фото:"
    r"|via getty|file photo|photo credit|image credit|illustration:|sign up|sign in|log in"
    r"|privacy policy|terms of (?:use|service)|follow us|download the app|share on|share this"
    r"|click to share|opens in new window"
)
_WORD = re.compile(r"\w+")
#: Photo captions of any length: "In this photo issued by ITV, ...", "... (AP Photo/Jane Doe)".
_CAPTION = re.compile(
    r"\bin this (?:\w+ ){0,2}(?:photo|image|picture)|\((?:ap |afp |epa |reuters |getty )?photos?[/:]"
    r"|\bphoto ?/ ?[a-z]|\bfile photo\b|\((?:photo|image|picture) (?:by|credit|courtesy)"
)
#: Cheap pre-filter for :data:`_CAPTION`.
_CAPTION_HINTS = ("photo", "image", "picture")

#: Comment headers: "Jane on May 3, 2019 at 4:47 pm said:", "2 days ago at 07:52 am",
#: "November 19, 2019 at 6:44 am": a clock time with a date or a name beside it
#: (a bare "4:14 p.m." heads a live-blog entry instead), or a "said:" ending.
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?![\d:])")
_WORDLIKE = re.compile(r"[^\W\d_]{3}")
_SAID = re.compile(r"\b(?:says|said|wrote|schreibt|disse|scrive|пишет|написал|dice|dit) ?:$")
#: Endings of a comment's action row.
_REPLY_ENDINGS = ("reply", "responder", "rispondi", "antworten", "ответить")

#: A line that is only a date: between teasers in a list, or after the article.
_DATE_LINE = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}\.?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
    r"(?:\s+\d{4})?$|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?$|^\d{4}年\d{1,2}月\d{1,2}日$"
)

#: First characters of a date line (lower case): a digit, a weekday or a month.
_DATE_STARTS = frozenset("0123456789mtwfsjando")

#: Consent banners run to full paragraphs; they name cookies and the site or browser.
_CONSENT = re.compile(
    r"\bcookies?\b.{0,200}\b(?:website|site|browser|consent|privacy|navigat|experience|sítio"
    r"|navegação|navigazione|webseite|сайт)|\b(?:website|site|we)\b.{0,60}\buses? cookies?\b"
)

#: Openings of agency and staff credit lines that the article text does not include.
_CREDIT_OPENINGS = (
    "reporting by", "(reporting by", "additional reporting by", "writing by", "editing by",
    "compiled by", "write to ", "follow ", "reach ", "source: ", "via syndigate",
    "first published", "published ", "published: ", "updated ", "updated: ", "citation: ",
)
#: The same, checked in full: "Follow X on Twitter", "Jane Doe contributed reporting".
_CREDIT_LINE = re.compile(
    r"""^(?:.{0,80}\bcontributed\ (?:reporting|to\ this\ (?:report|story|article))
        |write\ to\ .{1,60}\ at\ |follow\ .{1,40}\ on\ twitter|reach\ .{1,40}\ at\ |source:[ ]
        |via\ syndigate|\(?(?:additional\ )?reporting\ by|(?:writing|editing|compiled)\ by
        |first\ published|published:?\ \d|updated:?\ \d|citation:\ )""",
    re.VERBOSE,
)


#: A credit line that closes the article: "(agencies)", "— AP", "(Reuters)".
_ATTRIBUTION_LINE = re.compile(
    r"^(?:\(\s*([^()\d]{2,40}?)\s*\)|[—–-]{1,2}\s*([^\s\d][^\d]{1,30}))$"
)
#: The same at the end of the last paragraph; only known agency names.
_ATTRIBUTION_TAIL = re.compile(
    r"\s+[(\[]\s*(Reuters|AFP|AP|dpa|ANSA|Agencies|agencies|IANS|PTI|ANI|Xinhua|Bloomberg"
    r"|Lusa|EFE|Agência Brasil|TASS|ТАСС|РИА Новости|Интерфакс)\s*[)\]]$"
)

# --- tuned numbers --------------------------------------------------------------

#: Lines with fewer (weighted) words are never prose: menus, labels, bylines.
_PROSE_MIN_WORDS = 7
#: Long lines need about one sentence end per this many words (ticker strips have none).
_WORDS_PER_SENTENCE = 70
#: Lines longer than this are judged on a sample of this many characters.
_SAMPLE = 4000
#: Value of a line seen more than once in the dump (menus, tickers, repeated teasers).
_REPEATED = -2.0
#: Values of short lines by their number of spaces (shared float objects).
_SHORT_VALUES = tuple(-1.6 - 0.3 * spaces for spaces in range(_PROSE_MIN_WORDS - 1))
#: Copies of a line closer than this are an alt text and its caption.
_TWIN_DISTANCE = 3
#: Value of a repeated prose line: kept inside the run, never the reason for it.
_NEUTRAL = 0.0
#: Value of a barrier line: larger than any run of prose it would wrongly join.
_BARRIER = -1000.0
#: A prose line with chrome on both sides is worth this share: teaser lists
#: alternate headline and blurb, articles run paragraphs together.
_LONE_PROSE = 0.4
#: Weight of a run found after two comment stamps: comment threads are prose too.
_AFTER_COMMENTS = 0.3
#: A bulleted line inside the article with this many words is a list item.
_LIST_ITEM_MIN_WORDS = 3
#: Runs split by at most this many lines of an inline box are joined ...
_MERGE_GAP = 10
#: ... when the smaller holds at least this share of the best run's value.
_MERGE_SHARE = 0.25
#: A closing credit in parentheses names at most this many words ("(Agence France-Presse)"),
_CREDIT_MAX_WORDS = 4
#: ... after a dash, fewer: "— AP", "- Reuters" (not "- Next Auto News").
_DASH_CREDIT_MAX_WORDS = 2
#: Lines shorter than this many words may be kept as sub-headings.
_HEADING_MAX_WORDS = 14


def extract_body(doc: Document, ctx: Context) -> Body | None:
    """The article's blocks and closing credit, or ``None`` when no prose is found."""
    lines = doc.lines
    if not lines:
        return None
    values = _values(lines)
    stamps = [values[i] == _BARRIER and _is_stamp(x.text.lower()) for i, x in enumerate(lines)]
    spans = _article_spans(lines, values, stamps, _title_index(lines, ctx))
    if not spans:
        return None
    blocks = [block for start, end in spans for block in _blocks(lines, values, start, end)]
    blocks, attribution = _attribution(blocks, lines, spans[-1][1])
    if not blocks:
        return None
    return Body(blocks=blocks, attribution=attribution)


# --- line values ------------------------------------------------------------------


def _weight(text: str) -> float:
    """Words in ``text``; two Han/kana characters count as one word.

    Very long lines are measured on a sample and scaled, so that a
    single-line 50 MB dump costs no more memory than its text.
    """
    if len(text) > _SAMPLE:
        return _weight(text[:_SAMPLE]) * len(text) / _SAMPLE
    if text.isascii() or not _CJK.search(text):
        return text.count(" ") + 1.0
    cjk = len(_CJK.findall(text))
    spaced = len(text.split()) if cjk < len(text) / 2 else 0
    return spaced + cjk / 2


def _values(lines: Sequence[DumpLine]) -> list[float]:
    """Line values, with repeated lines (tickers, menus) and lone teasers marked down."""
    values = _raw_values([line.text for line in lines])
    # repeated prose (tickers, teasers, alt text beside its caption); prose lines
    # only, since they are a small share of a page and short repeats cost nothing
    places: dict[str, list[int]] = {}
    for i, v in enumerate(values):
        if v > 0:
            places.setdefault(lines[i].text, []).append(i)
    for where in places.values():
        if len(where) > 1:
            # a paragraph quoted again further on (a standfirst repeated in the text):
            # the later copy may sit inside the article but must not pull the run
            apart = len(where) == 2 and where[1] - where[0] > _TWIN_DISTANCE
            for i in where:
                values[i] = _REPEATED
            if apart:
                values[where[1]] = _NEUTRAL
    last = len(values) - 1
    for i, v in enumerate(values):
        if v > 0 and 0 < i < last and values[i - 1] < 0 and values[i + 1] < 0:
            values[i] = v * _LONE_PROSE
    return values


def _raw_values(texts: list[str]) -> list[float]:
    """:func:`_value` of each line, with the most common case inlined: a short
    ASCII line (menu entry, label, byline) that only needs the barrier tests."""
    values: list[float] = []
    append = values.append
    end, footer, date = _END.match, _FOOTER.search, _DATE_LINE.match
    for text in texts:
        if text.isascii():
            spaces = text.count(" ")
            if spaces < _PROSE_MIN_WORDS - 1:
                lower = text.lower()
                if (
                    end(lower)
                    or footer(lower)
                    or (":" in lower and _is_stamp(lower))
                    or lower.endswith(_REPLY_ENDINGS)
                    or (lower[:1] in _DATE_STARTS and date(lower))
                ):
                    append(_BARRIER)
                else:
                    append(_SHORT_VALUES[spaces])
                continue
        append(_value(text))
    return values


def _value(text: str) -> float:
    """How much this line looks like article prose (> 0) or page chrome (< 0)."""
    if text.isascii() and len(text) < _SAMPLE:
        words = text.count(" ") + 1.0
        if words < _PROSE_MIN_WORDS:  # most lines of a page: only the barrier tests
            return _BARRIER if _is_barrier(text.lower(), words) else -1.0 - 0.3 * words
    else:
        words = _weight(text)
    if words > 20:
        lower = text[:_SAMPLE].lower()
    else:
        lower = text.lower()
        if _is_barrier(lower, words):
            return _BARRIER
    if words >= _PROSE_MIN_WORDS and _is_prose(text, lower, words):
        return words
    return -1.0 - 0.3 * min(words, 30.0)


def _is_barrier(lower: str, words: float) -> bool:
    """An end-of-article marker, a footer line, a comment stamp or a bare date."""
    if _FOOTER.search(lower):
        return True
    if words > 12:
        return False
    if _END.match(lower):
        return True
    if words > 10:
        return False
    if _is_stamp(lower):
        return True
    return words <= 6 and lower[:1] in _DATE_STARTS and _DATE_LINE.match(lower) is not None


def _is_stamp(lower: str) -> bool:
    """A comment header line (author and time) rather than a section marker."""
    if ":" not in lower:
        return lower.endswith(_REPLY_ENDINGS)
    clock = _CLOCK.search(lower)
    if clock:
        return bool(
            _WORDLIKE.search(lower, 0, clock.start()) or _WORDLIKE.search(lower, clock.end())
        )
    return lower.endswith(":") and _SAID.search(lower, max(0, len(lower) - 16)) is not None


def _is_chrome(lower: str) -> bool:
    """A label, caption, credit or prompt line (``lower`` is the lower-cased line)."""
    label = lower.rstrip(" :.")
    if label in _CHROME_LABELS or label.startswith(_CHROME_OPENINGS):
        return True
    words = set(_WORD.findall(lower))
    if not words.isdisjoint(_CHROME_WORDS):
        return True
    return not words.isdisjoint(_CHROME_TRIGGERS) and _CHROME_PHRASES.search(lower) is not None


def _is_credit(lower: str) -> bool:
    """A staff or agency credit line: "Reporting by ...", "Write to ... at"."""
    if lower.startswith(_CREDIT_OPENINGS) or "contributed" in lower:
        return _CREDIT_LINE.match(lower) is not None
    return False


def _is_prose(text: str, lower: str, words: float) -> bool:
    """Sentence-shaped (ends like a sentence or reads like one) and not chrome.

    The cheap shape tests run first; the vocabulary tests only on lines that
    passed them, since most lines of a page fail the shape already.
    """
    if _TERMINAL.search(text, max(0, len(text) - 8)) is None and (
        words < 20 or _stop_share(lower) < 0.12
    ):
        return False
    if words > _WORDS_PER_SENTENCE:
        sample = text[:_SAMPLE]
        if len(_SENTENCE_END.findall(sample)) * _WORDS_PER_SENTENCE < _weight(sample):
            return False
    if words <= 25 and _is_chrome(lower):
        return False
    if _is_credit(lower) or ("cookie" in lower and _CONSENT.search(lower)):
        return False
    if any(hint in lower for hint in _CAPTION_HINTS) and _CAPTION.search(lower):
        return False
    return not _is_glued_teaser(text)


def _is_glued_teaser(text: str) -> bool:
    """A Title Case headline run into its blurb: "Ford Recalls F-150sFord is recalling"."""
    head = text[:40].split()[:3]
    if len(head) < 3 or not all(w[:1].isupper() or w[:1].isdigit() for w in head):
        return False
    match = _GLUE.search(text, 0, 160)
    if not match:
        return False
    head = text[: match.start() + 1].split()
    capitals = sum(1 for w in head if w[:1].isupper() or w[:1].isdigit())
    return len(head) >= 4 and capitals >= 0.8 * len(head)


def _stop_share(lower: str) -> float:
    """Share of function words among the first tokens of ``lower``."""
    tokens = lower[:_SAMPLE].split()
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t in _STOPWORDS) / len(tokens)


# --- the article region -----------------------------------------------------------


def _title_index(lines: Sequence[DumpLine], ctx: Context) -> int:
    """Index of the line holding the known headline, or -1."""
    title = ctx.header.title if ctx.header else None
    if not title:
        return -1
    want = " ".join(title.split())
    for line in lines:
        if line.text == want:
            return line.index
    return -1


def _segment_runs(
    values: Sequence[float], stamps: Sequence[bool], after: int
) -> list[tuple[float, int, int]]:
    """The best run of each barrier-free segment: (weighted sum, start, end).

    Barriers cut the lines into segments; each segment's best run comes from
    Kadane's algorithm.  A segment that follows two or more comment stamps is
    most likely the comment thread, so its sum counts for less.
    """
    runs = []
    seen_stamps = 0
    seg_start = after + 1
    for i in range(after + 1, len(values) + 1):
        if i < len(values) and values[i] != _BARRIER:
            continue
        total, start, end = _kadane(values, seg_start, i)
        if total > 0:
            runs.append((total * _AFTER_COMMENTS if seen_stamps >= 2 else total, start, end))
        if i < len(values) and stamps[i]:
            seen_stamps += 1
        seg_start = i + 1
    return runs


def _article_spans(
    lines: Sequence[DumpLine], values: Sequence[float], stamps: Sequence[bool], after: int
) -> list[tuple[int, int]]:
    """The article as [start, end) spans: the best run, joined with neighbouring
    runs that an inline box ("More from UK" and its headlines) split from it."""
    runs = _segment_runs(values, stamps, after)
    if not runs and after >= 0:
        runs = _segment_runs(values, stamps, -1)
    if not runs:
        return []
    best = max(range(len(runs)), key=lambda k: runs[k][0])
    lo = hi = best
    while hi + 1 < len(runs) and _joins(lines, values, runs[best], runs[hi], runs[hi + 1]):
        hi += 1
    while lo > 0 and _joins(lines, values, runs[best], runs[lo], runs[lo - 1]):
        lo -= 1
    return [(start, end) for _, start, end in runs[lo : hi + 1]]


def _joins(
    lines: Sequence[DumpLine],
    values: Sequence[float],
    best: tuple[float, int, int],
    near: tuple[float, int, int],
    new: tuple[float, int, int],
) -> bool:
    """The run ``new`` continues the article that ends (or starts) with ``near``,
    split from it by a short inline box: the gap is short and holds no footer or
    comment stamp, and ``new`` is substantial and has paragraphs in a row (a
    teaser list alternates headline and blurb)."""
    gap = range(min(near[2], new[2]), max(near[1], new[1]))
    if len(gap) > _MERGE_GAP or new[0] < _MERGE_SHARE * best[0]:
        return False
    if not any(values[i] > 0 and values[i + 1] > 0 for i in range(new[1], new[2] - 1)):
        return False
    for i in gap:
        lower = lines[i].text.lower()
        if _FOOTER.search(lower) or _is_stamp(lower):
            return False
    return True


def _kadane(values: Sequence[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Sum, start and end of the best run within values[lo:hi]."""
    best, best_start, best_end = 0.0, lo, lo
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += values[i]
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best, best_start, best_end


# --- blocks -----------------------------------------------------------------------


def _blocks(
    lines: Sequence[DumpLine], values: Sequence[float], start: int, end: int
) -> list[Block]:
    """Typed blocks of the run, without the chrome lines inside it."""
    blocks: list[Block] = []
    for i in range(start, end):
        line = lines[i]
        if values[i] > 0 or (values[i] == _NEUTRAL and _is_prose_line(line.text)):
            blocks.append(Block("list_item" if line.bullet else "paragraph", line.text))
        elif values[i] == _BARRIER:
            continue
        elif line.bullet and _is_list_item(line.text):
            blocks.append(Block("list_item", line.text))
        elif _is_heading(line, values, i, start, end):
            blocks.append(Block("heading", line.text))
    return blocks


def _is_prose_line(text: str) -> bool:
    """The prose test on its own, for lines whose value was overridden."""
    return _value(text) > 0


def _is_list_item(text: str) -> bool:
    """A short bulleted line inside the article that is not a menu or share entry."""
    return _weight(text) >= _LIST_ITEM_MIN_WORDS and not _is_chrome(text.lower())


def _is_heading(line: DumpLine, values: Sequence[float], i: int, start: int, end: int) -> bool:
    """A short non-prose line right before prose that names a section."""
    text = line.text
    if not (start < i < end - 1) or values[i + 1] <= 0:
        return False
    words = _weight(text)
    if words < 2 or words > _HEADING_MAX_WORDS or text.endswith((".", ",")):
        return False
    lower = text.lower()
    if _is_chrome(lower) or _is_credit(lower) or text.isupper():
        return False
    return text[0].isupper() or not text[0].isalpha()


def _attribution(
    blocks: list[Block], lines: Sequence[DumpLine], end: int
) -> tuple[list[Block], str | None]:
    """Move a closing source credit out of the text into ``attribution``."""
    if end < len(lines):
        credit = _credit_name(lines[end].text)
        if credit:
            return blocks, credit
    if blocks:
        last = blocks[-1]
        credit = _credit_name(last.text)
        if credit:
            return blocks[:-1], credit
        tail = _ATTRIBUTION_TAIL.search(last.text, max(0, len(last.text) - 60))
        if tail:
            return [*blocks[:-1], Block(last.kind, last.text[: tail.start()])], tail.group(1)
    return blocks, None


def _credit_name(text: str) -> str | None:
    """The source named by a credit line: "(agencies)" -> "agencies", "— AP" -> "AP"."""
    match = _ATTRIBUTION_LINE.match(text) if len(text) < 45 else None
    if not match:
        return None
    name = (match.group(1) or match.group(2)).strip()
    words = name.count(" ") + 1
    if words > (_CREDIT_MAX_WORDS if match.group(1) else _DASH_CREDIT_MAX_WORDS):
        return None
    return None if _is_chrome(name.lower()) else name


EXTRACTOR = Extractor(
    name="text-body", block="body", formats=frozenset({"text"}), extract=extract_body, priority=50
)
