"""Every title says what the outputs show: one arbeidsmarktregio of a data set (``--region``), or the network of
one year (``--year``).

With ``--region`` the English outputs were titled with the whole data set's English name ("Noord-Brabant
(illustrative): 47 actors"), and no output said which organisations were left out; with ``--year`` the report,
the pictures and the slides' headings named no year. The expected numbers are counted from the CSV files.
"""
from __future__ import annotations

import csv
import json
import re

import pytest
from pptx import Presentation

from conftest import ROOT, run_cli

BRABANT = ROOT / "regions" / "brabant"
FAST = ("--bootstrap", "0", "--null-samples", "5")


def _rows(name: str) -> list[dict]:
    with open(BRABANT / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _title_line(output: str) -> str:
    """The summary's first line ('Ecosysteem <name>: n actoren, ...'), after any warning lines."""
    return next(line for line in output.splitlines() if line.startswith(("Ecosysteem ", "Ecosystem ")))


def _slide_texts(path) -> list[str]:
    return [shape.text_frame.text for slide in Presentation(str(path)).slides for shape in slide.shapes
            if shape.has_text_frame]


@pytest.mark.parametrize("lang, title", [("nl", "Zuidoost-Brabant (uit Noord-Brabant (illustratief))"),
                                         ("en", "Zuidoost-Brabant (from Noord-Brabant (illustrative))")])
def test_one_arbeidsmarktregio_is_titled_as_such_everywhere(tmp_path, lang, title):
    actors, relations = _rows("actors.csv"), _rows("relations.csv")
    members = {a["id"] for a in actors if "Zuidoost-Brabant" in a["region"].split("|")}
    among = [r for r in relations if r["source"] in members and r["target"] in members]
    result = run_cli("analyse", BRABANT, "--region", "Zuidoost-Brabant", "--out", tmp_path, "--lang", lang, *FAST)
    assert result.exit_code == 0, result.output
    out = tmp_path / "brabant-zuidoost-brabant"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["text"]["region"] == title
    assert summary["part_of"] == {"name": "Noord-Brabant (illustratief)", "actors": len(actors),
                                  "relations": len(relations)}
    assert summary["actors"] == len(members) and summary["relations"] == len(among)
    lines = result.output.splitlines()
    assert title in _title_line(result.output)
    left = {"nl": f"{len(members)} van de {len(actors)} organisaties", "en": f"{len(members)} of the {len(actors)} organisations"}
    assert any(left[lang] in line and f" {len(actors) - len(members)} " in line for line in lines)
    for page in ("report.html", "map.html"):
        html_title = re.search(r"<title>(.*?)</title>", (out / page).read_text(encoding="utf-8")).group(1)
        assert title in html_title.replace("&#39;", "'"), page
    assert any(title in text for text in _slide_texts(out / "slides.pptx")[:1])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_one_years_network_says_its_year_in_every_title(tmp_path, lang):
    result = run_cli("analyse", BRABANT, "--year", "2016", "--out", tmp_path, "--lang", lang, *FAST)
    assert result.exit_code == 0, result.output
    out = tmp_path / "brabant-2016"
    name = {"nl": "Noord-Brabant (illustratief), 2016", "en": "Noord-Brabant (illustrative), 2016"}[lang]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["text"]["region"] == name and summary["year"] == 2016 and summary["part_of"] is None
    assert name in _title_line(result.output)
    for page in ("report.html", "map.html"):
        assert name in re.search(r"<title>(.*?)</title>", (out / page).read_text(encoding="utf-8")).group(1), page
    texts = _slide_texts(out / "slides.pptx")
    assert name in texts[0]
    assert sum(name in text for text in texts) == 1 or all(text.count("2016") <= 1 for text in texts)  # no '2016 2016'


def test_one_region_anonymised_never_shows_the_data_sets_name(tmp_path):
    """With --region and --anonymise the titles name the region with the data set it comes from; the data
    set's name may name an organisation outside the region (the fixture's names Gemeente Enschede), which
    this run cannot check against, so it is replaced in every output and kept in the key."""
    from conftest import FIXTURES
    result = run_cli("analyse", FIXTURES / "twente", "--region", "Twente", "--anonymise", "--out", tmp_path, *FAST)
    assert result.exit_code == 0, result.output
    out = tmp_path / "anoniem-twente"
    for path in out.iterdir():
        data = path.read_bytes()
        assert "LLO-netwerk Twente en Achterhoek".encode() not in data and b"regieafdeling" not in data, path.name
    assert "LLO-netwerk" not in result.output and "Enschede" not in result.output
    key = (tmp_path / "anoniem-twente-sleutel.csv").read_text(encoding="utf-8")
    assert "LLO-netwerk Twente en Achterhoek (Gemeente Enschede)" in key
