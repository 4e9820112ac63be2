"""Unit tests of the HTML header extractor, one small page per rule."""

from __future__ import annotations

import pytest

from newsx.document import Document
from newsx.extractors.base import Context
from newsx.extractors.html_header import EXTRACTOR, extract_header
from newsx.extractors.html_header_authors import clean_byline
from newsx.extractors.html_header_dates import Seen, decide, url_date
from newsx.extractors.html_header_title import cut_site
from newsx.extractors.html_meta import parse_jsonld, read_meta, read_near
from newsx.record import Header

PROSE = (
    "The council met on Tuesday to discuss the budget for the coming year, and the members "
    "agreed that the new library should be built before the end of the decade. "
) * 3
PROSE_DE = (
    "Der Rat hat am Dienstag über den Haushalt für das kommende Jahr beraten, und die "
    "Mitglieder waren sich einig, dass die neue Bibliothek noch vor dem Ende gebaut wird. "
) * 3


def header(html: str, url: str | None = None) -> Header:
    result = extract_header(Document(source="t.html", format="html", text=html, url=url),
                            Context())
    assert isinstance(result, Header)
    return result


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return f"<html{lang_attr}><head>{head}</head><body>{body}</body></html>"


def test_extractor_value():
    assert EXTRACTOR.block == "header"
    assert EXTRACTOR.handles("html") and not EXTRACTOR.handles("text")


# --- title -----------------------------------------------------------------------------

HEADLINE = "Council backs new library"


@pytest.mark.parametrize("title, sites, expected", [
    (f"{HEADLINE} | The Daily Planet", ["The Daily Planet"], HEADLINE),
    (f"The Daily Planet - {HEADLINE}", ["The Daily Planet"], HEADLINE),
    (f"{HEADLINE} – dailyplanet", ["dailyplanet"], HEADLINE),
    (f"Opinion | {HEADLINE} - The Daily Planet", ["The Daily Planet"], HEADLINE),
    ("Jedi: review – shoots for the moon", ["VG247"], "Jedi: review – shoots for the moon"),
    (f"{HEADLINE} | Politics | The Daily Planet", ["The Daily Planet"], HEADLINE),
    ("Jazz | Music | Planet", ["Planet"], "Jazz | Music"),  # too short to be a headline + section
    (f"{HEADLINE}＜Planet＞", ["Planet"], HEADLINE),
    (f"【Planet】{HEADLINE}", ["Planet"], HEADLINE),
    (f"{HEADLINE} [Planet]", ["Planet"], HEADLINE),
    (f"{HEADLINE} «Planet»", ["Planet"], HEADLINE),
    (f"{HEADLINE} [Video]", ["Planet"], HEADLINE),
    ("図書館の新設を承認\u3000プラネット新聞", ["プラネット新聞"], "図書館の新設を承認"),
    (f"{HEADLINE} [Part 2] | Planet", ["Planet"], f"{HEADLINE} [Part 2]"),
])
def test_cut_site_name_either_side(title, sites, expected):
    assert cut_site(title, sites) == expected


def test_h1_that_agrees_with_og_title_wins_over_it():
    html = page(
        '<meta property="og:title" content="Opinion | Council Backs New Library">'
        '<meta property="og:site_name" content="Planet">',
        "<h1>Planet</h1><h1>Council backs new library</h1><p>" + PROSE + "</p>",
    )
    assert header(html).title == "Council backs new library"


def test_lone_h1_worded_differently_from_og_title_is_the_headline():
    html = page('<meta property="og:title" content="Library vote: what it means">',
                "<h1>Council backs new library after long debate</h1><p>" + PROSE + "</p>")
    assert header(html).title == "Council backs new library after long debate"


def test_logo_h1_is_skipped_for_the_declared_title():
    html = page("<title>Council backs new library - Planet News</title>",
                '<a href="/"><h1>Planet News</h1></a><p>' + PROSE + "</p>")
    assert header(html).title == "Council backs new library"


def test_empty_h1_falls_back_to_og_title():
    html = page('<meta property="og:title" content="Council backs new library">',
                "<h1></h1><p>" + PROSE + "</p>")
    assert header(html).title == "Council backs new library"


