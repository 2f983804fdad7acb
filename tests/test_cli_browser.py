"""The real CLI, then the real browser: ``ecosystem analyse`` on a copy of the Brabant
example (and on a region with hostile actor names), then ``map.html`` and
``report.html`` opened in headless Chromium.

Expected numbers come from the input and output files themselves (actors.csv,
relations.csv, region.toml, summary.json), read here with the csv/json/tomllib
modules, not from the package.  The ``browser_page`` fixture blocks every request
other than file:/data:/blob:/about: and fails the test on any console error, page
error or JavaScript dialog.  Screenshots go to test-artifacts/screenshots/.
"""
from __future__ import annotations

import json
import math
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from scipy.stats import binomtest

from browser import HOSTILE_IMG, HOSTILE_SCRIPT, REPO_ROOT
from conftest import read_csv_rows, run_cli, write_region

BRABANT = REPO_ROOT / "regions" / "brabant"
# relation types may be written in Dutch; the map's checkboxes use the English keys
DUTCH_TYPES = {"bestuur": "governance", "financiering": "funding", "levering": "delivery",
               "vertegenwoordiging": "representation", "toeleiding": "referral",
               "samenwerking": "collaboration", "advies": "advice"}


# --------------------------------------------------------------------------- fixtures and oracles


def _analyse(tmp_path_factory, name: str, *extra: str) -> Path:
    base = tmp_path_factory.mktemp(name)
    region = base / "brabant"
    shutil.copytree(BRABANT, region)
    result = run_cli("analyse", region, "--out", base / "out", *extra)
    assert result.exit_code == 0, result.output
    return base / "out" / "brabant"


@pytest.fixture(scope="module")
def brabant_nl(tmp_path_factory) -> Path:
    return _analyse(tmp_path_factory, "cli-nl")


@pytest.fixture(scope="module")
def brabant_en(tmp_path_factory) -> Path:
    return _analyse(tmp_path_factory, "cli-en", "--lang", "en")


def _summary(out: Path) -> dict:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def _actors(out: Path) -> list[dict]:
    return read_csv_rows(out / "actors.csv")


def _tie_types() -> dict[frozenset, set[str]]:
    """One drawn edge per linked pair of actors, with the set of relation types on it."""
    pairs: dict[frozenset, set[str]] = {}
    for row in read_csv_rows(BRABANT / "relations.csv"):
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items()}
        kind = row["type"].lower()
        pairs.setdefault(frozenset((row["source"], row["target"])), set()).add(DUTCH_TYPES.get(kind, kind))
    return pairs


def _note() -> str:
    return tomllib.loads((BRABANT / "region.toml").read_text(encoding="utf-8"))["note"]


def hook(page, expr, *args):
    return page.evaluate(f"(args) => window.ecosystemMap.{expr}", list(args))


def positions(page, ids):
    return page.evaluate("(ids) => ids.map(id => window.ecosystemMap.position(id))", ids)


def _only_local_requests(bp) -> None:
    assert bp.requests, "the page loaded nothing?"
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in bp.requests), bp.requests
    bp.assert_clean()


# --------------------------------------------------------------------------- map.html


def test_map_opens_clean_and_draws_every_actor_and_the_core(browser_page, brabant_nl):
    page = browser_page.open(brabant_nl / "map.html")
    actors, summary, ties = _actors(brabant_nl), _summary(brabant_nl), _tie_types()
    assert hook(page, "nodeCount()") == len(actors)
    assert hook(page, "drawnNodeCount()") == len(actors)
    assert hook(page, "drawnEdgeCount()") == len(ties)
    # the core: marked with the core border on the canvas and counted in the legend
    assert hook(page, "coreMarkedCount()") == len(summary["core"])
    assert page.get_by_test_id("core-count").inner_text() == f"({len(summary['core'])})"
    # the 'illustrative reconstruction' warning is on screen
    note = page.locator("#note")
    assert note.is_visible()
    assert "illustratieve reconstructie" in note.inner_text().lower()
    assert " ".join(_note().split()) in " ".join(note.inner_text().split())
    assert page.locator("#stats").inner_text() == f"{len(actors)} actoren · {len(ties)} verbindingen"
    browser_page.screenshot("cli-brabant-map-network")
    _only_local_requests(browser_page)


