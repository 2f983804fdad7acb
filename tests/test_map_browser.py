"""Real-browser tests of the offline HTML map (system Chromium via Playwright).

Every test runs with the network locked down by the ``browser_page`` fixture:
any request other than file:/data:/blob:/about:, any console error, page
error or JavaScript dialog fails the test.

No test here has a time bound: how fast the map is drawn and interactive is
measured by ``bench/bench_map.py`` (target: 2,000 actors within 2 s).
"""

from __future__ import annotations

import math
import re

import pytest

from browser import HOSTILE_IMG, HOSTILE_SCRIPT, REPO_ROOT, synthetic_payload, typed
from ecosystem.locale import Locale
from ecosystem.render.map_html import render_map


@pytest.fixture(scope="module")
def payload40():
    return synthetic_payload(40, seed=7)


@pytest.fixture(scope="module")
def payload2000():
    return synthetic_payload(2000, seed=11, edges_per_node=2.5)


def write_map(tmp_path, payload, name="map.html", lang="nl"):
    path = tmp_path / name
    path.write_text(render_map(typed(payload), loc=Locale(lang)), encoding="utf-8")
    return path


def hook(page, expr, *args):
    return page.evaluate(f"(args) => window.ecosystemMap.{expr}", list(args))


def node_by_name(payload, name):
    return next(n for n in payload["nodes"] if n["name"] == name)


def isolated_node(page, payload, exclude=()):
    """A node whose on-screen position is far from every other node and from the
    toolbar, so a click on it cannot hit anything else."""
    pts = page.evaluate(
        "(ids) => ids.map(id => [id, window.ecosystemMap.domPosition(id)])",
        [n["id"] for n in payload["nodes"]],
    )
    box = page.eval_on_selector("#network", "e => { const r = e.getBoundingClientRect(); "
                                "return [r.left, r.top, r.right, r.bottom]; }")
    tb = page.eval_on_selector(".toolbar", "e => e.getBoundingClientRect().bottom")
    best, best_d = None, -1.0
    for nid, p in pts:
        if nid in exclude or not (box[0] + 40 < p["x"] < box[2] - 40 and max(box[1], tb) + 40 < p["y"] < box[3] - 40):
            continue
        d = min(math.hypot(p["x"] - q["x"], p["y"] - q["y"]) for oid, q in pts if oid != nid)
        if d > best_d:
            best, best_d = (nid, p), d
    assert best is not None and best_d > 12, "no clickable node found"
    return best


# --------------------------------------------------------------------------- basics


def test_loads_offline_without_errors(browser_page, tmp_path, payload40):
    page = browser_page.open(write_map(tmp_path, payload40))
    assert hook(page, "nodeCount()") == len(payload40["nodes"])
    assert hook(page, "visibleNodeCount()") == len(payload40["nodes"])
    assert hook(page, "visibleEdgeCount()") == len(payload40["edges"])
    assert hook(page, "view()") == "network"
    assert page.evaluate("document.body.dataset.ready") == "1"
    assert page.locator("#note").is_visible()
    assert "Illustratieve reconstructie" in page.locator("#note").inner_text()
    assert "<script>alert(3)</script>" in page.locator("#note").inner_text()  # shown as text
    assert page.locator("h1").inner_text() == "LLO-ecosysteem West-Brabant <i>test</i>"
    # legend: one entry per group with its count, one per relation type
    assert page.locator("#group-list li").count() == len(payload40["groups"])
    assert page.locator("#rtype-list li").count() == len(payload40["relation_types"])
    assert page.locator("#actor-names option").count() == len(payload40["nodes"])
    assert page.evaluate("document.querySelectorAll('img').length") == 1  # only the print snapshot slot
    assert all(u.startswith("file:") for u in browser_page.requests)
    browser_page.screenshot("map-network")
    browser_page.assert_clean()


