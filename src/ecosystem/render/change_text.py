"""The plain-language summary of ``ecosystem compare`` for the terminal, in Dutch or English.

The small formatters here (a relation as "A → B (financiering)", a verdict word, a
probability) are shared with ``change_html`` so the terminal and the page say the same.
"""
from __future__ import annotations

from typing import Sequence

from ..analysis.change import TOP, Change, RelationChange
from ..analysis.stability import STABLE
from ..locale import Locale
from ..vocab import RELATION_TYPES

MAX_ITEMS = 8          # names or relations per line before '… (+n more in change.html)'


# 'uncertain' is the word the terminal's stability lines use for the same verdict.
VERDICT_KEYS = {"clear": "change_verdict_clear", "uncertain": "uncertain", "untested": "change_verdict_untested",
                "removed": "change_verdict_removed"}


def verdict_word(verdict: str | None, loc: Locale) -> str:
    """'duidelijk' / 'onzeker' / 'niet getoetst'; '' for no verdict."""
    return loc.t(VERDICT_KEYS[verdict]) if verdict else ""


def mark(changed: bool) -> str:
    """'!' in front of a line whose status or position changed, '•' otherwise."""
    return "!" if changed else "•"


def status_word(status: str, loc: Locale) -> str:
    return loc.t(f"report.status_{status}")


def probability(value: float | None, loc: Locale) -> str:
    """A core probability as a percentage, or '–' when the actor was absent or there was no bootstrap
    (also a key group's share of the core's tables, '–' on a side whose core has no table)."""
    return "–" if value is None else loc.share(value)


def weight(value: float | None, loc: Locale) -> str:
    if value is None:
        return "–"
    return loc.number(value, 0 if float(value).is_integer() else 2)


def relation_phrase(rel: RelationChange, names: dict[str, str], loc: Locale) -> str:
    """'Gemeente Breda – Mobiliteitsteam West-Brabant (bestuur)'; directed types with '→'."""
    arrow = "→" if RELATION_TYPES.get(rel.type) is None or RELATION_TYPES[rel.type].directed else "–"
    return (f"{names.get(rel.source, rel.source)} {arrow} {names.get(rel.target, rel.target)} "
            f"({loc.relation(rel.type).lower()})")


def regrouped_item(move, names: dict[str, str], loc: Locale) -> str:
    """'FNV (regio Brabant) (werkenden → werkgevers)': an actor whose group changed."""
    return loc.t("change_regrouped_item", name=names.get(move.id, move.id),
                 before=loc.group(move.before).lower(), after=loc.group(move.after).lower())


def indicator_values(ind, loc: Locale) -> tuple[str, str]:
    """An indicator's value before and after as the diagnosis says it: the orchestrator's two scores
    ('score 0,65 tegen 0,35', as analyse states them, not their relative margin), fragmentation's parts
    ('1 deel', and beside it the organisations without relations when a side has any), agency's seated key groups, shares as percentages, the rest with 2 decimals."""
    # Fragmentation counts parts among the organisations with relations: one that lost every relation is
    # in none, so the organisations without relations are said beside the parts when a side has any.
    alone = any(ind.isolated)
    if ind.key == "agency":
        return tuple(_agency_value(value, tables, verdict, loc)
                     for value, tables, verdict in zip(ind.value, ind.core_tables, ind.verdict))
    return tuple(_indicator_value(ind.key, value, scores, loc, isolated if alone else None)
                 for value, scores, isolated in zip(ind.value, ind.scores, ind.isolated))


def _agency_value(value: float, tables: int, verdict: str, loc: Locale) -> str:
    """Agency's value on one side as the diagnosis's sentence counts it: seats at the core's governance
    tables; without a core or a governance relation, that; without a table, governance ties to the core."""
    if verdict == "no_core":
        return loc.t("change_no_core_word")
    if verdict == "no_governance":
        return loc.t("change_agency_no_governance")
    return loc.t("change_agency_value" if tables else "change_agency_value_no_tables", n=f"{value:.0f}")


def _indicator_value(key: str, value: float, scores: tuple[float, float] | None, loc: Locale,
                     isolated: int | None = None) -> str:
    if key == "fragmentation":
        parts = loc.counted("change_parts", int(round(value)))
        if isolated is None:
            return parts
        return loc.t("change_parts_isolated", parts=parts, isolated=loc.counted("change_isolated", isolated))
    if key == "orchestrator":
        if scores is None:
            return loc.t("change_no_candidate")
        return loc.t("change_scores", top=loc.number(scores[0]), runner=loc.number(scores[1]))
    if key in ("openness", "reciprocity"):
        return loc.share(value)
    return loc.number(value)


