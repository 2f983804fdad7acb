"""A review of `ecosystem compare` and `ecosystem whatif`: every sentence they print must be true.

Each test drives the real command line on real files and checks a claim against an independent
computation on the rows (networkx, or the rule of docs/methods.md stated in the test).

- whatif without ``--year`` does not call the data "now" (relations that ended count too), says so once,
  and takes ``--year`` as analyse does;
- the fragmentation change line agrees with who lost every relation;
- an organisation a what-if takes out leaves the core with its own verdict, ``removed``;
- a ``--with`` row that repeats a relation of the data is counted once, with a warning; the label counts new ones;
- the side-by-side view says an absent key group is absent and a region without a core has no seat to judge;
- ``--from/--to`` and ``--year`` keep the intake warnings; a year after the data warns as one before it does;
- counts agree in number; a tie for the first place is named as a tie; folders are not called arbeidsmarktregio's.
"""
from __future__ import annotations

import csv
import json
import re
from html import unescape
from pathlib import Path

import networkx as nx
import pytest
from markupsafe import escape

from conftest import ROOT, run_cli

SETTINGS = ("--bootstrap", "0", "--null-samples", "10")
DATED_SETTINGS = ("--bootstrap", "20", "--null-samples", "10")

ACTORS = """id,name,group,type,scale,region
g1,Gemeente Alfa,government,gemeente,regional,West
g2,Gemeente Beta,government,gemeente,local,West
e1,Werkgevers Alfa,employers,werkgeversorganisatie,regional,West
e2,Bedrijf Beta,employers,bedrijf,local,West
w1,Vakbond Alfa,workers,vakbond,regional,West
o1,ROC Alfa,education,mbo,regional,West
o2,Hogeschool Alfa,education,hbo,regional,West
i1,UWV Alfa,intermediaries,UWV,regional,West
i2,Leerwerkloket Alfa,intermediaries,Leerwerkloket,regional,West
x1,Stichting Overig,other,stichting,local,West
"""
# Two relations end in 2020, five start in 2021: the data hold no one year's network.
DATED = """source,target,type,weight,since,until
g1,g2,governance,3,,
g1,e1,governance,3,,
g1,i1,governance,3,,
g2,e1,governance,3,,
g2,i1,governance,3,,
e1,i1,governance,3,,
g1,o1,governance,3,2021,
g2,o1,governance,3,2021,
e1,o1,governance,3,2021,
i1,o1,governance,3,2021,
w1,g1,collaboration,1,2021,
e2,e1,representation,2,,
o2,o1,collaboration,2,,
i2,i1,collaboration,2,,
x1,g2,funding,1,,2020
g1,x1,advice,1,,2020
i2,o2,referral,1,,
"""
# Undated; Vakbond Alfa's only relation is with Gemeente Alfa.
UNDATED = """source,target,type,weight
g2,g1,governance,3
g1,e1,governance,3
g1,i1,governance,3
g2,e1,governance,3
g2,i1,governance,3
e1,i1,governance,3
e2,e1,representation,2
o2,o1,collaboration,2
i2,i1,collaboration,3
w1,g1,collaboration,1
x1,g2,funding,1
i2,o2,referral,1
"""
# Three organisations, one relation: no core, and the two linked ones are alike.
MINI_ACTORS = "id,name,group\na,Gemeente A,government\nb,ROC B,education\nc,Bedrijf C,employers\n"
MINI_RELATIONS = "source,target,type,weight\na,b,governance,2\n"


def folder(path: Path, actors: str, relations: str, toml: str | None = None) -> Path:
    path.mkdir(parents=True)
    (path / "actors.csv").write_text(actors, encoding="utf-8")
    (path / "relations.csv").write_text(relations, encoding="utf-8")
    if toml is not None:
        (path / "region.toml").write_text(toml, encoding="utf-8")
    return path


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(text.splitlines()))


def counts_in(row: dict, year: int) -> bool:
    """The rule of docs/methods.md (ecosystem.period), restated: since empty or <= year, until empty or >= year."""
    since, until = row.get("since") or "", row.get("until") or ""
    return (not since or int(since[:4]) <= year) and (not until or int(until[:4]) >= year)


def key(row: dict) -> tuple:
    """Governance, collaboration and the like have no direction: a-b is b-a."""
    return (*sorted((row["source"], row["target"])), row["type"])


