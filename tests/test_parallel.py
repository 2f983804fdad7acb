"""Parallel and sequential runs give identical files (issue 10: 'each sample seeded by its index').

Resamples, null networks and layers run in worker processes (ecosystem.parallel); each is a
pure function of its index, so the number of workers must not change a single byte.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import FIXTURES

FILES = ("summary.json", "actors.csv", "layers.csv", "map.html", "report.html", "network.graphml",
         "network.gexf")


def _run(region, out, workers: int) -> None:
    env = {**os.environ, "ECOSYSTEM_WORKERS": str(workers)}
    subprocess.run([sys.executable, "-m", "ecosystem", "analyse", str(region), "--out", str(out),
                    "--bootstrap", "12", "--null-samples", "9"], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.parametrize("workers", [2, 5])
def test_workers_do_not_change_any_file(tmp_path, workers):
    region = FIXTURES / "small"
    _run(region, tmp_path / "one", 1)
    _run(region, tmp_path / "many", workers)
    for name in FILES:
        one = (tmp_path / "one" / "small" / name).read_bytes()
        many = (tmp_path / "many" / "small" / name).read_bytes()
        assert one == many, name


def test_per_region_analyses_on_other_cores_do_not_change_any_file(tmp_path):
    """Brabant's four arbeidsmarktregios are analysed on forked processes beside the whole network
    (parallel.Background): with 1 worker they run one after the other in this process instead."""
    region = FIXTURES.parents[1] / "regions" / "brabant"
    _run(region, tmp_path / "one", 1)
    _run(region, tmp_path / "two", 2)
    for name in FILES + ("slides.pptx",):
        one = (tmp_path / "one" / "brabant" / name).read_bytes()
        two = (tmp_path / "two" / "brabant" / name).read_bytes()
        assert one == two, name
    assert b'"by_region"' in (tmp_path / "one" / "brabant" / "summary.json").read_bytes()


def test_pool_map_keeps_order_and_runs_in_workers():
    from ecosystem.parallel import pool_map

    pids = pool_map(lambda i: (i * i, os.getpid()), range(40), workers=2)
    assert [square for square, _ in pids] == [i * i for i in range(40)]
    assert os.getpid() not in {pid for _, pid in pids}          # the work left this process
    assert pool_map(lambda i: i + 1, range(3), workers=2) == [1, 2, 3]   # a few tasks run here


@pytest.mark.parametrize("progress", [True, False])
def test_progress_bar_on_a_terminal_only_and_not_under_quiet(tmp_path, monkeypatch, progress):
    """Issue 10: a progress bar on stderr for the long steps, only on a terminal and never under
    --quiet (progress=False); every other test runs with stderr not a terminal and sees none.

    stderr is a pseudo-terminal here, and the bar's two-second delay is set to 0 so the test does
    not depend on how fast this machine is.
    """
    import fcntl
    import pty
    import struct
    import termios

    import ecosystem.parallel as parallel
    from ecosystem.api import analyse

    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    terminal = os.fdopen(child_fd, "w", encoding="utf-8", buffering=1)
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(parallel, "PROGRESS_DELAY", 0.0)
    analyse(FIXTURES / "small", out=tmp_path / "out", bootstrap=8, null_samples=5, progress=progress)
    terminal.flush()
    os.set_blocking(main_fd, False)
    shown = b""
    try:
        while chunk := os.read(main_fd, 65536):
            shown += chunk
    except BlockingIOError:
        pass
    terminal.close()
    os.close(main_fd)
    assert ("hoe zeker (herhalingen)" in shown.decode("utf-8", "replace")) is progress


PARENT = """
import os, sys, time
from ecosystem.parallel import pool_map

def task(i):
    with open(sys.argv[1], "a") as fh:        # each worker records its pid, then works on
        fh.write(f"{os.getpid()}\\n")
    time.sleep(60)
    return i

pool_map(task, range(8), workers=2)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_workers_die_with_a_killed_parent(tmp_path):
    """A parent killed while pool_map runs leaves no worker behind (they used to compute on, orphaned)."""
    import signal
    import time

    pids_file = tmp_path / "pids"
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(pids_file)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pids = {int(p) for p in pids_file.read_text().split()} if pids_file.exists() else set()
        if len(pids) >= 2:
            break
        time.sleep(0.1)
    assert len(pids) >= 2, "the workers never started"
    parent.send_signal(signal.SIGKILL)
    parent.wait()

    def alive(pid: int) -> bool:
        try:    # a zombie awaiting its reaper has finished running: count it as gone
            with open(f"/proc/{pid}/stat") as fh:
                return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 10
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [p for p in pids if alive(p)]
    for pid in survivors:       # do not leave them running if the test fails
        os.kill(pid, signal.SIGKILL)
    assert not survivors


