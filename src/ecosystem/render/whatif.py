"""What-if outputs: key players in summary.json and the report, the map's cut-off table, whatif change.html.

The numbers come from :mod:`ecosystem.analysis.key_players`, :mod:`ecosystem.analysis.cut_off` and
:mod:`ecosystem.analysis.fragmentation` (Borgatti 2006); this module only lays them out.
"""
from __future__ import annotations

import math

from ..analysis.key_players import BUDGET
from ..i18n import as_sentence
from ..locale import Locale
from .change_html import Row, Section, change_context, render_page

# The map lists at most this many cut-off organisations per actor, and states the total.
CUT_OFF_SHOWN = 25


def _round(value: float) -> float:
    return round(float(value), 6)


def key_players_section(ids: tuple[str, ...], names: dict[str, str], kp) -> dict:
    """``summary["key_players"]``: the five departures that raise DF most, and what was computed."""
    from ..analysis.key_players import WORK_BUDGET

    return {
        "measure": "distance-weighted fragmentation (Borgatti 2006)",
        "df": None if math.isnan(kp.df) else _round(kp.df), "f": _round(kp.f),
        "actors": kp.n, "evaluated": len(kp.evaluated), "rule": kp.rule, "exact": kp.exact,
        "work_budget": WORK_BUDGET,
        "players": [{"id": ids[p.vertex], "name": names[ids[p.vertex]], "df_after": _round(p.df_after),
                     "df_change": _round(p.df_change), "f_after": _round(p.f_after), "f_change": _round(p.f_change),
                     "cut_off": [ids[v] for v in p.cut_off]} for p in kp.players],
    }


# Column headers the what-if tables share with the report's, kept under the report's keys.
WHATIF_BORROWS = {"key_name": "report.col_actor", "pair_a": "report.seat_col_group", "pair_b": "report.seat_col_group"}


def key_players_report(kp, names: list[str], loc: Locale) -> dict:
    """The report's key-player block for ``kp`` (KeyPlayers; ``names`` per vertex): title, intro, budget, rows."""
    s = loc.section("region", WHATIF_BORROWS)
    if kp.exact:
        budget = s["key_exact"].format(n=kp.n)
    elif kp.rule == BUDGET:
        budget = loc.t("key_players_over_budget", n=loc.count(kp.n))
    else:
        budget = s["key_budget"].format(n=kp.n, k=len(kp.evaluated))
    rows = [(names[p.vertex], "+" + loc.number(p.df_change, 3), str(len(p.cut_off))) for p in kp.players]
    return {"title": s["key_title"], "intro": s["key_intro"], "budget": budget,
            # Over the budget nothing was evaluated: 'nobody fragments the network' would be unfounded.
            "none": "" if kp.rule == BUDGET else s["key_none"],
            "headers": (s["key_name"], s["key_change"], s["key_cut"]), "rows": rows}


def cut_off_payload(ids: tuple[str, ...], names: dict[str, str], table: dict[int, tuple[int, ...]],
                    component_size: list[int]) -> dict:
    """Per actor id who is cut off if it alone leaves: at most :data:`CUT_OFF_SHOWN` names, the total, and
    ``apart``: every other member of its component is cut off, so its part fell apart and they lose their
    paths to some of the others, not to a largest part (``RemovalEffect.fell_apart``; ``component_size`` per vertex)."""
    return {ids[v]: {"names": [names[ids[u]] for u in cut[:CUT_OFF_SHOWN]], "total": len(cut),
                     "apart": len(cut) == component_size[v] - 1}
            for v, cut in table.items() if cut}


def whatif_dict(effect, ids: tuple[str, ...], names: dict[str, str], without: tuple[str, ...],
                added: int, added_file: str | None, year: int | None = None) -> dict:
    """``change.json["whatif"]``: the removal and addition (``added``: the new relations), the year the region
    was taken in (None: every relation in the data), and what they do to connectivity."""
    apart = set(effect.apart)
    return {
        "without": list(without), "added_relations": added, "added_file": added_file, "year": year,
        "df_before": _round(effect.df_before), "df_after": _round(effect.df_after),
        "df_change": _round(effect.df_change),
        "f_before": _round(effect.f_before), "f_after": _round(effect.f_after), "f_change": _round(effect.f_change),
        "main_before": effect.main_before, "main_after": effect.main_after,
        "largest_after": effect.largest_after, "largest_parts_after": effect.largest_parts_after,
        "fell_apart": effect.fell_apart, "largest_parts_before": effect.largest_parts_before,
        # apart: this actor's part fell apart (it lost its path to some of its own part, not to the largest part)
        "cut_off": [{"id": ids[v], "name": names[ids[v]], "apart": v in apart} for v in effect.cut_off],
        "joined_main": [{"id": ids[v], "name": names[ids[v]]} for v in effect.joined_main],
        "lost_key_group_pairs": [list(p) for p in effect.lost_group_pairs],
        "gained_key_group_pairs": [list(p) for p in effect.gained_group_pairs],
    }


