"""Runs a corpus through workers and the one writer, streaming, in input order.

The driver expands the inputs, sends them to the workers a few at a time (a task), keeps a
bounded window of tasks in flight, and hands the results to the writer in the order the
inputs were given, a segment at a time. Memory holds the window and one segment, never the
corpus. The executor is pluggable: in this process (`inline`), a pool of local processes
(`processes`, `suivi ingest --workers N`) or a Dask cluster (`suivi batch --engine dask`).

A task whose worker dies (killed, out of memory, a crash in a native library) is sent
again; when it fails again it is split into single inputs, and an input that still kills
its worker is rejected with a reason. The rest of the corpus goes on.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol

from suivi.config import IngestSettings
from suivi.ingest.api import IngestReport, expand_inputs
from suivi.scale.analyse import InputWork, analyse_inputs
from suivi.scale.timeline import mark
from suivi.scale.writer import OnError, Progress, Writer
from suivi.store import Store

TASK_INPUTS = 8
"""Inputs per task: enough for spaCy to batch, few enough to balance workers."""
SEGMENT_ARTICLES = 128
"""Articles per writer transaction (and per reconcile/follow run)."""
FIRST_SEGMENT_ARTICLES = 16
"""The first segment's size; each next one doubles, up to the full segment.

Why: the writer can do nothing until the first segment is back. With 128 articles to wait for,
it sat idle for the workers' model loading and two hundred parses, then had the whole run's
writing still ahead when the workers were done (400 articles, one worker: 20 s of 58 idle)."""


class Executor(Protocol):
    """What the driver needs of an executor (concurrent.futures and Dask both fit)."""

    def submit(self, refs: list[str], stdin: bytes | None) -> Any: ...

    def restart(self) -> bool:
        """Replace dead workers; True when the tasks in flight were lost with them."""
        ...

    def shutdown(self) -> None: ...


class WorkerDied(Exception):
    """A worker process died while running a task (its result will never come)."""


class InlineExecutor:
    """Runs tasks in this process, at submission (tests, tiny inputs, debugging)."""

    workers = 1

    def submit(self, refs: list[str], stdin: bytes | None) -> Future:
        future: Future = Future()
        try:
            future.set_result(analyse_inputs(refs, stdin))
        except BaseException as exc:  # noqa: BLE001 - delivered through the future, as a pool does
            future.set_exception(exc)
        return future

    def restart(self) -> bool:
        return False

    def shutdown(self) -> None:
        return None


class ProcessExecutor:
    """N local worker processes forked from a fork server that loaded the models once
    (`suivi.scale.preload`): the workers share the models' memory and start at once. Where
    there is no fork server (not POSIX), spawned processes that each load the models."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = self._start()

    def _start(self):  # noqa: ANN202 - ProcessPoolExecutor
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        from suivi.scale.analyse import PRELOAD_VECTORS, warm

        embed = self.workers > 1  # see analyse_inputs: one worker leaves embedding to the writer
        if "forkserver" in multiprocessing.get_all_start_methods():
            # read by suivi.scale.preload in the fork server, started with this environment
            os.environ[PRELOAD_VECTORS] = "1" if embed else "0"
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["suivi.scale.preload"])
        else:
            context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=partial(warm, embed))

    def submit(self, refs: list[str], stdin: bytes | None) -> Future:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._pool.submit(analyse_inputs, refs, stdin, self.workers > 1)
        except BrokenProcessPool:
            future: Future = Future()
            future.set_exception(WorkerDied("the worker pool broke"))
            return future

    def restart(self) -> bool:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()
        return True

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def worker_died(exc: BaseException) -> bool:
    """Whether a task failed because its worker process died (rather than raising)."""
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(exc, WorkerDied | BrokenProcessPool):
        return True
    return type(exc).__name__ == "KilledWorker"  # distributed's, without importing it


@dataclass
class _Slot:
    """Tasks standing for a run of consecutive inputs, in order."""

    refs: list[str]
    future: Any


@dataclass
class EngineReport:
    ingest: IngestReport
    stages: dict[str, dict[str, int]]
    skipped: int = 0  # inputs already stored (batch resume)
    reextracted: int = 0

    def to_json(self) -> dict[str, Any]:
        return {**self.ingest.to_json(), "skipped": self.skipped, "stages": self.stages}


def read_stdin(refs: Iterable[str]) -> bytes | None:
    """Standard input, read once here (workers have none), up to the size limit plus one byte."""
    if "-" not in refs:
        return None
    return sys.stdin.buffer.read(IngestSettings().max_file_bytes + 1)


