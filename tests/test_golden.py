"""Golden records: every input in samples/ against its ``.expected.json``.

A failure names the field that changed.  After an intended change, run
``make golden`` and review the diff of ``samples/*.expected.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
from conftest import SAMPLES

import newsx
from newsx.inputs import is_dump_name

CASES = sorted(p for p in SAMPLES.iterdir() if is_dump_name(p.name))


def expected_path(sample: Path) -> Path:
    return sample.with_name(sample.name.split(".")[0] + ".expected.json")


def flatten(value, prefix=""):
    """``{"a": {"b": 1}}`` -> ``{"a.b": 1}``; list items get their index."""
    if isinstance(value, dict):
        out = {}
        for key, sub in value.items():
            out.update(flatten(sub, f"{prefix}.{key}" if prefix else key))
        return out
    if isinstance(value, list) and value and isinstance(value[0], dict):
        out = {f"{prefix}.length": len(value)}
        for i, sub in enumerate(value):
            out.update(flatten(sub, f"{prefix}[{i}]"))
        return out
    return {prefix: value}


@pytest.mark.parametrize("sample", CASES, ids=[p.name for p in CASES])
def test_golden_record(sample, request, valid):
    record = newsx.extract(sample.read_bytes(), source=f"samples/{sample.name}").to_dict()
    valid(record)
    golden = expected_path(sample)
    if request.config.getoption("--update-golden"):
        golden.write_bytes(orjson.dumps(record, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
                           + b"\n")
    if not golden.exists():
        pytest.fail(f"no {golden.name}: run `make golden`, review the record and commit it")
    want = flatten(json.loads(golden.read_text(encoding="utf-8")))
    got = flatten(record)
    changed = {k: (want.get(k), got.get(k)) for k in want.keys() | got.keys()
               if want.get(k) != got.get(k)}
    assert not changed, "fields differ (expected, got):\n" + "\n".join(
        f"  {k}: {v[0]!r} != {v[1]!r}" for k, v in sorted(changed.items()))


def test_reference_sample_matches_the_issue():
    """The text-dump sample's record, as the product spec states it."""
    sample = SAMPLES / "000_acf8eca9862cbc58.txt"
    record = newsx.extract(sample.read_bytes(), source=str(sample)).to_dict()
    header, body = record["header"], record["body"]
    lines = sample.read_text(encoding="utf-8").splitlines()
    assert header["title"] == lines[1]
    assert header["section"] == "World"
    assert header["published"] == "2024-07-04T21:28:00"
    assert header["language"] == "en"
    assert header["authors"] == []
    assert len(header["ticker"]) == 7
    assert header["ticker"][0].startswith("Socotra: Emirati station")
    assert header["ticker"][2] == ("Al-Jawf.. Houthi militia confiscates food and consumer "
                                   "goods from citizens coming from Marib")
    assert header["ticker"][-1].endswith("traffic crisis south of the city")
    start = lines.index(next(x for x in lines if x.startswith("Russian President Vladimir")))
    article = lines[start:start + 15]
    assert [b["text"] for b in body["blocks"]] == article
    assert article[-1].startswith("Russia has included the Taliban")
    kinds = {b["text"]: b["kind"] for b in body["blocks"]}
    assert kinds.pop("Trump and the Ukraine war") == "heading"
    assert set(kinds.values()) == {"paragraph"}
    assert body["attribution"] == "agencies"
    assert len(record["related"]) == 6
    assert record["related"][0] == {
        "title": "Trump: No guarantees Gaza ceasefire will hold",
        "url": None, "section": "Arab", "published": "2025-02-03",
    }
    assert [r["section"] for r in record["related"]] == ["Arab", "World", "Arab", "Arab", "Arab",
                                                         "World"]
    assert record["related"][-1]["published"] == "2025-01-30"
