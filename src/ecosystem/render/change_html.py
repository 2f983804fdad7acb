"""The change page (change.html): what ``ecosystem compare`` prints, as tables on one page.

``render_change_html(change, region, loc, seed)`` returns ONE self-contained HTML
document: inline CSS, no script, nothing loaded from elsewhere (a
Content-Security-Policy without any script source backs this up). Every value
(region, region.toml's notes, actor names, labels) is plain text put into the template, which
autoescapes it, so a hostile actor name shows as text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..analysis.change import TOP, Change
from .change_text import (change_notes, group_places, group_shares, indicator_values, legend, probability, rank_text,
                          status_word, verdict_word, weight)
from ..locale import Locale
from .templating import environment

TEMPLATE_NAME = "change.html.j2"


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    changed: bool = False           # highlighted: the status or position differs


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...] = field(default_factory=tuple)


def render_change_html(change: Change, region: str, loc: Locale, seed: int) -> str:
    """The page as a string (Dutch by default, English with ``Locale("en")``)."""
    return render_page(change_context(change, region, loc, seed))


def render_page(context: dict) -> str:
    """change.html's template filled with ``context`` (also used for what-if and side-by-side pages)."""
    return environment().get_template(TEMPLATE_NAME).render(**context)


# Words change.html shows under its own names, kept in the catalogue under the one key other pages use.
CHANGE_BORROWS = {"probability": "metric.core_probability", "measure": "region.measure", "value": "report.col_value",
                  "name": "column.name", "group": "column.group", "type": "column.type",
                  "relations": "region.relations", "weight": "report.col_weight",
                  "diagnosis": "diagnosis"}


def change_context(change: Change, region: str, loc: Locale, seed: int) -> dict:
    """Everything the template shows, as plain strings."""
    s = loc.section("change", CHANGE_BORROWS)
    b, a = change.before.label, change.after.label
    return {
        "lang": loc.lang,
        "title": s["doc_title"].format(region=region, before=b, after=a),
        "kicker": s["kicker"],
        "notes": change_notes(change, loc),     # region.toml's notes, under the title as in report.html
        # not "none": in Jinja that name is the literal None, which printed a bare "None"
        "none_text": s["none"],
        "legend": legend(change, loc),
        "footer": s["footer"].format(seed=seed),
        # Findings first, then the underlying lists of actors and relations.
        "sections": [_overview(change, s), _core(change, s, loc), _top(change, s), _ranks(change, s, loc),
                     _groups(change, s, loc), _diagnosis(change, s, loc), _actors(change, s, loc),
                     _regrouped(change, s, loc), _relations(change, s, loc)],
    }


def _both(header: str, change: Change) -> tuple[str, str]:
    return f"{header} {change.before.label}", f"{header} {change.after.label}"


def _overview(change: Change, s: dict) -> Section:
    b, a = change.before, change.after
    rows = [(s["actors"], b.actors, a.actors), (s["relations"], b.relations, a.relations)]
    if b.repeated_rows or a.repeated_rows:     # analyse counts rows: say why its count differs
        rows.append((s["repeated_rows"], b.repeated_rows, a.repeated_rows))
    rows += [(s["ties"], b.ties, a.ties), (s["core_size"], len(b.core), len(a.core)),
             (s["bootstrap"], b.bootstrap, a.bootstrap)]
    return Section("overview", s["overview"], (s["measure"], b.label, a.label),
                   tuple(Row((label, str(x), str(y)), x != y) for label, x, y in rows))


def _actors(change: Change, s: dict, loc: Locale) -> Section:
    rows = [Row((loc.t(key), change.names.get(i, i), i))
            for key, ids in (("change_joined", change.joined), ("change_left", change.left),
                             ("change_linked", change.linked), ("change_unlinked", change.unlinked))
            for i in ids]
    return Section("actors", s["actor_changes"], (s["change"], s["name"], s["id"]), tuple(rows))


def _regrouped(change: Change, s: dict, loc: Locale) -> Section:
    rows = [Row((change.names.get(m.id, m.id), m.id, loc.group(m.before), loc.group(m.after)), True)
            for m in change.regrouped]
    return Section("regrouped", s["regrouped"], (s["name"], s["id"], *_both(s["group"], change)), tuple(rows))


