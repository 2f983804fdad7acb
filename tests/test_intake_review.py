"""A review of reading region data (intake): each test drives the real CLI on files as people make them.

1. a gemeente written as arbeidsmarktregio suggests its own arbeidsmarktregio, and no suggestion is
   made by spelling unless it is close (regions, ids, relation types);
2. files that are there under a harmless other name are read, or named in the message;
3. an everyday relation word is never read silently, and a word whose natural direction is the
   reverse of its type's is read with bron and doel swapped, said in a warning;
8. a relation entered twice with another weight and/or date is a warning, not a silent sum;
13b. region.toml's [groups] and [relation_types] outside a Kumu region are said to be ignored.
"""
from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_workbook

ACTORS = ("id;naam;groep;regio\ngem;Gemeente Stad;overheid;{0}\nuwv;UWV;intermediairs;{1}\n"
          "roc;ROC;onderwijs;{2}\nvno;VNO-NCW;werkgevers;{3}\n")
RELATIONS = "bron;doel;soort\ngem;uwv;bestuur\nroc;vno;advies\nuwv;roc;samenwerking\n"


def _folder(tmp_path: Path, actors: str, relations: str = RELATIONS, name: str = "r",
            files: tuple[str, str] = ("actors.csv", "relations.csv")) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file, content in zip(files, (actors, relations)):
        if file:
            (folder / file).write_text(content, encoding="utf-8")
    return folder


def _validate(folder: Path, *extra: str):
    result = run_cli("validate", folder, *extra)
    assert "Traceback" not in result.output
    return result, result.output.splitlines()


def _line(lines: list[str], text: str) -> str:
    found = [line for line in lines if text in line]
    assert len(found) == 1, (text, lines)
    return found[0]


# --- 1. arbeidsmarktregio: a gemeente suggests its own region; spelling only when close ----------

def test_a_gemeente_as_region_suggests_its_own_arbeidsmarktregio(tmp_path):
    folder = _folder(tmp_path, ACTORS.format("Eindhoven", "Den Haag", "Rotterdam", "Zuidoost Brabnt"))
    result, lines = _validate(folder)
    assert result.exit_code == 0, result.output
    assert _line(lines, "'Eindhoven'") == (
        "let op: actors.csv, rij 2, kolom 'regio': 'Eindhoven' is een gemeente in arbeidsmarktregio "
        "Zuidoost-Brabant (indeling 2015), geen arbeidsmarktregio. Bedoelt u 'Zuidoost-Brabant'? "
        "Laat het zo als u bewust de gemeente bedoelt.")
    # Den Haag is 's-Gravenhage in the list, in Haaglanden (not 'Drenthe', the closest spelling)
    assert "gemeente in arbeidsmarktregio Haaglanden" in _line(lines, "'Den Haag'")
    assert "Bedoelt u 'Rijnmond'?" in _line(lines, "'Rotterdam'")
    # a misspelt region name still suggests the region
    assert "Bedoelt u 'Zuidoost-Brabant'?" in _line(lines, "'Zuidoost Brabnt'")
    result, lines = _validate(folder, "--lang", "en")
    assert _line(lines, "'Eindhoven'") == (
        "warning: actors.csv, row 2, column 'regio': 'Eindhoven' is a municipality in the labour-market region "
        "(arbeidsmarktregio) Zuidoost-Brabant (2015 division), not a labour-market region. Did you mean "
        "'Zuidoost-Brabant'? Keep it if you mean the municipality on purpose.")


def test_a_name_unlike_any_region_gets_no_suggestion_and_a_province_none_either(tmp_path):
    folder = _folder(tmp_path, ACTORS.format("Stad", "Noord-Brabant", "Brabant", "Midden-Brabant"))
    result, lines = _validate(folder)
    assert result.exit_code == 0, result.output
    stad = _line(lines, "'Stad'")
    assert "staat niet in de lijst van 35 arbeidsmarktregio's" in stad and "Bedoelt u" not in stad
    for province in ("'Noord-Brabant'", "'Brabant'"):
        line = _line(lines, province)
        assert "is een provincie, geen arbeidsmarktregio" in line and "Bedoelt u" not in line
    result, lines = _validate(folder, "--lang", "en")
    assert "is a province, not a labour-market region" in _line(lines, "'Noord-Brabant'")


