"""CPU seconds of each process of one ``ecosystem analyse`` run: where a region's CPU time goes.

Usage::

    python bench/process_cpu.py                      # the Brabant example
    python bench/process_cpu.py path/to/region --repeat 3

Runs the command in this process (as ``ecosystem analyse <region> --quiet`` does, outputs in a
temporary folder) and prints, per process it forks, what forked it (the analysing process, the
regions' analyses, the whole network's sample workers, the write stage's workers), its user and
system CPU seconds, its minor page faults (a forked worker copying the pages it touches), when it
was forked and when it ended; then the sum. Each process reports as it exits (``os._exit``, which the command and the
worker processes end with), so nothing is measured from outside and nothing waits for it.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time

# What forked a process, most specific first: the names of functions on the forking stack.
ROLES = (("start_by_region", "arbeidsmarktregio analyses"), ("Tasks", "whole network's samples"),
         ("pool_graph", "write stage"), ("pool_map", "path-measure chunks"), ("beside", "analysing process"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("region", nargs="?", default="brabant")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    for k in range(args.repeat):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:                       # each run in a fresh process, as a user's command
            os.close(read)
            _run(args.region, write)
        os.close(write)
        with os.fdopen(read) as lines:
            rows = [line.split("\t") for line in lines.read().splitlines()]
        os.waitpid(pid, 0)
        _print(rows, k + 1)


def _run(region: str, out: int) -> None:
    start = time.perf_counter()
    role = ["command (start-up, render imports, drawing ahead, writing)"]
    began = [0.0]
    real_exit = os._exit

    def report(code: int) -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        os.write(out, f"{role[0]}\t{usage.ru_utime:.3f}\t{usage.ru_stime:.3f}\t{usage.ru_minflt}\t"
                      f"{began[0]:.3f}\t{time.perf_counter() - start:.3f}\n".encode())
        real_exit(code)

    def forked() -> None:
        began[0] = time.perf_counter() - start
        names, frame = set(), sys._getframe()
        while frame is not None:          # the qualified names on the forking stack (Tasks.__init__, ...)
            names.update(frame.f_code.co_qualname.split("."))
            frame = frame.f_back
        role[0] = next((label for name, label in ROLES if name in names), "other")

    os._exit = report
    os.register_at_fork(after_in_child=forked)
    sys.argv = ["ecosystem", "analyse", region, "--out", tempfile.mkdtemp(), "--quiet"]
    sys.stdout = sys.stderr = open(os.devnull, "w")
    from ecosystem.cli import run
    run()


def _print(rows: list[list[str]], run: int) -> None:
    print(f"run {run}: process | user CPU (s) | system CPU (s) | minor page faults | started at (s) | ended at (s)")
    order = {label: k for k, (_, label) in enumerate(ROLES)}
    for label, user, system, faults, began, ended in sorted(rows, key=lambda r: (order.get(r[0], -1), float(r[4]))):
        print(f"  {label:<60} {float(user):6.2f} {float(system):6.2f} {int(faults):8d} {float(began):6.2f} "
              f"{float(ended):6.2f}")
    print(f"  {'all ' + str(len(rows)) + ' processes':<60} {sum(float(r[1]) for r in rows):6.2f} "
          f"{sum(float(r[2]) for r in rows):6.2f} {sum(int(r[3]) for r in rows):8d} "
          f"{0:6.2f} {max(float(r[5]) for r in rows):6.2f}")


if __name__ == "__main__":
    main()
