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
