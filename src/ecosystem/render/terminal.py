"""The short plain-language summary printed at the end of ``ecosystem analyse``."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import core_periphery_sentence, core_periphery_tests
from ..locale import Locale
from .steering_text import steering_rule_lines

if TYPE_CHECKING:
    from ..analysis.pipeline import Analysis

MAX_CORE_NAMES = 12


def terminal_summary(analysis: Analysis, summary: dict, names: dict[str, str], loc: Locale) -> str:
    """The printed summary: ``summary`` (summary.json's content) in words, the core/periphery
    verdict from ``analysis`` (its typed test results)."""
    lines = [loc.t("summary_title", region=summary["text"]["region"], actors=summary["actors"],
               relations=summary["relations"])]
    differ = loc.ties_sentence(summary["relations"], summary["ties"], summary.get("pairs_with_several_relations", 0))
    if differ:
        lines.append("  " + differ)
    if summary.get("year") is not None:
        lines.append(loc.t("summary_year", year=summary["year"]))
    if summary["text"].get("note"):
        lines.append(loc.t("summary_note", note=summary["text"]["note"]))
    if summary.get("survey"):               # survey data: response rate and what non-response means
        lines.append(summary["survey"]["text"])
    core = [names[i] for i in summary["core"]]
    shown = ", ".join(core[:MAX_CORE_NAMES])
    if len(core) > MAX_CORE_NAMES:
        shown += " " + loc.t("summary_core_more", more=len(core) - MAX_CORE_NAMES)
    lines.append(loc.t("summary_core", n=len(core), names=shown or loc.t("none")))
    if summary.get("core_fit") is not None:
        lines.append(loc.t("summary_core_fit", fit=loc.number(summary["core_fit"])))
    lines.extend(_core_periphery_lines(analysis, loc))
    lines.append(loc.t("summary_orchestrators"))
    top = summary["orchestrators"][:3]
    # Near-equal scores would all print as the same two decimals; show a third so the order is visible.
    digits = 3 if len({loc.number(c["score"]) for c in top}) < len(top) else 2
    for cand in top:
        lines.append(f"  {cand['rank']}. {cand['name']} ({loc.number(cand['score'], digits)}): "
                     + "; ".join(r["text"] for r in cand["reasons"]))
    for key, g in summary["groups"].items():
        if g["key_group"]:
            lines.append(loc.t("summary_group_line", label=loc.group(key), in_core=g["in_core"],
                           actors=g["actors"], share=loc.share(g["share_in_core"])))
    peripheral = [loc.group(g).lower() for g in summary["peripheral_key_groups"]]
    lines.append(loc.t("summary_peripheral", groups=loc.join(peripheral)) if peripheral
                 else loc.t("summary_no_peripheral"))
    contrast = summary.get("layers", {}).get("central_as_supplier_not_at_table", [])
    if contrast:
        lines.append(loc.t("summary_contrast", names=_listed([names[i] for i in contrast], 8)))
    steering = summary.get("steering")
    if steering and steering["dominant"]:
        ordered = sorted(steering["overall"].items(), key=lambda kv: -kv[1])
        lines.append(loc.t("summary_steering", mix=", ".join(
            f"{loc.section('steering')[k]} {loc.share(v)}" for k, v in ordered if v > 0)))
        lines.extend(steering_rule_lines([k for k, _ in ordered], steering["overridden"], loc))
    lines.extend(_stability_lines(summary, names, loc))
    if summary.get("diagnosis"):
        lines.append(loc.t("summary_diagnosis"))
        for ind in summary["diagnosis"]:
            mark = "!" if ind["status"] == "attention" else "✓"
            lines.append(f"  {mark} {ind['text']['title']}: {ind['text']['sentence']}")
    return "\n".join(lines)


def _core_periphery_lines(analysis: Analysis, loc: Locale) -> list[str]:
    """The two tests' p-values (when a core/periphery applies) and the sentence that says what they mean."""
    lines = []
    tests = core_periphery_tests(analysis.structure, analysis.core_test, loc.lang)
    if tests:
        lines.append(loc.t("summary_significance", **tests))
    sentence = core_periphery_sentence(analysis.structure, analysis.core_test, loc.lang)
    if sentence:
        lines.append("  " + sentence)
    return lines


def _stability_lines(summary: dict, names: dict[str, str], loc: Locale) -> list[str]:
    st = summary.get("stability")
    if not st:
        return []
    lines = [loc.t("summary_stability", samples=st["samples"], drop=loc.share(st["drop_share"]),
               hi=loc.share(st["threshold"]), lo=loc.share(1 - st["threshold"])),
             loc.t("stability_covers")]
    # 'core_uncertain' holds every actor whose core probability is undecided, in or out of
    # the core; the core line names only core actors, the borderline line the others.
    intervals = st["core_probability_interval"]

    def named(i: str, interval) -> str:
        return f"{names[i]} ({loc.interval(*interval)})"
    core = summary["core"]
    doubt_in = [named(i, intervals[i]) for i in st["core_uncertain"] if i in core]
    doubt_out = [named(i, intervals[i]) for i in st["core_uncertain"] if i not in core]
    lines.append(loc.t("stability_core", stable=len(core) - len(doubt_in), n=len(core),
                   uncertain=_listed(doubt_in, 6) or loc.t("none")))
    if doubt_out:
        lines.append(loc.t("stability_borderline", names=_listed(doubt_out, 6)))
    by_actor = st.get("actor_drop")
    if by_actor:
        doubt = [named(i, by_actor["core_probability_interval"][i]) for i in by_actor["core_uncertain"] if i in core]
        lines.append(loc.t("stability_core_actors", drop=loc.share(st["drop_share"]),
                       stable=len(core) - len(doubt), n=len(core), uncertain=_listed(doubt, 6) or loc.t("none")))
    top = st["top_orchestrator"]
    lines.append(loc.t("stability_top", name=names[top["id"]], share=loc.share(top["first_share"]),
                   verdict=loc.t("stable" if top["stable"] else "uncertain")))
    groups = [f"{loc.group(g).lower()} {loc.share(v['share'])} "
              f"({loc.t('stable' if v['stable'] else 'uncertain')})"
              for g, v in st["peripheral_key_groups"].items() if v["share"] > 0]
    if groups:
        lines.append(loc.t("stability_groups", groups=", ".join(groups)))
    return lines


def _listed(items: list[str], limit: int) -> str:
    """The first ``limit`` items, comma-separated, with ' …' when there are more."""
    return ", ".join(items[:limit]) + (" …" if len(items) > limit else "")
