"""A hostile-input corpus: each case is an input, the expected exit code and the expected message or result.

Every case runs the real CLI on real files and also checks the promises that hold for
every input: no traceback, the input folder byte-for-byte unchanged, nothing written
on exit 2, and on exit 0 outputs that parse (XML, JSON, HTML) and say what the case
expects. The numbers a case checks come from the input itself (the rows written
below), not from the tool.
"""
from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

import pytest

from conftest import read_csv_rows, run_cli, write_region, write_workbook as workbook

FAST = ("--bootstrap", "0", "--null-samples", "5")
ACTORS = [{"id": "gem", "name": "Gemeente", "group": "overheid"},
          {"id": "uwv", "name": "UWV", "group": "intermediairs"},
          {"id": "roc", "name": "ROC", "group": "onderwijs"},
          {"id": "vno", "name": "VNO-NCW", "group": "werkgevers"}]
RELATIONS = [{"source": "gem", "target": "uwv", "type": "bestuur", "weight": "2"},
             {"source": "roc", "target": "gem", "type": "levering", "weight": "1"},
             {"source": "vno", "target": "uwv", "type": "samenwerking", "weight": "1"}]
OUTPUT_FILES = {"map.html", "report.html", "map.png", "target.png", "numbers.png", "actors.csv", "actors.xlsx", "layers.csv",
                "summary.json", "network.graphml", "network.gexf", "kumu.xlsx", "slides.pptx"}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its content (folders too), to prove nothing changed."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"<dir>")
            for p in sorted(folder.rglob("*"))}


def check_outputs_parse(out_dir: Path) -> None:
    """Valid XML, JSON and HTML: what a viewer, Gephi or a script will read."""
    assert {p.name for p in out_dir.iterdir()} == OUTPUT_FILES
    for name in ("network.graphml", "network.gexf"):
        ET.parse(out_dir / name)                       # raises on a NUL or another invalid character
    json.loads((out_dir / "summary.json").read_text(encoding="utf-8"))
    for name in ("map.html", "report.html"):
        text = (out_dir / name).read_text(encoding="utf-8")
        assert text.lstrip().lower().startswith("<!doctype html>") and text.rstrip().endswith("</html>")
        HTMLParser().feed(text)
    with open(out_dir / "actors.csv", newline="", encoding="utf-8") as fh:
        list(csv.reader(fh))
    from pptx import Presentation
    assert len(Presentation(str(out_dir / "slides.pptx")).slides) >= 7   # every XML part parses


def summary(out_dir: Path) -> dict:
    return json.loads((out_dir / "summary.json").read_text(encoding="utf-8"))


def actors_out(out_dir: Path) -> dict[str, dict]:
    return {row["id"]: row for row in read_csv_rows(out_dir / "actors.csv")}


def xlsx_rows(actors=ACTORS, relations=RELATIONS) -> dict[str, list[list]]:
    return {"actors": [["id", "name", "group"], *[[a["id"], a["name"], a["group"]] for a in actors]],
            "relations": [["source", "target", "type", "weight"],
                          *[[r["source"], r["target"], r["type"], r["weight"]] for r in relations]]}


def with_relation(**cells) -> list[dict]:
    return RELATIONS + [{"source": "gem", "target": "roc", "type": "advies", "weight": "1", **cells}]


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], object]                  # writes the region folder
    exit: int
    expect: tuple[str, ...] = ()                     # fragments of the terminal output, in Dutch
    args: tuple[str, ...] = ()
    check: Callable[[Path, str], None] | None = None  # on exit 0: (output folder, terminal output)
    absent: tuple[str, ...] = field(default=("Traceback", "Warning:", "Error:"))


# --- builders ---------------------------------------------------------------------------------------

def formula_without_value(folder: Path) -> None:
    sheets = xlsx_rows()
    sheets["relations"][1][3] = "=1+1"           # openpyxl saves the formula, never a result
    workbook(folder / "ecosystem.xlsx", sheets)


