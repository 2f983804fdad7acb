"""The short plain-language summary printed at the end of ``ecosystem analyse``."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis.by_region import RegionStability, region_stability
from ..analysis.orchestrator import NAMED_CANDIDATES, TOP_CANDIDATES
from ..analysis.pipeline import core_ids, core_order
from ..anonymise import recognisable_sentence, withheld_lines
from ..analysis.stability import STABLE
from ..i18n import isolated
from ..locale import Locale
from .diagnosis_text import indicator_mark, indicator_sentence, indicator_title
from .reasons import reason_texts
from .steering_text import steering_rule_lines

if TYPE_CHECKING:
    from ..analysis.pipeline import Analysis

MAX_CORE_NAMES = 12


def terminal_summary(analysis: Analysis, names: dict[str, str], loc: Locale) -> str:
    """The printed summary: the analysis results (the same facts summary.json holds) in words."""
    region = analysis.region
    meta = region.meta.in_language(loc)     # region.toml's texts in the reader's language
    lines = [loc.t("summary_title", region=meta.name, actors=loc.counted("n_actors", len(region.actors)),
                   relations=loc.counted("n_relations", len(region.relations)))]
    line = loc.ties_sentence(analysis.tie_count)
    if line:
        lines.append("  " + line)
    if analysis.year is not None:
        lines.append(loc.t("summary_year", year=analysis.year))
    whole = region.meta.whole
    if whole is not None:                   # analyse --region: what was left out of the data set
        total, total_relations = region.meta.whole_size
        lines.append(loc.t("summary_part_of", region=region.meta.arbeidsmarktregios[0],
                           whole=whole.in_language(loc).name,
                           actors=len(region.actors), total=total, relations=len(region.relations),
                           total_relations=total_relations, left=total - len(region.actors)))
    if meta.note:
        lines.append(loc.t("summary_note", note=meta.note))
    if meta.recognisable:                   # --anonymise: who the arbeidsmarktregio still gives away
        lines.append(loc.t("summary_note", note=recognisable_sentence(meta.recognisable, loc)))
    # --anonymise: region.toml's texts that named an organisation
    lines.extend(loc.t("summary_note", note=line) for line in withheld_lines(meta, loc))
    if analysis.survey is not None:         # survey data: response rate and what non-response means
        lines.append(analysis.survey.summary(loc)["text"])
    core = [names[i] for i in core_ids(analysis)]
    shown = ", ".join(core[:MAX_CORE_NAMES])
    if len(core) > MAX_CORE_NAMES:
        shown += " " + loc.t("summary_core_more", more=len(core) - MAX_CORE_NAMES)
    lines.append(loc.t("summary_core", n=len(core), names=shown or loc.t("none")))
    lines.extend("  " + line for line in swappable_lines(analysis, names, loc))
    if analysis.core.fit == analysis.core.fit:     # NaN: no core/periphery fitted
        lines.append(loc.t("summary_core_fit", fit=loc.number(analysis.core.fit)))
    lines.extend(_core_periphery_lines(analysis, loc))
    lines.append(loc.t("summary_orchestrators"))
    lines.extend("  " + line for line in candidate_lines(analysis, names, loc, NAMED_CANDIDATES))
    lines.extend(loc.group_line(g) for g in analysis.groups if g.key)
    lines.append(seat_sentence(analysis, loc))
    ids = analysis.network.ids
    contrast = [names[ids[c.actor]] for c in analysis.contrasts]
    if contrast:
        lines.append(loc.t("summary_contrast", names=_listed(contrast, 8)))
    steering = analysis.steering
    if steering.dominant:
        ordered = sorted(steering.overall.items(), key=lambda kv: -kv[1])
        lines.append(loc.t("summary_steering", mix=", ".join(
            f"{loc.section('steering')[k]} {loc.share(v)}" for k, v in ordered if v > 0)))
        lines.extend(steering_rule_lines([k for k, _ in ordered], steering.overridden, loc))
    lines.extend(_stability_lines(analysis, names, loc))
    if analysis.indicators:
        lines.append(loc.t("line_heading", heading=loc.t("diagnosis")))
        for ind in analysis.indicators:
            lines.append(f"  {indicator_mark(ind)} {indicator_title(ind, loc)}: {indicator_sentence(ind, loc, names)}")
    return "\n".join(lines)


def _core_periphery_lines(analysis: Analysis, loc: Locale) -> list[str]:
    """The two tests' p-values (when a core/periphery applies) and the sentence that says what they mean."""
    lines = []
    tests = loc.core_periphery_tests(analysis.structure, analysis.core_test)
    if tests:
        lines.append(loc.t("summary_significance", **tests))
    sentence = loc.core_periphery_sentence(analysis.structure, analysis.core_test,
                                                     int(analysis.core.core.sum()))
    if sentence:
        lines.append("  " + sentence)
    return lines


