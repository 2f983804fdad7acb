"""The core/periphery optimisers' shortcuts against the plain computations they replace, bit for bit.

* The discrete model's local search runs compiled (``_discrete_search``); the plain way is
  the Python search in tests/reference_discrete_search.py.
* The continuous model tests for stopping once per block of steps; the plain way tests
  after every step (the reference iteration below).
"""
from __future__ import annotations

import math
import os
import re
import subprocess
import sys
from collections import Counter

import igraph as ig
import numba
import numpy as np
import pytest

from ecosystem.analysis.core_periphery import _edges as edges_module
from ecosystem.analysis.core_periphery import continuous, discrete
from reference_discrete_search import reference_degree_seeded_core, reference_local_searches


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


def _reference_runs(e, starts):
    """The continuous iteration with a stopping test after every step (the plain loop)."""
    matmul = e.matmul_operator()
    tiny = continuous._TINY
    c = np.array(starts, dtype=float)
    rows = np.arange(len(c))
    final = np.empty_like(c)
    converged = np.zeros(len(c), dtype=bool)
    for step in range(1, continuous._CONT_MAX_ITER + 1):
        c2 = c * c
        denom = c2.sum(axis=1, keepdims=True) - c2
        np.maximum(denom, tiny, out=denom)
        new = matmul(c)
        new /= denom
        new += c
        new *= 0.5
        change = np.abs(new - c).max(axis=1)
        c = new
        stop = change <= continuous._CONT_TOL * np.maximum(c.max(axis=1), tiny)
        converged[rows[stop]] = True
        if step % continuous._DOMINANCE_EVERY == 0:
            stop |= continuous._one_vertex_dominates(c)
        if stop.any():
            final[rows[stop]] = c[stop]
            c, rows = c[~stop], rows[~stop]
            if not len(rows):
                return final, converged
    final[rows] = c
    return final, converged


@pytest.mark.parametrize("graph", [ig.Graph.Star(15), ig.Graph.Ring(24), "random30", "random260", "star250"])
@pytest.mark.parametrize("block_values", [None, 3000])
def test_continuous_block_stopping_equals_stopping_after_every_step(graph, block_values, monkeypatch):
    if block_values is not None:        # blocks cut short by their memory bound (a few steps each)
        monkeypatch.setattr(continuous, "_BLOCK_VALUES", block_values)
    rng = np.random.default_rng(3)
    if graph == "random30":
        graph = ig.Graph.Erdos_Renyi(n=30, p=0.2)
    elif graph == "random260":              # above the dense-product size: the sparse product
        graph = ig.Graph.Erdos_Renyi(n=260, p=0.02)
    elif graph == "star250":
        graph = ig.Graph.Star(250)
    graph.es["weight"] = rng.integers(1, 4, graph.ecount()).astype(float).tolist()
    e = edges_module._edges(graph, "weight")
    strength = e.strength()
    starts = np.array([strength] + [rng.uniform(0, 1, e.n) * strength.max() * (strength > 0)
                                    for _ in range(4)]) / math.sqrt(strength.sum())
    got, got_converged = continuous._continuous_runs(e, starts)
    want, want_converged = _reference_runs(e, starts)
    assert got.tobytes() == want.tobytes()
    assert got_converged.tolist() == want_converged.tolist()


def test_compiled_search_keeps_every_rounding(monkeypatch):
    """No fused multiply-add or fast-math flag in the compiled search: either would round ``a * b + c``
    once instead of twice and move fits (and so ties between moves) by the last bit."""
    from ecosystem.analysis.core_periphery import _discrete_search

    # A fresh, uncached dispatcher: numba shows the machine code only of what it compiled in this process.
    fresh = numba.njit(_discrete_search.fit.py_func)
    monkeypatch.setattr(_discrete_search, "fit", fresh)
    e = edges_module._edges(ig.Graph.Famous("Zachary"), None)
    g = discrete._Graph(e)
    discrete._local_searches(g, np.array([e.strength() > 0]), seed_first=True)
    compiled = [fresh] + [getattr(_discrete_search, name) for name in
                          ("_move", "_move_lines", "_move_fits", "_sort_by_fit", "_greedy_pass",
                           "_kernighan_lin_pass", "_copy_into", "local_searches", "_pairwise_sum",
                           "_partition_stats", "_degree_seeded_core", "_adjacency", "_block_sum")]
    for dispatcher in compiled:
        assert dispatcher.signatures, dispatcher
        for llvm in dispatcher.inspect_llvm().values():
            assert not re.search(r"llvm\.fma|fmuladd|\b(fast|contract|reassoc|afn|arcp|nnan|ninf|nsz)\b", llvm)
        for asm in dispatcher.inspect_asm().values():
            assert not re.search(r"\bv?fn?m(add|sub)\d", asm)        # x86 FMA instructions


def test_compiled_search_works_without_a_writable_cache():
    """Where numba finds no cache directory it can write (it raises then), the search compiles per process."""
    from ecosystem.analysis.core_periphery import _discrete_search

    namespace = {}
    # Compiled from a string: no source file, so no cache locator applies, as with a read-only install.
    exec(compile("def add_one(x):\n    return x + 1\n", "<no file>", "exec"), namespace)
    with pytest.raises(RuntimeError, match="cannot cache"):
        numba.njit(cache=True)(namespace["add_one"])
    assert _discrete_search._jit(namespace["add_one"])(41) == 42


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
    env = {**os.environ, "NUMBA_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert any(tmp_path.rglob("*.nbc"))
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert second.stdout == first.stdout
    zachary = edges_module._edges(ig.Graph.Famous("Zachary"), None)
    assert float(first.stdout) == discrete._discrete(zachary, 0, 10).fit
