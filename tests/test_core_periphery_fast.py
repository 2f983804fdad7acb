"""The core/periphery optimisers' shortcuts against the plain computations they replace, bit for bit.

* The discrete model's local search runs compiled (``_discrete_search``); the plain way is
  the Python search in tests/reference_discrete_search.py.
* The continuous model's fixed-point iteration runs compiled (``_continuous_search``) on the
  adjacency arrays, its sums in a fixed order; the plain way is the numpy iteration it
  replaced (tests/reference_continuous.py), with BLAS and numpy's own summation orders, so
  the two agree to rounding (1e-9 relative), not bit for bit.
"""
from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import igraph as ig
import numba
import numpy as np
import pytest

from ecosystem.analysis.core_periphery import _edges as edges_module
from ecosystem.analysis.core_periphery import continuous, discrete
from reference_continuous import reference_accelerated_runs, reference_runs
from reference_discrete_search import reference_degree_seeded_core, reference_local_searches

BRABANT = Path(__file__).resolve().parents[1] / "regions" / "brabant"


def _graphs():
    """Small graphs that take the search down each of its paths (see the branch check below)."""
    rng = np.random.default_rng(7)
    for n, p, integer_weights in [(8, 0.4, True), (12, 0.4, True), (12, 0.3, False), (40, 0.15, True),
                                  (40, 0.15, False), (120, 0.05, True)]:
        for _ in range(4):
            pairs = [(i, j) for i in range(n) for j in range(i + 1, n) if rng.random() < p]
            g = ig.Graph(n=n, edges=pairs)
            g.es["weight"] = (rng.integers(1, 3, len(pairs)).astype(float) if integer_weights
                              else rng.random(len(pairs))).tolist()
            yield edges_module._edges(g, "weight")
    # Isolated vertices and hubs of more than 24 ties; unweighted, so that many moves fit equally well.
    for hubs in (1, 3):
        g = ig.Graph(n=75, edges=[(i, j) for i in range(70) for j in range(i + 1, 70) if rng.random() < 0.03])
        for hub in range(hubs):
            g.add_edges([(hub, v) for v in rng.choice(np.arange(hubs, 70), 30, replace=False).tolist()])
        g.es["weight"] = 1.0
        yield edges_module._edges(g, "weight")


def test_compiled_search_equals_reference_search(monkeypatch):
    """The compiled local search against the plain-Python one (tests/reference_discrete_search.py), bit for bit.

    Same starts as the fit draws, ten restarts per graph sharing the failed-pass partitions.
    """
    branches = Counter()
    for e in _graphs():
        g = discrete._Graph(e)
        if not g.movable.any():
            continue
        rng = np.random.default_rng(e.n)
        starts = np.array([reference_degree_seeded_core(e, g.movable)]
                          + [discrete._random_core(rng, g.movable) for _ in range(9)])
        got, got_stats, got_fits = discrete._local_searches(g, starts)
        want, want_stats = reference_local_searches(g, starts, branches)
        assert got.tolist() == want.tolist()
        assert got_stats.tobytes() == want_stats.tobytes()     # the running sums too, bit for bit
        # Each final partition's fit from scratch: numpy's sums and discrete._fit_scalar, bit for bit.
        rescored = [discrete._fit_scalar(g.tot, *discrete._partition_stats(e, core)) for core in want]
        assert got_fits.tobytes() == np.array(rescored).tobytes()
        # The degree-seeded start the fit puts first (compiled) is the numpy sweep's: with no search
        # passes allowed, the final partitions are the starts.
        with monkeypatch.context() as m:
            m.setattr(discrete, "_MAX_PASSES", 0)
            seeded, _, _ = discrete._local_searches(g, ~starts, seed_first=True)
        assert seeded.tolist() == starts[:1].tolist() + (~starts[1:]).tolist()
    # Every path of the search was taken at least once, or the comparison proves less than it claims.
    assert set(branches) == {"move", "high-degree move", "greedy move rejected on re-check",
                             "greedy candidates with equal fits", "Kernighan-Lin step among equal fits",
                             "Kernighan-Lin restore and replay", "Kernighan-Lin undo",
                             "Kernighan-Lin pass improved", "stopped at a known failed partition"}, branches


