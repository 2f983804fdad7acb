"""The intake road through the CLI: init -> validate, and a survey round make -> fill in -> collect -> analyse.

Questionnaires are filled with openpyxl the way a respondent would: find the row of the
other organisation by its visible id, the column by its visible headers (type and
direction), type 1-3, save under any name. The merged relations are checked against an
independent reading of what was filled in (the expected claims written out by hand below),
not against the code's own merge.
"""
from __future__ import annotations

import csv
import json
import tomllib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import ROOT, run_cli, write_region

ACTORS = [
    {"id": "gem", "name": "Gemeente Stad", "group": "government"},
    {"id": "uwv", "name": "UWV Stad", "group": "intermediaries"},
    {"id": "roc", "name": "ROC Stad", "group": "education"},
    {"id": "vno", "name": "VNO-NCW Stad", "group": "employers"},
    {"id": "fnv", "name": "FNV Stad", "group": "workers"},
]
RELATIONS = [{"source": "gem", "target": "uwv", "type": "governance"}]


def _region(tmp_path: Path) -> Path:
    return write_region(tmp_path / "stad", ACTORS, RELATIONS)


def _fill(questionnaire: Path, target: Path, answers: dict[tuple[str, str, str], object],
          new: list[tuple[str, str, dict[tuple[str, str], object]]] = ()) -> None:
    """Fill ``questionnaire`` as a respondent would and save it as ``target``.

    ``answers`` maps (other id, type header, direction header) to a value; ``new`` is a list of
    (name, group, {(type header, direction header): value}) for organisations not on the list.
    """
    workbook = load_workbook(questionnaire)
    sheet = workbook.worksheets[0]
    columns = {}
    header_row = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "id")
    for col in range(4, sheet.max_column + 1):
        columns[(sheet.cell(header_row - 1, col).value, sheet.cell(header_row, col).value)] = col
    rows = {sheet.cell(r, 1).value: r for r in range(header_row + 1, sheet.max_row + 1) if sheet.cell(r, 1).value}
    for (other, rtype, direction), value in answers.items():
        sheet.cell(rows[other], columns[(rtype, direction)]).value = value
    label_row = next(r for r in range(header_row, sheet.max_row + 1)
                     if str(sheet.cell(r, 1).value or "").startswith("Organisaties die niet"))
    for i, (name, group, cells) in enumerate(new):
        row = label_row + 1 + i
        sheet.cell(row, 2).value = name
        sheet.cell(row, 3).value = group
        for (rtype, direction), value in cells.items():
            sheet.cell(row, columns[(rtype, direction)]).value = value
    workbook.save(target)


def _made(tmp_path: Path) -> tuple[Path, Path]:
    """The region of five with its questionnaires made in tmp_path/q, and an empty folder for the answers."""
    region = _region(tmp_path)
    made = run_cli("survey", "make", region, "--out", tmp_path / "q")
    assert made.exit_code == 0, made.output
    answers = tmp_path / "a"
    answers.mkdir()
    return region, answers


