"""WCAG 1.4.10 (reflow): a very long one-word actor name never makes a page wider than the window.

A 274-letter name used to widen every page it appeared in, measured in a 1366 px window: map.html to
2925 px (the core-periphery note had no overflow-wrap), report.html to 3742-5269 px (the .findings and
.tops grids grew to the width of the tables in them, so their .table-scroll boxes never scrolled, and
paragraphs and captions did not break the name) and the what-if change.html to 1508 px (its tables sat
in no scrolling box and their cells' break-word does not shrink a table).

The case is generated here from the Twente fixture: six of its organisations in a ring (every one as
central as the next, so the core is one of several equally good ones), two of them renamed to a single
274-letter word -- one in the core, one among the equally good alternatives, the id-order tie lines and
the target view's caption. ``ecosystem analyse`` and ``ecosystem whatif`` run on it as a user would;
map.html, report.html and change.html are then opened in headless Chromium (the project's offline
guards: only file:/data:/blob:/about: may load, no console or page error, no dialog) at 1366 and at
320 CSS px wide, and the page may not be wider than the window.
"""
from __future__ import annotations

import csv
import json
import re
import shutil
from html import unescape

import pytest

from conftest import FIXTURES, run_cli

TWENTE = FIXTURES / "twente"
IN_CORE = "Heel" + "langenaam" * 30          # one word of 274 letters, a member of the core
SWAPPABLE = "Zeer" + "langenaam" * 30        # one word of 274 letters, one of the equally good alternatives
RING = ["gem_ens", "uwv", "roc", "vno", "fnv", "lwl"]     # Twente ids, tied in this order around a ring
RENAMED = {"lwl": IN_CORE, "uwv": SWAPPABLE}
WITHOUT = ("gem_ens", "roc")                 # the what-if: uwv loses every path to the rest
FAST = ("--bootstrap", "0", "--null-samples", "20")
WINDOWS = [(1366, 768), (320, 640)]


