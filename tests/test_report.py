"""The printable report (report.html) and the static PNGs (map.png, target.png), without a browser.

Built from the Brabant example exactly as ``api.analyse`` does: load -> analyse
-> compute_layout -> render (summary.json's content only as a cross-check).
"""
from __future__ import annotations

import dataclasses
import re
import struct
from pathlib import Path

import numpy as np
import pytest
from markupsafe import escape

from ecosystem.locale import Locale
from ecosystem.analysis.pipeline import analyse_region
from ecosystem.i18n import group_label
from ecosystem.io.region import load_region
from ecosystem.render.layout import compute_layout
from ecosystem.render.report_html import render_report
from ecosystem.render.static_png import DPI, HEIGHT_PX, WIDTH_PX, render_pngs
from ecosystem.render.summary_json import summary_dict

ROOT = Path(__file__).resolve().parents[1]
BRABANT = ROOT / "regions" / "brabant"
HOSTILE = "<script>alert(1)</script>"
HOSTILE_REGION = "<img src=x onerror=alert(2)>"
HOSTILE_NOTE = "Let op</p><script>alert(3)</script> & meer"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def build(region):
    analysis = analyse_region(region, seed=0, bootstrap_samples=10, null_samples=10)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0)
    return analysis, layout


@pytest.fixture(scope="module")
def brabant():
    region = load_region(BRABANT)
    analysis, layout = build(region)
    return region, analysis, layout


@pytest.fixture(scope="module")
def page_nl(brabant):
    _, analysis, layout = brabant
    return render_report(analysis, layout, Locale("nl"))


@pytest.fixture(scope="module")
def page_en(brabant):
    _, analysis, layout = brabant
    return render_report(analysis, layout, Locale("en"))


@pytest.fixture(scope="module")
def hostile():
    """Brabant with the top orchestrator renamed to a script tag, and a hostile region name and note."""
    region = load_region(BRABANT)
    actors = tuple(dataclasses.replace(a, name=HOSTILE) if a.id == "gem_eindhoven" else a for a in region.actors)
    actors = tuple(dataclasses.replace(a, name="Fonds $x^2$ & {co}") if a.id == "oom" else a for a in actors)
    meta = dataclasses.replace(region.meta, name=HOSTILE_REGION, note=HOSTILE_NOTE,
                               source="<a href=https://evil.example>bron</a>")
    region = dataclasses.replace(region, actors=actors, meta=meta)
    analysis, layout = build(region)
    return analysis, layout, render_report(analysis, layout, Locale("nl"))


# --------------------------------------------------------------------------- self-contained


def test_no_external_reference_of_any_kind(page_nl, page_en):
    for page in (page_nl, page_en):
        assert not re.search(r"https?:", page, re.I)
        assert not re.search(r"(?<![\w-])//[\w.-]+\.\w", page)            # protocol-relative URL
        assert not re.search(r"<(script|link|iframe|object|embed|img|base)\b", page, re.I)
        assert "@import" not in page and "@font-face" not in page and "url(" not in page
        for value in re.findall(r"""\b(?:src|srcset|href|action|poster)\s*=\s*["']?([^"'\s>]*)""", page, re.I):
            assert value.startswith("#") or value.startswith("data:"), value


def test_csp_forbids_scripts_and_network(page_nl):
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page_nl)
    assert m and "default-src 'none'" in m.group(1) and "script-src" not in m.group(1)


def test_one_document_with_print_rules(page_nl):
    assert page_nl.lstrip().startswith("<!DOCTYPE html>") and page_nl.count("<html") == 1
    assert '<html lang="nl">' in page_nl
    assert "@page { size: A4; margin: 15mm; }" in page_nl
    assert "@media print" in page_nl
    assert "page-break-inside: auto" in page_nl          # tables may span pages ...
    assert re.search(r"tr \{[^}]*page-break-inside: avoid", page_nl)   # ... rows may not
    assert "table-header-group" in page_nl               # headers repeat on every page


# --------------------------------------------------------------------------- content


