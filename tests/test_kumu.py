"""Kumu workbooks: analyse one directly, import one, and the kumu.xlsx every analysis writes.

The format follows Kumu's documentation (github.com/kumu/docs, guides/import/import.md):
sheets recognised by their header row, From/To by label or ID, '|' in To, '(ignore)' sheets.
"""
from __future__ import annotations

import json
import shutil

import networkx as nx
import pandas as pd
import pytest
from conftest import FIXTURES, run_cli, write_workbook as _workbook

FAST = ("--bootstrap", "0", "--null-samples", "5")


# A Kumu map as a region keeps it: labels, no IDs, everyday types, '|' in To, a mutual funding tie.
ELEMENTS = [["Label", "Type", "Description", "Tags"],
            ["Gemeente Enschede", "gemeente", "centrumgemeente", "regie"],
            ["UWV Twente", "UWV", "", ""],
            ["ROC van Twente", "mbo", "", "onderwijs|mbo"],
            ["Saxion", "hogeschool", "", ""],
            ["FNV", "vakbond", "", ""],
            ["Bedrijf X", "bedrijf", "", ""]]
CONNECTIONS = [["From", "To", "Type", "Strength", "direction"],
               ["Gemeente Enschede", "UWV Twente|ROC van Twente", "bestuur", 3, "undirected"],
               ["Gemeente Enschede", "Saxion", "subsidie", 2, "mutual"],
               ["ROC van Twente", "Bedrijf X", "levering", 1, "directed"],
               ["FNV", "Bedrijf X", "samenwerking", 2, "undirected"],
               ["UWV Twente", "ROC van Twente", "toeleiding", "", "directed"]]
# The same ties as this test reads Kumu's rules: '|' makes one connection per target,
# 'mutual' on a directed type is a relation each way; an empty Strength is 1.
EXPECTED = [("Gemeente Enschede", "UWV Twente", 3), ("Gemeente Enschede", "ROC van Twente", 3),
            ("Gemeente Enschede", "Saxion", 2), ("Saxion", "Gemeente Enschede", 2),
            ("ROC van Twente", "Bedrijf X", 1), ("FNV", "Bedrijf X", 2), ("UWV Twente", "ROC van Twente", 1)]


def _kumu_region(tmp_path, elements=ELEMENTS, connections=CONNECTIONS, toml=None):
    folder = tmp_path / "twente"
    _workbook(folder / "twente-kumu.xlsx", {"Elements": elements, "Connections": connections,
                                            "Notities (ignore)": [["Label"], ["niet inlezen"]]})
    if toml:
        (folder / "region.toml").write_text(toml, encoding="utf-8")
    return folder


def test_analyse_reads_a_kumu_export_directly(tmp_path):
    folder = _kumu_region(tmp_path)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 0, result.output
    actors = pd.read_csv(tmp_path / "out" / "twente" / "actors.csv", keep_default_na=False).set_index("name")
    assert len(actors) == 6                     # the '(ignore)' sheet is not read
    assert actors["group"].to_dict() == {
        "Gemeente Enschede": "government", "UWV Twente": "intermediaries", "ROC van Twente": "education",
        "Saxion": "education", "FNV": "workers", "Bedrijf X": "employers"}
    assert actors.loc["Gemeente Enschede", "id"] == "gemeente-enschede"
    oracle = nx.Graph()
    for s, t, w in EXPECTED:
        oracle.add_edge(s, t, weight=oracle[s][t]["weight"] + w if oracle.has_edge(s, t) else w)
    for name, row in actors.iterrows():
        assert row["degree"] == oracle.degree(name)
        assert row["strength"] == pytest.approx(oracle.degree(name, weight="weight"))
    summary = json.loads((tmp_path / "out" / "twente" / "summary.json").read_text())
    assert summary["relations"] == len(EXPECTED)


def test_unmapped_kumu_types_are_one_error_with_the_fix(tmp_path):
    elements = ELEMENTS + [["Techniekpact", "platform", "", ""], ["Stichting Y", "club", "", ""],
                           ["Stichting Z", "platform", "", ""]]
    folder = _kumu_region(tmp_path, elements)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("fout: ")]
    assert errors == [
        "fout: twente-kumu.xlsx[Elements], kolom 'Type': Kumu-types die bij geen actorgroep horen (2): 'club', "
        "'platform'. Geef de groep in een veld 'groep', of zet in region.toml een tabel [groups], bijvoorbeeld: "
        "[groups] \"club\" = \"overig\". Groepen: overheid, werkgevers, werkenden, onderwijs, intermediairs, overig."]
    assert "Traceback" not in result.output
    # The fix the message names works: a [groups] table in region.toml.
    folder = _kumu_region(tmp_path, elements, toml='[groups]\nplatform = "intermediairs"\nclub = "overig"\n')
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 0, result.output
    actors = pd.read_csv(tmp_path / "out" / "twente" / "actors.csv").set_index("name")
    assert actors.loc["Techniekpact", "group"] == "intermediaries" and actors.loc["Stichting Y", "group"] == "other"


