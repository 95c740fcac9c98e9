"""``perlindungan payroll``: contributions of a whole payroll (the bundled sample by default)."""

from __future__ import annotations

import argparse
import json
import sys

from perlindungan._i18n import N_, language_of, translate
from perlindungan.cli._table import render_table
from perlindungan.money import format_rupiah
from perlindungan.payroll import bundled_payroll, payroll_contributions, read_payroll_csv
from perlindungan.programs import Payer

NAME = "payroll"
HELP = "Contributions of every worker in a payroll CSV (default: the bundled sample payroll)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of the command."""
    parser.add_argument(
        "file", nargs="?", help="payroll CSV (or .xlsx, '-' for stdin); omit for the bundled sample"
    )
    parser.add_argument(
        "--delimiter",
        choices=(",", ";", "tab"),
        help="CSV cell separator; default: found from the header line",
    )
    parser.add_argument("--on", required=True, help="date the contributions are for (YYYY-MM-DD)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--lang", default="id", help="language of the output: id (default) or en")


def run(args: argparse.Namespace) -> int:
    """Run the command; exit 1 when some rows could not be computed."""
    language_of(args.lang)
    locale = "en" if args.lang.startswith("en") else "id_ID"
    t = translate
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    entries = (
        bundled_payroll()
        if args.file is None
        else list(read_payroll_csv(args.file, delimiter=delimiter))
    )
    result = payroll_contributions(entries, on=args.on)
    if args.json:
        print(
            json.dumps(
                {
                    "on": result.on.isoformat(),
                    "rows": result.rows,
                    "computed": len(result.quotes),
                    "row_errors": len(result.errors),
                    "workers": [
                        {"row": e.row, "id": e.id, "name": e.name, **q.to_dict()}
                        for e, q in result.quotes
                    ],
                    "errors": [
                        {"row": e.row, "id": e.id, "field": e.field, "message": e.message}
                        for e in result.errors
                    ],
                    "totals": {p.value: int(a) for p, a in result.totals().items()},
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        payers = [p for p in Payer if p in result.totals()]
        rows = []
        for entry, quote in result.quotes:
            totals = quote.totals()
            rows.append(
                [
                    entry.id,
                    entry.name[:28],
                    quote.worker.category.value,
                    *(
                        format_rupiah(totals[p], locale=locale) if p in totals else "-"
                        for p in payers
                    ),
                    format_rupiah(quote.total, locale=locale),
                ]
            )
        headers = [
            "id",
            t("name", locale),
            t("category", locale),
            *(t(p.label, locale) for p in payers),
            t("total", locale),
        ]
        print(
            t("Contributions for {month}", locale).format(month=f"{result.on:%Y-%m}")
            + " "
            + t(N_("({rows} rows = {computed} computed + {errors} row errors)"), locale).format(
                rows=result.rows, computed=len(result.quotes), errors=len(result.errors)
            )
        )
        print(render_table(headers, rows, right=set(range(3, 4 + len(payers)))))
        print()
        print(t("Totals by payer:", locale))
        grand = 0
        for payer, amount in result.totals().items():
            grand += int(amount)
            print(f"    {t(payer.label, locale)}: {format_rupiah(amount, locale=locale)}")
        print(f"    {t('total', locale)}: {format_rupiah(grand, locale=locale)}")
    for error in result.errors:
        print(f"perlindungan: row {error.row} ({error.id}): {error.message}", file=sys.stderr)
    return 1 if result.errors else 0