def test_itemprop_headline_beats_a_promo_h1():
    html = page(
        '<meta property="og:title" content="Council backs new library - Planet">'
        '<meta property="og:site_name" content="Planet">',
        '<h2 itemprop="headline">Council backs new library</h2><p>' + PROSE + "</p>"
        "<h1>Why cats ignore their owners and other stories</h1>",
    )
    assert header(html).title == "Council backs new library"


def test_blogposting_item_name_in_h2_when_the_only_h1_is_the_masthead():
    html = page(
        "<title>Council backs new library | Planet Blog</title>"
        '<meta property="og:site_name" content="Planet Blog">',
        '<h1 class="masthead"><a href="/">Planet Blog</a></h1>'
        '<div itemscope itemtype="http://schema.org/BlogPosting">'
        '<h2><a itemprop="name" href="/p/1">Council finally backs the new library</a></h2>'
        '<div itemprop="author" itemscope itemtype="http://schema.org/Person">'
        '<span itemprop="name">Ann Lee</span></div>'
        "<p>" + PROSE + "</p></div>",
    )
    h = header(html)
    assert h.title == "Council finally backs the new library"
    assert h.authors == ["Ann Lee"]


def test_h2_agreeing_with_og_title_beats_the_declared_wording():
    html = page(
        '<meta property="og:title" content="Council backs new library - Planet">'
        '<meta property="og:site_name" content="Planet">',
        '<h1 class="site-title"><a href="/">Planet</a></h1>'
        "<h2>Around town</h2><h2>Council backs new library!</h2><p>" + PROSE + "</p>",
    )
    assert header(html).title == "Council backs new library!"


# --- JSON-LD -------------------------------------------------------------------------

def test_jsonld_graph_author_list_and_dates():
    ld = ('{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Planet"},'
          '{"@type":"NewsArticle","headline":"Council backs new library",'
          '"datePublished":"2019-11-18T10:00:00+01:00","dateModified":"2019-11-19T08:00:00+01:00",'
          '"author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],'
          '"articleSection":"Local"}]}')
    h = header(page(f'<script type="application/ld+json">{ld}</script>', "<p>" + PROSE + "</p>"))
    assert h.title == "Council backs new library"
    assert h.published == "2019-11-18T10:00:00+01:00"
    assert h.modified is None  # the page shows no update
    assert h.authors == ["Ann Lee", "Bo Chan"]
    assert h.section == "Local"


def test_jsonld_list_and_author_object():
    ld = ('[{"@type":"Organization","name":"Planet"},{"@type":"Article","headline":"X y z",'
          '"author":{"@type":"Person","name":"Ann Lee"},"datePublished":"2019-11-18"}]')
    h = header(page(f'<script type="application/ld+json">{ld}</script>', "<p>" + PROSE + "</p>"))
    assert h.authors == ["Ann Lee"]
    assert h.published == "2019-11-18"


def test_broken_jsonld_is_repaired():
    raw = '<!-- {"@type": "NewsArticle", "headline": "A\tb", "author": {"name": "Ann Lee",},} -->'
    value = parse_jsonld(raw)
    assert value["author"]["name"] == "Ann Lee"
    assert parse_jsonld('{"a": ') is None


def test_deep_jsonld_does_not_raise():
    deep = "[" * 100_000 + "]" * 100_000
    html = page(f'<script type="application/ld+json">{deep}</script>', "<h1>A title here</h1>")
    assert header(html).title == "A title here"


# --- dates ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "article:published_time", "datePublished", "pubdate", "dc.date", "sailthru.date",
    "parsely-pub-date", "DC.date.issued",
])
def test_meta_date_names(name):
    attr = "property" if ":" in name else "name"
    html = page(f'<meta {attr}="{name}" content="2019-11-18T10:00:00+01:00">',
                "<h1>Council backs new library</h1><p>" + PROSE + "</p>")
    assert header(html).published == "2019-11-18T10:00:00+01:00"


def test_offset_kept_and_not_invented():
    h = header(page('<meta property="article:published_time" content="2019-11-18T10:00:00">',
                    "<h1>Council backs new library</h1><p>" + PROSE + "</p>"))
    assert h.published == "2019-11-18T10:00:00"


