"""The text-dump splitter: one logical line per block, wrapped lines re-joined."""

from __future__ import annotations

import textwrap
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.textdump import DumpLine, DumpLines, split_dump

PARAGRAPHS = [
    "Americans have gone to the polls four times this month to vote in major, statewide "
    "races. In Virginia, they voted for control of the state Legislature; in Mississippi, "
    "Kentucky and Louisiana, they voted for control of the governor's mansion.",
    "Trump sent a similar message ahead of the Virginia elections, and the voters there "
    "answered him with a Democratic legislature for the first time in a generation, which "
    "surprised many of the people who had followed the race closely.",
    "It is true that Democrats did not run on the issue of impeachment.",
]

#: Characters the splitter may drop: list markers and the numbers of numbered items.
BULLET_CHARS = set("•·▪◦●○■□►▸‣⁃*-0123456789.)")


def _wrapped_dump(paragraphs: list[str], width: int = 80) -> str:
    """A w3m-like dump: menu lines, then paragraphs hard-wrapped, blank lines between."""
    menu = "Sections\nSEARCH\nLog In\n\n"
    return menu + "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n"


def test_compact_dump_is_one_line_per_block() -> None:
    lines = split_dump("Home\nNews\nA first paragraph.\nA second one.")
    assert [x.text for x in lines] == ["Home", "News", "A first paragraph.", "A second one."]
    assert [x.index for x in lines] == [0, 1, 2, 3]
    assert not any(x.blank_before for x in lines)


def test_innertext_blank_lines_are_noted() -> None:
    lines = split_dump("Title\n\nFirst paragraph.\n\n\nSecond paragraph.\nCaption")
    assert [(x.text, x.blank_before) for x in lines] == [
        ("Title", False),
        ("First paragraph.", True),
        ("Second paragraph.", True),
        ("Caption", False),
    ]


def test_whitespace_is_collapsed_and_crlf_handled() -> None:
    lines = split_dump("  two\tcells \xa0 here  \r\nnext\r\n")
    assert [x.text for x in lines] == ["two cells here", "next"]


def test_wrapped_paragraphs_are_rejoined() -> None:
    texts = [x.text for x in split_dump(_wrapped_dump(PARAGRAPHS))]
    assert texts == ["Sections", "SEARCH", "Log In", *PARAGRAPHS]


def test_wrapped_at_another_width_is_rejoined() -> None:
    texts = [x.text for x in split_dump(_wrapped_dump(PARAGRAPHS * 2, width=72))]
    assert texts[3:] == PARAGRAPHS * 2


def test_short_lines_of_a_wrapped_dump_stay_apart() -> None:
    dump = _wrapped_dump(PARAGRAPHS) + "\nRelated\nOne headline here\nAnother headline\n"
    texts = [x.text for x in split_dump(dump)]
    assert texts[-3:] == ["Related", "One headline here", "Another headline"]


def test_unwrapped_dump_of_long_lines_is_not_joined() -> None:
    # lines just under 80 columns, but most are long: this is not a wrapped dump
    headline = "A headline that is seventy-odd characters long, give or take"
    dump = "\n".join(PARAGRAPHS + [headline] * 3)
    assert len(split_dump(dump)) == len(PARAGRAPHS) + 3


def test_wrapped_cjk_joins_without_space() -> None:
    sentence = (
        "先日、不正に改造したアイフォーンを販売したとして、"
        "商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。"
    )
    para = sentence * 3
    # 40 wide characters fill 80 columns
    physical = [para[i : i + 40] for i in range(0, len(para), 40)]
    dump = "\n\n".join(["メニュー", "\n".join(physical), "\n".join(physical)]) + "\n"
    texts = [x.text for x in split_dump(dump)]
    assert texts == ["メニュー", para, para]


def test_bullets_are_removed_and_noted() -> None:
    lines = split_dump("• First item\n- Second item\n3. Third item\n-5 degrees outside\n•")
    assert [(x.text, x.bullet) for x in lines] == [
        ("First item", True),
        ("Second item", True),
        ("Third item", True),
        ("-5 degrees outside", False),
        ("•", False),
    ]


def test_wrapped_bullet_item_is_not_glued_to_previous_line() -> None:
    dump = _wrapped_dump(PARAGRAPHS[:2]) + "\n  • A list item that follows\n  • Another item\n"
    lines = split_dump(dump)
    assert [(x.text, x.bullet) for x in lines[-2:]] == [
        ("A list item that follows", True),
        ("Another item", True),
    ]


def test_huge_single_line_goes_through() -> None:
    text = ("word   " * 600_000) + "end."  # about 4 MB, one line
    lines = split_dump(text)
    assert len(lines) == 1
    assert lines[0].text.startswith("word word ")
    assert lines[0].text.endswith("word end.")
    assert "  " not in lines[0].text


def test_many_lines_go_through() -> None:
    text = "\n".join(f"line {i}" for i in range(200_000))
    lines = split_dump(text)
    assert len(lines) == 200_000
    assert lines[-1] == DumpLine("line 199999", 199_999, False, False)