def test_an_unknown_id_unlike_every_actor_gets_no_suggestion(tmp_path):
    actors = ACTORS.format(*["Midden-Brabant"] * 4)
    folder = _folder(tmp_path, actors, RELATIONS + "org299;gem;advies\ngemm;roc;advies\n")
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert _line(lines, "'org299'") == ("fout: relations.csv, rij 5, kolom 'bron': onbekende actor 'org299'. "
                                        "Gebruik een id uit actors.csv.")
    assert "Bedoelt u 'gem'?" in _line(lines, "'gemm'")         # a typo still gets one


def test_an_unknown_relation_type_unlike_every_word_gets_no_suggestion(tmp_path):
    actors = ACTORS.format(*["Midden-Brabant"] * 4)
    folder = _folder(tmp_path, actors, RELATIONS + "gem;roc;contract\ngem;vno;samenwerkng\n")
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert _line(lines, "'contract'") == (
        "fout: relations.csv, rij 5, kolom 'soort': onbekend relatietype 'contract'. Toegestaan: bestuur, "
        "financiering, levering, vertegenwoordiging, toeleiding, samenwerking, advies.")
    assert "Bedoelt u 'samenwerking'?" in _line(lines, "'samenwerkng'")
    result, lines = _validate(folder, "--lang", "en")
    assert "Did you mean" not in _line(lines, "'contract'")
    assert "Did you mean 'collaboration'?" in _line(lines, "'samenwerkng'")


# --- 8. a relation entered again with another weight and/or date is never summed silently --------

def test_a_relation_again_with_another_weight_and_date_is_a_warning(tmp_path):
    actors = ACTORS.format(*["Midden-Brabant"] * 4)
    relations = ("bron;doel;soort;gewicht;sinds;tot\ngem;uwv;bestuur;3;2015;\nroc;vno;advies;1;;\n"
                 "gem;uwv;bestuur;2;;\nroc;vno;advies;1;2010;2012\nroc;vno;advies;2;2014;2016\n")
    folder = _folder(tmp_path, actors, relations)
    result, lines = _validate(folder)
    assert result.exit_code == 0, result.output
    assert _line(lines, "rij 4,") == (
        "let op: relations.csv, rij 4, kolom 'bron': gem – uwv (bestuur) staat ook in rij 2, met een andere waarde "
        "in 'gewicht' en 'sinds'. Beide rijen tellen mee: hun gewichten worden opgeteld tot één verbinding (3 + 2). "
        "Verwijder een van de twee als het dezelfde relatie is, of geef ze elk een eigen notitie als het twee "
        "relaties zijn.")
    # roc-vno undated (every year) meets both dated rows: each is said, against the first row it meets
    assert "staat ook in rij 3, met een andere waarde in 'sinds' en 'tot'" in _line(lines, "rij 5,")
    assert "staat ook in rij 3, met een andere waarde in 'gewicht', 'sinds' en 'tot'" in _line(lines, "rij 6,")
    result, lines = _validate(folder, "--lang", "en")
    assert "with another value in 'gewicht' and 'sinds'" in _line(lines, "row 4,")


def test_a_history_of_periods_without_a_common_year_is_no_repeat(tmp_path):
    actors = ACTORS.format(*["Midden-Brabant"] * 4)
    relations = ("bron;doel;soort;gewicht;sinds;tot\ngem;uwv;bestuur;3;2015;2018\ngem;uwv;bestuur;2;2020;\n"
                 "roc;vno;advies;1;;\nuwv;roc;samenwerking;1;;\n")
    result, lines = _validate(_folder(tmp_path, actors, relations))
    assert result.exit_code == 0, result.output
    assert not [line for line in lines if "staat ook in rij" in line]


# --- 3. an everyday relation word is never read silently; 'inkoop' and 'lidmaatschap' turn round --

SYNONYM_ACTORS = ("id;naam;groep\ngem;Gemeente;overheid\nroc;ROC;onderwijs\nvno;VNO;werkgevers\n"
                  "lwl;LWL;intermediairs\nbedrijf;Bedrijf;werkgevers\n")
SYNONYM_RELATIONS = ("bron;doel;soort\ngem;roc;inkoop\nvno;lwl;opdracht\nbedrijf;vno;lidmaatschap\n"
                     "gem;lwl;Subsidie\nroc;lwl;inkoop\ngem;vno;bestuur\n")


