"""Compiled union-find: per vertex, the lowest vertex of its connected piece.

Why compiled: every bootstrap resample classifies its network's shape (:func:`.structure.structure_of`:
a resample in separate parts has no core) and looks for sizeable parts to fit one by one
(:func:`.structure.sizeable_parts`), two searches per resample, a thousand resamples at the
Brabant example. Written with numpy (labels hooked onto the lower label, then pointer jumping, a
few rounds of whole-array operations), the searches took about 5% of the per-region analyses' CPU
time under cProfile; compiled, one pass over the pairs with path halving, under 1% (issue 10). Compiled as every kernel is (:mod:`..._compiled`: cached on disk, never fast-math;
integer arithmetic only).

Each piece's root is its lowest vertex: a union hangs the higher root under the lower one, so a
root is always the lowest vertex of its set (Tarjan 1975, with path halving).

References
----------
.. [1] Tarjan, R. E. (1975). Efficiency of a good but not linear set union algorithm.
   Journal of the ACM 22(2), 215-225.
"""
from __future__ import annotations

import numpy as np
from numba import types

from .._compiled import cached_njit

_INT = types.int64[::1]
# The one signature the kernel is called with: loaded from the cache when this module is imported.
_SIGNATURE = _INT(types.int64, _INT, _INT)


@cached_njit(_SIGNATURE)
def lowest_reachable(n, src, dst):
    """Per vertex of ``0 .. n-1``, the lowest vertex it is connected to by the pairs ``(src[k], dst[k])``."""
    parent = np.arange(n)
    for k in range(len(src)):
        a, b = src[k], dst[k]
        while parent[a] != a:                 # path halving on the way to each root
            parent[a] = parent[parent[a]]
            a = parent[a]
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        if a < b:
            parent[b] = a
        elif b < a:
            parent[a] = b
    for v in range(n):                        # a vertex's parent is lower, so its root is final by now
        parent[v] = parent[parent[v]]
    return parent
