"""Fragmentation of the tie network and what a departure does to it ("wat als").

Borgatti's (2006) *key player problem, negative version* (KPP-Neg) asks which
actors' removal would most disrupt the network.  Two of his measures of how
fragmented a network of ``n`` actors is:

* **Fragmentation** ``F``: the share of ordered pairs of distinct actors that
  cannot reach each other,

  .. math:: F = 1 - \\frac{\\sum_k s_k (s_k - 1)}{n (n - 1)},

  with ``s_k`` the size of the k-th connected component.  ``F = 0`` for a
  connected network and ``1`` when no actor has a tie.

* **Distance-weighted fragmentation** ``DF``: one minus the mean inverse
  distance over ordered pairs of distinct actors,

  .. math:: DF = 1 - \\frac{\\sum_{i \\ne j} 1 / d_{ij}}{n (n - 1)},

  with ``1 / d_{ij} = 0`` when ``j`` cannot be reached from ``i``.  ``DF``
  also sees a network getting *longer* without falling apart: ``DF = 0`` only
  for a complete network, ``F <= DF <= 1``.  (``1 - DF`` is Marchiori and
  Latora's (2000) global efficiency.)

Distances ``d_{ij}`` are **hop counts on the undirected tie network**: the
study's question is who can still reach whom through the organisations they
deal with, and a relation is a relation however heavy.  Weighted distances
(``1 / weight``) would let one strong tie outweigh a whole path and make the
number depend on how a coordinator scored weights; a weighted variant is
therefore deliberately not offered.  With fewer than two actors there is no
pair and both measures are 0.

The sums are exact: an all-pairs breadth-first search counts the *number* of
pairs at each distance, which are summed as fractions.  Equal networks therefore
give bit-identical values whatever the vertex order, so rankings built on them
(:mod:`.key_players`) do not depend on row order.  The search runs from all
sources at once, one bit per source (multi-source BFS, Then et al. 2014): each
level ORs the neighbours' bit sets of newly reached sources, ``O(D m n / 64)``
word operations for diameter ``D``, compiled (:mod:`._hop_counts`, see
:func:`pair_counts`); its counts equal igraph's ``path_length_hist`` (tested).

:func:`removal_effect` compares the network before and after a change (actors
removed, ties added) and names who is cut off from the main component and which
pairs of key actor groups (werkenden, werkgevers, overheid, onderwijs) lose
their last connection.

The main component and "cut off"
---------------------------------
The **main component** is the largest connected component.  Before the change,
when several components are equally largest, together they are the main
component (nobody in them is singled out).  After the change it is the largest
component; among equally large ones the one holding the most members of the
former main component; and when that still leaves several, there is *no* main
component: the network has fallen apart into equal parts and none of them is
"the rest".  No actor id or row order decides.

An actor is **cut off** when it is still in the network, was in the main
component before, is not in the main component after, *and* can no longer
reach some actor (still in the network) it reached before.  The last condition
keeps an actor from being called cut off merely because another component
became the largest (ties added elsewhere, or a former main component shrinking
next to an equally large one): it lost no path.  With single removals and no
added ties, only articulation points of the main component cut anyone off (see
:mod:`.cut_off`).  Removing the hub of a star cuts off every other actor.

References
----------
.. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
   network. *Computational and Mathematical Organization Theory*, 12(1),
   21-34. https://doi.org/10.1007/s10588-006-7084-x
.. [2] Marchiori, M., & Latora, V. (2000). Harmony in the small-world.
   *Physica A*, 285(3-4), 539-546.
.. [3] Thunnissen, M. (2021). Een leven lang ontwikkelen: een verkennend
   onderzoek naar regionale samenwerking (the study this tool follows; the
   four key actor groups whose reachability is asked about).
.. [4] Then, M., Kaufmann, M., Chirigati, F., Hoang-Vu, T.-A., Pham, K., Kemper, A.,
   Neumann, T., & Vo, H. T. (2014). The more the merrier: efficient multi-source
   graph traversal. *Proceedings of the VLDB Endowment*, 8(4), 449-460.
"""
from __future__ import annotations

import numbers
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

import igraph as ig
import numpy as np

from ..vocab import KEY_GROUPS

