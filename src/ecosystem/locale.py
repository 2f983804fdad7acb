"""The reader's language: one object for every word and number a coordinator reads.

A :class:`Locale` is made once per run at the doors (:mod:`ecosystem.api` for the outputs,
:mod:`ecosystem.cli` for terminal and error lines) and handed down to the renderers instead of a
bare language code. It looks up text in the one catalogue (:mod:`ecosystem.catalogue`) and formats
numbers, shares, intervals, p-values and dates the way that reader expects, so no renderer decides
wording or number style on its own.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import catalogue, i18n

if TYPE_CHECKING:
    from .analysis.core_periphery import CorePeripheryTest, NullTest, Structure
    from .analysis.groups import GroupPosition
    from .analysis.network import TieCount


@dataclass(frozen=True)
class Locale:
    """Text and number formats in one language.

    Parameters
    ----------
    lang : str
        A language code; anything the catalogue does not hold falls back by
        :func:`ecosystem.catalogue.resolve_lang` ('en-GB' -> 'en', 'de' -> 'nl').

    Examples
    --------
    >>> loc = Locale("en")
    >>> loc.t("summary_core", n=2, names="A, B")
    'Core (2): A, B'
    >>> loc.number(0.5), Locale("nl").number(0.5)
    ('0.50', '0,50')
    """

    lang: str = "nl"

    def __post_init__(self) -> None:
        object.__setattr__(self, "lang", catalogue.resolve_lang(self.lang))

    # --- text
    def t(self, key: str, **values: object) -> str:
        """Message ``key`` with ``values`` filled in."""
        return catalogue.text(key, self.lang, **values)

    def section(self, prefix: str, borrow: dict[str, str] | None = None) -> dict[str, str]:
        """A page's (or a label kind's) words as ``key -> text``, with ``borrow``'s words from other keys
        (:func:`ecosystem.catalogue.section`)."""
        return catalogue.section(prefix, self.lang, borrow)

    def join(self, words: list[str]) -> str:
        """'a, b and c' ('a, b en c')."""
        return i18n.join_words(words, self.lang)

    # --- labels
    def group(self, group: str) -> str:
        return i18n.group_label(group, self.lang)

    def relation(self, rtype: str) -> str:
        return i18n.relation_label(rtype, self.lang)

    def metric(self, metric: str) -> str:
        return i18n.metric_label(metric, self.lang)

    def scale(self, scale: str) -> str:
        return i18n.scale_label(scale, self.lang)

    def role(self, role: str) -> str:
        return i18n.role_label(role, self.lang)

    def column(self, column: str) -> str:
        """The header of an actors.xlsx column."""
        return i18n.column_label(column, self.lang)

    def label(self, kind: str, key: str) -> str:
        """Any label ``<kind>.<key>`` of :mod:`ecosystem.catalogue.labels`; the key itself when unknown."""
        return self.section(kind).get(key, key)

    # --- numbers
    def number(self, value: float, digits: int = 2) -> str:
        """'0,35' (Dutch) or '0.35' (English)."""
        return i18n.fmt_number(value, self.lang, digits)

    def measure(self, value: float) -> str:
        """A network measure's value as the map shows it: '1', '0,3', '0,21' (:func:`ecosystem.i18n.fmt_measure`)."""
        return i18n.fmt_measure(value, self.lang)

    def share(self, value: float) -> str:
        """A whole percentage; a small non-zero share reads '<1%'."""
        return i18n.fmt_share(value, self.lang)

    def interval(self, low: float, high: float) -> str:
        """A probability interval in whole percents, widened outward ('62–91%')."""
        return i18n.fmt_interval(low, high, self.lang)

    def count(self, value: int) -> str:
        """A whole number with thousands separated: 1.234 (Dutch), 1,234 (English)."""
        return i18n.fmt_count(value, self.lang)

    # --- dates
    def date(self, value: datetime.date) -> str:
        """A calendar date in words: '1 december 2026' (Dutch), '1 December 2026' (English).

        The month names and the order are the catalogue's (``month.<1-12>``, ``date.day_month_year``).
        Only a date that is in the data is ever shown (never today's: outputs are deterministic).

        Raises
        ------
        TypeError
            When ``value`` is not a :class:`datetime.date` (a string is parsed by the caller, e.g.
            with :mod:`ecosystem.period`).
        """
        if not isinstance(value, datetime.date):
            raise TypeError(f"Locale.date takes a datetime.date, not {type(value).__name__}")
        return self.t("date.day_month_year", day=value.day, month=self.label("month", str(value.month)),
                      year=value.year)

    def p(self, test: NullTest) -> str:
        """'p = 0,034', or 'p ≤ 0,010' when the test is at its floor (the smallest p it can give)."""
        return i18n.fmt_p(test, self.lang)

    def group_line(self, position: GroupPosition) -> str:
        """'  Werkgevers: 1 van 14 in de kern (7%)', or that the data hold none of the group."""
        if not position.actors:
            return self.t("summary_group_absent", label=self.group(position.group))
        return self.t("summary_group_line", label=self.group(position.group), in_core=position.in_core,
                      actors=position.actors, share=self.share(position.share_in_core))

    def seat_line(self, peripheral: list[str], has_core: bool, absent: tuple[str, ...] = ()) -> str:
        """Which key groups have no or too small a seat in the core (``peripheral``: group keys), that all
        have one, or (``has_core`` False) that there is no core to have a seat in. A key group without any
        organisation in the data (``absent``, peripheral too) is said to be absent, not to have too small a seat."""
        if not has_core:
            return self.t("summary_no_core_seats")
        seated_too_little = [g for g in peripheral if g not in absent]
        lines = ([self.t("summary_peripheral", rule=self.t("rule_core_share"),
                         groups=self.join([self.group(g).lower() for g in seated_too_little]))]
                 if seated_too_little else [])
        if absent:
            lines.append(self.t("summary_absent", groups=self.join([self.group(g).lower() for g in absent])))
        if len(lines) == 2:       # two sentences on one line
            return f"{lines[0]}. {lines[1]}"
        return lines[0] if lines else self.t("summary_no_peripheral")

    def counted(self, key: str, n: int, written: str | None = None, **values: object) -> str:
        """Message ``key`` for a count ``n`` said aloud: ``<key>_none`` for 0 and ``<key>_one`` for 1 where
        the catalogue has them, else ``key`` itself (the plural), with ``n`` filled in ('1 organisatie
        verliest', '3 organisaties verliezen', never 'organisatie(s)'; :func:`ecosystem.i18n.counted`)."""
        return i18n.counted(key, n, self.lang, **values)

    def top_verdict(self, most: bool) -> str:
        """Whether the first-ranked candidate is first in more than half of the repeats
        (:meth:`~ecosystem.analysis.stability.Stability.top_stable`), in words."""
        return self.t("top_most" if most else "top_not_most")

    # --- sentences built from several words
    def glossary(self) -> dict[str, dict[str, str]]:
        """``{measure: {"term", "text"}}`` for the map's panel and the report (:func:`ecosystem.i18n.glossary`)."""
        return i18n.glossary(self.lang)

    def core_periphery_sentence(self, structure: Structure, test: CorePeripheryTest,
                                core_size: int | None = None) -> str | None:
        """What the core/periphery analysis found, in one sentence (:func:`ecosystem.i18n.core_periphery_sentence`;
        ``core_size``: the core's organisations, so that a core of one is said as one)."""
        return i18n.core_periphery_sentence(structure, test, self.lang, core_size)

    def core_periphery_tests(self, structure: Structure, test: CorePeripheryTest) -> dict | None:
        """The two tests' formatted p-values and sample counts (:func:`ecosystem.i18n.core_periphery_tests`)."""
        return i18n.core_periphery_tests(structure, test, self.lang)

    def ties_sentence(self, count: TieCount) -> str | None:
        """Why the number of ties differs from the number of relations; None when they are equal.

        ``count`` is :attr:`Analysis.tie_count <ecosystem.analysis.pipeline.Analysis.tie_count>`
        (or a region entry's), the one place its three numbers are put together.
        """
        return i18n.ties_sentence(count, self.lang)

    def ties_text(self, count: TieCount) -> str:
        """The number of ties, or the sentence saying why it differs from the number of relations."""
        return i18n.ties_text(count, self.lang)
