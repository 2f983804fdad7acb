"""Command line interface: a thin click layer over :mod:`ecosystem.api`."""
from __future__ import annotations

import atexit
import functools
import os
import sys
import traceback

import click

from . import __version__
from .errors import DataError, UserError, count_problems
from .i18n import LANGS
from .locale import Locale

EXIT_DATA = 2

# The command spreads its work over one process per core (ecosystem.parallel); threads of numpy's
# OpenBLAS would only compete with those processes, and OpenBLAS starts its pool when numpy is
# imported: 0.06 CPU s of every run on a 2-core machine (numpy's import as a process, 0.159 against
# 0.101 CPU s, bench/bench_startup.py). Set before numpy's import (the command's modules import it
# lazily), inherited by the forked workers.
BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1"}


def run() -> None:
    """The ``ecosystem`` command: :func:`main`, then an exit that does not tear the interpreter down.

    Once ``main`` has finished every output is written, closed and in place; what Python would
    still do is unload every module and free every object one by one: 0.3-0.4 s after an
    analysis (matplotlib, numba, the analysis itself) that the user waits for with
    nothing to gain. So the ``atexit`` handlers run (multiprocessing's, logging's), the output
    streams are flushed and the process ends at once with ``main``'s exit status; a stream that
    cannot be written ends it with 120, as Python's own exit does (a closed pipe, ``ecosystem ... |
    head``, is no failure). Skipped with the teardown: the clean-up concurrent.futures registers
    for pools still open, and none is (every pool is shut down where it is used). An exception
    other than SystemExit leaves the normal way, with its traceback. Tests call ``main``, not this.

    Being a one-shot process, it also keeps its long-lived objects out of full garbage
    collections (:func:`ecosystem.parallel.freeze_for_good`), and asks numpy's OpenBLAS for one
    thread (:data:`BLAS_THREADS`) unless ``OPENBLAS_NUM_THREADS`` is set already (OpenBLAS reads it
    before ``OMP_NUM_THREADS`` and ``GOTO_NUM_THREADS``, so those no longer choose its threads here).
    """
    from .parallel import freeze_for_good

    for name, value in BLAS_THREADS.items():
        os.environ.setdefault(name, value)
    freeze_for_good()
    try:
        main()
        status = 0
    except SystemExit as exc:
        status = _exit_status(exc.code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            pass
        except (OSError, ValueError):
            status = status or 120
    os._exit(status)


def _exit_status(code) -> int:
    """The exit status Python gives ``SystemExit(code)``: None is 0, a number itself, anything else printed and 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


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
        ecosystem analyse brabant/ --year 2020
        ecosystem compare brabant --from 2020 --to 2021
    """


BOOTSTRAP_HELP = ("Resamples for 'how sure are we' (0 = off), each way (relations and organisations left "
                  "out). Default: 100 up to 300 actors, 40 up to 2,000, 25 up to 20,000, 0 beyond.")
NULL_HELP = ("Random networks per core/periphery test (one test with ties placed at random, one keeping "
             "every organisation's number of ties). "
             "Default: 100 up to 300 actors, 50 up to 2,000, 20 beyond.")


def _igraph_without_pyplot() -> None:
    """Import igraph while matplotlib looks absent, so that igraph does not import ``matplotlib.pyplot``.

    igraph imports pyplot (0.2-0.3 s) for its own plotting, which this process never does:
    the PNGs are drawn with matplotlib's ``Figure`` and Agg canvas, imported when they are
    drawn. Only the command line does this, in the process it owns; a library user's igraph
    keeps its plotting.
    """
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        return
    sys.modules["matplotlib"] = None     # `import matplotlib` raises ImportError: igraph plots without it
    try:
        import igraph  # noqa: F401
    finally:
        del sys.modules["matplotlib"]


def analysis_options(command):
    """The options every analysing command shares: seed, bootstrap, null samples, debug.

    An analysing command imports igraph without pyplot first (:func:`_igraph_without_pyplot`).
    """
    plain = command

    @functools.wraps(plain)
    def analysing(*args, **kwargs):
        _igraph_without_pyplot()
        return plain(*args, **kwargs)

    command = analysing
    for option in reversed([
        click.option("--seed", type=int, default=0, show_default=True,
                     help="Random seed: same data and seed give the same numbers and the same map."),
        click.option("--bootstrap", type=click.IntRange(min=0), default=None, help=BOOTSTRAP_HELP),
        click.option("--null-samples", type=click.IntRange(min=1), default=None, help=NULL_HELP),
        click.option("--debug", is_flag=True, help="Show the full traceback when something goes wrong."),
    ]):
        command = option(command)
    return command


@main.command()
@click.argument("path", type=click.Path(path_type=str))
@click.option("--out", "out", default="outputs", show_default=True,
              help="Folder for the outputs; they go to OUT/<region folder name>/.")
@click.option("--lang", type=click.Choice(LANGS), default="nl", show_default=True,
              help="Language of the map, report and summary (nl = Nederlands, en = English).")
@click.option("--year", type=int, default=None, metavar="YYYY",
              help="Analyse the network as it stood in this year: only relations whose 'since' is empty "
                   "or at most YYYY and whose 'until' is empty or at least YYYY. Outputs go to "
                   "OUT/<region folder name>-YYYY/.")
@click.option("--quiet", is_flag=True, help="No progress bars on the long steps (they only show on a terminal).")
@click.option("--ties", type=click.Choice(["all", "confirmed"]), default="all", show_default=True,
              help="With survey data (from 'survey collect'): analyse all reported relations, or only those "
                   "both sides named.")
@click.option("--region", "region_name", default=None, metavar="NAME",
              help="Analyse one arbeidsmarktregio's network alone: the actors whose 'region' names it and the "
                   "relations among them. Outputs go to OUT/<region folder name>-<region>/.")
@click.option("--anonymise", is_flag=True,
              help="Share without names: every organisation is shown as its group and a number ('Onderwijs 3') "
                   "in every output; type, scale, free-text columns, notes and the source are left out. Outputs go to "
                   "OUT/<region folder name>-anoniem/; the key (number -> id and name) to "
                   "OUT/<region folder name>-anoniem-sleutel.csv (-key.csv with --lang en), outside the folder you share.")
@analysis_options
def analyse(path: str, out: str, lang: str, seed: int, bootstrap: int | None, null_samples: int | None, quiet: bool,
            year: int | None, ties: str, region_name: str | None, anonymise: bool, debug: bool) -> None:
    """Analyse the region data in PATH and write the map, tables and summary.

    PATH is a region folder with actors.csv and relations.csv (or ecosystem.xlsx, or a
    Kumu export as its only workbook). If it does not exist as given it is looked up
    under ./regions/. Besides the map, report and tables, kumu.xlsx takes the region and
    every metric back to Kumu. When actors name their arbeidsmarktregio ('region'
    column), each region is also analysed alone and the report puts them side by side.

    \b
    Example:
        ecosystem analyse brabant/            # uses ./regions/brabant/
        ecosystem analyse data/west-brabant --out resultaten --seed 7
        ecosystem analyse brabant/ --year 2020   # writes outputs/brabant-2020/
        ecosystem analyse brabant/ --region West-Brabant   # writes outputs/brabant-west-brabant/
    """
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import analyse as run  # imported here so --help stays fast

    result = _call(lambda: run(path, out=out, lang=lang, seed=seed, bootstrap=bootstrap,
                               null_samples=null_samples, year=year, ties=ties, progress=not quiet,
                               region_name=region_name, anonymise=anonymise), loc, debug)
    _finish(result, loc)
    if result.key is not None:   # hook (issue 12.4): say where the key is, and that it stays with the coordinator
        click.echo(loc.t("anonymise_key", path=result.key))


@main.command()
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str), required=False)
@click.argument("more", type=click.Path(path_type=str), nargs=-1)
@click.option("--from", "from_year", type=int, default=None, metavar="YYYY",
              help="With one region folder: the earlier year (use with --to).")
