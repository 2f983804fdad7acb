"""One plain sentence per diagnosis indicator, in Dutch or English."""
from __future__ import annotations

from ..analysis.diagnosis import Indicator
from ..i18n import DIAGNOSIS_TITLES, fmt_number, fmt_share, group_label, join_words, t


def indicator_sentence(ind: Indicator, lang: str, names: dict[str, str]) -> str:
    p = ind.params
    common = {"value": fmt_number(ind.value, lang), "threshold": fmt_number(ind.threshold, lang),
              "value_pct": fmt_share(ind.value, lang)}
    key = f"diag_{ind.key}_{ind.status}"
    if ind.key == "heterogeneity":
        missing = ""
        if p["key_missing"]:
            missing = t("diag_missing", lang, groups=join_words([group_label(g, lang).lower()
                                                                 for g in p["key_missing"]], lang))
        return t(key, lang, groups=p["groups_present"], missing=missing, **common)
    if ind.key == "interdependence":
        return t(key, lang, external=p["external"], internal=p["internal"], **common)
    if ind.key == "agency":
        return t(key, lang, groups=join_words([group_label(g, lang).lower() for g in p["without_seat"]], lang),
                 **common)
    if ind.key == "centralisation":
        return t(key, lang, top=names.get(p["most_connected"], p["most_connected"]), **common)
    if ind.key == "orchestrator":
        if p.get("top") is None:
            return t("diag_orchestrator_attention", lang, top="-", runner="-", **common)
        return t(key, lang, top=names[p["top"]], runner=names[p["runner_up"]], **common)
    if ind.key == "fragmentation":
        return t(key, lang, components=p["components"], largest=fmt_share(p["largest_share"], lang), **common)
    if ind.key == "silos":
        return t(key, lang, communities=p["communities"], **common)
    return t(key, lang, **common)


def indicator_title(ind: Indicator, lang: str) -> str:
    return DIAGNOSIS_TITLES[lang][ind.key]
