"""Spreadsheets as coordinators write them: headers, title rows, everyday words, encodings, formats.

Each test drives the CLI on a file written the way a person or Excel writes it, and checks the
numbers against an independent reading (networkx) where a header decides the numbers.
"""
from __future__ import annotations

import io

import networkx as nx
import pandas as pd
import pytest
from openpyxl import Workbook

from conftest import run_cli, write_region, write_workbook

FAST = ("--bootstrap", "0", "--null-samples", "5")
ACTORS = [("gem", "Gemeente Stad", "overheid"), ("uwv", "UWV Stad", "intermediairs"),
          ("roc", "ROC Stad", "onderwijs"), ("vno", "VNO-NCW Stad", "werkgevers"), ("fnv", "FNV", "werkenden")]
RELATIONS = [("gem", "uwv", "bestuur", 3), ("gem", "roc", "financiering", 2), ("uwv", "roc", "samenwerking", 1),
             ("vno", "gem", "bestuur", 3), ("fnv", "vno", "samenwerking", 2), ("roc", "vno", "levering", 1)]


def _write(path, header, rows, delimiter=";", title=None, encoding="utf-8"):
    lines = ([title, ""] if title else []) + [delimiter.join(header)]
    lines += [delimiter.join(str(c) for c in row) for row in rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _run(folder, *extra):
    return run_cli("analyse", folder, "--out", folder.parent / "out", *FAST, *extra)


def _strengths(folder):
    frame = pd.read_csv(folder.parent / "out" / folder.name / "actors.csv").set_index("id")
    return frame["strength"].to_dict()


def _oracle_strengths():
    graph = nx.Graph()
    for s, t, _, w in RELATIONS:
        graph.add_edge(s, t, weight=graph[s][t]["weight"] + w if graph.has_edge(s, t) else w)
    return dict(graph.degree(weight="weight"))


def test_headers_as_people_write_them_and_the_weight_is_used(tmp_path):
    folder = tmp_path / "twente"
    _write(folder / "actors.csv", ["ID", "Naam organisatie", "Groep", "Soort organisatie"],
           [(i, n, g, "x") for i, n, g in ACTORS])
    _write(folder / "relations.csv", ["Van", "Naar", "Soort relatie", "Gewicht (1-3)"], RELATIONS)
    result = _run(folder)
    assert result.exit_code == 0, result.output
    # Before, 'Gewicht (1-3)' was an extra column and every weight was 1.
    assert _strengths(folder) == pytest.approx(_oracle_strengths())
    assert "niet herkend" not in result.output


def test_organisatie_header_and_each_unrecognised_column_is_one_warning(tmp_path):
    folder = tmp_path / "r"
    _write(folder / "actors.csv", ["id", "Organisatie", "groep", "Contactpersoon", "Aantal medewerkers [fte]"],
           [(i, n, g, "Jan", 10) for i, n, g in ACTORS])
    _write(folder / "relations.csv", ["bron", "doel", "soort", "Gewigt"], RELATIONS)
    result = _run(folder)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "niet herkend" in line]
    assert warnings == [
        "let op: actors.csv, kolom 'Contactpersoon': kolom 'Contactpersoon' niet herkend. Bewaard als extra "
        "gegeven (te zien in de kaart), niet gebruikt in de analyse.",
        "let op: actors.csv, kolom 'Aantal medewerkers [fte]': kolom 'Aantal medewerkers [fte]' niet herkend. "
        "Bewaard als extra gegeven (te zien in de kaart), niet gebruikt in de analyse.",
        "let op: relations.csv, kolom 'Gewigt': kolom 'Gewigt' niet herkend. Bedoelt u 'gewicht'? Bewaard als "
        "extra gegeven (te zien in de kaart), niet gebruikt in de analyse."]
    names = pd.read_csv(folder.parent / "out" / "r" / "actors.csv").set_index("id")["name"]
    assert names["vno"] == "VNO-NCW Stad"


