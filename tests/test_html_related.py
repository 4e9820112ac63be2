"""html-related and html-ticker on small inline pages: what is and is not an item."""

from __future__ import annotations

from urllib.parse import urlsplit

from newsx.document import Document
from newsx.extractors.base import Context
from newsx.extractors.html_related import (
    EXTRACTOR,
    LABEL_RE,
    extract_related,
    has_ticker_boxes,
    inline_match,
    label_match,
    split_url,
)
from newsx.extractors.html_ticker import EXTRACTOR as TICKER
from newsx.extractors.html_ticker import extract_ticker
from newsx.record import Header
from newsx.related_vocab import INLINE_RE

PAGE = "https://news.example.com/world/2019/11/20/the-story-itself"


def _page(body: str, head: str = "") -> Document:
    html = (
        f"<html><head><link rel=canonical href='{PAGE}'>{head}</head><body>"
        f"<h1>The story itself is told right here</h1>{body}</body></html>"
    )
    return Document(source="t.html", format="html", text=html)


def _titles(body: str) -> list[str]:
    return [item.title for item in extract_related(_page(body), Context()) or []]


RELATED = """
<div class="related-stories"><h3>Related</h3><ul>
  <li><a href="/world/2019/11/19/first-other-story">Floods close the old harbour road</a></li>
  <li><a href="https://news.example.com/world/2019/11/18/second-other-story">
      Council votes to rebuild the bridge</a></li>
</ul></div>
"""


def test_extractors_are_declared() -> None:
    assert (EXTRACTOR.name, EXTRACTOR.block, EXTRACTOR.priority) == ("html-related", "related", 50)
    assert (TICKER.name, TICKER.block, TICKER.priority) == ("html-ticker", "header", 70)
    assert EXTRACTOR.handles("html") and not EXTRACTOR.handles("text")


def test_related_list_found_with_absolute_urls() -> None:
    items = extract_related(_page(RELATED), Context())
    assert [i.title for i in items] == [
        "Floods close the old harbour road",
        "Council votes to rebuild the bridge",
    ]
    assert items[0].url == "https://news.example.com/world/2019/11/19/first-other-story"


def test_heading_label_without_class_vocabulary() -> None:
    body = """<div class="box"><h4>More from the Example Times</h4><ul>
      <li><a href="/a/one-more-story">A storm is coming to the coast tonight</a></li>
      <li><a href="/a/two-more-story">Schools reopen after the long strike</a></li></ul></div>
    <div class="box"><h4>Latest</h4><ul>
      <li><a href="/weather/">Weather forecast for the week</a></li>
      <li><a href="/sports/scoreboard/">High school scores and results</a></li></ul></div>"""
    assert _titles(body) == [
        "A storm is coming to the coast tonight",
        "Schools reopen after the long strike",
    ]


def test_navigation_tags_share_sponsored_and_pagination_are_not_items() -> None:
    body = """
    <nav class="main-nav"><h3>Trending</h3><ul>
      <li><a href="/world/x/menu-story-one">Menu story number one here</a></li>
      <li><a href="/world/x/menu-story-two">Menu story number two here</a></li></ul></nav>
    <div class="related-tags"><a href="/tag/floods">Floods and more floods</a>
      <a href="/tag/bridges">Bridges of the county</a></div>
    <div class="share-bar related">
      <a href="https://twitter.com/intent/tweet?u=1">Share this on Twitter</a>
      <a href="https://www.facebook.com/sharer.php?u=1">Share this on Facebook now</a></div>
    <div class="recommended taboola">
      <a href="https://ads.example.net/p/1">Doctors hate this one weird trick</a>
      <a href="https://ads.example.net/p/2">You will not believe these prices</a></div>
    <div class="pagination related-posts">
      <a href="/world/2019/11/19/prev-story">Previous story in the series</a>
      <a href="/world/2019/11/21/next-story">Next story in the series here</a></div>
    """
    assert _titles(body) == []


