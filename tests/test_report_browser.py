"""Real-browser checks of the printable report (system Chromium via Playwright).

The ``browser_page`` fixture (tests/browser.py) blocks every request other than
file:/data:/blob:/about: and fails the test on any console error, page error or
dialog.  Without Chromium the tests are skipped, unless ECOSYSTEM_REQUIRE_BROWSER=1.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import REPO_ROOT
from ecosystem.locale import Locale
from ecosystem.analysis.pipeline import analyse_region
from ecosystem.io.region import load_region
from ecosystem.render.layout import compute_layout
from ecosystem.render.report_html import render_report

ARTIFACTS = REPO_ROOT / "test-artifacts"
A4_CONTENT_PX = 680          # 210 mm - 2 x 15 mm margin = 180 mm at 96 px/inch


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    region = load_region(REPO_ROOT / "regions" / "brabant")
    analysis = analyse_region(region, seed=0, bootstrap_samples=10, null_samples=10)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0)
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_report(analysis, layout, Locale("nl")), encoding="utf-8")
    return path


def test_report_opens_offline_without_errors(browser_page, report_file):
    page = browser_page.open(report_file)
    assert page.title().startswith("Rapport LLO-ecosysteem")
    assert page.locator("p.note").is_visible()
    assert page.locator("svg.target circle").count() > 80
    # the target view: the core actors inside the drawn core ring, the others outside it
    geo = page.evaluate("""() => {
        const svg = document.querySelector('svg.target'), num = (c, a) => Number(c.getAttribute(a));
        const dist = c => Math.hypot(num(c, 'cx'), num(c, 'cy'));
        return {ring: num(svg.querySelector('circle.core-ring'), 'r'),
                core: [...svg.querySelectorAll('circle.actor.core')].map(dist),
                periphery: [...svg.querySelectorAll('circle.actor:not(.core)')].map(dist)};
    }""")
    assert geo["core"] and geo["periphery"]
    assert max(geo["core"]) < geo["ring"] < min(geo["periphery"])
    assert page.locator("svg.chart").count() == 3          # share in core, steering mix, coreness
    # nothing wider than the window on a normal screen
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    browser_page.assert_clean()
    shot = browser_page.screenshot("report.png", full_page=True)
    assert shot.exists() and shot.stat().st_size > 10_000
    assert not [u for u in browser_page.requests if not u.startswith(("file:", "data:", "about:", "blob:"))]


def test_report_prints_to_a4_without_cut_off_tables(browser_page, report_file):
    page = browser_page.open(report_file)
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
    page.emulate_media(media="print")
    too_wide = page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('table, svg, figure, .card')]
          .filter(el => el.getBoundingClientRect().right > width + 1 || el.scrollWidth > el.clientWidth + 1)
          .map(el => el.tagName + '.' + (el.className.baseVal ?? el.className));
    }""")
    assert too_wide == [], f"cut off on A4: {too_wide}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf_path = ARTIFACTS / "report.pdf"
    page.pdf(path=str(pdf_path), format="A4", print_background=True)
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    assert pages >= 1
    browser_page.assert_clean()
