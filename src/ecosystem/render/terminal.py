"""The short plain-language summary printed at the end of ``ecosystem analyse``."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import (STEERING_LABELS, core_periphery_sentence, core_periphery_tests, fmt_interval, fmt_number,
                    fmt_share, group_label, join_words, t, ties_sentence)
from ..analysis.pipeline import core_ids
from ..analysis.stability import STABLE
from .diagnosis_text import indicator_sentence, indicator_title
from .reasons import reason_texts
from .steering_text import steering_rule_lines

if TYPE_CHECKING:
    from ..analysis.pipeline import Analysis

MAX_CORE_NAMES = 12


def terminal_summary(analysis: Analysis, names: dict[str, str], lang: str) -> str:
    """The printed summary: the analysis results (the same facts summary.json holds) in words."""
    region = analysis.region
    meta = region.meta.in_language(lang)     # region.toml's texts in the reader's language
    lines = [t("summary_title", lang, region=meta.name, actors=len(region.actors), relations=len(region.relations))]
    line = ties_sentence(len(region.relations), analysis.network.ties.ecount(), analysis.pairs_with_several_relations,
                         lang)
    if line:
        lines.append("  " + line)
    if analysis.year is not None:
        lines.append(t("summary_year", lang, year=analysis.year))
    if meta.note:
        lines.append(t("summary_note", lang, note=meta.note))
    if analysis.survey is not None:         # survey data: response rate and what non-response means
        lines.append(analysis.survey.summary(lang)["text"])
    core = [names[i] for i in core_ids(analysis)]
    shown = ", ".join(core[:MAX_CORE_NAMES])
    if len(core) > MAX_CORE_NAMES:
        shown += " " + t("summary_core_more", lang, more=len(core) - MAX_CORE_NAMES)
    lines.append(t("summary_core", lang, n=len(core), names=shown or t("none", lang)))
    if analysis.core.fit == analysis.core.fit:     # NaN: no core/periphery fitted
        lines.append(t("summary_core_fit", lang, fit=fmt_number(analysis.core.fit, lang)))
    lines.extend(_core_periphery_lines(analysis, lang))
    lines.append(t("summary_orchestrators", lang))
    top = analysis.candidates[:3]
    score, rank = analysis.orchestrators.score, analysis.orchestrators.rank
    # Near-equal scores would all print as the same two decimals; show a third so the order is visible.
    digits = 3 if len({fmt_number(score[v], lang) for v in top}) < len(top) else 2
    for v in top:
        lines.append(f"  {int(rank[v])}. {region.actors[v].name} ({fmt_number(score[v], lang, digits)}): "
                     + "; ".join(reason_texts((analysis.reasons or {}).get(v), lang, names)))
    for g in analysis.groups:
        if g.key:
            lines.append(t("summary_group_line", lang, label=group_label(g.group, lang), in_core=g.in_core,
                           actors=g.actors, share=fmt_share(g.share_in_core, lang)))
    peripheral = [group_label(g.group, lang).lower() for g in analysis.groups if g.peripheral]
    lines.append(t("summary_peripheral", lang, groups=join_words(peripheral, lang)) if peripheral
                 else t("summary_no_peripheral", lang))
    ids = analysis.network.ids
    contrast = [names[ids[c.actor]] for c in analysis.contrasts]
    if contrast:
        lines.append(t("summary_contrast", lang, names=_listed(contrast, 8)))
    steering = analysis.steering
    if steering.dominant:
        ordered = sorted(steering.overall.items(), key=lambda kv: -kv[1])
        lines.append(t("summary_steering", lang, mix=", ".join(
            f"{STEERING_LABELS[lang][k]} {fmt_share(v, lang)}" for k, v in ordered if v > 0)))
        lines.extend(steering_rule_lines([k for k, _ in ordered], steering.overridden, lang))
    lines.extend(_stability_lines(analysis, names, lang))
    if analysis.indicators:
        lines.append(t("summary_diagnosis", lang))
        for ind in analysis.indicators:
            mark = "!" if ind.status == "attention" else "✓"
            lines.append(f"  {mark} {indicator_title(ind, lang)}: {indicator_sentence(ind, lang, names)}")
    return "\n".join(lines)


def analysis_ties_text(analysis: Analysis, lang: str) -> str:
    """The number of ties, or the sentence saying why it differs from the number of relations (:func:`ties_text`)."""
    ties = analysis.network.ties.ecount()
    return ties_sentence(len(analysis.region.relations), ties, analysis.pairs_with_several_relations,
                         lang) or str(ties)


def _core_periphery_lines(analysis: Analysis, lang: str) -> list[str]:
    """The two tests' p-values (when a core/periphery applies) and the sentence that says what they mean."""
    lines = []
    tests = core_periphery_tests(analysis.structure, analysis.core_test, lang)
    if tests:
        lines.append(t("summary_significance", lang, **tests))
    sentence = core_periphery_sentence(analysis.structure, analysis.core_test, lang)
    if sentence:
        lines.append("  " + sentence)
    return lines


def _stability_lines(analysis: Analysis, names: dict[str, str], lang: str) -> list[str]:
    st = analysis.stability
    if st is None:
        return []
    lines = [t("summary_stability", lang, samples=st.samples, drop=fmt_share(st.drop, lang),
               hi=fmt_share(STABLE, lang), lo=fmt_share(1 - STABLE, lang)),
             t("stability_covers", lang)]
    # The uncertain actors are every actor whose core probability is undecided, in or out of
    # the core; the core line names only core actors, the borderline line the others.
    ids = analysis.network.ids
    low, high = st.core_interval

    def named(v: int, low, high) -> str:
        return f"{names[ids[v]]} ({fmt_interval(low[v], high[v], lang)})"
    core = analysis.core.core
    n_core = int(sum(bool(c) for c in core))
    doubt_in = [named(v, low, high) for v in st.uncertain() if core[v]]
    doubt_out = [named(v, low, high) for v in st.uncertain() if not core[v]]
    lines.append(t("stability_core", lang, stable=n_core - len(doubt_in), n=n_core,
                   uncertain=_listed(doubt_in, 6) or t("none", lang)))
    if doubt_out:
        lines.append(t("stability_borderline", lang, names=_listed(doubt_out, 6)))
    low_a, high_a = st.core_interval_actors
    doubt = [named(v, low_a, high_a) for v in st.uncertain_actors(v for v in range(len(ids)) if core[v])]
    lines.append(t("stability_core_actors", lang, drop=fmt_share(st.drop, lang),
                   stable=n_core - len(doubt), n=n_core, uncertain=_listed(doubt, 6) or t("none", lang)))
    top = analysis.first_ranked
    lines.append(t("stability_top", lang, name=names[ids[top]], share=fmt_share(st.top_share[top], lang),
                   verdict=t("stable" if st.top_stable(top) else "uncertain", lang)))
    groups = [f"{group_label(g, lang).lower()} {fmt_share(share, lang)} "
              f"({t('stable' if st.peripheral_stable(g) else 'uncertain', lang)})"
              for g, share in st.peripheral_share.items() if share > 0]
    if groups:
        lines.append(t("stability_groups", lang, groups=", ".join(groups)))
    return lines


def _listed(items: list[str], limit: int) -> str:
    """The first ``limit`` items, comma-separated, with ' …' when there are more."""
    return ", ".join(items[:limit]) + (" …" if len(items) > limit else "")
