"""Issue 9.2 (one drawing) and issue 12.1 (small multiples), through the real CLI.

* The sector titles around the target view have one geometry: the report's SVG, target.png and the
  map's payload carry the same anchor points and anchors, and the test re-derives them from the
  payload's own sector edges (each title sits just outside the outer ring at its sector's middle).
* The map's target-view labels come placed from Python: per zoom level no two boxes overlap and no
  box covers another actor's circle centre; in the browser the drawn boxes are the payload's boxes
  under one scale and shift.
* The report of a data set with several arbeidsmarktregios holds one small target view per region,
  with a text alternative and a caption; each draws the region's actors where the target view of
  that region analysed alone puts them.
"""
from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import pytest

from conftest import read_csv_rows, run_cli, write_region
from test_whatif import ACTORS, RELATIONS

REPO_ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ("--bootstrap", "0", "--null-samples", "10", "--seed", "0")


def _payload(folder: Path) -> dict:
    page = (folder / "map.html").read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S).group(1))["payload"]


def _report_titles(report: str, svg_class: str = "target") -> dict[str, dict]:
    svg = re.search(rf'<svg class="{svg_class}".*?</svg>', report, re.S).group(0)
    out = {}
    for m in re.finditer(r'<g class="sector-title" data-group="([^"]+)" transform="translate\(([-\d.]+) ([-\d.]+)\)">'
                         r'<text[^>]*text-anchor="(\w+)">(.*?)</text>', svg):
        out[m.group(1)] = {"x": float(m.group(2)), "y": float(m.group(3)), "align": m.group(4),
                           "lines": re.findall(r"<tspan[^>]*>([^<]*)</tspan>", m.group(5))}
    return out


