"""Interchangeable actors: the orbits of the data's automorphisms.

Two actors are **interchangeable** when a relabelling of the actors maps the data onto itself
and one onto the other: every relation onto a relation of the same type, weight, direction and
steering, and every actor onto one of the same group, scale, role and arbeidsmarktregio's
(an automorphism of the coloured relation network). Every measure this tool computes is then
the same for both, except where a method picks one of several equally good answers: the
continuous core/periphery fit of two mirror-image stars has two optima, one with each hub as the
core (a rank-one fit without the diagonal prefers one dominant actor, Borgatti & Everett 1999),
and which one an optimiser returns is chance. The orbits say where that can happen:
:func:`orbit_mean` gives interchangeable actors the mean of what the fit gave them, and
:func:`split_orbits` finds the actors a discrete core separates from an interchangeable one.

Method
------
The relation network is coloured and made simple by subdividing: each relation becomes a
vertex between its two actors, coloured by (type, weight, steering) and, for a directed type,
a chain of two vertices, tail and head, so that direction is kept. The automorphism group's
generators come from bliss [1]_ through igraph (``Graph.automorphism_group``); restricted to
the actors they generate the actors' permutations, and union-find over them gives the orbits.
Parallel relations are each a vertex of their own, so a permutation of identical relations is
a symmetry of the subdivided graph and changes nothing for the actors.

References
----------
.. [1] Junttila, T., & Kaski, P. (2007). Engineering an efficient canonical labeling tool for
   large and sparse graphs. *Proceedings of ALENEX 2007*, 135-149.
.. [2] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery structures. *Social
   Networks*, 21(4), 375-395.
"""
from __future__ import annotations

import igraph as ig
import numpy as np

from ..model import Region
from ..vocab import RELATION_TYPES

__all__ = ["interchangeable", "orbit_mean", "split_orbits"]


def interchangeable(region: Region) -> tuple[int, ...]:
    """The orbit of each actor (in ``region.actors`` order): actors with the same number are interchangeable.

    Each orbit is numbered by its first actor's index, so an actor alone in its orbit carries its own index.
    """
    n = len(region.actors)
    index = {a.id: i for i, a in enumerate(region.actors)}
    colours: dict[tuple, int] = {}

    def colour(key: tuple) -> int:
        return colours.setdefault(key, len(colours))

    vertex_colour = [colour(("actor", a.group, a.scale, a.role, tuple(sorted(a.regions)))) for a in region.actors]
    edges: list[tuple[int, int]] = []
    for r in region.relations:
        s, t = index[r.source], index[r.target]
        label = (r.type, float(r.weight), r.steering)
        if RELATION_TYPES[r.type].directed:
            tail, head = len(vertex_colour), len(vertex_colour) + 1
            vertex_colour += [colour(("tail",) + label), colour(("head",) + label)]
            edges += [(s, tail), (tail, head), (head, t)]
        else:
            middle = len(vertex_colour)
            vertex_colour.append(colour(("tie",) + label))
            edges += [(s, middle), (middle, t)]
    graph = ig.Graph(n=len(vertex_colour), edges=edges)
    parent = list(range(n))

    def root(v: int) -> int:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for permutation in graph.automorphism_group(color=vertex_colour):
        for v in range(n):
            a, b = root(v), root(permutation[v])
            if a != b:
                parent[max(a, b)] = min(a, b)      # the orbit keeps its smallest index
    return tuple(root(v) for v in range(n))


def orbit_mean(values: np.ndarray, orbits: tuple[int, ...]) -> np.ndarray:
    """``values`` with each orbit's members given the orbit's mean: what a fit gives interchangeable actors,
    averaged over its equally good mirror images (each image gives an actor an orbit-mate's value)."""
    values = np.asarray(values, dtype=float)
    orbit = np.asarray(orbits, dtype=np.int64)
    if len(orbit) == 0 or np.all(orbit == np.arange(len(orbit))):
        return values
    sums = np.bincount(orbit, weights=values, minlength=len(orbit))
    counts = np.bincount(orbit, minlength=len(orbit))
    return sums[orbit] / counts[orbit]


def split_orbits(orbits: tuple[int, ...], core: np.ndarray) -> tuple[int, ...]:
    """The actors outside ``core`` that are interchangeable with one inside: a core with them in instead fits
    equally well (the discrete fit's choice between them follows its tie-break, not the data). Empty when the
    core is a union of orbits."""
    inside = {orbits[v] for v in range(len(orbits)) if core[v]}
    return tuple(v for v in range(len(orbits)) if not core[v] and orbits[v] in inside)