def test_teaser_card_kicker_rank_and_date_are_not_the_title() -> None:
    body = """<aside class="most-popular"><h3>Most Popular</h3>
      <div class="card"><a href="/tv/1001/dec-walk">
        <h2 class="teaser__headline">SCORCHER</h2>
        <p class="teaser__subdeck">Dec takes baby Isla for a walk in the sunshine</p></a></div>
      <div class="card"><a href="/tv/1002/rank-story"><span class="rank">2</span>
        <span class="story-title">Rain returns to the valley this weekend</span>
        <time datetime="2019-11-19T10:00:00Z">Nov 19, 2019</time></a></div>
    </aside>"""
    items = extract_related(_page(body), Context())
    assert [i.title for i in items] == [
        "Dec takes baby Isla for a walk in the sunshine",
        "Rain returns to the valley this weekend",
    ]
    assert items[1].published == "2019-11-19T10:00:00+00:00"


def test_appended_date_becomes_published_not_title() -> None:
    body = """<div class="story-more"><h2>More on this story</h2><ul>
      <li><a href="/news/world-47891234"><span class="cta">Video</span>
        <h3 class="unit__title">Assange dragged from the embassy</h3>
        <span class="when">11 April 2019</span></a></li>
      <li><a href="/news/world-47912345"><h3 class="unit__title">Assange court date is set</h3>
        <span class="when">2 May 2019</span></a></li></ul></div>"""
    items = extract_related(_page(body), Context())
    assert [(i.title, i.published) for i in items] == [
        ("Assange dragged from the embassy", "2019-04-11"),
        ("Assange court date is set", "2019-05-02"),
    ]


def test_inline_read_also_link_but_not_body_links() -> None:
    body = """<div class="article-body">
      <p>The mayor said on Monday that the <a href="/world/2019/1/1/older-budget-story">budget
         for the new year</a> would cover the repairs, and that work starts soon after.</p>
      <p><strong>Read also:</strong> <a href="/world/2019/11/01/bridge-history">
         The long history of the county bridge</a></p>
      <p>Leggi anche: <a href="/it/2019/11/01/ponte">Il ponte della contea riapre domani</a></p>
    </div>"""
    assert _titles(body) == [
        "The long history of the county bridge",
        "Il ponte della contea riapre domani",
    ]


def test_duplicate_and_self_links_dropped() -> None:
    body = RELATED + f"""<div class="most-read"><h3>Most read</h3><ol>
      <li><a href="{PAGE}/">The story itself is told right here</a></li>
      <li><a href="/world/2019/11/19/first-other-story?utm_source=x">
        Floods close the old harbour road</a></li>
      <li><a href="/world/2019/11/17/third-story">A third story about the river</a></li>
    </ol></div>"""
    assert _titles(body) == [
        "Floods close the old harbour road",
        "Council votes to rebuild the bridge",
        "A third story about the river",
    ]


def test_topic_strip_under_the_masthead_is_navigation() -> None:
    body = RELATED.replace('class="related-stories"', 'class="trending-bar"')
    assert _titles(body) == []


def test_hidden_block_skipped() -> None:
    body = RELATED.replace('class="related-stories"', 'class="related-stories hide"')
    assert _titles(body) == []


# Deeper than Python's recursion limit; lexbor's own parse time grows fast past 10k.
DEPTH = 5_000


def test_tab_panel_named_by_its_tab_link() -> None:
    body = """<ul class="tabs"><li><a href="#popular-pane">Most Read</a></li></ul>
      <div id="popular-pane"><ul>
        <li><a href="/x/2019/river-rises-again">The river rises again after rain</a></li>
        <li><a href="/x/2019/ferry-back-soon">The ferry will be back very soon</a></li>
      </ul></div>"""
    assert _titles(body) == [
        "The river rises again after rain",
        "The ferry will be back very soon",
    ]


