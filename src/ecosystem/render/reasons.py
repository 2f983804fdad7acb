"""Orchestrator reasons in plain words: :class:`~ecosystem.analysis.reasons.Reason` codes into sentences.

The reasons themselves (which, in what order, with what numbers) are decided in
:mod:`ecosystem.analysis.reasons`; this module only says them, in Dutch or English.
"""
from __future__ import annotations

from ..analysis.reasons import Reason
from ..locale import Locale


def reason_text(reason: Reason, loc: Locale, names: dict[str, str] | None = None) -> str:
    """One reason as the sentence a coordinator reads (message ``reason_<code>``); ``names``: actor id -> name."""
    v = reason.values

    def groups(keys: list[str]) -> str:
        return loc.join([loc.group(g).lower() for g in keys])

    if reason.code in ("core", "not_core", "core_tied", "not_core_tied", "no_core", "centre_ecosystem"):
        return loc.t(f"reason_{reason.code}", coreness=loc.number(v["coreness"]))
    if reason.code == "outside_centre_ecosystem":
        return loc.t("reason_outside_centre_ecosystem", hub=(names or {}).get(v["hub"], v["hub"]))
    if reason.code == "reach":
        reached = [loc.t("reason_reach_own", group=loc.group(g).lower()) if g == v.get("own") else loc.group(g).lower()
                   for g in v["groups"]]
        return loc.t("reason_reach_ecosystem" if v.get("steering") else "reason_reach", n=len(v["groups"]), of=v["of"],
                     groups=loc.join(reached) or loc.t("none"))
    if reason.code in ("bridging", "bridging_ecosystem"):
        return loc.t(f"reason_{reason.code}", share=loc.share(v["share"]))
    if reason.code == "brokers_groups":
        return loc.t("reason_brokers_groups", a=loc.group(v["a"]).lower(), b=loc.group(v["b"]).lower())
    if reason.code in ("tables", "tables_no_key"):
        tables = loc.t("tables_one") if v["tables"] == 1 else loc.t("tables_many", n=v["tables"])
        if reason.code == "tables_no_key":
            return loc.t("reason_tables_no_key", tables=tables)
        return loc.t("reason_tables", tables=tables, k=len(v["groups"]), of=v["of"], groups=groups(v["groups"]))
    if reason.code == "funds":
        return loc.t("reason_funds_one") if v["n"] == 1 else loc.t("reason_funds", n=v["n"])
    return loc.t(f"reason_{reason.code}")    # role_orchestrator, role_lead, role_secretariat


def reason_texts(reasons: tuple[Reason, ...] | None, loc: Locale, names: dict[str, str] | None = None) -> list[str]:
    return [reason_text(r, loc, names) for r in reasons or ()]
