"""The command line speaks the reader's language: ``--help`` and a mistyped command, Dutch by default and
English with ``--lang en`` anywhere on the line.

A usage error is one line on stderr in the frame of the other errors ("fout: {what}.", then where the help
is), exit code 2, no traceback and none of click's English ("Error:", "Usage:", "No such option"). The help
pages are checked against the catalogue: every command's and option's text appears in the language asked
for, and the other language's does not.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ecosystem import catalogue
from ecosystem.cli import main
from ecosystem.cli_language import Option, language_of

BRABANT = Path(__file__).resolve().parents[1] / "regions" / "brabant"
CLICK_ENGLISH = ("Error:", "Usage:", "Traceback", "No such", "Missing argument", "Missing option", "Invalid value",
                 "Try '", "requires an argument", "unexpected extra")
FRAME = {"nl": ("fout: ", "Zie '{command} --help'."), "en": ("error: ", "See '{command} --help'.")}


def invoke(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _one_line(result, lang: str, command: str) -> str:
    """The usage error's line, after checking its frame: exit 2, nothing on stdout, one line on stderr."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    start, hint = FRAME[lang]
    line = lines[0]
    assert line.startswith(start) and line.endswith(hint.format(command=command)), line
    assert not any(word in line for word in CLICK_ENGLISH), line
    return line


# (arguments, command in the hint, what the Dutch line says, what the English line says)
MISTAKES = [
    pytest.param(["analyse", BRABANT, "--outt", "x"], "ecosystem analyse",
                 "onbekende optie '--outt'. Bedoelt u '--out'?", "unknown option '--outt'. Did you mean '--out'?",
                 id="unknown-option"),
    pytest.param(["analyse"], "ecosystem analyse", "PATH ontbreekt.", "PATH is missing.", id="missing-argument"),
    pytest.param(["analyse", BRABANT, "--ties", "sommige"], "ecosystem analyse",
                 "ongeldige waarde 'sommige' voor --ties; kies 'all' of 'confirmed'.",
                 "invalid value 'sommige' for --ties; choose 'all' or 'confirmed'.", id="bad-choice"),
    pytest.param(["analyze", BRABANT], "ecosystem",
                 "onbekende opdracht 'analyze'. Bedoelt u 'analyse'?", "unknown command 'analyze'. Did you mean 'analyse'?",
                 id="unknown-command"),
    pytest.param(["survey", "mak", BRABANT], "ecosystem survey",
                 "onbekende opdracht 'mak'. Bedoelt u 'make'?", "unknown command 'mak'. Did you mean 'make'?",
                 id="unknown-subcommand"),
    pytest.param(["import", "kumu", "twente.xlsx"], "ecosystem import kumu",
                 "optie --into ontbreekt; die is verplicht.", "option --into is missing; it is required.",
                 id="missing-option"),
    pytest.param(["analyse", BRABANT, "--bootstrap", "-1"], "ecosystem analyse",
                 "--bootstrap neemt een geheel getal van 0 of meer, niet '-1'.",
                 "--bootstrap takes a whole number of 0 or more, not '-1'.", id="below-range"),
    pytest.param(["compare", BRABANT, "--from", "vorig-jaar"], "ecosystem compare",
                 "--from neemt een geheel getal, niet 'vorig-jaar'.", "--from takes a whole number, not 'vorig-jaar'.",
                 id="not-a-number"),
    pytest.param(["validate", BRABANT, "--debug=ja"], "ecosystem validate",
                 "optie --debug neemt geen waarde; geef alleen --debug.",
                 "option --debug takes no value; give --debug alone.", id="value-after-flag"),
    pytest.param(["validate", "Mijn", "Regio"], "ecosystem validate",
                 "één argument te veel: 'Regio'. Staat er een spatie in een map- of bestandsnaam, zet de naam dan "
                 "tussen aanhalingstekens.",
                 "one argument too many: 'Regio'. If a folder or file name has a space in it, put the name in quotes.",
                 id="extra-argument"),
]


