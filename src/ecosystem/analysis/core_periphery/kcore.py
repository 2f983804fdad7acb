"""The k-core decomposition: the simple baseline next to the core/periphery models."""
from __future__ import annotations

import igraph as ig
import numpy as np

from ._edges import _edges


def kcore(graph: ig.Graph) -> np.ndarray:
    """k-core shell index (coreness) of every vertex, the baseline next to the discrete and continuous models.

    The coreness of v is the largest k such that v belongs to a subgraph in
    which every vertex has degree >= k.  Weights are ignored; parallel edges
    are merged and self-loops dropped first, so the result matches
    ``networkx.core_number`` on the simple graph.

    Parameters
    ----------
    graph : igraph.Graph
        Undirected graph.

    Returns
    -------
    numpy.ndarray of int
        Shell index per vertex in graph vertex order (0 for isolated vertices).

    Raises
    ------
    ValueError
        If the graph is directed.

    References
    ----------
    .. [1] Batagelj, V., & Zaversnik, M. (2003). An O(m) algorithm for cores
       decomposition of networks. arXiv:cs/0310049.
    .. [2] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    """
    e = _edges(graph, None)
    simple = ig.Graph(n=e.n, edges=np.column_stack([e.src, e.dst]).tolist())
    return np.asarray(simple.coreness(), dtype=np.int64)


def main_core(shell: np.ndarray) -> tuple[int, tuple[int, ...]]:
    """The main core: the largest shell index k and the vertices in the k-core for that k.

    The vertices are those whose shell index (:func:`kcore`) is the largest, in vertex order,
    as ``networkx.k_core(G)`` returns them (``k`` defaults to the largest core number).

    Parameters
    ----------
    shell : numpy.ndarray of int
        Shell index per vertex, :func:`kcore`'s result.

    Returns
    -------
    (int, tuple of int)
        ``k`` and the vertex indices; ``(0, every vertex)`` without edges and ``(0, ())`` without vertices.
    """
    top = int(shell.max()) if len(shell) else 0
    return top, tuple(int(v) for v in np.flatnonzero(shell == top))
