"""The language model cache: written once, read back, and never in the way."""

from __future__ import annotations

from pathlib import Path

import py3langid
import pytest

from newsx import langid_model
from newsx.langid_model import cache_root, load_identifier

SAMPLES = [
    "Die Bundesregierung hat am Dienstag neue Regeln für den Wohnungsbau beschlossen.",
    "Le gouvernement a présenté mardi un nouveau projet de loi sur le logement social.",
    "El Gobierno aprobó este martes una nueva ley de vivienda para los jóvenes.",
    "Правительство во вторник утвердило новые правила строительства жилья.",
]


def _expected() -> list[str]:
    return [py3langid.classify(text)[0] for text in SAMPLES]


def _cache_dirs(root: Path) -> list[Path]:
    return [p for p in root.iterdir() if p.name.startswith("py3langid-")]


def test_the_model_is_unpacked_once_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSX_CACHE_DIR", str(tmp_path))
    first = load_identifier()
    (cached,) = _cache_dirs(tmp_path)
    assert {p.name for p in cached.iterdir()} >= {"ptc.npy", "nextmove.bin", "shape.json"}

    def no_unpacking(_path):
        raise AssertionError("the model was unpacked again")

    monkeypatch.setattr("py3langid.modelio.load_model", no_unpacking)
    second = load_identifier()
    assert [first.classify(t)[0] for t in SAMPLES] == _expected()
    assert [second.classify(t)[0] for t in SAMPLES] == _expected()
    assert second.classify(SAMPLES[0]) == pytest.approx(first.classify(SAMPLES[0]))


def test_a_damaged_cache_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSX_CACHE_DIR", str(tmp_path))
    load_identifier()
    (cached,) = _cache_dirs(tmp_path)
    table = cached / "nextmove.bin"
    table.write_bytes(table.read_bytes()[:1000])  # a disk that filled up mid-write
    assert [load_identifier().classify(t)[0] for t in SAMPLES] == _expected()
    assert (cached / "nextmove.bin").stat().st_size > 1000  # written anew
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".partial-")]


@pytest.mark.parametrize("setting", ["", "a file"])
def test_no_cache_or_an_unusable_one_still_classifies(
    setting: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if setting:
        blocker = tmp_path / "not-a-directory"
        blocker.write_text("x")
        setting = str(blocker / "cache")
    monkeypatch.setenv("NEWSX_CACHE_DIR", setting)
    assert [load_identifier().classify(t)[0] for t in SAMPLES] == _expected()
    assert [p.name for p in tmp_path.iterdir()] == (["not-a-directory"] if setting else [])


def test_the_cache_root_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSX_CACHE_DIR", "")
    assert cache_root() is None
    monkeypatch.delenv("NEWSX_CACHE_DIR")
    monkeypatch.setattr(langid_model.sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert cache_root() == Path("/somewhere/cache/newsx")


def test_a_model_without_package_metadata_is_loaded_uncached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib.metadata import PackageNotFoundError

    def no_metadata(_name: str) -> str:
        raise PackageNotFoundError("py3langid")

    monkeypatch.setenv("NEWSX_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(langid_model, "version", no_metadata)
    assert [load_identifier().classify(t)[0] for t in SAMPLES] == _expected()
    assert list(tmp_path.iterdir()) == []
