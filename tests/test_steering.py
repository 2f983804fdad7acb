"""Tests for ecosystem.analysis.steering (SCP steering philosophies per relation)."""
from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from ecosystem.analysis.steering import (
    DEFAULT_STEERING,
    PHILOSOPHIES,
    SteeringMix,
    steering_mix,
    steering_of,
)
from ecosystem.model import Actor, Region, RegionMeta, Relation
from ecosystem.vocab import GROUPS, RELATION_TYPES

ACTORS = (
    Actor("gem", "Gemeente", "government"),
    Actor("roc", "ROC", "education"),
    Actor("vno", "Werkgeversorganisatie", "employers"),
    Actor("fnv", "Vakbond", "workers"),
    Actor("uwv", "UWV", "intermediaries"),
)


def region(relations, actors=ACTORS) -> Region:
    return Region(RegionMeta("Test", "test"), tuple(actors), tuple(relations), Path("."))


# --------------------------------------------------------------------------- hand-worked example
#
#   relation                     type            weight  philosophy          pair
#   roc -> gem                   delivery        2       npm (default)       (education, government)
#   gem -> roc                   funding         1       traditional (def.)  (education, government)
#   gem -- vno                   collaboration   3       network (default)   (employers, government)
#   fnv -> gem                   advice          2       resilience (user)   (government, workers)
#   roc -- vno                   governance      2       network (default)   (education, employers)
#
#   W = 2 + 1 + 3 + 2 + 2 = 10
#   traditional 1/10 = 0.1   npm 2/10 = 0.2   network (3 + 2)/10 = 0.5   resilience 2/10 = 0.2
#   counts: traditional 1, npm 1, network 2, resilience 1;  dominant = network;  overridden = 1
#   (education, government): W = 2 + 1 = 3 -> traditional 1/3, npm 2/3
#   (employers, government): W = 3 -> network 1;  (government, workers): W = 2 -> resilience 1
#   (education, employers):  W = 2 -> network 1
HAND = (
    Relation("roc", "gem", "delivery", 2.0),
    Relation("gem", "roc", "funding", 1.0),
    Relation("gem", "vno", "collaboration", 3.0),
    Relation("fnv", "gem", "advice", 2.0, steering="resilience"),
    Relation("roc", "vno", "governance", 2.0),
)


def test_hand_worked_shares():
    mix = steering_mix(region(HAND))
    assert isinstance(mix, SteeringMix)
    assert list(mix.overall) == list(PHILOSOPHIES)
    assert mix.overall == pytest.approx({"traditional": 0.1, "npm": 0.2, "network": 0.5, "resilience": 0.2})
    assert mix.counts == {"traditional": 1, "npm": 1, "network": 2, "resilience": 1}
    assert mix.dominant == "network"
    assert mix.overridden == 1
    assert mix.pair_weight == pytest.approx({
        ("education", "government"): 3.0, ("employers", "government"): 3.0,
        ("government", "workers"): 2.0, ("education", "employers"): 2.0})
    assert mix.by_pair[("education", "government")] == pytest.approx(
        {"traditional": 1 / 3, "npm": 2 / 3, "network": 0.0, "resilience": 0.0})
    assert mix.by_pair[("employers", "government")] == pytest.approx(
        {"traditional": 0.0, "npm": 0.0, "network": 1.0, "resilience": 0.0})
    assert mix.by_pair[("government", "workers")]["resilience"] == pytest.approx(1.0)
    assert mix.by_pair[("education", "employers")]["network"] == pytest.approx(1.0)
    assert set(mix.by_pair) == set(mix.pair_weight)


def test_result_is_frozen():
    mix = steering_mix(region(HAND))
    with pytest.raises(AttributeError):
        mix.dominant = "npm"  # type: ignore[misc]


# --------------------------------------------------------------------------- override column
def test_override_wins_over_default():
    plain = Relation("roc", "gem", "delivery", 1.0)
    overridden = Relation("roc", "gem", "delivery", 1.0, steering="network")
    assert steering_of(plain) == DEFAULT_STEERING["delivery"] == "npm"
    assert steering_of(overridden) == "network"
    mix = steering_mix(region([overridden]))
    assert mix.overall["network"] == pytest.approx(1.0)
    assert mix.overall["npm"] == 0.0
    assert mix.counts == {"traditional": 0, "npm": 0, "network": 1, "resilience": 0}
    assert mix.dominant == "network"
    assert mix.overridden == 1


def test_override_equal_to_default_still_counts_as_overridden():
    mix = steering_mix(region([Relation("roc", "gem", "delivery", 1.0, steering="npm"),
                               Relation("roc", "gem", "delivery", 1.0)]))
    assert mix.overridden == 1
    assert mix.counts["npm"] == 2


@pytest.mark.parametrize("rtype", sorted(RELATION_TYPES))
def test_every_type_has_a_default_and_empty_override_uses_it(rtype):
    assert DEFAULT_STEERING[rtype] in PHILOSOPHIES
    assert steering_of(Relation("gem", "roc", rtype, 1.0)) == DEFAULT_STEERING[rtype]
    for p in PHILOSOPHIES:
        assert steering_of(Relation("gem", "roc", rtype, 1.0, steering=p)) == p


def test_bad_override_or_type_is_rejected():
    with pytest.raises(ValueError, match="steering"):
        steering_of(Relation("gem", "roc", "delivery", 1.0, steering="markt"))
    with pytest.raises(ValueError, match="type"):
        steering_of(Relation("gem", "roc", "lobby", 1.0))


