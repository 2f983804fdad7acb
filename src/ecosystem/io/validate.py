"""Turn raw tables into the validated region model, collecting every problem at once."""
from __future__ import annotations

import bisect
import datetime
import difflib
import functools
import re
from dataclasses import dataclass

from ..errors import Problem, Text, Words
from ..i18n import group_label, relation_label, role_label, scale_label, steering_label, t
from ..model import Actor, Relation
from ..period import date_year
from ..vocab import (ACTOR_KNOWN, ACTOR_REQUIRED, GROUP_ALIASES, GROUPS, HEADER_ALIASES, RELATION_ALIASES,
                     RELATION_KNOWN, RELATION_REQUIRED, RELATION_TYPES, REVERSED_RELATION_WORDS, ROLE_ALIASES, ROLES,
                     SCALE_ALIASES, SCALES,
                     STEERING_ALIASES, STEERING_PHILOSOPHIES, AMBIGUOUS_GROUPS, AMBIGUOUS_RELATIONS, GROUP_WORDS, RELATION_WORDS,
                     SUGGEST_CUTOFF, group_of, normalise_key, relation_key, relation_of)
from .tables import Table, rows_shown

# Weights are bounded so that every measure stays finite and exact enough: tie distances are
# 1/weight and strengths sum weights, and igraph aborts the process on overflow (weight 1e308).
# A ratio of 1e12 between the extremes keeps four decimals of every sum (doubles hold ~16 digits).
WEIGHT_RANGE = (1e-6, 1e6)


def accepted_names(column: str) -> tuple[str, ...]:
    """The header names accepted for a column: the contract's name and its Dutch aliases."""
    return (column, *(alias for alias, canonical in HEADER_ALIASES.items() if canonical == column))


def _require_columns(table: Table, required: tuple[str, ...], problems: list[Problem]) -> bool:
    missing = [c for c in required if c not in table.columns]
    for col in missing:
        names = accepted_names(col)
        # Name the missing column in the language of the header the user wrote.
        shown = names[1] if table.dutch and len(names) > 1 else col
        problems.append(Problem(table.file, "missing_column", column=shown,
                                params={"accepted": names, "found": ", ".join(table.found) or "-"}))
    return not missing


def _filled(table: Table, row: int, cells: dict[str, str], required: tuple[str, ...],
            problems: list[Problem]) -> bool:
    """True when every ``required`` column of the row has a value; an empty one is reported."""
    ok = True
    for col in required:
        if not cells.get(col):
            problems.append(Problem(table.file, "empty_value", row, table.label(col), {"column": table.label(col)}))
            ok = False
    return ok


# Characters that take no room on the screen: an id with one looks the same as one without.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def id_key(value: str) -> str:
    """How ids are compared, in the actors and in the relations alike: regardless of case and of
    how the space between words is written ('gem  breda', 'gem\u00a0breda' and 'GEM Breda' are
    one id), and without invisible characters (a zero-width space)."""
    return " ".join(_INVISIBLE.sub("", value).split()).casefold()


def clash_kind(value: str, other: str) -> str:
    """How ``value`` differs from ``other``, which :func:`id_key` finds the same: ``"same"`` (written
    alike), ``"case"`` (only in upper and lower case) or ``"space"`` (in spacing or an invisible
    character, and perhaps in case too), for the message that says which."""
    if value == other:
        return "same"
    return "case" if value.casefold() == other.casefold() else "space"


def spacing(*values: str) -> Words:
    """What makes ``values`` differ from plain single spaces, in words: 'harde spatie (U+00A0)',
    'twee spaties achter elkaar', so that two ids that look the same are told apart."""
    found: dict[str, dict] = {}
    for value in values:
        for ch in value:
            if ch != " " and (ch.isspace() or _INVISIBLE.match(ch)):
                kind = ("space_nbsp" if ch in "\u00a0\u202f" else
                        "space_invisible" if _INVISIBLE.match(ch) else "space_special")
                found.setdefault(f"{kind}{ord(ch)}", {"key": kind, "code": f"U+{ord(ch):04X}"})
        if "  " in value:
            found.setdefault("double", {"key": "space_double", "code": ""})
    nl, en = (", ".join(t(f["key"], lang, code=f["code"]) for f in found.values()) for lang in ("nl", "en"))
    return Words(nl, en)


def closest(value: str, choices) -> str:
    """The allowed value closest to a typo ('ondrwijs' -> 'onderwijs'), or '' if none is close
    (:data:`SUGGEST_CUTOFF`)."""
    return _closest(normalise_key(value), tuple(choices))


@functools.lru_cache(maxsize=1024)
def _closest(key: str, choices: tuple[str, ...]) -> str:
    # Cached: a typo copied down a column of thousands of rows is looked up once.
    match = difflib.get_close_matches(key, choices, n=1, cutoff=SUGGEST_CUTOFF)
    return match[0] if match else ""