def _read(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def round_trip(tmp_path):
    """A region of five, questionnaires made, four of five returned (fnv does not answer)."""
    region = _region(tmp_path)
    made = run_cli("survey", "make", region, "--out", tmp_path / "q")
    assert made.exit_code == 0, made.output
    answers = tmp_path / "antwoorden"
    answers.mkdir()
    q = tmp_path / "q"
    # gem: funds roc (weight 2), shares a table with uwv (3), works with vno (2)
    _fill(q / "vragenlijst-gem.xlsx", answers / "Antwoord gemeente DEFINITIEF.xlsx",
          {("roc", "financiering", "wij financieren hen"): 2,
           ("uwv", "bestuur", "samen aan een bestuurlijke tafel"): 3,
           ("vno", "samenwerking", "wij werken samen"): 2})
    # roc: confirms the funding from gem in the other direction column, with weight 3 (disagreement on weight)
    _fill(q / "vragenlijst-roc.xlsx", answers / "roc.xlsx",
          {("gem", "financiering", "zij financieren ons"): 3,
           ("fnv", "advies", "zij adviseren ons"): 1},
          new=[("Opleider BV", "onderwijs", {("levering", "wij leveren aan hen"): 2})])
    # uwv: confirms the table with gem (3), says it refers people to roc (as text, as Excel may store it)
    _fill(q / "vragenlijst-uwv.xlsx", answers / "uwv (1).xlsx",
          {("gem", "bestuur", "samen aan een bestuurlijke tafel"): "3",
           ("roc", "toeleiding", "wij verwijzen mensen naar hen"): 1})
    # vno: answers, but names nothing with gem: a disagreement (gem named collaboration)
    _fill(q / "vragenlijst-vno.xlsx", answers / "vno.xlsx",
          {("roc", "levering", "zij leveren aan ons"): 1})
    (answers / "notities.xlsx").write_bytes((q / "overzicht.xlsx").read_bytes())   # not a questionnaire
    result = run_cli("survey", "collect", region, answers, "--into", tmp_path / "stad-enquete")
    return region, tmp_path / "stad-enquete", result


def test_survey_round_trip_confirmed_weights_and_reporters(round_trip):
    _, into, result = round_trip
    assert result.exit_code == 0, result.output
    got = {(r["source"], r["target"], r["type"]): (float(r["weight"]), r["reported_by"], r["confirmed"])
           for r in _read(into / "relations.csv")}
    expected = {
        ("gem", "roc", "funding"): ((2 + 3) / 2, "gem|roc", "yes"),        # both sides, same direction
        ("gem", "uwv", "governance"): (3.0, "gem|uwv", "yes"),
        ("gem", "vno", "collaboration"): (2.0, "gem", "no"),              # vno answered, did not name it
        ("fnv", "roc", "advice"): (1.0, "roc", "no"),                     # fnv did not answer
        ("uwv", "roc", "referral"): (1.0, "uwv", "no"),
        ("roc", "vno", "delivery"): (1.0, "vno", "no"),
    }
    assert got == expected


def test_survey_collect_reports_response_disagreements_and_new_organisations(round_trip):
    _, into, result = round_trip
    out = result.output
    assert "Respons: 4 van 5 organisaties (80%)" in out
    assert "Werkenden: 0 van 1 (0%)" in out and "Overheid: 1 van 1 (100%)" in out
    assert "Niet geantwoord (1): FNV Stad" in out
    # weight disagreement: both named funding gem -> roc, 2 and 3
    assert "Gemeente Stad en ROC Stad noemen allebei financiering Gemeente Stad → ROC Stad, maar met gewicht 2 en 3" in out
    # one-sided while the other side answered
    assert "Gemeente Stad noemt samenwerking Gemeente Stad – VNO-NCW Stad (gewicht 2); VNO-NCW Stad noemt die niet" in out
    assert "ROC Stad noemt toeleiding" not in out          # roc named no referral; uwv did: listed under UWV
    assert "UWV Stad noemt toeleiding UWV Stad → ROC Stad (gewicht 1); ROC Stad noemt die niet" in out
    # non-response is not a disagreement
    assert "FNV Stad noemt" not in out and "advies FNV Stad" not in out
    # the new organisation is left for review, not given an invented id
    new = _read(into / "new_organisations.csv")
    assert [(n["reported_by"], n["name"], n["group"]) for n in new] == [("roc", "Opleider BV", "onderwijs")]
    ids = {a["id"] for a in _read(into / "actors.csv")}
    assert ids == {a["id"] for a in ACTORS}
    survey = tomllib.loads((into / "region.toml").read_text(encoding="utf-8"))["survey"]
    assert survey["respondents"] == ["gem", "roc", "uwv", "vno"]
    assert "notities.xlsx" in result.output and "geen vragenlijst" in result.output


def test_analyse_ties_confirmed_and_report_states_response(round_trip, tmp_path):
    _, into, _ = round_trip
    out = tmp_path / "out"
    every = run_cli("analyse", into, "--out", out, "--bootstrap", "0", "--null-samples", "5")
    assert every.exit_code == 0, every.output
    summary = json.loads((out / "stad-enquete" / "summary.json").read_text(encoding="utf-8"))
    assert summary["relations"] == 6
    assert summary["survey"]["answered"] == 4 and summary["survey"]["invited"] == 5
    assert summary["survey"]["confirmed"] == 2 and summary["survey"]["ties"] == "all"
    assert "alleen de relaties die anderen over haar meldden" in every.output
    report = (out / "stad-enquete" / "report.html").read_text(encoding="utf-8")
    assert "4 van 5 organisaties antwoordden" in report
    only = run_cli("analyse", into, "--out", tmp_path / "out2", "--ties", "confirmed",
                   "--bootstrap", "0", "--null-samples", "5")
    assert only.exit_code == 0, only.output
    summary = json.loads((tmp_path / "out2" / "stad-enquete" / "summary.json").read_text(encoding="utf-8"))
    assert summary["relations"] == 2 and summary["survey"]["ties"] == "confirmed"


def test_ties_confirmed_without_survey_data_is_one_line(tmp_path):
    region = _region(tmp_path)
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--ties", "confirmed")
    assert result.exit_code == 2
    assert "--ties confirmed vraagt een kolom 'confirmed'" in result.output
    assert not (tmp_path / "out").exists()


def test_survey_bad_answer_and_duplicate_respondent(tmp_path):
    region, answers = _made(tmp_path)
    _fill(tmp_path / "q" / "vragenlijst-gem.xlsx", answers / "eerste.xlsx",
          {("roc", "financiering", "wij financieren hen"): 5})
    _fill(tmp_path / "q" / "vragenlijst-gem.xlsx", answers / "tweede.xlsx", {})
    result = run_cli("survey", "collect", region, answers, "--into", tmp_path / "uit")
    assert result.exit_code == 2
    assert ("eerste.xlsx[vragenlijst], rij" in result.output
            and "kolom 'financiering: wij financieren hen': '5' is geen 1, 2 of 3" in result.output)
    assert "tweede.xlsx: tweede ingevulde vragenlijst van 'gem' (ook: eerste.xlsx)" in result.output
    assert not (tmp_path / "uit").exists()


def test_questionnaire_is_protected_and_knows_its_respondent(tmp_path):
    region = _region(tmp_path)
    assert run_cli("survey", "make", region, "--out", tmp_path / "q").exit_code == 0
    workbook = load_workbook(tmp_path / "q" / "vragenlijst-uwv.xlsx")
    sheet = workbook.worksheets[0]
    assert sheet.protection.sheet
    assert sheet["A2"].value == "Organisatie: UWV Stad"
    listed = [sheet.cell(r, 1).value for r in range(7, 11)]
    assert sorted(listed) == ["fnv", "gem", "roc", "vno"]            # every other organisation, once
    assert sheet.cell(7, 1).protection.locked and not sheet.cell(7, 4).protection.locked
    headers = [sheet.cell(5, c).value for c in range(4, sheet.max_column + 1)]
    assert sorted(set(headers)) == sorted(["bestuur", "financiering", "levering", "vertegenwoordiging",
                                           "toeleiding", "samenwerking", "advies"])
    name = workbook.defined_names["ecosystem_respondent"]
    sheet_name, cell = next(name.destinations)
    assert workbook[sheet_name][cell.replace("$", "")].value == "uwv"
    assert workbook[sheet_name].sheet_state == "veryHidden"
    again = run_cli("survey", "make", region, "--out", tmp_path / "q")
    assert again.exit_code == 2 and "wordt niet overschreven" in again.output


def test_init_then_validate_gives_only_fill_in_warnings(tmp_path):
    folder = tmp_path / "twente"
    made = run_cli("init", folder, "--arbeidsmarktregio", "Twente")
    assert made.exit_code == 0, made.output
    workbook = load_workbook(folder / "ecosystem.xlsx")
    assert workbook.sheetnames == ["actoren", "relaties", "uitleg"]
    actors = workbook["actoren"]
    assert [c.value for c in actors[1]] == ["id", "naam", "groep", "soort", "schaal", "regio", "notitie"]
    assert actors.freeze_panes == "A2" and workbook["relaties"].freeze_panes == "A2"
    names = [actors.cell(r, 2).value for r in range(2, actors.max_row + 1)]
    assert names == ["Centrumgemeente (naam invullen)", "UWV (naam invullen)", "Leerwerkloket (naam invullen)",
                     "Regionaal Werkbedrijf (naam invullen)", "Regionaal mobiliteitsteam (naam invullen)"]
    lists = {str(v.sqref): v.formula1 for v in workbook["relaties"].data_validations.dataValidation}
    assert any("bestuur" in f and "advies" in f for f in lists.values())
    explained = " ".join(str(c.value) for row in workbook["uitleg"].iter_rows() for c in row)
    for word in ("bestuur", "financiering", "levering", "vertegenwoordiging", "toeleiding", "samenwerking",
                 "advies", "gewicht 1", "gewicht 3", "regio: "):
        assert word in explained
    checked = run_cli("validate", folder)
    assert checked.exit_code == 0, checked.output
    assert "geen problemen gevonden (5 actoren, 0 relaties" in checked.output
    warning_lines = [line for line in checked.output.splitlines() if line.startswith("let op")]
    assert warning_lines and all("naam invullen" in w or "geen relaties" in w for w in warning_lines)
    again = run_cli("init", folder)
    assert again.exit_code == 2 and "bestaat al en wordt nooit overschreven" in again.output


def test_init_names_only_what_the_reference_list_sources(tmp_path):
    result = run_cli("init", tmp_path / "drenthe", "--arbeidsmarktregio", "drenthe")
    assert result.exit_code == 0, result.output
    reference = (ROOT / "src" / "ecosystem" / "intake" / "data" / "arbeidsmarktregios.csv").read_text(encoding="utf-8")
    row = next(line for line in reference.splitlines() if line.startswith("AM03,"))
    assert ",Emmen,https://" in row                               # the list gives the name with its source
    actors = load_workbook(tmp_path / "drenthe" / "ecosystem.xlsx")["actoren"]
    assert actors["B2"].value == "Gemeente Emmen" and "emco-groep.nl" in actors["G2"].value
    assert actors["B3"].value == "UWV (naam invullen)"


def test_reference_list_has_the_sourced_count_and_codes():
    from ecosystem.intake.arbeidsmarktregios import reference

    regios = reference()
    assert len(regios) == 35                                      # Besluit werkgebieden UWV 2015, Bijlage 3
    by_code = {r.code: r.name for r in regios}
    assert by_code["AM05"] == "Twente" and by_code["AM25"] == "West-Brabant" and by_code["AM32"] == "Helmond-De Peel"
    assert all(r.sources for r in regios)
    assert all(not r.centrumgemeente or r.centrumgemeente_source for r in regios)


def test_unknown_arbeidsmarktregio_is_a_warning_with_the_closest_name(tmp_path):
    actors = [dict(a, region="Twentee") for a in ACTORS]
    region = write_region(tmp_path / "r", actors, RELATIONS + [{"source": "roc", "target": "vno", "type": "advice"},
                                                             {"source": "fnv", "target": "gem", "type": "advice"}])
    (region / "region.toml").write_text('name = "R"\narbeidsmarktregios = ["Noordoost Brabant", "Brabant-Noord"]\n',
                                        encoding="utf-8")
    result = run_cli("validate", region)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "arbeidsmarktregio" in line]
    assert any("'Twentee' staat niet in de lijst" in line and "Bedoelt u 'Twente'?" in line for line in lines)
    assert len([line for line in lines if "Twentee" in line]) == 1      # one line per name, not per row
    assert not any("Noordoost Brabant" in line for line in lines)      # spelling variant of Noordoost-Brabant
    # no region is spelt like 'Brabant-Noord', so none is suggested (a far one would mislead)
    assert any("'Brabant-Noord'" in line and "Bedoelt u" not in line for line in lines)