def _random_graph(rng: np.random.Generator, n: int, p: float | None = None, m: int | None = None) -> ig.Graph:
    """G(n, p), or G(n, m) with ``m``, drawn from ``rng`` (igraph's own generators draw from Python's
    unseeded global ``random``, so a test on them would see another graph on every run)."""
    i, j = np.triu_indices(n, 1)
    keep = rng.random(len(i)) < p if m is None else np.sort(rng.choice(len(i), size=m, replace=False))
    return ig.Graph(n=n, edges=list(zip(i[keep].tolist(), j[keep].tolist())))


def _continuous_graphs():
    """Graphs that take the iteration down each of its stops, with the starts the fit draws (all seeded)."""
    rng = np.random.default_rng(3)
    graphs = {
        "star15": ig.Graph.Star(15),                  # one-vertex dominance
        "ring24": ig.Graph.Ring(24),                  # unweighted: no dominant core, random starts run 2000 steps
        "random30": _random_graph(rng, 30, 0.2),
        "random260": _random_graph(rng, 260, 0.02),   # above the old dense-product size
        "star250": ig.Graph.Star(250),
        "two_components": ig.Graph.Full(6) + ig.Graph.Full(6),
        "isolates": ig.Graph(n=12, edges=[(0, 1), (1, 2), (2, 0), (2, 3)]),
    }
    for name, graph in graphs.items():
        graph.es["weight"] = (1.0 if name == "ring24" else rng.integers(1, 4, graph.ecount()).astype(float).tolist())
        e = edges_module._edges(graph, "weight")
        strength = e.strength()
        starts = np.array([strength] + [rng.uniform(0, 1, e.n) * strength.max() * (strength > 0)
                                        for _ in range(4)]) / math.sqrt(strength.sum())
        yield name, e, starts
        if name == "ring24":
            yield SHORT_RING, e, starts


# The ring's random starts with the step limit at 30: the step-limit stop (with 2,000 steps they converge).
SHORT_RING = "ring24, 30 steps"


@pytest.fixture
def step_limit(monkeypatch):
    """Set the iteration's step limit for a graph of _continuous_graphs (30 for SHORT_RING, else as it is)."""
    def set_for(name):
        if name == SHORT_RING:
            monkeypatch.setattr(continuous, "_CONT_MAX_ITER", 30)
    return set_for


@pytest.mark.parametrize("name, e, starts", list(_continuous_graphs()), ids=lambda x: x if isinstance(x, str) else "")
def test_compiled_continuous_iteration_agrees_with_the_numpy_iteration(name, e, starts, step_limit):
    """Same stops (converged or not) for every run, and the same values to rounding, as the accelerated
    iteration written with numpy (tests/reference_continuous.py)."""
    step_limit(name)
    got, got_converged = continuous._continuous_runs(e, starts)
    want, want_converged = reference_accelerated_runs(e, starts)
    assert got_converged.tolist() == want_converged.tolist()
    # Relative to each run's largest value: that is the scale the coreness is reported on. The two sum in other
    # orders, and an extrapolation multiplies the rounding of its differences by up to its step length squared,
    # so the runs take slightly different paths and stop at slightly different points near the same one.
    scale = want.max(axis=1, keepdims=True)
    assert np.abs(got - want).max() <= 1e-7 * scale.max(), np.abs(got - want).max() / scale.max()
    assert (got >= 0).all()
    # Deterministic: a second call, and the runs one at a time, give the same bits.
    again, _ = continuous._continuous_runs(e, starts)
    assert again.tobytes() == got.tobytes()
    alone = np.vstack([continuous._continuous_runs(e, row[None, :])[0] for row in starts])
    assert alone.tobytes() == got.tobytes()


def test_continuous_graphs_take_every_way_to_stop(monkeypatch):
    """The graphs above take the iteration down each of its stops: converged, the one-vertex check
    (stars), the step limit (the ring's random starts at 30 steps, no dominant core)."""
    stops = set()
    for name, e, starts in _continuous_graphs():
        with monkeypatch.context() as patch:
            if name == SHORT_RING:
                patch.setattr(continuous, "_CONT_MAX_ITER", 30)
            got, converged = continuous._continuous_runs(e, starts)
        dominated = continuous._one_vertex_dominates(got)
        stops |= {"converged" if c else "one vertex" if d else "step limit"
                  for c, d in zip(converged.tolist(), dominated.tolist())}
        if name in ("star15", "star250"):
            assert not converged.any() and dominated.all()
    assert stops == {"converged", "one vertex", "step limit"}