# --------------------------------------------------------------------------- group pairs
def test_pair_keys_are_order_independent():
    # gov -> edu and edu -> gov land in one pair, keyed alphabetically
    mix = steering_mix(region([Relation("gem", "roc", "funding", 1.0),
                               Relation("roc", "gem", "delivery", 3.0)]))
    assert list(mix.by_pair) == [("education", "government")]
    assert mix.pair_weight == {("education", "government"): pytest.approx(4.0)}
    assert mix.by_pair[("education", "government")]["traditional"] == pytest.approx(0.25)
    assert mix.by_pair[("education", "government")]["npm"] == pytest.approx(0.75)


def test_reversing_every_relation_changes_nothing():
    reversed_rel = [Relation(r.target, r.source, r.type, r.weight, steering=r.steering) for r in HAND]
    assert steering_mix(region(reversed_rel)) == steering_mix(region(HAND))


def test_within_group_pair():
    actors = ACTORS + (Actor("gem2", "Buurgemeente", "government"),)
    mix = steering_mix(region([Relation("gem", "gem2", "collaboration", 2.0)], actors))
    assert mix.pair_weight == {("government", "government"): pytest.approx(2.0)}


def test_unknown_actor_is_reported():
    with pytest.raises(ValueError, match="nobody"):
        steering_mix(region([Relation("gem", "nobody", "funding", 1.0)]))


# --------------------------------------------------------------------------- invariants
@pytest.mark.parametrize("seed", range(5))
def test_shares_sum_to_one(seed):
    rng = random.Random(seed)
    actors = [Actor(f"a{i}", f"A{i}", rng.choice(GROUPS)) for i in range(12)]
    relations = []
    for _ in range(60):
        s, t = rng.sample(actors, 2)
        steering = rng.choice(("",) * 3 + PHILOSOPHIES)
        relations.append(Relation(s.id, t.id, rng.choice(list(RELATION_TYPES)),
                                  rng.uniform(0.01, 5.0), steering=steering))
    mix = steering_mix(region(relations, actors))
    assert math.fsum(mix.overall.values()) == pytest.approx(1.0, abs=1e-12)
    assert sum(mix.counts.values()) == len(relations)
    assert mix.overridden == sum(1 for r in relations if r.steering)
    assert math.fsum(mix.pair_weight.values()) == pytest.approx(math.fsum(r.weight for r in relations))
    for pair, shares in mix.by_pair.items():
        assert pair == tuple(sorted(pair))
        assert set(shares) == set(PHILOSOPHIES)
        assert math.fsum(shares.values()) == pytest.approx(1.0, abs=1e-12)
    assert mix.overall[mix.dominant] == max(mix.overall.values())


def test_tie_broken_by_philosophy_order():
    # npm 2 and network 2: equal shares, npm comes first in PHILOSOPHIES
    mix = steering_mix(region([Relation("roc", "gem", "delivery", 2.0),
                               Relation("gem", "vno", "collaboration", 2.0)]))
    assert mix.overall["npm"] == mix.overall["network"] == pytest.approx(0.5)
    assert mix.dominant == "npm"


def test_empty_region():
    mix = steering_mix(region([]))
    assert mix.overall == {p: 0.0 for p in PHILOSOPHIES}
    assert mix.counts == {p: 0 for p in PHILOSOPHIES}
    assert mix.by_pair == {}
    assert mix.pair_weight == {}
    assert mix.dominant == ""
    assert mix.overridden == 0


@pytest.mark.parametrize("lang, written, key", [("nl", "netwerk", "network"), ("nl", "Maatschappelijke veerkracht", "resilience"),
                                                ("en", "network governance", "network"), ("nl", "markt", "npm")])
def test_the_sturing_column_takes_the_philosophys_name_in_either_language(tmp_path, lang, written, key):
    """The terminal tells a Dutch reader to put 'maatschappelijke veerkracht' in the column 'sturing'; the
    loader refused every Dutch name and took only the English keys. summary.json's mix (shares per
    philosophy over the relation pairs) counts the pair under the philosophy written."""
    import json

    from conftest import run_cli, write_region
    actors = [{"id": "gem", "name": "Gemeente", "group": "overheid"}, {"id": "roc", "name": "ROC", "group": "onderwijs"},
              {"id": "fnv", "name": "FNV", "group": "werkenden"}]
    relations = [{"source": "gem", "target": "roc", "type": "levering", "weight": "1", "sturing": written},
                 {"source": "gem", "target": "fnv", "type": "advies", "weight": "1", "sturing": ""}]
    folder = write_region(tmp_path / "r", actors, relations)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", "--bootstrap", "0", "--lang", lang)
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "r" / "summary.json").read_text())
    assert summary["steering"]["overridden"] == 1, summary["steering"]
    assert summary["steering"]["relations"][key] >= 1


def test_an_unknown_sturing_value_lists_the_names_in_the_readers_language(tmp_path):
    from conftest import run_cli, write_region
    actors = [{"id": "gem", "name": "Gemeente", "group": "overheid"}, {"id": "roc", "name": "ROC", "group": "onderwijs"}]
    relations = [{"source": "gem", "target": "roc", "type": "levering", "weight": "1", "sturing": "gedoe"}]
    folder = write_region(tmp_path / "r", actors, relations)
    result = run_cli("validate", folder)
    assert result.exit_code == 2
    assert ("onbekende sturingsvorm 'gedoe'. Toegestaan: traditioneel bestuur, new public management (markt), "
            "netwerksturing, maatschappelijke veerkracht (of leeg laten)") in result.output