def test_group_field_wins_over_type_and_connection_types_map_through_region_toml(tmp_path):
    elements = [row + [g] for row, g in zip(ELEMENTS, ["groep", "overheid", "intermediairs", "onderwijs",
                                                       "onderwijs", "werkenden", "werkgevers"])]
    elements[1][1] = "trekker"      # a Type no vocabulary knows: the groep field decides
    connections = CONNECTIONS + [["FNV", "Saxion", "lobby", 1, "directed"]]
    folder = _kumu_region(tmp_path, elements, connections)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 2
    assert ("fout: twente-kumu.xlsx[Connections], kolom 'Type': Kumu-verbindingstypes die bij geen "
            "relatietype horen (1): 'lobby'. Zet in region.toml een tabel [relation_types]") in result.output
    folder = _kumu_region(tmp_path, elements, connections, toml='[relation_types]\nlobby = "vertegenwoordiging"\n')
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 0, result.output
    actors = pd.read_csv(tmp_path / "out" / "twente" / "actors.csv", keep_default_na=False).set_index("name")
    assert actors.loc["Gemeente Enschede", "type"] == "trekker"
    assert actors.loc["Gemeente Enschede", "group"] == "government"
    assert actors.loc["FNV", "out_degree"] == 1        # representation runs FNV -> Saxion


def test_kumu_errors_name_file_sheet_row_and_column(tmp_path):
    connections = CONNECTIONS + [["Gemeente Enschede", "Onbekend", "advies", "veel", "directed"]]
    folder = _kumu_region(tmp_path, connections=connections)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 2
    assert "fout: twente-kumu.xlsx[Connections], rij 7, kolom 'Strength': 'veel' is geen getal" in result.output
    assert "fout: twente-kumu.xlsx[Connections], rij 7, kolom 'To': onbekende actor 'Onbekend'" in result.output
    assert result.output.splitlines()[-1] == "2 problemen in de invoer; er is niets geschreven."


def test_the_same_label_twice_is_an_error_naming_both_rows(tmp_path):
    """Labels are compared as actors.csv's ids are (regardless of case and spacing): no 'bedrijf-x-2'."""
    elements = ELEMENTS + [["Bedrijf X", "bedrijf", "", ""], ["Gemeente  Enschede", "gemeente", "", ""],
                           ["saxion", "hogeschool", "", ""]]
    source = _kumu_region(tmp_path, elements) / "twente-kumu.xlsx"
    result = run_cli("import", "kumu", source, "--into", tmp_path / "imported")
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("fout: twente-kumu.xlsx[Elements], rij 8, kolom 'Label': label 'Bedrijf X' komt al "
                               "voor in rij 7; ")
    assert lines[1].startswith("fout: twente-kumu.xlsx[Elements], rij 9, kolom 'Label': label 'Gemeente  Enschede' "
                               "verschilt alleen in spaties (of hoofdletters) van label 'Gemeente Enschede' in rij 2 "
                               "(verschil: twee spaties achter elkaar); ")
    assert lines[2].startswith("fout: twente-kumu.xlsx[Elements], rij 10, kolom 'Label': label 'saxion' verschilt "
                               "alleen in hoofd- en kleine letters van label 'Saxion' in rij 5; ")
    assert lines[3:] == ["3 problemen in de invoer; er is niets geschreven."]
    assert not (tmp_path / "imported").exists()


def test_elements_with_ids_are_referred_to_by_id(tmp_path):
    elements = [["ID", "Label", "Type"], ["gem", "Gemeente", "gemeente"], ["roc", "ROC", "mbo"],
                ["vno", "VNO-NCW", "werkgeversorganisatie"]]
    connections = [["ID", "From", "To", "Type"], ["c1", "gem", "roc|vno", "samenwerking"]]
    folder = _kumu_region(tmp_path, elements, connections)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 0, result.output
    actors = pd.read_csv(tmp_path / "out" / "twente" / "actors.csv").set_index("id")
    assert actors["degree"].to_dict() == {"gem": 2, "roc": 1, "vno": 1}