def test_map_target_view_puts_the_core_inside_the_core_ring_and_back(browser_page, brabant_nl):
    page = browser_page.open(brabant_nl / "map.html")
    ids = [row["id"] for row in _actors(brabant_nl)]
    core = set(_summary(brabant_nl)["core"])
    before = positions(page, ids)
    page.click('[data-view="target"]')
    page.wait_for_function("() => window.ecosystemMap.settledView() === 'target'", timeout=15000)
    assert hook(page, "view()") == "target"
    assert page.get_attribute('[data-view="target"]', "aria-pressed") == "true"
    rings = hook(page, "rings()")
    assert [(r["label"], r["core"]) for r in rings] == [("kern", True), ("periferie", False)]
    core_r, outer_r = rings[0]["r"], rings[1]["r"]
    after = positions(page, ids)
    radius = {i: math.hypot(p["x"], p["y"]) for i, p in zip(ids, after)}
    # every core actor inside the core ring, every other one between it and the outer ring
    assert max(radius[i] for i in core) < core_r < min(radius[i] for i in ids if i not in core)
    assert max(radius.values()) <= outer_r + 1
    assert sum(1 for a, b in zip(before, after) if math.hypot(a["x"] - b["x"], a["y"] - b["y"]) > 1) >= len(ids) - 1
    page.wait_for_timeout(300)   # fit animation, for the screenshot only
    browser_page.screenshot("cli-brabant-map-target")
    page.click('[data-view="network"]')
    page.wait_for_function("() => window.ecosystemMap.settledView() === 'network'", timeout=15000)
    back = positions(page, ids)
    assert all(abs(p["x"] - q["x"]) < 1e-6 and abs(p["y"] - q["y"]) < 1e-6 for p, q in zip(back, before))
    _only_local_requests(browser_page)


def test_relation_type_filter_matches_relations_csv(browser_page, brabant_nl):
    page = browser_page.open(brabant_nl / "map.html")
    ties = _tie_types()
    governance = sum(1 for t in ties.values() if "governance" in t)
    assert governance > 0
    # governance off: only the pairs with another relation type stay
    page.click('input[data-rtype="governance"]')
    without = sum(1 for t in ties.values() if t - {"governance"})
    assert hook(page, "drawnEdgeCount()") == without == hook(page, "visibleEdgeCount()")
    assert f"{without} verbindingen" in page.locator("#stats").inner_text()
    page.click('input[data-rtype="governance"]')
    assert hook(page, "drawnEdgeCount()") == len(ties)
    # governance only: every other type off
    others = [k for k in page.eval_on_selector_all("input[data-rtype]", "els => els.map(e => e.dataset.rtype)")
              if k != "governance"]
    for key in others:
        page.click(f'input[data-rtype="{key}"]')
    assert hook(page, "drawnEdgeCount()") == governance
    assert hook(page, "drawnNodeCount()") == len(_actors(brabant_nl))    # relation filters hide no actor
    browser_page.screenshot("cli-brabant-map-governance")
    for key in others:
        page.click(f'input[data-rtype="{key}"]')
    assert hook(page, "drawnEdgeCount()") == len(ties)
    _only_local_requests(browser_page)


def _uncertain_actor(out: Path) -> dict:
    """An actor whose core membership is uncertain (0 < probability < 1), else the top orchestrator."""
    summary, actors = _summary(out), {row["id"]: row for row in _actors(out)}
    probability = summary["stability"]["core_probability"]
    pick = next((i for i in summary["stability"]["core_uncertain"] if 0 < probability[i] < 1),
                summary["orchestrators"][0]["id"])
    return {"id": pick, "name": actors[pick]["name"], "probability": probability[pick],
            "core": pick in summary["core"]}


def _probability_text(actor: dict, ci, interval_word: str) -> str:
    """'62% (95%-interval 51–72%)': the interval widened outward to whole percents."""
    return (f"{math.floor(actor['probability'] * 100 + 0.5)}% ({interval_word} "
            f"{math.floor(100 * ci.low)}–{math.ceil(100 * ci.high)}%)")


def _fact(page, label: str) -> str:
    # A term's <th> also holds its (hidden) one-line explanation; match the visible label.
    rows = page.locator("#details table.facts tr")
    labels = [r.locator("th").inner_text() for r in rows.all()]
    return rows.nth(labels.index(label)).locator("td").inner_text()