def formula_with_value(formula: str, value, sheet: str = "relations", row: int = 1,
                       col: int = 3) -> Callable[[Path], None]:
    """The cell (0-based ``row``, ``col``) of ``sheet``, by default the weight in relations row 2, is
    ``formula`` with saved result ``value`` (as Excel saves it; '#N/A' as Excel saves an error)."""
    def build(folder: Path) -> None:
        import xlsxwriter

        folder.mkdir(parents=True)
        book = xlsxwriter.Workbook(str(folder / "ecosystem.xlsx"))
        for name, rows in xlsx_rows().items():
            written = book.add_worksheet(name)
            for r, cells in enumerate(rows):
                for c, cell in enumerate(cells):
                    written.write(r, c, cell)
        book.get_worksheet_by_name(sheet).write_formula(row, col, formula, None, value)
        book.close()
    return build


def hidden_stale_sheet(folder: Path) -> None:
    stale = xlsx_rows(actors=ACTORS[:3])["actors"]           # last year's list, without vno
    sheets = {"actors": stale, "actoren": xlsx_rows()["actors"], "relaties": xlsx_rows()["relations"]}
    workbook(folder / "ecosystem.xlsx", sheets, hidden=("actors",))


def two_visible_sheets(folder: Path) -> None:
    sheets = {"actors": xlsx_rows()["actors"], "actoren": xlsx_rows()["actors"], "relaties": xlsx_rows()["relations"]}
    workbook(folder / "ecosystem.xlsx", sheets)


def csvs_and_workbook(folder: Path) -> None:
    write_region(folder, ACTORS, RELATIONS)
    workbook(folder / "ecosystem.xlsx", xlsx_rows())


def nul_late_in_file(folder: Path) -> None:
    actors = ACTORS + [{"id": f"x{i}", "name": f"Organisatie {i} " + "o" * 60, "group": "overig"}
                       for i in range(80)]
    relations = RELATIONS + [{"source": f"x{i}", "target": "gem", "type": "advies", "weight": "1"}
                             for i in range(80)]
    write_region(folder, actors, relations)
    text = (folder / "actors.csv").read_text(encoding="utf-8")
    assert len(text) > 4096                                # beyond the 'is this text?' sniff
    (folder / "actors.csv").write_text(text.replace("Organisatie 79", "Organisatie\x00 79\x07\x1b"),
                                       encoding="utf-8")


def long_cell(length: int) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        write_region(folder, ACTORS[:3] + [{"id": "vno", "name": "V" * length, "group": "werkgevers"}], RELATIONS)
    return build


def actors_csv_is_a_folder(folder: Path) -> None:
    write_region(folder, ACTORS, RELATIONS)
    (folder / "actors.csv").unlink()
    (folder / "actors.csv").mkdir()
    (folder / "actors.csv" / "x.txt").write_text("not data")


def toml(text: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        write_region(folder, ACTORS, RELATIONS)
        (folder / "region.toml").write_text(text, encoding="utf-8")
    return build


def region(actors=ACTORS, relations=RELATIONS, delimiter=",") -> Callable[[Path], None]:
    return lambda folder: write_region(folder, actors, relations, delimiter=delimiter)


# --- checks on exit 0 -------------------------------------------------------------------------------

def strength_of(actor: str, expected: float) -> Callable[[Path, str], None]:
    def check(out_dir: Path, _output: str) -> None:
        assert float(actors_out(out_dir)[actor]["strength"]) == pytest.approx(expected)
    return check


def relations_counted(n: int) -> Callable[[Path, str], None]:
    return lambda out_dir, _output: _equal(summary(out_dir)["relations"], n)


def _equal(a, b) -> None:
    assert a == b


def hidden_sheet_ignored(out_dir: Path, _output: str) -> None:
    assert summary(out_dir)["actors"] == len(ACTORS) and "vno" in actors_out(out_dir)


def control_chars_removed(out_dir: Path, _output: str) -> None:
    names = {n.get("id"): n for n in ET.parse(out_dir / "network.graphml").getroot().iter()
             if n.tag.endswith("node")}
    assert "x79" in names
    assert actors_out(out_dir)["x79"]["name"].startswith("Organisatie 79")


def formulas_neutralised(out_dir: Path, _output: str) -> None:
    from openpyxl import load_workbook

    rows = actors_out(out_dir)
    assert rows["gem"]["name"] == "'=HYPERLINK(\"http://example.org\",\"klik\")"
    assert rows["uwv"]["name"] == "'+31 20 123"
    assert rows["roc"]["name"] == "'-ROC"
    assert rows["vno"]["name"] == "'@VNO"
    # Numbers stay numbers (the machine contract).
    assert all(float(r["strength"]) > 0 for r in rows.values())
    book = load_workbook(out_dir / "actors.xlsx")          # not data_only: formulas would show as formulas
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)
    names = [c.value for c in book.worksheets[0]["B"]]   # sheet "actoren" (nl) or "actors" (en)
    assert '=HYPERLINK("http://example.org","klik")' in names and "-ROC" in names


