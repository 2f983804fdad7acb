"""Regions side by side: the ``by_region`` section of summary.json, its table, and compare.html for 3+ folders.

One entry per region is read from that region's own analysis (what
:func:`ecosystem.render.summary_json.summary_dict` would write for it), so every number in the side-by-side
view is the number ``ecosystem analyse`` prints for that region alone. The table (one column per region) is shared by the report and compare.html.
"""
from __future__ import annotations

from ..analysis.pipeline import Analysis, core_ids
from ..locale import Locale
from .diagnosis_text import indicator_title
from .change_html import Row, Section, render_page

TOP_ORCHESTRATORS = 5


def region_entry(analysis: Analysis, loc: Locale) -> dict:
    """The side-by-side facts of one region, from its own analysis (as its summary.json states them)."""
    from .summary_json import _round, groups_section

    orch = analysis.orchestrators
    agency = next((d for d in analysis.indicators if d.key == "agency"), None)
    density = analysis.network.density
    return {
        "actors": len(analysis.region.actors),
        "relations": len(analysis.region.relations),
        "ties": analysis.network.ties.ecount(),
        "pairs_with_several_relations": analysis.pairs_with_several_relations,
        "density": None if density is None else _round(density),    # computed in analysis (TieNetwork.density)
        "core": list(core_ids(analysis)),
        "verdict": analysis.core_test.verdict,
        "orchestrators": [{"id": analysis.network.ids[v], "name": analysis.region.actors[v].name,
                           "score": _round(orch.score[v])}
                          for v in analysis.candidates[:TOP_ORCHESTRATORS]],
        "groups": groups_section(analysis),
        "peripheral_key_groups": [g.group for g in analysis.groups if g.peripheral],
        "key_groups_without_seat": list(agency.params["without_seat"]) if agency else [],
        "diagnosis": [{"key": d.key, "status": d.status, "text": {"title": indicator_title(d, loc)}}
                      for d in analysis.indicators],
        "bootstrap": analysis.stability.samples if analysis.stability is not None else 0,
    }


def empty_entry(actors: int) -> dict:
    """A region whose organisations have no relation among them: nothing to analyse."""
    return {"actors": actors, "relations": 0, "ties": 0, "pairs_with_several_relations": 0, "density": None, "core": [], "verdict": None,
            "orchestrators": [], "groups": {}, "peripheral_key_groups": [], "key_groups_without_seat": [],
            "diagnosis": [], "bootstrap": 0}


def by_region_section(region_analyses, loc: Locale) -> dict:
    """``summary["by_region"]``: per region name its entry (see :func:`region_entry`)."""
    out = {}
    for name, analysis in region_analyses.analyses.items():
        out[name] = (region_entry(analysis, loc) if analysis is not None
                     else empty_entry(region_analyses.sizes[name]))
    return out


def budget_section(region_analyses) -> dict:
    """``summary["by_region_budget"]``: whether the per-region bootstrap ran, and above which size it does not."""
    return {"bootstrap": region_analyses.bootstrap, "max_actors": region_analyses.max_actors}


def side_by_side_table(entries: dict[str, dict], loc: Locale) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Headers (measure, then one column per region) and rows, all plain strings."""
    s = loc.section("region")
    labels = list(entries)
    headers = (s["measure"], *labels)

    def cells(f) -> tuple[str, ...]:
        return tuple(f(entries[k]) if entries[k]["relations"] else s["no_relations"] for k in labels)

    def groups(keys: list[str]) -> str:
        return loc.join([loc.group(g).lower() for g in keys]) if keys else s["none"]

    def density(e: dict) -> str:
        return "" if e["density"] is None else loc.number(e["density"], 3)

    rows = [
        (s["actors"], *(str(entries[k]["actors"]) for k in labels)),
        (s["relations"], *(str(entries[k]["relations"]) for k in labels)),
        (loc.t("ties_label"), *(str(entries[k]["ties"]) for k in labels)),
        (s["density"], *cells(density)),
        (s["core_size"], *cells(lambda e: str(len(e["core"])))),
        (s["verdict"], *cells(lambda e: s[f"verdict_{e['verdict']}"])),
        (s["top_candidate"], *cells(lambda e: e["orchestrators"][0]["name"] if e["orchestrators"] else s["none"])),
        (s["without_seat"], *cells(lambda e: groups(e["key_groups_without_seat"]))),
    ]
    titles = {}
    for e in entries.values():
        for d in e["diagnosis"]:
            titles.setdefault(d["key"], d["text"]["title"])
    for key, title in titles.items():
        def status(e: dict, key=key) -> str:
            found = [d["status"] for d in e["diagnosis"] if d["key"] == key]
            return s["status_ok" if found and found[0] == "ok" else "status_attention"] if found else ""
        rows.append((title, *cells(status)))
    return headers, rows


def render_compare_html(entries: dict[str, dict], loc: Locale, seed: int, analyses: dict | None = None) -> str:
    """compare.html for three or more region folders: the side-by-side table as a page, and, given
    each folder's ``analyses`` (label -> Analysis), the small multiples of their target views as the
    report's per-region section draws them."""
    from .report_html import target_multiples

    s = loc.section("region")
    headers, rows = side_by_side_table(entries, loc)
    labels = loc.join(list(entries))
    multiples = target_multiples([(label, analyses[label]) for label in entries], loc) if analyses else []
    return render_page(dict(
        lang=loc.lang, title=s["compare_title"].format(labels=labels), kicker=s["compare_kicker"], none_text=s["none"],
        legend=s["compare_legend"].format(seed=seed), footer=s["compare_footer"].format(seed=seed),
        sections=[Section("side-by-side", s["side_title"], headers, tuple(Row(r) for r in rows))],
        multiples=multiples, multiples_title=loc.t("compare_targets_title"),
        multiples_intro=loc.t("region_targets_intro")))
