"""Stream GraphML and GEXF files for Gephi, Cytoscape and yEd, one line per node or edge.

networkx builds the whole document as an XML tree before writing it (6.5 s at 5,000
actors); these writers stream the same content line by line. Both formats hold
scalars only: every attribute is declared once with its type (``boolean``,
``long``/``integer``, ``double``, ``string``), taken from the column's values.

Characters that XML 1.0 forbids (NUL and the other C0 controls except tab, LF,
CR) are dropped from strings, so a stray control character in a spreadsheet
cell cannot make the file unreadable.

References
----------
.. [1] GraphML Primer. http://graphml.graphdrawing.org/primer/graphml-primer.html
.. [2] GEXF 1.2draft Primer. https://gexf.net/
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Inside a double-quoted attribute: quotes, and whitespace that attribute normalisation would eat.
# XML's special characters, and the quote and white space an attribute value would otherwise lose, in one
# pass (str.translate; xml.sax.saxutils.escape gives the same text but imports urllib, ~25 ms at start).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                          "\t": "&#9;"})


def escape(text: str) -> str:
    """``text`` safe inside an XML element or a double-quoted attribute."""
    return text.translate(_ESCAPES)


@dataclass(frozen=True)
class GraphTable:
    """An undirected graph as columns: node ids, node attributes, edges and edge attributes.

    ``node_attrs`` and ``edge_attrs`` map an attribute name to one value per node
    (per edge); values are bool, int, float or str.
    """

    name: str
    node_ids: Sequence[str]
    node_attrs: dict[str, Sequence]
    edges: Sequence[tuple[int, int]]
    edge_attrs: dict[str, Sequence]
    note: str = ""          # about the data as a whole (region.toml's note: 'illustrative, not survey data')


def _kind(values: Sequence) -> str:
    kinds = {type(v) for v in values}
    if kinds <= {bool}:
        return "boolean"
    if kinds <= {int}:
        return "long"
    if kinds <= {int, float}:
        return "double"
    return "string"


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "0.0" if math.isnan(value) else repr(value)
    if isinstance(value, int):
        return str(value)
    return _INVALID_XML.sub("", str(value))


def _escaped(values: Sequence) -> list[str]:
    """One column as XML text, escaped for use inside an attribute or an element.

    Numbers and booleans never need escaping; only text columns are escaped.
    """
    if _kind(values) != "string":
        return [_text(v) for v in values]
    return [escape(_text(v)) for v in values]


def _attr(value) -> str:
    """``value`` as a double-quoted XML attribute."""
    return '"' + escape(_text(value)) + '"'


def write_graphml(path: Path, graph: GraphTable) -> Path:
    """Write ``graph`` as GraphML (undirected)."""
    node_keys = {name: f"d{i}" for i, name in enumerate(graph.node_attrs)}
    edge_keys = {name: f"d{i + len(node_keys)}" for i, name in enumerate(graph.edge_attrs)}
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8"?>\n'
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for domain, attrs, keys in (("node", graph.node_attrs, node_keys), ("edge", graph.edge_attrs, edge_keys)):
            for name, values in attrs.items():
                fh.write(f'  <key id="{keys[name]}" for="{domain}" attr.name={_attr(name)} '
                         f'attr.type="{_kind(values)}" />\n')
        if graph.note:
            fh.write('  <key id="note" for="graph" attr.name="note" attr.type="string" />\n')
        fh.write(f'  <graph id={_attr(graph.name or "G")} edgedefault="undirected">\n')
        if graph.note:
            fh.write(f'    <data key="note">{escape(graph.note)}</data>\n')
        ids = _escaped(graph.node_ids)
        node_columns = [(f'<data key="{node_keys[k]}">', _escaped(v)) for k, v in graph.node_attrs.items()]
        for i, node in enumerate(ids):
            data = "".join(f"{open_tag}{values[i]}</data>" for open_tag, values in node_columns)
            fh.write(f'    <node id="{node}">{data}</node>\n')
        edge_columns = [(f'<data key="{edge_keys[k]}">', _escaped(v)) for k, v in graph.edge_attrs.items()]
        for j, (s, t) in enumerate(graph.edges):
            data = "".join(f"{open_tag}{values[j]}</data>" for open_tag, values in edge_columns)
            fh.write(f'    <edge source="{ids[s]}" target="{ids[t]}">{data}</edge>\n')
        fh.write("  </graph>\n</graphml>\n")
    return path


_GEXF_KIND = {"boolean": "boolean", "long": "long", "double": "double", "string": "string"}


def write_gexf(path: Path, graph: GraphTable, label: str = "label") -> Path:
    """Write ``graph`` as GEXF 1.2 (undirected); the ``label`` attribute becomes the node label."""
    node_attrs = {k: v for k, v in graph.node_attrs.items() if k != label}
    labels = graph.node_attrs.get(label, graph.node_ids)
    edge_attrs = {k: v for k, v in graph.edge_attrs.items() if k != "weight"}
    weights = graph.edge_attrs.get("weight")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8"?>\n'
                 '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n')
        if graph.note:
            fh.write(f'  <meta>\n    <description>{escape(graph.note)}</description>\n  </meta>\n')
        fh.write(f'  <graph defaultedgetype="undirected" mode="static" name={_attr(graph.name)}>\n')
        for domain, attrs in (("node", node_attrs), ("edge", edge_attrs)):
            fh.write(f'    <attributes class="{domain}" mode="static">\n')
            for i, (name, values) in enumerate(attrs.items()):
                fh.write(f'      <attribute id="{i}" title={_attr(name)} type="{_GEXF_KIND[_kind(values)]}" />\n')
            fh.write("    </attributes>\n")
        ids, labels = _escaped(graph.node_ids), _escaped(labels)
        node_columns = [(f'<attvalue for="{i}" value="', _escaped(col)) for i, col in enumerate(node_attrs.values())]
        fh.write("    <nodes>\n")
        for n, node in enumerate(ids):
            values = "".join(f'{open_tag}{col[n]}" />' for open_tag, col in node_columns)
            fh.write(f'      <node id="{node}" label="{labels[n]}"><attvalues>{values}</attvalues></node>\n')
        fh.write("    </nodes>\n    <edges>\n")
        edge_columns = [(f'<attvalue for="{i}" value="', _escaped(col)) for i, col in enumerate(edge_attrs.values())]
        weight_text = None if weights is None else _escaped([float(w) for w in weights])
        for j, (s, t) in enumerate(graph.edges):
            weight = "" if weight_text is None else f' weight="{weight_text[j]}"'
            values = "".join(f'{open_tag}{col[j]}" />' for open_tag, col in edge_columns)
            fh.write(f'      <edge id="{j}" source="{ids[s]}" target="{ids[t]}"{weight}>'
                     f"<attvalues>{values}</attvalues></edge>\n")
        fh.write("    </edges>\n  </graph>\n</gexf>\n")
    return path
