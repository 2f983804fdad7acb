"""Gould & Fernandez (1989) brokerage roles.

Roles (:func:`gould_fernandez`) on a directed graph with a group partition.  A vertex ``v`` brokers an *open
two-path* ``a -> v -> b`` (``a != b``, both different from ``v``, and no arc
``a -> b``).  Each such two-path is classified by the groups of ``a``, ``v``
and ``b`` into one of five roles (UCINET's naming; see :data:`ROLES`):

==============  ==========================  ===============================
role            groups                      reading
==============  ==========================  ===============================
coordinator     g(a) = g(v) = g(b)          mediates inside its own group
itinerant       g(a) = g(b) != g(v)         outsider mediating for a group
                                            (a.k.a. consultant, cosmopolitan)
gatekeeper      g(a) != g(v) = g(b)         lets outsiders *into* its group
representative  g(a) = g(v) != g(b)         passes its group's flow *out*
liaison         all three groups differ     links two groups it is not in
==============  ==========================  ===============================

Raw counts, counts expected under random assignment of the group labels,
and their ratio are returned; :func:`cross_group_pairs` lists, for one
vertex, which pairs of different groups it links (for plain-language
explanations).

Burt's structural holes, the other measure of how an actor sits between others,
are in :mod:`ecosystem.analysis.burt`. All computations are numpy-only; work is
proportional to the number of two-paths (``sum_v indeg(v) * outdeg(v)``),
processed in bounded-memory chunks (:mod:`ecosystem.analysis._two_paths`).

References
----------
.. [1] Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: A
   formal approach to brokerage in transaction networks. *Sociological
   Methodology*, 19, 89-126. https://doi.org/10.2307/270949
.. [2] Borgatti, S. P., Everett, M. G., & Freeman, L. C. (2002). *UCINET for
   Windows: Software for Social Network Analysis* (Network > Ego Networks >
   Brokerage). Harvard, MA: Analytic Technologies.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import igraph
import numpy as np

from ._two_paths import _csr, _edge_array, _lookup, _two_paths
from .groups import appearance_codes

__all__ = ["ROLES", "Brokerage", "gould_fernandez", "cross_group_pairs", "CROSS_GROUP_ROLES",
           "cross_group_brokerage"]

ROLES: tuple[str, ...] = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")
# Roles whose two-path links actors of different groups (all but the coordinator).
CROSS_GROUP_ROLES: tuple[str, ...] = ("itinerant", "gatekeeper", "representative", "liaison")

#: Default upper bound on the number of (in-neighbour, out-neighbour) pairs
#: :func:`gould_fernandez` will examine (~10 s of work at the measured rate).
DEFAULT_MAX_PAIRS = 100_000_000

# role index from (same(a,v) + 2*same(v,b) + 4*same(a,b)); impossible codes -> 0 (never hit)
_ROLE_OF_CODE = np.array([4, 3, 2, 0, 1, 0, 0, 0], dtype=np.int64)


@dataclass(frozen=True, eq=False)
class Brokerage:
    """Gould-Fernandez brokerage scores, one array entry per vertex (graph order).

    Attributes
    ----------
    raw : dict[str, numpy.ndarray]
        Role -> number of open two-paths the vertex brokers in that role (int).
    expected : dict[str, numpy.ndarray]
        Role -> count expected if group labels were assigned at random with
        the observed group sizes, given the vertex's own group and its total
        (float); see :func:`gould_fernandez` for the formula.
    standardised : dict[str, numpy.ndarray]
        Role -> ``raw / expected``; ``NaN`` where ``expected == 0`` (the vertex
        brokers nothing, or the role is impossible for it, e.g. coordinator in
        a group of fewer than 3 vertices).  1 means "as often as chance", >1
        more often.
    total : numpy.ndarray
        Open two-paths brokered per vertex (sum of ``raw`` over roles).

    Arrays are read-only.
    """

    raw: dict[str, np.ndarray]
    expected: dict[str, np.ndarray]
    standardised: dict[str, np.ndarray]
    total: np.ndarray


# --------------------------------------------------------------------------- helpers


def _factorize(groups: Sequence[Hashable], n: int) -> tuple[np.ndarray, list]:
    if isinstance(groups, (str, bytes)):
        raise ValueError("groups must be a sequence with one group label per vertex, not a string")
    labels = list(groups)
    if len(labels) != n:
        raise ValueError(
            f"groups has {len(labels)} labels but the graph has {n} vertices; "
            "give exactly one group label per vertex, in vertex order"
        )
    return appearance_codes(labels), labels


def _check_directed(graph: igraph.Graph, func: str) -> None:
    if not graph.is_directed():
        raise ValueError(
            f"{func} needs a directed graph (brokerage is defined on arcs a -> v -> b); "
            "got an undirected graph. Use Graph.as_directed() if every tie runs both ways."
        )

# --------------------------------------------------------------------------- Gould-Fernandez


def gould_fernandez(
    graph: igraph.Graph,
    groups: Sequence[str],
    *,
    max_pairs: int | None = DEFAULT_MAX_PAIRS,
) -> Brokerage:
    r"""Gould-Fernandez brokerage role counts, expected counts and ratios.

    For every vertex ``v``, count the open two-paths ``a -> v -> b`` with
    ``a != b``, ``a, b != v`` and **no arc** ``a -> b`` (an arc ``b -> a`` does
    not close it), and classify each by the groups of ``a``, ``v``, ``b``:

    * coordinator: ``g(a) = g(v) = g(b)``
    * itinerant (consultant): ``g(a) = g(b) != g(v)``
    * gatekeeper: ``g(a) != g(v) = g(b)`` -- ``v`` is in the *receiving* group
      and lets an outsider's flow in (UCINET convention)
    * representative: ``g(a) = g(v) != g(b)`` -- ``v`` is in the *sending*
      group and passes its group's flow out (UCINET convention)
    * liaison: ``g(a)``, ``g(v)``, ``g(b)`` all different

    Parallel arcs count once; self-loops are ignored.

    Parameters
    ----------
    graph : igraph.Graph
        Directed graph.
    groups : sequence of hashable
        One group label per vertex, in vertex order.
    max_pairs : int or None, optional
        Refuse (``ValueError``) if the number of (in-neighbour,
        out-neighbour) pairs to examine, ``sum_v indeg(v) * outdeg(v)``,
        exceeds this; ``None`` disables the guard.  Work and time are linear
        in that number (measured ~10 M pairs/s); memory is bounded by
        chunking.  Sparse graphs of 10,000 vertices / 100,000 arcs have a few
        hundred thousand pairs, but one hub with 5,000 in- and 5,000
        out-neighbours alone has 25 M.

    Returns
    -------
    Brokerage
        ``raw``, ``expected``, ``standardised`` (= raw / expected, NaN where
        expected is 0) per role, and ``total``.

    Raises
    ------
    ValueError
        If the graph is undirected, ``groups`` has the wrong length, or the
        pair count exceeds ``max_pairs``.

    Notes
    -----
    Expected counts follow Gould & Fernandez's null model: keep the group
    sizes, assign the labels to the vertices at random, and condition on
    ``v``'s own group ``g`` and its number ``t_v`` of open two-paths.  The
    endpoints ``(a, b)`` of a two-path are then an ordered pair of distinct
    vertices drawn without replacement from the other ``N - 1`` vertices, of
    which ``n_g - 1`` are in ``g`` and ``n_h`` in each other group ``h``.
    With ``D = (N - 1)(N - 2)``:

    .. math::

        E[\text{coordinator}]    &= t_v (n_g-1)(n_g-2) / D \\
        E[\text{itinerant}]      &= t_v \textstyle\sum_{h\ne g} n_h(n_h-1) / D \\
        E[\text{gatekeeper}]     &= t_v (N-n_g)(n_g-1) / D \\
        E[\text{representative}] &= t_v (n_g-1)(N-n_g) / D \\
        E[\text{liaison}]        &= t_v \textstyle\sum_{h\ne g} n_h(N-n_g-n_h) / D
                                  = t_v [(N-n_g)^2 - \sum_{h\ne g} n_h^2] / D

    The five probabilities sum to 1, so the expected counts sum to ``t_v``.
    Groups of size 1 or 2 simply get probability 0 for the roles they cannot
    play (e.g. coordinator needs ``n_g >= 3``); for ``N < 3`` no two-path can
    exist and all expectations are 0.  The standardised score is the ratio
    ``raw / expected`` (UCINET's "relative" brokerage), ``NaN`` where the
    expectation is 0.  No z-score is reported: the two-paths of a vertex are
    not independent draws, so a binomial variance would overstate
    significance.

    References
    ----------
    .. [1] Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation:
       A formal approach to brokerage in transaction networks. *Sociological
       Methodology*, 19, 89-126.
    .. [2] Borgatti, S. P., Everett, M. G., & Freeman, L. C. (2002). *UCINET
       for Windows*. Analytic Technologies (Brokerage routine).
    """
    _check_directed(graph, "gould_fernandez")
    n = graph.vcount()
    gcode, _ = _factorize(groups, n)

    el = _edge_array(graph)
    el = el[el[:, 0] != el[:, 1]]
    counts = role_counts(np.unique(el[:, 0] * n + el[:, 1]), n, gcode, max_pairs)

    total = counts.sum(axis=1)
    probs = _role_probabilities(gcode, n)  # (n, 5)
    expected = total[:, None] * probs
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(expected > 0, counts / np.where(expected > 0, expected, 1.0), np.nan)

    def _ro(x: np.ndarray) -> np.ndarray:
        x = np.ascontiguousarray(x)
        x.setflags(write=False)
        return x

    return Brokerage(
        raw={r: _ro(counts[:, i]) for i, r in enumerate(ROLES)},
        expected={r: _ro(expected[:, i]) for i, r in enumerate(ROLES)},
        standardised={r: _ro(ratio[:, i]) for i, r in enumerate(ROLES)},
        total=_ro(total),
    )


def role_counts(codes: np.ndarray, n: int, gcode: np.ndarray, max_pairs: int | None = DEFAULT_MAX_PAIRS) -> np.ndarray:
    """The raw counts of :func:`gould_fernandez`: open two-paths per vertex and role, shape (n, 5).

    ``codes`` are the arcs ``s * n + t`` without loops, sorted and distinct; ``gcode`` one
    integer group code per vertex (only equal or not matters). The bootstrap's resamples call
    this directly with arcs they read off without a graph and only the counts used.
    """
    src, dst, ptr = _csr(codes, n)

    outdeg = np.diff(ptr)
    n_pairs = int(outdeg[dst].sum())  # = sum_v indeg(v) * outdeg(v)
    if max_pairs is not None and n_pairs > max_pairs:
        raise ValueError(
            f"gould_fernandez would examine {n_pairs:,} in/out-neighbour pairs, more than "
            f"max_pairs={max_pairs:,}; pass a larger max_pairs (or None) to run it anyway"
        )

    counts = np.zeros(n * len(ROLES), dtype=np.int64)
    for _, _, _, closed, slot in _classified(codes, n, gcode, src, dst, ptr):
        counts += np.bincount(slot[~closed], minlength=counts.size)
    return counts.reshape(n, len(ROLES))


def _classified(codes: np.ndarray, n: int, gcode: np.ndarray, src: np.ndarray, dst: np.ndarray, ptr: np.ndarray):
    """Every two-path ``a -> v -> b`` (``a != b``) of the arcs ``codes`` (:func:`_csr`: ``src``, ``dst``,
    ``ptr``), in chunks: its arcs a -> v and v -> b, the index of the arc a -> b and whether there is
    one (closed), and ``v * len(ROLES) + role``."""
    for arc, pos in _two_paths(dst, ptr):  # arc: a -> v ; pos: v -> b
        keep = src[arc] != dst[pos]
        arc, pos = arc[keep], pos[keep]
        a, v, b = src[arc], dst[arc], dst[pos]
        at, closed = _lookup(codes, a * n + b)
        ga, gv, gb = gcode[a], gcode[v], gcode[b]
        yield arc, pos, at, closed, v * len(ROLES) + _ROLE_OF_CODE[(ga == gv) + 2 * (gv == gb) + 4 * (ga == gb)]


@dataclass(frozen=True, eq=False)
class TwoPaths:
    """Every two-path ``a -> v -> b`` (``a != b``) of a set of arcs, classified once, so that the
    :func:`role_counts` of any subset of the arcs are a mask and a count (the bootstrap's resamples).

    A subset's open two-paths are those whose two arcs it keeps and whose closing arc
    ``a -> b`` it does not; the role depends on the groups alone.
    """

    first: np.ndarray       # per two-path: its arc a -> v (index into the arcs)
    second: np.ndarray      # its arc v -> b
    closing: np.ndarray     # the arc a -> b, or the number of arcs where there is none
    slot: np.ndarray        # v * len(ROLES) + role
    n: int

    #: Most two-paths classified up front (five arrays of this length); above it, use role_counts.
    LIMIT = 1_000_000

    @classmethod
    def of(cls, codes: np.ndarray, n: int, gcode: np.ndarray) -> "TwoPaths | None":
        """The two-paths of the arcs ``codes`` (as for :func:`role_counts`); None above :attr:`LIMIT`."""
        src, dst, ptr = _csr(codes, n)
        if int(np.diff(ptr)[dst].sum()) > cls.LIMIT:
            return None
        parts = [np.zeros(0, dtype=np.int64)] * 4
        for arc, pos, at, closed, slot in _classified(codes, n, gcode, src, dst, ptr):
            parts = [np.concatenate([p, x]) for p, x in zip(parts, (arc, pos, np.where(closed, at, len(codes)), slot))]
        return cls(*parts, n)

    def counts(self, arcs: np.ndarray) -> np.ndarray:
        """:func:`role_counts` of the arcs where ``arcs`` (bool per arc) holds, shape (n, 5)."""
        kept = np.append(arcs, False)           # the missing closing arc is never kept
        open_ = kept[self.first] & kept[self.second] & ~kept[self.closing]
        return np.bincount(self.slot[open_], minlength=self.n * len(ROLES)).reshape(self.n, len(ROLES))


def _role_probabilities(gcode: np.ndarray, n: int) -> np.ndarray:
    """Per vertex, P(role) of a two-path under random group assignment (columns in ROLES order)."""
    probs = np.zeros((n, len(ROLES)))
    if n < 3:
        return probs
    sizes = np.bincount(gcode).astype(float)
    ng = sizes[gcode]
    big_n = float(n)
    d = (big_n - 1.0) * (big_n - 2.0)
    pairs_same = float((sizes * (sizes - 1.0)).sum())
    squares = float((sizes**2).sum())
    probs[:, 0] = (ng - 1.0) * (ng - 2.0) / d                          # coordinator
    probs[:, 1] = (pairs_same - ng * (ng - 1.0)) / d                   # itinerant
    probs[:, 2] = (big_n - ng) * (ng - 1.0) / d                        # gatekeeper
    probs[:, 3] = (ng - 1.0) * (big_n - ng) / d                        # representative
    probs[:, 4] = ((big_n - ng) ** 2 - (squares - ng**2)) / d          # liaison
    return probs


def cross_group_pairs(
    graph: igraph.Graph, groups: Sequence[str], vertex: int, *, ties: igraph.Graph | None = None
) -> list[tuple[str, str]]:
    """Pairs of different groups that ``vertex`` links through open two-paths.

    Lists every ``(g(a), g(b))`` with ``g(a) != g(b)`` for which there is an
    open two-path ``a -> vertex -> b`` (no arc ``a -> b``), i.e. the
    representative, gatekeeper and liaison two-paths of :func:`gould_fernandez`.
    ``vertex`` may itself belong to ``g(a)`` or ``g(b)``.  Feeds reasons such
    as "links employers and education, who have no direct tie".

    With ``ties`` (a graph on the same vertices, e.g. every relation in the data) a two-path
    counts only when ``a`` and ``b`` share no edge of ``ties`` in either direction, nor an
    arc ``b -> a`` of ``graph``: the pairs then truly have no direct tie of any kind, as the
    reason says, even when the two-paths are read in a subnetwork (the steering network).

    Parameters
    ----------
    graph : igraph.Graph
        Directed graph.
    groups : sequence of hashable
        One group label per vertex, in vertex order.
    vertex : int
        Vertex index.
    ties : igraph.Graph or None, optional
        Graph (directed or not) on the same vertices whose edges, in either direction,
        close a two-path; None keeps Gould & Fernandez's rule (only an arc ``a -> b``).

    Returns
    -------
    list of tuple
        Distinct ``(source group, target group)`` pairs, in flow direction,
        most frequent first (ties in label order); empty if none.

    Raises
    ------
    ValueError
        If the graph is undirected, ``groups`` has the wrong length or
        ``vertex`` is out of range.

    References
    ----------
    .. [1] Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation:
       A formal approach to brokerage in transaction networks. *Sociological
       Methodology*, 19, 89-126.
    """
    _check_directed(graph, "cross_group_pairs")
    n = graph.vcount()
    _, labels = _factorize(groups, n)
    if not 0 <= vertex < n:
        raise ValueError(f"vertex {vertex} is out of range for a graph with {n} vertices")
    if ties is not None and ties.vcount() != n:
        raise ValueError(f"ties has {ties.vcount()} vertices but the graph has {n}; give a graph on the same vertices")
    outs = set(graph.successors(vertex)) - {vertex}
    found: Counter = Counter()
    for a in set(graph.predecessors(vertex)) - {vertex}:
        a_out = (set(graph.successors(a)) if ties is None
                 else set(graph.neighbors(a)) | set(ties.neighbors(a)))  # neighbors: either direction
        for b in outs:
            if b != a and b not in a_out and labels[a] != labels[b]:
                found[(labels[a], labels[b])] += 1
    return sorted(found, key=lambda p: (-found[p], str(p[0]), str(p[1])))

def cross_group_brokerage(brokerage: "Brokerage") -> np.ndarray:
    """Per actor, the number of brokerage two-paths whose ends lie in different groups.

    This is the raw count of itinerant, gatekeeper, representative and liaison
    roles; it feeds the 'bridging' part of the orchestrator score.
    """
    return sum(brokerage.raw[role] for role in CROSS_GROUP_ROLES)


def cross_group_counts(counts: np.ndarray) -> np.ndarray:
    """:func:`cross_group_brokerage` of the raw counts of :func:`role_counts` (integers: the order of the sum does not matter)."""
    return counts[:, [ROLES.index(role) for role in CROSS_GROUP_ROLES]].sum(axis=1)