def whatif(region: Path, out: Path, *args: str, settings=SETTINGS):
    return run_cli("whatif", region, "--out", out, *settings, *args)


def whatif_with(region: Path, tmp_path: Path, name: str, text: str):
    """``whatif REGION --with <name>.csv`` holding ``text``: the result and its change.json."""
    (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    result = whatif(region, tmp_path / "out", "--with", tmp_path / f"{name}.csv")
    assert result.exit_code == 0, result.output
    change = tmp_path / "out" / f"{region.name}-whatif-with-{name}" / "change.json"
    return result, json.loads(change.read_text(encoding="utf-8"))


def warning_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("let op:", "warning:"))]


def table_rows(html: str) -> list[list[str]]:
    return [[unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>.*?</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr.*?</tr>", html, re.S)]


# --- 1. whatif and the years ------------------------------------------------------------------------------------

def test_whatif_without_year_is_the_data_as_given_and_says_ended_relations_count(tmp_path):
    region = folder(tmp_path / "tiny", ACTORS, DATED)
    result, data = whatif_with(region, tmp_path, "add", "source,target,type,weight\nw1,o1,collaboration,2\n")
    label = data["sides"]["before"]["label"]
    # every row counts without --year, also those that ended: that is no "now"
    assert data["sides"]["before"]["relation_rows"] == len(rows(DATED))
    assert label.lower() not in ("nu", "now") and ": nu →" not in result.output
    last = max(int(r[c][:4]) for r in rows(DATED) for c in ("since", "until") if r[c])
    ended = sum(1 for r in rows(DATED) if r["until"] and int(r["until"][:4]) < last)
    said = [w for w in warning_lines(result.output) if "--year" in w]
    assert len(said) == 1 and f"{ended} relaties" in said[0] and str(last) in said[0]
    # analyse says it once too; with --year not at all
    analysed = run_cli("analyse", region, "--out", tmp_path / "a", *SETTINGS)
    assert analysed.exit_code == 0, analysed.output
    assert len([w for w in warning_lines(analysed.output) if "--year" in w]) == 1
    in_year = run_cli("analyse", region, "--out", tmp_path / "a", *SETTINGS, "--year", "2021")
    assert not [w for w in warning_lines(in_year.output) if "--year" in w]


def test_whatif_year_takes_the_network_of_that_year(tmp_path):
    region = folder(tmp_path / "tiny", ACTORS, DATED)
    (tmp_path / "add.csv").write_text("source,target,type,weight\nw1,o2,collaboration,2\n", encoding="utf-8")
    for year in (2020, 2021):
        result = whatif(region, tmp_path / "out", "--with", tmp_path / "add.csv", "--year", str(year))
        assert result.exit_code == 0, result.output
        data = json.loads((tmp_path / "out" / f"tiny-{year}-whatif-with-add" / "change.json")
                          .read_text(encoding="utf-8"))
        kept = [r for r in rows(DATED) if counts_in(r, year)]
        assert data["sides"]["before"]["relations"] == len({key(r) for r in kept})
        assert data["sides"]["after"]["relations"] == len({key(r) for r in kept}) + 1
        assert data["sides"]["before"]["label"] == str(year) and data["whatif"]["year"] == year
        assert not [w for w in warning_lines(result.output) if "--year" in w]


# --- 2. fragmentation agrees with who lost every relation -----------------------------------------------------

def test_fragmentation_line_counts_the_organisations_left_without_relations(tmp_path):
    region = folder(tmp_path / "fb", ACTORS, UNDATED)
    result = whatif(region, tmp_path / "out", "--without", "g1")
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "fb-whatif-g1" / "change.json").read_text(encoding="utf-8"))
    graph = nx.Graph()
    graph.add_nodes_from(r["id"] for r in rows(ACTORS) if r["id"] != "g1")
    graph.add_edges_from((r["source"], r["target"]) for r in rows(UNDATED) if "g1" not in (r["source"], r["target"]))
    alone = [v for v in graph if graph.degree(v) == 0]
    linked = graph.subgraph([v for v in graph if graph.degree(v)])
    assert alone == ["w1"]
    fragmentation = next(d for d in data["diagnosis"] if d["key"] == "fragmentation")
    assert fragmentation["isolated"]["after"] == len(alone)
    assert fragmentation["value"]["after"] == nx.number_connected_components(linked)
    line = next(line for line in result.output.splitlines() if "Versnippering" in line)
    after = line.split(" (")[0].split("→")[-1]
    assert "1 organisatie zonder relaties" in after, line


