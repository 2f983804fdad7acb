"""layout.close_pairs (the target view's spreading) against scipy's k-d tree, an independent implementation.

Both of its ways (every pair measured, and binned into a grid) must give the pairs cKDTree.query_pairs
gives, in one fixed order, on random points, on points in a line (all in one column of cells) and on
coincident points.
"""
import numpy as np
import pytest
from scipy.spatial import cKDTree

from ecosystem.render import layout


def _kd_tree_pairs(points: np.ndarray, r: float) -> np.ndarray:
    pairs = cKDTree(points).query_pairs(r, output_type="ndarray").reshape(-1, 2)
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]


def _point_sets():
    rng = np.random.default_rng(7)
    for n, r in ((2, 0.5), (12, 0.3), (140, 0.06), (400, 0.04), (2500, 0.01), (300, 3.0)):
        scale = rng.uniform(0.2, 20)
        yield f"random-{n}", rng.random((n, 2)) * scale - scale / 2, r * scale
    line = np.column_stack([np.full(500, 0.25), np.linspace(0, 1, 500)])
    yield "line", line, 0.01
    clumped = np.repeat(np.random.default_rng(3).random((40, 2)), 5, axis=0)
    yield "coincident", clumped, 0.05


@pytest.mark.parametrize("way", ["every_pair", "grid"])
@pytest.mark.parametrize("name,points,r", list(_point_sets()), ids=[s[0] for s in _point_sets()])
def test_close_pairs_match_kd_tree(monkeypatch, way, name, points, r):
    monkeypatch.setattr(layout, "CLOSE_PAIRS_ALL_MAX", 10**9 if way == "every_pair" else 0)
    found = layout.close_pairs(points, r)
    expected = _kd_tree_pairs(points, r)
    assert len(expected) > 0 or name == "random-2"
    assert found.shape == expected.shape and np.array_equal(found, expected)


def test_close_pairs_refuses_a_radius_that_is_not_positive():
    with pytest.raises(ValueError, match="positive"):
        layout.close_pairs(np.zeros((3, 2)), 0.0)
