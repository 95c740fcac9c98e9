"""Plain-text tables for the command line."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from perlindungan._i18n import N_, translate
from perlindungan.cli._language import building_locale

__all__ = ["columns_help", "render_table"]


def render_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: set[int] | None = None
) -> str:
    """A table with a header rule; columns in ``right`` are right-aligned."""
    right = right or set()
    widths = [len(h) for h in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))

    def fmt(row: Sequence[str]) -> str:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(headers), rule, *(fmt(r) for r in rows)])


def columns_help(columns: Sequence[str], note: str, heading: str = N_("CSV columns read:")) -> str:
    """The epilog of ``--help`` for a command that reads a CSV: its columns, wrapped; the
    note and heading (catalogue ids) in the language the parser is built in."""

    locale = building_locale()
    note, heading = translate(note, locale), translate(heading, locale)
    body = textwrap.fill(", ".join(columns), width=78, initial_indent="  ", subsequent_indent="  ")
    return f"{heading}\n{body}\n{textwrap.fill(note, width=78)}"
