"""The record contract of RECORD.md and the Python API."""

from __future__ import annotations

import re

import pytest
from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

import newsx
from newsx.record import Block, Body, Header, Record, RelatedItem, count_words

TOP = ["source", "url", "format", "header", "body", "related"]
HEADER = ["title", "section", "published", "modified", "authors", "site_name", "language",
          "description", "image", "tags", "ticker"]


def test_record_keys_follow_the_contract(valid):
    record = Record("x.txt", "text").to_dict()
    assert list(record) == TOP
    assert set(HEADER) <= set(record["header"])
    assert list(record["body"]) == ["text", "blocks", "attribution", "words"]
    valid(record)


def test_body_text_and_words():
    body = Body([Block("heading", "Two words"), Block("paragraph", "And three more.")], "AFP")
    assert body.to_dict() == {
        "text": "Two words\nAnd three more.",
        "blocks": [{"kind": "heading", "text": "Two words"},
                   {"kind": "paragraph", "text": "And three more."}],
        "attribution": "AFP",
        "words": 5,
    }


@pytest.mark.parametrize(("text", "n"), [("", 0), ("It's 9:30", 2), ("東京都", 3),
                                           ("Seoul 서울 2024", 3), ("abc東京def ghi", 5),
                                           ("  spaced\n\tout  ", 2)])
def test_count_words(text, n):
    assert count_words(text) == n


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
       | st.text(alphabet="ab 東京かな、\u3000\u2019\n\t", max_size=40))
def test_count_words_matches_its_definition(text):
    """Whitespace-separated words, plus one per kana or ideograph (the C-level shortcut
    that rules CJK out must never change the count)."""
    cjk = re.compile("[\u3040-\u30ff\u3400-\u9fff]")
    assert count_words(text) == len(cjk.sub(" ", text).split()) + len(cjk.findall(text))


def test_related_item_dict(valid):
    record = Record("x", "html", related=[RelatedItem("T", "https://a/b", None, "2024-01-02")])
    assert valid(record.to_dict())["related"] == [
        {"title": "T", "url": "https://a/b", "section": None, "published": "2024-01-02"}]


def test_api_accepts_bytes_and_str():
    data = (SAMPLES / "000_acf8eca9862cbc58.txt").read_bytes()
    a = newsx.extract(data, source="a")
    b = newsx.extract(data.decode("utf-8"), source="a", format="text")
    assert a.to_dict() == b.to_dict()
    assert isinstance(a.header, Header) and a.format == "text"


def test_api_rejects_unknown_format():
    with pytest.raises(ValueError, match="format"):
        newsx.extract("text", format="pdf")


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=3000))
def test_any_text_gives_a_valid_record_or_a_clear_error(valid, text):
    try:
        record = newsx.extract(text, source="fuzz", format="text")
    except newsx.InputError as err:
        assert err.reason
        return
    valid(record.to_dict())


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=1, max_size=2000))
def test_any_bytes_give_a_record_or_a_clear_error(valid, data):
    try:
        record = newsx.extract(data, source="fuzz")
    except newsx.InputError as err:
        assert err.source == "fuzz" and err.reason
        return
    valid(record.to_dict())
