"""The render stage: analysis results in, named documents out (nothing is written here).

load (io) -> analyse (analysis.pipeline) -> **render (this module)** -> write (io.outputs).

:func:`render_documents` turns one :class:`~ecosystem.analysis.pipeline.Analysis` into the
set ``ecosystem analyse`` writes: each a :class:`~ecosystem.io.outputs.Document` (content
plus how to write it), or a writer for outputs that write themselves (the PNGs).
:func:`ecosystem.io.outputs.write_documents` writes them all at once. A caller that wants
only some outputs (a summary for each region, say) asks for them by name with ``only``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from ..analysis.pipeline import Analysis
from ..io.outputs import Document, Shared, output_folder
from ..parallel import frozen_heap
from ..locale import Locale
from ..model import Region

if TYPE_CHECKING:
    import numpy as np

#: Every document name, in the order they are written; each maps to one file (``pngs`` to three:
#: map.png, target.png and numbers.png, each drawn as a part of its own).
DOCUMENTS = ("map", "report", "pngs", "slides", "actors", "actors_xlsx", "layers", "summary", "graphml", "gexf",
             "kumu")   # slides after pngs: it embeds target.png and map.png


@dataclass(frozen=True)
class Rendered:
    """What the render stage returns for one analysis."""
    folder: str                       # output folder name: <region folder>[-<year>]
    summary: dict                     # the content of summary.json
    text: str                         # the terminal summary
    documents: dict[str, Document]    # name -> document, in DOCUMENTS order


def in_language(analysis: Analysis, loc: Locale) -> Analysis:
    """``analysis`` with region.toml's texts in ``loc``'s language (its ``[en]`` table, if any), for what readers see."""
    return replace(analysis, region=region_in_language(analysis.region, loc))


def names_isolated(analysis: Analysis) -> Analysis:
    """``analysis`` with each actor's name as :func:`ecosystem.i18n.isolated` gives it: for the text people read
    in the pages, the slides and the terminal, where a name's right-to-left letters or direction controls must
    not turn the sentence around it. The tables, the graph files and the pictures (matplotlib draws the
    characters in their stored order, never reordering) keep the names as given."""
    from ..i18n import isolated

    named = [(a, isolated(a.name)) for a in analysis.region.actors]
    actors = tuple(a if name == a.name else replace(a, name=name) for a, name in named)
    return analysis if actors == analysis.region.actors else replace(analysis, region=replace(analysis.region,
                                                                                              actors=actors))


def region_in_language(region: Region, loc: Locale) -> Region:
    """``region`` with region.toml's texts in ``loc``'s language (:func:`in_language`)."""
    return replace(region, meta=region.meta.in_language(loc))


def _region_pictures(analysis: Analysis, loc: Locale) -> tuple[tuple[str, ...], tuple]:
    """Per arbeidsmarktregio with a slide of its own (two or more in ``by_region``), a function that draws
    its target view as PNG bytes: the regions' names and the functions, to be run side by side."""
    by_region = getattr(analysis.extras, "by_region", None)
    if by_region is None or len(by_region.analyses) < 2:
        return (), ()
    from .static_png import region_target_png
    subs = {name: sub for name, sub in by_region.analyses.items() if sub is not None}
    return tuple(subs), tuple(partial(region_target_png, in_language(sub, loc), loc) for sub in subs.values())


def render_documents(analysis: Analysis, loc: Locale = Locale("nl"), only: Iterable[str] | None = None,
                     network_view: np.ndarray | None = None, numbers_png: bytes | None = None) -> Rendered:
    """Render the outputs of ``analysis`` in ``loc``'s language; all of :data:`DOCUMENTS`, or those named in ``only``.

    summary.json is rendered from the results with region.toml's main texts (its ``text``
    object holds those in ``loc.lang``); every other document shows the texts in that language.
    ``network_view`` and ``numbers_png``: the map's network view (``layout.force_layout`` of the analysis's
    network and seed) and numbers.png (``static_png.numbers_png`` of its region, network and ``loc``) when
    they were drawn already, as :func:`ecosystem.api.analyse` draws them while the analysis runs.
    """
    with frozen_heap():     # the imports below allocate much beside the analysis (parallel.frozen_heap)
        return _render_documents(analysis, loc, only, network_view, numbers_png)


