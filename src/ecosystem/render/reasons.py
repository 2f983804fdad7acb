"""Orchestrator reasons in plain words: :class:`~ecosystem.analysis.reasons.Reason` codes into sentences.

The reasons themselves (which, in what order, with what numbers) are decided in
:mod:`ecosystem.analysis.reasons`; this module only says them, in Dutch or English.
"""
from __future__ import annotations

from ..analysis.reasons import Reason
from ..i18n import fmt_number, fmt_share, group_label, join_words, t


def reason_text(reason: Reason, lang: str, names: dict[str, str] | None = None) -> str:
    """One reason as the sentence a coordinator reads (message ``reason_<code>``); ``names``: actor id -> name."""
    v = reason.values

    def groups(keys: list[str]) -> str:
        return join_words([group_label(g, lang).lower() for g in keys], lang)

    if reason.code in ("core", "not_core", "centre_ecosystem"):
        return t(f"reason_{reason.code}", lang, coreness=fmt_number(v["coreness"], lang))
    if reason.code == "outside_centre_ecosystem":
        return t("reason_outside_centre_ecosystem", lang, hub=(names or {}).get(v["hub"], v["hub"]))
    if reason.code == "reach":
        return t("reason_reach", lang, n=len(v["groups"]), of=v["of"], groups=groups(v["groups"]) or t("none", lang))
    if reason.code in ("bridging", "bridging_ecosystem"):
        return t(f"reason_{reason.code}", lang, share=fmt_share(v["share"], lang))
    if reason.code == "brokers_groups":
        return t("reason_brokers_groups", lang, a=group_label(v["a"], lang).lower(), b=group_label(v["b"], lang).lower())
    if reason.code in ("tables", "tables_no_key"):
        tables = t("tables_one", lang) if v["tables"] == 1 else t("tables_many", lang, n=v["tables"])
        if reason.code == "tables_no_key":
            return t("reason_tables_no_key", lang, tables=tables)
        return t("reason_tables", lang, tables=tables, k=len(v["groups"]), of=v["of"], groups=groups(v["groups"]))
    if reason.code == "funds":
        return t("reason_funds_one", lang) if v["n"] == 1 else t("reason_funds", lang, n=v["n"])
    return t(f"reason_{reason.code}", lang)    # role_orchestrator, role_lead, role_secretariat


def reason_texts(reasons: tuple[Reason, ...] | None, lang: str, names: dict[str, str] | None = None) -> list[str]:
    return [reason_text(r, lang, names) for r in reasons or ()]
