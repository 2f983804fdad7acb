"""The map's numbers and marks follow its filters (real CLI, then the real browser).

Every count on screen (top line, legend, core count, target-view titles) is checked against the input
CSV files after choosing an arbeidsmarktregio and unticking a group or relation type; with a region
chosen, the core border and the stars are that region's own, as summary.json's ``by_region`` (the
report's per-region table) states them; and the target view's group titles stay on the canvas, clear
of the toolbar and the hint, at beamer sizes.
"""
from __future__ import annotations

import json
import re
import shutil

import pytest

from browser import REPO_ROOT, synthetic_payload, typed
from conftest import read_csv_rows, run_cli, write_region
from ecosystem.locale import Locale
from ecosystem.render.map_html import render_map
from test_cli_browser import BRABANT, _tie_types
from test_whatif import ACTORS, RELATIONS

REGION = "Midden-Brabant"


@pytest.fixture(scope="module")
def brabant(tmp_path_factory):
    base = tmp_path_factory.mktemp("map-filters")
    shutil.copytree(BRABANT, base / "brabant")
    result = run_cli("analyse", base / "brabant", "--out", base / "out", "--bootstrap", "0", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    return base / "out" / "brabant"


def hook(page, expr):
    return page.evaluate(f"() => window.ecosystemMap.{expr}")


def _expected(actors, shown_groups, shown_types):
    """Counts by the stated rule, from the CSV rows: actors per group and ties per relation type among
    the actors shown (each count whether or not its own box is ticked), and the visible ties."""
    shown = {a["id"] for a in actors if a["group"] in shown_groups}
    groups: dict[str, int] = {}
    for a in actors:
        groups[a["group"]] = groups.get(a["group"], 0) + 1
    types: dict[str, int] = {}
    visible_ties = 0
    for pair, kinds in _tie_types().items():
        if not pair <= shown:
            continue
        for k in kinds:
            types[k] = types.get(k, 0) + 1
        visible_ties += bool(kinds & shown_types)
    return len(shown), visible_ties, groups, types


def _shown_counts(page):
    """The legend's counts as the page shows them: group and relation-type key -> number."""
    read = """(kind) => [...document.querySelectorAll('input[data-' + kind + ']')].map(
                  cb => [cb.getAttribute('data-' + kind), cb.closest('label').querySelector('.count').textContent])"""
    return tuple({k: int(v.replace(".", "")) for k, v in page.evaluate(read, kind) if int(v.replace(".", ""))}
                 for kind in ("group", "rtype"))


def _stats(page):
    return tuple(int(x.replace(".", "")) for x in re.findall(r"[\d.]+", page.inner_text("#stats")))


def test_every_count_follows_the_region_group_and_type_filters(browser_page, brabant):
    actors = read_csv_rows(brabant / "actors.csv")
    in_region = [a for a in actors if REGION in a["region"].split("|")]
    by_region = json.loads((brabant / "summary.json").read_text(encoding="utf-8"))["by_region"][REGION]
    all_groups = {a["group"] for a in actors}
    all_types = {k for kinds in _tie_types().values() for k in kinds}
    page = browser_page.open(brabant / "map.html")
    page.select_option("#region-select", REGION)

    steps = [(all_groups, all_types, None), (all_groups - {"intermediaries"}, all_types, "group"),
             (all_groups - {"intermediaries"}, all_types - {"collaboration"}, "type")]
    for groups, types, untick in steps:
        if untick == "group":
            page.uncheck('[data-group="intermediaries"]')
        elif untick == "type":
            page.uncheck('[data-rtype="collaboration"]')
        n, ties, group_counts, type_counts = _expected(in_region, groups, types)
        assert _stats(page) == (n, ties)
        assert _shown_counts(page) == (group_counts, type_counts)
        core = [i for i in by_region["core"] if next(a for a in in_region if a["id"] == i)["group"] in groups]
        assert page.get_by_test_id("core-count").inner_text() == f"({len(core)})"
        # the target view's group titles name the actors the filters leave
        page.evaluate("window.ecosystemMap.setView('target')")
        page.wait_for_function("() => window.ecosystemMap.settledView() === 'target'", timeout=15000)
        page.wait_for_timeout(100)
        titles = {b["group"]: b["text"] for b in hook(page, "titleBoxes()")}
        assert set(titles) == {g for g in groups if group_counts.get(g)}
        for g, text in titles.items():
            assert text.endswith(f"({group_counts[g]})"), (g, text)
        page.evaluate("window.ecosystemMap.setView('network')")
    browser_page.assert_clean()


def test_a_chosen_region_shows_its_own_core_and_candidates(browser_page, brabant):
    summary = json.loads((brabant / "summary.json").read_text(encoding="utf-8"))
    entry = summary["by_region"][REGION]
    page = browser_page.open(brabant / "map.html")

    def marked():
        discs = hook(page, "markerDiscs()")
        return {d["id"] for d in discs if d["core"]}, {d["id"] for d in discs if d["candidate"]}

    core, candidates = marked()
    assert core == set(summary["core"])
    assert "hele bestand" in page.get_by_test_id("marks-scope").inner_text()
    page.select_option("#region-select", REGION)
    core, candidates = marked()
    assert core == set(entry["core"]) and "roc_tilburg" in core
    assert candidates == {c["id"] for c in entry["orchestrators"]}
    assert hook(page, "coreMarkedCount()") == len(entry["core"])
    scope = page.get_by_test_id("marks-scope").inner_text()
    assert f"Kern en kandidaten van {REGION}" in scope and "hele bestand" in scope   # positions: whole set
    first = entry["orchestrators"][0]
    assert first["name"] == "Gemeente Tilburg"
    assert page.evaluate(f"window.ecosystemMap.focus({json.dumps(first['id'])})")
    details = page.locator("#details").inner_text()
    assert "rang 1" in details and REGION in details
    page.select_option("#region-select", "")
    assert marked()[0] == set(summary["core"])
    browser_page.assert_clean()


def test_a_region_without_relations_says_it_has_no_analysis(browser_page, tmp_path):
    regions = {"gem": "Twente|Achterhoek", "uwv": "Twente", "lwl": "Twente", "vno": "Achterhoek",
               "mkb": "Achterhoek|Leeg", "fnv": "Achterhoek", "roc": "Twente", "oo": "Twente",
               "prov": "Twente|Achterhoek"}
    region = write_region(tmp_path / "stad", [{**a, "region": regions[a["id"]]} for a in ACTORS], RELATIONS)
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    page = browser_page.open(tmp_path / "out" / "stad" / "map.html")
    page.select_option("#region-select", "Leeg")
    assert hook(page, "visibleNodeCount()") == 1
    assert not [d for d in hook(page, "markerDiscs()") if d["core"] or d["candidate"]]
    assert page.get_by_test_id("core-count").inner_text() == "(0)"
    assert "Leeg is niet apart geanalyseerd" in page.get_by_test_id("marks-scope").inner_text()
    browser_page.assert_clean()


def _intersects(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("browser_page", [{"width": 1280, "height": 720}, {"width": 1366, "height": 768}],
                         indirect=True)
def test_target_titles_stay_on_the_canvas_and_off_the_overlays(browser_page, brabant):
    page = browser_page.open(brabant / "map.html")
    page.evaluate("window.ecosystemMap.setView('target')")
    page.wait_for_function("() => window.ecosystemMap.settledView() === 'target'", timeout=15000)
    page.wait_for_timeout(800)                                   # the fit animation
    rect = "e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
    canvas = page.eval_on_selector("#network canvas", rect)
    overlays = [page.eval_on_selector(sel, rect) for sel in (".stage .toolbar", ".stage .map-hint")]
    boxes = hook(page, "titleBoxes()")
    assert len(boxes) == len({a["group"] for a in read_csv_rows(brabant / "actors.csv")})
    for b in boxes:
        box = (b["x0"], b["y0"], b["x1"], b["y1"])
        assert canvas[0] <= box[0] and box[2] <= canvas[2] and canvas[1] <= box[1] and box[3] <= canvas[3], b
        assert not any(_intersects(box, o) for o in overlays), (b, overlays)
    browser_page.assert_clean()


def test_minor_texts_come_from_the_catalogue_and_the_locale(browser_page, tmp_path):
    payload = synthetic_payload(20, seed=5, hostile=False)
    payload["meta"]["title"] = None
    payload["nodes"][0]["cut_off"] = {"names": ["A", "B"], "total": 1502}
    for lang, zoom, title, more in (("nl", "Zoomen en namen", "Ecosysteem", "1.500"),
                                    ("en", "Zoom and names", "Ecosystem", "1,500")):
        path = tmp_path / f"map-{lang}.html"
        path.write_text(render_map(typed(payload), loc=Locale(lang)), encoding="utf-8")
        page = browser_page.open(path)
        assert page.get_attribute(".toolbar", "aria-label") == zoom
        assert page.inner_text("h1") == title
        core = page.locator("#markers li").first.inner_text()
        assert core.count("(") == 1, core                         # one pair of brackets
        assert page.evaluate("window.ecosystemMap.focus('a0')")
        page.click("#whatif-button")
        assert more in page.inner_text("#whatif-result")
    browser_page.assert_clean()
