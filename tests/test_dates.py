"""Tests for newsx.dates: datelines in many languages -> ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsx.dates import (
    MONTH_NAMES,
    MONTHS,
    DateMatch,
    _month_key,
    find_dates,
    parse_date,
    parse_iso,
    search_date,
)

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?$")

# --- whole-string dates --------------------------------------------------------------

PARSE_CASES = [
    # English
    ("4 July, 2024 - 9:28 PM", "2024-07-04T21:28:00"),
    ("3 Feb, 2025", "2025-02-03"),
    ("Published 11:34 PM EST Nov 19, 2019", "2019-11-19T23:34:00-05:00"),
    ("NOVEMBER 20, 2019 10:43", "2019-11-20T10:43:00"),
    ("Nov. 19, 2019 8:03 am ET", "2019-11-19T08:03:00-05:00"),
    ("July 4, 2019 10:00 ET", "2019-07-04T10:00:00-04:00"),          # ET in summer = EDT
    ("Tuesday 19 November 2019 15.30 GMT", "2019-11-19T15:30:00+00:00"),
    ("Updated: Nov 20, 2019 at 10:43 a.m.", "2019-11-20T10:43:00"),
    ("Updated 1:39 am EST, Wednesday, November 20, 2019", "2019-11-20T01:39:00-05:00"),
    ("Published: Monday, November 18th, 2019 at 11:08 a.m.", "2019-11-18T11:08:00"),
    ("Nov 20 2019, 11:06am ist", "2019-11-20T11:06:00+05:30"),
    ("Nov 18, 2019 @17:19 PM", "2019-11-18T17:19:00"),
    ("Updated 0339 GMT (1139 HKT) November 19, 2019", "2019-11-19T03:39:00+00:00"),
    ("Tue Nov 19 2019 03:05:46 GMT+0000", "2019-11-19T03:05:46+00:00"),
    ("19 Nov 2019 08:03:00 +0300", "2019-11-19T08:03:00+03:00"),
    ("20 Nov 2019 10:43 GMT+2", "2019-11-20T10:43:00+02:00"),
    ("12:30 AM, Nov 20, 2019", "2019-11-20T00:30:00"),
    ("Nov 20, 2019 12:00 PM", "2019-11-20T12:00:00"),
    ("Posted on November 19, 2019", "2019-11-19"),
    ("Wed, Nov 20, 2019", "2019-11-20"),
    ("4th of July 2024", "2024-07-04"),
    ("18 NOV 2019", "2019-11-18"),
    ("04-Jul-2024", "2024-07-04"),
    # ISO and numeric
    ("2019-11-20", "2019-11-20"),
    ("2019-11-19T13:03:00Z", "2019-11-19T13:03:00+00:00"),
    ("2019-11-20 17:27:46", "2019-11-20T17:27:46"),
    ("19/11/2019", "2019-11-19"),
    ("11/19/2019", "2019-11-19"),
    ("05/06/2019", "2019-06-05"),                    # ambiguous: day-first by default
    ("05/06/2019 10:00 ET", "2019-05-06T10:00:00-04:00"),  # a US zone means month-first
    ("11.14.2019 09:00 AM", "2019-11-14T09:00:00"),  # 14 can only be the day
    ("2019.11.20", "2019-11-20"),
    ("13.11.2019, 23:06", "2019-11-13T23:06:00"),
    # German
    ("19.11.2019 um 14:30 Uhr", "2019-11-19T14:30:00"),
    ("20. November 2019", "2019-11-20"),
    ("Mittwoch, 20. November 2019", "2019-11-20"),
    ("20. März 2019", "2019-03-20"),
    ("Veröffentlicht am 3. Okt. 2019", "2019-10-03"),
    # French
    ("20 novembre 2019", "2019-11-20"),
    ("mercredi 20 novembre 2019 à 10h43", "2019-11-20T10:43:00"),
    ("Publié le 1er février 2020 à 8h", "2020-02-01T08:00:00"),
    ("3 déc. 2019", "2019-12-03"),
    # Spanish, Portuguese, Italian, Catalan, Dutch
    ("20 de noviembre de 2019", "2019-11-20"),
    ("1º de noviembre de 2019", "2019-11-01"),
    ("20 de novembro de 2019", "2019-11-20"),
    ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13:00"),
    ("02 Ago 2017", "2017-08-02"),
    ("20 novembre 2019 alle 10:43", "2019-11-20T10:43:00"),
    ("3 settembre 2019", "2019-09-03"),
    ("20 d'octubre de 2019", "2019-10-20"),
    ("20 november 2019 om 10:43", "2019-11-20T10:43:00"),
    ("5 mrt. 2019", "2019-03-05"),
    # Russian, Ukrainian, Polish, Czech
    ("20 ноября 2019, 10:43", "2019-11-20T10:43:00"),
    ("20 ноября 2019 г. в 10:43", "2019-11-20T10:43:00"),
    ("Текст: Лида Буслаева·11 октября 2018", None),   # a name is not a label
    ("1 січня 2020", "2020-01-01"),
    ("20 listopada 2019", "2019-11-20"),
    ("20. listopadu 2019", "2019-11-20"),
    # Arabic (Egyptian and Levantine names, Arabic-Indic digits)
    ("20 نوفمبر 2019", "2019-11-20"),
    ("٢٠ نوفمبر ٢٠١٩", "2019-11-20"),
    ("20 تشرين الثاني 2019", "2019-11-20"),
    ("20 تشرين الثاني/نوفمبر 2019", "2019-11-20"),
    ("الأربعاء 1 كانون الثاني 2020", "2020-01-01"),
    ("15 أغسطس 2019 10:43 م", "2019-08-15T22:43:00"),
    # Indonesian, Turkish
    ("20 Nopember 2019", "2019-11-20"),
    ("Senin, 18 November 2019 pukul 10.43 WIB", "2019-11-18T10:43:00+07:00"),
    ("Posted on Maret 30, 2015", "2015-03-30"),
    ("20 Kasım 2019", "2019-11-20"),
    ("20 KASIM 2019 Çarşamba", "2019-11-20"),
    ("1 Şubat 2020", "2020-02-01"),
    # more languages in the tables
    ("Pubblicato il 20 novembre 2019 alle ore 10:43", "2019-11-20T10:43:00"),
    ("20. listopadu 2019 v 10:43", "2019-11-20T10:43:00"),
    ("20 listopada 2019 o godz. 10:43", "2019-11-20T10:43:00"),
    ("Yayınlanma: 20 Kasım 2019 Çarşamba 10:43", "2019-11-20T10:43:00"),
    ("2019. november 20.", "2019-11-20"),
    ("20 Νοεμβρίου 2019", "2019-11-20"),
    ("20 marraskuuta 2019", "2019-11-20"),
    ("20 noiembrie 2019", "2019-11-20"),
    ("20 november 2019 kl. 10:43", "2019-11-20T10:43:00"),
    ("2019 Nov 20", "2019-11-20"),
    # machine-ish strings people paste into pages
    ("Tue Nov 19 21:57:01 UTC 2019", "2019-11-19T21:57:01+00:00"),
    ("November 20 15:23 2019", "2019-11-20T15:23:00"),
    ("Thu Jul 20 2017 15:40:55 GMT+0000 (UTC)", "2017-07-20T15:40:55+00:00"),
    # two-digit years only with a clock time
    ("20.11.19, 10:43 Uhr", "2019-11-20T10:43:00"),
    ("11/19/19 10:43 AM ET", "2019-11-19T10:43:00-05:00"),
    ("20.11.19", None),
    # Japanese, Chinese, Korean
    ("2019年11月20日 10時43分", "2019-11-20T10:43:00"),
    ("2019年11月20日", "2019-11-20"),
    ("2019年11月20日(水) 10:43", "2019-11-20T10:43:00"),
    ("2019년 11월 20일", "2019-11-20"),
    ("2019.11.20 10:43", "2019-11-20T10:43:00"),
    ("2019. 11. 20. 오후 3:20", "2019-11-20T15:20:00"),
    ("기사입력 :[ 2018-08-25 15:24 ]", "2018-08-25T15:24:00"),
    # not dates
    ("2 hours ago", None),
    ("yesterday", None),
    ("10:43", None),
    ("November 2019", None),
    ("Nov 19", None),
    ("version 1.2.3", None),
    ("call 202-555-0143", None),
    ("$1,299.00", None),
    ("30 Feb 2019", None),
    ("29 Feb 2019", None),
    ("13/13/2019", None),
    ("2019-13-01", None),
    ("12 May 1850", None),                           # outside 1990..2100
    ("4 July 2024 and 5 July 2024", None),           # two dates
    ("World| 4 July, 2024 - 9:28 PM", None),         # "World" is not a label
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_leap_day_and_month_ends() -> None:
    assert parse_date("29 Feb 2020") == "2020-02-29"
    assert parse_date("31 April 2020") is None
    assert parse_date("31/12/2099") == "2099-12-31"


@pytest.mark.parametrize(("text", "dayfirst", "expected"), [
    ("05/06/2019", True, "2019-06-05"),
    ("05/06/2019", False, "2019-05-06"),
    ("05/06/2019", None, "2019-06-05"),
    ("13/06/2019", False, "2019-06-13"),   # a part above 12 wins over dayfirst
    ("06/13/2019", True, "2019-06-13"),
])
def test_dayfirst(text: str, dayfirst: bool | None, expected: str) -> None:
    assert parse_date(text, dayfirst=dayfirst) == expected


# --- dates inside longer lines -------------------------------------------------------

SEARCH_CASES = [
    ("World| 4 July, 2024 - 9:28 PM", "2024-07-04T21:28:00", "4 July, 2024 - 9:28 PM"),
    ("By Jane Doe | Published 11:34 PM EST Nov 19, 2019", "2019-11-19T23:34:00-05:00",
     "11:34 PM EST Nov 19, 2019"),
    ("Chris Davies - Nov 19, 2019, 10:31 pm CST", "2019-11-19T22:31:00-06:00",
     "Nov 19, 2019, 10:31 pm CST"),
    ("By Jason Cipriani | November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: Hardware",
     "2019-11-18T19:14:00+00:00", "November 18, 2019 -- 19:14 GMT"),
    ("Tanza Loudenback, Business Insider 13.11.2019, 23:06", "2019-11-13T23:06:00",
     "13.11.2019, 23:06"),
    ("By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy", "2019-11-18T20:51:19+00:00",
     "2019-11-18T20:51:19Z"),
    ("05/10/2018 - Publicado por: Clarissa Borba", "2018-10-05", "05/10/2018"),
    ("5:45 AM PST 11/19/2019 by Patrick Shanley", "2019-11-19T05:45:00-08:00",
     "5:45 AM PST 11/19/2019"),
    ("Von Moritz Bachmann publiziert am 25. September 2018", "2018-09-25",
     "25. September 2018"),
    ("20 November 2019 2100 people", "2019-11-20", "20 November 2019"),
    ("The company said 2,500 workers would go by 2019 or so.", None, None),
    ("Roughly 13,000 US troops remain; 18 years", None, None),
    ("Kazakhstan beat the Netherlands 2-1 in 2019", None, None),
    ("IP 192.168.20.2019 and v1.2.2019", None, None),
    ("Share this article on Facebook Twitter WhatsApp Email Print", None, None),
]


@pytest.mark.parametrize(("line", "expected", "span_text"), SEARCH_CASES)
def test_search_date(line: str, expected: str | None, span_text: str | None) -> None:
    found = search_date(line)
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert found.iso == expected
    assert line[found.start:found.end] == span_text
    assert found.has_time == ("T" in expected)


def test_find_dates_all_in_order() -> None:
    line = "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm"
    assert [m.iso for m in find_dates(line)] == ["2019-11-19T20:59:00", "2019-11-19T22:16:00"]
    line = "Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019"
    assert [m.iso for m in find_dates(line)] == [
        "2019-11-18T16:07:00", "2019-11-18T17:36:00-06:00"]
    assert find_dates("no dates here") == []


def test_short_year_does_not_steal_a_time() -> None:
    line = "21 November 2019 | 20.11.19 10:43"
    assert [m.iso for m in find_dates(line)] == ["2019-11-21", "2019-11-20T10:43:00"]


def test_long_runs_stay_linear() -> None:
    """Inputs that made earlier regex drafts backtrack for minutes."""
    pad = " " * 3000
    assert parse_date(pad + "4 July 2024" + pad + "x") is None
    assert parse_date("!" * 60 + "x 4 July 2024") is None
    assert parse_iso("2019-11-19" + pad + "x") is None
    assert len(find_dates("1/1/2019 " * 300)) == 300


def test_month_tables_cover_every_month() -> None:
    for lang, months in MONTH_NAMES.items():
        assert len(months) == 12, lang
        for number, variants in enumerate(months, start=1):
            assert {MONTHS[_month_key(v)] for v in variants.split("|")} == {number}, lang


def test_date_match_is_frozen() -> None:
    found = search_date("3 Feb, 2025")
    assert found == DateMatch("2025-02-03", 0, 11, False)
    with pytest.raises(AttributeError):
        found.iso = "x"  # type: ignore[misc]


# --- machine timestamps --------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("2019-11-19T13:03:00Z", "2019-11-19T13:03:00+00:00"),
    ("2019-11-19T08:03:00.000-0500", "2019-11-19T08:03:00-05:00"),
    ("2019-11-19T08:03:00+05:30", "2019-11-19T08:03:00+05:30"),
    ("2019-11-19T08:03", "2019-11-19T08:03:00"),
    ("2019-11-19 08:03:00", "2019-11-19T08:03:00"),
    ("20191119", "2019-11-19"),
    ("20191119T130300Z", "2019-11-19T13:03:00+00:00"),
    ("2019-11-19", "2019-11-19"),
    (" 2019-11-19T13:03:00+00:00 ", "2019-11-19T13:03:00+00:00"),
    ("1574168580", "2019-11-19T13:03:00+00:00"),
    ("1574168580000", "2019-11-19T13:03:00+00:00"),
    ("Tue, 19 Nov 2019 13:03:00 GMT", "2019-11-19T13:03:00+00:00"),
    ("0001-01-01", None),
    ("2019-02-30", None),
    ("2019-11-19T25:00:00", None),
    ("null", None),
    ("", None),
])
def test_parse_iso(value: str, expected: str | None) -> None:
    assert parse_iso(value) == expected


# --- properties ----------------------------------------------------------------------

# Our own month tables (not the module's) for the round trip.
MONTHS_BY_LANG = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "en3": ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.",
            "Nov.", "Dec."],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"],
    "tr": ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos",
           "Eylül", "Ekim", "Kasım", "Aralık"],
}

STYLES = {
    "dmy": lambda d, name: f"{d.day} {name} {d.year}",
    "mdy": lambda d, name: f"{name} {d.day}, {d.year}",
    "dmy_de": lambda d, name: f"{d.day}. {name} {d.year}",
    "dmy_es": lambda d, name: f"{d.day} de {name} de {d.year}",
    "iso": lambda d, name: d.strftime("%Y-%m-%d"),
    "dots": lambda d, name: d.strftime("%d.%m.%Y"),
    "cjk": lambda d, name: f"{d.year}年{d.month}月{d.day}日",
    "kr": lambda d, name: f"{d.year}년 {d.month}월 {d.day}일",
}

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
FAST = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(dates, st.sampled_from(sorted(MONTHS_BY_LANG)), st.sampled_from(sorted(STYLES)))
def test_round_trip_date(d: date, lang: str, style: str) -> None:
    text = STYLES[style](d, MONTHS_BY_LANG[lang][d.month - 1])
    assert parse_date(text) == d.isoformat()
    found = search_date(f"Posted | {text} | News")
    assert found is not None and found.iso == d.isoformat()


@FAST
@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31)),
       st.sampled_from(sorted(MONTHS_BY_LANG)), st.booleans())
def test_round_trip_datetime(moment: datetime, lang: str, twelve_hour: bool) -> None:
    name = MONTHS_BY_LANG[lang][moment.month - 1]
    if twelve_hour:
        clock = f"{(moment.hour - 1) % 12 + 1}:{moment.minute:02d} " \
                f"{'PM' if moment.hour >= 12 else 'AM'}"
    else:
        clock = f"{moment.hour:02d}:{moment.minute:02d}"
    text = f"{moment.day} {name} {moment.year}, {clock}"
    expected = moment.replace(second=0, microsecond=0).isoformat()
    assert parse_date(text) == expected
    assert parse_date(f"{clock} {name} {moment.day}, {moment.year}") == expected


@FAST
@given(dates)
def test_round_trip_month_first(d: date) -> None:
    assert parse_date(d.strftime("%m/%d/%Y"), dayfirst=False) == d.isoformat()
    assert parse_date(d.strftime("%d/%m/%Y"), dayfirst=True) == d.isoformat()


# Text built from date-like pieces reaches deeper into the parser than random text.
PIECES = st.sampled_from([
    "2019", "1999", "2100", "20", "11", "5", "31", "0339", "12:30", "9.30", "10h43",
    "Nov", "November", "ноября", "نوفمبر", "Kasım", "de", "of", "am", "p.m.", "EST", "ET",
    "GMT+2", "+0300", "Z", "T", "年", "月", "日", "년", "월", "일", "오후", "Published",
    "Tuesday", " ", " ", ",", ".", "/", "-", "|", "(", ")", "٢٠", "١٩",
])
date_soup = st.lists(PIECES, max_size=14).map("".join)
any_text = st.one_of(st.text(max_size=80), date_soup)


def _check(iso: str) -> None:
    assert ISO.match(iso), iso
    datetime.fromisoformat(iso)


@settings(max_examples=200, deadline=None, database=None)
@given(any_text)
def test_never_raises_and_returns_iso(text: str) -> None:
    for result in (parse_date(text), parse_date(text, dayfirst=False), parse_iso(text)):
        if result is not None:
            _check(result)
    found = search_date(text)
    matches = find_dates(text)
    if found is not None:
        _check(found.iso)
        assert matches and matches[0] == found
    last_end = 0
    for m in matches:
        _check(m.iso)
        assert 0 <= last_end <= m.start < m.end <= len(text)
        last_end = m.end
