"""Is there a core/periphery structure at all? The discrete fit against a degree-preserving null.

References
----------
.. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
   structures. Social Networks, 21(4), 375-395.
.. [2] Maslov, S., & Sneppen, K. (2002). Specificity and stability in
   topology of protein networks. Science, 296(5569), 910-913.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import igraph as ig
import numpy as np

from ...seeding import seeded_igraph
from ._edges import _Edges, _edges
from .discrete import _discrete


@dataclass(frozen=True)
class CorePeripheryTest:
    """Result of :func:`core_periphery_test`.

    Attributes
    ----------
    p_value : float
        ``(1 + #{null fit >= observed fit}) / (1 + n_null)``.
    observed_fit : float
        Discrete fit of the observed graph (same effort as the null fits).
    null_mean, null_sd : float
        Mean and sample standard deviation of the null fits, for a z-score
        ``(observed_fit - null_mean) / null_sd``.
    n_null : int
        Number of null graphs.
    """

    p_value: float
    observed_fit: float
    null_mean: float
    null_sd: float
    n_null: int


def core_periphery_test(
    graph: ig.Graph, weights: str | None = "weight", *, seed=0, n_null: int = 100, restarts: int = 3
) -> CorePeripheryTest:
    """Significance of the discrete core/periphery fit against a degree-preserving null.

    Null model: each null graph is the observed (simplified) graph rewired by
    degree-preserving double edge swaps (igraph ``Graph.rewire`` with
    ``10 * m`` trials, ``allowed_edge_types="simple"``: no loops, no multi-edges),
    so every vertex keeps its degree, isolated vertices stay isolated, and
    components may merge.  The observed tie strengths are then randomly
    permuted over the new edges: the weight distribution is kept, vertex
    strengths are not.  A high-degree core alone therefore does not make the
    structure significant; the core must be denser than its degrees imply.

    The observed graph and every null graph are fitted with the same effort
    (``restarts`` runs of :func:`discrete_core_periphery`), so the search's
    luck does not bias the comparison.  The p-value is
    ``(1 + #{null fit >= observed fit}) / (1 + n_null)``; a null graph whose
    fit is undefined (NaN) counts as at least as good as the observed one,
    which errs on the conservative side.

    Parameters
    ----------
    graph : igraph.Graph
        Undirected graph; may be disconnected and have isolated vertices.
    weights : str or None, default "weight"
        Name of the edge attribute with non-negative tie strengths; None for
        an unweighted graph.
    seed : int, default 0
        Seed for the numpy generator (weight permutations, optimiser seeds) and
        for a private ``random.Random`` used by igraph's rewiring.  igraph's
        generator is reset to its default (the ``random`` module) afterwards.
    n_null : int, default 100
        Number of null graphs (>= 1).
    restarts : int, default 3
        Optimisation runs per fit (observed and null).

    Returns
    -------
    CorePeripheryTest
        ``p_value``, ``observed_fit``, ``null_mean``, ``null_sd`` (sample sd,
        ddof=1; NaN when ``n_null`` is 1) and ``n_null``.  If the observed fit
        is undefined, all but ``n_null`` are NaN.

    Raises
    ------
    ValueError
        For a directed graph, a missing or invalid weight attribute, or
        ``n_null < 1``.

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    .. [2] Maslov, S., & Sneppen, K. (2002). Specificity and stability in
       topology of protein networks. Science, 296(5569), 910-913.
    """
    if n_null < 1:
        raise ValueError(f"n_null must be >= 1, got {n_null}")
    e = _edges(graph, weights)
    rng = np.random.default_rng(seed)
    observed = _discrete(e, rng.integers(2**63), restarts).fit
    if math.isnan(observed):
        return CorePeripheryTest(math.nan, math.nan, math.nan, math.nan, n_null)

    base = ig.Graph(n=e.n, edges=np.column_stack([e.src, e.dst]).tolist())
    null_fits = np.empty(n_null)
    with seeded_igraph(int(rng.integers(2**63))):
        for k in range(n_null):
            g = base.copy()
            g.rewire(n=10 * g.ecount(), allowed_edge_types="simple")
            el = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
            null_e = _Edges(e.n, el.min(axis=1), el.max(axis=1), rng.permutation(e.w))
            null_fits[k] = _discrete(null_e, rng.integers(2**63), restarts).fit

    exceed = np.isnan(null_fits) | (null_fits >= observed)
    p = (1 + int(exceed.sum())) / (1 + n_null)
    mean = float(np.nanmean(null_fits)) if np.any(~np.isnan(null_fits)) else math.nan
    sd = float(np.nanstd(null_fits, ddof=1)) if np.sum(~np.isnan(null_fits)) > 1 else math.nan
    return CorePeripheryTest(float(p), float(observed), mean, sd, n_null)