def test_title_row_above_the_header_is_skipped_and_rows_keep_their_numbers(tmp_path):
    folder = tmp_path / "r"
    _write(folder / "actors.csv", ["id", "naam", "groep"], ACTORS, title="LLO-netwerk Twente 2025")
    rows = RELATIONS + [("gem", "fnv", "bestuur", 0)]
    _write(folder / "relations.csv", ["bron", "doel", "soort", "gewicht"], rows, title="Relaties;;;")
    result = _run(folder)
    assert result.exit_code == 2
    # title in row 1, blank row 2, header row 3: the 7th relation is spreadsheet row 10
    assert "fout: relations.csv, rij 10, kolom 'gewicht': gewicht 0 moet groter dan 0 zijn" in result.output
    assert "verplichte kolom ontbreekt" not in result.output
    _write(folder / "relations.csv", ["bron", "doel", "soort", "gewicht"], RELATIONS, title="Relaties;;;")
    result = _run(folder)
    assert result.exit_code == 0, result.output
    assert ("let op: actors.csv: kopregel gevonden in rij 3; wat erboven staat (rij 1 tot en met 2) is overgeslagen als titel."
            in result.output)
    assert _strengths(folder) == pytest.approx(_oracle_strengths())


def test_title_row_and_a_header_missing_a_column(tmp_path):
    folder = tmp_path / "r"
    _write(folder / "actors.csv", ["id", "naam"], [(i, n) for i, n, _ in ACTORS], title="LLO-netwerk Twente 2025")
    _write(folder / "relations.csv", ["bron", "doel", "soort"], [r[:3] for r in RELATIONS])
    result = _run(folder)
    assert result.exit_code == 2
    assert ("fout: actors.csv, kolom 'groep': verplichte kolom ontbreekt. Voeg een kolom 'group' of 'groep' toe "
            "(gevonden: id, naam).") in result.output


def test_title_row_in_a_workbook(tmp_path):
    folder = tmp_path / "r"
    write_workbook(folder / "ecosystem.xlsx", {
        "actoren": [["LLO-netwerk Twente 2025"], ["id", "naam", "groep"], *map(list, ACTORS)],
        "relaties": [["bron", "doel", "soort", "gewicht"], *map(list, RELATIONS + [("gem", "xyz", "advies", 1)])]})
    result = _run(folder)
    assert result.exit_code == 2
    assert "fout: ecosystem.xlsx[relaties], rij 8, kolom 'doel': onbekende actor 'xyz'" in result.output
    assert "verplichte kolom" not in result.output


@pytest.mark.parametrize("word,group", [
    ("gemeente", "government"), ("Provincie", "government"), ("ministerie", "government"),
    ("bedrijf", "employers"), ("werkgever", "employers"), ("werkgeversorganisatie", "employers"),
    ("brancheorganisatie", "employers"), ("vakbond", "workers"), ("school", "education"), ("mbo", "education"),
    ("hbo", "education"), ("universiteit", "education"), ("hogeschool", "education"), ("opleider", "education"),
    ("intermediair", "intermediaries"), ("UWV", "intermediaries")])
def test_everyday_group_words_are_accepted(tmp_path, word, group):
    actors = [{"id": i, "name": n, "group": g} for i, n, g in ACTORS[:-1]] + [{"id": "x", "name": "X", "group": word}]
    relations = [{"source": s, "target": t, "type": k} for s, t, k, _ in RELATIONS[:4]] + [
        {"source": "gem", "target": "x", "type": "subsidie"}]
    folder = write_region(tmp_path / "r", actors, relations)
    result = _run(folder)
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(folder.parent / "out" / "r" / "actors.csv").set_index("id")
    assert frame.loc["x", "group"] == group
    assert frame.loc["x", "in_degree"] == 1          # 'subsidie' is funding, directed gem -> x


