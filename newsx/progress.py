"""Progress on standard error: a rich bar on a terminal, and the closing summary.

The bar shows inputs done, records/s, failures and (when the number of
inputs is known) the ETA; it is drawn only when standard error is a
terminal.  The one-line summary is printed at the end unless ``--quiet``.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import IO


@dataclass
class Counts:
    """What a run did, for the bar and the summary."""

    records: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def done(self) -> int:
        return self.records + self.failed + self.skipped

    def summary(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return (f"newsx: done: {self.records} records, {self.failed} failed, "
                f"{self.skipped} skipped in {elapsed:.1f} s "
                f"({self.records / elapsed:.1f} records/s)")


class Reporter:
    """Counts events and draws the bar; ``finish`` prints the summary line."""

    def __init__(self, stream: IO[str] | None = None, *, bar: bool, summary: bool,
                 total: int | None = None) -> None:
        self.stream = stream or sys.stderr
        self.counts = Counts()
        self.summary = summary
        self._progress = _start_bar(self.stream, total) if bar else None

    def record(self) -> None:
        self.counts.records += 1
        self._advance()

    def failure(self) -> None:
        self.counts.failed += 1
        self._advance()

    def skip(self) -> None:
        self.counts.skipped += 1
        self._advance()

    def print(self, line: str) -> None:
        """A message line that must not be torn by the bar."""
        if self._progress is not None:
            self._progress[0].console.print(line, markup=False, highlight=False)
            return
        try:
            self.stream.write(line + "\n")
            self.stream.flush()
        except (BrokenPipeError, ValueError):
            pass

    def finish(self) -> None:
        if self._progress is not None:
            self._progress[0].stop()
            self._progress = None
        if self.summary:
            self.print(self.counts.summary())

    def _advance(self) -> None:
        if self._progress is None:
            return
        progress, task = self._progress
        elapsed = max(time.monotonic() - self.counts.started, 1e-9)
        progress.update(task, completed=self.counts.done, failed=self.counts.failed,
                        rate=self.counts.records / elapsed)


def _start_bar(stream: IO[str], total: int | None):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        SpinnerColumn(),
        BarColumn(),
        MofNCompleteColumn() if total else TextColumn("{task.completed} inputs"),
        TextColumn("{task.fields[rate]:.0f} records/s"),
        TextColumn("[red]{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        TimeRemainingColumn() if total else TextColumn(""),
        console=Console(file=stream),
        transient=True,
    )
    task = progress.add_task("extract", total=total, failed=0, rate=0.0)
    progress.start()
    return progress, task
