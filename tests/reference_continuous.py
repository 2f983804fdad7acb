"""Test oracles: the continuous core/periphery iteration written with numpy.

:func:`reference_runs` is the plain damped iteration, a stopping test after every step, as the
package computed it before (bit for bit the numpy version the first compiled kernel replaced: the
same products with the tie matrix, dense up to 200 vertices, sparse above, and numpy's sums): the
independent check of the fixed points. :func:`reference_accelerated_runs` is the iteration that
``ecosystem.analysis.core_periphery._continuous_search`` compiles (the damped map accelerated by
Varadhan & Roland's SQUAREM), written from its description with the same numpy products, so that
the kernel can be checked step for step against an independent summation order. Not used by the
package.
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


def _loss(e, c):
    """sum over i < j of (a_ij - c_i c_j)**2, as numpy sums it."""
    c2 = c * c
    return (e.w**2).sum() - 2 * (e.w * c[e.src] * c[e.dst]).sum() + (c2.sum() ** 2 - (c2**2).sum()) / 2


def reference_accelerated_runs(e, starts, max_iter=None):
    """Final c of each run and whether each converged, as ``continuous._continuous_runs`` (``max_iter``: its
    step limit, ``continuous._CONT_MAX_ITER`` by default).

    Each cycle: two steps of the damped map F (x1 = F(x0), x2 = F(x1)); then, from r = x1 - x0 and
    v = x2 - 2 x1 + x0, the step length a = -|r|/|v|; if a < -1, the point x0 - 2 a r + a^2 v, clipped
    at 0, and one step of F from it, kept instead of x2 when its loss is not above x2's. A step whose
    largest change is at most tol times its largest value ends the run, converged, at the point it
    made (the third step only when kept). A cycle in which the step count passed a multiple of
    ``_DOMINANCE_EVERY`` ends the run, not converged, when one vertex holds ``_DOMINANCE`` of the
    sum of squares; so does reaching ``max_iter`` steps.
    """
    max_iter = continuous._CONT_MAX_ITER if max_iter is None else max_iter
    matmul = _matmul_operator(e)
    tiny, tol, every = continuous._TINY, continuous._CONT_TOL, continuous._DOMINANCE_EVERY

    def step(c):
        c2 = c * c
        denom = np.maximum(c2.sum() - c2, tiny)
        new = (matmul(c[None, :])[0] / denom + c) * 0.5
        return new, np.abs(new - c).max() <= tol * max(new.max(), tiny)

    final = np.empty((len(starts), e.n))
    converged = np.zeros(len(starts), dtype=bool)
    for run, start in enumerate(np.asarray(starts, dtype=float)):
        x0, steps = start.copy(), 0
        while True:
            checks = steps // every
            x1, done = step(x0)
            steps += 1
            if done or steps >= max_iter:
                x0, converged[run] = x1, done
                break
            x2, done = step(x1)
            steps += 1
            if done:
                x0, converged[run] = x2, True
                break
            if steps < max_iter:
                r, v = x1 - x0, x2 - 2 * x1 + x0
                bend = (v * v).sum()
                a = -np.sqrt((r * r).sum() / bend) if bend > 0 else -1.0
                if a < -1:
                    x3, done = step(np.maximum(x0 - 2 * a * r + a * a * v, 0.0))
                    steps += 1
                    if _loss(e, x3) <= _loss(e, x2):
                        x2 = x3
                        if done:
                            x0, converged[run] = x2, True
                            break
            x0 = x2
            if steps >= max_iter or (steps // every > checks and continuous._one_vertex_dominates(x0)):
                break
        final[run] = x0
    return final, converged