def swappable_lines(analysis: Analysis, names: dict[str, str], loc: Locale) -> list[str]:
    """One line when the core leaves out actors interchangeable in the ties with one inside
    (``Analysis.core_swappable``): the core is one of several equally good ones; none otherwise. For the
    terminal, the slides and report.html."""
    ids = analysis.network.ids
    return swappable_note([names[ids[v]] for v in analysis.core_swappable], analysis.core_groups_vary, loc)


def swappable_note(shown: list[str], groups_vary: bool, loc: Locale) -> list[str]:
    """The line beside a core that leaves out the actors named ``shown`` (interchangeable in the ties with one
    inside), with ``groups_vary`` (an equally good core has other groups in it) its second sentence: for the
    whole network (:func:`swappable_lines`) and for an arbeidsmarktregio (``RegionEntry.core_swappable``)."""
    if not shown:
        return []
    line = loc.counted("core_swappable", len(shown), names=loc.join(shown) if len(shown) <= 6 else _listed(shown, 6))
    # interchangeable in the ties, not in the groups: an equally good core has other groups in it
    return [line + (" " + loc.t("core_swappable_groups") if groups_vary else "")]


def seat_sentence(analysis: Analysis, loc: Locale) -> str:
    """Which key groups have no or too small a seat in the core (``Locale.seat_line``), for the terminal, the
    slides and report.html."""
    return loc.seat_line(list(analysis.peripheral_key_groups), bool(analysis.core.core.any()),
                         analysis.absent_key_groups)


def candidate_lines(analysis: Analysis, names: dict[str, str], loc: Locale, limit: int) -> list[str]:
    """The first ``limit`` orchestrator candidates, one line each (rank, name, score, reasons), for the terminal
    and the slides; when nobody scores above 0, the diagnosis's sentence saying so."""
    top = analysis.candidates[:limit]
    if not top:
        return [loc.t("diag_orchestrator_none")]
    # equal scores one rank (Orchestrators.shared_rank: "1, 1, 3"), as the badges, the map and the tables
    rank = analysis.orchestrators.shared_rank
    lines = [f"{int(rank[v])}. {analysis.region.actors[v].name} ({score_text(analysis, v, loc)}): "
             + "; ".join(reason_texts((analysis.reasons or {}).get(v), loc, names)) for v in top]
    return lines + tied_lines(analysis, loc, limit)


def score_text(analysis: Analysis, v: int, loc: Locale) -> str:
    """Candidate ``v``'s orchestrator score as every list of candidates prints it (terminal, slides, report).

    Two decimals; three when two different scores among the listed candidates would print alike, so
    that their order is visible. Decided on the candidates every output lists (``TOP_CANDIDATES``), so
    that the terminal's three and the slides' five agree; equal scores always print alike.
    """
    score = analysis.orchestrators.score
    listed = {float(score[u]) for u in analysis.candidates[:TOP_CANDIDATES]}
    digits = 3 if len({loc.number(s) for s in listed}) < len(listed) else 2
    return loc.number(score[v], digits)


def tied_lines(analysis: Analysis, loc: Locale, limit: int) -> list[str]:
    """One line naming the actors that score exactly what the last listed candidate scores, when the list
    (the first ``limit``) leaves them out by id alone (``Analysis.tied_beyond``); none otherwise."""
    tied = analysis.tied_beyond(limit)
    if not tied:
        return []
    last = analysis.candidates[:limit][-1]
    return [loc.t("candidates_tied", rank=int(analysis.orchestrators.shared_rank[last]),
                  names=_listed([analysis.region.actors[v].name for v in tied], 6))]