# --- 3. taken out of the core on purpose is certain ------------------------------------------------------------

def test_removed_organisation_leaves_the_core_with_its_own_verdict(tmp_path):
    region = folder(tmp_path / "fb", ACTORS, UNDATED)
    for settings in (SETTINGS, DATED_SETTINGS):
        result = whatif(region, tmp_path / "out", "--without", "g1", settings=settings)
        assert result.exit_code == 0, result.output
        data = json.loads((tmp_path / "out" / "fb-whatif-g1" / "change.json").read_text(encoding="utf-8"))
        left = {m["id"]: m["verdict"] for m in data["core"]["left"]}
        assert "g1" in data["sides"]["before"]["core"] and left["g1"] == "removed"
        line = next(line for line in result.output.splitlines() if line.strip().startswith("− Gemeente Alfa:"))
        assert "onzeker" not in line and "weggehaald" in line


# --- 4. a --with row that repeats a relation of the data ------------------------------------------------------

def test_with_rows_repeating_a_relation_count_once_and_only_new_ones_are_counted(tmp_path):
    region = folder(tmp_path / "tiny", ACTORS, DATED)
    added = "source,target,type,weight\no1,e1,governance,3\no1,i1,governance,3\nw1,o1,collaboration,2\n"
    result, data = whatif_with(region, tmp_path, "add2", added)
    existing = {key(r) for r in rows(DATED)}
    new = [r for r in rows(added) if key(r) not in existing]
    assert data["whatif"]["added_relations"] == len(new) == 1
    assert "met 1 relatie uit add2.csv" in result.output
    assert len(data["relations"]["added"]) == len(new) and not data["relations"]["reweighted"]
    repeats = [w for w in warning_lines(result.output) if "add2.csv" in w]
    assert [re.search(r"rij (\d+)", w).group(1) for w in repeats] == ["2", "3"]


def test_with_file_that_adds_nothing_is_an_error(tmp_path):
    region = folder(tmp_path / "fb", ACTORS, UNDATED)
    (tmp_path / "dup.csv").write_text("source,target,type,weight\ng1,g2,governance,3\n", encoding="utf-8")
    (tmp_path / "empty.csv").write_text("source,target,type,weight\n", encoding="utf-8")
    for name in ("dup.csv", "empty.csv"):
        result = whatif(region, tmp_path / "out", "--with", tmp_path / name)
        assert result.exit_code == 2 and name in result.output, result.output
        assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# --- 5, 7, 8, 9. the side-by-side view -----------------------------------------------------------------------

