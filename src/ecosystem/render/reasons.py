"""Plain-language reasons why an actor is (or is not) a strong orchestrator candidate."""
from __future__ import annotations

from ..analysis.brokerage import cross_group_pairs
from ..analysis.ecosystem import Analysis
from ..i18n import fmt_number, fmt_share, group_label, join_words, t
from ..vocab import KEY_GROUPS


def orchestrator_reasons(analysis: Analysis, v: int, lang: str) -> list[str]:
    orch = analysis.orchestrators
    coreness = fmt_number(float(analysis.coreness.coreness[v]), lang)
    reasons = [t("reason_core" if analysis.core.core[v] else "reason_not_core", lang, coreness=coreness)]
    reached = orch.groups_reached[v]
    present = [g for g in KEY_GROUPS if g in set(analysis.network.groups)]
    reasons.append(t("reason_reach", lang, n=len(reached), of=len(present),
                     groups=join_words([group_label(g, lang).lower() for g in reached], lang) or t("none", lang)))
    between = float(analysis.centralities.betweenness[v])
    if between > 0:
        reasons.append(t("reason_bridging", lang, share=fmt_share(between, lang)))
    pairs = cross_group_pairs(analysis.network.arcs, analysis.network.groups, v)
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
    return reasons
