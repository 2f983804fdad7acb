"""Issue 12 review fixes, through the real CLI: the map's free-text labels, the slides' legend, seats and
text that fits, the candidates' badges told apart from the legend numbers, and the README's walkthrough."""
from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, core_tables_by_hand, run_cli

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


@pytest.fixture(scope="module")
def long_nl(tmp_path_factory):
    """40 organisations with long names and a long note in region.toml (two arbeidsmarktregio's)."""
    out = tmp_path_factory.mktemp("long")
    result = run_cli("analyse", ROOT / "tests" / "fixtures" / "long_names", "--out", out, "--lang", "nl",
                     "--bootstrap", "20", "--null-samples", "5")
    assert result.exit_code == 0, result.output
    return out / "long_names"


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
    """map.png and target.png as render_pngs draws them (the pictures analyse writes): badges K1-K3 / C1-C3, the key lists them."""
    import matplotlib
    from matplotlib.text import Annotation

    from ecosystem.analysis.pipeline import analyse_region
    from ecosystem.io.region import load_region
    from ecosystem.locale import Locale
    from ecosystem.render import static_png
    from ecosystem.render.layout import compute_layout

    region = load_region(BRABANT)
    analysis = analyse_region(region, seed=0, bootstrap_samples=0, null_samples=5)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0)
    top = [region.actors[v].name for v in analysis.candidates[:3]]
    with matplotlib.rc_context(static_png.RC):
        loc = Locale(lang)
        figures = (static_png._map_figure(analysis, layout, loc, loc.section("report")),
                   static_png._target_figure(analysis, layout, loc, loc.section("report")))
    # One drawing for the files and the deck (slides.pptx embeds the files): the key names both places
    # where the numbers' names are, numbers.png and the deck's legend slides.
    for fig in figures:
        key = " ".join(" ".join(x.get_text() for x in fig.texts).split())
        assert "numbers.png" in key and loc.t("slide_legend") in key
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


# --------------------------------------------------------------------------- slides.pptx
def _deck(folder):
    from pptx import Presentation

    prs = Presentation(str(folder / "slides.pptx"))
    return prs, [(slide.shapes.title.text, [sh for sh in slide.shapes if sh.has_text_frame and sh != slide.shapes.title])
                 for slide in prs.slides]


def _report_key(page: str) -> dict[int, str]:
    import html

    section = page[page.index('id="target-numbers"'):]
    section = section[:section.index("</section>")]
    return {int(n): html.unescape(name) for n, name in re.findall(r'<li><span class="num">(\d+)</span> ([^<]*)</li>',
                                                                   section)}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_slides_legend_lists_every_number_as_the_report(lang, request):
    from ecosystem.i18n import t

    folder = request.getfixturevalue(f"brabant_{lang}")
    _, deck = _deck(folder)
    legend = [(title, boxes) for title, boxes in deck if title.startswith(t("slide_legend", lang))]
    assert len(legend) >= 2, "86 organisations do not fit one slide: the legend goes on"
    assert [title for title, _ in legend][-1].endswith(f"({len(legend)}/{len(legend)})")
    titles = [title for title, _ in deck]
    assert titles.index(legend[0][0]) == 3            # right after the target view and the network map
    rows = {}
    for _, boxes in legend:
        for box in boxes:
            for line in box.text_frame.text.splitlines():
                m = re.fullmatch(r"(\d+)  (.+)", line)
                if m:
                    assert int(m.group(1)) not in rows
                    rows[int(m.group(1))] = m.group(2)
    names = [row.split(",")[1] for row in (folder / "actors.csv").read_text(encoding="utf-8").splitlines()[1:]]
    assert sorted(rows) == list(range(1, len(names) + 1))    # every organisation once, numbers 1..n
    # the same number -> organisation as the report's key under the target view (which leaves out the named)
    key = _report_key((folder / "report.html").read_text(encoding="utf-8"))
    assert key and all(rows[n] == name for n, name in key.items())
    assert len(key) == len(names) - 3


