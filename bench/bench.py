"""Benchmark: ``ecosystem analyse`` end to end beside the two references of the performance issue.

Usage::

    python bench/bench.py                          # Brabant, then 1,000, 5,000 and 10,000 actors
    python bench/bench.py --sizes 1000 --repeat 3
    python bench/bench.py --sizes 100000 --no-reference --args "--bootstrap 0"

For each synthetic region of N actors (about five relations per actor, a planted
core of government and intermediary actors) it times, in the same run and each in
a fresh process with its imports:

* ``ecosystem analyse`` with default settings (bootstrap, significance tests, every output);
* ``bench/diy_networkx.py``: the pandas + networkx + stock pyvis script a user would write;
* ``bench/plain_igraph.py``: plain sequential igraph calls (weighted betweenness,
  harmonic closeness, eigenvector, coreness);

taking turns (one run of each per round, ``--repeat`` rounds, the best run of each counted, see
:func:`best`), and prints (between two speed probes, see :func:`speed_probe`) a Markdown table with wall-clock and
CPU seconds, the peak memory of ``analyse`` summed over its worker processes (proportional set size:
pages a forked worker shares with its parent count once; measured in a run of its own, so that
reading it does not slow the timed run), and the ratios DIY / ecosystem (target >= 3 at 1,000
actors) and ecosystem / plain igraph (target <= 2 at 5,000 actors). The DIY script is skipped above
10,000 actors (networkx's exact betweenness would take hours).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psutil

HERE = Path(__file__).resolve().parent
GROUPS = ("government", "intermediaries", "employers", "workers", "education", "other")
SHARES = (0.12, 0.13, 0.30, 0.08, 0.27, 0.10)
CORE_TYPES = ("governance", "collaboration", "funding")
PERIPHERY_TYPES = ("delivery", "referral", "representation", "advice")
DIY_LIMIT = 10_000


def synthetic_region(folder: Path, n: int, seed: int = 0) -> Path:
    rng = np.random.default_rng(seed)
    groups = rng.choice(len(GROUPS), size=n, p=SHARES)
    core = (groups <= 1) & (rng.random(n) < 0.5)
    core_ids = np.flatnonzero(core)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "actors.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name", "group", "type", "scale", "region"])
        for i in range(n):
            w.writerow([f"a{i}", f"Actor {i}", GROUPS[groups[i]], "synthetic", "regional", "Synthetica"])
    seen = set()
    with open(folder / "relations.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "target", "type", "weight"])
        for i in range(n):
            for _ in range(int(rng.integers(1, 10))):   # about five relations per actor
                if core[i] and rng.random() < 0.6:
                    j = int(rng.choice(core_ids))
                    kind = CORE_TYPES[int(rng.integers(len(CORE_TYPES)))]
                elif rng.random() < 0.7 and len(core_ids):
                    j = int(rng.choice(core_ids))
                    kind = PERIPHERY_TYPES[int(rng.integers(len(PERIPHERY_TYPES)))]
                else:
                    j = int(rng.integers(n))
                    kind = PERIPHERY_TYPES[int(rng.integers(len(PERIPHERY_TYPES)))]
                if j == i or (i, j, kind) in seen:
                    continue
                seen.add((i, j, kind))
                w.writerow([f"a{i}", f"a{j}", kind, int(rng.integers(1, 4))])
    return folder


def _memory(process: psutil.Process) -> int:
    """Proportional set size (PSS): a forked worker's pages shared with its parent count once in the sum.

    Resident size (RSS) would count them once per process: a worker forked from a parent of
    1 GB shows 1 GB of RSS before it has allocated anything. RSS where PSS is not available.
    """
    try:
        return process.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return process.memory_info().rss


def _children_cpu() -> float:
    """User + system CPU seconds of this process's finished children (and the children they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path | None = None) -> float:
    """Wall-clock seconds of one command, nothing else running in this process meanwhile.

    Also sets ``timed.cpu``: the CPU seconds of the command and its worker processes, which a
    machine busy with other work does not inflate the way it inflates wall-clock time.
    """
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    elapsed = time.perf_counter() - start
    timed.cpu = _children_cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}")
    return elapsed


def peak_memory(command: list[str], cwd: Path | None = None) -> float:
    """Peak memory (MB, PSS summed over the process and its children) of one more run of ``command``.

    A run of its own: reading every process's PSS twenty times a second costs CPU (the kernel
    walks each process's page tables), which on a small machine would slow the timed run.
    """
    proc = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(_memory(p) for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(command)}")
    return peak / 2**20


def best(commands: dict[str, tuple[list[str], Path | None]], repeat: int) -> dict[str, tuple[float, float]]:
    """Per command (name -> command and working directory), the fastest of ``repeat`` timed runs and that run's
    CPU seconds.

    The commands take turns, one run of each per round, so that on a machine whose speed drifts from minute
    to minute (a shared one) each command meets each speed: a ratio of two best times then compares like with
    like, where running one command three times and then the other three times could time them at different
    speeds (the DIY ratio at 1,000 actors read 2.7× in one such run and 3.0-3.9× in the others).
    """
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, (command, cwd) in commands.items():
            seconds = timed(command, cwd)
            runs[name].append((seconds, timed.cpu))
    return {name: min(times) for name, times in runs.items()}