def test_single_link_under_its_own_label_and_same_story_twice() -> None:
    body = """<div class="read-next-wrapper"><p>Read Next</p>
      <p><a href="/world/2019/11/20/harbour-road-reopens">
        Harbour road reopens to traffic</a></p></div>
      <div class="most-popular"><ul>
      <li><a href="/food/Chef-opens-pub-14846963.php">Chef opens a pub by the lake</a></li>
      <li><a href="/food/Chef-pub-slated-14846963.php">Chef opens a pub by the lake</a></li>
      <li><a href="/food/Bakery-wins-prize-14846999.php">Village bakery wins a prize</a></li>
      </ul></div>"""
    assert _titles(body) == [
        "Harbour road reopens to traffic",
        "Chef opens a pub by the lake",
        "Village bakery wins a prize",
    ]


def test_odd_inputs_do_not_raise() -> None:
    deep = "<div class='related'>" * DEPTH + "<a href='/x/y/z-story'>Deep link text in here</a>"
    for html in ("", "<html><body><div class='related'><ul><li><a href='/a/b", deep, "<p>text</p>"):
        doc = Document(source="t.html", format="html", text=html)
        assert extract_related(doc, Context()) is None
        assert extract_ticker(doc, Context()) is None


TICKER_PAGE = """
<div class="breaking-news-bar"><b>Breaking News</b><ul>
  <li><a href="/news/1001/quake-hits-coast">Quake hits the northern coast overnight</a></li>
  <li><a href="/news/1002/minister-resigns">Minister resigns after long inquiry</a></li>
  <li><a href="">Live Watch the news channel live</a></li>
</ul></div>
<h1>The story itself is told right here</h1>
<div class="breaking-news"><b>Breaking News</b><ul>
  <li><a href="/news/2019/later-breaking-story">A later breaking story under the article</a></li>
  <li><a href="/news/2019/another-breaking-story">Another breaking story under the article</a></li>
</ul></div>
"""


def test_ticker_above_headline_split_into_items() -> None:
    doc = Document(source="t.html", format="html", text=f"<html><body>{TICKER_PAGE}</body></html>")
    ctx = Context(header=Header(title="The story itself is told right here"))
    header = extract_ticker(doc, ctx)
    assert header is not None and header.title is None
    assert header.ticker == [
        "Quake hits the northern coast overnight",
        "Minister resigns after long inquiry",
    ]
    related = [i.title for i in extract_related(doc, Context()) or []]
    assert related == [
        "A later breaking story under the article",
        "Another breaking story under the article",
    ]


def test_no_ticker_without_one() -> None:
    assert extract_ticker(_page(RELATED), Context()) is None


def test_valueless_class_attributes_do_not_raise() -> None:
    html = "<div class><h3 class>Related</h3><ul><li class><a href='/a/b-c-d'>x y z w</a></li></ul>"
    doc = Document(source="t.html", format="html", text=html)
    assert extract_related(doc, Context()) is None  # one item under a label: too weak
    assert extract_ticker(doc, Context()) is None


FOREIGN_LABELS = (
    "Lo más leído", "Las más leídas", "Más leídas", "Lo más visto", "Te puede interesar",
    "Les plus lus", "À lire aussi", "Sur le même sujet", "Dans la même rubrique",
    "Meistgelesen", "Meistgelesene Artikel", "Das könnte Sie auch interessieren",
    "Più letti", "I più letti", "Leggi anche", "Mais lidas", "Leia também",
    "Самое читаемое", "Читайте также", "ランキング", "関連記事", "많이 본 뉴스", "관련기사",
    "相关新闻", "延伸閱讀", "الأكثر قراءة", "اقرأ أيضا", "Meest gelezen", "Lees ook",
    "Najczęściej czytane", "Related stories:", "Most read ›",
)


def test_label_vocabulary_covers_common_languages() -> None:
    missing = [w for w in FOREIGN_LABELS if not LABEL_RE.match(w.casefold())]
    assert missing == []
    assert not LABEL_RE.match("el presidente habló ayer")
    assert not LABEL_RE.match("tags")