def test_import_kumu_writes_the_region_tables_and_never_overwrites(tmp_path):
    source = _kumu_region(tmp_path) / "twente-kumu.xlsx"
    into = tmp_path / "regions" / "twente"
    result = run_cli("import", "kumu", source, "--into", into)
    assert result.exit_code == 0, result.output
    assert "6 actoren en 7 relaties geschreven naar:" in result.output
    relations = pd.read_csv(into / "relations.csv", keep_default_na=False)
    assert sorted(zip(relations["source"], relations["target"], relations["weight"])) == sorted(
        (s.lower().replace(" ", "-"), t.lower().replace(" ", "-"), w) for s, t, w in EXPECTED)
    # The imported folder analyses to the same numbers as the workbook itself.
    assert run_cli("analyse", into, "--out", tmp_path / "a", *FAST).exit_code == 0
    assert run_cli("analyse", source.parent, "--out", tmp_path / "b", *FAST).exit_code == 0
    a = pd.read_csv(tmp_path / "a" / "twente" / "actors.csv").set_index("id")
    b = pd.read_csv(tmp_path / "b" / "twente" / "actors.csv").set_index("id")
    for column in ("degree", "strength", "betweenness", "coreness", "orchestrator_score"):
        assert a[column].to_dict() == pytest.approx(b[column].to_dict())
    before = (into / "actors.csv").read_bytes()
    result = run_cli("import", "kumu", source, "--into", into)
    assert result.exit_code == 2
    assert f"fout: {into / 'actors.csv'} bestaat al en wordt niet overschreven" in result.output
    assert (into / "actors.csv").read_bytes() == before


def test_import_kumu_writes_a_reversed_undirected_connection_once_and_says_so(tmp_path):
    connections = CONNECTIONS + [["UWV Twente", "Gemeente Enschede", "bestuur", 3, "undirected"],
                                 ["Bedrijf X", "FNV", "samenwerking", 1, "undirected"]]
    source = _kumu_region(tmp_path, connections=connections) / "twente-kumu.xlsx"
    into = tmp_path / "imported"
    result = run_cli("import", "kumu", source, "--into", into)
    assert result.exit_code == 0, result.output
    assert "6 actoren en 8 relaties geschreven naar:" in result.output        # the copy of row 2 once
    assert ("let op: twente-kumu.xlsx[Connections], rij 7, kolom 'From': deze rij is gelijk aan rij 2 met bron en "
            "doel omgewisseld; bestuur heeft geen richting") in result.output
    assert ("let op: twente-kumu.xlsx[Connections], rij 8, kolom 'From': bedrijf-x – fnv (samenwerking) staat ook in "
            "rij 5, andersom geschreven (samenwerking heeft geen richting) en met een andere waarde in 'Strength'. "
            "Beide rijen tellen mee: hun gewichten worden opgeteld tot één verbinding (2 + 1)") in result.output
    relations = pd.read_csv(into / "relations.csv", keep_default_na=False)
    pairs = [tuple(sorted(p)) for p in zip(relations["source"], relations["target"], relations["type"])]
    assert pairs.count(("gemeente-enschede", "governance", "uwv-twente")) == 1


@pytest.mark.parametrize("region,lang", [("small", "nl"), ("brabant", "en")])
def test_round_trip_through_the_exported_kumu_workbook(tmp_path, region, lang):
    """Analysing the kumu.xlsx an analysis wrote gives the same numbers as the original data."""
    from conftest import ROOT
    source = FIXTURES / region if region == "small" else ROOT / "regions" / region
    settings = ("--bootstrap", "5", "--null-samples", "10", "--seed", "3", "--lang", lang)
    assert run_cli("analyse", source, "--out", tmp_path / "a", *settings).exit_code == 0
    exported = tmp_path / "a" / region / "kumu.xlsx"
    sheets = pd.read_excel(exported, sheet_name=None)
    about = {"nl": "toelichting", "en": "about"}[lang]
    assert list(sheets) == ["Elements", "Connections", f"{about} (ignore)"]     # the last one Kumu skips
    assert list(sheets["Elements"].columns[:5]) == ["ID", "Label", "Type", "Description", "Tags"]
    assert list(sheets["Connections"].columns[:5]) == ["From", "To", "Type", "Strength", "direction"]
    again = tmp_path / "kumu-only"
    again.mkdir()
    shutil.copy(exported, again / "kumu.xlsx")
    result = run_cli("analyse", again, "--out", tmp_path / "b", *settings)
    assert result.exit_code == 0, result.output
    first = json.loads((tmp_path / "a" / region / "summary.json").read_text())
    second = json.loads((tmp_path / "b" / "kumu-only" / "summary.json").read_text())
    for key in ("actors", "relations", "ties", "core", "core_fit", "coreness_fit", "groups", "orchestrators"):
        assert second[key] == first[key], key
    a = pd.read_csv(tmp_path / "a" / region / "actors.csv", dtype=str, keep_default_na=False)
    b = pd.read_csv(tmp_path / "b" / "kumu-only" / "actors.csv", dtype=str, keep_default_na=False)
    assert list(b.columns) == list(a.columns)
    pd.testing.assert_frame_equal(a, b)


