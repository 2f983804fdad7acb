"""Run independent, index-seeded samples on every core, with results that do not depend on the core count.

Bootstrap resamples, null-model networks and per-layer measures are independent of
each other. Each task is a pure function of a shared payload (the region or the
graph, sent to each worker once) and its index; the index, not the order in which
workers pick tasks, determines its random stream (:func:`sample_seed`). Results come
back in index order, so 1, 2 or 16 workers give identical numbers and files.

Workers are forked processes (the payload is shared copy-on-write, no re-import);
where ``fork`` is not available, or for a handful of tasks, tasks run in this process.
The number of workers is the CPUs this process may use, or ``ECOSYSTEM_WORKERS``.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Sequence

import numpy as np

WORKERS_ENV = "ECOSYSTEM_WORKERS"

# The payload of the running pool, set once per worker process by _init (a process
# started for one map call and gone after it; never set in the parent).
_payload: Any = None


def available_workers() -> int:
    """Worker processes to use: ``ECOSYSTEM_WORKERS`` if set, else the CPUs this process may run on."""
    value = os.environ.get(WORKERS_ENV, "").strip()
    if value:
        try:
            return max(1, int(value))
        except ValueError:
            pass
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:          # not on Linux
        return max(1, os.cpu_count() or 1)


def sample_seed(seed: int, stream: int, index: int) -> int:
    """The seed of task ``index`` of random stream ``stream``: independent streams, same for every worker count.

    numpy's SeedSequence spawns statistically independent child seeds from the
    entropy ``(seed, stream, index)``.
    """
    return int(np.random.SeedSequence([seed, stream, index]).generate_state(1, np.uint64)[0] >> 1)


def _init(payload: Any) -> None:
    global _payload
    _payload = payload


def _call(task: tuple[Callable[[Any, int], Any], int]) -> Any:
    fn, index = task
    return fn(_payload, index)


def map_indexed(fn: Callable[[Any, int], Any], payload: Any, indices: Sequence[int],
                workers: int | None = None) -> list:
    """``[fn(payload, i) for i in indices]``, spread over worker processes.

    ``fn`` must be a module-level function (it is sent to the workers by name) and
    must draw every random number from a seed derived from its index.
    """
    indices = list(indices)
    workers = min(available_workers() if workers is None else workers, len(indices))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(payload, i) for i in indices]
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(indices) // (4 * workers))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init, initargs=(payload,)) as pool:
        return list(pool.map(_call, [(fn, i) for i in indices], chunksize=chunk))
