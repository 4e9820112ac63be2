"""Corpus floor: text-mode body text on all development dumps, through the pipeline.

Scores the whole record's ``body.text`` (as ``newsx extract`` writes it, so the
header's findings reach the body extractor as they do for users) on every
dump of each flavor with the benchmark's
token-shingle metric (the ``body_metrics`` of ``tests/eval/score.py``, a copy
of ``shared/eval/score.py``) and asserts a floor per flavor, so that a rule
change that helps one page but hurts the corpus fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import load_scorer

import newsx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "textdumps-scrapinghub"

#: Floors per flavor (the issue's targets).  Measured: compact and innertext 0.935, wrapped 0.925
#: (jusText 0.778, trafilatura 0.715, the whole dump 0.694 on compact).
FLOORS = {"compact": 0.90, "innertext": 0.90, "wrapped": 0.86}


@pytest.fixture(scope="module")
def truth() -> dict[str, str]:
    if not (CORPUS / "truth.jsonl").exists():
        pytest.skip("text-dump corpus not present")
    with open(CORPUS / "truth.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return {row["id"]: row["body"] for row in rows}


@pytest.mark.parametrize("flavor", sorted(FLOORS))
def test_body_f1_floor(flavor: str, truth: dict[str, str]) -> None:
    score = load_scorer()
    pairs = []
    for page_id, true_body in truth.items():
        path = CORPUS / f"{page_id}.{flavor}.txt"
        record = newsx.extract(path.read_bytes(), source=str(path), format="text")
        pairs.append((true_body, record.body.text))
    metrics = score.body_metrics(pairs)
    assert len(pairs) == 181
    assert metrics["f1"] >= FLOORS[flavor], metrics