def test_validate_reports_what_analyse_reports_and_writes_nothing(tmp_path, region_copy):
    region = region_copy("small")
    before = sorted(p.name for p in region.iterdir())
    checked = run_cli("validate", region)
    analysed = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "5")
    assert checked.exit_code == analysed.exit_code == 0
    warnings = lambda out: sorted(line for line in out.splitlines() if line.startswith("let op"))  # noqa: E731
    assert warnings(checked.output) == warnings(analysed.output)
    assert sorted(p.name for p in region.iterdir()) == before
    (region / "relations.csv").write_text("bron;doel;soort\ngem;nobody;bestuur\n", encoding="utf-8")
    broken = run_cli("validate", region)
    assert broken.exit_code == 2 and "onbekende actor 'nobody'" in broken.output



def test_opposite_directions_are_not_confirmed_and_each_side_sees_the_other(tmp_path):
    region, answers = _made(tmp_path)
    _fill(tmp_path / "q" / "vragenlijst-gem.xlsx", answers / "g.xlsx",
          {("roc", "financiering", "wij financieren hen"): 2})
    _fill(tmp_path / "q" / "vragenlijst-roc.xlsx", answers / "r.xlsx",
          {("gem", "financiering", "wij financieren hen"): 2})
    result = run_cli("survey", "collect", region, answers, "--into", tmp_path / "uit")
    assert result.exit_code == 0, result.output
    rows = {(r["source"], r["target"]): r["confirmed"] for r in _read(tmp_path / "uit" / "relations.csv")}
    assert rows == {("gem", "roc"): "no", ("roc", "gem"): "no"}
    assert ("Gemeente Stad noemt financiering Gemeente Stad → ROC Stad (gewicht 2); ROC Stad noemt die niet, "
            "wel: financiering ROC Stad → Gemeente Stad") in result.output


