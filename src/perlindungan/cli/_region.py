"""``perlindungan region``: regions, one action per module.

Each action lives in its own module ``perlindungan/cli/_region_<action>.py`` defining
``ACTION``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``, listed in
:data:`ACTIONS` (an explicit registry, like the commands': nothing is found by scanning).
"""

from __future__ import annotations

import argparse
from types import ModuleType

from perlindungan._i18n import N_
from perlindungan.cli import _region_about, _region_coverage, _region_search, _region_show

NAME = "region"
HELP = N_("Regions: show CODE|NAME, search TEXT, about, coverage CODE --on DATE.")


#: The region actions, in the order the help lists them. To add one, write
#: ``cli/_region_<action>.py`` and list it here.
ACTIONS: tuple[ModuleType, ...] = (
    _region_about,
    _region_coverage,
    _region_search,
    _region_show,
)


def actions() -> dict[str, ModuleType]:
    """The region actions by name."""
    return {module.ACTION: module for module in ACTIONS}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """One sub-command per action."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    sub.required = True
    for name, module in actions().items():
        action = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(action)
        action.set_defaults(region_run=module.run)


def run(args: argparse.Namespace) -> int:
    """Run the chosen action."""
    return int(args.region_run(args))
