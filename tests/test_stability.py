"""How sure: the bootstrap's intervals, verdicts, defaults and seeding (issue 8, point 4).

* the Clopper-Pearson interval equals scipy's independent implementation (root finding on the binomial);
* every default number of resamples lets a unanimous result be called stable;
* a sample is a pure function of (region, kind, index, seed): order and mapper do not matter;
* resamples get the full fit's optimiser effort;
* 100-resample intervals on Brabant contain a 1,000-resample reference for >= 95% of actors;
* on two planted core/periphery models, actors called stable in the core are planted core members.
"""
from __future__ import annotations

import json

import numpy as np
import pytest
from scipy.stats import binomtest

from conftest import ROOT, run_cli, write_region
from ecosystem.analysis import stability
from ecosystem.analysis.sample_sizes import bootstrap_samples
from ecosystem.analysis.stability import ACTORS, CORE, RELATIONS, STABLE, bootstrap, verdict, clopper_pearson_interval as exact_interval
from ecosystem.io.region import load_region

BRABANT = ROOT / "regions" / "brabant"


@pytest.mark.parametrize("trials", [1, 7, 25, 40, 100])
def test_exact_interval_matches_scipy(trials):
    k = np.arange(trials + 1)
    low, high = exact_interval(k, np.full(trials + 1, trials))
    for i in k:
        ci = binomtest(int(i), trials).proportion_ci(confidence_level=0.95, method="exact")
        assert low[i] == pytest.approx(ci.low, abs=1e-7) and high[i] == pytest.approx(ci.high, abs=1e-7)
    assert np.isnan(exact_interval(0, 0)[0])


@pytest.mark.parametrize("actors", [10, 300, 301, 2000, 2001, 20_000, 20_001, 100_000])
def test_every_default_lets_a_unanimous_result_be_stable(actors):
    """Every default either lets a unanimous result be stable or is 0 (off, above sample_sizes.LARGE)."""
    from ecosystem.analysis.sample_sizes import LARGE

    samples = bootstrap_samples(actors)
    if actors > LARGE:
        assert samples == 0
        return
    assert samples >= 25
    ci = binomtest(samples, samples).proportion_ci(confidence_level=0.95, method="exact")
    assert ci.low > STABLE
    low, high = exact_interval(samples, samples)
    assert verdict(float(low), float(high)) == CORE


def test_verdict_needs_the_whole_interval_beyond_the_threshold():
    # 90 of 100 (0.82-0.95) -> core; 85 of 100 (0.76-0.91): point estimate above 0.8, interval not.
    assert verdict(*map(float, exact_interval(90, 100))) == CORE
    assert verdict(*map(float, exact_interval(85, 100))) == stability.UNCERTAIN
    assert verdict(*map(float, exact_interval(10, 100))) == stability.PERIPHERY
    assert verdict(*map(float, exact_interval(4, 5))) == stability.UNCERTAIN   # the old rule said stable


def _small_region(tmp_path, seed=3, n=24, n_core=6):
    rng = np.random.default_rng(seed)
    relations = [{"source": f"a{i:02d}", "target": f"a{j:02d}", "type": "collaboration"}
                 for i in range(n) for j in range(i + 1, n)
                 if rng.random() < (0.8 if j < n_core else 0.3 if i < n_core else 0.05)]
    actors = [{"id": f"a{i:02d}", "name": f"A{i}", "group": "government" if i % 2 else "education"}
              for i in range(n)]
    return load_region(write_region(tmp_path / "small", actors, relations))


def test_samples_are_pure_functions_of_their_index(tmp_path):
    """Computing samples in another order (as a process pool may) gives the same statistics."""
    region = _small_region(tmp_path)
    forward = bootstrap(region, 8, seed=4)
    backward = bootstrap(region, 8, seed=4, mapper=lambda f, xs: reversed([f(x) for x in reversed(list(xs))]))
    for field in ("core_count", "core_count_actors", "kept", "rank_low", "rank_high", "top_share", "core_sizes"):
        assert np.array_equal(getattr(forward, field), getattr(backward, field)), field
    # Different indices are different samples; the same index is the same sample.
    a, b = stability._one_run(region, RELATIONS, 0, seed=4), stability._one_run(region, RELATIONS, 0, seed=4)
    assert np.array_equal(a.core, b.core) and np.array_equal(a.rank, b.rank)
    kept = [stability._one_run(region, ACTORS, i, seed=4).kept for i in range(8)]
    assert len({k.tobytes() for k in kept}) > 1


def test_relation_resamples_alone_are_the_same_relation_resamples(tmp_path):
    """bootstrap(actors=False), as a region's analysis in by_region runs it: the relation resamples'
    statistics are those of the full bootstrap, and the actor resamples are stated as not drawn."""
    region = _small_region(tmp_path)
    both, alone = bootstrap(region, 8, seed=4), bootstrap(region, 8, seed=4, actors=False)
    for field in ("core_count", "rank_low", "rank_high", "top_share", "core_sizes"):
        assert np.array_equal(getattr(both, field), getattr(alone, field)), field
    assert both.peripheral_count == alone.peripheral_count
    assert (both.actor_samples, alone.actor_samples) == (8, 0)
    assert both.kept.sum() > 0 and alone.kept.sum() == 0
    assert np.isnan(alone.core_probability_actors).all()
    # No actor-resampling verdicts at all, rather than none uncertain (which would read as all stable).
    for ask in (lambda: alone.uncertain_actors(range(len(region.actors))), lambda: alone.core_interval_actors,
                lambda: alone.core_verdicts_actors):
        with pytest.raises(ValueError, match="not resampled"):
            ask()


