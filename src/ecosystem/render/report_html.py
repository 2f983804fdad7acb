"""The printable one-page report (report.html): what a wethouder reads in five minutes.

``render_report(analysis, layout, loc)`` returns ONE self-contained
HTML document: no script, no font, no stylesheet or image from anywhere else.
Charts and the ecosystem target are inline SVG generated here in Python, so the
page needs no JavaScript and prints sharply to PDF (A4 portrait).

Security model: every user-supplied string (region name, note, source, actor
names, types) is untrusted.  The Jinja2 template autoescapes; the few HTML
fragments built here (sentences, SVG) are ``markupsafe.Markup`` whose values
are filled in with ``Markup.format``/``escape``, which escapes them.  A
Content-Security-Policy without any script source backs this up: even a
mistake in escaping cannot run code, and the page cannot load anything.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

import numpy as np
from markupsafe import Markup, escape

from ..analysis.by_region import region_stability
from ..analysis.groups import GroupPosition
from ..analysis.leaders import tied_beyond
from ..analysis.orchestrator import NAMED_CANDIDATES, shared_ranks
from ..analysis.pipeline import Analysis, core_ids, core_order
from ..analysis.stability import STABLE
from ..analysis.steering import SteeringMix
from ..anonymise import recognisable_sentence
from ..i18n import as_sentence, isolated
from ..locale import Locale
from ..vocab import GROUPS, KEY_GROUPS
from .diagnosis_text import indicator_mark, indicator_sentence, indicator_title
from .reasons import reason_texts
from .layout import (CANVAS, INNER, NUMBERS_MAX_ACTORS, LabelPlacer, Layout, PlacedLabel, SectorTitle, actor_numbers, badge_key,
                     label_lines, marker_radii, number_key, place_labels, sector_boundaries, sector_title_texts,
                     sector_titles)
from .map_payload import best_placed
from .sampling_text import sampling_sentence
from .steering_text import steering_rule
from .terminal import _listed, first_shares, score_text, seat_sentence, swappable_lines, tied_lines
from .style import (CORE_FILL, FALLBACK, GRID, HALO, INK, LINE, MUTED, NAVY, PERIPHERAL, PERIPHERY_FILL, PERIPHERY_LIGHT,
                    RING, STEERING_COLORS, TIE, TRACK, group_color)
from .templating import environment

__all__ = ["render_report", "report_context"]

TEMPLATE_NAME = "report.html.j2"

CORE_NAMES_SHOWN = 60      # a core up to this size is listed in full in the findings
CORE_NAMES_PER_GROUP = 10  # beyond it, the most central names per group
LAYER_NAMES_SHOWN = 8      # core names per relation type
EDGES_MAX = 3000           # draw ties in the target view only up to this many
LABELS_MAX_ACTORS = 2000   # above this, the target view carries no actor labels
DOTS_MAX = 5000            # above this, the target view draws the best-placed actors only (and says so)

CORE_DARK = NAVY


def render_report(analysis: Analysis, layout: Layout, loc: Locale) -> str:
    """Return the report as one self-contained HTML document in ``loc``'s language."""
    return environment().get_template(TEMPLATE_NAME).render(**report_context(analysis, layout, loc))


# --------------------------------------------------------------------------- context


# Words the report shows under its own names, kept in the catalogue under the one key other outputs use.
REPORT_BORROWS = {"seat_col_core": "column.core", "seat_col_actors": "region.actors", "col_group": "column.group",
                  "col_relations": "region.relations", "meta_region": "column.region", "coreness": "metric.coreness"}


def report_context(analysis: Analysis, layout: Layout, loc: Locale) -> dict:
    s = loc.section("report", REPORT_BORROWS)
    names = {a.id: a.name for a in analysis.region.actors}
    core_mask = np.asarray(analysis.core.core, dtype=bool)
    meta = analysis.region.meta.in_language(loc)     # region.toml's texts in the reader's language
    return {
        "lang": loc.lang,
        "s": s,
        "title": s["doc_title"].format(region=meta.name),
        "meta": _meta(analysis, s, loc),
        "note": meta.note or "",
        "anonymised": " ".join(filter(None, (s["anonymised"], recognisable_sentence(meta.recognisable, loc))))
                      if meta.anonymised else "",
        "survey": analysis.survey.summary(loc)["text"] if analysis.survey is not None else "",
        "findings": _findings(analysis, names, s, loc),
        "onepage": _onepage(analysis, s, loc),   # issue 12.6: the first printed page
        "diagnosis": [{"title": indicator_title(d, loc), "sentence": indicator_sentence(d, loc, names),
                       "ok": not d.attention, "mark": indicator_mark(d), "status": s["status_attention" if d.attention else "status_ok"]}
                      for d in analysis.indicators],
        "charts": {"groups": Markup(group_bars_svg(analysis.groups, s, loc)),
                   "hist": Markup(coreness_hist_svg(analysis.coreness.coreness, core_mask, s, loc))},
        # The charts' numbers as text (role="img" hides the SVG's own text): the same numbers, from the same helpers.
        "chart_data": {"groups": group_bars_data(analysis.groups, loc),
                       "hist": coreness_hist_data(analysis.coreness.coreness, core_mask, loc)},
        "target_svg": Markup(target_svg(analysis, layout, s, loc, label=whole_picture_alt("target_alt", analysis, loc))),
        "target_caption": _target_caption(analysis, s, loc),
        "target_key": target_key(analysis, loc),
        "tops": _top_tables(analysis, core_mask, s, loc),
        # Betweenness in the tops is an estimate on very large networks: the error bound.
        "sampling": sampling_sentence(analysis.centralities.sampling, loc),
        "layers": _layers(analysis, names, s, loc),
        "suppliers": [analysis.region.actors[c.actor].name for c in analysis.contrasts],
        # without any delivery relation there is no supplier to compare ('whoever delivers sits at the table' would be empty)
        "delivery": any(r.type == "delivery" for r in analysis.region.relations),
        "no_delivery": (s["supplier_no_delivery_year"].format(year=analysis.region.meta.year)
                        if analysis.region.meta.year is not None else s["supplier_no_delivery"]),
        "steering": _steering(analysis.steering, s, loc),
        "about": _fmt(s["about_text"], seed=analysis.seed),
        "meeting": report_extras(analysis, loc, layout),   # issue 12 hook: key players, regions side by side
        # The same one-line explanations the map shows on hover and focus (i18n.glossary).
        "glossary": {"title": loc.t("glossary_title"), "intro": loc.t("glossary_intro"),
                     "terms": loc.glossary()},
    }


