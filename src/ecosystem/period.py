"""Relations in time: which relations count in a given year.

A relation may carry ``since`` and ``until`` (a year such as ``2021`` or a date
such as ``2021-03-01``, ``2021-03-01 00:00:00`` from Excel, or ``01-03-2021``;
see ``io.validate``). Only the year is used: a relation counts in year ``Y``
when ``since`` is empty or its year is at most ``Y``, and ``until`` is empty or
its year is at least ``Y``. A relation that starts or ends during ``Y`` therefore
counts in ``Y``. Empty dates mean "always": a relation without dates counts in
every year.
"""
from __future__ import annotations

import re

from .model import Relation

_LEADING_YEAR = re.compile(r"^(\d{4})")
_TRAILING_YEAR = re.compile(r"(\d{4})$")


def date_year(text: str) -> int | None:
    """The year of a ``since``/``until`` cell, or None when it is empty.

    Parameters
    ----------
    text : str
        ``2021``, ``2021-03``, ``2021-03-01``, ``2021-03-01 00:00:00`` or ``01-03-2021``.

    Returns
    -------
    int or None
    """
    text = text.strip()
    if not text:
        return None
    match = _LEADING_YEAR.match(text) or _TRAILING_YEAR.search(text)
    return int(match.group(1)) if match else None


def counts_in(relation: Relation, year: int) -> bool:
    """True when ``relation`` is part of the network in ``year``."""
    since, until = date_year(relation.since), date_year(relation.until)
    return (since is None or since <= year) and (until is None or until >= year)


def relations_in(relations: tuple[Relation, ...] | list[Relation], year: int) -> tuple[Relation, ...]:
    """The relations that count in ``year``, in their original order."""
    return tuple(r for r in relations if counts_in(r, year))


def dated_years(relations: tuple[Relation, ...] | list[Relation]) -> tuple[int, ...]:
    """Every distinct year written in a ``since`` or ``until`` cell, sorted; empty when nothing is dated."""
    years = {date_year(d) for r in relations for d in (r.since, r.until)}
    return tuple(sorted(y for y in years if y is not None))
