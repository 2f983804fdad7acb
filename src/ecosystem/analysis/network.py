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


def build_network(region: Region, layer: str | None = None) -> TieNetwork:
    """Build the tie network of ``region``, optionally restricted to one relation type.

    Vectorised: relations become arrays once, and ties, arcs and their summed weights are
    grouped with numpy (one ``unique`` per graph), so the bootstrap's many rebuilds stay cheap.
    """
    ids = tuple(a.id for a in region.actors)
    n = len(ids)
    index = {aid: i for i, aid in enumerate(ids)}
    relations = [r for r in region.relations if layer is None or r.type == layer]
    kinds = list(RELATION_TYPES)
    src = np.fromiter((index[r.source] for r in relations), dtype=np.int64, count=len(relations))
    dst = np.fromiter((index[r.target] for r in relations), dtype=np.int64, count=len(relations))
    weight = np.fromiter((r.weight for r in relations), dtype=float, count=len(relations))
    kind = np.fromiter((kinds.index(r.type) for r in relations), dtype=np.int64, count=len(relations))
    directed = np.array([RELATION_TYPES[k].directed for k in kinds])[kind] if len(relations) else np.zeros(0, bool)

    lo, hi = np.minimum(src, dst), np.maximum(src, dst)
    pairs, pair_of, weights = _grouped(lo, hi, weight, n)
    # Relation types per tie: one bit per type, OR-ed over the tie's relations.
    bits = np.zeros(len(pairs), dtype=np.int64)
    np.bitwise_or.at(bits, pair_of, 1 << kind)
    # A network has a handful of distinct type combinations: spell each out once, not once per tie.
    spelled: dict[int, tuple[str, ...]] = {}
    names = [spelled.get(mask) or spelled.setdefault(mask, tuple(sorted(k for b, k in enumerate(kinds) if mask >> b & 1)))
             for mask in bits.tolist()]
    tie_graph = ig.Graph(n=n, edges=pairs.tolist(), directed=False)
    tie_graph.es["weight"] = weights.tolist()
    tie_graph.es["distance"] = (1.0 / weights).tolist()
    tie_graph.es["types"] = names
    # How many relation rows each tie carries: a pair may have several (funding and governance, say).
    tie_graph.es["relations"] = np.bincount(pair_of, minlength=len(pairs)).tolist()
    tie_graph.vs["name"] = list(ids)

    # Arcs: directed relations one way, governance and collaboration both ways.
    arc_src = np.concatenate([src, dst[~directed]])
    arc_dst = np.concatenate([dst, src[~directed]])
    arc_w = np.concatenate([weight, weight[~directed]])
    return TieNetwork(ids, tuple(a.group for a in region.actors), tie_graph,
                      _digraph(n, arc_src, arc_dst, arc_w, ids),
                      _digraph(n, src[directed], dst[directed], weight[directed], ids), layer)


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


def _digraph(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, ids: tuple[str, ...]) -> ig.Graph:
    pairs, _, weights = _grouped(src, dst, w, n)
    graph = ig.Graph(n=n, edges=pairs.tolist(), directed=True)
    graph.es["weight"] = weights.tolist()
    graph.vs["name"] = list(ids)
    return graph


def layer_relations(relations: tuple[Relation, ...]) -> list[str]:
    """Relation types present in the data, in vocabulary order."""
    present = {r.type for r in relations}
    return [t for t in RELATION_TYPES if t in present]