def test_a_word_whose_subject_is_the_types_target_is_read_the_other_way_round(tmp_path):
    folder = _folder(tmp_path, SYNONYM_ACTORS, SYNONYM_RELATIONS)
    result, lines = _validate(folder)
    assert result.exit_code == 0, result.output
    assert _line(lines, "'inkoop'") == (
        "let op: relations.csv, rij 2, kolom 'soort': soort 'inkoop' is gelezen als levering met bron en doel "
        "omgewisseld: doel levert aan bron (rij 2: roc levert aan gem; aantal: 2; rijen 2, 6). Klopt dat niet, "
        "vul dan zelf een relatietype in, met bron en doel in de richting van dat type: bestuur, financiering, "
        "levering, vertegenwoordiging, toeleiding, samenwerking, advies.")
    assert "(rij 3: lwl levert aan vno)" in _line(lines, "'opdracht'")
    assert "doel vertegenwoordigt bron (rij 4: vno vertegenwoordigt bedrijf)" in _line(lines, "'lidmaatschap'")
    # a word in the type's own direction is said too, once per word
    assert "soort 'Subsidie' is gelezen als financiering: bron financiert doel (rij 5: gem financiert lwl)" in \
        _line(lines, "'Subsidie'")
    assert not [line for line in lines if "'bestuur'" in line]       # the type's own name is no everyday word
    result, lines = _validate(folder, "--lang", "en")
    assert ("type 'inkoop' was read as delivery with source and target swapped: doel delivers to bron "
            "(row 2: roc delivers to gem; number: 2; rows 2, 6)") in _line(lines, "'inkoop'")


def test_the_swapped_direction_is_what_the_analysis_uses(tmp_path):
    from openpyxl import load_workbook

    folder = _folder(tmp_path, SYNONYM_ACTORS, SYNONYM_RELATIONS)
    out = tmp_path / "out"
    result = run_cli("analyse", folder, "--out", out)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(next(out.rglob("kumu.xlsx")), read_only=True)["Connections"]
    edges = {(a, b, kind) for a, b, kind, *_ in sheet.iter_rows(min_row=2, values_only=True)}
    assert edges == {("roc", "gem", "Levering"), ("lwl", "vno", "Levering"), ("vno", "bedrijf", "Vertegenwoordiging"),
                     ("gem", "lwl", "Financiering"), ("lwl", "roc", "Levering"), ("gem", "vno", "Bestuur")}


def test_a_relation_written_twice_in_other_words_is_not_called_equal_in_every_column(tmp_path):
    relations = ("bron;doel;soort\ngem;roc;inkoop\nroc;gem;levering\ngem;lwl;subsidie\ngem;lwl;financiering\n"
                 "vno;lwl;advies\nvno;lwl;advies\n")
    result, lines = _validate(_folder(tmp_path, SYNONYM_ACTORS, relations))
    assert result.exit_code == 0, result.output
    assert _line(lines, "rij 3, kolom 'bron'") == (
        "let op: relations.csv, rij 3, kolom 'bron': deze rij is anders geschreven dan rij 2, maar zo gelezen is het "
        "dezelfde relatie (roc – gem, levering), en die telt één keer mee. Verwijder een van de twee, of geef ze "
        "elk een eigen notitie als het twee relaties zijn.")
    assert "anders geschreven dan rij 4" in _line(lines, "rij 5, kolom 'bron'")
    # a copy that is equal as written is still called so
    assert "gelijk aan rij 6 (in elke kolom)" in _line(lines, "rij 7, kolom 'bron'")
    assert not [line for line in lines if "in elke kolom" in line and "rij 7" not in line]
    result, lines = _validate(_folder(tmp_path, SYNONYM_ACTORS, relations, name="en"), "--lang", "en")
    assert "this row is written differently from row 2, but read that way it is the same relation (roc – gem, " \
        "delivery)" in _line(lines, "row 3, column 'bron'")


# --- 2. files that are there under a harmless other name are read, or named -----------------------

BASE_ACTORS = ACTORS.format(*["Midden-Brabant"] * 4)


def _summary_ok(lines: list[str]) -> bool:
    return any("geen problemen gevonden (4 actoren, 3 relaties" in line for line in lines)


def test_dutch_file_names_and_any_case_are_read(tmp_path):
    for name, files in (("nl", ("actoren.csv", "relaties.csv")), ("case", ("Actors.CSV", "Relations.csv")),
                        ("mixed", ("Actoren.csv", "relations.csv"))):
        result, lines = _validate(_folder(tmp_path, BASE_ACTORS, name=name, files=files))
        assert result.exit_code == 0 and _summary_ok(lines), (name, result.output)
    # a problem in the Dutch file names that file
    result, lines = _validate(_folder(tmp_path, BASE_ACTORS, RELATIONS + "gem;gemm;advies\n", name="bad",
                                      files=("actoren.csv", "relaties.csv")))
    assert result.exit_code == 2 and lines[0].startswith("fout: relaties.csv, rij 5, kolom 'doel': onbekende actor")
    assert "Gebruik een id uit actoren.csv" in lines[0]


