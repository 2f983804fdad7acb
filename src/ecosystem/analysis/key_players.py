"""Key players: the organisations whose departure would fragment the network most.

Borgatti's (2006) key player problem, negative version (KPP-Neg), for sets of
size one: remove each actor in turn and measure the distance-weighted
fragmentation ``DF`` of what remains (:mod:`.fragmentation`, hop distances).
The actors whose removal raises ``DF`` most are the key players.  Borgatti
recommends this direct measure over reading fragmentation off a centrality:
a central actor in a dense centre may leave nobody stranded, while a modest
bridge to a periphery may.

Ranking: by ``DF`` after removal, highest first; equal values (compared as
exact fractions, see :func:`.fragmentation.harmonic_pair_sum`) by actor id.
Only removals that *raise* ``DF`` are listed: taking an isolated or pendant
actor out can lower it (its unreachable or long pairs disappear), and such an
actor does not fragment anything.

Budget
------
Every evaluation is one all-pairs breadth-first search, ``O(n (n + m))``, so
evaluating every actor costs ``O(n^2 (n + m))``.  Up to ``max_exact`` actors
(default 300, a few seconds at most) every actor is evaluated and the result
is exact.  Above it only the ``candidates`` actors (default 50) with the
highest hop betweenness (Freeman 1977; Brandes 2001, one more all-pairs search;
equal values by actor id, values compared to ten significant digits so that
floating-point summation order cannot reorder them) are evaluated; the result
is then exact *among those candidates*, and :class:`KeyPlayers` says how many
actors were evaluated so a report can state it.  Betweenness is the natural
candidate filter: an actor on no shortest path lengthens no distance when it
leaves, so its removal can only change ``DF`` through the pairs it is part of.

Above ``max_exact`` the searches also respect a work budget, since each costs
``n (n + m)`` steps and so grows faster than the network: the whole network's
``DF``, the betweenness and the ``k`` candidates, ``(k + 2) n (n + m)`` steps in
all, stay within :data:`WORK_BUDGET` (1.5e9 steps, about ten CPU seconds), so
``k = min(candidates, WORK_BUDGET // (n (n + m)) - 2)``: 50 up to about 2,000
actors with five ties each, about 25 at 3,000.  Below :data:`MIN_CANDIDATES`
(about 5,000 such actors and more) the key players are not computed at all
(``rule = "budget"``, no players, ``DF`` NaN) rather than ranked among a handful.

References
----------
.. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
   network. *Computational and Mathematical Organization Theory*, 12(1),
   21-34. https://doi.org/10.1007/s10588-006-7084-x
.. [2] Freeman, L. C. (1977). A set of measures of centrality based on
   betweenness. *Sociometry*, 40(1), 35-41.
.. [3] Brandes, U. (2001). A faster algorithm for betweenness centrality.
   *Journal of Mathematical Sociology*, 25(2), 163-177.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import igraph as ig

from .cut_off import cut_off_by_removal
from .fragmentation import (
    HopAdjacency,
    distance_fragmentation_exact,
    fragmentation_exact,
    harmonic_sum,
    key_ranks,
    pair_counts,
)

__all__ = ["KeyPlayer", "KeyPlayers", "key_players", "DEFAULT_MAX_EXACT", "DEFAULT_CANDIDATES", "WORK_BUDGET",
           "MIN_CANDIDATES", "budget_candidates"]

DEFAULT_MAX_EXACT = 300     # evaluate every actor up to this many actors
DEFAULT_CANDIDATES = 50     # above it, evaluate this many highest-betweenness actors
# Above max_exact: at most this many breadth-first-search steps (all-pairs searches of n (n + m)
# steps each), about ten CPU seconds; keeps 50 candidates up to about 2,000 actors.
WORK_BUDGET = 1_500_000_000
MIN_CANDIDATES = 5          # fewer candidates within the budget: key players are not computed
ALL, BETWEENNESS, BUDGET = "all", "betweenness", "budget"


@dataclass(frozen=True)
class KeyPlayer:
    """One actor's departure.

    Attributes
    ----------
    vertex : int
        Vertex index in the tie network.
    df_after, f_after : float
        ``DF`` and ``F`` of the network without this actor.
    df_change, f_change : float
        Change against the whole network (``df_change > 0`` for every listed player).
    cut_off : tuple of int
        Actors cut off from the main component (:func:`.cut_off.cut_off_by_removal`).
    """

    vertex: int
    df_after: float
    df_change: float
    f_after: float
    f_change: float
    cut_off: tuple[int, ...]


@dataclass(frozen=True)
class KeyPlayers:
    """The key players and what was computed to find them.

    Attributes
    ----------
    players : tuple of KeyPlayer
        At most ``top``, highest ``DF`` after removal first (ties by actor id);
        fewer when fewer removals raise ``DF``.
    n : int
        Actors in the network.
    df, f : float
        ``DF`` and ``F`` of the whole network.
    evaluated : tuple of int
        Vertex indices whose removal was evaluated, sorted by actor id.
    rule : str
        ``"all"`` (every actor evaluated: exact), ``"betweenness"`` (the
        highest-betweenness candidates only) or ``"budget"`` (not computed: fewer
        than :data:`MIN_CANDIDATES` candidates fit in :data:`WORK_BUDGET`; ``df`` is NaN).
    """

    players: tuple[KeyPlayer, ...]
    n: int
    df: float
    f: float
    evaluated: tuple[int, ...]
    rule: str

    @property
    def exact(self) -> bool:
        """True when every actor was evaluated."""
        return len(self.evaluated) == self.n


def _candidates(ties: ig.Graph, ranks: list[int], k: int) -> list[int]:
    betweenness = ties.betweenness(directed=False, weights=None)
    order = sorted(range(ties.vcount()), key=lambda v: (-float(f"{betweenness[v]:.10g}"), ranks[v]))
    return order[:k]


def budget_candidates(n: int, m: int, candidates: int = DEFAULT_CANDIDATES, work: int | None = None) -> int:
    """Candidates evaluated above ``max_exact`` for ``n`` actors and ``m`` ties: within ``work`` steps, at most ``candidates``.

    Each all-pairs search costs ``n (n + m)`` steps; two go to the whole network's ``DF`` and
    the betweenness. Returns 0 when fewer than :data:`MIN_CANDIDATES` fit.
    """
    work = WORK_BUDGET if work is None else work
    k = min(candidates, work // max(1, n * (n + m)) - 2)
    return k if k >= min(MIN_CANDIDATES, candidates) else 0


def key_players(ties: ig.Graph, *, top: int = 5, max_exact: int = DEFAULT_MAX_EXACT,
                candidates: int = DEFAULT_CANDIDATES, work: int | None = None) -> KeyPlayers:
    """The ``top`` actors whose single departure raises distance-weighted fragmentation most.

    Parameters
    ----------
    ties : igraph.Graph
        Undirected tie network (``TieNetwork.ties``); vertex ``name`` = actor id
        breaks ties, so the result does not depend on vertex order.
    top : int
        How many key players to return (at most).
    max_exact : int
        Evaluate every actor when the network has at most this many actors.
    candidates : int
        Otherwise evaluate only this many actors, those with the highest hop
        betweenness.
    work : int, optional
        Above ``max_exact``, the most breadth-first-search steps to spend (default :data:`WORK_BUDGET`)
        (:func:`budget_candidates`); when fewer than :data:`MIN_CANDIDATES` fit,
        nothing is evaluated (``rule = "budget"``).

    Returns
    -------
    KeyPlayers

    Raises
    ------
    ValueError
        If ``ties`` is directed or a count is negative.

    Notes
    -----
    Cost: ``(k + 1)`` all-pairs breadth-first searches of ``O(n (n + m))``
    with ``k = n`` up to ``max_exact`` actors and ``k = budget_candidates(n, m)``
    (plus one for betweenness) above, at most ``work`` steps.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. *Computational and Mathematical Organization Theory*, 12, 21-34.
    """
    work = WORK_BUDGET if work is None else work
    if min(top, max_exact, candidates, work) < 0:
        raise ValueError("top, max_exact, candidates and work must be non-negative")
    f = fragmentation_exact(ties)                    # also rejects directed graphs
    n = ties.vcount()
    if n > max_exact:
        candidates = budget_candidates(n, ties.ecount(), candidates, work)
        if candidates == 0:
            return KeyPlayers((), n, math.nan, float(f), (), BUDGET)
    df = distance_fragmentation_exact(ties)
    ranks = key_ranks(ties)
    if n <= max_exact:
        evaluated, rule = list(range(n)), ALL
    else:
        evaluated, rule = _candidates(ties, ranks, candidates), BETWEENNESS
    evaluated.sort(key=ranks.__getitem__)

    def without(v: int) -> ig.Graph:
        return ties.induced_subgraph([u for u in range(n) if u != v], implementation="create_from_scratch")

    remaining_pairs = (n - 1) * (n - 2) // 2
    adjacency = HopAdjacency.of(ties)       # each removal's search reads the whole network's arrays
    scored = []
    for v in evaluated:
        df_after = 1 - harmonic_sum(pair_counts(adjacency, without=v)) / remaining_pairs if remaining_pairs \
            else Fraction(0)
        if df_after > df:
            scored.append((df_after, v))
    scored.sort(key=lambda s: (-s[0], ranks[s[1]]))

    table = cut_off_by_removal(ties) if scored else {}
    players = []
    for df_after, v in scored[:top]:
        f_after = fragmentation_exact(without(v))
        players.append(KeyPlayer(v, float(df_after), float(df_after - df), float(f_after),
                                 float(f_after - f), table.get(v, ())))
    return KeyPlayers(tuple(players), n, float(df), float(f), tuple(evaluated), rule)
