"""Language detection: ISO 639-1 codes for prose, None for text too short to judge."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.language import SAMPLE_CHARS, by_function_words, detect_language

TEXTS = {
    "en": "The city council voted on Tuesday to expand the bus network, adding twelve routes "
          "that will serve neighbourhoods that have waited years for a reliable connection.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, das Busnetz zu erweitern und zwölf neue "
          "Linien einzurichten, die seit Jahren auf eine Verbindung warten.",
    "pt": "A câmara municipal votou na terça-feira a ampliação da rede de ônibus, com doze "
          "novas linhas que vão atender bairros que esperam há anos por uma ligação.",
    "it": "Il consiglio comunale ha votato martedì per ampliare la rete degli autobus, "
          "aggiungendo dodici linee che serviranno quartieri che aspettano da anni.",
    "ru": "Городской совет во вторник проголосовал за расширение автобусной сети и открытие "
          "двенадцати новых маршрутов, которых жители ждали много лет.",
    "ja": "市議会は火曜日、バス路線網を拡大し、長年待ち望まれていた地域に十二の新しい路線を"
          "開設することを決めた。",
    "ko": "시의회는 화요일 버스 노선망을 확대해 수년간 연결을 기다려 온 지역에 열두 개의 "
          "새 노선을 개설하기로 의결했다.",
}


@pytest.mark.parametrize(("code", "text"), sorted(TEXTS.items()))
def test_detects_language(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "Home", "12:30 4/7/2024", "https://example.com/a"])
def test_too_short_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_reads_only_a_bounded_sample() -> None:
    """German prose after the sample window does not change an English verdict."""
    english = TEXTS["en"] * (SAMPLE_CHARS // len(TEXTS["en"]) + 2)
    assert detect_language(english + TEXTS["de"] * 50) == "en"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_never_crashes(text: str) -> None:
    code = detect_language(text)
    assert code is None or (isinstance(code, str) and 2 <= len(code) <= 3)


def _no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsx import language

    def fail() -> None:
        raise AssertionError("the classifier was asked")

    monkeypatch.setattr(language, "_identifier", fail)


@pytest.mark.parametrize("code", ["en", "ja", "ko"])
def test_cheap_signals_decide_without_the_classifier(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """English by its function words, Japanese and Korean by their scripts."""
    _no_model(monkeypatch)
    assert detect_language(TEXTS[code]) == code


@pytest.mark.parametrize("code", ["de", "pt", "it", "ru"])
def test_english_function_words_do_not_claim_other_languages(code: str) -> None:
    assert by_function_words(TEXTS[code]) is None


def test_names_and_numbers_are_left_to_the_classifier() -> None:
    """A line of names has too few function words to be called English by them."""
    names = "Ada Lovelace, Grace Hopper, Alan Turing and Edsger Dijkstra in 1970"
    assert by_function_words(names) is None