__all__ = [
    "RemovalEffect",
    "fragmentation",
    "distance_fragmentation",
    "main_component",
    "removal_effect",
]


@dataclass(frozen=True)
class RemovalEffect:
    """What removing actors (and adding ties) does to the tie network.

    Vertex indices refer to the graph passed to :func:`removal_effect`; every
    tuple of vertices is sorted by actor key (id), so it does not depend on
    the vertex order.

    Attributes
    ----------
    removed : tuple of int
        The removed actors.
    n_before, n_after : int
        Actors in the network before and after (``n_after = n_before - len(removed)``).
    f_before, f_after : float
        Fragmentation ``F`` before and after.
    df_before, df_after : float
        Distance-weighted fragmentation ``DF`` before and after.
    main_before, main_after : int
        Size of the main component before (of one of them when several are
        equally largest) and after (0 when the network fell apart into equal parts).
    cut_off : tuple of int
        Actors cut off from the main component (see the module docstring).
    joined_main : tuple of int
        Actors outside the main component before and in it after (only
        possible when ties are added or another component takes over).
    lost_group_pairs : tuple of (str, str)
        Pairs of key groups (``vocab.KEY_GROUPS`` keys, in that order) with a
        path between a member of one and a member of the other before and
        none after.  A key group whose every member is removed loses all its
        pairs.
    gained_group_pairs : tuple of (str, str)
        Pairs of key groups without such a path before and with one after.
    largest_after : int
        Size of the largest component after (also when several are equally
        large and ``main_after`` is 0).
    largest_parts_after : int
        How many components after have that size.
    apart : tuple of int
        The cut-off actors whose component before holds no member of the
        main component after: their part of the network fell apart (into
        equal parts, or beside another component that is now the largest),
        so they did not lose paths *to* the largest part but to their own
        former members (``fell_apart``: there are any).  A text says which
        (the what-if sentences do).  The others lost their paths to the main
        component after; both kinds occur together only where several
        components were equally largest before.
    largest_parts_before : int
        How many components before have the largest size.
    """

    removed: tuple[int, ...]
    n_before: int
    n_after: int
    f_before: float
    f_after: float
    df_before: float
    df_after: float
    main_before: int
    main_after: int
    cut_off: tuple[int, ...]
    joined_main: tuple[int, ...]
    lost_group_pairs: tuple[tuple[str, str], ...]
    gained_group_pairs: tuple[tuple[str, str], ...]
    largest_after: int = 0
    largest_parts_after: int = 0
    apart: tuple[int, ...] = ()
    largest_parts_before: int = 1

    @property
    def fell_apart(self) -> bool:
        """Whether some cut-off actor's part fell apart (``apart`` is not empty)."""
        return bool(self.apart)

    @property
    def f_change(self) -> float:
        """``f_after - f_before`` (positive: more fragmented)."""
        return self.f_after - self.f_before

    @property
    def df_change(self) -> float:
        """``df_after - df_before`` (positive: more fragmented)."""
        return self.df_after - self.df_before


def _check_undirected(g: ig.Graph) -> None:
    if g.is_directed():
        raise ValueError("fragmentation is defined on the undirected tie network; got a directed graph")


def vertex_keys(g: ig.Graph) -> list:
    """Per vertex the key that breaks ties: the ``name`` attribute (actor id) or the index."""
    if "name" in g.vs.attributes():
        names = g.vs["name"]
        if len(set(names)) != len(names):
            raise ValueError("vertex names must be unique to break ties by actor id")
        return list(names)
    return list(range(g.vcount()))


def key_ranks(g: ig.Graph) -> list[int]:
    """Per vertex its rank in the order of :func:`vertex_keys` (0 = smallest key)."""
    keys = vertex_keys(g)
    ranks = [0] * len(keys)
    for r, v in enumerate(sorted(range(len(keys)), key=keys.__getitem__)):
        ranks[v] = r
    return ranks


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def fragmentation_exact(g: ig.Graph) -> Fraction:
    """:func:`fragmentation` as an exact fraction."""
    _check_undirected(g)
    n = g.vcount()
    if n < 2:
        return Fraction(0)
    sizes = g.connected_components().sizes()
    return 1 - Fraction(sum(_pairs(s) for s in sizes), _pairs(n))