def side_by_side(tmp_path):
    fa_actors = "".join(line + "\n" for line in ACTORS.splitlines() if not line.startswith("w1,"))
    fa = folder(tmp_path / "fa", fa_actors, "".join(line + "\n" for line in UNDATED.splitlines()
                                                     if not line.startswith("w1,")), 'name = "Folder A"\n')
    fb = folder(tmp_path / "fb", ACTORS, UNDATED, 'name = "Folder B"\n')
    mini = folder(tmp_path / "mini", MINI_ACTORS, MINI_RELATIONS)
    result = run_cli("compare", fa, fb, mini, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "fa-fb-mini"
    return result, json.loads((out / "compare.json").read_text(encoding="utf-8")), \
        (out / "compare.html").read_text(encoding="utf-8")


def test_side_by_side_says_absent_groups_are_absent_and_ties_are_ties(tmp_path):
    result, data, html = side_by_side(tmp_path)
    table = {r[0]: r[1:] for r in table_rows(html)}
    seats = dict(zip(table["Maat"], table["Sleutelgroepen aan minder dan de helft van de bestuurlijke tafels van de kern"]))
    # fa has no organisation of the workers: said absent, not "without a seat"
    fa_groups = {r["group"] for r in rows(ACTORS) if not r["id"].startswith("w")}
    assert "workers" not in fa_groups
    assert "geen organisaties: werkenden" in seats["fa"]
    assert "werkenden" not in seats["fa"].replace("geen organisaties: werkenden", "")
    # mini has no core: no seat to judge, no list of groups
    assert not data["regions"]["mini"]["core"]
    assert not any(g in seats["mini"] for g in ("werkenden", "werkgevers", "overheid", "onderwijs"))
    # a tie for the first place: both named, in the terminal and the page
    scores = {c["id"]: c["score"] for c in data["regions"]["mini"]["orchestrators"]}
    assert scores["a"] == scores["b"]
    line = next(line for line in result.output.splitlines() if line.startswith("mini:"))
    top_cell = dict(zip(table["Maat"], table["Beste orkestratorkandidaat"]))["mini"]
    for text in (line, top_cell):
        assert "Gemeente A" in text and "ROC B" in text, text
    assert sorted(data["regions"]["mini"]["first_shared"]) == ["a", "b"]
    # counts agree in number
    assert "mini: 3 organisaties, 1 relatie," in result.output
    # folders are folders, not arbeidsmarktregio's
    assert "Arbeidsmarktregio's naast elkaar" not in html and "arbeidsmarktregio fa" not in html


def test_change_top_list_gives_equal_scores_one_place(tmp_path):
    mini = folder(tmp_path / "mini", MINI_ACTORS, MINI_RELATIONS)
    result, data = whatif_with(mini, tmp_path, "add", "source,target,type,weight\nc,a,advice,1\n")
    top = {a["id"]: a["place"] for a in data["orchestrators"]["top"]["before"]}
    # a and b are the same to every measure before (one relation between them, each other's only): one place
    assert top["a"] == top["b"] == 1
    line = next(line for line in result.output.splitlines() if line.strip().startswith("de gegevens:"))
    assert "1. Gemeente A" in line and "1. ROC B" in line and "2. " not in line


def test_analyse_title_agrees_in_number(tmp_path):
    mini = folder(tmp_path / "mini", MINI_ACTORS, MINI_RELATIONS)
    result = run_cli("analyse", mini, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    assert "3 actoren, 1 relatie" in result.output and "1 relaties" not in result.output


# --- 6, 10. the years' warnings ------------------------------------------------------------------------------

def test_years_keep_the_intake_warnings_and_a_late_year_warns(tmp_path):
    region = folder(tmp_path / "tiny", ACTORS, DATED)
    last = max(int(r[c][:4]) for r in rows(DATED) for c in ("since", "until") if r[c])
    compared = run_cli("compare", region, "--from", "2020", "--to", str(last + 5), "--out", tmp_path / "out", *SETTINGS)
    assert compared.exit_code == 0, compared.output
    warnings = warning_lines(compared.output)
    assert any("'West'" in w for w in warnings)                 # the intake check, as without a year
    assert any(str(last + 5) in w and str(last) in w for w in warnings)   # after the last year, as before the first
    analysed = run_cli("analyse", region, "--year", "2021", "--out", tmp_path / "a", *SETTINGS)
    assert any("'West'" in w for w in warning_lines(analysed.output))


def test_english_what_if_line_and_arbeidsmarktregio_warning(tmp_path):
    region = folder(tmp_path / "fb", ACTORS, UNDATED)
    result = whatif(region, tmp_path / "out", "--without", "g1", "--lang", "en")
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith("What if"))
    assert line.startswith("What if without Gemeente Alfa: distance-weighted"), line
    assert "labour-market regions" in result.output and "list of 10 arbeidsmarktregio's" not in result.output


def test_side_by_side_says_which_seat_rule_a_region_without_core_tables_gets(tmp_path):
    """A region whose core has no governance table is judged by a governance tie with the core (diagnosis.agency);
    its cell in the side-by-side row says so instead of standing under the tables rule unexplained."""
    from conftest import run_cli, write_region
    actors = [{"id": "a", "name": "Gemeente A", "group": "government", "region": "Oost"},
              {"id": "b", "name": "ROC B", "group": "education", "region": "Oost"},
              {"id": "c", "name": "Bedrijf C", "group": "employers", "region": "Oost"},
              {"id": "d", "name": "FNV D", "group": "workers", "region": "Oost"},
              {"id": "e", "name": "Gemeente E", "group": "government", "region": "West"},
              {"id": "f", "name": "ROC F", "group": "education", "region": "West"}]
    relations = [{"source": "a", "target": "b", "type": "governance", "weight": "2"},
                 {"source": "a", "target": "c", "type": "collaboration", "weight": "2"},
                 {"source": "b", "target": "c", "type": "collaboration", "weight": "1"},
                 {"source": "c", "target": "d", "type": "advice", "weight": "1"},
                 {"source": "e", "target": "f", "type": "governance", "weight": "1"},
                 {"source": "b", "target": "f", "type": "collaboration", "weight": "1"}]
    folder = write_region(tmp_path / "r", actors, relations)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "r" / "summary.json").read_text(encoding="utf-8"))
    oost = summary["by_region"]["Oost"]
    # the premise: no actor has governance relations with three others, so there is no table at all (methods
    # §11), and the region has a core with key groups lacking a governance tie to it
    assert oost["core"] and oost["key_groups_without_seat"]
    report = (tmp_path / "out" / "r" / "report.html").read_text(encoding="utf-8")
    assert "geen bestuurlijke tafel met de kern; zonder bestuurlijke band met de kern:" in report