def _without_table_by_hand(folder) -> list[str]:
    """Key groups at fewer than half of the core's governance tables, from the CSV rows (methods.md §11):
    a table is an actor with governance relations to three or more others, plus those partners."""
    core = set(json.loads((folder / "summary.json").read_text(encoding="utf-8"))["core"])
    present, n = core_tables_by_hand(BRABANT, core)
    return [g for g, k in present.items() if k / n < 0.5], n


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_slides_seat_slide_says_who_has_no_seat_at_the_table(lang, request):
    from ecosystem.catalogue import section
    from ecosystem.i18n import group_label, t

    folder = request.getfixturevalue(f"brabant_{lang}")
    _, deck = _deck(folder)
    text = next("\n".join(b.text_frame.text for b in boxes) for title, boxes in deck if title == section("report", lang)["f_seat"])
    without, total = _without_table_by_hand(folder)
    assert without, "in the Brabant example education sits at fewer than half of the core's tables"
    # the diagnosis's sentence, the one wording of the rule (rule_tables), with the count by hand
    rule = t("rule_tables", lang, tables=t("diag_tables_many", lang, n=total))
    line = next(x for x in text.splitlines() if x.startswith(rule[:1].upper() + rule[1:] + ":"))
    assert all(group_label(g, lang).lower() in line for g in without)
    for g in ("workers", "employers", "government", "education"):
        line = next(x for x in text.splitlines() if x.startswith(group_label(g, lang) + ":"))
        assert f" {total} " in line                    # 'aan N van de 15 bestuurlijke tafels van de kern'


def _estimated_bottom(box) -> float:
    """Where a text box's text ends (points from the slide's top), estimated conservatively: 0.6 em per
    character, lines 1.2 em apart, the box's insets, each paragraph's space after."""
    import math

    width = box.width / 12700 - 14.4
    bottom = box.top / 12700 + 7.2
    for paragraph in box.text_frame.paragraphs:
        sizes = [r.font.size.pt for r in paragraph.runs if r.font.size is not None] or [18.0]
        size = max(sizes)
        per_line = max(1, int(width / (0.6 * size)))
        lines = max(1, math.ceil(len(paragraph.text) / per_line))
        space = paragraph.space_after.pt if paragraph.space_after is not None else 0.0
        bottom += lines * 1.2 * size + space
    return bottom


@pytest.mark.parametrize("deck", ["brabant_nl", "brabant_en", "long_nl"])
def test_slides_no_text_box_overflows_its_box(deck, request):
    """Every text box, the title slide's title and subtitle and every heading too, holds its text by the
    conservative estimate (the long region's note and 'Netwerk <long name>' did not at 18 and 32 pt)."""
    folder = request.getfixturevalue(deck)
    prs, _ = _deck(folder)
    checked = 0
    for slide in prs.slides:
        for box in slide.shapes:
            if box.has_text_frame and box.text_frame.text:
                assert _estimated_bottom(box) <= (box.top + box.height) / 12700, box.text_frame.text[:80]
                checked += 1
    assert checked >= 20
    if deck.startswith("brabant"):
        # the core and the candidates with their reasons (some 3,400 characters) go on to a second slide
        from ecosystem.catalogue import section

        titles = [title for title, _ in _deck(folder)[1]]
        assert len([x for x in titles if x.startswith(section("slides", deck[-2:])["core_and_orch"])]) == 2


@pytest.mark.parametrize("deck", ["brabant_nl", "brabant_en", "long_nl"])
def test_slides_every_shape_lies_on_the_slide(deck, request):
    """Every shape of every slide has a positive size and lies inside the slide (the title slide's
    title had zero height at the top edge)."""
    prs, _ = _deck(request.getfixturevalue(deck))
    for k, slide in enumerate(prs.slides):
        for shape in slide.shapes:
            assert shape.width > 0 and shape.height > 0, (k, shape.name)
            assert shape.left >= 0 and shape.top >= 0, (k, shape.name)
            assert shape.left + shape.width <= prs.slide_width and shape.top + shape.height <= prs.slide_height, \
                (k, shape.name)


