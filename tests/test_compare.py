"""What changed: `ecosystem analyse --year` and `ecosystem compare`, through the real CLI.

The answers are computed independently here: relation and actor set differences
straight from the CSV files, core membership from the summary.json files that
`ecosystem analyse` writes for each side, relation counts per year by hand.
"""
from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest
from scipy.stats import binomtest

from conftest import read_csv_rows, run_cli, write_region

BOOTSTRAP = "30"     # enough resamples for the verdicts; keeps the tests quick

# A region with a clear core (gem, uwv, lwl, rwb: every pair tied with weight 3) and one
# governance table: the Regionaal Werkbedrijf 'rwb' with gem, uwv, lwl, vno, fnv and roc as
# members, so all four key groups sit at the core's only table.
ACTORS_OLD = [
    {"id": "gem", "name": "Gemeente Stad", "group": "overheid"},
    {"id": "uwv", "name": "UWV Stad", "group": "intermediairs"},
    {"id": "lwl", "name": "Leerwerkloket Stad", "group": "intermediairs"},
    {"id": "rwb", "name": "Regionaal Werkbedrijf", "group": "intermediairs"},
    {"id": "vno", "name": "VNO-NCW", "group": "werkgevers"},
    {"id": "mkb", "name": "MKB Stad", "group": "werkgevers"},
    {"id": "fnv", "name": "FNV", "group": "werkenden"},
    {"id": "roc", "name": "ROC Stad", "group": "onderwijs"},
    {"id": "hbo", "name": "Hogeschool", "group": "onderwijs"},
    {"id": "prov", "name": "Provincie", "group": "overheid"},
    {"id": "oud", "name": "Oud adviesbureau", "group": "overig"},
]
RELATIONS_OLD = [
    {"source": "gem", "target": "uwv", "type": "samenwerking", "weight": "3"},
    {"source": "gem", "target": "lwl", "type": "samenwerking", "weight": "3"},
    {"source": "uwv", "target": "lwl", "type": "samenwerking", "weight": "3"},
    {"source": "gem", "target": "rwb", "type": "bestuur", "weight": "3"},
    {"source": "uwv", "target": "rwb", "type": "bestuur", "weight": "3"},
    {"source": "lwl", "target": "rwb", "type": "bestuur", "weight": "3"},
    {"source": "vno", "target": "rwb", "type": "bestuur", "weight": "1"},
    {"source": "fnv", "target": "rwb", "type": "bestuur", "weight": "1"},
    {"source": "roc", "target": "rwb", "type": "bestuur", "weight": "1"},
    {"source": "roc", "target": "lwl", "type": "levering", "weight": "1"},
    {"source": "hbo", "target": "lwl", "type": "levering", "weight": "1"},
    {"source": "vno", "target": "mkb", "type": "vertegenwoordiging", "weight": "1"},
    {"source": "prov", "target": "gem", "type": "financiering", "weight": "1"},
    {"source": "oud", "target": "uwv", "type": "advies", "weight": "1"},
]
# A year later: the adviesbureau is gone, a mobility team joins with strong ties to every core
# actor (it should enter the core), and the ROC has left the Werkbedrijf's table (education loses
# its seat at the core's only table).
MOBILITY = {"id": "mob", "name": "Mobiliteitsteam Stad", "group": "intermediairs"}
ACTORS_NEW = [a for a in ACTORS_OLD if a["id"] != "oud"] + [MOBILITY]
RELATIONS_NEW = [r for r in RELATIONS_OLD if r["source"] not in ("oud",)
                 and not (r["source"] == "roc" and r["target"] == "rwb")] + [
    {"source": "mob", "target": "gem", "type": "samenwerking", "weight": "3"},
    {"source": "mob", "target": "uwv", "type": "samenwerking", "weight": "3"},
    {"source": "mob", "target": "lwl", "type": "samenwerking", "weight": "3"},
    {"source": "mob", "target": "rwb", "type": "bestuur", "weight": "3"},
]