@pytest.fixture(scope="module")
def brabant(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("one-drawing")
    shutil.copytree(REPO_ROOT / "regions" / "brabant", base / "brabant")
    result = run_cli("analyse", base / "brabant", "--out", base / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    return base / "out" / "brabant"


def test_sector_titles_are_one_geometry_in_report_png_and_map(brabant):
    payload = _payload(brabant)
    titles = {t["group"]: t for t in payload["sector_titles"]}
    groups = {g["key"]: g for g in payload["groups"]}
    assert set(titles) == set(groups) and len(titles) > 1
    outer = max(r["radius"] for r in payload["rings"])
    counts = {g: sum(1 for a in read_csv_rows(brabant / "actors.csv") if a["group"] == g) for g in groups}
    for g, t in titles.items():
        # independent of layout.sector_titles: the sector's middle angle from its edges, just outside the ring
        a = (groups[g]["sector"]["start"] + groups[g]["sector"]["end"]) / 2
        reach = math.hypot(t["x"], t["y"])
        assert outer < reach < 1.15 * outer
        assert abs(math.atan2(t["y"], t["x"]) - math.atan2(math.sin(a), math.cos(a))) < 1e-3
        assert t["align"] == ("start" if math.cos(a) > 0.35 else "end" if math.cos(a) < -0.35 else "middle")
        assert t["baseline"] == ("top" if math.sin(a) > 0.35 else "bottom" if math.sin(a) < -0.35 else "middle")
        assert " ".join(t["lines"]).endswith(f"({counts[g]})")
    # the report draws the same titles at the same points
    report = _report_titles((brabant / "report.html").read_text(encoding="utf-8"))
    assert set(report) == set(titles)
    for g, t in titles.items():
        assert report[g]["x"] == pytest.approx(t["x"], abs=0.06) and report[g]["y"] == pytest.approx(t["y"], abs=0.06)
        assert report[g]["align"] == t["align"] and report[g]["lines"] == t["lines"]


def test_target_png_draws_the_payloads_sector_titles(brabant):
    """target.png's figure puts each title's text at the payload's point (y flipped) with its anchors."""
    from ecosystem.analysis.pipeline import analyse_region
    from ecosystem.io.region import load_region
    from ecosystem.render import static_png
    from ecosystem.locale import Locale
    from ecosystem.render.layout import compute_layout

    analysis = analyse_region(load_region(REPO_ROOT / "regions" / "brabant"), seed=0, bootstrap_samples=0,
                              null_samples=10)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0)
    fig = static_png._target_figure(analysis, layout, Locale("nl"), Locale("nl").section("report"))
    texts = {t.get_text(): t for t in fig.axes[0].texts}
    ha = {"start": "left", "middle": "center", "end": "right"}
    va = {"top": "top", "middle": "center", "bottom": "bottom"}
    for t in _payload(brabant)["sector_titles"]:
        drawn = texts["\n".join(t["lines"])]
        assert drawn.get_position() == pytest.approx((t["x"], -t["y"]), abs=0.01)
        assert drawn.get_ha() == ha[t["align"]] and drawn.get_va() == va[t["baseline"]]


def test_map_payload_places_target_labels_without_overlap(brabant):
    payload = _payload(brabant)
    nodes = {n["id"]: n for n in payload["nodes"]}
    levels = payload["target_labels"]
    assert len(levels) >= 2 and [lv["font"] for lv in levels] == sorted((lv["font"] for lv in levels), reverse=True)
    candidates = {i for i, n in nodes.items() if n["orchestrator_rank"] is not None}
    for level in levels:
        labels = level["labels"]
        boxes = [lab["box"] for lab in labels]
        clashes = [(a["id"], b["id"]) for k, a in enumerate(labels) for b in labels[k + 1:]
                   if a["box"][0] < b["box"][2] and b["box"][0] < a["box"][2]
                   and a["box"][1] < b["box"][3] and b["box"][1] < a["box"][3]]
        assert not clashes, (level["font"], clashes)
        # no label sits on another actor's centre; each box is tall enough for its node's lines
        for lab in labels:
            x0, y0, x1, y1 = lab["box"]
            assert y1 - y0 == pytest.approx(1.2 * level["font"] * len(nodes[lab["id"]]["label_lines"]), abs=0.2)
            on = [i for i, n in nodes.items() if i != lab["id"] and x0 < n["tx"] < x1 and y0 < n["ty"] < y1]
            assert not on, (lab["id"], on)
        assert candidates <= {lab["id"] for lab in labels}        # every candidate is named at every zoom
        assert all(lab["tier"] == (0 if lab["id"] in candidates else 1 if nodes[lab["id"]]["core"] else 2)
                   for lab in labels)
        assert len(boxes) == len({lab["id"] for lab in labels})
    # a smaller font (a closer zoom) leaves room for at least as many names
    assert len(levels[-1]["labels"]) >= len(levels[0]["labels"])


def test_map_target_labels_keep_clear_of_the_circles_the_page_draws(brabant):
    """The placer and the page share one circle size (issue 9.2): every label box stays off every
    circle drawn at the payload's size for the default metric, border included, in layout units."""
    payload = _payload(brabant)
    canvas = payload["canvas"]
    assert [m["key"] for m in payload["metrics"]][0] == "degree"
    for level in payload["target_labels"]:
        for lab in level["labels"]:
            x0, y0, x1, y1 = lab["box"]
            for n in payload["nodes"]:
                r = (n["sizes"][0] + canvas["border"][1 if n["core"] else 0]) / canvas["target_scale"]
                dx, dy = max(x0 - n["tx"], n["tx"] - x1, 0.0), max(y0 - n["ty"], n["ty"] - y1, 0.0)
                assert dx * dx + dy * dy >= r * r, (level["font"], lab["id"], n["id"])


def test_map_draws_the_payload_circle_sizes(browser_page, brabant):
    """The circles the browser draws are the payload's sizes, for every size metric, and in the target
    view the payload's scale turns layout units into canvas units (nothing recomputed in the page)."""
    payload = _payload(brabant)
    nodes = {n["id"]: n for n in payload["nodes"]}
    page = browser_page.open(brabant / "map.html")
    page.evaluate("window.ecosystemMap.setView('target')")
    page.wait_for_function("() => window.ecosystemMap.settledView() === 'target'", timeout=15000)
    discs = page.evaluate("() => window.ecosystemMap.markerDiscs()")
    # page pixels per layout unit, measured from the two actors farthest apart
    a = min(discs, key=lambda d: (d["x"], d["y"]))
    b = max(discs, key=lambda d: (d["x"], d["y"]))
    na, nb = nodes[a["id"]], nodes[b["id"]]
    px = math.hypot(b["x"] - a["x"], b["y"] - a["y"]) / math.hypot(nb["tx"] - na["tx"], nb["ty"] - na["ty"])
    for d in discs:
        n = nodes[d["id"]]
        assert d["r"] / px == pytest.approx(n["sizes"][0] / payload["canvas"]["target_scale"], rel=1e-3, abs=0.01)
    for k, metric in enumerate(payload["metrics"]):
        page.evaluate("(key) => window.ecosystemMap.setMetric(key)", metric["key"])
        drawn = page.evaluate("(ids) => ids.map(id => window.ecosystemMap.nodeSize(id))", list(nodes))
        assert drawn == [n["sizes"][k] for n in nodes.values()], metric["key"]
    browser_page.assert_clean()


def test_map_target_view_draws_the_payload_labels(browser_page, brabant):
    payload = _payload(brabant)
    page = browser_page.open(brabant / "map.html")
    page.evaluate("window.ecosystemMap.setView('target')")
    page.wait_for_function("() => window.ecosystemMap.settledView() === 'target'", timeout=15000)
    page.wait_for_timeout(800)
    drawn = page.evaluate("() => window.ecosystemMap.labelBoxes()")
    assert drawn and page.evaluate("() => window.ecosystemMap.labelsDrawn()") == len(drawn)
    # the drawn boxes are one level's boxes under one scale and shift (nothing placed in the page)
    by_level = [{lab["id"]: lab["box"] for lab in lv["labels"] if lab["tier"] < 2} for lv in payload["target_labels"]]
    ids = {b["id"] for b in drawn}
    level = next(lv for lv in by_level if set(lv) == ids)
    a, b = drawn[0], drawn[-1]
    k = (b["x0"] - a["x0"]) / (level[b["id"]][0] - level[a["id"]][0])
    for d in drawn:
        p = level[d["id"]]
        assert d["x0"] == pytest.approx(a["x0"] + k * (p[0] - level[a["id"]][0]), abs=0.5)
        assert d["y0"] == pytest.approx(a["y0"] + k * (p[1] - level[a["id"]][1]), abs=0.5)
    browser_page.screenshot("one-drawing-map-target")
    browser_page.assert_clean()


# --------------------------------------------------------------------------- small multiples (issue 12.1)


def _copy(prefix: str, region: str) -> tuple[list[dict], list[dict]]:
    actors = [{**a, "id": prefix + a["id"], "name": f"{prefix}{a['name']}", "region": region} for a in ACTORS]
    relations = [{**r, "source": prefix + r["source"], "target": prefix + r["target"]} for r in RELATIONS]
    return actors, relations


def _circles(svg: str) -> dict[str, tuple[float, float]]:
    """Actor name -> (cx, cy) of its circle (the name opens each circle's tooltip)."""
    return {m.group(3).split(" · ")[0]: (float(m.group(1)), float(m.group(2)))
            for m in re.finditer(r'<circle class="actor[^"]*" cx="([-\d.]+)" cy="([-\d.]+)"[^>]*><title>([^<]*)</title>',
                                 svg)}


def test_report_has_one_small_target_view_per_region(tmp_path):
    a_actors, a_relations = _copy("a_", "Twente")
    b_actors, b_relations = _copy("b_", "Achterhoek")
    weak = [{"source": "a_mkb", "target": "b_mkb", "type": "samenwerking", "weight": "0,2"},
            {"source": "a_prov", "target": "b_prov", "type": "samenwerking", "weight": "0,2"}]
    both = write_region(tmp_path / "oost", a_actors + b_actors, a_relations + b_relations + weak)
    alone = write_region(tmp_path / "twente", a_actors, a_relations)
    for folder in (both, alone):
        result = run_cli("analyse", folder, "--out", tmp_path / "out", *SETTINGS)
        assert result.exit_code == 0, result.output
    report = (tmp_path / "out" / "oost" / "report.html").read_text(encoding="utf-8")
    section = report[report.index('<section id="by-region">'):]
    section = section[:section.index("</section>")]
    assert "(nog) niet" not in report
    figures = re.findall(r'<figure class="region-target">(.*?)</figure>', section, re.S)
    assert len(figures) == 2
    summary = json.loads((tmp_path / "out" / "oost" / "summary.json").read_text(encoding="utf-8"))
    for region, fig in zip(("Achterhoek", "Twente"), figures):
        svg = re.search(r'<svg class="target-mini"[^>]*>.*?</svg>', fig, re.S).group(0)
        alt = re.search(r'<svg class="target-mini"[^>]*role="img" aria-label="([^"]+)"', fig).group(1)
        entry = summary["by_region"][region]
        assert region in alt and str(entry["actors"]) in alt
        assert re.search(r"<figcaption>([^<]*)</figcaption>", fig).group(1).startswith(region + ":")
        assert len(_circles(svg)) == entry["actors"] == len(ACTORS)
    # Twente's small view puts its actors where the report of Twente analysed alone does
    own = (tmp_path / "out" / "twente" / "report.html").read_text(encoding="utf-8")
    main = re.search(r'<svg class="target".*?</svg>', own, re.S).group(0)
    small = re.search(r'<svg class="target-mini".*?</svg>', figures[1], re.S).group(0)
    assert _circles(small) == _circles(main)
    assert _report_titles(figures[1], "target-mini").keys() == _report_titles(own).keys()
