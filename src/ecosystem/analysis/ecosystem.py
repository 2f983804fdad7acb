"""Run every analysis on a validated region: the analyse stage of the pipeline.

load (io) -> analyse (this module) -> render (render/) -> write (io/outputs).
The result is one :class:`Analysis` object that renderers read; nothing here
formats text or touches files.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Region
from .centrality import Centralities, centralities
from .core_periphery import (ContinuousCorePeriphery, DiscreteCorePeriphery, continuous_core_periphery,
                             discrete_core_periphery, kcore)
from .groups import GroupPosition, group_positions
from .network import TieNetwork, build_network
from .orchestrator import Orchestrators, orchestrator_scores


@dataclass(frozen=True)
class Analysis:
    region: Region
    network: TieNetwork
    centralities: Centralities
    coreness: ContinuousCorePeriphery
    core: DiscreteCorePeriphery
    kcore: np.ndarray
    orchestrators: Orchestrators
    groups: list[GroupPosition]
    seed: int


def analyse_region(region: Region, seed: int = 0) -> Analysis:
    """Compute centralities, core/periphery, orchestrator candidates and group positions."""
    net = build_network(region)
    cent = centralities(net)
    continuous = continuous_core_periphery(net.ties, "weight", seed=seed)
    discrete = discrete_core_periphery(net.ties, "weight", seed=seed)
    orchestrators = orchestrator_scores(net, continuous.coreness, cent.betweenness)
    return Analysis(region, net, cent, continuous, discrete, kcore(net.ties), orchestrators,
                    group_positions(net.groups, discrete.core), seed)
