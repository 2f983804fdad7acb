"""slides.pptx (issue 12.3): opened with python-pptx, titles, language, embedded pictures, no external links."""
from __future__ import annotations

import hashlib
import json
import re
import zipfile

import pytest
from pptx import Presentation

from conftest import run_cli
from ecosystem.locale import Locale
from ecosystem import catalogue
from ecosystem.render.slides import region_slides

FAST = ("--bootstrap", "20", "--null-samples", "10")


def _slides(path):
    prs = Presentation(str(path))
    out = []
    for slide in prs.slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and sh != slide.shapes.title]
        pictures = [sh for sh in slide.shapes if sh.shape_type == 13]
        out.append((title, "\n".join(texts), pictures))
    return out


def _analyse(region, out, lang):
    result = run_cli("analyse", region, "--out", out, "--lang", lang, *FAST)
    assert result.exit_code == 0, result.output
    folder = out / region.name
    return folder, json.loads((folder / "summary.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_slides_titles_language_and_content(region_copy, tmp_path, lang):
    folder, summary = _analyse(region_copy("small"), tmp_path / "out", lang)
    slides = _slides(folder / "slides.pptx")
    s, w = catalogue.section("report", lang), catalogue.section("slides", lang)
    # The legend of the pictures' numbers and text too long for one slide go on to further slides
    # ('... (1/2)', '... (vervolg)'); the order of the subjects stays.
    legend, more = catalogue.text("slide_legend", lang), catalogue.text("slide_continued", lang, title="").strip()
    slides = [x for x in slides if not x[0].endswith(more)]
    slides = slides[:3] + [x for x in slides[3:] if not x[0].startswith(legend)]
    titles = [title for title, _, _ in slides]
    assert titles[0].endswith(summary["text"]["region"])
    assert titles[1:7] == [s["target"], s["png_map_title"].format(region=summary["text"]["region"]), w["core_and_orch"],
                           s["f_seat"], s["f_sure"], s["diagnosis"]]
    # Then one slide per arbeidsmarktregio (the fixture's actors name two: Stad and Dorp).
    assert len(titles[7:]) == len(summary.get("by_region") or {}) == 2
    assert all(any(name in title for title in titles[7:]) for name in summary["by_region"])
    all_slides = _slides(folder / "slides.pptx")
    other = "en" if lang == "nl" else "nl"
    assert not set(titles[1:]) & {catalogue.section("report", other)["target"], catalogue.section("report", other)["f_sure"], catalogue.section("report", other)["diagnosis"]}
    # The pictures are the rendered PNGs, byte for byte, embedded on slides 2 and 3.
    for (_, _, pictures), png in zip(slides[1:3], ("target.png", "map.png")):
        assert len(pictures) == 1
        assert pictures[0].image.blob == (folder / png).read_bytes()
    # Content read from summary.json: every core actor's name, every candidate with its first reason,
    # every diagnosis sentence.
    actors = {row.split(",")[0]: row.split(",")[1] for row in
              (folder / "actors.csv").read_text(encoding="utf-8").splitlines()[1:]}
    core_text = "\n".join(text for title, text, _ in all_slides if title.startswith(w["core_and_orch"]))
    for actor_id in summary["core"]:
        assert actors[actor_id] in core_text
    for cand in summary["orchestrators"]:
        assert f"{cand['rank']}. {cand['name']}" in core_text and cand["reasons"][0]["text"] in core_text
    diagnosis_text = slides[6][1]
    for ind in summary["diagnosis"]:
        assert ind["text"]["sentence"] in diagnosis_text
    if summary["stability"]:
        assert f"{summary['stability']['samples']}" in slides[5][1]


def test_slides_title_slide_says_illustrative_and_nothing_is_linked(tmp_path):
    from conftest import ROOT
    folder, summary = _analyse(ROOT / "regions" / "brabant", tmp_path / "out", "en")
    title, text, _ = _slides(folder / "slides.pptx")[0]
    assert "illustrative" in title and summary["text"]["note"] in text and "2020-2021" in text
    with zipfile.ZipFile(folder / "slides.pptx") as z:
        rels = [n for n in z.namelist() if n.endswith(".rels")]
        assert rels
        for name in rels:
            assert 'TargetMode="External"' not in z.read(name).decode("utf-8"), name
        media = [n for n in z.namelist() if n.startswith("ppt/media/")]
        # target.png, map.png and, per arbeidsmarktregio (Brabant has four), its own target view
        assert len(media) == 2 + len(summary["by_region"])
    regions = [s for s in _slides(folder / "slides.pptx") if s[0].startswith("Labour-market region")
               or s[0].startswith("Arbeidsmarktregio")]
    assert len(regions) == len(summary["by_region"]) and all(len(pictures) == 1 for _, _, pictures in regions)


def test_slides_same_bytes_twice(region_copy, tmp_path):
    region = region_copy("small")
    digests = []
    for out in ("a", "b"):
        folder, _ = _analyse(region, tmp_path / out, "nl")
        digests.append(hashlib.sha256((folder / "slides.pptx").read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_region_slides_one_per_arbeidsmarktregio():
    from dataclasses import replace
    from ecosystem.analysis.by_region import RegionCandidate, RegionEntry
    from ecosystem.analysis.network import TieCount
    empty = RegionEntry.empty(3)
    by_region = {"Twente": replace(empty, tie_count=TieCount(2, 2, 0), core=("a", "b"),
                                   orchestrators=(RegionCandidate("a", "A", 0.5),),
                                   peripheral_key_groups=("education",)),
                 "Achterhoek": replace(RegionEntry.empty(4), tie_count=TieCount(5, 4, 1), core=("c",))}
    slides = region_slides(by_region, {"a": "Gemeente A", "b": "B", "c": "C"}, Locale("nl"))
    assert [title for title, _ in slides] == ["Arbeidsmarktregio Twente", "Arbeidsmarktregio Achterhoek"]
    assert any("Gemeente A" in line and "0,50" in line for line in slides[0][1])
    assert any(re.search(r"\bonderwijs\b", line) for line in slides[0][1])
    assert region_slides({"Twente": by_region["Twente"]}, {}, Locale("nl")) == []   # one region: no extra slides