def test_note_is_in_a_visible_banner(brabant, page_nl):
    note = brabant[0].meta.note
    assert "illustratieve reconstructie" in note
    m = re.search(r'<p class="note"[^>]*>(.*?)</p>', page_nl, re.S)
    assert m and str(escape(note)) in m.group(1)


def test_header_names_region_period_and_source(brabant, page_nl):
    meta = brabant[0].meta
    for text in (meta.name, meta.period, meta.source):
        assert str(escape(text)) in page_nl


def test_every_core_actor_is_named(brabant, page_nl, page_en):
    region, analysis, _ = brabant
    core = [a.name for a, c in zip(region.actors, analysis.core.core) if c]
    assert core
    for page in (page_nl, page_en):
        findings = page[page.index('id="findings"'):page.index('id="diagnosis"')]
        for name in core:
            assert str(escape(name)) in findings, name


def test_findings_carry_the_headline_numbers(brabant, page_nl):
    _, analysis, _ = brabant
    summary = summary_dict(analysis, Locale("nl"))
    findings = page_nl[page_nl.index('id="findings"'):page_nl.index('id="diagnosis"')]
    for cand in summary["orchestrators"][:3]:
        assert str(escape(cand["name"])) in findings
        for reason in cand["reasons"]:
            assert str(escape(reason["text"])) in findings
    for group in summary["peripheral_key_groups"]:
        assert group_label(group, "nl").lower() in findings
    agency = next(d for d in summary["diagnosis"] if d["key"] == "agency")
    assert str(escape(agency["text"]["sentence"])) in findings
    p, n = summary["core_periphery"]["p_value"], summary["core_periphery"]["null_samples"]
    expected = f"p ≤ {1 / (n + 1):.3f}" if p <= 1 / (n + 1) + 1e-6 else f"p = {p:.3f}"
    assert expected.replace(".", ",") in findings
    top = summary["stability"]["top_orchestrator"]
    assert f"{100 * top['first_share']:.0f}%" in findings


def test_diagnosis_lists_every_indicator_with_a_mark(brabant, page_nl):
    _, analysis, _ = brabant
    section = page_nl[page_nl.index('id="diagnosis"'):page_nl.index('id="tops"')]
    for d in summary_dict(analysis, Locale("nl"))["diagnosis"]:
        assert str(escape(d["text"]["title"])) in section and str(escape(d["text"]["sentence"])) in section
    assert section.count('class="mark ok"') + section.count('class="mark warn"') == len(analysis.indicators)


def test_sections_come_in_the_agreed_order(page_nl):
    # The one-page summary (headlines, target view, how sure) first, then the appendix (issue 12.6).
    order = ['class="note"', 'id="summary"', 'id="target"', 'class="onepage-sure"', 'id="appendix"', 'id="findings"',
             'id="diagnosis"', 'id="tops"', 'id="layers"', 'id="steering"', 'id="coreness"']
    positions = [page_nl.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_top_tables_layers_steering_and_charts(brabant, page_nl):
    region, analysis, _ = brabant
    tops = page_nl[page_nl.index('id="tops"'):page_nl.index('id="layers"')]
    assert tops.count("<table") == 4 and tops.count("<tr>") == 4 * 11     # header + 10 rows each
    layers = page_nl[page_nl.index('id="layers"'):page_nl.index('id="steering"')]
    for key in ("Bestuur", "Levering", "Financiering"):
        assert key in layers
    names = {a.id: a.name for a in region.actors}
    for actor in summary_dict(analysis, Locale("nl"))["layers"]["central_as_supplier_not_at_table"]:
        assert str(escape(names[actor])) in layers
    steering = page_nl[page_nl.index('id="steering"'):page_nl.index('id="coreness"')]
    assert "netwerksturing" in steering and "Per paar groepen" in steering
    target = page_nl[page_nl.index('id="target"'):page_nl.index('class="onepage-sure"')]
    assert target.count('<svg class="target"') == 1
    assert target.count("<circle") >= analysis.network.n
    assert page_nl.count('<svg class="chart"') == 2                  # share in core, coreness histogram


def test_english_variant_has_english_headings(page_en):
    assert '<html lang="en">' in page_en
    for heading in ("Key findings", "Who forms the core?", "Who could orchestrate the ecosystem?",
                    "The key groups in the core and at the governance tables", "How sure are we?",
                    "Diagnosis in nine points",
                    "Who stands out?", "Per relation type", "Steering mix", "The ecosystem as a target"):
        assert heading in page_en, heading
    for dutch in ("Belangrijkste bevindingen", "Hoe zeker is dit?", "Per soort relatie", "Sturingsmix"):
        assert dutch not in page_en


def test_without_stability_analysis(brabant):
    region = brabant[0]
    analysis = analyse_region(region, seed=0, bootstrap_samples=0, null_samples=10)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0)
    summary = summary_dict(analysis, Locale("nl"))
    assert summary["stability"] is None
    page = render_report(analysis, layout, Locale("nl"))
    assert "niet op stabiliteit getoetst" in page