def report_extras(analysis: Analysis, loc: Locale, layout: Layout | None = None) -> dict:
    """The report's issue-12 blocks from ``analysis.extras`` (if computed): the key players, the regions
    side by side, and a small target view per region from the per-region analyses.

    ``layout`` is ``analysis``'s own, reused for a region whose analysis is the whole one (:func:`target_multiples`).
    """
    from .side_by_side import side_by_side_table
    from .whatif import key_players_report

    r = loc.section("region")
    extras = analysis.extras
    key = (key_players_report(extras.key_players, [a.name for a in analysis.region.actors], loc)
           if extras is not None else None)
    side = None
    by_region = getattr(extras, "by_region", None)
    if by_region is not None and by_region.analyses:
        headers, rows = side_by_side_table(by_region.entries, loc)
        side = {"title": r["side_title"], "intro": r["side_intro"],
                "multiples": region_targets(analysis, loc, layout),
                "multiples_intro": loc.t("region_targets_intro"),
                "budget": "" if by_region.bootstrap else r["side_budget"].format(max_actors=by_region.max_actors),
                "headers": headers, "rows": rows}
    return {"key": key, "side": side}


REGION_TARGET_SCALE = 2.6   # text in the small multiples, relative to the main target view (shown ~half as wide)


def region_targets(analysis: Analysis, loc: Locale, layout: Layout | None = None) -> list[dict]:
    """One small target view per arbeidsmarktregio (issue 12.1): the per-region analyses of
    ``analysis.extras.by_region`` in name order, drawn by :func:`target_multiples`."""
    by_region = getattr(getattr(analysis, "extras", None), "by_region", None)
    if by_region is None:
        return []
    from .documents import names_isolated     # as the whole network's names in the report: each in its direction

    return target_multiples(sorted((name, None if sub is None else names_isolated(sub))
                                   for name, sub in by_region.analyses.items()), loc,
                            None if layout is None else (analysis, layout))


def target_multiples(analyses: Iterable[tuple[str, Analysis | None]], loc: Locale,
                     known: tuple[Analysis, Layout] | None = None, alt_key: str = "region_target_alt") -> list[dict]:
    """Small multiples of the target view: per (name, analysis) the figure :func:`target_svg` draws,
    each with a text alternative and a caption; the report's per-region section and compare.html
    of three or more folders show them. An analysis of None (no relations among its actors) gets a
    caption and no drawing.

    ``known`` is an analysis with its layout already computed: a region whose analysis holds the
    same network and core/periphery results (a one-region folder: by_region reuses the whole
    analysis) takes its target view from there instead of placing ten thousand actors again.
    ``alt_key`` is the text alternative's message: an arbeidsmarktregio's, or (compare.html) a folder's.
    """
    from .layout import compute_layout

    s = loc.section("report")
    out = []
    for name, sub in analyses:
        if sub is None:
            out.append({"svg": "", "caption": loc.t("region_target_none", region=name)})
            continue
        core = int(np.count_nonzero(sub.core.core))
        values = {"region": name, "actors": sub.network.n, "core": core}
        tops = _top_names(sub)
        if known is not None and _same_target(sub, known[0]):
            layout = replace(known[1], network=np.zeros((sub.network.n, 2)))    # as network_view=False
        else:
            layout = compute_layout(sub.network, sub.coreness.coreness, sub.core.core, sub.seed, network_view=False)
        # the first place named: one candidate, or all that share it
        svg = target_svg(sub, layout, s, loc, scale=REGION_TARGET_SCALE, named=max(1, len(tops)), numbered=False,
                         css_class="target-mini", label=picture_alt(alt_key, loc, tops, **values))
        out.append({"svg": Markup(svg), "caption": loc.t("region_target_caption", **_counted(values, loc))})
    return out


def whole_picture_alt(key: str, analysis: Analysis, loc: Locale) -> str:
    """:func:`picture_alt` of the whole data set's target view (``target_alt``) or network map (``map_alt``)."""
    return picture_alt(key, loc, _top_names(analysis), region=analysis.region.meta.in_language(loc).name, actors=analysis.network.n,
                       core=int(np.count_nonzero(analysis.core.core)), ties=analysis.network.ties.ecount())


def _top_names(analysis: Analysis) -> list[str]:
    """The names of the candidates in the first place: those sharing it with an equal score
    (``Analysis.first_shared``), else the first candidate alone (``Analysis.top_candidate``); none when
    nobody scores above 0."""
    return [analysis.region.actors[v].name for v in analysis.first_place]


# Counts the picture texts say with their noun, in agreement ('1 organisatie', '3 verbindingen').
NOUN_OF_COUNT = {"actors": "n_organisations", "ties": "n_ties"}


def _counted(values: dict, loc: Locale) -> dict:
    """``values`` as a picture's text says them: the counts of :data:`NOUN_OF_COUNT` with their noun
    (``Locale.counted``), other whole numbers with thousands separated."""
    return {k: loc.counted(NOUN_OF_COUNT[k], v) if k in NOUN_OF_COUNT else loc.count(v) if isinstance(v, int) else v
            for k, v in values.items()}


def picture_alt(key: str, loc: Locale, tops: list[str], **values) -> str:
    """The text alternative of a picture of the network (message ``key``: ``region_target_alt``, ``target_alt``,
    ``map_alt``) with ``values``, ending with the candidates in the first place, ``tops`` (one, or several
    sharing it with an equal score), when there are any: one wording for the report's figures and the
    slides' pictures."""
    counts = _counted(values, loc)
    tops = [isolated(name) for name in tops]      # read aloud and shown as text: each name in its own direction
    top = (loc.t("region_target_top_shared", names=loc.join(tops)) if len(tops) > 1 else
           loc.t("region_target_top", name=tops[0]) if tops else "")
    return loc.t(key, top=top, **counts).strip()


def _same_target(a: Analysis, b: Analysis) -> bool:
    """True when ``a`` and ``b`` hold the very same network and core/periphery results (the
    inputs of layout.target_layout), so that their target views are the same."""
    return a.network is b.network and a.coreness is b.coreness and a.core is b.core


