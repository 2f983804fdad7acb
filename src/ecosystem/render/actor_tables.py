"""The per-actor tables: actors.csv / actors.xlsx, layers.csv, and a region as actors.csv + relations.csv.

Plain serialisations of the analysis results (:class:`~ecosystem.analysis.pipeline.Analysis`):
one row per actor, one column per measure; actors.xlsx repeats them with headers and
values in the reader's language.
"""
from __future__ import annotations

import pandas as pd

from ..analysis.gould_fernandez import ROLES
from ..analysis.pipeline import Analysis
from ..locale import Locale

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
    for part, values in analysis.orchestrators.parts.items():
        frame[f"orchestrator_{part}"] = values
    frame["at_governance_table"] = analysis.seats.astype(bool)
    frame["effective_size"] = analysis.effective_size
    frame["constraint"] = analysis.constraint
    for role in ROLES:
        frame[f"brokerage_{role}"] = analysis.brokerage.raw[role].astype(int)
    for role in ROLES:
        frame[f"brokerage_{role}_ratio"] = analysis.brokerage.standardised[role]
    frame["community"] = analysis.communities.membership.astype(int)
    st = analysis.stability
    if st is not None:
        frame["core_probability"] = st.core_probability
        frame["core_probability_actor_drop"] = st.core_probability_actors
        frame["orchestrator_rank_p05"] = st.rank_low
        frame["orchestrator_rank_p95"] = st.rank_high
        # 95% Clopper-Pearson intervals of the two core probabilities (docs/methods.md §10).
        low, high = st.core_interval
        frame["core_probability_low"], frame["core_probability_high"] = low, high
        low, high = st.core_interval_actors
        frame["core_probability_actor_drop_low"], frame["core_probability_actor_drop_high"] = low, high
    return frame


def layers_frame(analysis: Analysis) -> pd.DataFrame:
    """Actor x layer: position on each relation type alone (coreness, core, degree, betweenness, orchestrator rank)."""
    frame = pd.DataFrame({"id": list(analysis.network.ids), "name": [a.name for a in analysis.region.actors],
                          "group": list(analysis.network.groups), "coreness_all": analysis.coreness.coreness,
                          "core_all": analysis.core.core.astype(bool)})
    for layer in analysis.layers:
        # Six decimals: a sparse layer's coreness is approximate; more digits would only show round-off.
        frame[f"coreness_{layer.key}"] = layer.coreness.round(6)
        frame[f"core_{layer.key}"] = layer.core.astype(bool)
        frame[f"degree_{layer.key}"] = layer.degree.astype(int)
        frame[f"betweenness_{layer.key}"] = layer.betweenness
        frame[f"orchestrator_rank_{layer.key}"] = layer.orchestrator_rank.astype(int)
    return frame


def readable_frame(frame: pd.DataFrame, loc: Locale) -> pd.DataFrame:
    """``frame`` as a reader sees it in actors.xlsx: headers, groups, scales and yes/no in ``loc``'s language.

    actors.csv keeps the English keys and values: it is the machine contract.
    """
    out = frame.copy()
    if "group" in out:
        out["group"] = [loc.group(g) for g in out["group"]]
    if "scale" in out:
        out["scale"] = [loc.scale(s) for s in out["scale"]]
    words = loc.section("column")
    for column in out.columns:
        if out[column].dtype == bool:
            out[column] = [words["yes"] if v else words["no"] for v in out[column]]
    out.columns = [loc.column(c) for c in out.columns]
    return out



def region_frames(region) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A region as the contract's actors.csv and relations.csv (what ``import`` writes)."""
    def with_extra(rows: list[dict], items) -> pd.DataFrame:
        extra = sorted({k for item in items for k in item.extra})
        return pd.DataFrame([{**row, **{k: item.extra.get(k, "") for k in extra}} for row, item in zip(rows, items)])

    actors = with_extra([{"id": a.id, "name": a.name, "group": a.group, "type": a.type, "scale": a.scale,
                          "region": "|".join(a.regions)} for a in region.actors], region.actors)
    relations = with_extra([{"source": r.source, "target": r.target, "type": r.type, "weight": r.weight,
                             "since": r.since, "until": r.until, "note": r.note, "steering": r.steering}
                            for r in region.relations], region.relations)
    return actors, relations