@pytest.mark.parametrize("name, e, starts", list(_continuous_graphs()), ids=lambda x: x if isinstance(x, str) else "")
def test_accelerated_iteration_reaches_the_plain_iterations_ends(name, e, starts, step_limit):
    """The accelerated iteration against the plain damped one (tests/reference_continuous.py's reference_runs,
    the numpy iteration the package used before): every run the plain one brings to convergence converges,
    to the same point within the stopping tolerance; every run the plain one stops on one vertex stops on that
    vertex; and every other run (the step limit) ends with a loss no higher than the plain run's from the same
    start (beyond rounding). (A run stopped on one vertex has a loss that creeps down as long as it runs: the
    accelerated run stops there sooner, by design.)"""
    step_limit(name)
    got, got_converged = continuous._continuous_runs(e, starts)
    plain, plain_converged = reference_runs(e, starts)
    scale = plain.max(axis=1)
    for k in range(len(starts)):
        if plain_converged[k]:
            assert got_converged[k]
            assert np.abs(got[k] - plain[k]).max() <= 1e-7 * scale[k]
        elif continuous._one_vertex_dominates(plain[k]):
            assert continuous._one_vertex_dominates(got[k]) and np.argmax(got[k]) == np.argmax(plain[k])
            continue
        assert continuous._continuous_loss(e, got[k]) <= continuous._continuous_loss(e, plain[k]) + 1e-9 * (e.w**2).sum()


def _brabant_networks():
    """Brabant's network, each of its relation-type layers and random weighted graphs (the fits an analysis makes)."""
    from ecosystem import api
    from ecosystem.analysis.network import build_network

    ties = build_network(api.load(BRABANT, regions_dir=BRABANT.parent).region).ties
    yield ties
    for kind in sorted({t for types in ties.es["types"] for t in types}):     # the layers' networks, near enough
        yield ties.subgraph_edges([e.index for e in ties.es if kind in e["types"]], delete_vertices=False)
    rng = np.random.default_rng(11)
    for n in (60, 250, 600):
        g = _random_graph(rng, n, m=4 * n)
        g.es["weight"] = rng.random(g.ecount()).tolist()
        yield g


def test_continuous_fit_agrees_with_the_fit_on_the_numpy_iteration(monkeypatch):
    """The whole fit (restarts, choice among runs, rescaling, zeroing) on the compiled and on the numpy
    iteration: the same coreness to 1e-9 of its maximum (1), the same fit, the same warnings."""
    import warnings

    for g in _brabant_networks():
        with warnings.catch_warnings(record=True) as got_warnings:
            warnings.simplefilter("always")
            got = continuous.continuous_core_periphery(g, "weight", seed=2)
        with monkeypatch.context() as patch, warnings.catch_warnings(record=True) as want_warnings:
            warnings.simplefilter("always")
            patch.setattr(continuous, "_continuous_runs", reference_accelerated_runs)
            want = continuous.continuous_core_periphery(g, "weight", seed=2)
        assert np.abs(got.coreness - want.coreness).max() <= 1e-9
        assert (got.coreness == 0).tolist() == (want.coreness == 0).tolist()
        assert got.fit == pytest.approx(want.fit, rel=1e-9, abs=1e-12)
        assert [str(w.message) for w in got_warnings] == [str(w.message) for w in want_warnings]


def _assert_every_rounding_kept(dispatcher) -> None:
    """No fused multiply-add or fast-math flag in a compiled function's LLVM IR and machine code."""
    assert dispatcher.signatures, dispatcher
    for llvm in dispatcher.inspect_llvm().values():
        assert not re.search(r"llvm\.fma|fmuladd|\b(fast|contract|reassoc|afn|arcp|nnan|ninf|nsz)\b", llvm)
    for asm in dispatcher.inspect_asm().values():
        assert not re.search(r"\bv?fn?m(add|sub)\d", asm)        # x86 FMA instructions


