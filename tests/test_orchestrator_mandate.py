"""The orchestrator score sees mandate, not only position (issue 8, point 5), through the real CLI.

The planted region is the study's picture in miniature: a centrumgemeente with seven partners
convenes the bestuurlijke tafel (UWV, the employers' association, the union, the mobility team
and two smaller gemeenten), sits on the mobility team's board too, and funds the Leerwerkloket
and the mobility team; an ROC delivers training to twenty employers and an ondernemersclub
collaborates with seventeen of them. In the whole tie network the ROC and the club are the centre
(most ties, densest block); the score reads position among steering ties between different groups
(docs/methods.md §9), where neither takes part. The weights were fixed in docs/methods.md §9 before this file was
written; nothing here tunes them.

Mandate signals are recomputed independently from the CSV files (brute force over the rows),
and the sensitivity table is checked against a ranking recomputed here from the parts.
"""
from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from conftest import run_cli, write_region

KEY_GROUPS = ("workers", "employers", "government", "education")


def _planted(with_role: str | None = None, header: str = "role"):
    actors = [
        {"id": "gem", "name": "Gemeente Centrum", "group": "government"},
        {"id": "gem2", "name": "Gemeente Klein", "group": "government"},
        {"id": "gem3", "name": "Gemeente Dorp", "group": "government"},
        {"id": "uwv", "name": "UWV", "group": "intermediaries"},
        {"id": "wgv", "name": "Werkgeversvereniging", "group": "employers"},
        {"id": "bond", "name": "Vakbond", "group": "workers"},
        {"id": "mob", "name": "Mobiliteitsteam", "group": "intermediaries"},
        {"id": "lwl", "name": "Leerwerkloket", "group": "intermediaries"},
        {"id": "roc", "name": "ROC", "group": "education"},
        {"id": "club", "name": "Ondernemersclub", "group": "employers"},
    ] + [{"id": f"emp{i:02d}", "name": f"Werkgever {i}", "group": "employers"} for i in range(1, 21)]
    if with_role is not None:
        for a in actors:
            a[header] = with_role if a["id"] == "gem" else ""
    relations = [{"source": "gem", "target": t, "type": "governance"}
                 for t in ("uwv", "wgv", "bond", "mob", "gem2", "gem3")]
    relations += [{"source": "mob", "target": t, "type": "governance"} for t in ("uwv", "wgv", "bond")]
    relations += [{"source": "gem", "target": t, "type": "funding"} for t in ("lwl", "mob")]
    relations += [{"source": "roc", "target": f"emp{i:02d}", "type": "delivery"} for i in range(1, 21)]
    relations += [{"source": "club", "target": f"emp{i:02d}", "type": "collaboration"} for i in range(1, 18)]
    relations += [{"source": "lwl", "target": "roc", "type": "referral"},
                  {"source": "uwv", "target": "lwl", "type": "referral"},
                  {"source": "wgv", "target": "club", "type": "collaboration"}]
    return actors, relations