def test_slides_region_slide_drops_no_line(long_nl):
    """With long names a region's lines do not fit beside its picture: they go on to a continued slide,
    down to the seat line, instead of being left out."""
    from ecosystem.i18n import t
    from ecosystem.locale import Locale

    _, deck = _deck(long_nl)
    summary = json.loads((long_nl / "summary.json").read_text(encoding="utf-8"))
    entry = summary["by_region"]["Twente"]
    slides = [(title, "\n".join(b.text_frame.text for b in boxes)) for title, boxes in deck
              if title.startswith("Arbeidsmarktregio Twente")]
    assert [title for title, _ in slides][1:] == [t("slide_continued", "nl", title="Arbeidsmarktregio Twente")] * (
        len(slides) - 1)
    lines = "\n".join(text for _, text in slides).splitlines()
    top = entry["orchestrators"][0]["name"]
    assert any(top in line and "1,00" in line for line in lines)          # the strongest candidate
    stable = entry["stability"]["stable_in_core"]
    assert any(f"{stable} van {len(entry['core'])}" in line for line in lines)   # how sure: the core
    share = f"{round(100 * entry['stability']['top_orchestrator']['first_share'])}%"
    assert any(top in line and share in line for line in lines)           # how sure: the top candidate
    assert lines[-1] == Locale("nl").seat_line(entry["peripheral_key_groups"], bool(entry["core"]))


def test_slides_title_and_note_fit_and_one_table_is_singular(long_nl):
    """The long note is on the title slide (or continued), whole; a single governance table of the core
    is not 'de 1 bestuurlijke tafels'."""
    import tomllib

    prs, deck = _deck(long_nl)
    note = tomllib.loads((ROOT / "tests" / "fixtures" / "long_names" / "region.toml").read_text("utf-8"))["note"]
    text = " ".join(b.text_frame.text for _, boxes in deck[:2] for b in boxes)
    assert " ".join(note.split()) in " ".join(text.split())
    seats = [b.text_frame.text for title, boxes in deck for b in boxes if "bestuurlijke" in b.text_frame.text]
    assert seats and not any(re.search(r"van de 1 bestuurlijke tafels", x) for x in seats)