def _lost_only_bullets(kept: str, given: str) -> bool:
    """Every character of ``kept`` comes from ``given`` (as a multiset: layout
    columns may be reordered), and only bullet characters went missing."""
    lost = Counter(given)
    lost.subtract(Counter(kept))
    return all(n >= 0 for n in lost.values()) and all(
        ch in BULLET_CHARS for ch, n in lost.items() if n > 0
    )


_DUMP_TEXT = st.lists(
    st.sampled_from([*"ab cd.\n\n\t•-1)x漢字 \xa0\r", "word ", "longerword ", "\n" + "w " * 39]),
    max_size=200,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_DUMP_TEXT, st.text(max_size=300)))
def test_split_never_loses_text(text: str) -> None:
    lines = split_dump(text)
    assert [x.index for x in lines] == list(range(len(lines)))
    for line in lines:
        assert line.text and line.text == line.text.strip()
        assert "\n" not in line.text
    kept = "".join("".join(x.text.split()) for x in lines)
    assert _lost_only_bullets(kept, "".join(text.split()))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh ", min_size=1, max_size=120), min_size=8, max_size=40))
def test_wrapped_random_paragraphs_keep_their_words(paragraphs: list[str]) -> None:
    dump = "\n\n".join(textwrap.fill(p, 80) for p in paragraphs if p.strip())
    words = [w for p in paragraphs for w in p.split()]
    assert " ".join(x.text for x in split_dump(dump)).split() == words


def test_side_by_side_layout_columns_are_unwoven() -> None:
    # w3m prints a two-column layout table line by line: article left, sidebar right
    article = " ".join(PARAGRAPHS[:2] * 2)
    sidebar = [
        "Latest news: the council approves the new budget after a long night of debate.",
        "Schools will get new roofs and the old river bridge will finally be repaired.",
        "Opponents say the higher taxes will drive young families out of the town.",
    ]
    left = textwrap.wrap(article, 36)
    right = [x for item in sidebar for x in [*textwrap.wrap(item, 36), ""]]
    right += [""] * (len(left) - len(right))
    layout = [f"{a:<40} {b}".rstrip() for a, b in zip(left, right, strict=True)]
    dump = "\n\n".join(
        [textwrap.fill(PARAGRAPHS[2] * 3, 80), "\n".join(layout), textwrap.fill(PARAGRAPHS[0], 80)]
    )
    texts = [x.text for x in split_dump(dump)]
    assert article in texts
    assert all(item in texts for item in sidebar)
    assert texts[-1] == PARAGRAPHS[0]


_WORDS = st.lists(st.sampled_from(["council", "budget", "a", "roads,", "new", "vote.", "x" * 30]))


@settings(max_examples=60, deadline=None)
@given(_WORDS, _WORDS, st.integers(min_value=24, max_value=60))
def test_random_layouts_keep_their_text(left_words: list[str], right_words: list[str], edge: int):
    left = textwrap.wrap(" ".join(left_words * 3), edge - 4) or [""]
    right = textwrap.wrap(" ".join(right_words * 2), 78 - edge) or [""]
    rows = max(len(left), len(right))
    left, right = left + [""] * (rows - len(left)), right + [""] * (rows - len(right))
    layout = "\n".join(f"{a:<{edge}}{b}".rstrip() for a, b in zip(left, right, strict=True))
    dump = textwrap.fill("the council met to vote on a budget " * 6, 80) + "\n\n" + layout
    lines = split_dump(dump)
    assert [x.index for x in lines] == list(range(len(lines)))
    kept = "".join("".join(x.text.split()) for x in lines)
    assert _lost_only_bullets(kept, "".join(dump.split()))


def test_lines_are_stored_by_column() -> None:
    lines = split_dump("Home\n\n• First item\nA paragraph.")
    assert isinstance(lines, DumpLines)
    assert lines.texts == ["Home", "First item", "A paragraph."]
    assert list(lines.blanks) == [0, 1, 0]
    assert list(lines.bullets) == [0, 1, 0]
    # the tuples are made on demand and agree with the columns
    assert lines[1] == DumpLine("First item", 1, True, True)
    assert lines[-1] == DumpLine("A paragraph.", 2, False, False)
    assert lines[1:] == [lines[1], lines[2]]
    assert list(lines) == [lines[0], lines[1], lines[2]]
    assert all(type(x) is DumpLine for x in lines)
    assert len(lines) == 3 and lines and not DumpLines()
    with pytest.raises(IndexError):
        lines[-4]


def test_clean_lines_are_reused_not_copied() -> None:
    raw = ["Home", "A paragraph that needs no change.", "  padded  line "]
    lines = split_dump(raw)
    assert lines.texts[0] is raw[0] and lines.texts[1] is raw[1]
    assert lines.texts[2] == "padded line"


def test_huge_clean_line_is_reused() -> None:
    line = "word " * 300_000 + "end."  # over a MB, single spaces only
    assert split_dump([line]).texts[0] is line


def test_huge_line_with_other_whitespace_is_collapsed() -> None:
    line = "word\t" * 300_000 + "end.\xa0"
    text = split_dump([line]).texts[0]
    assert text == " ".join(line.split())
