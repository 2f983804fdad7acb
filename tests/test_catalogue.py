"""The message catalogue: every text in both languages, with the same placeholders, found by one lookup.

Replaces the module-level ``assert``s (stripped by ``python -O``) that checked key parity. The checks run
on the assembled catalogue and on each section module's source, so a key without a language, a key
written twice inside one section, or a key in two sections fails here.
"""
from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from ecosystem import catalogue, i18n

SRC = Path(i18n.__file__).parent
SECTION_FILES = sorted((SRC / "catalogue").glob("*.py"))


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _parity_problems(table: dict[str, dict[str, str]]) -> list[str]:
    """Keys without exactly the catalogue's languages, or whose languages differ in placeholders."""
    wrong = [key for key, texts in table.items() if set(texts) != set(catalogue.LANGS)]
    differ = [key for key, texts in table.items() if key not in wrong
              and len({frozenset(_fields(texts[lang])) for lang in catalogue.LANGS}) > 1]
    return sorted(wrong + differ)


def test_every_message_has_both_languages_with_the_same_placeholders():
    assert len(catalogue.CATALOGUE) > 600  # every section was assembled
    assert _parity_problems(catalogue.CATALOGUE) == []


@pytest.mark.parametrize("missing", ["nl", "en"])
def test_the_parity_check_fails_on_a_key_that_lacks_a_language(missing):
    broken = {"ok": {"nl": "{n} stuks", "en": "{n} pieces"},
              "half": {lang: "x" for lang in catalogue.LANGS if lang != missing},
              "fields": {"nl": "{n} stuks", "en": "{m} pieces"}}
    assert _parity_problems(broken) == ["fields", "half"]


@pytest.mark.parametrize("path", SECTION_FILES, ids=lambda p: p.name)
def test_no_key_is_written_twice_inside_a_section(path):
    """A dict literal keeps the last of two equal keys silently; the assembling cannot see that, this can."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_a_key_in_two_sections_raises_at_assembly():
    with pytest.raises(ValueError, match="'and'.*catalogue/one.py.*catalogue/two.py"):
        catalogue.assemble({"one": {"and": {"nl": "en", "en": "and"}}, "two": {"and": {"nl": "en", "en": "and"}}})
    with pytest.raises(ValueError, match="defined twice"):
        i18n.MESSAGES.update({"and": {"nl": "en", "en": "and"}})


def test_every_wording_lives_in_a_catalogue_section():
    """No language-keyed table ({"nl": ..., "en": ...}) and no ``MESSAGES.update`` outside catalogue/:
    a new word goes into a section module, where parity and duplicates are checked."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.parent.name == "catalogue":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                if set(catalogue.LANGS) <= keys:
                    found.append(f"{path.relative_to(SRC)}:{node.lineno} language-keyed dict")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "update"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in {"MESSAGES", "CATALOGUE"}):
                found.append(f"{path.relative_to(SRC)}:{node.lineno} {node.func.value.id}.update")
    assert found == []


def test_the_duplicate_check_survives_python_optimisation():
    """``python -O`` strips ``assert``; the check is a real ``raise``."""
    code = ("from ecosystem import catalogue\n"
            "try:\n    catalogue.assemble({'a': {'k': {}}, 'b': {'k': {}}})\nexcept ValueError:\n    print('raised')\n")
    out = subprocess.run([sys.executable, "-O", "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "raised"


def test_every_literal_message_key_in_the_code_is_in_the_catalogue():
    """``t("key", ...)`` and ``Problem(..., "key", ...)``-style literals resolve: a typo would raise at a user."""
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"\bt\(\s*\"([a-z0-9_]+)\"", path.read_text(encoding="utf-8")))
    assert used, "the scan found no t() call"
    assert sorted(used - set(i18n.MESSAGES)) == []


def test_every_page_section_named_in_the_code_exists():
    """``catalogue.section("report", lang)``: a misspelt page name would give an empty dict, not an error."""
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"section\(\s*\"([a-z_]+)\"", path.read_text(encoding="utf-8")))
    assert {"report", "map", "change", "region", "slides"} <= used
    assert sorted(name for name in used if not catalogue.section(name, "nl")) == []


@pytest.mark.parametrize("lang, expected", [("en", "en"), ("EN", "en"), ("en-GB", "en"), ("nl", "nl"),
                                            ("de", "nl"), (None, "nl")])
def test_one_fallback_rule_for_every_lookup(lang, expected):
    assert i18n.resolve_lang(lang) == expected
    for prefix in ("report", "map", "change", "region", "slides", "group"):
        want = {k[len(prefix) + 1:]: v[expected] for k, v in catalogue.CATALOGUE.items() if k.startswith(prefix + ".")}
        assert want and catalogue.section(prefix, lang) == want
    assert i18n.t("and", lang) == catalogue.CATALOGUE["and"][expected]


# --- the Locale: one object per reader, passed down instead of a language code ---

