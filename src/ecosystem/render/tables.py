"""The per-actor table (actors.csv / actors.xlsx) and the machine-readable summary (summary.json)."""
from __future__ import annotations

import pandas as pd

from ..analysis.ecosystem import Analysis
from .reasons import orchestrator_reasons

TOP_CANDIDATES = 5
# The contract's columns first, in this order; later issues add columns after them.
ACTOR_COLUMNS = ("id", "name", "group", "type", "scale", "region", "degree", "strength", "in_degree",
                 "out_degree", "betweenness", "closeness", "eigenvector", "coreness", "core", "kcore",
                 "orchestrator_score", "orchestrator_rank")


def actors_frame(analysis: Analysis) -> pd.DataFrame:
    c = analysis.centralities
    actors = analysis.region.actors
    frame = pd.DataFrame({
        "id": [a.id for a in actors],
        "name": [a.name for a in actors],
        "group": [a.group for a in actors],
        "type": [a.type for a in actors],
        "scale": [a.scale for a in actors],
        "region": ["|".join(a.regions) for a in actors],
        "degree": c.degree.astype(int),
        "strength": c.strength,
        "in_degree": c.in_degree.astype(int),
        "out_degree": c.out_degree.astype(int),
        "betweenness": c.betweenness,
        "closeness": c.closeness,
        "eigenvector": c.eigenvector,
        "coreness": analysis.coreness.coreness,
        "core": analysis.core.core.astype(bool),
        "kcore": analysis.kcore.astype(int),
        "orchestrator_score": analysis.orchestrators.score,
        "orchestrator_rank": analysis.orchestrators.rank.astype(int),
    })
    return frame


def candidate_indices(analysis: Analysis, top: int = TOP_CANDIDATES) -> list[int]:
    """Best orchestrator candidates first; actors without any tie are never candidates."""
    degree = analysis.centralities.degree
    ranked = sorted(range(analysis.network.n), key=lambda v: analysis.orchestrators.rank[v])
    return [v for v in ranked if degree[v] > 0][:top]


def summary_dict(analysis: Analysis, lang: str) -> dict:
    region = analysis.region
    ids = analysis.network.ids
    orch = analysis.orchestrators
    return {
        "region": region.meta.name,
        "folder": region.meta.folder,
        "arbeidsmarktregios": list(region.meta.arbeidsmarktregios),
        "period": region.meta.period,
        "source": region.meta.source,
        "note": region.meta.note,
        "lang": lang,
        "seed": analysis.seed,
        "actors": len(region.actors),
        "relations": len(region.relations),
        "ties": analysis.network.ties.ecount(),
        "core": [ids[v] for v in range(len(ids)) if analysis.core.core[v]],
        "core_fit": _round(analysis.core.fit),
        "coreness_fit": _round(analysis.coreness.fit),
        "orchestrators": [
            {"id": ids[v], "name": region.actors[v].name, "rank": int(orch.rank[v]),
             "score": _round(orch.score[v]),
             "parts": {k: _round(p[v]) for k, p in orch.parts.items()},
             "reasons": orchestrator_reasons(analysis, v, lang)}
            for v in candidate_indices(analysis)
        ],
        "groups": {
            g.group: {"actors": g.actors, "in_core": g.in_core, "share_in_core": _round(g.share_in_core),
                      "key_group": g.key, "peripheral": g.peripheral}
            for g in analysis.groups
        },
        "peripheral_key_groups": [g.group for g in analysis.groups if g.peripheral],
        "isolated": [ids[v] for v in range(len(ids)) if analysis.centralities.degree[v] == 0],
    }


def _round(value: float) -> float | None:
    value = float(value)
    return None if value != value else round(value, 6)
