"""The per-actor tables: actors.csv / actors.xlsx, layers.csv, and a region as actors.csv + relations.csv.

Plain serialisations of the analysis results (:class:`~ecosystem.analysis.pipeline.Analysis`):
one row per actor, one column per measure; actors.xlsx repeats them with headers and
values in the reader's language.
"""
from __future__ import annotations

from ..analysis.gould_fernandez import ROLES
from ..analysis.pipeline import Analysis
from ..io.columns import BOOLEAN, Column, booleans, integers, numbers, texts
from ..locale import Locale

# The contract's columns first, in this order; later issues add columns after them.
ACTOR_COLUMNS = ("id", "name", "group", "type", "scale", "region", "degree", "strength", "in_degree",
                 "out_degree", "betweenness", "closeness", "eigenvector", "coreness", "core", "kcore",
                 "orchestrator_score", "orchestrator_rank")


def _actor_columns(actors) -> dict[str, Column]:
    """The contract's columns of the actors as the data gives them: id, name, group, type, scale, region."""
    return {"id": texts(a.id for a in actors), "name": texts(a.name for a in actors),
            "group": texts(a.group for a in actors), "type": texts(a.type for a in actors),
            "scale": texts(a.scale for a in actors), "region": texts("|".join(a.regions) for a in actors)}


def actors_table(analysis: Analysis) -> dict[str, Column]:
    """actors.csv: one row per actor, one column per measure (:mod:`ecosystem.io.columns`)."""
    c = analysis.centralities
    table = {
        **_actor_columns(analysis.region.actors),
        "degree": integers(c.degree),
        "strength": numbers(c.strength),
        "in_degree": integers(c.in_degree),
        "out_degree": integers(c.out_degree),
        "betweenness": numbers(c.betweenness),
        "closeness": numbers(c.closeness),
        "eigenvector": numbers(c.eigenvector),
        "coreness": numbers(analysis.coreness.coreness),
        "core": booleans(analysis.core.core),
        "kcore": integers(analysis.kcore),
        "orchestrator_score": numbers(analysis.orchestrators.score),
        "orchestrator_rank": integers(analysis.orchestrators.rank),
        # the rank every list, badge and table shows: equal scores share one ('1, 1, 3'), as the
        # resamples' orchestrator_rank_p05/p95 do; orchestrator_rank (the contract) breaks them by id
        "orchestrator_shared_rank": integers(analysis.orchestrators.shared_rank),
    }
    for part, values in analysis.orchestrators.parts.items():
        table[f"orchestrator_{part}"] = numbers(values)
    table["at_governance_table"] = booleans(analysis.seats)
    table["effective_size"] = numbers(analysis.effective_size)
    table["constraint"] = numbers(analysis.constraint)
    for role in ROLES:
        table[f"brokerage_{role}"] = integers(analysis.brokerage.raw[role])
    for role in ROLES:
        table[f"brokerage_{role}_ratio"] = numbers(analysis.brokerage.standardised[role])
    table["community"] = integers(analysis.communities.membership)
    st = analysis.stability
    if st is not None:
        table["core_probability"] = numbers(st.core_probability)
        table["core_probability_actor_drop"] = numbers(st.core_probability_actors)
        table["orchestrator_rank_p05"] = integers(st.rank_low)
        table["orchestrator_rank_p95"] = integers(st.rank_high)
        # 95% Clopper-Pearson intervals of the two core probabilities (docs/methods.md §10).
        low, high = st.core_interval
        table["core_probability_low"], table["core_probability_high"] = numbers(low), numbers(high)
        low, high = st.core_interval_actors
        table["core_probability_actor_drop_low"], table["core_probability_actor_drop_high"] = numbers(low), numbers(high)
    return table


def layers_table(analysis: Analysis) -> dict[str, Column]:
    """Actor x layer: position on each relation type alone (coreness, core, degree, betweenness, orchestrator rank)."""
    table = {"id": texts(analysis.network.ids), "name": texts(a.name for a in analysis.region.actors),
             "group": texts(analysis.network.groups), "coreness_all": numbers(analysis.coreness.coreness),
             "core_all": booleans(analysis.core.core)}
    for layer in analysis.layers:
        # Six decimals: a sparse layer's coreness is approximate; more digits would only show round-off.
        table[f"coreness_{layer.key}"] = numbers(layer.coreness.round(6))
        table[f"core_{layer.key}"] = booleans(layer.core)
        table[f"degree_{layer.key}"] = integers(layer.degree)
        table[f"betweenness_{layer.key}"] = numbers(layer.betweenness)
        table[f"orchestrator_rank_{layer.key}"] = integers(layer.orchestrator_rank)
    return table


def readable_table(table: dict[str, Column], loc: Locale) -> dict[str, Column]:
    """``table`` as a reader sees it in actors.xlsx: headers, groups, scales and yes/no in ``loc``'s language.

    actors.csv keeps the English keys and values: it is the machine contract.
    """
    words = loc.section("column")

    def readable(name: str, col: Column) -> Column:
        if name == "group":
            return texts(loc.group(g) for g in col.values)
        if name == "scale":
            return texts(loc.scale(s) for s in col.values)
        if col.kind == BOOLEAN:
            return texts(words["yes"] if v else words["no"] for v in col.values)
        return col
    return {loc.column(name): readable(name, col) for name, col in table.items()}


def about_table(region, loc: Locale) -> dict[str, Column]:
    """The workbooks' sheet about the data: the region, period and source, and region.toml's note (the Brabant
    example's 'illustrative reconstruction, not survey data'), in ``loc``'s language, so that a workbook passed
    on without the report still says what its numbers are."""
    meta = region.meta.in_language(loc)
    lines = [f"{loc.column('region')}: {meta.name_beside_year()}"]
    lines += [f"{loc.t(key)}: {value}" for key, value in (("report.meta_period", meta.period),
                                                          ("report.meta_source", meta.source)) if value]
    lines += [meta.note] if meta.note else []
    return {loc.t("sheet.about_title"): texts(lines)}


def region_tables(region) -> tuple[dict[str, Column], dict[str, Column]]:
    """A region as the contract's actors.csv and relations.csv (what ``import`` writes)."""
    def with_extra(table: dict[str, Column], items) -> dict[str, Column]:
        extra = sorted({k for item in items for k in item.extra})
        return {**table, **{k: texts(item.extra.get(k, "") for item in items) for k in extra}}

    relations = region.relations
    return (with_extra(_actor_columns(region.actors), region.actors),
            with_extra({"source": texts(r.source for r in relations), "target": texts(r.target for r in relations),
                        "type": texts(r.type for r in relations), "weight": numbers([r.weight for r in relations]),
                        "since": texts(r.since for r in relations), "until": texts(r.until for r in relations),
                        "note": texts(r.note for r in relations), "steering": texts(r.steering for r in relations)},
                       relations))
