"""How the compiled kernels (core/periphery searches, the null model's rewiring, shortest-path sums, hop-distance pair counts, Beta quantiles) are compiled: numba, cached on disk, never fast-math; or ahead of time.

Callers take a kernel from :func:`kernel`: the ahead-of-time build of the same sources where
``make`` built one (:mod:`._ahead`, which saves the analysing process numba's import and the kernels'
loading, 0.25-0.3 CPU s), else numba's just-in-time kernel as described below.

``cache=True`` keeps the machine code on disk (next to the kernel's source, else in the
user's cache directory), so the compile happens once per machine. Where numba finds no
cache directory it can write (a read-only install, a locked-down municipal laptop), it
raises when the function is decorated; the kernel then compiles once per process instead.
No ``fastmath``: it would let the compiler reorder or fuse (FMA) floating-point operations,
and the kernels' results are defined by the order of their operations (tests/ check the
machine code).
"""
from __future__ import annotations

import hashlib
import importlib
import os
import sys
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

#: Every compiled kernel's entry point: its name -> the module (relative to this package) whose source it is.
KERNELS = {
    "beta_quantiles": "._beta_quantile",
    "path_sums": "._path_search",
    "ordered_pairs_per_hop": "._hop_counts",
    "lowest_reachable": ".core_periphery._pieces",
    "swap_ties": ".core_periphery._degree_swaps",
    "continuous_runs": ".core_periphery._continuous_search",
    "fit": ".core_periphery._discrete_search",
}
#: ``ECOSYSTEM_KERNELS=jit`` in the environment: numba's kernels even where an ahead-of-time build exists.
KERNELS_ENV = "ECOSYSTEM_KERNELS"


def kernel(name: str):
    """The compiled kernel ``name`` (a key of :data:`KERNELS`): from the ahead-of-time build of these very
    sources where there is one (:func:`ahead_of_time`), else numba's (looked up in its module at each call,
    so that a test may replace it there)."""
    built = ahead_of_time()
    if built is not None:
        return getattr(built, name)
    return getattr(importlib.import_module(KERNELS[name], __package__), name)


def ahead_of_time():
    """The kernels compiled ahead of time for the current sources (:mod:`._ahead` builds them), or None.

    None where no such build exists (a stale build, made from other sources, by another numba or for another
    processor, is never used: its module name carries the hash of all three, :func:`sources_key`), or where
    ``ECOSYSTEM_KERNELS=jit`` asks for numba's. The build's functions are the same source compiled by the
    same compiler without fast-math, as numba's: tests/test_ahead.py checks that both give the same files.
    """
    if os.environ.get(KERNELS_ENV) == "jit":
        return None
    return _built(sources_key())


@lru_cache(maxsize=4)
def _built(key: str):
    try:
        return importlib.import_module(f"{__package__}.{built_name(key)}")
    except ImportError:
        return None


def built_name(key: str) -> str:
    """The module name of the ahead-of-time build of the sources with hash ``key``."""
    return f"_kernels_{key}"