# --- 11. the change outputs' titles say the year once and show region.toml's note ------------------------------
# 'Noord-Brabant (illustratief), 2021: 2020 → 2021' said the year twice (the name carried the year of the side it
# came from); the note ('illustratieve reconstructie ... geen enquête- of interviewdata') was shown by analyse only.

NOTED = {"nl": ("Regio Alfa", "Voorlopig <b>concept</b> & nog 'onvolledig'."),
         "en": ("Region Alfa", "Provisional <b>draft</b> & still 'incomplete'.")}
NOTED_TOML = (f'name = "{NOTED["nl"][0]}"\nnote = "{NOTED["nl"][1]}"\n\n'
              f'[en]\nname = "{NOTED["en"][0]}"\nnote = "{NOTED["en"][1]}"\n')


def region_texts(region: Path, lang: str) -> tuple[str, str]:
    """region.toml's name and note as a reader of ``lang`` gets them (the [en] table for English, if given)."""
    import tomllib
    toml = tomllib.loads((region / "region.toml").read_text(encoding="utf-8"))
    texts = {**toml, **toml.get(lang, {})} if lang != "nl" else toml
    return texts["name"], texts["note"]


def titles(result, out: Path) -> list[str]:
    """The change outputs' titles: the terminal's first line, change.html's <title> and <h1>, change.json's region
    with the two sides' labels (each as text, unescaped)."""
    line = next(line for line in result.output.splitlines() if line.startswith(("Wat is er veranderd", "What changed")))
    html = (out / "change.html").read_text(encoding="utf-8")
    data = json.loads((out / "change.json").read_text(encoding="utf-8"))
    return [line, *(unescape(re.search(f"<{tag}>(.*?)</{tag}>", html, re.S).group(1)) for tag in ("title", "h1")),
            f"{data['region']}: {data['sides']['before']['label']} → {data['sides']['after']['label']}"]


def assert_note_shown_once(result, out: Path, note: str) -> None:
    """The note once in the terminal and once in change.html (escaped: shown as the text it is), and in
    change.json with each side."""
    assert result.output.count(note) == 1, result.output
    html = (out / "change.html").read_text(encoding="utf-8")
    assert "<b>" not in note or "<b>" not in html          # a tag in the note is text, not markup
    assert unescape(re.sub(r"<[^>]+>", "", html)).count(note) == 1 and html.count(str(escape(note))) == 1
    sides = json.loads((out / "change.json").read_text(encoding="utf-8"))["sides"]
    assert sides["before"]["note"] == sides["after"]["note"] == note


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_brabant_years_titles_say_each_year_once_and_show_the_note(tmp_path, lang):
    brabant = ROOT / "regions" / "brabant"
    name, note = region_texts(brabant, lang)
    result = run_cli("compare", brabant, "--from", "2020", "--to", "2021", "--out", tmp_path, "--lang", lang, *SETTINGS)
    assert result.exit_code == 0, result.output
    out = tmp_path / "brabant-2020-2021"
    for title in titles(result, out):
        assert title.count(name) == 1 and title.count("2020") == 1 and title.count("2021") == 1, title
        assert "2020 → 2021" in title, title
    assert_note_shown_once(result, out, note)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_whatif_in_a_year_says_the_year_once_and_shows_the_note(tmp_path, lang):
    region = folder(tmp_path / "tiny", ACTORS, DATED, NOTED_TOML)
    name, note = region_texts(region, lang)
    result = whatif(region, tmp_path / "out", "--without", "x1", "--year", "2021", "--lang", lang)
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "tiny-2021-whatif-x1"
    for title in titles(result, out):
        assert title.count(name) == 1 and title.count("2021") == 1, title
    assert_note_shown_once(result, out, note)


