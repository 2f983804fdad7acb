"""The ecosystem diagnosis: the study's ecosystem characteristics as indicators.

Thunnissen (2021) reads regional LLO collaboration through the characteristics
of an ecosystem (Moore 2006; Fuller et al. 2019; Valkokari 2015). Each becomes
one or two numbers with a threshold and a status ('ok' or 'attention'):

=================  ======================================================  =====================
characteristic     indicator                                                attention when
=================  ======================================================  =====================
heterogeneity      groups present; Blau's index normalised (IQV)            a key group absent or IQV < 0.5
interdependence    Krackhardt & Stern's E-I index over ties                 E-I < 0 (more within than across;
                                                                         0 is ok, verdict balanced)
interdependence    reciprocity of directed relations                        < 0.25
agency             share of the core's governance tables a key group sits at  any key group below 0.5
centre, no ruler   Freeman degree centralisation                            >= 0.5 (star-like: one ruler)
orchestrator       top candidate's score margin over the runner-up          < 0.10 or candidate not in core
fragmentation      connected components among linked actors                 more than one
silos              Leiden communities vs. groups (NMI)                      NMI >= 0.5 and most ties inside
                                                                         communities within a group
openness           actors hanging on a single tie                           > 25% of actors
=================  ======================================================  =====================

Why these thresholds: 0 is the E-I index's own balance point; IQV 0.5 means
groups are at least half as evenly spread as they could be; centralisation 0.5
is halfway to a star (Freeman 1979); a 10% score margin means the runner-up
scores at most nine tenths of the leader, a conventional 'clear lead' (the
bootstrap's top-rank share says whether that lead survives missing data); NMI 0.5 means community membership carries at least half the
information of group membership; a key group at fewer than half of the core's
tables is absent from most places where the core decides; a quarter of actors on one tie means the
ecosystem's edge is loose rather than woven in. They are documented choices for
a first reading, stated in docs/methods.md, not statistical cut-offs.

References
----------
Blau, P. M. (1977). Inequality and Heterogeneity. Free Press.
Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises. Soc. Psych. Q. 51(2).
Freeman, L. C. (1979). Centrality in social networks: conceptual clarification. Social Networks 1(3).
Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden. Scientific Reports 9, 5233.
Danon, L. et al. (2005). Comparing community structure identification. J. Stat. Mech. P09008.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import igraph as ig
import numpy as np

from ..seeding import seeded_igraph
from ..vocab import GROUPS, KEY_GROUPS
from .groups import group_codes
from .network import TieNetwork
from .orchestrator import compared

IQV_MIN = 0.5
EI_BALANCE = 0.0
RECIPROCITY_MIN = 0.25
CENTRALISATION_MAX = 0.5
MARGIN_MIN = 0.10
NMI_SILO = 0.5
SILO_TIES = 0.5           # share of the ties inside communities that join members of one group, above which they are silos
PENDANT_MAX = 0.25
TABLE_PRESENCE_MIN = 0.5   # a key group should sit at at least half of the tables where the core meets


# An indicator's status: fine, or asking for attention (Indicator.attention: the one rule every output marks it by).
STATUSES = ("ok", "attention")

# The orchestrator indicator's verdicts (Indicator.verdict): no candidate at all, a clear lead
# from inside the core, a lead under MARGIN_MIN, a clear lead from outside the core, a clear lead in
# a network without any core (no centre to be in: complete, pairs, separate parts).
ORCHESTRATOR_VERDICTS = ("no_candidate", "clear_lead", "close_lead", "lead_outside_core", "lead_without_core")


@dataclass(frozen=True)
class Indicator:
    """One diagnosis indicator: its value against a threshold, the status and the finer verdict.

    ``status`` is "ok" or "attention" (:data:`STATUSES`); ``verdict`` says which case of the indicator applies
    when one status covers several (the orchestrator: :data:`ORCHESTRATOR_VERDICTS`; reciprocity:
    ``"no_directed_relations"``) and equals ``status`` otherwise. Both are decided here; renderers only say
    them, and mark an indicator by :attr:`attention`.
    """
    key: str
    value: float
    threshold: float
    status: str                         # "ok" or "attention"
    params: dict = field(default_factory=dict)
    verdict: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, got {self.status!r}")
        if not self.verdict:
            object.__setattr__(self, "verdict", self.status)

    @property
    def attention(self) -> bool:
        """True when the indicator asks for attention: the status every output marks ('!', 'aandacht')."""
        return self.status == "attention"


@dataclass(frozen=True)
class GroupSeats:
    """One key group at the core's governance tables (the agency indicator's ``params["seats"]``)."""
    actors: int
    in_core: int
    at_table: int                  # its actors seated at a table with the core (Analysis.seats)
    share_at_table: float
    core_tables: int               # the core's tables at which at least one of its actors sits
    share_of_core_tables: float | None   # None when the core has no table (no share of zero tables)
    has_seat: bool                 # share_of_core_tables >= TABLE_PRESENCE_MIN; without a table: a governance tie
                                   # with the core (at_table > 0)


@dataclass(frozen=True)
class Communities:
    membership: np.ndarray
    count: int
    modularity: float
    nmi_with_groups: float


def _status(attention: bool) -> str:
    return "attention" if attention else "ok"


def heterogeneity(net: TieNetwork) -> Indicator:
    counts = np.array([net.groups.count(g) for g in GROUPS], dtype=float)
    shares = counts / counts.sum() if counts.sum() else counts
    blau = 1.0 - float(np.sum(shares ** 2))
    iqv = blau / (1.0 - 1.0 / len(GROUPS))
    missing = [g for g in KEY_GROUPS if g not in net.groups]
    # Spread enough but a key group absent is a case of its own: "one-sided" would contradict the spread.
    verdict = "key_group_missing" if missing and iqv >= IQV_MIN else ""
    return Indicator("heterogeneity", iqv, IQV_MIN, _status(bool(missing) or iqv < IQV_MIN),
                     {"groups_present": int((counts > 0).sum()), "key_missing": missing,
                      "shares": {g: round(float(s), 4) for g, s in zip(GROUPS, shares) if s > 0}},
                     verdict=verdict)


def ei_index(net: TieNetwork) -> Indicator:
    external = internal = 0
    for s, t in net.ties.get_edgelist():
        if net.groups[s] == net.groups[t]:
            internal += 1
        else:
            external += 1
    total = external + internal
    value = (external - internal) / total if total else 0.0
    # As many ties within groups as across (E-I exactly 0, the balance point): ok, but not "more across".
    return Indicator("interdependence", value, EI_BALANCE, _status(value < EI_BALANCE),
                     {"external": external, "internal": internal},
                     verdict="balanced" if total and external == internal else "")


def reciprocity(net: TieNetwork, year: int | None = None) -> Indicator:
    arcs = net.directed_arcs
    value = float(arcs.reciprocity(ignore_loops=True)) if arcs.ecount() else 0.0
    # Without any directed relation there is nothing to reciprocate: a case of its own, not 0%.
    return Indicator("reciprocity", value, RECIPROCITY_MIN, _status(value < RECIPROCITY_MIN),
                     {"arcs": arcs.ecount(), "year": year}, verdict="" if arcs.ecount() else "no_directed_relations")


def agency(groups: tuple[str, ...], core: np.ndarray, at_table: np.ndarray,
           tables: list[frozenset[int]], governance: bool, year: int | None = None) -> Indicator:
    """Key groups' say: at how many of the bestuurlijke tafels where the core meets they sit.

    ``tables`` are the governance tables (layers.governance_tables); the core's tables
    are those with at least one core actor. A key group lacks a seat when it sits at
    fewer than ``TABLE_PRESENCE_MIN`` of them. Counting tables rather than actors keeps
    a group with many individual members (employers, schools) from looking voiceless
    while its representative sits at every table. Without any table (an actor with governance ties to at least
    ``layers.TABLE_MIN_PARTNERS`` others), a group lacks a seat when none of its actors shares a governance
    relation with the core. ``governance`` says whether the data hold any governance relation; without one
    the verdict is ``no_governance`` (every key group lacks a seat for that reason alone).
    """
    core_tables = [t for t in tables if any(core[v] for v in t)]
    overall = float(np.mean(at_table)) if len(at_table) else 0.0
    seats, without = {}, []
    for g in KEY_GROUPS:
        members = [i for i, x in enumerate(groups) if x == g]
        seated = int(sum(bool(at_table[i]) for i in members))
        present = sum(any(groups[v] == g for v in t) for t in core_tables)
        presence = round(present / len(core_tables), 4) if core_tables else None
        seats[g] = GroupSeats(len(members), int(sum(bool(core[i]) for i in members)), seated,
                              round(seated / len(members) if members else 0.0, 4), present, presence,
                              presence >= TABLE_PRESENCE_MIN if presence is not None else seated > 0)
        if not seats[g].has_seat:
            without.append(g)
    with_seat = len(KEY_GROUPS) - len(without)
    return Indicator("agency", float(with_seat), float(len(KEY_GROUPS)), _status(bool(without)),
                     {"without_seat": without, "seats": seats, "core_tables": len(core_tables),
                      "overall_share_at_table": round(overall, 4), "year": year},
                     # No governance relation at all: every key group lacks a seat for that reason alone, which the
                     # sentence says (not that the core's own group has no governance tie to the core).
                     verdict="no_core" if not np.any(core) else "" if governance else "no_governance")


def _has_governance(net: TieNetwork) -> bool:
    """Whether any tie carries a governance relation (``TieNetwork.ties``' ``types``)."""
    return net.ties.ecount() > 0 and any("governance" in types for types in net.ties.es["types"])


def degree_centralisation(net: TieNetwork) -> Indicator:
    """Freeman's degree centralisation, with the actors holding the highest degree.

    ``params["most_connected_all"]`` holds every actor with the highest degree, in id order: when several
    share it, no one of them is the network's centre more than the others, and the sentence names them all.
    ``params["most_connected"]`` is the first of them by id (kept for summary.json's readers); no sentence
    names it alone when others share its degree.
    """
    n = net.n
    degree = np.array(net.ties.degree(), dtype=float)
    value = float(np.sum(degree.max() - degree) / ((n - 1) * (n - 2))) if n > 2 else 0.0
    top = sorted((net.ids[v] for v in np.flatnonzero(degree == degree.max())), key=str) if n else []
    return Indicator("centralisation", value, CENTRALISATION_MAX, _status(value >= CENTRALISATION_MAX),
                     {"most_connected": top[0] if top else "", "most_connected_all": top})


def orchestrator_margin(net: TieNetwork, score: np.ndarray, core: np.ndarray, rank: np.ndarray) -> Indicator:
    """The top candidate's lead over the runner-up, and whether a clear lead comes from inside the core.

    The top and the runner-up are the orchestrator ranking's first two (``rank``, 1 = best:
    :func:`~ecosystem.analysis.orchestrator.orchestrator_scores`), and the lead is taken on the scores
    as that ranking compares them (to 12 decimals), so that scores equal there are "exactly equal"
    (a margin of 0) and the indicator names the actors the ranking puts first and second.
    """
    order = np.argsort(rank, kind="stable")
    rounded = compared(score)
    if len(order) < 2 or rounded[order[0]] <= 0:
        return Indicator("orchestrator", 0.0, MARGIN_MIN, "attention", {"top": None, "runner_up": None},
                         verdict="no_candidate")
    first, second = int(order[0]), int(order[1])
    margin = float((rounded[first] - rounded[second]) / rounded[first])
    if margin < MARGIN_MIN:
        verdict = "close_lead"
    elif not np.any(core):
        verdict = "lead_without_core"
    else:
        verdict = "clear_lead" if core[first] else "lead_outside_core"
    # every actor sharing the best score, in rank order: a first place shared by three is not said of two
    tied = [net.ids[v] for v in order.tolist() if rounded[v] == rounded[first]]
    return Indicator("orchestrator", margin, MARGIN_MIN, _status(verdict != "clear_lead"),
                     {"top": net.ids[first], "runner_up": net.ids[second], "in_core": bool(core[first]),
                      "top_score": float(rounded[first]), "runner_up_score": float(rounded[second]),
                      "first_tied": tied if len(tied) > 1 else []},
                     verdict=verdict)


def fragmentation(net: TieNetwork) -> Indicator:
    linked = [v for v in range(net.n) if net.ties.degree(v) > 0]
    sub = net.ties.induced_subgraph(linked)
    parts = sub.connected_components() if linked else []
    sizes = sorted((len(c) for c in parts), reverse=True)
    largest = sizes[0] / net.n if sizes else 0.0
    return Indicator("fragmentation", float(len(sizes)), 1.0, _status(len(sizes) > 1),
                     {"components": len(sizes), "largest_share": round(largest, 4),
                      "isolated": net.n - len(linked)})


def communities(net: TieNetwork, seed: int) -> Communities:
    """Leiden communities maximising weighted modularity, seeded, compared with the group partition."""
    if net.ties.ecount() == 0:
        return Communities(np.arange(net.n), net.n, 0.0, 0.0)
    with seeded_igraph(seed):
        part = net.ties.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
    membership = np.array(part.membership)
    nmi = ig.compare_communities(group_codes(net.groups).tolist(), membership.tolist(), method="nmi")
    return Communities(membership, int(membership.max() + 1), float(part.modularity), float(nmi))


def silos(comm: Communities, net: TieNetwork) -> Indicator:
    """Communities that follow the groups: the overlap (NMI) at least :data:`NMI_SILO`, *and* most ties
    inside the communities join members of one group (more than :data:`SILO_TIES`).

    The second condition is what "silo" means, and NMI alone misses it where groups have one or two
    members: then group labels nearly name the actors, any clustering lines up with them and the
    overlap runs high, while every cluster mixes groups (two pairs of a gemeente with an employer:
    overlap 0.67, no tie within a group). Such a case is ``ok`` with the verdict ``mixed_ties``.
    With every actor in one group the check does not apply: ``attention`` with the verdict ``one_group``.
    """
    ends = np.array(net.ties.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    codes = group_codes(net.groups)
    inside = comm.membership[ends[:, 0]] == comm.membership[ends[:, 1]]
    same = (codes[ends[:, 0]] == codes[ends[:, 1]])[inside]
    share = float(same.mean()) if len(same) else 0.0
    if len(set(net.groups)) < 2:
        # Every organisation in one group: clusters cannot follow the groups or cut across them (the overlap is 0
        # or 1 only because the group never varies), so whether there are silos cannot be judged. ``attention``,
        # as reciprocity without directed relations: look here, the check does not apply.
        return Indicator("silos", comm.nmi_with_groups, NMI_SILO, "attention",
                         {"communities": comm.count, "modularity": round(comm.modularity, 4),
                          "within_group_share": round(share, 4)}, verdict="one_group")
    overlap = comm.nmi_with_groups >= NMI_SILO
    return Indicator("silos", comm.nmi_with_groups, NMI_SILO, _status(overlap and share > SILO_TIES),
                     {"communities": comm.count, "modularity": round(comm.modularity, 4),
                      "within_group_share": round(share, 4)},
                     verdict="mixed_ties" if overlap and share <= SILO_TIES else "")


def openness(net: TieNetwork) -> Indicator:
    degree = np.array(net.ties.degree())
    pendants = int(np.sum(degree == 1))
    share = pendants / net.n if net.n else 0.0
    return Indicator("openness", share, PENDANT_MAX, _status(share > PENDANT_MAX), {"single_tie": pendants})


def diagnose(net: TieNetwork, core: np.ndarray, at_table: np.ndarray, tables: list[frozenset[int]],
             orchestrator_score: np.ndarray, orchestrator_rank: np.ndarray,
             seed: int = 0, year: int | None = None) -> tuple[list[Indicator], Communities]:
    """The nine indicators and the communities. ``year``: the year the network was cut to (``analyse --year``),
    which an indicator that finds no relation of a kind states (there are none in that year, not in the data)."""
    comm = communities(net, seed)
    indicators = [heterogeneity(net), ei_index(net), reciprocity(net, year), agency(net.groups, core, at_table, tables,
                                                                                _has_governance(net), year),
                  degree_centralisation(net), orchestrator_margin(net, orchestrator_score, core, orchestrator_rank),
                  fragmentation(net), silos(comm, net), openness(net)]
    return indicators, comm
