"""Dates in news datelines and metadata -> ISO 8601 strings.

Pure functions, no I/O.  The parser is table-driven: month names, weekday names,
time-zone abbreviations and dateline labels are data below, compiled once into a
few regexes (word lists as character tries).  Every search is anchored on a
four-digit year: forms that end with the year ("4 July, 2024", "Nov. 19, 2019",
"19/11/2019") are matched backwards on the reversed text before it, forms that
start with it ("2019-11-20", "2019年11月20日") forwards; a clock time is then
looked for just after the date, else just before it ("11:34 PM EST Nov 19, 2019").
A line without a year costs one fast regex scan.  Two-digit years ("20.11.19")
are accepted only in numeric dates followed by a clock time.

Output follows the record contract: ``YYYY-MM-DD`` when the text gives no time,
``YYYY-MM-DDTHH:MM:SS`` when it does, and ``+HH:MM`` only when the text itself
names an offset or a zone (``Z``, ``+0300``, ``GMT+2``, ``EST`` ...).  Nothing is
converted between zones: the day the reader sees is the day returned.

Ambiguous numeric dates (``05/06/2019``): a part above 12 decides; otherwise the
caller's ``dayfirst`` decides; otherwise a US zone next to the date (``ET``,
``PST`` ...) means month-first; otherwise day-first, the order used by most of
the world (and the only one used with dots, ``05.06.2019``).  Callers that know
the site is American pass ``dayfirst=False``.

Years outside 1990..2100 in text are rejected (catalogue numbers, history);
impossible days (Feb 30, month 13) and clock times (25:00) are rejected.

Relative dates ("2 hours ago", "yesterday") have no reference time and give
``None``; so do dates without a year ("Nov 19").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from newsx.patterns import trie_pattern

__all__ = ["DateMatch", "find_dates", "parse_date", "parse_iso", "search_date"]

# Text-match years outside this range are rejected (catalogue numbers, prices ...).
YEAR_MIN, YEAR_MAX = 1990, 2100
# Machine timestamps may be older (archives) but not junk such as 0001-01-01.
ISO_YEAR_MIN = 1900

# --- vocabulary -----------------------------------------------------------------------

# Month names per language, January..December; "|" separates variants (full,
# genitive, abbreviation, spelling without diacritics).  Lookup is case-insensitive
# and ignores a trailing dot, so "Nov." and "NOVEMBER" need no entry of their own.
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("january|jan", "february|feb", "march|mar", "april|apr", "may",
           "june|jun", "july|jul", "august|aug", "september|sep|sept",
           "october|oct", "november|nov", "december|dec"),
    "fr": ("janvier|janv", "février|fevrier|févr|fevr|fév|fev", "mars", "avril|avr",
           "mai", "juin", "juillet|juil", "août|aout", "septembre|sept",
           "octobre|oct", "novembre|nov", "décembre|decembre|déc|dec"),
    "de": ("januar|jänner|jaenner|jan", "februar|feber|feb", "märz|maerz|mär|mrz",
           "april|apr", "mai", "juni|jun", "juli|jul", "august|aug",
           "september|sep|sept", "oktober|okt", "november|nov", "dezember|dez"),
    "es": ("enero|ene", "febrero|feb", "marzo|mar", "abril|abr", "mayo|may",
           "junio|jun", "julio|jul", "agosto|ago", "septiembre|setiembre|sep|sept|set",
           "octubre|oct", "noviembre|nov", "diciembre|dic"),
    "it": ("gennaio|gen", "febbraio|feb", "marzo|mar", "aprile|apr", "maggio|mag",
           "giugno|giu", "luglio|lug", "agosto|ago", "settembre|set", "ottobre|ott",
           "novembre|nov", "dicembre|dic"),
    "pt": ("janeiro|jan", "fevereiro|fev", "março|marco|mar", "abril|abr", "maio|mai",
           "junho|jun", "julho|jul", "agosto|ago", "setembro|set", "outubro|out",
           "novembro|nov", "dezembro|dez"),
    "ca": ("gener|gen", "febrer|febr", "març", "abril", "maig", "juny", "juliol",
           "agost", "setembre", "octubre", "novembre", "desembre|des"),
    "nl": ("januari|jan", "februari|feb", "maart|mrt", "april|apr", "mei",
           "juni|jun", "juli|jul", "augustus|aug", "september|sep|sept",
           "oktober|okt", "november|nov", "december|dec"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"),
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
           "september", "oktober", "november", "december"),
    "ro": ("ianuarie|ian", "februarie", "martie", "aprilie", "mai", "iunie|iun",
           "iulie|iul", "august", "septembrie", "octombrie", "noiembrie|noi",
           "decembrie"),
    "hu": ("január", "február", "március", "április", "május", "június", "július",
           "augusztus", "szeptember", "október", "november", "december"),
    "fi": ("tammikuuta|tammikuu", "helmikuuta|helmikuu", "maaliskuuta|maaliskuu",
           "huhtikuuta|huhtikuu", "toukokuuta|toukokuu", "kesäkuuta|kesäkuu",
           "heinäkuuta|heinäkuu", "elokuuta|elokuu", "syyskuuta|syyskuu",
           "lokakuuta|lokakuu", "marraskuuta|marraskuu", "joulukuuta|joulukuu"),
    "ru": ("январь|января|янв", "февраль|февраля|фев|февр", "март|марта|мар",
           "апрель|апреля|апр", "май|мая", "июнь|июня|июн", "июль|июля|июл",
           "август|августа|авг", "сентябрь|сентября|сен|сент", "октябрь|октября|окт",
           "ноябрь|ноября|ноя|нояб", "декабрь|декабря|дек"),
    "uk": ("січень|січня|січ", "лютий|лютого|лют", "березень|березня|бер",
           "квітень|квітня|квіт", "травень|травня|трав", "червень|червня|черв",
           "липень|липня|лип", "серпень|серпня|серп", "вересень|вересня|вер",
           "жовтень|жовтня|жовт", "листопад|листопада|лист", "грудень|грудня|груд"),
    "pl": ("styczeń|stycznia|styczen|sty", "luty|lutego|lut", "marzec|marca",
           "kwiecień|kwietnia|kwiecien|kwi", "maj|maja", "czerwiec|czerwca|cze",
           "lipiec|lipca|lip", "sierpień|sierpnia|sierpien|sie",
           "wrzesień|września|wrzesien|wrzesnia|wrz",
           "październik|października|pazdziernik|pazdziernika|paź|paz",
           "listopad|listopada|lis", "grudzień|grudnia|grudzien|gru"),
    "cs": ("leden|ledna", "únor|února", "březen|března", "duben|dubna",
           "květen|května", "červen|června", "červenec|července", "srpen|srpna",
           "září", "říjen|října", "listopadu", "prosinec|prosince"),
    "el": ("ιανουαρίου|ιανουάριος|ιαν", "φεβρουαρίου|φεβρουάριος|φεβ",
           "μαρτίου|μάρτιος|μαρ", "απριλίου|απρίλιος|απρ", "μαΐου|μαΐος|μαΐ|μαι",
           "ιουνίου|ιούνιος|ιουν", "ιουλίου|ιούλιος|ιουλ", "αυγούστου|αύγουστος|αυγ",
           "σεπτεμβρίου|σεπτέμβριος|σεπ", "οκτωβρίου|οκτώβριος|οκτ",
           "νοεμβρίου|νοέμβριος|νοε", "δεκεμβρίου|δεκέμβριος|δεκ"),
    "tr": ("ocak|oca", "şubat|subat|şub|sub", "mart", "nisan|nis", "mayıs|mayis",
           "haziran|haz", "temmuz|tem", "ağustos|agustos|ağu|agu", "eylül|eylul|eyl",
           "ekim|eki", "kasım|kasim|kas", "aralık|aralik|ara"),
    "id": ("januari|jan", "februari|feb|pebruari", "maret|mar", "april|apr", "mei",
           "juni|jun", "juli|jul", "agustus|agu|agt|ags", "september|sep|sept",
           "oktober|okt", "november|nov|nopember", "desember|des"),
    # Egyptian / transliterated names, with and without hamza on the alef.
    "ar": ("يناير", "فبراير", "مارس", "أبريل|ابريل|إبريل", "مايو", "يونيو|يونيه",
           "يوليو|يوليه", "أغسطس|اغسطس", "سبتمبر", "أكتوبر|اكتوبر", "نوفمبر",
           "ديسمبر"),
    # Levantine / Iraqi (Syriac) names.
    "ar-sy": ("كانون الثاني", "شباط", "آذار|اذار", "نيسان", "أيار|ايار", "حزيران",
              "تموز", "آب|اب", "أيلول|ايلول", "تشرين الأول|تشرين الاول",
              "تشرين الثاني", "كانون الأول|كانون الاول"),
    # Maghreb names (Morocco, Algeria, Tunisia).
    "ar-ma": ("جانفي", "فيفري", "مارس", "أفريل|افريل", "ماي", "يونيو|جوان",
              "يوليوز|جويلية", "غشت|أوت|اوت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"),
    "fa": ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه|ژوییه",
           "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"),
}

# Weekday names only ever surround a date; parse_date() ignores them.
WEEKDAY_NAMES: tuple[str, ...] = (
    "monday|mon|tuesday|tue|tues|wednesday|wed|thursday|thu|thur|thurs|friday|fri"
    "|saturday|sat|sunday|sun",
    "lundi|lun|mardi|mar|mercredi|mer|jeudi|jeu|vendredi|ven|samedi|sam|dimanche|dim",
    "montag|mo|dienstag|di|mittwoch|mi|donnerstag|do|freitag|fr|samstag|sa|sonntag|so",
    "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo",
    "lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi"
    "|sabato|domenica",
    "segunda-feira|terça-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira"
    "|segunda|terça|quarta|quinta|sexta",
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
    "понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
    "|пн|вт|ср|чт|пт|сб|вс",
    "الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد",
    "senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu",
    "pazartesi|salı|sali|çarşamba|carsamba|perşembe|persembe|cuma|cumartesi|pazar",
    "月|火|水|木|金|土|日|月曜日|火曜日|水曜日|木曜日|金曜日|土曜日|日曜日"
    "|월|화|수|목|금|토|일|월요일|화요일|수요일|목요일|금요일|토요일|일요일",
)

# Words that introduce a dateline ("Updated: ...", "Publié le ...").
DATE_LABELS: tuple[str, ...] = (
    "published|updated|modified|posted|created|released|date|dated|last updated"
    "|first published|last modified|on|at|and",
    "publié|publie|mis à jour|mis a jour|le|à|a",
    "veröffentlicht|veroeffentlicht|aktualisiert|geändert|stand|am|um|vom",
    "publicado|actualizado|atualizado|el|em|en|las|de",
    "pubblicato|aggiornato|il|alle|ore",
    "gepubliceerd|bijgewerkt|laatst bijgewerkt|op",
    "опубликовано|обновлено|дата|в",
    "نشر|نشر في|تاريخ النشر|آخر تحديث|تحديث|بتاريخ|في",
    "diterbitkan|diperbarui|dipublikasikan|pukul",
    "yayınlanma|yayinlanma|güncelleme|guncelleme|tarihi|yayın|saat",
    "発行日|公開日|更新日|投稿日|入力|수정|입력|기사입력|최종수정|등록",
)

# Zone abbreviation -> UTC offset in minutes.  "US" zones (ET, CT, MT, PT) take
# daylight saving from the date.  Ambiguous abbreviations take the reading most
# common in news (IST = India, CST = US Central); AST is left out on purpose
# (Atlantic -4 vs Arabia +3).
TZ_OFFSETS: dict[str, int] = {
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "WET": 0,
    "BST": 60, "IST": 330, "CET": 60, "CEST": 120, "MEZ": 60, "MESZ": 120,
    "WEST": 60, "EET": 120, "EEST": 180, "MSK": 180, "TRT": 180, "EAT": 180,
    "SAST": 120, "CAT": 120, "WAT": 60, "GST": 240, "PKT": 300, "NPT": 345,
    "ICT": 420, "WIB": 420, "WITA": 480, "WIT": 540, "SGT": 480, "HKT": 480,
    "PHT": 480, "AWST": 480, "JST": 540, "KST": 540, "ACST": 570, "ACDT": 630,
    "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
    "BRT": -180, "ART": -180,
}
# US zones written without S/D: standard offset; DST is worked out from the date.
US_GENERIC_TZ: dict[str, int] = {"ET": -300, "CT": -360, "MT": -420, "PT": -480}
# Any of these next to a numeric date means the US month-first order.
US_TZ: frozenset[str] = frozenset(
    {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST",
     *US_GENERIC_TZ})

# Markers of the afternoon / morning, before or after the clock time.
# (compared lower-cased, without spaces or a final dot); anything else is "am".
PM_MARKERS: frozenset[str] = frozenset({"pm", "p.m", "오후", "午後", "下午", "م", "مساء",
                                         "مساءً", "مساءا"})

# Non-ASCII decimal digits (Arabic-Indic, Persian, Devanagari, Bengali, full-width)
# -> ASCII.  One char for one char, so match spans stay valid for the input.
_DIGIT_BLOCKS = (0x0660, 0x06F0, 0x0966, 0x09E6, 0xFF10)
_DIGITS = {base + i: ord("0") + i for base in _DIGIT_BLOCKS for i in range(10)}
_FOREIGN_DIGIT_RE = re.compile(
    "[" + "".join(f"{chr(base)}-{chr(base + 9)}" for base in _DIGIT_BLOCKS) + "]")


# --- regex construction ---------------------------------------------------------------

def _month_key(name: str) -> str:
    """Lookup key: lower case, no trailing dot, Turkish dotted İ folded."""
    return name.lower().replace("i̇", "i").rstrip(".")


def _build_month_lookup() -> dict[str, int]:
    lookup: dict[str, int] = {}
    for lang, months in MONTH_NAMES.items():
        for number, variants in enumerate(months, start=1):
            for name in variants.split("|"):
                key = _month_key(name)
                if lookup.setdefault(key, number) != number:
                    raise ValueError(f"month name {name!r} ({lang}) is ambiguous")
    return lookup


MONTHS: dict[str, int] = _build_month_lookup()


def _trie_regex(words: list[str]) -> str:
    """One regex alternation for ``words`` shaped as a trie: linear to scan.  The guard
    rejects positions that cannot start any word in one step."""
    return trie_pattern(words, flexible_space=True, guard=True)


def _alternation(groups: tuple[str, ...]) -> str:
    words = {w for g in groups for w in g.split("|")}
    return _trie_regex(sorted(words))


def _case_variants(words: list[str]) -> list[str]:
    """lower, Title and UPPER spellings: case-sensitive regexes scan ~3x faster."""
    return sorted({v for w in words for v in (w, w.capitalize(), w.title(), w.upper())})


_MONTH = _trie_regex(_case_variants(list(MONTHS)))
_WEEKDAY = _alternation(WEEKDAY_NAMES)
_LABEL = _alternation(DATE_LABELS)
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_NOT_WORD_BEFORE = r"(?<!\w)"
# Year candidates anchor every search: one pattern per century, as sre skips to a
# literal prefix fast but tests a character-class prefix ("[12]") at every position.
# The digit before is checked in Python because a leading lookbehind would disable
# the fast prefix scan.
_YEAR_CANDIDATE_RES = tuple(re.compile(century + r"\d\d(?!\d)") for century in ("19", "20", "21"))
_YEAR = r"\d{4}(?!\d)"
# "2019 г.", "2019 r.", "2019 yılı", "2019م": words that may follow a year.
_YEAR_SUFFIX = r"(?:\s*(?:г\.|года|г(?!\w)|r\.|roku|m\.|yılı|yili|년)|م(?!\w))?"
_DAY_SUFFIX = r"(?:st|nd|rd|th|er|ᵉʳ|e|º|°|\.)?"
_OF = r"(?:(?i:de|of)\s+|d['’])"

# Dates that start with the year; matched at a year candidate.
_YEAR_FIRST_RE = re.compile(
    "|".join((
        # 2019-11-20, 2019/11/20, 2019.11.20, 2019. 11. 20 (Korean)
        r"(?P<ymd>(?<![\w.,/-])(?P<iy>\d{4})(?P<isep>[-/]|\.\s?)"
        r"(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)(?!\d|[.,/-]\d))",
        # 2019年11月20日, 2019년 11월 20일
        r"(?P<cjk>(?P<cy>\d{4})\s*[年년]\s*(?P<cm>[01]?\d)\s*[月월]\s*"
        r"(?P<cd>[0-3]?\d)\s*[日일])",
        # 2019 Nov 20; 2019. november 20.
        rf"(?P<ydm>{_NOT_WORD_BEFORE}(?P<ry>{_YEAR})\.?\s*(?P<rm>{_MONTH})\.?\s*"
        r"(?P<rd>[0-3]?\d)(?!\d)\.?)",
    ))
)
# Dates that end with the year are matched *backwards* from the year, on the
# reversed text before it: one anchored match instead of a scan of the line.
# Each pattern below is the mirror image of the form in its comment; digit
# groups come out reversed and are turned back in _ymd().
_MONTH_REV = _trie_regex(sorted({w[::-1] for w in _case_variants(list(MONTHS))}))
_YEAR_LAST_REV_RE = re.compile(
    "|".join((
        # 19/11/2019, 11/19/2019, 19.11.2019, 19-11-2019, 20. 11. 2019
        r"(?P<num>(?P<nsep>[/-]|\s?\.)(?P<nb>\d[0-3]?)(?P=nsep)(?P<na>\d[0-3]?)"
        r"(?![\w.,/:-]))",
        # 4 July, 2024; 20 de novembro de 2019; 20. November 2019; 20 تشرين الثاني/نوفمبر
        # (the month next to the year is named; an alternative name may precede it)
        rf"(?P<dmy>(?:\s+(?i:ed|led))?[\s,،\-/.)]*(?P<tm>{_MONTH_REV})"
        rf"(?:\.?\s*[/(]\s*(?:{_MONTH_REV}))?\.?"
        r"(?:\s+(?i:ed|fo)|['’]d)?[\s,\-/]*(?i:ts|dn|dr|ht|re|ʳᵉ|e|º|°|\.)?"
        r"(?P<td>\d[0-3]?)(?!\w))",
        # Nov. 19, 2019; NOVEMBER 20th 2019; noviembre 20 de 2019
        r"(?P<mdy>(?:\s*,\s*|\s+(?i:ed)\s+|\s+|,)(?i:ts|dn|dr|ht)?(?P<ud>\d[0-3]?)"
        rf"(?!\d)\s*\.?(?P<um>{_MONTH_REV})(?!\w))",
        # Tue Nov 19 21:57:01 UTC 2019 (Unix date); November 20 15:23 2019
        r"(?P<mty>\s+(?:(?P<xz>[A-Z]{2,5})\s+)?(?P<xt>\d\d(?::\d\d)?:\d\d?)\s+"
        rf"(?P<xd>\d[0-3]?)(?!\d)\s*\.?(?P<xm>{_MONTH_REV})(?!\w))",
    ))
)
# 20.11.19 / 11/19/19: two-digit years are taken only with a clock time after them.
_SHORT_NUMERIC_RE = re.compile(
    r"(?P<sa>\d\d?)(?P<ssep>[./])(?P<sb>\d{1,2})(?P=ssep)(?P<sy>\d\d)(?!\w|[.,/:-]\d)")
# What every such date holds, one pattern per separator: sre skips to a literal
# first character fast, where ``\d`` is tested at every position.
_SHORT_NUMERIC_HINTS = (re.compile(r"\.\d\d?\.\d\d"), re.compile(r"/\d\d?/\d\d"))
_YEAR_SUFFIX_RE = re.compile(_YEAR_SUFFIX)
_NUM_TAIL_RE = re.compile(r"[.,/-]\d")  # 19.11.2019.5 is not a date
_NUMERIC_NEIGHBOURS = frozenset("0123456789.,/:-") | frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Longest text a year-last date puts before its year ("20 de noviembre de ",
# "20 تشرين الثاني/نوفمبر "), with room to spare.
_LEAD_WINDOW = 40


def _tz_pattern(name: str) -> str:
    """Zone after a clock time: abbreviation, GMT+2, +0300 or a bare Z."""
    abbrs = "|".join(sorted({*TZ_OFFSETS, *US_GENERIC_TZ} - {"Z"}, key=len, reverse=True))
    zone = (
        rf"(?-i:(?:GMT|UTC|UT)\s*(?P<{name}o>[+\-−]\s*\d{{1,2}}(?::?\d\d)?)"
        rf"|(?P<{name}a>{abbrs}){_NOT_LETTER_AFTER}"
        rf"|(?P<{name}n>[+\-−]\d\d(?::?\d\d)?)(?!\d)|(?<=\d)(?P<{name}z>Z)(?!\w))"
    )
    # "GMT+0000 (UTC)", "-0500 (Eastern Standard Time)": a zone name may follow
    spelled = r"(?:\s*\([A-Z][A-Za-z .]{1,40}\))?"
    return rf"(?:\s*(?:(?P<{name}p>\()\s*)?{zone}(?({name}p)\s*\)|{spelled}))?"


_LOWER_TZ = "|".join(sorted((z.lower() for z in {*TZ_OFFSETS, *US_GENERIC_TZ} - {"Z"}),
                            key=len, reverse=True))
_TIME_CORE = (
    r"(?:(?P<ap0>오전|오후|午前|午後|上午|下午)\s*)?"
    r"(?<!\d)(?P<h>[012]?\d)"
    # 10:43, 15.30, 10h43, 10時43分, 10시 43분; "0339 GMT" (no separator) needs a zone
    r"(?:(?P<hsep>[:.hH]|\s*[時时시]\s*)?(?P<mi>[0-5]\d)(?:\s*[分분])?"
    r"(?::(?P<s>[0-5]\d)(?:[.,]\d{1,9})?)?"
    r"|\s*(?P<hmark>[時时시]|h(?![^\W\d_])))?"
    r"(?!\d|[.,:/]\d)"                               # not 20.11 of 20.11.19
    r"(?:\s*(?P<ap>[aApP]\.?\s?[mM]\.?|صباحاً|صباحا|صباح|مساءً|مساءا|مساء|ص|م)"
    # "11:06am ist": a lower-case zone is trusted only after am/pm
    rf"{_NOT_LETTER_AFTER}(?:\s*(?P<zl>{_LOWER_TZ}){_NOT_LETTER_AFTER})?)?"
    r"(?:\s*(?:Uhr|hrs?\.?|horas|heures|ч\.?)(?!\w))?"
)

# Between a date and the clock time that follows it.
_AFTER_LINK = (
    r"(?:\.(?=\s))?"                                  # 2019. 11. 20. 오후 3:20
    r"(?:\s*[(（]\s*[^\W\d_]{1,12}\.?\s*[)）])?"       # (水), (Tue)
    # (each whitespace run sits between required tokens: no ambiguous \s*\s*)
    r"(?:T(?=\d)|\s*(?:(?:[,|/·•@،]|[-–—]{1,2})\s*)?"
    rf"(?:(?:{_WEEKDAY})\.?,?\s+)?"                       # 20 Kasım 2019 Çarşamba 10:43
    r"(?:(?:at|à|a\s+las|a\s+la|às|alle|ore|om|um|в|о|v|o|ob|saat|pukul|jam|kl\.?|klo"
    r"|godz\.?|الساعة|lúc)\s+){0,2})"                      # alle ore 10:43
)
_TIME_AFTER_RE = re.compile(_AFTER_LINK + _TIME_CORE + _tz_pattern("z"), re.IGNORECASE)
# A clock time just before a date ("11:34 PM EST Nov 19, 2019"): needs minutes.
_TIME_BEFORE_RE = re.compile(
    r"(?=[\d오午上下])" + _TIME_CORE + _tz_pattern("z")
    + r"(?:\s*\([^()]{1,24}\))?"                    # "0339 GMT (1139 HKT)"
    + r"(?:\s*[,|/·•@،\-–—]{1,2}\s*|\s+)"
    + rf"(?:(?:{_WEEKDAY})\.?(?:\s*,\s*|\s+))?"     # "1:39 am EST, Wednesday, Nov 20"
    + r"(?:(?:on|le|el)\s+)?\Z",
    re.IGNORECASE,
)
_ANY_DIGIT_RE = re.compile(r"\d")
_BEFORE_WINDOW = 56  # chars searched for a leading clock time (with zone, weekday)

# What may surround a whole-string date in parse_date().
_RESIDUE_RE = re.compile(
    # one char or one whole word per step: the alternatives never overlap, so a
    # failing fullmatch cannot backtrack exponentially
    rf"(?:[\W_]|{_NOT_WORD_BEFORE}(?:{_LABEL}|{_WEEKDAY}){_NOT_LETTER_AFTER})*",
    re.IGNORECASE,
)

_ISO_RE = re.compile(  # fullmatch on stripped text; at most one space anywhere
    r"(?P<y>\d{4})(?P<sep>-?)(?P<m>\d\d)(?P=sep)(?P<d>\d\d)"
    r"(?:[T ](?P<h>\d\d)(?::?(?P<mi>\d\d)(?::?(?P<s>\d\d)(?:[.,]\d{1,9})?)?)?)?"
    r" ?(?P<tz>Z|[+-]\d\d(?::?\d\d)?|UTC|GMT)?",
    re.IGNORECASE,
)
_EPOCH_RE = re.compile(r"(?P<n>\d{9,10}|\d{12,13})(?:\.\d+)?")


# --- public API -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text: its ISO 8601 form and the span it covers."""

    iso: str
    start: int
    end: int
    has_time: bool


