"""Shared helpers for the benchmarks: CPU timing, statistics, tables, child peak memory.

CPU time (``time.process_time_ns``) rather than wall time, because the
benchmarks run on a small shared machine where other jobs steal wall time.
Tools are interleaved item by item by the callers so that load drift hits
every tool alike.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
TEXT_DIR = DATA / "textdumps-scrapinghub"
HTML_DIR = DATA / "html-scrapinghub"
TEXT_FLAVORS = ("compact", "innertext", "wrapped")


def forbid_network() -> None:
    """Make any socket connection fail: a benchmark must never reach the network.

    Some tools fetch things on their own (newspaper4k downloads images to size
    them unless told not to); this guard turns such a slip into an error
    instead of remote traffic and wall-clock noise.
    """

    def refuse(*_args, **_kwargs):
        raise OSError("network disabled in newsx benchmarks")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


@dataclass
class Timings:
    """CPU milliseconds per item for one tool, plus the items it failed on."""

    name: str
    ms: list[float] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # the item each entry of ``ms`` timed
    failures: list[str] = field(default_factory=list)

    def run(self, item: str, fn: Callable[[], object]) -> object | None:
        """Time ``fn()`` in CPU ms; a failure is recorded (and not timed) rather than raised."""
        start = time.process_time_ns()
        try:
            result = fn()
        except Exception as err:  # a tool's crash on one page must not stop the run
            reason = " ".join(f"{type(err).__name__}: {err}".split())  # one line
            self.failures.append(f"{short_name(item)}: {reason}"[:160])
            return None
        self.ms.append((time.process_time_ns() - start) / 1e6)
        self.items.append(item)
        return result

    def stats(self) -> dict[str, float]:
        return summarize(self.ms)

    def slowest(self, k: int = 5) -> list[tuple[str, float]]:
        """The ``k`` items that took longest: where to look first."""
        return sorted(zip(self.items, self.ms, strict=True), key=lambda p: -p[1])[:k]


def summarize(ms: Sequence[float]) -> dict[str, float]:
    """Mean, median, 95th percentile, max and total of a list of milliseconds."""
    if not ms:
        return {"n": 0, "mean": float("nan"), "median": float("nan"), "p95": float("nan"),
                "max": float("nan"), "total_s": 0.0}
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(ms),
        "mean": statistics.fmean(ms),
        "median": statistics.median(ms),
        "p95": p95,
        "max": ordered[-1],
        "total_s": sum(ms) / 1000,
    }


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub markdown table; floats get 2 decimals (1 past 100)."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            if value != value:  # NaN: a tool that timed nothing
                return "n/a"
            return f"{value:.1f}" if abs(value) >= 100 else f"{value:.2f}"
        return str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def settle_heap() -> None:
    """Collect, then freeze what survived so far (models, caches of every tool).

    All tools share one process; without this, a full garbage collection
    triggered inside one tool also scans the other tools' long-lived objects,
    charging it for heaps it would not have when run alone.
    """
    gc.collect()
    gc.freeze()


def rotate(tools: Sequence[Timings], index: int) -> list[Timings]:
    """The tools in a different order for each item, so no tool always runs first."""
    k = index % len(tools)
    return [*tools[k:], *tools[:k]]


def emit(report: dict, as_json: bool, table: str) -> None:
    """Print the markdown table (and notes), or the whole report as JSON."""
    if as_json:
        print(json.dumps(_finite(report), indent=2, ensure_ascii=False))
    else:
        print(table)


def _finite(value: object) -> object:
    """NaN (a tool that timed nothing) as JSON null, so the report stays strict JSON."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def environment() -> dict[str, str]:
    """What the numbers were measured with: Python, CPU count, newsx's extractors by format."""
    info = {"python": sys.version.split()[0], "cpus": str(os.cpu_count())}
    try:
        from newsx.plugins import load_registry

        registry = load_registry()
        info["extractors"] = ", ".join(sorted(registry.names())) or "(none)"
        for fmt in ("text", "html"):
            info[f"extractors_{fmt}"] = ", ".join(
                sorted(e.name for e in registry.extractors if e.handles(fmt))
            )
        if registry.broken:
            info["extractors_broken"] = ", ".join(name for name, _ in registry.broken)
    except Exception as err:
        info["extractors"] = f"(registry failed: {err})"
    return info


