"""Compile the kernels ahead of time: one extension module, loaded without numba (``python -m ecosystem.analysis._ahead``).

Every analysing process otherwise imports numba and loads the kernels' machine code from numba's
cache before it can fork its workers: 0.25-0.3 CPU s of a Brabant run, which takes about 3 in all
(docs/performance.md, issue 10). numba's ahead-of-time compiler (:mod:`numba.pycc`) compiles the same
functions, with the same signatures numba's cache holds, into a C extension that imports in under a
millisecond and needs only numpy. ``make`` runs this once per change of the kernels' sources.

The module is named after a hash of the sources it was compiled from, numba's and llvmlite's versions
and the processor (:func:`._compiled.sources_key`), so a build left from other sources, by another compiler
or for another processor is never loaded; an older build in the folder is removed when a new
one is written. Where the build cannot be made (no C compiler, a numba without :mod:`numba.pycc`), the
analysis uses numba's kernels as before: this prints why and exits with status 0, so that ``make run``
goes on. The machine code is compiled for the processor it is built on, as numba's own kernels are (with
numba's ahead-of-time default, a generic processor, the core/periphery fits took a third longer), and the
processor is part of the hash (:func:`._compiled.sources_key`), so the build is not loaded on another. It
has no fused multiply-add (tests/test_ahead.py checks the machine code; numba's kernels keep every
rounding too: no fast-math).
"""
from __future__ import annotations

import importlib
import os
import sys
import sysconfig
import tempfile
import warnings
from pathlib import Path

from ._compiled import KERNELS, built_name, load_kernels, sources_key

__all__ = ["build"]


def build(folder: Path | None = None) -> Path:
    """Compile every kernel of :data:`._compiled.KERNELS` into ``folder`` (this package's own by default) and
    return the module's path; nothing is compiled where the build for these sources exists already.

    The signatures are those numba compiled (or loaded) in this process, read off its dispatchers, so that
    the build takes exactly the arguments the callers pass. Raises what numba's compiler raises.
    """
    folder = Path(folder) if folder is not None else Path(__file__).resolve().parent
    name, suffix = built_name(sources_key()), sysconfig.get_config_var("EXT_SUFFIX")
    target = folder / (name + suffix)
    if target.exists():
        return target
    load_kernels()      # numba's: no build of these sources exists, so their signatures are there to be read
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")      # numba.pycc announces its own deprecation
        from numba.pycc import CC

        compiler = CC(name)
        compiler.target_cpu = "host"         # as numba compiles its own kernels
        for entry, module in KERNELS.items():
            dispatcher = getattr(importlib.import_module(module, __package__), entry)
            if len(dispatcher.signatures) != 1:
                raise RuntimeError(f"{entry}: expected one compiled signature, found {dispatcher.signatures}")
            compiler.export(entry, dispatcher.overloads[dispatcher.signatures[0]].signature)(dispatcher.py_func)
        with tempfile.TemporaryDirectory(dir=folder) as scratch:
            compiler.output_dir = scratch
            compiler.compile()
            built = Path(scratch) / target.name
            os.replace(built, target)        # whole or not at all: a process never imports half a module
    for old in folder.glob("_kernels_*" + suffix):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def main() -> int:
    try:
        path = build()
    except Exception as problem:    # the analysis still runs, on numba's kernels: say why, do not stop make
        print(f"kernels not compiled ahead of time ({type(problem).__name__}: {problem}); "
              "the analysis compiles them with numba instead", file=sys.stderr)
        return 0
    print(f"kernels compiled ahead of time: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