def parse_date(text: str, *, dayfirst: bool | None = None) -> str | None:
    """ISO 8601 for ``text`` when the whole string is one date (labels, weekdays
    and punctuation around it allowed), else ``None``."""
    if not text:
        return None
    text = _ascii_digits(text)
    found = _search(text, 0, dayfirst)
    if found is None:
        return None
    if not (_RESIDUE_RE.fullmatch(text, 0, found.start)
            and _RESIDUE_RE.fullmatch(text, found.end)):
        return None
    return found.iso


def search_date(text: str, *, dayfirst: bool | None = None) -> DateMatch | None:
    """The first date in ``text`` (with its clock time when adjacent), else ``None``."""
    if not text:
        return None
    return _search(_ascii_digits(text), 0, dayfirst)


def find_dates(text: str, *, dayfirst: bool | None = None) -> list[DateMatch]:
    """Every non-overlapping date in ``text``, in order."""
    if not text:
        return []
    text = _ascii_digits(text)
    found: list[DateMatch] = []
    pos = 0
    years = _year_starts(text)
    while (match := _search(text, pos, dayfirst, years)) is not None:
        found.append(match)
        pos = match.end
    return found


def parse_iso(value: str, *, dayfirst: bool | None = None) -> str | None:
    """Normalise a machine-readable timestamp (JSON-LD, meta, ``<time datetime>``).

    Keeps the offset as given (``Z`` -> ``+00:00``) and invents none; epoch
    seconds or milliseconds are UTC by definition.  Falls back to
    :func:`parse_date` (with ``dayfirst``) for human-readable values found in
    metadata.
    """
    if not value:
        return None
    value = _ascii_digits(value.strip())
    m = _ISO_RE.fullmatch(value)
    if m:
        return _iso_from_match(m)
    m = _EPOCH_RE.fullmatch(value)
    if m:
        return _from_epoch(m["n"])
    return parse_date(value, dayfirst=dayfirst)