def extractor_note(env: dict[str, str], fmt: str) -> list[str]:
    """Lines saying which newsx extractors ran, and warning when none handles ``fmt``."""
    found = env.get(f"extractors_{fmt}", "")
    lines = [f"newsx extractors for {fmt}: {found or '(none)'}"]
    if "extractors_broken" in env:
        lines.append(f"newsx extractors that failed to load: {env['extractors_broken']}")
    if not found:
        lines.append(f"WARNING: no newsx extractor handles {fmt}: newsx's time is decoding only")
    return lines


def warm_newsx_models() -> None:
    """Load newsx's lazily loaded language model now (~0.5 s once), not inside a timed page.

    A short warm-up may not reach a page that needs the model (pages that
    declare their language do not), and one such load would dominate the mean.
    """
    with contextlib.suppress(Exception):
        from newsx.language import detect_language

        detect_language("The minister said on Tuesday that the new rules would take effect.")


@dataclass(frozen=True)
class ChildRun:
    """One child process: its own peak RSS and CPU seconds, and how it ended."""

    peak_kib: int
    cpu_s: float
    returncode: int
    stderr_tail: str


#: Runs a command and prints its own rusage. The measured command must be forked from a
#: small process: Linux keeps a process's peak RSS across ``exec``, so a child forked
#: straight from this (large) benchmark process would report at least our own size.
_LAUNCHER = """
import json, os, subprocess, sys
with open(os.devnull, "wb") as sink, open(sys.argv[1], "wb") as errors:
    child = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=sink, stderr=errors)
    _, status, usage = os.wait4(child.pid, 0)
print(json.dumps({"peak_kib": usage.ru_maxrss, "cpu_s": usage.ru_utime + usage.ru_stime,
                  "returncode": os.waitstatus_to_exitcode(status)}))
"""


def run_child(argv: Sequence[str], *, timeout: float = 600) -> ChildRun:
    """Run ``argv`` with output discarded; its own peak RSS (KiB) and CPU seconds.

    A small launcher process forks the command and reads its rusage with
    ``wait4``, which covers exactly that command (``RUSAGE_CHILDREN`` would
    give the largest of all children so far).
    """
    with tempfile.NamedTemporaryFile(suffix=".stderr") as errors:
        launcher = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, errors.name, *argv],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, start_new_session=True,
        )
        try:
            out, _ = launcher.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(launcher.pid, signal.SIGKILL)  # the launcher's own session: its command
            launcher.communicate()
            return ChildRun(0, timeout, -signal.SIGKILL, f"killed after {timeout:.0f} s")
        stderr = Path(errors.name).read_text(encoding="utf-8", errors="replace")
    try:
        usage = json.loads(out)
    except ValueError:
        return ChildRun(0, 0.0, launcher.returncode or -1, stderr[-300:] or "launcher failed")
    return ChildRun(usage["peak_kib"], usage["cpu_s"], usage["returncode"], stderr[-300:])


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_page(data: bytes) -> str:
    """A page's text for the other tools: UTF-8, else its declared charset, else a guess.

    Independent of newsx's own decoder (whose internals change); used only
    outside timed regions.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        with contextlib.suppress(LookupError):
            return data.decode(declared.group(1).decode("ascii"), "replace")
    with contextlib.suppress(Exception):
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    return data.decode("utf-8", "replace")


def breakdown_or_note(samples: Callable[[], list[dict[str, float]]]) -> tuple[dict, str]:
    """:func:`breakdown_table` of ``samples()``, or a note when newsx's internals moved."""
    try:
        return breakdown_table(samples())
    except Exception as err:
        return {}, f"(no breakdown: {type(err).__name__}: {err})"


def short_name(name: str) -> str:
    """A corpus file name with its 64-hex id cut to 12 characters, for tables."""
    head, dot, rest = name.partition(".")
    return f"{head[:12]}{dot}{rest}"


def mib(n_bytes: float) -> float:
    return n_bytes / (1024 * 1024)


