"""Extractors are plugins: an outside package registers one by entry point."""

from __future__ import annotations

import json
import textwrap

from conftest import SAMPLES, install_plugin, run_newsx

from newsx.extractors.base import Context, Extractor
from newsx.plugins import load_registry, parse_use
from newsx.record import Header

PLUGIN = textwrap.dedent(
    '''
    from newsx.extractors.base import Extractor
    from newsx.record import Header

    def shout(doc, ctx):
        first = doc.text.strip().splitlines()[0]
        return Header(title=first.upper(), site_name="shout-plugin")

    EXTRACTOR = Extractor(name="shout", block="header", formats=frozenset({"text", "html"}),
                          extract=shout, priority=10)
    '''
)


def test_builtins_register_through_the_entry_point_group():
    registry = load_registry()
    by_name = {e.name: e for e in registry.extractors}
    assert {"text-header", "text-body", "text-related"} <= set(by_name)
    assert all(e.origin == "newsx" for e in registry.extractors)
    assert not registry.broken


def test_outside_plugin_is_listed_and_used(tmp_path):
    env = install_plugin(tmp_path, "shout", PLUGIN)
    listed = run_newsx("extractors", "--format", "json", env=env)
    assert listed.status == 0, listed.stderr
    rows = {row["name"]: row for row in json.loads(listed.stdout)}
    assert rows["shout"] == {"name": "shout", "block": "header", "formats": ["html", "text"],
                             "priority": 10, "origin": "shout-plugin"}
    sample = SAMPLES / "000_acf8eca9862cbc58.txt"
    first_line = sample.read_text(encoding="utf-8").splitlines()[0]
    used = run_newsx("extract", str(sample), env=env)
    (record,) = used.records
    # Priority 10 beats the built-in header (50) field by field; other fields still merge.
    assert record["header"]["title"] == first_line.upper()
    assert record["header"]["site_name"] == "shout-plugin"
    assert record["header"]["section"] == "World"
    only = run_newsx("extract", "--use", "header=shout", str(sample), env=env)
    assert only.records[0]["header"]["section"] is None


def test_header_merge_precedence():
    first = Header(title="A", authors=[])
    second = Header(title="B", authors=["X"], section="S")
    merged = first.merged(second)
    assert (merged.title, merged.authors, merged.section) == ("A", ["X"], "S")


def test_parse_use():
    registry = load_registry()
    assert parse_use(["body=text-body"], registry) == {"body": ["text-body"]}


def test_extractor_interface_is_small():
    fields = set(Extractor.__dataclass_fields__)
    assert fields == {"name", "block", "formats", "extract", "priority", "origin"}
    ex = Extractor("x", "header", frozenset({"text"}), lambda d, c: Header())
    assert ex.handles("text") and not ex.handles("html")
    assert isinstance(ex.extract(None, Context()), Header)
