"""Problems found in a user's data, reported all at once, one line each."""
from __future__ import annotations

from dataclasses import dataclass, field

from .i18n import t


@dataclass(frozen=True)
class Problem:
    """One problem: where it is (file, spreadsheet row, column) and a message key with its values."""

    file: str
    key: str
    row: int | None = None
    column: str | None = None
    params: dict = field(default_factory=dict)

    def render(self, lang: str = "nl") -> str:
        if self.row is not None:
            where = t("where_row", lang, file=self.file, row=self.row, column=self.column)
        elif self.column is not None:
            where = t("where_column", lang, file=self.file, column=self.column)
        else:
            where = t("where_file", lang, file=self.file)
        params = dict(self.params)
        if "suggestion" in params:  # a nested message: render it in the same language
            s = params["suggestion"]
            params["suggestion"] = t("did_you_mean", lang, value=s) if s else ""
        return f"{where}: {t(self.key, lang, **params)}."


class DataError(Exception):
    """Raised when the region data cannot be analysed; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the region data")
        self.problems = list(problems)
