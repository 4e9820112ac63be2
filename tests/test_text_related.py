"""The text-dump related-items extractor: golden sample, list shapes, menus, robustness."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsx.document import Document
from newsx.extractors.base import Context
from newsx.extractors.text_related import EXTRACTOR, extract_related
from newsx.record import Header, RelatedItem

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "000_acf8eca9862cbc58.txt"

PROSE = (
    "The city council voted on Tuesday to expand the bus network, adding twelve routes that "
    "will serve neighbourhoods that have waited years for a reliable connection to the centre."
)


def related(text: str, title: str | None = None) -> list[RelatedItem]:
    doc = Document(source="t.txt", format="text", text=text)
    result = extract_related(doc, Context(header=Header(title=title)))
    assert result is None or isinstance(result, list)
    return result or []


def dump(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def titles(items: list[RelatedItem]) -> list[str]:
    return [i.title for i in items]


# --------------------------------------------------------------------------- golden sample


@pytest.fixture(scope="module")
def golden() -> list[RelatedItem]:
    return related(SAMPLE.read_text(encoding="utf-8"))


def test_golden_count(golden: list[RelatedItem]) -> None:
    assert len(golden) == 6


def test_golden_first_item(golden: list[RelatedItem]) -> None:
    assert golden[0] == RelatedItem(
        title="Trump: No guarantees Gaza ceasefire will hold", url=None,
        section="Arab", published="2025-02-03",
    )


def test_golden_order_and_meta(golden: list[RelatedItem]) -> None:
    assert golden[1].title == (
        "After Trump's decision to freeze funding, dozens of USAID employees dismissed"
    )
    assert (golden[1].section, golden[1].published) == ("World", "2025-02-03")
    assert golden[-1].title == (
        "Trump signs executive order to deport college students who protested against Israel"
    )
    assert (golden[-1].section, golden[-1].published) == ("World", "2025-01-30")


def test_golden_urls_are_none(golden: list[RelatedItem]) -> None:
    assert all(item.url is None for item in golden)


def test_extractor_value() -> None:
    assert EXTRACTOR.name == "text-related"
    assert EXTRACTOR.block == "related"
    assert EXTRACTOR.formats == frozenset({"text"})


# --------------------------------------------------------------------------- list shapes


def test_plain_list_under_heading_ends_at_footer() -> None:
    items = related(dump(
        PROSE, "Most Read",
        "Council approves budget for new library branch",
        "Storm knocks out power to thousands of homes",
        "Local bakery wins national bread award",
        "© 2024 The Daily Example. All rights reserved.",
        "Mayor signs housing bill into law after long debate",
    ))
    assert titles(items) == [
        "Council approves budget for new library branch",
        "Storm knocks out power to thousands of homes",
        "Local bakery wins national bread award",
    ]


def test_dates_after_items() -> None:
    items = related(dump(
        "More on this story",
        "Taylor Swift wants to re-record her old hits", "22 August 2019",
        "The Swift and Braun row explained", "1 July 2019",
    ))
    assert [(i.title, i.published) for i in items] == [
        ("Taylor Swift wants to re-record her old hits", "2019-08-22"),
        ("The Swift and Braun row explained", "2019-07-01"),
    ]


def test_teasers_are_skipped_and_prose_ends_the_list() -> None:
    items = related(dump(
        "Related Articles",
        "Council approves budget for new library branch",
        "The new branch will open next year and hold forty thousand books, officials said.",
        "Storm knocks out power to thousands of homes",
        PROSE, PROSE,
        "This line after the article is not a related item at all",
    ))
    assert titles(items) == [
        "Council approves budget for new library branch",
        "Storm knocks out power to thousands of homes",
    ]


def test_other_language_headings() -> None:
    items = related(dump(
        PROSE, "Leggi anche",
        "Il consiglio comunale approva il bilancio della biblioteca",
        "Tempesta lascia senza corrente migliaia di famiglie",
        PROSE,
    ))
    assert len(items) == 2
    japanese = related(dump("関連記事", "「あずきバー」事件 －商標の判決シリーズ"))
    assert japanese[0].title.startswith("「")


def test_inline_read_also_link() -> None:
    items = related(dump(PROSE, "Read also: Council approves budget for new library branch",
                         PROSE))
    assert titles(items) == ["Council approves budget for new library branch"]


@pytest.mark.parametrize("label", ["Mehr zum Thema", "Czytaj także", "Lees ook", "関連記事"])
def test_inline_labels_are_the_html_extractors_labels(label: str) -> None:
    """One vocabulary (``newsx.related_vocab``) for both formats: a label the HTML
    extractor knows is known in a text dump too."""
    items = related(dump(PROSE, f"{label}: Council approves budget for new library branch",
                         PROSE))
    assert titles(items) == ["Council approves budget for new library branch"]


def test_own_title_and_duplicates_dropped() -> None:
    items = related(dump(
        "Popular",
        "City expands bus network with twelve new routes",
        "Council approves budget for new library branch",
        "Latest news",
        "Council approves budget for new library branch",
        "Storm knocks out power to thousands of homes",
    ), title="City expands bus network with twelve new routes")
    assert titles(items) == [
        "Council approves budget for new library branch",
        "Storm knocks out power to thousands of homes",
    ]


# --------------------------------------------------------------------------- not related


def test_navigation_menu_is_not_related() -> None:
    assert related(dump(
        "Home", "World", "Business", "Technology", "Sport", "Culture", "Opinion",
        "Council approves budget for new library branch", PROSE,
    )) == []


def test_topic_strip_under_trending_is_not_related() -> None:
    assert related(dump("Trending", "Brexit", "Climate", "Royal Family", "World Cup", PROSE)) == []


def test_share_buttons_after_heading_are_not_related() -> None:
    assert related(dump("Related", "Share on Facebook", "Share on Twitter", "Email", PROSE)) == []


@pytest.mark.parametrize(
    "heading",
    ["Related News", "Related", "Read more", "Read also:", "More from Reuters", "More stories",
     "You may also like", "Most read", "Most Popular", "Recommended", "Trending", "Latest news",
     "Top stories in Nation", "Don't miss", "Editor's picks", "Leia também", "Leggi anche",
     "Lesen Sie auch", "Читайте также", "Lire aussi", "À lire aussi", "I più letti",
     "Baca juga", "関連記事", "관련기사"],
)
def test_heading_table(heading: str) -> None:
    """Every heading passes the cheap first-word filter and opens a list."""
    items = related(dump(
        PROSE, heading,
        "Council approves budget for new library branch",
        "Storm knocks out power to thousands of homes",
        "Local bakery wins national bread award",
    ))
    assert len(items) == 3


# --------------------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    out = extract_related(Document(source="x.txt", format="text", text=text), Context())
    assert out is None or all(isinstance(i, RelatedItem) and i.title for i in out)


line_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(line_text, st.sampled_from(
    ["Related News", "Arab | 3 Feb, 2025", "Most read", "22 August 2019", PROSE,
     "Council approves budget for new library branch"]
)), max_size=30))
def test_never_crashes_on_dump_shaped_text(lines: list[str]) -> None:
    doc = Document(source="x.txt", format="text", text="\n".join(lines))
    out = extract_related(doc, Context(header=Header(title="Council approves budget")))
    assert out is None or all(isinstance(i, RelatedItem) and i.url is None for i in out)


def _spellings(fragment: str) -> set[str]:
    """Every text a label fragment matches, for the forms the label table uses:
    literals, ``(?:a|b)`` groups, ``[ab]`` classes, ``?`` after either, top-level ``|``."""
    out = {""}
    i = 0
    alternatives: set[str] = set()
    while i < len(fragment):
        ch = fragment[i]
        if ch == "|":
            alternatives |= out
            out, i = {""}, i + 1
            continue
        if fragment.startswith("(?:", i):
            depth, j = 0, i
            while True:
                depth += (fragment[j] == "(") - (fragment[j] == ")")
                if depth == 0:
                    break
                j += 1
            options, end = _spellings(fragment[i + 3:j]), j + 1
        elif ch == "[":
            end = fragment.index("]", i) + 1
            options = set(fragment[i + 1:end - 1])
        else:
            options, end = {ch}, i + 1
        if fragment[end:end + 1] == "?":
            options, end = options | {""}, end + 1
        out = {a + b for a in out for b in options}
        i = end
    return alternatives | out


def test_inline_first_words_cover_every_spaced_label():
    """The cheap first-word test must let every label that starts with a spaced word
    through (CJK and Hangul labels go straight to the pattern)."""
    from newsx.extractors.text_related import _CJK
    from newsx.related_vocab import INLINE_FIRST_WORDS, INLINE_LABELS, INLINE_RE

    for label in INLINE_LABELS:
        for spelling in _spellings(label):
            assert INLINE_RE.match(spelling + ": x"), spelling
            first = spelling.split()[0].casefold()
            assert first in INLINE_FIRST_WORDS or _CJK.match(first), spelling