@pytest.fixture
def two_years(tmp_path):
    regions = tmp_path / "regions"
    old = write_region(regions / "stad-2023", ACTORS_OLD, RELATIONS_OLD)
    new = write_region(regions / "stad-2024", ACTORS_NEW, RELATIONS_NEW, delimiter=";")
    return old, new


def _summary(out, folder):
    return json.loads((out / folder / "summary.json").read_text(encoding="utf-8"))


def _relation_keys(folder):
    """(source, target, type) from the CSV as written; governance and collaboration have no direction."""
    undirected = {"bestuur", "samenwerking"}
    keys = set()
    for row in read_csv_rows(folder / "relations.csv"):
        s, t, kind = row["source"], row["target"], row["type"]
        keys.add((min(s, t), max(s, t), kind) if kind in undirected else (s, t, kind))
    return keys


def _change_keys(items):
    english = {"governance": "bestuur", "collaboration": "samenwerking", "delivery": "levering",
               "representation": "vertegenwoordiging", "funding": "financiering", "advice": "advies"}
    keys = set()
    for r in items:
        s, t, kind = r["source"], r["target"], english[r["type"]]
        keys.add((min(s, t), max(s, t), kind) if kind in {"bestuur", "samenwerking"} else (s, t, kind))
    return keys


def _ids(folder):
    return {row["id"] for row in read_csv_rows(folder / "actors.csv")}


def test_compare_two_folders_against_independent_answers(two_years, tmp_path):
    old, new = two_years
    out = tmp_path / "out"
    for folder in (old, new):
        assert run_cli("analyse", folder, "--out", out, "--bootstrap", BOOTSTRAP).exit_code == 0
    result = run_cli("compare", old, new, "--out", out, "--bootstrap", BOOTSTRAP)
    assert result.exit_code == 0, result.output
    change = json.loads((out / "stad-2023-stad-2024" / "change.json").read_text(encoding="utf-8"))
    assert change["mode"] == "folders" and change["folders"] == {"before": "stad-2023", "after": "stad-2024"}

    # Actors and relations: set differences of the CSV files.
    assert {a["id"] for a in change["actors"]["joined"]} == _ids(new) - _ids(old) == {"mob"}
    assert {a["id"] for a in change["actors"]["left"]} == _ids(old) - _ids(new) == {"oud"}
    assert _change_keys(change["relations"]["added"]) == _relation_keys(new) - _relation_keys(old)
    assert _change_keys(change["relations"]["removed"]) == _relation_keys(old) - _relation_keys(new)
    assert ("roc", "rwb", "bestuur") in _change_keys(change["relations"]["removed"])
    assert change["relations"]["reweighted"] == []

    # Core: from the two summary.json files that `analyse` wrote.
    core_old = set(_summary(out, "stad-2023")["core"])
    core_new = set(_summary(out, "stad-2024")["core"])
    assert {"gem", "uwv", "lwl", "rwb"} <= core_old
    entered = {m["id"] for m in change["core"]["entered"]}
    assert entered == core_new - core_old and "mob" in entered
    assert {m["id"] for m in change["core"]["left"]} == core_old - core_new
    assert change["sides"]["before"]["core"] == _summary(out, "stad-2023")["core"]
    assert change["sides"]["after"]["core"] == _summary(out, "stad-2024")["core"]

    # Uncertainty: a move is 'clear' exactly when both sides' bootstrap is sure: the whole 95%
    # Clopper-Pearson interval (scipy's) above 0.8 after and below 0.2 before (or absent before).
    prob_old = _summary(out, "stad-2023")["stability"]["core_probability"]
    prob_new = _summary(out, "stad-2024")["stability"]["core_probability"]
    samples = int(BOOTSTRAP)

    def exact(p):
        return binomtest(round(p * samples), samples).proportion_ci(0.95, method="exact")
    for move in change["core"]["entered"]:
        p_new, p_old = prob_new[move["id"]], prob_old.get(move["id"])
        assert move["core_probability"] == {"before": p_old, "after": p_new}
        sure = exact(p_new).low > 0.8 and (p_old is None or exact(p_old).high < 0.2)
        assert move["verdict"] == ("clear" if sure else "uncertain")

    # Key groups: education lost its seat at the core's only table; the others kept theirs.
    groups = change["groups"]
    assert groups["education"]["seat"] == {"before": True, "after": False}
    assert all(groups[g]["seat"] == {"before": True, "after": True} for g in ("government", "employers", "workers"))
    for g, info in groups.items():
        for side, folder in (("before", "stad-2023"), ("after", "stad-2024")):
            assert info["share_in_core"][side] == pytest.approx(_summary(out, folder)["groups"][g]["share_in_core"])
    agency = {i["key"]: i for i in change["diagnosis"]}["agency"]
    assert agency["value"] == {"before": 4.0, "after": 3.0}
    assert agency["status"] == {"before": "ok", "after": "attention"} and agency["status_changed"]

    # Orchestrators: the top 5 of each summary.json, in order.
    top = change["orchestrators"]["top"]
    assert [o["id"] for o in top["before"]] == [o["id"] for o in _summary(out, "stad-2023")["orchestrators"]][:5]
    assert [o["id"] for o in top["after"]] == [o["id"] for o in _summary(out, "stad-2024")["orchestrators"]][:5]

    # The terminal says it in Dutch and ends with where the outputs are.
    text = result.stdout
    assert "Wat is er veranderd in stad-2024: stad-2023 → stad-2024" in text
    assert "+ Mobiliteitsteam Stad: kans op kern niet in de gegevens →" in text
    assert "− ROC Stad – Regionaal Werkbedrijf (bestuur)" in text
    assert "! Onderwijs:" in text and "zeggenschap ja → nee" in text
    lines = text.strip().splitlines()
    # Its own folder: analyse's outputs in stad-2024/ stay as they were.
    both = out / "stad-2023-stad-2024"
    assert lines[-3] == f"Uitvoer in {both}:"
    assert lines[-2:] == [f"  {both / 'change.json'}", f"  {both / 'change.html'}"]
    assert not (out / "stad-2024" / "change.json").exists() and (out / "stad-2024" / "summary.json").exists()


