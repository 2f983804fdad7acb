"""The fast write paths give the same files and placements as the plain ones they replace.

* write_xlsx converts each column once and writes cells with their typed writer; a
  reference writer here writes the same table through xlsxwriter's public writers, cell by
  cell by its column's kind, and both workbooks must be byte-identical (tests/test_columns.py
  ties the kinds to the cells the pandas-era writer gave each dtype).
  The data rows go straight into xlsxwriter's row stream (io.outputs._write_rows): on hostile,
  long (truncated), rich-looking and sparse text, and rows without cells, still the same bytes.
* LabelPlacer.choose counts the marker and box hits of all spots at once; a brute-force
  reference here takes every spot's full cost tuple (LabelPlacer.cost, one spot at a time)
  and picks the first free spot, or the least crowded one when forced: the same spot must
  come out, on random scenes crowded enough that most spots are taken.
"""
from __future__ import annotations

import math
import random

import numpy as np
import pytest

from ecosystem.io import outputs
from ecosystem.io.columns import BOOLEAN, TEXT, booleans, integers, numbers, rows, texts
from ecosystem.io.outputs import write_xlsx
from reference_xlsx import write_reference
from ecosystem.render.layout import LabelPlacer, label_spots, leader_line


def _reference_xlsx(path, sheets):
    """Cell by cell, each value by its column's kind (no cell for None, NaN and infinities)."""
    def cell(kind: str, value):
        if kind == BOOLEAN:
            return "boolean", value
        if kind == TEXT:
            return None if value is None else ("string", value)
        return ("number", float(value)) if math.isfinite(value) else None

    return write_reference(path, {name: (list(table), [[cell(col.kind, col.values[r]) for col in table.values()]
                                                        for r in range(rows(table))])
                                  for name, table in sheets.items()})


def test_write_xlsx_is_byte_identical_to_cell_by_cell_writing(tmp_path):
    rng = np.random.default_rng(3)
    n = 40
    floats = rng.normal(size=n)
    floats[[2, 7]] = np.nan
    floats[5], floats[9] = np.inf, -np.inf
    sheets = {
        "numbers": {
            "int": integers(rng.integers(-5, 10**12, size=n)),
            "float": numbers(floats),
            "bool": booleans(rng.random(n) < 0.5),
            "text": texts(f"Actor {i} & <co>" for i in range(n)),
            "optional": texts(([None, "", "=HYPERLINK(\"x\")", "  padded ", "line\nbreak", "<r>rich?</r>",
                                "ctrl\x01char", np.str_("np text")] * 5)[:n]),
        },
        "empty": {"a": numbers([]), "b": texts([])},
        "no columns": {},
    }
    fast, slow = write_xlsx(tmp_path / "fast.xlsx", sheets), _reference_xlsx(tmp_path / "slow.xlsx", sheets)
    assert fast.read_bytes() == slow.read_bytes()


def test_xlsx_rows_written_directly_are_the_bytes_xlsxwriter_writes_cell_by_cell(tmp_path):
    rng = random.Random(3)
    words = ["plain", " leading", "trailing ", "\ttab", "line\nbreak", "a & b < c > d \"q\" 'a'", "=HYPERLINK(\"x\")",
             "ctrl\x01\x1f", "_x0041_ literal", "<r>looks rich</r>", "\ufffe\uffff", "emoji 😀", "", "x" * 20000,
             "😀" * 17000, "ünïcödé", "  ", "12", "TRUE"]
    n = 60
    values = [rng.choice([0.0, -0.0, 1.0, 1e-300, 1.7976931348623157e308, 123456789.123456789, 1 / 3,
                          float("nan"), float("inf"), -float("inf"), -2.5]) for _ in range(n)]
    values[5] = float("nan")
    table = {
        "text": texts(rng.choice(words) for _ in range(n)),
        "number": numbers(values),
        "integer": integers(range(n)),
        "flag": booleans([rng.random() < 0.5 for _ in range(n)]),
        "sparse": texts(None if k % 3 else rng.choice(words) for k in range(n)),
    }
    empty_rows = {"a": texts([None, "x", None]), "b": numbers([float("nan"), 1.0, float("nan")])}
    no_rows = {name: type(col)(col.kind, []) for name, col in table.items()}
    sheets = {"one": table, "empty rows": empty_rows, "no rows": no_rows, "no columns": {}}
    reference = _reference_xlsx(tmp_path / "reference.xlsx", sheets).read_bytes()
    assert write_xlsx(tmp_path / "ours.xlsx", sheets).read_bytes() == reference
    # An xlsxwriter without one of the internals the direct rows use: every cell through its public
    # writers, the same bytes.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(outputs, "_XLSXWRITER_INTERNALS", outputs._XLSXWRITER_INTERNALS + ("_not_in_any_version",))
        patch.setattr(outputs, "_cell_tails", None)      # the direct path would fail if it were taken
        assert write_xlsx(tmp_path / "public.xlsx", sheets).read_bytes() == reference