# A number as the tool reads it: digits, at most one decimal separator ('.' or ','), an exponent.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
# One separator with exactly three digits after it and one to three digits before, not a lone 0:
# '25.000' and '1,500' are a thousand times apart in Dutch and in English writing ('0.125' is not).
_ONE_GROUP = re.compile(r"([+-]?[1-9]\d{0,2})([.,])(\d{3})")
# Digits grouped by thousands, with a decimal part or not: '1.000.000', '1,000.5', '1 500', '1_000'.
_GROUPED = re.compile(r"[+-]?\d{1,3}(?P<sep>[.,\s_'\u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*(?:(?!(?P=sep))[.,]\d+)?")
# Spaces, underscores and apostrophes inside a number ('1 500', Python's '1_000', Swiss '1'000').
_INSIDE_CHARS = re.compile(r"[\s_'\u00a0\u202f]")
_INSIDE = re.compile(r"\d[\s_'\u00a0\u202f]+\d")
_SPACED = re.compile(r"[+-]?[\d\s_'\u00a0\u202f.,]+")


def parse_number(text: str) -> float | None:
    """Parse '2', '2.5', the Dutch '2,5', '0.125' or '1e-3'; None if it is not a number.

    A value that :func:`number_problem` finds ambiguous ('25.000', '1 500') is None too.
    """
    if number_problem(text) is not None or not _NUMBER.fullmatch(text.strip()):
        return None
    value = float(text.strip().replace(",", "."))
    return value if value == value and value not in (float("inf"), float("-inf")) else None


def number_problem(text: str) -> tuple[str, dict] | None:
    """The message key and values for a number written with a thousands separator, else None.

    '25.000' is 25000 to a Dutch reader and 25 to an English one, and '1,500' the other way
    round; which one the writer meant cannot be told, so it is never guessed. A number is read
    only when no separator can be a thousands separator: one '.' or ',' followed by exactly three
    digits after one to three digits (not a lone 0, so '0.125' is read) is ambiguous
    (``number_ambiguous``, naming both readings); digits grouped by thousands ('1.000.000',
    '1.000,5') or with spaces, underscores or apostrophes inside ('1 500', '1_000') are an error
    too (``number_grouped``, with the number written plainly).
    """
    value = text.strip()
    if _NUMBER.fullmatch(value):        # one separator at most: '2,5', '0.125' are read, '25.000' is not
        one = _ONE_GROUP.fullmatch(value)
        if one is None:
            return None
        whole, _, decimals = one.groups()
        # The decimal reading written so that it cannot be taken for thousands: '1,5' for 1.500, '2,1250' for 2.125.
        short = decimals.rstrip("0")
        short += "0" if len(short) == 3 else ""
        return "number_ambiguous", {"value": value, "whole": f"{whole}{decimals}",
                                    "decimal": Words(f"{whole},{short}" if short else whole,
                                                     f"{whole}.{short}" if short else whole)}
    grouped = _GROUPED.fullmatch(value)
    if not grouped and not (_SPACED.fullmatch(value) and _INSIDE.search(value)):
        return None
    # Without the grouping: '1.000,5' -> '1000,5', '1 500' -> '1500'; what is left has at most one separator.
    plain = value.replace(grouped.group("sep"), "") if grouped else value
    plain = _INSIDE_CHARS.sub("", plain)
    whole, sep, decimals = plain.replace(",", ".").partition(".")
    if "." in decimals:
        return None                     # '1.2.3,4': no number at all, said as such (bad_number)
    return "number_grouped", {"value": value, "plain": Words(f"{whole},{decimals}" if sep else whole,
                                                             f"{whole}.{decimals}" if sep else whole)}


def shown_cell(table: Table, row: int, column: str, text: str) -> tuple[str | Words, str | Text]:
    """A cell's value (read as ``text``) as its reader sees it in the sheet, and what kind of value it
    is ('' for text or a number).

    A workbook's true/false cell reads as 'True' and a date as '2021-03-01 00:00:00': words the sheet
    never shows. They are WAAR/ONWAAR (TRUE/FALSE in English Excel) and the date as written there.
    """
    value = table.not_text.get((row, table.label(column)))
    if isinstance(value, bool):
        return Words("WAAR" if value else "ONWAAR", "TRUE" if value else "FALSE"), Text("cell_bool")
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return Words(f"{value.day}-{value.month}-{value.year}", value.isoformat()), Text("cell_date")
    return text, ""


# The message for an id that clashes with an earlier one, by clash_kind.
_ID_CLASH = {"same": "duplicate_id", "case": "id_case_clash", "space": "id_space_clash"}


