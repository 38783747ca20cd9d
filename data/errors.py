"""Problems found in a data file, located as file:line:column with the field path.

Every check in the package reports through :class:`Issue`, so the CLI, the page and the tests show the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """Render ('moves', 3, 'value') as 'moves[3].value'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True)
class Issue:
    """One problem in one file. `line` and `column` are 1-based; 0 when the problem has no position."""

    file: str
    message: str
    line: int = 0
    column: int = 0
    path: Path = ()

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        field = format_path(self.path)
        return f"{where}: {field + ': ' if field else ''}{self.message}"


class DataError(Exception):
    """Raised when a file cannot be used; carries every issue found in it."""

    def __init__(self, issues: list[Issue]):
        self.issues = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))