@pytest.mark.parametrize("lang,expected", [
    ("nl", "onbekende groep 'gemeentehuis'. Bedoelt u 'overheid'?"),
    ("en", "unknown group 'gemeentehuis'. Did you mean 'government'?")])
def test_suggestion_is_a_vocabulary_word_in_the_readers_language(tmp_path, lang, expected):
    actors = [{"id": i, "name": n, "group": g} for i, n, g in ACTORS] + [{"id": "x", "name": "X", "group": "gemeentehuis"}]
    folder = write_region(tmp_path / "r", actors, [{"source": "gem", "target": "x", "type": "bestuur"}])
    result = _run(folder, "--lang", lang)
    assert result.exit_code == 2
    assert expected in result.output


@pytest.mark.parametrize("lang,expected", [
    ("nl", "'overleg' kan twee relatietypen zijn. Vul 'bestuur' in als er besluiten vallen (een bestuurlijke "
           "tafel), anders 'samenwerking'."),
    ("en", "'overleg' can be two relation types. Fill in 'governance' when decisions are taken there "
           "(a governance table), else 'collaboration'.")])
def test_ambiguous_relation_words_ask_the_user_to_choose(tmp_path, lang, expected):
    actors = [{"id": i, "name": n, "group": g} for i, n, g in ACTORS]
    relations = [{"source": "gem", "target": "uwv", "type": "overleg"}, {"source": "gem", "target": "roc",
                                                                          "type": "netwerk"}]
    result = _run(write_region(tmp_path / "r", actors, relations), "--lang", lang)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if "overleg" in line or "netwerk" in line]
    assert len(lines) == 2 and expected in lines[0]
    assert ("rij 2, kolom 'type'" if lang == "nl" else "row 2, column 'type'") in lines[0]


def test_sociale_partner_asks_which_group(tmp_path):
    actors = [{"id": i, "name": n, "group": g} for i, n, g in ACTORS] + [{"id": "x", "name": "X",
                                                                          "group": "sociale partner"}]
    result = _run(write_region(tmp_path / "r", actors, [{"source": "gem", "target": "x", "type": "bestuur"}]))
    assert result.exit_code == 2
    assert ("actors.csv, rij 7, kolom 'group': 'sociale partner' kan meer dan één groep zijn ('werkgevers' of "
            "'werkenden'). Kies er één en vul die in.") in result.output


def test_missing_actor_of_a_relation_that_ended_says_it_may_have_been_taken_out(tmp_path):
    actors = [{"id": i, "name": n, "group": g} for i, n, g in ACTORS]
    relations = [{"source": s, "target": t, "type": k, "since": "2019", "until": ""} for s, t, k, _ in RELATIONS]
    relations.append({"source": "gem", "target": "lwl", "type": "financiering", "since": "2018", "until": "2023"})
    result = _run(write_region(tmp_path / "r", actors, relations))
    assert result.exit_code == 2
    assert ("relations.csv, rij 8, kolom 'target': actor 'lwl' staat niet in actors.csv; deze relatie liep "
            "tot 2023, dus misschien is de actor weggehaald omdat die er niet meer is.") in result.output
    assert "Bedoelt u" not in result.output


def test_suggestions_compare_names_as_well_as_ids(tmp_path):
    actors = [{"id": i, "name": n, "group": g} for i, n, g in
              [("gem", "Gemeente Stad", "overheid"), ("wp", "Werkplein", "intermediairs"),
               ("wg1", "VNO-NCW Stad", "werkgevers")]]
    relations = [{"source": "gem", "target": "wp", "type": "bestuur"}, {"source": "VNO", "target": "gem",
                                                                         "type": "bestuur"}]
    result = _run(write_region(tmp_path / "r", actors, relations))
    assert result.exit_code == 2
    assert "onbekende actor 'VNO'. Bedoelt u 'wg1'?" in result.output