def whatif_sentences(data: dict, what: str, loc: Locale) -> str:
    """The terminal's what-if lines for ``change.json["whatif"]`` (``data``): fragmentation, who is cut off (or
    whose part falls apart), the key-group pairs that lose their last connection, and, where the change brings
    them, who joins the largest part and which pairs of key groups gain a connection, by name."""
    cut = _cut_clause(data, loc)
    lines = [loc.t("whatif_text", what=what, df_before=loc.number(data["df_before"], 3),
                   df_after=loc.number(data["df_after"], 3), cut=cut,
                   pairs=loc.counted("whatif_pairs", len(data["lost_key_group_pairs"])))]
    if data["joined_main"]:
        lines.append(loc.counted("whatif_joined", len(data["joined_main"]),
                                 names=loc.join([j["name"] or j["id"] for j in data["joined_main"]])))
    if data["gained_key_group_pairs"]:
        lines.append(loc.counted("whatif_gained", len(data["gained_key_group_pairs"]), pairs=loc.join(
            [f"{loc.group(a)} – {loc.group(b)}" for a, b in data["gained_key_group_pairs"]])))
    return "\n".join(as_sentence(line) for line in lines)


def _cut_clause(data: dict, loc: Locale) -> str:
    """Who is cut off: those who lose every path to the largest part, then those whose part falls apart (each
    said of its own; both only where several parts were equally largest before), or that no one is."""
    apart = sum(1 for c in data["cut_off"] if c["apart"])
    to_main = len(data["cut_off"]) - apart
    clauses = [loc.counted("whatif_cut", to_main)] if to_main or not apart else []
    if apart:
        clauses.append(loc.counted(_apart_key(data, "whatif_cut_apart"), apart,
                                   parts=loc.count(data["largest_parts_before"])))
    return "; ".join(clauses)


def _apart_key(data: dict, key: str) -> str:
    """``key`` for a part that fell apart, ``<key>_tied`` where several parts were equally largest before."""
    return f"{key}_tied" if data["largest_parts_before"] > 1 else key


def whatif_sections(data: dict, loc: Locale, before: str) -> list[Section]:
    """The fragmentation sections that lead the what-if change.html; ``before`` names the first side's column."""
    s = loc.section("region", WHATIF_BORROWS)

    def num(x: float) -> str:
        return loc.number(x, 3)

    # No main component after (equally large parts): not 0, which no part is, but how many parts of what size.
    main_after = (s["frag_main_none"].format(parts=loc.count(data["largest_parts_after"]),
                                             size=loc.count(data["largest_after"]))
                  if data["main_after"] == 0 and data["largest_after"] else str(data["main_after"]))
    overview = Section("fragmentation", s["frag_title"], (s["measure"], before.capitalize(), s["frag_after"]), (
        Row((s["frag_df"], num(data["df_before"]), num(data["df_after"])), data["df_change"] != 0),
        Row((s["frag_f"], num(data["f_before"]), num(data["f_after"])), data["f_change"] != 0),
        Row((s["frag_main"], str(data["main_before"]), main_after)),
    ))
    # Those who lose their paths to the largest part, and those whose own part falls apart: each under its own title.
    to_main = tuple(Row((c["name"], c["id"])) for c in data["cut_off"] if not c["apart"])
    apart = tuple(Row((c["name"], c["id"])) for c in data["cut_off"] if c["apart"])
    sections = [overview]
    if to_main or not apart:
        sections.append(Section("cut-off", s["cut_title"], (s["key_name"], "Id"), to_main))
    if apart:
        sections.append(Section("cut-off-apart" if to_main else "cut-off", s[_apart_key(data, "cut_title_apart")].format(
            parts=loc.count(data["largest_parts_before"])), (s["key_name"], "Id"), apart))

    def pair_rows(pairs: list) -> tuple[Row, ...]:
        return tuple(Row((loc.group(a), loc.group(b))) for a, b in pairs)

    sections.append(Section("key-group-pairs", s["pairs_title"], (s["pair_a"], s["pair_b"]),
                            pair_rows(data["lost_key_group_pairs"])))
    # what added relations bring: shown where there is something to show (a departure alone brings none)
    if data["joined_main"]:
        sections.append(Section("joined-main", s["joined_title"], (s["key_name"], "Id"),
                                tuple(Row((j["name"], j["id"])) for j in data["joined_main"])))
    if data["gained_key_group_pairs"]:
        sections.append(Section("key-group-pairs-gained", s["gained_title"], (s["pair_a"], s["pair_b"]),
                                pair_rows(data["gained_key_group_pairs"])))
    return sections


def render_whatif_html(change, region: str, loc: Locale, seed: int, data: dict) -> str:
    """change.html of a what-if: the fragmentation sections first, then the usual change view."""
    context = change_context(change, region, loc, seed)
    return render_page({**context, "sections": whatif_sections(data, loc, change.before.label) + list(context["sections"])})
