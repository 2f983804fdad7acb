"""Issue 10: what the report and map say about a very large network (sampled path measures, drawn actors).

The network is forced into sampling mode by lowering the library's threshold
(``ecosystem.analysis.centrality.SAMPLED_ABOVE``) and the number of sources; the CLI
then runs as a user runs it. The stated bound is recomputed here from Hoeffding's
inequality (R sqrt(ln(2 / (1 - confidence)) / (2k))), independently of the code.
"""
from __future__ import annotations

import functools
import html
import json
import math
from collections import Counter

import pytest

from conftest import run_cli, write_region

ACTORS = 60
SOURCES = 20


def _relations():
    return [{"source": f"a{i}", "target": f"a{(i * 7 + k) % ACTORS}", "type": "collaboration",
             "weight": 1 + (i + k) % 3}
            for i in range(ACTORS) for k in (1, 2, 5) if (i * 7 + k) % ACTORS != i]


def _region(folder):
    actors = [{"id": f"a{i}", "name": f"Organisatie {i}", "group": ("government", "employers", "education")[i % 3]}
              for i in range(ACTORS)]
    return write_region(folder, actors, _relations())


def _run(tmp_path, lang):
    region = _region(tmp_path / "sampled")
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--lang", lang, "--bootstrap", "0",
                     "--null-samples", "5", "--quiet")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "sampled"
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    report = html.unescape((folder / "report.html").read_text(encoding="utf-8"))
    page = html.unescape((folder / "map.html").read_text(encoding="utf-8"))
    return summary, report, page


@pytest.fixture
def forced_sampling(monkeypatch):
    from ecosystem.analysis import centrality

    monkeypatch.setattr(centrality, "SAMPLED_ABOVE", ACTORS - 1)
    monkeypatch.setattr(centrality, "sampled_path_measures",
                        functools.partial(centrality.sampled_path_measures, sources=SOURCES))


@pytest.mark.parametrize("lang, words", [("nl", ("procentpunt", "20 willekeurig gekozen van de 60")),
                                         ("en", ("percentage points", "20 randomly chosen of the 60"))])
def test_report_and_map_state_the_sampling_error(tmp_path, forced_sampling, lang, words):
    summary, report, page = _run(tmp_path, lang)
    sampling = summary["sampling"]
    assert sampling["sources"] == SOURCES and sampling["actors"] == ACTORS
    spread = math.sqrt(math.log(2 / (1 - sampling["confidence"])) / (2 * SOURCES))
    between = 2 * ACTORS / (ACTORS - 1) * spread      # one source's dependency is at most n - 2
    strength = Counter(frozenset((r["source"], r["target"])) for r in _relations() for _ in range(r["weight"]))
    close = max(strength.values()) * spread            # the shortest distance is 1 / the strongest tie
    assert sampling["betweenness_error"] == pytest.approx(between, rel=1e-6)
    assert sampling["closeness_error"] == pytest.approx(close, rel=1e-6)
    comma = (lambda text: text.replace(".", ",")) if lang == "nl" else (lambda text: text)
    for document in (report, page):
        for part in (*words, comma(f"{100 * between:.1f}"), comma(f"{close:.3f}"), "95%"):
            assert part in document, part


def test_no_sampling_statement_when_computed_exactly(tmp_path):
    summary, report, page = _run(tmp_path, "en")
    assert summary["sampling"] is None
    for document in (report, page):
        assert "randomly chosen" not in document and 'id="sampling"' not in document


def test_report_target_view_of_a_very_large_network_draws_the_best_placed_and_says_so(tmp_path, monkeypatch):
    """Above DOTS_MAX actors the report's target view draws the best-placed actors (by orchestrator
    rank, as in actors.csv) instead of every dot, and its caption says how many of how many."""
    import csv
    import re

    from ecosystem.render import report_html

    monkeypatch.setattr(report_html, "DOTS_MAX", 7)
    summary, report, _ = _run(tmp_path, "en")
    with open(tmp_path / "out" / "sampled" / "actors.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    best = {r["name"] for r in sorted(rows, key=lambda r: int(r["orchestrator_rank"]))[:7]}
    drawn = re.findall(r'<circle class="actor[^"]*"[^>]*><title>([^<·]+) ·', report)
    assert sorted(name.strip() for name in drawn) == sorted(best)
    assert f"shows the 7 organisations with the highest orchestrator score of the {ACTORS}" in report


def test_orchestrator_betweenness_is_estimated_like_the_full_networks(tmp_path, forced_sampling):
    """When path measures are sampled, the steering network's betweenness in the orchestrator score is
    estimated from as many sources (the exact one, all-pairs, would not finish at 100,000 actors)."""
    import numpy as np

    from ecosystem.analysis.centrality import betweenness
    from ecosystem.analysis.mandate import mandate_parts
    from ecosystem.analysis.network import build_network
    from ecosystem.analysis.orchestrator import orchestrator_scores, steering_network, steering_positions
    from ecosystem.analysis.pipeline import analyse_region
    from ecosystem.io.region import load_region

    # Every third relation a delivery (a market relation), so the steering network is a network of its own.
    actors = [{"id": f"a{i}", "name": f"Organisatie {i}", "group": ("government", "employers", "education")[i % 3]}
              for i in range(ACTORS)]
    relations = [{**r, "type": "delivery"} if i % 3 == 0 else r for i, r in enumerate(_relations())]
    region = load_region(write_region(tmp_path / "steering", actors, relations))
    analysis = analyse_region(region, bootstrap_samples=0, null_samples=5, workers=1)
    assert analysis.centralities.sampling.sources == SOURCES
    ecosystem, active = steering_network(region, build_network(region))
    assert ecosystem.ties.ecount() < analysis.network.ties.ecount()      # a steering network of its own
    estimated = betweenness(ecosystem, pivots=SOURCES, seed=0)
    exact = betweenness(ecosystem)
    assert not np.allclose(estimated, exact)
    for same in (True, False):
        pos = steering_positions(ecosystem, 0, pivots=SOURCES if same else None, betweenness_seed=0)
        orch = orchestrator_scores(ecosystem, *pos, mandate=mandate_parts(region), active=active)
        assert np.array_equal(orch.score, analysis.orchestrators.score) == same
