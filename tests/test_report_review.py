"""A review of report.html and the terminal found sentences claiming more than was measured and parts of the
report a reader could not reach; each fix is checked here through the real CLI on the Brabant example.

The facts are recomputed from the input (relations.csv) and the tool's data files (actors.csv, the map's
payload): who sits at how many of the core's governance tables, which key groups fall under half their
proportional share of the core, the coreness histogram, the map's names and numbers of each measure.
"""
from __future__ import annotations

import csv
import html
import json
import re

import pytest

from conftest import ROOT, core_tables_by_hand, run_cli
from ecosystem import catalogue
from ecosystem.i18n import group_label, join_words, t
from ecosystem.vocab import GROUPS

BRABANT = ROOT / "regions" / "brabant"
FAST = ("--bootstrap", "20", "--null-samples", "5", "--seed", "0")
KEY_GROUPS = ("workers", "employers", "government", "education")


@pytest.fixture(scope="module")
def brabant(tmp_path_factory):
    """Per language: the terminal's text and the output folder of ``analyse regions/brabant``."""
    runs = {}
    for lang in ("nl", "en"):
        out = tmp_path_factory.mktemp(lang)
        result = run_cli("analyse", BRABANT, "--out", out, "--lang", lang, *FAST)
        assert result.exit_code == 0, result.output
        runs[lang] = (result.output, out / "brabant")
    return runs


