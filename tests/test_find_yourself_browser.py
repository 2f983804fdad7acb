"""Issue 12 point 5 in the browser: the map's search finds the right actor, and every term is explained.

The map is written by the real CLI. The expected order of search matches comes from an
independent ranking written here with Python regular expressions (whole name, whole word,
start of a word, anywhere; ties alphabetical), never from the page's own code; the
expected explanations come from the report the same CLI run wrote.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import run_cli, write_region

ACTORS = [
    {"id": "gem", "name": "Gemeente Enschede", "group": "overheid"},
    {"id": "bib", "name": "Bibliotheek Enschede", "group": "onderwijs"},
    {"id": "ew", "name": "Enschedese Werkgevers", "group": "werkgevers"},
    {"id": "zz", "name": "Zuidenschede Zorg", "group": "overig"},
    {"id": "roc", "name": "ROC van Twente", "group": "onderwijs"},
    {"id": "fnv", "name": "FNV Twente", "group": "werkenden"},
    {"id": "uwv", "name": "UWV Twente", "group": "intermediairs"},
    {"id": "hen", "name": "Gemeente Hengelo", "group": "overheid"},
]
RELATIONS = [
    {"source": "gem", "target": "uwv", "type": "bestuur", "weight": "3"},
    {"source": "gem", "target": "roc", "type": "bestuur", "weight": "2"},
    {"source": "gem", "target": "fnv", "type": "bestuur", "weight": "1"},
    {"source": "gem", "target": "ew", "type": "bestuur", "weight": "2"},
    {"source": "uwv", "target": "roc", "type": "samenwerking", "weight": "2"},
    {"source": "uwv", "target": "ew", "type": "samenwerking", "weight": "1"},
    {"source": "roc", "target": "bib", "type": "samenwerking", "weight": "1"},
    {"source": "zz", "target": "uwv", "type": "levering", "weight": "1"},
    {"source": "hen", "target": "gem", "type": "samenwerking", "weight": "2"},
    {"source": "hen", "target": "uwv", "type": "financiering", "weight": "1"},
    {"source": "gem", "target": "uwv", "type": "financiering", "weight": "2"},   # a second relation on one pair
]


def expected_matches(query: str) -> list[str]:
    """Names containing ``query``, ranked: whole name, whole word, start of a word, anywhere; then alphabetical."""
    q = re.escape(query.strip().lower())

    def rank(name: str) -> int | None:
        low = name.lower()
        if low == query.strip().lower():
            return 0
        if re.search(rf"(?<!\w){q}(?!\w)", low):
            return 1
        if re.search(rf"(?<!\w){q}", low):
            return 2
        return 3 if re.search(q, low) else None

    found = [(rank(a["name"]), a["name"]) for a in ACTORS if rank(a["name"]) is not None]
    return [name for _, name in sorted(found)]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("find")
    region = write_region(tmp / "twente", ACTORS, RELATIONS)
    result = run_cli("analyse", region, "--out", tmp / "out", "--bootstrap", "0", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    return tmp / "out" / "twente"


def focused(page) -> str | None:
    return page.evaluate("window.ecosystemMap.focusedId()")


def test_search_lists_matches_ranked_and_keyboard_usable(browser_page, outputs):
    page = browser_page.open(outputs / "map.html")
    expected = expected_matches("Enschede")
    assert expected[:3] == ["Bibliotheek Enschede", "Gemeente Enschede", "Enschedese Werkgevers"]  # the oracle itself
    page.fill("#search", "Enschede")
    page.press("#search", "Enter")
    # several matches: no jump to the first alphabetical one, but the list, best first, announced
    assert focused(page) is None
    assert page.locator("#search-results").is_visible()
    assert page.locator("#search-results button").all_inner_texts() == expected
    assert page.locator("#search-msg").get_attribute("aria-live") == "polite"
    assert page.locator("#search-msg").inner_text() == f"{len(expected)} actoren gevonden; kies er een:"
    # keyboard only: arrow down into the list, down again, Enter picks "Gemeente Enschede"
    page.press("#search", "ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == expected[1]
    page.keyboard.press("Enter")
    assert focused(page) == "gem"
    assert page.locator("#details-name").inner_text() == "Gemeente Enschede"
    assert not page.locator("#search-results").is_visible()

    # the whole name goes straight there, although it also matches others
    page.fill("#search", "enschedese werkgevers")
    page.press("#search", "Enter")
    assert focused(page) == "ew"
    # exactly one match goes straight there
    assert expected_matches("Hengelo") == ["Gemeente Hengelo"]
    page.fill("#search", "Hengelo")
    page.press("#search", "Enter")
    assert focused(page) == "hen"
    assert not page.locator("#search-results").is_visible()
    browser_page.assert_clean()


class _Glossary(HTMLParser):
    """The report's glossary section as {term: explanation}."""

    def __init__(self):
        super().__init__()
        self.inside, self.tag, self.term, self.terms = False, None, None, {}

    def handle_starttag(self, tag, attrs):
        if tag == "section" and dict(attrs).get("id") == "glossary":
            self.inside = True
        self.tag = tag

    def handle_endtag(self, tag):
        if tag == "section":
            self.inside = False
        self.tag = None

    def handle_data(self, data):
        if not self.inside or not data.strip():
            return
        if self.tag == "dt":
            self.term = data.strip()
        elif self.tag == "dd" and self.term:
            self.terms[self.term] = data.strip()


def test_panel_terms_explained_on_focus_and_in_report_glossary(browser_page, outputs):
    parser = _Glossary()
    parser.feed((outputs / "report.html").read_text(encoding="utf-8"))
    glossary = parser.terms
    assert "Eigenvector" in glossary and "k-kern" in glossary, glossary

    page = browser_page.open(outputs / "map.html")
    assert page.evaluate("window.ecosystemMap.focus('gem')")
    terms = page.locator("#details .term")
    count = terms.count()
    assert count >= 10     # core, orchestrator and the ten panel measures at least
    shown = []
    for k in range(count):
        term = terms.nth(k)
        label = term.evaluate("e => e.firstChild.textContent")
        shown.append(label)
        tip = page.locator("#" + term.get_attribute("aria-describedby"))
        assert not tip.is_visible()
        term.focus()                                  # keyboard focus shows the explanation
        assert tip.is_visible(), label
        assert tip.inner_text() == glossary[label]    # the same line as the report's glossary
        page.keyboard.press("Escape")                 # Escape dismisses it, the panel stays open
        assert not tip.is_visible()
        assert page.locator("#details").is_visible()
    assert set(shown) <= set(glossary), set(shown) - set(glossary)
    for label in ("Eigenvector", "k-kern", "Sterkte", "Nabijheid", "Tussenpositie", "Kernscore", "Orkestratorscore"):
        assert label in shown
    # hover shows it too
    first = terms.nth(0)
    first.hover()
    assert page.locator("#" + first.get_attribute("aria-describedby")).is_visible()
    browser_page.assert_clean()
