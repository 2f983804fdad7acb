"""The null model's degree-preserving rewiring (:mod:`._degree_swaps` describes the method and compiles
its trials), with its arguments checked and its random numbers drawn here, without numba.

Kept apart from the compiled trials so that a process which takes the kernels from their ahead-of-time
build (:func:`.._compiled.kernel`) never imports numba to rewire.
"""
from __future__ import annotations

import numpy as np

from .._compiled import kernel

__all__ = ["double_edge_swaps"]


def double_edge_swaps(n: int, ends: np.ndarray, trials: int, rng: np.random.Generator) -> np.ndarray:
    """The simple graph with ties ``ends`` after ``trials`` double edge swap trials.

    Parameters
    ----------
    n : int
        Number of vertices (0 .. n - 1).
    ends : numpy.ndarray of int, shape (m, 2)
        The ties of a simple undirected graph: no loops, no pair twice.
    trials : int
        Swap trials (the significance test uses ``10 * m``, as it did with igraph).
    rng : numpy.random.Generator
        Draws every trial's two ties (``integers``) and turn (``random``), in that order.

    Returns
    -------
    numpy.ndarray of int, shape (m, 2)
        The rewired ties, tie ``i`` in the place of the tie it replaced. Every vertex keeps
        its degree; the graph stays simple.

    Raises
    ------
    ValueError
        For a loop, a pair given twice, an end outside 0 .. n - 1 or a negative ``trials``.
    """
    ends = np.asarray(ends, dtype=np.int64).reshape(-1, 2)
    if trials < 0:
        raise ValueError(f"trials must be >= 0, got {trials}")
    if len(ends) and (ends.min() < 0 or ends.max() >= n):
        raise ValueError(f"tie ends must lie between 0 and {n - 1}")
    if np.any(ends[:, 0] == ends[:, 1]):
        raise ValueError("double edge swaps need a graph without loops")
    low, high = ends.min(axis=1), ends.max(axis=1)
    if len(np.unique(low * n + high)) < len(ends):
        raise ValueError("double edge swaps need a simple graph: a pair of vertices is tied twice")
    m = len(ends)
    u, v = ends[:, 0].copy(), ends[:, 1].copy()
    if m < 2 or trials == 0:
        return np.column_stack([u, v])
    # Each tie twice in the neighbour lists: once under each end, in the order of the ties.
    both = np.concatenate([u, v])
    order = np.argsort(both, kind="stable")
    nbr = np.concatenate([v, u])[order]
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(both, minlength=n), out=ptr[1:])
    slot = np.empty(2 * m, dtype=np.int64)
    slot[order] = np.arange(2 * m, dtype=np.int64)
    su, sv = slot[:m].copy(), slot[m:].copy()
    picks = rng.integers(0, m, size=2 * trials, dtype=np.int64)
    turns = rng.random(trials) < 0.5
    kernel("swap_ties")(u, v, su, sv, ptr, nbr, picks, turns)
    return np.column_stack([u, v])
