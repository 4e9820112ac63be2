"""The text-dump header extractor: golden sample field by field, then one rule a test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsx.document import Document
from newsx.extractors.base import Context
from newsx.extractors.text_header import EXTRACTOR, _is_caption, extract_header, split_ticker
from newsx.record import Header

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "000_acf8eca9862cbc58.txt"

GOLDEN_TICKER = [
    "Socotra: Emirati station raises gasoline and domestic gas prices, local official calls "
    "for government intervention to end monopoly",
    "Yemen: Human rights organizations call on the Houthis to release detained UN and civil "
    "society employees",
    "Al-Jawf.. Houthi militia confiscates food and consumer goods from citizens coming from Marib",
    "In a sign of survival, the European Union appoints a new commander for its forces deployed "
    "in the Red Sea",
    "Amran: Two people killed by tribal gunmen in a conflict fueled by the Houthi militia",
    "UN program: 64% of Yemeni families are unable to meet their food needs",
    "Ibb.. Houthi militia rents a public street to street vendors, causing a severe traffic "
    "crisis south of the city",
]

PROSE = (
    "The city council voted on Tuesday to expand the bus network, adding twelve routes that "
    "will serve neighbourhoods that have waited years for a reliable connection to the centre."
)
PROSE2 = (
    "Officials said the first new routes would open in the spring, and that fares would stay "
    "the same for at least two years while the network grows and ridership is measured."
)


def header_of(text: str) -> Header:
    doc = Document(source="t.txt", format="text", text=text)
    result = extract_header(doc, Context())
    assert isinstance(result, Header)
    return result


def dump(*lines: str) -> str:
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def golden() -> Header:
    return header_of(SAMPLE.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- golden sample


def test_golden_title(golden: Header) -> None:
    second_line = SAMPLE.read_text(encoding="utf-8").splitlines()[1]
    assert golden.title == second_line


def test_golden_ticker(golden: Header) -> None:
    assert golden.ticker == GOLDEN_TICKER


def test_golden_section(golden: Header) -> None:
    assert golden.section == "World"


def test_golden_published(golden: Header) -> None:
    assert golden.published == "2024-07-04T21:28:00"


def test_golden_language(golden: Header) -> None:
    assert golden.language == "en"


def test_golden_authors(golden: Header) -> None:
    assert golden.authors == []


def test_extractor_value() -> None:
    assert EXTRACTOR.name == "text-header"
    assert EXTRACTOR.block == "header"
    assert EXTRACTOR.formats == frozenset({"text"})


# --------------------------------------------------------------------------- ticker


def test_split_ticker_kicker_colon_and_dots() -> None:
    line = (
        "Paris: Museum reopens its east wing after two years of repairs "
        "Lyon.. Police close the old bridge to traffic for the festival weekend "
        "Nice: Storm damages dozens of boats moored in the harbour overnight"
    )
    assert split_ticker(line) == [
        "Paris: Museum reopens its east wing after two years of repairs",
        "Lyon.. Police close the old bridge to traffic for the festival weekend",
        "Nice: Storm damages dozens of boats moored in the harbour overnight",
    ]


def test_split_ticker_sentence_case_starter() -> None:
    line = (
        "Farmers warn of poor harvest after dry summer in the south "
        "In a surprise move, the central bank cuts rates by half a point "
        "Rail strike: Unions call a second walkout for next week"
    )
    items = split_ticker(line)
    assert items[1] == "In a surprise move, the central bank cuts rates by half a point"
    assert len(items) == 3


def test_split_ticker_teasers_dropped() -> None:
    line = (
        "Court orders new audit of city budget CHICAGO: A federal judge on Monday ordered a "
        "fresh audit of the budget after... Storm knocks out power to thousands NEW YORK: "
        "More than 40,000 homes were left without power when a storm hit the... "
        "Mayor signs housing bill into law BOSTON: The mayor signed the bill on Friday..."
    )
    assert split_ticker(line) == [
        "Court orders new audit of city budget",
        "Storm knocks out power to thousands",
        "Mayor signs housing bill into law",
    ]


def test_ticker_line_above_headline() -> None:
    ticker = (
        "- Paris: Museum reopens its east wing after two years of repairs "
        "Lyon.. Police close the old bridge to traffic for the festival weekend "
        "Nice: Storm damages dozens of boats moored in the harbour overnight"
    )
    h = header_of(dump(ticker, "City expands bus network with twelve new routes",
                       "March 3, 2021", PROSE, PROSE2))
    assert h.title == "City expands bus network with twelve new routes"
    assert len(h.ticker) == 3


def test_breaking_news_list_above_headline() -> None:
    h = header_of(dump(
        "Menu", "Breaking News", "Fire crews battle blaze at downtown warehouse",
        "City expands bus network with twelve new routes", "March 3, 2021", PROSE, PROSE2,
    ))
    assert h.ticker == ["Fire crews battle blaze at downtown warehouse"]
    assert h.title == "City expands bus network with twelve new routes"


def test_no_ticker_for_ordinary_lines() -> None:
    h = header_of(dump(
        "Home", "News", "City expands bus network with twelve new routes",
        "By Jane Smith", "March 3, 2021", PROSE, PROSE2,
    ))
    assert h.ticker == []


# --------------------------------------------------------------------------- title


def test_title_skips_menu_and_byline() -> None:
    h = header_of(dump(
        "Skip to main content", "Home", "Business", "Search",
        "City expands bus network with twelve new routes",
        "By Jane Smith", "Updated March 4, 2021", PROSE, PROSE2,
    ))
    assert h.title == "City expands bus network with twelve new routes"


def test_title_not_a_subhead_inside_the_article() -> None:
    h = header_of(dump(
        "City expands bus network with twelve new routes", "March 3, 2021",
        PROSE, PROSE2, "What happens next for riders", PROSE, PROSE2,
    ))
    assert h.title == "City expands bus network with twelve new routes"


#: Photo captions as long as a paragraph: an agency's weekday-and-full-date style, and a
#: credit; a text browser joins each to the promo headline printed after it.
CAPTIONS = [
    "Supporters cheer as the mayor speaks during a rally at the central bus depot, Tuesday, "
    "Nov. 19, 2019, in Springfield, Ill. Mayor promises a faster commute for everyone",
    "Supporters cheer as the mayor speaks during a rally at the central bus depot in the old "
    "town. The mayor promised a faster commute for everyone. (AP Photo/Jane Doe)",
]


@pytest.mark.parametrize("caption", CAPTIONS)
def test_caption_is_not_the_article_beginning(caption: str) -> None:
    """A caption is shaped like a paragraph: a promo list above it must not look like a
    headline over prose, nor the real headline under it like a subhead inside the article."""
    h = header_of(dump(
        "Jobs", "Three ways to get your resume into shape",
        "How disappointments can boost your career", "Classifieds", "Local services", "Menu",
        "Breaking news", caption, "City expands bus network with twelve new routes",
        "Updated 3:27 am PST, Wednesday, November 20, 2019", *["Share"] * 8, PROSE, PROSE2,
    ))
    assert h.title == "City expands bus network with twelve new routes"
    assert h.modified == "2019-11-20T03:27:00-08:00"


@pytest.mark.parametrize("caption", CAPTIONS)
def test_caption_above_promo_lines_lends_them_no_dateline(caption: str) -> None:
    """A dateline under a caption belongs to the headline under the caption."""
    h = header_of(dump(
        "Jobs", "Three ways to get your resume into shape",
        "How disappointments can boost your career", "Classifieds", "Menu", caption,
        "City expands bus network with twelve new routes",
        "Updated 3:27 am PST, Wednesday, November 20, 2019", *["Share"] * 8, PROSE, PROSE2,
    ))
    assert h.title == "City expands bus network with twelve new routes"


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        (CAPTIONS[0], True),
        (CAPTIONS[1], True),
        ("FILE PHOTO: Traders work on the floor of the stock exchange in New York, U.S.", True),
        ("The mayor speaks to reporters at city hall. Photograph: Jane Doe/Getty Images", True),
        ("A rocket lifts off from the launch pad. Credit: REUTERS/Jane Doe", True),
        # Prose may name a weekday, a date and photos; only the caption signs count.
        ("The council met on Tuesday, and on Nov. 19, 2019, it released the first photos of "
         "the new buses to the press.", False),
        ("NEW YORK (Reuters) - Oil prices fell sharply on Tuesday on oversupply concerns.", False),
        ("Photos of the gala were shared widely, and the credit for the idea went to the mayor.",
         False),
    ],
)
def test_caption_signs(text: str, caption: bool) -> None:
    assert _is_caption(text) is caption


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("line", "published", "section"),
    [
        ("World| 4 July, 2024 - 9:28 PM", "2024-07-04T21:28:00", "World"),
        ("Business | 3 Feb, 2025", "2025-02-03", "Business"),
        ("NOVEMBER 20, 2019 10:43", "2019-11-20T10:43:00", None),
        ("2019-11-20", "2019-11-20", None),
        ("Published 11:34 PM EST Nov 19, 2019", "2019-11-19", None),
    ],
)
def test_dateline_forms(line: str, published: str, section: str | None) -> None:
    h = header_of(dump("Home", "City expands bus network with twelve new routes", line,
                       PROSE, PROSE2))
    assert h.published is not None
    assert h.published.startswith(published)
    assert h.section == section


def test_updated_line_is_modified() -> None:
    h = header_of(dump(
        "City expands bus network with twelve new routes",
        "Published March 3, 2021 | Updated March 5, 2021", PROSE, PROSE2,
    ))
    assert h.published == "2021-03-03"
    assert h.modified == "2021-03-05"


def test_updated_only_is_both_published_and_modified() -> None:
    """The stamp is the page's modification date, and the best publication date there is."""
    h = header_of(dump(
        "City expands bus network with twelve new routes",
        "Updated 1:39 am EST, Wednesday, November 20, 2019", PROSE, PROSE2,
    ))
    assert h.published is not None and h.published.startswith("2019-11-20T01:39")
    assert h.modified == h.published


