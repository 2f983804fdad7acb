"""Test oracle: the continuous core/periphery iteration written with numpy, a stopping test after every step.

The iteration that ``ecosystem.analysis.core_periphery._continuous_search`` compiles, as
the package computed it before (bit for bit the numpy version it replaced: the same
products with the tie matrix, dense up to 200 vertices, sparse above, and numpy's sums),
so that the kernel can be checked against an independent summation order. Not used by
the package.
"""
from __future__ import annotations

import numpy as np
from scipy import sparse

from ecosystem.analysis.core_periphery import continuous

_DENSE_UP_TO = 200


def _matmul_operator(e):
    """``C -> C @ A`` for the symmetric tie matrix ``A`` of ``e``: dense on small graphs, sparse otherwise."""
    if e.n <= _DENSE_UP_TO:
        dense = np.zeros((e.n, e.n))
        dense[e.src, e.dst] = e.w
        dense[e.dst, e.src] = e.w
        return dense.__rmatmul__
    rows, cols = np.concatenate([e.src, e.dst]), np.concatenate([e.dst, e.src])
    matrix = sparse.csr_matrix((np.concatenate([e.w, e.w]), (rows, cols)), shape=(e.n, e.n))
    return lambda c: (matrix @ c.T).T


def reference_runs(e, starts):
    """Final c of each run (rows of ``starts``) and whether each converged, as ``continuous._continuous_runs``."""
    matmul = _matmul_operator(e)
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