def test_connections_without_type_map_through_an_empty_key(tmp_path):
    connections = [["From", "To", "Type", "Strength"], ["Gemeente Enschede", "UWV Twente", "", 2],
                   ["FNV", "Bedrijf X", "", 1], ["ROC van Twente", "Saxion|Bedrijf X", "samenwerking", 1]]
    folder = _kumu_region(tmp_path, connections=connections)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST, "--lang", "en")
    assert result.exit_code == 2
    assert ("error: twente-kumu.xlsx[Connections], column 'Type': Kumu connection types that map to no relation "
            "type (1): (empty).") in result.output
    folder = _kumu_region(tmp_path, connections=connections, toml='[relation_types]\n"" = "samenwerking"\n')
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 0, result.output
    result = run_cli("import", "kumu", folder / "twente-kumu.xlsx", "--into", tmp_path / "imported")
    assert result.exit_code == 0, result.output       # region.toml next to the workbook is used
    relations = pd.read_csv(tmp_path / "imported" / "relations.csv")
    assert relations["type"].tolist() == ["collaboration"] * 4
    weights = {(r.source, r.target): r.weight for r in relations.itertuples()}
    assert weights[("gemeente-enschede", "uwv-twente")] == 2                  # Strength is the weight
    assert sorted(weights.values()) == [1, 1, 1, 2]


# Two ROCs with their own IDs and one label, as Kumu allows (faq "How do I avoid duplicating data?":
# an ID column tells elements apart; connections then name elements by ID).
SHARED_LABEL = [["ID", "Label", "Type"], ["roc-t", "ROC", "mbo"], ["roc-w", "ROC", "mbo"],
                ["gem", "Gemeente", "gemeente"], ["fnv", "FNV", "vakbond"]]


def test_elements_sharing_a_label_import_when_connections_use_ids(tmp_path):
    connections = [["From", "To", "Type", "Strength"], ["gem", "roc-t|roc-w", "samenwerking", 2],
                   ["fnv", "roc-w", "samenwerking", 1], ["Gemeente", "FNV", "samenwerking", 3]]
    source = _kumu_region(tmp_path, SHARED_LABEL, connections) / "twente-kumu.xlsx"
    result = run_cli("import", "kumu", source, "--into", tmp_path / "imported")
    assert result.exit_code == 0, result.output
    actors = pd.read_csv(tmp_path / "imported" / "actors.csv", keep_default_na=False)
    assert sorted(zip(actors["id"], actors["name"])) == [("fnv", "FNV"), ("gem", "Gemeente"),
                                                         ("roc-t", "ROC"), ("roc-w", "ROC")]
    relations = pd.read_csv(tmp_path / "imported" / "relations.csv", keep_default_na=False)
    # The ties as the sheet writes them ('|' is one connection per target; a unique label is its element).
    written = {("gem", "roc-t", 2), ("gem", "roc-w", 2), ("fnv", "roc-w", 1), ("gem", "fnv", 3)}
    assert {(*sorted((s, t)), w) for s, t, w in written} == {
        (*sorted((s, t)), w) for s, t, w in zip(relations["source"], relations["target"], relations["weight"])}


