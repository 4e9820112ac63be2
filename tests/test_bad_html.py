"""Pages that break parsers: each gives a record or one clear error line, quickly."""

from __future__ import annotations

import pytest
from conftest import run_newsx
from hypothesis import given
from hypothesis import strategies as st

from newsx.document import MAX_HTML_DEPTH, html_depth

ARTICLE = ("<h1>Storm closes the harbour for a second day</h1>"
           + "<p>The port authority said on Tuesday that the storm, which brought winds of more "
             "than 100 km/h, would keep the harbour closed until Thursday at the earliest.</p>" * 6)


def one_record(path, valid, *args):
    result = run_newsx("extract", str(path), *args, timeout=300)
    assert result.status == 0, result.stderr
    assert "Traceback" not in result.stderr
    (record,) = result.records
    return valid(record)


def one_error(path, *words):
    result = run_newsx("extract", str(path), timeout=300)
    assert result.status == 1
    assert result.stdout == b""
    lines = [x for x in result.stderr.splitlines() if not x.startswith("newsx: done:")]
    assert len(lines) == 1 and lines[0].startswith(f"newsx: {path}: "), result.stderr
    for word in words:
        assert word in lines[0]


def test_empty_page(tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    one_error(path, "empty")


def test_truncated_mid_tag(tmp_path, valid):
    path = tmp_path / "cut.html"
    path.write_text(f"<html><head><title>Storm</title></head><body>{ARTICLE}<div class=\"sha",
                    encoding="utf-8")
    record = one_record(path, valid)
    assert record["format"] == "html"
    assert "harbour closed until Thursday" in record["body"]["text"]


@pytest.mark.parametrize("closed", [False, True], ids=["open", "balanced"])
def test_deeply_nested(tmp_path, closed):
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + ARTICLE + ("</div>" * depth if closed else "")
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    one_error(path, "nested", "levels deep")


def test_moderately_nested_page_is_read(tmp_path, valid):
    page = "<html><body>" + "<div>" * 3000 + ARTICLE + "</div>" * 3000 + "</body></html>"
    path = tmp_path / "nested.html"
    path.write_text(page, encoding="utf-8")
    assert "port authority" in one_record(path, valid)["body"]["text"]


def test_twenty_megabyte_page(tmp_path, valid):
    filler = "<div class=\"sidebar\"><a href=\"/x\">Other story</a></div>\n" * 360_000
    page = f"<html><head><title>Storm</title></head><body>{filler}<article>{ARTICLE}</article>"
    page += "</body></html>"
    path = tmp_path / "big.html"
    path.write_text(page, encoding="utf-8")
    assert path.stat().st_size > 20_000_000
    assert "port authority" in one_record(path, valid)["body"]["text"]


def test_no_body_element(tmp_path, valid):
    path = tmp_path / "nobody.html"
    path.write_text(f"<!doctype html><title>Storm</title>{ARTICLE}", encoding="utf-8")
    assert "port authority" in one_record(path, valid)["body"]["text"]


def test_frameset(tmp_path, valid):
    path = tmp_path / "frames.html"
    path.write_text("<html><head><title>Frames</title></head><frameset cols=\"50%,50%\">"
                    "<frame src=\"a.html\"><frame src=\"b.html\"></frameset></html>",
                    encoding="utf-8")
    record = one_record(path, valid)
    assert record["body"]["text"] == ""


@pytest.mark.parametrize("declared", [True, False], ids=["meta-charset", "undeclared"])
@pytest.mark.parametrize("encoding", ["cp1252", "cp1256", "shift_jis"])
def test_non_utf8_pages(tmp_path, valid, encoding, declared):
    texts = {
        "cp1252": "Les élèves ont déclaré que « la tempête » était très forte cet été.",
        "cp1256": "قال مسؤولون في الميناء إن العاصفة ستبقي الميناء مغلقا حتى يوم الخميس.",
        "shift_jis": "港湾当局は火曜日、嵐のため港を木曜日まで閉鎖すると発表した。",
    }
    text = texts[encoding]
    meta = f'<meta charset="{encoding}">' if declared else ""
    page = (f"<html><head>{meta}<title>Storm</title></head><body><h1>Storm</h1>"
            + f"<p>{text} {text}</p>" * 5 + "</body></html>")
    path = tmp_path / f"{encoding}.html"
    path.write_bytes(page.encode(encoding))
    record = one_record(path, valid)
    assert text in record["body"]["text"]


def test_xhtml_with_xml_declaration(tmp_path, valid):
    page = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>Storm</title>'
            f"</head><body>{ARTICLE}</body></html>")
    path = tmp_path / "page.xhtml"
    path.write_text(page, encoding="utf-8")
    record = one_record(path, valid)
    assert record["format"] == "html"
    assert "port authority" in record["body"]["text"]
    assert record["header"]["language"] == "en"


_TOKENS = ("<div>", "</div>", "<SECTION class=x>", "</section>", "<p>", "</p>", "<ul>", "</ul>",
           "text")


@given(st.lists(st.sampled_from(_TOKENS), max_size=60))
def test_depth_is_that_of_a_stack_ignoring_stray_end_tags(tokens):
    """Whatever the order of tags, the measured depth is that of an open-element stack
    that ignores end tags with nothing open (as the tree builder does)."""
    depth = deepest = 0
    for token in tokens:
        if token in ("text", "<p>", "</p>"):  # not block elements: not counted
            continue
        depth = max(depth - 1, 0) if token.startswith("</") else depth + 1
        deepest = max(deepest, depth)
    padding = "<i>" * (MAX_HTML_DEPTH + 1)  # (shorter pages are not scanned)
    assert html_depth("".join(tokens) + padding) == deepest