@pytest.mark.parametrize("args, command, dutch, english", MISTAKES)
def test_a_usage_error_is_one_dutch_line_by_default(args, command, dutch, english):
    line = _one_line(invoke(*args), "nl", command)
    assert dutch in line


@pytest.mark.parametrize("args, command, dutch, english", MISTAKES)
@pytest.mark.parametrize("where", ["after", "before", "equals"])
def test_a_usage_error_is_english_with_lang_en_before_or_after_the_mistake(args, command, dutch, english, where):
    if where == "after":
        args = [*args, "--lang", "en"]
    elif where == "before":       # the group's --lang, before the command itself
        args = ["--lang", "en", *args]
    else:
        args = [*args, "--lang=en"]
    line = _one_line(invoke(*args), "en", command)
    assert english in line
    assert dutch not in line


def test_an_option_without_its_value_and_a_missing_command_are_said_too():
    line = _one_line(invoke("analyse", BRABANT, "--out"), "nl", "ecosystem analyse")
    assert "optie --out heeft een waarde nodig: --out WAARDE." in line
    line = _one_line(invoke("--lang", "en"), "en", "ecosystem")
    assert "error: command is missing." in line


@pytest.mark.parametrize("args, command, option", [
    (("survey", "make", BRABANT, "--out", "--debug"), "ecosystem survey make", "--out"),
    (("survey", "collect", BRABANT, "answers", "--into", "--lang", "en"), "ecosystem survey collect", "--into"),
    (("whatif", BRABANT, "--without", "--debug"), "ecosystem whatif", "--without"),
    (("analyse", BRABANT, "--out", "--quiet"), "ecosystem analyse", "--out"),
])
def test_an_option_name_where_a_value_belongs_is_a_missing_value(tmp_path, monkeypatch, args, command, option):
    """click takes the next word as an option's value, whatever it is: ``survey make x --out --debug`` made a
    folder called '--debug' with exit 0. The option's name in a value's place is said as a missing value,
    and nothing is made."""
    monkeypatch.chdir(tmp_path)
    lang = "en" if "en" in args else "nl"
    line = _one_line(invoke(*args), lang, command)
    needs = {"nl": f"optie {option} heeft een waarde nodig", "en": f"option {option} needs a value"}[lang]
    assert needs in line
    assert list(tmp_path.iterdir()) == []


def test_a_negative_seed_is_refused_as_a_usage_error():
    """numpy takes no negative seed: ``--seed -1`` ended in an internal error (exit 1)."""
    line = _one_line(invoke("analyse", BRABANT, "--seed", "-1"), "nl", "ecosystem analyse")
    assert "--seed neemt een geheel getal van 0 of meer, niet '-1'." in line


def test_an_unknown_language_is_refused_in_dutch():
    """``--lang de`` is not a choice; the catalogue's fallback for it is Dutch, so the refusal is Dutch."""
    line = _one_line(invoke("analyse", BRABANT, "--lang", "de"), "nl", "ecosystem analyse")
    assert "ongeldige waarde 'de' voor --lang; kies 'nl' of 'en'." in line


def test_the_real_command_exits_2_with_the_dutch_line_and_no_traceback():
    """Through ``python -m ecosystem`` (cli.run, which ends the process itself) as a user runs it."""
    done = subprocess.run([sys.executable, "-m", "ecosystem", "analyse", str(BRABANT), "--outt", "x"],
                          capture_output=True, text=True, env={**os.environ, "ECOSYSTEM_WORKERS": "1"})
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "fout: onbekende optie '--outt'. Bedoelt u '--out'? Zie 'python -m ecosystem analyse --help'."]


@pytest.mark.parametrize("args, expected", [
    (["analyse", "x", "--outt", "--lang", "en"], "en"),
    (["--lang", "en", "analyse", "x"], "en"),
    (["analyse", "--lang=EN", "x"], "en"),
    (["--lang", "en", "validate", "x", "--lang", "nl"], "nl"),     # the last one counts, as for click
    (["analyse", "x", "--", "--lang", "en"], "nl"),                # after '--' it is an argument
    (["analyse", "x", "--lang"], "nl"),
    (["analyse", "x", "--lang", "de"], "nl"),
    (["analyse", "x"], "nl"),
])
def test_the_language_is_read_from_the_raw_command_line(args, expected):
    assert language_of(args) == expected


