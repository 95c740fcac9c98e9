"""The ``perlindungan`` command line.

Each subcommand lives in its own module, listed in the registry :data:`COMMANDS`.
Errors from the library become one line on stderr and exit code 2; never a traceback.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from perlindungan._version import __version__
from perlindungan.cli import (
    _benefits,
    _conformance,
    _contributions,
    _data,
    _payroll,
    _program_deprecated,
    _region,
    _scheme,
    _serve,
)
from perlindungan.errors import PerlindunganError

__all__ = ["COMMANDS", "Command", "build_parser", "main", "one_line"]

#: What one command module provides: its help text, its flags and its run function.
Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]


def _commands(*modules: ModuleType) -> dict[str, Command]:
    commands: dict[str, Command] = {}
    for module in modules:
        if module.NAME in commands:  # pragma: no cover - a mistake in the list below
            raise RuntimeError(f"two CLI commands are named {module.NAME!r}")
        commands[module.NAME] = (module.HELP, module.add_arguments, module.run)
    return commands


#: name -> (help, add_arguments, run), in the order ``perlindungan --help`` lists them.
#: The registry: to add a command, write a module ``cli/_<name>.py`` with ``NAME``,
#: ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``, and add it here.
COMMANDS: dict[str, Command] = _commands(
    _benefits,
    _conformance,
    _contributions,
    _data,
    _payroll,
    _region,
    _scheme,
    _serve,
    _program_deprecated,
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"perlindungan: error: {message}\n")


@functools.cache
def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand (built once per process)."""
    parser = _Parser(
        prog="perlindungan",
        description="BPJS Ketenagakerjaan contributions, benefits and regional schemes.",
    )
    parser.add_argument("--version", action="version", version=f"perlindungan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name, (help_text, add_arguments, run) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        add_arguments(command)
        command.set_defaults(run=run)
    return parser


def one_line(exc: PerlindunganError) -> str:
    """The error as one line: a data file's first problem and how many more there are
    (``scheme check FILE`` lists them)."""
    problems = getattr(exc, "problems", None)
    if problems:
        first = " ".join(str(problems[0]).split())
        more = len(problems) - 1
        if more:
            first += f" (and {more:,} more problem{'s' if more != 1 else ''}: run 'perlindungan scheme check' on the file to list them)"
        return first
    return " ".join(str(exc).split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except PerlindunganError as exc:
        print(f"perlindungan: error: {one_line(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
