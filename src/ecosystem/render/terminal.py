"""The short plain-language summary printed at the end of ``ecosystem analyse``."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import (STEERING_LABELS, core_periphery_sentence, core_periphery_tests, fmt_interval, fmt_number,
                    fmt_share, group_label, join_words, t, ties_sentence)
from .steering_text import steering_rule_lines

if TYPE_CHECKING:
    from ..analysis.pipeline import Analysis

MAX_CORE_NAMES = 12


def terminal_summary(analysis: Analysis, summary: dict, names: dict[str, str], lang: str) -> str:
    """The printed summary: ``summary`` (summary.json's content) in words, the core/periphery
    verdict from ``analysis`` (its typed test results)."""
    lines = [t("summary_title", lang, region=summary["text"]["region"], actors=summary["actors"],
               relations=summary["relations"])]
    differ = ties_sentence(summary["relations"], summary["ties"], summary.get("pairs_with_several_relations", 0), lang)
    if differ:
        lines.append("  " + differ)
    if summary.get("year") is not None:
        lines.append(t("summary_year", lang, year=summary["year"]))
    if summary["text"].get("note"):
        lines.append(t("summary_note", lang, note=summary["text"]["note"]))
    if summary.get("survey"):               # survey data: response rate and what non-response means
        lines.append(summary["survey"]["text"])
    core = [names[i] for i in summary["core"]]
    shown = ", ".join(core[:MAX_CORE_NAMES])
    if len(core) > MAX_CORE_NAMES:
        shown += " " + t("summary_core_more", lang, more=len(core) - MAX_CORE_NAMES)
    lines.append(t("summary_core", lang, n=len(core), names=shown or t("none", lang)))
    if summary.get("core_fit") is not None:
        lines.append(t("summary_core_fit", lang, fit=fmt_number(summary["core_fit"], lang)))
    lines.extend(_core_periphery_lines(analysis, lang))
    lines.append(t("summary_orchestrators", lang))
    top = summary["orchestrators"][:3]
    # Near-equal scores would all print as the same two decimals; show a third so the order is visible.
    digits = 3 if len({fmt_number(c["score"], lang) for c in top}) < len(top) else 2
    for cand in top:
        lines.append(f"  {cand['rank']}. {cand['name']} ({fmt_number(cand['score'], lang, digits)}): "
                     + "; ".join(r["text"] for r in cand["reasons"]))
    for key, g in summary["groups"].items():
        if g["key_group"]:
            lines.append(t("summary_group_line", lang, label=group_label(key, lang), in_core=g["in_core"],
                           actors=g["actors"], share=fmt_share(g["share_in_core"], lang)))
    peripheral = [group_label(g, lang).lower() for g in summary["peripheral_key_groups"]]
    lines.append(t("summary_peripheral", lang, groups=join_words(peripheral, lang)) if peripheral
                 else t("summary_no_peripheral", lang))
    contrast = summary.get("layers", {}).get("central_as_supplier_not_at_table", [])
    if contrast:
        lines.append(t("summary_contrast", lang, names=_listed([names[i] for i in contrast], 8)))
    steering = summary.get("steering")
    if steering and steering["dominant"]:
        ordered = sorted(steering["overall"].items(), key=lambda kv: -kv[1])
        lines.append(t("summary_steering", lang, mix=", ".join(
            f"{STEERING_LABELS[lang][k]} {fmt_share(v, lang)}" for k, v in ordered if v > 0)))
        lines.extend(steering_rule_lines([k for k, _ in ordered], steering["overridden"], lang))
    lines.extend(_stability_lines(summary, names, lang))
    if summary.get("diagnosis"):
        lines.append(t("summary_diagnosis", lang))
        for ind in summary["diagnosis"]:
            mark = "!" if ind["status"] == "attention" else "✓"
            lines.append(f"  {mark} {ind['text']['title']}: {ind['text']['sentence']}")
    return "\n".join(lines)


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


def _stability_lines(summary: dict, names: dict[str, str], lang: str) -> list[str]:
    st = summary.get("stability")
    if not st:
        return []
    lines = [t("summary_stability", lang, samples=st["samples"], drop=fmt_share(st["drop_share"], lang),
               hi=fmt_share(st["threshold"], lang), lo=fmt_share(1 - st["threshold"], lang)),
             t("stability_covers", lang)]
    # 'core_uncertain' holds every actor whose core probability is undecided, in or out of
    # the core; the core line names only core actors, the borderline line the others.
    intervals = st["core_probability_interval"]

    def named(i: str, interval) -> str:
        return f"{names[i]} ({fmt_interval(*interval, lang)})"
    core = summary["core"]
    doubt_in = [named(i, intervals[i]) for i in st["core_uncertain"] if i in core]
    doubt_out = [named(i, intervals[i]) for i in st["core_uncertain"] if i not in core]
    lines.append(t("stability_core", lang, stable=len(core) - len(doubt_in), n=len(core),
                   uncertain=_listed(doubt_in, 6) or t("none", lang)))
    if doubt_out:
        lines.append(t("stability_borderline", lang, names=_listed(doubt_out, 6)))
    by_actor = st.get("actor_drop")
    if by_actor:
        doubt = [named(i, by_actor["core_probability_interval"][i]) for i in by_actor["core_uncertain"] if i in core]
        lines.append(t("stability_core_actors", lang, drop=fmt_share(st["drop_share"], lang),
                       stable=len(core) - len(doubt), n=len(core), uncertain=_listed(doubt, 6) or t("none", lang)))
    top = st["top_orchestrator"]
    lines.append(t("stability_top", lang, name=names[top["id"]], share=fmt_share(top["first_share"], lang),
                   verdict=t("stable" if top["stable"] else "uncertain", lang)))
    groups = [f"{group_label(g, lang).lower()} {fmt_share(v['share'], lang)} "
              f"({t('stable' if v['stable'] else 'uncertain', lang)})"
              for g, v in st["peripheral_key_groups"].items() if v["share"] > 0]
    if groups:
        lines.append(t("stability_groups", lang, groups=", ".join(groups)))
    return lines


def _listed(items: list[str], limit: int) -> str:
    """The first ``limit`` items, comma-separated, with ' …' when there are more."""
    return ", ".join(items[:limit]) + (" …" if len(items) > limit else "")