def test_resamples_get_the_full_fits_optimiser_effort(tmp_path, monkeypatch):
    """Each sample runs the discrete and continuous optimisers with their default (full-fit) restarts."""
    import inspect

    from ecosystem.analysis.core_periphery import continuous_core_periphery, discrete_core_periphery
    calls = []

    def spy(name, func):
        def wrapped(*args, **kwargs):
            bound = inspect.signature(func).bind(*args, **kwargs)
            bound.apply_defaults()
            calls.append((name, bound.arguments["restarts"]))
            return func(*args, **kwargs)
        return wrapped

    # A resample calls the fits' inner functions on edge lists it reads off the region's arrays
    # (stability._one_run); the continuous fit feeds only the orchestrator score (methods §9).
    monkeypatch.setattr(stability, "_discrete", spy("discrete", stability._discrete))
    monkeypatch.setattr(stability, "_continuous", spy("continuous", stability._continuous))
    bootstrap(_small_region(tmp_path), 2, seed=0)
    full = {"discrete": inspect.signature(discrete_core_periphery).parameters["restarts"].default,
            "continuous": inspect.signature(continuous_core_periphery).parameters["restarts"].default}
    assert {name for name, _ in calls} == {"discrete", "continuous"}
    assert all(restarts == full[name] for name, restarts in calls)
    assert full["discrete"] > 1


@pytest.fixture(scope="module")
def brabant_100(tmp_path_factory):
    out = tmp_path_factory.mktemp("stab")
    result = run_cli("analyse", BRABANT, "--out", out, "--bootstrap", "100", "--null-samples", "1")
    assert result.exit_code == 0, result.output
    return json.loads((out / "brabant" / "summary.json").read_text(encoding="utf-8")), result.output


def test_summary_reports_intervals_and_interval_verdicts(brabant_100):
    summary, output = brabant_100
    st = summary["stability"]
    assert st["confidence"] == 0.95 and st["interval_method"] == "clopper-pearson"
    for aid, p in st["core_probability"].items():
        low, high = st["core_probability_interval"][aid]
        k = round(p * st["samples"])
        ci = binomtest(k, st["samples"]).proportion_ci(confidence_level=0.95, method="exact")
        assert low == pytest.approx(ci.low, abs=1e-6) and high == pytest.approx(ci.high, abs=1e-6)
        expected = "core" if ci.low > 0.8 else "periphery" if ci.high < 0.2 else "uncertain"
        assert st["core_verdict"][aid] == expected
        assert (aid in st["core_uncertain"]) == (expected == "uncertain")
    by_actor = st["actor_drop"]
    for aid, kept in by_actor["samples_kept"].items():
        p = by_actor["core_probability"][aid]
        if kept == 0:
            assert p is None
            continue
        ci = binomtest(round(p * kept), kept).proportion_ci(confidence_level=0.95, method="exact")
        assert by_actor["core_probability_interval"][aid] == pytest.approx([ci.low, ci.high], abs=1e-6)
    # The wording: no 'foutmarge' (one standard error is not a margin); what the resampling covers.
    assert "foutmarge" not in output and "±" not in output.split("Hoe zeker")[1].split("\n")[0]
    assert "95%-interval" in output and "ontbrekende relaties en organisaties" in output
    assert "foute of verzonnen relaties" in output


@pytest.mark.slow
def test_brabant_intervals_contain_a_1000_resample_reference(brabant_100):
    """With 100 resamples, each interval contains an independent 1,000-resample estimate for >= 95% of actors.

    The reference runs with another seed, so its samples are independent of the reported ones.
    Runtime: about 60 s of CPU (1,000 samples of each kind at full optimiser effort).
    """
    summary, _ = brabant_100
    st = summary["stability"]
    reference = bootstrap(load_region(BRABANT), 1000, seed=2026)
    ids = [a.id for a in load_region(BRABANT).actors]
    for intervals, values in ((st["core_probability_interval"], reference.core_probability),
                              (st["actor_drop"]["core_probability_interval"], reference.core_probability_actors)):
        pairs = [(intervals[a], values[v]) for v, a in enumerate(ids)
                 if intervals[a][0] is not None and not np.isnan(values[v])]
        inside = sum(low - 1e-9 <= value <= high + 1e-9 for (low, high), value in pairs)
        assert inside >= 0.95 * len(pairs), (inside, len(pairs))


PLANTED = [(120, 15, 0.6, 0.15, 0.02), (150, 20, 0.7, 0.25, 0.02)]


def _planted_region(folder, seed, n, n_core, p_cc, p_cp, p_pp):
    rng = np.random.default_rng(seed)
    relations = [{"source": f"a{i:03d}", "target": f"a{j:03d}", "type": "collaboration"}
                 for i in range(n) for j in range(i + 1, n)
                 if rng.random() < (p_cc if j < n_core else p_cp if i < n_core else p_pp)]
    actors = [{"id": f"a{i:03d}", "name": f"A{i}", "group": "government"} for i in range(n)]
    return load_region(write_region(folder / f"planted{n}_{seed}", actors, relations))


@pytest.mark.parametrize("model", PLANTED, ids=["120-15", "150-20"])
def test_stable_in_the_core_means_planted_core(tmp_path, model):
    """Over 10 seeds, >= 95% of the actors called stable in the core (either resampling) are planted core.

    25 resamples of each kind (the default's minimum, used beyond 2,000 actors) to keep the test
    at about 12 s of CPU per model.
    """
    n, n_core = model[:2]
    called = []
    for seed in range(10):
        st = bootstrap(_planted_region(tmp_path, seed, *model), 25, seed=seed)
        for low, high in (st.core_interval, st.core_interval_actors):
            called += [v < n_core for v in range(n) if verdict(low[v], high[v]) == CORE]
    assert len(called) >= 10 * n_core   # on average at least half the planted core is called stable
    assert np.mean(called) >= 0.95, (sum(called), len(called))