def test_search_focuses_actor_with_name_and_core_probability(browser_page, brabant_nl):
    page = browser_page.open(brabant_nl / "map.html")
    actor = _uncertain_actor(brabant_nl)
    page.fill("#search", actor["name"])
    page.press("#search", "Enter")
    assert hook(page, "focusedId()") == actor["id"]
    assert page.locator("#details").is_visible()
    assert page.locator("#details-name").inner_text() == actor["name"]
    # The probability with its 95% Clopper-Pearson interval (scipy's), widened outward to whole percents.
    samples = _summary(brabant_nl)["stability"]["samples"]
    ci = binomtest(round(actor["probability"] * samples), samples).proportion_ci(0.95, method="exact")
    assert _fact(page, "Kans op kern") == _probability_text(actor, ci, "95%-interval")
    assert _fact(page, "Kernactor") == ("ja" if actor["core"] else "nee")
    # Every metric in the panel carries its Dutch label, none its internal key.
    panel = page.locator("#details").inner_text()
    for label in ("Sterkte", "Inkomend", "Uitgaand", "Nabijheid", "k-kern"):
        assert label in panel
    for key in ("strength", "in_degree", "out_degree", "closeness", "kcore"):
        assert key not in panel
    page.wait_for_timeout(500)   # centring animation, for the screenshot only
    browser_page.screenshot("cli-brabant-map-search")
    page.keyboard.press("Escape")
    assert hook(page, "focusedId()") is None
    _only_local_requests(browser_page)


# --------------------------------------------------------------------------- report.html


def _report_core_geometry(page) -> dict:
    return page.evaluate("""() => {
        const svg = document.querySelector('svg.target');
        const num = (c, a) => Number(c.getAttribute(a));
        const ring = svg.querySelector('circle.core-ring');
        const rings = [...svg.querySelectorAll('circle.ring')].map(c => num(c, 'r'));
        const dist = c => Math.hypot(num(c, 'cx'), num(c, 'cy'));
        return {coreR: ring ? num(ring, 'r') : null, outerR: Math.max(...rings),
                core: [...svg.querySelectorAll('circle.actor.core')].map(dist),
                periphery: [...svg.querySelectorAll('circle.actor:not(.core)')].map(dist)};
    }""")


def test_report_opens_clean_with_note_and_core(browser_page, brabant_nl):
    page = browser_page.open(brabant_nl / "report.html")
    actors, summary = _actors(brabant_nl), _summary(brabant_nl)
    note = page.locator("p.note")
    assert note.is_visible()
    assert "illustratieve reconstructie" in note.inner_text().lower()
    assert page.locator("svg.target circle.actor").count() == len(actors)
    geo = _report_core_geometry(page)
    assert len(geo["core"]) == len(summary["core"])
    assert geo["coreR"] is not None and max(geo["core"]) < geo["coreR"] < min(geo["periphery"])
    assert max(geo["periphery"]) <= geo["outerR"]
    texts = page.eval_on_selector_all("svg.target text", "els => els.map(e => e.textContent)")
    assert "kern" in texts and "periferie" in texts
    browser_page.screenshot("cli-brabant-report", full_page=True)
    _only_local_requests(browser_page)


# --------------------------------------------------------------------------- English


def test_english_labels_in_map_and_report(browser_page, brabant_en):
    page = browser_page.open(brabant_en / "map.html")
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator('[data-view="target"]').inner_text() == "Ecosystem (core–periphery)"
    assert page.locator('[data-view="network"]').inner_text() == "Network"
    assert re.fullmatch(r"\d+ actors · \d+ ties", page.locator("#stats").inner_text())
    assert [r["label"] for r in hook(page, "rings()")] == ["core", "periphery"]
    assert page.locator("#note").is_visible()
    actor = _uncertain_actor(brabant_en)
    page.fill("#search", actor["name"])
    page.press("#search", "Enter")
    assert page.locator("#details-name").inner_text() == actor["name"]
    samples = _summary(brabant_en)["stability"]["samples"]
    ci = binomtest(round(actor["probability"] * samples), samples).proportion_ci(0.95, method="exact")
    assert _fact(page, "Core probability") == _probability_text(actor, ci, "95% interval")
    assert _fact(page, "Core actor") == ("yes" if actor["core"] else "no")
    assert "Strength" in page.locator("#details").inner_text() and "in_degree" not in page.locator("#details").inner_text()
    hook(page, "unfocus()")
    assert page.evaluate("window.ecosystemMap.setView('target')") == "target"
    page.wait_for_timeout(300)
    browser_page.screenshot("cli-brabant-map-target-en")
    page = browser_page.open(brabant_en / "report.html")
    assert page.get_attribute("html", "lang") == "en"
    assert page.title().startswith("LLO ecosystem report")
    assert page.get_by_text("The ecosystem as a target").first.is_visible()
    texts = page.eval_on_selector_all("svg.target text", "els => els.map(e => e.textContent)")
    assert "core" in texts and "periphery" in texts
    assert page.locator("svg.target circle.actor.core").count() == len(_summary(brabant_en)["core"])
    _only_local_requests(browser_page)


