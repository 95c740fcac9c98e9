"""``perlindungan region search TEXT``: regions whose name contains a text."""

from __future__ import annotations

import argparse

from perlindungan._i18n import N_, translate
from perlindungan.cli._region_lookup import add_common, locale_of, registry_of
from perlindungan.regional._regions import LEVEL_LABELS

ACTION = "search"
HELP = N_("regions whose name contains a text (a prefix such as Kecamatan narrows it)")
_L_NO_MATCH = N_("no region matches {text!r}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags."""
    parser.add_argument("text", help=N_("a code, a name or a search text"))
    parser.add_argument("--limit", type=int, default=50, help=N_("most results shown by search"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    """Print the matches, highest levels first; exit 1 when none."""
    locale = locale_of(args)
    registry = registry_of(args)
    limit = max(args.limit, 1)
    found = [
        r
        for r in registry.search(args.text, limit=limit * 4 if args.level else limit)
        if args.level is None or r.level == args.level
    ][:limit]
    if not found:
        print(translate(_L_NO_MATCH, locale).format(text=args.text))
        return 1
    for r in found:
        label = translate(LEVEL_LABELS[r.level], locale)
        print(f"{r.code:14} {label:26} {registry.describe(r.code)}")
    return 0