def year_2020_excludes_2021(out_dir: Path, _output: str) -> None:
    assert summary(out_dir)["relations"] == len(RELATIONS)       # the relation since 2021 does not count


def glyph_said_once(_out_dir: Path, output: str) -> None:
    lines = [line for line in output.splitlines() if "lettertype" in line]
    assert len(lines) == 1 and "🎉" in lines[0]
    assert "Glyph" not in output and "UserWarning" not in output


HOSTILE = [
    # Formulas in a workbook.
    Case("formula-without-saved-value", formula_without_value, 2,
         ("fout: ecosystem.xlsx[relations], rij 2, kolom 'weight': de cel bevat de formule =1+1 zonder opgeslagen "
          "uitkomst",)),
    Case("formula-result-zero-names-the-formula", formula_with_value("=1-1", 0), 2,
         ("rij 2, kolom 'weight': gewicht 0 moet groter dan 0 zijn",
          "(de cel bevat de formule =1-1, met uitkomst 0)")),
    Case("formula-with-saved-value-is-used", formula_with_value("=1+2", 3), 0, check=strength_of("uwv", 3 + 1)),
    # An Excel error value as a formula's saved result is no data, in a text column as in the weight.
    Case("formula-error-in-a-name", formula_with_value("=VLOOKUP(A3,Blad2!A:B,2,FALSE)", "#N/A", "actors", 2, 1), 2,
         ("fout: ecosystem.xlsx[actors], rij 3, kolom 'name': '#N/A' is een foutwaarde van Excel, geen gegeven",
          "(de cel bevat de formule =VLOOKUP(A3,Blad2!A:B,2,FALSE), met uitkomst #N/A)"),
         absent=("Traceback", "ontbreekt", "leeg")),
    Case("formula-error-in-a-source", formula_with_value("=Blad2!#REF!", "#REF!", "relations", 2, 0), 2,
         ("fout: ecosystem.xlsx[relations], rij 3, kolom 'source': '#REF!' is een foutwaarde van Excel",
          "met uitkomst #REF!)"), absent=("Traceback", "onbekend", "ontbreekt")),
    Case("formula-error-in-the-weight", formula_with_value("=1/0", "#DIV/0!"), 2,
         ("rij 2, kolom 'weight': '#DIV/0!' is een foutwaarde van Excel", "(de cel bevat de formule =1/0, met uitkomst "
          "#DIV/0!)"), absent=("Traceback", "geen getal")),
    Case("excel-error-in-a-csv-export", region(actors=[ACTORS[0], {**ACTORS[1], "name": "#N/A"}, *ACTORS[2:]]), 2,
         ("fout: actors.csv, rij 3, kolom 'name': '#N/A' is een foutwaarde van Excel, geen gegeven",),
         absent=("Traceback", "formule =")),
    # Which sheet, which files.
    Case("hidden-stale-sheet", hidden_stale_sheet, 0,
         ("let op: ecosystem.xlsx: verborgen tabblad 'actors' genegeerd; gelezen is het zichtbare tabblad 'actoren'",),
         check=hidden_sheet_ignored),
    Case("two-visible-sheets", two_visible_sheets, 2,
         ("ecosystem.xlsx: meerdere tabbladen voor 'actors' ('actors', 'actoren')",)),
    Case("csvs-and-workbook", csvs_and_workbook, 2,
         ("de map bevat zowel actors.csv, relations.csv als de werkmap ecosystem.xlsx met regiogegevens",)),
    Case("actors-csv-is-a-folder", actors_csv_is_a_folder, 2,
         ("fout: actors.csv: is een map, geen bestand. Zet op die plaats het bestand actors.csv.",)),
    # Dates.
    Case("impossible-date", region(relations=with_relation(since="2020-13-45")), 2,
         ("relations.csv, rij 5, kolom 'since': '2020-13-45' is geen jaar of datum",)),
    Case("impossible-date-with-year", region(relations=with_relation(since="2020-13-45")), 2,
         ("relations.csv, rij 5, kolom 'since': '2020-13-45' is geen jaar of datum",), args=("--year", "2020")),
    Case("impossible-dutch-date", region(relations=with_relation(until="31-02-2021")), 2,
         ("kolom 'until': '31-02-2021' is geen jaar of datum",)),
    Case("date-with-time-of-day", region(relations=with_relation(since="2021-03-01 14:30:00")), 0,
         args=("--year", "2020"), check=year_2020_excludes_2021),
    Case("iso-date-with-T", region(relations=with_relation(since="2021-03-01T14:30")), 0,
         args=("--year", "2021"), check=relations_counted(len(RELATIONS) + 1)),
    # Characters and sizes.
    Case("nul-and-control-characters-late-in-file", nul_late_in_file, 0,
         ("let op: actors.csv, rij 85, kolom 'name': onzichtbare stuurtekens (zoals NUL) weggelaten uit cellen in deze kolom (aantal: 1;",),
         check=control_chars_removed),
    Case("name-longer-than-excel-holds", long_cell(100_000), 2,
         ("actors.csv, rij 5, kolom 'name': de cel heeft 100000 tekens; een spreadsheetcel bevat er hoogstens 32767",)),
    Case("cell-beyond-the-csv-field-limit", long_cell(500_000), 2,
         ("actors.csv: rij 5 is niet te lezen: een cel is langer dan 131072 tekens",)),
    Case("name-exactly-excel-limit", long_cell(32_767), 0, check=relations_counted(len(RELATIONS))),
    Case("emoji-not-in-the-font", region(actors=[{**ACTORS[0], "name": "Gemeente 🎉"}, *ACTORS[1:]]), 0,
         check=glyph_said_once),
    # Duplicates and case.
    Case("identical-relation-twice", region(relations=RELATIONS + [RELATIONS[0]]), 0,
         ("let op: relations.csv, rij 5, kolom 'source': deze rij is gelijk aan rij 2 (in elke kolom) en telt daarom "
          "één keer mee",), check=strength_of("gem", 2 + 1)),
    # Governance and collaboration have no direction: uwv-gem is gem-uwv, a copy however it is typed.
    Case("undirected-relation-copied-the-other-way-round",
         region(relations=RELATIONS + [{"source": "uwv", "target": "gem", "type": "bestuur", "weight": "2"}]), 0,
         ("let op: relations.csv, rij 5, kolom 'source': deze rij is gelijk aan rij 2 met bron en doel omgewisseld; "
          "bestuur heeft geen richting, dus het is dezelfde relatie en die telt één keer mee",),
         check=strength_of("gem", 2 + 1), absent=("Traceback", "paren organisaties")),
    Case("directed-relation-the-other-way-round-is-another",
         region(relations=RELATIONS + [{"source": "gem", "target": "roc", "type": "levering", "weight": "1"}]), 0,
         ("4 relaties tussen 3 paren organisaties (3 verbindingen): "
          "1 paar heeft meer dan één relatie",),
         check=strength_of("gem", 2 + 1 + 1), absent=("Traceback", "let op: relations.csv")),
    Case("same-relation-with-another-weight",
         region(relations=RELATIONS + [{"source": "gem", "target": "uwv", "type": "bestuur", "weight": "3"}]), 0,
         ("let op: relations.csv, rij 5, kolom 'source': gem – uwv (bestuur) staat ook in rij 2, met een andere "
          "waarde in 'weight'. Beide rijen tellen mee: hun gewichten worden opgeteld tot één verbinding (2 + 3)",
          "4 relaties tussen 3 paren organisaties (3 verbindingen): 1 paar heeft meer dan één relatie"),
         check=strength_of("gem", 2 + 3 + 1)),
    Case("same-relation-the-other-way-round-with-another-weight",
         region(relations=RELATIONS + [{"source": "uwv", "target": "vno", "type": "samenwerking", "weight": "2,5"}]), 0,
         ("let op: relations.csv, rij 5, kolom 'source': uwv – vno (samenwerking) staat ook in rij 4, andersom "
          "geschreven (samenwerking heeft geen richting) en met een andere waarde in 'weight'. Beide rijen tellen mee: "
          "hun gewichten worden opgeteld tot één verbinding (1 + 2,5)",),
         check=strength_of("vno", 1 + 2.5)),
    Case("same-pair-with-own-notes-counts-twice",
         region(relations=[{**r, "note": ""} for r in RELATIONS] + [{**RELATIONS[0], "note": "tweede overleg"}]), 0,
         check=strength_of("gem", 2 + 2 + 1)),
    Case("ids-differing-only-in-case", region(actors=ACTORS + [{"id": "GEM", "name": "Gemeente 2", "group": "overheid"}]),
         2, ("actors.csv, rij 6, kolom 'id': id 'GEM' verschilt alleen in hoofd- en kleine letters van id 'gem' in rij 2",)),
    Case("relation-id-in-other-case", region(relations=RELATIONS + [{"source": "VNO", "target": "roc",
                                                                       "type": "advies", "weight": "1"}]), 0,
         ("let op: relations.csv, rij 5, kolom 'source': 'VNO' gelezen als id 'vno' uit actors.csv (1 keer",),
         check=strength_of("vno", 1 + 1)),
    Case("relation-id-in-other-case-to-itself", region(relations=RELATIONS + [{"source": "VNO", "target": "vno",
                                                                                "type": "advies", "weight": "1"}]), 2,
         ("relatie van 'vno' met zichzelf",)),
    # Weights.
    Case("weight-1e308", region(relations=with_relation(weight="1e308")), 2,
         ("relations.csv, rij 5, kolom 'weight': gewicht 1e308 ligt buiten het bereik van 0.000001 tot en met 1000000",)),
    Case("weight-1e200", region(relations=with_relation(weight="1e200")), 2, ("gewicht 1e200 ligt buiten het bereik",)),
    Case("weight-too-small", region(relations=with_relation(weight="1e-9")), 2, ("gewicht 1e-9 ligt buiten",)),
    Case("weight-infinite", region(relations=with_relation(weight="inf")), 2, ("'inf' is geen getal",)),
    Case("weight-at-the-top-of-the-range", region(relations=with_relation(weight="1000000")), 0,
         check=strength_of("roc", 1 + 1_000_000)),
    # Live formulas in what we write.
    Case("formula-like-names", region(actors=[{**ACTORS[0], "name": '=HYPERLINK("http://example.org","klik")'},
                                              {**ACTORS[1], "name": "+31 20 123"},
                                              {**ACTORS[2], "name": "-ROC"},
                                              {**ACTORS[3], "name": "@VNO"}]), 0, check=formulas_neutralised),
    # region.toml with values of the wrong type.
    Case("toml-list-as-number", toml("arbeidsmarktregios = 5\n"), 2,
         ("region.toml, regel 1: 'arbeidsmarktregios' moet een tekst of een lijst met teksten zijn, maar is 5",)),
    Case("toml-name-as-list", toml("name = [1, 2]\n"), 2, ("'name' moet een tekst tussen aanhalingstekens zijn",)),
    Case("toml-en-not-a-table", toml('en = "Twente"\n'), 2, ("region.toml, regel 1: 'en' moet een tabel met teksten zijn, maar is 'Twente'. Bijvoorbeeld: [en] name = \"...\"",)),
    Case("toml-name-with-nul", toml('name = "Twente\\u0000x"\n'), 2,
         ("region.toml, regel 1: 'name' bevat onzichtbare stuurtekens (zoals NUL). Verwijder ze.",)),
    Case("toml-period-as-a-date-is-shown-as-typed", toml("period = 2020-01-01\n"), 2,
         ("region.toml, regel 1: 'period' moet een tekst tussen aanhalingstekens zijn, maar is 2020-01-01. Bijvoorbeeld: "
          "period = \"2024\"",), absent=("Traceback", "datetime")),
    # region.toml with settings it does not know: each said, with the one meant.
    Case("toml-unknown-settings", toml('naam = "Twente"\narbeidsmarktregio = "Twente"   # enkelvoud\n'
                                       'periode = "2024"\n\n[en]\nname = "Twente"\nnmae = "x"\n'), 0,
         ("let op: region.toml, regel 1: onbekende instelling 'naam' wordt genegeerd. Bedoelt u 'name'? Bekende "
          "instellingen: name, period, source, note, arbeidsmarktregios, nl, en, groups, relation_types, survey.",
          "let op: region.toml, regel 2: onbekende instelling 'arbeidsmarktregio' wordt genegeerd. Bedoelt u "
          "'arbeidsmarktregios'?",
          "let op: region.toml, regel 3: onbekende instelling 'periode' wordt genegeerd. Bedoelt u 'period'?",
          "let op: region.toml, regel 7: onbekende instelling '[en] nmae' wordt genegeerd. Bedoelt u 'name'? "
          "Bekende instellingen: name, period, source, note.")),
    Case("toml-period-as-number-is-fine", toml("period = 2024\n"), 0, check=relations_counted(len(RELATIONS))),
    # The existing bad-input cases, in one place.
    Case("unknown-actor", region(relations=with_relation(source="gemm")), 2,
         ("relations.csv, rij 5, kolom 'source': onbekende actor 'gemm'. Bedoelt u 'gem'?",)),
    Case("weight-zero", region(relations=with_relation(weight="0")), 2, ("gewicht 0 moet groter dan 0 zijn",)),
    Case("duplicate-id", region(actors=ACTORS + [ACTORS[1]]), 2, ("id 'uwv' komt al voor in rij 3",)),
    Case("binary-actors-file", lambda f: (write_region(f, ACTORS, RELATIONS),
                                          (f / "actors.csv").write_bytes(b"PK\x03\x04\x00\x00binary\x00")), 2,
         ("actors.csv: geen tekstbestand (CSV)",)),
    Case("empty-relations", lambda f: (write_region(f, ACTORS, RELATIONS), (f / "relations.csv").write_text(" \n")),
         2, ("relations.csv: bestand is leeg",)),
]


