"""Error and warning lines about region data that a review found untrue, doubled or half technical.

Each test drives ``ecosystem validate`` on files written as a coordinator (or Excel) writes them
and checks the lines in Dutch and English: one line per problem, naming file, row and column,
true, and without a traceback or an English word in a Dutch line.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, write_workbook

# The README's worked example: six actors, six relations, some dated.
ACTORS = ("id;naam;groep;soort;schaal\n"
          "gem;Gemeente Stad;overheid;centrumgemeente;regionaal\n"
          "uwv;UWV Stad;intermediair;UWV;regionaal\n"
          "lwl;Leerwerkloket Stad;intermediairs;Leerwerkloket;regionaal\n"
          "vno;VNO-NCW;werkgevers;werkgeversorganisatie;provinciaal\n"
          "fnv;FNV;werkenden;vakbond;regionaal\n"
          "roc;ROC Stad;onderwijs;mbo;regionaal\n")
RELATIONS = ("bron;doel;soort;gewicht;sinds\n"
             "gem;uwv;bestuur;3;2015\n"
             "gem;vno;bestuur;2;2015\n"
             "gem;fnv;bestuur;1;\n"
             "gem;lwl;financiering;2,5;2020\n"
             "uwv;lwl;samenwerking;2;2020\n"
             "roc;lwl;levering;1;\n")


def _folder(tmp_path: Path, actors: str = ACTORS, relations: str = RELATIONS, name: str = "r",
            **extra: str | bytes) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file, content in (("actors.csv", actors), ("relations.csv", relations), *extra.items()):
        file = file.replace("_", ".")
        (folder / file).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def _validate(folder: Path, lang: str = "nl"):
    result = run_cli("validate", folder, *(("--lang", "en") if lang == "en" else ()))
    assert "Traceback" not in result.output
    return result, result.output.splitlines()


def _first_lines(folder: Path, expected: dict[str, str]) -> str:
    """Validate in each language of ``expected`` (language -> first line): exit 2 and that first line; the output."""
    outputs = []
    for lang, line in expected.items():
        result, lines = _validate(folder, lang)
        assert result.exit_code == 2, result.output
        assert lines[0] == line
        outputs.append(result.output)
    return "\n".join(outputs)


def _without_sinds(relations: str) -> str:
    return "".join(";".join(line.split(";")[:4]) + "\n" for line in relations.splitlines())


# --- 5. an actor row without id: its relations are not about an actor missing from the table --

@pytest.mark.parametrize("dated", [False, True])
def test_a_relation_to_an_actor_row_without_id_names_that_row(tmp_path, dated):
    actors = ACTORS.replace("fnv;FNV", ";FNV")
    folder = _folder(tmp_path, actors, RELATIONS if dated else _without_sinds(RELATIONS))
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines == [
        "fout: actors.csv, rij 6, kolom 'id': waarde ontbreekt. Vul 'id' in.",
        "fout: relations.csv, rij 4, kolom 'doel': 'fnv' is geen id in actors.csv, maar waarschijnlijk de actor "
        "in rij 6 (FNV), die geen id heeft. Vul daar de id 'fnv' in.",
        "2 problemen in de invoer; er is niets geschreven."]
    result, lines = _validate(folder, "en")
    assert lines[1] == ("error: relations.csv, row 4, column 'doel': 'fnv' is not an id in actors.csv, but most "
                        "likely the actor in row 6 (FNV), which has no id. Fill in the id 'fnv' there.")


def test_an_unknown_id_that_no_row_without_id_resembles_is_still_unknown(tmp_path):
    actors = ACTORS.replace("fnv;FNV", ";FNV")
    folder = _folder(tmp_path, actors, _without_sinds(RELATIONS).replace("gem;fnv", "gem;xyz"))
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines[1].startswith("fout: relations.csv, rij 4, kolom 'doel': onbekende actor 'xyz'.")
    assert "rij 6" not in lines[1]


# --- 6. an id missing from dated data was never assumed to have been taken out -------------------

def test_an_id_missing_from_dated_data_is_not_said_to_have_been_removed(tmp_path):
    output = _first_lines(_folder(tmp_path, relations=RELATIONS + "gem;wsp;samenwerking;1;\n"), {
        "nl": "fout: relations.csv, rij 8, kolom 'doel': actor 'wsp' staat niet in actors.csv. Voeg de actor toe aan "
              "actors.csv, of verbeter of verwijder de relatie.",
        "en": "error: relations.csv, row 8, column 'doel': actor 'wsp' is not in actors.csv. Add the actor to "
              "actors.csv, or correct or remove the relation."})
    assert "(meer)" not in output and "no longer" not in output
    assert "terug" not in output and "back" not in output


def test_an_id_missing_from_a_relation_that_ended_mentions_that_neutrally(tmp_path):
    relations = RELATIONS.replace("sinds\n", "sinds;tot\n") + "gem;wsp;samenwerking;1;2015;2019\n"
    result, lines = _validate(_folder(tmp_path, relations=relations))
    assert result.exit_code == 2
    assert lines[0] == ("fout: relations.csv, rij 8, kolom 'doel': actor 'wsp' staat niet in actors.csv; deze relatie "
                        "liep tot 2019, dus misschien is de actor weggehaald omdat die er niet meer is. Ook dan hoort "
                        "de actor in actors.csv, voor de jaren waarin de relatie liep: voeg hem (weer) toe, of "
                        "verbeter of verwijder de relatie.")


# --- 9. a formula without a saved result: one line per cell, no half sentence, no false follow-on --

def _formulas_workbook(tmp_path: Path) -> Path:
    header_a = ["id", "naam", "groep"]
    actors = [["gem", "Gemeente Stad", "overheid"], ["uwv", "UWV Stad", "intermediairs"],
              ["lwl", "Leerwerkloket Stad", "intermediairs"], ["roc", "ROC Stad", "onderwijs"]]
    actors[3][0] = '=LOWER("ROC")'
    relations = [["bron", "doel", "soort", "gewicht", "sinds"], ["gem", "uwv", "bestuur", 3, 2015],
                 ["uwv", "lwl", "samenwerking", "=1+1", 2020], ["=A2", "lwl", "samenwerking", 2, 2020],
                 ["roc", "lwl", "levering", 1, None]]
    folder = tmp_path / "wb"
    write_workbook(folder / "ecosystem.xlsx", {"actoren": [header_a, *actors], "relaties": relations})
    return folder


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_formula_without_result_is_one_line_per_cell(tmp_path, lang):
    result, lines = _validate(_formulas_workbook(tmp_path), lang)
    assert result.exit_code == 2
    cells = [line.split(":")[1] for line in lines[:-1]]
    assert len(cells) == len(set(cells)), lines          # one line per cell
    formula_cells = {"nl": [" ecosystem.xlsx[actoren], rij 5, kolom 'id'", " ecosystem.xlsx[relaties], rij 3, kolom 'gewicht'",
                            " ecosystem.xlsx[relaties], rij 4, kolom 'bron'"],
                     "en": [" ecosystem.xlsx[actoren], row 5, column 'id'", " ecosystem.xlsx[relaties], row 3, column 'gewicht'",
                            " ecosystem.xlsx[relaties], row 4, column 'bron'"]}[lang]
    assert sorted(cells[:3]) == sorted(formula_cells)
    assert "uitkomst )" not in result.output and "result )" not in result.output
    assert "waarde ontbreekt" not in result.output and "value is missing" not in result.output
    assert "(meer)" not in result.output and "no longer" not in result.output
    relation = next(line for line in lines if "rij 5, kolom 'bron'" in line or "row 5, column 'bron'" in line)
    assert relation.endswith({"nl": "'roc' is geen id in ecosystem.xlsx[actoren], maar waarschijnlijk de actor in "
                                    "rij 5 (ROC Stad), waarvan de id een formule zonder opgeslagen uitkomst is. "
                                    "Vul daar de id 'roc' in.",
                              "en": "'roc' is not an id in ecosystem.xlsx[actoren], but most likely the actor in "
                                    "row 5 (ROC Stad), whose id is a formula without a saved result. Fill in the "
                                    "id 'roc' there."}[lang])
    assert lines[-1] == {"nl": "4 problemen in de invoer; er is niets geschreven.",
                         "en": "4 problems in the input; nothing was written."}[lang]


# --- 10. the rows skipped above the header, and Excel's 'sep=' line ----------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_rows_skipped_above_the_header_end_at_the_row_above_it(tmp_path, lang):
    one = _folder(tmp_path, "LLO-netwerk Stad 2025\n" + ACTORS, name="one")
    two = _folder(tmp_path, "LLO-netwerk Stad 2025\n\n" + ACTORS, name="two")
    three = _folder(tmp_path, "LLO-netwerk Stad\n2025\n\n" + ACTORS, name="three")
    expected = {"nl": ["let op: actors.csv: kopregel gevonden in rij 2; wat erboven staat (rij 1) is overgeslagen als titel.",
                       "let op: actors.csv: kopregel gevonden in rij 3; wat erboven staat (rij 1 tot en met 2) is "
                       "overgeslagen als titel.",
                       "let op: actors.csv: kopregel gevonden in rij 4; wat erboven staat (rij 1 tot en met 3) is "
                       "overgeslagen als titel."],
                "en": ["warning: actors.csv: header found in row 2; what is above it (row 1) was skipped as a title.",
                       "warning: actors.csv: header found in row 3; what is above it (rows 1 to 2) was skipped as a title.",
                       "warning: actors.csv: header found in row 4; what is above it (rows 1 to 3) was skipped as a title."]}
    for folder, line in zip((one, two, three), expected[lang]):
        result, lines = _validate(folder, lang)
        assert result.exit_code == 0, result.output
        assert line in lines


@pytest.mark.parametrize("sep", [";", ","])
def test_excels_sep_line_is_the_separator_not_a_title(tmp_path, sep):
    actors = ACTORS.replace(";", sep).replace("intermediair" + sep, "intermediairs" + sep)
    relations = RELATIONS.replace(";", sep).replace("2,5", "2.5").replace("gem" + sep + "vno", "gem" + sep + "vnoo")
    folder = _folder(tmp_path, f"sep={sep}\n" + actors, f"sep={sep}\n" + relations)
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert "kopregel" not in result.output and "titel" not in result.output
    # Excel does not show the sep line: the header is its row 1, the second relation its row 3
    assert lines[0].startswith("fout: relations.csv, rij 3, kolom 'doel': onbekende actor 'vnoo'.")
    assert len(lines) == 2


# --- 11. technical or English words in Dutch lines ------------------------------------------------

def _weights_workbook(tmp_path: Path, weights: list) -> Path:
    actors = [["id", "naam", "groep"], ["gem", "Gemeente", "overheid"], ["uwv", "UWV", "intermediairs"],
              ["roc", "ROC", "onderwijs"]]
    pairs = [("gem", "uwv"), ("gem", "roc"), ("uwv", "roc")]
    relations = [["bron", "doel", "soort", "gewicht"]] + [[s, t, "samenwerking", w] for (s, t), w in zip(pairs, weights)]
    folder = tmp_path / "wb"
    write_workbook(folder / "ecosystem.xlsx", {"actoren": actors, "relaties": relations})
    return folder


def test_a_true_false_or_date_cell_as_weight_is_said_as_the_sheet_shows_it(tmp_path):
    import datetime

    folder = _weights_workbook(tmp_path, [True, False, datetime.datetime(2021, 3, 1)])
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines[:3] == [
        "fout: ecosystem.xlsx[relaties], rij 2, kolom 'gewicht': 'WAAR' is geen getal maar een ja/nee-waarde. "
        "Gebruik een getal groter dan 0, bijvoorbeeld 1 of 2,5.",
        "fout: ecosystem.xlsx[relaties], rij 3, kolom 'gewicht': 'ONWAAR' is geen getal maar een ja/nee-waarde. "
        "Gebruik een getal groter dan 0, bijvoorbeeld 1 of 2,5.",
        "fout: ecosystem.xlsx[relaties], rij 4, kolom 'gewicht': '1-3-2021' is geen getal maar een datum. "
        "Gebruik een getal groter dan 0, bijvoorbeeld 1 of 2,5."]
    result, lines = _validate(folder, "en")
    assert lines[0].endswith("'gewicht': 'TRUE' is not a number but a yes/no value. Use a number above 0, "
                             "for example 1 or 2.5.")
    assert lines[2].endswith("'gewicht': '2021-03-01' is not a number but a date. Use a number above 0, "
                             "for example 1 or 2.5.")
    assert "True" not in result.output and "00:00:00" not in result.output


def test_a_text_file_named_xlsx_is_said_in_words(tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "ecosystem.xlsx").write_text(ACTORS, encoding="utf-8")
    output = _first_lines(folder, {
        "nl": "fout: ecosystem.xlsx: het bestand is geen echte Excel-werkmap maar tekst, bijvoorbeeld een "
              "CSV-bestand dat de naam .xlsx kreeg. Open het in Excel en kies Opslaan als > Excel-werkmap (.xlsx).",
        "en": "error: ecosystem.xlsx: the file is not a real Excel workbook but text, for example a CSV file "
              "that was given the name .xlsx. Open it in Excel and choose Save As > Excel Workbook (.xlsx)."})
    assert "BadZipFile" not in output


def test_a_damaged_workbook_is_said_in_words(tmp_path):
    source = write_workbook(tmp_path / "ok" / "ecosystem.xlsx", {"actoren": [["id", "naam", "groep"]]})
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "ecosystem.xlsx").write_bytes(source.read_bytes()[:600])      # cut off in copying
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines[0].startswith("fout: ecosystem.xlsx: het bestand is geen leesbare Excel-werkmap: het is beschadigd")
    assert "BadZipFile" not in result.output and "(" not in lines[0].split("werkmap:")[0]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_import_kumu_of_a_workbook_without_kumu_sheets_names_its_sheets(tmp_path, lang):
    plain = write_workbook(tmp_path / "a" / "netwerk.xlsx", {"Blad1": [["naam", "soort"], ["X", "Y"]],
                                                            "Blad2": [["notitie"], ["z"]]})
    region = write_workbook(tmp_path / "b" / "ecosystem.xlsx", {"actoren": [["id", "naam", "groep"]],
                                                               "relaties": [["bron", "doel", "soort"]]})
    extra = ("--lang", "en") if lang == "en" else ()
    result = run_cli("import", "kumu", plain, "--into", tmp_path / "out1", *extra)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert {"nl": "fout: netwerk.xlsx: geen tabblad met de kopregel van Kumu: de werkmap heeft de tabbladen 'Blad1', "
                  "'Blad2', en geen ervan begint met die van elementen ('Label') of verbindingen ('From' en 'To').",
            "en": "error: netwerk.xlsx: no sheet with Kumu's header: the workbook has the sheets 'Blad1', 'Blad2', and "
                  "none of them starts with that of elements ('Label') or connections ('From' and 'To')."}[lang] \
        in result.output
    assert "-)" not in result.output
    result = run_cli("import", "kumu", region, "--into", tmp_path / "out2", *extra)
    assert result.exit_code == 2
    assert {"nl": "fout: ecosystem.xlsx: geen Kumu-export maar een werkmap met regiogegevens (tabbladen 'actoren', "
                  "'relaties'); 'import kumu' leest alleen de Excel-export van Kumu.",
            "en": "error: ecosystem.xlsx: not a Kumu export but a workbook with region data (sheets 'actoren', "
                  "'relaties'); 'import kumu' only reads Kumu's Excel export."}[lang] in result.output


# --- 12. an invisible character in an actor's id is to be removed there, not copied -------------

def test_an_invisible_character_in_an_actors_id_is_to_be_removed_in_the_actors(tmp_path):
    folder = _folder(tmp_path, ACTORS.replace("vno;", "v\u200bno;").replace("gem;", "gem\u00a0stad;"),
                     RELATIONS.replace("gem;", "gem stad;"))
    result, lines = _validate(folder)
    assert result.exit_code == 0, result.output
    assert ("let op: relations.csv, rij 3, kolom 'doel': 'vno' gelezen als id 'v\u200bno' uit actors.csv (1 keer; "
            "verschil: onzichtbaar teken (U+200B), en spaties tellen niet mee). Dat teken staat in het id in "
            "actors.csv, rij 5: haal het daar weg.") in lines
    assert ("let op: relations.csv, rij 2, kolom 'bron': 'gem stad' gelezen als id 'gem\u00a0stad' uit actors.csv "
            "(4 keer; verschil: harde spatie (U+00A0), en spaties tellen niet mee). Dat teken staat in het id in "
            "actors.csv, rij 2: haal het daar weg.") in lines
    assert "Schrijf het zoals" not in result.output
    result, lines = _validate(folder, "en")
    assert ("warning: relations.csv, row 3, column 'doel': 'vno' read as id 'v\u200bno' from actors.csv (number of "
            "times: 1; difference: invisible character (U+200B), and spaces do not count). That character is in the "
            "id in actors.csv, row 5: remove it there.") in lines
    assert "Write it as in" not in result.output


def test_two_spaces_in_an_actors_id_are_to_be_mended_in_the_actors(tmp_path):
    folder = _folder(tmp_path, ACTORS.replace("gem;", "gem  stad;"), RELATIONS.replace("gem;", "gem stad;"))
    result, lines = _validate(folder)
    assert result.exit_code == 0, result.output
    assert lines[0].endswith("Die spaties staan in het id in actors.csv, rij 2: schrijf het daar met één gewone "
                             "spatie tussen de woorden.")


def test_an_invisible_character_in_the_relations_is_still_to_be_written_as_in_the_actors(tmp_path):
    result, lines = _validate(_folder(tmp_path, relations=RELATIONS.replace("gem;vno", "gem;v\u200bno")))
    assert result.exit_code == 0, result.output
    assert lines[0].endswith("verschil: onzichtbaar teken (U+200B), en spaties tellen niet mee). Schrijf het zoals "
                             "in actors.csv.")


# --- 7. region.toml: the parser's English said in the reader's words ----------------------------

# tomllib's own words, which must not reach a reader
_PARSER_WORDS = ("Illegal character", "Cannot overwrite", "codec", "Unterminated", "Expected", "Invalid", "Unclosed",
                 "Unescaped", "Found invalid", "Cannot declare")


@pytest.mark.parametrize("toml, nl, en", [
    ('name = "Stad\nperiode = 2020\n',
     "fout: region.toml, regel 1: een tekst tussen aanhalingstekens wordt niet gesloten. Zet een aanhalingsteken aan "
     "het eind van de tekst, op dezelfde regel: name = \"Twente\".",
     "error: region.toml, line 1: a text in quotes is not closed."),
    ('note = "voorlopig"\nname = "Stad\n',
     "fout: region.toml, regel 2: een tekst tussen aanhalingstekens wordt niet gesloten.",
     "error: region.toml, line 2: a text in quotes is not closed."),
    ('name = "Regio Stad"\nname = "dubbel"\nnote = "x"\n',
     "fout: region.toml, regel 2: 'name' staat twee keer in het bestand (ook op regel 1). Houd er één over.",
     "error: region.toml, line 2: 'name' is in the file twice (also on line 1). Keep one of them."),
    ('[groups]\n"Platform" = "platform"\n[groups]\n',
     "fout: region.toml, regel 3: '[groups]' staat twee keer in het bestand (ook op regel 1). Houd er één over.",
     "error: region.toml, line 3: '[groups]' is in the file twice (also on line 1)."),
    ("naam: Regio Stad\nperiode: 2020\n",
     "fout: region.toml, regel 1: deze regel is geen instelling in de vorm naam = \"tekst\".",
     "error: region.toml, line 1: this line is not a setting in the form name = \"text\"."),
    ("name = Stad\n",
     "fout: region.toml, regel 1: de waarde na '=' is geen tekst tussen aanhalingstekens, getal of lijst.",
     "error: region.toml, line 1: the value after '=' is not a text in quotes, a number or a list."),
    ('note = "x"\narbeidsmarktregios = ["Twente"\n',
     "fout: region.toml, regel 2: een [ of { wordt niet gesloten.",
     "error: region.toml, line 2: a [ or { is not closed."),
    ('name = "C:\\data"\n',
     "fout: region.toml, regel 1: een \\ in een tekst tussen \"...\" begint een speciaal teken.",
     "error: region.toml, line 1: a \\ in a text in \"...\" starts a special character."),
    ('name = "Stad\x01"\n',
     "fout: region.toml, regel 1: ongeldig of onzichtbaar teken (U+0001) in een tekst. Haal het weg.",
     "error: region.toml, line 1: invalid or invisible character (U+0001) in a text. Remove it."),
    ("period = 2020-13-01\n",
     "fout: region.toml, regel 1: na de waarde staat nog iets op deze regel.",
     "error: region.toml, line 1: something follows the value on this line."),
])
def test_a_region_toml_syntax_error_is_said_in_the_readers_words(tmp_path, toml, nl, en):
    folder = _folder(tmp_path, region_toml=toml)
    for lang, expected in (("nl", nl), ("en", en)):
        result, lines = _validate(folder, lang)
        assert result.exit_code == 2, result.output
        assert lines[0].startswith(expected), lines[0]
        assert not any(word in result.output for word in _PARSER_WORDS), result.output
        assert len(lines) == 2


@pytest.mark.parametrize("toml,example", [
    ("name = \"R\"\nyear = 2024 definitief\n", 'year = "2024 definitief"'),
    ("period = 2020-13-01\n", 'period = "2020-13-01"'),
    ("[en]\nnote = 2024-01-01 x\n", 'note = "2024-01-01 x"'),
])
def test_a_region_toml_quote_advice_quotes_the_setting_on_that_line(tmp_path, toml, example):
    """The advice to put a value in quotes gave 'period = "2020-2024"' whatever the line held."""
    folder = _folder(tmp_path, region_toml=toml)
    for lang in ("nl", "en"):
        result, lines = _validate(folder, lang)
        assert result.exit_code == 2, result.output
        assert lines[0].endswith(f"{example}."), lines[0]


def test_a_region_toml_not_in_utf8_says_to_save_it_as_utf8(tmp_path):
    folder = _folder(tmp_path, region_toml='note = "x"\nname = "R\xe9gio"\n'.encode("cp1252"))
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines[0] == ("fout: region.toml, regel 2: het bestand is niet als UTF-8 opgeslagen (byte 0xE9 is geen UTF-8), "
                        "zodat letters als é niet betrouwbaar te lezen zijn. Sla het op als UTF-8 (Kladblok: Opslaan als "
                        "> Codering UTF-8).")
    result, lines = _validate(folder, "en")
    assert lines[0].endswith("Save it as UTF-8 (Notepad: Save As > Encoding UTF-8).")
    assert "codec" not in result.output


def test_a_number_in_region_toml_is_text_when_it_reads_as_typed_else_a_warning(tmp_path):
    plain = _folder(tmp_path, region_toml="name = 5\nperiod = 2020\n", name="plain")
    result, lines = _validate(plain)
    assert result.exit_code == 0, result.output
    assert not any("region.toml" in line for line in lines)
    changed = _folder(tmp_path, region_toml="period = 2020.10\n", name="changed")
    result, lines = _validate(changed)
    assert result.exit_code == 0, result.output
    assert ("let op: region.toml, regel 1: 'period' is geen tekst maar een getal (2020.10) en wordt gelezen als 2020.1. "
            "Zet het tussen aanhalingstekens om het te houden zoals getypt: period = \"2020.10\".") in lines
    yes = _folder(tmp_path, region_toml="name = true\n", name="yes")
    result, lines = _validate(yes)
    assert result.exit_code == 2
    assert lines[0].startswith("fout: region.toml, regel 1: 'name' moet een tekst tussen aanhalingstekens zijn, maar is true.")


def test_a_region_toml_warning_says_key_not_column(tmp_path):
    folder = _folder(tmp_path, region_toml='arbeidsmarktregios = ["Kempenland"]\n')
    result, lines = _validate(folder)
    assert "let op: region.toml, sleutel 'arbeidsmarktregios': 'Kempenland' staat niet in de lijst" in result.output
    assert "region.toml, kolom" not in result.output
    result, lines = _validate(folder, "en")
    assert "warning: region.toml, key 'arbeidsmarktregios': 'Kempenland' is not in the list" in result.output
