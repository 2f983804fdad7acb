"""Parallel and sequential runs give identical files (issue 10: 'each sample seeded by its index').

Resamples, null networks and layers run in worker processes (ecosystem.parallel); each is a
pure function of its index, so the number of workers must not change a single byte.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import FIXTURES

FILES = ("summary.json", "actors.csv", "layers.csv", "map.html", "report.html", "network.graphml",
         "network.gexf")


def _run(region, out, workers: int) -> None:
    env = {**os.environ, "ECOSYSTEM_WORKERS": str(workers)}
    subprocess.run([sys.executable, "-m", "ecosystem", "analyse", str(region), "--out", str(out),
                    "--bootstrap", "12", "--null-samples", "9"], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.parametrize("workers", [2, 5])
def test_workers_do_not_change_any_file(tmp_path, workers):
    region = FIXTURES / "small"
    _run(region, tmp_path / "one", 1)
    _run(region, tmp_path / "many", workers)
    for name in FILES:
        one = (tmp_path / "one" / "small" / name).read_bytes()
        many = (tmp_path / "many" / "small" / name).read_bytes()
        assert one == many, name


def test_pool_map_keeps_order_and_runs_in_workers():
    from ecosystem.parallel import pool_map

    pids = pool_map(lambda i: (i * i, os.getpid()), range(40), workers=2)
    assert [square for square, _ in pids] == [i * i for i in range(40)]
    assert os.getpid() not in {pid for _, pid in pids}          # the work left this process
    assert pool_map(lambda i: i + 1, range(3), workers=2) == [1, 2, 3]   # a few tasks run here