def _analyse(tmp_path, region, *extra):
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "5", *extra)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / region.name
    with open(folder / "actors.csv", newline="", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    return rows, json.loads((folder / "summary.json").read_text(encoding="utf-8")), result.output


def _independent_mandate(actors, relations):
    """Tables, key groups met and funding straight from the rows (docs/methods.md §7 and §9)."""
    group = {a["id"]: a["group"] for a in actors}
    partners = {a["id"]: set() for a in actors}
    for r in relations:
        if r["type"] == "governance":
            partners[r["source"]].add(r["target"])
            partners[r["target"]].add(r["source"])
    tables = {frozenset(p | {h}) for h, p in partners.items() if len(p) >= 3}
    seats = {a: sum(a in t for t in tables) for a in group}
    met = {a: {group[b] for t in tables if a in t for b in t if b != a} & set(KEY_GROUPS) for a in group}
    present = set(group.values()) & set(KEY_GROUPS)
    funding = {a: 0.0 for a in group}
    for r in relations:
        if r["type"] == "funding":
            funding[r["source"]] += float(r.get("weight") or 1)
    top_seats, top_funding = max(seats.values()), max(funding.values())
    signals = {
        "tables": {a: ((seats[a] / top_seats if top_seats else 0) + len(met[a]) / len(present)) / 2 for a in group},
        "funding": {a: funding[a] / top_funding if top_funding else 0 for a in group},
    }
    used = [s for s in signals if max(signals[s].values()) > 0]
    return {a: sum(signals[s][a] for s in used) / len(used) for a in group}, seats, met


def test_mandated_gemeente_ranks_first_not_the_busiest_actor(tmp_path):
    actors, relations = _planted()
    rows, summary, output = _analyse(tmp_path, write_region(tmp_path / "planted", actors, relations))
    ranked = [c["id"] for c in summary["orchestrators"]]
    assert ranked[0] == "gem", ranked
    assert "club" not in ranked[:3], ranked
    # The busiest actors really are the busiest: this is not a region where position already favours gem.
    degree = {a: int(r["degree"]) for a, r in rows.items()}
    assert degree["roc"] == 21 and degree["club"] == 18 and degree["gem"] == 7
    assert float(rows["roc"]["coreness"]) > float(rows["gem"]["coreness"])
    # In the ecosystem network (steering ties between different groups) the gemeente is the centre.
    assert float(rows["gem"]["orchestrator_centre"]) > float(rows["roc"]["orchestrator_centre"])
    # Mandate part equals an independent computation from the rows.
    expected, seats, met = _independent_mandate(actors, relations)
    for aid, row in rows.items():
        assert float(row["orchestrator_mandate"]) == pytest.approx(expected[aid], abs=1e-9), aid
    top = summary["orchestrators"][0]
    assert top["mandate"]["tables"] == seats["gem"] == 2
    assert set(top["mandate"]["key_groups_at_tables"]) == met["gem"] == {"government", "employers", "workers"}
    assert top["mandate"]["funds"] == 2 and top["mandate"]["role"] is None
    # Contributions add up to the score with the published weights.
    weights = summary["orchestrator_weights"]
    assert sum(weights[k] for k in ("centre", "reach", "bridging", "mandate")) == pytest.approx(1.0)
    assert weights["mandate_signals"] == {"tables": 0.5, "funding": 0.5}
    assert sum(top["contributions"].values()) == pytest.approx(top["score"], abs=1e-5)
    # The reasons say why: mandate first exactly when it adds most to the gemeente's score; the
    # position sentence names the coreness the score used (the ecosystem network's), not the network's.
    reasons = [r["text"] for r in top["reasons"]]
    tables = "zit aan 2 bestuurlijke tafels met 3 van de 4 sleutelgroepen (werkenden, werkgevers en overheid)"
    assert tables in reasons
    contributions = top["contributions"]
    assert (reasons[0] == tables) == (max(contributions, key=contributions.get) == "mandate")
    assert (top["reasons"][0]["code"] == "tables") == (reasons[0] == tables)
    centre = float(rows["gem"]["orchestrator_centre"])
    assert any(r.startswith(f"kernscore {centre:.2f}".replace(".", ",") + " in de sturingsrelaties tussen")
               for r in reasons), reasons
    assert "financiert 2 organisaties" in reasons
    assert "financiert 2 organisaties" in output


def test_busiest_actors_are_not_in_the_top_three(tmp_path):
    actors, relations = _planted()
    _, summary, _ = _analyse(tmp_path, write_region(tmp_path / "planted", actors, relations))
    ranked = [c["id"] for c in summary["orchestrators"]]
    assert "roc" not in ranked[:3] and "club" not in ranked[:3], ranked
    # Why (docs/methods.md §9): the ROC's ties are all delivery (market), so it takes no part in
    # steering and scores 0; the club's ties are all inside its own group, so it has no centre
    # and no bridging in the ecosystem network and no mandate.
    rows = {c["id"]: c for c in summary["orchestrators"]}
    assert "roc" not in rows and "club" not in rows


def test_region_without_role_column_gets_a_full_ranking(tmp_path):
    actors, relations = _planted()
    assert all("role" not in a and "rol" not in a for a in actors)
    rows, summary, _ = _analyse(tmp_path, write_region(tmp_path / "norole", actors, relations))
    ranks = sorted(int(r["orchestrator_rank"]) for r in rows.values())
    assert ranks == list(range(1, len(actors) + 1))
    for row in rows.values():
        for part in ("centre", "reach", "bridging", "mandate"):
            assert 0.0 <= float(row[f"orchestrator_{part}"]) <= 1.0
    columns = list(next(iter(rows.values())))
    assert columns.index("orchestrator_mandate") == columns.index("orchestrator_bridging") + 1
    assert "role" not in summary["orchestrator_weights"]["mandate_signals"]
    assert len(summary["orchestrators"]) == 5


def test_region_with_only_positions_ranks_as_before(tmp_path):
    """No governance, funding or role: mandate is 0 for all and the ranking is the position ranking.

    What is left is delivery (market), collaboration inside the employers' group, and two referrals
    (UWV to the Leerwerkloket, the Leerwerkloket to the ROC): the Leerwerkloket is the one organisation
    linking two others of different groups, the ROC and the club are not orchestrators for their
    deliveries or their own group's ties (docs/methods.md §9)."""
    actors, relations = _planted()
    relations = [r for r in relations if r["type"] not in ("governance", "funding")]
    rows, summary, _ = _analyse(tmp_path, write_region(tmp_path / "positions", actors, relations))
    assert all(float(r["orchestrator_mandate"]) == 0.0 for r in rows.values())
    assert summary["orchestrator_weights"]["mandate_signals"] == {}
    assert summary["orchestrators"][0]["id"] == "lwl"
    # Steering ties only inside its group, no mandate: only reach (its own group) counts.
    assert float(rows["club"]["orchestrator_score"]) == pytest.approx(summary["orchestrator_weights"]["reach"] / 4,
                                                                      abs=1e-6)
    assert float(rows["club"]["orchestrator_centre"]) == float(rows["club"]["orchestrator_bridging"]) == 0.0
    assert float(rows["roc"]["orchestrator_reach"]) == 0.25      # education; the Leerwerkloket is no key group


@pytest.mark.parametrize("header, value, lang", [("rol", "Regisseur", "nl"), ("role", "orchestrator", "en"),
                                                  ("rol", "regie", "en"), ("role", "REGIEROL", "nl")])
def test_role_read_in_dutch_and_english(tmp_path, header, value, lang):
    actors, relations = _planted(with_role=value, header=header)
    rows, summary, _ = _analyse(tmp_path, write_region(tmp_path / "roles", actors, relations), "--lang", lang)
    top = summary["orchestrators"][0]
    assert top["id"] == "gem" and top["mandate"]["role"] == "orchestrator"
    assert summary["orchestrator_weights"]["mandate_signals"] == pytest.approx({"tables": 1 / 3, "funding": 1 / 3,
                                                                                 "role": 1 / 3})
    # gem tops every signal (tables: 2 tables, 3 of 4 key groups), so its mandate is (0.875 + 1 + 1) / 3.
    assert float(rows["gem"]["orchestrator_mandate"]) == pytest.approx((0.875 + 1 + 1) / 3)
    sentence = {"nl": "heeft de regierol", "en": "holds the regierol (steers the regional collaboration)"}[lang]
    assert sentence in [r["text"] for r in top["reasons"]]
    # The map's details panel shows the role in the reader's language.
    page = (tmp_path / "out" / "roles" / "map.html").read_text(encoding="utf-8")
    assert {"nl": '"Rol":"regie"', "en": '"Role":"orchestrator (regie)"'}[lang] in page


@pytest.mark.parametrize("value, key, weight", [("trekker", "lead", 2 / 3), ("voorzitter", "lead", 2 / 3),
                                                ("coördinator", "lead", 2 / 3), ("secretariaat", "secretariat", 1 / 3),
                                                ("Secretary", "secretariat", 1 / 3)])
def test_role_synonyms_and_values(tmp_path, value, key, weight):
    actors, relations = _planted(with_role=value, header="rol")
    rows, summary, _ = _analyse(tmp_path, write_region(tmp_path / "syn", actors, relations))
    gem = next(c for c in summary["orchestrators"] if c["id"] == "gem")
    assert gem["mandate"]["role"] == key and gem["mandate"]["signals"]["role"] == pytest.approx(weight)


def test_role_member_only_is_no_signal(tmp_path):
    actors, relations = _planted(with_role="lid", header="rol")
    _, summary, _ = _analyse(tmp_path, write_region(tmp_path / "lid", actors, relations))
    assert summary["orchestrator_weights"]["mandate_signals"] == {"tables": 0.5, "funding": 0.5}


def test_unknown_role_is_one_clear_error_line(tmp_path):
    actors, relations = _planted(with_role="regiee", header="rol")
    actors[3]["rol"] = "baas"
    region = write_region(tmp_path / "bad", actors, relations)
    result = run_cli("analyse", region, "--out", tmp_path / "out")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.startswith("fout:")]
    assert "fout: actors.csv, rij 2, kolom 'rol': onbekende rol 'regiee'. Bedoelt u 'regie'?" in lines[0]
    assert "Toegestaan: regie, trekker, secretariaat, lid (of leeg laten)" in lines[0]
    assert lines[1].startswith("fout: actors.csv, rij 5, kolom 'rol': onbekende rol 'baas'.")
    assert len(lines) == 2 and "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("summary.json"))