def test_compare_looks_under_regions_and_speaks_english(two_years, tmp_path, monkeypatch):
    monkeypatch.chdir(two_years[0].parent.parent)      # ./regions/stad-2023 and ./regions/stad-2024
    result = run_cli("compare", "stad-2023", "stad-2024", "--lang", "en", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    assert "What changed in stad-2024" in result.stdout and "Core: " in result.stdout
    assert "not tested" in result.stdout or "Without resamples" in result.stdout
    assert (tmp_path / "outputs" / "stad-2023-stad-2024" / "change.html").exists()
    assert "warning: stad-2023/" not in result.stderr     # no isolated actors on either side


# --- analyse --year -----------------------------------------------------------------------

DATED_ACTORS = [
    {"id": "gem", "name": "Gemeente", "group": "overheid"},
    {"id": "uwv", "name": "UWV", "group": "intermediairs"},
    {"id": "lwl", "name": "Leerwerkloket", "group": "intermediairs"},
    {"id": "vno", "name": "VNO-NCW", "group": "werkgevers"},
    {"id": "fnv", "name": "FNV", "group": "werkenden"},
    {"id": "roc", "name": "ROC", "group": "onderwijs"},
]
DATED_RELATIONS = [
    {"source": "gem", "target": "uwv", "type": "bestuur", "since": "", "until": ""},             # always
    {"source": "gem", "target": "lwl", "type": "financiering", "since": "2019", "until": ""},    # 2019-
    {"source": "uwv", "target": "lwl", "type": "samenwerking", "since": "2020-03-01", "until": ""},  # 2020-
    {"source": "roc", "target": "lwl", "type": "levering", "since": "01-06-2021", "until": ""},  # 2021-
    {"source": "gem", "target": "vno", "type": "bestuur", "since": "2018", "until": "2020"},     # 2018-2020
    {"source": "fnv", "target": "gem", "type": "advies", "since": "", "until": "2019-12-31"},    # -2019
    {"source": "vno", "target": "uwv", "type": "samenwerking", "since": "2022", "until": ""},    # 2022-
]
# Counted by hand from the comments above.
RELATIONS_PER_YEAR = {2017: 2, 2018: 3, 2019: 4, 2020: 4, 2021: 4, 2022: 5}


@pytest.mark.parametrize("year", sorted(RELATIONS_PER_YEAR))
def test_year_filter_matches_a_hand_count(tmp_path, year):
    region = write_region(tmp_path / "stad", DATED_ACTORS, DATED_RELATIONS)
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--year", year, "--bootstrap", "0",
                     "--null-samples", "5")
    assert result.exit_code == 0, result.output
    summary = _summary(tmp_path / "out", f"stad-{year}")
    assert summary["year"] == year and summary["relations"] == RELATIONS_PER_YEAR[year]
    assert summary["actors"] == len(DATED_ACTORS)          # actors stay, whatever the year
    assert f"in {year} uitzag" in result.stdout
    assert not (tmp_path / "out" / "stad").exists()        # the undated run's folder is not touched


