"""Data that was lost or changed without a word: each case now gives an error (exit 2) or is read whole.

Every test drives the real CLI (`ecosystem validate`, and `analyse` where the two must agree)
on real files, as README's "Nothing silently wrong" table promises.
"""
from __future__ import annotations

import builtins
import os
import re
import shutil
import zipfile
from pathlib import Path

from conftest import run_cli, write_workbook

ACTORS = "id;naam;groep\ngem;Gemeente;overheid\nroc;ROC;onderwijs\nuwv;UWV;intermediairs\nvno;VNO;werkgevers\n"


def _folder(tmp_path: Path, actors: str | bytes = ACTORS, relations: str | bytes = "", name: str = "r") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file, content in (("actors.csv", actors), ("relations.csv", relations)):
        (folder / file).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def _validate(folder: Path, *extra: str):
    result = run_cli("validate", folder, *extra)
    assert "Traceback" not in result.output
    return result, result.output.splitlines()


# --- 1. an unclosed quote swallowed every later row into one cell -----------------------------

def test_unclosed_quote_is_an_error_where_it_opens(tmp_path):
    relations = ('bron;doel;soort;notitie\ngem;vno;samenwerking;"bestuurlijk overleg\nuwv;vno;levering;\n'
                 'roc;uwv;advies;\ngem;roc;bestuur;\n')
    folder = _folder(tmp_path, relations=relations)
    result, lines = _validate(folder)
    assert result.exit_code == 2, result.output
    assert lines[0] == ("fout: relations.csv, rij 2, kolom 'notitie': het aanhalingsteken (\") aan het begin van "
                        "deze cel wordt niet gesloten, zodat wat daarna komt als tekst in deze ene cel staat en "
                        "niet als rijen wordt gelezen (regels: 3). Zet een \" aan het eind van de tekst van de cel, "
                        "of verwijder het aanhalingsteken.")
    english, _ = _validate(folder, "--lang", "en")
    assert "relations.csv, row 2, column 'notitie': the quote (\") at the start of this cell is never closed" in english.output
    analysed = run_cli("analyse", folder, "--out", tmp_path / "out")
    assert analysed.exit_code == 2 and "aanhalingsteken" in analysed.output


def test_two_stray_quotes_and_a_quote_at_the_end_are_found_too(tmp_path):
    # A second stray quote closes the first: the rows between still vanish into one cell.
    relations = ('bron;doel;soort\ngem;"vno;samenwerking\nuwv;vno;levering\nroc;uwv";advies\ngem;roc;bestuur\n')
    result, lines = _validate(_folder(tmp_path, relations=relations))
    assert result.exit_code == 2
    assert any(line.startswith("fout: relations.csv, rij 2, kolom 'doel': het aanhalingsteken") for line in lines)
    # A quote in the last row that runs to the end of the file: nothing after it, but it is still unclosed.
    relations = 'bron;doel;soort;notitie\ngem;vno;samenwerking;"overleg'
    result, lines = _validate(_folder(tmp_path, relations=relations, name="end"))
    assert result.exit_code == 2
    assert ("fout: relations.csv, rij 2, kolom 'notitie': het aanhalingsteken (\") aan het begin van deze cel wordt "
            "niet gesloten (de cel loopt door tot het eind van het bestand)") in result.output


def test_a_closed_note_over_several_lines_still_loads(tmp_path):
    relations = ('bron;doel;soort;notitie\r\ngem;vno;samenwerking;"bestuurlijk overleg\r\nelke maand; '
                 'in het stadhuis"\r\nuwv;vno;levering;\r\nroc;uwv;advies;"zegt ""ja"""\r\n')
    folder = _folder(tmp_path, relations=relations)
    result, lines = _validate(folder)
    assert result.exit_code == 0, result.output
    assert "(4 actoren, 3 relaties" in lines[-1]


# --- 2. a workbook whose sheet states a wrong range was cut off --------------------------------

def _with_dimension(path: Path, ref: str) -> None:
    """Rewrite every sheet's <dimension ref=...> as Apache POI's streaming writer and others do."""
    data = {}
    with zipfile.ZipFile(path) as archive:
        for item in archive.infolist():
            data[item] = archive.read(item.filename)
    with zipfile.ZipFile(path, "w") as archive:
        for item, content in data.items():
            if item.filename.startswith("xl/worksheets/sheet"):
                content, n = re.subn(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), content)
                assert n == 1
            archive.writestr(item, content)


