"""The plain-language summary of ``ecosystem compare`` for the terminal, in Dutch or English.

The small formatters here (a relation as "A → B (financiering)", a verdict word, a
probability) are shared with ``change_html`` so the terminal and the page say the same.
"""
from __future__ import annotations

from ..analysis.change import Change, RelationChange
from ..analysis.stability import STABLE
from ..i18n import DIAGNOSIS_TITLES, fmt_number, fmt_share, group_label, relation_label, t
from ..vocab import RELATION_TYPES

MAX_ITEMS = 8          # names or relations per line before '… (+n more in change.html)'


def verdict_word(verdict: str | None, lang: str) -> str:
    """'duidelijk' / 'onzeker' / 'niet getoetst'; '' for no verdict."""
    return t(f"change_verdict_{verdict}", lang) if verdict else ""


def mark(changed: bool) -> str:
    """'!' in front of a line whose status or position changed, '•' otherwise."""
    return "!" if changed else "•"


def status_word(status: str, lang: str) -> str:
    return t(f"change_status_{status}", lang)


def probability(value: float | None, lang: str) -> str:
    """A core probability as a percentage, or '–' when the actor was absent or there was no bootstrap."""
    return "–" if value is None else fmt_share(value, lang)


def weight(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    return fmt_number(value, lang, 0 if float(value).is_integer() else 2)


def relation_phrase(rel: RelationChange, names: dict[str, str], lang: str) -> str:
    """'Gemeente Breda – Mobiliteitsteam West-Brabant (bestuur)'; directed types with '→'."""
    arrow = "→" if RELATION_TYPES.get(rel.type) is None or RELATION_TYPES[rel.type].directed else "–"
    return (f"{names.get(rel.source, rel.source)} {arrow} {names.get(rel.target, rel.target)} "
            f"({relation_label(rel.type, lang).lower()})")


def indicator_value(key: str, value: float, lang: str) -> str:
    """Indicator values as the diagnosis shows them: counts whole, shares as percentages, the rest 2 decimals."""
    if key == "agency":
        return t("change_agency_value", lang, n=f"{value:.0f}")
    if key == "fragmentation":
        return f"{value:.0f}"
    if key in ("openness", "orchestrator", "reciprocity"):
        return fmt_share(value, lang)
    return fmt_number(value, lang)


def _listing(items: list[str], lang: str) -> str:
    shown = ", ".join(items[:MAX_ITEMS])
    if len(items) > MAX_ITEMS:
        shown += " " + t("change_more", lang, more=len(items) - MAX_ITEMS)
    return shown


def _list_line(key: str, items: list[str], lang: str) -> list[str]:
    return [t("change_list", lang, what=t(key, lang), n=len(items), items=_listing(items, lang))] if items else []


def _relation_lines(sign: str, items: list[str], lang: str) -> list[str]:
    """One relation per line after its sign (+ added, − removed, ~ other weight), at most MAX_ITEMS."""
    lines = [f"  {sign} {item}" for item in items[:MAX_ITEMS]]
    if len(items) > MAX_ITEMS:
        lines.append("    " + t("change_more", lang, more=len(items) - MAX_ITEMS))
    return lines


def change_text(change: Change, region: str, lang: str) -> str:
    """The terminal summary of ``change`` for ``region`` (its display name)."""
    names = change.names
    b, a = change.before, change.after
    lines = [t("change_title", lang, region=region, before=b.label, after=a.label),
             t("change_counts", lang, a0=b.actors, a1=a.actors, r0=b.relations, r1=a.relations,
               c0=len(b.core), c1=len(a.core)),
             t("change_ties", lang, t0=b.ties, t1=a.ties)]
    lines.append(t("change_actors", lang, joined=len(change.joined), left=len(change.left)))
    for key, ids in (("change_joined", change.joined), ("change_left", change.left),
                     ("change_linked", change.linked), ("change_unlinked", change.unlinked)):
        lines += _list_line(key, [names.get(i, i) for i in ids], lang)
    lines.append(t("change_relations", lang, added=len(change.added), removed=len(change.removed),
                   reweighted=len(change.reweighted)))
    lines += _relation_lines("+", [relation_phrase(r, names, lang) for r in change.added], lang)
    lines += _relation_lines("−", [relation_phrase(r, names, lang) for r in change.removed], lang)
    lines += _relation_lines("~", [
        f"{relation_phrase(r, names, lang)} "
        + t("change_weight", lang, before=weight(r.weight_before, lang), after=weight(r.weight_after, lang))
        for r in change.reweighted], lang)
    lines.append(t("change_core", lang, entered=len(change.entered), left=len(change.exited)))
    for move in change.core_moves:
        lines.append(t("change_core_line", lang, sign="+" if move.entered else "−", name=names.get(move.id, move.id),
                       before=_presence(move.probability_before, move.id, change, before=True, lang=lang),
                       after=_presence(move.probability_after, move.id, change, before=False, lang=lang),
                       verdict=verdict_word(move.verdict, lang)))
    lines += _orchestrator_lines(change, lang)
    lines += _group_lines(change, lang)
    lines.append(t("change_diagnosis", lang))
    for ind in change.indicators:
        lines.append(t("change_indicator_line", lang, mark=mark(ind.changed),
                       title=DIAGNOSIS_TITLES[lang][ind.key],
                       v0=indicator_value(ind.key, ind.value[0], lang), v1=indicator_value(ind.key, ind.value[1], lang),
                       s0=status_word(ind.status[0], lang), s1=status_word(ind.status[1], lang)))
    lines.append(legend(change, lang))
    return "\n".join(lines)


def legend(change: Change, lang: str) -> str:
    """What 'duidelijk' and 'onzeker' mean here (docs/methods.md §15)."""
    if not (change.before.bootstrap and change.after.bootstrap):
        return t("change_legend_untested", lang)
    return t("change_legend", lang, samples=min(change.before.bootstrap, change.after.bootstrap),
             hi=fmt_share(STABLE, lang), lo=fmt_share(1 - STABLE, lang))


def _presence(p: float | None, aid: str, change: Change, before: bool, lang: str) -> str:
    """The probability, or 'niet in de gegevens' for an actor that joined or left."""
    absent = aid in (change.joined if before else change.left)
    return t("change_absent", lang) if absent else probability(p, lang)


def rank_text(rank: int | None, lang: str) -> str:
    return t("change_absent", lang) if rank is None else str(rank)


def _orchestrator_lines(change: Change, lang: str) -> list[str]:
    names = change.names
    lines = [t("change_top", lang)]
    for label, top in ((change.before.label, change.top_before), (change.after.label, change.top_after)):
        lines.append(t("change_top_side", lang, label=label,
                       names=", ".join(f"{i}. {names.get(a, a)}" for i, a in enumerate(top, start=1))
                       or t("none", lang)))
    moved = [r for r in change.ranks if r.rank_before != r.rank_after]
    if not moved:
        lines.append(t("change_rank_same", lang))
    for r in moved:
        # An actor that joined or left has no rank on one side, so no verdict on the move.
        lines.append(t("change_rank_line" if r.verdict else "change_rank_new", lang, name=names.get(r.id, r.id),
                       before=rank_text(r.rank_before, lang), after=rank_text(r.rank_after, lang),
                       verdict=verdict_word(r.verdict, lang)))
    return lines


def _group_lines(change: Change, lang: str) -> list[str]:
    lines = [t("change_groups", lang)]
    for g in change.groups:
        place = [t("change_periphery_word" if p else "change_core_word", lang) for p in g.peripheral]
        seat = [t("change_seat_yes" if s else "change_seat_no", lang) for s in g.seated]
        changed = g.peripheral[0] != g.peripheral[1] or g.seated[0] != g.seated[1]
        verdict = f", {verdict_word(g.peripheral_verdict, lang)}" if g.peripheral_verdict else ""
        lines.append(t("change_group_line", lang, mark=mark(changed), label=group_label(g.group, lang),
                       s0=fmt_share(g.share_in_core[0], lang), s1=fmt_share(g.share_in_core[1], lang),
                       p0=place[0], p1=place[1], verdict=verdict, seat0=seat[0], seat1=seat[1],
                       t0=fmt_share(g.share_of_core_tables[0], lang), t1=fmt_share(g.share_of_core_tables[1], lang)))
    return lines