def newsx_breakdown(data: bytes, source: str, fmt: str, url: str | None = None) -> dict[str, float]:
    """CPU ms of each phase of one newsx run: decoding, the shared view, each extractor.

    Mirrors :func:`newsx.pipeline.extract_document` (header extractors all run
    and merge; body and related stop at the first non-empty result) so the
    phases add up to about one ``newsx.extract`` call.  The shared view (split
    lines or parsed tree) is built on its own first, so no extractor is charged
    for it.
    """
    from newsx.extractors.base import Context
    from newsx.pipeline import RawInput, to_document  # where the pipeline gets it from
    from newsx.plugins import load_registry
    from newsx.record import Body, Header

    registry = load_registry()
    phases: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], object]) -> object:
        start = time.process_time_ns()
        try:
            return fn()
        finally:
            phases[name] = phases.get(name, 0.0) + (time.process_time_ns() - start) / 1e6

    doc, _ = timed("decode", lambda: to_document(RawInput(source, data, url), fmt))
    if doc.format == "text":
        timed("split lines", lambda: doc.lines)
    else:
        timed("parse html", lambda: doc.tree.body)
    def run(extractor, ctx: Context) -> object:
        try:
            return timed(extractor.name, lambda: extractor.extract(doc, ctx))
        except Exception:  # a failing extractor still shows its cost
            return None

    header = Header()
    for extractor in registry.for_block("header", doc.format):
        part = run(extractor, Context(header=header))
        if isinstance(part, Header):
            header = header.merged(part)
    body = Body()
    for extractor in registry.for_block("body", doc.format):
        found = run(extractor, Context(header=header))
        if isinstance(found, Body) and found.blocks:
            body = found
            break
    for extractor in registry.for_block("related", doc.format):
        if run(extractor, Context(header=header, body=body)):
            break
    return phases


def breakdown_table(samples: Sequence[dict[str, float]]) -> tuple[dict[str, float], str]:
    """Mean CPU ms per phase over ``samples`` (a phase absent from a sample counts 0)."""
    names: list[str] = []
    for sample in samples:
        names += [n for n in sample if n not in names]
    means = {n: sum(s.get(n, 0.0) for s in samples) / max(1, len(samples)) for n in names}
    total = sum(means.values()) or float("nan")
    rows = [[n, ms, f"{100 * ms / total:.0f}%"] for n, ms in means.items()]
    rows.append(["total", total, "100%"])
    return means, markdown_table(["newsx phase", "ms/item mean", "share"], rows)


def include_unregistered() -> list[str]:
    """Also run newsx's extractor modules that are written but not registered yet.

    Imports every ``newsx.extractors.*`` module that defines an ``EXTRACTOR``
    whose name the entry points do not already provide, and adds it to the
    registry of this process only (nothing installed changes). A preview for
    while ``pyproject.toml`` lacks the entry points; returns the names added.
    """
    import dataclasses
    import importlib
    import pkgutil
    from functools import lru_cache

    import newsx.extractors as package
    from newsx import plugins
    from newsx.extractors.base import Extractor

    registered = plugins.load_registry().names()
    extra: list[Extractor] = []
    for info in pkgutil.iter_modules(package.__path__):
        try:
            module = importlib.import_module(f"{package.__name__}.{info.name}")
        except Exception:  # a module being written may not import yet
            continue
        value = getattr(module, "EXTRACTOR", None)
        if isinstance(value, Extractor) and value.name not in registered:
            extra.append(dataclasses.replace(value, origin=plugins.BUILTIN_DIST))
    if not extra:
        return []
    load = plugins._load

    def with_extra(builtin_only: bool) -> plugins.Registry:
        found = load(builtin_only)
        return plugins.Registry((*found.extractors, *extra), found.broken)

    plugins._load = lru_cache(maxsize=2)(with_extra)
    return sorted(e.name for e in extra)


#: ``python -c`` code running the newsx command line with :func:`include_unregistered`.
NEWSX_CLI_WITH_UNREGISTERED = (
    f"import sys; sys.path.insert(0, {str(Path(__file__).resolve().parent)!r}); "
    "import _common; _common.include_unregistered(); "
    "from newsx.cli import main; main()"
)


def interleave(items: list, timings: list, runners: dict, repeat: int) -> None:
    """Time every tool on every item, item by item, rotating the tools' order.

    ``items`` have a ``name``; ``runners`` maps a tool name to ``run(item)``.
    Load drift and cache state then hit every tool alike.  The heap is settled
    (untimed) before every call: otherwise a full garbage collection that one
    tool's allocations trigger scans what the other tools left since the last
    settle, and a tool is charged 10 ms or more for heaps that are not its own.
    """
    step = 0
    try:
        for _ in range(repeat):
            for item in items:
                for tool in rotate(timings, step):
                    settle_heap()
                    tool.run(item.name, lambda run=runners[tool.name], item=item: run(item))
                step += 1
    finally:
        gc.unfreeze()  # frozen objects are otherwise never collected