# --- internals ------------------------------------------------------------------------

# (hour, minute, second, zone name, offset minutes east of UTC)
Clock = tuple[int, int, int, "str | None", "int | None"]


def _ascii_digits(text: str) -> str:
    if text.isascii() or not _FOREIGN_DIGIT_RE.search(text):
        return text
    return text.translate(_DIGITS)


def _search(text: str, pos: int, dayfirst: bool | None,
            years: list[int] | None = None) -> DateMatch | None:
    """First valid date at or after ``pos`` (``years``: :func:`_year_starts` of ``text``,
    when the caller searches it several times)."""
    found = _search_by_year(text, pos, dayfirst, _year_starts(text) if years is None else years)
    if text.find(":", pos) >= 0:   # a short-year date needs a clock time
        short = _search_short_year(text, pos, found.start if found else len(text), dayfirst)
        if short is not None:
            return short
    return found


def _year_starts(text: str) -> list[int]:
    """Where the year candidates of ``text`` start, in order.  (Candidates never overlap:
    the character after one is not a digit, so separate scans find what one would.)"""
    return sorted(m.start() for pattern in _YEAR_CANDIDATE_RES for m in pattern.finditer(text))


def _search_by_year(text: str, pos: int, dayfirst: bool | None,
                    years: list[int]) -> DateMatch | None:
    """First valid date with a four-digit year, found from the year outwards."""
    for ys in years[bisect_left(years, pos):]:
        ye = ys + 4
        if ys > 0 and text[ys - 1].isdigit():
            continue
        found = _year_last(text, pos, ys, ye, dayfirst)
        if found is None:
            m = _YEAR_FIRST_RE.match(text, ys)
            if m is not None:
                found = _build(text, m, m.start(), m.end(), pos, dayfirst)
        if found is not None:
            return found
    return None


