"""The text-dump splitter: one logical line per block, wrapped lines re-joined."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.textdump import DumpLine, split_dump

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
    dump = "\n".join(PARAGRAPHS + ["A headline that is seventy-odd characters long, give or take"] * 3)
    assert len(split_dump(dump)) == len(PARAGRAPHS) + 3


def test_wrapped_cjk_joins_without_space() -> None:
    sentence = "先日、不正に改造したアイフォーンを販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。"
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


def _is_subsequence_with_bullets(inner: str, outer: str) -> bool:
    """``inner`` is ``outer`` with only bullet characters left out."""
    pos = 0
    for ch in inner:
        while pos < len(outer) and outer[pos] != ch:
            if outer[pos] not in BULLET_CHARS:
                return False
            pos += 1
        if pos == len(outer):
            return False
        pos += 1
    return all(ch in BULLET_CHARS for ch in outer[pos:])


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
    assert _is_subsequence_with_bullets(kept, "".join(text.split()))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh ", min_size=1, max_size=120), min_size=8, max_size=40))
def test_wrapped_random_paragraphs_keep_their_words(paragraphs: list[str]) -> None:
    dump = "\n\n".join(textwrap.fill(p, 80) for p in paragraphs if p.strip())
    words = [w for p in paragraphs for w in p.split()]
    assert " ".join(x.text for x in split_dump(dump)).split() == words