def test_year_isolated_actor_is_a_warning_and_undated_run_has_year_null(tmp_path):
    region = write_region(tmp_path / "stad", DATED_ACTORS, DATED_RELATIONS)
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--year", "2019", "--bootstrap", "0",
                     "--null-samples", "5")
    assert result.exit_code == 0
    # roc's only relation starts in 2021.
    assert "let op: actors.csv, rij 7, kolom 'id': actor 'roc' heeft in 2019 geen relaties" in result.stderr
    assert "roc" in _summary(tmp_path / "out", "stad-2019")["isolated"]
    undated = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "5")
    assert undated.exit_code == 0
    summary = _summary(tmp_path / "out", "stad")
    assert summary["year"] is None and summary["relations"] == len(DATED_RELATIONS)


def test_compare_years_of_one_folder(tmp_path):
    region = write_region(tmp_path / "stad", DATED_ACTORS, DATED_RELATIONS)
    result = run_cli("compare", region, "--from", "2019", "--to", "2021", "--out", tmp_path / "out",
                     "--bootstrap", "0", "--null-samples", "5")
    assert result.exit_code == 0, result.output
    change = json.loads((tmp_path / "out" / "stad-2019-2021" / "change.json").read_text(encoding="utf-8"))
    assert change["mode"] == "years" and change["years"] == {"before": 2019, "after": 2021}
    assert change["sides"]["before"]["relations"] == 4 and change["sides"]["after"]["relations"] == 4
    added = {(r["source"], r["target"], r["type"]) for r in change["relations"]["added"]}
    removed = {(r["source"], r["target"], r["type"]) for r in change["relations"]["removed"]}
    # an undirected pair in id order (typed uwv,lwl), a directed one as typed
    assert added == {("lwl", "uwv", "collaboration"), ("roc", "lwl", "delivery")}
    assert removed == {("gem", "vno", "governance"), ("fnv", "gem", "advice")}
    assert change["actors"]["joined"] == [] and change["actors"]["left"] == []
    assert {a["id"] for a in change["actors"]["linked"]} == {"roc"}
    assert {a["id"] for a in change["actors"]["unlinked"]} == {"vno", "fnv"}


# --- bad input: one line each, exit code 2, nothing written ---------------------------------

def _one_error_line(result, *phrases):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("fout: "), lines
    for phrase in phrases:
        assert phrase in lines[0]
    assert "Uitvoer in" not in result.stdout