def _search_short_year(text: str, pos: int, endpos: int,
                       dayfirst: bool | None) -> DateMatch | None:
    """First "20.11.19 10:43" style date before ``endpos`` (a time must follow)."""
    if not any(p.search(text, pos, endpos) for p in _SHORT_NUMERIC_HINTS):
        return None
    for m in _SHORT_NUMERIC_RE.finditer(text, pos, endpos):
        start = m.start()
        if start > 0 and text[start - 1] in _NUMERIC_NEIGHBOURS:
            continue
        t = _TIME_AFTER_RE.match(text, m.end())
        clock = _clock(t) if t and t["mi"] else None
        if clock is None:
            continue
        order = _numeric_order(int(m["sa"]), int(m["sb"]), m["ssep"], dayfirst,
                               us=clock[3] in US_TZ)
        yy = int(m["sy"])
        year = yy + (2000 if yy < 70 else 1900)
        if order is None or not _valid(year, *order):
            continue
        return _finish(year, order[0], order[1], start, t.end(), clock)
    return None


def _year_last(text: str, pos: int, ys: int, ye: int,
               dayfirst: bool | None) -> DateMatch | None:
    """A date ending with the year at ``ys:ye`` ("4 July, 2024"), if any."""
    before = text[max(0, ys - _LEAD_WINDOW):ys][::-1]
    m = _YEAR_LAST_REV_RE.match(before)
    if m is None or ys - m.end() < pos:
        return None
    kind = m.lastgroup
    if kind == "num":
        if _NUM_TAIL_RE.match(text, ye):
            return None
        end = ye
    else:
        end = _YEAR_SUFFIX_RE.match(text, ye).end()
    clock = _embedded_clock(m) if kind == "mty" else None
    return _build(text, m, ys - m.end(), end, pos, dayfirst, int(text[ys:ye]), clock)


