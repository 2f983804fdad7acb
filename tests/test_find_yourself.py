"""Issue 12 point 5 through the CLI: one word for ties and one for relations, and a readable change view.

Counts are checked against the CSV rows (relations) and a networkx graph built from them (ties:
linked pairs); the pairs with several relations are counted with a Counter over the rows.
"""
from __future__ import annotations

import json
import re
import zipfile
from collections import Counter

import networkx as nx
import pytest

from conftest import read_csv_rows, run_cli, write_region
from test_find_yourself_browser import ACTORS, RELATIONS

SENTENCE_NL = re.compile(r"(\d+) relaties tussen (\d+) paren organisaties \((\d+) verbindingen\): "
                         r"(\d+) (?:paar heeft|paren hebben) meer dan één relatie\.")
SENTENCE_EN = re.compile(r"(\d+) relations between (\d+) pairs of organisations \((\d+) ties\): "
                         r"(\d+) (?:pair has|pairs have) more than one relation\.")
# Other words for a tie that the outputs used before one word was chosen.
OTHER_TIE_WORDS = ("banden", "Gekoppelde paren", "connections", "Linked pairs")


def oracle_counts(region):
    rows = read_csv_rows(region / "relations.csv")
    pairs = Counter(frozenset((r["source"], r["target"])) for r in rows)
    graph = nx.Graph()
    graph.add_edges_from((r["source"], r["target"]) for r in rows)
    return len(rows), graph.number_of_edges(), sum(1 for k in pairs.values() if k > 1)


def _texts(folder):
    """Every text a reader sees: terminal output aside, the HTML pages and the slides' XML."""
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in ("map.html", "report.html")}
    with zipfile.ZipFile(folder / "slides.pptx") as z:
        texts["slides.pptx"] = " ".join(z.read(n).decode("utf-8") for n in z.namelist()
                                        if n.startswith("ppt/slides/slide"))
    return texts


@pytest.mark.parametrize("lang, sentence", [("nl", SENTENCE_NL), ("en", SENTENCE_EN)])
def test_doubled_pair_said_once_in_every_output(tmp_path, lang, sentence):
    region = write_region(tmp_path / "twente", ACTORS, RELATIONS)
    relations, ties, several = oracle_counts(region)
    assert (relations, ties, several) == (11, 10, 1)     # the fixture has one pair with two relations
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "10",
                     "--lang", lang)
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "twente"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["relations"], summary["ties"], summary["pairs_with_several_relations"]) == (relations, ties, several)
    texts = {"terminal": result.output, **_texts(out)}
    for name, text in texts.items():
        found = sentence.search(text)
        assert found, name
        assert tuple(int(x) for x in found.groups()) == (relations, ties, ties, several), name
        for word in OTHER_TIE_WORDS:
            assert word not in text, (name, word)
    # the map's live count names ties with the same word
    stats_word = "verbindingen" if lang == "nl" else "ties"
    assert f'"n_ties":"{{n}} {stats_word}"' in texts["map.html"]


def test_no_sentence_when_every_pair_has_one_relation(tmp_path):
    region = write_region(tmp_path / "twente", ACTORS, RELATIONS[:-1])
    relations, ties, several = oracle_counts(region)
    assert several == 0 and relations == ties
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "twente"
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["pairs_with_several_relations"] == 0
    for name, text in {"terminal": result.output, **_texts(out)}.items():
        assert not SENTENCE_NL.search(text), name


def _toml(folder, period):
    (folder / "region.toml").write_text(f'name = "Twente"\nperiod = "{period}"\n' if period else 'name = "Twente"\n',
                                        encoding="utf-8")


@pytest.mark.parametrize("periods", [("2025", "2026"), (None, None)])
def test_change_view_labels_sides_by_period_and_says_geen(tmp_path, periods):
    old = write_region(tmp_path / "twente-a", ACTORS, RELATIONS)
    new = write_region(tmp_path / "twente-b", ACTORS, RELATIONS[::-1])   # same network, rows reversed: nothing moves
    for folder, period in zip((old, new), periods):
        _toml(folder, period)
    result = run_cli("compare", old, new, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "twente-a-twente-b" / "change.html").read_text(encoding="utf-8")
    before, after = periods if periods[0] else ("twente-a", "twente-b")
    assert f"{before} → {after}" in result.output.splitlines()[0]
    assert f"{before} → {after}" in html
    if periods[0]:
        assert "twente-a" not in html and "twente-a →" not in result.output
    # nothing moved in or out of the core: the section says "Geen.", never Python's None
    core = re.search(r'<section id="core">(.*?)</section>', html, re.S).group(1)
    assert "<table>" not in core
    assert ">Geen.<" in core
    assert "None" not in html
    # ties and relations with the same words as the analysis
    assert "Verbindingen (paren organisaties)" in html
    ties = oracle_counts(old)[1]
    assert f"verbindingen (paren organisaties) {ties} → {ties}" in result.output