def test_shown_clock_without_seconds_gives_the_declared_instant_its_offset():
    # 20:13 shown, 23:13:51 UTC declared: the same minute at -03:00
    dates = decide(["2010-10-22T23:13:51+00:00"], [],
                   [Seen("2010-10-22T20:13:00", "", True)], None)
    assert dates.published == "2010-10-22T20:13:00-03:00"


def test_url_date():
    assert url_date("https://example.com/2019/11/18/story.html") == "2019-11-18"
    assert url_date("https://example.com/news/2019-11-18-story") == "2019-11-18"
    assert url_date("https://example.com/story-14848164.php") is None
    h = header(page("", "<h1>Council backs new library</h1><p>" + PROSE + "</p>"),
               url="https://example.com/2019/11/18/council-library/")
    assert h.published == "2019-11-18"


def test_visible_dateline_without_metadata():
    h = header(page("", "<h1>Council backs new library</h1><p>By Ann Lee</p>"
                        "<p>Published November 18, 2019 at 9:24 pm</p><p>" + PROSE + "</p>"))
    assert h.published == "2019-11-18T21:24:00"


def test_byline_is_read_under_the_headline_element_not_a_sticky_bar_copy():
    title = "Council backs new library after long debate"
    sticky = f'<div class="sticky-bar"><span>{title}</span><p>{PROSE * 6}</p></div>'
    article = (f'<article><h1>{title}</h1><span class="byline">By <a href="/ann">Ann Lee</a>'
               f"</span><p>{PROSE}</p></article>")
    assert header(page("", sticky + article)).authors == ["Ann Lee"]


def test_unmarked_time_in_a_sidebar_is_not_the_dateline():
    sidebar = ('<aside><h3>Live news</h3><ul><li><time datetime="2015-05-13T10:25:21+02:00">'
               "13/05/2015 10:25</time> Markets open higher</li></ul></aside>")
    menu = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section number {i}</a></li>"
                                 for i in range(40)) + "</ul></nav>"
    sidebar += menu  # (the lines just above the headline are its surroundings)
    article = ("<article><h1>Third blogger attacked in the capital</h1><p>Date created : "
               "2015-05-12</p><p>" + PROSE + "</p></article>")
    assert header(page("", sidebar + article)).published == "2015-05-12"


def test_unmarked_time_under_the_headline_is_the_dateline():
    article = ('<article><h1>Third blogger attacked in the capital</h1><p><time '
               'datetime="2015-05-12T09:00:00+02:00">12 May 2015</time></p><p>' + PROSE + "</p>")
    assert header(page("", article + "</article>")).published == "2015-05-12T09:00:00+02:00"


def test_byline_word_and_names_in_separate_elements():
    h = header(page("", "<h1>Council backs new library</h1><div class='meta'><span>By</span> "
                        "<a href='/a'>Ann Lee</a> <span>and</span> <a href='/b'>Bo Chan</a></div>"
                        "<p>" + PROSE + "</p>"))
    assert h.authors == ["Ann Lee", "Bo Chan"]


def test_microformat_abbr_title_gives_the_published_time():
    stamp = ('<abbr class="published" itemprop="datePublished" '
             'title="2016-05-08T00:55:00-07:00">12:55 AM</abbr>')
    h = header(page("", f"<h1>Council backs new library</h1><p>{stamp}</p><p>{PROSE}</p>"))
    assert h.published == "2016-05-08T00:55:00-07:00"


def test_numeric_meta_date_of_an_american_page_is_month_first():
    meta = '<meta name="publish_date" content="05/08/2014 07:01:00">'
    html = page(meta, f"<h1>Council backs new library</h1><p>{PROSE}</p>", lang="en-US")
    assert header(html).published == "2014-05-08T07:01:00"


def test_date_in_the_headline_is_not_the_publication_day():
    h = header(page("", "<h1>Weekly edition for March 26, 2015</h1><p>By Ann Lee</p>"
                        "<p>March 25, 2015</p><p>" + PROSE + "</p>"))
    assert h.published == "2015-03-25"


def test_reader_day_wins_over_utc_day():
    """Visible 9:24 pm ET on the 18th = 02:24 UTC on the 19th: keep the 18th, with -05:00."""
    html = page('<meta property="article:published_time" content="2019-11-19T02:24:00Z">',
                "<h1>Council backs new library</h1><p>Nov 18, 2019 9:24 pm ET</p>"
                "<p>" + PROSE + "</p>")
    assert header(html).published == "2019-11-18T21:24:00-05:00"


