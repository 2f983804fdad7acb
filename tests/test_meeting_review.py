"""Issue 12 review fixes, through the real CLI: the map's free-text labels, the slides' legend, seats and
text that fits, the candidates' badges told apart from the legend numbers, and the README's walkthrough."""
from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, run_cli

FAST = ("--bootstrap", "10", "--null-samples", "5")
BRABANT = ROOT / "regions" / "brabant"


@pytest.fixture(scope="module")
def brabant_nl(tmp_path_factory):
    out = tmp_path_factory.mktemp("nl")
    result = run_cli("analyse", BRABANT, "--out", out, "--lang", "nl", *FAST)
    assert result.exit_code == 0, result.output
    return out / "brabant"


@pytest.fixture(scope="module")
def brabant_en(tmp_path_factory):
    out = tmp_path_factory.mktemp("en")
    result = run_cli("analyse", BRABANT, "--out", out, "--lang", "en", *FAST)
    assert result.exit_code == 0, result.output
    return out / "brabant"


def _map_nodes(folder):
    page = (folder / "map.html").read_text(encoding="utf-8")
    block = re.findall(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)[-1]
    return json.loads(block)["payload"]["nodes"]


@pytest.mark.parametrize("lang,labels", [("nl", ("Omschrijving", "Onderbouwing")), ("en", ("Description", "Evidence"))])
def test_map_panel_names_free_text_columns_in_the_readers_language(lang, labels, request):
    folder = request.getfixturevalue(f"brabant_{lang}")
    nodes = _map_nodes(folder)
    keys = {k for n in nodes for k in n["attributes"]}
    assert set(labels) <= keys                       # Brabant's actors.csv has description and evidence
    assert not {"description", "evidence"} & keys     # the raw column headers are gone
    gem = next(n for n in nodes if n["id"] == "gem_breda")
    assert gem["attributes"][labels[0]].startswith("Centrumgemeente arbeidsmarktregio West-Brabant")
