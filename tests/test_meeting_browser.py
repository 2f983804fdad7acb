"""Issue 12 in the browser: the map's arbeidsmarktregio filter and "Wat als deze organisatie wegvalt?".

The map is written by the real CLI; the expected sets come from the CSV rows (region column) and
from networkx components (test_whatif's oracle), never from the page's own payload.
"""
from __future__ import annotations

from conftest import run_cli, write_region
from test_whatif import ACTORS, RELATIONS, cut_off, graph

REGIONS = {"gem": "Twente|Achterhoek", "uwv": "Twente", "lwl": "Twente", "vno": "Achterhoek", "mkb": "Achterhoek",
           "fnv": "Achterhoek", "roc": "Twente", "oo": "Twente", "prov": "Twente|Achterhoek"}


def test_region_filter_and_whatif_panel(browser_page, tmp_path):
    actors = [{**a, "region": REGIONS[a["id"]]} for a in ACTORS]
    region = write_region(tmp_path / "stad", actors, RELATIONS)
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    page = browser_page.open(tmp_path / "out" / "stad" / "map.html")
    assert page.locator("#region-select option").all_inner_texts() == ["Alle regio's", "Achterhoek", "Twente"]
    page.select_option("#region-select", "Achterhoek")
    in_region = sum("Achterhoek" in r.split("|") for r in REGIONS.values())
    assert page.evaluate("window.ecosystemMap.visibleNodeCount()") == in_region
    page.select_option("#region-select", "")
    assert page.evaluate("window.ecosystemMap.visibleNodeCount()") == len(ACTORS)

    names = {a["id"]: a["name"] for a in ACTORS}
    for actor in ("lwl", "uwv"):
        assert page.evaluate(f"window.ecosystemMap.focus('{actor}')")
        button = page.locator("#whatif-button")
        assert button.inner_text() == "Wat als deze organisatie wegvalt?"
        assert not page.locator("#whatif-result").is_visible()
        button.click()
        assert page.locator("#whatif-result").is_visible()
        lost = cut_off(graph(), graph(without={actor}))
        shown = page.locator("#whatif-result li").all_inner_texts()
        assert sorted(shown) == sorted(names[v] for v in lost)
        if not lost:
            assert "Niemand raakt los van het grootste deel van het netwerk" in page.locator("#whatif-result").inner_text()
    browser_page.assert_clean()