def test_update_shown_sets_modified_and_local_offset():
    html = page('<meta property="article:published_time" content="2019-11-20T02:07:18Z">'
                '<meta property="article:modified_time" content="2019-11-20T05:24:30Z">',
                "<h1>Council backs new library</h1><p>Updated 12:24 am EST, Wednesday, "
                "November 20, 2019</p><p>" + PROSE + "</p>")
    h = header(html)
    assert h.published == "2019-11-19T21:07:18-05:00"
    assert h.modified is not None and h.modified.startswith("2019-11-20T00:24")


def test_only_shown_date_is_the_update_day():
    seen = [Seen("2018-09-16", "", False)]
    dates = decide(["2018-09-15T10:15:00+02:00"], ["2018-09-16T08:00:00+02:00"], seen, None)
    assert dates.published == "2018-09-15T10:15:00+02:00"
    assert dates.modified is not None


def test_teaser_date_far_from_the_declared_date_is_ignored():
    seen = [Seen("2019-06-28", "", False)]
    assert decide(["2019-11-18T17:50:00-05:00"], [], seen, None).published == \
        "2019-11-18T17:50:00-05:00"


# --- authors -------------------------------------------------------------------------

@pytest.mark.parametrize("byline, expected", [
    ("By TOM KRISHER, AP Auto Writer", ["Tom Krisher"]),
    ("By Jill Disis, CNN Business", ["Jill Disis"]),
    ("By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER, Associated Press",
     ["Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"]),
    ("Kevin Johnson and Kevin McCoy, USA TODAY", ["Kevin Johnson", "Kevin McCoy"]),
    ("Written by Rachael Link, MS, RD on November 14, 2019", ["Rachael Link"]),
    ("By Amy Kuperinsky | NJ Advance Media for NJ.com", ["Amy Kuperinsky"]),
    ("Текст: Венера Ерофеева·24 сентября 2018", ["Венера Ерофеева"]),
    ("VICTOR TANGERMANN, FUTURISM", ["Victor Tangermann"]),
    ("By\nMeg James\nStaff Writer", ["Meg James"]),
    ("By Reuters", []),
    ("Associated Press", []),
    ("admin", []),
    ("By Staff Reports", []),
    ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", ["Bradley M. Kuhn"]),
    ("By Ann Lee <ann.lee@example.com> and Bo Chan", ["Ann Lee", "Bo Chan"]),
])
def test_clean_byline(byline, expected):
    assert clean_byline(byline, ["Planet"]) == expected


def test_visible_byline_lists_coauthors_missing_from_jsonld():
    ld = '{"@type":"NewsArticle","author":{"@type":"Person","name":"Tariq Malik"}}'
    html = page(f'<script type="application/ld+json">{ld}</script>',
                '<h1>Council backs new library</h1><div class="byline">By Tariq Malik, '
                'Mike Wall</div><p>' + PROSE + "</p>")
    assert header(html).authors == ["Tariq Malik", "Mike Wall"]


def test_by_in_the_middle_of_a_sentence_is_no_byline():
    html = page("", "<h1>Council backs new library</h1>"
                "<p>This demo page is powered by Mocha and Chai.</p><p>" + PROSE + "</p>")
    assert header(html).authors == []


def test_posted_by_at_line_start_is_a_byline():
    html = page("", "<h1>Council backs new library</h1>"
                "<p>Posted by Ann Lee</p><p>" + PROSE + "</p>")
    assert header(html).authors == ["Ann Lee"]


def test_itemprop_author_of_the_article_counts_at_any_distance():
    comment = ('<div itemprop="comment" itemscope itemtype="http://schema.org/Comment">'
               '<span itemprop="author">Bo Chan</span><p>Nice.</p></div>')
    html = page("", '<article itemscope itemtype="http://schema.org/BlogPosting">'
                "<h1>Council backs new library</h1>" + ("<p>" + PROSE + "</p>") * 12
                + '<footer>Written by <a rel="author" href="/u/ann">Ann Lee</a></footer>'
                + comment + "</article>")
    assert header(html).authors == ["Ann Lee"]
    # a nested item's author (a comment's) is not the article's
    html = page("", '<article itemscope itemtype="http://schema.org/BlogPosting">'
                "<h1>Council backs new library</h1>" + ("<p>" + PROSE + "</p>") * 12
                + comment + "</article>")
    assert header(html).authors == []