# --------------------------------------------------------------------------- escaping


def test_hostile_names_appear_only_escaped(hostile):
    _, _, page = hostile
    assert HOSTILE not in page
    assert "<script" not in page.lower()
    assert "<img" not in page.lower() and "<a href=https" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "Let op&lt;/p&gt;&lt;script&gt;alert(3)&lt;/script&gt; &amp; meer" in page
    assert "Fonds $x^2$ &amp; {co}" in page
    # the renamed actor is the top orchestrator: named in findings, tables and the target view
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4


def test_hostile_names_draw_in_pngs(hostile, tmp_path):
    analysis, layout, _ = hostile
    files = render_pngs(analysis, layout, Locale("nl"), tmp_path)
    for path in files.values():
        assert path.read_bytes().startswith(PNG_SIGNATURE)


# --------------------------------------------------------------------------- PNGs


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_pngs_are_written_valid_sized_and_deterministic(brabant, tmp_path):
    _, analysis, layout = brabant
    first = render_pngs(analysis, layout, Locale("nl"), tmp_path / "one")
    second = render_pngs(analysis, layout, Locale("nl"), tmp_path / "two")
    assert set(first) == {"map_png", "target_png", "numbers_png"}
    assert first["map_png"].name == "map.png" and first["target_png"].name == "target.png"
    for key, path in first.items():
        data = path.read_bytes()
        assert _png_size(data) == (WIDTH_PX, HEIGHT_PX) == (1600, 1000)
        assert b"Software" not in data and b"matplotlib" not in data.lower()
        assert data == second[key].read_bytes(), f"{key} differs between two runs"
    assert DPI == 150


def test_pngs_english(brabant, tmp_path):
    _, analysis, layout = brabant
    nl = render_pngs(analysis, layout, Locale("nl"), tmp_path / "nl")
    en = render_pngs(analysis, layout, Locale("en"), tmp_path / "en")
    assert _png_size(en["target_png"].read_bytes()) == (1600, 1000)
    assert en["target_png"].read_bytes() != nl["target_png"].read_bytes()    # 'core' vs 'kern'


# --------------------------------------------------------------------------- PNG badges and labels


def _figure_annotations(fig):
    """(text, window box) of every badge and name label drawn on the figure's axes."""
    from matplotlib.text import Annotation

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    out = []
    for ax in fig.axes:
        for t in ax.texts:
            if isinstance(t, Annotation) and t.get_bbox_patch() is not None:
                out.append((t.get_text(), t.get_bbox_patch().get_window_extent(renderer), t))
    return out


def _overlap(a, b, slack=0.5) -> bool:
    return a.x0 < b.x1 - slack and b.x0 < a.x1 - slack and a.y0 < b.y1 - slack and b.y0 < a.y1 - slack


def _figures(analysis, layout):
    import matplotlib

    from ecosystem.render import static_png
    from ecosystem import catalogue

    with matplotlib.rc_context(static_png.RC):
        return (static_png._map_figure(analysis, layout, Locale("nl"), catalogue.section("report", "nl")),
                static_png._target_figure(analysis, layout, Locale("nl"), catalogue.section("report", "nl")))


