"""summary.json: a plain serialisation of the analysis results, the same in every language.

Every number, verdict and set comes from :class:`~ecosystem.analysis.pipeline.Analysis`;
this module only names, rounds and orders them. The file is identical for ``--lang nl``
and ``--lang en`` except for ``lang`` and the values under keys named ``text`` (the
orchestrators' reasons, the diagnosis titles and sentences, region.toml's texts in the
reader's language, the survey sentence). See README.md, "summary.json".
"""
from __future__ import annotations

from dataclasses import asdict, is_dataclass

from ..analysis.by_region import RegionAnalyses, RegionEntry, RegionStability, region_stability
from ..analysis.centrality import repeated_pivots
from ..analysis.core_periphery.discrete import CP_IDEAL
from ..analysis.orchestrator import WEIGHTS
from ..analysis.network import TieCount
from ..analysis.pipeline import Analysis, core_ids
from ..analysis.sample_sizes import LARGE
from ..analysis.stability import CONFIDENCE, STABLE
from ..analysis.steering import PHILOSOPHIES, default_types
from ..locale import Locale
from ..model import TRANSLATABLE
from .diagnosis_text import indicator_sentence, indicator_title
from .reasons import reason_text


def sampling_section(sampling) -> dict | None:
    """How betweenness and closeness were estimated, with the error bound (None: computed exactly)."""
    if sampling is None:
        return None
    return {"sources": sampling.sources, "actors": sampling.actors, "confidence": sampling.confidence,
            "betweenness_error": _round(sampling.betweenness_error),
            "closeness_error": _round(sampling.closeness_error)}


def summary_dict(analysis: Analysis, loc: Locale) -> dict:
    """The content of summary.json; ``loc`` chooses only the values under ``text`` keys."""
    region = analysis.region
    ids = analysis.network.ids
    orch = analysis.orchestrators
    meta = region.meta
    shown = meta.in_language(loc)     # region.toml's [en] texts for English readers, if any
    names = {a.id: a.name for a in region.actors}
    summary = {
        "region": meta.name,
        "folder": meta.folder,
        "arbeidsmarktregios": list(meta.arbeidsmarktregios),
        "period": meta.period,
        "source": meta.source,
        "note": meta.note,
        "text": {"region" if k == "name" else k: getattr(shown, k) for k in TRANSLATABLE},
        # --anonymise: the outputs are anonymous, and who their arbeidsmarktregio still gives away (anonymous names)
        "anonymised": meta.anonymised,
        "recognisable": list(meta.recognisable),
        "lang": loc.lang,
        "seed": analysis.seed,
        "year": analysis.year,
        # analyse --region: the data set this arbeidsmarktregio was taken from (null: the whole data set)
        "part_of": None if meta.whole is None else {"name": meta.whole.name, "actors": meta.whole_size[0],
                                                    "relations": meta.whole_size[1]},
        "actors": len(region.actors),
        **tie_count_section(analysis.tie_count),
        "density": None if analysis.network.density is None else _round(analysis.network.density),
        # Path measures estimated from sampled sources on very large networks (null: exact).
        "sampling": sampling_section(analysis.centralities.sampling),
        "core": list(core_ids(analysis)),
        # outside the core, interchangeable in the ties with an actor inside: a core with them in fits equally well
        "core_swappable": [analysis.network.ids[v] for v in analysis.core_swappable],
        "core_fit": _round(analysis.core.fit),
        "coreness_fit": _round(analysis.coreness.fit),
        "orchestrators": [
            # rank: the full ranking's place, exact ties broken by id (as actors.csv's orchestrator_rank);
            # shared_rank: equal scores one rank ("1, 1, 3"), the rank every other output shows
            {"id": ids[v], "name": region.actors[v].name, "rank": int(orch.rank[v]),
             "shared_rank": int(orch.shared_rank[v]), "score": _round(orch.score[v]),
             "parts": {k: _round(p[v]) for k, p in orch.parts.items()},
             # What each part adds to the score (weight x part); they sum to the score.
             "contributions": {k: _round(c) for k, c in orch.contributions(v).items()},
             "mandate": mandate_facts(analysis, v),
             "reasons": [{"code": r.code, "values": _plain(r.values), "text": reason_text(r, loc, names)}
                         for r in (analysis.reasons or {}).get(v, ())]}
            for v in analysis.candidates
        ],
        "orchestrator_weights": orchestrator_weights(analysis),
        "orchestrator_sensitivity": sensitivity_section(analysis),
        "groups": groups_section(analysis.groups),
        "peripheral_key_groups": list(analysis.peripheral_key_groups),
        "isolated": [ids[v] for v in analysis.isolated],
        "core_periphery": core_periphery_section(analysis),
        "layers": layers_section(analysis),
        "diagnosis": diagnosis_section(analysis, loc),
        "stability": stability_section(analysis),
        # The size budget of the bootstrap: off by default above max_actors (docs/methods.md §10).
        "stability_budget": {"bootstrap": analysis.stability is not None, "max_actors": LARGE},
        "steering": steering_section(analysis),
    }
    if analysis.survey is not None:
        summary["survey"] = analysis.survey.summary(loc)
    return summary