def test_agency_only_credit_gives_no_author():
    html = page('<meta name="author" content="Reuters">',
                '<h1>Council backs new library</h1><div class="byline">Reuters</div>'
                "<p>" + PROSE + "</p>")
    assert header(html).authors == []


def test_site_name_is_not_an_author():
    html = page('<meta property="og:site_name" content="LinkNaija">'
                '<meta name="author" content="LinkNaija">',
                "<h1>Council backs new library</h1><p>" + PROSE + "</p>")
    assert header(html).authors == []


# --- section -------------------------------------------------------------------------

def test_breadcrumb_level_matching_article_section():
    html = page('<meta property="article:section" content="Business">',
                '<ol class="breadcrumb"><li>Home</li><li>Business</li><li>Markets</li></ol>'
                "<h1>Council backs new library</h1><p>" + PROSE + "</p>")
    assert header(html).section == "Business"


def test_breadcrumb_last_level_without_declared_section():
    html = page("", '<ol class="breadcrumb"><li><a href="/">Home</a></li><li>News</li>'
                    "<li>Spaceflight</li></ol><h1>Council backs new library</h1><p>"
                    + PROSE + "</p>")
    assert header(html).section == "Spaceflight"


def test_article_section_alone_and_non_sections_ignored():
    html = page('<meta property="article:section" content="Opinion">',
                "<h1>Council backs new library</h1><p>" + PROSE + "</p>")
    assert header(html).section == "Opinion"
    ld = '{"@type":"NewsArticle","articleSection":"post"}'
    html = page(f'<script type="application/ld+json">{ld}</script>',
                "<h1>Council backs new library</h1><p>" + PROSE + "</p>")
    assert header(html).section is None


# --- language, url, misc ------------------------------------------------------------

def test_language_from_lang_attribute_and_og_locale():
    assert header(page("", "<h1>Titel</h1><p>" + PROSE_DE + "</p>", lang="de-DE")).language == "de"
    html = page('<meta property="og:locale" content="pt_BR">', "<h1>Título</h1>", lang="")
    assert header(html).language == "pt"


def test_language_from_text_when_undeclared_or_contradicted():
    assert header(page("", "<h1>Ein Titel</h1><p>" + PROSE_DE + "</p>", lang="")).language == "de"
    assert header(page("", "<h1>Ein Titel</h1><p>" + PROSE_DE + "</p>", lang="en")).language == "de"
    assert header(page("", "<h1>A title</h1><p>" + PROSE + "</p>", lang="de")).language == "en"


def test_url_from_canonical_when_input_gives_none():
    html = page('<link rel="canonical" href="https://example.com/a">', "<h1>A title here</h1>")
    assert header(html).url == "https://example.com/a"
    assert header(html, url="https://x.org/b").url == "https://x.org/b"


def test_tags_description_image_site_name():
    html = page('<meta property="article:tag" content="Libraries">'
                '<meta property="article:tag" content="Budget">'
                '<meta property="og:description" content="The council agreed.">'
                '<meta property="og:image" content="https://example.com/i.jpg">'
                '<meta property="og:site_name" content="Planet">', "<h1>A title here</h1>")
    h = header(html)
    assert h.tags == ["Libraries", "Budget"]
    assert h.description == "The council agreed."
    assert h.image == "https://example.com/i.jpg"
    assert h.site_name == "Planet"
    assert h.ticker == []  # left to the related-items extractor


def test_site_name_that_is_a_url_is_not_a_name():
    html = page('<meta property="og:site_name" content="http://www.planet.com">'
                '<meta name="application-name" content="Planet">'
                "<title>Council backs new library - www.planet.com</title>",
                "<p>" + PROSE + "</p>")
    h = header(html)
    assert h.site_name == "Planet"
    assert h.title == "Council backs new library"
    only_url = page('<meta property="og:site_name" content="https://planet.com/">', "<p>x</p>")
    assert header(only_url).site_name is None


@pytest.mark.parametrize("html", [
    "", "<html>", "<p>no head at all", "<html><head><title>Cut off", "<div>" * 3_000,
    "<h1>" + "<span>" * 3_000 + "Deep title",
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>',
])
def test_odd_input_does_not_raise(html):
    header(html)


