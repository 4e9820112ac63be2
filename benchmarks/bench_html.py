"""CPU time of newsx's HTML mode against other extractors, relative to a bare HTML parse.

Every tool gets the same pages, in one process, interleaved page by page (the
order of the tools rotates from page to page), after an untimed warm-up:

- ``selectolax parse``: ``LexborHTMLParser(html).body``, the floor any
  tree-based extractor pays; every other tool is reported as a multiple of it;
- ``newsx``: the whole record (header, body, related) as JSON, given
  the page's bytes (newsx decodes them itself, inside the timed region);
- ``trafilatura``: ``extract(html, url=..., output_format="json", with_metadata=True)``;
- ``readability``: readability-lxml's ``Document(html).summary()`` and ``.title()``;
- ``newspaper4k``: ``Article(url)``, ``download(input_html=html)``, ``parse()``,
  with image fetching off (it would download images to size them).

The other tools get the page already decoded to ``str`` (decoding is not timed).
A tool that is not installed is skipped with a note. No tool may reach the
network: sockets are disabled for the run.

    python benchmarks/bench_html.py                    # all 181 pages, a markdown table
    python benchmarks/bench_html.py --limit 40 --tools newsx,trafilatura --json
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _common import (
    HTML_DIR,
    Timings,
    breakdown_or_note,
    decode_page,
    emit,
    environment,
    extractor_note,
    forbid_network,
    include_unregistered,
    interleave,
    markdown_table,
    newsx_breakdown,
    short_name,
    warm_newsx_models,
)

#: newsx's whole record may cost at most this many bare parses (mean CPU ms per page).
TARGET_PARSE_RATIO = 5.0
#: Pages run through each tool, untimed, before timing (first calls load models, caches).
WARMUP = 20
PARSE = "selectolax parse"


@dataclass(frozen=True)
class Page:
    name: str
    url: str | None
    data: bytes  # as on disk, decompressed: what newsx reads
    html: str  # decoded: what the other tools get


def load_pages(directory: Path, limit: int | None) -> list[Page]:
    """Pages sorted by name, with their URL from ``truth.jsonl`` when it gives one."""
    urls: dict[str, str] = {}
    truth = directory / "truth.jsonl"
    if truth.exists():
        for line in truth.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            urls[row["id"]] = row.get("url")
    pages = []
    for path in sorted((directory / "html").glob("*.html.gz"))[:limit]:
        data = gzip.decompress(path.read_bytes())
        page_id = path.name.split(".", 1)[0]
        pages.append(Page(path.name, urls.get(page_id), data, decode_page(data)))
    return pages


Runner = Callable[[Page], object]


def parse_runner() -> Runner:
    from selectolax.lexbor import LexborHTMLParser

    return lambda page: LexborHTMLParser(page.html).body  # .body: the parse is really done


def newsx_runner() -> Runner:
    import orjson

    import newsx

    warm_newsx_models()

    def run(page: Page) -> object:
        record = newsx.extract(page.data, source=page.name, format="html", url=page.url)
        return orjson.dumps(record.to_dict())  # what the command line writes

    return run


def trafilatura_runner() -> Runner:
    import trafilatura

    def run(page: Page) -> object:
        return trafilatura.extract(page.html, url=page.url, output_format="json",
                                   with_metadata=True)

    return run


def readability_runner() -> Runner:
    from readability import Document

    def run(page: Page) -> object:
        doc = Document(page.html)
        return doc.summary(), doc.title()

    return run


def newspaper_runner() -> Runner:
    with warnings.catch_warnings():  # "nltk is not installed": NLP is not used here
        warnings.simplefilter("ignore")
        import newspaper
    config = newspaper.Config()
    config.fetch_images = False  # else it downloads images to find the largest
    config.memorize_articles = False

    def run(page: Page) -> object:
        article = newspaper.Article(page.url or "https://example.invalid/", config=config)
        article.download(input_html=page.html)
        article.parse()
        return article.title, article.authors, article.publish_date, article.text

    return run


TOOLS: dict[str, Callable[[], Runner]] = {
    PARSE: parse_runner,
    "newsx": newsx_runner,
    "trafilatura": trafilatura_runner,
    "readability": readability_runner,
    "newspaper4k": newspaper_runner,
}


def measure(pages: list[Page], names: list[str], repeat: int,
            warmup: int) -> tuple[list[Timings], dict[str, str]]:
    """Time the named tools on every page, interleaved; notes say what was skipped."""
    runners: dict[str, Runner] = {}
    notes: dict[str, str] = {}
    for name in names:
        try:
            runners[name] = TOOLS[name]()
        except Exception as err:  # not installed, or broken: measure the others
            notes[name] = f"skipped: {type(err).__name__}: {err}"
            continue
        for page in pages[:warmup]:
            with contextlib.suppress(Exception):
                runners[name](page)
    timings = [Timings(name) for name in runners]
    interleave(pages, timings, runners, repeat)
    return timings, notes


def report(pages: list[Page], timings: list[Timings], notes: dict[str, str],
           repeat: int) -> tuple[dict, str]:
    """The JSON report and its markdown rendering."""
    by_name = {t.name: t for t in timings}
    parse = by_name.get(PARSE)
    parse_stats = parse.stats() if parse and parse.ms else None
    rows, tools = [], {}
    for t in timings:
        s = t.stats()
        ratio = s["mean"] / parse_stats["mean"] if parse_stats else float("nan")
        median_ratio = s["median"] / parse_stats["median"] if parse_stats else float("nan")
        tools[t.name] = {**s, "ratio_to_parse": ratio, "median_ratio_to_parse": median_ratio,
                         "failures": t.failures}
        rows.append([t.name, s["n"], s["mean"], s["median"], s["p95"], s["max"], s["total_s"],
                     f"{ratio:.1f}x", f"{median_ratio:.1f}x", len(t.failures)])
    table = markdown_table(
        ["tool", "pages", "ms/page mean", "median", "p95", "max", "total s",
         "÷ parse (mean)", "÷ parse (median)", "failed"],
        rows,
    )
    lines = [table, ""]
    verdict = None
    env = environment()
    if "newsx" in tools and parse_stats and tools["newsx"]["n"]:
        ratio = tools["newsx"]["ratio_to_parse"]
        judged = bool(env.get("extractors_html"))  # no extractor: nothing worth judging
        verdict = ratio <= TARGET_PARSE_RATIO if judged else None
        outcome = ("PASS" if verdict else "FAIL") if judged else "not judged"
        lines.append(f"newsx costs {ratio:.1f} bare parses per page (mean CPU ms);"
                     f" target <= {TARGET_PARSE_RATIO:.0f}x: {outcome}")
        if "trafilatura" in tools and tools["newsx"]["mean"]:
            speedup = tools["trafilatura"]["mean"] / tools["newsx"]["mean"]
            lines.append(f"newsx is {speedup:.1f}x faster than trafilatura (mean CPU ms)")
    lines += ["", *extractor_note(env, "html")]
    lines += [f"Note: {name} {note}" for name, note in notes.items()]
    for t in timings:
        lines += [f"Failure ({t.name}): {f}" for f in t.failures[:5]]
        tools[t.name]["slowest"] = t.slowest()
    if "newsx" in by_name:
        slow = ", ".join(f"{short_name(name)} {ms:.1f}" for name, ms in by_name["newsx"].slowest())
        lines.append(f"Slowest pages for newsx (ms): {slow}")
    data = {"benchmark": "html", "pages": len(pages), "repeat": repeat, "tools": tools,
            "parse_ratio_target": TARGET_PARSE_RATIO, "pass": verdict, "notes": notes,
            "environment": env}
    return data, "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=HTML_DIR,
                        help="corpus directory (html/*.html.gz, truth.jsonl)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--repeat", type=int, default=1, help="time every page N times")
    parser.add_argument("--warmup", type=int, default=WARMUP,
                        help=f"untimed pages per tool before timing (default {WARMUP})")
    parser.add_argument("--tools", default=",".join(TOOLS),
                        help=f"comma-separated subset of: {', '.join(TOOLS)}"
                        f" ('{PARSE}' is always included)")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time each newsx phase (decode, parse, each extractor)")
    parser.add_argument("--unregistered", action="store_true",
                        help="also run newsx extractor modules not registered yet (a preview)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    added = include_unregistered() if args.unregistered else []
    warnings.simplefilter("ignore")  # tools' warnings about odd pages would bury the table
    names = [PARSE] + [n.strip() for n in args.tools.split(",") if n.strip() and n.strip() != PARSE]
    unknown = [n for n in names if n not in TOOLS]
    if unknown:
        parser.error(f"unknown tools: {', '.join(unknown)}")
    forbid_network()
    pages = load_pages(args.dir, args.limit)
    if not pages:
        print(f"no pages in {args.dir / 'html'}", file=sys.stderr)
        return 2
    timings, notes = measure(pages, names, max(1, args.repeat), max(0, args.warmup))
    data, table = report(pages, timings, notes, max(1, args.repeat))
    if args.breakdown:
        data["newsx_phases_ms"], phases = breakdown_or_note(
            lambda: [newsx_breakdown(p.data, p.name, "html", p.url) for p in pages])
        table += "\n\n" + phases
    if added:
        data["unregistered_added"] = added
        table += f"\n\nPreview: also ran unregistered extractors: {', '.join(added)}"
    emit(data, args.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
