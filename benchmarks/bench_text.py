"""CPU time of newsx's text mode against trafilatura on the development text dumps.

newsx gets each dump as the bytes of its file (``newsx.extract(data, format="text")``,
the whole record: header, body, related, as JSON). trafilatura gets the same dump as HTML,
one ``<p>`` per non-empty line, built before timing, and extracts JSON with
metadata, its closest equivalent of a newsx record. The two tools alternate
which runs first, dump by dump, in one process, so machine load hits both alike.

    python benchmarks/bench_text.py                 # all 543 dumps, a markdown table
    python benchmarks/bench_text.py --limit 60 --json
"""

from __future__ import annotations

import argparse
import contextlib
import html
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from _common import (
    TEXT_DIR,
    TEXT_FLAVORS,
    Timings,
    breakdown_or_note,
    emit,
    environment,
    extractor_note,
    forbid_network,
    include_unregistered,
    interleave,
    markdown_table,
    newsx_breakdown,
    short_name,
    summarize,
    warm_newsx_models,
)

#: newsx must be at least this many times faster than trafilatura (mean CPU ms per dump).
TARGET_SPEEDUP = 10.0
#: Dumps run through each tool, untimed, before timing (default: all of them). First calls
#: load models and caches: trafilatura's date parser compiles its per-language patterns on
#: first use (seconds of CPU on one dump), a cost a batch run pays once, not per dump.
WARMUP: int | None = None


@dataclass(frozen=True)
class Dump:
    name: str
    flavor: str
    data: bytes
    html: str  # the dump as trafilatura's input


def as_html(text: str) -> str:
    """One escaped ``<p>`` per non-empty line: the dump's only structure, made visible."""
    lines = (line for line in text.splitlines() if line.strip())
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f"<html><body>{paragraphs}</body></html>"


def load_dumps(directory: Path, limit: int | None) -> list[Dump]:
    """Dumps sorted by name, so a limit keeps all three flavors of the first pages."""
    paths = sorted(p for f in TEXT_FLAVORS for p in directory.glob(f"*.{f}.txt"))
    dumps = []
    for path in paths[:limit]:
        data = path.read_bytes()
        flavor = path.name.rsplit(".", 2)[-2]
        dumps.append(Dump(path.name, flavor, data, as_html(data.decode("utf-8", "replace"))))
    return dumps


def newsx_runner():
    import orjson

    import newsx

    warm_newsx_models()

    def run(dump: Dump) -> object:
        return orjson.dumps(newsx.extract(dump.data, source=dump.name, format="text").to_dict())

    return run


def trafilatura_runner():
    import trafilatura

    def run(dump: Dump) -> object:
        return trafilatura.extract(dump.html, output_format="json", with_metadata=True)

    return run


def warm_up(run, dumps: list[Dump], count: int | None) -> None:
    """Untimed first calls (models, caches); failures show up again in the timed run."""
    for dump in dumps[:count]:
        with contextlib.suppress(Exception):
            run(dump)


def measure(
    dumps: list[Dump], repeat: int, warmup: int | None = WARMUP
) -> tuple[list[Timings], dict[str, str]]:
    """Time every available tool on every dump, interleaved; notes say what was skipped."""
    tools: list[tuple[Timings, object]] = []
    notes: dict[str, str] = {}
    for name, make in (("newsx", newsx_runner), ("trafilatura", trafilatura_runner)):
        try:
            run = make()
        except Exception as err:  # not installed, or broken: measure the others
            notes[name] = f"skipped: {type(err).__name__}: {err}"
            continue
        warm_up(run, dumps, warmup)
        tools.append((Timings(name), run))
    runners = {timings.name: run for timings, run in tools}
    timings = [t for t, _ in tools]
    interleave(dumps, timings, runners, repeat)
    return timings, notes


