# noqa: INP001 - a Sphinx extension module loaded from docs/_ext, not a package
"""The command-line reference, rendered from the argument parsers in the build's language.

The help of every command is the parser's own ``--help``, so the page always matches the
installed version. ``perlindungan.cli.build_parser(lang)`` gives the parser with its help
in ``lang`` (through the package's gettext catalogue,
``src/perlindungan/locale/id/LC_MESSAGES/perlindungan.po``, the one the command line uses,
argparse's own words included); :func:`untranslated` lists the help texts that catalogue
leaves in English, which the Indonesian build refuses.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Iterator

#: Width of the help text: fits the code blocks of the page without wrapping.
COLUMNS = "84"


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


def parser_in(lang: str) -> argparse.ArgumentParser:
    """The command's parser with every help text in ``lang`` (``id`` or ``en``)."""
    from perlindungan.cli import build_parser  # noqa: PLC0415

    return build_parser(lang)


_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")
_CODE = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|--?[\w-]+|\b[\w.]*[_.][\w.]*\b|\b[A-Z]{2,}\b")


def needs_words(text: str) -> bool:
    """Whether ``text`` has words to translate once code, flags, names and codes are set aside."""
    return _WORD.search(_CODE.sub(" ", text)) is not None


def untranslated(lang: str) -> list[str]:
    """The help texts the ``lang`` build shows in English (code, flags and names aside):
    those equal in the English parser and in the ``lang`` one."""
    if lang == "en":
        return []
    left: list[str] = []
    english, local = parser_in("en"), parser_in(lang)
    for english_parser, parser in zip(_parsers(english), _parsers(local), strict=True):
        pairs = zip(_texts(english_parser), _texts(parser), strict=True)
        for (english_holder, attribute), (holder, _attribute) in pairs:
            text = getattr(holder, attribute)
            same = text == getattr(english_holder, attribute)
            if same and needs_words(text) and text not in left:
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
