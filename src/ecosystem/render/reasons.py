"""Plain-language reasons why an actor is (or is not) a strong orchestrator candidate."""
from __future__ import annotations

from ..analysis.brokerage import cross_group_pairs
from ..analysis.ecosystem import Analysis
from ..i18n import fmt_number, fmt_share, group_label, join_words, t
from ..vocab import KEY_GROUPS


def orchestrator_reasons(analysis: Analysis, v: int, lang: str) -> list[str]:
    orch = analysis.orchestrators
    net = orch.network if orch.network is not None else analysis.network
    if net is analysis.network:
        coreness = fmt_number(float(analysis.coreness.coreness[v]), lang)
        reasons = [t("reason_core" if analysis.core.core[v] else "reason_not_core", lang, coreness=coreness)]
    else:
        # Position was read among steering ties between groups (docs/methods.md §9): say so, with
        # the coreness the score used, not the whole network's.
        reasons = [t("reason_centre_ecosystem", lang, coreness=fmt_number(float(orch.parts["centre"][v]), lang))]
    reached = orch.groups_reached[v]
    present = [g for g in KEY_GROUPS if g in set(analysis.network.groups)]
    reasons.append(t("reason_reach", lang, n=len(reached), of=len(present),
                     groups=join_words([group_label(g, lang).lower() for g in reached], lang) or t("none", lang)))
    mandate = mandate_reasons(analysis, v, lang)
    contributions = {k: orch.weights[k] * float(p[v]) for k, p in orch.parts.items()}
    if mandate and max(contributions, key=lambda k: (contributions[k], k == "mandate")) == "mandate":
        # Mandate adds most to this actor's score: say so first.
        reasons = mandate + reasons
        mandate = []
    between = float((orch.betweenness if orch.betweenness is not None else analysis.centralities.betweenness)[v])
    if between > 0:
        reasons.append(t("reason_bridging" if net is analysis.network else "reason_bridging_ecosystem", lang,
                         share=fmt_share(between, lang)))
    pairs = cross_group_pairs(net.arcs, net.groups, v)
    # Name the pairs that do not involve the actor's own group first: that is pure liaison work.
    own = analysis.network.groups[v]
    pairs = sorted(pairs, key=lambda pair: own in pair)
    seen = set()
    for a, b in pairs:
        key = tuple(sorted((a, b)))
        if key in seen:
            continue
        seen.add(key)
        reasons.append(t("reason_brokers_groups", lang, a=group_label(key[0], lang).lower(),
                         b=group_label(key[1], lang).lower()))
        if len(seen) == 2:
            break
    return reasons + mandate


def mandate_reasons(analysis: Analysis, v: int, lang: str) -> list[str]:
    """The mandate behind the score, one sentence per signal the actor scores on."""
    m = analysis.orchestrators.mandate
    if m is None:
        return []
    reasons = []
    if m.tables[v] > 0:
        tables = t("tables_one", lang) if m.tables[v] == 1 else t("tables_many", lang, n=int(m.tables[v]))
        met = m.groups_met[v]
        present = [g for g in KEY_GROUPS if g in set(analysis.network.groups)]
        reasons.append(t("reason_tables", lang, tables=tables, k=len(met), of=len(present),
                         groups=join_words([group_label(g, lang).lower() for g in met], lang)) if met
                       else t("reason_tables_no_key", lang, tables=tables))
    if m.funded[v] > 0:
        reasons.append(t("reason_funds_one", lang) if m.funded[v] == 1 else t("reason_funds", lang, n=int(m.funded[v])))
    if m.roles[v] in ("orchestrator", "lead", "secretariat"):
        reasons.append(t(f"reason_role_{m.roles[v]}", lang))
    return reasons
