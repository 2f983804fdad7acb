"""The degree-preserving null model's rewiring (analysis.core_periphery._degree_swaps).

Checked against what a double edge swap chain must do: every vertex keeps its degree and the
graph stays simple (counted on random graphs), the same seed gives the same graph, and the
rewired graphs are drawn uniformly from all simple graphs with the observed degrees, which are
enumerated by brute force (the chain's stationary distribution; Taylor 1981).
"""
from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from ecosystem.analysis.core_periphery._rewiring import double_edge_swaps


def _random_simple_graph(rng: np.random.Generator, n: int, p: float) -> np.ndarray:
    pairs = [(a, b) for a in range(n) for b in range(a + 1, n) if rng.random() < p]
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def _pairs(ends: np.ndarray) -> list[tuple[int, int]]:
    return sorted(zip(ends.min(axis=1).tolist(), ends.max(axis=1).tolist()))


@pytest.mark.parametrize("case", range(30))
def test_rewiring_keeps_every_degree_and_a_simple_graph(case):
    rng = np.random.default_rng(case)
    n = int(rng.integers(4, 60))
    ends = _random_simple_graph(rng, n, float(rng.uniform(0.05, 0.6)))
    out = double_edge_swaps(n, ends, 10 * len(ends), np.random.default_rng(1000 + case))
    assert out.shape == ends.shape
    assert np.array_equal(np.bincount(out.ravel(), minlength=n), np.bincount(ends.ravel(), minlength=n))
    assert not np.any(out[:, 0] == out[:, 1])                       # no loops
    assert len(set(_pairs(out))) == len(out)                        # no pair twice
    again = double_edge_swaps(n, ends, 10 * len(ends), np.random.default_rng(1000 + case))
    assert np.array_equal(out, again)                               # the seed decides everything
    if len(ends) >= 4 and len(set(np.bincount(ends.ravel(), minlength=n))) > 1:
        assert _pairs(out) != _pairs(ends) or len(ends) > n * (n - 1) / 2 - 2   # it does rewire


def test_rewired_graphs_are_uniform_over_the_graphs_with_those_degrees():
    """3,000 rewirings of one graph (each 10 m trials from the same start, as the significance test does):
    the frequency of every simple graph with the same degrees against the uniform distribution, the set
    enumerated by brute force (chi-square); a graph with other degrees never appears."""
    n = 6
    start = np.array([(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0), (0, 3)], dtype=np.int64)
    degrees = np.bincount(start.ravel(), minlength=n)
    all_pairs = list(itertools.combinations(range(n), 2))
    same_degrees = set()
    for chosen in itertools.combinations(all_pairs, len(start)):
        if np.array_equal(np.bincount(np.array(chosen).ravel(), minlength=n), degrees):
            same_degrees.add(chosen)
    assert len(same_degrees) > 20
    draws = 3000
    counts = dict.fromkeys(same_degrees, 0)
    for k in range(draws):
        graph = tuple(_pairs(double_edge_swaps(n, start, 10 * len(start), np.random.default_rng(k))))
        counts[graph] += 1                                          # a KeyError: degrees not kept
    expected = draws / len(same_degrees)
    chi2 = sum((c - expected) ** 2 / expected for c in counts.values())
    dof = len(same_degrees) - 1
    # Upper tail of the chi-square distribution (Wilson-Hilferty): p > 0.001 for a uniform draw.
    z = ((chi2 / dof) ** (1 / 3) - (1 - 2 / (9 * dof))) / math.sqrt(2 / (9 * dof))
    assert z < 3.09, (chi2, dof)
    assert min(counts.values()) > 0


def test_refuses_what_is_not_a_simple_graph():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="loops"):
        double_edge_swaps(3, np.array([(0, 0), (1, 2)]), 5, rng)
    with pytest.raises(ValueError, match="twice"):
        double_edge_swaps(3, np.array([(0, 1), (1, 0)]), 5, rng)
    with pytest.raises(ValueError, match="between 0 and 2"):
        double_edge_swaps(3, np.array([(0, 3)]), 5, rng)
    with pytest.raises(ValueError, match="trials"):
        double_edge_swaps(3, np.array([(0, 1)]), -1, rng)
    one = np.array([(0, 1)])
    assert np.array_equal(double_edge_swaps(3, one, 10, rng), one)   # a single tie cannot swap