def _embedded_clock(m: re.Match) -> Clock | None:
    """The clock time written between day and year (groups are reversed text)."""
    h, mi, s = ([int(p) for p in m["xt"][::-1].split(":")] + [0])[:3]
    if h > 23 or mi > 59 or s > 59:
        return None
    zone = m["xz"][::-1] if m["xz"] else None
    return h, mi, s, zone, TZ_OFFSETS.get(zone) if zone else None


def _build(text: str, m: re.Match, start: int, end: int, lo: int, dayfirst: bool | None,
           year: int | None = None, clock: Clock | None = None) -> DateMatch | None:
    """Turn a date match at ``start:end`` plus any adjacent clock time into a DateMatch."""
    if m.lastgroup == "mty":
        if clock is None:
            return None
    elif (t := _TIME_AFTER_RE.match(text, end)) and (clock := _clock(t)) is not None:
        end = t.end()
    else:
        lead = max(lo, start - _BEFORE_WINDOW)
        # the clock's hour is a digit: most text before a date has none, and the search
        # (tried at every position, anchored at the date) costs tens of microseconds
        t = _TIME_BEFORE_RE.search(text, lead, start) if _ANY_DIGIT_RE.search(
            text, lead, start) else None
        clock = _clock(t, strict=True) if t else None
        if clock is not None:
            start = t.start("ap0") if t["ap0"] else t.start("h")
    zone = clock[3] if clock else None
    ymd = _ymd(m, year, dayfirst, us=zone in US_TZ)
    if ymd is None:
        return None
    return _finish(*ymd, start, end, clock)