def test_every_kernel_is_compiled_without_fast_math():
    """The project's decorator (analysis._compiled.cached_njit) never asks for fast-math: the machine-code checks
    below compile fresh copies of the kernels, so this checks the flags of the real ones."""
    from ecosystem.analysis import _beta_quantile, _hop_counts, _path_search
    from ecosystem.analysis.core_periphery import _continuous_search, _degree_swaps, _discrete_search, _pieces

    for kernel in (_continuous_search.continuous_runs, _discrete_search.fit, _path_search.path_sums,
                   _degree_swaps.swap_ties, _beta_quantile.beta_quantiles, _hop_counts.ordered_pairs_per_hop,
                   _pieces.lowest_reachable):
        assert not kernel.targetoptions.get("fastmath"), kernel


def test_path_search_keeps_every_rounding():
    """No fused multiply-add or fast-math flag in the compiled shortest-path search: its sums are igraph's bits."""
    from ecosystem.analysis import _path_search

    _assert_every_rounding_kept(numba.njit(_path_search._SIGNATURE)(_path_search.path_sums.py_func))


def test_compiled_continuous_iteration_keeps_every_rounding():
    """No fused multiply-add or fast-math flag in the compiled iteration (the order of its sums is its contract)."""
    from ecosystem.analysis.core_periphery import _continuous_search

    _assert_every_rounding_kept(numba.njit(_continuous_search._SIGNATURE)(_continuous_search.continuous_runs.py_func))


def test_adjacency_arrays_list_each_tie_from_both_ends_neighbours_above_then_below():
    """Each tie once from either end, with its strength; per vertex the neighbours above it, then those
    below it, each in increasing order (the edge list's two directions, stably sorted by first vertex)."""
    g = _random_graph(np.random.default_rng(5), 40, 0.2)
    g.es["weight"] = np.random.default_rng(1).random(g.ecount()).tolist()
    e = edges_module._edges(g, "weight")
    ptr, nbr, w = e.adjacency
    for v in range(e.n):
        got = list(zip(nbr[ptr[v]:ptr[v + 1]].tolist(), w[ptr[v]:ptr[v + 1]].tolist()))
        ties = sorted((u, g.es[g.get_eid(v, u)]["weight"]) for u in g.neighbors(v))
        assert got == [t for t in ties if t[0] > v] + [t for t in ties if t[0] < v]


def test_compiled_search_keeps_every_rounding(monkeypatch):
    """No fused multiply-add or fast-math flag in the compiled search: either would round ``a * b + c``
    once instead of twice and move fits (and so ties between moves) by the last bit."""
    from ecosystem.analysis.core_periphery import _discrete_search

    # A fresh, uncached dispatcher: numba shows the machine code only of what it compiled in this process
    # (numba's kernels, not the ahead-of-time build: tests/test_ahead.py checks that one's machine code).
    fresh = numba.njit(_discrete_search.fit.py_func)
    monkeypatch.setenv("ECOSYSTEM_KERNELS", "jit")
    monkeypatch.setattr(_discrete_search, "fit", fresh)
    e = edges_module._edges(ig.Graph.Famous("Zachary"), None)
    g = discrete._Graph(e)
    discrete._local_searches(g, np.array([e.strength() > 0]), seed_first=True)
    compiled = [fresh] + [getattr(_discrete_search, name) for name in
                          ("_move", "_move_lines", "_move_fits", "_sort_by_fit", "_greedy_pass",
                           "_kernighan_lin_pass", "_copy_into", "local_searches", "_pairwise_sum",
                           "_partition_stats", "_degree_seeded_core", "_block_sum")]
    for dispatcher in compiled:
        _assert_every_rounding_kept(dispatcher)


def test_compiled_kernels_work_without_a_writable_cache():
    """Where numba finds no cache directory it can write (it raises then), a kernel compiles per process,
    with its signature given up front (the continuous iteration) or on the first call (the discrete search)."""
    from ecosystem.analysis._compiled import cached_njit

    namespace = {}
    # Compiled from a string: no source file, so no cache locator applies, as with a read-only install.
    exec(compile("def add_one(x):\n    return x + 1\n", "<no file>", "exec"), namespace)
    with pytest.raises(RuntimeError, match="cannot cache"):
        numba.njit(cache=True)(namespace["add_one"])
    assert cached_njit()(namespace["add_one"])(41) == 42
    typed = cached_njit(numba.types.int64(numba.types.int64))(namespace["add_one"])
    assert typed.signatures and typed(41) == 42