def test_utf16_tab_separated_text_is_read(tmp_path):
    folder = tmp_path / "r"
    _write(folder / "actors.csv", ["id", "naam", "groep"], [(i, n + " é", g) for i, n, g in ACTORS],
           delimiter="\t", encoding="utf-16")
    _write(folder / "relations.csv", ["bron", "doel", "soort", "gewicht"], RELATIONS, delimiter="\t",
           encoding="utf-16")
    assert (folder / "actors.csv").read_bytes()[:2] == b"\xff\xfe"      # what Excel's 'Unicode-tekst' writes
    result = _run(folder)
    assert result.exit_code == 0, result.output
    names = pd.read_csv(folder.parent / "out" / "r" / "actors.csv").set_index("id")["name"]
    assert names["gem"] == "Gemeente Stad é"
    assert _strengths(folder) == pytest.approx(_oracle_strengths())


def test_old_xls_gets_a_save_as_xlsx_message(tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "netwerk.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    result = _run(folder)
    assert result.exit_code == 2
    assert ("fout: netwerk.xls: dit is het oude Excel-formaat (.xls), dat niet gelezen wordt. Open het in Excel en "
            "kies Opslaan als > Excel-werkmap (.xlsx).") in result.output


def test_password_protected_workbook_says_so(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    wb = Workbook()
    wb.active.title = "actoren"
    wb.active.append(["id", "naam", "groep"])
    plain, encrypted = io.BytesIO(), io.BytesIO()
    wb.save(plain)
    plain.seek(0)
    OOXMLFile(plain).encrypt("geheim", encrypted)
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "ecosystem.xlsx").write_bytes(encrypted.getvalue())
    result = _run(folder, "--lang", "en")
    assert result.exit_code == 2
    assert "error: ecosystem.xlsx: the workbook is password-protected and cannot be read." in result.output
    assert "BadZipFile" not in result.output


def test_actors_xlsx_speaks_the_readers_language(tmp_path):
    folder = write_region(tmp_path / "r", [{"id": i, "name": n, "group": g} for i, n, g in ACTORS],
                          [{"source": s, "target": t, "type": k, "weight": w} for s, t, k, w in RELATIONS])
    for lang in ("nl", "en"):
        assert run_cli("analyse", folder, "--out", tmp_path / lang, *FAST, "--lang", lang).exit_code == 0
    csv_nl = pd.read_csv(tmp_path / "nl" / "r" / "actors.csv")
    csv_en = pd.read_csv(tmp_path / "en" / "r" / "actors.csv")
    pd.testing.assert_frame_equal(csv_nl, csv_en)             # the machine contract does not change
    nl = pd.read_excel(tmp_path / "nl" / "r" / "actors.xlsx", sheet_name=None)
    en = pd.read_excel(tmp_path / "en" / "r" / "actors.xlsx", sheet_name=None)
    assert list(nl) == ["actoren", "lagen", "toelichting"] and list(en) == ["actors", "layers", "about"]
    actoren = nl["actoren"].set_index("id")
    assert {"Naam", "Groep", "Aantal partners", "Tussenpositie", "In de kern"} <= set(actoren.columns)
    assert actoren.loc["gem", "Groep"] == "Overheid" and actoren.loc["fnv", "Groep"] == "Werkenden"
    assert set(actoren["In de kern"]) <= {"ja", "nee"}
    by_id = csv_nl.set_index("id")
    assert actoren["Aantal partners"].to_dict() == by_id["degree"].to_dict()
    assert actoren["Tussenpositie"].to_dict() == pytest.approx(by_id["betweenness"].to_dict())
    assert en["actors"].set_index("id").loc["gem", "Group"] == "Government"
    # Every header is in the reader's words: none is left as actors.csv's or layers.csv's key ('id' is both)
    layers = pd.read_csv(tmp_path / "nl" / "r" / "layers.csv")
    for sheets, lang in ((nl, "nl"), (en, "en")):
        first, second, _ = sheets.values()
        assert set(first.columns) & set(csv_nl.columns) == {"id"}, lang
        assert set(second.columns) & set(layers.columns) == {"id"}, lang
