"""Run independent, index-seeded tasks on every core, with results that do not depend on the core count.

Bootstrap resamples, null-model networks and per-layer measures are independent
of each other. Each is a pure function of its index (its random stream is
seeded by the index, never by the order in which workers pick tasks up), and
results come back in index order, so 1, 2 or 16 workers give identical numbers
and files (tests/test_parallel.py).

Workers are forked processes: the function, with the region or graph it closes
over, is inherited by each worker once instead of being pickled per task. Where
``fork`` is not available, for a single worker or for a handful of tasks, the
tasks run in this process. The number of workers is the CPUs this process may
use, or the environment variable ``ECOSYSTEM_WORKERS``.

A worker dies with the process that started it: on Linux each worker asks the
kernel for SIGKILL when its parent dies (``prctl(PR_SET_PDEATHSIG)``), so a run
killed mid-analysis (Ctrl-C twice, a killed job) leaves no orphaned workers
computing on. Elsewhere this is a no-op.

:class:`Tasks` queues every independent sample of one analysis (layers, resamples, null
networks) on one pool at the start of the analysis and hands each group back when it is
asked for, so the analysing process computes its own steps meanwhile instead of waiting
for one pool after another.

:class:`Background` starts whole analyses (one arbeidsmarktregio's each) on forked
processes at once and collects them later, so that they run beside other work of this
process (the whole network's analysis with its own pools) and keep every core busy.

:func:`beside` computes one stage on a forked process (with pools of its own) while this
process prepares the next, so that neither waits for the other's start-up.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
import warnings
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import contextmanager
from functools import partial
from typing import Any

WORKERS_ENV = "ECOSYSTEM_WORKERS"
# Fewer tasks than this run in this process: forking costs more than they take.
MIN_TASKS = 4
# Seconds before a progress bar appears: steps shorter than this never flicker a bar.
PROGRESS_DELAY = 2.0

# The task function of the running pool, set once in each worker process by _init (a
# process forked for one pool_map call and gone after it; never set in the parent).
_task: Callable[[Any], Any] | None = None
# True in a process started by Background: its tasks run their own pool_map calls in it
# (a daemonic process may not fork workers of its own, and the cores are busy already).
_in_background = False


def available_workers() -> int:
    """Worker processes to use: ``ECOSYSTEM_WORKERS`` if set (>= 1), else the CPUs this process may use."""
    if _in_background:
        return 1
    value = os.environ.get(WORKERS_ENV, "").strip()
    if value.isdigit() and int(value) >= 1:
        return int(value)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:          # not Linux
        return max(1, os.cpu_count() or 1)


PR_SET_PDEATHSIG = 1    # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """Make this process receive SIGKILL when its parent dies (Linux); a no-op elsewhere.

    ``parent`` is the pid of the process that forked this one: if it died before the
    request reached the kernel, this process has been re-parented already and exits now
    (the request only covers a death after it is made).
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):     # no prctl in this libc: nothing more to do
        return
    if os.getppid() != parent:
        os._exit(1)


@contextmanager
def frozen_heap():
    """Within: the objects alive at entry are out of the garbage collector's reach (``gc.freeze``).

    Two uses. A stage that allocates much (matplotlib's imports, figures) beside a large,
    long-lived analysis: without this every full collection scans that analysis again (about a
    quarter of the render stage's time at Brabant size). And every fork of this module: a
    worker inherits the heap, and a collection in the worker that scans it writes to every
    object's header, so the kernel copies every page of it into the worker (Python's advice for
    ``gc.freeze`` before ``fork``). At exit the objects are handed back (``gc.unfreeze``), unless
    something had frozen objects before: then they stay frozen with those. After
    :func:`freeze_for_good` (the ``ecosystem`` command) they stay frozen, and so does what was made
    within (modules imported, say). A process forked within keeps them frozen: its collections scan
    only what it makes itself.
    """
    if _for_good:
        gc.freeze()
        try:
            yield
        finally:
            gc.freeze()
        return
    before = gc.get_freeze_count()      # walks the frozen objects: few, unless the caller froze many
    gc.freeze()
    try:
        yield
    finally:
        if not before:
            gc.unfreeze()