def tie_count_section(count: TieCount) -> dict:
    """``relations``, ``ties`` and ``pairs_with_several_relations`` (why the first two differ)."""
    return {"relations": count.relations, "ties": count.ties, "pairs_with_several_relations": count.several}


def groups_section(groups) -> dict:
    """Per group: its actors, how many are in the core, its share there, key group or not, peripheral or not."""
    return {g.group: {"actors": g.actors, "in_core": g.in_core, "share_in_core": _round(g.share_in_core),
                      "key_group": g.key, "peripheral": g.peripheral}
            for g in groups}


def region_entry_json(entry: RegionEntry, loc: Locale) -> dict:
    """One region's entry of ``by_region`` (and of compare.json's ``regions``): the
    :class:`~ecosystem.analysis.by_region.RegionEntry` as JSON; ``loc`` chooses only the diagnosis titles."""
    return {
        "actors": entry.actors,
        **tie_count_section(entry.tie_count),
        "density": None if entry.density is None else _round(entry.density),
        "core": list(entry.core),
        # left out of a core that fits as well with them in (the whole network's core_swappable)
        "core_swappable": list(entry.core_swappable),
        "verdict": entry.verdict,
        "orchestrators": [{"id": c.id, "name": c.name, "score": _round(c.score), "shared_rank": c.rank}
                          for c in entry.orchestrators],
        # the candidates sharing the first place with an equal score (empty: the first is first alone)
        "first_shared": [c.id for c in entry.first_shared],
        "groups": groups_section(entry.groups),
        "peripheral_key_groups": list(entry.peripheral_key_groups),
        "key_groups_without_seat": list(entry.key_groups_without_seat),
        "diagnosis": [{"key": d.key, "status": d.status, "text": {"title": indicator_title(d, loc)}}
                      for d in entry.diagnosis],
        "bootstrap": entry.bootstrap,
        # How sure, from the region's own resamples (null: not run); as the whole network's "stability".
        "stability": None if entry.stability is None else {
            "stable_in_core": entry.stability.stable_in_core,
            "core_stable": not entry.stability.in_doubt,
            "core_in_doubt": list(entry.stability.in_doubt),
            "top_orchestrator": None if entry.stability.top is None else {
                "id": entry.stability.top, "first_share": _round(entry.stability.top_share),
                "stable": entry.stability.top_stable, "first_shared": first_shared_json(entry.stability)}},
    }


def first_shared_json(sure: RegionStability) -> list[dict]:
    """``top_orchestrator.first_shared``: each candidate sharing the first place with an equal score, with the
    share of resamples it is first alone in (empty when the first candidate is first alone)."""
    return [{"id": c.id, "first_share": _round(c.share), "stable": c.stable} for c in sure.shared]


