"""Reference: the script a user would write instead of ``ecosystem`` (pandas + networkx + a stock pyvis page).

Usage::

    python bench/diy_networkx.py REGION_FOLDER OUT_FOLDER

Reads actors.csv and relations.csv, computes the usual centralities with networkx
(degree, strength, weighted betweenness, closeness, eigenvector, core number), writes
them to a CSV and draws a stock pyvis page. ``bench.py`` times it beside ``ecosystem
analyse`` in the same run; it is the baseline of the "1,000 actors at least 3x faster"
target of the performance issue, not part of the product.
"""
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
from pyvis.network import Network


def main(region: Path, out: Path) -> None:
    actors = pd.read_csv(region / "actors.csv")
    relations = pd.read_csv(region / "relations.csv")
    g = nx.Graph()
    g.add_nodes_from((row.id, {"name": row.name, "group": row.group}) for row in actors.itertuples())
    for row in relations.itertuples():
        w = getattr(row, "weight", 1) or 1
        if g.has_edge(row.source, row.target):
            g[row.source][row.target]["weight"] += w
        else:
            g.add_edge(row.source, row.target, weight=w)
    for _, _, d in g.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    table = pd.DataFrame({
        "degree": dict(g.degree()),
        "strength": dict(g.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(g, weight="distance"),
        "closeness": nx.closeness_centrality(g, distance="distance"),
        "eigenvector": nx.eigenvector_centrality_numpy(g, weight="weight"),
        "coreness": nx.core_number(g),
    })
    out.mkdir(parents=True, exist_ok=True)
    table.to_csv(out / "metrics.csv")
    net = Network(height="800px", width="100%")
    net.from_nx(g)
    net.write_html(str(out / "map.html"), notebook=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