def test_init_and_questionnaire_in_english(tmp_path):
    folder = tmp_path / "region"
    assert run_cli("init", folder, "--lang", "en").exit_code == 0
    workbook = load_workbook(folder / "ecosystem.xlsx")
    assert workbook.sheetnames == ["actors", "relations", "explanation"]
    assert [c.value for c in workbook["actors"][1]][:3] == ["id", "name", "group"]
    assert run_cli("validate", folder, "--lang", "en").exit_code == 0
    region = _region(tmp_path)
    made = run_cli("survey", "make", region, "--out", tmp_path / "q", "--lang", "en")
    assert made.exit_code == 0, made.output
    sheet = load_workbook(tmp_path / "q" / "questionnaire-gem.xlsx").worksheets[0]
    assert sheet["A2"].value == "Organisation: Gemeente Stad"
    assert "we fund them" in [sheet.cell(6, c).value for c in range(4, sheet.max_column + 1)]


def test_analyse_of_a_fresh_init_folder_is_one_line_not_a_crash(tmp_path):
    folder = tmp_path / "nieuw"
    assert run_cli("init", folder).exit_code == 0
    result = run_cli("analyse", folder, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "heeft nog geen relaties, dus er is geen netwerk om te analyseren" in result.output
    assert not (tmp_path / "out").exists()


def test_unanswered_questionnaire_returned_empty_counts_with_a_warning(tmp_path):
    region, answers = _made(tmp_path)
    _fill(tmp_path / "q" / "vragenlijst-fnv.xlsx", answers / "fnv.xlsx", {})
    _fill(tmp_path / "q" / "vragenlijst-gem.xlsx", answers / "gem.xlsx", {("fnv", "advies", "zij adviseren ons"): 1})
    result = run_cli("survey", "collect", region, answers, "--into", tmp_path / "uit")
    assert result.exit_code == 0, result.output
    assert "vragenlijst van 'fnv' bevat geen enkel antwoord" in result.output
    assert "Respons: 2 van 5" in result.output
    # fnv answered (empty), so gem's advice tie is a difference, not non-response
    assert "FNV Stad noemt die niet" in result.output


def test_collect_after_region_changed_ids_decide(tmp_path):
    region, answers = _made(tmp_path)
    _fill(tmp_path / "q" / "vragenlijst-gem.xlsx", answers / "gem.xlsx", {("roc", "advies", "wij adviseren hen"): 2,
                                                                         ("fnv", "advies", "wij adviseren hen"): 1})
    _fill(tmp_path / "q" / "vragenlijst-vno.xlsx", answers / "vno.xlsx", {("roc", "advies", "wij adviseren hen"): 1})
    # the region folder is renamed and fnv and vno are removed from the actors
    moved = write_region(tmp_path / "stad-2025", [a for a in ACTORS if a["id"] not in ("fnv", "vno")], RELATIONS)
    result = run_cli("survey", "collect", moved, answers, "--into", tmp_path / "uit")
    assert result.exit_code == 2
    assert "vno.xlsx: vragenlijst van 'vno', maar die id staat niet (meer) in de actoren" in result.output
    (answers / "vno.xlsx").unlink()
    result = run_cli("survey", "collect", moved, answers, "--into", tmp_path / "uit")
    assert result.exit_code == 0, result.output
    assert "gemaakt voor regiomap 'stad', niet 'stad-2025'; toch gelezen" in result.output
    assert "antwoorden over 'fnv', maar die id staat niet (meer) in de actoren" in result.output
    rows = [(r["source"], r["target"], r["type"]) for r in _read(tmp_path / "uit" / "relations.csv")]
    assert rows == [("gem", "roc", "advice")]


def test_regression_pin_readme_survey_example(round_trip):
    """Regression pin: the worked example in README 'Van nul tot kaart' is this round trip's output."""
    _, into, result = round_trip
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ ecosystem survey collect stad antwoorden/ --into stad-enquete\n", 1)[1].split("```", 1)[0]
    assert result.output.replace(str(into), "stad-enquete") == block


# --- the review of the survey round: user edits kept, own output understood, every file accounted for ---


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("let op")]


def test_collect_again_never_overwrites_a_folder_the_user_changed(round_trip):
    region, into, result = round_trip
    answers = into.parent / "antwoorden"
    assert result.exit_code == 0, result.output
    again = run_cli("survey", "collect", region, answers, "--into", into)
    assert again.exit_code == 0, again.output          # unchanged since collect wrote it: may be replaced
    # The README's advice: add the organisation respondents named to the collected folder yourself.
    with open(into / "actors.csv", "a", encoding="utf-8") as fh:
        fh.write("opl,Opleider BV,education,,,\n")
    kept = _files(into)
    refused = run_cli("survey", "collect", region, answers, "--into", into)
    assert refused.exit_code == 2
    errors = [line for line in refused.output.splitlines() if line.startswith("fout")]
    assert len(errors) == 1 and "actors.csv" in errors[0] and "--into" in errors[0]
    assert "relations.csv" not in errors[0]                   # only what changed is named
    assert _files(into) == kept                               # nothing written, the edit is there
    # A changed note in region.toml counts as well.
    (into / "actors.csv").write_bytes(kept["actors.csv"].replace(b"opl,Opleider BV,education,,,\n", b""))
    assert run_cli("survey", "collect", region, answers, "--into", into).exit_code == 0
    toml = (into / "region.toml").read_text(encoding="utf-8").replace('note = ""', 'note = "voorlopig"')
    (into / "region.toml").write_text(toml, encoding="utf-8")
    refused = run_cli("survey", "collect", region, answers, "--into", into)
    assert refused.exit_code == 2 and "region.toml" in refused.output
    assert 'note = "voorlopig"' in (into / "region.toml").read_text(encoding="utf-8")
    # A folder with a [survey] table but no record of what was written (an older collect): not replaced.
    old = into.parent / "oud"
    old.mkdir()
    (old / "region.toml").write_text('name = "stad"\n[survey]\ninvited = ["gem"]\nrespondents = ["gem"]\n',
                                     encoding="utf-8")
    (old / "actors.csv").write_text("id,name,group\ngem,Gemeente Stad,government\n", encoding="utf-8")
    kept = _files(old)
    refused = run_cli("survey", "collect", region, answers, "--into", old)
    assert refused.exit_code == 2 and _files(old) == kept


def test_validate_on_collect_output_warns_only_about_the_region(round_trip):
    """The [survey] table and the reported_by/confirmed columns are the tool's own, used by analyse."""
    _, into, result = round_trip
    assert result.exit_code == 0, result.output
    checked = run_cli("validate", into)
    assert checked.exit_code == 0, checked.output
    for word in ("'survey'", "'reported_by'", "'confirmed'", "niet herkend", "onbekende instelling"):
        assert not any(word in line for line in _warnings(checked.output)), checked.output
    # an unknown setting or column next to them is still named
    toml = (into / "region.toml").read_text(encoding="utf-8")
    (into / "region.toml").write_text("enquete = 1\n" + toml, encoding="utf-8")
    rows = (into / "relations.csv").read_text(encoding="utf-8").splitlines()
    (into / "relations.csv").write_text("\n".join([rows[0] + ",bron_van"] + [r + ",x" for r in rows[1:]]) + "\n",
                                        encoding="utf-8")
    checked = run_cli("validate", into)
    assert any("onbekende instelling 'enquete'" in w for w in _warnings(checked.output))
    assert any("kolom 'bron_van' niet herkend" in w for w in _warnings(checked.output))


def test_collect_reads_subfolders_and_names_every_file_it_skips(tmp_path):
    region, answers = _made(tmp_path)
    q = tmp_path / "q"
    (answers / "gemeente").mkdir()
    _fill(q / "vragenlijst-gem.xlsx", answers / "gemeente" / "vragenlijst-gem.xlsx",
          {("uwv", "bestuur", "samen aan een bestuurlijke tafel"): 3})
    _fill(q / "vragenlijst-uwv.xlsx", answers / "uwv.xlsx", {("gem", "bestuur", "samen aan een bestuurlijke tafel"): 2})
    _fill(q / "vragenlijst-roc.xlsx", tmp_path / "roc.xlsx", {("gem", "advies", "wij adviseren hen"): 1})
    import zipfile
    with zipfile.ZipFile(answers / "roc.xlsx.zip", "w") as archive:      # sent back zipped: not read
        archive.write(tmp_path / "roc.xlsx", "roc.xlsx")
    (answers / "gemeente" / "begeleidende mail.txt").write_text("zie bijlage", encoding="utf-8")
    result = run_cli("survey", "collect", region, answers, "--into", tmp_path / "uit")
    assert result.exit_code == 0, result.output
    assert "Respons: 2 van 5" in result.output                        # gem (in a subfolder) and uwv
    rows = {(r["source"], r["target"], r["type"]): r["confirmed"] for r in _read(tmp_path / "uit" / "relations.csv")}
    assert rows == {("gem", "uwv", "governance"): "yes"}
    skipped = [w for w in _warnings(result.output) if "overgeslagen" in w]
    assert sorted(w.split(": ")[1] for w in skipped) == ["gemeente/begeleidende mail.txt", "roc.xlsx.zip"]
    # a second questionnaire of one organisation in another subfolder is an error naming both files
    (answers / "kopie").mkdir()
    _fill(q / "vragenlijst-gem.xlsx", answers / "kopie" / "gem.xlsx", {})
    twice = run_cli("survey", "collect", region, answers, "--into", tmp_path / "uit2")
    assert twice.exit_code == 2
    assert "kopie/gem.xlsx: tweede ingevulde vragenlijst van 'gem' (ook: gemeente/vragenlijst-gem.xlsx)" in twice.output


def test_organisation_added_after_make_is_not_asked_not_unanswered(tmp_path):
    region, answers = _made(tmp_path)
    _fill(tmp_path / "q" / "vragenlijst-gem.xlsx", answers / "gem.xlsx", {("uwv", "advies", "wij adviseren hen"): 1})
    _fill(tmp_path / "q" / "vragenlijst-uwv.xlsx", answers / "uwv.xlsx", {("gem", "advies", "zij adviseren ons"): 1})
    # after make, an organisation is added to the region: it never got a questionnaire
    added = {"id": "hbo", "name": "Hogeschool Stad", "group": "education"}
    write_region(region, ACTORS + [added], RELATIONS)
    result = run_cli("survey", "collect", region, answers, "--into", tmp_path / "uit")
    assert result.exit_code == 0, result.output
    asked = [a for a in ACTORS]                                   # the five the questionnaires were made for
    unanswered = sorted(a["name"] for a in asked if a["id"] not in ("gem", "uwv"))
    assert f"Respons: 2 van {len(asked)} organisaties" in result.output
    assert f"Niet geantwoord ({len(unanswered)}): {', '.join(unanswered)}\n" in result.output
    assert "Niet gevraagd (1)" in result.output and "Hogeschool Stad" in result.output.split("Niet gevraagd")[1]
    assert "Onderwijs: 0 van 1" in result.output                   # roc only: hbo was not asked
    survey = tomllib.loads((tmp_path / "uit" / "region.toml").read_text(encoding="utf-8"))["survey"]
    assert survey["invited"] == sorted(a["id"] for a in asked)
    out = tmp_path / "out"
    analysed = run_cli("analyse", tmp_path / "uit", "--out", out, "--bootstrap", "0", "--null-samples", "5")
    assert analysed.exit_code == 0, analysed.output
    summary = json.loads((out / "uit" / "summary.json").read_text(encoding="utf-8"))["survey"]
    assert (summary["invited"], summary["answered"], summary["not_asked"]) == (5, 2, 1)
    assert summary["response_rate"] == round(2 / 5, 6)
    assert "1 organisatie in de gegevens kreeg geen vragenlijst" in summary["text"]


def test_make_and_collect_give_the_regions_warnings_as_validate_does(tmp_path):
    folder = tmp_path / "twente"
    assert run_cli("init", folder, "--arbeidsmarktregio", "Twente").exit_code == 0
    expected = _warnings(run_cli("validate", folder).output)
    assert any("naam invullen" in w for w in expected)
    made = run_cli("survey", "make", folder, "--out", tmp_path / "q")
    assert made.exit_code == 0, made.output
    assert _warnings(made.output) == expected
    answers = tmp_path / "a"
    answers.mkdir()
    _fill(tmp_path / "q" / "vragenlijst-uwv.xlsx", answers / "uwv.xlsx",
          {("rwb", "samenwerking", "wij werken samen"): 2})
    collected = run_cli("survey", "collect", folder, answers, "--into", tmp_path / "uit")
    assert collected.exit_code == 0, collected.output
    assert _warnings(collected.output)[:len(expected)] == expected


def test_collected_source_in_both_languages_and_the_regions_own_translations_kept(round_trip, tmp_path):
    region, _, _ = round_trip
    (region / "region.toml").write_text('name = "Stad"\n[en]\nname = "Town"\nnote = "draft"\n', encoding="utf-8")
    into = tmp_path / "en-uit"
    result = run_cli("survey", "collect", region, tmp_path / "antwoorden", "--into", into, "--lang", "en")
    assert result.exit_code == 0, result.output
    toml = tomllib.loads((into / "region.toml").read_text(encoding="utf-8"))
    assert toml["name"] == "Stad" and toml["en"]["name"] == "Town" and toml["en"]["note"] == "draft"
    out = tmp_path / "out"
    for lang, words in (("en", "survey (ecosystem survey collect): 4 of 5 organisations answered"),
                        ("nl", "enquête (ecosystem survey collect): 4 van 5 organisaties antwoordden")):
        analysed = run_cli("analyse", into, "--out", out / lang, "--lang", lang, "--bootstrap", "0",
                           "--null-samples", "5")
        assert analysed.exit_code == 0, analysed.output
        summary = json.loads((out / lang / "en-uit" / "summary.json").read_text(encoding="utf-8"))
        assert summary["text"]["source"] == words
        assert words in (out / lang / "en-uit" / "report.html").read_text(encoding="utf-8")
