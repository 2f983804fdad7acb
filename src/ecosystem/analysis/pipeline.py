"""Run every analysis on a validated region: the analyse stage of the pipeline.

load (io) -> analyse (this module) -> render (render/) -> write (io/outputs).
The result is one :class:`Analysis` object, the one source of truth: every measure,
verdict and derived set (the candidates, their reasons, the stability verdicts) is
decided here or in the analysis module it calls, and renderers only put it into
words and pictures. Nothing here depends on the language, formats text or touches files.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from ..model import Region
from ..parallel import Tasks, pool_map
from ._compiled import load_kernels
from .burt import constraint, effective_size
from .gould_fernandez import Brokerage, cross_group_brokerage, gould_fernandez
from .centrality import SPLIT_ABOVE, Centralities, centralities
from .core_periphery import (ContinuousCorePeriphery, CorePeripheryTest, DiscreteCorePeriphery, Structure,
                             continuous_core_periphery, core_periphery_test, discrete_core_periphery, kcore,
                             main_core, network_structure)
from .core_periphery.significance import null_tasks, untested
from .diagnosis import Communities, Indicator, diagnose
from .groups import GroupPosition, absent_key_groups, group_positions
from .leaders import LEADERS_LISTED, leaders
from .layers import Contrast, Layer, governance_tables, layer_tasks, supplier_contrasts, table_network
from .mandate import mandate_parts
from .network import TieCount, TieNetwork, build_network, pairs_with_several_relations
from .orchestrator import (Orchestrators, WeightChange, compared, first_changes_under, orchestrator_scores,
                           steering_network, steering_positions, top_candidates)
from .reasons import Reason, orchestrator_reasons
from .sample_sizes import bootstrap_samples as default_bootstrap_samples
from .sample_sizes import null_samples as default_null_samples
from .stability import Stability, bootstrap, bootstrap_tasks
from .steering import SteeringMix, steering_mix
from .symmetry import core_groups_vary, orbit_mean, split_orbits, tie_orbits

if TYPE_CHECKING:
    from ..intake.survey import SurveyInfo

@dataclass(frozen=True)
class Analysis:
    region: Region
    network: TieNetwork
    centralities: Centralities
    coreness: ContinuousCorePeriphery
    coreness_converged: bool         # False: one dominant hub, coreness values approximate
    core: DiscreteCorePeriphery
    core_test: CorePeripheryTest
    structure: Structure             # complete / pairs / parts / empty: no core/periphery applies
    kcore: np.ndarray
    brokerage: Brokerage
    effective_size: np.ndarray
    constraint: np.ndarray
    orchestrators: Orchestrators
    groups: list[GroupPosition]
    seats: np.ndarray                # at a governance table with the core
    layers: list[Layer]
    contrasts: list[Contrast]
    indicators: list[Indicator]
    communities: Communities
    stability: Stability | None
    steering: SteeringMix
    seed: int
    candidates: tuple[int, ...] = ()           # the best orchestrator candidates, best first (with ties only)
    reasons: dict[int, tuple[Reason, ...]] | None = None   # candidate -> why, as codes with values
    year: int | None = None                    # the year analysed (relations in force then), if one was asked
    survey: "SurveyInfo | None" = None         # response facts when the relations come from a survey
    # Per-region analyses, key players and the what-if table (ecosystem.meeting.Extras), added by
    # api.analyse_loaded; None when not computed. analyse_region(beside=meeting.network_extras) sets
    # an Extras without the regions (by_region None), which analyse_extras completes.
    extras: object = None
    leaders: dict[str, tuple[int, ...]] = field(default_factory=dict)   # measure -> leading actors (leaders.py)
    orbits: tuple[int, ...] = ()               # actors interchangeable in the ties share a number (symmetry.tie_orbits)
    # An equally good core (the core's image under an automorphism) has other numbers of some group in it
    # (symmetry.core_groups_vary); False where the core is a union of orbits.
    core_groups_vary: bool = False

    @property
    def tie_count(self) -> TieCount:
        """Relations, ties and the ties carrying more than one relation row (why the first two differ):
        what the ties sentence states."""
        return TieCount(len(self.region.relations), self.network.ties.ecount(),
                        pairs_with_several_relations(self.network))

    @property
    def isolated(self) -> tuple[int, ...]:
        """Actors without any tie, in id order."""
        return tuple(v for v in range(self.network.n) if self.centralities.degree[v] == 0)

    def tied_beyond(self, listed: int) -> tuple[int, ...]:
        """The actors scoring exactly what the last of the first ``listed`` candidates scores (as the ranking
        compares scores, ``orchestrator.compared``) without being among them, in rank order: a list cut at
        ``listed`` leaves them out for their id alone (the ranking's tie-break), so a list says so."""
        shown = self.candidates[:listed]
        if not shown:
            return ()
        score, rank = compared(self.orchestrators.score), self.orchestrators.rank
        last = score[shown[-1]]
        return tuple(sorted((v for v in range(self.network.n) if score[v] == last and v not in shown),
                            key=lambda v: rank[v]))

    @property
    def main_core(self) -> tuple[int, tuple[int, ...]]:
        """The k-core baseline's main core: the largest shell index and its actors (indices, in id order),
        :func:`~.core_periphery.kcore.main_core` of :attr:`kcore`."""
        return main_core(self.kcore)

    @property
    def peripheral_key_groups(self) -> tuple[str, ...]:
        """The key groups on the periphery (:class:`~.groups.GroupPosition`), in ``vocab.GROUPS`` order."""
        return tuple(g.group for g in self.groups if g.peripheral)

    @property
    def absent_key_groups(self) -> tuple[str, ...]:
        """The key groups without any organisation in the data (:func:`~.groups.absent_key_groups`)."""
        return absent_key_groups(self.groups)

    def top_under(self, change: WeightChange) -> tuple[int, ...]:
        """The candidates under one of the sensitivity table's weight changes: its ranking cut by the candidates'
        own rule (a score above 0, which does not depend on the positive weights), best first."""
        return top_candidates(change.rank, compared(self.orchestrators.score))

    @property
    def core_swappable(self) -> tuple[int, ...]:
        """The actors outside the core that are interchangeable in the ties with one inside
        (:func:`.symmetry.split_orbits`): a core with them in fits equally well, so who is in it does not
        follow from the data. Empty when the core is a union of orbits (or there is none)."""
        return split_orbits(self.orbits, self.core.core) if self.orbits else ()

    @property
    def top_candidate(self) -> int | None:
        """The first orchestrator candidate (``candidates[0]``); None when no actor scores above 0."""
        return self.candidates[0] if self.candidates else None

    @property
    def first_shared(self) -> tuple[int, ...]:
        """The candidates sharing the first place (an equal best score, ``orchestrator.compared``), in rank
        order; empty when the first candidate is first alone or there is none."""
        if not self.candidates:
            return ()
        score, rank = compared(self.orchestrators.score), self.orchestrators.rank
        shared = tuple(sorted(np.flatnonzero(score == score[self.candidates[0]]).tolist(), key=lambda v: rank[v]))
        return shared if len(shared) > 1 else ()

    @property
    def first_place(self) -> tuple[int, ...]:
        """Who holds the first place: every candidate sharing it (``first_shared``), else the first candidate
        alone; empty when no actor scores above 0. What a region's picture names."""
        return self.first_shared or self.candidates[:1]

    @property
    def first_changes(self) -> tuple[WeightChange, ...]:
        """The weight changes under which the first candidate no longer ranks first (empty: it holds)."""
        return first_changes_under(self.orchestrators, self.candidates)

    def indicator(self, key: str) -> Indicator:
        """The diagnosis indicator named ``key`` (:mod:`ecosystem.analysis.diagnosis`)."""
        return next(ind for ind in self.indicators if ind.key == key)


def core_order(analysis: Analysis) -> list[int]:
    """The core's actors (indices), most central first: coreness rounded to 6 decimals (as in actors.csv),
    descending, then id.

    The one order in which every output lists the core (summary.json, change.json, terminal).
    """
    ids, coreness = analysis.network.ids, analysis.coreness.coreness
    members = [v for v in range(len(ids)) if analysis.core.core[v]]
    return sorted(members, key=lambda v: (-round(float(coreness[v]), 6), ids[v]))


def core_ids(analysis: Analysis) -> tuple[str, ...]:
    """The core's ids in :func:`core_order`."""
    return tuple(analysis.network.ids[v] for v in core_order(analysis))


def seats_with_core(region: Region, core: np.ndarray) -> np.ndarray:
    """Actors who sit at a bestuurlijke tafel where the core is present (see layers.table_network).

    An actor is seated when it shares a table with a core actor, or when it is itself in
    the core and sits at any table: a centrumgemeente chairing a table with werkgevers and
    vakbonden has a seat there even if no other core actor joins it.
    """
    tables = table_network(region)
    return np.array([(core[v] and tables.degree(v) > 0) or any(core[u] for u in tables.neighbors(v))
                     for v in range(tables.vcount())], dtype=bool)


def analyse_region(region: Region, seed: int = 0, bootstrap_samples: int | None = None,
                   null_samples: int | None = None, year: int | None = None,
                   survey: "SurveyInfo | None" = None, workers: int | None = None,
                   progress: Callable[[str], str] | None = None,
                   beside: Callable[[TieNetwork], object] | None = None,
                   meanwhile: Callable[[], object] | None = None, actor_resamples: bool = True) -> Analysis:
    """Compute every measure for ``region``.

    Results do not depend on the order of rows or columns when ``region`` is in canonical
    order, as :func:`ecosystem.io.region.load_region` returns it; for a Region built by
    hand, pass its actors and relations through :func:`ecosystem.model.canonical_order`.

    Parameters
    ----------
    region : Region
    seed : int
        Seed for every random step (optimiser restarts, null models, bootstrap, communities).
    bootstrap_samples : int, optional
        Number of resamples for the stability analysis; None picks a default by size, 0 skips it.
    null_samples : int, optional
        Number of random networks per core/periphery test (density and degrees); None picks a default.
    year : int, optional
        The year ``region`` was cut to (see :func:`ecosystem.io.region.load_region`); recorded, not applied.
    survey : SurveyInfo, optional
        The survey facts returned with the ties (:func:`ecosystem.intake.survey.apply_ties`); recorded.
    workers : int, optional
        Processes for the independent samples (null networks, layers, resamples); None uses every
        CPU this process may use (:mod:`ecosystem.parallel`). The results do not depend on it.
    progress : callable, optional
        Label of a step ("paths", "null", "layers", "resamples") for its progress bar on stderr; None
        shows no bar.
    beside : callable, optional
        More work on the tie network (``ecosystem.meeting.network_extras``), done in this process
        while the worker processes compute the samples; its result becomes ``Analysis.extras``.
    meanwhile : callable, optional
        Called without arguments, after ``beside``, when worker processes are still computing the
        samples (not when they run in this process): work for later stages that would otherwise
        wait for the samples with this process idle (``ecosystem.api.analyse`` imports the render
        stage's modules).
    actor_resamples : bool, default True
        Resample the actors too (the stability's second kind); False resamples only the relations
        (:func:`~ecosystem.analysis.stability.bootstrap`, ``actors``), for an analysis whose
        actor resamples no output reads (an arbeidsmarktregio's in :mod:`.by_region`).
    """
    def mapper(step: str):
        return partial(pool_map, workers=workers, label=progress(step) if progress else None)

    net = build_network(region)
    structure = network_structure(net.ties)
    n_null = default_null_samples(net.n) if null_samples is None else null_samples
    samples = default_bootstrap_samples(net.n) if bootstrap_samples is None else bootstrap_samples

    def start() -> Tasks:
        # The independent samples, dearest first: the layers (one may be most of the network), the
        # resamples, the null networks of the core/periphery test (only asked for when it applies).
        groups = {"layers": layer_tasks(region, seed=seed)}
        if samples > 0:
            groups["resamples"] = bootstrap_tasks(region, samples, seed=seed, actors=actor_resamples)
        if structure.has_core:
            groups["null"] = null_tasks(net.ties, "weight", seed=seed, n_null=n_null)
        return Tasks(groups, workers, labels={step: progress(step) if progress else None for step in groups})

    # The samples run on the worker processes while this process computes the rest. Above SPLIT_ABOVE
    # actors the path measures first spread over the cores themselves (centrality.exact_path_measures),
    # so the samples start after them, not beside them (one set of workers at a time keeps memory down).
    # Before the first fork: the workers inherit the compiled kernels (core/periphery searches, path
    # sums, Beta quantiles) instead of each importing numba and loading them (or compiling them, with an
    # empty cache) again.
    load_kernels()
    tasks = None
    try:
        tasks = start() if net.n <= SPLIT_ABOVE else None
        cent = centralities(net, mapper=mapper("paths"))
        # The orchestrator's position is read in the ecosystem network: steering ties across groups (methods §9).
        ecosystem, active = steering_network(region, net)
        # When the full network's path measures are estimated (centrality.SAMPLED_ABOVE), so is the steering
        # network's betweenness: from as many sampled sources, so cent.sampling's error bound holds for it too.
        steering = (None if ecosystem is net else
                    steering_positions(ecosystem, seed, pivots=cent.sampling.sources if cent.sampling else None,
                                       betweenness_seed=seed, mapper=mapper("paths")))
        if tasks is None:
            tasks = start()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", RuntimeWarning)
            continuous = continuous_core_periphery(net.ties, "weight", seed=seed, within_parts=True)
        coreness_converged = not any(issubclass(w.category, RuntimeWarning) for w in caught)
        # Interchangeable actors get the mean of what the fit gave them: of two mirror-image stars the fit
        # makes one hub the core by chance (symmetry module), and no claim may rest on that chance.
        orbits = tie_orbits(net.ties)
        continuous = replace(continuous, coreness=orbit_mean(continuous.coreness, orbits))
        discrete = discrete_core_periphery(net.ties, "weight", seed=seed)
        if not structure.has_core:
            # Everyone tied to everyone, or only separate pairs: any core the optimiser
            # returns is arbitrary (weights alone would pick it), so report none.
            discrete = DiscreteCorePeriphery(np.zeros(net.n, dtype=bool), float("nan"), discrete.restarts)
        brokerage = gould_fernandez(net.arcs, net.groups)
        positions = ((orbit_mean(steering[0], tie_orbits(ecosystem.ties)),) + tuple(steering[1:]) if steering is not None
                     else (continuous.coreness, cent.betweenness, cross_group_brokerage(brokerage)))
        orchestrators = orchestrator_scores(ecosystem, *positions, mandate=mandate_parts(region), active=active)
        seats = seats_with_core(region, discrete.core)
        indicators, comm = diagnose(net, discrete.core, seats, governance_tables(region), orchestrators.score,
                                       orchestrators.rank, seed, year=region.meta.year)
        extras = beside(net) if beside is not None else None
        if meanwhile is not None and tasks.computing:
            meanwhile()
        # Last, what the workers computed (the test's own observed fit first, while they finish).
        cp_test = (core_periphery_test(net.ties, "weight", seed=seed, n_null=n_null,
                                       null_fits=lambda: tasks.result("null"))
                   if structure.has_core else untested(n_null))
        layers = tasks.result("layers")
        stability = (bootstrap(region, samples, seed=seed, runs=lambda: tasks.result("resamples"),
                               actors=actor_resamples) if samples > 0 else None)
    finally:
        if tasks is not None:
            tasks.close()
    eligible = compared(orchestrators.score)       # a candidate scores above 0
    candidates = top_candidates(orchestrators.rank, eligible)
    reasons = {v: orchestrator_reasons(net, orchestrators, continuous.coreness, discrete.core, cent.betweenness, v)
               for v in candidates}
    return Analysis(
        region=region, network=net, centralities=cent, coreness=continuous, orbits=orbits,
        core_groups_vary=bool(split_orbits(orbits, discrete.core)) and core_groups_vary(net.ties, discrete.core,
                                                                                         net.groups),
        coreness_converged=coreness_converged, core=discrete, core_test=cp_test, structure=structure, kcore=kcore(net.ties),
        brokerage=brokerage, effective_size=effective_size(net.ties, "weight"),
        constraint=constraint(net.ties, "weight"), orchestrators=orchestrators,
        groups=group_positions(net.groups, discrete.core), seats=seats, layers=layers,
        contrasts=supplier_contrasts(region, layers, seats), indicators=indicators, communities=comm,
        stability=stability, steering=steering_mix(region), seed=seed,
        candidates=candidates, reasons=reasons, year=year, survey=survey, extras=extras,
        # The orchestrator list is the candidates' own ranking (orchestrator._rank), extended to the listed length.
        leaders={**leaders({"degree": cent.degree, "betweenness": cent.betweenness, "coreness": continuous.coreness},
                           cent.degree, net.ids),
                 "orchestrator": top_candidates(orchestrators.rank, eligible, LEADERS_LISTED)},
    )