def _pid_of(item):
    import warnings
    if item == "fail":
        raise ValueError("task failed")
    if item == "warn":
        warnings.warn("said in a worker", UserWarning)
    return item, os.getpid()


def test_background_runs_beside_this_process_and_returns_in_order():
    """The per-region analyses start on forked processes and are collected later (parallel.Background):
    results in the order of the items, a task's warning raised again here, its exception re-raised."""
    import warnings

    from ecosystem.parallel import Background

    items = ["a", "b", "warn", "c", "d"]
    running = Background(_pid_of, items, workers=2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        done = running.results()
    assert [item for item, _ in done] == items
    assert os.getpid() not in {pid for _, pid in done} and len({pid for _, pid in done}) == 2
    assert [str(w.message) for w in caught] == ["said in a worker"]
    with pytest.raises(ValueError, match="task failed"):
        Background(_pid_of, ["a", "fail", "b"], workers=2).results()
    stopped = Background(_pid_of, items, workers=2)
    processes = [process for process, _ in stopped._running]
    stopped.cancel()
    assert not any(process.is_alive() for process in processes)
    # One worker: the items run here, when collected.
    assert {pid for _, pid in Background(_pid_of, items[:2], workers=1).results()} == {os.getpid()}


def _slow_pid_of(item):
    import time
    time.sleep(0.3)       # long enough that the second worker takes a task while the first sleeps
    return item, os.getpid()


def _with_pools():
    """Runs in beside's process: its own pool of two workers (so that process may fork), the pids seen."""
    import warnings

    from ecosystem.parallel import pool_map
    warnings.warn("said beside", UserWarning)
    return os.getpid(), pool_map(_slow_pid_of, list("abcd"), workers=2)


def _user_mistake():
    from ecosystem.errors import UserError
    raise UserError("analyse_no_relations", path="regio")


class _Unpicklable(Exception):
    def __init__(self, a, b):          # Exception's pickling passes one argument: unpickling fails
        super().__init__(a)


def test_beside_computes_on_another_process_with_pools_of_its_own_while_this_one_goes_on(tmp_path):
    """parallel.beside (analyse's analysis of a small region): ``fn`` runs on a forked process that may
    start its own workers, ``meanwhile`` here at the same time; the result, warnings and exceptions come
    back here; with one worker both run here, ``meanwhile`` first."""
    import time
    import warnings

    from ecosystem.parallel import beside

    started = tmp_path / "started"

    def slow():
        started.write_text("x")
        time.sleep(0.2)
        return os.getpid()

    def waits_for_fn():                      # only returns while fn runs elsewhere, at the same time
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert started.exists()
    assert beside(slow, waits_for_fn, workers=2) != os.getpid()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pid, done = beside(_with_pools, lambda: None, workers=2)
    assert pid != os.getpid() and [item for item, _ in done] == list("abcd")
    assert len({worker for _, worker in done} - {pid, os.getpid()}) == 2      # its own two workers
    assert [str(w.message) for w in caught] == ["said beside"]
    with pytest.raises(ValueError, match="task failed") as failed:
        beside(lambda: _pid_of("fail"), lambda: None, workers=2)
    assert "_pid_of" in str(failed.value.__cause__)             # the other process's traceback, as the cause
    # The command's own errors arrive whole (one translated line, exit code 2); others as a RuntimeError.
    from ecosystem.errors import UserError
    from ecosystem.locale import Locale
    with pytest.raises(UserError) as mistake:
        beside(_user_mistake, lambda: None, workers=2)
    expected = UserError("analyse_no_relations", path="regio")
    assert mistake.value.render(Locale("nl")) == expected.render(Locale("nl")) and mistake.value.key == expected.key
    from ecosystem.errors import DataError, Problem
    problems = [Problem("actors.csv", "bad_group", 3, "group", {"value": "x"}), Problem("relations.csv", "x", 5)]
    with pytest.raises(DataError) as data:
        beside(lambda: (_ for _ in ()).throw(DataError(problems)), lambda: None, workers=2)
    assert data.value.problems == problems                       # every problem, not the message's letters
    with pytest.raises(RuntimeError, match="_Unpicklable: x"):
        beside(lambda: (_ for _ in ()).throw(_Unpicklable("x", "y")), lambda: None, workers=2)
    order = []
    assert beside(lambda: order.append("fn") or os.getpid(), lambda: order.append("meanwhile"), workers=1) == os.getpid()
    assert order == ["meanwhile", "fn"]
    import multiprocessing
    with pytest.raises(RuntimeError, match="meanwhile failed"):
        beside(slow, lambda: (_ for _ in ()).throw(RuntimeError("meanwhile failed")), workers=2)
    assert not multiprocessing.active_children()                 # no process left computing for nobody


def test_tasks_start_at_once_and_return_each_group_in_order():
    """An analysis's samples go to one pool at once (parallel.Tasks) and each group is collected
    later, in any order: the results are those of a plain map, computed in the workers; with one
    worker a group is computed here when it is asked for."""
    from ecosystem.parallel import Tasks

    groups = {"first": (_pid_of, ["a", "b", "c"]), "second": (_pid_of, list("defghij")), "third": (_pid_of, ["k"])}
    with Tasks(groups, workers=2) as running:
        third, first, second = running.result("third"), running.result("first"), running.result("second")
    assert [item for item, _ in first + second + third] == list("abcdefghijk")
    assert os.getpid() not in {pid for _, pid in first + second + third}
    alone = Tasks(groups, workers=1)
    assert {pid for _, pid in alone.result("second")} == {os.getpid()}
    assert set(alone._done) == {"second"}            # the other groups were never computed
    with pytest.raises(ValueError, match="task failed"), Tasks({"one": (_pid_of, ["a", "b", "fail", "c", "d"])},
                                                                 workers=2) as failing:
        failing.result("one")


def _graph_step(folder, task, given):
    """A pool_graph task: 'wait' waits (up to a minute) for the file 'after' writes; the others record
    what they were given and where they ran."""
    import time

    if task == "wait":
        deadline = time.monotonic() + 60
        while not (folder / "after").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return (folder / "after").exists(), os.getpid()
    if task == "after":
        (folder / "after").write_text("done")
    return (task, sorted((need, value[0]) for need, value in given.items())), os.getpid()


def test_pool_graph_starts_a_task_as_soon_as_its_needs_are_done(tmp_path):
    """parallel.pool_graph (the write stage's scheduler): a task that needs another starts as soon as
    that one is done, not after every task handed out before it ('wait' only ends once 'after' has run,
    so rounds would leave it waiting its full minute and return False); each task gets its needs'
    results, computed in the workers; one worker gives the same results here; unknown needs and
    cycles are refused."""
    from functools import partial

    from ecosystem.parallel import pool_graph

    tasks = ["wait", "first", "after", "x", "y"]
    needs = {"after": ["first"], "y": ["x", "after"]}
    (tmp_path / "many").mkdir()
    many = pool_graph(partial(_graph_step, tmp_path / "many"), tasks, needs, workers=2)
    assert list(many) == tasks
    assert many["wait"][0] is True
    assert many["after"][0] == ("after", [("first", ("first", []))])
    assert many["y"][0] == ("y", [("after", ("after", [("first", ("first", []))])), ("x", ("x", []))])
    assert os.getpid() not in {pid for _, pid in many.values()}
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "after").write_text("done")       # here, one after the other: 'wait' must not wait
    one = pool_graph(partial(_graph_step, tmp_path / "one"), tasks, needs, workers=1)
    assert {task: value for task, (value, _) in one.items()} == {task: value for task, (value, _) in many.items()}
    assert {pid for _, pid in one.values()} == {os.getpid()}
    with pytest.raises(ValueError, match="not given"):
        pool_graph(partial(_graph_step, tmp_path), ["a"], {"a": ["b"]}, workers=1)
    with pytest.raises(ValueError, match="twice"):
        pool_graph(partial(_graph_step, tmp_path), ["a", "b", "a"], {}, workers=2)
    for workers in (1, 2):
        with pytest.raises(ValueError, match="cycle"):
            pool_graph(partial(_graph_step, tmp_path), ["a", "b", "c", "d", "e"], {"a": ["b"], "b": ["a"]},
                       workers=workers)


