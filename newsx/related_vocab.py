"""Words that label a pointer to other stories, for the HTML and text extractors.

An inline "Read also: <title>" line between paragraphs is a related item, not
article text: the HTML related extractor collects it, the body extractors
leave it out.
"""

from __future__ import annotations

import re

#: Inline labels that open a one-line "Read also: <link>" between paragraphs.
INLINE_LABELS: tuple[str, ...] = (
    r"related(?: (?:post|article|story|content|reading))?", r"read (?:also|more|next)",
    r"also read", r"see also", r"also", r"more",
    r"(?:le|lea|lee) (?:también|además)", r"(?:mira|ver|vea) también",  # es
    r"(?:à |a )?(?:lire|voir) (?:aussi|également)",  # fr
    r"lesen sie (?:auch|mehr)", r"mehr zum thema",  # de
    r"(?:leggi|vedi|guarda) (?:anche|pure)(?: su)?",  # it
    r"(?:leia|veja|saiba) (?:também|mais)",  # pt
    r"(?:читайте|смотрите) (?:также|ещ[её])",  # ru
    r"関連記事", r"관련 ?기사", r"相[关關][阅閱][读讀]|延伸[阅閱][读讀]",  # ja ko zh
    r"[اإ]قر[أا] [أا]يضا?ً?",  # ar
    r"(?:lees|bekijk) ook",  # nl
    r"baca juga", r"(?:czytaj|zobacz) (?:także|też|również)", r"läs (?:också|även)",
)
#: The labels as one alternation, for patterns that add what follows the label.
INLINE_LABEL = "|".join(INLINE_LABELS)
INLINE_RE = re.compile(rf"^\s*(?:{INLINE_LABEL})\s*[:\-–—]", re.IGNORECASE)
#: First words of those labels in scripts that space their words (casefolded): a
#: cheap test that lets most lines skip the pattern.
INLINE_FIRST_WORDS: frozenset[str] = frozenset([
    "related", "read", "also", "see", "more", "le", "lea", "lee", "mira", "ver", "vea",
    "à", "a", "lire", "voir", "lesen", "mehr", "leggi", "vedi", "guarda", "leia", "veja",
    "saiba", "читайте", "смотрите", "اقرأ", "إقرأ", "اقرا", "إقرا", "lees", "bekijk", "baca",
    "czytaj", "zobacz", "läs",
])
