"""py3langid's classifier, with its model unpacked once into newsx's cache.

py3langid ships its model LZMA-compressed: unpacking it (68 MB) costs about
half a second in every process that classifies a text, which is most of a
one-page run on a page that does not declare its language.  The first load
writes the unpacked arrays to the user's cache directory; later processes
read them back in about a tenth of that time, and map the largest table
from the file instead of copying it (worker processes share its pages).

The cache lives in ``$NEWSX_CACHE_DIR`` if set (an empty value turns it off),
else in the platform's user cache directory.  It is keyed by py3langid's
version and the model file, and written to a temporary directory that is then
renamed into place, so a reader never sees half a cache.  Any failure to read
or write it falls back to py3langid's own loading: the cache only saves time.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from array import array
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

#: Bumped when the cache's layout changes.
LAYOUT = 1


def load_identifier() -> Any:
    """A ``py3langid`` LanguageIdentifier, from the cache when it holds the model."""
    from py3langid import langid

    model = langid.MODEL_DIR / langid.MODEL_FILE
    path = _cache_path(model)
    if path is None:
        return langid.LanguageIdentifier.from_model_file(model)
    try:
        return _read(path, langid.LanguageIdentifier)
    except (OSError, EOFError, ValueError, KeyError, TypeError):
        # absent or damaged: unpack the model, then keep it (a damaged copy makes way)
        shutil.rmtree(path, ignore_errors=True)
    from py3langid.modelio import load_model

    parts = load_model(model)
    _write(path, *parts)
    ptc, pc, classes, nextmove, row, output = parts
    return langid.LanguageIdentifier(ptc, pc, classes, nextmove, output, tk_row=row)


def cache_root() -> Path | None:
    """newsx's cache directory (not created here), or None when caching is off."""
    configured = os.environ.get("NEWSX_CACHE_DIR")
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
        return Path(base) / "newsx" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "newsx"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsx"


def _cache_path(model: Path) -> Path | None:
    """The model's cache directory: one per py3langid version and model file (a
    reinstall changes it); None when caching is off or the model cannot be named."""
    root = cache_root()
    if root is None:
        return None
    try:
        stat = model.stat()
        name = f"py3langid-{version('py3langid')}-{stat.st_size}-{stat.st_mtime_ns}-v{LAYOUT}"
    except (OSError, PackageNotFoundError):
        return None
    return root / name


def _read(path: Path, identifier: type) -> Any:
    """The identifier from a complete cache directory; raise when it is not one."""
    import numpy as np

    shape = json.loads((path / "shape.json").read_text(encoding="utf-8"))
    nextmove = _read_array(path / "nextmove.bin", shape["nextmove_code"], shape["nextmove"])
    row = _read_array(path / "row.bin", shape["row_code"], shape["states"])
    output = _read_array(path / "output.bin", "i", shape["states"]).tolist()
    ptc = np.load(path / "ptc.npy", mmap_mode="r")  # the largest table: mapped, not copied
    pc = np.load(path / "pc.npy")
    if ptc.shape[1] != len(pc) or len(shape["classes"]) != len(pc):
        raise ValueError(f"{path}: inconsistent model cache")
    return identifier(ptc, pc, shape["classes"], nextmove, output, tk_row=row)


def _read_array(path: Path, code: str, length: int) -> array:
    values = array(code)
    with path.open("rb") as file:
        values.fromfile(file, length)  # (EOFError when the file is short)
    return values


def _write(path: Path, ptc: Any, pc: Any, classes: list[str], nextmove: array, row: array,
           output: list[int]) -> None:
    """Keep the unpacked model under ``path``, all or nothing; failures are ignored."""
    import numpy as np

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".partial-", dir=path.parent))
    except OSError:
        return  # a read-only or unusable cache directory: run without the cache
    try:
        np.save(staging / "ptc.npy", np.asarray(ptc))
        np.save(staging / "pc.npy", np.asarray(pc))
        for name, values in (("nextmove", nextmove), ("row", row),
                             ("output", array("i", output))):
            with (staging / f"{name}.bin").open("wb") as file:
                values.tofile(file)
        shape = {"classes": list(classes), "nextmove": len(nextmove), "states": len(row),
                 "nextmove_code": nextmove.typecode, "row_code": row.typecode}
        (staging / "shape.json").write_text(json.dumps(shape), encoding="utf-8")
        staging.rename(path)  # atomic; fails when another process got there first
    except (OSError, ValueError, TypeError):
        pass
    finally:
        shutil.rmtree(staging, ignore_errors=True)