def validate_actors(table: Table, problems: list[Problem], warnings: list[Problem] | None = None) -> list[Actor]:
    """The valid actors of ``table``; problems to ``problems``, warnings to ``warnings``.

    Two actors whose names are the same, or differ only in case and spacing ('roc stad', 'ROC
    Stad'), are a warning naming both rows and ids: maps and reports would show two organisations
    nobody can tell apart (two Kumu labels alike are an error, as there the label is the id).
    """
    if not _require_columns(table, ACTOR_REQUIRED, problems):
        return []
    if not table.rows:
        problems.append(Problem(table.file, "no_rows"))
    actors: list[Actor] = []
    first_row: dict[str, tuple[str, int]] = {}     # id_key -> (id as written, row)
    first_name: dict[str, tuple[str, str, int]] = {}   # id_key of the name -> (name, id, row)
    for row, cells in table.rows:
        ok = _filled(table, row, cells, ACTOR_REQUIRED, problems)
        aid = cells.get("id", "")
        name = cells.get("name", "")
        if name and aid and id_key(aid) not in first_row:
            earlier = first_name.setdefault(id_key(name), (name, aid, row))
            if earlier[2] != row and warnings is not None:
                warnings.append(Problem(table.file, "duplicate_name", row, table.label("name"),
                                        {"value": name, "id": aid, "other": earlier[0], "other_id": earlier[1],
                                         "first": earlier[2]}))
        # Ids are compared regardless of case and spacing (id_key): 'gem' and 'GEM', or 'gem breda'
        # and 'gem  breda', cannot be two organisations.
        if aid and id_key(aid) in first_row:
            other, first = first_row[id_key(aid)]
            problems.append(Problem(table.file, _ID_CLASH[clash_kind(aid, other)], row, table.label("id"),
                                    {"value": aid, "other": other, "first": first,
                                     "difference": spacing(aid, other)}))
            ok = False
        elif aid:
            first_row[id_key(aid)] = (aid, row)
        group = group_of(cells.get("group", ""))
        if cells.get("group") and group is None:
            problems.append(group_problem(table.file, row, table.label("group"), cells["group"]))
            ok = False
        scale = _optional_value(table, row, cells, "scale", SCALE_ALIASES, allowed_words(SCALES, scale_label), problems,
                                scale_label)
        role = _optional_value(table, row, cells, "role", ROLE_ALIASES, _allowed_roles(), problems)
        if scale is None or role is None:
            ok = False
        if not ok:
            continue
        regions = tuple(r.strip() for r in cells.get("region", "").split("|") if r.strip())
        extra = {k: v for k, v in cells.items() if k not in ACTOR_KNOWN}
        actors.append(Actor(aid, cells["name"], group, cells.get("type", ""), scale, regions, extra, row,
                            role=role))
    return actors


def _optional_value(table: Table, row: int, cells: dict[str, str], column: str, aliases: dict[str, str],
                    allowed: Words, problems: list[Problem], label=None) -> str | None:
    """The canonical key of an optional vocabulary column ('' if empty), or None after reporting
    an unknown value (message key ``unknown_<column>``, with the closest alias as suggestion: in the
    reader's language through ``label`` where the column has translated labels)."""
    value = cells.get(column, "")
    if not value:
        return ""
    key = aliases.get(normalise_key(value))
    if key is None:
        problems.append(Problem(table.file, f"unknown_{column}", row, table.label(column),
                                {"value": value, "allowed": allowed,
                                 "suggestion": _suggest(value, aliases, {}, label) if label else closest(value, aliases)}))
    return key


def allowed_words(keys: tuple[str, ...], label) -> Words:
    """The accepted values of a vocabulary column, listed in each language ('overheid, werkgevers, ...' /
    'government, employers, ...'): the words a reader of that language writes (every alias is accepted too)."""
    return Words(*(", ".join(label(k, lang).lower() for k in keys) for lang in ("nl", "en")))


def _allowed_groups() -> Words:
    return allowed_words(GROUPS, group_label)


def _allowed_roles() -> Words:
    return allowed_words(ROLES, role_label)


def _allowed_types() -> Words:
    return allowed_words(RELATION_TYPES, relation_label)


def _lang_words(canonical: str, label) -> Words:
    """A vocabulary word in each language: the Dutch and the English name of a group or type."""
    return Words(label(canonical, "nl").lower(), label(canonical, "en").lower())


def _suggest(value: str, canonical: dict[str, str], words: dict[str, str], label) -> Words | str:
    """The vocabulary word closest to ``value``, in the reader's language ('' if none is close).

    Typos are matched against every accepted word (canonical names, Dutch names, everyday
    words), but the suggestion is the group's or type's own name in the reader's language,
    so 'gemeentes' suggests 'overheid', not the English key.
    """
    accepted = {**canonical, **words}
    match = closest(value, accepted)
    return _lang_words(accepted[match], label) if match else ""