@click.option("--to", "to_year", type=int, default=None, metavar="YYYY",
              help="With one region folder: the later year (use with --from).")
@click.option("--out", "out", default="outputs", show_default=True,
              help="Folder for the outputs; they go to OUT/<OLD folder name>-<NEW folder name>/, or OUT/<folder>-<from>-<to>/.")
@click.option("--lang", type=click.Choice(LANGS), default="nl", show_default=True,
              help="Language of the summary and change.html (nl = Nederlands, en = English).")
@analysis_options
def compare(old: str, new: str | None, more: tuple[str, ...], from_year: int | None, to_year: int | None,
            out: str, lang: str, seed: int, bootstrap: int | None, null_samples: int | None, debug: bool) -> None:
    """Show what changed between two versions of a region.

    OLD and NEW are two region folders (for example last year's and this year's
    spreadsheets), looked up under ./regions/ like analyse. Or give one region
    folder with --from and --to to compare the network in two years, using the
    'since' and 'until' columns of relations.csv.

    Both are analysed with the same seed. The summary lists actors that joined or
    left, relations added or removed, who entered or left the core, the orchestrator
    top 5, the key groups' place in the core and seat at the table, and the diagnosis,
    and says which changes are beyond the uncertainty of the data. Writes
    change.json and change.html.

    With three or more folders they are put side by side instead (size, density,
    core, top orchestrator candidate, key groups without a seat, the diagnosis):
    compare.json and compare.html in OUT/<A>-<B>-<C>/.

    \b
    Example:
        ecosystem compare brabant-2023 brabant-2024
        ecosystem compare brabant --from 2020 --to 2021 --lang en
        ecosystem compare west-brabant midden-brabant zuidoost-brabant
    """
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import compare as run  # imported here so --help stays fast
    from .errors import UserError as _UserError

    if more:   # issue 12 hook: three or more folders side by side
        from .api import compare_many

        def many():
            if from_year is not None or to_year is not None:
                raise _UserError("compare_many_years", n=2 + len(more))
            return compare_many([old, new, *more], out=out, lang=lang, seed=seed, bootstrap=bootstrap,
                                null_samples=null_samples)
        _finish(_call(many, loc, debug), loc)
        return

    result = _call(lambda: run(old, new, out=out, lang=lang, seed=seed, from_year=from_year, to_year=to_year,
                               bootstrap=bootstrap, null_samples=null_samples), loc, debug)
    _finish(result, loc)