def test_the_groups_lang_is_the_commands_language_unless_the_command_has_its_own(tmp_path):
    missing = tmp_path / "nergens"
    english = invoke("--lang", "en", "validate", missing)
    assert english.exit_code == 2 and "folder does not exist" in english.stderr
    dutch = invoke("--lang", "en", "validate", missing, "--lang", "nl")
    assert dutch.exit_code == 2 and "map bestaat niet" in dutch.stderr


# --- the help pages ---

def _commands(group: click.Group, path: tuple[str, ...] = ()):
    """(path, command) for the group and every command under it."""
    yield path, group
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name), command


def _help_keys(command: click.Command) -> list[str]:
    ctx = click.Context(command)
    help_option = command.get_help_option(ctx)
    return [command.help_key, *("cli.option.help" if param is help_option else param.help_key
                                for param in command.get_params(ctx) if isinstance(param, click.Option))]


def _flat(text: str) -> str:
    """The words of a text, as one line: the help page wraps lines at spaces and after hyphens."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


COMMANDS = list(_commands(main))


@pytest.mark.parametrize("path, command", COMMANDS, ids=lambda value: " ".join(value) if isinstance(value, tuple) else "")
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_help_page_is_the_catalogues_in_the_language_asked_for(path, command, lang):
    """Dutch without --lang, English with --lang en (given after --help): every help text of the command and
    its options appears whole, none of the other language's does, and click's English frame is gone."""
    args = [*path, "--help", *(["--lang", "en"] if lang == "en" else [])]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    page, other = _flat(result.output), "nl" if lang == "en" else "en"
    for key in _help_keys(command):
        texts = catalogue.CATALOGUE[key]
        assert _flat(texts[lang].replace("\b", "")) in page, key
        assert _flat(texts[other].replace("\b", "")) not in page, key
    frame = {"nl": ("Gebruik:", "Opties"), "en": ("Usage:", "Options")}
    assert all(word in page for word in frame[lang])
    assert not any(word in page for word in frame[other])


def test_no_arguments_show_the_dutch_help():
    result = invoke()
    assert "Gebruik: ecosystem [OPTIES] OPDRACHT" in result.output and "Opdrachten" in result.output


def test_every_help_text_is_a_catalogue_key_in_both_languages_and_translated():
    """Every command and option of the CLI names its help by catalogue key (an option made without one
    would show click's English, or nothing), and each key has a Dutch text that is not the English one."""
    keys = set()
    for _, command in COMMANDS:
        ctx = click.Context(command)
        help_option = command.get_help_option(ctx)
        assert all(isinstance(param, Option) for param in command.get_params(ctx)
                   if isinstance(param, click.Option) and param is not help_option), command.name
        keys |= set(_help_keys(command))
    assert len(keys) > 30
    for key in sorted(keys):
        texts = catalogue.CATALOGUE[key]
        assert set(texts) == set(catalogue.LANGS) and texts["nl"] != texts["en"] and texts["nl"].strip(), key


def test_every_cli_key_is_used_by_the_code():
    """The catalogue's cli section holds no wording that nothing shows (a stale copy of a help text)."""
    source = "".join(path.read_text(encoding="utf-8")
                     for path in Path(catalogue.__file__).parents[1].glob("cli*.py"))
    unused = [key for key in catalogue.CATALOGUE
              if key.startswith("cli.") and f'"{key}"' not in source and f"'{key}'" not in source]
    assert unused == []


def test_the_readme_shows_what_the_command_prints():
    """README's example of a mistyped command: each '$ ecosystem ...' line gives the line printed under it."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```text\n(\$ ecosystem .*?)```", readme, flags=re.S).group(1).splitlines()
    pairs = list(zip(block[::2], block[1::2]))
    assert len(pairs) == 2
    for command, printed in pairs:
        result = invoke(*command.split()[2:])
        assert result.exit_code == 2 and result.stderr.splitlines() == [printed]
