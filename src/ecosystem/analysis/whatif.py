"""What if organisations leave, or relations are added: the changed region and what it does to connectivity.

``ecosystem whatif`` removes actors (with every relation they take part in) and adds
relation rows, then analyses the changed network as ``analyse`` would and compares it
with the current one (:mod:`.change`).  Connectivity is compared with Borgatti's
key-player measures (:func:`.fragmentation.removal_effect`): who loses every path to
the rest, which pairs of key groups lose their last connection, and the change in
distance-weighted fragmentation ``DF``.

References
----------
.. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social network.
   *Computational and Mathematical Organization Theory*, 12, 21-34.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Region, Relation, canonical_order
from ..vocab import relation_key
from .fragmentation import RemovalEffect, removal_effect
from .network import TieNetwork


@dataclass(frozen=True)
class Repeat:
    """An added relation row that repeats a relation already in the region (same pair, type and note).

    As in relations.csv (:func:`ecosystem.io.validate.validate_relations`), a row equal in weight and
    steering is the same relation and counts once (``counted`` False: it is left out); with another
    weight or steering it counts as well, its weight added into the pair's tie (``counted`` True).
    Dates are not compared: a what-if adds to the network as analysed, in which the relation counts already.
    """

    added: Relation
    existing: Relation
    counted: bool


def split_added(region: Region, added: tuple[Relation, ...]) -> tuple[tuple[Relation, ...], tuple[Repeat, ...]]:
    """The rows of ``added`` that count (new relations, and repeats with another weight) and every repeat.

    The new relations alone are ``len(kept) - sum(r.counted for r in repeats)``.
    """
    existing: dict[tuple, Relation] = {}
    for r in region.relations:
        existing.setdefault((*relation_key(r.source, r.target, r.type), r.note), r)
    kept, repeats = [], []
    for r in added:
        earlier = existing.get((*relation_key(r.source, r.target, r.type), r.note))
        if earlier is None:
            kept.append(r)
            continue
        counted = (earlier.weight, earlier.steering) != (r.weight, r.steering)
        repeats.append(Repeat(r, earlier, counted))
        if counted:
            kept.append(r)
    return tuple(kept), tuple(repeats)


def changed_region(region: Region, without: tuple[str, ...], added: tuple[Relation, ...] = ()) -> Region:
    """``region`` without the actors ``without`` (and their relations), with the relations ``added``.

    The result is in canonical order, as loading the changed tables would give.

    Raises
    ------
    ValueError
        If an id in ``without`` is not an actor of ``region`` or an added relation touches a removed actor.
    """
    ids = {a.id for a in region.actors}
    gone = set(without)
    if gone - ids:
        raise ValueError(f"not actors of the region: {sorted(gone - ids)}")
    for r in added:
        if r.source in gone or r.target in gone:
            raise ValueError(f"added relation {r.source}-{r.target} touches a removed actor")
    actors = [a for a in region.actors if a.id not in gone]
    relations = [r for r in region.relations if r.source not in gone and r.target not in gone] + list(added)
    actors, relations = canonical_order(actors, relations)
    return replace(region, actors=actors, relations=relations, warnings=())


def whatif_effect(network: TieNetwork, without: tuple[str, ...], added: tuple[Relation, ...] = ()) -> RemovalEffect:
    """What removing ``without`` and adding ``added`` does to the tie network ``network`` (the current one)."""
    index = {aid: v for v, aid in enumerate(network.ids)}
    return removal_effect(network.ties, network.groups, [index[a] for a in without],
                          [(index[r.source], index[r.target]) for r in added])