def test_view_switch_moves_nodes_and_back(browser_page, tmp_path, payload40):
    page = browser_page.open(write_map(tmp_path, payload40))
    ids = [n["id"] for n in payload40["nodes"]]
    before = page.evaluate("(ids) => ids.map(id => window.ecosystemMap.position(id))", ids)
    assert page.evaluate("window.ecosystemMap.setView('target')") == "target"
    assert hook(page, "view()") == "target"
    assert page.get_attribute('[data-view="target"]', "aria-pressed") == "true"
    after = page.evaluate("(ids) => ids.map(id => window.ecosystemMap.position(id))", ids)
    moved = sum(1 for a, b in zip(before, after) if math.hypot(a["x"] - b["x"], a["y"] - b["y"]) > 1)
    assert moved >= len(ids) - 1
    # target positions are the payload's tx/ty under one uniform scale (rings stay circles);
    # vis-network reports positions rounded to whole canvas units
    far = max(zip(after, payload40["nodes"]), key=lambda pn: math.hypot(pn[1]["tx"], pn[1]["ty"]))
    k = math.hypot(far[0]["x"], far[0]["y"]) / math.hypot(far[1]["tx"], far[1]["ty"])
    for p, n in zip(after, payload40["nodes"]):
        assert abs(p["x"] - k * n["tx"]) <= 1.5 and abs(p["y"] - k * n["ty"]) <= 1.5, n["id"]
    page.wait_for_timeout(700)  # let the fit animation settle before the screenshot
    browser_page.screenshot("map-target")
    # and back again, exactly
    page.click('[data-view="network"]')
    page.wait_for_function("() => window.ecosystemMap.view() === 'network'")
    page.wait_for_function(
        """(exp) => exp.every((p, i) => {
              const q = window.ecosystemMap.position('a' + i);
              return Math.abs(q.x - p.x) < 1e-6 && Math.abs(q.y - p.y) < 1e-6; })""",
        arg=before, timeout=5000)
    browser_page.assert_clean()


# --------------------------------------------------------------------------- filters


def _expected_visible_edges(payload, off_types=(), off_groups=()):
    group_of = {n["id"]: n["group"] for n in payload["nodes"]}
    count = 0
    for e in payload["edges"]:
        if group_of[e["from"]] in off_groups or group_of[e["to"]] in off_groups:
            continue
        if e["types"] and all(t in off_types for t in e["types"]):
            continue
        count += 1
    return count


def test_relation_type_filter(browser_page, tmp_path, payload40):
    page = browser_page.open(write_map(tmp_path, payload40))
    total = len(payload40["edges"])
    for rt in payload40["relation_types"]:
        key = rt["key"]
        only_this = sum(1 for e in payload40["edges"] if e["types"] and set(e["types"]) <= {key})
        assert hook(page, "filterRelationType(args[0], false)", key) is True
        assert hook(page, "visibleEdgeCount()") == total - only_this
        assert page.is_checked(f'input[data-rtype="{key}"]') is False
        hook(page, "filterRelationType(args[0], true)", key)
        assert hook(page, "visibleEdgeCount()") == total
    # through the real checkboxes, two types at once
    k1, k2 = payload40["relation_types"][0]["key"], payload40["relation_types"][1]["key"]
    page.click(f'input[data-rtype="{k1}"]')
    page.click(f'input[data-rtype="{k2}"]')
    assert hook(page, "visibleEdgeCount()") == _expected_visible_edges(payload40, off_types={k1, k2})
    assert hook(page, "visibleNodeCount()") == len(payload40["nodes"])
    browser_page.assert_clean()


def test_group_filter_hides_nodes_and_their_edges(browser_page, tmp_path, payload40):
    page = browser_page.open(write_map(tmp_path, payload40))
    g = payload40["groups"][0]
    page.click(f'input[data-group="{g["key"]}"]')
    assert hook(page, "visibleNodeCount()") == len(payload40["nodes"]) - g["count"]
    assert hook(page, "visibleEdgeCount()") == _expected_visible_edges(payload40, off_groups={g["key"]})
    page.click(f'input[data-group="{g["key"]}"]')
    assert hook(page, "visibleNodeCount()") == len(payload40["nodes"])
    browser_page.assert_clean()


def test_size_selector(browser_page, tmp_path, payload40):
    page = browser_page.open(write_map(tmp_path, payload40))
    assert hook(page, "metric()") == payload40["metrics"][0]["key"]
    sizes0 = page.evaluate("(ids) => ids.map(id => window.ecosystemMap.nodeSize(id))", [n["id"] for n in payload40["nodes"]])
    page.select_option("#size-select", "betweenness")
    assert hook(page, "metric()") == "betweenness"
    sizes1 = page.evaluate("(ids) => ids.map(id => window.ecosystemMap.nodeSize(id))", [n["id"] for n in payload40["nodes"]])
    assert sizes0 != sizes1
    assert "Tussenpositie" in page.locator("#size-legend").inner_text()
    browser_page.assert_clean()


# --------------------------------------------------------------------------- focus


