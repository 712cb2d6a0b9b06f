"""The one worker pool of the project: map a pure function over items, in chunks.

Per-item work that needs no other item (the news-register check, stance
scoring, a dump's per-post steps) goes through :func:`parallel_map`::

    results = parallel_map(score_post, posts, settings, jobs=settings.jobs,
                           warm=build_analyser)

``func(context, item)`` runs on every item. ``context`` (settings, say) is
sent to each worker once, when it starts, and ``warm(context)`` runs there
once too, so analysers, lexicons and compiled patterns are built once per
worker and then reused from that worker's caches. Items travel in a few
contiguous chunks, results come back in item order, and an exception raised
in a worker is raised again here.

Small inputs, ``jobs=1`` and machines with one core stay in this process:
a small thread starts as fast as before, with no pool to start.

:func:`start_map` and :func:`start_call` start the same work and return at
once (a :class:`Pending`), so that stages that do not depend on each other
run side by side.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Generic, TypeVar

C = TypeVar("C")
T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 400
"""Fewer items than this are done in this process: starting workers would cost more."""

CHUNKS_PER_WORKER = 4
"""Chunks each worker gets, so that a worker with quick chunks takes another."""

_worker_func: Callable[[Any, Any], Any] | None = None
_worker_context: Any = None
_worker_items: Sequence[Any] = ()


def available_cores() -> int:
    """Return the number of cores this process may run on (at least 1)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


def worker_count(jobs: int | None, items: int, min_items: int | None = None) -> int:
    """Return how many worker processes ``items`` items get; 0 means none, in-process.

    Inside a daemonic process (another pool's worker), which may not start
    processes, the work stays in-process.

    Args:
        jobs: Processes asked for (``--jobs``); None or 0 means every available core.
        items: How many items there are.
        min_items: Fewer items than this stay in-process; :data:`MIN_ITEMS` if None.
    """
    wanted = jobs if jobs else available_cores()
    least = MIN_ITEMS if min_items is None else min_items
    if wanted <= 1 or items < max(least, 2) or multiprocessing.current_process().daemon:
        return 0  # a daemonic process (a pool's worker) may not start processes
    return min(wanted, items)


def chunks(items: Sequence[T], count: int) -> list[Sequence[T]]:
    """Cut ``items`` into ``count`` contiguous slices of near-equal length (none empty)."""
    return [items[start:end] for start, end in _bounds(len(items), count)]


def _bounds(length: int, count: int) -> list[tuple[int, int]]:
    count = max(1, min(count, length))
    size, extra = divmod(length, count)
    out, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        out.append((start, end))
        start = end
    return out


def _start_worker(func: Callable[[Any, Any], Any], context: Any,
                  warm: Callable[[Any], object] | None, items: Sequence[Any]) -> None:
    """Keep what every task of this worker shares; with fork nothing is pickled."""
    global _worker_func, _worker_context, _worker_items
    _worker_func, _worker_context, _worker_items = func, context, items
    if warm is not None:
        warm(context)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, leaving it as it was.

    Per-post work makes hundreds of thousands of short-lived containers
    (words, sentences, scores) and keeps long-lived ones (the thread, the
    memo caches); reference counting frees the former, so each collection
    only walks the latter again, about a fifth of the analysis's CPU on a
    large thread. What little cyclic garbage the block makes is collected
    once the collector runs again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _map(func: Callable[[C, T], R], context: C, items: Sequence[T]) -> list[R]:
    with collector_paused():
        return [func(context, item) for item in items]


def _run_slice(bounds: tuple[int, int]) -> list[Any]:
    func = _worker_func
    if func is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker started without its function")
    start, end = bounds
    return _map(func, _worker_context, _worker_items[start:end])


