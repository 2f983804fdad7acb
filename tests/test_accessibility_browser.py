"""WCAG 2.1 AA checks of map.html and report.html in a real browser, on the real CLI's output.

``ecosystem analyse`` runs once on a copy of the Brabant example in which one actor has a very long
one-word name; the pages are then opened in headless Chromium (the ``browser_page`` fixture, or a
page of our own for other window sizes, both failing on any request other than file:/data:/blob:/about:,
any console error, page error or dialog). Contrast ratios are computed here from the browser's
computed styles with WCAG 2.1's relative luminance, not taken from the style module.
"""
from __future__ import annotations

import csv
import re
import shutil

import pytest

from browser import REPO_ROOT
from conftest import run_cli

BRABANT = REPO_ROOT / "regions" / "brabant"
LONG_NAME = "Zeer" + "langenaam" * 30            # one word of 274 letters


# --------------------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    base = tmp_path_factory.mktemp("a11y")
    region = base / "brabant"
    shutil.copytree(BRABANT, region)
    with open(region / "actors.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows[-1]["name"] = LONG_NAME
    with open(region / "actors.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = run_cli("analyse", region, "--out", base / "out", "--bootstrap", "0", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    return base / "out" / "brabant"


# The window fixture (tests/browser.py): a page of a given size, failing on any request or error.


def rgb(css: str) -> tuple[float, float, float]:
    """An opaque computed colour ('rgb(1, 2, 3)' or 'rgba(1, 2, 3, 1)') or a '#rrggbb' attribute."""
    if css.startswith("#"):
        return tuple(int(css[k:k + 2], 16) for k in (1, 3, 5))
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    assert len(parts) == 3 or parts[3] == 1, f"not opaque: {css}"
    return tuple(parts[:3])


def luminance(c) -> float:
    """WCAG 2.1 relative luminance."""
    lin = [v / 255 / 12.92 if v / 255 <= 0.03928 else ((v / 255 + 0.055) / 1.055) ** 2.4 for v in c]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(rgb(a)), luminance(rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_contrast_helper_gives_wcag_ratios():
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21.0)
    assert contrast("#f59e0b", "#ffffff") == pytest.approx(2.15, abs=0.01)    # the old focus ring
    assert contrast("#9ca3af", "#fafafa") == pytest.approx(2.43, abs=0.01)    # the old control grey


def style_of(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, "(e, p) => getComputedStyle(e)[p]", prop)


def active(page) -> str:
    return page.evaluate("document.activeElement === document.body ? 'BODY' : "
                         "(document.activeElement.id || document.activeElement.tagName)")


def focused(page):
    return page.evaluate("window.ecosystemMap.focusedId()")


# --------------------------------------------------------------------------- map.html


def test_map_at_200_percent_zoom_scrolls_and_keeps_a_usable_map(window, out):
    page = window(out / "map.html", 640, 360, 2)          # a 1280x720 laptop at 200%
    box = page.evaluate("""() => {
        const r = s => document.querySelector(s).getBoundingClientRect();
        return {map: r('#network').height, stage: r('.stage').bottom, side: r('aside.side').top,
                width: r('#network').width, scroll: document.documentElement.scrollHeight, window: innerHeight,
                sw: document.documentElement.scrollWidth};
    }""")
    assert box["map"] >= 300                               # was 24 px
    assert box["width"] >= 600                             # the side panel is not beside the map ...
    assert box["side"] >= box["stage"] - 1                 # ... but below it
    assert box["scroll"] > box["window"]                   # the page scrolls instead of squeezing the map
    assert box["sw"] <= 640


def test_map_source_is_shown_whole(browser_page, out):
    """The source takes one line (a beamer needs the map's height) and shows whole from the keyboard:
    it was cut off with an ellipsis, its full text only in a title attribute."""
    page = browser_page.open(out / "map.html")
    measure = """() => { const e = document.querySelector('.meta li.source summary');
        return [e.scrollWidth, e.clientWidth, e.getBoundingClientRect().height,
                parseFloat(getComputedStyle(e).lineHeight)]; }"""
    closed = page.evaluate(measure)
    assert closed[2] <= 1.5 * closed[3]                    # one line while closed
    for _ in range(12):                                    # reached with Tab, before the map's controls
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.meta li.source summary')"):
            break
    else:
        raise AssertionError("the source is not reachable with the keyboard")
    page.keyboard.press("Enter")
    opened = page.evaluate(measure)
    assert opened[0] <= opened[1] + 1 and opened[2] > 1.5 * opened[3]   # the whole text, wrapped


def test_keyboard_focus_follows_the_chosen_actor_and_comes_back(browser_page, out):
    page = browser_page.open(out / "map.html")
    # a search result chosen with the keyboard: focus on the panel's heading, not lost on <body>
    page.fill("#search", "Gemeente")
    page.press("#search", "Enter")
    assert page.locator("#search-results button").count() > 1
    page.press("#search", "ArrowDown")
    page.keyboard.press("Enter")
    assert focused(page) is not None
    assert active(page) == "details-name"
    # a neighbour in the panel: focus on the new actor's heading
    first = focused(page)
    page.locator("#details ul.relations button").first.focus()
    page.keyboard.press("Enter")
    assert focused(page) not in (None, first)
    assert active(page) == "details-name"
    # Escape in the panel closes it and returns to the search box
    page.keyboard.press("Escape")
    assert focused(page) is None and page.locator("#details").is_hidden()
    assert active(page) == "search"
    # Enter in the search box on one actor, then the close button: back to the search box
    page.fill("#search", "Gemeente Breda")
    page.press("#search", "Enter")
    assert focused(page) == "gem_breda" and active(page) == "details-name"
    page.focus("#details-close")
    page.keyboard.press("Enter")
    assert page.locator("#details").is_hidden() and active(page) == "search"
    # a click on the map chooses an actor without taking the focus
    page.evaluate("window.ecosystemMap.fit()")
    p = page.evaluate("window.ecosystemMap.domPosition('gem_breda')")
    page.mouse.click(p["x"], p["y"])
    page.wait_for_function("() => window.ecosystemMap.focusedId() !== null", timeout=3000)
    assert active(page) != "details-name"


def test_map_focus_ring_has_enough_contrast(browser_page, out):
    page = browser_page.open(out / "map.html")
    panel = style_of(page, "aside.side", "backgroundColor")
    paper = style_of(page, "body", "backgroundColor")
    # the focus ring, on the search box and on the accent-coloured search button (2 px off it: the panel shows)
    page.focus("#search")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.btn:focus-visible')")
    ring = style_of(page, ".btn", "outlineColor")
    assert float(style_of(page, ".btn", "outlineOffset").rstrip("px")) >= 2
    for background in (panel, paper):
        assert contrast(ring, background) >= 3, (ring, background)


def test_map_control_borders_and_unticked_filters_have_enough_contrast(browser_page, out):
    page = browser_page.open(out / "map.html")
    panel = style_of(page, "aside.side", "backgroundColor")
    paper = style_of(page, "body", "backgroundColor")
    # the borders of the search box and the selects (WCAG 1.4.11)
    for sel in ("#search", "#size-select", "#region-select"):
        border = style_of(page, sel, "borderTopColor")
        for background in (panel, paper):
            assert contrast(border, background) >= 3, (sel, border, background)
    # an unticked group: its name and count stay readable (4.5:1), struck through
    page.locator("#group-list input").first.uncheck()
    for sel in ("li.off .check-label", "li.off .count"):
        assert contrast(style_of(page, sel, "color"), panel) >= 4.5, sel
        assert "line-through" in style_of(page, sel, "textDecorationLine")


def test_map_text_alternative_lists_the_shown_actors_and_chooses_one(browser_page, out):
    page = browser_page.open(out / "map.html")
    page.locator("#actor-list summary").click()
    page.wait_for_function("() => document.querySelectorAll('#actor-rows tr').length > 0", timeout=3000)  # on 'toggle'

    def shown_rows():
        return page.evaluate("[...document.querySelectorAll('#actor-rows tr')].filter(r => !r.hidden).length")

    assert shown_rows() == page.evaluate("window.ecosystemMap.visibleNodeCount()") == page.evaluate(
        "window.ecosystemMap.nodeCount()")
    page.evaluate("window.ecosystemMap.filterGroup('government', false)")
    shown = page.evaluate("window.ecosystemMap.visibleNodeCount()")
    assert shown_rows() == shown < page.evaluate("window.ecosystemMap.nodeCount()")
    # core and orchestrator columns agree with the payload
    nodes = page.evaluate("JSON.parse(document.getElementById('data').textContent).payload.nodes")
    rows = page.evaluate("""[...document.querySelectorAll('#actor-rows tr')].filter(r => !r.hidden)
        .map(r => [...r.children].map(c => c.textContent))""")
    assert sum(r[2] == "ja" for r in rows) == sum(n["core"] for n in nodes if n["group"] != "government")
    assert sum(r[3] != "" for r in rows) == sum(n["orchestrator_rank"] is not None for n in nodes
                                                if n["group"] != "government")
    # a name chooses the actor like a search result: its details open, with the focus on them
    button = page.locator("#actor-rows tr:not([hidden]) button").nth(3)
    name = button.inner_text()
    button.focus()
    page.keyboard.press("Enter")
    chosen = focused(page)
    assert chosen is not None and active(page) == "details-name"
    assert name.startswith(next(n["name"] for n in nodes if n["id"] == chosen))
    page.keyboard.press("Escape")
    assert active(page) == "BUTTON" and page.evaluate("document.activeElement.textContent") == name


def test_map_has_no_dead_tab_stop_in_the_network(browser_page, out):
    page = browser_page.open(out / "map.html")
    dead = page.evaluate("""[...document.querySelectorAll('#network [tabindex]')]
        .filter(e => e.tabIndex >= 0 && !(e.getAttribute('role') && (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'))))
        .map(e => e.className)""")
    assert dead == []


# --------------------------------------------------------------------------- report.html


def test_report_steering_bar_labels_are_readable_and_the_bar_is_named(browser_page, out):
    page = browser_page.open(out / "report.html", wait_ready=False)
    pairs = page.evaluate("""[...document.querySelectorAll('svg.steering-bar text')].map(t => {
        let r = t.previousElementSibling; while (r && r.tagName !== 'rect') r = r.previousElementSibling;
        return [getComputedStyle(t).fill, getComputedStyle(r).fill]; })""")
    assert pairs
    for ink, fill in pairs:
        assert contrast(ink, fill) >= 4.5, (ink, fill)
    name = page.get_attribute("svg.steering-bar", "aria-label")
    assert name and name.startswith("Sturingsmix:")
    # the same shares as the table under it
    shares = page.evaluate("[...document.querySelectorAll('table.steering-overall tbody tr')]"
                           ".map(r => r.cells[1].textContent.trim())")
    for share in shares:
        if share not in ("0%",):
            assert share in name, (share, name)


def test_report_focus_ring_has_enough_contrast(browser_page, out):
    page = browser_page.open(out / "report.html", wait_ready=False)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('a:focus-visible')")
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert contrast(ring, style_of(page, ".paper", "backgroundColor")) >= 3


def test_report_reflows_at_320_css_pixels(window, out):
    page = window(out / "report.html", 320, 256, 4)       # a 1280x1024 screen at 400%
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_report_long_name_does_not_widen_the_page(browser_page, out):
    page = browser_page.open(out / "report.html", wait_ready=False)
    assert LONG_NAME in page.content()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_report_headings_skip_no_level(browser_page, out):
    page = browser_page.open(out / "report.html", wait_ready=False)
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => [+h.tagName[1], h.textContent])")
    for (before, _), (level, text) in zip(levels, levels[1:]):
        assert level <= before + 1, (before, level, text)
    key = page.evaluate("[...document.querySelectorAll('#target-numbers h2, #target-numbers h3, #target-numbers h4')]"
                        ".map(h => h.tagName)")
    assert key[0] == "H2" and set(key[1:]) == {"H3"}
