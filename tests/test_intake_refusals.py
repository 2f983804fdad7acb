"""The intake commands (init, survey make/collect, import kumu) refuse what would lose or hide a user's data.

Each refusal is one line naming the path and what to do, with exit code 2 and nothing
written; each test also checks that the user's files are byte for byte as they were.
"""
from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import run_cli, write_region, write_workbook

ACTORS = [
    {"id": "gem", "name": "Gemeente Stad", "group": "government"},
    {"id": "uwv", "name": "UWV Stad", "group": "intermediaries"},
    {"id": "roc", "name": "ROC Stad", "group": "education"},
]
RELATIONS = [{"source": "gem", "target": "uwv", "type": "governance"}]


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _one_error_line(result, *parts: str) -> str:
    """The one 'fout:'/'error:' line of ``result``, which must hold every one of ``parts``; no traceback."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "(--debug)" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith(("fout:", "error:"))]
    assert len(lines) == 1, result.output
    for part in parts:
        assert part in lines[0], (part, lines[0])
    return lines[0]


# --- init --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("files", [("actors.csv", "relations.csv"), ("LLO-netwerk.xlsx",), ("actors.csv",)])
def test_init_refuses_a_folder_with_region_data_and_names_the_files(tmp_path, files):
    folder = write_region(tmp_path / "twente", ACTORS, RELATIONS)
    for name in ("actors.csv", "relations.csv"):
        if name not in files:
            (folder / name).unlink()
    if "LLO-netwerk.xlsx" in files:
        write_workbook(folder / "LLO-netwerk.xlsx", {"actoren": [["id", "naam", "groep"], ["gem", "Gemeente", "overheid"]]})
    before = _snapshot(folder)
    result = run_cli("init", folder)
    line = _one_error_line(result, str(folder), "bevat al regiogegevens", *files)
    assert "ecosystem validate" in line
    assert _snapshot(folder) == before                          # no ecosystem.xlsx, no region.toml


def test_init_refuses_an_empty_path_and_writes_nothing_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("init", "")
    _one_error_line(result, "geef de naam van de nieuwe regiomap")
    assert list(tmp_path.iterdir()) == []
    english = run_cli("init", "  ", "--lang", "en")
    _one_error_line(english, "give the name of the new region folder")
    assert list(tmp_path.iterdir()) == []


def test_validate_says_which_workbook_it_reads_beside_another(tmp_path):
    folder = tmp_path / "regio"
    assert run_cli("init", folder).exit_code == 0
    write_workbook(folder / "LLO-netwerk.xlsx", {"actoren": [["id", "naam", "groep"], ["x", "X", "overheid"]]})
    result = run_cli("validate", folder)
    assert result.exit_code == 0, result.output
    assert ("let op: regio: gelezen is ecosystem.xlsx; ook in de map, maar niet gelezen: LLO-netwerk.xlsx"
            in result.output)
    # two workbooks and neither named ecosystem.xlsx: refused, as before (several_xlsx)
    (folder / "ecosystem.xlsx").rename(folder / "sjabloon.xlsx")
    (folder / "region.toml").unlink()
    result = run_cli("validate", folder)
    assert result.exit_code == 2 and "meerdere werkmappen (LLO-netwerk.xlsx, sjabloon.xlsx)" in result.output


# --- survey make: names are data, never formulas -------------------------------------------------------

LINK = '=HYPERLINK("http://x","klik")'


def test_survey_writes_names_and_ids_as_text_and_collect_round_trips_them(tmp_path):
    from test_survey import _fill, _read

    actors = [{"id": "=A1", "name": LINK, "group": "government"}, *ACTORS[1:]]
    region = write_region(tmp_path / "stad", actors, [{"source": "=A1", "target": "uwv", "type": "governance"}])
    made = run_cli("survey", "make", region, "--out", tmp_path / "q")
    assert made.exit_code == 0, made.output
    written = sorted((tmp_path / "q").glob("*.xlsx"))
    assert len(written) == 4                                   # three questionnaires and overzicht.xlsx
    for path in written:
        workbook = load_workbook(path)                         # formulas as written, not their results
        cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"], path.name
        texts = {c.value for c in cells}
        assert LINK in texts or path.name == "vragenlijst-A1.xlsx", path.name
    answers = tmp_path / "a"
    answers.mkdir()
    _fill(tmp_path / "q" / "vragenlijst-A1.xlsx", answers / "link.xlsx",
          {("uwv", "bestuur", "samen aan een bestuurlijke tafel"): 3})
    _fill(tmp_path / "q" / "vragenlijst-uwv.xlsx", answers / "uwv.xlsx",
          {("=A1", "bestuur", "samen aan een bestuurlijke tafel"): 2})
    collected = run_cli("survey", "collect", region, answers, "--into", tmp_path / "uit")
    assert collected.exit_code == 0, collected.output
    assert "Respons: 2 van 3" in collected.output
    assert {(a["id"], a["name"]) for a in _read(tmp_path / "uit" / "actors.csv")} >= {("=A1", LINK)}
    assert [(r["source"], r["target"], r["reported_by"], r["confirmed"])
            for r in _read(tmp_path / "uit" / "relations.csv")] == [("=A1", "uwv", "=A1|uwv", "yes")]
    assert run_cli("validate", tmp_path / "uit").exit_code == 0


# --- survey collect: nothing returned is skipped without a word ------------------------------------------


def _made(tmp_path: Path) -> tuple[Path, Path]:
    region = write_region(tmp_path / "stad", ACTORS, RELATIONS)
    made = run_cli("survey", "make", region, "--out", tmp_path / "q")
    assert made.exit_code == 0, made.output
    return region, tmp_path / "q"


def test_collect_names_every_questionnaire_saved_in_another_format(tmp_path):
    from test_survey import _fill

    region, q = _made(tmp_path)
    answers = tmp_path / "a"
    answers.mkdir()
    _fill(q / "vragenlijst-gem.xlsx", answers / "gem.xlsx", {("uwv", "bestuur", "samen aan een bestuurlijke tafel"): 3})
    for name, suffix in (("uwv", ".xls"), ("roc", ".ods"), ("uwv-macro", ".xlsm")):
        (answers / f"{name}{suffix}").write_bytes((q / "vragenlijst-uwv.xlsx").read_bytes())
    result = run_cli("survey", "collect", region, answers, "--into", tmp_path / "uit")
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("fout:")]
    assert sorted(lines) == [f"fout: {name}: opgeslagen als {suffix}, dus de antwoorden hierin zijn niet gelezen "
                             f"(alleen .xlsx wordt gelezen). Open het bestand, sla het op als Excel-werkmap (.xlsx) "
                             f"en haal het {suffix}-bestand uit de map."
                             for name, suffix in sorted([("roc.ods", ".ods"), ("uwv-macro.xlsm", ".xlsm"),
                                                         ("uwv.xls", ".xls")])]
    assert not (tmp_path / "uit").exists()


def test_collect_without_any_questionnaire_says_so(tmp_path):
    region, q = _made(tmp_path)
    answers = tmp_path / "a"
    answers.mkdir()
    result = run_cli("survey", "collect", region, answers, "--into", tmp_path / "uit")
    _one_error_line(result, f"{answers}: geen enkele ingevulde vragenlijst (.xlsx) in deze map")
    (answers / "overzicht.xlsx").write_bytes((q / "overzicht.xlsx").read_bytes())
    result = run_cli("survey", "collect", region, answers, "--into", tmp_path / "uit", "--lang", "en")
    _one_error_line(result, "no returned questionnaire at all in this folder",
                    "not made by 'ecosystem survey make': overzicht.xlsx")
    assert "0 of 3" not in result.output and not (tmp_path / "uit").exists()


def test_collect_reports_an_answer_formula_without_a_saved_result_as_analyse_does(tmp_path):
    from test_survey import _fill

    region, q = _made(tmp_path)
    answers = tmp_path / "a"
    answers.mkdir()
    _fill(q / "vragenlijst-gem.xlsx", answers / "gem.xlsx",
          {("uwv", "bestuur", "samen aan een bestuurlijke tafel"): "=1+1",
           ("roc", "financiering", "wij financieren hen"): 2})
    result = run_cli("survey", "collect", region, answers, "--into", tmp_path / "uit")
    line = _one_error_line(result, "gem.xlsx[vragenlijst], rij", "kolom 'bestuur: samen aan een bestuurlijke tafel'",
                           "de cel bevat de formule =1+1 zonder opgeslagen uitkomst")
    # the same words analyse uses for a region workbook
    write_workbook(tmp_path / "r" / "ecosystem.xlsx", {
        "actors": [["id", "name", "group"], ["a", "A", "government"], ["b", "B", "government"]],
        "relations": [["source", "target", "type", "weight"], ["a", "b", "governance", "=1+1"]]})
    analysed = run_cli("validate", tmp_path / "r")
    assert line.split("': ", 1)[1] in analysed.output


# --- survey: the region folder is only read -----------------------------------------------------------


def test_survey_make_and_collect_refuse_folders_inside_the_region_folder(tmp_path):
    from test_survey import _fill

    region, q = _made(tmp_path)
    before = _snapshot(region)
    for out in (region, region / "vragenlijsten"):
        result = run_cli("survey", "make", region, "--out", out)
        _one_error_line(result, f"uitvoermap {out}", "Kies met --out")
    answers = tmp_path / "a"
    answers.mkdir()
    _fill(q / "vragenlijst-gem.xlsx", answers / "gem.xlsx", {("uwv", "bestuur", "samen aan een bestuurlijke tafel"): 3})
    result = run_cli("survey", "collect", region, answers, "--into", region / "enquete")
    _one_error_line(result, f"--into {region / 'enquete'} ligt in de regiomap {region}")
    result = run_cli("survey", "collect", region, answers, "--into", region)
    _one_error_line(result, f"--into {region} is de regiomap zelf")
    assert _snapshot(region) == before


# --- a folder that cannot be written: one line, exit 2 ------------------------------------------------


def _commands(tmp_path: Path, target: Path) -> dict[str, list]:
    """Each intake command, writing into ``target``."""
    region, q = _made(tmp_path)
    answers = tmp_path / "a"
    answers.mkdir(exist_ok=True)
    (answers / "gem.xlsx").write_bytes((q / "vragenlijst-gem.xlsx").read_bytes())
    kumu = write_workbook(tmp_path / "kumu.xlsx", {"Elements": [["Label", "Type"], ["A", "gemeente"], ["B", "UWV"]],
                                                    "Connections": [["From", "To", "Type"], ["A", "B", "bestuur"]]})
    return {"init": ["init", target],
            "survey make": ["survey", "make", region, "--out", target],
            "survey collect": ["survey", "collect", region, answers, "--into", target],
            "import kumu": ["import", "kumu", kumu, "--into", target]}


COMMANDS = ("init", "survey make", "survey collect", "import kumu")
HOW = {"init": "Kies een andere map voor de nieuwe regio", "survey make": "Kies met --out een andere map",
       "survey collect": "Kies met --into een andere map", "import kumu": "Kies met --into een andere map"}


# init on an existing file was refused before (init_not_folder); under a file it was not.
@pytest.mark.parametrize("command,where", [(c, w) for c in COMMANDS for w in ("the file", "under the file")
                                           if (c, w) != ("init", "the file")])
def test_a_file_where_the_folder_should_be_is_one_line(tmp_path, command, where):
    blocking = tmp_path / "notities.txt"
    blocking.write_text("mijn notities", encoding="utf-8")
    target = blocking if where == "the file" else blocking / "regio"
    args = _commands(tmp_path, target)[command]
    result = run_cli(*args)
    _one_error_line(result, f"{blocking} is een bestand, geen map. {HOW[command]}")
    assert blocking.read_text(encoding="utf-8") == "mijn notities"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_disk_is_one_line(tmp_path, monkeypatch, command):
    target = tmp_path / "nieuw"
    args = _commands(tmp_path, target)[command]

    def read_only(self, *args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))
    monkeypatch.setattr(Path, "mkdir", read_only)
    result = run_cli(*args)
    _one_error_line(result, f"kan niet schrijven in {target} (de schijf is alleen-lezen). {HOW[command]}")
    assert not target.exists()


def test_no_write_permission_is_one_line_naming_the_folder(tmp_path, monkeypatch):
    from ecosystem.io import outputs

    target = tmp_path / "gedeeld" / "regio"
    target.parent.mkdir()
    args = _commands(tmp_path, target)["survey make"]
    real = os.access
    monkeypatch.setattr(outputs.os, "access", lambda path, mode: Path(path) != target.parent and real(path, mode))
    result = run_cli(*args)
    _one_error_line(result, f"geen schrijfrechten in {target.parent}. Kies met --out een andere map")
    assert list(target.parent.iterdir()) == []


def test_import_kumu_of_a_json_or_csv_export_is_one_line(tmp_path):
    for name in ("export.json", "export.csv"):
        (tmp_path / name).write_text('{"elements": []}', encoding="utf-8")
        result = run_cli("import", "kumu", tmp_path / name, "--into", tmp_path / "regio")
        _one_error_line(result, f"{name}: geen Excel-werkmap (.xlsx); 'import kumu' leest de Excel-export van Kumu")
        assert not (tmp_path / "regio").exists()