def test_short_name_wraps_and_cuts_long_names():
    from ecosystem.render.layout import LABEL_WIDTH, label_lines

    def short_name(name):
        return "\n".join(label_lines(name))

    assert short_name("Gemeente Breda") == "Gemeente Breda"
    two = short_name("Regionaal Mobiliteitsteam Zuidoost-Brabant")
    assert two.split("\n") == ["Regionaal Mobiliteitsteam", "Zuidoost-Brabant"]
    cut = short_name("Stichting " + "zeer " * 20 + "lang")
    lines = cut.split("\n")
    assert len(lines) == 2 and lines[1].endswith("…") and all(len(x) <= LABEL_WIDTH for x in lines)


def test_map_png_names_core_and_candidates_without_overlap(brabant):
    region, analysis, layout = brabant
    fig_map, fig_target = _figures(analysis, layout)
    top = analysis.candidates[:3]
    top_names = {region.actors[v].name for v in top}
    core_names = {a.name for a, c in zip(region.actors, analysis.core.core) if c}
    for fig, expect_core in ((fig_map, True), (fig_target, False)):
        drawn = _figure_annotations(fig)
        badges = [(t, box) for t, box, _ in drawn if t in ("K1", "K2", "K3")]
        labels = [(t.replace("\n", " "), box) for t, box, _ in drawn if t not in ("K1", "K2", "K3")]
        assert sorted(t for t, _ in badges) == ["K1", "K2", "K3"]
        assert top_names <= {t for t, _ in labels}, "the top-3 candidates are always named"
        names = {t for t, _ in labels}
        assert names <= core_names | top_names
        if expect_core:
            assert len(names & core_names) >= len(core_names) // 2      # most of the core is named on the slide
        else:
            assert names == top_names                                   # the target names the top-3 only
        boxes = [box for _, box in badges + labels]
        clashes = [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if _overlap(boxes[i], boxes[j])]
        assert not clashes, "badges and labels never cover each other"
        # a core actor's label is only drawn where it covers no actor's circle
        markers = next(c for c in fig.axes[0].collections if type(c).__name__ == "PathCollection")
        centres = fig.axes[0].transData.transform(markers.get_offsets())
        radii = np.sqrt(markers.get_sizes()) / 2 * DPI / 72
        for name, box in labels:
            if name in top_names:
                continue
            dx = np.maximum(np.maximum(box.x0 - centres[:, 0], centres[:, 0] - box.x1), 0)
            dy = np.maximum(np.maximum(box.y0 - centres[:, 1], centres[:, 1] - box.y1), 0)
            assert not np.any(dx * dx + dy * dy < (radii - 0.5) ** 2), name


def test_map_png_names_only_the_top3_in_a_large_network(brabant, monkeypatch):
    from ecosystem.render import static_png

    region, analysis, layout = brabant
    monkeypatch.setattr(static_png, "LABEL_CORE_MAX_ACTORS", analysis.network.n - 1)
    fig_map, _ = _figures(analysis, layout)
    drawn = _figure_annotations(fig_map)
    assert len([t for t, _, _ in drawn if t not in ("K1", "K2", "K3")]) == 3


def test_top_degree_table_is_the_brute_force_ranking(brabant, page_nl):
    """Who leads a measure is decided in analysis (Analysis.leaders, issue 9); the report's degree
    table lists exactly the ten actors with most partners by networkx, ties by id, isolates never."""
    import networkx as nx

    region, analysis, _ = brabant
    graph = nx.Graph()
    graph.add_nodes_from(a.id for a in region.actors)
    graph.add_edges_from((r.source, r.target) for r in region.relations if r.source != r.target)
    expected = sorted((i for i in graph if graph.degree(i) > 0), key=lambda i: (-graph.degree(i), i))[:10]
    assert [analysis.network.ids[v] for v in analysis.leaders["degree"]] == expected
    table = page_nl[page_nl.index('id="tops"'):page_nl.index('id="layers"')].split("</table>")[0]
    names = {a.id: a.name for a in region.actors}
    positions = [table.index(str(escape(names[i]))) for i in expected]
    assert positions == sorted(positions)
