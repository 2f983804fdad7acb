"""actors.xlsx, network.graphml and network.gexf carry the same numbers as actors.csv."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from conftest import oracle_graph, run_cli


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    from conftest import FIXTURES
    out = tmp_path_factory.mktemp("out")
    result = run_cli("analyse", FIXTURES / "small", "--out", out, "--bootstrap", "5", "--null-samples", "5",
                     "--lang", "en")
    assert result.exit_code == 0, result.output
    return out / "small"


def test_xlsx_matches_csv(outputs):
    csv_frame = pd.read_csv(outputs / "actors.csv", dtype=str, keep_default_na=False)
    xlsx_frame = pd.read_excel(outputs / "actors.xlsx", sheet_name="actors")
    # actors.xlsx is for reading: one column per actors.csv column, headed in the reader's language
    assert len(xlsx_frame.columns) == len(csv_frame.columns) and len(set(xlsx_frame.columns)) == len(csv_frame.columns)
    for col, label in (("degree", "Number of partners"), ("betweenness", "Betweenness"), ("coreness", "Coreness"),
                       ("orchestrator_rank", "Orchestrator order (equal scores by id)"),
                       ("orchestrator_shared_rank", "Orchestrator rank")):
        assert xlsx_frame[label].astype(float).tolist() == pytest.approx(csv_frame[col].astype(float).tolist(), abs=1e-9)
    assert "layers" in pd.ExcelFile(outputs / "actors.xlsx").sheet_names


@pytest.mark.parametrize("reader,name", [(nx.read_graphml, "network.graphml"), (nx.read_gexf, "network.gexf")])
def test_graph_files_hold_network_and_metrics(outputs, reader, name):
    from conftest import FIXTURES
    graph = reader(outputs / name)
    oracle = oracle_graph(FIXTURES / "small")
    assert set(graph.nodes) == set(oracle.nodes)
    assert {frozenset(e) for e in graph.edges} == {frozenset(e) for e in oracle.edges}
    for u, v, data in oracle.edges(data=True):
        assert float(graph[u][v]["weight"]) == pytest.approx(data["weight"])
    frame = pd.read_csv(outputs / "actors.csv", dtype=str, keep_default_na=False).set_index("id")
    for node, data in graph.nodes(data=True):
        assert float(data["betweenness"]) == pytest.approx(float(frame.loc[node, "betweenness"]), abs=1e-9)
        assert data["label"] == frame.loc[node, "name"]


def test_streamed_graph_files_read_back_by_networkx(tmp_path):
    """The streaming writers escape quotes, markup, newlines and drop XML-invalid control characters."""
    from ecosystem.io.graph_files import GraphTable, write_gexf, write_graphml

    names = ['Gemeente "De Stad"', "O&O <fonds> 'x'", "regel\neen\ttab", "nul\x00byte"]
    table = GraphTable("Regio <&>", ["a\"1", "b<2>'", "c&3", "d4"],
                       {"label": names, "degree": [1, 2, 1, 0], "score": [0.5, float("nan"), 1.0, 0.25],
                        "core": [True, False, True, False]},
                       [(0, 1), (1, 2)], {"weight": [1.0, 2.5], "types": ["governance|funding", "advice"]})
    for writer, reader, name in ((write_graphml, nx.read_graphml, "g.graphml"), (write_gexf, nx.read_gexf, "g.gexf")):
        graph = reader(writer(tmp_path / name, table))
        assert list(graph.nodes) == ["a\"1", "b<2>'", "c&3", "d4"]
        assert [graph.nodes[n]["label"] for n in graph.nodes] == [*names[:3], "nulbyte"]
        assert [graph.nodes[n]["degree"] for n in graph.nodes] == [1, 2, 1, 0]
        assert [graph.nodes[n]["core"] for n in graph.nodes] == [True, False, True, False]
        assert graph.nodes["b<2>'"]["score"] == 0.0          # NaN: both formats lack a missing value
        assert graph["b<2>'"]["c&3"]["weight"] == 2.5
        assert graph["a\"1"]["b<2>'"]["types"] == "governance|funding"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_graph_files_say_what_the_data_is(tmp_path, lang):
    """A graph file opened in Gephi without the report still says what region.toml says of the data (the
    Brabant example: 'illustrative, not survey data'): GraphML as a graph attribute networkx reads, GEXF
    in its meta description; in the reader's language ([en] table)."""
    import shutil
    import xml.etree.ElementTree as ET

    from conftest import FIXTURES
    region = tmp_path / "r"
    shutil.copytree(FIXTURES / "small", region)
    (region / "region.toml").write_text('name = "Proefregio"\nnote = "Verzonnen <gegevens> & niet echt."\n'
                                        '[en]\nnote = "Made-up <data> & not real."\n', encoding="utf-8")
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--lang", lang)
    assert result.exit_code == 0, result.output
    note = {"nl": "Verzonnen <gegevens> & niet echt.", "en": "Made-up <data> & not real."}[lang]
    assert nx.read_graphml(tmp_path / "out" / "r" / "network.graphml").graph["note"] == note
    ns = {"g": "http://www.gexf.net/1.2draft"}
    root = ET.parse(tmp_path / "out" / "r" / "network.gexf").getroot()
    assert root.find("g:meta/g:description", ns).text == note


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_workbooks_say_what_the_data_is(tmp_path, lang):
    """actors.xlsx and kumu.xlsx passed on without the report still say what region.toml says of the data: a
    last sheet with the region, period, source and note in the reader's language; kumu.xlsx's is marked
    '(ignore)', so Kumu does not import it and neither does `ecosystem import`, whose round trip is unchanged."""
    import shutil

    from openpyxl import load_workbook

    from conftest import FIXTURES
    region = tmp_path / "r"
    shutil.copytree(FIXTURES / "small", region)
    (region / "region.toml").write_text('name = "Proefregio"\nsource = "Verzonnen"\nnote = "Niet echt."\n'
                                        '[en]\nname = "Test region"\nsource = "Made up"\nnote = "Not real."\n',
                                        encoding="utf-8")
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--lang", lang)
    assert result.exit_code == 0, result.output
    expected = {"nl": ["Over deze gegevens", "Regio: Proefregio", "Bron: Verzonnen", "Niet echt."],
                "en": ["About this data", "Region: Test region", "Source: Made up", "Not real."]}[lang]
    about = {"nl": "toelichting", "en": "about"}[lang]
    for name, sheet in (("actors.xlsx", about), ("kumu.xlsx", f"{about} (ignore)")):
        book = load_workbook(tmp_path / "out" / "r" / name, read_only=True)
        assert book.sheetnames[-1] == sheet
        assert [row[0] for row in book[sheet].iter_rows(values_only=True)] == expected, name
    back = run_cli("import", "kumu", tmp_path / "out" / "r" / "kumu.xlsx", "--into", tmp_path / "back")
    assert back.exit_code == 0, back.output
    assert about not in back.output        # a skipped sheet, not a warning about a sheet left unread