def test_two_folders_show_a_shared_note_once_and_differing_notes_each_with_its_side(tmp_path):
    fa = folder(tmp_path / "fa", ACTORS, UNDATED, NOTED_TOML)
    fb = folder(tmp_path / "fb", ACTORS, UNDATED, NOTED_TOML)
    result = run_cli("compare", fa, fb, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    assert_note_shown_once(result, tmp_path / "out" / "fa-fb", NOTED["nl"][1])
    # another note in the new folder: both shown, each under the folder it belongs to, in the terminal and the page
    other = "Tweede versie, door de regio nagekeken."
    (fb / "region.toml").write_text(NOTED_TOML.replace(NOTED["nl"][1], other), encoding="utf-8")
    result = run_cli("compare", fa, fb, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    html = unescape(re.sub(r"<[^>]+>", "", (tmp_path / "out" / "fa-fb" / "change.html").read_text(encoding="utf-8")))
    for text in (result.output, html):
        assert text.count(NOTED["nl"][1]) == 1 and text.count(other) == 1, text
        assert f"Let op (fa): {NOTED['nl'][1]}" in text and f"Let op (fb): {other}" in text
    sides = json.loads((tmp_path / "out" / "fa-fb" / "change.json").read_text(encoding="utf-8"))["sides"]
    assert (sides["before"]["note"], sides["after"]["note"]) == (NOTED["nl"][1], other)


def test_side_by_side_shows_each_note_once_with_the_folders_it_belongs_to(tmp_path):
    fa = folder(tmp_path / "fa", ACTORS, UNDATED, NOTED_TOML)
    fb = folder(tmp_path / "fb", ACTORS, UNDATED, NOTED_TOML)
    other = "Een kleine proef."
    mini = folder(tmp_path / "mini", MINI_ACTORS, MINI_RELATIONS, f'name = "Mini"\nnote = "{other}"\n')
    result = run_cli("compare", fa, fb, mini, "--out", tmp_path / "out", "--lang", "en", *SETTINGS)
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "fa-fb-mini"
    note = NOTED["en"][1]
    html = unescape(re.sub(r"<[^>]+>", "", (out / "compare.html").read_text(encoding="utf-8")))
    for text in (result.output, html):
        assert text.count(note) == 1 and text.count(other) == 1, text
        assert f"Note (fa and fb): {note}" in text and f"Note (mini): {other}" in text
    assert "<b>draft</b>" not in (out / "compare.html").read_text(encoding="utf-8")
    data = json.loads((out / "compare.json").read_text(encoding="utf-8"))
    assert [data["regions"][label]["note"] for label in ("fa", "fb", "mini")] == [note, note, other]


def test_agency_on_a_side_without_governance_tables_says_what_it_counts(tmp_path):
    """compare said '2 van 4 sleutelgroepen met een plek aan de bestuurlijke tafels van de kern' for a year whose
    core has no governance table: the value there counts key groups with a governance tie to the core (the
    diagnosis's rule without a table). That side now says so; the side with tables keeps its wording."""
    no_tables = UNDATED.replace("g1,e1,governance", "g1,e1,collaboration").replace(
        "g1,i1,governance", "g1,i1,collaboration").replace("g2,i1,governance", "g2,i1,collaboration")
    before = folder(tmp_path / "voor", ACTORS, UNDATED, 'name = "Regio"\nperiod = "2024"\n')
    after = folder(tmp_path / "na", ACTORS, no_tables, 'name = "Regio"\nperiod = "2025"\n')
    # by hand: no organisation has governance relations with three others in 'na'
    gov = nx.Graph((r["source"], r["target"]) for r in rows(no_tables) if r["type"] == "governance")
    assert max(d for _, d in gov.degree()) < 3
    result = run_cli("analyse", after, "--out", tmp_path / "a", *SETTINGS)
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "a" / "na" / "summary.json").read_text(encoding="utf-8"))
    core = set(summary["core"])
    groups = {r["id"]: r["group"] for r in rows(ACTORS)}
    tied = {groups[v] for u, v in gov.edges for v in (u, v) if (set(gov[v]) & core)}
    expected = len(tied & {"workers", "employers", "government", "education"})
    result = run_cli("compare", before, after, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "sleutelgroepen met" in line)
    assert "met een plek aan de bestuurlijke tafels van de kern" in line.split("→")[0], line
    assert line.split("→")[1].strip().startswith(
        f"geen bestuurlijke tafel met de kern; {expected} van 4 sleutelgroepen met een bestuurlijke band met de kern"), line
