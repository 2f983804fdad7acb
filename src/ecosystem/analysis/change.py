"""What changed between two analyses of a region (two years, or two data sets).

``compare_analyses(before, after)`` lines up two :class:`~ecosystem.analysis.pipeline.Analysis`
objects by actor id and lists the differences a coordinator asks about: actors that joined
or left, relations added or removed, actors that entered or left the core, the
orchestrator top 5, per key group the share in the core and the seat at the core's
tables, and each diagnosis indicator; actors in both whose group changed are listed too, since
a relabelled actor moves its group's share and seats without joining or leaving. Nothing here formats text or touches files.

Whether a change is beyond the bootstrap's uncertainty (docs/methods.md §15)
---------------------------------------------------------------------------
The stability bootstrap (§10) gives each side its own probabilities. A change is

* ``clear`` when both sides are sure of their own state, by the verdict of §10 (the whole
  95% Clopper-Pearson interval above ``STABLE`` (0.8) or below 1 - ``STABLE``): an actor entering
  the core is stable in the core after and stable in the periphery before (or was not in
  the data before), and the reverse for an actor leaving; a key group turning peripheral
  (or not) is surely peripheral on the one side and surely not on the other; an
  orchestrator's rank moved so far that its 5th-95th percentile rank intervals before
  and after do not overlap;
* ``uncertain`` otherwise: the change is within what 1 in 10 missing relations can do;
* ``untested`` when a side was analysed without bootstrap;
* ``removed`` for an actor that left the core because it was taken out of the data on purpose
  (``ecosystem whatif --without``): certain by construction, whatever the bootstrap says.

Changes without a bootstrap counterpart (relations, seats at the table, diagnosis
indicators) carry no verdict: they are facts of the data, not estimates.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..vocab import KEY_GROUPS, relation_key
from .orchestrator import TOP_CANDIDATES
from .orchestrator import compared, shared_ranks, top_candidates as best_candidates
from .pipeline import Analysis, core_ids
from .stability import CORE, PERIPHERY, STABLE, verdict as interval_verdict

TOP = TOP_CANDIDATES      # orchestrator candidates compared before and after
CLEAR, UNCERTAIN, UNTESTED, REMOVED = "clear", "uncertain", "untested", "removed"
WEIGHT_TOLERANCE = 1e-9   # summed weights closer than this are equal


@dataclass(frozen=True)
class Side:
    """The headline numbers of one side of the comparison."""

    label: str                      # the year, or the region folder's name
    actors: int
    relations: int                  # distinct relations (source, target, type): rows with one key count once
    ties: int
    core: tuple[str, ...]           # actor ids in the discrete core, most central first (core_ids)
    bootstrap: int                  # stability samples; 0 when not run
    rows: int                       # relation rows, as analyse counts them (summary.json's relations)
    note: str = ""                  # region.toml's note (in the language the region was loaded in), or ''

    @property
    def repeated_rows(self) -> int:
        """Rows that repeat a relation of an earlier row (same organisations and type: one key)."""
        return self.rows - self.relations


@dataclass(frozen=True)
class RelationChange:
    """A relation, identified by ``relation_key(source, target, type)``; source and target as the key has them
    (an undirected pair in id order)."""

    source: str
    target: str
    type: str
    weight_before: float | None     # summed over duplicate rows; None when absent
    weight_after: float | None


@dataclass(frozen=True)
class GroupMove:
    """An actor in both sides whose group differs (group keys from vocab.GROUPS)."""

    id: str
    before: str
    after: str


@dataclass(frozen=True)
class CoreMove:
    id: str
    entered: bool                   # True: into the core; False: out of it
    probability_before: float | None   # core probability; None when absent or no bootstrap
    probability_after: float | None
    verdict: str                    # CLEAR, UNCERTAIN, UNTESTED, or REMOVED (taken out by a what-if)


@dataclass(frozen=True)
class RankChange:
    id: str
    rank_before: int | None         # its place, equal scores sharing one (shared_ranks); None when not in the data
    rank_after: int | None
    interval_before: tuple[int, int] | None   # 5th-95th percentile of the rank in the bootstrap
    interval_after: tuple[int, int] | None
    verdict: str | None             # None when the rank did not move or one side lacks the actor (or its ties)
    # Whether the actor has a tie on each side: one without any is ranked (on its mandate) but is no
    # candidate (top_candidates leaves it out), so a move to or from that rank gets no verdict.
    has_ties: tuple[bool, bool] = (True, True)

    @property
    def moved(self) -> bool:
        """Whether the rank differs between the two sides (also when the actor is in one side's data only)."""
        return self.rank_before != self.rank_after


@dataclass(frozen=True)
class GroupChange:
    group: str
    actors: tuple[int, int]         # (before, after)
    in_core: tuple[int, int]
    share_in_core: tuple[float, float]
    peripheral: tuple[bool, bool]   # §6
    peripheral_verdict: str | None  # None when the status did not change (or a side has no core)
    seated: tuple[bool, bool]       # sits at at least half of the core's governance tables (§11 agency)
    share_of_core_tables: tuple[float | None, float | None]   # None on a side whose core has no table
    has_core: tuple[bool, bool] = (True, True)   # whether that side has a core at all (else no place in it)

    @property
    def places(self) -> tuple[str, str]:
        """The group's place on each side: ``"core"``, ``"periphery"`` (§6), ``"no_core"`` (that side has no
        core to have a place in) or ``"absent"`` (none of the group's organisations on that side)."""
        return tuple("absent" if not n else "no_core" if not core else "periphery" if p else "core"
                     for p, core, n in zip(self.peripheral, self.has_core, self.actors))

    @property
    def changed(self) -> bool:
        """Whether the group's presence, place or seat differs between the two sides."""
        return self.places[0] != self.places[1] or self.seated[0] != self.seated[1]


@dataclass(frozen=True)
class IndicatorChange:
    key: str
    value: tuple[float, float]
    threshold: tuple[float, float]
    status: tuple[str, str]         # "ok" / "attention" before and after
    # the orchestrator's: (top score, runner-up score) on each side, None without a candidate; the value is
    # their relative margin, which §11 does not state as a bare percentage
    scores: tuple[tuple[float, float] | None, tuple[float, float] | None] = (None, None)
    # fragmentation's: the organisations without any relation on each side, which its parts (connected
    # components among the linked organisations, diagnosis.fragmentation) leave out
    isolated: tuple[int, int] = (0, 0)
    # agency's: the core's governance tables on each side, and the case that applies ('no_core',
    # 'no_governance' or ''); without a table its value counts key groups with a governance tie to the core
    core_tables: tuple[int, int] = (0, 0)
    verdict: tuple[str, str] = ("", "")

    @property
    def changed(self) -> bool:
        return self.status[0] != self.status[1]


@dataclass(frozen=True)
class Change:
    before: Side
    after: Side
    joined: tuple[str, ...]         # actor ids only in ``after``
    left: tuple[str, ...]           # actor ids only in ``before``
    linked: tuple[str, ...]         # in both, without relations before and with relations after
    unlinked: tuple[str, ...]       # in both, with relations before and without after
    added: tuple[RelationChange, ...]
    removed: tuple[RelationChange, ...]
    reweighted: tuple[RelationChange, ...]
    core_moves: tuple[CoreMove, ...]
    top_before: tuple[str, ...]     # orchestrator candidates, best first
    top_after: tuple[str, ...]
    ranks: tuple[RankChange, ...]   # every actor in either top 5, in the order of ``after`` first
    groups: tuple[GroupChange, ...]  # the four key groups
    indicators: tuple[IndicatorChange, ...]
    names: dict[str, str]           # actor id -> name (the ``after`` name when both have one)
    threshold: float = STABLE
    regrouped: tuple[GroupMove, ...] = ()   # in both, with another group after, in id order
    # the places of top_before / top_after with equal scores sharing a place (orchestrator.shared_ranks, as the
    # report's tables show them): the id only orders a tie, it makes no winner
    top_places_before: tuple[int, ...] = ()
    top_places_after: tuple[int, ...] = ()

    @property
    def entered(self) -> tuple[CoreMove, ...]:
        return tuple(m for m in self.core_moves if m.entered)

    @property
    def exited(self) -> tuple[CoreMove, ...]:
        return tuple(m for m in self.core_moves if not m.entered)


def relation_weights(analysis: Analysis) -> dict[tuple[str, str, str], tuple[float, str, str]]:
    """Per relation key: the summed weight (several rows with one key are one relation) and the
    source and target for display: those of the key, so an undirected pair is shown and written in id
    order whichever of its organisations was typed first (as the analysis orders it, model.canonical_order)."""
    weights: dict[tuple[str, str, str], tuple[float, str, str]] = {}
    for r in analysis.region.relations:
        key = relation_key(r.source, r.target, r.type)
        total = weights[key][0] if key in weights else 0.0
        weights[key] = (total + r.weight, key[0], key[1])
    return weights


def top_candidates(analysis: Analysis, top: int = TOP) -> tuple[str, ...]:
    """The best ``top`` orchestrator candidates' ids; actors scoring 0 never count (as in summary.json)."""
    rank, ids = analysis.orchestrators.rank, analysis.network.ids
    return tuple(ids[v] for v in best_candidates(rank, compared(analysis.orchestrators.score), top))


def top_places(analysis: Analysis, top: tuple[str, ...]) -> tuple[int, ...]:
    """The places of the candidates ``top`` (ids) with equal scores sharing one (:func:`.orchestrator.shared_ranks`)."""
    index = {aid: v for v, aid in enumerate(analysis.network.ids)}
    places = shared_ranks(analysis.orchestrators.score)
    return tuple(int(places[index[aid]]) for aid in top)


def _side(analysis: Analysis, label: str, relations: int) -> Side:
    """``relations``: the side's distinct relations (``len(relation_weights(analysis))``), counted as the changes
    count them: several rows with one key are one relation (methods §15), so that before + added - removed is after."""
    st = analysis.stability
    return Side(label, len(analysis.network.ids), relations, analysis.network.ties.ecount(),
                core_ids(analysis), st.samples if st else 0, len(analysis.region.relations),
                analysis.region.meta.note.strip())


def _probability(analysis: Analysis, index: dict[str, int], aid: str) -> float | None:
    if aid not in index or analysis.stability is None:
        return None
    return float(analysis.stability.core_probability[index[aid]])


def _stability_verdict(analysis: Analysis, index: dict[str, int], aid: str) -> str | None:
    """The §10 verdict on ``aid``'s core membership (CORE, PERIPHERY, UNCERTAIN); None when absent."""
    if aid not in index or analysis.stability is None:
        return None
    low, high = analysis.stability.core_interval
    return interval_verdict(low[index[aid]], high[index[aid]])


def _move_verdict(in_side: str | None, out_side: str | None, tested: bool) -> str:
    """Verdict on a move into or out of the core.

    ``in_side`` is the §10 verdict on the side where the actor is in the core, ``out_side``
    on the side where it is not (None when the actor is not in that side's data: surely out).
    CLEAR when the first is CORE and the second PERIPHERY or None.
    """
    if not tested or in_side is None:
        return UNTESTED
    return CLEAR if in_side == CORE and out_side in (None, PERIPHERY) else UNCERTAIN


def _core_moves(before: Analysis, after: Analysis, taken_out: frozenset[str] = frozenset()) -> tuple[CoreMove, ...]:
    """The moves into and out of the core; an actor in ``taken_out`` (on purpose, a what-if) left it by REMOVED."""
    ib = {a: i for i, a in enumerate(before.network.ids)}
    ia = {a: i for i, a in enumerate(after.network.ids)}
    core_b = {a for a, i in ib.items() if before.core.core[i]}
    core_a = {a for a, i in ia.items() if after.core.core[i]}
    tested = before.stability is not None and after.stability is not None
    moves = []
    for aid in after.network.ids:                       # entered, in the order of the new data
        if aid in core_a and aid not in core_b:
            pb, pa = _probability(before, ib, aid), _probability(after, ia, aid)
            vb, va = _stability_verdict(before, ib, aid), _stability_verdict(after, ia, aid)
            moves.append(CoreMove(aid, True, pb, pa, _move_verdict(va, vb, tested)))
    for aid in before.network.ids:                      # left, in the order of the old data
        if aid in core_b and aid not in core_a:
            pb, pa = _probability(before, ib, aid), _probability(after, ia, aid)
            vb, va = _stability_verdict(before, ib, aid), _stability_verdict(after, ia, aid)
            moves.append(CoreMove(aid, False, pb, pa,
                                  REMOVED if aid in taken_out else _move_verdict(vb, va, tested)))
    return tuple(moves)


def _interval(analysis: Analysis, index: dict[str, int], aid: str) -> tuple[int, int] | None:
    st = analysis.stability
    if st is None or aid not in index:
        return None
    v = index[aid]
    return int(st.rank_low[v]), int(st.rank_high[v])


def _rank_changes(before: Analysis, after: Analysis, top_b: tuple[str, ...], top_a: tuple[str, ...],
                  linked: tuple[set[str], set[str]]) -> tuple[RankChange, ...]:
    """``linked``: the ids with a tie on each side (:func:`_linked`)."""
    ib = {a: i for i, a in enumerate(before.network.ids)}
    ia = {a: i for i, a in enumerate(after.network.ids)}
    tested = before.stability is not None and after.stability is not None
    # Places as every table shows them, equal scores sharing one: with the id tie-break two equals would
    # seem to swap places, or one to move, where neither score changed rank.
    places_b, places_a = before.orchestrators.shared_rank, after.orchestrators.shared_rank
    changes = []
    for aid in dict.fromkeys(top_a + top_b):
        rb = int(places_b[ib[aid]]) if aid in ib else None
        ra = int(places_a[ia[aid]]) if aid in ia else None
        lo_b, lo_a = _interval(before, ib, aid), _interval(after, ia, aid)
        ties = (aid in linked[0], aid in linked[1])
        verdict = None
        if rb is not None and ra is not None and rb != ra and all(ties):
            if not tested:
                verdict = UNTESTED
            else:
                # Disjoint 5th-95th percentile intervals: the move is larger than resampling produces.
                overlap = lo_b[0] <= lo_a[1] and lo_a[0] <= lo_b[1]
                verdict = UNCERTAIN if overlap else CLEAR
        changes.append(RankChange(aid, rb, ra, lo_b, lo_a, verdict, ties))
    return tuple(changes)


def _agency(analysis: Analysis) -> dict:
    return analysis.indicator("agency").params


def _group_changes(before: Analysis, after: Analysis) -> tuple[GroupChange, ...]:
    pos_b = {g.group: g for g in before.groups}
    pos_a = {g.group: g for g in after.groups}
    seats_b, seats_a = _agency(before), _agency(after)
    tested = before.stability is not None and after.stability is not None
    cores = (bool(before.core.core.any()), bool(after.core.core.any()))
    changes = []
    for g in KEY_GROUPS:
        b, a = pos_b[g], pos_a[g]
        verdict = None
        # Without a core on a side there is no place in it to gain or lose (groups.py), and without any of the
        # group's organisations on a side nothing of theirs to place: no verdict on a move.
        if b.peripheral != a.peripheral and all(cores) and b.actors and a.actors:
            if not tested:
                verdict = UNTESTED
            else:
                vb = interval_verdict(*before.stability.peripheral_interval(g))
                va = interval_verdict(*after.stability.peripheral_interval(g))
                sure_b = vb == (CORE if b.peripheral else PERIPHERY)   # CORE: the share holds
                sure_a = va == (CORE if a.peripheral else PERIPHERY)
                verdict = CLEAR if sure_b and sure_a else UNCERTAIN
        changes.append(GroupChange(
            g, (b.actors, a.actors), (b.in_core, a.in_core), (b.share_in_core, a.share_in_core),
            (b.peripheral, a.peripheral), verdict,
            (g not in seats_b["without_seat"], g not in seats_a["without_seat"]),
            (seats_b["seats"][g].share_of_core_tables, seats_a["seats"][g].share_of_core_tables),
            cores,
        ))
    return tuple(changes)


def _scores(indicator) -> tuple[float, float] | None:
    p = indicator.params
    return (p["top_score"], p["runner_up_score"]) if "top_score" in p else None


def _indicator_changes(before: Analysis, after: Analysis) -> tuple[IndicatorChange, ...]:
    by_key = {ind.key: ind for ind in after.indicators}
    return tuple(IndicatorChange(b.key, (float(b.value), float(by_key[b.key].value)),
                                 (float(b.threshold), float(by_key[b.key].threshold)),
                                 (b.status, by_key[b.key].status), (_scores(b), _scores(by_key[b.key])),
                                 (int(b.params.get("isolated", 0)), int(by_key[b.key].params.get("isolated", 0))),
                                 (int(b.params.get("core_tables", 0)), int(by_key[b.key].params.get("core_tables", 0))),
                                 (b.verdict if b.verdict != b.status else "",
                                  by_key[b.key].verdict if by_key[b.key].verdict != by_key[b.key].status else ""))
                 for b in before.indicators if b.key in by_key)


def _regrouped(before: Analysis, after: Analysis) -> tuple[GroupMove, ...]:
    groups = {a.id: a.group for a in before.region.actors}
    return tuple(GroupMove(a.id, groups[a.id], a.group)
                 for a in sorted(after.region.actors, key=lambda a: a.id)
                 if a.id in groups and groups[a.id] != a.group)


def _linked(analysis: Analysis) -> set[str]:
    degree = analysis.centralities.degree
    return {aid for v, aid in enumerate(analysis.network.ids) if degree[v] > 0}


def compare_analyses(before: Analysis, after: Analysis, label_before: str = "",
                     label_after: str = "", taken_out: tuple[str, ...] = ()) -> Change:
    """Everything that changed from ``before`` to ``after``, matched by actor id.

    Parameters
    ----------
    before, after : Analysis
        Two analyses, ideally with the same seed and bootstrap settings.
    label_before, label_after : str
        How the two sides are named to the reader (a year, or a folder name).
    taken_out : tuple of str
        Actors taken out of ``after`` on purpose (a what-if): leaving the core is certain for them (REMOVED).

    Returns
    -------
    Change
    """
    ids_b, ids_a = before.network.ids, after.network.ids
    set_b, set_a = set(ids_b), set(ids_a)
    linked_b, linked_a = _linked(before), _linked(after)
    both = [a for a in ids_a if a in set_b]
    wb, wa = relation_weights(before), relation_weights(after)
    added = tuple(RelationChange(s, t, k[2], None, w) for k, (w, s, t) in wa.items() if k not in wb)
    removed = tuple(RelationChange(s, t, k[2], w, None) for k, (w, s, t) in wb.items() if k not in wa)
    reweighted = tuple(RelationChange(s, t, k[2], wb[k][0], w) for k, (w, s, t) in wa.items()
                       if k in wb and abs(wb[k][0] - w) > WEIGHT_TOLERANCE)
    names = {a.id: a.name for a in before.region.actors}
    names.update({a.id: a.name for a in after.region.actors})
    top_b, top_a = top_candidates(before), top_candidates(after)
    return Change(
        before=_side(before, label_before, len(wb)), after=_side(after, label_after, len(wa)),
        joined=tuple(a for a in ids_a if a not in set_b),
        left=tuple(a for a in ids_b if a not in set_a),
        linked=tuple(a for a in both if a in linked_a and a not in linked_b),
        unlinked=tuple(a for a in both if a in linked_b and a not in linked_a),
        added=added, removed=removed, reweighted=reweighted,
        core_moves=_core_moves(before, after, frozenset(taken_out)),
        top_before=top_b, top_after=top_a, ranks=_rank_changes(before, after, top_b, top_a, (linked_b, linked_a)),
        groups=_group_changes(before, after), indicators=_indicator_changes(before, after),
        names=names, regrouped=_regrouped(before, after),
        top_places_before=top_places(before, top_b), top_places_after=top_places(after, top_a),
    )