def _finish(y: int, mo: int, d: int, start: int, end: int, clock: Clock | None) -> DateMatch:
    """The DateMatch for a valid date and optional clock time."""
    if clock is None:
        return DateMatch(f"{y:04d}-{mo:02d}-{d:02d}", start, end, False)
    h, mi, s, zone_name, offset = clock
    if zone_name in US_GENERIC_TZ:
        offset = US_GENERIC_TZ[zone_name] + (60 if _us_dst(y, mo, d) else 0)
    iso = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}" + _fmt_offset(offset)
    return DateMatch(iso, start, end, True)


def _ymd(m: re.Match, year: int | None, dayfirst: bool | None,
         us: bool) -> tuple[int, int, int] | None:
    """(year, month, day) from whichever date form matched, if valid.

    ``year`` is given for the year-last forms, whose groups are reversed text.
    """
    kind = m.lastgroup
    if kind == "ymd":
        y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
    elif kind == "cjk":
        y, mo, d = int(m["cy"]), int(m["cm"]), int(m["cd"])
    elif kind == "ydm":
        y, mo, d = int(m["ry"]), MONTHS[_month_key(m["rm"])], int(m["rd"])
    elif kind == "num":
        order = _numeric_order(int(m["na"][::-1]), int(m["nb"][::-1]), m["nsep"],
                               dayfirst, us)
        if order is None:
            return None
        y, mo, d = year, *order
    elif kind == "dmy":
        y, mo, d = year, MONTHS[_month_key(m["tm"][::-1])], int(m["td"][::-1])
    elif kind == "mdy":
        y, mo, d = year, MONTHS[_month_key(m["um"][::-1])], int(m["ud"][::-1])
    else:
        y, mo, d = year, MONTHS[_month_key(m["xm"][::-1])], int(m["xd"][::-1])
    return (y, mo, d) if _valid(y, mo, d) else None


