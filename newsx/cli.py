"""The ``newsx`` command line: a thin layer over :mod:`newsx.pipeline`.

This is the only module that knows about Typer, terminals and exit codes.
It turns options into :class:`~newsx.pipeline.Options`, streams inputs
through the pipeline one at a time, hands records to a writer and reports
per-input failures as ``newsx: SOURCE: reason`` on standard error.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO, Annotated

import orjson
import typer

from newsx import __version__
from newsx.batch import Done, Settings, default_jobs, run
from newsx.errors import ExitStatus, InputError, UsageError
from newsx.fields import parse_fields
from newsx.inputs import container_kind, expand
from newsx.pipeline import Options
from newsx.plugins import load_registry, parse_use
from newsx.progress import Reporter
from newsx.readers import DEFAULT_MAX_BYTES, ReadSettings, Skipped, read_items
from newsx.record import json_schema
from newsx.resume import prepare as resume_prepare
from newsx.writers import make_writer

app = typer.Typer(
    name="newsx",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class InputFormat(str, Enum):
    text = "text"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsx {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Extract news articles from HTML pages and raw text dumps into JSON Lines.

    Example: newsx extract page.html | jq -r .header.title
    """


EXTRACT_EPILOG = """Examples:

  newsx extract samples/                       # a table on a terminal, JSON Lines in a pipe

  newsx extract page.html | jq -r .header.title

  cat dump.txt | newsx extract --input-format text -f json

  newsx extract dumps/ -o records.jsonl --fields header.title,body.text

  find dumps -name '*.txt' | newsx extract --files-from - -j 4 -o out.jsonl --resume

  newsx extract crawl.warc.gz pages.tar.gz scraped.jsonl --errors failed.jsonl
"""


@dataclass(frozen=True)
class RunPlan:
    """Everything ``extract`` was asked to do, checked, below the Typer layer."""

    args: list[str]
    files_from: str | None
    settings: Settings
    read: ReadSettings
    output: Path | None
    output_format: str | None
    color: bool
    jobs: int
    ordered: bool
    errors: Path | None
    resume: bool
    quiet: bool


@app.command(epilog=EXTRACT_EPILOG)
def extract(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, directories (recursive), glob patterns, archives (.tar, .tar.gz, "
            ".warc, .warc.gz), JSON Lines; compressed .gz/.bz2/.xz/.zst; '-' or nothing for "
            "standard input.",
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option("--input-format", help="Read inputs as this instead of sniffing content."),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format", "-f", help="Output: jsonl (default in a pipe), json, table (on a terminal)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write records to FILE instead of standard output."),
    ] = None,
    fields: Annotated[
        str | None,
        typer.Option(help="Keep only these comma-separated fields, e.g. header.title,body.text."),
    ] = None,
    use: Annotated[
        list[str] | None,
        typer.Option(help="BLOCK=NAME: use only this extractor for a block (repeatable)."),
    ] = None,
    files_from: Annotated[
        str | None,
        typer.Option(help="Read input paths from FILE, one a line ('-' for standard input)."),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="Worker processes (default: the number of cores).",
                     min=1, show_default=False),
    ] = None,
    unordered: Annotated[
        bool, typer.Option("--unordered", help="Write records as they finish, not in input order.")
    ] = False,
    errors: Annotated[
        Path | None,
        typer.Option("--errors", help="Also write each failed input as a JSON line to FILE."),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="With -o FILE: skip inputs already in FILE and append."),
    ] = False,
    html_field: Annotated[
        str, typer.Option(help="JSON Lines inputs: the field holding a page's HTML.")
    ] = "html",
    text_field: Annotated[
        str, typer.Option(help="JSON Lines inputs: the field holding a text dump.")
    ] = "text",
    url_field: Annotated[
        str, typer.Option(help="JSON Lines inputs: the field holding the page's URL.")
    ] = "url",
    id_field: Annotated[
        str | None, typer.Option(help="JSON Lines inputs: a field naming each page (#ID).")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Run on this Dask cluster (tcp://HOST:PORT); -o names a directory."),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour in tables.")] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Refuse inputs larger than this many bytes.", min=1)
    ] = DEFAULT_MAX_BYTES,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress, warnings or summary; errors still shown."),
    ] = False,
) -> None:
    """Extract one record per input article.

    Records are written (and flushed) as soon as each input is done, so
    `head` and `jq` see results while a batch runs.  A failed input is
    reported on standard error; the others still go through.  Exit status:
    0 all inputs gave a record, 1 some input failed, 2 usage error.

    Example: newsx extract page.html | jq -r .header.title
    """
    try:
        registry = load_registry()
        options = Options(
            input_format=input_format.value if input_format else None,
            use=parse_use(use or (), registry),
        )
        paths = parse_fields(fields)
        args = _arguments(inputs, files_from)
        _check_resume(resume, output, paths, scheduler)
    except UsageError as err:
        _fail_usage(str(err))
    plan = RunPlan(
        args=args,
        files_from=files_from,
        settings=Settings(options, paths),
        read=ReadSettings(max_bytes, html_field, text_field, url_field, id_field),
        output=output,
        output_format=output_format.value if output_format else None,
        color=not no_color and "NO_COLOR" not in os.environ,
        jobs=_jobs(jobs, args, files_from),
        ordered=not unordered,
        errors=errors,
        resume=resume,
        quiet=quiet,
    )
    status = _run_on_cluster(scheduler, plan) if scheduler else _run(plan)
    raise typer.Exit(int(status))