def test_a_wrong_sheet_dimension_does_not_cut_the_sheet_off(tmp_path):
    for ref in ("A1", "A1:C3"):
        folder = tmp_path / ref.replace(":", "-")
        path = write_workbook(folder / "ecosystem.xlsx", {
            "actors": [["id", "name", "group"], ["gem", "Gemeente", "overheid"], ["roc", "ROC", "onderwijs"],
                       ["uwv", "UWV", "intermediairs"], ["vno", "VNO", "werkgevers"]],
            "relations": [["source", "target", "type", "weight"], ["gem", "roc", "collaboration", 3],
                          ["roc", "uwv", "delivery", 3], ["uwv", "gem", "advice", 3], ["gem", "vno", "advice", 2],
                          ["vno", "roc", "advice", "veel"]]})
        _with_dimension(path, ref)
        result, lines = _validate(folder)
        assert result.exit_code == 2, result.output
        assert lines == ["fout: ecosystem.xlsx[relations], rij 6, kolom 'weight': 'veel' is geen getal. Gebruik "
                         "een getal groter dan 0, bijvoorbeeld 1 of 2,5.",
                         "1 probleem in de invoer; er is niets geschreven."], ref


# --- 3. ids that differ only in spacing were two organisations ----------------------------------

def test_ids_that_differ_only_in_spaces_clash_and_the_difference_is_named(tmp_path):
    actors = ("id;naam;groep\ngem breda;Gemeente Breda;overheid\nroc;ROC;onderwijs\nuwv;UWV;intermediairs\n"
              "gem  breda;Gemeente Breda;overheid\ngem\u00a0breda;Gemeente Breda;overheid\n")
    relations = "bron;doel;soort\ngem breda;roc;samenwerking\nroc;uwv;advies\n"
    result, lines = _validate(_folder(tmp_path, actors, relations))
    assert result.exit_code == 2
    assert lines[0].startswith("fout: actors.csv, rij 5, kolom 'id': id 'gem  breda' verschilt alleen in spaties "
                               "(of hoofdletters) van id 'gem breda' in rij 2 (verschil: twee spaties achter elkaar)")
    assert lines[1].startswith("fout: actors.csv, rij 6, kolom 'id': id 'gem\u00a0breda' verschilt alleen in spaties "
                               "(of hoofdletters) van id 'gem breda' in rij 2 (verschil: harde spatie (U+00A0))")
    assert "Bedoelt u" not in result.output


def test_a_relation_id_spaced_otherwise_is_read_as_that_actor_with_a_warning(tmp_path):
    actors = "id;naam;groep\ngem breda;Gemeente;overheid\nroc;ROC;onderwijs\nuwv;UWV;intermediairs\n"
    relations = "bron;doel;soort\ngem  breda;roc;samenwerking\nroc\u200b;uwv;levering\nuwv;gem\u00a0breda;advies\n"
    result, lines = _validate(_folder(tmp_path, actors, relations))
    assert result.exit_code == 0, result.output
    assert lines[-1].endswith("geen problemen gevonden (3 actoren, 3 relaties, 3 waarschuwingen).")
    assert lines[:3] == [
        "let op: relations.csv, rij 2, kolom 'bron': 'gem  breda' gelezen als id 'gem breda' uit actors.csv (1 keer; "
        "verschil: twee spaties achter elkaar, en spaties tellen niet mee). Schrijf het zoals in actors.csv.",
        "let op: relations.csv, rij 3, kolom 'bron': 'roc\u200b' gelezen als id 'roc' uit actors.csv (1 keer; "
        "verschil: onzichtbaar teken (U+200B), en spaties tellen niet mee). Schrijf het zoals in actors.csv.",
        "let op: relations.csv, rij 4, kolom 'doel': 'gem\u00a0breda' gelezen als id 'gem breda' uit actors.csv "
        "(1 keer; verschil: harde spatie (U+00A0), en spaties tellen niet mee). Schrijf het zoals in actors.csv."]


# --- 4. a column with values but no header name was dropped ------------------------------------

def test_a_column_without_a_header_name_but_with_values_is_an_error(tmp_path):
    folder = _folder(tmp_path, relations="bron;doel;soort;\ngem;roc;samenwerking;3\nroc;uwv;levering;\nuwv;gem;advies;1\n")
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines[0] == ("fout: relations.csv, rij 2, kolom 'D': kolom D heeft geen naam in de kopregel maar bevat "
                        "waarden (cellen met een waarde: 2; rijen 2, 4); zonder naam wordt de kolom niet gelezen. "
                        "Geef de kolom een "
                        "naam in de kopregel (bijvoorbeeld 'gewicht' of 'notitie'), of maak de cellen leeg.")
    # Trailing separators with nothing after them are no column.
    (folder / "relations.csv").write_text("bron;doel;soort;\ngem;roc;samenwerking;\nroc;uwv;levering;\n")
    assert _validate(folder)[0].exit_code == 0


