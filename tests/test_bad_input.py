"""Bad input: one line per problem with file, row and column; all at once; exit code 2; no traceback."""
from __future__ import annotations

import pytest

from conftest import run_cli, write_region

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
    assert "actors.csv, kolom 'group': verplichte kolom ontbreekt. Voeg een kolom 'group' toe" in out


def test_duplicate_id(tmp_path):
    folder = write_region(tmp_path / "r", ACTORS + [{"id": "uwv", "name": "UWV 2", "group": "overheid"}], RELATIONS)
    result, out = _run(folder)
    _assert_failed(result)
    assert "actors.csv, rij 5, kolom 'id': id 'uwv' komt al voor in rij 3" in out


def test_unknown_group_lists_allowed_values(tmp_path):
    actors = ACTORS[:2] + [{"id": "roc", "name": "ROC", "group": "scholen"}]
    result, out = _run(write_region(tmp_path / "r", actors, RELATIONS))
    _assert_failed(result)
    assert "actors.csv, rij 4, kolom 'group': onbekende groep 'scholen'. Toegestaan: government (overheid)" in out
    assert "education (onderwijs)" in out


def test_unknown_relation_type_lists_allowed_values(tmp_path):
    relations = RELATIONS + [{"source": "gem", "target": "roc", "type": "vriendschap", "weight": "1"}]
    result, out = _run(write_region(tmp_path / "r", ACTORS, relations))
    _assert_failed(result)
    line = next(l for l in out.splitlines() if "vriendschap" in l)
    assert line.startswith("fout: relations.csv, rij 4, kolom 'type': onbekend relatietype 'vriendschap'")
    for allowed in ("governance (bestuur)", "delivery (levering)", "collaboration (samenwerking)"):
        assert allowed in line


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


def test_all_problems_reported_at_once_in_english(tmp_path):
    actors = ACTORS + [{"id": "gem", "name": "Dubbel", "group": "bedrijven"}]
    relations = RELATIONS + [{"source": "x", "target": "roc", "type": "bestuur", "weight": "0"},
                             {"source": "gem", "target": "roc", "type": "vriendschap", "weight": "1"}]
    result, out = _run(write_region(tmp_path / "r", actors, relations), "--lang", "en")
    _assert_failed(result)
    errors = [l for l in out.splitlines() if l.startswith("error: ")]
    assert len(errors) == 5, out     # duplicate id, unknown group, unknown actor, zero weight, unknown type
    assert "5 problem(s) in the input; nothing was analysed." in out
    assert "row 5, column 'id': id 'gem' already used in row 2" in out


def test_debug_shows_traceback(tmp_path):
    result, out = _run(tmp_path / "nergens", "--debug")
    assert result.exit_code == 2
    assert "Traceback" in out
