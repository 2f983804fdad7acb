"""Which structure a network has when it is not a core/periphery: the degenerate cases named.

A core/periphery model always returns *some* partition, but for three shapes
of network that partition says nothing: a complete network (everyone tied to
everyone: one closed circle), a set of separate pairs (nobody has a second
tie), and a network that falls apart into several sizeable pieces (each piece
would need its own core).  Borgatti & Everett's models assume one connected
centre; these shapes are the counterexamples, so the tool names them instead
of reporting a core.

References
----------
.. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
   structures. Social Networks, 21(4), 375-395.
"""
from __future__ import annotations

from dataclasses import dataclass

import igraph as ig
import numpy as np

from ._edges import _Edges, _edges

# A network counts as split into parts when its second-largest piece holds at
# least this share of the actors that have ties: then no single core speaks
# for the whole network.  Small islands next to one big component do not count.
PART_SHARE = 0.25
# ...and at least this many actors (two tied actors alone are a pair, not a part).
PART_MIN = 3

STRUCTURES = ("core_periphery", "complete", "pairs", "parts", "empty")


@dataclass(frozen=True)
class Structure:
    """Result of :func:`network_structure`.

    Attributes
    ----------
    kind : str
        One of ``STRUCTURES``: ``"core_periphery"`` (none of the degenerate
        shapes: the core/periphery models apply), ``"complete"``, ``"pairs"``,
        ``"parts"`` or ``"empty"`` (no ties at all).
    sizes : tuple of int
        Number of actors per connected piece with ties, largest first
        (isolated actors are not counted).
    """

    kind: str
    sizes: tuple[int, ...]

    @property
    def has_core(self) -> bool:
        """False when no core/periphery partition is meaningful (complete, pairs, parts, empty).

        For ``parts`` the model would put its core in one piece and leave the others out, while no
        single core speaks for the whole network: the core is left empty, as the outputs say.
        """
        return self.kind == "core_periphery"


def network_structure(graph: ig.Graph) -> Structure:
    """Classify the shape of an undirected network (weights ignored).

    * ``"empty"``: no ties.
    * ``"complete"``: at least three actors and every pair of actors tied.
    * ``"pairs"``: every actor with a tie has exactly one.
    * ``"parts"``: the actors with ties form two or more connected pieces and
      the second largest holds at least ``PART_MIN`` actors and
      ``PART_SHARE`` of the actors with ties.
    * ``"core_periphery"``: anything else.

    Parameters
    ----------
    graph : igraph.Graph
        Undirected graph; parallel edges are merged and self-loops ignored.

    Returns
    -------
    Structure

    Raises
    ------
    ValueError
        If the graph is directed.
    """
    return structure_of(_edges(graph, None))


def structure_of(e: _Edges) -> Structure:
    """:func:`network_structure` of a prepared edge list (the bootstrap's resamples classify theirs so)."""
    n, m = e.n, len(e.src)
    sizes = _sizes(_lowest_reachable(n, e.src, e.dst))
    if m == 0:
        kind = "empty"
    elif n >= 3 and m == n * (n - 1) // 2:
        kind = "complete"
    elif np.bincount(np.concatenate([e.src, e.dst]), minlength=n).max() == 1:
        kind = "pairs"
    elif _in_parts(sizes):
        kind = "parts"
    else:
        kind = "core_periphery"
    return Structure(kind, sizes)


def _in_parts(sizes: tuple[int, ...]) -> bool:
    """The ``parts`` rule on the sizes of the pieces with ties, largest first: the second largest holds at
    least ``PART_MIN`` actors and ``PART_SHARE`` of the actors with ties."""
    return len(sizes) >= 2 and sizes[1] >= PART_MIN and sizes[1] >= PART_SHARE * sum(sizes)


def _sizes(label: np.ndarray) -> tuple[int, ...]:
    """The sizes of the pieces with ties (more than one vertex) of :func:`_lowest_reachable`'s labels, largest first."""
    counts = np.bincount(label, minlength=len(label))
    return tuple(sorted(counts[counts > 1].tolist(), reverse=True))


def _pieces(label: np.ndarray) -> list[np.ndarray]:
    """The connected pieces with ties of :func:`_lowest_reachable`'s labels, each as its vertices in increasing
    order; largest first, pieces of equal size in the order of their lowest vertex."""
    order = np.argsort(label, kind="stable")            # each piece's vertices together, in increasing order
    bounds = np.flatnonzero(np.diff(label[order])) + 1
    pieces = [piece for piece in np.split(order, bounds) if len(piece) > 1]
    return sorted(pieces, key=lambda piece: (-len(piece), int(piece[0])))


def _lowest_reachable(n: int, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Per vertex, the lowest vertex of its connected piece (the compiled union-find of :mod:`._pieces`).

    Taken here (``analysis._compiled.kernel``), as every compiled kernel is: importing the analysis must not
    import numba (``analysis._compiled.load_kernels`` loads it once, before the forks)."""
    from .._compiled import kernel

    return kernel("lowest_reachable")(n, np.ascontiguousarray(src, dtype=np.int64), np.ascontiguousarray(dst, dtype=np.int64))


def sizeable_parts(e: _Edges) -> list[np.ndarray] | None:
    """When the network is in ``parts`` (:func:`network_structure`), its sizeable parts: each piece that
    would pass the rule as a second piece (at least ``PART_MIN`` actors and ``PART_SHARE`` of the actors with
    ties), as its vertices in increasing order, largest first. None when the network is not in parts.

    The continuous model fits each of them on its own there (:func:`.continuous.continuous_core_periphery`,
    ``within_parts``): no single core speaks for the whole network, and one fit over all of it puts its
    weight on one part and leaves the others near 0, which part depending on the optimiser's starts.
    """
    label = _lowest_reachable(e.n, e.src, e.dst)
    sizes = _sizes(label)
    if not _in_parts(sizes):
        return None
    return [piece for piece in _pieces(label) if len(piece) >= PART_MIN and len(piece) >= PART_SHARE * sum(sizes)]
