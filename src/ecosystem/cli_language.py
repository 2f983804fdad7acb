"""The command line in the reader's language: ``--help`` from the catalogue, a command typed wrong as one line.

click writes its help pages and its usage errors in English ("Usage:", "Error: No such option:
'--foo'."). The command's classes here, :class:`Group`, :class:`Command` and :class:`Option`, take
every word from the catalogue (:mod:`ecosystem.catalogue.cli`) at the moment the help is shown or the
error printed, in the language ``--lang`` asks for anywhere on the command line
(:func:`language_of`); Dutch without it. A command or option names its help by catalogue key
(``help_key``), so each help text lives once, in both languages.

A usage error (:class:`click.UsageError` and its kinds) becomes one line in the frame of the other
errors of how the command was called (:func:`error_line`): what is wrong, click's "did you mean" as
the catalogue's, and where the help is: "fout: onbekende optie '--outt'. Bedoelt u '--out'? Zie
'ecosystem analyse --help'." The line is built from the exception's kind and attributes
(:func:`usage_line`), never from click's English message; the exit code stays click's 2.

Imports nothing beyond click and the catalogue, so ``ecosystem --help`` stays fast.
"""
from __future__ import annotations

import contextlib
from typing import Iterator, Sequence

import click
from click.core import ParameterSource
from click.exceptions import NoArgsIsHelpError, NoSuchCommand

from .catalogue import LANGS, resolve_lang
from .errors import UserError
from .locale import Locale

#: Where the language of a run is kept: the context's ``meta``, which every nested context shares.
LANG_META = "ecosystem.lang"


