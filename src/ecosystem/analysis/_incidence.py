"""The shortest-path search's incidence arrays (:func:`._path_search.path_sums` takes them), without numba.

Kept apart from the compiled search so that a process which takes the kernels from their ahead-of-time
build (:func:`._compiled.kernel`) never imports numba to prepare the search's arguments.
"""
from __future__ import annotations

import numpy as np

__all__ = ["EPSILON", "incidence_arrays", "sorted_incidence"]

# igraph's IGRAPH_SHORTEST_PATH_EPSILON: path lengths closer than this (relative) are equal.
EPSILON = 1e-10


def incidence_arrays(n: int, ends: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``path_sums``' incidence arrays of a simple undirected graph: each vertex's neighbours in increasing index.

    Raises ValueError for what the compiled search cannot take: an end outside ``0 .. n - 1``,
    a loop, a pair tied twice, a length that is not positive and finite.

    Parameters
    ----------
    n : int
        Number of vertices.
    ends : numpy.ndarray of int, shape (m, 2)
        The ties' end vertices (no loops, no pair twice).
    lengths : numpy.ndarray of float, shape (m,)
        The ties' lengths.
    """
    ends = np.asarray(ends, dtype=np.int64).reshape(-1, 2)
    lengths = np.asarray(lengths, dtype=np.float64)
    # What the compiled search assumes and does not check (it would write outside its arrays or loop).
    if len(ends) and (ends.min() < 0 or ends.max() >= n):
        raise ValueError(f"tie ends must be between 0 and {n - 1}")
    _check_ties(ends[:, 0] == ends[:, 1], lengths, len(ends))
    tail = np.concatenate([ends[:, 0], ends[:, 1]])
    head = np.concatenate([ends[:, 1], ends[:, 0]])
    order = np.lexsort((head, tail))
    if ((tail[order][1:] == tail[order][:-1]) & (head[order][1:] == head[order][:-1])).any():
        raise ValueError("the search needs a simple graph: a pair is tied twice")
    return _incidence(n, tail[order], head[order], np.concatenate([lengths, lengths])[order])


def _check_ties(loops: np.ndarray, lengths: np.ndarray, ties: int) -> None:
    if loops.any():
        raise ValueError("the search needs a graph without loops")
    if len(lengths) != ties or not (np.isfinite(lengths) & (lengths > 0)).all():
        raise ValueError("every tie needs one positive, finite length")


def sorted_incidence(n: int, tail: np.ndarray, head: np.ndarray,
                     lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`incidence_arrays` of ties given from either end already in its order: sorted by (tail, head),
    each tie twice, its length with each (``network.TieIndex.by_ends`` gives them for a subset of a
    region's ties, which are distinct pairs). Checks loops and lengths, as :func:`incidence_arrays` does."""
    _check_ties(tail == head, lengths, len(tail))
    return _incidence(n, tail, head, lengths)


def _incidence(n: int, tail: np.ndarray, head: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(tail, minlength=n), out=ptr[1:])
    return ptr, np.ascontiguousarray(head), np.ascontiguousarray(lengths)