def by_region_section(region_analyses: RegionAnalyses, loc: Locale) -> dict:
    """``summary["by_region"]``: per region name its entry (:func:`region_entry_json`)."""
    return {name: region_entry_json(entry, loc) for name, entry in region_analyses.entries.items()}


def budget_section(region_analyses: RegionAnalyses) -> dict:
    """``summary["by_region_budget"]``: whether the per-region bootstrap ran, and above which size it does not."""
    return {"bootstrap": region_analyses.bootstrap, "max_actors": region_analyses.max_actors}


def mandate_facts(analysis: Analysis, v: int) -> dict | None:
    """What lies behind actor ``v``'s mandate part: tables, key groups met there, funding, role."""
    m = analysis.orchestrators.mandate
    if m is None:
        return None
    # An anonymous run has no roles (anonymise.anonymise_region drops them before the analysis): role null.
    return {"tables": int(m.tables[v]), "key_groups_at_tables": list(m.groups_met[v]),
            "funds": int(m.funded[v]), "funding_weight": _round(m.funding[v]), "role": m.roles[v] or None,
            "signals": {k: _round(m.signals[k][v]) for k in m.used if k in m.signals}}


def orchestrator_weights(analysis: Analysis) -> dict:
    """The score's weights, and inside the mandate part the signals the data records with theirs."""
    m = analysis.orchestrators.mandate
    return {**{k: _round(w) for k, w in WEIGHTS.items()},
            "mandate_signals": {k: _round(w) for k, w in m.weights.items()} if m is not None else {}}


def sensitivity_section(analysis: Analysis) -> dict:
    """How the current top five move when each weight is multiplied by 0.5 and 1.5 (analysis result)."""
    ids = analysis.network.ids
    top = analysis.candidates
    changes = [{"weight": change.part, "factor": change.factor,
                "weights": {k: _round(w) for k, w in change.weights.items()},
                "ranks": {ids[v]: int(change.rank[v]) for v in top},
                # Equal scores one rank (orchestrator.shared_ranks), as the report's table shows them.
                "shared_ranks": {ids[v]: int(change.shared_rank[v]) for v in top},
                "top": [ids[v] for v in analysis.top_under(change)]}
               for change in analysis.orchestrators.sensitivity]
    first = analysis.first_changes
    return {"actors": [ids[v] for v in top], "changes": changes,
            "shared_ranks": {ids[v]: int(analysis.orchestrators.shared_rank[v]) for v in top},
            "first_holds": not first,
            "first_changes_under": [{"weight": c.part, "factor": c.factor} for c in first]}


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
    top_shell, main_shell = analysis.main_core
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
        # The smallest p-value n_null samples can give, 1 / (n_null + 1): the test's resolution.
        "p_value_floor": _round(test.degrees.floor),
        "null_fit_mean": _round(test.degrees.null_mean),
        "null_fit_sd": _round(test.degrees.null_sd),
        "z": _round(test.z),
        "significant": test.degrees.significant,
        "tests": {name: {"p": _round(t.p_value), "samples": t.n_null}
                  for name, t in (("density", test.density), ("degrees", test.degrees))},
        "verdict": test.verdict,
        "kcore_max": top_shell,
        "kcore_main": [analysis.network.ids[v] for v in main_shell],
    }


def layers_section(analysis: Analysis) -> dict:
    ids = analysis.network.ids
    section = {}
    for layer in analysis.layers:
        section[layer.key] = {
            "relations": layer.relations, "ties": layer.ties, "actors": int(layer.active.sum()),
            "core": [ids[v] for v in range(len(ids)) if layer.core[v]],
            "fit": _round(layer.fit),
            "orchestrators": [ids[v] for v in layer.candidates],
        }
    return {
        "per_layer": section,
        # Betweenness per layer from this many sampled source actors (null: exact), centrality.repeated_pivots.
        "betweenness_pivots": repeated_pivots(len(ids)),
        "central_as_supplier_not_at_table": [ids[c.actor] for c in analysis.contrasts],
    }