@contextmanager
def collections_paused():
    """Within: no automatic garbage collection (``gc.disable``); as before afterwards.

    For a block that imports modules: what an import makes (modules, classes, functions) lives as long
    as the process, with few cycles to free, but its sheer number triggers full collections that scan
    it all (20-90 ms in the render stage's imports, where matplotlib builds its artists' signatures).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# True after freeze_for_good, in this process and the ones it forks.
_for_good = False


def freeze_for_good() -> None:
    """Freeze every object alive now, and from now on keep frozen what :func:`frozen_heap` freezes.

    For a one-shot process (:func:`ecosystem.cli.run`): the modules, the loaded region and the
    analysis live until it ends anyway, and a full collection that scans them again costs the
    analysing process up to 0.1 s (``python bench/bench_samples.py`` lists them). The price: a reference cycle among
    frozen objects that becomes garbage is not freed before the process ends (reference counting
    still frees everything else); the stages make few (igraph graphs and tables leave none).
    """
    global _for_good
    _for_good = True
    gc.freeze()


def _init(fn: Callable[[Any], Any], parent: int) -> None:
    global _task
    die_with_parent(parent)
    _task = fn


def _run(item: Any) -> Any:
    return _task(item)


def _pool_size(workers: int | None, tasks: int, min_tasks: int = MIN_TASKS) -> int:
    """Worker processes for ``tasks`` independent tasks, 0 when they run in this process instead.

    In this process: one worker asked for (or available), fewer than ``min_tasks`` tasks (a fork
    costs more), or no ``fork`` start method (workers inherit their function through it).
    """
    workers = min(available_workers() if workers is None else max(1, workers), tasks)
    if workers <= 1 or tasks < min_tasks or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return workers


def _fork_pool(fn: Callable[[Any], Any], workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` forked processes that run ``fn`` (:func:`_run`) and die with this one."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_init,
                               initargs=(fn, os.getpid()))


def pool_map(fn: Callable[[Any], Any], items: Iterable, workers: int | None = None,
             label: str | None = None) -> list:
    """``[fn(item) for item in items]``, spread over worker processes, in the order of ``items``.

    ``fn`` may be any callable (a closure or a ``functools.partial``): workers inherit it
    through ``fork``. It must draw every random number from a seed derived from its item.
    With a ``label``, a progress bar on stderr counts the finished tasks (:func:`progress_bar`).
    """
    items = list(items)
    workers = _pool_size(workers, len(items))
    with progress_bar(label, len(items)) as bar:
        if not workers:
            return [bar.step(fn(item)) for item in items]
        chunk = max(1, len(items) // (4 * workers))
        with _fork_pool(fn, workers) as pool:
            with frozen_heap():       # the workers are forked when the tasks are handed out
                results = pool.map(_run, items, chunksize=chunk)
            return [bar.step(result) for result in results]


def pool_graph(fn: Callable[[Any, dict], Any], tasks: Iterable, needs: dict | None = None,
               workers: int | None = None) -> dict:
    """``{task: fn(task, {need: its result})}`` for each of ``tasks``, each started once the tasks it needs are done.

    ``needs`` maps a task to the tasks whose results it gets (none for a task not in it). Every
    task starts as soon as its needs are done, on forked workers; several ready at once start in
    the order of ``tasks`` (pass the dearest first), so no core waits for a round of tasks to end
    while one task is left that another could follow. Tasks are handed out one per free worker, not
    queued all at once: a dear task that becomes ready late (the slides, after every picture) then
    starts before the cheap ones that were ready earlier, which fill in beside it. ``fn`` must be a
    pure function of its task and its needs' results (as for :func:`pool_map`), so the results do
    not depend on the number of workers or on which finished first. With one worker, few tasks or no ``fork``, the tasks run
    in this process, in the order of ``tasks`` with each after its needs.

    A task that raises stops the run: the exception is raised here, once the tasks already
    running have ended (their results and warnings are dropped).

    Raises ValueError when a task is given twice, needs one that is not among ``tasks``, or the
    needs form a cycle.
    """
    tasks, needs = list(tasks), needs or {}
    known = set(tasks)
    if len(known) < len(tasks):
        raise ValueError("a task is given twice")
    missing = {need for task in tasks for need in needs.get(task, ()) if need not in known}
    if missing:
        raise ValueError(f"tasks needed but not given: {sorted(map(str, missing))}")
    results: dict = {}

    def ready() -> list:
        return [t for t in tasks if t not in results and t not in started and
                all(need in results for need in needs.get(t, ()))]

    def given(task) -> dict:
        return {need: results[need] for need in needs.get(task, ())}

    started: set = set()
    workers = _pool_size(workers, len(tasks))
    if not workers:
        while len(results) < len(tasks):
            now = ready()
            if not now:
                raise ValueError("the tasks' needs form a cycle")
            for task in now:
                results[task] = fn(task, given(task))
        return {task: results[task] for task in tasks}
    with _fork_pool(partial(_graph_task, fn), workers) as pool:
        running: dict = {}

        def start() -> None:
            for task in ready()[:max(workers - len(running), 0)]:
                started.add(task)
                running[pool.submit(_run, (task, given(task)))] = task
        with frozen_heap():       # the workers are forked when the first tasks are handed out
            start()
        if not running:
            raise ValueError("the tasks' needs form a cycle")
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                results[running.pop(future)] = future.result()
            start()
        if len(results) < len(tasks):
            raise ValueError("the tasks' needs form a cycle")
    return {task: results[task] for task in tasks}


def _graph_task(fn: Callable[[Any, dict], Any], item: tuple[Any, dict]) -> Any:
    task, given = item
    return fn(task, given)


class Tasks:
    """Groups of independent tasks started now on one pool of forked workers, each group collected later.

    ``groups`` maps a name to ``(fn, items)``; every ``fn`` must be a pure function of its
    item, as for :func:`pool_map`. All tasks are queued at once, group after group in the
    given order (pass the dearest first: the cheap ones then fill the cores at the end),
    and this process goes on with other work while the workers compute; :meth:`result`
    returns one group's results in item order, waiting for them. Results do not depend on
    the number of workers. With one worker, few tasks or no ``fork``, a group is computed in
    this process when it is asked for. ``labels`` (group name -> label) show a progress bar
    per group while it is collected (:func:`progress_bar`).
    """

    def __init__(self, groups: dict[str, tuple[Callable[[Any], Any], Iterable]], workers: int | None = None,
                 labels: dict[str, str | None] | None = None):
        self._groups = {name: (fn, list(items)) for name, (fn, items) in groups.items()}
        self._labels = labels or {}
        self._done: dict[str, list] = {}
        self._pool, self._results = None, None
        tasks = [(name, item) for name, (_, items) in self._groups.items() for item in items]
        workers = _pool_size(workers, len(tasks))
        if not workers:
            return
        fns = {name: fn for name, (fn, _) in self._groups.items()}
        # Small chunks: the tasks differ in cost, and the last ones should spread over every core.
        chunk = max(1, len(tasks) // (16 * workers))
        self._pool = _fork_pool(partial(_dispatch, fns), workers)
        try:
            with frozen_heap():       # the workers are forked when the tasks are handed out
                self._results = self._pool.map(_run, tasks, chunksize=chunk)
        except BaseException:         # a fork that fails (no memory left): no workers left behind
            self.close()
            raise

    @property
    def computing(self) -> bool:
        """True while worker processes compute tasks not collected yet (False: they run here when asked for)."""
        return self._pool is not None

    def result(self, name: str) -> list:
        """The results of group ``name``, in the order of its items."""
        if name not in self._done:
            if self._results is None:
                fn, items = self._groups[name]
                with progress_bar(self._labels.get(name), len(items)) as bar:
                    self._done[name] = [bar.step(fn(item)) for item in items]
            else:
                for earlier in self._groups:         # results arrive in queue order
                    if earlier not in self._done:
                        with progress_bar(self._labels.get(earlier), len(self._groups[earlier][1])) as bar:
                            self._done[earlier] = [bar.step(next(self._results))
                                                   for _ in self._groups[earlier][1]]
                    if earlier == name:
                        break
                if len(self._done) == len(self._groups):
                    self.close()
        return self._done[name]

    def close(self) -> None:
        """Stop the workers (after the last result, or when the caller will not collect the rest)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "Tasks":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _dispatch(fns: dict[str, Callable[[Any], Any]], task: tuple[str, Any]) -> Any:
    name, item = task
    return fns[name](item)