def test_a_connection_naming_a_shared_label_is_an_error_at_its_cell(tmp_path):
    """Before, the last element with the label silently got the connection (and 'Gemeente - ROC'
    then even read as a copy of 'roc-w - gem'). Now every such cell is one line, with the rows and
    IDs to choose from, and the row's other problems are still reported; nothing is written."""
    elements = SHARED_LABEL + [["", "FNV", "vakbond"]]          # an element without ID shares a label too
    connections = [["From", "To", "Type", "Strength"],
                   ["Gemeente", "ROC", "samenwerking", 1],           # row 2: To
                   ["roc-w", "gem", "samenwerking", 1],              # row 3: by ID, fine
                   ["ROC", "roc-t", "samenwerking", "veel"],         # row 4: From, and Strength
                   ["gem", "roc|ROC|ROC", "samenwerking", 1],        # row 5: each label once (ignoring case too)
                   ["FNV", "gem", "samenwerking", 1]]                # row 6: an ID'd and an unnamed element
    source = _kumu_region(tmp_path, elements, connections) / "twente-kumu.xlsx"
    into = tmp_path / "imported"
    for lang in ("nl", "en"):
        result = run_cli("import", "kumu", source, "--into", into, "--lang", lang)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        lines = result.output.splitlines()
        assert not into.exists()
        if lang == "en":
            assert lines[0].startswith("error: twente-kumu.xlsx[Connections], row 2, column 'To': label 'ROC' "
                                       "belongs to 2 elements on sheet 'Elements': row 2 'ROC' (ID 'roc-t'), "
                                       "row 3 'ROC' (ID 'roc-w'); ")
            assert "Write the ID of the element meant here" in lines[0]
            continue
        where = [line.split(": label ")[0] for line in lines if ": label " in line]
        assert where == ["fout: twente-kumu.xlsx[Connections], rij 2, kolom 'To'",
                         "fout: twente-kumu.xlsx[Connections], rij 4, kolom 'From'",
                         "fout: twente-kumu.xlsx[Connections], rij 5, kolom 'To'",
                         "fout: twente-kumu.xlsx[Connections], rij 5, kolom 'To'",
                         "fout: twente-kumu.xlsx[Connections], rij 6, kolom 'From'"]
        assert "label 'roc' hoort bij 2 elementen" in lines[2] and "label 'ROC' hoort bij 2" in lines[3]
        assert ("label 'FNV' hoort bij 2 elementen op tabblad 'Elements': rij 5 'FNV' (ID 'fnv'), "
                "rij 6 'FNV' (zonder ID); ") in lines[4]
        assert "fout: twente-kumu.xlsx[Connections], rij 4, kolom 'Strength': 'veel' is geen getal" in result.output
        # The stand-in for a label is never reported as an unknown actor or a relation with itself.
        assert len([line for line in lines if line.startswith("fout: ")]) == 6
        assert lines[-1] == "6 problemen in de invoer; er is niets geschreven."


def test_undirected_on_a_directed_type_is_read_from_to_and_said(tmp_path):
    """Kumu's 'undirected' on a funding or delivery connection says no direction, which the relation type needs:
    the connection is read From -> To (as before) and one warning per type names the rows; an undirected
    governance or collaboration connection needs no direction and gets none."""
    connections = CONNECTIONS + [["Saxion", "Bedrijf X", "levering", 1, "undirected"],
                                 ["Gemeente Enschede", "FNV", "subsidie", 1, "undirected"]]
    folder = _kumu_region(tmp_path, connections=connections)
    result = run_cli("validate", folder)
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if line.startswith("let op:") and "'undirected'" in line]
    # the rows as the sheet numbers them: the header is row 1, so CONNECTIONS' rows are 2-6 and the new ones 7, 8
    assert said == [
        "let op: twente-kumu.xlsx[Connections], kolom 'direction': verbindingen van het soort levering staan in "
        "Kumu als 'undirected', maar levering heeft een richting: ze zijn gelezen van From naar To (aantal: 1; "
        "rijen 7). Controleer de richting, of zet 'directed' (of 'mutual' voor beide kanten).",
        "let op: twente-kumu.xlsx[Connections], kolom 'direction': verbindingen van het soort financiering staan in "
        "Kumu als 'undirected', maar financiering heeft een richting: ze zijn gelezen van From naar To (aantal: 1; "
        "rijen 8). Controleer de richting, of zet 'directed' (of 'mutual' voor beide kanten)."]


def _hide(path, sheet: str, rows=(), columns=(), filtered: str = "") -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    for row in rows:
        workbook[sheet].row_dimensions[row].hidden = True
    for column in columns:
        workbook[sheet].column_dimensions[column].hidden = True
    if filtered:
        workbook[sheet].auto_filter.ref = filtered
    workbook.save(path)