def _logged_step(folder, task, given):
    """A pool_graph task that notes when it starts (one line per task, in order); 'long' holds its worker
    until 'late' has started (up to a minute), so that the other tasks run one after the other."""
    import time

    with open(folder / "log", "a") as log:
        log.write(task + "\n")
    if task == "long":
        deadline = time.monotonic() + 60
        while "late" not in (folder / "log").read_text().split() and time.monotonic() < deadline:
            time.sleep(0.01)
    return task


def test_pool_graph_starts_a_dear_task_that_becomes_ready_late_before_cheap_ones(tmp_path):
    """Tasks go out one per free worker, dearest (first given) first: 'late', ready only once 'source'
    is done, starts before the cheap tasks that were ready from the start (queued all at once, it
    would follow them: the write stage's slides waited behind the small files)."""
    from functools import partial

    from ecosystem.parallel import pool_graph

    tasks = ["long", "source", "late", "c1", "c2", "c3"]
    done = pool_graph(partial(_logged_step, tmp_path), tasks, {"late": ["source"]}, workers=2)
    assert list(done) == tasks
    started = (tmp_path / "log").read_text().split()
    assert sorted(started[:2]) == ["long", "source"]
    assert started[2] == "late" and sorted(started[3:]) == ["c1", "c2", "c3"]


