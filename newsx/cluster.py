"""``newsx extract --scheduler ADDRESS``: the same conversion on a Dask cluster.

The client (this process) lists the inputs and cuts them into partitions of
:data:`PARTITION_INPUTS`; each partition is one task that a worker runs with
the very same readers and pipeline as a local run, returning its records as
one gzip-compressed JSON Lines part plus its failures and counts.  The
client writes ``part-00000.jsonl.gz``, ``part-00001.jsonl.gz``... into the
``-o`` directory in input order, shows the same progress and summary, and
keeps at most a few partitions per worker in flight.

Inputs are local paths (the workers must see the same file system) or
fsspec URLs (``s3://``, ``gs://``, ``https://``...) where the filesystem
package is installed on the workers.  Install with ``pip install 'newsx[dask]'``.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from newsx.batch import Done, Failed, Settings, convert
from newsx.errors import ExitStatus, InputError, UsageError
from newsx.inputs import InputRef, expand
from newsx.progress import Reporter
from newsx.readers import RawInput, ReadSettings, Skipped, read_items

#: Inputs (files, archives, URLs) per task.
PARTITION_INPUTS = 64
#: Partitions in flight per worker thread.
WINDOW_PER_WORKER = 2


@dataclass
class PartResult:
    """What one partition gave: its compressed records, failures and counts."""

    index: int
    data: bytes
    records: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def convert_partition(index: int, sources: list[str], settings: Settings,
                      read: ReadSettings) -> PartResult:
    """Run on a worker: every document of ``sources`` to one gzip JSON Lines part."""
    result = PartResult(index, b"")
    lines: list[bytes] = []
    for source in sources:
        ref = InputRef(source, None if "://" in source else Path(source))
        for item in read_items(ref, read):
            event = convert(item, settings) if isinstance(item, RawInput) else item
            if isinstance(event, Done):
                lines.append(event.line)
                result.records += 1
            elif isinstance(event, Skipped):
                result.skipped += 1
            else:
                assert isinstance(event, InputError | Failed)
                result.failures.append((event.source, event.reason))
    result.data = gzip.compress(b"".join(lines), compresslevel=6, mtime=0)
    return result


def run_on_cluster(address: str, plan) -> ExitStatus:
    """Convert ``plan``'s inputs on the cluster at ``address``; parts go to ``plan.output``."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'newsx[dask]'") from None
    outdir = _output_dir(plan.output)
    reporter = Reporter(bar=_isatty_err() and not plan.quiet, summary=not plan.quiet)
    failed = False
    with Client(address, timeout="10s") as client, _errors(plan.errors) as error_log:
        workers = max(1, sum(client.nthreads().values()))
        arg_failures: list[tuple[str, str]] = []
        parts = _stream(client, _partitions(plan, arg_failures), plan, workers * WINDOW_PER_WORKER)
        for part in parts:
            (outdir / f"part-{part.index:05d}.jsonl.gz").write_bytes(part.data)
            for _ in range(part.records):
                reporter.record()
            for _ in range(part.skipped):
                reporter.skip()
            failed |= _report(arg_failures + part.failures, reporter, error_log)
            arg_failures.clear()
        failed |= _report(arg_failures, reporter, error_log)
    reporter.finish()
    return ExitStatus.INPUT_FAILED if failed else ExitStatus.OK


def _report(failures: list[tuple[str, str]], reporter: Reporter, error_log) -> bool:
    for source, reason in failures:
        reporter.print(f"newsx: {source}: {reason}")
        reporter.failure()
        if error_log is not None:
            error_log.write(orjson.dumps({"source": source, "reason": reason},
                                         option=orjson.OPT_APPEND_NEWLINE))
    return bool(failures)


def _partitions(plan, failures: list[tuple[str, str]]) -> Iterator[list[str]]:
    """Input names in order, cut into partitions; argument errors go to ``failures``."""
    batch: list[str] = []
    for ref in expand(plan.args, plan.files_from):
        if isinstance(ref, InputError):
            failures.append((ref.source, ref.reason))
            continue
        if ref.source == "-":
            failures.append(("-", "standard input cannot be read on a cluster; give paths"))
            continue
        batch.append(ref.source if ref.path is None else str(ref.path))
        if len(batch) >= PARTITION_INPUTS:
            yield batch
            batch = []
    if batch:
        yield batch


def _stream(client, partitions: Iterator[list[str]], plan, window: int) -> Iterator[PartResult]:
    """Submit partitions with a bounded window; yield results in partition order."""
    from dask.distributed import wait
    pending: dict[int, tuple[object, list[str]]] = {}
    done: dict[int, PartResult] = {}
    next_out = 0
    partitions = iter(partitions)
    exhausted = False
    while not exhausted or pending:
        while not exhausted and len(pending) < window:
            sources = next(partitions, None)
            if sources is None:
                exhausted = True
                break
            index = next_out + len(pending) + len(done)
            future = client.submit(convert_partition, index, sources, plan.settings, plan.read,
                                   pure=False)
            pending[index] = (future, sources)
        if pending:
            wait([f for f, _ in pending.values()], return_when="FIRST_COMPLETED")
            for index in [i for i, (f, _) in pending.items() if f.done()]:
                future, sources = pending.pop(index)
                done[index] = _result(index, future, sources)
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1


def _result(index: int, future, sources: list[str]) -> PartResult:
    """A finished task; one that failed on the cluster fails its inputs, not the run."""
    try:
        return future.result()
    except Exception as err:  # a worker died for good, or the task raised
        reason = f"the cluster could not convert it ({type(err).__name__}: {err})"
        return PartResult(index, gzip.compress(b"", mtime=0),
                          failures=[(source, reason) for source in sources])


def _output_dir(output: Path | None) -> Path:
    if output is None:
        raise UsageError("--scheduler needs -o DIR: the directory for the part files")
    if output.exists() and not output.is_dir():
        raise UsageError(f"-o {output}: with --scheduler, -o names a directory")
    output.mkdir(parents=True, exist_ok=True)
    stale = sorted(output.glob("part-*.jsonl.gz"))
    if stale:
        raise UsageError(f"-o {output}: holds part files of an earlier run; use an empty directory")
    return output


def _errors(path: Path | None):
    from contextlib import nullcontext

    return open(path, "wb") if path else nullcontext(None)


def _isatty_err() -> bool:
    try:
        return os.isatty(2)
    except OSError:
        return False