def _run_on_cluster(address: str, plan: RunPlan) -> ExitStatus:
    from newsx.cluster import run_on_cluster

    try:
        return run_on_cluster(address, plan)
    except UsageError as err:
        _fail_usage(str(err))
    except (OSError, TimeoutError) as err:
        _fail_usage(f"cannot use the Dask scheduler at {address}: {err}")


def _arguments(inputs: list[str] | None, files_from: str | None) -> list[str]:
    if inputs or files_from:
        return list(inputs or [])
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("no input: give files or directories, or pipe a page on standard input")
    return ["-"]


def _check_resume(resume: bool, output: Path | None, paths, scheduler: str | None) -> None:
    if resume and (output is None or scheduler):
        raise UsageError("--resume needs -o FILE (a local run's output) to resume")
    if resume and paths is not None and ["source"] not in paths:
        raise UsageError("--resume needs the source field in --fields")


def _jobs(jobs: int | None, args: list[str], files_from: str | None) -> int:
    """Workers: as asked, else one per core, but none for a single document."""
    if jobs is not None:
        return jobs
    single = not files_from and len(args) == 1 and (
        args[0] == "-" or (os.path.isfile(args[0]) and not container_kind(args[0])))
    return 1 if single else default_jobs()


def iter_documents(plan: RunPlan, done: set[str] | frozenset = frozenset()) -> Iterator:
    """Every document of every input, skipping those an earlier run finished."""
    for ref in expand(plan.args, plan.files_from):
        if isinstance(ref, InputError):
            yield ref
            continue
        for item in read_items(ref, plan.read):
            if item.source not in done:
                yield item


def _run(plan: RunPlan) -> ExitStatus:
    done = resume_prepare(plan.output) if plan.resume and plan.output else set()
    tty_out = plan.output is None and _isatty(sys.stdout)
    tty_err = _isatty(sys.stderr)
    fmt = plan.output_format or ("table" if tty_out else "jsonl")
    reporter = Reporter(bar=tty_err and not plan.quiet and not tty_out,
                        summary=not plan.quiet and (tty_err or plan.jobs > 1))
    failed = False
    with _open_output(plan.output, append=plan.resume) as stream, \
            _open_errors(plan.errors) as error_log:
        writer = make_writer(fmt, stream, color=plan.color and tty_out, width=_width(tty_out))
        try:
            events = run(iter_documents(plan, done), plan.settings, jobs=plan.jobs,
                         ordered=plan.ordered)
            for event in events:
                failed |= _handle(event, writer, reporter, error_log, plan.quiet)
            writer.close()
        except BrokenPipeError:  # the reader left (| head): stop quietly
            _silence_stdout()
            reporter.summary = False
        except KeyboardInterrupt:
            reporter.finish()
            _stderr("newsx: interrupted; every record written so far is complete")
            raise
        reporter.finish()
    return ExitStatus.INPUT_FAILED if failed else ExitStatus.OK