def _background_run(fn: Callable[[Any], Any], tasks: list[tuple[int, Any]], conn, parent: int,
                    own_pools: bool = False) -> None:
    """Run ``fn`` on each (index, item) of ``tasks`` in this forked process; send the results back at once.

    Sends ``(results, warnings, error, trace)``: the warnings raised on the way, to be raised again
    in the parent (where the caller records them), the exception that stopped the tasks, if any, and
    its traceback as text (shown in the parent as the exception's cause, as concurrent.futures does).
    An exception that would not arrive whole (one that cannot be pickled and unpickled) is sent as a
    RuntimeError naming it. Without ``own_pools`` the tasks' :func:`pool_map` calls run in this process.
    """
    global _in_background
    die_with_parent(parent)
    _in_background = not own_pools
    results, error, trace = [], None, None
    with warnings.catch_warnings(record=True) as caught:
        try:
            results = [(index, fn(item)) for index, item in tasks]
        except BaseException as exc:     # noqa: BLE001 - re-raised in the parent
            error, trace = _arriving(exc), traceback.format_exc()
    caught = [(str(w.message), w.category, w.filename, w.lineno) for w in caught]
    try:
        conn.send((results, caught, error, trace))
    except Exception as exc:             # noqa: BLE001 - e.g. a result that cannot be pickled
        conn.send(([], caught, RuntimeError(f"{type(exc).__name__}: {exc}; first: {error!r}"), trace))
    conn.close()