def _fmt(template: str, **values: object) -> Markup:
    """Fill a trusted template; every value is HTML-escaped unless it is already Markup."""
    return Markup(template).format(**values)


def meta_size_value(region, loc: Locale) -> str:
    """'12 organisaties, 1 relatie': the data set's size, each count with its noun in agreement (the report's
    and the title slide's size line)."""
    return loc.t("report.meta_size_value", actors=loc.counted("n_organisations", len(region.actors)),
                 relations=loc.counted("n_relations", len(region.relations)))


def _meta(analysis: Analysis, s: dict, loc: Locale) -> list[tuple[str, str]]:
    region = analysis.region
    text = region.meta.in_language(loc)          # region.toml's texts in the reader's language
    rows = [(s["meta_region"], text.name_beside_year())]
    if text.arbeidsmarktregios:
        rows.append((s["meta_labour_regions"], ", ".join(text.arbeidsmarktregios)))
    if text.period:
        rows.append((s["meta_period"], text.period))
    if text.source:
        rows.append((s["meta_source"], text.source))
    rows.append((s["meta_size"], meta_size_value(region, loc)))
    rows.append((loc.t("ties_label"), loc.ties_text(analysis.tie_count)))
    return rows


def _findings(analysis: Analysis, names: dict, s: dict, loc: Locale) -> dict:
    in_core = core_ids(analysis)    # most central first (the one order every output lists the core in)
    core_names = [names.get(i, i) for i in in_core]
    groups_of = dict(zip(analysis.network.ids, analysis.network.groups))
    large = len(in_core) > CORE_NAMES_SHOWN
    by_group = []
    for g in GROUPS + tuple(sorted(set(groups_of.values()) - set(GROUPS))):
        members = [i for i in in_core if groups_of.get(i) == g]
        if not members:
            continue
        if large:   # a big core: the most central few per group, the rest counted
            shown = [names.get(i, i) for i in members[:CORE_NAMES_PER_GROUP]]
        else:
            shown = sorted((names.get(i, i) for i in members), key=str.casefold)
        hidden = len(members) - len(shown)
        by_group.append({"label": loc.group(g), "color": group_color(g),
                         "count": len(members), "names": shown,
                         "more": s["layer_more"].format(n=hidden) if hidden else ""})
    total = len(analysis.region.actors)
    core = {
        "n": len(core_names),
        "text": _core_text(len(core_names), total, analysis.core_test.supports_core, s) if core_names else s["f_core_none"],
        "by_group": by_group,
        "more": s["f_core_more_large"] if large else "",
        "swappable": swappable_lines(analysis, names, loc),
    }

    st = analysis.stability
    orch = analysis.orchestrators
    orchestrators = []
    for v in analysis.candidates[:NAMED_CANDIDATES]:
        orchestrators.append({
            "rank": int(orch.shared_rank[v]), "name": analysis.region.actors[v].name,   # equal scores one rank
            "group": loc.group(analysis.network.groups[v]),
            "score": s["orch_score"].format(score=score_text(analysis, v, loc)),
            "interval": s["orch_interval"].format(lo=int(st.rank_low[v]), hi=int(st.rank_high[v]))
            if st is not None else "",
            "reasons": reason_texts((analysis.reasons or {}).get(v), loc, names),
        })

    agency = analysis.indicator("agency")
    seats = []
    positions = {pos.group: pos for pos in analysis.groups}
    tables = agency.params["core_tables"]
    for pos in (positions[g] for g in KEY_GROUPS):
        at = agency.params["seats"][pos.group]   # the core's tables the group sits at (analysis.diagnosis.agency)
        seats.append({
            "label": loc.group(pos.group), "color": group_color(pos.group),
            "actors": pos.actors, "in_core": pos.in_core,
            "core_share": loc.share(pos.share_in_core), "peripheral": pos.peripheral,
            # Tables, beside columns of organisations: "aan 10 van de 15 tafels (67%)". No table where the
            # core meets: nothing to sit at ("–"), not "0 (100%)".
            "at_table": loc.counted("report.seat_tables", tables, tables=at.core_tables, total=tables,
                                    share=loc.share(at.share_of_core_tables)) if tables else None,
            "no_table": not at.has_seat,
        })
    seat = {
        # The terminal's and the slides' sentence (Locale.seat_line), one wording of the claim.
        "text": seat_sentence(analysis, loc),
        "agency": indicator_sentence(agency, loc, names),
        "agency_ok": not agency.attention,
        "rows": seats,
    }
    return {"core": core, "orchestrators": orchestrators, "seat": seat,
            # Nobody scores above 0: the diagnosis's sentence says why (one wording, diagnosis_text).
            "orchestrators_none": loc.t("diag_orchestrator_none"),
            "orchestrators_tied": tied_lines(analysis, loc, NAMED_CANDIDATES),
            "sensitivity": _sensitivity(analysis, s, loc),
            "sure": _sure(analysis, s, loc)}


def _onepage(analysis: Analysis, s: dict, loc: Locale) -> dict:
    """The one-page summary's headline lines beside the findings' own (core and seat) and the short 'how sure'."""
    top = analysis.candidates[:NAMED_CANDIDATES]
    attention = [indicator_title(d, loc) for d in analysis.indicators if d.attention]
    total = len(analysis.indicators)
    rank, actors = analysis.orchestrators.shared_rank, analysis.region.actors    # equal scores one rank
    return {
        # with who scores the same as the last named, where the three end inside a group of equal scores
        "orchestrators": Markup(" ").join([_fmt(s["op_orch"], names=loc.join([f"{int(rank[v])}. {actors[v].name}"
                                                                              for v in top]))]
                                          + [as_sentence(line) for line in tied_lines(analysis, loc, NAMED_CANDIDATES)])
        if top else loc.t("diag_orchestrator_none"),
        "attention": (_fmt(s["op_attention"], n=len(attention), total=total, titles=loc.join(attention))
                      if attention else _fmt(s["op_attention_none"], total=total)) if total else "",
        "sure": _sure_short(analysis, s, loc),
    }


