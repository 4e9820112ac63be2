"""Article body from a text dump: the best-scoring run of prose lines.

A dump keeps a page's visible text and loses its structure, so the article is
found by shape, in four steps:

1. every logical line gets a value: positive for prose (its word count),
   negative for menus, labels, share rows, bylines and headlines of other
   stories; lines that name the end of an article (comments, related stories,
   tags, copyright footers, comment time stamps) are barriers;
2. the article is the barrier-free run with the largest sum (max-subarray),
   joined with a neighbouring run that a short inline box ("More from UK" and
   its headlines) split from it;
3. inside the run, captions, credits and prompts are dropped; short lines
   before a paragraph are kept as sub-headings, bulleted ones as list items;
4. a closing source credit such as ``(Reuters)`` becomes ``attribution``.

Nothing here knows a site; all vocabulary is data, in several languages.  The
expensive vocabulary tests only run on lines whose shape already passed.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress

from newsx.agencies import AGENCY_PATTERN, CREDIT_LEAD_PATTERN
from newsx.document import Document
from newsx.extractors.base import Context, Extractor
from newsx.record import Block, Body
from newsx.related_vocab import INLINE_RE

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
#: A sentence end inside a line: punctuation followed by a space (or the line's end);
#: Chinese and Japanese put no space after their full-width stops.
_SENTENCE_END = re.compile(r"[.!?](?:['\"’”»)]*)(?:\s+(?=\S)|$)|[。！？](?:['\"’”»)」』]*)")
#: Two words glued at a lower/upper case boundary, as when a headline link and
#: its teaser text are rendered without a break.
_GLUE = re.compile(r"[A-Z](?<=[a-z?!.’”'\"][A-Z])[a-z]")  # capital first: rare, so fast to scan
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
        |explore\ further|(?:about|über|sobre)\ \S+(?:\ \S+){0,2}
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

#: Footer marks (lower case): a line holding one ends the article.  A "©" needs a
#: year or a company ("© 2019 CBS", "© Future US, Inc."): "© John Doe" credits a
#: photo inside the article.
_FOOTER_MARKS = (
    "(c) 19", "(c) 20", "copyright 20", "all rights reserved", "direitos reservados",
    "diritti riservati", "rechte vorbehalten", "права защищены", "무단", "無断転載",
    "subject to copyright",
)
_FOOTER = re.compile(
    "|".join(
        [
            r"[©ⓒ] ?(?:[12]\d{3}|copyright)|copyright ?[©ⓒ]",
            r"[©ⓒ].{0,60}\b(?:inc|llc|ltd|pty|gmbh|corp|media|group|company|newspapers?|network)\b",
            *map(re.escape, _FOOTER_MARKS),
        ]
    )
)
#: Literal pre-filter for :data:`_FOOTER`: one of its marks, or a bare sign.
_FOOTER_HINT = re.compile("|".join(map(re.escape, ["©", "ⓒ", *_FOOTER_MARKS])))
#: Each ASCII mark above holds one of these; a few ``in`` tests cost less than
#: the alternation above, so an ASCII line without them skips it.
_FOOTER_ASCII_KEYS = ("(c) ", "copyright", "reserv", "riserv", "vorbehalt")

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
        "getty", "shutterstock", "istock", "istockphoto", "subscribe", "unsubscribe", "subscribers",
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
#: Every chrome word and phrase above holds one of these (tests/test_text_body.py checks).
_CHROME_KEYS = (
    "photo", "image", "picture", "credit", "getty", "share", "sign ", "log in", "follow us",
    "reuters", "/afp", "foto", "фото", "illustration", "privacy", "terms of", "download",
    "opens in", "shutterstock", "istock", "subscri", "newsletter", "cookie", "whatsapp",
    "assine", "inscreva", "iscriviti", "abonnieren", "подпи",
)
_WORD = re.compile(r"\w+")
#: Photo captions of any length: "In this photo issued by ITV, ...", "... (AP Photo/Jane Doe)".
_CAPTION = re.compile(
    r"\bin this (?:\w+ ){0,2}(?:photo|image|picture)"
    r"|\((?:ap |afp |epa |reuters |getty )?photos?[/:]|\bphoto ?/ ?[a-z]|\bfile photo\b"
    r"|\((?:photo|image|picture) (?:by|credit|courtesy)"
)
#: Cheap pre-filter for :data:`_CAPTION`: one of these words must be in the line.
_CAPTION_HINTS = ("photo", "image", "picture")

#: Comment headers: "Jane on May 3, 2019 at 4:47 pm said:", "2 days ago at 07:52 am",
#: "November 19, 2019 at 6:44 am": a clock time with a date or a name beside it
#: (a bare "4:14 p.m." heads a live-blog entry instead), or a "said:" ending.
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?![\d:])")
_WORDLIKE = re.compile(r"[^\W\d_]{3}")
#: A comment header ending "said:" has fewer words than this (a name and the verb).
_SAID_MAX_WORDS = 6
_SAID = re.compile(r"\b(?:says|said|wrote|schreibt|disse|scrive|пишет|написал|dice|dit) ?:$")
#: Endings of a comment's action row.
_REPLY_ENDINGS = ("reply", "responder", "rispondi", "antworten", "ответить")
#: Their last letters, in both cases: a line with no ":" that ends otherwise is no stamp.
_REPLY_LAST = frozenset(c for end in _REPLY_ENDINGS for c in (end[-1], end[-1].upper()))

#: A line that is only a date: between teasers in a list, or after the article.
_DATE_LINE = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}\.?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
    r"(?:\s+\d{4})?$|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?$|^\d{4}年\d{1,2}月\d{1,2}日$"
)

#: First characters of a date line (lower case): a digit, a weekday or a month.
_DATE_STARTS = frozenset("0123456789mtwfsjando")
#: Last characters of a date line: a digit, an ordinal ("1st", "2nd", "3rd", "4th"),
#: a comma, the dot of "1.2.2019." or 日.
_DATE_ENDS = frozenset("0123456789tdh,.日")

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
#: Openings of a picture's or a text's credit line (several languages): "Photo: ...",
#: "Текст: <name>", "личный архив <name>" (a personal archive's picture).
_MEDIA_CREDIT_OPENINGS = (
    "photo:", "photos:", "photo by", "image:", "picture:", "video:", "text:", "words:",
    "foto:", "fotos:", "фото:", "текст:", "texto:", "texte:", "bild:",
    "personal archive", "личный архив", "archivo personal", "arquivo pessoal",
    "archives personnelles", "privatarchiv",
)
#: The same, checked in full: "Follow X on Twitter", "Jane Doe contributed reporting".
_CREDIT_LINE = re.compile(
    r"""^(?:.{0,80}\bcontributed\ (?:reporting|to\ this\ (?:report|story|article))
        |write\ to\ .{1,60}\ at\ |follow\ .{1,40}\ on\ twitter|reach\ .{1,40}\ at\ |source:[ ]
        |via\ syndigate|\(?(?:additional\ )?reporting\ by|(?:writing|editing|compiled)\ by
        |first\ published|published:?\ \d|updated:?\ \d|citation:\ )""",
    re.VERBOSE,
)


#: Separators of a byline or dateline ("Text: Jane Doe · 24 September 2018", "By X | May 3"):
#: such a line before a paragraph is not a sub-heading.
_BYLINE_MARK = re.compile(r"[|·•]")

#: A credit line that closes the article: "(agencies)", "— AP", "(Reuters)", "(avec AFP)".
_ATTRIBUTION_LINE = re.compile(
    rf"^(?:\(\s*(?:(?:{CREDIT_LEAD_PATTERN})\s+(?=(?:{AGENCY_PATTERN})\s*\)))?"
    r"([^()\d]{2,40}?)\s*\)|[—–-]{1,2}\s*([^\s\d][^\d]{1,30}))$"
)
#: News agencies and wire credits, as they close an article (newsx.agencies).
_AGENCY = re.compile(AGENCY_PATTERN)
#: The same at the end of the last paragraph; only known agency names.
_ATTRIBUTION_TAIL = re.compile(r"\s+[(\[]\s*(" + AGENCY_PATTERN + r")\s*[)\]]$")

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
#: Value of a table row that is not prose: a small cost, like a blank cell.
_TABLE_ROW = -0.1
#: Value of a barrier line: larger than any run of prose it would wrongly join.
_BARRIER = -1000.0
#: A prose line with chrome on both sides is worth this share: teaser lists
#: alternate headline and blurb, articles run paragraphs together.
_LONE_PROSE = 0.3
#: Weight of a run found after two comment stamps: comment threads are prose too.
_AFTER_COMMENTS = 0.3
#: A bulleted line inside the article with this many words is a list item.
_LIST_ITEM_MIN_WORDS = 3
#: Runs split by at most this many lines of an inline box are joined ...
_MERGE_GAP = 10
#: ... when the smaller holds at least this share of the best run's value.
_MERGE_SHARE = 0.25
#: A closing credit may follow the last paragraph after this many lines (an ad label).
_CREDIT_LOOKAHEAD = 2
#: A closing credit in parentheses names at most this many words ("(Agence France-Presse)") ...
_CREDIT_MAX_WORDS = 4
#: ... after a dash, fewer: "— AP", "- Reuters" (not "- Next Auto News").
_DASH_CREDIT_MAX_WORDS = 2
#: Longest lines (in words) that may be an end-of-article marker, a comment stamp, a date.
_END_MAX_WORDS = 12
_STAMP_MAX_WORDS = 10
_DATE_MAX_WORDS = 6
#: Lines shorter than this many words may be kept as sub-headings.
_HEADING_MAX_WORDS = 14


def extract_body(doc: Document, ctx: Context) -> Body | None:
    """The article's blocks and closing credit, or ``None`` when no prose is found.

    Works on the columns of :class:`~newsx.textdump.DumpLines` (texts, bullet
    flags) and keeps line indexes in arrays, so a dump of a million short
    lines costs a few bytes a line here.
    """
    lines = doc.lines
    texts: list[str] = lines.texts
    if not texts:
        return None
    values, prose, barriers, stamps = _values(texts)
    _soften_table_rows(values, lines.tabs)
    # The header's headline is not used as a starting point: a wrong guess there (a
    # dialog, a teaser) cost 0.03 F1 on the dev dumps, a right one gained 0.0003.
    spans = _article_spans(texts, values, prose, barriers, stamps)
    if not spans:
        return None
    bullets = lines.bullets
    blocks = [b for start, end in spans for b in _blocks(texts, bullets, values, start, end)]
    blocks, attribution = _attribution(blocks, texts, spans[-1][1])
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


def _values(texts: list[str]) -> tuple[list[float], array, array, frozenset[int]]:
    """Line values, with repeated prose and lone teasers marked down; the
    indexes of the lines first scored as prose, of the barriers, and of those
    barriers that are comment stamps."""
    values, prose, barriers = _raw_values(texts)
    _mark_repeats(texts, values, prose)
    last = len(values) - 1
    for i in prose:
        if 0 < i < last and values[i - 1] < 0 and values[i + 1] < 0 and values[i] > 0:
            values[i] *= _LONE_PROSE
    stamps = frozenset(i for i in barriers if _is_stamp(texts[i].lower()))
    return values, prose, barriers, stamps


def _soften_table_rows(values: list[float], tabs: bytearray) -> None:
    """A table row (cells joined by tabs) is not chrome: inside an article it costs
    almost nothing, so a data table no longer cuts the article in two."""
    for i in compress(range(len(tabs)), tabs):  # (most dumps have no tabbed line)
        value = values[i]
        if value < 0 and value != _BARRIER and value != _REPEATED:
            values[i] = _TABLE_ROW


def _mark_repeats(texts: list[str], values: list[float], prose: array) -> None:
    """Repeated prose is a ticker, a teaser or an alt text beside its caption.

    Only prose lines are tracked: they are a small share of a page, and a
    repeated short line is worth little anyway.  A paragraph quoted once more
    further on (a standfirst repeated in the text) keeps its later copy as a
    neutral line: inside the article it stays, but it pulls no run to itself.
    """
    seen = {texts[i] for i in prose}
    if len(seen) == len(prose):
        return
    places: dict[str, list[int]] = {}
    for i in prose:
        places.setdefault(texts[i], []).append(i)
    for where in places.values():
        if len(where) < 2:
            continue
        for i in where:
            values[i] = _REPEATED
        if len(where) == 2 and where[1] - where[0] > _TWIN_DISTANCE:
            values[where[1]] = _NEUTRAL


def _raw_values(texts: list[str]) -> tuple[list[float], array, array]:
    """:func:`_value` of each line, and the (sorted) indexes of the prose lines
    and of the barriers.

    Whether a line that is not prose is a barrier only matters where a
    barrier can cut a run: between the first and the last prose line.  So
    lines that are not prose are first only tested for comment stamps (which
    count wherever they are), and the other barrier tests run once the prose
    is known, on the lines between; menus above the article and footers below
    it (most of a page's lines) skip them.  Indexes are kept in arrays (8
    bytes a line; a list would add an int object for each); values in a list,
    faster to read, most of whose floats are shared constants.
    """
    values: list[float] = []
    append = values.append
    prose = array("q")
    barriers = array("q")
    later = array("q")  # lines whose barrier tests wait for the prose range
    for i, text in enumerate(texts):
        if text.isascii():
            spaces = text.count(" ")
            if spaces < _PROSE_MIN_WORDS - 1:  # the most common line: a menu entry, a label
                if (":" in text or text[-1:] in _REPLY_LAST) and _is_stamp(text.lower()):
                    append(_BARRIER)
                    barriers.append(i)
                else:
                    append(_SHORT_VALUES[spaces])
                    later.append(i)
                continue
            words = spaces + 1.0 if len(text) < _SAMPLE else _weight(text)
        elif len(text) < _SAMPLE and not _CJK.search(text):  # :func:`_weight`, inlined
            words = text.count(" ") + 1.0
        else:
            words = _weight(text)
        if words > 20:  # too long for a barrier
            lower = text[:_SAMPLE].lower()
            value = words if _is_prose(text, lower, words) else -1.0 - 0.3 * min(words, 30.0)
        elif words >= _PROSE_MIN_WORDS and (
            (ends := _TERMINAL.search(text, len(text) - 8) is not None) or words >= 20
        ):
            lower = text.lower()  # lines that fail :func:`_is_prose`'s first test need none
            if _is_prose(text, lower, words, ends):
                value = _BARRIER if _is_barrier(lower, words) else words
            elif words <= _STAMP_MAX_WORDS and _is_stamp(lower):
                value = _BARRIER
            else:
                append(-1.0 - 0.3 * words)
                later.append(i)
                continue
        elif (
            words <= _STAMP_MAX_WORDS
            and (":" in text or text[-1:] in _REPLY_LAST)  # else no stamp
            and _is_stamp(text.lower())
        ):
            value = _BARRIER
        else:
            append(-1.0 - 0.3 * words)
            later.append(i)
            continue
        append(value)
        if value > 0:
            prose.append(i)
        elif value == _BARRIER:
            barriers.append(i)
    if len(prose) > 1:
        # The lines between two prose lines form a gap; one barrier in a gap
        # already keeps runs from crossing it, so a gap's other lines need no test.
        cut = {bisect_left(prose, b) for b in barriers}  # gaps (by the prose line after)
        found = []
        after = 0  # prose[after] is the first prose line after line i
        for i in later[bisect_right(later, prose[0]) : bisect_left(later, prose[-1])]:
            while prose[after] < i:
                after += 1
            if after in cut:
                continue
            text = texts[i]
            words = text.count(" ") + 1.0 if text.isascii() and len(text) < _SAMPLE else None
            if _is_end_mark(text.lower(), words or _weight(text)):
                found.append(i)
                cut.add(after)
        if found:
            for i in found:
                values[i] = _BARRIER
            barriers = array("q", sorted([*barriers, *found]))
    return values, prose, barriers


def _words(text: str) -> float:
    """:func:`_weight`, with the common case (a short ASCII line) inlined."""
    return text.count(" ") + 1.0 if text.isascii() and len(text) < _SAMPLE else _weight(text)


def _value(text: str) -> float:
    """How much this line looks like article prose (> 0) or page chrome (< 0)."""
    words = _words(text)
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
    return _is_end_mark(lower, words) or (words <= _STAMP_MAX_WORDS and _is_stamp(lower))


def _is_end_mark(lower: str, words: float) -> bool:
    """:func:`_is_barrier` but for comment stamps: a footer, an end marker, a date."""
    if _is_footer(lower):
        return True
    if words > _END_MAX_WORDS:
        return False
    if (
        words <= _DATE_MAX_WORDS
        and lower[-1:] in _DATE_ENDS
        and lower[:1] in _DATE_STARTS
        and _DATE_LINE.match(lower)
    ):
        return True
    return _END.match(lower) is not None


def _is_footer(lower: str) -> bool:
    """A copyright or rights line; the full pattern runs only on the rare hits."""
    if lower.isascii():
        c, copyright, reserv, riserv, vorbehalt = _FOOTER_ASCII_KEYS
        if not (
            c in lower or copyright in lower or reserv in lower or riserv in lower
            or vorbehalt in lower
        ):
            return False
    hint = _FOOTER_HINT.search(lower)
    if hint is None:
        return False
    return hint.group() not in ("©", "ⓒ") or _FOOTER.search(lower) is not None


def _is_stamp(lower: str) -> bool:
    """A comment header line (author and time) rather than a section marker."""
    if ":" not in lower:
        return lower.endswith(_REPLY_ENDINGS)
    clock = _CLOCK.search(lower)
    if clock:
        return bool(
            _WORDLIKE.search(lower, 0, clock.start()) or _WORDLIKE.search(lower, clock.end())
        )
    # "Jane Doe says:" heads a comment; a longer line introduces a quote or a list
    return (lower.endswith(":") and lower.count(" ") < _SAID_MAX_WORDS
            and _SAID.search(lower, max(0, len(lower) - 16)) is not None)


def _is_chrome(lower: str) -> bool:
    """A label, caption, credit or prompt line (``lower`` is the lower-cased line)."""
    label = lower.rstrip(" :.")
    if label in _CHROME_LABELS or label.startswith(_CHROME_OPENINGS):
        return True
    if not any(map(lower.__contains__, _CHROME_KEYS)):  # rules out most lines, in C
        return False
    words = _WORD.findall(lower)  # a list: the sets look its words up without a set of them
    if not _CHROME_WORDS.isdisjoint(words):
        return True
    return not _CHROME_TRIGGERS.isdisjoint(words) and _CHROME_PHRASES.search(lower) is not None


def _is_credit(lower: str) -> bool:
    """A staff or agency credit line: "Reporting by ...", "Write to ... at"."""
    if lower.startswith(_CREDIT_OPENINGS) or "contributed" in lower:
        return _CREDIT_LINE.match(lower) is not None
    return False


def _is_prose(text: str, lower: str, words: float, ends: bool | None = None) -> bool:
    """Sentence-shaped (ends like a sentence or reads like one) and not chrome.

    The cheap shape tests run first; the vocabulary tests only on lines that
    passed them, since most lines of a page fail the shape already.  ``ends``
    is the caller's answer to the first test (``_TERMINAL`` at the line's end).
    """
    if ends is None:
        ends = _TERMINAL.search(text, len(text) - 8) is not None
    if not ends and (words < 20 or _stop_share(lower) < 0.12):
        return False
    if words > _WORDS_PER_SENTENCE:
        sample = text[:_SAMPLE]
        weight = words if len(text) <= _SAMPLE else _weight(sample)
        if len(_SENTENCE_END.findall(sample)) * _WORDS_PER_SENTENCE < weight:
            return False
    if words <= 25 and _is_chrome(lower):
        return False
    # the credit, consent, copyright and caption tests below need one of these marks
    photo, image, picture = _CAPTION_HINTS
    if lower.startswith(_CREDIT_OPENINGS) or (
        "contributed" in lower or "cookie" in lower or "©" in lower
        or photo in lower or image in lower or picture in lower
    ):
        if _is_credit(lower) or ("cookie" in lower and _CONSENT.search(lower)):
            return False
        if "©" in lower or (_has_caption_hint(lower) and _CAPTION.search(lower)):
            return False
    return not _is_glued_teaser(text)


def _has_caption_hint(lower: str) -> bool:
    """One of :data:`_CAPTION_HINTS` is in ``lower`` (no generator: called per prose line)."""
    photo, image, picture = _CAPTION_HINTS
    return photo in lower or image in lower or picture in lower


def _is_glued_teaser(text: str) -> bool:
    """A Title Case headline run into its blurb: "Ford Recalls F-150sFord is recalling".

    ``text`` is collapsed (single spaces), so its second word starts after the
    first space; most prose fails there, before the regex.
    """
    second = text.find(" ") + 1
    initial = text[second : second + 1]
    if not second or not (initial.isupper() or initial.isdigit()):
        return False
    match = _GLUE.search(text, 0, 160)
    if not match:
        return False
    head = text[:40].split()[:3]
    if len(head) < 3 or not all(w[:1].isupper() or w[:1].isdigit() for w in head):
        return False
    head = text[: match.start()].split()
    capitals = sum(1 for w in head if w[:1].isupper() or w[:1].isdigit())
    return len(head) >= 4 and capitals >= 0.8 * len(head)


def _stop_share(lower: str) -> float:
    """Share of function words among the first tokens of ``lower``."""
    tokens = lower[:_SAMPLE].split()
    if not tokens:
        return 0.0
    return sum(map(_STOPWORDS.__contains__, tokens)) / len(tokens)


# --- the article region -----------------------------------------------------------


def _segment_runs(
    values: Sequence[float],
    prose: Sequence[int],
    barriers: Sequence[int],
    stamps: frozenset[int],
) -> list[tuple[float, int, int]]:
    """The best run of each barrier-free segment: (weighted sum, start, end).

    Barriers cut the lines into segments; each segment's best run comes from
    Kadane's algorithm.  A segment that follows two or more comment stamps is
    most likely the comment thread, so its sum counts for less.  A best run
    starts and ends with a positive line, so Kadane only reads the lines
    from the segment's first to its last positive one (all among ``prose``).
    """
    runs = []
    seen_stamps = 0
    seg_start = 0
    for i in [*barriers, len(values)]:
        lo, hi = bisect_left(prose, seg_start), bisect_left(prose, i)
        positive = [k for k in prose[lo:hi] if values[k] > 0]
        if positive:
            total, start, end = _kadane(values, positive[0], positive[-1] + 1)
            if total > 0:
                runs.append((total * _AFTER_COMMENTS if seen_stamps >= 2 else total, start, end))
        if i in stamps:
            seen_stamps += 1
        seg_start = i + 1
    return runs


def _article_spans(
    texts: list[str],
    values: Sequence[float],
    prose: Sequence[int],
    barriers: Sequence[int],
    stamps: frozenset[int],
) -> list[tuple[int, int]]:
    """The article as [start, end) spans: the best run, joined with neighbouring
    runs that an inline box ("More from UK" and its headlines) split from it."""
    runs = _segment_runs(values, prose, barriers, stamps)
    if not runs:
        return []
    best = max(range(len(runs)), key=lambda k: runs[k][0])
    lo = hi = best
    while hi + 1 < len(runs) and _joins(texts, values, runs[best], runs[hi], runs[hi + 1]):
        hi += 1
    while lo > 0 and _joins(texts, values, runs[best], runs[lo], runs[lo - 1]):
        lo -= 1
    return [(start, end) for _, start, end in runs[lo : hi + 1]]


def _joins(
    texts: list[str],
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
        lower = texts[i].lower()
        if _is_footer(lower) or _is_stamp(lower):
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
    texts: list[str], bullets: bytearray, values: Sequence[float], start: int, end: int
) -> list[Block]:
    """Typed blocks of the run, without the chrome lines inside it."""
    blocks: list[Block] = []
    repeated = _repeated(texts, start, end)
    for i in range(start, end):
        text, value = texts[i], values[i]
        if value > 0 or (value == _NEUTRAL and _is_prose_line(text)):
            blocks.append(Block("list_item" if bullets[i] else "paragraph", text))
        elif value == _BARRIER:
            continue
        elif bullets[i] and _is_list_item(text):
            blocks.append(Block("list_item", text))
        elif _is_heading(text, values, i, start, end):
            blocks.append(Block("heading", text))
        elif value != _REPEATED and text not in repeated and _is_unmarked_item(text):
            # a capitalised line right before prose is a wire story's sub-heading
            shouts = text.isupper() and i + 1 < end and values[i + 1] > 0
            blocks.append(Block("heading" if shouts else "list_item", text))
    return blocks


def _is_prose_line(text: str) -> bool:
    """The prose test on its own, for lines whose value was overridden."""
    return _value(text) > 0


def _is_list_item(text: str) -> bool:
    """A short bulleted line inside the article that is not a menu or share entry."""
    return _weight(text) >= _LIST_ITEM_MIN_WORDS and not _is_chrome(text.lower())


def _repeated(texts: list[str], start: int, end: int) -> set[str]:
    """Lines seen more than once in ``texts[start:end]``: a caption or a prompt that a
    template repeats under every picture or section, not a list item.  (Lines
    merely opening alike are kept: ingredient lists, Q&A, shopping links do.)"""
    seen: set[str] = set()
    twice: set[str] = set()
    for text in texts[start:end]:
        (twice if text in seen else seen).add(text)
    return twice


def _is_unmarked_item(text: str) -> bool:
    """A short line inside the article that is no chrome, credit or pointer to another
    story: a list item, a table row or a code line.  Browsers' ``innerText``
    prints list items without their bullets, so none can be required."""
    if not _is_list_item(text):
        return False
    lower = text.lower()
    return (not _is_credit(lower) and not lower.startswith(_MEDIA_CREDIT_OPENINGS)
            and INLINE_RE.match(text) is None)


def _is_heading(text: str, values: Sequence[float], i: int, start: int, end: int) -> bool:
    """A short non-prose line right before prose that names a section."""
    if not (start < i < end - 1) or values[i + 1] <= 0:
        return False
    words = _weight(text)
    if words < 2 or words > _HEADING_MAX_WORDS or text.endswith((".", ",")):
        return False
    lower = text.lower()
    if _is_chrome(lower) or _is_credit(lower) or text.isupper() or _BYLINE_MARK.search(text):
        return False
    if INLINE_RE.match(text):  # "Read also: <title>", a pointer to another story
        return False
    return text[0].isupper() or not text[0].isalpha()


def _attribution(
    blocks: list[Block], texts: list[str], end: int
) -> tuple[list[Block], str | None]:
    """Move a closing source credit out of the text into ``attribution``."""
    for text in texts[end : end + _CREDIT_LOOKAHEAD]:
        credit = _credit_name(text)
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
    words = name.split()
    if len(words) > (_CREDIT_MAX_WORDS if match.group(1) else _DASH_CREDIT_MAX_WORDS):
        return None
    if _AGENCY.fullmatch(name):
        return name
    # an unknown source is a proper name: "(Al Jazeera)", not "(View all)"
    if all(w[:1].isupper() for w in words) and not _is_chrome(name.lower()):
        return name
    return None


EXTRACTOR = Extractor(
    name="text-body", block="body", formats=frozenset({"text"}), extract=extract_body, priority=50
)
