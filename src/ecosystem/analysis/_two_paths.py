"""Open two-paths in bounded-memory chunks: the shared engine of brokerage and structural holes.

Arcs are coded ``s*n+t``, sorted, and read as a CSR matrix; :func:`_two_paths` walks every
arc followed by every arc out of its head, ``_CHUNK`` at a time, so memory stays bounded
whatever the network's size (:mod:`ecosystem.analysis.gould_fernandez`, :mod:`ecosystem.analysis.burt`).
"""
from __future__ import annotations

from collections.abc import Iterator

import igraph
import numpy as np

_CHUNK = 1 << 21  # two-paths materialised at once (~100 MB of temporaries at most)

def _edge_array(graph: igraph.Graph) -> np.ndarray:
    return np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)


def _csr(codes: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sorted unique arc codes ``s*n+t`` -> (src, dst, row pointer)."""
    src, dst = np.divmod(codes, n) if n else (codes, codes)
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=ptr[1:])
    return src, dst, ptr


def _lookup(codes: np.ndarray, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index of each query code in the sorted ``codes`` and whether it is there."""
    if codes.size == 0:
        return np.zeros(query.shape, dtype=np.int64), np.zeros(query.shape, dtype=bool)
    pos = np.searchsorted(codes, query)
    np.minimum(pos, codes.size - 1, out=pos)
    return pos, codes[pos] == query


def _two_paths(rows: np.ndarray, ptr: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """For every arc ``i`` (ending in vertex ``rows[i]``) and every CSR entry of
    row ``rows[i]``, yield ``(i, entry)`` index arrays, in chunks of ~``_CHUNK``."""
    counts = ptr[rows + 1] - ptr[rows]
    cum = np.cumsum(counts)
    start, m = 0, rows.size
    while start < m:
        base = cum[start - 1] if start else 0
        stop = max(int(np.searchsorted(cum, base + _CHUNK, side="right")), start + 1)
        c = counts[start:stop]
        arc = np.repeat(np.arange(start, stop, dtype=np.int64), c)
        if arc.size:
            first = np.repeat(ptr[rows[start:stop]] - (np.cumsum(c) - c), c)
            yield arc, first + np.arange(arc.size, dtype=np.int64)
        start = stop
