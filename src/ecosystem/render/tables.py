"""The per-actor table (actors.csv / actors.xlsx) and the machine-readable summary (summary.json)."""
from __future__ import annotations

import pandas as pd

from ..analysis.ecosystem import Analysis, core_ids
from ..analysis.brokerage import ROLES
from ..analysis.core_periphery.discrete import CP_IDEAL
from ..analysis.orchestrator import WEIGHTS
from ..analysis.stability import CONFIDENCE, STABLE, UNCERTAIN, is_stable, verdict
from ..analysis.steering import PHILOSOPHIES, default_types
from .diagnosis_text import indicator_sentence, indicator_title
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
        "core": list(core_ids(analysis)),
        "core_fit": _round(analysis.core.fit),
        "coreness_fit": _round(analysis.coreness.fit),
        "orchestrators": [
            {"id": ids[v], "name": region.actors[v].name, "rank": int(orch.rank[v]),
             "score": _round(orch.score[v]),
             "parts": {k: _round(p[v]) for k, p in orch.parts.items()},
             # What each part adds to the score (weight x part); they sum to the score.
             "contributions": {k: _round(WEIGHTS[k] * p[v]) for k, p in orch.parts.items()},
             "mandate": mandate_facts(analysis, v),
             "reasons": orchestrator_reasons(analysis, v, lang)}
            for v in candidate_indices(analysis)
        ],
        "orchestrator_weights": orchestrator_weights(analysis),
        "orchestrator_sensitivity": sensitivity_section(analysis),
        "groups": {
            g.group: {"actors": g.actors, "in_core": g.in_core, "share_in_core": _round(g.share_in_core),
                      "key_group": g.key, "peripheral": g.peripheral}
            for g in analysis.groups
        },
        "peripheral_key_groups": [g.group for g in analysis.groups if g.peripheral],
        "isolated": [ids[v] for v in range(len(ids)) if analysis.centralities.degree[v] == 0],
        "core_periphery": core_periphery_section(analysis),
        "layers": layers_section(analysis),
        "diagnosis": diagnosis_section(analysis, lang),
        "stability": stability_section(analysis),
        "steering": steering_section(analysis),
    }


def mandate_facts(analysis: Analysis, v: int) -> dict | None:
    """What lies behind actor ``v``'s mandate part: tables, key groups met there, funding, role."""
    m = analysis.orchestrators.mandate
    if m is None:
        return None
    return {"tables": int(m.tables[v]), "key_groups_at_tables": list(m.groups_met[v]),
            "funds": int(m.funded[v]), "funding_weight": _round(m.funding[v]), "role": m.roles[v] or None,
            "signals": {k: _round(m.signals[k][v]) for k in m.used}}


def orchestrator_weights(analysis: Analysis) -> dict:
    """The score's weights, and inside the mandate part the signals the data records with theirs."""
    m = analysis.orchestrators.mandate
    return {**{k: _round(w) for k, w in WEIGHTS.items()},
            "mandate_signals": {k: _round(w) for k, w in m.weights.items()} if m is not None else {}}


def sensitivity_section(analysis: Analysis) -> dict:
    """How the current top five move when each weight is multiplied by 0.5 and 1.5 (analysis result)."""
    ids = analysis.network.ids
    top = candidate_indices(analysis)
    active = analysis.centralities.degree > 0
    changes = []
    for change in analysis.orchestrators.sensitivity:
        ranked = sorted((v for v in range(len(ids)) if active[v]), key=lambda v: change.rank[v])
        changes.append({"weight": change.part, "factor": change.factor,
                        "weights": {k: _round(w) for k, w in change.weights.items()},
                        "ranks": {ids[v]: int(change.rank[v]) for v in top},
                        "top": [ids[v] for v in ranked[:TOP_CANDIDATES]]})
    first = [c for c in changes if top and c["ranks"][ids[top[0]]] != 1]
    return {"actors": [ids[v] for v in top], "changes": changes,
            "first_holds": not first,
            "first_changes_under": [{"weight": c["weight"], "factor": c["factor"]} for c in first]}


def steering_section(analysis: Analysis) -> dict:
    mix = analysis.steering
    return {
        "overall": {k: _round(v) for k, v in mix.overall.items()},
        "relations": mix.counts,
        "dominant": mix.dominant,
        "overridden": mix.overridden,
        # Which relation types count toward each philosophy unless the 'steering' column says otherwise.
        "default_types": {p: list(default_types(p)) for p in PHILOSOPHIES},
        "by_pair": [{"groups": list(pair), "weight": _round(mix.pair_weight[pair]),
                     "shares": {k: _round(v) for k, v in shares.items()}}
                    for pair, shares in sorted(mix.by_pair.items())],
    }


def core_periphery_section(analysis: Analysis) -> dict:
    test = analysis.core_test
    kc = analysis.kcore
    top_shell = int(kc.max()) if len(kc) else 0
    return {
        "model": (f"Borgatti-Everett discrete (core-core ideal 1, core-periphery {CP_IDEAL:g}, "
                  "periphery-periphery 0)"),
        "structure": analysis.structure.kind,
        "parts": list(analysis.structure.sizes),
        "fit": _round(analysis.core.fit),
        "restarts": analysis.core.restarts,
        "continuous_fit": _round(analysis.coreness.fit),
        "continuous_converged": analysis.coreness_converged,
        # p_value, null_*, z and significant describe the degrees test (kept from the single-test version).
        "p_value": _round(test.p_value),
        "null_samples": test.n_null,
        "null_fit_mean": _round(test.degrees.null_mean),
        "null_fit_sd": _round(test.degrees.null_sd),
        "z": (_round((test.observed_fit - test.degrees.null_mean) / test.degrees.null_sd)
              if test.degrees.null_sd > 0 else None),
        "significant": test.degrees.significant,
        "tests": {name: {"p": _round(t.p_value), "samples": t.n_null}
                  for name, t in (("density", test.density), ("degrees", test.degrees))},
        "verdict": test.verdict,
        "kcore_max": top_shell,
        "kcore_main": [analysis.network.ids[v] for v in range(len(kc)) if kc[v] == top_shell],
    }