@pytest.mark.parametrize("lang,tag", [("nl", "nl-NL"), ("en", "en-GB")])
def test_slides_properties_language_and_layouts(lang, tag, request):
    """The deck names the tool and the region (no person, not python-pptx), app.xml its slides and no
    4:3 show, every text run its language, and the layouts' placeholders are scaled to 16:9."""
    import zipfile

    folder = request.getfixturevalue(f"brabant_{lang}")
    prs, _ = _deck(folder)
    props = prs.core_properties
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert props.author == props.last_modified_by == "ecosystem"
    assert summary["text"]["region"] in props.comments and "ecosystem" in props.comments
    assert summary["text"]["region"] in props.title
    with zipfile.ZipFile(folder / "slides.pptx") as z:
        core, app = z.read("docProps/core.xml").decode("utf-8"), z.read("docProps/app.xml").decode("utf-8")
        slides = [z.read(n).decode("utf-8") for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    assert "Steve Canny" not in core and "python-pptx" not in core
    assert "4:3" not in app and f"<Slides>{len(prs.slides)}</Slides>" in app
    runs = [rpr for xml in slides for rpr in re.findall(r"<a:r>\s*<a:rPr([^>]*)>", xml)]
    assert len(runs) == sum(xml.count("<a:r>") for xml in slides) > 50
    assert all(f'lang="{tag}"' in rpr for rpr in runs)
    for layout in [prs.slide_master, *prs.slide_layouts]:
        for shape in layout.shapes:
            if shape.is_placeholder and shape.placeholder_format.type in (1, 3) and (   # title, centred title
                    layout.name in ("Office Theme", "Title Slide", "Title Only", "Title and Content")):
                assert abs(shape.left + shape.width / 2 - prs.slide_width / 2) < prs.slide_width / 50, layout.name
            if shape.width is not None:      # as seen: a shape turned a quarter spans its height across
                across = shape.height if round(shape.rotation) % 180 == 90 else shape.width
                centre = shape.left + shape.width / 2
                assert 0 <= centre - across / 2 and centre + across / 2 <= prs.slide_width, (layout.name, shape.name)


def test_slides_one_spelling_of_labour_market_region(brabant_en):
    """The title slide's 'Labour-market regions' and the region slides' headings spell it one way."""
    _, deck = _deck(brabant_en)
    text = "\n".join([title for title, _ in deck] + [b.text_frame.text for _, boxes in deck for b in boxes])
    assert "Labour market" not in text
    assert "Labour-market regions: " in text and any(title.startswith("Labour-market region ") for title, _ in deck)


# --------------------------------------------------------------------------- README: the meeting walkthrough
def test_readme_meeting_walkthrough_runs_from_a_clean_clone(tmp_path, monkeypatch):
    """Every command of the README's meeting walkthrough, run as written (with short resampling) in a
    folder holding only the repository's regions/brabant: each folder its comment names exists, and
    compare's columns are the provincial summary's by_region entries (the same networks)."""
    import shlex
    import shutil
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## In the meeting"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    shutil.copytree(BRABANT, tmp_path / "regions" / "brabant")
    monkeypatch.chdir(tmp_path)
    said = []
    commands = [line.partition("#") for line in block.splitlines() if line.strip()]
    assert [shlex.split(c)[1] if "ecosystem" in c else "split" for c, _, _ in commands] == \
        ["analyse", "analyse", "split", "compare", "whatif", "analyse"]
    for command, _, comment in commands:
        args = shlex.split(command)
        if args[0] == ".venv/bin/ecosystem":
            result = run_cli(*args[1:], "--bootstrap", "0", "--null-samples", "5")
            assert result.exit_code == 0, (command, result.output)
        else:
            assert args[:2] == [".venv/bin/python", "docs/split_regions.py"]
            done = subprocess.run([sys.executable, str(ROOT / args[1]), *args[2:]], capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
        said += [w.rstrip(",/") for w in comment.split() if w.startswith(("outputs/", "regions/"))]
    assert len(said) >= 7
    for path in said:
        assert (tmp_path / path).exists(), path
    assert "slides.pptx" in {p.name for p in (tmp_path / "outputs" / "brabant").iterdir()}
    # the anonymous outputs hold no organisation's name; the key sits beside them
    names = [row.split(",")[1] for row in (tmp_path / "outputs" / "brabant" / "actors.csv")
             .read_text(encoding="utf-8").splitlines()[1:]]
    anonymous = (tmp_path / "outputs" / "anoniem" / "summary.json").read_text(encoding="utf-8")
    assert not [n for n in names if len(n) > 4 and n in anonymous]
    compare = json.loads(next((tmp_path / "outputs").glob("west-brabant-*/compare.json")).read_text(encoding="utf-8"))
    by_region = json.loads((tmp_path / "outputs" / "brabant" / "summary.json").read_text(encoding="utf-8"))["by_region"]
    assert len(compare["regions"]) == 4
    for entry in compare["regions"].values():
        mine = by_region[entry["region"]]
        for key in ("actors", "relations", "core", "verdict", "peripheral_key_groups"):
            assert entry[key] == mine[key], (entry["region"], key)
        assert [o["id"] for o in entry["orchestrators"]] == [o["id"] for o in mine["orchestrators"]]