def test_two_files_for_one_table_are_an_error_naming_both(tmp_path):
    folder = _folder(tmp_path, BASE_ACTORS)
    (folder / "actoren.csv").write_text(BASE_ACTORS, encoding="utf-8")
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines[0] == ("fout: r: de map bevat meerdere bestanden voor dezelfde tabel (actoren.csv, actors.csv), en "
                        "het is niet te zeggen welke bedoeld is. Zet de versie die u niet bedoelt in een andere map.")


def test_a_file_under_a_near_name_is_named_in_the_missing_file_message(tmp_path):
    folder = _folder(tmp_path, BASE_ACTORS, files=("actors.csv.csv", "relations.txt"))
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines[0] == (
        "fout: actors.csv: bestand ontbreekt; in de map staat wel actors.csv.csv, maar dat wordt niet gelezen. "
        "Is dat de tabel, hernoem het dan naar actors.csv (Windows verbergt vaak de extensie .csv, zodat een "
        "bestand dat u als actors.csv ziet eigenlijk actors.csv.csv heet; zet in de Verkenner Beeld > "
        "Bestandsnaamextensies aan).")
    assert lines[1] == ("fout: relations.csv: bestand ontbreekt; in de map staat wel relations.txt, maar dat wordt "
                        "niet gelezen. Is dat de tabel, hernoem het dan naar relations.csv.")
    result, lines = _validate(folder, "--lang", "en")
    assert lines[1] == ("error: relations.csv: file is missing; the folder does hold relations.txt, but that is not "
                        "read. If that is the table, rename it to relations.csv.")


def test_two_near_files_are_named_together_in_the_plural(tmp_path):
    folder = _folder(tmp_path, BASE_ACTORS, files=("", "relations.csv"))
    (folder / "actors.txt").write_text(BASE_ACTORS, encoding="utf-8")
    (folder / "actors (1).csv").write_text(BASE_ACTORS, encoding="utf-8")
    result, lines = _validate(folder)
    assert result.exit_code == 2
    assert lines[0] == ("fout: actors.csv: bestand ontbreekt; in de map staan wel actors (1).csv en actors.txt, maar "
                        "die worden niet gelezen. Is een daarvan de tabel, hernoem dat bestand dan naar actors.csv.")
    result, lines = _validate(folder, "--lang", "en")
    assert lines[0] == ("error: actors.csv: file is missing; the folder does hold actors (1).csv and actors.txt, but "
                        "those are not read. If one of them is the table, rename that file to actors.csv.")


def test_documents_and_pictures_named_like_a_table_are_not_taken_for_one(tmp_path):
    others = ("actors.pdf", "relations-diagram.png", "Relaties en afspraken.docx")
    folder = _folder(tmp_path, BASE_ACTORS)
    for name in others:
        (folder / name).write_bytes(b"%PDF-1.4\n")
    result, lines = _validate(folder)
    assert result.exit_code == 0 and _summary_ok(lines), result.output
    assert not any(name in result.output for name in others)
    (folder / "actors.csv").unlink()
    result, lines = _validate(folder)
    assert lines[0].startswith("fout: actors.csv: bestand ontbreekt. Zet actors.csv in de regiomap"), lines[0]
    empty = tmp_path / "docs"
    empty.mkdir()
    for name in others:
        (empty / name).write_bytes(b"%PDF-1.4\n")
    result = run_cli("init", empty)
    assert result.exit_code == 0, result.output
    assert (empty / "ecosystem.xlsx").exists()


def _workbook_rows():
    actors = [line.split(";") for line in BASE_ACTORS.splitlines()]
    relations = [line.split(";") for line in RELATIONS.splitlines()]
    return {"actoren": actors, "relaties": relations}


def test_an_xlsm_workbook_is_read_and_an_ods_asks_for_xlsx(tmp_path):
    folder = tmp_path / "m"
    write_workbook(folder / "ecosystem.xlsm", _workbook_rows())
    result, lines = _validate(folder)
    assert result.exit_code == 0 and _summary_ok(lines), result.output
    ods = tmp_path / "o"
    ods.mkdir()
    (ods / "ecosystem.ods").write_bytes(b"PK\x03\x04" + b"\0" * 100)
    result, lines = _validate(ods)
    assert result.exit_code == 2
    assert lines[0] == ("fout: ecosystem.ods: dit is een OpenDocument-werkmap (.ods, LibreOffice), die niet gelezen "
                        "wordt. Open het in LibreOffice en kies Bestand > Opslaan als > Excel 2007-365 (.xlsx).")
    result, lines = _validate(ods, "--lang", "en")
    assert lines[0].startswith("error: ecosystem.ods: this is an OpenDocument spreadsheet (.ods, LibreOffice)")


