"""``perlindungan region about``: the bundled Kemendagri table's edition, source, licence."""

from __future__ import annotations

import argparse

from perlindungan._i18n import N_, translate
from perlindungan.cli._region_lookup import add_common, locale_of
from perlindungan.regional._region_table import bundled_table

ACTION = "about"
HELP = N_("the bundled Kemendagri code table: edition, source, licence, counts")
_LABELS = {
    "edition": N_("edition"),
    "source": N_("source"),
    "licence": N_("licence"),
    "counts": N_("counts"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags."""
    add_common(parser, level=False)


def run(args: argparse.Namespace) -> int:
    """Print the table's header."""
    locale = locale_of(args)
    _, info = bundled_table()
    for key, label in _LABELS.items():
        print(f"{translate(label, locale)}: {info.header.get(key, '-')}")
    return 0
