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


def _run_on_terminal(args: list[str]) -> str:
    """Run the CLI with stderr on a pseudo-terminal (100 columns); return what the terminal showed."""
    import fcntl
    import pty
    import struct
    import termios

    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "ecosystem", *args], stdout=subprocess.DEVNULL,
                            stderr=child_fd, env={**os.environ, "ECOSYSTEM_WORKERS": "2"})
    os.close(child_fd)
    shown = b""
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:           # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    proc.wait()
    os.close(main_fd)
    assert proc.returncode == 0
    return shown.decode("utf-8", "replace")


@pytest.mark.parametrize("quiet", [False, True])
def test_progress_bar_on_a_terminal_only_and_not_under_quiet(tmp_path, quiet):
    """Issue 10: a progress bar on stderr for steps over about two seconds; none under --quiet,
    and none when stderr is not a terminal (every other test runs that way and sees none)."""
    from bench_region import slow_region

    region = slow_region(tmp_path / "region")
    shown = _run_on_terminal(["analyse", str(region), "--out", str(tmp_path / "out"), "--bootstrap", "60",
                              "--null-samples", "5", *(["--quiet"] if quiet else [])])
    assert ("hoe zeker (herhalingen)" in shown) is not quiet, shown[-500:]