def harmonic_pair_sum(g: ig.Graph) -> Fraction:
    """Exact ``sum over unordered pairs {i, j}, i != j, of 1 / d_ij`` in hops (unreachable: 0).

    One all-pairs breadth-first search (:func:`pairs_by_distance`); the pair
    counts per distance are summed as fractions, so the result does not depend
    on the vertex order.
    """
    _check_undirected(g)
    if g.vcount() < 2:
        return Fraction(0)
    return harmonic_sum(pairs_by_distance(g))


def harmonic_sum(counts: dict[int, int]) -> Fraction:
    """``sum of count / d`` over the pair counts per distance of :func:`pair_counts`, exactly."""
    return sum((Fraction(count, d) for d, count in counts.items()), Fraction(0))


# 64-bit words in each of the search's three bit matrices (actors x words of one block of sources): 32 MB
# each, whatever the size, up to 2**22 actors (a block is at least one word: 64 sources).
_BLOCK_WORDS = 1 << 22


@dataclass(frozen=True, eq=False)       # arrays: no field-wise == or hash
class HopAdjacency:
    """An undirected graph's adjacency arrays for :func:`pair_counts`: actor ``v``'s neighbours are
    ``neighbours[ptr[v]:ptr[v + 1]]`` (self-loops left out; a multiple tie lists a neighbour again,
    which changes no distance)."""

    ptr: np.ndarray
    neighbours: np.ndarray

    @classmethod
    def of(cls, g: ig.Graph) -> "HopAdjacency":
        n = g.vcount()
        edges = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
        edges = edges[edges[:, 0] != edges[:, 1]]
        # In CSR order: each actor's neighbours together, actors in index order.
        rows = np.concatenate([edges[:, 0], edges[:, 1]])
        order = np.argsort(rows, kind="stable")
        neighbours = np.ascontiguousarray(np.concatenate([edges[:, 1], edges[:, 0]])[order])
        ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=ptr[1:])
        return cls(ptr, neighbours)


def pairs_by_distance(g: ig.Graph) -> dict[int, int]:
    """Unordered pairs of distinct actors per hop distance ``d >= 1`` (unreachable pairs left out).

    The counts of :meth:`igraph.Graph.path_length_hist` (``directed=False``): :func:`pair_counts`
    of the graph's :class:`HopAdjacency`. Self-loops and multiple ties change nothing.
    """
    return pair_counts(HopAdjacency.of(g))


