"""The tie network with every attribute and metric, as columns for GraphML and GEXF.

Analysts continue in Gephi or Cytoscape. Values are plain str/int/float/bool
because both formats only hold scalars; io/graph_files.py streams them to disk.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..analysis.pipeline import Analysis
from ..io.graph_files import GraphTable


def _column(values) -> list:
    """A frame column as plain Python scalars: NaN becomes 0.0 (both formats lack a missing value)."""
    array = np.asarray(values)
    if array.dtype == bool:
        return [bool(v) for v in array]
    if np.issubdtype(array.dtype, np.integer):
        return [int(v) for v in array]
    if np.issubdtype(array.dtype, np.floating):
        return [0.0 if math.isnan(v) else float(v) for v in array]
    return ["" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v) for v in values]


def interchange_graph(analysis: Analysis, actors: pd.DataFrame) -> GraphTable:
    node_attrs = {col: _column(actors[col]) for col in actors.columns if col != "id"}
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
                      ties.get_edgelist(), edge_attrs)