def _numeric_order(a: int, b: int, sep: str, dayfirst: bool | None,
                   us: bool) -> tuple[int, int] | None:
    """(month, day) for ``a SEP b SEP year``; see the module docstring for the rule."""
    if a > 12 and b > 12:
        return None
    if a > 12:
        return b, a
    if b > 12:
        return a, b
    if dayfirst is None:
        dayfirst = "." in sep or not us
    return (b, a) if dayfirst else (a, b)


def _valid(y: int, mo: int, d: int) -> bool:
    if not YEAR_MIN <= y <= YEAR_MAX or not 1 <= mo <= 12 or d < 1:
        return False
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def _clock(t: re.Match, strict: bool = False) -> Clock | None:
    """(hour, minute, second, zone name, offset minutes) from a time match.

    A bare hour needs am/pm or a CJK hour mark; a clock time before the date
    (``strict``) needs minutes or am/pm; "0339" without a separator needs a zone.
    """
    h = int(t["h"])
    mi, s = t["mi"], t["s"]
    marker = (t["ap"] or t["ap0"] or "").lower().replace(" ", "")
    if mi is None and not marker and not (t["hmark"] and not strict):
        return None
    zone, offset = _zone(t)
    if mi is not None and not t["hsep"] and (len(t["h"]) != 2 or zone is None):
        return None
    if marker and h <= 12:       # "17:19 PM" is a 24-hour time with a stray marker
        if h == 0:
            return None
        h = h % 12 + (12 if marker.rstrip(".") in PM_MARKERS else 0)
    if h > 23:
        return None
    return h, int(mi or 0), int(s or 0), zone, offset