def test_search_focuses_actor(browser_page, tmp_path, payload40):
    page = browser_page.open(write_map(tmp_path, payload40))
    target = payload40["nodes"][12]
    page.fill("#search", target["name"])
    page.press("#search", "Enter")
    assert hook(page, "focusedId()") == target["id"]
    assert page.locator("#details").is_visible()
    assert page.locator("#details-name").inner_text() == target["name"]
    # picking a <datalist> suggestion (Chrome fires input with insertReplacementText)
    other = payload40["nodes"][20]
    page.evaluate("""(name) => { const i = document.getElementById('search'); i.value = name;
        i.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertReplacementText'})); }""",
                  other["name"])
    assert hook(page, "focusedId()") == other["id"]
    assert page.locator("#details-name").inner_text() == other["name"]
    # a partial name works with Enter; an unknown one says so
    page.fill("#search", "zzz-onbekend")
    page.press("#search", "Enter")
    assert page.locator("#search-msg").inner_text() != ""
    assert hook(page, "focusedId()") == other["id"]
    page.wait_for_timeout(500)
    browser_page.screenshot("map-focus")
    page.keyboard.press("Escape")
    assert hook(page, "focusedId()") is None
    assert page.locator("#details").is_hidden()
    browser_page.assert_clean()


def test_click_focuses_node_and_escape_clears(browser_page, tmp_path, payload40):
    page = browser_page.open(write_map(tmp_path, payload40))
    nid, p = isolated_node(page, payload40)
    page.mouse.click(p["x"], p["y"])
    page.wait_for_function("(id) => window.ecosystemMap.focusedId() === id", arg=nid, timeout=3000)
    node = next(n for n in payload40["nodes"] if n["id"] == nid)
    assert page.locator("#details-name").inner_text() == node["name"]
    page.keyboard.press("Escape")
    assert hook(page, "focusedId()") is None
    # clicking empty canvas also clears focus
    hook(page, "focus(args[0])", nid)
    box = page.eval_on_selector("#network", "e => { const r = e.getBoundingClientRect(); return [r.left, r.bottom]; }")
    page.mouse.click(box[0] + 8, box[1] - 8)   # the side panel covers the right, nodes keep a margin
    assert hook(page, "focusedId()") is None
    browser_page.assert_clean()


def test_hostile_names_are_plain_text(browser_page, tmp_path, payload40):
    page = browser_page.open(write_map(tmp_path, payload40))
    # 1. via search
    page.fill("#search", HOSTILE_SCRIPT)
    page.press("#search", "Enter")
    assert hook(page, "focusedId()") == node_by_name(payload40, HOSTILE_SCRIPT)["id"]
    assert page.locator("#details-name").inner_text() == HOSTILE_SCRIPT
    assert "&lt;script&gt;" in page.inner_html("#details-name")
    details = page.locator("#details").inner_text()
    assert "<b>sleutel</b>" in details and HOSTILE_IMG in details   # attribute key and value
    assert page.evaluate("document.querySelectorAll('#details script, #details img, #details b').length") == 0
    page.keyboard.press("Escape")
    # 2. via a click on the canvas
    img_node = node_by_name(payload40, HOSTILE_IMG)
    hook(page, "fit()")
    p = hook(page, "domPosition(args[0])", img_node["id"])
    page.mouse.click(p["x"], p["y"])
    page.wait_for_function("(id) => window.ecosystemMap.focusedId() === id", arg=img_node["id"], timeout=3000)
    assert page.locator("#details-name").inner_text() == HOSTILE_IMG
    page.keyboard.press("Escape")
    # 3. the hover tooltip (vis-network title) is text too
    page.mouse.move(p["x"], p["y"])
    page.mouse.move(p["x"] + 1, p["y"] + 1)
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=3000)
    assert HOSTILE_IMG in tip.inner_text()
    assert page.evaluate("document.querySelectorAll('div.vis-tooltip *:not(br)').length") == 0  # innerText turns \n into <br>
    # nothing ran: no dialog, no extra elements, no requests (x would have been fetched)
    assert page.evaluate("document.querySelectorAll('img').length") == 1
    assert browser_page.dialogs == []
    browser_page.assert_clean()


# --------------------------------------------------------------------------- scale & output


