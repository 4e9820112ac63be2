"""The HTML body extractor on small inline pages and on pages that break parsers."""

from __future__ import annotations

import re

import pytest

from newsx.document import Document
from newsx.extractors.base import Context
from newsx.extractors.html_body import EXTRACTOR, extract_body
from newsx.html_vocab import word_pattern
from newsx.record import Header

PARA = (
    "The council voted on Tuesday to expand the program, which supporters say will help "
    "thousands of families, while critics warned about its cost, its reach and its timing. "
)


def _page(article: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html><html><head><title>T</title>
    <script>var x = "Not, article, text, at, all";</script></head><body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
    </header>
    <div class="layout">
      <main><article class="story">{article}</article></main>
      <aside class="sidebar"><h3>Most read</h3><ul>
        <li><a href="/a">Another story about something else, quite long in title</a></li>
        <li><a href="/b">A second story about something else, also long in title</a></li>
      </ul></aside>
    </div>{extra}
    <footer><p>Copyright 2024 The Daily Example. All rights reserved, everywhere.</p></footer>
    </body></html>"""


def _body(html: str, title: str | None = None):
    doc = Document(source="page.html", format="html", text=html)
    return extract_body(doc, Context(header=Header(title=title)))


def _texts(body) -> list[str]:
    return [b.text for b in body.blocks]


def test_extractor_declaration():
    assert EXTRACTOR.name == "html-body"
    assert EXTRACTOR.block == "body"
    assert EXTRACTOR.handles("html") and not EXTRACTOR.handles("text")


def test_article_root_found_among_navigation_and_sidebars():
    body = _body(_page(f"<p>{PARA}</p><p>Second: {PARA}</p><p>Third: {PARA}</p>"))
    assert body is not None
    assert _texts(body) == [PARA.strip(), f"Second: {PARA}".strip(), f"Third: {PARA}".strip()]
    assert "Most read" not in body.text and "Home" not in body.text
    assert "Copyright" not in body.text and "Not, article" not in body.text


def test_comment_thread_does_not_win_over_a_shorter_article():
    comments = "".join(
        f'<div class="comment"><p>Reader {i}: {PARA}</p></div>' for i in range(8)
    )
    thread = f'<section id="comments">{comments}</section>'
    html = _page(f"<p>{PARA}</p><p>More: {PARA}</p>", thread)
    body = _body(html)
    assert body is not None
    assert "Reader" not in body.text
    assert body.text.startswith("The council voted")


def test_captions_share_bars_and_related_lists_dropped():
    article = f"""
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
      <p>{PARA}</p>
      <figure><img src="a.jpg">
        <figcaption>The council chamber. Photo: Jane Doe</figcaption></figure>
      <p>Next: {PARA}</p>
      <div class="related-articles"><h4>Related</h4><ul>
        <li><a href="/x">Council approved a similar plan last year after a long debate</a></li>
        <li><a href="/y">What the program means for families in the region this year</a></li>
      </ul></div>
      <p>Last: {PARA}</p>
      <p><a href="/z">Read more: The full history of the program in ten charts</a></p>
      <p>Related coverage: <a href="/q">Council history</a>, <a href="/r">Budget</a></p>
      <p>1 - 5 of 36</p><p>Next Prev</p>
      <div class="newsletter-signup"><p>Sign up for our daily newsletter today!</p></div>
    """
    body = _body(_page(article))
    assert body is not None
    text = body.text
    for junk in ("Share on", "Tweet", "Photo: Jane", "Council approved", "Read more",
                 "Sign up", "Related", "Council history", "of 36", "Next Prev"):
        assert junk not in text
    assert len(body.blocks) == 3


def test_blocks_are_typed_in_reading_order():
    article = f"""
      <h1>The headline</h1>
      <p>{PARA}</p>
      <h2>What happens next</h2>
      <blockquote><p>We are proud of this decision, and of the people who made it.</p></blockquote>
      <ul><li>First point about the plan, with detail</li><li>Second point about it</li></ul>
      <pre>code  sample
    indented()</pre>
      <table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>$5m<br>(est.)</td></tr></table>
      <p>Closing: {PARA}</p>
    """
    body = _body(_page(article))
    assert body is not None
    kinds = [(b.kind, b.text[:12]) for b in body.blocks]
    assert kinds == [
        ("paragraph", "The council "),
        ("heading", "What happens"),
        ("quote", "We are proud"),
        ("list_item", "First point "),
        ("list_item", "Second point"),
        ("preformatted", "code  sample"),
        ("preformatted", "    indented"),
        ("table", "Year\tCost\n20"),
        ("paragraph", "Closing: The"),
    ]
    assert body.blocks[7].text == "Year\tCost\n2024\t$5m (est.)"


def test_loose_text_with_line_breaks_becomes_paragraphs():
    article = f'<div class="content">{PARA}<br><br>Second: {PARA}<br>Third:\n{PARA}</div>'
    body = _body(_page(article))
    assert body is not None
    assert [t[:8] for t in _texts(body)] == ["The coun", "Second: ", "Third: T"]


def test_source_newlines_inside_a_paragraph_are_spaces():
    text = PARA.replace(", ", ",\n   ")
    body = _body(_page(f"<p>{text}</p><p>{text}</p>"))
    assert body is not None
    assert _texts(body) == [PARA.strip(), PARA.strip()]


def test_closing_agency_credit_becomes_attribution():
    body = _body(_page(f"<p>{PARA}</p><p>More: {PARA}</p><p>(Reuters)</p>"))
    assert body is not None
    assert body.attribution == "Reuters"
    assert "Reuters" not in body.text


@pytest.mark.parametrize(
    ("last", "credit"),
    [("(AFP)", "AFP"), ("— AP", "AP"), ("Source: Xinhua", "Xinhua"), ("(agencies)", "agencies")],
)
def test_closing_credit_forms(last, credit):
    body = _body(_page(f"<p>{PARA}</p><p>More: {PARA}</p><p>{last}</p>"))
    assert body is not None
    assert body.attribution == credit
    assert body.text.endswith("its timing.")


def test_credit_ending_the_last_paragraph_is_noted_and_kept():
    body = _body(_page(f"<p>{PARA}</p><p>The minister left for Delhi. PTI</p>"))
    assert body is not None
    assert body.attribution == "PTI"
    assert body.text.endswith("Delhi. PTI")
    plain = _body(_page(f"<p>{PARA}</p><p>The team went to the map</p>"))
    assert plain is not None and plain.attribution is None


def test_headline_not_repeated():
    title = "Council expands family program despite cost concerns"
    article = f"<h2>{title}</h2><p>{PARA}</p><p>More: {PARA}</p>"
    body = _body(_page(article), title=title)
    assert body is not None
    assert title not in body.text
    assert body.text.startswith("The council voted")


def test_page_of_several_posts_reads_the_one_under_the_headline():
    title = "A short post about the library reopening"
    other = "".join(f"<p>Other {i}: {PARA}</p>" for i in range(4))
    html = _page(
        f'<div class="post"><h2>An older and longer post</h2>{other}</div>'
        f'<div class="post"><h2>{title}</h2><p>Library: {PARA}</p><p>Hours: {PARA}</p></div>'
    )
    assert "Other 0" in _body(html).text  # without a headline: the longest post
    body = _body(html, title=title)
    assert body is not None
    assert [t[:8] for t in _texts(body)] == ["Library:", "Hours: T"]


def test_furniture_heading_ends_its_container():
    article = (
        f"<p>{PARA}</p><div class='box'><h3>Related stories</h3>"
        "<p>Some teaser text of another story that is long enough, really.</p></div>"
        f"<p>After: {PARA}</p><h3>Comments</h3><p>Great article, thanks for sharing it!</p>"
    )
    body = _body(_page(article))
    assert body is not None
    assert [t[:6] for t in _texts(body)] == ["The co", "After:"]


def test_figure_of_a_quote_or_table_is_kept():
    figures = (
        "<figure><blockquote><p>A pulled quote from the mayor.</p></blockquote></figure>"
        "<figure><table><tr><td>2024</td><td>$5m</td></tr></table>"
        "<figcaption>Table 1</figcaption></figure>"
        "<figure><img src='x.jpg'><span>Photo credit text here</span></figure>"
    )
    body = _body(_page(f"<p>{PARA}</p>{figures}<p>More: {PARA}</p>"))
    assert body is not None
    kinds = [(b.kind, b.text) for b in body.blocks]
    assert ("quote", "A pulled quote from the mayor.") in kinds
    assert ("table", "2024\t$5m") in kinds
    assert "Photo credit" not in body.text and "Table 1" not in body.text


def test_embedded_post_in_a_social_wrapper_is_kept():
    tweet = (
        '<div class="social-embed"><blockquote class="twitter-tweet"><p>What a day for '
        "the council.</p>— Jane (@jane) <a href='https://x.com/1'>May 1, 2024</a>"
        "</blockquote></div>"
    )
    body = _body(_page(f"<p>{PARA}</p>{tweet}<p>More: {PARA}</p>"))
    assert body is not None
    assert ("quote", "What a day for the council.") in [(b.kind, b.text) for b in body.blocks]


def test_item_prop_article_body_is_trusted():
    html = _page(
        f'<div class="teaser"><p>Teaser: {PARA}</p><p>Teaser two: {PARA}</p></div>'
        f'<div itemprop="articleBody"><p>Real: {PARA}</p><p>Also: {PARA}</p></div>'
    )
    body = _body(html)
    assert body is not None
    assert [t[:5] for t in _texts(body)] == ["Real:", "Also:"]


def test_article_split_into_chunks_is_read_whole():
    chunk = '<div class="ad-slot">Advertisement</div><div class="article-chunk">{}</div>'
    html = _page(
        chunk.format(f"<p>One: {PARA}</p><p>Two: {PARA}</p>")
        + chunk.format(f"<p>Three: {PARA}</p>")
    )
    body = _body(html)
    assert body is not None
    assert [t[:5] for t in _texts(body)] == ["One: ", "Two: ", "Three"]


def test_shared_tree_is_not_changed():
    html = _page(f'<p>{PARA}</p><div class="share">Share</div>')
    doc = Document(source="page.html", format="html", text=html)
    before = doc.tree.html
    assert extract_body(doc, Context()) is not None
    assert doc.tree.html == before


# --- pages that break parsers ------------------------------------------------------


@pytest.mark.parametrize("html", ["", "   \n", "<html></html>", "<html><body></body></html>"])
def test_empty_pages_give_none(html):
    assert _body(html) is None


def test_truncated_mid_tag():
    body = _body(f"<html><body><article><p>{PARA}</p><p>More text <a href=\"/x")
    assert body is not None
    assert body.text.startswith("The council voted")


def test_deep_nesting_does_not_recurse():
    # Lexbor's own parse is quadratic in depth (about 20 s at 100k levels), so the
    # test uses 10k: ten times Python's recursion limit, which is what matters here.
    body = _body("<div>" * 10_000 + "deep text")
    assert body is not None and body.text == "deep text"
    body = _body("<div>" * 10_000 + f"<p>{PARA}</p>")
    assert body is not None and body.text == PARA.strip()


def test_large_page():
    # 20 MB: an inline data script (as single-page apps ship) and a long article.
    paras = f"<p>{PARA}</p>" * 20_000
    data = '{"k": "' + "x" * (20_000_000 - len(paras)) + '"}'
    html = f"<html><body><nav>Menu</nav><script>{data}</script><article>{paras}</article>"
    body = _body(html + "</body></html>")
    assert body is not None
    assert len(body.blocks) == 20_000 and "xxx" not in body.blocks[0].text


def test_no_body_element():
    body = _body(f"<p>{PARA}</p>")
    assert body is not None and body.text == PARA.strip()


def test_frameset_gives_none():
    html = '<html><frameset><frame src="a.html"><frame src="b.html"></frameset></html>'
    assert _body(html) is None


def test_xhtml_with_xml_declaration():
    html = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>'
        f"<body><div><p>{PARA}</p></div></body></html>"
    )
    body = _body(html)
    assert body is not None and body.text == PARA.strip()


# --- root choice: list posts, captions, split stories ----------------------------------


def _bare_page(main: str) -> str:
    """A page without the article wrapper of :func:`_page`: the root must be found."""
    return (
        "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        f"<div id='wrap'>{main}</div><footer><p>Copyright 2024 Example, all rights "
        "reserved, everywhere.</p></footer></body></html>"
    )


_ITEM = (
    "Item {i}: the museum reopened its east wing after a long renovation, and visitors "
    "can now see the restored murals, the new lighting and the larger galleries"
)
_STEP = "Step {i}: open the east wing doors and walk past the old murals"


def test_post_written_as_a_list_beats_a_short_box():
    items = "".join(f"<li>{_ITEM.format(i=i)}</li>" for i in range(8))
    html = _bare_page(
        f'<div class="entry-content"><ul>{items}</ul></div>'
        f'<div class="box"><p>Box: {PARA}</p></div>'
    )
    body = _body(html)
    assert body is not None
    assert [b.kind for b in body.blocks] == ["list_item"] * 8
    assert "Box:" not in body.text


def test_caption_is_not_the_root_of_a_list_article():
    caption = (
        '<div class="wp-caption"><div class="media"><img src="a.jpg"></div><div><p>Photo: '
        "the east wing, seen from the garden, with the new glass roof, the old stone walls, "
        "the fountain, the benches, and the trees, restored in 2023, by the city</p></div></div>"
    )
    steps = "".join(f"<li>{_STEP.format(i=i)}</li>" for i in range(14))
    body = _body(_bare_page(f'<div class="entry-content">{caption}<ul>{steps}</ul></div>'))
    assert body is not None
    assert len(body.blocks) == 14 and body.blocks[0].text.startswith("Step 0")
    assert "Photo:" not in body.text


_MORE_LINKS = "".join(
    f'<a href="/t{i}">Another story about the council and its long budget fight, part {i}</a> '
    for i in range(25)
)


@pytest.mark.parametrize(("rest", "after"), [
    # the rest in a bare wrapper, then link and print furniture
    ('<div id="read-more-content">{}</div>',
     f'<div class="more-links">{_MORE_LINKS}</div>'
     '<div class="print-header">https://news.example/2024/05/01/council-expands-the-family'
     "-program-despite-cost-concerns/</div>"),
    # the rest in a wrapper that also holds a "Read more" label: the paragraphs before
    # the wrapper are the story's start; one after it is not
    ('<div id="read-more"><span class="label">Read more</span>'
     '<div id="read-more-content">{}</div></div>',
     f"<p>Company: {PARA}</p>"),
])
def test_story_split_beside_a_read_more_wrapper_is_read_whole(rest: str, after: str):
    html = _bare_page(
        f'<div class="story-body"><div class="story-intro">Intro: {PARA}</div>'
        + "".join(f"<p>Early {i}: {PARA}</p>" for i in range(3))
        + rest.format("".join(f"<p>Later {i}: {PARA}</p>" for i in range(9)))
        + after + "</div>"
    )
    body = _body(html)
    assert body is not None
    assert [t.split(":")[0] for t in _texts(body)] == (
        ["Intro"] + [f"Early {i}" for i in range(3)] + [f"Later {i}" for i in range(9)]
    )


def test_shared_tree_is_restored_after_removals():
    article = (
        f"<p>{PARA}<script>var ad = 'x, y, z';</script></p><div class='share'><svg><title>"
        "Facebook</title></svg> Share</div><p>Line one<br>line two<br></p>"
        f"<p>More: {PARA}</p><div class='comments'><p>Reader: {PARA}</p></div>"
    )
    doc = Document(source="page.html", format="html", text=_page(article))
    before = doc.tree.html
    for _ in range(2):
        body = extract_body(doc, Context())
        assert body is not None and "var ad" not in body.text and "Reader" not in body.text
        assert ("paragraph", "line two") in [(b.kind, b.text) for b in body.blocks]
        assert doc.tree.html == before


def test_link_with_class_and_id_counts_once():
    # Lexbor lists a node once per selector it matches: a link with a class and an
    # id must not count twice and turn a paragraph into a "link line".
    link = '<a class="inline" id="l1" href="/x">three to the government of the country</a>'
    para = f"<p>The airline also sold five jets earlier this week, {link} ahead of launch.</p>"
    body = _body(_page(f"<p>{PARA}</p>{para}<p>More: {PARA}</p>"))
    assert body is not None
    assert any(t.startswith("The airline also sold") for t in _texts(body))


def test_quote_named_as_a_widget_is_kept_and_inline_widgets_go():
    post = (
        '<blockquote class="social-post"><p>What a day for the council.</p></blockquote>'
        f'<p>{PARA}<span class="share-count">Share 12 times now</span></p>'
    )
    body = _body(_page(f"<p>{PARA}</p>{post}"))
    assert body is not None
    assert ("quote", "What a day for the council.") in [(b.kind, b.text) for b in body.blocks]
    assert not any("Share 12" in t for t in _texts(body))


@pytest.mark.parametrize(
    "words",
    [("comment", "com-", "contact"), ("tool", "tools", "toolbar"), ("a.b", "a+", "x")],
)
def test_word_pattern_matches_like_a_plain_alternation(words):
    plain = re.compile("|".join(map(re.escape, words)))
    trie = re.compile(word_pattern(words))
    samples = ["post-comments", "com-box", "contacts", "com", "tool", "toolbox", "a.b",
               "axb", "a+", "a", "x", "nothing", "to", ""]
    for sample in samples:
        assert bool(trie.search(sample)) == bool(plain.search(sample)), sample


def _body_and_elements(html: str):
    """A page's body and its element list (``newsx.html_elements``), as the extractor gets them."""
    from newsx.html_elements import body_elements

    doc = Document(source="page.html", format="html", text=html)
    return doc.tree.body, body_elements(doc)


def test_page_widgets_past_the_cap_come_in_document_order():
    # Widgets are found by tag and by name separately; past MAX_WIDGETS, which ones
    # are measured depends on their order, which must stay the document's.
    from newsx.extractors.html_body import MAX_WIDGETS, _page_widgets

    items = "".join(
        f'<nav>n{i}</nav><div class="comment-{i}">c{i}</div>' for i in range(MAX_WIDGETS)
    )
    body, elements = _body_and_elements(f"<html><body>{items}</body></html>")
    _, widgets, _, _, _ = _page_widgets(body, elements)
    expected = [n.mem_id for n in body.css('nav, [class*="comment"]')]
    assert [n.mem_id for n in widgets] == expected


def test_named_widget_with_a_widget_tag_counts_once_and_is_no_hint():
    from newsx.extractors.html_body import _page_widgets

    html = (
        '<html><body><aside class="comments" itemprop="articleBody">x</aside>'
        '<svg><style>.a{}</style></svg><div id="comment-1">y</div></body></html>'
    )
    body, elements = _body_and_elements(html)
    code, widgets, hints, _, _ = _page_widgets(body, elements)
    assert [n.tag for n in code] == ["style"]  # (an SVG's style too)
    assert [n.tag for n in widgets] == ["aside", "svg", "div"]
    assert hints == []


def test_player_box_with_caption_and_countdown_is_dropped():
    player = ('<div><div><video src="/v.mp4"></video></div>'
              "<div>The priest saving gang members</div>"
              "<div>Your video will play in 00:25</div></div>")
    body = _body(_page(player + f"<p>{PARA}</p><p>{PARA}</p>"))
    assert "Your video" not in body.text and "priest" not in body.text
    assert PARA.strip() in body.text


def test_player_inside_a_long_paragraph_keeps_the_paragraph():
    article = f'<p>{PARA}<object data="/clip.swf"></object></p><p>{PARA}</p>'
    assert _body(_page(article)).text.count(PARA.strip()) == 2


def test_links_one_per_indented_line_are_a_link_list_not_prose():
    links = ("<p>\n                <a href='/d'>Disclosures</a>\n"
             "                <a href='https://partner.example'>Partner.com</a>\n            </p>")
    body = _body(_page(f"<p>{PARA}</p>{links}<p>{PARA}</p>"))
    assert "Partner.com" not in body.text


def test_article_chunks_with_numbered_classes_are_read_together():
    first = f"<p>{PARA}</p>" * 2
    second = "<p>The second chunk, after the ad, goes on with the story and its quotes, " \
             "which the council's members gave at length, one after another, all night.</p>" * 4
    article = (f'<div class="top"><div class="story-body story-body-1">{first}</div></div>'
               '<div class="ad"><a href="/ad">Advertisement</a></div>'
               f'<div class="rest"><div class="story-body story-body-2">{second}</div></div>')
    text = _body(_page(article)).text
    assert PARA.strip() in text and "The second chunk" in text


@pytest.mark.parametrize("line", ["Loading...", "正在加载...", "読み込み中…"])
def test_loading_placeholder_line_is_not_article_text(line):
    body = _body(_page(f"<p>{PARA}</p><div>{line}</div><p>{PARA}</p>"))
    assert line.strip(".…") not in body.text


def test_trailing_credit_agrees_with_its_pattern():
    # trailing_credit() rules texts out by their ending before the search: it must
    # find exactly what a plain search of TRAILING_CREDIT finds.
    from newsx.html_vocab import TRAILING_CREDIT, trailing_credit

    samples = [
        "He said. Reuters", "He said. (Reuters)", "He said (AFP).", "He said — AP",
        "He said -- AP. ", "He said. AP\n", "He said. ap", "He said. APA", "He said.Reuters",
        "He said. Reuters)", "He said. Reuters.)", "A long paragraph, with no credit.",
        "(AP)", " AP", "said. Associated Press", "said (with wires)", "said. wires ",
        "said. Reuters\u00a0", "said. ТАСС.", "",
    ]
    for text in samples:
        match = TRAILING_CREDIT.search(text)
        assert trailing_credit(text) == (match["a"] if match else None), text


def test_normalise_fast_path_matches_split_and_join():
    # Already-normal text is returned as is; anything else is split and joined.
    from newsx.extractors.html_body import _normalise

    for text in ["", " ", "one line", "  padded  ", "a  b", "a\nb", "a\xa0b", "a\u2028b",
                 "a\u200bb", "x\ue000y", "\u3000wide\u3000"]:
        assert _normalise(text) == " ".join(text.split())
