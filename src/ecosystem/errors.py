"""Problems found in a user's data, reported all at once, one line each."""
from __future__ import annotations

from dataclasses import dataclass, field

from .locale import Locale


@dataclass(frozen=True)
class Text:
    """A message parameter that is itself translated (for example the word for 'tab')."""

    key: str


@dataclass(frozen=True)
class Words:
    """A message parameter given in each language (a suggested vocabulary word, a list of options)."""

    nl: str
    en: str

    def get(self, loc: Locale) -> str:
        return getattr(self, loc.lang)


def _render_params(params: dict, loc: Locale) -> dict:
    """Fill in the parts of a message that depend on the language.

    ``suggestion`` becomes " Bedoelt u '...'?" (or nothing), a tuple of names becomes
    "'group' of 'groep'", a :class:`Text` its translation.
    """
    out = dict(params)
    for name, value in params.items():
        if isinstance(value, Words):
            value = value.get(loc)
            out[name] = value
        if name == "suggestion":
            out[name] = loc.t("did_you_mean", value=value) if value else ""
        elif isinstance(value, Text):
            out[name] = loc.t(value.key)
        elif isinstance(value, tuple):
            quoted = [f"'{v}'" for v in value]
            out[name] = (", ".join(quoted[:-1]) + f" {loc.t('or')} " + quoted[-1]) if len(quoted) > 1 else "".join(quoted)
    return out


@dataclass(frozen=True)
class Problem:
    """One problem: where it is (file, spreadsheet row, column; or a text file's line) and a message key
    with its values."""

    file: str
    key: str
    row: int | None = None
    column: str | None = None
    params: dict = field(default_factory=dict)
    line: int | None = None   # a line of a text file that has no rows and columns (region.toml)
    setting: str | None = None    # a setting (key) of such a file: 'arbeidsmarktregios'

    def render(self, loc: Locale = Locale()) -> str:
        if self.row is not None:
            where = loc.t("where_row", file=self.file, row=self.row, column=self.column)
        elif self.setting is not None:
            where = loc.t("where_setting", file=self.file, setting=self.setting)
        elif self.line is not None:
            where = loc.t("where_line", file=self.file, line=self.line)
        elif self.column is not None:
            where = loc.t("where_column", file=self.file, column=self.column)
        else:
            where = loc.t("where_file", file=self.file)
        text = loc.t(self.key, **_render_params(self.params, loc))
        if "formula_value" in self.params:   # the cell shows a formula, the problem is about its result
            text += loc.t("from_formula", formula=self.params["formula"], value=self.params["formula_value"])
        return f"{where}: {text}."


def count_problems(n: int, loc: Locale = Locale()) -> str:
    """'1 probleem in de invoer ...' / '3 problemen in de invoer ...'."""
    return loc.t("problems_found_one" if n == 1 else "problems_found", n=n)


class DataError(Exception):
    """Raised when the region data cannot be analysed; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        n = len(problems)
        super().__init__(f"{n} problem{'' if n == 1 else 's'} in the region data")
        self.problems = list(problems)

    def __reduce__(self):
        # Rebuilt from its problems (Exception's own pickling passes only the message), so that it
        # arrives whole from the process that analysed (ecosystem.parallel.beside).
        return type(self), (self.problems,)


class UserError(Exception):
    """A mistake in how the command was called (not in the data): one translated line."""

    def __init__(self, key: str, **params: object):
        english = Locale("en")   # the exception's own message, for tracebacks and logs
        super().__init__(english.t(key, **_render_params(params, english)))
        self.key = key
        self.params = params

    def render(self, loc: Locale = Locale()) -> str:
        return loc.t(self.key, **_render_params(self.params, loc))

    def __reduce__(self):
        # Rebuilt from its key and values, as DataError from its problems.
        return _user_error, (type(self), self.key, self.params)


def _user_error(cls: type, key: str, params: dict) -> UserError:
    return cls(key, **params)


class OutputError(UserError):
    """The output folder cannot be used (it is the region folder, a file, or not writable)."""