# An analysing process in a fresh interpreter: the kernels loaded as ``analyse`` loads them, then the Brabant
# example analysed in this process (one worker) and its summary.json printed. ``{before}`` runs first.
_LOAD_AND_ANALYSE = """
import json, sys
sys.path.insert(0, {root!r})
{before}
from ecosystem.analysis._compiled import load_kernels
load_kernels()
registries = sorted(m for m in ('numba.np.linalg', 'numba.typed.typedlist', 'numba.np.random.generator_core')
                    if m in sys.modules)
from ecosystem.api import analyse_loaded, load, render
analysis = analyse_loaded(load({brabant!r}), bootstrap=10, null_samples=5)
print(json.dumps(registries))
print(json.dumps(render(analysis, only=["summary"]).summary, sort_keys=True))
"""


def _load_and_analyse(before: str = "") -> tuple[list, str]:
    root = Path(__file__).resolve().parents[1]
    script = _LOAD_AND_ANALYSE.format(root=str(root / "src"), before=before,
                                      brabant=str(root / "regions" / "brabant"))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "ECOSYSTEM_WORKERS": "1", "ECOSYSTEM_KERNELS": "jit"}, cwd=root)
    assert done.returncode == 0, done.stderr
    registries, summary = done.stdout.strip().splitlines()[-2:]
    return json.loads(registries), summary


def test_kernels_load_from_the_cache_without_the_compilers_registries():
    """Where numba's cache holds every kernel, load_kernels loads them without importing what only compiling
    needs (analysis._compiled._lean_cache_loads, 0.1-0.15 CPU s per run, issue 10), and the kernels so loaded
    give the same analysis, to the bit, as kernels loaded numba's own way (its registries loaded first).
    A load that fails the lean way is loaded numba's way: the same analysis again."""
    _load_and_analyse()                     # compiles into the cache whatever is missing from it
    registries, lean = _load_and_analyse()
    assert registries == []
    full_registries, full = _load_and_analyse(
        "from numba.core.registry import cpu_target\ncpu_target.target_context.refresh()")
    assert full_registries == ["numba.np.linalg", "numba.np.random.generator_core", "numba.typed.typedlist"]
    assert lean == full
    failing = ("from numba.core.caching import Cache\n"
               "load = Cache._load_overload\n"
               "failed = []\n"
               "def first_fails(self, sig, target_context):\n"
               "    if not failed:\n"
               "        failed.append(sig)\n"
               "        raise RuntimeError('a symbol the lean load lacks')\n"
               "    return load(self, sig, target_context)\n"
               "Cache._load_overload = first_fails")
    fallback_registries, fallback = _load_and_analyse(failing)
    assert fallback_registries == full_registries       # numba's own load: with its refresh
    assert fallback == full


def test_pairwise_sum_is_numpys_sum():
    """The compiled from-scratch fit sums tie strengths in numpy's pairwise order: the same bits as ``ndarray.sum``."""
    from ecosystem.analysis.core_periphery._discrete_search import _pairwise_sum

    rng = np.random.default_rng(11)
    for n in [0, 1, 7, 8, 9, 127, 128, 129, 255, 256, 257, 1000, 4099, 70_001] + rng.integers(0, 5000, 40).tolist():
        x = rng.random(n) * 10.0 ** rng.uniform(-3, 6, n)       # magnitudes apart, so the order shows
        assert _pairwise_sum(x, n) == float(x.sum()), n
        assert _pairwise_sum(x, n // 3) == float(x[: n // 3].sum()), n


def test_search_loaded_from_the_cache_in_a_new_process(tmp_path):
    """The compiled fit runs when loaded from numba's on-disk cache (a first process compiles and saves it, a
    second loads it): a function that calls a recursive one compiles and runs, but crashes once loaded."""
    script = ("import igraph as ig\n"
              "from ecosystem.analysis.core_periphery import discrete_core_periphery\n"
              "print(repr(discrete_core_periphery(ig.Graph.Famous('Zachary'), None).fit))\n")
    env = {**os.environ, "NUMBA_CACHE_DIR": str(tmp_path), "ECOSYSTEM_KERNELS": "jit"}   # numba's own kernels
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert any(tmp_path.rglob("*.nbc"))
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert second.stdout == first.stdout
    zachary = edges_module._edges(ig.Graph.Famous("Zachary"), None)
    assert float(first.stdout) == discrete._discrete(zachary, 0, 10).fit