def _listing(items: list[str], loc: Locale) -> str:
    shown = ", ".join(items[:MAX_ITEMS])
    if len(items) > MAX_ITEMS:
        shown += " " + loc.t("change_more", more=len(items) - MAX_ITEMS)
    return shown


def _list_line(key: str, items: list[str], loc: Locale) -> list[str]:
    return [loc.t("change_list", what=loc.t(key), n=len(items), items=_listing(items, loc))] if items else []


def _relation_lines(sign: str, items: list[str], loc: Locale) -> list[str]:
    """One relation per line after its sign (+ added, − removed, ~ other weight), at most MAX_ITEMS."""
    lines = [f"  {sign} {item}" for item in items[:MAX_ITEMS]]
    if len(items) > MAX_ITEMS:
        lines.append("    " + loc.t("change_more", more=len(items) - MAX_ITEMS))
    return lines


def region_notes(sides: Sequence[tuple[str, str]], loc: Locale) -> list[tuple[str, str]]:
    """region.toml's notes of the compared sides, given as (label, note) each, as (heading, note) to show: a
    note every side has once under 'Let op', as analyse shows it; otherwise each note once under the labels of
    the sides that have it ('Let op (2020)', 'Let op (fa en fb)'), in the sides' order. No note, no line."""
    labels: dict[str, list[str]] = {}
    for label, note in sides:
        if note.strip():
            labels.setdefault(note.strip(), []).append(label)
    if len(labels) == 1 and len(next(iter(labels.values()))) == len(sides):
        return [(loc.t("report.note_label"), next(iter(labels)))]
    return [(loc.t("change_note_label", labels=loc.join(names)), note) for note, names in labels.items()]


def change_notes(change: Change, loc: Locale) -> list[tuple[str, str]]:
    """:func:`region_notes` of the two sides of ``change``."""
    return region_notes([(side.label, side.note) for side in (change.before, change.after)], loc)


def note_lines(notes: list[tuple[str, str]], loc: Locale) -> list[str]:
    """The terminal lines of :func:`region_notes`' (heading, note) pairs ('Let op: ...')."""
    return [loc.t("change_note_line", heading=heading, note=note) for heading, note in notes]


def change_text(change: Change, region: str, loc: Locale) -> str:
    """The terminal summary of ``change`` for ``region`` (its display name, without a year: the title says the
    two sides), with region.toml's notes under the title."""
    names = change.names
    b, a = change.before, change.after
    lines = [loc.t("change_title", region=region, before=b.label, after=a.label),
             loc.t("change_counts", a0=b.actors, a1=a.actors, r0=b.relations, r1=a.relations,
               c0=len(b.core), c1=len(a.core)),
             loc.t("change_ties", t0=b.ties, t1=a.ties)]
    if b.repeated_rows or a.repeated_rows:     # analyse counts rows: say why its count differs
        lines.append(loc.t("change_repeated_rows", d0=b.repeated_rows, d1=a.repeated_rows, n0=b.rows, n1=a.rows))
    lines += note_lines(change_notes(change, loc), loc)
    lines.append(loc.t("change_actors", joined=len(change.joined), left=len(change.left)))
    for key, ids in (("change_joined", change.joined), ("change_left", change.left),
                     ("change_linked", change.linked), ("change_unlinked", change.unlinked)):
        lines += _list_line(key, [names.get(i, i) for i in ids], loc)
    lines += _list_line("change_regrouped", [regrouped_item(m, names, loc) for m in change.regrouped], loc)
    lines.append(loc.t("change_relations", added=len(change.added), removed=len(change.removed),
                   reweighted=len(change.reweighted)))
    lines += _relation_lines("+", [relation_phrase(r, names, loc) for r in change.added], loc)
    lines += _relation_lines("−", [relation_phrase(r, names, loc) for r in change.removed], loc)
    lines += _relation_lines("~", [
        f"{relation_phrase(r, names, loc)} "
        + loc.t("change_weight", before=weight(r.weight_before, loc), after=weight(r.weight_after, loc))
        for r in change.reweighted], loc)
    lines.append(loc.t("change_core", entered=len(change.entered), left=len(change.exited)))
    for move in change.core_moves:
        lines.append(loc.t("change_core_line", sign="+" if move.entered else "−", name=names.get(move.id, move.id),
                       before=_presence(move.probability_before, move.id, change, before=True, loc=loc),
                       after=_presence(move.probability_after, move.id, change, before=False, loc=loc),
                       verdict=verdict_word(move.verdict, loc)))
    lines += _orchestrator_lines(change, loc)
    lines += _group_lines(change, loc)
    lines.append(loc.t("line_heading", heading=loc.t("diagnosis")))
    for ind in change.indicators:
        v0, v1 = indicator_values(ind, loc)
        lines.append(loc.t("change_indicator_line", mark=mark(ind.changed),
                       title=loc.section("diagnosis_title")[ind.key], v0=v0, v1=v1,
                       s0=status_word(ind.status[0], loc), s1=status_word(ind.status[1], loc)))
    lines.append(legend(change, loc))
    return "\n".join(lines)


