"""``perlindungan program``: the old name of ``perlindungan scheme`` (deprecated).

Same actions, options, output and exit codes as ``scheme``; it first writes one line on
stderr saying to use ``scheme``. "Program" now means only the national BPJS programs
(JKK, JKM, JHT, JP, JKP); what a region declares is a scheme.
"""

from __future__ import annotations

import argparse
import sys

from perlindungan._i18n import N_, translate
from perlindungan.cli import _scheme

NAME = "program"
HELP = N_("Deprecated: the old name of 'scheme' (same actions, options and output).")
_L_DEPRECATED = N_(
    "perlindungan: note: 'program' is deprecated; use 'perlindungan scheme' "
    "(same actions, options and output)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of ``scheme``."""
    _scheme.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """One line on stderr, then ``scheme``."""
    locale = "en" if str(args.lang).startswith("en") else "id_ID"
    print(translate(_L_DEPRECATED, locale), file=sys.stderr)
    return _scheme.run(args)
