"""``perlindungan region``: regions, one action per module.

Each action lives in its own module ``perlindungan/cli/_region_<action>.py`` defining
``ACTION``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``; this module finds
them and gives each its own sub-command, so that actions are added without editing here.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from types import ModuleType

NAME = "region"
HELP = "Regions: show CODE|NAME, search TEXT, about, coverage CODE --on DATE."


def actions() -> dict[str, ModuleType]:
    """The region actions by name, from the ``_region_*`` modules."""
    import perlindungan.cli as package  # noqa: PLC0415

    found: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_region_"):
            module = importlib.import_module(f"perlindungan.cli.{info.name}")
            if hasattr(module, "ACTION") and hasattr(module, "run"):
                found[module.ACTION] = module
    return found


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