def _brute_choose(placer: LabelPlacer, xy, radii, spots, force, x, y):
    """The first spot of cost (0, 0, 0, 0); else, when forced, the least (cost, ring, index).

    Each part of the cost counted plainly: bounds and boxes one by one, markers all in one array (the leader
    lines with LabelPlacer.line_hits, which the fast path keeps as it was).
    """
    def cost(box, leader):
        x0, y0, x1, y1 = placer.bounds
        outside = int(not (box[0] >= x0 and box[1] >= y0 and box[2] <= x1 and box[3] <= y1))
        p = placer.pad
        boxes = sum(1 for b in placer.boxes
                    if box[0] - p < b[2] and box[2] + p > b[0] and box[1] - p < b[3] and box[3] + p > b[1])
        dx = np.maximum(np.maximum(box[0] - xy[:, 0], xy[:, 0] - box[2]), 0.0)    # every marker, unsorted
        dy = np.maximum(np.maximum(box[1] - xy[:, 1], xy[:, 1] - box[3]), 0.0)
        markers = int(np.count_nonzero(dx * dx + dy * dy < (radii + 1.0) ** 2))
        return outside, boxes, markers, placer.line_hits(box, leader)

    costs = [(cost(box, leader_line(x, y, box) if ring else None), ring, k) for k, (ring, box) in enumerate(spots)]
    for (c, ring, k) in costs:
        if c == (0, 0, 0, 0):
            return spots[k]
    if not force:
        return None
    c, ring, k = min(costs)
    return spots[k]


@pytest.mark.parametrize("seed", range(6))
def test_label_placer_choose_matches_brute_force(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(50, 3000))
    xy = rng.uniform(-100, 100, size=(n, 2))
    radii = rng.uniform(0.2, 2.5, size=n)
    placer = LabelPlacer(xy, radii, (-110.0, -110.0, 110.0, 110.0), pad=0.3)
    gaps = (0.3, 1.0, 2.0, 3.5, 5.5)
    placed = 0
    for v in rng.permutation(n)[:150]:
        x, y, r = float(xy[v, 0]), float(xy[v, 1]), float(radii[v])
        w, h = float(rng.uniform(3, 25)), float(rng.uniform(1, 4))
        spots = label_spots(x, y, r, w, h, placer.outward(x, y), gaps)
        force = bool(rng.random() < 0.3)
        found = placer.choose(spots, force, x, y)
        assert found == _brute_choose(placer, xy, radii, spots, force, x, y)
        if found is not None:
            ring, box = found
            placer.block(box, leader_line(x, y, box) if ring else None)
            placed += 1
    assert len(placer.boxes) == placed > 32     # crowded enough for the box array to be used


@pytest.mark.parametrize("seed", range(4))
def test_label_placer_choose_matches_brute_force_in_any_spot_order(seed):
    """The same with the spots shuffled (rings no longer in order) and with spots all outside the drawing:
    a forced choice among equally crowded spots goes to the nearest ring, not to the first listed."""
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(50, 800))
    xy = rng.uniform(-100, 100, size=(n, 2))
    radii = rng.uniform(0.2, 2.5, size=n)
    placer = LabelPlacer(xy, radii, (-110.0, -110.0, 110.0, 110.0), pad=0.3)
    for v in rng.permutation(n)[:80]:
        x, y, r = float(xy[v, 0]), float(xy[v, 1]), float(radii[v])
        spots = label_spots(x, y, r, float(rng.uniform(3, 25)), float(rng.uniform(1, 4)), placer.outward(x, y),
                            (0.3, 1.0, 2.0, 3.5))
        spots = [spots[k] for k in rng.permutation(len(spots))]
        force = bool(rng.random() < 0.5)
        found = placer.choose(spots, force, x, y)
        assert found == _brute_choose(placer, xy, radii, spots, force, x, y)
        if found is not None:
            placer.block(found[1], leader_line(x, y, found[1]) if found[0] else None)
    # Eight spots outside the bounds, no box, no marker near: the nearest ring wins, though listed second.
    empty = LabelPlacer(np.zeros((0, 2)), np.zeros(0), (0.0, 0.0, 10.0, 10.0))
    spots = [(1, (20.0, 20.0, 21.0, 21.0))] + [(0, (21.0 + k, 20.0, 22.0 + k, 21.0)) for k in range(7)]
    assert empty.choose(spots, True, 20.5, 20.5) == (0, (21.0, 20.0, 22.0, 21.0))


def test_one_region_small_multiple_reuses_the_whole_target_view(tmp_path):
    """A folder where every actor names the same arbeidsmarktregio: by_region reuses the whole
    analysis, and the report's small target view of that region, drawn from the whole layout,
    is the one a layout computed for the region alone gives."""
    from ecosystem import api
    from ecosystem.locale import Locale
    from ecosystem.render.layout import compute_layout
    from ecosystem.render.report_html import report_extras

    from conftest import FIXTURES

    folder = tmp_path / "stad"
    folder.mkdir()
    lines = (FIXTURES / "small" / "actors.csv").read_text(encoding="utf-8-sig").splitlines()
    header, rows = lines[0].split(";"), [line.split(";") for line in lines[1:] if line.strip()]
    column = header.index("regio")
    for row in rows:
        row[column] = "Stad"
    (folder / "actors.csv").write_text("\n".join(";".join(r) for r in [header] + rows) + "\n", encoding="utf-8")
    (folder / "relations.csv").write_bytes((FIXTURES / "small" / "relations.csv").read_bytes())
    analysis = api.analyse_loaded(api.load(folder), bootstrap=0, null_samples=1)
    sub = analysis.extras.by_region.analyses["Stad"]
    assert sub.network is analysis.network        # the reuse this relies on (analysis.by_region)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, analysis.seed)
    loc = Locale("en")
    reused = report_extras(analysis, loc, layout)["side"]["multiples"]
    own = report_extras(analysis, loc)["side"]["multiples"]
    assert len(reused) == 1 and reused[0]["svg"] and reused == own