def report(dumps: list[Dump], timings: list[Timings], notes: dict[str, str],
           repeat: int) -> tuple[dict, str]:
    """The JSON report and its markdown rendering."""
    by_name = {t.name: t for t in timings}
    base = by_name.get("newsx")
    base_mean = base.stats()["mean"] if base and base.ms else float("nan")
    rows, tools = [], {}
    for t in timings:
        s = t.stats()
        ratio = s["mean"] / base_mean
        per_flavor = _per_flavor(dumps, t)
        tools[t.name] = {**s, "ratio_to_newsx": ratio, "per_flavor_mean": per_flavor,
                         "failures": t.failures}
        rows.append([t.name, s["n"], s["mean"], s["median"], s["p95"], s["max"], s["total_s"],
                     f"{ratio:.1f}x", len(t.failures)])
    table = markdown_table(
        ["tool", "dumps", "ms/dump mean", "median", "p95", "max", "total s", "÷ newsx", "failed"],
        rows,
    )
    lines = [table, ""]
    verdict = None
    if base and "trafilatura" in by_name and base.ms:
        speedup = tools["trafilatura"]["mean"] / base_mean
        median_speedup = tools["trafilatura"]["median"] / base.stats()["median"]
        verdict = speedup >= TARGET_SPEEDUP
        lines.append(
            f"newsx is {speedup:.1f}x faster than trafilatura"
            f" (mean CPU ms; median {median_speedup:.1f}x);"
            f" target >= {TARGET_SPEEDUP:.0f}x: {'PASS' if verdict else 'FAIL'}"
        )
    flavor_rows = [[f] + [tools[t.name]["per_flavor_mean"].get(f, float("nan")) for t in timings]
                   for f in TEXT_FLAVORS]
    lines += ["", "Mean CPU ms per dump by flavor:", "",
              markdown_table(["flavor", *(t.name for t in timings)], flavor_rows)]
    env = environment()
    lines += ["", *extractor_note(env, "text")]
    lines += [f"Note: {name} {note}" for name, note in notes.items()]
    for t in timings:
        lines += [f"Failure ({t.name}): {f}" for f in t.failures[:5]]
        tools[t.name]["slowest"] = t.slowest()
    if "newsx" in by_name:
        slow = ", ".join(f"{short_name(name)} {ms:.1f}" for name, ms in by_name["newsx"].slowest())
        lines.append(f"Slowest dumps for newsx (ms): {slow}")
    data = {"benchmark": "text", "dumps": len(dumps), "repeat": repeat, "tools": tools,
            "speedup_target": TARGET_SPEEDUP, "pass": verdict, "notes": notes, "environment": env}
    return data, "\n".join(lines)


def _per_flavor(dumps: list[Dump], timings: Timings) -> dict[str, float]:
    """Mean ms per dump flavor (compact, innertext, wrapped)."""
    flavor_of = {d.name: d.flavor for d in dumps}
    return {
        f: summarize([ms for ms, item in zip(timings.ms, timings.items, strict=True)
                      if flavor_of[item] == f])["mean"]
        for f in TEXT_FLAVORS
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=TEXT_DIR, help="directory of *.txt dumps")
    parser.add_argument("--limit", type=int, default=None, help="only the first N dumps")
    parser.add_argument("--repeat", type=int, default=1, help="time every dump N times")
    parser.add_argument("--warmup", type=int, default=WARMUP,
                        help="untimed dumps per tool before timing (default: all)")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time each newsx phase (decode, split, each extractor)")
    parser.add_argument("--unregistered", action="store_true",
                        help="also run newsx extractor modules not registered yet (a preview)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    added = include_unregistered() if args.unregistered else []
    warnings.simplefilter("ignore")  # tools' warnings about odd pages would bury the table
    forbid_network()
    dumps = load_dumps(args.dir, args.limit)
    if not dumps:
        print(f"no dumps in {args.dir}", file=sys.stderr)
        return 2
    timings, notes = measure(dumps, max(1, args.repeat), args.warmup)
    data, table = report(dumps, timings, notes, max(1, args.repeat))
    if args.breakdown:
        data["newsx_phases_ms"], phases = breakdown_or_note(
            lambda: [newsx_breakdown(d.data, d.name, "text") for d in dumps])
        table += "\n\n" + phases
    if added:
        data["unregistered_added"] = added
        table += f"\n\nPreview: also ran unregistered extractors: {', '.join(added)}"
    emit(data, args.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
