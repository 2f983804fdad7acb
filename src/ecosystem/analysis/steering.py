"""Steering mix: which steering philosophies the relations of a region express.

Method
------
The SCP report *Eigen regie of een duurzame arbeidsmarkt?* (Blijleven et al.,
2024) reads Dutch Leven Lang Ontwikkelen (LLO) policy through four steering
philosophies (*sturingsfilosofieën*), each a different division of
responsibility between government, market, civil society and citizens:

==============  =============================================================
key             SCP paradigm and the relationship it implies between actors
==============  =============================================================
traditional     *Traditional Public Administration*: government sets *and*
                realises public goals, hierarchical steering, regulating and
                executing.
npm             *New Public Management*: government sets goals and answers
                for the result, execution lies with the market; principal and
                agent (*opdrachtgever-opdrachtnemer*), citizen as client.
network         *Network Governance*: goals are a shared responsibility;
                actors organise in networks, negotiate and cooperate
                (horizontal steering).
resilience      *Societal Resilience*: society takes the initiative; the
                government is responsive and connects those initiatives to its
                own ambitions.
==============  =============================================================

Each relation is given one philosophy: the user's override in the
``steering`` column when filled in, otherwise :data:`DEFAULT_STEERING` for its
relation type (the justification per type, with the SCP passages, is in
``docs/steering.md``).  With ``w_r`` the weight of relation ``r``, ``s(r)`` its
philosophy, ``W = sum_r w_r`` and ``g(a)`` the group of actor ``a``:

* ``overall[p] = sum_{r: s(r)=p} w_r / W`` (weight shares, summing to 1);
* ``counts[p] = #{r : s(r) = p}``;
* for each unordered group pair ``k = sorted((g(source), g(target)))``,
  ``pair_weight[k] = sum_{r in k} w_r`` and
  ``by_pair[k][p] = sum_{r in k, s(r)=p} w_r / pair_weight[k]``;
* ``dominant = argmax_p overall[p]``, ties broken by the order of
  :data:`PHILOSOPHIES`; ``""`` for a region without relations (all shares 0).

Every relation in the table counts, whatever its ``since``/``until`` dates.
The mix describes the *form* of the ties in the network; it is a reading aid,
not a measurement of the policy intentions behind them.

References
----------
.. [1] Blijleven, W., Broek, A. van den, Kluizenaar, Y. de, Muiderman, K.,
   Peters, S., & Roeters, A. (2024). *Eigen regie of een duurzame
   arbeidsmarkt? Beleids- en burgervisies op een leven lang ontwikkelen*.
   Den Haag: Sociaal en Cultureel Planbureau. Sections 2.2 (theoretical
   framework) and 3.5 (steering philosophies behind LLO policy).
.. [2] Torfing, J., Andersen, L. B., Greve, C., & Klausen, K. K. (2020).
   *Public Governance Paradigms: Competing and Co-Existing*. Cheltenham:
   Edward Elgar.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Region, Relation
from ..vocab import RELATION_TYPES, STEERING_PHILOSOPHIES

__all__ = ["PHILOSOPHIES", "DEFAULT_STEERING", "SteeringMix", "default_types", "steering_of", "steering_mix"]

PHILOSOPHIES: tuple[str, ...] = STEERING_PHILOSOPHIES

#: Relation type -> default steering philosophy.  See ``docs/steering.md`` for
#: the SCP passage behind each line.  No type defaults to ``resilience``: none
#: of the seven types records an initiative that society takes on its own; a
#: coordinator marks such ties in the ``steering`` column.
DEFAULT_STEERING: dict[str, str] = {
    # a shared seat at a bestuurlijke tafel: negotiating goals together, horizontally
    "governance": "network",
    # the public purse: government setting the conditions under which public goals are realised
    "funding": "traditional",
    # client and supplier: opdrachtgever-opdrachtnemer, execution bought from providers
    "delivery": "npm",
    # social partners speaking for their achterban in overleg on policy
    "representation": "network",
    # passing people on inside the regional netwerkstructuur for integrale dienstverlening
    "referral": "network",
    # cooperation between actors, the core of network governance
    "collaboration": "network",
    # practice knowledge fed into policy making by partners the government depends on
    "advice": "network",
}

# Checked at import with an explicit error (an assert would vanish under python -O).
if set(DEFAULT_STEERING) != set(RELATION_TYPES):
    raise RuntimeError("every relation type needs a default steering philosophy")
if not set(DEFAULT_STEERING.values()) <= set(PHILOSOPHIES):
    raise RuntimeError("a default steering philosophy is not one of PHILOSOPHIES")


def default_types(philosophy: str) -> tuple[str, ...]:
    """The relation types that count toward ``philosophy`` unless overridden, in vocabulary order.

    Read from :data:`DEFAULT_STEERING`, so what the terminal, report and summary.json say
    counts toward a philosophy is what :func:`steering_mix` counts.
    """
    return tuple(k for k in RELATION_TYPES if DEFAULT_STEERING[k] == philosophy)


@dataclass(frozen=True)
class SteeringMix:
    """The steering mix of a region.

    Attributes
    ----------
    overall : dict of str to float
        Philosophy -> share of the total relation weight.  All four keys of
        :data:`PHILOSOPHIES` are present, in that order; the shares sum to 1
        (all 0 for a region without relations).
    counts : dict of str to int
        Philosophy -> number of relations (all four keys present).
    by_pair : dict of (str, str) to dict of str to float
        ``(group_a, group_b)`` with ``group_a <= group_b`` alphabetically ->
        philosophy shares of the weight between those two groups (all four
        keys, summing to 1).  Only pairs that have relations appear; a pair
        may be one group with itself.
    pair_weight : dict of (str, str) to float
        Total relation weight per group pair (same keys as ``by_pair``).
    dominant : str
        Philosophy with the largest overall share, ties broken by the order of
        :data:`PHILOSOPHIES`; ``""`` when the region has no relations.
    overridden : int
        Number of relations whose philosophy came from the user's ``steering``
        column (counted even when it equals the default).

    References
    ----------
    .. [1] Blijleven, W. et al. (2024). *Eigen regie of een duurzame
       arbeidsmarkt?* Den Haag: Sociaal en Cultureel Planbureau, §2.2, §3.5.
    """

    overall: dict[str, float]
    counts: dict[str, int]
    by_pair: dict[tuple[str, str], dict[str, float]]
    pair_weight: dict[tuple[str, str], float]
    dominant: str
    overridden: int


def steering_of(relation: Relation) -> str:
    """Return the steering philosophy of one relation.

    Parameters
    ----------
    relation : ecosystem.model.Relation
        A validated relation.

    Returns
    -------
    str
        ``relation.steering`` when the user filled it in, otherwise
        ``DEFAULT_STEERING[relation.type]``; always one of
        :data:`PHILOSOPHIES`.

    Raises
    ------
    ValueError
        If the override is not a known philosophy or the relation type has no
        default (only possible for relations built outside the validator).

    References
    ----------
    .. [1] Blijleven, W. et al. (2024). *Eigen regie of een duurzame
       arbeidsmarkt?* Den Haag: Sociaal en Cultureel Planbureau, §2.2.
    """
    if relation.steering:
        if relation.steering not in PHILOSOPHIES:
            raise ValueError(f"unknown steering philosophy {relation.steering!r}; "
                             f"allowed: {', '.join(PHILOSOPHIES)}")
        return relation.steering
    try:
        return DEFAULT_STEERING[relation.type]
    except KeyError:
        raise ValueError(f"relation type {relation.type!r} has no default steering philosophy") from None


def _shares(weights: dict[str, float], total: float) -> dict[str, float]:
    if total <= 0:
        return {p: 0.0 for p in PHILOSOPHIES}
    return {p: weights[p] / total for p in PHILOSOPHIES}


def steering_mix(region: Region) -> SteeringMix:
    """Compute the weighted steering mix of a region, overall and per group pair.

    Parameters
    ----------
    region : ecosystem.model.Region
        The validated region; every relation's ``source`` and ``target`` must
        be the id of one of ``region.actors``.

    Returns
    -------
    SteeringMix
        Weight shares and counts per philosophy, the shares per unordered
        pair of actor groups, the dominant philosophy and the number of user
        overrides.  A region without relations gives all shares and counts 0,
        empty ``by_pair``/``pair_weight`` and ``dominant == ""``.

    Raises
    ------
    ValueError
        If a relation refers to an actor that is not in the region, or
        :func:`steering_of` rejects a relation.

    Notes
    -----
    ``overall[p] = sum_{s(r)=p} w_r / sum_r w_r``; per pair the same ratio
    restricted to relations between the two groups, whatever their direction
    (``gov -> edu`` and ``edu -> gov`` fall in ``("education", "government")``).

    References
    ----------
    .. [1] Blijleven, W. et al. (2024). *Eigen regie of een duurzame
       arbeidsmarkt?* Den Haag: Sociaal en Cultureel Planbureau, §2.2, §3.5.
    """
    group_of = {a.id: a.group for a in region.actors}
    weight = {p: [] for p in PHILOSOPHIES}
    counts = {p: 0 for p in PHILOSOPHIES}
    pair_parts: dict[tuple[str, str], dict[str, list[float]]] = {}
    overridden = 0
    for rel in region.relations:
        philosophy = steering_of(rel)
        if rel.steering:
            overridden += 1
        try:
            pair = tuple(sorted((group_of[rel.source], group_of[rel.target])))
        except KeyError as exc:
            raise ValueError(f"relation {rel.source} -> {rel.target} (row {rel.row}) refers to "
                             f"unknown actor {exc.args[0]!r}") from None
        weight[philosophy].append(rel.weight)
        counts[philosophy] += 1
        pair_parts.setdefault(pair, {p: [] for p in PHILOSOPHIES})[philosophy].append(rel.weight)

    sums = {p: math.fsum(ws) for p, ws in weight.items()}
    total = math.fsum(sums.values())
    overall = _shares(sums, total)

    by_pair: dict[tuple[str, str], dict[str, float]] = {}
    pair_weight: dict[tuple[str, str], float] = {}
    for pair in sorted(pair_parts):
        pair_sums = {p: math.fsum(ws) for p, ws in pair_parts[pair].items()}
        pair_weight[pair] = math.fsum(pair_sums.values())
        by_pair[pair] = _shares(pair_sums, pair_weight[pair])

    dominant = ""
    if total > 0:
        # max() returns the first maximal item, so ties go to the earlier philosophy
        dominant = max(PHILOSOPHIES, key=lambda p: overall[p])
    return SteeringMix(overall, counts, by_pair, pair_weight, dominant, overridden)