@main.command()
@click.argument("path", type=click.Path(path_type=str))
@click.option("--without", "without", multiple=True, metavar="ID",
              help="An organisation (its id in actors.csv) that leaves, with all its relations; repeat for more.")
@click.option("--with", "with_file", default=None, metavar="FILE", type=click.Path(path_type=str),
              help="Extra relation rows, in the same format as relations.csv (e.g. onderwijs joining a table).")
@click.option("--out", "out", default="outputs", show_default=True,
              help="Folder for the outputs; they go to OUT/<region folder name>-whatif-<ids>[-with-<file>]/.")
@click.option("--lang", type=click.Choice(LANGS), default="nl", show_default=True,
              help="Language of the summary and change.html (nl = Nederlands, en = English).")
@analysis_options
def whatif(path: str, without: tuple[str, ...], with_file: str | None, out: str, lang: str, seed: int,
           bootstrap: int | None, null_samples: int | None, debug: bool) -> None:
    """What if organisations leave (--without) or relations are added (--with)?

    Analyses the changed network with the same settings and writes the change view
    against the current one (change.json, change.html, as compare does), led by who
    loses every path to the rest, which pairs of key groups lose their last
    connection, and the change in distance-weighted fragmentation.

    \b
    Example:
        ecosystem whatif brabant --without rwb_wb
        ecosystem whatif brabant --with onderwijs-aan-tafel.csv
    """
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import whatif as run  # imported here so --help stays fast

    result = _call(lambda: run(path, without, with_file, out=out, lang=lang, seed=seed, bootstrap=bootstrap,
                               null_samples=null_samples), loc, debug)
    _finish(result, loc)


@main.group("import")
def import_() -> None:
    """Turn data from another tool into a region folder (actors.csv and relations.csv)."""


@import_.command("kumu")
@click.argument("file", type=click.Path(path_type=str))
@click.option("--into", "into", required=True, type=click.Path(path_type=str),
              help="Region folder to write actors.csv and relations.csv into (existing files are never overwritten).")
@click.option("--lang", type=click.Choice(LANGS), default="nl", show_default=True,
              help="Language of the messages (nl = Nederlands, en = English).")
@click.option("--debug", is_flag=True, help="Show the full traceback when something goes wrong.")
def import_kumu(file: str, into: str, lang: str, debug: bool) -> None:
    """Write the Kumu workbook FILE as actors.csv and relations.csv in the folder INTO.

    The actor group comes from a field 'group'/'groep', else from Type through the
    everyday vocabulary (gemeente, bedrijf, vakbond, mbo, ...); Kumu types that map to
    no group are listed, with how to map them in a [groups] table of region.toml
    (read from INTO, else from FILE's folder). Connection types map the same way
    ([relation_types]); Strength is the weight.

    \b
    Example:
        ecosystem import kumu twente-kumu.xlsx --into regions/twente
    """
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import import_kumu as run  # imported here so --help stays fast

    result = _call(lambda: run(file, into), loc, debug)
    for warning in result.warnings:
        click.echo(f"{loc.t('warning')}: {warning.render(loc)}", err=True)
    click.echo(loc.t("import_written", actors=result.actors, relations=result.relations))
    for path_ in result.files:
        click.echo(f"  {path_}")


def _call(work, loc: Locale, debug: bool):
    """Run ``work``; on a problem print one line per problem and exit (2 for the user's data or options)."""
    try:
        return work()
    except DataError as exc:
        for problem in exc.problems:
            click.echo(f"{loc.t('error')}: {problem.render(loc)}", err=True)
        click.echo(count_problems(len(exc.problems), loc), err=True)
        if debug:
            traceback.print_exc()
        sys.exit(EXIT_DATA)
    except UserError as exc:  # a wrong option such as an unusable --out: one line, nothing written
        click.echo(f"{loc.t('error')}: {exc.render(loc)}.", err=True)
        if debug:
            traceback.print_exc()
        sys.exit(EXIT_DATA)
    except Exception as exc:  # anything unexpected: one line unless --debug
        if debug:
            raise
        click.echo(f"{loc.t('error')}: {type(exc).__name__}: {exc} (--debug)", err=True)
        sys.exit(1)


