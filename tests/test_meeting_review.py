"""Issue 12 review fixes, through the real CLI: the map's free-text labels, the slides' legend, seats and
text that fits, the candidates' badges told apart from the legend numbers, and the README's walkthrough."""
from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, run_cli

FAST = ("--bootstrap", "10", "--null-samples", "5")
BRABANT = ROOT / "regions" / "brabant"


@pytest.fixture(scope="module")
def brabant_nl(tmp_path_factory):
    out = tmp_path_factory.mktemp("nl")
    result = run_cli("analyse", BRABANT, "--out", out, "--lang", "nl", *FAST)
    assert result.exit_code == 0, result.output
    return out / "brabant"


@pytest.fixture(scope="module")
def brabant_en(tmp_path_factory):
    out = tmp_path_factory.mktemp("en")
    result = run_cli("analyse", BRABANT, "--out", out, "--lang", "en", *FAST)
    assert result.exit_code == 0, result.output
    return out / "brabant"


def _map_nodes(folder):
    page = (folder / "map.html").read_text(encoding="utf-8")
    block = re.findall(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)[-1]
    return json.loads(block)["payload"]["nodes"]


@pytest.mark.parametrize("lang,labels", [("nl", ("Omschrijving", "Onderbouwing")), ("en", ("Description", "Evidence"))])
def test_map_panel_names_free_text_columns_in_the_readers_language(lang, labels, request):
    folder = request.getfixturevalue(f"brabant_{lang}")
    nodes = _map_nodes(folder)
    keys = {k for n in nodes for k in n["attributes"]}
    assert set(labels) <= keys                       # Brabant's actors.csv has description and evidence
    assert not {"description", "evidence"} & keys     # the raw column headers are gone
    gem = next(n for n in nodes if n["id"] == "gem_breda")
    assert gem["attributes"][labels[0]].startswith("Centrumgemeente arbeidsmarktregio West-Brabant")


# --------------------------------------------------------------------------- candidates' badges vs legend numbers
def _svg_texts(page: str) -> tuple[list[str], list[str]]:
    """(plain numbers, candidate labels) of the report's main target view."""
    svg = re.search(r"<svg[^>]*>.*?</svg>", page[page.index('class="ring core-ring"') - 3000:], re.S).group(0)
    numbers = re.findall(r'<text class="num"[^>]*>([^<]*)</text>', svg)
    labels = ["".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", m))
              for m in re.findall(r'<text font-size="[^"]*" font-weight="700"[^>]*class="halo">(.*?)</text>', svg)]
    return numbers, labels


@pytest.mark.parametrize("lang,letter", [("nl", "K"), ("en", "C")])
def test_candidate_marks_differ_from_legend_numbers(lang, letter, request):
    import html

    folder = request.getfixturevalue(f"brabant_{lang}")
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    top = summary["orchestrators"][:3]
    page = (folder / "report.html").read_text(encoding="utf-8")
    numbers, labels = _svg_texts(page)
    assert numbers and all(n.isdigit() for n in numbers)          # every other actor: a plain number
    assert len(labels) == 3
    # the three candidates: 'K1 name' (nl) / 'C1 name' (en), never a bare '1.' that reads as legend number 1
    for cand, label in zip(top, labels):
        assert html.unescape(label).startswith(f"{letter}{cand['rank']} ")
        assert html.unescape(label)[3:].replace(" ", "") in cand["name"].replace(" ", "")
    assert not any(re.match(r"\d", html.unescape(x)) for x in labels)
    assert f"{letter}1-{letter}3" in page                           # the caption says what the letter means


@pytest.mark.parametrize("lang,letter", [("nl", "K"), ("en", "C")])
def test_png_badges_carry_the_letter_and_the_key_says_so(lang, letter, request):
    """map.png and target.png as render_pngs draws them for analyse: badges K1-K3 / C1-C3, the key lists them."""
    import matplotlib
    from matplotlib.text import Annotation

    from ecosystem.analysis.pipeline import analyse_region
    from ecosystem.io.region import load_region
    from ecosystem.render import static_png
    from ecosystem.render.i18n_report import strings
    from ecosystem.render.layout import compute_layout

    region = load_region(BRABANT)
    analysis = analyse_region(region, seed=0, bootstrap_samples=0, null_samples=5)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0)
    top = [region.actors[v].name for v in analysis.candidates[:3]]
    with matplotlib.rc_context(static_png.RC):
        figures = (static_png._map_figure(analysis, layout, lang, strings(lang)),
                   static_png._target_figure(analysis, layout, lang, strings(lang)))
    for fig in figures:
        fig.canvas.draw()
        badges = sorted(t.get_text() for t in fig.axes[0].texts
                        if isinstance(t, Annotation) and t.get_bbox_patch() is not None
                        and re.fullmatch(r"[A-Z]?\d+", t.get_text()))
        assert badges == [f"{letter}1", f"{letter}2", f"{letter}3"]
        key = "\n".join(t.get_text() for t in fig.texts)
        for rank, name in enumerate(top, start=1):
            assert f"{letter}{rank} {name.split()[0]}" in key
        assert f"{letter}1-{letter}3" in key