def test_2000_actors_drawn_and_interactive(browser_page, tmp_path, payload2000):
    """Functional only; the timing target lives in bench/bench_map.py."""
    path = write_map(tmp_path, payload2000, name="map2000.html")
    page = browser_page.open(path, wait_ready=True, timeout_ms=60000)
    assert page.evaluate("Number(document.body.dataset.readyMs)") > 0     # the ready mark is set
    assert hook(page, "nodeCount()") == 2000
    assert hook(page, "drawnNodeCount()") == 2000                       # all of them drawn by vis-network
    assert hook(page, "visibleEdgeCount()") == len(payload2000["edges"])
    assert hook(page, "drawnEdgeCount()") == len(payload2000["edges"])
    browser_page.screenshot("map-2000-network")
    # a click on an actor focuses it (the canvas answers real input, not only the hook)
    nid, p = isolated_node(page, payload2000)
    page.mouse.click(p["x"], p["y"])
    page.wait_for_function("(id) => window.ecosystemMap.focusedId() === id", arg=nid, timeout=10000)
    page.keyboard.press("Escape")
    assert hook(page, "focusedId()") is None
    # interactive: focus, filter and view switch all respond
    nid = payload2000["nodes"][5]["id"]
    assert hook(page, "focus(args[0])", nid) is True
    assert hook(page, "focusedId()") == nid
    hook(page, "unfocus()")
    key = payload2000["relation_types"][2]["key"]
    hook(page, "filterRelationType(args[0], false)", key)
    assert hook(page, "visibleEdgeCount()") == _expected_visible_edges(payload2000, off_types={key})
    assert hook(page, "drawnEdgeCount()") == _expected_visible_edges(payload2000, off_types={key})
    hook(page, "filterRelationType(args[0], true)", key)
    assert hook(page, "drawnEdgeCount()") == len(payload2000["edges"])
    assert page.evaluate("window.ecosystemMap.setView('target')") == "target"
    page.wait_for_timeout(300)
    browser_page.screenshot("map-2000-target")
    browser_page.assert_clean()


def test_print_is_one_landscape_page(browser_page, tmp_path, payload40):
    page = browser_page.open(write_map(tmp_path, payload40))
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    out = REPO_ROOT / "test-artifacts" / "map-print.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    pages = re.findall(rb"/Type\s*/Page(?!s)", pdf)
    assert len(pages) == 1, f"print produced {len(pages)} pages"
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", pdf)
    assert box and float(box.group(1)) > float(box.group(2)), "page is not landscape"
    # the live canvas was snapshotted for print (beforeprint)
    assert page.evaluate("document.getElementById('print-map').src.startsWith('data:image/png')")
    page.emulate_media(media="print")
    assert page.locator("#search").is_hidden()
    assert page.locator(".toolbar").is_hidden()
    assert page.locator("#group-list").is_visible()
    browser_page.screenshot("map-print-preview", full_page=True)
    browser_page.assert_clean()


def test_english_ui(browser_page, tmp_path, payload40):
    page = browser_page.open(write_map(tmp_path, payload40, lang="en"))
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator('[data-view="target"]').inner_text() == "Ecosystem (core–periphery)"
    assert "actors" in page.locator("#stats").inner_text()
    hook(page, "focus('a1')")
    assert "Core actor" in page.locator("#details").inner_text()
    browser_page.assert_clean()


def test_minimal_and_empty_payloads_load(browser_page, tmp_path):
    """Optional fields missing: no groups/metrics/rings/relation types listed,
    untyped edges, unknown group keys."""
    minimal = {
        "meta": {"title": "Minimaal", "region": "X", "period": None, "source": None, "note": None,
                 "seed": 1, "lang": "nl", "aggregated": None},
        "nodes": [{"id": str(i), "name": f"Actor {i}", "group": "g" + str(i % 2),
                   "x": float(i), "y": float(i % 3), "tx": 0.0, "ty": 0.0} for i in range(5)],
        "edges": [{"from": "0", "to": "1", "types": [], "weight": 1.0, "directed": True},
                  {"from": "1", "to": "2", "types": ["x"], "weight": 2.0, "directed": False}],
    }
    page = browser_page.open(write_map(tmp_path, minimal, name="minimal.html"))
    assert hook(page, "nodeCount()") == 5
    assert hook(page, "visibleEdgeCount()") == 2
    hook(page, "filterRelationType('x', false)")
    assert hook(page, "visibleEdgeCount()") == 1   # untyped relations are never filtered out
    assert page.evaluate("window.ecosystemMap.setView('target')") == "target"
    assert hook(page, "focus('1')") is True
    empty = {"meta": {"title": "Leeg"}, "nodes": [], "edges": []}
    page = browser_page.open(write_map(tmp_path, empty, name="empty.html"))
    assert hook(page, "nodeCount()") == 0
    browser_page.assert_clean()


