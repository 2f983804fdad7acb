"""Compiled shortest-path sums: Brandes' betweenness dependencies and harmonic sums in one search per source.

Why compiled: betweenness and harmonic closeness both start a Dijkstra search from
every source actor. igraph runs one search per source for each measure, so the whole
network's exact path measures cost two all-pairs passes, and every bootstrap resample
pays igraph's per-search allocations. Here one search per source yields both: the
dependencies of Brandes' accumulation and the sums of 1 / distance, out of the source
(the source's harmonic closeness) and into every target (for estimates from sampled
sources). Compiled as every kernel is (:mod:`.._compiled`: cached on disk, never fast-math). Its
arguments, the incidence arrays, are made by :mod:`._incidence`, which imports no numba.

What it computes, exactly as igraph's C core does in ``igraph_betweenness_cutoff`` for an
undirected weighted graph (so the dependency sums are igraph's to the last bit, which
tests/test_path_search.py checks against the igraph it runs with, 1.0 when written):
distances are offset by 1 (the source at 1.0, 0.0 meaning not reached); two path lengths are equal when they differ by less than
``IGRAPH_SHORTEST_PATH_EPSILON`` relative to their sum (``igraph_cmp_epsilon``); the
frontier is igraph's indexed binary max-heap on negated distances (``igraph_2wheap``:
the same sift rules, so the same visiting order among equal distances); each vertex's
incident ties are taken in increasing order of the neighbour's index, as igraph's
incidence lists give them for a simple undirected graph; dependencies are accumulated
in reverse visiting order, each vertex's predecessors in the order they were found.
The harmonic sums add 1 / (distance) in visiting order, with the distances igraph's
own harmonic closeness search finds (it keeps a strictly shorter path even within the
tolerance). That search has a heap of its own, which can visit two actors whose distances
are equal within the tolerance in the other order, so where paths are equally long within
1e-10 the sums can differ from igraph's in the last bits (tests/test_path_search.py bounds
them by 8 machine epsilons); elsewhere they are igraph's.

References
----------
.. [1] Brandes, U. (2001). A faster algorithm for betweenness centrality.
   Journal of Mathematical Sociology 25(2), 163-177.
.. [2] Marchiori, M. & Latora, V. (2000). Harmony in the small-world. Physica A 285(3-4).
.. [3] Csardi, G. & Nepusz, T. (2006). The igraph software package for complex network
   research. InterJournal Complex Systems 1695 (``src/centrality/betweenness.c``,
   ``src/core/indheap.c``, ``src/math/utils.c``).
"""
from __future__ import annotations

import numpy as np
from numba import njit, types

from ._compiled import cached_njit

_DBL_MIN = 2.2250738585072014e-308

_INT = types.int64[::1]
_FLOAT = types.float64[::1]
# The one signature the kernel is called with: given up front, the machine code is loaded from the
# cache (or compiled) when this module is imported, so a process that imports it before forking
# workers hands them the code.
_SIGNATURE = types.Tuple((_FLOAT, _FLOAT, _FLOAT))(_INT, _INT, _FLOAT, _INT, types.float64)


@njit
def _cmp_epsilon(a, b, eps):
    """igraph_cmp_epsilon: 0 when ``a`` and ``b`` are equal within ``eps`` (relative), else the sign of a - b."""
    if a == b:
        return 0
    diff = a - b
    abs_diff = abs(diff)
    total = abs(a) + abs(b)
    if a == 0.0 or b == 0.0 or total < _DBL_MIN:
        if abs_diff < eps * _DBL_MIN:
            return 0
    elif np.isinf(total):
        if abs_diff < eps * abs(a) + eps * abs(b):
            return 0
    elif abs_diff / total < eps:
        return 0
    return -1 if diff < 0 else 1


@njit
def _swap(key, vertex, slot, i, j):
    a = vertex[i]
    b = vertex[j]
    key[i], key[j] = key[j], key[i]
    vertex[i] = b
    vertex[j] = a
    slot[b] = i
    slot[a] = j


@njit
def _shift_up(key, vertex, slot, i):
    """igraph_i_2wheap_shift_up: move up while not below the parent (so equal keys rise)."""
    while i > 0:
        parent = (i - 1) >> 1
        if key[i] < key[parent]:
            return
        _swap(key, vertex, slot, i, parent)
        i = parent


@njit
def _sink(key, vertex, slot, size, i):
    """igraph_i_2wheap_sink: move down towards the larger child (the left one when equal)."""
    while True:
        left = 2 * i + 1
        if left >= size:
            return
        right = left + 1
        child = left if right == size or key[left] >= key[right] else right
        if not key[i] < key[child]:
            return
        _swap(key, vertex, slot, i, child)
        i = child