def _finish(result, loc: Locale) -> None:
    """Warnings, the summary, and last where the outputs are."""
    for warning in result.warnings:
        click.echo(f"{loc.t('warning')}: {warning.render(loc)}", err=True)
    click.echo(result.text)
    click.echo(loc.t("summary_outputs", path=result.out_dir))
    for path_ in result.files.values():
        click.echo(f"  {path_}")


# --- the intake road: init, validate, survey --------------------------------------------------------

LANG_OPTION = click.option("--lang", type=click.Choice(LANGS), default="nl", show_default=True,
                           help="Language of the messages and workbooks (nl = Nederlands, en = English).")


def _warnings(warnings, loc: Locale) -> None:
    for warning in warnings:
        click.echo(f"{loc.t('warning')}: {warning.render(loc)}", err=True)


@main.command("init")
@click.argument("folder", type=click.Path(path_type=str))
@click.option("--arbeidsmarktregio", default=None, metavar="NAME",
              help="Start the actors sheet with this region's usual cast (centrumgemeente, UWV, Leerwerkloket, "
                   "Regionaal Werkbedrijf, mobiliteitsteam); e.g. Twente or AM05.")
@LANG_OPTION
@click.option("--debug", is_flag=True, help="Show the full traceback when something goes wrong.")
def init_command(folder: str, arbeidsmarktregio: str | None, lang: str, debug: bool) -> None:
    """Create FOLDER with a template ecosystem.xlsx and region.toml. Never overwrites a file.

    \b
    Example:
        ecosystem init twente --arbeidsmarktregio Twente
    """
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import init as run

    result = _call(lambda: run(folder, arbeidsmarktregio, lang), loc, debug)
    _warnings(result.warnings, loc)
    click.echo(loc.t("init_done", path=result.folder))
    for path_ in result.files:
        click.echo(f"  {path_}")
    for name, source in result.named:
        click.echo(loc.t("init_cast_named", name=name, source=source))
    click.echo(loc.t("init_next", path=result.folder))


@main.command("validate")
@click.argument("path", type=click.Path(path_type=str))
@LANG_OPTION
@click.option("--debug", is_flag=True, help="Show the full traceback when something goes wrong.")
def validate_command(path: str, lang: str, debug: bool) -> None:
    """Check the region data in PATH as analyse does, and write nothing. Exit 0 or 2.

    \b
    Example:
        ecosystem validate twente
    """
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import validate as run

    result = _call(lambda: run(path, lang), loc, debug)
    _warnings(result.warnings, loc)
    click.echo(loc.t("validate_ok", path=result.region.path, actors=len(result.region.actors),
                 relations=len(result.region.relations), warnings=len(result.warnings)))


@main.group("survey")
def survey_group() -> None:
    """A survey round: send each organisation a questionnaire, then merge the answers."""


@survey_group.command("make")
@click.argument("path", type=click.Path(path_type=str))
@click.option("--out", default=None, help="Folder for the questionnaires (default: <region folder>-vragenlijsten).")
@LANG_OPTION
@click.option("--debug", is_flag=True, help="Show the full traceback when something goes wrong.")
def survey_make_command(path: str, out: str | None, lang: str, debug: bool) -> None:
    """Write one questionnaire workbook per organisation in PATH, plus an overview workbook.

    \b
    Example:
        ecosystem survey make twente --out vragenlijsten
    """
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import survey_make as run

    result = _call(lambda: run(path, out, lang), loc, debug)
    _warnings(result.warnings, loc)
    click.echo(result.text)


@survey_group.command("collect")
@click.argument("path", type=click.Path(path_type=str))
@click.argument("responses", type=click.Path(path_type=str))
@click.option("--into", default=None, help="Region folder to write (default: <region folder>-enquete).")
@LANG_OPTION
@click.option("--debug", is_flag=True, help="Show the full traceback when something goes wrong.")
def survey_collect_command(path: str, responses: str, into: str | None, lang: str, debug: bool) -> None:
    """Merge the questionnaires in RESPONSES into a region folder; print response and disagreements.

    \b
    Example:
        ecosystem survey collect twente antwoorden/ --into twente-2025
    """
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import survey_collect as run

    result = _call(lambda: run(path, responses, into, lang), loc, debug)
    _warnings(result.warnings, loc)
    click.echo(result.text)