def test_kicker_line_is_section() -> None:
    h = header_of(dump("Menu", "Transport", "City expands bus network with twelve new routes",
                       "March 3, 2021", PROSE, PROSE2))
    assert h.section == "Transport"


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Jane Smith", ["Jane Smith"]),
        ("By Jane Smith and Tom Brown", ["Jane Smith", "Tom Brown"]),
        ("By JANE SMITH", ["Jane Smith"]),
        ("By Jane Smith, Staff Writer", ["Jane Smith"]),
        ("By Jill Disis, CNN Business", ["Jill Disis"]),
        ("Tom Krisher, AP Auto Writer", ["Tom Krisher"]),
        ("Tom Davies Associated Press", ["Tom Davies"]),
        ("Meg Kinnard and Errin Haines, Associated Press", ["Meg Kinnard", "Errin Haines"]),
        ("Por María García", ["María García"]),
        ("Von Moritz Bachmann publiziert am 25. September 2018", ["Moritz Bachmann"]),
        ("Par Jean Dupont", ["Jean Dupont"]),
        ("Di Marco Rossi", ["Marco Rossi"]),
        ("Автор: Иван Петров", ["Иван Петров"]),
        ("By Reuters", []),
        ("Associated Press", []),
        ("By JERUSALEM POST STAFF", []),
    ],
)
def test_byline_forms(byline: str, authors: list[str]) -> None:
    h = header_of(dump("City expands bus network with twelve new routes", byline,
                       "March 3, 2021", PROSE, PROSE2))
    assert h.authors == authors