def _options(keys: tuple[str, ...], label) -> Words:
    nl, en = (f" {t('or', lang)} ".join(f"'{label(k, lang).lower()}'" for k in keys) for lang in ("nl", "en"))
    return Words(nl, en)


def group_problem(file: str, row: int | None, column: str, value: str) -> Problem:
    """The problem for a group value that is not accepted: ambiguous (choose) or unknown (closest word)."""
    options = AMBIGUOUS_GROUPS.get(normalise_key(value))
    if options:
        return Problem(file, "ambiguous_group", row, column, {"value": value, "options": _options(options, group_label)})
    return Problem(file, "unknown_group", row, column,
                   {"value": value, "suggestion": _suggest(value, GROUP_ALIASES, GROUP_WORDS, group_label),
                    "allowed": _allowed_groups()})


def type_problem(file: str, row: int | None, column: str, value: str) -> Problem:
    """The problem for a relation type that is not accepted: ambiguous (choose) or unknown (closest word)."""
    if normalise_key(value) in AMBIGUOUS_RELATIONS:
        # Every ambiguous relation word is a governance table or collaboration (vocab.AMBIGUOUS_RELATIONS).
        return Problem(file, "ambiguous_type", row, column,
                       {"value": value, "governance": _lang_words("governance", relation_label),
                        "collaboration": _lang_words("collaboration", relation_label)})
    return Problem(file, "unknown_type", row, column,
                   {"value": value, "suggestion": _suggest(value, RELATION_ALIASES, RELATION_WORDS, relation_label),
                    "allowed": _allowed_types()})


class ActorSuggestions:
    """The id the user most likely meant by an unknown value, comparing ids and names.

    'VNO' suggests the id whose name is 'VNO-NCW Brabant' rather than an unrelated short id,
    and a name written instead of an id suggests that actor's id. Built once per table and
    asked once per distinct value, so thousands of unknown values stay fast: an exact id or
    name first, then the names with a word that starts with the value, then the few actors
    sharing the most three-letter pieces with it (two-letter ones too for a value of up to five
    letters); only those are compared with difflib, scored as before (the best of the ratio to
    the id, the ratio to the name, and 0.9 for a name with a word starting with the value), and
    equal scores go to the id first in the alphabet, as before.
    """

    CLOSE = SUGGEST_CUTOFF   # similarity (difflib's ratio) from which a suggestion is made
    CANDIDATES = 40      # actors compared in full per value
    COMMON = 200         # a piece shared by more actors than this says little and is not counted

    def __init__(self, actor_ids: list[str], names: dict[str, str]):
        self._ids = list(actor_ids)
        self._keys = [normalise_key(a) for a in self._ids]
        self._names = [normalise_key(names.get(a, "")) for a in self._ids]
        self._exact: dict[str, list[int]] = {}
        pieces: dict[str, list[int]] = {}
        words = []
        for i, (key, name) in enumerate(zip(self._keys, self._names)):
            for text in {key, name} - {""}:
                self._exact.setdefault(text, []).append(i)
            for piece in _pieces(key) | _pieces(name) | _pieces(key, 2) | _pieces(name, 2):
                pieces.setdefault(piece, []).append(i)
            words += [(word, i) for word in set(name.split())]
        self._pieces = {p: ids for p, ids in pieces.items() if len(ids) <= self.COMMON}
        self._words = sorted(words)
        self._cache: dict[str, tuple[str, float]] = {}

    def best(self, value: str) -> tuple[str, float]:
        """(id, similarity from 0 to 1) of the closest actor; ('', 0.0) when there are none."""
        if value not in self._cache:
            self._cache[value] = self._best(normalise_key(value))
        return self._cache[value]

    def __call__(self, value: str) -> str:
        """The closest id when it is close enough, else ''."""
        aid, score = self.best(value)
        return aid if score >= self.CLOSE else ""

    def _best(self, key: str) -> tuple[str, float]:
        if key in self._exact:
            return max((self._ids[i] for i in self._exact[key]), key=_tie_break), 1.0
        shared: dict[int, int] = {}
        # three-letter pieces; a short value ('jcj' for 'jjr') has too few of them, so two-letter ones too
        for piece in _pieces(key) | (_pieces(key, 2) if len(key) <= 5 else set()):
            for i in self._pieces.get(piece, ()):
                shared[i] = shared.get(i, 0) + 1
        candidates = list(dict.fromkeys(self._word_starts(key)
                                        + sorted(shared, key=lambda i: (-shared[i], i))[:self.CANDIDATES]))
        if not candidates:
            # No piece in common with any actor (rare: 'zzzz'): every id, as difflib ranks them.
            candidates = [self._keys.index(k) for k in difflib.get_close_matches(key, self._keys, n=1, cutoff=0.0)]
        best = (0.0, "")
        for i in candidates:        # the likeliest first, so that the bound below skips most of the rest
            scored = (self._score(key, i, best[0]), self._ids[i])
            best = max(best, scored, key=lambda s: (s[0], _tie_break(s[1])))
        return best[::-1]

    def _word_starts(self, key: str) -> list[int]:
        """Actors whose name has a word starting with ``key`` ('vno' -> 'vno-ncw brabant')."""
        if len(key) < 3:
            return []
        first = key.split(" ")[0]
        at = bisect.bisect_left(self._words, (first,))
        found = []
        while at < len(self._words) and self._words[at][0].startswith(first) and len(found) < self.CANDIDATES:
            i = self._words[at][1]
            if f" {key}" in f" {self._names[i]}":
                found.append(i)
            at += 1
        return found

    def _score(self, key: str, i: int, floor: float = 0.0) -> float:
        """The similarity of ``key`` to actor ``i``: the best of its id and its name.

        A comparison whose upper bound (difflib's quick ratios) is below ``floor``, the best
        score so far, cannot change the outcome and is skipped.
        """
        name = self._names[i]
        # a name that starts with the value ('vno' -> 'vno-ncw brabant') is as good as a close match
        best = 0.9 if name and len(key) >= 3 and (name.startswith(key) or f" {key}" in f" {name}") else 0.0
        for text in dict.fromkeys((self._keys[i], name)):     # once when the name is the id
            if not text:
                continue
            matcher = difflib.SequenceMatcher(None, key, text)
            bar = max(best, floor)
            if matcher.real_quick_ratio() >= bar and matcher.quick_ratio() >= bar:
                best = max(best, matcher.ratio())
        return best