def pair_counts(adjacency: HopAdjacency, without: int | None = None) -> dict[int, int]:
    """Unordered pairs of distinct actors per hop distance ``d >= 1`` of the graph ``adjacency`` holds, with the
    actor ``without`` (an index) removed with its ties if given: the counts of that induced subgraph, read off
    the whole graph's arrays (the key players evaluate one removal after another on one network).

    One compiled multi-source breadth-first search (:func:`._hop_counts.ordered_pairs_per_hop`,
    which describes it), the sources in blocks whose bit matrices hold at most ``_BLOCK_WORDS``
    words each. Cost ``O(D m n / 64)`` word operations for diameter ``D``.
    """
    # Taken here, as every compiled kernel is: importing the analysis must not import numba.
    from ._compiled import kernel

    ordered_pairs_per_hop = kernel("ordered_pairs_per_hop")

    n = len(adjacency.ptr) - 1
    if without is not None and not 0 <= without < n:
        raise ValueError(f"actor index {without} is not in the network (0 .. {n - 1})")
    counts = ordered_pairs_per_hop(adjacency.ptr, adjacency.neighbours, max(1, _BLOCK_WORDS // max(1, n)),
                                   -1 if without is None else without)
    # Each unordered pair once from either end.
    return {d: int(count) // 2 for d, count in enumerate(counts.tolist()) if d >= 1 and count}


def distance_fragmentation_exact(g: ig.Graph) -> Fraction:
    """:func:`distance_fragmentation` as an exact fraction."""
    n = g.vcount()
    if n < 2:
        _check_undirected(g)
        return Fraction(0)
    return 1 - harmonic_pair_sum(g) / _pairs(n)


def fragmentation(g: ig.Graph) -> float:
    """Borgatti's fragmentation ``F``: share of pairs of actors that cannot reach each other.

    Parameters
    ----------
    g : igraph.Graph
        Undirected tie network; weights, multi-edges and self-loops play no role.

    Returns
    -------
    float
        ``1 - sum_k s_k (s_k - 1) / (n (n - 1))`` over component sizes ``s_k``;
        0 for fewer than two actors.

    Raises
    ------
    ValueError
        If ``g`` is directed.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. *Computational and Mathematical Organization Theory*, 12, 21-34.
    """
    return float(fragmentation_exact(g))


def distance_fragmentation(g: ig.Graph) -> float:
    """Borgatti's distance-weighted fragmentation ``DF`` on hop distances.

    Parameters
    ----------
    g : igraph.Graph
        Undirected tie network; distances are hop counts (edge weights are ignored
        on purpose, see the module docstring).

    Returns
    -------
    float
        ``1 - sum_{i != j} (1 / d_ij) / (n (n - 1))`` with ``1 / d_ij = 0`` for
        unreachable pairs; 0 for fewer than two actors.

    Raises
    ------
    ValueError
        If ``g`` is directed.

    Notes
    -----
    Cost: one all-pairs breadth-first search, ``O(n (n + m))``, in igraph's C core.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. *Computational and Mathematical Organization Theory*, 12, 21-34.
    """
    return float(distance_fragmentation_exact(g))


def _before_main(sizes: Sequence[int]) -> set[int]:
    """Main component(s) before a change: every component of the largest size."""
    largest = max(sizes, default=0)
    return {c for c, size in enumerate(sizes) if size == largest}


def _after_main(sizes: Sequence[int], former: Sequence[int]) -> set[int]:
    """Main component after a change: largest, then most former members; empty when still tied."""
    best = max(zip(sizes, former), default=None)
    tied = [c for c, key in enumerate(zip(sizes, former)) if key == best]
    return set(tied) if len(tied) == 1 else set()


def main_component(g: ig.Graph) -> tuple[int, ...]:
    """The vertices of the main component: the largest (all equally largest ones together).

    Parameters
    ----------
    g : igraph.Graph
        Undirected tie network.

    Returns
    -------
    tuple of int
        Vertex indices sorted by actor key; empty for an empty graph.
    """
    _check_undirected(g)
    if g.vcount() == 0:
        return ()
    ranks = key_ranks(g)
    comps = g.connected_components()
    main = _before_main(comps.sizes())
    return tuple(sorted((v for v, c in enumerate(comps.membership) if c in main), key=ranks.__getitem__))


def _connected_group_pairs(membership: Sequence[int], groups: Sequence[str]) -> set[tuple[str, str]]:
    present: dict[int, set[str]] = {}
    for c, grp in zip(membership, groups):
        if grp in KEY_GROUPS:
            present.setdefault(c, set()).add(grp)
    pairs = set()
    for gs in present.values():
        pairs.update((a, b) for a, b in combinations(KEY_GROUPS, 2) if a in gs and b in gs)
    return pairs


def _index(v, n: int) -> int:
    if not isinstance(v, numbers.Integral) or isinstance(v, bool) or not 0 <= v < n:
        raise ValueError(f"vertex index {v!r} is not in the network of {n} actors")
    return int(v)


def removal_effect(ties: ig.Graph, groups: Sequence[str], removed: Iterable[int],
                   added_edges: Iterable[tuple[int, int]] = ()) -> RemovalEffect:
    """Compare the tie network before and after removing actors and adding ties.

    Parameters
    ----------
    ties : igraph.Graph
        Undirected tie network (``TieNetwork.ties``); the vertex attribute
        ``name`` (actor id) orders the output.
    groups : sequence of str
        Group key (``vocab.GROUPS``) per vertex, in vertex order.
    removed : iterable of int
        Vertex indices of the actors that leave; they are not in the network after.
    added_edges : iterable of (int, int)
        Ties present only after (for example new relation rows), as pairs of
        vertex indices of actors that stay.  Self-loops and ties already there
        change nothing.

    Returns
    -------
    RemovalEffect
        ``F`` and ``DF`` before and after, who is cut off from the main
        component, and which pairs of key groups lose (or gain) their last
        connection; see the module docstring for the definitions.

    Raises
    ------
    ValueError
        If ``ties`` is directed, ``groups`` has the wrong length, an index is
        out of range, or an added tie touches a removed actor.

    Notes
    -----
    Cost: two all-pairs breadth-first searches (``DF`` before and after),
    ``O(n (n + m))`` each, plus linear work.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. *Computational and Mathematical Organization Theory*, 12, 21-34.
    """
    _check_undirected(ties)
    n = ties.vcount()
    if len(groups) != n:
        raise ValueError(f"groups has {len(groups)} entries for {n} vertices")
    gone = {_index(v, n) for v in removed}
    added = []
    for e in added_edges:
        s, t = e
        added.append((_index(s, n), _index(t, n)))
    for s, t in added:
        if s in gone or t in gone:
            raise ValueError(f"added tie ({s}, {t}) touches a removed actor")

    ranks = key_ranks(ties)
    keep = sorted(set(range(n)) - gone)
    position = {v: i for i, v in enumerate(keep)}
    after = ties.induced_subgraph(keep, implementation="create_from_scratch")
    after.add_edges([(position[s], position[t]) for s, t in added])

    before_comps = ties.connected_components()
    main_b = _before_main(before_comps.sizes())
    in_main_before = [c in main_b for c in before_comps.membership]
    # former main-component members per component after: the main-after tie-break and "lost a path"
    after_comps = after.connected_components()
    after_memb = after_comps.membership
    former = [0] * len(after_comps)
    for i, v in enumerate(keep):
        if in_main_before[v]:
            former[after_memb[i]] += 1
    main_a = _after_main(after_comps.sizes(), former)
    # an actor of a former main component reached all of it; it lost a path unless its
    # component after still holds every remaining member of that former component
    before_memb = before_comps.membership
    remaining: dict[int, int] = {}
    together: dict[tuple[int, int], int] = {}
    for i, v in enumerate(keep):
        remaining[before_memb[v]] = remaining.get(before_memb[v], 0) + 1
        together[before_memb[v], after_memb[i]] = together.get((before_memb[v], after_memb[i]), 0) + 1

    cut_off, joined = [], []
    for i, v in enumerate(keep):
        c = after_memb[i]
        if in_main_before[v] and c not in main_a and together[before_memb[v], c] < remaining[before_memb[v]]:
            cut_off.append(v)
        elif not in_main_before[v] and c in main_a:
            joined.append(v)

    # the components before that still hold a member of the main component after
    holds_main = {before_memb[v] for i, v in enumerate(keep) if after_memb[i] in main_a}
    apart = [v for v in cut_off if before_memb[v] not in holds_main]
    sizes_after = after_comps.sizes()
    largest_after = max(sizes_after, default=0)

    pairs_before = _connected_group_pairs(before_comps.membership, groups)
    pairs_after = _connected_group_pairs(after_memb, [groups[v] for v in keep])
    order = {p: i for i, p in enumerate(combinations(KEY_GROUPS, 2))}
    by_rank = ranks.__getitem__
    return RemovalEffect(
        removed=tuple(sorted(gone, key=by_rank)),
        n_before=n,
        n_after=len(keep),
        f_before=fragmentation(ties),
        f_after=fragmentation(after),
        df_before=distance_fragmentation(ties),
        df_after=distance_fragmentation(after),
        main_before=max(before_comps.sizes(), default=0),
        main_after=sum(after_comps.sizes()[c] for c in main_a),
        cut_off=tuple(sorted(cut_off, key=by_rank)),
        joined_main=tuple(sorted(joined, key=by_rank)),
        lost_group_pairs=tuple(sorted(pairs_before - pairs_after, key=order.__getitem__)),
        gained_group_pairs=tuple(sorted(pairs_after - pairs_before, key=order.__getitem__)),
        largest_after=largest_after,
        largest_parts_after=sum(1 for size in sizes_after if size == largest_after),
        apart=tuple(sorted(apart, key=by_rank)),
        largest_parts_before=len(main_b),
    )
