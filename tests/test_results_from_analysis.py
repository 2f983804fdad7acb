"""Results that moved from the renderers into analysis/ still say what the data give, in every output.

summary.json's k-core main shell (``Analysis.main_core``) is networkx's main core of the tie network,
its z-score is null where no core/periphery test ran, and the mark before each diagnosis indicator
(``Indicator.attention``) is the status summary.json states, in the terminal, report.html and the slides.
"""
from __future__ import annotations

import html
import json
import re
from itertools import combinations

import networkx as nx
import pytest
from pptx import Presentation

from conftest import read_csv_rows, run_cli, write_region
from ecosystem.analysis.diagnosis import Indicator

FAST = ("--bootstrap", "0", "--null-samples", "20")
GROUPS = ("overheid", "werkgevers", "werkenden", "onderwijs", "intermediairs")


def _clique(ids):
    return [{"source": a, "target": b, "type": "samenwerking"} for a, b in combinations(ids, 2)]


def _bridged_cliques():
    """A 5-clique tied by one relation to a 4-clique, a path of two hanging off it and one actor without relations:
    shells 4, 3, 1 and 0, so the main core is the 5-clique alone."""
    five, four = [f"a{i}" for i in range(5)], [f"b{i}" for i in range(4)]
    relations = (_clique(five) + _clique(four) + [{"source": "a0", "target": "b0", "type": "bestuur"},
                 {"source": "b3", "target": "t1", "type": "levering"}, {"source": "t1", "target": "t2", "type": "advies"}])
    return five + four + ["t1", "t2", "los"], relations


def _complete():
    """Everyone tied to everyone: every actor in the main core, and no core/periphery to test (methods §5)."""
    ids = [f"c{i}" for i in range(4)]
    return ids, _clique(ids)


def _analyse(tmp_path, ids, relations):
    actors = [{"id": a, "name": a.upper(), "group": GROUPS[i % len(GROUPS)]} for i, a in enumerate(ids)]
    folder = write_region(tmp_path / "regio", actors, relations)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / folder.name
    return folder, out, json.loads((out / "summary.json").read_text(encoding="utf-8")), result.output


@pytest.mark.parametrize("network", [_bridged_cliques, _complete], ids=lambda f: f.__name__.strip("_"))
def test_kcore_main_shell_is_networkx_main_core(tmp_path, network):
    folder, _, summary, _ = _analyse(tmp_path, *network())
    graph = nx.Graph()
    graph.add_nodes_from(row["id"] for row in read_csv_rows(folder / "actors.csv"))
    graph.add_edges_from((r["source"], r["target"]) for r in read_csv_rows(folder / "relations.csv"))
    cp = summary["core_periphery"]
    assert cp["kcore_max"] == max(nx.core_number(graph).values())
    assert cp["kcore_main"] == sorted(nx.k_core(graph).nodes)      # in id order, as the actors come
    # The z-score is the degrees test's; null where no test ran (no core/periphery shape) or the nulls do not spread.
    sd = cp["null_fit_sd"]
    assert (cp["z"] is None) == (sd is None or sd == 0)
    if cp["structure"] == "complete":
        assert cp["z"] is None and cp["p_value"] is None


def test_an_indicator_status_must_be_one_the_outputs_can_mark():
    """Indicator.attention is the one rule every output marks by: a status it does not know is refused."""
    assert Indicator("openness", 0.3, 0.25, "attention").attention
    assert not Indicator("openness", 0.1, 0.25, "ok").attention
    with pytest.raises(ValueError):
        Indicator("openness", 0.3, 0.25, "warning")


def test_every_output_marks_an_indicator_by_the_status_summary_json_states(tmp_path):
    ids, relations = _bridged_cliques()
    _, out, summary, terminal = _analyse(tmp_path, ids, relations)
    expected = [("!" if d["status"] == "attention" else "✓", d["text"]["title"]) for d in summary["diagnosis"]]
    assert {mark for mark, _ in expected} == {"!", "✓"}       # both marks occur, so a swap would show
    marked = re.compile(r"^\s*([!✓]) ([^:]+):", re.M)
    assert [m.groups() for m in marked.finditer(terminal)] == expected
    page = (out / "report.html").read_text(encoding="utf-8")
    report = re.findall(r'<span class="mark (ok|warn)" aria-hidden="true">([!✓])</span>\s*'
                        r'<div><span class="dtitle">([^<]+)</span>', page)
    assert [(mark, html.unescape(title)) for _, mark, title in report] == expected
    assert all((css == "warn") == (mark == "!") for css, mark, _ in report)
    slides = [p.text for slide in Presentation(str(out / "slides.pptx")).slides for shape in slide.shapes
              if shape.has_text_frame for p in shape.text_frame.paragraphs]
    assert [m.groups() for line in slides if (m := marked.match(line))] == expected