def test_from_without_to(tmp_path):
    region = write_region(tmp_path / "stad", DATED_ACTORS, DATED_RELATIONS)
    _one_error_line(run_cli("compare", region, "--from", "2020", "--out", tmp_path / "out"),
                    "--from en --to horen bij elkaar")
    _one_error_line(run_cli("compare", region, "--to", "2020", "--out", tmp_path / "out"),
                    "--from en --to horen bij elkaar")
    assert not (tmp_path / "out").exists()


def test_from_after_to(tmp_path):
    region = write_region(tmp_path / "stad", DATED_ACTORS, DATED_RELATIONS)
    _one_error_line(run_cli("compare", region, "--from", "2021", "--to", "2019", "--out", tmp_path / "out"),
                    "--from 2021 ligt na --to 2019", "--from 2019 --to 2021")
    _one_error_line(run_cli("compare", region, "--from", "2020", "--to", "2020", "--out", tmp_path / "out"),
                    "allebei 2020")


def test_year_without_relations(tmp_path):
    dated = [dict(r, since=r["since"] or "2018") for r in DATED_RELATIONS]   # every relation dated
    region = write_region(tmp_path / "stad", DATED_ACTORS, dated)
    _one_error_line(run_cli("analyse", region, "--year", "2010", "--out", tmp_path / "out"),
                    "relations.csv: in 2010 telt geen enkele relatie mee", "van 2018 tot en met 2022")
    _one_error_line(run_cli("compare", region, "--from", "2010", "--to", "2021", "--out", tmp_path / "out"),
                    "in 2010 telt geen enkele relatie mee")
    assert not (tmp_path / "out").exists()


def test_years_without_any_date(two_years, tmp_path):
    _one_error_line(run_cli("compare", two_years[0], "--from", "2020", "--to", "2021", "--out", tmp_path / "out"),
                    "geen enkele relatie heeft een datum")


def test_old_equals_new(two_years, tmp_path):
    old, _ = two_years
    _one_error_line(run_cli("compare", old, old, "--out", tmp_path / "out"), "dezelfde map")
    assert not (tmp_path / "out").exists()


def test_old_equals_new_in_english(two_years, tmp_path):
    old, _ = two_years
    result = run_cli("compare", old, f"{old}/", "--out", tmp_path / "out", "--lang", "en")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: OLD and NEW are the same folder")


def test_one_folder_without_years_and_years_with_two_folders(two_years, tmp_path):
    old, new = two_years
    _one_error_line(run_cli("compare", old, "--out", tmp_path / "out"), "geef twee regiomappen")
    _one_error_line(run_cli("compare", old, new, "--from", "2020", "--to", "2021", "--out", tmp_path / "out"),
                    "hoort één regiomap")


