"""Bad input: one line per problem with file, row and column; all at once; exit code 2; no traceback."""
from __future__ import annotations

import pytest

from conftest import run_cli, write_region, write_workbook

ACTORS = [{"id": "gem", "name": "Gemeente", "group": "overheid"},
          {"id": "uwv", "name": "UWV", "group": "intermediairs"},
          {"id": "roc", "name": "ROC", "group": "onderwijs"}]
RELATIONS = [{"source": "gem", "target": "uwv", "type": "bestuur", "weight": "2"},
             {"source": "roc", "target": "gem", "type": "levering", "weight": "1"}]


def _run(folder, *extra):
    result = run_cli("analyse", folder, "--out", folder.parent / "out", *extra)
    return result, result.output


def _assert_failed(result):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not (result.output and "Uitvoer in" in result.output)


def test_missing_folder(tmp_path):
    result, out = _run(tmp_path / "nergens")
    _assert_failed(result)
    assert "nergens: map bestaat niet (ook niet onder regions/)" in out


def test_path_is_a_file(tmp_path):
    (tmp_path / "x.csv").write_text("id\n")
    result, out = _run(tmp_path / "x.csv")
    _assert_failed(result)
    assert "is geen map" in out


def test_missing_relations_file(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    (folder / "relations.csv").unlink()
    result, out = _run(folder)
    _assert_failed(result)
    assert "relations.csv: bestand ontbreekt" in out


def test_empty_file(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    (folder / "actors.csv").write_text("  \n")
    result, out = _run(folder)
    _assert_failed(result)
    assert "actors.csv: bestand is leeg" in out


def test_non_text_file(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    (folder / "actors.csv").write_bytes(b"PK\x03\x04\x00\x00binary\x00\x01")
    result, out = _run(folder)
    _assert_failed(result)
    assert "actors.csv: geen tekstbestand (CSV)" in out


def test_missing_required_column(tmp_path):
    folder = write_region(tmp_path / "r", [{"id": a["id"], "name": a["name"]} for a in ACTORS], RELATIONS)
    result, out = _run(folder)
    _assert_failed(result)
    assert ("actors.csv, kolom 'group': verplichte kolom ontbreekt. Voeg een kolom 'group' of 'groep' toe "
            "(gevonden: id, name).") in out


def test_duplicate_id(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS + [{"id": "uwv", "name": "UWV 2", "group": "overheid"}], RELATIONS)
    result, out = _run(folder)
    _assert_failed(result)
    assert "actors.csv, rij 5, kolom 'id': id 'uwv' komt al voor in rij 3" in out


def test_unknown_group_lists_allowed_values(tmp_path):
    actors = ACTORS[:2] + [{"id": "roc", "name": "ROC", "group": "sportclub"}]
    result, out = _run(write_region(tmp_path / "r", actors, RELATIONS))
    _assert_failed(result)
    assert "actors.csv, rij 4, kolom 'group': onbekende groep 'sportclub'. Toegestaan: overheid, werkgevers" in out
    assert "government" not in out      # the reader's words: the Dutch page lists the Dutch names


def test_unknown_relation_type_lists_allowed_values(tmp_path):
    relations = RELATIONS + [{"source": "gem", "target": "roc", "type": "vriendschap", "weight": "1"}]
    result, out = _run(write_region(tmp_path / "r", ACTORS, relations))
    _assert_failed(result)
    line = next(l for l in out.splitlines() if "vriendschap" in l)
    assert line.startswith("fout: relations.csv, rij 4, kolom 'type': onbekend relatietype 'vriendschap'")
    assert line.endswith("Toegestaan: bestuur, financiering, levering, vertegenwoordiging, toeleiding, samenwerking, "
                         "advies.")


def test_unknown_actor_suggests_closest_id(tmp_path):
    relations = RELATIONS + [{"source": "gemm", "target": "roc", "type": "advies", "weight": "1"}]
    result, out = _run(write_region(tmp_path / "r", ACTORS, relations))
    _assert_failed(result)
    assert "relations.csv, rij 4, kolom 'source': onbekende actor 'gemm'. Bedoelt u 'gem'?" in out


@pytest.mark.parametrize("weight,message", [
    ("veel", "'veel' is geen getal"),
    ("0", "gewicht 0 moet groter dan 0 zijn"),
    ("-1,5", "gewicht -1,5 moet groter dan 0 zijn"),
])
def test_bad_weights(tmp_path, weight, message):
    relations = RELATIONS + [{"source": "gem", "target": "roc", "type": "advies", "weight": weight}]
    result, out = _run(write_region(tmp_path / "r", ACTORS, relations))
    _assert_failed(result)
    assert f"relations.csv, rij 4, kolom 'weight': {message}" in out


def test_self_relation(tmp_path):
    relations = RELATIONS + [{"source": "uwv", "target": "uwv", "type": "advies", "weight": "1"}]
    result, out = _run(write_region(tmp_path / "r", ACTORS, relations))
    _assert_failed(result)
    assert "relations.csv, rij 4, kolom 'target': relatie van 'uwv' met zichzelf" in out


def test_until_before_since(tmp_path):
    relations = RELATIONS + [{"source": "gem", "target": "roc", "type": "advies", "weight": "0",
                              "since": "2022", "until": "2021-06-30"}]
    result, out = _run(write_region(tmp_path / "r", ACTORS, relations))
    _assert_failed(result)
    # Both problems on the row are reported, the date one on the 'until' column.
    assert "relations.csv, rij 4, kolom 'weight'" in out
    assert "relations.csv, rij 4, kolom 'until': 'tot' (2021-06-30) ligt voor 'sinds' (2022)" in out


def test_all_problems_reported_at_once_in_english(tmp_path):
    actors = ACTORS + [{"id": "gem", "name": "Dubbel", "group": "sportclub"}]
    relations = RELATIONS + [{"source": "x", "target": "roc", "type": "bestuur", "weight": "0"},
                             {"source": "gem", "target": "roc", "type": "vriendschap", "weight": "1"}]
    result, out = _run(write_region(tmp_path / "r", actors, relations), "--lang", "en")
    _assert_failed(result)
    errors = [l for l in out.splitlines() if l.startswith("error: ")]
    assert len(errors) == 5, out     # duplicate id, unknown group, unknown actor, zero weight, unknown type
    assert out.splitlines()[-1] == "5 problems in the input; nothing was written."
    assert "row 5, column 'id': id 'gem' already used in row 2" in out


def test_debug_shows_traceback(tmp_path):
    result, out = _run(tmp_path / "nergens", "--debug")
    assert result.exit_code == 2
    assert "Traceback" in out


# --- separators --------------------------------------------------------------------------

FAST = ("--bootstrap", "0", "--null-samples", "1")


def test_unrecognised_separator_is_one_line_per_file(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS, delimiter="|")
    result, out = _run(folder)
    _assert_failed(result)
    errors = [l for l in out.splitlines() if l.startswith("fout: ")]
    assert errors == [
        f"fout: {name}: scheidingsteken '|' niet herkend, dus de kopregel '{header}' is één kolom. "
        "Toegestaan zijn ';', ',' en tab. Sla het bestand in Excel op als 'CSV (gescheiden door "
        "lijstscheidingsteken)' (;) of 'CSV UTF-8 (door komma's gescheiden)' (,), of vervang '|' door ;."
        for name, header in (("actors.csv", "id|name|group"), ("relations.csv", "source|target|type|weight"))]
    assert "verplichte kolom" not in out
    assert out.splitlines()[-1] == "2 problemen in de invoer; er is niets geschreven."


def test_unrecognised_separator_in_english_with_dutch_headers(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    (folder / "relations.csv").write_text("bron|doel|soort|gewicht|sinds\ngem|uwv|bestuur|2|\n", encoding="utf-8")
    result, out = _run(folder, "--lang", "en")
    _assert_failed(result)
    assert ("error: relations.csv: separator '|' not recognised, so the header line "
            "'bron|doel|soort|gewicht|sinds' is one column. Accepted are ';', ',' and tab.") in out
    assert "replace '|' with ;." in out
    assert out.splitlines()[-1] == "1 problem in the input; nothing was written."


def test_space_separated_header_is_named(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    (folder / "actors.csv").write_text("id naam groep\ngem Gemeente overheid\n", encoding="utf-8")
    result, out = _run(folder)
    _assert_failed(result)
    assert "fout: actors.csv: scheidingsteken spatie niet herkend, dus de kopregel 'id naam groep' is één kolom." in out


def test_tab_separated_files_are_accepted(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS, delimiter="\t")
    result, out = _run(folder, *FAST)
    assert result.exit_code == 0, out
    assert "Uitvoer in" in out


def test_file_of_only_separators_is_empty(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    (folder / "relations.csv").write_text(";;;\r\n;;;\r\n", encoding="utf-8")
    result, out = _run(folder)
    _assert_failed(result)
    assert ("fout: relations.csv: bestand is leeg. Zet een kopregel (bron/source, doel/target, soort/type) "
            "en ten minste één rij erin.") in out


def test_row_numbers_count_records_not_lines(tmp_path):
    # A note with a line break is one spreadsheet row; the rows after it keep Excel's numbers.
    actors = [{"id": "gem", "naam": "Gemeente", "groep": "overheid", "notitie": "regel 1\nregel 2"},
              {"id": "uwv", "naam": "UWV", "groep": "intermediairs", "notitie": ""},
              {"id": "roc", "naam": "ROC", "groep": "schoolen", "notitie": ""}]
    result, out = _run(write_region(tmp_path / "r", actors, RELATIONS))
    _assert_failed(result)
    assert "fout: actors.csv, rij 4, kolom 'groep': onbekende groep 'schoolen'." in out


# --- column names as the user wrote them ---------------------------------------------------

DUTCH_ACTORS = [{"id": a["id"], "naam": a["name"], "groep": a["group"]} for a in ACTORS]
DUTCH_RELATIONS = [{"bron": r["source"], "doel": r["target"], "soort": r["type"], "gewicht": r["weight"]}
                   for r in RELATIONS]


def test_missing_dutch_column_names_accepted_names_and_found_headers(tmp_path):
    actors = [{"id": a["id"], "naam": a["naam"], "Soort": "x", "schaal": "regionaal"} for a in DUTCH_ACTORS]
    result, out = _run(write_region(tmp_path / "r", actors, DUTCH_RELATIONS))
    _assert_failed(result)
    assert ("fout: actors.csv, kolom 'groep': verplichte kolom ontbreekt. Voeg een kolom 'group' of 'groep' toe "
            "(gevonden: id, naam, Soort, schaal).") in out
    result, out = _run(tmp_path / "r", "--lang", "en")
    assert ("error: actors.csv, column 'groep': required column is missing. Add a column 'group' or 'groep' "
            "(found: id, naam, Soort, schaal).") in out


def test_errors_name_the_column_as_written(tmp_path):
    relations = DUTCH_RELATIONS + [{"bron": "gemm", "doel": "roc", "soort": "advies", "gewicht": "0"},
                                   {"bron": "uwv", "doel": "uwv", "soort": "advies", "gewicht": "1"},
                                   {"bron": "", "doel": "roc", "soort": "advies", "gewicht": "1"}]
    actors = DUTCH_ACTORS + [{"id": "uwv", "naam": "UWV 2", "groep": "overheid"}]
    result, out = _run(write_region(tmp_path / "r", actors, relations))
    _assert_failed(result)
    assert "fout: actors.csv, rij 5, kolom 'id': id 'uwv' komt al voor in rij 3." in out
    assert "fout: relations.csv, rij 4, kolom 'bron': onbekende actor 'gemm'. Bedoelt u 'gem'?" in out
    assert "fout: relations.csv, rij 4, kolom 'gewicht': gewicht 0 moet groter dan 0 zijn." in out
    assert "fout: relations.csv, rij 5, kolom 'doel': relatie van 'uwv' met zichzelf." in out
    assert "fout: relations.csv, rij 6, kolom 'bron': waarde ontbreekt. Vul 'bron' in." in out
    for english in ("'source'", "'target'", "'weight'", "'type'"):
        assert english not in out.replace("'source' of 'bron'", "")


def test_header_case_is_kept_in_messages(tmp_path):
    relations = [{"Bron": "gem", "Doel": "roc", "Soort": "vriendschap"}]
    result, out = _run(write_region(tmp_path / "r", ACTORS, relations))
    _assert_failed(result)
    assert "fout: relations.csv, rij 2, kolom 'Soort': onbekend relatietype 'vriendschap'." in out


def test_same_column_in_two_languages(tmp_path):
    actors = [{**a, "naam": a["name"]} for a in ACTORS]
    result, out = _run(write_region(tmp_path / "r", actors, RELATIONS))
    _assert_failed(result)
    assert ("fout: actors.csv, kolom 'naam': kolom 'naam' betekent hetzelfde als kolom 'name'. "
            "Houd er één over.") in out


# --- typos get a suggestion ------------------------------------------------------------------

def test_group_and_type_typos_suggest_the_closest_value(tmp_path):
    actors = ACTORS[:2] + [{"id": "roc", "name": "ROC", "group": "ondrwijs"}]
    relations = RELATIONS + [{"source": "gem", "target": "roc", "type": "samenwrking", "weight": "1"}]
    result, out = _run(write_region(tmp_path / "r", actors, relations))
    _assert_failed(result)
    assert ("fout: actors.csv, rij 4, kolom 'group': onbekende groep 'ondrwijs'. Bedoelt u 'onderwijs'? "
            "Toegestaan: overheid, werkgevers, werkenden, onderwijs, intermediairs, overig.") in out
    assert ("fout: relations.csv, rij 4, kolom 'type': onbekend relatietype 'samenwrking'. "
            "Bedoelt u 'samenwerking'? Toegestaan: bestuur, financiering, levering") in out
    result, out = _run(tmp_path / "r", "--lang", "en")
    # the suggestion is a vocabulary word in the reader's language
    assert "unknown group 'ondrwijs'. Did you mean 'education'? Allowed: government, employers, workers" in out
    assert "unknown relation type 'samenwrking'. Did you mean 'collaboration'? Allowed:" in out


def test_scale_typo_suggests_the_closest_value(tmp_path):
    actors = ACTORS[:2] + [{"id": "roc", "name": "ROC", "group": "onderwijs", "scale": "regionall"}]
    result, out = _run(write_region(tmp_path / "r", actors, RELATIONS))
    _assert_failed(result)
    assert "rij 4, kolom 'scale': onbekende schaal 'regionall'. Bedoelt u 'regionaal'?" in out


# --- Excel workbooks ---------------------------------------------------------------------------

from conftest import write_workbook as _workbook  # noqa: E402


XLSX_ACTORS = [["id", "naam", "groep"], *[[a["id"], a["name"], a["group"]] for a in ACTORS]]
XLSX_RELATIONS = [["bron", "doel", "soort"], *[[r["source"], r["target"], r["type"]] for r in RELATIONS]]


def test_missing_sheet_lists_the_sheets_found(tmp_path):
    _workbook(tmp_path / "r" / "ecosystem.xlsx", {"Blad1": XLSX_ACTORS, "relations": XLSX_RELATIONS})
    result, out = _run(tmp_path / "r")
    _assert_failed(result)
    assert ("fout: ecosystem.xlsx: tabblad 'actors' ontbreekt (gevonden: Blad1, relations). "
            "Geef een tabblad de naam 'actors' of 'actoren'.") in out
    result, out = _run(tmp_path / "r", "--lang", "en")
    assert ("error: ecosystem.xlsx: sheet 'actors' is missing (found: Blad1, relations). "
            "Name a sheet 'actors' or 'actoren'.") in out


def test_dutch_sheet_names_in_any_case(tmp_path):
    _workbook(tmp_path / "r" / "ecosystem.xlsx", {"Actoren": XLSX_ACTORS, "RELATIES": XLSX_RELATIONS})
    result, out = _run(tmp_path / "r", *FAST)
    assert result.exit_code == 0, out
    assert "3 actoren, 2 relaties" in out


def test_the_only_workbook_is_used_whatever_its_name(tmp_path):
    _workbook(tmp_path / "r" / "LLO-netwerk.xlsx", {"actoren": XLSX_ACTORS,
                                                    "relaties": XLSX_RELATIONS + [["gem", "roc", "samenwrking"]]})
    result, out = _run(tmp_path / "r")
    _assert_failed(result)
    assert "fout: LLO-netwerk.xlsx[relaties], rij 4, kolom 'soort': onbekend relatietype 'samenwrking'." in out
    assert "bestand ontbreekt" not in out


def test_several_workbooks_and_no_csv_say_which_name_is_read(tmp_path):
    _workbook(tmp_path / "r" / "LLO-netwerk.xlsx", {"actoren": XLSX_ACTORS, "relaties": XLSX_RELATIONS})
    _workbook(tmp_path / "r" / "oud.xlsx", {"Blad1": [["x"]]})
    result, out = _run(tmp_path / "r")
    _assert_failed(result)
    assert out.splitlines() == [
        "fout: r: geen actors.csv en relations.csv, wel meerdere werkmappen (LLO-netwerk.xlsx, oud.xlsx). "
        "Noem de werkmap met de tabbladen 'actors' en 'relations' ecosystem.xlsx.",
        "1 probleem in de invoer; er is niets geschreven."]


def test_missing_csv_mentions_a_workbook_that_is_not_read(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    (folder / "relations.csv").unlink()
    _workbook(folder / "LLO-netwerk.xlsx", {"relaties": XLSX_RELATIONS})
    result, out = _run(folder)
    _assert_failed(result)
    assert ("fout: relations.csv: bestand ontbreekt. Zet relations.csv in de regiomap; een werkmap wordt "
            "alleen gelezen als die ecosystem.xlsx heet (gevonden: LLO-netwerk.xlsx).") in out


def test_all_columns_in_one_excel_cell(tmp_path):
    _workbook(tmp_path / "r" / "ecosystem.xlsx", {"actors": [["id;naam;groep"], ["gem;Gemeente;overheid"]],
                                                  "relations": XLSX_RELATIONS})
    result, out = _run(tmp_path / "r")
    _assert_failed(result)
    assert ("fout: ecosystem.xlsx[actors]: alle kolommen staan in één cel ('id;naam;groep', gescheiden door ';'). "
            "Splits ze in Excel met Gegevens > Tekst naar kolommen, scheidingsteken ';'.") in out


# --- output folder -----------------------------------------------------------------------------

def test_output_folder_is_the_region_folder(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    before = sorted(p.name for p in folder.iterdir())
    result = run_cli("analyse", folder, "--out", tmp_path)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        f"fout: uitvoermap {folder} is de regiomap zelf, en de invoer wordt nooit overschreven. "
        "Kies met --out een andere map, bijvoorbeeld --out outputs."]
    assert sorted(p.name for p in folder.iterdir()) == before
    result = run_cli("analyse", folder, "--out", tmp_path, "--lang", "en")
    assert result.exit_code == 2
    assert result.output.startswith(f"error: output folder {folder} is the region folder itself")


@pytest.mark.parametrize("out_arg", ["bestand.txt", "bestand.txt/sub"])
def test_output_folder_is_a_file(tmp_path, out_arg):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    (tmp_path / "bestand.txt").write_text("x")
    result = run_cli("analyse", folder, "--out", tmp_path / out_arg)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        f"fout: uitvoermap {tmp_path / 'bestand.txt'} is een bestand, geen map. "
        "Geef met --out een map (die mag nog niet bestaan)."]
    result = run_cli("analyse", folder, "--out", tmp_path / out_arg, "--lang", "en")
    assert result.exit_code == 2
    assert "Error" not in result.output and "Traceback" not in result.output
    assert result.output.startswith(f"error: output folder {tmp_path / 'bestand.txt'} is a file, not a folder.")


def test_output_subfolder_is_a_file(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS, RELATIONS)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "r").write_text("x")
    result, out = _run(folder)
    assert result.exit_code == 2, out
    assert f"fout: uitvoermap {tmp_path / 'out' / 'r'} is een bestand, geen map." in out


# --- counts and the README ---------------------------------------------------------------------

def test_one_problem_is_singular(tmp_path):
    relations = RELATIONS + [{"source": "gem", "target": "roc", "type": "advies", "weight": "0"}]
    result, out = _run(write_region(tmp_path / "r", ACTORS, relations))
    _assert_failed(result)
    assert out.splitlines()[-1] == "1 probleem in de invoer; er is niets geschreven."


def test_readme_error_lines_are_what_the_tool_prints(tmp_path):
    """README 'When the data has problems': its example is the worked example with two mistakes."""
    from conftest import FIXTURES, ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### When the data has problems"):]
    shown = section.split("```\n")[1].splitlines()
    folder = tmp_path / "mijn-regio"
    folder.mkdir()
    (folder / "actors.csv").write_bytes((FIXTURES / "readme_example" / "actors.csv").read_bytes())
    lines = (FIXTURES / "readme_example" / "relations.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("gem;", "gemm;", 1)          # spreadsheet row 4: a typo in bron
    lines[4] = lines[4].replace(";2,5;", ";0;")               # spreadsheet row 5: weight 0
    (folder / "relations.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, out = _run(folder)
    _assert_failed(result)
    assert out.splitlines() == shown


def test_unknown_actor_in_a_workbook_points_to_the_actors_sheet(tmp_path):
    relations = XLSX_RELATIONS + [["gem", "zzzz", "advies", 1]]
    _workbook(tmp_path / "r" / "ecosystem.xlsx", {"actors": XLSX_ACTORS, "relations": relations})
    result, out = _run(tmp_path / "r")
    _assert_failed(result)
    line = next(x for x in out.splitlines() if "onbekende actor 'zzzz'" in x)
    # No id is like 'zzzz', so none is suggested; the ids live in the workbook's actors sheet, not in actors.csv.
    assert "Bedoelt u" not in line and "actors.csv" not in line and "ecosystem.xlsx" in line.split("Gebruik een id uit")[1]