def row(name: str, region: Path, out: Path, extra: list[str], repeat: int, reference: bool,
        diy_limit: int = DIY_LIMIT) -> str:
    command = [sys.executable, "-m", "ecosystem", "analyse", str(region), "--out", str(out), *extra]
    commands = {"analyse": (command, None)}
    if reference:
        commands["plain"] = ([sys.executable, str(HERE / "plain_igraph.py"), str(region)], None)
        with open(region / "actors.csv", encoding="utf-8", newline="") as fh:
            actors = sum(1 for _ in csv.reader(fh)) - 1
        if actors <= diy_limit:
            # pyvis's stock page writes its lib/ folder into the working directory: keep it in out/.
            commands["diy"] = ([sys.executable, str(HERE / "diy_networkx.py"), str(region), str(out / "diy")], out)
    out.mkdir(parents=True, exist_ok=True)      # the DIY script's working directory
    times = best(commands, repeat)
    seconds, cpu = times["analyse"]
    memory = peak_memory(command)
    summary = json.loads((out / region.name / "summary.json").read_text(encoding="utf-8"))
    stability = summary.get("stability") or {}
    diy = times["diy"][0] if "diy" in times else None
    plain = times["plain"][0] if "plain" in times else None
    cells = [name, f"{summary['actors']:,}", f"{summary['relations']:,}", str(stability.get("samples", 0)),
             _seconds(seconds), f"{cpu:.1f}", f"{memory:,.0f}",
             # Ratios to the hundredth: against a 3x target, 2.99x must not read as 3.0x.
             "–" if diy is None else f"{diy:.1f}", "–" if diy is None else f"{diy / seconds:.2f}×",
             "–" if plain is None else f"{plain:.1f}", "–" if plain is None else f"{seconds / plain:.2f}×"]
    return "| " + " | ".join(cells) + " |"


def _seconds(seconds: float) -> str:
    """Seconds as the table prints them: two decimals under 10 s (a target of 2 s is read to the hundredth), else one."""
    return f"{seconds:.2f}" if seconds < 10 else f"{seconds:.1f}"


PROBE = ("import time\nt = time.perf_counter()\ns = 0\nfor i in range(3_000_000):\n    s += i\n"
         "print(time.perf_counter() - t)")


def speed_probe() -> str:
    """How fast this machine runs plain Python now: a loop of 3,000,000 additions alone, then two at once.

    Shared machines change speed from minute to minute (the same code took 2.3 s one hour and 4.2 s
    the next); printed at the start and the end of a run, it says which speed the seconds were measured at.
    """
    def loops(k: int) -> list[float]:
        procs = [subprocess.Popen([sys.executable, "-c", PROBE], stdout=subprocess.PIPE, text=True)
                 for _ in range(k)]
        return [float(p.communicate()[0]) for p in procs]
    alone, pair = loops(1), loops(2)
    return f"{alone[0]:.2f} s alone, {' and '.join(f'{t:.2f}' for t in pair)} s two at once"


def compile_bytecode() -> None:
    """Write the package's bytecode before timing, so that every run times an installed package as a user's
    second run finds it. Where PYTHONDONTWRITEBYTECODE is set (this project's CI machine sets it), Python
    would otherwise compile the package's source again in every timed run (``python bench/bench_startup.py``
    measures it: about 0.1 CPU s for every module of the package)."""
    import ecosystem

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(ecosystem.__file__).parent)], check=True,
                   env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 10000],
                        help="synthetic regions to time (none: only the Brabant example)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--args", default="", help="extra arguments for `ecosystem analyse`")
    parser.add_argument("--no-brabant", action="store_true", help="skip the Brabant example row")
    parser.add_argument("--no-reference", action="store_true", help="skip the DIY and plain igraph references")
    parser.add_argument("--no-diy", action="store_true", help="skip the DIY script (250-290 s at 5,000 actors)")
    options = parser.parse_args()
    extra = options.args.split()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
          f"{platform.python_implementation()} {platform.python_version()}")
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"speed probe at start (plain-Python loop of 3,000,000 additions): {speed_probe()}")
    compile_bytecode()
    print("| region | actors | relations | bootstrap samples | analyse (s) | analyse CPU (s) | peak memory (MB) "
          "| DIY networkx (s) | DIY / analyse | plain igraph (s) | analyse / plain igraph |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        if not options.no_brabant:
            print(row("Brabant example", HERE.parent / "regions" / "brabant", out, extra, options.repeat, False),
                  flush=True)
        for n in options.sizes:
            region = synthetic_region(Path(tmp) / f"synthetic{n}", n)
            print(row(f"synthetic {n:,}", region, out, extra, options.repeat, not options.no_reference,
                      0 if options.no_diy else DIY_LIMIT), flush=True)
    print(f"speed probe at the end: {speed_probe()}")


if __name__ == "__main__":
    main()
