"""Who is cut off if one organisation leaves: the map's offline "wat als" table.

For every actor ``v`` :func:`cut_off_by_removal` lists the actors that are cut
off from the main component when ``v`` alone leaves, with "main component" and
"cut off" exactly as in :mod:`.fragmentation` (so the table agrees with
``removal_effect(ties, groups, {v}).cut_off``).  Removing ``v`` disconnects
someone only when ``v`` is an **articulation point** (cut vertex) of the main
component; all other actors have no entry.

Method
------
The biconnected components (blocks) and articulation points come from igraph's
C core (Hopcroft and Tarjan 1973).  Within the main component they form the
*block-cut tree*: a node per block and per articulation point, a block joined
to the articulation points it contains.  Removing articulation point ``v``
splits the main component into one piece per neighbour of ``v`` in that tree:
each child subtree (rooted at a block) and the rest of the tree.  One
depth-first pass lays the actors out so that every subtree is a contiguous
range, which gives every piece's size in constant time.  The piece that stays
the main component is the largest, unless another piece is equally large or
another component of the network is larger; then every piece is cut off.  When
several components are equally largest, a cut point in one of them cuts off its
whole component (another equally large one remains).  Total work ``O(n + m)``
plus the size of the output.

Output size
-----------
The table holds, per articulation point, every actor it cuts off: in networks
with a dense centre and a periphery of pendant organisations that is a few
entries per articulation point; in a long chain of ``n`` actors it grows to
about ``n**2 / 4`` entries.  A caller that embeds the table in a page should
cap what it shows per actor and state the total (``len`` of each tuple).

References
----------
.. [1] Hopcroft, J., & Tarjan, R. (1973). Algorithm 447: Efficient algorithms
   for graph manipulation. *Communications of the ACM*, 16(6), 372-378.
.. [2] Harary, F. (1969). *Graph Theory*. Reading, MA: Addison-Wesley
   (block-cutpoint trees, ch. 3).
.. [3] Borgatti, S. P. (2006). Identifying sets of key players in a social
   network. *Computational and Mathematical Organization Theory*, 12, 21-34.
"""
from __future__ import annotations

import igraph as ig

from .fragmentation import key_ranks, main_component

__all__ = ["cut_off_by_removal"]


def cut_off_by_removal(ties: ig.Graph) -> dict[int, tuple[int, ...]]:
    """Per actor, the actors cut off from the main component if it alone leaves.

    Parameters
    ----------
    ties : igraph.Graph
        Undirected tie network (``TieNetwork.ties``); the vertex attribute
        ``name`` (actor id) orders the output.

    Returns
    -------
    dict of int to tuple of int
        Vertex index of an articulation point of the main component -> the
        vertex indices it cuts off, sorted by actor key; non-empty tuples only,
        keys in actor-key order.  Actors not in the dict cut nobody off.

    Raises
    ------
    ValueError
        If ``ties`` is directed.

    See Also
    --------
    ecosystem.analysis.fragmentation.removal_effect : the same for any set of
        removed actors (and added ties), one set at a time.

    References
    ----------
    .. [1] Hopcroft, J., & Tarjan, R. (1973). Algorithm 447: Efficient
       algorithms for graph manipulation. *Communications of the ACM*, 16(6),
       372-378.
    """
    main = main_component(ties)      # also rejects directed graphs
    if len(main) < 3:
        return {}
    ranks = key_ranks(ties)
    in_main = set(main)
    comps = ties.connected_components()
    sizes = sorted(comps.sizes(), reverse=True)
    blocks, cut_points = ties.biconnected_components(return_articulation_points=True)
    cut_points = sorted((v for v in cut_points if v in in_main), key=ranks.__getitem__)
    if len(main) > sizes[0]:
        # several equally largest components: whichever of them a cut point splits, another
        # one stays at least as large as every piece, so all pieces (its component) are cut off
        members: dict[int, list[int]] = {}
        for v in main:
            members.setdefault(comps.membership[v], []).append(v)
        return {v: tuple(u for u in members[comps.membership[v]] if u != v) for v in cut_points}
    other_max = sizes[1] if len(sizes) > 1 else 0     # the largest component besides the main one
    blocks = [list(b) for b in blocks if b[0] in in_main]
    if not cut_points:
        return {}

    # block-cut tree: nodes 0..B-1 are blocks, B + i is cut point cut_points[i]
    n_blocks = len(blocks)
    node_of_cut = {v: n_blocks + i for i, v in enumerate(cut_points)}
    adjacency: list[list[int]] = [[] for _ in range(n_blocks + len(cut_points))]
    own: list[list[int]] = [[] for _ in range(n_blocks + len(cut_points))]
    for b, members in enumerate(blocks):
        for v in members:
            if v in node_of_cut:
                adjacency[b].append(node_of_cut[v])
                adjacency[node_of_cut[v]].append(b)
            else:
                own[b].append(v)
    for v, node in node_of_cut.items():
        own[node].append(v)

    # iterative DFS from block 0: own actors first, so each subtree is a range [start, end)
    order: list[int] = []
    start = [0] * len(adjacency)
    end = [0] * len(adjacency)
    parent = [-1] * len(adjacency)
    parent[0] = 0
    stack = [(0, 0)]
    while stack:
        node, i = stack.pop()
        if i == 0:
            start[node] = len(order)
            order.extend(own[node])
        if i < len(adjacency[node]):
            stack.append((node, i + 1))
            child = adjacency[node][i]
            if parent[child] == -1:
                parent[child] = node
                stack.append((child, 0))
        else:
            end[node] = len(order)

    total = len(order)

    table: dict[int, tuple[int, ...]] = {}
    for v in cut_points:
        node = node_of_cut[v]
        # the pieces of the main component without v: ranges of `order`, and their sizes
        pieces = [([(0, start[node]), (end[node], total)], start[node] + total - end[node])]
        for child in adjacency[node]:
            if child != parent[node]:
                lo, hi = start[child], end[child]
                pieces.append(([(lo, hi)], hi - lo))
        largest = max(size for _, size in pieces)
        kept = [p for p, (_, size) in enumerate(pieces) if size == largest]
        # the largest piece stays the main component when it is the only one of its size and
        # no other component is larger; otherwise there is another main component, or none
        kept = kept[0] if len(kept) == 1 and largest >= other_max else -1
        cut = [order[i] for p, (ranges, _) in enumerate(pieces) if p != kept
               for lo, hi in ranges for i in range(lo, hi)]
        table[v] = tuple(sorted(cut, key=ranks.__getitem__))
    return table
