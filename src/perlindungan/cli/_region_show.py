"""``perlindungan region show CODE|NAME``: a region, its parents and its children."""

from __future__ import annotations

import argparse

from perlindungan._i18n import N_, translate
from perlindungan.cli._region_lookup import add_common, locale_of, registry_of
from perlindungan.regional._regions import LEVEL_LABELS

ACTION = "show"
HELP = N_("a region by code or name, with its parents and its children")
_L_LEVEL = N_("level")
_L_WITHIN = N_("within")
_L_CHILDREN = N_("children")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags."""
    parser.add_argument("text", help=N_("a code or a name, e.g. 35.10 or Banyuwangi"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    """Print the region."""
    locale = locale_of(args)
    registry = registry_of(args)
    reg = registry.get(args.text, level=args.level)
    chain = registry.chain(reg.code)
    t = translate
    lines = [
        f"{reg.name} ({reg.code})",
        f"  {t(_L_LEVEL, locale)}: {t(LEVEL_LABELS[reg.level], locale)}",
    ]
    if len(chain) > 1:
        lines.append(f"  {t(_L_WITHIN, locale)}: {', '.join(str(r) for r in chain[1:])}")
    if reg.name_en:
        lines.append(f"  English: {reg.name_en}")
    kids = registry.children(reg.code)
    if kids:
        lines.append(f"  {t(_L_CHILDREN, locale)} ({len(kids)}):")
        lines.extend(f"    {kid.code:14} {kid.name}" for kid in kids)
    print("\n".join(lines))
    return 0
