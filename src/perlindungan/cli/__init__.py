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

from perlindungan._i18n import N_, translate
from perlindungan._message import Message, localized
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
from perlindungan.cli._language import (
    argparse_words,
    building_locale,
    locale_of,
    requested_language,
)
from perlindungan.errors import InvalidInputError, PerlindunganError

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
    #: the language of the help (set by :func:`build_parser`)
    lang = "id"

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{_error_prefix(building_locale())}{message}\n")

    def format_help(self) -> str:
        with argparse_words(self.lang):
            return super().format_help()

    def format_usage(self) -> str:
        with argparse_words(self.lang):
            return super().format_usage()


_L_ERROR = N_("perlindungan: error: ")
_L_LANG = N_(
    "language of the help, the messages and the output: id or en (default: the "
    "environment variable PERLINDUNGAN_LANG, else id)"
)
_L_VERSION = N_("show the version number and exit")


def _error_prefix(locale: str) -> str:
    return translate(_L_ERROR, locale)


@functools.cache
def _built(lang: str) -> argparse.ArgumentParser:
    with argparse_words(lang):
        parser = _Parser(
            prog="perlindungan",
            description=N_("BPJS Ketenagakerjaan contributions, benefits and regional schemes."),
        )
        parser.add_argument(
            "--version",
            action="version",
            version=f"perlindungan {__version__}",
            help=_L_VERSION,
        )
        parser.add_argument("--lang", default=lang, help=_L_LANG)
        sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
        sub.required = True
        for name, (help_text, add_arguments, run) in COMMANDS.items():
            command = sub.add_parser(name, help=help_text, description=help_text)
            add_arguments(command)
            command.set_defaults(run=run)
        _localize(parser, lang)
    return parser


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand, its help in ``lang`` (``id``
    or ``en``; built once per process and language).

    The docs render the CLI reference from it: ``build_parser("id")`` for the Indonesian
    pages, ``build_parser("en")`` (the default here) for the English ones; its
    ``format_help()`` has argparse's own words (``usage:``, ``options``) in ``lang`` too.
    :func:`main` finds the language before parsing (``--lang``, else
    ``PERLINDUNGAN_LANG``, else ``id``)."""
    return _built(requested_language(["--lang", lang], {}))


def _localize(parser: argparse.ArgumentParser, lang: str) -> None:
    """Translate the help of every parser and flag in place (they are catalogue ids),
    give every ``--lang`` the language asked as its default."""
    locale = locale_of(lang)
    if isinstance(parser, _Parser):
        parser.lang = lang

    def t(text: str | None) -> str | None:
        return translate(text, locale) if text else text

    parser.description = t(parser.description)
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its flags only here
        if action.dest == "lang":
            action.default = lang
            action.help = t(_L_LANG)
        elif action.help and action.help is not argparse.SUPPRESS:
            action.help = t(action.help)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for choice in action._choices_actions:  # noqa: SLF001
                choice.help = t(choice.help)
            for child in action.choices.values():
                _localize(child, lang)


def one_line(exc: PerlindunganError, locale: str = "en") -> str:
    """The error as one line in ``locale``: a data file's first problem and how many more
    there are (``scheme check FILE`` lists them)."""
    problems = getattr(exc, "problems", None)
    if problems:
        first = " ".join(problems[0].localized(locale).split())
        more = len(problems) - 1
        if more:
            tail = (
                Message(
                    "(and {count:,} more problems: run 'perlindungan scheme check' on the "
                    "file to list them)",
                    count=more,
                )
                if more != 1
                else Message(
                    "(and 1 more problem: run 'perlindungan scheme check' on the file to list them)"
                )
            )
            first += " " + tail.localized(locale)
        return first
    message = (
        exc.message
        if isinstance(exc, InvalidInputError)
        else (exc.args[0] if exc.args else str(exc))
    )
    return " ".join(localized(message, locale).split())


def _late_target(
    parser: argparse.ArgumentParser, args: argparse.Namespace, extra: list[str]
) -> None:
    """The target given after options (``scheme check --lang en FILE``): argparse fills
    an optional positional that comes before the options with nothing and leaves the
    target over; anything else left over is argparse's usual error."""
    if len(extra) == 1 and not extra[0].startswith("-") and getattr(args, "target", "") is None:
        args.target = extra[0]
        return
    words: Callable[[str], str] = vars(argparse)["_"]
    parser.error(words("unrecognized arguments: %s") % " ".join(extra))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    The language (``--lang``, else the environment variable ``PERLINDUNGAN_LANG``, else
    ``id``) is found before parsing: the help, argparse's errors, the error line and the
    output all speak it."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = requested_language(arguments)
    parser = _built(lang)
    with argparse_words(lang):
        args, extra = parser.parse_known_args(arguments)
        if extra:
            _late_target(parser, args, extra)
    locale = locale_of(getattr(args, "lang", None) or lang)
    try:
        return int(args.run(args))
    except PerlindunganError as exc:
        print(f"{_error_prefix(locale)}{one_line(exc, locale)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