def _sensitivity(analysis: Analysis, s: dict, loc: Locale) -> dict | None:
    """The top five's ranks with each weight halved / raised by half, as computed in analysis."""
    top = analysis.candidates
    if not top:
        return None
    changes = analysis.orchestrators.sensitivity
    parts = list(dict.fromkeys(c.part for c in changes))
    factors = list(dict.fromkeys(c.factor for c in changes))
    by_key = {(c.part, c.factor): c for c in changes}
    actors = analysis.region.actors
    first = actors[top[0]].name
    first_changes = analysis.first_changes
    shown = [f"{s['part_' + c.part]} {_factor_label(c.factor)}" for c in first_changes]
    if analysis.first_shared:      # no weighting is needed to contest a first place that is shared already
        verdict = _fmt(s["sens_first_shared"], names=loc.join([actors[v].name for v in analysis.first_shared]))
    elif not first_changes:
        verdict = _fmt(s["sens_first_holds"], name=first)
    else:
        verdict = _fmt(s["sens_first_changes"], name=first, changes=", ".join(shown))
    # Equal scores share a rank in the table (the id tie-break would set them apart for their id alone).
    now = analysis.orchestrators.shared_rank
    rows = [{"name": actors[v].name, "now": int(now[v]),
             "ranks": [int(by_key[(p, f)].shared_rank[v]) for p in parts for f in factors]}
            for v in top]
    return {"parts": [s["part_" + p] for p in parts], "factors": [_factor_label(f) for f in factors],
            "rows": rows, "verdict": verdict, "text": _fmt(s["sens_text"], n=len(rows)),
            "tied": tied_lines(analysis, loc, len(top))}


def _core_text(n: int, total: int, supported: bool, s: dict) -> Markup:
    """'<n> of the <total> organisations form the core', then who is left in the periphery, in number agreement
    (not 'De overige 1 staan'; nothing when the core is everyone). When no test supports a core
    (``supported``: :attr:`CorePeripheryTest.supports_core`) the best fit's split, not a densely tied core."""
    key = "f_core_text_unsupported" if not supported else "f_core_text_one" if n == 1 else "f_core_text"
    text = _fmt(s[key], n=n, total=total)
    rest = total - n
    if rest:
        text += Markup(" ") + _fmt(s["f_core_rest_one" if rest == 1 else "f_core_rest"], rest=rest)
    return text


def _factor_label(factor: float) -> str:
    """0.5 -> '−50%', 1.5 -> '+50%'."""
    pct = round((factor - 1) * 100)
    return f"+{pct}%" if pct > 0 else f"−{-pct}%"


def _sure(analysis: Analysis, s: dict, loc: Locale) -> list[Markup]:
    """Every 'how sure' line of the findings."""
    return [line for _, line in _sure_parts(analysis, s, loc)]


# The 'how sure' lines the one-page summary keeps: the core's stability, the top candidate's, the verdict.
SURE_SHORT = ("sure_core", "sure_core_none", "sure_core_one", "sure_core_single", "sure_core_single_doubt", "sure_top", "sure_top_shared",
              "sure_none", "sure_verdict")


def _sure_short(analysis: Analysis, s: dict, loc: Locale) -> list[Markup]:
    """The 'how sure' lines of the one-page summary (a subset of :func:`_sure`, same words). Where no test
    supports a core, the summary's first line says so already (:func:`_core_text`): the verdict is not
    said a second time on the page."""
    said = not analysis.core_test.supports_core and bool(analysis.core.core.any())
    return [line for key, line in _sure_parts(analysis, s, loc)
            if key in SURE_SHORT and not (said and key == "sure_verdict")]


def _sure_parts(analysis: Analysis, s: dict, loc: Locale) -> list[tuple[str, Markup]]:
    """The 'how sure' lines, each with its message key (the one-page summary picks by key)."""
    lines: list[tuple[str, Markup]] = []

    def add(key: str, **values: object) -> None:
        lines.append((key, _fmt(s[key], **values)))
    st = analysis.stability
    if st is not None:
        add("sure_intro", samples=st.samples, drop=loc.share(st.drop))
        add("sure_covers")
        actors = analysis.region.actors
        core = core_order(analysis)     # most central first
        low, high = st.core_interval
        stable = st.stable_in_core(core)
        if core:
            if len(core) == 1:     # not "1 van de 1 kernorganisaties zijn"
                add("sure_core_single" if stable else "sure_core_single_doubt", thr=loc.share(STABLE))
            else:
                add("sure_core_none" if not stable else "sure_core_one" if len(stable) == 1 else "sure_core",
                    stable=len(stable), n=len(core), thr=loc.share(STABLE))
            doubt = [f"{actors[v].name} ({loc.share(st.core_probability[v])}; "
                     f"{loc.interval(low[v], high[v])})"
                     for v in core if v not in stable]
            if doubt:
                add("sure_core_uncertain", names=", ".join(doubt))
            stays = len(core) - len(st.uncertain_actors(core))
            add(("sure_core_actors_single" if stays else "sure_core_actors_single_doubt") if len(core) == 1 else
                "sure_core_actors_none" if not stays else "sure_core_actors_one" if stays == 1 else "sure_core_actors",
                drop=loc.share(st.drop), stable=stays, n=len(core))
        top, sure = analysis.top_candidate, region_stability(analysis)
        if top is not None and sure.shared:      # no one of those sharing the first place is named first
            names = {a.id: a.name for a in actors}
            add("sure_top_shared", names=loc.join([c.name for c in sure.shared]), shares=first_shares(sure, names, loc))
        elif top is not None:
            add("sure_top", name=actors[top].name, share=loc.share(st.top_share[top]),
                verdict=loc.top_verdict(st.top_stable(top)))
    else:
        lines.append(("sure_none", Markup(escape(s["sure_none"]))))
    tests = loc.core_periphery_tests(analysis.structure, analysis.core_test)
    if tests:
        add("sure_test", **tests)
    sentence = loc.core_periphery_sentence(analysis.structure, analysis.core_test,
                                                     int(analysis.core.core.sum()))
    if sentence:
        add("sure_verdict", sentence=sentence)
    return lines


