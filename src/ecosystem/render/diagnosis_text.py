"""One plain sentence per diagnosis indicator, in Dutch or English."""
from __future__ import annotations

from ..analysis.diagnosis import Indicator
from ..i18n import DIAGNOSIS_TITLES, MESSAGES, fmt_number, fmt_share, group_label, join_words, t


def indicator_sentence(ind: Indicator, lang: str, names: dict[str, str]) -> str:
    p = ind.params
    common = {"value": fmt_number(ind.value, lang), "threshold": fmt_number(ind.threshold, lang),
              "value_pct": fmt_share(ind.value, lang)}
    key = f"diag_{ind.key}_{ind.status}"
    if ind.value == 0 and f"{key}_zero" in MESSAGES:
        key = f"{key}_zero"       # 'none' instead of '0%', which reads as an error
    if ind.verdict == "no_directed_relations":
        return t("diag_reciprocity_no_arcs", lang)
    if ind.key == "heterogeneity":
        missing = ""
        if p["key_missing"]:
            missing = t("diag_missing", lang, groups=join_words([group_label(g, lang).lower()
                                                                 for g in p["key_missing"]], lang))
        return t(key, lang, groups=p["groups_present"], missing=missing, **common)
    if ind.key == "interdependence":
        return t(key, lang, external=p["external"], internal=p["internal"], **common)
    if ind.key == "agency":
        return _agency_sentence(p, key, lang, common)
    if ind.key == "centralisation":
        return t(key, lang, top=names.get(p["most_connected"], p["most_connected"]), **common)
    if ind.key == "orchestrator":
        if ind.verdict == "no_candidate":
            return t("diag_orchestrator_none", lang)
        if ind.verdict == "lead_outside_core":
            key = "diag_orchestrator_not_core"
        return t(key, lang, top=names[p["top"]], runner=names[p["runner_up"]], **common)
    if ind.key == "fragmentation":
        return t(key, lang, components=p["components"], largest=fmt_share(p["largest_share"], lang), **common)
    if ind.key == "silos":
        return t(key, lang, communities=p["communities"], **common)
    return t(key, lang, **common)


def indicator_title(ind: Indicator, lang: str) -> str:
    return DIAGNOSIS_TITLES[lang][ind.key]


def _agency_sentence(p: dict, key: str, lang: str, common: dict) -> str:
    """Which key groups miss most of the core's governance tables, with how many they do sit at."""
    n = p["core_tables"]
    if n == 0:
        groups = join_words([group_label(g, lang).lower() for g in p["without_seat"]], lang)
        return t("diag_agency_no_tables" if p["without_seat"] else "diag_agency_no_tables_ok", lang, groups=groups)
    if n == 1:
        groups = join_words([group_label(g, lang).lower() for g in p["without_seat"]], lang)
        return t("diag_agency_one" if p["without_seat"] else "diag_agency_one_ok", lang, groups=groups)
    tables = t("diag_tables_many", lang, n=n)
    at = [t("diag_agency_at", lang, group=group_label(g, lang).lower(), present=p["seats"][g].core_tables)
          for g in p["without_seat"]]
    return t(key, lang, groups=join_words(at, lang), tables=tables, **common)