def _actors(folder) -> list[dict]:
    with open(folder / "actors.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _groups_under_half_their_share(folder) -> list[str]:
    """Key groups with no core member or a core share under half the core's share of all actors (methods §6)."""
    rows = _actors(folder)
    overall = sum(r["core"] == "True" for r in rows) / len(rows)
    out = []
    for g in KEY_GROUPS:
        members = [r for r in rows if r["group"] == g]
        in_core = sum(r["core"] == "True" for r in members)
        if members and (in_core == 0 or in_core / len(members) < 0.5 * overall):
            out.append(g)
    return out


def _names(groups, lang) -> str:
    return join_words([group_label(g, lang).lower() for g in groups], lang)


def _text(fragment: str) -> str:
    """Visible words of an HTML fragment, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


# --------------------------------------------------------------------------- 1. the rule behind 'a seat'


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_seat_sentence_states_the_rule_it_applies(brabant, lang):
    """'Sleutelgroepen zonder plek aan tafel: onderwijs' stood beside onderwijs at 3 of the core's 15 tables, and
    'aandeel herhalingen waarin een sleutelgroep geen plek in de kern heeft: werkgevers 100%' beside werkgevers'
    one core member: each sentence now says the rule that decided it, in the one wording of that rule."""
    text, folder = brabant[lang]
    lines = text.splitlines()
    report = (folder / "report.html").read_text(encoding="utf-8")
    share_rule = t("rule_core_share", lang)

    # under half their proportional share of the core: the seat sentence names exactly those groups
    peripheral = _groups_under_half_their_share(folder)
    assert set(peripheral) == {"workers", "employers", "education"}      # werkgevers: 1 of 14 in a core of 25 of 86
    seat = t("summary_peripheral", lang, rule=share_rule, groups=_names([g for g in GROUPS if g in peripheral], lang))
    assert seat in lines
    # the resampled line: the same rule (a group with one core member has a seat, but under half its share)
    doubt = [line for line in lines if share_rule in line and line.startswith("  ")]
    assert len(doubt) == 1 and doubt[0].startswith(t("stability_groups", lang, rule=share_rule, groups=""))

    # at fewer than half of the core's governance tables: the diagnosis sentence, with the counts by hand
    present, n_tables = core_tables_by_hand(BRABANT, {r["id"] for r in _actors(folder) if r["core"] == "True"})
    without = [g for g in KEY_GROUPS if present[g] < 0.5 * n_tables]
    assert without == ["education"] and present["education"] == 3 and n_tables == 15
    rule = t("rule_tables", lang, tables=t("diag_tables_many", lang, n=n_tables))
    agency = t("diag_agency_attention", lang, rule=rule[:1].upper() + rule[1:], groups=join_words(
        [t("diag_agency_at", lang, group=group_label(g, lang).lower(), present=present[g]) for g in without], lang))
    assert any(line.endswith(agency) for line in lines)
    # the regions side by side: the row says the same rule, with the tables uncounted (their number differs)
    header = catalogue.section("region", lang)["without_seat"].format(
        rule=t("rule_tables", lang, tables=t("tables_uncounted", lang)))
    row = re.search(r'<th scope="row">' + re.escape(html.escape(header, quote=True)) + r"</th>", report)
    assert row, header
    # the report's seat card carries both rules, each in its sentence
    card = _text(report[report.index('<span class="num">3</span>'):report.index('<span class="num">4</span>')])
    assert seat in card and agency in card


def test_each_seat_rule_is_worded_once_in_the_catalogue():
    """One wording per rule: only rule_core_share says 'proportional share', only rule_tables 'fewer than half of';
    every sentence that applies a rule fills in that key."""
    marks = {"rule_core_share": {"nl": r"evenredig deel", "en": r"proportional share"},
             "rule_tables": {"nl": r"minder dan de helft van (?!hun)", "en": r"fewer than half of"}}
    for key, words in marks.items():
        for lang, mark in words.items():
            holders = [k for k, texts in catalogue.CATALOGUE.items() if re.search(mark, texts[lang].lower())]
            assert holders == [key], (lang, mark, holders)


# --------------------------------------------------------------------------- 2. the caption's list


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_target_caption_links_to_its_list_where_it_says(brabant, lang):
    """'De lijst onder de figuur geeft de naam' pointed at a list eight sections further on: the caption links
    to it by id, names it by its heading, and the list opens the appendix, as the caption says."""
    _, folder = brabant[lang]
    report = (folder / "report.html").read_text(encoding="utf-8")
    target = report[report.index('<section id="target"'):]
    caption = target[target.index("<figcaption>"):target.index("</figcaption>")]
    link = re.search(r'<a href="#target-numbers">(.*?)</a>', caption)
    assert link, caption
    heading = re.search(r'<section[^>]*id="target-numbers"[^>]*>\s*<h2[^>]*>(.*?)</h2>', report, re.S)
    assert heading and _text(heading.group(1)) == _text(link.group(1))
    appendix = report[report.index('<div id="appendix"'):]
    assert appendix.index('id="target-numbers"') < appendix.index("<section") + 60      # its first section
    numbers = re.findall(r'<text class="num"[^>]*>(\d+)</text>', target[:target.index("</svg>")])
    listed = re.findall(r'<li><span class="num">(\d+)</span>', report[report.index('id="target-numbers"'):])
    assert numbers and set(numbers) <= set(listed)


# --------------------------------------------------------------------------- 3. the charts' numbers as text


def _outside_svg(fragment: str) -> str:
    """The fragment without its <svg> elements (role="img" hides their text from a screen reader)."""
    return re.sub(r"<svg\b.*?</svg>", "", fragment, flags=re.S)


def _rows(fragment: str) -> list[list[str]]:
    return [[_text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", fragment, re.S)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_charts_carry_their_numbers_as_text(brabant, lang):
    """The coreness histogram and the share-in-core chart were named only ('Verdeling van de kernscore'): their
    numbers (38, 18, 5, ...; 'Intermediairs 20/28') now stand as text outside the image, counted here from
    actors.csv."""
    _, folder = brabant[lang]
    report = (folder / "report.html").read_text(encoding="utf-8")
    rows = _actors(folder)

    hist = report[report.index('<section id="coreness"'):]
    hist = _outside_svg(hist[:hist.index("</section>")])
    bins = [[0, 0] for _ in range(10)]
    for r in rows:
        b = min(int(float(r["coreness"]) * 10 + 1e-9), 9)
        bins[b][r["core"] != "True"] += 1
    shown = [r for r in _rows(hist) if len(r) == 4][1:]          # the header row aside
    assert [[int(x) for x in r[1:]] for r in shown] == [[c, p, c + p] for c, p in bins]
    assert [r[0] for r in shown][:2] == (["0,0–0,1", "0,1–0,2"] if lang == "nl" else ["0.0–0.1", "0.1–0.2"])

    card = report[report.index('<span class="num">3</span>'):report.index('<span class="num">4</span>')]
    figure = _outside_svg(card[card.index("<figure>"):card.index("</figure>")])
    expected = {}
    for r in rows:
        label = group_label(r["group"], lang)
        actors, in_core = expected.get(label, (0, 0))
        expected[label] = (actors + 1, in_core + (r["core"] == "True"))
    table = {r[0]: (int(r[1]), int(r[2])) for r in _rows(figure) if len(r) == 4 and r[1].isdigit()}
    assert table == expected
    assert table[group_label("intermediaries", lang)] == (28, 20) and table[group_label("other", lang)] == (8, 0)


# --------------------------------------------------------------------------- 4. one name per measure


def _map_payload(folder) -> dict:
    page = (folder / "map.html").read_text(encoding="utf-8")
    return json.loads(re.findall(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)[-1])


def report_tops(report: str) -> dict[str, list[tuple[str, str]]]:
    """The report's top tables: title -> [(organisation, value)]."""
    tops = report[report.index('<section id="tops"'):report.index('<section id="layers"')]
    out = {}
    for title, body in re.findall(r"<h3>(.*?)</h3>(.*?)</table>", tops, re.S):
        out[_text(title)] = [(r[1], r[3]) for r in _rows(body) if len(r) == 5 and r[0].isdigit()]
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_report_names_each_measure_as_the_map_does(brabant, lang):
    """Betweenness was 'Makelaarspositie' in the report and 'Tussenpositie' on the map: every measure the report
    ranks carries the map's label for it."""
    _, folder = brabant[lang]
    labels = _map_payload(folder)["payload"]["metric_labels"]
    tops = report_tops((folder / "report.html").read_text(encoding="utf-8"))
    assert {labels["degree"], labels["betweenness"], labels["coreness"], labels["orchestrator_score"]} == set(tops)


# --------------------------------------------------------------------------- 5. the contents


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_contents_list_every_section_in_order(brabant, lang):
    """The contents left out five sections (key players, regions side by side, the numbers' list, the coreness
    chart, the terms): every section with a heading of its own now has an entry, in the page's order."""
    _, folder = brabant[lang]
    report = (folder / "report.html").read_text(encoding="utf-8")
    sections = [(sid, _text(h)) for sid, h in
                re.findall(r'<section\b[^>]*\bid="([^"]+)"[^>]*>\s*<h2[^>]*>(.*?)</h2>', report, re.S)]
    nav = report[report.index('<nav class="toc"'):report.index("</nav>")]
    entries = [(href, _text(label)) for href, label in re.findall(r'<a href="#([^"]+)">(.*?)</a>', nav, re.S)]
    assert len(sections) >= 11 and entries == sections


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_report_writes_each_measure_as_the_map_does(brabant, lang, browser_page):
    """Betweenness read '21%' in the report and '0,21' on the map, coreness '1,00' and '1': every value in the
    report's top tables is the map payload's value for that organisation as the map's panel formats it
    (static/map/data.js fmtNumber: the browser's Intl.NumberFormat, at most two decimals)."""
    _, folder = brabant[lang]
    data = _map_payload(folder)
    labels, nodes = data["payload"]["metric_labels"], data["payload"]["nodes"]
    tops = report_tops((folder / "report.html").read_text(encoding="utf-8"))
    page = browser_page.open(folder / "report.html")
    for key in ("degree", "betweenness", "coreness"):
        by_name = {n["name"]: n["metrics"][key] for n in nodes}
        rows = tops[labels[key]]
        values = [by_name[html.unescape(name)] for name, _ in rows]
        shown = page.evaluate("""([locale, values]) => {
            const nf = new Intl.NumberFormat(locale, {maximumFractionDigits: 2});
            const whole = new Intl.NumberFormat(locale, {maximumFractionDigits: 0});
            return values.map(v => Number.isInteger(v) ? whole.format(v) : nf.format(v));
        }""", [data["ui"]["number_locale"], values])
        assert [value for _, value in rows] == shown, key
    browser_page.assert_clean()


def test_a_screen_reader_reads_the_charts_numbers(brabant, browser_page):
    """In the accessibility tree (what a screen reader reads) each chart gives its numbers, not only its name."""
    _, folder = brabant["nl"]
    page = browser_page.open(folder / "report.html")
    hist = page.locator("#coreness figure").aria_snapshot()
    assert re.search(r'rowheader "0,0–0,1"', hist) and re.search(r'cell "38"', hist), hist
    groups = page.locator(".seat-grid figure").aria_snapshot()
    assert re.search(r'rowheader "Intermediairs".*\n.*cell "28"\n.*cell "20"', groups), groups
    assert re.search(r'rowheader "Overig".*\n.*cell "8"\n.*cell "0"', groups), groups
    browser_page.assert_clean()
