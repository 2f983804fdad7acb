"""summary.json holds data, not sentences: the same for --lang nl and --lang en but for 'lang' and 'text' values.

Issue 9 point 1: every verdict and set is decided in analysis; only the values under
keys named ``text`` (reasons, diagnosis titles and sentences, region.toml's texts in the
reader's language, the survey sentence) depend on the language.
"""
from __future__ import annotations

import json

from conftest import ROOT, run_cli

BRABANT = ROOT / "regions" / "brabant"


def _without_text(value):
    """``value`` with every key named ``text`` removed, at any depth."""
    if isinstance(value, dict):
        return {k: _without_text(v) for k, v in value.items() if k != "text"}
    if isinstance(value, list):
        return [_without_text(v) for v in value]
    return value


def _summary(tmp_path, lang: str) -> dict:
    out = tmp_path / lang
    result = run_cli("analyse", BRABANT, "--out", out, "--lang", lang, "--bootstrap", "20", "--null-samples", "20")
    assert result.exit_code == 0, result.output
    return json.loads((out / "brabant" / "summary.json").read_text(encoding="utf-8"))


def test_summary_is_the_same_in_both_languages_but_for_text(tmp_path):
    nl, en = _summary(tmp_path, "nl"), _summary(tmp_path, "en")
    assert (nl.pop("lang"), en.pop("lang")) == ("nl", "en")
    assert _without_text(nl) == _without_text(en)
    # The texts do differ, so the test compares what it should: the region's [en] name, reasons, diagnosis.
    assert nl["text"]["region"] != en["text"]["region"] == "Noord-Brabant (illustrative)"
    assert nl["region"] == en["region"] == nl["text"]["region"]       # region.toml's main value at the top
    reasons_nl = [r["text"] for r in nl["orchestrators"][0]["reasons"]]
    reasons_en = [r["text"] for r in en["orchestrators"][0]["reasons"]]
    assert reasons_nl != reasons_en and all(reasons_nl) and all(reasons_en)
    assert [d["text"]["title"] for d in nl["diagnosis"]] != [d["text"]["title"] for d in en["diagnosis"]]


def test_reasons_are_codes_with_values(tmp_path):
    summary = _summary(tmp_path, "en")
    for cand in summary["orchestrators"]:
        codes = [r["code"] for r in cand["reasons"]]
        # Position is one reason: in or out of the core, or (when the score reads position among
        # steering ties between groups, docs/methods.md §9) the coreness there, or outside a one-actor centre.
        position = [c for c in codes if c in ("core", "not_core", "core_tied", "not_core_tied", "centre_ecosystem",
                                               "outside_centre_ecosystem")]
        assert len(position) == 1
        if position[0] in ("core", "not_core", "core_tied", "not_core_tied"):
            assert position[0].startswith("core") == (cand["id"] in summary["core"])
        reach = next(r for r in cand["reasons"] if r["code"] == "reach")
        assert str(len(reach["values"]["groups"])) in reach["text"]
