"""The tie network: actors as vertices, one tie per linked pair, strength = summed weights.

Two graphs are built from the relations. The undirected *tie network* carries
every relation between a pair as one tie with ``weight`` (the sum of the
relation weights) and ``distance`` = 1 / weight for path-based measures: a
strong tie is a short path. The directed *arc network* keeps the direction of
funding, delivery, representation, referral and advice relations; governance
and collaboration relations count in both directions. Both are igraph graphs
so the heavy metrics run in igraph's C core.
"""
from __future__ import annotations

from dataclasses import dataclass

import igraph as ig
import numpy as np

from ..model import Region, Relation
from ..vocab import RELATION_TYPES


@dataclass(frozen=True)
class TieNetwork:
    ids: tuple[str, ...]            # vertex order = actor order in the data
    groups: tuple[str, ...]
    ties: ig.Graph                  # undirected, simple; edge attrs: weight, distance, types
    arcs: ig.Graph                  # directed, simple; edge attr: weight
    directed_arcs: ig.Graph         # only relations of directed types (for in/out degree)
    layer: str | None = None        # relation type this network is restricted to, or None for all

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def density(self) -> float | None:
        """Ties over possible pairs, ``2m / (n (n - 1))``; None with fewer than two actors."""
        return 2 * self.ties.ecount() / (self.n * (self.n - 1)) if self.n > 1 else None


# Relation type -> its RelationArrays.kind code (its index in vocab.RELATION_TYPES).
KIND = {k: i for i, k in enumerate(RELATION_TYPES)}


def tie_lengths(weights: np.ndarray) -> np.ndarray:
    """The path measures' length of ties of strength ``weights``: 1 / strength (a strong tie is short)."""
    return 1.0 / weights


@dataclass(frozen=True)
class RelationArrays:
    """A region's relations as arrays over actor indices, in row order.

    Made once per region (:func:`relation_arrays`); the bootstrap's resamples take subsets of
    them (:meth:`subset`) instead of rebuilding relation objects and id lookups per sample.
    """

    ids: tuple[str, ...]            # actors, in the region's order
    groups: tuple[str, ...]
    src: np.ndarray                 # int64: actor index of each relation's source
    dst: np.ndarray                 # int64: actor index of each relation's target
    weight: np.ndarray              # float
    kind: np.ndarray                # int64: index of the relation type in vocab.RELATION_TYPES

    @property
    def n(self) -> int:
        return len(self.ids)

    def of_type(self, name: str) -> np.ndarray:
        """Per relation: of type ``name`` (all False for a type outside vocab.RELATION_TYPES)."""
        return self.kind == KIND[name] if name in KIND else np.zeros(len(self.kind), dtype=bool)

    def subset(self, relations: np.ndarray | None = None, actors: np.ndarray | None = None) -> "RelationArrays":
        """The relations where ``relations`` (bool per relation) holds, among the actors where ``actors``
        (bool per actor) holds; a relation with a dropped actor goes too. Row and actor order are kept."""
        keep = np.ones(len(self.src), dtype=bool) if relations is None else np.asarray(relations, dtype=bool)
        if actors is None:
            return RelationArrays(self.ids, self.groups, self.src[keep], self.dst[keep], self.weight[keep],
                                  self.kind[keep])
        actors = np.asarray(actors, dtype=bool)
        keep = keep & actors[self.src] & actors[self.dst]
        new_index = np.cumsum(actors) - 1
        return RelationArrays(tuple(a for a, k in zip(self.ids, actors.tolist()) if k),
                              tuple(g for g, k in zip(self.groups, actors.tolist()) if k),
                              new_index[self.src[keep]], new_index[self.dst[keep]], self.weight[keep],
                              self.kind[keep])


def relation_arrays(region: Region) -> RelationArrays:
    """``region``'s relations as :class:`RelationArrays`."""
    ids = tuple(a.id for a in region.actors)
    index = {aid: i for i, aid in enumerate(ids)}
    relations = region.relations
    count = len(relations)
    return RelationArrays(
        ids, tuple(a.group for a in region.actors),
        np.fromiter((index[r.source] for r in relations), dtype=np.int64, count=count),
        np.fromiter((index[r.target] for r in relations), dtype=np.int64, count=count),
        np.fromiter((r.weight for r in relations), dtype=float, count=count),
        np.fromiter((KIND[r.type] for r in relations), dtype=np.int64, count=count))


def build_network(region: Region, layer: str | None = None) -> TieNetwork:
    """Build the tie network of ``region``, optionally restricted to one relation type.

    Vectorised: relations become arrays once (:func:`relation_arrays`), and ties, arcs and their
    summed weights are grouped with numpy (one ``unique`` per graph).
    """
    arrays = relation_arrays(region)
    return network_of(arrays, layer) if layer is None else layer_network(arrays, layer)