def _pieces(text: str, size: int = 3) -> set[str]:
    """The pieces of ``size`` letters of ``text``, with its start and end marked ('^ro', 'roc', 'oc$')."""
    padded = f"^{text}$" if text else ""
    return {padded[i:i + size] for i in range(len(padded) - size + 1)}


def _tie_break(aid: str) -> list[int]:
    """Among equally close actors, the one whose id comes first in the alphabet (as before)."""
    return [-ord(c) for c in aid]


@dataclass(frozen=True)
class RowWithoutId:
    """An actor row whose id could not be read: empty, a formula without a saved result, or an Excel
    error value. A relation naming that organisation is not about an actor missing from the table."""

    row: int
    name: str
    reason: str                 # message key: no_id_empty, no_id_formula, no_id_error
    texts: tuple[str, ...]      # what the id may have been: the row's cells and the texts in its id formula


# The texts in quotes in a formula: =LOWER("ROC") -> ROC.
_FORMULA_TEXT = re.compile(r'"([^"]*)"')
# Columns whose values are shared by many actors ('overheid'), never a hint of which actor a row is.
_VOCABULARY = frozenset({"group", "scale", "role", "region", "steering"})


def rows_without_id(table: Table | None) -> list[RowWithoutId]:
    """The actor rows of ``table`` whose id could not be read (see :class:`RowWithoutId`)."""
    if table is None:
        return []
    label = table.label("id")
    out = []
    for row, cells in table.rows:
        if cells.get("id"):
            continue
        formula = table.formulas.get((row, label), ("", ""))[0]
        reason = ("no_id_formula" if formula else "no_id_error" if (row, label) in table.excel_errors
                  else "no_id_empty")
        texts = [v for k, v in cells.items() if v and k not in _VOCABULARY] + _FORMULA_TEXT.findall(formula)
        out.append(RowWithoutId(row, cells.get("name", ""), reason,
                                tuple(dict.fromkeys(k for k in map(id_key, texts) if k))))
    return out


def _row_meant(value: str, rows: list[RowWithoutId]) -> RowWithoutId | None:
    """The actor row without an id that ``value`` most likely names: one of its cells is ``value`` (as ids
    are compared), else a word in one of them starts with it ('roc' -> 'ROC Stad'); None when none does."""
    key = id_key(value)
    if not key:
        return None
    exact = [r for r in rows if key in r.texts]
    if exact:
        return exact[0]
    if len(key) < 3:
        return None
    return next((r for r in rows if any(f" {key}" in f" {text}" for text in r.texts)), None)