@pytest.mark.parametrize("case", HOSTILE, ids=[c.name for c in HOSTILE])
def test_hostile_input(case: Case, tmp_path):
    folder, out = tmp_path / "regio", tmp_path / "out"
    case.build(folder)
    before = snapshot(folder)
    result = run_cli("analyse", folder, "--out", out, *FAST, *case.args)
    output = result.output
    assert result.exit_code == case.exit, output
    for fragment in case.expect:
        assert fragment in output, output
    for fragment in case.absent:
        assert fragment not in output, output
    assert snapshot(folder) == before                        # the input is never modified
    if case.exit == 2:
        assert not out.exists()                              # nothing written
        assert all(line.startswith(("fout: ", "let op: ")) for line in output.splitlines()[:-1]), output
    else:
        out_dir = out / ("regio" + (f"-{case.args[1]}" if case.args[:1] == ("--year",) else ""))
        check_outputs_parse(out_dir)
        if case.check:
            case.check(out_dir, output)


@pytest.mark.parametrize("text, lang, line", [
    ('name = "Twente"\nperiod = = "2024"\n', "nl",
     "fout: region.toml, regel 2: de waarde na '=' is geen tekst tussen aanhalingstekens, getal of lijst. Zet tekst "
     "tussen aanhalingstekens, bijvoorbeeld name = \"Twente\"."),
    ('name = "Twente"\n\n[en\nname = "x"\n', "en",
     "error: region.toml, line 3: a [ or { is not closed. Put ] (or }) at the end, for example arbeidsmarktregios = "
     "[\"Twente\"] or [groups]."),
    ('name = "Twente"\nnote = "never closed', "nl",      # tomllib says 'at end of document': the line it opens on
     "fout: region.toml, regel 2: een tekst tussen aanhalingstekens wordt niet gesloten. Zet een aanhalingsteken aan "
     "het eind van de tekst, op dezelfde regel: name = \"Twente\"."),
    ('note = "never closed\nname = "Twente"\n', "nl",    # ... not the last line
     "fout: region.toml, regel 1: een tekst tussen aanhalingstekens wordt niet gesloten. Zet een aanhalingsteken aan "
     "het eind van de tekst, op dezelfde regel: name = \"Twente\"."),
])
def test_unreadable_region_toml_names_its_line_where_every_problem_does(tmp_path, text, lang, line):
    """The line goes in the '{where}: {what}. {fix}' place (file, line), as a CSV problem's file, row and
    column do, not inside the message: one line, exit code 2."""
    folder = tmp_path / "regio"
    toml(text)(folder)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST, "--lang", lang)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[0] == line
    assert len(result.output.splitlines()) == 2          # the problem and the count under it
    assert "at line" not in result.output


