"""Test oracle: the discrete core/periphery local search in plain Python.

The search that ``ecosystem.analysis.core_periphery._discrete_search`` compiles, written
the plain way (Python floats, every move scored from scratch for each Kernighan-Lin
step, the core-size terms of the fit computed with Python's own arithmetic as
``discrete._fit_terms`` states them), so that the kernel can be checked against it bit
for bit; so is the adjacency (each vertex's neighbours in edge-list order). The
degree-seeded start is here too, as the numpy sweep the compiled one replaced. Not used by
the package. ``branches`` counts which paths a run took, so that a test can show it
exercised them.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np

from ecosystem.analysis.core_periphery import discrete
from ecosystem.analysis.core_periphery._edges import _VARIANCE_TOL

D = discrete.CP_IDEAL
TOL = discrete._IMPROVEMENT_TOL


class ReferenceSearch:
    """One partition under local search: block statistics, fit, and each vertex's strength into the core."""

    def __init__(self, g: discrete._Graph, core: np.ndarray, branches: Counter):
        self.g, self.branches = g, branches
        e = g.e
        # Each vertex's neighbours and tie strengths in edge-list order: as src, then as dst.
        self.adjacency = [[] for _ in range(g.n)]
        for u, v, w in zip(e.src.tolist() + e.dst.tolist(), e.dst.tolist() + e.src.tolist(), e.w.tolist() * 2):
            self.adjacency[u].append((v, w))
        self.core = core.tolist()
        self.in_c = [0.0] * g.n          # summed one by one (Python 3.12's sum() compensates rounding)
        for v, nbrs in enumerate(self.adjacency):
            for u, w in nbrs:
                if core[u]:
                    self.in_c[v] += w
        self.stats = discrete._partition_stats(e, core)
        self.fit = discrete._fit_scalar(g.tot, *self.stats)
        self.strength = g.strength.tolist()

    def size_terms(self, n_c: float) -> tuple[float, float]:
        """Sum of the ideal pattern and r's denominator (0.0 when undefined) at core size ``n_c``."""
        tot = self.g.tot
        n_p = self.g.n - n_c
        cells_cc = n_c * (n_c - 1) / 2
        cells_cp = n_c * n_p
        sum_ideal = cells_cc + D * cells_cp
        sum_ideal2 = cells_cc + D * D * cells_cp
        var_a = tot.cells * tot.q - tot.s**2
        var_ideal = tot.cells * sum_ideal2 - sum_ideal**2
        ok = var_a > _VARIANCE_TOL * tot.cells * tot.q and var_ideal > _VARIANCE_TOL * (tot.cells * sum_ideal2)
        return sum_ideal, math.sqrt(var_a * var_ideal) if ok else 0.0

    def move_fits(self, skip) -> list[float]:
        """Fit after moving each vertex alone (-inf where ``skip`` or undefined)."""
        tot = self.g.tot
        n_c, _, s_cc, s_pp = self.stats
        num0 = tot.cells * (s_cc + D * (tot.s - s_cc - s_pp))
        lines = []
        for size, slope in ((n_c + 1.0, 1.0), (n_c - 1.0, -1.0)):   # joining, leaving
            sum_ideal, den = self.size_terms(size)
            lines.append((tot.cells * slope / den, (num0 - tot.s * sum_ideal) / den) if den else None)
        fits = []
        for v in range(self.g.n):
            line = lines[1] if self.core[v] else lines[0]
            if skip[v] or line is None:
                fits.append(-math.inf)
            else:
                gain = D * self.strength[v] + (1 - 2 * D) * self.in_c[v]
                fits.append(line[0] * gain + line[1])
        return fits

    def move(self, v: int, threshold: float = -math.inf) -> bool:
        """Move ``v`` to the other block if the fit after the move exceeds ``threshold``."""
        tot = self.g.tot
        sign = -1.0 if self.core[v] else 1.0
        kc = self.in_c[v]
        kp = self.strength[v] - kc
        n_c, n_p, s_cc, s_pp = self.stats
        n_c, n_p, s_cc, s_pp = n_c + sign, n_p - sign, s_cc + sign * kc, s_pp - sign * kp
        sum_ideal, den = self.size_terms(n_c)
        num = tot.cells * (s_cc + D * (tot.s - s_cc - s_pp)) - tot.s * sum_ideal
        fit = num / den if den else -math.inf
        if threshold > -math.inf and not fit > threshold:
            self.branches["greedy move rejected on re-check"] += 1
            return False
        self.stats, self.fit = [n_c, n_p, s_cc, s_pp], fit
        self.core[v] = not self.core[v]
        self.branches["high-degree move" if len(self.adjacency[v]) > 24 else "move"] += 1
        for u, w in self.adjacency[v]:
            self.in_c[u] += sign * w        # sign * w is exact: the same sum as += w or -= w
        return True

    def greedy_pass(self) -> bool:
        fits = self.move_fits(self.g.frozen.tolist())
        better = [v for v in range(self.g.n) if fits[v] > self.fit + TOL]
        if len({fits[v] for v in better}) < len(better):
            self.branches["greedy candidates with equal fits"] += 1
        moved = False
        for v in sorted(better, key=lambda v: -fits[v]):      # sorted() is stable
            moved = self.move(v, self.fit + TOL) or moved
        return moved

    def kernighan_lin_pass(self) -> bool:
        start = (list(self.core), list(self.in_c), list(self.stats), self.fit)
        locked = self.g.frozen.tolist()
        sequence, best_fit, best_len = [], self.fit, 0
        for _ in range(self.g.depth):
            fits = self.move_fits(locked)
            best = max(fits)
            if best == -math.inf:
                break
            if fits.count(best) > 1:
                self.branches["Kernighan-Lin step among equal fits"] += 1
            v = fits.index(best)
            self.move(v)
            locked[v] = True
            sequence.append(v)
            if self.fit > best_fit + TOL:
                best_fit, best_len = self.fit, len(sequence)
        if best_len < len(sequence) - best_len:
            self.branches["Kernighan-Lin restore and replay"] += 1
            self.core, self.in_c, self.stats, self.fit = list(start[0]), list(start[1]), list(start[2]), start[3]
            for v in sequence[:best_len]:
                self.move(v)
        else:
            self.branches["Kernighan-Lin undo"] += 1
            for v in reversed(sequence[best_len:]):
                self.move(v)
        return best_len > 0