def _arriving(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling both ways, else a RuntimeError that names it."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:                    # noqa: BLE001 - any failure to travel
        return RuntimeError(f"{type(exc).__name__}: {exc}")


class _RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker process, as its cause here."""

    def __init__(self, trace: str):
        super().__init__(trace)

    def __str__(self) -> str:
        return f"\n\"\"\"\n{self.args[0]}\"\"\""


class Background:
    """``[fn(item) for item in items]`` started now on forked processes, collected later with :meth:`results`.

    Each of ``min(workers, len(items))`` processes takes every k-th item (pass the dearest
    first to spread them evenly) and runs its items one after the other, its own
    :func:`pool_map` calls included. Meanwhile this process goes on with other work, its
    pools beside these processes: the operating system shares the cores among them all, so
    none sits idle while one step waits for another. ``fn`` must be a pure function of its
    item (as for :func:`pool_map`), so the results do not depend on the number of workers.
    With one worker, one item or no ``fork``, the items run in :meth:`results`, in this process.
    """

    def __init__(self, fn: Callable[[Any], Any], items: Iterable, workers: int | None = None):
        self._fn, self._items = fn, list(items)
        workers = _pool_size(workers, len(self._items), min_tasks=1)   # whole analyses: worth a fork each
        self._running: list = []
        if not workers:
            return
        context = multiprocessing.get_context("fork")
        with frozen_heap():
            self._start(context, fn, workers)

    def _start(self, context, fn: Callable[[Any], Any], workers: int) -> None:
        for first in range(workers):
            receive, send = context.Pipe(duplex=False)
            tasks = [(i, self._items[i]) for i in range(first, len(self._items), workers)]
            process = context.Process(target=_background_run, args=(fn, tasks, send, os.getpid()), daemon=True)
            process.start()
            send.close()
            self._running.append((process, receive))

    def cancel(self) -> None:
        """Stop the processes still running (the caller failed and will not collect their results)."""
        for process, receive in self._running:
            process.terminate()
            process.join()
            receive.close()
        self._running = []

    def results(self) -> list:
        """The results in the order of the items (waits for the processes); re-raises a task's exception."""
        if not self._running:
            return [self._fn(item) for item in self._items]
        out: list = [None] * len(self._items)
        error = None
        for process, receive in self._running:
            results, failed = _collect(process, receive)
            for index, result in results:
                out[index] = result
            error = error or failed
        self._running = []
        if error is not None:
            raise error
        return out


def _collect(process, receive) -> tuple[list, BaseException | None]:
    """What a process running :func:`_background_run` sent: its results and the exception that stopped it.

    Waits for the process; raises its warnings again here.
    """
    try:
        results, caught, failed, trace = receive.recv()
    except EOFError:                 # the process died without a word (killed)
        process.join()
        results, caught, failed, trace = [], [], RuntimeError(
            f"process {process.pid} ended without its results (exit code {process.exitcode})"), None
    receive.close()
    process.join()
    for message, category, filename, lineno in caught:
        warnings.warn_explicit(message, category, filename, lineno)
    if failed is not None and trace:
        failed.__cause__ = _RemoteTraceback(trace)
    return results, failed


def beside(fn: Callable[[], Any], meanwhile: Callable[[], Any], workers: int | None = None) -> Any:
    """``fn()`` computed on a forked process while this process runs ``meanwhile()``; ``fn``'s result.

    For a stage that another process can compute while this one prepares the next (``ecosystem
    analyse`` of a small region: the analysis there, the render stage's imports here, each on a
    core of its own from the start). The forked process may start pools of its own (it is not
    daemonic) and dies with this one; its warnings are raised again here and its exception is
    re-raised. ``fn`` must be a pure function (its result comes back pickled, so equal to the one
    computed here). With fewer than two workers or no ``fork``: ``meanwhile()``, then ``fn()`` here.
    """
    if not _pool_size(workers, 2, min_tasks=1):
        meanwhile()
        return fn()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_background_run, args=(_call, [(0, fn)], send, os.getpid(), True),
                              daemon=False)
    try:
        with frozen_heap():
            process.start()
        send.close()
        meanwhile()
        results, failed = _collect(process, receive)
    except BaseException:            # meanwhile failed, or Ctrl-C: nobody will collect the result
        if process.pid is not None:
            process.terminate()
            process.join()
        send.close()
        receive.close()
        raise
    if failed is not None:
        raise failed
    return results[0][1]


def _call(fn: Callable[[], Any]) -> Any:
    return fn()


class _Bar:
    """Counts finished tasks on a tqdm bar (or nothing, without one)."""

    def __init__(self, bar=None):
        self._bar = bar

    def step(self, result: Any) -> Any:
        if self._bar is not None:
            self._bar.update(1)
        return result


@contextmanager
def progress_bar(label: str | None, total: int):
    """A progress bar on stderr for ``total`` tasks, shown only on a terminal and with a label.

    Silent when stderr is not a terminal (a log file, a test, a pipe) or without a label
    (``--quiet``); it appears only after two seconds, so quick steps never flicker.
    """
    if not label or not sys.stderr.isatty():
        yield _Bar()
        return
    from tqdm import tqdm     # only when a bar is shown

    with tqdm(total=total, desc=label, file=sys.stderr, delay=PROGRESS_DELAY, leave=False, unit="") as bar:
        yield _Bar(bar)
