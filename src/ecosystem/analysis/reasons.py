"""Why an actor is (or is not) a strong orchestrator candidate, as data: codes with values.

Each reason is a :class:`Reason` (a code and the numbers or group keys behind it),
decided here once; renderers only put them into words (:mod:`ecosystem.render.reasons`)
and summary.json stores them as ``{"code", "values", "text"}``. The rules follow the
orchestrator score's parts (docs/methods.md §7): position (core, coreness), reach
(key groups belonged or tied to), bridging (betweenness, group pairs linked through
open two-paths, Gould & Fernandez 1989, whose ends share no relation of any type in the
data) and mandate (tables, funding, role).

References
----------
.. [1] Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: A formal approach
   to brokerage in transaction networks. *Sociological Methodology*, 19, 89-126.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..vocab import KEY_GROUPS
from .core_periphery.continuous import one_vertex_core
from .gould_fernandez import cross_group_pairs
from .network import TieNetwork
from .orchestrator import Orchestrators

PAIRS_NAMED = 2       # group pairs named per candidate
ROLES_NAMED = ("orchestrator", "lead", "secretariat")   # declared roles that count as a reason


@dataclass(frozen=True)
class Reason:
    """One reason: ``code`` names the rule, ``values`` the facts it rests on (numbers, group keys)."""
    code: str
    values: dict = field(default_factory=dict)


def orchestrator_reasons(net: TieNetwork, orch: Orchestrators, coreness: np.ndarray, core: np.ndarray,
                         betweenness: np.ndarray, v: int) -> tuple[Reason, ...]:
    """The reasons for actor ``v``, in the order a reader should see them.

    Mandate reasons come first when mandate adds most to the actor's score, else last.
    At most :data:`PAIRS_NAMED` group pairs are named, pairs not involving the actor's
    own group first (that is pure liaison work).
    """
    present = [g for g in KEY_GROUPS if g in set(net.groups)]
    ecosystem = orch.network if orch.network is not None else net
    if ecosystem is net:
        # Without any core (no core/periphery shape) "is not in the core" would be true of everyone and say nothing.
        code = "no_core" if not np.any(core) else "core" if core[v] else "not_core"
        if code != "no_core" and _same_coreness_across(coreness, core, v):
            code += "_tied"
        position = Reason(code, {"coreness": float(coreness[v])})
    else:
        # Position was read among steering ties between groups (docs/methods.md §9): say so, with
        # the coreness the score used, not the whole network's.
        position = _ecosystem_position(ecosystem, orch.parts["centre"], v)
    # Reach (the score's part) counts key groups among those the data hold; the reason counts them out of all
    # four, as every other output does ("3 van de 4", an absent group simply not reached; not "3 van de 3" beside
    # "werkenden: geen organisaties"). With no key group present it has nothing to say.
    # The actor's own key group counts by belonging, not by a tie (docs/methods.md §9): the reason names it
    # as its own, so that "reaches overheid" is not read as a tie to another overheid actor.
    own_key = net.groups[v] if net.groups[v] in KEY_GROUPS else None
    # ``steering``: reach was read among the steering ties between groups, not among all ties (the sentence says so).
    reasons = [position] + ([Reason("reach", {"groups": list(orch.groups_reached[v]), "of": len(KEY_GROUPS), "own": own_key,
                                              "steering": ecosystem is not net})] if present else [])
    mandate = _mandate_reasons(orch, v)
    contributions = orch.contributions(v)
    if mandate and max(contributions, key=lambda k: (contributions[k], k == "mandate")) == "mandate":
        reasons, mandate = mandate + reasons, []
    between = float((orch.betweenness if orch.betweenness is not None else betweenness)[v])
    if between > 0:
        reasons.append(Reason("bridging" if ecosystem is net else "bridging_ecosystem",
                              {"share": connected_pairs_share(ecosystem, between, v)}))
    own = net.groups[v]
    seen: list[tuple[str, str]] = []
    # The two-paths are read where the score read them (the steering network), but the sentence says the two
    # organisations have no direct tie: that must hold in all the data, any relation type, either direction.
    for a, b in sorted(cross_group_pairs(ecosystem.arcs, ecosystem.groups, v, ties=net.ties), key=lambda pair: own in pair):
        key = tuple(sorted((a, b)))
        if key not in seen:
            seen.append(key)
            reasons.append(Reason("brokers_groups", {"a": key[0], "b": key[1]}))
        if len(seen) == PAIRS_NAMED:
            break
    return tuple(reasons + mandate)


def connected_pairs_share(net: TieNetwork, between: float, v: int) -> float:
    """``v``'s normalised betweenness in ``net`` as a share of the pairs of other actors that *have* a path.

    The normalised value divides by every pair of other actors, ``(n - 1)(n - 2) / 2``; a pair in two
    parts of the network, or with an actor without ties, has no shortest connection for ``v`` to lie on.
    "Ligt op 50% van de kortste verbindingen tussen andere actoren" must count the connections there
    are: the hub of a star beside one actor without ties lies on all of them, not on half. Capped at 1
    (a pivot estimate may exceed it); a share within :data:`ALL_PAIRS_TOLERANCE` of 1 is 1: undoing the
    normalisation in floating point leaves such a hub at 0.9999999999999999, which would read ">99%"
    where it lies on every connection.
    """
    n = net.ties.vcount()
    parts = net.ties.connected_components()
    sizes = parts.sizes()
    connected = sum(size * (size - 1) // 2 for size in sizes) - (sizes[parts.membership[v]] - 1)   # less v's pairs
    if not connected:
        return 0.0
    share = between * (n - 1) * (n - 2) / 2 / connected
    return 1.0 if share >= 1.0 - ALL_PAIRS_TOLERANCE else share


# Rounding of the normalisation and its undoing, far below the smallest step a share can take (one pair
# in (n - 1)(n - 2) / 2, 1e-10 at 100,000 actors).
ALL_PAIRS_TOLERANCE = 1e-12


CORENESS_TIE = 1e-9    # coreness values this close are the same score


def _same_coreness_across(coreness: np.ndarray, core: np.ndarray, v: int) -> bool:
    """Whether an actor on the other side of the core's boundary has ``v``'s coreness.

    Where the core's split runs between actors of equal coreness (a ring: every split equally good, the
    core then follows the search's tie-break), "in the core" and "not in the core" set apart actors the
    coreness cannot tell apart; the reason (``core_tied``, ``not_core_tied``) says so instead of "not in
    the core (coreness 1.00)" beside "in the core (coreness 1.00)".
    """
    other = ~core if core[v] else core
    return bool(np.any(np.abs(np.asarray(coreness, dtype=float)[other] - float(coreness[v])) <= CORENESS_TIE))


def _ecosystem_position(ecosystem: TieNetwork, centre: np.ndarray, v: int) -> Reason:
    """Actor ``v``'s place in the ecosystem network's centre, as the score's centre part read it.

    When that coreness is a one-vertex core (:func:`one_vertex_core`, the star case of
    docs/methods.md §5) the hub is the whole centre: every other actor's value is 0 (the
    model's limit), so the reason names the hub and that ``v`` is outside it instead of
    presenting a coreness of 0.00 as a reason to orchestrate.
    """
    hub = one_vertex_core(centre)
    if hub is not None and hub != v:
        return Reason("outside_centre_ecosystem", {"hub": ecosystem.ids[hub]})
    return Reason("centre_ecosystem", {"coreness": float(centre[v])})


def _mandate_reasons(orch: Orchestrators, v: int) -> list[Reason]:
    """The mandate behind the score, one reason per signal the actor scores on."""
    m = orch.mandate
    if m is None:
        return []
    reasons = []
    if m.tables[v] > 0:
        met = list(m.groups_met[v])
        reasons.append(Reason("tables", {"tables": int(m.tables[v]), "groups": met, "of": len(KEY_GROUPS)}) if met
                       else Reason("tables_no_key", {"tables": int(m.tables[v])}))
    if m.funded[v] > 0:
        reasons.append(Reason("funds", {"n": int(m.funded[v])}))
    if m.roles[v] in ROLES_NAMED:
        reasons.append(Reason(f"role_{m.roles[v]}"))
    return reasons
