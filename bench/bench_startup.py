"""Benchmark what a run pays before it computes anything: loading the compiled kernels, the render
stage's imports, and reading the package's bytecode against compiling its source.

Usage::

    python bench/bench_startup.py                                   # this checkout
    PYTHONPATH=<other checkout>/src python bench/bench_startup.py   # another version, to compare
    python bench/bench_startup.py --cold                            # also: compiling the kernels, empty cache

Each measure is the CPU seconds of a fresh process (best of ``--repeat``), between two speed probes
(bench.py's): numpy's import as a whole process (its threads included) with OpenBLAS's own thread count
and with the one thread the command asks for (``cli.BLAS_THREADS``), the kernels (``analysis._compiled.load_kernels``: numba's import and the machine code's
load, with numpy and igraph imported before), the render stage's imports (``api._import_render_stage``),
and importing every module of the package from a copy of it without bytecode, then with it
(``NUMBA_DISABLE_JIT`` there, so no kernel is compiled: the difference is the source's compile, which
bench.py spares its timed runs by writing the bytecode first).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import speed_probe  # noqa: E402

KERNELS = ("import time, numpy, igraph\nt = time.process_time()\n"
           "from ecosystem.analysis._compiled import load_kernels\nload_kernels()\n"
           "print(time.process_time() - t)")
RENDER_IMPORTS = ("import time\nfrom ecosystem import cli\ncli._igraph_without_pyplot()\nimport ecosystem.api as api\n"
                  "t = time.process_time()\napi._import_render_stage()\nprint(time.process_time() - t)")
EVERY_MODULE = ("import importlib, pkgutil, time\nt = time.process_time()\nimport ecosystem\n"
                "for m in pkgutil.walk_packages(ecosystem.__path__, 'ecosystem.'):\n"
                "    if not m.name.endswith('__main__'):\n        importlib.import_module(m.name)\n"
                "print(time.process_time() - t)")


def cpu(script: str, repeat: int, env: dict | None = None) -> float:
    """The least CPU seconds ``script`` prints over ``repeat`` fresh processes."""
    runs = [float(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                                 env={**os.environ, **(env or {})}).stdout.split()[-1]) for _ in range(repeat)]
    return min(runs)


def process_cpu(script: str, repeat: int, env: dict | None = None) -> float:
    """The least CPU seconds (user + system, every thread) of a fresh process running ``script``, over ``repeat``."""
    runs = []
    for _ in range(repeat):
        child = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(child.pid, 0)
        if status:
            raise RuntimeError(f"{script!r} failed")
        runs.append(usage.ru_utime + usage.ru_stime)
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="also compile the kernels with an empty numba cache")
    options = parser.parse_args()
    import ecosystem

    package = Path(ecosystem.__file__).parent
    print(f"package: {package}")
    print(f"speed probe at start: {speed_probe()}")
    from ecosystem.cli import BLAS_THREADS

    print(f"numpy's import: {process_cpu('import numpy', options.repeat):.3f} CPU s, "
          f"with {BLAS_THREADS}: {process_cpu('import numpy', options.repeat, BLAS_THREADS):.3f} CPU s")
    # The rest as the command runs: with its BLAS thread count (OpenBLAS's threads would add their start-up).
    print(f"kernels loaded (numba's import included): {cpu(KERNELS, options.repeat, BLAS_THREADS):.3f} CPU s")
    print(f"render stage's imports: {cpu(RENDER_IMPORTS, options.repeat, BLAS_THREADS):.3f} CPU s")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(package, Path(tmp) / "ecosystem", ignore=shutil.ignore_patterns("__pycache__"))
        env = {"PYTHONPATH": tmp, "NUMBA_DISABLE_JIT": "1", "PYTHONDONTWRITEBYTECODE": "1", **BLAS_THREADS}
        source = cpu(EVERY_MODULE, options.repeat, env)
        subprocess.run([sys.executable, "-m", "compileall", "-q", tmp], check=True)
        bytecode = cpu(EVERY_MODULE, options.repeat, env)
        modules = int(subprocess.run(
            [sys.executable, "-c", "import pkgutil, ecosystem\n"
             "print(sum(1 for m in pkgutil.walk_packages(ecosystem.__path__, 'ecosystem.')"
             " if not m.name.endswith('__main__')))"],
            capture_output=True, text=True, check=True, env={**os.environ, **env}).stdout)
        print(f"every module ({modules}) from source: {source:.3f} CPU s, from bytecode: {bytecode:.3f} CPU s")
        if options.cold:
            cache = {"NUMBA_CACHE_DIR": str(Path(tmp) / "numba-cache"), **BLAS_THREADS}
            print(f"kernels compiled (empty cache): {cpu(KERNELS, 1, cache):.3f} CPU s")
    print(f"speed probe at the end: {speed_probe()}")


if __name__ == "__main__":
    main()