def validate_relations(table: Table, actor_ids: list[str], problems: list[Problem],
                       actors_file: str = "actors.csv", names: dict[str, str] | None = None,
                       warnings: list[Problem] | None = None,
                       without_id: list[RowWithoutId] = (), actor_rows: dict[str, int] | None = None) -> list[Relation]:
    """The valid relations of ``table``; problems to ``problems`` and corrections to ``warnings``.

    An id that matches an actor's id only when case is ignored (``VNO`` for ``vno``) is read as
    that id, with one warning per spelling. A row equal to an earlier row in every column is
    counted once, with a warning naming both rows (a copy-paste duplicate; two relations of
    the same kind between the same pair are told apart by their note); an undirected relation
    typed the other way round (b-a for a-b) is such a row too. A row that is the same relation
    as an earlier one (pair, type and note) with another weight, date, steering or other column
    counts as well, its weight added into the pair's tie, with a warning naming both rows and the
    columns that differ; unless their periods (since-until) have no year in common: a history. ``names`` (id -> name)
    lets a suggestion for an unknown id compare names as well as ids. An unknown id that names an actor
    row whose id could not be read (``without_id``: 'fnv' for the row 'FNV' with an empty id) says so,
    rather than that the actor is not in the table. ``actor_rows`` (id -> row) lets a warning about an id
    whose odd spacing is in the actors' table (an invisible character) point at that row.
    """
    if not _require_columns(table, RELATION_REQUIRED, problems):
        return []
    # A relations table with only its header is valid data (a fresh 'ecosystem init' template);
    # that it is no network to analyse is said by api (message 'analyse_no_relations').
    known = set(actor_ids)
    names = names or {}
    # Data with a since/until history: an id missing from the actors may be an actor taken out (or never
    # added) rather than a typo, so no unrelated id is suggested then.
    dated = any(cells.get("since") or cells.get("until") for _, cells in table.rows)
    # Both made on the first id that is not an actor's as written (most data has none: 0.3 s and 2 s
    # of CPU at 100,000 actors that a clean table need not pay).
    folded: dict[str, list[str]] | None = None
    suggest: ActorSuggestions | None = None
    case_matches: dict[tuple[str, str], list[int]] = {}     # (column, value) -> rows
    words_read: dict[str, list[tuple[str, Relation]]] = {}  # everyday type word -> (as written, relation) read from it
    alike: dict[tuple, Relation | list[Relation]] = {}       # pair, type, dates, note -> the rows so far
    typed: dict[int, dict[str, str]] | None = None           # row -> cells, made for the first such row
    relations: list[Relation] = []
    for row, cells in table.rows:
        cells = dict(cells)
        ok = _filled(table, row, cells, RELATION_REQUIRED, problems)
        for col in ("source", "target"):
            value = cells.get(col, "")
            if value and value not in known:
                if folded is None:
                    folded = {}
                    for aid in actor_ids:
                        folded.setdefault(id_key(aid), []).append(aid)
                if len(folded.get(id_key(value), ())) == 1:
                    case_matches.setdefault((col, value), []).append(row)
                    cells[col] = value = folded[id_key(value)][0]
            if value and known and value not in known:
                if suggest is None:
                    suggest = ActorSuggestions(actor_ids, names)
                close = suggest(value)
                meant = _row_meant(value, without_id) if without_id else None
                if meant is not None:
                    problems.append(Problem(table.file, "actor_without_id", row, table.label(col),
                                            {"value": value, "actors": actors_file, "row": meant.row,
                                             "name": f" ({meant.name})" if meant.name else "", "reason": Text(meant.reason)}))
                elif not close and dated:
                    problems.append(Problem(table.file, "actor_missing_until" if cells.get("until") else
                                            "actor_missing", row, table.label(col),
                                            {"value": value, "actors": actors_file, "until": cells.get("until", "")}))
                else:
                    # Only a close id or name is suggested: an unrelated id ('org299' -> 'vno') would mislead.
                    if close and id_key(close) == id_key(value):
                        close = ""          # it would look the same: the actors' clash is reported there
                    problems.append(Problem(table.file, "unknown_actor", row, table.label(col),
                                            {"value": value, "suggestion": close, "actors": actors_file}))
                ok = False
        if cells.get("source") and cells.get("source") == cells.get("target"):
            problems.append(Problem(table.file, "self_relation", row, table.label("target"),
                                    {"value": cells["source"]}))
            ok = False
        rtype = relation_of(cells.get("type", ""))
        if cells.get("type") and rtype is None:
            problems.append(type_problem(table.file, row, table.label("type"), cells["type"]))
            ok = False
        weight = 1.0
        if cells.get("weight"):
            # A workbook cell that holds a number is that number (1.125 stays 1.125); text is read
            # by the rule for typed numbers, which never guesses a thousands separator.
            typed_number = (row, table.label("weight")) in table.numbers
            trouble = None if typed_number else number_problem(cells["weight"])
            parsed = float(cells["weight"]) if typed_number else parse_number(cells["weight"])
            if trouble is not None:
                problems.append(Problem(table.file, trouble[0], row, table.label("weight"), trouble[1]))
                ok = False
            elif parsed is None:
                value, kind = shown_cell(table, row, "weight", cells["weight"])
                problems.append(Problem(table.file, "bad_number", row, table.label("weight"),
                                        {"value": value, "kind": kind}))
                ok = False
            elif parsed <= 0:
                problems.append(Problem(table.file, "nonpositive_weight", row, table.label("weight"),
                                        {"value": cells["weight"]}))
                ok = False
            elif not WEIGHT_RANGE[0] <= parsed <= WEIGHT_RANGE[1]:
                problems.append(Problem(table.file, "weight_out_of_range", row, table.label("weight"),
                                        {"value": cells["weight"], "low": f"{WEIGHT_RANGE[0]:.6f}",
                                         "high": f"{WEIGHT_RANGE[1]:.0f}"}))
                ok = False
            else:
                weight = parsed
        years = {}
        for col in ("since", "until"):
            try:
                years[col] = date_year(cells.get(col, ""))
            except ValueError:
                problems.append(Problem(table.file, "bad_year", row, table.label(col),
                                        {"value": shown_cell(table, row, col, cells[col])[0]}))
                years[col] = None
                ok = False
        since_year, until_year = years["since"], years["until"]
        if since_year is not None and until_year is not None and since_year > until_year:
            problems.append(Problem(table.file, "until_before_since", row, table.label("until"),
                                    {"since": cells["since"], "until": cells["until"]}))
            ok = False
        steering = _optional_value(table, row, cells, "steering", STEERING_ALIASES,
                                   allowed_words(STEERING_PHILOSOPHIES, steering_label), problems, steering_label)
        if steering is None:
            steering, ok = "", False
        if not ok:
            continue
        extra = {k: v for k, v in cells.items() if k not in RELATION_KNOWN}
        word = normalise_key(cells["type"])
        if word in REVERSED_RELATION_WORDS:
            # 'gem;roc;inkoop': gem buys from roc, so roc delivers to gem (said in a warning below)
            cells["source"], cells["target"] = cells["target"], cells["source"]
        relation = Relation(cells["source"], cells["target"], rtype, weight,
                            cells.get("since", ""), cells.get("until", ""), cells.get("note", ""),
                            steering, extra, row)
        if word not in _type_names():
            words_read.setdefault(word, []).append((cells["type"], relation))
        # The same relation (pair, type, note) as an earlier row? An undirected one is the same
        # whichever actor is typed first (b-a is a-b). One key and one look-up per row: the rest of
        # the comparison only for the rare row that shares its key with an earlier one.
        source, target = relation.source, relation.target
        same = (*relation_key(source, target, rtype), relation.note)
        earlier = alike.get(same)
        if earlier is None:
            alike[same] = relation
        else:
            earlier = earlier if isinstance(earlier, list) else [earlier]
            copy = next((e for e in earlier if e.weight == weight and e.steering == steering and e.extra == extra
                         and (e.since, e.until) == (relation.since, relation.until)), None)
            if copy is not None:        # the same relation once read: counted once
                if warnings is not None:
                    if typed is None:
                        typed = dict(table.rows)
                    if (copy.source, copy.target) != (source, target):
                        key = "duplicate_relation_reversed"
                    elif typed[copy.row] == typed[row]:
                        key = "duplicate_relation"      # a copy-paste duplicate, equal in every column
                    else:
                        # written otherwise ('gem;roc;inkoop' and 'roc;gem;levering'; 'subsidie' and
                        # 'financiering'): not 'equal in every column', but the same once the words are read
                        key = "duplicate_relation_read"
                    warnings.append(Problem(table.file, key, row, table.label("source"),
                                            {"first": copy.row, "type": _lang_words(rtype, relation_label),
                                             "source": source, "target": target}))
                continue
            # Another weight, date, steering or other column: both count, added into one tie in every year
            # both periods hold. Periods that do not meet (2015-2018, then 2020-) are a history, not a repeat.
            meets = next((e for e in earlier if _periods_meet(e, relation)), None)
            if warnings is not None and meets is not None:
                if typed is None:
                    typed = dict(table.rows)
                warnings.append(_added_duplicate(table, row, cells, meets, typed[meets.row], relation))
            alike[same] = [*earlier, relation]
        relations.append(relation)
    if warnings is not None:
        warnings += [_word_read(table, word, read) for word, read in words_read.items()]
        for (col, value), rows in case_matches.items():
            aid = folded[id_key(value)][0]
            if clash_kind(value, aid) == "case":
                warnings.append(Problem(table.file, "id_case_match", rows[0], table.label(col),
                                        {"value": value, "id": aid, "n": len(rows), "actors": actors_file}))
            else:
                warnings.append(Problem(table.file, "id_space_match", rows[0], table.label(col),
                                        {"value": value, "id": aid, "n": len(rows), "actors": actors_file,
                                         "difference": spacing(value, aid),
                                         "fix": _spacing_fix(aid, actors_file, (actor_rows or {}).get(aid))}))
    return relations


