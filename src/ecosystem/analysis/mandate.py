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
from itertools import chain

import numpy as np

from ..model import Region
from ..vocab import KEY_GROUPS, ROLES
from .groups import key_bits, key_group_shares, spelled
from .layers import tables_of
from .network import relation_arrays
from .orchestrator import present_key_groups, relative_to_max

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
    arrays = relation_arrays(region)
    governance, funds = arrays.of_type("governance"), arrays.of_type("funding")
    roles = tuple(a.role for a in region.actors)
    part, signals, used, seats, met, funding = _mandate(
        n, key_bits(arrays.groups), len(present_key_groups(arrays.groups)),
        arrays.src[governance], arrays.dst[governance], arrays.src[funds], arrays.weight[funds], role_signal(roles))
    # How many organisations each actor funds: distinct targets of its funding relations.
    funder, _ = np.divmod(np.unique(arrays.src[funds] * max(n, 1) + arrays.dst[funds]), max(n, 1))
    return Mandate(part, signals, used, seats.astype(int), tuple(spelled(m) for m in met.tolist()),
                   np.bincount(funder, minlength=n).astype(int), funding, roles)


def role_signal(roles: tuple[str, ...]) -> np.ndarray:
    """The role signal per actor (vocab.ROLES; 0 for no role)."""
    return np.array([ROLES.get(r, 0.0) for r in roles])


def mandate_part(n: int, bits: np.ndarray, present: int, governance_src: np.ndarray, governance_dst: np.ndarray,
                 funding_src: np.ndarray, funding_weight: np.ndarray, roles: np.ndarray) -> np.ndarray:
    """``mandate_parts(region).part`` from arrays: the bootstrap's resamples read only the part.

    ``bits``: ``groups.key_bits`` per actor; ``present``: the number of key groups with an actor;
    the source and target actor of each governance relation, the funder and weight of each
    funding relation (in row order); ``roles``: :func:`role_signal`.
    """
    return _mandate(n, bits, present, governance_src, governance_dst, funding_src, funding_weight, roles)[0]


def _mandate(n, bits, present, governance_src, governance_dst, funding_src, funding_weight, roles):
    """The part, signals, used signals, seats, key groups met (bit masks) and funding of :func:`mandate_parts`."""
    tables = [sorted(t) for t in tables_of(n, governance_src, governance_dst)]
    seats = np.zeros(n)
    met = np.zeros(n, dtype=np.int64)
    if tables:
        members = np.fromiter(chain.from_iterable(tables), dtype=np.int64)
        table = np.repeat(np.arange(len(tables)), [len(t) for t in tables])
        seats = np.bincount(members, minlength=n).astype(float)
        # Per table, how many members each key group has; a member meets the groups of the *other* members,
        # so its own group counts only when another member shares it.
        per_group = np.zeros((len(tables), len(KEY_GROUPS) + 1), dtype=np.int64)
        group = np.where(bits[members] > 0, np.log2(np.maximum(bits[members], 1)).astype(np.int64), len(KEY_GROUPS))
        np.add.at(per_group, (table, group), 1)
        table_mask = (per_group[:, :-1] > 0) @ (1 << np.arange(len(KEY_GROUPS), dtype=np.int64))
        alone = per_group[table, group] == 1
        np.bitwise_or.at(met, members, np.where(alone, table_mask[table] & ~bits[members], table_mask[table]))
    share_met = key_group_shares(met, present)
    tables_signal = (relative_to_max(seats) + share_met) / 2.0

    funding = np.zeros(n)
    np.add.at(funding, funding_src, funding_weight)      # in row order, as a running sum per funder
    signals = {"tables": tables_signal, "funding": relative_to_max(funding), "role": roles}
    used = tuple(s for s in SIGNALS if np.any(signals[s] > 0))
    part = sum((signals[s] for s in used), np.zeros(n)) / len(used) if used else np.zeros(n)
    return part, signals, used, seats, met, funding
