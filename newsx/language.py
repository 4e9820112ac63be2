"""Language of an article's text, as an ISO 639-1 code.

A thin wrapper around ``py3langid``: it classifies a bounded sample of the
text (the classifier walks the sample byte by byte in Python, so its cost
grows with the length it reads), and it abstains on text too short to judge.
Two cheap signals decide most pages without the classifier: a script that
only one language writes (Hangul, Japanese kana), and for plainly English
text, the web's most common case, its function words; that is both faster
and steadier on short, name-heavy samples (the classifier takes some of them
for Nigerian Pidgin).
The model is loaded on first use, so importing this module costs nothing,
and is kept unpacked in newsx's cache (:mod:`newsx.langid_model`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: Characters classified at most: 300 characters of prose decide all 181 dev pages
#: correctly, in all three dump flavors (250 do not: a name-heavy English caption
#: reads as Nigerian Pidgin); the classifier reads every character, about 0.2 ms
#: for 300.
SAMPLE_CHARS = 300
#: Letters needed before we trust a guess; shorter text (a headline, a menu)
#: is classified at random among related languages.
MIN_LETTERS = 20
#: CJK and Hangul text packs a word into one or two characters.
MIN_LETTERS_CJK = 8

#: Function words by language, for the shortcut before the classifier.  Only
#: words that are rare in every other language written in the same script
#: ("in", "die", "was", "also", "for", "at" are left out of English: German,
#: Dutch and the Nordic languages use them), so a text's share of them tells
#: its language without the model.  On the dev dumps, English prose scores
#: 0.10 to 0.45 and every non-English sample exactly 0.  Keep the vocabularies
#: disjoint: the first language to reach the share wins.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the", "of", "and", "that", "with", "from", "this", "which", "were", "been", "would",
            "they", "their", "said", "have", "has", "are", "his", "who", "not", "but", "it", "its",
            "was", "is", "to", "be", "by", "she", "we", "you", "there", "when", "what", "about",
            "after", "more", "than", "into", "had", "can", "could", "should", "because", "these",
            "those", "them", "our", "your", "one",
        ]
    ),
}
#: Share of a sample's words that must be one language's function words ...
FUNCTION_SHARE = 0.12
#: ... and at least this many of them, so that a short line cannot decide.
FUNCTION_MIN_HITS = 4
#: Characters of the sample the shortcut reads (it counts words, not bytes).
FUNCTION_SAMPLE = 300

#: Scripts that one language alone is written in, and the share of a sample's
#: letters in that script that makes it that language (Japanese mixes kana with
#: kanji, so a smaller share; Chinese text has no kana at all).
SCRIPTS: tuple[tuple[str, re.Pattern[str], float], ...] = (
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"), 0.3),
    ("ja", re.compile(r"[\u3040-\u30ff]"), 0.1),
)

_LETTERS = re.compile(r"[^\W\d_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_URLISH = re.compile(r"\S*(?:https?://|www\.|@)\S*")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or ``None`` when too short to tell."""
    sample = text[: SAMPLE_CHARS * 2]
    if "://" in sample or "www." in sample or "@" in sample:
        sample = _URLISH.sub(" ", sample)
    sample = sample[:SAMPLE_CHARS]
    cjk = not sample.isascii() and _CJK.search(sample) is not None
    if not cjk:
        code = by_function_words(sample)
        if code:
            return code
    letters = sum(map(len, _LETTERS.findall(sample)))
    if letters < (MIN_LETTERS_CJK if cjk else MIN_LETTERS):
        return None
    if cjk:
        for code, script, share in SCRIPTS:
            if len(script.findall(sample)) >= share * letters:
                return code
    code, _score = _identifier().classify(sample)
    return code or None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's classifier, loaded on first use (see :mod:`newsx.langid_model`)."""
    from newsx.langid_model import load_identifier

    return load_identifier()


def by_function_words(sample: str) -> str | None:
    """The language whose function words make up a clear share of ``sample``, if any."""
    words = sample[:FUNCTION_SAMPLE].lower().split()
    if len(words) < FUNCTION_MIN_HITS:
        return None
    needed = max(FUNCTION_MIN_HITS, FUNCTION_SHARE * len(words))
    for code, vocabulary in FUNCTION_WORDS.items():
        if sum(map(vocabulary.__contains__, words)) >= needed:
            return code
    return None