def test_locale_resolves_its_language_by_the_one_fallback_rule():
    from ecosystem.locale import Locale
    assert [Locale(code).lang for code in ("en", "EN", "en-GB", "nl", "de", "")] == ["en", "en", "en", "nl", "nl", "nl"]
    with pytest.raises(AttributeError):            # frozen: a renderer cannot switch the reader's language
        Locale("nl").lang = "en"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_locale_text_labels_and_numbers_follow_the_catalogue(lang):
    from ecosystem.locale import Locale
    loc = Locale(lang)
    assert loc.t("summary_core", n=2, names="A, B") == catalogue.CATALOGUE["summary_core"][lang].format(n=2, names="A, B")
    assert loc.group("employers") == catalogue.CATALOGUE["group.employers"][lang]
    assert loc.label("steering", "npm") == catalogue.CATALOGUE["steering.npm"][lang]
    assert loc.section("map") == catalogue.section("map", lang)
    point = {"nl": ",", "en": "."}[lang]
    assert loc.number(1234.5678, 3) == f"1234{point}568"
    assert loc.share(0.004) == "<1%" and loc.share(0.456) == "46%"
    assert loc.interval(0.615, 0.905) == "61–91%"                    # widened outward
    from ecosystem.analysis.core_periphery.significance import NullTest
    at_floor, above = NullTest(0.01, 0.0, 0.0, 99), NullTest(0.034, 0.0, 0.0, 999)
    assert loc.p(at_floor) == f"p ≤ 0{point}010" and loc.p(above) == f"p = 0{point}034"
    thousands = {"nl": ".", "en": ","}[lang]
    assert loc.count(1234567) == f"1{thousands}234{thousands}567" and loc.count(999) == "999"
    assert loc.join(["a", "b", "c"]) == f"a, b {catalogue.CATALOGUE['and'][lang]} c"


def test_locale_dates_name_the_month_in_the_readers_language():
    """'1 december 2026' / '1 December 2026': day without a leading zero, the catalogue's month name,
    the year in full; every month has its own name in both languages; a string is refused, not guessed."""
    import datetime
    from ecosystem.locale import Locale
    nl, en = Locale("nl"), Locale("en")
    assert nl.date(datetime.date(2026, 12, 1)) == "1 december 2026"
    assert en.date(datetime.date(2026, 12, 1)) == "1 December 2026"
    assert nl.date(datetime.date(2021, 3, 9)) == "9 maart 2021" and en.date(datetime.date(2021, 3, 9)) == "9 March 2021"
    assert en.date(datetime.datetime(2020, 5, 31, 14, 30)) == "31 May 2020"      # a time of day is not shown
    for loc in (nl, en):
        names = [loc.date(datetime.date(2024, m, 1)).split()[1] for m in range(1, 13)]
        assert len(set(names)) == 12
        assert names == [catalogue.CATALOGUE[f"month.{m}"][loc.lang] for m in range(1, 13)]
    assert [n.split()[1] for n in (nl.date(datetime.date(2024, m, 1)) for m in (1, 5, 10))] == ["januari", "mei", "oktober"]
    with pytest.raises(TypeError):
        nl.date("2026-12-01")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_locale_glossary_and_ties_sentence_come_from_the_catalogue(lang):
    """The glossary lists every term of catalogue/glossary.TERMS in that order, each explained by its
    catalogue line; the ties sentence appears only when a pair carries several relations."""
    from ecosystem.analysis.network import TieCount
    from ecosystem.catalogue.glossary import TERMS
    from ecosystem.locale import Locale
    loc = Locale(lang)
    gloss = loc.glossary()
    assert tuple(gloss) == TERMS
    for key, entry in gloss.items():
        assert entry["text"] == catalogue.CATALOGUE[f"gloss_{key}"][lang]
        term = catalogue.CATALOGUE.get(f"gloss_term_{key}", {}).get(lang) or loc.metric(key)
        assert entry["term"] == term and entry["term"] != key
    assert loc.ties_sentence(TieCount(52, 51, 0)) is None
    assert loc.ties_text(TieCount(52, 52, 0)) == "52"
    one, many = loc.ties_sentence(TieCount(52, 51, 1)), loc.ties_sentence(TieCount(60, 51, 7))
    assert one == catalogue.text("ties_differ_one", lang, relations=loc.counted("n_relations", 52),
                                 pairs=loc.counted("n_pairs", 51), ties=loc.counted("n_ties", 51))
    assert "60" in many and "51" in many and "7" in many and many != one
    assert loc.ties_text(TieCount(60, 51, 7)) == many


