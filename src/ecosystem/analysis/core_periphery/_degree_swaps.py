"""Degree-preserving rewiring by double edge swaps (Maslov & Sneppen 2002), compiled.

The null model of the core/periphery test's ``degrees`` question (:mod:`.significance`):
the observed simple graph, rewired so that every vertex keeps its number of ties. Each
trial draws two ties at random, ``a-b`` and ``c-d`` (uniformly, with replacement), turns
the second round with probability 1/2, and replaces them by ``a-d`` and ``c-b`` unless that
would make a loop or a tie that is there already (then the trial changes nothing). This is
the algorithm of igraph's ``Graph.rewire(mode="simple")``, which the test used before, with one
difference: igraph draws the second tie again until it differs from the first, here such a trial
changes nothing (about one trial in m: the same chain, with the same uniform limit); igraph
draws each random number through a call back into Python's ``random`` module (the
generator the project seeds it with), which made the rewiring most of a null network's cost
(13-20 ms for 47,550 trials at 1,000 actors). Here the random numbers are drawn at once
with NumPy's seeded generator and the trials run compiled (:mod:`.._compiled`: cached on disk,
never fast-math): 5 against 20 ms per null network at 1,000 actors, 27 against 91 ms at 5,000
(``python bench/bench_samples.py --actors 1000``). Every proposal and its reverse are equally likely,
so the chain's stationary distribution is uniform over the simple graphs with the observed
degrees, the set it moves in (Taylor 1981); tests/test_degree_swaps.py checks the frequencies
of rewired graphs against that uniform distribution, enumerated by brute force. The trials'
arguments (the neighbour lists, the draws) are made by :func:`._rewiring.double_edge_swaps`, which
imports no numba.

References
----------
.. [1] Maslov, S., & Sneppen, K. (2002). Specificity and stability in topology of protein
   networks. Science, 296(5569), 910-913.
.. [2] Taylor, R. (1981). Contrained switchings in graphs. In Combinatorial Mathematics VIII,
   Lecture Notes in Mathematics 884, 314-336. Springer.
.. [3] Csardi, G. & Nepusz, T. (2006). The igraph software package for complex network
   research. InterJournal Complex Systems 1695 (``src/operators/rewire.c``).
"""
from __future__ import annotations

import numpy as np
from numba import njit, types

from .._compiled import cached_njit

_INT = types.int64[::1]
# The one signature the kernel is called with: loaded (or compiled) when this module is imported,
# so a process that imports it before forking hands the machine code to its workers.
_SIGNATURE = types.int64(_INT, _INT, _INT, _INT, _INT, _INT, _INT, types.boolean[::1])


@njit
def _tied(ptr, nbr, u, v):
    """True when ``u`` and ``v`` are tied: a scan of the shorter of their two neighbour lists."""
    if ptr[u + 1] - ptr[u] > ptr[v + 1] - ptr[v]:
        u, v = v, u
    for k in range(ptr[u], ptr[u + 1]):
        if nbr[k] == v:
            return True
    return False


@cached_njit(_SIGNATURE)   # only the entry point is cached: what it calls is compiled into it
def swap_ties(u, v, su, sv, ptr, nbr, picks, turns):
    """Run the trials in place; returns how many swaps were made.

    Parameters
    ----------
    u, v : numpy.ndarray of int
        Tie ``i`` joins ``u[i]`` and ``v[i]``.
    su, sv : numpy.ndarray of int
        Where tie ``i`` stands in the neighbour lists: ``nbr[su[i]] == v[i]`` (in ``u[i]``'s
        list) and ``nbr[sv[i]] == u[i]``, so a swap updates the lists without searching them.
    ptr, nbr : numpy.ndarray of int
        Vertex ``w``'s neighbours are ``nbr[ptr[w]:ptr[w + 1]]`` (in any order; their number
        never changes).
    picks : numpy.ndarray of int
        Two tie indices per trial: trial ``t`` takes ties ``picks[2t]`` and ``picks[2t + 1]``.
    turns : numpy.ndarray of bool
        Per trial: the second tie taken the other way round.
    """
    swapped = 0
    for t in range(len(turns)):
        i, j = picks[2 * t], picks[2 * t + 1]
        if i == j:
            continue
        a, b = u[i], v[i]
        if turns[t]:
            c, d, sc, sd = v[j], u[j], sv[j], su[j]
        else:
            c, d, sc, sd = u[j], v[j], su[j], sv[j]
        if a == d or c == b or _tied(ptr, nbr, a, d) or _tied(ptr, nbr, c, b):
            continue
        # a-b, c-d become a-d, c-b: each end's list entry for the old partner takes the new one.
        sb = sv[i]
        nbr[su[i]] = d
        nbr[sd] = a
        nbr[sc] = b
        nbr[sb] = c
        u[i], v[i], sv[i] = a, d, sd
        u[j], v[j], su[j], sv[j] = c, b, sc, sb
        swapped += 1
    return swapped
