"""The core/periphery optimisers' shortcuts against the plain computations they replace, bit for bit.

* A Kernighan-Lin step reads its best move from heaps of the gains (``_Side``); the plain
  way scores every move (``all_move_fits``) and takes the first maximum.
* The continuous model tests for stopping once per block of steps; the plain way tests
  after every step (the reference iteration below).
"""
from __future__ import annotations

import math

import igraph as ig
import numpy as np
import pytest

from ecosystem.analysis.core_periphery import _edges as edges_module
from ecosystem.analysis.core_periphery import continuous, discrete


def _random_graph(rng, n, p, integer_weights):
    g = ig.Graph.Erdos_Renyi(n=n, p=p)
    g.es["weight"] = (rng.integers(1, 3, g.ecount()).astype(float) if integer_weights
                      else rng.random(g.ecount())).tolist()
    return edges_module._edges(g, "weight")


@pytest.mark.parametrize("n,p,integer_weights", [(12, 0.4, True), (40, 0.15, True), (40, 0.15, False),
                                                 (120, 0.05, True)])
def test_kernighan_lin_step_is_first_maximum_of_all_move_fits(n, p, integer_weights):
    rng = np.random.default_rng(n)
    steps = 0
    for trial in range(5):
        e = _random_graph(rng, n, p, integer_weights)
        g = discrete._Graph(e)
        if not g.movable.any():
            continue
        part = discrete._Partition(g, discrete._random_core(rng, g.movable))
        locked = bytearray(g.frozen.tobytes())
        gains = (g.d_strength + (1 - 2 * discrete.CP_IDEAL) * part.in_c_view).tolist()
        joins = discrete._Side(-1.0, np.flatnonzero(g.movable & ~part.core_view).tolist(), gains)
        leaves = discrete._Side(1.0, np.flatnonzero(g.movable & part.core_view).tolist(), gains)
        for _ in range(g.depth):
            fits = part.all_move_fits(np.frombuffer(locked, dtype=bool))
            expected = int(fits.argmax())
            a_join, b_join, a_leave, b_leave = part.move_lines()
            fit_join, v_join = joins.best(a_join, b_join, gains, locked)
            fit_leave, v_leave = leaves.best(a_leave, b_leave, gains, locked)
            if fits[expected] == -np.inf:
                assert fit_join == fit_leave == -math.inf
                break
            best = max(fit_join, fit_leave)
            chosen = min(v for f, v in ((fit_join, v_join), (fit_leave, v_leave)) if f == best)
            assert (chosen, best) == (expected, fits[expected])
            part.move(chosen)
            locked[chosen] = True
            steps += 1
            for u in g.nbr_list[g.ptr[chosen]:g.ptr[chosen + 1]]:
                if not locked[u]:
                    gains[u] = g.d_strength_list[u] + (1 - 2 * discrete.CP_IDEAL) * part.in_c[u]
                    side = leaves if part.core[u] else joins
                    key = side.sign * gains[u]
                    if key in side.buckets:
                        side.buckets[key].append(u)
                        side.buckets[key].sort()
                    else:
                        side.buckets[key] = [u]
                        side.keys.append(key)
                        side.keys.sort()
    assert steps > 0


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
