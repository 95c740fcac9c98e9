"""The language of the command line, known before the arguments are parsed.

``perlindungan`` speaks Bahasa Indonesia unless told otherwise, for every command: its
help, its error lines and its output. The language is, in this order:

1. ``--lang en`` / ``--lang=en`` (or ``id``) anywhere on the command line before ``--``;
2. the environment variable :data:`ENV` (``PERLINDUNGAN_LANG=en``);
3. ``id``.

It has to be known before parsing because argparse writes its help and its own errors
(``usage:``, ``the following arguments are required``) while it parses; those words
come from this project's catalogue through :func:`argparse_words`, which points
argparse's message function at the catalogue while the parser is built and run.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

from perlindungan._i18n import N_, translate

__all__ = [
    "ENV",
    "LANGUAGES",
    "argparse_words",
    "building_locale",
    "locale_of",
    "requested_language",
]

#: The environment variable that sets the language when ``--lang`` is not given.
ENV: Final = "PERLINDUNGAN_LANG"
#: The languages of the command line.
LANGUAGES: Final = ("id", "en")

# argparse's own words (Python 3.11 to 3.13), translated by the project's catalogue.
_ARGPARSE_WORDS: Final = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
    N_("unexpected option string: %s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def requested_language(argv: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """``id`` or ``en``: from ``--lang`` in ``argv``, else :data:`ENV`, else ``id``.

    A value that is neither (``--lang fr``) gives ``id`` here; the command then refuses
    it with its usual error line.

    >>> requested_language(["program", "check", "f.toml", "--lang", "en"])
    'en'
    >>> requested_language(["--lang=en_US", "contributions"])
    'en'
    >>> requested_language(["program", "--", "--lang", "en"], {})
    'id'
    """
    value: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
    if value is None:
        value = (os.environ if environ is None else environ).get(ENV)
    return _language(value) or "id"


def _language(value: str | None) -> str | None:
    if not value:
        return None
    lang = value.replace("-", "_").split("_")[0].lower()
    return lang if lang in LANGUAGES else None


def locale_of(lang: str) -> str:
    """The locale of the outputs for a language: ``id_ID`` or ``en``."""
    return "en" if _language(lang) == "en" else "id_ID"


_BUILDING: ContextVar[str] = ContextVar("perlindungan_cli_language", default="id")


def building_locale() -> str:
    """The locale of the parser being built (for help text composed while building)."""
    return locale_of(_BUILDING.get())


@contextmanager
def argparse_words(lang: str) -> Iterator[None]:
    """argparse's own words in ``lang`` while the block runs (restored after).

    argparse looks its messages up through the module functions ``_`` and ``ngettext``
    each time it writes one; they are pointed at this project's catalogue for the
    block, so another program that embeds argparse is not affected afterwards.
    """
    locale = locale_of(lang)
    module = vars(argparse)
    saved: dict[str, object] = {k: module[k] for k in ("_", "ngettext") if k in module}

    def gettext(message: str) -> str:
        return translate(message, locale) if message else message

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    words: dict[str, Callable[..., str]] = {"_": gettext, "ngettext": ngettext}
    module.update(words)
    token = _BUILDING.set(lang)
    try:
        yield
    finally:
        _BUILDING.reset(token)
        module.update(saved)
