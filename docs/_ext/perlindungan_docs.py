# noqa: INP001 - a Sphinx extension loaded from docs/_ext, not a package
"""Sphinx directives that build pages from the package itself.

``regulation-explorer`` lists every parameter of the regulation data with its values over
time, legal basis, status and confidence; ``cli-reference`` prints the help of every
command of the ``perlindungan`` command line. Both write into the document tree Sphinx is
building; no file is generated in the repository.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, ClassVar

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\*`_|[]<>$#"})


def _text(value: object) -> str:
    """Inline text safe for Markdown (MyST): one line, markup characters escaped."""
    return " ".join(str(value).split()).translate(_SPECIAL)


def _value(unit: str, value: object) -> str:
    from perlindungan.contributions._explain import format_rate  # noqa: PLC0415
    from perlindungan.money import format_rupiah  # noqa: PLC0415

    if unit == "rate" and isinstance(value, Decimal):
        return f"{format_rate(value, 'en')} ({value})"
    if unit == "rupiah" and isinstance(value, Decimal | int):
        return format_rupiah(value, locale="en")
    if unit == "bands" and isinstance(value, tuple):
        return "; ".join(
            f"above {format_rupiah(b.above, locale='en')}: {format_rate(b.rate, 'en')}"
            for b in value
        )
    if unit == "names" and isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def explorer_lines() -> list[str]:
    """The regulation explorer as Markdown (MyST) lines."""
    from perlindungan.parameters import parameters  # noqa: PLC0415

    found = parameters()
    by_file: dict[str, list[Any]] = {}
    for name in sorted(found):
        by_file.setdefault(found[name].file, []).append(found[name])
    lines: list[str] = []
    for file in sorted(by_file):
        lines += [f"## `{file}`", ""]
        for parameter in by_file[file]:
            lines += [f"### `{parameter.name}`", ""]
            known = (
                f"; known until {parameter.known_until.isoformat()}"
                if parameter.known_until is not None
                else ""
            )
            lines += [
                f"- {_text(parameter.label_en)}",
                f"- *{_text(parameter.label_id)}*",
                f"- unit: {parameter.unit}{known}",
                "",
                "```{list-table}",
                ":header-rows: 1",
                ":widths: 12 12 22 30 8 8 30",
                "",
                "* - since",
                "  - until",
                "  - value",
                "  - legal basis",
                "  - status",
                "  - confidence",
                "  - note",
            ]
            entries = list(parameter.values)
            for index, entry in enumerate(entries):
                until = entry.until or (
                    entries[index + 1].since if index + 1 < len(entries) else None
                )
                until_text = (
                    until.isoformat()
                    if until is not None
                    else (
                        parameter.known_until.isoformat()
                        if parameter.known_until is not None
                        else "open"
                    )
                )
                lines += [
                    f"* - {entry.since.isoformat()}",
                    f"  - {until_text}",
                    f"  - {_text(_value(parameter.unit, entry.value))}",
                    f"  - {_text(entry.cite())}",
                    f"  - {entry.status}",
                    f"  - {entry.confidence}",
                    f"  - {_text(entry.note) if entry.note else ''}",
                ]
            lines += ["```", ""]
    return lines


def _sub_commands(parser: argparse.ArgumentParser, prefix: str) -> list[str]:
    """The help of each sub-command of ``parser``, and of theirs (``region coverage``)."""
    lines: list[str] = []
    actions = [a for a in parser._actions if a.choices and isinstance(a.choices, dict)]  # noqa: SLF001
    for action in actions:
        assert isinstance(action.choices, dict)
        for name, sub in sorted(action.choices.items()):
            lines += [f"## `{prefix} {name}`", "", "```text"]
            lines += [*sub.format_help().splitlines(), "```", ""]
            lines += _sub_commands(sub, f"{prefix} {name}")
    return lines


def cli_lines() -> list[str]:
    """The help of every command as Markdown (MyST) lines."""
    from perlindungan.cli import build_parser  # noqa: PLC0415

    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "96"
    try:
        parser = build_parser()
        lines = ["## `perlindungan`", "", "```text", *parser.format_help().splitlines(), "```", ""]
        lines += _sub_commands(parser, "perlindungan")
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return lines


class _Generated(SphinxDirective):
    has_content = False
    source: ClassVar[str] = ""

    def lines(self) -> Iterable[str]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        container = nodes.section()
        container.document = self.state.document
        content = StringList(list(self.lines()), source=self.source)
        self.state.nested_parse(content, self.content_offset, container, match_titles=True)
        return list(container.children)


class RegulationExplorer(_Generated):
    """``.. regulation-explorer::`` - every parameter of the regulation data."""

    source = "<regulation data>"

    def lines(self) -> Iterable[str]:
        return explorer_lines()


class CliReference(_Generated):
    """``.. cli-reference::`` - the help of every command."""

    source = "<perlindungan cli>"

    def lines(self) -> Iterable[str]:
        return cli_lines()


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives."""
    app.add_directive("regulation-explorer", RegulationExplorer)
    app.add_directive("cli-reference", CliReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