def _spacing_fix(aid: str, actors_file: str, row: int | None) -> Words:
    """How to mend an id written with other spacing in the relations than in the actors: where the odd
    character (an invisible one, a non-breaking space, two spaces) is in the actor's own id, remove it
    there, as writing the relation like it would copy it; else write the relation as the actors do."""
    odd = spacing(aid)
    if row is None or not odd.nl:
        return Words(*(t("fix_write_as_actors", lang, actors=actors_file) for lang in ("nl", "en")))
    key = "fix_id_in_actors" if _INVISIBLE.search(aid) or any(ch.isspace() and ch != " " for ch in aid) \
        else "fix_id_spacing_in_actors"
    return Words(*(t(key, lang, actors=actors_file, row=row) for lang in ("nl", "en")))


@functools.lru_cache(maxsize=1)
def _type_names() -> frozenset[str]:
    """The words that name a relation type outright: its key and its name in each language ('levering')."""
    return frozenset({*RELATION_TYPES, *(relation_label(k, lang).lower() for k in RELATION_TYPES
                                         for lang in ("nl", "en"))})


def _word_read(table: Table, word: str, read: list[tuple[str, Relation]]) -> Problem:
    """The warning that an everyday word ('subsidie', 'inkoop') was read as a relation type, once per
    word: what it was read as, in the columns' own names ('bron levert aan doel') and on its first row,
    and every row; for a word read with source and target swapped ('inkoop'), that it was."""
    written, first = read[0]
    rows = [r.row for _, r in read]
    source, target = table.label("source"), table.label("target")
    reversed_ = word in REVERSED_RELATION_WORDS
    reading = Words(*(t(f"relation_reading.{first.type}", lang, source=target if reversed_ else source,
                        target=source if reversed_ else target) for lang in ("nl", "en")))
    example = Words(*(t(f"relation_reading.{first.type}", lang, source=first.source, target=first.target)
                      for lang in ("nl", "en")))
    return Problem(table.file, "relation_word_reversed" if reversed_ else "relation_word_read", first.row,
                   table.label("type"),
                   {"value": written, "type": _lang_words(first.type, relation_label), "reading": reading,
                    "example": example, "first": first.row, "allowed": _allowed_types(),
                    "more": Words(*(t("rows_more", lang, n=len(rows), rows=rows_shown(rows)) if len(rows) > 1 else ""
                                    for lang in ("nl", "en")))})


