"""How the compiled kernels (core/periphery searches, the null model's rewiring, shortest-path sums) are compiled: numba, cached on disk, never fast-math.

``cache=True`` keeps the machine code on disk (next to the kernel's source, else in the
user's cache directory), so the compile happens once per machine. Where numba finds no
cache directory it can write (a read-only install, a locked-down municipal laptop), it
raises when the function is decorated; the kernel then compiles once per process instead.
No ``fastmath``: it would let the compiler reorder or fuse (FMA) floating-point operations,
and the kernels' results are defined by the order of their operations (tests/ check the
machine code).
"""
from __future__ import annotations


def load_kernels() -> None:
    """Load every compiled kernel into this process (compiling it where numba's cache has none).

    The core/periphery searches and the null model's double edge swaps
    (:func:`.core_periphery.load_compiled`) and the shortest-path
    sums (:mod:`._path_search`, loaded by its import). Call it before forking worker processes:
    the children then inherit numba and the machine code instead of each importing numba and
    loading (or, with an empty cache, compiling) the kernels again. Commands that analyse
    nothing never call it, so they never import numba.
    """
    from ..parallel import frozen_heap

    with frozen_heap():       # numba's import makes many objects: not a reason to scan the older ones again
        from . import _path_search  # noqa: F401  (its one signature is loaded when it is imported)
        from .core_periphery import load_compiled

        load_compiled()


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
