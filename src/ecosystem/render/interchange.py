"""The tie network with every attribute and metric, as a networkx graph for GraphML and GEXF.

Analysts continue in Gephi or Cytoscape; networkx writes both formats. Values
are plain str/int/float/bool because both formats only hold scalars.
"""
from __future__ import annotations

import math

import networkx as nx
import pandas as pd

from ..analysis.pipeline import Analysis


def _scalar(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return 0.0 if math.isnan(value) else float(value)
    if hasattr(value, "item"):          # numpy scalar
        return _scalar(value.item())
    return "" if value is None else str(value)


def interchange_graph(analysis: Analysis, actors: pd.DataFrame) -> nx.Graph:
    graph = nx.Graph(name=analysis.region.meta.name)
    for record, actor in zip(actors.to_dict(orient="records"), analysis.region.actors):
        attrs = {k: _scalar(v) for k, v in record.items() if k != "id"}
        attrs.update({f"attr_{k}": str(v) for k, v in actor.extra.items()})
        if actor.role:
            attrs["attr_role"] = actor.role     # the optional role column, canonical key (vocab.ROLES)
        attrs["label"] = actor.name
        graph.add_node(actor.id, **attrs)
    ids = analysis.network.ids
    for edge in analysis.network.ties.es:
        s, t = edge.tuple
        graph.add_edge(ids[s], ids[t], weight=float(edge["weight"]), distance=float(edge["distance"]),
                       types="|".join(edge["types"]))
    return graph