# --------------------------------------------------------------------------- name labels


@pytest.fixture(scope="module")
def brabant_map(tmp_path_factory):
    """map.html of the Brabant example, built as ``api.analyse`` does (a dense core: the hard case)."""
    from ecosystem.analysis.pipeline import analyse_region
    from ecosystem.io.region import load_region
    from ecosystem.render.layout import compute_layout
    from ecosystem.render.map_payload import map_payload

    region = load_region(REPO_ROOT / "regions" / "brabant")
    analysis = analyse_region(region, seed=0, bootstrap_samples=0, null_samples=10)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0)
    path = tmp_path_factory.mktemp("brabant-map") / "map.html"
    path.write_text(render_map(map_payload(analysis, layout, Locale("nl"), region.meta.name), loc=Locale("nl")), encoding="utf-8")
    return path


def _label_problems(page):
    """Labels that cover another actor's circle, and pairs of labels that cover each other."""
    boxes = hook(page, "labelBoxes()")
    discs = hook(page, "markerDiscs()")
    covered = []
    for b in boxes:
        for d in discs:
            if d["id"] == b["id"]:
                continue
            dx = max(b["x0"] - d["x"], 0.0, d["x"] - b["x1"])
            dy = max(b["y0"] - d["y"], 0.0, d["y"] - b["y1"])
            if dx * dx + dy * dy < (d["r"] - 0.5) ** 2:
                covered.append((b["id"], d["id"]))
    clashes = [(a["id"], b["id"]) for k, a in enumerate(boxes) for b in boxes[k + 1:]
               if a["x0"] < b["x1"] - 0.5 and b["x0"] < a["x1"] - 0.5 and a["y0"] < b["y1"] - 0.5 and b["y0"] < a["y1"] - 0.5]
    return boxes, covered, clashes


@pytest.mark.parametrize("browser_page", [{"width": 1366, "height": 768}], indirect=True)
def test_beamer_target_view_labels_leave_the_markers_free(browser_page, brabant_map):
    """At beamer size (1366x768) the target view names the core and the candidates without
    covering any actor's circle or another label; 'all names' adds the periphery, still clear."""
    page = browser_page.open(brabant_map)
    assert page.locator("#names-toggle").is_hidden()            # only meaningful in the target view
    boxes, covered, clashes = _label_problems(page)
    assert boxes and not covered and not clashes, (covered, clashes)
    page.click('[data-view="target"]')
    page.wait_for_function("() => window.ecosystemMap.settledView() === 'target'", timeout=15000)
    page.wait_for_timeout(800)                                   # the fit animation
    toggle = page.locator("#names-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    boxes, covered, clashes = _label_problems(page)
    assert not covered and not clashes, (covered, clashes)
    discs = {d["id"]: d for d in hook(page, "markerDiscs()")}
    named = {b["id"] for b in boxes}
    assert named and all(discs[i]["core"] or discs[i]["candidate"] for i in named)
    candidates = [i for i, d in discs.items() if d["candidate"]]
    assert set(candidates) <= named, "every orchestrator candidate is named"
    browser_page.screenshot("map-brabant-target-beamer")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true" and hook(page, "allNames()") is True
    page.wait_for_timeout(100)
    boxes_all, covered, clashes = _label_problems(page)
    assert not covered and not clashes, (covered, clashes)
    assert len(boxes_all) > len(boxes)
    assert any(not discs[b["id"]]["core"] for b in boxes_all)     # names outside the core too
    browser_page.screenshot("map-brabant-target-beamer-all-names")
    browser_page.assert_clean()


def test_long_names_wrap_onto_two_lines(browser_page, tmp_path):
    payload = synthetic_payload(12, seed=3, hostile=False)
    long_name = "Regionaal Mobiliteitsteam Zuidoost-Brabant (werkgeversservicepunt en meer)"
    payload["nodes"][0]["name"] = long_name
    del payload["nodes"][0]["label_lines"]         # wrapped from the new name by complete_payload
    page = browser_page.open(write_map(tmp_path, payload))
    box = next(b for b in hook(page, "labelBoxes()") if b["id"] == payload["nodes"][0]["id"])
    others = [b for b in hook(page, "labelBoxes()") if b["id"] != payload["nodes"][0]["id"]]
    one_line = min(b["y1"] - b["y0"] for b in others)
    assert box["y1"] - box["y0"] > 1.8 * one_line                # two lines, not one very wide line
    assert box["x1"] - box["x0"] < 360
    browser_page.assert_clean()