def test_sheets_not_read_and_hidden_rows_are_said_as_for_any_workbook(tmp_path):
    """A Kumu workbook gets the warnings a region workbook gets (tests/test_silent_misread.py): a sheet that is
    not read but holds data (a second elements sheet, a loops sheet, the user's notes; not an '(ignore)'
    sheet, nor an empty one), and hidden rows and columns that are read all the same."""
    folder = tmp_path / "twente"
    path = _workbook(folder / "twente-kumu.xlsx", {
        "Elements": ELEMENTS, "Connections": CONNECTIONS,
        "Mensen": [["Label", "Type"], ["Jan", "persoon"], ["Els", "persoon"]],
        "Loops": [["Label", "Elements"], ["lus", "FNV|Bedrijf X"]],
        "notes": [["vragen voor het overleg"], ["wie trekt?"], ["budget 2026"]],
        "Leeg": [], "Notities (ignore)": [["Label"], ["niet inlezen"]]})
    _hide(path, "Elements", rows=(4, 7), filtered="A1:D7")
    _hide(path, "Connections", columns=("D", "H"))          # H is empty: nothing to say
    result = run_cli("validate", folder)
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "niet gelezen" in line or "verborgen" in line]
    advice = "; zo niet, zet '(ignore)' in de naam van het tabblad (dan slaat ook Kumu het over), of verwijder het."
    read = "gelezen worden alleen de tabbladen 'Elements', 'Connections'. Horen de rijen erbij, kopieer ze dan naar"
    assert said == [
        f"let op: twente-kumu.xlsx: tabblad 'Mensen' wordt niet gelezen, maar bevat gegevens (rijen met een waarde: "
        f"2); {read} het tabblad 'Elements'{advice}",
        f"let op: twente-kumu.xlsx: tabblad 'Loops' wordt niet gelezen, maar bevat gegevens (rijen met een waarde: "
        f"1); {read} het tabblad 'Elements'{advice}",
        f"let op: twente-kumu.xlsx: tabblad 'notes' wordt niet gelezen, maar bevat gegevens (rijen met een waarde: "
        f"3); {read} het tabblad 'Elements' of 'Connections'{advice}",
        "let op: twente-kumu.xlsx[Elements]: verborgen rijen worden toch gelezen en tellen mee in de analyse, ook "
        "als een filter ze verbergt (aantal: 2; rijen 4, 7). Maak ze zichtbaar om ze te controleren, en verwijder "
        "de rijen die niet mee moeten tellen.",
        "let op: twente-kumu.xlsx[Connections]: verborgen kolommen worden toch gelezen (aantal: 1; kolommen D). "
        "Maak ze zichtbaar om ze te controleren, en verwijder wat niet mee moet tellen."]
    english = run_cli("validate", folder, "--lang", "en")
    assert english.exit_code == 0, english.output
    assert ("warning: twente-kumu.xlsx: sheet 'notes' is not read, but holds data (rows with a value: 3); only the "
            "sheets 'Elements', 'Connections' are read. If its rows belong to the region, copy them to the sheet "
            "'Elements' or 'Connections'; if not, put '(ignore)' in the sheet's name (then Kumu skips it too), or "
            "delete it.") in english.output
    assert ("warning: twente-kumu.xlsx[Elements]: hidden rows are read all the same and count in the analysis, also "
            "when a filter hides them (number: 2; rows 4, 7).") in english.output
    # The hidden rows are read, as the warning says: the same network as without hiding them.
    analysed = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert analysed.exit_code == 0, analysed.output
    assert len([line for line in analysed.output.splitlines() if "niet gelezen" in line]) == 3
    actors = pd.read_csv(tmp_path / "out" / "twente" / "actors.csv", keep_default_na=False)
    assert sorted(actors["name"]) == sorted(row[0] for row in ELEMENTS[1:])
    summary = json.loads((tmp_path / "out" / "twente" / "summary.json").read_text())
    assert summary["relations"] == len(EXPECTED)
    # import kumu says the same
    imported = run_cli("import", "kumu", path, "--into", tmp_path / "imported")
    assert imported.exit_code == 0, imported.output
    assert len([line for line in imported.output.splitlines() if "niet gelezen" in line]) == 3


def test_a_kumu_export_with_only_its_own_sheets_gets_no_sheet_warnings(tmp_path):
    folder = _kumu_region(tmp_path)                        # Elements, Connections and an '(ignore)' sheet
    result = run_cli("validate", folder)
    assert result.exit_code == 0, result.output
    assert "niet gelezen" not in result.output and "verborgen" not in result.output
