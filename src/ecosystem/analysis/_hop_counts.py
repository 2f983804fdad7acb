"""Compiled multi-source breadth-first search: how many ordered pairs of actors lie at each hop distance.

Why compiled: the key players (:mod:`.key_players`) take one all-pairs search per evaluated
actor, 87 searches at the Brabant example and 51 at 1,000 actors. Written with numpy, each level
of a search gathered every actor's neighbours' rows into a temporary array and reduced them, so a
small search cost array allocation and call overhead more than bit operations. Compiled, a level
is one pass over the adjacency arrays that ORs the rows in place, and the search can leave one
actor out (``without``), so the key players read one network's arrays instead of building a
network per removal: ``key_players`` took 0.28 s at 1,000 actors and takes 0.09 s
(``python bench/bench_fragmentation.py --actors 1000``; issue 10). Compiled as every kernel is (:mod:`.._compiled`: cached on
disk, never fast-math; integer arithmetic only, so the counts are exact either way).

What it computes, as the numpy search did (Then et al. 2014): row ``v`` of a bit matrix holds the
sources that have reached ``v``; each level ORs, per actor, its neighbours' rows of the sources
newly reached at the level before, and the bits that are new are the ordered (source, target)
pairs at that distance. Sources are taken in blocks of ``block`` 64-bit words (64 sources a word),
so that the three bit matrices of a block hold ``3 n block`` words, whatever the network's size.

References
----------
.. [1] Then, M., Kaufmann, M., Chirigati, F., Hoang-Vu, T.-A., Pham, K., Kemper, A., Neumann, T.,
   & Vo, H. T. (2014). The more the merrier: efficient multi-source graph traversal.
   Proceedings of the VLDB Endowment 8(4), 449-460.
"""
from __future__ import annotations

import numpy as np
from numba import njit, types

from ._compiled import cached_njit

_INT = types.int64[::1]
# The one signature the kernel is called with: loaded from the cache when this module is imported.
_SIGNATURE = _INT(_INT, _INT, types.int64, types.int64)

# Constants of the bit count, typed: numba would turn uint64 mixed with int64 into float64.
_M1 = np.uint64(0x5555555555555555)
_M2 = np.uint64(0x3333333333333333)
_M4 = np.uint64(0x0F0F0F0F0F0F0F0F)
_H01 = np.uint64(0x0101010101010101)
_ONE, _TWO, _FOUR, _TOP = np.uint64(1), np.uint64(2), np.uint64(4), np.uint64(56)


@njit
def _bits(x):
    """The set bits of a uint64 word, as an int64 (the SWAR count, Knuth TAOCP 7.1.3)."""
    x = x - ((x >> _ONE) & _M1)
    x = (x & _M2) + ((x >> _TWO) & _M2)
    x = (x + (x >> _FOUR)) & _M4
    return np.int64((x * _H01) >> _TOP)


@cached_njit(_SIGNATURE)   # only the entry point is cached: what it calls is compiled into it
def ordered_pairs_per_hop(ptr, nbr, block, without):
    """Per hop distance ``d`` (index ``d``), the ordered pairs (source, target) of actors at distance ``d``.

    Parameters
    ----------
    ptr, nbr : numpy.ndarray of int
        Adjacency arrays: actor ``v``'s neighbours are ``nbr[ptr[v]:ptr[v + 1]]`` (no self-loops;
        a neighbour listed twice changes nothing).
    block : int
        64-bit words of sources per block (at least 1).
    without : int
        An actor left out, as if removed with its ties (its row stays empty: it reaches nobody and
        nobody reaches anyone through it), or -1 for none. The counts are those of the network
        without it, as the key players need them (:func:`.fragmentation.pair_counts`).

    Returns
    -------
    numpy.ndarray of int
        ``counts[d]`` for ``d = 0 .. D`` with ``D`` the largest finite distance (``counts[0]`` is 0:
        an actor's pair with itself is not counted); unreachable pairs are in no count.
    """
    n = len(ptr) - 1
    words = (n + 63) // 64
    counts = np.zeros(max(n, 1), dtype=np.int64)
    longest = 0
    width = min(max(block, 1), max(words, 1))
    reached = np.zeros((n, width), dtype=np.uint64)
    frontier = np.zeros((n, width), dtype=np.uint64)
    new = np.zeros((n, width), dtype=np.uint64)
    for first in range(0, words, width):
        size = min(words, first + width) - first
        reached[:, :] = 0
        frontier[:, :] = 0
        for source in range(first * 64, min(n, (first + size) * 64)):
            if source == without:
                continue
            local = source - first * 64
            bit = _ONE << np.uint64(local % 64)
            reached[source, local // 64] = bit
            frontier[source, local // 64] = bit
        d = 0
        while True:
            d += 1
            found = 0
            for v in range(n):
                for k in range(size):
                    new[v, k] = 0
                if v == without:
                    continue
                for j in range(ptr[v], ptr[v + 1]):
                    u = nbr[j]
                    for k in range(size):
                        new[v, k] |= frontier[u, k]
                for k in range(size):
                    fresh = new[v, k] & ~reached[v, k]
                    new[v, k] = fresh
                    found += _bits(fresh)
            if found == 0:
                break
            counts[d] += found
            if d > longest:
                longest = d
            for v in range(n):
                for k in range(size):
                    reached[v, k] |= new[v, k]
            frontier, new = new, frontier
    return counts[:longest + 1]