def layer_network(arrays: RelationArrays, layer: str) -> TieNetwork:
    """The tie network of the relations of type ``layer`` in ``arrays`` (``build_network(region, layer)``)."""
    return network_of(arrays.subset(relations=arrays.of_type(layer)), layer)


def network_of(arrays: RelationArrays, layer: str | None = None) -> TieNetwork:
    """The tie network of the relations in ``arrays`` (see :func:`build_network`)."""
    src, dst, weight = arrays.src, arrays.dst, arrays.weight
    directed = _DIRECTED[arrays.kind]
    ids, n = arrays.ids, arrays.n
    rows, arc_src, arc_dst = arc_rows(arrays)
    return TieNetwork(ids, arrays.groups, tie_graph(arrays),
                      _digraph(n, arc_src, arc_dst, weight[rows], ids),
                      _digraph(n, src[directed], dst[directed], weight[directed], ids), layer)


def arc_rows(arrays: RelationArrays) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The arcs of the relations in ``arrays`` (``TieNetwork.arcs`` before merging): each arc's relation,
    source and target. Directed relation types give one arc, governance and collaboration both ways:
    every relation source -> target, then the undirected ones target -> source."""
    undirected = np.flatnonzero(~_DIRECTED[arrays.kind])
    rows = np.concatenate([np.arange(len(arrays.src)), undirected])
    return rows, np.concatenate([arrays.src, arrays.dst[undirected]]), np.concatenate([arrays.dst, arrays.src[undirected]])


def tie_graph(arrays: RelationArrays) -> ig.Graph:
    """The undirected tie network of the relations in ``arrays`` (``TieNetwork.ties``), without the arcs.

    One tie per linked pair; edge attributes ``weight`` (summed relation weights), ``distance``
    (1 / weight), ``types`` (the relation types on the tie) and ``relations`` (its relation rows).
    """
    kinds = list(RELATION_TYPES)
    n, kind = arrays.n, arrays.kind
    pairs, pair_of, weights = tie_pairs(arrays)
    # Relation types per tie: one bit per type, OR-ed over the tie's relations.
    bits = np.zeros(len(pairs), dtype=np.int64)
    np.bitwise_or.at(bits, pair_of, 1 << kind)
    # A network has a handful of distinct type combinations: spell each out once, not once per tie.
    spelled: dict[int, tuple[str, ...]] = {}
    names = [spelled.get(mask) or spelled.setdefault(mask, tuple(sorted(k for b, k in enumerate(kinds) if mask >> b & 1)))
             for mask in bits.tolist()]
    graph = ig.Graph(n=n, edges=_edge_list(pairs), directed=False)
    graph.es["weight"] = weights.tolist()
    graph.es["distance"] = tie_lengths(weights).tolist()
    graph.es["types"] = names
    # How many relation rows each tie carries: a pair may have several (funding and governance, say).
    graph.es["relations"] = np.bincount(pair_of, minlength=len(pairs)).tolist()
    graph.vs["name"] = list(arrays.ids)
    return graph


def tie_pairs(arrays: RelationArrays) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ties of the relations in ``arrays``: the linked pairs, each relation's tie and the summed weights.

    Returns ``pairs`` (an (m, 2) array of (lower, higher) actor index, sorted), the index of
    each relation's pair and each pair's summed weight (added in row order).
    """
    lo, hi = np.minimum(arrays.src, arrays.dst), np.maximum(arrays.src, arrays.dst)
    return _grouped(lo, hi, arrays.weight, arrays.n)