def test_init_refuses_a_folder_with_region_data_in_a_recognised_or_near_form(tmp_path):
    for name, file in (("ods", "ecosystem.ods"), ("nl", "actoren.csv"), ("near", "actors.csv.csv"),
                       ("txt", "relations.txt"), ("xlsm", "ecosystem.xlsm"), ("case", "ACTORS.csv")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / file).write_bytes(b"id;naam;groep\n")
        result = run_cli("init", folder)
        assert result.exit_code == 2, (name, result.output)
        assert result.output.startswith(f"fout: {folder} bevat al regiogegevens ({file});"), result.output
        assert sorted(p.name for p in folder.iterdir()) == [file]        # nothing written beside it


# --- 13b. region.toml's Kumu mappings outside a Kumu region are said to be ignored ----------------

def test_kumu_mappings_in_a_csv_region_are_a_warning_that_they_are_ignored(tmp_path):
    folder = _folder(tmp_path, BASE_ACTORS)
    (folder / "region.toml").write_text('[groups]\n"Platform" = "intermediairs"\n\n[relation_types]\n'
                                        '"Lobby" = "vertegenwoordiging"\n', encoding="utf-8")
    result, lines = _validate(folder)
    assert result.exit_code == 0, result.output
    assert _line(lines, "[groups]") == (
        "let op: region.toml: [groups] wordt alleen gebruikt bij het lezen van een Kumu-export (een Kumu-werkmap in "
        "de regiomap, of 'ecosystem import kumu') en is hier genegeerd: de groepen en relatietypen in de tabellen "
        "moeten zelf een toegestane waarde hebben. Haal het weg als de tabellen al uit Kumu zijn omgezet.")
    assert "[relation_types] wordt alleen gebruikt" in _line(lines, "[relation_types]")
    result, lines = _validate(folder, "--lang", "en")
    assert "[groups] is only used when reading a Kumu export" in _line(lines, "[groups]")


def test_kumu_mappings_beside_a_kumu_export_are_used_without_that_warning(tmp_path):
    folder = tmp_path / "k"
    write_workbook(folder / "kaart.xlsx", {
        "Elements": [["Label", "Type"], ["Gemeente", "gemeente"], ["Platform X", "Platform"], ["ROC", "mbo"]],
        "Connections": [["From", "To", "Type"], ["Gemeente", "Platform X", "Lobby"], ["ROC", "Gemeente", "advies"],
                        ["Platform X", "ROC", "samenwerking"]]})
    (folder / "region.toml").write_text('[groups]\n"Platform" = "intermediairs"\n\n[relation_types]\n'
                                        '"Lobby" = "vertegenwoordiging"\n', encoding="utf-8")
    result, lines = _validate(folder)
    assert result.exit_code == 0, result.output
    assert not [line for line in lines if "alleen gebruikt" in line]


def test_the_templates_type_explanations_read_as_the_warnings_do(tmp_path):
    """The template explained 'financiering' as 'Bron financiert doel' in a wording of its own, beside the
    warning's 'bron financiert doel' for a word read as it: one concept worded twice. Both now come from one
    reading per type, checked here against the warning that validate prints for 'subsidie' and 'inkoop'."""
    from openpyxl import load_workbook

    folder = tmp_path / "nieuw"
    folder.mkdir()
    assert run_cli("init", folder).exit_code == 0
    sheet = load_workbook(folder / "ecosystem.xlsx", read_only=True)["uitleg"]
    explained = {topic: text for topic, text, *_ in sheet.iter_rows(values_only=True) if topic}
    result, lines = _validate(_folder(tmp_path, SYNONYM_ACTORS, SYNONYM_RELATIONS))
    for word, rtype, reading in (("'Subsidie'", "financiering", "bron financiert doel"),
                                 ("'inkoop'", "levering", "doel levert aan bron")):
        assert reading in _line(lines, word)
        text = explained[f"soort relatie: {rtype}"]
        said = reading if word != "'inkoop'" else "bron levert aan doel"     # the type's own direction
        assert text.lower().startswith(said + "."), text
    assert explained["soort relatie: bestuur"].startswith("Bron en doel zitten samen aan een bestuurlijke tafel (ongericht).")