def test_a_workbook_column_without_a_header_name_is_an_error_too(tmp_path):
    folder = tmp_path / "r"
    write_workbook(folder / "ecosystem.xlsx", {
        "actoren": [["id", "naam", "groep"], ["gem", "Gemeente", "overheid"], ["roc", "ROC", "onderwijs"]],
        "relaties": [["bron", "doel", "soort", None, "notitie"], ["gem", "roc", "samenwerking", 2, "x"]]})
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines[0].startswith("fout: ecosystem.xlsx[relaties], rij 2, kolom 'D': kolom D heeft geen naam in de "
                               "kopregel maar bevat waarden (cellen met een waarde: 1; rijen 2)")


# --- 5. one Windows-1252 byte in a UTF-8 file garbled every accent --------------------------------

def test_a_utf8_file_with_one_cp1252_byte_names_that_cell(tmp_path):
    actors = ("id;naam;groep\ngem;Gemeente Één;overheid\n".encode("utf-8") + "roc;ROC café;onderwijs\n".encode("cp1252")
              + "uwv;UWV;intermediairs\n".encode("utf-8"))
    folder = _folder(tmp_path, actors, "bron;doel;soort\ngem;roc;samenwerking\nroc;uwv;levering\n")
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines == ["fout: actors.csv, rij 3, kolom 'naam': ongeldig teken (byte 0xE9): het bestand is geen geldige "
                     "UTF-8 en deze cel is niet betrouwbaar te lezen. Controleer de tekst en sla het bestand op als "
                     "'CSV UTF-8'.", "1 probleem in de invoer; er is niets geschreven."]


def test_a_byte_cp1252_does_not_define_is_an_error_not_a_replacement_character(tmp_path):
    actors = "id;naam;groep\ngem;Gemeente \x81;overheid\nroc;ROC café;onderwijs\n".encode("latin-1")
    folder = _folder(tmp_path, actors, "bron;doel;soort\ngem;roc;samenwerking\n")
    result, lines = _validate(folder, "--lang", "en")
    assert result.exit_code == 2
    assert lines[0].startswith("error: actors.csv, row 2, column 'naam': invalid character (byte 0x81)")
    # A file wholly in cp1252 (old Excel on Windows) is still read, accents and all.
    (folder / "actors.csv").write_bytes("id;naam;groep\ngem;Gemeente Één;overheid\nroc;ROC café;onderwijs\n"
                                        .encode("cp1252"))
    result = run_cli("analyse", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "ROC café" in (tmp_path / "out" / "r" / "actors.csv").read_text(encoding="utf-8-sig")


# --- 6. an unreadable workbook gave a raw PermissionError and exit 1 ------------------------------

def test_an_unreadable_workbook_gets_the_same_line_as_an_unreadable_csv(tmp_path, monkeypatch):
    folder = tmp_path / "r"
    path = write_workbook(folder / "ecosystem.xlsx", {"actors": [["id", "name", "group"], ["gem", "G", "overheid"]],
                                                      "relations": [["source", "target", "type"]]})
    path.chmod(0)
    if os.geteuid() == 0:       # root reads any file: refuse it as the system refuses everyone else
        real_open = builtins.open

        def refusing_open(file, *args, **kwargs):
            if Path(str(file)) == path:
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)
        monkeypatch.setattr(builtins, "open", refusing_open)
    try:
        result, lines = _validate(folder)
    finally:
        path.chmod(0o644)
    assert result.exit_code == 2, result.output
    assert lines == ["fout: ecosystem.xlsx: kan het bestand niet lezen (Permission denied). Controleer of het "
                     "bestaat en of u het mag lezen.", "1 probleem in de invoer; er is niets geschreven."]


# --- 7. many unknown ids: fast, and a name written for an id suggests that id ---------------------