def test_read_meta_collects_body_elements():
    from selectolax.lexbor import LexborHTMLParser

    meta = read_meta(LexborHTMLParser(
        '<html lang="it"><head><meta name="Author" content="Ann"></head><body>'
        '<h1>T</h1><time datetime="2019-01-01">x</time><span itemprop="author">Ann</span>'
        "</body></html>"))
    assert meta.lang == "it" and meta.first("author") == "Ann"
    assert len(meta.h1) == 1 and len(meta.times) == 1 and meta.props("author")


def test_class_bylines_are_read_only_around_the_headline():
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(
        "<html><body><div id='story'><h1>T</h1><p class='byline'>By Ann Lee</p>"
        "<span class='kicker'>Local</span></div>"
        "<aside><p class='byline'>By Bo Chan</p></aside></body></html>")
    meta = read_meta(tree)
    assert meta.bylines == [] and meta.kickers == []  # the body query leaves class names out
    read_near(meta, tree.css_first("#story"))
    assert [n.text() for n in meta.bylines] == ["By Ann Lee"]
    assert [n.text() for n in meta.kickers] == ["Local"]


def test_an_element_matching_several_selectors_is_filed_once():
    """Lexbor lists a node once per selector it matches: a ``<time itemprop>`` or a
    ``class="byline author"`` must still count once against the quotas."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(
        "<html><body><div id='story'><h1 itemprop='headline'>T</h1>"
        "<time itemprop='datePublished' datetime='2019-01-01'>x</time>"
        "<p class='byline author-name'>By Ann Lee</p></div></body></html>")
    meta = read_meta(tree)
    assert len(meta.h1) == 1 and len(meta.times) == 1
    assert [name for name, _ in meta.itemprops] == ["headline", "datePublished"]
    read_near(meta, tree.css_first("#story"))
    assert [n.text() for n in meta.bylines] == ["By Ann Lee"]


def test_teasers_with_two_headline_classes_do_not_crowd_out_the_headline():
    """Each teaser below matches two of the headline selectors; listed once per match,
    40 teasers would fill the candidate slots before the article's own headline."""
    from selectolax.lexbor import LexborHTMLParser

    from newsx.extractors.html_header_title import MAX_HEADLINE_NODES, headline

    teasers = "".join(f"<p class='post-title headline'>Teaser number {i} of the day</p>"
                      for i in range(MAX_HEADLINE_NODES * 2 // 3))
    tree = LexborHTMLParser(
        "<html><head><meta property='og:title' content='Council backs new library'></head>"
        f"<body>{teasers}<h2 class='story-title'>Council backs new library</h2>"
        f"<p>{PROSE}</p></body></html>")
    title, _raw, node = headline(tree, read_meta(tree), [])
    assert title == "Council backs new library"
    assert node is not None and node.tag == "h2"


# --- fast paths: the same answers as the plain forms they replace ------------------


def test_lines_are_the_stripped_nonblank_lines():
    from newsx.extractors.html_header import _LINE, _lines

    text = "  a b \n\n \t\n\xa0c\u2003\nd\r\n\x0b\n  e  f"
    for lo, hi in ((0, len(text)), (3, 12), (5, len(text) - 2)):
        assert _lines(text, lo, hi) == _LINE.findall(text, lo, hi)


@pytest.mark.parametrize(("line", "code"), [
    ("window.dataLayer.push({", True), ("foo(bar)", True), ('var x = "y"', True),
    ('{"a": 1', True), ("<div class", True), ("an anonymous function here", True),
    ("Mr. Smith's case (in law) is clear", False),
    ("Prices rose 5% (the most since 2008)", False), ("a < b and c = d", False),
])
def test_is_code(line, code):
    from newsx.extractors.html_header import _is_code

    assert _is_code(line) is code


def test_byline_roles_and_outlets_are_not_names():
    assert clean_byline("By Jane Doe, Staff Writer", []) == ["Jane Doe"]
    assert clean_byline("Reuters Staff", []) == []
    assert clean_byline("By Illustrated Times", []) == []
    assert clean_byline("By Maria Silva e João Souza | Redação", []) == ["Maria Silva",
                                                                          "João Souza"]
