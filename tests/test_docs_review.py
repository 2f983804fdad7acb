"""What the README says about spreadsheets that are not read holds also beside the other table's CSV.

A LibreOffice .ods, an old .xls or an Apple Numbers file saved under a table's name ('relations.xls')
beside the other table's CSV ('actors.csv') is named in the one line about the missing CSV, which says
to save it as CSV under that name or to put both tables in one ecosystem.xlsx (an .xlsx beside the CSV
would not be read either). The only-spreadsheet folder keeps its own message (save it as .xlsx).
"""
from __future__ import annotations

import pytest

from conftest import run_cli, write_region, write_workbook

ACTORS = [{"id": "gem", "name": "Gemeente", "group": "overheid"},
          {"id": "uwv", "name": "UWV", "group": "intermediairs"},
          {"id": "roc", "name": "ROC", "group": "onderwijs"}]
RELATIONS = [{"source": "gem", "target": "uwv", "type": "bestuur", "weight": "2"},
             {"source": "roc", "target": "gem", "type": "levering", "weight": "1"}]
# The first bytes of an old .xls (an OLE2 compound file); the content is never read.
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)

MESSAGE = {
    "nl": ("fout: {file}: bestand ontbreekt; in de map staat wel {found}, maar dat formaat wordt niet gelezen. "
           "Open het en sla het op als CSV (UTF-8) met de naam {file}, of zet beide tabellen in één ecosystem.xlsx "
           "met de tabbladen 'actors' en 'relations' in plaats van de CSV-bestanden."),
    "en": ("error: {file}: file is missing; the folder does hold {found}, but that format is not read. "
           "Open it and save it as CSV (UTF-8) named {file}, or put both tables in one ecosystem.xlsx "
           "with sheets 'actors' and 'relations' instead of the CSV files."),
}
# Several such files: the verb and the pronoun in the plural, and which file to open left to the reader.
MESSAGE_MANY = {
    "nl": ("fout: {file}: bestand ontbreekt; in de map staan wel {found}, maar die worden niet gelezen. "
           "Open het bestand waarin de tabel staat en sla het op als CSV (UTF-8) met de naam {file}, of zet beide tabellen "
           "in één ecosystem.xlsx met de tabbladen 'actors' en 'relations' in plaats van de CSV-bestanden."),
    "en": ("error: {file}: file is missing; the folder does hold {found}, but those are not read. "
           "Open the one that holds the table and save it as CSV (UTF-8) named {file}, or put both tables in one "
           "ecosystem.xlsx with sheets 'actors' and 'relations' instead of the CSV files."),
}


def _region_with(tmp_path, missing: str, spreadsheet: str, content: bytes = OLE2):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    (folder / missing).unlink()
    (folder / spreadsheet).write_bytes(content)
    return folder


def _problem_lines(output: str, lang: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("fout: " if lang == "nl" else "error: ")]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("command", ["validate", "analyse"])
@pytest.mark.parametrize("missing, spreadsheet", [("relations.csv", "relations.xls"),
                                                  ("actors.csv", "actors.ods")])
def test_an_unread_spreadsheet_beside_the_other_csv_is_named(tmp_path, lang, command, missing, spreadsheet):
    folder = _region_with(tmp_path, missing, spreadsheet, OLE2 if spreadsheet.endswith(".xls") else b"PK\x03\x04")
    extra = ("--out", tmp_path / "out") if command == "analyse" else ()
    result = run_cli(command, folder, *extra, "--lang", lang)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert _problem_lines(result.output, lang) == [MESSAGE[lang].format(file=missing, found=spreadsheet)]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dutch_names_any_case_and_numbers_are_found_too(tmp_path, lang):
    """'Relaties.xls' and 'relations.numbers' are the relations table too; both are named, in one line."""
    folder = _region_with(tmp_path, "relations.csv", "Relaties.xls")
    (folder / "relations.numbers").write_bytes(b"PK\x03\x04")
    result = run_cli("validate", folder, "--lang", lang)
    assert result.exit_code == 2, result.output
    found = {"nl": "Relaties.xls en relations.numbers", "en": "Relaties.xls and relations.numbers"}[lang]
    assert _problem_lines(result.output, lang) == [MESSAGE_MANY[lang].format(file="relations.csv", found=found)]


def test_a_spreadsheet_under_another_name_is_not_taken_for_the_table(tmp_path):
    """'begroting.xls' beside actors.csv is not the relations table: the plain message about the missing file."""
    folder = _region_with(tmp_path, "relations.csv", "begroting.xls")
    result = run_cli("validate", folder)
    assert result.exit_code == 2, result.output
    assert _problem_lines(result.output, "nl") == [
        "fout: relations.csv: bestand ontbreekt. Zet relations.csv in de regiomap, of lever één ecosystem.xlsx "
        "met de tabbladen 'actors' en 'relations'."]


def test_the_named_table_comes_before_another_workbook(tmp_path):
    """relations.ods and a notes workbook beside actors.csv: the line names relations.ods, the table."""
    folder = _region_with(tmp_path, "relations.csv", "relations.ods", b"PK\x03\x04")
    write_workbook(folder / "notities.xlsx", {"Blad1": [["notitie"], ["bellen"]]})
    result = run_cli("validate", folder)
    assert result.exit_code == 2, result.output
    assert _problem_lines(result.output, "nl") == [MESSAGE["nl"].format(file="relations.csv", found="relations.ods")]


def test_an_xlsx_beside_the_csv_would_not_be_read_either(tmp_path):
    """Why the message says CSV (or one ecosystem.xlsx), not .xlsx: relations.xlsx beside actors.csv is not read."""
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    (folder / "relations.csv").unlink()
    write_workbook(folder / "relations.xlsx", {"relations": [["source", "target", "type"], ["gem", "uwv", "bestuur"]]})
    result = run_cli("validate", folder)
    assert result.exit_code == 2, result.output
    assert "relations.csv: bestand ontbreekt" in result.output


@pytest.mark.parametrize("lang, line", [
    ("nl", "fout: relations.xls: dit is het oude Excel-formaat (.xls), dat niet gelezen wordt. Open het in Excel en "
           "kies Opslaan als > Excel-werkmap (.xlsx)."),
    ("en", "error: relations.xls: this is the old Excel format (.xls), which is not read. Open it in Excel and "
           "choose Save As > Excel Workbook (.xlsx).")])
def test_a_spreadsheet_alone_still_gets_the_save_as_xlsx_message(tmp_path, lang, line):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "relations.xls").write_bytes(OLE2)
    result = run_cli("validate", folder, "--lang", lang)
    assert result.exit_code == 2, result.output
    assert _problem_lines(result.output, lang) == [line]
