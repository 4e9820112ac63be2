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
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, Annotated

import orjson
import typer

from newsx import __version__
from newsx.errors import ExitStatus, InputError, UsageError
from newsx.fields import parse_fields, select
from newsx.inputs import DEFAULT_MAX_BYTES, InputRef, expand
from newsx.pipeline import Options, process_ref
from newsx.plugins import Registry, load_registry, parse_use
from newsx.record import json_schema
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

  newsx extract page.html --use body=html-body
"""


@app.command(epilog=EXTRACT_EPILOG)
def extract(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files or directories (recursive: *.txt, *.html, *.htm and .gz); '-' or nothing "
            "for standard input.",
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
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour in tables.")] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Refuse inputs larger than this many bytes.", min=1)
    ] = DEFAULT_MAX_BYTES,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No warnings; errors are still shown.")
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
        args = _arguments(inputs)
    except UsageError as err:
        _fail_usage(str(err))
    status = _run(args, options, registry, paths, output, output_format, no_color, max_bytes, quiet)
    raise typer.Exit(int(status))


def _arguments(inputs: list[str] | None) -> list[str]:
    if inputs:
        return inputs
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("no input: give files or directories, or pipe a page on standard input")
    return ["-"]


def _run(
    args: list[str],
    options: Options,
    registry: Registry,
    paths: list[list[str]] | None,
    output: Path | None,
    output_format: OutputFormat | None,
    no_color: bool,
    max_bytes: int,
    quiet: bool,
) -> ExitStatus:
    status = ExitStatus.OK
    with _open_output(output) as stream:
        tty = output is None and _isatty(sys.stdout)
        fmt = output_format.value if output_format else ("table" if tty else "jsonl")
        color = tty and not no_color and "NO_COLOR" not in os.environ
        writer = make_writer(fmt, stream, color=color, width=_width(tty))
        try:
            for item in expand(args):
                ok = _one(item, options, registry, paths, writer, max_bytes, quiet)
                status = status if ok else ExitStatus.INPUT_FAILED
            writer.close()
        except BrokenPipeError:
            _silence_stdout()
            return status
    return status


def _one(item, options, registry, paths, writer, max_bytes: int, quiet: bool) -> bool:
    """Process one input; report its failure; True when it gave a record."""
    try:
        if isinstance(item, InputError):
            raise item
        assert isinstance(item, InputRef)
        outcome = process_ref(item, options, registry, max_bytes=max_bytes)
    except InputError as err:
        _stderr(f"newsx: {err.source}: {err.reason}")
        return False
    if not quiet:
        for warning in outcome.warnings:
            _stderr(f"newsx: {outcome.record.source}: warning: {warning}")
    writer.write(select(outcome.record.to_dict(), paths))
    return True


@contextmanager
def _open_output(output: Path | None):
    if output is None:
        yield sys.stdout.buffer
        return
    try:
        handle: IO[bytes] = open(output, "wb")  # noqa: SIM115 - closed below, after the run
    except OSError as err:
        _fail_usage(f"cannot write {output}: {err.strerror or err}")
    with handle:
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
