"""Command line interface: a thin click layer over :mod:`ecosystem.api`."""
from __future__ import annotations

import sys
import traceback

import click

from . import __version__
from .errors import DataError, UserError, count_problems
from .i18n import LANGS, t

EXIT_DATA = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ecosystem")
def main() -> None:
    """Map and analyse the Leven Lang Ontwikkelen (LLO) ecosystem of a region.

    Keep your actors and relations in a spreadsheet (actors.csv and relations.csv,
    or ecosystem.xlsx), then run one command to get an offline map, tables and a
    summary: who is in the core, who in the periphery, who could orchestrate.

    \b
    Example:
        ecosystem analyse brabant/
        ecosystem analyse mijn-regio/ --out resultaten --lang en
    """


@main.command()
@click.argument("path", type=click.Path(path_type=str))
@click.option("--out", "out", default="outputs", show_default=True,
              help="Folder for the outputs; they go to OUT/<region folder name>/.")
@click.option("--lang", type=click.Choice(LANGS), default="nl", show_default=True,
              help="Language of the map, report and summary (nl = Nederlands, en = English).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Random seed: same data and seed give the same numbers and the same map.")
@click.option("--bootstrap", type=click.IntRange(min=0), default=None,
              help="Resamples for 'how sure are we' (0 = off). Default: 100 up to 300 actors, "
                   "40 up to 2,000, 10 beyond.")
@click.option("--null-samples", type=click.IntRange(min=1), default=None,
              help="Random networks with the same degrees for the core/periphery significance test. "
                   "Default: 100 up to 300 actors, 50 up to 2,000, 20 beyond.")
@click.option("--debug", is_flag=True, help="Show the full traceback when something goes wrong.")
def analyse(path: str, out: str, lang: str, seed: int, bootstrap: int | None, null_samples: int | None,
            debug: bool) -> None:
    """Analyse the region data in PATH and write the map, tables and summary.

    PATH is a region folder with actors.csv and relations.csv (or ecosystem.xlsx).
    If it does not exist as given it is looked up under ./regions/.

    \b
    Example:
        ecosystem analyse brabant/            # uses ./regions/brabant/
        ecosystem analyse data/west-brabant --out resultaten --seed 7
    """
    from .api import analyse as run  # imported here so --help stays fast

    try:
        result = run(path, out=out, lang=lang, seed=seed, bootstrap=bootstrap, null_samples=null_samples)
    except DataError as exc:
        for problem in exc.problems:
            click.echo(f"{t('error', lang)}: {problem.render(lang)}", err=True)
        click.echo(count_problems(len(exc.problems), lang), err=True)
        if debug:
            traceback.print_exc()
        sys.exit(EXIT_DATA)
    except UserError as exc:  # a wrong option such as an unusable --out: one line, nothing written
        click.echo(f"{t('error', lang)}: {exc.render(lang)}.", err=True)
        if debug:
            traceback.print_exc()
        sys.exit(EXIT_DATA)
    except Exception as exc:  # anything unexpected: one line unless --debug
        if debug:
            raise
        click.echo(f"{t('error', lang)}: {type(exc).__name__}: {exc} (--debug)", err=True)
        sys.exit(1)
    for warning in result.warnings:
        click.echo(f"{t('warning', lang)}: {warning.render(lang)}", err=True)
    click.echo(result.text)
    click.echo(t("summary_outputs", lang, path=result.out_dir))
    for path_ in result.files.values():
        click.echo(f"  {path_}")
