# noqa: INP001 - a Sphinx extension module loaded from docs/_ext, not a package
"""Markdown (MyST) pieces shared by the generated pages: escaped inline text and tables."""

from __future__ import annotations

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\*`_|[]<>$#"})


def text(value: object) -> str:
    """Inline text safe for Markdown (MyST): one line, markup characters escaped."""
    return " ".join(str(value).split()).translate(_SPECIAL)


def _cell(value: str) -> str:
    """A cell that reads as a list marker (``-``, ``*``, ``+``, ``1.``) is shown as text."""
    head = value.split(" ", 1)[0]
    if head in {"-", "*", "+"} or (head[:-1].isdigit() and head[-1:] in {".", ")"}):
        return "\\" + value
    return value


def table(
    header: list[str], rows: list[list[str]], css: str, widths: str | None = None
) -> list[str]:
    lines = ["```{list-table}", ":header-rows: 1", f":class: {css}"]
    if widths:
        lines.append(f":widths: {widths}")
    lines.append("")
    for row in [header, *rows]:
        lines.append(f"* - {_cell(row[0])}")
        lines += [f"  - {_cell(cell)}" for cell in row[1:]]
    return [*lines, "```", ""]
