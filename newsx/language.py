"""Language of an article's text, as an ISO 639-1 code.

A thin wrapper around ``py3langid``: it classifies a bounded sample of the
text (the classifier's cost grows with the length it reads, and a few
hundred characters of prose are enough to tell languages apart), and it
abstains on text too short to judge.  The model is loaded by the library
on first use, so importing this module costs nothing.
"""

from __future__ import annotations

import re

#: Characters classified at most; ~500 chars of prose decide reliably and keep
#: the cost near 0.25 ms a call (the classifier reads every character).
SAMPLE_CHARS = 600
#: Letters needed before we trust a guess; shorter text (a headline, a menu)
#: is classified at random among related languages.
MIN_LETTERS = 20
#: CJK and Hangul text packs a word into one or two characters.
MIN_LETTERS_CJK = 8

_LETTER = re.compile(r"[^\W\d_]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_URLISH = re.compile(r"\S*(?:https?://|www\.|@)\S*")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or ``None`` when too short to tell."""
    sample = _URLISH.sub(" ", text[: SAMPLE_CHARS * 2])[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    needed = MIN_LETTERS_CJK if _CJK.search(sample) else MIN_LETTERS
    if letters < needed:
        return None
    import py3langid

    code, _score = py3langid.classify(sample)
    return code or None