def diagnosis_section(analysis: Analysis, loc: Locale) -> list[dict]:
    names = {a.id: a.name for a in analysis.region.actors}
    return [{"key": ind.key, "value": _round(ind.value), "threshold": _round(ind.threshold), "status": ind.status,
             "verdict": ind.verdict, "details": _details(ind.params),
             "text": {"title": indicator_title(ind, loc), "sentence": indicator_sentence(ind, loc, names)}}
            for ind in analysis.indicators]


def stability_section(analysis: Analysis) -> dict | None:
    st = analysis.stability
    if st is None:
        return None
    ids = analysis.network.ids
    n = len(ids)
    core = [v for v in range(n) if analysis.core.core[v]]
    top = analysis.top_candidate
    sure = region_stability(analysis)      # the facts each region's by_region.<region>.stability states
    low, high = st.core_interval
    low_a, high_a = st.core_interval_actors
    verdicts = st.core_verdicts
    return {
        "samples": st.samples, "drop_share": st.drop,
        # Betweenness in each relation resample from this many sampled sources (null: exact).
        "betweenness_pivots": repeated_pivots(n),
        # One Monte Carlo standard error (0.5 / sqrt(samples)), not a margin: see core_probability_interval.
        "standard_error": _round(st.standard_error),
        "threshold": STABLE,
        "confidence": CONFIDENCE, "interval_method": "clopper-pearson",
        "core_probability": {ids[v]: _round(st.core_probability[v]) for v in range(n)},
        "core_probability_interval": {ids[v]: [_round(low[v]), _round(high[v])] for v in range(n)},
        # "core": the whole interval >= threshold; "periphery": <= 1 - threshold; else "uncertain".
        "core_verdict": {ids[v]: verdicts[v] for v in range(n)},
        "core_uncertain": [ids[v] for v in st.uncertain()],
        "core_stable": not sure.in_doubt,
        "core_size": {"full": len(core), "resample_mean": _round(st.core_sizes.mean())},
        # null when no actor scores above 0 (no orchestrator candidate)
        "top_orchestrator": None if top is None else {
            "id": sure.top, "first_share": _round(sure.top_share), "stable": sure.top_stable,
            "rank_interval": [int(st.rank_low[top]), int(st.rank_high[top])],
            "first_shared": first_shared_json(sure)},
        "orchestrator_rank_interval": {ids[v]: [int(st.rank_low[v]), int(st.rank_high[v])]
                                       for v in analysis.candidates},
        "peripheral_key_groups": {g: {"share": _round(share), "stable": st.peripheral_stable(g),
                                      "interval": [_round(b) for b in st.peripheral_interval(g)]}
                                  for g, share in st.peripheral_share.items()},
        # The second resampling: leaving out actors (with their relations) instead of relations.
        "actor_drop": {
            "core_probability": {ids[v]: _round(st.core_probability_actors[v]) for v in range(n)},
            "core_probability_interval": {ids[v]: [_round(low_a[v]), _round(high_a[v])] for v in range(n)},
            "samples_kept": {ids[v]: int(st.kept[v]) for v in range(n)},
            # Core actors with an uncertain verdict; actors never kept have no verdict and are not listed.
            "core_uncertain": [ids[v] for v in st.uncertain_actors(core)],
        },
    }


def _details(params: dict) -> dict:
    """An indicator's details as JSON: typed parts (agency's GroupSeats) as plain objects."""
    def plain(value):
        if is_dataclass(value):
            return asdict(value)
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value
    return plain(params)


def _plain(values: dict) -> dict:
    """Reason values as JSON: floats rounded like every other number in the file."""
    return {k: _round(v) if isinstance(v, float) else v for k, v in values.items()}


def _round(value: float) -> float | None:
    value = float(value)
    return None if value != value else round(value, 6)
