"""The tie network with every attribute and metric, as columns for GraphML and GEXF.

Analysts continue in Gephi or Cytoscape. Values are plain str/int/float/bool
because both formats only hold scalars; io/graph_files.py streams them to disk.
"""
from __future__ import annotations

import math

from ..analysis.pipeline import Analysis
from ..io.columns import NUMBER, TEXT, Column
from ..io.graph_files import GraphTable


def _values(column: Column) -> list:
    """A table column as plain Python scalars: NaN becomes 0.0 and no text "" (both formats lack a missing value)."""
    if column.kind == NUMBER:
        return [0.0 if math.isnan(v) else v for v in column.values]
    if column.kind == TEXT:
        return ["" if v is None else v for v in column.values]
    return list(column.values)


def interchange_graph(analysis: Analysis, actors: dict[str, Column]) -> GraphTable:
    """The tie network with actors.csv's columns (``actors``, :func:`.actor_tables.actors_table`) as node attributes."""
    node_attrs = {name: _values(col) for name, col in actors.items() if name != "id"}
    extra_keys = sorted({k for a in analysis.region.actors for k in a.extra})
    for key in extra_keys:
        node_attrs[f"attr_{key}"] = [str(a.extra.get(key, "")) for a in analysis.region.actors]
    if any(a.role for a in analysis.region.actors):
        # the optional role column, canonical key (vocab.ROLES)
        node_attrs["attr_role"] = [a.role for a in analysis.region.actors]
    node_attrs["label"] = [a.name for a in analysis.region.actors]
    ties = analysis.network.ties
    edge_attrs = {
        "weight": [float(w) for w in ties.es["weight"]],
        "distance": [float(d) for d in ties.es["distance"]],
        "types": ["|".join(t) for t in ties.es["types"]],
    }
    return GraphTable(analysis.region.meta.name, list(analysis.network.ids), node_attrs,
                      ties.get_edgelist(), edge_attrs, note=analysis.region.meta.note)