def _render_documents(analysis: Analysis, loc: Locale, only: Iterable[str] | None,
                      network_view: np.ndarray | None = None, numbers_png: bytes | None = None) -> Rendered:
    from ..io.kumu import kumu_tables
    from .actor_tables import about_table, actors_table, layers_table, readable_table
    from .summary_json import summary_dict
    from .terminal import terminal_summary

    wanted = DOCUMENTS if only is None else tuple(only)
    unknown = sorted(set(wanted) - set(DOCUMENTS))
    if unknown:
        raise ValueError(f"unknown documents {unknown}; choose from {DOCUMENTS}")
    summary = summary_dict(analysis, loc)
    if analysis.extras is not None:      # per region, key players (ecosystem.meeting)
        from ..meeting import summary_extras
        summary = {**summary, **summary_extras(analysis.extras, analysis, loc)}
    shown = in_language(analysis, loc)
    read = names_isolated(shown)        # what is read as text: each name isolated in its own direction
    names = {a.id: a.name for a in read.region.actors}
    actors = actors_table(shown) if {"actors", "actors_xlsx", "graphml", "gexf", "kumu"} & set(wanted) else None
    docs: dict[str, Document] = {}
    # One title for the map and the slides: "LLO-ecosysteem <region>", the name saying the year and the data set
    # an arbeidsmarktregio comes from where they apply (RegionMeta.in_language)
    title = loc.t("map_title", region=shown.region.meta.name)
    # The layout the map, the report and the pictures share is computed in the write stage, once, as a
    # task of its own beside the documents that do not need it (io.outputs.Shared), not here before it.
    from .layout import compute_layout
    layout = Shared("layout", partial(compute_layout, shown.network, shown.coreness.coreness, shown.core.core,
                                      shown.seed, network=network_view))
    # The map, the report and the workbooks are rendered when written (a function as content), so
    # that io.outputs.write_documents renders them side by side in its worker processes.
    if "map" in wanted:
        docs["map"] = Document("map.html", "text", lambda: _map_html(read, analysis, layout(), loc, title),
                               reads=(layout,))
    if "report" in wanted:
        from .report_html import render_report
        docs["report"] = Document("report.html", "text", lambda: render_report(read, layout(), loc), reads=(layout,))
    if "pngs" in wanted or "slides" in wanted:   # the slides embed the PNGs
        from .static_png import PICTURES, save_picture
        # One part per picture: the write stage draws them side by side (Document, parts); one drawn already
        # (numbers.png, while the analysis ran) is only written.
        docs["pngs"] = Document("", "files", tuple(
            partial(save_picture, name, numbers_png) if name == "numbers_png" and numbers_png is not None
            else partial(_picture, name, shown, layout, loc) for name in PICTURES), reads=(layout,))
    if "slides" in wanted:
        from .slides import render_slides
        # The regions' pictures do not need the PNGs: they are drawn beside them, one task each (Document.prepare).
        regions, draw = _region_pictures(analysis, loc)
        docs["slides"] = Document("", "files", lambda folder, pictures: {"slides": render_slides(
            read, names, loc, title, folder / "target.png", folder / "map.png", folder / "slides.pptx",
            dict(zip(regions, pictures)))},
            after="pngs", prepare=draw)
    if "actors" in wanted:
        docs["actors"] = Document("actors.csv", "csv", actors)
    if "actors_xlsx" in wanted or "layers" in wanted:
        layers = layers_table(shown)
        if "actors_xlsx" in wanted:
            sheets = (loc.label("sheet", "actors"), loc.label("sheet", "layers"), loc.label("sheet", "about"))
            docs["actors_xlsx"] = Document("actors.xlsx", "xlsx", lambda: dict(zip(sheets, (
                readable_table(actors, loc), readable_table(layers, loc), about_table(analysis.region, loc)))))
        if "layers" in wanted:
            docs["layers"] = Document("layers.csv", "csv", layers)
    if "summary" in wanted:
        docs["summary"] = Document("summary.json", "json", summary)
    if "graphml" in wanted or "gexf" in wanted:
        from .interchange import interchange_graph
        graph = interchange_graph(shown, actors)
        for fmt in ("graphml", "gexf"):
            if fmt in wanted:
                docs[fmt] = Document(f"network.{fmt}", fmt, graph)
    if "kumu" in wanted:
        # Kumu skips a sheet with '(ignore)' in its name (kumu/docs, "My data won't import"), as io/kumu.py does
        docs["kumu"] = Document("kumu.xlsx", "xlsx", lambda: {**kumu_tables(shown, actors, loc),
                                                              f"{loc.label('sheet', 'about')} (ignore)":
                                                              about_table(analysis.region, loc)})
    docs = {name: docs[name] for name in DOCUMENTS if name in docs}
    return Rendered(output_folder(analysis.region.meta.folder, analysis.year), summary,
                    terminal_summary(read, names, loc), docs)


def _picture(name: str, shown: Analysis, layout: Shared, loc: Locale, folder) -> dict:
    """One picture of static_png.PICTURES, drawn with the shared layout (computed by then in the write stage)."""
    from .static_png import render_png

    return render_png(name, shown, layout(), loc, folder)


def _map_html(shown: Analysis, analysis: Analysis, layout, loc: Locale, title: str) -> str:
    """map.html: the payload (with the region filter and what-if table of ecosystem.meeting) drawn."""
    from .map_html import render_map
    from .map_payload import map_payload

    payload = map_payload(shown, layout, loc, title)
    if analysis.extras is not None:  # the region filter and the what-if table
        from ..meeting import payload_extras
        payload = payload_extras(payload, analysis.extras, shown)
    return render_map(payload, loc)
