"""One plain sentence per diagnosis indicator, in Dutch or English."""
from __future__ import annotations

from ..analysis.diagnosis import Indicator
from ..catalogue import CATALOGUE
from ..locale import Locale


CENTRALISATION_NAMED = 6     # actors sharing the highest degree named in the centralisation sentence; '(+n andere)' after


def indicator_sentence(ind: Indicator, loc: Locale, names: dict[str, str]) -> str:
    p = ind.params
    common = {"value": loc.number(ind.value), "threshold": loc.number(ind.threshold),
              "value_pct": loc.share(ind.value)}
    key = f"diag_{ind.key}_{ind.status}"
    if ind.value == 0 and f"{key}_zero" in CATALOGUE:
        key = f"{key}_zero"       # 'none' instead of '0%', which reads as an error
    if ind.verdict == "no_directed_relations":      # with analyse --year: none in that year, not none at all
        return loc.t("diag_reciprocity_no_arcs_year", year=p["year"]) if p.get("year") is not None else \
            loc.t("diag_reciprocity_no_arcs")
    if ind.key == "heterogeneity":
        missing = loc.join([loc.group(g).lower() for g in p["key_missing"]])
        if ind.verdict == "key_group_missing":
            missing = loc.counted("diag_key_missing", len(p["key_missing"]), groups=missing)
            return loc.t("diag_heterogeneity_key_missing", groups=p["groups_present"], missing=missing, **common)
        missing = loc.t("diag_missing", groups=missing) if p["key_missing"] else ""
        return loc.t(key, groups=p["groups_present"], missing=missing, **common)
    if ind.key == "interdependence":
        if ind.verdict == "balanced":
            key = "diag_interdependence_balanced"
        return loc.t(key, external=p["external"], internal=p["internal"],
                     internal_ties=loc.counted("n_ties", p["internal"]), **common)   # '1 verbinding binnen'
    if ind.key == "agency":
        return _agency_sentence(p, key, ind.verdict, loc, common)
    if ind.key == "centralisation":
        # several actors sharing the highest degree: all of them, none singled out by id
        top = [names.get(i, i) for i in p.get("most_connected_all") or [p["most_connected"]]]
        if len(top) > 1 and f"{key}_shared" in CATALOGUE:
            shown = top[:CENTRALISATION_NAMED]
            listed = (loc.join(shown) if len(top) <= CENTRALISATION_NAMED else
                      ", ".join(shown) + " " + loc.t("summary_core_more", more=len(top) - len(shown)))
            return loc.t(f"{key}_shared", top=listed, n=len(top), **common)
        return loc.t(key, top=top[0], **common)
    if ind.key == "orchestrator":
        if ind.verdict == "no_candidate":
            return loc.t("diag_orchestrator_none")
        if ind.verdict == "lead_outside_core":
            key = "diag_orchestrator_not_core"
        elif ind.verdict == "lead_without_core":
            key = "diag_orchestrator_without_core"
        tied = [names[i] for i in p.get("first_tied") or []]
        if key.endswith("_zero") and len(tied) > 2:     # 'A, B en C scoren precies gelijk': everyone sharing it
            return loc.t(key, top=", ".join(tied[:-1]), runner=tied[-1], **common)
        return loc.t(key, top=names[p["top"]], runner=names[p["runner_up"]], top_score=loc.number(p["top_score"]),
                     runner_score=loc.number(p["runner_up_score"]), **common)
    if ind.key == "fragmentation":
        return loc.t(key, components=p["components"], largest=loc.share(p["largest_share"]), **common)
    if ind.key == "silos":
        if ind.verdict == "one_group":
            return loc.t("diag_silos_one_group")
        if ind.verdict == "mixed_ties":
            key = "diag_silos_mixed"
        elif p["communities"] == 1 and not ind.attention:
            key = "diag_silos_ok_one"
        return loc.t(key, communities=p["communities"], across=loc.share(1 - p["within_group_share"]), **common)
    return loc.t(key, **common)


def indicator_title(ind: Indicator, loc: Locale) -> str:
    return loc.section("diagnosis_title")[ind.key]


def indicator_mark(ind: Indicator) -> str:
    """'!' in front of an indicator that asks for attention (:attr:`Indicator.attention`), '✓' otherwise:
    the mark the terminal, the slides and report.html put before each indicator."""
    return "!" if ind.attention else "✓"


def _agency_sentence(p: dict, key: str, verdict: str, loc: Locale, common: dict) -> str:
    """Which key groups miss most of the core's governance tables, with how many they do sit at."""
    n = p["core_tables"]
    if verdict == "no_core":
        return loc.t("diag_agency_no_core")
    if verdict == "no_governance":
        return loc.t("diag_agency_no_governance_year", year=p["year"]) if p.get("year") is not None else \
            loc.t("diag_agency_no_governance")
    # A key group without organisations lacks a seat too (the status counts it), but the sentence says it is
    # absent from the data rather than "not at the table" (the heterogeneity indicator names it missing).
    absent = [g for g in p["without_seat"] if p["seats"][g].actors == 0]
    without = [g for g in p["without_seat"] if g not in absent]
    suffix = (" " + loc.t("summary_absent", groups=loc.join([loc.group(g).lower() for g in absent]))) if absent else ""
    groups = loc.join([loc.group(g).lower() for g in without])
    # The number of tables first (none, the only one): "a seat at the tables" said of no table is false.
    # Every present group seated while a group is absent: "every key group with organisations in the data",
    # not "all four".
    ok = "_present_ok" if absent else "_ok"
    if n == 0:
        return loc.t("diag_agency_no_tables" if without else "diag_agency_no_tables" + ok, groups=groups) + suffix
    if n == 1:
        return loc.t("diag_agency_one" if without else "diag_agency_one" + ok, groups=groups) + suffix
    if not without and absent:
        return loc.t("diag_agency_present_ok") + suffix
    tables = loc.t("diag_tables_many", n=n)
    at = [loc.t("diag_agency_at", group=loc.group(g).lower(), present=p["seats"][g].core_tables) for g in without]
    rule = loc.t("rule_tables", tables=tables)      # the rule's one wording, here opening the sentence
    return loc.t(key, groups=loc.join(at), tables=tables, rule=rule[:1].upper() + rule[1:], **common) + suffix
