"""Input that was read on another scale, or not read at all, without a word: each is now an error or a warning.

Every test drives the real CLI (`ecosystem validate`, `analyse`, `import kumu`) on real files
and checks against the rule stated in README ("Region data": numbers; "Nothing silently wrong").
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from openpyxl import load_workbook

from conftest import run_cli, write_workbook

FAST = ("--bootstrap", "0", "--null-samples", "5")
ACTORS = "id;naam;groep\ngem;Gemeente;overheid\nroc;ROC;onderwijs\nuwv;UWV;intermediairs\nvno;VNO;werkgevers\n"
ACTOR_ROWS = [["id", "naam", "groep"], ["gem", "Gemeente", "overheid"], ["uwv", "UWV", "intermediairs"],
              ["roc", "ROC", "onderwijs"], ["vno", "VNO", "werkgevers"]]


def _folder(tmp_path: Path, relations: str, actors: str = ACTORS, name: str = "r") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "actors.csv").write_text(actors, encoding="utf-8")
    (folder / "relations.csv").write_text(relations, encoding="utf-8")
    return folder


def _lines(result, prefix: str) -> list[str]:
    assert "Traceback" not in result.output
    return [line for line in result.output.splitlines() if line.startswith(prefix)]


def _strengths(out: Path) -> dict[str, float]:
    return pd.read_csv(out / "actors.csv").set_index("id")["strength"].to_dict()


# --- 1. thousands separators: never read on another scale ------------------------------------

def test_thousands_separators_in_a_dutch_csv_are_errors_naming_both_readings(tmp_path):
    # Before: 25.000 became 25 and 250.000 became 250 while 1 500 became 1500, and 1_000 was 1000.
    folder = _folder(tmp_path, "bron;doel;soort;gewicht\ngem;uwv;financiering;25.000\ngem;roc;financiering;250.000\n"
                               "gem;vno;financiering;1 500\nuwv;roc;samenwerking;1_000\nroc;vno;levering;1.000,5\n")
    result = run_cli("validate", folder)
    assert result.exit_code == 2, result.output
    errors = _lines(result, "fout:")
    assert errors == [
        "fout: relations.csv, rij 2, kolom 'gewicht': '25.000' is niet eenduidig: de punt of komma kan duizendtallen "
        "scheiden (25000) of decimalen (25); er wordt niet gegokt. Schrijf 25000 of 25, zonder scheidingsteken voor "
        "duizendtallen.",
        "fout: relations.csv, rij 3, kolom 'gewicht': '250.000' is niet eenduidig: de punt of komma kan duizendtallen "
        "scheiden (250000) of decimalen (250); er wordt niet gegokt. Schrijf 250000 of 250, zonder scheidingsteken "
        "voor duizendtallen.",
        "fout: relations.csv, rij 4, kolom 'gewicht': '1 500' heeft een scheidingsteken voor duizendtallen of een "
        "spatie in het getal, en dat wordt niet gelezen. Schrijf het getal zonder: 1500.",
        "fout: relations.csv, rij 5, kolom 'gewicht': '1_000' heeft een scheidingsteken voor duizendtallen of een "
        "spatie in het getal, en dat wordt niet gelezen. Schrijf het getal zonder: 1000.",
        "fout: relations.csv, rij 6, kolom 'gewicht': '1.000,5' heeft een scheidingsteken voor duizendtallen of een "
        "spatie in het getal, en dat wordt niet gelezen. Schrijf het getal zonder: 1000,5."]
    english = run_cli("validate", folder, "--lang", "en")
    assert ("error: relations.csv, row 6, column 'gewicht': '1.000,5' has a thousands separator or a space inside "
            "the number, which is not read. Write the number without it: 1000.5.") in english.output
    analysed = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert analysed.exit_code == 2 and len(_lines(analysed, "fout:")) == 5


def test_thousands_separators_in_an_english_csv_are_errors(tmp_path):
    # Before: "1,000" became 1 and "250,000" became 250.
    folder = _folder(tmp_path, 'source,target,type,weight\ngem,uwv,funding,"1,000"\ngem,roc,funding,"250,000"\n'
                               'uwv,roc,collaboration,"2,125"\n')
    result = run_cli("validate", folder, "--lang", "en")
    assert result.exit_code == 2, result.output
    errors = _lines(result, "error:")
    assert [e.split(":")[1] for e in errors] == [" relations.csv, row 2, column 'weight'",
                                                 " relations.csv, row 3, column 'weight'",
                                                 " relations.csv, row 4, column 'weight'"]
    assert "'1,000' is ambiguous" in errors[0] and "Write 1000 or 1," in errors[0]
    # A genuine decimal with three digits is written so that it cannot be a thousands group: 2.1250.
    assert "Write 2125 or 2.1250," in errors[2]


def test_unambiguous_decimals_are_read_as_written(tmp_path):
    # The rule: a decimal with one to two or four or more digits, or '0.' before three, is read.
    relations = "bron;doel;soort;gewicht\ngem;uwv;bestuur;2,5\ngem;roc;bestuur;0,125\nuwv;roc;bestuur;2.1250\n"
    folder = _folder(tmp_path, relations)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 0, result.output
    oracle = nx.Graph()
    oracle.add_nodes_from(["gem", "uwv", "roc", "vno"])
    for s, t, w in (("gem", "uwv", 2.5), ("gem", "roc", 0.125), ("uwv", "roc", 2.125)):
        oracle.add_edge(s, t, weight=w)
    assert _strengths(tmp_path / "out" / "r") == pytest.approx(dict(oracle.degree(weight="weight")))


def test_a_workbook_number_is_the_number_and_workbook_text_follows_the_rule(tmp_path):
    # A cell holding the number 1.125 is 1.125 (nothing to guess); the text '1.125' is ambiguous.
    folder = tmp_path / "wb"
    write_workbook(folder / "ecosystem.xlsx", {"actoren": ACTOR_ROWS, "relaties": [
        ["bron", "doel", "soort", "gewicht"], ["gem", "uwv", "bestuur", 1.125], ["gem", "roc", "bestuur", 2]]})
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 0, result.output
    assert _strengths(tmp_path / "out" / "wb")["gem"] == pytest.approx(3.125)
    write_workbook(folder / "ecosystem.xlsx", {"actoren": ACTOR_ROWS, "relaties": [
        ["bron", "doel", "soort", "gewicht"], ["gem", "uwv", "bestuur", "1.125"]]})
    result = run_cli("validate", folder)
    assert result.exit_code == 2
    assert _lines(result, "fout:")[0].startswith(
        "fout: ecosystem.xlsx[relaties], rij 2, kolom 'gewicht': '1.125' is niet eenduidig")


# --- 2. a decimal comma in a comma-separated file --------------------------------------------

def test_a_decimal_comma_in_a_comma_csv_is_named_as_the_cause(tmp_path):
    # Before: 'give the column a name', which read weight 2 and note '5'.
    folder = _folder(tmp_path, "bron,doel,soort,gewicht\ngem,uwv,bestuur,2,5\ngem,vno,bestuur,3\n"
                               "gem,roc,financiering,1,5\n")
    result = run_cli("validate", folder)
    assert result.exit_code == 2, result.output
    assert _lines(result, "fout:") == [
        "fout: relations.csv, rij 2, kolom 'E': kolom E heeft geen naam in de kopregel maar bevat cijfers direct na "
        "kolom 'gewicht' (cellen met een waarde: 2; rijen 2, 4). Waarschijnlijk staat er een decimale komma in dit "
        "bestand met komma's als scheidingsteken, zodat 2,5 als twee cellen is gelezen. Zet zulke getallen tussen "
        "aanhalingstekens (\"2,5\"), schrijf ze met een punt (2.5), of sla het bestand op met ; als "
        "scheidingsteken; geef de kolom geen naam, want dan telt alleen het deel voor de komma."]
    # A text in the unnamed column is no split number: the usual message.
    other = _folder(tmp_path, "bron,doel,soort,gewicht\ngem,uwv,bestuur,2,zie notulen\n", name="text")
    assert "Geef de kolom een naam" in run_cli("validate", other).output


# --- 3. sheets that are not read --------------------------------------------------------------

def test_a_sheet_that_is_not_read_but_holds_data_is_a_warning(tmp_path):
    folder = tmp_path / "x"
    write_workbook(folder / "ecosystem.xlsx", {
        "actoren": ACTOR_ROWS, "relaties": [["bron", "doel", "soort"], ["gem", "uwv", "bestuur"]],
        "relaties 2025": [["bron", "doel", "soort"], ["vno", "roc", "samenwerking"], ["uwv", "vno", "samenwerking"]],
        "Blad1": [["id", "naam", "groep"], ["mkb", "MKB", "werkgevers"]],
        "Blad2": [], "uitleg": [["onderwerp", "tekst"], ["groep", "..."]]})
    result = run_cli("validate", folder)
    assert result.exit_code == 0, result.output
    unread = [line for line in _lines(result, "let op:") if "wordt niet gelezen" in line]
    assert unread == [
        "let op: ecosystem.xlsx: tabblad 'relaties 2025' wordt niet gelezen, maar bevat gegevens (rijen met een "
        "waarde: 2); gelezen worden alleen de tabbladen 'actoren', 'relaties'. Horen de rijen erbij, kopieer ze "
        "dan naar het tabblad 'relaties'; zo niet, verwijder het tabblad of zet het in een ander bestand.",
        "let op: ecosystem.xlsx: tabblad 'Blad1' wordt niet gelezen, maar bevat gegevens (rijen met een waarde: 1); "
        "gelezen worden alleen de tabbladen 'actoren', 'relaties'. Horen de rijen erbij, kopieer ze dan naar het "
        "tabblad 'actoren'; zo niet, verwijder het tabblad of zet het in een ander bestand."]


def test_a_fresh_init_workbook_has_no_unread_sheet_warning(tmp_path):
    assert run_cli("init", tmp_path / "nieuw").exit_code == 0
    result = run_cli("validate", tmp_path / "nieuw")
    assert "wordt niet gelezen" not in result.output, result.output


# --- 4. a Kumu export beside actors.csv and relations.csv -------------------------------------

KUMU = {"Elements": [["Label", "Type"], ["Gemeente", "gemeente"], ["UWV", "UWV"], ["ROC", "mbo"]],
        "Connections": [["From", "To", "Type"], ["Gemeente", "UWV", "bestuur"], ["UWV", "ROC", "toeleiding"]]}


def test_a_kumu_export_beside_the_csvs_is_the_same_error_as_any_workbook(tmp_path):
    folder = _folder(tmp_path, "bron;doel;soort\ngem;uwv;bestuur\n")
    write_workbook(folder / "twente-kumu.xlsx", KUMU)
    result = run_cli("validate", folder)
    assert result.exit_code == 2, result.output
    assert _lines(result, "fout:") == [
        "fout: r: de map bevat zowel actors.csv, relations.csv als de werkmap twente-kumu.xlsx met regiogegevens, en "
        "het is niet te zeggen welke bedoeld is. Zet de versie die u niet bedoelt in een andere map (een werkmap met "
        "regiogegevens telt mee, hoe hij ook heet), of geef de CSV-bestanden een andere naam, zoals actors-oud.csv."]
    # the advice works: with the CSV files renamed, the workbook is the region data
    for name in ("actors", "relations"):
        (folder / f"{name}.csv").rename(folder / f"{name}-oud.csv")
    result = run_cli("validate", folder)
    assert result.exit_code == 0, result.output
    assert "3 actoren" in result.output


def test_import_kumu_into_the_exports_own_folder_is_refused(tmp_path):
    folder = tmp_path / "export"
    write_workbook(folder / "twente-kumu.xlsx", KUMU)
    result = run_cli("import", "kumu", folder / "twente-kumu.xlsx", "--into", folder)
    assert result.exit_code == 2, result.output
    assert "is de map van de Kumu-export twente-kumu.xlsx zelf" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["twente-kumu.xlsx"]


# --- 5. hidden rows and columns ---------------------------------------------------------------

def test_hidden_and_filtered_rows_and_hidden_columns_are_named(tmp_path):
    folder = tmp_path / "h"
    path = write_workbook(folder / "ecosystem.xlsx", {"actoren": ACTOR_ROWS, "relaties": [
        ["bron", "doel", "soort", "gewicht", "notitie"], ["gem", "uwv", "bestuur", 2, ""],
        ["gem", "roc", "financiering", 2, ""], ["uwv", "roc", "samenwerking", 1, ""], ["roc", "vno", "levering", 3, "oud"]]})
    workbook = load_workbook(path)
    actors, relations = workbook["actoren"], workbook["relaties"]
    actors.row_dimensions[5].hidden = True
    relations.auto_filter.ref = "A1:E5"
    relations.row_dimensions[4].hidden = relations.row_dimensions[5].hidden = True
    relations.column_dimensions["D"].hidden = True
    relations.column_dimensions["F"].hidden = True          # empty: nothing to say
    workbook.save(path)
    result = run_cli("validate", folder)
    assert result.exit_code == 0, result.output
    hidden = [line for line in _lines(result, "let op:") if "verborgen" in line]
    assert hidden == [
        "let op: ecosystem.xlsx[actoren]: verborgen rijen worden toch gelezen en tellen mee in de analyse (aantal: 1; "
        "rijen 5). Maak ze zichtbaar om ze te controleren, en verwijder de rijen die niet mee moeten tellen.",
        "let op: ecosystem.xlsx[relaties]: verborgen rijen worden toch gelezen en tellen mee in de analyse, ook als "
        "een filter ze verbergt (aantal: 2; rijen 4, 5). Maak ze zichtbaar om ze te controleren, en verwijder de "
        "rijen die niet mee moeten tellen.",
        "let op: ecosystem.xlsx[relaties]: verborgen kolommen worden toch gelezen (aantal: 1; kolommen D). Maak ze "
        "zichtbaar om ze te controleren, en verwijder wat niet mee moet tellen."]


# --- 6. two actors with the same name ---------------------------------------------------------

def test_two_actors_with_the_same_name_are_a_warning_naming_both(tmp_path):
    actors = ("id;naam;groep\ngem;Gemeente Stad;overheid\ngem2;Gemeente Stad;overheid\nuwv;UWV;intermediairs\n"
              "roc;roc stad ;onderwijs\nroc2;ROC  Stad;onderwijs\n")
    folder = _folder(tmp_path, "bron;doel;soort\ngem;uwv;bestuur\ngem2;roc;samenwerking\nuwv;roc2;toeleiding\n",
                     actors=actors)
    result = run_cli("validate", folder, "--lang", "en")
    assert result.exit_code == 0, result.output
    same = [line for line in _lines(result, "warning:") if "the same as" in line]
    assert [line.split(": the name")[0] for line in same] == [
        "warning: actors.csv, row 3, column 'naam'", "warning: actors.csv, row 6, column 'naam'"]
    assert "'Gemeente Stad' (id 'gem2') is, case and spacing aside, the same as 'Gemeente Stad' (id 'gem') in row 2" \
        in same[0]
    assert "'ROC  Stad' (id 'roc2') is, case and spacing aside, the same as 'roc stad' (id 'roc') in row 5" in same[1]


# --- 7. a decimal comma into the named free-text column after the weight --------------------------

SPLIT_NOTE = ("bron,doel,soort,gewicht,notitie\ngem,uwv,bestuur,2,5\ngem,vno,bestuur,3,zie notulen\n"
              "gem,roc,financiering,1,5\nuwv,roc,samenwerking,2,\nuwv,vno,samenwerking,1,25\n"
              "roc,vno,levering,2.5,5\n")


def test_a_decimal_comma_into_the_named_note_column_is_a_warning_naming_the_rows(tmp_path):
    # Before: '2,5' under a header naming the note column read as weight 2 and note '5', without a word.
    folder = _folder(tmp_path, SPLIT_NOTE)
    result = run_cli("validate", folder)
    assert result.exit_code == 0, result.output
    split = [line for line in _lines(result, "let op:") if "decimale komma" in line]
    # rows 2, 4 and 6: a whole weight and a note of only digits; not row 3 (a real note), 5 (no note)
    # nor 7 (a weight with a point is no split number)
    assert split == [
        "let op: relations.csv, rij 2, kolom 'notitie': deze kolom bevat cellen met alleen cijfers, direct na een "
        "geheel getal in kolom 'gewicht' (aantal: 3; rijen 2, 4, 6). Misschien staat er een decimale komma in dit "
        "bestand met komma's als scheidingsteken, zodat 2,5 als twee cellen is gelezen: het deel voor de komma als "
        "'gewicht', de rest als deze kolom. Bedoelt u 2,5, zet zulke getallen dan tussen aanhalingstekens (\"2,5\"), "
        "schrijf ze met een punt (2.5), of sla het bestand op met ; als scheidingsteken; horen de cijfers echt in "
        "deze kolom, dan kan het zo blijven."]
    english = run_cli("validate", folder, "--lang", "en")
    assert english.exit_code == 0, english.output
    assert [line for line in _lines(english, "warning:") if "decimal comma" in line] == [
        "warning: relations.csv, row 2, column 'notitie': this column has cells of only digits, right after a whole "
        "number in column 'gewicht' (number: 3; rows 2, 4, 6). Perhaps a decimal comma in this comma-separated "
        "file, so that 2,5 was read as two cells: the part before the comma as 'gewicht', the rest as this column. "
        "If you mean 2,5, put such numbers in quotes (\"2,5\"), write them with a point (2.5), or save the file "
        "with ; as separator; if the digits do belong in this column, it can stay as it is."]
    # What the warning says is what was read: the whole weights, as an independent reading of the rows gives.
    analysed = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert analysed.exit_code == 0, analysed.output
    assert len([line for line in _lines(analysed, "let op:") if "decimale komma" in line]) == 1
    oracle = nx.Graph()
    oracle.add_nodes_from(["gem", "uwv", "roc", "vno"])
    for s, t, w in (("gem", "uwv", 2), ("gem", "vno", 3), ("gem", "roc", 1), ("uwv", "roc", 2), ("uwv", "vno", 1),
                    ("roc", "vno", 2.5)):
        oracle.add_edge(s, t, weight=w)
    assert _strengths(tmp_path / "out" / "r") == pytest.approx(dict(oracle.degree(weight="weight")))


def test_the_named_column_warning_is_one_per_file_and_counts_every_row(tmp_path):
    # Seven such rows, an English header and the description column: one line, the first five rows shown.
    rows = "".join(f"gem,{t},collaboration,{w},{d}\n" for t, w, d in (
        ("uwv", 1, 5), ("roc", 2, 25), ("vno", 3, 75), ("uwv", 1, 5), ("roc", 2, 5), ("vno", 1, 5), ("uwv", 4, 5)))
    folder = _folder(tmp_path, "source,target,type,weight,description\n" + rows)
    result = run_cli("validate", folder, "--lang", "en")
    assert result.exit_code == 0, result.output
    split = [line for line in _lines(result, "warning:") if "decimal comma" in line]
    assert len(split) == 1
    assert split[0].startswith("warning: relations.csv, row 2, column 'description': this column has cells of only "
                               "digits, right after a whole number in column 'weight' (number: 7; rows 2, 3, 4, 5, "
                               "6, …). Perhaps a decimal comma in this comma-separated file, so that 1,5 was read")


@pytest.mark.parametrize("layout", ["semicolon", "quoted", "point", "xlsx_text", "xlsx_number", "other_column"])
def test_no_split_number_warning_where_no_number_was_split(tmp_path, layout):
    """A ';'-separated file or a workbook cannot split a number over two cells; a quoted or point decimal is
    read whole; a column after the weight that is not free text has its own checks."""
    if layout.startswith("xlsx"):
        note = "5" if layout == "xlsx_text" else 5
        folder = tmp_path / "wb"
        write_workbook(folder / "ecosystem.xlsx", {"actoren": ACTOR_ROWS, "relaties": [
            ["bron", "doel", "soort", "gewicht", "notitie"], ["gem", "uwv", "bestuur", 2, note],
            ["gem", "roc", "bestuur", "1", "5"]]})
    else:
        relations = {"semicolon": "bron;doel;soort;gewicht;notitie\ngem;uwv;bestuur;2;5\n",
                     "quoted": 'bron,doel,soort,gewicht,notitie\ngem,uwv,bestuur,"2,5",5\n',
                     "point": "bron,doel,soort,gewicht,notitie\ngem,uwv,bestuur,2.5,5\n",
                     "other_column": "bron,doel,soort,gewicht,type_tafel,notitie\ngem,uwv,bestuur,2,5,\n"}[layout]
        folder = _folder(tmp_path, relations)
    result = run_cli("validate", folder)
    assert result.exit_code == 0, result.output
    assert "decimale komma" not in result.output