def run(
    store: Store,
    inputs: Iterable[str],
    executor: Executor | Callable[[int], Executor],
    *,
    progress: Progress | None = None,
    on_reject: Callable[[str, str], None] | None = None,
    on_error: OnError | None = None,
    segment: int = SEGMENT_ARTICLES,
    first_segment: int = FIRST_SEGMENT_ARTICLES,
    task_inputs: int = TASK_INPUTS,
    window: int | None = None,
    skip_stored: bool = False,
    stdin: bytes | None = None,
) -> EngineReport:
    """Ingest and process `inputs` with `executor`'s workers and one writer (this process).

    `executor` may be a factory called with the number of tasks (a pool is not worth
    starting for one task)."""
    mark("run.start")
    hook = progress or (lambda _label, _done, _total: None)
    refs, missing = expand_inputs(inputs)
    writer = Writer(store, hook, on_error, on_reject)
    for source, reason in missing:
        writer.report.rejected.append((source, reason))
        if on_reject:
            on_reject(source, reason)
    skipped = 0
    if skip_stored:
        done = _stored_inputs(store, refs)
        skipped = len(done)
        refs = [r for r in refs if r not in done]
    if stdin is None and "-" in refs:
        stdin = read_stdin(refs)
    tasks = [refs[i:i + task_inputs] for i in range(0, len(refs), task_inputs)]
    if callable(executor) and not hasattr(executor, "submit"):
        executor = executor(len(tasks))
    mark("executor.ready", tasks=len(tasks))
    window = window or default_window(getattr(executor, "workers", 1), segment, task_inputs)
    if not isinstance(executor, InlineExecutor):
        # the writer embeds itself only when its one local worker does not (`analyse_inputs`)
        writer.warm_meanwhile(encoder=isinstance(executor, ProcessExecutor) and executor.workers <= 1)
    total, done_inputs = len(refs), 0
    hook("ingest", 0, total)
    queue: deque[_Slot] = deque()
    buffer: list[InputWork] = []
    buffered = 0
    current = min(segment, first_segment)  # grows to `segment` (see FIRST_SEGMENT_ARTICLES)
    next_task = 0
    try:
        while next_task < len(tasks) or queue:
            while next_task < len(tasks) and len(queue) < window:
                refs_ = tasks[next_task]
                queue.append(_Slot(refs_, executor.submit(refs_, _stdin_for(refs_, stdin))))
                next_task += 1
            slot = queue.popleft()
            results = _collect(slot, executor, stdin, queue)
            mark("task.back", first=slot.refs[0])
            for work in results:
                buffer.append(work)
                buffered += len(work.articles)
                done_inputs += 1
                hook("ingest", done_inputs, total)
                if buffered >= current:
                    mark("segment.write", articles=buffered)
                    writer.write(buffer)
                    mark("segment.written", articles=buffered)
                    buffer, buffered = [], 0
                    current = min(segment, current * 2)
        if buffer:
            mark("segment.write", articles=buffered)
            writer.write(buffer)
            mark("segment.written", articles=buffered)
    finally:
        mark("executor.shutdown")
        executor.shutdown()
        mark("executor.down")
    writer.finish()
    mark("run.end")
    return EngineReport(writer.report, writer.stages, skipped, writer.reextracted)


def default_window(workers: int, segment: int, task_inputs: int) -> int:
    """Tasks kept in flight: a whole segment's worth plus two per worker.

    Why a segment: the writer holds this process while it writes a segment; the workers go on
    only with the tasks already submitted. With two per worker alone they ran dry within
    seconds and waited for the writer, so workers and writer took turns instead of working
    at once (400 articles, one worker: 83 s). Memory holds the window's results, analysed
    articles without their parses: a few megabytes per segment."""
    return max(2, -(-segment // task_inputs) + 2 * workers + 1)


def _stdin_for(refs: list[str], stdin: bytes | None) -> bytes | None:
    return stdin if "-" in refs else None


def _collect(slot: _Slot, executor: Executor, stdin: bytes | None, queue: deque[_Slot]) -> list[InputWork]:
    """The slot's results in input order. When its worker died, the task runs again alone (so
    a second death is its own), then input by input; an input that kills every worker it
    meets is rejected with a reason."""
    try:
        return list(slot.future.result())
    except BaseException as exc:
        if not worker_died(exc):
            raise
    lost = executor.restart()
    result = _run_alone(slot.refs, executor, stdin)
    if lost:  # a local pool loses every task in flight with it: send them again
        for other in queue:
            other.future = executor.submit(other.refs, _stdin_for(other.refs, stdin))
    return result


def _run_alone(refs: list[str], executor: Executor, stdin: bytes | None) -> list[InputWork]:
    try:
        return list(executor.submit(refs, _stdin_for(refs, stdin)).result())
    except BaseException as exc:
        if not worker_died(exc):
            raise
    executor.restart()
    if len(refs) > 1:
        return [work for ref in refs for work in _run_alone([ref], executor, stdin)]
    return [InputWork(refs[0], rejected=[(refs[0], "a worker died while reading this input")])]


def _stored_inputs(store: Store, refs: list[str]) -> set[str]:
    from suivi.store.articles import stored_sources

    with store.connect() as conn:
        return stored_sources(conn, refs)


def local_executor(workers: int | None) -> Callable[[int], Executor]:
    """`workers` local processes (None: $SUIVI_WORKERS, else one per core; 0: this process).
    A single task runs in this process: starting a pool would cost more than it saves."""

    def make(tasks: int) -> Executor:
        n = default_workers() if workers is None else workers
        if n <= 0 or tasks <= 1:
            return InlineExecutor()
        return ProcessExecutor(min(n, tasks))

    return make


def default_workers() -> int:
    """$SUIVI_WORKERS when set, else the number of cores this process may use."""
    env = os.environ.get("SUIVI_WORKERS", "").strip()
    if env.isdigit():
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
