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

from ._edges import _edges

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
    e = _edges(graph, None)
    n, m = e.n, len(e.src)
    simple = ig.Graph(n=n, edges=np.column_stack([e.src, e.dst]).tolist())
    degree = np.asarray(simple.degree())
    sizes = tuple(sorted((len(c) for c in simple.connected_components() if len(c) > 1), reverse=True))
    if m == 0:
        kind = "empty"
    elif n >= 3 and m == n * (n - 1) // 2:
        kind = "complete"
    elif degree.max() == 1:
        kind = "pairs"
    elif len(sizes) >= 2 and sizes[1] >= PART_MIN and sizes[1] >= PART_SHARE * sum(sizes):
        kind = "parts"
    else:
        kind = "core_periphery"
    return Structure(kind, sizes)