def test_three_thousand_unknown_ids_each_get_the_right_suggestion(tmp_path):
    places = ["Noord", "Zuid", "Oost", "West", "Midden"]
    kinds = ["Gemeente", "Stichting", "ROC", "Bedrijf", "Vakbond"]
    names = {f"org{i:04d}": f"{kinds[i % 5]} {places[i // 5 % 5]} {i}" for i in range(3000)}
    actors = "id;naam;groep\n" + "".join(f"{aid};{name};overig\n" for aid, name in names.items())
    rows, expected = [], {}
    for i in range(3000):
        aid = f"org{i:04d}"
        # a third write the name instead of the id, a third a typo in the id, a third the name in capitals
        value = (names[aid], f"orgg{i:04d}", names[aid].upper())[i % 3]
        target = f"org{(i + 1) % 3000:04d}"
        rows.append(f"{value};{target};samenwerking\n")
        expected[i + 2] = (value, aid)
    folder = _folder(tmp_path, actors, "bron;doel;soort\n" + "".join(rows))
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert len(lines) == 3001 and lines[-1] == "3000 problemen in de invoer; er is niets geschreven."
    for line in lines[:-1]:
        row = int(line.split(", rij ")[1].split(",")[0])
        value, aid = expected[row]
        assert line == (f"fout: relations.csv, rij {row}, kolom 'bron': onbekende actor '{value}'. "
                        f"Bedoelt u '{aid}'? Gebruik een id uit actors.csv."), line


# --- 8. macOS's '._' file beside the workbook made the folder ambiguous --------------------------

def test_hidden_dot_files_beside_the_workbook_are_ignored(tmp_path):
    folder = tmp_path / "r"
    write_workbook(folder / "LLO netwerk.xlsx", {
        "actoren": [["id", "naam", "groep"], ["gem", "Gemeente", "overheid"], ["roc", "ROC", "onderwijs"]],
        "relaties": [["bron", "doel", "soort"], ["gem", "roc", "samenwerking"]]})
    (folder / "._LLO netwerk.xlsx").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")
    (folder / ".~lock.LLO netwerk.xlsx#").write_text("lock")
    result, lines = _validate(folder)
    assert result.exit_code == 0, result.output
    assert "(2 actoren, 1 relatie, " in lines[-1]       # the count agrees in number: not '1 relaties'


# --- 9. merged cells read as 'value missing' -------------------------------------------------------

def test_merged_cells_are_named_as_merged(tmp_path):
    from openpyxl import Workbook

    folder = tmp_path / "r"
    folder.mkdir()
    workbook = Workbook()
    actors = workbook.active
    actors.title = "actoren"
    for row in [["LLO-netwerk 2025"], ["id", "naam", "groep"], ["gem", "Gemeente", "overheid"],
                ["prov", "Provincie", None], ["roc", "ROC", "onderwijs"]]:
        actors.append(row)
    actors.merge_cells("A1:C1")            # a title over the header is fine
    actors.merge_cells("C3:C4")
    relations = workbook.create_sheet("relaties")
    for row in [["bron", "doel", "soort"], ["gem", "roc", "samenwerking"], [None, "prov", "samenwerking"]]:
        relations.append(row)
    relations.merge_cells("A2:A3")
    relations.merge_cells("E2:F3")         # merged empty cells beside the data lose nothing
    workbook.save(folder / "ecosystem.xlsx")
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines == [
        "fout: ecosystem.xlsx[actoren], rij 3, kolom 'groep': de cellen C3:C4 zijn samengevoegd, en alleen de eerste "
        "cel (C3) heeft de waarde; de andere rijen lijken daardoor leeg. Maak de samenvoeging ongedaan (Start > "
        "Samenvoegen en centreren) en vul de waarde in elke cel in.",
        "fout: ecosystem.xlsx[relaties], rij 2, kolom 'bron': de cellen A2:A3 zijn samengevoegd, en alleen de eerste "
        "cel (A2) heeft de waarde; de andere rijen lijken daardoor leeg. Maak de samenvoeging ongedaan (Start > "
        "Samenvoegen en centreren) en vul de waarde in elke cel in.",
        "2 problemen in de invoer; er is niets geschreven."]


# --- 10. validate and analyse on relations with only a header --------------------------------------

def test_validate_says_that_analyse_stops_on_relations_with_only_a_header(tmp_path):
    folder = _folder(tmp_path, relations="bron;doel;soort\n")
    result, lines = _validate(folder)
    # A fresh 'ecosystem init' folder validates (exit 0: it is a valid start), but the line says what analyse does.
    assert result.exit_code == 0
    assert ("let op: r: nog geen relaties ingevuld, dus 'ecosystem analyse' stopt hier nog met een fout: zonder "
            "relaties is er geen netwerk.") in result.output
    analysed = run_cli("analyse", folder, "--out", tmp_path / "out")
    assert analysed.exit_code == 2 and "heeft nog geen relaties" in analysed.output
    shutil.rmtree(tmp_path / "out", ignore_errors=True)
