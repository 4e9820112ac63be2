"""The text-dump body extractor: the article's own blocks, nothing around them."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.document import Document
from newsx.extractors import text_body
from newsx.extractors.base import Context
from newsx.extractors.text_body import EXTRACTOR, extract_body
from newsx.record import BLOCK_KINDS, Block, Header

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "000_acf8eca9862cbc58.txt"

PROSE = [
    "The city council voted on Tuesday to approve a new budget that raises spending on "
    "schools and roads, after a debate that lasted well into the night.",
    "Supporters said the plan would repair bridges that have been closed for years, while "
    "opponents warned that the higher taxes would drive families out of the town.",
    "The mayor, who had pushed for the budget since the spring, said she was relieved that "
    "the council had finally reached an agreement before the deadline.",
    "The new spending takes effect in January, and the first road projects are expected to "
    "begin as soon as the weather allows crews to work safely.",
]

MENU = ["Home", "World", "Business", "Sport", "Log In", "Subscribe", "Search"]
FOOTER = ["Related Stories", "Another story about the council meeting", "© 2024 Example News"]


def _body(text: str, title: str | None = None):
    doc = Document(source="dump.txt", format="text", text=text)
    return extract_body(doc, Context(header=Header(title=title)))


def _texts(text: str) -> list[str]:
    body = _body(text)
    return [b.text for b in body.blocks] if body else []


def test_extractor_is_registered_for_text_bodies() -> None:
    assert EXTRACTOR.name == "text-body"
    assert EXTRACTOR.block == "body"
    assert EXTRACTOR.handles("text") and not EXTRACTOR.handles("html")
    assert EXTRACTOR.extract is extract_body


def test_golden_sample() -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, x in enumerate(lines) if x.startswith("Russian President Vladimir Putin"))
    end = next(i for i, x in enumerate(lines) if x.startswith("Russia has included the Taliban"))
    expected = [
        Block("heading" if x == "Trump and the Ukraine war" else "paragraph", x)
        for x in lines[start : end + 1]
    ]
    assert len(expected) == 15
    body = _body(SAMPLE.read_text(encoding="utf-8"))
    assert body is not None
    assert body.blocks == expected
    assert body.attribution == "agencies"


def test_golden_sample_with_title_hint() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    title = text.splitlines()[1]
    body = _body(text, title=title)
    assert body is not None and len(body.blocks) == 15
    assert body.blocks[0].text.startswith("Russian President Vladimir Putin on Thursday")


def test_menu_and_footer_are_dropped() -> None:
    assert _texts("\n".join(MENU + PROSE + FOOTER)) == PROSE


def test_sub_heading_between_paragraphs_is_kept() -> None:
    dump = "\n".join([*MENU, *PROSE[:2], "What happens next", *PROSE[2:], *FOOTER])
    body = _body(dump)
    assert body is not None
    assert [b.kind for b in body.blocks] == ["paragraph"] * 2 + ["heading"] + ["paragraph"] * 2
    assert body.blocks[2].text == "What happens next"


def test_captions_and_credits_inside_the_article_are_dropped() -> None:
    dump = "\n".join(
        [
            *MENU,
            PROSE[0],
            "The mayor speaks to reporters after the vote. Photo: John Smith/Getty Images",
            "Credit: Jane Doe for Example News",
            PROSE[1],
            "Advertisement",
            PROSE[2],
            PROSE[3],
        ]
    )
    assert _texts(dump) == PROSE


def test_share_and_newsletter_lines_are_dropped() -> None:
    dump = "\n".join(
        [
            *MENU,
            "Share on Facebook",
            *PROSE[:2],
            "Sign up for our daily newsletter to get the latest news in your inbox.",
            *PROSE[2:],
            "Share this article",
        ]
    )
    assert _texts(dump) == PROSE


def test_comments_after_the_article_are_left_out() -> None:
    comment = (
        "I completely disagree with this decision, the council has ignored what the people "
        "of this town have been saying for years and it will cost all of us dearly."
    )
    dump = "\n".join(
        [*MENU, *PROSE, "12 Comments", "Jane on May 3, 2019 at 4:47 pm said:", comment, "Reply"]
    )
    assert _texts(dump) == PROSE


def test_cookie_notice_is_not_the_article() -> None:
    notice = (
        "This website uses cookies to improve your experience while you navigate through the "
        "website. Out of these cookies, the cookies that are categorized as necessary are "
        "stored on your browser as they are essential for the working of basic functionalities."
    )
    dump = "\n".join([*MENU, *PROSE, "Privacy Overview", notice, notice[:-1] + "!"])
    assert _texts(dump) == PROSE


def test_attribution_line_in_parentheses() -> None:
    body = _body("\n".join([*MENU, *PROSE, "(Reuters)", *FOOTER]))
    assert body is not None
    assert [b.text for b in body.blocks] == PROSE
    assert body.attribution == "Reuters"


def test_attribution_after_a_dash() -> None:
    body = _body("\n".join([*MENU, *PROSE, "— AP", *FOOTER]))
    assert body is not None and body.attribution == "AP"
    assert [b.text for b in body.blocks] == PROSE


def test_attribution_at_the_end_of_the_last_paragraph() -> None:
    body = _body("\n".join([*MENU, *PROSE[:-1], PROSE[-1] + " (AFP)", *FOOTER]))
    assert body is not None and body.attribution == "AFP"
    assert body.blocks[-1].text == PROSE[-1]


def test_unknown_source_in_parentheses_needs_a_proper_name() -> None:
    body = _body("\n".join([*MENU, *PROSE, "(Al Jazeera)", *FOOTER]))
    assert body is not None and body.attribution == "Al Jazeera"
    body = _body("\n".join([*MENU, *PROSE, "(View all)", *FOOTER]))
    assert body is not None and body.attribution is None


def test_no_attribution_when_none_is_given() -> None:
    body = _body("\n".join([*MENU, *PROSE, *FOOTER]))
    assert body is not None and body.attribution is None


def test_wrapped_dump_is_rejoined_into_paragraphs() -> None:
    dump = "\n".join(MENU) + "\n\n" + "\n\n".join(textwrap.fill(p, 80) for p in PROSE)
    dump += "\n\n" + "\n".join(FOOTER) + "\n"
    assert _texts(dump) == PROSE


def test_bulleted_items_inside_the_article_are_list_items() -> None:
    items = ["• Repairs to the old river bridge", "• Two new primary schools"]
    dump = "\n".join([*MENU, *PROSE[:2], *items, *PROSE[2:], *FOOTER])
    body = _body(dump)
    assert body is not None
    kinds = [(b.kind, b.text) for b in body.blocks]
    assert ("list_item", "Repairs to the old river bridge") in kinds


def test_teaser_list_is_not_preferred_over_the_article() -> None:
    teasers = []
    for i in range(6):
        teasers += [
            f"Headline number {i} about something else",
            f"A short blurb for story {i} that reads like a sentence and sells the story to you.",
        ]
    dump = "\n".join([*MENU, *PROSE, "More news", *teasers])
    assert _texts(dump) == PROSE


def test_cjk_article_is_found() -> None:
    sentences = [
        "先日、不正に改造したスマートフォンを販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。",
        "報道によると、今回販売されたのは、いわゆる脱獄した端末で、公式ストアにないアプリを利用できるようになるとのことです。",
        "通常、権利者により正規のルートで販売された商品をそのまま転売する場合は、商標権侵害にはなりません。",
    ]
    dump = "\n".join(["メニュー", "ホーム", "ブログ", *sentences, "関連記事", "別の記事のタイトル"])
    assert _texts(dump) == sentences


def test_empty_and_chrome_only_dumps_give_nothing() -> None:
    assert _body("") is None
    assert _body("\n\n  \n") is None
    assert _body("\n".join(MENU)) is None


def test_huge_single_line_goes_through() -> None:
    line = " ".join([PROSE[0]] * 25_000)  # about 4 MB on one line
    body = _body("Home\n" + line + "\nFooter")
    assert body is not None
    assert len(body.blocks) == 1 and body.blocks[0].text == line


def test_many_lines_go_through() -> None:
    dump = "\n".join(PROSE[i % 4] + f" Line {i}." for i in range(200_000))
    body = _body(dump)
    assert body is not None
    assert len(body.blocks) == 200_000


_LINES = st.sampled_from(
    [
        *MENU, *PROSE, *FOOTER, "(agencies)", "— AP", "", "Trump and the Ukraine war", "•",
        "12 Comments", "Photo: Getty Images", "Nov 19, 2019 at 6:44 am", "Reply", "関連記事",
        "x" * 300, "(", "—",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.lists(_LINES, max_size=40).map("\n".join), st.text(max_size=400)))
def test_extract_body_never_fails_and_gives_valid_blocks(text: str) -> None:
    body = _body(text)
    if body is None:
        return
    assert body.blocks
    for block in body.blocks:
        assert block.kind in BLOCK_KINDS
        assert block.text and block.text == block.text.strip()
    assert body.attribution is None or body.attribution.strip()


def test_chrome_keys_cover_every_chrome_word_and_phrase() -> None:
    # _is_chrome skips its exact tests when no key is in the line: a word or phrase
    # without a key would silently never match
    phrases = [
        "ap photo", "afp photo", "reuters/", "/reuters", "/afp", "photo by", "photograph:",
        "photo:", "photos:", "image:", "image source", "image copyright", "image caption",
        "picture:", "pictured:", "credit:", "credit...", "foto:", "fotos:", "фото:",
        "via getty", "file photo", "photo credit", "image credit", "illustration:", "sign up",
        "sign in", "log in", "privacy policy", "terms of use", "terms of service", "follow us",
        "download the app", "share on", "share this", "click to share", "opens in new window",
    ]
    for phrase in phrases:
        assert text_body._CHROME_PHRASES.search(phrase), phrase
        assert text_body._is_chrome(f"a line with {phrase} in it"), phrase
    for word in text_body._CHROME_WORDS:
        assert text_body._is_chrome(f"a line with {word} in it"), word


def test_footer_keys_cover_the_ascii_footer_marks() -> None:
    for mark in text_body._FOOTER_MARKS:
        assert text_body._is_footer(f"some text {mark} here"), mark


def test_end_marker_between_paragraphs_still_cuts() -> None:
    # barrier tests are deferred to the lines between the first and the last prose
    # line; there they must still cut the article from the story after it (without
    # the cut, the two short lines would not keep it out of the best run)
    other = "A different story about a football match that ended in a draw after a late goal."
    assert _texts("\n".join([*MENU, *PROSE, "Related Stories", "Photo", other])) == PROSE
    assert _texts("\n".join([*MENU, *PROSE, "See more", "Photo", other])) == [*PROSE, other]


def test_comment_stamps_count_wherever_they_are() -> None:
    # a run after two comment stamps is taken for the thread and counts for less, so
    # a shorter run before them wins; stamps are found on every line, not only on
    # the lines between prose where the other barrier tests run
    story = [
        "The museum will reopen its east wing next spring after a long renovation that "
        "cost far more than the city had planned when the work began.",
        "Visitors will be able to see the restored ceiling paintings for the first time in "
        "more than ten years, the director said at a meeting on Monday.",
    ]
    stamps = ["Jane on May 3, 2019 at 4:47 pm said:", "Bob on May 4, 2019 at 9:12 am said:"]
    assert _texts("\n".join([*MENU, *story, *stamps, *PROSE])) == story
    # the same cut by a footer line instead: the longer run wins
    assert _texts("\n".join([*MENU, *story, "© 2019 Example News", *PROSE])) == PROSE


def test_glued_teaser_is_not_prose() -> None:
    teaser = "Ford Recalls F-150 Trucks Over Faulty BrakesFord is recalling many trucks today."
    assert text_body._is_glued_teaser(teaser)
    assert not text_body._is_glued_teaser(PROSE[0])


def test_long_chinese_paragraph_with_full_width_stops_is_prose() -> None:
    sentence = "市政府周二批准了新的预算方案，将增加对学校和道路的投入，会议一直持续到深夜。"
    long_paragraph = sentence * 6  # ~230 Han characters, no spaces after the stops
    lines = [*MENU, "市议会通过新预算", sentence * 2, long_paragraph, sentence * 2, *FOOTER]
    assert long_paragraph in _texts("\n".join(lines))


def test_data_table_does_not_cut_the_article() -> None:
    rows = [f"Ward {n}\t{100 + n} votes\t{40 + n}%" for n in range(25)]
    lines = [*MENU, PROSE[0], PROSE[1], "Results by ward", *rows, PROSE[2], PROSE[3], *FOOTER]
    texts = _texts("\n".join(lines))
    assert PROSE[0] in texts and PROSE[3] in texts


def test_tabs_are_noted_per_line() -> None:
    from newsx.textdump import split_dump

    lines = split_dump(["Name\tVotes", "A plain line", "  Ward 1 \t 120  "])
    assert list(lines.tabs) == [1, 0, 1]
    assert lines.texts == ["Name Votes", "A plain line", "Ward 1 120"]


def test_list_items_without_bullets_inside_the_article_are_kept() -> None:
    items = ["Preheat the oven to 200 degrees", "Chop two onions finely", "Stir in the rice slowly"]
    lines = [*MENU, PROSE[0], PROSE[1], *items, PROSE[2], PROSE[3], *FOOTER]
    body = _body("\n".join(lines))
    kept = [b for b in body.blocks if b.text in items]
    assert [b.text for b in kept] == items
    # (the last one, right before prose, may read as a sub-heading)
    assert [b.kind for b in kept[:2]] == ["list_item", "list_item"]


def test_read_also_pointer_inside_the_article_is_not_a_list_item() -> None:
    pointer = "Read also: The council approves the new bridge plan"
    lines = [*MENU, PROSE[0], PROSE[1], pointer, PROSE[2], PROSE[3], *FOOTER]
    assert pointer not in _texts("\n".join(lines))


def test_caption_repeated_under_every_picture_is_not_a_list_item() -> None:
    caption = "Exclusive recipe for a quick dinner."
    lines = [*MENU, PROSE[0], caption, PROSE[1], caption, PROSE[2], caption, PROSE[3], *FOOTER]
    assert caption not in _texts("\n".join(lines))


def test_sentence_ending_with_said_colon_is_no_comment_header() -> None:
    intro = "In a wide-ranging interview, the mayor also said:"
    points = ["The bridge will reopen in the spring", "Taxes will not rise next year"]
    lines = [*MENU, PROSE[0], PROSE[1], intro, *points, PROSE[2], PROSE[3], *FOOTER]
    texts = _texts("\n".join(lines))
    assert PROSE[0] in texts and intro in texts and PROSE[3] in texts


def test_short_name_said_line_still_heads_a_comment() -> None:
    assert text_body._is_stamp("jane doe says:")
