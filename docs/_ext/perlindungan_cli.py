# noqa: INP001 - a Sphinx extension module loaded from docs/_ext, not a package
"""The command-line reference, rendered from the argument parsers in the build's language.

The help of every command is the parser's own ``--help``, so the page always matches the
installed version. In the Bahasa Indonesia build each help text (descriptions, flag help,
argparse's own headings) goes through the package's gettext catalogue
(``src/perlindungan/locale/id/LC_MESSAGES/perlindungan.po``), the same catalogue the command
line itself uses; :func:`untranslated` lists the help texts that catalogue leaves in English.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
from collections.abc import Callable, Iterable, Iterator

#: argparse's own words (the stdlib takes them from its own gettext domain, which has no
#: Indonesian catalogue); looked up in the package catalogue first.
ARGPARSE_WORDS = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan nomor versi program lalu keluar",
}

#: Width of the help text: fits the code blocks of the page without wrapping.
COLUMNS = "84"


def _translator(lang: str) -> Callable[[str], str]:
    if lang == "en":
        return lambda text: text
    from perlindungan._i18n import translate  # noqa: PLC0415

    def tr(text: str) -> str:
        done = translate(text, lang)
        if done == text and text in ARGPARSE_WORDS:
            return ARGPARSE_WORDS[text]
        return done

    return tr


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """``parser`` and every sub-command parser under it, depth first."""
    yield parser
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                yield from _parsers(sub)


def _texts(parser: argparse.ArgumentParser) -> Iterator[tuple[object, str]]:
    """Every help text of one parser, with the object holding it."""
    if parser.description:
        yield parser, "description"
    for group in parser._action_groups:  # noqa: SLF001
        if group.title:
            yield group, "title"
    for action in parser._actions:  # noqa: SLF001
        if action.help and action.help is not argparse.SUPPRESS:
            yield action, "help"
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for choice in action._choices_actions:  # noqa: SLF001
                if choice.help:
                    yield choice, "help"


def _formatter(usage: str) -> type[argparse.HelpFormatter]:
    class Formatter(argparse.HelpFormatter):
        def add_usage(
            self,
            usage_text: str | None,
            actions: Iterable[argparse.Action],
            groups: Iterable[argparse._MutuallyExclusiveGroup],
            prefix: str | None = None,
        ) -> None:
            super().add_usage(usage_text, actions, groups, usage if prefix is None else prefix)

    return Formatter


def parser_in(lang: str) -> argparse.ArgumentParser:
    """A copy of the command's parser with every help text in ``lang`` (``id`` or ``en``)."""
    from perlindungan.cli import build_parser  # noqa: PLC0415

    parser = copy.deepcopy(build_parser())  # build_parser is cached: never change it
    if lang == "en":
        return parser
    tr = _translator(lang)
    formatter = _formatter(tr("usage: "))
    for each in _parsers(parser):
        each.formatter_class = formatter
        for holder, attribute in _texts(each):
            setattr(holder, attribute, tr(getattr(holder, attribute)))
    return parser


_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")
_CODE = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|--?[\w-]+|\b[\w.]*[_.][\w.]*\b|\b[A-Z]{2,}\b")


def needs_words(text: str) -> bool:
    """Whether ``text`` has words to translate once code, flags, names and codes are set aside."""
    return _WORD.search(_CODE.sub(" ", text)) is not None


def untranslated(lang: str) -> list[str]:
    """The help texts the ``lang`` build shows in English (code, flags and names aside)."""
    if lang == "en":
        return []
    from perlindungan.cli import build_parser  # noqa: PLC0415

    tr = _translator(lang)
    left: list[str] = []
    for each in _parsers(build_parser()):
        for holder, attribute in _texts(each):
            text = getattr(holder, attribute)
            if tr(text) == text and needs_words(text) and text not in left:
                left.append(text)
    return left


def _help(parser: argparse.ArgumentParser) -> list[str]:
    return ["```text", *parser.format_help().splitlines(), "```", ""]


def _sub_commands(parser: argparse.ArgumentParser, prefix: str) -> list[str]:
    """The help of each sub-command of ``parser``, and of theirs (``region coverage``)."""
    lines: list[str] = []
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in sorted(action.choices.items()):
                lines += [f"## `{prefix} {name}`", "", *_help(sub)]
                lines += _sub_commands(sub, f"{prefix} {name}")
    return lines


def cli_lines(lang: str = "en") -> list[str]:
    """The help of every command as Markdown (MyST) lines, in ``lang``."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = COLUMNS
    try:
        parser = parser_in(lang)
        lines = ["## `perlindungan`", "", *_help(parser)]
        lines += _sub_commands(parser, "perlindungan")
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return lines
