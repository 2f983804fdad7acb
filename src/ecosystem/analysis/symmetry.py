"""Interchangeable actors: the orbits of a tie network's automorphisms.

Two actors are **interchangeable** in a weighted tie network when a relabelling of the actors maps
every tie onto a tie of the same strength and one actor onto the other (an automorphism). A
core/periphery fit reads nothing but the ties, so it cannot tell them apart, yet it may have to
choose: of two mirror-image stars the continuous fit has two optima, one with each hub as the core
(a rank-one fit without the diagonal prefers one dominant actor, Borgatti & Everett 1999), and of a
ring every split into core and periphery is as good as its rotations. Which one an optimiser or a
tie-break returns is chance, or the order of the ids. The orbits say where that can happen:
:func:`orbit_mean` gives interchangeable actors the mean of what the fit gave them, and
:func:`split_orbits` finds the actors a discrete core leaves out while an interchangeable one is in.

Method
------
Twins (actors with the same ties, or none) are collapsed first, one representative per class
coloured by the class's size. Tie strengths become vertex colours by subdividing: each tie is a vertex
between its two actors, coloured by its strength. The automorphism group's generators come from bliss [1]_ through igraph
(``Graph.automorphism_group``); restricted to the actors they generate the actors' permutations,
and union-find over them gives the orbits.

References
----------
.. [1] Junttila, T., & Kaski, P. (2007). Engineering an efficient canonical labeling tool for
   large and sparse graphs. *Proceedings of ALENEX 2007*, 135-149.
.. [2] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery structures. *Social
   Networks*, 21(4), 375-395.
"""
from __future__ import annotations

from collections import Counter, deque
from collections.abc import Sequence

import igraph as ig
import numpy as np

__all__ = ["tie_orbits", "orbit_mean", "split_orbits", "core_groups_vary"]

# Most equally good cores core_groups_vary looks at (each a set of the core's size).
CORE_IMAGES_LIMIT = 20_000


def tie_orbits(ties: ig.Graph, weights: str | None = "weight") -> tuple[int, ...]:
    """The orbit of each vertex of the undirected simple graph ``ties`` under the automorphisms that keep
    the edge attribute ``weights`` (None: unweighted). Each orbit is numbered by its smallest vertex, so a
    vertex alone in its orbit carries its own index.

    Raises
    ------
    ValueError
        If ``ties`` is directed.
    """
    n = ties.vcount()
    rep, kept, moves = _collapsed_group(ties, weights)
    parent = list(range(n))

    def root(v: int) -> int:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    def join(a: int, b: int) -> None:
        a, b = root(a), root(b)
        if a != b:
            parent[max(a, b)] = min(a, b)          # the orbit keeps its smallest index

    for v in range(n):
        join(v, rep[v])
    for moved in moves:
        for i, j in moved:                          # a generator moves few actors: only those
            join(kept[i], kept[j])
    return tuple(root(v) for v in range(n))


