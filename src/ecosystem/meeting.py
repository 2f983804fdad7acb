"""Hooks for issue 12 ("in the meeting"): per-region analyses, key players and the map's what-if table.

The analyse pipeline (``api._analyse``) calls three functions here, one per stage, so the
feature lives in one place and can be re-wired onto other stages without touching its logic:

* :func:`analyse_extras` (analyse stage): each arbeidsmarktregio's own analysis
  (:mod:`ecosystem.analysis.by_region`), the key players
  (:mod:`ecosystem.analysis.key_players`) and who is cut off by each single departure
  (:mod:`ecosystem.analysis.cut_off`).
* :func:`summary_extras` (render stage, summary.json): ``by_region``, ``by_region_budget``
  and ``key_players``.
* :func:`payload_extras` (render stage, map payload): per node its ``regions`` and the
  ``cut_off`` list, the list of ``regions`` for the map's filter and each region's own core and
  candidates (:func:`region_marks`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .analysis.by_region import PendingRegions, RegionAnalyses, analyse_by_region
from .analysis.cut_off import cut_off_by_removal
from .analysis.network import TieNetwork
from .analysis.pipeline import Analysis
from .analysis.key_players import KeyPlayers, key_players
from .locale import Locale

# The render-stage hooks import their renderers when called: the analyse stage imports this module
# before the samples start on the other cores, and the renderers (jinja2, matplotlib) would add
# about 0.1 s before that, with those cores idle (issue 10).
if TYPE_CHECKING:
    from .render.map_payload import MapPayload


@dataclass(frozen=True)
class Extras:
    by_region: RegionAnalyses | None       # None when analysing one region (--region) or no actor names one
    key_players: KeyPlayers
    cut_off: dict[int, tuple[int, ...]]


def network_extras(net: TieNetwork) -> Extras:
    """The extras read from the whole tie network alone: the key players and who each departure cuts off.

    Passed as ``beside`` to :func:`~ecosystem.analysis.pipeline.analyse_region`, they are computed
    while the worker processes compute the samples; :func:`analyse_extras` adds the regions.
    """
    return Extras(None, key_players(net.ties), cut_off_by_removal(net.ties))


def analyse_extras(analysis: Analysis, seed: int, bootstrap: int | None, null_samples: int | None,
                   per_region: bool = True, pending: PendingRegions | None = None) -> Extras:
    """The extra analyses of issue 12 for ``analysis`` (same seed and settings for the regions).

    ``pending``: the per-region analyses, started beside ``analysis`` by
    :func:`~ecosystem.analysis.by_region.start_by_region` with the same settings. The key players
    and cut-off lists come from ``analysis.extras`` when it was analysed with ``beside=network_extras``.
    """
    region = analysis.region
    by_region = None
    if pending is not None:
        by_region = pending.result(whole=analysis)
    elif per_region and any(a.regions for a in region.actors):
        by_region = analyse_by_region(region, seed=seed, bootstrap_samples=bootstrap, null_samples=null_samples,
                                      whole=analysis)
    known = analysis.extras if isinstance(analysis.extras, Extras) else network_extras(analysis.network)
    return replace(known, by_region=by_region)


def summary_extras(extras: Extras, analysis: Analysis, loc: Locale) -> dict:
    """The summary.json fields of issue 12."""
    from .render.summary_json import budget_section, by_region_section
    from .render.whatif import key_players_section

    names = {a.id: a.name for a in analysis.region.actors}
    out = {"key_players": key_players_section(analysis.network.ids, names, extras.key_players)}
    if extras.by_region is not None:
        out["by_region"] = by_region_section(extras.by_region, loc)
        out["by_region_budget"] = budget_section(extras.by_region)
    return out


def payload_extras(payload: "MapPayload", extras: Extras, analysis: Analysis) -> "MapPayload":
    """``payload`` with each node's regions and what-if list, and the region names for the filter."""
    from .render.whatif import cut_off_payload

    names = {a.id: a.name for a in analysis.region.actors}
    regions = {a.id: tuple(a.regions) for a in analysis.region.actors}
    parts = analysis.network.ties.connected_components()
    sizes = parts.sizes()
    cut = cut_off_payload(analysis.network.ids, names, extras.cut_off, [sizes[m] for m in parts.membership])
    nodes = tuple(replace(n, regions=regions.get(n.id, ()), cut_off=cut.get(n.id, {"names": [], "total": 0, "apart": False}))
                  if n.id in regions else n for n in payload.nodes)
    names_sorted = sorted({r for rs in regions.values() for r in rs})
    if len(names_sorted) < 2:
        return replace(payload, nodes=nodes, regions=())
    marks = region_marks(payload, extras.by_region) if extras.by_region is not None else {}
    return replace(payload, nodes=nodes, regions=tuple(names_sorted), region_marks=marks)


def region_marks(payload: "MapPayload", by_region: RegionAnalyses) -> dict:
    """Per region, what the map marks when that region is chosen: its own core and orchestrator
    candidates (:class:`~ecosystem.analysis.by_region.RegionEntry`, what the report's per-region
    table states), None for a region without an analysis.

    ``labels`` holds the name labels that differ from the whole data set's there: a region's
    candidate carries its rank in the region, a candidate of the whole data set that is none
    in the region carries its plain name.
    """
    from .render.layout import map_label

    shown = {n.id: n for n in payload.nodes}
    out: dict[str, dict | None] = {}
    for name, entry in by_region.entries.items():
        if by_region.analyses.get(name) is None:
            out[name] = None
            continue
        candidates = [c.id for c in entry.orchestrators if c.id in shown]
        # equal scores one rank, as the whole data set's stars (orchestrator.shared_ranks)
        sub = by_region.analyses[name]
        shared, index = sub.orchestrators.shared_rank, {i: v for v, i in enumerate(sub.network.ids)}
        rank = {c.id: int(shared[index[c.id]]) for c in entry.orchestrators}
        labels = [{"id": i, "lines": map_label(shown[i].name, rank[i])} for i in candidates]
        labels += [{"id": n.id, "lines": map_label(n.name)} for n in payload.nodes
                   if n.orchestrator_rank is not None and n.id not in rank and n.aggregate is None]
        out[name] = {"core": [i for i in entry.core if i in shown],
                     "candidates": [{"id": i, "rank": rank[i]} for i in candidates], "labels": labels}
    return out