# --------------------------------------------------------------------------- the case


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """map.html, report.html and the what-if change.html of the ring with the two long names."""
    base = tmp_path_factory.mktemp("reflow")
    region = base / "ring"
    region.mkdir()
    shutil.copy(TWENTE / "region.toml", region / "region.toml")      # its note is shown on every page
    with open(TWENTE / "actors.csv", newline="", encoding="utf-8") as fh:
        by_id = {row["id"]: row for row in csv.DictReader(fh)}
    actors = [{"id": i, "name": RENAMED.get(i, by_id[i]["name"]), "group": by_id[i]["group"],
               "region": by_id[i]["region"]} for i in RING]
    with open(region / "actors.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(actors[0]))
        writer.writeheader()
        writer.writerows(actors)
    with open(region / "relations.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "target", "type", "weight"])
        for k, a in enumerate(RING):
            writer.writerow([a, RING[(k + 1) % len(RING)], "collaboration", 2])
    result = run_cli("analyse", region, "--out", base / "out", *FAST)
    assert result.exit_code == 0, result.output
    without = [arg for i in WITHOUT for arg in ("--without", i)]
    result = run_cli("whatif", region, *without, "--out", base / "out", *FAST)
    assert result.exit_code == 0, result.output
    out = base / "out" / "ring"
    change = base / "out" / ("ring-whatif-" + "-".join(WITHOUT)) / "change.html"
    return {"map": out / "map.html", "report": out / "report.html", "change": change,
            "summary": out / "summary.json"}


def _text(fragment: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_the_long_names_land_where_the_page_was_widened(pages):
    """The case still exercises what widened the pages (else the browser tests below prove nothing)."""
    summary = json.loads(pages["summary"].read_text(encoding="utf-8"))
    assert "lwl" in summary["core"] and "uwv" in summary["core_swappable"], (summary["core"], summary["core_swappable"])
    report = pages["report"].read_text(encoding="utf-8")
    findings = report[report.index('<section id="findings">'):report.index('<section id="diagnosis">')]
    paragraphs = [_text(p) for p in re.findall(r"<p>(.*?)</p>", findings, re.S)]
    assert sum(SWAPPABLE in p for p in paragraphs) >= 2, paragraphs          # swappable core, id-order ties
    assert any(IN_CORE in _text(li) for li in re.findall(r"<li>(.*?)</li>", findings, re.S))   # the core's list
    captions = [_text(c) for c in re.findall(r"<figcaption>(.*?)</figcaption>", report, re.S)]
    assert any(SWAPPABLE in c for c in captions), captions                   # the target view's caption
    assert '<div class="table-scroll"><table>' in report[report.index('<section id="tops">'):]
    assert SWAPPABLE in _text(re.search(r'<p class="aggregated" id="core-periphery">(.*?)</p>',
                                        pages["map"].read_text(encoding="utf-8"), re.S).group(1))
    change = pages["change"].read_text(encoding="utf-8")
    assert any(SWAPPABLE in _text(td) for td in re.findall(r"<td>(.*?)</td>", change, re.S))


# --------------------------------------------------------------------------- the browser


# The window fixture (tests/browser.py): a page of a given size, failing on any request or error.


# Text outside the scrolling table boxes that carries a long name: it must break inside the window.
STICKING_OUT = """names => {
    const out = [];
    for (const e of document.querySelectorAll('body *')) {
        if (e.closest('.table-scroll, .sr-only, svg, script, [hidden]')) continue;
        if (![...e.childNodes].some(n => n.nodeType === 3 && names.some(x => n.nodeValue.includes(x)))) continue;
        const r = e.getBoundingClientRect();
        if (r.width && (r.right > innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1))
            out.push(`${e.tagName}#${e.id}.${e.className}: right ${Math.round(r.right)}, scrollWidth ${e.scrollWidth}`);
    }
    return out;
}"""


def _wide(page) -> tuple[int, int]:
    return tuple(page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]"))


@pytest.mark.parametrize("width,height", WINDOWS, ids=lambda v: str(v))
@pytest.mark.parametrize("name", ["map", "report", "change"])
def test_a_long_name_does_not_widen_the_page(window, pages, name, width, height):
    page = window(pages[name], width, height)
    assert SWAPPABLE in page.content()
    scroll, inner = _wide(page)
    assert scroll <= inner, f"{name}.html is {scroll} px wide in a {inner} px window"
    assert page.evaluate(STICKING_OUT, [IN_CORE, SWAPPABLE]) == []


@pytest.mark.parametrize("width,height", WINDOWS, ids=lambda v: str(v))
def test_report_tables_scroll_in_their_own_box(window, pages, width, height):
    """A table as wide as the long name scrolls inside its .table-scroll box, which stays inside the page."""
    page = window(pages["report"], width, height)
    boxes = page.evaluate("""() => [...document.querySelectorAll('#findings .table-scroll, #tops .table-scroll')]
        .map(e => [e.scrollWidth, e.clientWidth, e.getBoundingClientRect().right, getComputedStyle(e).overflowX])""")
    assert boxes
    assert all(right <= width + 0.5 and overflow == "auto" for _, _, right, overflow in boxes), boxes
    assert any(scroll > client for scroll, client, _, _ in boxes), boxes    # the long name's table scrolls


@pytest.mark.parametrize("width,height", WINDOWS, ids=lambda v: str(v))
def test_map_with_a_long_named_actor_open_stays_in_the_window(window, pages, width, height):
    """Focusing each long-named actor opens its panel (name, what-if, reasons): still no wider page."""
    page = window(pages["map"], width, height)
    for actor in RENAMED:
        assert page.evaluate("id => window.ecosystemMap.focus(id)", actor) is not False
        page.wait_for_function("() => !document.getElementById('details').hidden")
        if page.locator("#whatif-button").count():
            page.click("#whatif-button")
        scroll, inner = _wide(page)
        assert scroll <= inner, f"map.html with {actor} open is {scroll} px wide in a {inner} px window"
        panel = page.evaluate("() => { const e = document.getElementById('details'); return [e.scrollWidth, e.clientWidth]; }")
        assert panel[0] <= panel[1] + 1, panel                              # no sideways scrolling in the panel
