"""Reference: plain sequential igraph calls on the region's tie network, nothing else.

Usage::

    python bench/plain_igraph.py REGION_FOLDER

Weighted betweenness, harmonic closeness, eigenvector centrality and coreness, each
one igraph call on one core, the floor below which ``ecosystem analyse`` cannot go
without doing less. ``bench.py`` times it beside ``ecosystem analyse`` in the same
run (the "5,000 actors at most 2x" target of the performance issue).
"""
import csv
import sys
from pathlib import Path

import igraph as ig


def main(region: Path) -> None:
    with open(region / "actors.csv", newline="", encoding="utf-8") as fh:
        ids = [row["id"] for row in csv.DictReader(fh)]
    index = {a: i for i, a in enumerate(ids)}
    strength: dict[tuple[int, int], float] = {}
    with open(region / "relations.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            u, v = sorted((index[row["source"]], index[row["target"]]))
            strength[(u, v)] = strength.get((u, v), 0.0) + float(row.get("weight") or 1)
    g = ig.Graph(n=len(ids), edges=list(strength))
    g.es["weight"] = list(strength.values())
    g.es["distance"] = [1.0 / w for w in strength.values()]
    g.betweenness(weights="distance")
    g.harmonic_centrality(weights="distance")
    g.eigenvector_centrality(weights="weight")
    g.coreness()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