@dataclass(frozen=True)
class TieIndex:
    """The ties of a region's relations, found once, so that the ties of any subset of its rows
    (and actors) are read off without sorting again (the bootstrap's resamples, thousands per region).

    A subset's ties are the region's ties that keep at least one row, in the same order:
    pairs are sorted by (lower, higher) actor index, and dropping actors renumbers the rest
    in order, which keeps that order. Their weights are summed in row order, as :func:`tie_pairs` sums them.

    The same holds for the two orders in which the compiled searches read a tie from either end
    (``by_first``, ``by_ends``): sorted once for the region, a subset's ends are the region's ends
    of the ties it keeps, in the same order (:meth:`ends`).
    """

    pairs: np.ndarray        # (m, 2) int64: the region's ties, as tie_pairs gives them
    tie_of: np.ndarray       # int64 per relation: its tie
    # Each tie from either end, as (tie, end, other end): every tie's lower end first, then every
    # tie's higher end, stably sorted by the end (the core/periphery searches' adjacency order,
    # core_periphery._edges._Edges.adjacency) ...
    by_first: tuple[np.ndarray, np.ndarray, np.ndarray]
    # ... and sorted by (end, other end) (the path search's, _incidence.incidence_arrays).
    by_ends: tuple[np.ndarray, np.ndarray, np.ndarray]

    @classmethod
    def of(cls, arrays: RelationArrays) -> "TieIndex":
        pairs, tie_of, _ = tie_pairs(arrays)
        tie = np.concatenate([np.arange(len(pairs)), np.arange(len(pairs))])
        end = np.concatenate([pairs[:, 0], pairs[:, 1]])
        other = np.concatenate([pairs[:, 1], pairs[:, 0]])
        first, ends = np.argsort(end, kind="stable"), np.lexsort((other, end))
        return cls(pairs, tie_of, (tie[first], end[first], other[first]), (tie[ends], end[ends], other[ends]))

    def subset(self, relations: np.ndarray, weight: np.ndarray,
               new_index: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``tie_pairs`` of the rows where ``relations`` (bool per row) holds, whose weights are ``weight``
        (one per kept row); with ``new_index`` (per actor: its index among the kept actors) the pairs are
        renumbered. Returns the pairs, each kept row's tie and the summed weights, plus which of the
        region's ties are present (bool per tie) as a fourth value."""
        rows = self.tie_of[relations]
        present = np.zeros(len(self.pairs), dtype=bool)
        present[rows] = True
        renumber = np.cumsum(present) - 1
        pair_of = renumber[rows]
        # bincount adds each row's weight to its tie in row order, as _grouped's np.add.at does.
        sums = np.bincount(pair_of, weight, int(renumber[-1]) + 1 if len(renumber) else 0)
        pairs = self.pairs[present]
        return (pairs if new_index is None else new_index[pairs]), pair_of, sums, present

    @staticmethod
    def ends(order: tuple[np.ndarray, np.ndarray, np.ndarray], ties: np.ndarray,
             new_index: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The entries of ``order`` (``by_first`` or ``by_ends``) of the ties where ``ties`` (bool per
        region tie) holds, in that order: (tie, end, other end), the ends renumbered by ``new_index``."""
        tie, end, other = order
        keep = ties[tie]
        end, other = end[keep], other[keep]
        if new_index is not None:
            end, other = new_index[end], new_index[other]
        return tie[keep], end, other


_DIRECTED = np.array([RELATION_TYPES[k].directed for k in RELATION_TYPES], dtype=bool)


@dataclass(frozen=True)
class TieCount:
    """How many relation rows, ties (linked pairs) and ties carrying several rows a network has.

    The three numbers the sentence "52 relations between 51 pairs (51 ties): 1 pair has more
    than one relation" states, kept together so every output says it from the same facts.
    """

    relations: int
    ties: int
    several: int        # ties carrying more than one relation row (see pairs_with_several_relations)


def pairs_with_several_relations(network: TieNetwork) -> int:
    """The number of ties (linked pairs) that carry more than one relation row.

    The counts of relations and ties differ exactly by the extra rows on these pairs,
    which is what a reader comparing "52 relations" with "51 ties" needs to be told.
    """
    if network.ties.ecount() == 0:
        return 0
    return int(sum(1 for k in network.ties.es["relations"] if k > 1))


def _grouped(a: np.ndarray, b: np.ndarray, w: np.ndarray, n: int):
    """Distinct (a, b) pairs in sorted order, each row's pair index, and the summed ``w`` per pair."""
    keys = a * max(n, 1) + b
    unique, pair_of = np.unique(keys, return_inverse=True)
    sums = np.zeros(len(unique))
    np.add.at(sums, pair_of, w)     # in row order, as the sequential sum it replaces
    return np.column_stack([unique // max(n, 1), unique % max(n, 1)]), pair_of, sums


def _edge_list(pairs: np.ndarray) -> list[tuple[int, int]]:
    """The rows of an (m, 2) array as a list of pairs for igraph (zip of two flat lists: a few times
    faster than ``pairs.tolist()``'s list of lists, which the bootstrap's rebuilds feel)."""
    return list(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist()))


def _digraph(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, ids: tuple[str, ...]) -> ig.Graph:
    pairs, _, weights = _grouped(src, dst, w, n)
    graph = ig.Graph(n=n, edges=_edge_list(pairs), directed=True)
    graph.es["weight"] = weights.tolist()
    graph.vs["name"] = list(ids)
    return graph


def layer_relations(relations: tuple[Relation, ...]) -> list[str]:
    """Relation types present in the data, in vocabulary order."""
    present = {r.type for r in relations}
    return [t for t in RELATION_TYPES if t in present]