def language_of(args: Sequence[str]) -> str:
    """The catalogue language the command line asks for; Dutch when it asks for none.

    The last ``--lang X`` or ``--lang=X`` before a ``--`` counts (the last, as for click), by the
    catalogue's fallback rule (``EN`` and ``en-GB`` give English, an unknown code Dutch). Read from
    the raw arguments before click parses them, so the language is known for a mistake anywhere on
    the line (before or after ``--lang``) and for ``--help`` given before ``--lang``. The project
    reads no language from the environment: only ``--lang`` chooses it.

    Examples
    --------
    >>> language_of(["analyse", "brabant", "--outt", "x", "--lang", "en"])
    'en'
    >>> language_of(["--lang=en", "analyse", "--", "--lang", "nl"]), language_of(["analyse"])
    ('en', 'nl')
    """
    lang = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            lang = args[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return resolve_lang(lang)


def locale_of(ctx: click.Context | None) -> Locale:
    """The reader's :class:`Locale` for the run ``ctx`` belongs to (Dutch before the line is read)."""
    return Locale(ctx.meta.get(LANG_META, "nl") if ctx is not None else "nl")


# --- one line per mistake -------------------------------------------------------------------------

def error_line(error: UserError, loc: Locale, after: str = "") -> str:
    """'fout: {what}.{after}': the one frame of a line about how the command was called."""
    return f"{loc.t('error')}: {error.render(loc)}.{after}"


class BadValue(click.BadParameter):
    """click's :class:`~click.BadParameter` for a value an :class:`Option` could not take, with the value.

    click's own keeps only its English message; the line names the value the user typed.
    """

    def __init__(self, exc: click.BadParameter, value: object):
        super().__init__(exc.message, ctx=exc.ctx, param=exc.param, param_hint=exc.param_hint)
        self.value = value


class ExtraArguments(click.UsageError):
    """More arguments than a :class:`Command` takes; ``extra`` are the ones left over.

    click says "Got unexpected extra arguments (...)" and keeps no list of them.
    """

    def __init__(self, extra: Sequence[str], ctx: click.Context):
        super().__init__(f"Got unexpected extra arguments ({' '.join(extra)})", ctx)
        self.extra = tuple(extra)


def _name(param: click.Parameter) -> str:
    """How the user writes a parameter: an option's longest name ('--into'), an argument's metavar ('PATH')."""
    return max(param.opts, key=len) if isinstance(param, click.Option) else param.human_readable_name


def _bad_value(exc: BadValue) -> UserError:
    """What is wrong with a value, by the option's type: the choices, a whole number, one from a lower bound."""
    option, value, kind = _name(exc.param), exc.value, exc.param.type
    if isinstance(kind, click.Choice):
        return UserError("cli.bad_choice", value=value, option=option, choices=tuple(kind.choices))
    if isinstance(kind, click.IntRange):
        if kind.max is None and kind.min is not None:
            return UserError("cli.bad_whole_number_from", value=value, option=option,
                             low=kind.min + 1 if kind.min_open else kind.min)
    elif isinstance(kind, click.types.IntParamType):
        return UserError("cli.bad_whole_number", value=value, option=option)
    return UserError("cli.bad_value", value=value, option=option)


def _what(exc: click.UsageError) -> tuple[UserError, str | None]:
    """What is wrong, and the closest name click found for a mistyped one (or None)."""
    ctx = exc.ctx
    if isinstance(exc, click.NoSuchOption):
        return UserError("cli.no_such_option", option=exc.option_name), (exc.possibilities or [None])[0]
    if isinstance(exc, NoSuchCommand):
        return UserError("cli.no_such_command", name=exc.command_name), (exc.possibilities or [None])[0]
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        if isinstance(exc.param, click.Argument):
            return UserError("cli.missing_argument", name=_name(exc.param)), None
        return UserError("cli.missing_option", option=_name(exc.param)), None
    if isinstance(exc, BadValue) and exc.param is not None:
        return _bad_value(exc), None
    if isinstance(exc, click.BadOptionUsage) and ctx is not None:
        # click's parser raises it for a value after a flag ('--debug=1') and for an option without its value
        flag = any(exc.option_name in param.opts and getattr(param, "is_flag", False)
                   for param in ctx.command.get_params(ctx))
        key = "cli.option_takes_no_value" if flag else "cli.option_needs_value"
        return UserError(key, option=exc.option_name), None
    if isinstance(exc, ExtraArguments):
        n = len(exc.extra)
        words = ", ".join(f"'{word}'" for word in exc.extra)
        return UserError("cli.extra_arguments_one" if n == 1 else "cli.extra_arguments", n=n, args=words), None
    if type(exc) is click.UsageError and ctx is not None and isinstance(ctx.command, click.Group):
        # a group takes any arguments after its command; the one plain usage error of its own is "Missing command."
        return UserError("cli.missing_command"), None
    return UserError("cli.usage_other", message=exc.format_message()), None


def usage_line(exc: click.UsageError, loc: Locale) -> str:
    """The one line for a usage error: what is wrong, the likely intended name, where the help is.

    Examples
    --------
    >>> ctx = click.Context(click.Command("analyse"), info_name="ecosystem analyse")
    >>> usage_line(click.NoSuchOption("--outt", possibilities=["--out"], ctx=ctx), Locale("en"))
    "error: unknown option '--outt'. Did you mean '--out'? See 'ecosystem analyse --help'."
    """
    error, closest = _what(exc)
    suggestion = loc.t("did_you_mean", value=closest) if closest else ""
    command = exc.ctx.command_path if exc.ctx is not None else "ecosystem"
    return error_line(error, loc, f"{suggestion} {loc.t('cli.see_help', command=command)}.")


class UsageLine(click.UsageError):
    """A usage error said in the reader's language, shown as its one line (not click's usage and 'Error:')."""

    def __init__(self, exc: click.UsageError):
        super().__init__(usage_line(exc, locale_of(exc.ctx)), exc.ctx)

    def show(self, file=None) -> None:
        click.echo(self.message, file=file, err=True)


@contextlib.contextmanager
def _said_in_language() -> Iterator[None]:
    """Turn a usage error raised inside into a :class:`UsageLine` (help shown for no arguments stays help)."""
    try:
        yield
    except (UsageLine, NoArgsIsHelpError):
        raise
    except click.UsageError as exc:
        raise UsageLine(exc) from exc


# --- commands, groups and options with catalogue words ----------------------------------------------

def help_record(param: click.Option, ctx: click.Context, loc: Locale, key: str) -> tuple[str, str]:
    """An option's row on the help page: its names, its help (catalogue ``key``) and click's extras
    (the default, a range, 'required') in the reader's words."""
    extra = param.get_help_extra(ctx)
    items = [loc.t("cli.default", value=extra["default"])] if "default" in extra else []
    items += [extra["range"]] if "range" in extra else []
    items += [loc.t("cli.required")] if "required" in extra else []
    text = loc.t(key)
    return param.get_help_spec(ctx), f"{text}  [{'; '.join(items)}]" if items else text


class _Catalogued:
    """What :class:`Command` and :class:`Group` share: help from catalogue key ``help_key``, the
    language from the command line, a usage error that knows its command."""

    def __init__(self, *args, help_key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.help_key = help_key

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta.setdefault(LANG_META, language_of(args))   # the outermost command sees the whole line
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if exc.ctx is None:    # click's parser raises BadOptionUsage without it; the line names the command
                exc.ctx = ctx
            raise

    def summary(self, loc: Locale) -> str:
        """The help's first paragraph on one line: the command's row in its group's help."""
        return " ".join(loc.t(self.help_key).split("\n\n")[0].split())

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [locale_of(ctx).t("cli.options_metavar")]
        for param in self.get_params(ctx):
            pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        prefix = f"{locale_of(ctx).t('cli.usage')} "
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=prefix)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(locale_of(ctx).t(self.help_key))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        loc, help_option = locale_of(ctx), self.get_help_option(ctx)
        rows = [help_record(param, ctx, loc, "cli.option.help" if param is help_option else param.help_key)
                for param in self.get_params(ctx) if isinstance(param, click.Option) and not param.hidden]
        if rows:
            with formatter.section(loc.t("cli.options")):
                formatter.write_dl(rows)


class Command(_Catalogued, click.Command):
    """A command whose help is catalogue key ``help_key``; extra arguments are named in the error."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True   # so that click hands them over
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise ExtraArguments(rest, ctx)
        return rest


class Group(_Catalogued, click.Group):
    """A group of :class:`Command` (and of groups like itself) that says a usage error as one line.

    Every group takes ``--lang`` (:func:`pass_language_on`), so that ``ecosystem --help --lang en`` and
    ``ecosystem survey --help --lang en`` are help pages, not unknown options.
    """

    command_class = Command
    group_class = type

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lang_option("cli.option.lang", expose_value=False, callback=pass_language_on)(self)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [*super().collect_usage_pieces(ctx), locale_of(ctx).t("cli.command_metavar")]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        loc = locale_of(ctx)
        commands = ((name, self.get_command(ctx, name)) for name in self.list_commands(ctx))
        rows = [(name, command.summary(loc)) for name, command in commands if command is not None and not command.hidden]
        if rows:
            with formatter.section(loc.t("cli.commands")):
                formatter.write_dl(rows)

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:
        with _said_in_language():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context):
        with _said_in_language():
            return super().invoke(ctx)


class Option(click.Option):
    """An option whose help is catalogue key ``help_key``; a value it cannot take raises :class:`BadValue`."""

    def __init__(self, *args, help_key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.help_key = help_key

    def type_cast_value(self, ctx: click.Context, value):
        if not self.is_flag:
            self._refuse_option_as_value(ctx, value)
        try:
            return super().type_cast_value(ctx, value)
        except BadValue:
            raise
        except click.BadParameter as exc:
            raise BadValue(exc, value) from exc


    def _refuse_option_as_value(self, ctx: click.Context, value) -> None:
        """An option name where this option's value should be ('--out --debug') is a missing value.

        click's parser takes the next word as the value, whatever it is: ``survey make x --out --debug``
        made a folder called '--debug' and left debugging off.
        """
        names = {name for param in ctx.command.get_params(ctx) for name in param.opts + param.secondary_opts}
        values = value if isinstance(value, (tuple, list)) else (value,)
        if any(isinstance(v, str) and v in names for v in values):
            raise click.BadOptionUsage(_name(self), f"Option {_name(self)} requires a value.", ctx)


def option(*param_decls: str, help_key: str, **attrs):
    """``click.option`` for an :class:`Option` with help ``help_key``."""
    return click.option(*param_decls, cls=Option, help_key=help_key, **attrs)


def lang_option(help_key: str, **attrs):
    """``--lang nl|en``, Dutch by default, with help ``help_key``: the option of every command and group."""
    return option("--lang", type=click.Choice(LANGS), default="nl", show_default=True, help_key=help_key, **attrs)


def pass_language_on(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Callback of a group's ``--lang``: when given, it is also the default ``--lang`` of the command
    that follows (``ecosystem --lang en analyse x``), whose own ``--lang`` still wins."""
    if ctx.get_parameter_source(param.name) is ParameterSource.COMMANDLINE:
        ctx.default_map = _lang_defaults(ctx.command, value)
    return value


def _lang_defaults(group: click.Group, code: str) -> dict:
    """``default_map`` giving every command under ``group`` the default ``--lang`` ``code``."""
    return {name: _lang_defaults(command, code) if isinstance(command, click.Group) else {"lang": code}
            for name, command in group.commands.items()}