def _top_tables(analysis: Analysis, core: np.ndarray, s: dict, loc: Locale) -> list[dict]:
    """The 'top actors' tables: who leads each measure is decided in analysis (``Analysis.leaders``)."""
    c = analysis.centralities
    # Titled by the measures' labels and written as the map's details panel writes them (Locale.measure), so that
    # the map and the report give one measure one name and one number.
    measures = [
        ("degree", loc.metric("degree"), c.degree, loc.measure),
        ("betweenness", loc.metric("betweenness"), c.betweenness, loc.measure),
        ("coreness", loc.metric("coreness"), analysis.coreness.coreness, loc.measure),
        ("orchestrator", loc.metric("orchestrator_score"), analysis.orchestrators.score, lambda v: loc.number(v)),
    ]
    actors = analysis.region.actors
    listed = c.degree > 0          # the actors a table may list (leaders.leaders)
    tables = []
    for key, title, values, fmt in measures:
        values = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
        # equal values one rank ("1, 1, 3"), as the candidates' ranks (orchestrator.shared_ranks)
        rank = shared_ranks(np.where(listed, values, -np.inf))
        rows = [{"rank": int(rank[v]), "name": actors[v].name, "group": loc.group(actors[v].group),
                 "color": group_color(actors[v].group), "value": fmt(float(values[v])),
                 "core": bool(core[v])}
                for v in analysis.leaders[key]]
        shown = analysis.leaders[key]
        tied = tied_beyond(values, c.degree, shown)
        # a list that ends inside a group of equal values names those it leaves out by id alone
        said = loc.t("candidates_tied", rank=int(rank[shown[-1]]),
                     names=_listed([actors[v].name for v in tied], 6)) if tied else ""
        tables.append({"key": key, "title": title, "help": s[f"measure_{key}_help"], "rows": rows, "tied": said})
    return tables


def _layers(analysis: Analysis, names: dict, s: dict, loc: Locale) -> list[dict]:
    rows = []
    actors = analysis.region.actors
    for layer in analysis.layers:
        members = sorted((actors[v].name for v in range(len(actors)) if layer.core[v]), key=str.casefold)
        has_core = layer.has_core
        rows.append({
            "label": loc.relation(layer.key), "relations": layer.relations, "actors": int(layer.active.sum()),
            "core_size": len(members) if has_core else "–",
            "members": ", ".join(members[:LAYER_NAMES_SHOWN]) if has_core else s["layer_no_core"],
            "more": s["layer_more"].format(n=len(members) - LAYER_NAMES_SHOWN)
            if has_core and len(members) > LAYER_NAMES_SHOWN else "",
            "muted": not has_core,
        })
    return rows


def _steering(st: SteeringMix, s: dict, loc: Locale) -> dict | None:
    if not st.dominant:
        return None
    labels = loc.section("steering")
    keys = list(st.overall)
    overall = [{"key": k, "label": labels.get(k, k), "share": loc.share(st.overall[k]),
                "count": st.counts.get(k, 0), "color": STEERING_COLORS.get(k, FALLBACK),
                "counted": steering_rule(k, loc)}
               for k in sorted(keys, key=lambda k: -st.overall[k])]
    pairs = []
    for pair in sorted(st.by_pair, key=lambda p: (-st.pair_weight[p], p)):
        a, b = pair
        weight, shares = st.pair_weight[pair], st.by_pair[pair]
        pairs.append({"label": f"{loc.group(a)} – {loc.group(b)}",
                      "weight": loc.number(weight, 0 if float(weight).is_integer() else 1),
                      "shares": [loc.share(shares.get(k, 0.0)) if shares.get(k, 0.0) > 0
                                 else "–" for k in keys]})
    return {"overall": overall, "columns": [{"label": labels.get(k, k), "color": STEERING_COLORS.get(k, FALLBACK)}
                                         for k in keys],
            "bar": Markup(steering_bar_svg(st.overall, labels, s, loc)),
            "dominant": _fmt(s["steering_dominant"], label=labels.get(st.dominant, st.dominant)),
            "pairs": pairs,
            "overridden": loc.counted("steering_overridden", st.overridden).strip() if st.overridden else ""}


# --------------------------------------------------------------------------- SVG charts


def _attr(value: object) -> str:
    return str(escape(str(value)))


def _n(x: float) -> str:
    """Compact, locale-free coordinate for SVG."""
    text = f"{x:.1f}"
    return "0" if text in ("-0.0", "0.0") else text.rstrip("0").rstrip(".")


def group_bars(positions: list[GroupPosition]) -> list[tuple[str, GroupPosition]]:
    """The groups the share chart draws, in its order: every group with actors, the vocabulary's first."""
    by_group = {p.group: p for p in positions if p.actors}
    groups = [(g, by_group[g]) for g in GROUPS if g in by_group]
    return groups + [(g, p) for g, p in by_group.items() if g not in GROUPS]


def group_bars_data(positions: list[GroupPosition], loc: Locale) -> list[dict]:
    """The share chart's numbers as table rows (:func:`group_bars`): group, actors, in the core, share."""
    return [{"label": loc.group(g), "actors": pos.actors, "in_core": pos.in_core,
             "share": loc.share(float(pos.share_in_core or 0.0))} for g, pos in group_bars(positions)]


def group_bars_svg(positions: list[GroupPosition], s: dict, loc: Locale) -> str:
    groups = group_bars(positions)
    width, label_w, bar_w, row_h, top = 470, 118, 205, 32, 24
    height = top + row_h * len(groups) + 10
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{_attr(s["chart_groups"])}" preserveAspectRatio="xMinYMin meet">']
    for frac in (0.0, 0.5, 1.0):
        x = label_w + bar_w * frac
        dash = "" if frac == 0 else ' stroke-dasharray="3 3"'
        out.append(f'<line x1="{_n(x)}" y1="{top - 6}" x2="{_n(x)}" y2="{height - 8}" stroke="{LINE}" '
                   f'stroke-width="1"{dash}/>')
        out.append(f'<text x="{_n(x)}" y="{top - 10}" font-size="12" fill="{MUTED}" '
                   f'text-anchor="middle">{loc.share(frac)}</text>')
    for k, (g, pos) in enumerate(groups):
        y = top + k * row_h
        share = float(pos.share_in_core or 0.0)
        weight = "700" if pos.key else "400"
        out.append(f'<text x="{label_w - 10}" y="{y + row_h / 2 + 5:.0f}" font-size="14" font-weight="{weight}" '
                   f'fill="{INK}" text-anchor="end">{_attr(loc.group(g))}</text>')
        out.append(f'<rect x="{label_w}" y="{y + 7}" width="{bar_w}" height="{row_h - 14}" fill="{TRACK}"/>')
        if share > 0:
            out.append(f'<rect x="{label_w}" y="{y + 7}" width="{_n(max(bar_w * share, 2))}" '
                       f'height="{row_h - 14}" fill="{group_color(g)}"/>')
        value = s["chart_groups_value"].format(in_core=pos.in_core, actors=pos.actors,
                                               share=loc.share(share))
        fill = PERIPHERAL if pos.peripheral else INK
        out.append(f'<text x="{label_w + bar_w + 8}" y="{y + row_h / 2 + 5:.0f}" font-size="13" '
                   f'fill="{fill}">{_attr(value)}</text>')
    out.append("</svg>")
    return "".join(out)