def test_out_inside_the_region_folder(tmp_path):
    folder = write_region(tmp_path / "regio", ACTORS, RELATIONS)
    before = snapshot(folder)
    result = run_cli("analyse", folder, "--out", folder, *FAST)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"fout: uitvoermap {folder / 'regio'} ligt in of rond de invoermap {folder}, en de invoer wordt nooit "
        "aangeraakt. Kies met --out een map daarbuiten, bijvoorbeeld --out outputs."]
    assert snapshot(folder) == before


def test_emoji_warning_in_english(tmp_path):
    folder = write_region(tmp_path / "regio", [{**ACTORS[0], "name": "Gemeente 🎉"}, *ACTORS[1:]], RELATIONS)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST, "--lang", "en")
    assert result.exit_code == 0
    assert ("warning: map.png, target.png, numbers.png: some characters in names (🎉) are not in the pictures' font"
            in result.output)


def test_digest_helper_sees_a_change(tmp_path):
    """The 'input unchanged' check above can fail: a changed byte changes the snapshot."""
    folder = write_region(tmp_path / "regio", ACTORS, RELATIONS)
    before = snapshot(folder)
    (folder / "actors.csv").write_bytes((folder / "actors.csv").read_bytes() + b" ")
    assert snapshot(folder) != before


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_name_that_turns_the_text_around_is_isolated_where_it_is_read(tmp_path, lang):
    """A name holding RIGHT-TO-LEFT OVERRIDE (U+202E), and an Arabic name, in the core and sharing the first
    place in two regions: wherever the name is read as text (terminal, map, report with its region figures,
    slides) it stands between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (UAX #9), so it cannot mirror the
    sentence around it; actors.csv keeps it exactly as given."""
    import html as html_module

    from pptx import Presentation

    override, arabic = "Gemeente \u202eOost", "\u0628\u0644\u062f\u064a\u0629 2"
    actors = [{"id": "h1", "name": override, "group": "overheid", "region": "Oost|West"},
              {"id": "h2", "name": arabic, "group": "overheid", "region": "Oost|West"},
              {"id": "m", "name": "Werkbedrijf", "group": "intermediairs", "region": "Oost|West"}]
    actors += [{"id": f"p{k}", "name": f"Partner {k}", "group": g, "region": "Oost|West"}
               for k, g in enumerate(["werkgevers", "onderwijs", "werkenden"])]
    relations = [{"source": h, "target": f"p{k}", "type": "bestuur", "weight": "2"} for h in ("h1", "h2") for k in range(3)]
    relations += [{"source": "m", "target": h, "type": "samenwerking", "weight": "1"} for h in ("h1", "h2")]
    folder = write_region(tmp_path / "r", actors, relations)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "10",
                     "--lang", lang)
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "r"

    def unisolated(text: str, name: str) -> list[str]:
        text = html_module.unescape(text.replace("\\u2068", "\u2068").replace("\\u2069", "\u2069")
                                    .replace("\\u202e", "\u202e"))
        at = [m.start() for m in re.finditer(re.escape(name), text)]
        assert at, name                                        # the name is there to be checked
        return [text[max(0, k - 40):k + len(name) + 20] for k in at
                if text[k - 1:k] != "\u2068" or text[k + len(name):k + len(name) + 1] != "\u2069"]
    slides = "\n".join(p.text for slide in Presentation(str(out / "slides.pptx")).slides for shape in slide.shapes
                       if shape.has_text_frame for p in shape.text_frame.paragraphs)
    pages = {"terminal": result.output, "map": (out / "map.html").read_text(encoding="utf-8"),
             "report": (out / "report.html").read_text(encoding="utf-8"), "slides": slides}
    for where, text in pages.items():
        for name in (override, arabic):
            assert unisolated(text, name) == [], (where, name, unisolated(text, name))
    rows = {r["id"]: r["name"] for r in read_csv_rows(out / "actors.csv")}
    assert rows["h1"] == override and rows["h2"] == arabic
