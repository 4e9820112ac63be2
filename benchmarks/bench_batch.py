"""Batch conversion: ``newsx extract DIR -j N`` next to trafilatura's own command line.

The development corpus (181 HTML pages, 543 text dumps) is replicated under
distinct names, by hard links, in a temporary directory until it holds
``--inputs`` files (default 20,000). Every command reads that same directory
and runs as a child process; for each the report gives wall time, inputs
converted per second, and the peak of the summed RSS of the command and all
its children (the worker processes), sampled every 50 ms.

- ``newsx extract DIR -j 1 -q -o OUT`` and ``-j 2``, the installed console script;
- ``newsx -j 2`` again on the first ``--small`` inputs (default 2,000): its
  peak memory should not grow with the number of inputs;
- ``trafilatura --input-dir DIR --output-dir OUT --json --with-metadata --parallel 2``;
- both ``-j 2`` / ``--parallel 2`` again on the HTML pages alone (the same
  files), a like-for-like comparison: trafilatura writes no record for most
  text dumps, so in the mixed run it converts fewer inputs than it is given.

Targets: newsx ``-j 2`` >= 8x trafilatura's records/s and >= 1.7x newsx
``-j 1``'s inputs/s; newsx ``-j 2``'s peak memory at ``--small`` inputs within
10% of it at ``--inputs``.

    python benchmarks/bench_batch.py                       # 6-9 min, a markdown table
    python benchmarks/bench_batch.py --inputs 3000 --skip-trafilatura --json
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from _common import HTML_DIR, TEXT_DIR, TEXT_FLAVORS, emit, environment, markdown_table

BIN = Path(sys.executable).parent
NEWSX = BIN / "newsx"
TRAFILATURA = BIN / "trafilatura"

#: newsx -j 2's records written per second, in multiples of trafilatura --parallel 2's.
TRAFILATURA_TARGET = 8.0
#: newsx -j 2's inputs/s, in multiples of newsx -j 1's, at least (2 cores; a
#: perfect split would give 2x, the parent's reading and writing take the rest).
SCALING_TARGET = 1.7
#: newsx -j 2's peak memory on --inputs inputs, relative to --small inputs, at most
#: this far apart: a bounded pool keeps memory flat however many inputs there are.
FLAT_MEMORY = 0.10
#: Memory sampling period: short enough to catch a worker's peak on one large page.
SAMPLE_S = 0.05

#: Lines trafilatura writes to standard error for an input that gave no output file:
#: ``extract`` logs "discarding data: SOURCE" when it returns nothing, and the CLI
#: prints "ERROR: ..." for an empty or oversized file or a crash.
_TRAFILATURA_DROPPED = re.compile(r"^(?:WARNING:trafilatura\.core:discarding data:|ERROR: )",
                                  re.MULTILINE)


@dataclass
class Run:
    """One command on one input directory: how long, how fast, how big."""

    name: str
    command: str
    inputs: int
    wall_s: float
    inputs_per_s: float
    peak_mib: float
    main_peak_mib: float  # the command's own process alone
    cpu_s: float  # user + system CPU of the command and all its children
    main_cpu_s: float  # of the command's own process (reading, dispatching, writing)
    records: int  # outputs written: JSON lines (newsx), inputs not dropped (trafilatura)
    returncode: int
    samples: int
    load_before: float
    load_after: float
    stderr_tail: str = ""
    output_sha256: str = ""
    #: Peak tree RSS (MiB) in each quarter of the run: growth shows as a rising sequence.
    peak_by_quarter: tuple[float, ...] = ()


# ----------------------------------------------------------------------------- inputs


def corpus_files() -> list[tuple[str, Callable[[], bytes]]]:
    """The development corpus as (file name, content reader): pages decompressed, then dumps."""
    pages = [(p.name.removesuffix(".gz"), lambda p=p: gzip.decompress(p.read_bytes()))
             for p in sorted((HTML_DIR / "html").glob("*.html.gz"))]
    dumps = [(p.name, p.read_bytes)
             for p in sorted(q for f in TEXT_FLAVORS for q in TEXT_DIR.glob(f"*.{f}.txt"))]
    return pages + dumps


def replicate(root: Path, n_inputs: int, n_small: int
              ) -> tuple[Path, Path, Path, dict[str, int]]:
    """``root/big`` with ``n_inputs`` files, ``root/small`` with ``n_small`` of them and
    ``root/html`` with big's HTML pages alone.

    Each corpus file is written once to ``root/src``; the copies are hard links
    named ``rNNN_NAME``, so every tool reads the same bytes from the page cache.
    Whole replicas of the corpus come first, so the HTML/text mix is the
    corpus's own; ``small`` holds the first ``n_small`` names in sorted order,
    about the same mix.
    """
    src, big, small, html = root / "src", root / "big", root / "small", root / "html"
    for folder in (src, big, small, html):
        folder.mkdir()
    originals = []
    for name, read in corpus_files():
        (src / name).write_bytes(read())
        originals.append(src / name)
    names = []
    for k in range(-(-n_inputs // len(originals))):
        for original in originals:
            if len(names) == n_inputs:
                break
            name = f"r{k:03d}_{original.name}"
            os.link(original, big / name)
            names.append(name)
    for name in sorted(names)[:n_small]:
        os.link(big / name, small / name)
    for name in names:
        if name.endswith(".html"):
            os.link(big / name, html / name)
    counts = {"html": sum(n.endswith(".html") for n in names),
              "text": sum(n.endswith(".txt") for n in names)}
    return big, small, html, counts


# ----------------------------------------------------------------------------- measuring


def tree_rss_bytes(pid: int) -> tuple[int, int]:
    """Summed RSS of ``pid`` and all its descendants, and of ``pid`` alone (0 once gone)."""
    try:
        import psutil
    except ImportError:
        return _proc_tree_rss(pid)
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    total = own = 0
    for proc in procs:
        with contextlib.suppress(psutil.Error):  # a worker that just exited
            rss = proc.memory_info().rss
            total += rss
            own = rss if proc.pid == pid else own
    return total, own


def own_cpu_s(pid: int) -> float:
    """User + system CPU seconds of ``pid`` itself so far (utime, stime from /proc/PID/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _proc_tree_rss(pid: int) -> tuple[int, int]:
    """:func:`tree_rss_bytes` without psutil: parent links from /proc/*/stat, VmRSS from status."""
    parent: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parent[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
    tree, grew = {pid}, True
    while grew:
        more = {child for child, ppid in parent.items() if ppid in tree} - tree
        tree |= more
        grew = bool(more)
    total = own = 0
    for member in tree:
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        rss = int(found.group(1)) * 1024 if found else 0
        total += rss
        own = rss if member == pid else own
    return total, own


def measure(name: str, argv: Sequence[str], inputs: int, cwd: Path,
            count: Callable[[str], int], timeout: float) -> Run:
    """Run ``argv`` in ``cwd``; wall time, peak tree RSS, children's CPU, records counted.

    ``count`` gets the command's standard error and returns the records written.
    """
    errors_path = cwd / f"{name.replace(' ', '_')}.stderr"
    load_before = os.getloadavg()[0]
    cpu_before = _children_cpu()
    timeline: list[tuple[float, int]] = []
    main_peak = 0
    main_cpu = 0.0
    start = time.perf_counter()
    with open(errors_path, "wb") as errors:
        proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=errors,
                                start_new_session=True)  # its own group: workers die with it
        deadline = start + timeout
        while proc.poll() is None:
            total, own = tree_rss_bytes(proc.pid)
            timeline.append((time.perf_counter() - start, total))
            main_peak = max(main_peak, own)
            main_cpu = max(main_cpu, own_cpu_s(proc.pid))
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                errors.write(f"\nkilled after {timeout:.0f} s\n".encode())
                break
            time.sleep(SAMPLE_S)
        returncode = proc.wait()
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before
    stderr = errors_path.read_text(encoding="utf-8", errors="replace")
    quarters = [max((rss for t, rss in timeline if q <= 4 * t / wall < q + 1), default=0) / 2**20
                 for q in range(4)]
    peak = max((rss for _, rss in timeline), default=0)
    return Run(name, " ".join(_shown(a, cwd) for a in argv), inputs, wall, inputs / wall,
               peak / 2**20, main_peak / 2**20, cpu, main_cpu, count(stderr), returncode,
               len(timeline), load_before, os.getloadavg()[0], stderr[-600:].strip(),
               peak_by_quarter=tuple(quarters))


def _children_cpu() -> float:
    """User + system CPU seconds of all waited-for children (workers included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _shown(arg: str | Path, cwd: Path) -> str:
    """A command argument as the report shows it: venv scripts by name, temp paths relative."""
    text = str(arg)
    if text.startswith(str(BIN) + os.sep):
        return Path(text).name
    return text.removeprefix(str(cwd) + os.sep)


def newsx_run(name: str, folder: Path, jobs: int, inputs: int, work: Path,
              timeout: float) -> tuple[Run, list[str]]:
    """``newsx extract FOLDER -j JOBS -q -o OUT``; the run and its records' sources, in order.

    The output's SHA-256 goes into the run, to compare runs' records byte for byte.
    """
    out = work / f"{name.replace(' ', '_')}.jsonl"
    argv = [NEWSX, "extract", folder.name, "-j", str(jobs), "-q", "-o", out.name]
    run = measure(name, argv, inputs, work, lambda _stderr: 0, timeout)
    sources = []
    if out.exists():
        digest = hashlib.sha256()
        with open(out, "rb") as lines:
            for line in lines:
                digest.update(line)
                try:
                    sources.append(json.loads(line).get("source", ""))
                except ValueError:
                    sources.append("(not JSON)")
        out.unlink()  # ~100 MB at 20,000 inputs
        run.output_sha256 = digest.hexdigest()
    run.records = len(sources)
    return run, sources


def trafilatura_run(folder: Path, inputs: int, work: Path, timeout: float,
                    name: str = "trafilatura --parallel 2") -> Run:
    """trafilatura's CLI on FOLDER: one JSON file with metadata per input, 2 processes.

    Output files are named by a hash of their content, so copies of one page
    overwrite each other; records are counted as inputs minus the ones it
    reported dropping on standard error instead.
    """
    out = work / "trafilatura-out"
    argv = [TRAFILATURA, "--input-dir", folder.name, "--output-dir", out.name,
            "--json", "--with-metadata", "--parallel", "2"]
    run = measure(name, argv, inputs, work,
                  lambda stderr: inputs - len(_TRAFILATURA_DROPPED.findall(stderr)), timeout)
    shutil.rmtree(out, ignore_errors=True)
    return run


# ----------------------------------------------------------------------------- report


def order_notes(sources: dict[str, list[str]], counts: dict[str, int]) -> list[str]:
    """Whether each newsx run wrote one record per input, and all in the first run's order."""
    notes = []
    first = next(iter(sources), "")
    for name, found in sources.items():
        if len(found) != counts[name]:
            notes.append(f"{name}: {len(found):,} records for {counts[name]:,} inputs")
        if name == first:
            in_sorted = "in" if found == sorted(found) else "NOT in"
            notes.append(f"{name}: records {in_sorted} sorted path order")
        else:
            same = "the same order as" if found == sources[first] else "a DIFFERENT order from"
            notes.append(f"{name}: records in {same} {first}'s")
    return notes


def identical_notes(runs: dict[str, Run], names: Sequence[str]) -> list[str]:
    """Whether newsx's runs on the same inputs wrote the same bytes."""
    found = [runs[n] for n in names if n in runs and runs[n].output_sha256]
    notes = []
    for run in found[1:]:
        same = "byte-identical to" if run.output_sha256 == found[0].output_sha256 else "DIFFER from"
        notes.append(f"{run.name}: records {same} {found[0].name}'s")
    return notes


def verdict(ok: bool) -> str:
    return "**PASS**" if ok else "**FAIL**"


def build_report(runs: dict[str, Run], counts: dict[str, int], n_small: int,
                 notes: list[str]) -> tuple[dict, str]:
    rows = [[r.name, r.inputs, r.records, r.wall_s, r.inputs_per_s, r.records / r.wall_s,
             r.peak_mib, r.main_peak_mib, r.cpu_s,
             r.main_cpu_s, r.inputs / r.cpu_s if r.cpu_s else float("nan"),
             f"{r.load_before:.2f} → {r.load_after:.2f}", r.returncode] for r in runs.values()]
    table = markdown_table(["command", "inputs", "records", "wall s", "inputs/s", "records/s",
                            "peak MiB (tree)", "peak MiB (main process)", "CPU s (tree)",
                            "CPU s (main process)", "inputs per CPU s", "load avg (1 min)",
                            "exit"], rows)
    targets: dict[str, dict] = {}
    j1, j2, small = runs.get("newsx -j 1"), runs.get("newsx -j 2"), runs.get("newsx -j 2 small")
    traf = runs.get("trafilatura --parallel 2")
    if j2 and traf and traf.records:
        ratio = (j2.records / j2.wall_s) / (traf.records / traf.wall_s)
        targets["vs trafilatura"] = {"ratio": ratio, "target": TRAFILATURA_TARGET,
                                     "pass": ratio >= TRAFILATURA_TARGET,
                                     "inputs_ratio": j2.inputs_per_s / traf.inputs_per_s}
    html_newsx, html_traf = runs.get("newsx -j 2 html"), runs.get("trafilatura --parallel 2 html")
    if html_newsx and html_traf:
        targets["html only"] = {"ratio": html_newsx.inputs_per_s / html_traf.inputs_per_s,
                                "records_ratio": (html_newsx.records / html_newsx.wall_s)
                                / max(html_traf.records / html_traf.wall_s, 1e-9)}
    if j2 and j1:
        ratio = j2.inputs_per_s / j1.inputs_per_s
        targets["-j 2 vs -j 1"] = {"ratio": ratio, "target": SCALING_TARGET,
                                   "pass": ratio >= SCALING_TARGET}
    if j2 and small:
        change = j2.peak_mib / small.peak_mib - 1
        targets["flat memory"] = {"change": change, "target": FLAT_MEMORY,
                                  "pass": abs(change) <= FLAT_MEMORY}
    lines = [table, ""]
    for key, target in targets.items():
        if key == "flat memory":
            lines.append(f"- newsx -j 2 peak memory, {j2.inputs:,} vs {n_small:,} inputs: "
                         f"{j2.peak_mib:.0f} vs {small.peak_mib:.0f} MiB ({target['change']:+.1%})."
                         f" Target within ±{FLAT_MEMORY:.0%}: {verdict(target['pass'])}")
            for run in (small, j2):
                quarters = ", ".join(f"{m:.0f}" for m in run.peak_by_quarter)
                lines.append(f"  {run.name}, peak MiB in each quarter of the run: {quarters}")
        elif key == "vs trafilatura":
            lines.append(f"- newsx -j 2 ÷ trafilatura --parallel 2, records written per second: "
                         f"**{target['ratio']:.2f}x**. Target >= {target['target']}x: "
                         f"{verdict(target['pass'])}")
            lines.append(f"  In inputs per second: {target['inputs_ratio']:.2f}x (trafilatura "
                         "writes no record for most text dumps, and spends little on them)")
        elif key == "html only":
            lines.append(f"- HTML pages alone, newsx -j 2 ÷ trafilatura --parallel 2: "
                         f"{target['ratio']:.2f}x in inputs/s, {target['records_ratio']:.2f}x "
                         "in records/s (like for like; no target)")
        else:
            lines.append(f"- newsx -j 2 ÷ newsx -j 1 (inputs/s): **{target['ratio']:.2f}x**. "
                         f"Target >= {target['target']}x: {verdict(target['pass'])}")
    lines.append(f"- inputs: {counts['html']:,} HTML pages and {counts['text']:,} text dumps "
                 "(the corpus's 181 pages and 543 dumps, replicated by hard links)")
    lines += [f"- {note}" for note in notes]
    for run in runs.values():
        if run.returncode != 0 and run.stderr_tail:
            lines.append(f"- {run.name} exited {run.returncode}; standard error ends:\n\n```\n"
                         f"{run.stderr_tail}\n```")
    lines += [f"- `{r.name}`: `{r.command}`" for r in runs.values()]
    report = {"environment": environment(), "inputs": counts, "small_inputs": n_small,
              "runs": {k: asdict(v) for k, v in runs.items()}, "targets": targets,
              "notes": notes, "cpu_count": os.cpu_count()}
    return report, "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=20_000, help="input files (default 20000)")
    parser.add_argument("--small", type=int, default=2_000,
                        help="inputs of the second newsx -j 2 run, for flat memory (default 2000)")
    parser.add_argument("--skip-trafilatura", action="store_true")
    parser.add_argument("--no-html-only", dest="html_only", action="store_false",
                        help="skip the like-for-like runs on the HTML pages alone")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per command")
    parser.add_argument("--tmp", type=Path, default=None, help="where to make the temp directory")
    parser.add_argument("--json", action="store_true", help="print a JSON report")
    args = parser.parse_args(argv)
    if not NEWSX.exists():
        parser.error(f"{NEWSX} not found: pip install -e . in this venv")
    if not args.skip_trafilatura and not TRAFILATURA.exists():
        print(f"note: {TRAFILATURA} not found, trafilatura skipped", file=sys.stderr)
        args.skip_trafilatura = True
    n_small = min(args.small, args.inputs)
    work = Path(tempfile.mkdtemp(prefix="newsx-bench-batch-", dir=args.tmp))
    try:
        started = time.perf_counter()
        big, small, html, counts = replicate(work, args.inputs, n_small)
        runs: dict[str, Run] = {}
        sources: dict[str, list[str]] = {}
        plan = [("newsx -j 2 small", small, 2, n_small), ("newsx -j 1", big, 1, args.inputs),
                ("newsx -j 2", big, 2, args.inputs)]
        if args.html_only:
            plan.append(("newsx -j 2 html", html, 2, counts["html"]))
        for name, folder, jobs, inputs in plan:
            print(f"running {name} on {inputs:,} inputs (load {os.getloadavg()[0]:.2f})...",
                  file=sys.stderr, flush=True)
            runs[name], sources[name] = newsx_run(name, folder, jobs, inputs, work, args.timeout)
        if not args.skip_trafilatura:
            print(f"running trafilatura --parallel 2 on {args.inputs:,} inputs...",
                  file=sys.stderr, flush=True)
            runs["trafilatura --parallel 2"] = trafilatura_run(big, args.inputs, work,
                                                               args.timeout)
            if args.html_only:
                print(f"running trafilatura --parallel 2 on {counts['html']:,} HTML pages...",
                      file=sys.stderr, flush=True)
                runs["trafilatura --parallel 2 html"] = trafilatura_run(
                    html, counts["html"], work, args.timeout, "trafilatura --parallel 2 html")
        big_sources = {k: v for k, v in sources.items() if k in ("newsx -j 1", "newsx -j 2")}
        notes = order_notes(big_sources, {k: args.inputs for k in big_sources})
        notes += identical_notes(runs, ["newsx -j 1", "newsx -j 2"])
        notes += [n for n in order_notes({"newsx -j 2 small": sources["newsx -j 2 small"]},
                                         {"newsx -j 2 small": n_small}) if "records for" in n]
        notes.append(f"whole benchmark: {time.perf_counter() - started:.0f} s wall; "
                     f"{os.cpu_count()} CPUs; memory sampled every {SAMPLE_S * 1000:.0f} ms "
                     f"({'psutil' if _has_psutil() else '/proc'}), summed RSS counts "
                     "pages shared by forked workers once per process")
        report, text = build_report(runs, counts, n_small, notes)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    emit(report, args.json, text)
    return 0


def _has_psutil() -> bool:
    try:
        import psutil  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