def _stability_lines(analysis: Analysis, names: dict[str, str], loc: Locale) -> list[str]:
    st = analysis.stability
    if st is None:
        return []
    lines = [loc.t("summary_stability", samples=st.samples, drop=loc.share(st.drop),
               hi=loc.share(STABLE), lo=loc.share(1 - STABLE)),
             loc.t("stability_covers")]
    # The uncertain actors are every actor whose core probability is undecided, in or out of
    # the core; the core line names only core actors, the borderline line the others.
    ids = analysis.network.ids
    low, high = st.core_interval

    def named(v: int, low, high) -> str:
        return f"{names[ids[v]]} ({loc.interval(low[v], high[v])})"
    core = analysis.core.core
    members = core_order(analysis)       # most central first, as the core line and the report list them
    stable = st.stable_in_core(members)
    # In doubt: every core actor not stable in the core (its interval is not wholly above the threshold).
    doubt_in = [named(v, low, high) for v in members if v not in stable]
    doubt_out = [named(v, low, high) for v in st.uncertain() if not core[v]]
    if members:       # without a core there is no "n of n core actors stable" to state
        lines.append(loc.counted("stability_core", len(members), stable=len(stable),
                       uncertain=_listed(doubt_in, 6) or loc.t("none")))
    # Without a core in the whole network (its shape, core_periphery.structure) nobody is "outside the
    # core but not stably in the periphery", and no key group lacks a seat in it, whatever a resample found.
    has_core = analysis.structure.has_core
    if doubt_out and has_core:
        lines.append(loc.t("stability_borderline", names=_listed(doubt_out, 6)))
    low_a, high_a = st.core_interval_actors
    doubt = [named(v, low_a, high_a) for v in st.uncertain_actors(members)]
    if members:
        lines.append(loc.counted("stability_core_actors", len(members), drop=loc.share(st.drop),
                             stable=len(members) - len(doubt), uncertain=_listed(doubt, 6) or loc.t("none")))
    top = top_stability_line(region_stability(analysis), names, loc)
    if top:
        lines.append(top)
    groups = [f"{loc.group(g).lower()} {loc.share(st.peripheral_share[g])} "
              f"({loc.t('stable' if st.peripheral_stable(g) else 'uncertain')})" for g in st.seats_in_doubt()
              if g not in analysis.absent_key_groups]     # an absent group lacks a seat in every resample: no news
    if groups and has_core:
        lines.append(loc.t("stability_groups", rule=loc.t("rule_core_share"), groups=", ".join(groups)))
    return lines


def region_stability_lines(entry, names: dict[str, str], loc: Locale) -> list[str]:
    """An arbeidsmarktregio's "how sure" in the whole network's wording: its core, its first-ranked actor
    (``entry``: a :class:`~ecosystem.analysis.by_region.RegionEntry`; none when its resampling did not run)."""
    st = entry.stability
    if st is None:
        return []
    lines = []
    if entry.core:
        lines.append(loc.counted("stability_core", len(entry.core), stable=st.stable_in_core,
                           uncertain=_listed([names.get(i, i) for i in st.in_doubt], 6) or loc.t("none")))
    top = top_stability_line(st, names, loc)
    if top:
        lines.append(top)
    return lines


def top_stability_line(sure: RegionStability | None, names: dict[str, str], loc: Locale) -> str | None:
    """How often the resamples put the first candidate first alone (``sure``: the whole network's or a region's
    :class:`~ecosystem.analysis.by_region.RegionStability`); when the first place is shared with an equal
    score, the line says so and gives each of those sharing it its share, naming no one of them first (the id
    alone orders them). None without a candidate or resampling."""
    if sure is None or sure.top is None:
        return None
    if sure.shared:
        return loc.t("stability_top_shared", names=loc.join([names.get(c.id, c.name) for c in sure.shared]),
                     shares=first_shares(sure, names, loc))
    return loc.t("stability_top", name=names.get(sure.top, sure.top_name), share=loc.share(sure.top_share),
                 verdict=loc.top_verdict(sure.top_stable))


def first_shares(sure: RegionStability, names: dict[str, str], loc: Locale) -> str:
    """'Gemeente A in 40% en ROC B in 35%': of each candidate sharing the first place, the share of resamples
    that put it first alone (the terminal, the slides, the report and the side-by-side table)."""
    return loc.join([loc.t("stability_top_each", name=names.get(c.id, isolated(c.name)), share=loc.share(c.share))
                     for c in sure.shared])


def _listed(items: list[str], limit: int) -> str:
    """The first ``limit`` items, comma-separated, with ' …' when there are more."""
    return ", ".join(items[:limit]) + (" …" if len(items) > limit else "")