def _fit_array(tot, *stats) -> np.ndarray:
    """``discrete._fit_scalar`` on arrays: one r per element of the statistics arrays."""
    num, var_a, var_ideal, scale = discrete._fit_terms(tot, *stats)
    ok = discrete._valid(tot, var_ideal, scale) & np.ones(np.shape(num), dtype=bool)
    out = np.full(np.shape(num), -np.inf)
    out[ok] = num[ok] / np.sqrt(var_a * var_ideal[ok])
    return out


def reference_degree_seeded_core(e, movable: np.ndarray) -> np.ndarray:
    """The degree-seeded start with numpy: the best core among the prefixes of the vertices sorted by strength.

    The vertex of rank k joins the core at step k + 1.  An edge is core-core
    from the step its later endpoint joins and periphery-periphery until its
    earlier endpoint joins, so cumulative sums over edge ranks give the
    statistics of every prefix at once.
    """
    n = e.n
    strength = e.strength()
    cand = np.flatnonzero(movable)
    cand = cand[np.argsort(-strength[cand], kind="stable")]
    k_max = len(cand)
    rank = np.full(n, k_max)  # immovable vertices never join
    rank[cand] = np.arange(k_max)
    r_lo = np.minimum(rank[e.src], rank[e.dst])
    r_hi = np.maximum(rank[e.src], rank[e.dst])
    w = e.w

    def core_core(x):  # sum of x over edges with r_hi < k, for k = 0..k_max
        return np.concatenate([[0.0], np.cumsum(np.bincount(r_hi, x, k_max + 1))[:-1]])

    def periphery_periphery(x):  # sum of x over edges with r_lo >= k
        return np.cumsum(np.bincount(r_lo, x, k_max + 1)[::-1])[::-1]

    k = np.arange(k_max + 1, dtype=float)  # core size
    fits = _fit_array(discrete._Totals.of(e), k, n - k, core_core(w), periphery_periphery(w))
    core = np.zeros(n, dtype=bool)
    core[cand[: int(np.argmax(fits))]] = True
    return core


def reference_local_searches(g: discrete._Graph, starts: np.ndarray, branches: Counter):
    """Each start's final partition and its running ``[n_c, n_p, S_cc, S_pp, fit]`` (in order, sharing the failed-pass partitions)."""
    stuck, out, stats = set(), [], []
    for start in starts:
        search = ReferenceSearch(g, start, branches)
        for _ in range(discrete._MAX_PASSES):
            while search.greedy_pass():
                pass
            key = tuple(search.core)
            if key in stuck:
                branches["stopped at a known failed partition"] += 1
                break
            if not search.kernighan_lin_pass():
                stuck.add(key)
                break
            branches["Kernighan-Lin pass improved"] += 1
        out.append(search.core)
        stats.append(search.stats + [search.fit])
    return np.array(out, dtype=bool), np.array(stats)
