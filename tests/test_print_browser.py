"""Printing (issue 12.6), through the real CLI and system Chromium: report.html's first A4 page is a
self-contained summary for the wethouder and the appendix starts on page 2; map.html prints on one
landscape page. Text per printed page is read back with pypdf.
"""
from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from browser import REPO_ROOT
from conftest import FIXTURES, run_cli
from ecosystem import catalogue

ARTIFACTS = REPO_ROOT / "test-artifacts"
REGIONS = {"brabant": REPO_ROOT / "regions" / "brabant", "small": FIXTURES / "small"}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module", params=[("brabant", "nl"), ("small", "en")], ids=lambda p: f"{p[0]}-{p[1]}")
def outputs(request, tmp_path_factory):
    name, lang = request.param
    out = tmp_path_factory.mktemp("print")
    result = run_cli("analyse", REGIONS[name], "--out", out, "--lang", lang, "--bootstrap", "20",
                     "--null-samples", "10")
    assert result.exit_code == 0, result.output
    folder = out / REGIONS[name].name
    return folder, lang, json.loads((folder / "summary.json").read_text(encoding="utf-8"))


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def test_report_page_one_is_the_summary(browser_page, outputs):
    folder, lang, summary = outputs
    s = catalogue.section("report", lang)
    page = browser_page.open(folder / "report.html")
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"report-print-{folder.name}-{lang}.pdf").write_bytes(pdf)
    pages = _pages(pdf)
    assert len(pages) >= 2
    first, second = _flat(pages[0]), _flat(pages[1])
    # Page 1: the title, the headlines, the target view and how sure, all of it, and nothing of the appendix.
    for heading in (s["onepage"], s["target"], s["f_sure"]):
        assert _flat(heading) in first, heading
    for cand in summary["orchestrators"][:3]:
        assert _flat(cand["name"]) in first, cand["name"]
    if summary["stability"]:
        top = summary["stability"]["top_orchestrator"]["id"]
        top_name = next(c["name"] for c in summary["orchestrators"] if c["id"] == top)
        # the last summary line (the verdict or the top candidate's stability) is still on page 1
        assert _flat(top_name) in first
    assert _flat(s["appendix"]).lower() not in first.lower() and _flat(s["findings"]) not in first
    # The appendix starts at the top of page 2.
    assert second.lower().startswith(_flat(s["appendix"]).lower()), second[:80]   # (shown in capitals)
    browser_page.assert_clean()


def test_map_prints_on_one_landscape_page(browser_page, outputs):
    folder, _, summary = outputs
    page = browser_page.open(folder / "map.html")
    page.wait_for_function("() => document.body.dataset.ready === '1' || document.readyState === 'complete'")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height), "page is not landscape"
    assert _flat(summary["region"]) in _flat(reader.pages[0].extract_text() or "")
    browser_page.assert_clean()