def _call(func: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    return func(*args)


def _pool_context() -> multiprocessing.context.BaseContext:
    """Fork on Linux (workers start in milliseconds, sharing what is loaded), else spawn.

    macOS has fork too, but its system libraries are not safe across it.
    """
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


class Pending(Generic[R]):
    """Work started elsewhere (worker processes) or put off (in-process).

    :meth:`result` waits for it; leaving a ``with`` block stops the workers,
    cancelling what has not started if the block raised.
    """

    def __init__(self, compute: Callable[[], R], pool: ProcessPoolExecutor | None = None,
                 on_close: Callable[[bool], None] | None = None) -> None:
        """``on_close(cancel)`` stops what ``compute`` waits on, if it is not ``pool``."""
        self._compute = compute
        self._pool = pool
        self._on_close = on_close
        self._done = False
        self._value: R | None = None

    def result(self) -> R:
        """Wait for the work and return its result (worked out once)."""
        if not self._done:
            try:
                self._value = self._compute()
            finally:
                self.close()
            self._done = True
        return self._value  # type: ignore[return-value]

    def close(self, cancel: bool = False) -> None:
        """Stop the workers (at once, dropping queued work, if ``cancel``)."""
        if self._pool is not None:
            self._pool.shutdown(wait=not cancel, cancel_futures=cancel)
            self._pool = None
        if self._on_close is not None:
            self._on_close(cancel)
            self._on_close = None

    def __enter__(self) -> Pending[R]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close(cancel=kind is not None)


def start_map(func: Callable[[C, T], R], items: Sequence[T], context: C,
              jobs: int | None = None, warm: Callable[[C], object] | None = None,
              min_items: int | None = None) -> Pending[list[R]]:
    """Start :func:`parallel_map` and return at once; ``result()`` gives its list.

    Workers score while this process does other work. In-process (small
    input, one job), the work is done when ``result()`` is first called.
    """
    workers = worker_count(jobs, len(items), min_items)
    if workers == 0:
        return Pending(lambda: _map(func, context, items))
    # Items reach the workers with the initializer (inherited, not pickled,
    # where processes fork); each task names only the slice to work on.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(),
                               initializer=_start_worker,
                               initargs=(func, context, warm, items))
    try:
        futures = [pool.submit(_run_slice, bounds)
                   for bounds in _bounds(len(items), workers * CHUNKS_PER_WORKER)]
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    return Pending(lambda: [r for future in futures for r in future.result()], pool)


def start_call(func: Callable[..., R], *args: Any, jobs: int | None = None,
               size: int = 0) -> Pending[R]:
    """Start ``func(*args)`` in one worker process and return at once.

    For a stage that is one call over the whole thread, so that it runs
    beside the per-post workers. It stays in this process (done when
    ``result()`` is first called) when :func:`worker_count` gives ``size``
    items no workers.
    """
    if worker_count(jobs, size) == 0:
        return Pending(lambda: _map(_call, func, [args])[0])
    pool = ProcessPoolExecutor(max_workers=1, mp_context=_pool_context(),
                               initializer=_start_worker, initargs=(_call, func, None, [args]))
    try:
        future = pool.submit(_run_slice, (0, 1))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    return Pending(lambda: future.result()[0], pool)


def parallel_map(func: Callable[[C, T], R], items: Sequence[T], context: C,
                 jobs: int | None = None, warm: Callable[[C], object] | None = None,
                 min_items: int | None = None) -> list[R]:
    """Return ``[func(context, item) for item in items]``, worked out on several cores.

    Args:
        func: A module-level function (workers must be able to import it),
            pure: its result depends only on ``context`` and the item.
        items: The items, each picklable.
        context: What every call shares (settings); sent once per worker.
        jobs: Worker processes; None or 0 means every available core, 1
            means none (everything in this process).
        warm: Run once in each worker before its first item, to build
            what ``func`` caches (an analyser, a lexicon).
        min_items: Fewer items than this are done in this process
            (:data:`MIN_ITEMS` if None).

    Returns:
        The results, in the order of ``items``.
    """
    with start_map(func, items, context, jobs, warm, min_items) as pending:
        return pending.result()
