"""The library entry point behind ``ecosystem analyse``: load -> analyse -> render -> write.

Every CLI command is one call into this module, so the same work is available
from Python::

    from ecosystem.api import analyse
    result = analyse("regions/brabant", out="outputs", lang="nl", seed=0)
    print(result.summary["core"])
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .analysis.ecosystem import Analysis, analyse_region
from .errors import Problem
from .io.outputs import check_output_dir, output_dir, write_csv, write_graph, write_json, write_text, write_xlsx
from .io.region import load_region
from .render.interchange import interchange_graph
from .render.layout import compute_layout
from .render.map_html import render_map
from .render.map_payload import map_payload
from .render.report_html import render_report
from .render.static_png import render_pngs
from .render.tables import actors_frame, layers_frame, summary_dict
from .render.terminal import terminal_summary

TITLES = {"nl": "LLO-ecosysteem", "en": "LLO ecosystem"}


@dataclass(frozen=True)
class AnalyseResult:
    out_dir: Path
    files: dict[str, Path]
    summary: dict
    text: str                      # the terminal summary
    warnings: tuple[Problem, ...]
    analysis: Analysis


def analyse(path: str | Path, out: str | Path = "outputs", lang: str = "nl", seed: int = 0,
            regions_dir: str | Path = "regions", bootstrap: int | None = None,
            null_samples: int | None = None) -> AnalyseResult:
    """Analyse the region at ``path`` and write its outputs to ``out/<region folder>/``.

    Raises :class:`ecosystem.errors.DataError` listing every problem in the data, and
    :class:`ecosystem.errors.OutputError` if the output folder cannot be used.
    """
    region = load_region(path, regions_dir)
    region = replace(region, meta=region.meta.in_language(lang))   # region.toml's [en] texts, if any
    check_output_dir(out, region.meta.folder, region.path)   # a wrong --out fails before the work
    analysis = analyse_region(region, seed=seed, bootstrap_samples=bootstrap, null_samples=null_samples)
    summary = summary_dict(analysis, lang)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, seed, core=analysis.core.core)
    title = f"{TITLES[lang]} {region.meta.name}"
    target = output_dir(out, region.meta.folder, region.path)
    actors, layers = actors_frame(analysis), layers_frame(analysis)
    graph = interchange_graph(analysis, actors)
    files = {
        "map": write_text(target / "map.html", render_map(map_payload(analysis, layout, lang, title), lang)),
        "report": write_text(target / "report.html", render_report(analysis, summary, layout, lang)),
        **render_pngs(analysis, layout, lang, target),
        "actors": write_csv(target / "actors.csv", actors),
        "actors_xlsx": write_xlsx(target / "actors.xlsx", {"actors": actors, "layers": layers}),
        "layers": write_csv(target / "layers.csv", layers),
        "summary": write_json(target / "summary.json", summary),
        "graphml": write_graph(target / "network.graphml", graph, "graphml"),
        "gexf": write_graph(target / "network.gexf", graph, "gexf"),
    }
    names = {a.id: a.name for a in region.actors}
    return AnalyseResult(target, files, summary, terminal_summary(summary, names, lang), region.warnings, analysis)
