"""Command line interface: a thin click layer over :mod:`ecosystem.api`."""
from __future__ import annotations

import atexit
import functools
import os
import sys
import traceback

import click

from . import __version__
from .cli_language import Group, Option, error_line, lang_option, locale_of, option
from .errors import DataError, UserError, count_problems
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


def _version(ctx: click.Context) -> str:
    return locale_of(ctx).t("cli.version", prog="ecosystem", version=__version__)


# Every word of the help pages and of a mistyped command comes from the catalogue (catalogue/cli.py), in
# the language of --lang anywhere on the line (ecosystem.cli_language); each command and option names its
# help by key.
@click.group(cls=Group, name="ecosystem", help_key="cli.command.main",
             context_settings={"help_option_names": ["-h", "--help"]})
@click.custom_version_option(_version, cls=Option, help_key="cli.option.version")
def main() -> None:
    """The ``ecosystem`` command group (its help: catalogue key ``cli.command.main``)."""


DEBUG_OPTION = option("--debug", is_flag=True, help_key="cli.option.debug")


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
    for decorate in reversed([
        option("--seed", type=click.IntRange(min=0), default=0, show_default=True, help_key="cli.option.seed"),
        option("--bootstrap", type=click.IntRange(min=0), default=None, help_key="cli.option.bootstrap"),
        option("--null-samples", type=click.IntRange(min=1), default=None, help_key="cli.option.null_samples"),
        DEBUG_OPTION,
    ]):
        command = decorate(command)
    return command


@main.command(help_key="cli.command.analyse")
@click.argument("path", type=click.Path(path_type=str))
@option("--out", "out", default="outputs", show_default=True, help_key="cli.option.analyse_out")
@lang_option("cli.option.lang_outputs")
@option("--year", type=int, default=None, metavar="YYYY", help_key="cli.option.analyse_year")
@option("--quiet", is_flag=True, help_key="cli.option.analyse_quiet")
@option("--ties", type=click.Choice(["all", "confirmed"]), default="all", show_default=True,
        help_key="cli.option.analyse_ties")
@option("--region", "region_name", default=None, metavar="NAME", help_key="cli.option.analyse_region")
@option("--anonymise", is_flag=True, help_key="cli.option.analyse_anonymise")
@analysis_options
def analyse(path: str, out: str, lang: str, seed: int, bootstrap: int | None, null_samples: int | None, quiet: bool,
            year: int | None, ties: str, region_name: str | None, anonymise: bool, debug: bool) -> None:
    """``ecosystem analyse`` (help: ``cli.command.analyse``)."""
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import analyse as run  # imported here so --help stays fast

    result = _call(lambda: run(path, out=out, lang=lang, seed=seed, bootstrap=bootstrap,
                               null_samples=null_samples, year=year, ties=ties, progress=not quiet,
                               region_name=region_name, anonymise=anonymise), loc, debug)
    _finish(result, loc)
    if result.key is not None:   # hook (issue 12.4): say where the key is, and that it stays with the coordinator
        click.echo(loc.t("anonymise_key", path=result.key))


@main.command(help_key="cli.command.compare")
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str), required=False)
@click.argument("more", type=click.Path(path_type=str), nargs=-1)
@option("--from", "from_year", type=int, default=None, metavar="YYYY", help_key="cli.option.compare_from")
@option("--to", "to_year", type=int, default=None, metavar="YYYY", help_key="cli.option.compare_to")
@option("--out", "out", default="outputs", show_default=True, help_key="cli.option.compare_out")
@lang_option("cli.option.lang_change")
@analysis_options
def compare(old: str, new: str | None, more: tuple[str, ...], from_year: int | None, to_year: int | None,
            out: str, lang: str, seed: int, bootstrap: int | None, null_samples: int | None, debug: bool) -> None:
    """``ecosystem compare`` (help: ``cli.command.compare``)."""
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


@main.command(help_key="cli.command.whatif")
@click.argument("path", type=click.Path(path_type=str))
@option("--without", "without", multiple=True, metavar="ID", help_key="cli.option.whatif_without")
@option("--with", "with_file", default=None, metavar="FILE", type=click.Path(path_type=str),
        help_key="cli.option.whatif_with")
