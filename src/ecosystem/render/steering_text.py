"""Which relation types count toward each steering philosophy, and why, in plain words.

One line per philosophy, built from the one mapping in code
(:data:`ecosystem.analysis.steering.DEFAULT_STEERING`) and the reason per relation
type in the message catalogue (:data:`ecosystem.i18n.STEERING_REASONS`), so terminal
and report say the same and cannot drift from what the analysis counts.
"""
from __future__ import annotations

from ..analysis.steering import PHILOSOPHIES, default_types
from ..i18n import STEERING_LABELS, STEERING_REASONS, relation_label, t


def steering_rule(philosophy: str, lang: str) -> str:
    """'bestuur (een gedeelde bestuurstafel: ...), samenwerking (...)' for ``philosophy``."""
    types = default_types(philosophy)
    if not types:
        return t("steering_rule_none", lang)
    return ", ".join(t("steering_rule_type", lang, type=relation_label(k, lang).lower(),
                       why=STEERING_REASONS[lang][k]) for k in types)


def steering_rule_lines(order: list[str] | tuple[str, ...], overridden: int, lang: str) -> list[str]:
    """One indented line per philosophy in ``order`` (all four when it leaves some out), then the overrides."""
    order = list(order) + [p for p in PHILOSOPHIES if p not in order]
    lines = [t("steering_rule", lang, label=STEERING_LABELS[lang][p], types=steering_rule(p, lang)) for p in order]
    if overridden:
        lines.append(t("steering_overridden", lang, n=overridden))
    return lines
