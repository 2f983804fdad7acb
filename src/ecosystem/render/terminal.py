"""The short plain-language summary printed at the end of ``ecosystem analyse``."""
from __future__ import annotations

from ..i18n import fmt_number, fmt_share, group_label, join_words, t

MAX_CORE_NAMES = 12


def terminal_summary(summary: dict, names: dict[str, str], lang: str) -> str:
    lines = [t("summary_title", lang, region=summary["region"], actors=summary["actors"],
               relations=summary["relations"])]
    if summary.get("note"):
        lines.append(t("summary_note", lang, note=summary["note"]))
    core = [names[i] for i in summary["core"]]
    shown = ", ".join(core[:MAX_CORE_NAMES]) + (" …" if len(core) > MAX_CORE_NAMES else "")
    lines.append(t("summary_core", lang, n=len(core), names=shown or t("none", lang)))
    if summary.get("core_fit") is not None:
        lines.append(t("summary_core_fit", lang, fit=fmt_number(summary["core_fit"], lang)))
    lines.append(t("summary_orchestrators", lang))
    for cand in summary["orchestrators"][:3]:
        lines.append(f"  {cand['rank']}. {cand['name']} ({fmt_number(cand['score'], lang)}): "
                     + "; ".join(cand["reasons"]))
    for key, g in summary["groups"].items():
        if g["key_group"]:
            lines.append(t("summary_group_line", lang, label=group_label(key, lang), in_core=g["in_core"],
                           actors=g["actors"], share=fmt_share(g["share_in_core"], lang)))
    peripheral = [group_label(g, lang).lower() for g in summary["peripheral_key_groups"]]
    lines.append(t("summary_peripheral", lang, groups=join_words(peripheral, lang)) if peripheral
                 else t("summary_no_peripheral", lang))
    return "\n".join(lines)
