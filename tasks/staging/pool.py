"""The flow run's worker pool: spawned once, each worker warmed up with the spaCy model, shared
by every batch of the run, and stopped at the end (or at interpreter exit at the latest)."""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor

from newsflow.tasks.staging.worker import warm_up


_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def get_pool(workers: int, model: str) -> ProcessPoolExecutor:
    """The flow run's shared worker pool (spawned, not forked: the parent runs threads)."""
    global _pool
    with _pool_lock:
        if _pool is None or _pool._max_workers != workers:  # noqa: SLF001 - no public accessor
            shutdown_pool()
            ctx = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=warm_up, initargs=(model,))
        return _pool


def shutdown_pool(wait: bool = True, terminate: bool = False) -> None:
    """Stop the pool. ``wait=False`` lets the load start while the workers exit (freeing
    their models takes most of a second); they are joined at interpreter exit at the latest.
    ``terminate``: a run told to stop does not wait for the chunks in hand either."""
    global _pool
    if _pool is not None:
        processes = list((_pool._processes or {}).values())  # noqa: SLF001 - no public accessor
        _pool.shutdown(wait=wait, cancel_futures=True)
        if terminate:
            for process in processes:
                process.terminate()
        _pool = None


atexit.register(shutdown_pool)