@option("--year", type=int, default=None, metavar="YYYY", help_key="cli.option.whatif_year")
@option("--out", "out", default="outputs", show_default=True, help_key="cli.option.whatif_out")
@lang_option("cli.option.lang_change")
@analysis_options
def whatif(path: str, without: tuple[str, ...], with_file: str | None, year: int | None, out: str, lang: str,
           seed: int, bootstrap: int | None, null_samples: int | None, debug: bool) -> None:
    """``ecosystem whatif`` (help: ``cli.command.whatif``)."""
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import whatif as run  # imported here so --help stays fast

    result = _call(lambda: run(path, without, with_file, out=out, lang=lang, seed=seed, bootstrap=bootstrap,
                               null_samples=null_samples, year=year), loc, debug)
    _finish(result, loc)


@main.group("import", help_key="cli.command.import")
def import_() -> None:
    """``ecosystem import`` (help: ``cli.command.import``)."""


@import_.command("kumu", help_key="cli.command.import_kumu")
@click.argument("file", type=click.Path(path_type=str))
@option("--into", "into", required=True, type=click.Path(path_type=str), help_key="cli.option.import_into")
@lang_option("cli.option.lang_messages")
@DEBUG_OPTION
def import_kumu(file: str, into: str, lang: str, debug: bool) -> None:
    """``ecosystem import kumu`` (help: ``cli.command.import_kumu``)."""
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import import_kumu as run  # imported here so --help stays fast

    result = _call(lambda: run(file, into), loc, debug)
    for warning in result.warnings:
        click.echo(f"{loc.t('warning')}: {warning.render(loc)}", err=True)
    click.echo(loc.t("import_written", actors=loc.counted("n_actors", result.actors),
                     relations=loc.counted("n_relations", result.relations)))
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
        click.echo(error_line(exc, loc), err=True)
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

LANG_OPTION = lang_option("cli.option.lang_intake")


def _warnings(warnings, loc: Locale) -> None:
    for warning in warnings:
        click.echo(f"{loc.t('warning')}: {warning.render(loc)}", err=True)


@main.command("init", help_key="cli.command.init")
@click.argument("folder", type=click.Path(path_type=str))
@option("--arbeidsmarktregio", default=None, metavar="NAME", help_key="cli.option.init_arbeidsmarktregio")
@LANG_OPTION
@DEBUG_OPTION
def init_command(folder: str, arbeidsmarktregio: str | None, lang: str, debug: bool) -> None:
    """``ecosystem init`` (help: ``cli.command.init``)."""
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


@main.command("validate", help_key="cli.command.validate")
@click.argument("path", type=click.Path(path_type=str))
@LANG_OPTION
@DEBUG_OPTION
def validate_command(path: str, lang: str, debug: bool) -> None:
    """``ecosystem validate`` (help: ``cli.command.validate``)."""
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import validate as run

    result = _call(lambda: run(path, lang), loc, debug)
    _warnings(result.warnings, loc)
    click.echo(loc.t("validate_ok", path=result.region.path, actors=loc.counted("n_actors", len(result.region.actors)),
                     relations=loc.counted("n_relations", len(result.region.relations)),
                     warnings=loc.counted("n_warnings", len(result.warnings))))


@main.group("survey", help_key="cli.command.survey")
def survey_group() -> None:
    """``ecosystem survey`` (help: ``cli.command.survey``)."""


@survey_group.command("make", help_key="cli.command.survey_make")
@click.argument("path", type=click.Path(path_type=str))
@option("--out", default=None, help_key="cli.option.survey_out")
@LANG_OPTION
@DEBUG_OPTION
def survey_make_command(path: str, out: str | None, lang: str, debug: bool) -> None:
    """``ecosystem survey make`` (help: ``cli.command.survey_make``)."""
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import survey_make as run

    result = _call(lambda: run(path, out, lang), loc, debug)
    _warnings(result.warnings, loc)
    click.echo(result.text)


@survey_group.command("collect", help_key="cli.command.survey_collect")
@click.argument("path", type=click.Path(path_type=str))
@click.argument("responses", type=click.Path(path_type=str))
@option("--into", default=None, help_key="cli.option.survey_into")
@LANG_OPTION
@DEBUG_OPTION
def survey_collect_command(path: str, responses: str, into: str | None, lang: str, debug: bool) -> None:
    """``ecosystem survey collect`` (help: ``cli.command.survey_collect``)."""
    loc = Locale(lang)   # the reader's language for every line this command prints
    from .api import survey_collect as run

    result = _call(lambda: run(path, responses, into, lang), loc, debug)
    _warnings(result.warnings, loc)
    click.echo(result.text)