# --------------------------------------------------------------------------- hostile names


HOSTILE_ACTORS = [
    {"id": "gem", "name": "Gemeente Stad", "group": "government"},
    {"id": "evil1", "name": HOSTILE_SCRIPT, "group": "intermediaries"},
    {"id": "evil2", "name": HOSTILE_IMG, "group": "employers"},
    {"id": "roc", "name": "ROC Stad", "group": "education"},
    {"id": "fnv", "name": "FNV Stad", "group": "workers"},
    {"id": "uwv", "name": "UWV Stad", "group": "intermediaries"},
]
HOSTILE_RELATIONS = [
    {"source": "gem", "target": "evil1", "type": "governance", "weight": "3"},
    {"source": "gem", "target": "uwv", "type": "governance", "weight": "3"},
    {"source": "evil1", "target": "uwv", "type": "collaboration", "weight": "2"},
    {"source": "evil1", "target": "evil2", "type": "referral", "weight": "1"},
    {"source": "roc", "target": "evil2", "type": "delivery", "weight": "2"},
    {"source": "fnv", "target": "evil2", "type": "representation", "weight": "1"},
    {"source": "gem", "target": "roc", "type": "funding", "weight": "1"},
    {"source": "uwv", "target": "fnv", "type": "advice", "weight": "1"},
]


def test_hostile_names_through_the_cli_stay_text(browser_page, tmp_path):
    region = write_region(tmp_path / "hostile", HOSTILE_ACTORS, HOSTILE_RELATIONS)
    result = run_cli("analyse", region, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "hostile"
    assert {row["name"] for row in _actors(out)} >= {HOSTILE_SCRIPT, HOSTILE_IMG}

    page = browser_page.open(out / "map.html")
    assert hook(page, "drawnNodeCount()") == len(HOSTILE_ACTORS)
    options = page.eval_on_selector_all("#actor-names option", "els => els.map(e => e.value)")
    assert HOSTILE_SCRIPT in options and HOSTILE_IMG in options
    for name, neighbour in ((HOSTILE_SCRIPT, HOSTILE_IMG), (HOSTILE_IMG, HOSTILE_SCRIPT)):
        page.fill("#search", name)
        page.press("#search", "Enter")
        assert page.locator("#details-name").inner_text() == name
        assert "&lt;" in page.inner_html("#details-name")
        assert neighbour in page.locator("#details ul.relations button").all_inner_texts()
    browser_page.screenshot("cli-hostile-map")
    _assert_nothing_ran(page, browser_page, scripts=3, images=1)   # data + vis + app; the print snapshot

    page = browser_page.open(out / "report.html")
    body = page.locator("body").inner_text()
    assert HOSTILE_SCRIPT in body and HOSTILE_IMG in body
    tips = page.eval_on_selector_all("svg.target title", "els => els.map(e => e.textContent)")
    assert any(HOSTILE_SCRIPT in t for t in tips) and any(HOSTILE_IMG in t for t in tips)
    browser_page.screenshot("cli-hostile-report", full_page=True)
    _assert_nothing_ran(page, browser_page, scripts=0, images=0)    # the report is static: no script, no image


def _assert_nothing_ran(page, bp, scripts: int, images: int) -> None:
    """No dialog, no injected element or handler, no request for the 'x' image."""
    assert bp.dialogs == []
    assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0
    assert page.evaluate("document.scripts.length") == scripts
    assert page.evaluate("document.images.length") == images
    assert not [u for u in bp.requests if u.rstrip("/").endswith("/x")], bp.requests
    _only_local_requests(bp)
