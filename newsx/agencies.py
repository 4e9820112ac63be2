"""News agencies and wire credits: one table for every extractor.

Closing credits ("(Reuters)", "— AP", "(avec AFP)") and agency-only bylines
name these.  Extractors build their own patterns from :data:`AGENCY_PATTERN`
and :data:`CREDIT_LEAD_PATTERN`, so adding an agency here teaches all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Agencies as they sign articles (case as written; matching may ignore case).
AGENCY_NAMES: tuple[str, ...] = (
    "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "dpa", "UPI", "ANI",
    "PTI", "IANS", "EFE", "Agencia EFE", "ANSA", "Xinhua", "TASS", "ТАСС", "РИА Новости",
    "Интерфакс", "Bloomberg", "Lusa", "Agência Brasil", "Kyodo", "Yonhap", "Anadolu",
)
#: Generic wire credits.
WIRE_CREDITS: tuple[str, ...] = ("agencies", "Agencies", "news agencies", "wires", "wire services")
#: Words that lead a shared credit: "(with AFP)", "(avec AFP)", "(con EFE)", "(mit dpa)".
CREDIT_LEADS: tuple[str, ...] = ("with", "avec", "con", "mit", "com", "z", "с")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, so "AP" never cuts "APA"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


AGENCY_PATTERN = alternation(AGENCY_NAMES + WIRE_CREDITS)
CREDIT_LEAD_PATTERN = alternation(CREDIT_LEADS)