def _rank(scores: dict[str, float]) -> dict[str, int]:
    order = sorted(scores, key=lambda a: (-round(scores[a], 12), a))
    return {a: i + 1 for i, a in enumerate(order)}


def test_sensitivity_table_matches_an_independent_recomputation(tmp_path):
    actors, relations = _planted(with_role="trekker")
    region = write_region(tmp_path / "sens", actors, relations)
    rows, summary, _ = _analyse(tmp_path, region)
    weights = {k: summary["orchestrator_weights"][k] for k in ("centre", "reach", "bridging", "mandate")}
    parts = {a: {k: float(r[f"orchestrator_{k}"]) for k in weights} for a, r in rows.items()}
    active = {a: int(r["degree"]) > 0 for a, r in rows.items()}
    sens = summary["orchestrator_sensitivity"]
    assert sens["actors"] == [c["id"] for c in summary["orchestrators"]]
    assert {(c["weight"], c["factor"]) for c in sens["changes"]} == {(k, f) for k in weights for f in (0.5, 1.5)}
    for change in sens["changes"]:
        changed = dict(weights, **{change["weight"]: weights[change["weight"]] * change["factor"]})
        scores = {a: sum(changed[k] * parts[a][k] for k in changed) if active[a] else 0.0 for a in parts}
        rank = _rank(scores)
        assert change["ranks"] == {a: rank[a] for a in sens["actors"]}, change
        shared = {a: 1 + sum(round(x, 12) > round(scores[a], 12) for x in scores.values()) for a in scores}
        assert change["shared_ranks"] == {a: shared[a] for a in sens["actors"]}, change
        assert change["top"] == sorted((a for a in rank if active[a]), key=rank.get)[:5]
    first = sens["actors"][0]
    # Held: first alone under every change (a first place shared with an equal score is not held).
    assert sens["first_holds"] == all(c["shared_ranks"][first] == 1 and list(c["shared_ranks"].values()).count(1) == 1
                                      for c in sens["changes"])
    # Baseline: the published weights reproduce the published ranks.
    base = _rank({a: sum(weights[k] * parts[a][k] for k in weights) if active[a] else 0.0 for a in parts})
    assert all(base[a] == int(r["orchestrator_rank"]) for a, r in rows.items())


def test_report_renders_the_sensitivity_table(tmp_path):
    actors, relations = _planted()
    region = write_region(tmp_path / "rep", actors, relations)
    _, summary, _ = _analyse(tmp_path, region)
    page = (tmp_path / "out" / "rep" / "report.html").read_text(encoding="utf-8")
    assert "Hangt de volgorde af van de weging?" in page
    table = page[page.index('<table class="sens">'):]
    table = table[:table.index("</table>")]
    for change in summary["orchestrator_sensitivity"]["changes"]:
        for aid, rank in change["shared_ranks"].items():
            assert f'<td class="num">{rank}</td>' in table or f'<td class="num moved">{rank}</td>' in table
    name = summary["orchestrators"][0]["name"]
    verdict = ("blijft bij elke verandering van de weging eerste" if summary["orchestrator_sensitivity"]["first_holds"]
               else "De eerste plaats hangt af van de weging")
    assert name in page and verdict in page
