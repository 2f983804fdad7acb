"""The edge list both core/periphery models work on: the simple weighted pair list behind ``a``.

Shared conventions (see the package docstring): parallel edges merged, self-loops
dropped, weights finite and non-negative, directed graphs rejected.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import igraph as ig
import numpy as np

# Relative tolerance below which the variance of the cells a fit correlates over counts as 0.
_VARIANCE_TOL = 1e-12


# ---------------------------------------------------------------------------
# Edge-list preparation
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Edges:
    """The simple undirected weighted graph behind ``a``: one row per pair i < j with a_ij > 0."""

    n: int
    src: np.ndarray  # int64, src < dst
    dst: np.ndarray
    w: np.ndarray  # float64, > 0

    def strength(self, power: int = 1) -> np.ndarray:
        """Per-vertex sum of ``a_ij ** power`` over neighbours j."""
        x = self.w**power
        return np.bincount(self.src, x, self.n) + np.bincount(self.dst, x, self.n)

    @cached_property
    def adjacency(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Adjacency arrays ``(ptr, nbr, w)``: vertex v's neighbours are ``nbr[ptr[v]:ptr[v + 1]]``.

        Their tie strengths are ``w[ptr[v]:ptr[v + 1]]``; each pair appears once from either end (2m entries).
        Both compiled searches sum over a vertex's neighbours in this order, which is fixed by the pairs
        alone: the edge list's two directions (``src -> dst`` for every pair, then ``dst -> src``),
        stably sorted by their first vertex. Pairs are sorted by (src, dst) with src < dst, so a vertex's
        neighbours above it come first, then those below it, each in increasing order.
        """
        heads = np.concatenate([self.src, self.dst])
        order = np.argsort(heads, kind="stable")
        return _adjacency(self.n, heads[order], np.concatenate([self.dst, self.src])[order],
                          np.concatenate([self.w, self.w])[order])


def _adjacency(n: int, heads: np.ndarray, nbr: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:attr:`_Edges.adjacency` of the ties' ends already in its order: each end (``heads``), its
    neighbour and the tie strength (``network.TieIndex.by_first`` gives them for a subset of a region's ties)."""
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(heads, minlength=n), out=ptr[1:])
    return ptr, nbr, w


def _kept(pairs: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Which pairs are edges of the models: not a loop, and a positive strength."""
    return (pairs[:, 0] != pairs[:, 1]) & (w > 0)


def _pair_edges(n: int, pairs: np.ndarray, w: np.ndarray, adjacency=None) -> _Edges:
    """The edge list of distinct sorted pairs (``network.tie_pairs``: lower index first, each pair
    once, in increasing order) with finite, non-negative strengths ``w``: what :func:`_edges` makes
    of a graph with exactly these edges, without building the graph (loops and zero ties dropped).

    ``adjacency``, when given, is what :attr:`_Edges.adjacency` would compute (from :func:`_adjacency`);
    it is kept as that cached property's value."""
    keep = _kept(pairs, w)
    e = _Edges(n, pairs[keep, 0], pairs[keep, 1], w[keep])
    if adjacency is not None:
        e.__dict__["adjacency"] = adjacency     # where functools.cached_property keeps its value
    return e


def _check_graph(graph: ig.Graph) -> None:
    if not isinstance(graph, ig.Graph):
        raise TypeError(f"expected an igraph.Graph, got {type(graph).__name__}")
    if graph.is_directed():
        raise ValueError(
            "core/periphery models here are defined for undirected graphs; "
            "convert with graph.as_undirected(mode='collapse') first"
        )


def _edges(graph: ig.Graph, weights: str | None) -> _Edges:
    """Validate ``graph`` and reduce it to the simple weighted pair list that defines ``a``."""
    _check_graph(graph)
    n = graph.vcount()
    el = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    if weights is None:
        w = np.ones(len(el))
    elif len(el) == 0:
        w = np.zeros(0)
    else:
        if weights not in graph.es.attributes():
            raise ValueError(f"edge attribute {weights!r} not found (use weights=None for unweighted)")
        w = np.asarray(graph.es[weights], dtype=float)
        if not np.all(np.isfinite(w)):
            raise ValueError(f"edge attribute {weights!r} contains NaN or infinite values")
        if np.any(w < 0):
            raise ValueError(
                f"edge attribute {weights!r} contains negative weights; tie strengths must be >= 0"
            )
    lo, hi = np.minimum(el[:, 0], el[:, 1]), np.maximum(el[:, 0], el[:, 1])
    keep = lo != hi  # the diagonal is not modelled
    lo, hi, w = lo[keep], hi[keep], w[keep]
    # Merge parallel edges: a_ij is the summed strength of the pair.
    pair, inverse = np.unique(lo * max(n, 1) + hi, return_inverse=True)
    w = np.bincount(inverse, w, len(pair))
    src, dst = pair // max(n, 1), pair % max(n, 1)
    # Zero-weight edges are the same as no edge; dropping them keeps
    # "isolated" meaning "no positive tie".
    pos = w > 0
    return _Edges(n, src[pos], dst[pos], w[pos])