def _zone(t: re.Match) -> tuple[str | None, int | None]:
    """(zone name, offset minutes) named after a clock time; (None, None) if none."""
    name = t["za"] or (t["zl"] or "").upper()
    if name:
        return name, TZ_OFFSETS.get(name)
    if t["zz"]:
        return "Z", 0
    raw = t["zo"] or t["zn"]
    if raw:
        offset = _parse_offset(raw)
        return ("+" if offset is not None else None), offset
    return None, None


def _parse_offset(raw: str) -> int | None:
    """Minutes east of UTC for '+0300', '-05:00', '+2', '+5:30'."""
    raw = raw.replace("−", "-").replace(" ", "")
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 14 or minutes > 59:
        return None
    return sign * (hours * 60 + minutes)


def _fmt_offset(minutes: int | None) -> str:
    if minutes is None:
        return ""
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def _us_dst(y: int, mo: int, d: int) -> bool:
    """US daylight saving on this calendar day (2007+ rules; 1987-2006 before)."""
    if y >= 2007:
        begin, end = _nth_sunday(y, 3, 2), _nth_sunday(y, 11, 1)
    else:
        begin, end = _nth_sunday(y, 4, 1), _last_sunday(y, 10)
    return begin <= date(y, mo, d) < end


def _nth_sunday(y: int, mo: int, n: int) -> date:
    first = date(y, mo, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def _last_sunday(y: int, mo: int) -> date:
    last = date(y, mo + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _iso_from_match(m: re.Match) -> str | None:
    parts = m.group("y", "m", "d", "h", "mi", "s")  # fixed widths: 4, then 2 digits each
    if not m.string.isascii():  # digits of other scripts, written in ASCII
        parts = tuple(p and str(int(p)).zfill(len(p)) for p in parts)
    ys, mos, ds, hs, mis, ss = parts
    y = int(ys)
    if y < ISO_YEAR_MIN or y > YEAR_MAX:
        return None
    try:
        date(y, int(mos), int(ds))
    except ValueError:
        return None
    # the digits are kept as written (``int`` and ``:02d`` cost most of a parse); same-width
    # digit strings compare as their numbers do
    day = f"{ys}-{mos}-{ds}"
    if hs is None:
        return day
    mis, ss = mis or "00", ss or "00"
    if hs > "23" or mis > "59" or ss > "59":
        return None
    tz = m["tz"]
    suffix = _zone_suffix(tz) if tz else ""
    if suffix is None:
        return None
    return f"{day}T{hs}:{mis}:{ss}{suffix}"


@lru_cache(maxsize=64)
def _zone_suffix(tz: str) -> str | None:
    """The ``+HH:MM`` for a timestamp's zone ("Z", "+0530"), None when invalid (cached:
    a handful of zones occur)."""
    offset = 0 if tz.upper() in ("Z", "UTC", "GMT") else _parse_offset(tz)
    return None if offset is None else _fmt_offset(offset)


def _from_epoch(digits: str) -> str | None:
    seconds = int(digits) / (1000 if len(digits) >= 12 else 1)
    moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    if not ISO_YEAR_MIN <= moment.year <= YEAR_MAX:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")
