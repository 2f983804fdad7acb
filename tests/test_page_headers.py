"""Each page's title and header say the region once and a year's network's year once.

map.html's <title> repeated its title ('LLO-ecosysteem X — X'); with --year the map's and the report's header
said 'Regio: X, 2016' above 'Periode: 2016', and a change page's title 'X, 2020, 2016 → 2020'. The names and
years are the fixture's region.toml and the years asked for, counted in the pages the CLI writes.
"""
from __future__ import annotations

import html
import re
import tomllib

import pytest
from openpyxl import load_workbook

from conftest import FIXTURES, run_cli

TWENTE = FIXTURES / "twente"
FAST = ("--bootstrap", "0", "--null-samples", "5")


def _name(lang: str) -> str:
    toml = tomllib.loads((TWENTE / "region.toml").read_text(encoding="utf-8"))
    return toml.get(lang, {}).get("name") or toml["name"]


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _title(page: str) -> str:
    return _text(re.search(r"<title>(.*?)</title>", page, re.S).group(1))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("year", [None, 2020])
def test_map_and_report_say_the_region_and_the_year_once(tmp_path, lang, year):
    name = _name(lang)
    args = ("--year", str(year)) if year else ()
    result = run_cli("analyse", TWENTE, "--out", tmp_path, "--lang", lang, *args, *FAST)
    assert result.exit_code == 0, result.output
    out = tmp_path / ("twente" if year is None else f"twente-{year}")
    page = (out / "map.html").read_text(encoding="utf-8")
    title = _title(page)
    assert title.count(name) == 1, title
    assert title == _text(re.search(r'<h1 id="title">(.*?)</h1>', page, re.S).group(1))   # the page's title, once
    rows = [_text(li) for li in re.findall(r"<li>(.*?)</li>",
                                           re.search(r'<ul class="meta">(.*?)</ul>', page, re.S).group(1), re.S)]
    report = (out / "report.html").read_text(encoding="utf-8")
    cover = re.search(r'<dl class="meta">(.*?)</dl>', report, re.S).group(1)
    dl = [(_text(dt), _text(dd)) for dt, dd in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", cover, re.S)]
    about = load_workbook(out / "actors.xlsx", read_only=True).worksheets[-1]
    sheet = [str(c) for row in about.iter_rows(values_only=True) for c in row if c]
    for shown in (rows, [f"{k}: {v}" for k, v in dl], sheet):
        region = [line for line in shown if line.endswith(name) and ": " in line]
        assert len(region) == 1, shown            # the region row: the name alone, once
        assert sum(name in line for line in shown) == 1, shown
        if year is not None:
            assert sum(str(year) in line for line in shown) == 1, shown       # the period row only
            assert any(line.endswith(f": {year}") for line in shown), shown
    if year is not None:
        assert str(year) in title and title.count(str(year)) == 1, title      # the title still says the year


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_change_between_years_says_each_year_once(tmp_path, lang):
    result = run_cli("compare", TWENTE, "--from", "2016", "--to", "2020", "--out", tmp_path, "--lang", lang, *FAST)
    assert result.exit_code == 0, result.output
    page = next(tmp_path.rglob("change.html")).read_text(encoding="utf-8")
    title = _title(page)
    assert title.count(_name(lang)) == 1 and title.count("2016") == 1 and title.count("2020") == 1, title
    head = _text(re.search(r"<h1>(.*?)</h1>", page, re.S).group(1))
    assert head == title


def test_whatif_in_a_year_says_the_year_once(tmp_path):
    result = run_cli("whatif", TWENTE, "--without", "uwv", "--year", "2020", "--out", tmp_path, *FAST)
    assert result.exit_code == 0, result.output
    title = _title(next(tmp_path.rglob("change.html")).read_text(encoding="utf-8"))
    assert title.count(_name("nl")) == 1 and title.count("2020") == 1, title