def _handle(event, writer, reporter: Reporter, error_log, quiet: bool) -> bool:
    """Write or report one event; True when it is a failure."""
    if isinstance(event, Done):
        if not quiet:
            for warning in event.warnings:
                reporter.print(f"newsx: {event.source}: warning: {warning}")
        writer.write_line(event.line)
        reporter.record()
        return False
    if isinstance(event, Skipped):
        reporter.skip()
        return False
    reporter.print(f"newsx: {event.source}: {event.reason}")
    if error_log is not None:
        error_log.write(orjson.dumps({"source": event.source, "reason": event.reason},
                                     option=orjson.OPT_APPEND_NEWLINE))
        error_log.flush()
    reporter.failure()
    return True


@contextmanager
def _open_output(output: Path | None, *, append: bool = False):
    if output is None:
        yield sys.stdout.buffer
        return
    try:
        handle: IO[bytes] = open(output, "ab" if append else "wb")  # noqa: SIM115
    except OSError as err:
        _fail_usage(f"cannot write {output}: {err.strerror or err}")
    with handle:
        yield handle


@contextmanager
def _open_errors(path: Path | None):
    if path is None:
        yield None
        return
    with _open_output(path) as handle:
        yield handle


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _width(tty: bool) -> int:
    if tty:
        return shutil.get_terminal_size((100, 24)).columns
    return int(os.environ.get("COLUMNS", "100") or 100)


def _silence_stdout() -> None:
    """After the reader went away (``| head``), let the interpreter exit quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _stderr(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass


def _fail_usage(message: str):
    _stderr(f"newsx: error: {message}")
    raise typer.Exit(int(ExitStatus.USAGE))


@app.command(epilog="Example: newsx extractors --format json | jq -r '.[].name'")
def extractors(
    output_format: Annotated[
        OutputFormat | None, typer.Option("--format", "-f", help="table (default) or json.")
    ] = None,
) -> None:
    """List the extractors found (name, block, input formats, priority, origin).

    Example: newsx extractors
    """
    registry = load_registry()
    rows = [
        {
            "name": e.name,
            "block": e.block,
            "formats": sorted(e.formats),
            "priority": e.priority,
            "origin": e.origin,
        }
        for e in sorted(registry.extractors, key=lambda e: (e.block, e.priority, e.name))
    ]
    for name, reason in registry.broken:
        _stderr(f"newsx: extractor {name} could not be loaded: {reason}")
    if output_format in (OutputFormat.json, OutputFormat.jsonl):
        sys.stdout.buffer.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2) + b"\n")
        return
    _print_extractors(rows)


def _print_extractors(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="newsx extractors (entry-point group newsx.extractors)")
    for column in ("name", "block", "formats", "priority", "origin"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row["name"], row["block"], ",".join(row["formats"]), str(row["priority"]), row["origin"]
        )
    Console(no_color="NO_COLOR" in os.environ).print(table)


@app.command(epilog="Example: newsx schema > record.schema.json")
def schema() -> None:
    """Print the JSON Schema of a record.

    Example: newsx schema | jq .properties.header.required
    """
    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2) + b"\n")


def main() -> None:
    """Console-script entry point."""
    try:
        app(prog_name="newsx")
    except KeyboardInterrupt:
        _stderr("newsx: interrupted")
        sys.exit(130)