@cached_njit(_SIGNATURE)   # only the entry point is cached: what it calls is compiled into it
def path_sums(ptr, nbr, w, sources, eps):
    """One Dijkstra search from each of ``sources``: Brandes' dependency sums and harmonic sums.

    Parameters
    ----------
    ptr, nbr, w : numpy.ndarray
        Incidence arrays of a simple undirected graph: vertex ``v``'s neighbours, in increasing
        index, are ``nbr[ptr[v]:ptr[v + 1]]``, and the lengths of those ties ``w[ptr[v]:ptr[v + 1]]``
        (positive and finite).
    sources : numpy.ndarray of int
        The source vertices, searched in this order.
    eps : float
        Relative tolerance under which two path lengths are equal (:data:`._incidence.EPSILON`).

    Returns
    -------
    dependency : numpy.ndarray, shape (n,)
        Per vertex, its dependencies summed over the sources in order (igraph's raw betweenness
        before the undirected halving).
    out_harmonic : numpy.ndarray, shape (len(sources),)
        Per source, the sum of 1 / distance to every vertex it reaches.
    in_harmonic : numpy.ndarray, shape (n,)
        Per vertex, the sum over the sources other than itself of 1 / distance from them (0 when
        not reached).
    """
    n = len(ptr) - 1
    dist = np.zeros(n)               # distance + 1; 0: not reached
    shortest = np.zeros(n)           # distance + 1 as igraph's harmonic search keeps it (the strictly shortest)
    paths = np.zeros(n)              # number of shortest paths from the source
    delta = np.zeros(n)
    dependency = np.zeros(n)
    out_harmonic = np.zeros(len(sources))
    in_harmonic = np.zeros(n)
    parents = np.empty(len(nbr), dtype=np.int64)    # a vertex's predecessors at parents[ptr[v]:...]
    n_parents = np.zeros(n, dtype=np.int64)
    visited = np.empty(n, dtype=np.int64)           # visiting order (Brandes' stack)
    key = np.empty(n)                               # the heap: negated distances, their vertices
    vertex = np.empty(n, dtype=np.int64)
    slot = np.zeros(n, dtype=np.int64)              # a vertex's position in the heap
    for i in range(len(sources)):
        source = sources[i]
        key[0] = -1.0
        vertex[0] = source
        slot[source] = 0
        size = 1
        dist[source] = 1.0
        shortest[source] = 1.0
        paths[source] = 1.0
        top = 0
        harmonic = 0.0
        while size > 0:
            u = vertex[0]
            reach = -key[0]
            size -= 1
            _swap(key, vertex, slot, 0, size)        # igraph_2wheap_delete_max
            _sink(key, vertex, slot, size, 0)
            visited[top] = u
            top += 1
            if u != source:
                inverse = 1.0 / (shortest[u] - 1.0)
                harmonic += inverse
                in_harmonic[u] += inverse
            for j in range(ptr[u], ptr[u + 1]):
                to = nbr[j]
                alt = reach + w[j]
                current = dist[to]
                if current == 0.0:                   # first path found: push
                    parents[ptr[to]] = u
                    n_parents[to] = 1
                    paths[to] = paths[u]
                    dist[to] = alt
                    shortest[to] = shortest[u] + w[j]
                    key[size] = -alt
                    vertex[size] = to
                    slot[to] = size
                    size += 1
                    _shift_up(key, vertex, slot, size - 1)
                else:
                    if shortest[u] + w[j] < shortest[to]:     # igraph's harmonic search: strictly shorter
                        shortest[to] = shortest[u] + w[j]
                    # Most lengths are longer by far more than the tolerance: no division for them.
                    if alt - current > 2.0 * eps * (alt + current):
                        continue
                    order = _cmp_epsilon(alt, current, eps)
                    if order < 0:                    # a shorter path: it replaces the ones found
                        parents[ptr[to]] = u
                        n_parents[to] = 1
                        paths[to] = paths[u]
                        dist[to] = alt
                        at = slot[to]                # igraph_2wheap_modify
                        key[at] = -alt
                        _sink(key, vertex, slot, size, at)
                        _shift_up(key, vertex, slot, at)
                    elif order == 0:                 # as short: one more way in
                        parents[ptr[to] + n_parents[to]] = u
                        n_parents[to] += 1
                        paths[to] += paths[u]
        out_harmonic[i] = harmonic
        while top > 0:
            top -= 1
            v = visited[top]
            coeff = (1.0 + delta[v]) / paths[v]
            for k in range(ptr[v], ptr[v] + n_parents[v]):
                p = parents[k]
                delta[p] += paths[p] * coeff
            if v != source:
                dependency[v] += delta[v]
            dist[v] = 0.0
            paths[v] = 0.0
            delta[v] = 0.0
            n_parents[v] = 0
    return dependency, out_harmonic, in_harmonic