HIST_BINS = 10


def coreness_bins(coreness: np.ndarray, core: np.ndarray, bins: int = HIST_BINS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The coreness histogram: bin edges over [0, 1], then per bin the core actors and the others in it."""
    values = np.clip(np.nan_to_num(np.asarray(coreness, dtype=float)), 0.0, 1.0)
    core = np.asarray(core, dtype=bool)
    edges = np.linspace(0.0, 1.0, bins + 1)
    in_core, _ = np.histogram(values[core], bins=edges)
    outside, _ = np.histogram(values[~core], bins=edges)
    return edges, in_core, outside


def coreness_hist_data(coreness: np.ndarray, core: np.ndarray, loc: Locale) -> list[dict]:
    """The histogram's numbers as table rows (:func:`coreness_bins`): the bin, its core actors, the others, both."""
    edges, in_core, outside = coreness_bins(coreness, core)
    return [{"bin": f"{loc.number(float(edges[b]), 1)}–{loc.number(float(edges[b + 1]), 1)}",
             "core": int(in_core[b]), "periphery": int(outside[b]), "total": int(in_core[b] + outside[b])}
            for b in range(len(in_core))]


def coreness_hist_svg(coreness: np.ndarray, core: np.ndarray, s: dict, loc: Locale) -> str:
    edges, in_core, outside = coreness_bins(coreness, core)
    bins = len(in_core)
    peak = int((in_core + outside).max())     # 0 without actors
    step = _nice_step(peak)
    y_max = max(step * math.ceil(peak / step), step)
    width, height, left, right, top, bottom = 640, 280, 52, 16, 34, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    bar = plot_w / bins

    def ypos(count: float) -> float:
        return top + plot_h * (1 - count / y_max)

    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{_attr(s["chart_hist"])}" preserveAspectRatio="xMinYMin meet">']
    for tick in range(0, y_max + 1, step):
        y = ypos(tick)
        out.append(f'<line x1="{left}" y1="{_n(y)}" x2="{width - right}" y2="{_n(y)}" stroke="{GRID}"/>')
        out.append(f'<text x="{left - 8}" y="{_n(y + 4)}" font-size="12" fill="{MUTED}" '
                   f'text-anchor="end">{tick}</text>')
    for b in range(bins):
        x = left + b * bar + 3
        y_out = ypos(outside[b])
        if outside[b]:
            out.append(f'<rect x="{_n(x)}" y="{_n(y_out)}" width="{_n(bar - 6)}" '
                       f'height="{_n(top + plot_h - y_out)}" fill="{PERIPHERY_LIGHT}"/>')
        if in_core[b]:
            y_in = ypos(outside[b] + in_core[b])
            out.append(f'<rect x="{_n(x)}" y="{_n(y_in)}" width="{_n(bar - 6)}" '
                       f'height="{_n(y_out - y_in)}" fill="{CORE_DARK}"/>')
        total = int(outside[b] + in_core[b])
        if total:
            out.append(f'<text x="{_n(x + (bar - 6) / 2)}" y="{_n(ypos(total) - 5)}" font-size="12" '
                       f'fill="{INK}" text-anchor="middle">{total}</text>')
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="{MUTED}"/>')
    for b in range(0, bins + 1, 2):
        x = left + b * bar
        out.append(f'<text x="{_n(x)}" y="{top + plot_h + 18}" font-size="12" fill="{MUTED}" '
                   f'text-anchor="middle">{loc.number(float(edges[b]), 1)}</text>')
    out.append(f'<text x="{left + plot_w / 2:.0f}" y="{height - 8}" font-size="13" fill="{INK}" '
               f'text-anchor="middle">{_attr(loc.metric("coreness").lower())}</text>')
    out.append(f'<text x="14" y="{top + plot_h / 2:.0f}" font-size="13" fill="{INK}" text-anchor="middle" '
               f'transform="rotate(-90 14 {top + plot_h / 2:.0f})">{_attr(s["chart_hist_y"])}</text>')
    # legend
    lx = width - right - 200
    out.append(f'<rect x="{lx}" y="6" width="14" height="14" fill="{CORE_DARK}"/>'
               f'<text x="{lx + 20}" y="18" font-size="13" fill="{INK}">{_attr(s["ring_core"])}</text>'
               f'<rect x="{lx + 90}" y="6" width="14" height="14" fill="{PERIPHERY_LIGHT}"/>'
               f'<text x="{lx + 110}" y="18" font-size="13" fill="{INK}">{_attr(s["ring_periphery"])}</text>')
    out.append("</svg>")
    return "".join(out)


def _nice_step(peak: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 6:
            return step
    return 10 ** max(len(str(peak)) - 1, 1)


def steering_bar_svg(overall: dict[str, float], labels: dict[str, str], s: dict, loc: Locale) -> str:
    """The steering mix as one bar of shares, named in words by its aria-label (the same shares, left to right)."""
    width, height = 640, 30
    shown = [(key, float(share)) for key, share in overall.items() if share > 0]
    name = s["steering_bar_label"].format(mix=loc.join([
        s["steering_bar_part"].format(label=labels.get(key, key), share=loc.share(share)) for key, share in shown]))
    out = [f'<svg class="chart steering-bar" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{_attr(name)}" preserveAspectRatio="xMinYMin meet">']
    x = 0.0
    for key, share in shown:
        w = width * share
        out.append(f'<rect x="{_n(x)}" y="0" width="{_n(w)}" height="{height}" '
                   f'fill="{STEERING_COLORS.get(key, FALLBACK)}"><title>{_attr(labels.get(key, key))}</title></rect>')
        if w > 46:
            out.append(f'<text x="{_n(x + w / 2)}" y="20" font-size="14" font-weight="600" fill="{HALO}" '
                       f'text-anchor="middle" aria-hidden="true">{_attr(loc.share(share))}</text>')
        x += w
    out.append("</svg>")
    return "".join(out)


# --------------------------------------------------------------------------- target view


def target_svg(analysis: Analysis, layout: Layout, s: dict, loc: Locale, *, scale: float = 1.0,
               label: str | None = None, css_class: str = "target", named: int = NAMED_CANDIDATES,
               numbered: bool = True) -> str:
    """The target view as inline SVG (canvas units of ``layout``).

    The same drawing serves the main figure and the small multiples per region: ``scale``
    enlarges every text (a small figure is shown smaller, its words must stay legible),
    ``named`` strongest candidates get their name, ``numbered`` puts numbers on the others,
    ``label`` is the text alternative (default: the figure's title), ``css_class`` the SVG's class.
    """
    net = analysis.network
    n = net.n
    xy = np.asarray(layout.target, dtype=float).reshape(-1, 2)
    degree = np.asarray(analysis.centralities.degree, dtype=float)
    core = np.asarray(analysis.core.core, dtype=bool)
    coreness = np.asarray(analysis.coreness.coreness, dtype=float)
    big = n > LABELS_MAX_ACTORS
    radius = marker_radii(degree, 6.0, 12.0) if big else marker_radii(degree, 11.0, 33.0)
    inner, outer = layout.ring_radii
    # sector titles: geometry from layout.sector_titles (the same as target.png and the map); the drawing
    # is wide and tall enough for them (symmetric, so the rings stay in the middle)
    titles = sector_titles(layout, sector_title_texts(net.groups, loc))
    title_font = SECTOR_TITLE_FONT * scale
    blocks = [title.block(title_font) for title in titles]
    half_w = max([outer + 40.0] + [max(abs(b[0]), abs(b[2])) + 40.0 for b in blocks])
    half_h = max([outer + 40.0] + [max(abs(b[1]), abs(b[3])) + 40.0 for b in blocks])
    view = (-half_w, -half_h, 2 * half_w, 2 * half_h)
    out = [f'<svg class="{_attr(css_class)}" viewBox="{_n(view[0])} {_n(view[1])} {_n(view[2])} {_n(view[3])}" '
           f'role="img" aria-label="{_attr(label or s["target"])}" preserveAspectRatio="xMidYMid meet">']
    # rings, outermost first so inner discs sit on top: the periphery band, then the core band,
    # whose ring is the boundary between the discrete core and the periphery
    for k, r in enumerate(sorted(layout.ring_radii, reverse=True)):
        if k == 0:
            out.append(f'<circle class="ring" cx="0" cy="0" r="{_n(r)}" fill="{PERIPHERY_FILL}" stroke="{RING}" '
                       f'stroke-width="3"/>')
        else:
            out.append(f'<circle class="ring core-ring" cx="0" cy="0" r="{_n(r)}" fill="{CORE_FILL}" '
                       f'stroke="{CORE_DARK}" stroke-width="4" stroke-dasharray="18 9"/>')
    for a in sector_boundaries(layout):
        out.append(f'<line x1="{_n(INNER * CANVAS * math.cos(a))}" y1="{_n(INNER * CANVAS * math.sin(a))}" '
                   f'x2="{_n(outer * math.cos(a))}" y2="{_n(outer * math.sin(a))}" stroke="{HALO}" stroke-width="8"/>')
    # ties
    if 0 < net.ties.ecount() <= EDGES_MAX:
        parts = []
        for e in net.ties.es:
            u, v = e.tuple
            parts.append(f"M{_n(xy[u, 0])} {_n(xy[u, 1])}L{_n(xy[v, 0])} {_n(xy[v, 1])}")
        out.append(f'<path d="{"".join(parts)}" fill="none" stroke="{TIE}" stroke-opacity="0.22" '
                   f'stroke-width="2.5"/>')
    # actors: periphery first, then core on top; small before large. A very large network's
    # hundred thousand dots would make a page no browser opens: the best-placed, as the map.
    order = sorted(best_placed(analysis, DOTS_MAX), key=lambda v: (bool(core[v]), degree[v], net.ids[v]))
    actors = analysis.region.actors
    for v in order:
        g = net.groups[v]
        stroke = f'stroke="{INK}" stroke-width="{5 if not big else 3}"' if core[v] else f'stroke="{HALO}" stroke-width="2"'
        tip = f"{actors[v].name} · {loc.group(g)} · {loc.metric('coreness').lower()} {loc.measure(float(coreness[v]))}"
        cls = "actor core" if core[v] else "actor"
        out.append(f'<circle class="{cls}" cx="{_n(xy[v, 0])}" cy="{_n(xy[v, 1])}" r="{_n(radius[v])}" '
                   f'fill="{group_color(g)}" {stroke}><title>{_attr(tip)}</title></circle>')
    # ring labels
    ring_font = 44 * scale
    out.append(f'<text x="0" y="{_n(-inner + 12 + ring_font)}" font-size="{_n(ring_font)}" font-style="italic" '
               f'fill="{CORE_DARK}" text-anchor="middle" class="halo">{_attr(s["ring_core"])}</text>')
    out.append(f'<text x="0" y="{_n(-outer + 12 + ring_font)}" font-size="{_n(ring_font)}" font-style="italic" '
               f'fill="{MUTED}" text-anchor="middle" class="halo">{_attr(s["ring_periphery"])}</text>')
    for title in titles:
        out.append(_sector_title_svg(title, title_font))
    # every actor not named carries its number (layout.actor_numbers); the list target_key names it
    numbers = _target_numbers(analysis) if numbered else {}
    for v in order:
        if v in numbers:
            size = max(24.0, min(32.0, 1.1 * float(radius[v])))
            out.append(f'<text class="num" x="{_n(xy[v, 0])}" y="{_n(xy[v, 1] + 0.35 * size)}" '
                       f'font-size="{_n(size)}" text-anchor="middle" fill="{INK}">{numbers[v]}</text>')
    # the strongest orchestrator candidates, named beside their circle (layout.place_labels, as the map)
    placer = LabelPlacer(xy, radius, (view[0], view[1], view[0] + view[2], view[1] + view[3]), pad=LABEL_PAD)
    for title in titles:
        placer.block(title.block(title_font))
    for r in layout.ring_radii:      # the ring labels 'kern' and 'periferie'
        placer.block((-2.5 * ring_font, -r, 2.5 * ring_font, -r + 12 + 1.2 * ring_font))
    top = _target_named(analysis, named)
    # 'K1 name': the letter keeps a candidate apart from the plain numbers of the other actors
    rank = analysis.orchestrators.shared_rank       # equal scores one rank: two equals both carry K1
    wanted = [(v, label_lines(f"{loc.t('candidate_badge', rank=int(rank[v]))} {actors[v].name}"), 0, True)
              for v in top]
    for placed in place_labels(placer, xy, radius, wanted, LABEL_FONT * scale, LABEL_GAPS):
        out.append(_candidate_label(placed, LABEL_FONT * scale, float(xy[placed.actor, 0]),
                                    float(xy[placed.actor, 1])))
    out.append("</svg>")
    return "".join(out)


SECTOR_TITLE_FONT = 54     # sector titles, in SVG units


def _sector_title_svg(title: SectorTitle, font: float) -> str:
    """One sector title: a text block hung from its anchor point, underlined in the group's colour."""
    line_h = 1.2 * font
    x0, y0, x1, y1 = title.block(font)
    anchor = title.align
    spans = "".join(f'<tspan x="0" y="{_n(y0 - title.y + 0.85 * font + k * line_h)}">{_attr(line)}</tspan>'
                    for k, line in enumerate(title.lines))
    return (f'<g class="sector-title" data-group="{_attr(title.group)}" '
            f'transform="translate({_n(title.x)} {_n(title.y)})">'
            f'<text font-size="{_n(font)}" font-weight="600" fill="{INK}" text-anchor="{anchor}">{spans}</text>'
            f'<rect x="{_n(x0 - title.x)}" y="{_n(y1 - title.y + 0.1 * font)}" width="{_n(x1 - x0)}" '
            f'height="{_n(0.16 * font)}" fill="{group_color(title.group)}"/></g>')


LABEL_FONT = 44            # target-view candidate labels, in SVG units


def _target_caption(analysis: Analysis, s: dict, loc: Locale) -> Markup:
    """The target view's caption: what the figure shows, saying as many named candidates as it names (none when
    no actor scores above 0, one or two when only they do) and whether every organisation carries a number,
    with a link to the list of those numbers (``target_key``, the appendix's first section)."""
    top = _target_named(analysis)
    named = len(top)
    n = analysis.network.n
    parts = [s["target_caption"]]
    if named:
        parts.append(s["target_caption_top_one"] if named == 1 else s["target_caption_top"].format(n=loc.count(named)))
        # named by id alone where the names end inside a group of equal scores: who else scores the same
        parts += [as_sentence(line) for line in tied_lines(analysis, loc, named)]
    if n <= NUMBERS_MAX_ACTORS:
        if _target_numbers(analysis):       # not when the figure names every actor: then there is no list
            parts.append(_fmt(s["target_caption_numbers"] if named else s["target_caption_numbers_all"],
                              list=s["target_numbers"]))
        if named:      # the badges as drawn: equal scores share one (target_svg)
            rank = analysis.orchestrators.shared_rank
            parts.append(badge_key("candidate_badge_report", [int(rank[v]) for v in top], loc))
    if n > DOTS_MAX:
        parts.append(loc.t("report_target_best_placed", shown=loc.count(DOTS_MAX), total=loc.count(n)))
    return Markup(" ").join(parts)      # escapes every part that is not Markup


def _target_named(analysis: Analysis, named: int = NAMED_CANDIDATES) -> list[int]:
    """The actors the target view names: the ``named`` strongest candidates (none above ``LABELS_MAX_ACTORS``)."""
    if analysis.network.n > LABELS_MAX_ACTORS:
        return []
    return list(analysis.candidates[:named])


def _target_numbers(analysis: Analysis) -> dict[int, int]:
    """Actor index -> its number, for every actor the target view does not name (none above the limit)."""
    net = analysis.network
    if net.n > NUMBERS_MAX_ACTORS:
        return {}
    numbers = actor_numbers(net.ids, [a.name for a in analysis.region.actors], net.groups)
    named = set(_target_named(analysis))
    return {v: numbers[v] for v in range(net.n) if v not in named}


def target_key(analysis: Analysis, loc: Locale) -> list[dict]:
    """The list of the target view's numbers: per group, the number and name of each actor it does not name."""
    net = analysis.network
    numbers = _target_numbers(analysis)
    if not numbers:
        return []
    names = [a.name for a in analysis.region.actors]
    full = actor_numbers(net.ids, names, net.groups)
    return [{"label": loc.group(g), "color": group_color(g), "rows": rows}
            for g, rows in number_key(full, names, net.groups, _target_named(analysis))]


LABEL_GAPS = (14.0, 60.0, 120.0, 190.0, 270.0)   # SVG units between circle and label; a leader line from the 2nd
LABEL_PAD = 4.0                                  # SVG units kept free around every label


def _candidate_label(placed: PlacedLabel, font: float, x: float, y: float) -> str:
    """One candidate's label placed by ``layout.place_labels``: a halo'd <text>, one <tspan> per line,
    with a leader line when it had to move away from its circle at (x, y)."""
    box, lines = placed.box, placed.lines
    if box[0] >= x:
        anchor, tx = "start", box[0]
    elif box[2] <= x:
        anchor, tx = "end", box[2]
    else:
        anchor, tx = "middle", (box[0] + box[2]) / 2
    line_h = 1.2 * font
    first = box[1] + 0.85 * font
    spans = "".join(f'<tspan x="{_n(tx)}" y="{_n(first + k * line_h)}">{_attr(line)}</tspan>'
                    for k, line in enumerate(lines))
    leader = placed.leader
    line = "" if leader is None else (f'<line x1="{_n(leader[0])}" y1="{_n(leader[1])}" x2="{_n(leader[2])}" '
                                      f'y2="{_n(leader[3])}" stroke="{MUTED}" stroke-width="2"/>')
    return (f'{line}<text font-size="{_n(font)}" font-weight="700" fill="{INK}" text-anchor="{anchor}" '
            f'class="halo">{spans}</text>')