def _relations(change: Change, s: dict, loc: Locale) -> Section:
    names = change.names
    rows = [Row((loc.t(key), names.get(r.source, r.source), names.get(r.target, r.target),
                 loc.relation(r.type).lower(), weight(r.weight_before, loc), weight(r.weight_after, loc)))
            for key, rels in (("change_added", change.added), ("change_removed", change.removed),
                              ("change_reweighted", change.reweighted))
            for r in rels]
    return Section("relations", s["relation_changes"],
                   (s["change"], s["from"], s["to"], s["type"], *_both(s["weight"], change)), tuple(rows))


def _core(change: Change, s: dict, loc: Locale) -> Section:
    rows = []
    for m in change.core_moves:
        before = loc.t("change_absent") if m.id in change.joined else probability(m.probability_before, loc)
        after = loc.t("change_absent") if m.id in change.left else probability(m.probability_after, loc)
        rows.append(Row((loc.t("change_core_entered" if m.entered else "change_core_left"),
                         change.names.get(m.id, m.id), m.id, before, after, verdict_word(m.verdict, loc))))
    return Section("core", s["core_changes"],
                   (s["change"], s["name"], s["id"], *_both(s["probability"], change), s["verdict"]), tuple(rows))


def _top(change: Change, s: dict) -> Section:
    names = change.names
    n = max(len(change.top_before), len(change.top_after))

    def cell(top: tuple[str, ...], places: tuple[int, ...], i: int) -> str:
        # a place shared by equal scores is said in the cell: the row's number is then only the id's order
        if i >= len(top):
            return "–"
        name = names.get(top[i], top[i])
        return name if places[i] == i + 1 else s["shared_place"].format(name=name, place=places[i])
    rows = [Row((str(i + 1), cell(change.top_before, change.top_places_before, i),
                 cell(change.top_after, change.top_places_after, i)),
                i >= len(change.top_before) or i >= len(change.top_after)
                or change.top_before[i] != change.top_after[i])
            for i in range(n)]
    return Section("orchestrators", s["orchestrators"].format(n=TOP), (s["rank"], change.before.label, change.after.label),
                   tuple(rows))


def _interval(interval: tuple[int, int] | None) -> str:
    return "–" if interval is None else f"{interval[0]}–{interval[1]}"


def _ranks(change: Change, s: dict, loc: Locale) -> Section:
    rows = [Row((change.names.get(r.id, r.id), rank_text(r.rank_before, loc, r.has_ties[0]),
                 rank_text(r.rank_after, loc, r.has_ties[1]),
                 _interval(r.interval_before), _interval(r.interval_after), verdict_word(r.verdict, loc)),
                r.moved)
            for r in change.ranks]
    return Section("ranks", s["rank_changes"],
                   (s["name"], *_both(s["rank"], change), *_both(s["interval"], change), s["verdict"]), tuple(rows))


def _groups(change: Change, s: dict, loc: Locale) -> Section:
    rows = []
    for g in change.groups:
        place = group_places(g, loc)
        seat = [loc.t("column.yes" if x else "column.no") for x in g.seated]
        share = group_shares(g, loc)
        rows.append(Row((loc.group(g.group), share[0], share[1], place[0], place[1],
                         verdict_word(g.peripheral_verdict, loc), seat[0], seat[1],
                         probability(g.share_of_core_tables[0], loc), probability(g.share_of_core_tables[1], loc)),
                        g.changed))
    return Section("groups", s["groups"],
                   (s["group"], *_both(s["share_in_core"], change), *_both(s["position"], change), s["verdict"],
                    *_both(s["seat"], change), *_both(s["tables"], change)), tuple(rows))


def _diagnosis(change: Change, s: dict, loc: Locale) -> Section:
    rows = [Row((loc.section("diagnosis_title")[i.key], *indicator_values(i, loc), status_word(i.status[0], loc),
                 status_word(i.status[1], loc)), i.changed)
            for i in change.indicators]
    return Section("diagnosis", s["diagnosis"],
                   (s["indicator"], *_both(s["value"], change), *_both(s["status"], change)), tuple(rows))
