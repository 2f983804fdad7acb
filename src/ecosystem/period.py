"""Relations in time: which relations count in a given year.

A relation may carry ``since`` and ``until``: a year such as ``2021``, a month
``2021-03``, or a date such as ``2021-03-01`` or ``01-03-2021``, optionally with a
time of day (``2021-03-01 14:30``, ``2021-03-01T14:30:00``, as Excel and other
programs write dates). A date must exist: ``2020-13-45`` is an error, not 2020.
Only the year is used: a relation counts in year ``Y`` when ``since`` is empty or
its year is at most ``Y``, and ``until`` is empty or its year is at least ``Y``.
A relation that starts or ends during ``Y`` therefore counts in ``Y``. Empty
dates mean "always": a relation without dates counts in every year.
"""
from __future__ import annotations

import datetime
import re

from .model import Relation

_TIME = r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})" + _TIME + r")?)?$")
_DUTCH = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})" + _TIME + r"$")


def date_year(text: str) -> int | None:
    """The year of a ``since``/``until`` cell, or None when it is empty.

    Parameters
    ----------
    text : str
        ``2021``, ``2021-03``, ``2021-03-01``, ``2021-03-01 14:30:00``, ``2021-03-01T14:30``
        or ``01-03-2021`` (day-month-year, as Dutch Excel writes it).

    Returns
    -------
    int or None

    Raises
    ------
    ValueError
        When ``text`` is not one of these forms or names a date or time that does not exist.
    """
    text = text.strip()
    if not text:
        return None
    iso, dutch = _ISO.match(text), _DUTCH.match(text)
    if iso:
        year, month, day, *time = iso.groups()
    elif dutch:
        day, month, year, *time = dutch.groups()
    else:
        raise ValueError(f"not a year or date: {text!r}")
    datetime.date(int(year), int(month or 1), int(day or 1))          # raises for 2020-13-45
    datetime.time(*(int(part or 0) for part in time))                  # raises for 25:61
    return int(year)


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


def ended_before_last(relations: tuple[Relation, ...] | list[Relation]) -> tuple[int, int | None]:
    """How many relations ended (their ``until`` year) before the latest year written in the data, and that year.

    Without a year every relation counts, these too: the network is then no network of any one year.
    ``(0, None)`` when nothing is dated.
    """
    years = dated_years(relations)
    if not years:
        return 0, None
    last = years[-1]
    return sum(1 for r in relations if (y := date_year(r.until)) is not None and y < last), last
