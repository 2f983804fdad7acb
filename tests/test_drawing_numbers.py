"""Everyone can find themselves on paper: the report's target view names the strongest
candidates and numbers every other organisation; the list under the figure gives
number and name (issue 12, point 5).  Checked through the real CLI on the Brabant
example against the actors file read independently with ``csv``.
"""
from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest

from conftest import run_cli
from ecosystem.locale import Locale

ROOT = Path(__file__).resolve().parents[1]
BRABANT = ROOT / "regions" / "brabant"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("numbers")
    result = run_cli("analyse", BRABANT, "--out", out, "--bootstrap", "0", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    return out / "brabant"


@pytest.fixture(scope="module")
def report(folder):
    return (folder / "report.html").read_text(encoding="utf-8")


def _actors() -> list[dict]:
    with open(BRABANT / "actors.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _key(page: str) -> list[tuple[str, list[tuple[int, str]]]]:
    section = page.split('<section class="target-key"', 1)[1].split("</section>", 1)[0]
    groups = re.split(r"<h3>", section)[1:]
    out = []
    for block in groups:
        label = html.unescape(re.sub(r"<[^>]+>", "", block.split("</h3>", 1)[0])).strip()
        rows = [(int(n), html.unescape(name).strip())
                for n, name in re.findall(r'<li><span class="num">(\d+)</span>([^<]*)</li>', block)]
        out.append((label, rows))
    return out


def test_every_actor_is_named_or_numbered_and_listed(report):
    actors = _actors()
    key = _key(report)
    listed = [name for _, rows in key for _, name in rows]
    svg = report.split('<svg class="target"', 1)[1].split("</svg>", 1)[0]
    drawn_numbers = sorted(int(x) for x in re.findall(r'<text class="num"[^>]*>(\d+)</text>', svg))
    key_numbers = sorted(n for _, rows in key for n, _ in rows)
    assert drawn_numbers == key_numbers                       # each number in the figure is in the list, once
    named = [html.unescape(re.sub(r"<[^>]+>", " ", t)) for t in re.findall(r'<text font-size="44"[^>]*>(.*?)</text>', svg)]
    assert len(named) == 3                                    # the three strongest candidates carry names
    assert len(listed) + len(named) == len(actors)
    assert set(listed) <= {a["name"] for a in actors}
    # numbers are 1..n without the named actors' numbers: one number per organisation
    assert len(set(key_numbers)) == len(key_numbers) and set(key_numbers) <= set(range(1, len(actors) + 1))


def test_numbers_follow_group_then_name(report):
    actors = _actors()
    by_name = {a["name"]: a for a in actors}
    previous_max = 0
    for _, rows in _key(report):
        groups = {by_name[name]["group"] for _, name in rows}
        assert len(groups) == 1                               # one heading per group
        numbers = [n for n, _ in rows]
        names = [name for _, name in rows]
        assert numbers == sorted(numbers) and numbers[0] > previous_max
        assert names == sorted(names, key=str.casefold)
        previous_max = numbers[-1]


def test_numbers_match_an_independent_ordering(report):
    """Number k is the k-th actor by (group in sector order, name case-folded, id), computed here from the CSV."""
    from ecosystem.vocab import GROUPS

    actors = _actors()
    present = [g for g in GROUPS if any(a["group"] == g for a in actors)]
    order = sorted(actors, key=lambda a: (present.index(a["group"]), a["name"].casefold(), a["id"]))
    expected = {a["name"]: k for k, a in enumerate(order, start=1)}
    for _, rows in _key(report):
        for number, name in rows:
            assert expected[name] == number


def test_numbers_png_is_written(folder):
    assert (folder / "numbers.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_pngs_number_every_unnamed_actor_without_overlap():
    """map.png and target.png: each actor is named or carries its number; numbers cover no number or label."""
    import matplotlib
    from matplotlib.text import Annotation, Text

    from ecosystem.analysis.pipeline import analyse_region
    from ecosystem.io.region import load_region
    from ecosystem.render import static_png
    from ecosystem import catalogue
    from ecosystem.render.layout import compute_layout
    from ecosystem.vocab import GROUPS

    region = load_region(BRABANT)
    analysis = analyse_region(region, seed=0, bootstrap_samples=0, null_samples=10)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0)
    actors = _actors()
    present = [g for g in GROUPS if any(a["group"] == g for a in actors)]
    order = sorted(actors, key=lambda a: (present.index(a["group"]), a["name"].casefold(), a["id"]))
    number_of = {a["name"]: str(k) for k, a in enumerate(order, start=1)}
    with matplotlib.rc_context(static_png.RC):
        figures = (static_png._map_figure(analysis, layout, Locale("nl"), catalogue.section("report", "nl")),
                   static_png._target_figure(analysis, layout, Locale("nl"), catalogue.section("report", "nl")))
    for fig in figures:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        texts = [t for t in fig.axes[0].texts if isinstance(t, Annotation)]
        numbers = [(t.get_text(), Text.get_window_extent(t, renderer)) for t in texts if t.get_bbox_patch() is None]
        labels = [(t.get_text().replace("\n", " "), t.get_bbox_patch().get_window_extent(renderer))
                  for t in texts if t.get_bbox_patch() is not None]
        named = {name for name in number_of if any(name == text or (text.endswith("…") and name.startswith(text[:-1]))
                                                   for text, _ in labels)}
        assert sorted(n for n, _ in numbers) == sorted(number_of[name] for name in number_of if name not in named)
        boxes = [b for _, b in numbers]
        others = [b for _, b in labels]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:] + others:
                assert not (a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1)


def test_region_pictures_carry_no_numbers_of_their_own(monkeypatch, tmp_path):
    """The slides' region pictures number nobody (as the report's per-region figures): numbered within
    their region, actor 6 of Midden-Brabant would be actor 14 of the legend, which numbers the whole data
    set. target.png of the whole network does carry the numbers; checked on the figures' own texts."""
    from ecosystem import api
    from ecosystem.render import static_png
    from ecosystem.render.layout import actor_numbers, compute_layout

    analysis = api.analyse_loaded(api.load(BRABANT), bootstrap=0, null_samples=2)
    drawn = []
    monkeypatch.setattr(static_png, "_png", lambda fig: drawn.append(fig) or b"")

    def numbers_on(fig) -> set[str]:
        return {t.get_text() for ax in fig.axes for t in ax.texts if t.get_text().isdigit()}
    loc = Locale("nl")
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, analysis.seed)
    static_png.render_png("target_png", analysis, layout, loc, tmp_path)     # its figure reaches _png above
    whole = analysis.network
    legend = actor_numbers(whole.ids, [a.name for a in analysis.region.actors], whole.groups)
    assert numbers_on(drawn[-1]) and numbers_on(drawn[-1]) <= {str(k) for k in legend}
    for name, sub in analysis.extras.by_region.analyses.items():
        static_png.region_target_png(sub, loc)
        assert not numbers_on(drawn[-1]), name
        key = " ".join(" ".join(t.get_text().split()) for t in drawn[-1].texts)
        assert " ".join(loc.t("candidate_badge_png", n=3, legend=loc.t("slide_legend")).split()) not in key    # no line about numbers in its key
    key = " ".join(" ".join(t.get_text().split()) for t in drawn[0].texts)
    assert " ".join(loc.t("candidate_badge_png", n=3, legend=loc.t("slide_legend")).split()) in key              # which target.png's key has