def layers_section(analysis: Analysis) -> dict:
    ids = analysis.network.ids
    section = {}
    for layer in analysis.layers:
        order = sorted((v for v in range(len(ids)) if layer.degree[v] > 0), key=lambda v: layer.orchestrator_rank[v])
        section[layer.key] = {
            "relations": layer.relations, "ties": layer.ties, "actors": int(layer.active.sum()),
            "core": [ids[v] for v in range(len(ids)) if layer.core[v]],
            "fit": _round(layer.fit),
            "orchestrators": [ids[v] for v in order[:TOP_CANDIDATES]],
        }
    return {
        "per_layer": section,
        "central_as_supplier_not_at_table": [ids[c.actor] for c in analysis.contrasts],
    }


def diagnosis_section(analysis: Analysis, lang: str) -> list[dict]:
    names = {a.id: a.name for a in analysis.region.actors}
    return [{"key": ind.key, "title": indicator_title(ind, lang), "value": _round(ind.value),
             "threshold": _round(ind.threshold), "status": ind.status,
             "sentence": indicator_sentence(ind, lang, names), "details": ind.params}
            for ind in analysis.indicators]


def stability_section(analysis: Analysis) -> dict | None:
    st = analysis.stability
    if st is None:
        return None
    ids = analysis.network.ids
    n = len(ids)
    core = [v for v in range(n) if analysis.core.core[v]]
    top = int(min(range(n), key=lambda v: analysis.orchestrators.rank[v]))
    low, high = st.core_interval
    low_a, high_a = st.core_interval_actors
    verdicts = [verdict(low[v], high[v]) for v in range(n)]
    verdicts_a = [verdict(low_a[v], high_a[v]) for v in range(n)]
    return {
        "samples": st.samples, "drop_share": st.drop,
        # One Monte Carlo standard error (0.5 / sqrt(samples)), not a margin: see core_probability_interval.
        "standard_error": _round(st.standard_error),
        "threshold": STABLE,
        "confidence": CONFIDENCE, "interval_method": "clopper-pearson",
        "core_probability": {ids[v]: _round(st.core_probability[v]) for v in range(n)},
        "core_probability_interval": {ids[v]: [_round(low[v]), _round(high[v])] for v in range(n)},
        # "core": the whole interval >= threshold; "periphery": <= 1 - threshold; else "uncertain".
        "core_verdict": {ids[v]: verdicts[v] for v in range(n)},
        "core_uncertain": [ids[v] for v in range(n) if verdicts[v] == UNCERTAIN],
        "core_stable": all(verdicts[v] != UNCERTAIN for v in core),
        "core_size": {"full": len(core), "resample_mean": _round(st.core_sizes.mean())},
        "top_orchestrator": {"id": ids[top], "first_share": _round(st.top_share[top]),
                             "stable": bool(st.top_share[top] >= 0.5),
                             "rank_interval": [int(st.rank_low[top]), int(st.rank_high[top])]},
        "orchestrator_rank_interval": {ids[v]: [int(st.rank_low[v]), int(st.rank_high[v])]
                                       for v in candidate_indices(analysis)},
        "peripheral_key_groups": {g: {"share": _round(share), "stable": is_stable(*st.peripheral_interval(g)),
                                      "interval": [_round(b) for b in st.peripheral_interval(g)]}
                                  for g, share in st.peripheral_share.items()},
        # The second resampling: leaving out actors (with their relations) instead of relations.
        "actor_drop": {
            "core_probability": {ids[v]: _round(st.core_probability_actors[v]) for v in range(n)},
            "core_probability_interval": {ids[v]: [_round(low_a[v]), _round(high_a[v])] for v in range(n)},
            "samples_kept": {ids[v]: int(st.kept[v]) for v in range(n)},
            # Core actors with an uncertain verdict; actors never kept have no verdict and are not listed.
            "core_uncertain": [ids[v] for v in core if st.kept[v] > 0 and verdicts_a[v] == UNCERTAIN],
        },
    }


def _round(value: float) -> float | None:
    value = float(value)
    return None if value != value else round(value, 6)


def readable_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` as a reader sees it in actors.xlsx: headers, groups, scales and yes/no in ``lang``.

    actors.csv keeps the English keys and values: it is the machine contract.
    """
    from ..i18n import COLUMN_LABELS, column_label, group_label, scale_label

    out = frame.copy()
    if "group" in out:
        out["group"] = [group_label(g, lang) for g in out["group"]]
    if "scale" in out:
        out["scale"] = [scale_label(s, lang) for s in out["scale"]]
    words = COLUMN_LABELS[lang]
    for column in out.columns:
        if out[column].dtype == bool:
            out[column] = [words["yes"] if v else words["no"] for v in out[column]]
    out.columns = [column_label(c, lang) for c in out.columns]
    return out


XLSX_SHEETS = {"nl": ("actoren", "lagen"), "en": ("actors", "layers")}


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
