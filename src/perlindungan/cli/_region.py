"""``perlindungan region``: Kemendagri regions (show CODE|NAME, search TEXT, about)."""

from __future__ import annotations

import argparse

from perlindungan._i18n import N_, language_of, translate
from perlindungan.errors import InvalidInputError
from perlindungan.regional._region_table import bundled_table
from perlindungan.regional._regions import (
    LEVEL_LABELS,
    LEVELS,
    RegionRegistry,
    regions,
    regions_from_file,
)

NAME = "region"
HELP = N_("Kemendagri regions: show CODE|NAME (with its children), search TEXT, about (the table).")
ACTIONS = ("show", "search", "about")
_L_CODE = N_("code")
_L_NAME = N_("name")
_L_LEVEL = N_("level")
_L_WITHIN = N_("within")
_L_CHILDREN = N_("children")
_L_NO_MATCH = N_("no region matches {text!r}")
_L_EDITION = N_("edition")
_L_SOURCE = N_("source")
_L_LICENCE = N_("licence")
_L_COUNTS = N_("counts")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of the command."""
    parser.add_argument("action", choices=ACTIONS, help=translate(N_("what to do")))
    parser.add_argument("text", nargs="?", help=translate(N_("a code, a name or a search text")))
    parser.add_argument("--level", choices=LEVELS, help=translate(N_("only regions of this level")))
    parser.add_argument(
        "--regions",
        metavar="FILE",
        help=translate(N_("a regions file adding regions new or changed since the table")),
    )
    parser.add_argument(
        "--limit", type=int, default=50, help=translate(N_("most results shown by search"))
    )
    parser.add_argument(
        "--lang", default="id", help=translate(N_("language of the output: id (default) or en"))
    )


def _registry(args: argparse.Namespace) -> RegionRegistry:
    return regions_from_file(args.regions) if args.regions else regions()


def run(args: argparse.Namespace) -> int:
    """Run the command."""
    language_of(args.lang)
    locale = "en" if args.lang.startswith("en") else "id_ID"

    def t(message: str) -> str:
        return translate(message, locale)

    if args.action == "about":
        _, info = bundled_table()
        for key, label in (
            ("edition", _L_EDITION),
            ("source", _L_SOURCE),
            ("licence", _L_LICENCE),
            ("counts", _L_COUNTS),
        ):
            print(f"{t(label)}: {info.header.get(key, '-')}")
        return 0
    if not args.text:
        raise InvalidInputError(f"'region {args.action}' needs a code or a name.", field="text")
    registry = _registry(args)
    if args.action == "search":
        found = [
            r
            for r in registry.search(args.text, limit=max(args.limit, 1) * 4)
            if args.level is None or r.level == args.level
        ][: max(args.limit, 1)]
        if not found:
            print(t(_L_NO_MATCH).format(text=args.text))
            return 1
        for r in found:
            print(f"{r.code:14} {t(LEVEL_LABELS[r.level]):26} {registry.describe(r.code)}")
        return 0
    reg = registry.get(args.text, level=args.level)
    chain = registry.chain(reg.code)
    print(f"{reg.name} ({reg.code})")
    print(f"  {t(_L_LEVEL)}: {t(LEVEL_LABELS[reg.level])}")
    if len(chain) > 1:
        print(f"  {t(_L_WITHIN)}: {', '.join(str(r) for r in chain[1:])}")
    if reg.name_en:
        print(f"  English: {reg.name_en}")
    kids = registry.children(reg.code)
    if kids:
        print(f"  {t(_L_CHILDREN)} ({len(kids)}):")
        for kid in kids:
            print(f"    {kid.code:14} {kid.name}")
    return 0
