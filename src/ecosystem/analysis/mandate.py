"""The orchestrator's mandate: seats at the bestuurlijke tafels, money, and a formal role.

Thunnissen (2021) finds the regierol of the Brabant LLO ecosystem with the
centrumgemeenten: they sit with werkgevers and vakbonden in the regional
arbeidsmarktbesturen, the broad centre consists of 'actoren die beschikken over
financiële middelen en/of wettelijke bevoegdheden', and 'in de praktijk ligt ook
voor LLO de regierol bij de centrumgemeenten'. Three signals in the region data
stand for that mandate, each scaled to [0, 1]:

* tables: half the number of bestuurlijke tafels the actor sits at (relative to
  the actor at most tables), half the share of the key groups present that it
  meets there (among the other members of its tables);
* funding: the summed weight of its outgoing funding relations, relative to the
  largest funder;
* role: the formal role from the optional actor column `role` (vocab.ROLES).

The mandate part is the mean of the signals the data records, i.e. on which at
least one actor scores above 0, so a region without a `role` column is scored on
tables and funding alone (docs/methods.md §9).

References
----------
Thunnissen, M. (2021). Een leven lang ontwikkelen: een verkennend onderzoek naar regionale samenwerking.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Region
from ..vocab import KEY_GROUPS, ROLES
from .layers import governance_tables
from .orchestrator import relative_to_max

SIGNALS = ("tables", "funding", "role")


@dataclass(frozen=True)
class Mandate:
    part: np.ndarray                          # per actor, in [0, 1]: mean of the used signals
    signals: dict[str, np.ndarray]            # 'tables', 'funding', 'role': each in [0, 1]
    used: tuple[str, ...]                     # signals the data records (some actor above 0)
    tables: np.ndarray                        # number of bestuurlijke tafels the actor sits at
    groups_met: tuple[tuple[str, ...], ...]   # key groups among the other members of its tables
    funded: np.ndarray                        # number of organisations it funds
    funding: np.ndarray                       # summed weight of its outgoing funding relations
    roles: tuple[str, ...]                    # canonical role key or ""

    @property
    def weights(self) -> dict[str, float]:
        """Weight of each used signal inside the mandate part (equal, summing to 1)."""
        return {s: 1.0 / len(self.used) for s in self.used}



def mandate_parts(region: Region) -> Mandate:
    """Compute every actor's mandate signals and the mandate part of the orchestrator score.

    Parameters
    ----------
    region : Region
        Governance relations give the tables (``layers.governance_tables``), funding
        relations the money (source = funder, weight counted), ``Actor.role`` the role.

    Returns
    -------
    Mandate
        With ``part`` all 0 when the data records none of the three signals.

    References
    ----------
    Thunnissen (2021), the regierol of the centrumgemeenten; docs/methods.md §9.
    """
    n = len(region.actors)
    groups = [a.group for a in region.actors]
    present = [g for g in KEY_GROUPS if g in set(groups)]
    seats = np.zeros(n)
    met: list[set[str]] = [set() for _ in range(n)]
    for members in governance_tables(region):
        for v in members:
            seats[v] += 1
            met[v] |= {groups[u] for u in members if u != v}
    groups_met = tuple(tuple(g for g in KEY_GROUPS if g in m) for m in met)
    share_met = np.array([len(m) / len(present) if present else 0.0 for m in groups_met])
    tables = (relative_to_max(seats) + share_met) / 2.0

    index = {a.id: i for i, a in enumerate(region.actors)}
    funding = np.zeros(n)
    funded: list[set[int]] = [set() for _ in range(n)]
    for r in region.relations:
        if r.type == "funding":
            funding[index[r.source]] += r.weight
            funded[index[r.source]].add(index[r.target])

    roles = tuple(a.role for a in region.actors)
    signals = {"tables": tables, "funding": relative_to_max(funding),
               "role": np.array([ROLES.get(r, 0.0) for r in roles])}
    used = tuple(s for s in SIGNALS if np.any(signals[s] > 0))
    part = sum((signals[s] for s in used), np.zeros(n)) / len(used) if used else np.zeros(n)
    return Mandate(part, signals, used, seats.astype(int), groups_met,
                   np.array([len(f) for f in funded], dtype=int), funding, roles)
