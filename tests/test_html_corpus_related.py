"""Corpus floor: html-related / html-ticker on the hand-checked related truth.

Scored as ``tests/eval/score_related.py`` (a copy of the shared scorer) scores
it: titles matched one-to-one by token F1 >= 0.8, micro P/R/F1 over items, and
the share of pages without related items that get an empty list.  Floors sit a
few points under the measured figures (F1 0.98, no-related 1.0, ticker 1.0)
and above the project targets (F1 0.75, no-related 0.85).
"""

from __future__ import annotations

import json

import pytest
from conftest import HTML_CORPUS, corpus_page, load_scorer

from newsx.extractors.base import Context
from newsx.extractors.html_related import extract_related
from newsx.extractors.html_ticker import extract_ticker

TRUTH = HTML_CORPUS / "related_truth.jsonl"

RELATED_F1_FLOOR = 0.90  # target 0.75; measured 0.980 (P 0.996, R 0.965)
NO_RELATED_FLOOR = 0.875  # target 0.85; measured 1.0 (16 pages: 14 of 16 must stay empty)
TICKER_F1_FLOOR = 0.8  # measured 1.0 (4 pages, 14 items)

pytestmark = pytest.mark.skipif(not TRUTH.exists(), reason="development corpus not present")


@pytest.fixture(scope="module")
def scored() -> dict[str, float]:
    sr = load_scorer("score_related")
    tot = dict(tp=0, npred=0, ntrue=0, ttp=0, tnpred=0, tntrue=0, empty=0, empty_ok=0)
    for line in TRUTH.read_text(encoding="utf-8").splitlines():
        truth = json.loads(line)
        doc = corpus_page(f"html/{truth['id']}.html.gz")
        related = extract_related(doc, Context()) or []
        header = extract_ticker(doc, Context())
        ticker = header.ticker if header else []
        true_titles = [r["title"] for r in truth["related"]]
        tot["tp"] += len(sr.greedy_match(true_titles, [r.title for r in related]))
        tot["npred"] += len(related)
        tot["ntrue"] += len(true_titles)
        tot["ttp"] += len(sr.greedy_match(truth.get("ticker") or [], ticker))
        tot["tnpred"] += len(ticker)
        tot["tntrue"] += len(truth.get("ticker") or [])
        if not true_titles:
            tot["empty"] += 1
            tot["empty_ok"] += not related
    return {
        "related_f1": sr.prf(tot["tp"], tot["npred"], tot["ntrue"])[2],
        "no_related_accuracy": tot["empty_ok"] / tot["empty"],
        "ticker_f1": sr.prf(tot["ttp"], tot["tnpred"], tot["tntrue"])[2],
    }


def test_related_f1_floor(scored: dict[str, float]) -> None:
    assert scored["related_f1"] >= RELATED_F1_FLOOR, scored


def test_no_related_accuracy_floor(scored: dict[str, float]) -> None:
    assert scored["no_related_accuracy"] >= NO_RELATED_FLOOR, scored


def test_ticker_f1_floor(scored: dict[str, float]) -> None:
    assert scored["ticker_f1"] >= TICKER_F1_FLOOR, scored