def _periods_meet(one: Relation, other: Relation) -> bool:
    """True when some year lies in both relations' periods (an empty since or until is open-ended)."""
    low = [date_year(r.since) for r in (one, other)]
    high = [date_year(r.until) for r in (one, other)]
    start = max((y for y in low if y is not None), default=None)
    end = min((y for y in high if y is not None), default=None)
    return start is None or end is None or start <= end


def _added_duplicate(table: Table, row: int, cells: dict[str, str], earlier: Relation, first_cells: dict[str, str],
                     relation: Relation) -> Problem:
    """The warning for a relation entered again with another weight, date, steering or other column:
    both rows count, and their weights are added into the one tie between the pair."""
    first_row = earlier.row
    differ = [table.label(c) for c in ("weight", "since", "until", "steering")
              if getattr(earlier, c) != getattr(relation, c)]
    differ += [table.label(k) for k in sorted(set(earlier.extra) | set(relation.extra))
               if earlier.extra.get(k, "") != relation.extra.get(k, "")]
    return Problem(table.file, "duplicate_relation_added" if (earlier.source, earlier.target) ==
                   (relation.source, relation.target) else "duplicate_relation_added_reversed",
                   row, table.label("source"),
                   {"first": first_row, "source": relation.source, "target": relation.target,
                    "type": _lang_words(relation.type, relation_label), "columns": _joined(differ),
                    "weights": f"{first_cells.get('weight') or '1'} + {cells.get('weight') or '1'}"})


def _joined(names: list[str]) -> Words:
    """"'gewicht' en 'sinds'" in each language: every column that differs (not one or the other)."""
    quoted = [f"'{n}'" for n in names]
    if len(quoted) < 2:
        return Words("".join(quoted), "".join(quoted))
    return Words(*(", ".join(quoted[:-1]) + f" {t('and', lang)} " + quoted[-1] for lang in ("nl", "en")))


def isolated_warnings(table: Table, actors: list[Actor], relations: list[Relation]) -> list[Problem]:
    linked = {r.source for r in relations} | {r.target for r in relations}
    return [Problem(table.file, "isolated", a.row, table.label("id"), {"value": a.id})
            for a in actors if a.id not in linked]
