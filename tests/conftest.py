"""Shared fixtures: run the real command, validate records, locate data."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = ROOT / "data"

# Outside plugins installed on the machine must not change what the tests see.
os.environ.setdefault("NEWSX_BUILTIN_ONLY", "1")
# The unpacked language model is cached outside the user's own cache directory.
os.environ.setdefault("NEWSX_CACHE_DIR", str(Path(tempfile.gettempdir()) / "newsx-tests-cache"))


@dataclass
class Result:
    """What one run of the ``newsx`` command gave."""

    status: int
    stdout: bytes
    stderr: str

    @property
    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.decode("utf-8").splitlines() if line]


def run_newsx(*args: str, stdin: bytes | None = None, env: dict | None = None,
              cwd: Path | None = None, timeout: float = 120) -> Result:
    """Run ``python -m newsx ARGS`` as a user would (a real process)."""
    full_env = {**os.environ, "NEWSX_BUILTIN_ONLY": "1", **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "newsx", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=full_env,
        cwd=cwd or ROOT,
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"))


@pytest.fixture
def newsx():
    return run_newsx


@pytest.fixture(scope="session")
def schema_validator():
    import jsonschema

    from newsx.record import json_schema

    return jsonschema.Draft202012Validator(json_schema())


@pytest.fixture(scope="session")
def valid(schema_validator):
    """Assert that a record dict follows the JSON Schema of ``newsx schema``."""

    def check(record: dict) -> dict:
        errors = sorted(schema_validator.iter_errors(record), key=str)
        assert not errors, "; ".join(e.message for e in errors[:5])
        return record

    return check


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite samples/*.expected.json from the current output")


@cache
def load_scorer(name: str = "score") -> ModuleType:
    """``tests/eval/NAME.py`` (a copy of shared/eval) as a module, for the corpus floors."""
    path = Path(__file__).resolve().parent / "eval" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"newsx_eval_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def install_plugin(root: Path, name: str, code: str) -> dict[str, str]:
    """Install an outside extractor package ``NAME_plugin`` under ``root``, as pip would:
    the module (exposing ``EXTRACTOR``) plus dist-info metadata declaring the
    ``newsx.extractors`` entry point ``NAME``.  Returns the environment that
    makes a ``newsx`` process see it."""
    package = f"{name}_plugin"
    (root / package).mkdir()
    (root / package / "__init__.py").write_text(code)
    info = root / f"{package}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[newsx.extractors]\n{name} = {package}:EXTRACTOR\n")
    return {"PYTHONPATH": str(root), "NEWSX_BUILTIN_ONLY": "0"}


HTML_CORPUS = DATA / "html-scrapinghub"


def read_jsonl(path: Path) -> list[dict]:
    """The rows of a corpus JSON Lines file; the test is skipped when it is absent."""
    if not path.exists():
        pytest.skip(f"{path.name} not present")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def corpus_page(file: str, url: str | None = None):
    """A page of the HTML corpus (``html/ID.html.gz``) as a Document."""
    from newsx.document import Document

    html = gzip.decompress((HTML_CORPUS / file).read_bytes()).decode("utf-8", "replace")
    return Document(source=file, format="html", text=html, url=url)