def test_spanish_most_read_list() -> None:
    items = "".join(
        f'<li><a href="/noticias/2019/11/{n}/historia-{n}">Historia número {n} del día</a></li>'
        for n in range(1, 6)
    )
    body = f'<div class="col"><h3>Las más leídas</h3><ol>{items}</ol></div>'
    assert _titles(body) == [f"Historia número {n} del día" for n in range(1, 6)]


def test_box_labelled_by_a_plain_first_child() -> None:
    links = "".join(
        f'<a href="/politique/article/2019/11/{n}/sujet-proche-{n}">Un sujet proche numéro {n}</a>'
        for n in range(1, 7)
    )
    aside = f'<aside class="col"><span class="x">Sur le même sujet</span><div>{links}</div></aside>'
    para = '<p><span>Sur le même sujet</span></p><p>' + links.replace("proche", "voisin") + "</p>"
    assert len(_titles(aside)) == 6
    assert len(_titles(f"<div>{para}</div>")) == 6


def test_first_character_dispatch_agrees_with_the_full_regexes() -> None:
    texts = [*(w.casefold() for w in FOREIGN_LABELS), ":", "…", "the mayor said", "more"]
    assert [label_match(t) for t in texts] == [bool(LABEL_RE.match(t)) for t in texts]
    lines = ["Read also: x", "  Leggi anche: y", "À lire aussi : z", " : x", "The mayor: x"]
    assert [inline_match(t) for t in lines] == [bool(INLINE_RE.match(t)) for t in lines]


def test_upper_case_and_accented_labels_pass_the_first_character_test() -> None:
    """The label test rejects texts by their case-folded first character before
    cleaning them: "MOST READ" and "Ähnliche Artikel" must still be labels."""
    for label in ("  MOST READ", "Ähnliche Artikel:"):
        body = f"""<div><h4>{label}</h4><ul>
          <li><a href="/a/2019/first-one">Floods close the old harbour road</a></li>
          <li><a href="/a/2019/second-one">Council votes to rebuild the bridge</a></li>
        </ul></div>"""
        assert _titles(body) == [
            "Floods close the old harbour road",
            "Council votes to rebuild the bridge",
        ], label
    assert _titles(RELATED.replace("related-stories", "box").replace("Related", "Zebra")) == []


def test_title_and_section_classes_match_in_any_case() -> None:
    body = """<div class="related-links">
      <div class="Card"><a href="/a/2019/first-one"><span class="Card-KICKER">Storm</span>
        <span class="Card-HEADLINE">Floods close the old harbour road</span></a>
        <span class="Card-Category">Weather</span>
        <span class="Card-PubDate">Nov 19, 2019</span></div>
      <div class="Card"><a href="/a/2019/second-one">
        <h4>Council votes to rebuild the bridge</h4></a></div>
    </div>"""
    items = extract_related(_page(body), Context())
    assert [(i.title, i.section, i.published) for i in items] == [
        ("Floods close the old harbour road", "Weather", "2019-11-19"),
        ("Council votes to rebuild the bridge", None, None),
    ]


def test_ticker_presence_is_read_from_the_class_scan() -> None:
    assert has_ticker_boxes(Document(source="t.html", format="html",
                                     text=f"<html><body>{TICKER_PAGE}</body></html>"))
    assert not has_ticker_boxes(_page(RELATED))


def test_url_split_by_hand_agrees_with_urlsplit() -> None:
    urls = [
        "https://a.example.com/x/2019/story-one?id=5&utm_source=t#top", "http://a.example.com",
        "http://a.example.com?q=1", "http://a.example.com#frag?x", "https://h/p?q#f#g",
        "https://a.example.com/a\tb", "http://[::1]/x", "http://h[/x", "http://ex\u00e4mple.com/x",
        "HTTP://A.example.com/X", "//a.example.com/x", "/x/y", "", "mailto:a@b.c",
        "http://user:pw@h:80/p;x?q", "https://h/[x]?y", "http:/h/x", "http://h/x\ny",
    ]
    for url in urls:
        try:
            expected = urlsplit(url)
        except ValueError:
            expected = None
        try:
            got = split_url(url)
        except ValueError:
            got = None
        assert got == expected, url
