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
                       ("orchestrator_rank", "Orchestrator rank")):
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