def test_network_extras_computed_beside_the_samples_equal_those_computed_after(monkeypatch):
    """api.analyse_loaded computes the key players and cut-off lists once, before any sample group is
    collected (analyse_region's ``beside``, while the workers compute them), and they are what
    key_players and cut_off_by_removal give on the whole tie network."""
    from ecosystem import api, meeting, parallel
    from ecosystem.analysis.cut_off import cut_off_by_removal
    from ecosystem.analysis.key_players import key_players
    from ecosystem.analysis.network import build_network

    events = []
    collect, extras = parallel.Tasks.result, meeting.network_extras
    monkeypatch.setattr(parallel.Tasks, "result", lambda self, name: events.append("collect") or collect(self, name))
    monkeypatch.setattr(meeting, "network_extras", lambda net: events.append("extras") or extras(net))
    loaded = api.load(FIXTURES / "small", regions_dir=FIXTURES)
    analysis = api.analyse_loaded(loaded, bootstrap=3, null_samples=3)
    assert events.count("extras") == 1 and "collect" in events
    assert events.index("extras") < events.index("collect")
    ties = build_network(loaded.region).ties
    assert analysis.extras.key_players == key_players(ties)
    assert analysis.extras.cut_off == cut_off_by_removal(ties)


def test_compiled_search_is_compiled_once_before_the_forks(tmp_path):
    """With an empty numba cache, each compiled kernel is compiled once, in the analysing process,
    before it forks (analysis._compiled.load_kernels): the region processes and pool workers inherit it instead of
    each compiling it again (numba says where it saves a compiled function under NUMBA_DEBUG_CACHE)."""
    cache = tmp_path / "numba-cache"
    cache.mkdir()
    env = {**os.environ, "ECOSYSTEM_WORKERS": "2", "NUMBA_CACHE_DIR": str(cache), "NUMBA_DEBUG_CACHE": "1",
           "ECOSYSTEM_KERNELS": "jit"}     # numba's kernels (the ahead-of-time build loads no cache: test_ahead.py)
    brabant = FIXTURES.parents[1] / "regions" / "brabant"
    done = subprocess.run([sys.executable, "-m", "ecosystem", "analyse", str(brabant), "--out", str(tmp_path / "out"),
                           "--bootstrap", "0", "--null-samples", "4", "--quiet"],
                          check=True, env=env, capture_output=True, text=True)
    saved = [line for line in (done.stdout + done.stderr).splitlines() if "data saved" in line]
    # Each compiled kernel (the Beta quantiles, the discrete search, the continuous iteration, the null model's
    # double edge swaps, the hop-distance pair counts, the path sums, the union-find of the pieces) saved once,
    # not once per process.
    kernels = sorted(re.search(r"/(_[a-z_]+)\.", line).group(1) for line in saved)
    assert kernels == ["_beta_quantile", "_continuous_search", "_degree_swaps", "_discrete_search",
                       "_hop_counts", "_path_search", "_pieces"], saved
    # Brabant's four regions were analysed (on forked processes, beside the null-network workers).
    summary = json.loads((tmp_path / "out" / "brabant" / "summary.json").read_text(encoding="utf-8"))
    assert len(summary["by_region"]) == 4
