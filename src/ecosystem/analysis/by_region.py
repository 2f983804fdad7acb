"""Each arbeidsmarktregio's own network, analysed as if it were the whole data set.

A provincial data set lists per actor the arbeidsmarktregio(s) it works in
(``region`` column, several ``|``-separated: :attr:`ecosystem.model.Actor.regions`).
The network of one region is its actors (an actor in several regions counts in
each) and the relations among them; it is analysed by
:func:`ecosystem.analysis.pipeline.analyse_region` with the same seed and
settings, so a region's results are exactly those of ``ecosystem analyse`` on a
folder holding only that region's rows.  This is how the Brabant study puts the
province's four regions side by side (Thunnissen, Noord-Brabant LLO study,
source 004 in the project seeds).

What the side-by-side view states of each region is one :class:`RegionEntry`, built here once
from that region's :class:`~ecosystem.analysis.pipeline.Analysis`: the report's and compare.html's
table and the slides read it, and summary.json's ``by_region`` and compare.json are its plain
serialisation (:func:`ecosystem.render.summary_json.region_entry_json`).

Every region's analysis repeats the stability bootstrap's relation resamples, so that what the
side-by-side view states of a region comes with how sure it is (:class:`RegionStability`: the core
actors stable in the region's core, how often its first candidate ranks first). Its actor resamples
are left out: no output reads them for a region (``ecosystem analyse --region`` draws both, as for
any whole data set), and each sample is seeded on its own, so the relation resamples are the same.

Budget: the bootstrap is the dearest step.  Above :data:`BOOTSTRAP_MAX_ACTORS` actors in the whole data set the
per-region analyses run without it (and the outputs say so); the whole
network's analysis keeps its own.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import partial

from ..model import Region
from ..parallel import Background
from .diagnosis import Indicator
from .groups import GroupPosition, absent_key_groups
from ._compiled import load_kernels
from .network import TieCount
from .orchestrator import TOP_CANDIDATES
from .pipeline import Analysis, analyse_region, core_ids, core_order

# Above this many actors in the whole data set, per-region analyses skip the bootstrap.
BOOTSTRAP_MAX_ACTORS = 2000


@dataclass(frozen=True)
class RegionCandidate:
    """One of a region's best orchestrator candidates: its id, name, score and rank, equal scores sharing one
    (``Orchestrators.shared_rank``: "1, 1, 3", the rank every output shows)."""

    id: str
    name: str
    score: float
    rank: int = 1


@dataclass(frozen=True)
class FirstShare:
    """One of the candidates sharing the first place with an equal score, and how often the resamples put it
    first alone (``Stability.top_share``; ``stable``: :meth:`~ecosystem.analysis.stability.Stability.top_stable`)."""

    id: str
    name: str
    share: float
    stable: bool


@dataclass(frozen=True)
class RegionStability:
    """How sure a region's core and first candidate are, from that region's own stability bootstrap.

    The facts ``ecosystem analyse`` on the region alone states in its "how sure" lines
    (:class:`~ecosystem.analysis.stability.Stability`, relation resampling; the thresholds in
    docs/methods.md §10).

    Attributes
    ----------
    stable_in_core : int
        Core actors stable in the core (:meth:`~ecosystem.analysis.stability.Stability.stable_in_core`).
    in_doubt : tuple of str
        The other core actors' ids, in :func:`~ecosystem.analysis.pipeline.core_ids` order.
    top, top_name : str or None
        The first candidate (``Analysis.top_candidate``, ``RegionEntry.orchestrators[0]``, the whole
        network's ``top_orchestrator``) and its name; None when no actor scores above 0.
    top_share : float or None
        Share of the resamples in which it ranks first alone.
    top_stable : bool or None
        Whether that share makes it stable (:meth:`~ecosystem.analysis.stability.Stability.top_stable`).
    shared : tuple of FirstShare
        When the first place is shared with an equal score (``Analysis.first_shared``): each candidate sharing
        it, in rank order, with its share; ``top`` is then only the first of them by id, and no sentence
        names it alone. Empty when the first candidate is first alone.
    """

    stable_in_core: int
    in_doubt: tuple[str, ...]
    top: str | None
    top_name: str | None
    top_share: float | None
    top_stable: bool | None
    shared: tuple[FirstShare, ...] = ()


def region_stability(analysis: Analysis) -> RegionStability | None:
    """The :class:`RegionStability` of the region ``analysis`` is of (None: its bootstrap did not run)."""
    st = analysis.stability
    if st is None:
        return None
    ids = analysis.network.ids
    core = core_order(analysis)
    stable = st.stable_in_core(core)
    top = analysis.top_candidate
    if top is None:          # no actor scores above 0: no first candidate to be sure of
        return RegionStability(len(stable), tuple(ids[v] for v in core if v not in stable), None, None, None, None)
    actors = analysis.region.actors
    shared = tuple(FirstShare(ids[v], actors[v].name, float(st.top_share[v]), st.top_stable(v))
                   for v in analysis.first_shared)
    return RegionStability(len(stable), tuple(ids[v] for v in core if v not in stable), ids[top],
                           actors[top].name, float(st.top_share[top]), st.top_stable(top), shared)


@dataclass(frozen=True)
class RegionEntry:
    """The facts the side-by-side view states of one region, read from its own analysis.

    Every value is what ``ecosystem analyse`` on a folder holding only that region's rows
    states for it; a region whose organisations have no relation among them has an empty
    entry (:meth:`empty`).

    Attributes
    ----------
    actors : int
    tie_count : TieCount
        Its relations, ties and ties carrying several relations.
    density : float or None
        The tie network's density (None: fewer than two actors).
    core : tuple of str
        The core's ids in :func:`~ecosystem.analysis.pipeline.core_ids` order.
    verdict : str or None
        The core/periphery test's verdict code (None: nothing analysed).
    orchestrators : tuple of RegionCandidate
        The first :data:`~ecosystem.analysis.orchestrator.TOP_CANDIDATES` orchestrator candidates, best first.
    first_shared : tuple of RegionCandidate
        The candidates sharing the first place with an equal score (``Analysis.first_shared``), in rank
        order; empty when the first is first alone. The order among them is the id's, no finding.
    core_swappable : tuple of str
        The ids of ``Analysis.core_swappable``: left out of a core that fits as well with them in.
    core_groups_vary : bool
        ``Analysis.core_groups_vary``: an equally good core has other groups in it.
    groups : tuple of GroupPosition
    peripheral_key_groups, key_groups_without_seat : tuple of str
        Key groups on the periphery; key groups without a seat at the core's governance tables.
    diagnosis : tuple of Indicator
    bootstrap : int
        The stability bootstrap's resamples (0: not run).
    stability : RegionStability or None
        How sure its core and first candidate are (None: no bootstrap).
    """

    actors: int
    tie_count: TieCount
    density: float | None
    core: tuple[str, ...]
    verdict: str | None
    orchestrators: tuple[RegionCandidate, ...]
    groups: tuple[GroupPosition, ...]
    peripheral_key_groups: tuple[str, ...]
    key_groups_without_seat: tuple[str, ...]
    diagnosis: tuple[Indicator, ...]
    bootstrap: int
    stability: RegionStability | None
    first_shared: tuple[RegionCandidate, ...] = ()
    supports_core: bool = True      # a test supports a core (CorePeripheryTest.supports_core)
    # the region's Analysis.core_swappable (ids, in id order) and core_groups_vary: its core is one of several
    core_swappable: tuple[str, ...] = ()
    core_groups_vary: bool = False

    @property
    def relations(self) -> int:
        return self.tie_count.relations

    @property
    def absent_key_groups(self) -> tuple[str, ...]:
        """The key groups without any organisation in this region (:func:`~.groups.absent_key_groups`)."""
        return absent_key_groups(self.groups)

    @property
    def ties(self) -> int:
        return self.tie_count.ties

    @classmethod
    def empty(cls, actors: int) -> "RegionEntry":
        """A region whose organisations have no relation among them: nothing to analyse."""
        return cls(actors, TieCount(0, 0, 0), None, (), None, (), (), (), (), (), 0, None)


def region_entry(analysis: Analysis) -> RegionEntry:
    """The side-by-side facts of the region ``analysis`` is of (see :class:`RegionEntry`)."""
    orch = analysis.orchestrators
    shared = orch.shared_rank          # equal scores one rank, as every output shows a rank

    def candidate(v: int) -> RegionCandidate:
        return RegionCandidate(analysis.network.ids[v], analysis.region.actors[v].name, float(orch.score[v]),
                               int(shared[v]))
    agency = next((d for d in analysis.indicators if d.key == "agency"), None)
    return RegionEntry(
        actors=len(analysis.region.actors),
        tie_count=analysis.tie_count,
        density=analysis.network.density,
        core=core_ids(analysis),
        verdict=analysis.core_test.verdict,
        orchestrators=tuple(candidate(v) for v in analysis.candidates[:TOP_CANDIDATES]),
        groups=tuple(analysis.groups),
        peripheral_key_groups=analysis.peripheral_key_groups,
        key_groups_without_seat=tuple(agency.params["without_seat"]) if agency else (),
        diagnosis=tuple(analysis.indicators),
        bootstrap=analysis.stability.samples if analysis.stability is not None else 0,
        stability=region_stability(analysis),
        first_shared=tuple(candidate(v) for v in analysis.first_shared),
        supports_core=analysis.core_test.supports_core,
        core_swappable=tuple(analysis.network.ids[v] for v in analysis.core_swappable),
        core_groups_vary=analysis.core_groups_vary,
    )


@dataclass(frozen=True)
class RegionAnalyses:
    """The per-region analyses of one data set.

    Attributes
    ----------
    analyses : dict of str to Analysis or None
        Per region name (sorted), its analysis; None when its actors have no relation among them.
    bootstrap : bool
        False when the budget switched the per-region bootstrap off.
    max_actors : int
        The budget: the data-set size above which the per-region bootstrap is off.
    entries : dict of str to RegionEntry
        Per region name (sorted), what the side-by-side view states of it.
    """

    analyses: dict[str, Analysis | None]
    bootstrap: bool
    max_actors: int
    entries: dict[str, RegionEntry]


def region_names(region: Region) -> tuple[str, ...]:
    """The arbeidsmarktregios the actors name, sorted (case as written)."""
    return tuple(sorted({name for actor in region.actors for name in actor.regions}))


def slug(name: str) -> str:
    """A folder-safe form of a region name: ``Zuidoost-Brabant`` -> ``zuidoost-brabant``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "regio"


def sub_region(region: Region, name: str) -> Region:
    """The network of arbeidsmarktregio ``name``: its actors and the relations among them.

    Canonical order is kept (a subsequence of a sorted sequence is sorted), so the result
    is the Region that loading a folder with only these rows would give. The folder name
    becomes ``<folder>-<slug>`` and the name ``<name>``; warnings are dropped (they were
    said for the whole data set).
    """
    members = {a.id for a in region.actors if name in a.regions}
    actors = tuple(a for a in region.actors if a.id in members)
    relations = tuple(r for r in region.relations if r.source in members and r.target in members)
    # The data set's name in region.toml's other languages is not this region's: only the main name is
    # replaced, so the translations lose theirs; the data set is kept as ``whole`` (RegionMeta.in_language).
    meta = replace(region.meta, name=name, folder=f"{region.meta.folder}-{slug(name)}", arbeidsmarktregios=(name,),
                   translations={lang: {k: v for k, v in texts.items() if k != "name"}
                                 for lang, texts in region.meta.translations.items()},
                   whole=replace(region.meta, year=None), whole_size=(len(region.actors), len(region.relations)))
    return replace(region, meta=meta, actors=actors, relations=relations, warnings=())


def find_region(region: Region, name: str) -> str | None:
    """The region name in the data that ``name`` means (exact, then ignoring case and accents, then slug)."""
    names = region_names(region)
    if name in names:
        return name
    for candidate in names:
        if candidate.casefold() == name.casefold() or slug(candidate) == slug(name):
            return candidate
    return None


def analyse_by_region(region: Region, seed: int = 0, bootstrap_samples: int | None = None,
                      null_samples: int | None = None,
                      max_actors: int = BOOTSTRAP_MAX_ACTORS, whole: Analysis | None = None) -> RegionAnalyses:
    """Analyse every arbeidsmarktregio's network alone (see the module docstring).

    Parameters
    ----------
    region : Region
        The whole data set, in canonical order.
    seed, bootstrap_samples, null_samples
        As for :func:`~ecosystem.analysis.pipeline.analyse_region`; the same for every region.
    max_actors : int
        Above this many actors in ``region`` the per-region bootstrap is off.
    whole : Analysis, optional
        ``region``'s own analysis with the same ``seed``, ``bootstrap_samples`` and
        ``null_samples``. A region whose network is the whole data set (every actor names it,
        as in a one-region folder) then reuses it instead of computing the same numbers again:
        :func:`analyse_region` is a pure function of the actors, relations and settings.

    Returns
    -------
    RegionAnalyses
        Empty ``analyses`` when no actor names a region.
    """
    return start_by_region(region, seed, bootstrap_samples, null_samples, max_actors).result(whole)


class PendingRegions:
    """The per-region analyses, started on other cores by :func:`start_by_region`; :meth:`result` collects them."""

    def __init__(self, subs: dict[str, Region], computed: list[str], analyse, within: bool, max_actors: int,
                 workers: int | None):
        self._subs, self._computed, self._analyse = subs, computed, analyse
        self._within, self._max_actors = within, max_actors
        self._running = Background(analyse, [subs[name] for name in computed], workers)

    def cancel(self) -> None:
        """Stop the analyses still running (the whole network's analysis failed)."""
        self._running.cancel()

    def result(self, whole: Analysis | None = None) -> RegionAnalyses:
        """The per-region analyses, ``whole`` (``region``'s own analysis, same settings) reused where they coincide.

        Without ``whole``, a region whose network is the whole data set is analysed here.
        """
        computed = dict(zip(self._computed, self._running.results()))
        analyses: dict[str, Analysis | None] = {}
        for name, sub in self._subs.items():
            if not sub.relations:
                analyses[name] = None
            elif name in computed:
                analyses[name] = computed[name]
            elif whole is not None:
                # The same actors, relations and settings: the same numbers (only the names differ).
                # Without the per-region bootstrap only the stability differs: analyse_region
                # computes it last and nothing else reads it, so dropping it gives that analysis.
                analyses[name] = replace(whole, region=sub, year=None, survey=None, extras=None,
                                         stability=whole.stability if self._within else None)
            else:
                analyses[name] = self._analyse(sub)
        entries = {name: region_entry(a) if a is not None else RegionEntry.empty(len(self._subs[name].actors))
                   for name, a in analyses.items()}
        return RegionAnalyses(analyses, self._within, self._max_actors, entries)


def _own_analysis(region: Region, sub: Region) -> bool:
    """True when ``sub`` needs an analysis of its own: it has relations and is not the whole data set."""
    return bool(sub.relations) and not (sub.actors == region.actors and sub.relations == region.relations)


def start_by_region(region: Region, seed: int = 0, bootstrap_samples: int | None = None,
                    null_samples: int | None = None, max_actors: int = BOOTSTRAP_MAX_ACTORS,
                    workers: int | None = None) -> PendingRegions:
    """Start every arbeidsmarktregio's analysis (as :func:`analyse_by_region`) on other cores and return at once.

    The regions' analyses do not need the whole network's, so they run beside it
    (:class:`ecosystem.parallel.Background`), the largest first; ``PendingRegions.result``
    waits for them. The results do not depend on ``workers``.
    """
    within = len(region.actors) <= max_actors
    samples = bootstrap_samples if within else 0
    subs = {name: sub_region(region, name) for name in region_names(region)}
    own = sorted((name for name, sub in subs.items() if _own_analysis(region, sub)),
                 key=lambda name: (-len(subs[name].relations), name))
    # Only the relation resamples: a region's "how sure" (region_stability) reads nothing else, and its
    # actor resamples would be a tenth of Brabant's work for no output (issue 10).
    analyse = partial(analyse_region, seed=seed, bootstrap_samples=samples, null_samples=null_samples,
                      actor_resamples=False)
    if own:
        load_kernels()      # once here, before the forks, not once in every region's process
    return PendingRegions(subs, own, analyse, within, max_actors, workers)