def test_data_problems_name_the_folder(two_years, tmp_path):
    old, new = two_years
    (new / "relations.csv").write_text("source;target;type\nmob;gemm;bestuur\n", encoding="utf-8")
    result = run_cli("compare", old, new, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "fout: stad-2024/relations.csv, rij 2, kolom 'target': onbekende actor 'gemm'" in result.stderr
    assert "1 probleem in de invoer" in result.stderr


# --- change.html ----------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & Co'


def test_change_html_escapes_a_hostile_name(two_years, tmp_path):
    old, new = two_years
    actors = [dict(a, name=HOSTILE) if a["id"] == "mob" else a for a in ACTORS_NEW]
    write_region(new, actors, RELATIONS_NEW)
    result = run_cli("compare", old, new, "--out", tmp_path / "out", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "stad-2023-stad-2024" / "change.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "onerror=alert(1)>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; Co" in page
    assert "script-src" not in page and "default-src 'none'" in page   # nothing may run or load
    assert "http://" not in page and "https://" not in page
    # Same content as the terminal: the newcomer entering the core is a row of the core table.
    assert page.count("Mobiliteitsteam") == 0 and page.count("&lt;script&gt;") >= 3


# --- the pure function: verdicts follow the bootstrap ------------------------------------------

def test_entering_with_low_probability_is_uncertain(two_years):
    from ecosystem.analysis.change import compare_analyses
    from ecosystem.analysis.pipeline import analyse_region
    from ecosystem.io.region import load_region

    old, new = two_years
    before = analyse_region(load_region(old), seed=0, bootstrap_samples=10, null_samples=5)
    after = analyse_region(load_region(new), seed=0, bootstrap_samples=10, null_samples=5)
    mob = after.network.ids.index("mob")
    assert after.core.core[mob]
    # Out of 100 samples: 95 has Clopper-Pearson interval 0.89-0.98 (clear); 85 has 0.76-0.91 (uncertain,
    # though its point estimate is above 0.8); 80 and 50 are uncertain.
    for count, verdict in ((95, "clear"), (85, "uncertain"), (80, "uncertain"), (50, "uncertain")):
        counts = np.array(after.stability.core_count) * 10
        counts[mob] = count
        shaken = replace(after, stability=replace(after.stability, samples=100, core_count=counts))
        move = next(m for m in compare_analyses(before, shaken).entered if m.id == "mob")
        assert move.verdict == verdict, (count, move)
    unbootstrapped = replace(after, stability=None)
    assert next(m for m in compare_analyses(before, unbootstrapped).entered if m.id == "mob").verdict == "untested"


# --- the Brabant example: the mobility teams arrive in 2021 -----------------------------------

def test_brabant_2020_to_2021_shows_the_mobility_teams_arriving(tmp_path):
    from conftest import ROOT

    relations = read_csv_rows(ROOT / "regions" / "brabant" / "relations.csv")
    since_2021 = [r for r in relations if r["since"] == "2021"]
    teams = {a["id"] for a in read_csv_rows(ROOT / "regions" / "brabant" / "actors.csv") if a["id"].startswith("rmt_")}
    assert since_2021 and not any(r.get("until") for r in relations)
    result = run_cli("compare", ROOT / "regions" / "brabant", "--from", "2020", "--to", "2021",
                     "--out", tmp_path / "out", "--bootstrap", BOOTSTRAP)
    assert result.exit_code == 0, result.output
    change = json.loads((tmp_path / "out" / "brabant-2020-2021" / "change.json").read_text(encoding="utf-8"))
    assert len(change["relations"]["added"]) == len(since_2021) and change["relations"]["removed"] == []
    assert change["sides"]["after"]["relations"] - change["sides"]["before"]["relations"] == len(since_2021)
    assert {a["id"] for a in change["actors"]["linked"]} == teams            # isolated in 2020
    assert teams <= {m["id"] for m in change["core"]["entered"]}
    assert "Regionaal Mobiliteitsteam" in result.stdout and "Kern: " in result.stdout


def test_compare_title_names_both_regions_when_their_names_differ(two_years, tmp_path):
    """Two folders whose region.toml give different names ('Stad' and 'Stad en Ommeland') and periods: the
    title named only the later side's region. It names both, in the order of the change, and one name when
    both sides give the same one."""
    old, new = two_years
    (old / "region.toml").write_text('name = "Stad"\nperiod = "2023"\n', encoding="utf-8")
    (new / "region.toml").write_text('name = "Stad en Ommeland"\nperiod = "2024"\n', encoding="utf-8")
    result = run_cli("compare", old, new, "--out", tmp_path / "out", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    assert "Wat is er veranderd in Stad → Stad en Ommeland: 2023 → 2024" in result.stdout
    (new / "region.toml").write_text('name = "Stad"\nperiod = "2024"\n', encoding="utf-8")
    result = run_cli("compare", old, new, "--out", tmp_path / "out2", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    assert "Wat is er veranderd in Stad: 2023 → 2024" in result.stdout
