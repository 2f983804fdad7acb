"""The message catalogue: every text in both languages, with the same placeholders, found by one lookup.

Replaces the module-level ``assert``s (stripped by ``python -O``) that checked key parity.
"""
from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from ecosystem import i18n
from ecosystem.render import i18n_change, i18n_map, i18n_report

SRC = Path(i18n.__file__).parent
LABEL_TABLES = {name: getattr(i18n, name) for name in (
    "GROUP_LABELS", "RELATION_LABELS", "METRIC_LABELS", "SCALE_LABELS", "DIAGNOSIS_TITLES", "STEERING_LABELS",
    "STEERING_REASONS", "COLUMN_LABELS")}
PAGE_TABLES = {"report": i18n_report.STRINGS, "map": i18n_map.STRINGS, "change": i18n_change.STRINGS}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_has_both_languages_with_the_same_placeholders():
    wrong = [key for key, texts in i18n.MESSAGES.items() if set(texts) != set(i18n.LANGS)]
    assert wrong == []
    differ = [key for key, texts in i18n.MESSAGES.items() if _fields(texts["nl"]) != _fields(texts["en"])]
    assert differ == []


@pytest.mark.parametrize("name", sorted(LABEL_TABLES) + sorted(PAGE_TABLES))
def test_every_table_has_the_same_keys_and_placeholders_in_both_languages(name):
    table = LABEL_TABLES.get(name) or PAGE_TABLES[name]
    assert set(table) == set(i18n.LANGS)
    assert table["nl"].keys() == table["en"].keys()
    differ = [k for k in table["nl"] if _fields(table["nl"][k]) != _fields(table["en"][k])]
    assert differ == []


def test_every_literal_message_key_in_the_code_is_in_the_catalogue():
    """``t("key", ...)`` and ``Problem(..., "key", ...)``-style literals resolve: a typo would raise at a user."""
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"\bt\(\s*\"([a-z0-9_]+)\"", path.read_text(encoding="utf-8")))
    assert used, "the scan found no t() call"
    assert sorted(used - set(i18n.MESSAGES)) == []


@pytest.mark.parametrize("lang, expected", [("en", "en"), ("EN", "en"), ("en-GB", "en"), ("nl", "nl"),
                                            ("de", "nl"), (None, "nl")])
def test_one_fallback_rule_for_every_page_table(lang, expected):
    assert i18n.resolve_lang(lang) == expected
    for table in PAGE_TABLES.values():
        assert i18n.table_strings(table, lang) == table[expected]
    assert i18n_report.strings(lang) == i18n_report.STRINGS[expected]
    assert i18n_map.strings(lang) == i18n_map.STRINGS[expected]
    assert i18n_change.strings(lang) == i18n_change.STRINGS[expected]
