"""Which relation types count toward each steering philosophy, and why, in plain words.

One line per philosophy, built from the one mapping in code
(:data:`ecosystem.analysis.steering.DEFAULT_STEERING`) and the reason per relation
type in the message catalogue (``steering_reason.<type>`` keys), so terminal
and report say the same and cannot drift from what the analysis counts.
"""
from __future__ import annotations

from ..analysis.steering import PHILOSOPHIES, default_types
from ..locale import Locale


def steering_rule(philosophy: str, loc: Locale) -> str:
    """'bestuur (een gedeelde bestuurstafel: ...), samenwerking (...)' for ``philosophy``."""
    types = default_types(philosophy)
    if not types:
        return loc.t("steering_rule_none")
    return ", ".join(loc.t("steering_rule_type", type=loc.relation(k).lower(),
                       why=loc.section("steering_reason")[k]) for k in types)


def steering_rule_lines(order: list[str] | tuple[str, ...], overridden: int, loc: Locale) -> list[str]:
    """One indented line per philosophy in ``order`` (all four when it leaves some out), then the overrides."""
    order = list(order) + [p for p in PHILOSOPHIES if p not in order]
    lines = [loc.t("steering_rule", label=loc.section("steering")[p], types=steering_rule(p, loc)) for p in order]
    if overridden:
        lines.append(loc.counted("steering_overridden", overridden))
    return lines
