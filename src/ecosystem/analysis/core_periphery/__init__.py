"""Core/periphery structure of an undirected, weighted network (Borgatti & Everett 1999).

Implements the discrete and the continuous core/periphery models of Borgatti
& Everett (1999), two significance tests of the discrete fit (against random
networks with the same number of ties, and against degree-preserving
rewirings by double edge swaps), the naming of degenerate shapes (complete network, separate
pairs, separate parts) where no core/periphery applies, and the k-core
decomposition as a simple baseline.

Everything works on the network's edge list: the ideal-pattern correlations are
computed from sufficient statistics (sums of ``a`` and ``a**2`` over blocks,
and counts of cells), so no dense n x n matrix is ever built and one
optimisation pass costs O(n + m).  Only numpy is required.

Conventions shared by all functions
-----------------------------------
* ``a_ij`` is the tie strength between vertices i and j: the sum of the weights
  of all edges between them (parallel edges are merged), 0 when there is no
  edge.  Self-loops are dropped: the diagonal is not part of either model.
* ``weights`` names an edge attribute; ``None`` means every edge has weight 1.
  Weights must be finite and non-negative.
* Directed graphs are rejected with ``ValueError``.

References
----------
.. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
   structures. Social Networks, 21(4), 375-395.
   https://doi.org/10.1016/S0378-8733(99)00019-2
.. [2] Batagelj, V., & Zaversnik, M. (2003). An O(m) algorithm for cores
   decomposition of networks. arXiv:cs/0310049.
"""
from .continuous import ContinuousCorePeriphery, continuous_core_periphery
from .discrete import DiscreteCorePeriphery, discrete_core_periphery
from .kcore import kcore, main_core
from .structure import STRUCTURES, Structure, network_structure
from .significance import ALPHA, VERDICTS, CorePeripheryTest, NullTest, core_periphery_test

__all__ = [
    "DiscreteCorePeriphery",
    "ContinuousCorePeriphery",
    "CorePeripheryTest",
    "NullTest",
    "ALPHA",
    "VERDICTS",
    "discrete_core_periphery",
    "continuous_core_periphery",
    "core_periphery_test",
    "kcore",
    "main_core",
    "network_structure",
    "Structure",
    "STRUCTURES",
    "load_compiled",
]


def load_compiled() -> None:
    """Load every compiled core/periphery kernel into this process (compiling it where numba's cache has none).

    Call it before forking worker processes that fit models: the children then inherit numba
    and the machine code instead of each importing numba and loading (or, with an empty
    cache, compiling) the kernels again. Cheap once loaded (one fit of a three-vertex path). Commands that fit no model
    never call it, so they never import numba.
    """
    from . import _degree_swaps, _pieces  # noqa: F401  (the null model's rewiring, the union-find: loaded by their import)
    from .continuous import _kernel as load_continuous
    from .discrete import _load_compiled as load_discrete

    load_discrete()
    load_continuous()
