"""Regions side by side: the table of the report's per-region section and of compare.html for 3+ folders.

One :class:`~ecosystem.analysis.by_region.RegionEntry` per region, built in analysis from that
region's own :class:`~ecosystem.analysis.pipeline.Analysis`, so every number in the side-by-side
view is the number ``ecosystem analyse`` prints for that region alone. The table (one column per
region) is shared by the report and compare.html; summary.json's ``by_region`` and compare.json
are the entries' serialisation (:func:`ecosystem.render.summary_json.region_entry_json`).
"""
from __future__ import annotations

from ..analysis.by_region import RegionEntry
from ..i18n import isolated
from ..locale import Locale
from .change_html import Row, Section, render_page
from .change_text import status_word
from .diagnosis_text import indicator_title
from .terminal import first_shares

# Words the side-by-side view shows under its own names, kept in the catalogue under the one key other outputs use.
SIDE_BY_SIDE_BORROWS = {"none": "none"}


def top_candidate_text(e: RegionEntry, loc: Locale) -> str:
    """The region's best orchestrator candidate, or the candidates sharing the first place with an equal
    score (the id alone orders them: no winner to name), or 'geen'."""
    if e.first_shared:
        return loc.t("region.top_shared", names=loc.join([isolated(c.name) for c in e.first_shared]))
    return isolated(e.orchestrators[0].name) if e.orchestrators else loc.t("none")


def seats_text(e: RegionEntry, loc: Locale) -> str:
    """The key groups without a seat at the core's tables: without a core there is no seat to judge, and a
    key group without any organisation in the region is said to be absent (as the slides and report say it,
    :meth:`Locale.seat_line`), not to lack a seat."""
    if not e.core:
        return loc.t("region.seats_no_core")
    absent = e.absent_key_groups

    def groups(keys) -> str:
        return loc.join([loc.group(g).lower() for g in keys])
    seated_too_little = [g for g in e.key_groups_without_seat if g not in absent]
    agency = next((d for d in e.diagnosis if d.key == "agency"), None)
    if seated_too_little and agency is not None and agency.params.get("core_tables") == 0:
        # no governance table with the core: the rule is a governance tie with the core (diagnosis.agency)
        parts = [loc.t("region.seats_no_tables", groups=groups(seated_too_little))]
    else:
        parts = [groups(seated_too_little)] if seated_too_little else []
    if absent:
        parts.append(loc.t("region.seats_absent", groups=groups(absent)))
    return "; ".join(parts) if parts else loc.t("none")


def side_by_side_table(entries: dict[str, RegionEntry], loc: Locale) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Headers (measure, then one column per region) and rows, all plain strings."""
    s = loc.section("region", SIDE_BY_SIDE_BORROWS)
    labels = list(entries)
    headers = (s["measure"], *labels)

    def cells(f) -> tuple[str, ...]:
        return tuple(f(entries[k]) if entries[k].relations else s["no_relations"] for k in labels)

    def top_first(e: RegionEntry) -> str:
        st = e.stability       # its top is the first candidate, which the row above names
        if st.top is not None and st.shared:     # the row above names all who share the first place: each its share
            return first_shares(st, {}, loc)
        return s["none"] if st.top is None else f"{loc.share(st.top_share)} ({loc.top_verdict(st.top_stable)})"

    def density(e: RegionEntry) -> str:
        return "" if e.density is None else loc.number(e.density, 3)

    rows = [
        (s["actors"], *(str(entries[k].actors) for k in labels)),
        (s["relations"], *(str(entries[k].relations) for k in labels)),
        (loc.t("ties_label"), *(str(entries[k].ties) for k in labels)),
        (s["density"], *cells(density)),
        (s["core_size"], *cells(lambda e: s["core_swappable_cell"].format(n=len(e.core)) if e.core_swappable
                                else str(len(e.core)))),
        (s["verdict"], *cells(lambda e: s[f"verdict_{e.verdict}"])),
        (s["top_candidate"], *cells(lambda e: top_candidate_text(e, loc))),
        (s["core_stable"], *cells(lambda e: s["not_resampled"] if e.stability is None else (
            s["core_stable_cell"].format(stable=e.stability.stable_in_core, n=len(e.core)) if e.core else s["none"]))),
        (s["top_first"], *cells(lambda e: s["not_resampled"] if e.stability is None else top_first(e))),
        (s["without_seat"].format(rule=loc.t("rule_tables", tables=loc.t("tables_uncounted"))),
         *cells(lambda e: seats_text(e, loc))),
    ]
    titles = {}
    for e in entries.values():
        for d in e.diagnosis:
            titles.setdefault(d.key, indicator_title(d, loc))
    for key, title in titles.items():
        def status(e: RegionEntry, key=key) -> str:
            found = [d.status for d in e.diagnosis if d.key == key]
            return status_word(found[0], loc) if found else ""
        rows.append((title, *cells(status)))
    return headers, rows


def render_compare_html(entries: dict[str, RegionEntry], loc: Locale, seed: int, analyses: dict | None = None,
                        notes: list[tuple[str, str]] = ()) -> str:
    """compare.html for three or more region folders: the side-by-side table as a page, and, given
    each folder's ``analyses`` (label -> Analysis), the small multiples of their target views as the
    report's per-region section draws them. ``notes``: region.toml's notes as (heading, note)
    (:func:`~ecosystem.render.change_text.region_notes`)."""
    from .documents import names_isolated
    from .report_html import target_multiples

    s = loc.section("region", SIDE_BY_SIDE_BORROWS)
    headers, rows = side_by_side_table(entries, loc)
    labels = loc.join(list(entries))
    # The columns are folders the user gave, not arbeidsmarktregio's: their own wording, not the report's.
    multiples = (target_multiples([(label, None if analyses[label] is None else names_isolated(analyses[label]))
                                   for label in entries], loc, alt_key="folder_target_alt")
                 if analyses else [])
    return render_page(dict(
        lang=loc.lang, title=s["compare_title"].format(labels=labels), kicker=s["compare_kicker"], notes=list(notes),
        none_text=s["none"],
        legend=s["compare_legend"].format(seed=seed), footer=s["compare_footer"].format(seed=seed),
        sections=[Section("side-by-side", s["folders_title"], headers, tuple(Row(r) for r in rows))],
        multiples=multiples, multiples_title=loc.t("compare_targets_title"),
        multiples_intro=loc.t("folder_targets_intro")))
