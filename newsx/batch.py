"""Run the pipeline over a stream of inputs, in this process or in workers.

:func:`run` takes the documents :mod:`newsx.readers` yields and returns
events in input order (or completion order with ``ordered=False``): a
:class:`Done` with the encoded record, a :class:`Failed`, or a
:class:`~newsx.readers.Skipped`.  With ``jobs > 1`` documents go to worker
processes; at most ``jobs * WINDOW_PER_JOB`` are in flight, so memory stays
flat however long the input stream is.

A worker that dies (killed, out of memory) breaks the pool; the documents in
flight are then retried one at a time in a fresh pool, so the one document
that kills a worker again is reported and the rest go through.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass

import orjson

from newsx.errors import InputError
from newsx.fields import select
from newsx.pipeline import Options, process, warm_up
from newsx.plugins import load_registry
from newsx.readers import RawInput, Skipped

#: Documents handed to a worker at once, when that many are waiting.
CHUNK_DOCS = 8
#: Documents in flight per worker: keeps workers busy while bounding memory.
WINDOW_PER_JOB = 4 * CHUNK_DOCS


@dataclass(frozen=True, slots=True)
class Done:
    """A record, encoded as one JSON line, and warnings worth telling."""

    source: str
    line: bytes
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failed:
    source: str
    reason: str


Event = Done | Failed | Skipped


@dataclass(frozen=True)
class Settings:
    """What every document needs: extraction options and the fields kept."""

    options: Options
    fields: list[list[str]] | None = None


def default_jobs() -> int:
    """Worker processes by default: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def convert(raw: RawInput, settings: Settings) -> Done | Failed:
    """One document to an event; never raises for bad input."""
    try:
        outcome = process(raw, settings.options, load_registry())
    except InputError as err:
        return Failed(err.source, err.reason)
    record = select(outcome.record.to_dict(), settings.fields)
    return Done(raw.source, orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE),
                outcome.warnings)


def run(items: Iterable[RawInput | InputError | Skipped], settings: Settings, *,
        jobs: int = 1, ordered: bool = True) -> Iterator[Event]:
    """Events for ``items``, converted in this process or in ``jobs`` workers."""
    if jobs <= 1:
        for item in items:
            yield convert(item, settings) if isinstance(item, RawInput) else _passthrough(item)
        return
    yield from _Pool(settings, jobs, ordered).run(items)


def _passthrough(item: InputError | Skipped) -> Failed | Skipped:
    return Failed(item.source, item.reason) if isinstance(item, InputError) else item


class _Pool:
    """A bounded, order-keeping, crash-surviving feed of documents to worker processes.

    A reader thread pulls documents from the input stream into a queue, at
    most ``window`` ahead of the writer; futures report completion through
    the same queue.  So a slow input (a pipe) never holds back records that
    are already done, and a fast one never floods memory.
    """

    def __init__(self, settings: Settings, jobs: int, ordered: bool) -> None:
        self.settings = settings
        self.jobs = jobs
        self.ordered = ordered
        self.window = jobs * WINDOW_PER_JOB
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        warm_up(load_registry())  # models loaded once before fork, shared by every worker
        executor = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context(method),
                                       initializer=_die_with_parent)
        executor.submit(int).result()  # fork every worker now, before the reader thread runs
        return executor

    def run(self, items: Iterable) -> Iterator[Event]:
        inbox: queue.Queue = queue.Queue()
        slots = threading.BoundedSemaphore(self.window)
        threading.Thread(target=_read_ahead, args=(items, inbox, slots), daemon=True).start()
        pending: deque[tuple[Future | None, list]] = deque()
        ended = False
        finished = False
        try:
            while not ended or pending:
                chunk, ended = _take_chunk(inbox, ended)
                if chunk:
                    pending.append(self._submit(chunk, inbox))
                for future, done in self._ready(pending):
                    for event in self._events(future, done):
                        slots.release()
                        yield event
            finished = True
        finally:
            # Idle workers exit at once; after an error or Ctrl-C, don't wait for busy ones.
            self.executor.shutdown(wait=finished, cancel_futures=True)

    def _submit(self, chunk: list, inbox: queue.Queue) -> tuple[Future | None, list]:
        docs = [item for item in chunk if isinstance(item, RawInput)]
        if not docs:
            inbox.put(("done", None))
            return None, chunk
        future = self.executor.submit(_convert_all, docs, self.settings)
        future.add_done_callback(lambda _: inbox.put(("done", None)))
        return future, chunk

    def _ready(self, pending: deque) -> list[tuple[Future | None, list]]:
        """Finished chunks to emit now: the oldest ones when ordered, any when not."""
        out = []
        if self.ordered:
            while pending and _done(pending[0][0]):
                out.append(pending.popleft())
            return out
        for entry in [e for e in pending if _done(e[0])]:
            pending.remove(entry)
            out.append(entry)
        return out

    def _events(self, future: Future | None, chunk: list) -> Iterator[Event]:
        results = iter(self._results(future, chunk))
        for item in chunk:
            yield next(results) if isinstance(item, RawInput) else _passthrough(item)

    def _results(self, future: Future | None, chunk: list) -> list[Done | Failed]:
        if future is None:
            return []
        try:
            return future.result()
        except BrokenProcessPool:
            return [self._retry_alone(raw) for raw in chunk if isinstance(raw, RawInput)]

    def _retry_alone(self, raw: RawInput) -> Done | Failed:
        """After a worker died: this document once more, alone in a fresh pool."""
        self._restart()
        try:
            return self.executor.submit(convert, raw, self.settings).result()
        except BrokenProcessPool:
            self._restart()
            return Failed(raw.source, "a worker process died while reading it "
                                      "(killed, or out of memory)")

    def _restart(self) -> None:
        if getattr(self.executor, "_broken", False):
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()


def _die_with_parent() -> None:
    """In a worker: end when the parent process dies (Linux), instead of lingering."""
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _convert_all(docs: list[RawInput], settings: Settings) -> list[Done | Failed]:
    """A worker's task: a few documents at once, to spread the cost of the hand-over."""
    return [convert(raw, settings) for raw in docs]


def _take_chunk(inbox: queue.Queue, ended: bool) -> tuple[list, bool]:
    """Wait for the next message, then take whatever documents are already queued.

    Documents that are waiting go to a worker together (up to CHUNK_DOCS); a
    slow input (a pipe) still goes one document at a time, without delay.
    """
    chunk: list = []
    kind, value = inbox.get()
    while True:
        if kind == "item":
            chunk.append(value)
        elif kind == "end":
            ended = True
        elif kind == "raise":
            raise value
        if len(chunk) >= CHUNK_DOCS:
            return chunk, ended
        try:
            kind, value = inbox.get_nowait()
        except queue.Empty:
            return chunk, ended


def _read_ahead(items: Iterable, inbox: queue.Queue, slots: threading.BoundedSemaphore) -> None:
    """The reader thread: at most ``window`` documents ahead of the writer."""
    try:
        for item in items:
            slots.acquire()
            inbox.put(("item", item))
    except BaseException as err:  # reading failed unexpectedly: the main thread re-raises
        inbox.put(("raise", err))
        return
    inbox.put(("end", None))


def _done(future: Future | None) -> bool:
    return future is None or future.done()
