"""The compiled shortest-path sums (analysis._path_search) against igraph, scipy and networkx.

Betweenness must be igraph's to the last bit (the same search, heap and tie rule); harmonic
closeness igraph's up to the order of its additions where two paths are equally long up to
rounding; the sums of 1 / distance into each actor scipy's Dijkstra's. networkx is the
independent oracle for the definitions (tests/test_centrality_oracle.py drives the CLI).
"""
from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pytest
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from ecosystem.analysis._incidence import EPSILON, incidence_arrays
from ecosystem.analysis._path_search import path_sums


def _graph(rng, n: int, p: float, lengths: str) -> ig.Graph:
    """G(n, p) drawn from ``rng`` (not igraph's own generator, so each case is the same graph every run)."""
    pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
    g = ig.Graph(n=n, edges=[pair for pair, keep in zip(pairs, rng.random(len(pairs)) < p) if keep])
    m = g.ecount()
    if lengths == "inverse strengths":      # 1, 1/2, 1/3: many paths equally long up to rounding
        g.es["distance"] = (1.0 / rng.integers(1, 4, size=m)).tolist()
    elif lengths == "unit":                 # every path of a length ties: the heap's order matters most
        g.es["distance"] = [1.0] * m
    else:
        g.es["distance"] = rng.uniform(0.1, 2.0, size=m).tolist()
    return g


def _sums(g: ig.Graph, sources) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    ends = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    arrays = incidence_arrays(g.vcount(), ends, np.array(g.es["distance"], dtype=float))
    return path_sums(*arrays, np.asarray(sources, dtype=np.int64), EPSILON)


CASES = [(seed, lengths) for seed in range(40) for lengths in ("inverse strengths", "unit", "uniform")]


@pytest.mark.parametrize("seed,lengths", CASES)
def test_dependencies_are_igraphs_betweenness_to_the_last_bit(seed, lengths):
    rng = np.random.default_rng(seed)
    g = _graph(rng, int(rng.integers(3, 90)), float(rng.uniform(0.02, 0.3)), lengths)
    n = g.vcount()
    every = np.arange(n)
    some = np.sort(rng.choice(n, size=max(1, n // 3), replace=False))
    assert np.array_equal(_sums(g, every)[0] * 0.5,
                          np.array(g.betweenness(weights="distance", directed=False)))
    assert np.array_equal(_sums(g, some)[0] * 0.5,
                          np.array(g.betweenness(weights="distance", directed=False, sources=some.tolist())))


@pytest.mark.parametrize("seed,lengths", CASES)
def test_harmonic_sums_are_igraphs_up_to_the_order_of_additions(seed, lengths):
    rng = np.random.default_rng(seed)
    g = _graph(rng, int(rng.integers(3, 90)), float(rng.uniform(0.02, 0.3)), lengths)
    n = g.vcount()
    mine = _sums(g, np.arange(n))[1] * (1.0 / (n - 1))
    theirs = np.array(g.harmonic_centrality(weights="distance", normalized=True))
    if lengths == "inverse strengths":
        assert np.max(np.abs(mine - theirs), initial=0.0) <= 8 * np.finfo(float).eps * max(1.0, theirs.max(initial=0))
    else:                                   # no two paths equally long up to rounding: the same additions
        assert np.array_equal(mine, theirs)


@pytest.mark.parametrize("seed", range(10))
def test_sums_into_each_actor_are_scipys_inverse_distances(seed):
    rng = np.random.default_rng(seed)
    g = _graph(rng, 60, 0.08, "uniform")
    n = g.vcount()
    sources = np.sort(rng.choice(n, size=20, replace=False))
    ends = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    matrix = sparse.csr_matrix((np.array(g.es["distance"]), (ends[:, 0], ends[:, 1])), shape=(n, n))
    with np.errstate(divide="ignore"):
        inverse = 1.0 / dijkstra(matrix, directed=False, indices=sources)
    inverse[np.arange(len(sources)), sources] = 0.0
    np.testing.assert_allclose(_sums(g, sources)[2], inverse.sum(axis=0), rtol=1e-13, atol=0)


def test_against_networkx_on_a_disconnected_graph_with_isolated_actors():
    """networkx compares path lengths exactly, igraph within a relative 1e-10: lengths in general position."""
    rng = np.random.default_rng(7)
    g = _graph(rng, 40, 0.05, "uniform")
    g.add_vertices(3)                       # isolated: reached by nobody, between nobody
    n = g.vcount()
    dependency, harmonic, _ = _sums(g, np.arange(n))
    h = nx.Graph()
    h.add_nodes_from(range(n))
    h.add_weighted_edges_from(((e.source, e.target, e["distance"]) for e in g.es), weight="distance")
    between = nx.betweenness_centrality(h, weight="distance", normalized=False)
    close = nx.harmonic_centrality(h, distance="distance")
    np.testing.assert_allclose(dependency * 0.5, [between[v] for v in range(n)], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(harmonic, [close[v] for v in range(n)], rtol=1e-12)
    assert dependency[-3:].tolist() == [0.0, 0.0, 0.0] and harmonic[-3:].tolist() == [0.0, 0.0, 0.0]


def test_incidence_lists_each_actors_neighbours_in_increasing_order():
    ptr, nbr, w = incidence_arrays(4, np.array([[2, 0], [0, 1], [3, 1]]), np.array([0.5, 1.0, 2.0]))
    assert ptr.tolist() == [0, 2, 4, 5, 6]
    assert nbr.tolist() == [1, 2, 0, 3, 0, 1]
    assert w.tolist() == [1.0, 0.5, 1.0, 2.0, 0.5, 2.0]


def test_closeness_takes_igraphs_distances_where_paths_are_equal_within_the_tolerance():
    """A path longer by less than the 1e-10 tolerance counts as equally short for betweenness; closeness
    takes the strictly shortest distance, as igraph's harmonic search does, also for actors beyond it."""
    g = ig.Graph(n=5, edges=[(0, 1), (1, 3), (0, 2), (2, 3), (3, 4)])
    g.es["distance"] = [1.0, 1.0, 1.0, 1.0 + 5e-11, 1.0]
    n = g.vcount()
    dependency, harmonic, _ = _sums(g, np.arange(n))
    assert np.array_equal(dependency * 0.5, np.array(g.betweenness(weights="distance", directed=False)))
    assert np.array_equal(harmonic, np.array(g.harmonic_centrality(weights="distance", normalized=False)))


def test_what_the_search_cannot_take_is_refused():
    ends, lengths = np.array([[0, 1], [1, 2]]), np.array([1.0, 1.0])
    for bad_ends, bad_lengths in [(np.array([[0, 1], [1, 1]]), lengths),          # a loop
                                  (np.array([[0, 1], [1, 0]]), lengths),          # a pair tied twice
                                  (np.array([[0, 1], [1, 3]]), lengths),          # an end outside 0 .. n - 1
                                  (ends, np.array([1.0, 0.0])),                   # a length that is not positive
                                  (ends, np.array([1.0, np.inf]))]:               # nor finite
        with pytest.raises(ValueError):
            incidence_arrays(3, bad_ends, bad_lengths)
    from ecosystem.analysis.centrality import _chunk_task

    with pytest.raises(ValueError):
        _chunk_task(incidence_arrays(3, ends, lengths), [0, 3])
