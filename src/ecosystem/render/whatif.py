"""What-if outputs: key players in summary.json and the report, the map's cut-off table, whatif change.html.

The numbers come from :mod:`ecosystem.analysis.key_players`, :mod:`ecosystem.analysis.cut_off` and
:mod:`ecosystem.analysis.fragmentation` (Borgatti 2006); this module only lays them out.
"""
from __future__ import annotations

import math

from ..analysis.key_players import BUDGET
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


def cut_off_payload(ids: tuple[str, ...], names: dict[str, str], table: dict[int, tuple[int, ...]]) -> dict:
    """Per actor id who is cut off if it alone leaves: at most :data:`CUT_OFF_SHOWN` names and the total."""
    return {ids[v]: {"names": [names[ids[u]] for u in cut[:CUT_OFF_SHOWN]], "total": len(cut)}
            for v, cut in table.items() if cut}


def whatif_dict(effect, ids: tuple[str, ...], names: dict[str, str], without: tuple[str, ...],
                added: int, added_file: str | None, year: int | None = None) -> dict:
    """``change.json["whatif"]``: the removal and addition (``added``: the new relations), the year the region
    was taken in (None: every relation in the data), and what they do to connectivity."""
    return {
        "without": list(without), "added_relations": added, "added_file": added_file, "year": year,
        "df_before": _round(effect.df_before), "df_after": _round(effect.df_after),
        "df_change": _round(effect.df_change),
        "f_before": _round(effect.f_before), "f_after": _round(effect.f_after), "f_change": _round(effect.f_change),
        "main_before": effect.main_before, "main_after": effect.main_after,
        "cut_off": [{"id": ids[v], "name": names[ids[v]]} for v in effect.cut_off],
        "joined_main": [{"id": ids[v], "name": names[ids[v]]} for v in effect.joined_main],
        "lost_key_group_pairs": [list(p) for p in effect.lost_group_pairs],
        "gained_key_group_pairs": [list(p) for p in effect.gained_group_pairs],
    }


def whatif_sections(data: dict, loc: Locale, before: str) -> list[Section]:
    """The fragmentation sections that lead the what-if change.html; ``before`` names the first side's column."""
    s = loc.section("region", WHATIF_BORROWS)

    def num(x: float) -> str:
        return loc.number(x, 3)

    overview = Section("fragmentation", s["frag_title"], (s["measure"], before.capitalize(), s["frag_after"]), (
        Row((s["frag_df"], num(data["df_before"]), num(data["df_after"])), data["df_change"] != 0),
        Row((s["frag_f"], num(data["f_before"]), num(data["f_after"])), data["f_change"] != 0),
        Row((s["frag_main"], str(data["main_before"]), str(data["main_after"]))),
    ))
    cut = Section("cut-off", s["cut_title"], (s["key_name"], "Id"),
                  tuple(Row((c["name"], c["id"])) for c in data["cut_off"]))
    pairs = Section("key-group-pairs", s["pairs_title"], (s["pair_a"], s["pair_b"]),
                    tuple(Row((loc.group(a), loc.group(b))) for a, b in data["lost_key_group_pairs"]))
    return [overview, cut, pairs]


def render_whatif_html(change, region: str, loc: Locale, seed: int, data: dict) -> str:
    """change.html of a what-if: the fragmentation sections first, then the usual change view."""
    context = change_context(change, region, loc, seed)
    return render_page({**context, "sections": whatif_sections(data, loc, change.before.label) + list(context["sections"])})