def legend(change: Change, loc: Locale) -> str:
    """What 'duidelijk' and 'onzeker' mean here (docs/methods.md §15)."""
    if not (change.before.bootstrap and change.after.bootstrap):
        return loc.t("change_legend_untested")
    return loc.t("change_legend", samples=min(change.before.bootstrap, change.after.bootstrap),
             hi=loc.share(STABLE), lo=loc.share(1 - STABLE))


def _presence(p: float | None, aid: str, change: Change, before: bool, loc: Locale) -> str:
    """The probability, or 'niet in de gegevens' for an actor that joined or left."""
    absent = aid in (change.joined if before else change.left)
    return loc.t("change_absent") if absent else probability(p, loc)


def rank_text(rank: int | None, loc: Locale, tied: bool) -> str:
    """A rank, 'not in the data', or 'no relations' (ranked on its mandate alone: no candidate)."""
    return loc.t("change_absent") if rank is None else str(rank) if tied else loc.t("change_no_ties")


def _orchestrator_lines(change: Change, loc: Locale) -> list[str]:
    names = change.names
    lines = [loc.section("change")["orchestrators"].format(n=TOP) + ":"]   # the heading compare.html gives it
    for label, top, places in ((change.before.label, change.top_before, change.top_places_before),
                               (change.after.label, change.top_after, change.top_places_after)):
        # equal scores share a place ('1. A, 1. B, 3. C'): the id orders them, it makes no winner
        lines.append(loc.t("change_top_side", label=label,
                       names=", ".join(f"{i}. {names.get(a, a)}" for i, a in zip(places, top))
                       or loc.t("none")))
    moved = [r for r in change.ranks if r.moved]
    if not moved:
        lines.append(loc.t("change_rank_same", n=TOP))
    for r in moved:
        # An actor that joined or left has no rank on one side, so no verdict on the move.
        lines.append(loc.t("change_rank_line" if r.verdict else "change_rank_new", name=names.get(r.id, r.id),
                       before=rank_text(r.rank_before, loc, r.has_ties[0]),
                       after=rank_text(r.rank_after, loc, r.has_ties[1]),
                       verdict=verdict_word(r.verdict, loc)))
    return lines


# A key group's place (GroupChange.places) as a word; '–' when the group has no organisations on that side.
PLACE_WORDS = {"core": "report.ring_core", "periphery": "report.ring_periphery", "no_core": "change_no_core_word"}


def group_places(g, loc: Locale) -> list[str]:
    """A key group's place before and after: in the core, in the periphery, none (that side has no core),
    or '–' (the group has no organisations on that side)."""
    return ["–" if place == "absent" else loc.t(PLACE_WORDS[place]) for place in g.places]


def group_shares(g, loc: Locale) -> list[str]:
    """A key group's share in the core before and after, or 'geen organisaties' (none on that side), as
    analyse says it (:meth:`Locale.group_line`) instead of a 0% of nothing."""
    return [loc.share(share) if n else loc.t("change_group_absent") for share, n in zip(g.share_in_core, g.actors)]


def _group_lines(change: Change, loc: Locale) -> list[str]:
    lines = [loc.t("change_groups")]
    for g in change.groups:
        place = group_places(g, loc)
        share = group_shares(g, loc)
        seat = [loc.t("column.yes" if s else "column.no") for s in g.seated]
        verdict = f", {verdict_word(g.peripheral_verdict, loc)}" if g.peripheral_verdict else ""
        common = dict(mark=mark(g.changed), label=loc.group(g.group), seat0=seat[0], seat1=seat[1],
                      t0=probability(g.share_of_core_tables[0], loc), t1=probability(g.share_of_core_tables[1], loc))
        if all(g.actors):
            lines.append(loc.t("change_group_line", s0=share[0], s1=share[1], p0=place[0], p1=place[1],
                               verdict=verdict, **common))
        else:
            sides = [loc.t("change_group_side", share=sh, place=pl) if n else sh
                     for sh, pl, n in zip(share, place, g.actors)]
            lines.append(loc.t("change_group_line_absent", side0=sides[0], side1=sides[1], **common))
    return lines

