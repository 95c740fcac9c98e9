"""Shared flags and words of the ``region show`` / ``search`` / ``about`` actions."""

from __future__ import annotations

import argparse

from perlindungan._i18n import N_, language_of
from perlindungan.regional._regions import LEVELS, RegionRegistry, regions, regions_from_file

__all__ = ["add_common", "locale_of", "registry_of"]


def add_common(parser: argparse.ArgumentParser, *, level: bool = True) -> None:
    """``--regions``, ``--level`` and ``--lang``."""
    if level:
        parser.add_argument("--level", choices=LEVELS, help=N_("only regions of this level"))
    parser.add_argument(
        "--regions",
        metavar="FILE",
        help=N_("a regions file adding regions new or changed since the table"),
    )
    parser.add_argument(
        "--lang", default="id", help=N_("language of the output: id (default) or en")
    )


def locale_of(args: argparse.Namespace) -> str:
    """The output locale of ``--lang``."""
    language_of(args.lang)
    return "en" if args.lang.startswith("en") else "id_ID"


def registry_of(args: argparse.Namespace) -> RegionRegistry:
    """The bundled regions, with those of ``--regions FILE`` added."""
    return regions_from_file(args.regions) if args.regions else regions()