def _collapsed_group(ties: ig.Graph, weights: str | None) -> tuple[list[int], list[int], list[list[tuple[int, int]]]]:
    """The automorphism group of ``ties`` (keeping ``weights``) with twins collapsed: each actor's twin-class
    representative (the class's smallest index), the representatives, and per generator of the collapsed
    network's group the representatives it moves, as (index in ``kept``, index of its image) pairs.

    Twins (actors with the same ties: same neighbours, same strengths; every actor without ties) are
    interchangeable by swapping them alone. Each class keeps one representative, coloured by the class's
    size; the automorphisms of that smaller network, lifted class by class, and the swaps within classes
    generate the whole group. Without this, bliss returns one generator per twin (a hub's hundreds of
    pendant partners), each a list as long as the network: hundreds of megabytes at 10,000 actors.
    """
    if ties.is_directed():
        raise ValueError("tie_orbits needs an undirected graph")
    n = ties.vcount()
    strengths = ties.es[weights] if weights is not None and ties.ecount() else [1.0] * ties.ecount()
    pairs = ties.get_edgelist()
    neighbours: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for (s, t), w in zip(pairs, strengths):
        neighbours[s].append((t, w))
        neighbours[t].append((s, w))
    twin_of: dict[tuple, int] = {}
    rep = [twin_of.setdefault(tuple(sorted(nb)), v) for v, nb in enumerate(neighbours)]
    kept = [v for v in range(n) if rep[v] == v]
    size = np.bincount(rep, minlength=n)
    position = {v: i for i, v in enumerate(kept)}
    edges, kept_strengths = [], []
    for (s, t), w in zip(pairs, strengths):
        if rep[s] == s and rep[t] == t:
            edges.append((position[s], position[t]))
            kept_strengths.append(w)
    k = len(kept)
    actor_colour = {c: i for i, c in enumerate(sorted({int(size[v]) for v in kept}))}
    colour_of = {w: len(actor_colour) + i for i, w in enumerate(sorted(set(kept_strengths)))}
    colours = [actor_colour[int(size[v])] for v in kept]
    if len(colour_of) <= 1:          # one strength: the ties themselves, without subdividing
        graph = ig.Graph(n=k, edges=edges)
    else:
        graph = ig.Graph(n=k + len(edges), edges=[pair for j, (s, t) in enumerate(edges)
                                                  for pair in ((s, k + j), (k + j, t))])
        colours += [colour_of[w] for w in kept_strengths]
    # 'fm' (first maximally non-trivially connected cell): the same group, found 2-3 times faster than the
    # default on sparse networks of 100,000 actors
    identity = np.arange(k)
    moves = []
    for permutation in graph.automorphism_group(sh="fm", color=colours):
        moved = np.asarray(permutation[:k])
        moves.append([(i, int(moved[i])) for i in np.flatnonzero(moved != identity).tolist()])
    return rep, kept, moves


def core_groups_vary(ties: ig.Graph, core: np.ndarray, groups: Sequence[str], weights: str | None = "weight",
                     limit: int = CORE_IMAGES_LIMIT) -> bool:
    """Whether an equally good core has other groups in it: an automorphism of ``ties`` (keeping ``weights``)
    maps ``core`` onto a set with another number of actors of some group (``groups`` per vertex).

    An automorphism maps the core onto a core that fits exactly as well, so when every such image has as
    many actors of each group, which groups the core holds (and their shares) follows from the data even
    though who is in it does not: a ring of alternating groups has every adjacent pair as its core, each
    with one of both. The images are searched breadth first from ``core`` with the group's generators
    (those of :func:`_collapsed_group` lifted to the actors, and per twin class a swap and a cycle), at
    most ``limit`` of them; False when none differs among them (nothing shown to differ, so nothing said).
    """
    n = len(groups)
    rep, kept, moves = _collapsed_group(ties, weights)
    members: dict[int, list[int]] = {}
    for v in range(n):
        members.setdefault(rep[v], []).append(v)
    generators = []
    for moved in moves:       # each representative's class onto its image's class, member by member
        generators.append({a: b for i, j in moved for a, b in zip(members[kept[i]], members[kept[j]])})
    for cls in members.values():
        if len(cls) > 1:
            generators.append({cls[0]: cls[1], cls[1]: cls[0]})
            generators.append({a: b for a, b in zip(cls, cls[1:] + cls[:1])})
    start = frozenset(np.flatnonzero(np.asarray(core, dtype=bool)).tolist())
    counts = Counter(groups[v] for v in start)
    seen, queue = {start}, deque([start])
    while queue and len(seen) < limit:
        current = queue.popleft()
        for g in generators:
            image = frozenset(g.get(v, v) for v in current)
            if image in seen:
                continue
            if Counter(groups[v] for v in image) != counts:
                return True
            seen.add(image)
            queue.append(image)
    return False


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