@lru_cache(maxsize=1)
def sources_key() -> str:
    """A hash of everything the kernels' machine code is made from: the kernel modules, this module (the
    compiler's flags), :mod:`._ahead` (the build's), the compiler's version (:func:`_compiler`) and the
    machine's processor (:func:`_processor`: the build is compiled for the processor it is built on, as
    numba's kernels are). Read once per process, in about a millisecond."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(_processor() + b"\0" + _compiler())
    files = sorted({f"{module.lstrip('.').replace('.', '/')}.py" for module in KERNELS.values()}
                   | {"_compiled.py", "_ahead.py"})
    for name in files:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _compiler() -> bytes:
    """numba's and llvmlite's version files, read without importing either: after an upgrade of the compiler
    the build made by the old one is not loaded (numba's kernels run, compiled by the new one, until ``make``
    builds again)."""
    from importlib.util import find_spec

    versions = b""
    for package in ("numba", "llvmlite"):
        spec = find_spec(package)
        folders = list(spec.submodule_search_locations or ()) if spec is not None else []
        for folder in folders:
            version = Path(folder) / "_version.py"
            versions += package.encode() + b"\0" + (version.read_bytes() if version.exists() else b"") + b"\0"
    return versions


def _processor() -> bytes:
    """The processor's model and instruction set extensions (Linux's /proc/cpuinfo; elsewhere Python's
    ``platform``): a build compiled for one processor is never loaded on another, which might lack an
    instruction it uses."""
    try:
        lines = Path("/proc/cpuinfo").read_text(errors="replace").splitlines()
    except OSError:
        import platform

        return f"{platform.machine()}\n{platform.processor()}".encode()
    wanted = ("model name", "flags", "Features", "CPU implementer", "CPU part")
    return "\n".join(sorted({line for line in lines if line.startswith(wanted)})).encode()


def load_kernels() -> None:
    """Load every compiled kernel into this process: the ahead-of-time build's module where there is one
    (:func:`ahead_of_time`; then numba is not imported at all), else numba's kernels (compiling them where
    numba's cache has none).

    The core/periphery searches and the null model's double edge swaps
    (:func:`.core_periphery.load_compiled`), the shortest-path sums (:mod:`._path_search`), the
    hop-distance pair counts of the key players (:mod:`._hop_counts`) and the Beta quantiles of the
    stability intervals (:mod:`._beta_quantile`), these three loaded by their import. Call it
    before forking worker processes: the children then inherit numba and the machine code instead
    of each importing numba and loading (or, with an empty cache, compiling) the kernels again. Commands that analyse nothing never call it, so they never
    import numba; nor does it import scipy.linalg or scipy.special (:func:`_without_blas_probe`; numba's
    own version check imports the top-level scipy package, about 15 ms, when it is installed), nor, where
    the cache has every kernel, the parts of numba that only compiling needs (:func:`_lean_cache_loads`).
    """
    if ahead_of_time() is not None:     # loaded: the build's module needs neither numba nor its cache
        return
    from ..parallel import frozen_heap

    # numba's import makes many objects: not a reason to scan the older ones again
    with frozen_heap(), _without_blas_probe(), _lean_cache_loads():
        from . import _beta_quantile, _hop_counts, _path_search  # noqa: F401  (their one signature is loaded on import)
        from .core_periphery import load_compiled

        load_compiled()


BLAS_PROBE = "scipy.linalg.cython_blas"


@contextmanager
def _without_blas_probe():
    """Within: importing scipy's BLAS (:data:`BLAS_PROBE`) fails at once, unless it was imported before.

    When numba sets up its numpy support (at the first kernel it loads), ``numba.np.arraymath``
    probes for scipy's BLAS, which it needs for ``np.dot`` and ``np.linalg`` inside kernels; the
    probe imports scipy.linalg: 0.1-0.25 CPU s with scipy 1.17, in every analysing process, where
    nothing else imports scipy. No kernel here uses BLAS, so the probe is answered "absent" (a
    ``None`` in ``sys.modules`` makes an import raise ImportError, which numba reads as "no BLAS").
    A kernel that did use BLAS would fail to compile with numba's "scipy 0.16+ is required for
    linear algebra" (the test suite compiles every kernel). numba reads the answer once per process
    (``numba.np.arraymath._HAVE_BLAS`` stays False: its own inner products then take the plain loop,
    which no kernel here calls). Afterwards scipy imports as usual.
    """
    if BLAS_PROBE in sys.modules:
        yield
        return
    sys.modules[BLAS_PROBE] = None
    try:
        yield
    finally:
        if BLAS_PROBE in sys.modules and sys.modules[BLAS_PROBE] is None:
            del sys.modules[BLAS_PROBE]


@contextmanager
def _lean_cache_loads():
    """Within: a kernel found in numba's cache is loaded without first loading numba's compiler registries.

    Before it loads cached machine code, numba refreshes its target context
    (``numba.core.caching.Cache.load_overload``): that imports and installs the typing and lowering
    registries of everything numba can compile (about sixty modules: numpy's linear algebra and random
    generators, typed containers, jitclass...), 0.1-0.15 CPU s in the analysing process, before it can
    fork its workers. Loading machine code needs none of them: it needs the runtime's C functions
    (``rtsys.initialize``, the part of the refresh kept here). Compiling does need them, and numba's
    compiler refreshes the context itself (``numba.core.compiler.CompilerBase``), so a cache miss
    compiles as before. Should a load without the refresh fail in any way, numba's own load runs
    instead (refresh, then load); and where numba's internals are not as expected this does nothing.
    """
    try:
        from numba.core.caching import Cache
        from numba.core.runtime import rtsys
    except ImportError:
        yield
        return
    full = Cache.__dict__.get("load_overload")
    if full is None or not hasattr(Cache, "_load_overload") or not hasattr(Cache, "_guard_against_spurious_io_errors"):
        yield
        return

    def lean(self, sig, target_context):
        try:
            rtsys.initialize(target_context)
            with self._guard_against_spurious_io_errors():
                return self._load_overload(sig, target_context)
        except Exception:       # anything numba's own load would have avoided: let it load as it does
            return full(self, sig, target_context)

    Cache.load_overload = lean
    try:
        yield
    finally:
        Cache.load_overload = full


def cached_njit(signature=None):
    """A decorator: ``njit(signature, cache=True)``, or without the cache where numba cannot cache.

    Parameters
    ----------
    signature : numba signature or None
        The one signature to compile for when the module is imported (so a process that
        imports the kernel before forking hands the machine code to its workers), or None
        to compile on the first call.
    """
    from numba import njit

    def decorate(fn):
        args = () if signature is None else (signature,)
        try:
            return njit(*args, cache=True)(fn)
        except RuntimeError:          # "cannot cache function ...: no locator available"
            return njit(*args)(fn)
    return decorate