def test_no_renderer_takes_a_bare_language_code():
    """render/ receives a Locale (``loc``), never ``lang``: the language is resolved once, at the door."""
    offenders = []
    for path in sorted((SRC / "render").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                args = node.args.args + node.args.kwonlyargs + node.args.posonlyargs
                offenders += [f"{path.name}:{node.name}" for a in args if a.arg == "lang"]
    assert offenders == []


def _hands_on_the_language_code(tree: ast.AST) -> list[str]:
    """Calls that pass ``loc.lang`` as a positional argument (a lang-taking helper called around the Locale)."""
    return [f"line {node.lineno}" for node in ast.walk(tree) if isinstance(node, ast.Call)
            for a in node.args if isinstance(a, ast.Attribute) and a.attr == "lang"
            and isinstance(a.value, ast.Name) and a.value.id == "loc"]


def test_no_renderer_hands_the_language_code_on():
    """render/ words things through the Locale's methods (loc.core_periphery_sentence, ...), not by calling an
    i18n helper with ``loc.lang``; ``loc.lang`` only names the document's language (html lang, summary.json)."""
    assert len(_hands_on_the_language_code(ast.parse("x = core_periphery_sentence(s, t, loc.lang)"))) == 1
    offenders = {path.name: _hands_on_the_language_code(ast.parse(path.read_text(encoding="utf-8")))
                 for path in sorted((SRC / "render").glob("*.py"))}
    assert {k: v for k, v in offenders.items() if v} == {}


def _functions_taking_lang(path: Path, root: Path = SRC) -> list[str]:
    """``file:function`` for every function (or method) in ``path`` with a parameter named ``lang``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args.args + node.args.kwonlyargs + node.args.posonlyargs
            found += [f"{path.relative_to(root).as_posix()}:{node.name}" for a in args if a.arg == "lang"]
    return found


# Where a bare language code may still be a parameter: the catalogue and its two readers, and the
# public doors (api functions and cli commands), which take the user's ``lang`` string and make the Locale.
LANG_ALLOWED = ("catalogue/", "i18n.py", "locale.py")
DOORS = ("api.py", "api_meeting.py", "cli.py")


def test_no_function_outside_the_doors_takes_a_bare_language_code():
    """errors, intake, io, anonymise, model and the private api helpers receive a Locale (``loc``):
    the language is resolved once, at the door, and handed down."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name.startswith(LANG_ALLOWED):
            continue
        for found in _functions_taking_lang(path):
            function = found.rsplit(":", 1)[1]
            if name in DOORS and not function.startswith("_"):
                continue
            offenders.append(found)
    assert offenders == []


def test_the_lang_parameter_check_sees_a_function_taking_lang(tmp_path):
    """The check above finds a ``lang`` parameter (positional, keyword-only, in a method)."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f(x, lang):\n    pass\nclass C:\n    def m(self, *, lang='nl'):\n        pass\n"
                      "def g(loc):\n    pass\n", encoding="utf-8")
    assert _functions_taking_lang(sample, tmp_path) == ["sample.py:f", "sample.py:m"]


def _same_wording(table: dict[str, dict[str, str]]) -> set[frozenset[str]]:
    """Groups of keys whose texts are the same in every language (trailing punctuation and spaces aside:
    'Diagnose' and 'Diagnose:' are one wording)."""
    def plain(text: str) -> str:
        return re.sub(r"[\s.:;,!?]+$", "", text.strip())
    groups: dict[tuple[str, ...], set[str]] = {}
    for key, texts in table.items():
        groups.setdefault(tuple(plain(texts[lang]) for lang in catalogue.LANGS), set()).add(key)
    return {frozenset(keys) for keys in groups.values() if len(keys) > 1}


# Keys that may carry the same words, each with why. Different things that happen to be called the same:
COINCIDENCES = {
    # the name of the template's explanation sheet, and the header of that sheet's text column
    frozenset({"sheet_explanation", "x_text"}),
    # the input workbook's sheet (a name the loader must accept) and the sheet of actors.xlsx, an output
    frozenset({"sheet_actors", "sheet.actors"}),
}
# One wording under two keys still, in intake/ or with a rule of its own to settle; a fix removes the entry
# (the test fails while a listed group is no longer a duplicate, so the list only shrinks).


def test_one_wording_lives_under_one_key():
    """The same words in both languages under two keys is one wording written twice: a change to one
    leaves the other saying the old thing. A page that shows a word kept elsewhere borrows its key
    (``catalogue.section(..., borrow=...)``)."""
    assert _same_wording(catalogue.CATALOGUE) == COINCIDENCES


def test_the_same_wording_check_finds_two_keys_and_ignores_a_colon():
    table = {"a": {"nl": "Kans op kern", "en": "Core probability"},
             "b": {"nl": "Kans op kern:", "en": "Core probability"},
             "c": {"nl": "Kans op kern", "en": "Core chance"},          # one language alike is no duplicate
             "d": {"nl": "kans op kern", "en": "core probability"}}     # nor a lower-case word in a sentence
    assert _same_wording(table) == {frozenset({"a", "b"})}


def test_every_borrowed_word_is_a_catalogue_key():
    """The keys a page borrows (``*_BORROWS`` in render/) exist: a typo would raise at a user."""
    from ecosystem.render import change_html, map_html, report_html, side_by_side, whatif
    borrows = [change_html.CHANGE_BORROWS, map_html.MAP_BORROWS, report_html.REPORT_BORROWS, whatif.WHATIF_BORROWS,
               side_by_side.SIDE_BY_SIDE_BORROWS]
    assert sorted(key for table in borrows for key in table.values() if key not in catalogue.CATALOGUE) == []