def test_byline_inside_dateline() -> None:
    h = header_of(dump("City expands bus network with twelve new routes",
                       "Monday March 1, 2021 7:45 am PST by Joe Rossignol", PROSE, PROSE2))
    assert h.authors == ["Joe Rossignol"]
    assert h.published is not None and h.published.startswith("2021-03-01")


def test_menu_words_are_not_authors() -> None:
    h = header_of(dump("City expands bus network with twelve new routes", "Back to Gallery",
                       "Account Settings", PROSE, PROSE2))
    assert h.authors == []


# --------------------------------------------------------------------------- language


def test_language_of_prose() -> None:
    text = dump(
        "Il consiglio comunale amplia la rete degli autobus",
        "3 marzo 2021",
        "Il consiglio comunale ha votato martedì per ampliare la rete degli autobus, "
        "aggiungendo dodici linee che serviranno quartieri che aspettano da anni un "
        "collegamento affidabile con il centro della città.",
        "I funzionari hanno detto che le prime linee apriranno in primavera e che le tariffe "
        "resteranno invariate per almeno due anni mentre la rete cresce.",
    )
    assert header_of(text).language == "it"


# --------------------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    result = extract_header(Document(source="x.txt", format="text", text=text), Context())
    assert result is None or isinstance(result, Header)
    if result is not None:
        assert result.title is None or isinstance(result.title, str)
        assert isinstance(result.authors, list)
        assert all(isinstance(a, str) and a for a in result.authors)
        assert all(isinstance(t, str) and t for t in result.ticker)


line_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(line_text, st.sampled_from(
    [PROSE, "By Jane Smith", "World| 4 July, 2024 - 9:28 PM", "Related News", "Home"]
)), max_size=30))
def test_never_crashes_on_dump_shaped_text(lines: list[str]) -> None:
    result = extract_header(Document(source="x.txt", format="text", text="\n".join(lines)),
                            Context())
    assert result is None or isinstance(result, Header)
